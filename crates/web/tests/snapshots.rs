//! Snapshot tests (insta) of what the web layer sends: one representative page per role, read
//! through the real router in the test world of `common` (tenant A), and the OpenAPI document.
//! The snapshots live in `tests/snapshots/`. A page that changes, or a snapshot that is missing,
//! fails here (insta's default; outside CI it also leaves the new text in a `.snap.new` beside
//! it) until the snapshot is reviewed and accepted: `INSTA_UPDATE=always cargo test -p
//! talenta-web --test snapshots`, read the diff of the `.snap` files, then run once more without
//! `INSTA_UPDATE` (both engines must then agree with what was written).
//!
//! What is snapshotted of a page: for the administrator's page the whole document, which pins
//! the layout (head, header, navigation, the session forms) once; for every other role only its
//! navigation (`<nav>`, which differs per role) and its `<main>`, so a change of the shared
//! layout fails one snapshot rather than seven.
//!
//! Each page is read on both engines and must give the same snapshot (the same page whichever
//! database is behind it).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use std::sync::LazyLock;

use common::*;
use regex::Regex;
use talenta_app::access::Role;

/// What [`normalise`] replaces: each pattern with its stand-in.
///
/// - the CSRF token of the session, wherever a form carries it (`name="_csrf" value="…"`, and
///   `?_csrf=…` should an address ever carry one), becomes `[csrf]`: it is random per session;
/// - a session cookie (`__Host-talenta=…`), should a page ever show one, becomes `[sesi]`;
/// - a cache-busting hash in an asset's address (`/static/talenta.3f2a….css`), should the
///   assets ever get one, becomes `/static/talenta.[hash].css`.
///
/// Nothing else needs it: the test world runs on the fixed clock of `talenta_fixture::now()`
/// (the server's `fixed_now` and every seeded record), so times are the same on every run; ids
/// are those of a fresh database, the same on both engines.
///
/// And, for readability only (HTML does not care): a line break between a `</tr>` or `</a>` and
/// a `<tr`, `<a` or `<text` right after it, so a table row, a link of the navigation and a box
/// of the talent map each get their own line and a change shows as a change of that line.
static RULES: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    [
        (
            r#"name="_csrf" value="[^"]*""#,
            r#"name="_csrf" value="[csrf]""#,
        ),
        (r#"([?&])_csrf=[^&"]*"#, "${1}_csrf=[csrf]"),
        (r"__Host-talenta=[A-Za-z0-9_\-]+", "__Host-talenta=[sesi]"),
        (
            r"/static/([A-Za-z0-9_\-]+)\.[0-9a-f]{8,}\.(css|js)",
            "/static/${1}.[hash].${2}",
        ),
        (r"(</tr>|</a>)(<(?:tr|a|text)[ >])", "${1}\n${2}"),
    ]
    .into_iter()
    .map(|(p, r)| (Regex::new(p).unwrap(), r))
    .collect()
});

/// The page with everything that differs between runs replaced (see [`RULES`]).
fn normalise(html: &str) -> String {
    RULES.iter().fold(html.to_string(), |s, (re, with)| {
        re.replace_all(&s, *with).into_owned()
    })
}

/// The part of `html` from the first `<tag` to the end of the first `</tag>` after it, which
/// must be there.
fn element<'a>(html: &'a str, tag: &str) -> &'a str {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let start = html.find(&open);
    assert!(start.is_some(), "no {open}> in {html}");
    let start = start.unwrap();
    let len = html[start..].find(&close);
    assert!(len.is_some(), "no {close} in {html}");
    &html[start..start + len.unwrap() + close.len()]
}

/// What happens in the world before the page is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Before {
    Nothing,
    /// The administrator admits the selection's one applicant (screening), so the panel has
    /// a candidate to score ([`admit_the_applicant`]).
    AdmitTheApplicant,
}

/// The page `path` as `role` of tenant A sees it, on each engine: (engine, normalised HTML).
fn page(role: Role, path: &str, before: Before) -> Vec<(&'static str, String)> {
    worlds()
        .into_iter()
        .map(|w| {
            let path = path.replace("{own}", &w.own.to_string());
            let state = w.state();
            let r = rt().block_on(async {
                if before == Before::AdmitTheApplicant {
                    admit_the_applicant(&w.client(&state, Role::TenantAdmin)).await;
                }
                w.client(&state, role).get(&path).await
            });
            assert_eq!(
                r.status, 200,
                "{} {path} as {role:?}: {}",
                w.db.name, r.body
            );
            (w.db.name, normalise(&r.body))
        })
        .collect()
}

