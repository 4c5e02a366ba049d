//! Every repository on a fresh SQLite file and on a fresh PostgreSQL database.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use chrono::NaiveDate;
use talenta_domain::competency::{CompetencyCode, CoreCompetency, Level};
use talenta_domain::eligibility::{Education, SanctionLevel};
use talenta_domain::master::Sanction;
use talenta_domain::performance::{Predikat, Rating};
use talenta_domain::position::{Eselon, PositionClass};
use talenta_domain::{EmploymentType, Golongan, Nip, Purpose, RuleSet, Sex};
use talenta_store::master::*;
use talenta_store::testing;
use talenta_store::{Db, schema};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A tenant with two units (SETDA over SETDA.ORG) and two posts (J1 over J2), written through
/// `upsert_units` and `upsert_positions`; returns the tenant's id.
fn seed(db: &mut Db) -> i64 {
    testing::Seed::new("kota-contoh")
        .unit("SETDA", "Sekretariat Daerah", None)
        .unit("SETDA.ORG", "Bagian Organisasi", Some("SETDA"))
        .position(
            "J1",
            "Sekretaris Daerah",
            PositionClass::JptPratama,
            Some(Eselon::IIA),
            "SETDA",
            None,
        )
        .position(
            "J2",
            "Kepala Bagian Organisasi",
            PositionClass::Administrator,
            Some(Eselon::IIIA),
            "SETDA.ORG",
            Some("J1"),
        )
        .store(db)
        .tenant
        .id
}

/// What an upsert reports: rows inserted, updated and left unchanged.
fn counts(inserted: u64, updated: u64, unchanged: u64) -> UpsertCounts {
    UpsertCounts {
        inserted,
        updated,
        unchanged,
    }
}

fn employee(nip: &str, name: &str) -> EmployeeInput {
    let nip = Nip::parse(nip).unwrap();
    EmployeeInput {
        nip,
        name: name.into(),
        sex: nip.sex(),
        birth_date: nip.birth_date(),
        employment: nip.employment_type(),
        rank: Some(Golongan::IVA),
        education: Some(Education::S2),
        position_code: Some("J2".into()),
        position_since: Some(d(2020, 1, 2)),
    }
}

#[test]
fn migrations_run_once_and_again_without_change() {
    for mut t in testing::both() {
        assert_eq!(
            schema::migrate(&mut t.db, testing::now()).unwrap(),
            schema::latest_version(),
            "{}",
            t.name
        );
        assert_eq!(
            schema::migrate(&mut t.db, testing::now()).unwrap(),
            schema::latest_version(),
            "{}",
            t.name
        );
    }
}

#[test]
fn a_tenant_keeps_its_rule_set_with_its_version() {
    for mut t in testing::both() {
        let mut rules = RuleSet {
            version: "kota-contoh-2026".into(),
            ..RuleSet::default()
        };
        rules.jpm.cap_at_100 = true;
        // A government relaxed replacement to 1 year (later circulars) and moved the KASN date.
        rules.selection.min_months_before_replacement = 12;
        rules.selection.kasn_until = chrono::NaiveDate::from_ymd_opt(2025, 3, 31).unwrap();
        let tenant = create_tenant(
            &mut t.db,
            "kota-contoh",
            "Pemerintah Kota Contoh",
            "kota",
            &rules,
            testing::now(),
        )
        .unwrap();
        assert_eq!(tenant.rules_version, "kota-contoh-2026");
        assert_eq!(
            talenta_store::master::rules(&mut t.db, &tenant).unwrap(),
            rules,
            "{}",
            t.name
        );
        assert_eq!(list_tenants(&mut t.db).unwrap().len(), 1);
        assert!(tenant_by_code(&mut t.db, "tidak-ada").unwrap().is_none());
    }
}

