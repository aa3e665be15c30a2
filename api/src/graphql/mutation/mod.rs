//! The mutation root, merged from one object per area. Every mutation is
//! `verbNoun(input: VerbNounInput!): VerbNounPayload!` with `userErrors` (`docs/api-conventions.md`, Shape).

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

/// Returns the payload `$payload` carrying the user errors of every text and list of `$input`
/// past its field's documented maximum ([`screen`]), before anything else is checked.
macro_rules! screened {
    ($payload:ident, $input:expr) => {
        let errors = $crate::graphql::mutation::screen($input);
        if !errors.is_empty() {
            return Ok($payload::failed(errors));
        }
    };
}

use async_graphql::{ID, InputType, MaybeUndefined, Name, Value};
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

/// The request's database connection.
fn db<'c>(
    ctx: &async_graphql::Context<'c>,
) -> super::error::ApiResult<&'c sea_orm::DatabaseConnection> {
    ctx.data::<sea_orm::DatabaseConnection>()
}

/// The row id of an optional global ID of type `ty` in a mutation's input (`NOT_FOUND` /
/// `INVALID` on `field`, as [`input_id`]).
fn opt_id(ty: NodeType, id: &Option<ID>, field: &str) -> Result<Option<Uuid>, UserError> {
    id.as_ref().map(|id| input_id(ty, id, field)).transpose()
}

/// The row id of an optional member-unit global ID of a mutation's input (`NOT_FOUND` / `INVALID`
/// on `field`, as [`input_id`]).
fn opt_unit(id: &Option<ID>, field: &str) -> Result<Option<Uuid>, UserError> {
    opt_id(NodeType::MemberUnit, id, field)
}

/// `TOO_LONG` on `field` when `value` has more than `max` characters: a field whose own maximum is
/// below the request-wide ceiling ([`crate::limits::max_chars`]) and not in that table.
fn longer(field: &str, value: &str, max: usize) -> Option<UserError> {
    (value.chars().count() > max).then(|| {
        UserError::on(
            field,
            UserErrorCode::TooLong,
            crate::msg!("field-too-long", field = field, max = max),
        )
    })
}

/// The `TOO_LONG` / `TOO_LARGE` / `INVALID` user errors of every text and list in a mutation's
/// input, each against its own field's documented maximum ([`crate::limits::screen_text`] and
/// [`crate::limits::screen_list`], the validator the importers use too; `docs/limits.md`). The
/// error's `field` is the path of the value (`sponsors.0.role`).
fn screen(input: &impl InputType) -> Vec<UserError> {
    fn walk(field: &str, path: &str, v: &Value, out: &mut Vec<UserError>) {
        let found = match v {
            Value::String(s) => crate::limits::screen_text(field, s).err(),
            Value::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(field, &format!("{path}.{i}"), item, out);
                }
                crate::limits::screen_list(field, items.len()).err()
            }
            Value::Object(fields) => {
                for (name, item) in fields {
                    walk(name, &join(path, name), item, out);
                }
                None
            }
            _ => None,
        };
        if let Some(mut violation) = found {
            violation.field = Some(path.to_owned());
            out.extend(super::error::user_errors(vec![violation]));
        }
    }
    fn join(path: &str, name: &Name) -> String {
        if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        }
    }
    let mut out = Vec::new();
    walk("", "", &input.to_value(), &mut out);
    out
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
mod committees;
mod contests;
mod council;
mod order_class;
mod people;
mod placement;
mod plan;
mod registry;
mod sharing;
mod training;

/// The mutation root.
#[derive(async_graphql::MergedObject, Default)]
pub struct Mutation(
    auth::AuthMutation,
    registry::RegistryMutation,
    order_class::OrderClassMutation,
    placement::PlacementMutation,
    plan::PlanMutation,
    plan::corrections::CorrectionMutation,
    committees::CommitteesMutation,
    council::CouncilMutation,
    people::PeopleMutation,
    people::PlatformMutation,
    sharing::SharingMutation,
    contests::ContestMutation,
    training::TrainingMutation,
);
