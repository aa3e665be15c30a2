//! The order-class rules of Ten Measures (5) and the five integrations of Founding notice 二(三)6: pure
//! checks of a training plan, callable without a database.

use entity::{member_unit, order_class, order_class_sponsor};

use crate::error::{Violation, ViolationCode};
use crate::i18n::Message;
use crate::msg;

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

impl TrainingPlan {
    /// The plan of a stored class.
    pub fn of(class: &order_class::Model) -> Self {
        Self {
            total_specialty_hours: class.total_specialty_hours,
            enterprise_workshop_hours: class.enterprise_workshop_hours,
            core_practice_hours: class.core_practice_hours,
            ordinary_class_practice_hours: class.ordinary_class_practice_hours,
        }
    }

    /// At least 50% of the specialty hours are taught in enterprise workshops (Ten Measures (5)).
    /// A plan without specialty hours cannot meet a share of them.
    pub fn enterprise_hours_at_least_half(&self) -> bool {
        self.total_specialty_hours > 0
            && i64::from(self.enterprise_workshop_hours) * 2
                >= i64::from(self.total_specialty_hours)
    }

    /// Core-skill practice is at least 150% of the ordinary class's (Ten Measures (5): "增加50%以上").
    /// A plan without core practice cannot meet it.
    pub fn core_practice_at_least_150(&self) -> bool {
        self.core_practice_hours > 0
            && i64::from(self.core_practice_hours) * 2
                >= i64::from(self.ordinary_class_practice_hours) * 3
    }
}

/// The sponsors' seats of a class: their sum, and whether it equals the planned seats (every
/// planned seat belongs to one sponsoring firm, Founding notice 二(三)6).
pub fn sponsor_seats(seats: impl IntoIterator<Item = i32>, planned: i32) -> (i64, bool) {
    let sum: i64 = seats.into_iter().map(i64::from).sum();
    (sum, sum == i64::from(planned))
}

/// One of the five integrations (五融通): agreed with the firms or not, and a note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Integration {
    /// Agreed.
    pub agreed: bool,
    /// Note.
    pub note: Option<String>,
}

/// The five integrations (五融通, Founding notice 二(三)6).
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

/// A rule an order class is checked against when it is agreed, named by what must hold; a class
/// that does not meet it is refused with the user-error code of [`OrderClassRule::code`] (e.g.
/// `ENTERPRISE_HOURS_AT_LEAST_HALF` unmet → `ENTERPRISE_HOURS_BELOW_HALF`).
#[derive(async_graphql::Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderClassRule {
    /// ≥ 50% of specialty course hours in enterprise workshops (Ten Measures (5)).
    EnterpriseHoursAtLeastHalf,
    /// Core-skill practice ≥ 150% of the ordinary class's (Ten Measures (5): "增加50%以上").
    CorePracticeAtLeast150Percent,
    /// Planned seats > 0.
    SeatsPositive,
    /// The sponsors' seats sum to the planned seats.
    SponsorSeatsMatchPlan,
    /// Every sponsor may sponsor order classes (Founding notice 二(三)6: classes are trained to
    /// enterprises' orders): enterprises and HR-service agencies by kind, other bodies only when
    /// the secretariat allows them (`MemberUnit.maySponsor`), schools never.
    SponsorsAreEnterprises,
}

