//! Header matching and typed reading of the cells of one row, recording a precise error for
//! every cell that cannot be read.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::table::{Cell, EXACT_LIMIT};
use super::{ImportError, RowError};

/// A column of an import file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Col {
    /// Header as written in the template (Bahasa Indonesia).
    pub header: &'static str,
    /// Other headers accepted for the same column.
    pub aliases: &'static [&'static str],
    /// Whether every row must fill it.
    pub required: bool,
    /// What to write, for the template's instructions.
    pub hint: &'static str,
}

/// Lower-case letters and digits only: "Kode Unit", "KODE_UNIT" and "kode unit " match.
pub fn normalise(h: &str) -> String {
    h.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Column positions by header; technical competency columns are kept separately.
#[derive(Debug, Clone, Default)]
pub struct HeaderMap {
    by_header: HashMap<&'static str, usize>,
    /// Columns whose header is a competency code (`M.1`, `T.KEU-1`...), for results files.
    pub extra: Vec<(usize, String)>,
}

impl HeaderMap {
    /// Matches a header row against the expected columns. Unknown headers are returned (and
    /// ignored); missing required columns and duplicates refuse the file.
    pub fn build(columns: &[Col], cells: &[Cell]) -> Result<(HeaderMap, Vec<String>), ImportError> {
        let mut map = HeaderMap::default();
        let mut ignored = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            let text = cell.display();
            if text.trim().is_empty() {
                continue;
            }
            let n = normalise(&text);
            let found = columns
                .iter()
                .find(|c| normalise(c.header) == n || c.aliases.iter().any(|a| normalise(a) == n));
            match found {
                Some(c) => {
                    if map.by_header.insert(c.header, i).is_some() {
                        return Err(ImportError::DuplicateColumn(c.header.to_string()));
                    }
                }
                None if text.trim().to_uppercase().starts_with("T.") => {
                    map.extra.push((i, text.trim().to_string()));
                }
                None => ignored.push(text.trim().to_string()),
            }
        }
        let missing: Vec<String> = columns
            .iter()
            .filter(|c| c.required && !map.by_header.contains_key(c.header))
            .map(|c| c.header.to_string())
            .collect();
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns(missing));
        }
        Ok((map, ignored))
    }
}

/// The cells of one data row with their header map, and where errors go.
pub struct Fields<'a> {
    /// Row number as the spreadsheet shows it.
    pub row: usize,
    cells: &'a [Cell],
    map: &'a HeaderMap,
    errors: &'a mut Vec<RowError>,
    warnings: &'a mut Vec<RowError>,
    failed: bool,
}

const EMPTY: Cell = Cell::Empty;

impl<'a> Fields<'a> {
    /// Wraps a row.
    pub fn new(
        row: usize,
        cells: &'a [Cell],
        map: &'a HeaderMap,
        errors: &'a mut Vec<RowError>,
        warnings: &'a mut Vec<RowError>,
    ) -> Self {
        Fields {
            row,
            cells,
            map,
            errors,
            warnings,
            failed: false,
        }
    }

    /// Whether any error was recorded for this row.
    pub fn failed(&self) -> bool {
        self.failed
    }

    /// The raw cell of a column (empty when the column is absent).
    pub fn cell(&self, col: &Col) -> &'a Cell {
        let (map, cells) = (self.map, self.cells);
        map.by_header
            .get(col.header)
            .and_then(|i| cells.get(*i))
            .unwrap_or(&EMPTY)
    }

    /// Cells of the extra (technical competency) columns.
    pub fn extra(&self) -> Vec<(String, &Cell)> {
        self.map
            .extra
            .iter()
            .map(|(i, h)| (h.clone(), self.cells.get(*i).unwrap_or(&EMPTY)))
            .collect()
    }

    /// Records an error on a column.
    pub fn error(&mut self, column: &str, value: &str, reason: impl Into<String>) {
        self.failed = true;
        self.errors.push(RowError {
            row: self.row,
            column: column.to_string(),
            value: value.to_string(),
            reason: reason.into(),
        });
    }

    /// Records a warning on a column.
    pub fn warn(&mut self, column: &str, value: &str, reason: impl Into<String>) {
        self.warnings.push(RowError {
            row: self.row,
            column: column.to_string(),
            value: value.to_string(),
            reason: reason.into(),
        });
    }

    /// Reads a column with `parse`. `Ok(None)`: empty optional cell; `Err(())`: an error was
    /// recorded (empty required cell or a value `parse` refused).
    pub fn get<T>(
        &mut self,
        col: &Col,
        parse: impl FnOnce(&Cell) -> Result<T, String>,
    ) -> Result<Option<T>, ()> {
        let cell = self.cell(col);
        if cell.is_empty() {
            if col.required {
                self.error(col.header, "", "wajib diisi");
                return Err(());
            }
            return Ok(None);
        }
        match parse(cell) {
            Ok(v) => Ok(Some(v)),
            Err(reason) => {
                self.error(col.header, &cell.display(), reason);
                Err(())
            }
        }
    }

    /// Reads a required column (the caller has marked it required).
    pub fn need<T>(
        &mut self,
        col: &Col,
        parse: impl FnOnce(&Cell) -> Result<T, String>,
    ) -> Option<T> {
        match self.get(col, parse) {
            Ok(Some(v)) => Some(v),
            Ok(None) => {
                self.error(col.header, "", "wajib diisi");
                None
            }
            Err(()) => None,
        }
    }

    /// Reads an optional column: `None` when empty or invalid (an error is recorded if invalid).
    pub fn opt<T>(
        &mut self,
        col: &Col,
        parse: impl FnOnce(&Cell) -> Result<T, String>,
    ) -> Option<T> {
        self.get(col, parse).ok().flatten()
    }
}

