//! People and platforms (`docs/people.md`): the teacher pool and the dual-qualified
//! certification, reserve craftsmen, apprenticeship bases and certified firms.

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, SimpleObject};
use entity::enums::{CertificationLevel, CertificationStatus, ReserveCraftsmanStatus};

use super::{db, input_id, longer, opt_unit, touch};
use crate::graphql::error::{ApiError, ApiResult, UserError};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::NodeType;
use crate::graphql::object::{
    ApprenticeshipBase, EnterpriseCertification, ReserveCraftsman, Teacher,
};
use crate::graphql::scalar::Date;
use crate::people as p;

/// Input of `addTeacher`.
#[derive(InputObject)]
pub struct AddTeacherInput {
    /// The school: omitted by school staff (their own); required for the secretariat.
    pub school_id: Option<ID>,
    /// Name (1–200 characters).
    pub name: String,
    /// Specialties taught (at most 200 characters together).
    #[graphql(default)]
    pub specialties: Vec<String>,
    /// Professional titles, 职称 (at most 200 characters together).
    #[graphql(default)]
    pub professional_titles: Vec<String>,
    /// Skill levels, 技能等级 (at most 200 characters together).
    #[graphql(default)]
    pub skill_levels: Vec<String>,
    /// A specialty teacher (专业教师), counted in the dual-qualified share.
    #[graphql(default = true)]
    pub specialty_teacher: bool,
    /// A subject leader (专业带头人).
    #[graphql(default)]
    pub subject_leader: bool,
    /// A skill master (技能大师).
    #[graphql(default)]
    pub skill_master: bool,
    /// Phone (at most 40 characters).
    pub phone: Option<String>,
    /// The industry qualification held (at most 2,000 characters).
    pub industry_qualification: Option<String>,
}

/// Input of `updateTeacher`: an omitted field is left as it is; `null` clears a nullable one.
#[derive(InputObject)]
pub struct UpdateTeacherInput {
    /// The teacher.
    pub id: ID,
    /// Name (1–200 characters).
    pub name: Option<String>,
    /// Specialties taught (the whole list).
    pub specialties: Option<Vec<String>>,
    /// Professional titles (the whole list).
    pub professional_titles: Option<Vec<String>>,
    /// Skill levels (the whole list).
    pub skill_levels: Option<Vec<String>>,
    /// A specialty teacher.
    pub specialty_teacher: Option<bool>,
    /// A subject leader.
    pub subject_leader: Option<bool>,
    /// A skill master.
    pub skill_master: Option<bool>,
    /// Phone; `null` clears it.
    pub phone: MaybeUndefined<String>,
    /// The industry qualification; `null` clears it.
    pub industry_qualification: MaybeUndefined<String>,
    /// The day the teacher left the school (not after today); `null`: back on staff.
    pub left_on: MaybeUndefined<Date>,
}

/// Input of `certifyDualQualified`.
#[derive(InputObject)]
pub struct CertifyDualQualifiedInput {
    /// The teacher.
    pub teacher_id: ID,
    /// The day of the certification (not after today); `null` withdraws it.
    pub certified_on: Option<Date>,
    /// What it rests on: qualifications seen, practice stints, teaching results (1–2,000
    /// characters when certifying).
    #[graphql(default)]
    pub evidence: String,
}

/// Input of `nominateReserveCraftsman`.
#[derive(InputObject)]
pub struct NominateReserveCraftsmanInput {
    /// The selection's year (2000–2100).
    pub year: i32,
    /// A student of the caller's school.
    pub student_id: ID,
    /// Why the school nominates the student (1–2,000 characters).
    pub reason: String,
}

/// Input of `decideReserveCraftsman`.
#[derive(InputObject)]
pub struct DecideReserveCraftsmanInput {
    /// The nomination.
    pub id: ID,
    /// SELECTED or NOT_SELECTED.
    pub status: ReserveCraftsmanStatus,
    /// A note (at most 2,000 characters).
    pub note: Option<String>,
}

/// Input of `recordApprenticeshipBase`.
#[derive(InputObject)]
pub struct RecordApprenticeshipBaseInput {
    /// The school: omitted by school staff (their own); required for the secretariat.
    pub school_id: Option<ID>,
    /// The firm (a member enterprise).
    pub enterprise_id: ID,
    /// The specialty (1–200 characters).
    pub specialty: String,
    /// The day it was set up (not after today).
    pub established_on: Date,
}

