//! Domain enums shared by the tables and the GraphQL schema.
//!
//! Names are the identifiers of `docs/domain.md` (glossary). Each derives both SeaORM's `DeriveActiveEnum`
//! (stored as the value's own upper-case name) and `async_graphql::Enum`, so the stored string, the
//! Rust variant and the GraphQL value are one word.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Kind of member unit (成员单位类型), as the founding notice's annex lists them (Founding notice 附件) and
/// the plan names them (Founding notice 一, 三(一)).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(40))")]
pub enum MemberUnitKind {
    /// Technician college (技师学院).
    #[sea_orm(string_value = "TECHNICIAN_COLLEGE")]
    TechnicianCollege,
    /// Senior technical school (高级技工学校).
    #[sea_orm(string_value = "SENIOR_TECHNICAL_SCHOOL")]
    SeniorTechnicalSchool,
    /// Technical school (技工学校).
    #[sea_orm(string_value = "TECHNICAL_SCHOOL")]
    TechnicalSchool,
    /// Vocational college, higher vocational (职业学院（高职）).
    #[sea_orm(string_value = "VOCATIONAL_COLLEGE")]
    VocationalCollege,
    /// Secondary vocational school (中等职业学校（中职）), including normal, art, foreign-language and
    /// other specialised secondary schools (师范/艺术/外国语等中专).
    #[sea_orm(string_value = "SECONDARY_VOCATIONAL_SCHOOL")]
    SecondaryVocationalSchool,
    /// Enterprise (企业).
    #[sea_orm(string_value = "ENTERPRISE")]
    Enterprise,
    /// Human-resources service agency (人力资源服务机构): an enterprise whose business is staffing.
    #[sea_orm(string_value = "HR_SERVICE_AGENCY")]
    HrServiceAgency,
    /// Training institution (培训机构 / 职工培训学校 / 创业大学).
    #[sea_orm(string_value = "TRAINING_INSTITUTION")]
    TrainingInstitution,
    /// Public institution such as a hospital (医院等事业单位).
    #[sea_orm(string_value = "PUBLIC_INSTITUTION")]
    PublicInstitution,
    /// Research institute (科研院所); named by the plan (Founding notice 一), none in today's list.
    #[sea_orm(string_value = "RESEARCH_INSTITUTE")]
    ResearchInstitute,
    /// Industry association (行业协会); named by the plan (Founding notice 一), none in today's list.
    #[sea_orm(string_value = "INDUSTRY_ASSOCIATION")]
    IndustryAssociation,
}

impl MemberUnitKind {
    /// The category this kind belongs to: schools train students, enterprises (including
    /// HR-service agencies) employ them, the rest are other bodies.
    pub fn category(self) -> UnitCategory {
        match self {
            Self::TechnicianCollege
            | Self::SeniorTechnicalSchool
            | Self::TechnicalSchool
            | Self::VocationalCollege
            | Self::SecondaryVocationalSchool => UnitCategory::School,
            Self::Enterprise | Self::HrServiceAgency => UnitCategory::Enterprise,
            Self::TrainingInstitution
            | Self::PublicInstitution
            | Self::ResearchInstitute
            | Self::IndustryAssociation => UnitCategory::Other,
        }
    }

    /// Whether a unit of this kind is a school (its staff hold SCHOOL_STAFF accounts).
    pub fn is_school(self) -> bool {
        self.category() == UnitCategory::School
    }
}

/// Broad category of a member unit, derived from its kind (never stored apart from it).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum UnitCategory {
    /// A school: technician college, technical school, vocational college or secondary vocational
    /// school (院校).
    #[sea_orm(string_value = "SCHOOL")]
    School,
    /// An enterprise, including HR-service agencies (企业).
    #[sea_orm(string_value = "ENTERPRISE")]
    Enterprise,
    /// Any other body: training institution, public institution, research institute, association.
    #[sea_orm(string_value = "OTHER")]
    Other,
}

/// District or development zone of Weihai (区市, `docs/domain.md` glossary). Unknown stays null, never
/// guessed.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(40))")]
pub enum District {
    /// 环翠区.
    #[sea_orm(string_value = "HUANCUI")]
    Huancui,
    /// 文登区.
    #[sea_orm(string_value = "WENDENG")]
    Wendeng,
    /// 荣成市.
    #[sea_orm(string_value = "RONGCHENG")]
    Rongcheng,
    /// 乳山市.
    #[sea_orm(string_value = "RUSHAN")]
    Rushan,
    /// 火炬高技术产业开发区 (高区), the torch high-tech industrial development zone.
    #[sea_orm(string_value = "TORCH_HIGH_TECH_ZONE")]
    TorchHighTechZone,
    /// 经济技术开发区 (经区), the economic and technological development zone.
    #[sea_orm(string_value = "ECONOMIC_DEVELOPMENT_ZONE")]
    EconomicDevelopmentZone,
    /// 临港经济技术开发区, the Lingang economic and technological development zone.
    #[sea_orm(string_value = "LINGANG_ZONE")]
    LingangZone,
    /// 南海新区, the Nanhai new area.
    #[sea_orm(string_value = "NANHAI_NEW_AREA")]
    NanhaiNewArea,
}

