//! Selection through the real router: a panel member's score by the API (a bad score and a
//! stage not running refused in Bahasa Indonesia), hidden from the standings until the stage
//! closes; the public announcement without signing in.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use common::*;
use talenta_app::access::Role;

#[test]
fn a_panel_score_by_the_api_bad_input_refused_and_the_public_announcement() {
    each_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            let pansel = w.client(&state, Role::PanelMember);
            let v = admin.get("/api/v1/selections/seleksi-uji").await.json();
            assert_eq!(v["done"], false);
            let id = admit_the_applicant(&admin).await;
            let score = |stage: &str, score: &str| {
                format!(r#"{{"applicant_id":{id},"stage":"{stage}","score":"{score}"}}"#)
            };
            let scores = "/api/v1/selections/seleksi-uji/scores";
            let bad = pansel.post_json(scores, &score("wawancara", "101")).await;
            bad.assert_shows(422, "nilai '101' tidak sah");
            let wrong = pansel.post_json(scores, &score("makalah", "80")).await;
            wrong.assert_shows(422, "tahap yang sedang berjalan adalah Wawancara");
            let ok = pansel.post_json(scores, &score("wawancara", "78,5")).await;
            assert_eq!(ok.status, 200, "{}", ok.body);
            let close = admin
                .post_json("/api/v1/selections/seleksi-uji/close-stage", "")
                .await;
            assert_eq!(close.status, 200, "{}", close.body);
            let v = admin.get("/api/v1/selections/seleksi-uji").await.json();
            assert_eq!(v["done"], true);
            assert_eq!(v["posts"][0]["standings"][0]["total"], 78.5);
            assert_eq!(v["posts"][0]["standings"][0]["proposed"], true);
            // Public, without signing in.
            let public = send(&state, get("/pengumuman/kota-a.seleksi-uji", None)).await;
            public.assert_shows(200, "Lolos tahap Wawancara oleh panitia seleksi");
            assert!(
                !public.body.contains("78"),
                "names only: the selection does not publish scores"
            );
            let missing = send(&state, get("/pengumuman/kota-a.tidak-ada", None)).await;
            assert_eq!(missing.status, 404);
        })
    });
}

#[test]
fn a_selection_set_up_and_an_external_application_by_the_api_bad_input_refused_and_nothing_stored()
{
    each_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            let body = |weight: u8| {
                format!(
                    r#"{{"code":"api-uji","name":"Seleksi lewat API","kind":"terbuka","posts":["KABID"],
                    "stages":[{{"stage":"makalah","weight":{weight},"pass":"60"}},{{"stage":"wawancara","weight":60,"pass":"65"}}],
                    "quorum":1,"opens_on":"2026-11-01","closes_on":"2026-11-30",
                    "panel":[{{"name":"A","chair":true}},{{"name":"B"}},{{"name":"C"}}]}}"#
                )
            };
            let bad = admin.post_json("/api/v1/selections", &body(30)).await;
            bad.assert_shows(422, "bobot tahap berjumlah 90%, harus 100%");
            let list = admin.get("/api/v1/selections").await.json();
            assert!(
                list.as_array()
                    .unwrap()
                    .iter()
                    .all(|s| s["code"] != "api-uji"),
                "nothing stored"
            );
            let ok = admin.post_json("/api/v1/selections", &body(40)).await;
            assert_eq!(ok.status, 200, "{}", ok.body);
            let apply = "/api/v1/selections/api-uji/applications";
            let no_edu = admin
                .post_json(
                    apply,
                    r#"{"post":"KABID","name":"Dr. Luar","birth_date":"1980-02-03"}"#,
                )
                .await;
            no_edu.assert_shows(422, "education");
            let applied = admin.post_json(apply, r#"{"post":"KABID","name":"Dr. Luar","birth_date":"1980-02-03","education":"S2","current_post":"Direktur"}"#).await;
            assert_eq!(applied.status, 200, "{}", applied.body);
            let id = applied.json()["applicant_id"].as_i64().unwrap();
            let no_reason = admin
                .post_json(
                    "/api/v1/selections/api-uji/screening",
                    &format!(r#"{{"applicant_id":{id},"passed":false}}"#),
                )
                .await;
            no_reason.assert_shows(422, "membutuhkan alasan");
        })
    });
}
