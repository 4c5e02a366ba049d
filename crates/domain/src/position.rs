//! Position classes and legacy eselon (UU 5/2014 art. 131, domain.md section 3).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Grade of a functional position (jabatan fungsional).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Jenjang {
    AhliUtama,
    AhliMadya,
    AhliMuda,
    AhliPertama,
    Penyelia,
    Mahir,
    Terampil,
    Pemula,
}

/// Class of a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum PositionClass {
    JptUtama,
    JptMadya,
    JptPratama,
    Administrator,
    Pengawas,
    Pelaksana,
    Fungsional(Jenjang),
}

/// A rung of the career ladder, used for "one level down" and for equivalence of functional
/// grades with structural classes (PP 11/2017 as amended by PP 17/2020).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Rung {
    Pelaksana = 1,
    Pengawas = 2,
    Administrator = 3,
    JptPratama = 4,
    JptMadya = 5,
    JptUtama = 6,
}

impl Rung {
    /// Name in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Rung::Pelaksana => "Pelaksana",
            Rung::Pengawas => "Pengawas",
            Rung::Administrator => "Administrator",
            Rung::JptPratama => "JPT Pratama",
            Rung::JptMadya => "JPT Madya",
            Rung::JptUtama => "JPT Utama",
        }
    }

    /// The rung below, if any.
    pub fn below(self) -> Option<Rung> {
        match self {
            Rung::Pelaksana => None,
            Rung::Pengawas => Some(Rung::Pelaksana),
            Rung::Administrator => Some(Rung::Pengawas),
            Rung::JptPratama => Some(Rung::Administrator),
            Rung::JptMadya => Some(Rung::JptPratama),
            Rung::JptUtama => Some(Rung::JptMadya),
        }
    }
}

impl PositionClass {
    /// Every class, structural first.
    pub const ALL: [PositionClass; 14] = [
        PositionClass::JptUtama,
        PositionClass::JptMadya,
        PositionClass::JptPratama,
        PositionClass::Administrator,
        PositionClass::Pengawas,
        PositionClass::Pelaksana,
        PositionClass::Fungsional(Jenjang::AhliUtama),
        PositionClass::Fungsional(Jenjang::AhliMadya),
        PositionClass::Fungsional(Jenjang::AhliMuda),
        PositionClass::Fungsional(Jenjang::AhliPertama),
        PositionClass::Fungsional(Jenjang::Penyelia),
        PositionClass::Fungsional(Jenjang::Mahir),
        PositionClass::Fungsional(Jenjang::Terampil),
        PositionClass::Fungsional(Jenjang::Pemula),
    ];

