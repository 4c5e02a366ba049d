//! The audit trail: an append-only log per tenant whose entries are chained by HMAC-SHA256.
//! Each entry's MAC covers its sequence number, time, actor, action, subject, detail and the
//! previous entry's MAC, keyed by a secret kept outside the database. An entry that is edited,
//! deleted, inserted or moved breaks the chain at that point, and without the key nobody can
//! compute a chain that verifies. The head (last sequence number and MAC) is kept per tenant so
//! that a truncated tail is found too; `verify` also returns the head, for an operator who keeps
//! it outside the database as an anchor.
//!
//! Entries are appended in the caller's transaction, so a change and its record commit or roll
//! back together. Appends to one tenant's chain are serialised by updating its head row first
//! (a row lock on PostgreSQL; SQLite has a single writer anyway).

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::{Db, Row, StoreError};

/// The secret key of the chain (at least 32 bytes).
#[derive(Clone)]
pub struct AuditKey(Vec<u8>);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(..)")
    }
}

impl AuditKey {
    /// Wraps key bytes; refuses keys shorter than 32 bytes.
    pub fn new(bytes: Vec<u8>) -> Result<AuditKey, StoreError> {
        if bytes.len() < 32 {
            return Err(StoreError::Decode("audit key shorter than 32 bytes".into()));
        }
        Ok(AuditKey(bytes))
    }

    /// An HMAC-SHA256 of `bytes` for `purpose` (kept apart from the chain's MACs by the
    /// purpose, length-prefixed), hex: signs what is kept outside the database, such as a
    /// backup's manifest, so that only a holder of this key can make one that verifies.
    pub fn sign(&self, purpose: &str, bytes: &[u8]) -> String {
        let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable_key());
        for field in [purpose.as_bytes(), bytes] {
            m.update(&(field.len() as u64).to_le_bytes());
            m.update(field);
        }
        hex::encode(m.finalize().into_bytes())
    }
}

/// What happened, by whom, to what. `detail` is JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry<'a> {
    /// Tenant, or 0 for events of the installation.
    pub tenant_id: i64,
    /// Who: an account login, `cli:<os user>`, `system`.
    pub actor: &'a str,
    /// What kind of event, e.g. `import.employees`, `result.read`.
    pub action: &'a str,
    /// What it concerns, e.g. `employee:42`, `file:pegawai.xlsx`.
    pub subject: &'a str,
    /// Details as JSON.
    pub detail: &'a str,
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Tenant.
    pub tenant_id: i64,
    /// Position in the tenant's chain, from 1.
    pub seq: i64,
    /// UTC time, RFC 3339.
    pub at: String,
    /// Who.
    pub actor: String,
    /// What kind of event.
    pub action: String,
    /// About what.
    pub subject: String,
    /// Details as JSON.
    pub detail: String,
    /// MAC of the previous entry (empty for the first).
    pub prev_mac: String,
    /// MAC of this entry.
    pub mac: String,
}

fn mac_of(
    key: &AuditKey,
    tenant_id: i64,
    seq: i64,
    at: &str,
    e: (&str, &str, &str, &str),
    prev: &str,
) -> String {
    let mut m =
        <Hmac<Sha256> as KeyInit>::new_from_slice(&key.0).unwrap_or_else(|_| unreachable_key());
    // Length-prefixed fields, so that moving text from one field into another changes the MAC.
    for field in [
        tenant_id.to_string().as_str(),
        seq.to_string().as_str(),
        at,
        e.0,
        e.1,
        e.2,
        e.3,
        prev,
    ] {
        m.update(&(field.len() as u64).to_le_bytes());
        m.update(field.as_bytes());
    }
    hex::encode(m.finalize().into_bytes())
}

/// HMAC accepts keys of any length; this is never reached.
fn unreachable_key() -> Hmac<Sha256> {
    <Hmac<Sha256> as KeyInit>::new_from_slice(&[0u8; 32]).unwrap_or_else(|_| unreachable_key())
}

/// Appends an entry to its tenant's chain at time `at` (RFC 3339, UTC); returns its sequence number.
pub fn append(db: &mut Db, key: &AuditKey, at: &str, e: &NewEntry<'_>) -> Result<i64, StoreError> {
    append_all(db, key, at, e.tenant_id, std::slice::from_ref(e))
}

