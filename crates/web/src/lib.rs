//! talenta-web: the browser pages (askama templates, htmx, server-rendered SVG) and the JSON API
//! under `/api/v1`, over the app layer. Handlers are thin: extract, authorise, call one `app`
//! function on a blocking thread, render. One route registry ([`routes::registry`]) drives the
//! router, the authorisation guard, the OpenAPI document and the authorisation matrix test.

pub mod access_pages;
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
    /// Most password checks (argon2, 19 MiB each) running at once; more logins wait their turn,
    /// so a login storm cannot exhaust memory.
    pub max_password_checks: usize,
    /// Proxies whose `X-Forwarded-For` is believed: only a request that comes from one of these
    /// addresses has its client address taken from that header (the address the proxy appended,
    /// the last one). Empty: the peer's own address, always.
    pub trusted_proxies: Vec<std::net::IpAddr>,
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
            max_password_checks: 4,
            trusted_proxies: Vec::new(),
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
    /// Turns for a password check (see [`Config::max_password_checks`]).
    pub password_checks: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    /// State over a database.
    pub fn new(config: Config) -> AppState {
        AppState {
            // As many idle connections as blocking threads may run at once: reopening a
            // connection loses its prepared statements.
            pool: Pool::new(&config.database, config.max_connections),
            password_checks: Arc::new(tokio::sync::Semaphore::new(
                config.max_password_checks.max(1),
            )),
            config: Arc::new(config),
            search_cache: Arc::default(),
        }
    }

    /// The client's address: the peer's, or, when the peer is a trusted proxy, the last address
    /// of its `X-Forwarded-For` (the one that proxy appended; earlier ones are the client's own
    /// say and are never believed).
    pub fn client_address(
        &self,
        peer: Option<std::net::IpAddr>,
        headers: &axum::http::HeaderMap,
    ) -> String {
        let Some(peer) = peer else {
            return "lokal".into();
        };
        if self.config.trusted_proxies.contains(&peer)
            && let Some(forwarded) = headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|a| a.trim().parse::<std::net::IpAddr>().ok())
                .next_back()
        {
            return forwarded.to_string();
        }
        peer.to_string()
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

#[cfg(test)]
mod client_address_tests {
    use super::*;

    fn state(trusted: &[&str]) -> AppState {
        let mut config = Config::new(
            "unused.sqlite",
            AuditKey::new(vec![7u8; 32]).unwrap_or_else(|_| unreachable!()),
        );
        config.trusted_proxies = trusted.iter().map(|a| a.parse().unwrap()).collect();
        AppState::new(config)
    }

    fn forwarded(value: &str) -> axum::http::HeaderMap {
        let mut h = axum::http::HeaderMap::new();
        h.insert("x-forwarded-for", value.parse().unwrap());
        h
    }

    #[test]
    fn the_forwarded_address_is_believed_only_from_a_trusted_proxy_and_only_its_last_entry() {
        let proxy: std::net::IpAddr = "10.0.0.2".parse().unwrap();
        let spoof = forwarded("203.0.113.66, 198.51.100.7");
        // Not configured: the peer's own address, whatever the header says.
        assert_eq!(state(&[]).client_address(Some(proxy), &spoof), "10.0.0.2");
        // From the trusted proxy: the address it appended, not what the client claimed before.
        assert_eq!(
            state(&["10.0.0.2"]).client_address(Some(proxy), &spoof),
            "198.51.100.7"
        );
        // A request that does not come from the proxy is not believed.
        let direct: std::net::IpAddr = "192.0.2.5".parse().unwrap();
        assert_eq!(
            state(&["10.0.0.2"]).client_address(Some(direct), &spoof),
            "192.0.2.5"
        );
        // A trusted proxy without the header, or with garbage: its own address.
        assert_eq!(
            state(&["10.0.0.2"]).client_address(Some(proxy), &forwarded("bukan-alamat")),
            "10.0.0.2"
        );
    }
}
