//! Job Person Match, result categories and gaps (Peraturan BKN 26/2019, domain.md section 6).
//!
//! JPM is kept as an exact fraction so that a category boundary (80 %, 68 %, 90 %, 78 %) is
//! decided without rounding: a person at exactly 80 % is MS, never "79.99999".

use serde::{Deserialize, Serialize};

use crate::competency::{CompetencyCode, Level};
use crate::rules::{CategoryBounds, JpmRules};

/// Why the assessment is held; it chooses the category scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Purpose {
    /// Filling a post (promotion, selection): MS / MMS / KMS.
    Pengisian,
    /// Mapping: O / CO / KO.
    Pemetaan,
    /// Job fit of people already in their posts (uji kesesuaian): the mapping scale O / CO / KO.
    JobFit,
}

impl Purpose {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Purpose::Pengisian => "pengisian",
            Purpose::Pemetaan => "pemetaan",
            Purpose::JobFit => "kesesuaian",
        }
    }

    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Purpose::Pengisian => "Pengisian Jabatan",
            Purpose::Pemetaan => "Pemetaan Kompetensi",
            Purpose::JobFit => "Uji Kesesuaian (Job Fit)",
        }
    }

    /// Parses a code or a label; "uji kompetensi" means mapping, "job fit" and "kesesuaian" job fit.
    pub fn parse(s: &str) -> Option<Purpose> {
        let t = s.trim().to_lowercase();
        if t.starts_with("pengisian") || t == "promosi" || t == "seleksi" {
            Some(Purpose::Pengisian)
        } else if t.starts_with("pemetaan") || t.starts_with("uji kompetensi") {
            Some(Purpose::Pemetaan)
        } else if t == "job fit"
            || t == "job-fit"
            || t.starts_with("kesesuaian")
            || t.starts_with("uji kesesuaian")
        {
            Some(Purpose::JobFit)
        } else {
            None
        }
    }
}

/// Result category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    /// Memenuhi Syarat.
    Ms,
    /// Masih Memenuhi Syarat.
    Mms,
    /// Kurang Memenuhi Syarat.
    Kms,
    /// Optimal.
    O,
    /// Cukup Optimal.
    Co,
    /// Kurang Optimal.
    Ko,
}

impl Category {
    /// Short code.
    pub fn code(self) -> &'static str {
        match self {
            Category::Ms => "MS",
            Category::Mms => "MMS",
            Category::Kms => "KMS",
            Category::O => "O",
            Category::Co => "CO",
            Category::Ko => "KO",
        }
    }

    /// Full name in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Category::Ms => "Memenuhi Syarat",
            Category::Mms => "Masih Memenuhi Syarat",
            Category::Kms => "Kurang Memenuhi Syarat",
            Category::O => "Optimal",
            Category::Co => "Cukup Optimal",
            Category::Ko => "Kurang Optimal",
        }
    }
}

/// A JPM value as the exact fraction `100 * num / den` percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jpm {
    num: u64,
    den: u64,
}

impl Jpm {
    /// JPM from sums of achieved and required levels in tenths. `None` when nothing required.
    pub fn from_sums(achieved_tenths: u64, required_tenths: u64) -> Option<Jpm> {
        (required_tenths > 0).then_some(Jpm {
            num: achieved_tenths,
            den: required_tenths,
        })
    }

    /// Uncapped percentage (always kept, whatever the capping setting).
    pub fn percent(self) -> f64 {
        100.0 * self.num as f64 / self.den as f64
    }

    /// Percentage as reported: capped at 100 when the rule says so.
    pub fn reported_percent(self, rules: &JpmRules) -> f64 {
        let p = self.percent();
        if rules.cap_at_100 { p.min(100.0) } else { p }
    }

    /// Uncapped percentage in hundredths of a percent, rounded half up (80.00 % -> 8000).
    pub fn basis_points(self) -> u64 {
        (2 * 10_000 * self.num + self.den) / (2 * self.den)
    }

    /// Whether the exact value is at least `bound_bp` hundredths of a percent.
    pub fn at_least(self, bound_bp: u32) -> bool {
        u128::from(self.num) * 10_000 >= u128::from(bound_bp) * u128::from(self.den)
    }

