//! Worker training and skill-level certification (Founding notice 二(三)8; `docs/people.md`,
//! Worker training).

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use entity::enums::{FundingDepartment, SkillLevel};

use super::{db, input_id, opt_id, opt_unit};
use crate::graphql::error::{ApiError, ApiResult, UserError};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::NodeType;
use crate::graphql::object::{SkillCertification, TrainingNeed, TrainingProject};
use crate::graphql::scalar::Date;
use crate::people as p;

/// Input of `postTrainingNeed`.
#[derive(InputObject)]
pub struct PostTrainingNeedInput {
    /// The firm: omitted by its staff (their own); required for the secretariat.
    pub enterprise_id: Option<ID>,
    /// The trade (工种; 1–200 characters).
    pub trade: String,
    /// The skill level aimed at, if one.
    pub level: Option<SkillLevel>,
    /// How many workers (1–10,000).
    pub headcount: i32,
    /// What the training should cover, when, where (at most 4,000 characters).
    #[graphql(default)]
    pub description: String,
}

/// Input naming a training need.
#[derive(InputObject)]
pub struct TrainingNeedIdInput {
    /// The need.
    pub id: ID,
}

/// Input of `recordTrainingProject`.
#[derive(InputObject)]
pub struct RecordTrainingProjectInput {
    /// The member that trains (a school or a training institution): omitted by its staff (their
    /// own); required for the secretariat.
    pub unit_id: Option<ID>,
    /// The firm's need it answers, if any (an open one; it then trains that firm).
    pub need_id: Option<ID>,
    /// The member firm whose workers it trains, when it answers no need.
    pub enterprise_id: Option<ID>,
    /// Its name (1–200 characters).
    pub name: String,
    /// The trade (工种; 1–200 characters).
    pub trade: String,
    /// The skill level it trains for, if one.
    pub level: Option<SkillLevel>,
    /// Its first day.
    pub starts_on: Date,
    /// Its last day (not before the first; at most 1,098 days later).
    pub ends_on: Date,
    /// How many took part (1–10,000).
    pub participants: i32,
    /// The department whose programme funds it (人社、工信、应急、文旅、商务、农业农村、工会), if one.
    pub funding_department: Option<FundingDepartment>,
}

/// Input of `recordSkillCertification`.
#[derive(InputObject)]
pub struct RecordSkillCertificationInput {
    /// The issuing member: omitted by its staff (their own); required for the secretariat.
    pub unit_id: Option<ID>,
    /// The training project it followed, if any (the member's own).
    pub project_id: Option<ID>,
    /// The member firm whose workers were certified, if another than the issuer (the project's firm
    /// by default; a firm certifying its own workers leaves it empty).
    pub enterprise_id: Option<ID>,
    /// The trade (工种; 1–200 characters).
    pub trade: String,
    /// The level certified.
    pub level: SkillLevel,
    /// The day they were issued (not after today).
    pub certified_on: Date,
    /// How many certificates (1–10,000).
    pub certified: i32,
}

payload!(
    /// Result of `postTrainingNeed` and `closeTrainingNeed`.
    TrainingNeedPayload, training_need: TrainingNeed
);
payload!(
    /// Result of `recordTrainingProject`.
    TrainingProjectPayload, training_project: TrainingProject
);
payload!(
    /// Result of `recordSkillCertification`.
    SkillCertificationPayload, skill_certification: SkillCertification
);

#[derive(Default)]
pub struct TrainingMutation;

