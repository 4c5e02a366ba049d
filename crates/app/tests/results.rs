//! Scoring, integration and results on the demo Kota Mojokerto: two assessors with their own
//! accounts rate four Pengawas by interview and written test; a stale save is refused with the
//! stored value; integration by the event's rule; finalising locks; an amendment needs a reason
//! and is in the audit trail; an employee sees their report only once it is published; a
//! person's cycles side by side; the group recap workbook. On SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use chrono::NaiveDate;
use common::assert_refused;
use talenta_app::access::{Actor, Role};
use talenta_app::error::Refusal;
use talenta_app::event::{self, AssessorSpec, Cohort, EventSpec};
use talenta_app::meeting::{ConsensusRecord, Meeting};
use talenta_app::scoring::{self, AssessorOf, Entry, SaveOutcome};
use talenta_app::{AppError, results};
use talenta_domain::integration::{Missing, Rule};
use talenta_domain::method::{Method, parse_matrix};
use talenta_domain::{CompetencyCode, CoreCompetency, Level, Nip, PositionClass, Purpose};
use talenta_fixture::{self as fx, ctx};
use talenta_store::Db;
use talenta_store::testing::{self, TestDb};

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

    let people: Vec<(i64, Nip)> = common::holders_of(db, admin.tenant.id, PositionClass::Pengawas)
        .into_iter()
        .take(4)
        .map(|(e, _)| (e.id, e.nip))
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

/// [`world`] on each engine by the mean, skipping a missing rating, each made as it is reached.
fn mean_worlds() -> impl Iterator<Item = (TestDb, World)> {
    testing::both().into_iter().map(|mut t| {
        let w = world(&mut t.db, Rule::Mean, Missing::Skip);
        (t, w)
    })
}

/// [`world`] on SQLite by the mean, skipping a missing rating.
fn mean_world() -> (TestDb, World) {
    let mut t = testing::sqlite();
    let w = world(&mut t.db, Rule::Mean, Missing::Skip);
    (t, w)
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

/// `who` as an assessor of the event of `w`.
fn assessor(db: &mut Db, w: &World, who: &Actor) -> AssessorOf {
    scoring::assessor_of(db, &who.grant().unwrap(), &w.code).unwrap()
}

/// Saves `who`'s `entries` for the participant `p`, submitting the sheet when `submit`.
fn save(
    db: &mut Db,
    w: &World,
    who: &Actor,
    p: i64,
    entries: &[Entry],
    submit: bool,
) -> Result<SaveOutcome, AppError> {
    let me = assessor(db, w, who);
    scoring::save(db, &ctx(), &me, p, entries, submit)
}

/// Fills `who`'s whole sheet for the participant `p` at `level` and submits it.
fn submit(
    db: &mut Db,
    w: &World,
    who: &Actor,
    p: i64,
    level: impl Fn(&CompetencyCode, Method) -> Option<Level>,
) -> SaveOutcome {
    let entries = fill(db, who, &w.code, p, level);
    save(db, w, who, p, &entries, true).unwrap()
}

/// The integration of the participant `p` as the administrator sees it.
fn integration_of(db: &mut Db, w: &World, p: i64) -> results::ParticipantIntegration {
    results::integration(db, &w.admin.grant().unwrap(), &w.code)
        .unwrap()
        .rows
        .into_iter()
        .find(|r| r.employee.id == p)
        .unwrap()
}

/// Finalises the participant `p` (everyone ready when `None`) as the administrator.
fn finalise(db: &mut Db, w: &World, p: Option<i64>) -> Result<results::Finalised, AppError> {
    results::finalise(db, &ctx(), &w.admin.grant().unwrap(), &w.code, p)
}

/// The decision that the participant `p`'s `competency` is at `level`, for `reason`.
fn decision<'a>(
    p: i64,
    competency: &'a CompetencyCode,
    level: &str,
    reason: &'a str,
) -> results::Decision<'a> {
    results::Decision {
        employee_id: p,
        competency,
        level: l(level),
        reason,
    }
}

/// The administrator amends a final result by `d`; returns the level it had.
fn amend(db: &mut Db, w: &World, d: &results::Decision) -> Result<Option<Level>, AppError> {
    results::amend(db, &ctx(), &w.admin.grant().unwrap(), &w.code, d)
}

/// The administrator records the consensus `d`.
fn consensus(db: &mut Db, w: &World, d: &results::Decision) -> Result<(), AppError> {
    results::record_consensus(db, &ctx(), &w.admin.grant().unwrap(), &w.code, d)
}

/// The assessors' meeting on the participant `p` as `who` opens it.
fn meeting(db: &mut Db, w: &World, who: &Actor, p: i64) -> Meeting {
    let me = assessor(db, w, who);
    talenta_app::meeting::meeting(db, &ctx(), &me, p).unwrap()
}

