//! Assessment events: the event, its days and sessions, its cohort, its assessors and their
//! declared conflicts, and the schedule (a day and session per participant, assessors per
//! participant).

use chrono::NaiveDate;
use talenta_domain::Purpose;
use talenta_domain::event::EventStatus;
use talenta_domain::integration::{Missing, Rule};
use talenta_domain::method::{Matrix, Method, format_matrix, parse_matrix};

use crate::{Db, Param, Row, StoreError};

/// An event as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Key.
    pub id: i64,
    /// Code, unique in the tenant.
    pub code: String,
    /// Name.
    pub name: String,
    /// Purpose (filling a post or mapping).
    pub purpose: Purpose,
    /// Most participants a day.
    pub day_capacity: u32,
    /// Assessors per participant.
    pub per_participant: u32,
    /// Most assessees per assessor per day.
    pub max_per_assessor_day: u32,
    /// Most of an OPD's cohort on one day, in percent (100: no limit).
    pub unit_share_percent: u32,
    /// Draft or published.
    pub status: EventStatus,
    /// The methods used, in order.
    pub methods: Vec<Method>,
    /// Smallest group of a group exercise.
    pub group_min: u32,
    /// Largest group of a group exercise.
    pub group_max: u32,
    /// The event's own competency x method matrix; `None`: the default one.
    pub matrix: Option<Matrix>,
    /// How assessors' ratings are integrated.
    pub integration: Rule,
    /// What a missing rating does.
    pub missing: Missing,
    /// When the results were published to the participants.
    pub results_published_at: Option<String>,
}

/// A session of a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Day number from 1.
    pub day_no: u32,
    /// Date of the day.
    pub date: NaiveDate,
    /// Session number from 1.
    pub session_no: u32,
    /// Seats.
    pub capacity: u32,
    /// Room.
    pub room: String,
}

/// A participant of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventParticipant {
    /// Employee.
    pub employee_id: i64,
    /// Day numbers they cannot come.
    pub unavailable: Vec<u32>,
    /// Scheduled day and session.
    pub slot: Option<(u32, u32)>,
    /// When they checked in.
    pub attended_at: Option<String>,
}

impl EventParticipant {
    /// Whether they checked in.
    pub fn attended_at_known(&self) -> bool {
        self.attended_at.is_some()
    }
}

/// An assessor of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventAssessor {
    /// Key.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Home organisation (e.g. BKD Provinsi Jawa Timur).
    pub organisation: String,
    /// The employee record, for an internal assessor.
    pub employee_id: Option<i64>,
    /// Day numbers they are not available.
    pub unavailable: Vec<u32>,
    /// Level or qualification (e.g. Asesor SDM Aparatur Ahli Madya).
    pub level: String,
    /// The account they sign in with to enter ratings.
    pub account_id: Option<i64>,
}

fn days_text(days: &[u32]) -> String {
    days.iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn days_of(text: &str) -> Vec<u32> {
    text.split(',')
        .filter_map(|d| d.trim().parse().ok())
        .collect()
}

/// A stored code that does not parse is an error naming the column and the value, never a
/// silent default.
fn decode<T>(column: &str, value: &str, parsed: Option<T>) -> Result<T, StoreError> {
    parsed.ok_or_else(|| StoreError::Decode(format!("events.{column} '{value}'")))
}

fn methods_of(text: &str) -> Result<Vec<Method>, StoreError> {
    text.split(',')
        .filter(|m| !m.trim().is_empty())
        .map(|m| decode("methods", m, Method::parse(m)))
        .collect()
}

fn methods_text(methods: &[Method]) -> String {
    methods
        .iter()
        .map(|m| m.code())
        .collect::<Vec<_>>()
        .join(",")
}

fn matrix_of(text: &str) -> Result<Option<Matrix>, StoreError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_matrix(text)
        .map(Some)
        .map_err(|e| StoreError::Decode(format!("events.matrix: {e}")))
}

