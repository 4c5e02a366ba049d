//! Open selection of senior (JPT) posts and the job fit of incumbents (domain.md section 10;
//! UU 5/2014 art. 108-118, PP 11/2017, PermenPAN-RB 15/2019): stages with weights and pass
//! rules, the panel's scores combined per stage (a member with a declared conflict of interest
//! does not count for that candidate), the weighted total, the ranking by a declared tie rule,
//! three names per post, the approval chain a decision needs (the supervising authority is data:
//! KASN, then BKN), and the mutation constraints that warn or block with their reason.
//! Scores are hundredths of a point on 0-100, so no rounding error creeps in.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::jpm::Category;

/// A stage of a selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StageKind {
    /// Competency assessment (assessment centre result).
    Assessment,
    /// A paper (makalah).
    Paper,
    /// Presentation of a work programme.
    Presentation,
    /// Interview by the panel.
    Interview,
    /// Track record.
    TrackRecord,
    /// Health and psychological tests.
    HealthPsych,
}

impl StageKind {
    /// Every kind, in the usual order of a selection.
    pub const ALL: [StageKind; 6] = [
        StageKind::Assessment,
        StageKind::Paper,
        StageKind::Presentation,
        StageKind::Interview,
        StageKind::TrackRecord,
        StageKind::HealthPsych,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            StageKind::Assessment => "asesmen",
            StageKind::Paper => "makalah",
            StageKind::Presentation => "presentasi",
            StageKind::Interview => "wawancara",
            StageKind::TrackRecord => "rekam-jejak",
            StageKind::HealthPsych => "kesehatan-psikologi",
        }
    }

    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            StageKind::Assessment => "Asesmen kompetensi",
            StageKind::Paper => "Penulisan makalah",
            StageKind::Presentation => "Presentasi program kerja",
            StageKind::Interview => "Wawancara oleh panitia seleksi",
            StageKind::TrackRecord => "Penelusuran rekam jejak",
            StageKind::HealthPsych => "Tes kesehatan dan psikologi",
        }
    }

    /// From its code.
    pub fn parse(s: &str) -> Option<StageKind> {
        let t = s.trim().to_lowercase();
        StageKind::ALL.into_iter().find(|k| k.code() == t)
    }
}

/// How a stage is passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PassRule {
    /// A stage score of at least this many hundredths (e.g. 6000 = 60.00).
    MinScore(u32),
    /// Passed or not as recorded (health and psychological tests: "memenuhi syarat").
    PassFail,
}

/// A stage of a selection with its weight in the total and its pass rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    /// What it is.
    pub kind: StageKind,
    /// Weight in the final score, percent (0 for a pass/fail stage).
    pub weight: u8,
    /// How it is passed.
    pub pass: PassRule,
}

/// A refused selection set-up or input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionError(pub String);

impl fmt::Display for SelectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SelectionError {}

/// Checks the stages: each kind once, scored stages' weights summing to 100, pass/fail stages
/// without weight.
pub fn check_stages(stages: &[Stage]) -> Result<(), SelectionError> {
    if stages.is_empty() {
        return Err(SelectionError(
            "seleksi membutuhkan paling sedikit satu tahap".into(),
        ));
    }
    for (i, s) in stages.iter().enumerate() {
        if stages[..i].iter().any(|t| t.kind == s.kind) {
            return Err(SelectionError(format!(
                "tahap {} disebut dua kali",
                s.kind.label()
            )));
        }
        if s.pass == PassRule::PassFail && s.weight != 0 {
            return Err(SelectionError(format!(
                "tahap {} dinilai memenuhi/tidak memenuhi syarat: bobotnya harus 0",
                s.kind.label()
            )));
        }
        if let PassRule::MinScore(m) = s.pass
            && m > 10_000
        {
            return Err(SelectionError(format!(
                "nilai lulus tahap {} paling tinggi 100",
                s.kind.label()
            )));
        }
    }
    let total: u32 = stages.iter().map(|s| u32::from(s.weight)).sum();
    if total != 100 {
        return Err(SelectionError(format!(
            "bobot tahap berjumlah {total}%, harus 100%"
        )));
    }
    Ok(())
}

/// One panel member's score of one candidate in one stage (hundredths, 0-10000).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberScore {
    /// The member.
    pub member: i64,
    /// The score.
    pub score: u32,
}