/// A member unit's role on the council (理事会, Founding notice 三(一)).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum CouncilRole {
    /// Chair unit (理事长单位).
    #[sea_orm(string_value = "CHAIR")]
    Chair,
    /// Vice-chair unit (副理事长单位).
    #[sea_orm(string_value = "VICE_CHAIR")]
    ViceChair,
    /// Standing member unit (常务理事单位).
    #[sea_orm(string_value = "STANDING_MEMBER")]
    StandingMember,
    /// Member unit of the council (理事单位).
    #[sea_orm(string_value = "MEMBER")]
    Member,
}

/// Kind of governing or working body of the alliance (Founding notice 三(一); Ten Measures (6)).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(40))")]
pub enum CommitteeKind {
    /// The council (理事会), the governing body.
    #[sea_orm(string_value = "COUNCIL")]
    Council,
    /// The standing council (常务理事会), the council's permanent organ.
    #[sea_orm(string_value = "STANDING_COUNCIL")]
    StandingCouncil,
    /// One of the five working committees (专门工作委员会).
    #[sea_orm(string_value = "WORKING_COMMITTEE")]
    WorkingCommittee,
    /// The teaching-staff committee (师资建设委员会, Ten Measures (6)).
    #[sea_orm(string_value = "TEACHING_STAFF_COMMITTEE")]
    TeachingStaffCommittee,
}

/// A member unit's role within one committee.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum CommitteeRole {
    /// Chair (主任 / 理事长).
    #[sea_orm(string_value = "CHAIR")]
    Chair,
    /// Deputy (副主任 / 副理事长).
    #[sea_orm(string_value = "DEPUTY")]
    Deputy,
    /// Ordinary member (委员 / 理事).
    #[sea_orm(string_value = "MEMBER")]
    Member,
}

/// What an account may do. Every write is made by an account that belongs to one member unit (or to
/// the secretariat) and acts only for it (`docs/domain.md`, "Who uses it").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum AccountRole {
    /// The group secretariat and its committees; bound to no unit; may maintain the registry.
    #[sea_orm(string_value = "SECRETARIAT")]
    Secretariat,
    /// Staff of one school (a unit whose category is SCHOOL).
    #[sea_orm(string_value = "SCHOOL_STAFF")]
    SchoolStaff,
    /// Staff of one non-school unit: a firm, an agency, a training body or an institution that
    /// hosts interns.
    #[sea_orm(string_value = "ENTERPRISE_STAFF")]
    EnterpriseStaff,
    /// Staff of one working committee or of the teaching-staff committee (专门工作委员会工作人员),
    /// bound to that committee: reads the alliance-wide views and aggregates, scores its
    /// committee's items in evaluation rounds, never reads students' personal data
    /// (`docs/committees.md`, Roles).
    #[sea_orm(string_value = "COMMITTEE_STAFF")]
    CommitteeStaff,
    /// A third-party evaluator (第三方评估机构, Founding notice 三(三)), bound to no unit: reads and
    /// scores only the evaluation rounds it is invited to (`docs/committees.md`, Roles).
    #[sea_orm(string_value = "EVALUATOR")]
    Evaluator,
}

/// School term in which an order class starts (学期).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(10))")]
pub enum Term {
    /// Spring term (春季学期), starting about March.
    #[sea_orm(string_value = "SPRING")]
    Spring,
    /// Autumn term (秋季学期), starting about September.
    #[sea_orm(string_value = "AUTUMN")]
    Autumn,
}

/// Status of an order-class demand (订单班需求). DRAFT → OPEN → MATCHED → CLOSED, and WITHDRAWN.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum DemandStatus {
    /// Being written; seen only by its firm and the secretariat.
    #[sea_orm(string_value = "DRAFT")]
    Draft,
    /// Published: schools may answer it and other firms may join it.
    #[sea_orm(string_value = "OPEN")]
    Open,
    /// Agreed order classes cover its whole headcount.
    #[sea_orm(string_value = "MATCHED")]
    Matched,
    /// Closed by its firm.
    #[sea_orm(string_value = "CLOSED")]
    Closed,
    /// Withdrawn by its firm before it was matched.
    #[sea_orm(string_value = "WITHDRAWN")]
    Withdrawn,
}

/// Status of an order class (订单班). PROPOSED → AGREED → RECRUITING → IN_TRAINING → GRADUATED, and
/// CANCELLED.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum OrderClassStatus {
    /// Proposed by the school; waiting for every sponsor's and the school's acceptance.
    #[sea_orm(string_value = "PROPOSED")]
    Proposed,
    /// Accepted by every sponsor and the school, with the plan's rules met.
    #[sea_orm(string_value = "AGREED")]
    Agreed,
    /// Enrolling students.
    #[sea_orm(string_value = "RECRUITING")]
    Recruiting,
    /// Training under way.
    #[sea_orm(string_value = "IN_TRAINING")]
    InTraining,
    /// Graduated; graduates go to the sponsoring firms.
    #[sea_orm(string_value = "GRADUATED")]
    Graduated,
    /// Cancelled, with a reason.
    #[sea_orm(string_value = "CANCELLED")]
    Cancelled,
}