impl OrderClassRule {
    /// The user-error code that reports a violation of the rule.
    pub fn code(self) -> ViolationCode {
        match self {
            Self::EnterpriseHoursAtLeastHalf => ViolationCode::EnterpriseHoursBelowHalf,
            Self::CorePracticeAtLeast150Percent => ViolationCode::CorePracticeBelow150,
            Self::SeatsPositive => ViolationCode::MustBePositive,
            Self::SponsorSeatsMatchPlan => ViolationCode::SponsorSeatsMismatch,
            Self::SponsorsAreEnterprises => ViolationCode::SponsorNotEnterprise,
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
    /// The figures behind the verdict (rendered in the reader's language).
    pub detail: Message,
}

/// Checks `class` with its `sponsors` (each with its unit) against every [`OrderClassRule`].
pub fn check_rules(
    class: &order_class::Model,
    sponsors: &[(order_class_sponsor::Model, Option<member_unit::Model>)],
) -> Vec<RuleCheck> {
    let plan = TrainingPlan::of(class);
    let (seat_sum, seats_match) =
        sponsor_seats(sponsors.iter().map(|(s, _)| s.seats), class.planned_seats);
    let not_enterprise: Vec<&str> = sponsors
        .iter()
        .filter(|(_, u)| {
            u.as_ref()
                .is_none_or(|u| !crate::registry::may_sponsor_order_classes(u))
        })
        .map(|(_, u)| u.as_ref().map_or("?", |u| u.name.as_str()))
        .collect();
    vec![
        RuleCheck {
            rule: OrderClassRule::EnterpriseHoursAtLeastHalf,
            met: plan.enterprise_hours_at_least_half(),
            detail: msg!(
                "order-class-rule-enterprise-hours",
                workshop = class.enterprise_workshop_hours,
                total = class.total_specialty_hours
            ),
        },
        RuleCheck {
            rule: OrderClassRule::CorePracticeAtLeast150Percent,
            met: plan.core_practice_at_least_150(),
            detail: msg!(
                "order-class-rule-core-practice",
                core = class.core_practice_hours,
                ordinary = class.ordinary_class_practice_hours
            ),
        },
        RuleCheck {
            rule: OrderClassRule::SeatsPositive,
            met: class.planned_seats > 0,
            detail: msg!("order-class-rule-seats", seats = class.planned_seats),
        },
        RuleCheck {
            rule: OrderClassRule::SponsorSeatsMatchPlan,
            met: seats_match,
            detail: msg!(
                "order-class-rule-sponsor-seats",
                taken = seat_sum,
                planned = class.planned_seats
            ),
        },
        RuleCheck {
            rule: OrderClassRule::SponsorsAreEnterprises,
            met: not_enterprise.is_empty() && !sponsors.is_empty(),
            detail: if sponsors.is_empty() {
                msg!("order-class-rule-no-sponsor")
            } else if not_enterprise.is_empty() {
                msg!("order-class-rule-sponsors-ok")
            } else {
                msg!(
                    "order-class-rule-sponsors-not-enterprises",
                    names = not_enterprise.join(", ")
                )
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
                msg!("order-class-plan-hours-negative", field = field),
            ));
        }
    }
    if plan.enterprise_workshop_hours > plan.total_specialty_hours {
        errors.push(Violation::on(
            "plan.enterpriseWorkshopHours",
            ViolationCode::Invalid,
            msg!("order-class-plan-workshop-exceeds-total"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(total: i32, workshop: i32, core: i32, ordinary: i32) -> TrainingPlan {
        TrainingPlan {
            total_specialty_hours: total,
            enterprise_workshop_hours: workshop,
            core_practice_hours: core,
            ordinary_class_practice_hours: ordinary,
        }
    }

    #[test]
    fn enterprise_workshops_need_half_of_the_specialty_hours() {
        // (total, workshop, met)
        for (total, workshop, met) in [
            (1200, 600, true),
            (1200, 599, false),
            (1201, 601, true),
            (1201, 600, false),
            (0, 0, false),
            (i32::MAX, i32::MAX, true),
        ] {
            assert_eq!(
                plan(total, workshop, 0, 0).enterprise_hours_at_least_half(),
                met,
                "{workshop} of {total}"
            );
        }
    }

    #[test]
    fn core_practice_needs_150_percent_of_the_ordinary_class() {
        // (core, ordinary, met)
        for (core, ordinary, met) in [
            (450, 300, true),
            (449, 300, false),
            (1, 0, true),
            (0, 0, false),
            (i32::MAX, i32::MAX, false),
        ] {
            assert_eq!(
                plan(0, 0, core, ordinary).core_practice_at_least_150(),
                met,
                "{core} against {ordinary}"
            );
        }
    }

    #[test]
    fn sponsor_seats_must_add_up_to_the_planned_seats() {
        assert_eq!(sponsor_seats([30, 10], 40), (40, true));
        assert_eq!(sponsor_seats([30, 9], 40), (39, false));
        assert_eq!(sponsor_seats([], 0), (0, true));
        assert_eq!(
            sponsor_seats([i32::MAX, i32::MAX], 1),
            (2 * i64::from(i32::MAX), false)
        );
    }

    #[test]
    fn check_rules_reports_every_rule_once_with_its_verdict() {
        use crate::fixtures;
        use entity::enums::MemberUnitKind;
        let firm = fixtures::unit(MemberUnitKind::Enterprise, "威高集团股份有限公司");
        let school = fixtures::unit(MemberUnitKind::TechnicianCollege, "威海技师学院");
        let class = order_class::Model {
            planned_seats: 40,
            total_specialty_hours: 1200,
            enterprise_workshop_hours: 500,
            core_practice_hours: 450,
            ordinary_class_practice_hours: 300,
            ..fixtures::order_class(school.id)
        };
        let sponsor = |seats, unit: &member_unit::Model| order_class_sponsor::Model {
            id: uuid::Uuid::now_v7(),
            order_class_id: class.id,
            enterprise_id: unit.id,
            seats,
            accepted_at: None,
            accepted_by: None,
        };
        let sponsors = vec![
            (sponsor(30, &firm), Some(firm.clone())),
            (sponsor(10, &school), Some(school.clone())),
        ];
        let checks = check_rules(&class, &sponsors);
        let verdict: Vec<(OrderClassRule, bool)> = checks.iter().map(|c| (c.rule, c.met)).collect();
        assert_eq!(
            verdict,
            [
                (OrderClassRule::EnterpriseHoursAtLeastHalf, false),
                (OrderClassRule::CorePracticeAtLeast150Percent, true),
                (OrderClassRule::SeatsPositive, true),
                (OrderClassRule::SponsorSeatsMatchPlan, true),
                (OrderClassRule::SponsorsAreEnterprises, false),
            ]
        );
        assert!(
            checks[4]
                .detail
                .render(crate::i18n::Locale::En)
                .contains("威海技师学院")
        );
    }
}
