//! SYNTHETIC data for demos and benchmarks, generated on request only, never loaded by default:
//! import files of students and placements (`api synthetic`), and a whole data set written into
//! the database ([`dataset`], `api demo-data`). Every student's name and every host's name says
//! 合成 ("synthetic"), and student numbers start with `SYN`, so the rows cannot be mistaken for
//! real ones.

pub mod dataset;

use std::path::Path;

use chrono::NaiveDate;

use crate::national_id;
use crate::spreadsheet::{PLACEMENT_COLUMNS, STUDENT_COLUMNS};

/// Writes `synthetic-students.csv` and `synthetic-placements.csv` with `rows` rows each into
/// `dir` (import them for any school), and with `xlsx` also `synthetic-placements.xlsx` (written
/// in constant memory). Deterministic: the same arguments give the same files.
///
/// # Errors
/// I/O errors.
pub fn write(rows: u32, dir: &Path, xlsx: bool) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let header = |cols: &[crate::spreadsheet::Column]| -> Vec<String> {
        cols.iter()
            .map(|c| format!("{} ({})", c.label, c.field))
            .collect()
    };
    let mut students = csv::Writer::from_path(dir.join("synthetic-students.csv"))?;
    students.write_record(header(STUDENT_COLUMNS))?;
    let mut placements = csv::Writer::from_path(dir.join("synthetic-placements.csv"))?;
    placements.write_record(header(PLACEMENT_COLUMNS))?;
    for i in 0..rows {
        let number = format!("SYN{i:06}");
        let birth = NaiveDate::from_ymd_opt(2005 + (i % 3) as i32, 1 + (i % 12), 1 + (i % 28))
            .unwrap_or_default();
        let id = national_id::example(birth, i % 1000);
        students.write_record([
            number.as_str(),
            &format!("合成学生{i:06}"),
            if i % 2 == 0 { "男" } else { "女" },
            &birth.format("%Y-%m-%d").to_string(),
            "2",
            "合成专业",
            &id,
        ])?;
        let host = format!("合成实习单位{:03}有限公司", i % 200);
        placements.write_record([
            number.as_str(),
            &host,
            "",
            "合成岗位",
            "WORKSHOP",
            "否",
            "40",
            "否",
            "否",
            "",
            "4000",
            "4500",
            "合成师傅",
            "技师",
            "SCHOOL",
            "否",
            "2026-08-20",
            "是",
            "是",
            "是",
            &format!("SYN-POLICY-{i:06}"),
            "2026-09-01",
            "2027-03-01",
            "2026-09-01",
            "2027-02-28",
            "否",
            "",
            "",
            "",
            "",
            "",
        ])?;
    }
    students.flush()?;
    placements.flush()?;
    drop(placements);
    if xlsx {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet_with_constant_memory()?;
        ws.set_name("SYNTHETIC placements")?;
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(dir.join("synthetic-placements.csv"))?;
        for (r, record) in csv.records().enumerate() {
            for (c, value) in record?.iter().enumerate() {
                if !value.is_empty() {
                    ws.write_string(u32::try_from(r)?, u16::try_from(c)?, value)?;
                }
            }
        }
        book.save(dir.join("synthetic-placements.xlsx"))?;
    }
    Ok(())
}
