//! A cheap scan of a GraphQL document *before* it reaches the parser.
//!
//! async-graphql's parser is recursive: a value nested a few thousand levels deep
//! (`nodes(ids: [[[[…]]]])`, an object literal `{a: {a: {…}}}`) or a selection set nested as deep
//! overflows the thread's stack and aborts the whole process. The schema's depth limit runs only
//! after parsing, so it cannot help. [`scan`] walks the bytes once, without recursion and without
//! allocating, skipping strings, block strings and comments, and refuses a document whose
//! brackets, braces and parentheses nest deeper than [`MAX_NESTING`] or that holds more than
//! [`MAX_TOKENS`] tokens. The schema runs it on every transport (POST, GET, multipart, WebSocket)
//! from the parse step of its extension.
//!
//! [`check_inputs`] then holds every value of the parsed document and of the variables to the
//! limits of [`crate::limits`].
//!
//! Other recursive paths are bounded elsewhere: variables arrive as JSON, which serde_json refuses
//! past 128 levels; fragments spread into fragments are cut at async-graphql's recursion limit
//! (`limit_recursive_depth`, 32) and cycles by validation.

use async_graphql::parser::types::{Directive, ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Positioned, Variables};
use async_graphql_value::{ConstValue, Value};

use crate::error::Violation;
use crate::i18n::Message;
use crate::limits;
use crate::msg;

/// Deepest nesting of `{`, `[` and `(` a document may have. The deepest legitimate query the
/// schema allows (selection depth 12 plus arguments and list values) stays far below.
pub const MAX_NESTING: usize = 64;

/// Most tokens (names, numbers, strings, punctuators) a document may hold.
pub const MAX_TOKENS: usize = 50_000;

/// Why [`scan`] refused a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Brackets, braces or parentheses nest deeper than [`MAX_NESTING`].
    TooDeep,
    /// More than [`MAX_TOKENS`] tokens.
    TooManyTokens,
}

impl Refusal {
    /// The message of the `BAD_USER_INPUT` error.
    pub fn message(self) -> Message {
        match self {
            Refusal::TooDeep => msg!("document-nested-too-deep", max = MAX_NESTING),
            Refusal::TooManyTokens => msg!("document-too-many-tokens", max = MAX_TOKENS),
        }
    }
}

/// Scans `document` once; `Err` when it nests too deep or is too long. A malformed document (an
/// unterminated string, say) passes, for the parser to report.
pub fn scan(document: &str) -> Result<(), Refusal> {
    let bytes = document.as_bytes();
    let mut i = 0;
    let mut depth = 0usize;
    let mut tokens = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\n' | b'\r' | b',' => i += 1,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                count(&mut tokens)?;
                i += 3;
                loop {
                    if i >= bytes.len() {
                        return Ok(());
                    }
                    if bytes[i..].starts_with(b"\\\"\"\"") {
                        i += 4;
                    } else if bytes[i..].starts_with(b"\"\"\"") {
                        i += 3;
                        break;
                    } else {
                        i += 1;
                    }
                }
            }
            b'"' => {
                count(&mut tokens)?;
                i += 1;
                while i < bytes.len() && !matches!(bytes[i], b'"' | b'\n' | b'\r') {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'{' | b'[' | b'(' => {
                count(&mut tokens)?;
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(Refusal::TooDeep);
                }
                i += 1;
            }
            b'}' | b']' | b')' => {
                count(&mut tokens)?;
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+' | b'.') => {
                count(&mut tokens)?;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'_' | b'-' | b'+'))
                {
                    i += 1;
                }
                if i < bytes.len() && bytes[i] == b'.' {
                    // A float's fraction, or the `...` punctuator.
                    while i < bytes.len()
                        && (bytes[i].is_ascii_alphanumeric()
                            || matches!(bytes[i], b'.' | b'-' | b'+'))
                    {
                        i += 1;
                    }
                }
            }
            _ => {
                count(&mut tokens)?;
                i += 1;
            }
        }
    }
    Ok(())
}

/// Most operations one document may hold.
pub const MAX_OPERATIONS: usize = 10;

/// Most fields at the root of one operation (fragments at the root counted in).
pub const MAX_ROOT_FIELDS: usize = 20;

/// Most times one field may be selected (under different aliases) in one selection set.
pub const MAX_ALIASES_PER_FIELD: usize = 10;

