//! Assessors' ratings: one row per participant, assessor, method and competency, saved by
//! compare-and-set on a version number so that two assessors or two tabs never overwrite each
//! other silently: a save names the version it started from, and a save from a stale version is
//! refused with what is stored now (the caller shows it). The check and the write are one
//! statement, so it holds on SQLite and PostgreSQL alike without locks held across requests.

use crate::{Db, Param, Row, StoreError};

/// Which rating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreKey {
    /// Event.
    pub event_id: i64,
    /// Participant (employee id).
    pub employee_id: i64,
    /// Assessor (event assessor id).
    pub assessor_id: i64,
    /// Method code.
    pub method: String,
    /// Competency code.
    pub competency: String,
}

/// A stored rating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    /// Which rating.
    pub key: ScoreKey,
    /// Level in tenths (`None`: not yet given).
    pub level_tenths: Option<u8>,
    /// Behavioural evidence.
    pub evidence: String,
    /// Submitted (no longer a draft).
    pub submitted: bool,
    /// Version, 1 on the first save.
    pub version: i64,
    /// When last saved (RFC 3339).
    pub updated_at: String,
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Stored; the new version.
    Stored(i64),
    /// Refused: someone saved first; what is stored now.
    Conflict(Box<Score>),
}

/// The new content of a rating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreEdit<'a> {
    /// Level in tenths.
    pub level_tenths: Option<u8>,
    /// Behavioural evidence.
    pub evidence: &'a str,
    /// Submit (otherwise a draft).
    pub submitted: bool,
}

const COLS: &str = "event_id, employee_id, assessor_id, method, competency, level_tenths, evidence, submitted, version, updated_at";

fn score_row(r: &Row) -> Result<Score, StoreError> {
    Ok(Score {
        key: ScoreKey {
            event_id: r.int(0)?,
            employee_id: r.int(1)?,
            assessor_id: r.int(2)?,
            method: r.text(3)?.to_string(),
            competency: r.text(4)?.to_string(),
        },
        level_tenths: r.opt_int(5)?.map(|v| v as u8),
        evidence: r.text(6)?.to_string(),
        submitted: r.int(7)? != 0,
        version: r.int(8)?,
        updated_at: r.text(9)?.to_string(),
    })
}

fn key_params<'a>(tenant_id: i64, k: &'a ScoreKey) -> [Param<'a>; 6] {
    [
        tenant_id.into(),
        k.event_id.into(),
        k.employee_id.into(),
        k.assessor_id.into(),
        k.method.as_str().into(),
        k.competency.as_str().into(),
    ]
}

const KEY_WHERE: &str = "tenant_id = ? AND event_id = ? AND employee_id = ? AND assessor_id = ? AND method = ? AND competency = ?";

/// The stored rating, if any.
pub fn score(db: &mut Db, tenant_id: i64, k: &ScoreKey) -> Result<Option<Score>, StoreError> {
    db.query_opt(
        &format!("SELECT {COLS} FROM scores WHERE {KEY_WHERE}"),
        &key_params(tenant_id, k),
    )?
    .map(|r| score_row(&r))
    .transpose()
}

/// Saves a rating if it is still at `expected_version` (`None`: it must not exist yet).
pub fn save_score(
    db: &mut Db,
    tenant_id: i64,
    k: &ScoreKey,
    expected_version: Option<i64>,
    edit: &ScoreEdit<'_>,
    now: &str,
) -> Result<Saved, StoreError> {
    let level: Option<i64> = edit.level_tenths.map(i64::from);
    let submitted = i64::from(edit.submitted);
    let (changed, version) = match expected_version {
        None => {
            let mut params: Vec<Param<'_>> = key_params(tenant_id, k).into();
            params.extend::<[Param<'_>; 4]>([
                level.into(),
                edit.evidence.into(),
                submitted.into(),
                now.into(),
            ]);
            let n = db.execute(
                "INSERT INTO scores (tenant_id, event_id, employee_id, assessor_id, method, competency, level_tenths, evidence, submitted, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (tenant_id, event_id, employee_id, assessor_id, method, competency) DO NOTHING",
                &params,
            )?;
            (n, 1)
        }
        Some(v) => {
            let mut params: Vec<Param<'_>> = vec![
                level.into(),
                edit.evidence.into(),
                submitted.into(),
                now.into(),
            ];
            params.extend(key_params(tenant_id, k));
            params.push(v.into());
            let n = db.execute(
                &format!("UPDATE scores SET level_tenths = ?, evidence = ?, submitted = ?, updated_at = ?, version = version + 1 WHERE {KEY_WHERE} AND version = ?"),
                &params,
            )?;
            (n, v + 1)
        }
    };
    if changed == 1 {
        return Ok(Saved::Stored(version));
    }
    let current = score(db, tenant_id, k)?
        .ok_or_else(|| StoreError::NotFound(format!("nilai {} {}", k.method, k.competency)))?;
    Ok(Saved::Conflict(Box::new(current)))
}

/// Every rating of a participant in an event.
pub fn scores_of(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    employee_id: i64,
) -> Result<Vec<Score>, StoreError> {
    db.query(
        &format!("SELECT {COLS} FROM scores WHERE tenant_id = ? AND event_id = ? AND employee_id = ? ORDER BY competency, method, assessor_id"),
        &[tenant_id.into(), event_id.into(), employee_id.into()],
    )?
    .iter()
    .map(score_row)
    .collect()
}

