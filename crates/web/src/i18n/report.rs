//! Why report use cases refused, in words.

use talenta_app::report::Refusal as R;

use super::Lang;

/// The refusal in the page's language.
pub(super) fn say(r: &R, lang: Lang) -> String {
    match r {
        R::NothingToRecap => lang
            .pick(
                "belum ada hasil yang final untuk direkap",
                "no result is final yet to recap",
            )
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use talenta_app::report::Refusal as R;

    use super::{Lang, say};

    #[test]
    fn nothing_to_recap_in_both_languages() {
        assert_eq!(
            say(&R::NothingToRecap, Lang::Id),
            "belum ada hasil yang final untuk direkap"
        );
        assert_eq!(
            say(&R::NothingToRecap, Lang::En),
            "no result is final yet to recap"
        );
    }
}
