//! Events on the demo Kota Mojokerto: the seed article's 268 Pengawas, 48 a day, 6 external
//! assessors over 6 days; too few days explained; internal assessors kept from their own OPD.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use chrono::NaiveDate;
use talenta_app::AppError;
use talenta_app::access::{Actor, Role};
use talenta_app::error::Refusal;
use talenta_app::event::{
    self, AssessorSpec, Cohort, CohortRow, DayLimit, EventSpec, PlacementError,
};
use talenta_domain::conflict::ConflictReason;
use talenta_domain::method::Method;
use talenta_domain::{PositionClass, Purpose};
use talenta_fixture::{self as fx, ctx};
use talenta_store::Db;
use talenta_store::testing;

/// A demo government as of the fixed day, and its administrator.
fn government(db: &mut Db, code: &str) -> Actor {
    let t = fx::demo(db, code, fx::today());
    fx::actor(db, &t, "admin.uji", Role::TenantAdmin)
}

fn mojokerto(db: &mut Db) -> Actor {
    government(db, "kota-mojokerto")
}

fn spec(days: usize, assessors: Vec<AssessorSpec>) -> EventSpec {
    EventSpec {
        code: format!("asesmen-pengawas-{days}"),
        name: "Asesmen Pejabat Pengawas".into(),
        purpose: Purpose::Pemetaan,
        dates: (0..days)
            .map(|d| NaiveDate::from_ymd_opt(2021, 6, 7).unwrap() + chrono::Days::new(d as u64))
            .collect(),
        sessions: vec![24, 24],
        rooms: vec![],
        matrix: None,
        day_capacity: 48,
        per_participant: 2,
        max_per_assessor_day: 16,
        unit_share_percent: 50,
        cohort: Cohort {
            classes: vec![PositionClass::Pengawas],
            opd_code: None,
            eselon: vec![],
            nips: vec![],
        },
        assessors,
        methods: full_ac(),
        min_methods: 2,
        group_size: (4, 8),
        integration: talenta_domain::integration::Rule::Mean,
        missing: talenta_domain::integration::Missing::Skip,
    }
}

