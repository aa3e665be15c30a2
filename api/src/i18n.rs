//! Messages for people, in the alliance's two languages: Chinese (zh-CN, the default) and English.
//!
//! Every text the API shows a person — a `userErrors` message, an import's row error, a top-level
//! error, an enum value's label — is a [`Message`]: a key of the Fluent catalogue in
//! `api/locales/<locale>/*.ftl` with named arguments. It is rendered in the caller's [`Locale`]
//! only when the response is written, so the core never chooses a language. Codes
//! (`UserErrorCode`, `extensions.code`) never change with the language.
//!
//! - A request's locale comes from its `Accept-Language` header ([`Locale::negotiate`]), or for a
//!   WebSocket from the `connection_init` payload's `Accept-Language`; without either, the
//!   `DEFAULT_LOCALE` setting (zh-CN unless set).
//! - An argument that is an enum value ([`Arg::label`]) is shown by its label in the message's
//!   language (`培养中` / `In training`), from the catalogue's `enum-<Enum>-<VALUE>` entries.
//! - The catalogue is compiled into the binary; `tests` in this module fail when a key the code
//!   uses, or an argument it passes, is missing from either language, and when the two languages'
//!   keys or arguments differ.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static CATALOGUE = {
        locales: "./locales",
        fallback_language: "zh-CN",
        // No Unicode isolation marks around arguments: none of our texts is right-to-left, and
        // the marks would be invisible characters in every message.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static ZH_CN: LanguageIdentifier = langid!("zh-CN");
static EN: LanguageIdentifier = langid!("en");

/// Longest `Accept-Language` value (bytes) read; the rest is ignored.
pub const MAX_ACCEPT_LANGUAGE_BYTES: usize = 256;

/// A language the API answers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Locale {
    /// Simplified Chinese, as used in mainland China (`zh-CN`): the alliance's default.
    #[default]
    ZhCn,
    /// English (`en`).
    En,
}

impl Locale {
    /// Every locale, the default first.
    pub const ALL: [Locale; 2] = [Locale::ZhCn, Locale::En];

    /// The language of the GraphQL request being resolved: the one the transport negotiated and
    /// put in the request's data, else the schema's `DEFAULT_LOCALE`, else zh-CN.
    pub fn of(ctx: &async_graphql::Context<'_>) -> Self {
        ctx.data_opt::<Self>().copied().unwrap_or_default()
    }

    /// The BCP 47 tag: `zh-CN` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::ZhCn => "zh-CN",
            Self::En => "en",
        }
    }

    fn langid(self) -> &'static LanguageIdentifier {
        match self {
            Self::ZhCn => &ZH_CN,
            Self::En => &EN,
        }
    }

    /// The locale a request asks for in its `Accept-Language` header (RFC 9110 §12.5.4:
    /// language ranges by descending quality), or `default` when it asks for neither language or
    /// sends no header. `zh`, `zh-Hans` and `zh-CN` mean Chinese; `en`, `en-US`, `en-GB` English.
    /// Only the first [`MAX_ACCEPT_LANGUAGE_BYTES`] bytes are read.
    pub fn negotiate(accept_language: Option<&str>, default: Locale) -> Locale {
        let Some(header) = accept_language else {
            return default;
        };
        let mut end = header.len().min(MAX_ACCEPT_LANGUAGE_BYTES);
        while !header.is_char_boundary(end) {
            end -= 1;
        }
        let requested: Vec<LanguageIdentifier> = accept_language::parse(&header[..end])
            .iter()
            .filter_map(|tag| tag.parse().ok())
            .collect();
        let available = [ZH_CN.clone(), EN.clone()];
        let chosen = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        match chosen.first() {
            Some(id) if **id == EN => Self::En,
            Some(_) => Self::ZhCn,
            None => default,
        }
    }
}

/// Parses `zh-CN` or `en` (case-insensitive; `zh` means zh-CN), for the `DEFAULT_LOCALE` setting.
impl std::str::FromStr for Locale {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "zh-cn" | "zh" | "zh-hans" | "zh-hans-cn" => Ok(Self::ZhCn),
            "en" | "en-us" | "en-gb" => Ok(Self::En),
            _ => Err(format!("unknown locale {s:?}: use zh-CN or en")),
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A named argument of a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as it is (a field name, a value from the input, an ID).
    Text(String),
    /// A whole number, shown in digits (no grouping); Fluent selects plural forms by it.
    Int(i64),
    /// An enum value, shown by its label in the message's language: the enum's GraphQL name and
    /// the value's (e.g. `OrderClassStatus`, `IN_TRAINING`).
    Label {
        /// The enum's GraphQL name.
        enum_name: Cow<'static, str>,
        /// The value's GraphQL name.
        value: String,
    },
}

