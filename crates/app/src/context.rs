//! Who is acting, when, and with which audit key: passed to every use case that changes data
//! or reads a person's results, so the audit entry is written in the same transaction.

use chrono::{DateTime, Utc};
use talenta_store::Db;
use talenta_store::audit::{self, AuditKey, NewEntry};

use crate::AppError;
use crate::error::Fault;

/// The acting party and the injected clock.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// Who acts: an account login, or `cli:<os user>` for the command line.
    pub actor: String,
    /// The audit chain's key.
    pub audit_key: AuditKey,
    /// Now, from the caller's clock (tests fix it).
    pub now: DateTime<Utc>,
}

impl Ctx {
    /// Records an event in `tenant_id`'s audit chain inside the caller's transaction.
    pub fn record(
        &self,
        db: &mut Db,
        tenant_id: i64,
        action: &str,
        subject: &str,
        detail: serde_json::Value,
    ) -> Result<i64, talenta_store::StoreError> {
        let at = self
            .now
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let detail = detail.to_string();
        audit::append(
            db,
            &self.audit_key,
            &at,
            &NewEntry {
                tenant_id,
                actor: &self.actor,
                action,
                subject,
                detail: &detail,
            },
        )
    }

    /// Records that a read (`action`: `result.read`, `employee.read`, `selection.read`) showed
    /// each of `people` (employee ids): one entry per person under their own subject
    /// (`employee:{id}`), so each finds it among who accessed their data (UU 27/2022), however
    /// many a list showed. One detail for all; the chain's head is taken once.
    pub fn record_reads(
        &self,
        db: &mut Db,
        tenant_id: i64,
        action: &str,
        people: &[i64],
        detail: serde_json::Value,
    ) -> Result<(), talenta_store::StoreError> {
        let at = self
            .now
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let detail = detail.to_string();
        let subjects: Vec<String> = people.iter().map(|id| format!("employee:{id}")).collect();
        let entries: Vec<NewEntry<'_>> = subjects
            .iter()
            .map(|subject| NewEntry {
                tenant_id,
                actor: &self.actor,
                action,
                subject,
                detail: &detail,
            })
            .collect();
        audit::append_all(db, &self.audit_key, &at, tenant_id, &entries)?;
        Ok(())
    }
}

/// The audit key of the database `db`, from `path`: read when the file is there; created (32
/// random bytes, readable by the owner only) only when the database holds no audit trail yet,
/// which is what setting up a new installation is. A missing key for a database whose chains
/// exist is refused: a new key could verify none of them and would start chains no one can tie
/// to the old ones. Returns the key and whether it was created.
pub fn audit_key(db: &mut Db, path: &std::path::Path) -> Result<(AuditKey, bool), AppError> {
    if !path.exists() && talenta_store::audit::has_chains(db)? {
        return Err(AppError::Fault(Fault::AuditKeyMissing {
            path: path.display().to_string(),
        }));
    }
    load_or_create_key(path)
}

/// Reads the audit key from `path`, or creates one (32 random bytes, readable by the owner
/// only) when the file does not exist. Returns the key and whether it was created. Use
/// [`audit_key`] where a database is at hand: it refuses to create a key for existing chains.
pub fn load_or_create_key(path: &std::path::Path) -> Result<(AuditKey, bool), AppError> {
    let invalid = |detail: String| {
        AppError::Fault(Fault::AuditKey {
            path: path.display().to_string(),
            detail,
        })
    };
    match std::fs::read(path) {
        Ok(bytes) => Ok((
            AuditKey::new(bytes).map_err(|e| invalid(e.to_string()))?,
            false,
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut bytes = vec![0u8; 32];
            let mut rng =
                std::fs::File::open("/dev/urandom").map_err(|e| invalid(e.to_string()))?;
            std::io::Read::read_exact(&mut rng, &mut bytes).map_err(|e| invalid(e.to_string()))?;
            write_private(path, &bytes).map_err(|e| invalid(e.to_string()))?;
            Ok((
                AuditKey::new(bytes).map_err(|e| invalid(e.to_string()))?,
                true,
            ))
        }
        Err(e) => Err(invalid(e.to_string())),
    }
}

#[cfg(unix)]
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(bytes)
}

#[cfg(not(unix))]
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}
