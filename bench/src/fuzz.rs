//! `talenta-bench fuzz [SECONDS] [csv|xlsx]...`: the import readers fuzzed for a fixed time per
//! target through the public use case `talenta_app::import::import_file`, into a fresh
//! in-memory SQLite database with a tenant whose units, positions and employees are imported.
//!
//! Each target (`csv`, `xlsx`) starts from its corpus in `bench/fuzz/corpus/<target>/` (seeds:
//! a few valid files of every import kind, written on the first run when the directory is
//! empty; the file name's prefix is the kind it is imported as), replays every corpus file and
//! every earlier crash in `bench/fuzz/crashes/<target>/`, then mutates corpus files with a
//! seeded splitmix RNG until the time is up: raw bytes (flips, tokens, deletions, repeats,
//! splices), and for xlsx also the parts inside the zip (the sheet, shared strings, styles,
//! workbook: huge dimensions and cell references, bad shared-string and style indexes, deep
//! nesting, entity declarations, numbers far outside the calendar), re-zipped stored or
//! deflated, with parts dropped, renamed or swapped between files.
//!
//! Per input: a panic on any thread (the reader runs on a second one) is caught and the input
//! saved to `bench/fuzz/crashes/<target>/`; a refused file (an `ImportError` or row errors)
//! must leave the tenant's row counts unchanged; an input with a new outcome class (accepted,
//! the first row error's column and reason, the refusal's variant) joins the corpus (at most
//! `MAX_CORPUS` files of at most `MAX_KEPT` bytes). One JSON line per target: inputs, inputs/s,
//! panics, refusals that changed the database, peak RSS. Exits 1 on any panic or change.

use std::collections::HashSet;
use std::io::{Cursor, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use talenta_app::capability::{Can, EditMasterData};
use talenta_app::import::{
    ImportError, ImportKind, ImportLimits, ImportOptions, ImportOutcome, import_file,
};
use talenta_domain::RuleSet;
use talenta_domain::master::Tenant;
use talenta_store::Db;

use crate::{Rng, out_dir};

/// Largest input tried (bytes, and bytes of one part of an xlsx).
const MAX_INPUT: usize = 256 * 1024;
/// Largest input kept in the corpus.
const MAX_KEPT: usize = 16 * 1024;
/// Most files in a target's corpus, and most of one import kind.
const MAX_CORPUS: usize = 120;
const MAX_CORPUS_KIND: usize = 20;
/// The database is rebuilt after this many inputs (accepted files add rows).
const REBUILD_EVERY: usize = 2000;

static PANICS: AtomicUsize = AtomicUsize::new(0);
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Csv,
    Xlsx,
}

impl Target {
    fn name(self) -> &'static str {
        match self {
            Target::Csv => "csv",
            Target::Xlsx => "xlsx",
        }
    }
}

/// The entry point: `args` are what follows `fuzz` on the command line.
pub fn run(args: &[String]) {
    let seconds: u64 = args.first().and_then(|s| s.parse().ok()).unwrap_or(60);
    let mut targets: Vec<Target> = args
        .iter()
        .skip(1)
        .filter_map(|a| match a.as_str() {
            "csv" => Some(Target::Csv),
            "xlsx" => Some(Target::Xlsx),
            _ => None,
        })
        .collect();
    if targets.is_empty() {
        targets = vec![Target::Csv, Target::Xlsx];
    }
    let root =
        PathBuf::from(std::env::var("BENCH_FUZZ_DIR").unwrap_or_else(|_| "bench/fuzz".into()));
    panic::set_hook(Box::new(|info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = info.to_string();
        }
    }));
    let mut failed = false;
    for t in targets {
        let report = fuzz_target(t, Duration::from_secs(seconds), &root);
        failed |= report["panics"].as_u64() != Some(0)
            || report["refusals_that_changed_the_database"].as_u64() != Some(0);
        println!("{report}");
    }
    let _ = panic::take_hook();
    if failed {
        eprintln!(
            "fuzz: panics or changed databases; inputs saved under {}/crashes",
            root.display()
        );
        std::process::exit(1);
    }
}

/// A tenant in a fresh in-memory database with units, positions and employees imported.
struct World {
    db: Db,
    tenant: Tenant,
    can: Can<EditMasterData>,
}

