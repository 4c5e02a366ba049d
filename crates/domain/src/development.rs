//! Strengths, development areas and the development advice of a result (domain.md section 6:
//! "negative gaps drive development recommendations (training, coaching, job enrichment) per
//! competency"). The size of a gap chooses the kind of help: a whole level or more below the
//! standard needs structured learning (training) with coaching; half a level needs coaching and
//! on-the-job learning (job enrichment); at or above the standard is a strength to use.

use crate::competency::{CompetencyCode, CoreCompetency};
use crate::jpm::Gap;

/// The kind of help a gap calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intervention {
    /// Training (pelatihan klasikal / e-learning) plus coaching: a gap of one level or more.
    Training,
    /// Coaching, mentoring and job enrichment: a gap of half a level.
    Coaching,
}

impl Intervention {
    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Intervention::Training => "pelatihan dan coaching",
            Intervention::Coaching => "coaching/mentoring dan pengayaan tugas",
        }
    }
}

/// One development area with its advice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    /// The competency below its standard.
    pub code: CompetencyCode,
    /// Gap in tenths (negative).
    pub gap_tenths: i16,
    /// The kind of help.
    pub intervention: Intervention,
    /// What to do, in Bahasa Indonesia.
    pub text: String,
}

/// What developing a core competency looks like on the job (in Bahasa Indonesia).
fn activity(c: CoreCompetency) -> &'static str {
    match c {
        CoreCompetency::M1 => {
            "menerapkan kode etik dan menjadi teladan kejujuran dalam keputusan unit"
        }
        CoreCompetency::M2 => "memimpin kerja tim lintas unit dan membangun jejaring kerja",
        CoreCompetency::M3 => {
            "menyusun dan menyampaikan pesan yang jelas kepada pemangku kepentingan"
        }
        CoreCompetency::M4 => "menetapkan target terukur dan memantau capaian kinerja unit",
        CoreCompetency::M5 => "memperbaiki proses layanan berdasarkan umpan balik masyarakat",
        CoreCompetency::M6 => "membimbing bawahan dan menyusun rencana pengembangan diri",
        CoreCompetency::M7 => "memimpin satu inisiatif perubahan dan mengelola penolakannya",
        CoreCompetency::M8 => {
            "menganalisis pilihan dan mengambil keputusan dengan risiko yang diperhitungkan"
        }
        CoreCompetency::Sk1 => {
            "mengelola keberagaman dan merekatkan kelompok yang berbeda dalam tugas"
        }
    }
}

/// Competencies at or above their standard, the largest margin first (ties in the standard's
/// order): the strengths of the report.
pub fn strengths(gaps: &[Gap]) -> Vec<&Gap> {
    let mut s: Vec<&Gap> = gaps.iter().filter(|g| g.tenths() >= 0).collect();
    s.sort_by_key(|g| std::cmp::Reverse(g.tenths()));
    s
}

/// Development areas: every competency below its standard, the largest gap first, with advice.
pub fn development(gaps: &[Gap]) -> Vec<Advice> {
    let mut below: Vec<&Gap> = gaps.iter().filter(|g| g.tenths() < 0).collect();
    below.sort_by_key(|g| g.tenths());
    below
        .into_iter()
        .map(|g| {
            let intervention = if g.tenths() <= -10 {
                Intervention::Training
            } else {
                Intervention::Coaching
            };
            let what = match &g.code {
                CompetencyCode::Core(c) => activity(*c).to_string(),
                CompetencyCode::Technical(_) => {
                    "pelatihan teknis sesuai bidang dan penugasan pada pekerjaan terkait"
                        .to_string()
                }
            };
            Advice {
                code: g.code.clone(),
                gap_tenths: g.tenths(),
                intervention,
                text: format!(
                    "{}: {} (kurang {} level) melalui {}, dengan {}",
                    g.code,
                    name(&g.code),
                    format_tenths(-g.tenths()),
                    intervention.label(),
                    what
                ),
            }
        })
        .collect()
}

/// The name of a competency (the code for a technical one).
pub fn name(c: &CompetencyCode) -> String {
    match c {
        CompetencyCode::Core(k) => k.name().to_string(),
        CompetencyCode::Technical(_) => format!("Kompetensi teknis {}", c.code()),
    }
}

fn format_tenths(t: i16) -> String {
    if t % 10 == 0 {
        format!("{}", t / 10)
    } else {
        format!("{},{}", t / 10, (t % 10).abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::competency::Level;

    fn gap(c: CoreCompetency, req: u8, ach: u8) -> Gap {
        Gap {
            code: CompetencyCode::Core(c),
            required: Level::from_tenths(req).unwrap(),
            achieved: Level::from_tenths(ach).unwrap(),
        }
    }

    #[test]
    fn a_whole_level_below_needs_training_half_a_level_coaching_and_the_largest_gap_comes_first() {
        let gaps = [
            gap(CoreCompetency::M1, 30, 30),
            gap(CoreCompetency::M2, 30, 25),
            gap(CoreCompetency::M3, 40, 30),
            gap(CoreCompetency::M4, 30, 35),
        ];
        let d = development(&gaps);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].code, CompetencyCode::Core(CoreCompetency::M3));
        assert_eq!(d[0].intervention, Intervention::Training);
        assert!(d[0].text.contains("kurang 1 level"), "{}", d[0].text);
        assert_eq!(d[1].intervention, Intervention::Coaching);
        assert!(d[1].text.contains("kurang 0,5 level"), "{}", d[1].text);
        let s: Vec<_> = strengths(&gaps)
            .iter()
            .map(|g| g.code.code().to_string())
            .collect();
        assert_eq!(s, ["M.4", "M.1"]);
    }
}