/// Input of `designateDemonstrationBase`.
#[derive(InputObject)]
pub struct DesignateDemonstrationBaseInput {
    /// The base.
    pub id: ID,
    /// The day it was named a municipal demonstration base (not after today, not before it was
    /// set up); `null` withdraws the status.
    pub demonstration_on: Option<Date>,
    /// The naming document: issuer, title, number (1–300 characters when naming).
    pub document: Option<String>,
}

/// Input of `closeApprenticeshipBase`.
#[derive(InputObject)]
pub struct CloseApprenticeshipBaseInput {
    /// The base.
    pub id: ID,
    /// The day it closed (not after today).
    pub closed_on: Date,
}

/// Input of `applyForEnterpriseCertification`.
#[derive(InputObject)]
pub struct ApplyForEnterpriseCertificationInput {
    /// The firm: omitted by its staff (their own); required for the secretariat.
    pub enterprise_id: Option<ID>,
    /// The level applied for.
    pub level: CertificationLevel,
    /// The day the firm applied (not after today).
    pub applied_on: Date,
}

/// Input of `decideEnterpriseCertification`.
#[derive(InputObject)]
pub struct DecideEnterpriseCertificationInput {
    /// The certification.
    pub id: ID,
    /// APPLIED → CERTIFIED or REJECTED; CERTIFIED → EXPIRED.
    pub status: CertificationStatus,
    /// The day certified (CERTIFIED: required, not after today, not before the application).
    pub certified_on: Option<Date>,
    /// The last day it holds (CERTIFIED: optional; EXPIRED: required, not after today).
    pub expires_on: Option<Date>,
    /// The certifying document: issuer, title, number (CERTIFIED: 1–300 characters).
    pub document: Option<String>,
}

/// Input naming one record.
#[derive(InputObject)]
pub struct ReserveCraftsmanIdInput {
    /// The nomination.
    pub id: ID,
}

payload!(
    /// Result of the teacher mutations.
    TeacherPayload, teacher: Teacher
);
payload!(
    /// Result of the reserve-craftsman mutations.
    ReserveCraftsmanPayload, reserve_craftsman: ReserveCraftsman
);
payload!(
    /// Result of the apprenticeship-base mutations.
    ApprenticeshipBasePayload, apprenticeship_base: ApprenticeshipBase
);
payload!(
    /// Result of the enterprise-certification mutations.
    EnterpriseCertificationPayload, enterprise_certification: EnterpriseCertification
);

#[derive(Default)]
pub struct PeopleMutation;

