//! The mutation root, merged from one object per area. Every mutation is
//! `verbNoun(input: VerbNounInput!): VerbNounPayload!` with `userErrors` (`API-CONVENTIONS.md` §3).

/// Declares a mutation payload: the changed object (null on failure) and `userErrors`, with
/// `from_outcome` to build it from a domain outcome.
macro_rules! payload {
    ($(#[$doc:meta])* $name:ident, $field:ident: $ty:ty) => {
        $(#[$doc])*
        #[derive(SimpleObject)]
        pub struct $name {
            /// The object as it now is; null when `userErrors` is not empty.
            pub $field: Option<$ty>,
            /// What was wrong with the input; nothing was written.
            pub user_errors: Vec<UserError>,
        }

        impl $name {
            fn from_outcome<T>(outcome: Result<T, Vec<UserError>>, wrap: impl FnOnce(T) -> $ty) -> Self {
                match outcome {
                    Ok(v) => Self { $field: Some(wrap(v)), user_errors: Vec::new() },
                    Err(user_errors) => Self { $field: None, user_errors },
                }
            }

            /// A payload carrying only user errors.
            #[allow(dead_code)]
            fn failed(user_errors: Vec<UserError>) -> Self {
                Self { $field: None, user_errors }
            }
        }
    };
}

mod auth;
mod order_class;
mod placement;
mod plan;
mod registry;

/// The mutation root.
#[derive(async_graphql::MergedObject, Default)]
pub struct Mutation(
    auth::AuthMutation,
    registry::RegistryMutation,
    order_class::OrderClassMutation,
    placement::PlacementMutation,
    plan::PlanMutation,
);
