//! Database connection and preparation (migrations and seeds), for SQLite and PostgreSQL.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection,
    DatabaseTransaction, DbErr, Statement, TransactionTrait,
};

/// Counts the SQL statements a connection runs; tests assert statement budgets with it.
#[derive(Debug, Clone, Default)]
pub struct StatementCounter(Arc<AtomicU64>);

impl StatementCounter {
    /// Statements run so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Opens a pool on `url`, creating the SQLite file's directory when needed, and counts statements.
///
/// SQLite runs with foreign keys on and a 5 s busy timeout (sqlx's defaults for every pooled
/// connection), WAL journaling (a property of the file, set once) and the first
/// [`SQLITE_MMAP_BYTES`] of the file read through a memory map (set on every connection).
///
/// # Errors
/// The database cannot be reached, or the directory cannot be created.
pub async fn connect(
    url: &str,
    max_connections: u32,
) -> Result<(DatabaseConnection, StatementCounter), anyhow::Error> {
    let mut url = url.to_owned();
    if let Some(rest) = url.strip_prefix("sqlite://") {
        let path = rest.split('?').next().unwrap_or_default();
        if let Some(parent) = std::path::Path::new(path).parent()
            && !parent.as_os_str().is_empty()
            && path != ":memory:"
        {
            std::fs::create_dir_all(parent)?;
        }
        if !url.contains('?') {
            url.push_str("?mode=rwc");
        }
    }
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(10))
        // Fail fast when the database is away: a request answers UNAVAILABLE (HTTP 503) within
        // ACQUIRE_TIMEOUT instead of hanging.
        .acquire_timeout(ACQUIRE_TIMEOUT)
        // sqlx pings a connection as it goes back to the pool; pinging it again as it is taken out
        // costs a round trip per checkout. Only a connection idle for PING_IF_IDLE_FOR is tested.
        .test_before_acquire_if_idle_for(PING_IF_IDLE_FOR)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|sqlite| sqlite.pragma("mmap_size", SQLITE_MMAP_BYTES.to_string()));
    let mut db = Database::connect(options).await?;
    if db.get_database_backend() == DatabaseBackend::Sqlite {
        // WAL lets readers run beside the one writer; it persists in the file.
        db.execute_unprepared("PRAGMA journal_mode = WAL").await?;
    }
    let counter = StatementCounter::default();
    let inner = counter.0.clone();
    db.set_metric_callback(move |_info| {
        inner.fetch_add(1, Ordering::Relaxed);
    });
    Ok((db, counter))
}

/// How much of a SQLite database file each connection reads through a memory map
/// (`PRAGMA mmap_size`, https://sqlite.org/mmap.html): 1 GiB.
///
/// Every request that shows students to a reader outside their school writes a read record, and
/// in WAL mode a connection that finds the database changed since its last transaction drops its
/// whole page cache; without a map each page a statement touches is then read again with a
/// system call and copied into a fresh buffer. Through the map a page is a pointer into the
/// operating system's page cache (`docs/performance.md`, "SQLite read through a memory map").
/// The mapped pages count in the process's resident memory as file pages, which the operating
/// system reclaims as it needs; a file larger than this is read through the map as far as this
/// and with system calls beyond.
pub const SQLITE_MMAP_BYTES: u64 = 1 << 30;

/// A pooled connection idle for at least this long is pinged before a request uses it; one in
/// use more recently was pinged when it went back to the pool (sqlx tests every connection as it
/// is returned) and is handed out untested.
///
/// Without this, sqlx pings on every checkout as well: a second round trip per statement's
/// connection, which on PostgreSQL is a `Sync` message and the server's `ReadyForQuery`, and on
/// SQLite a message to the connection's worker thread and back (`docs/performance.md`).
///
/// What it costs: a connection that broke less than this long after it was last returned (the
/// server restarted under load) fails the one request that draws it, which answers
/// `UNAVAILABLE` (HTTP 503, `Retry-After`); that connection is then closed as it goes back.
pub const PING_IF_IDLE_FOR: Duration = Duration::from_secs(1);

/// How long a request waits for a pooled connection before it answers `UNAVAILABLE`.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(2);

/// Whether `e` says the database is away or busy for now (no connection to be had, a connection
/// dropped, SQLite's write lock held past the busy timeout), so the caller should retry later —
/// `UNAVAILABLE`, not `INTERNAL`.
pub fn is_unavailable(e: &sea_orm::DbErr) -> bool {
    use sea_orm::DbErr;
    match e {
        DbErr::ConnectionAcquire(_) => true,
        DbErr::Conn(_) | DbErr::Exec(_) | DbErr::Query(_) => {
            let text = e.to_string().to_ascii_lowercase();
            [
                "database is locked",
                "connection refused",
                "connection reset",
                "broken pipe",
                "pool timed out",
                "pool closed",
                "unexpected eof",
                "terminating connection",
                "the database system is shutting down",
                "the database system is starting up",
                "connection closed",
                "error communicating with database",
            ]
            .iter()
            .any(|needle| text.contains(needle))
        }
        _ => false,
    }
}

