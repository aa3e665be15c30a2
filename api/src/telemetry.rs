//! Logging: `tracing` to stdout, as text or JSON (`LOG_FORMAT`), filtered by `RUST_LOG`.
//!
//! Nothing logs secrets or personal data: tokens, passwords, contact details and students' data
//! are never fields of a log event.

use std::io::IsTerminal;

use tracing_subscriber::{EnvFilter, fmt, prelude::*};

use crate::config::LogFormat;

/// Installs the global subscriber. Safe to call more than once (later calls do nothing).
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let registry = tracing_subscriber::registry().with(filter);
    // Colours only on a terminal: a file or a log collector gets plain text.
    let ansi = std::io::stdout().is_terminal();
    let _ = match format {
        LogFormat::Text => registry
            .with(fmt::layer().with_target(false).with_ansi(ansi))
            .try_init(),
        LogFormat::Json => registry
            .with(fmt::layer().json().flatten_event(true).with_ansi(false))
            .try_init(),
    };
}
