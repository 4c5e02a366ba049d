//! Bad input on the forms added for results, rotation and selections: each refused with its
//! reason in Bahasa Indonesia (422), what was typed kept, and nothing stored.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use common::*;
use talenta_app::access::Role;

fn unescaped(body: &str) -> String {
    body.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn rotation_results_and_selection_forms_refuse_bad_input_with_the_reason() {
    for w in worlds() {
        rt().block_on(async {
            let state = w.state();
            let (admin, csrf) = w.session(Role::TenantAdmin);
            // Rotation: a bad NIP in a pin, a weight that is not a number, an unknown post.
            let r = send(&state, get("/rotasi?jabatan=KABID&bobot_kinerja=dua&sematkan=123%3DKABID", Some(&admin))).await;
            assert_eq!(r.status, 422);
            let body = unescaped(&r.body);
            assert!(body.contains("bobot kinerja: 'dua' bukan bilangan bulat"), "{body}");
            assert!(body.contains("sematkan '123=KABID'"), "{body}");
            assert!(body.contains("value=\"dua\""), "what was typed is kept");
            let r = send(&state, get("/rotasi?jabatan=TIDAK-ADA", Some(&admin))).await;
            assert_eq!(r.status, 422);
            assert!(unescaped(&r.body).contains("jabatan tidak ditemukan: TIDAK-ADA"));
            // Results: a consensus for an unknown competency and a bad level.
            let r = send(
                &state,
                post_form("/acara/asesmen-uji/konsensus", Some(&admin), &format!("_csrf={csrf}&nip=198102022006012002&competency=M.9&level=3&reason=x")),
            )
            .await;
            assert_eq!(r.status, 422);
            assert!(unescaped(&r.body).contains("kompetensi 'M.9' tidak dikenal"), "{}", r.body);
            let r = send(
                &state,
                post_form("/acara/asesmen-uji/koreksi", Some(&admin), &format!("_csrf={csrf}&nip=198102022006012002&competency=M.1&level=7&reason=x")),
            )
            .await;
            assert_eq!(r.status, 422);
            assert!(unescaped(&r.body).contains("level '7' tidak sah"), "{}", r.body);
            // Selection set-up: a bad stage line and a bad date; nothing stored.
            let r = send(
                &state,
                post_form(
                    "/seleksi",
                    Some(&admin),
                    &format!("_csrf={csrf}&code=baru&name=Baru&kind=terbuka&posts=KABID&stages=ceramah%3A100%3A60&quorum=1&opens_on=2026-13-01&closes_on=2026-11-30&panel=A%7CX%7Cluar%7Cketua%7C"),
                ),
            )
            .await;
            assert_eq!(r.status, 422);
            let body = unescaped(&r.body);
            assert!(body.contains("tahap 'ceramah:100:60': jenis tidak dikenal"), "{body}");
            assert!(body.contains("tanggal dibuka '2026-13-01' tidak sah"), "{body}");
            let list = send(&state, get("/api/v1/selections", Some(&admin))).await;
            assert!(!list.body.contains("\"baru\""), "nothing stored");
            // A panel member's score that is not a number.
            let (pansel, pcsrf) = w.session(Role::PanelMember);
            let r = send(&state, post_form("/seleksi/seleksi-uji/nilai", Some(&pansel), &format!("_csrf={pcsrf}&applicant=1&stage=wawancara&score=tinggi"))).await;
            assert_eq!(r.status, 422);
            assert!(unescaped(&r.body).contains("nilai 'tinggi' tidak sah"), "{}", r.body);
        });
    }
}