/// A full assessment centre: every competency measured by at least two methods.
fn full_ac() -> Vec<Method> {
    [
        "wawancara",
        "in-tray",
        "lgd",
        "role-play",
        "analisis-kasus",
        "sjt",
    ]
    .iter()
    .map(|m| Method::parse(m).unwrap())
    .collect()
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

#[test]
fn the_268_pengawas_of_mojokerto_are_scheduled_over_6_days_with_6_provincial_assessors() {
    for mut t in testing::both() {
        let actor = mojokerto(&mut t.db);
        let (ev, size) = event::create_event(
            &mut t.db,
            &ctx(),
            &actor.grant().unwrap(),
            &spec(6, provincial(6)),
        )
        .unwrap();
        assert_eq!(size, 268, "{}", t.name);
        let plan = event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap();
        assert_eq!(plan.participants, 268);
        let per_day: Vec<u32> = plan.days.iter().map(|(_, _, s)| s.iter().sum()).collect();
        assert_eq!(per_day.iter().sum::<u32>(), 268);
        assert!(per_day.iter().all(|d| *d <= 48), "{per_day:?}");
        assert!(plan.days.iter().all(|(_, _, s)| s.iter().all(|x| *x <= 24)));
        assert!(
            plan.assessor_loads
                .iter()
                .all(|(_, l)| l.iter().all(|x| *x <= 16)),
            "{:?}",
            plan.assessor_loads
        );
        assert!(
            plan.excluded.is_empty(),
            "external assessors have no conflicts here"
        );
        let stored = talenta_store::event::assignments(&mut t.db, actor.tenant.id, ev.id).unwrap();
        assert_eq!(stored.len(), 536, "two assessors each");
        let people = talenta_store::event::participants(&mut t.db, actor.tenant.id, ev.id).unwrap();
        assert!(people.iter().all(|p| p.slot.is_some()));
    }
}

#[test]
fn five_days_are_28_seats_short_and_nothing_is_stored() {
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    let (ev, _) = event::create_event(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &spec(5, provincial(6)),
    )
    .unwrap();
    let err = event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::CannotPlace {
                error: PlacementError::Short { short: 28, days, .. },
                ..
            })) if !days.is_empty()
        ),
        "{err:?}"
    );
    assert!(
        talenta_store::event::assignments(&mut t.db, actor.tenant.id, ev.id)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_internal_assessor_never_assesses_someone_of_their_own_opd_and_the_excluded_pairs_say_why() {
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    // An Administrator of the city as an internal assessor.
    let employees = talenta_store::master::list_employees(&mut t.db, actor.tenant.id).unwrap();
    let positions = talenta_store::master::list_positions(&mut t.db, actor.tenant.id).unwrap();
    let admin = employees
        .iter()
        .find(|e| {
            e.position_id
                .and_then(|p| positions.iter().find(|x| x.id == p))
                .is_some_and(|p| p.class == PositionClass::Administrator)
        })
        .unwrap();
    let mut assessors = provincial(6);
    assessors.push(AssessorSpec {
        name: admin.name.clone(),
        organisation: "Pemerintah Kota Mojokerto".into(),
        nip: Some(admin.nip),
        level: String::new(),
        login: None,
    });
    let (ev, _) = event::create_event(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &spec(6, assessors),
    )
    .unwrap();
    let plan = event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap();
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
    let assessor_id = talenta_store::event::assessors(&mut t.db, actor.tenant.id, ev.id)
        .unwrap()
        .into_iter()
        .find(|a| a.name == admin.name)
        .unwrap()
        .id;
    let excluded: std::collections::HashSet<i64> = mine.iter().map(|x| x.employee_id).collect();
    for (employee, assessor) in
        talenta_store::event::assignments(&mut t.db, actor.tenant.id, ev.id).unwrap()
    {
        assert!(
            !(assessor == assessor_id && excluded.contains(&employee)),
            "a conflicted pair was scheduled"
        );
    }
}

#[test]
fn bad_events_are_refused_with_a_reason() {
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    let mut s = spec(6, provincial(6));
    s.cohort.opd_code = Some("TIDAK-ADA".into());
    let err = event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &s).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::UnitNotFound { code }))
                if code == "TIDAK-ADA"
        ),
        "{err:?}"
    );
    let mut s = spec(6, provincial(6));
    s.unit_share_percent = 0;
    let err = event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &s).unwrap_err();
    assert!(
        matches!(
            err,
            AppError::Refused(Refusal::Event(event::Refusal::UnitShareOutOfRange {
                percent: 0
            }))
        ),
        "{err:?}"
    );
    let mut s = spec(6, provincial(6));
    s.assessors.push(s.assessors[0].clone());
    let err = event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &s).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::AssessorTwice { name }))
                if *name == s.assessors[0].name
        ),
        "{err:?}"
    );
    let mut s = spec(6, provincial(6));
    s.rooms = vec!["A".into(), "B".into(), "C".into()];
    let err = event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &s).unwrap_err();
    assert!(
        matches!(
            err,
            AppError::Refused(Refusal::Event(event::Refusal::TooManyRooms {
                rooms: 3,
                sessions: 2
            }))
        ),
        "{err:?}"
    );
    assert!(
        event::list(&mut t.db, &actor.grant().unwrap())
            .unwrap()
            .is_empty(),
        "a refused event stores nothing"
    );
    let (ev, _) = event::create_event(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &spec(6, provincial(6)),
    )
    .unwrap();
    let stored = talenta_store::event::assessors(&mut t.db, actor.tenant.id, ev.id).unwrap();
    assert!(
        stored.iter().all(|a| a.level == "Asesor Madya"),
        "the assessor's level is kept"
    );
    let taken = spec(6, provincial(6));
    let err = event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &taken).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::CodeTaken { code }))
                if *code == taken.code
        ),
        "{err:?}"
    );
    let mut operator_less = actor.clone();
    operator_less.role = Role::Assessor;
    // An assessor never holds the right to create an event, so the use case cannot be called.
    assert!(matches!(
        operator_less.grant::<talenta_app::capability::EditMasterData>(),
        Err(talenta_app::AppError::Forbidden)
    ));
}

