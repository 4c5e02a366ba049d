//! Accounts, memberships (an account's role in a tenant; an assessor may serve several),
//! sessions (stored by the SHA-256 of their token, never the token itself), API keys (hashed)
//! and failed logins for rate limiting. Times are RFC 3339 UTC text, so they compare as text.

use crate::{Db, Row, StoreError};

/// A login account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Key.
    pub id: i64,
    /// Login name.
    pub login: String,
    /// Name shown on pages.
    pub display_name: String,
    /// PHC string of the password hash (argon2id).
    pub password_hash: String,
    /// Whether it may log in.
    pub active: bool,
}

/// An account's role in one tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    /// Tenant.
    pub tenant_id: i64,
    /// Role code.
    pub role: String,
    /// The employee record of the account holder, for the employee role.
    pub employee_id: Option<i64>,
}

/// A stored session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Account.
    pub account_id: i64,
    /// Tenant the session works in.
    pub tenant_id: i64,
    /// Anti-CSRF token of the session.
    pub csrf_token: String,
    /// Created at.
    pub created_at: String,
    /// Last request at.
    pub last_seen_at: String,
}

/// A stored API key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    /// Key.
    pub id: i64,
    /// Tenant.
    pub tenant_id: i64,
    /// Name given by the admin.
    pub name: String,
    /// Role code.
    pub role: String,
    /// Whether it was revoked.
    pub revoked: bool,
    /// Last day it is valid (UTC), `YYYY-MM-DD`; `None` for keys made before keys expired.
    pub expires_on: Option<String>,
    /// When it was made (RFC 3339 UTC).
    pub created_at: String,
}

fn account_row(r: &Row) -> Result<Account, StoreError> {
    Ok(Account {
        id: r.int(0)?,
        login: r.text(1)?.to_string(),
        display_name: r.text(2)?.to_string(),
        password_hash: r.text(3)?.to_string(),
        active: r.int(4)? != 0,
    })
}

/// Creates an account, or updates name and password of an existing login; returns its id.
pub fn upsert_account(
    db: &mut Db,
    login: &str,
    display_name: &str,
    password_hash: &str,
    now: &str,
) -> Result<i64, StoreError> {
    db.execute(
        "INSERT INTO accounts (login, display_name, password_hash, active, created_at) VALUES (?, ?, ?, 1, ?) \
         ON CONFLICT (login) DO UPDATE SET display_name = excluded.display_name, password_hash = excluded.password_hash",
        &[login.into(), display_name.into(), password_hash.into(), now.into()],
    )?;
    account_by_login(db, login)?
        .map(|a| a.id)
        .ok_or_else(|| StoreError::NotFound(login.into()))
}

/// An account by login.
pub fn account_by_login(db: &mut Db, login: &str) -> Result<Option<Account>, StoreError> {
    db.query_opt(
        "SELECT id, login, display_name, password_hash, active FROM accounts WHERE login = ?",
        &[login.into()],
    )?
    .map(|r| account_row(&r))
    .transpose()
}

/// An account by id.
pub fn account(db: &mut Db, id: i64) -> Result<Option<Account>, StoreError> {
    db.query_opt(
        "SELECT id, login, display_name, password_hash, active FROM accounts WHERE id = ?",
        &[id.into()],
    )?
    .map(|r| account_row(&r))
    .transpose()
}

/// Gives an account a role in a tenant (replacing its earlier role there).
pub fn set_membership(
    db: &mut Db,
    account_id: i64,
    tenant_id: i64,
    role: &str,
    employee_id: Option<i64>,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO memberships (account_id, tenant_id, role, employee_id) VALUES (?, ?, ?, ?) \
         ON CONFLICT (account_id, tenant_id) DO UPDATE SET role = excluded.role, employee_id = excluded.employee_id",
        &[account_id.into(), tenant_id.into(), role.into(), employee_id.into()],
    )?;
    Ok(())
}

/// Every membership of an account, by tenant id.
pub fn memberships(db: &mut Db, account_id: i64) -> Result<Vec<Membership>, StoreError> {
    db.query(
        "SELECT tenant_id, role, employee_id FROM memberships WHERE account_id = ? ORDER BY tenant_id",
        &[account_id.into()],
    )?
    .iter()
    .map(|r| Ok(Membership { tenant_id: r.int(0)?, role: r.text(1)?.to_string(), employee_id: r.opt_int(2)? }))
    .collect()
}

/// Stores a new session.
pub fn create_session(
    db: &mut Db,
    token_hash: &str,
    account_id: i64,
    tenant_id: i64,
    csrf: &str,
    now: &str,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO sessions (token_hash, account_id, tenant_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)",
        &[token_hash.into(), account_id.into(), tenant_id.into(), csrf.into(), now.into(), now.into()],
    )?;
    Ok(())
}

/// A session by token hash.
pub fn session(db: &mut Db, token_hash: &str) -> Result<Option<Session>, StoreError> {
    db.query_opt(
        "SELECT account_id, tenant_id, csrf_token, created_at, last_seen_at FROM sessions WHERE token_hash = ?",
        &[token_hash.into()],
    )?
    .map(|r| {
        Ok(Session {
            account_id: r.int(0)?,
            tenant_id: r.int(1)?,
            csrf_token: r.text(2)?.to_string(),
            created_at: r.text(3)?.to_string(),
            last_seen_at: r.text(4)?.to_string(),
        })
    })
    .transpose()
}

/// Marks a session as used now.
pub fn touch_session(db: &mut Db, token_hash: &str, now: &str) -> Result<(), StoreError> {
    db.execute(
        "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?",
        &[now.into(), token_hash.into()],
    )?;
    Ok(())
}

