//! The assessors' meeting for one participant: every assessor's rating per competency and
//! method side by side, the integrated level the event's rule gives, the spreads over one level
//! flagged, and the consensus the meeting records with its reason. Any assessor of the
//! participant may record it; two of them saving at once never overwrite each other: the later
//! save (from a stale page) is refused with what the other recorded.

use std::collections::HashMap;

use talenta_domain::integration::{Consensus, Integrated, IntegrationError, integrate};
use talenta_domain::master::Employee;
use talenta_domain::method::Method;
use talenta_domain::{CompetencyCode, Level};
use talenta_store::Db;
use talenta_store::event::{self as events, Event};
use talenta_store::score;
pub use talenta_store::score::ConsensusRecord;

use crate::results::{Decision, expected_ratings, save_consensus};
use crate::scoring::{AssessorOf, assigned, cells};
use crate::{AppError, Ctx};

/// One assessor's rating in the meeting table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenRating {
    /// Assessor name.
    pub assessor: String,
    /// Method.
    pub method: Method,
    /// Level (`None`: not given).
    pub level: Option<Level>,
    /// Submitted (a draft is not integrated).
    pub submitted: bool,
}

/// One competency in the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRow {
    /// Ratings of every assessor by every method.
    pub ratings: Vec<SeenRating>,
    /// What the event's rule gives (with the consensus when recorded).
    pub integrated: Integrated,
    /// The consensus recorded, with its version.
    pub consensus: Option<ConsensusRecord>,
}

/// The meeting of one participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// The event.
    pub event: Event,
    /// The participant.
    pub employee: Employee,
    /// Per competency in the official order.
    pub rows: Vec<MeetingRow>,
}

/// The meeting table of a participant, for one of their assessors (every assessor's ratings
/// of them: the read is recorded for the participant).
pub fn meeting(
    db: &mut Db,
    ctx: &Ctx,
    actor: &AssessorOf,
    employee_id: i64,
) -> Result<Meeting, AppError> {
    let (event, _, employee) = assigned(db, actor, employee_id)?;
    let tenant = actor.tenant.id;
    let names: HashMap<i64, String> = events::assessors(db, tenant, event.id)?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let mine: Vec<i64> = events::assignments(db, tenant, event.id)?
        .into_iter()
        .filter(|(e, _)| *e == employee_id)
        .map(|(_, a)| a)
        .collect();
    let scores = score::scores_of(db, tenant, event.id, employee_id)?;
    let consensus: Vec<ConsensusRecord> = score::consensus_of_event(db, tenant, event.id)?
        .into_iter()
        .filter(|c| c.employee_id == employee_id)
        .collect();
    let cells = cells(&event);
    let found = |a: i64, m: Method, c: &CompetencyCode| {
        scores.iter().find(|s| {
            s.key.assessor_id == a && s.key.method == m.code() && s.key.competency == c.code()
        })
    };
    let ratings = expected_ratings(&cells, &mine, |a, k| {
        found(a, cells[k].0, &cells[k].1)
            .filter(|s| s.submitted)
            .and_then(|s| s.level_tenths)
            .and_then(Level::from_tenths)
    });
    let agreed: Vec<Consensus> = consensus
        .iter()
        .filter_map(|c| {
            Some(Consensus {
                competency: CompetencyCode::parse(&c.competency).ok()?,
                level: Level::from_tenths(c.level_tenths)?,
                reason: c.reason.clone(),
            })
        })
        .collect();
    let integrated = integrate(&ratings, event.integration, event.missing, &agreed)
        .map_err(|error| Refusal::Integration { error })?;
    let rows = integrated
        .into_iter()
        .map(|i| MeetingRow {
            ratings: ratings
                .iter()
                .filter(|r| r.competency == i.competency)
                .map(|r| {
                    let s = found(r.assessor, r.method, &r.competency);
                    SeenRating {
                        assessor: names.get(&r.assessor).cloned().unwrap_or_default(),
                        method: r.method,
                        level: s.and_then(|s| s.level_tenths).and_then(Level::from_tenths),
                        submitted: s.is_some_and(|s| s.submitted),
                    }
                })
                .collect(),
            consensus: consensus
                .iter()
                .find(|c| c.competency == i.competency.code())
                .cloned(),
            integrated: i,
        })
        .collect();
    db.transaction(|tx| {
        ctx.record_reads(
            tx,
            tenant,
            "result.read",
            &[employee_id],
            serde_json::json!({ "use": "meeting", "event": event.code }),
        )
    })?;
    Ok(Meeting {
        event,
        employee,
        rows,
    })
}

/// Records the meeting's consensus on one competency (reason required) if it is still at
/// `expected_version` (`None`: none recorded yet); otherwise returns what is recorded now.
pub fn agree(
    db: &mut Db,
    ctx: &Ctx,
    actor: &AssessorOf,
    d: &Decision<'_>,
    expected_version: Option<i64>,
) -> Result<Option<ConsensusRecord>, AppError> {
    let (event, _, _) = assigned(db, actor, d.employee_id)?;
    save_consensus(db, ctx, actor, &event, d, expected_version)
}

/// Why the integration meeting was refused: each rule with its facts (the words are in the web layer's i18n).
#[derive(Debug)]
pub enum Refusal {
    /// The ratings could not be integrated.
    Integration {
        /// The domain's refusal (its text is the Bahasa Indonesia one).
        error: IntegrationError,
    },
}