#[test]
fn the_roster_workbook_has_a_sheet_per_day_and_the_assessors_schedule() {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    let mut with_rooms = spec(6, provincial(6));
    with_rooms.rooms = vec!["Ruang Mawar".into(), "Ruang Melati".into()];
    let (ev, _) =
        event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &with_rooms).unwrap();
    let err = event::roster(&mut t.db, &actor.grant().unwrap(), &ev.code).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::NoSchedule { code }))
                if *code == ev.code
        ),
        "{err:?}"
    );
    event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap();
    let (e, lines) = event::roster(&mut t.db, &actor.grant().unwrap(), &ev.code).unwrap();
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
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    let (ev, _) = event::create_event(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &spec(6, provincial(6)),
    )
    .unwrap();
    event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap();
    let people = talenta_store::event::participants(&mut t.db, actor.tenant.id, ev.id).unwrap();
    let employees = talenta_store::master::list_employees(&mut t.db, actor.tenant.id).unwrap();
    let nip_of = |id: i64| employees.iter().find(|e| e.id == id).unwrap().nip;
    let someone = &people[0];
    let (day, _) = someone.slot.unwrap();
    let other_day = if day == 6 { 5 } else { day + 1 };
    let err = event::move_participant(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &ev.code,
        &event::Move {
            nip: nip_of(someone.employee_id),
            day: 9,
            session: 1,
            no_show: false,
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            AppError::Refused(Refusal::Event(event::Refusal::SessionMissing {
                day: 9,
                session: 1
            }))
        ),
        "{err:?}"
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
    let names = event::move_participant(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &ev.code,
        &event::Move {
            nip: nip_of(someone.employee_id),
            day: other_day,
            session: free,
            no_show: false,
        },
    )
    .unwrap();
    assert_eq!(names.len(), 2);
    let after = talenta_store::event::participants(&mut t.db, actor.tenant.id, ev.id).unwrap();
    assert_eq!(
        after
            .iter()
            .find(|p| p.employee_id == someone.employee_id)
            .unwrap()
            .slot,
        Some((other_day, free))
    );
    let assigned = talenta_store::event::assignments(&mut t.db, actor.tenant.id, ev.id).unwrap();
    assert_eq!(assigned.len(), 536, "still two each");
    // A full session is refused.
    let full: Vec<&talenta_store::event::EventParticipant> = after
        .iter()
        .filter(|p| p.slot.is_some_and(|s| s.0 == 1))
        .collect();
    let outsider = after
        .iter()
        .find(|p| p.slot.is_some_and(|s| s.0 != 1))
        .unwrap();
    if full.iter().filter(|p| p.slot == Some((1, 1))).count() >= 24 {
        let err = event::move_participant(
            &mut t.db,
            &ctx(),
            &actor.grant().unwrap(),
            &ev.code,
            &event::Move {
                nip: nip_of(outsider.employee_id),
                day: 1,
                session: 1,
                no_show: false,
            },
        )
        .unwrap_err();
        assert!(
            matches!(
                err,
                AppError::Refused(Refusal::Event(event::Refusal::SessionFull {
                    day: 1,
                    session: 1,
                    seats: 24
                }))
            ),
            "{err:?}"
        );
    }
    // Publish: planning and ordinary moves are locked; a no-show may be rescheduled.
    event::publish(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap();
    let err = event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::Locked { code })) if *code == ev.code
        ),
        "{err:?}"
    );
    let mover = nip_of(outsider.employee_id);
    let (d, _) = outsider.slot.unwrap();
    let target = if d == 6 { 5 } else { d + 1 };
    let seats = |s: u32| after.iter().filter(|p| p.slot == Some((target, s))).count() < 24;
    let s = if seats(1) { 1 } else { 2 };
    let err = event::move_participant(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &ev.code,
        &event::Move {
            nip: mover,
            day: target,
            session: s,
            no_show: false,
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::PublishedOnlyNoShow { code }))
                if *code == ev.code
        ),
        "{err:?}"
    );
    event::move_participant(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &ev.code,
        &event::Move {
            nip: mover,
            day: target,
            session: s,
            no_show: true,
        },
    )
    .unwrap();
    // Check-in: once; a participant who came is no no-show.
    let msg = event::check_in(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code, mover).unwrap();
    assert!(msg.contains("hadir"), "{msg}");
    let err =
        event::check_in(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code, mover).unwrap_err();
    assert!(
        matches!(
            err,
            AppError::Refused(Refusal::Event(event::Refusal::AlreadyCheckedIn { .. }))
        ),
        "{err:?}"
    );
    let err = event::move_participant(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &ev.code,
        &event::Move {
            nip: mover,
            day: d,
            session: 1,
            no_show: true,
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            AppError::Refused(Refusal::Event(event::Refusal::AlreadyAttended { .. }))
        ),
        "{err:?}"
    );
    let v = talenta_store::audit::verify(&mut t.db, &ctx().audit_key).unwrap();
    assert!(v.iter().all(|x| x.first_break.is_none()));
}

