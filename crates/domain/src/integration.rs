//! Integrating the assessors' ratings of one participant into one level per competency
//! (domain.md section 9: "the integration rule (mean, median, consensus with a recorded reason)
//! and the treatment of a missing rating are settings; a missing rating never counts as zero").
//!
//! Levels are handled in tenths (half steps are multiples of 5), so no rounding error creeps in.
//! A mean or an even median that falls between half steps is rounded to the nearest half step,
//! a tie upwards (2.25 -> 2.5): the default this product names; the assessors' meeting can always
//! record a consensus instead. Ratings further apart than one level are flagged for the meeting.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::competency::{CompetencyCode, Level};
use crate::method::Method;

/// How the ratings of one competency become one level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    /// The mean of the ratings, rounded to the nearest half step (ties up).
    Mean,
    /// The median; with an even number, the mean of the two middle ratings, rounded likewise.
    Median,
    /// The level the assessors agreed in their meeting, with the reason recorded.
    Consensus,
}

impl Rule {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Rule::Mean => "rerata",
            Rule::Median => "median",
            Rule::Consensus => "konsensus",
        }
    }

    /// From its code (also the English words).
    pub fn parse(s: &str) -> Option<Rule> {
        match s.trim().to_lowercase().as_str() {
            "rerata" | "rata-rata" | "mean" => Some(Rule::Mean),
            "median" => Some(Rule::Median),
            "konsensus" | "consensus" => Some(Rule::Consensus),
            _ => None,
        }
    }
}

/// What a missing rating does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Missing {
    /// Integrate the ratings that exist (the missing one is left out, never counted as zero).
    Skip,
    /// The competency waits until every expected rating is in.
    Wait,
}

impl Missing {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Missing::Skip => "lewati",
            Missing::Wait => "tunggu",
        }
    }

    /// From its code (also the English words).
    pub fn parse(s: &str) -> Option<Missing> {
        match s.trim().to_lowercase().as_str() {
            "lewati" | "skip" => Some(Missing::Skip),
            "tunggu" | "wait" => Some(Missing::Wait),
            _ => None,
        }
    }
}

/// One assessor's rating of one competency by one method; `None` when expected but not given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    /// The competency.
    pub competency: CompetencyCode,
    /// The method it was observed in.
    pub method: Method,
    /// The assessor (an id of the caller's choosing).
    pub assessor: i64,
    /// The level given.
    pub level: Option<Level>,
}

/// A consensus reached in the assessors' meeting for one competency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consensus {
    /// The competency.
    pub competency: CompetencyCode,
    /// The agreed level.
    pub level: Level,
    /// Why (required).
    pub reason: String,
}

/// The integrated level of one competency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Integrated {
    /// The competency.
    pub competency: CompetencyCode,
    /// The level; `None` when it cannot be set yet (see `pending`).
    pub level: Option<Level>,
    /// Ratings given.
    pub given: usize,
    /// Ratings expected but missing.
    pub missing: usize,
    /// Lowest and highest rating given.
    pub range: Option<(Level, Level)>,
    /// Ratings more than one level apart: to be discussed in the assessors' meeting.
    pub disagreement: bool,
    /// Why the level is not set, in Bahasa Indonesia.
    pub pending: Option<String>,
    /// The recorded reason of a consensus.
    pub reason: Option<String>,
}

/// A refused integration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntegrationError {
    /// A consensus without its reason.
    ConsensusWithoutReason(CompetencyCode),
}

impl fmt::Display for IntegrationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntegrationError::ConsensusWithoutReason(c) => write!(
                f,
                "konsensus kompetensi {c} membutuhkan alasan yang dicatat"
            ),
        }
    }
}

impl std::error::Error for IntegrationError {}

/// `sum / n` tenths rounded to the nearest half step (multiple of 5), a tie upwards.
fn round_to_half_step(sum: u32, n: u32) -> u8 {
    (((2 * sum + 5 * n) / (10 * n)) * 5) as u8
}

/// One level from the ratings of one competency by `rule` (`Consensus` falls back to the median
/// until a consensus is recorded).
fn combine(mut tenths: Vec<u8>, rule: Rule) -> Option<Level> {
    if tenths.is_empty() {
        return None;
    }
    let n = tenths.len();
    let t = match rule {
        Rule::Mean => round_to_half_step(tenths.iter().map(|t| u32::from(*t)).sum(), n as u32),
        Rule::Median | Rule::Consensus => {
            tenths.sort_unstable();
            if n % 2 == 1 {
                tenths[n / 2]
            } else {
                round_to_half_step(u32::from(tenths[n / 2 - 1]) + u32::from(tenths[n / 2]), 2)
            }
        }
    };
    Level::from_tenths(t)
}