/// Checks the document's shape: at most [`MAX_OPERATIONS`] operations, [`MAX_ROOT_FIELDS`] root
/// fields per operation, and [`MAX_ALIASES_PER_FIELD`] selections of one field per selection set —
/// so aliases cannot multiply an expensive field past what its cost shows.
///
/// # Errors
/// What is over which limit.
pub fn check_shape(doc: &ExecutableDocument) -> Result<(), Message> {
    let operations = doc.operations.iter().count();
    if operations > MAX_OPERATIONS {
        return Err(msg!("document-too-many-operations", max = MAX_OPERATIONS));
    }
    for (_, operation) in doc.operations.iter() {
        let mut visited = std::collections::HashSet::new();
        let root = count_fields(doc, &operation.node.selection_set.node, &mut visited);
        if root > MAX_ROOT_FIELDS {
            return Err(msg!("document-too-many-root-fields", max = MAX_ROOT_FIELDS));
        }
        check_aliases(&operation.node.selection_set.node)?;
    }
    for fragment in doc.fragments.values() {
        check_aliases(&fragment.node.selection_set.node)?;
    }
    Ok(())
}

/// Fields whose selections [`depth`] does not count: the introspection of the schema. Standard
/// tools' introspection query (graphql-js's `getIntrospectionQuery`, sent by GraphiQL, Apollo,
/// codegen, Postman) nests `ofType` nine levels under `__schema { types { fields { type … } } }`,
/// and it reads the schema in memory, never the database; the schema's own depth backstop
/// ([`super::schema::MAX_INTROSPECTION_DEPTH`]) still bounds it.
pub const INTROSPECTION_FIELDS: [&str; 2] = ["__schema", "__type"];

/// Most fragments one spread may lead through (a chain `A → B → C …`); a longer chain counts as
/// too deep.
const MAX_FRAGMENT_CHAIN: usize = 64;

/// The deepest selection of any operation of `doc` (a field directly under the root is depth 1),
/// fragments spread in, not counting the selections under [`INTROSPECTION_FIELDS`]. Linear in
/// the document: each fragment's depth is computed once; a fragment cycle counts nothing (the
/// validation refuses it), a chain longer than 64 fragments counts as `usize::MAX`.
pub fn depth(doc: &ExecutableDocument) -> usize {
    let mut memo = std::collections::HashMap::new();
    doc.operations
        .iter()
        .map(|(_, operation)| {
            set_depth(
                doc,
                &operation.node.selection_set.node,
                &mut memo,
                &mut Vec::new(),
            )
        })
        .max()
        .unwrap_or(0)
}

fn set_depth<'a>(
    doc: &'a ExecutableDocument,
    set: &'a SelectionSet,
    memo: &mut std::collections::HashMap<&'a str, usize>,
    chain: &mut Vec<&'a str>,
) -> usize {
    set.items
        .iter()
        .map(|selection| match &selection.node {
            Selection::Field(field) => {
                if INTROSPECTION_FIELDS.contains(&field.node.name.node.as_str()) {
                    0
                } else {
                    set_depth(doc, &field.node.selection_set.node, memo, chain).saturating_add(1)
                }
            }
            Selection::InlineFragment(inline) => {
                set_depth(doc, &inline.node.selection_set.node, memo, chain)
            }
            Selection::FragmentSpread(spread) => {
                let name = spread.node.fragment_name.node.as_str();
                if let Some(&d) = memo.get(name) {
                    return d;
                }
                if chain.contains(&name) {
                    return 0;
                }
                if chain.len() >= MAX_FRAGMENT_CHAIN {
                    return usize::MAX;
                }
                let Some(fragment) = doc.fragments.get(&spread.node.fragment_name.node) else {
                    return 0;
                };
                chain.push(name);
                let d = set_depth(doc, &fragment.node.selection_set.node, memo, chain);
                chain.pop();
                memo.insert(name, d);
                d
            }
        })
        .max()
        .unwrap_or(0)
}

/// Fields selected in `set`, fragments spread in (each fragment once).
fn count_fields<'a>(
    doc: &'a ExecutableDocument,
    set: &'a SelectionSet,
    visited: &mut std::collections::HashSet<&'a str>,
) -> usize {
    set.items
        .iter()
        .map(|selection| match &selection.node {
            Selection::Field(_) => 1,
            Selection::InlineFragment(inline) => {
                count_fields(doc, &inline.node.selection_set.node, visited)
            }
            Selection::FragmentSpread(spread) => {
                let name = spread.node.fragment_name.node.as_str();
                match doc.fragments.get(&spread.node.fragment_name.node) {
                    Some(fragment) if visited.insert(name) => {
                        count_fields(doc, &fragment.node.selection_set.node, visited)
                    }
                    _ => 0,
                }
            }
        })
        .sum()
}

