//! An assessor's work in an event: the participants assigned to them per session, the rating
//! sheet of one participant (a level in half steps and behavioural evidence for every competency
//! each method of the event measures), saving drafts and submitting. Saves are compare-and-set
//! per rating: a rating someone else (another assessor's tab, or the same assessor in another
//! tab) changed since the sheet was opened is refused with the value stored now, never
//! overwritten. A participant whose result is final can no longer be rated.

use std::collections::{HashMap, HashSet};

use talenta_domain::method::{Matrix, Method, default_matrix};
use talenta_domain::{CompetencyCode, Level};
use talenta_store::Db;
use talenta_store::event::{self as store, Event, EventAssessor};
use talenta_store::master;
use talenta_store::score::{self, Saved, Score, ScoreEdit, ScoreKey};

use crate::capability::{self, Can};
use crate::{AppError, Ctx};

/// The methods of an event and, for each, the competencies it measures (the sheet's cells in
/// order: method by method, competencies in the matrix's order).
pub fn cells(event: &Event) -> Vec<(Method, CompetencyCode)> {
    let default;
    let matrix: &Matrix = match &event.matrix {
        Some(m) => m,
        None => {
            default = default_matrix();
            &default
        }
    };
    event
        .methods
        .iter()
        .copied()
        .flat_map(|m| {
            matrix
                .iter()
                .filter(move |(_, ms)| ms.contains(&m))
                .map(move |(c, _)| (m, c.clone()))
        })
        .collect()
}

/// The event and the actor's own assessor row in it (`None`: they are not one of its assessors).
fn own_assessor(
    db: &mut Db,
    actor: &Can<capability::Score>,
    code: &str,
) -> Result<(Event, Option<EventAssessor>), AppError> {
    let event = store::event_by_code(db, actor.tenant.id, code)?.ok_or_else(|| {
        AppError::from(crate::event::Refusal::NotFound {
            code: code.to_string(),
        })
    })?;
    let me = match actor.account_id {
        Some(account) => store::assessors(db, actor.tenant.id, event.id)?
            .into_iter()
            .find(|a| a.account_id == Some(account)),
        None => None,
    };
    Ok((event, me))
}

/// One participant on an assessor's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkItem {
    /// Employee id.
    pub employee_id: i64,
    /// NIP.
    pub nip: String,
    /// Name.
    pub name: String,
    /// Day and session.
    pub slot: Option<(u32, u32)>,
    /// Date of the day.
    pub date: Option<chrono::NaiveDate>,
    /// Room of the session.
    pub room: String,
    /// Ratings given by this assessor (level set).
    pub rated: usize,
    /// Ratings expected of this assessor.
    pub expected: usize,
    /// Whether this assessor submitted the sheet.
    pub submitted: bool,
    /// Whether the result is final (no more ratings).
    pub finalised: bool,
}

/// An assessor's list for one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worklist {
    /// The event.
    pub event: Event,
    /// The assessor (`None`: the actor is not an assessor of this event; the list is empty).
    pub assessor: Option<EventAssessor>,
    /// Their participants by day, session and name.
    pub items: Vec<WorkItem>,
}

