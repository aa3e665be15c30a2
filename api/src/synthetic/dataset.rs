//! A deterministic SYNTHETIC data set written straight into the database (`api demo-data
//! --placements N`), for demos and benchmarks; never loaded by default.
//!
//! On top of the seeded member units (the founding notice's 177) it writes, for `N` placements:
//! `N` students (one placement each), `N / 50` order classes with two sponsoring firms each,
//! `0.6 N` enrolments, one training site and one teacher-practice station per firm, six events
//! per school and a graduate outcome for every student placed in the earliest year; and the
//! people, platforms, contests and worker training of [`people`] (teachers, reserve craftsmen,
//! research projects, apprenticeship bases, certified firms, platforms and grants, shared
//! equipment, three contests with entries and awards, training needs, projects and
//! certificates). Every name
//! says 合成 ("synthetic") and student numbers start with `SYN`, so no row can be mistaken for a
//! real one. The same `N` gives the same rows, ids included, on SQLite and PostgreSQL.
//!
//! It refuses a database that holds any record beyond the seeds ([`DataSetError::NotEmpty`]),
//! so it can neither mix with real data nor be loaded twice. Rows go in with multi-row inserts
//! in one transaction (all or nothing); one audit event per table records the load.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use entity::enums::{
    ArrangedBy, AuditAction, EventKind, EventRole, Gender, OrderClassStatus, OutcomeStatus,
    PlacementStatus, SiteKind, SiteStatus, TargetGroup, UnitCategory, VenueType,
};
use entity::{
    enrolment, event, event_unit, graduate_outcome, internship_placement, member_unit, order_class,
    order_class_sponsor, practice_station, student, training_site,
};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, IntoActiveModel,
    Iterable, QueryOrder, QuerySelect, TransactionTrait,
};
use uuid::Uuid;

use crate::national_id;

mod people;
pub use people::{PeopleLoaded, TEACHERS_PER_SCHOOL};

/// Largest `--placements` (ten million): bounds the load's time and the database's size.
pub const MAX_PLACEMENTS: u32 = 10_000_000;

/// Bind parameters per insert statement: under SQLite's 32,766 and PostgreSQL's 65,535.
const PARAMETERS_PER_STATEMENT: usize = 30_000;

/// Why a data set was not loaded.
#[derive(Debug, thiserror::Error)]
pub enum DataSetError {
    /// The database holds records beyond the seeds (real ones, or an earlier synthetic load).
    #[error(
        "the database already holds {table} rows: synthetic data goes only into a database \
         holding nothing but the seeds (数据库已有 {table} 记录，合成数据只能载入仅含种子数据的数据库)"
    )]
    NotEmpty {
        /// The first table found holding rows.
        table: &'static str,
    },
    /// The seeds hold no school or no firm (the seeds were not loaded).
    #[error("the registry holds no school or no firm: load the seeds first (`api seed`)")]
    NoMembers,
    /// `--placements` is 0 or above [`MAX_PLACEMENTS`].
    #[error("--placements must be 1–{MAX_PLACEMENTS}")]
    Scale,
    /// A database failure; nothing was written.
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Rows written per table.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// Order classes (订单班).
    pub order_classes: u64,
    /// Sponsoring firms' seats (two per class).
    pub sponsors: u64,
    /// Students.
    pub students: u64,
    /// Enrolments in order classes.
    pub enrolments: u64,
    /// Internship placements.
    pub placements: u64,
    /// Training sites (one per firm).
    pub training_sites: u64,
    /// Teacher-practice stations (one per firm).
    pub practice_stations: u64,
    /// Events (six per school, with a participating firm each).
    pub events: u64,
    /// Graduate outcomes.
    pub graduate_outcomes: u64,
    /// People, platforms, contests and worker training.
    pub people: PeopleLoaded,
}

/// Writes the data set for `placements` placements (see the module's doc), reporting each table
/// to `progress` as it starts.
///
/// # Errors
/// [`DataSetError`]; on any error nothing is written.
pub async fn load(
    db: &DatabaseConnection,
    placements: u32,
    progress: impl Fn(&str, u64),
) -> Result<Loaded, DataSetError> {
    if placements == 0 || placements > MAX_PLACEMENTS {
        return Err(DataSetError::Scale);
    }
    refuse_unless_empty(db).await?;
    let members = member_unit::Entity::find()
        .order_by_asc(member_unit::Column::ListOrder)
        .all(db)
        .await?;
    let schools: Vec<Uuid> = members
        .iter()
        .filter(|m| m.category == UnitCategory::School)
        .map(|m| m.id)
        .collect();
    let firms: Vec<(Uuid, String)> = members
        .iter()
        .filter(|m| m.category == UnitCategory::Enterprise)
        .map(|m| (m.id, m.name.clone()))
        .collect();
    if schools.is_empty() || firms.is_empty() {
        return Err(DataSetError::NoMembers);
    }
    let set = Set {
        n: u64::from(placements),
        schools,
        firms,
    };
    let txn = db.begin().await?;
    let loaded = set.write(&txn, &progress).await?;
    txn.commit().await?;
    Ok(loaded)
}