impl Arg {
    /// The argument for an enum value of the API, shown by its label.
    pub fn label<T: async_graphql::InputType>(value: &T) -> Self {
        Self::Label {
            enum_name: T::type_name(),
            value: crate::text::api_name(value),
        }
    }

    fn fluent(&self, locale: Locale) -> FluentValue<'static> {
        match self {
            Self::Text(s) => FluentValue::from(s.clone()),
            Self::Int(n) => FluentValue::from(*n),
            Self::Label { enum_name, value } => FluentValue::from(
                enum_label(locale, enum_name, value).unwrap_or_else(|| value.clone()),
            ),
        }
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Self::Text(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

macro_rules! int_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Self::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_args!(i32, i64, u32, u64, usize, u16, u8);

/// A text for a person: a catalogue key with named arguments, rendered in a [`Locale`] when the
/// response is written. Build it with [`msg!`](crate::msg).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// The message `key` without arguments.
    pub const fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// This message with the argument `name` set to `value`.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The catalogue key.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The arguments, in the order given.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The text in `locale`. A key missing from the catalogue (the tests forbid it) shows as the
    /// key itself.
    pub fn render(&self, locale: Locale) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = self
            .args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.fluent(locale)))
            .collect();
        CATALOGUE
            .try_lookup_complete(locale.langid(), self.key, Some(&args))
            .unwrap_or_else(|| self.key.to_owned())
    }
}

/// Renders in the default locale (zh-CN): for logs and the command line.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Locale::default()))
    }
}

/// The label of value `value` of the API's enum `enum_name` in `locale` (catalogue key
/// `enum-<Enum>-<VALUE>`), or `None` when the catalogue has none.
pub fn enum_label(locale: Locale, enum_name: &str, value: &str) -> Option<String> {
    CATALOGUE.try_lookup(locale.langid(), &format!("enum-{enum_name}-{value}"))
}

