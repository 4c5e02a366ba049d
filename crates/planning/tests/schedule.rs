//! The seed articles' events as schedules, infeasible events explained, and the solver checked
//! against brute force on small instances.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use proptest::prelude::*;
use talenta_planning::schedule::*;

/// A deterministic spread of `n` people over `units` units.
fn cohort(n: usize, units: usize, days: usize) -> Vec<Participant> {
    (0..n)
        .map(|i| Participant {
            unit: (i * 7) % units,
            available: vec![true; days],
        })
        .collect()
}

fn half_of_each_unit(people: &[Participant], units: usize) -> Vec<u32> {
    (0..units)
        .map(|u| {
            let size = people.iter().filter(|p| p.unit == u).count() as u32;
            size.div_ceil(2).max(1)
        })
        .collect()
}

fn day_loads(pl: &Placement, days: usize) -> Vec<u32> {
    let mut v = vec![0; days];
    for (d, _) in &pl.slot {
        v[*d] += 1;
    }
    v
}

/// `n` days of `capacity` seats each, in sessions of `sessions` seats.
fn days(n: usize, capacity: u32, sessions: &[u32]) -> Vec<Day> {
    (0..n)
        .map(|_| Day {
            capacity,
            sessions: sessions.to_vec(),
        })
        .collect()
}

/// `n` assessors free on each of `days` days, for at most `max_per_day` assessments a day each.
fn assessors(n: usize, days: usize, max_per_day: u32) -> Vec<Assessor> {
    (0..n)
        .map(|_| Assessor {
            available: vec![true; days],
            max_per_day,
        })
        .collect()
}

/// Two assessors for each participant, who sits on the day `day_of` gives.
fn two_each(
    assessors: Vec<Assessor>,
    day_of: Vec<usize>,
    conflict: Vec<Vec<bool>>,
) -> AssessorProblem {
    AssessorProblem {
        assessors,
        day_of,
        per_participant: 2,
        conflict,
    }
}

/// The day of each participant in `pl`.
fn day_of(pl: &Placement) -> Vec<usize> {
    pl.slot.iter().map(|s| s.0).collect()
}

/// Places `problem`, which must succeed with a placement that breaks none of its rules.
#[track_caller]
fn feasible_placement(problem: &PlacementProblem) -> Placement {
    let pl = place(problem).unwrap();
    let broken = check_placement(problem, &pl);
    assert!(broken.is_empty(), "{broken:?}");
    pl
}

/// Assigns the assessors of `ap`, which must succeed with an assignment that breaks none of its
/// rules.
#[track_caller]
fn feasible_assignment(ap: &AssessorProblem) -> Vec<Vec<usize>> {
    let assigned = assign_assessors(ap).unwrap();
    let broken = check_assessors(ap, &assigned);
    assert!(broken.is_empty(), "{broken:?}");
    assigned
}

/// Asserts that `problem` cannot be placed, for the reason `expected`; returns that error.
#[track_caller]
fn assert_unplaceable(problem: &PlacementProblem, expected: PlacementError) -> PlacementError {
    let err = place(problem).unwrap_err();
    assert_eq!(err, expected);
    err
}

/// Asserts that the assessors of `ap` cannot be assigned, for the reason `expected`, which
/// reads `says`.
#[track_caller]
fn assert_unassignable(ap: &AssessorProblem, expected: AssessorError, says: &str) {
    let err = assign_assessors(ap).unwrap_err();
    assert_eq!(err, expected);
    assert_eq!(err.to_string(), says);
}

#[test]
fn mojokerto_268_pengawas_48_a_day_6_external_assessors_fit_in_6_days() {
    let people = cohort(268, 22, 6);
    let problem = PlacementProblem {
        unit_day_cap: half_of_each_unit(&people, 22),
        days: days(6, 48, &[24, 24]),
        participants: people,
    };
    let pl = feasible_placement(&problem);
    let loads = day_loads(&pl, 6);
    assert_eq!(loads.iter().sum::<u32>(), 268);
    assert_eq!(
        *loads.iter().max().unwrap(),
        45,
        "as even as possible: ceil(268 / 6)"
    );
    // Five days are not enough: 5 x 48 = 240.
    let five = PlacementProblem {
        days: problem.days[..5].to_vec(),
        participants: problem
            .participants
            .iter()
            .map(|p| Participant {
                unit: p.unit,
                available: vec![true; 5],
            })
            .collect(),
        unit_day_cap: vec![u32::MAX; 22],
    };
    assert_unplaceable(
        &five,
        PlacementError::Short {
            short: 28,
            days: vec![0, 1, 2, 3, 4],
            unit_days: vec![],
        },
    );
    // Six assessors of the provincial BKD: two per assessee, at most 16 a day each.
    let mut conflict = vec![vec![false; 6]; 268];
    conflict[5][0] = true; // a declared relation
    conflict[77][3] = true;
    let assigned = feasible_assignment(&two_each(assessors(6, 6, 16), day_of(&pl), conflict));
    assert!(!assigned[5].contains(&0) && !assigned[77].contains(&3));
}

