//! The mutation root, merged from one object per area. Every mutation is
//! `verbNoun(input: VerbNounInput!): VerbNounPayload!` with `userErrors` (`API-CONVENTIONS.md` §3).

mod auth;
mod order_class;
mod placement;
mod registry;

/// The mutation root.
#[derive(async_graphql::MergedObject, Default)]
pub struct Mutation(
    auth::AuthMutation,
    registry::RegistryMutation,
    order_class::OrderClassMutation,
    placement::PlacementMutation,
);
