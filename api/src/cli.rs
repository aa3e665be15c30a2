//! The command line: `api [serve|migrate|seed|account create|schema]`. Every flag has an
//! environment variable twin (see [`crate::config`]).

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use entity::enums::AccountRole;

use crate::config::Config;
use crate::{Application, accounts, db, graphql, startup, telemetry};

/// The alliance's GraphQL API server (威海市技工教育集团（联盟）).
#[derive(Debug, Parser)]
#[command(name = "api", version, about)]
pub struct Cli {
    /// Settings (flags or environment variables).
    #[command(flatten)]
    pub config: Config,
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate, seed and serve the API (the default).
    Serve,
    /// Apply pending migrations and exit.
    Migrate,
    /// Apply migrations, load the seeds (idempotent) and exit.
    Seed,
    /// Manage accounts.
    Account {
        /// What to do with accounts.
        #[command(subcommand)]
        command: AccountCommand,
    },
    /// Import students or placements for a school from an .xlsx or .csv file (the API's template
    /// layout), in one transaction, with a progress bar.
    Import {
        /// What the file holds.
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Write SYNTHETIC students and placements (labelled so, for demos and benchmarks) as CSV
    /// files in the import layout; never loaded unless you import them.
    Synthetic {
        /// Number of students, one placement each.
        #[arg(long, default_value_t = 1000)]
        rows: u32,
        /// Directory for `synthetic-students.csv` and `synthetic-placements.csv`.
        #[arg(long, default_value = ".")]
        out: PathBuf,
        /// Also write `synthetic-placements.xlsx`.
        #[arg(long)]
        xlsx: bool,
    },
    /// Load a deterministic SYNTHETIC data set (labelled so) into the database, on top of the
    /// seeds, for demos and benchmarks: N placements and students, N/50 order classes with two
    /// sponsors each, 0.6 N enrolments, sites, stations, events and outcomes. Refused on a
    /// database holding any record beyond the seeds.
    DemoData {
        /// Number of placements (and students), 1–10,000,000.
        #[arg(long, default_value_t = 1000)]
        placements: u32,
    },
    /// Print the GraphQL schema (SDL); with `--check`, fail when the file differs from it.
    Schema {
        /// Compare with the file instead of printing.
        #[arg(long)]
        check: bool,
        /// The committed schema file.
        #[arg(long, default_value = "schema.graphql")]
        path: PathBuf,
    },
}

impl Command {
    /// The command as typed (`account create`, `import placements`), for the audit trail.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Serve => "serve",
            Self::Migrate => "migrate",
            Self::Seed => "seed",
            Self::Account { .. } => "account create",
            Self::Import {
                what: ImportCommand::Students { .. },
            } => "import students",
            Self::Import {
                what: ImportCommand::Placements { .. },
            } => "import placements",
            Self::Synthetic { .. } => "synthetic",
            Self::DemoData { .. } => "demo-data",
            Self::Schema { .. } => "schema",
        }
    }
}

/// Import subcommands.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Students (template: `GET /templates/students.xlsx`).
    Students {
        /// The .xlsx or .csv file.
        file: PathBuf,
        /// The school (exact registry name).
        #[arg(long)]
        unit: String,
    },
    /// Internship placements (template: `GET /templates/placements.xlsx`).
    Placements {
        /// The .xlsx or .csv file.
        file: PathBuf,
        /// The school (exact registry name).
        #[arg(long)]
        unit: String,
    },
}

/// Account subcommands.
#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Create an account; the password is read from standard input (one line), never a flag.
    Create {
        /// Login e-mail.
        #[arg(long)]
        email: String,
        /// Role.
        #[arg(long, value_enum)]
        role: RoleArg,
        /// The member unit the account acts for, by exact name (SCHOOL_STAFF, ENTERPRISE_STAFF).
        #[arg(long, conflicts_with = "committee")]
        unit: Option<String>,
        /// The committee a COMMITTEE_STAFF account acts for, by exact name (a working committee
        /// or the teaching-staff committee).
        #[arg(long)]
        committee: Option<String>,
    },
}