fn ctx() -> talenta_app::Ctx {
    talenta_app::Ctx {
        actor: "fuzz".into(),
        audit_key: talenta_store::audit::AuditKey::new(vec![7u8; 32]).unwrap(),
        now: chrono::DateTime::from_timestamp(1_795_766_400, 0).unwrap(),
    }
}

fn options() -> ImportOptions {
    ImportOptions {
        limits: ImportLimits::default(),
        as_of: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    }
}

fn world(dir: &Path) -> World {
    let ctx = ctx();
    let mut db = talenta_app::tenant::open(":memory:", ctx.now).unwrap();
    let tenant = talenta_store::master::create_tenant(
        &mut db,
        "fuzz",
        "Pemerintah Kota Fuzz",
        "kota",
        &RuleSet::default(),
        ctx.now,
    )
    .unwrap();
    let can = talenta_app::access::Actor::local(&tenant, "fuzz")
        .grant()
        .unwrap();
    for kind in [
        ImportKind::Units,
        ImportKind::Positions,
        ImportKind::Employees,
    ] {
        let path = dir.join(format!("fuzz-base-{}.csv", kind.code()));
        std::fs::write(&path, csv_of(&seed_rows(kind), b',')).unwrap();
        let o = import_file(&mut db, &ctx, &can, kind, &path, &options(), &mut |_, _| {}).unwrap();
        assert!(o.accepted(), "base {kind:?}: {:?}", o.errors);
    }
    World { db, tenant, can }
}

/// Row counts of the tenant's master tables.
fn snapshot(w: &mut World) -> Vec<u64> {
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
    .map(|t| talenta_store::master::count(&mut w.db, w.tenant.id, t).unwrap())
    .collect()
}

fn fuzz_target(target: Target, budget: Duration, root: &Path) -> serde_json::Value {
    let corpus_dir = root.join("corpus").join(target.name());
    let crash_dir = root.join("crashes").join(target.name());
    std::fs::create_dir_all(&corpus_dir).unwrap();
    if files(&corpus_dir).is_empty() {
        for (name, bytes) in seeds(target) {
            std::fs::write(corpus_dir.join(name), bytes).unwrap();
        }
    }
    let mut corpus: Vec<(ImportKind, Vec<u8>)> = files(&corpus_dir)
        .into_iter()
        .filter_map(|p| Some((kind_of(&p)?, std::fs::read(&p).ok()?)))
        .collect();
    let replay: Vec<(ImportKind, Vec<u8>)> = corpus
        .iter()
        .cloned()
        .chain(
            files(&crash_dir)
                .into_iter()
                .filter_map(|p| Some((kind_of(&p)?, std::fs::read(&p).ok()?))),
        )
        .collect();
    let first_corpus = corpus.len();
    let scratch = out_dir();
    let input = scratch.join(format!("fuzz-input.{}", target.name()));
    let peak_reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let (ctx, options) = (ctx(), options());
    let mut w = world(&scratch);
    let mut rng = Rng(0x7A1E_57A0 ^ target.name().len() as u64);
    let mut classes: HashSet<String> = HashSet::new();
    let (mut inputs, mut panics, mut changed) = (0usize, 0usize, 0usize);
    let mut slowest = Duration::ZERO;
    let start = Instant::now();
    while inputs < replay.len() || start.elapsed() < budget {
        let (kind, data) = if inputs < replay.len() {
            replay[inputs].clone()
        } else {
            let (mut kind, seed) = corpus[rng.below(corpus.len() as u64) as usize].clone();
            let other = &corpus[rng.below(corpus.len() as u64) as usize].1;
            if rng.below(8) == 0 {
                kind = ImportKind::ALL[rng.below(7) as usize];
            }
            let data = match target {
                Target::Csv => {
                    let mut d = seed;
                    mutate_bytes(&mut rng, &mut d, CSV_TOKENS, other);
                    d
                }
                Target::Xlsx => mutate_xlsx(&mut rng, &seed, other),
            };
            (kind, data)
        };
        inputs += 1;
        std::fs::write(&input, &data).unwrap();
        let before = snapshot(&mut w);
        let panics_before = PANICS.load(Ordering::SeqCst);
        let t = Instant::now();
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            import_file(
                &mut w.db,
                &ctx,
                &w.can,
                kind,
                &input,
                &options,
                &mut |_, _| {},
            )
        }));
        slowest = slowest.max(t.elapsed());
        let result = match result {
            Ok(r) if PANICS.load(Ordering::SeqCst) == panics_before => r,
            _ => {
                panics += 1;
                let message = LAST_PANIC.lock().map(|m| m.clone()).unwrap_or_default();
                let name = save(&crash_dir, kind, target, &data);
                eprintln!("fuzz {}: panic on {name}: {message}", target.name());
                std::fs::write(crash_dir.join(format!("{name}.txt")), message).unwrap();
                w = world(&scratch);
                continue;
            }
        };
        let accepted = matches!(&result, Ok(o) if o.accepted());
        if !accepted && snapshot(&mut w) != before {
            changed += 1;
            let name = save(&crash_dir, kind, target, &data);
            eprintln!(
                "fuzz {}: refused {name} changed the database",
                target.name()
            );
        }
        let class = class_of(kind, &result);
        if classes.insert(class) && inputs > replay.len() {
            let of_kind = corpus.iter().filter(|(k, _)| *k == kind).count();
            if data.len() <= MAX_KEPT && corpus.len() < MAX_CORPUS && of_kind < MAX_CORPUS_KIND {
                save(&corpus_dir, kind, target, &data);
                corpus.push((kind, data));
            }
        }
        if inputs % REBUILD_EVERY == 0 {
            w = world(&scratch);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&input);
    serde_json::json!({
        "bench": format!("fuzz_{}", target.name()),
        "seconds": secs,
        "inputs": inputs,
        "inputs_per_s": inputs as f64 / secs,
        "panics": panics,
        "refusals_that_changed_the_database": changed,
        "outcome_classes": classes.len(),
        "corpus_files": corpus.len(),
        "new_corpus_files": corpus.len() - first_corpus,
        "slowest_input_ms": slowest.as_secs_f64() * 1e3,
        "peak_rss_mb": peak_rss_kb() as f64 / 1024.0,
        "peak_rss_of_this_target_only": peak_reset,
    })
}

