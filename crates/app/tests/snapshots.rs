//! Snapshot tests (insta) of the documents the use cases make, on the demo Kota Mojokerto as it
//! stands on the fixed day: one workbook (the successors of an Administrator post), one printed
//! list (the same list as a PDF) and one official letter (the draft decree list of a rotation,
//! PDF/A). Documents are snapshotted as text, never as bytes: a workbook read back with
//! calamine, one sheet after the other (its name, then each row with the cells separated by
//! tabs); a PDF as poppler's `pdftotext` reads it (`talenta_fixture::pdf_text`), pages marked.
//! So a snapshot shows what a reader of the document sees, and a change of the zip or PDF
//! encoding alone does not fail it (a new poppler that orders the text differently would: then
//! review the diff and accept it).
//!
//! SQLite only: the documents are made from use-case values, which the engine tests of
//! succession.rs and rotation.rs already check are the same on PostgreSQL. Deterministic: the
//! fixed clock `talenta_fixture::now()` dates every document and the demo is generated from a
//! fixed seed.
//!
//! A changed document, or a missing snapshot, fails here (insta's default; outside CI it also
//! leaves the new text in a `.snap.new`) until the snapshot is reviewed and accepted:
//! `INSTA_UPDATE=always cargo test -p talenta-app --test snapshots`, then read the diff of the
//! `.snap` files in `tests/snapshots/`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use talenta_app::access::{Actor, Role};
use talenta_app::rotation::{self, PlanSpec};
use talenta_app::succession::{self, SuccessionList};
use talenta_domain::PositionClass;
use talenta_fixture::{self as fx, ctx};
use talenta_store::Db;

/// A workbook as text: per sheet a line `== <name> ==`, then its rows, the cells separated by
/// tabs (a tab or line break inside a cell written `\t`, `\n`; trailing empty cells left out).
fn xlsx_text(bytes: Vec<u8>) -> String {
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    for name in wb.sheet_names() {
        out.push_str(&format!("== {name} ==\n"));
        let range = wb.worksheet_range(&name).unwrap();
        for row in range.rows() {
            let mut cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .map(|s| s.replace('\t', "\\t").replace('\n', "\\n"))
                .collect();
            while cells.last().is_some_and(String::is_empty) {
                cells.pop();
            }
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
    out
}

/// A PDF as text: what `pdftotext` reads, each page after a line `== halaman N ==`.
fn pdf_text(bytes: &[u8]) -> String {
    let text = fx::pdf_text(bytes);
    let mut out = String::new();
    // pdftotext ends every page with a form feed.
    for (i, page) in text.split('\u{c}').filter(|p| !p.is_empty()).enumerate() {
        out.push_str(&format!("== halaman {} ==\n", i + 1));
        out.push_str(page.trim_end_matches('\n'));
        out.push('\n');
    }
    out
}

fn mojokerto(db: &mut Db) -> Actor {
    fx::mojokerto(db, fx::today(), Role::TenantAdmin)
}

/// The successors of the first Administrator post (by code) that has any, ranked.
fn successors(db: &mut Db, admin: &Actor) -> SuccessionList {
    let mut posts = talenta_store::master::list_positions(db, admin.tenant.id).unwrap();
    posts.sort_by(|a, b| a.code.cmp(&b.code));
    posts
        .iter()
        .filter(|p| p.class == PositionClass::Administrator)
        .find_map(|p| {
            let list =
                succession::successors(db, &ctx(), &admin.grant().unwrap(), p.id, fx::today())
                    .unwrap();
            (!list.candidates.is_empty()).then_some(list)
        })
        .expect("an Administrator post with successors")
}

#[test]
fn successors_workbook_and_printed_list() {
    let mut t = fx::sqlite();
    let admin = mojokerto(&mut t.db);
    let mut list = successors(&mut t.db, &admin);
    // The first six of the ranked pool (two ready now, four not, for different reasons): the
    // whole document's layout with every kind of row, small enough to review by eye.
    assert!(
        list.candidates.len() > 6,
        "a long list, cut for the snapshot"
    );
    list.candidates.truncate(6);
    insta::assert_snapshot!(
        "successors_xlsx",
        xlsx_text(succession::successors_xlsx(&list, fx::now()).unwrap())
    );
    insta::assert_snapshot!(
        "successors_pdf",
        pdf_text(&succession::successors_pdf(&list).unwrap())
    );
}

#[test]
fn rotation_decree_list_an_official_letter_pdf_a() {
    let mut t = fx::sqlite();
    let admin = mojokerto(&mut t.db);
    let mut posts: Vec<String> = talenta_store::master::list_positions(&mut t.db, admin.tenant.id)
        .unwrap()
        .into_iter()
        .filter(|p| p.class == PositionClass::Pengawas)
        .map(|p| p.code)
        .collect();
    posts.sort();
    // Every fourth of the first 32 Pengawas posts: a handful of posts in different fields.
    let posts: Vec<String> = posts.into_iter().take(32).step_by(4).collect();
    let spec = PlanSpec {
        posts,
        performance_weight: 200,
        ..PlanSpec::default()
    };
    let plan = rotation::plan(
        &mut t.db,
        &ctx(),
        &admin.grant().unwrap(),
        &spec,
        fx::today(),
    )
    .unwrap();
    assert!(plan.moves > 0, "someone moves: the list is not empty");
    let pdf = rotation::decree_pdf(&plan, fx::now()).unwrap();
    assert!(
        String::from_utf8_lossy(&pdf).contains("pdfaid:part"),
        "an official letter is PDF/A"
    );
    insta::assert_snapshot!("rotation_decree_pdf", pdf_text(&pdf));
}