/// A text cell: numbers and dates as written. Control characters and over-long texts are refused.
pub fn text(max: usize) -> impl Fn(&Cell) -> Result<String, String> {
    move |c| {
        let t = match c {
            Cell::Error(e) => return Err(format!("sel berisi galat Excel {e}")),
            other => other.display(),
        };
        if t.chars().count() > max {
            return Err(format!(
                "terlalu panjang: {} karakter (batas {max})",
                t.chars().count()
            ));
        }
        if t.chars().any(|ch| ch.is_control()) {
            return Err("berisi karakter kendali yang tidak boleh ada".into());
        }
        Ok(t)
    }
}

/// A code: letters, digits and `. - _ /`, at most 40 characters.
pub fn code(c: &Cell) -> Result<String, String> {
    let t = text(40)(c)?;
    if t.chars()
        .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '.' | '-' | '_' | '/'))
    {
        Ok(t)
    } else {
        Err(
            "kode hanya boleh berisi huruf, angka, titik, garis, garis bawah dan garis miring"
                .into(),
        )
    }
}

/// A NIP cell; a NIP stored as a number in Excel has lost its last digits and is refused.
pub fn nip(c: &Cell) -> Result<talenta_domain::Nip, String> {
    match c {
        Cell::Number(f) if f.abs() >= EXACT_LIMIT => Err(
            "NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang: format kolom NIP sebagai Teks lalu ketik ulang"
                .into(),
        ),
        Cell::Number(_) => Err("NIP harus 18 digit".into()),
        Cell::Text(t) => talenta_domain::Nip::parse(t).map_err(|e| e.to_string()),
        Cell::Int(i) => talenta_domain::Nip::parse(&i.to_string()).map_err(|e| e.to_string()),
        other => Err(format!("NIP tidak sah: '{}'", other.display())),
    }
}

const MONTHS: [&[&str]; 12] = [
    &["januari", "jan"],
    &["februari", "pebruari", "feb", "peb"],
    &["maret", "mar"],
    &["april", "apr"],
    &["mei"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["agustus", "agu", "agt", "ags"],
    &["september", "sep", "sept"],
    &["oktober", "okt"],
    &["november", "nov", "nop", "nopember"],
    &["desember", "des"],
];

/// A date: a date cell, `YYYY-MM-DD`, `DD-MM-YYYY`, `DD/MM/YYYY`, `DD.MM.YYYY`, `1 Agustus 1966`,
/// or an Excel serial number.
pub fn date(c: &Cell) -> Result<NaiveDate, String> {
    let bad = |v: &str| {
        format!("tanggal '{v}' tidak dikenali: gunakan format TTTT-BB-HH, mis. 2021-06-09")
    };
    match c {
        Cell::Date(d) => Ok(*d),
        Cell::Int(n) if (1..=2_958_465).contains(n) => NaiveDate::from_ymd_opt(1899, 12, 30)
            .and_then(|e| e.checked_add_days(chrono::Days::new(*n as u64)))
            .ok_or_else(|| bad(&n.to_string())),
        Cell::Text(t) => {
            if let Some(d) = iso_date(t) {
                return Ok(d);
            }
            for f in ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d"] {
                if let Ok(d) = NaiveDate::parse_from_str(t, f) {
                    return Ok(d);
                }
            }
            let parts: Vec<&str> = t.split_whitespace().collect();
            if let [d, m, y] = parts.as_slice() {
                let ml = m.to_lowercase();
                if let Some(mi) = MONTHS.iter().position(|names| names.contains(&ml.as_str()))
                    && let (Ok(d), Ok(y)) = (d.parse::<u32>(), y.parse::<i32>())
                    && let Some(date) = NaiveDate::from_ymd_opt(y, mi as u32 + 1, d)
                {
                    return Ok(date);
                }
            }
            Err(bad(t))
        }
        other => Err(bad(&other.display())),
    }
}

