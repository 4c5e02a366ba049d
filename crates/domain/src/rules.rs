//! Every rule with a number, as data with a default and a version id (domain.md preamble).
//! A government may change any of these; a computed result records `RuleSet::version`.

use serde::{Deserialize, Serialize};

use crate::competency::Level;
use crate::eligibility::{Education, SanctionLevel};
use crate::nip::AgeWarnings;
use crate::performance::CombineRule;
use crate::position::{Eselon, Jenjang, PositionClass, Rung};
use crate::rank::Golongan;
use crate::talent::BoxScheme;

/// Version id of the built-in defaults.
pub const DEFAULT_VERSION: &str = "bawaan-2026.1";

/// All rule settings of one government, versioned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleSet {
    /// Version id, recorded with every computed result.
    pub version: String,
    /// Default required level for all nine competencies per class (editable per position).
    pub default_levels: Vec<(PositionClass, Level)>,
    /// JPM computation.
    pub jpm: JpmRules,
    /// Category bounds per purpose.
    pub categories: CategoryBounds,
    /// Potential from JPM.
    pub potential: PotentialCutoffs,
    /// Performance axis.
    pub performance: PerformanceRules,
    /// Talent box numbering and pool.
    pub boxes: BoxScheme,
    /// Years an assessment result stays valid (national maximum 3; some use 2).
    pub result_validity_years: u8,
    /// Promotion requirements per target rung.
    pub promotion: Vec<PromotionRequirements>,
    /// Knock-outs that apply to every promotion.
    pub knock_outs: KnockOuts,
    /// Retirement age (BUP) per class.
    pub retirement_age: Vec<(PositionClass, u8)>,
    /// Legacy rank range per eselon (PP 100/2000), lowest and highest.
    pub rank_ranges: Vec<(Eselon, Golongan, Golongan)>,
    /// Steps below the lowest rank of the range at which appointment is still allowed.
    pub rank_steps_below_allowed: u8,
    /// Ages at which a NIP draws a warning (absent in rule sets stored before it existed).
    #[serde(default)]
    pub nip_age_warnings: AgeWarnings,
    /// Open selection and mutation of senior officials: the supervising authority's change-over,
    /// minimum time before replacement, term, election windows, job-fit weights (absent in rule
    /// sets stored before it existed).
    #[serde(default)]
    pub selection: crate::selection::SelectionRules,
}

/// JPM settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JpmRules {
    /// Report JPM capped at 100 % (the uncapped value is always kept). Default: false.
    pub cap_at_100: bool,
    /// Weight of the technical part per class, in percent (rest: managerial + socio-cultural).
    pub technical_weight: Vec<(PositionClass, u8)>,
}

/// Lower bounds of categories in hundredths of a percent (8000 = 80 %), inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryBounds {
    /// MS from here (filling a post).
    pub pengisian_upper_bp: u32,
    /// MMS from here (filling a post).
    pub pengisian_lower_bp: u32,
    /// O from here (mapping).
    pub pemetaan_upper_bp: u32,
    /// CO from here (mapping).
    pub pemetaan_lower_bp: u32,
}

/// Potential cut-offs on JPM in hundredths of a percent, inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PotentialCutoffs {
    /// High potential from here.
    pub high_bp: u32,
    /// Medium potential from here.
    pub medium_bp: u32,
}

/// Performance settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerformanceRules {
    /// Number of most recent years used (default 2).
    pub window_years: u8,
    /// How the years combine (default: the lower).
    pub combine: CombineRule,
    /// Cut-offs of older numeric appraisals (PP 46/2011).
    pub legacy_cutoffs: LegacyCutoffs,
}

/// Lowest score of each legacy predicate (whole points).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegacyCutoffs {
    /// Sangat Baik from here (91).
    pub sangat_baik: u32,
    /// Baik from here (76).
    pub baik: u32,
    /// Cukup from here (61).
    pub cukup: u32,
    /// Kurang from here (51); below is Buruk.
    pub kurang: u32,
}