#[test]
fn the_printed_roster_and_the_invitations_are_pdf_files_with_every_participant() {
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    let (ev, _) = event::create_event(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &spec(6, provincial(6)),
    )
    .unwrap();
    event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap();
    let (e, lines) = event::roster(&mut t.db, &actor.grant().unwrap(), &ev.code).unwrap();
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
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    let (ev, _) = event::create_event(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &spec(6, provincial(6)),
    )
    .unwrap();
    event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap();
    let groups = talenta_store::event::groups(&mut t.db, actor.tenant.id, ev.id).unwrap();
    assert_eq!(groups.len(), 268, "everyone is in a group for the LGD");
    let mut sizes = std::collections::HashMap::new();
    for (_, g) in &groups {
        *sizes.entry(*g).or_insert(0u32) += 1;
    }
    assert!(sizes.values().all(|n| (4..=8).contains(n)), "{sizes:?}");
    // Kota Bima: a written test and an interview measure eight competencies only once.
    let mut bima = spec(3, provincial(6));
    bima.code = "bima".into();
    bima.methods = vec![Method::WrittenTest, Method::Interview];
    let err = event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &bima).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::MethodsShort { short }))
                if short.first().is_some_and(|u| u.competency.code() == "M.1"
                    && u.methods == 1
                    && u.required == 2)
        ),
        "{err:?}"
    );
    bima.min_methods = 1;
    event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &bima).unwrap();
    // Three people in a session cannot form a group of four.
    let mut tiny = spec(1, provincial(6));
    tiny.code = "kecil".into();
    tiny.cohort.classes = vec![];
    tiny.sessions = vec![3];
    tiny.day_capacity = 3;
    tiny.unit_share_percent = 100;
    let inspektorat = talenta_store::master::list_units(&mut t.db, actor.tenant.id)
        .unwrap()
        .into_iter()
        .find(|u| u.name == "Inspektorat")
        .unwrap();
    tiny.cohort.opd_code = Some(inspektorat.code);
    let (small, n) =
        event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &tiny).unwrap();
    let err = event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &small.code).unwrap_err();
    if n <= 3 {
        assert!(
            matches!(
                err,
                AppError::Refused(Refusal::Event(event::Refusal::GroupsImpossible {
                    min: 4,
                    max: 8,
                    ..
                }))
            ),
            "{err:?}"
        );
    } else {
        assert!(
            matches!(
                err,
                AppError::Refused(Refusal::Event(event::Refusal::CannotPlace {
                    error: PlacementError::Short { .. },
                    ..
                }))
            ),
            "more people than seats: {err:?}"
        );
    }
}

