//! The query root, merged from one object per area.

mod node;
mod registry;
mod viewer;

pub use registry::{MemberUnitFilter, MemberUnitOrder, MemberUnitOrderField, OrderDirection};
pub use viewer::CurrentAccount;

/// The query root.
#[derive(async_graphql::MergedObject, Default)]
pub struct Query(
    node::NodeQuery,
    registry::RegistryQuery,
    viewer::ViewerQuery,
);
