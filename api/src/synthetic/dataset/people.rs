//! The people, platforms, contests and training of the SYNTHETIC data set: per school, a pool of
//! teachers (most of its specialty teachers dual-qualified), reserve-craftsman nominations of its
//! students, two research projects, contest entries, a platform for every third school and a
//! training project answering a firm's need with its certificates; per firm, an apprenticeship
//! base, a certification for every fourth, a shared resource with one request, a training need
//! and a worker in each skills contest. Every name says 合成; the same scale gives the same rows.

use entity::enums::{
    CertificationLevel, CertificationStatus, ContestAward, ContestKind, ContestLevel,
    ContestantKind, FundingDepartment, PlatformKind, ResearchStatus, ReserveCraftsmanStatus,
    ResourceBookingStatus, SharedResourceKind, SkillLevel,
};
use entity::{
    apprenticeship_base, contest, contest_entry, contest_event, contest_unit_award,
    enterprise_certification, platform, platform_grant, research_project, research_project_member,
    reserve_craftsman, resource_booking, shared_resource, skill_certification, teacher,
    training_need, training_project,
};
use sea_orm::{ConnectionTrait, DbErr, Iterable};

use super::{Set, Table, at, date, id, insert};

/// Teachers in each school's pool.
pub const TEACHERS_PER_SCHOOL: u64 = 20;
/// Reserve-craftsman nominations per school (of its own students, when it has that many).
const NOMINATIONS_PER_SCHOOL: u64 = 6;
/// Student entries per school in each skills contest.
const STUDENT_ENTRIES_PER_SCHOOL: u64 = 4;
/// The contests: (year, kind, name, first day).
const CONTESTS: [(i32, ContestKind, &str, (u32, u32)); 3] = [
    (
        2025,
        ContestKind::Skills,
        "合成2025年技能兴威职业技能大赛",
        (10, 15),
    ),
    (
        2026,
        ContestKind::Skills,
        "合成2026年技能兴威职业技能大赛",
        (10, 15),
    ),
    (
        2026,
        ContestKind::TeacherAbility,
        "合成2026年教师职业能力大赛",
        (11, 1),
    ),
];
/// Events of each contest: (trade, contestants).
const EVENTS: [(&str, ContestantKind); 3] = [
    ("合成数控车", ContestantKind::Student),
    ("合成焊工", ContestantKind::Worker),
    ("合成教学能力", ContestantKind::Teacher),
];

/// Rows written per table.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PeopleLoaded {
    /// Teachers of the pool.
    pub teachers: u64,
    /// Of them, certified dual-qualified.
    pub dual_qualified: u64,
    /// Reserve-craftsman nominations.
    pub nominations: u64,
    /// Research projects.
    pub research_projects: u64,
    /// Apprenticeship bases.
    pub apprenticeship_bases: u64,
    /// Enterprise certifications.
    pub certifications: u64,
    /// Platforms (each with its grant when its kind carries one).
    pub platforms: u64,
    /// Shared resources.
    pub shared_resources: u64,
    /// Contests.
    pub contests: u64,
    /// Contest entries.
    pub contest_entries: u64,
    /// Training needs.
    pub training_needs: u64,
    /// Training projects.
    pub training_projects: u64,
    /// Skill-level certificate batches.
    pub skill_certifications: u64,
}

/// Whether teacher `k` of school `i` is certified dual-qualified: 13 of the 16 specialty teachers
/// (81%) at most schools, fewer at every fifth.
fn dual_qualified(i: u64, k: u64) -> bool {
    let certified = if i.is_multiple_of(5) { 10 } else { 13 };
    k < certified
}

/// The award of entry `e`: one in ten gold, two silver, three bronze, two excellence, two none.
fn award(e: u64) -> Option<ContestAward> {
    match e % 10 {
        0 => Some(ContestAward::Gold),
        1 | 2 => Some(ContestAward::Silver),
        3..=5 => Some(ContestAward::Bronze),
        6 | 7 => Some(ContestAward::Excellence),
        _ => None,
    }
}