#[test]
fn bekasi_s_four_classes_are_scheduled_in_3_days_of_3_sessions() {
    use talenta_domain::position::Jenjang;
    let mut t = testing::sqlite();
    let actor = government(&mut t.db, "kab-bekasi");
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
    let spec = EventSpec {
        code: "asesmen-bekasi-2021".into(),
        name: "Asesmen ASN Kabupaten Bekasi".into(),
        purpose: Purpose::Pengisian,
        dates: (5..=7)
            .map(|d| NaiveDate::from_ymd_opt(2021, 10, d).unwrap())
            .collect(),
        sessions: vec![260, 260, 260],
        rooms: vec![],
        matrix: None,
        day_capacity: 780,
        per_participant: 2,
        max_per_assessor_day: 60,
        unit_share_percent: 50,
        cohort: Cohort {
            classes,
            opd_code: None,
            eselon: vec![],
            nips: vec![],
        },
        assessors: provincial(40),
        methods: full_ac(),
        min_methods: 2,
        group_size: (4, 8),
        integration: talenta_domain::integration::Rule::Mean,
        missing: talenta_domain::integration::Missing::Skip,
    };
    let (ev, size) =
        event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &spec).unwrap();
    // The article's parts: 210 + 784 + 131 + 1,202 = 2,327 (its headline says 2,227).
    assert_eq!(size, 2327);
    let plan = event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap();
    let per_day: Vec<u32> = plan.days.iter().map(|(_, _, s)| s.iter().sum()).collect();
    assert_eq!(per_day.iter().sum::<u32>(), 2327);
    assert!(per_day.iter().all(|d| *d <= 780), "{per_day:?}");
    assert!(
        plan.days
            .iter()
            .all(|(_, _, s)| s.len() == 3 && s.iter().all(|x| *x <= 260))
    );
    assert!(
        plan.assessor_loads
            .iter()
            .all(|(_, l)| l.iter().all(|x| *x <= 60))
    );
    assert_eq!(
        talenta_store::event::assignments(&mut t.db, actor.tenant.id, ev.id)
            .unwrap()
            .len(),
        2 * 2327
    );
}

#[test]
fn an_eselon_ii_cohort_with_6_assessors_over_3_days() {
    let mut t = testing::sqlite();
    let actor = government(&mut t.db, "kota-mojokerto");
    let spec = EventSpec {
        code: "pemetaan-jpt".into(),
        name: "Pemetaan Kompetensi JPT Pratama".into(),
        purpose: Purpose::Pemetaan,
        dates: (17..=19)
            .map(|d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap())
            .collect(),
        sessions: vec![4, 4],
        rooms: vec![],
        matrix: None,
        day_capacity: 8,
        per_participant: 2,
        max_per_assessor_day: 4,
        unit_share_percent: 100,
        cohort: Cohort {
            classes: vec![PositionClass::JptPratama],
            opd_code: None,
            eselon: vec![],
            nips: vec![],
        },
        assessors: provincial(6),
        // Kota Bima: a written test and an interview on the official's own duties.
        methods: vec![Method::WrittenTest, Method::Interview],
        min_methods: 1,
        group_size: (4, 8),
        integration: talenta_domain::integration::Rule::Mean,
        missing: talenta_domain::integration::Missing::Skip,
    };
    let (ev, size) =
        event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &spec).unwrap();
    assert!(size > 0 && size <= 24, "{size}");
    let plan = event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap();
    assert_eq!(plan.participants, size);
    assert_eq!(plan.days.len(), 3);
    assert!(
        talenta_store::event::groups(&mut t.db, actor.tenant.id, ev.id)
            .unwrap()
            .is_empty(),
        "no group exercise"
    );
}

#[test]
fn an_assessor_of_the_previous_cycle_does_not_assess_the_same_person_again() {
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    let (first, _) = event::create_event(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &spec(6, provincial(6)),
    )
    .unwrap();
    event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &first.code).unwrap();
    let before: std::collections::HashSet<(i64, String)> = {
        let names: std::collections::HashMap<i64, String> =
            talenta_store::event::assessors(&mut t.db, actor.tenant.id, first.id)
                .unwrap()
                .into_iter()
                .map(|a| (a.id, a.name))
                .collect();
        talenta_store::event::assignments(&mut t.db, actor.tenant.id, first.id)
            .unwrap()
            .into_iter()
            .map(|(e, a)| (e, names[&a].clone()))
            .collect()
    };
    let mut again = spec(6, provincial(6));
    again.code = "asesmen-pengawas-2023".into();
    let (second, _) =
        event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &again).unwrap();
    let plan = event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &second.code).unwrap();
    assert_eq!(
        plan.excluded
            .iter()
            .filter(|x| x.reasons.contains(&ConflictReason::PreviousCycle))
            .count(),
        536
    );
    let names: std::collections::HashMap<i64, String> =
        talenta_store::event::assessors(&mut t.db, actor.tenant.id, second.id)
            .unwrap()
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect();
    for (e, a) in talenta_store::event::assignments(&mut t.db, actor.tenant.id, second.id).unwrap()
    {
        assert!(
            !before.contains(&(e, names[&a].clone())),
            "assessed by the same assessor twice"
        );
    }
}

