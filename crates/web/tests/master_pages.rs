//! Uploads and the standard editor through the real router.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use axum::body::Body;
use axum::http::{Method, Request};
use common::*;
use talenta_app::access::Role;

/// `who` uploads `content` as the employees file `name`, with the CSRF token `csrf` in the
/// form's address (as the upload form sends it).
async fn upload(who: &Client, csrf: &str, name: &str, content: &[u8]) -> Reply {
    let boundary = "XbatasX";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nemployees\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let req = Request::post("/impor")
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header("cookie", format!("__Host-talenta={}", who.cookie))
        .body(Body::from(body))
        .unwrap();
    send(&who.state, req).await
}

#[test]
fn an_upload_with_one_bad_row_shows_the_row_and_changes_nothing_and_the_report_downloads() {
    each_world(|w, state| {
        Box::pin(async move {
            let op = w.client(&state, Role::Operator);
            let csv = "NIP;Nama;Kode Jabatan\n197001012000031009;Budi Baru;KABID\n1970010120000310;Salah;KABID\n";
            let r = upload(&op, &op.csrf, "pegawai.csv", csv.as_bytes()).await;
            assert_eq!(r.status, 422, "{}", w.db.name);
            assert!(r.body.contains("<td class=\"row\">3</td>"), "{}", r.body);
            assert!(r.body.contains("NIP harus 18 digit, ditemukan 16 digit"));
            assert!(r.body.contains("tidak ada data yang diubah"));
            let list = op.get("/pegawai?q=budi%20baru").await;
            list.assert_says("0 pegawai ditemukan", "nothing imported");
            let start = r.body.find("/impor/laporan/").unwrap();
            let link: String = r.body[start..].chars().take_while(|c| *c != '"').collect();
            let report = op.get(&link).await;
            assert_eq!(report.status, 200);
            assert!(
                report
                    .header("content-disposition")
                    .contains("laporan-impor-employees.xlsx")
            );
            // Another tenant's operator cannot fetch it (the id is unknown there).
            let good = "NIP;Nama;Kode Jabatan\n197001012000031009;Budi Baru;KABID\n";
            let ok = upload(&op, &op.csrf, "pegawai.csv", good.as_bytes()).await;
            ok.assert_shows(200, "1 baru");
            let list = op.get("/pegawai?q=budi%20baru").await;
            assert!(list.body.contains("1 pegawai ditemukan"));
        })
    });
}

#[test]
fn a_hostile_upload_is_refused_as_a_whole_and_an_upload_without_the_token_is_refused() {
    sqlite_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            let r = upload(
                &admin,
                &admin.csrf,
                "palsu.xlsx",
                b"bukan excel sama sekali",
            )
            .await;
            r.assert_shows(422, "Berkas ditolak");
            let r = upload(&admin, "salah", "a.csv", b"NIP,Nama\n").await;
            assert_eq!(r.status, 403);
            // The right token in the address instead of the form is refused: a token in a URL
            // ends up in logs, history and Referer headers.
            let boundary = "XbatasX";
            let body = format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nemployees\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nNIP,Nama\n\r\n--{boundary}--\r\n"
            );
            let req = Request::post(format!("/impor?_csrf={}", admin.csrf))
                .header(
                    "content-type",
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .header("cookie", format!("__Host-talenta={}", admin.cookie))
                .body(Body::from(body))
                .unwrap();
            assert_eq!(send(&state, req).await.status, 403, "token in the address");
            let employee = w.client(&state, Role::Employee);
            let r = upload(&employee, &employee.csrf, "a.csv", b"NIP,Nama\n").await;
            assert_eq!(r.status, 403, "employees may not import");
        })
    });
}

#[test]
fn the_standard_editor_saves_valid_levels_and_refuses_invalid_ones_without_losing_anything() {
    each_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            let page_path = format!("/jabatan/{}", w.position_a);
            let path = format!("{page_path}/standar");
            let page = admin.get(&page_path).await;
            page.assert_contains("name=\"M.1\" value=\"3\"");
            let bad = admin.post(&path, "M.1=4&M.2=7&M.3=2%2C5").await;
            bad.assert_shows(422, "M.2: level 7 di luar rentang 1 sampai 5");
            bad.assert_says("name=\"M.2\" value=\"7\"", "what was typed is kept");
            let page = admin.get(&page_path).await;
            page.assert_says("name=\"M.1\" value=\"3\"", "nothing saved");
            let good = admin.post(&path, "M.1=4&M.2=3&M.3=2%2C5&T.ORG-1=3").await;
            assert_eq!(good.status, 200, "{}", good.body);
            assert!(good.body.contains("Standar kompetensi disimpan."));
            assert!(good.body.contains("name=\"M.3\" value=\"2.5\""));
            assert!(good.body.contains("T.ORG-1"));
            let log = admin.get("/audit").await;
            assert!(log.body.contains("position.standard"), "{}", w.db.name);
            // An operator of the same tenant may edit; the PPK may only look.
            let ppk = w.client(&state, Role::DecisionMaker);
            let view = ppk.get(&page_path).await;
            assert!(!view.body.contains("Simpan standar"));
            assert_eq!(ppk.post(&path, "M.1=5").await.status, 403);
        })
    });
}

