//! Scoring, integration and results on the demo Kota Mojokerto: two assessors with their own
//! accounts rate four Pengawas by interview and written test; a stale save is refused with the
//! stored value; integration by the event's rule; finalising locks; an amendment needs a reason
//! and is in the audit trail; an employee sees their report only once it is published; a
//! person's cycles side by side; the group recap workbook. On SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use chrono::NaiveDate;
use talenta_app::access::{Actor, Role};
use talenta_app::error::Refusal;
use talenta_app::event::{self, AssessorSpec, Cohort, EventSpec};
use talenta_app::scoring::{self, Entry};
use talenta_app::{AppError, results};
use talenta_domain::integration::{Missing, Rule};
use talenta_domain::method::{Method, parse_matrix};
use talenta_domain::{CompetencyCode, CoreCompetency, Level, Nip, PositionClass, Purpose};
use talenta_fixture::{self as fx, ctx};
use talenta_store::{Db, testing};

fn actor(db: &mut Db, login: &str, role: Role, employee: Option<i64>) -> Actor {
    Actor {
        employee_id: employee,
        ..fx::actor_in(db, "kota-mojokerto", login, role)
    }
}

struct World {
    admin: Actor,
    a: Actor,
    b: Actor,
    people: Vec<(i64, Nip)>,
    code: String,
}

