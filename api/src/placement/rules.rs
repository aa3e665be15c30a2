//! The national internship rules (职业学校学生实习管理规定, 教职成〔2021〕4号; `docs/internship-rules.md`) as
//! pure functions: every finding a placement has now, blocking or warning.
//!
//! [`findings`] is longer than our ~80-line habit on purpose: it is one block per rule, in the
//! order of the rules' text, so that it can be read against the document rule by rule. Its
//! table-driven test is long for the same reason (one row per fact that breaks a rule).

use chrono::NaiveDate;
use entity::enums::{ArrangedBy, MemberUnitKind};
use entity::{internship_placement, member_unit, student};

use crate::error::ViolationCode;
use crate::i18n::{Arg, Message};
use crate::msg;
use crate::order_class::age_on;

/// A rule of `docs/internship-rules.md` (and the plan's 2% rule, reported separately).
#[derive(async_graphql::Enum, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlacementRule {
    /// No 岗位实习 without a signed tripartite agreement (school, host, student; a minor's
    /// guardian too) — 2021 rules, ch. 3.
    AgreementRequired,
    /// School-organised placements need the student's (and a minor's guardian's) informed consent —
    /// 2021 rules, ch. 2. "School-organised" is every placement the student did not arrange
    /// (`arrangedBy` `SCHOOL` or `HOST`).
    ConsentRequired,
    /// A placement the student arranged needs the school's approval of the student's application
    /// instead — 2021 rules, ch. 2.
    SchoolApprovalRequired,
    /// No 岗位实习 for first-year students — art. 16 (1). The year of study must be recorded.
    FirstYearStudent,
    /// No 岗位实习 under 16 (age on the start date) — art. 16 (2).
    Under16,
    /// Minors do no work banned by 《未成年工特殊保护规定》 — art. 16 (3).
    MinorForbiddenWork,
    /// Female students do no work forbidden to female workers by 《女职工劳动保护特别规定》
    /// (State Council decree 619, 2012, annex) — art. 16 (4). The post is flagged so by the school.
    FemaleForbiddenWork,
    /// No placements in bars, nightclubs, KTV, bath centres, game halls, internet cafés — art. 16 (5).
    ForbiddenVenue,
    /// No placements arranged by intermediaries or paid agents; an HR-service agency may host only
    /// in its own offices — art. 16 (6).
    Intermediary,
    /// No work of physical-labour intensity level III or IV (GB 3869-1997 《体力劳动强度分级》) —
    /// art. 16 (7). The post's level is recorded by the school (1–4; not recorded: not checked).
    HeavyLabour,
    /// Pay ≥ 80% of the host's wage for the same post — art. 18.
    PayBelowFloor,
    /// No night shifts, overtime (beyond the standard 40-hour week) or holiday work — 2021 rules,
    /// ch. 3.
    NoNightOrOvertime,
    /// Liability insurance must cover the whole placement — 2021 rules.
    InsuranceRequired,
    /// Interns ≤ 10% of the host's staff — 2016 art. 9, kept "in principle" in 2021 (warning).
    RatioHost,
    /// Interns ≤ 20% of the staff on the same post — 2016 art. 9 (warning).
    RatioPost,
    /// 岗位实习 normally lasts about 6 months; warned outside 3–9 months (warning).
    Duration,
    /// The host attests it charges no deposits or fees and holds no ID cards — 2021 rules (warning
    /// until attested).
    NoFees,
}

impl PlacementRule {
    /// What the rule asks, without the student's figures (shown to a host, which may not see the
    /// intern's age or year of study).
    pub fn summary(self) -> Message {
        match self {
            Self::AgreementRequired => msg!("placement-rule-summary-agreement-required"),
            Self::ConsentRequired => msg!("placement-rule-summary-consent-required"),
            Self::SchoolApprovalRequired => msg!("placement-rule-summary-school-approval-required"),
            Self::FirstYearStudent => msg!("placement-rule-summary-first-year-student"),
            Self::Under16 => msg!("placement-rule-summary-under-16"),
            Self::MinorForbiddenWork => msg!("placement-rule-summary-minor-forbidden-work"),
            Self::FemaleForbiddenWork => msg!("placement-rule-summary-female-forbidden-work"),
            Self::HeavyLabour => msg!("placement-rule-summary-heavy-labour"),
            Self::ForbiddenVenue => msg!("placement-rule-summary-forbidden-venue"),
            Self::Intermediary => msg!("placement-rule-summary-intermediary"),
            Self::PayBelowFloor => msg!("placement-rule-summary-pay-below-floor"),
            Self::NoNightOrOvertime => msg!("placement-rule-summary-no-night-or-overtime"),
            Self::InsuranceRequired => msg!("placement-rule-summary-insurance-required"),
            Self::RatioHost => msg!("placement-rule-summary-ratio-host"),
            Self::RatioPost => msg!("placement-rule-summary-ratio-post"),
            Self::Duration => msg!("placement-rule-summary-duration"),
            Self::NoFees => msg!("placement-rule-summary-no-fees"),
        }
    }

