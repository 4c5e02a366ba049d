//! Results an event produces: finalising a participant's integrated levels into an assessment
//! result (the same tables imported results live in, so JPM, the talent map and reuse treat
//! both alike), amending a finalised level, and publishing an event's results to the people.

use chrono::NaiveDate;
use talenta_domain::Purpose;
use talenta_domain::competency::{CompetencyCode, Level};
use talenta_domain::master::AssessmentResult;
use talenta_domain::position::PositionClass;

use crate::{Db, StoreError};

/// A result to write when a participant's levels are finalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinalResult<'a> {
    /// Event.
    pub event_id: i64,
    /// Participant.
    pub employee_id: i64,
    /// Day they were assessed.
    pub assessed_on: NaiveDate,
    /// Provider shown on reports.
    pub provider: &'a str,
    /// The event's purpose.
    pub purpose: Purpose,
    /// Class of the post they held (reuse at the same level).
    pub job_class: Option<PositionClass>,
    /// Integrated levels.
    pub levels: &'a [(CompetencyCode, Level)],
}

/// Writes a finalised result (unpublished); returns its id. A participant is finalised once per
/// event (a unique index refuses a second row; callers check first to say so clearly).
pub fn finalise(db: &mut Db, tenant_id: i64, r: &FinalResult<'_>) -> Result<i64, StoreError> {
    let date = r.assessed_on.to_string();
    db.execute(
        "INSERT INTO assessment_results (tenant_id, employee_id, assessed_on, provider, purpose, event_id, published, job_class) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
        &[
            tenant_id.into(),
            r.employee_id.into(),
            date.as_str().into(),
            r.provider.into(),
            r.purpose.code().into(),
            r.event_id.into(),
            r.job_class.map(PositionClass::code).unwrap_or("").into(),
        ],
    )?;
    let id = db
        .query_opt(
            "SELECT id FROM assessment_results WHERE tenant_id = ? AND event_id = ? AND employee_id = ?",
            &[tenant_id.into(), r.event_id.into(), r.employee_id.into()],
        )?
        .ok_or_else(|| StoreError::NotFound(format!("hasil pegawai {}", r.employee_id)))?
        .int(0)?;
    for (c, l) in r.levels {
        db.execute(
            "INSERT INTO assessment_result_levels (tenant_id, result_id, competency, achieved_tenths) VALUES (?, ?, ?, ?)",
            &[
                tenant_id.into(),
                id.into(),
                c.code().into(),
                i64::from(l.tenths()).into(),
            ],
        )?;
    }
    Ok(id)
}

/// Every result an event produced, by participant.
pub fn results_of_event(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
) -> Result<Vec<AssessmentResult>, StoreError> {
    let mut all: Vec<AssessmentResult> =
        crate::master::load_results(db, tenant_id, "event_id", event_id)?
            .into_values()
            .flatten()
            .collect();
    all.sort_by_key(|r| r.employee_id);
    Ok(all)
}

/// Changes one level of a result; returns the level it had (`None`: it had none).
pub fn amend_level(
    db: &mut Db,
    tenant_id: i64,
    result_id: i64,
    competency: &CompetencyCode,
    level: Level,
) -> Result<Option<Level>, StoreError> {
    let before = db
        .query_opt(
            "SELECT achieved_tenths FROM assessment_result_levels WHERE tenant_id = ? AND result_id = ? AND competency = ?",
            &[tenant_id.into(), result_id.into(), competency.code().into()],
        )?
        .map(|r| r.int(0))
        .transpose()?
        .and_then(|t| Level::from_tenths(t as u8));
    db.execute(
        "INSERT INTO assessment_result_levels (tenant_id, result_id, competency, achieved_tenths) VALUES (?, ?, ?, ?) \
         ON CONFLICT (tenant_id, result_id, competency) DO UPDATE SET achieved_tenths = excluded.achieved_tenths",
        &[
            tenant_id.into(),
            result_id.into(),
            competency.code().into(),
            i64::from(level.tenths()).into(),
        ],
    )?;
    Ok(before)
}

/// Shows an event's finalised results to the people assessed; returns how many were published.
pub fn publish_event_results(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    now: &str,
) -> Result<u64, StoreError> {
    let n = db.execute(
        "UPDATE assessment_results SET published = 1 WHERE tenant_id = ? AND event_id = ? AND published = 0",
        &[tenant_id.into(), event_id.into()],
    )?;
    db.execute(
        "UPDATE events SET results_published_at = ? WHERE tenant_id = ? AND id = ?",
        &[now.into(), tenant_id.into(), event_id.into()],
    )?;
    Ok(n)
}
