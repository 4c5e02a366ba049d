//! A small pool of open connections for the web server: requests borrow one on a blocking
//! thread and give it back when done. SQLite in WAL mode serves many readers at once and one
//! writer; PostgreSQL serves them all.
//!
//! The pool has an upper bound: at most `max_open` connections exist at once, and a request
//! that finds them all borrowed waits (up to [`WAIT`]) instead of opening another, so a burst
//! cannot exhaust the server's connection slots or file handles. A connection goes back only
//! when it is clean: not inside a transaction (a failed COMMIT, a panic between BEGIN and
//! COMMIT) and not broken; otherwise it is closed and its slot freed.

use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crate::{Db, StoreError};

/// How long a request waits for a connection when all `max_open` are borrowed.
pub const WAIT: Duration = Duration::from_secs(10);

/// Connections to one database.
#[derive(Clone)]
pub struct Pool {
    url: Arc<String>,
    idle: Arc<Idle>,
    max_open: usize,
}

/// The idle connections and how many exist in all (idle and borrowed). The synchronous
/// PostgreSQL client blocks on its own runtime when it is dropped, which is forbidden on an
/// async worker thread; the last owner of the pool may be one (a server shutting down), so idle
/// connections are closed on a plain thread of their own.
struct Idle {
    state: Mutex<Slots>,
    freed: Condvar,
}

#[derive(Default)]
struct Slots {
    idle: Vec<Db>,
    open: usize,
}

impl Drop for Idle {
    fn drop(&mut self) {
        let conns = self
            .state
            .get_mut()
            .map(|s| std::mem::take(&mut s.idle))
            .unwrap_or_default();
        if conns.iter().any(|c| c.engine() == crate::Engine::Postgres) {
            let _ = std::thread::spawn(move || drop(conns)).join();
        }
    }
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pool")
    }
}

/// A borrowed connection; goes back to the pool on drop.
pub struct Pooled {
    db: Option<Db>,
    pool: Pool,
}

impl Pool {
    /// A pool for `url` with at most `max_open` connections at once (at least one).
    pub fn new(url: &str, max_open: usize) -> Pool {
        Pool {
            url: Arc::new(url.to_string()),
            idle: Arc::new(Idle {
                state: Mutex::new(Slots::default()),
                freed: Condvar::new(),
            }),
            max_open: max_open.max(1),
        }
    }

    /// Borrows a connection: an idle one, or a new one while fewer than `max_open` exist;
    /// otherwise waits for one to come back, at most `wait` (then [`StoreError::Busy`]).
    pub fn get_within(&self, wait: Duration) -> Result<Pooled, StoreError> {
        let poisoned = || StoreError::Busy("connection pool lock poisoned".into());
        let deadline = std::time::Instant::now() + wait;
        let mut slots = self.idle.state.lock().map_err(|_| poisoned())?;
        loop {
            if let Some(db) = slots.idle.pop() {
                return Ok(self.pooled(db));
            }
            if slots.open < self.max_open {
                slots.open += 1;
                drop(slots);
                return match Db::open(&self.url) {
                    Ok(db) => Ok(self.pooled(db)),
                    Err(e) => {
                        self.release();
                        Err(e)
                    }
                };
            }
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                return Err(StoreError::Busy(format!(
                    "all {} connections busy for {} ms",
                    self.max_open,
                    wait.as_millis()
                )));
            }
            slots = self
                .idle
                .freed
                .wait_timeout(slots, left)
                .map_err(|_| poisoned())?
                .0;
        }
    }

    /// Borrows a connection, waiting at most [`WAIT`].
    pub fn get(&self) -> Result<Pooled, StoreError> {
        self.get_within(WAIT)
    }

    /// Connections open now (idle and borrowed).
    pub fn open(&self) -> usize {
        self.idle.state.lock().map(|s| s.open).unwrap_or(0)
    }

    fn pooled(&self, db: Db) -> Pooled {
        Pooled {
            db: Some(db),
            pool: self.clone(),
        }
    }

    /// A connection was closed: its slot is free.
    fn release(&self) {
        if let Ok(mut slots) = self.idle.state.lock() {
            slots.open = slots.open.saturating_sub(1);
        }
        self.idle.freed.notify_one();
    }
}

impl std::ops::Deref for Pooled {
    type Target = Db;
    fn deref(&self) -> &Db {
        // Present from construction until drop.
        self.db
            .as_ref()
            .unwrap_or_else(|| unreachable!("pooled connection taken"))
    }
}

