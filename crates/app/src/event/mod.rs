//! Assessment events, one file per concern: `create` (cohort, days, sessions, methods,
//! assessors, settings), `plan` (the conflict-free schedule, or the reason there is none),
//! `availability` (days someone cannot come, declared relations), `moves` (a participant moved
//! by hand, re-checked), `attendance` (check-in on the day), `roster` (rosters, the assessors'
//! schedules, invitation letters and their files) and `org` (the tenant's people and unit tree
//! as one value). This file holds the event list and publishing the schedule.

mod attendance;
mod availability;
mod create;
mod moves;
mod org;
mod plan;
mod refusal;
mod roster;

pub use attendance::check_in;
pub use availability::{Who, declare_conflict, set_unavailable};
pub use create::{AssessorSpec, Cohort, EventSpec, cohort_from_file, create_event};
pub use moves::{Move, move_participant};
pub(crate) use org::Org;
pub use plan::{Excluded, Plan, plan};
pub use refusal::{AssessorError, CohortRow, DayLimit, PlacementError, Refusal};
pub use roster::{RosterLine, invitations_pdf, roster, roster_pdf, roster_xlsx};

use chrono::NaiveDate;
use talenta_domain::event::EventStatus;
use talenta_store::Db;
use talenta_store::event::{self as store, Event};

use crate::access::Actor;
use crate::capability::{Can, EditMasterData, ViewMasterData};
use crate::{AppError, Ctx};

/// An event in a list: the event, its cohort size and whether it has a schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSummary {
    /// The event.
    pub event: Event,
    /// Participants.
    pub participants: usize,
    /// Participants with a slot.
    pub scheduled: usize,
    /// Assessors.
    pub assessors: usize,
    /// First and last day.
    pub dates: Option<(NaiveDate, NaiveDate)>,
}

/// Every event of the actor's tenant.
pub fn list(db: &mut Db, actor: &Can<ViewMasterData>) -> Result<Vec<EventSummary>, AppError> {
    let tenant = actor.tenant.id;
    let mut out = Vec::new();
    for event in store::events(db, tenant)? {
        let people = store::participants(db, tenant, event.id)?;
        let sessions = store::sessions(db, tenant, event.id)?;
        out.push(EventSummary {
            participants: people.len(),
            scheduled: people.iter().filter(|p| p.slot.is_some()).count(),
            assessors: store::assessors(db, tenant, event.id)?.len(),
            dates: sessions
                .first()
                .zip(sessions.last())
                .map(|(a, b)| (a.date, b.date)),
            event,
        });
    }
    Ok(out)
}

pub(super) fn event_of(db: &mut Db, actor: &Actor, code: &str) -> Result<Event, AppError> {
    store::event_by_code(db, actor.tenant.id, code)?.ok_or_else(|| {
        AppError::from(Refusal::NotFound {
            code: code.to_string(),
        })
    })
}

/// Publishes an event's schedule: from then on it is locked (only a no-show may be moved).
pub fn publish(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<EditMasterData>,
    code: &str,
) -> Result<(), AppError> {
    let event = event_of(db, actor, code)?;
    let people = store::participants(db, actor.tenant.id, event.id)?;
    if people.is_empty() || people.iter().any(|p| p.slot.is_none()) {
        return Err(Refusal::NotFullyScheduled {
            code: code.to_string(),
        }
        .into());
    }
    db.transaction(|tx| {
        store::set_status(tx, actor.tenant.id, event.id, EventStatus::Published)?;
        ctx.record(
            tx,
            actor.tenant.id,
            "event.publish",
            &format!("event:{code}"),
            serde_json::json!({}),
        )?;
        Ok(())
    })
}
