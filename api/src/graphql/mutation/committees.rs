//! The committees' mutations: targets, and the evaluation round's workflow (`docs/committees.md`).

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use entity::enums::{
    District, EvaluationIndicator, EvaluationItemKind, EvaluationScorer, EvaluationStatus,
    MemberUnitKind, TargetIndicator, TargetScope, UnitCategory,
};
use sea_orm::DatabaseConnection;

use super::{input_id, longer};
use crate::committees::{self as c, ItemInput, TargetInput};
use crate::graphql::error::{ApiError, ApiResult, UserError, UserErrorCode};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::{NodeType, decode};
use crate::graphql::object::{EvaluationRound, SelfAssessment, Target};
use crate::graphql::scalar::Date;

/// Input of `createTarget`.
#[derive(InputObject)]
pub struct CreateTargetInput {
    /// What is measured.
    pub indicator: TargetIndicator,
    /// Short title (1–200 characters).
    pub title: String,
    /// The value to reach, 0 – 1,000,000,000 (a count; percent for DUAL_QUALIFIED_SHARE).
    pub target_value: f64,
    /// Whether it is to be reached every year; then no `dueOn`.
    #[graphql(default)]
    pub per_year: bool,
    /// The deadline, inclusive; required unless `perYear`.
    pub due_on: Option<Date>,
    /// Over which members it is measured.
    pub scope: TargetScope,
    /// The district of a DISTRICT scope (only then).
    pub scope_district: Option<District>,
    /// The unit kind of a UNIT_KIND scope (only then).
    pub scope_unit_kind: Option<MemberUnitKind>,
    /// The member of a MEMBER_UNIT scope (only then).
    pub scope_member_unit_id: Option<ID>,
    /// The milestone it serves.
    pub milestone_id: Option<ID>,
    /// Document and section that states the number (1–300 characters): never a number no
    /// document states.
    pub source: String,
}

/// Input of `attachTargetToMilestone`.
#[derive(InputObject)]
pub struct AttachTargetToMilestoneInput {
    /// The target.
    pub target_id: ID,
    /// The milestone; null detaches.
    pub milestone_id: Option<ID>,
}

/// One item of a round's indicator set.
#[derive(InputObject)]
pub struct EvaluationItemInput {
    /// Computed or scored.
    pub kind: EvaluationItemKind,
    /// The formula of a computed item.
    pub indicator: Option<EvaluationIndicator>,
    /// Title (1–200 characters; a computed item defaults to its formula's name).
    pub title: Option<String>,
    /// The category of members it applies to; null for all.
    pub applies_to: Option<UnitCategory>,
    /// Weight (computed) or maximum (scored): more than 0, at most 1,000 points.
    pub max_points: f64,
    /// What scorers judge by (scored items, 1–4,000 characters).
    pub rubric: Option<String>,
    /// Who scores it (scored items).
    pub scorer: Option<EvaluationScorer>,
    /// The working committee (or teaching-staff committee) that scores it, when `scorer` is
    /// COMMITTEE.
    pub scorer_committee_id: Option<ID>,
    /// Source of the rule or formula (at most 300 characters; computed items default to their
    /// formula's).
    pub source: Option<String>,
}

/// Input of `openEvaluationRound`.
#[derive(InputObject)]
pub struct OpenEvaluationRoundInput {
    /// The year evaluated (2000–2100); one round per year.
    pub year: i32,
    /// Title (1–200 characters).
    pub title: String,
    /// The indicator set (at most 50); empty: every computed formula, 10 points each.
    #[graphql(default)]
    pub items: Vec<EvaluationItemInput>,
}

/// Input of `inviteEvaluator`.
#[derive(InputObject)]
pub struct InviteEvaluatorInput {
    /// The round.
    pub round_id: ID,
    /// An EVALUATOR account.
    pub account_id: ID,
}

/// Input of `moveEvaluationRound`.
#[derive(InputObject)]
pub struct MoveEvaluationRoundInput {
    /// The round.
    pub round_id: ID,
    /// The status to move to: SELF_ASSESSMENT, REVIEW, PUBLISHED or REOPENED.
    pub to: EvaluationStatus,
    /// Why a published round is reopened (required then; 1–2,000 characters).
    pub reason: Option<String>,
}

