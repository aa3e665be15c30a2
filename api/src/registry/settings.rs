//! What the secretariat decides per unit, read as rules: whether a unit may sponsor order classes,
//! and whether it carries a firm's commitments. Pure functions of the registry row.
//!
//! The documents speak of firms (企业): order classes are trained to "企业" orders (Founding notice
//! 二(三)6), and the commitments of 二(一)3, 二(二)4 and 二(四)10 are each firm's. An HR-service agency
//! is a firm; whether a hospital or a training body is one is not for the code to guess, so it is
//! the secretariat's setting (`may_sponsor_order_classes`, `carries_firm_commitments`).

use entity::enums::{MemberUnitKind, UnitCategory};
use entity::member_unit;

/// Whether `unit` may sponsor order classes (Founding notice 二(三)6): the secretariat's decision
/// when it made one, else by kind — enterprises and HR-service agencies may, other kinds not. A
/// school never sponsors: it runs the class.
pub fn may_sponsor_order_classes(unit: &member_unit::Model) -> bool {
    if unit.kind.is_school() {
        return false;
    }
    unit.may_sponsor_order_classes.unwrap_or(matches!(
        unit.kind,
        MemberUnitKind::Enterprise | MemberUnitKind::HrServiceAgency
    ))
}

/// Whether `unit` answers a firm's commitments in the compliance check and the 2% rule: every
/// unit of category ENTERPRISE, and a non-school unit the secretariat marked
/// (`carries_firm_commitments`, e.g. a training company, 有限公司).
pub fn carries_firm_commitments(unit: &member_unit::Model) -> bool {
    unit.category == UnitCategory::Enterprise
        || (unit.carries_firm_commitments && !unit.kind.is_school())
}

#[cfg(test)]
mod tests {
    use entity::enums::MemberUnitKind as K;

    use super::*;
    use crate::fixtures;

    #[test]
    fn sponsors_by_kind_unless_the_secretariat_decided() {
        // (kind, setting, may sponsor)
        let cases = [
            (K::Enterprise, None, true),
            (K::HrServiceAgency, None, true),
            (K::TrainingInstitution, None, false),
            (K::PublicInstitution, None, false),
            (K::ResearchInstitute, None, false),
            (K::IndustryAssociation, None, false),
            (K::TechnicianCollege, None, false),
            (K::PublicInstitution, Some(true), true),
            (K::TrainingInstitution, Some(true), true),
            (K::Enterprise, Some(false), false),
            (K::HrServiceAgency, Some(false), false),
            // A school runs the class; no setting makes it a sponsor.
            (K::TechnicalSchool, Some(true), false),
        ];
        for (kind, setting, expected) in cases {
            let unit = member_unit::Model {
                may_sponsor_order_classes: setting,
                ..fixtures::unit(kind, "某单位")
            };
            assert_eq!(
                may_sponsor_order_classes(&unit),
                expected,
                "{kind:?} {setting:?}"
            );
        }
    }

    #[test]
    fn firms_and_marked_non_schools_carry_a_firms_commitments() {
        // (kind, marked, carries)
        let cases = [
            (K::Enterprise, false, true),
            (K::HrServiceAgency, false, true),
            (K::TrainingInstitution, false, false),
            (K::TrainingInstitution, true, true),
            (K::PublicInstitution, true, true),
            (K::SecondaryVocationalSchool, true, false),
        ];
        for (kind, marked, expected) in cases {
            let unit = member_unit::Model {
                carries_firm_commitments: marked,
                ..fixtures::unit(kind, "某单位")
            };
            assert_eq!(
                carries_firm_commitments(&unit),
                expected,
                "{kind:?} {marked}"
            );
        }
    }
}