/// Refuses a selection set that selects one field more than [`MAX_ALIASES_PER_FIELD`] times.
fn check_aliases(set: &SelectionSet) -> Result<(), Message> {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for selection in &set.items {
        match &selection.node {
            Selection::Field(field) => {
                let count = seen.entry(field.node.name.node.as_str()).or_insert(0);
                *count += 1;
                if *count > MAX_ALIASES_PER_FIELD {
                    return Err(msg!(
                        "document-too-many-aliases",
                        field = field.node.name.node.as_str(),
                        max = MAX_ALIASES_PER_FIELD
                    ));
                }
                check_aliases(&field.node.selection_set.node)?;
            }
            Selection::InlineFragment(inline) => check_aliases(&inline.node.selection_set.node)?,
            Selection::FragmentSpread(_) => {}
        }
    }
    Ok(())
}

/// Checks every value a request carries — argument and directive values written in the document,
/// variables' default values and the variables themselves — against the limits of
/// [`crate::limits`]: each string by the ceiling every text shares
/// ([`limits::screen_request_text`]; a field's own maximum is its mutation's `userErrors`), each
/// list by its length, each integer by its range.
/// Runs after parsing (the nesting is already bounded by [`scan`], variables by serde_json's
/// recursion limit).
///
/// # Errors
/// The first value over a limit, as a [`Violation`] naming its field.
pub fn check_inputs(doc: &ExecutableDocument, variables: &Variables) -> Result<(), Violation> {
    for (name, value) in variables.iter() {
        check_const(name.as_str(), value)?;
    }
    for (_, operation) in doc.operations.iter() {
        for definition in &operation.node.variable_definitions {
            if let Some(default) = &definition.node.default_value {
                check_const(definition.node.name.node.as_str(), &default.node)?;
            }
        }
        check_directives(&operation.node.directives)?;
        check_selections(&operation.node.selection_set.node)?;
    }
    for fragment in doc.fragments.values() {
        check_directives(&fragment.node.directives)?;
        check_selections(&fragment.node.selection_set.node)?;
    }
    Ok(())
}

fn check_selections(set: &SelectionSet) -> Result<(), Violation> {
    // Selection sets nest at most [`MAX_NESTING`] deep (checked by [`scan`]).
    for selection in &set.items {
        match &selection.node {
            Selection::Field(field) => {
                for (name, value) in &field.node.arguments {
                    check_value(name.node.as_str(), &value.node)?;
                }
                check_directives(&field.node.directives)?;
                check_selections(&field.node.selection_set.node)?;
            }
            Selection::FragmentSpread(spread) => check_directives(&spread.node.directives)?,
            Selection::InlineFragment(inline) => {
                check_directives(&inline.node.directives)?;
                check_selections(&inline.node.selection_set.node)?;
            }
        }
    }
    Ok(())
}

fn check_directives(directives: &[Positioned<Directive>]) -> Result<(), Violation> {
    for directive in directives {
        for (name, value) in &directive.node.arguments {
            check_value(name.node.as_str(), &value.node)?;
        }
    }
    Ok(())
}

fn check_value(field: &str, value: &Value) -> Result<(), Violation> {
    match value {
        Value::String(s) => limits::screen_request_text(field, s),
        Value::Number(n) => check_number(field, n),
        Value::List(items) => {
            limits::screen_list(field, items.len())?;
            items.iter().try_for_each(|v| check_value(field, v))
        }
        Value::Object(fields) => fields
            .iter()
            .try_for_each(|(k, v)| check_value(k.as_str(), v)),
        _ => Ok(()),
    }
}

fn check_const(field: &str, value: &ConstValue) -> Result<(), Violation> {
    match value {
        ConstValue::String(s) => limits::screen_request_text(field, s),
        ConstValue::Number(n) => check_number(field, n),
        ConstValue::List(items) => {
            limits::screen_list(field, items.len())?;
            items.iter().try_for_each(|v| check_const(field, v))
        }
        ConstValue::Object(fields) => fields
            .iter()
            .try_for_each(|(k, v)| check_const(k.as_str(), v)),
        _ => Ok(()),
    }
}