/// Mojokerto with an event of four Pengawas, two assessors with accounts, planned.
fn world(db: &mut Db, rule: Rule, missing: Missing) -> World {
    fx::demo(db, "kota-mojokerto", fx::today());
    let admin = actor(db, "admin.uji", Role::TenantAdmin, None);
    for login in ["asesor.satu", "asesor.dua"] {
        fx::account(db, &admin.tenant, login, Role::Assessor, None);
    }

    let employees = talenta_store::master::list_employees(db, admin.tenant.id).unwrap();
    let positions = talenta_store::master::list_positions(db, admin.tenant.id).unwrap();
    let people: Vec<(i64, Nip)> = employees
        .iter()
        .filter(|e| {
            e.position_id
                .and_then(|p| positions.iter().find(|x| x.id == p))
                .is_some_and(|p| p.class == PositionClass::Pengawas)
        })
        .take(4)
        .map(|e| (e.id, e.nip))
        .collect();
    let matrix = parse_matrix(
        &CoreCompetency::ALL
            .iter()
            .map(|c| format!("{}: wawancara, tes-tertulis", c.code()))
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    let spec = EventSpec {
        code: "nilai-uji".into(),
        name: "Asesmen Pengawas 2026".into(),
        purpose: Purpose::Pemetaan,
        dates: vec![NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()],
        sessions: vec![4],
        rooms: vec![],
        matrix: Some(matrix),
        day_capacity: 4,
        per_participant: 2,
        max_per_assessor_day: 4,
        unit_share_percent: 100,
        cohort: Cohort {
            nips: people.iter().map(|(_, n)| *n).collect(),
            ..Cohort::default()
        },
        assessors: [
            "Asesor Satu|BKD Jatim|Madya|asesor.satu",
            "Asesor Dua|BKD Jatim|Madya|asesor.dua",
        ]
        .iter()
        .map(|l| AssessorSpec::external(l))
        .collect(),
        methods: vec![Method::Interview, Method::WrittenTest],
        min_methods: 2,
        group_size: (4, 8),
        integration: rule,
        missing,
    };
    let (ev, size) = event::create_event(db, &ctx(), &admin.grant().unwrap(), &spec).unwrap();
    assert_eq!(size, 4);
    event::plan(db, &ctx(), &admin.grant().unwrap(), &ev.code).unwrap();
    World {
        a: actor(db, "asesor.satu", Role::Assessor, None),
        b: actor(db, "asesor.dua", Role::Assessor, None),
        admin,
        people,
        code: ev.code,
    }
}

fn l(s: &str) -> Level {
    Level::parse(s).unwrap()
}

/// Every cell of `who`'s sheet for `employee` at `level` (per competency where given).
fn fill(
    db: &mut Db,
    who: &Actor,
    code: &str,
    employee: i64,
    level: impl Fn(&CompetencyCode, Method) -> Option<Level>,
) -> Vec<Entry> {
    let me = talenta_app::scoring::assessor_of(db, &who.grant().unwrap(), code).unwrap();
    scoring::sheet(db, &me, employee)
        .unwrap()
        .cells
        .into_iter()
        .map(|c| Entry {
            level: level(&c.competency, c.method),
            evidence: "menyampaikan contoh perilaku yang relevan".into(),
            version: c.stored.as_ref().map(|s| s.version),
            changed: true,
            method: c.method,
            competency: c.competency,
        })
        .collect()
}

#[test]
fn two_assessors_rate_a_stale_save_is_refused_with_the_stored_value_and_mean_integration_finalises()
{
    for mut t in testing::both() {
        let db = &mut t.db;
        let w = world(db, Rule::Mean, Missing::Skip);
        let (p, _) = w.people[0];
        // Both assessors see the participant on their list.
        for who in [&w.a, &w.b] {
            let list = scoring::worklist(db, &who.grant().unwrap(), &w.code).unwrap();
            assert!(list.items.iter().any(|i| i.employee_id == p), "{}", t.name);
            assert_eq!(list.items[0].expected, 18, "9 competencies x 2 methods");
        }
        // An admin is not an assessor; an assessor of no event sees nothing.
        assert!(matches!(
            w.admin.grant::<talenta_app::capability::Score>(),
            Err(AppError::Forbidden)
        ));
        // A draft, then the same sheet opened in two tabs: the second save of M.1 is refused.
        let draft = fill(db, &w.a, &w.code, p, |_, _| Some(l("3")));
        let me = talenta_app::scoring::assessor_of(db, &w.a.grant().unwrap(), &w.code).unwrap();
        let out = scoring::save(db, &ctx(), &me, p, &draft, false).unwrap();
        assert_eq!((out.saved, out.conflicts.len()), (18, 0));
        let tab1 = fill(db, &w.a, &w.code, p, |_, _| Some(l("3,5")));
        let tab2 = fill(db, &w.a, &w.code, p, |_, _| Some(l("2,5")));
        let m1 = |e: &&Entry| e.competency.code() == "M.1" && e.method == Method::Interview;
        let one: Vec<Entry> = tab1.iter().filter(m1).cloned().collect();
        let two: Vec<Entry> = tab2.iter().filter(m1).cloned().collect();
        let me = talenta_app::scoring::assessor_of(db, &w.a.grant().unwrap(), &w.code).unwrap();
        assert_eq!(
            scoring::save(db, &ctx(), &me, p, &one, false)
                .unwrap()
                .saved,
            1
        );
        let me = talenta_app::scoring::assessor_of(db, &w.a.grant().unwrap(), &w.code).unwrap();
        let refused = scoring::save(db, &ctx(), &me, p, &two, false).unwrap();
        assert_eq!(refused.saved, 0);
        assert_eq!(refused.conflicts.len(), 1);
        assert_eq!(
            refused.conflicts[0].stored.level_tenths,
            Some(35),
            "the other value is shown"
        );
        assert_eq!(refused.conflicts[0].yours, Some(l("2,5")));
        // Submitting needs every level and its evidence.
        let mut gaps = fill(db, &w.a, &w.code, p, |_, _| Some(l("3")));
        gaps[3].level = None;
        gaps[4].evidence = " ".into();
        let me = talenta_app::scoring::assessor_of(db, &w.a.grant().unwrap(), &w.code).unwrap();
        let err = scoring::save(db, &ctx(), &me, p, &gaps, true).unwrap_err();
        let AppError::Refused(Refusal::Scoring(scoring::Refusal::Sheet { problems })) = &err else {
            panic!("{err:?}");
        };
        assert!(
            problems
                .iter()
                .any(|p| matches!(p, scoring::Problem::NoLevel { .. }))
                && problems
                    .iter()
                    .any(|p| matches!(p, scoring::Problem::NoEvidence { .. })),
            "{err:?}"
        );
        // Assessor A: 3 everywhere; B: 4 on M.1 (a spread of 1, not flagged), 2 on M.2 by
        // interview only, 3 elsewhere; then both submit.
        let a = fill(db, &w.a, &w.code, p, |_, _| Some(l("3")));
        let me = talenta_app::scoring::assessor_of(db, &w.a.grant().unwrap(), &w.code).unwrap();
        assert!(
            scoring::save(db, &ctx(), &me, p, &a, true)
                .unwrap()
                .submitted
        );
        let b = fill(db, &w.b, &w.code, p, |c, m| match (c.code(), m) {
            ("M.1", _) => Some(l("4")),
            ("M.2", Method::Interview) => Some(l("1,5")),
            _ => Some(l("3")),
        });
        let me = talenta_app::scoring::assessor_of(db, &w.b.grant().unwrap(), &w.code).unwrap();
        assert!(
            scoring::save(db, &ctx(), &me, p, &b, true)
                .unwrap()
                .submitted
        );
        let all = results::integration(db, &w.admin.grant().unwrap(), &w.code).unwrap();
        let row = all.rows.iter().find(|r| r.employee.id == p).unwrap();
        let m1 = row
            .integrated
            .iter()
            .find(|i| i.competency.code() == "M.1")
            .unwrap();
        // 3, 3, 4, 4 -> 3.5.
        assert_eq!(m1.level, Some(l("3,5")));
        assert!(!m1.disagreement);
        let m2 = row
            .integrated
            .iter()
            .find(|i| i.competency.code() == "M.2")
            .unwrap();
        // 3, 3, 1.5, 3 -> mean 2.625 -> 2.5; spread 1.5 levels: flagged for the meeting.
        assert_eq!(m2.level, Some(l("2,5")));
        assert!(m2.disagreement);
        assert_eq!(row.flagged(), 1);
        assert!(row.ready());
        assert!(row.jpm.is_some(), "JPM against the current post");
        // Another participant has nothing submitted: not ready, and finalising it alone says why.
        let (q, _) = w.people[1];
        let err =
            results::finalise(db, &ctx(), &w.admin.grant().unwrap(), &w.code, Some(q)).unwrap_err();
        // Nothing submitted: every competency is named, each without a rating.
        assert!(
            matches!(
                &err,
                AppError::Refused(Refusal::Results(results::Refusal::NotReady { pending, .. }))
                    if pending.len() == 9
                        && pending.iter().all(|x| matches!(x, results::Pending::NoRating { .. }))
            ),
            "{err:?}"
        );
        let done = results::finalise(db, &ctx(), &w.admin.grant().unwrap(), &w.code, None).unwrap();
        assert_eq!(done.finalised, 1);
        assert_eq!(done.not_ready.len(), 3);
        // Locked: no more ratings, no consensus; an amendment needs a reason.
        let late = fill(db, &w.a, &w.code, p, |_, _| Some(l("5")));
        let me = talenta_app::scoring::assessor_of(db, &w.a.grant().unwrap(), &w.code).unwrap();
        let err = scoring::save(db, &ctx(), &me, p, &late, false).unwrap_err();
        assert!(
            matches!(
                err,
                AppError::Refused(Refusal::Scoring(scoring::Refusal::AlreadyFinal))
            ),
            "{err:?}"
        );
        let m2code = CompetencyCode::parse("M.2").unwrap();
        let err = results::amend(
            db,
            &ctx(),
            &w.admin.grant().unwrap(),
            &w.code,
            &results::Decision {
                employee_id: p,
                competency: &m2code,
                level: l("3"),
                reason: "  ",
            },
        )
        .unwrap_err();
        assert!(
            matches!(
                err,
                AppError::Refused(Refusal::Results(results::Refusal::AmendmentWithoutReason))
            ),
            "{err:?}"
        );
        let before = results::amend(
            db,
            &ctx(),
            &w.admin.grant().unwrap(),
            &w.code,
            &results::Decision {
                employee_id: p,
                competency: &m2code,
                level: l("3"),
                reason: "salah ketik pada rapat asesor",
            },
        )
        .unwrap();
        assert_eq!(before, Some(l("2,5")));
        let audit = talenta_store::audit::entries(
            db,
            w.admin.tenant.id,
            Some(&format!("employee:{p}")),
            50,
        )
        .unwrap();
        let amend = audit.iter().find(|e| e.action == "result.amend").unwrap();
        assert!(
            amend.detail.contains("salah ketik") && amend.detail.contains("2.5"),
            "{}",
            amend.detail
        );
        // The employee sees nothing before publication, their report after.
        let me = Actor {
            role: Role::Employee,
            employee_id: Some(p),
            ..w.admin.clone()
        };
        let about = me.grant_about(db, p).unwrap();
        let seen = results::report(db, &ctx(), &about, None, None).map(|r| r.result.event_id);
        assert!(
            matches!(
                seen,
                Ok(None)
                    | Err(AppError::Refused(Refusal::Results(
                        results::Refusal::NothingPublished
                    )))
            ),
            "before publication the employee sees at most an older imported result: {seen:?}"
        );
        assert_eq!(
            results::publish(db, &ctx(), &w.admin.grant().unwrap(), &w.code).unwrap(),
            1
        );
        let r = results::report(db, &ctx(), &about, None, None).unwrap();
        assert!(
            r.result.event_id.is_some(),
            "the newest, published, is the event's"
        );
        assert_eq!(r.result.provider, "Asesmen Pengawas 2026");
        assert_eq!(r.assessors.len(), 2);
        assert_eq!(
            r.valid_until,
            NaiveDate::from_ymd_opt(2029, 11, 29).unwrap()
        );
        let m2level = r
            .result
            .levels
            .iter()
            .find(|(c, _)| *c == m2code)
            .unwrap()
            .1;
        assert_eq!(m2level, l("3"), "the amended level");
        // Someone else's report stays closed to an employee.
        let (other, _) = w.people[1];
        assert!(matches!(
            me.grant_about::<talenta_app::capability::ViewResults>(db, other),
            Err(AppError::Forbidden)
        ));
    }
}

/// Why finalising participant `p` alone is refused (it must be: not ready; otherwise what it
/// did instead).
fn not_ready(db: &mut Db, w: &World, p: i64) -> Result<Vec<results::Pending>, String> {
    match results::finalise(db, &ctx(), &w.admin.grant().unwrap(), &w.code, Some(p)) {
        Err(AppError::Refused(Refusal::Results(results::Refusal::NotReady {
            pending, ..
        }))) => Ok(pending),
        other => Err(format!("{other:?}")),
    }
}

#[test]
fn consensus_needs_a_reason_and_waiting_keeps_a_competency_open_until_every_rating_is_in() {
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let w = world(db, Rule::Consensus, Missing::Wait);
    let (p, _) = w.people[0];
    let a = fill(db, &w.a, &w.code, p, |_, _| Some(l("3")));
    let me = talenta_app::scoring::assessor_of(db, &w.a.grant().unwrap(), &w.code).unwrap();
    scoring::save(db, &ctx(), &me, p, &a, true).unwrap();
    let all = results::integration(db, &w.admin.grant().unwrap(), &w.code).unwrap();
    let row = all.rows.iter().find(|r| r.employee.id == p).unwrap();
    // B has not rated: every competency waits for 2 ratings, never counting them as zero.
    assert!(row.integrated.iter().all(|i| i.level.is_none()));
    assert_eq!(
        row.integrated[0].pending.as_deref(),
        Some("menunggu 2 penilaian lagi")
    );
    // Finalising it now is refused with the same reason, competency by competency.
    let err = not_ready(db, &w, p).unwrap();
    assert_eq!(err.len(), row.integrated.len());
    assert!(
        err.iter()
            .all(|x| matches!(x, results::Pending::MoreRatings { missing: 2, .. })),
        "{err:?}"
    );
    let b = fill(db, &w.b, &w.code, p, |_, _| Some(l("4")));
    let me = talenta_app::scoring::assessor_of(db, &w.b.grant().unwrap(), &w.code).unwrap();
    scoring::save(db, &ctx(), &me, p, &b, true).unwrap();
    let all = results::integration(db, &w.admin.grant().unwrap(), &w.code).unwrap();
    let row = all.rows.iter().find(|r| r.employee.id == p).unwrap();
    assert_eq!(
        row.integrated[0].pending.as_deref(),
        Some("menunggu konsensus rapat asesor")
    );
    let err = not_ready(db, &w, p).unwrap();
    assert_eq!(err.len(), row.integrated.len());
    assert!(
        err.iter()
            .all(|x| matches!(x, results::Pending::Consensus { .. })),
        "{err:?}"
    );
    let m1 = CompetencyCode::parse("M.1").unwrap();
    let err = results::record_consensus(
        db,
        &ctx(),
        &w.admin.grant().unwrap(),
        &w.code,
        &results::Decision {
            employee_id: p,
            competency: &m1,
            level: l("3,5"),
            reason: "",
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Results(results::Refusal::ConsensusWithoutReason { competency }))
                if *competency == m1
        ),
        "{err:?}"
    );
    results::record_consensus(
        db,
        &ctx(),
        &w.admin.grant().unwrap(),
        &w.code,
        &results::Decision {
            employee_id: p,
            competency: &m1,
            level: l("3,5"),
            reason: "bukti wawancara lebih kuat",
        },
    )
    .unwrap();
    let all = results::integration(db, &w.admin.grant().unwrap(), &w.code).unwrap();
    let row = all.rows.iter().find(|r| r.employee.id == p).unwrap();
    let got = row.integrated.iter().find(|i| i.competency == m1).unwrap();
    assert_eq!(got.level, Some(l("3,5")));
    assert_eq!(got.reason.as_deref(), Some("bukti wawancara lebih kuat"));
}