/// Files of a directory, sorted (none when it does not exist).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "csv" || e == "xlsx"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// The import kind a corpus file is imported as: the prefix of its name.
fn kind_of(path: &Path) -> Option<ImportKind> {
    let name = path.file_name()?.to_str()?;
    ImportKind::parse(name.split('-').next()?)
}

/// Saves `data` as `<kind>-<hash>.<ext>` in `dir`; returns the name.
fn save(dir: &Path, kind: ImportKind, target: Target, data: &[u8]) -> String {
    std::fs::create_dir_all(dir).unwrap();
    let hash = data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    });
    let name = format!("{}-{hash:016x}.{}", kind.code(), target.name());
    std::fs::write(dir.join(&name), data).unwrap();
    name
}

/// What kind of answer an input got: accepted, the first row error's column, or the refusal's
/// variant (with the first words of a reader's message, digits and quotes left out).
fn class_of(kind: ImportKind, r: &Result<ImportOutcome, ImportError>) -> String {
    match r {
        Ok(o) if o.accepted() => format!("{}:ok", kind.code()),
        Ok(o) => format!("{}:row:{}", kind.code(), o.errors[0].column),
        Err(e) => {
            let d = format!("{e:?}");
            let variant: String = d.chars().take_while(|c| c.is_alphanumeric()).collect();
            let words: Vec<String> = match e {
                ImportError::BadXlsx(m) | ImportError::BadCsv(m) => m
                    .split_whitespace()
                    .take(2)
                    .map(|w| w.chars().filter(|c| c.is_alphabetic()).collect())
                    .collect(),
                _ => Vec::new(),
            };
            format!("{}:{variant}:{}", kind.code(), words.join(" "))
        }
    }
}

/// Peak resident set size of this process in kB (VmHWM).
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

// ---- seeds -----------------------------------------------------------------------------------

const BUDI: &str = "196608011988031001";

