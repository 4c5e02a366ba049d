//! The import readers fuzzed in the test command (the long run is `talenta-bench fuzz`): a few
//! hundred mutated csv and xlsx files of every kind, from a fixed seed, through `import_file`
//! into a fresh SQLite database. No input may panic (on the calling thread or the reader's), and
//! a refused file (an `ImportError` or row errors) must leave every table's row count unchanged.
//! The inputs the long run found are pinned below as regression tests.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use std::cell::RefCell;
use std::io::{Cursor, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, Once};

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use talenta_app::import::{
    ImportError, ImportKind, ImportLimits, ImportOptions, ImportOutcome, import_file,
};
use talenta_domain::RuleSet;
use talenta_domain::master::Tenant;
use talenta_fixture::{ctx, today};
use talenta_store::master as store;
use talenta_store::testing::{self, TestDb};

/// Panics on any thread (the reader runs on its own), counted by a hook.
static PANICS: AtomicUsize = AtomicUsize::new(0);
static HOOK: Once = Once::new();
/// The tests of this file run one at a time so that the panic count is theirs.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn exclusive() -> MutexGuard<'static, ()> {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            previous(info);
        }));
    });
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

const BUDI: &str = "196608011988031001";

/// A valid file of each kind (no field holds a comma), consistent with the world's units,
/// positions and employees.
fn seed(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Units => {
            "Kode Unit,Nama Unit,Kode Unit Induk\nSETDA.ORG,Bagian Organisasi,SETDA\nSETDA,Sekretariat Daerah,\nDINKES,Dinas Kesehatan,\n"
        }
        ImportKind::Positions => {
            "Kode Jabatan,Nama Jabatan,Kelas Jabatan,Eselon,Kode Unit,Kode Jabatan Atasan\n\
             KABAG.ORG,Kepala Bagian Organisasi,Administrator,III.a,SETDA.ORG,SEKDA\n\
             SEKDA,Sekretaris Daerah,JPT Pratama,II.a,SETDA,\n\
             ANALIS.ORG,Analis Organisasi,Fungsional Ahli Pertama,,SETDA.ORG,KABAG.ORG\n"
        }
        ImportKind::Standards => {
            "Kode Jabatan,Kode Kompetensi,Level\nSEKDA,M.1,4\nKABAG.ORG,SK.1,3\n"
        }
        ImportKind::Employees => {
            "NIP,Nama,Jenis Kelamin,Tanggal Lahir,Jenis Pegawai,Golongan,Pendidikan,Kode Jabatan,TMT Jabatan\n\
             196608011988031001,Drs. Budi Santoso M.Si.,L,1966-08-01,PNS,IV/c,S2,SEKDA,2021-01-04\n\
             198312112021212003,Rina Marlina S.T.,P,,PPPK,,S1,ANALIS.ORG,\n"
        }
        ImportKind::Performance => {
            "NIP,Tahun,Predikat,Nilai\n196608011988031001,2025,Sangat Baik,\n198312112021212003,2024,,88\n"
        }
        ImportKind::Sanctions => {
            "NIP,Tingkat,Tanggal Keputusan,Tanggal Selesai,Keterangan\n196608011988031001,Ringan,2024-01-10,2024-07-10,Terlambat\n"
        }
        ImportKind::Results => {
            "NIP,Tanggal Asesmen,Penyelenggara,Tujuan,Kelas Jabatan,M.1,M.2,M.3,M.4,M.5,M.6,M.7,M.8,SK.1\n\
             196608011988031001,2025-05-01,UPT Penilaian Kompetensi,Pemetaan,JPT Pratama,3,4,3,3,4,3,3,3,3\n"
        }
    }
}

/// A database with a tenant whose units, positions and employees are imported.
struct World {
    t: TestDb,
    tenant: Tenant,
    dir: tempfile::TempDir,
}