/// Appends entries of one tenant (`tenant_id`; each entry's own is ignored) to its chain in
/// order, taking the head once (a bulk read recording every person it showed); returns the
/// last sequence number (the head's when `entries` is empty).
pub fn append_all(
    db: &mut Db,
    key: &AuditKey,
    at: &str,
    tenant_id: i64,
    entries: &[NewEntry<'_>],
) -> Result<i64, StoreError> {
    // Take the tenant's head row (and with it the lock) first.
    let locked = db.execute(
        "UPDATE audit_heads SET seq = seq WHERE tenant_id = ?",
        &[tenant_id.into()],
    )?;
    let (mut seq, mut prev) = if locked == 0 {
        (0, String::new())
    } else {
        let head = db
            .query_opt(
                "SELECT seq, mac FROM audit_heads WHERE tenant_id = ?",
                &[tenant_id.into()],
            )?
            .ok_or_else(|| StoreError::NotFound("audit head".into()))?;
        (head.int(0)?, head.text(1)?.to_string())
    };
    if entries.is_empty() {
        return Ok(seq);
    }
    for e in entries {
        seq += 1;
        let mac = mac_of(
            key,
            tenant_id,
            seq,
            at,
            (e.actor, e.action, e.subject, e.detail),
            &prev,
        );
        db.execute(
            "INSERT INTO audit_log (tenant_id, seq, at, actor, action, subject, detail, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            &[
                tenant_id.into(),
                seq.into(),
                at.into(),
                e.actor.into(),
                e.action.into(),
                e.subject.into(),
                e.detail.into(),
                prev.as_str().into(),
                mac.as_str().into(),
            ],
        )?;
        prev = mac;
    }
    if locked == 0 {
        db.execute(
            "INSERT INTO audit_heads (tenant_id, seq, mac) VALUES (?, ?, ?)",
            &[tenant_id.into(), seq.into(), prev.as_str().into()],
        )?;
    } else {
        db.execute(
            "UPDATE audit_heads SET seq = ?, mac = ? WHERE tenant_id = ?",
            &[seq.into(), prev.as_str().into(), tenant_id.into()],
        )?;
    }
    Ok(seq)
}

const ENTRY_COLS: &str = "tenant_id, seq, at, actor, action, subject, detail, prev_mac, mac";

fn entry_row(r: &Row) -> Result<Entry, StoreError> {
    Ok(Entry {
        tenant_id: r.int(0)?,
        seq: r.int(1)?,
        at: r.text(2)?.to_string(),
        actor: r.text(3)?.to_string(),
        action: r.text(4)?.to_string(),
        subject: r.text(5)?.to_string(),
        detail: r.text(6)?.to_string(),
        prev_mac: r.text(7)?.to_string(),
        mac: r.text(8)?.to_string(),
    })
}

/// Entries of a tenant, newest first, at most `limit`, optionally only those about `subject`.
pub fn entries(
    db: &mut Db,
    tenant_id: i64,
    subject: Option<&str>,
    limit: i64,
) -> Result<Vec<Entry>, StoreError> {
    let rows = match subject {
        Some(s) => db.query(
            &format!("SELECT {ENTRY_COLS} FROM audit_log WHERE tenant_id = ? AND subject = ? ORDER BY seq DESC LIMIT ?"),
            &[tenant_id.into(), s.into(), limit.into()],
        )?,
        None => db.query(
            &format!("SELECT {ENTRY_COLS} FROM audit_log WHERE tenant_id = ? ORDER BY seq DESC LIMIT ?"),
            &[tenant_id.into(), limit.into()],
        )?,
    };
    rows.iter().map(entry_row).collect()
}

/// The entries about `subject` whose action is one of `actions` (reads of a person's data),
/// newest first, at most `limit`: filtered in the query, so other entries about the person
/// never push a read out of the list.
pub fn entries_of(
    db: &mut Db,
    tenant_id: i64,
    subject: &str,
    actions: &[&str],
    limit: i64,
) -> Result<Vec<Entry>, StoreError> {
    if actions.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; actions.len()].join(", ");
    let mut params: Vec<crate::Param<'_>> = vec![tenant_id.into(), subject.into()];
    params.extend(actions.iter().map(|a| crate::Param::from(*a)));
    params.push(limit.into());
    db.query(
        &format!("SELECT {ENTRY_COLS} FROM audit_log WHERE tenant_id = ? AND subject = ? AND action IN ({marks}) ORDER BY seq DESC LIMIT ?"),
        &params,
    )?
    .iter()
    .map(entry_row)
    .collect()
}

/// The first place where a chain does not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// The entry at `seq` is not what was recorded (edited, or another entry moved here).
    Altered {
        /// Sequence number of the first bad entry.
        seq: i64,
    },
    /// Entries are missing before `found` (expected `expected`).
    Missing {
        /// The sequence number that should come next.
        expected: i64,
        /// The one found instead.
        found: i64,
    },
    /// The chain ends before the head says it should (entries deleted at the end).
    Truncated {
        /// Last sequence number present.
        last: i64,
        /// Sequence number recorded in the head.
        head: i64,
    },
    /// The head does not match the last entry.
    HeadMismatch,
}

impl std::fmt::Display for Break {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Break::Altered { seq } => {
                write!(f, "entri {seq} telah diubah, disisipkan atau dipindahkan")
            }
            Break::Missing { expected, found } => {
                write!(
                    f,
                    "entri {expected} hilang (setelah entri {} ditemukan entri {found})",
                    expected - 1
                )
            }
            Break::Truncated { last, head } => {
                write!(f, "entri {} sampai {head} hilang dari ujung log", last + 1)
            }
            Break::HeadMismatch => f.write_str("kepala rantai tidak cocok dengan entri terakhir"),
        }
    }
}

/// Result of verifying one tenant's chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// Tenant.
    pub tenant_id: i64,
    /// Entries checked.
    pub entries: i64,
    /// The first break, if any.
    pub first_break: Option<Break>,
    /// Head sequence number and MAC, to keep outside the database as an anchor.
    pub head: Option<(i64, String)>,
}

