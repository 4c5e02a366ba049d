//! The competency model of PermenPAN-RB 38/2017: nine competencies for every ASN post plus
//! technical competencies per post, levels 1-5 in half steps (domain.md section 5).

use std::fmt;

use serde::{Deserialize, Serialize};

/// One of the nine competencies assessed for every post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CoreCompetency {
    /// M.1 Integritas.
    M1,
    /// M.2 Kerja Sama.
    M2,
    /// M.3 Komunikasi.
    M3,
    /// M.4 Orientasi pada Hasil.
    M4,
    /// M.5 Pelayanan Publik.
    M5,
    /// M.6 Pengembangan Diri dan Orang Lain.
    M6,
    /// M.7 Mengelola Perubahan.
    M7,
    /// M.8 Pengambilan Keputusan.
    M8,
    /// SK.1 Perekat Bangsa.
    Sk1,
}

impl CoreCompetency {
    /// The nine in their official order.
    pub const ALL: [CoreCompetency; 9] = [
        CoreCompetency::M1,
        CoreCompetency::M2,
        CoreCompetency::M3,
        CoreCompetency::M4,
        CoreCompetency::M5,
        CoreCompetency::M6,
        CoreCompetency::M7,
        CoreCompetency::M8,
        CoreCompetency::Sk1,
    ];

    /// Index 0..9 in the official order.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Code, e.g. `M.1`, `SK.1`.
    pub fn code(self) -> &'static str {
        [
            "M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1",
        ][self.index()]
    }

    /// Name in Bahasa Indonesia.
    pub fn name(self) -> &'static str {
        [
            "Integritas",
            "Kerja Sama",
            "Komunikasi",
            "Orientasi pada Hasil",
            "Pelayanan Publik",
            "Pengembangan Diri dan Orang Lain",
            "Mengelola Perubahan",
            "Pengambilan Keputusan",
            "Perekat Bangsa",
        ][self.index()]
    }

    /// Whether it is managerial (M.x) rather than socio-cultural (SK.1).
    pub fn is_managerial(self) -> bool {
        self != CoreCompetency::Sk1
    }
}

/// A competency code: one of the nine, or a technical competency defined by the government.
/// Technical codes start with `T.` (e.g. `T.01`), so a mistyped `M.9` is refused, not invented.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CompetencyCode {
    /// Managerial or socio-cultural.
    Core(CoreCompetency),
    /// Technical (teknis), code as written after normalisation (upper case).
    Technical(String),
}

/// Why a competency code or level is not accepted (reason in Bahasa Indonesia).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompetencyError {
    /// Unknown code.
    #[error(
        "kode kompetensi '{0}' tidak dikenal (gunakan M.1-M.8, SK.1, atau T.<kode> untuk kompetensi teknis)"
    )]
    UnknownCode(String),
    /// Not a number or a half step.
    #[error(
        "level '{0}' tidak sah: gunakan 1 sampai 5 dengan langkah setengah (mis. 2, 2,5, 2+ atau 2-)"
    )]
    BadLevel(String),
    /// Outside 1-5.
    #[error("level {0} di luar rentang 1 sampai 5")]
    LevelOutOfRange(String),
}

