//! The API keys page (`/kunci-api`, the tenant administrator's): the tenant's keys with their
//! status, a form to make one (its secret shown once, on the answer to the form), and a revoke
//! button per key. A refusal is shown on the page in its language, with what was typed kept.

use askama::Template;
use axum::response::Response;
use chrono::NaiveDate;
use talenta_app::AppError;
use talenta_app::access::{self, KeyStatus, Role};

use crate::WebError;
use crate::event_pages::{FormPairs, PageOutcome, shown_outcome};
use crate::i18n::{Lang, Msgs, app_error};
use crate::pages::{Layout, Viewer, csrf_of, respond};

/// The role of a new key from its code (the codes of [`Role::code`]).
pub(crate) fn key_role(code: &str, lang: Lang) -> Result<Role, String> {
    let code = code.trim();
    Role::parse(code).ok_or_else(|| {
        let all: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
        lang.pick(
            format!("peran '{code}' tidak dikenal; pilih: {}", all.join(", ")),
            format!("unknown role '{code}'; choose one of: {}", all.join(", ")),
        )
    })
}

/// The last valid day of a new key as typed (`YYYY-MM-DD`); a year from `today` when nothing
/// is typed. Whether it is late enough is the use case's rule.
pub(crate) fn key_expiry(
    typed: Option<&str>,
    today: NaiveDate,
    lang: Lang,
) -> Result<NaiveDate, String> {
    match typed.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(access::default_key_expiry(today)),
        Some(t) => NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| {
            lang.pick(
                format!(
                    "tanggal berlaku '{t}' tidak sah: tulis TTTT-BB-HH, mis. {}",
                    access::default_key_expiry(today)
                ),
                format!(
                    "the date '{t}' is not valid: write YYYY-MM-DD, e.g. {}",
                    access::default_key_expiry(today)
                ),
            )
        }),
    }
}

/// A use case's outcome for the page: a refusal (of any kind, an unknown key too) in words.
fn said<T>(r: Result<T, AppError>, lang: Lang) -> Result<Result<T, String>, WebError> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(e @ AppError::Refused(_)) => Ok(Err(app_error(&e, lang))),
        Err(e) => Err(e.into()),
    }
}

/// The value of a form field, trimmed, or empty.
fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
        .unwrap_or("")
}

/// What the form to make a key holds (as typed).
struct KeyForm {
    name: String,
    role: String,
    expires_on: String,
}

impl KeyForm {
    fn defaults(today: NaiveDate) -> KeyForm {
        KeyForm {
            name: String::new(),
            role: Role::Operator.code().into(),
            expires_on: access::default_key_expiry(today).to_string(),
        }
    }

    fn from_pairs(pairs: &[(String, String)]) -> KeyForm {
        KeyForm {
            name: field(pairs, "nama").into(),
            role: field(pairs, "peran").into(),
            expires_on: field(pairs, "berlaku_sampai").into(),
        }
    }
}

/// One key as a row of the page.
struct KeyRow {
    name: String,
    role: String,
    created: String,
    expires: String,
    status: &'static str,
    code: &'static str,
    revocable: bool,
}

#[derive(Template)]
#[template(path = "api_keys.html")]
struct KeysPage {
    layout: Layout,
    csrf: String,
    rows: Vec<KeyRow>,
    roles: Vec<(&'static str, &'static str)>,
    f: KeyForm,
    error: Option<String>,
    summary: Option<String>,
    secret: Option<String>,
}

fn status_word(s: KeyStatus, m: &Msgs) -> &'static str {
    match s {
        KeyStatus::Active => m.keys_active,
        KeyStatus::Expired => m.keys_expired,
        KeyStatus::Revoked => m.keys_revoked,
    }
}

/// `2026-11-27T08:00:00.000Z` as `2026-11-27 08:00 UTC`.
fn moment(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|_| rfc3339.to_string())
}