/// The participants assigned to the actor in an event, by day and session.
pub fn worklist(
    db: &mut Db,
    actor: &Can<capability::Score>,
    code: &str,
) -> Result<Worklist, AppError> {
    let (event, me) = own_assessor(db, actor, code)?;
    let Some(me) = me else {
        return Ok(Worklist {
            event,
            assessor: None,
            items: Vec::new(),
        });
    };
    let tenant = actor.tenant.id;
    let mine: HashSet<i64> = store::assignments(db, tenant, event.id)?
        .into_iter()
        .filter(|(_, a)| *a == me.id)
        .map(|(e, _)| e)
        .collect();
    let sessions = store::sessions(db, tenant, event.id)?;
    let mut people: HashMap<i64, talenta_domain::master::Employee> = HashMap::new();
    for id in &mine {
        if let Some(e) = master::employee(db, tenant, *id)? {
            people.insert(e.id, e);
        }
    }
    let finalised: HashSet<i64> =
        talenta_store::result::results_of_event(db, actor.tenant.id, event.id)?
            .into_iter()
            .map(|r| r.employee_id)
            .collect();
    let expected = cells(&event).len();
    let counts: HashMap<i64, (usize, bool)> =
        score::progress_of_assessor(db, tenant, event.id, me.id)?
            .into_iter()
            .map(|(e, rated, submitted)| (e, (rated, submitted)))
            .collect();
    let mut items: Vec<WorkItem> = store::participants(db, tenant, event.id)?
        .into_iter()
        .filter(|p| mine.contains(&p.employee_id))
        .map(|p| {
            let e = people.get(&p.employee_id);
            let session = p
                .slot
                .and_then(|(d, s)| sessions.iter().find(|x| x.day_no == d && x.session_no == s));
            let (rated, all_submitted) = counts.get(&p.employee_id).copied().unwrap_or((0, false));
            WorkItem {
                employee_id: p.employee_id,
                nip: e.map(|e| e.nip.to_string()).unwrap_or_default(),
                name: e.map(|e| e.name.clone()).unwrap_or_default(),
                slot: p.slot,
                date: session.map(|s| s.date),
                room: session.map(|s| s.room.clone()).unwrap_or_default(),
                rated,
                expected,
                submitted: all_submitted && rated == expected,
                finalised: finalised.contains(&p.employee_id),
            }
        })
        .collect();
    items.sort_by(|a, b| (a.slot, &a.name).cmp(&(b.slot, &b.name)));
    Ok(Worklist {
        event,
        assessor: Some(me),
        items,
    })
}

/// One cell of a rating sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Method.
    pub method: Method,
    /// Competency.
    pub competency: CompetencyCode,
    /// What is stored (`None`: nothing yet).
    pub stored: Option<Score>,
}

/// A participant's rating sheet for the actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The event.
    pub event: Event,
    /// The assessor.
    pub assessor: EventAssessor,
    /// Participant.
    pub employee: talenta_domain::master::Employee,
    /// Cells, method by method.
    pub cells: Vec<Cell>,
    /// Whether the result is final (read-only).
    pub finalised: bool,
}

/// Proof that the actor is one of the assessors of an event, with the event and their row in
/// it; made by [`assessor_of`].
#[derive(Debug, Clone)]
pub struct AssessorOf {
    actor: Can<capability::Score>,
    event: Event,
    me: EventAssessor,
}

impl AssessorOf {
    /// The event.
    pub fn event(&self) -> &Event {
        &self.event
    }

    /// The actor's assessor row in the event.
    pub fn assessor(&self) -> &EventAssessor {
        &self.me
    }
}

impl std::ops::Deref for AssessorOf {
    type Target = crate::access::Actor;
    fn deref(&self) -> &crate::access::Actor {
        self.actor.actor()
    }
}

/// The actor as an assessor of event `code` (refused when their account is not one of its
/// assessors).
pub fn assessor_of(
    db: &mut Db,
    actor: &Can<capability::Score>,
    code: &str,
) -> Result<AssessorOf, AppError> {
    let (event, me) = own_assessor(db, actor, code)?;
    let me = me.ok_or_else(|| Refusal::NotAssessor {
        event: event.code.clone(),
    })?;
    Ok(AssessorOf {
        actor: actor.clone(),
        event,
        me,
    })
}

/// The event, the assessor and the participant, checked: the participant must be assigned to
/// this assessor.
pub(crate) fn assigned(
    db: &mut Db,
    actor: &AssessorOf,
    employee_id: i64,
) -> Result<(Event, EventAssessor, talenta_domain::master::Employee), AppError> {
    let (event, me) = (actor.event.clone(), actor.me.clone());
    let mine = store::assignments(db, actor.tenant.id, event.id)?
        .into_iter()
        .any(|(e, a)| e == employee_id && a == me.id);
    if !mine {
        return Err(Refusal::NotAssigned.into());
    }
    let employee = master::employee(db, actor.tenant.id, employee_id)?
        .ok_or_else(|| AppError::UnknownEmployee(employee_id.to_string()))?;
    Ok((event, me, employee))
}

