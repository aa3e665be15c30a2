//! People and platforms (`docs/people.md`): the teacher pool with the dual-qualified
//! certification, reserve craftsmen, apprenticeship bases and certified firms.

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object, SimpleObject};
use entity::enums::{CertificationLevel, CertificationStatus, ReserveCraftsmanStatus};
use entity::{apprenticeship_base, enterprise_certification, reserve_craftsman, teacher};

use super::plan::unit;
use super::{MemberUnit, Student, StudentView, TeacherPractice};
use crate::graphql::connection::{Cursor, TotalCount};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::Loaders;
use crate::graphql::scalar::{Date, DateTime};
use crate::msg;
use crate::text::split_list;

/// A page of teachers.
pub type TeacherConnection = Connection<Cursor, Teacher, TotalCount, EmptyFields>;
/// A page of reserve-craftsman nominations.
pub type ReserveCraftsmanConnection = Connection<Cursor, ReserveCraftsman, TotalCount, EmptyFields>;
/// A page of apprenticeship bases.
pub type ApprenticeshipBaseConnection =
    Connection<Cursor, ApprenticeshipBase, TotalCount, EmptyFields>;
/// A page of enterprise certifications.
pub type EnterpriseCertificationConnection =
    Connection<Cursor, EnterpriseCertification, TotalCount, EmptyFields>;

/// The teacher `id`, through the request's batched loader, when the caller may read the pool.
pub(super) async fn teacher(ctx: &Context<'_>, id: uuid::Uuid) -> ApiResult<Option<Teacher>> {
    if !actor(ctx).reads_shared() {
        return Ok(None);
    }
    Ok(ctx
        .data::<Loaders>()?
        .teacher
        .load_one(id)
        .await?
        .map(Teacher))
}

/// Whether the caller acts for the teaching-staff committee (its committee through the request's
/// loader).
async fn teaching_staff(ctx: &Context<'_>) -> ApiResult<bool> {
    let Some(c) = actor(ctx).committee() else {
        return Ok(false);
    };
    Ok(ctx
        .data::<Loaders>()?
        .committee
        .load_one(c)
        .await?
        .is_some_and(|c| c.kind == entity::enums::CommitteeKind::TeachingStaffCommittee))
}

/// A teacher of the pool.
pub struct Teacher(pub teacher::Model);

