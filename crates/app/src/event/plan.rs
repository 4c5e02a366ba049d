//! Planning an event's schedule: participants into days and sessions within capacity without
//! emptying an OPD on one day, and at least two conflict-free assessors per participant with
//! balanced loads; an event that cannot be scheduled gets the reason, never a partial schedule.

use std::collections::HashSet;

use chrono::NaiveDate;
use talenta_domain::conflict::{ConflictReason, ConflictRules, PairFacts, conflicts};
use talenta_domain::method::Method;
use talenta_planning::schedule::{
    self as solver, Assessor, AssessorError, AssessorProblem, Day, Participant, PlacementError,
    PlacementProblem,
};
use talenta_store::Db;
use talenta_store::event::{self as store, Event};

use super::*;
use crate::{AppError, Ctx};

/// A pair the schedule may not use, with its reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    /// Assessor name.
    pub assessor: String,
    /// Participant employee id.
    pub employee_id: i64,
    /// Participant name.
    pub participant: String,
    /// Why.
    pub reasons: Vec<ConflictReason>,
}

/// A planned schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The event.
    pub event: Event,
    /// (day number, date, participants per session).
    pub days: Vec<(u32, NaiveDate, Vec<u32>)>,
    /// (assessor name, assessees per day).
    pub assessor_loads: Vec<(String, Vec<u32>)>,
    /// Pairs excluded by conflicts of interest.
    pub excluded: Vec<Excluded>,
    /// Participants scheduled.
    pub participants: usize,
}

