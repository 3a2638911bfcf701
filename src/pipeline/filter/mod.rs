//! What a report leaves out: findings silenced where their claims are written, and findings
//! a baseline has accepted.

pub mod baseline;
pub mod suppress;
