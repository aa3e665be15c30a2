//! The pinyin sort key of a name (汉语拼音排序), so member units sort as Chinese readers expect
//! rather than by code point, and the same way on SQLite and PostgreSQL.
//!
//! The key is ASCII: each Han character becomes its pinyin with the tone number (`威` → `wei1`),
//! ASCII letters and digits stay (letters lower-cased), and tokens are separated by a space;
//! other characters (brackets, punctuation) are left out of the first part. A `|` and the hex
//! code points of every character follow, so names that read alike still sort in one fixed order.
//! Compared bytewise (SQLite's `BINARY`, PostgreSQL's `COLLATE "C"`), `西安` (`xi1 an1`) comes
//! before `先` (`xian1`), and `wei1` before `wei2` before `weng1`. A character with several
//! readings takes its most common one (the `pinyin` crate's first reading), so `长城` sorts under
//! `zhang3`: the key orders a list, it does not spell names.

use pinyin::ToPinyin;

/// Longest key kept (bytes); a longer one is cut (names are at most a few hundred characters).
pub const MAX_SORT_KEY_BYTES: usize = 2_000;

/// The sort key of `name` (see the module's documentation).
pub fn name_sort_key(name: &str) -> String {
    let mut tokens: Vec<String> = Vec::new();
    let mut ascii = String::new();
    for c in name.chars() {
        if let Some(p) = c.to_pinyin() {
            if !ascii.is_empty() {
                tokens.push(std::mem::take(&mut ascii));
            }
            tokens.push(p.with_tone_num_end().to_owned());
        } else if c.is_ascii_alphanumeric() {
            ascii.push(c.to_ascii_lowercase());
        } else if !ascii.is_empty() {
            tokens.push(std::mem::take(&mut ascii));
        }
    }
    if !ascii.is_empty() {
        tokens.push(ascii);
    }
    let mut key = tokens.join(" ");
    key.push('|');
    for c in name.chars() {
        key.push_str(&format!("{:x}.", u32::from(c)));
    }
    key.truncate(MAX_SORT_KEY_BYTES);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<&str> = names.to_vec();
        v.sort_by_key(|n| name_sort_key(n));
        v.into_iter().map(str::to_owned).collect()
    }

    #[test]
    fn names_sort_by_pinyin_not_by_code_point() {
        // By code point 威 (U+5A01) sorts before 荣 (U+8363) and 乳 (U+4E73) before both.
        assert_eq!(
            sorted(&[
                "威海技师学院",
                "荣成市高级技工学校",
                "乳山市职业中等专业学校",
                "阿里巴巴"
            ]),
            [
                "阿里巴巴",
                "荣成市高级技工学校",
                "乳山市职业中等专业学校",
                "威海技师学院"
            ]
        );
        assert_eq!(sorted(&["先进", "西安"]), ["西安", "先进"]);
        assert_eq!(sorted(&["翁", "微", "威"]), ["威", "微", "翁"]);
        assert!(name_sort_key("威海ABC（荣成）").starts_with("wei1 hai3 abc rong2 cheng2|"));
    }

    #[test]
    fn keys_are_ascii_and_distinct_for_distinct_names() {
        for (a, b) in [("威海", "微海"), ("A公司", "a公司"), ("（威海）", "威海")] {
            let (ka, kb) = (name_sort_key(a), name_sort_key(b));
            assert!(ka.is_ascii() && kb.is_ascii());
            assert_ne!(ka, kb);
        }
    }
}
