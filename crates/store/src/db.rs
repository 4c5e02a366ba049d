//! One connection type over SQLite (rusqlite, in-process, no thread hop) and PostgreSQL
//! (the synchronous `postgres` client). Queries are written once in portable SQL with `?`
//! placeholders; for PostgreSQL they are renumbered to `$1..$n`. Integers are BIGINT and
//! strings TEXT on both engines, so one value type binds everywhere.

use std::collections::HashMap;
use std::error::Error as StdError;

use postgres::types::{IsNull, ToSql, Type, to_sql_checked};

use crate::StoreError;

/// A parameter to bind. Borrowed so that bulk inserts do not copy strings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Param<'a> {
    /// An integer or NULL.
    Int(Option<i64>),
    /// A text or NULL.
    Text(Option<&'a str>),
}

impl<'a> From<i64> for Param<'a> {
    fn from(v: i64) -> Self {
        Param::Int(Some(v))
    }
}
impl<'a> From<Option<i64>> for Param<'a> {
    fn from(v: Option<i64>) -> Self {
        Param::Int(v)
    }
}
impl<'a> From<&'a str> for Param<'a> {
    fn from(v: &'a str) -> Self {
        Param::Text(Some(v))
    }
}
impl<'a> From<&'a String> for Param<'a> {
    fn from(v: &'a String) -> Self {
        Param::Text(Some(v.as_str()))
    }
}
impl<'a> From<Option<&'a str>> for Param<'a> {
    fn from(v: Option<&'a str>) -> Self {
        Param::Text(v)
    }
}

/// A value read back.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    /// NULL.
    Null,
    /// An integer.
    Int(i64),
    /// A text.
    Text(String),
}

/// One row read back, by column position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row(pub Vec<Value>);

impl Row {
    /// Integer column; NULL or text is a schema error.
    pub fn int(&self, i: usize) -> Result<i64, StoreError> {
        match self.0.get(i) {
            Some(Value::Int(v)) => Ok(*v),
            other => Err(StoreError::Decode(format!(
                "column {i}: expected integer, got {other:?}"
            ))),
        }
    }

    /// Nullable integer column.
    pub fn opt_int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        match self.0.get(i) {
            Some(Value::Int(v)) => Ok(Some(*v)),
            Some(Value::Null) => Ok(None),
            other => Err(StoreError::Decode(format!(
                "column {i}: expected integer, got {other:?}"
            ))),
        }
    }

    /// Text column.
    pub fn text(&self, i: usize) -> Result<&str, StoreError> {
        match self.0.get(i) {
            Some(Value::Text(v)) => Ok(v),
            other => Err(StoreError::Decode(format!(
                "column {i}: expected text, got {other:?}"
            ))),
        }
    }

    /// Nullable text column.
    pub fn opt_text(&self, i: usize) -> Result<Option<&str>, StoreError> {
        match self.0.get(i) {
            Some(Value::Text(v)) => Ok(Some(v)),
            Some(Value::Null) => Ok(None),
            other => Err(StoreError::Decode(format!(
                "column {i}: expected text, got {other:?}"
            ))),
        }
    }
}

/// Which engine a connection talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

/// A connection to either engine.
pub enum Db {
    /// SQLite.
    Sqlite(rusqlite::Connection),
    /// PostgreSQL with its prepared statements cached by SQL text.
    Postgres(Box<postgres::Client>, HashMap<String, postgres::Statement>),
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Db({:?})", self.engine())
    }
}

/// Rewrites `?` placeholders to `$1..$n` (outside quoted strings) for PostgreSQL.
pub fn numbered_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    let mut in_quote = false;
    for ch in sql.chars() {
        match ch {
            '\'' => {
                in_quote = !in_quote;
                out.push(ch);
            }
            '?' if !in_quote => {
                n += 1;
                out.push('$');
                out.push_str(&n.to_string());
            }
            _ => out.push(ch),
        }
    }
    out
}

impl Db {
    /// Opens a database by URL: `postgres://...`, `postgresql://...` or a libpq key-value string
    /// (`host=... dbname=...`) for PostgreSQL; `sqlite:PATH` or a plain file path for SQLite.
    pub fn open(url: &str) -> Result<Db, StoreError> {
        if url.starts_with("postgres://")
            || url.starts_with("postgresql://")
            || url.contains("host=")
        {
            // TLS as `sslmode` and `sslrootcert` ask (libpq's meanings), see `pg_tls`.
            let client = crate::pg_tls::connect(url)?;
            Ok(Db::Postgres(Box::new(client), HashMap::new()))
        } else {
            let path = url
                .strip_prefix("sqlite://")
                .or_else(|| url.strip_prefix("sqlite:"))
                .unwrap_or(url);
            let conn =
                rusqlite::Connection::open(path).map_err(|e| StoreError::Connect(e.to_string()))?;
            conn.execute_batch(
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; \
                 PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32768;",
            )?;
            // A request runs a dozen distinct statements; keep them all prepared.
            conn.set_prepared_statement_cache_capacity(256);
            Ok(Db::Sqlite(conn))
        }
    }

