//! NIP, the 18-digit civil-servant number (domain.md section 4).
//!
//! Shape `YYYYMMDD YYYYMM G NNN`: birth date, year and month of first appointment (TMT CPNS),
//! sex digit (1 male, 2 female) and a serial 001-999. PPPK numbers carry `21` where the month
//! stands. The NIK rule of adding 40 to a woman's birth day does not apply here.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Sex as encoded in the NIP (digit 15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    /// Digit 1, "L" (laki-laki).
    Male,
    /// Digit 2, "P" (perempuan).
    Female,
}

impl Sex {
    /// The letter used on Indonesian forms: L or P.
    pub fn letter(self) -> &'static str {
        match self {
            Sex::Male => "L",
            Sex::Female => "P",
        }
    }

    /// Parses L/P, laki-laki/perempuan, 1/2 (case-insensitive).
    pub fn parse(s: &str) -> Option<Sex> {
        match s.trim().to_lowercase().as_str() {
            "l" | "lk" | "laki-laki" | "laki laki" | "pria" | "1" => Some(Sex::Male),
            "p" | "pr" | "perempuan" | "wanita" | "2" => Some(Sex::Female),
            _ => None,
        }
    }
}

/// Employment type of an ASN: permanent (PNS) or contract (PPPK).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EmploymentType {
    /// Pegawai Negeri Sipil.
    Pns,
    /// Pegawai Pemerintah dengan Perjanjian Kerja.
    Pppk,
}

impl EmploymentType {
    /// Stable code used in storage and files.
    pub fn code(self) -> &'static str {
        match self {
            EmploymentType::Pns => "PNS",
            EmploymentType::Pppk => "PPPK",
        }
    }

    /// Parses "PNS" or "PPPK" (case-insensitive).
    pub fn parse(s: &str) -> Option<EmploymentType> {
        match s.trim().to_uppercase().as_str() {
            "PNS" => Some(EmploymentType::Pns),
            "PPPK" | "P3K" => Some(EmploymentType::Pppk),
            _ => None,
        }
    }
}

/// Why a text is not a NIP. `Display` gives the reason in Bahasa Indonesia.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NipError {
    /// Nothing was given.
    #[error("NIP kosong")]
    Empty,
    /// Not 18 digits.
    #[error("NIP harus 18 digit, ditemukan {found} digit")]
    WrongLength {
        /// Number of characters found (spaces removed).
        found: usize,
    },
    /// A character that is not a digit.
    #[error("NIP hanya boleh berisi angka; karakter ke-{position} adalah '{found}'")]
    NotDigit {
        /// 1-based position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// Digits 1-8 are not a real calendar date.
    #[error("tanggal lahir dalam NIP ({value}) bukan tanggal yang sah")]
    BirthDate {
        /// The eight digits.
        value: String,
    },
    /// Digits 13-14 are neither a month 01-12 nor the PPPK marker 21.
    #[error("bulan TMT dalam NIP ({value}) harus 01-12 (PNS) atau 21 (PPPK)")]
    AppointmentMonth {
        /// The two digits.
        value: String,
    },
    /// The appointment precedes the birth.
    #[error("TMT pengangkatan dalam NIP ({appointed}) mendahului tanggal lahir")]
    AppointmentBeforeBirth {
        /// `YYYYMM` or `YYYY` as written.
        appointed: String,
    },
    /// Digit 15 is not 1 or 2.
    #[error("digit jenis kelamin dalam NIP harus 1 atau 2, ditemukan '{found}'")]
    SexDigit {
        /// The digit found.
        found: char,
    },
    /// Serial 000.
    #[error("nomor urut dalam NIP tidak boleh 000")]
    SerialZero,
}

impl NipError {
    /// Stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            NipError::Empty => "nip.empty",
            NipError::WrongLength { .. } => "nip.length",
            NipError::NotDigit { .. } => "nip.not_digit",
            NipError::BirthDate { .. } => "nip.birth_date",
            NipError::AppointmentMonth { .. } => "nip.appointment_month",
            NipError::AppointmentBeforeBirth { .. } => "nip.appointment_before_birth",
            NipError::SexDigit { .. } => "nip.sex_digit",
            NipError::SerialZero => "nip.serial_zero",
        }
    }
}

