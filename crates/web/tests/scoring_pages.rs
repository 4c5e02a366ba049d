//! The scoring and results pages through the real router: an assessor's list and sheet, the
//! same sheet saved from two tabs (the later save refused with 409 and the stored value shown),
//! a bad level refused with its reason and nothing stored, the admin finalising and publishing,
//! the employee's report PDF only after publication. On SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use common::*;
use talenta_app::access::Role;

/// The `name="...-i" value="..."` pairs of the sheet form, as a form body with `level` for
/// every level field.
fn sheet_form(html: &str, csrf: &str, participant: i64, level: &str, aksi: &str) -> String {
    let mut parts = vec![
        format!("_csrf={csrf}"),
        format!("peserta={participant}"),
        format!("aksi={aksi}"),
    ];
    for piece in html.split("name=\"").skip(1) {
        let name = piece.split('"').next().unwrap();
        let value = piece
            .split("value=\"")
            .nth(1)
            .map(|v| v.split('"').next().unwrap())
            .unwrap_or("");
        let value = if piece.starts_with("m-")
            || piece.starts_with("c-")
            || piece.starts_with("v-")
            || piece.starts_with("ol-")
            || piece.starts_with("oe-")
        {
            value.to_string()
        } else if piece.starts_with("l-") {
            level.to_string()
        } else if piece.starts_with("e-") {
            "memimpin+diskusi+dengan+contoh+nyata".to_string()
        } else {
            continue;
        };
        parts.push(format!(
            "{name}={}",
            value.replace(',', "%2C").replace(' ', "+")
        ));
    }
    parts.join("&")
}

#[test]
fn two_tabs_of_one_assessor_the_later_save_is_refused_with_the_stored_value_then_results_reach_the_employee()
 {
    each_world(|w, state| Box::pin(flow(w, state)));
}

async fn flow(w: &World, state: talenta_web::AppState) {
    let asesor = &w.client(&state, Role::Assessor);
    let csrf = &asesor.csrf;
    let list = asesor.get("/acara/asesmen-uji/nilai").await;
    assert_eq!(list.status, 200, "{}", w.db.name);
    // Asesor Satu's participant: the first link of the list.
    let participant = number_after(&list.body, "nilai?peserta=");
    let sheet_path = format!("/acara/asesmen-uji/nilai?peserta={participant}");
    let save =
        |form: String| async move { asesor.send_form("/acara/asesmen-uji/nilai", &form).await };
    let tab1 = asesor.get(&sheet_path).await;
    tab1.assert_shows(200, "Wawancara berbasis kompetensi");
    // A bad level: refused with its reason, nothing stored.
    let r = save(sheet_form(&tab1.body, csrf, participant, "7", "draf")).await;
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("level &#39;7&#39; tidak sah") || r.body.contains("level '7' tidak sah"),
        "{}",
        r.body
    );
    let tab2 = asesor.get(&sheet_path).await;
    // Tab 1 saves 3,5 everywhere; tab 2, opened before, then saves 2,5: refused, 3,5 shown.
    let r = save(sheet_form(&tab1.body, csrf, participant, "3,5", "draf")).await;
    r.assert_shows(200, "Draf disimpan");
    let r = save(sheet_form(&tab2.body, csrf, participant, "2,5", "draf")).await;
    r.assert_shows(409, "Anda mengisi 2,5, tersimpan 3,5");
    // The page now shows the stored values; submitting them works.
    let submit = sheet_form(&r.body, csrf, participant, "3,5", "kirim");
    let r = save(submit.clone()).await;
    r.assert_shows(200, "Penilaian dikirim");
    // The admin integrates, finalises this participant and publishes.
    let admin = w.client(&state, Role::TenantAdmin);
    let page = admin.get("/acara/asesmen-uji/hasil").await;
    page.assert_shows(200, "siap difinalkan");
    let r = admin.post("/acara/asesmen-uji/finalisasi", "nip=").await;
    r.assert_shows(200, "1 hasil difinalkan");
    // Locked for the assessor now.
    let late = save(submit).await;
    late.assert_shows(422, "sudah final");
    // The employee of the world is the finalised participant or the other one: whoever it is,
    // their newest visible result is never the unpublished one.
    let me = w.client(&state, Role::Employee);
    let report = format!("/api/v1/employees/{}/report", w.own);
    let before = me.get(&report).await;
    assert_eq!(
        before.status, 200,
        "an older imported result is visible: {}",
        before.body
    );
    before.assert_contains("\"provider\":\"BKD Provinsi\"");
    let r = admin.post("/acara/asesmen-uji/umumkan-hasil", "").await;
    r.assert_shows(200, "1 hasil diumumkan");
    if participant == w.own {
        let after = me.get(&report).await;
        assert!(
            !after.body.contains("\"provider\":\"BKD Provinsi\""),
            "{}",
            after.body
        );
    }
    let pdf = me.get(&format!("/pegawai/{}/laporan", w.own)).await;
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    assert!(pdf.body.starts_with("%PDF-"));
    // Another person's report stays closed to the employee.
    let other = me.get(&format!("/pegawai/{}/laporan", w.other)).await;
    assert_eq!(other.status, 403);
    // The recap workbook.
    let recap = admin.get("/acara/asesmen-uji/rekap").await;
    assert_eq!(recap.status, 200);
}

#[test]
fn the_ratings_api_refuses_bad_json_in_bahasa_and_answers_a_stale_save_with_409_and_the_stored_value()
 {
    each_world(|w, state| {
        Box::pin(async move {
            let asesor = w.client(&state, Role::Assessor);
            let ratings = "/api/v1/events/asesmen-uji/ratings";
            let list = asesor.get(ratings).await;
            assert_eq!(list.status, 200);
            let p = list.json()["participants"][0]["employee_id"]
                .as_i64()
                .expect("a participant");
            let bad = asesor.post_json(ratings, "{ bukan json").await;
            bad.assert_shows(422, "isi permintaan bukan JSON yang sah");
            let level = asesor.post_json(ratings,
                &format!(r#"{{"employee_id":{p},"ratings":[{{"method":"wawancara","competency":"M.1","level":"6","evidence":"x","version":null}}]}}"#)).await;
            level.assert_shows(422, "level '6' tidak sah");
            let body = |l: &str| {
                format!(
                    r#"{{"employee_id":{p},"ratings":[{{"method":"wawancara","competency":"M.1","level":"{l}","evidence":"contoh","version":null}}]}}"#
                )
            };
            let first = asesor.post_json(ratings, &body("3")).await;
            assert_eq!(first.status, 200, "{}", first.body);
            let second = asesor.post_json(ratings, &body("4")).await;
            assert_eq!(second.status, 409, "{}", second.body);
            let v = second.json();
            assert_eq!(v["conflicts"][0]["stored"]["level"], 3.0);
            assert_eq!(v["conflicts"][0]["stored"]["version"], 1);
            assert_eq!(v["saved"], 0);
        })
    });
}
