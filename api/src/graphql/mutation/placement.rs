use async_graphql::{Context, ID, Object, SimpleObject, Upload};
use sea_orm::DatabaseConnection;

use super::input_id;
use crate::graphql::error::{ApiError, ApiResult, UserError, UserErrorCode};
use crate::graphql::guard::actor;
use crate::graphql::id::NodeType;
use crate::graphql::input::ConfirmInternshipPlacementInput;
use crate::graphql::input::InternshipPlacementIdInput;
use crate::graphql::input::OfferInternshipPostsInput;
use crate::graphql::input::RecordGraduateOutcomeInput;
use crate::graphql::input::ReportInternshipPlacementInput;
use crate::graphql::input::SaveStudentInput;
use crate::graphql::input::TerminateInternshipPlacementInput;
use crate::graphql::object::{
    GraduateOutcome, InternshipPlacement, InternshipPostOffer, Student, StudentView,
};
use crate::msg;
use crate::placement::{
    self as domain, Host, OutcomeInput, PlacementAction, PlacementInput, StudentInput,
};
use crate::spreadsheet::{self, Format, ImportReport};

payload!(
    /// Result of `saveStudent` and `archiveStudent`.
    SaveStudentPayload, student: Student
);

payload!(
    /// Result of a mutation on a placement. Activation lists every blocking rule broken in `userErrors`, by its code (`AGREEMENT_REQUIRED`, `UNDER_16`, …).
    InternshipPlacementPayload, internship_placement: InternshipPlacement
);

