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
use crate::order_class::age_on;

/// A rule of `docs/internship-rules.md` (and the plan's 2% rule, reported separately).
#[derive(async_graphql::Enum, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlacementRule {
    /// No 岗位实习 without a signed tripartite agreement (school, host, student; a minor's
    /// guardian too) — 2021 rules, ch. 3.
    AgreementRequired,
    /// School-organised placements need the student's (and a minor's guardian's) informed consent —
    /// 2021 rules, ch. 2.
    ConsentRequired,
    /// No 岗位实习 for first-year students — art. 16 (1). The year of study must be recorded.
    FirstYearStudent,
    /// No 岗位实习 under 16 (age on the start date) — art. 16 (2).
    Under16,
    /// Minors do no work banned by 《未成年工特殊保护规定》 — art. 16 (3).
    MinorForbiddenWork,
    /// No placements in bars, nightclubs, KTV, bath centres, game halls, internet cafés — art. 16 (5).
    ForbiddenVenue,
    /// No placements arranged by intermediaries or paid agents; an HR-service agency may host only
    /// in its own offices — art. 16 (6).
    Intermediary,
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
    pub fn summary(self) -> &'static str {
        match self {
            Self::AgreementRequired => "a signed tripartite agreement is required",
            Self::ConsentRequired => "informed consent is required",
            Self::FirstYearStudent => "the student's year of study does not allow 岗位实习",
            Self::Under16 => "the student's age does not allow 岗位实习",
            Self::MinorForbiddenWork => "the post is not allowed for this student",
            Self::ForbiddenVenue => "the venue is forbidden for student internships",
            Self::Intermediary => "the placement may not go through an intermediary",
            Self::PayBelowFloor => "pay is below 80% of the post's wage",
            Self::NoNightOrOvertime => "no night shifts, overtime or holiday work",
            Self::InsuranceRequired => "liability insurance must cover the whole placement",
            Self::RatioHost => "interns exceed 10% of the host's staff",
            Self::RatioPost => "interns exceed 20% of the staff on the post",
            Self::Duration => "the placement is far from the usual six months",
            Self::NoFees => "the host has not attested that it charges no fees",
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
            Self::FirstYearStudent => ViolationCode::FirstYearStudent,
            Self::Under16 => ViolationCode::Under16,
            Self::MinorForbiddenWork => ViolationCode::MinorForbiddenWork,
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
    /// What is wrong, with the figures.
    pub message: String,
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

/// Every rule `p` does not meet, blocking first.
pub fn findings(
    p: &internship_placement::Model,
    s: &student::Model,
    host: Option<&member_unit::Model>,
    counts: InternCounts,
) -> Vec<Finding> {
    use PlacementRule as R;
    let mut out = Vec::new();
    let mut add = |rule, message: String| out.push(Finding { rule, message });
    let age = age_on(s.date_of_birth, p.start_date);
    let minor = age < 18;
    match p.agreement_signed_on {
        None => add(
            R::AgreementRequired,
            "no signed tripartite agreement is recorded".into(),
        ),
        Some(_) if minor && !p.agreement_guardian_signed => add(
            R::AgreementRequired,
            format!(
                "the student is {age} on the start date: the guardian must sign the agreement too"
            ),
        ),
        Some(_) => {}
    }
    if !p.consent_given {
        add(
            R::ConsentRequired,
            "the student's informed consent is not recorded".into(),
        );
    } else if minor && !p.guardian_consent_given {
        add(
            R::ConsentRequired,
            format!(
                "the student is {age} on the start date: the guardian's informed consent is needed too"
            ),
        );
    }
    match s.year_of_study {
        Some(1) => add(
            R::FirstYearStudent,
            "first-year students may not do 岗位实习".into(),
        ),
        None => add(
            R::FirstYearStudent,
            "the student's year of study is not recorded".into(),
        ),
        Some(_) => {}
    }
    if age < 16 {
        add(
            R::Under16,
            format!("the student is {age} on the start date; the minimum is 16"),
        );
    }
    if p.hazardous && minor {
        add(
            R::MinorForbiddenWork,
            format!("the post is hazardous and the student is {age}"),
        );
    }
    if p.venue_type.is_forbidden() {
        add(
            R::ForbiddenVenue,
            format!(
                "{} is a forbidden venue",
                crate::text::api_name(&p.venue_type)
            ),
        );
    }
    if p.arranged_by == ArrangedBy::Intermediary {
        add(
            R::Intermediary,
            "the placement was arranged by an intermediary".into(),
        );
    } else if p.works_elsewhere && host.is_some_and(|h| h.kind == MemberUnitKind::HrServiceAgency) {
        add(
            R::Intermediary,
            "an HR-service agency hosts the student while the student works at another firm".into(),
        );
    }
    if i64::from(p.monthly_pay) * 5 < i64::from(p.post_wage) * 4 {
        add(
            R::PayBelowFloor,
            format!(
                "pay {} CNY is below 80% of the post's wage {} CNY",
                p.monthly_pay, p.post_wage
            ),
        );
    }
    if p.night_shifts || p.overtime || p.weekly_hours > STANDARD_WEEK_HOURS {
        add(
            R::NoNightOrOvertime,
            format!(
                "schedule: {} h/week{}{}",
                p.weekly_hours,
                if p.night_shifts { ", night shifts" } else { "" },
                if p.overtime {
                    ", overtime or holiday work"
                } else {
                    ""
                }
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
            "no liability insurance covering the whole placement".into(),
        );
    }
    if let Some(staff) = host.and_then(|h| h.employee_count).filter(|s| *s > 0)
        && counts.host * 10 > i64::from(staff)
    {
        add(
            R::RatioHost,
            format!(
                "{} interns for {staff} staff at the host: more than 10%",
                counts.host
            ),
        );
    }
    if let Some(staff) = p.post_staff_count.filter(|s| *s > 0)
        && counts.post * 5 > i64::from(staff)
    {
        add(
            R::RatioPost,
            format!(
                "{} interns for {staff} staff on the post: more than 20%",
                counts.post
            ),
        );
    }
    let m = months(p.start_date, p.end_date);
    if !(3.0..=9.0).contains(&m) {
        add(
            R::Duration,
            format!("{m} months; 岗位实习 normally lasts about 6"),
        );
    }
    if !p.no_fees_attested {
        add(
            R::NoFees,
            "the host has not attested that it charges no fees and holds no ID cards".into(),
        );
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
        let mut rules: Vec<_> = findings(&p, &s, Some(&host), counts)
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
        let found = findings(&p, &s, Some(&host), counts);
        let blocking: Vec<bool> = found.iter().map(|f| f.rule.blocking()).collect();
        assert_eq!(blocking, [true, false, false]);
        assert!(PlacementRule::ConsentRequired.blocking());
        assert!(!PlacementRule::NoFees.blocking());
    }
}
