//! Selection through the real router: a panel member's score by the API (a bad score and a
//! stage not running refused in Bahasa Indonesia), hidden from the standings until the stage
//! closes; the public announcement without signing in.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use common::*;
use talenta_app::access::Role;

fn post_json(
    path: &str,
    session: &(String, String),
    body: &str,
) -> axum::http::Request<axum::body::Body> {
    axum::http::Request::post(path)
        .header("cookie", format!("__Host-talenta={}", session.0))
        .header("x-csrf-token", &session.1)
        .header("content-type", "application/json")
        .body(axum::body::Body::from(body.to_string()))
        .unwrap()
}

#[test]
fn a_panel_score_by_the_api_bad_input_refused_and_the_public_announcement() {
    for w in worlds() {
        rt().block_on(async {
            let state = w.state();
            let admin = w.session(Role::TenantAdmin);
            let pansel = w.session(Role::PanelMember);
            // Admit the applicant.
            let v: serde_json::Value = serde_json::from_str(
                &send(
                    &state,
                    get("/api/v1/selections/seleksi-uji", Some(&admin.0)),
                )
                .await
                .body,
            )
            .unwrap();
            assert_eq!(v["done"], false);
            let page = send(&state, get("/seleksi/seleksi-uji", Some(&admin.0))).await;
            let id: i64 = page
                .body
                .split("name=\"applicant\" value=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            let r = send(
                &state,
                post_form(
                    "/seleksi/seleksi-uji/administrasi",
                    Some(&admin.0),
                    &format!(
                        "_csrf={}&applicant={id}&admitted=1&reason=berkas+lengkap",
                        admin.1
                    ),
                ),
            )
            .await;
            assert_eq!(r.status, 200, "{}", r.body);
            let bad = send(
                &state,
                post_json(
                    "/api/v1/selections/seleksi-uji/scores",
                    &pansel,
                    &format!(r#"{{"applicant_id":{id},"stage":"wawancara","score":"101"}}"#),
                ),
            )
            .await;
            assert_eq!(bad.status, 422);
            assert!(bad.body.contains("nilai '101' tidak sah"), "{}", bad.body);
            let wrong = send(
                &state,
                post_json(
                    "/api/v1/selections/seleksi-uji/scores",
                    &pansel,
                    &format!(r#"{{"applicant_id":{id},"stage":"makalah","score":"80"}}"#),
                ),
            )
            .await;
            assert_eq!(wrong.status, 422);
            assert!(
                wrong
                    .body
                    .contains("tahap yang sedang berjalan adalah Wawancara"),
                "{}",
                wrong.body
            );
            let ok = send(
                &state,
                post_json(
                    "/api/v1/selections/seleksi-uji/scores",
                    &pansel,
                    &format!(r#"{{"applicant_id":{id},"stage":"wawancara","score":"78,5"}}"#),
                ),
            )
            .await;
            assert_eq!(ok.status, 200, "{}", ok.body);
            let close = send(
                &state,
                post_json("/api/v1/selections/seleksi-uji/close-stage", &admin, ""),
            )
            .await;
            assert_eq!(close.status, 200, "{}", close.body);
            let v: serde_json::Value = serde_json::from_str(
                &send(
                    &state,
                    get("/api/v1/selections/seleksi-uji", Some(&admin.0)),
                )
                .await
                .body,
            )
            .unwrap();
            assert_eq!(v["done"], true);
            assert_eq!(v["posts"][0]["standings"][0]["total"], 78.5);
            assert_eq!(v["posts"][0]["standings"][0]["proposed"], true);
            // Public, without signing in.
            let public = send(&state, get("/pengumuman/kota-a.seleksi-uji", None)).await;
            assert_eq!(public.status, 200);
            assert!(
                public
                    .body
                    .contains("Lolos tahap Wawancara oleh panitia seleksi"),
                "{}",
                public.body
            );
            assert!(
                !public.body.contains("78"),
                "names only: the selection does not publish scores"
            );
            let missing = send(&state, get("/pengumuman/kota-a.tidak-ada", None)).await;
            assert_eq!(missing.status, 404);
        });
    }
}

#[test]
fn a_selection_set_up_and_an_external_application_by_the_api_bad_input_refused_and_nothing_stored()
{
    for w in worlds() {
        rt().block_on(async {
            let state = w.state();
            let admin = w.session(Role::TenantAdmin);
            let body = |weight: u8| {
                format!(
                    r#"{{"code":"api-uji","name":"Seleksi lewat API","kind":"terbuka","posts":["KABID"],
                    "stages":[{{"stage":"makalah","weight":{weight},"pass":"60"}},{{"stage":"wawancara","weight":60,"pass":"65"}}],
                    "quorum":1,"opens_on":"2026-11-01","closes_on":"2026-11-30",
                    "panel":[{{"name":"A","chair":true}},{{"name":"B"}},{{"name":"C"}}]}}"#
                )
            };
            let bad = send(&state, post_json("/api/v1/selections", &admin, &body(30))).await;
            assert_eq!(bad.status, 422);
            assert!(bad.body.contains("bobot tahap berjumlah 90%, harus 100%"), "{}", bad.body);
            let list: serde_json::Value = serde_json::from_str(&send(&state, get("/api/v1/selections", Some(&admin.0))).await.body).unwrap();
            assert!(list.as_array().unwrap().iter().all(|s| s["code"] != "api-uji"), "nothing stored");
            let ok = send(&state, post_json("/api/v1/selections", &admin, &body(40))).await;
            assert_eq!(ok.status, 200, "{}", ok.body);
            let no_edu = send(&state, post_json("/api/v1/selections/api-uji/applications", &admin, r#"{"post":"KABID","name":"Dr. Luar","birth_date":"1980-02-03"}"#)).await;
            assert_eq!(no_edu.status, 422);
            assert!(no_edu.body.contains("education"), "{}", no_edu.body);
            let applied = send(&state, post_json("/api/v1/selections/api-uji/applications", &admin, r#"{"post":"KABID","name":"Dr. Luar","birth_date":"1980-02-03","education":"S2","current_post":"Direktur"}"#)).await;
            assert_eq!(applied.status, 200, "{}", applied.body);
            let id = serde_json::from_str::<serde_json::Value>(&applied.body).unwrap()["applicant_id"].as_i64().unwrap();
            let no_reason = send(&state, post_json("/api/v1/selections/api-uji/screening", &admin, &format!(r#"{{"applicant_id":{id},"passed":false}}"#))).await;
            assert_eq!(no_reason.status, 422);
            assert!(no_reason.body.contains("membutuhkan alasan"), "{}", no_reason.body);
        });
    }
}