/// Integrates a participant's ratings, one result per competency in the order they first appear.
/// Under `Rule::Consensus` a competency without a recorded consensus is pending (its median shown
/// as a proposal is left to the caller).
pub fn integrate(
    ratings: &[Rating],
    rule: Rule,
    missing: Missing,
    consensus: &[Consensus],
) -> Result<Vec<Integrated>, IntegrationError> {
    if let Some(c) = consensus.iter().find(|c| c.reason.trim().is_empty()) {
        return Err(IntegrationError::ConsensusWithoutReason(
            c.competency.clone(),
        ));
    }
    let mut order: Vec<&CompetencyCode> = Vec::new();
    for r in ratings {
        if !order.contains(&&r.competency) {
            order.push(&r.competency);
        }
    }
    Ok(order
        .into_iter()
        .map(|c| {
            let given: Vec<u8> = ratings
                .iter()
                .filter(|r| r.competency == *c)
                .filter_map(|r| r.level.map(Level::tenths))
                .collect();
            let expected = ratings.iter().filter(|r| r.competency == *c).count();
            let missing_n = expected - given.len();
            let range = given
                .iter()
                .min()
                .zip(given.iter().max())
                .and_then(|(lo, hi)| Level::from_tenths(*lo).zip(Level::from_tenths(*hi)));
            let disagreement = range.is_some_and(|(lo, hi)| hi.tenths() - lo.tenths() > 10);
            let agreed = consensus.iter().find(|k| k.competency == *c);
            let (level, pending, reason) = if given.is_empty() {
                (None, Some("belum ada penilaian".to_string()), None)
            } else if missing == Missing::Wait && missing_n > 0 {
                (
                    None,
                    Some(format!("menunggu {missing_n} penilaian lagi")),
                    None,
                )
            } else if let Some(k) = agreed {
                (Some(k.level), None, Some(k.reason.trim().to_string()))
            } else if rule == Rule::Consensus {
                (
                    None,
                    Some("menunggu konsensus rapat asesor".to_string()),
                    None,
                )
            } else {
                (combine(given.clone(), rule), None, None)
            };
            Integrated {
                competency: c.clone(),
                level,
                given: given.len(),
                missing: missing_n,
                range,
                disagreement,
                pending,
                reason,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_and_missing_treatments_read_back_their_codes_and_refuse_others() {
        for r in [Rule::Mean, Rule::Median, Rule::Consensus] {
            assert_eq!(Rule::parse(r.code()), Some(r));
        }
        for m in [Missing::Skip, Missing::Wait] {
            assert_eq!(Missing::parse(m.code()), Some(m));
        }
        assert_eq!(Missing::parse("wait"), Some(Missing::Wait));
        assert_eq!(Rule::parse("modus"), None);
        assert_eq!(Missing::parse("nol"), None);
    }
    use crate::competency::CoreCompetency;

    fn l(s: &str) -> Level {
        Level::parse(s).unwrap()
    }

    fn m1(levels: &[Option<&str>]) -> Vec<Rating> {
        levels
            .iter()
            .enumerate()
            .map(|(i, v)| Rating {
                competency: CompetencyCode::Core(CoreCompetency::M1),
                method: if i % 2 == 0 {
                    Method::Interview
                } else {
                    Method::GroupDiscussion
                },
                assessor: (i / 2) as i64 + 1,
                level: v.map(l),
            })
            .collect()
    }

    fn one(ratings: &[Rating], rule: Rule, missing: Missing) -> Integrated {
        integrate(ratings, rule, missing, &[]).unwrap().remove(0)
    }

    #[test]
    fn the_mean_is_rounded_to_the_nearest_half_step_a_tie_upwards() {
        // 3 + 3 + 3.5 = 9.5 / 3 = 3.17 -> 3; 3 + 3.5 = 3.25 -> 3.5; 2 + 3 + 3 + 3 = 2.75 -> 3.
        let r = m1(&[Some("3"), Some("3"), Some("3.5")]);
        assert_eq!(one(&r, Rule::Mean, Missing::Skip).level, Some(l("3")));
        let r = m1(&[Some("3"), Some("3.5")]);
        assert_eq!(one(&r, Rule::Mean, Missing::Skip).level, Some(l("3.5")));
        let r = m1(&[Some("2"), Some("3"), Some("3"), Some("3")]);
        assert_eq!(one(&r, Rule::Mean, Missing::Skip).level, Some(l("3")));
        let r = m1(&[Some("2"), Some("2.5"), Some("2.5"), Some("2.5")]);
        assert_eq!(
            one(&r, Rule::Mean, Missing::Skip).level,
            Some(l("2.5")),
            "2.375 is nearer 2.5"
        );
    }

    #[test]
    fn the_median_takes_the_middle_and_the_mean_of_two_middles() {
        let r = m1(&[Some("2"), Some("4"), Some("3")]);
        assert_eq!(one(&r, Rule::Median, Missing::Skip).level, Some(l("3")));
        let r = m1(&[Some("1"), Some("2"), Some("3"), Some("5")]);
        assert_eq!(one(&r, Rule::Median, Missing::Skip).level, Some(l("2.5")));
        let r = m1(&[Some("2"), Some("2.5"), Some("4"), Some("5")]);
        assert_eq!(
            one(&r, Rule::Median, Missing::Skip).level,
            Some(l("3.5")),
            "(2.5 + 4) / 2 = 3.25, a tie, upwards"
        );
    }

    #[test]
    fn a_missing_rating_never_counts_as_zero() {
        // Two assessors x two methods, one rating missing: 3, 3, 3 -> 3 (a zero would give 2.25).
        let r = m1(&[Some("3"), Some("3"), None, Some("3")]);
        let skip = one(&r, Rule::Mean, Missing::Skip);
        assert_eq!(skip.level, Some(l("3")));
        assert_eq!((skip.given, skip.missing), (3, 1));
        let wait = one(&r, Rule::Mean, Missing::Wait);
        assert_eq!(wait.level, None);
        assert_eq!(wait.pending.as_deref(), Some("menunggu 1 penilaian lagi"));
        let none = one(&m1(&[None, None]), Rule::Mean, Missing::Skip);
        assert_eq!(none.level, None);
        assert_eq!(none.pending.as_deref(), Some("belum ada penilaian"));
    }

    #[test]
    fn ratings_more_than_one_level_apart_are_flagged_for_the_meeting() {
        assert!(!one(&m1(&[Some("2"), Some("3")]), Rule::Mean, Missing::Skip).disagreement);
        let apart = one(&m1(&[Some("2"), Some("3.5")]), Rule::Mean, Missing::Skip);
        assert!(apart.disagreement, "1.5 levels apart");
        assert_eq!(apart.range, Some((l("2"), l("3.5"))));
    }

    #[test]
    fn a_consensus_needs_its_reason_and_wins_over_the_arithmetic() {
        let r = m1(&[Some("2"), Some("4")]);
        let pending = one(&r, Rule::Consensus, Missing::Skip);
        assert_eq!(pending.level, None);
        assert_eq!(
            pending.pending.as_deref(),
            Some("menunggu konsensus rapat asesor")
        );
        let agreed = Consensus {
            competency: CompetencyCode::Core(CoreCompetency::M1),
            level: l("3.5"),
            reason: "bukti perilaku pada diskusi kelompok lebih kuat".into(),
        };
        let out = integrate(&r, Rule::Mean, Missing::Skip, std::slice::from_ref(&agreed))
            .unwrap()
            .remove(0);
        assert_eq!(out.level, Some(l("3.5")));
        assert_eq!(
            out.reason.as_deref(),
            Some("bukti perilaku pada diskusi kelompok lebih kuat")
        );
        let bare = Consensus {
            reason: "  ".into(),
            ..agreed
        };
        assert_eq!(
            integrate(&r, Rule::Consensus, Missing::Skip, &[bare])
                .unwrap_err()
                .to_string(),
            "konsensus kompetensi M.1 membutuhkan alasan yang dicatat"
        );
    }

    proptest::proptest! {
        #[test]
        fn the_integrated_level_lies_between_the_lowest_and_highest_rating(
            levels in proptest::collection::vec(proptest::option::of(2u8..=10), 1..8),
            median in proptest::bool::ANY,
        ) {
            let r: Vec<Rating> = levels
                .iter()
                .enumerate()
                .map(|(i, v)| Rating {
                    competency: CompetencyCode::Core(CoreCompetency::M3),
                    method: Method::Interview,
                    assessor: i as i64,
                    level: v.and_then(|h| Level::from_tenths(h * 5)),
                })
                .collect();
            let rule = if median { Rule::Median } else { Rule::Mean };
            let out = one(&r, rule, Missing::Skip);
            match out.range {
                None => proptest::prop_assert_eq!(out.level, None),
                Some((lo, hi)) => {
                    let got = out.level.unwrap();
                    proptest::prop_assert!(lo <= got && got <= hi, "{lo} <= {got} <= {hi}");
                }
            }
        }
    }

    #[test]
    fn rules_parse_from_their_codes() {
        for r in [Rule::Mean, Rule::Median, Rule::Consensus] {
            assert_eq!(Rule::parse(r.code()), Some(r));
        }
        assert_eq!(Rule::parse("modus"), None);
    }
}