#[Object]
impl TrainingMutation {
    /// Posts a firm's training need (Founding notice 二(三)8): its staff, or the secretariat
    /// naming it (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND`,
    /// `NOT_AN_ENTERPRISE`, `BLANK`, `TOO_LONG`, `MUST_BE_POSITIVE` / `TOO_LARGE` headcount.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn post_training_need(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `PostTrainingNeedInput`.")]
        input: PostTrainingNeedInput,
    ) -> ApiResult<TrainingNeedPayload> {
        screened!(TrainingNeedPayload, &input);
        let firm = bail_on!(
            TrainingNeedPayload,
            opt_unit(&input.enterprise_id, "enterpriseId")
        );
        let fields = p::NeedInput {
            enterprise_id: firm,
            trade: input.trade,
            level: input.level,
            headcount: input.headcount,
            description: input.description,
        };
        Ok(TrainingNeedPayload::from_outcome(
            p::post_training_need(actor(ctx), db(ctx)?, fields)
                .await
                .map_err(ApiError::from)?,
            TrainingNeed,
        ))
    }

    /// Closes an open need from today (met or dropped): its firm's staff or the secretariat
    /// (`UNAUTHENTICATED`); user errors: `NOT_FOUND`, `INVALID_TRANSITION`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn close_training_need(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `TrainingNeedIdInput`.")]
        input: TrainingNeedIdInput,
    ) -> ApiResult<TrainingNeedPayload> {
        let id = bail_on!(
            TrainingNeedPayload,
            input_id(NodeType::TrainingNeed, &input.id, "id")
        );
        Ok(TrainingNeedPayload::from_outcome(
            p::close_training_need(actor(ctx), db(ctx)?, id)
                .await
                .map_err(ApiError::from)?,
            TrainingNeed,
        ))
    }

    /// Records a worker-training project (Founding notice 二(三)8): the staff of a school or a
    /// training institution, or the secretariat naming it (`UNAUTHENTICATED`, `FORBIDDEN`);
    /// user errors: `NOT_FOUND`, `NOT_A_TRAINING_PROVIDER`, `NOT_AN_ENTERPRISE`,
    /// `INVALID_TRANSITION` (a closed need), `INVALID`, `BLANK`, `MUST_BE_POSITIVE` /
    /// `TOO_LARGE` participants.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn record_training_project(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordTrainingProjectInput`.")]
        input: RecordTrainingProjectInput,
    ) -> ApiResult<TrainingProjectPayload> {
        screened!(TrainingProjectPayload, &input);
        let unit = bail_on!(TrainingProjectPayload, opt_unit(&input.unit_id, "unitId"));
        let need = bail_on!(
            TrainingProjectPayload,
            opt_id(NodeType::TrainingNeed, &input.need_id, "needId")
        );
        let firm = bail_on!(
            TrainingProjectPayload,
            opt_unit(&input.enterprise_id, "enterpriseId")
        );
        let fields = p::ProjectInput {
            unit_id: unit,
            need_id: need,
            enterprise_id: firm,
            name: input.name,
            trade: input.trade,
            level: input.level,
            starts_on: input.starts_on.into(),
            ends_on: input.ends_on.into(),
            participants: input.participants,
            funding_department: input.funding_department,
        };
        Ok(TrainingProjectPayload::from_outcome(
            p::record_training_project(actor(ctx), db(ctx)?, fields)
                .await
                .map_err(ApiError::from)?,
            TrainingProject,
        ))
    }

    /// Records a batch of skill-level certificates a member issued (技能等级认定, Founding notice
    /// 二(三)8): its staff, or the secretariat naming it (`UNAUTHENTICATED`, `FORBIDDEN`); user
    /// errors: `NOT_FOUND`, `NOT_AN_ENTERPRISE`, `BLANK`, `INVALID` day, `MUST_BE_POSITIVE` /
    /// `TOO_LARGE` count.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn record_skill_certification(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordSkillCertificationInput`.")]
        input: RecordSkillCertificationInput,
    ) -> ApiResult<SkillCertificationPayload> {
        screened!(SkillCertificationPayload, &input);
        let unit = bail_on!(
            SkillCertificationPayload,
            opt_unit(&input.unit_id, "unitId")
        );
        let project = bail_on!(
            SkillCertificationPayload,
            opt_id(NodeType::TrainingProject, &input.project_id, "projectId")
        );
        let firm = bail_on!(
            SkillCertificationPayload,
            opt_unit(&input.enterprise_id, "enterpriseId")
        );
        let fields = p::CertificationInput {
            unit_id: unit,
            project_id: project,
            enterprise_id: firm,
            trade: input.trade,
            level: input.level,
            certified_on: input.certified_on.into(),
            certified: input.certified,
        };
        Ok(SkillCertificationPayload::from_outcome(
            p::record_skill_certification(actor(ctx), db(ctx)?, fields)
                .await
                .map_err(ApiError::from)?,
            SkillCertification,
        ))
    }
}
