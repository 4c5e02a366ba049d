//! Imports end to end: real .xlsx and .csv files in a temp dir, into a fresh SQLite file and a
//! fresh PostgreSQL database. Every bad input the importer refuses is sent here.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use std::io::Write;
use std::path::{Path, PathBuf};

use talenta_app::import::{
    ImportError, ImportKind, ImportLimits, ImportOptions, ImportOutcome, RowError, import_file,
};
use talenta_domain::master::{Employee, Tenant};
use talenta_domain::{Nip, RuleSet};
use talenta_fixture::{self as fx, ctx, today as as_of};
use talenta_store::Db;
use talenta_store::master::{self as store, UpsertCounts};
use talenta_store::testing::{self, TestDb};

/// The default import options with other limits.
fn options_with(limits: ImportLimits) -> ImportOptions {
    ImportOptions {
        limits,
        as_of: as_of(),
    }
}

fn xlsx<R: AsRef<[&'static str]>>(dir: &Path, name: &str, rows: &[R]) -> PathBuf {
    let path = dir.join(name);
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.as_ref().iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save(&path).unwrap();
    path
}

/// Cells of a row by their column header.
type Cells<'a> = &'a [(&'a str, &'static str)];

/// A row under `header` with the given cells (by column header) and the other cells empty.
fn row_of(header: &[&str], cells: Cells) -> Vec<&'static str> {
    for (column, _) in cells {
        assert!(header.contains(column), "no column {column}");
    }
    header
        .iter()
        .map(|h| {
            cells
                .iter()
                .rev()
                .find(|(column, _)| column == h)
                .map_or("", |(_, v)| *v)
        })
        .collect()
}

/// An employee row: Budi's NIP and the name "X", with `cells` (by column header) over them.
fn employee_row(cells: Cells) -> Vec<&'static str> {
    let mut all = vec![("NIP", BUDI), ("Nama", "X")];
    all.extend_from_slice(cells);
    row_of(EMPLOYEES[0], &all)
}

