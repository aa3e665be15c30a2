//! Logging and tracing: `tracing` to stdout, as text or JSON (`LOG_FORMAT`), filtered by
//! `RUST_LOG`; and, when `OTEL_EXPORTER_OTLP_ENDPOINT` is set, every request's span exported to an
//! OpenTelemetry collector over OTLP/HTTP (protobuf, `<endpoint>/v1/traces`).
//!
//! - A request carrying a W3C `traceparent` header (Trace Context, Level 1) continues that trace:
//!   its span is the remote span's child, so a front end's or a gateway's trace goes on through
//!   the API. The header is read whether or not export is on, and never trusted for anything else.
//! - A request's span is named `<METHOD> <path>` (kind SERVER) with the method, the path (never
//!   the query string), the request id and, for GraphQL, the operation's name — never variables,
//!   tokens or personal data, the same rule as the log's.
//! - The service is named by `OTEL_SERVICE_NAME` (default `weihai-alliance-api`); spans leave in
//!   batches from a background thread, and the rest is sent when the process stops.
//!
//! Nothing logs secrets or personal data: tokens, passwords, contact details and students' data
//! are never fields of a log event or a span.

use std::io::IsTerminal;

use anyhow::Context as _;
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_otlp::WithExportConfig as _;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_subscriber::{EnvFilter, Layer, fmt, prelude::*};

use crate::config::LogFormat;

/// The service name spans carry when `OTEL_SERVICE_NAME` is not set.
pub const SERVICE_NAME: &str = "weihai-alliance-api";

/// What [`init`] set up; dropping it sends the spans not yet exported and stops the exporter.
#[must_use = "dropping it at once stops the trace export"]
pub struct Telemetry {
    provider: Option<SdkTracerProvider>,
}

impl Telemetry {
    /// Whether spans are exported.
    pub fn exporting(&self) -> bool {
        self.provider.is_some()
    }

    /// Sends the spans not yet exported and stops the exporter (blocking: call it from a thread
    /// that may block, e.g. `spawn_blocking`).
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if let Some(provider) = self.provider.take()
            && let Err(e) = provider.shutdown()
        {
            eprintln!("trace export did not stop cleanly: {e}");
        }
    }
}

impl Drop for Telemetry {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Installs the global subscriber (and the W3C trace-context propagator), with an OTLP span
/// exporter when `otlp_endpoint` (the collector's base URL, e.g. `http://127.0.0.1:4318`) is
/// given. Safe to call more than once (later calls install nothing).
///
/// # Errors
/// An endpoint the exporter cannot use (not a URL).
pub fn init(format: LogFormat, otlp_endpoint: Option<&str>) -> anyhow::Result<Telemetry> {
    opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let provider = otlp_endpoint
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(exporter)
        .transpose()?;
    let otel = provider.as_ref().map(|p| {
        tracing_opentelemetry::layer()
            .with_tracer(p.tracer("weihai-alliance-api"))
            .boxed()
    });
    // Colours only on a terminal: a file or a log collector gets plain text.
    let ansi = std::io::stdout().is_terminal();
    let output = match format {
        LogFormat::Text => fmt::layer().with_target(false).with_ansi(ansi).boxed(),
        LogFormat::Json => fmt::layer()
            .json()
            .flatten_event(true)
            .with_ansi(false)
            .boxed(),
    };
    let installed = tracing_subscriber::registry()
        .with(filter)
        .with(output)
        .with(otel)
        .try_init()
        .is_ok();
    Ok(Telemetry {
        provider: provider.filter(|_| installed),
    })
}

/// A tracer provider that exports to `<endpoint>/v1/traces` in batches.
fn exporter(endpoint: &str) -> anyhow::Result<SdkTracerProvider> {
    let url = format!("{}/v1/traces", endpoint.trim_end_matches('/'));
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .with_endpoint(url.clone())
        .build()
        .with_context(|| format!("OTEL_EXPORTER_OTLP_ENDPOINT: cannot export to {url}"))?;
    let mut resource = opentelemetry_sdk::Resource::builder();
    if std::env::var_os("OTEL_SERVICE_NAME").is_none() {
        resource = resource.with_service_name(SERVICE_NAME);
    }
    Ok(SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(resource.build())
        .build())
}

/// Makes the span of `request` the child of the remote span its `traceparent` header names, if
/// any (a malformed header is ignored: the request starts a trace of its own).
pub fn continue_trace(span: &tracing::Span, headers: &axum::http::HeaderMap) {
    use tracing_opentelemetry::OpenTelemetrySpanExt as _;
    let parent = opentelemetry::global::get_text_map_propagator(|p| {
        p.extract(&opentelemetry_http::HeaderExtractor(headers))
    });
    let _ = span.set_parent(parent);
}