    /// Whether a violation blocks activation (else it is a warning for the committees).
    pub fn blocking(self) -> bool {
        !matches!(
            self,
            Self::RatioHost | Self::RatioPost | Self::Duration | Self::NoFees
        )
    }

    /// The user-error code of a blocking violation.
    pub fn code(self) -> ViolationCode {
        match self {
            Self::AgreementRequired => ViolationCode::AgreementRequired,
            Self::ConsentRequired => ViolationCode::ConsentRequired,
            Self::SchoolApprovalRequired => ViolationCode::SchoolApprovalRequired,
            Self::FirstYearStudent => ViolationCode::FirstYearStudent,
            Self::Under16 => ViolationCode::Under16,
            Self::MinorForbiddenWork => ViolationCode::MinorForbiddenWork,
            Self::FemaleForbiddenWork => ViolationCode::FemaleForbiddenWork,
            Self::HeavyLabour => ViolationCode::HeavyLabour,
            Self::ForbiddenVenue => ViolationCode::ForbiddenVenue,
            Self::Intermediary => ViolationCode::Intermediary,
            Self::PayBelowFloor => ViolationCode::PayBelowFloor,
            Self::NoNightOrOvertime => ViolationCode::NoNightOrOvertime,
            Self::InsuranceRequired => ViolationCode::InsuranceRequired,
            Self::RatioHost | Self::RatioPost | Self::Duration | Self::NoFees => {
                ViolationCode::Invalid
            }
        }
    }
}

/// Blocking or warning.
#[derive(async_graphql::Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Blocks activation.
    Blocking,
    /// Needs a person's judgement; listed for the committees.
    Warning,
}

/// One rule a placement does not meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule.
    pub rule: PlacementRule,
    /// What is wrong, with the figures (rendered in the caller's language).
    pub message: Message,
}

/// Standard working week, hours (国务院关于职工工作时间的规定: 40 hours).
pub const STANDARD_WEEK_HOURS: i32 = 40;

/// Interns at the host and on the same post, for the ratio rules (placements not terminated or
/// completed whose dates overlap this one's, this one included).
#[derive(Debug, Clone, Copy, Default)]
pub struct InternCounts {
    /// At the host.
    pub host: i64,
    /// At the host on the same post title.
    pub post: i64,
}

/// Months between two dates, to one decimal.
fn months(start: NaiveDate, end: NaiveDate) -> f64 {
    ((end - start).num_days() as f64 / 30.44 * 10.0).round() / 10.0
}

