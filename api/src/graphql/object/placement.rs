use crate::graphql::scalar::{Date, DateTime};
use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object, SimpleObject};
use entity::enums::{ArrangedBy, District, OutcomeStatus, PlacementStatus, VenueType};
use entity::{graduate_outcome, internship_placement};
use futures_util::FutureExt;

use super::{MemberUnit, Student, StudentView, TrainingSite};
use crate::auth::Actor;
use crate::graphql::connection::{Cursor, TotalCount};
use crate::graphql::error::ApiResult;
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::Loaders;
use crate::placement::{InternCounts, PlacementRule, Severity, findings};

/// A page of placements.
pub type InternshipPlacementConnection =
    Connection<Cursor, InternshipPlacement, TotalCount, EmptyFields>;

/// One rule a placement does not meet (`docs/internship-rules.md`).
#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct RuleFinding {
    /// The rule's code.
    pub rule: PlacementRule,
    /// BLOCKING (activation is refused) or WARNING (listed for the committees).
    pub severity: Severity,
    /// What `message` says, rendered only when it is asked for (the committees' work list asks
    /// for the rules alone; `docs/performance.md`, "Rule messages rendered when asked").
    #[graphql(skip)]
    pub text: crate::i18n::Message,
}

#[async_graphql::ComplexObject]
impl RuleFinding {
    /// What is wrong, with the figures (for a host, without the intern's personal figures), in
    /// the request's language (`Accept-Language`).
    async fn message(&self, ctx: &Context<'_>) -> String {
        self.text.render(crate::i18n::Locale::of(ctx))
    }
}

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct InternshipPlacement(pub internship_placement::Model);

impl InternshipPlacement {
    /// The caller's view of the student: full for the school and the secretariat, name and
    /// specialty for the host.
    fn view(&self, actor: &Actor) -> StudentView {
        match actor.unit() {
            Some(u) if Some(u) == self.0.host_unit_id && u != self.0.school_id => {
                StudentView::Limited
            }
            _ => StudentView::Full,
        }
    }

    /// The placement's findings (student, host and open placements at the host through loaders).
    pub async fn compute_findings(&self, ctx: &Context<'_>) -> ApiResult<Vec<RuleFinding>> {
        let loaders = ctx.data::<Loaders>()?;
        let Some(student) = loaders.student(self.0.student_id).await? else {
            return Ok(Vec::new());
        };
        let host = match self.0.host_unit_id {
            Some(h) => loaders.unit(h).await?,
            None => None,
        };
        let fields = internship_placement::RuleFields::from(&self.0);
        let counts = if crate::placement::ratios_apply(&fields, host.as_deref()) {
            loaders
                .intern_counts
                .load_one(self.0.id)
                .await?
                .unwrap_or(InternCounts { host: 1, post: 1 })
        } else {
            InternCounts { host: 1, post: 1 }
        };
        // A host sees what is wrong, not the intern's age or year of study behind it.
        let limited = self.view(crate::graphql::guard::actor(ctx)) == StudentView::Limited;
        Ok(
            findings(&fields, &(&*student).into(), host.as_deref(), counts)
                .into_iter()
                .map(|f| RuleFinding {
                    severity: if f.rule.blocking() {
                        Severity::Blocking
                    } else {
                        Severity::Warning
                    },
                    text: if limited { f.rule.summary() } else { f.message },
                    rule: f.rule,
                })
                .collect(),
        )
    }
}