#[test]
fn a_participant_not_assigned_to_the_assessor_and_a_bad_level_are_refused_and_nothing_is_stored() {
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let w = world(db, Rule::Mean, Missing::Skip);
    // With 2 assessors and 2 per participant, both assess everyone: use someone outside the event.
    let outsider = talenta_store::master::list_employees(db, w.admin.tenant.id)
        .unwrap()
        .into_iter()
        .find(|e| !w.people.iter().any(|(id, _)| *id == e.id))
        .unwrap();
    let me = talenta_app::scoring::assessor_of(db, &w.a.grant().unwrap(), &w.code).unwrap();
    let err = scoring::sheet(db, &me, outsider.id).unwrap_err();
    assert!(
        matches!(
            err,
            AppError::Refused(Refusal::Scoring(scoring::Refusal::NotAssigned))
        ),
        "{err:?}"
    );
    assert_eq!(
        scoring::parse_level("6").unwrap_err(),
        "level '6' tidak sah: isi 1 sampai 5 dalam langkah setengah (mis. 2,5 atau 3-)"
    );
    assert_eq!(
        scoring::parse_level("2,7").unwrap_err().split(':').next(),
        Some("level '2,7' tidak sah")
    );
    assert_eq!(scoring::parse_level("3-").unwrap(), Some(l("2,5")));
    // A method/competency pair the event does not measure.
    let (p, _) = w.people[0];
    let bad = vec![Entry {
        method: Method::GroupDiscussion,
        competency: CompetencyCode::parse("M.2").unwrap(),
        level: Some(l("3")),
        evidence: "x".into(),
        version: None,
        changed: true,
    }];
    let me = talenta_app::scoring::assessor_of(db, &w.a.grant().unwrap(), &w.code).unwrap();
    let err = scoring::save(db, &ctx(), &me, p, &bad, false).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Scoring(scoring::Refusal::Sheet { problems }))
                if matches!(
                    problems.as_slice(),
                    [scoring::Problem::NotMeasured { method: Method::GroupDiscussion, competency }]
                        if competency.code() == "M.2"
                )
        ),
        "{err:?}"
    );
    let event_id = scoring::worklist(db, &w.a.grant().unwrap(), &w.code)
        .unwrap()
        .event
        .id;
    let stored = talenta_store::score::scores_of(db, w.admin.tenant.id, event_id, p).unwrap();
    assert!(stored.is_empty());
}

