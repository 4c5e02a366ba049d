//! From ratings to results: integrating an event's submitted ratings per competency by the
//! event's rule (with the assessors' meeting's consensus and the flags for it), finalising a
//! participant's levels into a result (locked), amending a final level with a reason (audit
//! trail), publishing the results to the people assessed, a person's report (JPM against the
//! current and a chosen target post, category, strengths, development advice, potential,
//! valid-until, assessors), and a person's results across cycles side by side.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use talenta_domain::development::{self, Advice};
use talenta_domain::integration::{
    Consensus, Integrated, IntegrationError, Missing, Rating, Rule, integrate,
};
use talenta_domain::jpm::{Category, Jpm, match_profile};
use talenta_domain::master::{AssessmentResult, Employee, Position};
use talenta_domain::{CompetencyCode, Level, validity};
use talenta_store::Db;
use talenta_store::event::{self as events, Event};
use talenta_store::master;
use talenta_store::result::{self as store, FinalResult};
use talenta_store::score::{self, ConsensusRecord};

use crate::access::{Actor, Role};
use crate::capability::{About, Can, ManageResults, ViewResults};
use crate::jpm::JpmReport;
use crate::scoring::cells;
use crate::{AppError, Ctx};

fn event(db: &mut Db, actor: &Actor, code: &str) -> Result<Event, AppError> {
    events::event_by_code(db, actor.tenant.id, code)?.ok_or_else(|| {
        AppError::from(crate::event::Refusal::NotFound {
            code: code.to_string(),
        })
    })
}

/// One participant's integration.
#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantIntegration {
    /// Employee.
    pub employee: Employee,
    /// Current post.
    pub position: Option<Position>,
    /// Per competency, in the official order.
    pub integrated: Vec<Integrated>,
    /// The finalised result (levels as finalised or amended).
    pub result: Option<AssessmentResult>,
    /// JPM against the current post (final levels, else the integrated ones so far).
    pub jpm: Option<Jpm>,
    /// Category for the event's purpose.
    pub category: Option<Category>,
}

impl ParticipantIntegration {
    /// Every competency has a level.
    pub fn ready(&self) -> bool {
        !self.integrated.is_empty() && self.integrated.iter().all(|i| i.level.is_some())
    }

    /// Competencies flagged for the assessors' meeting.
    pub fn flagged(&self) -> usize {
        self.integrated.iter().filter(|i| i.disagreement).count()
    }

    /// The levels to use: the finalised ones, else the integrated ones set so far.
    pub fn levels(&self) -> Vec<(CompetencyCode, Level)> {
        match &self.result {
            Some(r) => r.levels.clone(),
            None => self
                .integrated
                .iter()
                .filter_map(|i| i.level.map(|l| (i.competency.clone(), l)))
                .collect(),
        }
    }
}

/// An event's integration.
#[derive(Debug, Clone, PartialEq)]
pub struct EventIntegration {
    /// The event.
    pub event: Event,
    /// Its rule.
    pub rule: Rule,
    /// Participants by name.
    pub rows: Vec<ParticipantIntegration>,
}

/// The event's results as its results manager sees them (the integration of every
/// participant); the read is recorded for each participant shown.
pub fn event_results(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<ManageResults>,
    code: &str,
) -> Result<EventIntegration, AppError> {
    let all = integration(db, actor, code)?;
    let people: Vec<i64> = all.rows.iter().map(|r| r.employee.id).collect();
    db.transaction(|tx| {
        ctx.record_reads(
            tx,
            actor.tenant.id,
            "result.read",
            &people,
            serde_json::json!({ "use": "event_results", "event": all.event.code }),
        )
    })?;
    Ok(all)
}