/// A valid file of each kind, consistent with the world's units, positions and employees.
fn seed_rows(kind: ImportKind) -> Vec<Vec<&'static str>> {
    let rows: &[&[&str]] = match kind {
        ImportKind::Units => &[
            &["Kode Unit", "Nama Unit", "Kode Unit Induk"],
            &["SETDA.ORG", "Bagian Organisasi", "SETDA"],
            &["SETDA", "Sekretariat Daerah", ""],
            &["DINKES", "Dinas Kesehatan", ""],
        ],
        ImportKind::Positions => &[
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
        ],
        ImportKind::Standards => &[
            &["Kode Jabatan", "Kode Kompetensi", "Level"],
            &["SEKDA", "M.1", "4"],
            &["KABAG.ORG", "SK.1", "3"],
            &["ANALIS.ORG", "M.8", "2"],
        ],
        ImportKind::Employees => &[
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
                BUDI,
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
        ],
        ImportKind::Performance => &[
            &["NIP", "Tahun", "Predikat", "Nilai"],
            &[BUDI, "2025", "Sangat Baik", ""],
            &["197503122000032002", "2024", "", "88"],
        ],
        ImportKind::Sanctions => &[
            &[
                "NIP",
                "Tingkat",
                "Tanggal Keputusan",
                "Tanggal Selesai",
                "Keterangan",
            ],
            &[
                BUDI,
                "Ringan",
                "2024-01-10",
                "2024-07-10",
                "Terlambat masuk kerja",
            ],
        ],
        ImportKind::Results => &[
            &[
                "NIP",
                "Tanggal Asesmen",
                "Penyelenggara",
                "Tujuan",
                "Kelas Jabatan",
                "M.1",
                "M.2",
                "M.3",
                "M.4",
                "M.5",
                "M.6",
                "M.7",
                "M.8",
                "SK.1",
            ],
            &[
                BUDI,
                "2025-05-01",
                "UPT Penilaian Kompetensi",
                "Pemetaan",
                "JPT Pratama",
                "3",
                "4",
                "3",
                "3",
                "4",
                "3",
                "3",
                "3",
                "3",
            ],
        ],
    };
    rows.iter().map(|r| r.to_vec()).collect()
}

fn csv_of(rows: &[Vec<&str>], delimiter: u8) -> Vec<u8> {
    let d = delimiter as char;
    let mut out = String::new();
    for r in rows {
        let fields: Vec<String> = r
            .iter()
            .map(|f| {
                if f.contains([d, '"', '\n', '\r']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f.to_string()
                }
            })
            .collect();
        out.push_str(&fields.join(&d.to_string()));
        out.push('\n');
    }
    out.into_bytes()
}

/// The seed files of a target: `(file name, bytes)`.
fn seeds(target: Target) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for kind in ImportKind::ALL {
        let rows = seed_rows(kind);
        let code = kind.code();
        match target {
            Target::Csv => {
                out.push((format!("{code}-seed-comma.csv"), csv_of(&rows, b',')));
                // Excel's "CSV UTF-8" in an Indonesian locale: BOM, semicolons, CRLF.
                let mut semi = b"\xEF\xBB\xBF".to_vec();
                semi.extend(
                    String::from_utf8(csv_of(&rows, b';'))
                        .unwrap()
                        .replace('\n', "\r\n")
                        .into_bytes(),
                );
                out.push((format!("{code}-seed-semicolon.csv"), semi));
            }
            Target::Xlsx => {
                let mut wb = rust_xlsxwriter::Workbook::new();
                let ws = wb.add_worksheet();
                for (r, row) in rows.iter().enumerate() {
                    for (c, v) in row.iter().enumerate() {
                        if !v.is_empty() {
                            ws.write_string(r as u32, c as u16, *v).unwrap();
                        }
                    }
                }
                out.push((
                    format!("{code}-seed-xlsxwriter.xlsx"),
                    wb.save_to_buffer().unwrap(),
                ));
                out.push((
                    format!("{code}-seed-inline.xlsx"),
                    zip_parts(&xlsx_parts(&sheet_xml(&rows), None), false).unwrap(),
                ));
            }
        }
    }
    if target == Target::Xlsx {
        // Shared strings with a date cell and a number, deflated.
        let (sheet, strings) = shared_sheet(&seed_rows(ImportKind::Sanctions));
        out.push((
            "sanctions-seed-shared.xlsx".into(),
            zip_parts(&xlsx_parts(&sheet, Some(&strings)), true).unwrap(),
        ));
    }
    out
}

