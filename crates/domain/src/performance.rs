//! Performance ratings (SKP, PermenPAN-RB 6/2022; older PP 46/2011 scores) and the performance
//! axis of the talent box (domain.md section 7).

use serde::{Deserialize, Serialize};

use crate::rules::PerformanceRules;

/// Below / meets / above expectation: used for work results, work behaviour and the 9-box axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Expectation {
    /// Di bawah ekspektasi.
    Below,
    /// Sesuai ekspektasi.
    Meets,
    /// Di atas ekspektasi.
    Above,
}

impl Expectation {
    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Expectation::Below => "Di Bawah Ekspektasi",
            Expectation::Meets => "Sesuai Ekspektasi",
            Expectation::Above => "Di Atas Ekspektasi",
        }
    }

    /// Index 0..3 from below to above.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Parses "di bawah", "sesuai", "di atas" (with or without "ekspektasi").
    pub fn parse(s: &str) -> Option<Expectation> {
        let t = s.trim().to_lowercase();
        let t = t.trim_end_matches("ekspektasi").trim();
        match t {
            "di bawah" | "dibawah" | "bawah" | "below" => Some(Expectation::Below),
            "sesuai" | "meets" => Some(Expectation::Meets),
            "di atas" | "diatas" | "atas" | "above" => Some(Expectation::Above),
            _ => None,
        }
    }
}

/// Annual SKP predicate under PermenPAN-RB 6/2022, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Predikat {
    /// Sangat Baik.
    SangatBaik,
    /// Baik.
    Baik,
    /// Butuh Perbaikan.
    ButuhPerbaikan,
    /// Kurang / Misconduct.
    Kurang,
    /// Sangat Kurang.
    SangatKurang,
}

impl Predikat {
    /// All five, best first.
    pub const ALL: [Predikat; 5] = [
        Predikat::SangatBaik,
        Predikat::Baik,
        Predikat::ButuhPerbaikan,
        Predikat::Kurang,
        Predikat::SangatKurang,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Predikat::SangatBaik => "sangat_baik",
            Predikat::Baik => "baik",
            Predikat::ButuhPerbaikan => "butuh_perbaikan",
            Predikat::Kurang => "kurang",
            Predikat::SangatKurang => "sangat_kurang",
        }
    }

    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Predikat::SangatBaik => "Sangat Baik",
            Predikat::Baik => "Baik",
            Predikat::ButuhPerbaikan => "Butuh Perbaikan",
            Predikat::Kurang => "Kurang/Misconduct",
            Predikat::SangatKurang => "Sangat Kurang",
        }
    }

    /// Parses a code or label (case-insensitive; "Kurang", "Misconduct" and "Kurang/Misconduct" alike).
    pub fn parse(s: &str) -> Option<Predikat> {
        let t: String = s
            .trim()
            .to_lowercase()
            .replace(['_', '-'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        match t.as_str() {
            "sangat baik" => Some(Predikat::SangatBaik),
            "baik" => Some(Predikat::Baik),
            "butuh perbaikan" => Some(Predikat::ButuhPerbaikan),
            "kurang" | "misconduct" | "kurang/misconduct" | "kurang / misconduct" => {
                Some(Predikat::Kurang)
            }
            "sangat kurang" => Some(Predikat::SangatKurang),
            _ => None,
        }
    }
}

/// The SKP predicate from work results x work behaviour (PermenPAN-RB 6/2022 matrix).
pub fn predikat(results: Expectation, behaviour: Expectation) -> Predikat {
    use Expectation::*;
    match (results, behaviour) {
        (_, Below) if results != Below => Predikat::Kurang,
        (Below, Below) => Predikat::SangatKurang,
        (Below, _) => Predikat::ButuhPerbaikan,
        (Above, Above) => Predikat::SangatBaik,
        _ => Predikat::Baik,
    }
}

/// Predicate of an older numeric appraisal (PP 46/2011), best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LegacyPredikat {
    /// 91-100 by default.
    SangatBaik,
    /// 76-90.
    Baik,
    /// 61-75.
    Cukup,
    /// 51-60.
    Kurang,
    /// 50 and below.
    Buruk,
}

