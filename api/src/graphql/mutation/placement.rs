use async_graphql::{Context, ID, InputObject, Object, SimpleObject, Upload};
use chrono::NaiveDate;
use entity::enums::{ArrangedBy, District, Gender, OutcomeStatus, VenueType};
use sea_orm::DatabaseConnection;

use super::input_id;
use crate::graphql::error::{ApiError, ApiResult, UserError, UserErrorCode};
use crate::graphql::guard::actor;
use crate::graphql::id::NodeType;
use crate::graphql::object::{GraduateOutcome, InternshipPlacement, Student, StudentView};
use crate::placement::{
    self as domain, Host, OutcomeInput, PlacementAction, PlacementInput, StudentInput,
};
use crate::spreadsheet::{self, Format, ImportReport};

/// A student of the caller's school, created or (by student number) updated.
#[derive(InputObject)]
pub struct SaveStudentInput {
    /// Student number (学号), unique within the school.
    pub student_number: String,
    /// Full name.
    pub name: String,
    /// Gender.
    pub gender: Gender,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// Year of study, 1–6 (1 = first year; needed before a placement can be activated).
    pub year_of_study: Option<i32>,
    /// Specialty.
    pub specialty: Option<String>,
    /// National ID number: 18 characters, GB 11643-1999, encoding the date of birth
    /// (`INVALID_NATIONAL_ID`). Stored; only ever returned masked.
    pub national_id: Option<String>,
}

payload!(
    /// Result of `saveStudent`.
    SaveStudentPayload, student: Student
);

/// An internship placement reported by the student's school (PLANNED).
#[derive(InputObject)]
pub struct ReportInternshipPlacementInput {
    /// The student, by student number (`NOT_FOUND`).
    pub student_number: String,
    /// The host, when a member unit (global ID).
    pub host_unit_id: Option<ID>,
    /// The host's name, for a firm outside the alliance (a member's exact name links to it).
    pub host_name: Option<String>,
    /// The host's unified social credit code (`INVALID_CREDIT_CODE`).
    pub host_uscc: Option<String>,
    /// The order class the placement belongs to (global ID).
    pub order_class_id: Option<ID>,
    /// Post title.
    pub post_title: String,
    /// Kind of workplace.
    pub venue_type: VenueType,
    /// The post involves work banned for minors.
    #[graphql(default)]
    pub hazardous: bool,
    /// Scheduled hours per week (0–168; more than 40 counts as overtime).
    pub weekly_hours: i32,
    /// Night shifts in the schedule.
    #[graphql(default)]
    pub night_shifts: bool,
    /// Overtime or statutory-holiday work in the schedule.
    #[graphql(default)]
    pub overtime: bool,
    /// Staff on the same post at the host (for the 20% ratio).
    pub post_staff_count: Option<i32>,
    /// Monthly pay to the intern, CNY.
    pub monthly_pay: i32,
    /// The host's wage for the same post (or its lowest grade), CNY.
    pub post_wage: i32,
    /// Workplace mentor (师傅).
    pub mentor_name: Option<String>,
    /// Mentor's title or skill level.
    pub mentor_title: Option<String>,
    /// Who arranged the placement.
    pub arranged_by: ArrangedBy,
    /// The student works at another firm than the host (agency hosting).
    #[graphql(default)]
    pub works_elsewhere: bool,
    /// Tripartite agreement signed on.
    pub agreement_signed_on: Option<NaiveDate>,
    /// The guardian signed the agreement too.
    #[graphql(default)]
    pub agreement_guardian_signed: bool,
    /// The student's informed consent recorded.
    #[graphql(default)]
    pub consent_given: bool,
    /// A minor's guardian's informed consent recorded (needed when the student is under 18 on the
    /// start date).
    #[graphql(default)]
    pub guardian_consent_given: bool,
    /// Liability insurance policy number.
    pub insurance_policy: Option<String>,
    /// Insurance cover starts.
    pub insurance_start: Option<NaiveDate>,
    /// Insurance cover ends.
    pub insurance_end: Option<NaiveDate>,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day (not before the first).
    pub end_date: NaiveDate,
}

payload!(
    /// Result of a mutation on a placement. Activation lists every blocking rule broken in `userErrors`, by its code (`AGREEMENT_REQUIRED`, `UNDER_16`, …).
    InternshipPlacementPayload, internship_placement: InternshipPlacement
);

/// Names one placement.
#[derive(InputObject)]
pub struct InternshipPlacementIdInput {
    /// Global ID of the placement.
    pub id: ID,
}

/// Ends a placement early.
#[derive(InputObject)]
pub struct TerminateInternshipPlacementInput {
    /// Global ID of the placement.
    pub id: ID,
    /// Why (`BLANK`).
    pub reason: String,
}

/// The host's confirmation of a placement.
#[derive(InputObject)]
pub struct ConfirmInternshipPlacementInput {
    /// Global ID of the placement.
    pub id: ID,
    /// The host attests that it charges no deposits or fees and holds no ID cards (NO_FEES).
    pub no_fees_attested: bool,
}