/// Account role on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    /// The group secretariat and committees.
    #[value(name = "SECRETARIAT")]
    Secretariat,
    /// Staff of one school.
    #[value(name = "SCHOOL_STAFF")]
    SchoolStaff,
    /// Staff of one non-school unit.
    #[value(name = "ENTERPRISE_STAFF")]
    EnterpriseStaff,
    /// Staff of one working committee or of the teaching-staff committee.
    #[value(name = "COMMITTEE_STAFF")]
    CommitteeStaff,
    /// A third-party evaluator, invited to evaluation rounds by the secretariat.
    #[value(name = "EVALUATOR")]
    Evaluator,
}

impl From<RoleArg> for AccountRole {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::Secretariat => Self::Secretariat,
            RoleArg::SchoolStaff => Self::SchoolStaff,
            RoleArg::EnterpriseStaff => Self::EnterpriseStaff,
            RoleArg::CommitteeStaff => Self::CommitteeStaff,
            RoleArg::Evaluator => Self::Evaluator,
        }
    }
}

fn read_password() -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password("Password: ").context("reading the password");
    }
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .context("reading the password from standard input")?;
    Ok(input.lines().next().unwrap_or_default().to_owned())
}

/// What the `api` binary does: parses the command line and runs it on a multi-threaded runtime;
/// on failure prints `error: …` to standard error and exits non-zero.
pub fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Runs the command line.
///
/// # Errors
/// Whatever the command fails with; [`main`] prints it and exits non-zero.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let mut config = cli.config;
    config.read_secret_from_env();
    let telemetry = telemetry::init(config.log_format, config.otlp_endpoint.as_deref())?;
    let command_line = cli.command.unwrap_or(Command::Serve);
    // Every write a command makes is recorded as the command line's, under the command's name
    // (`entity::audit`); the server's requests record their own.
    let audit = entity::audit::AuditContext::new(
        entity::enums::AuditSource::Cli,
        &format!("cli {}", command_line.name()),
    );
    let result = entity::audit::scope(audit, command(command_line, config)).await;
    // The spans not yet exported leave now (the exporter blocks while it sends them).
    if telemetry.exporting() {
        let _ = tokio::task::spawn_blocking(move || telemetry.shutdown()).await;
    }
    result
}

/// Runs one command of the command line.
async fn command(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Serve => serve(config).await?,
        Command::Migrate => {
            let (conn, _) = db::connect(&config.database_url(), 1).await?;
            db::migrate(&conn).await?;
            println!("migrations applied");
        }
        Command::Seed => {
            let (conn, _) = db::connect(&config.database_url(), 1).await?;
            let report = db::prepare(&conn).await?;
            println!(
                "seeded: {} alliance, {} committees, {} member units, {} milestones, {} targets inserted (existing rows kept)",
                report.alliances,
                report.committees,
                report.member_units,
                report.milestones,
                report.targets
            );
        }
        Command::Account {
            command:
                AccountCommand::Create {
                    email,
                    role,
                    unit,
                    committee,
                },
        } => {
            let (conn, _) = db::connect(&config.database_url(), 1).await?;
            db::prepare(&conn).await?;
            let password = read_password()?;
            let account = accounts::create_account(
                &conn,
                &email,
                role.into(),
                unit.or(committee).as_deref(),
                &password,
            )
            .await?;
            println!("created account {} ({:?})", account.email, account.role);
        }
        Command::Import { what } => import(&config, what).await?,
        Command::Synthetic { rows, out, xlsx } => {
            crate::synthetic::write(rows, &out, xlsx)?;
            println!(
                "wrote SYNTHETIC data: {} and {} ({rows} rows each)",
                out.join("synthetic-students.csv").display(),
                out.join("synthetic-placements.csv").display()
            );
        }
        Command::DemoData { placements } => {
            let (conn, _) = db::connect(&config.database_url(), 1).await?;
            db::prepare(&conn).await?;
            let started = std::time::Instant::now();
            let loaded = crate::synthetic::dataset::load(&conn, placements, |table, rows| {
                eprintln!("writing {rows} SYNTHETIC rows into {table}");
            })
            .await?;
            println!(
                "loaded SYNTHETIC data in {:.1} s: {loaded:?}",
                started.elapsed().as_secs_f64()
            );
        }
        Command::Schema { check, path } => schema(check, &path)?,
    }
    Ok(())
}

