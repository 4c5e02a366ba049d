//! Access: roles and what they may do, accounts with argon2id password hashes, sessions with
//! idle and absolute timeouts, per-tenant API keys, and login rate limiting. The one table of
//! who may do what is [`role_allows`]; use cases take capabilities minted from it
//! (`crate::capability`), and the web layer never decides on its own.
//!
//! Password hashing and verification cost tens of milliseconds of CPU on purpose; callers on
//! an async runtime run [`login`] on a blocking thread.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sha2::{Digest, Sha256};
use talenta_domain::master::Tenant;
use talenta_store::Db;
use talenta_store::access as store;

use crate::capability::{Can, ManageAccess};
use crate::error::Fault;
use crate::{AppError, Ctx};

/// A role in a tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// BKPSDM administrator of the tenant.
    TenantAdmin,
    /// BKPSDM operator.
    Operator,
    /// Assessor (internal or external; may serve several tenants).
    Assessor,
    /// Member of a selection panel (pansel).
    PanelMember,
    /// Decision maker (PPK, the regional head).
    DecisionMaker,
    /// An employee: own data only.
    Employee,
    /// Auditor / data-protection officer.
    Auditor,
}

impl Role {
    /// All roles.
    pub const ALL: [Role; 7] = [
        Role::TenantAdmin,
        Role::Operator,
        Role::Assessor,
        Role::PanelMember,
        Role::DecisionMaker,
        Role::Employee,
        Role::Auditor,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Role::TenantAdmin => "admin",
            Role::Operator => "operator",
            Role::Assessor => "asesor",
            Role::PanelMember => "pansel",
            Role::DecisionMaker => "ppk",
            Role::Employee => "pegawai",
            Role::Auditor => "auditor",
        }
    }

    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Role::TenantAdmin => "Admin BKPSDM",
            Role::Operator => "Operator",
            Role::Assessor => "Asesor",
            Role::PanelMember => "Anggota Pansel",
            Role::DecisionMaker => "PPK",
            Role::Employee => "Pegawai",
            Role::Auditor => "Auditor / Pejabat Pelindungan Data",
        }
    }

    /// Parses a code.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == s)
    }
}

/// What a request wants to do. Every route names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Anyone, logged in or not (login page, assets, the API description).
    Public,
    /// Any logged-in account (dashboard, logout).
    SignedIn,
    /// Units, positions and the employee list of the tenant.
    ViewMasterData,
    /// Change master data: imports, standards.
    EditMasterData,
    /// One employee's record: the employee themself, or staff of the tenant.
    ViewEmployee,
    /// One employee's assessment results (personal data; every read is recorded).
    ViewResults,
    /// The talent map and the people in a box.
    ViewTalentMap,
    /// The audit trail of the tenant.
    ViewAudit,
    /// Enter one's own ratings as an assessor of an event.
    Score,
    /// Integrate an event's ratings, record consensus, finalise, amend and publish results.
    ManageResults,
    /// Set up and run open selections and job-fit tests: posts, stages, panel, screening,
    /// closing stages, recording the authorities' letters.
    ManageSelection,
    /// Score candidates as a member of a selection panel.
    PanelScore,
    /// Pick one of the three names as the PPK.
    DecideSelection,
    /// Manage who may reach the tenant's data: create, list and revoke API keys.
    ManageAccess,
}

impl Permission {
    /// Whether the permission concerns one person, so an employee may use it for themself.
    pub fn personal(self) -> bool {
        matches!(self, Permission::ViewEmployee | Permission::ViewResults)
    }
}

