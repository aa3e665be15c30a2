//! The query root, merged from one object per area.

mod audit;
mod committees;
mod contests;
mod labels;
mod node;
mod order_class;
mod people;
mod placement;
mod plan;
mod platforms;
mod registry;
mod sharing;
mod training;
mod viewer;

pub use audit::{AuditEventFilter, history};
pub use labels::{EnumLabels, EnumValueLabel, MAX_ENUM_NAMES};
pub use placement::{
    InternshipPostCompliance, InternshipPostsReport, RetentionRow, internship_posts_of,
};
pub use plan::{MemberCompliance, compliance_of};
pub use registry::{MemberUnitOrderField, OrderDirection};
pub use viewer::CurrentAccount;

/// The query root.
#[derive(async_graphql::MergedObject, Default)]
pub struct Query(
    node::NodeQuery,
    registry::RegistryQuery,
    order_class::OrderClassQuery,
    placement::PlacementQuery,
    plan::PlanQuery,
    viewer::ViewerQuery,
    labels::LabelsQuery,
    audit::AuditQuery,
    committees::CommitteesQuery,
    people::PeopleQuery,
    platforms::PlatformQuery,
    sharing::SharingQuery,
    contests::ContestQuery,
    training::TrainingQuery,
);