/// Begins a write transaction. On SQLite it is `BEGIN IMMEDIATE`: it takes the write lock at once,
/// so concurrent writers wait their turn (up to the busy timeout) instead of failing when another
/// writer commits between their read and their write; on PostgreSQL it is a plain `BEGIN` (rows
/// that must not change under a transaction are read `FOR UPDATE`).
///
/// # Errors
/// The database cannot begin a transaction.
pub async fn write_txn<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    db.begin_with_options(sea_orm::TransactionOptions {
        sqlite_transaction_mode: Some(sea_orm::SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// A condition no row meets: the scope of a caller who may see none.
pub fn no_rows() -> sea_orm::Condition {
    use sea_orm::sea_query::{Expr, ExprTrait};
    sea_orm::Condition::all().add(Expr::val(1).eq(0))
}

/// The first day of `year` and of the year after, for "in year" filters on dates; `None` for a
/// year outside chrono's range.
pub fn year_bounds(year: i32) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    Some((
        chrono::NaiveDate::from_ymd_opt(year, 1, 1)?,
        chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)?,
    ))
}

/// Key of the PostgreSQL advisory lock that serialises preparation across API instances.
const PREPARE_LOCK_KEY: i64 = 0x5741_4948_4149; // "WAIHAI"

/// Applies pending migrations and loads the seeds, all in one transaction.
///
/// On PostgreSQL the transaction first takes an advisory lock, so many instances starting at once
/// prepare the database one after another: the first migrates and seeds, the rest find nothing to
/// do.
///
/// # Errors
/// Any database error; the transaction is rolled back and nothing changes.
pub async fn prepare(db: &DatabaseConnection) -> Result<seeds::SeedReport, DbErr> {
    let txn = migrated_txn(db).await?;
    let report = seeds::load(&txn).await?;
    txn.commit().await?;
    Ok(report)
}

/// Key of the PostgreSQL advisory lock that serialises appending to the member list.
const MEMBER_ORDER_LOCK_KEY: i64 = 0x5741_4948_4150; // "WAIHAP"

/// Serialises writers that append to the member list (`listOrder` = last + 1) until `txn` ends:
/// on PostgreSQL an advisory transaction lock; on SQLite the write transaction already holds the
/// database's one write lock.
///
/// # Errors
/// Database failures.
pub async fn lock_member_order(txn: &impl ConnectionTrait) -> Result<(), DbErr> {
    if txn.get_database_backend() == DatabaseBackend::Postgres {
        txn.execute_raw(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [MEMBER_ORDER_LOCK_KEY.into()],
        ))
        .await?;
    }
    Ok(())
}

/// A write transaction holding the preparation lock (on PostgreSQL, an advisory lock: one instance
/// prepares while the others wait), with every migration applied inside it.
async fn migrated_txn(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    let txn = write_txn(db).await?;
    if db.get_database_backend() == DatabaseBackend::Postgres {
        txn.execute_raw(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [PREPARE_LOCK_KEY.into()],
        ))
        .await?;
    }
    Migrator::up(&txn, None).await?;
    Ok(txn)
}

/// Applies pending migrations only.
///
/// # Errors
/// Any database error.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    let txn = migrated_txn(db).await?;
    txn.commit().await
}

/// Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern and wraps it for substring search.
pub fn like_substring(term: &str) -> String {
    let mut out = String::with_capacity(term.len() + 2);
    out.push('%');
    for c in term.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// A condition true for rows whose `column` contains `term` as a substring (Chinese included;
/// `%` and `_` in the term match themselves).
pub fn contains<C: sea_orm::ColumnTrait>(column: C, term: &str) -> sea_orm::sea_query::SimpleExpr {
    column.like(sea_orm::sea_query::LikeExpr::new(like_substring(term)).escape('\\'))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

    /// The embedded SQLite is compiled as `.cargo/config.toml` says: with the query planner
    /// stability guarantee, so that a statement with a bound `LIMIT` stays prepared in sqlx's
    /// cache instead of being compiled again on every execution, and without memory statistics
    /// (`docs/performance.md`, "SQLite statements kept prepared").
    #[tokio::test]
    async fn sqlite_is_built_to_keep_statements_prepared() {
        let (db, _) = super::connect("sqlite::memory:", 1).await.unwrap();
        let rows = db
            .query_all_raw(Statement::from_string(
                DatabaseBackend::Sqlite,
                "PRAGMA compile_options",
            ))
            .await
            .unwrap();
        let options: Vec<String> = rows
            .iter()
            .map(|row| row.try_get_by_index(0).unwrap())
            .collect();
        assert!(options.iter().any(|o| o == "ENABLE_QPSG"), "{options:?}");
        assert!(
            options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"),
            "{options:?}"
        );
    }

    /// A SQLite connection of the pool reads the file through a memory map of
    /// [`super::SQLITE_MMAP_BYTES`] (`PRAGMA mmap_size`).
    #[tokio::test]
    async fn sqlite_files_are_read_through_a_memory_map() {
        let dir = std::env::temp_dir().join(format!("alliance-mmap-{}", uuid::Uuid::new_v4()));
        let url = format!("sqlite://{}/db.sqlite", dir.display());
        let (db, _) = super::connect(&url, 2).await.unwrap();
        let row = db
            .query_one_raw(Statement::from_string(
                DatabaseBackend::Sqlite,
                "PRAGMA mmap_size",
            ))
            .await
            .unwrap()
            .unwrap();
        let bytes: i64 = row.try_get_by_index(0).unwrap();
        assert_eq!(u64::try_from(bytes).unwrap(), super::SQLITE_MMAP_BYTES);
        db.close().await.unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }
}
