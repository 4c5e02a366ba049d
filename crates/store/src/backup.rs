//! Online backup and restore of the whole database, on either engine, as one file.
//!
//! A backup is a tar archive of two members: `manifest.json` and the database itself
//! (`database.sqlite`, a `VACUUM INTO` copy; or `database.pgdump`, `pg_dump --format=custom`
//! taken in the same snapshot as the manifest's counts). The manifest names the engine, the
//! schema version, the time, the database's SHA-256 and size, the rows of every table and each
//! tenant's audit head (sequence and MAC), and is signed with the audit key: a file from
//! another installation, a changed manifest or a damaged database is refused by [`read`] before
//! anything is written. People keep working while it runs: SQLite copies from a read
//! transaction of the WAL, PostgreSQL from an exported snapshot.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::audit::AuditKey;
use crate::db::Engine;
use crate::{Db, StoreError};

/// What the archive says it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// Engine the copy was taken from (and can be restored to).
    pub engine: Engine,
    /// Schema version of the copy.
    pub schema_version: i64,
    /// When it was taken (RFC 3339, UTC).
    pub created_at: String,
    /// SHA-256 of the database member, hex.
    pub sha256: String,
    /// Size of the database member in bytes.
    pub bytes: u64,
    /// Rows per table at the instant of the copy.
    pub tables: Counts,
    /// Audit head (sequence number, MAC) per tenant code: an anchor outside the database.
    pub audit_heads: Heads,
}