fn is_final(db: &mut Db, tenant: i64, event_id: i64, employee_id: i64) -> Result<bool, AppError> {
    Ok(db
        .query_opt(
            "SELECT id FROM assessment_results WHERE tenant_id = ? AND event_id = ? AND employee_id = ?",
            &[tenant.into(), event_id.into(), employee_id.into()],
        )?
        .is_some())
}

/// The actor's rating sheet for one participant.
pub fn sheet(db: &mut Db, actor: &AssessorOf, employee_id: i64) -> Result<Sheet, AppError> {
    let (event, me, employee) = assigned(db, actor, employee_id)?;
    let stored: Vec<Score> = score::scores_of(db, actor.tenant.id, event.id, employee_id)?
        .into_iter()
        .filter(|s| s.key.assessor_id == me.id)
        .collect();
    let cells = cells(&event)
        .into_iter()
        .map(|(method, competency)| Cell {
            stored: stored
                .iter()
                .find(|s| s.key.method == method.code() && s.key.competency == competency.code())
                .cloned(),
            method,
            competency,
        })
        .collect();
    Ok(Sheet {
        finalised: is_final(db, actor.tenant.id, event.id, employee_id)?,
        event,
        assessor: me,
        employee,
        cells,
    })
}

/// One rating as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Method.
    pub method: Method,
    /// Competency.
    pub competency: CompetencyCode,
    /// Level (`None`: left empty).
    pub level: Option<Level>,
    /// Behavioural evidence.
    pub evidence: String,
    /// The version the sheet was opened at (`None`: there was nothing stored).
    pub version: Option<i64>,
    /// Whether the assessor changed it in this sheet (unchanged cells are not saved, so an edit
    /// elsewhere is not reported as a conflict when the assessor did not touch the cell).
    pub changed: bool,
}

/// A rating that was not saved because it changed since the sheet was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Method.
    pub method: Method,
    /// Competency.
    pub competency: CompetencyCode,
    /// What the actor tried to save.
    pub yours: Option<Level>,
    /// What is stored now (shown to the actor).
    pub stored: Score,
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SaveOutcome {
    /// Ratings stored.
    pub saved: usize,
    /// Ratings refused because someone saved them first.
    pub conflicts: Vec<Refused>,
    /// Whether the sheet is now submitted.
    pub submitted: bool,
}

/// Parses a level as an assessor types it: `3`, `2.5`, `2,5`, or the assessment-centre marks
/// `2-` (1.5) and `2+` (2.5); empty is no level.
pub fn parse_level(text: &str) -> Result<Option<Level>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    Level::parse(t).map(Some).map_err(|_| {
        format!("level '{t}' tidak sah: isi 1 sampai 5 dalam langkah setengah (mis. 2,5 atau 3-)")
    })
}

/// The longest behavioural evidence of one rating, in characters.
const MAX_EVIDENCE: usize = 4000;