/// Integrates every participant's submitted ratings (drafts count as missing) and computes JPM
/// against the current post. Reads all of an event's ratings in one query.
pub fn integration(
    db: &mut Db,
    actor: &Can<ManageResults>,
    code: &str,
) -> Result<EventIntegration, AppError> {
    let tenant = actor.tenant.id;
    let event = event(db, actor, code)?;
    let rules = master::rules(db, &actor.tenant)?;
    let (purpose, rule, missing) = (event.purpose, event.integration, event.missing);
    let cells = cells(&event);
    let mut assessors_of: HashMap<i64, Vec<i64>> = HashMap::new();
    for (e, a) in events::assignments(db, tenant, event.id)? {
        assessors_of.entry(e).or_default().push(a);
    }
    // Every submitted rating, read without copying, as (assessor, cell, level) per participant.
    let cell_of = |m: &str, c: &str| {
        cells
            .iter()
            .position(|(mm, cc)| cc.code() == c && mm.code() == m)
    };
    let mut given: HashMap<i64, Vec<(i64, usize, u8)>> = HashMap::new();
    score::for_each_submitted(db, tenant, event.id, |e, a, m, c, level| {
        if let Some(k) = cell_of(m, c) {
            given.entry(e).or_default().push((a, k, level));
        }
    })?;
    let mut agreed: HashMap<i64, Vec<Consensus>> = HashMap::new();
    for c in score::consensus_of_event(db, tenant, event.id)? {
        if let (Ok(code), Some(level)) = (
            CompetencyCode::parse(&c.competency),
            Level::from_tenths(c.level_tenths),
        ) {
            agreed.entry(c.employee_id).or_default().push(Consensus {
                competency: code,
                level,
                reason: c.reason,
            });
        }
    }
    let finals: HashMap<i64, AssessmentResult> =
        store::results_of_event(db, actor.tenant.id, event.id)?
            .into_iter()
            .map(|r| (r.employee_id, r))
            .collect();
    let employees: HashMap<i64, Employee> = master::list_employees(db, tenant)?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let positions: HashMap<i64, Position> = master::list_positions(db, tenant)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let standards = master::standards(db, tenant)?;
    let mut rows = Vec::new();
    for p in events::participants(db, tenant, event.id)? {
        let Some(employee) = employees.get(&p.employee_id).cloned() else {
            continue;
        };
        let assessors = assessors_of
            .get(&p.employee_id)
            .cloned()
            .unwrap_or_default();
        let mine = given
            .get(&p.employee_id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let ratings = expected_ratings(&cells, &assessors, |a, k| {
            mine.iter()
                .find(|(aa, kk, _)| *aa == a && *kk == k)
                .and_then(|(_, _, t)| Level::from_tenths(*t))
        });

        let consensus = agreed.remove(&p.employee_id).unwrap_or_default();
        let integrated = integrate(&ratings, rule, missing, &consensus)
            .map_err(|error| Refusal::Integration { error })?;
        let position = employee
            .position_id
            .and_then(|id| positions.get(&id))
            .cloned();
        let mut row = ParticipantIntegration {
            result: finals.get(&p.employee_id).cloned(),
            employee,
            position,
            integrated,
            jpm: None,
            category: None,
        };
        if let Some(pos) = &row.position
            && let Some(standard) = standards.get(&pos.id)
        {
            let m = match_profile(&row.levels(), standard, rules.technical_weight(pos.class));
            row.jpm = m.jpm;
            row.category = m.jpm.map(|j| j.category(purpose, &rules.categories));
        }
        rows.push(row);
    }
    rows.sort_by(|a, b| a.employee.name.cmp(&b.employee.name));
    Ok(EventIntegration { event, rule, rows })
}

/// Every rating a participant should get (each assigned assessor x each cell of the event's
/// sheet), competency by competency in the official order, with the level `given` returns
/// for an assessor and the index of a cell (`None`: missing, which integration never counts as
/// zero).
pub(crate) fn expected_ratings(
    cells: &[(talenta_domain::method::Method, CompetencyCode)],
    assessors: &[i64],
    given: impl Fn(i64, usize) -> Option<Level>,
) -> Vec<Rating> {
    let mut order: Vec<&CompetencyCode> = cells.iter().map(|(_, c)| c).collect();
    order.sort();
    order.dedup();
    let mut ratings = Vec::with_capacity(cells.len() * assessors.len());
    for c in order {
        for (k, (m, _)) in cells.iter().enumerate().filter(|(_, (_, cc))| cc == c) {
            for a in assessors {
                ratings.push(Rating {
                    competency: c.clone(),
                    method: *m,
                    assessor: *a,
                    level: given(*a, k),
                });
            }
        }
    }
    ratings
}

fn participant_of(
    db: &mut Db,
    actor: &Actor,
    event: &Event,
    nip_or_id: i64,
) -> Result<Employee, AppError> {
    let in_event = events::participants(db, actor.tenant.id, event.id)?
        .iter()
        .any(|p| p.employee_id == nip_or_id);
    if !in_event {
        return Err(Refusal::NotParticipant {
            event: event.code.clone(),
        }
        .into());
    }
    master::employee(db, actor.tenant.id, nip_or_id)?
        .ok_or_else(|| AppError::UnknownEmployee(nip_or_id.to_string()))
}

fn final_of(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    employee_id: i64,
) -> Result<Option<AssessmentResult>, AppError> {
    Ok(store::results_of_event(db, tenant_id, event_id)?
        .into_iter()
        .find(|r| r.employee_id == employee_id))
}

/// A level decided for one competency of one participant, with its reason: a consensus of the
/// assessors' meeting, or an amendment of a final result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision<'a> {
    /// The participant.
    pub employee_id: i64,
    /// The competency.
    pub competency: &'a CompetencyCode,
    /// The level.
    pub level: Level,
    /// Why (required).
    pub reason: &'a str,
}

