//! Days someone cannot come and declared relations between an assessor and a participant.

use talenta_domain::Nip;
use talenta_store::Db;
use talenta_store::event::{self as store};
use talenta_store::master;

use super::*;
use crate::{AppError, Ctx};

/// Whose availability is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A participant by NIP.
    Participant(Nip),
    /// An assessor by name.
    Assessor(String),
}

/// Records the days a participant cannot come or an assessor is not available (before the
/// schedule is published); the next planning respects them.
pub fn set_unavailable(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<EditMasterData>,
    code: &str,
    who: &Who,
    days: &[u32],
) -> Result<(), AppError> {
    let tenant = actor.tenant.id;
    let event = event_of(db, actor, code)?;
    if event.status == EventStatus::Published {
        return Err(Refusal::Locked {
            code: code.to_string(),
        }
        .into());
    }
    let day_count = store::sessions(db, tenant, event.id)?
        .iter()
        .map(|s| s.day_no)
        .max()
        .unwrap_or(0);
    if let Some(d) = days.iter().find(|d| **d == 0 || **d > day_count) {
        return Err(Refusal::DayMissing {
            day: *d,
            days: day_count,
        }
        .into());
    }
    db.transaction(|tx| {
        let subject = match who {
            Who::Participant(nip) => {
                let e = master::employee_by_nip(tx, tenant, *nip)?
                    .ok_or_else(|| AppError::UnknownEmployee(nip.to_string()))?;
                if store::set_participant_unavailable(tx, tenant, event.id, e.id, days)? == 0 {
                    return Err(Refusal::NotParticipant { name: e.name }.into());
                }
                format!("employee:{}", e.id)
            }
            Who::Assessor(name) => {
                let a = store::assessors(tx, tenant, event.id)?
                    .into_iter()
                    .find(|a| a.name.eq_ignore_ascii_case(name.trim()))
                    .ok_or_else(|| {
                        AppError::from(Refusal::AssessorNotInEvent { name: name.clone() })
                    })?;
                store::set_assessor_unavailable(tx, tenant, event.id, a.id, days)?;
                format!("assessor:{}", a.name)
            }
        };
        ctx.record(
            tx,
            tenant,
            "event.unavailable",
            &subject,
            serde_json::json!({ "event": code, "days": days }),
        )?;
        Ok(())
    })
}

/// Records a relation an assessor declared with a participant (a conflict of interest from then on).
pub fn declare_conflict(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<EditMasterData>,
    code: &str,
    assessor: &str,
    nip: Nip,
    relation: &str,
) -> Result<(), AppError> {
    let tenant = actor.tenant.id;
    let event = event_of(db, actor, code)?;
    if relation.trim().is_empty() {
        return Err(Refusal::RelationMissing.into());
    }
    let a = store::assessors(db, tenant, event.id)?
        .into_iter()
        .find(|a| a.name.eq_ignore_ascii_case(assessor.trim()))
        .ok_or_else(|| {
            AppError::from(Refusal::AssessorNotInEvent {
                name: assessor.to_string(),
            })
        })?;
    let e = master::employee_by_nip(db, tenant, nip)?
        .ok_or_else(|| AppError::UnknownEmployee(nip.to_string()))?;
    db.transaction(|tx| {
        store::declare_conflict(tx, tenant, event.id, a.id, e.id, relation.trim())?;
        ctx.record(
            tx,
            tenant,
            "event.declare_conflict",
            &format!("employee:{}", e.id),
            serde_json::json!({ "event": code, "assessor": a.name }),
        )?;
        Ok(())
    })
}
