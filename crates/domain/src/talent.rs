//! Potential, the talent box (9-box) and the talent pool (PermenPAN-RB 3/2020 as amended by
//! 20/2025, domain.md section 8). The box scheme is versioned data: other ministries number
//! boxes differently.

use serde::{Deserialize, Serialize};

use crate::jpm::Jpm;
use crate::performance::Expectation;
use crate::rules::PotentialCutoffs;

/// Potential axis of the talent box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Potential {
    /// Rendah.
    Low,
    /// Menengah.
    Medium,
    /// Tinggi.
    High,
}

impl Potential {
    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Potential::Low => "Potensial Rendah",
            Potential::Medium => "Potensial Menengah",
            Potential::High => "Potensial Tinggi",
        }
    }

    /// Index 0..3 from low to high.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Potential from the JPM of the mapping (>= 90 high, >= 78 medium by default).
pub fn potential_from_jpm(jpm: Jpm, cutoffs: &PotentialCutoffs) -> Potential {
    if jpm.at_least(cutoffs.high_bp) {
        Potential::High
    } else if jpm.at_least(cutoffs.medium_bp) {
        Potential::Medium
    } else {
        Potential::Low
    }
}

/// A talent box number as numbered by the scheme in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TalentBox(pub u8);

/// One box of a scheme: its number, name and recommended actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoxInfo {
    /// Box number.
    pub number: u8,
    /// Name in Bahasa Indonesia.
    pub name: String,
    /// Recommended actions in Bahasa Indonesia.
    pub recommendations: Vec<String>,
}

/// A numbering of the 3x3 grid with names, recommendations and the talent-pool boxes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoxScheme {
    /// Version id recorded with each mapping.
    pub version: String,
    /// `grid[potential][performance]` = box number (indices low..high, below..above).
    pub grid: [[u8; 3]; 3],
    /// Info per box number.
    pub boxes: Vec<BoxInfo>,
    /// Box numbers that form the talent pool (succession group).
    pub pool: Vec<u8>,
}

impl BoxScheme {
    /// The box for a potential and a performance.
    pub fn place(&self, potential: Potential, performance: Expectation) -> TalentBox {
        TalentBox(self.grid[potential.index()][performance.index()])
    }

    /// Whether a box belongs to the talent pool.
    pub fn in_pool(&self, b: TalentBox) -> bool {
        self.pool.contains(&b.0)
    }

    /// Name and recommendations of a box.
    pub fn info(&self, b: TalentBox) -> Option<&BoxInfo> {
        self.boxes.iter().find(|i| i.number == b.0)
    }

    /// The potential and performance of a box number.
    pub fn axes_of(&self, b: TalentBox) -> Option<(Potential, Expectation)> {
        const P: [Potential; 3] = [Potential::Low, Potential::Medium, Potential::High];
        const E: [Expectation; 3] = [Expectation::Below, Expectation::Meets, Expectation::Above];
        for (pi, row) in self.grid.iter().enumerate() {
            for (ei, n) in row.iter().enumerate() {
                if *n == b.0 {
                    return Some((P[pi], E[ei]));
                }
            }
        }
        None
    }

