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

/// Asserts that `r` is refused (422) and that its page, unescaped, says each of `reasons`.
#[track_caller]
fn assert_refused(r: &Reply, reasons: &[&str]) {
    assert_eq!(r.status, 422, "{}", r.body);
    let body = unescaped(&r.body);
    for reason in reasons {
        assert!(body.contains(reason), "{body}");
    }
}

#[test]
fn rotation_results_and_selection_forms_refuse_bad_input_with_the_reason() {
    each_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            // Rotation: a bad NIP in a pin, a weight that is not a number, an unknown post.
            let r = admin
                .get("/rotasi?jabatan=KABID&bobot_kinerja=dua&sematkan=123%3DKABID")
                .await;
            assert_refused(
                &r,
                &[
                    "bobot kinerja: 'dua' bukan bilangan bulat",
                    "sematkan '123=KABID'",
                ],
            );
            assert!(
                unescaped(&r.body).contains("value=\"dua\""),
                "what was typed is kept"
            );
            let r = admin.get("/rotasi?jabatan=TIDAK-ADA").await;
            assert_refused(&r, &["jabatan tidak ditemukan: TIDAK-ADA"]);
            // Results: a consensus for an unknown competency and a bad level.
            for (path, fields, reason) in [
                (
                    "/acara/asesmen-uji/konsensus",
                    "nip=198102022006012002&competency=M.9&level=3&reason=x",
                    "kompetensi 'M.9' tidak dikenal",
                ),
                (
                    "/acara/asesmen-uji/koreksi",
                    "nip=198102022006012002&competency=M.1&level=7&reason=x",
                    "level '7' tidak sah",
                ),
            ] {
                assert_refused(&admin.post(path, fields).await, &[reason]);
            }
            // Selection set-up: a bad stage line and a bad date; nothing stored.
            let r = admin.post(
                "/seleksi",
                "code=baru&name=Baru&kind=terbuka&posts=KABID&stages=ceramah%3A100%3A60&quorum=1&opens_on=2026-13-01&closes_on=2026-11-30&panel=A%7CX%7Cluar%7Cketua%7C",
            )
            .await;
            assert_refused(
                &r,
                &[
                    "tahap 'ceramah:100:60': jenis tidak dikenal",
                    "tanggal dibuka '2026-13-01' tidak sah",
                ],
            );
            let list = admin.get("/api/v1/selections").await;
            assert!(!list.body.contains("\"baru\""), "nothing stored");
            // A panel member's score that is not a number.
            let pansel = w.client(&state, Role::PanelMember);
            let r = pansel
                .post(
                    "/seleksi/seleksi-uji/nilai",
                    "applicant=1&stage=wawancara&score=tinggi",
                )
                .await;
            assert_refused(&r, &["nilai 'tinggi' tidak sah"]);
        })
    });
}