/// Every rule `p` does not meet, blocking first; `s` is what the rules read of its student.
pub fn findings(
    p: &internship_placement::RuleFields,
    s: &student::RuleFields,
    host: Option<&member_unit::Model>,
    counts: InternCounts,
) -> Vec<Finding> {
    use PlacementRule as R;
    let mut out = Vec::new();
    let mut add = |rule, message: Message| out.push(Finding { rule, message });
    let age = age_on(s.date_of_birth, p.start_date);
    let minor = age < 18;
    match p.agreement_signed_on {
        None => add(R::AgreementRequired, msg!("placement-rule-no-agreement")),
        Some(_) if minor && !p.agreement_guardian_signed => add(
            R::AgreementRequired,
            msg!("placement-rule-guardian-signature", age = age),
        ),
        Some(_) => {}
    }
    if p.arranged_by == ArrangedBy::Student {
        // The student found the post: the school approves the application instead.
        if p.application_approved_on.is_none() {
            add(
                R::SchoolApprovalRequired,
                msg!("placement-rule-no-school-approval"),
            );
        }
    } else if !p.consent_given {
        add(R::ConsentRequired, msg!("placement-rule-no-consent"));
    } else if minor && !p.guardian_consent_given {
        add(
            R::ConsentRequired,
            msg!("placement-rule-guardian-consent", age = age),
        );
    }
    match s.year_of_study {
        Some(1) => add(
            R::FirstYearStudent,
            msg!("placement-rule-first-year-student"),
        ),
        None => add(
            R::FirstYearStudent,
            msg!("placement-rule-year-of-study-unknown"),
        ),
        Some(_) => {}
    }
    if age < 16 {
        add(R::Under16, msg!("placement-rule-under-16", age = age));
    }
    if p.hazardous && minor {
        add(
            R::MinorForbiddenWork,
            msg!("placement-rule-minor-forbidden-work", age = age),
        );
    }
    if p.female_forbidden_work && s.gender == entity::enums::Gender::Female {
        add(
            R::FemaleForbiddenWork,
            msg!("placement-rule-female-forbidden-work"),
        );
    }
    if p.venue_type.is_forbidden() {
        add(
            R::ForbiddenVenue,
            msg!(
                "placement-rule-forbidden-venue",
                venue = Arg::label(&p.venue_type),
            ),
        );
    }
    if p.arranged_by == ArrangedBy::Intermediary {
        add(R::Intermediary, msg!("placement-rule-intermediary"));
    } else if p.works_elsewhere
        && host.map_or(p.host_is_agency, |h| {
            h.kind == MemberUnitKind::HrServiceAgency
        })
    {
        add(
            R::Intermediary,
            msg!("placement-rule-agency-works-elsewhere"),
        );
    }
    if let Some(level) = p.labour_intensity.filter(|l| *l >= 3) {
        add(
            R::HeavyLabour,
            msg!("placement-rule-heavy-labour", level = i64::from(level)),
        );
    }
    if i64::from(p.monthly_pay) * 5 < i64::from(p.post_wage) * 4 {
        add(
            R::PayBelowFloor,
            msg!(
                "placement-rule-pay-below-floor",
                pay = p.monthly_pay,
                wage = p.post_wage,
            ),
        );
    }
    if p.night_shifts || p.overtime || p.weekly_hours > STANDARD_WEEK_HOURS {
        // Which of night shifts and overtime the schedule has, for the message's wording.
        let extra = match (p.night_shifts, p.overtime) {
            (true, true) => "both",
            (true, false) => "night",
            (false, true) => "overtime",
            (false, false) => "none",
        };
        add(
            R::NoNightOrOvertime,
            msg!(
                "placement-rule-schedule",
                hours = p.weekly_hours,
                extra = extra,
            ),
        );
    }
    let insured = p
        .insurance_policy
        .as_deref()
        .is_some_and(|x| !x.trim().is_empty())
        && p.insurance_start.is_some_and(|d| d <= p.start_date)
        && p.insurance_end.is_some_and(|d| d >= p.end_date);
    if !insured {
        add(
            R::InsuranceRequired,
            msg!("placement-rule-insurance-required"),
        );
    }
    // A member's staff from the registry; another host's as the school reports it.
    let host_staff = host.map_or(p.host_staff_count, |h| h.employee_count);
    if let Some(staff) = host_staff.filter(|s| *s > 0)
        && counts.host * 10 > i64::from(staff)
    {
        add(
            R::RatioHost,
            msg!(
                "placement-rule-ratio-host",
                interns = counts.host,
                staff = staff,
            ),
        );
    }
    if let Some(staff) = p.post_staff_count.filter(|s| *s > 0)
        && counts.post * 5 > i64::from(staff)
    {
        add(
            R::RatioPost,
            msg!(
                "placement-rule-ratio-post",
                interns = counts.post,
                staff = staff,
            ),
        );
    }
    let m = months(p.start_date, p.end_date);
    if !(3.0..=9.0).contains(&m) {
        add(
            R::Duration,
            msg!("placement-rule-duration", months = m.to_string()),
        );
    }
    if !p.no_fees_attested {
        add(R::NoFees, msg!("placement-rule-no-fees"));
    }
    out.sort_by_key(|f| !f.rule.blocking());
    out
}

#[cfg(test)]
mod tests {
    use entity::enums::VenueType;

    use super::*;
    use crate::fixtures::{self, date};

    type Change =
        fn(&mut internship_placement::Model, &mut student::Model, &mut member_unit::Model);