fn col_name(c: usize) -> String {
    if c < 26 {
        ((b'A' + c as u8) as char).to_string()
    } else {
        format!(
            "{}{}",
            col_name(c / 26 - 1),
            (b'A' + (c % 26) as u8) as char
        )
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A date as an Excel serial number.
fn serial(s: &str) -> Option<i64> {
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    Some((d - NaiveDate::from_ymd_opt(1899, 12, 30)?).num_days())
}

/// A cell: dates as date-styled serials, short integers as numbers, other text inline.
fn cell_xml(r: usize, c: usize, v: &str) -> String {
    let at = format!("{}{}", col_name(c), r + 1);
    if let Some(n) = serial(v) {
        format!(r#"<c r="{at}" s="1"><v>{n}</v></c>"#)
    } else if v.len() < 10 && v.parse::<i64>().is_ok() {
        format!(r#"<c r="{at}"><v>{v}</v></c>"#)
    } else {
        format!(
            r#"<c r="{at}" t="inlineStr"><is><t>{}</t></is></c>"#,
            escape(v)
        )
    }
}

fn sheet_of(rows: &[Vec<&str>], cell: &mut dyn FnMut(usize, usize, &str) -> String) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(1);
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:{}{}"/><sheetData>"#,
        col_name(width - 1),
        rows.len()
    );
    for (r, row) in rows.iter().enumerate() {
        s.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                s.push_str(&cell(r, c, v));
            }
        }
        s.push_str("</row>");
    }
    s.push_str("</sheetData></worksheet>");
    s
}

fn sheet_xml(rows: &[Vec<&str>]) -> String {
    sheet_of(rows, &mut cell_xml)
}

/// A sheet whose text cells are shared strings; returns the sheet and sharedStrings.xml.
fn shared_sheet(rows: &[Vec<&str>]) -> (String, String) {
    let mut strings: Vec<String> = Vec::new();
    let sheet = sheet_of(rows, &mut |r, c, v| {
        if serial(v).is_some() || (v.len() < 10 && v.parse::<i64>().is_ok()) {
            return cell_xml(r, c, v);
        }
        strings.push(escape(v));
        format!(
            r#"<c r="{}{}" t="s"><v>{}</v></c>"#,
            col_name(c),
            r + 1,
            strings.len() - 1
        )
    });
    let mut sst = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">"#,
        strings.len()
    );
    for s in &strings {
        sst.push_str(&format!("<si><t>{s}</t></si>"));
    }
    sst.push_str("</sst>");
    (sheet, sst)
}

/// The parts of a one-sheet workbook with a date style (`s="1"`, format 14).
fn xlsx_parts(sheet: &str, shared: Option<&str>) -> Vec<(String, Vec<u8>)> {
    let sst_type = if shared.is_some() {
        r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
    } else {
        ""
    };
    let sst_rel = if shared.is_some() {
        r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
    } else {
        ""
    };
    let mut parts = vec![
        (
            "[Content_Types].xml".to_string(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{sst_type}</Types>"#
            ),
        ),
        (
            "_rels/.rels".into(),
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into(),
        ),
        (
            "xl/workbook.xml".into(),
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#.into(),
        ),
        (
            "xl/_rels/workbook.xml.rels".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>{sst_rel}</Relationships>"#
            ),
        ),
        (
            "xl/styles.xml".into(),
            r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>"#.into(),
        ),
        ("xl/worksheets/sheet1.xml".into(), sheet.to_string()),
    ];
    if let Some(s) = shared {
        parts.push(("xl/sharedStrings.xml".into(), s.to_string()));
    }
    parts
        .into_iter()
        .map(|(n, s)| (n, s.into_bytes()))
        .collect()
}

// ---- mutation ----------------------------------------------------------------------------------

#[rustfmt::skip]
const CSV_TOKENS: &[&[u8]] = &[
    b",", b";", b"\t", b"\"", b"\"\"", b"\n", b"\r\n", b"\r", b"\xEF\xBB\xBF", b"\xFF\xFE", b"\0",
    b"\xC3", b"\xE2\x80\xAE", b" ", b"-", b"0", b"-1", b"1e308", b"-1e300", b"NaN", b"inf",
    b"9223372036854775808", b"99999999999999999999999999", b"2026-02-30", b"0000-00-00",
    b"9999-12-31", b"+275760-09-13", b"1966-08-01", b"31/12/2025", BUDI.as_bytes(),
    b"19660801198803100", b"196608011988031001196608011988031001", b"III/a", b"IV/e", b"M.9", b"T.",
    b"T.X", b"SK.1", b"Sangat Baik", b"Berat", b"=1+1", b"@SUM(A1)", b"NIP", b"Kode Unit",
    b"Kode Jabatan", b"Nama", b"SETDA", b"SEKDA", b"Pemetaan", b"JPT Pratama", b"5.5", b"3,5",
    b"II.a", b"PPPK",
];