    /// Stable code for storage and files, e.g. `pengawas`, `fungsional_ahli_muda`.
    pub fn code(self) -> &'static str {
        match self {
            PositionClass::JptUtama => "jpt_utama",
            PositionClass::JptMadya => "jpt_madya",
            PositionClass::JptPratama => "jpt_pratama",
            PositionClass::Administrator => "administrator",
            PositionClass::Pengawas => "pengawas",
            PositionClass::Pelaksana => "pelaksana",
            PositionClass::Fungsional(j) => match j {
                Jenjang::AhliUtama => "fungsional_ahli_utama",
                Jenjang::AhliMadya => "fungsional_ahli_madya",
                Jenjang::AhliMuda => "fungsional_ahli_muda",
                Jenjang::AhliPertama => "fungsional_ahli_pertama",
                Jenjang::Penyelia => "fungsional_penyelia",
                Jenjang::Mahir => "fungsional_mahir",
                Jenjang::Terampil => "fungsional_terampil",
                Jenjang::Pemula => "fungsional_pemula",
            },
        }
    }

    /// Name in Bahasa Indonesia, e.g. `JPT Pratama`, `Fungsional Ahli Muda`.
    pub fn label(self) -> &'static str {
        match self {
            PositionClass::JptUtama => "JPT Utama",
            PositionClass::JptMadya => "JPT Madya",
            PositionClass::JptPratama => "JPT Pratama",
            PositionClass::Administrator => "Administrator",
            PositionClass::Pengawas => "Pengawas",
            PositionClass::Pelaksana => "Pelaksana",
            PositionClass::Fungsional(j) => match j {
                Jenjang::AhliUtama => "Fungsional Ahli Utama",
                Jenjang::AhliMadya => "Fungsional Ahli Madya",
                Jenjang::AhliMuda => "Fungsional Ahli Muda",
                Jenjang::AhliPertama => "Fungsional Ahli Pertama",
                Jenjang::Penyelia => "Fungsional Penyelia",
                Jenjang::Mahir => "Fungsional Mahir",
                Jenjang::Terampil => "Fungsional Terampil",
                Jenjang::Pemula => "Fungsional Pemula",
            },
        }
    }

    /// Parses a code or a label (case-insensitive; `_`, `-` and spaces are equivalent;
    /// the word "fungsional" may be left out before a grade).
    pub fn parse(s: &str) -> Option<PositionClass> {
        let norm: String = s
            .trim()
            .to_lowercase()
            .split(|c: char| c == '_' || c == '-' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let norm = norm.strip_prefix("jabatan ").unwrap_or(&norm).to_string();
        let bare = norm.strip_prefix("fungsional ").unwrap_or(&norm);
        let jf = |j| Some(PositionClass::Fungsional(j));
        match bare {
            "jpt utama" => Some(PositionClass::JptUtama),
            "jpt madya" => Some(PositionClass::JptMadya),
            "jpt pratama" => Some(PositionClass::JptPratama),
            "administrator" => Some(PositionClass::Administrator),
            "pengawas" => Some(PositionClass::Pengawas),
            "pelaksana" => Some(PositionClass::Pelaksana),
            "ahli utama" => jf(Jenjang::AhliUtama),
            "ahli madya" => jf(Jenjang::AhliMadya),
            "ahli muda" => jf(Jenjang::AhliMuda),
            "ahli pertama" => jf(Jenjang::AhliPertama),
            "penyelia" => jf(Jenjang::Penyelia),
            "mahir" => jf(Jenjang::Mahir),
            "terampil" => jf(Jenjang::Terampil),
            "pemula" => jf(Jenjang::Pemula),
            _ => None,
        }
    }

    /// The rung of the ladder this class stands on (functional grades by equivalence).
    pub fn rung(self) -> Rung {
        match self {
            PositionClass::JptUtama => Rung::JptUtama,
            PositionClass::JptMadya | PositionClass::Fungsional(Jenjang::AhliUtama) => {
                Rung::JptMadya
            }
            PositionClass::JptPratama => Rung::JptPratama,
            PositionClass::Administrator | PositionClass::Fungsional(Jenjang::AhliMadya) => {
                Rung::Administrator
            }
            PositionClass::Pengawas
            | PositionClass::Fungsional(Jenjang::AhliMuda)
            | PositionClass::Fungsional(Jenjang::Penyelia) => Rung::Pengawas,
            PositionClass::Pelaksana
            | PositionClass::Fungsional(
                Jenjang::AhliPertama | Jenjang::Mahir | Jenjang::Terampil | Jenjang::Pemula,
            ) => Rung::Pelaksana,
        }
    }

    /// Whether the class is a structural (managerial) post that carries an eselon.
    pub fn is_structural(self) -> bool {
        matches!(
            self,
            PositionClass::JptUtama
                | PositionClass::JptMadya
                | PositionClass::JptPratama
                | PositionClass::Administrator
                | PositionClass::Pengawas
        )
    }

    /// Whether a post of this class may carry the given legacy eselon.
    pub fn allows_eselon(self, e: Eselon) -> bool {
        e.classes().contains(&self)
    }
}

impl fmt::Display for PositionClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Legacy eselon of a structural post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Eselon {
    IA,
    IB,
    IIA,
    IIB,
    IIIA,
    IIIB,
    IVA,
    IVB,
    V,
}

impl Eselon {
    /// All eselon, highest first.
    pub const ALL: [Eselon; 9] = [
        Eselon::IA,
        Eselon::IB,
        Eselon::IIA,
        Eselon::IIB,
        Eselon::IIIA,
        Eselon::IIIB,
        Eselon::IVA,
        Eselon::IVB,
        Eselon::V,
    ];

