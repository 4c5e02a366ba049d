//! A write that cannot take its lock in time is told apart from a real failure
//! (`StoreError::is_busy`), so the web answers 503 "try again" instead of 500. On both engines.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use talenta_store::Db;
use talenta_store::testing;

#[test]
fn a_write_blocked_by_another_transactions_lock_is_busy_and_a_bad_statement_is_not() {
    for t in testing::both() {
        let mut holder = Db::open(&t.url).unwrap();
        let mut other = Db::open(&t.url).unwrap();
        match holder.engine() {
            talenta_store::Engine::Sqlite => {
                holder.batch("BEGIN IMMEDIATE").unwrap();
                other.batch("PRAGMA busy_timeout = 10").unwrap();
            }
            talenta_store::Engine::Postgres => {
                holder
                    .batch("BEGIN; LOCK TABLE tenants IN ACCESS EXCLUSIVE MODE")
                    .unwrap();
                other.batch("SET lock_timeout = '10ms'").unwrap();
            }
        }
        let e = other
            .execute("UPDATE tenants SET name = name WHERE id = 0", &[])
            .unwrap_err();
        assert!(e.is_busy(), "{}: {e:?}", t.name);
        holder.batch("ROLLBACK").unwrap();
        other
            .execute("UPDATE tenants SET name = name WHERE id = 0", &[])
            .unwrap();
        let bad = other
            .execute("UPDATE no_such_table SET x = 1", &[])
            .unwrap_err();
        assert!(!bad.is_busy(), "{}: {bad:?}", t.name);
    }
}
