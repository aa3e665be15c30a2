//! Enrolments, pre-employment agreements and students (personal data: see `StudentView`).

use std::sync::Arc;

use crate::graphql::scalar::{Date, DateTime};
use crate::msg;
use async_graphql::{Context, ID, Object, SimpleObject};
use entity::enums::{Gender, TargetGroup};
use entity::{enrolment, student};
use futures_util::FutureExt;

use super::MemberUnit;
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::Loaders;
use crate::graphql::reads::PersonalReads;

/// GraphQL object wrapping an enrolment and its student.
pub struct Enrolment(pub enrolment::Model, pub student::Model);

/// A student enrolled in an order class, with the pre-employment agreement once signed. Visible
/// only to the class's school, its sponsors and the secretariat.
#[Object]
impl Enrolment {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Enrolment, self.0.id)
    }

    /// The record's audit trail, newest first: who created and changed it, when, through which
    /// operation, and the fields changed (see `auditEvents`, scoped the same way). Errors:
    /// `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "crate::graphql::guard::RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &async_graphql::Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> crate::graphql::error::ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after)
            .boxed()
            .await
    }

    /// The student.
    async fn student(&self) -> Student {
        Student(Arc::new(self.1.clone()), StudentView::Full)
    }

    /// Regular student, unemployed youth or migrant worker.
    async fn target_group(&self) -> TargetGroup {
        self.0.target_group
    }

    /// When the student was enrolled (UTC, RFC 3339).
    async fn enrolled_at(&self) -> DateTime {
        self.0.created_at.into()
    }

    /// The tripartite pre-employment agreement (三方预就业协议), once recorded.
    async fn agreement(&self, ctx: &Context<'_>) -> ApiResult<Option<PreEmploymentAgreement>> {
        let (Some(firm), Some(signed_on)) =
            (self.0.agreement_enterprise_id, self.0.agreement_signed_on)
        else {
            return Ok(None);
        };
        let enterprise = ctx
            .data::<Loaders>()?
            .unit(firm)
            .boxed()
            .await?
            .map(MemberUnit);
        Ok(Some(PreEmploymentAgreement {
            enterprise,
            signed_on: signed_on.into(),
            guardian_signed: self.0.agreement_guardian_signed,
        }))
    }
}

/// Tripartite pre-employment agreement (三方预就业协议: school, sponsoring firm, student — a minor's
/// guardian too; "招生即招工·入校即入职", Ten Measures (7)).
#[derive(SimpleObject)]
pub struct PreEmploymentAgreement {
    /// The sponsoring firm that will employ the student.
    pub enterprise: Option<MemberUnit>,
    /// Date signed (ISO 8601 date).
    pub signed_on: Date,
    /// The guardian signed too (required for a minor).
    pub guardian_signed: bool,
}

/// How much of a student a caller may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StudentView {
    /// The student's school, the sponsors of the student's order class, the secretariat.
    Full,
    /// The host of the student's placement: name and specialty only (plus the placement's own
    /// dates, post and mentor).
    Limited,
}

/// GraphQL object wrapping the entity model and the caller's view of it.
pub struct Student(pub Arc<student::Model>, pub StudentView);

impl Student {
    fn full(&self) -> Result<(), ApiError> {
        match self.1 {
            StudentView::Full => Ok(()),
            StudentView::Limited => Err(ApiError::Forbidden(msg!("forbidden-host-sees-name-only"))),
        }
    }
}

