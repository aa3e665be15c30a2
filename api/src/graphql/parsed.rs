//! Parsed documents kept by their text (`docs/performance.md`, "Parsed documents kept").
//!
//! An application sends the same few documents over and over, with other variables. Parsing one
//! (async-graphql's parser, built on pest) cost more than any other step before execution: about
//! 128,000 instructions for the 70 characters of the member-units page, a seventh of what the
//! whole request cost the server. Each instance keeps the documents it parsed, keyed by their
//! exact text, and hands a request a copy of its document instead of parsing it again.
//!
//! - Nothing else changes: the document goes through the same checks (the text scan, the
//!   extension's shape, depth and input checks, the schema's validation) as a parsed one, and a
//!   document's variables are never part of it.
//! - Only what passes [`super::document::scan`] is parsed here (the scan guards the parser); a
//!   document that does not parse is left for the schema to parse and report, and not kept.
//! - Bounded: a document is kept only when its text is at most [`MAX_QUERY_BYTES`], and the texts
//!   kept weigh at most [`CAPACITY_BYTES`] together (least recently used dropped first). By our
//!   estimate (a few hundred bytes of syntax tree per field, not measured) a parsed document
//!   takes some thirty times its text, so the documents kept take about 8 MB at most.
//! - Requests naming a persisted query (`extensions.persistedQuery`) are left to the
//!   persisted-query extension, which keeps its own documents.

use std::sync::Arc;

use async_graphql::parser::types::ExecutableDocument;

/// Longest document text (bytes) kept; a longer one is parsed for each request.
pub const MAX_QUERY_BYTES: usize = 4 * 1024;

/// Total length (bytes) of the texts of the documents kept.
pub const CAPACITY_BYTES: u64 = 256 * 1024;

/// Weighs a kept document by the length of its text.
#[derive(Debug, Clone, Copy)]
struct TextLength;

impl quick_cache::Weighter<String, ExecutableDocument> for TextLength {
    fn weight(&self, text: &String, _: &ExecutableDocument) -> u64 {
        // At least 1: an entry of weight 0 would never be evicted.
        (text.len() as u64).max(1)
    }
}

/// The parsed documents of one instance; cheap to clone (shared).
#[derive(Clone)]
pub struct ParsedDocuments(Arc<quick_cache::sync::Cache<String, ExecutableDocument, TextLength>>);

impl Default for ParsedDocuments {
    fn default() -> Self {
        Self(Arc::new(quick_cache::sync::Cache::with_weighter(
            256,
            CAPACITY_BYTES,
            TextLength,
        )))
    }
}

impl std::fmt::Debug for ParsedDocuments {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParsedDocuments")
            .field("documents", &self.0.len())
            .field("weight", &self.0.weight())
            .finish()
    }
}

impl ParsedDocuments {
    /// Gives `request` its parsed document: the one kept under its text, else one parsed now and
    /// kept. Leaves the request as it is (for the schema to parse, and to report any error) when
    /// its text is empty or longer than [`MAX_QUERY_BYTES`], when it names a persisted query, when
    /// the scan refuses its text, or when the text does not parse.
    ///
    /// Returns the request's check-only copy when the plain schema may run it ([`check_only`]).
    pub fn prepare(&self, request: &mut async_graphql::Request) -> Option<async_graphql::Request> {
        if self.parse(request) {
            check_only(request)
        } else {
            None
        }
    }

    /// See [`Self::prepare`]; whether the request now carries its parsed document.
    fn parse(&self, request: &mut async_graphql::Request) -> bool {
        let text = request.query.as_str();
        if text.is_empty()
            || text.len() > MAX_QUERY_BYTES
            || request.extensions.contains_key("persistedQuery")
        {
            return false;
        }
        if let Some(document) = self.0.get(text) {
            request.set_parsed_query(document);
            return true;
        }
        if super::document::scan(text).is_err() {
            return false;
        }
        match async_graphql::parser::parse_query(text) {
            Ok(document) => {
                self.0.insert(text.to_owned(), document.clone());
                request.set_parsed_query(document);
                true
            }
            Err(_) => false,
        }
    }

    /// How many documents are kept.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none is kept.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The check-only copy of `request` for the checked schema ([`super::extension::CheckOnly`]),
/// when the plain schema may run it (`schema::plain_builder`): it uploads no file, and the
/// operation it names (or its only one) is a query. Called only on a request that carries its
/// parsed document (`async_graphql::Request::parsed_query` would parse an unscanned text).
/// `None` otherwise — a mutation, a subscription, or an operation name the document lacks: those
/// go to the checked schema whole, as do persisted queries and texts that did not parse.
///
/// The copy carries the text, variables, operation name, extensions and parsed document; the
/// caller adds the data the extension reads.
fn check_only(request: &mut async_graphql::Request) -> Option<async_graphql::Request> {
    use async_graphql::parser::types::{DocumentOperations, OperationType};
    if !request.uploads.is_empty() {
        return None;
    }
    let name = request.operation_name.clone();
    let document = request.parsed_query().ok()?;
    let operation = match (&document.operations, name.as_deref()) {
        (DocumentOperations::Single(op), None) => op,
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name)?,
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops.values().next()?,
        _ => return None,
    };
    if operation.node.ty != OperationType::Query {
        return None;
    }
    let document = document.clone();
    let mut copy =
        async_graphql::Request::new(request.query.clone()).variables(request.variables.clone());
    copy.operation_name.clone_from(&request.operation_name);
    copy.extensions.clone_from(&request.extensions);
    copy.introspection_mode = request.introspection_mode;
    copy.set_parsed_query(document);
    Some(copy)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn request(text: &str) -> async_graphql::Request {
        async_graphql::Request::new(text)
    }

