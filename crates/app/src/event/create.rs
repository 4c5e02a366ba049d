//! Creating an event: its cohort (class, OPD, eselon or a list of NIPs), days, sessions and
//! rooms, methods checked against the competency x method matrix, assessors and settings.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use talenta_domain::integration::{Missing, Rule};
use talenta_domain::method::{Matrix, Method, default_matrix, under_measured};
use talenta_domain::{CompetencyCode, CoreCompetency, Nip, PositionClass, Purpose};
use talenta_store::Db;
use talenta_store::event::{self as store, Event, EventAssessor, Session};
use talenta_store::master;

use super::*;
use crate::{AppError, Ctx};

/// Who is assessed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cohort {
    /// Only holders of positions of these classes (empty: every class).
    pub classes: Vec<PositionClass>,
    /// Only this OPD (unit code) and the units below it.
    pub opd_code: Option<String>,
    /// Only posts of these eselon (empty: any).
    pub eselon: Vec<talenta_domain::Eselon>,
    /// Only these people (a list or an imported file; empty: anyone matching the rest).
    pub nips: Vec<Nip>,
}

/// An assessor to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessorSpec {
    /// Name.
    pub name: String,
    /// Home organisation.
    pub organisation: String,
    /// NIP when the assessor is an employee of this government (internal).
    pub nip: Option<Nip>,
    /// Level or qualification.
    pub level: String,
    /// Login of the account (role asesor in this government) they enter ratings with.
    pub login: Option<String>,
}

impl AssessorSpec {
    /// An external assessor written as `Nama|Organisasi|Jenjang|login` (all but the name optional).
    pub fn external(line: &str) -> AssessorSpec {
        let mut parts = line.splitn(4, '|').map(str::trim);
        AssessorSpec {
            name: parts.next().unwrap_or_default().to_string(),
            organisation: parts.next().unwrap_or_default().to_string(),
            nip: None,
            level: parts.next().unwrap_or_default().to_string(),
            login: parts.next().filter(|l| !l.is_empty()).map(str::to_string),
        }
    }
}

/// The NIPs of a cohort list: an `.xlsx` workbook (first sheet) or a `.csv`/`.txt` file, one
/// person per row, NIP in the column headed "NIP" (or the first column when no header names it).
/// NIPs must be written as text: an 18-digit number stored as a number has lost its last digits.
/// Every bad row is reported; the list is used whole or not at all.
pub fn cohort_from_file(path: &std::path::Path) -> Result<Vec<Nip>, AppError> {
    use crate::import::table::{Cell, read_rows};
    let mut column: Option<usize> = None;
    let mut nips = Vec::new();
    let mut problems: Vec<CohortRow> = Vec::new();
    read_rows(
        path,
        &crate::import::ImportLimits::default(),
        &mut |row, cells| {
            let col = match column {
                Some(c) => c,
                None => {
                    let headed = cells
                        .iter()
                        .position(|c| c.display().trim().eq_ignore_ascii_case("nip"));
                    column = Some(headed.unwrap_or(0));
                    if headed.is_some() {
                        return Ok(());
                    }
                    headed.unwrap_or(0)
                }
            };
            let cell = cells.get(col).cloned().unwrap_or(Cell::Empty);
            if cell.is_empty() {
                return Ok(());
            }
            let text = match &cell {
                Cell::Number(number) => {
                    problems.push(CohortRow::NipAsNumber {
                        row,
                        number: *number,
                    });
                    return Ok(());
                }
                other => other.display(),
            };
            match Nip::parse(text.trim().trim_matches('"')) {
                Ok(n) => nips.push(n),
                Err(error) => problems.push(CohortRow::BadNip { row, error }),
            }
            Ok(())
        },
    )
    .map_err(|error| {
        AppError::from(Refusal::CohortFileUnreadable {
            path: path.to_path_buf(),
            error,
        })
    })?;
    if !problems.is_empty() {
        return Err(Refusal::CohortFileRejected {
            path: path.to_path_buf(),
            problems,
        }
        .into());
    }
    if nips.is_empty() {
        return Err(Refusal::CohortFileEmpty {
            path: path.to_path_buf(),
        }
        .into());
    }
    Ok(nips)
}