/// Gender as recorded by the school.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(10))")]
pub enum Gender {
    /// 男.
    #[sea_orm(string_value = "MALE")]
    Male,
    /// 女.
    #[sea_orm(string_value = "FEMALE")]
    Female,
}

/// Who an order-class student is (Ten Measures (2): classes may enrol unemployed youth and migrant
/// workers).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum TargetGroup {
    /// A regular student of the school.
    #[sea_orm(string_value = "REGULAR")]
    Regular,
    /// An unemployed young person (失业青年).
    #[sea_orm(string_value = "UNEMPLOYED_YOUTH")]
    UnemployedYouth,
    /// A migrant worker (农民工).
    #[sea_orm(string_value = "MIGRANT_WORKER")]
    MigrantWorker,
}

/// Kind of workplace of an internship post; some are forbidden for student interns (2021 rules,
/// art. 16 (5)).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(30))")]
pub enum VenueType {
    /// Production workshop or plant (车间).
    #[sea_orm(string_value = "WORKSHOP")]
    Workshop,
    /// Office (办公室).
    #[sea_orm(string_value = "OFFICE")]
    Office,
    /// Shop or store (门店).
    #[sea_orm(string_value = "RETAIL")]
    Retail,
    /// Hotel or restaurant (酒店餐饮).
    #[sea_orm(string_value = "HOSPITALITY")]
    Hospitality,
    /// Hospital or care home (医院/养老机构).
    #[sea_orm(string_value = "HEALTH_CARE")]
    HealthCare,
    /// Construction site (工地).
    #[sea_orm(string_value = "CONSTRUCTION_SITE")]
    ConstructionSite,
    /// Laboratory (实验室).
    #[sea_orm(string_value = "LABORATORY")]
    Laboratory,
    /// Bar or nightclub (酒吧、夜总会) — forbidden.
    #[sea_orm(string_value = "BAR_OR_NIGHTCLUB")]
    BarOrNightclub,
    /// Karaoke (歌厅/KTV) — forbidden.
    #[sea_orm(string_value = "KTV")]
    Ktv,
    /// Bath or sauna centre (洗浴中心) — forbidden.
    #[sea_orm(string_value = "BATH_CENTRE")]
    BathCentre,
    /// Electronic game hall (电子游戏厅) — forbidden.
    #[sea_orm(string_value = "GAME_HALL")]
    GameHall,
    /// Internet café (网吧) — forbidden.
    #[sea_orm(string_value = "INTERNET_CAFE")]
    InternetCafe,
    /// Any other workplace.
    #[sea_orm(string_value = "OTHER")]
    Other,
}

impl VenueType {
    /// The Chinese label a clerk types (and the templates' drop-down lists offer).
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Workshop => "车间",
            Self::Office => "办公室",
            Self::Retail => "门店",
            Self::Hospitality => "酒店餐饮",
            Self::HealthCare => "医院/养老机构",
            Self::ConstructionSite => "工地",
            Self::Laboratory => "实验室",
            Self::BarOrNightclub => "酒吧、夜总会",
            Self::Ktv => "歌厅/KTV",
            Self::BathCentre => "洗浴中心",
            Self::GameHall => "电子游戏厅",
            Self::InternetCafe => "网吧",
            Self::Other => "其他",
        }
    }

    /// Whether student internships are forbidden there (2021 rules, art. 16 (5)).
    pub fn is_forbidden(self) -> bool {
        matches!(
            self,
            Self::BarOrNightclub
                | Self::Ktv
                | Self::BathCentre
                | Self::GameHall
                | Self::InternetCafe
        )
    }
}

/// Status of an internship placement (岗位实习). PLANNED → ACTIVE → COMPLETED, or TERMINATED.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum PlacementStatus {
    /// Reported; not yet started.
    #[sea_orm(string_value = "PLANNED")]
    Planned,
    /// Under way; every blocking rule was met at activation.
    #[sea_orm(string_value = "ACTIVE")]
    Active,
    /// Finished.
    #[sea_orm(string_value = "COMPLETED")]
    Completed,
    /// Ended early, with a reason.
    #[sea_orm(string_value = "TERMINATED")]
    Terminated,
}

/// Who arranged a placement (2021 rules, art. 16 (6): no intermediaries or paid agents).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum ArrangedBy {
    /// The school.
    #[sea_orm(string_value = "SCHOOL")]
    School,
    /// The host unit directly.
    #[sea_orm(string_value = "HOST")]
    Host,
    /// The student, on their own application.
    #[sea_orm(string_value = "STUDENT")]
    Student,
    /// An intermediary or paid agent (中介) — forbidden.
    #[sea_orm(string_value = "INTERMEDIARY")]
    Intermediary,
}

impl ArrangedBy {
    /// The Chinese label a clerk types (and the templates' drop-down lists offer).
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::School => "学校",
            Self::Host => "实习单位",
            Self::Student => "学生本人",
            Self::Intermediary => "中介机构",
        }
    }
}

/// A graduate's situation at graduation (毕业去向).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum OutcomeStatus {
    /// Employed.
    #[sea_orm(string_value = "EMPLOYED")]
    Employed,
    /// Continuing to study (升学).
    #[sea_orm(string_value = "FURTHER_STUDY")]
    FurtherStudy,
    /// Not yet employed.
    #[sea_orm(string_value = "NOT_YET_EMPLOYED")]
    NotYetEmployed,
}