/// A member school's teacher in the alliance's teacher pool (威海技工教育师资库, Ten Measures (6)),
/// with the teaching-staff committee's dual-qualified (双师型) certification and the criteria it
/// rests on. Any account but an evaluator's reads the pool; the phone and the practice stints only
/// the teacher's school, the teaching-staff committee and the secretariat.
#[Object]
impl Teacher {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Teacher, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way); the
    /// name and phone show as changed, never by value. Errors: `UNAUTHENTICATED`,
    /// `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }

    /// The school the teacher works at.
    async fn school(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.school_id).await
    }
    /// Name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Specialties taught.
    async fn specialties(&self) -> Vec<String> {
        split_list(&self.0.specialties)
    }
    /// Professional titles (职称).
    async fn professional_titles(&self) -> Vec<String> {
        split_list(&self.0.professional_titles)
    }
    /// Skill levels and vocational qualifications (技能等级).
    async fn skill_levels(&self) -> Vec<String> {
        split_list(&self.0.skill_levels)
    }
    /// A specialty teacher (专业教师), counted in the dual-qualified share (Weihai 2020 plan, task
    /// 30).
    async fn specialty_teacher(&self) -> bool {
        self.0.specialty_teacher
    }
    /// A subject leader (专业带头人, Ten Measures (6)).
    async fn subject_leader(&self) -> bool {
        self.0.subject_leader
    }
    /// A skill master (技能大师, Ten Measures (6)).
    async fn skill_master(&self) -> bool {
        self.0.skill_master
    }
    /// Phone: the teacher's school, the teaching-staff committee and the secretariat only
    /// (`FORBIDDEN` otherwise).
    async fn phone(&self, ctx: &Context<'_>) -> ApiResult<Option<&str>> {
        let ts = teaching_staff(ctx).await?;
        if !crate::people::reads_teacher_private(actor(ctx), self.0.school_id, ts) {
            return Err(ApiError::Forbidden(msg!("forbidden-phone")).into());
        }
        Ok(self.0.phone.as_deref())
    }
    /// The industry qualification the teacher holds (a criterion of the certification).
    async fn industry_qualification(&self) -> Option<&str> {
        self.0.industry_qualification.as_deref()
    }
    /// Whether the teaching-staff committee has certified the teacher dual-qualified (双师型).
    async fn dual_qualified(&self) -> bool {
        self.0.dual_qualified_on.is_some()
    }
    /// The day of the certification; null when not certified.
    async fn dual_qualified_on(&self) -> Option<Date> {
        self.0.dual_qualified_on.map(Into::into)
    }
    /// The evidence the certification rests on.
    async fn dual_qualified_evidence(&self) -> Option<&str> {
        self.0.dual_qualified_evidence.as_deref()
    }
    /// The day the teacher left the school; null while on its staff.
    async fn left_on(&self) -> Option<Date> {
        self.0.left_on.map(Into::into)
    }
    /// Days on site of the teacher's practice stints its hosts confirmed (not declined): a
    /// criterion of the certification (Founding notice 二(二)4). Batched: one SQL statement for
    /// every teacher of a response.
    async fn confirmed_practice_days(&self, ctx: &Context<'_>) -> ApiResult<i64> {
        let rows = ctx
            .data::<Loaders>()?
            .practices_by_teacher
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        Ok(rows
            .iter()
            .filter(|p| p.host_confirmed_at.is_some() && p.declined_at.is_none())
            .map(|p| i64::from(p.days_on_site))
            .sum())
    }
    /// The teacher's practice stints at teacher practice stations, oldest first: the teacher's
    /// school, the teaching-staff committee and the secretariat (empty for anyone else). Batched
    /// as `confirmedPracticeDays`.
    async fn practices(&self, ctx: &Context<'_>) -> ApiResult<Vec<TeacherPractice>> {
        let ts = teaching_staff(ctx).await?;
        if !crate::people::reads_teacher_private(actor(ctx), self.0.school_id, ts) {
            return Ok(Vec::new());
        }
        Ok(ctx
            .data::<Loaders>()?
            .practices_by_teacher
            .load_one(self.0.id)
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(TeacherPractice)
            .collect())
    }
    /// When the row was created (UTC): the teacher counts in the pool from that day.
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
    /// When the row was last changed (UTC).
    async fn updated_at(&self) -> DateTime {
        self.0.updated_at.into()
    }
}

/// A reserve-craftsman nomination.
pub struct ReserveCraftsman(pub reserve_craftsman::Model);

/// A school's nomination of its student as a Weihai reserve craftsman (威海工匠后备人才) for a
/// year, and the selection's decision (Weihai 2020 plan, task 17: 500 selected a year). Personal
/// data: the student's school and the secretariat only.
#[Object]
impl ReserveCraftsman {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::ReserveCraftsman, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way). Errors:
    /// `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }

    /// The selection's year.
    async fn year(&self) -> i32 {
        self.0.year
    }
    /// The student nominated.
    async fn student(&self, ctx: &Context<'_>) -> ApiResult<Option<Student>> {
        Ok(ctx
            .data::<Loaders>()?
            .student(self.0.student_id)
            .await?
            .map(|s| Student(s, StudentView::Full)))
    }
    /// The student's school, which nominated.
    async fn school(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.school_id).await
    }
    /// Why the school nominates the student.
    async fn reason(&self) -> &str {
        &self.0.reason
    }
    /// Where the nomination stands.
    async fn status(&self) -> ReserveCraftsmanStatus {
        self.0.status
    }
    /// The day it was decided.
    async fn decided_on(&self) -> Option<Date> {
        self.0.decided_on.map(Into::into)
    }
    /// The selection's note.
    async fn decision_note(&self) -> Option<&str> {
        self.0.decision_note.as_deref()
    }
    /// When the school nominated (UTC).
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
}

/// An apprenticeship base.
pub struct ApprenticeshipBase(pub apprenticeship_base::Model);

