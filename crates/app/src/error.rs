//! Errors of the use cases, as values: which rule refused, with the facts behind it. The words a
//! person reads (Bahasa Indonesia and English) live in the web layer's i18n
//! (`talenta_web::i18n::app_error`), like every other word; `Display` here is a short English
//! description for logs. Database details are never part of either.

use talenta_store::StoreError;

/// Why a use case could not be carried out.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No tenant with that code.
    #[error("unknown tenant '{0}'")]
    UnknownTenant(String),
    /// Several tenants and none chosen.
    #[error("several tenants ({}), none chosen", .0.join(", "))]
    ChooseTenant(Vec<String>),
    /// The database holds no tenant yet.
    #[error("no tenant yet")]
    NoTenant,
    /// No employee with that NIP.
    #[error("unknown employee {0}")]
    UnknownEmployee(String),
    /// No position with that code.
    #[error("unknown position '{0}'")]
    UnknownPosition(String),
    /// The position has no competency standard.
    #[error("position '{0}' has no competency standard")]
    NoStandard(String),
    /// No valid assessment result.
    #[error("employee {nip} has no valid assessment result")]
    NoValidResult {
        /// NIP.
        nip: String,
        /// Date of the newest result, if any.
        last: Option<chrono::NaiveDate>,
        /// Validity in years.
        years: u8,
    },
    /// A tenant code that already exists.
    #[error("tenant '{0}' exists")]
    TenantExists(String),
    /// The actor may not do this.
    #[error("forbidden")]
    Forbidden,
    /// A use case refused its input or the state it found, with the rule and its facts.
    #[error("refused: {0:?}")]
    Refused(Refusal),
    /// Something on our side that is neither storage nor a document (the system's random
    /// source, the audit key file): the details go to the log.
    #[error("fault: {0}")]
    Fault(Fault),
    /// A backup could not be taken or restored.
    #[error("backup: {0}")]
    Backup(#[from] talenta_store::backup::BackupError),
    /// Storage failed (details go to the log, not to the user).
    #[error("storage failed ({code})", code = .0.code())]
    Store(#[from] StoreError),
    /// A document (PDF or workbook) could not be written: a fault on our side, not the user's.
    #[error("document could not be written ({0})")]
    Export(#[from] talenta_export::ExportError),
}

/// A fault of the machine or its set-up rather than of the user's input.
#[derive(Debug, thiserror::Error)]
pub enum Fault {
    /// The operating system's random source could not be read.
    #[error("random source: {0}")]
    Random(String),
    /// A password could not be hashed.
    #[error("password hash: {0}")]
    PasswordHash(String),
    /// The audit key file is missing while the database holds audit chains made with it.
    #[error("audit key {path} missing for existing audit chains")]
    AuditKeyMissing {
        /// Where the key was looked for.
        path: String,
    },
    /// The audit key file could not be read, created or used.
    #[error("audit key {path}: {detail}")]
    AuditKey {
        /// The key file.
        path: String,
        /// What went wrong.
        detail: String,
    },
}

macro_rules! refusals {
    ($($(#[$doc:meta])* $variant:ident => $module:ident),* $(,)?) => {
        /// Why a use case refused, by the feature that refused it. Each feature's own
        /// `Refusal` enum names its rules with their facts.
        #[derive(Debug)]
        pub enum Refusal {
            $($(#[$doc])* $variant(crate::$module::Refusal),)*
        }

        $(impl From<crate::$module::Refusal> for AppError {
            fn from(r: crate::$module::Refusal) -> Self {
                AppError::Refused(Refusal::$variant(r))
            }
        })*
    };
}

refusals! {
    /// Accounts, sessions and API keys.
    Access => access,
    /// Assessment events: creation, planning, rosters, attendance, moves.
    Event => event,
    /// Open selection of senior posts.
    Selection => selection,
    /// Integration of ratings into results, amendments, publication.
    Results => results,
    /// Assessors' scoring sheets.
    Scoring => scoring,
    /// The assessors' integration meeting.
    Meeting => meeting,
    /// The rotation plan.
    Rotation => rotation,
    /// Successors of a post.
    Succession => succession,
    /// The job-person match.
    Jpm => jpm,
    /// Master data (employees, units, positions).
    Directory => directory,
    /// Reports of results.
    Report => report,
    /// Tenants (governments).
    Tenant => tenant,
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
            AppError::Refused(r) if r.is_not_found() => "not_found",
            AppError::Refused(_) => "input.invalid",
            AppError::Forbidden => "auth.forbidden",
            AppError::Fault(_) => "internal",
            AppError::Backup(_) => "backup.refused",
            AppError::Store(e) => e.code(),
            AppError::Export(_) => "export.failed",
        }
    }
}

impl Refusal {
    /// Whether the refusal is that the thing asked for does not exist (in this tenant) or is
    /// not the actor's to see: an event or a selection with that code, an event the assessor
    /// does not assess, an API key of that name. Pages answer it with "not found", so that
    /// they do not tell which.
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            Refusal::Event(crate::event::Refusal::NotFound { .. })
                | Refusal::Selection(crate::selection::Refusal::NotFound { .. })
                | Refusal::Scoring(crate::scoring::Refusal::NotAssessor { .. })
                | Refusal::Access(crate::access::Refusal::UnknownKey { .. })
        )
    }
}
