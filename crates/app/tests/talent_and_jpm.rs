//! The talent map and JPM use cases on hand-made data with known answers, on both engines.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use chrono::NaiveDate;
use talenta_app::AppError;
use talenta_app::jpm::JpmReport;
use talenta_app::talent::{Unplaced, talent_map};
use talenta_domain::competency::{CompetencyCode, CoreCompetency, Level};
use talenta_domain::jpm::{Category, Purpose};
use talenta_domain::master::Tenant;
use talenta_domain::performance::Predikat::{self, Baik, ButuhPerbaikan, SangatBaik};
use talenta_domain::performance::Rating;
use talenta_domain::position::{Eselon, PositionClass};
use talenta_domain::talent::Potential;
use talenta_domain::{Nip, RuleSet};
use talenta_store::master::{RatingInput, ResultInput, upsert_ratings, upsert_results};
use talenta_store::testing::Seed;
use talenta_store::{Db, testing};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const AS_OF: (i32, u32, u32) = (2026, 11, 27);

fn as_of() -> NaiveDate {
    d(AS_OF.0, AS_OF.1, AS_OF.2)
}

/// Nine levels summing to `sum_tenths` around level 3 (Administrator standard 3 x 9 = 270).
fn levels(sum_tenths: u32) -> Vec<(CompetencyCode, Level)> {
    let mut each = [30u32; 9];
    let mut rest = sum_tenths as i32 - 270;
    for v in each.iter_mut() {
        while rest < 0 && *v > 10 {
            *v -= 5;
            rest += 5;
        }
        while rest > 0 && *v < 50 {
            *v += 5;
            rest -= 5;
        }
    }
    CoreCompetency::ALL
        .iter()
        .zip(each)
        .map(|(c, t)| {
            (
                CompetencyCode::Core(*c),
                Level::from_tenths(t as u8).unwrap(),
            )
        })
        .collect()
}

/// An employee of the fixture: NIP, post, the one result (day assessed as (year, month, day)
/// and the sum of its nine levels in tenths), the ratings by year.
type Person = (
    &'static str,
    Option<&'static str>,
    Option<((i32, u32, u32), u32)>,
    &'static [(i32, Predikat)],
);

/// The employees of the fixture, each with the box the rules give or why none.
#[rustfmt::skip]
const PEOPLE: [Person; 8] = [
    // high potential (250/270 = 92.6 %), Sangat Baik both years -> box 9
    ("197001012000031001", Some("A1"), Some(((2025, 3, 1), 250)), &[(2024, SangatBaik), (2025, SangatBaik)]),
    // medium (230/270 = 85.2 %), Baik + Sangat Baik -> lower = meets -> box 5
    ("197101012000031002", Some("A2"), Some(((2024, 6, 1), 230)), &[(2024, SangatBaik), (2025, Baik)]),
    // low (185/270 = 68.5 %), Butuh Perbaikan -> box 1
    ("197201012000032003", Some("A2"), Some(((2024, 6, 1), 185)), &[(2025, ButuhPerbaikan), (2024, Baik)]),
    // 245/270 = 90.7 % is high; Baik -> box 8
    ("197301012000031004", Some("A1"), Some(((2026, 1, 5), 245)), &[(2024, Baik), (2025, Baik)]),
    // result older than three years: not placed
    ("197401012000031005", Some("A1"), Some(((2021, 6, 9), 270)), &[(2025, Baik)]),
    // no rating in the window: not placed
    ("197501012000031006", Some("A1"), Some(((2025, 6, 9), 270)), &[(2019, Baik)]),
    // no position: not placed
    ("197601012000031007", None, None, &[]),
    // position without standard: not placed
    ("197701012000031008", Some("A3"), Some(((2025, 6, 9), 270)), &[(2025, Baik)]),
];

fn fixture(db: &mut Db) -> Tenant {
    let mut seed = Seed::new("kota-uji")
        .unit("DINKES", "Dinas Kesehatan", None)
        .unit("DINKES.YAN", "Bidang Pelayanan", Some("DINKES"))
        .unit("DISDIK", "Dinas Pendidikan", None);
    for (code, unit) in [("A1", "DINKES.YAN"), ("A2", "DISDIK"), ("A3", "DISDIK")] {
        seed = seed.position(
            code,
            &format!("Kepala {code}"),
            PositionClass::Administrator,
            Some(Eselon::IIIB),
            unit,
            None,
        );
    }
    seed = seed.standard("A1", 3).standard("A2", 3);
    for (nip, position, _, _) in PEOPLE {
        let name = format!("Pegawai {}", Nip::parse(nip).unwrap().serial());
        seed = seed.employee(nip, &name, position);
    }
    let t = seed.store(db).tenant;
    let ratings: Vec<RatingInput> = PEOPLE
        .iter()
        .flat_map(|(nip, _, _, ratings)| {
            ratings.iter().map(|(y, r)| RatingInput {
                nip: Nip::parse(nip).unwrap(),
                year: *y,
                rating: Rating::Predikat(*r),
            })
        })
        .collect();
    upsert_ratings(db, t.id, &ratings).unwrap();
    let results: Vec<ResultInput> = PEOPLE
        .iter()
        .filter_map(|(nip, _, result, _)| {
            result.map(|((y, m, day), sum)| ResultInput {
                nip: Nip::parse(nip).unwrap(),
                assessed_on: d(y, m, day),
                provider: "UPT Penilaian Kompetensi".into(),
                purpose: Purpose::Pemetaan,
                levels: levels(sum),
                job_class: None,
            })
        })
        .collect();
    upsert_results(db, t.id, &results).unwrap();
    t
}