#[test]
fn units_form_a_tree_and_positions_point_to_units_and_superiors() {
    for mut t in testing::both() {
        let tenant = seed(&mut t.db);
        let units = list_units(&mut t.db, tenant).unwrap();
        assert_eq!(units.len(), 2, "{}", t.name);
        let setda = units.iter().find(|u| u.code == "SETDA").unwrap();
        let org = units.iter().find(|u| u.code == "SETDA.ORG").unwrap();
        assert_eq!(org.parent_id, Some(setda.id));
        let j2 = position_by_code(&mut t.db, tenant, "J2").unwrap().unwrap();
        let j1 = position_by_code(&mut t.db, tenant, "J1").unwrap().unwrap();
        assert_eq!(j2.superior_id, Some(j1.id));
        assert_eq!(j2.unit_id, org.id);
        assert_eq!(j2.class, PositionClass::Administrator);
        assert_eq!(j2.eselon, Some(Eselon::IIIA));
        assert_eq!(list_positions(&mut t.db, tenant).unwrap().len(), 2);
    }
}

#[test]
fn upserting_the_same_rows_twice_changes_nothing_and_a_changed_row_updates() {
    for mut t in testing::both() {
        let tenant = seed(&mut t.db);
        let rows = vec![
            employee("196608011988031001", "Budi Santoso"),
            employee("198312112021212003", "Siti Aminah"),
        ];
        let first = upsert_employees(&mut t.db, tenant, &rows).unwrap();
        assert_eq!(first, counts(2, 0, 0), "{}", t.name);
        let again = upsert_employees(&mut t.db, tenant, &rows).unwrap();
        assert_eq!(again, counts(0, 0, 2), "{}", t.name);
        let mut changed = rows.clone();
        changed[1].name = "Siti Aminah, S.E.".into();
        changed[1].rank = None;
        let third = upsert_employees(&mut t.db, tenant, &changed).unwrap();
        assert_eq!(third, counts(0, 1, 1), "{}", t.name);
        let siti = employee_by_nip(&mut t.db, tenant, Nip::parse("198312112021212003").unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(siti.name, "Siti Aminah, S.E.");
        assert_eq!(siti.rank, None);
        assert_eq!(siti.employment, EmploymentType::Pppk);
        assert_eq!(siti.sex, Sex::Female);
        assert_eq!(siti.position_since, Some(d(2020, 1, 2)));
        assert_eq!(list_employees(&mut t.db, tenant).unwrap().len(), 2);
    }
}

#[test]
fn many_rows_are_written_in_multi_row_statements() {
    for mut t in testing::both() {
        let tenant = seed(&mut t.db);
        // 1,200 distinct NIPs: more rows than one statement takes.
        let unique: Vec<EmployeeInput> = (0..1200)
            .map(|i| {
                employee(
                    &format!(
                        "1980{:02}{:02}2005011{:03}",
                        1 + i % 12,
                        1 + (i / 12) % 28,
                        1 + i / 336
                    ),
                    "X",
                )
            })
            .collect();
        let counts = upsert_employees(&mut t.db, tenant, &unique).unwrap();
        assert_eq!(counts.inserted, unique.len() as u64, "{}", t.name);
        assert_eq!(
            count(&mut t.db, tenant, "employees").unwrap(),
            unique.len() as u64
        );
    }
}

#[test]
fn standards_ratings_sanctions_and_results_round_trip() {
    for mut t in testing::both() {
        let tenant = seed(&mut t.db);
        upsert_employees(
            &mut t.db,
            tenant,
            &[employee("196608011988031001", "Budi Santoso")],
        )
        .unwrap();
        let nip = Nip::parse("196608011988031001").unwrap();
        let m1 = CompetencyCode::Core(CoreCompetency::M1);
        let tech = CompetencyCode::Technical("T.ORG-1".into());
        let std_counts = upsert_standards(
            &mut t.db,
            tenant,
            &[
                StandardInput {
                    position_code: "J2".into(),
                    competency: m1.clone(),
                    level: Level::whole(3).unwrap(),
                },
                StandardInput {
                    position_code: "J2".into(),
                    competency: tech.clone(),
                    level: Level::parse("2.5").unwrap(),
                },
            ],
        )
        .unwrap();
        assert_eq!(std_counts.inserted, 2, "{}", t.name);
        let j2 = position_by_code(&mut t.db, tenant, "J2").unwrap().unwrap();
        let std = standard_of(&mut t.db, tenant, j2.id).unwrap();
        assert_eq!(
            std,
            vec![
                (m1.clone(), Level::whole(3).unwrap()),
                (tech.clone(), Level::parse("2.5").unwrap())
            ]
        );
        assert_eq!(
            standards(&mut t.db, tenant).unwrap().get(&j2.id),
            Some(&std)
        );

        let ratings_in = [
            RatingInput {
                nip,
                year: 2024,
                rating: Rating::Predikat(Predikat::Baik),
            },
            RatingInput {
                nip,
                year: 2019,
                rating: Rating::Score(8557),
            },
        ];
        upsert_ratings(&mut t.db, tenant, &ratings_in).unwrap();
        let emp = employee_by_nip(&mut t.db, tenant, nip).unwrap().unwrap();
        let got = ratings_of(&mut t.db, tenant, emp.id).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].year, 2019);
        assert_eq!(got[0].rating, Rating::Score(8557));
        assert_eq!(got[1].rating, Rating::Predikat(Predikat::Baik));
        assert_eq!(ratings(&mut t.db, tenant).unwrap()[&emp.id].len(), 2);

        let s = Sanction {
            level: SanctionLevel::Sedang,
            decided_on: d(2025, 3, 1),
            ends_on: Some(d(2026, 3, 1)),
            description: "Tidak masuk kerja tanpa alasan".into(),
        };
        upsert_sanctions(
            &mut t.db,
            tenant,
            &[SanctionInput {
                nip,
                sanction: s.clone(),
            }],
        )
        .unwrap();
        assert_eq!(sanctions_of(&mut t.db, tenant, emp.id).unwrap(), vec![s]);

        let result = ResultInput {
            nip,
            assessed_on: d(2021, 6, 9),
            provider: "BKD Provinsi Jawa Timur".into(),
            purpose: Purpose::Pemetaan,
            levels: vec![
                (m1.clone(), Level::parse("2.5").unwrap()),
                (tech.clone(), Level::whole(3).unwrap()),
            ],
            job_class: None,
        };
        let c1 = upsert_results(&mut t.db, tenant, std::slice::from_ref(&result)).unwrap();
        assert_eq!(c1, counts(1, 0, 0), "{}", t.name);
        let c2 = upsert_results(&mut t.db, tenant, std::slice::from_ref(&result)).unwrap();
        assert_eq!(c2, counts(0, 0, 1), "{}", t.name);
        let mut changed = result.clone();
        changed.levels[0].1 = Level::whole(3).unwrap();
        let c3 = upsert_results(&mut t.db, tenant, &[changed]).unwrap();
        assert_eq!(c3, counts(0, 1, 0), "{}", t.name);
        let stored = results_of(&mut t.db, tenant, emp.id).unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].levels[0], (m1, Level::whole(3).unwrap()));
        assert_eq!(stored[0].purpose, Purpose::Pemetaan);
        assert_eq!(results(&mut t.db, tenant).unwrap()[&emp.id].len(), 1);
    }
}

