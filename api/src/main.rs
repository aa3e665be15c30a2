//! `api`: serve the alliance's GraphQL API, or manage its database and accounts. See `api --help`.

fn main() -> std::process::ExitCode {
    api::cli::main()
}
