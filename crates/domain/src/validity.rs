//! Validity of an assessment result (domain.md section 9): 3 years by default, the newest
//! valid result wins.

use chrono::{Months, NaiveDate};

/// First day on which a result assessed on `assessed_on` is no longer valid.
pub fn expires_on(assessed_on: NaiveDate, years: u8) -> NaiveDate {
    assessed_on
        .checked_add_months(Months::new(u32::from(years) * 12))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether a result is valid at `as_of` (assessed on or before it, not yet expired).
pub fn is_valid(assessed_on: NaiveDate, as_of: NaiveDate, years: u8) -> bool {
    assessed_on <= as_of && as_of < expires_on(assessed_on, years)
}

/// Index of the newest result valid at `as_of` among `dates`, if any.
pub fn newest_valid(dates: &[NaiveDate], as_of: NaiveDate, years: u8) -> Option<usize> {
    dates
        .iter()
        .enumerate()
        .filter(|(_, d)| is_valid(**d, as_of, years))
        .max_by_key(|(_, d)| **d)
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_result_is_valid_for_three_years() {
        // Mojokerto assessed its Pengawas on 9 June 2021.
        let on = d(2021, 6, 9);
        assert!(is_valid(on, d(2024, 6, 8), 3));
        assert!(!is_valid(on, d(2024, 6, 9), 3));
        assert!(
            !is_valid(on, d(2021, 6, 8), 3),
            "not valid before it was assessed"
        );
        assert!(
            !is_valid(on, d(2023, 6, 9), 2),
            "some governments use 2 years"
        );
    }

    #[test]
    fn a_leap_day_result_expires_on_the_28th() {
        assert_eq!(expires_on(d(2024, 2, 29), 3), d(2027, 2, 28));
    }

    #[test]
    fn the_newest_valid_result_wins() {
        let dates = [d(2019, 9, 1), d(2021, 9, 11), d(2023, 3, 1), d(2027, 1, 1)];
        assert_eq!(newest_valid(&dates, d(2024, 1, 1), 3), Some(2));
        assert_eq!(newest_valid(&dates, d(2026, 11, 27), 3), None);
        assert_eq!(newest_valid(&dates[..2], d(2022, 1, 1), 3), Some(1));
    }
}
