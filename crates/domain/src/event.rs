//! An assessment event's lifecycle as a value: its schedule is a draft until published, then
//! locked (only a no-show may be moved).

use serde::{Deserialize, Serialize};

/// Where an event's schedule stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventStatus {
    /// Being set up and planned.
    Draft,
    /// Published to participants and assessors: locked.
    Published,
}

impl EventStatus {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            EventStatus::Draft => "draft",
            EventStatus::Published => "published",
        }
    }

    /// From its code.
    pub fn parse(s: &str) -> Option<EventStatus> {
        match s {
            "draft" => Some(EventStatus::Draft),
            "published" => Some(EventStatus::Published),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_reads_back_its_code_and_nothing_else_is_a_status() {
        for s in [EventStatus::Draft, EventStatus::Published] {
            assert_eq!(EventStatus::parse(s.code()), Some(s));
        }
        assert_eq!(EventStatus::parse("Published"), None);
        assert_eq!(EventStatus::parse(""), None);
    }
}
