//! The API keys page and API (`/kunci-api`, `/api/v1/api-keys`): the administrator lists the
//! tenant's keys with their status, makes one (its secret shown once) and revokes one, after
//! which a request with it is refused at once; both are audited. Other roles get 403; a key of
//! another tenant is unknown; bad input is refused with a precise message and stores nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use axum::body::Body;
use axum::http::{Method, Request};
use common::*;
use talenta_app::access::{self, Role};
use talenta_store::Db;

/// Runs `f` on a connection of its own to the world's database, off the async workers.
fn on_db<T>(w: &World, f: impl FnOnce(&mut Db) -> T) -> T {
    tokio::task::block_in_place(|| f(&mut Db::open(&w.db.url).unwrap()))
}

/// The API keys of tenant `tenant_id` as stored: (name, revoked).
fn stored_keys(w: &World, tenant_id: i64) -> Vec<(String, bool)> {
    on_db(w, |db| {
        db.query(
            "SELECT name, revoked_at FROM api_keys WHERE tenant_id = ? ORDER BY id",
            &[tenant_id.into()],
        )
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.text(0).unwrap().to_string(),
                r.opt_text(1).unwrap().is_some(),
            )
        })
        .collect()
    })
}

/// Tenant `tenant_id`'s audit entries with `action`: (actor, subject).
fn audited(w: &World, tenant_id: i64, action: &str) -> Vec<(String, String)> {
    on_db(w, |db| {
        db.query(
            "SELECT actor, subject FROM audit_log WHERE tenant_id = ? AND action = ? ORDER BY seq",
            &[tenant_id.into(), action.into()],
        )
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.text(0).unwrap().to_string(),
                r.text(1).unwrap().to_string(),
            )
        })
        .collect()
    })
}

/// The status of `GET path` with the API key `key`.
async fn with(state: &talenta_web::AppState, key: &str, path: &str) -> u16 {
    send(state, with_key(Method::GET, path, key)).await.status
}

/// POST the JSON `body` to `path` with the API key `key`.
async fn post_with_key(state: &talenta_web::AppState, key: &str, path: &str, body: &str) -> Reply {
    let req = Request::post(path)
        .header("authorization", format!("Bearer {key}"))
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(state, req).await
}

/// A new session of the administrator `admin.a` signed in at `at`.
fn on_day_login(w: &World, at: chrono::DateTime<chrono::Utc>) -> access::NewSession {
    on_db(w, |db| {
        access::login(
            db,
            &key(),
            "admin.a",
            PASSWORD,
            "127.0.0.1",
            at,
            &Default::default(),
        )
        .unwrap()
        .unwrap()
    })
}

/// The secret a page shows once.
fn secret_on(body: &str) -> String {
    let rest = body.split("<code id=\"kunci-baru\">").nth(1);
    assert!(rest.is_some(), "no secret on the page: {body}");
    rest.unwrap().split('<').next().unwrap().to_string()
}

#[test]
fn the_administrator_sees_the_keys_of_the_tenant_with_their_status_and_no_other_tenants() {
    each_world(|w, state| {
        Box::pin(async move {
            on_db(w, |db| {
                let b = talenta_fixture::admin(&w.b).grant().unwrap();
                access::create_api_key(
                    db,
                    &ctx(),
                    &b,
                    "rahasia-b",
                    Role::Operator,
                    talenta_fixture::date(2027, 1, 1),
                )
                .unwrap();
            });
            let admin = w.client(&state, Role::TenantAdmin);
            let page = admin.get("/kunci-api").await;
            page.assert_shows(200, "Kunci API");
            for role in [Role::Operator, Role::Auditor, Role::TenantAdmin] {
                page.assert_contains(&format!("<td>sistem-{}</td>", role.code()));
            }
            page.assert_contains("<td>Operator</td>");
            page.assert_contains("<td>2026-11-27 08:00 UTC</td>");
            page.assert_contains("<td>2027-11-27</td>");
            page.assert_contains("<td class=\"status-active\">aktif</td>");
            page.assert_contains("name=\"berlaku_sampai\" value=\"2027-11-27\"");
            assert!(
                !page.body.contains("rahasia-b"),
                "tenant B's key is not listed"
            );
            assert!(!page.body.contains("tk_"), "no key is shown on the list");
            // The administrator's menu links to it.
            let home = admin.get("/").await;
            home.assert_contains("<a href=\"/kunci-api\">Kunci API</a>");
            // In English.
            let en = admin.get("/kunci-api?lang=en").await;
            en.assert_shows(200, "<h1>API keys</h1>");
            en.assert_contains("<td class=\"status-active\">active</td>");
            en.assert_contains("Valid until");
        })
    });
}

