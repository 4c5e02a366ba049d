//! Errors of the use cases, with stable codes; `Display` is a message a BKD operator
//! understands (Bahasa Indonesia). Database details are never part of the message.

use talenta_store::StoreError;

/// Why a use case could not be carried out.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No tenant with that code.
    #[error("instansi '{0}' tidak ditemukan")]
    UnknownTenant(String),
    /// Several tenants and none chosen.
    #[error("ada {} instansi ({}): pilih salah satu dengan --tenant KODE", .0.len(), .0.join(", "))]
    ChooseTenant(Vec<String>),
    /// The database holds no tenant yet.
    #[error(
        "belum ada instansi: jalankan 'talenta init --tenant KODE --name NAMA' atau 'talenta demo'"
    )]
    NoTenant,
    /// No employee with that NIP.
    #[error("pegawai dengan NIP {0} tidak ditemukan")]
    UnknownEmployee(String),
    /// No position with that code.
    #[error("jabatan dengan kode '{0}' tidak ditemukan")]
    UnknownPosition(String),
    /// The position has no competency standard.
    #[error("jabatan '{0}' belum memiliki standar kompetensi")]
    NoStandard(String),
    /// No valid assessment result.
    #[error("pegawai {nip} tidak memiliki hasil asesmen yang masih berlaku{}", .last.map(|d| format!(" (hasil terakhir {d}, berlaku {} tahun)", .years)).unwrap_or_default())]
    NoValidResult {
        /// NIP.
        nip: String,
        /// Date of the newest result, if any.
        last: Option<chrono::NaiveDate>,
        /// Validity in years.
        years: u8,
    },
    /// A tenant code that already exists.
    #[error("instansi '{0}' sudah ada")]
    TenantExists(String),
    /// The actor may not do this.
    #[error("Anda tidak berhak melakukan ini")]
    Forbidden,
    /// Invalid input to a use case.
    #[error("{0}")]
    Invalid(String),
    /// Storage failed (details go to the log, not to the user).
    #[error("penyimpanan data gagal; hubungi administrator (kode {code})", code = .0.code())]
    Store(#[from] StoreError),
    /// A document (PDF or workbook) could not be written: a fault on our side, not the user's.
    #[error("dokumen tidak dapat dibuat; hubungi administrator ({0})")]
    Export(#[from] talenta_export::ExportError),
}

impl AppError {
    /// Stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::UnknownTenant(_) => "tenant.unknown",
            AppError::ChooseTenant(_) => "tenant.choose",
            AppError::NoTenant => "tenant.none",
            AppError::UnknownEmployee(_) => "employee.unknown",
            AppError::UnknownPosition(_) => "position.unknown",
            AppError::NoStandard(_) => "position.no_standard",
            AppError::NoValidResult { .. } => "result.none_valid",
            AppError::TenantExists(_) => "tenant.exists",
            AppError::Invalid(_) => "input.invalid",
            AppError::Forbidden => "auth.forbidden",
            AppError::Store(e) => e.code(),
            AppError::Export(_) => "export.failed",
        }
    }
}
