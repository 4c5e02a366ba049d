//! kill -9 during an import: the real `talenta import` process is killed at spread instants
//! of a large employee import; after each kill the database passes `PRAGMA integrity_check`,
//! holds exactly the rows of before or of after (never part of the file), its audit trail
//! verifies, and the next import works.
//!
//! The size is small in the test command (`TALENTA_KILL_ROWS`, default 20,000 rows, and
//! `TALENTA_KILL_TRIALS`, default 8); `bench/run.sh kill` runs the same driver at full size
//! (100,000 rows, 20 instants, release build).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use talenta_store::Db;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn talenta(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_talenta"));
    c.current_dir(dir)
        .env_remove("TALENTA_DATABASE_URL")
        .args(["--as-of", "2026-11-27"]);
    c
}

fn run_ok(dir: &Path, args: &[&str]) -> String {
    let o = talenta(dir).args(args).output().unwrap();
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).to_string()
}

/// `rows` employees with valid, distinct NIPs (born 1970 onwards, appointed January 2005).
fn employees_csv(rows: usize) -> String {
    let mut s = String::from("NIP,Nama\n");
    let base = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    for i in 0..rows {
        let born = base + chrono::Days::new((i / 999) as u64);
        let serial = i % 999 + 1;
        s.push_str(&format!(
            "{}2005011{serial:03},Pegawai Uji {i}\n",
            born.format("%Y%m%d")
        ));
    }
    s
}

fn employees(db_path: &Path) -> i64 {
    let mut db = Db::open(&db_path.display().to_string()).unwrap();
    let ok = db
        .query_opt("PRAGMA integrity_check", &[])
        .unwrap()
        .unwrap();
    assert_eq!(ok.text(0).unwrap(), "ok", "integrity check");
    db.query_opt("SELECT COUNT(*) FROM employees", &[])
        .unwrap()
        .unwrap()
        .int(0)
        .unwrap()
}

/// Puts the database back as it was before any import (the WAL of a killed run included).
fn reset(dir: &Path, pristine: &Path) {
    for side in ["talenta.sqlite-wal", "talenta.sqlite-shm"] {
        let _ = std::fs::remove_file(dir.join(side));
    }
    std::fs::copy(pristine, dir.join("talenta.sqlite")).unwrap();
}

#[test]
fn an_import_killed_at_any_instant_leaves_the_database_as_before_or_after() {
    let rows = env_or("TALENTA_KILL_ROWS", 20_000);
    let trials = env_or("TALENTA_KILL_TRIALS", 8);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    run_ok(
        d,
        &[
            "init",
            "--code",
            "kota-uji",
            "--name",
            "Pemerintah Kota Uji",
        ],
    );
    std::fs::write(d.join("pegawai.csv"), employees_csv(rows)).unwrap();
    let pristine = d.join("pristine.sqlite");
    std::fs::copy(d.join("talenta.sqlite"), &pristine).unwrap();

    // How long a whole import takes here, to spread the kills over it.
    let start = Instant::now();
    run_ok(d, &["import", "employees", "pegawai.csv"]);
    let full = start.elapsed();
    assert_eq!(employees(&d.join("talenta.sqlite")), rows as i64);

    let (mut before, mut after) = (0, 0);
    for k in 0..trials {
        reset(d, &pristine);
        // Spread over the whole run and a little past it, so both outcomes are reached.
        let at = full.mul_f64((k as f64 + 0.5) / trials as f64 * 1.1);
        let mut child = talenta(d)
            .args(["import", "employees", "pegawai.csv"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(at);
        // SIGKILL: no destructor, no rollback by the process itself.
        let _ = child.kill();
        let _ = child.wait();
        let n = employees(&d.join("talenta.sqlite"));
        assert!(
            n == 0 || n == rows as i64,
            "kill {k} at {at:?} of {full:?}: {n} of {rows} rows stored"
        );
        if n == 0 {
            before += 1
        } else {
            after += 1
        }
        let verified = run_ok(d, &["audit", "verify"]);
        assert!(!verified.contains("RUSAK"), "kill {k}: {verified}");
        // The next import works.
        if k + 1 == trials {
            run_ok(d, &["import", "employees", "pegawai.csv"]);
            assert_eq!(employees(&d.join("talenta.sqlite")), rows as i64);
        }
    }
    eprintln!(
        "kill -9 driver: {rows} rows, full import {full:?}, {trials} kills: {before} before, {after} after"
    );
    assert!(before > 0, "at least one kill landed before the commit");
}
