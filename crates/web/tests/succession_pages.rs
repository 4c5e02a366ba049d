//! Succession pages through the real router: the vacancies, a post's list with its declared
//! order, the exports, and a bad month count refused in Bahasa Indonesia.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use common::*;
use talenta_app::access::Role;

#[test]
fn vacancies_and_a_posts_successors_with_their_exports() {
    for w in worlds() {
        rt().block_on(async {
            let state = w.state();
            let (admin, _) = w.session(Role::TenantAdmin);
            let page = send(&state, get("/suksesi?bulan=24", Some(&admin))).await;
            assert_eq!(page.status, 200);
            assert!(
                page.body.contains("Jabatan struktural yang kosong"),
                "{}",
                page.body
            );
            let bad = send(&state, get("/suksesi?bulan=dua", Some(&admin))).await;
            assert_eq!(bad.status, 422);
            assert!(
                bad.body
                    .contains("bulan &#39;dua&#39; harus bilangan 0-120")
                    || bad.body.contains("bulan 'dua' harus bilangan 0-120"),
                "{}",
                bad.body
            );
            let list = send(
                &state,
                get(&format!("/suksesi/{}", w.position_a), Some(&admin)),
            )
            .await;
            assert_eq!(list.status, 200, "{}", list.body);
            assert!(
                list.body.contains("Urutan: siap sekarang lebih dulu"),
                "{}",
                list.body
            );
            let xlsx = send(
                &state,
                get(&format!("/suksesi/{}/xlsx", w.position_a), Some(&admin)),
            )
            .await;
            assert_eq!(xlsx.status, 200);
            assert!(
                xlsx.headers["content-type"]
                    .to_str()
                    .unwrap()
                    .contains("spreadsheetml")
            );
            let pdf = send(
                &state,
                get(&format!("/suksesi/{}/pdf", w.position_a), Some(&admin)),
            )
            .await;
            assert!(pdf.body.starts_with("%PDF-"));
            let api = send(
                &state,
                get(
                    &format!("/api/v1/positions/{}/successors", w.position_a),
                    Some(&admin),
                ),
            )
            .await;
            let v: serde_json::Value = serde_json::from_str(&api.body).unwrap();
            assert!(v["tie_rule"].as_str().unwrap().starts_with("Urutan"));
            assert!(v["candidates"].is_array());
        });
    }
}

#[test]
fn the_talent_map_of_an_earlier_year_its_export_and_a_year_out_of_range() {
    for w in worlds() {
        rt().block_on(async {
            let state = w.state();
            let (admin, _) = w.session(Role::TenantAdmin);
            let page = send(&state, get("/peta-talenta?tahun=2025", Some(&admin))).await;
            assert_eq!(page.status, 200);
            assert!(
                page.body.contains("2025-12-31"),
                "the map as it stood at the end of 2025"
            );
            assert!(
                page.body.contains("/peta-talenta/xlsx?tahun=2025"),
                "the export keeps the year"
            );
            let bad = send(&state, get("/peta-talenta?tahun=1990", Some(&admin))).await;
            assert_eq!(bad.status, 422);
            assert!(
                bad.body.contains("tahun 1990 tidak dapat dipetakan"),
                "{}",
                bad.body
            );
            let xlsx = send(&state, get("/peta-talenta/xlsx?tahun=2025", Some(&admin))).await;
            assert_eq!(xlsx.status, 200);
            assert!(
                xlsx.headers["content-disposition"]
                    .to_str()
                    .unwrap()
                    .contains("peta-talenta-2025-12-31.xlsx")
            );
            let api = send(&state, get("/api/v1/talent-map?year=2025", Some(&admin))).await;
            let v: serde_json::Value = serde_json::from_str(&api.body).unwrap();
            assert_eq!(v["as_of"], "2025-12-31");
            let (me, _) = w.session(Role::Employee);
            assert_eq!(
                send(&state, get("/peta-talenta/xlsx", Some(&me)))
                    .await
                    .status,
                403
            );
        });
    }
}
