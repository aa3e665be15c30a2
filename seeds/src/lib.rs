//! Reference data of the alliance, taken only from the source documents, and its loader.
//!
//! - [`ALLIANCE`]: the group itself, from the Founding notice (威海市人力资源和社会保障局, 2026-07-01;
//!   `docs/sources.md`).
//! - [`member_units`]: the 177 member units of that notice's annex, byte for byte, in annex order
//!   (`data/member_units.txt`, which cites its source); kind and district come from
//!   [`rules`].
//! - [`COMMITTEES`]: the council, the standing council and the five working committees
//!   (Founding notice 三(一)) and the teaching-staff committee (Ten Measures (6)).
//!   Their `source` values name the documents by the file names the project was planned from
//!   (`docs/sources.md` maps them to full citations): they are the keys [`load`] recognises rows
//!   by, so they stay as they are. The
//!   documents do not say who sits where, so no memberships are seeded.
//!
//! - [`targets::MILESTONES`] and [`targets::TARGETS`]: the plan's stages (Founding notice 一) and
//!   the targets the documents state as numbers, each with its citation.
//!
//! [`load`] is idempotent and never overwrites what the secretariat has edited since: a row is
//! inserted only when neither its name nor its source reference is in the database yet.

pub mod rules;
pub mod targets;

use std::collections::HashSet;

use chrono::{NaiveDate, Utc};
use entity::enums::{AuditAction, CommitteeKind, MemberUnitKind};
use entity::{alliance, audit, committee, member_unit};
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QuerySelect,
    TryIntoModel,
};
use uuid::Uuid;

/// The source document of the alliance and its member list.
pub const FOUNDING_DOCUMENT_FILE: &str = "004_45aa2774a4916a5f.txt";

/// The ten-measures document that founds the teaching-staff committee.
pub const TEN_MEASURES_FILE: &str = "001_ba59f9043ffd3300.txt";

/// The member list, one name a line, as printed in the annex (`#` lines are comments).
pub const MEMBER_UNITS_TXT: &str = include_str!("../data/member_units.txt");

/// The alliance's own row, as the founding notice states it.
#[derive(Debug, Clone, Copy)]
pub struct AllianceSeed {
    /// Name (集团名称).
    pub name: &'static str,
    /// City served.
    pub city: &'static str,
    /// Founding date: the notice's date, 2026年7月1日.
    pub founded_on: (i32, u32, u32),
    /// Title of the founding notice.
    pub founding_document: &'static str,
    /// Issuer of the notice.
    pub issuer: &'static str,
}

/// The Weihai alliance, from the Founding notice (title, signature and date of the notice).
pub const ALLIANCE: AllianceSeed = AllianceSeed {
    name: "威海市技工教育集团（联盟）",
    city: "威海市",
    founded_on: (2026, 7, 1),
    founding_document: "关于成立威海市技工教育集团（联盟）的通知",
    issuer: "威海市人力资源和社会保障局",
};

/// One committee to seed: name as printed, kind, display order, source.
#[derive(Debug, Clone, Copy)]
pub struct CommitteeSeed {
    /// Name as the document prints it.
    pub name: &'static str,
    /// Kind of body.
    pub kind: CommitteeKind,
    /// Source document and section.
    pub source: &'static str,
}