payload!(
    /// Result of `offerInternshipPosts`: the declaration as now recorded.
    OfferInternshipPostsPayload, internship_post_offer: InternshipPostOffer
);

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
        .map_err(|e| ApiError::BadUserInput(msg!("upload-unreadable", detail = e.to_string())))?;
    let Some(format) = Format::detect(&upload.filename, upload.content_type.as_deref()) else {
        return Ok(ImportReport {
            errors: vec![spreadsheet::RowError {
                row: 0,
                column: None,
                cell: None,
                header: None,
                code: UserErrorCode::MalformedFile,
                message: msg!("import-format-unknown"),
            }],
            error_count: 1,
            ..Default::default()
        });
    };
    let file = upload.content;
    let report = if students {
        spreadsheet::import_students(db, a, format, file, |_| {}).await
    } else {
        spreadsheet::import_placements(db, a, format, file, |_| {}).await
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
        screened!(SaveStudentPayload, &input);
        let db = ctx.data::<DatabaseConnection>()?;
        let s = StudentInput {
            student_number: input.student_number,
            name: input.name,
            gender: input.gender,
            date_of_birth: input.date_of_birth.into(),
            year_of_study: input.year_of_study,
            specialty: input.specialty,
            national_id: input.national_id,
        };
        Ok(SaveStudentPayload::from_outcome(
            domain::save_student(db, actor(ctx), s).await?,
            |s| Student(s.into(), StudentView::Full),
        ))
    }

    /// Archives a student who left the school: the student's school only (`FORBIDDEN`
    /// otherwise). The student and their placements, enrolments and outcomes are kept;
    /// `MemberUnit.students` hides them unless `includeArchived: true`; `node()` still reads them.
    /// A wrong record is corrected with `saveStudent` (same student number). User errors:
    /// `NOT_FOUND`, `INVALID_TRANSITION` (already archived).
    async fn archive_student(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ArchiveInput`.")]
        input: crate::graphql::input::ArchiveInput,
    ) -> ApiResult<SaveStudentPayload> {
        let id = match input_id(NodeType::Student, &input.id, "id") {
            Ok(id) => id,
            Err(e) => return Ok(SaveStudentPayload::failed(vec![e])),
        };
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(SaveStudentPayload::from_outcome(
            domain::archive_student(db, actor(ctx), id).await?,
            |s| Student(s.into(), StudentView::Full),
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
        screened!(InternshipPlacementPayload, &input);
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
                    msg!("placement-host-required"),
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
        let training_site = match &input.training_site_id {
            Some(id) => match input_id(NodeType::TrainingSite, id, "trainingSiteId") {
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
            female_forbidden_work: input.female_forbidden_work,
            // Out of range stays out of range (refused as INVALID), never wrapped.
            labour_intensity: input
                .labour_intensity
                .map(|l| i16::try_from(l).unwrap_or(i16::MAX)),
            weekly_hours: input.weekly_hours,
            night_shifts: input.night_shifts,
            overtime: input.overtime,
            post_staff_count: input.post_staff_count,
            host_staff_count: input.host_staff_count,
            host_is_agency: input.host_is_agency,
            monthly_pay: input.monthly_pay,
            post_wage: input.post_wage,
            mentor_name: input.mentor_name,
            mentor_title: input.mentor_title,
            arranged_by: input.arranged_by,
            works_elsewhere: input.works_elsewhere,
            agreement_signed_on: input.agreement_signed_on.map(Into::into),
            agreement_guardian_signed: input.agreement_guardian_signed,
            consent_given: input.consent_given,
            guardian_consent_given: input.guardian_consent_given,
            application_approved_on: input.application_approved_on.map(|d| d.0),
            insurance_policy: input.insurance_policy,
            insurance_start: input.insurance_start.map(Into::into),
            insurance_end: input.insurance_end.map(Into::into),
            start_date: input.start_date.into(),
            end_date: input.end_date.into(),
            training_site_id: training_site,
        };
        placement_payload(domain::report(db, actor(ctx), p).await)
    }

    /// Activates a PLANNED placement: PLANNED → ACTIVE when every blocking rule of
    /// `docs/internship-rules.md` is met; otherwise `userErrors` list each broken rule by its code and
    /// nothing changes. The student's school only.
    async fn activate_internship_placement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `InternshipPlacementIdInput`.")]
        input: InternshipPlacementIdInput,
    ) -> ApiResult<InternshipPlacementPayload> {
        screened!(InternshipPlacementPayload, &input);
        placement_action(ctx, &input.id, PlacementAction::Activate).await
    }

    /// Completes an ACTIVE placement. The student's school only.
    async fn complete_internship_placement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `InternshipPlacementIdInput`.")]
        input: InternshipPlacementIdInput,
    ) -> ApiResult<InternshipPlacementPayload> {
        screened!(InternshipPlacementPayload, &input);
        placement_action(ctx, &input.id, PlacementAction::Complete).await
    }

    /// Ends a PLANNED or ACTIVE placement early, with a reason. The student's school only.
    async fn terminate_internship_placement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `TerminateInternshipPlacementInput`.")] input: TerminateInternshipPlacementInput,
    ) -> ApiResult<InternshipPlacementPayload> {
        screened!(InternshipPlacementPayload, &input);
        placement_action(ctx, &input.id, PlacementAction::Terminate(input.reason)).await
    }

    /// The host confirms a placement it hosts and gives (or withholds) its no-fees attestation.
    /// Staff of the host unit only; never a school, even one hosting its own students
    /// (`FORBIDDEN`).
    async fn confirm_internship_placement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ConfirmInternshipPlacementInput`.")]
        input: ConfirmInternshipPlacementInput,
    ) -> ApiResult<InternshipPlacementPayload> {
        screened!(InternshipPlacementPayload, &input);
        let db = ctx.data::<DatabaseConnection>()?;
        let id = bail_on!(
            InternshipPlacementPayload,
            input_id(NodeType::InternshipPlacement, &input.id, "id")
        );
        placement_payload(domain::confirm(db, actor(ctx), id, input.no_fees_attested).await)
    }

    /// Declares the internship posts a firm sets up for vocational students in a year, replacing
    /// an earlier declaration for that year: the measure of the 2% rule ("规模以上企业按职工总数的
    /// 2%设置职业院校学生实习岗位", Weihai 2020 plan (十) and task 20; Huancui task list, item 8),
    /// read by `MemberUnit.internshipPosts` and `internshipPostCompliance`. The firm's own staff or
    /// the secretariat (`UNAUTHENTICATED`, `FORBIDDEN`; a school may not). One transaction.
    async fn offer_internship_posts(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `OfferInternshipPostsInput`.")]
        input: OfferInternshipPostsInput,
    ) -> ApiResult<OfferInternshipPostsPayload> {
        screened!(OfferInternshipPostsPayload, &input);
        let db = ctx.data::<DatabaseConnection>()?;
        let unit = bail_on!(
            OfferInternshipPostsPayload,
            input_id(NodeType::MemberUnit, &input.unit_id, "unitId")
        );
        let offer = domain::PostOffer {
            unit_id: unit,
            year: input.year,
            posts: input.posts,
            specialties: input.specialties,
        };
        Ok(OfferInternshipPostsPayload::from_outcome(
            domain::offer_internship_posts(db, actor(ctx), offer).await?,
            InternshipPostOffer,
        ))
    }

    /// Records a graduate's outcome (replacing an earlier one). The student's school only.
    async fn record_graduate_outcome(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordGraduateOutcomeInput`.")]
        input: RecordGraduateOutcomeInput,
    ) -> ApiResult<RecordGraduateOutcomePayload> {
        screened!(RecordGraduateOutcomePayload, &input);
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
            reported_on: input.reported_on.into(),
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
