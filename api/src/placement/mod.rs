//! Internship placements (岗位实习), checked against the national rules for vocational students'
//! internships (职业学校学生实习管理规定, 教职成〔2021〕4号; `docs/internship-rules.md`), students, graduate
//! outcomes, and the plan's 2% rule (Weihai 2020 plan (十); Huancui task list item 8).
//!
//! A placement is reported PLANNED by the student's school; activation checks every blocking rule
//! and refuses with the rules' codes, changing nothing. Warning rules (ratios, duration, the host's
//! no-fees attestation) are listed on the placement and across the alliance.

mod batch;
mod internship_posts;
mod outcome;
mod post_offer;
mod report;
mod retention;
mod rules;
mod scope;
mod student;
mod transition;

pub use batch::*;
pub use internship_posts::*;
pub use outcome::*;
pub use post_offer::*;
pub use report::*;
pub use retention::*;
pub use rules::*;
pub use scope::*;
pub use student::*;
pub use transition::*;