/// Requirements for promotion into a rung (PP 11/2017 as amended by PP 17/2020).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionRequirements {
    /// The rung of the target post.
    pub target: Rung,
    /// Lowest education.
    pub min_education: Education,
    /// Years required on the rung below (or an equivalent functional grade).
    pub min_years_on_rung_below: Option<u8>,
    /// Years of service since first appointment.
    pub min_service_years: Option<u8>,
    /// Performance at least Baik in each of the last `window_years` years.
    pub performance_at_least_baik: bool,
    /// Highest age at the reference date.
    pub max_age: Option<u8>,
}

/// Knock-outs used in practice for every promotion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnockOuts {
    /// Sanctions of this level or heavier knock out...
    pub sanction_from: SanctionLevel,
    /// ...when decided within this many years.
    pub sanction_years: u8,
    /// Candidates within this many months of retirement are knocked out.
    pub retirement_months: u8,
}

impl Default for RuleSet {
    fn default() -> Self {
        use Jenjang::*;
        use PositionClass::*;
        let lv = |n: u8| Level::whole(n).unwrap_or(Level::MIN);
        RuleSet {
            version: DEFAULT_VERSION.to_string(),
            default_levels: vec![
                (JptUtama, lv(5)),
                (JptMadya, lv(5)),
                (JptPratama, lv(4)),
                (Administrator, lv(3)),
                (Pengawas, lv(2)),
                (Pelaksana, lv(1)),
                (Fungsional(AhliUtama), lv(4)),
                (Fungsional(AhliMadya), lv(3)),
                (Fungsional(AhliMuda), lv(2)),
                (Fungsional(AhliPertama), lv(1)),
                (Fungsional(Penyelia), lv(2)),
                (Fungsional(Mahir), lv(1)),
                (Fungsional(Terampil), lv(1)),
                (Fungsional(Pemula), lv(1)),
            ],
            jpm: JpmRules {
                cap_at_100: false,
                technical_weight: vec![
                    (Fungsional(AhliMadya), 40),
                    (Fungsional(AhliMuda), 50),
                    (Fungsional(AhliPertama), 60),
                ],
            },
            categories: CategoryBounds {
                pengisian_upper_bp: 8000,
                pengisian_lower_bp: 6800,
                pemetaan_upper_bp: 9000,
                pemetaan_lower_bp: 7800,
            },
            potential: PotentialCutoffs {
                high_bp: 9000,
                medium_bp: 7800,
            },
            performance: PerformanceRules {
                window_years: 2,
                combine: CombineRule::Lower,
                legacy_cutoffs: LegacyCutoffs {
                    sangat_baik: 91,
                    baik: 76,
                    cukup: 61,
                    kurang: 51,
                },
            },
            boxes: BoxScheme::permenpan_3_2020(),
            result_validity_years: 3,
            promotion: vec![
                PromotionRequirements {
                    target: Rung::JptPratama,
                    min_education: Education::S1,
                    min_years_on_rung_below: Some(2),
                    min_service_years: Some(5),
                    performance_at_least_baik: false,
                    max_age: Some(56),
                },
                PromotionRequirements {
                    target: Rung::Administrator,
                    min_education: Education::S1,
                    min_years_on_rung_below: Some(3),
                    min_service_years: None,
                    performance_at_least_baik: true,
                    max_age: None,
                },
                PromotionRequirements {
                    target: Rung::Pengawas,
                    min_education: Education::D3,
                    min_years_on_rung_below: Some(4),
                    min_service_years: None,
                    performance_at_least_baik: true,
                    max_age: None,
                },
            ],
            knock_outs: KnockOuts {
                sanction_from: SanctionLevel::Sedang,
                sanction_years: 2,
                retirement_months: 12,
            },
            retirement_age: vec![
                (JptUtama, 60),
                (JptMadya, 60),
                (JptPratama, 60),
                (Administrator, 58),
                (Pengawas, 58),
                (Pelaksana, 58),
                (Fungsional(AhliUtama), 65),
                (Fungsional(AhliMadya), 60),
                (Fungsional(AhliMuda), 58),
                (Fungsional(AhliPertama), 58),
                (Fungsional(Penyelia), 58),
                (Fungsional(Mahir), 58),
                (Fungsional(Terampil), 58),
                (Fungsional(Pemula), 58),
            ],
            rank_ranges: vec![
                (Eselon::IIA, Golongan::IVC, Golongan::IVD),
                (Eselon::IIB, Golongan::IVB, Golongan::IVC),
                (Eselon::IIIA, Golongan::IVA, Golongan::IVB),
                (Eselon::IIIB, Golongan::IIID, Golongan::IVA),
                (Eselon::IVA, Golongan::IIIC, Golongan::IIID),
                (Eselon::IVB, Golongan::IIIB, Golongan::IIIC),
            ],
            rank_steps_below_allowed: 1,
            nip_age_warnings: AgeWarnings::default(),
            selection: crate::selection::SelectionRules::default(),
        }
    }
}

