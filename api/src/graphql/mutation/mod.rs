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
            fn from_outcome<T>(outcome: $crate::error::Outcome<T>, wrap: impl FnOnce(T) -> $ty) -> Self {
                match outcome {
                    Ok(v) => Self { $field: Some(wrap(v)), user_errors: Vec::new() },
                    Err(violations) => Self { $field: None, user_errors: $crate::graphql::error::user_errors(violations) },
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

/// The value of `$e`, or return the payload `$payload` carrying its user error.
macro_rules! bail_on {
    ($payload:ident, $e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Ok($payload::failed(vec![e])),
        }
    };
}

use async_graphql::{ID, MaybeUndefined};
use uuid::Uuid;

use super::error::{ApiError, UserError, UserErrorCode};
use super::id::{NodeType, decode_as};

/// A global ID of type `ty` in a mutation's input, or the user error on `field` that says it is
/// not one: `INVALID` when malformed, `NOT_FOUND` when of another type.
fn input_id(ty: NodeType, id: &ID, field: &str) -> Result<Uuid, UserError> {
    decode_as(ty, id).map_err(|e| {
        let code = match e {
            ApiError::NotFound(_) => UserErrorCode::NotFound,
            _ => UserErrorCode::Invalid,
        };
        UserError::on(field, code, e.message())
    })
}

/// A nullable input field as "leave it" (`None`), "clear it" (`Some(None)`) or "set it".
fn touch<T>(v: MaybeUndefined<T>) -> Option<Option<T>> {
    match v {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(Some(v)),
    }
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
