//! Excel as a school's clerk fills it in: the template's notes row left in place, Chinese labels
//! for enum columns, dates and numbers as Excel gives them or as people type them, a CSV saved
//! by Chinese Excel (GBK), an ID number Excel turned into a number, and row errors that name the
//! cell as Excel does.

use alliance_tests::{TestApp, both_databases};
use api::i18n::Locale;
use entity::student;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;

use crate::fixtures::{FIRM_A, parties};
use crate::hardening::import;
use crate::placements::{csv, placement_row};

both_databases!(
    a_workbook_filled_as_a_clerk_would_imports_whole,
    the_notes_row_of_an_english_template_is_skipped_too,
    a_gbk_csv_saved_by_chinese_excel_imports_with_its_names_intact,
    an_id_number_excel_turned_into_a_number_gets_its_own_error,
    a_legacy_xls_workbook_imports,
    row_errors_name_the_cell_and_its_header_as_excel_does
);

/// The students template's header and notes rows (Chinese notes), then `rows` (written by
/// `write`).
fn students_workbook(write: impl Fn(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    students_workbook_in(Locale::ZhCn, write)
}

/// As [`students_workbook`], with the notes row of a template downloaded in `locale`.
fn students_workbook_in(
    locale: Locale,
    write: impl Fn(&mut rust_xlsxwriter::Worksheet),
) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (i, c) in api::spreadsheet::STUDENT_COLUMNS.iter().enumerate() {
        let col = u16::try_from(i).unwrap();
        ws.write_string(0, col, format!("{} ({})", c.label, c.field))
            .unwrap();
        ws.write_string(1, col, api::spreadsheet::note_text(c, locale))
            .unwrap();
    }
    write(ws);
    book.save_to_buffer().unwrap()
}

async fn stored_student(app: &TestApp, number: &str) -> student::Model {
    student::Entity::find()
        .filter(student::Column::StudentNumber.eq(number))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no student {number}"))
}

fn no_errors(report: &Value) {
    assert_eq!(report["errors"], serde_json::json!([]), "{report}");
}

async fn a_workbook_filled_as_a_clerk_would_imports_whole(app: TestApp) {
    let p = parties(&app).await;
    let id = api::national_id::example(chrono::NaiveDate::from_ymd_opt(2007, 5, 12).unwrap(), 3);
    let bytes = students_workbook(|ws| {
        let date = Format::new().set_num_format("yyyy-mm-dd");
        // Row 3: a real Excel date cell, 男, the year typed as 2.0.
        ws.write_string(2, 0, "K001").unwrap();
        ws.write_string(2, 1, "张三").unwrap();
        ws.write_string(2, 2, "男").unwrap();
        ws.write_datetime_with_format(2, 3, ExcelDateTime::from_ymd(2007, 5, 12).unwrap(), &date)
            .unwrap();
        ws.write_string(2, 4, "2.0").unwrap();
        ws.write_string(2, 5, "数控技术应用").unwrap();
        ws.write_string(2, 6, &id).unwrap();
        // Row 4: a date typed with slashes, the year as a number cell.
        ws.write_string(3, 0, "K002").unwrap();
        ws.write_string(3, 1, "李四").unwrap();
        ws.write_string(3, 2, "女").unwrap();
        ws.write_string(3, 3, "2007/5/2").unwrap();
        ws.write_number(3, 4, 2.0).unwrap();
        // Row 5: a date typed the Chinese way.
        ws.write_string(4, 0, "K003").unwrap();
        ws.write_string(4, 1, "王五").unwrap();
        ws.write_string(4, 2, "女").unwrap();
        ws.write_string(4, 3, "2006年12月1日").unwrap();
    });
    let report = import(&app, &p.school, "importStudents", "学生名单.xlsx", bytes).await;
    no_errors(&report);
    // The notes row is not a student.
    assert_eq!(report["rowsRead"], 3, "{report}");
    assert_eq!(report["inserted"], 3, "{report}");
    let k1 = stored_student(&app, "K001").await;
    assert_eq!(
        (
            k1.name.as_str(),
            k1.date_of_birth.to_string(),
            k1.year_of_study
        ),
        ("张三", "2007-05-12".to_owned(), Some(2))
    );
    assert_eq!(
        stored_student(&app, "K002").await.date_of_birth.to_string(),
        "2007-05-02"
    );
    assert_eq!(
        stored_student(&app, "K003").await.date_of_birth.to_string(),
        "2006-12-01"
    );

    // Placements with Chinese labels (车间, 学校), hours and pay typed as 40.0 and 4000.0, a date
    // typed as 2026年8月20日.
    let mut row = placement_row("K001", FIRM_A, "2026-09-01");
    row[4] = "车间".into();
    row[6] = "40.0".into();
    row[10] = "4000.0".into();
    row[14] = "学校".into();
    row[16] = "2026年8月20日".into();
    let report = import(
        &app,
        &p.school,
        "importPlacements",
        "实习.csv",
        csv(&[row], api::spreadsheet::PLACEMENT_COLUMNS),
    )
    .await;
    no_errors(&report);
    assert_eq!(report["inserted"], 1, "{report}");
}