/// Whether a role holds a permission (for personal permissions, an employee only for themself:
/// see [`Actor::may`]).
pub fn role_allows(role: Role, p: Permission) -> bool {
    use Permission::*;
    use Role::*;
    match p {
        Public | SignedIn => true,
        ViewMasterData => matches!(role, TenantAdmin | Operator | DecisionMaker | Auditor),
        EditMasterData => matches!(role, TenantAdmin | Operator),
        ViewEmployee => matches!(
            role,
            TenantAdmin | Operator | DecisionMaker | Auditor | Employee
        ),
        ViewResults => matches!(role, TenantAdmin | Operator | DecisionMaker | Employee),
        ViewTalentMap => matches!(role, TenantAdmin | Operator | DecisionMaker),
        ViewAudit => matches!(role, TenantAdmin | Auditor),
        Score => matches!(role, Assessor),
        ManageResults => matches!(role, TenantAdmin | Operator),
        ManageSelection => matches!(role, TenantAdmin | Operator),
        PanelScore => matches!(role, PanelMember),
        DecideSelection => matches!(role, DecisionMaker),
        ManageAccess => matches!(role, TenantAdmin),
    }
}

/// How the actor proved who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// A browser session; the CSRF token of the session.
    Session {
        /// Anti-CSRF token.
        csrf: String,
    },
    /// An API key.
    ApiKey,
}

/// The authenticated party of a request.
#[derive(Debug, Clone)]
pub struct Actor {
    /// Account (none for API keys).
    pub account_id: Option<i64>,
    /// Name for pages and the audit trail.
    pub name: String,
    /// Login (or `api:<key name>`), used as the audit actor.
    pub login: String,
    /// The tenant the actor works in; every query is limited to it.
    pub tenant: Tenant,
    /// Role in that tenant.
    pub role: Role,
    /// The actor's own employee record.
    pub employee_id: Option<i64>,
    /// Every tenant the account has a role in (id, name), to switch between (assessors serve
    /// several governments).
    pub tenants: Vec<(i64, String)>,
    /// How they authenticated.
    pub credential: Credential,
}

impl Actor {
    /// Whether the actor may use `p`, about the employee `subject` when it concerns one person
    /// (an employee only about themself).
    pub fn may(&self, p: Permission, subject: Option<i64>) -> bool {
        if !role_allows(self.role, p) {
            return false;
        }
        if self.role == Role::Employee && p.personal() {
            return subject.is_some() && subject == self.employee_id;
        }
        true
    }

    /// The local administrator of `tenant`: whoever runs the command line (or loads the demo) on
    /// the database acts as its administrator, recorded under `login`.
    pub fn local(tenant: &Tenant, login: &str) -> Actor {
        Actor {
            account_id: None,
            name: login.to_string(),
            login: login.to_string(),
            tenant: tenant.clone(),
            role: Role::TenantAdmin,
            employee_id: None,
            tenants: Vec::new(),
            credential: Credential::ApiKey,
        }
    }

    /// The audit context of this actor at `now`.
    pub fn ctx(&self, audit_key: &talenta_store::audit::AuditKey, now: DateTime<Utc>) -> Ctx {
        Ctx {
            actor: self.login.clone(),
            audit_key: audit_key.clone(),
            now,
        }
    }
}

/// Session lifetime rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionRules {
    /// Ends after this long without a request.
    pub idle: Duration,
    /// Ends this long after login whatever happens.
    pub absolute: Duration,
    /// Failed logins per login name within `window` before it is locked.
    pub max_failures_per_login: u64,
    /// Failed logins per address within `window` before it is locked.
    pub max_failures_per_address: u64,
    /// Window of the rate limit.
    pub window: Duration,
}

impl Default for SessionRules {
    fn default() -> Self {
        SessionRules {
            idle: Duration::minutes(30),
            absolute: Duration::hours(12),
            max_failures_per_login: 5,
            max_failures_per_address: 20,
            window: Duration::minutes(15),
        }
    }
}

fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A random token of `bytes` bytes, hex-encoded, from the operating system.
pub fn random_token(bytes: usize) -> Result<String, AppError> {
    let mut buf = vec![0u8; bytes];
    let mut f = std::fs::File::open("/dev/urandom")
        .map_err(|e| AppError::Fault(Fault::Random(e.to_string())))?;
    std::io::Read::read_exact(&mut f, &mut buf)
        .map_err(|e| AppError::Fault(Fault::Random(e.to_string())))?;
    Ok(hex::encode(buf))
}

