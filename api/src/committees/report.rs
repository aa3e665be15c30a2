//! A published round as files (`docs/committees.md`, Exports): the results workbook (.xlsx, one
//! sheet per category, one row per member) and each member's one-page report (HTML laid out for
//! A4, in Chinese), both from the published snapshot.

use std::collections::HashMap;
use std::sync::LazyLock;

use entity::enums::{EvaluationItemKind, UnitCategory};
use entity::{evaluation_item, evaluation_round};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use super::results::{Distribution, MemberResult, distributions, is_benchmark, results};
use super::rounds::{applies_to, items_of};
use crate::error::Error;
use crate::i18n::{Locale, enum_label};
use crate::spreadsheet::neutralize_formula;
use crate::text::api_name;

/// The member report's template (Handlebars, HTML-escaping every value).
const REPORT_TEMPLATE: &str = include_str!("../../templates/evaluation-report.html.hbs");

static TEMPLATES: LazyLock<handlebars::Handlebars<'static>> = LazyLock::new(|| {
    let mut h = handlebars::Handlebars::new();
    h.set_strict_mode(true);
    // The template is compiled into the binary; a broken one fails the unit test below.
    let _ = h.register_template_string("report", REPORT_TEMPLATE);
    h
});

/// A published round with everything its files show.
#[derive(Debug, Clone)]
pub struct RoundReport {
    /// The round.
    pub round: evaluation_round::Model,
    /// Its items, by position.
    pub items: Vec<evaluation_item::Model>,
    /// Every member's result, by category then rank.
    pub results: Vec<MemberResult>,
    /// The alliance's name.
    pub alliance: String,
}

/// The report of a published round (its last publication when reopened); `None` before it was
/// first published. Five SQL statements, plus two for the previous round.
///
/// # Errors
/// Database failures.
pub async fn load_report(
    db: &impl ConnectionTrait,
    round: evaluation_round::Model,
) -> Result<Option<RoundReport>, Error> {
    if !super::has_results(&round) {
        return Ok(None);
    }
    let items = items_of(db, round.id).await?;
    let results = results(db, &round).await?;
    let alliance = <entity::alliance::Entity as sea_orm::EntityTrait>::find()
        .one(db)
        .await?
        .map(|a| a.name)
        .unwrap_or_default();
    Ok(Some(RoundReport {
        round,
        items,
        results,
        alliance,
    }))
}

/// An item's title for people: a computed item's formula by its Chinese label.
pub fn item_title(item: &evaluation_item::Model) -> String {
    match (item.kind, item.indicator) {
        (EvaluationItemKind::Computed, Some(i)) => {
            enum_label(Locale::ZhCn, "EvaluationIndicator", &api_name(&i))
                .unwrap_or_else(|| item.title.clone())
        }
        _ => item.title.clone(),
    }
}

fn label<T: async_graphql::InputType>(enum_name: &str, v: &T) -> String {
    enum_label(Locale::ZhCn, enum_name, &api_name(v)).unwrap_or_else(|| api_name(v))
}

/// A source citation for Chinese readers: the citation keys of `docs/sources.md` by the
/// documents' short Chinese titles ("Founding notice 二(二)4" → "《组建实施方案》二(二)4").
pub fn cite_zh(source: &str) -> String {
    const TITLES: [(&str, &str); 5] = [
        ("Founding notice", "《集团（联盟）组建实施方案》"),
        ("Ten Measures", "《十条措施》"),
        (
            "Weihai 2020 plan",
            "《威海市建设职业教育创新发展高地实施方案》",
        ),
        ("Huancui task list", "《环翠区任务清单》"),
        ("Internship rules 2021", "《职业学校学生实习管理规定》"),
    ];
    TITLES
        .iter()
        .fold(source.to_owned(), |s, (key, zh)| {
            s.replace(&format!("{key} "), zh).replace(key, zh)
        })
        .replace(", task ", "，任务 ")
        .replace(", item ", "，事项 ")
        .replace("; ", "；")
}

/// One decimal, as the files show figures.
fn one(x: f64) -> String {
    format!("{x:.1}")
}

