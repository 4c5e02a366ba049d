//! Why succession use cases refused, in words.

use talenta_app::succession::Refusal as R;

use super::Lang;

/// The refusal in the page's language.
pub(super) fn say(r: &R, lang: Lang) -> String {
    match r {
        R::NoRungBelow { name, .. } => lang.pick(
            format!("{name} tidak memiliki jenjang di bawahnya untuk suksesi"),
            format!("{name} has no rung below it to draw successors from"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_rung_below_in_both_languages() {
        let r = R::NoRungBelow {
            code: "P1".into(),
            name: "Pengadministrasi Umum".into(),
        };
        assert_eq!(
            say(&r, Lang::Id),
            "Pengadministrasi Umum tidak memiliki jenjang di bawahnya untuk suksesi"
        );
        assert_eq!(
            say(&r, Lang::En),
            "Pengadministrasi Umum has no rung below it to draw successors from"
        );
    }
}
