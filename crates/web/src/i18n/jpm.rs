//! Why jpm use cases refused, in words.

use talenta_app::jpm::Refusal as R;

use super::Lang;

/// The refusal in the page's language.
pub(super) fn say(r: &R, lang: Lang) -> String {
    match r {
        R::NothingAssessed { assessed_on } => lang.pick(
            format!("hasil asesmen {assessed_on} tidak menilai satu pun kompetensi jabatan ini"),
            format!(
                "the assessment result of {assessed_on} assesses none of this post's competencies"
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_assessed_in_both_languages() {
        let r = R::NothingAssessed {
            assessed_on: chrono::NaiveDate::from_ymd_opt(2024, 3, 5).unwrap(),
        };
        assert_eq!(
            say(&r, Lang::Id),
            "hasil asesmen 2024-03-05 tidak menilai satu pun kompetensi jabatan ini"
        );
        assert_eq!(
            say(&r, Lang::En),
            "the assessment result of 2024-03-05 assesses none of this post's competencies"
        );
    }
}