/// `who` agrees on `d` in the meeting, from the page of the consensus `version` (none seen
/// when `None`); returns the other assessor's consensus when it is refused.
fn agree(
    db: &mut Db,
    w: &World,
    who: &Actor,
    d: &results::Decision,
    version: Option<i64>,
) -> Result<Option<ConsensusRecord>, AppError> {
    let me = assessor(db, w, who);
    talenta_app::meeting::agree(db, &ctx(), &me, d, version)
}

#[test]
fn two_assessors_rate_a_stale_save_is_refused_with_the_stored_value_and_mean_integration_finalises()
{
    for (mut t, w) in mean_worlds() {
        let db = &mut t.db;
        let (p, _) = w.people[0];
        // Both assessors see the participant on their list.
        for who in [&w.a, &w.b] {
            let list = scoring::worklist(db, &who.grant().unwrap(), &w.code).unwrap();
            assert!(list.items.iter().any(|i| i.employee_id == p), "{}", t.name);
            assert_eq!(list.items[0].expected, 18, "9 competencies x 2 methods");
        }
        // An admin is not an assessor; an assessor of no event sees nothing.
        common::assert_forbidden(w.admin.grant::<talenta_app::capability::Score>());
        // A draft, then the same sheet opened in two tabs: the second save of M.1 is refused.
        let draft = fill(db, &w.a, &w.code, p, |_, _| Some(l("3")));
        let out = save(db, &w, &w.a, p, &draft, false).unwrap();
        assert_eq!((out.saved, out.conflicts.len()), (18, 0));
        let tab1 = fill(db, &w.a, &w.code, p, |_, _| Some(l("3,5")));
        let tab2 = fill(db, &w.a, &w.code, p, |_, _| Some(l("2,5")));
        let m1 = |e: &&Entry| e.competency.code() == "M.1" && e.method == Method::Interview;
        let one: Vec<Entry> = tab1.iter().filter(m1).cloned().collect();
        let two: Vec<Entry> = tab2.iter().filter(m1).cloned().collect();
        assert_eq!(save(db, &w, &w.a, p, &one, false).unwrap().saved, 1);
        let refused = save(db, &w, &w.a, p, &two, false).unwrap();
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
        let err = save(db, &w, &w.a, p, &gaps, true).unwrap_err();
        assert_refused!(
            err,
            Scoring,
            scoring::Refusal::Sheet { problems }
                if problems
                    .iter()
                    .any(|p| matches!(p, scoring::Problem::NoLevel { .. }))
                    && problems
                        .iter()
                        .any(|p| matches!(p, scoring::Problem::NoEvidence { .. }))
        );
        // Assessor A: 3 everywhere; B: 4 on M.1 (a spread of 1, not flagged), 2 on M.2 by
        // interview only, 3 elsewhere; then both submit.
        assert!(submit(db, &w, &w.a, p, |_, _| Some(l("3"))).submitted);
        let b = submit(db, &w, &w.b, p, |c, m| match (c.code(), m) {
            ("M.1", _) => Some(l("4")),
            ("M.2", Method::Interview) => Some(l("1,5")),
            _ => Some(l("3")),
        });
        assert!(b.submitted);
        let row = integration_of(db, &w, p);
        for (code, level, flagged) in [
            // 3, 3, 4, 4 -> 3.5.
            ("M.1", "3,5", false),
            // 3, 3, 1.5, 3 -> mean 2.625 -> 2.5; spread 1.5 levels: flagged for the meeting.
            ("M.2", "2,5", true),
        ] {
            let got = row
                .integrated
                .iter()
                .find(|i| i.competency.code() == code)
                .unwrap();
            assert_eq!(got.level, Some(l(level)), "{code}");
            assert_eq!(got.disagreement, flagged, "{code}");
        }
        assert_eq!(row.flagged(), 1);
        assert!(row.ready());
        assert!(row.jpm.is_some(), "JPM against the current post");
        // Another participant has nothing submitted: not ready, and finalising it alone says why.
        let (q, _) = w.people[1];
        // Nothing submitted: every competency is named, each without a rating.
        assert_pending(db, &w, q, 9, |x| {
            matches!(x, results::Pending::NoRating { .. })
        });
        let done = finalise(db, &w, None).unwrap();
        assert_eq!(done.finalised, 1);
        assert_eq!(done.not_ready.len(), 3);
        // Locked: no more ratings, no consensus; an amendment needs a reason.
        let late = fill(db, &w.a, &w.code, p, |_, _| Some(l("5")));
        assert_refused!(
            save(db, &w, &w.a, p, &late, false).unwrap_err(),
            Scoring,
            scoring::Refusal::AlreadyFinal
        );
        let m2code = CompetencyCode::parse("M.2").unwrap();
        assert_refused!(
            amend(db, &w, &decision(p, &m2code, "3", "  ")).unwrap_err(),
            Results,
            results::Refusal::AmendmentWithoutReason
        );
        let before = amend(
            db,
            &w,
            &decision(p, &m2code, "3", "salah ketik pada rapat asesor"),
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
        let amended = audit.iter().find(|e| e.action == "result.amend").unwrap();
        assert!(
            amended.detail.contains("salah ketik") && amended.detail.contains("2.5"),
            "{}",
            amended.detail
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
        common::assert_forbidden(me.grant_about::<talenta_app::capability::ViewResults>(db, other));
    }
}

/// Why finalising participant `p` alone is refused (it must be: not ready; otherwise what it
/// did instead).
fn not_ready(db: &mut Db, w: &World, p: i64) -> Result<Vec<results::Pending>, String> {
    match finalise(db, w, Some(p)) {
        Err(AppError::Refused(Refusal::Results(results::Refusal::NotReady {
            pending, ..
        }))) => Ok(pending),
        other => Err(format!("{other:?}")),
    }
}

/// Asserts that finalising the participant `p` alone is refused with `n` competencies pending,
/// each as `why` says.
fn assert_pending(
    db: &mut Db,
    w: &World,
    p: i64,
    n: usize,
    why: impl Fn(&results::Pending) -> bool,
) {
    let pending = not_ready(db, w, p).unwrap();
    assert_eq!(pending.len(), n);
    assert!(pending.iter().all(why), "{pending:?}");
}

#[test]
fn consensus_needs_a_reason_and_waiting_keeps_a_competency_open_until_every_rating_is_in() {
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let w = world(db, Rule::Consensus, Missing::Wait);
    let (p, _) = w.people[0];
    submit(db, &w, &w.a, p, |_, _| Some(l("3")));
    let row = integration_of(db, &w, p);
    // B has not rated: every competency waits for 2 ratings, never counting them as zero.
    assert!(row.integrated.iter().all(|i| i.level.is_none()));
    assert_eq!(
        row.integrated[0].pending.as_deref(),
        Some("menunggu 2 penilaian lagi")
    );
    // Finalising it now is refused with the same reason, competency by competency.
    assert_pending(db, &w, p, row.integrated.len(), |x| {
        matches!(x, results::Pending::MoreRatings { missing: 2, .. })
    });
    submit(db, &w, &w.b, p, |_, _| Some(l("4")));
    let row = integration_of(db, &w, p);
    assert_eq!(
        row.integrated[0].pending.as_deref(),
        Some("menunggu konsensus rapat asesor")
    );
    assert_pending(db, &w, p, row.integrated.len(), |x| {
        matches!(x, results::Pending::Consensus { .. })
    });
    let m1 = CompetencyCode::parse("M.1").unwrap();
    assert_refused!(
        consensus(db, &w, &decision(p, &m1, "3,5", "")).unwrap_err(),
        Results,
        results::Refusal::ConsensusWithoutReason { competency } if *competency == m1
    );
    consensus(
        db,
        &w,
        &decision(p, &m1, "3,5", "bukti wawancara lebih kuat"),
    )
    .unwrap();
    let row = integration_of(db, &w, p);
    let got = row.integrated.iter().find(|i| i.competency == m1).unwrap();
    assert_eq!(got.level, Some(l("3,5")));
    assert_eq!(got.reason.as_deref(), Some("bukti wawancara lebih kuat"));
}

#[test]
fn a_participant_not_assigned_to_the_assessor_and_a_bad_level_are_refused_and_nothing_is_stored() {
    let (mut t, w) = mean_world();
    let db = &mut t.db;
    // With 2 assessors and 2 per participant, both assess everyone: use someone outside the event.
    let outsider = talenta_store::master::list_employees(db, w.admin.tenant.id)
        .unwrap()
        .into_iter()
        .find(|e| !w.people.iter().any(|(id, _)| *id == e.id))
        .unwrap();
    let me = assessor(db, &w, &w.a);
    assert_refused!(
        scoring::sheet(db, &me, outsider.id).unwrap_err(),
        Scoring,
        scoring::Refusal::NotAssigned
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
    assert_refused!(
        save(db, &w, &w.a, p, &bad, false).unwrap_err(),
        Scoring,
        scoring::Refusal::Sheet { problems }
            if matches!(
                problems.as_slice(),
                [scoring::Problem::NotMeasured { method: Method::GroupDiscussion, competency }]
                    if competency.code() == "M.2"
            )
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
            submit(db, &w, who, p, |c, _| {
                Some(if c.code() == "M.4" { l("1,5") } else { l("3") })
            });
        }
    }
    assert_eq!(finalise(db, &w, None).unwrap().finalised, 4);
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
    for (mut t, w) in mean_worlds() {
        let db = &mut t.db;
        let (p, _) = w.people[0];
        submit(db, &w, &w.a, p, |_, _| Some(l("2")));
        submit(db, &w, &w.b, p, |_, _| Some(l("4")));
        // Both open the meeting: every competency flagged (2 against 4), nothing agreed yet.
        let seen_a = meeting(db, &w, &w.a, p);
        let seen_b = meeting(db, &w, &w.b, p);
        assert_eq!(seen_a.rows.len(), 9, "{}", t.name);
        assert!(seen_a.rows.iter().all(|r| r.integrated.disagreement));
        assert_eq!(seen_a.rows[0].ratings.len(), 4, "2 assessors x 2 methods");
        assert!(seen_b.rows[0].consensus.is_none());
        let m1 = seen_a.rows[0].integrated.competency.clone();
        let d = |level: &str, reason: &'static str| decision(p, &m1, level, reason);
        let first = agree(db, &w, &w.a, &d("3", "bukti in-tray lebih kuat"), None).unwrap();
        assert!(first.is_none(), "stored");
        // B's page was opened before: refused, A's consensus shown.
        let second = agree(db, &w, &w.b, &d("3,5", "wawancara"), None).unwrap();
        let shown = second.expect("refused with what A recorded");
        assert_eq!(shown.level_tenths, 30);
        assert_eq!(shown.decided_by, "asesor.satu");
        // From the fresh page, B may change it (version 1 -> 2).
        let third = agree(
            db,
            &w,
            &w.b,
            &d("3,5", "disepakati ulang"),
            Some(shown.version),
        )
        .unwrap();
        assert!(third.is_none());
        let now = meeting(db, &w, &w.a, p);
        assert_eq!(now.rows[0].integrated.level, Some(l("3,5")));
        assert_eq!(now.rows[0].consensus.as_ref().unwrap().version, 2);
        // Someone who is not the participant's assessor cannot take part.
        let outsider = Actor {
            account_id: None,
            ..w.a.clone()
        };
        assert_refused!(
            scoring::assessor_of(db, &outsider.grant().unwrap(), &w.code).unwrap_err(),
            Scoring,
            scoring::Refusal::NotAssessor { event } if *event == w.code
        );
    }
}

#[test]
fn a_valid_result_is_reused_only_for_a_post_of_the_level_it_was_assessed_for_and_the_newest_wins() {
    // domain.md section 9 (Peraturan BKN 26/2019): valid 3 years, reusable for a target post of
    // the same level, the newest valid result wins.
    use talenta_store::master::{ResultInput, list_positions, upsert_results};
    let (mut t, w) = mean_world();
    let db = &mut t.db;
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
        common::jpm_for(db, &w.admin.tenant, as_of, nip, post, None)
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

/// The reads of `subject`'s data recorded with the use `use_` (newest first).
fn reads_of(db: &mut Db, w: &World, person: i64, use_: &str) -> Vec<talenta_store::audit::Entry> {
    talenta_store::audit::entries(
        db,
        w.admin.tenant.id,
        Some(&format!("employee:{person}")),
        100,
    )
    .unwrap()
    .into_iter()
    .filter(|e| e.detail.contains(&format!("\"use\":\"{use_}\"")))
    .collect()
}

#[test]
fn the_event_results_and_the_assessors_meeting_record_a_read_for_every_person_they_show() {
    for (mut t, w) in mean_worlds() {
        let db = &mut t.db;
        let all = results::event_results(db, &ctx(), &w.admin.grant().unwrap(), &w.code).unwrap();
        assert_eq!(all.rows.len(), 4, "{}", t.name);
        for (p, _) in &w.people {
            let seen = reads_of(db, &w, *p, "event_results");
            assert_eq!(seen.len(), 1, "{}: one read per person shown", t.name);
            assert_eq!(seen[0].action, "result.read");
            assert!(seen[0].detail.contains("nilai-uji"), "{}", seen[0].detail);
        }
        // The plain integration (used inside finalising) is not a read by a person.
        results::integration(db, &w.admin.grant().unwrap(), &w.code).unwrap();
        assert_eq!(reads_of(db, &w, w.people[0].0, "event_results").len(), 1);
        let (p, _) = w.people[0];
        meeting(db, &w, &w.a, p);
        let seen = reads_of(db, &w, p, "meeting");
        assert_eq!(seen.len(), 1, "{}", t.name);
        assert_eq!(seen[0].actor, "uji");
        assert!(
            reads_of(db, &w, w.people[1].0, "meeting").is_empty(),
            "{}: only the participant on the table",
            t.name
        );
        // Every entry written by the bulk read keeps the chain whole.
        let v = talenta_store::audit::verify(db, &fx::key()).unwrap();
        assert!(v.iter().all(|v| v.first_break.is_none()), "{}", t.name);
    }
}
