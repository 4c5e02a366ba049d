//! talenta-planning: pure solvers, no I/O. The assessment schedule (participants into days and
//! sessions, assessors without conflicts of interest) and the assignment of people to posts.

pub mod assignment;
pub mod flow;
pub mod schedule;
