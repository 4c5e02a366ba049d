//! Reading a spreadsheet as rows of cells, streaming, from `.xlsx` or `.csv`, and refusing
//! hostile files before they cost memory or time: oversized files, bytes that are not xlsx,
//! zip bombs (checked by inflating with a hard cap before calamine sees the file), sheets that
//! declare a huge dimension, and too many rows or columns. Formula cells give their cached
//! value; a formula is never evaluated.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use calamine::{DataRef, DataType, Reader, Xlsx};
use chrono::NaiveDate;

use super::{ImportError, ImportLimits};

/// One cell's value as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text (trimmed).
    Text(String),
    /// An integer stored as a number.
    Int(i64),
    /// A number that is not an integer, or too large to be exact.
    Number(f64),
    /// A date cell.
    Date(NaiveDate),
    /// A boolean.
    Bool(bool),
    /// An Excel error value such as `#REF!`.
    Error(String),
}

impl Cell {
    /// Whether the cell holds nothing (or only spaces).
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.is_empty(),
            _ => false,
        }
    }

    /// The value as the user would read it in the sheet.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Number(f) => format!("{f}"),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// What kind of file, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML workbook.
    Xlsx,
    /// Comma-, semicolon- or tab-separated text.
    Csv,
}

impl Format {
    /// From the file name's extension.
    pub fn of(path: &Path) -> Result<Format, ImportError> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .as_deref()
        {
            Some("xlsx") => Ok(Format::Xlsx),
            Some("csv") | Some("txt") => Ok(Format::Csv),
            other => Err(ImportError::UnsupportedFormat(
                other.unwrap_or("").to_string(),
            )),
        }
    }
}

/// Size of the file, refused above the limit before anything is read.
pub fn check_size(path: &Path, limits: &ImportLimits) -> Result<u64, ImportError> {
    let meta = std::fs::metadata(path)
        .map_err(|e| ImportError::Io(path.display().to_string(), e.to_string()))?;
    if meta.len() > limits.max_file_bytes {
        return Err(ImportError::FileTooLarge {
            bytes: meta.len(),
            limit: limits.max_file_bytes,
        });
    }
    Ok(meta.len())
}

/// Reads every row; `on_row(row_number, cells)` gets 1-based sheet row numbers. Stops early
/// when `on_row` returns an error.
///
/// Parsing runs on a second thread and hands rows over in batches through a bounded channel,
/// so decompressing and parsing the file overlaps with validating and storing rows (a large
/// import takes about half the time on two cores) while memory stays bounded by a few batches.
pub fn read_rows(
    path: &Path,
    limits: &ImportLimits,
    on_row: &mut dyn FnMut(usize, Vec<Cell>) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    read_rows_with_total(path, limits, &AtomicUsize::new(0), on_row)
}

/// [`read_rows`], also storing in `total` the expected number of rows as soon as it is known
/// (the sheet's declared dimension, or an estimate from the size of a CSV file), for a
/// progress bar.
pub fn read_rows_with_total(
    path: &Path,
    limits: &ImportLimits,
    total: &AtomicUsize,
    on_row: &mut dyn FnMut(usize, Vec<Cell>) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    let bytes = check_size(path, limits)?;
    let format = Format::of(path)?;
    if format == Format::Csv {
        total.store(estimate_csv_rows(path, bytes), Ordering::Relaxed);
    }
    if std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
        // One core: a second thread would only add hand-overs.
        return match format {
            Format::Xlsx => read_xlsx(path, limits, total, on_row),
            Format::Csv => read_csv(path, limits, on_row),
        };
    }
    const BATCH: usize = 512;
    type Batch = Result<Vec<(usize, Vec<Cell>)>, ImportError>;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(8);
    std::thread::scope(|scope| {
        let producer = scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let mut send = |row: usize, cells: Vec<Cell>| -> Result<(), ImportError> {
                batch.push((row, cells));
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    // The consumer hung up (it stopped on an error): stop reading.
                    tx.send(Ok(full)).map_err(|_| ImportError::Cancelled)?;
                }
                Ok(())
            };
            let result = match format {
                Format::Xlsx => read_xlsx(path, limits, total, &mut send),
                Format::Csv => read_csv(path, limits, &mut send),
            };
            let last = result.map(|()| batch);
            let _ = tx.send(last);
        });
        let mut outcome = Ok(());
        for batch in rx.iter() {
            match batch {
                Ok(rows) => {
                    for (row, cells) in rows {
                        if let Err(e) = on_row(row, cells) {
                            outcome = Err(e);
                            break;
                        }
                    }
                }
                Err(ImportError::Cancelled) => {}
                Err(e) => outcome = Err(e),
            }
            if outcome.is_err() {
                break;
            }
        }
        drop(rx);
        if producer.join().is_err() {
            outcome = Err(ImportError::BadXlsx(
                "pembaca berkas berhenti tak terduga".into(),
            ));
        }
        outcome
    })
}

