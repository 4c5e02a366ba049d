//! Backup and restore of the whole installation (every government in the database): an online,
//! consistent copy in one file with a signed manifest, and a restore into an empty database
//! that proves itself (integrity check, row counts, audit chains) before it says done. The
//! mechanics per engine are in `talenta_store::backup`.
//!
//! Who may: whoever holds the database and its audit key (the command line, and the server's
//! own schedule); the copy holds every government, so no tenant role is enough for it.

use std::path::Path;

use talenta_store::Db;
pub use talenta_store::audit::AnchorBreak;
use talenta_store::audit::{self, AuditKey, Verification};
use talenta_store::backup as store;
pub use talenta_store::backup::{Anchor, BackupError, Manifest};

use crate::AppError;
use crate::capability::{Can, EditMasterData};

/// Takes a backup of the database `db` (opened from `url`) into `to`, and records it in the
/// database (its time, file, checksum and size) for the dashboard.
pub fn backup(
    db: &mut Db,
    url: &str,
    key: &AuditKey,
    to: &Path,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Manifest, AppError> {
    let manifest = store::create(db, url, key, to, now)?;
    talenta_store::backup::record(db, &manifest, to, now)?;
    Ok(manifest)
}

/// What a restore proved.
#[derive(Debug)]
pub struct Restored {
    /// The manifest of the backup.
    pub manifest: Manifest,
    /// `PRAGMA integrity_check` of the restored copy (`ok`).
    pub integrity: String,
    /// Every tenant's audit chain, verified on the restored copy.
    pub audit: Vec<Verification>,
}

/// Restores the backup `from` into the empty database at `url`: refuses a file that is not a
/// backup, one made by another installation (its manifest does not verify with `key`), one
/// whose database is damaged, and a target that holds data; then checks the restored copy.
pub fn restore(from: &Path, url: &str, key: &AuditKey) -> Result<Restored, AppError> {
    let checked = store::read(from, key)?;
    store::restore(&checked, url)?;
    let mut db = Db::open(url)?;
    let integrity = store::integrity_check(&mut db)?;
    let audit = audit::verify(&mut db, key)?;
    if integrity != "ok" {
        return Err(BackupError::Mismatch(format!("integrity_check: {integrity}")).into());
    }
    if audit.iter().any(|v| v.first_break.is_some()) {
        return Err(BackupError::Mismatch("audit chain".into()).into());
    }
    Ok(Restored {
        manifest: checked.manifest,
        integrity,
        audit,
    })
}

/// The newest backup recorded in the database: when, which file (shown to those who keep the
/// master data, on their home page).
pub fn last(db: &mut Db, _can: &Can<EditMasterData>) -> Result<Option<(String, String)>, AppError> {
    Ok(talenta_store::backup::last(db)?)
}

/// Prefix and suffix of the files a scheduled backup writes (`talenta-20261202-060000.tar`).
const SCHEDULED: (&str, &str) = ("talenta-", ".tar");

/// A scheduled backup: writes `talenta-<UTC time>.tar` into `dir` and then keeps only the
/// `keep` newest files of that name there (other files are never touched). Returns the file.
pub fn into_dir(
    db: &mut Db,
    url: &str,
    key: &AuditKey,
    dir: &Path,
    keep: usize,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(std::path::PathBuf, Manifest), AppError> {
    let io = |e: std::io::Error| BackupError::Io {
        path: dir.display().to_string(),
        detail: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let file = dir.join(format!(
        "{}{}{}",
        SCHEDULED.0,
        now.format("%Y%m%d-%H%M%S"),
        SCHEDULED.1
    ));
    let manifest = backup(db, url, key, &file, now)?;
    prune(dir, SCHEDULED, keep)?;
    Ok((file, manifest))
}

/// Keeps only the `keep` newest files named `<prefix><UTC time><suffix>` in `dir` (their names
/// sort by time); other files are never touched.
fn prune(dir: &Path, (prefix, suffix): (&str, &str), keep: usize) -> Result<(), AppError> {
    let io = |e: std::io::Error| BackupError::Io {
        path: dir.display().to_string(),
        detail: e.to_string(),
    };
    let mut ours: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(suffix))
        })
        .collect();
    ours.sort();
    let surplus = ours.len().saturating_sub(keep.max(1));
    for old in &ours[..surplus] {
        std::fs::remove_file(old).map_err(io)?;
    }
    Ok(())
}

/// Prefix and suffix of an audit checkpoint's file (`audit-checkpoint-20261202-060000.json`).
const CHECKPOINT: (&str, &str) = ("audit-checkpoint-", ".json");

/// An audit checkpoint: every chain's head, signed, written as
/// `audit-checkpoint-<UTC time>.json` into `dir` (which should be on another disk or machine),
/// keeping the `keep` newest. `serve --checkpoint-dir` takes one a day.
pub fn checkpoint_into_dir(
    db: &mut Db,
    key: &AuditKey,
    dir: &Path,
    keep: usize,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(std::path::PathBuf, Anchor), AppError> {
    std::fs::create_dir_all(dir).map_err(|e| BackupError::Io {
        path: dir.display().to_string(),
        detail: e.to_string(),
    })?;
    let file = dir.join(format!(
        "{}{}{}",
        CHECKPOINT.0,
        now.format("%Y%m%d-%H%M%S"),
        CHECKPOINT.1
    ));
    let at = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let anchor = store::checkpoint(db, key, &at, &file)?;
    prune(dir, CHECKPOINT, keep)?;
    Ok((file, anchor))
}

/// The anchors in `path`: the file itself (a backup or a checkpoint), or every backup and
/// checkpoint that talenta wrote into the folder `path`, oldest first.
pub fn anchors(path: &Path, key: &AuditKey) -> Result<Vec<(std::path::PathBuf, Anchor)>, AppError> {
    if !path.is_dir() {
        return Ok(vec![(path.to_path_buf(), store::read_anchor(path, key)?)]);
    }
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(path)
        .map_err(|e| BackupError::Io {
            path: path.display().to_string(),
            detail: e.to_string(),
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                [SCHEDULED, CHECKPOINT]
                    .iter()
                    .any(|(pre, suf)| n.starts_with(pre) && n.ends_with(suf))
            })
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let a = store::read_anchor(&f, key)?;
            Ok((f, a))
        })
        .collect()
}

/// Checks the database against an anchor: every chain head it names must still be there with
/// the same MAC.
pub fn check_anchor(db: &mut Db, anchor: &Anchor) -> Result<Vec<AnchorBreak>, AppError> {
    Ok(audit::check_anchor(db, &anchor.audit_heads)?)
}
