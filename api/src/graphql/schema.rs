//! Building the schema, with the limits that bound every request before it runs
//! (`docs/api-conventions.md`, Bounding every request), and exporting its SDL (§6).

use async_graphql::{SDLExportOptions, Schema, ValidationMode};

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

/// The schema with its limits and its two extensions ([`CostAndCodesFactory`], then Apollo's
/// automatic persisted queries); runtime data (database, token service) is added by the caller.
///
/// It checks every request (parse, the document checks, strict validation, the cost report) and
/// runs subscriptions, mutations and what [`plain_builder`]'s schema does not take. With an
/// extension installed, async-graphql sends every field of the result through the extensions'
/// per-field hook (a boxed future and a registry lookup each); see [`plain_builder`].
pub fn builder(
    limits: SchemaLimits,
) -> async_graphql::SchemaBuilder<Query, Mutation, Subscription> {
    limited(limits)
        // First, so that its `prepare_request` scans a document's text before the persisted-query
        // extension parses it (to cache it under its hash).
        .extension(CostAndCodesFactory {
            max_cost: limits.max_complexity,
            max_depth: limits.max_depth,
        })
        .extension(ApolloPersistedQueries::new(LruCacheStorage::new(
            APQ_CACHE_ENTRIES,
        )))
}

/// The same schema without extensions, validating in async-graphql's `Fast` mode (cost, depth and
/// fragment cycles only): it runs a query operation that [`builder`]'s schema has just checked
/// whole, with the same document, variables and operation name, and stopped before executing
/// ([`super::extension::CheckOnly`]). Without extensions no field goes through a per-field hook:
/// 9–21% of the API's instructions per request on the benchmark's pages (`docs/performance.md`,
/// "Queries run without the per-field hook"). The HTTP handler gives it queries only; the
/// response is finished as the extension finishes its own ([`super::extension::finish`]).
pub fn plain_builder(
    limits: SchemaLimits,
) -> async_graphql::SchemaBuilder<Query, Mutation, Subscription> {
    limited(limits).validation_mode(ValidationMode::Fast)
}

/// The schema's types with the limits both builders share.
fn limited(limits: SchemaLimits) -> async_graphql::SchemaBuilder<Query, Mutation, Subscription> {
    let builder = Schema::build(Query::default(), Mutation::default(), Subscription)
        .limit_depth(limits.max_depth.max(MAX_INTROSPECTION_DEPTH))
        .limit_complexity(limits.max_complexity)
        .limit_recursive_depth(MAX_RECURSIVE_DEPTH)
        .limit_directives(MAX_DIRECTIVES);
    if limits.introspection {
        builder
    } else {
        builder.disable_introspection().disable_suggestions()
    }
}

/// The schema's SDL as committed in `schema.graphql` (fields sorted).
pub fn sdl() -> String {
    builder(SchemaLimits::default()).finish().sdl_with_options(
        SDLExportOptions::new()
            .sorted_fields()
            .include_specified_by(),
    )
}