#[test]
fn a_failed_transaction_leaves_nothing_behind() {
    for mut t in testing::both() {
        let tenant = seed(&mut t.db);
        let r: Result<(), talenta_store::StoreError> = t.db.transaction(|tx| {
            upsert_employees(
                tx,
                tenant,
                &[employee("196608011988031001", "Budi Santoso")],
            )?;
            Err(talenta_store::StoreError::NotFound("forced".into()))
        });
        assert!(r.is_err());
        assert_eq!(
            count(&mut t.db, tenant, "employees").unwrap(),
            0,
            "{}",
            t.name
        );
    }
}

#[test]
fn tenants_never_see_each_others_rows() {
    for mut t in testing::both() {
        let a = seed(&mut t.db);
        let b = create_tenant(
            &mut t.db,
            "kab-lain",
            "Pemerintah Kabupaten Lain",
            "kabupaten",
            &RuleSet::default(),
            talenta_store::testing::now(),
        )
        .unwrap();
        upsert_employees(
            &mut t.db,
            a,
            &[employee("196608011988031001", "Budi Santoso")],
        )
        .unwrap();
        assert!(
            employee_by_nip(&mut t.db, b.id, Nip::parse("196608011988031001").unwrap())
                .unwrap()
                .is_none()
        );
        assert!(list_units(&mut t.db, b.id).unwrap().is_empty());
    }
}