async fn keys_page(
    v: &Viewer,
    f: KeyForm,
    outcome: PageOutcome,
    secret: Option<String>,
) -> Result<Response, WebError> {
    let today = v.state.now().date_naive();
    let keys = v
        .db(move |db, a| Ok(access::api_keys(db, &a.grant()?, today)?))
        .await?;
    let m = v.msgs();
    let (status, error, summary) = shown_outcome(outcome);
    let page = KeysPage {
        layout: v.layout(),
        csrf: csrf_of(&v.actor),
        rows: keys
            .into_iter()
            .map(|k| KeyRow {
                role: k.role.map_or("?", Role::label).to_string(),
                created: moment(&k.created_at),
                expires: k
                    .expires_on
                    .map_or_else(|| m.keys_no_end.to_string(), |d| d.to_string()),
                status: status_word(k.status, m),
                code: k.status.code(),
                revocable: k.status != KeyStatus::Revoked,
                name: k.name,
            })
            .collect(),
        roles: Role::ALL
            .into_iter()
            .filter(|r| *r != Role::Employee)
            .map(|r| (r.code(), r.label()))
            .collect(),
        f,
        error,
        summary,
        secret,
    };
    respond(status, &page)
}

/// The tenant's keys and the form to make one.
pub async fn keys(v: Viewer) -> Result<Response, WebError> {
    let today = v.state.now().date_naive();
    keys_page(&v, KeyForm::defaults(today), None, None).await
}

/// Makes a key from the form and shows it once; a refusal keeps what was typed.
pub async fn create(v: Viewer, axum::Form(pairs): FormPairs) -> Result<Response, WebError> {
    let lang = Lang::of(&v.headers);
    let today = v.state.now().date_naive();
    let f = KeyForm::from_pairs(&pairs);
    let input = key_role(&f.role, lang)
        .and_then(|role| key_expiry(Some(&f.expires_on), today, lang).map(|d| (role, d)));
    let outcome = match input {
        Err(e) => Err(e),
        Ok((role, expires_on)) => {
            let ctx = v.ctx();
            let name = f.name.clone();
            v.db(move |db, a| {
                let can = a.grant()?;
                said(
                    access::create_api_key(db, &ctx, &can, &name, role, expires_on)
                        .map(|key| (name.trim().to_string(), role, expires_on, key)),
                    lang,
                )
            })
            .await?
        }
    };
    match outcome {
        Ok((name, role, until, key)) => {
            let done = lang.pick(
                format!(
                    "Kunci API '{name}' dibuat (peran {}, berlaku sampai {until}).",
                    role.label()
                ),
                format!(
                    "API key '{name}' created (role {}, valid until {until}).",
                    role.label()
                ),
            );
            keys_page(&v, KeyForm::defaults(today), Some(Ok(done)), Some(key)).await
        }
        Err(e) => keys_page(&v, f, Some(Err(e)), None).await,
    }
}

/// Revokes the key named in the form at once, once the administrator has ticked that they mean it.
pub async fn revoke(v: Viewer, axum::Form(pairs): FormPairs) -> Result<Response, WebError> {
    let lang = Lang::of(&v.headers);
    let today = v.state.now().date_naive();
    let name = field(&pairs, "nama").to_string();
    let outcome = if field(&pairs, "yakin") != "1" && !name.is_empty() {
        Err(lang.pick(
            format!("kunci API '{name}' tidak dicabut: centang \"Ya, cabut kunci ini\" untuk mencabutnya"),
            format!("the API key '{name}' was not revoked: tick \"Yes, revoke this key\" to revoke it"),
        ))
    } else {
        let ctx = v.ctx();
        let n = name.clone();
        v.db(move |db, a| {
            let can = a.grant()?;
            said(access::revoke_api_key(db, &ctx, &can, &n), lang)
        })
        .await?
        .map(|_| {
            lang.pick(
                format!("Kunci API '{name}' dicabut: setiap permintaan dengannya ditolak mulai sekarang."),
                format!("API key '{name}' revoked: every request with it is refused from now on."),
            )
        })
    };
    keys_page(&v, KeyForm::defaults(today), Some(outcome), None).await
}
