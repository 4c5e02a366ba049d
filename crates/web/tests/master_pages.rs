//! Uploads and the standard editor through the real router.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use axum::body::Body;
use axum::http::Request;
use common::*;
use talenta_app::access::Role;

fn multipart(csrf: &str, cookie: &str, kind: &str, name: &str, content: &[u8]) -> Request<Body> {
    let boundary = "XbatasX";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{kind}\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    Request::post(format!("/impor?_csrf={csrf}"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header("cookie", format!("__Host-talenta={cookie}"))
        .body(Body::from(body))
        .unwrap()
}

#[test]
fn an_upload_with_one_bad_row_shows_the_row_and_changes_nothing_and_the_report_downloads() {
    for w in worlds() {
        rt().block_on(async {
            let state = w.state();
            let (cookie, csrf) = w.session(Role::Operator);
            let csv = "NIP;Nama;Kode Jabatan\n197001012000031009;Budi Baru;KABID\n1970010120000310;Salah;KABID\n";
            let r = send(&state, multipart(&csrf, &cookie, "employees", "pegawai.csv", csv.as_bytes())).await;
            assert_eq!(r.status, 422, "{}", w.db.name);
            assert!(r.body.contains("<td class=\"row\">3</td>"), "{}", r.body);
            assert!(r.body.contains("NIP harus 18 digit, ditemukan 16 digit"));
            assert!(r.body.contains("tidak ada data yang diubah"));
            let list = send(&state, get("/pegawai?q=budi%20baru", Some(&cookie))).await;
            assert!(list.body.contains("0 pegawai ditemukan"), "nothing imported");
            let start = r.body.find("/impor/laporan/").unwrap();
            let link: String = r.body[start..].chars().take_while(|c| *c != '"').collect();
            let report = send(&state, get(&link, Some(&cookie))).await;
            assert_eq!(report.status, 200);
            assert!(report.headers["content-disposition"].to_str().unwrap().contains("laporan-impor-employees.xlsx"));
            // Another tenant's operator cannot fetch it (the id is unknown there).
            let good = "NIP;Nama;Kode Jabatan\n197001012000031009;Budi Baru;KABID\n";
            let ok = send(&state, multipart(&csrf, &cookie, "employees", "pegawai.csv", good.as_bytes())).await;
            assert_eq!(ok.status, 200, "{}", ok.body);
            assert!(ok.body.contains("1 baru"), "{}", ok.body);
            let list = send(&state, get("/pegawai?q=budi%20baru", Some(&cookie))).await;
            assert!(list.body.contains("1 pegawai ditemukan"));
        });
    }
}

#[test]
fn a_hostile_upload_is_refused_as_a_whole_and_an_upload_without_the_token_is_refused() {
    let w = World::new(talenta_store::testing::sqlite());
    rt().block_on(async {
        let state = w.state();
        let (cookie, csrf) = w.session(Role::TenantAdmin);
        let r = send(
            &state,
            multipart(
                &csrf,
                &cookie,
                "employees",
                "palsu.xlsx",
                b"bukan excel sama sekali",
            ),
        )
        .await;
        assert_eq!(r.status, 422);
        assert!(r.body.contains("Berkas ditolak"), "{}", r.body);
        let r = send(
            &state,
            multipart("salah", &cookie, "employees", "a.csv", b"NIP,Nama\n"),
        )
        .await;
        assert_eq!(r.status, 403);
        let (employee, ecsrf) = w.session(Role::Employee);
        let r = send(
            &state,
            multipart(&ecsrf, &employee, "employees", "a.csv", b"NIP,Nama\n"),
        )
        .await;
        assert_eq!(r.status, 403, "employees may not import");
    });
}

#[test]
fn the_standard_editor_saves_valid_levels_and_refuses_invalid_ones_without_losing_anything() {
    for w in worlds() {
        rt().block_on(async {
            let state = w.state();
            let (cookie, csrf) = w.session(Role::TenantAdmin);
            let path = format!("/jabatan/{}/standar", w.position_a);
            let page = send(
                &state,
                get(&format!("/jabatan/{}", w.position_a), Some(&cookie)),
            )
            .await;
            assert!(
                page.body.contains("name=\"M.1\" value=\"3\""),
                "{}",
                page.body
            );
            let bad = send(
                &state,
                post_form(
                    &path,
                    Some(&cookie),
                    &format!("_csrf={csrf}&M.1=4&M.2=7&M.3=2%2C5"),
                ),
            )
            .await;
            assert_eq!(bad.status, 422);
            assert!(
                bad.body.contains("M.2: level 7 di luar rentang 1 sampai 5"),
                "{}",
                bad.body
            );
            assert!(
                bad.body.contains("name=\"M.2\" value=\"7\""),
                "what was typed is kept"
            );
            let page = send(
                &state,
                get(&format!("/jabatan/{}", w.position_a), Some(&cookie)),
            )
            .await;
            assert!(
                page.body.contains("name=\"M.1\" value=\"3\""),
                "nothing saved"
            );
            let good = send(
                &state,
                post_form(
                    &path,
                    Some(&cookie),
                    &format!("_csrf={csrf}&M.1=4&M.2=3&M.3=2%2C5&T.ORG-1=3"),
                ),
            )
            .await;
            assert_eq!(good.status, 200, "{}", good.body);
            assert!(good.body.contains("Standar kompetensi disimpan."));
            assert!(good.body.contains("name=\"M.3\" value=\"2.5\""));
            assert!(good.body.contains("T.ORG-1"));
            let log = send(&state, get("/audit", Some(&cookie))).await;
            assert!(log.body.contains("position.standard"), "{}", w.db.name);
            // An operator of the same tenant may edit; the PPK may only look.
            let (ppk, pcsrf) = w.session(Role::DecisionMaker);
            let view = send(
                &state,
                get(&format!("/jabatan/{}", w.position_a), Some(&ppk)),
            )
            .await;
            assert!(!view.body.contains("Simpan standar"));
            assert_eq!(
                send(
                    &state,
                    post_form(&path, Some(&ppk), &format!("_csrf={pcsrf}&M.1=5"))
                )
                .await
                .status,
                403
            );
        });
    }
}

#[test]
fn english_can_be_chosen_and_is_remembered() {
    let w = World::new(talenta_store::testing::sqlite());
    rt().block_on(async {
        let state = w.state();
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
    });
}

#[test]
fn an_event_page_shows_its_schedule_replans_and_gives_its_roster() {
    for w in worlds() {
        rt().block_on(async {
            let state = w.state();
            let (cookie, csrf) = w.session(Role::Operator);
            let list = send(&state, get("/acara", Some(&cookie))).await;
            assert!(list.body.contains("asesmen-uji"), "{}", w.db.name);
            let page = send(&state, get("/acara/asesmen-uji", Some(&cookie))).await;
            assert_eq!(page.status, 200);
            assert!(page.body.contains("Asesor Satu") || page.body.contains("Asesor Dua"));
            assert!(page.body.contains("Susun jadwal"));
            let planned = send(
                &state,
                post_form(
                    "/acara/asesmen-uji/jadwal",
                    Some(&cookie),
                    &format!("_csrf={csrf}"),
                ),
            )
            .await;
            assert_eq!(planned.status, 200);
            assert!(
                planned.body.contains("Jadwal disusun: 2 peserta"),
                "{}",
                planned.body
            );
            let roster = send(&state, get("/acara/asesmen-uji/daftar", Some(&cookie))).await;
            assert_eq!(roster.status, 200);
            assert!(
                roster.headers["content-disposition"]
                    .to_str()
                    .unwrap()
                    .contains("daftar-asesmen-uji.xlsx")
            );
            for (url, file) in [
                (
                    "/acara/asesmen-uji/daftar-hadir",
                    "daftar-hadir-asesmen-uji.pdf",
                ),
                ("/acara/asesmen-uji/undangan", "undangan-asesmen-uji.pdf"),
            ] {
                let pdf = send(&state, get(url, Some(&cookie))).await;
                assert_eq!(pdf.status, 200, "{url}");
                assert_eq!(pdf.headers["content-type"], "application/pdf");
                assert!(
                    pdf.headers["content-disposition"]
                        .to_str()
                        .unwrap()
                        .contains(file)
                );
                assert!(pdf.body.starts_with("%PDF-"), "{url} is a PDF file");
            }
            let act = |path: &str, body: &str| {
                post_form(path, Some(&cookie), &format!("_csrf={csrf}&{body}"))
            };
            let came = send(
                &state,
                act("/acara/asesmen-uji/hadir", "nip=198001012005011001"),
            )
            .await;
            assert_eq!(came.status, 200, "{}", came.body);
            assert!(came.body.contains("hadir: hari 1, sesi 1"), "{}", came.body);
            let again = send(
                &state,
                act("/acara/asesmen-uji/hadir", "nip=198001012005011001"),
            )
            .await;
            assert_eq!(again.status, 422);
            assert!(again.body.contains("sudah tercatat hadir"));
            let stranger = send(
                &state,
                act("/acara/asesmen-uji/hadir", "nip=198203032007011003"),
            )
            .await;
            assert_eq!(
                stranger.status, 422,
                "another government's employee is not found here"
            );
            assert!(
                stranger.body.contains("tidak terdaftar"),
                "{}",
                stranger.body
            );
            let typo = send(&state, act("/acara/asesmen-uji/hadir", "nip=1980")).await;
            assert_eq!(typo.status, 422);
            assert!(typo.body.contains("NIP:"), "{}", typo.body);
            let no_day = send(
                &state,
                act(
                    "/acara/asesmen-uji/pindah",
                    "nip=198102022006012002&day=2&session=1",
                ),
            )
            .await;
            assert_eq!(no_day.status, 422, "the event has one day");
            let zero = send(
                &state,
                act(
                    "/acara/asesmen-uji/pindah",
                    "nip=198102022006012002&day=0&session=1",
                ),
            )
            .await;
            assert!(
                zero.body.contains("hari harus bilangan bulat mulai 1"),
                "{}",
                zero.body
            );
            let (viewer, viewer_csrf) = w.session(Role::DecisionMaker);
            let refused = send(
                &state,
                post_form(
                    "/acara/asesmen-uji/hadir",
                    Some(&viewer),
                    &format!("_csrf={viewer_csrf}&nip=198102022006012002"),
                ),
            )
            .await;
            assert_eq!(refused.status, 403, "the PPK does not record attendance");
            let no_such_day = send(
                &state,
                act(
                    "/acara/asesmen-uji/berhalangan",
                    "who=198102022006012002&days=2",
                ),
            )
            .await;
            assert_eq!(no_such_day.status, 422);
            assert!(
                no_such_day
                    .body
                    .contains("hari 2 tidak ada; acara ini 1 hari"),
                "{}",
                no_such_day.body
            );
            let free = send(
                &state,
                act("/acara/asesmen-uji/berhalangan", "who=Asesor+Dua&days="),
            )
            .await;
            assert_eq!(free.status, 200, "{}", free.body);
            assert!(
                free.body.contains("Asesor Dua dapat hadir setiap hari"),
                "{}",
                free.body
            );
            let ghost = send(
                &state,
                act("/acara/asesmen-uji/berhalangan", "who=Asesor+Hantu&days=1"),
            )
            .await;
            assert!(
                ghost
                    .body
                    .contains("asesor &#39;Asesor Hantu&#39; tidak ada dalam acara ini"),
                "{}",
                ghost.body
            );
            let declared = send(
                &state,
                act(
                    "/acara/asesmen-uji/konflik",
                    "assessor=Asesor+Dua&nip=198001012005011001&relation=saudara+kandung",
                ),
            )
            .await;
            assert_eq!(declared.status, 200, "{}", declared.body);
            assert!(
                declared.body.contains("Hubungan dicatat"),
                "{}",
                declared.body
            );
            let vague = send(
                &state,
                act(
                    "/acara/asesmen-uji/konflik",
                    "assessor=Asesor+Dua&nip=198001012005011001&relation=",
                ),
            )
            .await;
            assert_eq!(vague.status, 422);
            assert!(
                vague.body.contains("sebutkan hubungannya"),
                "{}",
                vague.body
            );
            let published = send(&state, act("/acara/asesmen-uji/terbitkan", "")).await;
            assert_eq!(published.status, 200, "{}", published.body);
            assert!(published.body.contains("Jadwal diterbitkan dan terkunci"));
            assert!(
                !published.body.contains("Susun jadwal"),
                "a published schedule is not re-planned"
            );
            let locked = send(
                &state,
                act(
                    "/acara/asesmen-uji/pindah",
                    "nip=198102022006012002&day=1&session=1",
                ),
            )
            .await;
            assert_eq!(locked.status, 422);
            assert!(locked.body.contains("sudah diterbitkan"), "{}", locked.body);
            let (ppk, _) = w.session(Role::DecisionMaker);
            let view = send(&state, get("/acara/asesmen-uji", Some(&ppk))).await;
            assert!(
                !view.body.contains("Susun jadwal"),
                "the PPK sees the schedule but does not plan it"
            );
            assert_eq!(
                send(&state, get("/acara/tidak-ada", Some(&cookie)))
                    .await
                    .status,
                404
            );
        });
    }
}

#[test]
fn an_event_is_created_from_the_form_and_a_bad_form_keeps_what_was_typed() {
    let w = World::new(talenta_store::testing::sqlite());
    rt().block_on(async {
        let state = w.state();
        let (cookie, csrf) = w.session(Role::TenantAdmin);
        let form = send(&state, get("/acara/baru", Some(&cookie))).await;
        assert_eq!(form.status, 200);
        assert!(form.body.contains("name=\"assessors\""));
        let bad = format!("_csrf={csrf}&code=uji-2&name=Uji&dates=2026-13-01&sessions=10&method=wawancara&min_methods=1&per_participant=1&max_per_assessor=5&unit_share=100&assessors=Asesor+A%7CBKD");
        let r = send(&state, post_form("/acara", Some(&cookie), &bad)).await;
        assert_eq!(r.status, 422);
        assert!(r.body.contains("tanggal &#39;2026-13-01&#39; tidak sah: gunakan TTTT-BB-HH"), "{}", r.body);
        assert!(r.body.contains("value=\"uji-2\""), "what was typed is kept");
        let bad_matrix = format!("{bad}&matrix=M.1%3A+wawancara%2C+menari&rooms=Ruang+Mawar");
        let r = send(&state, post_form("/acara", Some(&cookie), &bad_matrix)).await;
        assert_eq!(r.status, 422);
        assert!(r.body.contains("matriks kompetensi x metode: baris 1: metode &#39;menari&#39; tidak dikenal"), "{}", r.body);
        assert!(r.body.contains("M.1: wawancara, menari</textarea>"), "the matrix as typed is kept");
        assert!(r.body.contains("value=\"Ruang Mawar\""), "the rooms as typed are kept");
        let good = format!("_csrf={csrf}&code=uji-2&name=Uji+Dua&purpose=pemetaan&dates=2026-12-08&sessions=10&method=wawancara&method=tes-tertulis&min_methods=1&per_participant=1&max_per_assessor=5&unit_share=100&assessors=Asesor+A%7CBKD%0D%0AAsesor+B%7CBKD");
        let r = send(&state, post_form("/acara", Some(&cookie), &good)).await;
        assert_eq!(r.status, 303, "{}", r.body);
        assert_eq!(r.headers["location"], "/acara/uji-2");
        let page = send(&state, get("/acara/uji-2", Some(&cookie))).await;
        assert!(page.body.contains("2 peserta"), "{}", page.body);
        let bad_cohort = format!("{bad}&eselon=II.a%2C+V.z&nips=12345");
        let r = send(&state, post_form("/acara", Some(&cookie), &bad_cohort)).await;
        assert_eq!(r.status, 422);
        assert!(r.body.contains("eselon &#39;V.z&#39; tidak dikenal"), "{}", r.body);
        assert!(r.body.contains("daftar NIP peserta &#39;12345&#39;"), "{}", r.body);
        let listed = good.replace("code=uji-2", "code=uji-3") + "&eselon=III.b&nips=198102022006012002";
        let r = send(&state, post_form("/acara", Some(&cookie), &listed)).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let page = send(&state, get("/acara/uji-3", Some(&cookie))).await;
        assert!(page.body.contains("1 peserta"), "only the listed person: {}", page.body);
        let dup = send(&state, post_form("/acara", Some(&cookie), &good)).await;
        assert_eq!(dup.status, 422);
        assert!(dup.body.contains("sudah ada"));
    });
}

#[test]
fn the_api_plans_an_event_with_a_key_and_answers_a_refusal_as_json() {
    let w = World::new(talenta_store::testing::sqlite());
    rt().block_on(async {
        let state = w.state();
        let key = &w
            .api_keys
            .iter()
            .find(|(r, _)| *r == Role::Operator)
            .unwrap()
            .1;
        let req = Request::post("/api/v1/events/asesmen-uji/schedule")
            .header("authorization", format!("Bearer {key}"))
            .body(Body::empty())
            .unwrap();
        let r = send(&state, req).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["participants"], 2);
        let ppk = &w
            .api_keys
            .iter()
            .find(|(r, _)| *r == Role::DecisionMaker)
            .unwrap()
            .1;
        let req = Request::post("/api/v1/events/asesmen-uji/schedule")
            .header("authorization", format!("Bearer {ppk}"))
            .body(Body::empty())
            .unwrap();
        assert_eq!(send(&state, req).await.status, 403);
        let req = Request::post("/api/v1/events/tidak-ada/schedule")
            .header("authorization", format!("Bearer {key}"))
            .body(Body::empty())
            .unwrap();
        let r = send(&state, req).await;
        assert_eq!(r.status, 422);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["error"]["message"], "acara 'tidak-ada' tidak ditemukan");
    });
}