fn check_number(field: &str, n: &serde_json::Number) -> Result<(), Violation> {
    match (n.as_i64(), n.as_u64()) {
        (Some(i), _) => limits::screen_int(field, i),
        (None, Some(_)) => limits::screen_int(field, i64::MAX),
        // Floats: no Float input in the schema takes a count.
        (None, None) => Ok(()),
    }
}

/// Counts one token; `Err` past [`MAX_TOKENS`].
fn count(tokens: &mut usize) -> Result<(), Refusal> {
    *tokens += 1;
    if *tokens > MAX_TOKENS {
        Err(Refusal::TooManyTokens)
    } else {
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn depth_of(query: &str) -> usize {
        depth(&async_graphql::parser::parse_query(query).unwrap())
    }

    #[test]
    fn depth_counts_fragments_once_and_skips_introspection() {
        assert_eq!(depth_of("{ a { b { c } } d }"), 3);
        assert_eq!(depth_of("{ a { ...F } } fragment F on T { b { c } }"), 3);
        assert_eq!(depth_of("{ a { ... on T { b } } }"), 2);
        // Introspection counts nothing, beside data or alone.
        assert_eq!(
            depth_of("{ __schema { types { fields { type { ofType { name } } } } } }"),
            0
        );
        assert_eq!(depth_of("{ __type(name: \"X\") { name } a { b } }"), 2);
        // A cycle counts nothing (validation refuses it); a chain past 64 fragments is too deep.
        assert_eq!(
            depth_of("{ ...A } fragment A on Q { ...B } fragment B on Q { ...A }"),
            0
        );
        let mut chain = String::from("{ ...F0 }");
        for i in 0..100 {
            chain.push_str(&format!(" fragment F{i} on Q {{ x ...F{} }}", i + 1));
        }
        assert_eq!(depth_of(&chain), usize::MAX);
    }

    #[test]
    fn ordinary_documents_pass() {
        let query = r#"
            # a comment with { [ ( that does not count
            query Units($first: Int = 20) {
              memberUnits(first: $first, filter: {kinds: [SCHOOL], search: "技师{[("}) {
                nodes { id name ... on MemberUnit { kind } }
                totalCount
              }
              a: alliance { name description(x: """ block { [ ( \""" """) }
            }"#;
        assert_eq!(scan(query), Ok(()));
    }

    #[test]
    fn values_nested_past_the_limit_are_refused() {
        let ok = format!(
            "{{ nodes(ids: {}\"x\"{}) {{ __typename }} }}",
            "[".repeat(MAX_NESTING - 2),
            "]".repeat(MAX_NESTING - 2)
        );
        assert_eq!(scan(&ok), Ok(()));
        let list = format!(
            "{{ nodes(ids: {}\"x\"{}) {{ __typename }} }}",
            "[".repeat(1_750),
            "]".repeat(1_750)
        );
        assert_eq!(scan(&list), Err(Refusal::TooDeep));
        let object = format!("{{ f(a: {}1{}) }}", "{a: ".repeat(2_000), "}".repeat(2_000));
        assert_eq!(scan(&object), Err(Refusal::TooDeep));
        let selections = format!("{}{}", "{ a ".repeat(100), "}".repeat(100));
        assert_eq!(scan(&selections), Err(Refusal::TooDeep));
    }

    #[test]
    fn brackets_inside_strings_and_comments_do_not_count() {
        let inside = format!(
            "{{ a(s: \"{}\", b: \"\"\"{}\"\"\") }} # {}",
            "[".repeat(500),
            "{".repeat(500),
            "(".repeat(500)
        );
        assert_eq!(scan(&inside), Ok(()));
        let escaped = format!("{{ a(s: \"\\\"{}\") }}", "[".repeat(500));
        assert_eq!(scan(&escaped), Ok(()));
    }

    #[test]
    fn too_many_tokens_are_refused() {
        let long = format!("{{ {} }}", "a ".repeat(MAX_TOKENS));
        assert_eq!(scan(&long), Err(Refusal::TooManyTokens));
        let fine = format!("{{ {} }}", "a ".repeat(MAX_TOKENS - 2));
        assert_eq!(scan(&fine), Ok(()));
    }
}