fn event_row(r: &Row) -> Result<Event, StoreError> {
    let n = |i| r.int(i).map(|v| v as u32);
    let (purpose, status, integration, missing) =
        (r.text(3)?, r.text(8)?, r.text(13)?, r.text(14)?);
    Ok(Event {
        id: r.int(0)?,
        code: r.text(1)?.to_string(),
        name: r.text(2)?.to_string(),
        purpose: decode("purpose", purpose, Purpose::parse(purpose))?,
        day_capacity: n(4)?,
        per_participant: n(5)?,
        max_per_assessor_day: n(6)?,
        unit_share_percent: n(7)?,
        status: decode("status", status, EventStatus::parse(status))?,
        methods: methods_of(r.text(9)?)?,
        group_min: n(10)?,
        group_max: n(11)?,
        matrix: matrix_of(r.text(12)?)?,
        integration: decode("integration_rule", integration, Rule::parse(integration))?,
        missing: decode("missing_rule", missing, Missing::parse(missing))?,
        results_published_at: r.opt_text(15)?.map(str::to_string),
    })
}

const EVENT_COLS: &str = "id, code, name, purpose, day_capacity, per_participant, max_per_assessor_day, unit_share_percent, status, methods, group_min, group_max, matrix, integration_rule, missing_rule, results_published_at";

/// Creates an event with its sessions; returns it.
pub fn create_event(
    db: &mut Db,
    tenant_id: i64,
    e: &Event,
    sessions: &[Session],
    now: &str,
) -> Result<Event, StoreError> {
    db.execute(
        "INSERT INTO events (tenant_id, code, name, purpose, day_capacity, per_participant, max_per_assessor_day, unit_share_percent, status, created_at, methods, group_min, group_max, matrix, integration_rule, missing_rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?)",
        &[
            tenant_id.into(),
            e.code.as_str().into(),
            e.name.as_str().into(),
            e.purpose.code().into(),
            i64::from(e.day_capacity).into(),
            i64::from(e.per_participant).into(),
            i64::from(e.max_per_assessor_day).into(),
            i64::from(e.unit_share_percent).into(),
            now.into(),
            methods_text(&e.methods).as_str().into(),
            i64::from(e.group_min).into(),
            i64::from(e.group_max).into(),
            e.matrix.as_ref().map(format_matrix).unwrap_or_default().as_str().into(),
            e.integration.code().into(),
            e.missing.code().into(),
        ],
    )?;
    let stored = event_by_code(db, tenant_id, &e.code)?
        .ok_or_else(|| StoreError::NotFound(e.code.clone()))?;
    for s in sessions {
        let date = s.date.to_string();
        db.execute(
            "INSERT INTO event_sessions (tenant_id, event_id, day_no, day_date, session_no, capacity, room) VALUES (?, ?, ?, ?, ?, ?, ?)",
            &[
                tenant_id.into(),
                stored.id.into(),
                i64::from(s.day_no).into(),
                date.as_str().into(),
                i64::from(s.session_no).into(),
                i64::from(s.capacity).into(),
                s.room.as_str().into(),
            ],
        )?;
    }
    Ok(stored)
}

/// An event by code.
pub fn event_by_code(db: &mut Db, tenant_id: i64, code: &str) -> Result<Option<Event>, StoreError> {
    db.query_opt(
        &format!("SELECT {EVENT_COLS} FROM events WHERE tenant_id = ? AND code = ?"),
        &[tenant_id.into(), code.into()],
    )?
    .map(|r| event_row(&r))
    .transpose()
}

/// Sessions of an event by day and number.
pub fn sessions(db: &mut Db, tenant_id: i64, event_id: i64) -> Result<Vec<Session>, StoreError> {
    db.query(
        "SELECT day_no, day_date, session_no, capacity, room FROM event_sessions WHERE tenant_id = ? AND event_id = ? ORDER BY day_no, session_no",
        &[tenant_id.into(), event_id.into()],
    )?
    .iter()
    .map(|r| {
        let date = r.text(1)?;
        Ok(Session {
            day_no: r.int(0)? as u32,
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| StoreError::Decode(format!("date {date}")))?,
            session_no: r.int(2)? as u32,
            capacity: r.int(3)? as u32,
            room: r.text(4)?.to_string(),
        })
    })
    .collect()
}

