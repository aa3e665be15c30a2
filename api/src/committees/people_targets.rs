//! The records behind the targets of people and platforms (`docs/people.md`): reserve craftsmen
//! selected (Weihai 2020 plan, task 17), municipal demonstration apprenticeship bases (task 19),
//! certified firms (task 15) and the dual-qualified share (task 30). One SQL statement per
//! indicator wanted, only the columns counted.

use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;

use chrono::{NaiveDate, Utc};
use entity::enums::{
    CertificationLevel, CertificationStatus, ReserveCraftsmanStatus, TargetIndicator,
};
use entity::{apprenticeship_base, enterprise_certification, reserve_craftsman, teacher};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::targets::Counted;
use crate::error::Error;

/// A specialty teacher's school, the day entered in the pool, left and certified.
type TeacherDays = (
    Uuid,
    chrono::DateTime<Utc>,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

fn counted(unit: Uuid, from: NaiveDate) -> Counted {
    Counted {
        unit,
        from,
        until: None,
        hit: None,
        year: None,
        present: Vec::new(),
    }
}

/// Adds to `out` the records of each people-and-platforms indicator in `wanted`, for the years
/// `years`.
///
/// # Errors
/// Database failures.
pub(super) async fn people_records(
    db: &impl ConnectionTrait,
    wanted: &HashSet<TargetIndicator>,
    years: RangeInclusive<i32>,
    out: &mut HashMap<TargetIndicator, Vec<Counted>>,
) -> Result<(), Error> {
    if wanted.contains(&TargetIndicator::ReserveCraftsmen) {
        let rows: Vec<(Uuid, i32)> = reserve_craftsman::Entity::find()
            .select_only()
            .column(reserve_craftsman::Column::SchoolId)
            .column(reserve_craftsman::Column::Year)
            .filter(reserve_craftsman::Column::Status.eq(ReserveCraftsmanStatus::Selected))
            .filter(reserve_craftsman::Column::Year.between(*years.start(), *years.end()))
            .into_tuple()
            .all(db)
            .await?;
        out.insert(
            TargetIndicator::ReserveCraftsmen,
            rows.into_iter()
                .map(|(unit, y)| Counted {
                    year: Some(y),
                    ..counted(unit, NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default())
                })
                .collect(),
        );
    }
    if wanted.contains(&TargetIndicator::DemonstrationApprenticeshipBases) {
        let rows: Vec<(Uuid, Option<NaiveDate>, Option<NaiveDate>)> =
            apprenticeship_base::Entity::find()
                .select_only()
                .column(apprenticeship_base::Column::SchoolId)
                .column(apprenticeship_base::Column::DemonstrationOn)
                .column(apprenticeship_base::Column::ClosedOn)
                .filter(apprenticeship_base::Column::DemonstrationOn.is_not_null())
                .into_tuple()
                .all(db)
                .await?;
        out.insert(
            TargetIndicator::DemonstrationApprenticeshipBases,
            rows.into_iter()
                .filter_map(|(unit, on, closed)| {
                    Some(Counted {
                        until: closed,
                        ..counted(unit, on?)
                    })
                })
                .collect(),
        );
    }
    if wanted.contains(&TargetIndicator::CertifiedEnterprises) {
        let rows: Vec<(Uuid, Option<NaiveDate>, Option<NaiveDate>)> =
            enterprise_certification::Entity::find()
                .select_only()
                .column(enterprise_certification::Column::EnterpriseId)
                .column(enterprise_certification::Column::CertifiedOn)
                .column(enterprise_certification::Column::ExpiresOn)
                .filter(
                    enterprise_certification::Column::Level
                        .is_in([CertificationLevel::Provincial, CertificationLevel::National]),
                )
                .filter(
                    enterprise_certification::Column::Status
                        .is_in([CertificationStatus::Certified, CertificationStatus::Expired]),
                )
                .into_tuple()
                .all(db)
                .await?;
        out.insert(
            TargetIndicator::CertifiedEnterprises,
            rows.into_iter()
                .filter_map(|(unit, on, last)| {
                    Some(Counted {
                        // The last day holds; it stops counting the day after.
                        until: last.and_then(|d| d.succ_opt()),
                        ..counted(unit, on?)
                    })
                })
                .collect(),
        );
    }
    if wanted.contains(&TargetIndicator::DualQualifiedShare) {
        let rows: Vec<TeacherDays> = teacher::Entity::find()
            .select_only()
            .column(teacher::Column::SchoolId)
            .column(teacher::Column::CreatedAt)
            .column(teacher::Column::LeftOn)
            .column(teacher::Column::DualQualifiedOn)
            .filter(teacher::Column::SpecialtyTeacher.eq(true))
            .into_tuple()
            .all(db)
            .await?;
        out.insert(
            TargetIndicator::DualQualifiedShare,
            rows.into_iter()
                .map(|(unit, created, left, certified)| Counted {
                    // On staff until the day it left (a teacher who left on a day is not on
                    // staff that day, as `people::on_staff`).
                    until: left,
                    hit: certified,
                    ..counted(unit, created.date_naive())
                })
                .collect(),
        );
    }
    Ok(())
}