/// The stage score of a candidate: the mean of the members' scores (rounded half up to a
/// hundredth), leaving out members with a declared conflict with this candidate; at least
/// `quorum` members must count.
pub fn stage_score(
    scores: &[MemberScore],
    conflicted: &[i64],
    quorum: usize,
) -> Result<u32, SelectionError> {
    if let Some(s) = scores.iter().find(|s| s.score > 10_000) {
        return Err(SelectionError(format!(
            "nilai {} di atas 100",
            f64::from(s.score) / 100.0
        )));
    }
    let counted: Vec<u32> = scores
        .iter()
        .filter(|s| !conflicted.contains(&s.member))
        .map(|s| s.score)
        .collect();
    if counted.len() < quorum.max(1) {
        return Err(SelectionError(format!(
            "baru {} anggota pansel tanpa konflik yang menilai (minimal {})",
            counted.len(),
            quorum.max(1)
        )));
    }
    let n = counted.len() as u64;
    let sum: u64 = counted.iter().map(|s| u64::from(*s)).sum();
    Ok(((2 * sum + n) / (2 * n)) as u32)
}

/// Whether a stage score passes (a pass/fail stage gives `passed` directly).
pub fn passes(stage: &Stage, score: Option<u32>, passed: Option<bool>) -> bool {
    match stage.pass {
        PassRule::MinScore(m) => score.is_some_and(|s| s >= m),
        PassRule::PassFail => passed == Some(true),
    }
}

/// The weighted total (hundredths) of the scored stages; `None` while one is missing.
pub fn weighted_total(stages: &[Stage], scores: &[Option<u32>]) -> Option<u32> {
    let mut sum: u64 = 0;
    for (s, x) in stages.iter().zip(scores) {
        if s.weight == 0 {
            continue;
        }
        sum += u64::from((*x)?) * u64::from(s.weight);
    }
    Some(((sum + 50) / 100) as u32)
}

/// The ranking rule, in words.
pub const TIE_RULE: &str = "Peringkat: nilai akhir (tinggi ke rendah); bila sama, nilai tahap berbobot terbesar; lalu nilai asesmen kompetensi; lalu masa kerja (lama lebih dulu); lalu NIP (kecil lebih dulu).";

/// What ranking depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankKey {
    /// Passed every stage.
    pub passed_all: bool,
    /// Weighted total.
    pub total: u32,
    /// Score of the stage with the largest weight.
    pub heaviest: u32,
    /// Assessment stage score (0 when none).
    pub assessment: u32,
    /// Start of service (earlier first).
    pub service_since: Option<NaiveDate>,
    /// Tie-breaker of last resort (NIP as a number; external applicants after).
    pub id: u64,
}

/// The declared order: those who passed every stage first, then [`TIE_RULE`].
pub fn rank_order(a: &RankKey, b: &RankKey) -> Ordering {
    b.passed_all
        .cmp(&a.passed_all)
        .then(b.total.cmp(&a.total))
        .then(b.heaviest.cmp(&a.heaviest))
        .then(b.assessment.cmp(&a.assessment))
        .then_with(|| match (a.service_since, b.service_since) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
        .then(a.id.cmp(&b.id))
}

/// The three names per post: the first three in the order who passed every stage (fewer when
/// fewer passed).
pub fn three_names(ranked: &[RankKey]) -> Vec<usize> {
    ranked
        .iter()
        .enumerate()
        .filter(|(_, k)| k.passed_all)
        .map(|(i, _)| i)
        .take(3)
        .collect()
}

/// The supervising authority that recommends an appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Authority {
    /// Komisi Aparatur Sipil Negara.
    Kasn,
    /// Badan Kepegawaian Negara (after KASN was dissolved).
    Bkn,
}

impl Authority {
    /// Label.
    pub fn label(self) -> &'static str {
        match self {
            Authority::Kasn => "Komisi Aparatur Sipil Negara (KASN)",
            Authority::Bkn => "Badan Kepegawaian Negara (BKN)",
        }
    }
}

/// The rules of selections and mutations of senior officials (all settings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectionRules {
    /// The last day KASN recommends; BKN from the next day.
    pub kasn_until: NaiveDate,
    /// A JPT is not replaced within this many months of appointment.
    pub min_months_before_replacement: u32,
    /// Term of a JPT, months.
    pub term_months: u32,
    /// Job fit allowed after this many months in post.
    pub job_fit_after_months: u32,
    /// No replacement this many months before regional-election candidates are set.
    pub months_before_candidates: u32,
    /// Nor this many months after a new regional head is sworn in.
    pub months_after_swearing_in: u32,
    /// Weight of the track record in job fit, percent (the interview has the rest).
    pub job_fit_track_record_weight: u8,
}

