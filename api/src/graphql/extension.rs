//! A schema extension that reports each request's cost and gives every error a stable code.
//!
//! - `extensions.cost` = `{ requestedQueryCost, maxQueryCost, depth, maxDepth }`, as Shopify reports
//!   query cost (`docs/api-conventions.md`, Bounding every request). The cost is async-graphql's complexity, with connection
//!   fields weighted by page size; the depth is counted as `GRAPHQL_MAX_DEPTH` counts it, without
//!   the selections under `__schema` / `__type` (`document::depth`).
//! - Errors raised by parsing or validation (syntax, unknown fields, depth or cost over the limit)
//!   and by argument coercion carry no code of their own; they get `BAD_USER_INPUT`.
//! - A request that failed before execution sets [`RequestRejected`], so the HTTP layer can answer
//!   400 under `application/graphql-response+json`.
//! - A document's text is scanned (`document::scan`: nesting, tokens) in `prepare_request`, before
//!   anything parses it — the automatic-persisted-query extension registered after this one
//!   included. A text longer than [`APQ_MAX_QUERY_BYTES`] runs but is not cached under its hash.
//! - A request marked [`QueriesOnly`] (an HTTP GET) that selects a mutation — also one named only
//!   by a persisted query's hash — is refused and the mark set, so HTTP answers 405.
//! - The persisted-query extension's "PersistedQueryNotFound" gets the code
//!   `PERSISTED_QUERY_NOT_FOUND`, which Apollo Client and others read to send the full text.
//! - Every error that carries a [`Message`] as its source (all of ours: [`localized`], and
//!   `ApiError`'s conversion) gets its text in the request's [`Locale`] when the response is
//!   written — for a query or mutation in `request`, for each event of a subscription in
//!   `subscribe`. Errors of the GraphQL parser and validator (a syntax error, an unknown field)
//!   are async-graphql's, in English, as graphql-js writes them.
//!
//! A query sent as its text is checked here and run by the plain schema, which has no extension
//! (`schema::plain_builder`): the request carries [`CheckOnly`], `execute` stops before running
//! it, and the HTTP handler finishes the plain schema's response with [`finish`] and
//! [`log_refusals`], then adds this response's cost report. Everything else (mutations,
//! subscriptions, persisted queries) runs here whole.

use std::any::TypeId;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextExecute, NextParseQuery, NextPrepareRequest,
    NextRequest, NextResolve, NextSubscribe, NextValidation, ResolveInfo,
};
use async_graphql::parser::types::{ExecutableDocument, OperationType};
use async_graphql::{
    Request, Response, ServerError, ServerResult, ValidationResult, Value, Variables,
};
use futures_util::StreamExt;
use futures_util::stream::BoxStream;

use super::error::ErrorCode;
use crate::i18n::{Locale, Message};
use crate::msg;

/// Set when a request failed to parse or validate, i.e. was never executed.
#[derive(Debug, Default, Clone)]
pub struct RequestRejected(pub Arc<AtomicBool>);

