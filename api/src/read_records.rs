//! Records of reads of students' personal data, written in groups (`docs/audit.md`,
//! `docs/performance.md`).
//!
//! A request that showed students' personal data to a reader outside their school answers only
//! once that reading is on record: one `READ` event, with one entity per student read
//! ([`entity::audit::read_record`]). Each instance writes those records from one task:
//! a request hands its records over and waits; the task takes every request waiting at that
//! moment (up to [`BATCH_ROWS`] rows) and writes their records together, in one transaction, then
//! tells each request whether its records were written. Concurrent requests thus share one commit
//! (and, on SQLite, never meet each other at the file's one writer lock), and a request still
//! answers only after its own records are committed.
//!
//! Bounds: at most [`QUEUE`] requests wait to be handed over (a request beyond it waits for room),
//! and a batch holds at most [`BATCH_ROWS`] rows beyond its first request's.

use entity::audit::AuditContext;
use sea_orm::DatabaseConnection;
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

/// Requests whose records may wait to be handed to the writer.
pub const QUEUE: usize = 256;

/// Rows after which the writer stops taking more requests into a batch.
pub const BATCH_ROWS: usize = 2_000;

/// One request's records: the students read (with their schools), and whom to tell.
struct Job {
    context: AuditContext,
    students: Vec<(Uuid, Uuid)>,
    done: oneshot::Sender<bool>,
}

/// The handle requests use to have their reads recorded; cheap to clone. The writer task ends
/// when the last handle is dropped.
#[derive(Clone, Debug)]
pub struct ReadRecorder {
    jobs: mpsc::Sender<Job>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("students", &self.students.len())
            .finish_non_exhaustive()
    }
}

impl ReadRecorder {
    /// Starts the writer task on `db` (needs a Tokio runtime).
    pub fn start(db: DatabaseConnection) -> Self {
        let (jobs, queue) = mpsc::channel(QUEUE);
        tokio::spawn(write_batches(db, queue));
        Self { jobs }
    }

    /// Records that `context`'s reader read these students' personal data (`(student, school)`
    /// pairs); returns once they are committed: `true`, or `false` when they could not be
    /// written (the database is away, the writer has stopped). Nothing to record is `true` at once.
    pub async fn record(&self, context: AuditContext, students: Vec<(Uuid, Uuid)>) -> bool {
        if students.is_empty() {
            return true;
        }
        let (done, written) = oneshot::channel();
        let job = Job {
            context,
            students,
            done,
        };
        if self.jobs.send(job).await.is_err() {
            return false;
        }
        written.await.unwrap_or(false)
    }
}

/// The writer: waits for a request, takes every other one already waiting (up to
/// [`BATCH_ROWS`] rows), writes them in one transaction, tells each, and starts again.
async fn write_batches(db: DatabaseConnection, mut queue: mpsc::Receiver<Job>) {
    while let Some(first) = queue.recv().await {
        let mut rows = first.students.len();
        let mut batch = vec![first];
        while rows < BATCH_ROWS {
            match queue.try_recv() {
                Ok(job) => {
                    rows += job.students.len();
                    batch.push(job);
                }
                Err(_) => break,
            }
        }
        let written = match write(&db, &batch).await {
            Ok(()) => true,
            Err(e) => {
                tracing::error!(error = %e, requests = batch.len(), "cannot record reads of personal data");
                false
            }
        };
        for job in batch {
            // The request may have gone (its client hung up); nothing to tell then.
            let _ = job.done.send(written);
        }
    }
}

/// Writes a batch's records (each request's event and entities) in one transaction.
async fn write(db: &DatabaseConnection, batch: &[Job]) -> Result<(), sea_orm::DbErr> {
    let records = batch
        .iter()
        .filter_map(|job| entity::audit::read_record(&job.context, &job.students))
        .collect();
    let txn = crate::db::write_txn(db).await?;
    entity::audit::insert_reads(&txn, records).await?;
    txn.commit().await
}