/// The results workbook: one sheet per category with members (学校, 企业, 其他), one row per
/// member in rank order, a column per item that applies to the category.
///
/// # Errors
/// Only if the workbook cannot be written.
pub fn results_xlsx(report: &RoundReport) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for category in [
        UnitCategory::School,
        UnitCategory::Enterprise,
        UnitCategory::Other,
    ] {
        let rows: Vec<&MemberResult> = report
            .results
            .iter()
            .filter(|r| r.unit.category == category)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let items: Vec<&evaluation_item::Model> = report
            .items
            .iter()
            .filter(|i| applies_to(i, category))
            .collect();
        let ws = book.add_worksheet();
        ws.set_name(label("UnitCategory", &category))?;
        let mut headers = vec![
            "排名".to_owned(),
            "成员单位".to_owned(),
            "类型".to_owned(),
            "区市".to_owned(),
        ];
        headers.extend(
            items
                .iter()
                .map(|i| format!("{}（{}分）", item_title(i), i.max_points)),
        );
        headers
            .extend(["得分", "满分", "得分率（%）", "上一轮得分率（%）", "变化"].map(String::from));
        for (c, h) in headers.iter().enumerate() {
            let col = u16::try_from(c).unwrap_or(u16::MAX);
            ws.set_column_width(col, if c == 1 { 36 } else { 14 })?;
            ws.write_string_with_format(0, col, neutralize_formula(h.clone()), &bold)?;
        }
        ws.set_freeze_panes(1, 2)?;
        for (r, m) in rows.iter().enumerate() {
            let row = u32::try_from(r + 1).unwrap_or(u32::MAX);
            let points: HashMap<Uuid, f64> =
                m.items.iter().map(|p| (p.item_id, p.points)).collect();
            ws.write_number(row, 0, m.rank as f64)?;
            ws.write_string(row, 1, neutralize_formula(m.unit.name.clone()))?;
            ws.write_string(row, 2, label("MemberUnitKind", &m.unit.kind))?;
            if let Some(d) = m.unit.district {
                ws.write_string(row, 3, label("District", &d))?;
            }
            let mut col = 4u16;
            for item in &items {
                // An item that does not apply to this member (a rule for firms above designated
                // size, retention without graduates) stays empty.
                if let Some(p) = points.get(&item.id) {
                    ws.write_number(row, col, *p)?;
                }
                col += 1;
            }
            ws.write_number(row, col, m.total)?;
            ws.write_number(row, col + 1, m.maximum)?;
            ws.write_number(row, col + 2, (m.score * 10.0).round() / 10.0)?;
            if let Some(p) = m.previous_score {
                ws.write_number(row, col + 3, (p * 10.0).round() / 10.0)?;
            }
            if let Some(c) = m.change() {
                ws.write_number(row, col + 4, (c * 10.0).round() / 10.0)?;
            }
        }
    }
    if report.results.is_empty() {
        book.add_worksheet().set_name("结果")?;
    }
    book.save_to_buffer()
}

/// The one-page report of member `unit` (HTML for A4, Chinese), or `None` when it has no result
/// in the round.
pub fn member_report_html(report: &RoundReport, unit: Uuid) -> Option<String> {
    let me = report.results.iter().find(|r| r.unit.id == unit)?;
    let items: HashMap<Uuid, &evaluation_item::Model> =
        report.items.iter().map(|i| (i.id, i)).collect();
    let dist: Option<Distribution> = distributions(&report.results)
        .into_iter()
        .find(|d| d.category == me.unit.category);
    let rows: Vec<serde_json::Value> = me
        .items
        .iter()
        .filter_map(|p| {
            let item = items.get(&p.item_id)?;
            Some(json!({
                "title": item_title(item),
                "source": cite_zh(item.source.as_deref().unwrap_or_default()),
                "value": p.value.map(|v| format!("{:.0}%", v * 100.0)).unwrap_or_else(|| "—".into()),
                "points": one(p.points),
                "max_points": one(p.max_points),
                "comment": p.comment.clone().unwrap_or_default(),
            }))
        })
        .collect();
    let benchmark: Vec<serde_json::Value> = report
        .results
        .iter()
        .filter(|r| is_benchmark(r))
        .map(|r| json!({ "name": r.unit.name, "score": one(r.score) }))
        .collect();
    let data = json!({
        "alliance": report.alliance,
        "round_title": report.round.title,
        "year": report.round.year,
        "member": me.unit.name,
        "kind": label("MemberUnitKind", &me.unit.kind),
        "district": me.unit.district.map(|d| label("District", &d)),
        "category": label("UnitCategory", &me.unit.category),
        "published_on": report.round.published_at.map(|t| t.date_naive().to_string()).unwrap_or_default(),
        "score": one(me.score),
        "total": one(me.total),
        "maximum": one(me.maximum),
        "rank": me.rank,
        "ranked": me.ranked_in_category,
        "change": me.change().map(|c| format!("{c:+.1}")).unwrap_or_else(|| "—".into()),
        "items": rows,
        "dist": dist.map(|d| json!({
            "count": d.count, "min": one(d.min), "q1": one(d.q1), "median": one(d.median),
            "q3": one(d.q3), "max": one(d.max), "mean": one(d.mean),
        })).unwrap_or_else(|| json!({
            "count": 0, "min": "—", "q1": "—", "median": "—", "q3": "—", "max": "—", "mean": "—"
        })),
        "benchmark": benchmark,
    });
    TEMPLATES.render("report", &data).ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn citations_read_in_chinese() {
        assert_eq!(
            cite_zh("Founding notice 二(二)4"),
            "《集团（联盟）组建实施方案》二(二)4"
        );
        assert_eq!(
            cite_zh("Weihai 2020 plan (十), task 20; Huancui task list, item 8"),
            "《威海市建设职业教育创新发展高地实施方案》(十)，任务 20；《环翠区任务清单》，事项 8"
        );
    }

    #[test]
    fn the_report_template_compiles() {
        let mut h = handlebars::Handlebars::new();
        h.set_strict_mode(true);
        h.register_template_string("report", REPORT_TEMPLATE)
            .unwrap();
    }
}