/// Imports a file into a tenant as its administrator.
fn import(
    db: &mut Db,
    t: &Tenant,
    kind: ImportKind,
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportOutcome, ImportError> {
    import_file(
        db,
        &ctx(),
        &talenta_fixture::admin(t).grant().unwrap(),
        kind,
        path,
        options,
        &mut |_, _| {},
    )
}

/// A new tenant with the default rules and no data.
fn new_tenant(db: &mut Db, code: &str, name: &str) -> Tenant {
    store::create_tenant(db, code, name, "kota", &RuleSet::default(), testing::now()).unwrap()
}

/// One engine's database with a tenant whose units and positions are imported, and a temp dir
/// for the files a test writes.
struct World {
    t: TestDb,
    tenant: Tenant,
    dir: tempfile::TempDir,
}

impl World {
    /// The world on SQLite.
    fn sqlite() -> World {
        World::on(testing::sqlite())
    }

    /// The world on each engine.
    fn each() -> Vec<World> {
        testing::both().into_iter().map(World::on).collect()
    }

    /// The world on `t`: a new tenant with the units and positions above imported.
    fn on(mut t: TestDb) -> World {
        let dir = tempfile::tempdir().unwrap();
        let tenant = new_tenant(&mut t.db, "kota-contoh", "Pemerintah Kota Contoh");
        let mut w = World { t, tenant, dir };
        w.ok(ImportKind::Units, &w.xlsx("units.xlsx", UNITS));
        w.ok(ImportKind::Positions, &w.xlsx("positions.xlsx", POSITIONS));
        w
    }

    /// Writes `rows` as an .xlsx file named `name` in the temp dir.
    fn xlsx<R: AsRef<[&'static str]>>(&self, name: &str, rows: &[R]) -> PathBuf {
        xlsx(self.dir.path(), name, rows)
    }

    /// Writes `bytes` as a file named `name` in the temp dir.
    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Imports a file with `options`.
    fn import_with(
        &mut self,
        kind: ImportKind,
        path: &Path,
        options: &ImportOptions,
    ) -> Result<ImportOutcome, ImportError> {
        import(&mut self.t.db, &self.tenant, kind, path, options)
    }

    /// Writes `rows` as an .xlsx file named `name` and imports it; row errors are in the outcome.
    fn import_rows<R: AsRef<[&'static str]>>(
        &mut self,
        kind: ImportKind,
        name: &str,
        rows: &[R],
    ) -> ImportOutcome {
        self.run(kind, &self.xlsx(name, rows)).unwrap()
    }

    /// Imports a file with the default options.
    fn run(&mut self, kind: ImportKind, path: &Path) -> Result<ImportOutcome, ImportError> {
        self.import_with(kind, path, &options_with(ImportLimits::default()))
    }

    /// Imports a file and requires that no row was refused.
    fn ok(&mut self, kind: ImportKind, path: &Path) -> ImportOutcome {
        let o = self.run(kind, path).unwrap();
        assert!(o.errors.is_empty(), "{kind:?}: {:#?}", o.errors);
        o
    }

    /// Imports a file that must be refused as a whole.
    fn refused(&mut self, kind: ImportKind, path: &Path) -> ImportError {
        self.run(kind, path).unwrap_err()
    }

    /// The stored employee with this NIP.
    fn employee(&mut self, nip: &str) -> Option<Employee> {
        store::employee_by_nip(&mut self.t.db, self.tenant.id, Nip::parse(nip).unwrap()).unwrap()
    }

    /// How many rows each master table holds for the tenant.
    fn snapshot(&mut self) -> Vec<u64> {
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
        .map(|table| store::count(&mut self.t.db, self.tenant.id, table).unwrap())
        .collect()
    }
}

/// What an import wrote.
fn counts(inserted: u64, updated: u64, unchanged: u64) -> UpsertCounts {
    UpsertCounts {
        inserted,
        updated,
        unchanged,
    }
}

/// The one error of an import, whose reason must contain `words`.
fn only_error<'a>(o: &'a ImportOutcome, words: &str) -> &'a RowError {
    assert_eq!(o.errors.len(), 1, "{:#?}", o.errors);
    let e = &o.errors[0];
    assert!(e.reason.contains(words), "{}", e.reason);
    e
}

/// Budi's NIP (PNS, born 1 August 1966).
const BUDI: &str = "196608011988031001";

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

#[test]
fn units_positions_and_employees_import_in_order_and_twice_changes_nothing() {
    for mut w in World::each() {
        let (db, tenant) = (&mut w.t.db, &w.tenant);
        let units = store::list_units(db, tenant.id).unwrap();
        let org = units.iter().find(|u| u.code == "SETDA.ORG").unwrap();
        let setda = units.iter().find(|u| u.code == "SETDA").unwrap();
        assert_eq!(
            org.parent_id,
            Some(setda.id),
            "child listed before its parent is still linked ({})",
            w.t.name
        );
        // New positions start with the default standard of their class.
        let kabag = store::position_by_code(db, tenant.id, "KABAG.ORG")
            .unwrap()
            .unwrap();
        let std = store::standard_of(db, tenant.id, kabag.id).unwrap();
        assert_eq!(std.len(), 9);
        assert!(
            std.iter().all(|(_, l)| l.tenths() == 30),
            "Administrator default level 3"
        );

        let file = w.xlsx("employees.xlsx", EMPLOYEES);
        let first = w.ok(ImportKind::Employees, &file);
        assert_eq!(first.rows, 3);
        assert_eq!(first.counts, counts(3, 0, 0), "{}", w.t.name);
        let again = w.ok(ImportKind::Employees, &file);
        assert_eq!(again.counts, counts(0, 0, 3), "{}", w.t.name);
        for (kind, name, rows) in [
            (ImportKind::Units, "u.xlsx", UNITS),
            (ImportKind::Positions, "p.xlsx", POSITIONS),
        ] {
            let o = w.ok(kind, &w.xlsx(name, rows));
            assert_eq!(
                o.counts.inserted + o.counts.updated,
                0,
                "{kind:?} re-import ({})",
                w.t.name
            );
        }

        let mut changed: Vec<Vec<&str>> = EMPLOYEES.iter().map(|r| r.to_vec()).collect();
        changed[3][1] = "Rina Marlina, S.T., M.T.";
        let third = w.ok(ImportKind::Employees, &w.xlsx("e2.xlsx", &changed));
        assert_eq!(third.counts, counts(0, 1, 2), "{}", w.t.name);
        let rina = w.employee("198312112021212003").unwrap();
        assert_eq!(rina.name, "Rina Marlina, S.T., M.T.");
    }
}

