//! The plan's commitments (Founding notice section 二): training sites and their mentors, teacher
//! practice stations with their posts and stints, the craftsman pool and its assignments, career
//! mentors and their classes, apprenticeships, and yearly events.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn a(name: &str) -> Alias {
    Alias::new(name)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(a("training_site"))
                    .col(pk_uuid(a("id")))
                    .col(string_len(a("kind"), 30))
                    .col(uuid(a("host_unit_id")))
                    .col(string(a("name")))
                    .col(string_null(a("address")))
                    .col(string_len_null(a("district"), 40))
                    .col(text(a("specialties")))
                    .col(integer_null(a("student_capacity")))
                    .col(text_null(a("production_lines")))
                    .col(date_null(a("opened_on")))
                    .col(string_len(a("status"), 20))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_training_site_host_unit_id")
                            .from(a("training_site"), a("host_unit_id"))
                            .to(a("member_unit"), a("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("site_partner"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("site_id")))
                    .col(uuid(a("unit_id")))
                    .col(string(a("role")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_site_partner_site_id")
                            .from(a("site_partner"), a("site_id"))
                            .to(a("training_site"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_site_partner_unit_id")
                            .from(a("site_partner"), a("unit_id"))
                            .to(a("member_unit"), a("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("site_mentor"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("site_id")))
                    .col(string(a("name")))
                    .col(string_null(a("title")))
                    .col(string_null(a("skill_level")))
                    .col(string_null(a("specialty")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_site_mentor_site_id")
                            .from(a("site_mentor"), a("site_id"))
                            .to(a("training_site"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("practice_station"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("host_unit_id")))
                    .col(string(a("name")))
                    .col(text(a("specialties")))
                    .col(string_null(a("address")))
                    .col(string_null(a("contact_person")))
                    .col(string_null(a("contact_phone")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_practice_station_host_unit_id")
                            .from(a("practice_station"), a("host_unit_id"))
                            .to(a("member_unit"), a("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("practice_post"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("station_id")))
                    .col(integer(a("year")))
                    .col(string(a("specialty")))
                    .col(integer(a("posts")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_practice_post_station_id")
                            .from(a("practice_post"), a("station_id"))
                            .to(a("practice_station"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("teacher_practice"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("station_id")))
                    .col(uuid(a("school_id")))
                    .col(string(a("teacher_name")))
                    .col(string(a("specialty")))
                    .col(boolean(a("dual_qualified")).default(false))
                    .col(date(a("start_date")))
                    .col(date(a("end_date")))
                    .col(integer(a("days_on_site")))
                    .col(text_null(a("practised")))
                    .col(text_null(a("assessment")))
                    .col(timestamp_with_time_zone_null(a("host_confirmed_at")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_teacher_practice_station_id")
                            .from(a("teacher_practice"), a("station_id"))
                            .to(a("practice_station"), a("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_teacher_practice_school_id")
                            .from(a("teacher_practice"), a("school_id"))
                            .to(a("member_unit"), a("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("craftsman"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("unit_id")))
                    .col(string(a("name")))
                    .col(string_null(a("skill_level")))
                    .col(text(a("specialties")))
                    .col(string_null(a("availability")))
                    .col(string_null(a("phone")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_craftsman_unit_id")
                            .from(a("craftsman"), a("unit_id"))
                            .to(a("member_unit"), a("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("craftsman_assignment"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("craftsman_id")))
                    .col(uuid(a("school_id")))
                    .col(string_len(a("role"), 30))
                    .col(string(a("term")))
                    .col(integer(a("hours")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_craftsman_assignment_craftsman_id")
                            .from(a("craftsman_assignment"), a("craftsman_id"))
                            .to(a("craftsman"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_craftsman_assignment_school_id")
                            .from(a("craftsman_assignment"), a("school_id"))
                            .to(a("member_unit"), a("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("career_mentor"))
                    .col(pk_uuid(a("id")))
                    .col(uuid_uniq(a("unit_id")))
                    .col(string(a("name")))
                    .col(string(a("title")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_career_mentor_unit_id")
                            .from(a("career_mentor"), a("unit_id"))
                            .to(a("member_unit"), a("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("career_class"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("career_mentor_id")))
                    .col(uuid(a("school_id")))
                    .col(date(a("held_on")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_career_class_career_mentor_id")
                            .from(a("career_class"), a("career_mentor_id"))
                            .to(a("career_mentor"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_career_class_school_id")
                            .from(a("career_class"), a("school_id"))
                            .to(a("member_unit"), a("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("apprenticeship"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("unit_id")))
                    .col(uuid(a("school_id")))
                    .col(string(a("apprentice_name")))
                    .col(date(a("hire_date")))
                    .col(string(a("post")))
                    .col(string(a("firm_mentor")))
                    .col(string(a("school_mentor")))
                    .col(string_len(a("mode"), 30))
                    .col(date(a("start_date")))
                    .col(date_null(a("end_date")))
                    .col(string_len(a("status"), 20))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_apprenticeship_unit_id")
                            .from(a("apprenticeship"), a("unit_id"))
                            .to(a("member_unit"), a("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_apprenticeship_school_id")
                            .from(a("apprenticeship"), a("school_id"))
                            .to(a("member_unit"), a("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("event"))
                    .col(pk_uuid(a("id")))
                    .col(string_len(a("kind"), 30))
                    .col(date(a("held_on")))
                    .col(string(a("title")))
                    .col(integer_null(a("participants_count")))
                    .col(text_null(a("notes")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("event_unit"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("event_id")))
                    .col(uuid(a("unit_id")))
                    .col(string_len(a("role"), 20))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_event_unit_event_id")
                            .from(a("event_unit"), a("event_id"))
                            .to(a("event"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_event_unit_unit_id")
                            .from(a("event_unit"), a("unit_id"))
                            .to(a("member_unit"), a("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_training_site_host")
                    .table(a("training_site"))
                    .col(a("host_unit_id"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_site_partner")
                    .table(a("site_partner"))
                    .col(a("site_id"))
                    .col(a("unit_id"))
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_practice_station_host")
                    .table(a("practice_station"))
                    .col(a("host_unit_id"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_practice_post")
                    .table(a("practice_post"))
                    .col(a("station_id"))
                    .col(a("year"))
                    .col(a("specialty"))
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_teacher_practice_station")
                    .table(a("teacher_practice"))
                    .col(a("station_id"))
                    .col(a("specialty"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_teacher_practice_school")
                    .table(a("teacher_practice"))
                    .col(a("school_id"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_craftsman_unit")
                    .table(a("craftsman"))
                    .col(a("unit_id"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_apprenticeship_unit")
                    .table(a("apprenticeship"))
                    .col(a("unit_id"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_event_held_on")
                    .table(a("event"))
                    .col(a("held_on"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_event_unit")
                    .table(a("event_unit"))
                    .col(a("event_id"))
                    .col(a("unit_id"))
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_event_unit_unit")
                    .table(a("event_unit"))
                    .col(a("unit_id"))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "event_unit",
            "event",
            "apprenticeship",
            "career_class",
            "career_mentor",
            "craftsman_assignment",
            "craftsman",
            "teacher_practice",
            "practice_post",
            "practice_station",
            "site_mentor",
            "site_partner",
            "training_site",
        ] {
            manager
                .drop_table(Table::drop().table(a(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
