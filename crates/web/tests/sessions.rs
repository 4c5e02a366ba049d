//! Login, sessions, CSRF, timeouts, headers and the audit of reads, through the real router.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use axum::body::Body;
use axum::http::{Method, Request};
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
    sqlite_world(|_, state| {
        Box::pin(async move {
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
            home.assert_shows(200, "Admin BKPSDM");
            let log = send(&state, get("/audit", Some(&b))).await;
            log.assert_says("session.login", "logins are in the audit trail");
            let log = send(&state, get("/audit", Some(&b))).await;
            log.assert_says("session.login", "logins are in the audit trail");
        })
    });
}

#[test]
fn a_wrong_password_is_refused_without_saying_which_part_was_wrong_and_repeated_failures_lock() {
    sqlite_world(|_, state| {
        Box::pin(async move {
            let bad = login(&state, "admin.a", "salah").await;
            bad.assert_shows(401, "nama pengguna atau kata sandi salah");
            let unknown = login(&state, "tidak.ada", "salah").await;
            unknown.assert_shows(401, "nama pengguna atau kata sandi salah");
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
        })
    });
}

#[test]
fn a_login_without_its_form_token_or_a_change_without_the_session_token_is_refused() {
    sqlite_world(|w, state| {
        Box::pin(async move {
            let req = Request::post("/masuk")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(format!("login=admin.a&password={PASSWORD}")))
                .unwrap();
            assert_eq!(send(&state, req).await.status, 403, "login CSRF");
            let admin = w.client(&state, Role::TenantAdmin);
            assert_eq!(admin.send_form("/keluar", "").await.status, 403);
            let wrong = format!("_csrf={}", "0".repeat(64));
            assert_eq!(admin.send_form("/keluar", &wrong).await.status, 403);
            assert_eq!(admin.get("/").await.status, 200, "still logged in");
            let out = admin.post("/keluar", "").await;
            assert_eq!(out.status, 303);
            assert_eq!(admin.get("/").await.status, 303, "the session is gone");
            let mut db = talenta_app::Db::open(&w.db.url).unwrap();
            let logged = db
                .query(
                    "SELECT subject FROM audit_log WHERE action = 'session.logout'",
                    &[],
                )
                .unwrap();
            assert_eq!(logged.len(), 1, "the logout is in the audit trail");
        })
    });
}

#[test]
fn sessions_end_after_30_idle_minutes_and_12_hours_in_all() {
    let w = World::new(talenta_store::testing::sqlite());
    let at = |minutes: i64| {
        let mut config = w.config();
        config.fixed_now = Some(now() + Duration::minutes(minutes));
        talenta_web::AppState::new(config)
    };
    let home_at = |role: Role, minutes: i64| {
        let client = w.client(&at(minutes), role);
        async move { client.get("/").await.status }
    };
    rt().block_on(async {
        // Active every 25 minutes: alive until the 12-hour limit.
        let mut t = 25;
        while t < 12 * 60 {
            assert_eq!(home_at(Role::Operator, t).await, 200, "minute {t}");
            t += 25;
        }
        assert_eq!(
            home_at(Role::Operator, 12 * 60 + 5).await,
            303,
            "absolute timeout"
        );
        assert_eq!(home_at(Role::Auditor, 31).await, 303, "idle timeout");
    });
}

#[test]
fn every_response_carries_the_security_headers_and_personal_pages_are_not_stored() {
    sqlite_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            for path in [
                "/masuk",
                "/",
                "/pegawai",
                "/api/v1/openapi.json",
                "/tidak-ada",
            ] {
                let r = admin.get(path).await;
                let csp = r.header("content-security-policy");
                assert!(
                    csp.contains("default-src 'self'") && !csp.contains("http"),
                    "{path}: {csp}"
                );
                assert_eq!(r.headers["x-content-type-options"], "nosniff", "{path}");
                assert_eq!(r.headers["cache-control"], "no-store", "{path}");
            }
            let css = send(&state, get("/static/talenta.css", None)).await;
            assert_eq!(css.status, 200);
            assert!(css.header("cache-control").contains("max-age"));
            assert_eq!(
                send(&state, get("/static/../Cargo.toml", None))
                    .await
                    .status,
                404
            );
        })
    });
}

