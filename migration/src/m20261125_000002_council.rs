//! The council and the committees at work (Founding notice 三(一); `docs/committees.md`, The
//! council): meetings of the council, the standing council or a committee (`committee_meeting`),
//! the member units that attended (`meeting_attendance`), the resolutions taken with an owner, a
//! due date and a status (`resolution`), and each committee's yearly work plan
//! (`work_plan_item`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

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
enum CommitteeMeeting {
    Table,
    Id,
    CommitteeId,
    HeldOn,
    Title,
    Agenda,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum MeetingAttendance {
    Table,
    Id,
    MeetingId,
    UnitId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Resolution {
    Table,
    Id,
    MeetingId,
    Position,
    Text,
    OwnerUnitId,
    OwnerCommitteeId,
    DueOn,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum WorkPlanItem {
    Table,
    Id,
    CommitteeId,
    Year,
    Title,
    Description,
    DueOn,
    Status,
    CreatedAt,
    UpdatedAt,
}

fn fk(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
    action: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(action)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CommitteeMeeting::Table)
                    .col(pk_uuid(CommitteeMeeting::Id))
                    .col(uuid(CommitteeMeeting::CommitteeId))
                    .col(date(CommitteeMeeting::HeldOn))
                    .col(string_len(CommitteeMeeting::Title, 200))
                    .col(text(CommitteeMeeting::Agenda))
                    .col(timestamp_with_time_zone(CommitteeMeeting::CreatedAt))
                    .col(timestamp_with_time_zone(CommitteeMeeting::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_committee_meeting_committee_id",
                        (CommitteeMeeting::Table, CommitteeMeeting::CommitteeId),
                        (Committee::Table, Committee::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_committee_meeting_committee_held_on")
                    .table(CommitteeMeeting::Table)
                    .col(CommitteeMeeting::CommitteeId)
                    .col(CommitteeMeeting::HeldOn)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MeetingAttendance::Table)
                    .col(pk_uuid(MeetingAttendance::Id))
                    .col(uuid(MeetingAttendance::MeetingId))
                    .col(uuid(MeetingAttendance::UnitId))
                    .col(timestamp_with_time_zone(MeetingAttendance::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_meeting_attendance_meeting_id",
                        (MeetingAttendance::Table, MeetingAttendance::MeetingId),
                        (CommitteeMeeting::Table, CommitteeMeeting::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_meeting_attendance_unit_id",
                        (MeetingAttendance::Table, MeetingAttendance::UnitId),
                        (MemberUnit::Table, MemberUnit::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_meeting_attendance_meeting_unit")
                    .table(MeetingAttendance::Table)
                    .col(MeetingAttendance::MeetingId)
                    .col(MeetingAttendance::UnitId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Resolution::Table)
                    .col(pk_uuid(Resolution::Id))
                    .col(uuid(Resolution::MeetingId))
                    .col(integer(Resolution::Position))
                    .col(text(Resolution::Text))
                    .col(uuid_null(Resolution::OwnerUnitId))
                    .col(uuid_null(Resolution::OwnerCommitteeId))
                    .col(date_null(Resolution::DueOn))
                    .col(string_len(Resolution::Status, 20))
                    .col(timestamp_with_time_zone(Resolution::CreatedAt))
                    .col(timestamp_with_time_zone(Resolution::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_resolution_meeting_id",
                        (Resolution::Table, Resolution::MeetingId),
                        (CommitteeMeeting::Table, CommitteeMeeting::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_resolution_owner_unit_id",
                        (Resolution::Table, Resolution::OwnerUnitId),
                        (MemberUnit::Table, MemberUnit::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        "fk_resolution_owner_committee_id",
                        (Resolution::Table, Resolution::OwnerCommitteeId),
                        (Committee::Table, Committee::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_resolution_meeting_position")
                    .table(Resolution::Table)
                    .col(Resolution::MeetingId)
                    .col(Resolution::Position)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(WorkPlanItem::Table)
                    .col(pk_uuid(WorkPlanItem::Id))
                    .col(uuid(WorkPlanItem::CommitteeId))
                    .col(integer(WorkPlanItem::Year))
                    .col(string_len(WorkPlanItem::Title, 200))
                    .col(text(WorkPlanItem::Description))
                    .col(date_null(WorkPlanItem::DueOn))
                    .col(string_len(WorkPlanItem::Status, 20))
                    .col(timestamp_with_time_zone(WorkPlanItem::CreatedAt))
                    .col(timestamp_with_time_zone(WorkPlanItem::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_work_plan_item_committee_id",
                        (WorkPlanItem::Table, WorkPlanItem::CommitteeId),
                        (Committee::Table, Committee::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_work_plan_item_committee_year")
                    .table(WorkPlanItem::Table)
                    .col(WorkPlanItem::CommitteeId)
                    .col(WorkPlanItem::Year)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            WorkPlanItem::Table.into_iden(),
            Resolution::Table.into_iden(),
            MeetingAttendance::Table.into_iden(),
            CommitteeMeeting::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
