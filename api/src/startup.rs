//! Building and running the server: `Application::build(config)`, `.port()`,
//! `.run_until_stopped(shutdown)`.

use std::future::Future;
use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use anyhow::Context as _;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, Request, StatusCode};
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower_http::cors::{AllowHeaders, AllowMethods, AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::auth::{LoginLimiter, TokenService};
use crate::config::Config;
use crate::db::{self, StatementCounter};
use crate::events::EventBus;
use crate::graphql::{SchemaLimits, schema};
use crate::http::{AppState, routes};

/// How long a client may take to send a request's headers, and to start the next request on a
/// kept-alive connection.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// The longest a shutdown waits for requests in flight and open WebSockets.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// What a shutdown tells every connection: `token` is cancelled when the server stops, `tasks`
/// tracks connections and WebSockets so the server can wait for them (within
/// [`SHUTDOWN_GRACE`]).
#[derive(Clone, Default)]
pub struct Shutdown {
    /// Cancelled when the server begins to stop.
    pub token: tokio_util::sync::CancellationToken,
    /// Connections and WebSockets still open.
    pub tasks: tokio_util::task::TaskTracker,
}

/// Shortest JWT secret accepted, in bytes.
pub const MIN_SECRET_BYTES: usize = 32;

/// A built server, bound to its address, ready to run.
pub struct Application {
    listener: TcpListener,
    router: Router,
    shutdown: Shutdown,
    db: DatabaseConnection,
    statements: StatementCounter,
    tokens: TokenService,
}

/// Purges the audit trail of events older than `days` once a day (`AUDIT_RETENTION_DAYS`),
/// until shutdown; a failure is logged and tried again the next day.
fn spawn_daily_purge(db: DatabaseConnection, days: u32, shutdown: &Shutdown) {
    let token = shutdown.token.clone();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                () = token.cancelled() => break,
                () = tokio::time::sleep(Duration::from_secs(86_400)) => {}
            }
            match crate::audit::purge(&db, days).await {
                Ok(purged) => tracing::info!(purged, retention_days = days, "audit trail purged"),
                Err(e) => tracing::error!(error = %e, "cannot purge the audit trail"),
            }
        }
    });
}

