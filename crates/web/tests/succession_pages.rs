//! Succession pages through the real router: the vacancies, a post's list with its declared
//! order, the exports, and a bad month count refused in Bahasa Indonesia.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use common::*;
use talenta_app::access::Role;

#[test]
fn vacancies_and_a_posts_successors_with_their_exports() {
    each_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            let page = admin.get("/suksesi?bulan=24").await;
            page.assert_shows(200, "Jabatan struktural yang kosong");
            let bad = admin.get("/suksesi?bulan=dua").await;
            assert_eq!(bad.status, 422);
            assert!(
                bad.body
                    .contains("bulan &#39;dua&#39; harus bilangan 0-120")
                    || bad.body.contains("bulan 'dua' harus bilangan 0-120"),
                "{}",
                bad.body
            );
            let post = format!("/suksesi/{}", w.position_a);
            admin
                .get(&post)
                .await
                .assert_shows(200, "Urutan: siap sekarang lebih dulu");
            let xlsx = admin.get(&format!("{post}/xlsx")).await;
            assert_eq!(xlsx.status, 200);
            assert!(xlsx.header("content-type").contains("spreadsheetml"));
            let pdf = admin.get(&format!("{post}/pdf")).await;
            assert!(pdf.body.starts_with("%PDF-"));
            let api = admin
                .get(&format!("/api/v1/positions/{}/successors", w.position_a))
                .await;
            let v = api.json();
            assert!(v["tie_rule"].as_str().unwrap().starts_with("Urutan"));
            assert!(v["candidates"].is_array());
        })
    });
}

#[test]
fn the_talent_map_of_an_earlier_year_its_export_and_a_year_out_of_range() {
    each_world(|w, state| {
        Box::pin(async move {
            let admin = w.client(&state, Role::TenantAdmin);
            let page = admin.get("/peta-talenta?tahun=2025").await;
            assert_eq!(page.status, 200);
            page.assert_says("2025-12-31", "the map as it stood at the end of 2025");
            page.assert_says("/peta-talenta/xlsx?tahun=2025", "the export keeps the year");
            admin
                .get("/peta-talenta?tahun=1990")
                .await
                .assert_shows(422, "tahun 1990 tidak dapat dipetakan");
            let xlsx = admin.get("/peta-talenta/xlsx?tahun=2025").await;
            assert_eq!(xlsx.status, 200);
            assert!(
                xlsx.header("content-disposition")
                    .contains("peta-talenta-2025-12-31.xlsx")
            );
            let v = admin.get("/api/v1/talent-map?year=2025").await.json();
            assert_eq!(v["as_of"], "2025-12-31");
            let me = w.client(&state, Role::Employee);
            assert_eq!(me.get("/peta-talenta/xlsx").await.status, 403);
        })
    });
}