/// Fails with [`DataSetError::NotEmpty`] when any table of records (everything but the seeded
/// registry, committees, targets, milestones and accounts) holds a row.
async fn refuse_unless_empty(db: &DatabaseConnection) -> Result<(), DataSetError> {
    macro_rules! empty {
        ($($module:ident),*) => {$(
            if entity::$module::Entity::find()
                .select_only()
                .column(entity::$module::Column::Id)
                .limit(1)
                .into_tuple::<Uuid>()
                .one(db)
                .await?
                .is_some()
            {
                return Err(DataSetError::NotEmpty { table: stringify!($module) });
            }
        )*};
    }
    empty!(
        student,
        internship_placement,
        order_class_demand,
        order_class,
        enrolment,
        training_site,
        practice_station,
        teacher_practice,
        craftsman,
        career_mentor,
        apprenticeship,
        event,
        graduate_outcome,
        internship_post_offer,
        evaluation_round,
        committee_meeting,
        work_plan_item,
        teacher,
        reserve_craftsman,
        apprenticeship_base,
        enterprise_certification,
        platform,
        shared_resource,
        contest,
        research_project,
        training_need,
        training_project,
        skill_certification
    );
    Ok(())
}

/// The shape of one data set.
struct Set {
    n: u64,
    schools: Vec<Uuid>,
    /// Firms' ids and names (a placement at a member names it, as a report does).
    firms: Vec<(Uuid, String)>,
}

/// Tables' tags in the ids (the first random byte), so that ids of different tables differ.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Table {
    OrderClass = 1,
    Sponsor,
    Student,
    Enrolment,
    Placement,
    Site,
    Station,
    Event,
    EventUnit,
    Outcome,
    Teacher,
    Nomination,
    Research,
    ResearchMember,
    Base,
    Certification,
    Platform,
    Grant,
    Resource,
    Booking,
    Contest,
    ContestEvent,
    ContestEntry,
    UnitAward,
    Need,
    Project,
    SkillCertification,
}

/// The instant every synthetic row is dated from: 2026-07-01T00:00:00Z (the alliance's founding).
const EPOCH_MS: u64 = 1_782_864_000_000;

/// The deterministic UUID v7 of row `i` of `table`: its time is [`EPOCH_MS`] plus `i`
/// milliseconds, so a table's ids grow with `i` (newest first = highest `i`).
fn id(table: Table, i: u64) -> Uuid {
    let mut rest = [0u8; 10];
    rest[0] = table as u8;
    rest[2..].copy_from_slice(&i.to_be_bytes());
    uuid::Builder::from_unix_timestamp_millis(EPOCH_MS + i, &rest).into_uuid()
}

