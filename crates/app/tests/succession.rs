//! Succession on the demo Kota Mojokerto: vacancies now and by retirement, the ranked pool one
//! rung below with reasons, the declared order, the exports.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use chrono::NaiveDate;
use common::assert_refused;
use talenta_app::AppError;
use talenta_app::access::{Actor, Role};
use talenta_app::succession::{self, SuccessionList};
use talenta_domain::PositionClass;
use talenta_domain::master::Position;
use talenta_domain::position::Rung;
use talenta_fixture::{self as fx, ctx};
use talenta_store::{Db, testing};

fn as_of() -> NaiveDate {
    fx::today()
}

fn mojokerto(db: &mut Db, role: Role) -> Actor {
    fx::mojokerto(db, as_of(), role)
}

/// The posts of `class` in the government of `admin`.
fn posts_of(db: &mut Db, admin: &Actor, class: PositionClass) -> Vec<Position> {
    talenta_store::master::list_positions(db, admin.tenant.id)
        .unwrap()
        .into_iter()
        .filter(|p| p.class == class)
        .collect()
}

/// The successors of the post `post_id` on the fixed day, as `admin` asks.
fn successors(db: &mut Db, admin: &Actor, post_id: i64) -> Result<SuccessionList, AppError> {
    succession::successors(db, &ctx(), &admin.grant().unwrap(), post_id, as_of())
}

#[test]
fn an_administrator_post_gets_the_pool_of_pengawas_in_the_declared_order_with_every_reason() {
    for mut t in testing::both() {
        let db = &mut t.db;
        let admin = mojokerto(db, Role::TenantAdmin);
        let post = &posts_of(db, &admin, PositionClass::Administrator)[0];
        let list = successors(db, &admin, post.id).unwrap();
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
        let xlsx = succession::successors_xlsx(&list, fx::now()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.xlsx");
        std::fs::write(&path, xlsx).unwrap();
        use calamine::{Reader, open_workbook_auto};
        let mut wb = open_workbook_auto(&path).unwrap();
        let sheet = wb.worksheet_range("Suksesi").unwrap();
        assert_eq!(sheet.rows().skip(4).count(), list.candidates.len());
        let text = fx::pdf_text(&succession::successors_pdf(&list).unwrap());
        let first = &list.candidates[0].employee;
        assert!(text.contains(&first.nip.to_string()), "{text}");
        assert!(text.contains(&first.name), "{text}");
    }
}

#[test]
fn a_pelaksana_post_has_no_rung_below_and_an_employee_may_not_see_successors() {
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let admin = mojokerto(db, Role::TenantAdmin);
    let pelaksana = &posts_of(db, &admin, PositionClass::Pelaksana)[0];
    assert_refused!(
        successors(db, &admin, pelaksana.id).unwrap_err(),
        Succession,
        succession::Refusal::NoRungBelow { code, .. } if *code == pelaksana.code
    );
    let employee = Actor {
        role: Role::Employee,
        ..admin.clone()
    };
    common::assert_forbidden(employee.grant::<talenta_app::capability::ViewTalentMap>());
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

#[test]
fn the_printed_successors_show_marks_and_names_beyond_latin_1() {
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let admin = mojokerto(db, Role::TenantAdmin);
    // A post with a candidate ready now (✓) and one who is not (✗).
    let (post, ready) = posts_of(db, &admin, PositionClass::Administrator)
        .iter()
        .find_map(|p| {
            let list = successors(db, &admin, p.id).ok()?;
            let ready = list.candidates.iter().find(|s| s.missing.is_empty())?;
            list.candidates
                .iter()
                .any(|s| !s.missing.is_empty())
                .then(|| (p.clone(), ready.clone()))
        })
        .expect("a post with candidates ready and not ready");
    // The ready candidate is renamed with a typographic apostrophe, outside Latin-1.
    let e = &ready.employee;
    talenta_store::master::upsert_employees(
        db,
        admin.tenant.id,
        &[talenta_store::master::EmployeeInput {
            nip: e.nip,
            name: "Nur’aini".into(),
            sex: e.sex,
            birth_date: e.birth_date,
            employment: e.employment,
            rank: e.rank,
            education: e.education,
            position_code: Some(ready.position.code.clone()),
            position_since: e.position_since,
        }],
    )
    .unwrap();
    let list = successors(db, &admin, post.id).unwrap();
    assert!(
        list.candidates
            .iter()
            .any(|s| s.employee.name == "Nur’aini")
    );
    let text = fx::pdf_text(&succession::successors_pdf(&list).unwrap());
    assert!(text.contains("Nur’aini"), "{text}");
    assert!(text.contains("✓ semua syarat terpenuhi"), "{text}");
    assert!(text.contains("✗ "), "{text}");
    assert!(!text.contains('?'), "no character was lost: {text}");
    assert!(text.contains(&e.nip.to_string()), "the NIP in full: {text}");
}
