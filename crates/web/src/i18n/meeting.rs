//! Why meeting use cases refused, in words.

use talenta_app::meeting::Refusal as R;

use super::Lang;

/// The refusal in the page's language.
pub(super) fn say(r: &R, lang: Lang) -> String {
    match r {
        R::Integration { error } => super::results::integration(error, lang),
    }
}

#[cfg(test)]
mod tests {
    use talenta_app::meeting::Refusal as R;
    use talenta_domain::CompetencyCode;
    use talenta_domain::integration::IntegrationError;

    use super::{Lang, say};

    #[test]
    fn a_consensus_without_reason_in_both_languages() {
        let r = R::Integration {
            error: IntegrationError::ConsensusWithoutReason(CompetencyCode::parse("M.4").unwrap()),
        };
        assert_eq!(
            say(&r, Lang::Id),
            "konsensus kompetensi M.4 membutuhkan alasan yang dicatat"
        );
        assert_eq!(
            say(&r, Lang::En),
            "the consensus on competency M.4 needs a recorded reason"
        );
    }
}