#[rustfmt::skip]
const XML_TOKENS: &[&[u8]] = &[
    b"<", b">", b"/>", b"\"", b"</c>", b"</row>", b"<row r=\"1048577\">", b"<row r=\"0\">",
    b"<row r=\"4294967296\">", b"<row>", b"<c r=\"XFD1048576\"><v>1</v></c>",
    b"<c r=\"A1\" t=\"s\"><v>99999999</v></c>", b"<c t=\"s\"><v>-1</v></c>", b"t=\"s\"", b"t=\"e\"",
    b"t=\"b\"", b"t=\"str\"", b"t=\"d\"", b"t=\"n\"", b"t=\"inlineStr\"", b"s=\"1\"", b"s=\"2\"",
    b"s=\"99999\"", b"s=\"-1\"", b"<v>-1e300</v>", b"<v>1e300</v>", b"<v>NaN</v>", b"<v>-inf</v>",
    b"<v>inf</v>", b"<v>4294967296</v>", b"<v>-99999999999</v>", b"<v>2958466</v>",
    b"<v>-693594</v>", b"<v>0.5</v>", b"<v>60</v>", b"<v></v>", b"<v>#REF!</v>",
    b"<v>9999-99-99T99:99:99</v>", b"<v>P1Y2M</v>", b"<dimension ref=\"A1:XFD1048576\"/>",
    b"<dimension ref=\"A1:ZZZZZ999999999\"/>", b"<dimension ref=\"B2:A1\"/>",
    b"<dimension ref=\"\"/>", b"r=\"ZZZZZZZ99999999999\"", b"r=\"A0\"", b"r=\"\"", b"r=\"1A\"",
    b"r=\"BL1\"", b"&amp;", b"&lt;", b"&#0;", b"&#xFFFFFFFF;", b"&#x1F600;", b"&undefined;", b"&",
    b"<![CDATA[x]]>",
    b"<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>", b"&a;", b"&b;",
    b"<!DOCTYPE x SYSTEM \"file:///etc/passwd\">", b"<?xml version=\"1.0\"?>",
    b"<?xml version=\"1.0\" encoding=\"UTF-16\"?>", b"<si><t>x</t></si>", b"<si></si>",
    b"<si><r><t>a</t></r><r><t>b</t></r></si>", b"<is><t>", b"</t></is>", b"<f>SUM(A1:A9)</f>",
    b"<f t=\"shared\" ref=\"A1:XFD1048576\" si=\"0\">A1</f>", b"<f t=\"shared\" si=\"99\"/>",
    b"xml:space=\"preserve\"", b"<sheetData>", b"</sheetData>",
    b"<mergeCell ref=\"A1:XFD1048576\"/>", b"<numFmt numFmtId=\"14\" formatCode=\"yyyy\"/>",
    b"<xf numFmtId=\"4294967295\"/>", b"<sheet name=\"\" sheetId=\"1\" r:id=\"rId9\"/>",
    b"Target=\"../../../etc/passwd\"", b"Target=\"/xl/worksheets/sheet1.xml\"", b"x:",
    b"xmlns=\"\"", b"\xFF", b"\0", BUDI.as_bytes(), b"1966-08-01",
];

fn pos(rng: &mut Rng, len: usize) -> usize {
    rng.below(len as u64 + 1) as usize
}