/// Kind of training site (Founding notice 二(一)2–3; Ten Measures (3)).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(30))")]
pub enum SiteKind {
    /// 校中厂: a firm's production line inside a school (school gives space and power, firm gives
    /// orders, teachers act as technical managers, students rotate) — 二(一)2.
    #[sea_orm(string_value = "FACTORY_IN_SCHOOL")]
    FactoryInSchool,
    /// 厂中校: a firm's skills-training base in its workshop, with mentors and equipment — 二(一)3.
    #[sea_orm(string_value = "SCHOOL_IN_FACTORY")]
    SchoolInFactory,
    /// 公共实训基地: a public training base (Ten Measures (3)).
    #[sea_orm(string_value = "PUBLIC_TRAINING_BASE")]
    PublicTrainingBase,
    /// 产教融合实训基地: an industry-education training base (Ten Measures (3)).
    #[sea_orm(string_value = "INDUSTRY_EDUCATION_BASE")]
    IndustryEducationBase,
}

/// Status of a training site.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum SiteStatus {
    /// Being built.
    #[sea_orm(string_value = "PLANNED")]
    Planned,
    /// In use.
    #[sea_orm(string_value = "OPERATING")]
    Operating,
    /// Closed.
    #[sea_orm(string_value = "CLOSED")]
    Closed,
}

/// What qualifies a firm's career mentor (职业规划导师): Founding notice 二(四)10 asks each firm
/// to name "1名高级技师或管理人员" — a senior technician or a manager.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(30))")]
pub enum MentorQualification {
    /// A senior technician (高级技师): the top vocational skill level.
    #[sea_orm(string_value = "SENIOR_TECHNICIAN")]
    SeniorTechnician,
    /// A manager of the firm (管理人员).
    #[sea_orm(string_value = "MANAGER")]
    Manager,
    /// Neither: the mentor is recorded, but the commitment is not met.
    #[sea_orm(string_value = "OTHER")]
    Other,
}

impl MentorQualification {
    /// Whether it is one the Founding notice 二(四)10 names.
    pub fn qualifies(self) -> bool {
        matches!(self, Self::SeniorTechnician | Self::Manager)
    }
}

/// What a lent craftsman does at a school (工匠入校, Founding notice 二(二)5).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(30))")]
pub enum CraftsmanRole {
    /// Part-time specialty teacher (兼职专业课教师).
    #[sea_orm(string_value = "PART_TIME_TEACHER")]
    PartTimeTeacher,
    /// Internship supervisor (实习指导老师).
    #[sea_orm(string_value = "INTERNSHIP_SUPERVISOR")]
    InternshipSupervisor,
}

/// Training mode of an apprenticeship (企业新型学徒制, Founding notice 二(三)7).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(30))")]
pub enum ApprenticeshipMode {
    /// Work-study alternation (工学交替).
    #[sea_orm(string_value = "WORK_STUDY_ALTERNATION")]
    WorkStudyAlternation,
    /// Full-time off the job (脱产).
    #[sea_orm(string_value = "FULL_TIME_OFF_JOB")]
    FullTimeOffJob,
    /// Part-time (半脱产).
    #[sea_orm(string_value = "PART_TIME")]
    PartTime,
}

/// Status of an apprenticeship.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum ApprenticeshipStatus {
    /// Under way.
    #[sea_orm(string_value = "ACTIVE")]
    Active,
    /// Completed.
    #[sea_orm(string_value = "COMPLETED")]
    Completed,
    /// Ended early, with a reason (`terminateApprenticeship`).
    #[sea_orm(string_value = "TERMINATED")]
    Terminated,
    /// Never written: an apprenticeship ended early is `TERMINATED`; rows once `WITHDRAWN` were
    /// migrated to it.
    #[sea_orm(string_value = "WITHDRAWN")]
    #[graphql(
        deprecation = "Never set: an apprenticeship ended early is TERMINATED, with its reason."
    )]
    Withdrawn,
}

/// Kind of yearly activity the plan requires (Founding notice 二(四)9–11; 技能兴威 Ten Measures (5)).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(30))")]
pub enum EventKind {
    /// 企业进校园: firms visit schools (once a year, 二(四)10).
    #[sea_orm(string_value = "CAMPUS_VISIT")]
    CampusVisit,
    /// 家长企业行: parents visit firms (二(四)9).
    #[sea_orm(string_value = "PARENTS_VISIT")]
    ParentsVisit,
    /// 企业宣传周: enterprise week (二(四)9).
    #[sea_orm(string_value = "ENTERPRISE_WEEK")]
    EnterpriseWeek,
    /// 毕业生就业推荐: graduate job recommendation (at least once a year, 二(四)11).
    #[sea_orm(string_value = "JOB_RECOMMENDATION")]
    JobRecommendation,
    /// Career-planning class (职业规划课, 二(四)10).
    #[sea_orm(string_value = "CAREER_CLASS")]
    CareerClass,
    /// 技能兴威 skills competition.
    #[sea_orm(string_value = "SKILLS_COMPETITION")]
    SkillsCompetition,
    /// 职业教育活动周: technical-education activity week (Ten Measures (10)).
    #[sea_orm(string_value = "TECHNICAL_EDUCATION_WEEK")]
    TechnicalEducationWeek,
    /// 世界青年技能日: World Youth Skills Day, 15 July (Ten Measures (10)).
    #[sea_orm(string_value = "WORLD_YOUTH_SKILLS_DAY")]
    WorldYouthSkillsDay,
    /// 劳模工匠进校园: model workers and craftsmen visit schools (Ten Measures (10)).
    #[sea_orm(string_value = "MODEL_WORKERS_ON_CAMPUS")]
    ModelWorkersOnCampus,
    /// 开学第一课: the first lesson of the school year (Ten Measures (10)).
    #[sea_orm(string_value = "FIRST_LESSON")]
    FirstLesson,
}

