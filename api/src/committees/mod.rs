//! The committees' year (`docs/committees.md`): the plan's targets and milestones measured from
//! the records, and the yearly evaluation of the members (督导评估, Founding notice 三(三)) —
//! rounds, their computed and scored items, self-assessments, scores and frozen results.

mod assess;
mod corridor;
mod council;
mod people_targets;
mod report;
mod results;
mod rounds;
mod targets;
mod values;

pub use assess::*;
pub use corridor::*;
pub use council::*;
pub use report::*;
pub use results::*;
pub use rounds::*;
pub use targets::*;
pub use values::*;

use people_targets::people_records;
