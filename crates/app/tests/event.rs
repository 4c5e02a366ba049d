//! Events on the demo Kota Mojokerto: the seed article's 268 Pengawas, 48 a day, 6 external
//! assessors over 6 days; too few days explained; internal assessors kept from their own OPD.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use common::assert_refused;
use talenta_app::AppError;
use talenta_app::access::{Actor, Role};
use talenta_app::event::{
    self, AssessorSpec, Cohort, CohortRow, DayLimit, EventSpec, PlacementError, RosterLine,
};
use talenta_domain::conflict::ConflictReason;
use talenta_domain::integration::{Missing, Rule};
use talenta_domain::method::Method;
use talenta_domain::{Nip, PositionClass, Purpose};
use talenta_fixture::{self as fx, ctx};
use talenta_store::Db;
use talenta_store::event::{Event, EventParticipant};
use talenta_store::testing::{self, TestDb};

/// A demo government as of the fixed day, and its administrator.
fn government(db: &mut Db, code: &str) -> Actor {
    let t = fx::demo(db, code, fx::today());
    fx::actor(db, &t, "admin.uji", Role::TenantAdmin)
}

fn mojokerto(db: &mut Db) -> Actor {
    government(db, "kota-mojokerto")
}

/// A fresh SQLite database with the demo Kota Mojokerto, and its administrator.
fn mojokerto_on_sqlite() -> (TestDb, Actor) {
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    (t, actor)
}

/// [`mojokerto_on_sqlite`] with the usual event (see [`usual_event`]) created, not planned.
fn with_usual_event() -> (TestDb, Actor, Event) {
    let (mut t, actor) = mojokerto_on_sqlite();
    let ev = usual_event(&mut t.db, &actor);
    (t, actor, ev)
}

/// [`with_usual_event`] with the event planned.
fn with_planned_event() -> (TestDb, Actor, Event) {
    let (mut t, actor, ev) = with_usual_event();
    make_plan(&mut t.db, &actor, &ev.code).unwrap();
    (t, actor, ev)
}

/// `n` consecutive days from `first`.
fn days_from(first: NaiveDate, n: usize) -> Vec<NaiveDate> {
    (0..n)
        .map(|d| first + chrono::Days::new(d as u64))
        .collect()
}

/// A cohort of the posts of `classes`.
fn cohort_of(classes: Vec<PositionClass>) -> Cohort {
    Cohort {
        classes,
        ..Cohort::default()
    }
}

fn spec(days: usize, assessors: Vec<AssessorSpec>) -> EventSpec {
    EventSpec {
        code: format!("asesmen-pengawas-{days}"),
        name: "Asesmen Pejabat Pengawas".into(),
        purpose: Purpose::Pemetaan,
        dates: days_from(fx::date(2021, 6, 7), days),
        sessions: vec![24, 24],
        rooms: vec![],
        matrix: None,
        day_capacity: 48,
        per_participant: 2,
        max_per_assessor_day: 16,
        unit_share_percent: 50,
        cohort: cohort_of(vec![PositionClass::Pengawas]),
        assessors,
        methods: full_ac(),
        min_methods: 2,
        group_size: (4, 8),
        integration: Rule::Mean,
        missing: Missing::Skip,
    }
}

/// A full assessment centre: every competency measured by at least two methods.
fn full_ac() -> Vec<Method> {
    vec![
        Method::Interview,
        Method::InTray,
        Method::GroupDiscussion,
        Method::RolePlay,
        Method::CaseAnalysis,
        Method::SituationalJudgement,
    ]
}

fn provincial(n: usize) -> Vec<AssessorSpec> {
    (1..=n)
        .map(|i| AssessorSpec {
            name: format!("Asesor BKD {i}"),
            organisation: "BKD Provinsi Jawa Timur".into(),
            nip: None,
            level: "Asesor Madya".into(),
            login: None,
        })
        .collect()
}

/// Creates the event `spec` as `actor`; returns it and the size of its cohort.
fn create(db: &mut Db, actor: &Actor, spec: &EventSpec) -> Result<(Event, usize), AppError> {
    event::create_event(db, &ctx(), &actor.grant().unwrap(), spec)
}

/// Creates the usual event: the Pengawas over six days with six provincial assessors.
fn usual_event(db: &mut Db, actor: &Actor) -> Event {
    create(db, actor, &spec(6, provincial(6))).unwrap().0
}

/// Plans the event `code` as `actor`.
fn make_plan(db: &mut Db, actor: &Actor, code: &str) -> Result<event::Plan, AppError> {
    event::plan(db, &ctx(), &actor.grant().unwrap(), code)
}