impl Set {
    fn teacher_id(&self, school: u64, k: u64) -> uuid::Uuid {
        id(Table::Teacher, school * TEACHERS_PER_SCHOOL + k)
    }

    /// The students of school `i` among the first students (student `s` is at school
    /// `s % classes % schools`), at most `count`.
    fn students_of(&self, i: u64, count: u64) -> Vec<u64> {
        let schools = self.schools.len() as u64;
        (0..self.n.min(self.classes() * schools * count))
            .filter(|s| (s % self.classes()) % schools == i)
            .take(count as usize)
            .collect()
    }

    /// Writes the people, platforms, contests and training rows.
    pub(super) async fn write_people(
        &self,
        txn: &impl ConnectionTrait,
        progress: &impl Fn(&str, u64),
    ) -> Result<PeopleLoaded, DbErr> {
        let mut l = PeopleLoaded::default();
        let schools = self.schools.len() as u64;
        let firms = self.firms.len() as u64;
        let t0 = date(2026, 7, 1);
        progress("teacher", schools * TEACHERS_PER_SCHOOL);
        l.teachers = insert(txn, schools * TEACHERS_PER_SCHOOL, |t| {
            let (i, k) = (t / TEACHERS_PER_SCHOOL, t % TEACHERS_PER_SCHOOL);
            let specialty = k < 16;
            let dq = specialty && dual_qualified(i, k);
            Some(teacher::Model {
                id: id(Table::Teacher, t),
                school_id: self.schools[i as usize],
                name: format!("合成教师{i:03}-{k:02}"),
                specialties: if specialty {
                    "合成专业".into()
                } else {
                    String::new()
                },
                professional_titles: "合成职称".into(),
                skill_levels: String::new(),
                specialty_teacher: specialty,
                subject_leader: k == 0,
                skill_master: k == 1,
                phone: None,
                industry_qualification: dq.then(|| "合成行业资格".into()),
                dual_qualified_on: dq.then_some(t0),
                dual_qualified_evidence: dq.then(|| "合成认定材料".into()),
                dual_qualified_by: None,
                left_on: None,
                created_at: at(t),
                updated_at: at(t),
            })
        })
        .await?;
        l.dual_qualified = (0..schools)
            .map(|i| (0..16).filter(|&k| dual_qualified(i, k)).count() as u64)
            .sum();
        let nominated: Vec<(u64, u64)> = (0..schools)
            .flat_map(|i| {
                self.students_of(i, NOMINATIONS_PER_SCHOOL)
                    .into_iter()
                    .map(move |s| (i, s))
            })
            .collect();
        progress("reserve_craftsman", nominated.len() as u64);
        l.nominations = insert(txn, nominated.len() as u64, |r| {
            let (i, s) = nominated[r as usize];
            Some(reserve_craftsman::Model {
                id: id(Table::Nomination, r),
                year: 2026,
                student_id: id(Table::Student, s),
                school_id: self.schools[i as usize],
                reason: "合成推荐理由".into(),
                status: if r % 3 == 2 {
                    ReserveCraftsmanStatus::Nominated
                } else {
                    ReserveCraftsmanStatus::Selected
                },
                decided_on: (r % 3 != 2).then_some(date(2026, 9, 1)),
                decision_note: None,
                created_at: at(r),
                updated_at: at(r),
            })
        })
        .await?;
        progress("research_project", schools * 2);
        l.research_projects = insert(txn, schools * 2, |p| {
            let (i, concluded) = (p / 2, p.is_multiple_of(2));
            Some(research_project::Model {
                id: id(Table::Research, p),
                school_id: self.schools[i as usize],
                title: format!("合成科研课题{p:04}"),
                year: if concluded { 2025 } else { 2026 },
                approving_body: "合成立项单位".into(),
                document: "合成立项文件".into(),
                approved_on: if concluded {
                    date(2025, 4, 1)
                } else {
                    date(2026, 4, 1)
                },
                leader_teacher_id: self.teacher_id(i, p % 2),
                status: if concluded {
                    ResearchStatus::Concluded
                } else {
                    ResearchStatus::Approved
                },
                closed_on: concluded.then_some(date(2026, 6, 30)),
                outcome: concluded.then(|| "合成结题成果".into()),
                created_at: at(p),
                updated_at: at(p),
            })
        })
        .await?;
        insert(txn, schools * 4, |m| {
            let p = m / 2;
            Some(research_project_member::Model {
                id: id(Table::ResearchMember, m),
                project_id: id(Table::Research, p),
                teacher_id: self.teacher_id(p / 2, 2 + m % 2 + 2 * (p % 2)),
            })
        })
        .await?;
        progress("apprenticeship_base", firms);
        l.apprenticeship_bases = insert(txn, firms, |f| {
            Some(apprenticeship_base::Model {
                id: id(Table::Base, f),
                school_id: self.schools[(f % schools) as usize],
                enterprise_id: self.firms[f as usize].0,
                specialty: "合成专业".into(),
                established_on: date(2025, 9, 1),
                demonstration_on: f.is_multiple_of(5).then_some(date(2026, 3, 1)),
                demonstration_document: f.is_multiple_of(5).then(|| "合成认定文件".into()),
                closed_on: None,
                created_at: at(f),
                updated_at: at(f),
            })
        })
        .await?;
        let certified: Vec<u64> = (0..firms).filter(|f| f % 4 < 2).collect();
        progress("enterprise_certification", certified.len() as u64);
        l.certifications = insert(txn, certified.len() as u64, |c| {
            let f = certified[c as usize];
            let done = f.is_multiple_of(4);
            Some(enterprise_certification::Model {
                id: id(Table::Certification, c),
                enterprise_id: self.firms[f as usize].0,
                level: CertificationLevel::Provincial,
                status: if done {
                    CertificationStatus::Certified
                } else {
                    CertificationStatus::Applied
                },
                applied_on: date(2026, 1, 10),
                certified_on: done.then_some(date(2026, 6, 1)),
                expires_on: None,
                document: done.then(|| "合成认定文件".into()),
                created_at: at(c),
                updated_at: at(c),
            })
        })
        .await?;
        let held: Vec<u64> = (0..schools).filter(|i| i % 3 == 0).collect();
        progress("platform", held.len() as u64);
        l.platforms = insert(txn, held.len() as u64, |p| {
            Some(platform::Model {
                id: id(Table::Platform, p),
                unit_id: self.schools[held[p as usize] as usize],
                kind: PlatformKind::QiluSkillMasterStation,
                name: format!("合成技能大师工作站{p:03}"),
                approved_on: date(2026, 5, 1),
                document: "合成批准文件".into(),
                created_at: at(p),
                updated_at: at(p),
            })
        })
        .await?;
        let (amount, _) =
            crate::people::grant_of(PlatformKind::QiluSkillMasterStation).unwrap_or((0, ""));
        insert(txn, held.len() as u64, |p| {
            let paid = p.is_multiple_of(2);
            Some(platform_grant::Model {
                id: id(Table::Grant, p),
                platform_id: id(Table::Platform, p),
                unit_id: self.schools[held[p as usize] as usize],
                kind: PlatformKind::QiluSkillMasterStation,
                amount_fen: amount,
                due_on: date(2026, 5, 1),
                paid_on: paid.then_some(date(2026, 6, 15)),
                reference: paid.then(|| format!("合成拨付{p:03}")),
                created_at: at(p),
                updated_at: at(p),
            })
        })
        .await?;
        progress("shared_resource", firms);
        l.shared_resources = insert(txn, firms, |f| {
            Some(shared_resource::Model {
                id: id(Table::Resource, f),
                unit_id: self.firms[f as usize].0,
                kind: SharedResourceKind::Equipment,
                name: format!("合成共享设备{f:03}"),
                location: "合成地点".into(),
                capacity: 20,
                conditions: String::new(),
                archived_at: None,
                created_at: at(f),
                updated_at: at(f),
            })
        })
        .await?;
        insert(txn, firms, |f| {
            Some(resource_booking::Model {
                id: id(Table::Booking, f),
                resource_id: id(Table::Resource, f),
                unit_id: self.schools[(f % schools) as usize],
                host_unit_id: self.firms[f as usize].0,
                starts_on: date(2026, 9, 1 + (f % 20) as u32),
                ends_on: date(2026, 9, 5 + (f % 20) as u32),
                headcount: 10,
                purpose: "合成实训".into(),
                status: ResourceBookingStatus::Accepted,
                decline_reason: None,
                decided_at: Some(at(f)),
                created_at: at(f),
                updated_at: at(f),
            })
        })
        .await?;
        l.contests = self.write_contests(txn, progress, &mut l).await?;
        self.write_training(txn, progress, &mut l).await?;
        Ok(l)
    }

