//! The authorisation matrix: every route of the registry x every role x (own record, another
//! record of the same tenant, a record of another tenant), plus no login at all, through the
//! real router. Expected answers come from the policy in `talenta_app::access`, so a route
//! added without the right policy, or a handler that forgets the per-person check, fails here.
//!
//! Cross-tenant probes: every route whose `{id}` names a thing a tenant owns (an employee, a
//! position, an event, a selection, an import report) is also asked for tenant B's thing by
//! every role of tenant A and by every API key of A, and must answer 404 (403 where the role
//! may not use the route at all; 422 where the empty body is refused before any lookup, and
//! `well_formed_requests_*` sends those a real one), exactly as an id that names nothing
//! (`Aim::Nowhere`). Every answer, to any aim, must hold none of B's data
//! (`FOREIGN_MARKS`), and no request of A may change a row of B (`World::tenant_rows`): B has
//! events and a selection under A's own codes (`asesmen-uji`, `seleksi-uji`) in other states
//! than A's, so a lookup by code that forgets the tenant shows or changes B's.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use axum::body::Body;
use axum::http::{Method, Request};
use common::*;
use talenta_app::access::{Permission, Role, role_allows};
use talenta_web::AppState;
use talenta_web::routes::{RouteSpec, Target, registry};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aim {
    Own,
    SameTenant,
    OtherTenant,
    /// An id or code that names nothing in any tenant: what B's must be indistinguishable from.
    Nowhere,
}

fn path(spec: &RouteSpec, w: &World, aim: Aim) -> String {
    let id = match (spec.target, aim) {
        (Target::Employee | Target::Position, Aim::Nowhere) => "999999".into(),
        (Target::Event | Target::Selection | Target::Report, Aim::Nowhere) => "tidak-ada".into(),
        (Target::Employee, Aim::Own) => w.own.to_string(),
        (Target::Employee, Aim::SameTenant) => w.other.to_string(),
        (Target::Employee, Aim::OtherTenant) => w.foreign.to_string(),
        (Target::Position, Aim::OtherTenant) => w.position_b.to_string(),
        (Target::Position, _) => w.position_a.to_string(),
        (Target::Box, _) => "5".into(),
        (Target::Report, Aim::OtherTenant) => w.report_b.clone(),
        (Target::Report, _) => "tidak-ada".into(),
        (Target::Asset, _) => "talenta.css".into(),
        (Target::Template, _) => "employees.xlsx".into(),
        (Target::Event, Aim::OtherTenant) => "asesmen-b".into(),
        (Target::Event, _) => "asesmen-uji".into(),
        (Target::Selection, Aim::OtherTenant) => "seleksi-b".into(),
        (Target::Selection, _) => "seleksi-uji".into(),
        (Target::Announcement, _) => "kota-a.seleksi-uji".into(),
        (Target::ApiKey, _) => "tidak-ada".into(), // never a real key: the matrix would revoke it
        (Target::None, _) => String::new(),
    };
    spec.path.replace("{id}", &id).replace("{file}", &id)
}

/// Whether `{id}` names a thing of one tenant, so the matrix also aims it at tenant B's.
/// (An announcement, `tenant.selection`, is public by design: anyone may read B's.)
fn tenant_owned(target: Target) -> bool {
    matches!(
        target,
        Target::Employee | Target::Position | Target::Event | Target::Selection | Target::Report
    )
}

/// The aims the matrix asks a route about.
fn aims(spec: &RouteSpec) -> &'static [Aim] {
    match spec.target {
        Target::Employee => &[Aim::Own, Aim::SameTenant, Aim::OtherTenant],
        t if tenant_owned(t) => &[Aim::Own, Aim::OtherTenant],
        _ => &[Aim::Own],
    }
}

/// API routes that refuse the matrix's empty body (or query) before they look the event or
/// selection up, so they answer B's code as they answer any code; `well_formed_requests_*`
/// sends them bodies that reach the lookup.
fn parses_its_body_first(name: &str) -> bool {
    matches!(
        name,
        "api_save_ratings"
            | "api_meeting"
            | "api_meeting_agree"
            | "api_consensus"
            | "api_amend"
            | "api_selection_apply"
            | "api_selection_screen"
            | "api_selection_outcome"
            | "api_selection_score"
            | "api_selection_step"
            | "api_selection_choice"
    )
}

/// The first of tenant B's marks `body` holds, if any.
fn foreign_mark(body: &str) -> Option<&'static str> {
    FOREIGN_MARKS.iter().copied().find(|m| body.contains(m))
}