/// The roster of the event `code` as `actor` reads it.
fn roster(db: &mut Db, actor: &Actor, code: &str) -> Result<(Event, Vec<RosterLine>), AppError> {
    event::roster(db, &actor.grant().unwrap(), code)
}

/// Moves the participant `nip` of the event `code` to `session` of `day` (a no-show's new
/// slot when `no_show`); returns the names of the participant's assessors.
fn move_to(
    db: &mut Db,
    actor: &Actor,
    code: &str,
    nip: Nip,
    day: u32,
    session: u32,
    no_show: bool,
) -> Result<Vec<String>, AppError> {
    let to = event::Move {
        nip,
        day,
        session,
        no_show,
    };
    event::move_participant(db, &ctx(), &actor.grant().unwrap(), code, &to)
}

/// Marks `who` unavailable on the day numbers `days` of the event `code`.
fn set_unavailable(
    db: &mut Db,
    actor: &Actor,
    code: &str,
    who: &event::Who,
    days: &[u32],
) -> Result<(), AppError> {
    event::set_unavailable(db, &ctx(), &actor.grant().unwrap(), code, who, days)
}

/// Declares that the assessor `assessor` of the event `code` is `relation` to `nip`.
fn declare_conflict(
    db: &mut Db,
    actor: &Actor,
    code: &str,
    assessor: &str,
    nip: Nip,
    relation: &str,
) -> Result<(), AppError> {
    let operator = actor.grant().unwrap();
    event::declare_conflict(db, &ctx(), &operator, code, assessor, nip, relation)
}

/// The stored participants of `ev`.
fn participants(db: &mut Db, actor: &Actor, ev: &Event) -> Vec<EventParticipant> {
    talenta_store::event::participants(db, actor.tenant.id, ev.id).unwrap()
}

/// The stored (employee id, assessor id) assignments of `ev`.
fn assignments(db: &mut Db, actor: &Actor, ev: &Event) -> Vec<(i64, i64)> {
    talenta_store::event::assignments(db, actor.tenant.id, ev.id).unwrap()
}

/// Who assesses whom in `ev`: (employee id, assessor name) pairs.
fn assessed_pairs(db: &mut Db, actor: &Actor, ev: &Event) -> HashSet<(i64, String)> {
    let names: HashMap<i64, String> = talenta_store::event::assessors(db, actor.tenant.id, ev.id)
        .unwrap()
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    assignments(db, actor, ev)
        .into_iter()
        .map(|(e, a)| (e, names[&a].clone()))
        .collect()
}

/// The NIP of the employee `id`.
fn nip_of(db: &mut Db, actor: &Actor, id: i64) -> Nip {
    talenta_store::master::list_employees(db, actor.tenant.id)
        .unwrap()
        .into_iter()
        .find(|e| e.id == id)
        .unwrap()
        .nip
}

/// The (day, session) of the participant `employee_id` among `people`.
fn slot_of(people: &[EventParticipant], employee_id: i64) -> Option<(u32, u32)> {
    people
        .iter()
        .find(|p| p.employee_id == employee_id)
        .unwrap()
        .slot
}

/// Asserts that `plan` seats `total` people, none of its days more than `per_day`, none of its
/// sessions more than `per_session`, and no assessor more than `per_assessor` on a day.
fn assert_within_limits(
    plan: &event::Plan,
    total: u32,
    per_day: u32,
    per_session: u32,
    per_assessor: u32,
) {
    let days: Vec<u32> = plan.days.iter().map(|(_, _, s)| s.iter().sum()).collect();
    assert_eq!(days.iter().sum::<u32>(), total);
    assert!(days.iter().all(|d| *d <= per_day), "{days:?}");
    assert!(
        plan.days
            .iter()
            .all(|(_, _, s)| s.iter().all(|x| *x <= per_session))
    );
    assert!(
        plan.assessor_loads
            .iter()
            .all(|(_, l)| l.iter().all(|x| *x <= per_assessor)),
        "{:?}",
        plan.assessor_loads
    );
}

/// A day of a six-day event other than `day`: the next one, or the fifth after the sixth.
fn another_day(day: u32) -> u32 {
    if day == 6 { 5 } else { day + 1 }
}

