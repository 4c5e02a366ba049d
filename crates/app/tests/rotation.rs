//! Rotation plans on the demo Kota Mojokerto: 50 Pengawas posts among their holders, the move
//! limit, pins, forbidden pairs, staying weight, rectangular plans and an impossible plan.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use std::collections::HashSet;

use chrono::NaiveDate;
use common::assert_refused;
use talenta_app::AppError;
use talenta_app::access::{Actor, Role};
use talenta_app::rotation::{self, Plan, PlanSpec};
use talenta_domain::PositionClass;
use talenta_fixture::{self as fx, ctx};
use talenta_store::{Db, testing};

fn as_of() -> NaiveDate {
    fx::today()
}

fn mojokerto(db: &mut Db) -> Actor {
    fx::mojokerto(db, as_of(), Role::TenantAdmin)
}

/// `n` Pengawas posts spread over the government (their fields, and so their standards, differ).
fn pengawas_posts(db: &mut Db, a: &Actor, n: usize) -> Vec<String> {
    let all: Vec<String> = talenta_store::master::list_positions(db, a.tenant.id)
        .unwrap()
        .into_iter()
        .filter(|p| p.class == PositionClass::Pengawas)
        .map(|p| p.code)
        .collect();
    let step = (all.len() / n).max(1);
    all.into_iter().step_by(step).take(n).collect()
}

/// The rotation plan of `spec` as `a` asks it on the fixed day.
fn plan(db: &mut Db, a: &Actor, spec: &PlanSpec) -> Result<Plan, AppError> {
    rotation::plan(db, &ctx(), &a.grant().unwrap(), spec, as_of())
}

/// The plan of just `posts` among their holders.
fn posts_only(posts: Vec<String>) -> PlanSpec {
    PlanSpec {
        posts,
        ..PlanSpec::default()
    }
}

#[test]
fn fifty_pengawas_posts_the_plan_is_at_least_as_fit_as_now_and_the_move_limit_holds() {
    for mut t in testing::both() {
        let db = &mut t.db;
        let a = mojokerto(db);
        let posts = pengawas_posts(db, &a, 50);
        let spec = PlanSpec {
            posts: posts.clone(),
            performance_weight: 200,
            ..PlanSpec::default()
        };
        let p = plan(db, &a, &spec).unwrap();
        assert!(
            p.total_fit >= p.total_now,
            "{}: {} < {}",
            t.name,
            p.total_fit,
            p.total_now
        );
        assert!(p.moves > 0, "someone fits better elsewhere");
        // The draft decree list: a row per mover in the sheet, each NIP in full on paper.
        use calamine::{Reader, Xlsx, open_workbook_from_rs};
        let xlsx = talenta_app::rotation::decree_xlsx(&p, fx::now()).unwrap();
        let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
        let sheet = wb.worksheet_range("Rancangan SK").unwrap();
        assert_eq!(sheet.get_value((2, 1)).unwrap().to_string(), "NIP");
        assert_eq!(sheet.height(), 3 + p.moves);
        let pdf = talenta_app::rotation::decree_pdf(&p, fx::now()).unwrap();
        assert!(String::from_utf8_lossy(&pdf).contains("pdfaid:part"));
        let text = fx::pdf_text(&pdf);
        for l in p.lines.iter().filter(|l| l.moves) {
            assert!(text.contains(&l.employee.nip.to_string()), "{text}");
        }
        let taken: Vec<&str> = p
            .lines
            .iter()
            .filter_map(|l| l.to.as_ref().map(|x| x.code.as_str()))
            .collect();
        assert_eq!(
            taken.len(),
            taken.iter().collect::<HashSet<_>>().len(),
            "one person per post"
        );
        for l in &p.lines {
            if let (Some(f), Some(to)) = (&l.from, &l.to) {
                assert!(to.class.rung() >= f.class.rung(), "nobody moves down");
            }
            if l.held.is_some() {
                assert!(!l.moves, "a person held by the minimum time stays");
            }
        }
        let limited = plan(
            db,
            &a,
            &PlanSpec {
                max_moves: Some(3),
                ..spec.clone()
            },
        )
        .unwrap();
        assert!(limited.moves <= 3, "{}", limited.moves);
        assert!(limited.total_fit >= limited.total_now);
        assert!(limited.total_fit <= p.total_fit);
        let stay = plan(
            db,
            &a,
            &PlanSpec {
                stay_weight: 1_000_000,
                ..spec.clone()
            },
        )
        .unwrap();
        assert_eq!(stay.moves, 0, "a heavy weight for staying keeps everyone");
    }
}