/// The columns each field of [`InternshipPlacement`] reads from its row, for a page that reads
/// only what its selection shows ([`InternshipPlacement::columns_for`]); a field not listed here
/// (`history`, `ruleFindings`, and any added later) has the page read whole rows.
/// `placements::a_narrow_page_answers_every_field_as_the_whole_row_does` checks every field of
/// the type against the whole row.
const FIELD_COLUMNS: &[(&str, &[internship_placement::Column])] = {
    use internship_placement::Column as C;
    &[
        ("__typename", &[]),
        ("id", &[]),
        ("student", &[]),
        ("school", &[]),
        ("host", &[]),
        ("trainingSite", &[]),
        ("hostName", &[C::HostName]),
        ("hostUscc", &[C::HostUscc]),
        ("postTitle", &[C::PostTitle]),
        ("venueType", &[C::VenueType]),
        ("hazardous", &[C::Hazardous]),
        ("femaleForbiddenWork", &[C::FemaleForbiddenWork]),
        ("labourIntensity", &[C::LabourIntensity]),
        ("weeklyHours", &[C::WeeklyHours]),
        ("nightShifts", &[C::NightShifts]),
        ("overtime", &[C::Overtime]),
        ("postStaffCount", &[C::PostStaffCount]),
        ("hostStaffCount", &[C::HostStaffCount]),
        ("hostIsAgency", &[C::HostIsAgency]),
        ("monthlyPay", &[C::MonthlyPay]),
        ("postWage", &[C::PostWage]),
        ("mentorName", &[C::MentorName]),
        ("mentorTitle", &[C::MentorTitle]),
        ("arrangedBy", &[C::ArrangedBy]),
        ("worksElsewhere", &[C::WorksElsewhere]),
        ("agreementSignedOn", &[C::AgreementSignedOn]),
        ("agreementGuardianSigned", &[C::AgreementGuardianSigned]),
        ("consentGiven", &[C::ConsentGiven]),
        ("guardianConsentGiven", &[C::GuardianConsentGiven]),
        ("applicationApprovedOn", &[C::ApplicationApprovedOn]),
        ("insurancePolicy", &[C::InsurancePolicy]),
        ("insuranceStart", &[C::InsuranceStart]),
        ("insuranceEnd", &[C::InsuranceEnd]),
        ("startDate", &[C::StartDate]),
        ("endDate", &[C::EndDate]),
        ("status", &[C::Status]),
        ("terminationReason", &[C::TerminationReason]),
        ("hostConfirmedAt", &[C::HostConfirmedAt]),
        ("noFeesAttested", &[C::NoFeesAttested]),
        ("createdAt", &[C::CreatedAt]),
    ]
};

/// The columns a page's rows always carry, whatever is selected: the id (the cursor) and the
/// keys of the related rows, which the loaders are primed with and the caller's view of the
/// student is decided by ([`InternshipPlacement::view`]).
const KEY_COLUMNS: [internship_placement::Column; 5] = [
    internship_placement::Column::Id,
    internship_placement::Column::StudentId,
    internship_placement::Column::SchoolId,
    internship_placement::Column::HostUnitId,
    internship_placement::Column::TrainingSiteId,
];

impl InternshipPlacement {
    /// The columns the items of `connection` (a page's `nodes { … }` and `edges { node { … } }`,
    /// through fragments) read: [`KEY_COLUMNS`] and those of each field selected
    /// ([`FIELD_COLUMNS`]); every column when a field selected is not listed there.
    pub fn columns_for(connection: &async_graphql::Lookahead<'_>) -> entity::positional::ColumnSet {
        use entity::positional::ColumnSet;
        // The sets of [`FIELD_COLUMNS`] and [`KEY_COLUMNS`], made once per process.
        static SETS: std::sync::LazyLock<(ColumnSet, Vec<(&str, ColumnSet)>)> =
            std::sync::LazyLock::new(|| {
                let of = |c: &[internship_placement::Column]| {
                    ColumnSet::of::<internship_placement::Entity>(c.iter().copied())
                };
                let fields = FIELD_COLUMNS.iter().map(|(n, c)| (*n, of(c))).collect();
                (of(&KEY_COLUMNS), fields)
            });
        let (mut columns, fields) = (SETS.0, &SETS.1);
        let items = [
            connection.field("nodes"),
            connection.field("edges").field("node"),
        ];
        for item in items
            .iter()
            .flat_map(async_graphql::Lookahead::selection_fields)
        {
            for field in item.selection_set() {
                match fields.iter().find(|(name, _)| *name == field.name()) {
                    Some((_, read)) => columns = columns.with(*read),
                    None => return ColumnSet::all::<internship_placement::Model>(),
                }
            }
        }
        columns
    }
}