/// Whether the database holds any audit chain (then its key must not be replaced).
pub fn has_chains(db: &mut Db) -> Result<bool, StoreError> {
    Ok(db
        .query_opt("SELECT 1 FROM audit_heads LIMIT 1", &[])?
        .is_some()
        || db
            .query_opt("SELECT 1 FROM audit_log LIMIT 1", &[])?
            .is_some())
}

/// Verifies every tenant's chain, streaming in pages.
pub fn verify(db: &mut Db, key: &AuditKey) -> Result<Vec<Verification>, StoreError> {
    let mut tenants: Vec<i64> = db
        .query("SELECT DISTINCT tenant_id FROM audit_log", &[])?
        .iter()
        .map(|r| r.int(0))
        .collect::<Result<_, _>>()?;
    for r in db.query("SELECT tenant_id FROM audit_heads", &[])? {
        tenants.push(r.int(0)?);
    }
    tenants.sort_unstable();
    tenants.dedup();
    let mut out = Vec::new();
    for t in tenants {
        out.push(verify_tenant(db, key, t)?);
    }
    Ok(out)
}

/// Verifies one tenant's chain.
pub fn verify_tenant(
    db: &mut Db,
    key: &AuditKey,
    tenant_id: i64,
) -> Result<Verification, StoreError> {
    let head = db
        .query_opt(
            "SELECT seq, mac FROM audit_heads WHERE tenant_id = ?",
            &[tenant_id.into()],
        )?
        .map(|r| Ok::<_, StoreError>((r.int(0)?, r.text(1)?.to_string())))
        .transpose()?;
    let mut expected = 1i64;
    let mut prev = String::new();
    let mut first_break = None;
    let mut after = 0i64;
    'pages: loop {
        let page = db.query(
            &format!("SELECT {ENTRY_COLS} FROM audit_log WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT 5000"),
            &[tenant_id.into(), after.into()],
        )?;
        if page.is_empty() {
            break;
        }
        for r in &page {
            let e = entry_row(r)?;
            after = e.seq;
            if e.seq != expected {
                first_break = Some(Break::Missing {
                    expected,
                    found: e.seq,
                });
                break 'pages;
            }
            let mac = mac_of(
                key,
                tenant_id,
                e.seq,
                &e.at,
                (&e.actor, &e.action, &e.subject, &e.detail),
                &prev,
            );
            if e.prev_mac != prev || e.mac != mac {
                first_break = Some(Break::Altered { seq: e.seq });
                break 'pages;
            }
            prev = e.mac;
            expected += 1;
        }
    }
    let checked = expected - 1;
    if first_break.is_none() {
        first_break = match &head {
            Some((seq, _)) if *seq > checked => Some(Break::Truncated {
                last: checked,
                head: *seq,
            }),
            Some((seq, mac)) if *seq != checked || *mac != prev => Some(Break::HeadMismatch),
            None if checked > 0 => Some(Break::HeadMismatch),
            _ => None,
        };
    }
    Ok(Verification {
        tenant_id,
        entries: checked,
        first_break,
        head,
    })
}

/// How a chain differs from an anchor kept outside the database (a backup's manifest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnchorBreak {
    /// The anchor's entry is gone: the chain was cut back behind it, or deleted with its head.
    Missing {
        /// Tenant code (`*` for the installation's own events).
        tenant: String,
        /// Sequence number the anchor recorded.
        seq: i64,
    },
    /// The entry is there but its MAC is not the anchor's: it was rewritten.
    Differs {
        /// Tenant code.
        tenant: String,
        /// Sequence number.
        seq: i64,
    },
}

/// Checks every chain against `heads` (tenant code -> sequence number and MAC, as a backup's
/// manifest keeps them): each anchored entry must still be there with the same MAC. This finds
/// what the database alone cannot show: a tail cut off together with a rewritten head, and a
/// tenant whose whole chain and head were deleted.
pub fn check_anchor(
    db: &mut Db,
    heads: &std::collections::BTreeMap<String, (i64, String)>,
) -> Result<Vec<AnchorBreak>, StoreError> {
    let mut breaks = Vec::new();
    for (tenant, (seq, mac)) in heads {
        let row = if tenant == "*" {
            db.query_opt(
                "SELECT mac FROM audit_log WHERE tenant_id = 0 AND seq = ?",
                &[(*seq).into()],
            )?
        } else {
            db.query_opt(
                "SELECT l.mac FROM audit_log l JOIN tenants t ON t.id = l.tenant_id WHERE t.code = ? AND l.seq = ?",
                &[tenant.as_str().into(), (*seq).into()],
            )?
        };
        match row {
            None => breaks.push(AnchorBreak::Missing {
                tenant: tenant.clone(),
                seq: *seq,
            }),
            Some(r) if r.text(0)? != mac => breaks.push(AnchorBreak::Differs {
                tenant: tenant.clone(),
                seq: *seq,
            }),
            Some(_) => {}
        }
    }
    Ok(breaks)
}