impl RequestRejected {
    /// Whether the request was rejected before execution.
    pub fn get(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// What the access log and the metrics learn of a request as it runs: the name of the operation
/// it ran and its cost. Filled by [`CostAndCodes`]; read by the HTTP layer.
#[derive(Debug, Default, Clone)]
pub struct RequestFacts(Arc<Mutex<Facts>>);

/// See [`RequestFacts`].
#[derive(Debug, Default, Clone)]
pub struct Facts {
    /// The operation's name, as the document names it (none for an anonymous operation).
    pub operation: Option<String>,
    /// Its cost (`extensions.cost.requestedQueryCost`), once validated.
    pub cost: Option<usize>,
}

impl RequestFacts {
    /// What was learnt so far.
    pub fn get(&self) -> Facts {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn update(&self, f: impl FnOnce(&mut Facts)) {
        f(&mut self.0.lock().unwrap_or_else(|p| p.into_inner()));
    }
}

/// Marks a request that may run queries only (an HTTP GET), with the operation it names; set
/// when it selected a mutation.
#[derive(Debug, Clone)]
pub struct QueriesOnly {
    refused: Arc<AtomicBool>,
    operation_name: Option<String>,
}

impl QueriesOnly {
    /// The mark of a request naming `operation_name` (its `operationName`).
    pub fn new(operation_name: Option<String>) -> Self {
        Self {
            refused: Arc::default(),
            operation_name,
        }
    }

    /// Whether the request selected a mutation (and was refused).
    pub fn refused(&self) -> bool {
        self.refused.load(Ordering::Relaxed)
    }
}

/// Longest document text (bytes) cached under its hash for automatic persisted queries; a longer
/// one runs, uncached. With [`APQ_CACHE_ENTRIES`] it bounds the cache's memory.
pub const APQ_MAX_QUERY_BYTES: usize = 16 * 1024;

/// Most documents the automatic-persisted-query cache holds (least recently used dropped first).
pub const APQ_CACHE_ENTRIES: usize = 512;

/// The code Apollo's persisted-query protocol reads on a hash the server does not know.
const PERSISTED_QUERY_NOT_FOUND: &str = "PERSISTED_QUERY_NOT_FOUND";

/// Whether the operation `name` (or the only one) of `doc` is a mutation.
fn selects_mutation(doc: &ExecutableDocument, name: Option<&str>) -> bool {
    doc.operations.iter().any(|(op_name, op)| {
        op.node.ty == OperationType::Mutation
            && match (name, op_name) {
                (Some(wanted), Some(op_name)) => wanted == op_name.as_str(),
                (None, _) => true,
                (Some(_), None) => false,
            }
    })
}

/// Factory of [`CostAndCodes`].
pub struct CostAndCodesFactory {
    /// The schema's complexity limit, reported as `maxQueryCost`.
    pub max_cost: usize,
    /// The schema's depth limit, reported as `maxDepth`.
    pub max_depth: usize,
}

impl ExtensionFactory for CostAndCodesFactory {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(CostAndCodes {
            max_cost: self.max_cost,
            max_depth: self.max_depth,
            measured: Mutex::new(None),
            depth: Mutex::new(None),
            locale: Mutex::new(None),
        })
    }
}

/// The per-request extension; see the module documentation.
pub struct CostAndCodes {
    max_cost: usize,
    max_depth: usize,
    measured: Mutex<Option<(usize, usize)>>,
    /// The document's depth as `GRAPHQL_MAX_DEPTH` counts it (introspection not counted).
    depth: Mutex<Option<usize>>,
    /// The request's language, read from its data in `prepare_request` (the context of the
    /// `request` hook is made before the request's data reach it).
    locale: Mutex<Option<Locale>>,
}

/// Marks the requests of a WebSocket connection (subscriptions), where mutations are refused:
/// writes go over HTTP, inside the request's audit scope.
#[derive(Debug, Clone, Copy)]
pub struct OverWebSocket;

/// An error whose text is `message`, rendered in the request's language when the response is
/// written (the source carries the message; the text set now is the default language's).
pub fn localized(message: Message) -> ServerError {
    let mut error = ServerError::new(message.to_string(), None);
    error.source = Some(Arc::new(message));
    error
}

/// Renders the text of every error whose source is a [`Message`] in `locale`, and of a `Date` or
/// `DateTime` value that did not parse (marked by its `extensions.reason`).
fn localize(errors: &mut [ServerError], locale: Locale) {
    for e in errors {
        if let Some(message) = e.source::<Message>() {
            e.message = message.render(locale);
            continue;
        }
        let reason = e.extensions.as_ref().and_then(|x| x.get("reason"));
        let scalar = match reason {
            Some(Value::String(r)) if r == super::scalar::INVALID_DATE => {
                Some(msg!("scalar-date-invalid"))
            }
            Some(Value::String(r)) if r == super::scalar::INVALID_DATE_TIME => {
                Some(msg!("scalar-date-time-invalid"))
            }
            _ => None,
        };
        if let Some(message) = scalar {
            e.message = message.render(locale);
        }
    }
}

/// Marks a request that [`CostAndCodes`] checks and measures but does not execute: it stops
/// after validation, with the operation's name and cost noted in [`RequestFacts`] and the cost
/// report in its response's `extensions`. The HTTP handler then runs the query in the plain
/// schema (`schema::plain_builder`) and finishes that response with [`finish`].
#[derive(Debug, Clone, Copy)]
pub struct CheckOnly;

/// What the extension does to every response as it is written: each error with a [`Message`]
/// source gets its text in `locale`, Apollo's "PersistedQueryNotFound" gets
/// `PERSISTED_QUERY_NOT_FOUND`, and every error without a code gets `BAD_USER_INPUT` (those of
/// parsing, validation and argument coercion carry none of their own).
pub fn finish(response: &mut Response, locale: Locale) {
    localize(&mut response.errors, locale);
    response.errors = std::mem::take(&mut response.errors)
        .into_iter()
        .map(|mut e| {
            if e.message == "PersistedQueryNotFound" {
                e.extensions
                    .get_or_insert_with(Default::default)
                    .set("code", PERSISTED_QUERY_NOT_FOUND);
            }
            with_code(e, ErrorCode::BadUserInput)
        })
        .collect();
}

/// Logs, at WARN, each error of a query run in the plain schema that refused authorisation:
/// who (account, role, unit), where (`Query.` and the error's path, e.g.
/// `Query.internshipPlacements`), which code — never arguments or personal data. The checked
/// schema logs the same from its per-field hook, as `Parent.field`.
pub fn log_refusals(errors: &[ServerError], actor: Option<&crate::actor::Actor>) {
    for e in errors.iter().filter(|e| refusal(e).is_some()) {
        let path = e
            .path
            .iter()
            .fold(String::from("Query"), |mut text, segment| {
                text.push('.');
                match segment {
                    async_graphql::PathSegment::Field(name) => text.push_str(name),
                    async_graphql::PathSegment::Index(i) => text.push_str(&i.to_string()),
                }
                text
            });
        log_refusal(e, actor, format_args!("{path}"));
    }
}

/// The code of `error` when it refused authorisation: `FORBIDDEN` or `UNAUTHENTICATED`.
fn refusal(error: &ServerError) -> Option<ErrorCode> {
    let code = error.extensions.as_ref().and_then(|x| x.get("code"))?;
    [ErrorCode::Forbidden, ErrorCode::Unauthenticated]
        .into_iter()
        .find(|c| *code == Value::from(c.as_str()))
}

/// Logs `error` at WARN when its code is `FORBIDDEN` or `UNAUTHENTICATED`.
fn log_refusal(
    error: &ServerError,
    actor: Option<&crate::actor::Actor>,
    field: std::fmt::Arguments<'_>,
) {
    if let Some(code) = refusal(error) {
        tracing::warn!(
            account = ?actor.and_then(crate::actor::Actor::account_id),
            role = ?actor.map(crate::actor::Actor::role_name),
            unit = ?actor.and_then(crate::actor::Actor::unit),
            field = %field,
            code = code.as_str(),
            "authorisation refused"
        );
    }
}

fn with_code(mut e: ServerError, code: ErrorCode) -> ServerError {
    let ext = e.extensions.get_or_insert_with(Default::default);
    if ext.get("code").is_none() {
        ext.set("code", code.as_str());
    }
    e
}

fn reject(ctx: &ExtensionContext<'_>) {
    if let Some(flag) = ctx.data_opt::<RequestRejected>() {
        flag.0.store(true, Ordering::Relaxed);
    }
}

#[async_trait::async_trait]
impl Extension for CostAndCodes {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let mut response = next.run(ctx).await;
        let locale = self
            .locale
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .or_else(|| ctx.data_opt::<Locale>().copied())
            .unwrap_or_default();
        finish(&mut response, locale);
        let measured = *self.measured.lock().unwrap_or_else(|p| p.into_inner());
        let counted = *self.depth.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((cost, measured_depth)) = measured {
            let depth = counted.unwrap_or(measured_depth);
            let mut map = async_graphql::indexmap::IndexMap::new();
            map.insert(
                async_graphql::Name::new("requestedQueryCost"),
                Value::from(cost as u64),
            );
            map.insert(
                async_graphql::Name::new("maxQueryCost"),
                Value::from(self.max_cost as u64),
            );
            map.insert(async_graphql::Name::new("depth"), Value::from(depth as u64));
            map.insert(
                async_graphql::Name::new("maxDepth"),
                Value::from(self.max_depth as u64),
            );
            response
                .extensions
                .insert("cost".to_owned(), Value::Object(map));
        }
        response
    }

    /// Scans the document's text before anything parses it (the persisted-query extension, which
    /// runs after this one, included).
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        mut request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        if let Some(locale) = request
            .data
            .get(&TypeId::of::<Locale>())
            .and_then(|d| d.downcast_ref::<Locale>())
        {
            *self.locale.lock().unwrap_or_else(|p| p.into_inner()) = Some(*locale);
        }
        if let Err(refusal) = super::document::scan(&request.query) {
            // The request's data reaches the context only after this step: mark it directly.
            if let Some(flag) = request
                .data
                .get(&TypeId::of::<RequestRejected>())
                .and_then(|d| d.downcast_ref::<RequestRejected>())
            {
                flag.0.store(true, Ordering::Relaxed);
            }
            return Err(with_code(
                localized(refusal.message()),
                ErrorCode::BadUserInput,
            ));
        }
        if request.query.len() > APQ_MAX_QUERY_BYTES {
            // Run it, but do not let one client fill the cache with large documents.
            request.extensions.remove("persistedQuery");
        }
        next.run(ctx, request).await
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await.map_err(|e| {
            reject(ctx);
            with_code(e, ErrorCode::BadUserInput)
        })?;
        if let Some(get) = ctx.data_opt::<QueriesOnly>()
            && selects_mutation(&document, get.operation_name.as_deref())
        {
            get.refused.store(true, Ordering::Relaxed);
            reject(ctx);
            return Err(with_code(
                localized(msg!("http-mutation-needs-post")),
                ErrorCode::BadUserInput,
            ));
        }
        if let Err(message) = super::document::check_shape(&document) {
            reject(ctx);
            return Err(with_code(localized(message), ErrorCode::BadUserInput));
        }
        // GRAPHQL_MAX_DEPTH, introspection apart (the schema's own limit is only a backstop).
        let depth = super::document::depth(&document);
        *self.depth.lock().unwrap_or_else(|p| p.into_inner()) = Some(depth);
        if depth > self.max_depth {
            reject(ctx);
            return Err(with_code(
                localized(msg!("query-too-deep", max = self.max_depth)),
                ErrorCode::BadUserInput,
            ));
        }
        if let Err(violation) = super::document::check_inputs(&document, variables) {
            reject(ctx);
            let mut error = localized(violation.message);
            let ext = error.extensions.get_or_insert_with(Default::default);
            ext.set("code", ErrorCode::BadUserInput.as_str());
            ext.set("reason", crate::text::api_name(&violation.code));
            if let Some(field) = violation.field {
                ext.set("field", field);
            }
            return Err(error);
        }
        Ok(document)
    }