/// Internship placement (岗位实习): a student's internship at a host unit, reported by the school
/// and checked against the national rules (`docs/internship-rules.md`). Visible to the student's school,
/// the host (which sees only the intern's name and specialty besides the placement itself) and the
/// secretariat.
#[Object]
impl InternshipPlacement {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::InternshipPlacement, self.0.id)
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

    /// The intern.
    async fn student(&self, ctx: &Context<'_>) -> ApiResult<Option<Student>> {
        let view = self.view(crate::graphql::guard::actor(ctx));
        Ok(ctx
            .data::<Loaders>()?
            .student(self.0.student_id)
            .boxed()
            .await?
            .map(|s| Student(s, view)))
    }

    /// The student's school.
    async fn school(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        Ok(ctx
            .data::<Loaders>()?
            .unit(self.0.school_id)
            .boxed()
            .await?
            .map(MemberUnit))
    }

    /// The host, when it is a member unit.
    async fn host(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        let Some(h) = self.0.host_unit_id else {
            return Ok(None);
        };
        Ok(ctx
            .data::<Loaders>()?
            .unit(h)
            .boxed()
            .await?
            .map(MemberUnit))
    }

    /// The training site the placement takes place in (e.g. the host's school-in-factory base,
    /// 厂中校, Founding notice 二(一)3); null when the school named none. Its host or a partner is
    /// the placement's school or host. Loaded in one batch for a page.
    async fn training_site(&self, ctx: &Context<'_>) -> ApiResult<Option<TrainingSite>> {
        let Some(site) = self.0.training_site_id else {
            return Ok(None);
        };
        Ok(ctx
            .data::<Loaders>()?
            .training_site
            .load_one(site)
            .boxed()
            .await?
            .map(TrainingSite))
    }

    /// The host's name (a member's registry name, or a non-member's).
    async fn host_name(&self) -> &str {
        &self.0.host_name
    }

    /// The host's unified social credit code, if known.
    async fn host_uscc(&self) -> Option<&str> {
        self.0.host_uscc.as_deref()
    }

    /// Post title (岗位).
    async fn post_title(&self) -> &str {
        &self.0.post_title
    }

    /// Kind of workplace.
    async fn venue_type(&self) -> VenueType {
        self.0.venue_type
    }

    /// The post involves work banned for minors.
    async fn hazardous(&self) -> bool {
        self.0.hazardous
    }

    /// The post involves work forbidden to female workers (《女职工劳动保护特别规定》, annex).
    async fn female_forbidden_work(&self) -> bool {
        self.0.female_forbidden_work
    }

    /// The post's physical-labour intensity level by GB 3869-1997, 1 (I) to 4 (IV); null when not
    /// assessed.
    async fn labour_intensity(&self) -> Option<i32> {
        self.0.labour_intensity.map(i32::from)
    }

    /// Scheduled hours per week.
    async fn weekly_hours(&self) -> i32 {
        self.0.weekly_hours
    }

    /// Night shifts in the schedule.
    async fn night_shifts(&self) -> bool {
        self.0.night_shifts
    }

    /// Overtime or statutory-holiday work in the schedule.
    async fn overtime(&self) -> bool {
        self.0.overtime
    }

    /// Staff on the same post at the host, if known.
    async fn post_staff_count(&self) -> Option<i32> {
        self.0.post_staff_count
    }

    /// A host that is not a member: its staff on duty as the school reports it (null for members,
    /// whose registry count is used, or when not known).
    async fn host_staff_count(&self) -> Option<i32> {
        self.0.host_staff_count
    }

    /// A host that is not a member: the school reports it is a human-resources service agency.
    async fn host_is_agency(&self) -> bool {
        self.0.host_is_agency
    }

    /// Monthly pay to the intern (CNY).
    async fn monthly_pay(&self) -> i32 {
        self.0.monthly_pay
    }

    /// The host's monthly wage for the same post (CNY).
    async fn post_wage(&self) -> i32 {
        self.0.post_wage
    }

    /// Workplace mentor's name (师傅).
    async fn mentor_name(&self) -> Option<&str> {
        self.0.mentor_name.as_deref()
    }

    /// Workplace mentor's title or skill level.
    async fn mentor_title(&self) -> Option<&str> {
        self.0.mentor_title.as_deref()
    }

    /// Who arranged the placement.
    async fn arranged_by(&self) -> ArrangedBy {
        self.0.arranged_by
    }

    /// The student works at another firm than the host.
    async fn works_elsewhere(&self) -> bool {
        self.0.works_elsewhere
    }

    /// Tripartite agreement: date signed (ISO 8601 date).
    async fn agreement_signed_on(&self) -> Option<Date> {
        self.0.agreement_signed_on.map(Into::into)
    }

    /// Tripartite agreement: the guardian signed too.
    async fn agreement_guardian_signed(&self) -> bool {
        self.0.agreement_guardian_signed
    }

    /// The student's informed consent recorded.
    async fn consent_given(&self) -> bool {
        self.0.consent_given
    }

    /// A minor's guardian's informed consent recorded.
    async fn guardian_consent_given(&self) -> bool {
        self.0.guardian_consent_given
    }

    /// For a placement the student arranged: the day the school approved the student's
    /// application.
    async fn application_approved_on(&self) -> Option<Date> {
        self.0.application_approved_on.map(Into::into)
    }

    /// Liability insurance policy number.
    async fn insurance_policy(&self) -> Option<&str> {
        self.0.insurance_policy.as_deref()
    }

    /// Insurance cover start (ISO 8601 date).
    async fn insurance_start(&self) -> Option<Date> {
        self.0.insurance_start.map(Into::into)
    }

    /// Insurance cover end (ISO 8601 date).
    async fn insurance_end(&self) -> Option<Date> {
        self.0.insurance_end.map(Into::into)
    }

    /// First day (ISO 8601 date).
    async fn start_date(&self) -> Date {
        self.0.start_date.into()
    }

    /// Last day (ISO 8601 date).
    async fn end_date(&self) -> Date {
        self.0.end_date.into()
    }

    /// Workflow status.
    async fn status(&self) -> PlacementStatus {
        self.0.status
    }

    /// Why it was terminated.
    async fn termination_reason(&self) -> Option<&str> {
        self.0.termination_reason.as_deref()
    }

    /// When the host confirmed it (UTC, RFC 3339).
    async fn host_confirmed_at(&self) -> Option<DateTime> {
        self.0.host_confirmed_at.map(Into::into)
    }

    /// The host attests it charges no deposits or fees and holds no ID cards.
    async fn no_fees_attested(&self) -> bool {
        self.0.no_fees_attested
    }

    /// Every rule the placement does not meet now: BLOCKING ones (activation is refused) first,
    /// then WARNING ones (ratios, duration, attestation).
    async fn rule_findings(&self, ctx: &Context<'_>) -> ApiResult<Vec<RuleFinding>> {
        self.compute_findings(ctx).boxed().await
    }

    /// When the placement was reported (UTC, RFC 3339).
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
}

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct GraduateOutcome(pub graduate_outcome::Model);