impl RuleSet {
    /// Default required level of the nine competencies for a class.
    pub fn default_level(&self, class: PositionClass) -> Level {
        self.default_levels
            .iter()
            .find(|(c, _)| *c == class)
            .map(|(_, l)| *l)
            .unwrap_or(Level::MIN)
    }

    /// Technical weight for a class, if the class weighs its parts.
    pub fn technical_weight(&self, class: PositionClass) -> Option<u8> {
        self.jpm
            .technical_weight
            .iter()
            .find(|(c, _)| *c == class)
            .map(|(_, w)| *w)
    }

    /// Retirement age of a class (58 when not listed).
    pub fn retirement_age(&self, class: PositionClass) -> u8 {
        self.retirement_age
            .iter()
            .find(|(c, _)| *c == class)
            .map(|(_, a)| *a)
            .unwrap_or(58)
    }

    /// Promotion requirements for a target rung.
    pub fn promotion_for(&self, rung: Rung) -> Option<&PromotionRequirements> {
        self.promotion.iter().find(|p| p.target == rung)
    }

    /// Rank range of an eselon.
    pub fn rank_range(&self, e: Eselon) -> Option<(Golongan, Golongan)> {
        self.rank_ranges
            .iter()
            .find(|(x, _, _)| *x == e)
            .map(|(_, lo, hi)| (*lo, *hi))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_required_levels_follow_the_class_table() {
        let r = RuleSet::default();
        use Jenjang::*;
        use PositionClass::*;
        let table = [
            (JptUtama, 5),
            (JptMadya, 5),
            (JptPratama, 4),
            (Administrator, 3),
            (Pengawas, 2),
            (Pelaksana, 1),
            (Fungsional(AhliUtama), 4),
            (Fungsional(AhliMadya), 3),
            (Fungsional(AhliMuda), 2),
            (Fungsional(AhliPertama), 1),
            (Fungsional(Penyelia), 2),
            (Fungsional(Mahir), 1),
            (Fungsional(Terampil), 1),
            (Fungsional(Pemula), 1),
        ];
        for (class, level) in table {
            assert_eq!(
                r.default_level(class),
                Level::whole(level).unwrap(),
                "{class}"
            );
        }
        assert_eq!(r.version, DEFAULT_VERSION);
    }

    #[test]
    fn retirement_ages_are_58_60_65() {
        let r = RuleSet::default();
        assert_eq!(r.retirement_age(PositionClass::Pengawas), 58);
        assert_eq!(r.retirement_age(PositionClass::JptPratama), 60);
        assert_eq!(
            r.retirement_age(PositionClass::Fungsional(Jenjang::AhliMadya)),
            60
        );
        assert_eq!(
            r.retirement_age(PositionClass::Fungsional(Jenjang::AhliUtama)),
            65
        );
        assert_eq!(
            r.retirement_age(PositionClass::Fungsional(Jenjang::AhliMuda)),
            58
        );
    }

    #[test]
    fn rank_ranges_of_pp_100_2000() {
        let r = RuleSet::default();
        assert_eq!(
            r.rank_range(Eselon::IIA),
            Some((Golongan::IVC, Golongan::IVD))
        );
        assert_eq!(
            r.rank_range(Eselon::IVB),
            Some((Golongan::IIIB, Golongan::IIIC))
        );
        assert_eq!(r.rank_range(Eselon::V), None);
    }
}