/// Plans and stores the whole schedule of an event, or says precisely why it cannot be made.
pub fn plan(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<EditMasterData>,
    code: &str,
) -> Result<Plan, AppError> {
    let tenant = actor.tenant.id;
    let event = store::event_by_code(db, tenant, code)?.ok_or_else(|| {
        AppError::from(Refusal::NotFound {
            code: code.to_string(),
        })
    })?;
    if event.status == EventStatus::Published {
        return Err(Refusal::Locked {
            code: code.to_string(),
        }
        .into());
    }
    let sessions = store::sessions(db, tenant, event.id)?;
    let people = store::participants(db, tenant, event.id)?;
    let assessors = store::assessors(db, tenant, event.id)?;
    let declared = store::declared_conflicts(db, tenant, event.id)?;
    let previous = store::previous_assessors(db, tenant, event.id)?;
    let org = Org::load(db, tenant)?;
    let side = |employee: Option<i64>| org.side(employee);
    // Days and sessions.
    let mut day_nos: Vec<(u32, NaiveDate)> = sessions.iter().map(|s| (s.day_no, s.date)).collect();
    day_nos.dedup();
    // A day takes no more people than its available assessors can assess.
    let assessable = |d: u32| {
        let load: u32 = assessors
            .iter()
            .filter(|a| !a.unavailable.contains(&d))
            .map(|_| event.max_per_assessor_day)
            .sum();
        load / event.per_participant.max(1)
    };
    let days: Vec<Day> = day_nos
        .iter()
        .map(|(d, _)| Day {
            capacity: event.day_capacity.min(assessable(*d)),
            sessions: sessions
                .iter()
                .filter(|s| s.day_no == *d)
                .map(|s| s.capacity)
                .collect(),
        })
        .collect();
    // Participants by OPD, with the per-OPD daily limit.
    let opds: Vec<i64> = {
        let mut v: Vec<i64> = people
            .iter()
            .map(|p| side(Some(p.employee_id)).opd_id.unwrap_or(-1))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let opd_index = |o: i64| opds.iter().position(|x| *x == o).unwrap_or(0);
    let participants: Vec<Participant> = people
        .iter()
        .map(|p| Participant {
            unit: opd_index(side(Some(p.employee_id)).opd_id.unwrap_or(-1)),
            available: day_nos
                .iter()
                .map(|(d, _)| !p.unavailable.contains(d))
                .collect(),
        })
        .collect();
    let unit_day_cap: Vec<u32> = (0..opds.len())
        .map(|u| {
            let size = participants.iter().filter(|p| p.unit == u).count() as u32;
            if event.unit_share_percent >= 100 {
                u32::MAX
            } else {
                (size * event.unit_share_percent).div_ceil(100).max(1)
            }
        })
        .collect();
    let name_of = |id: i64| org.name(id);
    let problem = PlacementProblem {
        days,
        participants,
        unit_day_cap,
    };
    let placement = solver::place(&problem).map_err(|e| {
        let (names, assessor_limits) = match &e {
            PlacementError::NoDay { participants } => (
                participants
                    .iter()
                    .filter_map(|i| people.get(*i))
                    .map(|p| name_of(p.employee_id))
                    .collect(),
                Vec::new(),
            ),
            PlacementError::Short { days, .. } => {
                // Say when it is the assessors, not the seats, that limit a binding day.
                let by_assessors: Vec<DayLimit> = days
                    .iter()
                    .filter_map(|d| {
                        let (no, _) = *day_nos.get(*d)?;
                        let seats: u32 = sessions
                            .iter()
                            .filter(|s| s.day_no == no)
                            .map(|s| s.capacity)
                            .sum();
                        let limit = assessable(no);
                        (limit < event.day_capacity.min(seats)).then_some(DayLimit {
                            day: no,
                            most: limit,
                        })
                    })
                    .collect();
                (Vec::new(), by_assessors)
            }
        };
        AppError::from(Refusal::CannotPlace {
            error: e,
            names,
            assessor_limits,
        })
    })?;
    // Conflicts of interest.
    let participant_ids: HashSet<i64> = people.iter().map(|p| p.employee_id).collect();
    let rules = ConflictRules::default();
    let mut excluded = Vec::new();
    let conflict: Vec<Vec<bool>> = people
        .iter()
        .map(|p| {
            let them = side(Some(p.employee_id));
            assessors
                .iter()
                .map(|a| {
                    let facts = PairFacts {
                        declared: declared
                            .iter()
                            .filter(|(aid, eid, _)| *aid == a.id && *eid == p.employee_id)
                            .map(|(_, _, r)| r.clone())
                            .collect(),
                        assessed_before: previous.iter().any(|(e, name, org_name, emp)| {
                            *e == p.employee_id
                                && match (emp, a.employee_id) {
                                    (Some(x), Some(y)) => *x == y,
                                    _ => {
                                        name.eq_ignore_ascii_case(&a.name)
                                            && org_name.eq_ignore_ascii_case(&a.organisation)
                                    }
                                }
                        }),
                        assessor_participates: a
                            .employee_id
                            .is_some_and(|id| participant_ids.contains(&id)),
                    };
                    let reasons = conflicts(&side(a.employee_id), &them, &facts, &rules);
                    let blocked = !reasons.is_empty();
                    if blocked {
                        excluded.push(Excluded {
                            assessor: a.name.clone(),
                            employee_id: p.employee_id,
                            participant: name_of(p.employee_id),
                            reasons,
                        });
                    }
                    blocked
                })
                .collect()
        })
        .collect();
    let ap = AssessorProblem {
        assessors: assessors
            .iter()
            .map(|a| Assessor {
                available: day_nos
                    .iter()
                    .map(|(d, _)| !a.unavailable.contains(d))
                    .collect(),
                max_per_day: event.max_per_assessor_day,
            })
            .collect(),
        day_of: placement.slot.iter().map(|s| s.0).collect(),
        per_participant: event.per_participant,
        conflict,
    };
    let assigned = solver::assign_assessors(&ap).map_err(|e| {
        let names = match &e {
            AssessorError::NoFreeAssessor { participants, .. } => participants
                .iter()
                .filter_map(|i| people.get(*i))
                .map(|p| name_of(p.employee_id))
                .collect(),
            AssessorError::DayShort { .. } => Vec::new(),
        };
        AppError::from(Refusal::CannotAssign { error: e, names })
    })?;
    // Groups for group exercises: per session, people of different OPDs spread over the groups.
    let grouped = event.methods.iter().copied().any(Method::in_groups);
    let mut groups: Vec<(i64, u32)> = Vec::new();
    if grouped {
        let mut next = 1u32;
        for (d, day) in problem.days.iter().enumerate() {
            for s in 0..day.sessions.len() {
                let mut here: Vec<usize> = (0..people.len())
                    .filter(|i| placement.slot[*i] == (d, s))
                    .collect();
                if here.is_empty() {
                    continue;
                }
                here.sort_by_key(|i| (problem.participants[*i].unit, *i));
                let sizes =
                    solver::group_sizes(here.len() as u32, event.group_min, event.group_max)
                        .ok_or_else(|| {
                            AppError::from(Refusal::GroupsImpossible {
                                day: day_nos[d].0,
                                session: s as u32 + 1,
                                participants: here.len(),
                                min: event.group_min,
                                max: event.group_max,
                            })
                        })?;
                // Deal people round-robin so each group mixes OPDs.
                let first = next;
                let mut fill = vec![0u32; sizes.len()];
                let mut g = 0usize;
                for i in here {
                    while fill[g] >= sizes[g] {
                        g = (g + 1) % sizes.len();
                    }
                    groups.push((people[i].employee_id, first + g as u32));
                    fill[g] += 1;
                    g = (g + 1) % sizes.len();
                }
                next += sizes.len() as u32;
            }
        }
    }
    let slots: Vec<(i64, u32, u32)> = placement
        .slot
        .iter()
        .enumerate()
        .map(|(i, (d, s))| (people[i].employee_id, day_nos[*d].0, *s as u32 + 1))
        .collect();
    let pairs: Vec<(i64, i64)> = assigned
        .iter()
        .enumerate()
        .flat_map(|(i, list)| list.iter().map(move |a| (i, *a)))
        .map(|(i, a)| (people[i].employee_id, assessors[a].id))
        .collect();
    db.transaction(|tx| {
        store::save_schedule(tx, tenant, event.id, &slots, &pairs)?;
        store::save_groups(tx, tenant, event.id, &groups)?;
        ctx.record(
            tx,
            tenant,
            "event.schedule",
            &format!("event:{}", event.code),
            serde_json::json!({ "participants": slots.len(), "assignments": pairs.len(), "excluded_pairs": excluded.len() }),
        )?;
        Ok::<(), AppError>(())
    })?;
    let days_out = day_nos
        .iter()
        .enumerate()
        .map(|(d, (no, date))| {
            let per_session: Vec<u32> = (0..problem.days[d].sessions.len())
                .map(|s| placement.slot.iter().filter(|x| **x == (d, s)).count() as u32)
                .collect();
            (*no, *date, per_session)
        })
        .collect();
    let assessor_loads = assessors
        .iter()
        .enumerate()
        .map(|(a, x)| {
            let per_day: Vec<u32> = (0..day_nos.len())
                .map(|d| {
                    assigned
                        .iter()
                        .enumerate()
                        .filter(|(i, list)| ap.day_of[*i] == d && list.contains(&a))
                        .count() as u32
                })
                .collect();
            (x.name.clone(), per_day)
        })
        .collect();
    Ok(Plan {
        event,
        days: days_out,
        assessor_loads,
        excluded,
        participants: people.len(),
    })
}