#[test]
fn the_268_pengawas_of_mojokerto_are_scheduled_over_6_days_with_6_provincial_assessors() {
    for mut t in testing::both() {
        let db = &mut t.db;
        let actor = mojokerto(db);
        let (ev, size) = create(db, &actor, &spec(6, provincial(6))).unwrap();
        assert_eq!(size, 268, "{}", t.name);
        let plan = make_plan(db, &actor, &ev.code).unwrap();
        assert_eq!(plan.participants, 268);
        assert_within_limits(&plan, 268, 48, 24, 16);
        assert!(
            plan.excluded.is_empty(),
            "external assessors have no conflicts here"
        );
        assert_eq!(
            assignments(db, &actor, &ev).len(),
            536,
            "two assessors each"
        );
        assert!(
            participants(db, &actor, &ev)
                .iter()
                .all(|p| p.slot.is_some())
        );
    }
}

#[test]
fn five_days_are_28_seats_short_and_nothing_is_stored() {
    let (mut t, actor) = mojokerto_on_sqlite();
    let db = &mut t.db;
    let (ev, _) = create(db, &actor, &spec(5, provincial(6))).unwrap();
    assert_refused!(
        make_plan(db, &actor, &ev.code).unwrap_err(),
        Event,
        event::Refusal::CannotPlace {
            error: PlacementError::Short { short: 28, days, .. },
            ..
        } if !days.is_empty()
    );
    assert!(assignments(db, &actor, &ev).is_empty());
}

#[test]
fn an_internal_assessor_never_assesses_someone_of_their_own_opd_and_the_excluded_pairs_say_why() {
    let (mut t, actor) = mojokerto_on_sqlite();
    let db = &mut t.db;
    // An Administrator of the city as an internal assessor.
    let (admin, _) = common::holders_of(db, actor.tenant.id, PositionClass::Administrator)
        .into_iter()
        .next()
        .unwrap();
    let mut assessors = provincial(6);
    assessors.push(AssessorSpec {
        name: admin.name.clone(),
        organisation: "Pemerintah Kota Mojokerto".into(),
        nip: Some(admin.nip),
        level: String::new(),
        login: None,
    });
    let (ev, _) = create(db, &actor, &spec(6, assessors)).unwrap();
    let plan = make_plan(db, &actor, &ev.code).unwrap();
    let mine: Vec<&event::Excluded> = plan
        .excluded
        .iter()
        .filter(|x| x.assessor == admin.name)
        .collect();
    assert!(!mine.is_empty());
    assert!(
        mine.iter()
            .all(|x| x.reasons.contains(&ConflictReason::SameUnit)),
        "{mine:?}"
    );
    let excluded: HashSet<i64> = mine.iter().map(|x| x.employee_id).collect();
    for (employee, assessor) in assessed_pairs(db, &actor, &ev) {
        assert!(
            !(assessor == admin.name && excluded.contains(&employee)),
            "a conflicted pair was scheduled"
        );
    }
}

#[test]
fn bad_events_are_refused_with_a_reason() {
    let (mut t, actor) = mojokerto_on_sqlite();
    let db = &mut t.db;
    let mut s = spec(6, provincial(6));
    s.cohort.opd_code = Some("TIDAK-ADA".into());
    assert_refused!(
        create(db, &actor, &s).unwrap_err(),
        Event,
        event::Refusal::UnitNotFound { code } if code == "TIDAK-ADA"
    );
    let mut s = spec(6, provincial(6));
    s.unit_share_percent = 0;
    assert_refused!(
        create(db, &actor, &s).unwrap_err(),
        Event,
        event::Refusal::UnitShareOutOfRange { percent: 0 }
    );
    let mut s = spec(6, provincial(6));
    s.assessors.push(s.assessors[0].clone());
    assert_refused!(
        create(db, &actor, &s).unwrap_err(),
        Event,
        event::Refusal::AssessorTwice { name } if *name == s.assessors[0].name
    );
    let mut s = spec(6, provincial(6));
    s.rooms = vec!["A".into(), "B".into(), "C".into()];
    assert_refused!(
        create(db, &actor, &s).unwrap_err(),
        Event,
        event::Refusal::TooManyRooms {
            rooms: 3,
            sessions: 2
        }
    );
    assert!(
        event::list(db, &actor.grant().unwrap()).unwrap().is_empty(),
        "a refused event stores nothing"
    );
    let ev = usual_event(db, &actor);
    let stored = talenta_store::event::assessors(db, actor.tenant.id, ev.id).unwrap();
    assert!(
        stored.iter().all(|a| a.level == "Asesor Madya"),
        "the assessor's level is kept"
    );
    let taken = spec(6, provincial(6));
    assert_refused!(
        create(db, &actor, &taken).unwrap_err(),
        Event,
        event::Refusal::CodeTaken { code } if *code == taken.code
    );
    let mut operator_less = actor.clone();
    operator_less.role = Role::Assessor;
    // An assessor never holds the right to create an event, so the use case cannot be called.
    common::assert_forbidden(operator_less.grant::<talenta_app::capability::EditMasterData>());
}