/// Tenant B's rows now (see `World::tenant_rows`), read off the async workers.
fn rows_of_b(w: &World) -> String {
    tokio::task::block_in_place(|| w.tenant_rows(w.b.id))
}

/// What the policy says the answer must be.
fn expected(spec: &RouteSpec, role: Option<Role>, aim: Aim) -> u16 {
    let Some(role) = role else {
        return match spec.permission {
            Permission::Public => match spec.name {
                "login" => 422, // the guard lets it through; the empty form is refused
                _ => 200,
            },
            _ if spec.api => 401,
            _ => 303, // to the login page
        };
    };
    if !role_allows(role, spec.permission) {
        return 403;
    }
    if aim == Aim::OtherTenant && tenant_owned(spec.target) {
        return if parses_its_body_first(spec.name) {
            422
        } else {
            404
        };
    }
    if spec.target == Target::Employee
        && role == Role::Employee
        && spec.permission.personal()
        && aim != Aim::Own
    {
        return 403;
    }
    match spec.name {
        "login_form" => 303, // already logged in: to the dashboard
        "login" => 422,
        "logout" => 303,
        "save_standard" => 422, // the empty form is refused (a standard may not be empty)
        "switch_tenant" => 422, // no tenant chosen
        "create_event" => 422,  // the empty form is refused
        "event_check_in" | "event_move" | "event_unavailable" | "event_conflict" => 422, // nobody named
        // Nothing scored or final in the test world: these refuse with the reason.
        "save_scores" | "meeting_agree" | "event_consensus" | "event_amend" => 422, // empty form
        "event_publish_results" | "event_recap" => 422, // no final result yet
        "api_save_ratings" | "api_meeting_agree" | "api_consensus" | "api_amend" => 422, // empty body
        "api_meeting" => 422,         // no participant named
        "api_publish_results" => 422, // no final result yet
        "rotation_xlsx" | "rotation_pdf" | "api_rotation" => 422, // no post chosen
        // Selections: empty forms are refused; nobody is in the first stage of the test world's
        // selection yet, and no PPK pick exists for a letter.
        "create_selection" | "selection_apply" | "selection_screen" | "selection_outcome" => 422,
        "selection_close_stage" | "selection_step" | "selection_letter" => 422,
        "selection_score" | "selection_conflict" | "selection_choose" => 422,
        "api_selection_score"
        | "api_selection_close_stage"
        | "api_selection_step"
        | "api_selection_choice" => 422,
        "api_create_selection"
        | "api_selection_apply"
        | "api_selection_screen"
        | "api_selection_outcome" => 422,
        "import_upload" => 400, // not a multipart body
        "import_report" => 404, // no such report
        "create_key" | "revoke_key" | "api_create_key" => 422, // empty form or body: no key named
        "api_revoke_key" => 404, // no key of that name
        // One's own data: only an account that is an employee has any.
        "my_data" if role != Role::Employee => 404,
        _ => 200,
    }
}

fn request(
    spec: &RouteSpec,
    path: &str,
    session: Option<&(String, String)>,
) -> Request<axum::body::Body> {
    let mut b = Request::builder().method(spec.method.clone()).uri(path);
    if let Some((cookie, csrf)) = session {
        b = b.header("cookie", format!("__Host-talenta={cookie}"));
        if spec.mutates {
            b = b.header("x-csrf-token", csrf);
        }
    } else if spec.mutates {
        b = b
            .header("cookie", "__Host-talenta-pre=pre")
            .header("x-csrf-token", "pre");
    }
    if spec.method == Method::POST {
        b = b.header("content-type", "application/x-www-form-urlencoded");
    }
    b.body(Body::empty()).unwrap()
}

#[test]
fn every_route_answers_every_role_as_the_policy_says() {
    each_world(|w, state| Box::pin(matrix(w, state)));
}

