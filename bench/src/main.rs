//! Benchmarks of talenta's hot paths, each compared with a named peer in the same run on the
//! same input files (both sides must agree on the answer). Run through `bench/run.sh`, which
//! installs the Python peers and pins everything to one core. Figures go to docs/benchmarks.md.
//!
//! Usage: talenta-bench jpm [N] | import [ROWS] | schedule [N] | integrate [N] | reports [N] |
//! read [ROWS] | gen-employees ROWS DIR | http [CLIENTS] [SAVES] | fuzz [SECONDS] [csv|xlsx]

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark program: failing loudly is right

mod fuzz;
mod http_saves;
mod results;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::NaiveDate;
use talenta_app::import::{ImportKind, ImportLimits, ImportOptions, import_file};
use talenta_domain::RuleSet;
use talenta_domain::jpm::dense;

/// splitmix64: small, seeded, identical on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn out_dir() -> PathBuf {
    let d = PathBuf::from(std::env::var("BENCH_OUT").unwrap_or_else(|_| "bench/out".into()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn python() -> String {
    std::env::var("BENCH_PYTHON").unwrap_or_else(|_| "python3".into())
}

fn peer(script: &str, args: &[&str]) -> serde_json::Value {
    let out = Command::new(python())
        .arg(script)
        .args(args)
        .output()
        .expect("run the peer");
    assert!(
        out.status.success(),
        "peer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("peer prints JSON")
}

fn best_of(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// JPM of N employees against their own position (2,000 positions, nine competencies).
fn jpm(n: usize) {
    let dir = out_dir();
    let positions = 2000usize;
    let mut rng = Rng(20261127);
    let required: Vec<[u8; 9]> = (0..positions)
        .map(|_| {
            let base = 10 + 10 * rng.below(4) as u8;
            std::array::from_fn(|_| base + 5 * rng.below(2) as u8)
        })
        .collect();
    let position_of: Vec<u32> = (0..n).map(|_| rng.below(positions as u64) as u32).collect();
    let achieved: Vec<[u8; 9]> = position_of
        .iter()
        .map(|p| {
            let r = required[*p as usize];
            std::array::from_fn(|k| {
                (r[k] as i32 + 5 * (rng.below(5) as i32 - 2)).clamp(10, 50) as u8
            })
        })
        .collect();
    std::fs::write(dir.join("jpm_required.u8"), required.concat()).unwrap();
    std::fs::write(dir.join("jpm_achieved.u8"), achieved.concat()).unwrap();
    std::fs::write(
        dir.join("jpm_position.u32"),
        position_of
            .iter()
            .flat_map(|p| p.to_le_bytes())
            .collect::<Vec<u8>>(),
    )
    .unwrap();

    let mut out = vec![0u32; n];
    let sums = dense::required_sums(&required);
    let secs = best_of(15, || {
        let sums = dense::required_sums(&required);
        dense::basis_points(&achieved, &position_of, &sums, &mut out);
        std::hint::black_box(&out);
    });
    dense::basis_points(&achieved, &position_of, &sums, &mut out);
    let checksum: u64 = out.iter().map(|v| u64::from(*v)).sum();
    let p = peer("bench/peers/jpm_numpy.py", &[dir.to_str().unwrap()]);
    let peer_secs = p["seconds"].as_f64().unwrap();
    assert_eq!(
        p["checksum"].as_u64().unwrap(),
        checksum,
        "numpy and talenta disagree"
    );
    println!(
        "{}",
        serde_json::json!({
            "bench": "jpm_own_position", "n": n, "talenta_ms": secs * 1e3, "numpy_ms": peer_secs * 1e3,
            "speedup_vs_numpy": peer_secs / secs, "checksum": checksum,
        })
    );
}

const FIRST: &[&str] = &[
    "Budi", "Siti", "Agus", "Dewi", "Ahmad", "Sri", "Bambang", "Rina", "Joko", "Nur", "Hendra",
    "Wahyu", "Putu", "Made", "Ikhsan", "Rahmat", "Yuli", "Fitri", "Andi", "Ratna",
];
const LAST: &[&str] = &[
    "Santoso", "Wahyuni", "Saputra", "Lestari", "Hidayat", "Rahayu", "Siregar", "Nasution",
    "Pratama", "Kusuma", "Hasibuan", "Sinaga", "Wibowo", "Setiawan", "Gunawan", "Purnomo",
];

/// Writes units, positions (CSV) and an employees workbook of `rows` rows; returns the workbook path.
fn gen_employees(rows: usize, dir: &Path) -> PathBuf {
    let mut units = String::from("Kode Unit,Nama Unit,Kode Unit Induk\n");
    let mut positions = String::from(
        "Kode Jabatan,Nama Jabatan,Kelas Jabatan,Eselon,Kode Unit,Kode Jabatan Atasan\n",
    );
    for u in 0..50 {
        units.push_str(&format!("U{u:02},Dinas Contoh {u},\n"));
        for p in 0..40 {
            positions.push_str(&format!(
                "P{u:02}{p:02},Pelaksana {p},Pelaksana,,U{u:02},\n"
            ));
        }
    }
    std::fs::write(dir.join("units.csv"), units).unwrap();
    std::fs::write(dir.join("positions.csv"), positions).unwrap();
    let path = dir.join(format!("employees-{rows}.xlsx"));
    if path.exists() && std::env::var_os("BENCH_REGENERATE").is_none() {
        return path; // deterministic: the same rows as last time
    }
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    let headers = [
        "NIP",
        "Nama",
        "Jenis Kelamin",
        "Tanggal Lahir",
        "Jenis Pegawai",
        "Golongan",
        "Pendidikan",
        "Kode Jabatan",
        "TMT Jabatan",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let mut rng = Rng(7);
    let ranks = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b"];
    let edus = ["SMA", "D-III", "S1"];
    for i in 0..rows {
        let r = i as u32 + 1;
        // Unique NIP: birth date from i, serial from i.
        let year = 1965 + (i / 12 / 28 / 999) % 35;
        let month = 1 + (i / 28 / 999) % 12;
        let day = 1 + (i / 999) % 28;
        let serial = 1 + i % 999;
        let sex = 1 + rng.below(2);
        let tmt = year + 20 + rng.below(10) as usize;
        let nip = format!(
            "{year:04}{month:02}{day:02}{tmt:04}{:02}{sex}{serial:03}",
            1 + rng.below(12)
        );
        let name = format!(
            "{} {}",
            FIRST[rng.below(FIRST.len() as u64) as usize],
            LAST[rng.below(LAST.len() as u64) as usize]
        );
        ws.write_string(r, 0, &nip).unwrap();
        ws.write_string(r, 1, &name).unwrap();
        ws.write_string(r, 2, if sex == 1 { "L" } else { "P" })
            .unwrap();
        ws.write_string(r, 3, format!("{year:04}-{month:02}-{day:02}"))
            .unwrap();
        ws.write_string(r, 4, "PNS").unwrap();
        ws.write_string(r, 5, ranks[rng.below(ranks.len() as u64) as usize])
            .unwrap();
        ws.write_string(r, 6, edus[rng.below(3) as usize]).unwrap();
        ws.write_string(r, 7, format!("P{:02}{:02}", rng.below(50), rng.below(40)))
            .unwrap();
        ws.write_string(r, 8, format!("{}-07-01", tmt + 3)).unwrap();
    }
    wb.save(&path).unwrap();
    path
}

/// Imports a `rows`-row employees workbook into a fresh SQLite file, end to end.
fn import(rows: usize) {
    let dir = out_dir();
    let xlsx = gen_employees(rows, &dir);
    let db_path = dir.join("import-bench.sqlite");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db_path.display()));
    }
    let mut db = talenta_app::tenant::open(db_path.to_str().unwrap(), chrono::Utc::now()).unwrap();
    let tenant = talenta_store::master::create_tenant(
        &mut db,
        "bench",
        "Pemerintah Kota Bench",
        "kota",
        &RuleSet::default(),
        chrono::Utc::now(),
    )
    .unwrap();
    let ctx = talenta_app::Ctx {
        actor: "bench".into(),
        audit_key: talenta_store::audit::AuditKey::new(vec![7u8; 32]).unwrap(),
        now: chrono::Utc::now(),
    };
    let options = ImportOptions {
        limits: ImportLimits::default(),
        as_of: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    };
    for (kind, file) in [
        (ImportKind::Units, "units.csv"),
        (ImportKind::Positions, "positions.csv"),
    ] {
        let o = import_file(
            &mut db,
            &ctx,
            &talenta_app::access::Actor::local(&tenant, "bench")
                .grant()
                .unwrap(),
            kind,
            &dir.join(file),
            &options,
            &mut |_, _| {},
        )
        .unwrap();
        assert!(o.accepted(), "{:?}", o.errors.first());
    }
    let t = Instant::now();
    let o = import_file(
        &mut db,
        &ctx,
        &talenta_app::access::Actor::local(&tenant, "bench")
            .grant()
            .unwrap(),
        ImportKind::Employees,
        &xlsx,
        &options,
        &mut |_, _| {},
    )
    .unwrap();
    let secs = t.elapsed().as_secs_f64();
    assert!(o.accepted(), "{:?}", o.errors.first());
    assert_eq!(o.counts.inserted as usize, rows);
    if std::env::var_os("BENCH_NO_PEER").is_some() {
        println!(
            "talenta only: {rows} rows in {secs:.3} s ({:.0} rows/s)",
            rows as f64 / secs
        );
        return;
    }
    let peer_db = dir.join("import-bench-openpyxl.sqlite");
    let _ = std::fs::remove_file(&peer_db);
    let p = peer(
        "bench/peers/import_openpyxl.py",
        &[
            xlsx.to_str().unwrap(),
            dir.join("positions.csv").to_str().unwrap(),
            peer_db.to_str().unwrap(),
        ],
    );
    let peer_secs = p["seconds"].as_f64().unwrap();
    assert_eq!(
        p["rows"].as_u64().unwrap() as usize,
        rows,
        "openpyxl stored a different number of rows"
    );
    println!(
        "{}",
        serde_json::json!({
            "bench": "import_employees_xlsx", "rows": rows, "talenta_s": secs, "talenta_rows_per_s": rows as f64 / secs,
            "openpyxl_s": peer_secs, "openpyxl_rows_per_s": rows as f64 / peer_secs, "speedup_vs_openpyxl": peer_secs / secs,
        })
    );
}

/// The Bekasi event (2,227 people, 3 days of 3 sessions, 51 units, 40 internal assessors who
/// never assess their own unit), placed and given assessors; compared with scipy's MILP (HiGHS)
/// solving the same two objectives: the lightest busiest day, then per day the lightest busiest
/// assessor.
fn schedule(n: usize) {
    use talenta_planning::schedule::*;
    let dir = out_dir();
    let units = 51usize;
    let days = 3usize;
    let mut rng = Rng(20211005);
    let participants: Vec<Participant> = (0..n)
        .map(|_| {
            let unit = rng.below(units as u64) as usize;
            // about one in ten cannot come on one of the days
            let mut available = vec![true; days];
            if rng.below(10) == 0 {
                available[rng.below(days as u64) as usize] = false;
            }
            Participant { unit, available }
        })
        .collect();
    let unit_day_cap: Vec<u32> = (0..units)
        .map(|u| {
            (participants.iter().filter(|p| p.unit == u).count() as u32)
                .div_ceil(2)
                .max(1)
        })
        .collect();
    let day_list: Vec<Day> = (0..days)
        .map(|_| Day {
            capacity: 780,
            sessions: vec![260, 260, 260],
        })
        .collect();
    let problem = PlacementProblem {
        days: day_list,
        participants,
        unit_day_cap,
    };
    let assessor_unit: Vec<usize> = (0..40).map(|a| (a * 5) % units).collect();
    let assessors: Vec<Assessor> = (0..40)
        .map(|_| Assessor {
            available: vec![true; days],
            max_per_day: 45,
        })
        .collect();
    let conflict: Vec<Vec<bool>> = problem
        .participants
        .iter()
        .map(|p| assessor_unit.iter().map(|u| *u == p.unit).collect())
        .collect();
    let solve = || {
        let pl = place(&problem).unwrap();
        let ap = AssessorProblem {
            assessors: assessors.clone(),
            day_of: pl.slot.iter().map(|s| s.0).collect(),
            per_participant: 2,
            conflict: conflict.clone(),
        };
        let assigned = assign_assessors(&ap).unwrap();
        (pl, ap, assigned)
    };
    let secs = best_of(7, || {
        std::hint::black_box(solve());
    });
    let (pl, ap, assigned) = solve();
    assert!(check_placement(&problem, &pl).is_empty());
    assert!(check_assessors(&ap, &assigned).is_empty());
    let mut day_load = vec![0u32; days];
    for (d, _) in &pl.slot {
        day_load[*d] += 1;
    }
    let mut assessor_max = vec![0u32; days];
    let mut load = std::collections::HashMap::new();
    for (i, list) in assigned.iter().enumerate() {
        for a in list {
            *load.entry((pl.slot[i].0, *a)).or_insert(0u32) += 1;
        }
    }
    for ((d, _), l) in &load {
        assessor_max[*d] = assessor_max[*d].max(*l);
    }
    let instance = serde_json::json!({
        "days": days, "day_capacity": 780, "session_capacity": [260, 260, 260],
        "units": problem.participants.iter().map(|p| p.unit).collect::<Vec<_>>(),
        "available": problem.participants.iter().map(|p| p.available.clone()).collect::<Vec<_>>(),
        "unit_day_cap": problem.unit_day_cap,
        "assessor_unit": assessor_unit, "assessor_max_per_day": 45, "per_participant": 2,
        "day_of": ap.day_of,
    });
    let path = dir.join("schedule-instance.json");
    std::fs::write(&path, instance.to_string()).unwrap();
    let p = peer("bench/peers/schedule_milp.py", &[path.to_str().unwrap()]);
    let busiest = *day_load.iter().max().unwrap();
    assert_eq!(
        p["busiest_day"].as_u64().unwrap() as u32,
        busiest,
        "scipy finds another busiest day"
    );
    let peer_assessor: Vec<u32> = p["busiest_assessor"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as u32)
        .collect();
    assert_eq!(
        peer_assessor, assessor_max,
        "scipy finds other assessor loads"
    );
    // Compared with the time inside milp() alone: building the model in Python is not counted.
    let peer_secs = p["solve_seconds"].as_f64().unwrap();
    let peer_all = p["seconds"].as_f64().unwrap();
    println!(
        "{}",
        serde_json::json!({
            "bench": "schedule_event", "scipy_milp_with_model_building_ms": peer_all * 1e3, "participants": n, "days": days, "assessors": 40,
            "talenta_ms": secs * 1e3, "scipy_milp_solve_ms": peer_secs * 1e3, "speedup_vs_scipy_milp_solve": peer_secs / secs,
            "busiest_day": busiest, "busiest_assessor_per_day": assessor_max,
        })
    );
}

/// JPM of every one of `people` against every one of `posts` (the input of a rotation plan or a
/// succession list for a whole government), against numpy broadcasting.
fn jpm_all(people: usize, posts: usize) {
    let dir = out_dir();
    let mut rng = Rng(15_000);
    let required: Vec<[u8; 9]> = (0..posts)
        .map(|_| {
            let base = 10 + 10 * rng.below(4) as u8;
            std::array::from_fn(|_| base + 5 * rng.below(2) as u8)
        })
        .collect();
    let achieved: Vec<[u8; 9]> = (0..people)
        .map(|_| std::array::from_fn(|_| 10 + 5 * rng.below(9) as u8))
        .collect();
    let sums = dense::required_sums(&required);
    let asums: Vec<u32> = achieved.iter().map(dense::achieved_sum).collect();
    std::fs::write(
        dir.join("jpm_all_achieved.u32"),
        asums
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    std::fs::write(
        dir.join("jpm_all_required.u32"),
        sums.iter()
            .flat_map(|v| v.to_le_bytes())
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    let mut out = vec![0u32; people * posts];
    let secs = best_of(5, || {
        // From the levels, as a caller has them: the sums are part of the work.
        let sums = dense::required_sums(&required);
        let asums: Vec<u32> = achieved.iter().map(dense::achieved_sum).collect();
        dense::all_pairs(&asums, &sums, &mut out);
        std::hint::black_box(&out);
    });
    let checksum: u64 = out.iter().map(|v| u64::from(*v)).sum();
    let p = peer(
        "bench/peers/jpm_all_pairs_numpy.py",
        &[dir.to_str().unwrap()],
    );
    assert_eq!(
        p["checksum"].as_u64().unwrap(),
        checksum,
        "numpy and talenta disagree"
    );
    let peer_secs = p["seconds"].as_f64().unwrap();
    println!(
        "{}",
        serde_json::json!({
            "bench": "jpm_all_pairs", "people": people, "posts": posts, "pairs": people * posts,
            "talenta_ms": secs * 1e3, "numpy_ms": peer_secs * 1e3, "speedup_vs_numpy": peer_secs / secs,
            "target_ms": 300, "checksum": checksum,
        })
    );
}

/// The assignment of n people to n posts: JPM-like costs (each person's level sum against each
/// post's required sum, in basis points, maximised) or uniform random costs; talenta's solver
/// against scipy's linear_sum_assignment and the `lap` package (lapjv), same totals required.
fn assign(n: usize, uniform: bool) {
    use talenta_planning::assignment::solve;
    let mut rng = Rng(2000);
    let cost: Vec<i64> = if uniform {
        (0..n * n).map(|_| rng.below(1_000_000) as i64).collect()
    } else {
        let achieved: Vec<u64> = (0..n).map(|_| 90 + rng.below(200)).collect();
        let required: Vec<u64> = (0..n).map(|_| 90 + 45 * rng.below(4)).collect();
        achieved
            .iter()
            .flat_map(|a| {
                required
                    .iter()
                    .map(move |r| -(((20000 * a + r) / (2 * r)) as i64))
            })
            .collect()
    };
    let mut total = 0;
    let secs = best_of(3, || total = solve(n, n, &cost).unwrap().total);
    let path = out_dir().join("assign-cost.i64");
    let bytes: Vec<u8> = cost.iter().flat_map(|c| c.to_le_bytes()).collect();
    std::fs::write(&path, bytes).unwrap();
    let p = peer(
        "bench/peers/assign_scipy_lap.py",
        &[path.to_str().unwrap(), &n.to_string()],
    );
    assert_eq!(
        p["scipy_total"].as_i64().unwrap(),
        total,
        "scipy finds another optimum"
    );
    assert_eq!(
        p["lap_total"].as_i64().unwrap(),
        total,
        "lap finds another optimum"
    );
    let (scipy, lap) = (
        p["scipy_seconds"].as_f64().unwrap(),
        p["lap_seconds"].as_f64().unwrap(),
    );
    println!(
        "{}",
        serde_json::json!({
            "bench": if uniform { "assign_uniform" } else { "assign_jpm_like" }, "n": n,
            "talenta_ms": secs * 1e3, "scipy_ms": scipy * 1e3, "lap_ms": lap * 1e3,
            "speedup_vs_scipy": scipy / secs, "speedup_vs_lap": lap / secs,
        })
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg =
        |i: usize, default: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(default);
    match args.get(1).map(String::as_str) {
        Some("jpm") => jpm(arg(2, 1_000_000)),
        Some("schedule") => schedule(arg(2, 2227)),
        Some("integrate") => results::integrate(arg(2, 2227)),
        Some("jpm-all") => jpm_all(arg(2, 15_000), arg(3, 2_000)),
        Some("assign") => assign(
            arg(2, 2000),
            args.get(3).map(String::as_str) == Some("uniform"),
        ),
        Some("reports") => results::reports(arg(2, 2227)),
        Some("http") => http_saves::main(&args[2..], &out_dir()),
        Some("fuzz") => fuzz::run(&args[2..]),
        Some("import") => import(arg(2, 100_000)),
        Some("read") => {
            // Reading alone (no validation, no storage): where the import's time goes.
            let path = gen_employees(arg(2, 100_000), &out_dir());
            let mut cells = 0usize;
            let t = Instant::now();
            talenta_app::import::table::read_rows(
                &path,
                &ImportLimits::default(),
                &mut |_, row| {
                    cells += row.len();
                    Ok(())
                },
            )
            .unwrap();
            println!(
                "read only: {cells} cells in {:.3} s",
                t.elapsed().as_secs_f64()
            );
        }
        Some("gen-employees") => {
            let dir = PathBuf::from(args.get(3).cloned().unwrap_or_else(|| "bench/out".into()));
            std::fs::create_dir_all(&dir).unwrap();
            println!("{}", gen_employees(arg(2, 1_000_000), &dir).display());
        }
        _ => eprintln!("usage: talenta-bench jpm [N] | import [ROWS] | gen-employees ROWS DIR"),
    }
}
