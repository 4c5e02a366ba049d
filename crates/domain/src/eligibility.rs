//! Promotion eligibility (PP 11/2017 as amended by PP 17/2020, domain.md section 3): a pass or
//! fail with a reason for every requirement, so a Baperjakat sees why, not just whether.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::nip::full_years;
use crate::performance::Rating;
use crate::position::{Eselon, PositionClass, Rung};
use crate::rank::Golongan;
use crate::rules::RuleSet;

/// Highest education, ordered; D-IV and S1 stand on the same step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Education {
    Sd,
    Smp,
    Sma,
    D1,
    D2,
    D3,
    D4,
    S1,
    S2,
    S3,
}

impl Education {
    /// Step for comparison (D-IV = S1).
    pub fn step(self) -> u8 {
        match self {
            Education::Sd => 1,
            Education::Smp => 2,
            Education::Sma => 3,
            Education::D1 => 4,
            Education::D2 => 5,
            Education::D3 => 6,
            Education::D4 | Education::S1 => 7,
            Education::S2 => 8,
            Education::S3 => 9,
        }
    }

    /// Code as written on Indonesian forms.
    pub fn code(self) -> &'static str {
        match self {
            Education::Sd => "SD",
            Education::Smp => "SMP",
            Education::Sma => "SMA",
            Education::D1 => "D-I",
            Education::D2 => "D-II",
            Education::D3 => "D-III",
            Education::D4 => "D-IV",
            Education::S1 => "S1",
            Education::S2 => "S2",
            Education::S3 => "S3",
        }
    }

    /// Parses SD, SMP, SMA/SMK/SLTA, D-I..D-IV (also D1..D4, DIII), S1..S3 (also S-1).
    pub fn parse(s: &str) -> Option<Education> {
        let c: String = s
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '/'))
            .collect::<String>()
            .to_uppercase();
        match c.as_str() {
            "SD" => Some(Education::Sd),
            "SMP" | "SLTP" => Some(Education::Smp),
            "SMA" | "SMK" | "SLTA" | "MA" => Some(Education::Sma),
            "D1" | "DI" => Some(Education::D1),
            "D2" | "DII" => Some(Education::D2),
            "D3" | "DIII" => Some(Education::D3),
            "D4" | "DIV" => Some(Education::D4),
            "S1" => Some(Education::S1),
            "S2" => Some(Education::S2),
            "S3" => Some(Education::S3),
            _ => None,
        }
    }
}

/// Level of a disciplinary sanction (hukuman disiplin), ordered lightest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SanctionLevel {
    /// Ringan.
    Ringan,
    /// Sedang.
    Sedang,
    /// Berat.
    Berat,
}

impl SanctionLevel {
    /// Code as written in files.
    pub fn code(self) -> &'static str {
        match self {
            SanctionLevel::Ringan => "ringan",
            SanctionLevel::Sedang => "sedang",
            SanctionLevel::Berat => "berat",
        }
    }

    /// Parses ringan / sedang / berat (case-insensitive, "hukuman disiplin" prefix allowed).
    pub fn parse(s: &str) -> Option<SanctionLevel> {
        let t = s.trim().to_lowercase();
        let t = t.trim_start_matches("hukuman disiplin").trim();
        match t {
            "ringan" => Some(SanctionLevel::Ringan),
            "sedang" => Some(SanctionLevel::Sedang),
            "berat" => Some(SanctionLevel::Berat),
            _ => None,
        }
    }
}

/// What eligibility needs to know about a person.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Birth date.
    pub birth_date: NaiveDate,
    /// First appointment (TMT CPNS).
    pub appointed_on: NaiveDate,
    /// Highest education.
    pub education: Option<Education>,
    /// Rank, if a PNS.
    pub rank: Option<Golongan>,
    /// Class of the current post.
    pub current_class: Option<PositionClass>,
    /// Since when in the current class.
    pub in_class_since: Option<NaiveDate>,
    /// Ratings by year.
    pub ratings: Vec<(i32, Rating)>,
    /// Sanctions: level and decision date.
    pub sanctions: Vec<(SanctionLevel, NaiveDate)>,
}

/// The post a candidate is considered for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// Class of the post.
    pub class: PositionClass,
    /// Legacy eselon, when the post has one.
    pub eselon: Option<Eselon>,
}

/// One requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Requirement {
    /// Lowest education.
    Education,
    /// Years on the rung below.
    YearsOnRungBelow,
    /// Years of service.
    ServiceYears,
    /// Performance at least Baik.
    Performance,
    /// Age limit.
    MaxAge,
    /// Rank within the eselon's range.
    Rank,
    /// No moderate or severe sanction recently.
    Sanction,
    /// Not close to retirement.
    Retirement,
}