    /// Category for a purpose; lower bounds are inclusive.
    pub fn category(self, purpose: Purpose, bounds: &CategoryBounds) -> Category {
        let (upper, lower, cats) = match purpose {
            Purpose::Pengisian => (
                bounds.pengisian_upper_bp,
                bounds.pengisian_lower_bp,
                [Category::Ms, Category::Mms, Category::Kms],
            ),
            Purpose::Pemetaan | Purpose::JobFit => (
                bounds.pemetaan_upper_bp,
                bounds.pemetaan_lower_bp,
                [Category::O, Category::Co, Category::Ko],
            ),
        };
        if self.at_least(upper) {
            cats[0]
        } else if self.at_least(lower) {
            cats[1]
        } else {
            cats[2]
        }
    }
}

/// Outcome of matching achieved levels against a standard.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// JPM over the competencies both required and assessed; `None` if there are none.
    pub jpm: Option<Jpm>,
    /// Gap per required competency that was assessed, in the standard's order.
    pub gaps: Vec<Gap>,
    /// Required competencies with no achieved level: left out of the JPM, never counted as 0.
    pub not_assessed: Vec<CompetencyCode>,
}

/// Achieved minus required for one competency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// The competency.
    pub code: CompetencyCode,
    /// Required level.
    pub required: Level,
    /// Achieved level.
    pub achieved: Level,
}

impl Gap {
    /// Achieved - required, in tenths (negative: below standard).
    pub fn tenths(&self) -> i16 {
        i16::from(self.achieved.tenths()) - i16::from(self.required.tenths())
    }
}

