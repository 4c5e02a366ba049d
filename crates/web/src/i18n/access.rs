//! Why access use cases (accounts, sessions, API keys) refused, in words.

use talenta_app::access::Refusal as R;

use super::Lang;

/// The refusal in the page's language.
pub(super) fn say(r: &R, lang: Lang) -> String {
    match r {
        R::KeyNameMissing => lang
            .pick("nama kunci wajib diisi", "the key needs a name")
            .to_string(),
        R::KeyExpiresTooSoon { expires_on, today } => lang.pick(
            format!("kunci API harus berlaku sampai setelah hari ini ({today}); diminta sampai {expires_on}"),
            format!("an API key must be valid until after today ({today}); asked until {expires_on}"),
        ),
        R::KeyNameTaken { name } => lang.pick(
            format!("sudah ada kunci API aktif bernama '{name}' di instansi ini: cabut dulu atau pakai nama lain"),
            format!("an active API key named '{name}' already exists in this government: revoke it first or use another name"),
        ),
        R::UnknownKey { name } => lang.pick(
            format!("tidak ada kunci API bernama '{name}' di instansi ini"),
            format!("no API key named '{name}' in this government"),
        ),
        R::NoKeyToRevoke { name } => lang.pick(
            format!("tidak ada kunci API aktif bernama '{name}' di instansi ini: sudah dicabut"),
            format!("no active API key named '{name}' in this government: it is revoked already"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_that_would_expire_today_is_refused_in_both_languages() {
        let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap_or_default();
        let r = R::KeyExpiresTooSoon {
            expires_on: d("2026-11-27"),
            today: d("2026-11-27"),
        };
        assert_eq!(
            say(&r, Lang::Id),
            "kunci API harus berlaku sampai setelah hari ini (2026-11-27); diminta sampai 2026-11-27"
        );
        assert_eq!(
            say(&r, Lang::En),
            "an API key must be valid until after today (2026-11-27); asked until 2026-11-27"
        );
    }
}
