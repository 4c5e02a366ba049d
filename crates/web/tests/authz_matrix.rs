//! The authorisation matrix: every route of the registry x every role x (own record, another
//! record of the same tenant, a record of another tenant), plus no login at all, through the
//! real router. Expected answers come from the policy in `talenta_app::access`, so a route
//! added without the right policy, or a handler that forgets the per-person check, fails here.

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
}

fn path(spec: &RouteSpec, w: &World, aim: Aim) -> String {
    let id = match (spec.target, aim) {
        (Target::Employee, Aim::Own) => w.own.to_string(),
        (Target::Employee, Aim::SameTenant) => w.other.to_string(),
        (Target::Employee, Aim::OtherTenant) => w.foreign.to_string(),
        (Target::Position, _) => w.position_a.to_string(),
        (Target::Box, _) => "5".into(),
        (Target::Report, _) => "tidak-ada".into(),
        (Target::Asset, _) => "talenta.css".into(),
        (Target::Template, _) => "employees.xlsx".into(),
        (Target::Event, _) => "asesmen-uji".into(),
        (Target::Selection, _) => "seleksi-uji".into(),
        (Target::Announcement, _) => "kota-a.seleksi-uji".into(),
        (Target::None, _) => String::new(),
    };
    spec.path.replace("{id}", &id).replace("{file}", &id)
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
    if spec.target == Target::Employee {
        if aim == Aim::OtherTenant {
            return 404;
        }
        if role == Role::Employee && spec.permission.personal() && aim != Aim::Own {
            return 403;
        }
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
        let mut failures = Vec::new();
        // Publishing locks the event the other rows plan and move: it goes second to last.
        // Logging out ends the session the other rows use: it goes last.
        let mut specs: Vec<RouteSpec> = registry().into_iter().map(|(s, _)| s).collect();
        specs.sort_by_key(|s| match s.name {
            "event_publish" => 1,
            "logout" => 2,
            _ => 0,
        });
        for spec in specs {
            let aims: &[Aim] = if spec.target == Target::Employee {
                &[Aim::Own, Aim::SameTenant, Aim::OtherTenant]
            } else {
                &[Aim::Own]
            };
            for aim in aims {
                let p = path(&spec, w, *aim);
                // No login.
                let got = send(&state, request(&spec, &p, None)).await.status;
                let want = expected(&spec, None, *aim);
                if got != want {
                    failures.push(format!(
                        "{} {} anonymous: got {got}, want {want}",
                        spec.method, p
                    ));
                }
                for role in Role::ALL {
                    let s = w.session(role);
                    let got = send(&state, request(&spec, &p, Some(&s))).await.status;
                    let want = expected(&spec, Some(role), *aim);
                    if got != want {
                        failures.push(format!(
                            "{} {} as {:?} ({aim:?}): got {got}, want {want}",
                            spec.method, p, role
                        ));
                    }
                    checked += 1;
                }
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
    }
}

#[test]
fn api_keys_get_the_same_answers_as_sessions_of_their_role() {
    each_world(|w, state| Box::pin(api_keys(w, state)));
}

async fn api_keys(w: &World, state: AppState) {
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
            }
            let bad = with_key(spec.method.clone(), &p, "tk_salah");
            assert_eq!(send(&state, bad).await.status, 401, "{p}");
        }
    }
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