/// Every rating of an event, by participant (one query, for integrating a whole event).
pub fn scores_of_event(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
) -> Result<Vec<Score>, StoreError> {
    db.query(
        &format!("SELECT {COLS} FROM scores WHERE tenant_id = ? AND event_id = ? ORDER BY employee_id, competency, method, assessor_id"),
        &[tenant_id.into(), event_id.into()],
    )?
    .iter()
    .map(score_row)
    .collect()
}

/// One assessor's progress in an event per participant they rated: (participant, cells with a
/// level, every stored cell submitted). Reads only that assessor's rows, from an index, without
/// their evidence text (the worklist after every save).
pub fn progress_of_assessor(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    assessor_id: i64,
) -> Result<Vec<(i64, usize, bool)>, StoreError> {
    db.query(
        "SELECT employee_id, COUNT(level_tenths), MIN(submitted) FROM scores WHERE tenant_id = ? AND event_id = ? AND assessor_id = ? GROUP BY employee_id",
        &[tenant_id.into(), event_id.into(), assessor_id.into()],
    )?
    .iter()
    .map(|r| {
        Ok((
            r.int(0)?,
            usize::try_from(r.int(1)?).unwrap_or(0),
            r.int(2)? != 0,
        ))
    })
    .collect()
}

/// A consensus the assessors' meeting recorded for one participant's competency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsensusRecord {
    /// Participant.
    pub employee_id: i64,
    /// Competency code.
    pub competency: String,
    /// Agreed level in tenths.
    pub level_tenths: u8,
    /// Why.
    pub reason: String,
    /// Who recorded it.
    pub decided_by: String,
    /// When (RFC 3339).
    pub decided_at: String,
    /// Version, 1 when first recorded.
    pub version: i64,
}

/// What saving a consensus did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsensusSaved {
    /// Stored; the new version.
    Stored(i64),
    /// Refused: someone recorded one first; what is stored now.
    Conflict(Box<ConsensusRecord>),
}

/// Records a consensus if it is still at `expected_version` (`None`: there must be none yet),
/// by compare-and-set in one statement like a rating: two assessors in the meeting never
/// overwrite each other silently.
pub fn save_consensus(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    c: &ConsensusRecord,
    expected_version: Option<i64>,
) -> Result<ConsensusSaved, StoreError> {
    let level = i64::from(c.level_tenths);
    let (n, version) = match expected_version {
        None => (
            db.execute(
                "INSERT INTO consensus_decisions (tenant_id, event_id, employee_id, competency, level_tenths, reason, decided_by, decided_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) \
                 ON CONFLICT (tenant_id, event_id, employee_id, competency) DO NOTHING",
                &[
                    tenant_id.into(),
                    event_id.into(),
                    c.employee_id.into(),
                    c.competency.as_str().into(),
                    level.into(),
                    c.reason.as_str().into(),
                    c.decided_by.as_str().into(),
                    c.decided_at.as_str().into(),
                ],
            )?,
            1,
        ),
        Some(v) => (
            db.execute(
                "UPDATE consensus_decisions SET level_tenths = ?, reason = ?, decided_by = ?, decided_at = ?, version = version + 1 \
                 WHERE tenant_id = ? AND event_id = ? AND employee_id = ? AND competency = ? AND version = ?",
                &[
                    level.into(),
                    c.reason.as_str().into(),
                    c.decided_by.as_str().into(),
                    c.decided_at.as_str().into(),
                    tenant_id.into(),
                    event_id.into(),
                    c.employee_id.into(),
                    c.competency.as_str().into(),
                    v.into(),
                ],
            )?,
            v + 1,
        ),
    };
    if n == 1 {
        return Ok(ConsensusSaved::Stored(version));
    }
    let current = consensus_of_event(db, tenant_id, event_id)?
        .into_iter()
        .find(|k| k.employee_id == c.employee_id && k.competency == c.competency)
        .ok_or_else(|| StoreError::NotFound(format!("konsensus {}", c.competency)))?;
    Ok(ConsensusSaved::Conflict(Box::new(current)))
}

/// Every consensus of an event.
pub fn consensus_of_event(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
) -> Result<Vec<ConsensusRecord>, StoreError> {
    db.query(
        "SELECT employee_id, competency, level_tenths, reason, decided_by, decided_at, version FROM consensus_decisions WHERE tenant_id = ? AND event_id = ? ORDER BY employee_id, competency",
        &[tenant_id.into(), event_id.into()],
    )?
    .iter()
    .map(|r| {
        Ok(ConsensusRecord {
            employee_id: r.int(0)?,
            competency: r.text(1)?.to_string(),
            level_tenths: r.int(2)? as u8,
            reason: r.text(3)?.to_string(),
            decided_by: r.text(4)?.to_string(),
            decided_at: r.text(5)?.to_string(),
            version: r.int(6)?,
        })
    })
    .collect()
}

/// Hands every submitted rating with a level of an event to `f(participant, assessor, method,
/// competency, level in tenths)`, in no particular order and without copying (one pass over
/// the covering index: integrating a whole event reads them all at once).
pub fn for_each_submitted(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    mut f: impl FnMut(i64, i64, &str, &str, u8),
) -> Result<(), StoreError> {
    db.for_each(
        "SELECT employee_id, assessor_id, method, competency, level_tenths FROM scores WHERE tenant_id = ? AND event_id = ? AND submitted = 1 AND level_tenths IS NOT NULL",
        &[tenant_id.into(), event_id.into()],
        |r| {
            f(r.int(0)?, r.int(1)?, r.text(2)?, r.text(3)?, r.int(4)? as u8);
            Ok(())
        },
    )
}