    #[test]
    fn a_document_is_parsed_once_and_given_to_every_request_with_its_text() {
        let kept = ParsedDocuments::default();
        let text = "{ memberUnits(first: 2) { nodes { name } } }";
        let mut first = request(text);
        kept.prepare(&mut first);
        assert_eq!(kept.len(), 1);
        let mut second = request(text);
        kept.prepare(&mut second);
        assert_eq!(kept.len(), 1);
        let parsed = async_graphql::parser::parse_query(text).unwrap();
        // The same document as parsing gives (compared through its printed form).
        assert_eq!(
            format!("{:?}", second.parsed_query().unwrap()),
            format!("{parsed:?}")
        );
        // Another text is another document.
        kept.prepare(&mut request("{ memberUnits(first: 3) { nodes { name } } }"));
        assert_eq!(kept.len(), 2);
    }

    #[test]
    fn documents_that_fail_long_ones_and_persisted_queries_are_not_kept() {
        let kept = ParsedDocuments::default();
        // Does not parse: left for the schema to report.
        let mut broken = request("{ memberUnits(first: ");
        kept.prepare(&mut broken);
        // Nests beyond the scan's limit: never handed to the parser here.
        let levels = crate::graphql::document::MAX_NESTING + 1;
        let deep = format!("{}{}", "{ a ".repeat(levels), "}".repeat(levels));
        assert!(deep.len() <= MAX_QUERY_BYTES);
        kept.prepare(&mut request(&deep));
        // Longer than MAX_QUERY_BYTES.
        let long = format!(
            "{{ memberUnits {{ totalCount }} }} #{}",
            "x".repeat(MAX_QUERY_BYTES)
        );
        kept.prepare(&mut request(&long));
        // Names a persisted query.
        let mut persisted = request("{ memberUnits { totalCount } }");
        persisted.extensions.insert(
            "persistedQuery".to_owned(),
            async_graphql::Value::from_json(serde_json::json!({ "version": 1 })).unwrap(),
        );
        kept.prepare(&mut persisted);
        assert!(kept.is_empty(), "{kept:?}");
        // The broken one still fails when the schema parses it.
        assert!(broken.parsed_query().is_err());
    }

    #[test]
    fn the_texts_kept_never_weigh_more_than_the_capacity() {
        let kept = ParsedDocuments::default();
        for i in 0..5_000 {
            kept.prepare(&mut request(&format!(
                "{{ memberUnits(first: {i}) {{ nodes {{ name }} }} }} #{}",
                "x".repeat(1_000)
            )));
        }
        assert!(kept.len() > 10, "{kept:?}");
        assert!(kept.0.weight() <= CAPACITY_BYTES, "{kept:?}");
    }

    #[test]
    fn only_a_parsed_query_without_uploads_gets_a_check_only_copy() {
        let kept = ParsedDocuments::default();
        let copy = |text: &str, name: Option<&str>| {
            let mut r = request(text);
            if let Some(name) = name {
                r = r.operation_name(name);
            }
            kept.prepare(&mut r)
        };
        let variables = async_graphql::Variables::from_json(serde_json::json!({ "n": 2 }));
        let text = "query Q($n: Int) { memberUnits(first: $n) { totalCount } }";
        let mut query = request(text).variables(variables.clone());
        let mut checked = kept.prepare(&mut query).unwrap();
        assert_eq!(checked.query, text);
        assert_eq!(checked.variables, variables);
        assert_eq!(
            format!("{:?}", checked.parsed_query().unwrap()),
            format!("{:?}", async_graphql::parser::parse_query(text).unwrap())
        );
        let two = "query A { memberUnits { totalCount } } mutation B { logout { ok } }";
        assert!(copy(two, Some("A")).is_some());
        assert!(copy(two, Some("B")).is_none());
        assert!(copy(two, None).is_none());
        assert!(copy(two, Some("C")).is_none());
        assert!(copy("mutation { logout { ok } }", None).is_none());
        assert!(copy("subscription { events { kind } }", None).is_none());
        assert!(copy("{ memberUnits(first: ", None).is_none());
        let mut persisted = request("{ memberUnits { totalCount } }");
        persisted.extensions.insert(
            "persistedQuery".to_owned(),
            async_graphql::Value::from_json(serde_json::json!({ "version": 1 })).unwrap(),
        );
        assert!(kept.prepare(&mut persisted).is_none());
        let mut upload = request("{ memberUnits { totalCount } }").variables(
            async_graphql::Variables::from_json(serde_json::json!({ "file": null })),
        );
        upload.set_upload(
            "variables.file",
            async_graphql::UploadValue {
                filename: "a.xlsx".to_owned(),
                content_type: None,
                content: tempfile::tempfile().unwrap(),
            },
        );
        assert_eq!(upload.uploads.len(), 1);
        assert!(kept.prepare(&mut upload).is_none());
    }
}
