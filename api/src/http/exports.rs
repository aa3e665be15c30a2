//! Exports in the import layout (`GET /exports/placements.xlsx`), scoped like the queries.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::AppState;
use super::authenticate;
use super::error_response;
use super::templates::xlsx_response;
use crate::auth::Actor;
use crate::graphql::error::ErrorCode;
use crate::msg;

/// Filters of `GET /exports/placements.xlsx`, as query parameters (the same as the query's).
#[derive(Debug, serde::Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub(super) struct ExportParams {
    /// Comma-separated statuses.
    statuses: Option<String>,
    /// Start year.
    start_year: Option<i32>,
    /// Substring of host name or post.
    search: Option<String>,
}

/// `GET /exports/placements.xlsx`: the placements the bearer may read (as `internshipPlacements`),
/// in the import template's layout.
pub(super) async fn export_placements(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Query(params): axum::extract::Query<ExportParams>,
) -> Response {
    let locale = state.locale(&headers);
    let account = match authenticate(&state, &headers).await {
        Ok(Some(a)) => a,
        Ok(None) => {
            return error_response(
                StatusCode::UNAUTHORIZED,
                ErrorCode::Unauthenticated,
                locale,
                &msg!("http-export-token-required"),
            );
        }
        Err(r) => return r,
    };
    let actor = Actor::from(&account);
    let statuses: Option<Vec<entity::enums::PlacementStatus>> = match params.statuses.as_deref() {
        None | Some("") => None,
        Some(list) => {
            let parsed: Result<Vec<_>, _> = list
                .split(',')
                .map(|s| {
                    serde_json::from_value(serde_json::Value::String(s.trim().to_ascii_uppercase()))
                })
                .collect();
            match parsed {
                Ok(v) => Some(v),
                Err(_) => {
                    return error_response(
                        StatusCode::BAD_REQUEST,
                        ErrorCode::BadUserInput,
                        locale,
                        &msg!("http-export-unknown-status"),
                    );
                }
            }
        }
    };
    let filter = crate::placement::PlacementFilter {
        statuses,
        start_year: params.start_year,
        search: params.search,
        ..Default::default()
    };
    let rows = match crate::placement::export_rows(&actor, &state.db, &filter).await {
        Ok(rows) => rows,
        Err(crate::error::Error::BadInput(message)) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                locale,
                &message,
            );
        }
        Err(e) => {
            if let crate::error::Error::Database(e) = &e {
                tracing::error!(error = %e, "export query failed");
            }
            return error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                locale,
                &msg!("error-internal"),
            );
        }
    };
    // The file names students: a reader other than their school is recorded (docs/audit.md).
    let read: Vec<(uuid::Uuid, uuid::Uuid)> = rows
        .iter()
        .filter(|r| actor.unit() != Some(r.placement.school_id))
        .map(|r| (r.placement.student_id, r.placement.school_id))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let audit = entity::audit::AuditContext::new(
        entity::enums::AuditSource::Api,
        "GET /exports/placements.xlsx",
    )
    .by(actor.account_id(), actor.unit());
    if !state.reads.record(audit, read).await {
        return error_response(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Unavailable,
            locale,
            &msg!("error-unavailable"),
        );
    }
    match crate::spreadsheet::export_placements(&rows) {
        Ok(bytes) => xlsx_response(bytes, "placements.xlsx"),
        Err(e) => {
            tracing::error!(error = %e, "export could not be written");
            error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                locale,
                &msg!("error-internal"),
            )
        }
    }
}