impl Application {
    /// Connects to the database, applies migrations, loads the seeds, builds the schema and binds
    /// the listener (port 0 picks a free port).
    ///
    /// # Errors
    /// The database cannot be reached or prepared, the JWT secret cannot be read or made, the
    /// address cannot be bound.
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        if config.metrics {
            // Installs the process's recorder before anything is recorded.
            crate::metrics::handle();
        }
        let secret = jwt_secret(&config)?;
        let tokens = TokenService::new(
            &secret,
            &config.jwt_issuer,
            &config.jwt_audience,
            config.token_ttl_seconds,
        );
        let (db, statements) = db::connect(&config.database_url(), config.db_max_connections)
            .await
            .context("connecting to the database")?;
        let report = db::prepare(&db)
            .await
            .context("migrating and seeding the database")?;
        tracing::info!(
            alliances = report.alliances,
            committees = report.committees,
            member_units = report.member_units,
            "database ready (rows inserted by seeding)"
        );
        let purged = crate::audit::purge(&db, config.audit_retention_days)
            .await
            .context("purging the audit trail")?;
        tracing::info!(
            purged,
            retention_days = config.audit_retention_days,
            "audit trail purged"
        );
        let caches = crate::row_cache::Caches::new(&db);
        let bus = EventBus::start(&db, &caches)
            .await
            .context("listening for change events")?;
        let limits = SchemaLimits {
            max_depth: config.graphql_max_depth,
            max_complexity: config.graphql_max_complexity,
            introspection: config.introspection_enabled(),
        };
        let limiter = LoginLimiter::new(config.login_attempts_per_minute);
        // The same data in both schemas: the plain one runs the queries the checked one checked.
        let with_data = |builder: async_graphql::SchemaBuilder<_, _, _>| {
            builder
                .data(db.clone())
                .data(tokens.clone())
                .data(limiter.clone())
                .data(bus.clone())
                .data(caches.clone())
                .data(config.default_locale)
                .finish()
        };
        let schema = with_data(schema::builder(limits));
        let plain = with_data(schema::plain_builder(limits));
        let shutdown = Shutdown::default();
        spawn_daily_purge(db.clone(), config.audit_retention_days, &shutdown);
        let state = AppState {
            shutdown: shutdown.clone(),
            sockets: Default::default(),
            schema,
            plain,
            db: db.clone(),
            tokens: tokens.clone(),
            graphiql: config.graphiql_enabled(),
            metrics: config.metrics,
            statements: statements.clone(),
            body_limit: config.body_limit_bytes,
            upload_limit: config.upload_limit_bytes,
            default_locale: config.default_locale,
            caches,
            reads: crate::read_records::ReadRecorder::start(db.clone()),
            documents: Default::default(),
        };
        let router = with_middleware(routes(state), &config)?;
        let listener = TcpListener::bind(config.bind_addr)
            .await
            .with_context(|| format!("binding {}", config.bind_addr))?;
        Ok(Self {
            listener,
            router,
            shutdown,
            db,
            statements,
            tokens,
        })
    }

    /// The bound address.
    ///
    /// # Errors
    /// Only if the OS cannot tell.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The bound port (0 if the OS cannot tell).
    pub fn port(&self) -> u16 {
        self.local_addr().map_or(0, |a| a.port())
    }

    /// The database pool (tests use it to arrange fixtures).
    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// The statement counter of the pool (tests assert statement budgets with it).
    pub fn statements(&self) -> StatementCounter {
        self.statements.clone()
    }

    /// The token service (tests forge tokens with other keys, audiences or expiry to check they
    /// are refused).
    pub fn tokens(&self) -> &TokenService {
        &self.tokens
    }

    /// Serves until `shutdown` completes, then stops accepting, lets the requests in flight finish
    /// (their responses carry `Connection: close`), closes WebSockets with code 1001 (going away)
    /// and returns — after at most [`SHUTDOWN_GRACE`], whatever the clients do.
    ///
    /// Each connection must send its request headers within [`HEADER_READ_TIMEOUT`] (also the
    /// idle time allowed between requests on a kept-alive connection); a client that sends
    /// partial headers (slowloris) is dropped then.
    ///
    /// # Errors
    /// None today: accept errors are logged and retried.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        use axum::extract::ConnectInfo;
        use hyper::server::conn::http1;
        use hyper_util::rt::{TokioIo, TokioTimer};
        use hyper_util::service::TowerToHyperService;
        use tower::ServiceExt as _;

        let Self {
            listener,
            router,
            shutdown: stop,
            ..
        } = self;
        let mut http = http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(HEADER_READ_TIMEOUT);
        let mut signal = std::pin::pin!(shutdown);
        loop {
            let (tcp, addr) = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok(c) => c,
                    Err(e) => {
                        use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
                        if !matches!(e.kind(), ConnectionRefused | ConnectionAborted | ConnectionReset) {
                            // Out of file descriptors, say: wait rather than spin.
                            tracing::error!(error = %e, "accept failed");
                            tokio::time::sleep(Duration::from_secs(1)).await;
                        }
                        continue;
                    }
                },
                () = &mut signal => break,
            };
            let service =
                router
                    .clone()
                    .map_request(move |mut request: Request<hyper::body::Incoming>| {
                        request.extensions_mut().insert(ConnectInfo(addr));
                        request
                    });
            let connection = http
                .serve_connection(TokioIo::new(tcp), TowerToHyperService::new(service))
                .with_upgrades();
            let token = stop.token.clone();
            stop.tasks.spawn(async move {
                let mut connection = std::pin::pin!(connection);
                let ended = tokio::select! {
                    r = connection.as_mut() => r,
                    () = token.cancelled() => {
                        connection.as_mut().graceful_shutdown();
                        connection.await
                    }
                };
                if let Err(e) = ended {
                    tracing::debug!(error = %e, "connection ended with an error");
                }
            });
        }
        drop(listener);
        stop.token.cancel();
        stop.tasks.close();
        if tokio::time::timeout(SHUTDOWN_GRACE, stop.tasks.wait())
            .await
            .is_err()
        {
            tracing::warn!(
                connections = stop.tasks.len(),
                "shutdown grace expired; dropping the remaining connections"
            );
        }
        Ok(())
    }
}