#[test]
fn the_recap_has_a_row_per_finalised_participant_and_a_chart_per_unit_and_the_report_is_a_pdf() {
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let w = world(db, Rule::Median, Missing::Skip);
    assert!(
        talenta_app::report::recap_xlsx(db, &ctx(), &w.admin.grant().unwrap(), &w.code).is_err(),
        "nothing final yet"
    );
    for (p, _) in w.people.clone() {
        for who in [&w.a, &w.b] {
            let e = fill(db, who, &w.code, p, |c, _| {
                Some(if c.code() == "M.4" { l("1,5") } else { l("3") })
            });
            let me = talenta_app::scoring::assessor_of(db, &who.grant().unwrap(), &w.code).unwrap();
            scoring::save(db, &ctx(), &me, p, &e, true).unwrap();
        }
    }
    assert_eq!(
        results::finalise(db, &ctx(), &w.admin.grant().unwrap(), &w.code, None)
            .unwrap()
            .finalised,
        4
    );
    let bytes =
        talenta_app::report::recap_xlsx(db, &ctx(), &w.admin.grant().unwrap(), &w.code).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rekap.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    use calamine::{Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(&path).unwrap();
    assert_eq!(wb.sheet_names(), ["Rekap", "Per unit"]);
    let rekap = wb.worksheet_range("Rekap").unwrap();
    let head: Vec<String> = rekap
        .rows()
        .nth(2)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&head[5..7], ["M.1", "M.2"]);
    assert!(head.contains(&"JPM (%)".to_string()) && head.contains(&"Kategori".to_string()));
    assert_eq!(
        rekap
            .rows()
            .skip(3)
            .filter(|r| !r[1].to_string().is_empty())
            .count(),
        4
    );
    let m4 = head.iter().position(|h| h == "M.4").unwrap();
    assert_eq!(rekap.rows().nth(3).unwrap()[m4].to_string(), "1.5");
    // The chart is in the workbook.
    let zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    assert!(
        zip.file_names()
            .any(|n| n.is_ok_and(|n| n.starts_with("xl/charts/chart")))
    );
    // The individual report.
    let (p, _) = w.people[0];
    let about = w.admin.grant_about(db, p).unwrap();
    let r = results::report(db, &ctx(), &about, None, None).unwrap();
    assert!(r.current.is_some(), "the Pengawas post has a standard");
    assert_eq!(r.development[0].code.code(), "M.4", "{:?}", r.development);
    let pdf = talenta_app::report::report_pdf(&r, "Pemerintah Kota Mojokerto").unwrap();
    let text = fx::pdf_text(&pdf);
    assert!(text.contains("LAPORAN HASIL ASESMEN KOMPETENSI"));
    assert!(text.contains(&r.employee.name));
    assert!(text.contains(&r.employee.nip.to_string()));
    assert!(
        text.contains("Profil kompetensi") && text.contains("1,5 / "),
        "the profile chart with each level against the standard:\n{text}"
    );
}

