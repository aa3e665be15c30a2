//! The import layouts (columns with Chinese headers and the field name) and the template
//! workbooks built from them.

use crate::i18n::{Locale, Message};
use crate::msg;

/// One column of a template: the Chinese label, the field name, and a note for the template's
/// second row (a catalogue key, `template-note-…`: the note is in the template's language).
pub struct Column {
    /// Chinese label.
    pub label: &'static str,
    /// Field name (the GraphQL input field).
    pub field: &'static str,
    /// Required.
    pub required: bool,
    /// What goes in it: the catalogue key of the note (`api/locales/*/template.ftl`).
    pub note: &'static str,
}

/// Columns of the student template.
pub const STUDENT_COLUMNS: &[Column] = &[
    Column {
        label: "学号",
        field: "studentNumber",
        required: true,
        note: "template-note-student-student-number",
    },
    Column {
        label: "姓名",
        field: "name",
        required: true,
        note: "template-note-student-name",
    },
    Column {
        label: "性别",
        field: "gender",
        required: true,
        note: "template-note-student-gender",
    },
    Column {
        label: "出生日期",
        field: "dateOfBirth",
        required: true,
        note: "template-note-student-date-of-birth",
    },
    Column {
        label: "年级",
        field: "yearOfStudy",
        required: false,
        note: "template-note-student-year-of-study",
    },
    Column {
        label: "专业",
        field: "specialty",
        required: false,
        note: "template-note-student-specialty",
    },
    Column {
        label: "身份证号",
        field: "nationalId",
        required: false,
        note: "template-note-student-national-id",
    },
];

/// Columns of the placement template (also the export's columns, so an export re-imports).
pub const PLACEMENT_COLUMNS: &[Column] = &[
    Column {
        label: "学号",
        field: "studentNumber",
        required: true,
        note: "template-note-placement-student-number",
    },
    Column {
        label: "实习单位",
        field: "hostName",
        required: true,
        note: "template-note-placement-host-name",
    },
    Column {
        label: "实习单位统一社会信用代码",
        field: "hostUscc",
        required: false,
        note: "template-note-placement-host-uscc",
    },
    Column {
        label: "岗位",
        field: "postTitle",
        required: true,
        note: "template-note-placement-post-title",
    },
    Column {
        label: "场所类型",
        field: "venueType",
        required: true,
        note: "template-note-placement-venue-type",
    },
    Column {
        label: "危险作业",
        field: "hazardous",
        required: false,
        note: "template-note-placement-hazardous",
    },
    Column {
        label: "每周工时",
        field: "weeklyHours",
        required: true,
        note: "template-note-placement-weekly-hours",
    },
    Column {
        label: "夜班",
        field: "nightShifts",
        required: false,
        note: "template-note-placement-night-shifts",
    },
    Column {
        label: "加班或节假日工作",
        field: "overtime",
        required: false,
        note: "template-note-placement-overtime",
    },
    Column {
        label: "同岗位职工数",
        field: "postStaffCount",
        required: false,
        note: "template-note-placement-post-staff-count",
    },
    Column {
        label: "月实习报酬",
        field: "monthlyPay",
        required: true,
        note: "template-note-placement-monthly-pay",
    },
    Column {
        label: "同岗位工资",
        field: "postWage",
        required: true,
        note: "template-note-placement-post-wage",
    },
    Column {
        label: "师傅",
        field: "mentorName",
        required: false,
        note: "template-note-placement-mentor-name",
    },
    Column {
        label: "师傅职称",
        field: "mentorTitle",
        required: false,
        note: "template-note-placement-mentor-title",
    },
    Column {
        label: "安排方",
        field: "arrangedBy",
        required: true,
        note: "template-note-placement-arranged-by",
    },
    Column {
        label: "在其他企业工作",
        field: "worksElsewhere",
        required: false,
        note: "template-note-placement-works-elsewhere",
    },
    Column {
        label: "三方协议签订日期",
        field: "agreementSignedOn",
        required: false,
        note: "template-note-placement-agreement-signed-on",
    },
    Column {
        label: "监护人签字",
        field: "agreementGuardianSigned",
        required: false,
        note: "template-note-placement-agreement-guardian-signed",
    },
    Column {
        label: "知情同意",
        field: "consentGiven",
        required: false,
        note: "template-note-placement-consent-given",
    },
    Column {
        label: "监护人知情同意",
        field: "guardianConsentGiven",
        required: false,
        note: "template-note-placement-guardian-consent-given",
    },
    Column {
        label: "保险单号",
        field: "insurancePolicy",
        required: false,
        note: "template-note-placement-insurance-policy",
    },
    Column {
        label: "保险起始日期",
        field: "insuranceStart",
        required: false,
        note: "template-note-placement-insurance-start",
    },
    Column {
        label: "保险截止日期",
        field: "insuranceEnd",
        required: false,
        note: "template-note-placement-insurance-end",
    },
    Column {
        label: "开始日期",
        field: "startDate",
        required: true,
        note: "template-note-placement-start-date",
    },
    Column {
        label: "结束日期",
        field: "endDate",
        required: true,
        note: "template-note-placement-end-date",
    },
    Column {
        label: "女职工禁忌作业",
        field: "femaleForbiddenWork",
        required: false,
        note: "template-note-placement-female-forbidden-work",
    },
    Column {
        label: "体力劳动强度级别",
        field: "labourIntensity",
        required: false,
        note: "template-note-placement-labour-intensity",
    },
    Column {
        label: "学校审核同意日期",
        field: "applicationApprovedOn",
        required: false,
        note: "template-note-placement-application-approved-on",
    },
    Column {
        label: "实习单位在岗职工人数",
        field: "hostStaffCount",
        required: false,
        note: "template-note-placement-host-staff-count",
    },
    Column {
        label: "实习单位为人力资源服务机构",
        field: "hostIsAgency",
        required: false,
        note: "template-note-placement-host-is-agency",
    },
    Column {
        label: "实训基地ID",
        field: "trainingSiteId",
        required: false,
        note: "template-note-placement-training-site-id",
    },
];