/// Refuses a zip bomb before calamine inflates anything. The zip reader never inflates an
/// entry beyond the uncompressed size its directory declares (it fails instead), so bounding
/// the declared sizes bounds the work and the memory: every part together at most
/// `max_uncompressed_bytes`, and each part that calamine holds in memory (shared strings,
/// styles: everything but the streamed worksheets) at most `max_part_bytes`.
fn check_zip(path: &Path, limits: &ImportLimits) -> Result<(), ImportError> {
    let file =
        File::open(path).map_err(|e| ImportError::Io(path.display().to_string(), e.to_string()))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|_| ImportError::NotXlsx)?;
    if zip.len() > 10_000 {
        return Err(ImportError::ZipBomb(
            "terlalu banyak bagian di dalam arsip".into(),
        ));
    }
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(|_| ImportError::NotXlsx)?;
        let name = f.name().map(|n| n.to_string()).unwrap_or_default();
        declared = declared.saturating_add(f.size());
        if !name.starts_with("xl/worksheets/") && f.size() > limits.max_part_bytes {
            return Err(ImportError::ZipBomb(format!(
                "bagian '{name}' mengembang menjadi {} MB (batas {} MB)",
                f.size() / 1_000_000,
                limits.max_part_bytes / 1_000_000
            )));
        }
    }
    for i in 0..zip.len() {
        let shared = zip.by_index_raw(i).ok().and_then(|f| {
            f.name().ok().map(|n| {
                n.to_ascii_lowercase()
                    .replace('\\', "/")
                    .ends_with("sharedstrings.xml")
            })
        });
        if shared == Some(true) {
            check_shared_strings(&mut zip, i)?;
        }
    }
    if declared > limits.max_uncompressed_bytes {
        return Err(ImportError::ZipBomb(format!(
            "isi arsip mengembang menjadi {} MB (batas {} MB)",
            declared / 1_000_000,
            limits.max_uncompressed_bytes / 1_000_000
        )));
    }
    Ok(())
}

/// calamine reserves room for as many shared strings as `uniqueCount` on `<sst>` says before it
/// reads one: a 10 KB file saying 400000000000 aborts the process (the allocation fails), one
/// beyond `usize::MAX / 24` panics. Refused unless the part could hold that many (`<si/>`, five
/// bytes each, within its declared size, itself bounded by `max_part_bytes`). The start tag is
/// found as calamine finds it (the first element named `sst`); a part that does not parse is
/// left to calamine to refuse.
fn check_shared_strings<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    index: usize,
) -> Result<(), ImportError> {
    let Ok(part) = zip.by_index(index) else {
        return Ok(());
    };
    let size = part.size();
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    let config = xml.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Start(e)) if e.local_name().as_ref() == "sst" => {
                let declared = unique_count(e.as_bytes());
                if declared > size / 5 + 1 {
                    return Err(ImportError::BadXlsx(format!(
                        "daftar teks bersama menyatakan {declared} teks, lebih dari yang dapat \
                         dimuat bagiannya ({size} byte)"
                    )));
                }
                return Ok(());
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
}