/// Matches achieved levels against required ones (`JPM = sum achieved / sum required x 100 %`).
/// With `rules.technical_weight_percent` set and both parts present, JPM is the weighted mean of
/// the technical part and the managerial + socio-cultural part.
pub fn match_profile(
    achieved: &[(CompetencyCode, Level)],
    required: &[(CompetencyCode, Level)],
    technical_weight_percent: Option<u8>,
) -> Match {
    let mut gaps = Vec::with_capacity(required.len());
    let mut not_assessed = Vec::new();
    // (achieved, required) sums for [core, technical]
    let mut sums = [(0u64, 0u64); 2];
    for (code, req) in required {
        match achieved.iter().find(|(c, _)| c == code) {
            Some((_, got)) => {
                let part = usize::from(code.is_technical());
                sums[part].0 += u64::from(got.tenths());
                sums[part].1 += u64::from(req.tenths());
                gaps.push(Gap {
                    code: code.clone(),
                    required: *req,
                    achieved: *got,
                });
            }
            None => not_assessed.push(code.clone()),
        }
    }
    let jpm = match technical_weight_percent {
        Some(wt) if sums[0].1 > 0 && sums[1].1 > 0 => {
            let wt = u64::from(wt.min(100));
            let wm = 100 - wt;
            let ((am, rm), (at, rt)) = (sums[0], sums[1]);
            Some(Jpm {
                num: wt * at * rm + wm * am * rt,
                den: 100 * rt * rm,
            })
        }
        _ => Jpm::from_sums(sums[0].0 + sums[1].0, sums[0].1 + sums[1].1),
    };
    Match {
        jpm,
        gaps,
        not_assessed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::competency::CoreCompetency;
    use crate::rules::RuleSet;
    use proptest::prelude::*;

    fn profile(levels: &[u8]) -> Vec<(CompetencyCode, Level)> {
        CoreCompetency::ALL
            .iter()
            .zip(levels)
            .map(|(c, t)| (CompetencyCode::Core(*c), Level::from_tenths(*t).unwrap()))
            .collect()
    }

    #[test]
    fn jpm_is_achieved_over_required_times_100() {
        // Administrator standard: level 3 on all nine (sum 27).
        let req = profile(&[30; 9]);
        let got = profile(&[30, 30, 25, 30, 20, 25, 30, 30, 30]); // sum 25.0
        let m = match_profile(&got, &req, None);
        let jpm = m.jpm.unwrap();
        assert!((jpm.percent() - 92.592_592).abs() < 1e-4);
        assert_eq!(jpm.basis_points(), 9259);
        assert_eq!(m.gaps.len(), 9);
        assert_eq!(m.gaps[2].tenths(), -5);
        assert_eq!(m.gaps[4].tenths(), -10);
    }

    #[test]
    fn category_bounds_are_inclusive_at_80_68_90_78() {
        let b = RuleSet::default().categories;
        let cases = [
            // (achieved, required, purpose, category)
            (80, 100, Purpose::Pengisian, Category::Ms),
            (7999, 10000, Purpose::Pengisian, Category::Mms),
            (68, 100, Purpose::Pengisian, Category::Mms),
            (6799, 10000, Purpose::Pengisian, Category::Kms),
            (0, 100, Purpose::Pengisian, Category::Kms),
            (150, 100, Purpose::Pengisian, Category::Ms),
            (90, 100, Purpose::Pemetaan, Category::O),
            (8999, 10000, Purpose::Pemetaan, Category::Co),
            (78, 100, Purpose::Pemetaan, Category::Co),
            (7799, 10000, Purpose::Pemetaan, Category::Ko),
            (90, 100, Purpose::JobFit, Category::O),
            (8999, 10000, Purpose::JobFit, Category::Co),
            (7799, 10000, Purpose::JobFit, Category::Ko),
        ];
        for (a, r, purpose, cat) in cases {
            let jpm = Jpm::from_sums(a, r).unwrap();
            assert_eq!(jpm.category(purpose, &b), cat, "{a}/{r} {purpose:?}");
        }
    }

    #[test]
    fn a_pengawas_at_exactly_80_percent_is_ms_without_rounding_error() {
        // Required 2 on all nine (sum 18); achieved sum 14.4 is impossible in half steps,
        // so use 10 competencies with a technical one: 20 * 10 = 200 required, 160 achieved.
        let mut req = profile(&[20; 9]);
        req.push((
            CompetencyCode::Technical("T.1".into()),
            Level::whole(2).unwrap(),
        ));
        let mut got = profile(&[15, 15, 15, 15, 15, 15, 15, 20, 20]);
        got.push((
            CompetencyCode::Technical("T.1".into()),
            Level::from_tenths(15).unwrap(),
        ));
        let jpm = match_profile(&got, &req, None).jpm.unwrap();
        assert_eq!(jpm.basis_points(), 8000);
        assert_eq!(
            jpm.category(Purpose::Pengisian, &RuleSet::default().categories),
            Category::Ms
        );
    }

    #[test]
    fn jpm_above_100_is_kept_and_capping_is_a_setting() {
        let jpm = match_profile(&profile(&[40; 9]), &profile(&[30; 9]), None)
            .jpm
            .unwrap();
        let mut rules = RuleSet::default().jpm;
        assert!(!rules.cap_at_100, "default is not capped");
        assert!((jpm.reported_percent(&rules) - 133.333).abs() < 1e-3);
        rules.cap_at_100 = true;
        assert_eq!(jpm.reported_percent(&rules), 100.0);
        assert!(
            (jpm.percent() - 133.333).abs() < 1e-3,
            "uncapped value always kept"
        );
    }

    #[test]
    fn a_missing_rating_is_left_out_not_counted_as_zero() {
        let req = profile(&[30; 9]);
        let mut got = profile(&[30; 9]);
        got.remove(8);
        let m = match_profile(&got, &req, None);
        assert_eq!(m.jpm.unwrap().basis_points(), 10000);
        assert_eq!(
            m.not_assessed,
            vec![CompetencyCode::Core(CoreCompetency::Sk1)]
        );
        assert!(match_profile(&[], &req, None).jpm.is_none());
    }

    #[test]
    fn technical_and_managerial_parts_can_be_weighted_40_60_for_ahli_madya() {
        let mut req = profile(&[30; 9]); // managerial sum 27
        req.push((
            CompetencyCode::Technical("T.1".into()),
            Level::whole(3).unwrap(),
        ));
        let mut got = profile(&[30; 9]); // managerial 100 %
        got.push((
            CompetencyCode::Technical("T.1".into()),
            Level::from_tenths(15).unwrap(),
        )); // 50 %
        let weighted = match_profile(&got, &req, Some(40)).jpm.unwrap();
        assert_eq!(weighted.basis_points(), 8000); // 0.4 * 50 + 0.6 * 100
        let plain = match_profile(&got, &req, None).jpm.unwrap();
        assert_eq!(plain.basis_points(), 9500); // 28.5 / 30
    }

    #[test]
    fn purposes_parse_from_the_words_agencies_use() {
        assert_eq!(
            Purpose::parse("Pengisian Jabatan"),
            Some(Purpose::Pengisian)
        );
        assert_eq!(Purpose::parse("pemetaan"), Some(Purpose::Pemetaan));
        assert_eq!(Purpose::parse("Uji Kompetensi"), Some(Purpose::Pemetaan));
        assert_eq!(Purpose::parse("job fit"), Some(Purpose::JobFit));
        assert_eq!(
            Purpose::parse("Uji Kesesuaian (Job Fit)"),
            Some(Purpose::JobFit)
        );
        for p in [Purpose::Pengisian, Purpose::Pemetaan, Purpose::JobFit] {
            assert_eq!(Purpose::parse(p.code()), Some(p));
            assert_eq!(Purpose::parse(p.label()), Some(p));
        }
        assert_eq!(Purpose::parse("lainnya"), None);
    }

    proptest! {
        #[test]
        fn jpm_is_monotone_in_every_achieved_level(
            levels in proptest::collection::vec(2u8..=10, 9),
            req in proptest::collection::vec(2u8..=10, 9),
            which in 0usize..9,
        ) {
            let got: Vec<u8> = levels.iter().map(|l| l * 5).collect();
            let reqt: Vec<u8> = req.iter().map(|l| l * 5).collect();
            let before = match_profile(&profile(&got), &profile(&reqt), None).jpm.unwrap();
            if got[which] < 50 {
                let mut up = got.clone();
                up[which] += 5;
                let after = match_profile(&profile(&up), &profile(&reqt), None).jpm.unwrap();
                prop_assert!(after.percent() > before.percent());
                prop_assert!(after.basis_points() >= before.basis_points());
            }
        }
    }
}

/// JPM in bulk for the common case of the nine core competencies, unweighted: one row of nine
/// achieved levels (tenths) per person and one row of nine required levels per position. Used
/// when a whole government (or every person against every post) is matched at once; gives the
/// same numbers as [`match_profile`].
pub mod dense {
    /// Required-level sums per position (tenths), computed once.
    pub fn required_sums(required: &[[u8; 9]]) -> Vec<u32> {
        required
            .iter()
            .map(|r| r.iter().map(|v| u32::from(*v)).sum())
            .collect()
    }

    /// JPM in hundredths of a percent (rounded half up) of each person against the position
    /// `position_of[i]`; a position with no requirement gives 0.
    pub fn basis_points(
        achieved: &[[u8; 9]],
        position_of: &[u32],
        required_sums: &[u32],
        out: &mut [u32],
    ) {
        for ((a, p), o) in achieved.iter().zip(position_of).zip(out.iter_mut()) {
            let asum: u32 = a.iter().map(|v| u32::from(*v)).sum();
            let r = required_sums.get(*p as usize).copied().unwrap_or(0);
            *o = if r == 0 {
                0
            } else {
                (20_000 * asum + r) / (2 * r)
            };
        }
    }

    /// The achieved-level sum of a person (tenths).
    pub fn achieved_sum(achieved: &[u8; 9]) -> u32 {
        achieved.iter().map(|v| u32::from(*v)).sum()
    }

    /// JPM in hundredths of a percent of every person against every position: row `i` of `out`
    /// (`achieved_sums.len()` rows of `required_sums.len()`) holds person `i` against each
    /// position. People with the same level sum have the same JPM against every post, and level
    /// sums take few values (nine levels in half steps), so each distinct sum's row is computed
    /// once and copied.
    pub fn all_pairs(achieved_sums: &[u32], required_sums: &[u32], out: &mut [u32]) {
        let cols = required_sums.len();
        assert_eq!(
            out.len(),
            achieved_sums.len() * cols,
            "out is people x positions"
        );
        let mut distinct: Vec<u32> = achieved_sums.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        let row_of = |a: u32, row: &mut [u32]| {
            for (o, r) in row.iter_mut().zip(required_sums) {
                *o = if *r == 0 {
                    0
                } else {
                    (20_000 * a + r) / (2 * r)
                };
            }
        };
        if distinct.len() * 4 > achieved_sums.len() {
            for (a, row) in achieved_sums.iter().zip(out.chunks_exact_mut(cols)) {
                row_of(*a, row);
            }
            return;
        }
        let mut table = vec![0u32; distinct.len() * cols];
        for (a, row) in distinct.iter().zip(table.chunks_exact_mut(cols)) {
            row_of(*a, row);
        }
        for (a, row) in achieved_sums.iter().zip(out.chunks_exact_mut(cols)) {
            let k = distinct.binary_search(a).unwrap_or(0);
            row.copy_from_slice(&table[k * cols..(k + 1) * cols]);
        }
    }
}

#[cfg(test)]
mod dense_tests {
    use super::*;
    use crate::competency::CoreCompetency;
    use proptest::prelude::*;

    #[test]
    fn people_sharing_a_level_sum_share_their_row_and_a_post_without_standard_gives_zero() {
        // Pengawas standard (level 2 everywhere: 180 tenths) and an Administrator one (270).
        let sums = [180u32, 270, 0];
        let people: Vec<u32> = (0..100).map(|i| [180u32, 225, 144][i % 3]).collect();
        let mut out = vec![0u32; people.len() * 3];
        dense::all_pairs(&people, &sums, &mut out);
        assert_eq!(&out[0..3], &[10_000, 6_667, 0]);
        assert_eq!(&out[3..6], &[12_500, 8_333, 0]);
        assert_eq!(
            &out[6..9],
            &[8_000, 5_333, 0],
            "144 / 180 = 80 %: MS exactly"
        );
        assert_eq!(&out[297..300], &out[0..3]);
    }

    proptest! {
        #[test]
        fn the_bulk_kernel_gives_the_same_jpm_as_the_general_match(
            got in proptest::collection::vec(2u8..=10, 9),
            req in proptest::collection::vec(2u8..=10, 9),
        ) {
            let a: [u8; 9] = std::array::from_fn(|i| got[i] * 5);
            let r: [u8; 9] = std::array::from_fn(|i| req[i] * 5);
            let as_profile = |x: &[u8; 9]| -> Vec<(CompetencyCode, Level)> {
                CoreCompetency::ALL.iter().zip(x).map(|(c, t)| (CompetencyCode::Core(*c), Level::from_tenths(*t).unwrap())).collect()
            };
            let general = match_profile(&as_profile(&a), &as_profile(&r), None).jpm.unwrap().basis_points();
            let mut out = [0u32; 1];
            dense::basis_points(&[a], &[0], &dense::required_sums(&[r]), &mut out);
            prop_assert_eq!(u64::from(out[0]), general);
        }

        #[test]
        fn every_pair_of_the_all_pairs_kernel_equals_the_one_by_one_kernel(
            people in proptest::collection::vec(proptest::collection::vec(2u8..=10, 9), 1..40),
            posts in proptest::collection::vec(proptest::collection::vec(0u8..=10, 9), 1..12),
        ) {
            let a: Vec<[u8; 9]> = people.iter().map(|p| std::array::from_fn(|i| p[i] * 5)).collect();
            let r: Vec<[u8; 9]> = posts.iter().map(|p| std::array::from_fn(|i| p[i] * 5)).collect();
            let sums = dense::required_sums(&r);
            let asums: Vec<u32> = a.iter().map(dense::achieved_sum).collect();
            let mut all = vec![0u32; a.len() * r.len()];
            dense::all_pairs(&asums, &sums, &mut all);
            for (i, person) in a.iter().enumerate() {
                for p in 0..r.len() {
                    let mut one = [0u32; 1];
                    dense::basis_points(&[*person], &[p as u32], &sums, &mut one);
                    prop_assert_eq!(all[i * r.len() + p], one[0]);
                }
            }
        }
    }
}