    /// The scheme of PermenPAN-RB 3/2020 (amended by 20/2025).
    pub fn permenpan_3_2020() -> BoxScheme {
        let rec = |n: u8, items: &[&str]| {
            let (p, e) = default_axes(n);
            BoxInfo {
                number: n,
                name: format!("{} – Kinerja {}", p.label(), e.label()),
                recommendations: items.iter().map(|s| s.to_string()).collect(),
            }
        };
        BoxScheme {
            version: "permenpan-rb-3-2020".into(),
            grid: [[1, 2, 4], [3, 5, 7], [6, 8, 9]],
            boxes: vec![
                rec(
                    1,
                    &["Ditangani sesuai ketentuan disiplin dan manajemen kinerja"],
                ),
                rec(
                    2,
                    &[
                        "Bimbingan kinerja",
                        "Pengembangan kompetensi",
                        "Penempatan yang sesuai",
                    ],
                ),
                rec(
                    3,
                    &[
                        "Bimbingan kinerja",
                        "Konseling kinerja",
                        "Pengembangan kompetensi",
                        "Penempatan yang sesuai",
                    ],
                ),
                rec(4, &["Rotasi", "Pengembangan kompetensi"]),
                rec(
                    5,
                    &[
                        "Penempatan yang sesuai",
                        "Bimbingan kinerja",
                        "Pengembangan kompetensi",
                    ],
                ),
                rec(
                    6,
                    &[
                        "Penempatan yang sesuai",
                        "Bimbingan kinerja",
                        "Konseling kinerja",
                    ],
                ),
                rec(
                    7,
                    &[
                        "Dipertahankan",
                        "Masuk kelompok rencana suksesi instansi",
                        "Rotasi/pengayaan jabatan",
                        "Pengembangan kompetensi",
                        "Tugas belajar",
                    ],
                ),
                rec(
                    8,
                    &[
                        "Dipertahankan",
                        "Masuk kelompok rencana suksesi instansi",
                        "Rotasi/perluasan jabatan",
                        "Bimbingan kinerja",
                    ],
                ),
                rec(
                    9,
                    &[
                        "Dipromosikan dan dipertahankan",
                        "Masuk kelompok rencana suksesi instansi/nasional",
                        "Penghargaan",
                    ],
                ),
            ],
            pool: vec![7, 8, 9],
        }
    }
}

fn default_axes(n: u8) -> (Potential, Expectation) {
    use Expectation::*;
    use Potential::*;
    match n {
        1 => (Low, Below),
        2 => (Low, Meets),
        3 => (Medium, Below),
        4 => (Low, Above),
        5 => (Medium, Meets),
        6 => (High, Below),
        7 => (Medium, Above),
        8 => (High, Meets),
        _ => (High, Above),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;
    use Expectation::*;
    use Potential::*;
    use proptest::prelude::*;

    #[test]
    fn the_grid_of_permenpan_rb_3_2020() {
        let s = BoxScheme::permenpan_3_2020();
        let table = [
            (High, Below, 6),
            (High, Meets, 8),
            (High, Above, 9),
            (Medium, Below, 3),
            (Medium, Meets, 5),
            (Medium, Above, 7),
            (Low, Below, 1),
            (Low, Meets, 2),
            (Low, Above, 4),
        ];
        for (p, e, n) in table {
            assert_eq!(s.place(p, e), TalentBox(n), "{p:?} {e:?}");
            assert_eq!(s.axes_of(TalentBox(n)), Some((p, e)));
            assert!(s.info(TalentBox(n)).unwrap().name.contains(p.label()));
        }
    }

    #[test]
    fn the_talent_pool_is_boxes_7_8_9() {
        let s = BoxScheme::permenpan_3_2020();
        let pool: Vec<u8> = (1..=9).filter(|n| s.in_pool(TalentBox(*n))).collect();
        assert_eq!(pool, vec![7, 8, 9]);
        assert!(s.info(TalentBox(9)).unwrap().recommendations[0].contains("Dipromosikan"));
        assert!(s.info(TalentBox(1)).unwrap().recommendations[0].contains("disiplin"));
    }

    #[test]
    fn potential_comes_from_jpm_at_90_and_78() {
        let c = RuleSet::default().potential;
        let cases = [
            (90, High),
            (8999, Medium),
            (78, Medium),
            (7799, Low),
            (120, High),
        ];
        for (a, p) in cases {
            let r = if a > 1000 { 10000 } else { 100 };
            assert_eq!(
                potential_from_jpm(Jpm::from_sums(a, r).unwrap(), &c),
                p,
                "{a}/{r}"
            );
        }
    }

    fn potential() -> impl Strategy<Value = Potential> {
        prop_oneof![Just(Low), Just(Medium), Just(High)]
    }
    fn performance() -> impl Strategy<Value = Expectation> {
        prop_oneof![Just(Below), Just(Meets), Just(Above)]
    }

    proptest! {
        #[test]
        fn the_box_never_goes_down_when_potential_or_performance_goes_up(
            p1 in potential(), p2 in potential(), e1 in performance(), e2 in performance()
        ) {
            let s = BoxScheme::permenpan_3_2020();
            if p1 <= p2 && e1 <= e2 {
                prop_assert!(s.place(p1, e1) <= s.place(p2, e2));
            }
        }
    }
}
