//! Internship placements (岗位实习) and graduate outcomes; students gain year of study, specialty
//! and national ID.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MemberUnit {
    Table,
    Id,
}

#[allow(clippy::enum_variant_names)]
#[derive(DeriveIden)]
enum Student {
    Table,
    Id,
    YearOfStudy,
    Specialty,
    NationalId,
}

#[derive(DeriveIden)]
enum OrderClass {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum InternshipPlacement {
    Table,
    Id,
    StudentId,
    SchoolId,
    HostUnitId,
    HostName,
    HostUscc,
    HostKey,
    OrderClassId,
    PostTitle,
    VenueType,
    Hazardous,
    WeeklyHours,
    NightShifts,
    Overtime,
    PostStaffCount,
    MonthlyPay,
    PostWage,
    MentorName,
    MentorTitle,
    ArrangedBy,
    WorksElsewhere,
    AgreementSignedOn,
    AgreementGuardianSigned,
    ConsentGiven,
    InsurancePolicy,
    InsuranceStart,
    InsuranceEnd,
    StartDate,
    EndDate,
    Status,
    TerminationReason,
    HostConfirmedAt,
    NoFeesAttested,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum GraduateOutcome {
    Table,
    Id,
    StudentId,
    SchoolId,
    GraduationYear,
    Status,
    EmployerUnitId,
    EmployerName,
    EmployerDistrict,
    InWeihai,
    HiredByHostOrSponsor,
    ReportedOn,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for col in [
            integer_null(Student::YearOfStudy),
            string_null(Student::Specialty),
            string_len_null(Student::NationalId, 18),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Student::Table)
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(InternshipPlacement::Table)
                    .col(pk_uuid(InternshipPlacement::Id))
                    .col(uuid(InternshipPlacement::StudentId))
                    .col(uuid(InternshipPlacement::SchoolId))
                    .col(uuid_null(InternshipPlacement::HostUnitId))
                    .col(string(InternshipPlacement::HostName))
                    .col(string_len_null(InternshipPlacement::HostUscc, 18))
                    .col(string(InternshipPlacement::HostKey))
                    .col(uuid_null(InternshipPlacement::OrderClassId))
                    .col(string(InternshipPlacement::PostTitle))
                    .col(string_len(InternshipPlacement::VenueType, 30))
                    .col(boolean(InternshipPlacement::Hazardous).default(false))
                    .col(integer(InternshipPlacement::WeeklyHours))
                    .col(boolean(InternshipPlacement::NightShifts).default(false))
                    .col(boolean(InternshipPlacement::Overtime).default(false))
                    .col(integer_null(InternshipPlacement::PostStaffCount))
                    .col(integer(InternshipPlacement::MonthlyPay))
                    .col(integer(InternshipPlacement::PostWage))
                    .col(string_null(InternshipPlacement::MentorName))
                    .col(string_null(InternshipPlacement::MentorTitle))
                    .col(string_len(InternshipPlacement::ArrangedBy, 20))
                    .col(boolean(InternshipPlacement::WorksElsewhere).default(false))
                    .col(date_null(InternshipPlacement::AgreementSignedOn))
                    .col(boolean(InternshipPlacement::AgreementGuardianSigned).default(false))
                    .col(boolean(InternshipPlacement::ConsentGiven).default(false))
                    .col(string_null(InternshipPlacement::InsurancePolicy))
                    .col(date_null(InternshipPlacement::InsuranceStart))
                    .col(date_null(InternshipPlacement::InsuranceEnd))
                    .col(date(InternshipPlacement::StartDate))
                    .col(date(InternshipPlacement::EndDate))
                    .col(string_len(InternshipPlacement::Status, 20))
                    .col(text_null(InternshipPlacement::TerminationReason))
                    .col(timestamp_with_time_zone_null(
                        InternshipPlacement::HostConfirmedAt,
                    ))
                    .col(boolean(InternshipPlacement::NoFeesAttested).default(false))
                    .col(timestamp_with_time_zone(InternshipPlacement::CreatedAt))
                    .col(timestamp_with_time_zone(InternshipPlacement::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_placement_student")
                            .from(InternshipPlacement::Table, InternshipPlacement::StudentId)
                            .to(Student::Table, Student::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_placement_school")
                            .from(InternshipPlacement::Table, InternshipPlacement::SchoolId)
                            .to(MemberUnit::Table, MemberUnit::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_placement_host")
                            .from(InternshipPlacement::Table, InternshipPlacement::HostUnitId)
                            .to(MemberUnit::Table, MemberUnit::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_placement_order_class")
                            .from(
                                InternshipPlacement::Table,
                                InternshipPlacement::OrderClassId,
                            )
                            .to(OrderClass::Table, OrderClass::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols, unique) in [
            (
                "uq_placement_student_host_start",
                vec![
                    InternshipPlacement::StudentId,
                    InternshipPlacement::HostKey,
                    InternshipPlacement::StartDate,
                ],
                true,
            ),
            (
                "idx_placement_school",
                vec![InternshipPlacement::SchoolId],
                false,
            ),
            (
                "idx_placement_host",
                vec![InternshipPlacement::HostUnitId],
                false,
            ),
            (
                "idx_placement_start",
                vec![InternshipPlacement::StartDate],
                false,
            ),
        ] {
            let mut idx = Index::create();
            idx.name(name).table(InternshipPlacement::Table);
            for c in cols {
                idx.col(c);
            }
            if unique {
                idx.unique();
            }
            manager.create_index(idx.to_owned()).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(GraduateOutcome::Table)
                    .col(pk_uuid(GraduateOutcome::Id))
                    .col(uuid_uniq(GraduateOutcome::StudentId))
                    .col(uuid(GraduateOutcome::SchoolId))
                    .col(integer(GraduateOutcome::GraduationYear))
                    .col(string_len(GraduateOutcome::Status, 20))
                    .col(uuid_null(GraduateOutcome::EmployerUnitId))
                    .col(string_null(GraduateOutcome::EmployerName))
                    .col(string_len_null(GraduateOutcome::EmployerDistrict, 40))
                    .col(boolean(GraduateOutcome::InWeihai).default(false))
                    .col(boolean(GraduateOutcome::HiredByHostOrSponsor).default(false))
                    .col(date(GraduateOutcome::ReportedOn))
                    .col(timestamp_with_time_zone(GraduateOutcome::CreatedAt))
                    .col(timestamp_with_time_zone(GraduateOutcome::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_outcome_student")
                            .from(GraduateOutcome::Table, GraduateOutcome::StudentId)
                            .to(Student::Table, Student::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_outcome_school")
                            .from(GraduateOutcome::Table, GraduateOutcome::SchoolId)
                            .to(MemberUnit::Table, MemberUnit::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_outcome_employer")
                            .from(GraduateOutcome::Table, GraduateOutcome::EmployerUnitId)
                            .to(MemberUnit::Table, MemberUnit::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outcome_year")
                    .table(GraduateOutcome::Table)
                    .col(GraduateOutcome::GraduationYear)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(GraduateOutcome::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(InternshipPlacement::Table).to_owned())
            .await?;
        for col in [
            Student::NationalId,
            Student::Specialty,
            Student::YearOfStudy,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Student::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
