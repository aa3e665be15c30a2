//! Order classes (订单班): enterprises' demand and its participants, order classes with sponsors,
//! students and their enrolments with pre-employment agreements.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MemberUnit {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OrderClassDemand {
    Table,
    Id,
    EnterpriseId,
    SpecialtyName,
    SpecialtyCode,
    RequiredSkills,
    RequiredCertificates,
    StartYear,
    StartTerm,
    WorkDistrict,
    PayMin,
    PayMax,
    ApplicationDeadline,
    OpenToUnemployedYouth,
    OpenToMigrantWorkers,
    AgeLimit,
    Description,
    Status,
    MatchedSeats,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DemandParticipant {
    Table,
    Id,
    DemandId,
    EnterpriseId,
    Headcount,
    IsPoster,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OrderClass {
    Table,
    Id,
    DemandId,
    SchoolId,
    Name,
    SpecialtyName,
    SpecialtyCode,
    CohortYear,
    PlannedSeats,
    TotalSpecialtyHours,
    EnterpriseWorkshopHours,
    CorePracticeHours,
    OrdinaryClassPracticeHours,
    CourseGoalsAgreed,
    CourseGoalsNote,
    CourseModelAgreed,
    CourseModelNote,
    ContentAgreed,
    ContentNote,
    ManagementAgreed,
    ManagementNote,
    AssessmentAgreed,
    AssessmentNote,
    Status,
    CancelReason,
    SchoolAcceptedAt,
    SchoolAcceptedBy,
    AgreedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OrderClassSponsor {
    Table,
    Id,
    OrderClassId,
    EnterpriseId,
    Seats,
    AcceptedAt,
    AcceptedBy,
}

// The column is `student_number`; the identifier names follow the columns.
#[allow(clippy::enum_variant_names)]
#[derive(DeriveIden)]
enum Student {
    Table,
    Id,
    SchoolId,
    StudentNumber,
    Name,
    Gender,
    DateOfBirth,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Enrolment {
    Table,
    Id,
    OrderClassId,
    StudentId,
    TargetGroup,
    CreatedAt,
    AgreementEnterpriseId,
    AgreementSignedOn,
    AgreementGuardianSigned,
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

fn index(
    name: &str,
    table: impl IntoIden,
    cols: &[&'static str],
    unique: bool,
) -> IndexCreateStatement {
    let mut idx = Index::create();
    idx.name(name).table(table);
    for c in cols {
        idx.col(Alias::new(*c));
    }
    if unique {
        idx.unique();
    }
    idx.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OrderClassDemand::Table)
                    .col(pk_uuid(OrderClassDemand::Id))
                    .col(uuid(OrderClassDemand::EnterpriseId))
                    .col(string(OrderClassDemand::SpecialtyName))
                    .col(string_null(OrderClassDemand::SpecialtyCode))
                    .col(text_null(OrderClassDemand::RequiredSkills))
                    .col(text_null(OrderClassDemand::RequiredCertificates))
                    .col(integer(OrderClassDemand::StartYear))
                    .col(string_len(OrderClassDemand::StartTerm, 10))
                    .col(string_len_null(OrderClassDemand::WorkDistrict, 40))
                    .col(integer_null(OrderClassDemand::PayMin))
                    .col(integer_null(OrderClassDemand::PayMax))
                    .col(date_null(OrderClassDemand::ApplicationDeadline))
                    .col(boolean(OrderClassDemand::OpenToUnemployedYouth).default(false))
                    .col(boolean(OrderClassDemand::OpenToMigrantWorkers).default(false))
                    .col(integer_null(OrderClassDemand::AgeLimit))
                    .col(text_null(OrderClassDemand::Description))
                    .col(string_len(OrderClassDemand::Status, 20))
                    .col(integer(OrderClassDemand::MatchedSeats).default(0))
                    .col(timestamp_with_time_zone(OrderClassDemand::CreatedAt))
                    .col(timestamp_with_time_zone(OrderClassDemand::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_demand_enterprise",
                        (OrderClassDemand::Table, OrderClassDemand::EnterpriseId),
                        (MemberUnit::Table, MemberUnit::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_demand_status",
                OrderClassDemand::Table,
                &["status"],
                false,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_demand_enterprise",
                OrderClassDemand::Table,
                &["enterprise_id"],
                false,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DemandParticipant::Table)
                    .col(pk_uuid(DemandParticipant::Id))
                    .col(uuid(DemandParticipant::DemandId))
                    .col(uuid(DemandParticipant::EnterpriseId))
                    .col(integer(DemandParticipant::Headcount))
                    .col(boolean(DemandParticipant::IsPoster).default(false))
                    .col(timestamp_with_time_zone(DemandParticipant::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_participant_demand",
                        (DemandParticipant::Table, DemandParticipant::DemandId),
                        (OrderClassDemand::Table, OrderClassDemand::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_participant_enterprise",
                        (DemandParticipant::Table, DemandParticipant::EnterpriseId),
                        (MemberUnit::Table, MemberUnit::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "uq_participant_demand_enterprise",
                DemandParticipant::Table,
                &["demand_id", "enterprise_id"],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_participant_enterprise",
                DemandParticipant::Table,
                &["enterprise_id"],
                false,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OrderClass::Table)
                    .col(pk_uuid(OrderClass::Id))
                    .col(uuid_null(OrderClass::DemandId))
                    .col(uuid(OrderClass::SchoolId))
                    .col(string(OrderClass::Name))
                    .col(string(OrderClass::SpecialtyName))
                    .col(string_null(OrderClass::SpecialtyCode))
                    .col(integer(OrderClass::CohortYear))
                    .col(integer(OrderClass::PlannedSeats))
                    .col(integer(OrderClass::TotalSpecialtyHours))
                    .col(integer(OrderClass::EnterpriseWorkshopHours))
                    .col(integer(OrderClass::CorePracticeHours))
                    .col(integer(OrderClass::OrdinaryClassPracticeHours))
                    .col(boolean(OrderClass::CourseGoalsAgreed).default(false))
                    .col(text_null(OrderClass::CourseGoalsNote))
                    .col(boolean(OrderClass::CourseModelAgreed).default(false))
                    .col(text_null(OrderClass::CourseModelNote))
                    .col(boolean(OrderClass::ContentAgreed).default(false))
                    .col(text_null(OrderClass::ContentNote))
                    .col(boolean(OrderClass::ManagementAgreed).default(false))
                    .col(text_null(OrderClass::ManagementNote))
                    .col(boolean(OrderClass::AssessmentAgreed).default(false))
                    .col(text_null(OrderClass::AssessmentNote))
                    .col(string_len(OrderClass::Status, 20))
                    .col(text_null(OrderClass::CancelReason))
                    .col(timestamp_with_time_zone_null(OrderClass::SchoolAcceptedAt))
                    .col(uuid_null(OrderClass::SchoolAcceptedBy))
                    .col(timestamp_with_time_zone_null(OrderClass::AgreedAt))
                    .col(timestamp_with_time_zone(OrderClass::CreatedAt))
                    .col(timestamp_with_time_zone(OrderClass::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_order_class_demand",
                        (OrderClass::Table, OrderClass::DemandId),
                        (OrderClassDemand::Table, OrderClassDemand::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_order_class_school",
                        (OrderClass::Table, OrderClass::SchoolId),
                        (MemberUnit::Table, MemberUnit::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_order_class_school",
                OrderClass::Table,
                &["school_id"],
                false,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_order_class_demand",
                OrderClass::Table,
                &["demand_id"],
                false,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OrderClassSponsor::Table)
                    .col(pk_uuid(OrderClassSponsor::Id))
                    .col(uuid(OrderClassSponsor::OrderClassId))
                    .col(uuid(OrderClassSponsor::EnterpriseId))
                    .col(integer(OrderClassSponsor::Seats))
                    .col(timestamp_with_time_zone_null(OrderClassSponsor::AcceptedAt))
                    .col(uuid_null(OrderClassSponsor::AcceptedBy))
                    .foreign_key(&mut fk(
                        "fk_sponsor_order_class",
                        (OrderClassSponsor::Table, OrderClassSponsor::OrderClassId),
                        (OrderClass::Table, OrderClass::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_sponsor_enterprise",
                        (OrderClassSponsor::Table, OrderClassSponsor::EnterpriseId),
                        (MemberUnit::Table, MemberUnit::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "uq_sponsor_class_enterprise",
                OrderClassSponsor::Table,
                &["order_class_id", "enterprise_id"],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_sponsor_enterprise",
                OrderClassSponsor::Table,
                &["enterprise_id"],
                false,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Student::Table)
                    .col(pk_uuid(Student::Id))
                    .col(uuid(Student::SchoolId))
                    .col(string(Student::StudentNumber))
                    .col(string(Student::Name))
                    .col(string_len(Student::Gender, 10))
                    .col(date(Student::DateOfBirth))
                    .col(timestamp_with_time_zone(Student::CreatedAt))
                    .col(timestamp_with_time_zone(Student::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_student_school",
                        (Student::Table, Student::SchoolId),
                        (MemberUnit::Table, MemberUnit::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "uq_student_school_number",
                Student::Table,
                &["school_id", "student_number"],
                true,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Enrolment::Table)
                    .col(pk_uuid(Enrolment::Id))
                    .col(uuid(Enrolment::OrderClassId))
                    .col(uuid(Enrolment::StudentId))
                    .col(string_len(Enrolment::TargetGroup, 20))
                    .col(timestamp_with_time_zone(Enrolment::CreatedAt))
                    .col(uuid_null(Enrolment::AgreementEnterpriseId))
                    .col(date_null(Enrolment::AgreementSignedOn))
                    .col(boolean(Enrolment::AgreementGuardianSigned).default(false))
                    .foreign_key(&mut fk(
                        "fk_enrolment_order_class",
                        (Enrolment::Table, Enrolment::OrderClassId),
                        (OrderClass::Table, OrderClass::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_enrolment_student",
                        (Enrolment::Table, Enrolment::StudentId),
                        (Student::Table, Student::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_enrolment_agreement_enterprise",
                        (Enrolment::Table, Enrolment::AgreementEnterpriseId),
                        (MemberUnit::Table, MemberUnit::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "uq_enrolment_class_student",
                Enrolment::Table,
                &["order_class_id", "student_id"],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_enrolment_student",
                Enrolment::Table,
                &["student_id"],
                false,
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Enrolment::Table.into_iden(),
            Student::Table.into_iden(),
            OrderClassSponsor::Table.into_iden(),
            OrderClass::Table.into_iden(),
            DemandParticipant::Table.into_iden(),
            OrderClassDemand::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
