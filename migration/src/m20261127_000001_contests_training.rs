//! Contests, research projects and worker training (`docs/people.md`): `contest`,
//! `contest_event`, `contest_entry` and `contest_unit_award` (技能兴威 contests and the yearly
//! teacher-ability contest, Ten Measures (5), (6)); `research_project` and
//! `research_project_member` (科研课题, Ten Measures (6)); `training_need`, `training_project` and
//! `skill_certification` (worker training and 技能等级认定, Founding notice 二(三)8).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn a(name: &str) -> Alias {
    Alias::new(name)
}

fn fk(table: &str, column: &str, to: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(a(table), a(column))
        .to(a(to), a("id"))
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn index(table: &str, name: &str, columns: &[&str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(a(table));
    for c in columns {
        i.col(a(c));
    }
    i.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            Table::create()
                .table(a("contest"))
                .col(pk_uuid(a("id")))
                .col(string_len(a("series"), 100))
                .col(string_len(a("name"), 200))
                .col(string_len(a("kind"), 20))
                .col(string_len(a("level"), 20))
                .col(integer(a("year")))
                .col(string_len(a("organiser"), 200))
                .col(date(a("held_on")))
                .col(string_len_null(a("document"), 300))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .to_owned(),
            Table::create()
                .table(a("contest_event"))
                .col(pk_uuid(a("id")))
                .col(uuid(a("contest_id")))
                .col(string_len(a("trade"), 200))
                .col(string_len(a("contestant_kind"), 20))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk("contest_event", "contest_id", "contest"))
                .to_owned(),
            Table::create()
                .table(a("contest_entry"))
                .col(pk_uuid(a("id")))
                .col(uuid(a("contest_id")))
                .col(uuid(a("event_id")))
                .col(uuid(a("unit_id")))
                .col(string_len(a("contestant_kind"), 20))
                .col(uuid_null(a("student_id")))
                .col(uuid_null(a("teacher_id")))
                .col(string_len_null(a("worker_name"), 50))
                .col(uuid_null(a("coach_teacher_id")))
                .col(string_len_null(a("coach_name"), 50))
                .col(integer_null(a("rank")))
                .col(string_len_null(a("award"), 20))
                .col(boolean(a("coach_honoured")))
                .col(timestamp_with_time_zone_null(a("result_at")))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .foreign_key(&mut fk("contest_entry", "contest_id", "contest"))
                .foreign_key(&mut fk("contest_entry", "event_id", "contest_event"))
                .foreign_key(&mut fk("contest_entry", "unit_id", "member_unit"))
                .foreign_key(&mut fk("contest_entry", "student_id", "student"))
                .foreign_key(&mut fk("contest_entry", "teacher_id", "teacher"))
                .foreign_key(&mut fk("contest_entry", "coach_teacher_id", "teacher"))
                .to_owned(),
            Table::create()
                .table(a("contest_unit_award"))
                .col(pk_uuid(a("id")))
                .col(uuid(a("contest_id")))
                .col(uuid(a("unit_id")))
                .col(string_len(a("title"), 100))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk("contest_unit_award", "contest_id", "contest"))
                .foreign_key(&mut fk("contest_unit_award", "unit_id", "member_unit"))
                .to_owned(),
            Table::create()
                .table(a("research_project"))
                .col(pk_uuid(a("id")))
                .col(uuid(a("school_id")))
                .col(string_len(a("title"), 300))
                .col(integer(a("year")))
                .col(string_len(a("approving_body"), 200))
                .col(string_len(a("document"), 300))
                .col(date(a("approved_on")))
                .col(uuid(a("leader_teacher_id")))
                .col(string_len(a("status"), 20))
                .col(date_null(a("closed_on")))
                .col(text_null(a("outcome")))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .foreign_key(&mut fk("research_project", "school_id", "member_unit"))
                .foreign_key(&mut fk("research_project", "leader_teacher_id", "teacher"))
                .to_owned(),
            Table::create()
                .table(a("research_project_member"))
                .col(pk_uuid(a("id")))
                .col(uuid(a("project_id")))
                .col(uuid(a("teacher_id")))
                .foreign_key(&mut fk(
                    "research_project_member",
                    "project_id",
                    "research_project",
                ))
                .foreign_key(&mut fk("research_project_member", "teacher_id", "teacher"))
                .to_owned(),
            Table::create()
                .table(a("training_need"))
                .col(pk_uuid(a("id")))
                .col(uuid(a("enterprise_id")))
                .col(string_len(a("trade"), 200))
                .col(string_len_null(a("level"), 30))
                .col(integer(a("headcount")))
                .col(text(a("description")))
                .col(date_null(a("closed_on")))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .foreign_key(&mut fk("training_need", "enterprise_id", "member_unit"))
                .to_owned(),
            Table::create()
                .table(a("training_project"))
                .col(pk_uuid(a("id")))
                .col(uuid(a("unit_id")))
                .col(uuid_null(a("need_id")))
                .col(uuid_null(a("enterprise_id")))
                .col(string_len(a("name"), 200))
                .col(string_len(a("trade"), 200))
                .col(string_len_null(a("level"), 30))
                .col(date(a("starts_on")))
                .col(date(a("ends_on")))
                .col(integer(a("participants")))
                .col(string_len_null(a("funding_department"), 30))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .foreign_key(&mut fk("training_project", "unit_id", "member_unit"))
                .foreign_key(&mut fk("training_project", "need_id", "training_need"))
                .foreign_key(&mut fk("training_project", "enterprise_id", "member_unit"))
                .to_owned(),
            Table::create()
                .table(a("skill_certification"))
                .col(pk_uuid(a("id")))
                .col(uuid(a("unit_id")))
                .col(uuid_null(a("project_id")))
                .col(uuid_null(a("enterprise_id")))
                .col(string_len(a("trade"), 200))
                .col(string_len(a("level"), 30))
                .col(date(a("certified_on")))
                .col(integer(a("certified")))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk("skill_certification", "unit_id", "member_unit"))
                .foreign_key(&mut fk(
                    "skill_certification",
                    "project_id",
                    "training_project",
                ))
                .foreign_key(&mut fk(
                    "skill_certification",
                    "enterprise_id",
                    "member_unit",
                ))
                .to_owned(),
        ];
        for t in tables {
            manager.create_table(t).await?;
        }
        let unique = |i: IndexCreateStatement| {
            let mut i = i;
            i.unique();
            i
        };
        for i in [
            unique(index("contest", "idx_contest_year_name", &["year", "name"])),
            unique(index(
                "contest_event",
                "idx_contest_event_contest_trade",
                &["contest_id", "trade", "contestant_kind"],
            )),
            index(
                "contest_entry",
                "idx_contest_entry_contest",
                &["contest_id"],
            ),
            index("contest_entry", "idx_contest_entry_event", &["event_id"]),
            index("contest_entry", "idx_contest_entry_unit", &["unit_id"]),
            index(
                "contest_entry",
                "idx_contest_entry_student",
                &["student_id"],
            ),
            index(
                "contest_entry",
                "idx_contest_entry_teacher",
                &["teacher_id"],
            ),
            unique(index(
                "contest_unit_award",
                "idx_contest_unit_award_unique",
                &["contest_id", "unit_id", "title"],
            )),
            index(
                "contest_unit_award",
                "idx_contest_unit_award_unit",
                &["unit_id"],
            ),
            index(
                "research_project",
                "idx_research_project_school",
                &["school_id", "year"],
            ),
            index(
                "research_project",
                "idx_research_project_leader",
                &["leader_teacher_id"],
            ),
            unique(index(
                "research_project_member",
                "idx_research_project_member_unique",
                &["project_id", "teacher_id"],
            )),
            index(
                "research_project_member",
                "idx_research_project_member_teacher",
                &["teacher_id"],
            ),
            index(
                "training_need",
                "idx_training_need_enterprise",
                &["enterprise_id"],
            ),
            index(
                "training_project",
                "idx_training_project_unit",
                &["unit_id", "starts_on"],
            ),
            index(
                "training_project",
                "idx_training_project_enterprise",
                &["enterprise_id"],
            ),
            index(
                "training_project",
                "idx_training_project_need",
                &["need_id"],
            ),
            index(
                "skill_certification",
                "idx_skill_certification_unit",
                &["unit_id", "certified_on"],
            ),
            index(
                "skill_certification",
                "idx_skill_certification_enterprise",
                &["enterprise_id"],
            ),
            index(
                "skill_certification",
                "idx_skill_certification_project",
                &["project_id"],
            ),
        ] {
            manager.create_index(i).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "skill_certification",
            "training_project",
            "training_need",
            "research_project_member",
            "research_project",
            "contest_unit_award",
            "contest_entry",
            "contest_event",
            "contest",
        ] {
            manager
                .drop_table(Table::drop().table(a(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
