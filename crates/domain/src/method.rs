//! Assessment methods (domain.md section 9) and the competency x method matrix: which method
//! measures which competency. A setting requires each competency to be measured by at least N
//! methods; group exercises need groups of 4-8 assessees (a setting too).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::competency::CompetencyCode;

/// A method of the assessment-centre catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Method {
    Psychometric,
    Interview,
    InTray,
    GroupDiscussion,
    Presentation,
    CaseAnalysis,
    RolePlay,
    SituationalJudgement,
    WrittenTest,
    Paper,
    TrackRecord,
    Portfolio,
    ComputerAssisted,
}

impl Method {
    /// The whole catalogue.
    pub const ALL: [Method; 13] = [
        Method::Psychometric,
        Method::Interview,
        Method::InTray,
        Method::GroupDiscussion,
        Method::Presentation,
        Method::CaseAnalysis,
        Method::RolePlay,
        Method::SituationalJudgement,
        Method::WrittenTest,
        Method::Paper,
        Method::TrackRecord,
        Method::Portfolio,
        Method::ComputerAssisted,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Method::Psychometric => "psikometri",
            Method::Interview => "wawancara",
            Method::InTray => "in-tray",
            Method::GroupDiscussion => "lgd",
            Method::Presentation => "presentasi",
            Method::CaseAnalysis => "analisis-kasus",
            Method::RolePlay => "role-play",
            Method::SituationalJudgement => "sjt",
            Method::WrittenTest => "tes-tertulis",
            Method::Paper => "makalah",
            Method::TrackRecord => "rekam-jejak",
            Method::Portfolio => "portofolio",
            Method::ComputerAssisted => "cact",
        }
    }

    /// Name in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Method::Psychometric => "Tes psikometri",
            Method::Interview => "Wawancara berbasis kompetensi",
            Method::InTray => "In-tray",
            Method::GroupDiscussion => "Diskusi kelompok tanpa pemimpin (LGD)",
            Method::Presentation => "Presentasi",
            Method::CaseAnalysis => "Analisis kasus",
            Method::RolePlay => "Role play",
            Method::SituationalJudgement => "Situational judgement test",
            Method::WrittenTest => "Tes tertulis",
            Method::Paper => "Makalah",
            Method::TrackRecord => "Rekam jejak",
            Method::Portfolio => "Portofolio",
            Method::ComputerAssisted => "Computer-assisted competency test (CACT)",
        }
    }

    /// Parses a code or a few common names.
    pub fn parse(s: &str) -> Option<Method> {
        let t = s.trim().to_lowercase();
        Method::ALL
            .into_iter()
            .find(|m| m.code() == t)
            .or(match t.as_str() {
                "interview" => Some(Method::Interview),
                "lgd" | "diskusi kelompok" => Some(Method::GroupDiscussion),
                "paper" => Some(Method::Paper),
                "tes tertulis" | "written test" => Some(Method::WrittenTest),
                "rekam jejak" | "track record" => Some(Method::TrackRecord),
                _ => None,
            })
    }

    /// Whether assessees take it in groups (so groups of 4-8 must be formed).
    pub fn in_groups(self) -> bool {
        matches!(self, Method::GroupDiscussion)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Which methods measure which competency.
pub type Matrix = Vec<(CompetencyCode, Vec<Method>)>;

/// A competency measured by fewer methods than required.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnderMeasured {
    /// The competency.
    pub competency: CompetencyCode,
    /// Methods of the event that measure it.
    pub methods: usize,
    /// Required.
    pub required: usize,
}

impl fmt::Display for UnderMeasured {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "kompetensi {} hanya diukur {} metode (minimal {})",
            self.competency, self.methods, self.required
        )
    }
}

/// The competencies of `competencies` that the event's `methods` measure fewer than `at_least`
/// times according to `matrix` (a method in the matrix but not used by the event does not count).
pub fn under_measured(
    competencies: &[CompetencyCode],
    methods: &[Method],
    matrix: &Matrix,
    at_least: usize,
) -> Vec<UnderMeasured> {
    competencies
        .iter()
        .filter_map(|c| {
            let n = matrix
                .iter()
                .find(|(k, _)| k == c)
                .map(|(_, ms)| ms.iter().filter(|m| methods.contains(m)).count())
                .unwrap_or(0);
            (n < at_least).then(|| UnderMeasured {
                competency: c.clone(),
                methods: n,
                required: at_least,
            })
        })
        .collect()
}

/// Reads a matrix written one competency per line, `M.1: wawancara, cbt, sjt` (blank lines and
/// lines starting with `#` are ignored). Every problem is reported with its line number.
pub fn parse_matrix(text: &str) -> Result<Matrix, String> {
    let mut matrix: Matrix = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let n = i + 1;
        let Some((code, methods)) = line.split_once(':') else {
            problems.push(format!("baris {n}: tulis \"kompetensi: metode, metode\""));
            continue;
        };
        let competency = match CompetencyCode::parse(code) {
            Ok(c) => c,
            Err(e) => {
                problems.push(format!("baris {n}: {e}"));
                continue;
            }
        };
        if matrix.iter().any(|(c, _)| *c == competency) {
            problems.push(format!(
                "baris {n}: kompetensi {competency} disebut dua kali"
            ));
            continue;
        }
        let mut ms = Vec::new();
        for m in methods.split(',').map(str::trim).filter(|m| !m.is_empty()) {
            match Method::parse(m) {
                Some(m) if !ms.contains(&m) => ms.push(m),
                Some(_) => {}
                None => problems.push(format!("baris {n}: metode '{m}' tidak dikenal")),
            }
        }
        matrix.push((competency, ms));
    }
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    if matrix.is_empty() {
        return Err("matriks kompetensi x metode kosong".into());
    }
    Ok(matrix)
}

