//! Open selections and job-fit tests of senior posts as stored: the selection with its stages
//! (JSON of the domain's stages), its posts, the panel, applicants with their administrative
//! screening, declared conflicts, each member's scores per stage, pass/fail outcomes, closed
//! stages, and every decision of the approval chain with who, when and why.

use crate::{Db, Row, StoreError};

/// A selection as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Key.
    pub id: i64,
    /// Code, unique in the tenant.
    pub code: String,
    /// Name.
    pub name: String,
    /// `terbuka` (open selection) or `kesesuaian` (job fit of incumbents).
    pub kind: String,
    /// The stages, JSON.
    pub stages: String,
    /// Panel members who must score each candidate.
    pub quorum: u32,
    /// Requirements as announced.
    pub requirements: String,
    /// Applications open.
    pub opens_on: String,
    /// Applications close.
    pub closes_on: String,
    /// The regional head is acting (Pj).
    pub acting_head: bool,
    /// Election calendar, JSON.
    pub election_dates: String,
    /// Published stage results show scores (otherwise names only).
    pub publish_scores: bool,
}

const COLS: &str = "id, code, name, kind, stages, quorum, requirements, opens_on, closes_on, acting_head, election_dates, publish_scores";

fn selection_row(r: &Row) -> Result<Selection, StoreError> {
    Ok(Selection {
        id: r.int(0)?,
        code: r.text(1)?.to_string(),
        name: r.text(2)?.to_string(),
        kind: r.text(3)?.to_string(),
        stages: r.text(4)?.to_string(),
        quorum: r.int(5)? as u32,
        requirements: r.text(6)?.to_string(),
        opens_on: r.text(7)?.to_string(),
        closes_on: r.text(8)?.to_string(),
        acting_head: r.int(9)? != 0,
        election_dates: r.text(10)?.to_string(),
        publish_scores: r.int(11)? != 0,
    })
}

/// Creates a selection with its posts; returns it.
pub fn create(
    db: &mut Db,
    tenant_id: i64,
    s: &Selection,
    posts: &[i64],
    now: &str,
) -> Result<Selection, StoreError> {
    db.execute(
        "INSERT INTO selections (tenant_id, code, name, kind, stages, quorum, requirements, opens_on, closes_on, acting_head, election_dates, publish_scores, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        &[
            tenant_id.into(),
            s.code.as_str().into(),
            s.name.as_str().into(),
            s.kind.as_str().into(),
            s.stages.as_str().into(),
            i64::from(s.quorum).into(),
            s.requirements.as_str().into(),
            s.opens_on.as_str().into(),
            s.closes_on.as_str().into(),
            i64::from(s.acting_head).into(),
            s.election_dates.as_str().into(),
            i64::from(s.publish_scores).into(),
            now.into(),
        ],
    )?;
    let stored =
        by_code(db, tenant_id, &s.code)?.ok_or_else(|| StoreError::NotFound(s.code.clone()))?;
    for p in posts {
        db.execute(
            "INSERT INTO selection_posts (tenant_id, selection_id, position_id) VALUES (?, ?, ?)",
            &[tenant_id.into(), stored.id.into(), (*p).into()],
        )?;
    }
    Ok(stored)
}

/// A selection by code.
pub fn by_code(db: &mut Db, tenant_id: i64, code: &str) -> Result<Option<Selection>, StoreError> {
    db.query_opt(
        &format!("SELECT {COLS} FROM selections WHERE tenant_id = ? AND code = ?"),
        &[tenant_id.into(), code.into()],
    )?
    .map(|r| selection_row(&r))
    .transpose()
}

/// Every selection of a tenant, newest first.
pub fn list(db: &mut Db, tenant_id: i64) -> Result<Vec<Selection>, StoreError> {
    db.query(
        &format!("SELECT {COLS} FROM selections WHERE tenant_id = ? ORDER BY id DESC"),
        &[tenant_id.into()],
    )?
    .iter()
    .map(selection_row)
    .collect()
}