async fn matrix(w: &World, state: AppState) {
    {
        let mut checked = 0;
        let mut probes = 0;
        let mut failures = Vec::new();
        // Publishing locks the event the other rows plan and move: it goes second to last.
        // Logging out ends the session the other rows use: it goes last.
        let mut specs: Vec<RouteSpec> = registry().into_iter().map(|(s, _)| s).collect();
        specs.sort_by_key(|s| match s.name {
            "event_publish" => 1,
            "logout" => 2,
            _ => 0,
        });
        let mut rows_b = rows_of_b(w);
        for spec in specs {
            for aim in aims(&spec) {
                let p = path(&spec, w, *aim);
                // No login.
                let got = send(&state, request(&spec, &p, None)).await;
                let want = expected(&spec, None, *aim);
                if got.status != want {
                    failures.push(format!(
                        "{} {} anonymous: got {}, want {want}",
                        spec.method, p, got.status
                    ));
                }
                if let Some(m) = foreign_mark(&got.body) {
                    failures.push(format!("{} {} anonymous shows B's {m:?}", spec.method, p));
                }
                for role in Role::ALL {
                    let s = w.session(role);
                    let got = send(&state, request(&spec, &p, Some(&s))).await;
                    let want = expected(&spec, Some(role), *aim);
                    if got.status != want {
                        failures.push(format!(
                            "{} {} as {:?} ({aim:?}): got {}, want {want}",
                            spec.method, p, role, got.status
                        ));
                    }
                    if let Some(m) = foreign_mark(&got.body) {
                        failures.push(format!(
                            "{} {} as {role:?} ({aim:?}) shows B's {m:?}",
                            spec.method, p
                        ));
                    }
                    if *aim == Aim::OtherTenant {
                        // B's id must be answered as an id that names nothing.
                        let q = path(&spec, w, Aim::Nowhere);
                        let none = send(&state, request(&spec, &q, Some(&s))).await;
                        if !answered_alike(&got, &p, &none, &q) {
                            failures.push(format!(
                                "{} {} as {role:?} answers otherwise than {q}: {} vs {}\n{}\n{}",
                                spec.method, p, got.status, none.status, got.body, none.body
                            ));
                        }
                        probes += 1;
                    }
                    checked += 1;
                }
            }
            let now_b = rows_of_b(w);
            if now_b != rows_b {
                failures.push(format!(
                    "{} {} changed tenant B's rows:\n{}",
                    spec.method,
                    spec.path,
                    first_difference(&rows_b, &now_b)
                ));
                rows_b = now_b;
            }
        }
        assert!(
            failures.is_empty(),
            "{} ({}):\n{}",
            failures.len(),
            w.db.name,
            failures.join("\n")
        );
        assert!(checked > 100, "{checked}");
        assert!(probes > 300, "cross-tenant probes: {probes}");
    }
}

#[test]
fn api_keys_get_the_same_answers_as_sessions_of_their_role() {
    each_world(|w, state| Box::pin(api_keys(w, state)));
}

async fn api_keys(w: &World, state: AppState) {
    let rows_b = rows_of_b(w);
    for (spec, _) in registry()
        .into_iter()
        .filter(|(s, _)| s.api && s.permission != Permission::Public)
    {
        for aim in [Aim::SameTenant, Aim::OtherTenant] {
            let p = path(&spec, w, aim);
            for (role, key) in &w.api_keys {
                let r = send(&state, with_key(spec.method.clone(), &p, key)).await;
                assert_eq!(
                    r.status,
                    expected(&spec, Some(*role), aim),
                    "{p} as {role:?} key"
                );
                assert!(
                    r.header("content-type").starts_with("application/json"),
                    "{p}"
                );
                assert_eq!(
                    foreign_mark(&r.body),
                    None,
                    "{p} as {role:?} key shows B's data: {}",
                    r.body
                );
            }
            let bad = with_key(spec.method.clone(), &p, "tk_salah");
            assert_eq!(send(&state, bad).await.status, 401, "{p}");
        }
        let now_b = rows_of_b(w);
        assert!(
            now_b == rows_b,
            "{} {} by tenant A's keys changed tenant B's rows:\n{}",
            spec.method,
            spec.path,
            first_difference(&rows_b, &now_b)
        );
    }
}

/// Whether the answer `a` to `pa` is the answer `b` to `pb` (two paths of one route), but for
/// the path parameter each may repeat.
fn answered_alike(a: &Reply, pa: &str, b: &Reply, pb: &str) -> bool {
    let (x, y): (Vec<&str>, Vec<&str>) = (pa.split('/').collect(), pb.split('/').collect());
    let (ia, ib) = x
        .iter()
        .zip(&y)
        .find(|(p, q)| p != q)
        .map_or(("", ""), |(p, q)| (*p, *q));
    a.status == b.status && same_but_for(&a.body, &[ia], &b.body, &[ib])
}

/// Whether `a` and `b` are the same text but where a line of `a` names `in_a` and the line of
/// `b` names `in_b` (a code and an id, as given or, for a NIP, as printed), so that a refusal
/// repeating what was asked still counts as the same answer.
fn same_but_for(a: &str, in_a: &[&str], b: &str, in_b: &[&str]) -> bool {
    let generic = |line: &str, names: &[&str]| {
        let mut line = line.to_string();
        for (i, name) in names.iter().enumerate() {
            if name.is_empty() {
                continue;
            }
            let mut forms = vec![name.to_string()];
            if name.len() == 18 && name.bytes().all(|c| c.is_ascii_digit()) {
                let n = name;
                forms.push(format!(
                    "{} {} {} {}",
                    &n[..8],
                    &n[8..14],
                    &n[14..15],
                    &n[15..]
                ));
            }
            for form in forms {
                let r = regex::Regex::new(&format!(r"\b{}\b", regex::escape(&form))).unwrap();
                line = r.replace_all(&line, format!("{{{i}}}")).into_owned();
            }
        }
        line
    };
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    la.len() == lb.len()
        && la
            .iter()
            .zip(&lb)
            .all(|(x, y)| x == y || generic(x, in_a) == generic(y, in_b))
}

