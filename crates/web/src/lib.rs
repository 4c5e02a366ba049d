//! talenta-web: the browser pages (askama templates, htmx, server-rendered SVG) and the JSON API
//! under `/api/v1`, over the app layer. Handlers are thin: extract, authorise, call one `app`
//! function on a blocking thread, render. One route registry ([`routes::registry`]) drives the
//! router, the authorisation guard, the OpenAPI document and the authorisation matrix test.

pub mod api;
pub mod error;
pub mod event_pages;
pub mod extract;
pub mod guard;
pub mod i18n;
pub mod master_pages;
pub mod pages;
pub mod result_pages;
pub mod rotation_pages;
pub mod routes;
pub mod security;
pub mod selection_pages;
pub mod succession_pages;
pub mod svg;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use talenta_app::access::SessionRules;
use talenta_app::{AuditKey, Pool, Pooled};

pub use error::WebError;

/// Settings of a running server.
#[derive(Debug, Clone)]
pub struct Config {
    /// Database URL.
    pub database: String,
    /// Audit chain key.
    pub audit_key: AuditKey,
    /// Session lifetimes and login rate limits.
    pub session: SessionRules,
    /// Largest request body, in bytes (uploads included).
    pub body_limit: usize,
    /// Largest upload, in bytes.
    pub upload_limit: u64,
    /// Fixed clock for tests; `None` uses the system clock.
    pub fixed_now: Option<DateTime<Utc>>,
    /// Browsers reach the server over HTTPS (served with TLS, or behind a TLS proxy): send HSTS.
    pub https: bool,
    /// Most database connections open at once (requests beyond wait for one to come back).
    pub max_connections: usize,
}

impl Config {
    /// Defaults for a database and key.
    pub fn new(database: &str, audit_key: AuditKey) -> Config {
        Config {
            database: database.to_string(),
            audit_key,
            session: SessionRules::default(),
            body_limit: 64 * 1024 * 1024,
            upload_limit: 60 * 1024 * 1024,
            fixed_now: None,
            https: false,
            max_connections: 32,
        }
    }
}

/// Shared state of the handlers.
#[derive(Clone)]
pub struct AppState {
    pool: Pool,
    /// Settings.
    pub config: Arc<Config>,
    /// Each tenant's employee search keys, in memory while unchanged.
    pub search_cache: Arc<talenta_app::directory::SearchCache>,
}

impl AppState {
    /// State over a database.
    pub fn new(config: Config) -> AppState {
        AppState {
            // As many idle connections as blocking threads may run at once: reopening a
            // connection loses its prepared statements.
            pool: Pool::new(&config.database, config.max_connections),
            config: Arc::new(config),
            search_cache: Arc::default(),
        }
    }

    /// Now, from the configured clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.config.fixed_now.unwrap_or_else(Utc::now)
    }

    /// Runs `f` with a pooled connection on a blocking thread (the database drivers are
    /// synchronous; the async runtime never waits on them).
    pub async fn db<T, F>(&self, f: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Pooled) -> Result<T, WebError> + Send + 'static,
    {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut db = pool.get().map_err(WebError::from)?;
            f(&mut db)
        })
        .await
        .map_err(|_| WebError::Internal("tugas basis data berhenti".into()))?
    }
}

/// The application with every route, guard and header.
pub fn app(state: AppState) -> axum::Router {
    routes::router(state)
}

/// Serves the application on `listener` until Ctrl-C.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    let app = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

/// Serves the application with TLS (rustls) on `listener`, with the certificate chain and key
/// in PEM files, until Ctrl-C. For an agency's LAN without a TLS proxy.
pub async fn serve_tls(
    listener: std::net::TcpListener,
    cert: &std::path::Path,
    key: &std::path::Path,
    state: AppState,
) -> std::io::Result<()> {
    let tls = axum_server::tls_rustls::RustlsConfig::from_pem_file(cert, key).await?;
    let handle = axum_server::Handle::new();
    let shutdown = handle.clone();
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        shutdown.graceful_shutdown(Some(std::time::Duration::from_secs(5)));
    });
    listener.set_nonblocking(true)?;
    axum_server::from_tcp_rustls(listener, tls)?
        .handle(handle)
        .serve(app(state).into_make_service_with_connect_info::<std::net::SocketAddr>())
        .await
}