/// Adds participants (ignoring those already in).
pub fn add_participants(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    employees: &[(i64, Vec<u32>)],
) -> Result<(), StoreError> {
    for (id, unavailable) in employees {
        let days = days_text(unavailable);
        db.execute(
            "INSERT INTO event_participants (tenant_id, event_id, employee_id, unavailable) VALUES (?, ?, ?, ?)  ON CONFLICT (tenant_id, event_id, employee_id) DO UPDATE SET unavailable = excluded.unavailable",
            &[tenant_id.into(), event_id.into(), (*id).into(), days.as_str().into()],
        )?;
    }
    Ok(())
}

/// Participants of an event by employee id.
pub fn participants(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
) -> Result<Vec<EventParticipant>, StoreError> {
    db.query(
        "SELECT employee_id, unavailable, day_no, session_no, attended_at FROM event_participants WHERE tenant_id = ? AND event_id = ? ORDER BY employee_id",
        &[tenant_id.into(), event_id.into()],
    )?
    .iter()
    .map(|r| {
        Ok(EventParticipant {
            employee_id: r.int(0)?,
            unavailable: days_of(r.text(1)?),
            slot: match (r.opt_int(2)?, r.opt_int(3)?) {
                (Some(d), Some(s)) => Some((d as u32, s as u32)),
                _ => None,
            },
            attended_at: r.opt_text(4)?.map(str::to_string),
        })
    })
    .collect()
}

/// Adds an assessor; returns their id.
pub fn add_assessor(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    a: &EventAssessor,
) -> Result<i64, StoreError> {
    let days = days_text(&a.unavailable);
    db.execute(
        "INSERT INTO event_assessors (tenant_id, event_id, name, organisation, employee_id, unavailable, level, account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        &[
            tenant_id.into(),
            event_id.into(),
            a.name.as_str().into(),
            a.organisation.as_str().into(),
            a.employee_id.into(),
            days.as_str().into(),
            a.level.as_str().into(),
            a.account_id.into(),
        ],
    )?;
    let row = db
        .query_opt(
            "SELECT id FROM event_assessors WHERE tenant_id = ? AND event_id = ? AND name = ?",
            &[tenant_id.into(), event_id.into(), a.name.as_str().into()],
        )?
        .ok_or_else(|| StoreError::NotFound(a.name.clone()))?;
    row.int(0)
}

/// Assessors of an event by id.
pub fn assessors(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
) -> Result<Vec<EventAssessor>, StoreError> {
    db.query(
        "SELECT id, name, organisation, employee_id, unavailable, level, account_id FROM event_assessors WHERE tenant_id = ? AND event_id = ? ORDER BY id",
        &[tenant_id.into(), event_id.into()],
    )?
    .iter()
    .map(|r| {
        Ok(EventAssessor {
            id: r.int(0)?,
            name: r.text(1)?.to_string(),
            organisation: r.text(2)?.to_string(),
            employee_id: r.opt_int(3)?,
            unavailable: days_of(r.text(4)?),
            level: r.text(5)?.to_string(),
            account_id: r.opt_int(6)?,
        })
    })
    .collect()
}

/// Records a relation an assessor declared with a participant.
pub fn declare_conflict(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    assessor_id: i64,
    employee_id: i64,
    relation: &str,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO event_declared_conflicts (tenant_id, event_id, assessor_id, employee_id, relation) VALUES (?, ?, ?, ?, ?)  ON CONFLICT (tenant_id, event_id, assessor_id, employee_id) DO UPDATE SET relation = excluded.relation",
        &[tenant_id.into(), event_id.into(), assessor_id.into(), employee_id.into(), relation.into()],
    )?;
    Ok(())
}

