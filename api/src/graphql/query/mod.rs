//! The query root, merged from one object per area.

mod node;
mod order_class;
mod registry;
mod viewer;

pub use order_class::{OrderClassDemandFilter, OrderClassFilter};
pub use registry::{MemberUnitFilter, MemberUnitOrder, MemberUnitOrderField, OrderDirection};
pub use viewer::CurrentAccount;

/// The query root.
#[derive(async_graphql::MergedObject, Default)]
pub struct Query(
    node::NodeQuery,
    registry::RegistryQuery,
    order_class::OrderClassQuery,
    viewer::ViewerQuery,
);
