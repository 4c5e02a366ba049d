//! Fresh databases for tests: a new SQLite file and a new PostgreSQL database in the
//! throwaway cluster named by `TALENTA_TEST_PG` (started by `scripts/test.sh`).
//! Without that variable the PostgreSQL half fails loudly, unless `TALENTA_TEST_SKIP_PG=1`
//! says it is skipped on purpose (quick local runs only; CI always has it).

#![allow(clippy::expect_used)] // test support: a failed setup must stop the test loudly

use std::sync::atomic::{AtomicU32, Ordering};

use crate::{Db, schema};

/// A migrated database and what keeps it alive.
pub struct TestDb {
    /// Engine name for assertion messages.
    pub name: &'static str,
    /// The connection.
    pub db: Db,
    /// URL to open more connections to the same database.
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A fresh, migrated SQLite file in a temp dir.
pub fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = dir.path().join("talenta.sqlite").display().to_string();
    let mut db = Db::open(&url).expect("open sqlite");
    schema::migrate(&mut db).expect("migrate sqlite");
    TestDb {
        name: "sqlite",
        db,
        url,
        _dir: Some(dir),
    }
}

/// A fresh, migrated PostgreSQL database, or `None` when skipping is requested.
pub fn postgres() -> Option<TestDb> {
    let base = match std::env::var("TALENTA_TEST_PG") {
        Ok(b) => b,
        Err(_) if std::env::var("TALENTA_TEST_SKIP_PG").is_ok_and(|v| v == "1") => return None,
        Err(_) => panic!(
            "TALENTA_TEST_PG is not set: run the tests with scripts/test.sh, which starts a throwaway \
             PostgreSQL cluster (or set TALENTA_TEST_SKIP_PG=1 to skip PostgreSQL on purpose)"
        ),
    };
    let name = format!(
        "t_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    );
    let mut admin = Db::open(&base).expect("connect to the test cluster");
    admin
        .batch(&format!("CREATE DATABASE {name}"))
        .expect("create test database");
    let url = format!("{base} dbname={name}");
    let mut db = Db::open(&url).expect("open test database");
    schema::migrate(&mut db).expect("migrate postgres");
    Some(TestDb {
        name: "postgres",
        db,
        url,
        _dir: None,
    })
}

/// Both engines: a fresh SQLite file and a fresh PostgreSQL database.
pub fn both() -> Vec<TestDb> {
    let mut v = vec![sqlite()];
    v.extend(postgres());
    v
}