#[test]
fn a_persons_cycles_are_compared_per_competency() {
    use talenta_domain::master::AssessmentResult;
    let mk = |d: &str, m1: &str, m2: Option<&str>| AssessmentResult {
        id: 0,
        employee_id: 1,
        assessed_on: NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap(),
        provider: "BKD".into(),
        purpose: Purpose::Pemetaan,
        levels: [Some(("M.1", m1)), m2.map(|x| ("M.2", x))]
            .into_iter()
            .flatten()
            .map(|(c, v)| (CompetencyCode::parse(c).unwrap(), l(v)))
            .collect(),
        event_id: None,
        published: true,
        job_class: None,
    };
    let r = results::compare(vec![
        mk("2021-10-01", "2,5", Some("3")),
        mk("2024-10-01", "3,5", None),
    ]);
    assert_eq!(r.trends.len(), 2);
    assert_eq!(r.trends[0].change_tenths, Some(10), "M.1 rose a level");
    assert_eq!(r.trends[1].levels, vec![Some(l("3")), None]);
    assert_eq!(
        r.trends[1].change_tenths, None,
        "M.2 not assessed the second time"
    );
}

#[test]
fn in_the_assessors_meeting_the_later_of_two_assessors_is_refused_with_the_consensus_the_other_recorded()
 {
    for mut t in testing::both() {
        let db = &mut t.db;
        let w = world(db, Rule::Mean, Missing::Skip);
        let (p, _) = w.people[0];
        let a = fill(db, &w.a, &w.code, p, |_, _| Some(l("2")));
        let me = talenta_app::scoring::assessor_of(db, &w.a.grant().unwrap(), &w.code).unwrap();
        scoring::save(db, &ctx(), &me, p, &a, true).unwrap();
        let b = fill(db, &w.b, &w.code, p, |_, _| Some(l("4")));
        let me = talenta_app::scoring::assessor_of(db, &w.b.grant().unwrap(), &w.code).unwrap();
        scoring::save(db, &ctx(), &me, p, &b, true).unwrap();
        // Both open the meeting: every competency flagged (2 against 4), nothing agreed yet.
        let me = talenta_app::scoring::assessor_of(db, &w.a.grant().unwrap(), &w.code).unwrap();
        let seen_a = talenta_app::meeting::meeting(db, &me, p).unwrap();
        let me = talenta_app::scoring::assessor_of(db, &w.b.grant().unwrap(), &w.code).unwrap();
        let seen_b = talenta_app::meeting::meeting(db, &me, p).unwrap();
        assert_eq!(seen_a.rows.len(), 9, "{}", t.name);
        assert!(seen_a.rows.iter().all(|r| r.integrated.disagreement));
        assert_eq!(seen_a.rows[0].ratings.len(), 4, "2 assessors x 2 methods");
        assert!(seen_b.rows[0].consensus.is_none());
        let m1 = seen_a.rows[0].integrated.competency.clone();
        let d = |level: &str, reason: &'static str| results::Decision {
            employee_id: p,
            competency: &m1,
            level: l(level),
            reason,
        };
        let me = talenta_app::scoring::assessor_of(db, &w.a.grant().unwrap(), &w.code).unwrap();
        let first =
            talenta_app::meeting::agree(db, &ctx(), &me, &d("3", "bukti in-tray lebih kuat"), None)
                .unwrap();
        assert!(first.is_none(), "stored");
        // B's page was opened before: refused, A's consensus shown.
        let me = talenta_app::scoring::assessor_of(db, &w.b.grant().unwrap(), &w.code).unwrap();
        let second =
            talenta_app::meeting::agree(db, &ctx(), &me, &d("3,5", "wawancara"), None).unwrap();
        let shown = second.expect("refused with what A recorded");
        assert_eq!(shown.level_tenths, 30);
        assert_eq!(shown.decided_by, "asesor.satu");
        // From the fresh page, B may change it (version 1 -> 2).
        let me = talenta_app::scoring::assessor_of(db, &w.b.grant().unwrap(), &w.code).unwrap();
        let third = talenta_app::meeting::agree(
            db,
            &ctx(),
            &me,
            &d("3,5", "disepakati ulang"),
            Some(shown.version),
        )
        .unwrap();
        assert!(third.is_none());
        let me = talenta_app::scoring::assessor_of(db, &w.a.grant().unwrap(), &w.code).unwrap();
        let now = talenta_app::meeting::meeting(db, &me, p).unwrap();
        assert_eq!(now.rows[0].integrated.level, Some(l("3,5")));
        assert_eq!(now.rows[0].consensus.as_ref().unwrap().version, 2);
        // Someone who is not the participant's assessor cannot take part.
        let outsider = Actor {
            account_id: None,
            ..w.a.clone()
        };
        let err =
            talenta_app::scoring::assessor_of(db, &outsider.grant().unwrap(), &w.code).unwrap_err();
        assert!(
            matches!(
                &err,
                AppError::Refused(Refusal::Scoring(scoring::Refusal::NotAssessor { event }))
                    if *event == w.code
            ),
            "{err:?}"
        );
    }
}