/// The largest number given to any `uniqueCount` in a start tag (digits after `=` and a quote;
/// calamine reads only digits), saturating.
fn unique_count(tag: &[u8]) -> u64 {
    const KEY: &[u8] = b"uniqueCount";
    memchr::memmem::find_iter(tag, KEY)
        .map(|i| {
            tag[i + KEY.len()..]
                .iter()
                .skip_while(|b| b.is_ascii_whitespace() || matches!(b, b'=' | b'"' | b'\''))
                .take_while(|b| b.is_ascii_digit())
                .fold(0u64, |n, d| {
                    n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
                })
        })
        .max()
        .unwrap_or(0)
}

fn read_xlsx(
    path: &Path,
    limits: &ImportLimits,
    total: &AtomicUsize,
    on_row: &mut dyn FnMut(usize, Vec<Cell>) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    let mut head = [0u8; 4];
    let mut f =
        File::open(path).map_err(|e| ImportError::Io(path.display().to_string(), e.to_string()))?;
    if f.read_exact(&mut head).is_err() || head != *b"PK\x03\x04" {
        return Err(ImportError::NotXlsx);
    }
    check_zip(path, limits)?;
    let file =
        File::open(path).map_err(|e| ImportError::Io(path.display().to_string(), e.to_string()))?;
    let mut wb: Xlsx<_> =
        Xlsx::new(BufReader::new(file)).map_err(|e| ImportError::BadXlsx(e.to_string()))?;
    let sheet = wb
        .sheet_names()
        .into_iter()
        .next()
        .ok_or(ImportError::NoSheet)?;
    let mut cells = wb
        .worksheet_cells_reader(&sheet)
        .map_err(|e| ImportError::BadXlsx(e.to_string()))?;
    let dim = cells.dimensions();
    let (rows, cols) = (
        u64::from(dim.end.0.saturating_sub(dim.start.0)) + 1,
        u64::from(dim.end.1.saturating_sub(dim.start.1)) + 1,
    );
    if rows > limits.max_rows as u64 + 1 || cols > limits.max_columns as u64 {
        return Err(ImportError::TooBig(format!(
            "lembar kerja menyatakan ukuran {rows} baris x {cols} kolom (batas {} baris x {} kolom)",
            limits.max_rows, limits.max_columns
        )));
    }
    total.store(rows.saturating_sub(1) as usize, Ordering::Relaxed);
    let mut current: Option<u32> = None;
    let mut row: Vec<Cell> = Vec::new();
    let mut seen_rows = 0usize;
    loop {
        let next = cells
            .next_cell()
            .map_err(|e| ImportError::BadXlsx(e.to_string()))?;
        let Some(cell) = next else { break };
        let (r, c) = cell.get_position();
        if c as usize >= limits.max_columns {
            if cell.get_value().is_empty() {
                continue;
            }
            return Err(ImportError::TooBig(format!(
                "baris {} berisi data di kolom ke-{} (batas {} kolom)",
                r + 1,
                c + 1,
                limits.max_columns
            )));
        }
        if current != Some(r) {
            if let Some(prev) = current {
                seen_rows += 1;
                if seen_rows > limits.max_rows + 1 {
                    return Err(ImportError::TooBig(format!(
                        "lebih dari {} baris data",
                        limits.max_rows
                    )));
                }
                on_row(prev as usize + 1, std::mem::take(&mut row))?;
            }
            current = Some(r);
        }
        let c = c as usize;
        if row.len() <= c {
            row.resize(c + 1, Cell::Empty);
        }
        row[c] = convert(cell.get_value());
    }
    if let Some(prev) = current {
        on_row(prev as usize + 1, row)?;
    }
    Ok(())
}

/// Largest integer a double holds exactly; bigger "numbers" (an 18-digit NIP typed into a
/// number cell) have already lost digits.
pub const EXACT_LIMIT: f64 = 9_007_199_254_740_992.0;

