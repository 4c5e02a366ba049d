//! Personal data under UU 27/2022: every read of a person's record or results is recorded under
//! that person, a list once for every person it showed, and each person can take all of their
//! data (with who read it) as one workbook. On SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use talenta_app::access::{Actor, Role};
use talenta_app::directory;
use talenta_fixture::{self as fx, ctx};
use talenta_store::Db;
use talenta_store::testing;

/// The demo Kota Mojokerto's administrator and one employee who has an assessment result, with
/// their own account.
fn world(db: &mut Db) -> (Actor, Actor, i64) {
    let admin = fx::mojokerto(db, fx::today(), Role::TenantAdmin);
    let person = talenta_store::master::list_employees(db, admin.tenant.id)
        .unwrap()
        .into_iter()
        .find(|e| {
            !talenta_store::master::results_of(db, admin.tenant.id, e.id)
                .unwrap()
                .is_empty()
        })
        .expect("someone with a result")
        .id;
    let own = fx::account(
        db,
        &admin.tenant,
        "pegawai.uji",
        Role::Employee,
        Some(person),
    );
    (admin, own, person)
}

fn reads(db: &mut Db, who: &Actor) -> Vec<talenta_store::audit::Entry> {
    directory::my_data_reads(db, who, 1000).unwrap()
}

#[test]
fn opening_a_record_is_recorded_for_that_person_but_reading_ones_own_is_not() {
    for mut t in testing::both() {
        let db = &mut t.db;
        let (admin, own, person) = world(db);
        assert!(reads(db, &own).is_empty(), "{}", t.name);
        let about = admin.grant_about(db, person).unwrap();
        directory::employee_record(db, &about, &ctx(), false).unwrap();
        let seen = reads(db, &own);
        assert_eq!(seen.len(), 1, "{}: the record without results", t.name);
        assert_eq!(seen[0].action, "employee.read");
        let about = admin.grant_about(db, person).unwrap();
        directory::employee_record(db, &about, &ctx(), true).unwrap();
        let actions: Vec<String> = reads(db, &own).into_iter().map(|e| e.action).collect();
        assert_eq!(
            actions,
            ["employee.read", "result.read", "employee.read"],
            "{}: newest first; with results both are recorded",
            t.name
        );
        let mine = own.grant_about(db, person).unwrap();
        directory::employee_record(db, &mine, &ctx(), true).unwrap();
        let after: Vec<String> = reads(db, &own).into_iter().map(|e| e.action).collect();
        assert_eq!(
            after,
            [
                "result.read",
                "employee.read",
                "result.read",
                "employee.read"
            ],
            "{}: the person's own reading of their results is kept, of their record not",
            t.name
        );
    }
}

#[test]
fn the_talent_map_workbook_records_a_read_for_every_person_listed() {
    for mut t in testing::both() {
        let db = &mut t.db;
        let (admin, own, _) = world(db);
        let before = talenta_store::audit::verify(db, &fx::key()).unwrap()[0].entries;
        directory::talent_map_xlsx(db, &admin.grant().unwrap(), &ctx(), None, fx::today()).unwrap();
        let listed = talenta_store::audit::entries(db, admin.tenant.id, None, 100_000)
            .unwrap()
            .into_iter()
            .filter(|e| e.detail.contains("talent_map_export"))
            .count();
        let people = talenta_store::master::list_employees(db, admin.tenant.id)
            .unwrap()
            .len();
        assert!(listed > 200, "{}: {listed} people recorded", t.name);
        assert!(listed <= people, "{}", t.name);
        assert!(
            reads(db, &own)
                .iter()
                .any(|e| e.detail.contains("talent_map_export")),
            "{}: the person finds the export among who read their data",
            t.name
        );
        let v = talenta_store::audit::verify(db, &fx::key()).unwrap();
        assert!(v.iter().all(|v| v.first_break.is_none()), "{}", t.name);
        assert!(
            v.iter().map(|v| v.entries).sum::<i64>() >= before + listed as i64,
            "{}",
            t.name
        );
    }
}

fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let range = wb.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_person_downloads_all_of_their_data_with_who_read_it_in_one_workbook() {
    for mut t in testing::both() {
        let db = &mut t.db;
        let (admin, own, person) = world(db);
        let about = admin.grant_about(db, person).unwrap();
        directory::employee_record(db, &about, &ctx(), true).unwrap();
        let e = talenta_store::master::employee(db, admin.tenant.id, person)
            .unwrap()
            .unwrap();
        let results = talenta_store::master::results_of(db, admin.tenant.id, person).unwrap();
        let published: usize = results
            .iter()
            .filter(|r| r.published)
            .map(|r| r.levels.len())
            .sum();
        let entries_before = talenta_store::audit::verify(db, &fx::key())
            .unwrap()
            .iter()
            .map(|v| v.entries)
            .sum::<i64>();

        let mine = own.grant_about(db, person).unwrap();
        let bytes = directory::personal_data_xlsx(db, &ctx(), &mine).unwrap();
        let record = sheet(&bytes, "Data pribadi");
        assert!(
            record
                .iter()
                .any(|r| r[0] == "NIP" && r[1] == e.nip.digits()),
            "{}: {record:?}",
            t.name
        );
        assert!(record.iter().any(|r| r[0] == "Nama" && r[1] == e.name));
        let assessed = sheet(&bytes, "Hasil asesmen");
        assert_eq!(
            assessed.len() - 1,
            published,
            "{}: a row per level of each published result (an employee sees those)",
            t.name
        );
        let access = sheet(&bytes, "Akses data");
        assert!(
            access
                .iter()
                .any(|r| r[1] == "uji" && r[2] == "result.read"),
            "{}: {access:?}",
            t.name
        );
        for name in ["Riwayat jabatan", "Kinerja", "Hukuman disiplin"] {
            assert!(!sheet(&bytes, name).is_empty(), "{name}");
        }
        let entries_after = talenta_store::audit::verify(db, &fx::key())
            .unwrap()
            .iter()
            .map(|v| v.entries)
            .sum::<i64>();
        assert_eq!(
            entries_after, entries_before,
            "{}: taking one's own copy is not a read by someone else",
            t.name
        );
        // The agency answering the person's request: every result, and the read recorded.
        let about = admin.grant_about(db, person).unwrap();
        let bytes = directory::personal_data_xlsx(db, &ctx(), &about).unwrap();
        let all: usize = results.iter().map(|r| r.levels.len()).sum();
        assert_eq!(sheet(&bytes, "Hasil asesmen").len() - 1, all, "{}", t.name);
        assert_eq!(reads(db, &own)[0].action, "employee.read");
        assert!(reads(db, &own)[0].detail.contains("personal_data"));
    }
}

#[test]
fn other_entries_about_the_person_never_push_a_read_out_of_their_list() {
    for mut t in testing::both() {
        let db = &mut t.db;
        let (admin, own, person) = world(db);
        let about = admin.grant_about(db, person).unwrap();
        directory::employee_record(db, &about, &ctx(), false).unwrap();
        for _ in 0..3 {
            ctx()
                .record(
                    db,
                    admin.tenant.id,
                    "employee.update",
                    &format!("employee:{person}"),
                    serde_json::json!({}),
                )
                .unwrap();
        }
        let newest = directory::my_data_reads(db, &own, 1).unwrap();
        assert_eq!(newest.len(), 1, "{}", t.name);
        assert_eq!(newest[0].action, "employee.read", "{}", t.name);
    }
}