/// `YYYY-MM-DD` without the general parser (the common case, on the hot path of big imports).
fn iso_date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// A competency level (`2`, `2.5`, `2,5`, `2+`, `2-`).
pub fn level(c: &Cell) -> Result<talenta_domain::Level, String> {
    let t = match c {
        Cell::Number(f) => format!("{f}"),
        other => other.display(),
    };
    talenta_domain::Level::parse(&t).map_err(|e| e.to_string())
}

/// A whole number within a range.
pub fn int_in(lo: i64, hi: i64) -> impl Fn(&Cell) -> Result<i64, String> {
    move |c| {
        let v = match c {
            Cell::Int(i) => *i,
            Cell::Text(t) => t
                .parse::<i64>()
                .map_err(|_| format!("'{t}' bukan bilangan bulat"))?,
            other => return Err(format!("'{}' bukan bilangan bulat", other.display())),
        };
        if (lo..=hi).contains(&v) {
            Ok(v)
        } else {
            Err(format!("{v} di luar rentang {lo}-{hi}"))
        }
    }
}

/// A score 0-100 with up to two decimals (comma or dot), in hundredths.
pub fn score(c: &Cell) -> Result<u16, String> {
    let t = match c {
        Cell::Int(i) => i.to_string(),
        Cell::Number(f) => format!("{f:.2}"),
        other => other.display().replace(',', "."),
    };
    let v: f64 = t.parse().map_err(|_| format!("nilai '{t}' bukan angka"))?;
    if !(0.0..=100.0).contains(&v) {
        return Err(format!("nilai {t} di luar rentang 0-100"));
    }
    let h = (v * 100.0).round();
    if (v * 100.0 - h).abs() > 1e-6 {
        return Err(format!("nilai {t} memiliki lebih dari dua angka desimal"));
    }
    Ok(h as u16)
}

/// A value from a fixed vocabulary parsed by `parse`, with the accepted words in the error.
pub fn word<T>(
    parse: fn(&str) -> Option<T>,
    accepted: &'static str,
) -> impl Fn(&Cell) -> Result<T, String> {
    move |c| {
        let t = c.display();
        parse(&t).ok_or_else(|| format!("'{t}' tidak dikenal; isi dengan salah satu: {accepted}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_whatever_the_case_spacing_or_underscores() {
        assert_eq!(normalise("Kode Unit"), normalise("KODE_UNIT"));
        assert_eq!(normalise(" kode unit "), "kodeunit");
    }

    #[test]
    fn dates_are_read_in_the_forms_agencies_write() {
        let d = NaiveDate::from_ymd_opt(1966, 8, 1).unwrap();
        for t in [
            "1966-08-01",
            "01-08-1966",
            "01/08/1966",
            "01.08.1966",
            "1 Agustus 1966",
            "1 agt 1966",
        ] {
            assert_eq!(date(&Cell::Text(t.into())), Ok(d), "{t}");
        }
        assert_eq!(date(&Cell::Int(24320)), Ok(d), "Excel serial number");
        assert!(date(&Cell::Text("31-02-1966".into())).is_err());
        assert!(
            date(&Cell::Text("kemarin".into()))
                .unwrap_err()
                .contains("tidak dikenali")
        );
    }

    #[test]
    fn a_nip_typed_as_a_number_has_lost_digits_and_is_refused_with_the_fix() {
        let err = nip(&Cell::Number(196608011988031001.0)).unwrap_err();
        assert!(err.contains("format kolom NIP sebagai Teks"), "{err}");
        assert!(nip(&Cell::Text("196608011988031001".into())).is_ok());
    }

    #[test]
    fn scores_keep_two_decimals() {
        assert_eq!(score(&Cell::Text("85,57".into())), Ok(8557));
        assert_eq!(score(&Cell::Int(76)), Ok(7600));
        assert!(score(&Cell::Text("85.571".into())).is_err());
        assert!(score(&Cell::Text("101".into())).is_err());
    }

    #[test]
    fn texts_with_control_characters_or_too_long_are_refused() {
        assert!(text(10)(&Cell::Text("a\u{0007}b".into())).is_err());
        assert!(text(3)(&Cell::Text("abcd".into())).is_err());
        assert!(code(&Cell::Text("DINKES 01".into())).is_err());
        assert_eq!(
            code(&Cell::Text("DINKES.01".into())),
            Ok("DINKES.01".into())
        );
    }
}
