//! What can go wrong while answering a request, and how it is shown: a
//! short page in both languages (or a JSON object under `/api`) that says
//! what the reader can do. Internal causes are logged on the server, never
//! sent.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, html};
use thiserror::Error;

/// A failed request.
#[derive(Debug, Error)]
pub enum WebError {
    /// No such page or event (or it is not public).
    #[error("not found")]
    NotFound,
    /// The query string has a value the server cannot use; the message
    /// names the parameter and is safe to show.
    #[error("{0}")]
    BadRequest(String),
    /// The query string is longer than the server accepts.
    #[error("the query string is too long")]
    TooLong,
    /// Something failed on the server; the cause is logged, not shown.
    #[error("internal error")]
    Internal(String),
}

impl From<unrest_store::StoreError> for WebError {
    fn from(e: unrest_store::StoreError) -> Self {
        WebError::Internal(e.to_string())
    }
}

impl WebError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::TooLong => StatusCode::URI_TOO_LONG,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A stable snake_case code for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            WebError::NotFound => "not_found",
            WebError::BadRequest(_) => "bad_request",
            WebError::TooLong => "query_too_long",
            WebError::Internal(_) => "internal_error",
        }
    }

    /// The message shown to people, in (Chinese, English).
    fn message(&self) -> (String, String) {
        match self {
            WebError::NotFound => (
                "没有这个页面，或者这条事件没有公开。".into(),
                "There is no such page, or the event is not public.".into(),
            ),
            WebError::BadRequest(m) => (format!("请求参数有误：{m}"), format!("The request is not valid: {m}")),
            WebError::TooLong => (
                "查询太长，请减少筛选条件。".into(),
                "The query is too long; use fewer filters.".into(),
            ),
            WebError::Internal(_) => (
                "服务器出了问题，请稍后再试。".into(),
                "Something went wrong on the server; please try again later.".into(),
            ),
        }
    }

    fn log(&self) {
        if let WebError::Internal(cause) = self {
            eprintln!("unrest-web: internal error: {cause}");
        }
    }

    /// The error as a JSON response (`{"error": {"code", "message"}}`).
    pub fn into_json(self) -> Response {
        self.log();
        let (_, en) = self.message();
        let body = serde_json::json!({ "error": { "code": self.code(), "message": en } });
        (self.status(), axum::Json(body)).into_response()
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        self.log();
        let (zh, en) = self.message();
        let status = self.status();
        let title = format!("{} {}", status.as_u16(), status.canonical_reason().unwrap_or(""));
        let page = html! {
            (DOCTYPE)
            html lang="zh-Hans" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) " · unrest" }
                    link rel="stylesheet" href=(crate::assets::CSS_PATH);
                }
                body {
                    main.error {
                        h1 { (title) }
                        p { (zh) }
                        p lang="en" { (en) }
                        p { a href="/zh/" { "返回首页" } " · " a href="/en/" lang="en" { "Home" } }
                    }
                }
            }
        };
        (status, page).into_response()
    }
}