/// The bodies the documents found. The five working committees are printed as one list
/// ("成立校企合作与招生就业、…5个专门工作委员会"); each name here is its item of that list.
pub const COMMITTEES: &[CommitteeSeed] = &[
    CommitteeSeed {
        name: "理事会",
        kind: CommitteeKind::Council,
        source: "004_45aa2774a4916a5f.txt 三(一)",
    },
    CommitteeSeed {
        name: "常务理事会",
        kind: CommitteeKind::StandingCouncil,
        source: "004_45aa2774a4916a5f.txt 三(一)",
    },
    CommitteeSeed {
        name: "校企合作与招生就业",
        kind: CommitteeKind::WorkingCommittee,
        source: "004_45aa2774a4916a5f.txt 三(一)",
    },
    CommitteeSeed {
        name: "校际合作与资源共享",
        kind: CommitteeKind::WorkingCommittee,
        source: "004_45aa2774a4916a5f.txt 三(一)",
    },
    CommitteeSeed {
        name: "专业建设与教育教学",
        kind: CommitteeKind::WorkingCommittee,
        source: "004_45aa2774a4916a5f.txt 三(一)",
    },
    CommitteeSeed {
        name: "实训培训与鉴定评价",
        kind: CommitteeKind::WorkingCommittee,
        source: "004_45aa2774a4916a5f.txt 三(一)",
    },
    CommitteeSeed {
        name: "科技创新与技术服务",
        kind: CommitteeKind::WorkingCommittee,
        source: "004_45aa2774a4916a5f.txt 三(一)",
    },
    CommitteeSeed {
        name: "威海市技工教育集团（联盟）师资建设委员会",
        kind: CommitteeKind::TeachingStaffCommittee,
        source: "001_ba59f9043ffd3300.txt (6)",
    },
];

/// One member unit of the annex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberUnitSeed {
    /// Position in the annex, from 1.
    pub list_order: i32,
    /// Name, byte for byte.
    pub name: &'static str,
    /// Kind, by [`rules::kind_from_name`].
    pub kind: MemberUnitKind,
    /// District, by [`rules::district_from_name`]; `None` when the name states none.
    pub district: Option<entity::enums::District>,
}

impl MemberUnitSeed {
    /// The source reference stored with the row: document, annex and position.
    pub fn source(&self) -> String {
        format!("{FOUNDING_DOCUMENT_FILE} 附件 #{}", self.list_order)
    }
}

/// The annex's member units, in order.
pub fn member_units() -> Vec<MemberUnitSeed> {
    MEMBER_UNITS_TXT
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .enumerate()
        .map(|(i, name)| MemberUnitSeed {
            list_order: i as i32 + 1,
            name,
            kind: rules::kind_from_name(name),
            district: rules::district_from_name(name),
        })
        .collect()
}

/// The founding date, 2026-07-01; also the date every annex member joined.
pub fn founding_date() -> NaiveDate {
    let (y, m, d) = ALLIANCE.founded_on;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// What one [`load`] inserted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeedReport {
    /// 1 when the alliance row was inserted, else 0.
    pub alliances: u64,
    /// Committees inserted.
    pub committees: u64,
    /// Member units inserted.
    pub member_units: u64,
    /// Milestones inserted.
    pub milestones: u64,
    /// Targets inserted.
    pub targets: u64,
}

