//! Security headers on every response: a CSP that allows only this origin, no sniffing, no
//! framing, no referrer leaks, and `no-store` for pages with personal data (every page behind
//! a login and every API answer).

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// Adds the headers (HSTS too when the server is reached over HTTPS).
pub async fn headers(
    axum::extract::State(https): axum::extract::State<bool>,
    req: Request,
    next: Next,
) -> Response {
    let is_static = req.uri().path().starts_with("/static/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    if https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    if is_static {
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=3600"),
        );
    } else {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// `?lang=en` or `?lang=id` chooses the page language: kept in a cookie, and applied to this
/// request at once.
pub async fn language(mut req: Request, next: Next) -> Response {
    let chosen = req
        .uri()
        .query()
        .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("lang=")))
        .and_then(|v| match v {
            "en" => Some("en"),
            "id" => Some("id"),
            _ => None,
        });
    let Some(lang) = chosen else {
        return next.run(req).await;
    };
    let cookie = format!("talenta-lang={lang}");
    let merged = match req
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
    {
        Some(existing) => format!("{existing}; {cookie}"),
        None => cookie,
    };
    if let Ok(v) = HeaderValue::from_str(&merged) {
        req.headers_mut().insert(header::COOKIE, v);
    }
    let mut res = next.run(req).await;
    if let Ok(v) = HeaderValue::from_str(&format!(
        "talenta-lang={lang}; Path=/; SameSite=Lax; Max-Age=31536000"
    )) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}