/// A unit's part in an event.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum EventRole {
    /// Organised it.
    #[sea_orm(string_value = "ORGANISER")]
    Organiser,
    /// Took part.
    #[sea_orm(string_value = "PARTICIPANT")]
    Participant,
}

/// Where a recorded event came from (`audit_event.source`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(10))")]
pub enum AuditSource {
    /// A GraphQL request.
    #[sea_orm(string_value = "API")]
    Api,
    /// A spreadsheet import (through the API).
    #[sea_orm(string_value = "IMPORT")]
    Import,
    /// The command-line tool (`api account create`, `api import`, …).
    #[sea_orm(string_value = "CLI")]
    Cli,
    /// The system itself, outside any request (e.g. a scheduled purge).
    #[sea_orm(string_value = "SYSTEM")]
    System,
}

/// What a recorded event did (`audit_event.action`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(10))")]
pub enum AuditAction {
    /// A record was created.
    #[sea_orm(string_value = "CREATE")]
    Create,
    /// A record was changed.
    #[sea_orm(string_value = "UPDATE")]
    Update,
    /// A record was deleted.
    #[sea_orm(string_value = "DELETE")]
    Delete,
    /// A student's personal data was read by someone other than the student's school.
    #[sea_orm(string_value = "READ")]
    Read,
}

/// What a target measures (`Target.indicator`, `docs/committees.md`, Targets). The first six are
/// measured from the records; the last four wait for records the API does not hold yet and read
/// "not yet measured".
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(40))")]
pub enum TargetIndicator {
    /// 产教融合实训基地 built: operating, not archived training sites of kind
    /// INDUSTRY_EDUCATION_BASE (Ten Measures (3)).
    #[sea_orm(string_value = "INDUSTRY_EDUCATION_BASES")]
    IndustryEducationBases,
    /// 公共实训基地 built: operating, not archived sites of kind PUBLIC_TRAINING_BASE (Ten Measures
    /// (3)).
    #[sea_orm(string_value = "PUBLIC_TRAINING_BASES")]
    PublicTrainingBases,
    /// 厂中校 bases operating (Founding notice 二(一)3).
    #[sea_orm(string_value = "SCHOOL_IN_FACTORY_BASES")]
    SchoolInFactoryBases,
    /// 校中厂 sites operating (Founding notice 二(一)2).
    #[sea_orm(string_value = "FACTORY_IN_SCHOOL_SITES")]
    FactoryInSchoolSites,
    /// Teacher practice stations (教师活动站) not archived (Founding notice 二(二)4).
    #[sea_orm(string_value = "TEACHER_PRACTICE_STATIONS")]
    TeacherPracticeStations,
    /// Order classes (订单班) started in the year, whatever their status after (Founding notice
    /// 二(三)6).
    #[sea_orm(string_value = "ORDER_CLASSES")]
    OrderClasses,
    /// 威海工匠后备人才 selected in the year (Weihai 2020 plan, task 17).
    #[sea_orm(string_value = "RESERVE_CRAFTSMEN")]
    ReserveCraftsmen,
    /// 市级示范性企业学徒基地 (Weihai 2020 plan, task 19).
    #[sea_orm(string_value = "DEMONSTRATION_APPRENTICESHIP_BASES")]
    DemonstrationApprenticeshipBases,
    /// Firms certified as 产教融合型企业 (Weihai 2020 plan (九), task 15).
    #[sea_orm(string_value = "CERTIFIED_ENTERPRISES")]
    CertifiedEnterprises,
    /// Meetings of the council (理事会) in the year (Founding notice 三(一): "原则上每年召开1次理事会
    /// 会议").
    #[sea_orm(string_value = "COUNCIL_MEETINGS")]
    CouncilMeetings,
    /// Share of specialty teachers certified dual-qualified (双师型), in percent (Weihai 2020 plan,
    /// task 30).
    #[sea_orm(string_value = "DUAL_QUALIFIED_SHARE")]
    DualQualifiedShare,
}

/// Over which members a target is measured.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum TargetScope {
    /// Every member of the alliance.
    #[sea_orm(string_value = "ALLIANCE")]
    Alliance,
    /// The members of one district (`Target.scopeDistrict`).
    #[sea_orm(string_value = "DISTRICT")]
    District,
    /// The members of one kind (`Target.scopeUnitKind`).
    #[sea_orm(string_value = "UNIT_KIND")]
    UnitKind,
    /// One member (`Target.scopeMemberUnit`).
    #[sea_orm(string_value = "MEMBER_UNIT")]
    MemberUnit,
}