/// A graduate's outcome.
#[derive(InputObject)]
pub struct RecordGraduateOutcomeInput {
    /// The student, by student number (`NOT_FOUND`).
    pub student_number: String,
    /// Year of graduation.
    pub graduation_year: i32,
    /// Employed, further study, or not yet employed.
    pub status: OutcomeStatus,
    /// The employer, when a member unit (global ID).
    pub employer_unit_id: Option<ID>,
    /// The employer's name, for a non-member.
    pub employer_name: Option<String>,
    /// The employer's district, when in Weihai.
    pub employer_district: Option<District>,
    /// Employed in Weihai (留威就业).
    #[graphql(default)]
    pub in_weihai: bool,
    /// Hired by the internship host or an order-class sponsor.
    #[graphql(default)]
    pub hired_by_host_or_sponsor: bool,
    /// Date reported.
    pub reported_on: NaiveDate,
}

payload!(
    /// Result of `recordGraduateOutcome`.
    RecordGraduateOutcomePayload, graduate_outcome: GraduateOutcome
);

#[derive(Default)]
pub struct PlacementMutation;

async fn import(ctx: &Context<'_>, file: Upload, students: bool) -> ApiResult<ImportReport> {
    let a = actor(ctx);
    a.require_school()?;
    let db = ctx.data::<DatabaseConnection>()?;
    let upload = file
        .value(ctx)
        .map_err(|e| ApiError::BadUserInput(format!("the upload cannot be read: {e}")))?;
    let Some(format) = Format::detect(&upload.filename, upload.content_type.as_deref()) else {
        return Ok(ImportReport {
            errors: vec![spreadsheet::RowError {
                row: 0,
                column: None,
                code: UserErrorCode::MalformedFile,
                message: "send an .xlsx or .csv file".into(),
            }],
            ..Default::default()
        });
    };
    let reader = std::io::BufReader::new(upload.content);
    let report = if students {
        spreadsheet::import_students(db, a, format, reader, |_| {}).await
    } else {
        spreadsheet::import_placements(db, a, format, reader, |_| {}).await
    };
    Ok(report?)
}

fn placement_payload(
    r: crate::error::OpResult<entity::internship_placement::Model>,
) -> ApiResult<InternshipPlacementPayload> {
    Ok(InternshipPlacementPayload::from_outcome(
        r?,
        InternshipPlacement,
    ))
}

async fn placement_action(
    ctx: &Context<'_>,
    id: &ID,
    action: PlacementAction,
) -> ApiResult<InternshipPlacementPayload> {
    let db = ctx.data::<DatabaseConnection>()?;
    let id = bail_on!(
        InternshipPlacementPayload,
        input_id(NodeType::InternshipPlacement, id, "id")
    );
    placement_payload(domain::transition(db, actor(ctx), id, action).await)
}

#[Object]
impl PlacementMutation {
    /// Records a student of the caller's school, or updates the one with the same student number.
    /// SCHOOL_STAFF only.
    async fn save_student(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `SaveStudentInput`.")] input: SaveStudentInput,
    ) -> ApiResult<SaveStudentPayload> {
        let db = ctx.data::<DatabaseConnection>()?;
        let s = StudentInput {
            student_number: input.student_number,
            name: input.name,
            gender: input.gender,
            date_of_birth: input.date_of_birth,
            year_of_study: input.year_of_study,
            specialty: input.specialty,
            national_id: input.national_id,
        };
        Ok(SaveStudentPayload::from_outcome(
            domain::save_student(db, actor(ctx), s).await?,
            |s| Student(s, StudentView::Full),
        ))
    }

