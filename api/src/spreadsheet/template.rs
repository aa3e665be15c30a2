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

/// Writes a template workbook: the header row (Chinese label with the field name in parentheses),
/// then a row of notes.
///
/// # Errors
/// Only if the workbook cannot be assembled.
pub fn template(columns: &[Column], sheet: &str) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet)?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let note = rust_xlsxwriter::Format::new()
        .set_italic()
        .set_font_color(rust_xlsxwriter::Color::Gray);
    for (i, c) in columns.iter().enumerate() {
        let col = u16::try_from(i).unwrap_or(u16::MAX);
        ws.write_string_with_format(0, col, format!("{} ({})", c.label, c.field), &bold)?;
        ws.write_string_with_format(
            1,
            col,
            format!("{}{}", if c.required { "required: " } else { "" }, c.note),
            &note,
        )?;
        ws.set_column_width(col, 18)?;
    }
    book.save_to_buffer()
}