/// Loads the reference data. Idempotent: inserts only rows that are missing (by name, or for
/// member units also by source reference, so a unit the secretariat renamed is not inserted again);
/// never updates a row. Run it inside a transaction to make it all-or-nothing.
///
/// # Errors
/// Any database error.
pub async fn load(db: &impl ConnectionTrait) -> Result<SeedReport, DbErr> {
    let now = Utc::now();
    let mut report = SeedReport::default();

    if alliance::Entity::find().count(db).await? == 0 {
        let alliance = alliance::ActiveModel {
            id: Set(Uuid::now_v7()),
            name: Set(ALLIANCE.name.to_owned()),
            city: Set(ALLIANCE.city.to_owned()),
            founded_on: Set(founding_date()),
            founding_document: Set(ALLIANCE.founding_document.to_owned()),
            issuer: Set(ALLIANCE.issuer.to_owned()),
            source: Set(FOUNDING_DOCUMENT_FILE.to_owned()),
            spring_term_starts: Set("03-01".to_owned()),
            autumn_term_starts: Set("09-01".to_owned()),
            created_at: Set(now),
        };
        let model = alliance.clone().try_into_model()?;
        alliance::Entity::insert(alliance).exec(db).await?;
        audit::record_models(db, AuditAction::Create, &[model]).await?;
        report.alliances = 1;
    }

    let existing: HashSet<String> = committee::Entity::find()
        .select_only()
        .column(committee::Column::Name)
        .into_tuple::<String>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let committees: Vec<committee::ActiveModel> = COMMITTEES
        .iter()
        .enumerate()
        .filter(|(_, c)| !existing.contains(c.name))
        .map(|(i, c)| committee::ActiveModel {
            id: Set(Uuid::now_v7()),
            name: Set(c.name.to_owned()),
            kind: Set(c.kind),
            sort_order: Set(i as i32 + 1),
            source: Set(Some(c.source.to_owned())),
            created_at: Set(now),
        })
        .collect();
    report.committees = committees.len() as u64;
    if !committees.is_empty() {
        let models = committees
            .iter()
            .cloned()
            .map(TryIntoModel::try_into_model)
            .collect::<Result<Vec<_>, _>>()?;
        committee::Entity::insert_many(committees).exec(db).await?;
        audit::record_models(db, AuditAction::Create, &models).await?;
    }

    let rows: Vec<(String, Option<String>, i32)> = member_unit::Entity::find()
        .select_only()
        .column(member_unit::Column::Name)
        .column(member_unit::Column::Source)
        .column(member_unit::Column::ListOrder)
        .into_tuple()
        .all(db)
        .await?;
    let names: HashSet<&str> = rows.iter().map(|(n, _, _)| n.as_str()).collect();
    let sources: HashSet<&str> = rows.iter().filter_map(|(_, s, _)| s.as_deref()).collect();
    let orders: HashSet<i32> = rows.iter().map(|&(_, _, o)| o).collect();
    let mut next_free = rows.iter().map(|&(_, _, o)| o).max().unwrap_or(0).max(0) + 1;
    let joined_on = founding_date();
    let mut units = Vec::new();
    for seed in member_units() {
        let source = seed.source();
        if names.contains(seed.name) || sources.contains(source.as_str()) {
            continue;
        }
        // A unit added through the API may hold this position already; then append.
        let list_order = if orders.contains(&seed.list_order) {
            next_free += 1;
            next_free - 1
        } else {
            seed.list_order
        };
        units.push(member_unit::ActiveModel {
            id: Set(Uuid::now_v7()),
            name: Set(seed.name.to_owned()),
            name_sort_key: Set(entity::sort_key::name_sort_key(seed.name)),
            list_order: Set(list_order),
            kind: Set(seed.kind),
            category: Set(seed.kind.category()),
            district: Set(seed.district),
            uscc: Set(None),
            employee_count: Set(None),
            // The annex says nothing about size: unknown until the secretariat records it.
            above_designated_size: Set(None),
            may_sponsor_order_classes: Set(None),
            carries_firm_commitments: Set(false),
            council_role: Set(None),
            contact_person: Set(None),
            contact_phone: Set(None),
            address: Set(None),
            joined_on: Set(Some(joined_on)),
            source: Set(Some(source)),
            created_at: Set(now),
            updated_at: Set(now),
        });
    }
    report.member_units = units.len() as u64;
    // Chunks keep each statement under SQLite's bound-parameter limit.
    // Bulk inserts bypass the entities' hooks: the rows are recorded in the audit trail here.
    for chunk in units.chunks(50) {
        let models = chunk
            .iter()
            .cloned()
            .map(TryIntoModel::try_into_model)
            .collect::<Result<Vec<_>, _>>()?;
        member_unit::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
        audit::record_models(db, AuditAction::Create, &models).await?;
    }
    load_targets(db, &mut report).await?;
    Ok(report)
}

