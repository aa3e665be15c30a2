//! Evaluation rounds (督导评估, Founding notice 三(三); `docs/committees.md`): the round, its items,
//! self-assessments and results, each read within what the caller may see.

use async_graphql::{Context, ID, Object, SimpleObject};
use entity::enums::{
    EvaluationIndicator, EvaluationItemKind, EvaluationScorer, EvaluationStatus, UnitCategory,
};
use entity::{evaluation_item, evaluation_round, self_assessment};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::{Committee, MemberUnit};
use crate::committees::{self as c, MemberResult};
use crate::graphql::error::ApiResult;
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::{NodeType, decode_as, encode};
use crate::graphql::loader::Loaders;
use crate::graphql::scalar::DateTime;

/// Most self-assessments one read returns.
pub const MAX_SELF_ASSESSMENTS: u64 = 500;

/// One year's evaluation of the members (督导评估): DRAFT → SELF_ASSESSMENT → REVIEW →
/// PUBLISHED, optionally REOPENED with a reason. Read by the secretariat and committee staff
/// (always), members' staff (past DRAFT), and the evaluators invited to it.
pub struct EvaluationRound(pub evaluation_round::Model);

/// One year's evaluation of the members (督导评估, Founding notice 三(三)): DRAFT → SELF_ASSESSMENT →
/// REVIEW → PUBLISHED, optionally REOPENED with a reason.
#[Object]
impl EvaluationRound {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::EvaluationRound, self.0.id)
    }

    /// The record's audit trail, newest first: opening, each move, the reopening reason (see
    /// `auditEvents`, scoped the same way). Errors: `UNAUTHENTICATED`, `BAD_USER_INPUT`.
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

    /// The year evaluated.
    async fn year(&self) -> i32 {
        self.0.year
    }

    /// Title.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// Where the round stands.
    async fn status(&self) -> EvaluationStatus {
        self.0.status
    }

    /// Why it was last reopened.
    async fn reopen_reason(&self) -> Option<&str> {
        self.0.reopen_reason.as_deref()
    }

    /// When it was last published (UTC, RFC 3339).
    async fn published_at(&self) -> Option<DateTime> {
        self.0.published_at.map(Into::into)
    }

    /// Its indicator set, by position. One SQL statement.
    async fn items(&self, ctx: &Context<'_>) -> ApiResult<Vec<EvaluationItem>> {
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(c::items_of(db, self.0.id)
            .await?
            .into_iter()
            .map(EvaluationItem)
            .collect())
    }

    /// Scores given so far and scores expected (each scored item × the members it applies to):
    /// what is left to score before publishing; unscored items earn 0 when published. The
    /// secretariat and committee staff.
    #[graphql(guard = "RoleGuard::Committees")]
    async fn scoring_progress(&self, ctx: &Context<'_>) -> ApiResult<ScoringProgress> {
        let db = ctx.data::<DatabaseConnection>()?;
        let (given, expected) = c::scoring_progress(db, self.0.id).await?;
        Ok(ScoringProgress {
            given: given as i64,
            expected: expected as i64,
        })
    }

    /// Self-assessments: all for the secretariat, committee staff and the invited evaluators (at
    /// most 500, by member then item; `memberUnitId` narrows); a member's staff its own only.
    /// One SQL statement.
    async fn self_assessments(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this member's.")] member_unit_id: Option<ID>,
    ) -> ApiResult<Vec<SelfAssessment>> {
        let db = ctx.data::<DatabaseConnection>()?;
        let a = actor(ctx);
        let mut q = self_assessment::Entity::find()
            .filter(self_assessment::Column::RoundId.eq(self.0.id))
            .order_by_asc(self_assessment::Column::UnitId)
            .order_by_asc(self_assessment::Column::ItemId)
            .limit(MAX_SELF_ASSESSMENTS);
        if let Some(id) = member_unit_id {
            q = q.filter(self_assessment::Column::UnitId.eq(decode_as(NodeType::MemberUnit, &id)?));
        }
        if !a.reads_aggregates() && !c::is_invited(a, db, self.0.id).await? {
            match a.unit() {
                Some(u) => q = q.filter(self_assessment::Column::UnitId.eq(u)),
                None => return Ok(Vec::new()),
            }
        }
        Ok(q.all(db).await?.into_iter().map(SelfAssessment).collect())
    }

    /// The published results, by category (schools, firms, others), then rank: every member's for
    /// the secretariat and committee staff; for a member's staff its own result and the
    /// technician colleges' (the benchmark, 三(三)); nothing for evaluators. Empty until the round
    /// is first published; a reopened round shows its last publication. Read from the snapshot
    /// taken when published: later edits of the records do not change them.
    async fn results(&self, ctx: &Context<'_>) -> ApiResult<Vec<EvaluationResult>> {
        let a = actor(ctx);
        if !c::has_results(&self.0) || a.is_evaluator() {
            return Ok(Vec::new());
        }
        let db = ctx.data::<DatabaseConnection>()?;
        let all = c::results(db, &self.0).await?;
        Ok(all
            .into_iter()
            .filter(|r| a.reads_aggregates() || a.unit() == Some(r.unit.id) || c::is_benchmark(r))
            .map(|r| EvaluationResult(r, self.0.id))
            .collect())
    }

    /// The anonymised distribution of scores per category (count, quartiles, mean), for everyone
    /// who reads the results. Empty until published.
    async fn distribution(&self, ctx: &Context<'_>) -> ApiResult<Vec<ScoreDistribution>> {
        let a = actor(ctx);
        if !c::has_results(&self.0) || a.is_evaluator() {
            return Ok(Vec::new());
        }
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(c::distributions(&c::results(db, &self.0).await?)
            .into_iter()
            .map(|d| ScoreDistribution {
                category: d.category,
                count: d.count as i32,
                min: d.min,
                q1: d.q1,
                median: d.median,
                q3: d.q3,
                max: d.max,
                mean: d.mean,
            })
            .collect())
    }
}

