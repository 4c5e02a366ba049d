//! Succession on the demo Kota Mojokerto: vacancies now and by retirement, the ranked pool one
//! rung below with reasons, the declared order, the exports.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use chrono::NaiveDate;
use talenta_app::access::{Actor, Role};
use talenta_app::succession;
use talenta_domain::PositionClass;
use talenta_domain::position::Rung;
use talenta_fixture::{self as fx, ctx};
use talenta_store::{Db, testing};

fn as_of() -> NaiveDate {
    fx::today()
}

fn mojokerto(db: &mut Db, role: Role) -> Actor {
    fx::mojokerto(db, as_of(), role)
}

#[test]
fn an_administrator_post_gets_the_pool_of_pengawas_in_the_declared_order_with_every_reason() {
    for mut t in testing::both() {
        let db = &mut t.db;
        let admin = mojokerto(db, Role::TenantAdmin);
        let posts = talenta_store::master::list_positions(db, admin.tenant.id).unwrap();
        let post = posts
            .iter()
            .find(|p| p.class == PositionClass::Administrator)
            .unwrap();
        let list =
            succession::successors(db, &ctx(), &admin.grant().unwrap(), post.id, as_of()).unwrap();
        assert!(
            !list.candidates.is_empty(),
            "{}: the pool has Pengawas",
            t.name
        );
        for s in &list.candidates {
            assert_eq!(s.position.class.rung(), Rung::Pengawas, "one rung below");
            assert!((7..=9).contains(&s.talent_box), "from the talent pool");
            assert!(!s.checks.is_empty(), "every requirement is shown");
            assert_eq!(
                s.missing.is_empty(),
                s.readiness == talenta_domain::succession::Readiness::ReadyNow
            );
        }
        let key = |s: &succession::Successor| talenta_domain::succession::SortKey {
            readiness: s.readiness,
            jpm: s.jpm,
            talent_box: s.talent_box,
            on_rung_since: s.employee.position_since,
            rank: s.employee.rank,
            nip: s.employee.nip.as_u64(),
        };
        for w in list.candidates.windows(2) {
            assert_ne!(
                talenta_domain::succession::order(&key(&w[0]), &key(&w[1])),
                std::cmp::Ordering::Greater
            );
        }
        assert!(
            list.tie_rule
                .starts_with("Urutan: siap sekarang lebih dulu")
        );
        // Exports.
        let xlsx = succession::successors_xlsx(&list).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.xlsx");
        std::fs::write(&path, xlsx).unwrap();
        use calamine::{Reader, open_workbook_auto};
        let mut wb = open_workbook_auto(&path).unwrap();
        let sheet = wb.worksheet_range("Suksesi").unwrap();
        assert_eq!(sheet.rows().skip(4).count(), list.candidates.len());
        assert!(succession::successors_pdf(&list).starts_with(b"%PDF-1.4"));
    }
}

#[test]
fn a_pelaksana_post_has_no_rung_below_and_an_employee_may_not_see_successors() {
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let admin = mojokerto(db, Role::TenantAdmin);
    let posts = talenta_store::master::list_positions(db, admin.tenant.id).unwrap();
    let pelaksana = posts
        .iter()
        .find(|p| p.class == PositionClass::Pelaksana)
        .unwrap();
    let err = succession::successors(db, &ctx(), &admin.grant().unwrap(), pelaksana.id, as_of())
        .unwrap_err()
        .to_string();
    assert!(err.contains("tidak memiliki jenjang di bawahnya"), "{err}");
    let employee = Actor {
        role: Role::Employee,
        ..admin.clone()
    };
    assert!(matches!(
        employee.grant::<talenta_app::capability::ViewTalentMap>(),
        Err(talenta_app::AppError::Forbidden)
    ));
}

#[test]
fn a_post_whose_holder_retires_within_the_months_is_a_vacancy_from_that_date() {
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let admin = mojokerto(db, Role::TenantAdmin);
    let now = succession::vacancies(db, &admin.grant().unwrap(), as_of(), 0).unwrap();
    let later = succession::vacancies(db, &admin.grant().unwrap(), as_of(), 24).unwrap();
    assert!(later.len() >= now.len());
    let horizon = NaiveDate::from_ymd_opt(2028, 11, 27).unwrap();
    let retiring: Vec<&succession::Vacancy> = later.iter().filter(|v| v.holder.is_some()).collect();
    assert!(
        !retiring.is_empty(),
        "some structural holder retires within 2 years"
    );
    for v in retiring {
        let from = v.from.unwrap();
        assert!(from <= horizon, "{from}");
        let h = v.holder.as_ref().unwrap();
        // BUP 58 for Administrator and Pengawas, 60 for JPT (domain.md section 3).
        let bup = if v.position.class.rung() >= Rung::JptPratama {
            60
        } else {
            58
        };
        assert_eq!(
            from,
            talenta_domain::eligibility::retirement_date(h.birth_date, bup)
        );
    }
}