/// The first line where `before` and `after` differ, both ways, for a failure message.
fn first_difference(before: &str, after: &str) -> String {
    let (b, a): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    let i = b
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(b.len().min(a.len()));
    format!(
        "before: {}\nafter:  {}",
        b.get(i).copied().unwrap_or("(nothing)"),
        a.get(i).copied().unwrap_or("(nothing)")
    )
}

#[test]
fn every_route_has_a_unique_name_and_every_api_route_is_in_the_openapi_document() {
    let specs: Vec<RouteSpec> = registry().into_iter().map(|(s, _)| s).collect();
    let mut names: Vec<&str> = specs.iter().map(|s| s.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), specs.len(), "route names are unique");
    let doc = talenta_web::api::openapi_document(&specs);
    for s in specs.iter().filter(|s| s.api) {
        let op = &doc["paths"][s.path][s.method.as_str().to_lowercase()];
        assert_eq!(op["operationId"], s.name, "{}", s.path);
    }
    for s in specs.iter().filter(|s| !s.api) {
        assert!(
            doc["paths"].get(s.path).is_none(),
            "pages are not in the API document: {}",
            s.path
        );
    }
    for s in &specs {
        assert!(
            s.personal || s.target != Target::Employee,
            "a route about one employee is marked personal: {}",
            s.path
        );
    }
}

#[test]
fn well_formed_requests_of_tenant_a_naming_tenant_bs_events_selections_people_or_applicants_are_answered_as_unknown_and_change_nothing_of_b()
 {
    each_world(|w, state| Box::pin(well_formed(w, state)));
}

/// One request of a role of tenant A, `{code}` in its path and `{id}` in its body standing for
/// the thing it names.
struct Probe {
    role: Role,
    method: Method,
    path: &'static str,
    body: &'static str,
    /// A form (the page's), not JSON.
    form: bool,
}

/// The codes and ids a probe is sent with: B's, and the ones naming nothing to compare with.
struct Aimed {
    code: &'static str,
    id: String,
    none_code: &'static str,
    none_id: &'static str,
}