/// Where a graduate went (毕业去向), reported by the school; the basis of retention in Weihai
/// (留威就业, Founding notice 二(四)11). Visible to the school and the secretariat.
#[Object]
impl GraduateOutcome {
    /// The graduate.
    async fn student(&self, ctx: &Context<'_>) -> ApiResult<Option<Student>> {
        Ok(ctx
            .data::<Loaders>()?
            .student(self.0.student_id)
            .boxed()
            .await?
            .map(|s| Student(s, StudentView::Full)))
    }

    /// Year of graduation.
    async fn graduation_year(&self) -> i32 {
        self.0.graduation_year
    }

    /// Employed, further study, or not yet employed.
    async fn status(&self) -> OutcomeStatus {
        self.0.status
    }

    /// The employer, when a member unit.
    async fn employer(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        let Some(e) = self.0.employer_unit_id else {
            return Ok(None);
        };
        Ok(ctx
            .data::<Loaders>()?
            .unit(e)
            .boxed()
            .await?
            .map(MemberUnit))
    }

    /// The employer's name.
    async fn employer_name(&self) -> Option<&str> {
        self.0.employer_name.as_deref()
    }

    /// The employer's district in Weihai.
    async fn employer_district(&self) -> Option<District> {
        self.0.employer_district
    }

    /// Employed in Weihai (留威就业).
    async fn in_weihai(&self) -> bool {
        self.0.in_weihai
    }

    /// Hired by the internship host or an order-class sponsor.
    async fn hired_by_host_or_sponsor(&self) -> bool {
        self.0.hired_by_host_or_sponsor
    }

    /// Date reported (ISO 8601 date).
    async fn reported_on(&self) -> Date {
        self.0.reported_on.into()
    }
}
