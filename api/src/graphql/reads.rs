//! Reads of students' personal data by anyone but the student's school (a host, a sponsoring firm,
//! the secretariat) are recorded in the audit trail, so a school can answer "who has seen my
//! students' data" (`auditEvents(filter: {action: READ})`). Each personal field a request resolves
//! notes its student here; the request records them all in one statement when it is done.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use async_graphql::Context;
use entity::student;
use uuid::Uuid;

use super::error::ApiError;
use super::guard::actor;
use crate::msg;

/// The students (id, school) whose personal data one request showed to a reader outside their
/// school. Part of the request's data.
#[derive(Debug, Clone, Default)]
pub struct PersonalReads(Arc<Mutex<BTreeSet<(Uuid, Uuid)>>>);

impl PersonalReads {
    /// Notes that `student`'s personal data was read in the request of `ctx`, unless the reader
    /// is the student's own school.
    ///
    /// # Errors
    /// `FORBIDDEN` where reads cannot be recorded (a WebSocket: subscriptions): there only the
    /// student's school reads its students' personal data.
    pub fn note(ctx: &Context<'_>, student: &student::Model) -> Result<(), ApiError> {
        if actor(ctx).unit() == Some(student.school_id) {
            return Ok(());
        }
        let reads = ctx
            .data_opt::<Self>()
            .ok_or_else(|| ApiError::Forbidden(msg!("forbidden-personal-data-over-websocket")))?;
        reads
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert((student.id, student.school_id));
        Ok(())
    }

    /// The students noted, emptied.
    pub fn take(&self) -> Vec<(Uuid, Uuid)> {
        std::mem::take(
            &mut *self
                .0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
        .into_iter()
        .collect()
    }
}