/// An event to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSpec {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Purpose.
    pub purpose: Purpose,
    /// The days.
    pub dates: Vec<NaiveDate>,
    /// Seats of each session of a day.
    pub sessions: Vec<u32>,
    /// Room of each session (same order as `sessions`; missing: none named).
    pub rooms: Vec<String>,
    /// The government's own competency x method matrix; `None`: the common one of `domain.md`.
    pub matrix: Option<Matrix>,
    /// Most participants a day.
    pub day_capacity: u32,
    /// Assessors per participant (2 by default).
    pub per_participant: u32,
    /// Most assessees per assessor per day.
    pub max_per_assessor_day: u32,
    /// Most of an OPD's cohort on one day, in percent.
    pub unit_share_percent: u32,
    /// Who is assessed.
    pub cohort: Cohort,
    /// The assessors.
    pub assessors: Vec<AssessorSpec>,
    /// The methods used.
    pub methods: Vec<Method>,
    /// Each competency must be measured by at least this many of the methods (setting).
    pub min_methods: usize,
    /// Group sizes of group exercises (setting: 4-8).
    pub group_size: (u32, u32),
    /// How assessors' ratings are integrated (setting).
    pub integration: Rule,
    /// What a missing rating does (setting).
    pub missing: Missing,
}

/// Creates an event with its cohort and assessors; returns it with the cohort size.
pub fn create_event(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<EditMasterData>,
    spec: &EventSpec,
) -> Result<(Event, usize), AppError> {
    let refuse = |r: Refusal| Err(AppError::from(r));
    if spec.dates.is_empty() || spec.sessions.is_empty() {
        return refuse(Refusal::NoDaysOrSessions);
    }
    if spec.per_participant == 0 || spec.max_per_assessor_day == 0 || spec.day_capacity == 0 {
        return refuse(Refusal::ZeroCapacity);
    }
    if spec.rooms.len() > spec.sessions.len() {
        return refuse(Refusal::TooManyRooms {
            rooms: spec.rooms.len(),
            sessions: spec.sessions.len(),
        });
    }
    if spec.methods.is_empty() {
        return refuse(Refusal::NoMethods);
    }
    let nine: Vec<CompetencyCode> = CoreCompetency::ALL
        .iter()
        .map(|c| CompetencyCode::Core(*c))
        .collect();
    let matrix = spec.matrix.clone().unwrap_or_else(default_matrix);
    let short = under_measured(&nine, &spec.methods, &matrix, spec.min_methods);
    if !short.is_empty() {
        return refuse(Refusal::MethodsShort { short });
    }
    if spec.group_size.0 == 0 || spec.group_size.0 > spec.group_size.1 {
        return refuse(Refusal::BadGroupSize {
            min: spec.group_size.0,
            max: spec.group_size.1,
        });
    }
    if !(1..=100).contains(&spec.unit_share_percent) {
        return refuse(Refusal::UnitShareOutOfRange {
            percent: spec.unit_share_percent,
        });
    }
    let tenant = actor.tenant.id;
    if store::event_by_code(db, tenant, &spec.code)?.is_some() {
        return refuse(Refusal::CodeTaken {
            code: spec.code.clone(),
        });
    }
    let units = master::list_units(db, tenant)?;
    let positions: HashMap<i64, talenta_domain::master::Position> =
        master::list_positions(db, tenant)?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
    let opd_units: Option<HashSet<i64>> = match &spec.cohort.opd_code {
        Some(code) => {
            let Some(root) = units.iter().find(|u| &u.code == code) else {
                return refuse(Refusal::UnitNotFound { code: code.clone() });
            };
            Some(
                crate::directory::descendants(&units, root.id)
                    .into_iter()
                    .collect(),
            )
        }
        None => None,
    };
    let employees = master::list_employees(db, tenant)?;
    // Every listed person must be an employee with a post: a list is never silently shortened.
    let unknown: Vec<Nip> = spec
        .cohort
        .nips
        .iter()
        .filter(|n| {
            !employees
                .iter()
                .any(|e| e.nip == **n && e.position_id.is_some())
        })
        .copied()
        .collect();
    if !unknown.is_empty() {
        return refuse(Refusal::NotPostedEmployees { nips: unknown });
    }
    let cohort: Vec<i64> = employees
        .iter()
        .filter(|e| {
            let Some(p) = e.position_id.and_then(|id| positions.get(&id)) else {
                return false;
            };
            (spec.cohort.classes.is_empty() || spec.cohort.classes.contains(&p.class))
                && opd_units
                    .as_ref()
                    .is_none_or(|set| set.contains(&p.unit_id))
                && (spec.cohort.eselon.is_empty()
                    || p.eselon.is_some_and(|x| spec.cohort.eselon.contains(&x)))
                && (spec.cohort.nips.is_empty() || spec.cohort.nips.contains(&e.nip))
        })
        .map(|e| e.id)
        .collect();
    if cohort.is_empty() {
        return refuse(Refusal::EmptyCohort);
    }
    let by_nip: HashMap<Nip, i64> = employees.iter().map(|e| (e.nip, e.id)).collect();
    let names: HashMap<i64, String> = employees.iter().map(|e| (e.id, e.name.clone())).collect();
    let mut seen = HashSet::new();
    for a in &spec.assessors {
        if a.name.trim().is_empty() && a.nip.is_none() {
            return refuse(Refusal::AssessorUnnamed);
        }
        let key = a
            .nip
            .map(|n| n.digits())
            .unwrap_or_else(|| a.name.trim().to_lowercase());
        if !seen.insert(key) {
            return refuse(Refusal::AssessorTwice {
                name: a.name.clone(),
            });
        }
        if let Some(n) = a.nip
            && !by_nip.contains_key(&n)
        {
            return refuse(Refusal::InternalAssessorUnknown { nip: n });
        }
    }
    let mut accounts: HashMap<usize, i64> = HashMap::new();
    for (i, a) in spec.assessors.iter().enumerate() {
        if let Some(login) = &a.login {
            accounts.insert(i, assessor_account(db, tenant, login)?);
        }
    }
    let now = ctx.now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let event = Event {
        id: 0,
        code: spec.code.clone(),
        name: spec.name.clone(),
        purpose: spec.purpose,
        day_capacity: spec.day_capacity,
        per_participant: spec.per_participant,
        max_per_assessor_day: spec.max_per_assessor_day,
        unit_share_percent: spec.unit_share_percent,
        status: EventStatus::Draft,
        methods: spec.methods.clone(),
        group_min: spec.group_size.0,
        group_max: spec.group_size.1,
        matrix: spec.matrix.clone(),
        integration: spec.integration,
        missing: spec.missing,
        results_published_at: None,
    };
    let sessions: Vec<Session> = spec
        .dates
        .iter()
        .enumerate()
        .flat_map(|(d, date)| {
            spec.sessions
                .iter()
                .enumerate()
                .map(move |(s, cap)| Session {
                    day_no: d as u32 + 1,
                    date: *date,
                    session_no: s as u32 + 1,
                    capacity: *cap,
                    room: spec.rooms.get(s).cloned().unwrap_or_default(),
                })
        })
        .collect();
    db.transaction(|tx| {
        let stored = store::create_event(tx, tenant, &event, &sessions, &now)?;
        let members: Vec<(i64, Vec<u32>)> = cohort.iter().map(|id| (*id, Vec::new())).collect();
        store::add_participants(tx, tenant, stored.id, &members)?;
        for (i, a) in spec.assessors.iter().enumerate() {
            store::add_assessor(
                tx,
                tenant,
                stored.id,
                &EventAssessor {
                    id: 0,
                    // An internal assessor given by NIP alone takes the name of their record.
                    name: match (a.name.trim(), a.nip.and_then(|n| by_nip.get(&n)).and_then(|id| names.get(id))) {
                        ("", Some(n)) => n.clone(),
                        (given, _) => given.to_string(),
                    },
                    organisation: a.organisation.trim().to_string(),
                    employee_id: a.nip.and_then(|n| by_nip.get(&n).copied()),
                    unavailable: Vec::new(),
                    level: a.level.trim().to_string(),
                    account_id: accounts.get(&i).copied(),
                },
            )?;
        }
        ctx.record(
            tx,
            tenant,
            "event.create",
            &format!("event:{}", stored.code),
            serde_json::json!({ "participants": cohort.len(), "assessors": spec.assessors.len(), "days": spec.dates.len() }),
        )?;
        Ok((stored, cohort.len()))
    })
}

/// The account an assessor signs in with: it must hold the assessor role in this government.
pub(super) fn assessor_account(db: &mut Db, tenant: i64, login: &str) -> Result<i64, AppError> {
    let refused = || {
        AppError::from(Refusal::NotAssessorAccount {
            login: login.to_string(),
        })
    };
    let account = talenta_store::access::account_by_login(db, login.trim())?.ok_or_else(refused)?;
    let member = talenta_store::access::memberships(db, account.id)?
        .into_iter()
        .any(|m| m.tenant_id == tenant && m.role == crate::access::Role::Assessor.code());
    if member {
        Ok(account.id)
    } else {
        Err(refused())
    }
}