#[test]
fn unavailable_days_of_participants_and_assessors_are_respected() {
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    let (ev, _) = event::create_event(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &spec(6, provincial(6)),
    )
    .unwrap();
    let people = talenta_store::event::participants(&mut t.db, actor.tenant.id, ev.id).unwrap();
    let employees = talenta_store::master::list_employees(&mut t.db, actor.tenant.id).unwrap();
    let nip = employees
        .iter()
        .find(|e| e.id == people[0].employee_id)
        .unwrap()
        .nip;
    event::set_unavailable(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &ev.code,
        &event::Who::Participant(nip),
        &[1, 2, 3, 4, 5],
    )
    .unwrap();
    event::set_unavailable(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &ev.code,
        &event::Who::Assessor("Asesor BKD 1".into()),
        &[1],
    )
    .unwrap();
    let err = event::set_unavailable(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &ev.code,
        &event::Who::Assessor("Asesor BKD 1".into()),
        &[9],
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            AppError::Refused(Refusal::Event(event::Refusal::DayMissing {
                day: 9,
                days: 6
            }))
        ),
        "{err:?}"
    );
    let plan = event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap();
    let after = talenta_store::event::participants(&mut t.db, actor.tenant.id, ev.id).unwrap();
    assert_eq!(
        after
            .iter()
            .find(|p| p.employee_id == people[0].employee_id)
            .unwrap()
            .slot
            .map(|s| s.0),
        Some(6)
    );
    let first = plan
        .assessor_loads
        .iter()
        .find(|(n, _)| n == "Asesor BKD 1")
        .unwrap();
    assert_eq!(first.1[0], 0, "no assessee on the day the assessor is away");
}

#[test]
fn too_few_assessors_limit_the_days_and_the_answer_says_so() {
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    let (ev, _) = event::create_event(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &spec(6, provincial(2)),
    )
    .unwrap();
    let err = event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::CannotPlace {
                error: PlacementError::Short { short: 172, .. },
                ..
            }))
        ),
        "2 assessors x 16 / 2 = 16 a day, 96 in six days: {err:?}"
    );
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::CannotPlace { assessor_limits, .. }))
                if assessor_limits.contains(&DayLimit { day: 1, most: 16 })
        ),
        "{err:?}"
    );
}

#[test]
fn a_declared_relation_keeps_the_assessor_from_that_person_with_the_relation_as_reason() {
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    let (ev, _) = event::create_event(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &spec(6, provincial(6)),
    )
    .unwrap();
    let people = talenta_store::event::participants(&mut t.db, actor.tenant.id, ev.id).unwrap();
    let employees = talenta_store::master::list_employees(&mut t.db, actor.tenant.id).unwrap();
    let who = employees
        .iter()
        .find(|e| e.id == people[3].employee_id)
        .unwrap();
    event::declare_conflict(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &ev.code,
        "Asesor BKD 2",
        who.nip,
        "saudara kandung",
    )
    .unwrap();
    let err = event::declare_conflict(
        &mut t.db,
        &ctx(),
        &actor.grant().unwrap(),
        &ev.code,
        "Tidak Ada",
        who.nip,
        "x",
    )
    .unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::AssessorNotInEvent { name }))
                if name == "Tidak Ada"
        ),
        "{err:?}"
    );
    let plan = event::plan(&mut t.db, &ctx(), &actor.grant().unwrap(), &ev.code).unwrap();
    let x = plan
        .excluded
        .iter()
        .find(|x| x.employee_id == who.id)
        .unwrap();
    assert_eq!(x.assessor, "Asesor BKD 2");
    assert_eq!(
        x.reasons,
        vec![ConflictReason::Declared("saudara kandung".into())]
    );
    let assessors = talenta_store::event::assessors(&mut t.db, actor.tenant.id, ev.id).unwrap();
    let two = assessors
        .iter()
        .find(|a| a.name == "Asesor BKD 2")
        .unwrap()
        .id;
    assert!(
        !talenta_store::event::assignments(&mut t.db, actor.tenant.id, ev.id)
            .unwrap()
            .contains(&(who.id, two))
    );
}