#[test]
fn a_valid_result_is_reused_only_for_a_post_of_the_level_it_was_assessed_for_and_the_newest_wins() {
    // domain.md section 9 (Peraturan BKN 26/2019): valid 3 years, reusable for a target post of
    // the same level, the newest valid result wins.
    use talenta_store::master::{ResultInput, list_positions, upsert_results};
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let w = world(db, Rule::Mean, Missing::Skip);
    let (_, nip) = w.people[0];
    let tenant = w.admin.tenant.id;
    let positions = list_positions(db, tenant).unwrap();
    let with_standard = |class: PositionClass, db: &mut Db| {
        positions
            .iter()
            .filter(|p| p.class == class)
            .find(|p| {
                !talenta_store::master::standard_of(db, tenant, p.id)
                    .unwrap()
                    .is_empty()
            })
            .unwrap()
            .code
            .clone()
    };
    let pengawas = with_standard(PositionClass::Pengawas, db);
    let administrator = with_standard(PositionClass::Administrator, db);
    let result = |on: &str, class: PositionClass, level: &str| ResultInput {
        nip,
        assessed_on: NaiveDate::parse_from_str(on, "%Y-%m-%d").unwrap(),
        provider: "UPT Penilaian Kompetensi".into(),
        purpose: Purpose::Pemetaan,
        levels: CoreCompetency::ALL
            .iter()
            .map(|c| (CompetencyCode::Core(*c), l(level)))
            .collect(),
        job_class: Some(class),
    };
    upsert_results(
        db,
        w.admin.tenant.id,
        &[
            result("2023-11-26", PositionClass::Pengawas, "4"), // expired on 2026-11-26
            result("2025-01-10", PositionClass::Pengawas, "3"),
            result("2026-03-01", PositionClass::Administrator, "2"),
        ],
    )
    .unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let jpm = |db: &mut Db, post: &str| {
        talenta_app::jpm::jpm_for(
            db,
            &ctx(),
            &talenta_fixture::admin(&w.admin.tenant).grant().unwrap(),
            nip,
            post,
            None,
            as_of,
        )
        .unwrap()
        .result
        .assessed_on
        .to_string()
    };
    assert_eq!(
        jpm(db, &pengawas),
        "2025-01-10",
        "the newer Administrator result is not reused for a Pengawas post"
    );
    assert_eq!(jpm(db, &administrator), "2026-03-01");
    upsert_results(
        db,
        w.admin.tenant.id,
        &[result("2025-06-01", PositionClass::Pengawas, "3,5")],
    )
    .unwrap();
    assert_eq!(
        jpm(db, &pengawas),
        "2025-06-01",
        "the newest valid result of the level wins"
    );
}
