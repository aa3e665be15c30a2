//! The member registry's writes: validation and transactional create/update of member units, and
//! committee seats. Callable without GraphQL; failures of the caller's input come back as
//! [`Violation`]s and leave the database unchanged.

mod committee;
mod settings;
mod unit;

pub use committee::*;
pub use settings::*;
pub use unit::*;
