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
    for w in worlds() {
        rt().block_on(flow(&w));
    }
}

async fn flow(w: &World) {
    let state = w.state();
    let (cookie, csrf) = w.session(Role::Assessor);
    let list = send(&state, get("/acara/asesmen-uji/nilai", Some(&cookie))).await;
    assert_eq!(list.status, 200, "{}", w.db.name);
    // Asesor Satu's participant: the first link of the list.
    let participant: i64 = list
        .body
        .split("nilai?peserta=")
        .nth(1)
        .expect("the assessor has a participant")
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let sheet_path = format!("/acara/asesmen-uji/nilai?peserta={participant}");
    let tab1 = send(&state, get(&sheet_path, Some(&cookie))).await;
    assert_eq!(tab1.status, 200);
    assert!(
        tab1.body.contains("Wawancara berbasis kompetensi"),
        "{}",
        tab1.body
    );
    // A bad level: refused with its reason, nothing stored.
    let bad = sheet_form(&tab1.body, &csrf, participant, "7", "draf");
    let r = send(
        &state,
        post_form("/acara/asesmen-uji/nilai", Some(&cookie), &bad),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("level &#39;7&#39; tidak sah") || r.body.contains("level '7' tidak sah"),
        "{}",
        r.body
    );
    let tab2 = send(&state, get(&sheet_path, Some(&cookie))).await;
    // Tab 1 saves 3,5 everywhere; tab 2, opened before, then saves 2,5: refused, 3,5 shown.
    let first = sheet_form(&tab1.body, &csrf, participant, "3,5", "draf");
    let r = send(
        &state,
        post_form("/acara/asesmen-uji/nilai", Some(&cookie), &first),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Draf disimpan"), "{}", r.body);
    let second = sheet_form(&tab2.body, &csrf, participant, "2,5", "draf");
    let r = send(
        &state,
        post_form("/acara/asesmen-uji/nilai", Some(&cookie), &second),
    )
    .await;
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(
        r.body.contains("Anda mengisi 2,5, tersimpan 3,5"),
        "{}",
        r.body
    );
    // The page now shows the stored values; submitting them works.
    let submit = sheet_form(&r.body, &csrf, participant, "3,5", "kirim");
    let r = send(
        &state,
        post_form("/acara/asesmen-uji/nilai", Some(&cookie), &submit),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Penilaian dikirim"), "{}", r.body);
    // The admin integrates, finalises this participant and publishes.
    let (admin, admin_csrf) = w.session(Role::TenantAdmin);
    let page = send(&state, get("/acara/asesmen-uji/hasil", Some(&admin))).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("siap difinalkan"), "{}", page.body);
    let r = send(
        &state,
        post_form(
            "/acara/asesmen-uji/finalisasi",
            Some(&admin),
            &format!("_csrf={admin_csrf}&nip="),
        ),
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("1 hasil difinalkan"), "{}", r.body);
    // Locked for the assessor now.
    let late = send(
        &state,
        post_form("/acara/asesmen-uji/nilai", Some(&cookie), &submit),
    )
    .await;
    assert_eq!(late.status, 422);
    assert!(late.body.contains("sudah final"), "{}", late.body);
    // The employee of the world is the finalised participant or the other one: whoever it is,
    // their newest visible result is never the unpublished one.
    let (me, _) = w.session(Role::Employee);
    let before = send(
        &state,
        get(&format!("/api/v1/employees/{}/report", w.own), Some(&me)),
    )
    .await;
    assert_eq!(
        before.status, 200,
        "an older imported result is visible: {}",
        before.body
    );
    assert!(
        before.body.contains("\"provider\":\"BKD Provinsi\""),
        "{}",
        before.body
    );
    let r = send(
        &state,
        post_form(
            "/acara/asesmen-uji/umumkan-hasil",
            Some(&admin),
            &format!("_csrf={admin_csrf}"),
        ),
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("1 hasil diumumkan"), "{}", r.body);
    if participant == w.own {
        let after = send(
            &state,
            get(&format!("/api/v1/employees/{}/report", w.own), Some(&me)),
        )
        .await;
        assert!(
            !after.body.contains("\"provider\":\"BKD Provinsi\""),
            "{}",
            after.body
        );
    }
    let pdf = send(
        &state,
        get(&format!("/pegawai/{}/laporan", w.own), Some(&me)),
    )
    .await;
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    assert!(pdf.body.starts_with("%PDF-"));
    // Another person's report stays closed to the employee.
    let other = send(
        &state,
        get(&format!("/pegawai/{}/laporan", w.other), Some(&me)),
    )
    .await;
    assert_eq!(other.status, 403);
    // The recap workbook.
    let recap = send(&state, get("/acara/asesmen-uji/rekap", Some(&admin))).await;
    assert_eq!(recap.status, 200);
}

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
fn the_ratings_api_refuses_bad_json_in_bahasa_and_answers_a_stale_save_with_409_and_the_stored_value()
 {
    for w in worlds() {
        rt().block_on(async {
            let state = w.state();
            let s = w.session(Role::Assessor);
            let list = send(&state, get("/api/v1/events/asesmen-uji/ratings", Some(&s.0))).await;
            assert_eq!(list.status, 200);
            let v: serde_json::Value = serde_json::from_str(&list.body).unwrap();
            let p = v["participants"][0]["employee_id"].as_i64().expect("a participant");
            let bad = send(&state, post_json("/api/v1/events/asesmen-uji/ratings", &s, "{ bukan json")).await;
            assert_eq!(bad.status, 422);
            assert!(bad.body.contains("isi permintaan bukan JSON yang sah"), "{}", bad.body);
            let level = send(&state, post_json("/api/v1/events/asesmen-uji/ratings", &s,
                &format!(r#"{{"employee_id":{p},"ratings":[{{"method":"wawancara","competency":"M.1","level":"6","evidence":"x","version":null}}]}}"#))).await;
            assert_eq!(level.status, 422);
            assert!(level.body.contains("level '6' tidak sah"), "{}", level.body);
            let body = |l: &str| format!(r#"{{"employee_id":{p},"ratings":[{{"method":"wawancara","competency":"M.1","level":"{l}","evidence":"contoh","version":null}}]}}"#);
            let first = send(&state, post_json("/api/v1/events/asesmen-uji/ratings", &s, &body("3"))).await;
            assert_eq!(first.status, 200, "{}", first.body);
            let second = send(&state, post_json("/api/v1/events/asesmen-uji/ratings", &s, &body("4"))).await;
            assert_eq!(second.status, 409, "{}", second.body);
            let v: serde_json::Value = serde_json::from_str(&second.body).unwrap();
            assert_eq!(v["conflicts"][0]["stored"]["level"], 3.0);
            assert_eq!(v["conflicts"][0]["stored"]["version"], 1);
            assert_eq!(v["saved"], 0);
        });
    }
}
