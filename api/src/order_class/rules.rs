//! The order-class rules of `001_*.txt` (5) and the five integrations of `004_*.txt` 二(三)6: pure
//! checks of a training plan, callable without a database.

use entity::{member_unit, order_class, order_class_sponsor};

use crate::error::{Violation, ViolationCode};

/// Training-plan figures of an order class (hours).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TrainingPlan {
    /// Total specialty course hours.
    pub total_specialty_hours: i32,
    /// Of which taught in enterprise workshops.
    pub enterprise_workshop_hours: i32,
    /// Core-skill practice hours.
    pub core_practice_hours: i32,
    /// The school's ordinary-class core practice hours, same specialty.
    pub ordinary_class_practice_hours: i32,
}

/// One of the five integrations (五融通): agreed with the firms or not, and a note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Integration {
    /// Agreed.
    pub agreed: bool,
    /// Note.
    pub note: Option<String>,
}

/// The five integrations (五融通, `004_*.txt` 二(三)6).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FiveIntegrations {
    /// Course goals (课程目标).
    pub course_goals: Integration,
    /// Course model (课程模式).
    pub course_model: Integration,
    /// Teaching content (教学内容).
    pub content: Integration,
    /// Teaching management (教学管理).
    pub management: Integration,
    /// Assessment (考核评价).
    pub assessment: Integration,
}

/// A rule an order class is checked against when it is agreed.
#[derive(async_graphql::Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderClassRule {
    /// ≥ 50% of specialty course hours in enterprise workshops (`001_*.txt` (5)).
    EnterpriseHoursBelowHalf,
    /// Core-skill practice ≥ 150% of the ordinary class's (`001_*.txt` (5): "增加50%以上").
    CorePracticeBelow150,
    /// Planned seats > 0.
    SeatsNotPositive,
    /// The sponsors' seats sum to the planned seats.
    SponsorSeatsMismatch,
    /// Every sponsor is a non-school member (`004_*.txt` 二(三)6: classes are trained to enterprises'
    /// orders).
    SponsorNotEnterprise,
}

impl OrderClassRule {
    /// The user-error code that reports a violation of the rule.
    pub fn code(self) -> ViolationCode {
        match self {
            Self::EnterpriseHoursBelowHalf => ViolationCode::EnterpriseHoursBelowHalf,
            Self::CorePracticeBelow150 => ViolationCode::CorePracticeBelow150,
            Self::SeatsNotPositive => ViolationCode::MustBePositive,
            Self::SponsorSeatsMismatch => ViolationCode::SponsorSeatsMismatch,
            Self::SponsorNotEnterprise => ViolationCode::SponsorNotEnterprise,
        }
    }
}

/// The outcome of one rule for one class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCheck {
    /// The rule.
    pub rule: OrderClassRule,
    /// Whether the class meets it.
    pub met: bool,
    /// The figures behind the verdict.
    pub detail: String,
}

/// Checks `class` with its `sponsors` (each with its unit) against every [`OrderClassRule`].
pub fn check_rules(
    class: &order_class::Model,
    sponsors: &[(order_class_sponsor::Model, Option<member_unit::Model>)],
) -> Vec<RuleCheck> {
    // A plan without specialty hours or without core practice cannot meet a share of them.
    let half = class.total_specialty_hours > 0
        && i64::from(class.enterprise_workshop_hours) * 2 >= i64::from(class.total_specialty_hours);
    let core = class.core_practice_hours > 0
        && i64::from(class.core_practice_hours) * 2
            >= i64::from(class.ordinary_class_practice_hours) * 3;
    let seat_sum: i64 = sponsors.iter().map(|(s, _)| i64::from(s.seats)).sum();
    let not_enterprise: Vec<&str> = sponsors
        .iter()
        .filter(|(_, u)| u.as_ref().is_none_or(|u| u.kind.is_school()))
        .map(|(_, u)| u.as_ref().map_or("?", |u| u.name.as_str()))
        .collect();
    vec![
        RuleCheck {
            rule: OrderClassRule::EnterpriseHoursBelowHalf,
            met: half,
            detail: format!(
                "{} of {} specialty hours in enterprise workshops; at least 50% required",
                class.enterprise_workshop_hours, class.total_specialty_hours
            ),
        },
        RuleCheck {
            rule: OrderClassRule::CorePracticeBelow150,
            met: core,
            detail: format!(
                "{} core practice hours against {} in an ordinary class; at least 150% required",
                class.core_practice_hours, class.ordinary_class_practice_hours
            ),
        },
        RuleCheck {
            rule: OrderClassRule::SeatsNotPositive,
            met: class.planned_seats > 0,
            detail: format!("{} planned seats", class.planned_seats),
        },
        RuleCheck {
            rule: OrderClassRule::SponsorSeatsMismatch,
            met: seat_sum == i64::from(class.planned_seats),
            detail: format!(
                "sponsors take {seat_sum} seats of {} planned",
                class.planned_seats
            ),
        },
        RuleCheck {
            rule: OrderClassRule::SponsorNotEnterprise,
            met: not_enterprise.is_empty() && !sponsors.is_empty(),
            detail: if sponsors.is_empty() {
                "no sponsoring firm".to_owned()
            } else if not_enterprise.is_empty() {
                "every sponsor is a non-school member".to_owned()
            } else {
                format!("not enterprises: {}", not_enterprise.join(", "))
            },
        },
    ]
}

pub(super) fn check_plan(plan: &TrainingPlan, errors: &mut Vec<Violation>) {
    for (value, field) in [
        (plan.total_specialty_hours, "plan.totalSpecialtyHours"),
        (
            plan.enterprise_workshop_hours,
            "plan.enterpriseWorkshopHours",
        ),
        (plan.core_practice_hours, "plan.corePracticeHours"),
        (
            plan.ordinary_class_practice_hours,
            "plan.ordinaryClassPracticeHours",
        ),
    ] {
        if value < 0 {
            errors.push(Violation::on(
                field,
                ViolationCode::MustBeNonNegative,
                format!("{field} must be 0 or more hours"),
            ));
        }
    }
    if plan.enterprise_workshop_hours > plan.total_specialty_hours {
        errors.push(Violation::on(
            "plan.enterpriseWorkshopHours",
            ViolationCode::Invalid,
            "enterprise workshop hours exceed the total specialty hours",
        ));
    }
}
