//! Opening a database and choosing the tenant (instansi) to work on.

use talenta_domain::RuleSet;
use talenta_domain::master::Tenant;
use talenta_store::master as store;
use talenta_store::{Db, schema};

use crate::AppError;

/// Opens a database by URL and brings its schema up to date.
pub fn open(url: &str, now: chrono::DateTime<chrono::Utc>) -> Result<Db, AppError> {
    let mut db = Db::open(url)?;
    schema::migrate(&mut db, now)?;
    Ok(db)
}

/// The rule set in force in the actor's own tenant (not personal data: every signed-in actor
/// works under it).
pub fn rules(db: &mut Db, actor: &crate::access::Actor) -> Result<RuleSet, AppError> {
    Ok(store::rules(db, &actor.tenant)?)
}

/// The tenant with `code`, or the only tenant when no code is given.
pub fn choose(db: &mut Db, code: Option<&str>) -> Result<Tenant, AppError> {
    if let Some(c) = code {
        return store::tenant_by_code(db, c)?.ok_or_else(|| AppError::UnknownTenant(c.to_string()));
    }
    let mut all = store::list_tenants(db)?;
    match all.len() {
        0 => Err(AppError::NoTenant),
        1 => Ok(all.remove(0)),
        _ => Err(AppError::ChooseTenant(
            all.into_iter().map(|t| t.code).collect(),
        )),
    }
}

/// Creates a tenant with the default rules (recorded in its audit trail); refuses an existing code.
pub fn create(
    db: &mut Db,
    ctx: &crate::Ctx,
    code: &str,
    name: &str,
    kind: &str,
) -> Result<Tenant, AppError> {
    let valid = !code.is_empty()
        && code.len() <= 40
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        return Err(Refusal::BadCode {
            code: code.to_string(),
        }
        .into());
    }
    if name.trim().is_empty() {
        return Err(Refusal::NameMissing.into());
    }
    if store::tenant_by_code(db, code)?.is_some() {
        return Err(AppError::TenantExists(code.to_string()));
    }
    db.transaction(|tx| {
        let t = store::create_tenant(tx, code, name.trim(), kind, &RuleSet::default(), ctx.now)?;
        ctx.record(
            tx,
            t.id,
            "tenant.create",
            &format!("tenant:{code}"),
            serde_json::json!({ "name": t.name, "rules": t.rules_version }),
        )?;
        Ok(t)
    })
}

/// Why a tenant was refused: each rule with its facts (the words are in the web layer's i18n).
#[derive(Debug)]
pub enum Refusal {
    /// A tenant code that is empty, longer than 40 characters, or has characters other than
    /// lowercase letters, digits and hyphens.
    BadCode {
        /// The code as given.
        code: String,
    },
    /// A tenant without a name.
    NameMissing,
}