#[test]
fn english_can_be_chosen_and_is_remembered() {
    sqlite_world(|_, state| {
        Box::pin(async move {
            let r = send(&state, get("/masuk?lang=en", None)).await;
            assert!(r.body.contains("Sign in"), "{}", r.body);
            assert!(
                r.headers
                    .get_all("set-cookie")
                    .iter()
                    .any(|c| c.to_str().unwrap().starts_with("talenta-lang=en"))
            );
            let again = Request::get("/masuk")
                .header("cookie", "talenta-lang=en")
                .body(Body::empty())
                .unwrap();
            assert!(send(&state, again).await.body.contains("Sign in"));
            assert!(
                send(&state, get("/masuk", None))
                    .await
                    .body
                    .contains("Masuk"),
                "Bahasa Indonesia by default"
            );
        })
    });
}

#[test]
fn an_event_page_shows_its_schedule_replans_and_gives_its_roster() {
    each_world(|w, state| {
        Box::pin(async move {
            let op = &w.client(&state, Role::Operator);
            let list = op.get("/acara").await;
            assert!(list.body.contains("asesmen-uji"), "{}", w.db.name);
            let page = op.get("/acara/asesmen-uji").await;
            assert_eq!(page.status, 200);
            assert!(page.body.contains("Asesor Satu") || page.body.contains("Asesor Dua"));
            assert!(page.body.contains("Susun jadwal"));
            let planned = op.post("/acara/asesmen-uji/jadwal", "").await;
            planned.assert_shows(200, "Jadwal disusun: 2 peserta");
            let roster = op.get("/acara/asesmen-uji/daftar").await;
            assert_eq!(roster.status, 200);
            assert!(
                roster
                    .header("content-disposition")
                    .contains("daftar-asesmen-uji.xlsx")
            );
            for (url, file) in [
                (
                    "/acara/asesmen-uji/daftar-hadir",
                    "daftar-hadir-asesmen-uji.pdf",
                ),
                ("/acara/asesmen-uji/undangan", "undangan-asesmen-uji.pdf"),
            ] {
                let pdf = op.get(url).await;
                assert_eq!(pdf.status, 200, "{url}");
                assert_eq!(pdf.headers["content-type"], "application/pdf");
                assert!(pdf.header("content-disposition").contains(file));
                assert!(pdf.body.starts_with("%PDF-"), "{url} is a PDF file");
            }
            let act = |what: &str, fields: &'static str| {
                let path = format!("/acara/asesmen-uji/{what}");
                async move { op.post(&path, fields).await }
            };
            let came = act("hadir", "nip=198001012005011001").await;
            came.assert_shows(200, "hadir: hari 1, sesi 1");
            let again = act("hadir", "nip=198001012005011001").await;
            again.assert_shows(422, "sudah tercatat hadir");
            let stranger = act("hadir", "nip=198203032007011003").await;
            assert_eq!(
                stranger.status, 422,
                "another government's employee is not found here"
            );
            stranger.assert_contains("tidak terdaftar");
            act("hadir", "nip=1980").await.assert_shows(422, "NIP:");
            let no_day = act("pindah", "nip=198102022006012002&day=2&session=1").await;
            assert_eq!(no_day.status, 422, "the event has one day");
            act("pindah", "nip=198102022006012002&day=0&session=1")
                .await
                .assert_contains("hari harus bilangan bulat mulai 1");
            let viewer = w.client(&state, Role::DecisionMaker);
            let refused = viewer
                .post("/acara/asesmen-uji/hadir", "nip=198102022006012002")
                .await;
            assert_eq!(refused.status, 403, "the PPK does not record attendance");
            act("berhalangan", "who=198102022006012002&days=2")
                .await
                .assert_shows(422, "hari 2 tidak ada; acara ini 1 hari");
            act("berhalangan", "who=Asesor+Dua&days=")
                .await
                .assert_shows(200, "Asesor Dua dapat hadir setiap hari");
            act("berhalangan", "who=Asesor+Hantu&days=1")
                .await
                .assert_contains("asesor &#39;Asesor Hantu&#39; tidak ada dalam acara ini");
            act(
                "konflik",
                "assessor=Asesor+Dua&nip=198001012005011001&relation=saudara+kandung",
            )
            .await
            .assert_shows(200, "Hubungan dicatat");
            act(
                "konflik",
                "assessor=Asesor+Dua&nip=198001012005011001&relation=",
            )
            .await
            .assert_shows(422, "sebutkan hubungannya");
            let published = act("terbitkan", "").await;
            assert_eq!(published.status, 200, "{}", published.body);
            assert!(published.body.contains("Jadwal diterbitkan dan terkunci"));
            assert!(
                !published.body.contains("Susun jadwal"),
                "a published schedule is not re-planned"
            );
            act("pindah", "nip=198102022006012002&day=1&session=1")
                .await
                .assert_shows(422, "sudah diterbitkan");
            let view = viewer.get("/acara/asesmen-uji").await;
            assert!(
                !view.body.contains("Susun jadwal"),
                "the PPK sees the schedule but does not plan it"
            );
            assert_eq!(op.get("/acara/tidak-ada").await.status, 404);
        })
    });
}