/// Where an evaluation round stands (督导评估, `docs/committees.md`, Evaluation rounds). The order
/// is DRAFT → SELF_ASSESSMENT → REVIEW → PUBLISHED, and PUBLISHED → REOPENED → PUBLISHED.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum EvaluationStatus {
    /// Being prepared: the secretariat sets the items and invites evaluators.
    #[sea_orm(string_value = "DRAFT")]
    Draft,
    /// Members write their self-assessment per item.
    #[sea_orm(string_value = "SELF_ASSESSMENT")]
    SelfAssessment,
    /// Committees and evaluators score their items.
    #[sea_orm(string_value = "REVIEW")]
    Review,
    /// Results are frozen: computed values and scores were snapshotted when published.
    #[sea_orm(string_value = "PUBLISHED")]
    Published,
    /// Opened again after publication, with a reason; scores may change until published again.
    #[sea_orm(string_value = "REOPENED")]
    Reopened,
}

/// How an evaluation item is valued.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum EvaluationItemKind {
    /// Computed from the records by a formula (`EvaluationItem.indicator`).
    #[sea_orm(string_value = "COMPUTED")]
    Computed,
    /// Scored by people (a committee or an evaluator) against a rubric.
    #[sea_orm(string_value = "SCORED")]
    Scored,
}

/// The formula of a computed evaluation item. Each names the rule it measures and its source.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(40))")]
pub enum EvaluationIndicator {
    /// Firm: an operating school-in-factory base (Founding notice 二(一)3). 1 met, 0 not.
    #[sea_orm(string_value = "SCHOOL_IN_FACTORY_BASE")]
    SchoolInFactoryBase,
    /// Firm: a teacher practice station offering posts that year (二(二)4). 1 met, 0 not.
    #[sea_orm(string_value = "PRACTICE_STATION_WITH_POSTS")]
    PracticeStationWithPosts,
    /// Firm: a named career mentor (二(四)10). 1 met, 0 not.
    #[sea_orm(string_value = "CAREER_MENTOR")]
    CareerMentor,
    /// Firm: took part in a campus visit that year (二(四)10). 1 met, 0 not.
    #[sea_orm(string_value = "CAMPUS_VISIT")]
    CampusVisit,
    /// School: sent teachers to practise in firms that year (二(二)4). 1 met, 0 not.
    #[sea_orm(string_value = "TEACHERS_SENT_TO_PRACTICE")]
    TeachersSentToPractice,
    /// School: held a graduate job-recommendation event that year (二(四)11). 1 met, 0 not.
    #[sea_orm(string_value = "JOB_RECOMMENDATION_EVENT")]
    JobRecommendationEvent,
    /// School: the share of the year's graduates employed in Weihai (留威就业, 二(四)11; Weihai 2020
    /// plan, task 20), 0–1; not applicable to a school with no recorded graduates that year.
    #[sea_orm(string_value = "RETENTION_IN_WEIHAI")]
    RetentionInWeihai,
    /// School: the share of its order-class graduates of the year (outcomes reported for students
    /// enrolled in its order classes) hired by their host or a sponsoring firm, 0–1 (Founding
    /// notice 二(三)6, "毕业生直接安排到订单企业就业"); not applicable without such graduates.
    #[sea_orm(string_value = "ORDER_CLASS_GRADUATES_HIRED")]
    OrderClassGraduatesHired,
    /// 技工院校: an enterprise-culture corridor (企业文化长廊) opened by the end of the year, 1 or 0
    /// (Founding notice 二(四)9).
    #[sea_orm(string_value = "CULTURE_CORRIDOR")]
    CultureCorridor,
    /// 技工院校 (technician college, senior technical or technical school): the share of the year's
    /// two terms in which it held (organised) a parents' visit to firms (家长企业行), 0, 0.5 or 1
    /// (Founding notice 二(四)9, "每学期举办"); terms as the alliance's calendar sets them.
    #[sea_orm(string_value = "PARENTS_VISIT_EACH_TERM")]
    ParentsVisitEachTerm,
    /// 技工院校: the share of the year's two terms in which it held an enterprise week
    /// (企业宣传周), 0, 0.5 or 1 (Founding notice 二(四)9).
    #[sea_orm(string_value = "ENTERPRISE_WEEK_EACH_TERM")]
    EnterpriseWeekEachTerm,
    /// Firm above designated size with a known staff count: internship posts declared for the
    /// year over 2% of staff, capped at 1 (Weihai 2020 plan (十), task 20; Huancui task list,
    /// item 8); not applicable to other units.
    #[sea_orm(string_value = "INTERNSHIP_POSTS")]
    InternshipPosts,
}

/// Who scores a scored evaluation item.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum EvaluationScorer {
    /// The working committee named on the item (`EvaluationItem.scorerCommittee`): its
    /// COMMITTEE_STAFF accounts, or the secretariat acting for it.
    #[sea_orm(string_value = "COMMITTEE")]
    Committee,
    /// An EVALUATOR account invited to the round.
    #[sea_orm(string_value = "EVALUATOR")]
    Evaluator,
}

