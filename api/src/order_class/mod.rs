//! Order classes (订单班): enterprises post demand, schools answer with classes, both agree; then the
//! school recruits, trains and graduates the class. Rules come from Founding notice 二(三)6 (single or
//! joint classes, five integrations) and Ten Measures (2) (unemployed youth and migrant workers,
//! relaxed age limit), (5) (≥ 50% of specialty hours in enterprise workshops, core practice ≥ 150%
//! of an ordinary class) and (7) (tripartite pre-employment agreements).
//!
//! Every function checks who may act (a top-level `FORBIDDEN`), validates the input (typed
//! [`Violation`]s), and writes in one transaction: on any error nothing changes.

mod class;
mod demand;
mod enrolment;
mod lifecycle;
mod rules;
mod scope;

pub use class::*;
pub use demand::*;
pub use enrolment::*;
pub use lifecycle::*;
pub use rules::*;
pub use scope::*;
