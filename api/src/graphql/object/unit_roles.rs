//! The sides a member unit can be on in a relation (`MemberUnit.internshipPlacements(role:)`, …)
//! and the connection types of the unit's and a student's new edges.

use async_graphql::Enum;
use async_graphql::connection::{Connection, EmptyFields};

use super::{CareerMentor, Enrolment, GraduateOutcome, Student};
use crate::graphql::connection::{Cursor, TotalCount};

/// A member unit's students (`MemberUnit.students`), newest first.
pub type StudentConnection = Connection<Cursor, Student, TotalCount, EmptyFields>;
/// A firm's career mentors as a page; `MemberUnit.careerMentor` reads its first (one per firm).
pub type CareerMentorConnection = Connection<Cursor, CareerMentor, TotalCount, EmptyFields>;
/// A school's graduates' outcomes (`MemberUnit.graduateOutcomes`), newest first.
pub type GraduateOutcomeConnection = Connection<Cursor, GraduateOutcome, TotalCount, EmptyFields>;
/// A student's enrolments (`Student.enrolments`), newest first.
pub type StudentEnrolmentConnection = Connection<Cursor, Enrolment, TotalCount, EmptyFields>;

/// Which side of an order-class demand the unit is on.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum OrderClassDemandRole {
    /// The firm posted the demand.
    Poster,
    /// The firm joined another firm's demand (联合订单).
    Joiner,
}

/// Which side of an order class the unit is on.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum OrderClassRole {
    /// The school runs the class.
    School,
    /// The firm sponsors seats in it.
    Sponsor,
}

/// Which side of an internship placement the unit is on.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum InternshipPlacementRole {
    /// The intern's school.
    School,
    /// The host (实习单位).
    Host,
}

/// Which side of a training site the unit is on.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum TrainingSiteRole {
    /// The unit hosts the site.
    Host,
    /// The unit is a partner of the site (the school of a school-in-factory base, the firm of a
    /// factory-in-school one).
    Partner,
}

/// Which side of a teacher's practice stint the unit is on.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum TeacherPracticeRole {
    /// The teacher's school.
    School,
    /// The firm whose station hosts the stint.
    Host,
}

/// Which side of an apprenticeship the unit is on.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum ApprenticeshipRole {
    /// The employing firm.
    Firm,
    /// The partner school.
    School,
}