/// Where a meeting's resolution stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum ResolutionStatus {
    /// To be carried out.
    #[sea_orm(string_value = "OPEN")]
    Open,
    /// Carried out.
    #[sea_orm(string_value = "DONE")]
    Done,
    /// Dropped by a later decision.
    #[sea_orm(string_value = "DROPPED")]
    Dropped,
}

/// Where an item of a committee's work plan stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum WorkPlanStatus {
    /// Planned, not started.
    #[sea_orm(string_value = "PLANNED")]
    Planned,
    /// Under way.
    #[sea_orm(string_value = "IN_PROGRESS")]
    InProgress,
    /// Done.
    #[sea_orm(string_value = "DONE")]
    Done,
    /// Dropped.
    #[sea_orm(string_value = "DROPPED")]
    Dropped,
}

/// Where a reserve-craftsman nomination stands (威海工匠后备人才, Weihai 2020 plan, task 17).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum ReserveCraftsmanStatus {
    /// Nominated by the school, not yet decided.
    #[sea_orm(string_value = "NOMINATED")]
    Nominated,
    /// Selected for the year: counted against the 500 a year.
    #[sea_orm(string_value = "SELECTED")]
    Selected,
    /// Not selected this year.
    #[sea_orm(string_value = "NOT_SELECTED")]
    NotSelected,
}

/// The level of the authority that certifies an industry-education enterprise (产教融合型企业).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum CertificationLevel {
    /// Certified by the city (《威海市产教融合型企业认定办法》, Huancui task list).
    #[sea_orm(string_value = "MUNICIPAL")]
    Municipal,
    /// Certified by the province (省级, what the Weihai 2020 plan's task 15 counts).
    #[sea_orm(string_value = "PROVINCIAL")]
    Provincial,
    /// Certified by the state (国家级); counted with the provincial ones.
    #[sea_orm(string_value = "NATIONAL")]
    National,
}

/// Where an industry-education enterprise certification stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum CertificationStatus {
    /// The firm applied; not decided.
    #[sea_orm(string_value = "APPLIED")]
    Applied,
    /// Certified, from `certifiedOn` to `expiresOn` (or open-ended).
    #[sea_orm(string_value = "CERTIFIED")]
    Certified,
    /// Refused by the authority.
    #[sea_orm(string_value = "REJECTED")]
    Rejected,
    /// Certified once; no longer holds.
    #[sea_orm(string_value = "EXPIRED")]
    Expired,
}

/// A kind of high-skill platform a member holds (高技能人才平台载体, Ten Measures (1), (4)).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(40))")]
pub enum PlatformKind {
    /// 齐鲁技能大师特色工作站 (provincial; Ten Measures (1): one-off 100,000 CNY).
    #[sea_orm(string_value = "QILU_SKILL_MASTER_STATION")]
    QiluSkillMasterStation,
    /// 世界技能大赛省级集训基地 (provincial; Ten Measures (1): one-off 100,000 CNY).
    #[sea_orm(string_value = "WORLDSKILLS_PROVINCIAL_BASE")]
    WorldskillsProvincialBase,
    /// 世界技能大赛省级重点集训基地 (provincial; Ten Measures (4); no grant stated).
    #[sea_orm(string_value = "WORLDSKILLS_PROVINCIAL_KEY_BASE")]
    WorldskillsProvincialKeyBase,
    /// 省技工教育优质校 (provincial; Ten Measures (1): one-off 100,000 CNY).
    #[sea_orm(string_value = "PROVINCIAL_QUALITY_SCHOOL")]
    ProvincialQualitySchool,
    /// 国家级高技能人才培训基地 (national; Ten Measures (4): one-off 1,000,000 CNY).
    #[sea_orm(string_value = "NATIONAL_HIGH_SKILL_TRAINING_BASE")]
    NationalHighSkillTrainingBase,
    /// 国家级技能大师工作室 (national; Ten Measures (4): one-off 500,000 CNY).
    #[sea_orm(string_value = "NATIONAL_SKILL_MASTER_STUDIO")]
    NationalSkillMasterStudio,
    /// 世界技能大赛中国集训基地 (national; Ten Measures (4): one-off 500,000 CNY).
    #[sea_orm(string_value = "WORLDSKILLS_CHINA_BASE")]
    WorldskillsChinaBase,
    /// 市级竞赛基地 (municipal; Ten Measures (4): "鼓励建立市级竞赛基地"; no grant stated).
    #[sea_orm(string_value = "MUNICIPAL_COMPETITION_BASE")]
    MunicipalCompetitionBase,
}

/// What a member shares with the others (Founding notice 三(二): "共享生产教学设施设备和场地").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum SharedResourceKind {
    /// Production or teaching equipment (设施设备), large or high-end instruments included.
    #[sea_orm(string_value = "EQUIPMENT")]
    Equipment,
    /// A site (场地): a workshop, a training room, a hall.
    #[sea_orm(string_value = "SITE")]
    Site,
}

/// Where a request for a shared resource's slot stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum ResourceBookingStatus {
    /// Asked for; the owner has not answered.
    #[sea_orm(string_value = "REQUESTED")]
    Requested,
    /// The owner accepted: the slot is the requester's.
    #[sea_orm(string_value = "ACCEPTED")]
    Accepted,
    /// The owner declined, with a reason.
    #[sea_orm(string_value = "DECLINED")]
    Declined,
    /// The requester withdrew it.
    #[sea_orm(string_value = "CANCELLED")]
    Cancelled,
}