/// The JPM of the employee `nip` against the post `post` on the fixed day, for `purpose`.
fn jpm_of(
    db: &mut Db,
    tenant: &Tenant,
    nip: &str,
    post: &str,
    purpose: Option<Purpose>,
) -> Result<JpmReport, AppError> {
    common::jpm_for(db, tenant, as_of(), Nip::parse(nip).unwrap(), post, purpose)
}

/// The fixture, and the JPM of its first employee (box 9) against A2 by the result's purpose.
fn first_against_a2(db: &mut Db) -> (Tenant, JpmReport) {
    let tenant = fixture(db);
    let r = jpm_of(db, &tenant, "197001012000031001", "A2", None).unwrap();
    (tenant, r)
}

#[test]
fn every_employee_lands_in_the_box_the_rules_give_or_is_counted_with_a_reason() {
    for mut t in testing::both() {
        let db = &mut t.db;
        let tenant = fixture(db);
        let viewer = talenta_fixture::admin(&tenant).grant().unwrap();
        let map = talent_map(db, &viewer, as_of()).unwrap();
        assert_eq!(map.rules_version, talenta_domain::rules::DEFAULT_VERSION);
        let mut expected_total = [0u32; 9];
        for b in [9, 5, 1, 8] {
            expected_total[b - 1] += 1;
        }
        assert_eq!(map.total, expected_total, "{}", t.name);
        let mut unplaced = map.unplaced.clone();
        unplaced.sort_by_key(|(r, _)| r.label());
        let mut expected = vec![
            (Unplaced::NoStandard, 1),
            (Unplaced::NoPosition, 1),
            (Unplaced::NoRating, 1),
            (Unplaced::NoValidResult, 1),
        ];
        expected.sort_by_key(|(r, _)| r.label());
        assert_eq!(unplaced, expected, "{}", t.name);
        // Counts roll up to the top-level OPD: Bidang Pelayanan counts under Dinas Kesehatan.
        let dinkes = map.units.iter().find(|u| u.unit.code == "DINKES").unwrap();
        assert_eq!(dinkes.boxes[8], 1, "box 9 in Dinas Kesehatan");
        assert_eq!(dinkes.boxes[7], 1, "box 8 in Dinas Kesehatan");
        assert_eq!(dinkes.unplaced, 2);
        let disdik = map.units.iter().find(|u| u.unit.code == "DISDIK").unwrap();
        assert_eq!(
            (disdik.boxes[4], disdik.boxes[0], disdik.unplaced),
            (1, 1, 1)
        );
        assert!(map.units.iter().all(|u| u.unit.code != "DINKES.YAN"));
        assert_eq!(map.pool_size(&RuleSet::default()), 2);
    }
}

#[test]
fn jpm_against_a_position_uses_the_newest_valid_result_and_the_purpose() {
    for mut t in testing::both() {
        let db = &mut t.db;
        let (tenant, r) = first_against_a2(db);
        assert_eq!(r.jpm.basis_points(), 9259, "{}", t.name);
        assert_eq!(r.purpose, Purpose::Pemetaan);
        assert_eq!(r.category, Category::O);
        assert_eq!(r.potential, Potential::High);
        assert_eq!(r.valid_until, d(2028, 2, 29));
        assert_eq!(r.gaps.len(), 9);
        let pengisian = Some(Purpose::Pengisian);
        let filling = jpm_of(db, &tenant, "197001012000031001", "A2", pengisian).unwrap();
        assert_eq!(filling.category, Category::Ms);
        let low = jpm_of(db, &tenant, "197201012000032003", "A2", pengisian).unwrap();
        assert_eq!(
            low.category,
            Category::Mms,
            "68.5 % is MMS when filling a post"
        );
        assert_eq!(low.jpm.basis_points(), 6852);
    }
}

#[test]
fn jpm_answers_precisely_when_something_is_missing() {
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let tenant = fixture(db);
    let expired = jpm_of(db, &tenant, "197401012000031005", "A1", None).unwrap_err();
    assert!(
        matches!(
            &expired,
            AppError::NoValidResult { nip, last: Some(last), years: 3 }
                if nip == "19740101 200003 1 005"
                    && *last == NaiveDate::from_ymd_opt(2021, 6, 9).unwrap()
        ),
        "{expired:?}"
    );
    let no_std = jpm_of(db, &tenant, "197001012000031001", "A3", None).unwrap_err();
    assert!(
        matches!(&no_std, AppError::NoStandard(code) if code == "A3"),
        "{no_std:?}"
    );
    let unknown = jpm_of(db, &tenant, "199001012015031001", "A1", None).unwrap_err();
    assert!(matches!(unknown, AppError::UnknownEmployee(_)));
    let no_pos = jpm_of(db, &tenant, "197001012000031001", "ZZ", None).unwrap_err();
    assert!(
        matches!(&no_pos, AppError::UnknownPosition(code) if code == "ZZ"),
        "{no_pos:?}"
    );
}

#[test]
fn reading_a_persons_results_for_jpm_is_recorded_under_that_person() {
    for mut t in testing::both() {
        let db = &mut t.db;
        let (tenant, r) = first_against_a2(db);
        let subject = format!("employee:{}", r.employee.id);
        let entries = talenta_store::audit::entries(db, tenant.id, Some(&subject), 10).unwrap();
        assert_eq!(entries.len(), 1, "{}", t.name);
        assert_eq!(entries[0].action, "result.read");
        assert_eq!(entries[0].actor, "uji");
        assert_eq!(entries[0].at, "2026-11-27T08:00:00.000Z");
        assert!(entries[0].detail.contains("\"position\":\"A2\""));
    }
}