/// Records the level the assessors' meeting agreed for one competency of one participant, with
/// the reason (required). Refused once the result is final (then it is an amendment).
pub fn record_consensus(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<ManageResults>,
    code: &str,
    d: &Decision<'_>,
) -> Result<(), AppError> {
    let event = event(db, actor, code)?;
    let employee = participant_of(db, actor, &event, d.employee_id)?;
    let competency = d.competency;
    // The administrator records what the meeting decided: an explicit, audited override of
    // what is stored (assessors in the meeting save by compare-and-set instead).
    let current = score::consensus_of_event(db, actor.tenant.id, event.id)?
        .into_iter()
        .find(|k| k.employee_id == employee.id && k.competency == competency.code())
        .map(|k| k.version);
    match save_consensus(db, ctx, actor, &event, d, current)? {
        None => Ok(()),
        Some(_) => Err(Refusal::ConsensusChanged.into()),
    }
}

/// Saves a consensus by compare-and-set and records it in the audit trail; returns what is
/// stored instead when someone saved first.
pub(crate) fn save_consensus(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Actor,
    event: &Event,
    d: &Decision<'_>,
    expected_version: Option<i64>,
) -> Result<Option<ConsensusRecord>, AppError> {
    if d.reason.trim().is_empty() {
        return Err(Refusal::ConsensusWithoutReason {
            competency: d.competency.clone(),
        }
        .into());
    }
    if !cells(event).iter().any(|(_, c)| c == d.competency) {
        return Err(Refusal::NotMeasured {
            competency: d.competency.clone(),
        }
        .into());
    }
    if final_of(db, actor.tenant.id, event.id, d.employee_id)?.is_some() {
        return Err(Refusal::AlreadyFinal.into());
    }
    let at = ctx.now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    db.transaction(|tx| {
        let saved = score::save_consensus(
            tx,
            actor.tenant.id,
            event.id,
            &ConsensusRecord {
                employee_id: d.employee_id,
                competency: d.competency.code().to_string(),
                level_tenths: d.level.tenths(),
                reason: d.reason.trim().to_string(),
                decided_by: actor.login.clone(),
                decided_at: at.clone(),
                version: 0,
            },
            expected_version,
        )?;
        match saved {
            score::ConsensusSaved::Conflict(stored) => Ok(Some(*stored)),
            score::ConsensusSaved::Stored(version) => {
                ctx.record(
                    tx,
                    actor.tenant.id,
                    "result.consensus",
                    &format!("event:{}/employee:{}", event.code, d.employee_id),
                    serde_json::json!({ "competency": d.competency.code(), "level": d.level.value(), "reason": d.reason.trim(), "version": version }),
                )?;
                Ok(None)
            }
        }
    })
}

