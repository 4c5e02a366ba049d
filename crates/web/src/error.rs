//! Errors of a request, answered as a page in Bahasa Indonesia or as JSON under `/api/`.
//! Database details are logged by code only, never shown.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// What went wrong with a request.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// Not logged in.
    #[error("silakan masuk terlebih dahulu")]
    Unauthenticated,
    /// Logged in but not allowed.
    #[error("Anda tidak berhak membuka halaman ini")]
    Forbidden,
    /// No such thing (in this tenant).
    #[error("data tidak ditemukan")]
    NotFound,
    /// A request the user can fix.
    #[error("{0}")]
    BadRequest(String),
    /// The CSRF token was missing or wrong.
    #[error("formulir kedaluwarsa atau tidak sah; muat ulang halaman lalu coba lagi")]
    Csrf,
    /// Too busy right now (no database connection free in time, a lock held too long):
    /// 503 with `Retry-After`, so a client knows to try again and nothing was changed.
    #[error("server sedang sibuk; tidak ada yang diubah, coba lagi sebentar lagi")]
    Busy,
    /// Something on our side.
    #[error("terjadi kesalahan pada server ({0})")]
    Internal(String),
}

/// A storage failure: busy (try again) or our fault.
fn stored(e: talenta_app::StoreError) -> WebError {
    if e.is_busy() {
        WebError::Busy
    } else {
        WebError::Internal(e.code().to_string())
    }
}

impl From<talenta_app::StoreError> for WebError {
    fn from(e: talenta_app::StoreError) -> Self {
        stored(e)
    }
}

impl From<talenta_app::AppError> for WebError {
    fn from(e: talenta_app::AppError) -> Self {
        use talenta_app::AppError::*;
        match e {
            UnknownEmployee(_) | UnknownPosition(_) | UnknownTenant(_) => WebError::NotFound,
            Refused(ref r) if r.is_not_found() => WebError::NotFound,
            Store(s) => stored(s),
            // A document that could not be written is our fault: 500, the details in the log.
            Export(x) => {
                eprintln!("talenta-web: export.failed: {x}");
                WebError::Internal("export.failed".into())
            }
            Fault(f) => {
                eprintln!("talenta-web: fault: {f}");
                WebError::Internal("fault".into())
            }
            Forbidden => WebError::Forbidden,
            // Error pages are in Bahasa Indonesia; forms that re-show a refusal use the
            // page's language through `crate::i18n::app_error`.
            other => WebError::BadRequest(crate::i18n::app_error(&other, crate::i18n::Lang::Id)),
        }
    }
}

impl WebError {
    /// HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::Unauthenticated => StatusCode::UNAUTHORIZED,
            WebError::Forbidden | WebError::Csrf => StatusCode::FORBIDDEN,
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            WebError::Unauthenticated => "auth.required",
            WebError::Forbidden => "auth.forbidden",
            WebError::NotFound => "not_found",
            WebError::BadRequest(_) => "input.invalid",
            WebError::Csrf => "auth.csrf",
            WebError::Busy => "busy",
            WebError::Internal(_) => "internal",
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if let WebError::Internal(code) = &self {
            eprintln!("talenta-web: internal error {code}");
        }
        // Pages get a page; the API gets JSON (decided by the guard, which wraps API errors).
        let body = crate::pages::error_page(&self);
        let mut r = (self.status(), body).into_response();
        busy_retry(&self, &mut r);
        r
    }
}

/// A busy answer says when to try again.
fn busy_retry(e: &WebError, r: &mut Response) {
    if matches!(e, WebError::Busy) {
        r.headers_mut().insert(
            axum::http::header::RETRY_AFTER,
            axum::http::HeaderValue::from_static("1"),
        );
    }
}

/// An error answered as JSON, for the API.
pub struct ApiError(pub WebError);

impl From<WebError> for ApiError {
    fn from(e: WebError) -> Self {
        ApiError(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": { "code": self.0.code(), "message": self.0.to_string() } });
        let mut r = (self.0.status(), axum::Json(body)).into_response();
        busy_retry(&self.0, &mut r);
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_store_is_503_with_retry_after_and_says_nothing_was_changed() {
        let e = WebError::from(talenta_app::AppError::Store(talenta_app::StoreError::Busy(
            "no connection free in 10 s".into(),
        )));
        assert_eq!(e.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(e.code(), "busy");
        let r = ApiError(e).into_response();
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(r.headers()[axum::http::header::RETRY_AFTER], "1");
        let other = WebError::from(talenta_app::StoreError::Decode("x".into()));
        assert_eq!(other.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn a_document_that_cannot_be_written_is_a_server_error_in_bahasa_indonesia() {
        let e = WebError::from(talenta_app::AppError::Export(
            talenta_export::ExportError::MissingDate,
        ));
        assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            e.to_string(),
            "terjadi kesalahan pada server (export.failed)"
        );
    }
}