    async fn write_contests(
        &self,
        txn: &impl ConnectionTrait,
        progress: &impl Fn(&str, u64),
        l: &mut PeopleLoaded,
    ) -> Result<u64, DbErr> {
        let schools = self.schools.len() as u64;
        let firms = self.firms.len() as u64;
        progress("contest", CONTESTS.len() as u64);
        let contests = insert(txn, CONTESTS.len() as u64, |c| {
            let (year, kind, name, (m, d)) = CONTESTS[c as usize];
            Some(contest::Model {
                id: id(Table::Contest, c),
                series: "技能兴威".into(),
                name: name.into(),
                kind,
                level: ContestLevel::MunicipalClass1,
                year,
                organiser: "合成主办单位".into(),
                held_on: date(year, m, d),
                document: None,
                created_at: at(c),
                updated_at: at(c),
            })
        })
        .await?;
        // Skills contests hold the student and worker events; the teacher-ability one the
        // teachers' event: event `e` of contest `c` is `c * 3 + e`.
        let events: Vec<(u64, usize)> = (0..CONTESTS.len() as u64)
            .flat_map(|c| {
                let teachers = CONTESTS[c as usize].1 == ContestKind::TeacherAbility;
                (0..EVENTS.len())
                    .filter(move |e| (EVENTS[*e].1 == ContestantKind::Teacher) == teachers)
                    .map(move |e| (c, e))
            })
            .collect();
        insert(txn, events.len() as u64, |i| {
            let (c, e) = events[i as usize];
            Some(contest_event::Model {
                id: id(Table::ContestEvent, c * 3 + e as u64),
                contest_id: id(Table::Contest, c),
                trade: EVENTS[e].0.into(),
                contestant_kind: EVENTS[e].1,
                created_at: at(i),
            })
        })
        .await?;
        // Entries: (contest, event, unit index into schools or firms, contestant).
        enum Who {
            Student(u64, u64),
            Worker(u64),
            Teacher(u64, u64),
        }
        let mut entries: Vec<(u64, usize, Who)> = Vec::new();
        for (c, (_, kind, _, _)) in CONTESTS.iter().enumerate() {
            let c = c as u64;
            if *kind == ContestKind::TeacherAbility {
                for i in 0..schools {
                    for k in 2..4 {
                        entries.push((c, 2, Who::Teacher(i, k)));
                    }
                }
                continue;
            }
            for i in 0..schools {
                for s in self.students_of(i, STUDENT_ENTRIES_PER_SCHOOL) {
                    entries.push((c, 0, Who::Student(i, s)));
                }
            }
            for f in 0..firms {
                entries.push((c, 1, Who::Worker(f)));
            }
        }
        progress("contest_entry", entries.len() as u64);
        l.contest_entries = insert(txn, entries.len() as u64, |n| {
            let (c, e, who) = &entries[n as usize];
            let (unit, student, teacher, worker, coach) = match who {
                Who::Student(i, s) => (
                    self.schools[*i as usize],
                    Some(id(Table::Student, *s)),
                    None,
                    None,
                    Some(self.teacher_id(*i, 0)),
                ),
                Who::Teacher(i, k) => (
                    self.schools[*i as usize],
                    None,
                    Some(self.teacher_id(*i, *k)),
                    None,
                    Some(self.teacher_id(*i, 1)),
                ),
                Who::Worker(f) => (
                    self.firms[*f as usize].0,
                    None,
                    None,
                    Some(format!("合成职工{f:03}")),
                    None,
                ),
            };
            let award = award((n * n + *c * 13) % 101);
            Some(contest_entry::Model {
                id: id(Table::ContestEntry, n),
                contest_id: id(Table::Contest, *c),
                event_id: id(Table::ContestEvent, c * 3 + *e as u64),
                unit_id: unit,
                contestant_kind: EVENTS[*e].1,
                student_id: student,
                teacher_id: teacher,
                worker_name: worker,
                coach_teacher_id: coach,
                coach_name: None,
                rank: None,
                award,
                coach_honoured: coach.is_some() && award == Some(ContestAward::Gold),
                result_at: Some(at(n)),
                created_at: at(n),
                updated_at: at(n),
            })
        })
        .await?;
        let honoured = schools.min(3) * CONTESTS.len() as u64;
        insert(txn, honoured, |a| {
            Some(contest_unit_award::Model {
                id: id(Table::UnitAward, a),
                contest_id: id(Table::Contest, a / schools.min(3)),
                unit_id: self.schools[(a % schools.min(3)) as usize],
                title: "优秀组织奖".into(),
                created_at: at(a),
            })
        })
        .await?;
        Ok(contests)
    }