#[test]
fn one_bad_row_changes_nothing_and_is_reported_with_row_column_value_and_reason() {
    for mut w in World::each() {
        w.ok(ImportKind::Employees, &w.xlsx("e.xlsx", &EMPLOYEES[..2]));
        let before = w.snapshot();
        let mut rows: Vec<Vec<&str>> = EMPLOYEES.iter().map(|r| r.to_vec()).collect();
        rows.push(employee_row(&[
            ("NIP", "19800101200501100"),
            ("Nama", "Salah Digit"),
        ]));
        let o = w.import_rows(ImportKind::Employees, "bad.xlsx", &rows);
        assert!(!o.accepted());
        assert_eq!(o.errors.len(), 1, "{:#?}", o.errors);
        let e = &o.errors[0];
        assert_eq!(
            (e.row, e.column.as_str(), e.value.as_str()),
            (5, "NIP", "19800101200501100")
        );
        assert_eq!(e.reason, "NIP harus 18 digit, ditemukan 17 digit");
        assert_eq!(o.counts, UpsertCounts::default());
        assert_eq!(w.snapshot(), before, "nothing written ({})", w.t.name);
        assert!(w.employee("198312112021212003").is_none());
    }
}

/// Each bad employee row (Budi's NIP and the name "X" unless the cells say otherwise) with the
/// column and the words its error must carry.
#[test]
fn every_kind_of_bad_employee_row_is_refused_with_a_precise_reason() {
    let header = EMPLOYEES[0];
    let since = |date| [("Kode Jabatan", "SEKDA"), ("TMT Jabatan", date)];
    let cases: &[(Cells, &str, &str)] = &[
        (&[("Nama", "")], "Nama", "wajib diisi"),
        (&[("NIP", ""), ("Nama", "Tanpa NIP")], "NIP", "wajib diisi"),
        (
            &[("NIP", "196602301988031001")],
            "NIP",
            "bukan tanggal yang sah",
        ),
        (
            &[("Jenis Kelamin", "P")],
            "Jenis Kelamin",
            "tidak sesuai dengan NIP",
        ),
        (
            &[("Tanggal Lahir", "1966-08-02")],
            "Tanggal Lahir",
            "tidak sesuai dengan NIP",
        ),
        (
            &[("Jenis Pegawai", "PPPK")],
            "Jenis Pegawai",
            "tidak sesuai dengan NIP",
        ),
        (
            &[("NIP", "198312112021212003"), ("Golongan", "III/a")],
            "Golongan",
            "PPPK tidak memiliki golongan",
        ),
        (&[("Golongan", "V/a")], "Golongan", "tidak dikenal"),
        (&[("Pendidikan", "Sarjana")], "Pendidikan", "tidak dikenal"),
        (
            &[("Kode Jabatan", "TIDAK.ADA")],
            "Kode Jabatan",
            "jabatan tidak ditemukan",
        ),
        (&since("2027-01-01"), "TMT Jabatan", "masa depan"),
        (&since("1980-01-01"), "TMT Jabatan", "sebelum TMT"),
        (&since("kemarin"), "TMT Jabatan", "tidak dikenali"),
        (&[("Nama", "=1+1")], "", ""),
    ];
    for mut w in World::each() {
        for (i, (cells, column, words)) in cases.iter().enumerate() {
            let row = employee_row(cells);
            let file = w.xlsx(&format!("case{i}.xlsx"), &[header, row.as_slice()]);
            let o = w.run(ImportKind::Employees, &file).unwrap();
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
        let file = w.xlsx(
            "dup.xlsx",
            &[header, EMPLOYEES[1], EMPLOYEES[2], EMPLOYEES[1]],
        );
        let o = w.run(ImportKind::Employees, &file).unwrap();
        assert_eq!(only_error(&o, "sama dengan baris 2").row, 4);
    }
}

#[test]
fn an_implausible_age_is_a_warning_and_the_row_is_imported() {
    let mut w = World::sqlite();
    let young = employee_row(&[("NIP", "200001012010031001"), ("Nama", "Anak Muda")]);
    let o = w.ok(
        ImportKind::Employees,
        &w.xlsx("w.xlsx", &[EMPLOYEES[0], young.as_slice()]),
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
    for mut w in World::each() {
        let before = w.snapshot();
        let cycle: &[&[&str]] = &[
            UNITS[0],
            &["A", "Unit A", "B"],
            &["B", "Unit B", "A"],
            &["C", "Unit C", "TIDAK.ADA"],
        ];
        let o = w.import_rows(ImportKind::Units, "cycle.xlsx", cycle);
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
        let o = w.import_rows(ImportKind::Units, "cycle2.xlsx", through_db);
        assert_eq!(o.errors.len(), 1, "{:#?}", o.errors);
        let bad_pos: &[&[&str]] = &[
            POSITIONS[0],
            &["X1", "Kepala Seksi", "Pengawas", "III.a", "SETDA", ""],
            &["X2", "Kepala Seksi", "Pengawas", "IV.a", "TIDAK.ADA", ""],
            &["X3", "Kepala Seksi", "Kepala", "", "SETDA", ""],
        ];
        let o = w.import_rows(ImportKind::Positions, "pos.xlsx", bad_pos);
        let cols: Vec<&str> = o.errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(
            cols,
            vec!["Eselon", "Kode Unit", "Kelas Jabatan"],
            "{:#?}",
            o.errors
        );
        assert_eq!(w.snapshot(), before, "{}", w.t.name);
    }
}

#[test]
fn standards_performance_sanctions_and_results_import_and_refuse_bad_rows() {
    for mut w in World::each() {
        w.ok(ImportKind::Employees, &w.xlsx("e.xlsx", EMPLOYEES));
        let standards: &[&[&str]] = &[
            &["Kode Jabatan", "Kode Kompetensi", "Level"],
            &["KABAG.ORG", "M.1", "4"],
            &["KABAG.ORG", "T.ORG-1", "2,5"],
        ];
        let o = w.ok(ImportKind::Standards, &w.xlsx("s.xlsx", standards));
        assert_eq!(o.counts, counts(1, 1, 0), "{}", w.t.name);
        let bad_std: &[&[&str]] = &[
            standards[0],
            &["KABAG.ORG", "M.9", "3"],
            &["KABAG.ORG", "M.2", "6"],
            &["NOPE", "M.1", "3"],
            &["KABAG.ORG", "M.1", "2.3"],
        ];
        let o = w.import_rows(ImportKind::Standards, "s2.xlsx", bad_std);
        assert_eq!(o.errors.len(), 4, "{:#?}", o.errors);

        let perf: &[&[&str]] = &[
            &["NIP", "Tahun", "Predikat", "Nilai"],
            &[BUDI, "2024", "Baik", ""],
            &[BUDI, "2025", "Sangat Baik", ""],
            &[BUDI, "2019", "", "85,57"],
        ];
        let o = w.ok(ImportKind::Performance, &w.xlsx("k.xlsx", perf));
        assert_eq!(o.counts.inserted, 3);
        let bad_perf: &[&[&str]] = &[
            perf[0],
            &[BUDI, "2030", "Baik", ""],
            &[BUDI, "2023", "Baik", "80"],
            &[BUDI, "2022", "", ""],
            &[BUDI, "2021", "Cukup Baik", ""],
            &["199901012020011001", "2024", "Baik", ""],
            &[BUDI, "2024", "Baik", ""],
            &[BUDI, "2024", "Baik", ""],
        ];
        let o = w.import_rows(ImportKind::Performance, "k2.xlsx", bad_perf);
        assert_eq!(
            rows_and_columns(&o),
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

        let sanctions = [
            cells("NIP;Tingkat;Tanggal Keputusan;Tanggal Selesai;Keterangan"),
            cells("19750312200003 2002;Sedang;2025-02-03;2026-02-03;Tidak masuk kerja 15 hari"),
        ];
        w.ok(ImportKind::Sanctions, &w.xlsx("h.xlsx", &sanctions));
        let bad_sanctions = [
            sanctions[0].clone(),
            cells("19750312200003 2002;Keras;2025-02-03;;"),
            cells("19750312200003 2002;Ringan;2025-02-03;2025-01-01;"),
        ];
        let o = w.import_rows(ImportKind::Sanctions, "h2.xlsx", &bad_sanctions);
        assert_eq!(o.errors.len(), 2, "{:#?}", o.errors);

        let results = [
            cells(
                "NIP;Tanggal Asesmen;Penyelenggara;Tujuan;M.1;M.2;M.3;M.4;M.5;M.6;M.7;M.8;SK.1;T.ORG-1",
            ),
            cells(
                "196608011988031001;2019-09-11;Assessment Center Mabes Polri;Pemetaan;4;4;3+;4;4;3,5;4;4;4;",
            ),
            cells(
                "19750312 200003 2 002;2024-05-06;BKD Provinsi;Pengisian Jabatan;3;3;3;3;3;3;3;3;3;2.5",
            ),
        ];
        let o = w.ok(ImportKind::Results, &w.xlsx("r.xlsx", &results));
        assert_eq!(o.counts.inserted, 2);
        let o = w.ok(ImportKind::Results, &w.xlsx("r.xlsx", &results));
        assert_eq!(o.counts.unchanged, 2, "{}", w.t.name);
        // Budi assessed by "X" on `date`, with M.1 and T.ORG-1 as given and the rest empty.
        let bad = |date, purpose, m1, t| {
            let named = [
                ("NIP", BUDI),
                ("Tanggal Asesmen", date),
                ("Penyelenggara", "X"),
                ("Tujuan", purpose),
                ("M.1", m1),
                ("T.ORG-1", t),
            ];
            row_of(&results[0], &named)
        };
        let bad_results = [
            results[0].clone(),
            bad("2019-09-11", "Pemetaan", "", ""),
            bad("2019-09-12", "Lainnya", "3", ""),
            bad("2019-09-13", "Pemetaan", "7", "x"),
        ];
        let o = w.import_rows(ImportKind::Results, "r2.xlsx", &bad_results);
        assert_eq!(
            rows_and_columns(&o),
            vec![(2, "M.1"), (3, "Tujuan"), (4, "M.1"), (4, "T.ORG-1")],
            "{:#?}",
            o.errors
        );
        let emp = w.employee(BUDI).unwrap();
        let stored = store::results_of(&mut w.t.db, w.tenant.id, emp.id).unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].levels.len(), 9);
    }
}

/// The cells of a row written as one line with `;` between the cells.
fn cells(line: &'static str) -> Vec<&'static str> {
    line.split(';').collect()
}

/// The row and column of each error of an import.
fn rows_and_columns(o: &ImportOutcome) -> Vec<(usize, &str)> {
    o.errors
        .iter()
        .map(|e| (e.row, e.column.as_str()))
        .collect()
}

#[test]
fn csv_files_with_semicolons_and_a_bom_import_like_xlsx() {
    for mut w in World::each() {
        let text = "\u{FEFF}NIP;Nama;Kode Jabatan\n196608011988031001;\"Budi; Santoso\";SEKDA\n\n198312112021212003;Rina;ANALIS.ORG\n";
        let o = w.ok(ImportKind::Employees, &w.file("e.csv", text.as_bytes()));
        assert_eq!(o.counts.inserted, 2, "{}", w.t.name);
        let budi = w.employee(BUDI).unwrap();
        assert_eq!(budi.name, "Budi; Santoso");
        // Latin-1 bytes are not UTF-8: refused with the row and the fix.
        let latin1 = w.file("l1.csv", b"NIP,Nama\n196608011988031001,Jos\xe9\n");
        let err = w.refused(ImportKind::Employees, &latin1);
        assert!(
            err.to_string().contains("baris 2 bukan teks UTF-8"),
            "{err}"
        );
    }
}

#[test]
fn a_file_without_a_required_column_or_empty_is_refused_as_a_whole() {
    let mut w = World::sqlite();
    let no_name: &[&[&str]] = &[&["NIP", "Alamat"], &[BUDI, "x"]];
    let err = w.refused(ImportKind::Employees, &w.xlsx("m.xlsx", no_name));
    assert_eq!(
        err.to_string(),
        "kolom wajib tidak ditemukan di baris judul: Nama"
    );
    let twice: &[&[&str]] = &[&["NIP", "Nama", "nip"]];
    let err = w.refused(ImportKind::Employees, &w.xlsx("d.xlsx", twice));
    assert!(matches!(err, ImportError::DuplicateColumn(_)), "{err}");
    let err = w.refused(ImportKind::Employees, &w.file("empty.csv", b""));
    assert!(matches!(err, ImportError::Empty), "{err}");
    let err = w.refused(ImportKind::Employees, &w.file("x.xls", b"whatever"));
    assert!(err.to_string().contains("gunakan .xlsx atau .csv"), "{err}");
}

/// Writes an .xlsx whose first row is the headers NIP and Nama; `rows` writes the rest.
fn nip_and_name_sheet(path: &Path, rows: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "NIP").unwrap();
    ws.write_string(0, 1, "Nama").unwrap();
    rows(ws);
    wb.save(path).unwrap();
}

#[test]
fn a_nip_typed_as_a_number_in_excel_is_refused_because_digits_were_lost() {
    let mut w = World::sqlite();
    let path = w.dir.path().join("n.xlsx");
    nip_and_name_sheet(&path, |ws| {
        ws.write_number(1, 0, 196608011988031001.0).unwrap();
        ws.write_string(1, 1, "Budi").unwrap();
    });
    let o = w.run(ImportKind::Employees, &path).unwrap();
    only_error(&o, "digit terakhirnya hilang");
}

#[test]
fn formula_cells_give_their_cached_value_and_are_never_evaluated() {
    let mut w = World::sqlite();
    let path = w.dir.path().join("f.xlsx");
    nip_and_name_sheet(&path, |ws| {
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
            rust_xlsxwriter::Formula::new("=WEBSERVICE(\"http://evil.example/\")")
                .set_result("Rina"),
        )
        .unwrap();
    });
    let o = w.ok(ImportKind::Employees, &path);
    assert_eq!(o.counts.inserted, 2);
    let names: Vec<String> = store::list_employees(&mut w.t.db, w.tenant.id)
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
    let mut w = World::sqlite();
    let path = w.dir.path().join("ok.xlsx");
    handmade_xlsx(&path, SMALL_SHEET, &[]);
    assert_eq!(w.ok(ImportKind::Employees, &path).counts.inserted, 1);
}

