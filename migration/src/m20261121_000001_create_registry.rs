//! The member registry: alliance, member units, committees and their memberships, accounts.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Alliance {
    Table,
    Id,
    Name,
    City,
    FoundedOn,
    FoundingDocument,
    Issuer,
    Source,
    CreatedAt,
}

#[derive(DeriveIden)]
enum MemberUnit {
    Table,
    Id,
    Name,
    ListOrder,
    Kind,
    Category,
    District,
    Uscc,
    EmployeeCount,
    AboveDesignatedSize,
    CouncilRole,
    ContactPerson,
    ContactPhone,
    Address,
    JoinedOn,
    Source,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Committee {
    Table,
    Id,
    Name,
    Kind,
    SortOrder,
    Source,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CommitteeMembership {
    Table,
    Id,
    CommitteeId,
    MemberUnitId,
    Role,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
    Email,
    PasswordHash,
    Role,
    MemberUnitId,
    Disabled,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Alliance::Table)
                    .col(pk_uuid(Alliance::Id))
                    .col(string(Alliance::Name))
                    .col(string(Alliance::City))
                    .col(date(Alliance::FoundedOn))
                    .col(string(Alliance::FoundingDocument))
                    .col(string(Alliance::Issuer))
                    .col(string(Alliance::Source))
                    .col(timestamp_with_time_zone(Alliance::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(MemberUnit::Table)
                    .col(pk_uuid(MemberUnit::Id))
                    .col(string_uniq(MemberUnit::Name))
                    .col(integer_uniq(MemberUnit::ListOrder))
                    .col(string_len(MemberUnit::Kind, 40))
                    .col(string_len(MemberUnit::Category, 20))
                    .col(string_len_null(MemberUnit::District, 40))
                    .col(string_len_null(MemberUnit::Uscc, 18).unique_key())
                    .col(
                        integer_null(MemberUnit::EmployeeCount).check(
                            Expr::col(MemberUnit::EmployeeCount)
                                .is_null()
                                .or(Expr::col(MemberUnit::EmployeeCount).gte(0)),
                        ),
                    )
                    .col(boolean(MemberUnit::AboveDesignatedSize).default(false))
                    .col(string_len_null(MemberUnit::CouncilRole, 20))
                    .col(string_null(MemberUnit::ContactPerson))
                    .col(string_null(MemberUnit::ContactPhone))
                    .col(string_null(MemberUnit::Address))
                    .col(date_null(MemberUnit::JoinedOn))
                    .col(string_null(MemberUnit::Source))
                    .col(timestamp_with_time_zone(MemberUnit::CreatedAt))
                    .col(timestamp_with_time_zone(MemberUnit::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_member_unit_kind", MemberUnit::Kind),
            ("idx_member_unit_category", MemberUnit::Category),
            ("idx_member_unit_district", MemberUnit::District),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(MemberUnit::Table)
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_member_unit_updated_at_id")
                    .table(MemberUnit::Table)
                    .col(MemberUnit::UpdatedAt)
                    .col(MemberUnit::Id)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Committee::Table)
                    .col(pk_uuid(Committee::Id))
                    .col(string_uniq(Committee::Name))
                    .col(string_len(Committee::Kind, 40))
                    .col(integer(Committee::SortOrder))
                    .col(string_null(Committee::Source))
                    .col(timestamp_with_time_zone(Committee::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CommitteeMembership::Table)
                    .col(pk_uuid(CommitteeMembership::Id))
                    .col(uuid(CommitteeMembership::CommitteeId))
                    .col(uuid(CommitteeMembership::MemberUnitId))
                    .col(string_len(CommitteeMembership::Role, 20))
                    .col(timestamp_with_time_zone(CommitteeMembership::CreatedAt))
                    .col(timestamp_with_time_zone(CommitteeMembership::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_committee_membership_committee")
                            .from(CommitteeMembership::Table, CommitteeMembership::CommitteeId)
                            .to(Committee::Table, Committee::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_committee_membership_member_unit")
                            .from(
                                CommitteeMembership::Table,
                                CommitteeMembership::MemberUnitId,
                            )
                            .to(MemberUnit::Table, MemberUnit::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_committee_membership_committee_unit")
                    .table(CommitteeMembership::Table)
                    .col(CommitteeMembership::CommitteeId)
                    .col(CommitteeMembership::MemberUnitId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_committee_membership_member_unit")
                    .table(CommitteeMembership::Table)
                    .col(CommitteeMembership::MemberUnitId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Account::Table)
                    .col(pk_uuid(Account::Id))
                    .col(string_uniq(Account::Email))
                    .col(string(Account::PasswordHash))
                    .col(string_len(Account::Role, 20))
                    .col(uuid_null(Account::MemberUnitId))
                    .col(boolean(Account::Disabled).default(false))
                    .col(timestamp_with_time_zone(Account::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_account_member_unit")
                            .from(Account::Table, Account::MemberUnitId)
                            .to(MemberUnit::Table, MemberUnit::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Account::Table.into_iden(),
            CommitteeMembership::Table.into_iden(),
            Committee::Table.into_iden(),
            MemberUnit::Table.into_iden(),
            Alliance::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