/// The creation time matching [`id`].
fn at(i: u64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis((EPOCH_MS + i) as i64).unwrap_or_default()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Inserts `count` rows made by `row`, a statement of at most [`PARAMETERS_PER_STATEMENT`]
/// parameters at a time, without building more than one statement's rows in memory.
async fn insert<A, M>(
    txn: &impl ConnectionTrait,
    count: u64,
    mut row: impl FnMut(u64) -> Option<M>,
) -> Result<u64, DbErr>
where
    A: ActiveModelTrait + Send,
    M: IntoActiveModel<A>,
{
    let columns = <<A::Entity as EntityTrait>::Column as Iterable>::iter().count();
    let per = (PARAMETERS_PER_STATEMENT / columns.max(1)).max(1) as u64;
    let mut written = 0;
    let mut i = 0;
    while i < count {
        let end = (i + per).min(count);
        let rows: Vec<A> = (i..end)
            .filter_map(&mut row)
            .map(IntoActiveModel::into_active_model)
            .collect();
        i = end;
        if rows.is_empty() {
            continue;
        }
        written += rows.len() as u64;
        A::Entity::insert_many(rows)
            .exec_without_returning(txn)
            .await?;
    }
    Ok(written)
}

impl Set {
    fn classes(&self) -> u64 {
        (self.n / 50).max(1)
    }

    /// The school of class `c` (round robin over the schools).
    fn class_school(&self, c: u64) -> Uuid {
        self.schools[(c % self.schools.len() as u64) as usize]
    }

    /// The two sponsoring firms of class `c` (indexes into `firms`).
    fn class_firm_indexes(&self, c: u64) -> [usize; 2] {
        let f = self.firms.len() as u64;
        [((2 * c) % f) as usize, ((2 * c + 1) % f) as usize]
    }

    /// The two sponsoring firms of class `c`.
    fn class_firms(&self, c: u64) -> [Uuid; 2] {
        self.class_firm_indexes(c).map(|i| self.firms[i].0)
    }

    /// The class student `s` belongs to: every student is assigned one (its school is that
    /// class's school), and the first 60% are enrolled in it.
    fn student_class(&self, s: u64) -> u64 {
        s % self.classes()
    }

    fn enrolled(&self, s: u64) -> bool {
        s * 5 < self.n * 3
    }

    /// The year student `s`'s placement starts: 2024, 2025 or 2026.
    fn placement_year(s: u64) -> i32 {
        2024 + (s % 3) as i32
    }

    async fn write(
        &self,
        txn: &impl ConnectionTrait,
        progress: &impl Fn(&str, u64),
    ) -> Result<Loaded, DbErr> {
        let mut loaded = Loaded::default();
        let classes = self.classes();
        progress("order_class", classes);
        loaded.order_classes = insert(txn, classes, |c| Some(self.order_class(c))).await?;
        progress("order_class_sponsor", classes * 2);
        loaded.sponsors = insert(txn, classes * 2, |i| {
            Some(order_class_sponsor::Model {
                id: id(Table::Sponsor, i),
                order_class_id: id(Table::OrderClass, i / 2),
                enterprise_id: self.class_firms(i / 2)[(i % 2) as usize],
                seats: 20,
                accepted_at: Some(at(i)),
                accepted_by: None,
            })
        })
        .await?;
        progress("student", self.n);
        loaded.students = insert(txn, self.n, |s| Some(self.student(s))).await?;
        progress("enrolment", self.n * 3 / 5);
        loaded.enrolments = insert(txn, self.n, |s| {
            self.enrolled(s).then(|| {
                let c = self.student_class(s);
                enrolment::Model {
                    id: id(Table::Enrolment, s),
                    order_class_id: id(Table::OrderClass, c),
                    student_id: id(Table::Student, s),
                    target_group: TargetGroup::Regular,
                    created_at: at(s),
                    agreement_enterprise_id: (s % 10 < 7).then(|| self.class_firms(c)[0]),
                    agreement_signed_on: (s % 10 < 7).then(|| date(2025, 9, 1)),
                    agreement_guardian_signed: s % 10 < 7,
                }
            })
        })
        .await?;
        progress("internship_placement", self.n);
        loaded.placements = insert(txn, self.n, |s| Some(self.placement(s))).await?;
        let firms = self.firms.len() as u64;
        progress("training_site", firms);
        loaded.training_sites = insert(txn, firms, |f| {
            Some(training_site::Model {
                id: id(Table::Site, f),
                kind: if f.is_multiple_of(2) {
                    SiteKind::SchoolInFactory
                } else {
                    SiteKind::FactoryInSchool
                },
                host_unit_id: self.firms[f as usize].0,
                name: format!("合成实训基地{f:03}"),
                address: None,
                district: None,
                specialties: "合成专业".into(),
                student_capacity: Some(60),
                production_lines: None,
                opened_on: Some(date(2026, 7, 1)),
                status: SiteStatus::Operating,
                created_at: at(f),
                updated_at: at(f),
                archived_at: None,
            })
        })
        .await?;
        progress("practice_station", firms);
        loaded.practice_stations = insert(txn, firms, |f| {
            Some(practice_station::Model {
                id: id(Table::Station, f),
                host_unit_id: self.firms[f as usize].0,
                name: format!("合成教师实践流动站{f:03}"),
                specialties: "合成专业".into(),
                address: None,
                contact_person: None,
                contact_phone: None,
                created_at: at(f),
                archived_at: None,
            })
        })
        .await?;
        let events = self.schools.len() as u64 * 6;
        progress("event", events);
        loaded.events = insert(txn, events, |e| Some(Self::event(e))).await?;
        insert(txn, events * 2, |i| {
            let e = i / 2;
            Some(event_unit::Model {
                id: id(Table::EventUnit, i),
                event_id: id(Table::Event, e),
                unit_id: if i.is_multiple_of(2) {
                    self.schools[(e / 6) as usize]
                } else {
                    self.firms[(e % firms) as usize].0
                },
                role: if i.is_multiple_of(2) {
                    EventRole::Organiser
                } else {
                    EventRole::Participant
                },
                confirmed_at: Some(at(i)),
            })
        })
        .await?;
        progress("graduate_outcome", self.n / 3);
        loaded.graduate_outcomes = insert(txn, self.n, |s| self.outcome(s)).await?;
        loaded.people = self.write_people(txn, progress).await?;
        let people = &loaded.people;
        for (table, count) in [
            ("order_class", loaded.order_classes),
            ("order_class_sponsor", loaded.sponsors),
            ("student", loaded.students),
            ("enrolment", loaded.enrolments),
            ("internship_placement", loaded.placements),
            ("training_site", loaded.training_sites),
            ("practice_station", loaded.practice_stations),
            ("event", loaded.events),
            ("graduate_outcome", loaded.graduate_outcomes),
            ("teacher", people.teachers),
            ("reserve_craftsman", people.nominations),
            ("research_project", people.research_projects),
            ("apprenticeship_base", people.apprenticeship_bases),
            ("enterprise_certification", people.certifications),
            ("platform", people.platforms),
            ("shared_resource", people.shared_resources),
            ("contest", people.contests),
            ("contest_entry", people.contest_entries),
            ("training_need", people.training_needs),
            ("training_project", people.training_projects),
            ("skill_certification", people.skill_certifications),
        ] {
            entity::audit::record_bulk(txn, AuditAction::Create, table, count).await?;
        }
        Ok(loaded)
    }

    fn order_class(&self, c: u64) -> order_class::Model {
        let status = match c % 4 {
            0 => OrderClassStatus::Agreed,
            1 => OrderClassStatus::Recruiting,
            2 => OrderClassStatus::InTraining,
            _ => OrderClassStatus::Graduated,
        };
        order_class::Model {
            id: id(Table::OrderClass, c),
            demand_id: None,
            school_id: self.class_school(c),
            name: format!("合成订单班{c:06}"),
            specialty_name: "合成专业".into(),
            specialty_code: None,
            cohort_year: 2024 + (c % 3) as i32,
            planned_seats: 40,
            total_specialty_hours: 1200,
            enterprise_workshop_hours: 420,
            core_practice_hours: 300,
            ordinary_class_practice_hours: 240,
            course_goals_agreed: true,
            course_goals_note: None,
            course_model_agreed: true,
            course_model_note: None,
            content_agreed: true,
            content_note: None,
            management_agreed: true,
            management_note: None,
            assessment_agreed: true,
            assessment_note: None,
            status,
            cancel_reason: None,
            school_accepted_at: Some(at(c)),
            school_accepted_by: None,
            agreed_at: Some(at(c)),
            created_at: at(c),
            updated_at: at(c),
            // Its enrolments, written after it, are counted by the database as they are.
            enrolled_count: 0,
            agreements_signed: 0,
        }
    }

    fn student(&self, s: u64) -> student::Model {
        let birth = date(
            2005 + (s % 3) as i32,
            1 + (s % 12) as u32,
            1 + (s % 28) as u32,
        );
        student::Model {
            id: id(Table::Student, s),
            school_id: self.class_school(self.student_class(s)),
            student_number: format!("SYN{s:07}"),
            name: format!("合成学生{s:07}"),
            gender: if s.is_multiple_of(2) {
                Gender::Male
            } else {
                Gender::Female
            },
            date_of_birth: birth,
            year_of_study: Some(2),
            specialty: Some("合成专业".into()),
            national_id: Some(national_id::example(birth, (s % 1000) as u32)),
            created_at: at(s),
            updated_at: at(s),
            archived_at: None,
        }
    }

    /// Student `s`'s placement. Most keep every rule; every 20th works 44 hours a week, every
    /// 50th has night shifts, every 25th has no liability insurance, the host of every 40th has
    /// not attested that it charges no fees (a warning), and every 10th is at a host outside the
    /// alliance (named, not a member), so that the rules' views have findings to show.
    fn placement(&self, s: u64) -> internship_placement::Model {
        let c = self.student_class(s);
        let year = Self::placement_year(s);
        let member_host = s % 10 != 9;
        let (firm, firm_name) = &self.firms[self.class_firm_indexes(c)[(s % 2) as usize]];
        let (host_unit_id, host_name, host_key) = if member_host {
            (Some(*firm), firm_name.clone(), format!("unit:{firm}"))
        } else {
            let name = format!("合成实习单位{:03}有限公司", s % 200);
            let key = format!("name:{name}");
            (None, name, key)
        };
        let status = match (year, s % 50) {
            (2026, 0..=9) => PlacementStatus::Planned,
            (2026, _) => PlacementStatus::Active,
            (_, 0) => PlacementStatus::Terminated,
            _ => PlacementStatus::Completed,
        };
        let start = date(year, 9, 1);
        let insured = s % 25 != 11;
        internship_placement::Model {
            id: id(Table::Placement, s),
            student_id: id(Table::Student, s),
            school_id: self.class_school(c),
            host_unit_id,
            host_name,
            host_uscc: None,
            host_key,
            order_class_id: self.enrolled(s).then(|| id(Table::OrderClass, c)),
            post_title: "合成岗位".into(),
            venue_type: VenueType::Workshop,
            hazardous: false,
            female_forbidden_work: false,
            labour_intensity: None,
            weekly_hours: if s % 20 == 7 { 44 } else { 40 },
            night_shifts: s % 50 == 3,
            overtime: false,
            host_staff_count: None,
            host_is_agency: false,
            post_staff_count: None,
            monthly_pay: 4000,
            post_wage: 4500,
            mentor_name: Some("合成师傅".into()),
            mentor_title: Some("技师".into()),
            arranged_by: ArrangedBy::School,
            works_elsewhere: false,
            agreement_signed_on: Some(start - Duration::days(12)),
            agreement_guardian_signed: true,
            consent_given: true,
            insurance_policy: insured.then(|| format!("SYN-POLICY-{s:07}")),
            insurance_start: insured.then_some(start),
            insurance_end: insured.then(|| date(year + 1, 3, 1)),
            start_date: start,
            end_date: date(year + 1, 2, 28),
            status,
            termination_reason: (status == PlacementStatus::Terminated)
                .then(|| "合成终止原因".into()),
            host_confirmed_at: member_host.then(|| at(s)),
            no_fees_attested: s % 40 != 13,
            guardian_consent_given: true,
            application_approved_on: Some(start - Duration::days(20)),
            training_site_id: None,
            created_at: at(s),
            updated_at: at(s),
        }
    }

    fn event(e: u64) -> event::Model {
        let kind = match e % 6 {
            0 => EventKind::CampusVisit,
            1 => EventKind::ParentsVisit,
            2 => EventKind::EnterpriseWeek,
            3 => EventKind::JobRecommendation,
            4 => EventKind::CareerClass,
            _ => EventKind::EnterpriseWeek,
        };
        let year = 2024 + ((e / 2) % 3) as i32;
        event::Model {
            id: id(Table::Event, e),
            kind,
            held_on: date(year, 3 + (e % 6) as u32, 10),
            title: format!("合成活动{e:05}"),
            participants_count: Some(50),
            notes: None,
            created_at: at(e),
            archived_at: None,
        }
    }

    /// The outcome of every student placed in 2024 (graduating in 2025): employed by the host in
    /// six cases of ten, elsewhere in Weihai in two, further study in one, not yet employed in one.
    fn outcome(&self, s: u64) -> Option<graduate_outcome::Model> {
        if Self::placement_year(s) != 2024 {
            return None;
        }
        let placement = self.placement(s);
        let (status, employer_unit_id, hired, in_weihai) = match s % 10 {
            0..=5 => (OutcomeStatus::Employed, placement.host_unit_id, true, true),
            6 | 7 => (OutcomeStatus::Employed, None, false, true),
            8 => (OutcomeStatus::FurtherStudy, None, false, false),
            _ => (OutcomeStatus::NotYetEmployed, None, false, false),
        };
        let employer_name = (status == OutcomeStatus::Employed && employer_unit_id.is_none())
            .then(|| format!("合成就业单位{:03}", s % 100));
        Some(graduate_outcome::Model {
            id: id(Table::Outcome, s),
            student_id: placement.student_id,
            school_id: placement.school_id,
            graduation_year: 2025,
            status,
            employer_unit_id,
            employer_name,
            employer_district: None,
            in_weihai,
            hired_by_host_or_sponsor: hired,
            reported_on: date(2025, 9, 1),
            created_at: at(s),
            updated_at: at(s),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_grow_with_the_row_and_differ_between_tables() {
        assert!(id(Table::Placement, 1) > id(Table::Placement, 0));
        assert_ne!(id(Table::Placement, 5), id(Table::Student, 5));
        assert_eq!(id(Table::Student, 9), id(Table::Student, 9));
        assert_eq!(id(Table::Student, 9).get_version_num(), 7);
        assert_eq!(at(0).to_rfc3339(), "2026-07-01T00:00:00+00:00");
    }
}