/// SHA-256 of a token, as stored.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// An argon2id hash of a password (PHC string).
pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt_hex = random_token(16)?;
    let salt = SaltString::encode_b64(salt_hex.as_bytes())
        .map_err(|e| AppError::Fault(Fault::PasswordHash(e.to_string())))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Fault(Fault::PasswordHash(e.to_string())))
}

fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// Why a login did not succeed. Deliberately vague towards the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoginError {
    /// Wrong login or password (never says which).
    #[error("nama pengguna atau kata sandi salah")]
    Invalid,
    /// Too many failures recently.
    #[error("terlalu banyak percobaan masuk yang gagal; coba lagi setelah {minutes} menit")]
    Locked {
        /// Minutes to wait.
        minutes: i64,
    },
    /// The account has no role in any tenant.
    #[error("akun ini belum memiliki peran di instansi mana pun")]
    NoMembership,
}

/// A new session: the token for the cookie (shown only now) and its CSRF token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    /// Cookie value.
    pub token: String,
    /// Anti-CSRF token.
    pub csrf: String,
}

/// Checks a login and opens a new session (a new id on every login), recorded in the audit trail. Runs argon2: call it on a
/// blocking thread. Failures count towards the rate limit of the login name and the address.
pub fn login(
    db: &mut Db,
    audit_key: &talenta_store::audit::AuditKey,
    login: &str,
    password: &str,
    address: &str,
    now: DateTime<Utc>,
    rules: &SessionRules,
) -> Result<Result<NewSession, LoginError>, AppError> {
    let since = ts(now - rules.window);
    // The attempt is counted before the password is checked, in one step with the count, so a
    // burst of parallel guesses gets no more than the limit through to argon2.
    let limits = (rules.max_failures_per_login, rules.max_failures_per_address);
    if !store::claim_login_attempt(db, login, address, &ts(now), &since, limits)? {
        return Ok(Err(LoginError::Locked {
            minutes: rules.window.num_minutes(),
        }));
    }
    let account = store::account_by_login(db, login)?;
    // Verify against a dummy hash when the login is unknown, so timing does not tell.
    let ok = match &account {
        Some(a) if a.active => verify_password(&a.password_hash, password),
        _ => {
            let _ = verify_password(dummy_hash(), password);
            false
        }
    };
    // A failure stays counted (the claimed attempt).
    let Some(account) = account.filter(|_| ok) else {
        return Ok(Err(LoginError::Invalid));
    };
    let Some(m) = store::memberships(db, account.id)?.into_iter().next() else {
        return Ok(Err(LoginError::NoMembership));
    };
    let token = random_token(32)?;
    let csrf = random_token(32)?;
    db.transaction(|tx| -> Result<(), AppError> {
        store::clear_login_failures(tx, login)?;
        store::create_session(
            tx,
            &token_hash(&token),
            account.id,
            m.tenant_id,
            &csrf,
            &ts(now),
        )?;
        let ctx = Ctx {
            actor: account.login.clone(),
            audit_key: audit_key.clone(),
            now,
        };
        ctx.record(
            tx,
            m.tenant_id,
            "session.login",
            &format!("account:{}", account.login),
            serde_json::json!({ "address": address }),
        )?;
        Ok(())
    })?;
    Ok(Ok(NewSession { token, csrf }))
}

/// An argon2id hash of a password nobody knows, to spend the same time on unknown logins.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password("tidak-ada-akun-dengan-kata-sandi-ini").unwrap_or_default())
}

