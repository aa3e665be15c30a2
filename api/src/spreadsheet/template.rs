//! The import layouts (columns with Chinese headers and the field name) and the template
//! workbooks built from them.

/// One column of a template: the Chinese label, the field name, and a note for the template's
/// second row.
pub struct Column {
    /// Chinese label.
    pub label: &'static str,
    /// Field name (the GraphQL input field).
    pub field: &'static str,
    /// Required.
    pub required: bool,
    /// What goes in it.
    pub note: &'static str,
}

/// Columns of the student template.
pub const STUDENT_COLUMNS: &[Column] = &[
    Column {
        label: "学号",
        field: "studentNumber",
        required: true,
        note: "unique within your school",
    },
    Column {
        label: "姓名",
        field: "name",
        required: true,
        note: "full name",
    },
    Column {
        label: "性别",
        field: "gender",
        required: true,
        note: "男 / 女 (MALE / FEMALE)",
    },
    Column {
        label: "出生日期",
        field: "dateOfBirth",
        required: true,
        note: "YYYY-MM-DD",
    },
    Column {
        label: "年级",
        field: "yearOfStudy",
        required: false,
        note: "1-6 (1 = first year)",
    },
    Column {
        label: "专业",
        field: "specialty",
        required: false,
        note: "specialty name",
    },
    Column {
        label: "身份证号",
        field: "nationalId",
        required: false,
        note: "18 characters; stored, shown masked",
    },
];