/// One to four byte-level mutations, the result at most `MAX_INPUT` bytes.
fn mutate_bytes(rng: &mut Rng, d: &mut Vec<u8>, tokens: &[&[u8]], other: &[u8]) {
    for _ in 0..1 + rng.below(4) {
        let len = d.len();
        match rng.below(10) {
            0 if len > 0 => {
                let i = rng.below(len as u64) as usize;
                d[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len as u64) as usize;
                d[i] = rng.below(256) as u8;
            }
            2 | 3 => {
                let t = tokens[rng.below(tokens.len() as u64) as usize];
                let at = pos(rng, len);
                d.splice(at..at, t.iter().copied());
            }
            4 if len > 0 => {
                let a = rng.below(len as u64) as usize;
                let span = if rng.below(4) == 0 { len as u64 } else { 16 };
                let n = 1 + rng.below(span) as usize;
                d.drain(a..(a + n).min(len));
            }
            5 if len > 0 => {
                // Copy a range elsewhere, or repeat it many times in place.
                let a = rng.below(len as u64) as usize;
                let n = 1 + rng.below(64.min(len - a) as u64) as usize;
                let piece = d[a..a + n].to_vec();
                let times = if rng.below(3) == 0 {
                    1 + rng.below(4000) as usize
                } else {
                    1
                };
                let at = if times > 1 { a } else { pos(rng, len) };
                let mut rep = Vec::with_capacity(n * times);
                for _ in 0..times {
                    rep.extend_from_slice(&piece);
                    if rep.len() > MAX_INPUT {
                        break;
                    }
                }
                d.splice(at..at, rep);
            }
            6 if len > 0 => {
                // Replace one field or one element's text with a token.
                let a = rng.below(len as u64) as usize;
                let is_sep = |b: u8| matches!(b, b',' | b';' | b'\t' | b'\n' | b'<' | b'>' | b'"');
                let start = d[..a].iter().rposition(|b| is_sep(*b)).map_or(0, |i| i + 1);
                let end = d[a..]
                    .iter()
                    .position(|b| is_sep(*b))
                    .map_or(len, |i| a + i);
                let t = tokens[rng.below(tokens.len() as u64) as usize];
                d.splice(start..end, t.iter().copied());
            }
            7 if !other.is_empty() => {
                let a = pos(rng, len);
                let b = rng.below(other.len() as u64) as usize;
                d.truncate(a);
                d.extend_from_slice(&other[b..]);
            }
            8 => {
                let n = match rng.below(4) {
                    0 => (rng.next() as i64).to_string(),
                    1 => (rng.below(100_000) as i64 - 50_000).to_string(),
                    2 => format!("{}", f64::from_bits(rng.next())),
                    _ => format!("{}.{}", rng.below(10_000_000), rng.below(1000)),
                };
                let at = pos(rng, len);
                d.splice(at..at, n.into_bytes());
            }
            _ => {
                // Deep nesting.
                let depth = 1 + rng.below(20_000) as usize;
                let at = pos(rng, len);
                let mut nest = b"<x>".repeat(depth);
                nest.extend(b"</x>".repeat(depth));
                d.splice(at..at, nest);
            }
        }
    }
    d.truncate(MAX_INPUT);
}

/// Values put into a cell's `<v>` or an attribute.
#[rustfmt::skip]
const VALUES: &[&[u8]] = &[
    b"", b"0", b"-1", b"1", b"60", b"0.5", b"-0.5", b"1e300", b"-1e300", b"1e-300", b"NaN", b"inf",
    b"-inf", b"2958465", b"2958466", b"-693594", b"4294967295", b"4294967296", b"-2147483649",
    b"9223372036854775807", b"99999999999999999999", b"1.7976931348623157e308", b"#REF!",
    b"TRUE", b"x", b"A1", b"XFD1048576", b"XFE1", b"A1048577", b"A0", b"ZZZZZZZ99999999999",
    b"A1:XFD1048576", b"B2:A1", b"s", b"e", b"b", b"d", b"n", b"str", b"inlineStr", b"14", b"22",
    b"164", b"99999", b"1904", b"2026-13-45T25:61:61", b"P1Y", b"&amp;", b"&#0;", b"\xFF",
];

/// Replaces the text of one `<v>` element, or the value of one attribute, with a value.
fn mutate_value(rng: &mut Rng, d: &mut Vec<u8>) -> bool {
    let (open, close): (&[u8], u8) = if rng.below(2) == 0 {
        (b"<v>", b'<')
    } else {
        (b"=\"", b'"')
    };
    let starts: Vec<usize> = d
        .windows(open.len())
        .enumerate()
        .filter(|(_, w)| *w == open)
        .map(|(i, _)| i + open.len())
        .collect();
    if starts.is_empty() {
        return false;
    }
    let a = starts[rng.below(starts.len() as u64) as usize];
    let b = d[a..]
        .iter()
        .position(|c| *c == close)
        .map_or(d.len(), |i| a + i);
    let value = match rng.below(4) {
        0 => format!("{}", f64::from_bits(rng.next())).into_bytes(),
        1 => (rng.next() as i64 >> rng.below(64))
            .to_string()
            .into_bytes(),
        _ => VALUES[rng.below(VALUES.len() as u64) as usize].to_vec(),
    };
    d.splice(a..b, value);
    true
}

