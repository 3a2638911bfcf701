//! The check, one module per stage, each taking what the stages before it produce.

pub mod boilerplate;
pub mod checks;
pub mod examples;
pub mod extract;
pub mod facts;
pub mod filter;
pub mod run;
pub mod segment;
pub mod source;
pub mod stories;
pub mod subjects;
pub mod verdict;
