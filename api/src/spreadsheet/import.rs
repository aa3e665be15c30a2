//! Importing students and placements from a file: every row checked, every bad row reported, and
//! nothing written unless every row is good (one transaction). One loop ([`run`]) reads, checks,
//! batches and commits for every kind of import; an [`Importer`] says what a row means.

use std::collections::HashMap;
use std::io::{Read, Seek};

use chrono::{NaiveDate, Utc};
use entity::enums::{ArrangedBy, Gender, VenueType};
use entity::{internship_placement, student};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait,
    QueryFilter, TransactionTrait,
};
use uuid::Uuid;

use super::cells::{Row, arranged, column_letters, genders, header_map, is_notes_row, venues};
use super::read::{FileProblem, Format, MAX_IMPORT_ROWS, Rows, file_error};
use super::template::{Column, PLACEMENT_COLUMNS, STUDENT_COLUMNS};
use crate::actor::Actor;
use crate::error::{Error, Violation, ViolationCode};
use crate::i18n::Message;
use crate::msg;
use crate::placement::{self, Host, Members, PlacementInput, Sites, StudentInput};

/// Rows written per statement.
const BATCH: usize = 500;

/// One problem with one row (or the file itself, row 0).
#[derive(Debug, Clone, PartialEq, Eq, async_graphql::SimpleObject)]
#[graphql(complex)]
pub struct RowError {
    /// Spreadsheet row number (1 = the header row; data start at 2); 0 for the file as a whole.
    pub row: u64,
    /// The column's field name, when one column is at fault.
    pub column: Option<String>,
    /// The cell as Excel names it (`C5`: column letter, row number), when one column is at fault.
    pub cell: Option<String>,
    /// The column's header in the file (e.g. `性别 (gender)`), when one column is at fault.
    pub header: Option<String>,
    /// Typed code.
    pub code: ViolationCode,
    /// What is wrong; the `message` field renders it in the request's language.
    #[graphql(skip)]
    pub message: Message,
}

#[async_graphql::ComplexObject]
impl RowError {
    /// What is wrong, for the clerk who fixes the file: in Chinese (zh-CN) or English by the
    /// request's `Accept-Language`. Programs read `code`.
    async fn message(&self, ctx: &async_graphql::Context<'_>) -> String {
        self.message.render(crate::i18n::Locale::of(ctx))
    }
}

impl RowError {
    /// The row errors of a core check's violations on row `row`.
    fn of(row: u64, violations: Vec<Violation>) -> impl Iterator<Item = Self> {
        violations.into_iter().map(move |v| Self {
            row,
            column: v.field,
            cell: None,
            header: None,
            code: v.code,
            message: v.message,
        })
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, async_graphql::SimpleObject)]
pub struct ImportReport {
    /// Data rows read.
    pub rows_read: u64,
    /// Rows that added a record.
    pub inserted: u64,
    /// Rows that changed an existing record.
    pub updated: u64,
    /// Rows already present as they are (nothing to do).
    pub unchanged: u64,
    /// Problems found, in row order: the first 1,000 (`MAX_REPORTED_ERRORS`). When not empty,
    /// nothing was written.
    pub errors: Vec<RowError>,
    /// How many problems were found in the rows checked (`errors` holds at most the first
    /// 1,000).
    pub error_count: u64,
    /// Whether every row of the file was checked. False when the import stopped at 1,000
    /// problems (fix those and import again to see the rest) or at a problem with the file as a
    /// whole (unreadable, a cell beyond the template's width, more than 200,000 data rows).
    pub checked_all_rows: bool,
}

/// Most problems an import reports; it stops reading when it has found this many.
pub const MAX_REPORTED_ERRORS: usize = 1_000;

/// Rows checked between two yields to the runtime, so the request deadline can stop an import.
const YIELD_EVERY: u64 = 256;

impl ImportReport {
    /// Records a problem (kept while fewer than [`MAX_REPORTED_ERRORS`] are kept).
    fn push(&mut self, error: RowError) {
        self.error_count += 1;
        if self.errors.len() < MAX_REPORTED_ERRORS {
            self.errors.push(error);
        }
    }

