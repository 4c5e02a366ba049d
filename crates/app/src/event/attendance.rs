//! Attendance on the day: checking participants in.

use talenta_domain::Nip;
use talenta_store::Db;
use talenta_store::event::{self as store};
use talenta_store::master;

use super::*;
use crate::{AppError, Ctx};

/// Checks a participant in on the day of the assessment.
pub fn check_in(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<EditMasterData>,
    code: &str,
    nip: Nip,
) -> Result<String, AppError> {
    let tenant = actor.tenant.id;
    let event = event_of(db, actor, code)?;
    let employee = master::employee_by_nip(db, tenant, nip)?
        .ok_or_else(|| AppError::UnknownEmployee(nip.to_string()))?;
    let me = store::participants(db, tenant, event.id)?
        .into_iter()
        .find(|p| p.employee_id == employee.id);
    let Some(me) = me else {
        return Err(Refusal::NotParticipant {
            name: employee.name.clone(),
        }
        .into());
    };
    let Some((day, session)) = me.slot else {
        return Err(Refusal::NotScheduled {
            name: employee.name.clone(),
        }
        .into());
    };
    let at = ctx.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    db.transaction(|tx| {
        if !store::check_in(tx, tenant, event.id, employee.id, &at)? {
            return Err(Refusal::AlreadyCheckedIn {
                name: employee.name.clone(),
            }
            .into());
        }
        ctx.record(
            tx,
            tenant,
            "event.check_in",
            &format!("event:{code}"),
            serde_json::json!({ "employee": employee.id }),
        )?;
        Ok(format!(
            "{} hadir: hari {day}, sesi {session}",
            employee.name
        ))
    })
}