impl Default for SelectionRules {
    fn default() -> Self {
        SelectionRules {
            kasn_until: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap_or(NaiveDate::MIN),
            min_months_before_replacement: 24,
            term_months: 60,
            job_fit_after_months: 24,
            months_before_candidates: 6,
            months_after_swearing_in: 6,
            job_fit_track_record_weight: 50,
        }
    }
}

impl SelectionRules {
    /// Who recommends on `date`.
    pub fn authority_on(&self, date: NaiveDate) -> Authority {
        if date <= self.kasn_until {
            Authority::Kasn
        } else {
            Authority::Bkn
        }
    }
}

/// A step of the approval chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// The panel proposes three names per post.
    PanelProposal,
    /// The PPK picks one of the three, with a reason.
    PpkChoice,
    /// The supervising authority's recommendation.
    Recommendation(Authority),
    /// The governor's coordination (the Sekda of a regency or city).
    GovernorCoordination,
    /// The Minister of Home Affairs' written approval.
    MinisterApproval,
    /// Inauguration.
    Inauguration,
}

impl Step {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Step::PanelProposal => "usulan-pansel",
            Step::PpkChoice => "pilihan-ppk",
            Step::Recommendation(Authority::Kasn) => "rekomendasi-kasn",
            Step::Recommendation(Authority::Bkn) => "rekomendasi-bkn",
            Step::GovernorCoordination => "koordinasi-gubernur",
            Step::MinisterApproval => "persetujuan-mendagri",
            Step::Inauguration => "pelantikan",
        }
    }

    /// From its code.
    pub fn parse(s: &str) -> Option<Step> {
        [
            Step::PanelProposal,
            Step::PpkChoice,
            Step::Recommendation(Authority::Kasn),
            Step::Recommendation(Authority::Bkn),
            Step::GovernorCoordination,
            Step::MinisterApproval,
            Step::Inauguration,
        ]
        .into_iter()
        .find(|x| x.code() == s.trim())
    }

    /// Label in Bahasa Indonesia.
    pub fn label(self) -> String {
        match self {
            Step::PanelProposal => "Usulan tiga nama oleh panitia seleksi".into(),
            Step::PpkChoice => "Pilihan PPK atas satu dari tiga nama, dengan alasan".into(),
            Step::Recommendation(a) => format!("Rekomendasi {}", a.label()),
            Step::GovernorCoordination => "Koordinasi dengan Gubernur (Sekretaris Daerah)".into(),
            Step::MinisterApproval => "Persetujuan tertulis Menteri Dalam Negeri".into(),
            Step::Inauguration => "Pelantikan".into(),
        }
    }
}

/// The political calendar of a government.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    /// The regional head is acting (Pj/Plt).
    pub acting_head: bool,
    /// Days the candidates of regional elections are set.
    pub candidates_set_on: Vec<NaiveDate>,
    /// Days a new regional head was sworn in.
    pub sworn_in_on: Vec<NaiveDate>,
}

/// Inside an election window on `date`: the reason, if so.
pub fn election_window(cal: &Calendar, date: NaiveDate, rules: &SelectionRules) -> Option<String> {
    for d in &cal.candidates_set_on {
        let from = d
            .checked_sub_months(Months::new(rules.months_before_candidates))
            .unwrap_or(NaiveDate::MIN);
        if date >= from && date < *d {
            return Some(format!(
                "dalam {} bulan sebelum penetapan calon kepala daerah ({d})",
                rules.months_before_candidates
            ));
        }
    }
    for d in &cal.sworn_in_on {
        let until = d
            .checked_add_months(Months::new(rules.months_after_swearing_in))
            .unwrap_or(NaiveDate::MAX);
        if date >= *d && date < until {
            return Some(format!(
                "dalam {} bulan setelah pelantikan kepala daerah ({d})",
                rules.months_after_swearing_in
            ));
        }
    }
    None
}