    /// Whether the import has found as many problems as it reports.
    fn full(&self) -> bool {
        self.error_count >= MAX_REPORTED_ERRORS as u64
    }
}

/// One kind of import: its layout, what it loads first, what a row means, how rows are written.
trait Importer: Sized + Send {
    /// The layout of its files.
    const COLUMNS: &'static [Column];

    /// Loads what checking rows needs (inside the import's transaction).
    fn prepare(
        txn: &DatabaseTransaction,
        school: Uuid,
    ) -> impl Future<Output = Result<Self, DbErr>> + Send;

    /// Reads and checks one row and stages its write, counting it in `report`; or the row's
    /// problems (its cells' are in `row.errors` already).
    fn read(&mut self, row: &mut Row<'_>, report: &mut ImportReport) -> Result<(), Vec<Violation>>;

    /// Rows staged and not yet written.
    fn staged(&self) -> usize;

    /// Writes what is staged when `write` (else drops it), counting in `report`.
    fn flush(
        &mut self,
        txn: &DatabaseTransaction,
        write: bool,
        report: &mut ImportReport,
    ) -> impl Future<Output = Result<(), DbErr>> + Send;
}

/// The import: a checking pass over the whole file in a read transaction (no write lock held),
/// then — only when every row is good — a writing pass in one short write transaction, which
/// re-checks each row against what it now reads (another writer may have changed the records
/// meanwhile) and commits only when no row had a problem.
///
/// So a bad or hostile file never takes the write lock at all, and a good one holds it only for
/// the writes: on SQLite other writers are not kept waiting while a file is parsed.
async fn run<I: Importer>(
    db: &DatabaseConnection,
    school: Uuid,
    format: Format,
    mut file: std::fs::File,
    mut progress: impl FnMut(u64),
) -> Result<ImportReport, DbErr> {
    use std::io::Seek;
    // An import through the API is recorded as an import (the command line keeps its own mark).
    if entity::audit::current().source == entity::enums::AuditSource::Api {
        entity::audit::set_source(entity::enums::AuditSource::Import);
    }
    let unreadable = |e: std::io::Error| {
        file_error(FileProblem::malformed(msg!(
            "import-file-unreadable",
            detail = e.to_string()
        )))
    };
    let checking = match file.try_clone() {
        Ok(f) => f,
        Err(e) => return Ok(unreadable(e)),
    };
    let read = db.begin().await?;
    let checked = pass::<I, _>(&read, school, format, checking, false, &mut progress).await?;
    read.rollback().await?;
    if !checked.errors.is_empty() || !checked.checked_all_rows {
        // Nothing was written: the counts of the checking pass say what would have been.
        return Ok(ImportReport {
            inserted: 0,
            updated: 0,
            unchanged: 0,
            ..checked
        });
    }
    // The checking pass read to the end of the file (its reader thread has ended): rewind.
    if let Err(e) = file.rewind() {
        return Ok(unreadable(e));
    }
    let txn = crate::db::write_txn(db).await?;
    let report = pass::<I, _>(&txn, school, format, file, true, &mut progress).await?;
    if report.errors.is_empty() && report.checked_all_rows {
        txn.commit().await?;
        Ok(report)
    } else {
        txn.rollback().await?;
        Ok(ImportReport {
            inserted: 0,
            updated: 0,
            unchanged: 0,
            ..report
        })
    }
}

/// One pass over the file in `txn`: reads row by row, checks each row, and — when `write` and no
/// row had a problem so far — writes in batches.
async fn pass<I: Importer, R: Read + Seek + Send + 'static>(
    txn: &DatabaseTransaction,
    school: Uuid,
    format: Format,
    reader: R,
    write: bool,
    progress: &mut impl FnMut(u64),
) -> Result<ImportReport, DbErr> {
    let mut rows = Rows::open(format, std::io::BufReader::new(reader), I::COLUMNS.len());
    let header = match rows.next_row().await {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Ok(file_error(e)),
        None => {
            return Ok(file_error(FileProblem::malformed(msg!(
                "import-file-empty"
            ))));
        }
    };
    let map = match header_map(&header, I::COLUMNS) {
        Ok(m) => m,
        Err(e) => return Ok(file_error(FileProblem::malformed(e))),
    };
    let mut importer = I::prepare(txn, school).await?;
    let mut report = ImportReport::default();
    let mut number: u64 = 1;
    report.checked_all_rows = true;
    while let Some(cells) = rows.next_row().await {
        number += 1;
        if number.is_multiple_of(YIELD_EVERY) {
            tokio::task::yield_now().await;
        }
        let cells = match cells {
            Ok(c) if number > MAX_IMPORT_ROWS + 1 => {
                drop(c);
                Err(FileProblem::too_many_rows())
            }
            other => other,
        };
        let cells = match cells {
            Ok(c) => c,
            Err(problem) => {
                report.push(RowError {
                    row: number,
                    column: None,
                    cell: None,
                    header: None,
                    code: problem.code,
                    message: problem.message,
                });
                // The reader stops at its first problem; so does the import.
                report.checked_all_rows = false;
                break;
            }
        };
        if cells.iter().all(String::is_empty) {
            continue;
        }
        // The template's notes row, left in place under the header, is not data.
        if number == 2 && is_notes_row(&cells, &map, I::COLUMNS) {
            continue;
        }
        report.rows_read += 1;
        let mut row = Row {
            number,
            cells: &cells,
            map: &map,
            errors: Vec::new(),
        };
        let outcome = importer.read(&mut row, &mut report);
        for e in std::mem::take(&mut row.errors) {
            report.push(e);
        }
        if let Err(violations) = outcome {
            for e in RowError::of(number, violations) {
                report.push(e);
            }
        }
        if report.full() {
            report.checked_all_rows = false;
            break;
        }
        if importer.staged() >= BATCH {
            let now = write && report.errors.is_empty();
            importer.flush(txn, now, &mut report).await?;
        }
        if number.is_multiple_of(1000) {
            progress(report.rows_read);
        }
    }
    let now = write && report.errors.is_empty();
    importer.flush(txn, now, &mut report).await?;
    progress(report.rows_read);
    // Name each cell at fault as Excel does, with the header the file gave its column.
    for e in &mut report.errors {
        if let Some(&i) = e.column.as_deref().and_then(|f| map.get(f)) {
            e.cell = Some(format!("{}{}", column_letters(i), e.row));
            e.header = header.get(i).map(|h| h.chars().take(100).collect());
        }
    }
    Ok(report)
}

