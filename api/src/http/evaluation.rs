//! A published evaluation round as files (`docs/committees.md`, Exports):
//! `GET /exports/evaluation/{year}/results.xlsx` (bearer token of the secretariat or committee
//! staff) and `GET /reports/evaluation?link=…` (a member's one-page report behind a short-lived
//! signed link from `EvaluationResult.reportLink`).

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use entity::evaluation_round;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::templates::xlsx_response;
use super::{AppState, authenticate, error_response};
use crate::auth::Actor;
use crate::graphql::error::ErrorCode;
use crate::i18n::Locale;
use crate::msg;

/// The subject prefix of a report link.
pub const REPORT_SUBJECT: &str = "evaluation-report";

/// The subject of the link to `unit`'s report in `round`.
pub fn report_subject(round: Uuid, unit: Uuid) -> String {
    format!("{REPORT_SUBJECT}:{round}:{unit}")
}

fn failed(locale: Locale, e: &crate::error::Error) -> Response {
    if let crate::error::Error::Database(e) = e {
        tracing::error!(error = %e, "evaluation export failed");
    }
    error_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        ErrorCode::Internal,
        locale,
        &msg!("error-internal"),
    )
}

fn not_found(locale: Locale) -> Response {
    error_response(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        locale,
        &msg!("http-evaluation-not-published"),
    )
}

/// `GET /exports/evaluation/{year}/results.xlsx`: the published results of the year's round, one
/// sheet per category, one row per member. The secretariat and committee staff (401 without a
/// token, 403 for other roles, 404 before the round is first published).
pub(super) async fn export_results(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(year): Path<i32>,
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
    if !Actor::from(&account).reads_aggregates() {
        return error_response(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            locale,
            &msg!("forbidden-committees-only"),
        );
    }
    let round = match evaluation_round::Entity::find()
        .filter(evaluation_round::Column::Year.eq(year))
        .one(&state.db)
        .await
    {
        Ok(Some(r)) => r,
        Ok(None) => return not_found(locale),
        Err(e) => return failed(locale, &e.into()),
    };
    let report = match crate::committees::load_report(&state.db, round).await {
        Ok(Some(r)) => r,
        Ok(None) => return not_found(locale),
        Err(e) => return failed(locale, &e),
    };
    match crate::committees::results_xlsx(&report) {
        Ok(bytes) => xlsx_response(bytes, &format!("evaluation-{year}.xlsx")),
        Err(e) => {
            tracing::error!(error = %e, "cannot write the results workbook");
            failed(
                locale,
                &crate::error::Error::BadInput(msg!("error-internal")),
            )
        }
    }
}

/// Query of `GET /reports/evaluation`.
#[derive(Debug, serde::Deserialize)]
pub(super) struct ReportQuery {
    /// The signed link token.
    link: String,
}

/// `GET /reports/evaluation?link=…`: a member's one-page report (HTML for A4, Chinese), opened by
/// the signed link `EvaluationResult.reportLink` gave (401 for a bad or expired link, 404 when
/// the member has no result). No store, no referrer: the link is a credential while it lasts.
pub(super) async fn member_report(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<ReportQuery>,
) -> Response {
    let locale = state.locale(&headers);
    let refused = || {
        error_response(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthenticated,
            locale,
            &msg!("http-report-link-invalid"),
        )
    };
    let Ok(subject) = state.tokens.verify_link(&query.link) else {
        return refused();
    };
    let mut parts = subject.split(':');
    let (Some(REPORT_SUBJECT), Some(round), Some(unit), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return refused();
    };
    let (Ok(round), Ok(unit)) = (Uuid::parse_str(round), Uuid::parse_str(unit)) else {
        return refused();
    };
    let round = match evaluation_round::Entity::find_by_id(round)
        .one(&state.db)
        .await
    {
        Ok(Some(r)) => r,
        Ok(None) => return not_found(locale),
        Err(e) => return failed(locale, &e.into()),
    };
    let report = match crate::committees::load_report(&state.db, round).await {
        Ok(Some(r)) => r,
        Ok(None) => return not_found(locale),
        Err(e) => return failed(locale, &e),
    };
    let Some(html) = crate::committees::member_report_html(&report, unit) else {
        return not_found(locale);
    };
    let mut r = (StatusCode::OK, html).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'"),
    );
    r
}