fn request_span(request: &Request<axum::body::Body>) -> tracing::Span {
    // The path only: query strings may carry variables with personal data.
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    let span = tracing::info_span!(
        "request",
        otel.name = %format_args!("{} {}", request.method(), request.uri().path()),
        otel.kind = "server",
        method = %request.method(),
        path = %request.uri().path(),
        request_id = %request_id,
        graphql.operation.name = tracing::field::Empty,
    );
    crate::telemetry::continue_trace(&span, request.headers());
    span
}

/// Wraps the routes in request id, tracing, timeout, body limit and CORS (outermost first).
fn with_middleware(router: Router, config: &Config) -> anyhow::Result<Router> {
    let origins = config
        .cors_allowed_origins
        .iter()
        .map(|o| o.trim())
        .filter(|o| !o.is_empty())
        .map(|o| {
            HeaderValue::from_str(o).with_context(|| format!("CORS origin {o:?} is not valid"))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods(AllowMethods::list([
            axum::http::Method::GET,
            axum::http::Method::POST,
        ]))
        .allow_headers(AllowHeaders::list([
            axum::http::header::AUTHORIZATION,
            axum::http::header::CONTENT_TYPE,
            axum::http::header::ACCEPT,
            axum::http::header::ACCEPT_LANGUAGE,
            axum::http::HeaderName::from_static("traceparent"),
            axum::http::HeaderName::from_static("tracestate"),
        ]));
    Ok(router.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
            .layer(TraceLayer::new_for_http().make_span_with(request_span))
            .layer(PropagateRequestIdLayer::x_request_id())
            .layer(axum::middleware::from_fn(crate::http::access_log))
            // The outer bound is the upload limit; JSON bodies are held to BODY_LIMIT_BYTES by the
            // handler.
            .layer(RequestBodyLimitLayer::new(
                config.upload_limit_bytes.max(config.body_limit_bytes),
            ))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                Duration::from_secs(config.request_timeout_seconds),
            ))
            .layer(DefaultBodyLimit::max(
                config.upload_limit_bytes.max(config.body_limit_bytes),
            ))
            .layer(cors),
    ))
}

/// The JWT key: `JWT_SECRET`, else `<DATA_DIR>/jwt-secret`, generated (64 random bytes, hex, mode
/// 0600) on first start.
fn jwt_secret(config: &Config) -> anyhow::Result<Vec<u8>> {
    if let Some(secret) = &config.jwt_secret {
        anyhow::ensure!(
            secret.0.len() >= MIN_SECRET_BYTES,
            "JWT_SECRET must have at least {MIN_SECRET_BYTES} bytes"
        );
        return Ok(secret.0.as_bytes().to_vec());
    }
    let path = config.data_dir.join("jwt-secret");
    if path.exists() {
        let secret = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let secret = secret.trim();
        anyhow::ensure!(
            secret.len() >= MIN_SECRET_BYTES,
            "{} must hold at least {MIN_SECRET_BYTES} bytes",
            path.display()
        );
        return Ok(secret.as_bytes().to_vec());
    }
    let secret = generate_secret();
    write_private(&path, &secret)?;
    tracing::info!(path = %path.display(), "generated a JWT secret");
    Ok(secret.into_bytes())
}

fn generate_secret() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 64];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn write_private(path: &Path, contents: &str) -> anyhow::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(contents.as_bytes())?;
    Ok(())
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
