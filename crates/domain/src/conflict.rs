//! Conflicts of interest between an assessor and an assessee (domain.md section 9). No national
//! numeric rule exists; the product enforces these as hard constraints, each with its reason so
//! the operator sees why a pair was excluded: the same unit, the direct superior or subordinate
//! (from the position tree), a relation the assessor declared, the same assessor as in the
//! previous cycle, or an assessor who is a participant of the same event.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Which conflicts are enforced (a setting; all on by default).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictRules {
    /// Same OPD (top-level unit).
    pub same_unit: bool,
    /// Direct superior or subordinate in the position tree.
    pub direct_line: bool,
    /// Assessed this person in the previous cycle.
    pub previous_cycle: bool,
}

impl Default for ConflictRules {
    fn default() -> Self {
        ConflictRules {
            same_unit: true,
            direct_line: true,
            previous_cycle: true,
        }
    }
}

/// Why an assessor may not assess someone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictReason {
    /// Both work in the same OPD.
    SameUnit,
    /// The assessor is the assessee's direct superior.
    DirectSuperior,
    /// The assessor is the assessee's direct subordinate.
    DirectSubordinate,
    /// The assessor declared a relation (family, former superior, ...).
    Declared(String),
    /// The assessor assessed this person in the previous cycle.
    PreviousCycle,
    /// The assessor is a participant of the same event.
    IsParticipant,
}

impl fmt::Display for ConflictReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConflictReason::SameUnit => f.write_str("satu unit kerja (OPD)"),
            ConflictReason::DirectSuperior => f.write_str("atasan langsung"),
            ConflictReason::DirectSubordinate => f.write_str("bawahan langsung"),
            ConflictReason::Declared(r) => write!(f, "hubungan yang dinyatakan: {r}"),
            ConflictReason::PreviousCycle => {
                f.write_str("menilai orang yang sama pada siklus sebelumnya")
            }
            ConflictReason::IsParticipant => f.write_str("asesor juga peserta asesmen ini"),
        }
    }
}

/// What the check needs to know about one person (assessor or assessee). External assessors
/// have no employee record, OPD or position in the tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Side {
    /// Employee id in the tenant.
    pub employee_id: Option<i64>,
    /// OPD (top-level unit) id.
    pub opd_id: Option<i64>,
    /// Position id.
    pub position_id: Option<i64>,
    /// The superior position of `position_id`.
    pub superior_position_id: Option<i64>,
}

/// Facts about the pair beyond the two sides.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PairFacts {
    /// Relations the assessor declared with this assessee.
    pub declared: Vec<String>,
    /// Whether the assessor assessed this person in the previous cycle.
    pub assessed_before: bool,
    /// Whether the assessor is a participant of the same event.
    pub assessor_participates: bool,
}

/// Every reason why `assessor` may not assess `assessee`; empty when the pair is allowed.
pub fn conflicts(
    assessor: &Side,
    assessee: &Side,
    facts: &PairFacts,
    rules: &ConflictRules,
) -> Vec<ConflictReason> {
    let mut out = Vec::new();
    if facts.assessor_participates {
        out.push(ConflictReason::IsParticipant);
    }
    if rules.same_unit && assessor.opd_id.is_some() && assessor.opd_id == assessee.opd_id {
        out.push(ConflictReason::SameUnit);
    }
    if rules.direct_line {
        if assessor.position_id.is_some() && assessee.superior_position_id == assessor.position_id {
            out.push(ConflictReason::DirectSuperior);
        }
        if assessee.position_id.is_some() && assessor.superior_position_id == assessee.position_id {
            out.push(ConflictReason::DirectSubordinate);
        }
    }
    out.extend(
        facts
            .declared
            .iter()
            .map(|r| ConflictReason::Declared(r.clone())),
    );
    if rules.previous_cycle && facts.assessed_before {
        out.push(ConflictReason::PreviousCycle);
    }
    if assessor.employee_id.is_some() && assessor.employee_id == assessee.employee_id {
        out.push(ConflictReason::IsParticipant);
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(employee: i64, opd: i64, position: i64, superior: Option<i64>) -> Side {
        Side {
            employee_id: Some(employee),
            opd_id: Some(opd),
            position_id: Some(position),
            superior_position_id: superior,
        }
    }

    #[test]
    fn each_conflict_is_found_with_its_reason() {
        let rules = ConflictRules::default();
        let none = PairFacts::default();
        // Kepala Dinas (position 10) and a Kabid under him (position 20, superior 10), same OPD 1.
        let head = side(1, 1, 10, None);
        let kabid = side(2, 1, 20, Some(10));
        assert_eq!(
            conflicts(&head, &kabid, &none, &rules),
            vec![ConflictReason::SameUnit, ConflictReason::DirectSuperior]
        );
        assert_eq!(
            conflicts(&kabid, &head, &none, &rules),
            vec![ConflictReason::SameUnit, ConflictReason::DirectSubordinate]
        );
        // Different OPDs, no line: allowed.
        let other = side(3, 2, 30, Some(31));
        assert!(conflicts(&other, &kabid, &none, &rules).is_empty());
        let declared = PairFacts {
            declared: vec!["saudara kandung".into()],
            ..PairFacts::default()
        };
        assert_eq!(
            conflicts(&other, &kabid, &declared, &rules),
            vec![ConflictReason::Declared("saudara kandung".into())]
        );
        let before = PairFacts {
            assessed_before: true,
            ..PairFacts::default()
        };
        assert_eq!(
            conflicts(&other, &kabid, &before, &rules),
            vec![ConflictReason::PreviousCycle]
        );
        let participant = PairFacts {
            assessor_participates: true,
            ..PairFacts::default()
        };
        assert_eq!(
            conflicts(&other, &kabid, &participant, &rules),
            vec![ConflictReason::IsParticipant]
        );
        assert_eq!(
            ConflictReason::DirectSuperior.to_string(),
            "atasan langsung"
        );
    }

    #[test]
    fn an_external_assessor_has_only_declared_and_previous_cycle_conflicts() {
        let external = Side::default();
        let kabid = side(2, 1, 20, Some(10));
        let rules = ConflictRules::default();
        assert!(conflicts(&external, &kabid, &PairFacts::default(), &rules).is_empty());
        let before = PairFacts {
            assessed_before: true,
            ..PairFacts::default()
        };
        assert_eq!(
            conflicts(&external, &kabid, &before, &rules),
            vec![ConflictReason::PreviousCycle]
        );
    }

    #[test]
    fn the_previous_cycle_rule_is_a_setting() {
        let rules = ConflictRules {
            previous_cycle: false,
            ..ConflictRules::default()
        };
        let before = PairFacts {
            assessed_before: true,
            ..PairFacts::default()
        };
        assert!(conflicts(&Side::default(), &side(2, 1, 20, None), &before, &rules).is_empty());
    }
}