impl CompetencyCode {
    /// Parses `M.1`..`M.8`, `SK.1` (also `M1`, `SK1`) and technical `T.<code>`.
    pub fn parse(s: &str) -> Result<CompetencyCode, CompetencyError> {
        let up = s.trim().to_uppercase();
        let compact: String = up.chars().filter(|c| *c != '.' && *c != ' ').collect();
        for c in CoreCompetency::ALL {
            if compact == c.code().replace('.', "") {
                return Ok(CompetencyCode::Core(c));
            }
        }
        let valid_tech = up.len() > 2
            && up.len() <= 32
            && up.starts_with("T.")
            && up[2..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
        if valid_tech {
            Ok(CompetencyCode::Technical(up))
        } else {
            Err(CompetencyError::UnknownCode(s.trim().to_string()))
        }
    }

    /// The code as written in files.
    pub fn code(&self) -> &str {
        match self {
            CompetencyCode::Core(c) => c.code(),
            CompetencyCode::Technical(t) => t,
        }
    }

    /// Whether this is a technical competency.
    pub fn is_technical(&self) -> bool {
        matches!(self, CompetencyCode::Technical(_))
    }
}

impl fmt::Display for CompetencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A competency level 1.0-5.0 in half steps, stored as integer tenths (2.5 -> 25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

impl Level {
    /// Lowest level.
    pub const MIN: Level = Level(10);
    /// Highest level.
    pub const MAX: Level = Level(50);

    /// From tenths; only multiples of 5 in 10..=50.
    pub fn from_tenths(tenths: u8) -> Option<Level> {
        ((10..=50).contains(&tenths) && tenths.is_multiple_of(5)).then_some(Level(tenths))
    }

    /// A whole level 1..=5.
    pub fn whole(n: u8) -> Option<Level> {
        n.checked_mul(10).and_then(Level::from_tenths)
    }

    /// The level in tenths.
    pub fn tenths(self) -> u8 {
        self.0
    }

    /// The level as a number.
    pub fn value(self) -> f64 {
        f64::from(self.0) / 10.0
    }

    /// Parses `2`, `2.5`, `2,5` (decimal comma), `2+` (2.5) and `2-` (1.5).
    pub fn parse(s: &str) -> Result<Level, CompetencyError> {
        let t = s.trim();
        let bad = || CompetencyError::BadLevel(t.to_string());
        let (base, adjust): (&str, i32) = if let Some(b) = t.strip_suffix('+') {
            (b.trim(), 5)
        } else if let Some(b) = t.strip_suffix('-') {
            (b.trim(), -5)
        } else {
            (t, 0)
        };
        let normal = base.replace(',', ".");
        let (int_part, frac_part) = match normal.split_once('.') {
            Some((i, f)) => (i, f.trim_end_matches('0')),
            None => (normal.as_str(), ""),
        };
        if int_part.is_empty()
            || int_part.len() > 2
            || !int_part.chars().all(|c| c.is_ascii_digit())
        {
            return Err(bad());
        }
        let whole: i32 = int_part.parse().map_err(|_| bad())?;
        let half = match frac_part {
            "" => 0,
            "5" => 5,
            _ => return Err(bad()),
        };
        if adjust != 0 && half != 0 {
            return Err(bad());
        }
        let tenths = whole * 10 + half + adjust;
        if !(10..=50).contains(&tenths) {
            return Err(CompetencyError::LevelOutOfRange(t.to_string()));
        }
        Ok(Level(tenths as u8))
    }
}

impl TryFrom<u8> for Level {
    type Error = CompetencyError;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        Level::from_tenths(v).ok_or_else(|| CompetencyError::BadLevel(v.to_string()))
    }
}

impl From<Level> for u8 {
    fn from(l: Level) -> u8 {
        l.0
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_multiple_of(10) {
            write!(f, "{}", self.0 / 10)
        } else {
            write!(f, "{}.{}", self.0 / 10, self.0 % 10)
        }
    }
}

/// A required or achieved level per competency.
pub type Profile = Vec<(CompetencyCode, Level)>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nine_competencies_have_their_official_codes() {
        let codes: Vec<_> = CoreCompetency::ALL.iter().map(|c| c.code()).collect();
        assert_eq!(
            codes,
            [
                "M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"
            ]
        );
        assert_eq!(CoreCompetency::Sk1.name(), "Perekat Bangsa");
        assert!(!CoreCompetency::Sk1.is_managerial());
    }

    #[test]
    fn codes_parse_and_unknown_codes_are_refused() {
        assert_eq!(
            CompetencyCode::parse("m.3"),
            Ok(CompetencyCode::Core(CoreCompetency::M3))
        );
        assert_eq!(
            CompetencyCode::parse("SK1"),
            Ok(CompetencyCode::Core(CoreCompetency::Sk1))
        );
        assert_eq!(
            CompetencyCode::parse("t.keu-01"),
            Ok(CompetencyCode::Technical("T.KEU-01".into()))
        );
        for bad in ["M.9", "SK.2", "X.1", "", "T.", "T.a b"] {
            assert!(CompetencyCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn levels_use_half_steps_written_in_several_ways() {
        let cases = [
            ("2", 20),
            ("2.5", 25),
            ("2,5", 25),
            ("2+", 25),
            ("2-", 15),
            ("5", 50),
            ("1", 10),
            ("3.0", 30),
            ("4,50", 45),
        ];
        for (text, tenths) in cases {
            assert_eq!(Level::parse(text).map(Level::tenths), Ok(tenths), "{text}");
        }
    }

    #[test]
    fn levels_outside_1_to_5_or_between_half_steps_are_refused() {
        for bad in ["2.3", "abc", "", "2.5+", ".5", "-1", "1e1"] {
            assert!(
                matches!(Level::parse(bad), Err(CompetencyError::BadLevel(_))),
                "{bad}"
            );
        }
        for out in ["0", "5.5", "5+", "1-", "0.5", "10"] {
            assert!(
                matches!(Level::parse(out), Err(CompetencyError::LevelOutOfRange(_))),
                "{out}"
            );
        }
        assert_eq!(Level::from_tenths(23), None);
        assert_eq!(Level::from_tenths(55), None);
    }

    #[test]
    fn a_level_prints_as_it_is_written() {
        assert_eq!(Level::parse("2+").unwrap().to_string(), "2.5");
        assert_eq!(Level::whole(3).unwrap().to_string(), "3");
    }
}