/// Imports students for `school` from `file` (see [`run`]: checked whole, then written); `progress` is called with the rows done so far.
/// Students are keyed by school and student number: a row equal to the stored student is
/// unchanged, a different one updates it.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` unless the caller acts for a school (it imports for its own);
/// database failures (the transaction is rolled back). Problems with the file are in the report.
pub async fn import_students(
    db: &DatabaseConnection,
    actor: &Actor,
    format: Format,
    file: std::fs::File,
    progress: impl FnMut(u64),
) -> Result<ImportReport, Error> {
    let school = actor.require_school()?;
    Ok(counted(
        "students",
        run::<StudentImport>(db, school, format, file, progress).await?,
    ))
}

/// Imports placements for `school` from `file` (see [`run`]: checked whole, then written; each
/// PLANNED, ready for activation);
/// `progress` is called with the rows done so far. Placements are keyed by student, host and
/// start date: a row already stored is unchanged.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` unless the caller acts for a school (it imports for its own);
/// database failures (the transaction is rolled back). Problems with the file are in the report.
pub async fn import_placements(
    db: &DatabaseConnection,
    actor: &Actor,
    format: Format,
    file: std::fs::File,
    progress: impl FnMut(u64),
) -> Result<ImportReport, Error> {
    let school = actor.require_school()?;
    Ok(counted(
        "placements",
        run::<PlacementImport>(db, school, format, file, progress).await?,
    ))
}

/// `report`, its rows counted in the metrics when the import went through.
fn counted(kind: &'static str, report: ImportReport) -> ImportReport {
    if report.errors.is_empty() {
        crate::metrics::import_rows(kind, report.inserted, report.updated, report.unchanged);
    }
    report
}

