//! Rules that derive a member unit's kind and district from its name.
//!
//! The annex of the Founding notice prints names only. Kind and district are read off the
//! name by the rules below, in order, first match wins; what a name does not state stays unknown
//! (district null), never guessed. The rules are tested against every annex name in this crate's
//! tests.

use entity::enums::{District, MemberUnitKind};

/// Kind rules, tried in order; the first whose marker occurs in the name wins.
///
/// The order matters: `威海市建筑职工培训学校` is a training institution, not a school, so 培训
/// comes before 学校; 高级技工学校 comes before 技工学校. A name that matches none is an
/// enterprise (企业): the annex's firms end in 有限公司, 集团, 酒店, 饭店, 宾馆 and the like.
pub const KIND_RULES: &[(&str, MemberUnitKind)] = &[
    ("培训", MemberUnitKind::TrainingInstitution),
    ("创业大学", MemberUnitKind::TrainingInstitution),
    ("技师学院", MemberUnitKind::TechnicianCollege),
    ("高级技工学校", MemberUnitKind::SeniorTechnicalSchool),
    ("技工学校", MemberUnitKind::TechnicalSchool),
    ("职业学院", MemberUnitKind::VocationalCollege),
    // 中等专业学校 and the other specialised secondary schools (师范, 艺术, 商业, 水产, 外国语 …).
    ("学校", MemberUnitKind::SecondaryVocationalSchool),
    ("医院", MemberUnitKind::PublicInstitution),
    ("保健院", MemberUnitKind::PublicInstitution),
    ("人力资源", MemberUnitKind::HrServiceAgency),
    ("人才", MemberUnitKind::HrServiceAgency),
    ("研究院", MemberUnitKind::ResearchInstitute),
    ("研究所", MemberUnitKind::ResearchInstitute),
    ("协会", MemberUnitKind::IndustryAssociation),
];

/// District rules: a district is set only where the name itself states it.
///
/// 高技术产业开发区 is the torch high-tech zone (高区); 经区 is the economic and technological
/// development zone, as in 中国联合网络通信有限公司威海市经区分公司. 威海 alone names the city,
/// not a district, and says nothing.
pub const DISTRICT_RULES: &[(&str, District)] = &[
    ("文登", District::Wendeng),
    ("荣成", District::Rongcheng),
    ("乳山", District::Rushan),
    ("高技术产业开发区", District::TorchHighTechZone),
    ("经区", District::EconomicDevelopmentZone),
    ("环翠", District::Huancui),
    ("临港", District::LingangZone),
    ("南海新区", District::NanhaiNewArea),
];

/// The kind a name states, by [`KIND_RULES`]; [`MemberUnitKind::Enterprise`] when no rule matches.
pub fn kind_from_name(name: &str) -> MemberUnitKind {
    KIND_RULES
        .iter()
        .find(|(marker, _)| name.contains(marker))
        .map_or(MemberUnitKind::Enterprise, |&(_, kind)| kind)
}

/// The district a name states, by [`DISTRICT_RULES`]; `None` when it states none.
pub fn district_from_name(name: &str) -> Option<District> {
    DISTRICT_RULES
        .iter()
        .find(|(marker, _)| name.contains(marker))
        .map(|&(_, district)| district)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_school_is_a_training_institution_not_a_school() {
        assert_eq!(
            kind_from_name("威海市建筑职工培训学校"),
            MemberUnitKind::TrainingInstitution
        );
    }

    #[test]
    fn senior_technical_school_is_not_a_plain_technical_school() {
        assert_eq!(
            kind_from_name("威海机械工程高级技工学校"),
            MemberUnitKind::SeniorTechnicalSchool
        );
        assert_eq!(
            kind_from_name("山东大田技工学校"),
            MemberUnitKind::TechnicalSchool
        );
    }

    #[test]
    fn names_without_a_marker_are_enterprises_with_no_district() {
        assert_eq!(
            kind_from_name("威高集团股份有限公司"),
            MemberUnitKind::Enterprise
        );
        assert_eq!(district_from_name("威高集团股份有限公司"), None);
        assert_eq!(district_from_name("亿和精密工业（威海）有限公司"), None);
    }

    #[test]
    fn district_is_read_from_the_name() {
        assert_eq!(
            district_from_name("三星重工业（荣成）有限公司"),
            Some(District::Rongcheng)
        );
        assert_eq!(
            district_from_name("威海火炬高技术产业开发区渔巷酒店"),
            Some(District::TorchHighTechZone)
        );
        assert_eq!(
            district_from_name("中国联合网络通信有限公司威海市经区分公司"),
            Some(District::EconomicDevelopmentZone)
        );
    }
}