    /// Canonical code, e.g. `II.a`.
    pub fn code(self) -> &'static str {
        match self {
            Eselon::IA => "I.a",
            Eselon::IB => "I.b",
            Eselon::IIA => "II.a",
            Eselon::IIB => "II.b",
            Eselon::IIIA => "III.a",
            Eselon::IIIB => "III.b",
            Eselon::IVA => "IV.a",
            Eselon::IVB => "IV.b",
            Eselon::V => "V",
        }
    }

    /// Parses `II.a`, `IIa`, `II/a`, `2a`, `V` (case-insensitive).
    pub fn parse(s: &str) -> Option<Eselon> {
        let c: String = s
            .chars()
            .filter(|c| !matches!(c, ' ' | '/' | '.' | '-'))
            .collect::<String>()
            .to_lowercase();
        match c.as_str() {
            "ia" | "1a" => Some(Eselon::IA),
            "ib" | "1b" => Some(Eselon::IB),
            "iia" | "2a" => Some(Eselon::IIA),
            "iib" | "2b" => Some(Eselon::IIB),
            "iiia" | "3a" => Some(Eselon::IIIA),
            "iiib" | "3b" => Some(Eselon::IIIB),
            "iva" | "4a" => Some(Eselon::IVA),
            "ivb" | "4b" => Some(Eselon::IVB),
            "v" | "5" | "va" | "5a" => Some(Eselon::V),
            _ => None,
        }
    }

    /// The classes that carry this eselon (UU 5/2014 art. 131).
    pub fn classes(self) -> &'static [PositionClass] {
        match self {
            Eselon::IA => &[PositionClass::JptUtama, PositionClass::JptMadya],
            Eselon::IB => &[PositionClass::JptMadya],
            Eselon::IIA | Eselon::IIB => &[PositionClass::JptPratama],
            Eselon::IIIA | Eselon::IIIB => &[PositionClass::Administrator],
            Eselon::IVA | Eselon::IVB => &[PositionClass::Pengawas],
            Eselon::V => &[PositionClass::Pelaksana],
        }
    }
}

impl fmt::Display for Eselon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_parses_from_its_code_and_its_label() {
        for c in PositionClass::ALL {
            assert_eq!(PositionClass::parse(c.code()), Some(c));
            assert_eq!(PositionClass::parse(c.label()), Some(c));
        }
        assert_eq!(
            PositionClass::parse("Ahli Muda"),
            Some(PositionClass::Fungsional(Jenjang::AhliMuda))
        );
        assert_eq!(PositionClass::parse("Staf"), None);
    }

    #[test]
    fn eselon_follows_the_class_table_of_uu_5_2014() {
        let table = [
            ("I.a", PositionClass::JptUtama, true),
            ("I.a", PositionClass::JptMadya, true),
            ("I.b", PositionClass::JptMadya, true),
            ("II.a", PositionClass::JptPratama, true),
            ("II.b", PositionClass::JptPratama, true),
            ("III.a", PositionClass::Administrator, true),
            ("III.b", PositionClass::Administrator, true),
            ("IV.a", PositionClass::Pengawas, true),
            ("IV.b", PositionClass::Pengawas, true),
            ("IV.a", PositionClass::Administrator, false),
            ("II.a", PositionClass::Pengawas, false),
        ];
        for (code, class, allowed) in table {
            let e = Eselon::parse(code).unwrap();
            assert_eq!(e.code(), code);
            assert_eq!(class.allows_eselon(e), allowed, "{code} {class}");
        }
        assert_eq!(Eselon::parse("IIIa"), Some(Eselon::IIIA));
        assert_eq!(Eselon::parse("4b"), Some(Eselon::IVB));
        assert_eq!(Eselon::parse("VI"), None);
    }

    #[test]
    fn functional_grades_stand_on_the_rung_of_their_structural_equivalent() {
        use Jenjang::*;
        assert_eq!(
            PositionClass::Fungsional(AhliMadya).rung(),
            Rung::Administrator
        );
        assert_eq!(PositionClass::Fungsional(AhliMuda).rung(), Rung::Pengawas);
        assert_eq!(
            PositionClass::Fungsional(AhliPertama).rung(),
            Rung::Pelaksana
        );
        assert_eq!(Rung::Administrator.below(), Some(Rung::Pengawas));
        assert!(Rung::Pengawas < Rung::Administrator);
    }
}
