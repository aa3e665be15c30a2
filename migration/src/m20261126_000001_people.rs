//! People and platforms (`docs/people.md`): the teacher pool (威海技工教育师资库, Ten Measures (6))
//! with the dual-qualified (双师型) certification, reserve-craftsman nominations (Weihai 2020 plan,
//! task 17), apprenticeship bases (task 19) and industry-education enterprise certifications
//! (task 15; Founding notice 三(二)).
//!
//! Teacher practice moves onto the pool: `teacher_practice.teacher_id` names the teacher, and the
//! name the booking carried as text (`teacher_name`) goes. Each school's distinct names become one
//! teacher of that school (a specialty teacher teaching the specialties practised, not certified:
//! the booking's `dual_qualified` flag was the school's own statement and stays on the booking),
//! so that every booking keeps its teacher. `down` puts the names back from the pool.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::ConnectionTrait;
use uuid::Uuid;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn a(name: &str) -> Alias {
    Alias::new(name)
}

/// A foreign key from `table.column` to `to.id`, deleting with it.
fn fk(table: &str, column: &str, to: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(a(table), a(column))
        .to(a(to), a("id"))
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn index(table: &str, name: &str, columns: &[&str], unique: bool) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(a(table));
    for c in columns {
        i.col(a(c));
    }
    if unique {
        i.unique();
    }
    i.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(a("teacher"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("school_id")))
                    .col(string_len(a("name"), 200))
                    .col(text(a("specialties")).default(""))
                    .col(text(a("professional_titles")).default(""))
                    .col(text(a("skill_levels")).default(""))
                    .col(boolean(a("specialty_teacher")).default(true))
                    .col(boolean(a("subject_leader")).default(false))
                    .col(boolean(a("skill_master")).default(false))
                    .col(string_len_null(a("phone"), 40))
                    .col(text_null(a("industry_qualification")))
                    .col(date_null(a("dual_qualified_on")))
                    .col(text_null(a("dual_qualified_evidence")))
                    .col(uuid_null(a("dual_qualified_by")))
                    .col(date_null(a("left_on")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(&mut fk("teacher", "school_id", "member_unit"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "teacher",
                "idx_teacher_school_id",
                &["school_id"],
                false,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("reserve_craftsman"))
                    .col(pk_uuid(a("id")))
                    .col(integer(a("year")))
                    .col(uuid(a("student_id")))
                    .col(uuid(a("school_id")))
                    .col(text(a("reason")))
                    .col(string_len(a("status"), 20))
                    .col(date_null(a("decided_on")))
                    .col(text_null(a("decision_note")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(&mut fk("reserve_craftsman", "student_id", "student"))
                    .foreign_key(&mut fk("reserve_craftsman", "school_id", "member_unit"))
                    .to_owned(),
            )
            .await?;
        for i in [
            index(
                "reserve_craftsman",
                "uq_reserve_craftsman_year_student",
                &["year", "student_id"],
                true,
            ),
            index(
                "reserve_craftsman",
                "idx_reserve_craftsman_school_year",
                &["school_id", "year"],
                false,
            ),
            index(
                "reserve_craftsman",
                "idx_reserve_craftsman_year_status",
                &["year", "status"],
                false,
            ),
        ] {
            manager.create_index(i).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(a("apprenticeship_base"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("school_id")))
                    .col(uuid(a("enterprise_id")))
                    .col(string_len(a("specialty"), 200))
                    .col(date(a("established_on")))
                    .col(date_null(a("demonstration_on")))
                    .col(string_len_null(a("demonstration_document"), 300))
                    .col(date_null(a("closed_on")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(&mut fk("apprenticeship_base", "school_id", "member_unit"))
                    .foreign_key(&mut fk(
                        "apprenticeship_base",
                        "enterprise_id",
                        "member_unit",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "apprenticeship_base",
                "uq_apprenticeship_base_school_firm_specialty",
                &["school_id", "enterprise_id", "specialty"],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                "apprenticeship_base",
                "idx_apprenticeship_base_enterprise_id",
                &["enterprise_id"],
                false,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("enterprise_certification"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("enterprise_id")))
                    .col(string_len(a("level"), 20))
                    .col(string_len(a("status"), 20))
                    .col(date(a("applied_on")))
                    .col(date_null(a("certified_on")))
                    .col(date_null(a("expires_on")))
                    .col(string_len_null(a("document"), 300))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(&mut fk(
                        "enterprise_certification",
                        "enterprise_id",
                        "member_unit",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "enterprise_certification",
                "uq_enterprise_certification_firm_level",
                &["enterprise_id", "level"],
                true,
            ))
            .await?;
        // Teacher practice onto the pool.
        manager
            .alter_table(
                Table::alter()
                    .table(a("teacher_practice"))
                    .add_column(uuid_null(a("teacher_id")))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        let names = Query::select()
            .distinct()
            .columns([a("school_id"), a("teacher_name"), a("specialty")])
            .from(a("teacher_practice"))
            .order_by(a("school_id"), Order::Asc)
            .order_by(a("teacher_name"), Order::Asc)
            .order_by(a("specialty"), Order::Asc)
            .to_owned();
        let mut teachers: Vec<(Uuid, String, Vec<String>)> = Vec::new();
        for row in db.query_all(&names).await? {
            let school: Uuid = row.try_get("", "school_id")?;
            let name: String = row.try_get("", "teacher_name")?;
            let specialty: String = row.try_get("", "specialty")?;
            match teachers.last_mut() {
                Some((s, n, specs)) if *s == school && *n == name => specs.push(specialty),
                _ => teachers.push((school, name, vec![specialty])),
            }
        }
        let now = Expr::current_timestamp();
        for (school, name, specialties) in teachers {
            let id = Uuid::now_v7();
            let insert = Query::insert()
                .into_table(a("teacher"))
                .columns([
                    a("id"),
                    a("school_id"),
                    a("name"),
                    a("specialties"),
                    a("created_at"),
                    a("updated_at"),
                ])
                .values_panic([
                    id.into(),
                    school.into(),
                    name.clone().into(),
                    specialties.join("\n").into(),
                    now.clone(),
                    now.clone(),
                ])
                .to_owned();
            db.execute(&insert).await?;
            let link = Query::update()
                .table(a("teacher_practice"))
                .value(a("teacher_id"), id)
                .and_where(Expr::col(a("school_id")).eq(school))
                .and_where(Expr::col(a("teacher_name")).eq(name))
                .to_owned();
            db.execute(&link).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(a("teacher_practice"))
                    .drop_column(a("teacher_name"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "teacher_practice",
                "idx_teacher_practice_teacher_id",
                &["teacher_id"],
                false,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_teacher_practice_teacher_id")
                    .table(a("teacher_practice"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(a("teacher_practice"))
                    .add_column(string(a("teacher_name")).default(""))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        let names = Query::update()
            .table(a("teacher_practice"))
            .value(
                a("teacher_name"),
                Expr::expr(
                    Query::select()
                        .column((a("teacher"), a("name")))
                        .from(a("teacher"))
                        .and_where(
                            Expr::col((a("teacher"), a("id")))
                                .equals((a("teacher_practice"), a("teacher_id"))),
                        )
                        .to_owned()
                        .into_sub_query_statement(),
                ),
            )
            .to_owned();
        db.execute(&names).await?;
        manager
            .alter_table(
                Table::alter()
                    .table(a("teacher_practice"))
                    .drop_column(a("teacher_id"))
                    .to_owned(),
            )
            .await?;
        for t in [
            "enterprise_certification",
            "apprenticeship_base",
            "reserve_craftsman",
            "teacher",
        ] {
            manager
                .drop_table(Table::drop().table(a(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