/// The outcome of one requirement with its reason in Bahasa Indonesia.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// Which requirement.
    pub requirement: Requirement,
    /// Passed or not.
    pub passed: bool,
    /// Why, with the numbers.
    pub reason: String,
}

/// Whether every requirement passed.
pub fn all_passed(checks: &[Check]) -> bool {
    checks.iter().all(|c| c.passed)
}

/// Retirement date: the first day of the month after the BUP birthday (ASN retire at month end).
pub fn retirement_date(birth: NaiveDate, bup: u8) -> NaiveDate {
    let birthday = birth
        .checked_add_months(Months::new(u32::from(bup) * 12))
        .unwrap_or(NaiveDate::MAX);
    NaiveDate::from_ymd_opt(birthday.year(), birthday.month(), 1)
        .and_then(|d| d.checked_add_months(Months::new(1)))
        .unwrap_or(NaiveDate::MAX)
}

/// Checks every requirement for promotion into `target` at `as_of`.
pub fn check_promotion(
    c: &Candidate,
    target: Target,
    as_of: NaiveDate,
    rules: &RuleSet,
) -> Vec<Check> {
    let mut out = Vec::new();
    let mut push = |requirement, passed, reason: String| {
        out.push(Check {
            requirement,
            passed,
            reason,
        })
    };
    let rung = target.class.rung();
    if let Some(req) = rules.promotion_for(rung) {
        match c.education {
            Some(e) => push(
                Requirement::Education,
                e.step() >= req.min_education.step(),
                format!(
                    "pendidikan {} (minimal {})",
                    e.code(),
                    req.min_education.code()
                ),
            ),
            None => push(
                Requirement::Education,
                false,
                format!(
                    "pendidikan tidak tercatat (minimal {})",
                    req.min_education.code()
                ),
            ),
        }
        if let Some(years) = req.min_years_on_rung_below {
            let below = rung.below();
            let on_rung = c.current_class.map(PositionClass::rung);
            let label = below.map(Rung::label).unwrap_or("-");
            match (on_rung, c.in_class_since) {
                (Some(r), Some(since)) if Some(r) == below => {
                    let have = full_years(since, as_of);
                    push(
                        Requirement::YearsOnRungBelow,
                        have >= i32::from(years),
                        format!("{have} tahun sebagai {label} atau setara (minimal {years})"),
                    )
                }
                (Some(r), _) if Some(r) != below => push(
                    Requirement::YearsOnRungBelow,
                    false,
                    format!(
                        "jabatan sekarang setingkat {} (dipersyaratkan {label} atau setara, minimal {years} tahun)",
                        r.label()
                    ),
                ),
                _ => push(
                    Requirement::YearsOnRungBelow,
                    false,
                    format!(
                        "riwayat jabatan tidak tercatat (minimal {years} tahun sebagai {label})"
                    ),
                ),
            }
        }
        if let Some(years) = req.min_service_years {
            let have = full_years(c.appointed_on, as_of);
            push(
                Requirement::ServiceYears,
                have >= i32::from(years),
                format!("masa kerja {have} tahun sejak TMT CPNS (minimal {years})"),
            );
        }
        if req.performance_at_least_baik {
            let window = i32::from(rules.performance.window_years);
            let years: Vec<i32> = (1..=window).map(|k| as_of.year() - k).collect();
            let mut missing = Vec::new();
            let mut low = Vec::new();
            for y in &years {
                match c.ratings.iter().find(|(ry, _)| ry == y) {
                    None => missing.push(y.to_string()),
                    Some((_, r)) if !r.at_least_baik(&rules.performance) => {
                        low.push(format!("{y}: {}", r.label(&rules.performance)))
                    }
                    Some(_) => {}
                }
            }
            let passed = missing.is_empty() && low.is_empty();
            let reason = if passed {
                format!("predikat kinerja minimal Baik pada {window} tahun terakhir")
            } else if !low.is_empty() {
                format!("predikat kinerja di bawah Baik ({})", low.join(", "))
            } else {
                format!(
                    "penilaian kinerja tahun {} tidak tercatat",
                    missing.join(", ")
                )
            };
            push(Requirement::Performance, passed, reason);
        }
        if let Some(max) = req.max_age {
            let age = full_years(c.birth_date, as_of);
            push(
                Requirement::MaxAge,
                age <= i32::from(max),
                format!("usia {age} tahun (paling tinggi {max})"),
            );
        }
    }
    if let Some((lowest, highest)) = target.eselon.and_then(|e| rules.rank_range(e)) {
        let floor = lowest
            .lower_by(usize::from(rules.rank_steps_below_allowed))
            .unwrap_or(lowest);
        match c.rank {
            Some(g) => push(
                Requirement::Rank,
                g >= floor,
                format!("golongan {g} (rentang {lowest}-{highest}, paling rendah {floor})"),
            ),
            None => push(
                Requirement::Rank,
                false,
                format!("golongan tidak tercatat (paling rendah {floor})"),
            ),
        }
    }
    let ko = &rules.knock_outs;
    let since = as_of
        .checked_sub_months(Months::new(u32::from(ko.sanction_years) * 12))
        .unwrap_or(NaiveDate::MIN);
    let recent: Vec<String> = c
        .sanctions
        .iter()
        .filter(|(level, on)| *level >= ko.sanction_from && *on > since && *on <= as_of)
        .map(|(level, on)| format!("{} pada {on}", level.code()))
        .collect();
    push(
        Requirement::Sanction,
        recent.is_empty(),
        if recent.is_empty() {
            format!(
                "tidak ada hukuman disiplin {} atau lebih berat dalam {} tahun terakhir",
                ko.sanction_from.code(),
                ko.sanction_years
            )
        } else {
            format!(
                "hukuman disiplin {} dalam {} tahun terakhir",
                recent.join(", "),
                ko.sanction_years
            )
        },
    );
    let bup = c
        .current_class
        .map(|cl| rules.retirement_age(cl))
        .unwrap_or(58);
    let retire = retirement_date(c.birth_date, bup);
    let limit = as_of
        .checked_add_months(Months::new(u32::from(ko.retirement_months)))
        .unwrap_or(NaiveDate::MAX);
    push(
        Requirement::Retirement,
        retire > limit,
        format!(
            "pensiun (BUP {bup}) pada {retire}; batas paling cepat {} bulan lagi",
            ko.retirement_months
        ),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::performance::Predikat;
    use crate::position::Jenjang;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn pengawas() -> Candidate {
        Candidate {
            birth_date: d(1980, 5, 10),
            appointed_on: d(2005, 3, 1),
            education: Some(Education::S1),
            rank: Some(Golongan::IIID),
            current_class: Some(PositionClass::Pengawas),
            in_class_since: d(2020, 1, 1).into(),
            ratings: vec![
                (2024, Rating::Predikat(Predikat::Baik)),
                (2025, Rating::Predikat(Predikat::SangatBaik)),
            ],
            sanctions: vec![],
        }
    }

    fn admin_post() -> Target {
        Target {
            class: PositionClass::Administrator,
            eselon: Some(Eselon::IIIB),
        }
    }

    fn check(c: &Candidate, t: Target) -> Vec<Check> {
        check_promotion(c, t, d(2026, 11, 27), &RuleSet::default())
    }

    fn failed(checks: &[Check]) -> Vec<Requirement> {
        checks
            .iter()
            .filter(|c| !c.passed)
            .map(|c| c.requirement)
            .collect()
    }

    #[test]
    fn a_qualified_pengawas_may_be_promoted_to_administrator() {
        let checks = check(&pengawas(), admin_post());
        assert!(all_passed(&checks), "{checks:#?}");
        assert!(checks.iter().any(|c| c.requirement == Requirement::Rank));
    }

    #[test]
    fn administrator_needs_three_years_as_pengawas() {
        let mut c = pengawas();
        c.in_class_since = Some(d(2024, 1, 1));
        let checks = check(&c, admin_post());
        assert_eq!(failed(&checks), vec![Requirement::YearsOnRungBelow]);
        assert!(checks[1].reason.contains("2 tahun"), "{}", checks[1].reason);
        c.in_class_since = Some(d(2023, 11, 27));
        assert!(all_passed(&check(&c, admin_post())));
    }

    #[test]
    fn administrator_needs_s1_or_d4_and_pengawas_needs_d3() {
        let mut c = pengawas();
        c.education = Some(Education::D3);
        assert_eq!(
            failed(&check(&c, admin_post())),
            vec![Requirement::Education]
        );
        c.education = Some(Education::D4);
        assert!(all_passed(&check(&c, admin_post())));
        let mut staff = pengawas();
        staff.current_class = Some(PositionClass::Pelaksana);
        staff.in_class_since = Some(d(2018, 1, 1));
        staff.education = Some(Education::D3);
        let t = Target {
            class: PositionClass::Pengawas,
            eselon: None,
        };
        assert!(all_passed(&check(&staff, t)));
        staff.education = Some(Education::Sma);
        assert_eq!(failed(&check(&staff, t)), vec![Requirement::Education]);
    }

    #[test]
    fn performance_must_be_at_least_baik_in_each_of_the_last_two_years() {
        let mut c = pengawas();
        c.ratings[0].1 = Rating::Predikat(Predikat::ButuhPerbaikan);
        let checks = check(&c, admin_post());
        assert_eq!(failed(&checks), vec![Requirement::Performance]);
        let perf = checks
            .iter()
            .find(|c| c.requirement == Requirement::Performance)
            .unwrap();
        assert!(perf.reason.contains("2024"), "{}", perf.reason);
        c.ratings.remove(0);
        let checks = check(&c, admin_post());
        let perf = checks
            .iter()
            .find(|c| c.requirement == Requirement::Performance)
            .unwrap();
        assert!(
            !perf.passed && perf.reason.contains("2024 tidak tercatat"),
            "{}",
            perf.reason
        );
        // An older numeric score of 76 is Baik.
        c.ratings.push((2024, Rating::Score(7600)));
        assert!(all_passed(&check(&c, admin_post())));
    }

    #[test]
    fn jpt_pratama_needs_age_56_or_less_two_years_as_administrator_and_five_years_of_service() {
        let c = Candidate {
            birth_date: d(1970, 11, 28),
            appointed_on: d(1995, 3, 1),
            education: Some(Education::S2),
            rank: Some(Golongan::IVB),
            current_class: Some(PositionClass::Fungsional(Jenjang::AhliMadya)),
            in_class_since: Some(d(2024, 11, 27)),
            ratings: vec![],
            sanctions: vec![],
        };
        let t = Target {
            class: PositionClass::JptPratama,
            eselon: Some(Eselon::IIB),
        };
        // 55 years old (56 tomorrow), exactly 2 years as Ahli Madya (equivalent to Administrator).
        assert!(all_passed(&check(&c, t)), "{:#?}", check(&c, t));
        let mut old = c.clone();
        old.birth_date = d(1969, 11, 27); // 57
        assert_eq!(failed(&check(&old, t)), vec![Requirement::MaxAge]);
        let mut short = c.clone();
        short.in_class_since = Some(d(2024, 11, 28));
        assert_eq!(
            failed(&check(&short, t)),
            vec![Requirement::YearsOnRungBelow]
        );
        let mut new = c;
        new.appointed_on = d(2022, 1, 1);
        assert_eq!(failed(&check(&new, t)), vec![Requirement::ServiceYears]);
    }

    #[test]
    fn rank_may_be_one_step_below_the_lowest_of_the_eselon_range() {
        let mut c = pengawas();
        // III.b range III/d-IV/a: III/c is one step below and allowed, III/b is not.
        c.rank = Some(Golongan::IIIC);
        assert!(all_passed(&check(&c, admin_post())));
        c.rank = Some(Golongan::IIIB);
        assert_eq!(failed(&check(&c, admin_post())), vec![Requirement::Rank]);
    }

    #[test]
    fn a_moderate_sanction_in_the_last_two_years_knocks_out_a_light_one_does_not() {
        let mut c = pengawas();
        c.sanctions = vec![(SanctionLevel::Ringan, d(2026, 1, 5))];
        assert!(all_passed(&check(&c, admin_post())));
        c.sanctions = vec![(SanctionLevel::Sedang, d(2025, 1, 5))];
        assert_eq!(
            failed(&check(&c, admin_post())),
            vec![Requirement::Sanction]
        );
        c.sanctions = vec![(SanctionLevel::Berat, d(2024, 11, 27))];
        assert!(
            all_passed(&check(&c, admin_post())),
            "exactly two years ago has lapsed"
        );
    }

    #[test]
    fn within_a_year_of_retirement_at_bup_58_knocks_out() {
        let mut c = pengawas();
        // Born 1968-12-15: turns 58 on 2026-12-15, retires 2027-01-01.
        c.birth_date = d(1968, 12, 15);
        assert_eq!(retirement_date(c.birth_date, 58), d(2027, 1, 1));
        assert_eq!(
            failed(&check(&c, admin_post())),
            vec![Requirement::Retirement]
        );
        // A JF Ahli Utama retires at 65.
        assert_eq!(retirement_date(c.birth_date, 65), d(2034, 1, 1));
        c.birth_date = d(1967, 12, 15);
        c.current_class = Some(PositionClass::Fungsional(Jenjang::AhliUtama));
        let t = Target {
            class: PositionClass::JptMadya,
            eselon: None,
        };
        let checks = check(&c, t);
        assert!(
            checks
                .iter()
                .find(|k| k.requirement == Requirement::Retirement)
                .unwrap()
                .passed
        );
    }

    #[test]
    fn education_and_sanction_levels_parse() {
        assert_eq!(Education::parse("D-IV"), Some(Education::D4));
        assert_eq!(Education::parse("DIII"), Some(Education::D3));
        assert_eq!(Education::parse("S-1"), Some(Education::S1));
        assert_eq!(Education::parse("SLTA"), Some(Education::Sma));
        assert_eq!(Education::parse("Sarjana"), None);
        assert_eq!(Education::D4.step(), Education::S1.step());
        assert_eq!(
            SanctionLevel::parse("Hukuman Disiplin Berat"),
            Some(SanctionLevel::Berat)
        );
        assert_eq!(SanctionLevel::parse("keras"), None);
    }
}