/// Something odd about a valid NIP: shown to the operator, never a reason to refuse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NipWarning {
    /// Appointed before the usual minimum age.
    AppointedYoung {
        /// Age in whole years at appointment.
        age: i32,
        /// The limit it fell below.
        min: i32,
    },
    /// Appointed after the usual maximum age.
    AppointedOld {
        /// Age in whole years at appointment.
        age: i32,
        /// The limit it exceeded.
        max: i32,
    },
    /// Born after the reference date, or older than any serving ASN can be.
    ImplausibleAge {
        /// Age in whole years at the reference date.
        age: i32,
    },
}

impl fmt::Display for NipWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NipWarning::AppointedYoung { age, min } => {
                write!(f, "usia saat TMT menurut NIP {age} tahun (di bawah {min})")
            }
            NipWarning::AppointedOld { age, max } => {
                write!(f, "usia saat TMT menurut NIP {age} tahun (di atas {max})")
            }
            NipWarning::ImplausibleAge { age } => {
                write!(
                    f,
                    "usia menurut NIP {age} tahun, tidak wajar untuk ASN aktif"
                )
            }
        }
    }
}

/// A validated NIP. Construct with [`Nip::parse`] or `str::parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Nip(u64);

/// Ages outside which a NIP draws a warning (never a refusal). Part of the rule set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeWarnings {
    /// Youngest plausible age at appointment (18).
    pub min_appointment_age: i32,
    /// Oldest plausible age at appointment (58).
    pub max_appointment_age: i32,
    /// Oldest plausible age of a serving ASN (70; the highest BUP is 65).
    pub max_active_age: i32,
}

impl Default for AgeWarnings {
    fn default() -> Self {
        AgeWarnings {
            min_appointment_age: 18,
            max_appointment_age: 58,
            max_active_age: 70,
        }
    }
}

impl Nip {
    /// Parses 18 digits; ASCII spaces (the display form) are ignored.
    pub fn parse(input: &str) -> Result<Nip, NipError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(NipError::Empty);
        }
        let mut digits = [0u8; 18];
        let mut n = 0usize;
        let mut position = 0usize;
        for ch in trimmed.chars() {
            if ch == ' ' {
                continue;
            }
            position += 1;
            if !ch.is_ascii_digit() {
                return Err(NipError::NotDigit {
                    position,
                    found: ch,
                });
            }
            if n < 18 {
                digits[n] = ch as u8 - b'0';
            }
            n += 1;
        }
        if n != 18 {
            return Err(NipError::WrongLength { found: n });
        }
        let num = |from: usize, to: usize| -> u32 {
            digits[from..to]
                .iter()
                .fold(0u32, |acc, d| acc * 10 + u32::from(*d))
        };
        let text = |from: usize, to: usize| -> String {
            digits[from..to]
                .iter()
                .map(|d| char::from(b'0' + d))
                .collect()
        };
        let birth = NaiveDate::from_ymd_opt(num(0, 4) as i32, num(4, 6), num(6, 8))
            .ok_or_else(|| NipError::BirthDate { value: text(0, 8) })?;
        let year = num(8, 12) as i32;
        let month = num(12, 14);
        let pppk = month == 21;
        if !pppk && !(1..=12).contains(&month) {
            return Err(NipError::AppointmentMonth {
                value: text(12, 14),
            });
        }
        let before_birth = if pppk {
            year < birth.year()
        } else {
            (year, month) < (birth.year(), birth.month())
        };
        if before_birth {
            return Err(NipError::AppointmentBeforeBirth {
                appointed: if pppk { text(8, 12) } else { text(8, 14) },
            });
        }
        if digits[14] != 1 && digits[14] != 2 {
            return Err(NipError::SexDigit {
                found: char::from(b'0' + digits[14]),
            });
        }
        if num(15, 18) == 0 {
            return Err(NipError::SerialZero);
        }
        Ok(Nip(digits
            .iter()
            .fold(0u64, |acc, d| acc * 10 + u64::from(*d))))
    }

    /// The 18 digits as one number (fits in 64 bits; handy as a compact key).
    pub fn as_u64(self) -> u64 {
        self.0
    }

    /// The 18 digits without spaces, as stored.
    pub fn digits(self) -> String {
        format!("{:018}", self.0)
    }

    fn part(self, from: u32, len: u32) -> u32 {
        ((self.0 / 10u64.pow(18 - from - len)) % 10u64.pow(len)) as u32
    }

    /// Birth date (digits 1-8).
    pub fn birth_date(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.part(0, 4) as i32, self.part(4, 2), self.part(6, 2))
            .unwrap_or(NaiveDate::MIN) // proven valid by `parse`
    }

    /// Year of first appointment (digits 9-12).
    pub fn appointed_year(self) -> i32 {
        self.part(8, 4) as i32
    }

    /// Month of first appointment; `None` for PPPK, whose number carries 21 there.
    pub fn appointed_month(self) -> Option<u32> {
        let m = self.part(12, 2);
        (m != 21).then_some(m)
    }

    /// PNS or PPPK, from digits 13-14.
    pub fn employment_type(self) -> EmploymentType {
        if self.appointed_month().is_some() {
            EmploymentType::Pns
        } else {
            EmploymentType::Pppk
        }
    }

    /// Sex from digit 15.
    pub fn sex(self) -> Sex {
        if self.part(14, 1) == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// Serial 1-999 (digits 16-18).
    pub fn serial(self) -> u32 {
        self.part(15, 3)
    }

    /// First day of the appointment month (January for PPPK, whose month is not encoded).
    pub fn appointed_on(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(
            self.appointed_year(),
            self.appointed_month().unwrap_or(1),
            1,
        )
        .unwrap_or(NaiveDate::MIN) // proven valid by `parse`
    }

    /// Implausible ages at appointment and at `as_of`.
    pub fn warnings(self, as_of: NaiveDate, limits: &AgeWarnings) -> Vec<NipWarning> {
        let mut out = Vec::new();
        let birth = self.birth_date();
        let at_appointment = full_years(birth, self.appointed_on());
        if at_appointment < limits.min_appointment_age {
            out.push(NipWarning::AppointedYoung {
                age: at_appointment,
                min: limits.min_appointment_age,
            });
        } else if at_appointment > limits.max_appointment_age {
            out.push(NipWarning::AppointedOld {
                age: at_appointment,
                max: limits.max_appointment_age,
            });
        }
        let now = full_years(birth, as_of);
        if !(0..=limits.max_active_age).contains(&now) {
            out.push(NipWarning::ImplausibleAge { age: now });
        }
        out
    }
}

