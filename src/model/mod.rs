//! The data model every stage shares: data only, importing nothing above `text`.

pub mod amount;
pub mod date;
pub mod duration;