/// Saves the entries of a participant's sheet. With `submit`, every cell must have a level and
/// evidence, and the whole sheet is marked submitted. Entries that conflict are refused one by
/// one with what is stored; the others are saved. Every save is recorded in the audit trail.
pub fn save(
    db: &mut Db,
    ctx: &Ctx,
    actor: &AssessorOf,
    employee_id: i64,
    entries: &[Entry],
    submit: bool,
) -> Result<SaveOutcome, AppError> {
    let (event, me, _) = assigned(db, actor, employee_id)?;
    let tenant = actor.tenant.id;
    if is_final(db, tenant, event.id, employee_id)? {
        return Err(Refusal::AlreadyFinal.into());
    }
    let allowed = cells(&event);
    let mut problems = Vec::new();
    for e in entries {
        if !allowed.contains(&(e.method, e.competency.clone())) {
            problems.push(Problem::NotMeasured {
                method: e.method,
                competency: e.competency.clone(),
            });
        }
        if e.evidence.chars().count() > MAX_EVIDENCE {
            problems.push(Problem::EvidenceTooLong {
                method: e.method,
                competency: e.competency.clone(),
                max: MAX_EVIDENCE,
            });
        }
    }
    if submit {
        for (m, c) in &allowed {
            match entries
                .iter()
                .find(|e| e.method == *m && e.competency == *c)
            {
                Some(e) if e.level.is_some() && !e.evidence.trim().is_empty() => {}
                Some(e) if e.level.is_some() => problems.push(Problem::NoEvidence {
                    method: *m,
                    competency: c.clone(),
                }),
                _ => problems.push(Problem::NoLevel {
                    method: *m,
                    competency: c.clone(),
                }),
            }
        }
    }
    if !problems.is_empty() {
        return Err(Refusal::Sheet { problems }.into());
    }
    let now = ctx.now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    db.transaction(|tx| {
        let mut out = SaveOutcome::default();
        for e in entries.iter().filter(|e| e.changed || submit) {
            let key = ScoreKey {
                event_id: event.id,
                employee_id,
                assessor_id: me.id,
                method: e.method.code().to_string(),
                competency: e.competency.code().to_string(),
            };
            let edit = ScoreEdit {
                level_tenths: e.level.map(Level::tenths),
                evidence: e.evidence.trim(),
                submitted: submit,
            };
            match score::save_score(tx, tenant, &key, e.version, &edit, &now)? {
                Saved::Stored(_) => out.saved += 1,
                Saved::Conflict(stored) => {
                    // The same content saved twice (a resent form) is not a conflict.
                    if stored.level_tenths == edit.level_tenths
                        && stored.evidence == edit.evidence
                        && stored.submitted == edit.submitted
                    {
                        continue;
                    }
                    out.conflicts.push(Refused {
                        method: e.method,
                        competency: e.competency.clone(),
                        yours: e.level,
                        stored: *stored,
                    });
                }
            }
        }
        out.submitted = submit && out.conflicts.is_empty();
        ctx.record(
            tx,
            tenant,
            if submit { "score.submit" } else { "score.save" },
            &format!("event:{}/employee:{employee_id}", event.code),
            serde_json::json!({ "assessor": me.id, "saved": out.saved, "conflicts": out.conflicts.len() }),
        )?;
        Ok(out)
    })
}

/// The events of the tenant in which the actor is an assessor, with how many participants are
/// theirs.
pub fn my_events(
    db: &mut Db,
    actor: &Can<capability::Score>,
) -> Result<Vec<(Event, usize)>, AppError> {
    let Some(account) = actor.account_id else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for event in store::events(db, actor.tenant.id)? {
        let me = store::assessors(db, actor.tenant.id, event.id)?
            .into_iter()
            .find(|a| a.account_id == Some(account));
        if let Some(me) = me {
            let n = store::assignments(db, actor.tenant.id, event.id)?
                .into_iter()
                .filter(|(_, a)| *a == me.id)
                .count();
            out.push((event, n));
        }
    }
    Ok(out)
}

/// Why a scoring sheet was refused: each rule with its facts (the words are in the web layer's i18n).
#[derive(Debug)]
pub enum Refusal {
    /// The actor is not one of the event's assessors.
    NotAssessor {
        /// The event's code.
        event: String,
    },
    /// The participant is not assigned to the actor in the event.
    NotAssigned,
    /// The participant's result is final: only an administrator's amendment changes it.
    AlreadyFinal,
    /// The entries of the sheet have problems (all of them, in the order found).
    Sheet {
        /// The problems.
        problems: Vec<Problem>,
    },
}

/// One problem of a sheet's entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The method does not measure the competency in this event.
    NotMeasured {
        /// The method.
        method: Method,
        /// The competency.
        competency: CompetencyCode,
    },
    /// The behavioural evidence is too long.
    EvidenceTooLong {
        /// The method.
        method: Method,
        /// The competency.
        competency: CompetencyCode,
        /// The longest allowed, in characters.
        max: usize,
    },
    /// Submitting, a rating has a level but no behavioural evidence.
    NoEvidence {
        /// The method.
        method: Method,
        /// The competency.
        competency: CompetencyCode,
    },
    /// Submitting, a rating has no level.
    NoLevel {
        /// The method.
        method: Method,
        /// The competency.
        competency: CompetencyCode,
    },
}