#[test]
fn hostile_files_are_refused_and_nothing_is_written() {
    let mut w = World::sqlite();
    let before = w.snapshot();
    let dir = w.dir.path().to_path_buf();

    // Bytes that are not xlsx.
    let err = w.refused(ImportKind::Employees, &w.file("random.xlsx", &[7u8; 4096]));
    assert!(matches!(err, ImportError::NotXlsx), "{err}");
    let err = w.refused(ImportKind::Employees, &w.file("text.xlsx", b"NIP,Nama\n"));
    assert!(matches!(err, ImportError::NotXlsx), "{err}");
    // A truncated zip.
    let good = dir.join("good.xlsx");
    handmade_xlsx(&good, SMALL_SHEET, &[]);
    let bytes = std::fs::read(&good).unwrap();
    let err = w.refused(
        ImportKind::Employees,
        &w.file("cut.xlsx", &bytes[..bytes.len() / 2]),
    );
    assert!(
        matches!(err, ImportError::NotXlsx | ImportError::BadXlsx(_)),
        "{err}"
    );

    // A zip bomb: zeros that inflate far beyond the limit (here 64 MB; by default 2 GB).
    let bomb = dir.join("bomb.xlsx");
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
    let tight = options_with(ImportLimits {
        max_uncompressed_bytes: 64 * 1024 * 1024,
        ..ImportLimits::default()
    });
    let err = w
        .import_with(ImportKind::Employees, &bomb, &tight)
        .unwrap_err();
    assert!(matches!(err, ImportError::ZipBomb(_)), "{err}");
    assert!(err.to_string().contains("mengembang"), "{err}");

    // A shared-strings part that inflates beyond the per-part cap (caught while inflating).
    let strings_bomb = dir.join("strings.xlsx");
    let zeros = vec![b' '; 3 * 1024 * 1024];
    handmade_xlsx(
        &strings_bomb,
        SMALL_SHEET,
        &[("xl/sharedStrings.xml", &zeros)],
    );
    let small_parts = options_with(ImportLimits {
        max_part_bytes: 1024 * 1024,
        ..ImportLimits::default()
    });
    let err = w
        .import_with(ImportKind::Employees, &strings_bomb, &small_parts)
        .unwrap_err();
    assert!(matches!(err, ImportError::ZipBomb(_)), "{err}");

    // A part whose directory lies about its size: the zip reader stops at the declared size,
    // so the real 40 MB are never inflated and the file is refused as unreadable.
    let liar = dir.join("liar.xlsx");
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
    let err = w.refused(ImportKind::Employees, &liar);
    assert!(matches!(err, ImportError::BadXlsx(_)), "{err}");

    // A sheet that declares a huge dimension.
    let huge = dir.join("huge.xlsx");
    handmade_xlsx(&huge, &SMALL_SHEET.replace("A1:B2", "A1:XFD1048576"), &[]);
    let err = w.refused(ImportKind::Employees, &huge);
    assert!(matches!(err, ImportError::TooBig(_)), "{err}");
    assert!(err.to_string().contains("16384 kolom"), "{err}");

    // Data far to the right of the allowed columns.
    let wide = dir.join("wide.xlsx");
    let far = SMALL_SHEET.replace(
        r#"<c r="B2" t="inlineStr"><is><t>Budi</t></is></c>"#,
        r#"<c r="B2" t="inlineStr"><is><t>Budi</t></is></c><c r="ZZ2" t="inlineStr"><is><t>x</t></is></c>"#,
    );
    handmade_xlsx(&wide, &far, &[]);
    let err = w.refused(ImportKind::Employees, &wide);
    assert!(matches!(err, ImportError::TooBig(_)), "{err}");

    // An oversized file (sparse: no disk is spent) is refused before it is read.
    let big = dir.join("big.csv");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(300 * 1024 * 1024)
        .unwrap();
    let err = w.refused(ImportKind::Employees, &big);
    assert!(matches!(err, ImportError::FileTooLarge { .. }), "{err}");

    // Too many rows for the limit.
    let rows: String = std::iter::once("NIP,Nama\n".to_string())
        .chain((0..20).map(|i| format!("1966080119880310{:02},X\n", i + 1)))
        .collect();
    let few = options_with(ImportLimits {
        max_rows: 10,
        ..ImportLimits::default()
    });
    let many = w.file("many.csv", rows.as_bytes());
    let err = w
        .import_with(ImportKind::Employees, &many, &few)
        .unwrap_err();
    assert!(matches!(err, ImportError::TooBig(_)), "{err}");

    assert_eq!(w.snapshot(), before);
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
            let tenant = new_tenant(&mut t.db, "x", "X");
            let defaults = options_with(ImportLimits::default());
            let o = import(&mut t.db, &tenant, kind, &path, &defaults).unwrap();
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
    for mut w in World::each() {
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
        let o = w
            .run(ImportKind::Employees, &w.file("big.csv", text.as_bytes()))
            .unwrap();
        assert_eq!(o.rows, 6001);
        assert_eq!(o.errors.len(), 1, "{:#?}", o.errors.first());
        assert_eq!(o.errors[0].row, 6002);
        assert!(o.errors[0].reason.contains("sama dengan baris 2"));
        assert_eq!(
            store::count(&mut w.t.db, w.tenant.id, "employees").unwrap(),
            0,
            "{}",
            w.t.name
        );
    }
}