/// The posts of a selection.
pub fn posts(db: &mut Db, tenant_id: i64, selection_id: i64) -> Result<Vec<i64>, StoreError> {
    db.query(
        "SELECT position_id FROM selection_posts WHERE tenant_id = ? AND selection_id = ? ORDER BY position_id",
        &[tenant_id.into(), selection_id.into()],
    )?
    .iter()
    .map(|r| r.int(0))
    .collect()
}

/// A panel member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Key.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Home organisation.
    pub organisation: String,
    /// From outside the government.
    pub external: bool,
    /// Chairs the panel.
    pub chair: bool,
    /// The account they score with.
    pub account_id: Option<i64>,
}

/// Adds a panel member; returns the id.
pub fn add_member(
    db: &mut Db,
    tenant_id: i64,
    selection_id: i64,
    m: &Member,
) -> Result<i64, StoreError> {
    db.execute(
        "INSERT INTO selection_panel (tenant_id, selection_id, name, organisation, external, chair, account_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        &[
            tenant_id.into(),
            selection_id.into(),
            m.name.as_str().into(),
            m.organisation.as_str().into(),
            i64::from(m.external).into(),
            i64::from(m.chair).into(),
            m.account_id.into(),
        ],
    )?;
    db.query_opt(
        "SELECT id FROM selection_panel WHERE tenant_id = ? AND selection_id = ? AND name = ?",
        &[
            tenant_id.into(),
            selection_id.into(),
            m.name.as_str().into(),
        ],
    )?
    .ok_or_else(|| StoreError::NotFound(m.name.clone()))?
    .int(0)
}

/// The panel.
pub fn members(db: &mut Db, tenant_id: i64, selection_id: i64) -> Result<Vec<Member>, StoreError> {
    db.query(
        "SELECT id, name, organisation, external, chair, account_id FROM selection_panel WHERE tenant_id = ? AND selection_id = ? ORDER BY chair DESC, id",
        &[tenant_id.into(), selection_id.into()],
    )?
    .iter()
    .map(|r| {
        Ok(Member {
            id: r.int(0)?,
            name: r.text(1)?.to_string(),
            organisation: r.text(2)?.to_string(),
            external: r.int(3)? != 0,
            chair: r.int(4)? != 0,
            account_id: r.opt_int(5)?,
        })
    })
    .collect()
}

/// An applicant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applicant {
    /// Key.
    pub id: i64,
    /// The post applied for.
    pub position_id: i64,
    /// An employee of the government (internal), or `None` (external).
    pub employee_id: Option<i64>,
    /// Name.
    pub name: String,
    /// Profile of an external applicant (JSON).
    pub profile: String,
    /// The automatic check against the requirements (one line each).
    pub auto_check: String,
    /// `menunggu`, `memenuhi` or `tidak-memenuhi`.
    pub admin_status: String,
    /// The recorded reason of the decision.
    pub admin_reason: String,
    /// Who decided.
    pub admin_by: String,
}

/// Adds an applicant; returns the id.
pub fn add_applicant(
    db: &mut Db,
    tenant_id: i64,
    selection_id: i64,
    a: &Applicant,
    now: &str,
) -> Result<i64, StoreError> {
    db.execute(
        "INSERT INTO selection_applicants (tenant_id, selection_id, position_id, employee_id, name, profile, auto_check, admin_status, admin_reason, admin_by, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        &[
            tenant_id.into(),
            selection_id.into(),
            a.position_id.into(),
            a.employee_id.into(),
            a.name.as_str().into(),
            a.profile.as_str().into(),
            a.auto_check.as_str().into(),
            a.admin_status.as_str().into(),
            a.admin_reason.as_str().into(),
            a.admin_by.as_str().into(),
            now.into(),
        ],
    )?;
    db.query_opt(
        "SELECT MAX(id) FROM selection_applicants WHERE tenant_id = ? AND selection_id = ?",
        &[tenant_id.into(), selection_id.into()],
    )?
    .ok_or_else(|| StoreError::NotFound(a.name.clone()))?
    .int(0)
}

