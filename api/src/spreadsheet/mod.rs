//! Bulk import and export of students and internship placements as Excel (.xlsx) or CSV, laid out
//! as the templates this module writes (headers in Chinese with the field name in parentheses,
//! e.g. `学号 (studentNumber)`).
//!
//! An import is one transaction: every row is checked, every bad row is reported (row number,
//! column, code, message), and if any row is bad nothing is written. Re-importing the same file
//! changes nothing: placements are keyed by school + student number + host + start date, students
//! by school + student number (a row equal to the stored student is left alone). Rows are read
//! and written one batch at a time; the file itself is held once (a CSV is streamed; an .xlsx
//! sheet is read once by calamine).

mod cells;
mod export;
mod import;
mod read;
mod template;

pub use export::*;
pub use import::*;
pub use read::*;
pub use template::*;