/// What finalising did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Finalised {
    /// Participants finalised now.
    pub finalised: usize,
    /// Participants already final before.
    pub already: usize,
    /// Participants not ready, with the reason (name: what is missing).
    pub not_ready: Vec<String>,
}

/// Finalises every participant whose competencies all have a level (or only `only`); the
/// results are written unpublished and locked. A named participant who is not ready is refused
/// with the reason and nothing is written.
pub fn finalise(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<ManageResults>,
    code: &str,
    only: Option<i64>,
) -> Result<Finalised, AppError> {
    let all = integration(db, actor, code)?;
    let tenant = actor.tenant.id;
    let sessions = events::sessions(db, tenant, all.event.id)?;
    let slots: HashMap<i64, (u32, u32)> = events::participants(db, tenant, all.event.id)?
        .into_iter()
        .filter_map(|p| p.slot.map(|s| (p.employee_id, s)))
        .collect();
    let last_day = sessions.iter().map(|s| s.date).max();
    let purpose = all.event.purpose;
    let mut out = Finalised::default();
    let chosen: Vec<&ParticipantIntegration> = all
        .rows
        .iter()
        .filter(|r| only.is_none_or(|id| r.employee.id == id))
        .collect();
    if let Some(id) = only
        && chosen.is_empty()
    {
        return Err(Refusal::NotParticipantOf {
            employee: id,
            event: code.to_string(),
        }
        .into());
    }
    let why = |r: &ParticipantIntegration| -> String {
        let pending: Vec<String> = r
            .integrated
            .iter()
            .filter_map(|i| i.pending.as_ref().map(|p| format!("{} {p}", i.competency)))
            .collect();
        let pending = if pending.is_empty() {
            "belum ada penilaian yang dikirim".to_string()
        } else {
            pending.join(", ")
        };
        format!("{}: {pending}", r.employee.name)
    };
    if only.is_some()
        && let Some(r) = chosen.first()
        && r.result.is_none()
        && !r.ready()
    {
        return Err(Refusal::NotReady {
            name: r.employee.name.clone(),
            pending: pending_of(r, all.event.missing),
        }
        .into());
    }
    let at = ctx.now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    db.transaction(|tx| {
        for r in &chosen {
            if r.result.is_some() {
                out.already += 1;
                continue;
            }
            if !r.ready() {
                out.not_ready.push(why(r));
                continue;
            }
            let day = slots.get(&r.employee.id).and_then(|(d, s)| {
                sessions
                    .iter()
                    .find(|x| x.day_no == *d && x.session_no == *s)
                    .map(|x| x.date)
            });
            let assessed_on = day.or(last_day).unwrap_or_else(|| ctx.now.date_naive());
            let levels = r.levels();
            store::finalise(
                tx,
                tenant,
                &FinalResult {
                    event_id: all.event.id,
                    employee_id: r.employee.id,
                    assessed_on,
                    provider: &all.event.name,
                    purpose,
                    job_class: r.position.as_ref().map(|p| p.class),
                    levels: &levels,
                },
            )?;
            out.finalised += 1;
        }
        ctx.record(
            tx,
            tenant,
            "result.finalise",
            &format!("event:{}", all.event.code),
            serde_json::json!({ "finalised": out.finalised, "not_ready": out.not_ready.len(), "at": at }),
        )?;
        Ok::<(), AppError>(())
    })?;
    Ok(out)
}