fn convert(v: &DataRef<'_>) -> Cell {
    match v {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => Cell::Text(s.trim().to_string()),
        DataRef::SharedString(s) => Cell::Text(s.trim().to_string()),
        DataRef::Int(i) => Cell::Int(*i),
        DataRef::Float(f) => {
            if f.fract() == 0.0 && f.abs() < EXACT_LIMIT {
                Cell::Int(*f as i64)
            } else {
                Cell::Number(*f)
            }
        }
        DataRef::Bool(b) => Cell::Bool(*b),
        // calamine turns the serial into milliseconds with a saturating cast and chrono panics
        // on i64::MIN ("-1e300" in a date-styled cell): only serials within years 0..10000
        // (and a margin) reach it; anything else is not a date.
        DataRef::DateTime(d) if !(-1e7..1e7).contains(&d.as_f64()) => {
            Cell::Error("tanggal tidak sah".into())
        }
        DataRef::DateTime(d) => match d.as_datetime() {
            Some(dt) => Cell::Date(dt.date()),
            None => Cell::Error("tanggal tidak sah".into()),
        },
        DataRef::DateTimeIso(s) => {
            match NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
                Ok(d) => Cell::Date(d),
                Err(_) => Cell::Text(s.clone()),
            }
        }
        DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Error(format!("{e:?}")),
    }
}

fn read_csv(
    path: &Path,
    limits: &ImportLimits,
    on_row: &mut dyn FnMut(usize, Vec<Cell>) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    let mut file =
        File::open(path).map_err(|e| ImportError::Io(path.display().to_string(), e.to_string()))?;
    let mut head = vec![0u8; 64 * 1024];
    let n = read_up_to(&mut file, &mut head)?;
    head.truncate(n);
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or(&[]);
    if first_line.contains(&0) {
        return Err(ImportError::NotCsv);
    }
    let delimiter = [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.iter().filter(|b| *b == d).count())
        .unwrap_or(b',');
    let file =
        File::open(path).map_err(|e| ImportError::Io(path.display().to_string(), e.to_string()))?;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(BufReader::new(file));
    let mut record = csv::ByteRecord::new();
    let mut line = 0usize;
    loop {
        match rdr.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(ImportError::BadCsv(e.to_string())),
        }
        line += 1;
        if line > limits.max_rows + 1 {
            return Err(ImportError::TooBig(format!(
                "lebih dari {} baris data",
                limits.max_rows
            )));
        }
        if record.len() > limits.max_columns {
            return Err(ImportError::TooBig(format!(
                "baris {line} berisi {} kolom (batas {} kolom)",
                record.len(),
                limits.max_columns
            )));
        }
        let row_no = record.position().map(|p| p.line() as usize).unwrap_or(line);
        let mut cells = Vec::with_capacity(record.len());
        for (i, field) in record.iter().enumerate() {
            let field = if line == 1 && i == 0 {
                field.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(field)
            } else {
                field
            };
            let text =
                std::str::from_utf8(field).map_err(|_| ImportError::NotUtf8 { row: row_no })?;
            let t = text.trim();
            cells.push(if t.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(t.to_string())
            });
        }
        on_row(row_no, cells)?;
    }
    Ok(())
}

/// Rows of a CSV file estimated from its size and its first 64 KB.
fn estimate_csv_rows(path: &Path, bytes: u64) -> usize {
    let mut buf = vec![0u8; 64 * 1024];
    let n = File::open(path)
        .ok()
        .and_then(|mut f| read_up_to(&mut f, &mut buf).ok())
        .unwrap_or(0);
    let lines = buf[..n].iter().filter(|b| **b == b'\n').count().max(1);
    if n == 0 {
        0
    } else {
        (bytes as f64 * lines as f64 / n as f64) as usize
    }
}

fn read_up_to(f: &mut File, buf: &mut [u8]) -> Result<usize, ImportError> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) => return Err(ImportError::Io(String::new(), e.to_string())),
        }
    }
    Ok(n)
}