#[Object]
impl PeopleMutation {
    /// Adds a teacher to the teacher pool (Ten Measures (6)): the school's staff for their own
    /// school, or the secretariat naming it (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `BLANK`
    /// school or name, `NOT_FOUND`, `NOT_A_SCHOOL`, `TOO_LONG`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn add_teacher(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `AddTeacherInput`.")] input: AddTeacherInput,
    ) -> ApiResult<TeacherPayload> {
        screened!(TeacherPayload, &input);
        if let Some(e) = input
            .industry_qualification
            .as_deref()
            .and_then(|q| longer("industryQualification", q, 2_000))
        {
            return Ok(TeacherPayload::failed(vec![e]));
        }
        let school = bail_on!(TeacherPayload, opt_unit(&input.school_id, "schoolId"));
        let fields = p::TeacherInput {
            school_id: school,
            name: input.name,
            specialties: input.specialties,
            professional_titles: input.professional_titles,
            skill_levels: input.skill_levels,
            specialty_teacher: input.specialty_teacher,
            subject_leader: input.subject_leader,
            skill_master: input.skill_master,
            phone: input.phone,
            industry_qualification: input.industry_qualification,
        };
        Ok(TeacherPayload::from_outcome(
            p::add_teacher(actor(ctx), db(ctx)?, fields)
                .await
                .map_err(ApiError::from)?,
            Teacher,
        ))
    }

    /// Corrects a teacher, or records that the teacher left: the school's staff or the
    /// secretariat (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND`, `BLANK` name,
    /// `TOO_LONG`, `INVALID` day.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn update_teacher(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `UpdateTeacherInput`.")]
        input: UpdateTeacherInput,
    ) -> ApiResult<TeacherPayload> {
        screened!(TeacherPayload, &input);
        if let MaybeUndefined::Value(q) = &input.industry_qualification
            && let Some(e) = longer("industryQualification", q, 2_000)
        {
            return Ok(TeacherPayload::failed(vec![e]));
        }
        let id = bail_on!(TeacherPayload, input_id(NodeType::Teacher, &input.id, "id"));
        let patch = p::TeacherPatch {
            name: input.name,
            specialties: input.specialties,
            professional_titles: input.professional_titles,
            skill_levels: input.skill_levels,
            specialty_teacher: input.specialty_teacher,
            subject_leader: input.subject_leader,
            skill_master: input.skill_master,
            phone: touch(input.phone),
            industry_qualification: touch(input.industry_qualification),
            left_on: touch(input.left_on).map(|d| d.map(Into::into)),
        };
        Ok(TeacherPayload::from_outcome(
            p::update_teacher(actor(ctx), db(ctx)?, id, patch)
                .await
                .map_err(ApiError::from)?,
            Teacher,
        ))
    }

    /// Certifies a teacher dual-qualified (双师型教师认定, Ten Measures (6)) from a day, on the
    /// evidence given, or withdraws the certification (`certifiedOn: null`): the teaching-staff
    /// committee's staff or the secretariat (`UNAUTHENTICATED`, `FORBIDDEN`); user errors:
    /// `NOT_FOUND`, `BLANK` evidence, `INVALID` day, `INVALID_TRANSITION` (a teacher who left),
    /// `TOO_LONG`. Audited.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn certify_dual_qualified(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `CertifyDualQualifiedInput`.")]
        input: CertifyDualQualifiedInput,
    ) -> ApiResult<TeacherPayload> {
        screened!(TeacherPayload, &input);
        if let Some(e) = longer("evidence", &input.evidence, 2_000) {
            return Ok(TeacherPayload::failed(vec![e]));
        }
        let id = bail_on!(
            TeacherPayload,
            input_id(NodeType::Teacher, &input.teacher_id, "teacherId")
        );
        Ok(TeacherPayload::from_outcome(
            p::certify_dual_qualified(
                actor(ctx),
                db(ctx)?,
                id,
                input.certified_on.map(Into::into),
                input.evidence,
            )
            .await
            .map_err(ApiError::from)?,
            Teacher,
        ))
    }

    /// Nominates a student of the caller's school as a Weihai reserve craftsman
    /// (威海工匠后备人才, Weihai 2020 plan, task 17) for a year, with the reason: school staff or
    /// the secretariat (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND` student,
    /// `BLANK` / `TOO_LONG` reason, `INVALID` year, `TAKEN`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn nominate_reserve_craftsman(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `NominateReserveCraftsmanInput`.")]
        input: NominateReserveCraftsmanInput,
    ) -> ApiResult<ReserveCraftsmanPayload> {
        screened!(ReserveCraftsmanPayload, &input);
        let student = bail_on!(
            ReserveCraftsmanPayload,
            input_id(NodeType::Student, &input.student_id, "studentId")
        );
        Ok(ReserveCraftsmanPayload::from_outcome(
            p::nominate_reserve_craftsman(actor(ctx), db(ctx)?, input.year, student, input.reason)
                .await
                .map_err(ApiError::from)?,
            ReserveCraftsman,
        ))
    }

    /// Decides a nomination, SELECTED or NOT_SELECTED (a decision may be corrected): the
    /// secretariat, acting for the council's committees (`UNAUTHENTICATED`, `FORBIDDEN`); user
    /// errors: `NOT_FOUND`, `INVALID` status, `TOO_LONG` note. Audited.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn decide_reserve_craftsman(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `DecideReserveCraftsmanInput`.")]
        input: DecideReserveCraftsmanInput,
    ) -> ApiResult<ReserveCraftsmanPayload> {
        screened!(ReserveCraftsmanPayload, &input);
        let id = bail_on!(
            ReserveCraftsmanPayload,
            input_id(NodeType::ReserveCraftsman, &input.id, "id")
        );
        Ok(ReserveCraftsmanPayload::from_outcome(
            p::decide_reserve_craftsman(actor(ctx), db(ctx)?, id, input.status, input.note)
                .await
                .map_err(ApiError::from)?,
            ReserveCraftsman,
        ))
    }

    /// Withdraws a nomination not yet decided: the nominating school's staff or the secretariat
    /// (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND`, `INVALID_TRANSITION`
    /// (decided). Returns the withdrawn record. Audited.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn withdraw_reserve_craftsman_nomination(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ReserveCraftsmanIdInput`.")]
        input: ReserveCraftsmanIdInput,
    ) -> ApiResult<ReserveCraftsmanPayload> {
        let id = bail_on!(
            ReserveCraftsmanPayload,
            input_id(NodeType::ReserveCraftsman, &input.id, "id")
        );
        Ok(ReserveCraftsmanPayload::from_outcome(
            p::withdraw_reserve_craftsman(actor(ctx), db(ctx)?, id)
                .await
                .map_err(ApiError::from)?,
            ReserveCraftsman,
        ))
    }

    /// Records a school's apprenticeship base in a firm for a specialty (Weihai 2020 plan, task
    /// 19): the school's staff or the secretariat (`UNAUTHENTICATED`, `FORBIDDEN`); user errors:
    /// `BLANK`, `NOT_FOUND`, `NOT_A_SCHOOL`, `NOT_AN_ENTERPRISE`, `INVALID` day, `TAKEN`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn record_apprenticeship_base(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordApprenticeshipBaseInput`.")]
        input: RecordApprenticeshipBaseInput,
    ) -> ApiResult<ApprenticeshipBasePayload> {
        screened!(ApprenticeshipBasePayload, &input);
        let school = bail_on!(
            ApprenticeshipBasePayload,
            opt_unit(&input.school_id, "schoolId")
        );
        let firm = bail_on!(
            ApprenticeshipBasePayload,
            input_id(NodeType::MemberUnit, &input.enterprise_id, "enterpriseId")
        );
        let fields = p::BaseInput {
            school_id: school,
            enterprise_id: firm,
            specialty: input.specialty,
            established_on: input.established_on.into(),
        };
        Ok(ApprenticeshipBasePayload::from_outcome(
            p::record_apprenticeship_base(actor(ctx), db(ctx)?, fields)
                .await
                .map_err(ApiError::from)?,
            ApprenticeshipBase,
        ))
    }

    /// Names a base a municipal demonstration base (市级示范性企业学徒基地) from a day, citing the
    /// document, or withdraws the status (`demonstrationOn: null`): the secretariat only
    /// (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND`, `BLANK` / `TOO_LONG`
    /// document, `INVALID` day, `INVALID_TRANSITION` (closed). Audited.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn designate_demonstration_base(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `DesignateDemonstrationBaseInput`.")]
        input: DesignateDemonstrationBaseInput,
    ) -> ApiResult<ApprenticeshipBasePayload> {
        screened!(ApprenticeshipBasePayload, &input);
        let id = bail_on!(
            ApprenticeshipBasePayload,
            input_id(NodeType::ApprenticeshipBase, &input.id, "id")
        );
        Ok(ApprenticeshipBasePayload::from_outcome(
            p::designate_demonstration_base(
                actor(ctx),
                db(ctx)?,
                id,
                input.demonstration_on.map(Into::into),
                input.document,
            )
            .await
            .map_err(ApiError::from)?,
            ApprenticeshipBase,
        ))
    }

    /// Closes a base from a day: its school's staff or the secretariat (`UNAUTHENTICATED`,
    /// `FORBIDDEN`); user errors: `NOT_FOUND`, `INVALID` day, `INVALID_TRANSITION` (closed).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn close_apprenticeship_base(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `CloseApprenticeshipBaseInput`.")]
        input: CloseApprenticeshipBaseInput,
    ) -> ApiResult<ApprenticeshipBasePayload> {
        let id = bail_on!(
            ApprenticeshipBasePayload,
            input_id(NodeType::ApprenticeshipBase, &input.id, "id")
        );
        Ok(ApprenticeshipBasePayload::from_outcome(
            p::close_apprenticeship_base(actor(ctx), db(ctx)?, id, input.closed_on.into())
                .await
                .map_err(ApiError::from)?,
            ApprenticeshipBase,
        ))
    }

    /// Records a firm's application for industry-education enterprise certification
    /// (产教融合型企业, Founding notice 三(二)) at a level: the firm's staff or the secretariat
    /// (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `BLANK`, `NOT_FOUND`, `NOT_AN_ENTERPRISE`,
    /// `INVALID` day, `TAKEN` (a record at that level exists).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn apply_for_enterprise_certification(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ApplyForEnterpriseCertificationInput`.")]
        input: ApplyForEnterpriseCertificationInput,
    ) -> ApiResult<EnterpriseCertificationPayload> {
        let firm = bail_on!(
            EnterpriseCertificationPayload,
            opt_unit(&input.enterprise_id, "enterpriseId")
        );
        Ok(EnterpriseCertificationPayload::from_outcome(
            p::apply_for_certification(
                actor(ctx),
                db(ctx)?,
                firm,
                input.level,
                input.applied_on.into(),
            )
            .await
            .map_err(ApiError::from)?,
            EnterpriseCertification,
        ))
    }

    /// Records the authority's decision on a certification: APPLIED → CERTIFIED (day and
    /// document) or REJECTED; CERTIFIED → EXPIRED (day). The secretariat only
    /// (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND`, `INVALID_TRANSITION`, `BLANK`,
    /// `INVALID` days, `TOO_LONG`. Audited.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn decide_enterprise_certification(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `DecideEnterpriseCertificationInput`.")]
        input: DecideEnterpriseCertificationInput,
    ) -> ApiResult<EnterpriseCertificationPayload> {
        screened!(EnterpriseCertificationPayload, &input);
        let id = bail_on!(
            EnterpriseCertificationPayload,
            input_id(NodeType::EnterpriseCertification, &input.id, "id")
        );
        let decision = p::CertificationDecision {
            status: input.status,
            certified_on: input.certified_on.map(Into::into),
            expires_on: input.expires_on.map(Into::into),
            document: input.document,
        };
        Ok(EnterpriseCertificationPayload::from_outcome(
            p::decide_certification(actor(ctx), db(ctx)?, id, decision)
                .await
                .map_err(ApiError::from)?,
            EnterpriseCertification,
        ))
    }
}