    /// The rules a placement breaks after `change` to a placement that breaks none.
    fn broken(change: Change, counts: InternCounts) -> Vec<PlacementRule> {
        let mut host = fixtures::unit(MemberUnitKind::Enterprise, "威高集团股份有限公司");
        let mut s = fixtures::student(uuid::Uuid::now_v7(), date(2008, 3, 1));
        let mut p = fixtures::placement(&s, &host);
        change(&mut p, &mut s, &mut host);
        let mut rules: Vec<_> = findings(&(&p).into(), &(&s).into(), Some(&host), counts)
            .into_iter()
            .map(|f| f.rule)
            .collect();
        rules.dedup();
        rules
    }

    #[test]
    fn each_rule_is_broken_alone_by_its_own_fact() {
        use PlacementRule as R;
        let cases: Vec<(&str, Change, Vec<PlacementRule>)> = vec![
            ("nothing wrong", |_, _, _| {}, vec![]),
            (
                "no agreement",
                |p, _, _| p.agreement_signed_on = None,
                vec![R::AgreementRequired],
            ),
            (
                "minor without the guardian's signature",
                |p, s, _| {
                    s.date_of_birth = date(2009, 3, 1);
                    p.agreement_guardian_signed = false;
                },
                vec![R::AgreementRequired],
            ),
            (
                "no consent",
                |p, _, _| p.consent_given = false,
                vec![R::ConsentRequired],
            ),
            (
                "student-arranged without the school's approval",
                |p, _, _| {
                    p.arranged_by = ArrangedBy::Student;
                    p.consent_given = false;
                },
                vec![R::SchoolApprovalRequired],
            ),
            (
                "student-arranged with the school's approval needs no consent",
                |p, _, _| {
                    p.arranged_by = ArrangedBy::Student;
                    p.consent_given = false;
                    p.guardian_consent_given = false;
                    p.application_approved_on = Some(date(2026, 8, 1));
                },
                vec![],
            ),
            (
                "minor without the guardian's consent",
                |p, s, _| {
                    s.date_of_birth = date(2009, 3, 1);
                    p.guardian_consent_given = false;
                },
                vec![R::ConsentRequired],
            ),
            (
                "first year",
                |_, s, _| s.year_of_study = Some(1),
                vec![R::FirstYearStudent],
            ),
            (
                "year unknown",
                |_, s, _| s.year_of_study = None,
                vec![R::FirstYearStudent],
            ),
            (
                "under 16",
                |_, s, _| s.date_of_birth = date(2010, 9, 2),
                vec![R::Under16],
            ),
            (
                "hazardous post for a minor",
                |p, s, _| {
                    s.date_of_birth = date(2009, 3, 1);
                    p.hazardous = true;
                },
                vec![R::MinorForbiddenWork],
            ),
            (
                "hazardous post for an adult",
                |p, _, _| p.hazardous = true,
                vec![],
            ),
            (
                "post forbidden to women, female student",
                |p, s, _| {
                    p.female_forbidden_work = true;
                    s.gender = entity::enums::Gender::Female;
                },
                vec![R::FemaleForbiddenWork],
            ),
            (
                "post forbidden to women, male student",
                |p, s, _| {
                    p.female_forbidden_work = true;
                    s.gender = entity::enums::Gender::Male;
                },
                vec![],
            ),
            (
                "labour intensity III",
                |p, _, _| p.labour_intensity = Some(3),
                vec![R::HeavyLabour],
            ),
            (
                "labour intensity IV",
                |p, _, _| p.labour_intensity = Some(4),
                vec![R::HeavyLabour],
            ),
            (
                "labour intensity II",
                |p, _, _| p.labour_intensity = Some(2),
                vec![],
            ),
            (
                "KTV",
                |p, _, _| p.venue_type = VenueType::Ktv,
                vec![R::ForbiddenVenue],
            ),
            (
                "intermediary",
                |p, _, _| p.arranged_by = ArrangedBy::Intermediary,
                vec![R::Intermediary],
            ),
            (
                "agency hosting work elsewhere",
                |p, _, h| {
                    h.kind = MemberUnitKind::HrServiceAgency;
                    p.works_elsewhere = true;
                },
                vec![R::Intermediary],
            ),
            ("pay at 80%", |p, _, _| p.monthly_pay = 3200, vec![]),
            (
                "pay below 80%",
                |p, _, _| p.monthly_pay = 3199,
                vec![R::PayBelowFloor],
            ),
            (
                "night shifts",
                |p, _, _| p.night_shifts = true,
                vec![R::NoNightOrOvertime],
            ),
            (
                "overtime",
                |p, _, _| p.overtime = true,
                vec![R::NoNightOrOvertime],
            ),
            (
                "41 hours",
                |p, _, _| p.weekly_hours = 41,
                vec![R::NoNightOrOvertime],
            ),
            (
                "no policy",
                |p, _, _| p.insurance_policy = None,
                vec![R::InsuranceRequired],
            ),
            (
                "insurance ends early",
                |p, _, _| p.insurance_end = Some(date(2027, 2, 27)),
                vec![R::InsuranceRequired],
            ),
            (
                "two months",
                |p, _, _| p.end_date = date(2026, 11, 1),
                vec![R::Duration],
            ),
            (
                "one year",
                |p, _, _| {
                    p.end_date = date(2027, 9, 1);
                    p.insurance_end = Some(date(2027, 9, 1));
                },
                vec![R::Duration],
            ),
            (
                "no attestation",
                |p, _, _| p.no_fees_attested = false,
                vec![R::NoFees],
            ),
        ];
        for (name, change, expected) in cases {
            assert_eq!(broken(change, InternCounts::default()), expected, "{name}");
        }
    }

