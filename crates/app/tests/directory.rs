//! The employee search kept in memory gives exactly what the SQL search gives, and sees an
//! import's change at once (the directory version moves).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use talenta_app::access::Role;
use talenta_app::directory::{EmployeeQuery, SearchCache, employee_page};
use talenta_fixture::{self as fx};
use talenta_store::testing;

#[test]
fn the_search_in_memory_equals_the_sql_search_and_sees_an_import_at_once() {
    for mut t in testing::both() {
        let db = &mut t.db;
        let actor = fx::mojokerto(db, fx::today(), Role::TenantAdmin);
        let tenant = actor.tenant.clone();
        let cache = SearchCache::default();
        let first = talenta_store::master::list_employees(db, tenant.id).unwrap()[0].clone();
        let nip_spaced = first.nip.to_string();
        for text in [
            "budi",
            "SITI",
            "a",
            "1980",
            nip_spaced.as_str(),
            "tidak-ada-yang-begini",
            "50%",
        ] {
            for page in [1, 2] {
                let q = EmployeeQuery {
                    text: Some(text.into()),
                    page,
                    ..EmployeeQuery::default()
                };
                let sql = employee_page(db, &actor.grant().unwrap(), &q, None).unwrap();
                let mem = employee_page(db, &actor.grant().unwrap(), &q, Some(&cache)).unwrap();
                assert_eq!(mem, sql, "{}: '{text}' page {page}", t.name);
            }
        }
        // An import renames someone: the next search finds the new name.
        let q = EmployeeQuery {
            text: Some("zulkarnain baru".into()),
            page: 1,
            ..EmployeeQuery::default()
        };
        assert_eq!(
            employee_page(db, &actor.grant().unwrap(), &q, Some(&cache))
                .unwrap()
                .total,
            0
        );
        let e = talenta_store::master::employee(db, tenant.id, first.id)
            .unwrap()
            .unwrap();
        let position = e.position_id.map(|p| {
            talenta_store::master::position(db, tenant.id, p)
                .unwrap()
                .unwrap()
                .code
        });
        talenta_store::master::upsert_employees(
            db,
            tenant.id,
            &[talenta_store::master::EmployeeInput {
                nip: e.nip,
                name: "Zulkarnain Baru".into(),
                sex: e.sex,
                birth_date: e.birth_date,
                employment: e.employment,
                rank: e.rank,
                education: e.education,
                position_code: position,
                position_since: e.position_since,
            }],
        )
        .unwrap();
        let found = employee_page(db, &actor.grant().unwrap(), &q, Some(&cache)).unwrap();
        assert_eq!(found.total, 1, "{}", t.name);
        assert_eq!(found.lines[0].name, "Zulkarnain Baru");
    }
}