#[test]
fn opening_a_record_with_results_is_recorded_and_the_employee_sees_who_did() {
    each_world(|w, state| {
        Box::pin(async move {
            let record = format!("/pegawai/{}", w.own);
            let page = w.client(&state, Role::TenantAdmin).get(&record).await;
            assert_eq!(page.status, 200);
            page.assert_says("BKD Provinsi", "results shown to the admin");
            let auditor = w.client(&state, Role::Auditor);
            let page = auditor.get(&record).await;
            page.assert_says(
                "tidak berhak melihat hasil asesmen",
                "the auditor sees the record, not the results",
            );
            let mine = w.client(&state, Role::Employee).get("/saya/akses").await;
            mine.assert_shows(200, "admin.a");
            assert!(
                mine.body.contains("auditor.a</td><td>employee.read"),
                "the auditor's opening of the record is shown"
            );
            assert!(
                !mine.body.contains("auditor.a</td><td>result.read"),
                "no results were read by the auditor"
            );
            let log = auditor.get("/audit").await;
            assert!(log.body.contains("result.read"));
        })
    });
}

#[test]
fn an_employee_downloads_all_of_their_data_from_the_page_of_who_opened_it() {
    each_world(|w, state| {
        Box::pin(async move {
            let me = w.client(&state, Role::Employee);
            let page = me.get("/saya/akses").await;
            page.assert_shows(200, "href=\"/saya/data\"");
            let file = me.get("/saya/data").await;
            assert_eq!(file.status, 200);
            assert_eq!(
                file.headers["content-type"],
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            );
            assert!(file.body.starts_with("PK"), "a workbook (zip)");
            // Another person's copy is theirs alone (or the agency's, answering their request).
            let other = me.get(&format!("/pegawai/{}/data", w.other)).await;
            assert_eq!(other.status, 403);
            let admin = w.client(&state, Role::TenantAdmin);
            assert_eq!(
                admin.get(&format!("/pegawai/{}/data", w.own)).await.status,
                200
            );
            assert_eq!(
                admin
                    .get(&format!("/pegawai/{}/data", w.foreign))
                    .await
                    .status,
                404
            );
            me.get("/saya/akses")
                .await
                .assert_shows(200, "personal_data");
        })
    });
}

#[test]
fn a_body_larger_than_the_limit_is_refused() {
    let w = World::new(talenta_store::testing::sqlite());
    let mut config = w.config();
    config.body_limit = 1024;
    let state = talenta_web::AppState::new(config);
    let admin = w.client(&state, Role::TenantAdmin);
    rt().block_on(async {
        let r = admin
            .post("/keluar", &format!("x={}", "a".repeat(4096)))
            .await;
        assert!(r.status == 413 || r.status == 422, "{}", r.status);
        assert_eq!(
            admin.get("/").await.status,
            200,
            "the session was not ended"
        );
    });
}

#[test]
fn the_employee_list_searches_filters_and_pages_in_the_database() {
    sqlite_world(|w, state| {
        Box::pin(async move {
            let op = w.client(&state, Role::Operator);
            for (query, count, why) in [
                ("", 2, "only tenant A's two"),
                ("?q=19800101", 1, "NIP prefix"),
                (
                    "?q=19800101%20200501%201%20001",
                    1,
                    "NIP as displayed, with spaces",
                ),
                ("?q=PEGAWAI%201001", 1, "name, any case"),
            ] {
                let list = op.get(&format!("/pegawai{query}")).await;
                assert!(
                    list.body.contains(&format!("{count} pegawai ditemukan")),
                    "{why}"
                );
            }
            let api = with_key(
                Method::GET,
                "/api/v1/employees?q=19800101",
                &w.api_keys[0].1,
            );
            let json = send(&state, api).await.json();
            assert_eq!(json["total"], 1);
            assert_eq!(json["items"][0]["nip"], "198001012005011001");
        })
    });
}

