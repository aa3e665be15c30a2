//! The plan's milestones and the targets the source documents state as numbers
//! (`docs/committees.md`, Targets). Every text is the document's own, byte for byte (the spaces
//! inside the Weihai 2020 plan's sentences are the printed text's); every source is a
//! `docs/sources.md` citation. Nothing here is a number a document does not print:
//!
//! - the three milestones of the Founding notice 一 state no numbers, so none is attached to them
//!   (the secretariat attaches targets);
//! - "到2023年" / "2030年年底前" are read as the end of that year (31 December);
//! - the Weihai 2020 plan's targets are city-wide; the alliance's records measure its members'
//!   part of them.

use entity::enums::{District, TargetIndicator, TargetScope};

/// A milestone as the Founding notice 一 prints it.
#[derive(Debug, Clone, Copy)]
pub struct MilestoneSeed {
    /// The year.
    pub year: i32,
    /// The paragraph, byte for byte.
    pub text: &'static str,
}

/// Citation of the milestones.
pub const MILESTONE_SOURCE: &str = "Founding notice 一";

/// The plan's three stages (Founding notice 一、工作计划).
pub const MILESTONES: [MilestoneSeed; 3] = [
    MilestoneSeed {
        year: 2026,
        text: "2026年，组建运营集团，引导技工院校、企业、科研院所、行业协会以及职业培训机构积极参与院校专业建设、基地建设，院校深度服务企业人才培养培训，全面推行校企合作育人，初步建立政、行、校、企协同推进产教融合的工作格局。",
    },
    MilestoneSeed {
        year: 2027,
        text: "2027年，基本建立需求导向的人才培养模式，生产性实训基地建设、师资队伍培养、学徒制改革试点、社会服务能力提升取得初步成效，“校企双制、工学一体”新模式全面推广，教育、产业深度融合，良性互动的发展格局基本形成。",
    },
    MilestoneSeed {
        year: 2030,
        text: "2030年，构建起技工教育发展新格局，区域经济转型发展的技能人才培养供给侧和产业需求侧不匹配矛盾基本解决，全面形成人才按需培养、内生动力充足的产教融合格局。",
    },
];

/// A target a document states as a number.
#[derive(Debug, Clone, Copy)]
pub struct TargetSeed {
    /// What is measured.
    pub indicator: TargetIndicator,
    /// The sentence that states it, byte for byte.
    pub title: &'static str,
    /// The number.
    pub value: f64,
    /// Every year, rather than once by `due`.
    pub per_year: bool,
    /// The deadline (year, month, day), when not per year.
    pub due: Option<(i32, u32, u32)>,
    /// ALLIANCE or DISTRICT.
    pub scope: TargetScope,
    /// The district of a DISTRICT target.
    pub district: Option<District>,
    /// `docs/sources.md` citation.
    pub source: &'static str,
}

const TEN_MEASURES_3: &str =
    "2030年年底前，依托优质技工院校建设1个产教融合实训基地和3个公共实训基地。";

/// The targets the documents state as numbers.
pub const TARGETS: [TargetSeed; 8] = [
    TargetSeed {
        indicator: TargetIndicator::CouncilMeetings,
        title: "原则上每年召开1次理事会会议。",
        value: 1.0,
        per_year: true,
        due: None,
        scope: TargetScope::Alliance,
        district: None,
        source: "Founding notice 三(一)",
    },
    TargetSeed {
        indicator: TargetIndicator::IndustryEducationBases,
        title: TEN_MEASURES_3,
        value: 1.0,
        per_year: false,
        due: Some((2030, 12, 31)),
        scope: TargetScope::Alliance,
        district: None,
        source: "Ten Measures (3)",
    },
    TargetSeed {
        indicator: TargetIndicator::PublicTrainingBases,
        title: TEN_MEASURES_3,
        value: 3.0,
        per_year: false,
        due: Some((2030, 12, 31)),
        scope: TargetScope::Alliance,
        district: None,
        source: "Ten Measures (3)",
    },
    TargetSeed {
        indicator: TargetIndicator::ReserveCraftsmen,
        title: "实施“威海工匠后备人才”培养工程，每年遴选 500名中高职学生作为培养对象。",
        value: 500.0,
        per_year: true,
        due: None,
        scope: TargetScope::Alliance,
        district: None,
        source: "Weihai 2020 plan (十); task 17",
    },
    TargetSeed {
        indicator: TargetIndicator::DemonstrationApprenticeshipBases,
        title: "鼓励学校按专业在企业设立学徒基地，到 2023年，建设 15个以上市级示范性企业学徒基地。",
        value: 15.0,
        per_year: false,
        due: Some((2023, 12, 31)),
        scope: TargetScope::Alliance,
        district: None,
        source: "Weihai 2020 plan, task 19",
    },
    TargetSeed {
        indicator: TargetIndicator::DemonstrationApprenticeshipBases,
        title: "到2023年，职业学校按专业建立企业学徒基地，建设1个市级示范性企业学徒基地。",
        value: 1.0,
        per_year: false,
        due: Some((2023, 12, 31)),
        scope: TargetScope::District,
        district: Some(District::Huancui),
        source: "Huancui task list, item 6",
    },
    TargetSeed {
        indicator: TargetIndicator::CertifiedEnterprises,
        title: "推动产教融合型企业建设，到 2023年，争取 30家企业通过省级产教融合型企业认定。",
        value: 30.0,
        per_year: false,
        due: Some((2023, 12, 31)),
        scope: TargetScope::Alliance,
        district: None,
        source: "Weihai 2020 plan (九); task 15",
    },
    TargetSeed {
        indicator: TargetIndicator::DualQualifiedShare,
        title: "加快“双师型”队伍建设，到 2022年，专业教师“双师型”比例达到 80%。",
        value: 80.0,
        per_year: false,
        due: Some((2022, 12, 31)),
        scope: TargetScope::Alliance,
        district: None,
        source: "Weihai 2020 plan, task 30",
    },
];
