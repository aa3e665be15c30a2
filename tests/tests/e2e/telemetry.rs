//! OpenTelemetry: with `OTEL_EXPORTER_OTLP_ENDPOINT` set, `api serve` exports each request's span
//! over OTLP/HTTP, as the child of the caller's W3C `traceparent`, and sends what is left when it
//! stops. A real collector endpoint (an HTTP server in the test) receives and decodes the spans.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use opentelemetry_proto::tonic::collector::trace::v1::ExportTraceServiceRequest;
use opentelemetry_proto::tonic::common::v1::any_value::Value as AnyValue;
use opentelemetry_proto::tonic::trace::v1::Span;
use opentelemetry_proto::tonic::trace::v1::span::SpanKind;
use prost::Message as _;

use crate::fixtures::{api_command, graphql_address};

const TRACE_ID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_ID: &str = "00f067aa0ba902b7";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn attribute(span: &Span, key: &str) -> Option<String> {
    span.attributes
        .iter()
        .find(|a| a.key == key)
        .and_then(|a| a.value.as_ref()?.value.as_ref())
        .map(|v| match v {
            AnyValue::StringValue(s) => s.clone(),
            other => format!("{other:?}"),
        })
}

#[test]
fn request_spans_are_exported_as_children_of_the_callers_traceparent() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    // The collector: OTLP/HTTP's traces endpoint, keeping every body it receives.
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let collector = listener.local_addr().unwrap();
    let app = axum::Router::new().route(
        "/v1/traces",
        axum::routing::post(move |body: axum::body::Bytes| {
            let tx = tx.clone();
            async move {
                let _ = tx.send(body.to_vec());
                ""
            }
        }),
    );
    rt.spawn(async move { axum::serve(listener, app).await });

    let dir = tempfile::tempdir().unwrap();
    let mut child = api_command()
        .arg("serve")
        .env("DATA_DIR", dir.path())
        .env("BIND_ADDR", "127.0.0.1:0")
        .env("OTEL_EXPORTER_OTLP_ENDPOINT", format!("http://{collector}"))
        .env("OTEL_SERVICE_NAME", "alliance-under-test")
        .env_remove("DATABASE_URL")
        .env_remove("JWT_SECRET")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start api serve");
    let (url, _output) = graphql_address(child.stdout.take().unwrap());
    let body: serde_json::Value = rt.block_on(async {
        reqwest::Client::new()
            .post(&url)
            .header("traceparent", format!("00-{TRACE_ID}-{PARENT_ID}-01"))
            .json(&serde_json::json!({
                "query": "query Members($n: Int) { memberUnits(first: $n) { totalCount } }",
                "variables": { "n": 1 },
            }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    });
    assert_eq!(body["data"]["memberUnits"]["totalCount"], 177, "{body}");

    // Stopping sends the spans still waiting for their batch.
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        assert!(
            Instant::now() < deadline,
            "serve did not stop after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let mut exported = Vec::new();
    while let Ok(body) = rx.recv_timeout(Duration::from_secs(2)) {
        let request = ExportTraceServiceRequest::decode(body.as_slice()).expect("OTLP protobuf");
        for resource in request.resource_spans {
            let service = resource
                .resource
                .iter()
                .flat_map(|r| &r.attributes)
                .find(|a| a.key == "service.name")
                .and_then(|a| a.value.as_ref()?.value.clone());
            for scope in resource.scope_spans {
                for span in scope.spans {
                    exported.push((service.clone(), span));
                }
            }
        }
    }
    let (service, span) = exported
        .iter()
        .find(|(_, s)| s.name == "POST /graphql")
        .unwrap_or_else(|| {
            panic!(
                "no POST /graphql span among {:?}",
                exported.iter().map(|(_, s)| &s.name).collect::<Vec<_>>()
            )
        });
    assert_eq!(
        service,
        &Some(AnyValue::StringValue("alliance-under-test".into()))
    );
    assert_eq!(hex(&span.trace_id), TRACE_ID, "the caller's trace goes on");
    assert_eq!(
        hex(&span.parent_span_id),
        PARENT_ID,
        "the caller's span is the parent"
    );
    assert_eq!(span.kind, SpanKind::Server as i32);
    assert_eq!(
        attribute(span, "graphql.operation.name").as_deref(),
        Some("Members")
    );
    assert_eq!(attribute(span, "path").as_deref(), Some("/graphql"));
    // Never the document or its variables.
    for a in &span.attributes {
        let value = format!("{:?}", a.value);
        assert!(
            !value.contains("memberUnits") && !value.contains("\"n\""),
            "{a:?}"
        );
    }
}
