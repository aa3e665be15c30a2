//! The plan's commitments (Founding notice 二) and each member's compliance with
//! them (督导评估, 三(三)): training sites (二(一)2–3), teacher practice stations and stints
//! (二(二)4), the craftsman pool (二(二)5), career mentors (二(四)10), apprenticeships (二(三)7) and
//! yearly events (二(四)9–11).
//!
//! Each firm writes its own sites, stations, pool, mentor and apprenticeships; schools write their
//! teachers' practice, craftsman assignments and career classes; either organises events; the
//! secretariat may write all, naming the unit. Every write is one transaction.

mod acting;
mod apprenticeship;
mod archive;
mod compliance;
mod craftsman;
mod event;
mod mentor;
mod scope;
mod site;
mod station;
mod update;

pub use apprenticeship::*;
pub use archive::*;
pub use compliance::*;
pub use craftsman::*;
pub use event::*;
pub use mentor::*;
pub use scope::*;
pub use site::*;
pub use station::*;
pub use update::*;
