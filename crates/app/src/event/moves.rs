//! Moving a participant by hand, re-checked against capacity and conflicts (after publication
//! only a no-show may be moved).

use std::collections::HashSet;

use talenta_domain::Nip;
use talenta_domain::conflict::{ConflictRules, PairFacts, conflicts};
use talenta_store::Db;
use talenta_store::event::{self as store};
use talenta_store::master;

use super::*;
use crate::{AppError, Ctx};

/// A participant to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    /// The participant.
    pub nip: Nip,
    /// Target day number from 1.
    pub day: u32,
    /// Target session number from 1.
    pub session: u32,
    /// The participant did not come (allowed after publishing).
    pub no_show: bool,
}

/// Moves one participant to another day and session, re-checking every rule: the seats of the
/// session and the day, the participant's availability, the OPD's daily limit, and two
/// conflict-free assessors with room that day. A published schedule only lets a no-show move.
pub fn move_participant(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<EditMasterData>,
    code: &str,
    m: &Move,
) -> Result<Vec<String>, AppError> {
    let (nip, day_no, session_no, no_show) = (m.nip, m.day, m.session, m.no_show);
    let tenant = actor.tenant.id;
    let event = event_of(db, actor, code)?;
    if event.status == EventStatus::Published && !no_show {
        return Err(Refusal::PublishedOnlyNoShow {
            code: code.to_string(),
        }
        .into());
    }
    let employee = master::employee_by_nip(db, tenant, nip)?
        .ok_or_else(|| AppError::UnknownEmployee(nip.to_string()))?;
    let people = store::participants(db, tenant, event.id)?;
    let Some(me) = people.iter().find(|p| p.employee_id == employee.id) else {
        return Err(Refusal::NotParticipant {
            name: employee.name,
        }
        .into());
    };
    if no_show && me.attended_at_known() {
        return Err(Refusal::AlreadyAttended {
            name: employee.name,
        }
        .into());
    }
    let sessions = store::sessions(db, tenant, event.id)?;
    let Some(session) = sessions
        .iter()
        .find(|s| s.day_no == day_no && s.session_no == session_no)
    else {
        return Err(Refusal::SessionMissing {
            day: day_no,
            session: session_no,
        }
        .into());
    };
    if me.unavailable.contains(&day_no) {
        return Err(Refusal::Unavailable {
            name: employee.name,
            day: day_no,
        }
        .into());
    }
    let others: Vec<&store::EventParticipant> = people
        .iter()
        .filter(|p| p.employee_id != employee.id)
        .collect();
    let in_session = others
        .iter()
        .filter(|p| p.slot == Some((day_no, session_no)))
        .count() as u32;
    if in_session >= session.capacity {
        return Err(Refusal::SessionFull {
            day: day_no,
            session: session_no,
            seats: session.capacity,
        }
        .into());
    }
    let in_day = others
        .iter()
        .filter(|p| p.slot.is_some_and(|s| s.0 == day_no))
        .count() as u32;
    if in_day >= event.day_capacity {
        return Err(Refusal::DayFull {
            day: day_no,
            capacity: event.day_capacity,
        }
        .into());
    }
    // Assessors: keep those who are free of conflict and have room that day; fill up to the need.
    let assessors = store::assessors(db, tenant, event.id)?;
    let assignments = store::assignments(db, tenant, event.id)?;
    let declared = store::declared_conflicts(db, tenant, event.id)?;
    let org = Org::load(db, tenant)?;
    let side = |employee: Option<i64>| org.side(employee);
    // OPD daily limit.
    let my_opd = side(Some(employee.id)).opd_id;
    let opd_cohort = people
        .iter()
        .filter(|p| side(Some(p.employee_id)).opd_id == my_opd)
        .count() as u32;
    let cap = if event.unit_share_percent >= 100 {
        u32::MAX
    } else {
        (opd_cohort * event.unit_share_percent).div_ceil(100).max(1)
    };
    let opd_that_day = others
        .iter()
        .filter(|p| {
            p.slot.is_some_and(|s| s.0 == day_no) && side(Some(p.employee_id)).opd_id == my_opd
        })
        .count() as u32;
    if opd_that_day >= cap {
        return Err(Refusal::UnitDayLimit {
            day: day_no,
            count: opd_that_day,
            limit: cap,
        }
        .into());
    }
    let participant_ids: HashSet<i64> = people.iter().map(|p| p.employee_id).collect();
    let rules = ConflictRules::default();
    let them = side(Some(employee.id));
    let load = |a: i64| {
        assignments
            .iter()
            .filter(|(e, x)| {
                *x == a
                    && *e != employee.id
                    && people
                        .iter()
                        .any(|p| p.employee_id == *e && p.slot.is_some_and(|s| s.0 == day_no))
            })
            .count() as u32
    };
    let mut candidates: Vec<(u32, i64, String)> = assessors
        .iter()
        .filter(|a| !a.unavailable.contains(&day_no))
        .filter(|a| {
            let facts = PairFacts {
                declared: declared
                    .iter()
                    .filter(|(x, e, _)| *x == a.id && *e == employee.id)
                    .map(|(_, _, r)| r.clone())
                    .collect(),
                assessed_before: false,
                assessor_participates: a
                    .employee_id
                    .is_some_and(|id| participant_ids.contains(&id)),
            };
            conflicts(&side(a.employee_id), &them, &facts, &rules).is_empty()
        })
        .map(|a| (load(a.id), a.id, a.name.clone()))
        .filter(|(l, _, _)| *l < event.max_per_assessor_day)
        .collect();
    // Keep the current assessors when they still fit, then the least loaded.
    let current: HashSet<i64> = assignments
        .iter()
        .filter(|(e, _)| *e == employee.id)
        .map(|(_, a)| *a)
        .collect();
    candidates.sort_by_key(|(l, id, _)| (!current.contains(id), *l, *id));
    let need = event.per_participant as usize;
    if candidates.len() < need {
        return Err(Refusal::NoFreeAssessors {
            need,
            day: day_no,
            name: employee.name,
        }
        .into());
    }
    let chosen: Vec<(u32, i64, String)> = candidates.into_iter().take(need).collect();
    let ids: Vec<i64> = chosen.iter().map(|c| c.1).collect();
    db.transaction(|tx| {
        store::move_participant(tx, tenant, event.id, employee.id, (day_no, session_no), &ids)?;
        ctx.record(
            tx,
            tenant,
            if no_show { "event.reschedule_no_show" } else { "event.move" },
            &format!("event:{code}"),
            serde_json::json!({ "employee": employee.id, "from": me.slot, "to": [day_no, session_no] }),
        )?;
        Ok::<(), AppError>(())
    })?;
    Ok(chosen.into_iter().map(|c| c.2).collect())
}