/// Declared conflicts: (assessor id, employee id, relation).
pub fn declared_conflicts(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
) -> Result<Vec<(i64, i64, String)>, StoreError> {
    db.query(
        "SELECT assessor_id, employee_id, relation FROM event_declared_conflicts WHERE tenant_id = ? AND event_id = ?",
        &[tenant_id.into(), event_id.into()],
    )?
    .iter()
    .map(|r| Ok((r.int(0)?, r.int(1)?, r.text(2)?.to_string())))
    .collect()
}

/// Replaces the schedule: a slot per participant and their assessors.
pub fn save_schedule(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    slots: &[(i64, u32, u32)],
    assignments: &[(i64, i64)],
) -> Result<(), StoreError> {
    db.execute(
        "DELETE FROM event_assignments WHERE tenant_id = ? AND event_id = ?",
        &[tenant_id.into(), event_id.into()],
    )?;
    for (employee, day, session) in slots {
        db.execute(
            "UPDATE event_participants SET day_no = ?, session_no = ? WHERE tenant_id = ? AND event_id = ? AND employee_id = ?",
            &[i64::from(*day).into(), i64::from(*session).into(), tenant_id.into(), event_id.into(), (*employee).into()],
        )?;
    }
    let rows: Vec<Vec<Param<'_>>> = assignments
        .iter()
        .map(|(e, a)| vec![tenant_id.into(), event_id.into(), (*e).into(), (*a).into()])
        .collect();
    for chunk in rows.chunks(500) {
        let sql = format!(
            "INSERT INTO event_assignments (tenant_id, event_id, employee_id, assessor_id) VALUES {}",
            vec!["(?,?,?,?)"; chunk.len()].join(",")
        );
        let params: Vec<Param<'_>> = chunk.iter().flatten().copied().collect();
        db.execute(&sql, &params)?;
    }
    Ok(())
}

/// Assessors per participant: (employee id, assessor id).
pub fn assignments(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
) -> Result<Vec<(i64, i64)>, StoreError> {
    db.query(
        "SELECT employee_id, assessor_id FROM event_assignments WHERE tenant_id = ? AND event_id = ? ORDER BY employee_id, assessor_id",
        &[tenant_id.into(), event_id.into()],
    )?
    .iter()
    .map(|r| Ok((r.int(0)?, r.int(1)?)))
    .collect()
}

/// Every event of a tenant, newest first.
pub fn events(db: &mut Db, tenant_id: i64) -> Result<Vec<Event>, StoreError> {
    db.query(
        &format!("SELECT {EVENT_COLS} FROM events WHERE tenant_id = ? ORDER BY id DESC"),
        &[tenant_id.into()],
    )?
    .iter()
    .map(event_row)
    .collect()
}

/// Sets an event's status.
pub fn set_status(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    status: EventStatus,
) -> Result<(), StoreError> {
    db.execute(
        "UPDATE events SET status = ? WHERE tenant_id = ? AND id = ?",
        &[status.code().into(), tenant_id.into(), event_id.into()],
    )?;
    Ok(())
}

/// Moves one participant to a day and session and replaces their assessors.
pub fn move_participant(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    employee_id: i64,
    slot: (u32, u32),
    assessor_ids: &[i64],
) -> Result<(), StoreError> {
    db.execute(
        "UPDATE event_participants SET day_no = ?, session_no = ? WHERE tenant_id = ? AND event_id = ? AND employee_id = ?",
        &[i64::from(slot.0).into(), i64::from(slot.1).into(), tenant_id.into(), event_id.into(), employee_id.into()],
    )?;
    db.execute(
        "DELETE FROM event_assignments WHERE tenant_id = ? AND event_id = ? AND employee_id = ?",
        &[tenant_id.into(), event_id.into(), employee_id.into()],
    )?;
    for a in assessor_ids {
        db.execute(
            "INSERT INTO event_assignments (tenant_id, event_id, employee_id, assessor_id) VALUES (?, ?, ?, ?)",
            &[tenant_id.into(), event_id.into(), employee_id.into(), (*a).into()],
        )?;
    }
    Ok(())
}

