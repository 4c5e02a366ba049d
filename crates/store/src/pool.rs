//! A small pool of open connections for the web server: requests borrow one on a blocking
//! thread and give it back when done. SQLite in WAL mode serves many readers at once and one
//! writer; PostgreSQL serves them all.

use std::sync::{Arc, Mutex};

use crate::{Db, StoreError};

/// Connections to one database.
#[derive(Clone)]
pub struct Pool {
    url: Arc<String>,
    idle: Arc<Idle>,
    max_idle: usize,
}

/// The idle connections. The synchronous PostgreSQL client blocks on its own runtime when it is
/// dropped, which is forbidden on an async worker thread; the last owner of the pool may be one
/// (a server shutting down), so idle connections are closed on a plain thread of their own.
struct Idle(Mutex<Vec<Db>>);

impl Drop for Idle {
    fn drop(&mut self) {
        let conns = self.0.get_mut().map(std::mem::take).unwrap_or_default();
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
    /// A pool for `url`, keeping at most `max_idle` idle connections.
    pub fn new(url: &str, max_idle: usize) -> Pool {
        Pool {
            url: Arc::new(url.to_string()),
            idle: Arc::new(Idle(Mutex::new(Vec::new()))),
            max_idle,
        }
    }

    /// Borrows a connection (opening a new one when none is idle).
    pub fn get(&self) -> Result<Pooled, StoreError> {
        let idle = self.idle.0.lock().ok().and_then(|mut v| v.pop());
        let db = match idle {
            Some(db) => db,
            None => Db::open(&self.url)?,
        };
        Ok(Pooled {
            db: Some(db),
            pool: self.clone(),
        })
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
        if let (Some(db), Ok(mut idle)) = (self.db.take(), self.pool.idle.0.lock())
            && idle.len() < self.pool.max_idle
        {
            idle.push(db);
        }
    }
}
