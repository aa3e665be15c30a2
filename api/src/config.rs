//! Typed configuration: every setting comes from an environment variable or the matching flag.
//!
//! | variable | flag | default | meaning |
//! |---|---|---|---|
//! | `DATABASE_URL` | `--database-url` | `sqlite://<DATA_DIR>/alliance.db?mode=rwc` | `sqlite://…` or `postgres://…` |
//! | `DATA_DIR` | `--data-dir` | `data` | where the SQLite file and the generated JWT secret live |
//! | `BIND_ADDR` | `--bind-addr` | `127.0.0.1:8080` | address the server listens on (port 0: any free port) |
//! | `JWT_SECRET` | — | generated once into `<DATA_DIR>/jwt-secret` (mode 0600) | HS256 key, ≥ 32 bytes; set it on every instance behind a load balancer |
//! | `JWT_ISSUER` | `--jwt-issuer` | `weihai-alliance-api` | `iss` claim set and checked |
//! | `JWT_AUDIENCE` | `--jwt-audience` | `weihai-alliance-api` | `aud` claim set and checked |
//! | `TOKEN_TTL_SECONDS` | `--token-ttl-seconds` | `28800` (8 h) | access-token lifetime |
//! | `LOG_FORMAT` | `--log-format` | `text` | `text` or `json` |
//! | `CORS_ALLOWED_ORIGINS` | `--cors-allowed-origins` | empty (no cross-origin access) | comma-separated origins |
//! | `GRAPHIQL` | `--graphiql` | on for a loopback bind, else off | serve GraphiQL at `GET /graphql` |
//! | `INTROSPECTION` | `--introspection` | on for a loopback bind, else off | allow `__schema`; off also disables suggestions |
//! | `REQUEST_TIMEOUT_SECONDS` | `--request-timeout-seconds` | `30` | whole-request timeout (HTTP 408) |
//! | `BODY_LIMIT_BYTES` | `--body-limit-bytes` | `1048576` | largest request body (HTTP 413) |
//! | `UPLOAD_LIMIT_BYTES` | `--upload-limit-bytes` | `67108864` (64 MiB) | largest uploaded import file (HTTP 413 / `BAD_USER_INPUT`) |
//! | `GRAPHQL_MAX_DEPTH` | `--graphql-max-depth` | `12` | deepest selection allowed, introspection not counted |
//! | `GRAPHQL_MAX_COMPLEXITY` | `--graphql-max-complexity` | `50000` | highest query cost allowed (see `extensions.cost`) |
//! | `LOGIN_ATTEMPTS_PER_MINUTE` | `--login-attempts-per-minute` | `10` | password attempts per e-mail address and minute, per instance (`THROTTLED` beyond) |
//! | `DB_MAX_CONNECTIONS` | `--db-max-connections` | `10` | connection-pool size |
//! | `METRICS` | `--metrics` | `true` | serve Prometheus metrics at `GET /metrics` (restrict it to the monitoring network at the load balancer) |
//! | `DEFAULT_LOCALE` | `--default-locale` | `zh-CN` | language of messages when a request's `Accept-Language` names neither `zh-CN` nor `en` |
//! | `OTEL_EXPORTER_OTLP_ENDPOINT` | `--otlp-endpoint` | unset (no export) | OpenTelemetry collector base URL (e.g. `http://127.0.0.1:4318`); request spans go to `<it>/v1/traces` over OTLP/HTTP |
//! | `OTEL_SERVICE_NAME` | — | `weihai-alliance-api` | service name on exported spans |
//! | `AUDIT_RETENTION_DAYS` | `--audit-retention-days` | `3650` (10 years) | audit events older than this are deleted, at start and daily (≥ 1) |
//! | `RUST_LOG` | — | `info` | log filter (tracing-subscriber `EnvFilter`) |

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line.
    Json,
}

/// A secret string whose `Debug` output is redacted, so it never reaches a log.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(**redacted**)")
    }
}