/// What a column holds, for the template's cell formats and drop-down lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Free text.
    Text,
    /// Digits that are an identifier (学号, 身份证号, 统一社会信用代码): the column is formatted as
    /// text, so Excel keeps every digit and leading zeros.
    Code,
    /// A date (the column is formatted `yyyy-mm-dd`).
    Date,
    /// A whole number.
    Whole,
    /// 是 / 否, offered as a drop-down list.
    YesNo,
    /// One value of an enum, offered as a drop-down list of its Chinese labels.
    Choice,
}

/// The kind of the column `field` (of either template).
pub fn cell_kind(field: &str) -> CellKind {
    match field {
        "studentNumber" | "nationalId" | "hostUscc" => CellKind::Code,
        "dateOfBirth"
        | "agreementSignedOn"
        | "insuranceStart"
        | "insuranceEnd"
        | "startDate"
        | "endDate"
        | "applicationApprovedOn" => CellKind::Date,
        "yearOfStudy" | "weeklyHours" | "postStaffCount" | "monthlyPay" | "postWage"
        | "labourIntensity" | "hostStaffCount" => CellKind::Whole,
        "hazardous"
        | "femaleForbiddenWork"
        | "hostIsAgency"
        | "nightShifts"
        | "overtime"
        | "worksElsewhere"
        | "agreementGuardianSigned"
        | "consentGiven"
        | "guardianConsentGiven" => CellKind::YesNo,
        "gender" | "venueType" | "arrangedBy" => CellKind::Choice,
        _ => CellKind::Text,
    }
}

/// The Chinese labels a drop-down list offers in column `field` (empty for other columns).
pub fn list_labels(field: &str) -> Vec<&'static str> {
    use sea_orm::Iterable;
    match field {
        "gender" => vec!["男", "女"],
        "venueType" => entity::enums::VenueType::iter()
            .map(entity::enums::VenueType::label_zh)
            .collect(),
        "arrangedBy" => entity::enums::ArrangedBy::iter()
            .map(entity::enums::ArrangedBy::label_zh)
            .collect(),
        _ if cell_kind(field) == CellKind::YesNo => vec!["是", "否"],
        _ => Vec::new(),
    }
}