#[test]
fn an_accepted_import_is_recorded_in_the_audit_trail_and_a_refused_one_is_not() {
    for mut w in World::each() {
        let entries = |w: &mut World| {
            talenta_store::audit::entries(&mut w.t.db, w.tenant.id, None, 100)
                .unwrap()
                .len()
        };
        let before = entries(&mut w);
        let mut rows: Vec<Vec<&str>> = EMPLOYEES.iter().map(|r| r.to_vec()).collect();
        rows.push(employee_row(&[("NIP", "123"), ("Nama", "Salah")]));
        let o = w.import_rows(ImportKind::Employees, "bad.xlsx", &rows);
        assert!(!o.accepted());
        assert_eq!(entries(&mut w), before);
        w.ok(ImportKind::Employees, &w.xlsx("pegawai.xlsx", EMPLOYEES));
        let newest = &talenta_store::audit::entries(&mut w.t.db, w.tenant.id, None, 1).unwrap()[0];
        assert_eq!(newest.action, "import.employees", "{}", w.t.name);
        assert_eq!(newest.subject, "file:pegawai.xlsx");
        assert_eq!(newest.actor, "uji");
        assert!(
            newest.detail.contains("\"inserted\":3"),
            "{}",
            newest.detail
        );
        let v = talenta_store::audit::verify(&mut w.t.db, &ctx().audit_key).unwrap();
        assert!(v.iter().all(|x| x.first_break.is_none()));
    }
}