impl World {
    fn new() -> World {
        let mut t = testing::sqlite();
        let tenant = store::create_tenant(
            &mut t.db,
            "kota-fuzz",
            "Pemerintah Kota Fuzz",
            "kota",
            &RuleSet::default(),
            testing::now(),
        )
        .unwrap();
        let mut w = World {
            t,
            tenant,
            dir: tempfile::tempdir().unwrap(),
        };
        for kind in [
            ImportKind::Units,
            ImportKind::Positions,
            ImportKind::Employees,
        ] {
            let path = w.file("base.csv", seed(kind).as_bytes());
            let o = w.import(kind, &path).unwrap();
            assert!(o.accepted(), "{kind:?}: {:?}", o.errors);
        }
        w
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn import(&mut self, kind: ImportKind, path: &Path) -> Result<ImportOutcome, ImportError> {
        import_file(
            &mut self.t.db,
            &ctx(),
            &talenta_fixture::admin(&self.tenant).grant().unwrap(),
            kind,
            path,
            &ImportOptions {
                limits: ImportLimits::default(),
                as_of: today(),
            },
            &mut |_, _| {},
        )
    }

    /// Row counts of every master table of the tenant.
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

    /// Imports `bytes` as `name`: no panic anywhere, and nothing changed if refused.
    fn survives(&mut self, kind: ImportKind, name: &str, bytes: &[u8]) -> Result<(), String> {
        let path = self.file(name, bytes);
        let before = self.snapshot();
        let panics = PANICS.load(Ordering::SeqCst);
        let result = panic::catch_unwind(AssertUnwindSafe(|| self.import(kind, &path)));
        if result.is_err() || PANICS.load(Ordering::SeqCst) != panics {
            return Err(format!("{kind:?} {name} panicked"));
        }
        let accepted = matches!(result, Ok(Ok(ref o)) if o.accepted());
        if !accepted && self.snapshot() != before {
            return Err(format!("refused {kind:?} {name} changed the database"));
        }
        Ok(())
    }
}

// ---- building and mutating files ---------------------------------------------------------------

fn col_name(c: usize) -> char {
    (b'A' + c as u8) as char
}

/// A one-sheet workbook of `csv`'s cells (inline strings, short integers as numbers, dates as
/// date-styled serials) with a date style `s="1"`; `shared` puts the text in sharedStrings.xml.
fn workbook_parts(csv: &str, shared: bool) -> Vec<(String, Vec<u8>)> {
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    let mut strings = Vec::new();
    let mut sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:{}{}"/><sheetData>"#,
        col_name(rows[0].len() - 1),
        rows.len()
    );
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            let at = format!("{}{}", col_name(c), r + 1);
            if let Ok(d) = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
                let serial = (d - epoch).num_days();
                sheet.push_str(&format!(r#"<c r="{at}" s="1"><v>{serial}</v></c>"#));
            } else if v.len() < 10 && v.parse::<i64>().is_ok() {
                sheet.push_str(&format!(r#"<c r="{at}"><v>{v}</v></c>"#));
            } else if shared {
                strings.push(format!("<si><t>{v}</t></si>"));
                let i = strings.len() - 1;
                sheet.push_str(&format!(r#"<c r="{at}" t="s"><v>{i}</v></c>"#));
            } else {
                sheet.push_str(&format!(
                    r#"<c r="{at}" t="inlineStr"><is><t>{v}</t></is></c>"#
                ));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let ns = "http://schemas.openxmlformats.org";
    let mut parts = vec![
        (
            "[Content_Types].xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#
            ),
        ),
        (
            "_rels/.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="{ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/styles.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{ns}/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#
            ),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    if shared {
        parts.push((
            "xl/sharedStrings.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}/spreadsheetml/2006/main">{}</sst>"#,
                strings.concat()
            ),
        ));
    }
    parts
        .into_iter()
        .map(|(n, s)| (n.to_string(), s.into_bytes()))
        .collect()
}

fn zip(parts: &[(String, Vec<u8>)], deflate: bool) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    });
    for (name, data) in parts {
        z.start_file(name.as_str(), opts).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap().into_inner()
}

const TOKENS: &[&[u8]] = &[
    b",",
    b";",
    b"\t",
    b"\"",
    b"\n",
    b"\r",
    b"\xEF\xBB\xBF",
    b"\xFF",
    b"\0",
    b"-1e300",
    b"1e308",
    b"NaN",
    b"-inf",
    b"99999999999999999999",
    b"2026-02-30",
    b"9999-12-31",
    b"19660801198803100",
    b"M.9",
    b"IV/e",
    b"<",
    b">",
    b"/>",
    b"</c>",
    b"</row>",
    b"<row r=\"1048577\">",
    b"<c r=\"XFD1048576\"><v>1</v></c>",
    b"<c r=\"A1\" t=\"s\"><v>99999</v></c>",
    b"t=\"s\"",
    b"t=\"e\"",
    b"t=\"b\"",
    b"t=\"d\"",
    b"s=\"1\"",
    b"s=\"999\"",
    b"<v>-1e300</v>",
    b"<v>NaN</v>",
    b"<dimension ref=\"A1:XFD1048576\"/>",
    b"r=\"ZZZZZZ9999999999\"",
    b"&#0;",
    b"&undefined;",
    b"<!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>",
    b"&b;",
    b"<x><x><x><x><x><x><x><x>",
    b"<si><t>x</t></si>",
];

/// One mutation; positions are taken modulo the length.
#[derive(Debug, Clone)]
enum Op {
    Flip(usize, u8),
    Set(usize, u8),
    Insert(usize, usize),
    Delete(usize, usize),
    Repeat(usize, usize, usize),
    Truncate(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => (any::<usize>(), 0u8..8).prop_map(|(p, b)| Op::Flip(p, b)),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Op::Set(p, b)),
        3 => (any::<usize>(), 0..TOKENS.len()).prop_map(|(p, t)| Op::Insert(p, t)),
        1 => (any::<usize>(), 1usize..32).prop_map(|(p, n)| Op::Delete(p, n)),
        1 => (any::<usize>(), 1usize..16, 1usize..2000).prop_map(|(p, n, k)| Op::Repeat(p, n, k)),
        1 => any::<usize>().prop_map(Op::Truncate),
    ]
}

fn apply(d: &mut Vec<u8>, ops: &[Op]) {
    for op in ops {
        let len = d.len();
        let at = |p: usize| p % (len + 1);
        match *op {
            Op::Flip(p, b) if len > 0 => d[p % len] ^= 1 << b,
            Op::Set(p, b) if len > 0 => d[p % len] = b,
            Op::Insert(p, t) => {
                let p = at(p);
                d.splice(p..p, TOKENS[t].iter().copied());
            }
            Op::Delete(p, n) if len > 0 => {
                let p = p % len;
                d.drain(p..(p + n).min(len));
            }
            Op::Repeat(p, n, k) if len > 0 => {
                let p = p % len;
                let piece = d[p..(p + n).min(len)].to_vec();
                d.splice(p..p, piece.repeat(k));
            }
            Op::Truncate(p) => d.truncate(at(p)),
            _ => {}
        }
    }
}

fn kind() -> impl Strategy<Value = ImportKind> {
    (0..ImportKind::ALL.len()).prop_map(|i| ImportKind::ALL[i])
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    )
}

#[test]
fn three_hundred_mutated_csv_files_never_panic_and_a_refused_one_changes_nothing() {
    let _one = exclusive();
    let world = RefCell::new(World::new());
    let case = (
        kind(),
        kind(),
        any::<bool>(),
        prop::collection::vec(op(), 1..6),
    );
    runner(300)
        .run(&case, |(seed_kind, kind, semicolon, ops)| {
            let mut bytes = seed(seed_kind).as_bytes().to_vec();
            if semicolon {
                bytes = [b"\xEF\xBB\xBF".as_slice(), &bytes]
                    .concat()
                    .iter()
                    .map(|b| if *b == b',' { b';' } else { *b })
                    .collect();
            }
            apply(&mut bytes, &ops);
            let r = world.borrow_mut().survives(kind, "fuzz.csv", &bytes);
            prop_assert!(
                r.is_ok(),
                "{}: {:?}",
                r.unwrap_err(),
                String::from_utf8_lossy(&bytes)
            );
            Ok(())
        })
        .unwrap();
}

#[test]
fn three_hundred_mutated_xlsx_files_never_panic_and_a_refused_one_changes_nothing() {
    let _one = exclusive();
    let world = RefCell::new(World::new());
    // The part mutated: the sheet, the shared strings, the styles, the workbook, or (4) the
    // zip's own bytes.
    let case = (
        kind(),
        kind(),
        any::<bool>(),
        0usize..5,
        any::<bool>(),
        prop::collection::vec(op(), 1..6),
    );
    runner(300)
        .run(&case, |(seed_kind, kind, shared, part, deflate, ops)| {
            let mut parts = workbook_parts(seed(seed_kind), shared);
            let name = [
                "xl/worksheets/sheet1.xml",
                "xl/sharedStrings.xml",
                "xl/styles.xml",
                "xl/workbook.xml",
            ]
            .get(part);
            let bytes = match name.and_then(|n| parts.iter_mut().find(|(p, _)| p == n)) {
                Some((_, data)) => {
                    apply(data, &ops);
                    zip(&parts, deflate)
                }
                None => {
                    let mut b = zip(&parts, deflate);
                    apply(&mut b, &ops);
                    b
                }
            };
            let r = world.borrow_mut().survives(kind, "fuzz.xlsx", &bytes);
            prop_assert!(r.is_ok(), "{}", r.unwrap_err());
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_unmutated_seeds_are_accepted_so_the_mutations_start_from_valid_files() {
    let _one = exclusive();
    let mut w = World::new();
    for kind in ImportKind::ALL {
        for (name, bytes) in [
            ("seed.csv", seed(kind).as_bytes().to_vec()),
            (
                "inline.xlsx",
                zip(&workbook_parts(seed(kind), false), false),
            ),
            ("shared.xlsx", zip(&workbook_parts(seed(kind), true), true)),
        ] {
            let path = w.file(name, &bytes);
            let o = w.import(kind, &path).unwrap();
            assert!(o.accepted(), "{kind:?} {name}: {:?}", o.errors);
        }
    }
}

// ---- regressions found by `talenta-bench fuzz` -------------------------------------------------

/// The workbook of an employee whose date-styled birth date cell holds `value`.
fn birth_date_cell(value: &str) -> Vec<u8> {
    let csv = format!("NIP,Nama,Tanggal Lahir\n{BUDI},Budi,1966-08-01\n");
    let mut parts = workbook_parts(&csv, false);
    let sheet = &mut parts
        .iter_mut()
        .find(|(n, _)| n == "xl/worksheets/sheet1.xml")
        .unwrap()
        .1;
    let text = String::from_utf8(sheet.clone()).unwrap();
    assert!(
        text.contains(r#"<c r="C2" s="1"><v>24320</v></c>"#),
        "{text}"
    );
    *sheet = text
        .replace("<v>24320</v>", &format!("<v>{value}</v>"))
        .into_bytes();
    zip(&parts, false)
}

#[test]
fn calamine_panics_on_a_date_serial_far_below_the_calendar_so_the_reader_checks_it_first() {
    let _one = exclusive();
    // The upstream fault the reader guards against: the serial in milliseconds is cast with
    // saturation to i64::MIN, which chrono's `Duration::milliseconds` refuses with a panic.
    let date = calamine::ExcelDateTime::new(-1e300, calamine::ExcelDateTimeType::DateTime, false);
    let panics = PANICS.load(Ordering::SeqCst);
    assert!(panic::catch_unwind(|| date.as_datetime()).is_err());
    PANICS.store(panics, Ordering::SeqCst);
}

#[test]
fn a_date_cell_far_outside_the_calendar_is_a_row_error_not_a_panic() {
    let _one = exclusive();
    let mut w = World::new();
    let before = w.snapshot();
    for value in ["-1e300", "-inf", "NaN", "1e300", "-99999999999", "2958466"] {
        let panics = PANICS.load(Ordering::SeqCst);
        let path = w.file("date.xlsx", &birth_date_cell(value));
        let o = w.import(ImportKind::Employees, &path).unwrap();
        assert_eq!(PANICS.load(Ordering::SeqCst), panics, "{value}");
        assert_eq!(o.errors.len(), 1, "{value}: {:?}", o.errors);
        assert_eq!(
            (o.errors[0].row, o.errors[0].column.as_str()),
            (2, "Tanggal Lahir"),
            "{value}"
        );
        assert_eq!(w.snapshot(), before, "{value}");
    }
    // The serial of a real date still reads as that date.
    let path = w.file("date.xlsx", &birth_date_cell("24320"));
    let o = w.import(ImportKind::Employees, &path).unwrap();
    assert!(o.accepted(), "{:?}", o.errors);
}

/// The shared-strings workbook of the employees seed with `uniqueCount` on `<sst>`.
fn unique_count(n: &str) -> Vec<u8> {
    let mut parts = workbook_parts(seed(ImportKind::Employees), true);
    let sst = &mut parts
        .iter_mut()
        .find(|(n, _)| n == "xl/sharedStrings.xml")
        .unwrap()
        .1;
    *sst = String::from_utf8(sst.clone())
        .unwrap()
        .replace("<sst ", &format!(r#"<sst count="9" uniqueCount="{n}" "#))
        .into_bytes();
    zip(&parts, true)
}

#[test]
fn a_shared_strings_count_the_part_cannot_hold_is_refused_before_calamine_reserves_it() {
    let _one = exclusive();
    let mut w = World::new();
    let before = w.snapshot();
    // 514552278667255411 (the fuzzer's input) overflowed the capacity: a panic on the reader's
    // thread; 400000000000 asked for 9.6 TB: the allocation failed and the process aborted.
    for n in [
        "514552278667255411",
        "400000000000",
        "0400000000000",
        "1000000",
    ] {
        let panics = PANICS.load(Ordering::SeqCst);
        let path = w.file("sst.xlsx", &unique_count(n));
        let err = w.import(ImportKind::Employees, &path).unwrap_err();
        assert!(matches!(err, ImportError::BadXlsx(_)), "{n}: {err:?}");
        assert_eq!(PANICS.load(Ordering::SeqCst), panics, "{n}");
        assert_eq!(w.snapshot(), before, "{n}");
    }
    // The true count, and a count the part could hold, are read as before.
    for n in ["9", "40"] {
        let path = w.file("sst.xlsx", &unique_count(n));
        let o = w.import(ImportKind::Employees, &path).unwrap();
        assert!(o.accepted(), "{n}: {:?}", o.errors);
    }
}