/// The steps an appointment to a JPT post needs on `date`, in order, each required step once.
pub fn approval_chain(
    sekda_of_regency_or_city: bool,
    cal: &Calendar,
    date: NaiveDate,
    rules: &SelectionRules,
) -> Vec<Step> {
    let mut steps = vec![
        Step::PanelProposal,
        Step::PpkChoice,
        Step::Recommendation(rules.authority_on(date)),
    ];
    if sekda_of_regency_or_city {
        steps.push(Step::GovernorCoordination);
    }
    if cal.acting_head || election_window(cal, date, rules).is_some() {
        steps.push(Step::MinisterApproval);
    }
    steps.push(Step::Inauguration);
    steps
}

/// How serious a constraint is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Allowed, with the reason shown.
    Warn,
    /// Not allowed until resolved.
    Block,
}

/// A constraint on moving or replacing an official, with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constraint {
    /// Warn or block.
    pub severity: Severity,
    /// Why, with the dates.
    pub reason: String,
}

/// The constraints on replacing (or rotating) a JPT appointed on `in_post_since`, on `date`.
/// An acting head or an election window blocks unless the Minister approved in writing.
pub fn mutation_constraints(
    in_post_since: NaiveDate,
    date: NaiveDate,
    cal: &Calendar,
    minister_approved: bool,
    rules: &SelectionRules,
) -> Vec<Constraint> {
    let mut out = Vec::new();
    let months = crate::nip::full_years(in_post_since, date) * 12
        + i32::from(month_rest(in_post_since, date));
    let months = months.max(0) as u32;
    if months < rules.min_months_before_replacement {
        out.push(Constraint {
            severity: Severity::Block,
            reason: format!(
                "baru {months} bulan menjabat sejak {in_post_since} (minimal {} bulan)",
                rules.min_months_before_replacement
            ),
        });
    }
    if months >= rules.term_months {
        out.push(Constraint {
            severity: Severity::Warn,
            reason: format!(
                "masa jabatan {} tahun sudah terlampaui ({months} bulan): uji kesesuaian wajib",
                rules.term_months / 12
            ),
        });
    }
    if !minister_approved {
        if cal.acting_head {
            out.push(Constraint {
                severity: Severity::Block,
                reason: "kepala daerah berstatus penjabat: butuh persetujuan tertulis Menteri Dalam Negeri".into(),
            });
        }
        if let Some(w) = election_window(cal, date, rules) {
            out.push(Constraint {
                severity: Severity::Block,
                reason: format!("{w}: butuh persetujuan tertulis Menteri Dalam Negeri"),
            });
        }
    }
    out
}

/// Whole months beyond the full years between two dates (0-11).
fn month_rest(from: NaiveDate, to: NaiveDate) -> u8 {
    use chrono::Datelike;
    let mut m = (to.month() as i32 - from.month() as i32).rem_euclid(12);
    if to.day() < from.day() {
        m = (m - 1).rem_euclid(12);
    }
    m as u8
}