/// Columns of the placement template (also the export's columns, so an export re-imports).
pub const PLACEMENT_COLUMNS: &[Column] = &[
    Column {
        label: "学号",
        field: "studentNumber",
        required: true,
        note: "a student of your school",
    },
    Column {
        label: "实习单位",
        field: "hostName",
        required: true,
        note: "a member's exact name, or another firm's",
    },
    Column {
        label: "实习单位统一社会信用代码",
        field: "hostUscc",
        required: false,
        note: "18 characters, GB 32100-2015",
    },
    Column {
        label: "岗位",
        field: "postTitle",
        required: true,
        note: "post title",
    },
    Column {
        label: "场所类型",
        field: "venueType",
        required: true,
        note: "WORKSHOP, OFFICE, RETAIL, HOSPITALITY, HEALTH_CARE, CONSTRUCTION_SITE, LABORATORY, OTHER, …",
    },
    Column {
        label: "危险作业",
        field: "hazardous",
        required: false,
        note: "是/否",
    },
    Column {
        label: "每周工时",
        field: "weeklyHours",
        required: true,
        note: "hours",
    },
    Column {
        label: "夜班",
        field: "nightShifts",
        required: false,
        note: "是/否",
    },
    Column {
        label: "加班或节假日工作",
        field: "overtime",
        required: false,
        note: "是/否",
    },
    Column {
        label: "同岗位职工数",
        field: "postStaffCount",
        required: false,
        note: "persons",
    },
    Column {
        label: "月实习报酬",
        field: "monthlyPay",
        required: true,
        note: "CNY",
    },
    Column {
        label: "同岗位工资",
        field: "postWage",
        required: true,
        note: "CNY, the host's wage for the post",
    },
    Column {
        label: "师傅",
        field: "mentorName",
        required: false,
        note: "workplace mentor",
    },
    Column {
        label: "师傅职称",
        field: "mentorTitle",
        required: false,
        note: "e.g. 高级技师",
    },
    Column {
        label: "安排方",
        field: "arrangedBy",
        required: true,
        note: "SCHOOL, HOST, STUDENT, INTERMEDIARY",
    },
    Column {
        label: "在其他企业工作",
        field: "worksElsewhere",
        required: false,
        note: "是/否 (agency hosts)",
    },
    Column {
        label: "三方协议签订日期",
        field: "agreementSignedOn",
        required: false,
        note: "YYYY-MM-DD",
    },
    Column {
        label: "监护人签字",
        field: "agreementGuardianSigned",
        required: false,
        note: "是/否",
    },
    Column {
        label: "知情同意",
        field: "consentGiven",
        required: false,
        note: "是/否 (the student\'s)",
    },
    Column {
        label: "监护人知情同意",
        field: "guardianConsentGiven",
        required: false,
        note: "是/否 (for a minor)",
    },
    Column {
        label: "保险单号",
        field: "insurancePolicy",
        required: false,
        note: "liability insurance",
    },
    Column {
        label: "保险起始日期",
        field: "insuranceStart",
        required: false,
        note: "YYYY-MM-DD",
    },
    Column {
        label: "保险截止日期",
        field: "insuranceEnd",
        required: false,
        note: "YYYY-MM-DD",
    },
    Column {
        label: "开始日期",
        field: "startDate",
        required: true,
        note: "YYYY-MM-DD",
    },
    Column {
        label: "结束日期",
        field: "endDate",
        required: true,
        note: "YYYY-MM-DD",
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
        "dateOfBirth" | "agreementSignedOn" | "insuranceStart" | "insuranceEnd" | "startDate"
        | "endDate" => CellKind::Date,
        "yearOfStudy" | "weeklyHours" | "postStaffCount" | "monthlyPay" | "postWage" => {
            CellKind::Whole
        }
        "hazardous"
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

/// The text of `column`'s cell in the template's notes row.
pub fn note_text(column: &Column) -> String {
    format!(
        "{}{}",
        if column.required { "required: " } else { "" },
        column.note
    )
}

/// Rows of a template that carry its formats and drop-down lists (the data rows a clerk fills).
const TEMPLATE_ROWS: u32 = 10_000;

/// The instructions sheet (填写说明), one line a row.
const INSTRUCTIONS: &[&str] = &[
    "填写说明",
    "1. 第一行是表头（中文名称及字段名），请勿修改；第二行是各列说明，可以保留，导入时会自动跳过。",
    "2. 从第三行起每行填写一条记录。标有“required”的列必须填写。",
    "3. 性别、场所类型、安排方以及“是/否”列请从下拉列表中选择；也可以填写英文代码（如 WORKSHOP）。",
    "4. 日期可以是 Excel 日期，也可以写成 2007-05-12、2007/5/12 或 2007年5月12日。",
    "5. 学号、身份证号、统一社会信用代码列已设为文本格式：请直接输入，不要改成数字格式，否则 Excel 会丢失身份证号的末几位。",
    "6. 整个文件在一个事务中导入：只要有一行有误，就不会写入任何数据；错误会标明单元格（如 C5）和列名。同一文件导入两次不会重复写入。",
    "7. 也可以另存为 CSV（UTF-8 或 Excel 默认的 GBK 编码）或 Excel 97-2003 (.xls) 后上传。",
];

/// Writes a template workbook: the data sheet, with its header row (Chinese label with the field
/// name in parentheses) frozen, a row of notes the importer skips, code columns formatted as text,
/// date columns as dates, drop-down lists of Chinese labels for enum and 是/否 columns on the first
/// [`TEMPLATE_ROWS`] data rows, column widths to fit the headers; then the instructions sheet
/// (填写说明).
///
/// # Errors
/// Only if the workbook cannot be assembled.
pub fn template(columns: &[Column], sheet: &str) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
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
        ws.write_string_with_format(1, col, note_text(c), &note)?;
        let labels = list_labels(c.field);
        if !labels.is_empty() {
            let list = DataValidation::new()
                .allow_list_strings(&labels)?
                .set_error_style(DataValidationErrorStyle::Warning)
                .set_error_title("请从列表中选择")?
                .set_error_message(format!("可选：{}", labels.join("、")))?;
            ws.add_data_validation(2, col, 1 + TEMPLATE_ROWS, col, &list)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    let help = book.add_worksheet();
    help.set_name("填写说明")?;
    help.set_column_width(0, 120)?;
    for (r, line) in INSTRUCTIONS.iter().enumerate() {
        let row = u32::try_from(r).unwrap_or(0);
        if r == 0 {
            help.write_string_with_format(row, 0, *line, &bold)?;
        } else {
            help.write_string(row, 0, *line)?;
        }
    }
    book.save_to_buffer()
}