#[test]
fn bekasi_composition_in_3_days_of_3_sessions_with_internal_assessors_not_from_their_units() {
    // 210 administrators + 784 supervisors + 131 functional + 1,202 implementers (the article's
    // parts: 2,327 people; its headline says 2,227).
    let n = 210 + 784 + 131 + 1202;
    assert_eq!(n, 2327);
    let units = 51;
    let people = cohort(n, units, 3);
    let problem = PlacementProblem {
        unit_day_cap: half_of_each_unit(&people, units),
        days: days(3, 780, &[260, 260, 260]),
        participants: people,
    };
    let pl = feasible_placement(&problem);
    assert_eq!(
        *day_loads(&pl, 3).iter().max().unwrap(),
        776,
        "ceil(2327 / 3)"
    );
    // 40 assessors from the units, never assessing their own unit.
    let assessor_unit: Vec<usize> = (0..40).map(|a| a % units).collect();
    let conflict: Vec<Vec<bool>> = problem
        .participants
        .iter()
        .map(|p| assessor_unit.iter().map(|u| *u == p.unit).collect())
        .collect();
    feasible_assignment(&two_each(assessors(40, 3, 45), day_of(&pl), conflict));
    // 250 seats a session are not enough: 9 x 250 = 2,250.
    let mut small = problem.clone();
    for d in &mut small.days {
        d.sessions = vec![250, 250, 250];
    }
    match place(&small).unwrap_err() {
        PlacementError::Short { short, .. } => assert_eq!(short, 77),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_eselon_ii_cohort_with_6_assessors_over_3_days() {
    let problem = PlacementProblem {
        unit_day_cap: vec![1; 25],
        days: days(3, 10, &[5, 5]),
        participants: cohort(25, 25, 3),
    };
    let pl = feasible_placement(&problem);
    feasible_assignment(&two_each(
        assessors(6, 3, 4),
        day_of(&pl),
        vec![vec![false; 6]; 25],
    ));
}

#[test]
fn a_day_that_is_12_seats_short_is_named() {
    let mut people: Vec<Participant> = (0..60)
        .map(|i| Participant {
            unit: i % 5,
            available: vec![false, false, true],
        })
        .collect();
    people.extend((0..40).map(|i| Participant {
        unit: i % 5,
        available: vec![true, true, true],
    }));
    let problem = PlacementProblem {
        days: days(3, 48, &[48]),
        participants: people,
        unit_day_cap: vec![u32::MAX; 5],
    };
    let err = assert_unplaceable(
        &problem,
        PlacementError::Short {
            short: 12,
            days: vec![2],
            unit_days: vec![],
        },
    );
    assert_eq!(err.to_string(), "hari 3 kurang 12 kursi");
}

#[test]
fn a_unit_that_would_be_emptied_is_named_as_the_binding_limit() {
    let people: Vec<Participant> = (0..10)
        .map(|_| Participant {
            unit: 0,
            available: vec![true, true],
        })
        .collect();
    let problem = PlacementProblem {
        days: days(2, 100, &[100]),
        participants: people,
        unit_day_cap: vec![4],
    };
    let err = assert_unplaceable(
        &problem,
        PlacementError::Short {
            short: 2,
            days: vec![],
            unit_days: vec![(0, 0), (0, 1)],
        },
    );
    assert!(err.to_string().contains("batas per unit per hari mengikat"));
    let nobody = PlacementProblem {
        days: problem.days.clone(),
        participants: vec![Participant {
            unit: 0,
            available: vec![false, false],
        }],
        unit_day_cap: vec![4],
    };
    assert_unplaceable(
        &nobody,
        PlacementError::NoDay {
            participants: vec![0],
        },
    );
}

#[test]
fn four_people_without_two_conflict_free_assessors_are_named_and_nothing_is_assigned() {
    let mut conflict = vec![vec![false; 3]; 10];
    for p in [2, 3, 5, 8] {
        conflict[p] = vec![true, true, false];
    }
    assert_unassignable(
        &two_each(assessors(3, 1, 10), vec![0; 10], conflict),
        AssessorError::NoFreeAssessor {
            participants: vec![2, 3, 5, 8],
            needed: 2,
        },
        "tidak ada 2 asesor bebas konflik kepentingan untuk 4 orang ini",
    );
}

#[test]
fn a_day_with_too_few_assessments_is_named() {
    assert_unassignable(
        &two_each(assessors(2, 2, 10), vec![1; 12], vec![vec![false; 2]; 12]),
        AssessorError::DayShort {
            day: 1,
            needed: 24,
            possible: 20,
        },
        "hari 2: dibutuhkan 24 penilaian, asesor yang tersedia hanya sanggup 20",
    );
}

#[test]
fn assessor_loads_are_balanced() {
    let ap = two_each(assessors(6, 1, 30), vec![0; 30], vec![vec![false; 6]; 30]);
    let assigned = assign_assessors(&ap).unwrap();
    let mut load = [0u32; 6];
    for list in &assigned {
        for a in list {
            load[*a] += 1;
        }
    }
    assert_eq!(load, [10; 6], "60 assessments over 6 assessors");
}

#[test]
fn groups_of_4_to_8_are_as_few_and_as_even_as_possible() {
    let cases: &[(u32, Option<Vec<u32>>)] = &[
        (8, Some(vec![8])),
        (9, Some(vec![5, 4])),
        (17, Some(vec![6, 6, 5])),
        (48, Some(vec![8; 6])),
        (4, Some(vec![4])),
        (3, None),
        (0, Some(vec![])),
    ];
    for (n, want) in cases {
        assert_eq!(group_sizes(*n, 4, 8), *want, "{n}");
    }
}

/// The lightest possible busiest day, by trying every assignment.
fn brute_force(p: &PlacementProblem) -> Option<u32> {
    let n = p.participants.len();
    let d = p.days.len();
    let mut best: Option<u32> = None;
    let total = d.pow(n as u32);
    for code in 0..total {
        let mut c = code;
        let mut loads = vec![0u32; d];
        let mut unit_day = std::collections::HashMap::new();
        let mut ok = true;
        for part in &p.participants {
            let day = c % d;
            c /= d;
            if !part.available[day] {
                ok = false;
                break;
            }
            loads[day] += 1;
            *unit_day.entry((part.unit, day)).or_insert(0u32) += 1;
        }
        if !ok {
            continue;
        }
        let fits = p
            .days
            .iter()
            .enumerate()
            .all(|(i, day)| loads[i] <= day.capacity.min(day.sessions.iter().sum()))
            && unit_day.iter().all(|((u, _), c)| *c <= p.unit_day_cap[*u]);
        if fits {
            let m = *loads.iter().max().unwrap_or(&0);
            best = Some(best.map_or(m, |b: u32| b.min(m)));
        }
    }
    best
}

fn small_problem() -> impl Strategy<Value = PlacementProblem> {
    (1usize..=3, 1usize..=7).prop_flat_map(|(days, n)| {
        (
            proptest::collection::vec((1u32..=4, 1u32..=3), days),
            proptest::collection::vec(
                (0usize..3, proptest::collection::vec(any::<bool>(), days)),
                n,
            ),
            proptest::collection::vec(1u32..=4, 3),
        )
            .prop_map(|(d, ps, caps)| PlacementProblem {
                days: d
                    .into_iter()
                    .map(|(c, s)| Day {
                        capacity: c,
                        sessions: vec![s, 2],
                    })
                    .collect(),
                participants: ps
                    .into_iter()
                    .map(|(unit, available)| Participant { unit, available })
                    .collect(),
                unit_day_cap: caps,
            })
    })
}

proptest! {
    #[test]
    fn the_placement_is_feasible_exactly_when_brute_force_finds_one_and_as_even(p in small_problem()) {
        let brute = brute_force(&p);
        match place(&p) {
            Ok(pl) => {
                prop_assert!(check_placement(&p, &pl).is_empty(), "{:?}", check_placement(&p, &pl));
                let max = *day_loads(&pl, p.days.len()).iter().max().unwrap_or(&0);
                prop_assert_eq!(Some(max), brute);
            }
            Err(_) => prop_assert_eq!(brute, None),
        }
    }
}