/// The job fit of an incumbent from the track record and the panel interview (hundredths):
/// the weighted score on the O / CO / KO scale of section 6, with placement advice.
pub fn job_fit(
    track_record: u32,
    interview: u32,
    rules: &SelectionRules,
    bounds: &crate::rules::CategoryBounds,
) -> (u32, Category, &'static str) {
    let w = u64::from(rules.job_fit_track_record_weight.min(100));
    let score =
        ((u64::from(track_record) * w + u64::from(interview) * (100 - w) + 50) / 100) as u32;
    let category = crate::jpm::Jpm::from_sums(u64::from(score), 10_000)
        .map(|j| j.category(crate::jpm::Purpose::JobFit, bounds))
        .unwrap_or(Category::Ko);
    let advice = match category {
        Category::O => "dipertahankan pada jabatan sekarang",
        Category::Co => {
            "dipertahankan dengan pengembangan kompetensi, atau dirotasi ke jabatan yang lebih sesuai"
        }
        _ => "dirotasi ke jabatan yang lebih sesuai dengan kompetensinya, disertai pengembangan",
    };
    (score, category, advice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn metro_stages() -> Vec<Stage> {
        vec![
            Stage {
                kind: StageKind::Paper,
                weight: 30,
                pass: PassRule::MinScore(6000),
            },
            Stage {
                kind: StageKind::Presentation,
                weight: 30,
                pass: PassRule::MinScore(6000),
            },
            Stage {
                kind: StageKind::Interview,
                weight: 40,
                pass: PassRule::MinScore(6500),
            },
            Stage {
                kind: StageKind::HealthPsych,
                weight: 0,
                pass: PassRule::PassFail,
            },
        ]
    }

    #[test]
    fn stage_weights_must_sum_to_100_and_a_pass_fail_stage_has_no_weight() {
        assert!(check_stages(&metro_stages()).is_ok());
        let mut bad = metro_stages();
        bad[0].weight = 20;
        assert_eq!(
            check_stages(&bad).unwrap_err().0,
            "bobot tahap berjumlah 90%, harus 100%"
        );
        let mut bad = metro_stages();
        bad[3].weight = 10;
        assert!(
            check_stages(&bad)
                .unwrap_err()
                .0
                .contains("bobotnya harus 0")
        );
        let mut bad = metro_stages();
        bad[1].kind = StageKind::Paper;
        assert!(
            check_stages(&bad)
                .unwrap_err()
                .0
                .contains("disebut dua kali")
        );
    }

    #[test]
    fn a_conflicted_member_does_not_count_and_the_quorum_is_kept() {
        let s = |m, x| MemberScore {
            member: m,
            score: x,
        };
        let scores = [s(1, 8000), s(2, 7000), s(3, 9000), s(4, 7500), s(5, 2000)];
        // Member 5 declared a relation with the candidate: (80 + 70 + 90 + 75) / 4 = 78.75.
        assert_eq!(stage_score(&scores, &[5], 3), Ok(7875));
        assert_eq!(stage_score(&scores, &[], 3), Ok(6700));
        assert!(
            stage_score(&scores[..2], &[], 3)
                .unwrap_err()
                .0
                .contains("minimal 3")
        );
        assert!(stage_score(&[s(1, 10_001)], &[], 1).is_err());
        // Rounded half up to a hundredth: (70.01 + 70.02) / 2 = 70.015 -> 70.02.
        assert_eq!(stage_score(&[s(1, 7001), s(2, 7002)], &[], 1), Ok(7002));
    }

    #[test]
    fn the_metro_eselon_ii_selection_ranks_by_weighted_total_and_proposes_three_names() {
        // Paper 30 %, presentation 30 %, interview 40 %; health and psychology pass/fail.
        let stages = metro_stages();
        let people: [(u64, [u32; 3], bool); 5] = [
            (1, [8000, 7500, 8200], true),  // 80*0.3+75*0.3+82*0.4 = 79.30
            (2, [7000, 9000, 7800], true),  // 21+27+31.2 = 79.20
            (3, [9000, 8000, 6000], true),  // interview below 65: fails
            (4, [7000, 7000, 9000], true),  // 21+21+36 = 78.00
            (5, [9500, 9500, 9500], false), // health: not fit
        ];
        let mut keys: Vec<RankKey> = people
            .iter()
            .map(|(id, s, fit)| {
                let scores = [Some(s[0]), Some(s[1]), Some(s[2]), None];
                let passed_all = stages
                    .iter()
                    .zip(&scores)
                    .all(|(st, x)| passes(st, *x, Some(*fit)));
                RankKey {
                    passed_all,
                    total: weighted_total(&stages, &scores).unwrap(),
                    heaviest: s[2],
                    assessment: 0,
                    service_since: None,
                    id: *id,
                }
            })
            .collect();
        assert_eq!(keys[0].total, 7930);
        assert_eq!(keys[1].total, 7920);
        keys.sort_by(rank_order);
        let order: Vec<u64> = keys.iter().map(|k| k.id).collect();
        assert_eq!(
            order,
            vec![1, 2, 4, 5, 3],
            "those who failed a stage come last"
        );
        let three: Vec<u64> = three_names(&keys).iter().map(|i| keys[*i].id).collect();
        assert_eq!(three, vec![1, 2, 4]);
    }

    #[test]
    fn equal_totals_are_broken_by_the_heaviest_stage_then_the_assessment_then_service() {
        let k = |id, heaviest, assessment, since: Option<NaiveDate>| RankKey {
            passed_all: true,
            total: 8000,
            heaviest,
            assessment,
            service_since: since,
            id,
        };
        let mut v = [
            k(1, 8000, 7000, Some(d(2000, 1, 1))),
            k(2, 8500, 7000, Some(d(2005, 1, 1))),
            k(3, 8000, 7500, Some(d(2005, 1, 1))),
            k(4, 8000, 7000, Some(d(1998, 1, 1))),
        ];
        v.sort_by(rank_order);
        assert_eq!(v.iter().map(|k| k.id).collect::<Vec<_>>(), vec![2, 3, 4, 1]);
    }

    #[test]
    fn a_rule_set_stored_before_selection_rules_existed_loads_the_defaults() {
        let mut v = serde_json::to_value(RuleSet::default()).unwrap();
        v.as_object_mut().unwrap().remove("selection");
        let old: RuleSet = serde_json::from_value(v).unwrap();
        assert_eq!(old.selection, SelectionRules::default());
        // A government's own setting: replacement allowed after 12 months.
        let relaxed = SelectionRules {
            min_months_before_replacement: 12,
            ..SelectionRules::default()
        };
        let c = mutation_constraints(
            d(2025, 6, 1),
            d(2026, 11, 27),
            &Calendar::default(),
            false,
            &relaxed,
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn the_recommending_authority_is_kasn_until_2024_and_bkn_after() {
        let r = SelectionRules::default();
        assert_eq!(r.authority_on(d(2021, 10, 5)), Authority::Kasn);
        assert_eq!(r.authority_on(d(2024, 12, 31)), Authority::Kasn);
        assert_eq!(r.authority_on(d(2025, 1, 1)), Authority::Bkn);
    }

    #[test]
    fn bekasis_acting_regent_needs_the_minister_and_a_city_sekda_the_governor() {
        let r = SelectionRules::default();
        let acting = Calendar {
            acting_head: true,
            ..Calendar::default()
        };
        // Kabupaten Bekasi 2021: an acting regent, then KASN.
        let chain = approval_chain(false, &acting, d(2021, 10, 5), &r);
        assert_eq!(
            chain,
            vec![
                Step::PanelProposal,
                Step::PpkChoice,
                Step::Recommendation(Authority::Kasn),
                Step::MinisterApproval,
                Step::Inauguration
            ]
        );
        let normal = Calendar::default();
        let sekda = approval_chain(true, &normal, d(2026, 3, 1), &r);
        assert!(sekda.contains(&Step::GovernorCoordination));
        assert!(sekda.contains(&Step::Recommendation(Authority::Bkn)));
        assert!(!sekda.contains(&Step::MinisterApproval));
    }

    #[test]
    fn replacement_within_two_years_blocks_after_five_warns_and_an_election_window_blocks_without_the_minister()
     {
        let r = SelectionRules::default();
        let normal = Calendar::default();
        let c = mutation_constraints(d(2025, 6, 1), d(2026, 11, 27), &normal, false, &r);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].severity, Severity::Block);
        assert!(
            c[0].reason.contains("baru 17 bulan menjabat"),
            "{}",
            c[0].reason
        );
        assert!(
            mutation_constraints(d(2024, 11, 27), d(2026, 11, 27), &normal, false, &r).is_empty(),
            "exactly 24 months"
        );
        let long = mutation_constraints(d(2021, 1, 4), d(2026, 11, 27), &normal, false, &r);
        assert_eq!(long[0].severity, Severity::Warn);
        let election = Calendar {
            candidates_set_on: vec![d(2027, 3, 1)],
            ..Calendar::default()
        };
        let c = mutation_constraints(d(2020, 1, 1), d(2026, 11, 27), &election, false, &r);
        assert!(c.iter().any(|x| x.severity == Severity::Block
            && x.reason.contains("6 bulan sebelum penetapan calon")));
        let approved = mutation_constraints(d(2020, 1, 1), d(2026, 11, 27), &election, true, &r);
        assert!(approved.iter().all(|x| x.severity == Severity::Warn));
        let sworn = Calendar {
            sworn_in_on: vec![d(2026, 7, 1)],
            ..Calendar::default()
        };
        assert!(election_window(&sworn, d(2026, 12, 31), &r).is_some());
        assert!(election_window(&sworn, d(2027, 1, 1), &r).is_none());
    }

    #[test]
    fn job_fit_weighs_track_record_and_interview_on_the_o_co_ko_scale() {
        let r = SelectionRules::default();
        let b = RuleSet::default().categories;
        assert_eq!(job_fit(9000, 9000, &r, &b).1, Category::O);
        let (score, category, _) = job_fit(8000, 7600, &r, &b);
        assert_eq!(
            (score, category),
            (7800, Category::Co),
            "78.00 is Cukup Optimal (bound inclusive)"
        );
        // (80.00 + 75.98) / 2 = 77.99: Kurang Optimal.
        let (score, category, advice) = job_fit(8000, 7598, &r, &b);
        assert_eq!((score, category), (7799, Category::Ko));
        assert!(advice.starts_with("dirotasi"));
    }
}