/// A school's apprenticeship base in a firm for one specialty (企业学徒基地), and its municipal
/// demonstration status (市级示范性企业学徒基地; Weihai 2020 plan, task 19: 15 or more by 2023).
#[Object]
impl ApprenticeshipBase {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::ApprenticeshipBase, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way). Errors:
    /// `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }

    /// The school that set it up.
    async fn school(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.school_id).await
    }
    /// The firm it is in.
    async fn enterprise(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.enterprise_id).await
    }
    /// The specialty.
    async fn specialty(&self) -> &str {
        &self.0.specialty
    }
    /// The day it was set up.
    async fn established_on(&self) -> Date {
        self.0.established_on.into()
    }
    /// Whether it is a municipal demonstration base now.
    async fn demonstration(&self) -> bool {
        self.0.demonstration_on.is_some() && self.0.closed_on.is_none()
    }
    /// The day it was named a municipal demonstration base.
    async fn demonstration_on(&self) -> Option<Date> {
        self.0.demonstration_on.map(Into::into)
    }
    /// The document naming it (issuer, title, number).
    async fn demonstration_document(&self) -> Option<&str> {
        self.0.demonstration_document.as_deref()
    }
    /// The day it closed; null while it runs.
    async fn closed_on(&self) -> Option<Date> {
        self.0.closed_on.map(Into::into)
    }
}

/// An industry-education enterprise certification.
pub struct EnterpriseCertification(pub enterprise_certification::Model);

/// A firm's industry-education enterprise certification (产教融合型企业, Founding notice 三(二);
/// Ten Measures (7)) at one level. The plan counts the provincial and national ones (Weihai 2020
/// plan (九), task 15: 30 firms).
#[Object]
impl EnterpriseCertification {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::EnterpriseCertification, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way). Errors:
    /// `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }

    /// The firm.
    async fn enterprise(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.enterprise_id).await
    }
    /// The level of the certifying authority.
    async fn level(&self) -> CertificationLevel {
        self.0.level
    }
    /// Where it stands.
    async fn status(&self) -> CertificationStatus {
        self.0.status
    }
    /// The day the firm applied.
    async fn applied_on(&self) -> Date {
        self.0.applied_on.into()
    }
    /// The day it was certified.
    async fn certified_on(&self) -> Option<Date> {
        self.0.certified_on.map(Into::into)
    }
    /// The last day it holds; null when open-ended.
    async fn expires_on(&self) -> Option<Date> {
        self.0.expires_on.map(Into::into)
    }
    /// The certifying document (issuer, title, number).
    async fn document(&self) -> Option<&str> {
        self.0.document.as_deref()
    }
    /// Whether it holds today at a level the plan counts (provincial or national).
    async fn counts_today(&self) -> bool {
        crate::people::certified_on_day(&self.0, chrono::Utc::now().date_naive())
    }
}

/// One school's dual-qualified share on a day.
#[derive(SimpleObject)]
pub struct SchoolDualQualifiedShare {
    /// The school.
    pub school: MemberUnit,
    /// Its specialty teachers on staff that day.
    pub specialty_teachers: i64,
    /// Of them, certified dual-qualified on or before the day.
    pub dual_qualified: i64,
    /// `dualQualified / specialtyTeachers × 100`, in percent.
    pub share: f64,
}

/// The dual-qualified share (双师型比例) of specialty teachers on a day, alliance-wide and per
/// school (Weihai 2020 plan, task 30: 80%).
#[derive(SimpleObject)]
pub struct DualQualifiedStanding {
    /// The day measured.
    pub on: Date,
    /// Specialty teachers on staff that day, over the schools listed.
    pub specialty_teachers: i64,
    /// Of them, certified dual-qualified.
    pub dual_qualified: i64,
    /// `dualQualified / specialtyTeachers × 100`, in percent; null with no specialty teachers.
    pub share: Option<f64>,
    /// Each school with specialty teachers in the pool, in annex order.
    pub schools: Vec<SchoolDualQualifiedShare>,
}

/// One school's reserve-craftsman nominations of a year.
#[derive(SimpleObject)]
pub struct SchoolReserveCraftsmen {
    /// The school.
    pub school: MemberUnit,
    /// Nominations not yet decided.
    pub nominated: i64,
    /// Selected.
    pub selected: i64,
    /// Not selected.
    pub not_selected: i64,
}