/// Corrects one finalised level with a reason (required); the old and new level and the reason
/// go to the audit trail.
pub fn amend(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<ManageResults>,
    code: &str,
    d: &Decision<'_>,
) -> Result<Option<Level>, AppError> {
    let Decision {
        employee_id,
        competency,
        level,
        reason,
    } = *d;
    let event = event(db, actor, code)?;
    let employee = participant_of(db, actor, &event, employee_id)?;
    if reason.trim().is_empty() {
        return Err(Refusal::AmendmentWithoutReason.into());
    }
    let result = final_of(db, actor.tenant.id, event.id, employee.id)?.ok_or_else(|| {
        AppError::from(Refusal::NotFinal {
            name: employee.name.clone(),
        })
    })?;
    if !result.levels.iter().any(|(c, _)| c == competency) {
        return Err(Refusal::NotInResult {
            competency: competency.clone(),
        }
        .into());
    }
    db.transaction(|tx| {
        let before = store::amend_level(tx, actor.tenant.id, result.id, competency, level)?;
        ctx.record(
            tx,
            actor.tenant.id,
            "result.amend",
            &format!("employee:{}", employee.id),
            serde_json::json!({
                "event": event.code, "result": result.id, "competency": competency.code(),
                "before": before.map(Level::value), "after": level.value(), "reason": reason.trim()
            }),
        )?;
        Ok(before)
    })
}

/// Shows an event's finalised results to the people assessed; returns how many were published.
pub fn publish(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<ManageResults>,
    code: &str,
) -> Result<u64, AppError> {
    let event = event(db, actor, code)?;
    if store::results_of_event(db, actor.tenant.id, event.id)?.is_empty() {
        return Err(Refusal::NothingToPublish.into());
    }
    let at = ctx.now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    db.transaction(|tx| {
        let n = store::publish_event_results(tx, actor.tenant.id, event.id, &at)?;
        ctx.record(
            tx,
            actor.tenant.id,
            "result.publish",
            &format!("event:{}", event.code),
            serde_json::json!({ "published": n }),
        )?;
        Ok(n)
    })
}

/// A person's report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The person.
    pub employee: Employee,
    /// Their unit's name.
    pub unit: String,
    /// The result reported.
    pub result: AssessmentResult,
    /// Against the current post (when it has a standard).
    pub current: Option<JpmReport>,
    /// Against the chosen target post.
    pub target: Option<JpmReport>,
    /// Strengths: competencies at or above the standard used, the largest margin first.
    pub strengths: Vec<(CompetencyCode, i16)>,
    /// Development areas with advice.
    pub development: Vec<Advice>,
    /// Last day the result is valid.
    pub valid_until: NaiveDate,
    /// The assessors (for a result of an event).
    pub assessors: Vec<String>,
    /// Whether the result has been published to the person.
    pub published: bool,
}

