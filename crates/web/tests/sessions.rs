//! Login, sessions, CSRF, timeouts, headers and the audit of reads, through the real router.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use axum::body::Body;
use axum::http::Request;
use chrono::Duration;
use common::*;
use talenta_app::access::Role;

fn cookie_value(r: &Reply, name: &str) -> Option<String> {
    r.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            let first = v.split(';').next()?;
            let (k, val) = first.split_once('=')?;
            (k == name && !val.is_empty()).then(|| val.to_string())
        })
}

fn csrf_in(body: &str) -> String {
    let i = body.find("name=\"_csrf\" value=\"").unwrap() + "name=\"_csrf\" value=\"".len();
    body[i..i + 64].to_string()
}

async fn login(state: &talenta_web::AppState, login: &str, password: &str) -> Reply {
    let form = send(state, get("/masuk", None)).await;
    let pre = cookie_value(&form, "__Host-talenta-pre").unwrap();
    let token = csrf_in(&form.body);
    let req = Request::post("/masuk")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", format!("__Host-talenta-pre={pre}"))
        .body(Body::from(format!(
            "_csrf={token}&login={login}&password={password}"
        )))
        .unwrap();
    send(state, req).await
}

#[test]
fn logging_in_sets_a_host_only_secure_session_cookie_and_a_new_id_each_time() {
    let w = World::new(talenta_store::testing::sqlite());
    rt().block_on(async {
        let state = w.state();
        let first = login(&state, "admin.a", PASSWORD).await;
        assert_eq!(first.status, 303);
        let set = first
            .headers
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect::<Vec<_>>();
        let session = set
            .iter()
            .find(|c| c.starts_with("__Host-talenta="))
            .unwrap();
        for attr in ["Path=/", "Secure", "HttpOnly", "SameSite=Lax"] {
            assert!(session.contains(attr), "{session}");
        }
        assert!(
            !session.contains("Domain"),
            "__Host- cookies have no domain"
        );
        let a = cookie_value(&first, "__Host-talenta").unwrap();
        let second = login(&state, "admin.a", PASSWORD).await;
        let b = cookie_value(&second, "__Host-talenta").unwrap();
        assert_ne!(a, b, "a new session id on every login");
        let home = send(&state, get("/", Some(&b))).await;
        assert_eq!(home.status, 200);
        assert!(home.body.contains("Admin BKPSDM"));
        let log = send(&state, get("/audit", Some(&b))).await;
        assert!(
            log.body.contains("session.login"),
            "logins are in the audit trail"
        );
        let log = send(&state, get("/audit", Some(&b))).await;
        assert!(
            log.body.contains("session.login"),
            "logins are in the audit trail"
        );
    });
}

#[test]
fn a_wrong_password_is_refused_without_saying_which_part_was_wrong_and_repeated_failures_lock() {
    let w = World::new(talenta_store::testing::sqlite());
    rt().block_on(async {
        let state = w.state();
        let bad = login(&state, "admin.a", "salah").await;
        assert_eq!(bad.status, 401);
        assert!(bad.body.contains("nama pengguna atau kata sandi salah"));
        let unknown = login(&state, "tidak.ada", "salah").await;
        assert_eq!(unknown.status, 401);
        assert!(unknown.body.contains("nama pengguna atau kata sandi salah"));
        for _ in 0..4 {
            login(&state, "admin.a", "salah").await;
        }
        let locked = login(&state, "admin.a", PASSWORD).await;
        assert_eq!(locked.status, 401, "locked even with the right password");
        assert!(
            locked.body.contains("terlalu banyak percobaan"),
            "{}",
            locked.body
        );
        // Another account from the same address still works (the address limit is higher).
        assert_eq!(login(&state, "operator.a", PASSWORD).await.status, 303);
    });
}

#[test]
fn a_login_without_its_form_token_or_a_change_without_the_session_token_is_refused() {
    let w = World::new(talenta_store::testing::sqlite());
    rt().block_on(async {
        let state = w.state();
        let req = Request::post("/masuk")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(format!("login=admin.a&password={PASSWORD}")))
            .unwrap();
        assert_eq!(send(&state, req).await.status, 403, "login CSRF");
        let (cookie, csrf) = w.session(Role::TenantAdmin);
        assert_eq!(
            send(&state, post_form("/keluar", Some(&cookie), ""))
                .await
                .status,
            403
        );
        assert_eq!(
            send(
                &state,
                post_form(
                    "/keluar",
                    Some(&cookie),
                    &format!("_csrf={}", "0".repeat(64))
                )
            )
            .await
            .status,
            403
        );
        assert_eq!(
            send(&state, get("/", Some(&cookie))).await.status,
            200,
            "still logged in"
        );
        let out = send(
            &state,
            post_form("/keluar", Some(&cookie), &format!("_csrf={csrf}")),
        )
        .await;
        assert_eq!(out.status, 303);
        assert_eq!(
            send(&state, get("/", Some(&cookie))).await.status,
            303,
            "the session is gone"
        );
    });
}