    /// Renders the messages of a subscription's events (and of its refusal) in the connection's
    /// language.
    fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        let locale = ctx.data_opt::<Locale>().copied().unwrap_or_default();
        next.run(ctx, stream)
            .map(move |mut response| {
                localize(&mut response.errors, locale);
                response
            })
            .boxed()
    }

    /// Notes the operation's name for the access log and the metrics.
    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        if let Some(facts) = ctx.data_opt::<RequestFacts>() {
            // A GraphQL name, so already free of spaces and control characters; bounded here.
            let name = operation_name.map(|n| n.chars().take(64).collect());
            facts.update(|f| f.operation = name);
        }
        if ctx.data_opt::<CheckOnly>().is_some() {
            // Checked and measured; the plain schema runs it (`schema::plain_builder`).
            return Response::new(Value::Null);
        }
        next.run(ctx, operation_name).await
    }

    /// Logs every refused authorisation at WARN: who (account, role, unit), which field, which
    /// code — never arguments or personal data.
    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        let (parent, field) = (info.parent_type, info.name);
        if parent == "Mutation" {
            // Writes are audited per operation (`entity::audit`); a WebSocket carries no audit
            // scope, so mutations travel over HTTP only.
            if ctx.data_opt::<OverWebSocket>().is_some() {
                return Err(with_code(
                    localized(msg!("http-ws-mutation-refused")),
                    ErrorCode::BadUserInput,
                ));
            }
            entity::audit::set_operation(field);
        }
        let result = next.run(ctx, info).await;
        if let Err(e) = &result {
            log_refusal(
                e,
                ctx.data_opt::<crate::actor::Actor>(),
                format_args!("{parent}.{field}"),
            );
        }
        result
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        match next.run(ctx).await {
            Ok(result) => {
                *self.measured.lock().unwrap_or_else(|p| p.into_inner()) =
                    Some((result.complexity, result.depth));
                if let Some(facts) = ctx.data_opt::<RequestFacts>() {
                    facts.update(|f| f.cost = Some(result.complexity));
                }
                Ok(result)
            }
            Err(errors) => {
                reject(ctx);
                Err(errors
                    .into_iter()
                    .map(|e| with_code(e, ErrorCode::BadUserInput))
                    .collect())
            }
        }
    }
}