#[test]
fn an_external_centres_results_keep_the_class_they_were_assessed_for_and_an_unknown_class_is_refused()
 {
    for mut w in World::each() {
        let people = w.file(
            "pegawai.csv",
            b"NIP;Nama;Kode Jabatan\n196608011988031001;Budi Santoso;SEKDA\n",
        );
        w.ok(ImportKind::Employees, &people);
        let head = "NIP;Tanggal Asesmen;Penyelenggara;Tujuan;Kelas Jabatan;M.1;M.2;M.3;M.4;M.5;M.6;M.7;M.8;SK.1\n";
        let bad = w.file(
            "hasil-salah.csv",
            format!("{head}196608011988031001;2024-05-06;UPT Penilaian Kompetensi;Pemetaan;Kepala Seksi;3;3;3;3;3;3;3;3;3\n").as_bytes(),
        );
        let o = w.run(ImportKind::Results, &bad).unwrap();
        let e = only_error(&o, "'Kepala Seksi' tidak dikenal");
        assert_eq!((e.row, e.column.as_str()), (2, "Kelas Jabatan"));
        let emp = w.employee(BUDI).unwrap();
        assert!(
            store::results_of(&mut w.t.db, w.tenant.id, emp.id)
                .unwrap()
                .is_empty(),
            "nothing stored"
        );
        let good = w.file(
            "hasil.csv",
            format!("{head}196608011988031001;2024-05-06;UPT Penilaian Kompetensi;Pemetaan;Pengawas;3;3;3;3;3;3;3;3;3\n").as_bytes(),
        );
        w.ok(ImportKind::Results, &good);
        let stored = store::results_of(&mut w.t.db, w.tenant.id, emp.id).unwrap();
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