/// The text of `column`'s cell in the template's notes row, in `locale` (`必填：…` /
/// `required: …` for a required column).
pub fn note_text(column: &Column, locale: Locale) -> String {
    let note = Message::new(column.note).render(locale);
    if column.required {
        msg!("template-note-required", note = note).render(locale)
    } else {
        note
    }
}

/// Rows of a template that carry its formats and drop-down lists (the data rows a clerk fills).
const TEMPLATE_ROWS: u32 = 10_000;

/// The instructions sheet (填写说明), one line a row.
fn instructions() -> [Message; 8] {
    [
        msg!("template-instructions-title"),
        msg!("template-instructions-1"),
        msg!("template-instructions-2"),
        msg!("template-instructions-3"),
        msg!("template-instructions-4"),
        msg!("template-instructions-5"),
        msg!("template-instructions-6"),
        msg!("template-instructions-7"),
    ]
}

/// Writes a template workbook: the data sheet, with its header row (Chinese label with the field
/// name in parentheses) frozen, a row of notes the importer skips, code columns formatted as text,
/// date columns as dates, drop-down lists of Chinese labels for enum and 是/否 columns on the first
/// [`TEMPLATE_ROWS`] data rows, column widths to fit the headers; then the instructions sheet
/// (填写说明). Headers are always Chinese with the field name; the notes, the drop-downs' error
/// texts and the instructions are in `locale`.
///
/// # Errors
/// Only if the workbook cannot be assembled.
pub fn template(
    columns: &[Column],
    sheet: &str,
    locale: Locale,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Format};
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet)?;
    let bold = Format::new().set_bold();
    let note = Format::new()
        .set_italic()
        .set_font_color(rust_xlsxwriter::Color::Gray);
    let text = Format::new().set_num_format("@");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let whole = Format::new().set_num_format("0");
    for (i, c) in columns.iter().enumerate() {
        let col = u16::try_from(i).unwrap_or(u16::MAX);
        let header = format!("{} ({})", c.label, c.field);
        // Chinese characters are about two columns wide.
        let width = c.label.chars().count() * 2 + c.field.len() + 4;
        ws.set_column_width(col, u32::try_from(width.clamp(12, 40)).unwrap_or(12))?;
        match cell_kind(c.field) {
            CellKind::Code => {
                ws.set_column_format(col, &text)?;
            }
            CellKind::Date => {
                ws.set_column_format(col, &date)?;
            }
            CellKind::Whole => {
                ws.set_column_format(col, &whole)?;
            }
            CellKind::Text | CellKind::YesNo | CellKind::Choice => {}
        }
        ws.write_string_with_format(0, col, header, &bold)?;
        ws.write_string_with_format(1, col, note_text(c, locale), &note)?;
        let labels = list_labels(c.field);
        if !labels.is_empty() {
            let list = DataValidation::new()
                .allow_list_strings(&labels)?
                .set_error_style(DataValidationErrorStyle::Warning)
                .set_error_title(msg!("template-list-error-title").render(locale))?
                .set_error_message(
                    msg!("template-list-error-message", options = labels.join("、")).render(locale),
                )?;
            ws.add_data_validation(2, col, 1 + TEMPLATE_ROWS, col, &list)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    let help = book.add_worksheet();
    help.set_name(msg!("template-instructions-sheet").render(locale))?;
    help.set_column_width(0, 120)?;
    for (r, line) in instructions().iter().enumerate() {
        let row = u32::try_from(r).unwrap_or(0);
        if r == 0 {
            help.write_string_with_format(row, 0, line.render(locale), &bold)?;
        } else {
            help.write_string(row, 0, line.render(locale))?;
        }
    }
    book.save_to_buffer()
}
