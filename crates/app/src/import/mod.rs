//! Importing master data from `.xlsx` and `.csv` files with Bahasa Indonesia headers.
//!
//! An import is atomic (one bad row and nothing changes: every row is validated and all errors
//! are reported, but the transaction is rolled back), idempotent (rows are upserted by natural
//! key and unchanged rows are not written), and answers with a row-level report: row, column,
//! value and reason. Large files stream: rows are written in batches inside one transaction.

mod fields;
mod kinds;
pub mod report;
pub mod table;
pub mod template;

use std::path::Path;

use chrono::NaiveDate;
use talenta_store::master::UpsertCounts;
use talenta_store::{Db, StoreError};

use crate::capability::{Can, EditMasterData};

pub use fields::Col;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportKind {
    /// Units (OPD) as a tree.
    Units,
    /// Positions with class, eselon, unit and superior.
    Positions,
    /// Required level per position and competency.
    Standards,
    /// Employees by NIP.
    Employees,
    /// Annual performance ratings.
    Performance,
    /// Disciplinary sanctions.
    Sanctions,
    /// Assessment results (e.g. from an external assessment centre).
    Results,
}

impl ImportKind {
    /// All kinds in the order they depend on each other.
    pub const ALL: [ImportKind; 7] = [
        ImportKind::Units,
        ImportKind::Positions,
        ImportKind::Standards,
        ImportKind::Employees,
        ImportKind::Performance,
        ImportKind::Sanctions,
        ImportKind::Results,
    ];

    /// The English name used on the command line.
    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Units => "units",
            ImportKind::Positions => "positions",
            ImportKind::Standards => "standards",
            ImportKind::Employees => "employees",
            ImportKind::Performance => "performance",
            ImportKind::Sanctions => "sanctions",
            ImportKind::Results => "results",
        }
    }

    /// Name in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            ImportKind::Units => "Unit Kerja",
            ImportKind::Positions => "Jabatan",
            ImportKind::Standards => "Standar Kompetensi Jabatan",
            ImportKind::Employees => "Pegawai",
            ImportKind::Performance => "Penilaian Kinerja",
            ImportKind::Sanctions => "Hukuman Disiplin",
            ImportKind::Results => "Hasil Asesmen",
        }
    }

    /// Parses the command-line name (English or Indonesian).
    pub fn parse(s: &str) -> Option<ImportKind> {
        let t = s.trim().to_lowercase();
        ImportKind::ALL.into_iter().find(|k| {
            k.code() == t
                || match k {
                    ImportKind::Units => t == "unit",
                    ImportKind::Positions => t == "jabatan",
                    ImportKind::Standards => t == "standar",
                    ImportKind::Employees => t == "pegawai",
                    ImportKind::Performance => t == "kinerja",
                    ImportKind::Sanctions => t == "hukdis",
                    ImportKind::Results => t == "hasil",
                }
        })
    }

    /// The columns of this kind's file.
    pub fn columns(self) -> Vec<Col> {
        kinds::columns(self)
    }
}

/// Limits that protect the server from hostile or accidental huge files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportLimits {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Largest total size of an xlsx after inflating (as its zip directory declares; the zip
    /// reader refuses to inflate an entry beyond its declared size).
    pub max_uncompressed_bytes: u64,
    /// Largest size of one non-worksheet part (shared strings, styles) after inflating.
    pub max_part_bytes: u64,
    /// Most data rows.
    pub max_rows: usize,
    /// Most columns.
    pub max_columns: usize,
}

impl Default for ImportLimits {
    fn default() -> Self {
        ImportLimits {
            max_file_bytes: 256 * 1024 * 1024,
            max_uncompressed_bytes: 2 * 1024 * 1024 * 1024,
            max_part_bytes: 128 * 1024 * 1024,
            max_rows: 2_000_000,
            max_columns: 64,
        }
    }
}

