//! Succession for a vacant post (PermenPAN-RB 3/2020: the talent pool, boxes 7-9, is the
//! succession group): who of the pool one rung below may fill it, how ready each is, and in what
//! order they are listed. The order is a declared rule, shown with every list:
//!
//! 1. ready now before ready later;
//! 2. JPM against the post's standard, higher first;
//! 3. talent box, higher first (9, 8, 7);
//! 4. longer on the current rung first;
//! 5. higher rank (golongan) first;
//! 6. the smaller NIP first (an older appointment), so the order is total.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::Golongan;
use crate::eligibility::Check;
use crate::jpm::{Category, Jpm};

/// The tie rule in words, for pages and exports.
pub const TIE_RULE: &str = "Urutan: siap sekarang lebih dulu; lalu JPM terhadap standar jabatan (tinggi ke rendah); lalu kotak talenta (9, 8, 7); lalu masa pada jenjang sekarang (lama lebih dulu); lalu pangkat (tinggi lebih dulu); lalu NIP (kecil lebih dulu).";

/// How ready a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Readiness {
    /// Every requirement met and the JPM qualifies (MS) for filling the post.
    ReadyNow,
    /// Something is still missing (the reasons say what).
    ReadyLater,
}

impl Readiness {
    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Readiness::ReadyNow => "siap sekarang",
            Readiness::ReadyLater => "siap kemudian",
        }
    }
}

/// Readiness from the eligibility checks and the JPM category for filling a post, with what
/// holds a candidate back.
pub fn readiness(checks: &[Check], category: Option<Category>) -> (Readiness, Vec<String>) {
    let mut missing: Vec<String> = checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.reason.clone())
        .collect();
    match category {
        Some(Category::Ms) => {}
        Some(c) => missing.push(format!(
            "JPM terhadap jabatan ini {} ({}), belum Memenuhi Syarat",
            c.code(),
            c.label()
        )),
        None => missing.push("belum ada hasil asesmen yang berlaku untuk jabatan ini".into()),
    }
    let r = if missing.is_empty() {
        Readiness::ReadyNow
    } else {
        Readiness::ReadyLater
    };
    (r, missing)
}

/// What the order of a candidate depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortKey {
    /// Readiness.
    pub readiness: Readiness,
    /// JPM against the post.
    pub jpm: Option<Jpm>,
    /// Talent box number.
    pub talent_box: u8,
    /// Since when on the current rung.
    pub on_rung_since: Option<NaiveDate>,
    /// Rank.
    pub rank: Option<Golongan>,
    /// NIP as a number.
    pub nip: u64,
}

/// The declared order (see the module documentation).
pub fn order(a: &SortKey, b: &SortKey) -> Ordering {
    a.readiness
        .cmp(&b.readiness)
        .then_with(|| {
            let bp = |k: &SortKey| k.jpm.map(Jpm::basis_points).unwrap_or(0);
            bp(b).cmp(&bp(a))
        })
        .then_with(|| b.talent_box.cmp(&a.talent_box))
        .then_with(|| {
            // Earlier date = longer on the rung; unknown last.
            match (a.on_rung_since, b.on_rung_since) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        })
        .then_with(|| b.rank.cmp(&a.rank))
        .then_with(|| a.nip.cmp(&b.nip))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::Requirement;

    fn key(
        r: Readiness,
        bp: Option<(u64, u64)>,
        b: u8,
        since: Option<(i32, u32)>,
        nip: u64,
    ) -> SortKey {
        SortKey {
            readiness: r,
            jpm: bp.and_then(|(a, q)| Jpm::from_sums(a, q)),
            talent_box: b,
            on_rung_since: since.and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1)),
            rank: None,
            nip,
        }
    }

    #[test]
    fn ready_now_first_then_jpm_then_box_then_time_on_the_rung_then_nip() {
        let mut v = [
            key(Readiness::ReadyLater, Some((270, 270)), 9, None, 1),
            key(Readiness::ReadyNow, Some((216, 270)), 7, Some((2020, 1)), 5), // 80 %
            key(Readiness::ReadyNow, Some((243, 270)), 7, Some((2022, 1)), 4), // 90 %
            key(Readiness::ReadyNow, Some((243, 270)), 9, Some((2023, 1)), 3),
            key(Readiness::ReadyNow, Some((243, 270)), 9, Some((2019, 1)), 2),
            key(Readiness::ReadyNow, Some((243, 270)), 9, Some((2019, 1)), 1),
        ];
        v.sort_by(order);
        let nips: Vec<u64> = v.iter().map(|k| k.nip).collect();
        assert_eq!(nips, vec![1, 2, 3, 4, 5, 1]);
        assert_eq!(v[0].nip, 1);
        assert_eq!(v[0].readiness, Readiness::ReadyNow);
        assert_eq!(
            v[1].nip, 2,
            "same JPM, box and start: the smaller NIP first"
        );
        assert_eq!(v[2].nip, 3, "then the shorter time on the rung");
        assert_eq!(v[3].nip, 4, "box 7 after box 9 at equal JPM");
        assert_eq!(v[4].nip, 5, "80 % after 90 %");
        assert_eq!(
            v[5].readiness,
            Readiness::ReadyLater,
            "ready later last even with 100 %"
        );
    }

    #[test]
    fn mms_or_a_failed_requirement_makes_a_candidate_ready_later_with_the_reasons() {
        let failed = Check {
            requirement: Requirement::YearsOnRungBelow,
            passed: false,
            reason: "2 tahun sebagai Pengawas atau setara (minimal 3)".into(),
        };
        let (r, why) = readiness(std::slice::from_ref(&failed), Some(Category::Ms));
        assert_eq!(r, Readiness::ReadyLater);
        assert_eq!(why, vec![failed.reason.clone()]);
        let (r, why) = readiness(&[], Some(Category::Mms));
        assert_eq!(r, Readiness::ReadyLater);
        assert!(why[0].contains("MMS"), "{why:?}");
        assert_eq!(readiness(&[], Some(Category::Ms)).0, Readiness::ReadyNow);
    }
}