async fn the_notes_row_of_an_english_template_is_skipped_too(app: TestApp) {
    let p = parties(&app).await;
    let bytes = students_workbook_in(Locale::En, |ws| {
        ws.write_string(2, 0, "E001").unwrap();
        ws.write_string(2, 1, "王五").unwrap();
        ws.write_string(2, 2, "男").unwrap();
        ws.write_string(2, 3, "2007-06-01").unwrap();
        ws.write_string(2, 4, "2").unwrap();
        ws.write_string(2, 5, "焊接").unwrap();
    });
    let report = import(&app, &p.school, "importStudents", "english.xlsx", bytes).await;
    no_errors(&report);
    assert_eq!(report["rowsRead"], 1, "{report}");
    assert_eq!(report["inserted"], 1, "{report}");
}

async fn a_gbk_csv_saved_by_chinese_excel_imports_with_its_names_intact(app: TestApp) {
    let p = parties(&app).await;
    let text = format!(
        "{}\r\nG001,欧阳娜娜,女,2007-03-04,2,机电一体化,\r\nG002,诸葛亮,男,2007-03-05,2,焊接,\r\n",
        api::spreadsheet::STUDENT_COLUMNS
            .iter()
            .map(|c| format!("{} ({})", c.label, c.field))
            .collect::<Vec<_>>()
            .join(",")
    );
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&gbk).is_err(), "the file really is GBK");
    let report = import(
        &app,
        &p.school,
        "importStudents",
        "名单.csv",
        gbk.into_owned(),
    )
    .await;
    no_errors(&report);
    assert_eq!(report["inserted"], 2, "{report}");
    assert_eq!(stored_student(&app, "G001").await.name, "欧阳娜娜");
    assert_eq!(
        stored_student(&app, "G002").await.specialty.as_deref(),
        Some("焊接")
    );
    // The same file in UTF-8 (with Excel's byte-order mark) changes nothing.
    let utf8 = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    let report = import(&app, &p.school, "importStudents", "名单.csv", utf8).await;
    no_errors(&report);
    assert_eq!(report["unchanged"], 2, "{report}");
}

async fn an_id_number_excel_turned_into_a_number_gets_its_own_error(app: TestApp) {
    let p = parties(&app).await;
    let bytes = students_workbook(|ws| {
        ws.write_string(2, 0, "M001").unwrap();
        ws.write_string(2, 1, "赵六").unwrap();
        ws.write_string(2, 2, "男").unwrap();
        ws.write_string(2, 3, "2007-05-12").unwrap();
        // What Excel stores when an 18-digit ID is typed into a General cell.
        ws.write_number(2, 6, 371_002_200_705_123_456.0).unwrap();
    });
    let report = import(&app, &p.school, "importStudents", "ids.xlsx", bytes).await;
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{report}");
    let e = &errors[0];
    assert_eq!(e["code"], "INVALID_NATIONAL_ID");
    assert_eq!(e["cell"], "G3");
    assert!(e["message"].as_str().unwrap().contains("Excel"), "{e}");
    assert!(e["message"].as_str().unwrap().contains("文本"), "{e}");
    assert_eq!(report["inserted"], 0);
    // Typed into a CSV as Excel displays it, the same error.
    let mut rows = vec![vec![String::new(); 7]];
    rows[0][0] = "M002".into();
    rows[0][1] = "钱七".into();
    rows[0][2] = "男".into();
    rows[0][3] = "2007-05-12".into();
    rows[0][6] = "3.71002E+17".into();
    let report = import(
        &app,
        &p.school,
        "importStudents",
        "ids.csv",
        csv(&rows, api::spreadsheet::STUDENT_COLUMNS),
    )
    .await;
    assert_eq!(
        report["errors"][0]["code"], "INVALID_NATIONAL_ID",
        "{report}"
    );
}

