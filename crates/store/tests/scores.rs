//! Ratings are saved by compare-and-set: a stale save is refused with what is stored, and under
//! concurrent writers on SQLite and on PostgreSQL no acknowledged write is lost or duplicated.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use talenta_domain::position::PositionClass;
use talenta_store::Db;
use talenta_store::event::{Event, EventAssessor, add_assessor, create_event};
use talenta_store::score::{Saved, ScoreEdit, ScoreKey, save_score, score, scores_of};
use talenta_store::testing;

/// A tenant with one employee, an event and two assessors: (tenant, employee, event, assessors).
fn seed(db: &mut Db) -> (i64, i64, i64, [i64; 2]) {
    let s = testing::Seed::new("kota-nilai")
        .unit("BKPSDM", "BKPSDM", None)
        .position(
            "P1",
            "Kepala Subbidang",
            PositionClass::Pengawas,
            None,
            "BKPSDM",
            None,
        )
        .employee("198001012005011001", "Peserta", Some("P1"))
        .store(db);
    let t = &s.tenant;
    let employee = s.employee("198001012005011001");

    let event = create_event(
        db,
        t.id,
        &Event {
            id: 0,
            code: "nilai".into(),
            name: "Asesmen".into(),
            purpose: talenta_domain::Purpose::Pemetaan,
            day_capacity: 10,
            per_participant: 2,
            max_per_assessor_day: 10,
            unit_share_percent: 100,
            status: talenta_domain::event::EventStatus::Draft,
            methods: vec![talenta_domain::method::Method::Interview],
            group_min: 4,
            group_max: 8,
            matrix: None,
            integration: talenta_domain::integration::Rule::Mean,
            missing: talenta_domain::integration::Missing::Skip,
            results_published_at: None,
        },
        &[],
        "2026-11-27T00:00:00Z",
    )
    .unwrap()
    .id;
    let assessor = |db: &mut Db, name: &str| {
        add_assessor(
            db,
            t.id,
            event,
            &EventAssessor {
                id: 0,
                name: name.into(),
                organisation: "BKD".into(),
                employee_id: None,
                unavailable: vec![],
                level: String::new(),
                account_id: None,
            },
        )
        .unwrap()
    };
    let a = assessor(db, "Asesor A");
    let b = assessor(db, "Asesor B");
    (t.id, employee, event, [a, b])
}

/// The rating by `assessor` of `employee`'s `competency` in the interview of `event`.
fn interview_key(event: i64, employee: i64, assessor: i64, competency: &str) -> ScoreKey {
    ScoreKey {
        event_id: event,
        employee_id: employee,
        assessor_id: assessor,
        method: "wawancara".into(),
        competency: competency.into(),
    }
}

fn edit(level: u8, evidence: &str) -> ScoreEdit<'_> {
    ScoreEdit {
        level_tenths: Some(level),
        evidence,
        submitted: false,
    }
}

#[test]
fn a_save_from_a_stale_version_is_refused_with_what_is_stored() {
    for mut t in testing::both() {
        let (tenant, employee, event, [a, b]) = seed(&mut t.db);
        let key = interview_key(event, employee, a, "M.1");
        let now = "2026-12-07T09:00:00Z";
        assert_eq!(
            save_score(
                &mut t.db,
                tenant,
                &key,
                None,
                &edit(30, "memimpin rapat"),
                now
            )
            .unwrap(),
            Saved::Stored(1),
            "{}",
            t.name
        );
        // A second tab that also started from nothing.
        let Saved::Conflict(current) =
            save_score(&mut t.db, tenant, &key, None, &edit(25, "tab lain"), now).unwrap()
        else {
            panic!("{}: a second first save must be refused", t.name);
        };
        assert_eq!((current.version, current.level_tenths), (1, Some(30)));
        assert_eq!(current.evidence, "memimpin rapat");
        assert_eq!(
            save_score(&mut t.db, tenant, &key, Some(1), &edit(35, "revisi"), now).unwrap(),
            Saved::Stored(2)
        );
        let Saved::Conflict(current) =
            save_score(&mut t.db, tenant, &key, Some(1), &edit(20, "basi"), now).unwrap()
        else {
            panic!(
                "{}: a save from version 1 after version 2 must be refused",
                t.name
            );
        };
        assert_eq!((current.version, current.level_tenths), (2, Some(35)));
        // Another assessor's rating of the same thing is their own row.
        let other = ScoreKey {
            assessor_id: b,
            ..key.clone()
        };
        assert_eq!(
            save_score(&mut t.db, tenant, &other, None, &edit(40, "B"), now).unwrap(),
            Saved::Stored(1)
        );
        assert_eq!(
            score(&mut t.db, tenant, &key)
                .unwrap()
                .unwrap()
                .level_tenths,
            Some(35)
        );
        assert_eq!(
            scores_of(&mut t.db, tenant, event, employee).unwrap().len(),
            2
        );
    }
}