#[test]
fn a_key_made_on_the_page_is_shown_once_works_and_is_audited() {
    each_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            let made = admin
                .post(
                    "/kunci-api",
                    "nama=+simpeg-baru+&peran=auditor&berlaku_sampai=2027-01-31",
                )
                .await;
            made.assert_shows(200, "Kunci API &#39;simpeg-baru&#39; dibuat (peran Auditor");
            let key = secret_on(&made.body);
            assert!(key.starts_with("tk_") && key.len() == 3 + 64, "{key}");
            made.assert_contains("<td>simpeg-baru</td>");
            made.assert_contains("<td>2027-01-31</td>");
            // The form is empty again for the next key.
            made.assert_contains("name=\"nama\" value=\"\"");
            assert_eq!(with(&state, &key, "/api/v1/units").await, 200);
            assert_eq!(
                with(&state, &key, "/api/v1/talent-map").await,
                403,
                "an auditor key"
            );
            let again = admin.get("/kunci-api").await;
            again.assert_contains("<td>simpeg-baru</td>");
            assert!(!again.body.contains(&key), "the secret is shown once only");
            let hashes: Vec<String> = on_db(w, |db| {
                db.query("SELECT key_hash FROM api_keys", &[])
                    .unwrap()
                    .iter()
                    .map(|r| r.text(0).unwrap().to_string())
                    .collect()
            });
            assert!(!hashes.contains(&key), "stored hashed, never as given");
            assert_eq!(
                audited(w, w.a.id, "apikey.create").last().unwrap(),
                &("admin.a".to_string(), "apikey:simpeg-baru".to_string())
            );
        })
    });
}

#[test]
fn a_key_revoked_on_the_page_is_refused_at_once_and_the_revocation_is_audited() {
    each_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            let key = w.api_key(Role::Operator);
            assert_eq!(with(&state, key, "/api/v1/units").await, 200);
            // Without ticking that they mean it, nothing is revoked.
            let unsure = admin.post("/kunci-api/cabut", "nama=sistem-operator").await;
            unsure.assert_shows(422, "tidak dicabut: centang");
            assert_eq!(with(&state, key, "/api/v1/units").await, 200);
            let r = admin
                .post("/kunci-api/cabut", "nama=sistem-operator&yakin=1")
                .await;
            r.assert_shows(200, "Kunci API &#39;sistem-operator&#39; dicabut");
            r.assert_contains("<td class=\"status-revoked\">dicabut</td>");
            assert_eq!(
                with(&state, key, "/api/v1/units").await,
                401,
                "refused at once"
            );
            assert_eq!(
                audited(w, w.a.id, "apikey.revoke"),
                vec![("admin.a".to_string(), "apikey:sistem-operator".to_string())]
            );
            // Revoked already: said so, on the page.
            let twice = admin
                .post("/kunci-api/cabut", "nama=sistem-operator&yakin=1")
                .await;
            twice.assert_shows(422, "sudah dicabut");
            // The other keys still work.
            assert_eq!(
                with(&state, w.api_key(Role::Auditor), "/api/v1/units").await,
                200
            );
        })
    });
}

#[test]
fn a_key_is_refused_after_its_last_day() {
    each_world(|w, _| {
        Box::pin(async move {
            let key = on_db(w, |db| {
                let a = talenta_fixture::admin(&w.a).grant().unwrap();
                let tomorrow = now().date_naive() + chrono::Days::new(1);
                access::create_api_key(db, &ctx(), &a, "singkat", Role::Operator, tomorrow).unwrap()
            });
            let on_day = |days: u64| {
                let mut config = w.config();
                config.fixed_now = Some(now() + chrono::Days::new(days));
                talenta_web::AppState::new(config)
            };
            assert_eq!(
                with(&on_day(1), &key, "/api/v1/units").await,
                200,
                "its last day"
            );
            let later = on_day(2);
            assert_eq!(
                with(&later, &key, "/api/v1/units").await,
                401,
                "the day after"
            );
            // Sessions have timed out by then: the administrator signs in again.
            let s = on_day_login(w, now() + chrono::Days::new(2));
            let admin = Client {
                state: later.clone(),
                cookie: s.token,
                csrf: s.csrf,
            };
            let page = admin.get("/kunci-api").await;
            page.assert_contains("<td>singkat</td><td>Operator</td><td>2026-11-27 08:00 UTC</td><td>2026-11-28</td><td class=\"status-expired\">kedaluwarsa</td>");
        })
    });
}