/// Input of `submitSelfAssessment`.
#[derive(InputObject)]
pub struct SubmitSelfAssessmentInput {
    /// The round.
    pub round_id: ID,
    /// The item.
    pub item_id: ID,
    /// The self-assessment (1–4,000 characters).
    pub text: String,
    /// Global IDs of the member's records that evidence it (at most 20).
    #[graphql(default)]
    pub evidence: Vec<ID>,
}

/// Input of `scoreEvaluationItem`.
#[derive(InputObject)]
pub struct ScoreEvaluationItemInput {
    /// The round.
    pub round_id: ID,
    /// A scored item of the round.
    pub item_id: ID,
    /// The member scored.
    pub member_unit_id: ID,
    /// Points, 0 to the item's maximum.
    pub points: f64,
    /// Comment (at most 2,000 characters).
    #[graphql(default)]
    pub comment: String,
}

payload!(
    /// Result of `createTarget` and `attachTargetToMilestone`.
    TargetPayload, target: Target
);
payload!(
    /// Result of the round's workflow mutations.
    EvaluationRoundPayload, evaluation_round: EvaluationRound
);
payload!(
    /// Result of `submitSelfAssessment`.
    SubmitSelfAssessmentPayload, self_assessment: SelfAssessment
);

/// The score as recorded.
#[derive(SimpleObject)]
pub struct Score {
    /// Points given.
    pub points: f64,
    /// Comment.
    pub comment: String,
}

payload!(
    /// Result of `scoreEvaluationItem`.
    ScoreEvaluationItemPayload, score: Score
);

#[derive(Default)]
pub struct CommitteesMutation;