/// Records that a participant came (check-in); returns false when already checked in.
pub fn check_in(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    employee_id: i64,
    at: &str,
) -> Result<bool, StoreError> {
    let n = db.execute(
        "UPDATE event_participants SET attended_at = ? WHERE tenant_id = ? AND event_id = ? AND employee_id = ? AND attended_at IS NULL",
        &[at.into(), tenant_id.into(), event_id.into(), employee_id.into()],
    )?;
    Ok(n == 1)
}

/// Sets the group of each participant for group exercises: (employee id, group number).
pub fn save_groups(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    groups: &[(i64, u32)],
) -> Result<(), StoreError> {
    db.execute(
        "UPDATE event_participants SET group_no = NULL WHERE tenant_id = ? AND event_id = ?",
        &[tenant_id.into(), event_id.into()],
    )?;
    for (e, g) in groups {
        db.execute(
            "UPDATE event_participants SET group_no = ? WHERE tenant_id = ? AND event_id = ? AND employee_id = ?",
            &[i64::from(*g).into(), tenant_id.into(), event_id.into(), (*e).into()],
        )?;
    }
    Ok(())
}

/// The group of each grouped participant: (employee id, group number).
pub fn groups(db: &mut Db, tenant_id: i64, event_id: i64) -> Result<Vec<(i64, u32)>, StoreError> {
    db.query(
        "SELECT employee_id, group_no FROM event_participants WHERE tenant_id = ? AND event_id = ? AND group_no IS NOT NULL ORDER BY group_no, employee_id",
        &[tenant_id.into(), event_id.into()],
    )?
    .iter()
    .map(|r| Ok((r.int(0)?, r.int(1)? as u32)))
    .collect()
}

/// Employee id, assessor name, organisation and the assessor's own employee id.
pub type PreviousAssessor = (i64, String, String, Option<i64>);

/// Who assessed each employee in the latest earlier event of the tenant (before `event_id`).
pub fn previous_assessors(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
) -> Result<Vec<PreviousAssessor>, StoreError> {
    let rows = db.query(
        "SELECT g.employee_id, g.event_id, a.name, a.organisation, a.employee_id FROM event_assignments g \
         JOIN event_assessors a ON a.id = g.assessor_id WHERE g.tenant_id = ? AND g.event_id < ?",
        &[tenant_id.into(), event_id.into()],
    )?;
    let mut latest: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    for r in &rows {
        let e = latest.entry(r.int(0)?).or_insert(i64::MIN);
        *e = (*e).max(r.int(1)?);
    }
    rows.iter()
        .filter(|r| r.int(0).ok().and_then(|e| latest.get(&e)).copied() == r.int(1).ok())
        .map(|r| {
            Ok((
                r.int(0)?,
                r.text(2)?.to_string(),
                r.text(3)?.to_string(),
                r.opt_int(4)?,
            ))
        })
        .collect()
}

/// Sets the days a participant cannot come.
pub fn set_participant_unavailable(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    employee_id: i64,
    days: &[u32],
) -> Result<u64, StoreError> {
    let text = days_text(days);
    db.execute(
        "UPDATE event_participants SET unavailable = ? WHERE tenant_id = ? AND event_id = ? AND employee_id = ?",
        &[text.as_str().into(), tenant_id.into(), event_id.into(), employee_id.into()],
    )
}

/// Sets the days an assessor is not available.
pub fn set_assessor_unavailable(
    db: &mut Db,
    tenant_id: i64,
    event_id: i64,
    assessor_id: i64,
    days: &[u32],
) -> Result<u64, StoreError> {
    let text = days_text(days);
    db.execute(
        "UPDATE event_assessors SET unavailable = ? WHERE tenant_id = ? AND event_id = ? AND id = ?",
        &[text.as_str().into(), tenant_id.into(), event_id.into(), assessor_id.into()],
    )
}