/// The student import: the school's students by number, and the rows to insert and update.
struct StudentImport {
    school: Uuid,
    today: NaiveDate,
    existing: HashMap<String, student::Model>,
    /// The row on which each student number of the file first appears.
    seen: HashMap<String, u64>,
    inserts: Vec<student::ActiveModel>,
    updates: Vec<student::ActiveModel>,
}

impl Importer for StudentImport {
    const COLUMNS: &'static [Column] = STUDENT_COLUMNS;

    async fn prepare(txn: &DatabaseTransaction, school: Uuid) -> Result<Self, DbErr> {
        let existing = student::Entity::find()
            .filter(student::Column::SchoolId.eq(school))
            .all(txn)
            .await?
            .into_iter()
            .map(|s| (s.student_number.clone(), s))
            .collect();
        Ok(Self {
            school,
            today: Utc::now().date_naive(),
            existing,
            seen: HashMap::new(),
            inserts: Vec::new(),
            updates: Vec::new(),
        })
    }

    fn read(&mut self, row: &mut Row<'_>, report: &mut ImportReport) -> Result<(), Vec<Violation>> {
        let mut input = StudentInput {
            student_number: row.required("studentNumber"),
            name: row.required("name"),
            gender: row.required_choice("gender", &genders(), Gender::Male),
            date_of_birth: row.required_date("dateOfBirth"),
            year_of_study: row.int("yearOfStudy"),
            specialty: row.text("specialty"),
            national_id: row.national_id("nationalId"),
        };
        if !row.errors.is_empty() {
            return Ok(());
        }
        let problems = placement::check_student(&mut input, self.today);
        if !problems.is_empty() {
            return Err(problems);
        }
        if let Some(first) = self.seen.get(&input.student_number) {
            return Err(vec![Violation::on(
                "studentNumber",
                ViolationCode::Taken,
                msg!(
                    "import-student-number-repeated",
                    number = &input.student_number,
                    first = *first
                ),
            )]);
        }
        if self.seen.len() < MAX_IMPORT_ROWS as usize {
            self.seen.insert(input.student_number.clone(), row.number);
        }
        let now = Utc::now();
        match self.existing.get(&input.student_number) {
            Some(s) if input.matches(s) => report.unchanged += 1,
            Some(s) => {
                let mut a: student::ActiveModel = s.clone().into();
                input.apply(&mut a, now);
                self.updates.push(a);
                report.updated += 1;
            }
            None => {
                let model = input.into_model(self.school, now);
                self.inserts.push(model.clone().into());
                self.existing.insert(model.student_number.clone(), model);
                report.inserted += 1;
            }
        }
        Ok(())
    }

    fn staged(&self) -> usize {
        self.inserts.len() + self.updates.len()
    }

    async fn flush(
        &mut self,
        txn: &DatabaseTransaction,
        write: bool,
        _report: &mut ImportReport,
    ) -> Result<(), DbErr> {
        let inserts = std::mem::take(&mut self.inserts);
        let updates = std::mem::take(&mut self.updates);
        if !write {
            return Ok(());
        }
        for a in updates {
            a.update(txn).await?;
        }
        if !inserts.is_empty() {
            // A bulk insert bypasses the entities' hooks: the import records its rows itself.
            let created = inserts
                .iter()
                .cloned()
                .map(sea_orm::TryIntoModel::try_into_model)
                .collect::<Result<Vec<student::Model>, DbErr>>()?;
            student::Entity::insert_many(inserts)
                .exec_without_returning(txn)
                .await?;
            entity::audit::record_models(txn, entity::enums::AuditAction::Create, &created).await?;
        }
        Ok(())
    }
}

/// The placement import: the school's students by number, the registry's members (to link hosts
/// by name), and the rows to insert.
struct PlacementImport {
    school: Uuid,
    students: HashMap<String, Uuid>,
    members: Members,
    sites: Sites,
    batch: Vec<internship_placement::ActiveModel>,
}

/// The `trainingSiteId` cell: a training site's global ID (`TrainingSite.id`), or empty;
/// anything else is `INVALID`.
fn training_site(row: &mut Row<'_>) -> Option<Uuid> {
    let text = row.text("trainingSiteId")?;
    let id = crate::global_id::decode("TrainingSite", &text);
    if id.is_none() {
        row.fail(
            "trainingSiteId",
            ViolationCode::Invalid,
            msg!("placement-training-site-id-malformed"),
        );
    }
    id
}

