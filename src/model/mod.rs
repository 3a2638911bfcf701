//! The data model every stage shares: data only, importing nothing above `text`.

pub mod amount;
pub mod claim;
pub mod date;
pub mod duration;
pub mod error;
pub mod finding;
pub mod mention;
pub mod report;
pub mod span;
pub mod story;
pub mod subject;
pub mod value;