    /// The engine behind this connection.
    pub fn engine(&self) -> Engine {
        match self {
            Db::Sqlite(_) => Engine::Sqlite,
            Db::Postgres(..) => Engine::Postgres,
        }
    }

    /// Runs several statements without parameters.
    pub fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(c) => c.execute_batch(sql)?,
            Db::Postgres(c, _) => c.batch_execute(sql)?,
        }
        Ok(())
    }

    fn pg_statement(
        client: &mut postgres::Client,
        cache: &mut HashMap<String, postgres::Statement>,
        sql: &str,
    ) -> Result<postgres::Statement, StoreError> {
        if let Some(s) = cache.get(sql) {
            return Ok(s.clone());
        }
        let stmt = client.prepare(&numbered_placeholders(sql))?;
        if cache.len() > 512 {
            cache.clear();
        }
        cache.insert(sql.to_string(), stmt.clone());
        Ok(stmt)
    }

    /// Executes one statement; returns the number of rows changed.
    pub fn execute(&mut self, sql: &str, params: &[Param<'_>]) -> Result<u64, StoreError> {
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                Ok(stmt.execute(rusqlite::params_from_iter(params.iter()))? as u64)
            }
            Db::Postgres(c, cache) => {
                let stmt = Self::pg_statement(c, cache, sql)?;
                let refs: Vec<&(dyn ToSql + Sync)> =
                    params.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
                Ok(c.execute(&stmt, &refs)?)
            }
        }
    }

    /// Runs a query and returns every row.
    pub fn query(&mut self, sql: &str, params: &[Param<'_>]) -> Result<Vec<Row>, StoreError> {
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let n = stmt.column_count();
                let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    let mut vals = Vec::with_capacity(n);
                    for i in 0..n {
                        vals.push(match r.get_ref(i)? {
                            rusqlite::types::ValueRef::Null => Value::Null,
                            rusqlite::types::ValueRef::Integer(v) => Value::Int(v),
                            rusqlite::types::ValueRef::Text(t) => {
                                Value::Text(String::from_utf8_lossy(t).into_owned())
                            }
                            other => {
                                return Err(StoreError::Decode(format!(
                                    "unexpected SQLite value {other:?}"
                                )));
                            }
                        });
                    }
                    out.push(Row(vals));
                }
                Ok(out)
            }
            Db::Postgres(c, cache) => {
                let stmt = Self::pg_statement(c, cache, sql)?;
                let refs: Vec<&(dyn ToSql + Sync)> =
                    params.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
                let rows = c.query(&stmt, &refs)?;
                rows.iter().map(pg_row).collect()
            }
        }
    }

    /// Runs a query and hands each row to `f` without copying its values (for reading many rows
    /// at once, e.g. every rating of an event).
    pub fn for_each(
        &mut self,
        sql: &str,
        params: &[Param<'_>],
        mut f: impl FnMut(&RowRef<'_>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
                while let Some(r) = rows.next()? {
                    f(&RowRef::Sqlite(r))?;
                }
                Ok(())
            }
            Db::Postgres(c, cache) => {
                let stmt = Self::pg_statement(c, cache, sql)?;
                let refs: Vec<&(dyn ToSql + Sync)> =
                    params.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
                for r in c.query(&stmt, &refs)? {
                    f(&RowRef::Postgres(&r))?;
                }
                Ok(())
            }
        }
    }

    /// Runs a query expected to return at most one row.
    pub fn query_opt(
        &mut self,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<Option<Row>, StoreError> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// Runs `f` in a write transaction (SQLite: `BEGIN IMMEDIATE`); rolls back on error.
    pub fn transaction<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Db) -> Result<T, E>,
    ) -> Result<T, E> {
        let begin = match self.engine() {
            Engine::Sqlite => "BEGIN IMMEDIATE",
            Engine::Postgres => "BEGIN",
        };
        self.batch(begin)?;
        match f(self) {
            Ok(v) => match self.batch("COMMIT") {
                Ok(()) => Ok(v),
                Err(e) => {
                    // A COMMIT that fails (SQLite: busy, disk full) leaves the transaction
                    // open; roll it back so the connection is clean for whoever uses it next.
                    let _ = self.batch("ROLLBACK");
                    Err(e.into())
                }
            },
            Err(e) => {
                let _ = self.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Whether the connection can serve the next request: SQLite back in autocommit mode (a
    /// transaction left open is rolled back here first), PostgreSQL not closed (a COMMIT that
    /// fails there ends the transaction itself, and [`Db::transaction`] rolls back every other
    /// failure; a request that panicked never returns its connection, see the pool).
    pub fn is_clean(&mut self) -> bool {
        match self {
            Db::Sqlite(c) => {
                if !c.is_autocommit() {
                    let _ = c.execute_batch("ROLLBACK");
                }
                c.is_autocommit()
            }
            Db::Postgres(c, _) => !c.is_closed(),
        }
    }
}

/// A row being read by [`Db::for_each`]: its values borrowed, not copied.
pub enum RowRef<'a> {
    /// A SQLite row.
    Sqlite(&'a rusqlite::Row<'a>),
    /// A PostgreSQL row.
    Postgres(&'a postgres::Row),
}

impl RowRef<'_> {
    /// Integer column (BIGINT, INTEGER, SMALLINT).
    pub fn int(&self, i: usize) -> Result<i64, StoreError> {
        match self {
            RowRef::Sqlite(r) => match r.get_ref(i)? {
                rusqlite::types::ValueRef::Integer(v) => Ok(v),
                other => Err(StoreError::Decode(format!(
                    "column {i}: expected integer, got {other:?}"
                ))),
            },
            RowRef::Postgres(r) => {
                let ty = r.columns()[i].type_().clone();
                if ty == Type::INT8 {
                    Ok(r.try_get::<_, i64>(i)?)
                } else if ty == Type::INT4 {
                    Ok(i64::from(r.try_get::<_, i32>(i)?))
                } else {
                    Ok(i64::from(r.try_get::<_, i16>(i)?))
                }
            }
        }
    }

    /// Text column, borrowed.
    pub fn text(&self, i: usize) -> Result<&str, StoreError> {
        match self {
            RowRef::Sqlite(r) => match r.get_ref(i)? {
                rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t)
                    .map_err(|_| StoreError::Decode(format!("column {i}: text is not UTF-8"))),
                other => Err(StoreError::Decode(format!(
                    "column {i}: expected text, got {other:?}"
                ))),
            },
            RowRef::Postgres(r) => Ok(r.try_get::<_, &str>(i)?),
        }
    }
}

fn pg_row(r: &postgres::Row) -> Result<Row, StoreError> {
    let mut vals = Vec::with_capacity(r.len());
    for (i, col) in r.columns().iter().enumerate() {
        let ty = col.type_();
        let v = if *ty == Type::INT8 {
            r.try_get::<_, Option<i64>>(i)?.map(Value::Int)
        } else if *ty == Type::INT4 {
            r.try_get::<_, Option<i32>>(i)?
                .map(|v| Value::Int(i64::from(v)))
        } else if *ty == Type::INT2 {
            r.try_get::<_, Option<i16>>(i)?
                .map(|v| Value::Int(i64::from(v)))
        } else if *ty == Type::BOOL {
            r.try_get::<_, Option<bool>>(i)?
                .map(|v| Value::Int(i64::from(v)))
        } else if *ty == Type::TEXT
            || *ty == Type::VARCHAR
            || *ty == Type::NAME
            || *ty == Type::BPCHAR
        {
            r.try_get::<_, Option<String>>(i)?.map(Value::Text)
        } else {
            return Err(StoreError::Decode(format!(
                "unsupported PostgreSQL type {ty} in column {i}"
            )));
        };
        vals.push(v.unwrap_or(Value::Null));
    }
    Ok(Row(vals))
}

impl rusqlite::ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Param::Int(Some(v)) => ToSqlOutput::Borrowed(ValueRef::Integer(*v)),
            Param::Text(Some(t)) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
            Param::Int(None) | Param::Text(None) => ToSqlOutput::Borrowed(ValueRef::Null),
        })
    }
}

impl ToSql for Param<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> Result<IsNull, Box<dyn StdError + Sync + Send>> {
        match self {
            Param::Int(None) | Param::Text(None) => Ok(IsNull::Yes),
            Param::Int(Some(v)) => {
                if *ty == Type::INT4 {
                    i32::try_from(*v)?.to_sql(ty, out)
                } else if *ty == Type::INT2 {
                    i16::try_from(*v)?.to_sql(ty, out)
                } else if *ty == Type::BOOL {
                    (*v != 0).to_sql(ty, out)
                } else {
                    v.to_sql(ty, out)
                }
            }
            Param::Text(Some(t)) => t.to_sql(ty, out),
        }
    }

    fn accepts(ty: &Type) -> bool {
        [
            Type::INT8,
            Type::INT4,
            Type::INT2,
            Type::BOOL,
            Type::TEXT,
            Type::VARCHAR,
            Type::BPCHAR,
            Type::NAME,
        ]
        .contains(ty)
    }

    to_sql_checked!();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_outside_quotes() {
        assert_eq!(
            numbered_placeholders("SELECT '?' , a FROM t WHERE a = ? AND b = ?"),
            "SELECT '?' , a FROM t WHERE a = $1 AND b = $2"
        );
    }
}