/// Why a backup file cannot be restored.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// Reading or writing a file failed.
    #[error("{path}: {detail}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        detail: String,
    },
    /// Not a talenta backup (no manifest, unknown format, unreadable archive).
    #[error("not a talenta backup: {0}")]
    NotABackup(String),
    /// The manifest's signature does not verify with this installation's audit key.
    #[error("the backup was made by another installation or its manifest was changed")]
    Foreign,
    /// The database member does not match the manifest's checksum or size.
    #[error("the database in the backup is damaged (checksum or size differs)")]
    Damaged,
    /// The target database already holds data.
    #[error("the target database is not empty")]
    TargetNotEmpty,
    /// The backup is of the other engine.
    #[error("the backup is of {backup:?}, the target is {target:?}")]
    WrongEngine {
        /// Engine of the backup.
        backup: Engine,
        /// Engine of the target.
        target: Engine,
    },
    /// `pg_dump` or `pg_restore` failed or is missing.
    #[error("{tool}: {detail}")]
    Tool {
        /// The program.
        tool: &'static str,
        /// Its message.
        detail: String,
    },
    /// The checkpoint's signature does not verify with this installation's audit key.
    #[error("the checkpoint was made by another installation or was changed")]
    ForeignCheckpoint,
    /// Neither a backup nor an audit checkpoint (given as an anchor).
    #[error("not an audit anchor: {0}")]
    NotAnAnchor(String),
    /// The restored copy does not hold what the manifest says.
    #[error("the restored copy differs from the manifest: {0}")]
    Mismatch(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

const FORMAT: &str = "talenta-backup";
const VERSION: i64 = 1;
const MANIFEST: &str = "manifest.json";
const SQLITE_MEMBER: &str = "database.sqlite";
const PG_MEMBER: &str = "database.pgdump";

fn io(path: &Path) -> impl Fn(std::io::Error) -> BackupError + '_ {
    move |e| BackupError::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

/// The tables of the schema (every user table), sorted.
fn table_names(db: &mut Db) -> Result<Vec<String>, StoreError> {
    let sql = match db.engine() {
        Engine::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        Engine::Postgres => {
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        }
    };
    db.query(sql, &[])?
        .iter()
        .map(|r| r.text(0).map(str::to_string))
        .collect()
}

/// Rows per table.
type Counts = BTreeMap<String, i64>;
/// Audit head (sequence number, MAC) per tenant code.
type Heads = BTreeMap<String, (i64, String)>;

/// Rows per table and the audit heads by tenant code, as one consistent reading of `db`.
fn census(db: &mut Db) -> Result<(Counts, Heads), StoreError> {
    let mut tables = BTreeMap::new();
    for t in table_names(db)? {
        // Table names come from the catalogue, not from a user.
        let n = db
            .query_opt(&format!("SELECT COUNT(*) FROM \"{t}\""), &[])?
            .map(|r| r.int(0))
            .transpose()?
            .unwrap_or(0);
        tables.insert(t, n);
    }
    let heads = if tables.contains_key("audit_heads") {
        audit_heads(db)?
    } else {
        BTreeMap::new()
    };
    Ok((tables, heads))
}

fn heads_json(heads: &Heads) -> serde_json::Value {
    heads
        .iter()
        .map(|(t, (seq, mac))| (t.clone(), serde_json::json!({"seq": seq, "mac": mac})))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// The heads of a manifest or checkpoint; `None` when any is not `{seq, mac}`.
fn heads_from(v: Option<&serde_json::Value>) -> Option<Heads> {
    v?.as_object()?
        .iter()
        .map(|(k, v)| {
            let seq = v.get("seq")?.as_i64()?;
            let mac = v.get("mac")?.as_str()?;
            Some((k.clone(), (seq, mac.to_string())))
        })
        .collect()
}

/// Every chain's head (sequence number, MAC) by tenant code (`*` for the installation's own).
fn audit_heads(db: &mut Db) -> Result<Heads, StoreError> {
    let mut heads = BTreeMap::new();
    for r in db.query(
        "SELECT COALESCE(t.code, '*'), h.seq, h.mac FROM audit_heads h LEFT JOIN tenants t ON t.id = h.tenant_id ORDER BY h.tenant_id",
        &[],
    )? {
        heads.insert(r.text(0)?.to_string(), (r.int(1)?, r.text(2)?.to_string()));
    }
    Ok(heads)
}

fn schema_version(db: &mut Db) -> Result<i64, StoreError> {
    Ok(db
        .query_opt("SELECT MAX(version) FROM schema_migrations", &[])?
        .and_then(|r| r.opt_int(0).ok().flatten())
        .unwrap_or(0))
}

impl Manifest {
    fn body(&self) -> serde_json::Value {
        serde_json::json!({
            "format": FORMAT,
            "version": VERSION,
            "engine": match self.engine { Engine::Sqlite => "sqlite", Engine::Postgres => "postgres" },
            "schema_version": self.schema_version,
            "created_at": self.created_at,
            "sha256": self.sha256,
            "bytes": self.bytes,
            "tables": self.tables,
            "audit_heads": heads_json(&self.audit_heads),
        })
    }

    /// The manifest as signed JSON text.
    fn to_json(&self, key: &AuditKey) -> String {
        let body = self.body();
        let signature = key.sign("backup-manifest", body.to_string().as_bytes());
        serde_json::json!({ "manifest": body, "signature": signature }).to_string()
    }

    /// Parses and checks the signature.
    fn from_json(text: &str, key: &AuditKey) -> Result<Manifest, BackupError> {
        let bad = |m: &str| BackupError::NotABackup(m.to_string());
        let v: serde_json::Value =
            serde_json::from_str(text).map_err(|e| bad(&format!("manifest: {e}")))?;
        let body = v
            .get("manifest")
            .ok_or_else(|| bad("manifest without body"))?;
        if body.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(bad("unknown format"));
        }
        if body.get("version").and_then(|f| f.as_i64()) != Some(VERSION) {
            return Err(bad("unknown format version"));
        }
        let signature = v.get("signature").and_then(|s| s.as_str()).unwrap_or("");
        if key.sign("backup-manifest", body.to_string().as_bytes()) != signature {
            return Err(BackupError::Foreign);
        }
        let text_of = |k: &str| {
            body.get(k)
                .and_then(|x| x.as_str())
                .map(str::to_string)
                .ok_or_else(|| bad(&format!("manifest without {k}")))
        };
        let int_of = |k: &str| {
            body.get(k)
                .and_then(|x| x.as_i64())
                .ok_or_else(|| bad(&format!("manifest without {k}")))
        };
        let engine = match text_of("engine")?.as_str() {
            "sqlite" => Engine::Sqlite,
            "postgres" => Engine::Postgres,
            _ => return Err(bad("unknown engine")),
        };
        let tables = body
            .get("tables")
            .and_then(|t| t.as_object())
            .ok_or_else(|| bad("manifest without tables"))?
            .iter()
            .map(|(k, v)| Ok((k.clone(), v.as_i64().ok_or_else(|| bad("table count"))?)))
            .collect::<Result<BTreeMap<_, _>, BackupError>>()?;
        let audit_heads = heads_from(body.get("audit_heads"))
            .ok_or_else(|| bad("manifest without readable audit heads"))?;
        Ok(Manifest {
            engine,
            schema_version: int_of("schema_version")?,
            created_at: text_of("created_at")?,
            sha256: text_of("sha256")?,
            bytes: u64::try_from(int_of("bytes")?).map_err(|_| bad("bytes"))?,
            tables,
            audit_heads,
        })
    }
}

fn sha256_file(path: &Path) -> Result<(String, u64), BackupError> {
    let mut f = std::fs::File::open(path).map_err(io(path))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut n = 0u64;
    loop {
        let k = f.read(&mut buf).map_err(io(path))?;
        if k == 0 {
            break;
        }
        h.update(&buf[..k]);
        n += k as u64;
    }
    Ok((hex::encode(h.finalize()), n))
}

/// A scratch directory next to `near` (same file system, so the final rename is atomic).
fn scratch(near: &Path) -> Result<tempfile::TempDir, BackupError> {
    let dir = near
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    tempfile::Builder::new()
        .prefix(".talenta-backup-")
        .tempdir_in(dir)
        .map_err(io(dir))
}

/// The PostgreSQL connection string of `db`'s URL for the command-line tools.
fn pg_url(url: &str) -> &str {
    url
}

fn run_tool(tool: &'static str, cmd: &mut Command) -> Result<(), BackupError> {
    let out = cmd.output().map_err(|e| BackupError::Tool {
        tool,
        detail: e.to_string(),
    })?;
    if out.status.success() {
        Ok(())
    } else {
        Err(BackupError::Tool {
            tool,
            detail: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        })
    }
}

/// Takes a consistent online copy of the database at `url` (open as `db`) into the archive
/// `to`, written to a scratch file first and renamed into place when complete. `now` is the
/// time recorded in the manifest.
pub fn create(
    db: &mut Db,
    url: &str,
    key: &AuditKey,
    to: &Path,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Manifest, BackupError> {
    let work = scratch(to)?;
    let engine = db.engine();
    let (member, payload) = match engine {
        Engine::Sqlite => (SQLITE_MEMBER, work.path().join(SQLITE_MEMBER)),
        Engine::Postgres => (PG_MEMBER, work.path().join(PG_MEMBER)),
    };
    let (schema_version, tables, audit_heads) = match engine {
        Engine::Sqlite => {
            let target = payload.to_string_lossy().to_string();
            db.execute("VACUUM INTO ?", &[target.as_str().into()])?;
            // Count on the copy itself: exactly what the archive holds.
            let mut copy = Db::open(&target)?;
            let (tables, heads) = census(&mut copy)?;
            (schema_version(&mut copy)?, tables, heads)
        }
        Engine::Postgres => {
            // One snapshot for the counts and the dump: pg_dump joins it by its name.
            db.batch("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")?;
            let taken = (|| -> Result<_, BackupError> {
                let snapshot = db
                    .query_opt("SELECT pg_export_snapshot()", &[])?
                    .map(|r| r.text(0).map(str::to_string))
                    .transpose()?
                    .unwrap_or_default();
                let (tables, heads) = census(db)?;
                let version = schema_version(db)?;
                run_tool(
                    "pg_dump",
                    Command::new("pg_dump")
                        .arg("--format=custom")
                        .arg("--no-owner")
                        .arg("--no-privileges")
                        .arg(format!("--snapshot={snapshot}"))
                        .arg("--file")
                        .arg(&payload)
                        .arg("--dbname")
                        .arg(pg_url(url)),
                )?;
                Ok((version, tables, heads))
            })();
            db.batch("COMMIT")?;
            taken?
        }
    };
    let (sha256, bytes) = sha256_file(&payload)?;
    let manifest = Manifest {
        engine,
        schema_version,
        created_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        sha256,
        bytes,
        tables,
        audit_heads,
    };
    let archive = work.path().join("backup.tar");
    {
        let file = std::fs::File::create(&archive).map_err(io(&archive))?;
        let mut tar = tar::Builder::new(file);
        let json = manifest.to_json(key);
        let mut header = tar::Header::new_gnu();
        header.set_size(json.len() as u64);
        header.set_mode(0o600);
        header.set_mtime(u64::try_from(now.timestamp()).unwrap_or(0));
        header.set_cksum();
        tar.append_data(&mut header, MANIFEST, json.as_bytes())
            .map_err(io(&archive))?;
        tar.append_path_with_name(&payload, member)
            .map_err(io(&payload))?;
        let mut file = tar.into_inner().map_err(io(&archive))?;
        file.flush().map_err(io(&archive))?;
        file.sync_all().map_err(io(&archive))?;
    }
    std::fs::rename(&archive, to).map_err(io(to))?;
    Ok(manifest)
}

/// A backup archive read and checked: its manifest verified with `key` and its database
/// extracted to a scratch directory and matched against the checksum.
#[derive(Debug)]
pub struct Checked {
    /// The manifest.
    pub manifest: Manifest,
    /// The extracted database member.
    pub database: PathBuf,
    _work: tempfile::TempDir,
}

/// Largest manifest accepted (a real one is a few kilobytes).
const MAX_MANIFEST: u64 = 1 << 20;

fn not_a_backup(e: impl std::fmt::Display) -> BackupError {
    BackupError::NotABackup(e.to_string())
}

/// The name of an archive member, as written.
fn member_name<R: Read>(entry: &tar::Entry<'_, R>) -> Result<String, BackupError> {
    Ok(entry
        .path()
        .map_err(not_a_backup)?
        .to_string_lossy()
        .to_string())
}

/// The text of the manifest member, refused when larger than [`MAX_MANIFEST`].
fn manifest_text<R: Read>(entry: &mut tar::Entry<'_, R>) -> Result<String, BackupError> {
    if entry.size() > MAX_MANIFEST {
        return Err(BackupError::NotABackup("manifest too large".into()));
    }
    let mut s = String::new();
    entry.read_to_string(&mut s).map_err(not_a_backup)?;
    Ok(s)
}

/// Reads and checks the archive `from`: refuses a file that is not a backup, one signed by
/// another installation's key, and one whose database differs from its checksum.
pub fn read(from: &Path, key: &AuditKey) -> Result<Checked, BackupError> {
    let work = scratch(from)?;
    let file = std::fs::File::open(from).map_err(io(from))?;
    let mut tar = tar::Archive::new(file);
    let mut manifest_text_found = None;
    let mut database = None;
    let entries = tar.entries().map_err(not_a_backup)?;
    for entry in entries {
        let mut entry = entry.map_err(not_a_backup)?;
        let name = member_name(&entry)?;
        match name.as_str() {
            MANIFEST => manifest_text_found = Some(manifest_text(&mut entry)?),
            SQLITE_MEMBER | PG_MEMBER => {
                // Only the two known names are written, into our own scratch directory.
                let path = work.path().join(&name);
                let mut out = std::fs::File::create(&path).map_err(io(&path))?;
                std::io::copy(&mut entry, &mut out).map_err(|_| BackupError::Damaged)?;
                database = Some((name, path));
            }
            other => {
                return Err(BackupError::NotABackup(format!(
                    "unexpected member '{other}'"
                )));
            }
        }
    }
    let text = manifest_text_found.ok_or_else(|| BackupError::NotABackup("no manifest".into()))?;
    let manifest = Manifest::from_json(&text, key)?;
    let (name, path) = database.ok_or(BackupError::Damaged)?;
    let expected = match manifest.engine {
        Engine::Sqlite => SQLITE_MEMBER,
        Engine::Postgres => PG_MEMBER,
    };
    if name != expected {
        return Err(BackupError::Damaged);
    }
    let (sha256, bytes) = sha256_file(&path)?;
    if sha256 != manifest.sha256 || bytes != manifest.bytes {
        return Err(BackupError::Damaged);
    }
    Ok(Checked {
        manifest,
        database: path,
        _work: work,
    })
}

/// Whether the database at `db` holds nothing yet (no tenant, no account).
fn is_empty(db: &mut Db) -> Result<bool, StoreError> {
    let names = table_names(db)?;
    for t in ["tenants", "accounts", "audit_log"] {
        if names.iter().any(|n| n == t) {
            let n = db
                .query_opt(&format!("SELECT COUNT(*) FROM {t}"), &[])?
                .map(|r| r.int(0))
                .transpose()?
                .unwrap_or(0);
            if n > 0 {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// Restores a checked backup into the empty database at `url`: a SQLite file is written
/// beside the target and renamed over it (the target must not exist or hold no data); a
/// PostgreSQL database must be empty and is filled by `pg_restore` in one transaction. The
/// copy's row counts and audit heads are compared with the manifest afterwards.
pub fn restore(checked: &Checked, url: &str) -> Result<(), BackupError> {
    let target_engine = if url.starts_with("postgres://")
        || url.starts_with("postgresql://")
        || url.contains("host=")
    {
        Engine::Postgres
    } else {
        Engine::Sqlite
    };
    if target_engine != checked.manifest.engine {
        return Err(BackupError::WrongEngine {
            backup: checked.manifest.engine,
            target: target_engine,
        });
    }
    match target_engine {
        Engine::Sqlite => {
            let path = Path::new(
                url.strip_prefix("sqlite://")
                    .or_else(|| url.strip_prefix("sqlite:"))
                    .unwrap_or(url),
            );
            if path.exists() {
                let mut db = Db::open(&path.to_string_lossy())?;
                if !is_empty(&mut db)? {
                    return Err(BackupError::TargetNotEmpty);
                }
            }
            let work = scratch(path)?;
            let staged = work.path().join("restored.sqlite");
            std::fs::copy(&checked.database, &staged).map_err(io(&staged))?;
            std::fs::File::open(&staged)
                .and_then(|f| f.sync_all())
                .map_err(io(&staged))?;
            for suffix in ["-wal", "-shm"] {
                let side = PathBuf::from(format!("{}{suffix}", path.display()));
                if side.exists() {
                    std::fs::remove_file(&side).map_err(io(&side))?;
                }
            }
            std::fs::rename(&staged, path).map_err(io(path))?;
        }
        Engine::Postgres => {
            let mut db = Db::open(url)?;
            if !is_empty(&mut db)? || !table_names(&mut db)?.is_empty() {
                return Err(BackupError::TargetNotEmpty);
            }
            run_tool(
                "pg_restore",
                Command::new("pg_restore")
                    .arg("--no-owner")
                    .arg("--no-privileges")
                    .arg("--single-transaction")
                    .arg("--exit-on-error")
                    .arg("--dbname")
                    .arg(pg_url(url))
                    .arg(&checked.database),
            )?;
        }
    }
    let mut db = Db::open(url)?;
    let (tables, heads) = census(&mut db)?;
    if tables != checked.manifest.tables {
        let differs: Vec<String> = checked
            .manifest
            .tables
            .iter()
            .filter(|(t, n)| tables.get(*t) != Some(n))
            .map(|(t, n)| format!("{t}: {n} -> {}", tables.get(t).copied().unwrap_or(-1)))
            .collect();
        return Err(BackupError::Mismatch(differs.join(", ")));
    }
    if heads != checked.manifest.audit_heads {
        return Err(BackupError::Mismatch("audit heads".into()));
    }
    Ok(())
}

/// `PRAGMA integrity_check` on SQLite (`ok` when sound); PostgreSQL answers `ok` (its pages
/// are checked by the server itself).
pub fn integrity_check(db: &mut Db) -> Result<String, StoreError> {
    match db.engine() {
        Engine::Sqlite => Ok(db
            .query_opt("PRAGMA integrity_check", &[])?
            .map(|r| r.text(0).map(str::to_string))
            .transpose()?
            .unwrap_or_default()),
        Engine::Postgres => Ok("ok".into()),
    }
}

/// Records a backup just taken (for the dashboard's "last backup").
pub fn record(
    db: &mut Db,
    manifest: &Manifest,
    file: &Path,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let at = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let file = file.display().to_string();
    let bytes = i64::try_from(manifest.bytes).unwrap_or(i64::MAX);
    db.execute(
        "INSERT INTO backups (taken_at, file, sha256, bytes) VALUES (?, ?, ?, ?)",
        &[
            at.as_str().into(),
            file.as_str().into(),
            manifest.sha256.as_str().into(),
            bytes.into(),
        ],
    )?;
    Ok(())
}

/// The newest recorded backup: its time (RFC 3339) and file.
pub fn last(db: &mut Db) -> Result<Option<(String, String)>, StoreError> {
    db.query_opt(
        "SELECT taken_at, file FROM backups ORDER BY taken_at DESC, id DESC LIMIT 1",
        &[],
    )?
    .map(|r| Ok((r.text(0)?.to_string(), r.text(1)?.to_string())))
    .transpose()
}

/// The manifest of the backup `from`, its signature checked with `key`, without extracting the
/// database (an anchor for `audit verify`).
pub fn read_manifest(from: &Path, key: &AuditKey) -> Result<Manifest, BackupError> {
    let file = std::fs::File::open(from).map_err(io(from))?;
    let mut tar = tar::Archive::new(file);
    let entries = tar.entries().map_err(not_a_backup)?;
    for entry in entries {
        let mut entry = entry.map_err(not_a_backup)?;
        if member_name(&entry)? == MANIFEST {
            return Manifest::from_json(&manifest_text(&mut entry)?, key);
        }
    }
    Err(BackupError::NotABackup("no manifest".into()))
}

/// Something kept outside the database that says where each audit chain stood at a moment:
/// a backup's manifest or an audit checkpoint. `audit verify --anchor` checks the database
/// still holds every entry it names, with the same MAC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// A backup (`true`) or a checkpoint.
    pub from_backup: bool,
    /// When it was taken (RFC 3339, UTC).
    pub created_at: String,
    /// Audit head (sequence number, MAC) per tenant code.
    pub audit_heads: Heads,
}

const CHECKPOINT_FORMAT: &str = "talenta-audit-checkpoint";
const CHECKPOINT_PURPOSE: &str = "audit-checkpoint";

/// Writes an audit checkpoint of `db` to the file `to`: every chain's head at `at`, signed with
/// the audit key, as a small JSON file (written beside and renamed into place). Kept outside
/// the database (another disk, another machine), it lets `audit verify` find a chain cut back
/// or deleted together with its head, which the database alone cannot show.
pub fn checkpoint(db: &mut Db, key: &AuditKey, at: &str, to: &Path) -> Result<Anchor, BackupError> {
    let heads = audit_heads(db)?;
    let body = serde_json::json!({
        "format": CHECKPOINT_FORMAT,
        "version": VERSION,
        "created_at": at,
        "audit_heads": heads_json(&heads),
    });
    let signature = key.sign(CHECKPOINT_PURPOSE, body.to_string().as_bytes());
    let text = serde_json::json!({ "checkpoint": body, "signature": signature }).to_string();
    let scratch = scratch(to)?;
    let part = scratch.path().join("checkpoint.json");
    std::fs::write(&part, text).map_err(io(&part))?;
    std::fs::rename(&part, to).map_err(io(to))?;
    Ok(Anchor {
        from_backup: false,
        created_at: at.to_string(),
        audit_heads: heads,
    })
}

/// Reads an anchor: an audit checkpoint (JSON) or a backup (its manifest), its signature
/// checked with `key`.
pub fn read_anchor(from: &Path, key: &AuditKey) -> Result<Anchor, BackupError> {
    let mut head = [0u8; 1];
    let mut file = std::fs::File::open(from).map_err(io(from))?;
    let n = file.read(&mut head).map_err(io(from))?;
    if n == 1 && head[0] == b'{' {
        let mut text = String::new();
        // A checkpoint is a few kB per hundred tenants; anything far larger is not one.
        file.take(64 << 20)
            .read_to_string(&mut text)
            .map_err(|_| BackupError::NotAnAnchor("not UTF-8 JSON".into()))?;
        return read_checkpoint_text(&format!("{{{text}"), key);
    }
    match read_manifest(from, key) {
        Ok(m) => Ok(Anchor {
            from_backup: true,
            created_at: m.created_at,
            audit_heads: m.audit_heads,
        }),
        Err(BackupError::NotABackup(why)) => Err(BackupError::NotAnAnchor(why)),
        Err(e) => Err(e),
    }
}

fn read_checkpoint_text(text: &str, key: &AuditKey) -> Result<Anchor, BackupError> {
    let bad = |m: &str| BackupError::NotAnAnchor(m.to_string());
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| bad(&e.to_string()))?;
    let body = v.get("checkpoint").ok_or_else(|| bad("no checkpoint"))?;
    if body.get("format").and_then(|f| f.as_str()) != Some(CHECKPOINT_FORMAT)
        || body.get("version").and_then(|f| f.as_i64()) != Some(VERSION)
    {
        return Err(bad("unknown format"));
    }
    let signature = v.get("signature").and_then(|s| s.as_str()).unwrap_or("");
    if key.sign(CHECKPOINT_PURPOSE, body.to_string().as_bytes()) != signature {
        return Err(BackupError::ForeignCheckpoint);
    }
    let created_at = body
        .get("created_at")
        .and_then(|x| x.as_str())
        .ok_or_else(|| bad("no created_at"))?
        .to_string();
    let audit_heads =
        heads_from(body.get("audit_heads")).ok_or_else(|| bad("no readable audit heads"))?;
    Ok(Anchor {
        from_backup: false,
        created_at,
        audit_heads,
    })
}
