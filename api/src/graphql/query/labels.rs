//! The labels of every enum of the API in Chinese and English (`enumLabels`), so a front end shows
//! `培养中` for `IN_TRAINING` without a translation table of its own. The labels are the
//! catalogue's `enum-<Enum>-<VALUE>` entries (`api/locales/*/enums.ftl`); a test over HTTP checks
//! that every enum the schema has is here, with a label for every value in both languages.

use std::borrow::Cow;

use async_graphql::{Context, EnumType, Object, OutputType, SimpleObject};

use crate::graphql::error::{ApiError, ApiResult};
use crate::i18n::{Locale, enum_label};
use crate::msg;

/// Most enum names one `enumLabels` call may name.
pub const MAX_ENUM_NAMES: usize = 50;

/// One value of an enum with its labels.
#[derive(SimpleObject, Debug, Clone)]
pub struct EnumValueLabel {
    /// The value as the API spells it, e.g. `IN_TRAINING`.
    pub value: String,
    /// Its label in the request's language (`Accept-Language`; `DEFAULT_LOCALE` otherwise).
    pub label: String,
    /// Its label in Chinese (zh-CN), e.g. `培养中`.
    pub label_zh_cn: String,
    /// Its label in English, e.g. `In training`.
    pub label_en: String,
}

/// An enum of the API with the labels of its values, in the schema's order.
#[derive(SimpleObject, Debug, Clone)]
pub struct EnumLabels {
    /// The enum's name in the schema, e.g. `OrderClassStatus`.
    pub name: String,
    /// Its values with their labels.
    pub values: Vec<EnumValueLabel>,
}

/// An enum's GraphQL name and its values' names.
type EnumNames = (Cow<'static, str>, Vec<&'static str>);

macro_rules! enums {
    ($($t:ty),* $(,)?) => {
        vec![$((
            <$t as OutputType>::type_name(),
            <$t as EnumType>::items().iter().map(|i| i.name).collect::<Vec<_>>(),
        )),*]
    };
}

/// Every enum of the schema, by name, with its values.
fn all_enums() -> Vec<EnumNames> {
    use crate::events::{DemandEventKind, OrderClassEventKind};
    use crate::graphql::object::{
        ApprenticeshipRole, InternshipPlacementRole, OrderClassDemandRole, OrderClassRole,
        TeacherPracticeRole, TrainingSiteRole,
    };
    use crate::graphql::query::{MemberUnitOrderField, OrderDirection};
    use entity::enums as e;
    enums![
        e::AccountRole,
        e::ApprenticeshipMode,
        ApprenticeshipRole,
        e::ApprenticeshipStatus,
        e::ArrangedBy,
        e::AuditAction,
        e::AuditSource,
        e::CommitteeKind,
        e::CommitteeRole,
        crate::plan::ComplianceRule,
        e::CouncilRole,
        e::CraftsmanRole,
        DemandEventKind,
        e::DemandStatus,
        e::District,
        e::EvaluationIndicator,
        e::EvaluationItemKind,
        e::EvaluationScorer,
        e::EvaluationStatus,
        e::EventKind,
        e::EventRole,
        e::Gender,
        InternshipPlacementRole,
        e::MemberUnitKind,
        e::MentorQualification,
        MemberUnitOrderField,
        OrderClassDemandRole,
        OrderClassEventKind,
        OrderClassRole,
        crate::order_class::OrderClassRule,
        e::OrderClassStatus,
        OrderDirection,
        e::OutcomeStatus,
        e::ResolutionStatus,
        e::WorkPlanStatus,
        e::ReserveCraftsmanStatus,
        e::CertificationLevel,
        e::CertificationStatus,
        e::PlatformKind,
        e::SharedResourceKind,
        e::ResourceBookingStatus,
        e::ContestKind,
        e::ContestLevel,
        e::ContestantKind,
        e::ContestAward,
        e::ResearchStatus,
        e::SkillLevel,
        e::FundingDepartment,
        crate::people::PlatformLevel,
        e::TargetIndicator,
        e::TargetScope,
        crate::placement::PlacementRule,
        e::PlacementStatus,
        crate::placement::RetentionGroup,
        crate::placement::Severity,
        e::SiteKind,
        e::SiteStatus,
        e::TargetGroup,
        TeacherPracticeRole,
        e::Term,
        TrainingSiteRole,
        e::UnitCategory,
        crate::error::ViolationCode,
        e::VenueType,
    ]
}

fn label(locale: Locale, enum_name: &str, value: &str) -> String {
    // The catalogue test and the HTTP test see that every label exists; a missing one would
    // show as the value itself rather than fail the request.
    enum_label(locale, enum_name, value).unwrap_or_else(|| value.to_owned())
}

/// The query's part for labels.
#[derive(Default)]
pub struct LabelsQuery;

#[Object]
impl LabelsQuery {
    /// The labels of the API's enum values in Chinese and English — for drop-downs, table cells
    /// and filters. Public (labels are no one's data). `enums` names the enums wanted (at most
    /// 50, e.g. `["OrderClassStatus", "PlacementStatus"]`); omitted, every enum of the schema, in
    /// alphabetical order.
    ///
    /// Errors: `BAD_USER_INPUT` for more than 50 names or a name that is no enum of the schema.
    async fn enum_labels(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Names of the enums wanted, as the schema names them (at most 50); all when omitted."
        )]
        enums: Option<Vec<String>>,
    ) -> ApiResult<Vec<EnumLabels>> {
        let locale = Locale::of(ctx);
        let all = all_enums();
        let wanted: Vec<&EnumNames> = match &enums {
            None => all.iter().collect(),
            Some(names) => {
                if names.len() > MAX_ENUM_NAMES {
                    return Err(ApiError::BadUserInput(msg!(
                        "enum-labels-too-many",
                        max = MAX_ENUM_NAMES
                    ))
                    .into());
                }
                names
                    .iter()
                    .map(|n| {
                        all.iter().find(|(name, _)| name == n).ok_or_else(|| {
                            let shown: String = n.chars().take(64).collect();
                            ApiError::BadUserInput(msg!("enum-labels-unknown", name = shown))
                        })
                    })
                    .collect::<Result<_, _>>()?
            }
        };
        Ok(wanted
            .into_iter()
            .map(|(name, values)| EnumLabels {
                name: name.to_string(),
                values: values
                    .iter()
                    .map(|value| EnumValueLabel {
                        value: (*value).to_owned(),
                        label: label(locale, name, value),
                        label_zh_cn: label(Locale::ZhCn, name, value),
                        label_en: label(Locale::En, name, value),
                    })
                    .collect(),
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_enum_value_has_a_label_in_both_languages() {
        let mut missing = Vec::new();
        for (name, values) in all_enums() {
            for value in values {
                for locale in Locale::ALL {
                    if enum_label(locale, &name, value).is_none() {
                        missing.push(format!("{locale}: enum-{name}-{value}"));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "labels missing: {missing:?}");
    }
}
