//! Extractors that answer bad input the way the rest of talenta does: in Bahasa Indonesia, as a
//! page for pages and as JSON for the API (axum's own rejections are plain English text).

use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::WebError;
use crate::error::ApiError;

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