/// `api serve`: builds the application, prints where it listens, and serves until a signal.
async fn serve(config: Config) -> anyhow::Result<()> {
    let app = Application::build(config.clone()).await?;
    let addr = app.local_addr()?;
    if config.log_format == crate::config::LogFormat::Json {
        // Standard output carries JSON lines only: the banner is one of them.
        tracing::info!(
            graphql = %format_args!("http://{addr}/graphql"),
            graphiql = config.graphiql_enabled(),
            metrics = config.metrics,
            "listening"
        );
    } else {
        println!("Weihai Technical Education Group (Alliance) API");
        println!("  GraphQL:  http://{addr}/graphql (POST; GET for queries)");
        if config.graphiql_enabled() {
            println!("  GraphiQL: http://{addr}/graphql (open in a browser)");
        }
        println!("  Health:   http://{addr}/healthz, http://{addr}/readyz");
        if config.metrics {
            println!("  Metrics:  http://{addr}/metrics (Prometheus)");
        }
        println!("First secretariat account (the password is read from standard input):");
        println!(
            "  cargo run --release -p api -- account create --email you@example.org --role SECRETARIAT"
        );
    }
    app.run_until_stopped(startup::shutdown_signal()).await?;
    Ok(())
}

/// `api import students|placements FILE --unit SCHOOL`: imports a file for the named school, with
/// a progress spinner; fails (writing nothing) when any row is bad, listing the first 50 problems.
async fn import(config: &Config, what: ImportCommand) -> anyhow::Result<()> {
    let (file, unit, students) = match what {
        ImportCommand::Students { file, unit } => (file, unit, true),
        ImportCommand::Placements { file, unit } => (file, unit, false),
    };
    let (conn, _) = db::connect(&config.database_url(), 2).await?;
    db::prepare(&conn).await?;
    let school = crate::placement::Members::load(&conn)
        .await?
        .named(&unit)
        .filter(|m| m.kind.is_school())
        .map(|m| m.id)
        .ok_or_else(|| anyhow::anyhow!("no school is named {unit:?}"))?;
    let name = file.display().to_string();
    let format = crate::spreadsheet::Format::detect(&name, None)
        .ok_or_else(|| anyhow::anyhow!("{name}: give an .xlsx or .csv file"))?;
    let reader = std::fs::File::open(&file).with_context(|| format!("opening {name}"))?;
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {elapsed} {pos} rows {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.set_message(name.clone());
    let progress = |n| bar.set_position(n);
    let operator = crate::actor::Actor::operator(AccountRole::SchoolStaff, school);
    let report = if students {
        crate::spreadsheet::import_students(&conn, &operator, format, reader, progress).await
    } else {
        crate::spreadsheet::import_placements(&conn, &operator, format, reader, progress).await
    }
    .map_err(|e| anyhow::anyhow!(e.message()))?;
    bar.finish_and_clear();
    for e in report.errors.iter().take(50) {
        eprintln!(
            "row {} {}: {:?} — {}",
            e.row,
            e.column.as_deref().unwrap_or("-"),
            e.code,
            e.message
        );
    }
    anyhow::ensure!(
        report.errors.is_empty(),
        "{name}: {} problems in {} rows; nothing was written",
        report.errors.len(),
        report.rows_read
    );
    println!(
        "{name}: {} rows read, {} inserted, {} updated, {} unchanged",
        report.rows_read, report.inserted, report.updated, report.unchanged
    );
    Ok(())
}

/// `api schema [--check]`: prints the schema's SDL, or checks the committed file against it.
fn schema(check: bool, path: &std::path::Path) -> anyhow::Result<()> {
    let sdl = graphql::schema::sdl();
    if !check {
        print!("{sdl}");
        return Ok(());
    }
    let committed =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    anyhow::ensure!(
        committed == sdl,
        "{} is stale: run `cargo run -p api -- schema > {}`",
        path.display(),
        path.display()
    );
    println!("{} is up to date", path.display());
    Ok(())
}
