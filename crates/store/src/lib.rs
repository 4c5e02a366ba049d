//! talenta-store: persistence on SQLite (default, embedded) and PostgreSQL from one query
//! codebase. Repositories return the domain's types; bulk writes are multi-row upserts.

pub mod access;
pub mod audit;
pub mod backup;
pub mod db;
pub mod event;
pub mod master;
pub mod pg_tls;
pub mod pool;
pub mod result;
pub mod schema;
pub mod score;
pub mod selection;
pub mod testing;

pub use db::{Db, Engine, Param, Row, RowRef, Value};

/// A storage failure. Never shown to a user as is: the app maps it to a message.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Could not open or connect.
    #[error("cannot open the database: {0}")]
    Connect(String),
    /// SQLite failed.
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL failed.
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] postgres::Error),
    /// A stored value does not decode into its domain type.
    #[error("stored data does not decode: {0}")]
    Decode(String),
    /// The schema is newer than this program.
    #[error("database schema version {found} is newer than this program ({supported})")]
    SchemaTooNew {
        /// Found.
        found: i64,
        /// Supported.
        supported: i64,
    },
    /// No connection became free in time (the pool is at its upper bound).
    #[error("busy: {0}")]
    Busy(String),
    /// A referenced record does not exist.
    #[error("not found: {0}")]
    NotFound(String),
}

impl StoreError {
    /// Stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Connect(_) => "store.connect",
            StoreError::Sqlite(_) => "store.sqlite",
            StoreError::Postgres(_) => "store.postgres",
            StoreError::Decode(_) => "store.decode",
            StoreError::SchemaTooNew { .. } => "store.schema_too_new",
            StoreError::NotFound(_) => "store.not_found",
            StoreError::Busy(_) => "store.busy",
        }
    }

    /// Whether trying again shortly may succeed: no connection was free, SQLite's write lock
    /// stayed taken past the busy timeout, or PostgreSQL ended a transaction for a
    /// serialization failure, a deadlock or a lock it could not take.
    pub fn is_busy(&self) -> bool {
        match self {
            StoreError::Busy(_) => true,
            StoreError::Sqlite(e) => matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ),
            StoreError::Postgres(e) => e.code().is_some_and(|c| {
                [
                    postgres::error::SqlState::T_R_SERIALIZATION_FAILURE,
                    postgres::error::SqlState::T_R_DEADLOCK_DETECTED,
                    postgres::error::SqlState::LOCK_NOT_AVAILABLE,
                ]
                .contains(c)
            }),
            _ => false,
        }
    }
}
