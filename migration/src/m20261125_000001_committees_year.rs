//! The committees' year (`docs/committees.md`): the plan's milestones and targets, the yearly
//! evaluation rounds (督导评估, Founding notice 三(三)) with their items, invited evaluators,
//! members' self-assessments, scores and published results, and the committee an account of the
//! new COMMITTEE_STAFF role acts for.
//!
//! - `account.committee_id`: the committee a COMMITTEE_STAFF account acts for (null for every
//!   other role). No foreign key: SQLite cannot add one to an existing table; the API writes it
//!   only from a committee it has just read, and committees are never deleted.
//! - `milestone`: the plan's stages, text byte for byte (Founding notice 一), unique per year.
//! - `target`: an indicator, a value and unit, a deadline or "per year", a scope and the source.
//! - `evaluation_round` (unique per year) → `evaluation_item` (computed or scored) →
//!   `self_assessment`, `evaluation_score` (one per item and member) and `evaluation_result`
//!   (the snapshot taken when the round is published); `evaluation_evaluator` invites an
//!   EVALUATOR account to a round. A score names its member in `evaluated_unit_id`, a column the
//!   audit trail does not take for the record's owner: a member does not read scores of itself in
//!   `auditEvents` before the round is published.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
    CommitteeId,
}

#[derive(DeriveIden)]
enum Committee {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum MemberUnit {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Milestone {
    Table,
    Id,
    Year,
    Title,
    Text,
    Source,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
#[allow(clippy::enum_variant_names)]
enum Target {
    Table,
    Id,
    Indicator,
    Title,
    TargetValue,
    PerYear,
    DueOn,
    Scope,
    ScopeDistrict,
    ScopeUnitKind,
    ScopeMemberUnitId,
    MilestoneId,
    Source,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EvaluationRound {
    Table,
    Id,
    Year,
    Title,
    Status,
    ReopenReason,
    PublishedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EvaluationItem {
    Table,
    Id,
    RoundId,
    Position,
    Kind,
    Indicator,
    Title,
    AppliesTo,
    MaxPoints,
    Rubric,
    Scorer,
    ScorerCommitteeId,
    Source,
    CreatedAt,
}

#[derive(DeriveIden)]
enum EvaluationEvaluator {
    Table,
    Id,
    RoundId,
    AccountId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SelfAssessment {
    Table,
    Id,
    RoundId,
    ItemId,
    UnitId,
    Text,
    Evidence,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EvaluationScore {
    Table,
    Id,
    RoundId,
    ItemId,
    EvaluatedUnitId,
    Points,
    Comment,
    AccountId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EvaluationResult {
    Table,
    Id,
    RoundId,
    ItemId,
    UnitId,
    Value,
    Points,
    Comment,
    CreatedAt,
}

fn fk(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Account::Table)
                    .add_column(uuid_null(Account::CommitteeId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_account_committee_id")
                    .table(Account::Table)
                    .col(Account::CommitteeId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Milestone::Table)
                    .col(pk_uuid(Milestone::Id))
                    .col(integer_uniq(Milestone::Year))
                    .col(string_len(Milestone::Title, 200))
                    .col(text(Milestone::Text))
                    .col(string_len(Milestone::Source, 200))
                    .col(timestamp_with_time_zone(Milestone::CreatedAt))
                    .col(timestamp_with_time_zone(Milestone::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Target::Table)
                    .col(pk_uuid(Target::Id))
                    .col(string_len(Target::Indicator, 40))
                    .col(string_len(Target::Title, 200))
                    .col(double(Target::TargetValue).check(Expr::col(Target::TargetValue).gte(0)))
                    .col(boolean(Target::PerYear))
                    .col(date_null(Target::DueOn))
                    .col(string_len(Target::Scope, 20))
                    .col(string_len_null(Target::ScopeDistrict, 20))
                    .col(string_len_null(Target::ScopeUnitKind, 40))
                    .col(uuid_null(Target::ScopeMemberUnitId))
                    .col(uuid_null(Target::MilestoneId))
                    .col(string_len(Target::Source, 300))
                    .col(timestamp_with_time_zone(Target::CreatedAt))
                    .col(timestamp_with_time_zone(Target::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_target_scope_member_unit_id",
                        (Target::Table, Target::ScopeMemberUnitId),
                        (MemberUnit::Table, MemberUnit::Id),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_target_milestone_id")
                            .from(Target::Table, Target::MilestoneId)
                            .to(Milestone::Table, Milestone::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EvaluationRound::Table)
                    .col(pk_uuid(EvaluationRound::Id))
                    .col(integer_uniq(EvaluationRound::Year))
                    .col(string_len(EvaluationRound::Title, 200))
                    .col(string_len(EvaluationRound::Status, 20))
                    .col(text_null(EvaluationRound::ReopenReason))
                    .col(timestamp_with_time_zone_null(EvaluationRound::PublishedAt))
                    .col(timestamp_with_time_zone(EvaluationRound::CreatedAt))
                    .col(timestamp_with_time_zone(EvaluationRound::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EvaluationItem::Table)
                    .col(pk_uuid(EvaluationItem::Id))
                    .col(uuid(EvaluationItem::RoundId))
                    .col(integer(EvaluationItem::Position))
                    .col(string_len(EvaluationItem::Kind, 20))
                    .col(string_len_null(EvaluationItem::Indicator, 40))
                    .col(string_len(EvaluationItem::Title, 200))
                    .col(string_len_null(EvaluationItem::AppliesTo, 20))
                    .col(
                        double(EvaluationItem::MaxPoints)
                            .check(Expr::col(EvaluationItem::MaxPoints).gt(0)),
                    )
                    .col(text_null(EvaluationItem::Rubric))
                    .col(string_len_null(EvaluationItem::Scorer, 20))
                    .col(uuid_null(EvaluationItem::ScorerCommitteeId))
                    .col(string_len_null(EvaluationItem::Source, 300))
                    .col(timestamp_with_time_zone(EvaluationItem::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_evaluation_item_round_id",
                        (EvaluationItem::Table, EvaluationItem::RoundId),
                        (EvaluationRound::Table, EvaluationRound::Id),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_evaluation_item_scorer_committee_id")
                            .from(EvaluationItem::Table, EvaluationItem::ScorerCommitteeId)
                            .to(Committee::Table, Committee::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_evaluation_item_round_position")
                    .table(EvaluationItem::Table)
                    .col(EvaluationItem::RoundId)
                    .col(EvaluationItem::Position)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EvaluationEvaluator::Table)
                    .col(pk_uuid(EvaluationEvaluator::Id))
                    .col(uuid(EvaluationEvaluator::RoundId))
                    .col(uuid(EvaluationEvaluator::AccountId))
                    .col(timestamp_with_time_zone(EvaluationEvaluator::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_evaluation_evaluator_round_id",
                        (EvaluationEvaluator::Table, EvaluationEvaluator::RoundId),
                        (EvaluationRound::Table, EvaluationRound::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_evaluation_evaluator_account_id",
                        (EvaluationEvaluator::Table, EvaluationEvaluator::AccountId),
                        (Account::Table, Account::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_evaluation_evaluator_round_account")
                    .table(EvaluationEvaluator::Table)
                    .col(EvaluationEvaluator::RoundId)
                    .col(EvaluationEvaluator::AccountId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SelfAssessment::Table)
                    .col(pk_uuid(SelfAssessment::Id))
                    .col(uuid(SelfAssessment::RoundId))
                    .col(uuid(SelfAssessment::ItemId))
                    .col(uuid(SelfAssessment::UnitId))
                    .col(text(SelfAssessment::Text))
                    .col(text(SelfAssessment::Evidence))
                    .col(timestamp_with_time_zone(SelfAssessment::CreatedAt))
                    .col(timestamp_with_time_zone(SelfAssessment::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_self_assessment_round_id",
                        (SelfAssessment::Table, SelfAssessment::RoundId),
                        (EvaluationRound::Table, EvaluationRound::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_self_assessment_item_id",
                        (SelfAssessment::Table, SelfAssessment::ItemId),
                        (EvaluationItem::Table, EvaluationItem::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_self_assessment_unit_id",
                        (SelfAssessment::Table, SelfAssessment::UnitId),
                        (MemberUnit::Table, MemberUnit::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_self_assessment_item_unit")
                    .table(SelfAssessment::Table)
                    .col(SelfAssessment::ItemId)
                    .col(SelfAssessment::UnitId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EvaluationScore::Table)
                    .col(pk_uuid(EvaluationScore::Id))
                    .col(uuid(EvaluationScore::RoundId))
                    .col(uuid(EvaluationScore::ItemId))
                    .col(uuid(EvaluationScore::EvaluatedUnitId))
                    .col(
                        double(EvaluationScore::Points)
                            .check(Expr::col(EvaluationScore::Points).gte(0)),
                    )
                    .col(text(EvaluationScore::Comment))
                    .col(uuid(EvaluationScore::AccountId))
                    .col(timestamp_with_time_zone(EvaluationScore::CreatedAt))
                    .col(timestamp_with_time_zone(EvaluationScore::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_evaluation_score_round_id",
                        (EvaluationScore::Table, EvaluationScore::RoundId),
                        (EvaluationRound::Table, EvaluationRound::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_evaluation_score_item_id",
                        (EvaluationScore::Table, EvaluationScore::ItemId),
                        (EvaluationItem::Table, EvaluationItem::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_evaluation_score_unit_id",
                        (EvaluationScore::Table, EvaluationScore::EvaluatedUnitId),
                        (MemberUnit::Table, MemberUnit::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_evaluation_score_item_unit")
                    .table(EvaluationScore::Table)
                    .col(EvaluationScore::ItemId)
                    .col(EvaluationScore::EvaluatedUnitId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EvaluationResult::Table)
                    .col(pk_uuid(EvaluationResult::Id))
                    .col(uuid(EvaluationResult::RoundId))
                    .col(uuid(EvaluationResult::ItemId))
                    .col(uuid(EvaluationResult::UnitId))
                    .col(double_null(EvaluationResult::Value))
                    .col(double(EvaluationResult::Points))
                    .col(text_null(EvaluationResult::Comment))
                    .col(timestamp_with_time_zone(EvaluationResult::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_evaluation_result_round_id",
                        (EvaluationResult::Table, EvaluationResult::RoundId),
                        (EvaluationRound::Table, EvaluationRound::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_evaluation_result_item_id",
                        (EvaluationResult::Table, EvaluationResult::ItemId),
                        (EvaluationItem::Table, EvaluationItem::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_evaluation_result_unit_id",
                        (EvaluationResult::Table, EvaluationResult::UnitId),
                        (MemberUnit::Table, MemberUnit::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_evaluation_result_round_unit_item")
                    .table(EvaluationResult::Table)
                    .col(EvaluationResult::RoundId)
                    .col(EvaluationResult::UnitId)
                    .col(EvaluationResult::ItemId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            EvaluationResult::Table.into_iden(),
            EvaluationScore::Table.into_iden(),
            SelfAssessment::Table.into_iden(),
            EvaluationEvaluator::Table.into_iden(),
            EvaluationItem::Table.into_iden(),
            EvaluationRound::Table.into_iden(),
            Target::Table.into_iden(),
            Milestone::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .drop_index(
                Index::drop()
                    .name("idx_account_committee_id")
                    .table(Account::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Account::Table)
                    .drop_column(Account::CommitteeId)
                    .to_owned(),
            )
            .await
    }
}
