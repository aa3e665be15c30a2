//! Opaque global IDs (`docs/api-conventions.md`, Shape): base64url (no padding) of `TypeName:uuid`.

use async_graphql::ID;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use uuid::Uuid;

use super::error::ApiError;
use crate::msg;

/// Types that have a global ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeType {
    /// `Alliance`.
    Alliance,
    /// `MemberUnit`.
    MemberUnit,
    /// `Committee`.
    Committee,
    /// `Account`.
    Account,
    /// `OrderClassDemand`.
    OrderClassDemand,
    /// `OrderClass`.
    OrderClass,
    /// `Enrolment`.
    Enrolment,
    /// `Student`.
    Student,
    /// `InternshipPlacement`.
    InternshipPlacement,
    /// `TrainingSite`.
    TrainingSite,
    /// `TeacherPracticeStation`.
    TeacherPracticeStation,
    /// `TeacherPractice`.
    TeacherPractice,
    /// `Craftsman`.
    Craftsman,
    /// `CraftsmanAssignment`.
    CraftsmanAssignment,
    /// `CareerMentor`.
    CareerMentor,
    /// `Apprenticeship`.
    Apprenticeship,
    /// `Event`.
    Event,
    /// `Milestone`.
    Milestone,
    /// `Target`.
    Target,
    /// `EvaluationRound`.
    EvaluationRound,
    /// `EvaluationItem`.
    EvaluationItem,
    /// `CommitteeMeeting`.
    CommitteeMeeting,
    /// `Resolution`.
    Resolution,
    /// `WorkPlanItem`.
    WorkPlanItem,
    /// `Teacher`.
    Teacher,
    /// `ReserveCraftsman`.
    ReserveCraftsman,
    /// `ApprenticeshipBase`.
    ApprenticeshipBase,
    /// `EnterpriseCertification`.
    EnterpriseCertification,
    /// `Platform`.
    Platform,
    /// `PlatformGrant`.
    PlatformGrant,
    /// `SharedResource`.
    SharedResource,
    /// `ResourceBooking`.
    ResourceBooking,
    /// `Contest`.
    Contest,
    /// `ContestEvent`.
    ContestEvent,
    /// `ContestEntry`.
    ContestEntry,
    /// `ResearchProject`.
    ResearchProject,
    /// `TrainingNeed`.
    TrainingNeed,
    /// `TrainingProject`.
    TrainingProject,
    /// `SkillCertification`.
    SkillCertification,
}