#[test]
fn sessions_end_after_30_idle_minutes_and_12_hours_in_all() {
    let w = World::new(talenta_store::testing::sqlite());
    let (cookie, _) = w.session(Role::Operator);
    let at = |minutes: i64| {
        let mut config = talenta_web::Config::new(&w.db.url, key());
        config.fixed_now = Some(now() + Duration::minutes(minutes));
        talenta_web::AppState::new(config)
    };
    rt().block_on(async {
        // Active every 25 minutes: alive until the 12-hour limit.
        let mut t = 25;
        while t < 12 * 60 {
            assert_eq!(
                send(&at(t), get("/", Some(&cookie))).await.status,
                200,
                "minute {t}"
            );
            t += 25;
        }
        assert_eq!(
            send(&at(12 * 60 + 5), get("/", Some(&cookie))).await.status,
            303,
            "absolute timeout"
        );
        let (idle, _) = w.session(Role::Auditor);
        assert_eq!(
            send(&at(31), get("/", Some(&idle))).await.status,
            303,
            "idle timeout"
        );
    });
}

#[test]
fn every_response_carries_the_security_headers_and_personal_pages_are_not_stored() {
    let w = World::new(talenta_store::testing::sqlite());
    rt().block_on(async {
        let state = w.state();
        let (cookie, _) = w.session(Role::TenantAdmin);
        for path in [
            "/masuk",
            "/",
            "/pegawai",
            "/api/v1/openapi.json",
            "/tidak-ada",
        ] {
            let r = send(&state, get(path, Some(&cookie))).await;
            let csp = r.headers["content-security-policy"].to_str().unwrap();
            assert!(
                csp.contains("default-src 'self'") && !csp.contains("http"),
                "{path}: {csp}"
            );
            assert_eq!(r.headers["x-content-type-options"], "nosniff", "{path}");
            assert_eq!(r.headers["cache-control"], "no-store", "{path}");
        }
        let css = send(&state, get("/static/talenta.css", None)).await;
        assert_eq!(css.status, 200);
        assert!(
            css.headers["cache-control"]
                .to_str()
                .unwrap()
                .contains("max-age")
        );
        assert_eq!(
            send(&state, get("/static/../Cargo.toml", None))
                .await
                .status,
            404
        );
    });
}

#[test]
fn opening_a_record_with_results_is_recorded_and_the_employee_sees_who_did() {
    for w in worlds() {
        rt().block_on(async {
            let state = w.state();
            let (admin, _) = w.session(Role::TenantAdmin);
            let page = send(&state, get(&format!("/pegawai/{}", w.own), Some(&admin))).await;
            assert_eq!(page.status, 200);
            assert!(
                page.body.contains("BKD Provinsi"),
                "results shown to the admin"
            );
            let (auditor, _) = w.session(Role::Auditor);
            let page = send(&state, get(&format!("/pegawai/{}", w.own), Some(&auditor))).await;
            assert!(
                page.body.contains("tidak berhak melihat hasil asesmen"),
                "the auditor sees the record, not the results"
            );
            let (me, _) = w.session(Role::Employee);
            let mine = send(&state, get("/saya/akses", Some(&me))).await;
            assert_eq!(mine.status, 200);
            assert!(mine.body.contains("admin.a"), "{}", mine.body);
            assert!(
                !mine.body.contains("auditor.a"),
                "no results were read by the auditor"
            );
            let log = send(&state, get("/audit", Some(&auditor))).await;
            assert!(log.body.contains("result.read"));
        });
    }
}

#[test]
fn a_body_larger_than_the_limit_is_refused() {
    let w = World::new(talenta_store::testing::sqlite());
    let mut config = talenta_web::Config::new(&w.db.url, key());
    config.fixed_now = Some(now());
    config.body_limit = 1024;
    let state = talenta_web::AppState::new(config);
    let (cookie, csrf) = w.session(Role::TenantAdmin);
    rt().block_on(async {
        let big = format!("_csrf={csrf}&x={}", "a".repeat(4096));
        let r = send(&state, post_form("/keluar", Some(&cookie), &big)).await;
        assert!(r.status == 413 || r.status == 422, "{}", r.status);
        assert_eq!(
            send(&state, get("/", Some(&cookie))).await.status,
            200,
            "the session was not ended"
        );
    });
}