/// The report of a person's result (`result_id`, or their newest one) against their current post
/// and optionally a target post. An employee sees only their own published results. The read
/// is recorded.
pub fn report(
    db: &mut Db,
    ctx: &Ctx,
    actor: &About<ViewResults>,
    result_id: Option<i64>,
    target: Option<&str>,
) -> Result<Report, AppError> {
    let tenant = actor.tenant.id;
    let employee_id = actor.subject();
    let employee = master::employee(db, tenant, employee_id)?
        .ok_or_else(|| AppError::UnknownEmployee(employee_id.to_string()))?;
    let own_only = actor.role == Role::Employee;
    let results = crate::directory::visible_results(
        master::results_of(db, actor.tenant.id, employee_id)?,
        actor,
    );
    let result = match result_id {
        Some(id) => results.iter().find(|r| r.id == id).cloned(),
        None => results.last().cloned(),
    }
    .ok_or_else(|| {
        AppError::from(if own_only {
            Refusal::NothingPublished
        } else {
            Refusal::NoResult {
                name: employee.name.clone(),
            }
        })
    })?;
    let rules = master::rules(db, &actor.tenant)?;
    let against = |db: &mut Db, position: Position| -> Result<Option<JpmReport>, AppError> {
        let standard = master::standard_of(db, actor.tenant.id, position.id)?;
        if standard.is_empty() {
            return Ok(None);
        }
        crate::jpm::assess(
            employee.clone(),
            position,
            &standard,
            result.clone(),
            None,
            &rules,
        )
        .map(Some)
    };
    let current_post = employee
        .position_id
        .map(|id| master::position(db, tenant, id))
        .transpose()?
        .flatten();
    let unit = match &current_post {
        Some(p) => master::list_units(db, tenant)?
            .into_iter()
            .find(|u| u.id == p.unit_id)
            .map(|u| u.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let current = match current_post {
        Some(p) => against(db, p)?,
        None => None,
    };
    let target = match target.map(str::trim).filter(|t| !t.is_empty()) {
        Some(code) => {
            let p = master::position_by_code(db, tenant, code)?
                .ok_or_else(|| AppError::UnknownPosition(code.to_string()))?;
            Some(against(db, p)?.ok_or_else(|| AppError::NoStandard(code.to_string()))?)
        }
        None => None,
    };
    let gaps = target
        .as_ref()
        .or(current.as_ref())
        .map(|r| r.gaps.clone())
        .unwrap_or_default();
    let assessors = match result.event_id {
        Some(event_id) => {
            let mine: HashSet<i64> = events::assignments(db, tenant, event_id)?
                .into_iter()
                .filter(|(e, _)| *e == employee_id)
                .map(|(_, a)| a)
                .collect();
            events::assessors(db, tenant, event_id)?
                .into_iter()
                .filter(|a| mine.contains(&a.id))
                .map(|a| {
                    if a.organisation.is_empty() {
                        a.name
                    } else {
                        format!("{} ({})", a.name, a.organisation)
                    }
                })
                .collect()
        }
        None => Vec::new(),
    };
    let report = Report {
        unit,
        strengths: development::strengths(&gaps)
            .into_iter()
            .map(|g| (g.code.clone(), g.tenths()))
            .collect(),
        development: development::development(&gaps),
        valid_until: validity::expires_on(result.assessed_on, rules.result_validity_years)
            .pred_opt()
            .unwrap_or(result.assessed_on),
        published: result.published,
        assessors,
        current,
        target,
        result,
        employee,
    };
    db.transaction(|tx| {
        ctx.record(
            tx,
            tenant,
            "result.read",
            &format!("employee:{employee_id}"),
            serde_json::json!({ "use": "report", "result": report.result.id }),
        )?;
        Ok::<(), AppError>(())
    })?;
    Ok(report)
}

/// One competency across a person's results, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend {
    /// The competency.
    pub competency: CompetencyCode,
    /// Level per result (same order as [`Reassessment::results`]; `None`: not assessed then).
    pub levels: Vec<Option<Level>>,
    /// Newest minus the one before, in tenths (when both exist).
    pub change_tenths: Option<i16>,
}

/// A person's results across cycles side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reassessment {
    /// The results, oldest first.
    pub results: Vec<AssessmentResult>,
    /// Per competency.
    pub trends: Vec<Trend>,
}

/// A person's results across cycles (an employee: their published ones). The read is recorded.
pub fn reassessment(
    db: &mut Db,
    ctx: &Ctx,
    actor: &About<ViewResults>,
) -> Result<Reassessment, AppError> {
    let employee_id = actor.subject();
    master::employee(db, actor.tenant.id, employee_id)?
        .ok_or_else(|| AppError::UnknownEmployee(employee_id.to_string()))?;
    let results = crate::directory::visible_results(
        master::results_of(db, actor.tenant.id, employee_id)?,
        actor,
    );
    db.transaction(|tx| {
        ctx.record(
            tx,
            actor.tenant.id,
            "result.read",
            &format!("employee:{employee_id}"),
            serde_json::json!({ "use": "reassessment", "results": results.len() }),
        )?;
        Ok::<(), AppError>(())
    })?;
    Ok(compare(results))
}