async fn row_errors_name_the_cell_and_its_header_as_excel_does(app: TestApp) {
    let p = parties(&app).await;
    let bytes = students_workbook(|ws| {
        ws.write_string(2, 0, "E001").unwrap();
        ws.write_string(2, 1, "孙八").unwrap();
        ws.write_string(2, 2, "女").unwrap();
        ws.write_string(2, 3, "2007-05-12").unwrap();
        ws.write_string(3, 0, "E002").unwrap();
        ws.write_string(3, 1, "周九").unwrap();
        ws.write_string(3, 2, "未知").unwrap();
        ws.write_string(3, 3, "2007-13-40").unwrap();
    });
    let report = import(&app, &p.school, "importStudents", "bad.xlsx", bytes).await;
    let errors = report["errors"].as_array().unwrap();
    let cells: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e["cell"].as_str().unwrap(), e["header"].as_str().unwrap()))
        .collect();
    assert_eq!(
        cells,
        [("C4", "性别 (gender)"), ("D4", "出生日期 (dateOfBirth)")],
        "{report}"
    );
    assert!(
        errors[0]["message"].as_str().unwrap().contains("男 (MALE)"),
        "the allowed values are listed with their labels: {report}"
    );
    assert_eq!(report["inserted"], 0, "a bad row refuses the whole file");
}

async fn a_legacy_xls_workbook_imports(app: TestApp) {
    let p = parties(&app).await;
    // Written by tests/fixtures/make_students_xls.py (Excel 97-2003 format).
    let bytes = include_bytes!("../../fixtures/students.xls").to_vec();
    assert_eq!(&bytes[..4], b"\xD0\xCF\x11\xE0", "an OLE2 (.xls) file");
    let report = import(&app, &p.school, "importStudents", "学生.xls", bytes).await;
    no_errors(&report);
    assert_eq!(report["inserted"], 2, "{report}");
    let x1 = stored_student(&app, "X001").await;
    assert_eq!(
        (
            x1.name.as_str(),
            x1.date_of_birth.to_string(),
            x1.year_of_study
        ),
        ("陈一", "2007-05-12".to_owned(), Some(2))
    );
    assert_eq!(
        stored_student(&app, "X002").await.date_of_birth.to_string(),
        "2006-11-03"
    );
}

/// The parts of an .xlsx, by name, as text.
fn xlsx_parts(bytes: &[u8]) -> std::collections::HashMap<String, String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts = std::collections::HashMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut text = String::new();
        if f.read_to_string(&mut text).is_ok() {
            parts.insert(f.name().unwrap().to_string(), text);
        }
    }
    parts
}

/// `GET /templates/{name}`, with `Accept-Language: accept` when given.
async fn template(app: &TestApp, name: &str, accept: Option<&str>) -> Vec<u8> {
    let mut request = app
        .client
        .get(format!("http://{}/templates/{name}", app.addr));
    if let Some(accept) = accept {
        request = request.header("Accept-Language", accept);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn templates_offer_drop_downs_text_id_columns_a_frozen_header_and_instructions() {
    let app = alliance_tests::spawn_app(alliance_tests::Backend::Sqlite)
        .await
        .unwrap();
    for (name, list_field) in [
        ("students.xlsx", "gender"),
        ("placements.xlsx", "venueType"),
    ] {
        let bytes = template(&app, name, None).await;
        let parts = xlsx_parts(&bytes);
        let book = &parts["xl/workbook.xml"];
        assert!(book.contains("填写说明"), "an instructions sheet: {book}");
        let sheet = &parts["xl/worksheets/sheet1.xml"];
        assert!(sheet.contains(r#"ySplit="1""#), "the header row is frozen");
        assert!(sheet.contains("<dataValidation"), "drop-down lists");
        let labels = api::spreadsheet::list_labels(list_field);
        assert!(
            sheet.contains(&format!("\"{}\"", labels.join(","))),
            "{list_field}'s list offers its Chinese labels"
        );
        // ID columns are formatted as text ("@"), date columns as dates.
        let styles = &parts["xl/styles.xml"];
        assert!(styles.contains(r#"formatCode="@""#), "{styles}");
        assert!(styles.contains(r#"formatCode="yyyy-mm-dd""#), "{styles}");
        let help = &parts["xl/worksheets/sheet2.xml"];
        let strings = &parts["xl/sharedStrings.xml"];
        assert!(help.contains("<c ") && strings.contains("下拉列表"));
        // Notes in Chinese by default: a required column's note starts with 必填.
        assert!(strings.contains("必填："), "{strings}");

        // Asked for in English: the notes and the instructions are English; headers stay.
        let english = template(&app, name, Some("en")).await;
        let parts = xlsx_parts(&english);
        assert!(parts["xl/workbook.xml"].contains("Instructions"));
        let strings = &parts["xl/sharedStrings.xml"];
        assert!(strings.contains("required: "), "{strings}");
        assert!(strings.contains("drop-down lists"), "{strings}");
        assert!(!strings.contains("必填："), "{strings}");
        // Both templates begin with the student number, headed in Chinese with its field name.
        assert!(strings.contains("学号 (studentNumber)"), "{strings}");
    }
}