/// Requests that get past the parsing of their body (unlike the matrix's empty ones) to the
/// lookup: B's distinct event or selection with B's participant or applicant, and A's own
/// event or selection (whose code B also uses, B's in another state) with B's participant or
/// applicant. Each must be answered exactly as the same request naming nothing, never with
/// success, show none of B's data, and leave every row of B as it was.
async fn well_formed(w: &World, state: AppState) {
    use Role::*;
    let event = |role, method, path, body| Probe {
        role,
        method,
        path,
        body,
        form: false,
    };
    const DECISION: &str = r#"{"employee_id":{id},"competency":"M.1","level":"3","reason":"alasan uji","version":null}"#;
    const VERDICT: &str = r#"{"applicant_id":{id},"passed":true,"reason":"alasan uji"}"#;
    let on_events = [
        event(
            Assessor,
            Method::POST,
            "/api/v1/events/{code}/ratings",
            r#"{"employee_id":{id},"ratings":[{"method":"wawancara","competency":"M.1","level":"3","evidence":"contoh perilaku yang relevan","version":null}],"submit":false}"#,
        ),
        event(
            Assessor,
            Method::GET,
            "/api/v1/events/{code}/meeting?participant={id}",
            "",
        ),
        event(
            Assessor,
            Method::POST,
            "/api/v1/events/{code}/meeting",
            DECISION,
        ),
        event(
            TenantAdmin,
            Method::POST,
            "/api/v1/events/{code}/consensus",
            DECISION,
        ),
        event(
            TenantAdmin,
            Method::POST,
            "/api/v1/events/{code}/amend",
            DECISION,
        ),
        Probe {
            role: TenantAdmin,
            method: Method::POST,
            path: "/acara/{code}/hadir",
            body: "nip={id}",
            form: true,
        },
    ];
    let on_selections = [
        event(
            TenantAdmin,
            Method::POST,
            "/api/v1/selections/{code}/screening",
            VERDICT,
        ),
        event(
            TenantAdmin,
            Method::POST,
            "/api/v1/selections/{code}/outcomes",
            VERDICT,
        ),
        event(
            PanelMember,
            Method::POST,
            "/api/v1/selections/{code}/scores",
            r#"{"applicant_id":{id},"stage":"wawancara","score":"80"}"#,
        ),
        event(
            TenantAdmin,
            Method::POST,
            "/api/v1/selections/{code}/steps",
            r#"{"post":"KABID","step":"usulan-pansel","applicant_id":{id},"reason":"alasan uji"}"#,
        ),
        event(
            DecisionMaker,
            Method::POST,
            "/api/v1/selections/{code}/choice",
            r#"{"post":"KABID","step":"pilihan-ppk","applicant_id":{id},"reason":"alasan uji"}"#,
        ),
        Probe {
            role: TenantAdmin,
            method: Method::POST,
            path: "/seleksi/{code}/administrasi",
            body: "applicant={id}&admitted=1&reason=berkas+lengkap",
            form: true,
        },
    ];
    let apply = event(
        TenantAdmin,
        Method::POST,
        "/api/v1/selections/{code}/applications",
        r#"{"post":"KABID","nip":"{id}"}"#,
    );
    let nip_b1 = FOREIGN_MARKS[2];
    let nip_b2 = FOREIGN_MARKS[3];
    let [applicant_uji, applicant_b] = w.applicants_b;
    let aims = |distinct: &'static str, shared: &'static str, b_id: String, b_id_shared: String| {
        [
            Aimed {
                code: distinct,
                id: b_id,
                none_code: "tidak-ada",
                none_id: "999999",
            },
            Aimed {
                code: shared,
                id: b_id_shared,
                none_code: shared,
                none_id: "999999",
            },
        ]
    };
    let mut runs: Vec<(&Probe, Aimed)> = Vec::new();
    for p in &on_events {
        let id = if p.form {
            nip_b1.to_string()
        } else {
            w.foreign.to_string()
        };
        for mut a in aims("asesmen-b", "asesmen-uji", id.clone(), id) {
            if p.form {
                a.none_id = "199001012015011009";
            }
            runs.push((p, a));
        }
    }
    for p in &on_selections {
        for a in aims(
            "seleksi-b",
            "seleksi-uji",
            applicant_b.to_string(),
            applicant_uji.to_string(),
        ) {
            runs.push((p, a));
        }
    }
    for mut a in aims(
        "seleksi-b",
        "seleksi-uji",
        nip_b2.to_string(),
        nip_b2.to_string(),
    ) {
        a.none_id = "199001012015011009";
        runs.push((&apply, a));
    }
    let mut failures = Vec::new();
    let mut rows_b = rows_of_b(w);
    for (p, a) in &runs {
        let client = w.client(&state, p.role);
        let ask = |code: &str, id: &str| {
            let path = p.path.replace("{code}", code).replace("{id}", id);
            let body = p.body.replace("{id}", id);
            let mut b = Request::builder()
                .method(p.method.clone())
                .uri(path)
                .header("cookie", format!("__Host-talenta={}", client.cookie))
                .header("x-csrf-token", &client.csrf);
            let body = if p.form {
                b = b.header("content-type", "application/x-www-form-urlencoded");
                format!("_csrf={}&{body}", client.csrf)
            } else {
                if p.method == Method::POST {
                    b = b.header("content-type", "application/json");
                }
                body
            };
            b.body(Body::from(body)).unwrap()
        };
        let what = format!("{} {} with {} as {:?}", p.method, p.path, a.id, p.role);
        let got = send(&state, ask(a.code, &a.id)).await;
        let none = send(&state, ask(a.none_code, a.none_id)).await;
        if got.status != none.status
            || !same_but_for(
                &got.body,
                &[a.code, &a.id],
                &none.body,
                &[a.none_code, a.none_id],
            )
        {
            failures.push(format!(
                "{what}: answered {} where naming nothing answers {}:\n{}\n{}",
                got.status, none.status, got.body, none.body
            ));
        }
        if (200..300).contains(&got.status) && !p.form {
            failures.push(format!("{what}: succeeded ({}): {}", got.status, got.body));
        }
        if let Some(m) = foreign_mark(&got.body) {
            failures.push(format!("{what}: shows B's {m:?}"));
        }
        let now_b = rows_of_b(w);
        if now_b != rows_b {
            failures.push(format!(
                "{what}: changed tenant B's rows:\n{}",
                first_difference(&rows_b, &now_b)
            ));
            rows_b = now_b;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} ({}):\n{}",
        failures.len(),
        runs.len(),
        w.db.name,
        failures.join("\n")
    );
}