/// Lays results side by side per competency.
pub fn compare(results: Vec<AssessmentResult>) -> Reassessment {
    let mut codes: BTreeMap<CompetencyCode, ()> = BTreeMap::new();
    for r in &results {
        for (c, _) in &r.levels {
            codes.insert(c.clone(), ());
        }
    }
    let trends = codes
        .into_keys()
        .map(|c| {
            let levels: Vec<Option<Level>> = results
                .iter()
                .map(|r| r.levels.iter().find(|(k, _)| *k == c).map(|(_, l)| *l))
                .collect();
            let change_tenths = match levels.as_slice() {
                [.., Some(a), Some(b)] => Some(i16::from(b.tenths()) - i16::from(a.tenths())),
                _ => None,
            };
            Trend {
                competency: c,
                levels,
                change_tenths,
            }
        })
        .collect();
    Reassessment { results, trends }
}

/// The employee id of a NIP typed into a form (unknown in this government: refused).
pub fn employee_id(db: &mut Db, actor: &Actor, nip: talenta_domain::Nip) -> Result<i64, AppError> {
    Ok(master::employee_by_nip(db, actor.tenant.id, nip)?
        .ok_or_else(|| AppError::UnknownEmployee(nip.to_string()))?
        .id)
}

/// Why the integration of results was refused: each rule with its facts (the words are in the web layer's i18n).
#[derive(Debug)]
pub enum Refusal {
    /// The ratings could not be integrated.
    Integration {
        /// The domain's refusal (its text is the Bahasa Indonesia one).
        error: IntegrationError,
    },
    /// The employee is not a participant of the event.
    NotParticipant {
        /// The event's code.
        event: String,
    },
    /// The employee with this id is not a participant of the event.
    NotParticipantOf {
        /// The employee's id.
        employee: i64,
        /// The event's code.
        event: String,
    },
    /// Someone else changed the consensus since the page was opened.
    ConsensusChanged,
    /// A consensus needs its reason.
    ConsensusWithoutReason {
        /// The competency.
        competency: CompetencyCode,
    },
    /// The event does not measure the competency.
    NotMeasured {
        /// The competency.
        competency: CompetencyCode,
    },
    /// The participant's result is final: a change is an amendment.
    AlreadyFinal,
    /// The participant cannot be finalised yet.
    NotReady {
        /// The participant's name.
        name: String,
        /// The competencies without a level and why (empty: no rating submitted at all).
        pending: Vec<Pending>,
    },
    /// An amendment of a final result needs its reason.
    AmendmentWithoutReason,
    /// The participant's result is not final: there is nothing to amend.
    NotFinal {
        /// The participant's name.
        name: String,
    },
    /// The result has no level for the competency.
    NotInResult {
        /// The competency.
        competency: CompetencyCode,
    },
    /// No result of the event is final: nothing to publish.
    NothingToPublish,
    /// The employee has no published result yet (asked by the employee themselves).
    NothingPublished,
    /// The employee has no assessment result.
    NoResult {
        /// The employee's name.
        name: String,
    },
}

/// Why one competency of a participant has no level yet (what the domain's
/// `Integrated::pending` says, as facts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// No rating given yet.
    NoRating {
        /// The competency.
        competency: CompetencyCode,
    },
    /// The event waits for every rating and some are missing.
    MoreRatings {
        /// The competency.
        competency: CompetencyCode,
        /// How many ratings are still missing.
        missing: usize,
    },
    /// Waiting for the assessors' meeting to agree.
    Consensus {
        /// The competency.
        competency: CompetencyCode,
    },
}

/// The competencies of a participant without a level, and why (the same cases, in the same
/// order, as the domain's `integrate` sets `pending`).
fn pending_of(r: &ParticipantIntegration, missing: Missing) -> Vec<Pending> {
    r.integrated
        .iter()
        .filter(|i| i.pending.is_some())
        .map(|i| {
            let competency = i.competency.clone();
            if i.given == 0 {
                Pending::NoRating { competency }
            } else if missing == Missing::Wait && i.missing > 0 {
                Pending::MoreRatings {
                    competency,
                    missing: i.missing,
                }
            } else {
                Pending::Consensus { competency }
            }
        })
        .collect()
}