/// A problem with one cell or row, shown to the operator (reason in Bahasa Indonesia).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Row number as shown by the spreadsheet program (1 = header row).
    pub row: usize,
    /// Column header.
    pub column: String,
    /// The value as read.
    pub value: String,
    /// Why it is refused.
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportOutcome {
    /// Data rows read (empty rows not counted).
    pub rows: usize,
    /// What was written; all zero when there were errors.
    pub counts: UpsertCounts,
    /// Errors; when any, nothing was written.
    pub errors: Vec<RowError>,
    /// Warnings that did not stop the import.
    pub warnings: Vec<RowError>,
    /// Header columns that were not recognised and were ignored.
    pub ignored_columns: Vec<String>,
}

impl ImportOutcome {
    /// Whether the file was accepted and written.
    pub fn accepted(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Why a whole file is refused (reason in Bahasa Indonesia).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Extension not supported.
    #[error("format berkas '.{0}' tidak didukung: gunakan .xlsx atau .csv")]
    UnsupportedFormat(String),
    /// Cannot read the file.
    #[error("berkas {0} tidak dapat dibaca: {1}")]
    Io(String, String),
    /// Larger than allowed.
    #[error("berkas terlalu besar: {bytes} byte (batas {limit} byte)")]
    FileTooLarge {
        /// Size.
        bytes: u64,
        /// Limit.
        limit: u64,
    },
    /// Not an xlsx at all.
    #[error(
        "berkas bukan berkas Excel .xlsx yang sah (mungkin .xls lama, rusak, atau berganti nama): simpan ulang sebagai .xlsx"
    )]
    NotXlsx,
    /// Looks like xlsx but cannot be read.
    #[error("berkas .xlsx tidak dapat dibaca: {0}")]
    BadXlsx(String),
    /// A zip bomb or absurdly large content.
    #[error("berkas ditolak karena isinya mengembang tidak wajar saat diekstrak ({0})")]
    ZipBomb(String),
    /// Declared or actual size beyond the limits.
    #[error("berkas ditolak karena terlalu besar: {0}")]
    TooBig(String),
    /// No worksheet.
    #[error("berkas .xlsx tidak memiliki lembar kerja")]
    NoSheet,
    /// Not text.
    #[error("berkas bukan CSV teks")]
    NotCsv,
    /// CSV cannot be parsed.
    #[error("berkas CSV tidak dapat dibaca: {0}")]
    BadCsv(String),
    /// Not UTF-8.
    #[error("baris {row} bukan teks UTF-8: simpan berkas CSV sebagai 'CSV UTF-8'")]
    NotUtf8 {
        /// Row.
        row: usize,
    },
    /// The file has no header row.
    #[error("berkas kosong: tidak ada baris judul kolom")]
    Empty,
    /// Required columns are missing.
    #[error("kolom wajib tidak ditemukan di baris judul: {}", .0.join(", "))]
    MissingColumns(Vec<String>),
    /// The same column twice.
    #[error("kolom '{0}' muncul lebih dari sekali di baris judul")]
    DuplicateColumn(String),
    /// Storage failed.
    #[error("penyimpanan gagal: {0}")]
    Store(#[from] StoreError),
    /// Internal: reading stopped because the rows' receiver stopped first.
    #[error("pembacaan dihentikan")]
    Cancelled,
    /// Internal: the file had row errors and the transaction was rolled back.
    #[error("berkas berisi kesalahan")]
    Rejected(Box<ImportOutcome>),
}

/// Options of an import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Safety limits.
    pub limits: ImportLimits,
    /// The reference date (dates after it are refused; ages are computed at it).
    pub as_of: NaiveDate,
}