/// Scores given and expected in a round.
#[derive(SimpleObject)]
pub struct ScoringProgress {
    /// Scores given.
    pub given: i64,
    /// Scores the round's scored items expect.
    pub expected: i64,
}

/// The distribution of one category's scores (0–100), without names.
#[derive(SimpleObject)]
pub struct ScoreDistribution {
    /// The category.
    pub category: UnitCategory,
    /// Members ranked.
    pub count: i32,
    /// Lowest score.
    pub min: f64,
    /// First quartile (nearest rank).
    pub q1: f64,
    /// Median (nearest rank).
    pub median: f64,
    /// Third quartile (nearest rank).
    pub q3: f64,
    /// Highest score.
    pub max: f64,
    /// Mean score.
    pub mean: f64,
}

/// One item of a round's indicator set.
pub struct EvaluationItem(pub evaluation_item::Model);

/// One item of a round's indicator set: computed from the records by a formula, or scored by a
/// working committee or an invited evaluator against a rubric.
#[Object]
impl EvaluationItem {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::EvaluationItem, self.0.id)
    }

    /// The record's audit trail (see `auditEvents`). Errors: `UNAUTHENTICATED`,
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

    /// Display order, 1-based.
    async fn position(&self) -> i32 {
        self.0.position
    }

    /// Computed or scored.
    async fn kind(&self) -> EvaluationItemKind {
        self.0.kind
    }

    /// The formula of a computed item: 1 or 0 for a rule met or not, a share for retention and
    /// the 2% rule; points = value × `maxPoints`.
    async fn indicator(&self) -> Option<EvaluationIndicator> {
        self.0.indicator
    }

    /// Title.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The category of members it applies to; null for all.
    async fn applies_to(&self) -> Option<UnitCategory> {
        self.0.applies_to
    }

    /// Points it is worth: a computed item's weight, a scored item's maximum.
    async fn max_points(&self) -> f64 {
        self.0.max_points
    }

    /// What scorers judge by.
    async fn rubric(&self) -> Option<&str> {
        self.0.rubric.as_deref()
    }

    /// Who scores it.
    async fn scorer(&self) -> Option<EvaluationScorer> {
        self.0.scorer
    }

    /// The committee that scores it. One batched load.
    async fn scorer_committee(&self, ctx: &Context<'_>) -> ApiResult<Option<Committee>> {
        match self.0.scorer_committee_id {
            Some(id) => super::council::committee_of(ctx, id).await,
            None => Ok(None),
        }
    }

    /// The source of its rule or formula (`docs/sources.md` citation).
    async fn source(&self) -> Option<&str> {
        self.0.source.as_deref()
    }
}

/// A member's self-assessment of one item (自评).
pub struct SelfAssessment(pub self_assessment::Model);