#[test]
fn only_the_administrator_may_see_make_or_revoke_keys() {
    each_world(|w, state| {
        Box::pin(async move {
            for role in Role::ALL.into_iter().filter(|r| *r != Role::TenantAdmin) {
                let c = w.client(&state, role);
                assert_eq!(c.get("/kunci-api").await.status, 403, "{role:?}");
                let made = c
                    .post("/kunci-api", "nama=x&peran=admin&berlaku_sampai=2027-01-01")
                    .await;
                assert_eq!(made.status, 403, "{role:?}");
                let revoked = c
                    .post("/kunci-api/cabut", "nama=sistem-operator&yakin=1")
                    .await;
                assert_eq!(revoked.status, 403, "{role:?}");
                if role != Role::Employee {
                    let key = w.api_key(role);
                    assert_eq!(with(&state, key, "/api/v1/api-keys").await, 403, "{role:?}");
                    let r =
                        post_with_key(&state, key, "/api/v1/api-keys/sistem-operator/revoke", "")
                            .await;
                    assert_eq!(r.status, 403, "{role:?}");
                    let r = post_with_key(
                        &state,
                        key,
                        "/api/v1/api-keys",
                        r#"{"name":"x","role":"admin"}"#,
                    )
                    .await;
                    assert_eq!(r.status, 403, "{role:?}");
                }
            }
            assert_eq!(stored_keys(w, w.a.id).len(), 6, "nothing made");
            assert!(
                stored_keys(w, w.a.id).iter().all(|(_, revoked)| !revoked),
                "nothing revoked"
            );
            // The administrator's menu has the page; nobody else's does.
            let home = w.client(&state, Role::Operator).get("/").await;
            assert!(!home.body.contains("/kunci-api"));
        })
    });
}

#[test]
fn a_key_of_another_tenant_cannot_be_revoked_from_this_one() {
    each_world(|w, state| {
        Box::pin(async move {
            let key_b = on_db(w, |db| {
                let b = talenta_fixture::admin(&w.b).grant().unwrap();
                access::create_api_key(
                    db,
                    &ctx(),
                    &b,
                    "rahasia-b",
                    Role::Operator,
                    talenta_fixture::date(2027, 1, 1),
                )
                .unwrap()
            });
            let admin = w.client(&state, Role::TenantAdmin);
            let r = admin
                .post("/kunci-api/cabut", "nama=rahasia-b&yakin=1")
                .await;
            r.assert_shows(
                422,
                "tidak ada kunci API bernama &#39;rahasia-b&#39; di instansi ini",
            );
            let r = post_with_key(
                &state,
                w.api_key(Role::TenantAdmin),
                "/api/v1/api-keys/rahasia-b/revoke",
                "",
            )
            .await;
            assert_eq!(r.status, 404, "{}", r.body);
            assert_eq!(r.json()["error"]["code"], "not_found");
            assert_eq!(
                stored_keys(w, w.b.id),
                vec![("rahasia-b".to_string(), false)]
            );
            assert_eq!(
                with(&state, &key_b, "/api/v1/units").await,
                200,
                "B's key still works"
            );
            assert!(audited(w, w.a.id, "apikey.revoke").is_empty());
            assert!(audited(w, w.b.id, "apikey.revoke").is_empty());
            let list = send(
                &state,
                with_key(
                    Method::GET,
                    "/api/v1/api-keys",
                    w.api_key(Role::TenantAdmin),
                ),
            )
            .await;
            assert!(!list.body.contains("rahasia-b"), "{}", list.body);
        })
    });
}