#[test]
fn concurrent_writers_lose_and_duplicate_no_acknowledged_write() {
    const WRITERS: usize = 4;
    const TRIES: usize = 25;
    for mut t in testing::both() {
        let (tenant, employee, event, [a, _]) = seed(&mut t.db);
        let key = interview_key(event, employee, a, "M.2");
        let acked: Vec<(i64, String)> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..WRITERS)
                .map(|w| {
                    let (url, key) = (t.url.clone(), key.clone());
                    s.spawn(move || {
                        let mut db = Db::open(&url).unwrap();
                        let mut mine = Vec::new();
                        for i in 0..TRIES {
                            let seen = score(&mut db, tenant, &key).unwrap().map(|s| s.version);
                            let evidence = format!("penulis {w} percobaan {i}");
                            let level = 10 + 5 * ((w + i) % 9) as u8;
                            match save_score(
                                &mut db,
                                tenant,
                                &key,
                                seen,
                                &edit(level, &evidence),
                                "2026-12-07T09:00:00Z",
                            )
                            .unwrap()
                            {
                                Saved::Stored(v) => mine.push((v, evidence)),
                                Saved::Conflict(now) => {
                                    assert!(
                                        Some(now.version) != seen,
                                        "a refusal shows a newer version"
                                    )
                                }
                            }
                        }
                        mine
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        let mut versions: Vec<i64> = acked.iter().map(|(v, _)| *v).collect();
        versions.sort_unstable();
        let n = versions.len() as i64;
        assert!(n >= 1, "{}", t.name);
        assert_eq!(
            versions,
            (1..=n).collect::<Vec<_>>(),
            "{}: every acknowledged save has its own version, none skipped",
            t.name
        );
        let stored = score(&mut t.db, tenant, &key).unwrap().unwrap();
        assert_eq!(stored.version, n, "{}: no acknowledged save lost", t.name);
        let last = acked.iter().find(|(v, _)| *v == n).unwrap();
        assert_eq!(
            stored.evidence, last.1,
            "{}: the stored text is the last acknowledged one",
            t.name
        );
    }
}

#[test]
fn an_event_row_with_a_value_no_code_knows_is_an_error_not_a_default() {
    for mut t in testing::both() {
        let db = &mut t.db;
        let (tenant, _, _, _) = seed(db);
        let ev = talenta_store::event::event_by_code(db, tenant, "nilai")
            .unwrap()
            .unwrap();
        assert_eq!(ev.integration, talenta_domain::integration::Rule::Mean);
        for (column, value) in [
            ("integration_rule", "modus"),
            ("missing_rule", "nol"),
            ("purpose", "hiburan"),
            ("status", "dibatalkan"),
            ("methods", "wawancara,telepati"),
            ("matrix", "M.1 sihir"),
        ] {
            let before = db
                .query_opt(
                    &format!("SELECT {column} FROM events WHERE id = ?"),
                    &[ev.id.into()],
                )
                .unwrap()
                .unwrap()
                .text(0)
                .unwrap()
                .to_string();
            db.execute(
                &format!("UPDATE events SET {column} = ? WHERE id = ?"),
                &[value.into(), ev.id.into()],
            )
            .unwrap();
            let e = talenta_store::event::event_by_code(db, tenant, "nilai").unwrap_err();
            assert!(
                e.to_string().contains(column) || e.to_string().contains(value),
                "{column}: {e} ({})",
                t.name
            );
            db.execute(
                &format!("UPDATE events SET {column} = ? WHERE id = ?"),
                &[before.as_str().into(), ev.id.into()],
            )
            .unwrap();
        }
    }
}
