//! Why tenant use cases refused, in words.

use talenta_app::tenant::Refusal as R;

use super::Lang;

/// The refusal in the page's language.
pub(super) fn say(r: &R, lang: Lang) -> String {
    match r {
        R::BadCode { code } => lang.pick(
            format!(
                "kode instansi '{code}' tidak sah: gunakan huruf kecil, angka dan tanda hubung, mis. kota-mojokerto"
            ),
            format!(
                "government code '{code}' is not valid: use lowercase letters, digits and hyphens, e.g. kota-mojokerto"
            ),
        ),
        R::NameMissing => lang
            .pick("nama instansi wajib diisi", "the government's name is required")
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_code_and_a_missing_name_in_both_languages() {
        let r = R::BadCode {
            code: "Kota Bima!".into(),
        };
        assert_eq!(
            say(&r, Lang::Id),
            "kode instansi 'Kota Bima!' tidak sah: gunakan huruf kecil, angka dan tanda hubung, mis. kota-mojokerto"
        );
        assert_eq!(
            say(&r, Lang::En),
            "government code 'Kota Bima!' is not valid: use lowercase letters, digits and hyphens, e.g. kota-mojokerto"
        );
        assert_eq!(say(&R::NameMissing, Lang::Id), "nama instansi wajib diisi");
        assert_eq!(
            say(&R::NameMissing, Lang::En),
            "the government's name is required"
        );
    }
}