#[test]
fn bad_input_is_refused_with_a_precise_message_and_stores_nothing() {
    each_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            let before = stored_keys(w, w.a.id);
            let cases = [
                (
                    "nama=&peran=operator&berlaku_sampai=2027-01-01",
                    "nama kunci wajib diisi",
                ),
                (
                    "nama=simpeg-x&peran=operator&berlaku_sampai=31-12-2027",
                    "tanggal berlaku &#39;31-12-2027&#39; tidak sah: tulis TTTT-BB-HH",
                ),
                (
                    "nama=simpeg-x&peran=operator&berlaku_sampai=2026-01-01",
                    "kunci API harus berlaku sampai setelah hari ini (2026-11-27); diminta sampai 2026-01-01",
                ),
                (
                    "nama=simpeg-x&peran=operator&berlaku_sampai=2026-11-27",
                    "kunci API harus berlaku sampai setelah hari ini (2026-11-27); diminta sampai 2026-11-27",
                ),
                (
                    "nama=simpeg-x&peran=raja&berlaku_sampai=2027-01-01",
                    "peran &#39;raja&#39; tidak dikenal",
                ),
                (
                    "nama=sistem-operator&peran=operator&berlaku_sampai=2027-01-01",
                    "sudah ada kunci API aktif bernama &#39;sistem-operator&#39;",
                ),
            ];
            for (form, says) in cases {
                let r = admin.post("/kunci-api", form).await;
                r.assert_shows(422, says);
                assert!(!r.body.contains("kunci-baru"), "no key shown for {form}");
            }
            // What was typed is kept.
            let r = admin
                .post(
                    "/kunci-api",
                    "nama=simpeg-x&peran=auditor&berlaku_sampai=31-12-2027",
                )
                .await;
            r.assert_contains("name=\"nama\" value=\"simpeg-x\"");
            r.assert_contains("name=\"berlaku_sampai\" value=\"31-12-2027\"");
            r.assert_contains("<option value=\"auditor\" selected>");
            // In English.
            let en = Request::post("/kunci-api")
                .header(
                    "cookie",
                    format!("__Host-talenta={}; talenta-lang=en", admin.cookie),
                )
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(format!(
                    "_csrf={}&nama=simpeg-x&peran=operator&berlaku_sampai=2027-02-30",
                    admin.csrf
                )))
                .unwrap();
            send(&state, en).await.assert_shows(
                422,
                "the date &#39;2027-02-30&#39; is not valid: write YYYY-MM-DD",
            );
            let empty = admin.post("/kunci-api/cabut", "nama=&yakin=1").await;
            empty.assert_shows(422, "nama kunci wajib diisi");
            // The API refuses the same, as JSON.
            let key = w.api_key(Role::TenantAdmin);
            for (body, says) in [
                (r#"{"name":"","role":"operator"}"#, "nama kunci wajib diisi"),
                (
                    r#"{"name":"x","role":"operator","expires_on":"2027-13-01"}"#,
                    "tanggal berlaku '2027-13-01' tidak sah",
                ),
                (
                    r#"{"name":"x","role":"operator","expires_on":"2020-01-01"}"#,
                    "kunci API harus berlaku sampai setelah hari ini",
                ),
                (r#"{"name":"x"}"#, "peran '' tidak dikenal"),
            ] {
                let r = post_with_key(&state, key, "/api/v1/api-keys", body).await;
                assert_eq!(r.status, 422, "{body}: {}", r.body);
                assert!(
                    r.json()["error"]["message"]
                        .as_str()
                        .unwrap()
                        .contains(says),
                    "{}",
                    r.body
                );
            }
            assert_eq!(stored_keys(w, w.a.id), before, "nothing stored");
            assert_eq!(
                audited(w, w.a.id, "apikey.create").len(),
                6,
                "only the world's keys"
            );
        })
    });
}

#[test]
fn the_api_makes_lists_and_revokes_keys_and_a_revoked_key_is_refused_at_once() {
    each_world(|w, state| {
        Box::pin(async move {
            let admin_key = w.api_key(Role::TenantAdmin);
            let made = post_with_key(
                &state,
                admin_key,
                "/api/v1/api-keys",
                r#"{"name":"sapk","role":"ppk"}"#,
            )
            .await;
            assert_eq!(made.status, 200, "{}", made.body);
            let j = made.json();
            assert_eq!(j["name"], "sapk");
            assert_eq!(j["role"], "ppk");
            assert_eq!(j["expires_on"], "2027-11-27", "a year by default");
            let key = j["key"].as_str().unwrap().to_string();
            assert!(key.starts_with("tk_"));
            assert_eq!(with(&state, &key, "/api/v1/talent-map").await, 200);
            let list = send(&state, with_key(Method::GET, "/api/v1/api-keys", admin_key)).await;
            assert_eq!(list.status, 200);
            let sapk = list
                .json()
                .as_array()
                .unwrap()
                .iter()
                .find(|k| k["name"] == "sapk")
                .cloned()
                .unwrap();
            assert_eq!(sapk["status"], "active");
            assert_eq!(sapk["created_at"], "2026-11-27T08:00:00.000Z");
            assert!(
                sapk.get("key").is_none() && !list.body.contains(&key),
                "never listed"
            );
            let r = post_with_key(&state, admin_key, "/api/v1/api-keys/sapk/revoke", "").await;
            assert_eq!(r.status, 200, "{}", r.body);
            assert_eq!(r.json()["revoked"], 1);
            assert_eq!(
                with(&state, &key, "/api/v1/talent-map").await,
                401,
                "refused at once"
            );
            let list = send(&state, with_key(Method::GET, "/api/v1/api-keys", admin_key)).await;
            assert!(
                list.json()
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|k| k["name"] == "sapk" && k["status"] == "revoked")
            );
            assert_eq!(
                audited(w, w.a.id, "apikey.revoke"),
                vec![("api:sistem-admin".to_string(), "apikey:sapk".to_string())]
            );
            assert_eq!(
                audited(w, w.a.id, "apikey.create").last().unwrap(),
                &("api:sistem-admin".to_string(), "apikey:sapk".to_string())
            );
            let r = post_with_key(&state, admin_key, "/api/v1/api-keys/sapk/revoke", "").await;
            assert_eq!(r.status, 422, "revoked already: {}", r.body);
        })
    });
}