/// Whole years from `from` to `to` (negative when `to` is earlier), as ages are counted.
pub fn full_years(from: NaiveDate, to: NaiveDate) -> i32 {
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years
}

impl fmt::Display for Nip {
    /// The display form with spaces: `19660801 198803 1 001`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.digits();
        write!(
            f,
            "{} {} {} {}",
            &d[0..8],
            &d[8..14],
            &d[14..15],
            &d[15..18]
        )
    }
}

impl FromStr for Nip {
    type Err = NipError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Nip::parse(s)
    }
}

impl Serialize for Nip {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.digits())
    }
}

impl<'de> Deserialize<'de> for Nip {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Nip::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_example_from_the_rule_book_parses_into_its_parts() {
        let nip = Nip::parse("196608011988031001").unwrap();
        assert_eq!(nip.birth_date(), date(1966, 8, 1));
        assert_eq!(nip.appointed_year(), 1988);
        assert_eq!(nip.appointed_month(), Some(3));
        assert_eq!(nip.sex(), Sex::Male);
        assert_eq!(nip.serial(), 1);
        assert_eq!(nip.employment_type(), EmploymentType::Pns);
        assert_eq!(nip.to_string(), "19660801 198803 1 001");
        assert_eq!(nip.digits(), "196608011988031001");
    }

    #[test]
    fn a_pppk_number_carries_21_where_the_month_stands() {
        let nip = Nip::parse("198312112021212003").unwrap();
        assert_eq!(nip.employment_type(), EmploymentType::Pppk);
        assert_eq!(nip.appointed_month(), None);
        assert_eq!(nip.appointed_year(), 2021);
        assert_eq!(nip.sex(), Sex::Female);
        assert_eq!(nip.serial(), 3);
        assert_eq!(nip.birth_date(), date(1983, 12, 11));
    }

    #[test]
    fn the_display_form_with_spaces_is_accepted() {
        assert_eq!(
            Nip::parse("19660801 198803 1 001").unwrap(),
            Nip::parse("196608011988031001").unwrap()
        );
    }

