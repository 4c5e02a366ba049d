//! Extractors that answer bad input the way the rest of talenta does: in Bahasa Indonesia, as a
//! page for pages and as JSON for the API (axum's own rejections are plain English text).

use axum::extract::rejection::ExtensionRejection;
use axum::extract::{Extension, FromRef, FromRequestParts, Path, Query};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use talenta_app::access::Actor;
use talenta_app::{Ctx, Pooled};

use crate::error::ApiError;
use crate::{AppState, WebError};

/// The `{id}` of a page's path; anything but a number is "not found".
pub struct Id(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = WebError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| WebError::NotFound)?;
        raw.parse().map(Id).map_err(|_| WebError::NotFound)
    }
}

/// The `{id}` of an API path; anything but a number is "not found", as JSON.
pub struct ApiId(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for ApiId {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Id::from_request_parts(parts, state)
            .await
            .map(|Id(i)| ApiId(i))
            .map_err(ApiError)
    }
}

/// API query parameters; a value of the wrong type is refused with its name, as JSON.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(q)| ApiQuery(q))
            .map_err(|e| {
                let detail = e.body_text();
                let detail = detail
                    .strip_prefix("Failed to deserialize query string: ")
                    .unwrap_or(&detail);
                ApiError(WebError::BadRequest(format!(
                    "parameter pencarian tidak sah ({detail})"
                )))
            })
    }
}

/// An API request body in JSON; a body that is not JSON of the expected shape is refused with
/// the reason in Bahasa Indonesia, as JSON (422).
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> axum::extract::FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;
    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| {
                ApiError(WebError::BadRequest(
                    "isi permintaan tidak dapat dibaca".into(),
                ))
            })?;
        if bytes.is_empty() {
            return Err(ApiError(WebError::BadRequest(
                "isi permintaan kosong: kirim JSON".into(),
            )));
        }
        serde_json::from_slice(&bytes).map(ApiJson).map_err(|e| {
            ApiError(WebError::BadRequest(format!(
                "isi permintaan bukan JSON yang sah: {e}"
            )))
        })
    }
}

/// The signed-in party of an API request with the server state: what the API handlers behind a
/// sign-in start from. Extracted like `State(state), Extension(actor)` (the guard has put the
/// actor there), so a request without one is refused as axum refuses a missing extension.
pub struct ApiCaller {
    /// Shared state of the handlers.
    pub state: AppState,
    /// Who asks.
    pub actor: Actor,
}

impl<S> FromRequestParts<S> for ApiCaller
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ExtensionRejection;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Extension(actor) = Extension::<Actor>::from_request_parts(parts, state).await?;
        Ok(ApiCaller {
            state: AppState::from_ref(state),
            actor,
        })
    }
}

impl ApiCaller {
    /// Today, from the configured clock.
    pub fn today(&self) -> NaiveDate {
        self.state.now().date_naive()
    }

    /// Runs `f` on a pooled connection on a blocking thread with the actor and its audit context
    /// (taken now); an error of `f` is answered as JSON.
    pub async fn run<T, E, F>(self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        WebError: From<E>,
        F: FnOnce(&mut Pooled, &Actor, &Ctx) -> Result<T, E> + Send + 'static,
    {
        let ApiCaller { state, actor } = self;
        let ctx = actor.ctx(&state.config.audit_key, state.now());
        Ok(state
            .db(move |db| f(db, &actor, &ctx).map_err(WebError::from))
            .await?)
    }
}

/// An [`ApiCaller`] about one event or selection: the code in the path's `{id}`. Extracted like
/// `State(state), Extension(actor), Path(code)`, each refused as axum refuses it.
pub struct ApiCallerOn {
    /// Who asks, with the server state.
    pub caller: ApiCaller,
    /// The code of the event or selection.
    pub code: String,
}

impl FromRequestParts<AppState> for ApiCallerOn {
    type Rejection = Response;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let caller = ApiCaller::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let Path(code) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(ApiCallerOn { caller, code })
    }
}

impl ApiCallerOn {
    /// Today, from the configured clock.
    pub fn today(&self) -> NaiveDate {
        self.caller.today()
    }

    /// Runs `f` as [`ApiCaller::run`] does, with the code as well.
    pub async fn run<T, E, F>(self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        WebError: From<E>,
        F: FnOnce(&mut Pooled, &Actor, &Ctx, &str) -> Result<T, E> + Send + 'static,
    {
        let ApiCallerOn { caller, code } = self;
        caller
            .run(move |db, actor, ctx| f(db, actor, ctx, &code))
            .await
    }
}