#[test]
fn an_event_is_created_from_the_form_and_a_bad_form_keeps_what_was_typed() {
    sqlite_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            let form = admin.get("/acara/baru").await;
            form.assert_shows(200, "name=\"assessors\"");
            let bad = "code=uji-2&name=Uji&dates=2026-13-01&sessions=10&method=wawancara&min_methods=1&per_participant=1&max_per_assessor=5&unit_share=100&assessors=Asesor+A%7CBKD";
            let r = admin.post("/acara", bad).await;
            r.assert_shows(
                422,
                "tanggal &#39;2026-13-01&#39; tidak sah: gunakan TTTT-BB-HH",
            );
            r.assert_says("value=\"uji-2\"", "what was typed is kept");
            let r = admin
                .post(
                    "/acara",
                    &format!("{bad}&matrix=M.1%3A+wawancara%2C+menari&rooms=Ruang+Mawar"),
                )
                .await;
            r.assert_shows(
                422,
                "matriks kompetensi x metode: baris 1: metode &#39;menari&#39; tidak dikenal",
            );
            r.assert_says(
                "M.1: wawancara, menari</textarea>",
                "the matrix as typed is kept",
            );
            r.assert_says("value=\"Ruang Mawar\"", "the rooms as typed are kept");
            let good = "code=uji-2&name=Uji+Dua&purpose=pemetaan&dates=2026-12-08&sessions=10&method=wawancara&method=tes-tertulis&min_methods=1&per_participant=1&max_per_assessor=5&unit_share=100&assessors=Asesor+A%7CBKD%0D%0AAsesor+B%7CBKD";
            let r = admin.post("/acara", good).await;
            assert_eq!(r.status, 303, "{}", r.body);
            assert_eq!(r.headers["location"], "/acara/uji-2");
            admin.get("/acara/uji-2").await.assert_contains("2 peserta");
            let r = admin
                .post("/acara", &format!("{bad}&eselon=II.a%2C+V.z&nips=12345"))
                .await;
            r.assert_shows(422, "eselon &#39;V.z&#39; tidak dikenal");
            r.assert_contains("daftar NIP peserta &#39;12345&#39;");
            let listed =
                good.replace("code=uji-2", "code=uji-3") + "&eselon=III.b&nips=198102022006012002";
            let r = admin.post("/acara", &listed).await;
            assert_eq!(r.status, 303, "{}", r.body);
            let page = admin.get("/acara/uji-3").await;
            assert!(
                page.body.contains("1 peserta"),
                "only the listed person: {}",
                page.body
            );
            let dup = admin.post("/acara", good).await;
            dup.assert_shows(422, "sudah ada");
        })
    });
}

#[test]
fn the_api_plans_an_event_with_a_key_and_answers_a_refusal_as_json() {
    sqlite_world(|w, state| {
        Box::pin(async move {
            let plan = |event: &str, role: Role| {
                let path = format!("/api/v1/events/{event}/schedule");
                send(&state, with_key(Method::POST, &path, w.api_key(role)))
            };
            let r = plan("asesmen-uji", Role::Operator).await;
            assert_eq!(r.status, 200, "{}", r.body);
            assert_eq!(r.json()["participants"], 2);
            assert_eq!(plan("asesmen-uji", Role::DecisionMaker).await.status, 403);
            // An event that does not exist (in this tenant) is "not found", not a form error.
            let r = plan("tidak-ada", Role::Operator).await;
            assert_eq!(r.status, 404);
            assert_eq!(r.json()["error"]["code"], "not_found");
        })
    });
}
