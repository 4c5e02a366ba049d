//! What the use-case tests share: the shape of a refusal or a forbidden call, the demo
//! government's posts and their holders, a JPM asked by the local administrator.

// Each test crate includes this module and uses only part of it.
#![allow(dead_code, unused_imports, unused_macros)]

use std::collections::HashSet;

use chrono::NaiveDate;
use talenta_app::AppError;
use talenta_app::jpm::JpmReport;
use talenta_domain::jpm::Purpose;
use talenta_domain::master::{Employee, Position, Tenant};
use talenta_domain::{Nip, PositionClass};
use talenta_store::Db;

/// Asserts that the error `$err` is the refusal `$refusal` (a pattern of the feature's own
/// `Refusal`, with an optional `if` guard on what it binds) of the feature `$feature` (a variant
/// of `talenta_app::error::Refusal`: `Event`, `Selection`, `Results`, …). The message is the
/// error, after `$why` when given.
macro_rules! assert_refused {
    ($err:expr, $feature:ident, $refusal:pat $(if $guard:expr)? $(, $why:literal)? $(,)?) => {{
        let err = &$err;
        assert!(
            matches!(
                err,
                talenta_app::AppError::Refused(talenta_app::error::Refusal::$feature($refusal))
                    $(if $guard)?
            ),
            concat!($($why, ": ",)? "{:?}"),
            err
        );
    }};
}
pub(crate) use assert_refused;

/// Asserts that a grant (or any call) was refused as forbidden to the actor.
pub fn assert_forbidden<T>(granted: Result<T, AppError>) {
    assert!(matches!(granted, Err(AppError::Forbidden)));
}

/// The ids of the positions someone holds in the tenant `tenant_id`.
pub fn held_posts(db: &mut Db, tenant_id: i64) -> HashSet<i64> {
    talenta_store::master::list_employees(db, tenant_id)
        .unwrap()
        .iter()
        .filter_map(|e| e.position_id)
        .collect()
}

/// The first post of `class` nobody holds in the tenant `tenant_id`, if there is one.
pub fn vacant_post(db: &mut Db, tenant_id: i64, class: PositionClass) -> Option<Position> {
    let held = held_posts(db, tenant_id);
    talenta_store::master::list_positions(db, tenant_id)
        .unwrap()
        .into_iter()
        .find(|p| p.class == class && !held.contains(&p.id))
}

/// The employees of the tenant `tenant_id` holding a post of `class`, with their posts, in the
/// order the employees are listed.
pub fn holders_of(db: &mut Db, tenant_id: i64, class: PositionClass) -> Vec<(Employee, Position)> {
    let posts = talenta_store::master::list_positions(db, tenant_id).unwrap();
    talenta_store::master::list_employees(db, tenant_id)
        .unwrap()
        .into_iter()
        .filter_map(|e| {
            let post = posts
                .iter()
                .find(|p| Some(p.id) == e.position_id && p.class == class)?
                .clone();
            Some((e, post))
        })
        .collect()
}

/// The JPM on `as_of` of the employee `nip` against the post `post`, for `purpose` (the
/// result's own when `None`), as the local administrator of `tenant` asks it.
pub fn jpm_for(
    db: &mut Db,
    tenant: &Tenant,
    as_of: NaiveDate,
    nip: Nip,
    post: &str,
    purpose: Option<Purpose>,
) -> Result<JpmReport, AppError> {
    let viewer = talenta_fixture::admin(tenant).grant().unwrap();
    talenta_app::jpm::jpm_for(
        db,
        &talenta_fixture::ctx(),
        &viewer,
        nip,
        post,
        purpose,
        as_of,
    )
}
