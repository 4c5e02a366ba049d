//! The talent map and JPM use cases on hand-made data with known answers, on both engines.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use chrono::NaiveDate;
use talenta_app::talent::{Unplaced, talent_map};
use talenta_app::{AppError, jpm};
use talenta_domain::competency::{CompetencyCode, CoreCompetency, Level};
use talenta_domain::jpm::{Category, Purpose};
use talenta_domain::master::Tenant;
use talenta_domain::performance::{Predikat, Rating};
use talenta_domain::position::{Eselon, PositionClass};
use talenta_domain::talent::Potential;
use talenta_domain::{Nip, RuleSet};
use talenta_fixture::ctx;
use talenta_store::master::*;
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

struct Person {
    nip: &'static str,
    position: Option<&'static str>,
    result: Option<(NaiveDate, u32)>,
    ratings: &'static [(i32, Predikat)],
}

fn fixture(db: &mut Db) -> Tenant {
    let t = create_tenant(
        db,
        "kota-uji",
        "Pemerintah Kota Uji",
        "kota",
        &RuleSet::default(),
        talenta_store::testing::now(),
    )
    .unwrap();
    upsert_units(
        db,
        t.id,
        &[
            UnitInput {
                code: "DINKES".into(),
                name: "Dinas Kesehatan".into(),
                parent_code: None,
            },
            UnitInput {
                code: "DINKES.YAN".into(),
                name: "Bidang Pelayanan".into(),
                parent_code: Some("DINKES".into()),
            },
            UnitInput {
                code: "DISDIK".into(),
                name: "Dinas Pendidikan".into(),
                parent_code: None,
            },
        ],
    )
    .unwrap();
    let pos = |code: &str, unit: &str| PositionInput {
        code: code.into(),
        name: format!("Kepala {code}"),
        class: PositionClass::Administrator,
        eselon: Some(Eselon::IIIB),
        unit_code: unit.into(),
        superior_code: None,
    };
    upsert_positions(
        db,
        t.id,
        &[
            pos("A1", "DINKES.YAN"),
            pos("A2", "DISDIK"),
            pos("A3", "DISDIK"),
        ],
    )
    .unwrap();
    let standards: Vec<StandardInput> = ["A1", "A2"]
        .iter()
        .flat_map(|p| {
            CoreCompetency::ALL.iter().map(|c| StandardInput {
                position_code: p.to_string(),
                competency: CompetencyCode::Core(*c),
                level: Level::whole(3).unwrap(),
            })
        })
        .collect();
    upsert_standards(db, t.id, &standards).unwrap();
    let people = [
        // high potential (250/270 = 92.6 %), Sangat Baik both years -> box 9
        Person {
            nip: "197001012000031001",
            position: Some("A1"),
            result: Some((d(2025, 3, 1), 250)),
            ratings: &[(2024, Predikat::SangatBaik), (2025, Predikat::SangatBaik)],
        },
        // medium (230/270 = 85.2 %), Baik + Sangat Baik -> lower = meets -> box 5
        Person {
            nip: "197101012000031002",
            position: Some("A2"),
            result: Some((d(2024, 6, 1), 230)),
            ratings: &[(2024, Predikat::SangatBaik), (2025, Predikat::Baik)],
        },
        // low (185/270 = 68.5 %), Butuh Perbaikan -> box 1
        Person {
            nip: "197201012000032003",
            position: Some("A2"),
            result: Some((d(2024, 6, 1), 185)),
            ratings: &[(2025, Predikat::ButuhPerbaikan), (2024, Predikat::Baik)],
        },
        // 245/270 = 90.7 % is high; Baik -> box 8
        Person {
            nip: "197301012000031004",
            position: Some("A1"),
            result: Some((d(2026, 1, 5), 245)),
            ratings: &[(2024, Predikat::Baik), (2025, Predikat::Baik)],
        },
        // result older than three years: not placed
        Person {
            nip: "197401012000031005",
            position: Some("A1"),
            result: Some((d(2021, 6, 9), 270)),
            ratings: &[(2025, Predikat::Baik)],
        },
        // no rating in the window: not placed
        Person {
            nip: "197501012000031006",
            position: Some("A1"),
            result: Some((d(2025, 6, 9), 270)),
            ratings: &[(2019, Predikat::Baik)],
        },
        // no position: not placed
        Person {
            nip: "197601012000031007",
            position: None,
            result: None,
            ratings: &[],
        },
        // position without standard: not placed
        Person {
            nip: "197701012000031008",
            position: Some("A3"),
            result: Some((d(2025, 6, 9), 270)),
            ratings: &[(2025, Predikat::Baik)],
        },
    ];
    let employees: Vec<EmployeeInput> = people
        .iter()
        .map(|p| {
            let nip = Nip::parse(p.nip).unwrap();
            EmployeeInput {
                nip,
                name: format!("Pegawai {}", nip.serial()),
                sex: nip.sex(),
                birth_date: nip.birth_date(),
                employment: nip.employment_type(),
                rank: None,
                education: None,
                position_code: p.position.map(str::to_string),
                position_since: None,
            }
        })
        .collect();
    upsert_employees(db, t.id, &employees).unwrap();
    let ratings: Vec<RatingInput> = people
        .iter()
        .flat_map(|p| {
            p.ratings.iter().map(|(y, r)| RatingInput {
                nip: Nip::parse(p.nip).unwrap(),
                year: *y,
                rating: Rating::Predikat(*r),
            })
        })
        .collect();
    upsert_ratings(db, t.id, &ratings).unwrap();
    let results: Vec<ResultInput> = people
        .iter()
        .filter_map(|p| {
            p.result.map(|(on, sum)| ResultInput {
                nip: Nip::parse(p.nip).unwrap(),
                assessed_on: on,
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

#[test]
fn every_employee_lands_in_the_box_the_rules_give_or_is_counted_with_a_reason() {
    for mut t in testing::both() {
        let tenant = fixture(&mut t.db);
        let map = talent_map(
            &mut t.db,
            &talenta_fixture::admin(&tenant).grant().unwrap(),
            as_of(),
        )
        .unwrap();
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
        let tenant = fixture(&mut t.db);
        let nip = Nip::parse("197001012000031001").unwrap();
        let r = jpm::jpm_for(
            &mut t.db,
            &ctx(),
            &talenta_fixture::admin(&tenant).grant().unwrap(),
            nip,
            "A2",
            None,
            as_of(),
        )
        .unwrap();
        assert_eq!(r.jpm.basis_points(), 9259, "{}", t.name);
        assert_eq!(r.purpose, Purpose::Pemetaan);
        assert_eq!(r.category, Category::O);
        assert_eq!(r.potential, Potential::High);
        assert_eq!(r.valid_until, d(2028, 2, 29));
        assert_eq!(r.gaps.len(), 9);
        let filling = jpm::jpm_for(
            &mut t.db,
            &ctx(),
            &talenta_fixture::admin(&tenant).grant().unwrap(),
            nip,
            "A2",
            Some(Purpose::Pengisian),
            as_of(),
        )
        .unwrap();
        assert_eq!(filling.category, Category::Ms);
        let low = jpm::jpm_for(
            &mut t.db,
            &ctx(),
            &talenta_fixture::admin(&tenant).grant().unwrap(),
            Nip::parse("197201012000032003").unwrap(),
            "A2",
            Some(Purpose::Pengisian),
            as_of(),
        )
        .unwrap();
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
    let tenant = fixture(&mut t.db);
    let expired = jpm::jpm_for(
        &mut t.db,
        &ctx(),
        &talenta_fixture::admin(&tenant).grant().unwrap(),
        Nip::parse("197401012000031005").unwrap(),
        "A1",
        None,
        as_of(),
    )
    .unwrap_err();
    assert!(
        matches!(
            &expired,
            AppError::NoValidResult { nip, last: Some(last), years: 3 }
                if nip == "19740101 200003 1 005"
                    && *last == NaiveDate::from_ymd_opt(2021, 6, 9).unwrap()
        ),
        "{expired:?}"
    );
    let no_std = jpm::jpm_for(
        &mut t.db,
        &ctx(),
        &talenta_fixture::admin(&tenant).grant().unwrap(),
        Nip::parse("197001012000031001").unwrap(),
        "A3",
        None,
        as_of(),
    )
    .unwrap_err();
    assert!(
        matches!(&no_std, AppError::NoStandard(code) if code == "A3"),
        "{no_std:?}"
    );
    let unknown = jpm::jpm_for(
        &mut t.db,
        &ctx(),
        &talenta_fixture::admin(&tenant).grant().unwrap(),
        Nip::parse("199001012015031001").unwrap(),
        "A1",
        None,
        as_of(),
    )
    .unwrap_err();
    assert!(matches!(unknown, AppError::UnknownEmployee(_)));
    let no_pos = jpm::jpm_for(
        &mut t.db,
        &ctx(),
        &talenta_fixture::admin(&tenant).grant().unwrap(),
        Nip::parse("197001012000031001").unwrap(),
        "ZZ",
        None,
        as_of(),
    )
    .unwrap_err();
    assert!(
        matches!(&no_pos, AppError::UnknownPosition(code) if code == "ZZ"),
        "{no_pos:?}"
    );
}

#[test]
fn reading_a_persons_results_for_jpm_is_recorded_under_that_person() {
    for mut t in testing::both() {
        let tenant = fixture(&mut t.db);
        let nip = Nip::parse("197001012000031001").unwrap();
        let r = jpm::jpm_for(
            &mut t.db,
            &ctx(),
            &talenta_fixture::admin(&tenant).grant().unwrap(),
            nip,
            "A2",
            None,
            as_of(),
        )
        .unwrap();
        let subject = format!("employee:{}", r.employee.id);
        let entries =
            talenta_store::audit::entries(&mut t.db, tenant.id, Some(&subject), 10).unwrap();
        assert_eq!(entries.len(), 1, "{}", t.name);
        assert_eq!(entries[0].action, "result.read");
        assert_eq!(entries[0].actor, "uji");
        assert_eq!(entries[0].at, "2026-11-27T08:00:00.000Z");
        assert!(entries[0].detail.contains("\"position\":\"A2\""));
    }
}
