//! `api`: serve the alliance's GraphQL API, or manage its database and accounts. See `api --help`.

/// mimalloc rather than the system allocator: a request allocates and frees many small values
/// (rows, strings, futures) on several threads at once, where glibc's malloc took about a third of
/// the server's CPU under load, much of it waiting on its arenas' locks (`docs/performance.md`).
/// Its `override` feature makes it C's `malloc` too, so the embedded SQLite allocates with it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    api::cli::main()
}