#[test]
fn an_assessor_serving_two_governments_switches_between_them_and_nowhere_else() {
    each_world(|w, state| {
        Box::pin(async move {
            let switch_to_b = format!("tenant={}", w.b.id);
            let asesor = w.client(&state, Role::Assessor);
            let home = asesor.get("/").await;
            assert!(home.body.contains("Pemerintah kota-a"));
            assert!(
                home.body.contains("name=\"tenant\""),
                "a switcher for an account with two tenants: {}",
                home.body
            );
            let r = asesor.post("/instansi", &switch_to_b).await;
            assert_eq!(r.status, 303, "{}", w.db.name);
            let home = asesor.get("/").await;
            assert!(
                home.body.contains("<option value=\"2\" selected>")
                    || home
                        .body
                        .contains(&format!("<option value=\"{}\" selected>", w.b.id)),
                "{}",
                home.body
            );
            // An operator of A has no role in B.
            let op = w.client(&state, Role::Operator);
            assert_eq!(op.post("/instansi", &switch_to_b).await.status, 403);
            let list = op.get("/pegawai").await;
            list.assert_says("2 pegawai ditemukan", "still in A");
        })
    });
}

#[test]
fn bad_addresses_and_parameters_are_answered_in_bahasa_indonesia_as_a_page_or_as_json() {
    sqlite_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            let page = admin.get("/pegawai/bukan-angka").await;
            page.assert_shows(404, "data tidak ditemukan");
            let lenient = admin.get("/pegawai?halaman=abc").await;
            assert_eq!(lenient.status, 200, "a bad page number shows page 1");
            admin
                .get("/peta-talenta/kotak/12")
                .await
                .assert_shows(422, "kotak 12 tidak ada; pilih 1 sampai 9");
            let api = |path: &str| send(&state, with_key(Method::GET, path, &w.api_keys[0].1));
            let r = api("/api/v1/employees?page=abc").await;
            assert_eq!(r.status, 422);
            let v = r.json();
            assert_eq!(v["error"]["code"], "input.invalid");
            assert!(
                v["error"]["message"]
                    .as_str()
                    .unwrap()
                    .starts_with("parameter pencarian tidak sah"),
                "{v}"
            );
            let r = api("/api/v1/employees/abc").await;
            assert_eq!(r.status, 404);
            assert_eq!(r.json()["error"]["message"], "data tidak ditemukan");
            let r = api(&format!("/api/v1/employees/{}", w.foreign)).await;
            assert_eq!(
                r.status, 404,
                "another tenant's employee is not found, not forbidden"
            );
        })
    });
}

#[test]
fn the_admins_home_shows_the_last_backup_and_an_employees_does_not() {
    sqlite_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            admin
                .get("/")
                .await
                .assert_says("Belum ada cadangan tercatat", "no backup yet");
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("cadangan.tar");
            let mut db = talenta_app::Db::open(&w.db.url).unwrap();
            let key = talenta_fixture::key();
            talenta_app::backup::backup(&mut db, &w.db.url, &key, &file, talenta_fixture::now())
                .unwrap();
            admin.get("/").await.assert_says(
                &format!(
                    "Cadangan terakhir: 2026-11-27T08:00:00Z ({})",
                    file.display()
                ),
                "the backup just taken",
            );
            let own = w.client(&state, Role::Employee).get("/").await;
            assert!(!own.body.contains("Cadangan"), "{}", own.body);
        })
    });
}

#[test]
fn a_page_number_past_u64_bounds_shows_an_empty_page_not_an_error_on_both_engines() {
    each_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            let page = admin.get("/pegawai?halaman=18446744073709551615").await;
            assert_eq!(page.status, 200, "{}", page.body);
            let text = admin.get("/pegawai?q=a&halaman=18446744073709551615").await;
            assert_eq!(text.status, 200, "the search kept in memory too");
            let r = send(
                &state,
                with_key(
                    Method::GET,
                    "/api/v1/employees?page=18446744073709551615",
                    &w.api_keys[0].1,
                ),
            )
            .await;
            assert_eq!(r.status, 200, "{}", r.body);
            let v = r.json();
            assert_eq!(v["items"].as_array().unwrap().len(), 0, "{v}");
            assert_eq!(v["page"], 1_000_000, "{v}");
            assert!(v["total"].as_u64().unwrap() >= 2, "{v}");
        })
    });
}