/// The applicants, by id.
pub fn applicants(
    db: &mut Db,
    tenant_id: i64,
    selection_id: i64,
) -> Result<Vec<Applicant>, StoreError> {
    db.query(
        "SELECT id, position_id, employee_id, name, profile, auto_check, admin_status, admin_reason, admin_by FROM selection_applicants WHERE tenant_id = ? AND selection_id = ? ORDER BY id",
        &[tenant_id.into(), selection_id.into()],
    )?
    .iter()
    .map(|r| {
        Ok(Applicant {
            id: r.int(0)?,
            position_id: r.int(1)?,
            employee_id: r.opt_int(2)?,
            name: r.text(3)?.to_string(),
            profile: r.text(4)?.to_string(),
            auto_check: r.text(5)?.to_string(),
            admin_status: r.text(6)?.to_string(),
            admin_reason: r.text(7)?.to_string(),
            admin_by: r.text(8)?.to_string(),
        })
    })
    .collect()
}

/// Records the administrative decision on an applicant.
pub fn screen(
    db: &mut Db,
    tenant_id: i64,
    applicant_id: i64,
    status: &str,
    reason: &str,
    by: &str,
) -> Result<(), StoreError> {
    db.execute(
        "UPDATE selection_applicants SET admin_status = ?, admin_reason = ?, admin_by = ? WHERE tenant_id = ? AND id = ?",
        &[status.into(), reason.into(), by.into(), tenant_id.into(), applicant_id.into()],
    )?;
    Ok(())
}

/// Records a conflict a member declared with an applicant.
pub fn declare_conflict(
    db: &mut Db,
    tenant_id: i64,
    selection_id: i64,
    member_id: i64,
    applicant_id: i64,
    relation: &str,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO selection_conflicts (tenant_id, selection_id, member_id, applicant_id, relation) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, member_id, applicant_id) DO UPDATE SET relation = excluded.relation",
        &[tenant_id.into(), selection_id.into(), member_id.into(), applicant_id.into(), relation.into()],
    )?;
    Ok(())
}

/// Declared conflicts: (member, applicant, relation).
pub fn conflicts(
    db: &mut Db,
    tenant_id: i64,
    selection_id: i64,
) -> Result<Vec<(i64, i64, String)>, StoreError> {
    db.query(
        "SELECT member_id, applicant_id, relation FROM selection_conflicts WHERE tenant_id = ? AND selection_id = ?",
        &[tenant_id.into(), selection_id.into()],
    )?
    .iter()
    .map(|r| Ok((r.int(0)?, r.int(1)?, r.text(2)?.to_string())))
    .collect()
}

/// One member's score of an applicant in a stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredScore {
    /// Applicant.
    pub applicant_id: i64,
    /// Stage code.
    pub stage: String,
    /// Member.
    pub member_id: i64,
    /// Score in hundredths.
    pub score: u32,
}

/// Saves (or changes) a member's score.
pub fn save_score(
    db: &mut Db,
    tenant_id: i64,
    selection_id: i64,
    s: &StoredScore,
    now: &str,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO selection_scores (tenant_id, selection_id, applicant_id, stage, member_id, score, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (tenant_id, applicant_id, stage, member_id) DO UPDATE SET score = excluded.score, saved_at = excluded.saved_at",
        &[
            tenant_id.into(),
            selection_id.into(),
            s.applicant_id.into(),
            s.stage.as_str().into(),
            s.member_id.into(),
            i64::from(s.score).into(),
            now.into(),
        ],
    )?;
    Ok(())
}

/// Every score of a selection.
pub fn scores(
    db: &mut Db,
    tenant_id: i64,
    selection_id: i64,
) -> Result<Vec<StoredScore>, StoreError> {
    db.query(
        "SELECT applicant_id, stage, member_id, score FROM selection_scores WHERE tenant_id = ? AND selection_id = ? ORDER BY applicant_id, stage, member_id",
        &[tenant_id.into(), selection_id.into()],
    )?
    .iter()
    .map(|r| {
        Ok(StoredScore {
            applicant_id: r.int(0)?,
            stage: r.text(1)?.to_string(),
            member_id: r.int(2)?,
            score: r.int(3)? as u32,
        })
    })
    .collect()
}

