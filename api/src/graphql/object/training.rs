//! Worker training and skill-level certification (Founding notice 二(三)8; `docs/people.md`,
//! Worker training).

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object, SimpleObject};
use entity::enums::{FundingDepartment, SkillLevel};
use entity::{skill_certification, training_need, training_project};

use super::MemberUnit;
use super::plan::unit;
use crate::graphql::connection::{Cursor, TotalCount};
use crate::graphql::error::ApiResult;
use crate::graphql::guard::RoleGuard;
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::Loaders;
use crate::graphql::scalar::{Date, DateTime};

/// A page of training needs.
pub type TrainingNeedConnection = Connection<Cursor, TrainingNeed, TotalCount, EmptyFields>;
/// A page of training projects.
pub type TrainingProjectConnection = Connection<Cursor, TrainingProject, TotalCount, EmptyFields>;
/// A page of skill-level certification batches.
pub type SkillCertificationConnection =
    Connection<Cursor, SkillCertification, TotalCount, EmptyFields>;

/// A firm's training need.
pub struct TrainingNeed(pub training_need::Model);

/// A firm's need to train its workers (Founding notice 二(三)8: "根据企业人才需求、岗位需要，为企业
/// 开展技能培训"): the trade, the level aimed at, how many. Any account but an evaluator's.
#[Object]
impl TrainingNeed {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::TrainingNeed, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way).
    /// Errors: `UNAUTHENTICATED`, `BAD_USER_INPUT`.
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
    /// The trade (工种).
    async fn trade(&self) -> &str {
        &self.0.trade
    }
    /// The skill level aimed at; null when any.
    async fn level(&self) -> Option<SkillLevel> {
        self.0.level
    }
    /// How many workers.
    async fn headcount(&self) -> i32 {
        self.0.headcount
    }
    /// What the training should cover.
    async fn description(&self) -> &str {
        &self.0.description
    }
    /// When it was posted (UTC).
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
    /// The day it was closed; null while open.
    async fn closed_on(&self) -> Option<Date> {
        self.0.closed_on.map(Into::into)
    }
}

/// A worker-training project.
pub struct TrainingProject(pub training_project::Model);

/// A worker-training project a school or a training institution runs (Founding notice 二(三)8),
/// perhaps answering a firm's need and funded by a department's programme. Any account but an
/// evaluator's.
#[Object]
impl TrainingProject {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::TrainingProject, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way).
    /// Errors: `UNAUTHENTICATED`, `BAD_USER_INPUT`.
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

    /// The member that trains.
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.unit_id).await
    }
    /// The firm's need it answers, if any.
    async fn need(&self, ctx: &Context<'_>) -> ApiResult<Option<TrainingNeed>> {
        let Some(n) = self.0.need_id else {
            return Ok(None);
        };
        Ok(ctx
            .data::<Loaders>()?
            .training_need
            .load_one(n)
            .await?
            .map(TrainingNeed))
    }
    /// The member firm whose workers it trains, if one.
    async fn enterprise(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        match self.0.enterprise_id {
            Some(e) => unit(ctx, e).await,
            None => Ok(None),
        }
    }
    /// Its name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The trade (工种).
    async fn trade(&self) -> &str {
        &self.0.trade
    }
    /// The skill level it trains for; null when none.
    async fn level(&self) -> Option<SkillLevel> {
        self.0.level
    }
    /// Its first day.
    async fn starts_on(&self) -> Date {
        self.0.starts_on.into()
    }
    /// Its last day.
    async fn ends_on(&self) -> Date {
        self.0.ends_on.into()
    }
    /// How many took part.
    async fn participants(&self) -> i32 {
        self.0.participants
    }
    /// The department whose programme funds it; null when none does.
    async fn funding_department(&self) -> Option<FundingDepartment> {
        self.0.funding_department
    }
}

/// A batch of skill-level certificates.
pub struct SkillCertification(pub skill_certification::Model);

/// A batch of skill-level certificates (技能等级认定) a member issued, by trade and level (Founding
/// notice 二(三)8): a count; no holder's name is stored. Any account but an evaluator's.
#[Object]
impl SkillCertification {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::SkillCertification, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way).
    /// Errors: `UNAUTHENTICATED`, `BAD_USER_INPUT`.
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

    /// The member that issued them.
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.unit_id).await
    }
    /// The training project it followed, if any.
    async fn project(&self, ctx: &Context<'_>) -> ApiResult<Option<TrainingProject>> {
        let Some(p) = self.0.project_id else {
            return Ok(None);
        };
        Ok(ctx
            .data::<Loaders>()?
            .training_project
            .load_one(p)
            .await?
            .map(TrainingProject))
    }
    /// The member firm whose workers were certified, if one.
    async fn enterprise(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        match self.0.enterprise_id {
            Some(e) => unit(ctx, e).await,
            None => Ok(None),
        }
    }
    /// The trade (工种).
    async fn trade(&self) -> &str {
        &self.0.trade
    }
    /// The level certified.
    async fn level(&self) -> SkillLevel {
        self.0.level
    }
    /// The day they were issued.
    async fn certified_on(&self) -> Date {
        self.0.certified_on.into()
    }
    /// How many certificates.
    async fn certified(&self) -> i32 {
        self.0.certified
    }
}

/// Certificates of one level.
#[derive(SimpleObject)]
pub struct SkillLevelCount {
    /// The level.
    pub level: SkillLevel,
    /// Certificates issued at it.
    pub certified: i64,
}

/// One member's worker training in a year.
pub struct WorkerTrainingTally(pub crate::people::TrainingTally);

/// One member's worker training in a year: its projects that started in it and the certificates
/// it issued in it.
#[Object]
impl WorkerTrainingTally {
    /// The member unit.
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.unit_id).await
    }
    /// Training projects that started in the year.
    async fn projects(&self) -> i64 {
        self.0.projects
    }
    /// Their participants.
    async fn participants(&self) -> i64 {
        self.0.participants
    }
    /// Of them, projects a department's programme funds.
    async fn funded_projects(&self) -> i64 {
        self.0.funded_projects
    }
    /// Certificates issued in the year, by level, lowest first (every level, zeros included).
    async fn certified_by_level(&self) -> Vec<SkillLevelCount> {
        self.0
            .certified_by_level
            .iter()
            .map(|&(level, certified)| SkillLevelCount { level, certified })
            .collect()
    }
    /// All certificates issued in the year.
    async fn certified(&self) -> i64 {
        self.0.certified
    }
}

/// The alliance's worker training in a year, member by member.
#[derive(SimpleObject)]
pub struct WorkerTrainingYear {
    /// The year.
    pub year: i32,
    /// Training projects that started in it, alliance-wide.
    pub projects: i64,
    /// Their participants.
    pub participants: i64,
    /// Certificates issued in it, alliance-wide.
    pub certified: i64,
    /// Certificates by level, lowest first.
    pub certified_by_level: Vec<SkillLevelCount>,
    /// Each member that trained or certified, by unit ID.
    pub members: Vec<WorkerTrainingTally>,
}
