//! The import templates as .xlsx downloads.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::error_response;
use crate::graphql::error::ErrorCode;

/// `GET /templates/{placements,students}.xlsx`: the import templates (public; no data in them),
/// their notes and instructions in the request's language (`Accept-Language`).
pub(super) async fn template(
    axum::extract::State(state): axum::extract::State<super::AppState>,
    headers: axum::http::HeaderMap,
    axum::extract::Path(name): axum::extract::Path<String>,
) -> Response {
    let (columns, sheet) = match name.as_str() {
        "placements.xlsx" => (crate::spreadsheet::PLACEMENT_COLUMNS, "placements"),
        "students.xlsx" => (crate::spreadsheet::STUDENT_COLUMNS, "students"),
        _ => return (StatusCode::NOT_FOUND, "no such template").into_response(),
    };
    let locale = state.locale(&headers);
    match crate::spreadsheet::template(columns, sheet, locale) {
        Ok(bytes) => xlsx_response(bytes, &name),
        Err(e) => {
            tracing::error!(error = %e, "template could not be written");
            error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                locale,
                &crate::msg!("error-internal"),
            )
        }
    }
}

pub(super) fn xlsx_response(bytes: Vec<u8>, name: &str) -> Response {
    let mut r = (StatusCode::OK, bytes).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}