impl Importer for PlacementImport {
    const COLUMNS: &'static [Column] = PLACEMENT_COLUMNS;

    async fn prepare(txn: &DatabaseTransaction, school: Uuid) -> Result<Self, DbErr> {
        Ok(Self {
            school,
            students: placement::students_by_number(txn, school).await?,
            members: Members::load(txn).await?,
            sites: Sites::load_all(txn).await?,
            batch: Vec::new(),
        })
    }

    fn read(&mut self, row: &mut Row<'_>, report: &mut ImportReport) -> Result<(), Vec<Violation>> {
        let input = PlacementInput {
            student_number: row.required("studentNumber"),
            host: Host::Other {
                name: row.required("hostName"),
                uscc: row.text("hostUscc"),
            },
            order_class_id: None,
            post_title: row.required("postTitle"),
            venue_type: row.required_choice("venueType", &venues(), VenueType::Other),
            hazardous: row.flag("hazardous"),
            female_forbidden_work: row.flag("femaleForbiddenWork"),
            labour_intensity: row
                .int("labourIntensity")
                .map(|l| i16::try_from(l).unwrap_or(i16::MAX)),
            weekly_hours: row.required_int("weeklyHours"),
            night_shifts: row.flag("nightShifts"),
            overtime: row.flag("overtime"),
            post_staff_count: row.int("postStaffCount"),
            host_staff_count: row.int("hostStaffCount"),
            host_is_agency: row.flag("hostIsAgency"),
            monthly_pay: row.required_int("monthlyPay"),
            post_wage: row.required_int("postWage"),
            mentor_name: row.text("mentorName"),
            mentor_title: row.text("mentorTitle"),
            arranged_by: row.required_choice("arrangedBy", &arranged(), ArrangedBy::School),
            works_elsewhere: row.flag("worksElsewhere"),
            agreement_signed_on: row.date("agreementSignedOn"),
            agreement_guardian_signed: row.flag("agreementGuardianSigned"),
            consent_given: row.flag("consentGiven"),
            guardian_consent_given: row.flag("guardianConsentGiven"),
            application_approved_on: row.date("applicationApprovedOn"),
            insurance_policy: row.text("insurancePolicy"),
            insurance_start: row.date("insuranceStart"),
            insurance_end: row.date("insuranceEnd"),
            start_date: row.required_date("startDate"),
            end_date: row.required_date("endDate"),
            training_site_id: training_site(row),
        };
        if !row.errors.is_empty() {
            return Ok(());
        }
        let checked = placement::check_placement(
            self.school,
            input,
            &self.students,
            &self.members,
            &self.sites,
        )?;
        self.batch.push(checked.model);
        // Counted as unchanged until the insert says it added the row (see `flush`).
        report.unchanged += 1;
        Ok(())
    }

    fn staged(&self) -> usize {
        self.batch.len()
    }

    async fn flush(
        &mut self,
        txn: &DatabaseTransaction,
        write: bool,
        report: &mut ImportReport,
    ) -> Result<(), DbErr> {
        let rows = std::mem::take(&mut self.batch);
        if !write || rows.is_empty() {
            return Ok(());
        }
        let ids: Vec<Uuid> = rows
            .iter()
            .filter_map(|r| match &r.id {
                sea_orm::ActiveValue::Set(id) | sea_orm::ActiveValue::Unchanged(id) => Some(*id),
                sea_orm::ActiveValue::NotSet => None,
            })
            .collect();
        let inserted = internship_placement::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::columns([
                    internship_placement::Column::StudentId,
                    internship_placement::Column::HostKey,
                    internship_placement::Column::StartDate,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(txn)
            .await?;
        // A bulk insert bypasses the entities' hooks, and rows already there were skipped: the
        // import records the rows it did insert (those with the ids it gave them).
        let created = internship_placement::Entity::find()
            .filter(internship_placement::Column::Id.is_in(ids))
            .all(txn)
            .await?;
        entity::audit::record_models(txn, entity::enums::AuditAction::Create, &created).await?;
        report.inserted += inserted;
        report.unchanged -= inserted;
        Ok(())
    }
}