/// Ends a session.
pub fn delete_session(db: &mut Db, token_hash: &str) -> Result<(), StoreError> {
    db.execute(
        "DELETE FROM sessions WHERE token_hash = ?",
        &[token_hash.into()],
    )?;
    Ok(())
}

/// A new API key: its tenant, name, hash, role and last valid day.
#[derive(Debug, Clone, Copy)]
pub struct NewApiKey<'a> {
    /// Tenant.
    pub tenant_id: i64,
    /// Name given by the admin.
    pub name: &'a str,
    /// SHA-256 of the key.
    pub key_hash: &'a str,
    /// Role code.
    pub role: &'a str,
    /// Last day it is valid, `YYYY-MM-DD`.
    pub expires_on: &'a str,
}

/// Stores an API key by its hash.
pub fn create_api_key(db: &mut Db, k: &NewApiKey<'_>, now: &str) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO api_keys (tenant_id, name, key_hash, role, created_at, expires_on) VALUES (?, ?, ?, ?, ?, ?)",
        &[
            k.tenant_id.into(),
            k.name.into(),
            k.key_hash.into(),
            k.role.into(),
            now.into(),
            k.expires_on.into(),
        ],
    )?;
    Ok(())
}

/// Revokes the tenant's keys of that name that are not revoked yet; returns how many.
pub fn revoke_api_keys(
    db: &mut Db,
    tenant_id: i64,
    name: &str,
    now: &str,
) -> Result<u64, StoreError> {
    db.execute(
        "UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND name = ? AND revoked_at IS NULL",
        &[now.into(), tenant_id.into(), name.into()],
    )
}

/// The tenant's API keys, newest first.
pub fn api_keys(db: &mut Db, tenant_id: i64) -> Result<Vec<ApiKey>, StoreError> {
    db.query(
        "SELECT id, tenant_id, name, role, revoked_at, expires_on, created_at FROM api_keys WHERE tenant_id = ? ORDER BY id DESC",
        &[tenant_id.into()],
    )?
    .iter()
    .map(api_key_row)
    .collect()
}

fn api_key_row(r: &Row) -> Result<ApiKey, StoreError> {
    Ok(ApiKey {
        id: r.int(0)?,
        tenant_id: r.int(1)?,
        name: r.text(2)?.to_string(),
        role: r.text(3)?.to_string(),
        revoked: r.opt_text(4)?.is_some(),
        expires_on: r.opt_text(5)?.map(str::to_string),
        created_at: r.text(6)?.to_string(),
    })
}

/// An API key by hash.
pub fn api_key(db: &mut Db, key_hash: &str) -> Result<Option<ApiKey>, StoreError> {
    db.query_opt(
        "SELECT id, tenant_id, name, role, revoked_at, expires_on, created_at FROM api_keys WHERE key_hash = ?",
        &[key_hash.into()],
    )?
    .map(|r| api_key_row(&r))
    .transpose()
}

/// Records a failed login.
pub fn record_login_failure(
    db: &mut Db,
    login: &str,
    address: &str,
    now: &str,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO login_failures (login, address, at) VALUES (?, ?, ?)",
        &[login.into(), address.into(), now.into()],
    )?;
    Ok(())
}

/// Claims one login attempt for `login` from `address` at `now`, atomically: counts the
/// failures since `since` and records this attempt as one, in one transaction that no other
/// attempt can interleave with (SQLite's write lock; on PostgreSQL a lock on the table held for
/// the few milliseconds of the count and the insert). Not claimed when either limit is reached:
/// the attempt must not reach the password check. A successful login clears the failures (and with
/// them this attempt) afterwards; a failed one leaves it counted. So however many attempts
/// arrive at once, at most the limit are checked. `true` when the attempt was claimed.
pub fn claim_login_attempt(
    db: &mut Db,
    login: &str,
    address: &str,
    now: &str,
    since: &str,
    limits: (u64, u64),
) -> Result<bool, StoreError> {
    db.transaction(|tx| {
        if tx.engine() == crate::Engine::Postgres {
            tx.batch("LOCK TABLE login_failures IN SHARE ROW EXCLUSIVE MODE")?;
        }
        let (by_login, by_address) = login_failures_since(tx, login, address, since)?;
        if by_login >= limits.0 || by_address >= limits.1 {
            return Ok(false);
        }
        record_login_failure(tx, login, address, now)?;
        Ok(true)
    })
}

/// Failed logins for a login name and for an address since `since`.
pub fn login_failures_since(
    db: &mut Db,
    login: &str,
    address: &str,
    since: &str,
) -> Result<(u64, u64), StoreError> {
    let by_login = db
        .query_opt(
            "SELECT COUNT(*) FROM login_failures WHERE login = ? AND at >= ?",
            &[login.into(), since.into()],
        )?
        .map(|r| r.int(0))
        .transpose()?
        .unwrap_or(0);
    let by_address = db
        .query_opt(
            "SELECT COUNT(*) FROM login_failures WHERE address = ? AND at >= ?",
            &[address.into(), since.into()],
        )?
        .map(|r| r.int(0))
        .transpose()?
        .unwrap_or(0);
    Ok((by_login as u64, by_address as u64))
}

/// Forgets the failed logins of a login name (after a successful login).
pub fn clear_login_failures(db: &mut Db, login: &str) -> Result<(), StoreError> {
    db.execute(
        "DELETE FROM login_failures WHERE login = ?",
        &[login.into()],
    )?;
    Ok(())
}

/// Moves a session to another tenant.
pub fn set_session_tenant(db: &mut Db, token_hash: &str, tenant_id: i64) -> Result<(), StoreError> {
    db.execute(
        "UPDATE sessions SET tenant_id = ? WHERE token_hash = ?",
        &[tenant_id.into(), token_hash.into()],
    )?;
    Ok(())
}
