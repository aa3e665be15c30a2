//! The `api` binary, built as part of this package so that the end-to-end tests can run it as a
//! real process (`CARGO_BIN_EXE_alliance-api`).

fn main() -> std::process::ExitCode {
    api::cli::main()
}