#[test]
fn a_pin_is_kept_two_pins_on_one_post_are_explained_and_a_forbidden_pair_is_not_used() {
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let a = mojokerto(db);
    let spec = posts_only(pengawas_posts(db, &a, 20));
    let base = plan(db, &a, &spec).unwrap();
    // Pin someone (not held) to another holder's post.
    let mover = base
        .lines
        .iter()
        .find(|l| l.held.is_none() && l.fit_now.is_some())
        .unwrap();
    let target = base
        .lines
        .iter()
        .filter_map(|l| l.from.as_ref())
        .find(|p| Some(p.id) != mover.from.as_ref().map(|x| x.id))
        .unwrap()
        .code
        .clone();
    let pinned = plan(
        db,
        &a,
        &PlanSpec {
            pinned: vec![(mover.employee.nip, target.clone())],
            ..spec.clone()
        },
    )
    .unwrap();
    let line = pinned
        .lines
        .iter()
        .find(|l| l.employee.id == mover.employee.id)
        .unwrap();
    assert_eq!(line.to.as_ref().unwrap().code, target);
    // Two people pinned to the same post.
    let other = base
        .lines
        .iter()
        .find(|l| l.held.is_none() && l.employee.id != mover.employee.id && l.fit_now.is_some())
        .unwrap();
    let err = plan(
        db,
        &a,
        &PlanSpec {
            pinned: vec![
                (mover.employee.nip, target.clone()),
                (other.employee.nip, target.clone()),
            ],
            ..spec.clone()
        },
    )
    .unwrap_err();
    assert_refused!(
        err,
        Rotation,
        rotation::Refusal::PostPinnedTwice { first, second, .. }
            if *first == mover.employee.name && *second == other.employee.name
    );
    // Forbid each mover their planned post: none of them gets it.
    let forbidden: Vec<_> = base
        .lines
        .iter()
        .filter(|l| l.moves)
        .map(|l| (l.employee.nip, l.to.as_ref().unwrap().code.clone()))
        .collect();
    let f = plan(
        db,
        &a,
        &PlanSpec {
            forbidden: forbidden.clone(),
            ..spec.clone()
        },
    )
    .unwrap();
    for (nip, code) in &forbidden {
        let l = f.lines.iter().find(|l| l.employee.nip == *nip).unwrap();
        assert_ne!(l.to.as_ref().map(|p| p.code.as_str()), Some(code.as_str()));
    }
    // Pins needing more moves than allowed.
    let err = plan(
        db,
        &a,
        &PlanSpec {
            pinned: vec![(mover.employee.nip, target)],
            max_moves: Some(0),
            ..spec
        },
    )
    .unwrap_err();
    assert_refused!(
        err,
        Rotation,
        rotation::Refusal::PinsExceedMoves { moves: 1, max: 0 }
    );
}

#[test]
fn more_candidates_than_posts_and_more_posts_than_candidates_both_plan() {
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let a = mojokerto(db);
    let posts = pengawas_posts(db, &a, 5);
    // Ten further Pengawas from elsewhere as candidates.
    let extra: Vec<_> = common::holders_of(db, a.tenant.id, PositionClass::Pengawas)
        .into_iter()
        .filter(|(_, p)| !posts.contains(&p.code))
        .take(10)
        .map(|(e, _)| e.nip)
        .collect();
    let p = plan(
        db,
        &a,
        &PlanSpec {
            candidates: extra,
            ..posts_only(posts.clone())
        },
    )
    .unwrap();
    assert_eq!(p.lines.len(), 15);
    assert_eq!(
        p.lines.iter().filter(|l| l.to.is_some()).count(),
        5,
        "every post filled"
    );
    // A vacant post and nobody else: it stays vacant.
    if let Some(v) = common::vacant_post(db, a.tenant.id, PositionClass::Pengawas) {
        let mut with = posts.clone();
        with.push(v.code.clone());
        let p = plan(db, &a, &posts_only(with)).unwrap();
        assert!(p.lines.len() < 6);
        assert!(!p.vacant.is_empty());
    }
    // Bad input.
    assert_refused!(
        plan(db, &a, &posts_only(vec!["tidak-ada".into()])).unwrap_err(),
        Rotation,
        rotation::Refusal::UnknownPosts { codes } if codes == &["tidak-ada"]
    );
}

#[test]
fn nobody_moves_for_nothing_between_two_posts_with_the_same_standard() {
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let a = mojokerto(db);
    let held = common::held_posts(db, a.tenant.id);
    let posts: Vec<_> = talenta_store::master::list_positions(db, a.tenant.id)
        .unwrap()
        .into_iter()
        .filter(|p| p.class == PositionClass::Pengawas && held.contains(&p.id))
        .collect();
    let first = talenta_store::master::standard_of(db, a.tenant.id, posts[0].id).unwrap();
    let twin = posts[1..]
        .iter()
        .find(|p| talenta_store::master::standard_of(db, a.tenant.id, p.id).unwrap() == first)
        .unwrap();
    let p = plan(
        db,
        &a,
        &posts_only(vec![posts[0].code.clone(), twin.code.clone()]),
    )
    .unwrap();
    assert_eq!(p.moves, 0, "a swap gains nothing: both stay");
    assert_eq!(p.total_fit, p.total_now);
}