/// A mutated XML part: byte mutations, a cell value or attribute replaced, or an entity
/// declaration after the XML declaration.
fn mutate_xml(rng: &mut Rng, d: &mut Vec<u8>, other: &[u8]) {
    match rng.below(10) {
        0 => {
            let at = d.windows(2).position(|w| w == b"?>").map_or(0, |i| i + 2);
            let decl: &[u8] = if rng.below(2) == 0 {
                b"<!DOCTYPE worksheet [<!ENTITY a \"0123456789\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
            } else {
                b"<!DOCTYPE worksheet [<!ENTITY e SYSTEM \"file:///dev/zero\">]>"
            };
            d.splice(at..at, decl.iter().copied());
            let t = XML_TOKENS[rng.below(XML_TOKENS.len() as u64) as usize];
            let at = pos(rng, d.len());
            d.splice(at..at, b"&c;&e;".iter().copied().chain(t.iter().copied()));
        }
        1..=4 if mutate_value(rng, d) => {
            if rng.below(2) == 0 {
                mutate_value(rng, d);
            }
        }
        _ => mutate_bytes(rng, d, XML_TOKENS, other),
    }
}

fn unzip(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut parts = Vec::new();
    for i in 0..zip.len().min(64) {
        let f = zip.by_index(i).ok()?;
        let name = f.name().ok()?.to_string();
        let mut data = Vec::new();
        f.take(MAX_INPUT as u64).read_to_end(&mut data).ok()?;
        parts.push((name, data));
    }
    Some(parts)
}

fn zip_parts(parts: &[(String, Vec<u8>)], deflate: bool) -> Option<Vec<u8>> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    });
    for (name, data) in parts {
        z.start_file(name.as_str(), opts).ok()?;
        z.write_all(data).ok()?;
    }
    Some(z.finish().ok()?.into_inner())
}

/// A mutated workbook: usually its parts mutated and re-zipped, sometimes its raw bytes.
fn mutate_xlsx(rng: &mut Rng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let raw = |rng: &mut Rng| {
        let mut d = seed.to_vec();
        mutate_bytes(rng, &mut d, XML_TOKENS, other);
        d
    };
    if rng.below(6) == 0 {
        return raw(rng);
    }
    let Some(mut parts) = unzip(seed) else {
        return raw(rng);
    };
    if parts.is_empty() {
        return raw(rng);
    }
    let others = unzip(other).unwrap_or_default();
    for _ in 0..1 + rng.below(3) {
        let n = parts.len() as u64;
        match rng.below(12) {
            0..=8 => {
                // Mostly the sheet or the shared strings.
                let want = match rng.below(4) {
                    0 | 1 => "worksheets/",
                    2 => "sharedStrings",
                    _ => "",
                };
                let i = parts
                    .iter()
                    .position(|(name, _)| !want.is_empty() && name.contains(want))
                    .unwrap_or(rng.below(n) as usize);
                let donor = others
                    .iter()
                    .find(|(name, _)| *name == parts[i].0)
                    .map(|(_, d)| d.as_slice())
                    .unwrap_or(&[]);
                let donor = donor.to_vec();
                mutate_xml(rng, &mut parts[i].1, &donor);
            }
            9 if n > 1 => {
                parts.remove(rng.below(n) as usize);
            }
            10 => {
                let i = rng.below(n) as usize;
                let names = [
                    "xl/worksheets/sheet2.xml",
                    "xl/worksheets/sheet1.xml",
                    "xl/sharedStrings.xml",
                    "xl/styles.xml",
                    "xl/workbook.xml",
                    "XL/WORKBOOK.XML",
                    "xl/worksheets/../workbook.xml",
                    "/xl/worksheets/sheet1.xml",
                ];
                let name = names[rng.below(names.len() as u64) as usize].to_string();
                if !parts.iter().any(|(n, _)| *n == name) {
                    parts[i].0 = name;
                }
            }
            _ => {
                let (i, j) = (rng.below(n) as usize, rng.below(n) as usize);
                let d = parts[j].1.clone();
                parts[i].1 = d;
            }
        }
    }
    zip_parts(&parts, rng.below(2) == 0).unwrap_or_else(|| raw(rng))
}