#[test]
fn the_roster_workbook_has_a_sheet_per_day_and_the_assessors_schedule() {
    use calamine::{Reader, Xlsx, open_workbook};
    let (mut t, actor) = mojokerto_on_sqlite();
    let db = &mut t.db;
    let mut with_rooms = spec(6, provincial(6));
    with_rooms.rooms = vec!["Ruang Mawar".into(), "Ruang Melati".into()];
    let (ev, _) = create(db, &actor, &with_rooms).unwrap();
    assert_refused!(
        roster(db, &actor, &ev.code).unwrap_err(),
        Event,
        event::Refusal::NoSchedule { code } if *code == ev.code
    );
    make_plan(db, &actor, &ev.code).unwrap();
    let (e, lines) = roster(db, &actor, &ev.code).unwrap();
    assert_eq!(lines.len(), 268);
    assert!(lines.iter().all(|l| l.assessors.len() == 2));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("daftar.xlsx");
    std::fs::write(&path, event::roster_xlsx(&e, &lines, fx::now()).unwrap()).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let names = wb.sheet_names();
    assert_eq!(
        names,
        vec![
            "Hari 1",
            "Hari 2",
            "Hari 3",
            "Hari 4",
            "Hari 5",
            "Hari 6",
            "Jadwal Asesor"
        ]
    );
    let day1 = wb.worksheet_range("Hari 1").unwrap();
    assert_eq!(day1.get_value((2, 1)).unwrap().to_string(), "NIP");
    let rows_day1 = lines.iter().filter(|l| l.day_no == 1).count();
    assert_eq!(day1.height(), 3 + rows_day1);
    assert_eq!(day1.get_value((2, 6)).unwrap().to_string(), "Ruang");
    for r in 3..day1.height() {
        let session = day1.get_value((r as u32, 0)).unwrap().to_string();
        let room = day1.get_value((r as u32, 6)).unwrap().to_string();
        let want = if session == "1" {
            "Ruang Mawar"
        } else {
            "Ruang Melati"
        };
        assert_eq!(
            room, want,
            "row {r}: session {session} sits in its own room"
        );
    }
    let nip = day1.get_value((3, 1)).unwrap().to_string();
    assert_eq!(nip.len(), 18, "NIPs are text, all 18 digits");
    let schedule = wb.worksheet_range("Jadwal Asesor").unwrap();
    assert_eq!(schedule.height(), 1 + 536);
}