#[test]
fn a_change_of_position_keeps_the_position_left_in_the_history() {
    for mut t in testing::both() {
        let tenant = seed(&mut t.db);
        let mut e = employee("196608011988031001", "Budi Santoso");
        upsert_employees(&mut t.db, tenant, std::slice::from_ref(&e)).unwrap();
        let id = employee_by_nip(&mut t.db, tenant, e.nip)
            .unwrap()
            .unwrap()
            .id;
        assert!(position_history(&mut t.db, tenant, id).unwrap().is_empty());
        // The same position again: no history.
        upsert_employees(&mut t.db, tenant, std::slice::from_ref(&e)).unwrap();
        assert!(
            position_history(&mut t.db, tenant, id).unwrap().is_empty(),
            "{}",
            t.name
        );
        e.position_code = Some("J1".into());
        e.position_since = Some(d(2025, 1, 2));
        upsert_employees(&mut t.db, tenant, std::slice::from_ref(&e)).unwrap();
        let h = position_history(&mut t.db, tenant, id).unwrap();
        assert_eq!(h.len(), 1, "{}", t.name);
        assert_eq!(h[0].name, "Kepala Bagian Organisasi");
        assert_eq!(
            (h[0].started_on, h[0].ended_on),
            (Some(d(2020, 1, 2)), Some(d(2025, 1, 2)))
        );
    }
}

#[test]
fn a_person_s_records_are_read_only_through_their_own_tenant() {
    for mut t in testing::both() {
        let a = testing::Seed::new("kota-a")
            .unit("BKPSDM", "BKPSDM", None)
            .position(
                "KABID",
                "Kepala Bidang",
                PositionClass::Administrator,
                Some(Eselon::IIIB),
                "BKPSDM",
                None,
            )
            .standard("KABID", 3)
            .employee("198001012005011001", "Pegawai A", Some("KABID"))
            .store(&mut t.db);
        let b = testing::Seed::new("kota-b").store(&mut t.db);
        let emp = a.employee("198001012005011001");
        let post = a.position("KABID");
        upsert_ratings(
            &mut t.db,
            a.tenant.id,
            &[RatingInput {
                nip: Nip::parse("198001012005011001").unwrap(),
                year: 2025,
                rating: Rating::Predikat(Predikat::Baik),
            }],
        )
        .unwrap();
        assert_eq!(standard_of(&mut t.db, a.tenant.id, post).unwrap().len(), 9);
        assert_eq!(ratings_of(&mut t.db, a.tenant.id, emp).unwrap().len(), 1);
        // Another tenant's id names nothing, whatever the caller has.
        assert!(
            standard_of(&mut t.db, b.tenant.id, post)
                .unwrap()
                .is_empty(),
            "{}",
            t.name
        );
        assert!(ratings_of(&mut t.db, b.tenant.id, emp).unwrap().is_empty());
        assert!(
            sanctions_of(&mut t.db, b.tenant.id, emp)
                .unwrap()
                .is_empty()
        );
        assert!(results_of(&mut t.db, b.tenant.id, emp).unwrap().is_empty());
    }
}