/// Input of `recordPlatform`.
#[derive(InputObject)]
pub struct RecordPlatformInput {
    /// The member that holds it.
    pub unit_id: ID,
    /// Its kind (which fixes its level and its grant).
    pub kind: entity::enums::PlatformKind,
    /// Its name as approved (1–200 characters).
    pub name: String,
    /// The day it was approved (not after today).
    pub approved_on: Date,
    /// The approving document: issuer, title, number (1–300 characters).
    pub document: String,
}

/// Input of `recordGrantPayment`.
#[derive(InputObject)]
pub struct RecordGrantPaymentInput {
    /// The grant.
    pub id: ID,
    /// The day it was paid (not after today, not before it fell due).
    pub paid_on: Date,
    /// The payment's reference: a voucher or transfer number (1–100 characters).
    pub reference: String,
}

payload!(
    /// Result of `recordPlatform`.
    PlatformPayload, platform: crate::graphql::object::Platform
);
payload!(
    /// Result of `recordGrantPayment`.
    PlatformGrantPayload, platform_grant: crate::graphql::object::PlatformGrant
);

#[derive(Default)]
pub struct PlatformMutation;

#[Object]
impl PlatformMutation {
    /// Records a member's approved high-skill platform (Ten Measures (1), (4)); when its kind
    /// carries a one-off grant, the grant falls due from the approval day in the same
    /// transaction (`platformGrants`). The secretariat only (`UNAUTHENTICATED`, `FORBIDDEN`);
    /// user errors: `NOT_FOUND`, `BLANK`, `TOO_LONG`, `INVALID` day, `TAKEN`.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn record_platform(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordPlatformInput`.")]
        input: RecordPlatformInput,
    ) -> ApiResult<PlatformPayload> {
        screened!(PlatformPayload, &input);
        let unit = bail_on!(
            PlatformPayload,
            input_id(NodeType::MemberUnit, &input.unit_id, "unitId")
        );
        let fields = p::PlatformInput {
            unit_id: unit,
            kind: input.kind,
            name: input.name,
            approved_on: input.approved_on.into(),
            document: input.document,
        };
        Ok(PlatformPayload::from_outcome(
            p::record_platform(actor(ctx), db(ctx)?, fields)
                .await
                .map_err(ApiError::from)?,
            crate::graphql::object::Platform,
        ))
    }

    /// Records a platform's grant paid on a day with its reference. The secretariat only
    /// (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND`, `INVALID_TRANSITION` (paid
    /// already), `BLANK` / `TOO_LONG` reference, `INVALID` day. Audited.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn record_grant_payment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordGrantPaymentInput`.")]
        input: RecordGrantPaymentInput,
    ) -> ApiResult<PlatformGrantPayload> {
        screened!(PlatformGrantPayload, &input);
        let id = bail_on!(
            PlatformGrantPayload,
            input_id(NodeType::PlatformGrant, &input.id, "id")
        );
        Ok(PlatformGrantPayload::from_outcome(
            p::record_grant_payment(
                actor(ctx),
                db(ctx)?,
                id,
                input.paid_on.into(),
                input.reference,
            )
            .await
            .map_err(ApiError::from)?,
            crate::graphql::object::PlatformGrant,
        ))
    }
}