impl std::ops::DerefMut for Pooled {
    fn deref_mut(&mut self) -> &mut Db {
        self.db
            .as_mut()
            .unwrap_or_else(|| unreachable!("pooled connection taken"))
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        let Some(mut db) = self.db.take() else {
            return;
        };
        // A connection left inside a transaction (a failed COMMIT, a panic between BEGIN and
        // COMMIT) or broken is not handed to the next request: rolled back if it can be,
        // otherwise closed.
        let clean = !std::thread::panicking() && db.is_clean();
        if clean && let Ok(mut slots) = self.pool.idle.state.lock() {
            slots.idle.push(db);
            drop(slots);
            self.pool.idle.freed.notify_one();
            return;
        }
        if db.engine() == crate::Engine::Postgres {
            // Closing the synchronous client must not happen on an async worker thread.
            std::thread::spawn(move || drop(db));
        } else {
            drop(db);
        }
        self.pool.release();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite_pool(max: usize) -> (tempfile::TempDir, Pool) {
        let dir = tempfile::tempdir().unwrap();
        let url = dir.path().join("t.sqlite").display().to_string();
        let mut db = Db::open(&url).unwrap();
        db.batch(
            "CREATE TABLE parent (id INTEGER PRIMARY KEY);
             CREATE TABLE child (id INTEGER PRIMARY KEY,
               parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);",
        )
        .unwrap();
        (dir, Pool::new(&url, max))
    }

    #[test]
    fn the_pool_opens_no_more_than_its_bound_and_a_waiter_gets_the_returned_connection() {
        let (_dir, pool) = sqlite_pool(2);
        let a = pool.get().unwrap();
        let b = pool.get().unwrap();
        let e = pool.get_within(Duration::from_millis(50)).err().unwrap();
        assert!(matches!(e, StoreError::Busy(_)), "{e:?}");
        assert_eq!(pool.open(), 2);
        let waiter = {
            let pool = pool.clone();
            std::thread::spawn(move || pool.get_within(Duration::from_secs(5)).map(|_| ()))
        };
        std::thread::sleep(Duration::from_millis(50));
        drop(a);
        waiter.join().unwrap().unwrap();
        drop(b);
        assert_eq!(pool.open(), 2, "connections are reused, not reopened");
    }

    #[test]
    fn a_failed_commit_is_rolled_back_before_the_connection_serves_the_next_request() {
        let (_dir, pool) = sqlite_pool(1);
        {
            let mut db = pool.get().unwrap();
            // A deferred foreign key fails at COMMIT, which leaves SQLite's transaction open.
            let r = db.transaction(|tx| {
                tx.batch("INSERT INTO child (id, parent) VALUES (1, 99)")?;
                Ok::<_, StoreError>(())
            });
            assert!(r.is_err(), "the COMMIT fails");
        }
        let mut db = pool.get().unwrap();
        // The same connection (the pool holds one) starts a new transaction and sees nothing
        // of the failed one.
        db.transaction(|tx| {
            tx.batch("INSERT INTO parent (id) VALUES (1)")?;
            Ok::<_, StoreError>(())
        })
        .unwrap();
        let n = db
            .query_opt("SELECT COUNT(*) FROM child", &[])
            .unwrap()
            .unwrap();
        assert_eq!(n.int(0).unwrap(), 0);
    }

    #[test]
    fn a_connection_left_in_a_transaction_by_a_panic_is_closed_not_returned() {
        let (_dir, pool) = sqlite_pool(1);
        let p = pool.clone();
        let crashed = std::thread::spawn(move || {
            let mut db = p.get().unwrap();
            db.batch("BEGIN IMMEDIATE").unwrap();
            db.batch("INSERT INTO parent (id) VALUES (7)").unwrap();
            panic!("a request fails half-way");
        })
        .join();
        assert!(crashed.is_err());
        assert_eq!(pool.open(), 0, "its slot is free");
        let mut db = pool.get_within(Duration::from_millis(200)).unwrap();
        let n = db
            .query_opt("SELECT COUNT(*) FROM parent", &[])
            .unwrap()
            .unwrap();
        assert_eq!(n.int(0).unwrap(), 0, "the half-done work is gone");
        db.transaction(|tx| tx.batch("INSERT INTO parent (id) VALUES (8)"))
            .unwrap();
    }
}