#[test]
fn a_cohort_can_be_chosen_by_eselon_or_by_a_list_and_an_unknown_nip_is_refused() {
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    let mut by_eselon = spec(6, provincial(6));
    by_eselon.code = "eselon-iv-a".into();
    by_eselon.cohort.classes = vec![];
    by_eselon.cohort.eselon = vec![talenta_domain::Eselon::IVA];
    let (_, n) =
        event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &by_eselon).unwrap();
    assert!(n > 0 && n < 268, "the IV.a posts only: {n}");
    let employees = talenta_store::master::list_employees(&mut t.db, actor.tenant.id).unwrap();
    let listed: Vec<talenta_domain::Nip> = employees
        .iter()
        .filter(|e| e.position_id.is_some())
        .take(5)
        .map(|e| e.nip)
        .collect();
    let mut by_list = spec(6, provincial(6));
    by_list.code = "daftar".into();
    by_list.cohort.classes = vec![];
    by_list.cohort.nips = listed.clone();
    let (_, n) = event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &by_list).unwrap();
    assert_eq!(n, 5);
    by_list.code = "daftar-2".into();
    by_list
        .cohort
        .nips
        .push(talenta_domain::Nip::parse("199901012020011001").unwrap());
    let err =
        event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &by_list).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::NotPostedEmployees { nips }))
                if nips.iter().map(|n| n.digits()).collect::<Vec<_>>() == ["199901012020011001"]
        ),
        "{err:?}"
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
    let err = event::cohort_from_file(&numeric).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::CohortFileRejected { problems, .. }))
                if matches!(problems.as_slice(), [CohortRow::NipAsNumber { row: 2, .. }])
        ),
        "{err:?}"
    );

    let bad = dir.path().join("salah.csv");
    std::fs::write(&bad, "NIP\n198001012005011001\n12345\n").unwrap();
    let err = event::cohort_from_file(&bad).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::CohortFileRejected { path, problems }))
                if *path == bad
                    && matches!(problems.as_slice(), [CohortRow::BadNip { row: 3, .. }])
        ),
        "{err:?}"
    );

    let empty = dir.path().join("kosong.csv");
    std::fs::write(&empty, "NIP\n").unwrap();
    let err = event::cohort_from_file(&empty).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::CohortFileEmpty { path }))
                if *path == empty
        ),
        "{err:?}"
    );
}

#[test]
fn a_government_s_own_matrix_decides_whether_the_methods_measure_enough() {
    use talenta_domain::method::parse_matrix;
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    let mut s = spec(6, provincial(6));
    s.methods = vec![Method::Interview, Method::Presentation, Method::Paper];
    let common = event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &s).unwrap_err();
    assert!(
        matches!(
            common,
            AppError::Refused(Refusal::Event(event::Refusal::MethodsShort { .. }))
        ),
        "{common:?}"
    );
    // This government counts the presentation and the paper for every competency.
    let all: String = [
        "M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1",
    ]
    .iter()
    .map(|c| format!("{c}: wawancara, presentasi, makalah\n"))
    .collect();
    s.matrix = Some(parse_matrix(&all).unwrap());
    let (ev, _) = event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &s).unwrap();
    assert_eq!(ev.matrix, s.matrix, "kept with the event");
    // A matrix that forgets a competency leaves it unmeasured.
    s.code = "tanpa-sk1".into();
    s.matrix =
        Some(parse_matrix(&all.replace("SK.1: wawancara, presentasi, makalah\n", "")).unwrap());
    let err = event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &s).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Event(event::Refusal::MethodsShort { short }))
                if short.iter().any(|u| u.competency.code() == "SK.1" && u.methods == 0)
        ),
        "{err:?}"
    );
}

#[test]
fn a_job_fit_event_keeps_its_purpose() {
    let mut t = testing::sqlite();
    let actor = mojokerto(&mut t.db);
    let mut s = spec(6, provincial(6));
    s.purpose = Purpose::JobFit;
    let (ev, _) = event::create_event(&mut t.db, &ctx(), &actor.grant().unwrap(), &s).unwrap();
    assert_eq!(ev.purpose, Purpose::JobFit);
}