/// The actor of a session token, if the session exists and has not timed out (it is touched).
pub fn session_actor(
    db: &mut Db,
    token: &str,
    now: DateTime<Utc>,
    rules: &SessionRules,
) -> Result<Option<Actor>, AppError> {
    let hash = token_hash(token);
    let Some(s) = store::session(db, &hash)? else {
        return Ok(None);
    };
    let parse = |t: &str| {
        DateTime::parse_from_rfc3339(t)
            .map(|d| d.with_timezone(&Utc))
            .ok()
    };
    let (Some(created), Some(seen)) = (parse(&s.created_at), parse(&s.last_seen_at)) else {
        return Ok(None);
    };
    if now - seen > rules.idle || now - created > rules.absolute {
        store::delete_session(db, &hash)?;
        return Ok(None);
    }
    let Some(account) = store::account(db, s.account_id)?.filter(|a| a.active) else {
        return Ok(None);
    };
    let memberships = store::memberships(db, account.id)?;
    let Some(m) = memberships
        .iter()
        .find(|m| m.tenant_id == s.tenant_id)
        .cloned()
    else {
        return Ok(None);
    };
    let all_tenants = talenta_store::master::list_tenants(db)?;
    let tenants: Vec<(i64, String)> = memberships
        .iter()
        .filter_map(|m| {
            all_tenants
                .iter()
                .find(|t| t.id == m.tenant_id)
                .map(|t| (t.id, t.name.clone()))
        })
        .collect();
    let tenant = all_tenants.iter().find(|t| t.id == s.tenant_id).cloned();
    let (Some(role), Some(tenant)) = (Role::parse(&m.role), tenant) else {
        return Ok(None);
    };
    if now - seen > Duration::seconds(30) {
        store::touch_session(db, &hash, &ts(now))?;
    }
    Ok(Some(Actor {
        account_id: Some(account.id),
        name: account.display_name,
        login: account.login,
        tenant,
        role,
        employee_id: m.employee_id,
        tenants,
        credential: Credential::Session { csrf: s.csrf_token },
    }))
}

fn tenant_by_id(db: &mut Db, id: i64) -> Result<Option<Tenant>, AppError> {
    Ok(talenta_store::master::list_tenants(db)?
        .into_iter()
        .find(|t| t.id == id))
}

/// Ends the actor's session, recorded in the audit trail of their tenant (a login is too).
pub fn logout(db: &mut Db, ctx: &Ctx, actor: &Actor, token: &str) -> Result<(), AppError> {
    db.transaction(|tx| -> Result<(), AppError> {
        store::delete_session(tx, &token_hash(token))?;
        ctx.record(
            tx,
            actor.tenant.id,
            "session.logout",
            &format!("account:{}", actor.login),
            serde_json::json!({}),
        )?;
        Ok(())
    })
}

/// The last valid day a new API key gets when none is asked for: a year from `today`.
pub fn default_key_expiry(today: NaiveDate) -> NaiveDate {
    today + chrono::Days::new(365)
}

/// Where an API key stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyStatus {
    /// Accepted.
    Active,
    /// Past its last valid day (refused).
    Expired,
    /// Revoked (refused).
    Revoked,
}

impl KeyStatus {
    /// The status of a stored key on `today` (UTC): revoked first, then expired after its last
    /// valid day (a key without one, made before keys expired, does not expire).
    pub fn of(key: &store::ApiKey, today: NaiveDate) -> KeyStatus {
        let last = key
            .expires_on
            .as_deref()
            .map(|d| d.parse::<NaiveDate>().ok());
        match last {
            _ if key.revoked => KeyStatus::Revoked,
            // An unreadable stored date is refused rather than trusted.
            Some(None) => KeyStatus::Expired,
            Some(Some(last)) if today > last => KeyStatus::Expired,
            _ => KeyStatus::Active,
        }
    }

    /// Stable code (`active`, `expired`, `revoked`), for the API.
    pub fn code(self) -> &'static str {
        match self {
            KeyStatus::Active => "active",
            KeyStatus::Expired => "expired",
            KeyStatus::Revoked => "revoked",
        }
    }
}

