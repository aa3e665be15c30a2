//! Building the schema, with the limits that bound every request before it runs
//! (`docs/api-conventions.md`, Bounding every request), and exporting its SDL (§6).

use async_graphql::{SDLExportOptions, Schema};

use async_graphql::extensions::apollo_persisted_queries::{
    ApolloPersistedQueries, LruCacheStorage,
};

use super::extension::{APQ_CACHE_ENTRIES, CostAndCodesFactory};
use super::mutation::Mutation;
use super::query::Query;
use super::subscription::Subscription;

/// The API's schema type.
pub type AppSchema = Schema<Query, Mutation, Subscription>;

/// Limits and switches of the schema.
#[derive(Debug, Clone, Copy)]
pub struct SchemaLimits {
    /// Deepest selection allowed.
    pub max_depth: usize,
    /// Highest cost allowed.
    pub max_complexity: usize,
    /// Whether `__schema`/`__type` introspection is allowed; when off, suggestions ("did you mean
    /// …") are off too.
    pub introspection: bool,
}

impl Default for SchemaLimits {
    fn default() -> Self {
        Self {
            max_depth: 12,
            max_complexity: 50_000,
            introspection: true,
        }
    }
}

/// The depth async-graphql itself allows, introspection included: the backstop behind
/// `GRAPHQL_MAX_DEPTH`, which the API enforces apart from introspection
/// ([`super::document::depth`]). The standard introspection query is 13 levels deep.
pub const MAX_INTROSPECTION_DEPTH: usize = 24;

/// Most nested input values (lists in lists, objects in objects) allowed.
pub const MAX_RECURSIVE_DEPTH: usize = 32;
/// Most directives on one field allowed.
pub const MAX_DIRECTIVES: usize = 8;

/// The schema with its limits; runtime data (database, token service) is added by the caller.
pub fn builder(
    limits: SchemaLimits,
) -> async_graphql::SchemaBuilder<Query, Mutation, Subscription> {
    let mut builder = Schema::build(Query::default(), Mutation::default(), Subscription)
        .limit_depth(limits.max_depth.max(MAX_INTROSPECTION_DEPTH))
        .limit_complexity(limits.max_complexity)
        .limit_recursive_depth(MAX_RECURSIVE_DEPTH)
        .limit_directives(MAX_DIRECTIVES)
        // First, so that its `prepare_request` scans a document's text before the persisted-query
        // extension parses it (to cache it under its hash).
        .extension(CostAndCodesFactory {
            max_cost: limits.max_complexity,
            max_depth: limits.max_depth,
        })
        .extension(ApolloPersistedQueries::new(LruCacheStorage::new(
            APQ_CACHE_ENTRIES,
        )));
    if !limits.introspection {
        builder = builder.disable_introspection().disable_suggestions();
    }
    builder
}

/// The schema's SDL as committed in `schema.graphql` (fields sorted).
pub fn sdl() -> String {
    builder(SchemaLimits::default()).finish().sdl_with_options(
        SDLExportOptions::new()
            .sorted_fields()
            .include_specified_by(),
    )
}
