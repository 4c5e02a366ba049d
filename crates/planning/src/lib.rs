//! talenta-planning: pure solvers, no I/O. The assessment schedule (participants into days and
//! sessions, assessors without conflicts of interest); later the rotation assignment.

pub mod flow;
pub mod schedule;