    #[test]
    fn ratios_warn_above_10_percent_of_staff_and_20_percent_of_the_post() {
        use PlacementRule as R;
        let staffed: Change = |_, _, h| h.employee_count = Some(100);
        // (interns at the host, on the post (of 100 staff on the post), rules)
        for (host, post, expected) in [
            (10, 20, vec![]),
            (11, 20, vec![R::RatioHost]),
            (10, 21, vec![R::RatioPost]),
        ] {
            let counts = InternCounts { host, post };
            assert_eq!(broken(staffed, counts), expected, "{host} / {post}");
        }
        // Unknown staff: no ratio to judge.
        let counts = InternCounts {
            host: 1000,
            post: 1000,
        };
        let unknown: Change = |p, _, _| p.post_staff_count = None;
        assert_eq!(broken(unknown, counts), Vec::<PlacementRule>::new());
    }

    #[test]
    fn blocking_findings_come_before_warnings() {
        let mut host = fixtures::unit(MemberUnitKind::Enterprise, "威高集团股份有限公司");
        host.employee_count = Some(10);
        let s = fixtures::student(uuid::Uuid::now_v7(), date(2008, 3, 1));
        let p = internship_placement::Model {
            no_fees_attested: false,
            consent_given: false,
            ..fixtures::placement(&s, &host)
        };
        let counts = InternCounts { host: 5, post: 1 };
        let found = findings(&(&p).into(), &(&s).into(), Some(&host), counts);
        let blocking: Vec<bool> = found.iter().map(|f| f.rule.blocking()).collect();
        assert_eq!(blocking, [true, false, false]);
        assert!(PlacementRule::ConsentRequired.blocking());
        assert!(!PlacementRule::NoFees.blocking());
    }

    #[test]
    fn a_host_that_is_no_member_is_judged_by_what_the_school_reports() {
        let member = fixtures::unit(MemberUnitKind::Enterprise, "威高集团股份有限公司");
        let s = fixtures::student(uuid::Uuid::now_v7(), date(2006, 3, 1));
        let rules = |p: &internship_placement::Model, counts: InternCounts| -> Vec<PlacementRule> {
            findings(&p.into(), &(&s).into(), None, counts)
                .into_iter()
                .map(|f| f.rule)
                .filter(|r| *r != PlacementRule::NoFees)
                .collect()
        };
        let fine = internship_placement::Model {
            host_unit_id: None,
            no_fees_attested: true,
            ..fixtures::placement(&s, &member)
        };
        let few = InternCounts { host: 1, post: 1 };
        assert_eq!(rules(&fine, few), []);
        // An agency that sends its intern to work at another firm.
        let agency = internship_placement::Model {
            host_is_agency: true,
            works_elsewhere: true,
            ..fine.clone()
        };
        assert_eq!(rules(&agency, few), [PlacementRule::Intermediary]);
        // 3 interns at a host of 20 staff: above 10%.
        let small = internship_placement::Model {
            host_staff_count: Some(20),
            ..fine.clone()
        };
        assert_eq!(
            rules(&small, InternCounts { host: 3, post: 1 }),
            [PlacementRule::RatioHost]
        );
        assert_eq!(rules(&small, InternCounts { host: 2, post: 1 }), []);
    }
}