#[Object]
impl CommitteesMutation {
    /// Records a target: an indicator, a value, a deadline (or every year), a scope and the
    /// source that states the number. Secretariat only (`UNAUTHENTICATED`, `FORBIDDEN`); user
    /// errors as `createTarget`'s input says. One transaction.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn create_target(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `CreateTargetInput`.")]
        input: CreateTargetInput,
    ) -> ApiResult<TargetPayload> {
        screened!(TargetPayload, &input);
        if let Some(e) = longer("source", &input.source, 300) {
            return Ok(TargetPayload::failed(vec![e]));
        }
        let member = match &input.scope_member_unit_id {
            Some(id) => Some(bail_on!(
                TargetPayload,
                input_id(NodeType::MemberUnit, id, "scopeMemberUnitId")
            )),
            None => None,
        };
        let milestone = match &input.milestone_id {
            Some(id) => Some(bail_on!(
                TargetPayload,
                input_id(NodeType::Milestone, id, "milestoneId")
            )),
            None => None,
        };
        let db = ctx.data::<DatabaseConnection>()?;
        let fields = TargetInput {
            indicator: input.indicator,
            title: input.title,
            target_value: input.target_value,
            per_year: input.per_year,
            due_on: input.due_on.map(Into::into),
            scope: input.scope,
            scope_district: input.scope_district,
            scope_unit_kind: input.scope_unit_kind,
            scope_member_unit_id: member,
            milestone_id: milestone,
            source: input.source,
        };
        Ok(TargetPayload::from_outcome(
            c::create_target(actor(ctx), db, fields)
                .await
                .map_err(ApiError::from)?,
            Target,
        ))
    }

    /// Attaches a target to a milestone (the secretariat attaching indicator targets to the
    /// plan's stages), or detaches it. Secretariat only (`UNAUTHENTICATED`, `FORBIDDEN`); user
    /// errors: `NOT_FOUND` target or milestone.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn attach_target_to_milestone(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `AttachTargetToMilestoneInput`.")]
        input: AttachTargetToMilestoneInput,
    ) -> ApiResult<TargetPayload> {
        let target = bail_on!(
            TargetPayload,
            input_id(NodeType::Target, &input.target_id, "targetId")
        );
        let milestone = match &input.milestone_id {
            Some(id) => Some(bail_on!(
                TargetPayload,
                input_id(NodeType::Milestone, id, "milestoneId")
            )),
            None => None,
        };
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(TargetPayload::from_outcome(
            c::attach_target(actor(ctx), db, target, milestone)
                .await
                .map_err(ApiError::from)?,
            Target,
        ))
    }

    /// Opens the evaluation round of a year in DRAFT with its indicator set (督导评估, Founding
    /// notice 三(三)). Secretariat only (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `INVALID`
    /// or `TAKEN` year, `BLANK` title, `TOO_LARGE` items, per item (`items.N.field`) as
    /// `EvaluationItemInput` says. One transaction.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn open_evaluation_round(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `OpenEvaluationRoundInput`.")]
        input: OpenEvaluationRoundInput,
    ) -> ApiResult<EvaluationRoundPayload> {
        screened!(EvaluationRoundPayload, &input);
        let mut items = Vec::with_capacity(input.items.len());
        for (n, i) in input.items.into_iter().enumerate() {
            for (field, value, max) in [
                ("rubric", i.rubric.as_deref(), 4_000),
                ("source", i.source.as_deref(), 300),
            ] {
                if let Some(e) = value.and_then(|v| longer(&format!("items.{n}.{field}"), v, max)) {
                    return Ok(EvaluationRoundPayload::failed(vec![e]));
                }
            }
            let committee = match &i.scorer_committee_id {
                Some(id) => Some(bail_on!(
                    EvaluationRoundPayload,
                    input_id(
                        NodeType::Committee,
                        id,
                        &format!("items.{n}.scorerCommitteeId")
                    )
                )),
                None => None,
            };
            items.push(ItemInput {
                kind: i.kind,
                indicator: i.indicator,
                title: i.title,
                applies_to: i.applies_to,
                max_points: i.max_points,
                rubric: i.rubric,
                scorer: i.scorer,
                scorer_committee_id: committee,
                source: i.source,
            });
        }
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(EvaluationRoundPayload::from_outcome(
            c::open_round(actor(ctx), db, input.year, input.title, items)
                .await
                .map_err(ApiError::from)?,
            EvaluationRound,
        ))
    }

    /// Invites an EVALUATOR account to a round: it then reads the round and scores its
    /// EVALUATOR items. Secretariat only (`UNAUTHENTICATED`, `FORBIDDEN`); user errors:
    /// `NOT_FOUND` round or account, `INVALID` account (not an evaluator), `INVALID_TRANSITION`
    /// for a published round.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn invite_evaluator(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `InviteEvaluatorInput`.")]
        input: InviteEvaluatorInput,
    ) -> ApiResult<EvaluationRoundPayload> {
        let round = bail_on!(
            EvaluationRoundPayload,
            input_id(NodeType::EvaluationRound, &input.round_id, "roundId")
        );
        let account = bail_on!(
            EvaluationRoundPayload,
            input_id(NodeType::Account, &input.account_id, "accountId")
        );
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(EvaluationRoundPayload::from_outcome(
            c::invite_evaluator(actor(ctx), db, round, account)
                .await
                .map_err(ApiError::from)?,
            EvaluationRound,
        ))
    }

    /// Moves a round on: DRAFT → SELF_ASSESSMENT → REVIEW → PUBLISHED, PUBLISHED → REOPENED
    /// (with a reason) → PUBLISHED. Publishing freezes every member's computed values and scores
    /// in the same transaction. Secretariat only (`UNAUTHENTICATED`, `FORBIDDEN`); user errors:
    /// `NOT_FOUND` round, `INVALID_TRANSITION`, `BLANK` or `TOO_LONG` reason.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn move_evaluation_round(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `MoveEvaluationRoundInput`.")]
        input: MoveEvaluationRoundInput,
    ) -> ApiResult<EvaluationRoundPayload> {
        screened!(EvaluationRoundPayload, &input);
        if let Some(e) = input
            .reason
            .as_deref()
            .and_then(|r| longer("reason", r, 2_000))
        {
            return Ok(EvaluationRoundPayload::failed(vec![e]));
        }
        let round = bail_on!(
            EvaluationRoundPayload,
            input_id(NodeType::EvaluationRound, &input.round_id, "roundId")
        );
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(EvaluationRoundPayload::from_outcome(
            c::move_round(actor(ctx), db, round, input.to, input.reason)
                .await
                .map_err(ApiError::from)?,
            EvaluationRound,
        ))
    }

    /// Writes the caller's member's self-assessment of one item, replacing an earlier one, while
    /// the round is in SELF_ASSESSMENT. A member's school or enterprise staff
    /// (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND` round or item,
    /// `INVALID_TRANSITION`, `INVALID` item (not for the member's category) or evidence (not a
    /// global ID of this API), `BLANK` or `TOO_LONG` text, `TOO_LARGE` evidence.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn submit_self_assessment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `SubmitSelfAssessmentInput`.")]
        input: SubmitSelfAssessmentInput,
    ) -> ApiResult<SubmitSelfAssessmentPayload> {
        screened!(SubmitSelfAssessmentPayload, &input);
        if let Some(e) = longer("text", &input.text, 4_000) {
            return Ok(SubmitSelfAssessmentPayload::failed(vec![e]));
        }
        let round = bail_on!(
            SubmitSelfAssessmentPayload,
            input_id(NodeType::EvaluationRound, &input.round_id, "roundId")
        );
        let item = bail_on!(
            SubmitSelfAssessmentPayload,
            input_id(NodeType::EvaluationItem, &input.item_id, "itemId")
        );
        let mut evidence = Vec::with_capacity(input.evidence.len().min(c::MAX_EVIDENCE + 1));
        for (n, id) in input.evidence.iter().take(c::MAX_EVIDENCE + 1).enumerate() {
            if decode(id).is_err() {
                return Ok(SubmitSelfAssessmentPayload::failed(vec![UserError::on(
                    &format!("evidence.{n}"),
                    UserErrorCode::Invalid,
                    crate::msg!("committees-evidence-invalid"),
                )]));
            }
            evidence.push(id.to_string());
        }
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(SubmitSelfAssessmentPayload::from_outcome(
            c::self_assess(actor(ctx), db, round, item, input.text, evidence)
                .await
                .map_err(ApiError::from)?,
            SelfAssessment,
        ))
    }

    /// Scores one member on one scored item, replacing an earlier score, while the round is in
    /// REVIEW or REOPENED: a COMMITTEE item by its committee's staff (or the secretariat), an
    /// EVALUATOR item by an evaluator invited to the round (`UNAUTHENTICATED`, `FORBIDDEN`);
    /// user errors: `NOT_FOUND` round, item or member, `INVALID_TRANSITION`, `INVALID` item or
    /// points, `TOO_LONG` comment.
    async fn score_evaluation_item(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ScoreEvaluationItemInput`.")]
        input: ScoreEvaluationItemInput,
    ) -> ApiResult<ScoreEvaluationItemPayload> {
        screened!(ScoreEvaluationItemPayload, &input);
        if let Some(e) = longer("comment", &input.comment, 2_000) {
            return Ok(ScoreEvaluationItemPayload::failed(vec![e]));
        }
        let round = bail_on!(
            ScoreEvaluationItemPayload,
            input_id(NodeType::EvaluationRound, &input.round_id, "roundId")
        );
        let item = bail_on!(
            ScoreEvaluationItemPayload,
            input_id(NodeType::EvaluationItem, &input.item_id, "itemId")
        );
        let unit = bail_on!(
            ScoreEvaluationItemPayload,
            input_id(NodeType::MemberUnit, &input.member_unit_id, "memberUnitId")
        );
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(ScoreEvaluationItemPayload::from_outcome(
            c::score(
                actor(ctx),
                db,
                round,
                item,
                unit,
                input.points,
                input.comment,
            )
            .await
            .map_err(ApiError::from)?,
            |s| Score {
                points: s.points,
                comment: s.comment,
            },
        ))
    }
}