/// A member's self-assessment of one item (自评), with links to its records as evidence.
#[Object]
impl SelfAssessment {
    /// The item's global ID.
    async fn item_id(&self) -> ID {
        encode(NodeType::EvaluationItem, self.0.item_id)
    }

    /// The member. One batched load.
    async fn member_unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        Ok(ctx
            .data::<Loaders>()?
            .unit(self.0.unit_id)
            .await?
            .map(MemberUnit))
    }

    /// The text.
    async fn text(&self) -> &str {
        &self.0.text
    }

    /// The global IDs of the records it cites as evidence; `nodes(ids:)` reads those the
    /// caller may see.
    async fn evidence(&self) -> Vec<ID> {
        serde_json::from_str::<Vec<String>>(&self.0.evidence)
            .unwrap_or_default()
            .into_iter()
            .map(ID)
            .collect()
    }

    /// When it was last written (UTC, RFC 3339).
    async fn updated_at(&self) -> DateTime {
        self.0.updated_at.into()
    }
}

/// One member's published result.
pub struct EvaluationResult(pub MemberResult, pub uuid::Uuid);

/// One member's published result: points per item, total, score, rank within its category and
/// change from the previous round, read from the snapshot taken when the round was published.
#[Object]
impl EvaluationResult {
    /// The member.
    async fn member_unit(&self) -> MemberUnit {
        MemberUnit::from(self.0.unit.clone())
    }

    /// Points earned.
    async fn total(&self) -> f64 {
        self.0.total
    }

    /// Points it could earn (the items that apply to it).
    async fn maximum(&self) -> f64 {
        self.0.maximum
    }

    /// `total / maximum × 100`: the figure ranked.
    async fn score(&self) -> f64 {
        self.0.score
    }

    /// Rank within its category (schools among schools, firms among firms), 1 = best; equal
    /// scores share a rank.
    async fn rank(&self) -> i32 {
        self.0.rank as i32
    }

    /// Members ranked in its category.
    async fn ranked_in_category(&self) -> i32 {
        self.0.ranked_in_category as i32
    }

    /// Its score in the latest published round of an earlier year; null if it was not evaluated
    /// there.
    async fn previous_score(&self) -> Option<f64> {
        self.0.previous_score
    }

    /// `score − previousScore`.
    async fn change(&self) -> Option<f64> {
        self.0.change()
    }

    /// Whether it is a technician college's: the benchmark every member sees (三(三)).
    async fn benchmark(&self) -> bool {
        c::is_benchmark(&self.0)
    }

    /// A link to the member's one-page report (HTML laid out for A4, in Chinese), signed and
    /// valid for 10 minutes: whoever holds it may open it without a token, so it is given only to
    /// those who read this result. The URL is relative to the API's origin.
    async fn report_link(&self, ctx: &Context<'_>) -> ApiResult<ReportLink> {
        let tokens = ctx.data::<crate::auth::TokenService>()?;
        let subject = crate::http::evaluation::report_subject(self.1, self.0.unit.id);
        let (token, expires) = tokens
            .issue_link(&subject, REPORT_LINK_SECONDS)
            .map_err(|e| crate::graphql::error::ApiError::Other(e.into()))?;
        Ok(ReportLink {
            url: format!("/reports/evaluation?link={token}"),
            expires_at: expires.into(),
        })
    }

    /// Its points per item that applies to it, in item order.
    async fn items(&self) -> Vec<ItemResult> {
        self.0
            .items
            .iter()
            .map(|p| ItemResult {
                item_id: encode(NodeType::EvaluationItem, p.item_id),
                value: p.value,
                points: p.points,
                max_points: p.max_points,
                comment: p.comment.clone(),
            })
            .collect()
    }
}

/// How long a report link stays valid, in seconds.
pub const REPORT_LINK_SECONDS: i64 = 600;

/// A short-lived signed link.
#[derive(SimpleObject)]
pub struct ReportLink {
    /// The path and query to open on the API's origin.
    pub url: String,
    /// When it stops working (UTC, RFC 3339).
    pub expires_at: DateTime,
}

/// A member's points on one item.
#[derive(SimpleObject)]
pub struct ItemResult {
    /// The item's global ID.
    pub item_id: ID,
    /// A computed item's measured value (0–1).
    pub value: Option<f64>,
    /// Points earned.
    pub points: f64,
    /// The item's maximum.
    pub max_points: f64,
    /// A scored item's comment, as published.
    pub comment: Option<String>,
}
