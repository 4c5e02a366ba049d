//! The guard in front of every route: authenticate (session cookie or API key), authorise the
//! route's permission, and check the CSRF token of state-changing browser requests. Handlers
//! receive the [`Actor`] as a request extension.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use talenta_app::access::{self, Actor, Credential, Permission, role_allows};

use crate::error::ApiError;
use crate::routes::RouteSpec;
use crate::{AppState, WebError};

/// Session cookie. `__Host-` binds it to this host, path `/`, and HTTPS (browsers treat
/// `http://localhost` as secure, so local use works; elsewhere serve TLS or sit behind a TLS proxy).
pub const SESSION_COOKIE: &str = "__Host-talenta";
/// Pre-login cookie holding the login form's CSRF token (double submit).
pub const PRE_COOKIE: &str = "__Host-talenta-pre";

/// A cookie value from the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Resolves the actor of a request, if any.
pub async fn authenticate(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Actor>, WebError> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_string);
    let session = cookie(headers, SESSION_COOKIE).map(str::to_string);
    if bearer.is_none() && session.is_none() {
        return Ok(None);
    }
    let now = state.now();
    let rules = state.config.session;
    state
        .db(move |db| {
            Ok(match (bearer, session) {
                (Some(key), _) => access::api_actor(db, &key, now)?,
                (None, Some(token)) => access::session_actor(db, &token, now, &rules)?,
                (None, None) => None,
            })
        })
        .await
}

fn deny(spec: &RouteSpec, e: WebError) -> Response {
    if spec.api {
        return ApiError(e).into_response();
    }
    if matches!(e, WebError::Unauthenticated) {
        return Redirect::to("/masuk").into_response();
    }
    e.into_response()
}

/// Form field or query parameter `_csrf`.
fn form_token(body: &[u8]) -> Option<String> {
    std::str::from_utf8(body).ok()?.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == "_csrf").then(|| v.to_string())
    })
}

/// The `_csrf` field of a multipart form (an upload), which the form sends before its file.
async fn multipart_token(content_type: &str, body: axum::body::Bytes) -> Option<String> {
    let boundary = multer::parse_boundary(content_type).ok()?;
    let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(body) });
    let mut form = multer::Multipart::new(stream, boundary);
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some("_csrf") {
            return field.text().await.ok();
        }
    }
    None
}

/// Constant-time comparison of two tokens.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The guard middleware of one route.
pub async fn guard(
    State((state, spec)): State<(AppState, RouteSpec)>,
    mut req: Request,
    next: Next,
) -> Response {
    if spec.permission == Permission::Public && !spec.mutates && spec.name == "static" {
        return next.run(req).await;
    }
    let actor = match authenticate(&state, req.headers()).await {
        Ok(a) => a,
        Err(e) => return deny(&spec, e),
    };
    if spec.permission != Permission::Public {
        let Some(a) = &actor else {
            return deny(&spec, WebError::Unauthenticated);
        };
        if !role_allows(a.role, spec.permission) {
            return deny(&spec, WebError::Forbidden);
        }
    }
    if spec.mutates {
        let expected = match &actor {
            Some(Actor {
                credential: Credential::Session { csrf },
                ..
            }) => Some(csrf.clone()),
            Some(Actor {
                credential: Credential::ApiKey,
                ..
            }) => None,
            None => cookie(req.headers(), PRE_COOKIE).map(str::to_string),
        };
        if let Some(expected) = expected.or_else(|| (actor.is_none()).then(String::new)) {
            let header_token = req
                .headers()
                .get("x-csrf-token")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            // Never from the address: a token in a URL ends up in logs, history and Referer.
            let given = match header_token {
                Some(t) => Some(t),
                None => {
                    let content_type = req
                        .headers()
                        .get(header::CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("")
                        .to_string();
                    let multipart = content_type.starts_with("multipart/form-data");
                    if multipart || content_type.starts_with("application/x-www-form-urlencoded") {
                        // The body is read once here and handed on unchanged.
                        let (parts, body) = req.into_parts();
                        let bytes = match to_bytes(body, state.config.body_limit).await {
                            Ok(b) => b,
                            Err(_) => {
                                return deny(
                                    &spec,
                                    WebError::BadRequest("isi permintaan terlalu besar".into()),
                                );
                            }
                        };
                        let t = if multipart {
                            multipart_token(&content_type, bytes.clone()).await
                        } else {
                            form_token(&bytes)
                        };
                        req = Request::from_parts(parts, Body::from(bytes));
                        t
                    } else {
                        None
                    }
                }
            };
            if expected.is_empty() || !given.is_some_and(|g| same(&g, &expected)) {
                return deny(&spec, WebError::Csrf);
            }
        }
    }
    if let Some(a) = actor {
        req.extensions_mut().insert(a);
    }
    next.run(req).await
}