    async fn write_training(
        &self,
        txn: &impl ConnectionTrait,
        progress: &impl Fn(&str, u64),
        l: &mut PeopleLoaded,
    ) -> Result<(), DbErr> {
        let schools = self.schools.len() as u64;
        let firms = self.firms.len() as u64;
        let levels: Vec<SkillLevel> = SkillLevel::iter().collect();
        let departments: Vec<FundingDepartment> = FundingDepartment::iter().collect();
        progress("training_need", firms);
        l.training_needs = insert(txn, firms, |f| {
            Some(training_need::Model {
                id: id(Table::Need, f),
                enterprise_id: self.firms[f as usize].0,
                trade: "合成工种".into(),
                level: Some(levels[(f % 3) as usize]),
                headcount: 30,
                description: "合成培训需求".into(),
                closed_on: None,
                created_at: at(f),
                updated_at: at(f),
            })
        })
        .await?;
        // Each school answers two firms' needs, one project a year (2025, 2026).
        progress("training_project", schools * 2);
        l.training_projects = insert(txn, schools * 2, |p| {
            let (i, year) = (p / 2, 2025 + (p % 2) as i32);
            let f = (p % firms) as usize;
            Some(training_project::Model {
                id: id(Table::Project, p),
                unit_id: self.schools[i as usize],
                need_id: Some(id(Table::Need, f as u64)),
                enterprise_id: Some(self.firms[f].0),
                name: format!("合成职工培训项目{p:04}"),
                trade: "合成工种".into(),
                level: Some(levels[f % 3]),
                starts_on: date(year, 5, 1),
                ends_on: date(year, 6, 30),
                participants: 20 + (p % 11) as i32,
                funding_department: (p % 4 != 3)
                    .then(|| departments[(p % departments.len() as u64) as usize]),
                created_at: at(p),
                updated_at: at(p),
            })
        })
        .await?;
        progress("skill_certification", schools * 4);
        l.skill_certifications = insert(txn, schools * 4, |b| {
            let p = b / 2;
            let f = (p % firms) as usize;
            let year = 2025 + (p % 2) as i32;
            Some(skill_certification::Model {
                id: id(Table::SkillCertification, b),
                unit_id: self.schools[(p / 2) as usize],
                project_id: Some(id(Table::Project, p)),
                enterprise_id: Some(self.firms[f].0),
                trade: "合成工种".into(),
                level: levels[((f % 3) + (b % 2) as usize) % levels.len()],
                certified_on: date(year, 7, 10),
                certified: 8 + (b % 5) as i32,
                created_at: at(b),
            })
        })
        .await?;
        Ok(())
    }
}
