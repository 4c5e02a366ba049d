//! Why directory use cases refused, in words.

use talenta_app::directory::Refusal as R;

use super::Lang;

/// The refusal in the page's language.
pub(super) fn say(r: &R, lang: Lang) -> String {
    match r {
        R::NoSuchBox { number } => lang.pick(
            format!("kotak {number} tidak ada; pilih 1 sampai 9"),
            format!("there is no box {number}; choose 1 to 9"),
        ),
        R::YearOutOfRange { year, latest } => lang.pick(
            format!("tahun {year} tidak dapat dipetakan: pilih 2000 sampai {latest}"),
            format!("the year {year} cannot be mapped: choose 2000 to {latest}"),
        ),
        R::NoYearEnd { year } => lang.pick(
            format!("tahun {year} tidak sah"),
            format!("the year {year} is not valid"),
        ),
        R::EmptyStandard { .. } => lang
            .pick(
                "standar kompetensi tidak boleh kosong",
                "the competency standard may not be empty",
            )
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_and_a_year_out_of_range_in_both_languages() {
        let r = R::NoSuchBox { number: 12 };
        assert_eq!(say(&r, Lang::Id), "kotak 12 tidak ada; pilih 1 sampai 9");
        assert_eq!(say(&r, Lang::En), "there is no box 12; choose 1 to 9");
        let r = R::YearOutOfRange {
            year: 1990,
            latest: 2026,
        };
        assert_eq!(
            say(&r, Lang::Id),
            "tahun 1990 tidak dapat dipetakan: pilih 2000 sampai 2026"
        );
        assert_eq!(
            say(&r, Lang::En),
            "the year 1990 cannot be mapped: choose 2000 to 2026"
        );
    }
}