/// A year's reserve-craftsman selection in figures (Weihai 2020 plan, task 17: 500 a year).
#[derive(SimpleObject)]
pub struct ReserveCraftsmenYear {
    /// The year.
    pub year: i32,
    /// Nominations not yet decided.
    pub nominated: i64,
    /// Selected.
    pub selected: i64,
    /// Not selected.
    pub not_selected: i64,
    /// Each school with nominations, in annex order.
    pub schools: Vec<SchoolReserveCraftsmen>,
}

/// A page of platforms.
pub type PlatformConnection = Connection<Cursor, Platform, TotalCount, EmptyFields>;
/// A page of platform grants.
pub type PlatformGrantConnection = Connection<Cursor, PlatformGrant, TotalCount, EmptyFields>;

/// A high-skill platform.
pub struct Platform(pub entity::platform::Model);

/// A high-skill platform a member holds (高技能人才平台载体, Ten Measures (1), (4)): a skill-master
/// studio or station, a WorldSkills training base, a quality school, with its approval. Any account
/// but an evaluator's.
#[Object]
impl Platform {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Platform, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way). Errors:
    /// `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }

    /// The member that holds it.
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.unit_id).await
    }
    /// Its kind.
    async fn kind(&self) -> entity::enums::PlatformKind {
        self.0.kind
    }
    /// The level of its approving authority (fixed by the kind).
    async fn level(&self) -> crate::people::PlatformLevel {
        crate::people::level_of(self.0.kind)
    }
    /// Its name as approved.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The day it was approved.
    async fn approved_on(&self) -> Date {
        self.0.approved_on.into()
    }
    /// The approving document (issuer, title, number).
    async fn document(&self) -> &str {
        &self.0.document
    }
    /// The one-off grant its kind carries, in CNY fen (1 CNY = 100 fen); null for a kind the
    /// measures name without a grant. The ledger entry is `platformGrants`.
    async fn grant_fen(&self) -> Option<i64> {
        crate::people::grant_of(self.0.kind).map(|(fen, _)| fen)
    }
}

/// A platform grant in a member's funding ledger.
pub struct PlatformGrant(pub entity::platform_grant::Model);

/// The one-off grant a platform carries (Ten Measures (1), (4)) in its member's funding ledger:
/// due from the platform's approval, paid on a day with a reference. The member itself, the
/// secretariat and committee staff.
#[Object]
impl PlatformGrant {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::PlatformGrant, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way). Errors:
    /// `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }

    /// The member that receives it.
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.unit_id).await
    }
    /// The platform's kind.
    async fn kind(&self) -> entity::enums::PlatformKind {
        self.0.kind
    }
    /// The amount, in CNY fen (1 CNY = 100 fen).
    async fn amount_fen(&self) -> i64 {
        self.0.amount_fen
    }
    /// The day it fell due (the platform's approval).
    async fn due_on(&self) -> Date {
        self.0.due_on.into()
    }
    /// Whether it is paid.
    async fn paid(&self) -> bool {
        self.0.paid_on.is_some()
    }
    /// The day it was paid.
    async fn paid_on(&self) -> Option<Date> {
        self.0.paid_on.map(Into::into)
    }
    /// The payment's reference.
    async fn reference(&self) -> Option<&str> {
        self.0.reference.as_deref()
    }
}

/// The grant a kind of platform carries, as the measures state it.
#[derive(SimpleObject)]
pub struct PlatformGrantRate {
    /// The kind.
    pub kind: entity::enums::PlatformKind,
    /// Its level.
    pub level: crate::people::PlatformLevel,
    /// The one-off grant, CNY fen; null when the measures name the kind without a grant.
    pub amount_fen: Option<i64>,
    /// The measure that states it.
    pub source: Option<String>,
}

/// The grants of one kind that fell due in a year.
#[derive(SimpleObject)]
pub struct PlatformGrantTotal {
    /// The platforms' kind.
    pub kind: entity::enums::PlatformKind,
    /// Grants due in the year.
    pub grants: i64,
    /// Their amount, CNY fen.
    pub due_fen: i64,
    /// Of it, paid by now, CNY fen.
    pub paid_fen: i64,
}