/// Inserts the milestones missing by year and the targets missing by (indicator, source).
async fn load_targets(db: &impl ConnectionTrait, report: &mut SeedReport) -> Result<(), DbErr> {
    use entity::{milestone, target};
    let now = Utc::now();
    let years: HashSet<i32> = milestone::Entity::find()
        .select_only()
        .column(milestone::Column::Year)
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let milestones: Vec<milestone::Model> = targets::MILESTONES
        .iter()
        .filter(|m| !years.contains(&m.year))
        .map(|m| milestone::Model {
            id: Uuid::now_v7(),
            year: m.year,
            title: format!("{}年", m.year),
            text: m.text.to_owned(),
            source: targets::MILESTONE_SOURCE.to_owned(),
            created_at: now,
            updated_at: now,
        })
        .collect();
    report.milestones = milestones.len() as u64;
    if !milestones.is_empty() {
        milestone::Entity::insert_many(
            milestones.iter().cloned().map(milestone::ActiveModel::from),
        )
        .exec(db)
        .await?;
        audit::record_models(db, AuditAction::Create, &milestones).await?;
    }
    let keys: HashSet<(String, String)> = target::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|t| (format!("{:?}", t.indicator), t.source))
        .collect();
    let rows: Vec<target::Model> = targets::TARGETS
        .iter()
        .filter(|t| !keys.contains(&(format!("{:?}", t.indicator), t.source.to_owned())))
        .map(|t| target::Model {
            id: Uuid::now_v7(),
            indicator: t.indicator,
            title: t.title.to_owned(),
            target_value: t.value,
            per_year: t.per_year,
            due_on: t.due.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            scope: t.scope,
            scope_district: t.district,
            scope_unit_kind: None,
            scope_member_unit_id: None,
            milestone_id: None,
            source: t.source.to_owned(),
            created_at: now,
            updated_at: now,
        })
        .collect();
    report.targets = rows.len() as u64;
    if !rows.is_empty() {
        target::Entity::insert_many(rows.iter().cloned().map(target::ActiveModel::from))
            .exec(db)
            .await?;
        audit::record_models(db, AuditAction::Create, &rows).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use entity::enums::{District, UnitCategory};

    #[test]
    fn the_annex_has_177_distinct_units() {
        let units = member_units();
        assert_eq!(units.len(), 177);
        let names: HashSet<_> = units.iter().map(|u| u.name).collect();
        assert_eq!(names.len(), 177);
        assert_eq!(units[0].name, "威海技师学院");
        assert_eq!(units[176].name, "威海奥东金属结构制造有限公司");
    }

    #[test]
    fn names_keep_full_width_parentheses_and_no_stray_spaces() {
        let units = member_units();
        assert!(
            units
                .iter()
                .all(|u| !u.name.contains('(') && !u.name.contains(')'))
        );
        assert!(units.iter().all(|u| u.name.trim() == u.name));
        assert!(units.iter().any(|u| u.name == "三星重工业（荣成）有限公司"));
    }

    #[test]
    fn kinds_of_the_annex_count_as_the_rules_say() {
        let units = member_units();
        let count = |k: MemberUnitKind| units.iter().filter(|u| u.kind == k).count();
        assert_eq!(count(MemberUnitKind::TechnicianCollege), 2);
        assert_eq!(count(MemberUnitKind::SeniorTechnicalSchool), 2);
        assert_eq!(count(MemberUnitKind::TechnicalSchool), 3);
        assert_eq!(count(MemberUnitKind::VocationalCollege), 2);
        assert_eq!(count(MemberUnitKind::SecondaryVocationalSchool), 11);
        assert_eq!(count(MemberUnitKind::TrainingInstitution), 3);
        assert_eq!(count(MemberUnitKind::PublicInstitution), 1);
        assert_eq!(count(MemberUnitKind::HrServiceAgency), 9);
        let schools = units
            .iter()
            .filter(|u| u.kind.category() == UnitCategory::School)
            .count();
        assert_eq!(schools, 20);
    }

    #[test]
    fn districts_only_where_the_name_says() {
        let units = member_units();
        for u in &units {
            if u.district.is_some() {
                assert!(
                    ["文登", "荣成", "乳山", "高技术产业开发区", "经区"]
                        .iter()
                        .any(|m| u.name.contains(m)),
                    "{} has a district its name does not state",
                    u.name
                );
            }
        }
        let count = |d: District| units.iter().filter(|u| u.district == Some(d)).count();
        assert_eq!(count(District::Wendeng), 4);
        assert_eq!(count(District::Huancui), 0);
    }
}
