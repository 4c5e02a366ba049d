//! Civil-service rank (golongan/ruang), ordered I/a < I/b < ... < IV/e (17 steps).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Golongan/ruang of a PNS. The discriminant order is the rank order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Golongan {
    IA,
    IB,
    IC,
    ID,
    IIA,
    IIB,
    IIC,
    IID,
    IIIA,
    IIIB,
    IIIC,
    IIID,
    IVA,
    IVB,
    IVC,
    IVD,
    IVE,
}

impl Golongan {
    /// All 17 ranks in order.
    pub const ALL: [Golongan; 17] = [
        Golongan::IA,
        Golongan::IB,
        Golongan::IC,
        Golongan::ID,
        Golongan::IIA,
        Golongan::IIB,
        Golongan::IIC,
        Golongan::IID,
        Golongan::IIIA,
        Golongan::IIIB,
        Golongan::IIIC,
        Golongan::IIID,
        Golongan::IVA,
        Golongan::IVB,
        Golongan::IVC,
        Golongan::IVD,
        Golongan::IVE,
    ];

    /// Position in the order, 0 for I/a.
    pub fn step(self) -> usize {
        self as usize
    }

    /// The rank `n` steps lower, if any.
    pub fn lower_by(self, n: usize) -> Option<Golongan> {
        self.step().checked_sub(n).map(|i| Golongan::ALL[i])
    }

    /// Canonical code, e.g. `III/a`.
    pub fn code(self) -> &'static str {
        const CODES: [&str; 17] = [
            "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c",
            "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
        ];
        CODES[self.step()]
    }

    /// The pangkat name, e.g. `Penata Muda` for III/a.
    pub fn pangkat(self) -> &'static str {
        const NAMES: [&str; 17] = [
            "Juru Muda",
            "Juru Muda Tingkat I",
            "Juru",
            "Juru Tingkat I",
            "Pengatur Muda",
            "Pengatur Muda Tingkat I",
            "Pengatur",
            "Pengatur Tingkat I",
            "Penata Muda",
            "Penata Muda Tingkat I",
            "Penata",
            "Penata Tingkat I",
            "Pembina",
            "Pembina Tingkat I",
            "Pembina Utama Muda",
            "Pembina Utama Madya",
            "Pembina Utama",
        ];
        NAMES[self.step()]
    }

    /// Parses `III/a`, `III.a`, `III-a`, `IIIa`, `3a`, `3/a` (case-insensitive, spaces ignored).
    pub fn parse(s: &str) -> Option<Golongan> {
        let cleaned: String = s
            .chars()
            .filter(|c| !matches!(c, ' ' | '/' | '.' | '-'))
            .collect::<String>()
            .to_lowercase();
        let split = cleaned.len().checked_sub(1)?;
        if !cleaned.is_char_boundary(split) {
            return None;
        }
        let (group, room) = cleaned.split_at(split);
        let g = match group {
            "i" | "1" => 0,
            "ii" | "2" => 1,
            "iii" | "3" => 2,
            "iv" | "4" => 3,
            _ => return None,
        };
        let r = match room {
            "a" => 0,
            "b" => 1,
            "c" => 2,
            "d" => 3,
            "e" if g == 3 => 4,
            _ => return None,
        };
        Some(Golongan::ALL[g * 4 + r])
    }
}

impl fmt::Display for Golongan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_are_ordered_from_i_a_to_iv_e_in_seventeen_steps() {
        assert_eq!(Golongan::ALL.len(), 17);
        assert!(Golongan::ALL.windows(2).all(|w| w[0] < w[1]));
        assert!(Golongan::IID < Golongan::IIIA);
        assert!(Golongan::IIID < Golongan::IVA);
        assert_eq!(Golongan::IVE.step(), 16);
    }

    #[test]
    fn written_forms_parse_to_the_same_rank() {
        for text in [
            "III/a",
            "iii/a",
            "III.a",
            "III-a",
            "IIIa",
            "3a",
            "3/a",
            " III / a ",
        ] {
            assert_eq!(Golongan::parse(text), Some(Golongan::IIIA), "{text}");
        }
        assert_eq!(Golongan::parse("IV/e"), Some(Golongan::IVE));
    }

    #[test]
    fn ranks_that_do_not_exist_are_refused() {
        for text in ["III/e", "V/a", "II/f", "", "IV", "a", "é", "IIIé"] {
            assert_eq!(Golongan::parse(text), None, "{text}");
        }
    }

    #[test]
    fn every_code_parses_back_to_its_rank() {
        for g in Golongan::ALL {
            assert_eq!(Golongan::parse(g.code()), Some(g));
        }
        assert_eq!(Golongan::IIIA.pangkat(), "Penata Muda");
        assert_eq!(Golongan::IVE.pangkat(), "Pembina Utama");
    }

    #[test]
    fn one_step_below_iii_d_is_iii_c() {
        assert_eq!(Golongan::IIID.lower_by(1), Some(Golongan::IIIC));
        assert_eq!(Golongan::IA.lower_by(1), None);
    }
}