/// Records a pass/fail outcome of an applicant in a stage.
#[allow(clippy::too_many_arguments)]
pub fn set_outcome(
    db: &mut Db,
    tenant_id: i64,
    selection_id: i64,
    applicant_id: i64,
    stage: &str,
    passed: bool,
    reason: &str,
    by: &str,
    now: &str,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO selection_outcomes (tenant_id, selection_id, applicant_id, stage, passed, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (tenant_id, applicant_id, stage) DO UPDATE SET passed = excluded.passed, reason = excluded.reason, decided_by = excluded.decided_by, decided_at = excluded.decided_at",
        &[
            tenant_id.into(),
            selection_id.into(),
            applicant_id.into(),
            stage.into(),
            i64::from(passed).into(),
            reason.into(),
            by.into(),
            now.into(),
        ],
    )?;
    Ok(())
}

/// Pass/fail outcomes: (applicant, stage, passed, reason).
pub fn outcomes(
    db: &mut Db,
    tenant_id: i64,
    selection_id: i64,
) -> Result<Vec<(i64, String, bool, String)>, StoreError> {
    db.query(
        "SELECT applicant_id, stage, passed, reason FROM selection_outcomes WHERE tenant_id = ? AND selection_id = ?",
        &[tenant_id.into(), selection_id.into()],
    )?
    .iter()
    .map(|r| Ok((r.int(0)?, r.text(1)?.to_string(), r.int(2)? != 0, r.text(3)?.to_string())))
    .collect()
}

/// Closes a stage.
pub fn close_stage(
    db: &mut Db,
    tenant_id: i64,
    selection_id: i64,
    stage: &str,
    by: &str,
    now: &str,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO selection_closures (tenant_id, selection_id, stage, closed_by, closed_at) VALUES (?, ?, ?, ?, ?)",
        &[tenant_id.into(), selection_id.into(), stage.into(), by.into(), now.into()],
    )?;
    Ok(())
}

/// The closed stages (codes).
pub fn closed(db: &mut Db, tenant_id: i64, selection_id: i64) -> Result<Vec<String>, StoreError> {
    db.query(
        "SELECT stage FROM selection_closures WHERE tenant_id = ? AND selection_id = ?",
        &[tenant_id.into(), selection_id.into()],
    )?
    .iter()
    .map(|r| Ok(r.text(0)?.to_string()))
    .collect()
}

/// A decision of the approval chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The post.
    pub position_id: i64,
    /// Step code.
    pub step: String,
    /// The applicant it concerns.
    pub applicant_id: Option<i64>,
    /// Why (and the reference of the letter).
    pub reason: String,
    /// Who.
    pub decided_by: String,
    /// When (RFC 3339).
    pub decided_at: String,
}

/// Records a decision.
pub fn add_decision(
    db: &mut Db,
    tenant_id: i64,
    selection_id: i64,
    d: &Decision,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO selection_decisions (tenant_id, selection_id, position_id, step, applicant_id, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        &[
            tenant_id.into(),
            selection_id.into(),
            d.position_id.into(),
            d.step.as_str().into(),
            d.applicant_id.into(),
            d.reason.as_str().into(),
            d.decided_by.as_str().into(),
            d.decided_at.as_str().into(),
        ],
    )?;
    Ok(())
}

/// The decisions of a selection in the order taken.
pub fn decisions(
    db: &mut Db,
    tenant_id: i64,
    selection_id: i64,
) -> Result<Vec<Decision>, StoreError> {
    db.query(
        "SELECT position_id, step, applicant_id, reason, decided_by, decided_at FROM selection_decisions WHERE tenant_id = ? AND selection_id = ? ORDER BY id",
        &[tenant_id.into(), selection_id.into()],
    )?
    .iter()
    .map(|r| {
        Ok(Decision {
            position_id: r.int(0)?,
            step: r.text(1)?.to_string(),
            applicant_id: r.opt_int(2)?,
            reason: r.text(3)?.to_string(),
            decided_by: r.text(4)?.to_string(),
            decided_at: r.text(5)?.to_string(),
        })
    })
    .collect()
}