/// A [`Message`]: `msg!("key")` or `msg!("key", name = value, …)`, each value anything that
/// converts into an [`Arg`] (text, a whole number; an enum value as `Arg::label(&v)`).
///
/// The key must be a string literal: the catalogue test finds every use by it.
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($key)$(.arg(stringify!($name), $value))*
    };
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use fluent_syntax::ast;

    use super::*;

    type Catalogue = BTreeMap<String, BTreeSet<String>>;

    /// Every message of one locale, with the variables it uses.
    fn catalogue(locale: Locale) -> Catalogue {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(locale.tag());
        let mut out = Catalogue::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let resource = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
            for entry in resource.body {
                if let ast::Entry::Message(m) = entry {
                    let mut vars = BTreeSet::new();
                    if let Some(value) = &m.value {
                        variables(value, &mut vars);
                    }
                    let id = m.id.name.to_owned();
                    assert!(
                        out.insert(id.clone(), vars).is_none(),
                        "{}: {id} is defined twice",
                        locale.tag()
                    );
                }
            }
        }
        out
    }

    fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
            ast::Expression::Inline(inline) => inline_variables(inline, out),
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_variables(a, out);
                }
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, out);
            }
            _ => {}
        }
    }

    /// Every `msg!("key", a = …, b = …)` in the crate's sources: key → argument names.
    fn uses() -> BTreeMap<String, BTreeSet<String>> {
        let key = msg_calls("msg!(");
        let mut out = BTreeMap::new();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stack = vec![src];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for (k, args) in key(&text) {
                        let seen: &mut BTreeSet<String> = out.entry(k).or_default();
                        seen.extend(args);
                    }
                }
            }
        }
        out
    }

    /// Finds `msg!("key"` … `)` calls: the key and the names before each top-level `=`.
    fn msg_calls(open: &'static str) -> impl Fn(&str) -> Vec<(String, Vec<String>)> {
        move |text: &str| {
            let mut found = Vec::new();
            let mut from = 0;
            while let Some(at) = text[from..].find(open).map(|i| i + from) {
                // A use shown in a comment is no use.
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                let in_comment = text[line_start..at].trim_start().starts_with("//");
                from = at + open.len();
                let rest = &text[from..];
                if in_comment {
                    continue;
                }
                let body = rest.trim_start();
                let Some(body) = body.strip_prefix('"') else {
                    continue;
                };
                let Some(end) = body.find('"') else { break };
                let key = body[..end].to_owned();
                // Not a call (e.g. this scanner's own pattern in a string).
                if key.is_empty()
                    || !key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                {
                    continue;
                }
                // The arguments up to the matching `)`.
                let mut depth = 1usize;
                let mut close = body.len();
                for (i, c) in body[end + 1..].char_indices() {
                    match c {
                        '(' | '[' | '{' => depth += 1,
                        ')' | ']' | '}' => {
                            depth -= 1;
                            if depth == 0 {
                                close = end + 1 + i;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                let args = split_top_level(&body[end + 1..close])
                    .into_iter()
                    .filter_map(|a| {
                        let (name, _) = a.split_once('=')?;
                        let name = name.trim();
                        (!name.is_empty()
                            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
                        .then(|| name.to_owned())
                    })
                    .collect();
                found.push((key, args));
            }
            found
        }
    }

    fn split_top_level(s: &str) -> Vec<&str> {
        let mut parts = Vec::new();
        let (mut depth, mut start) = (0i32, 0usize);
        let mut in_str = false;
        for (i, c) in s.char_indices() {
            match c {
                '"' => in_str = !in_str,
                '(' | '[' | '{' if !in_str => depth += 1,
                ')' | ']' | '}' if !in_str => depth -= 1,
                ',' if depth == 0 && !in_str => {
                    parts.push(&s[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&s[start..]);
        parts
    }

    #[test]
    fn both_languages_have_the_same_messages_with_the_same_arguments() {
        let zh = catalogue(Locale::ZhCn);
        let en = catalogue(Locale::En);
        let only_zh: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
        let only_en: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
        assert!(only_zh.is_empty(), "missing in en: {only_zh:?}");
        assert!(only_en.is_empty(), "missing in zh-CN: {only_en:?}");
        for (key, vars) in &zh {
            assert_eq!(
                vars, &en[key],
                "{key}: the two languages use different arguments"
            );
        }
    }

    #[test]
    fn every_message_the_code_uses_exists_with_its_arguments() {
        let zh = catalogue(Locale::ZhCn);
        let mut used = uses();
        assert!(
            used.len() > 20,
            "the source scan found only {} keys",
            used.len()
        );
        // The templates' column notes are keys held by the column tables.
        for c in crate::spreadsheet::STUDENT_COLUMNS
            .iter()
            .chain(crate::spreadsheet::PLACEMENT_COLUMNS)
        {
            used.entry(c.note.to_owned()).or_default();
        }
        for (key, args) in &used {
            let vars = zh
                .get(key)
                .unwrap_or_else(|| panic!("msg!(\"{key}\") is in no catalogue"));
            let missing: Vec<_> = vars.difference(args).collect();
            assert!(
                missing.is_empty(),
                "msg!(\"{key}\") does not pass {missing:?}, which the catalogue uses"
            );
        }
        // Messages no code uses are dead text (enum labels are looked up by their own key).
        let unused: Vec<_> = zh
            .keys()
            .filter(|k| !k.starts_with("enum-") && !used.contains_key(*k))
            .collect();
        assert!(
            unused.is_empty(),
            "catalogue messages no code uses: {unused:?}"
        );
    }

    #[test]
    fn a_message_renders_in_each_language_without_isolation_marks() {
        let m = crate::msg!("field-blank", field = "name");
        let zh = m.render(Locale::ZhCn);
        let en = m.render(Locale::En);
        assert_ne!(zh, en);
        assert!(en.contains("name") && zh.contains("name"), "{zh} / {en}");
        assert!(!zh.contains('\u{2068}') && !en.contains('\u{2068}'));
    }

    #[test]
    fn accept_language_picks_by_quality_and_falls_back_to_the_default() {
        use Locale::{En, ZhCn};
        for (header, default, expected) in [
            (None, ZhCn, ZhCn),
            (None, En, En),
            (Some("en-US,en;q=0.9"), ZhCn, En),
            (Some("zh-CN,zh;q=0.9,en;q=0.8"), En, ZhCn),
            (Some("zh"), En, ZhCn),
            (Some("zh-Hans-CN"), En, ZhCn),
            (Some("en;q=0.5, zh-CN;q=0.9"), En, ZhCn),
            (Some("fr-FR, de"), ZhCn, ZhCn),
            (Some("fr-FR, de"), En, En),
            (Some(""), En, En),
            (Some("*"), ZhCn, ZhCn),
        ] {
            assert_eq!(Locale::negotiate(header, default), expected, "{header:?}");
        }
        let long = format!("{},en", "x-abc,".repeat(100));
        assert_eq!(Locale::negotiate(Some(&long), ZhCn), ZhCn);
        assert_eq!("zh-cn".parse::<Locale>().unwrap(), ZhCn);
        assert!("fr".parse::<Locale>().is_err());
    }
}