impl LegacyPredikat {
    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            LegacyPredikat::SangatBaik => "Sangat Baik",
            LegacyPredikat::Baik => "Baik",
            LegacyPredikat::Cukup => "Cukup",
            LegacyPredikat::Kurang => "Kurang",
            LegacyPredikat::Buruk => "Buruk",
        }
    }
}

/// One year's rating as recorded: a 2022-style predicate or an older score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rating {
    /// SKP predicate (PermenPAN-RB 6/2022).
    Predikat(Predikat),
    /// Older numeric score in hundredths (85.57 -> 8557), 0..=10000.
    Score(u16),
}

impl Rating {
    /// The legacy predicate of a numeric score under the configured cut-offs.
    pub fn legacy_predikat(score_hundredths: u16, rules: &PerformanceRules) -> LegacyPredikat {
        let s = u32::from(score_hundredths);
        let c = &rules.legacy_cutoffs;
        if s >= c.sangat_baik * 100 {
            LegacyPredikat::SangatBaik
        } else if s >= c.baik * 100 {
            LegacyPredikat::Baik
        } else if s >= c.cukup * 100 {
            LegacyPredikat::Cukup
        } else if s >= c.kurang * 100 {
            LegacyPredikat::Kurang
        } else {
            LegacyPredikat::Buruk
        }
    }

    /// The position on the performance axis of the talent box.
    pub fn axis(self, rules: &PerformanceRules) -> Expectation {
        match self {
            Rating::Predikat(Predikat::SangatBaik) => Expectation::Above,
            Rating::Predikat(Predikat::Baik) => Expectation::Meets,
            Rating::Predikat(_) => Expectation::Below,
            Rating::Score(s) => match Rating::legacy_predikat(s, rules) {
                LegacyPredikat::SangatBaik => Expectation::Above,
                LegacyPredikat::Baik => Expectation::Meets,
                _ => Expectation::Below,
            },
        }
    }

    /// Whether the rating is at least "Baik" (the promotion requirement).
    pub fn at_least_baik(self, rules: &PerformanceRules) -> bool {
        self.axis(rules) >= Expectation::Meets
    }

    /// Text for reports.
    pub fn label(self, rules: &PerformanceRules) -> String {
        match self {
            Rating::Predikat(p) => p.label().to_string(),
            Rating::Score(s) => format!(
                "{}.{:02} ({})",
                s / 100,
                s % 100,
                Rating::legacy_predikat(s, rules).label()
            ),
        }
    }
}

/// How two (or more) years combine into one position on the axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CombineRule {
    /// The lower of the years (default).
    Lower,
    /// The most recent year.
    Latest,
}

/// The performance axis from the ratings of the last `window` years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerformanceAxis {
    /// Combined position, `None` when no year in the window has a rating.
    pub axis: Option<Expectation>,
    /// The years used, newest first.
    pub years_used: Vec<i32>,
    /// Whether fewer than `window` years were available.
    pub incomplete: bool,
}