/// One API key of the tenant as listed (never the key itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyLine {
    /// The name the administrator gave it (the other system).
    pub name: String,
    /// The role it acts with (`None` for a stored code this program does not know).
    pub role: Option<Role>,
    /// When it was made (RFC 3339 UTC).
    pub created_at: String,
    /// Its last valid day (`None`: made before keys expired).
    pub expires_on: Option<NaiveDate>,
    /// Where it stands today.
    pub status: KeyStatus,
}

/// Creates an API key for the tenant of `can` with a role, valid up to and including
/// `expires_on` (UTC); returns the key (shown once, stored hashed). Refused without a name,
/// with a name an active key of the tenant already has, and with a last day before tomorrow.
/// Audited (`apikey.create`).
pub fn create_api_key(
    db: &mut Db,
    ctx: &Ctx,
    can: &Can<ManageAccess>,
    name: &str,
    role: Role,
    expires_on: NaiveDate,
) -> Result<String, AppError> {
    let tenant = &can.tenant;
    let name = name.trim();
    let today = ctx.now.date_naive();
    if name.is_empty() {
        return Err(Refusal::KeyNameMissing.into());
    }
    if expires_on <= today {
        return Err(Refusal::KeyExpiresTooSoon { expires_on, today }.into());
    }
    let key = format!("tk_{}", random_token(32)?);
    let expires = expires_on.format("%Y-%m-%d").to_string();
    db.transaction(|tx| -> Result<(), AppError> {
        if store::api_keys(tx, tenant.id)?
            .iter()
            .any(|k| k.name == name && KeyStatus::of(k, today) == KeyStatus::Active)
        {
            return Err(Refusal::KeyNameTaken {
                name: name.to_string(),
            }
            .into());
        }
        store::create_api_key(
            tx,
            &store::NewApiKey {
                tenant_id: tenant.id,
                name,
                key_hash: &token_hash(&key),
                role: role.code(),
                expires_on: &expires,
            },
            &ts(ctx.now),
        )?;
        ctx.record(
            tx,
            tenant.id,
            "apikey.create",
            &format!("apikey:{name}"),
            serde_json::json!({ "role": role.code(), "expires_on": expires }),
        )?;
        Ok(())
    })?;
    Ok(key)
}

/// Revokes the API keys named `name` of the tenant of `can` at once (every request with them
/// is refused from now on); returns how many were revoked. Audited (`apikey.revoke`). Refused
/// when the tenant has no key of that name (a key of another tenant is unknown here) or every
/// one is revoked already.
pub fn revoke_api_key(
    db: &mut Db,
    ctx: &Ctx,
    can: &Can<ManageAccess>,
    name: &str,
) -> Result<u64, AppError> {
    let tenant = &can.tenant;
    let name = name.trim();
    if name.is_empty() {
        return Err(Refusal::KeyNameMissing.into());
    }
    db.transaction(|tx| -> Result<u64, AppError> {
        if !store::api_keys(tx, tenant.id)?
            .iter()
            .any(|k| k.name == name)
        {
            return Err(Refusal::UnknownKey {
                name: name.to_string(),
            }
            .into());
        }
        let n = store::revoke_api_keys(tx, tenant.id, name, &ts(ctx.now))?;
        if n == 0 {
            return Err(Refusal::NoKeyToRevoke {
                name: name.to_string(),
            }
            .into());
        }
        ctx.record(
            tx,
            tenant.id,
            "apikey.revoke",
            &format!("apikey:{name}"),
            serde_json::json!({ "keys": n }),
        )?;
        Ok(n)
    })
}

/// The API keys of the tenant of `can`, newest first, each with its status on `today`.
pub fn api_keys(
    db: &mut Db,
    can: &Can<ManageAccess>,
    today: NaiveDate,
) -> Result<Vec<KeyLine>, AppError> {
    Ok(store::api_keys(db, can.tenant.id)?
        .into_iter()
        .map(|k| KeyLine {
            status: KeyStatus::of(&k, today),
            role: Role::parse(&k.role),
            expires_on: k.expires_on.as_deref().and_then(|d| d.parse().ok()),
            created_at: k.created_at,
            name: k.name,
        })
        .collect())
}