    /// Reports an internship placement for a student of the caller's school (PLANNED). The rules
    /// are checked on activation; `ruleFindings` shows them at once. SCHOOL_STAFF only.
    async fn report_internship_placement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ReportInternshipPlacementInput`.")]
        input: ReportInternshipPlacementInput,
    ) -> ApiResult<InternshipPlacementPayload> {
        let db = ctx.data::<DatabaseConnection>()?;
        let mut errors = Vec::new();
        let host = match (&input.host_unit_id, &input.host_name) {
            (Some(id), _) => match input_id(NodeType::MemberUnit, id, "hostUnitId") {
                Ok(id) => Some(Host::Member(id)),
                Err(e) => {
                    errors.push(e);
                    None
                }
            },
            (None, Some(name)) => Some(Host::Other {
                name: name.clone(),
                uscc: input.host_uscc.clone(),
            }),
            (None, None) => {
                errors.push(UserError::on(
                    "hostName",
                    UserErrorCode::Blank,
                    "give hostUnitId or hostName",
                ));
                None
            }
        };
        let order_class = match &input.order_class_id {
            Some(id) => match input_id(NodeType::OrderClass, id, "orderClassId") {
                Ok(id) => Some(id),
                Err(e) => {
                    errors.push(e);
                    None
                }
            },
            None => None,
        };
        let Some(host) = host.filter(|_| errors.is_empty()) else {
            return Ok(InternshipPlacementPayload {
                internship_placement: None,
                user_errors: errors,
            });
        };
        let p = PlacementInput {
            student_number: input.student_number,
            host,
            order_class_id: order_class,
            post_title: input.post_title,
            venue_type: input.venue_type,
            hazardous: input.hazardous,
            weekly_hours: input.weekly_hours,
            night_shifts: input.night_shifts,
            overtime: input.overtime,
            post_staff_count: input.post_staff_count,
            monthly_pay: input.monthly_pay,
            post_wage: input.post_wage,
            mentor_name: input.mentor_name,
            mentor_title: input.mentor_title,
            arranged_by: input.arranged_by,
            works_elsewhere: input.works_elsewhere,
            agreement_signed_on: input.agreement_signed_on,
            agreement_guardian_signed: input.agreement_guardian_signed,
            consent_given: input.consent_given,
            guardian_consent_given: input.guardian_consent_given,
            insurance_policy: input.insurance_policy,
            insurance_start: input.insurance_start,
            insurance_end: input.insurance_end,
            start_date: input.start_date,
            end_date: input.end_date,
        };
        placement_payload(domain::report(db, actor(ctx), p).await)
    }

    /// Activates a PLANNED placement: PLANNED → ACTIVE when every blocking rule of
    /// `INTERNSHIP-RULES.md` is met; otherwise `userErrors` list each broken rule by its code and
    /// nothing changes. The student's school only.
    async fn activate_internship_placement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `InternshipPlacementIdInput`.")]
        input: InternshipPlacementIdInput,
    ) -> ApiResult<InternshipPlacementPayload> {
        placement_action(ctx, &input.id, PlacementAction::Activate).await
    }

    /// Completes an ACTIVE placement. The student's school only.
    async fn complete_internship_placement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `InternshipPlacementIdInput`.")]
        input: InternshipPlacementIdInput,
    ) -> ApiResult<InternshipPlacementPayload> {
        placement_action(ctx, &input.id, PlacementAction::Complete).await
    }

    /// Ends a PLANNED or ACTIVE placement early, with a reason. The student's school only.
    async fn terminate_internship_placement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `TerminateInternshipPlacementInput`.")] input: TerminateInternshipPlacementInput,
    ) -> ApiResult<InternshipPlacementPayload> {
        placement_action(ctx, &input.id, PlacementAction::Terminate(input.reason)).await
    }

    /// The host confirms a placement it hosts and gives (or withholds) its no-fees attestation.
    /// Staff of the host unit only.
    async fn confirm_internship_placement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ConfirmInternshipPlacementInput`.")]
        input: ConfirmInternshipPlacementInput,
    ) -> ApiResult<InternshipPlacementPayload> {
        let db = ctx.data::<DatabaseConnection>()?;
        let id = bail_on!(
            InternshipPlacementPayload,
            input_id(NodeType::InternshipPlacement, &input.id, "id")
        );
        placement_payload(domain::confirm(db, actor(ctx), id, input.no_fees_attested).await)
    }

    /// Records a graduate's outcome (replacing an earlier one). The student's school only.
    async fn record_graduate_outcome(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordGraduateOutcomeInput`.")]
        input: RecordGraduateOutcomeInput,
    ) -> ApiResult<RecordGraduateOutcomePayload> {
        let db = ctx.data::<DatabaseConnection>()?;
        let employer = match &input.employer_unit_id {
            Some(id) => match input_id(NodeType::MemberUnit, id, "employerUnitId") {
                Ok(id) => Some(id),
                Err(e) => {
                    return Ok(RecordGraduateOutcomePayload {
                        graduate_outcome: None,
                        user_errors: vec![e],
                    });
                }
            },
            None => None,
        };
        let o = OutcomeInput {
            student_number: input.student_number,
            graduation_year: input.graduation_year,
            status: input.status,
            employer_unit_id: employer,
            employer_name: input.employer_name,
            employer_district: input.employer_district,
            in_weihai: input.in_weihai,
            hired_by_host_or_sponsor: input.hired_by_host_or_sponsor,
            reported_on: input.reported_on,
        };
        Ok(RecordGraduateOutcomePayload::from_outcome(
            domain::record_outcome(db, actor(ctx), o).await?,
            GraduateOutcome,
        ))
    }

    /// Imports students from an .xlsx or .csv file laid out as `GET /templates/students.xlsx`
    /// (GraphQL multipart request). One transaction: any bad row → nothing is written and every
    /// bad row is reported. Re-importing the same file changes nothing. SCHOOL_STAFF only.
    async fn import_students(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The file (multipart upload), .xlsx or .csv.")] file: Upload,
    ) -> ApiResult<ImportReport> {
        import(ctx, file, true).await
    }

    /// Imports internship placements (PLANNED) from an .xlsx or .csv file laid out as
    /// `GET /templates/placements.xlsx` (GraphQL multipart request). One transaction: any bad row →
    /// nothing is written and every bad row is reported (row, column, code, message). Idempotent on
    /// school + student number + host + start date. SCHOOL_STAFF only.
    async fn import_placements(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The file (multipart upload), .xlsx or .csv.")] file: Upload,
    ) -> ApiResult<ImportReport> {
        import(ctx, file, false).await
    }
}