/// What a contest tests (Ten Measures (5), (6)).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum ContestKind {
    /// A vocational skills contest (职业技能大赛), such as the alliance's 技能兴威 series (Ten
    /// Measures (5): "定期举办“技能兴威”系列职业技能大赛").
    #[sea_orm(string_value = "SKILLS")]
    Skills,
    /// The city's yearly teacher-ability contest of technical schools (全市技工院校教师职业能力大赛,
    /// Ten Measures (6)): only teachers compete; run as a 技能兴威 municipal class-1 contest.
    #[sea_orm(string_value = "TEACHER_ABILITY")]
    TeacherAbility,
}

/// The level a contest is run at.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum ContestLevel {
    /// A municipal class-1 contest (“技能兴威”市级一类竞赛; the teacher-ability contest is one, Ten
    /// Measures (6)).
    #[sea_orm(string_value = "MUNICIPAL_CLASS_1")]
    MunicipalClass1,
    /// A municipal class-2 contest (市级二类竞赛).
    #[sea_orm(string_value = "MUNICIPAL_CLASS_2")]
    MunicipalClass2,
    /// A provincial contest (省级).
    #[sea_orm(string_value = "PROVINCIAL")]
    Provincial,
    /// A national contest (国家级).
    #[sea_orm(string_value = "NATIONAL")]
    National,
    /// The WorldSkills Competition (世界技能大赛).
    #[sea_orm(string_value = "WORLD")]
    World,
}

/// Who competes in a contest event.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum ContestantKind {
    /// A member school's student (its personal data: the school and the secretariat only).
    #[sea_orm(string_value = "STUDENT")]
    Student,
    /// A teacher of the pool (威海技工教育师资库).
    #[sea_orm(string_value = "TEACHER")]
    Teacher,
    /// A member firm's worker (职工), named by the firm (personal data: the firm and the
    /// secretariat only).
    #[sea_orm(string_value = "WORKER")]
    Worker,
}

/// A contestant's award, highest first (the medal table counts each).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum ContestAward {
    /// Gold medal or first prize (金牌 / 一等奖).
    #[sea_orm(string_value = "GOLD")]
    Gold,
    /// Silver medal or second prize (银牌 / 二等奖).
    #[sea_orm(string_value = "SILVER")]
    Silver,
    /// Bronze medal or third prize (铜牌 / 三等奖).
    #[sea_orm(string_value = "BRONZE")]
    Bronze,
    /// Medallion for excellence or honourable mention (优胜奖 / 优秀奖).
    #[sea_orm(string_value = "EXCELLENCE")]
    Excellence,
}

/// Where a research project stands (科研课题, Ten Measures (6): "每年开展市级技工教育和职业培训科研课题
/// 立项、结题工作").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum ResearchStatus {
    /// Approved and running (立项).
    #[sea_orm(string_value = "APPROVED")]
    Approved,
    /// Concluded and accepted (结题).
    #[sea_orm(string_value = "CONCLUDED")]
    Concluded,
    /// Stopped before its conclusion (撤项 / 终止).
    #[sea_orm(string_value = "TERMINATED")]
    Terminated,
}

/// A national vocational skill level (职业技能等级), lowest first.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(30))")]
pub enum SkillLevel {
    /// 初级工 (level 5).
    #[sea_orm(string_value = "JUNIOR_WORKER")]
    JuniorWorker,
    /// 中级工 (level 4).
    #[sea_orm(string_value = "INTERMEDIATE_WORKER")]
    IntermediateWorker,
    /// 高级工 (level 3).
    #[sea_orm(string_value = "SENIOR_WORKER")]
    SeniorWorker,
    /// 技师 (level 2).
    #[sea_orm(string_value = "TECHNICIAN")]
    Technician,
    /// 高级技师 (level 1).
    #[sea_orm(string_value = "SENIOR_TECHNICIAN")]
    SeniorTechnician,
}

/// The department whose programme funds a worker-training project (Founding notice 二(三)8: "集团统筹
/// 人社、工信、应急、文旅、商务、农业农村、工会等部门培训项目及资源").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(30))")]
pub enum FundingDepartment {
    /// Human resources and social security (人社).
    #[sea_orm(string_value = "HUMAN_RESOURCES")]
    HumanResources,
    /// Industry and information technology (工信).
    #[sea_orm(string_value = "INDUSTRY_AND_IT")]
    IndustryAndIt,
    /// Emergency management (应急).
    #[sea_orm(string_value = "EMERGENCY_MANAGEMENT")]
    EmergencyManagement,
    /// Culture and tourism (文旅).
    #[sea_orm(string_value = "CULTURE_AND_TOURISM")]
    CultureAndTourism,
    /// Commerce (商务).
    #[sea_orm(string_value = "COMMERCE")]
    Commerce,
    /// Agriculture and rural affairs (农业农村).
    #[sea_orm(string_value = "AGRICULTURE_AND_RURAL")]
    AgricultureAndRural,
    /// The trade union (工会).
    #[sea_orm(string_value = "TRADE_UNION")]
    TradeUnion,
}