/// Every setting of the server. See the module documentation for the table of variables.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Database URL: `sqlite://path?mode=rwc` or `postgres://user@host/db`.
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Directory for the SQLite file and the generated JWT secret.
    #[arg(long, env = "DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,
    /// Address to listen on.
    #[arg(
        long,
        env = "BIND_ADDR",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    pub bind_addr: SocketAddr,
    /// HS256 signing key (≥ 32 bytes). Read from the environment only, never a flag.
    #[arg(skip)]
    pub jwt_secret: Option<Secret>,
    /// `iss` claim.
    #[arg(
        long,
        env = "JWT_ISSUER",
        default_value = "weihai-alliance-api",
        global = true
    )]
    pub jwt_issuer: String,
    /// `aud` claim.
    #[arg(
        long,
        env = "JWT_AUDIENCE",
        default_value = "weihai-alliance-api",
        global = true
    )]
    pub jwt_audience: String,
    /// Access-token lifetime in seconds.
    #[arg(
        long,
        env = "TOKEN_TTL_SECONDS",
        default_value_t = 28_800,
        global = true
    )]
    pub token_ttl_seconds: u64,
    /// `text` or `json`.
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
    /// Comma-separated origins allowed by CORS; empty allows none.
    #[arg(
        long,
        env = "CORS_ALLOWED_ORIGINS",
        value_delimiter = ',',
        global = true
    )]
    pub cors_allowed_origins: Vec<String>,
    /// Serve GraphiQL at `GET /graphql` (default: only for a loopback bind).
    #[arg(long, env = "GRAPHIQL", global = true)]
    pub graphiql: Option<bool>,
    /// Allow introspection (default: only for a loopback bind).
    #[arg(long, env = "INTROSPECTION", global = true)]
    pub introspection: Option<bool>,
    /// Language of messages (errors, labels) when a request's `Accept-Language` names neither
    /// Chinese nor English: `zh-CN` (the alliance's default) or `en`.
    #[arg(long, env = "DEFAULT_LOCALE", default_value = "zh-CN", global = true)]
    pub default_locale: crate::i18n::Locale,
    /// OpenTelemetry collector to export request spans to (OTLP over HTTP, protobuf), as its base
    /// URL: spans go to `<endpoint>/v1/traces`, each request's the child of the caller's
    /// `traceparent`. Unset: no export.
    #[arg(
        long = "otlp-endpoint",
        env = "OTEL_EXPORTER_OTLP_ENDPOINT",
        global = true
    )]
    pub otlp_endpoint: Option<String>,
    /// Serve Prometheus metrics at `GET /metrics`.
    #[arg(long, env = "METRICS", default_value_t = true, action = clap::ArgAction::Set, global = true)]
    pub metrics: bool,
    /// Whole-request timeout in seconds.
    #[arg(
        long,
        env = "REQUEST_TIMEOUT_SECONDS",
        default_value_t = 30,
        global = true
    )]
    pub request_timeout_seconds: u64,
    /// Largest request body in bytes.
    #[arg(
        long,
        env = "BODY_LIMIT_BYTES",
        default_value_t = 1_048_576,
        global = true
    )]
    pub body_limit_bytes: usize,
    /// Largest uploaded file in bytes.
    #[arg(long, env = "UPLOAD_LIMIT_BYTES", default_value_t = 64 * 1024 * 1024, global = true)]
    pub upload_limit_bytes: usize,
    /// Deepest selection set allowed, not counting the selections under `__schema` / `__type`
    /// (the standard introspection query nests 13 levels; introspection is held to 24).
    #[arg(long, env = "GRAPHQL_MAX_DEPTH", default_value_t = 12, global = true)]
    pub graphql_max_depth: usize,
    /// Highest query cost allowed.
    #[arg(
        long,
        env = "GRAPHQL_MAX_COMPLEXITY",
        default_value_t = 50_000,
        global = true
    )]
    pub graphql_max_complexity: usize,
    /// Password attempts per e-mail address and minute, per instance.
    #[arg(
        long,
        env = "LOGIN_ATTEMPTS_PER_MINUTE",
        default_value_t = 10,
        global = true
    )]
    pub login_attempts_per_minute: u32,
    /// Connection-pool size.
    #[arg(long, env = "DB_MAX_CONNECTIONS", default_value_t = 10, global = true)]
    pub db_max_connections: u32,
    /// Days an audit event is kept (≥ 1); older ones are deleted at start and once a day.
    #[arg(
        long,
        env = "AUDIT_RETENTION_DAYS",
        default_value_t = 3650,
        value_parser = clap::value_parser!(u32).range(1..),
        global = true
    )]
    pub audit_retention_days: u32,
}

impl Config {
    /// The configuration from the environment alone (no flags), with defaults for the rest.
    ///
    /// # Errors
    /// A variable that does not parse (e.g. `BIND_ADDR=nonsense`).
    pub fn from_env() -> Result<Self, clap::Error> {
        #[derive(clap::Parser)]
        struct Only {
            #[command(flatten)]
            config: Config,
        }
        use clap::Parser;
        let mut config = Only::try_parse_from(["api"])?.config;
        config.read_secret_from_env();
        Ok(config)
    }

    /// Fills `jwt_secret` from `JWT_SECRET`, which is never taken as a flag (flags show in `ps`).
    pub fn read_secret_from_env(&mut self) {
        if let Ok(secret) = std::env::var("JWT_SECRET")
            && !secret.is_empty()
        {
            self.jwt_secret = Some(Secret(secret));
        }
    }

    /// The database URL in force: `DATABASE_URL`, or the SQLite file in the data directory.
    pub fn database_url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| {
            format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("alliance.db").display()
            )
        })
    }

    /// Whether the server listens on loopback only (a developer's machine).
    pub fn is_loopback(&self) -> bool {
        self.bind_addr.ip().is_loopback()
    }

    /// Whether GraphiQL is served.
    pub fn graphiql_enabled(&self) -> bool {
        self.graphiql.unwrap_or_else(|| self.is_loopback())
    }

    /// Whether introspection is allowed.
    pub fn introspection_enabled(&self) -> bool {
        self.introspection.unwrap_or_else(|| self.is_loopback())
    }
}