/// Combines the ratings of the most recent `rules.window_years` years that lie within
/// `window_years` years before `as_of_year` (the current year counts if it is rated).
pub fn performance_axis(
    ratings: &[(i32, Rating)],
    as_of_year: i32,
    rules: &PerformanceRules,
) -> PerformanceAxis {
    let window = rules.window_years.max(1);
    let mut recent: Vec<(i32, Rating)> = ratings
        .iter()
        .copied()
        .filter(|(y, _)| *y <= as_of_year && *y >= as_of_year - i32::from(window))
        .collect();
    recent.sort_by_key(|r| std::cmp::Reverse(r.0));
    recent.dedup_by_key(|r| r.0);
    recent.truncate(usize::from(window));
    let axes = recent.iter().map(|(_, r)| r.axis(rules));
    let axis = match rules.combine {
        CombineRule::Lower => axes.min(),
        CombineRule::Latest => recent.first().map(|(_, r)| r.axis(rules)),
    };
    PerformanceAxis {
        axis,
        years_used: recent.iter().map(|(y, _)| *y).collect(),
        incomplete: recent.len() < usize::from(window),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;
    use Expectation::*;

    #[test]
    fn the_predicate_matrix_of_permenpan_rb_6_2022() {
        let table = [
            (Above, Below, Predikat::Kurang),
            (Above, Meets, Predikat::Baik),
            (Above, Above, Predikat::SangatBaik),
            (Meets, Below, Predikat::Kurang),
            (Meets, Meets, Predikat::Baik),
            (Meets, Above, Predikat::Baik),
            (Below, Below, Predikat::SangatKurang),
            (Below, Meets, Predikat::ButuhPerbaikan),
            (Below, Above, Predikat::ButuhPerbaikan),
        ];
        for (results, behaviour, expected) in table {
            assert_eq!(
                predikat(results, behaviour),
                expected,
                "{results:?} x {behaviour:?}"
            );
        }
    }

    #[test]
    fn predicates_map_onto_the_performance_axis() {
        let r = RuleSet::default().performance;
        assert_eq!(Rating::Predikat(Predikat::SangatBaik).axis(&r), Above);
        assert_eq!(Rating::Predikat(Predikat::Baik).axis(&r), Meets);
        for p in [
            Predikat::ButuhPerbaikan,
            Predikat::Kurang,
            Predikat::SangatKurang,
        ] {
            assert_eq!(Rating::Predikat(p).axis(&r), Below);
        }
    }

    #[test]
    fn older_scores_convert_at_91_76_61_51() {
        let r = RuleSet::default().performance;
        let table = [
            (10000, LegacyPredikat::SangatBaik, Above),
            (9100, LegacyPredikat::SangatBaik, Above),
            (9099, LegacyPredikat::Baik, Meets),
            (7600, LegacyPredikat::Baik, Meets),
            (7599, LegacyPredikat::Cukup, Below),
            (6100, LegacyPredikat::Cukup, Below),
            (6000, LegacyPredikat::Kurang, Below),
            (5100, LegacyPredikat::Kurang, Below),
            (5000, LegacyPredikat::Buruk, Below),
            (0, LegacyPredikat::Buruk, Below),
        ];
        for (score, pred, axis) in table {
            assert_eq!(Rating::legacy_predikat(score, &r), pred, "{score}");
            assert_eq!(Rating::Score(score).axis(&r), axis, "{score}");
        }
    }

    #[test]
    fn the_cut_offs_are_settings_such_as_85_70() {
        let mut r = RuleSet::default().performance;
        r.legacy_cutoffs.sangat_baik = 85;
        r.legacy_cutoffs.baik = 70;
        assert_eq!(Rating::Score(8600).axis(&r), Above);
        assert_eq!(Rating::Score(7200).axis(&r), Meets);
    }

    #[test]
    fn two_years_combine_to_the_lower_by_default() {
        let r = RuleSet::default().performance;
        let ratings = [
            (2024, Rating::Predikat(Predikat::SangatBaik)),
            (2025, Rating::Predikat(Predikat::Baik)),
            (2019, Rating::Predikat(Predikat::SangatKurang)),
        ];
        let p = performance_axis(&ratings, 2026, &r);
        assert_eq!(p.axis, Some(Meets));
        assert_eq!(p.years_used, vec![2025, 2024]);
        assert!(!p.incomplete);
    }

    #[test]
    fn the_latest_year_can_be_chosen_instead() {
        let mut r = RuleSet::default().performance;
        r.combine = CombineRule::Latest;
        let ratings = [
            (2024, Rating::Predikat(Predikat::Baik)),
            (2025, Rating::Predikat(Predikat::SangatBaik)),
        ];
        assert_eq!(performance_axis(&ratings, 2026, &r).axis, Some(Above));
    }

    #[test]
    fn ratings_older_than_two_years_are_not_used() {
        let r = RuleSet::default().performance;
        let ratings = [(2021, Rating::Predikat(Predikat::SangatBaik))];
        let p = performance_axis(&ratings, 2026, &r);
        assert_eq!(p.axis, None);
        assert!(p.incomplete);
        let one = [(2025, Rating::Predikat(Predikat::SangatBaik))];
        let p = performance_axis(&one, 2026, &r);
        assert_eq!(p.axis, Some(Above));
        assert!(p.incomplete);
    }

    #[test]
    fn predicates_parse_from_their_labels() {
        for p in Predikat::ALL {
            assert_eq!(Predikat::parse(p.label()), Some(p));
            assert_eq!(Predikat::parse(p.code()), Some(p));
        }
        assert_eq!(Predikat::parse("Cukup"), None);
    }
}