    #[test]
    fn invalid_numbers_are_rejected_with_a_precise_reason() {
        let cases: &[(&str, NipError)] = &[
            ("", NipError::Empty),
            ("   ", NipError::Empty),
            ("19660801198803100", NipError::WrongLength { found: 17 }),
            ("1966080119880310011", NipError::WrongLength { found: 19 }),
            (
                "19660801198803100A",
                NipError::NotDigit {
                    position: 18,
                    found: 'A',
                },
            ),
            (
                "1966-08011988031001",
                NipError::NotDigit {
                    position: 5,
                    found: '-',
                },
            ),
            (
                "196602301988031001",
                NipError::BirthDate {
                    value: "19660230".into(),
                },
            ),
            (
                "196613011988031001",
                NipError::BirthDate {
                    value: "19661301".into(),
                },
            ),
            (
                "196608001988031001",
                NipError::BirthDate {
                    value: "19660800".into(),
                },
            ),
            (
                "196702291988031001",
                NipError::BirthDate {
                    value: "19670229".into(),
                },
            ),
            (
                "196608011988131001",
                NipError::AppointmentMonth { value: "13".into() },
            ),
            (
                "196608011988001001",
                NipError::AppointmentMonth { value: "00".into() },
            ),
            (
                "196608011988221001",
                NipError::AppointmentMonth { value: "22".into() },
            ),
            (
                "196608011960031001",
                NipError::AppointmentBeforeBirth {
                    appointed: "196003".into(),
                },
            ),
            ("196608011988033001", NipError::SexDigit { found: '3' }),
            ("196608011988030001", NipError::SexDigit { found: '0' }),
            ("196608011988031000", NipError::SerialZero),
        ];
        for (input, expected) in cases {
            assert_eq!(Nip::parse(input).as_ref(), Err(expected), "input {input:?}");
        }
    }

    #[test]
    fn a_leap_day_birth_is_a_real_date() {
        assert!(Nip::parse("196802291990031002").is_ok());
    }

    #[test]
    fn the_nik_rule_of_adding_40_to_a_womans_birth_day_is_not_applied() {
        // Day 41 would be 1 August in a NIK; in a NIP it is no date at all.
        assert_eq!(
            Nip::parse("196608411988032001"),
            Err(NipError::BirthDate {
                value: "19660841".into()
            })
        );
    }

    #[test]
    fn implausible_ages_are_warned_not_rejected() {
        let young = Nip::parse("200001012010031001").unwrap();
        assert_eq!(
            young.warnings(date(2026, 1, 1), &AgeWarnings::default()),
            vec![NipWarning::AppointedYoung { age: 10, min: 18 }]
        );
        let old = Nip::parse("195001012015031001").unwrap();
        assert_eq!(
            old.warnings(date(2016, 1, 1), &AgeWarnings::default()),
            vec![NipWarning::AppointedOld { age: 65, max: 58 }]
        );
        let retired = Nip::parse("194001011965031001").unwrap();
        assert_eq!(
            retired.warnings(date(2026, 1, 1), &AgeWarnings::default()),
            vec![NipWarning::ImplausibleAge { age: 86 }]
        );
        let normal = Nip::parse("196608011988031001").unwrap();
        assert!(
            normal
                .warnings(date(2021, 6, 9), &AgeWarnings::default())
                .is_empty()
        );
    }

    #[test]
    fn full_years_counts_birthdays() {
        assert_eq!(full_years(date(1966, 8, 1), date(2022, 7, 31)), 55);
        assert_eq!(full_years(date(1966, 8, 1), date(2022, 8, 1)), 56);
    }

    fn valid_nip() -> impl Strategy<Value = String> {
        (
            1940i32..2005,
            1u32..=12,
            1u32..=28,
            0i32..30,
            prop_oneof![(1u32..=12).prop_map(Some), Just(None)],
            1u32..=2,
            1u32..=999,
        )
            .prop_map(|(y, m, d, after, month, sex, serial)| {
                let appointed = y + 18 + after;
                let mm = month.unwrap_or(21);
                format!("{y:04}{m:02}{d:02}{appointed:04}{mm:02}{sex}{serial:03}")
            })
    }

    proptest! {
        #[test]
        fn a_nip_formatted_and_parsed_again_is_the_same_nip(s in valid_nip()) {
            let nip = Nip::parse(&s).unwrap();
            prop_assert_eq!(Nip::parse(&nip.to_string()).unwrap(), nip);
            prop_assert_eq!(nip.digits(), s);
        }

        #[test]
        fn parsing_never_panics_on_any_text(s in ".{0,30}") {
            let _ = Nip::parse(&s);
        }
    }
}