/// Snapshots `html` under `name`, described as `role`'s page `path`; says which engine it came
/// from first, so a failure on one engine only is told apart.
fn assert_page(name: &str, role: Role, path: &str, engine: &str, html: &str) {
    eprintln!("snapshot {name}: {role:?} GET {path} on {engine}");
    insta::with_settings!({
        description => format!("{role:?}: GET {path} (the same on SQLite and PostgreSQL)"),
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, html);
    });
}

/// Snapshots the navigation and `<main>` of `role`'s page `path` under `name`, on each engine
/// (`{own}` in `path` is the employee account's own record).
fn snapshot_main(name: &str, role: Role, path: &str, before: Before) {
    for (engine, html) in page(role, path, before) {
        let nav = element(&html, "nav");
        let main = element(&html, "main");
        assert_page(name, role, path, engine, &format!("{nav}\n\n{main}\n"));
    }
}

#[test]
fn normalise_replaces_the_csrf_token_the_session_and_asset_hashes() {
    let html = r#"<input type="hidden" name="_csrf" value="Ab3-_x"><form action="/impor?_csrf=Zz9&x=1"> __Host-talenta=abc-123 <link href="/static/talenta.0123abcd89.css">"#;
    assert_eq!(
        normalise(html),
        r#"<input type="hidden" name="_csrf" value="[csrf]"><form action="/impor?_csrf=[csrf]&x=1"> __Host-talenta=[sesi] <link href="/static/talenta.[hash].css">"#
    );
    assert_eq!(
        normalise("<tr><td>1</td></tr><tr><td><a>2</a></td></tr></tbody> <a>x</a><a>y</a><text>"),
        "<tr><td>1</td></tr>\n<tr><td><a>2</a></td></tr></tbody> <a>x</a>\n<a>y</a>\n<text>"
    );
}

#[test]
fn admin_the_employee_list_whole_page() {
    for (engine, html) in page(Role::TenantAdmin, "/pegawai", Before::Nothing) {
        assert_page(
            "admin_employees",
            Role::TenantAdmin,
            "/pegawai",
            engine,
            &html,
        );
    }
}

#[test]
fn operator_the_event_and_its_schedule() {
    snapshot_main(
        "operator_event",
        Role::Operator,
        "/acara/asesmen-uji",
        Before::Nothing,
    );
}

#[test]
fn assessor_their_scoring_list() {
    snapshot_main(
        "asesor_scoring",
        Role::Assessor,
        "/acara/asesmen-uji/nilai",
        Before::Nothing,
    );
}

#[test]
fn panel_member_their_scoring_page_with_an_admitted_candidate() {
    snapshot_main(
        "pansel_panel",
        Role::PanelMember,
        "/seleksi/seleksi-uji/nilai",
        Before::AdmitTheApplicant,
    );
}

#[test]
fn decision_maker_the_talent_map() {
    snapshot_main(
        "ppk_talent_map",
        Role::DecisionMaker,
        "/peta-talenta",
        Before::Nothing,
    );
}

#[test]
fn employee_their_own_record() {
    snapshot_main(
        "pegawai_own_record",
        Role::Employee,
        "/pegawai/{own}",
        Before::Nothing,
    );
}

#[test]
fn auditor_the_audit_trail() {
    snapshot_main("auditor_audit", Role::Auditor, "/audit", Before::Nothing);
}

#[test]
fn the_openapi_document() {
    let w = World::new(talenta_fixture::sqlite());
    let r = rt().block_on(send(&w.state(), get("/api/v1/openapi.json", None)));
    assert_eq!(r.status, 200, "{}", r.body);
    let mut doc = r.json();
    // The version is the crate's: checked here, not pinned in the snapshot (a release changes it).
    assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
    doc["info"]["version"] = "[versi]".into();
    insta::assert_json_snapshot!("openapi", doc);
}