/// Writes a matrix in the form [`parse_matrix`] reads.
pub fn format_matrix(matrix: &Matrix) -> String {
    matrix
        .iter()
        .map(|(c, ms)| {
            let codes: Vec<&str> = ms.iter().map(|m| m.code()).collect();
            format!("{c}: {}", codes.join(", "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A common matrix of assessment-centre practice for the nine competencies (each government
/// may replace it): the interview measures all nine; the other methods their usual share.
pub fn default_matrix() -> Matrix {
    use crate::competency::CoreCompetency::*;
    use Method::*;
    let rows: [(crate::competency::CoreCompetency, &[Method]); 9] = [
        (
            M1,
            &[Interview, SituationalJudgement, Psychometric, TrackRecord],
        ),
        (M2, &[Interview, GroupDiscussion, RolePlay]),
        (M3, &[Interview, Presentation, GroupDiscussion, Paper]),
        (M4, &[Interview, InTray, CaseAnalysis, TrackRecord]),
        (
            M5,
            &[Interview, RolePlay, CaseAnalysis, SituationalJudgement],
        ),
        (M6, &[Interview, RolePlay, Portfolio]),
        (M7, &[Interview, Presentation, Paper, CaseAnalysis]),
        (M8, &[Interview, InTray, CaseAnalysis, GroupDiscussion]),
        (
            Sk1,
            &[
                Interview,
                GroupDiscussion,
                SituationalJudgement,
                WrittenTest,
            ],
        ),
    ];
    rows.iter()
        .map(|(c, ms)| (CompetencyCode::Core(*c), ms.to_vec()))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_matrix_is_written_and_read_back_and_bad_lines_are_named() {
        let m = default_matrix();
        assert_eq!(parse_matrix(&format_matrix(&m)).unwrap(), m);
        let own = parse_matrix("# matriks Kota X\nM.1: wawancara, tes-tertulis\n\nSK1: wawancara")
            .unwrap();
        assert_eq!(own.len(), 2);
        assert_eq!(own[0].1, vec![Method::Interview, Method::WrittenTest]);
        let err =
            parse_matrix("M.1 wawancara\nM.9: wawancara\nM.2: menari\nM.2: wawancara").unwrap_err();
        assert!(err.contains("baris 1"), "{err}");
        assert!(err.contains("baris 2"), "{err}");
        assert!(
            err.contains("baris 3: metode 'menari' tidak dikenal"),
            "{err}"
        );
        assert!(
            err.contains("baris 4") && err.contains("disebut dua kali"),
            "{err}"
        );
        assert!(parse_matrix("\n# kosong\n").is_err());
    }

    use super::*;
    use crate::competency::CoreCompetency;

    fn nine() -> Vec<CompetencyCode> {
        CoreCompetency::ALL
            .iter()
            .map(|c| CompetencyCode::Core(*c))
            .collect()
    }

    #[test]
    fn every_method_parses_from_its_code() {
        for m in Method::ALL {
            assert_eq!(Method::parse(m.code()), Some(m));
        }
        assert_eq!(Method::parse("Interview"), Some(Method::Interview));
        assert_eq!(Method::parse("sulap"), None);
        assert!(Method::GroupDiscussion.in_groups() && !Method::Interview.in_groups());
    }

    #[test]
    fn metro_s_presentation_paper_and_interview_measure_every_competency_at_least_once_but_not_twice()
     {
        // Kota Metro 2021: work-programme presentation, paper, interview.
        let methods = [Method::Presentation, Method::Paper, Method::Interview];
        let m = default_matrix();
        assert!(under_measured(&nine(), &methods, &m, 1).is_empty());
        let short = under_measured(&nine(), &methods, &m, 2);
        let codes: Vec<&str> = short.iter().map(|u| u.competency.code()).collect();
        assert_eq!(
            codes,
            vec!["M.1", "M.2", "M.4", "M.5", "M.6", "M.8", "SK.1"]
        );
        assert_eq!(
            short[0].to_string(),
            "kompetensi M.1 hanya diukur 1 metode (minimal 2)"
        );
    }

    #[test]
    fn bima_s_written_test_and_interview_leave_competencies_measured_once() {
        let methods = [Method::WrittenTest, Method::Interview];
        let short = under_measured(&nine(), &methods, &default_matrix(), 2);
        assert_eq!(short.len(), 8, "only SK.1 is measured by both");
        assert!(
            under_measured(&nine(), &[Method::InTray], &default_matrix(), 1)
                .iter()
                .any(|u| u.methods == 0)
        );
    }
}