/// The actor of an API key at `now`, if it exists, is not revoked and has not expired.
pub fn api_actor(db: &mut Db, key: &str, now: DateTime<Utc>) -> Result<Option<Actor>, AppError> {
    let Some(k) = store::api_key(db, &token_hash(key))?
        .filter(|k| KeyStatus::of(k, now.date_naive()) == KeyStatus::Active)
    else {
        return Ok(None);
    };
    let (Some(role), Some(tenant)) = (Role::parse(&k.role), tenant_by_id(db, k.tenant_id)?) else {
        return Ok(None);
    };
    Ok(Some(Actor {
        account_id: None,
        name: k.name.clone(),
        login: format!("api:{}", k.name),
        tenant,
        role,
        employee_id: None,
        tenants: Vec::new(),
        credential: Credential::ApiKey,
    }))
}

/// An account to create or reset.
#[derive(Debug, Clone)]
pub struct AccountSpec<'a> {
    /// Login name.
    pub login: &'a str,
    /// Name shown on pages.
    pub display_name: &'a str,
    /// Password (hashed with argon2id before storing).
    pub password: &'a str,
    /// Role in the tenant.
    pub role: Role,
    /// The holder's employee record, for the employee role.
    pub employee_id: Option<i64>,
}

/// Creates (or resets) an account with a role in a tenant; returns the account id.
pub fn put_account(
    db: &mut Db,
    ctx: &Ctx,
    tenant: &Tenant,
    a: &AccountSpec<'_>,
) -> Result<i64, AppError> {
    let hash = hash_password(a.password)?;
    db.transaction(|tx| -> Result<i64, AppError> {
        let id = store::upsert_account(tx, a.login, a.display_name, &hash, &ts(ctx.now))?;
        store::set_membership(tx, id, tenant.id, a.role.code(), a.employee_id)?;
        ctx.record(
            tx,
            tenant.id,
            "account.put",
            &format!("account:{}", a.login),
            serde_json::json!({ "role": a.role.code() }),
        )?;
        Ok(id)
    })
}

/// Moves the session `token` to another tenant the account has a role in (recorded there).
pub fn switch_tenant(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Actor,
    token: &str,
    tenant_id: i64,
) -> Result<(), AppError> {
    let Some(account_id) = actor.account_id else {
        return Err(AppError::Forbidden);
    };
    if !store::memberships(db, account_id)?
        .iter()
        .any(|m| m.tenant_id == tenant_id)
    {
        return Err(AppError::Forbidden);
    }
    db.transaction(|tx| {
        store::set_session_tenant(tx, &token_hash(token), tenant_id)?;
        ctx.record(
            tx,
            tenant_id,
            "session.switch",
            &format!("account:{}", actor.login),
            serde_json::json!({ "from": actor.tenant.id }),
        )?;
        Ok(())
    })
}

/// Why an access use case refused: each rule with its facts (the words are in the web layer's
/// i18n).
#[derive(Debug)]
pub enum Refusal {
    /// An API key needs a name (the other system it is for).
    KeyNameMissing,
    /// An API key must be valid at least until tomorrow.
    KeyExpiresTooSoon {
        /// The last valid day asked for.
        expires_on: chrono::NaiveDate,
        /// Today (UTC).
        today: chrono::NaiveDate,
    },
    /// An active key of the tenant already has that name (names the key in the API's address
    /// and in revocation).
    KeyNameTaken {
        /// The name asked for.
        name: String,
    },
    /// The tenant has no API key of that name (a key of another tenant is unknown too).
    UnknownKey {
        /// The name asked for.
        name: String,
    },
    /// Every key of that name in the tenant is revoked already.
    NoKeyToRevoke {
        /// The name asked for.
        name: String,
    },
}
