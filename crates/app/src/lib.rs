//! talenta-app: the use cases, one module (or folder) per feature: imports, directory, events,
//! scoring, meeting, results and reports, talent map and JPM, succession, rotation, selection.
//! Transactions, authorisation (capabilities, see [`capability`]) and the audit trail live here,
//! not in web or CLI; documents are written through `talenta-export`.

pub mod access;
pub mod backup;
pub mod capability;
pub mod context;
pub mod directory;
pub mod error;
pub mod event;
mod export;
pub mod import;
pub mod jpm;
pub mod meeting;
pub mod report;
pub mod results;
pub mod rotation;
pub mod scoring;
pub mod selection;
pub mod succession;
pub mod talent;
pub mod tenant;

pub use context::Ctx;
pub use error::AppError;
// The storage handles the callers hold (a connection, the pool, the audit key, the storage
// error), so web and cli reach the store only through the use cases.
pub use talenta_store::audit::AuditKey;
pub use talenta_store::pool::{Pool, Pooled};
pub use talenta_store::{Db, StoreError};