#[test]
fn the_employee_list_searches_filters_and_pages_in_the_database() {
    let w = World::new(talenta_store::testing::sqlite());
    rt().block_on(async {
        let state = w.state();
        let (cookie, _) = w.session(Role::Operator);
        let all = send(&state, get("/pegawai", Some(&cookie))).await;
        assert!(
            all.body.contains("2 pegawai ditemukan"),
            "only tenant A's two"
        );
        let by_nip = send(&state, get("/pegawai?q=19800101", Some(&cookie))).await;
        assert!(by_nip.body.contains("1 pegawai ditemukan"), "NIP prefix");
        let spaced = send(
            &state,
            get("/pegawai?q=19800101%20200501%201%20001", Some(&cookie)),
        )
        .await;
        assert!(
            spaced.body.contains("1 pegawai ditemukan"),
            "NIP as displayed, with spaces"
        );
        let by_name = send(&state, get("/pegawai?q=PEGAWAI%201001", Some(&cookie))).await;
        assert!(
            by_name.body.contains("1 pegawai ditemukan"),
            "name, any case"
        );
        let api = Request::get("/api/v1/employees?q=19800101")
            .header("authorization", format!("Bearer {}", w.api_keys[0].1))
            .body(Body::empty())
            .unwrap();
        let json: serde_json::Value = serde_json::from_str(&send(&state, api).await.body).unwrap();
        assert_eq!(json["total"], 1);
        assert_eq!(json["items"][0]["nip"], "198001012005011001");
    });
}

#[test]
fn an_assessor_serving_two_governments_switches_between_them_and_nowhere_else() {
    for w in worlds() {
        rt().block_on(async {
            let state = w.state();
            let (cookie, csrf) = w.session(Role::Assessor);
            let home = send(&state, get("/", Some(&cookie))).await;
            assert!(home.body.contains("Pemerintah kota-a"));
            assert!(
                home.body.contains("name=\"tenant\""),
                "a switcher for an account with two tenants: {}",
                home.body
            );
            let r = send(
                &state,
                post_form(
                    "/instansi",
                    Some(&cookie),
                    &format!("_csrf={csrf}&tenant={}", w.b.id),
                ),
            )
            .await;
            assert_eq!(r.status, 303, "{}", w.db.name);
            let home = send(&state, get("/", Some(&cookie))).await;
            assert!(
                home.body.contains("<option value=\"2\" selected>")
                    || home
                        .body
                        .contains(&format!("<option value=\"{}\" selected>", w.b.id)),
                "{}",
                home.body
            );
            // An operator of A has no role in B.
            let (op, opcsrf) = w.session(Role::Operator);
            let r = send(
                &state,
                post_form(
                    "/instansi",
                    Some(&op),
                    &format!("_csrf={opcsrf}&tenant={}", w.b.id),
                ),
            )
            .await;
            assert_eq!(r.status, 403);
            let list = send(&state, get("/pegawai", Some(&op))).await;
            assert!(list.body.contains("2 pegawai ditemukan"), "still in A");
        });
    }
}

#[test]
fn bad_addresses_and_parameters_are_answered_in_bahasa_indonesia_as_a_page_or_as_json() {
    let w = World::new(talenta_store::testing::sqlite());
    rt().block_on(async {
        let state = w.state();
        let (cookie, _) = w.session(Role::TenantAdmin);
        let page = send(&state, get("/pegawai/bukan-angka", Some(&cookie))).await;
        assert_eq!(page.status, 404);
        assert!(page.body.contains("data tidak ditemukan"));
        let lenient = send(&state, get("/pegawai?halaman=abc", Some(&cookie))).await;
        assert_eq!(lenient.status, 200, "a bad page number shows page 1");
        let no_box = send(&state, get("/peta-talenta/kotak/12", Some(&cookie))).await;
        assert_eq!(no_box.status, 422);
        assert!(
            no_box.body.contains("kotak 12 tidak ada; pilih 1 sampai 9"),
            "{}",
            no_box.body
        );
        let key = &w.api_keys[0].1;
        let api = |path: &str| {
            Request::get(path)
                .header("authorization", format!("Bearer {key}"))
                .body(Body::empty())
                .unwrap()
        };
        let r = send(&state, api("/api/v1/employees?page=abc")).await;
        assert_eq!(r.status, 422);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["error"]["code"], "input.invalid");
        assert!(
            v["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with("parameter pencarian tidak sah"),
            "{v}"
        );
        let r = send(&state, api("/api/v1/employees/abc")).await;
        assert_eq!(r.status, 404);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["error"]["message"], "data tidak ditemukan");
        let r = send(&state, api(&format!("/api/v1/employees/{}", w.foreign))).await;
        assert_eq!(
            r.status, 404,
            "another tenant's employee is not found, not forbidden"
        );
    });
}