/// A student of a school. Personal data: visible only to the student's school, the firms
/// sponsoring the student's order class, and the secretariat; the host of a placement sees the
/// name and specialty only (other fields answer `FORBIDDEN`).
#[Object]
impl Student {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Student, self.0.id)
    }

    /// When the owner archived it (UTC, RFC 3339); null while in use. An archived record stays
    /// readable here and by `node()`, drops out of lists unless `includeArchived: true`, and counts
    /// for no compliance rule (`docs/domain.md`, Correcting and archiving).
    async fn archived_at(&self) -> Option<crate::graphql::scalar::DateTime> {
        self.0.archived_at.map(Into::into)
    }

    /// The record's audit trail, newest first: who created and changed it, when, through which
    /// operation, and the fields changed (see `auditEvents`, scoped the same way). Errors:
    /// `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "crate::graphql::guard::RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &async_graphql::Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> crate::graphql::error::ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after)
            .boxed()
            .await
    }

    /// The school's student number (学号).
    async fn student_number(&self, ctx: &Context<'_>) -> ApiResult<&str> {
        self.full()?;
        PersonalReads::note(ctx, &self.0)?;
        Ok(&self.0.student_number)
    }

    /// Full name.
    async fn name(&self, ctx: &Context<'_>) -> ApiResult<&str> {
        PersonalReads::note(ctx, &self.0)?;
        Ok(&self.0.name)
    }

    /// Gender.
    async fn gender(&self, ctx: &Context<'_>) -> ApiResult<Gender> {
        self.full()?;
        PersonalReads::note(ctx, &self.0)?;
        Ok(self.0.gender)
    }

    /// Date of birth (ISO 8601 date).
    async fn date_of_birth(&self, ctx: &Context<'_>) -> ApiResult<Date> {
        self.full()?;
        PersonalReads::note(ctx, &self.0)?;
        Ok(self.0.date_of_birth.into())
    }

    /// Year of study (1 = first year), if recorded.
    async fn year_of_study(&self) -> ApiResult<Option<i32>> {
        self.full()?;
        Ok(self.0.year_of_study)
    }

    /// Specialty (专业), if recorded.
    async fn specialty(&self) -> Option<&str> {
        self.0.specialty.as_deref()
    }

    /// The student's reserve-craftsman nominations (威海工匠后备人才, Weihai 2020 plan, task 17),
    /// oldest first, with each year's decision: the student's school and the secretariat only
    /// (`FORBIDDEN` for anyone else). Batched: one SQL statement for every student of a response.
    async fn reserve_craftsman_nominations(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<super::ReserveCraftsman>> {
        let a = crate::graphql::guard::actor(ctx);
        if !(a.is_secretariat() || a.school() == Some(self.0.school_id)) {
            return Err(ApiError::Forbidden(msg!("forbidden-school-staff-only")).into());
        }
        Ok(ctx
            .data::<crate::graphql::loader::Loaders>()?
            .nominations_by_student
            .load_one(self.0.id)
            .boxed()
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(super::ReserveCraftsman)
            .collect())
    }

    /// National ID number, masked: the first 6 and last 4 characters, e.g. `371002********1234`.
    /// The full number is never returned.
    async fn national_id_masked(&self, ctx: &Context<'_>) -> ApiResult<Option<String>> {
        self.full()?;
        PersonalReads::note(ctx, &self.0)?;
        Ok(self.0.national_id.as_deref().map(crate::national_id::mask))
    }

    /// The school.
    async fn school(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        Ok(ctx
            .data::<Loaders>()?
            .unit(self.0.school_id)
            .boxed()
            .await?
            .map(MemberUnit))
    }

    /// The student's order-class enrolments, newest first, scoped as the class's students are (the
    /// class's school, its sponsors, the secretariat; empty for others). Loaded for all students
    /// of a page at once.
    #[graphql(complexity = "crate::graphql::connection::cost(first, last, child_complexity)")]
    async fn enrolments(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<super::StudentEnrolmentConnection> {
        let page = crate::graphql::connection::Page::new(first, after, last, before, "ID")?;
        super::unit_edges::student_enrolments(ctx, &self.0, page)
            .boxed()
            .await
    }

    /// The student's internship placements, filtered and ordered as `internshipPlacements`
    /// (newest first) and scoped as it is (the school, the host, the secretariat). Loaded for all
    /// students of a page at once. Errors: `BAD_USER_INPUT`.
    #[graphql(complexity = "crate::graphql::connection::cost(first, last, child_complexity)")]
    async fn internship_placements(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which placements to return (as `internshipPlacements`).")] filter: Option<
            crate::graphql::input::InternshipPlacementFilter,
        >,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<super::InternshipPlacementConnection> {
        let page = crate::graphql::connection::Page::new(first, after, last, before, "ID")?;
        super::unit_edges::placements(
            ctx,
            "Student.internshipPlacements",
            self.0.id,
            &[entity::internship_placement::Column::StudentId],
            filter,
            page,
        )
        .boxed()
        .await
    }
}