#[test]
fn moves_are_re_checked_a_published_schedule_is_locked_and_no_shows_can_be_rescheduled() {
    let (mut t, actor, ev) = with_planned_event();
    let db = &mut t.db;
    let people = participants(db, &actor, &ev);
    let someone = &people[0];
    let nip = nip_of(db, &actor, someone.employee_id);
    let (day, _) = someone.slot.unwrap();
    let other_day = another_day(day);
    assert_refused!(
        move_to(db, &actor, &ev.code, nip, 9, 1, false).unwrap_err(),
        Event,
        event::Refusal::SessionMissing { day: 9, session: 1 }
    );
    // Fill the target session's free seats in the test's view: find a session with room.
    let free = (1..=2)
        .find(|s| {
            people
                .iter()
                .filter(|p| p.slot == Some((other_day, *s)))
                .count()
                < 24
        })
        .unwrap();
    let names = move_to(db, &actor, &ev.code, nip, other_day, free, false).unwrap();
    assert_eq!(names.len(), 2);
    let after = participants(db, &actor, &ev);
    assert_eq!(
        slot_of(&after, someone.employee_id),
        Some((other_day, free))
    );
    assert_eq!(assignments(db, &actor, &ev).len(), 536, "still two each");
    // A full session is refused.
    let full: Vec<&EventParticipant> = after
        .iter()
        .filter(|p| p.slot.is_some_and(|s| s.0 == 1))
        .collect();
    let outsider = after
        .iter()
        .find(|p| p.slot.is_some_and(|s| s.0 != 1))
        .unwrap();
    let mover = nip_of(db, &actor, outsider.employee_id);
    if full.iter().filter(|p| p.slot == Some((1, 1))).count() >= 24 {
        assert_refused!(
            move_to(db, &actor, &ev.code, mover, 1, 1, false).unwrap_err(),
            Event,
            event::Refusal::SessionFull {
                day: 1,
                session: 1,
                seats: 24
            }
        );
    }
    // Publish: planning and ordinary moves are locked; a no-show may be rescheduled.
    event::publish(db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap();
    assert_refused!(
        make_plan(db, &actor, &ev.code).unwrap_err(),
        Event,
        event::Refusal::Locked { code } if *code == ev.code
    );
    let (d, _) = outsider.slot.unwrap();
    let target = another_day(d);
    let seats = |s: u32| after.iter().filter(|p| p.slot == Some((target, s))).count() < 24;
    let s = if seats(1) { 1 } else { 2 };
    assert_refused!(
        move_to(db, &actor, &ev.code, mover, target, s, false).unwrap_err(),
        Event,
        event::Refusal::PublishedOnlyNoShow { code } if *code == ev.code
    );
    move_to(db, &actor, &ev.code, mover, target, s, true).unwrap();
    // Check-in: once; a participant who came is no no-show.
    let check_in =
        |db: &mut Db| event::check_in(db, &ctx(), &actor.grant().unwrap(), &ev.code, mover);
    let msg = check_in(db).unwrap();
    assert!(msg.contains("hadir"), "{msg}");
    assert_refused!(
        check_in(db).unwrap_err(),
        Event,
        event::Refusal::AlreadyCheckedIn { .. }
    );
    assert_refused!(
        move_to(db, &actor, &ev.code, mover, d, 1, true).unwrap_err(),
        Event,
        event::Refusal::AlreadyAttended { .. }
    );
    let v = talenta_store::audit::verify(db, &ctx().audit_key).unwrap();
    assert!(v.iter().all(|x| x.first_break.is_none()));
}

#[test]
fn the_printed_roster_and_the_invitations_are_pdf_files_with_every_participant() {
    let (mut t, actor, ev) = with_planned_event();
    let db = &mut t.db;
    let (e, lines) = roster(db, &actor, &ev.code).unwrap();
    let roster = event::roster_pdf(&e, &lines).unwrap();
    let text = fx::pdf_text(&roster);
    let first = &lines[0];
    assert!(
        text.contains(&first.nip.to_string()),
        "the NIP as displayed, not cut"
    );
    assert!(
        text.contains(&first.name),
        "the name of the first participant"
    );
    let invitations =
        event::invitations_pdf(&e, "BKPSDM Kota Mojokerto", &lines, fx::now()).unwrap();
    assert_eq!(fx::pdf_pages(&invitations), 268, "a page per participant");
    let text = fx::pdf_text(&invitations);
    assert!(text.contains("UNDANGAN ASESMEN KOMPETENSI"));
    assert!(text.contains(&format!("NIP {}", first.nip)));
    assert!(
        String::from_utf8_lossy(&invitations).contains("pdfaid:part"),
        "an official letter is PDF/A"
    );
}

#[test]
fn group_exercises_get_groups_of_4_to_8_and_too_few_methods_are_refused() {
    let (mut t, actor, ev) = with_planned_event();
    let db = &mut t.db;
    let groups = talenta_store::event::groups(db, actor.tenant.id, ev.id).unwrap();
    assert_eq!(groups.len(), 268, "everyone is in a group for the LGD");
    let mut sizes = HashMap::new();
    for (_, g) in &groups {
        *sizes.entry(*g).or_insert(0u32) += 1;
    }
    assert!(sizes.values().all(|n| (4..=8).contains(n)), "{sizes:?}");
    // Kota Bima: a written test and an interview measure eight competencies only once.
    let mut bima = spec(3, provincial(6));
    bima.code = "bima".into();
    bima.methods = vec![Method::WrittenTest, Method::Interview];
    assert_refused!(
        create(db, &actor, &bima).unwrap_err(),
        Event,
        event::Refusal::MethodsShort { short }
            if short.first().is_some_and(|u| u.competency.code() == "M.1"
                && u.methods == 1
                && u.required == 2)
    );
    bima.min_methods = 1;
    create(db, &actor, &bima).unwrap();
    // Three people in a session cannot form a group of four.
    let mut tiny = spec(1, provincial(6));
    tiny.code = "kecil".into();
    tiny.cohort.classes = vec![];
    tiny.sessions = vec![3];
    tiny.day_capacity = 3;
    tiny.unit_share_percent = 100;
    let inspektorat = talenta_store::master::list_units(db, actor.tenant.id)
        .unwrap()
        .into_iter()
        .find(|u| u.name == "Inspektorat")
        .unwrap();
    tiny.cohort.opd_code = Some(inspektorat.code);
    let (small, n) = create(db, &actor, &tiny).unwrap();
    let err = make_plan(db, &actor, &small.code).unwrap_err();
    if n <= 3 {
        assert_refused!(
            err,
            Event,
            event::Refusal::GroupsImpossible { min: 4, max: 8, .. }
        );
    } else {
        assert_refused!(
            err,
            Event,
            event::Refusal::CannotPlace {
                error: PlacementError::Short { .. },
                ..
            },
            "more people than seats"
        );
    }
}

#[test]
fn bekasi_s_four_classes_are_scheduled_in_3_days_of_3_sessions() {
    use talenta_domain::position::Jenjang;
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let actor = government(db, "kab-bekasi");
    let mut classes = vec![
        PositionClass::Administrator,
        PositionClass::Pengawas,
        PositionClass::Pelaksana,
    ];
    classes.extend(
        [
            Jenjang::AhliUtama,
            Jenjang::AhliMadya,
            Jenjang::AhliMuda,
            Jenjang::AhliPertama,
            Jenjang::Penyelia,
            Jenjang::Mahir,
            Jenjang::Terampil,
            Jenjang::Pemula,
        ]
        .into_iter()
        .map(PositionClass::Fungsional),
    );
    let bekasi = EventSpec {
        code: "asesmen-bekasi-2021".into(),
        name: "Asesmen ASN Kabupaten Bekasi".into(),
        purpose: Purpose::Pengisian,
        dates: days_from(fx::date(2021, 10, 5), 3),
        sessions: vec![260, 260, 260],
        day_capacity: 780,
        max_per_assessor_day: 60,
        cohort: cohort_of(classes),
        ..spec(3, provincial(40))
    };
    let (ev, size) = create(db, &actor, &bekasi).unwrap();
    // The article's parts: 210 + 784 + 131 + 1,202 = 2,327 (its headline says 2,227).
    assert_eq!(size, 2327);
    let plan = make_plan(db, &actor, &ev.code).unwrap();
    assert_within_limits(&plan, 2327, 780, 260, 60);
    assert!(plan.days.iter().all(|(_, _, s)| s.len() == 3));
    assert_eq!(assignments(db, &actor, &ev).len(), 2 * 2327);
}

#[test]
fn an_eselon_ii_cohort_with_6_assessors_over_3_days() {
    let (mut t, actor) = mojokerto_on_sqlite();
    let db = &mut t.db;
    let jpt = EventSpec {
        code: "pemetaan-jpt".into(),
        name: "Pemetaan Kompetensi JPT Pratama".into(),
        dates: days_from(fx::date(2026, 11, 17), 3),
        sessions: vec![4, 4],
        day_capacity: 8,
        max_per_assessor_day: 4,
        unit_share_percent: 100,
        cohort: cohort_of(vec![PositionClass::JptPratama]),
        // Kota Bima: a written test and an interview on the official's own duties.
        methods: vec![Method::WrittenTest, Method::Interview],
        min_methods: 1,
        ..spec(3, provincial(6))
    };
    let (ev, size) = create(db, &actor, &jpt).unwrap();
    assert!(size > 0 && size <= 24, "{size}");
    let plan = make_plan(db, &actor, &ev.code).unwrap();
    assert_eq!(plan.participants, size);
    assert_eq!(plan.days.len(), 3);
    assert!(
        talenta_store::event::groups(db, actor.tenant.id, ev.id)
            .unwrap()
            .is_empty(),
        "no group exercise"
    );
}

#[test]
fn an_assessor_of_the_previous_cycle_does_not_assess_the_same_person_again() {
    let (mut t, actor, first) = with_planned_event();
    let db = &mut t.db;
    let before = assessed_pairs(db, &actor, &first);
    let mut again = spec(6, provincial(6));
    again.code = "asesmen-pengawas-2023".into();
    let (second, _) = create(db, &actor, &again).unwrap();
    let plan = make_plan(db, &actor, &second.code).unwrap();
    assert_eq!(
        plan.excluded
            .iter()
            .filter(|x| x.reasons.contains(&ConflictReason::PreviousCycle))
            .count(),
        536
    );
    assert!(
        assessed_pairs(db, &actor, &second).is_disjoint(&before),
        "assessed by the same assessor twice"
    );
}

#[test]
fn too_few_assessors_limit_the_days_and_the_answer_says_so() {
    let (mut t, actor) = mojokerto_on_sqlite();
    let db = &mut t.db;
    let (ev, _) = create(db, &actor, &spec(6, provincial(2))).unwrap();
    let err = make_plan(db, &actor, &ev.code).unwrap_err();
    assert_refused!(
        err,
        Event,
        event::Refusal::CannotPlace {
            error: PlacementError::Short { short: 172, .. },
            ..
        },
        "2 assessors x 16 / 2 = 16 a day, 96 in six days"
    );
    assert_refused!(
        err,
        Event,
        event::Refusal::CannotPlace { assessor_limits, .. }
            if assessor_limits.contains(&DayLimit { day: 1, most: 16 })
    );
}

#[test]
fn a_declared_relation_keeps_the_assessor_from_that_person_with_the_relation_as_reason() {
    let (mut t, actor, ev) = with_usual_event();
    let db = &mut t.db;
    let who = participants(db, &actor, &ev)[3].employee_id;
    let nip = nip_of(db, &actor, who);
    declare_conflict(db, &actor, &ev.code, "Asesor BKD 2", nip, "saudara kandung").unwrap();
    assert_refused!(
        declare_conflict(db, &actor, &ev.code, "Tidak Ada", nip, "x").unwrap_err(),
        Event,
        event::Refusal::AssessorNotInEvent { name } if name == "Tidak Ada"
    );
    let plan = make_plan(db, &actor, &ev.code).unwrap();
    let x = plan.excluded.iter().find(|x| x.employee_id == who).unwrap();
    assert_eq!(x.assessor, "Asesor BKD 2");
    assert_eq!(
        x.reasons,
        vec![ConflictReason::Declared("saudara kandung".into())]
    );
    assert!(!assessed_pairs(db, &actor, &ev).contains(&(who, "Asesor BKD 2".to_string())));
}

#[test]
fn unavailable_days_of_participants_and_assessors_are_respected() {
    let (mut t, actor, ev) = with_usual_event();
    let db = &mut t.db;
    let people = participants(db, &actor, &ev);
    let nip = nip_of(db, &actor, people[0].employee_id);
    let one = event::Who::Assessor("Asesor BKD 1".into());
    set_unavailable(
        db,
        &actor,
        &ev.code,
        &event::Who::Participant(nip),
        &[1, 2, 3, 4, 5],
    )
    .unwrap();
    set_unavailable(db, &actor, &ev.code, &one, &[1]).unwrap();
    assert_refused!(
        set_unavailable(db, &actor, &ev.code, &one, &[9]).unwrap_err(),
        Event,
        event::Refusal::DayMissing { day: 9, days: 6 }
    );
    let plan = make_plan(db, &actor, &ev.code).unwrap();
    let after = participants(db, &actor, &ev);
    assert_eq!(slot_of(&after, people[0].employee_id).map(|s| s.0), Some(6));
    let first = plan
        .assessor_loads
        .iter()
        .find(|(n, _)| n == "Asesor BKD 1")
        .unwrap();
    assert_eq!(first.1[0], 0, "no assessee on the day the assessor is away");
}

#[test]
fn a_cohort_can_be_chosen_by_eselon_or_by_a_list_and_an_unknown_nip_is_refused() {
    let (mut t, actor) = mojokerto_on_sqlite();
    let db = &mut t.db;
    let mut by_eselon = spec(6, provincial(6));
    by_eselon.code = "eselon-iv-a".into();
    by_eselon.cohort.classes = vec![];
    by_eselon.cohort.eselon = vec![talenta_domain::Eselon::IVA];
    let (_, n) = create(db, &actor, &by_eselon).unwrap();
    assert!(n > 0 && n < 268, "the IV.a posts only: {n}");
    let employees = talenta_store::master::list_employees(db, actor.tenant.id).unwrap();
    let listed: Vec<Nip> = employees
        .iter()
        .filter(|e| e.position_id.is_some())
        .take(5)
        .map(|e| e.nip)
        .collect();
    let mut by_list = spec(6, provincial(6));
    by_list.code = "daftar".into();
    by_list.cohort.classes = vec![];
    by_list.cohort.nips = listed.clone();
    let (_, n) = create(db, &actor, &by_list).unwrap();
    assert_eq!(n, 5);
    by_list.code = "daftar-2".into();
    by_list
        .cohort
        .nips
        .push(Nip::parse("199901012020011001").unwrap());
    assert_refused!(
        create(db, &actor, &by_list).unwrap_err(),
        Event,
        event::Refusal::NotPostedEmployees { nips }
            if nips.iter().map(|n| n.digits()).collect::<Vec<_>>() == ["199901012020011001"]
    );
}

#[test]
fn an_external_assessor_line_carries_name_organisation_and_level() {
    let a = AssessorSpec::external(" Dra. Sri Wahyuni | BKN Kanreg II | Asesor Madya ");
    assert_eq!(a.name, "Dra. Sri Wahyuni");
    assert_eq!(a.organisation, "BKN Kanreg II");
    assert_eq!(a.level, "Asesor Madya");
    assert_eq!(a.nip, None);
    let bare = AssessorSpec::external("Budi");
    assert_eq!((bare.organisation.as_str(), bare.level.as_str()), ("", ""));
}

#[test]
fn a_cohort_list_is_read_from_a_workbook_or_a_csv_and_a_bad_list_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("peserta.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "No").unwrap();
    ws.write_string(0, 1, "NIP").unwrap();
    ws.write_string(0, 2, "Nama").unwrap();
    for (r, nip) in ["198001012005011001", "19810202 200601 2 002"]
        .iter()
        .enumerate()
    {
        let r = r as u32 + 1;
        ws.write_number(r, 0, f64::from(r)).unwrap();
        ws.write_string(r, 1, *nip).unwrap();
        ws.write_string(r, 2, "Pegawai").unwrap();
    }
    wb.save(&xlsx).unwrap();
    let nips = event::cohort_from_file(&xlsx).unwrap();
    assert_eq!(
        nips.iter().map(|n| n.digits()).collect::<Vec<_>>(),
        vec!["198001012005011001", "198102022006012002"],
        "the NIP column is found by its header, not by position"
    );

    let csv = dir.path().join("peserta.csv");
    std::fs::write(&csv, "198001012005011001\n\n198102022006012002\n").unwrap();
    assert_eq!(
        event::cohort_from_file(&csv).unwrap().len(),
        2,
        "no header: the first column"
    );

    let numeric = dir.path().join("angka.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "NIP").unwrap();
    ws.write_number(1, 0, 198001012005011001.0).unwrap();
    wb.save(&numeric).unwrap();
    assert_refused!(
        event::cohort_from_file(&numeric).unwrap_err(),
        Event,
        event::Refusal::CohortFileRejected { problems, .. }
            if matches!(problems.as_slice(), [CohortRow::NipAsNumber { row: 2, .. }])
    );

    let bad = dir.path().join("salah.csv");
    std::fs::write(&bad, "NIP\n198001012005011001\n12345\n").unwrap();
    assert_refused!(
        event::cohort_from_file(&bad).unwrap_err(),
        Event,
        event::Refusal::CohortFileRejected { path, problems }
            if *path == bad
                && matches!(problems.as_slice(), [CohortRow::BadNip { row: 3, .. }])
    );

    let empty = dir.path().join("kosong.csv");
    std::fs::write(&empty, "NIP\n").unwrap();
    assert_refused!(
        event::cohort_from_file(&empty).unwrap_err(),
        Event,
        event::Refusal::CohortFileEmpty { path } if *path == empty
    );
}

#[test]
fn a_government_s_own_matrix_decides_whether_the_methods_measure_enough() {
    use talenta_domain::method::parse_matrix;
    let (mut t, actor) = mojokerto_on_sqlite();
    let db = &mut t.db;
    let mut s = spec(6, provincial(6));
    s.methods = vec![Method::Interview, Method::Presentation, Method::Paper];
    assert_refused!(
        create(db, &actor, &s).unwrap_err(),
        Event,
        event::Refusal::MethodsShort { .. }
    );
    // This government counts the presentation and the paper for every competency.
    let all: String = [
        "M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1",
    ]
    .iter()
    .map(|c| format!("{c}: wawancara, presentasi, makalah\n"))
    .collect();
    s.matrix = Some(parse_matrix(&all).unwrap());
    let (ev, _) = create(db, &actor, &s).unwrap();
    assert_eq!(ev.matrix, s.matrix, "kept with the event");
    // A matrix that forgets a competency leaves it unmeasured.
    s.code = "tanpa-sk1".into();
    s.matrix =
        Some(parse_matrix(&all.replace("SK.1: wawancara, presentasi, makalah\n", "")).unwrap());
    assert_refused!(
        create(db, &actor, &s).unwrap_err(),
        Event,
        event::Refusal::MethodsShort { short }
            if short.iter().any(|u| u.competency.code() == "SK.1" && u.methods == 0)
    );
}

#[test]
fn a_job_fit_event_keeps_its_purpose() {
    let (mut t, actor) = mojokerto_on_sqlite();
    let mut s = spec(6, provincial(6));
    s.purpose = Purpose::JobFit;
    let (ev, _) = create(&mut t.db, &actor, &s).unwrap();
    assert_eq!(ev.purpose, Purpose::JobFit);
}
