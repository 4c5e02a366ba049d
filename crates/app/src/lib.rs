//! talenta-app: the use cases. Importing master data, the demo government, the talent map and
//! JPM against a position. Transactions and (later) authorisation live here, not in web or CLI.

pub mod access;
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
