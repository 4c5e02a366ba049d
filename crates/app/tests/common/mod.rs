//! What the use-case tests share: the shape of a refusal or a forbidden call, and the demo
//! government's posts and their holders.

// Each test crate includes this module and uses only part of it.
#![allow(dead_code, unused_imports)]

use std::collections::HashSet;

use talenta_app::AppError;
use talenta_domain::PositionClass;
use talenta_domain::master::{Employee, Position};
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