/// Imports a file into a tenant and records it in the audit trail (same transaction). Returns the outcome with row errors (nothing written) or the
/// counts written; refuses a whole file with an [`ImportError`]. `progress` is called with the
/// number of data rows read so far and the expected total (0 while unknown).
pub fn import_file(
    db: &mut Db,
    ctx: &crate::Ctx,
    actor: &Can<EditMasterData>,
    kind: ImportKind,
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportOutcome, ImportError> {
    let tenant = &actor.tenant;
    table::check_size(path, &options.limits)?;
    table::Format::of(path)?;
    let result = db.transaction(|tx| -> Result<ImportOutcome, ImportError> {
        let rules = talenta_store::master::rules(tx, tenant)?;
        let mut sink = kinds::sink(kind, tx, tenant.id, &rules, options.as_of)?;
        let columns = kind.columns();
        let mut header: Option<fields::HeaderMap> = None;
        let mut outcome = ImportOutcome::default();
        let total = std::sync::atomic::AtomicUsize::new(0);
        table::read_rows_with_total(path, &options.limits, &total, &mut |row_no, cells| {
            if cells.iter().all(table::Cell::is_empty) {
                return Ok(());
            }
            let Some(map) = &header else {
                let (map, ignored) = fields::HeaderMap::build(&columns, &cells)?;
                outcome.ignored_columns = ignored;
                header = Some(map);
                return Ok(());
            };
            outcome.rows += 1;
            if outcome.rows % 1000 == 0 {
                progress(
                    outcome.rows,
                    total.load(std::sync::atomic::Ordering::Relaxed),
                );
            }
            let mut row = fields::Fields::new(
                row_no,
                &cells,
                map,
                &mut outcome.errors,
                &mut outcome.warnings,
            );
            sink.row(tx, &mut row)?;
            Ok(())
        })?;
        if header.is_none() {
            return Err(ImportError::Empty);
        }
        progress(outcome.rows, outcome.rows);
        let counts = sink.finish(tx, &mut outcome.errors)?;
        if !outcome.errors.is_empty() {
            outcome.errors.sort_by_key(|e| e.row);
            return Err(ImportError::Rejected(Box::new(outcome)));
        }
        outcome.counts = counts;
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        ctx.record(
            tx,
            tenant.id,
            &format!("import.{}", kind.code()),
            &format!("file:{file}"),
            serde_json::json!({
                "rows": outcome.rows,
                "inserted": counts.inserted,
                "updated": counts.updated,
                "unchanged": counts.unchanged,
            }),
        )?;
        Ok(outcome)
    });
    match result {
        Err(ImportError::Rejected(outcome)) => Ok(*outcome),
        other => other,
    }
}

fn report_json(errors: &[RowError], warnings: &[RowError]) -> String {
    let line = |e: &RowError| serde_json::json!([e.row, e.column, e.value, e.reason]);
    serde_json::json!({
        "errors": errors.iter().map(line).collect::<Vec<_>>(),
        "warnings": warnings.iter().map(line).collect::<Vec<_>>(),
    })
    .to_string()
}

fn report_lines(v: &serde_json::Value) -> Vec<RowError> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|l| {
                    Some(RowError {
                        row: l.get(0)?.as_u64()? as usize,
                        column: l.get(1)?.as_str()?.to_string(),
                        value: l.get(2)?.as_str()?.to_string(),
                        reason: l.get(3)?.as_str()?.to_string(),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Keeps the row-level report of an import for download; returns its id.
pub fn keep_report(
    db: &mut Db,
    actor: &Can<EditMasterData>,
    ctx: &crate::Ctx,
    kind: ImportKind,
    outcome: &ImportOutcome,
) -> Result<String, crate::AppError> {
    let id = crate::access::random_token(16)?;
    let now = ctx.now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    talenta_store::master::save_import_report(
        db,
        &id,
        actor.tenant.id,
        kind.code(),
        &report_json(&outcome.errors, &outcome.warnings),
        &now,
    )?;
    Ok(id)
}

/// A kept report: the kind's code, errors and warnings.
pub type KeptReport = (String, Vec<RowError>, Vec<RowError>);

/// A kept report of the actor's tenant: kind, errors, warnings.
pub fn kept_report(
    db: &mut Db,
    actor: &Can<EditMasterData>,
    id: &str,
) -> Result<Option<KeptReport>, crate::AppError> {
    let Some((kind, body)) = talenta_store::master::import_report(db, actor.tenant.id, id)? else {
        return Ok(None);
    };
    let v: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
    Ok(Some((
        kind,
        report_lines(&v["errors"]),
        report_lines(&v["warnings"]),
    )))
}