impl NodeType {
    /// The GraphQL type name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Alliance => "Alliance",
            Self::MemberUnit => "MemberUnit",
            Self::Committee => "Committee",
            Self::Account => "Account",
            Self::OrderClassDemand => "OrderClassDemand",
            Self::OrderClass => "OrderClass",
            Self::Enrolment => "Enrolment",
            Self::Student => "Student",
            Self::InternshipPlacement => "InternshipPlacement",
            Self::TrainingSite => "TrainingSite",
            Self::TeacherPracticeStation => "TeacherPracticeStation",
            Self::TeacherPractice => "TeacherPractice",
            Self::Craftsman => "Craftsman",
            Self::CraftsmanAssignment => "CraftsmanAssignment",
            Self::CareerMentor => "CareerMentor",
            Self::Apprenticeship => "Apprenticeship",
            Self::Event => "Event",
            Self::Milestone => "Milestone",
            Self::Target => "Target",
            Self::EvaluationRound => "EvaluationRound",
            Self::EvaluationItem => "EvaluationItem",
            Self::CommitteeMeeting => "CommitteeMeeting",
            Self::Resolution => "Resolution",
            Self::WorkPlanItem => "WorkPlanItem",
            Self::Teacher => "Teacher",
            Self::ReserveCraftsman => "ReserveCraftsman",
            Self::ApprenticeshipBase => "ApprenticeshipBase",
            Self::EnterpriseCertification => "EnterpriseCertification",
            Self::Platform => "Platform",
            Self::PlatformGrant => "PlatformGrant",
            Self::SharedResource => "SharedResource",
            Self::ResourceBooking => "ResourceBooking",
            Self::Contest => "Contest",
            Self::ContestEvent => "ContestEvent",
            Self::ContestEntry => "ContestEntry",
            Self::ResearchProject => "ResearchProject",
            Self::TrainingNeed => "TrainingNeed",
            Self::TrainingProject => "TrainingProject",
            Self::SkillCertification => "SkillCertification",
        }
    }

    /// The type whose rows live in `table` (the audit trail names records by table), if any.
    pub fn of_table(table: &str) -> Option<Self> {
        Some(match table {
            "alliance" => Self::Alliance,
            "member_unit" => Self::MemberUnit,
            "committee" => Self::Committee,
            "account" => Self::Account,
            "order_class_demand" => Self::OrderClassDemand,
            "order_class" => Self::OrderClass,
            "enrolment" => Self::Enrolment,
            "student" => Self::Student,
            "internship_placement" => Self::InternshipPlacement,
            "training_site" => Self::TrainingSite,
            "practice_station" => Self::TeacherPracticeStation,
            "teacher_practice" => Self::TeacherPractice,
            "craftsman" => Self::Craftsman,
            "craftsman_assignment" => Self::CraftsmanAssignment,
            "career_mentor" => Self::CareerMentor,
            "apprenticeship" => Self::Apprenticeship,
            "event" => Self::Event,
            "milestone" => Self::Milestone,
            "target" => Self::Target,
            "evaluation_round" => Self::EvaluationRound,
            "evaluation_item" => Self::EvaluationItem,
            "committee_meeting" => Self::CommitteeMeeting,
            "resolution" => Self::Resolution,
            "work_plan_item" => Self::WorkPlanItem,
            "teacher" => Self::Teacher,
            "reserve_craftsman" => Self::ReserveCraftsman,
            "apprenticeship_base" => Self::ApprenticeshipBase,
            "enterprise_certification" => Self::EnterpriseCertification,
            "platform" => Self::Platform,
            "platform_grant" => Self::PlatformGrant,
            "shared_resource" => Self::SharedResource,
            "resource_booking" => Self::ResourceBooking,
            "contest" => Self::Contest,
            "contest_event" => Self::ContestEvent,
            "contest_entry" => Self::ContestEntry,
            "research_project" => Self::ResearchProject,
            "training_need" => Self::TrainingNeed,
            "training_project" => Self::TrainingProject,
            "skill_certification" => Self::SkillCertification,
            _ => return None,
        })
    }

    fn from_name(name: &str) -> Option<Self> {
        [
            Self::Alliance,
            Self::MemberUnit,
            Self::Committee,
            Self::Account,
            Self::OrderClassDemand,
            Self::OrderClass,
            Self::Enrolment,
            Self::Student,
            Self::InternshipPlacement,
            Self::TrainingSite,
            Self::TeacherPracticeStation,
            Self::TeacherPractice,
            Self::Craftsman,
            Self::CraftsmanAssignment,
            Self::CareerMentor,
            Self::Apprenticeship,
            Self::Event,
            Self::Milestone,
            Self::Target,
            Self::EvaluationRound,
            Self::EvaluationItem,
            Self::CommitteeMeeting,
            Self::Resolution,
            Self::WorkPlanItem,
            Self::Teacher,
            Self::ReserveCraftsman,
            Self::ApprenticeshipBase,
            Self::EnterpriseCertification,
            Self::Platform,
            Self::PlatformGrant,
            Self::SharedResource,
            Self::ResourceBooking,
            Self::Contest,
            Self::ContestEvent,
            Self::ContestEntry,
            Self::ResearchProject,
            Self::TrainingNeed,
            Self::TrainingProject,
            Self::SkillCertification,
        ]
        .into_iter()
        .find(|t| t.name() == name)
    }
}

/// The global ID of row `id` of type `ty`.
pub fn encode(ty: NodeType, id: Uuid) -> ID {
    ID(crate::global_id::encode(ty.name(), id))
}

/// The type and row id of a global ID.
///
/// # Errors
/// `BAD_USER_INPUT` when the ID is not one this API issued (not base64, no type, not a UUID);
/// `NOT_FOUND` when it is well formed but names a type that has no global IDs.
pub fn decode(id: &str) -> Result<(NodeType, Uuid), ApiError> {
    let malformed = || ApiError::BadUserInput(msg!("id-malformed", id = id));
    let bytes = URL_SAFE_NO_PAD.decode(id).map_err(|_| malformed())?;
    let text = String::from_utf8(bytes).map_err(|_| malformed())?;
    let (name, uuid) = text.split_once(':').ok_or_else(malformed)?;
    let uuid = Uuid::parse_str(uuid).map_err(|_| malformed())?;
    let ty = NodeType::from_name(name)
        .ok_or_else(|| ApiError::NotFound(msg!("id-not-found", id = id)))?;
    Ok((ty, uuid))
}

/// The row id of a global ID that must be of type `ty`.
///
/// # Errors
/// As [`decode`]; also `NOT_FOUND` when the ID is of another type.
pub fn decode_as(ty: NodeType, id: &str) -> Result<Uuid, ApiError> {
    match decode(id)? {
        (t, uuid) if t == ty => Ok(uuid),
        _ => Err(ApiError::NotFound(msg!(
            "id-not-found-of-type",
            type_name = ty.name(),
            id = id
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        let id = Uuid::now_v7();
        let gid = encode(NodeType::MemberUnit, id);
        assert_eq!(decode(&gid).ok(), Some((NodeType::MemberUnit, id)));
    }

    #[test]
    fn malformed_and_foreign_ids_are_told_apart() {
        assert!(matches!(decode("!!"), Err(ApiError::BadUserInput(_))));
        let other = URL_SAFE_NO_PAD.encode(format!("Invoice:{}", Uuid::now_v7()));
        assert!(matches!(decode(&other), Err(ApiError::NotFound(_))));
    }
}
