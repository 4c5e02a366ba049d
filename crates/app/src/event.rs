//! Assessment events: creating one (days, sessions, cohort, assessors) and planning its
//! schedule: participants into days and sessions within capacity without emptying an OPD on one
//! day, and at least two conflict-free assessors per participant with balanced loads. An event
//! that cannot be scheduled gets the reason, never a partial schedule.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use talenta_domain::conflict::{ConflictReason, ConflictRules, PairFacts, Side, conflicts};
use talenta_domain::integration::{Missing, Rule};
use talenta_domain::method::{Matrix, Method, default_matrix, format_matrix, under_measured};
use talenta_domain::{CompetencyCode, CoreCompetency, Nip, PositionClass, Purpose};
use talenta_planning::schedule::{
    self as solver, Assessor, AssessorError, AssessorProblem, Day, Participant, PlacementError,
    PlacementProblem,
};
use talenta_store::Db;
use talenta_store::event::{self as store, Event, EventAssessor, Session};
use talenta_store::master;

use crate::access::{Actor, Permission};
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
    let mut problems: Vec<String> = Vec::new();
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
                Cell::Number(_) => {
                    problems.push(format!(
                        "baris {row}: NIP {} tersimpan sebagai angka dan digit terakhirnya hilang; tulis NIP sebagai teks",
                        cell.display()
                    ));
                    return Ok(());
                }
                other => other.display(),
            };
            match Nip::parse(text.trim().trim_matches('"')) {
                Ok(n) => nips.push(n),
                Err(e) => problems.push(format!("baris {row}: {e}")),
            }
            Ok(())
        },
    )
    .map_err(|e| AppError::Invalid(format!("daftar peserta {}: {e}", path.display())))?;
    if !problems.is_empty() {
        let shown = problems.len().min(10);
        let more = problems.len() - shown;
        return Err(AppError::Invalid(format!(
            "daftar peserta {} ditolak: {}{}",
            path.display(),
            problems[..shown].join("; "),
            if more > 0 {
                format!(" (dan {more} baris lain)")
            } else {
                String::new()
            }
        )));
    }
    if nips.is_empty() {
        return Err(AppError::Invalid(format!(
            "daftar peserta {} tidak berisi NIP",
            path.display()
        )));
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

fn allow(actor: &Actor) -> Result<(), AppError> {
    if actor.may(Permission::EditMasterData, None) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Creates an event with its cohort and assessors; returns it with the cohort size.
pub fn create_event(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Actor,
    spec: &EventSpec,
) -> Result<(Event, usize), AppError> {
    allow(actor)?;
    let invalid = |m: String| Err(AppError::Invalid(m));
    if spec.dates.is_empty() || spec.sessions.is_empty() {
        return invalid("acara membutuhkan paling sedikit satu hari dan satu sesi".into());
    }
    if spec.per_participant == 0 || spec.max_per_assessor_day == 0 || spec.day_capacity == 0 {
        return invalid("kapasitas harian, jumlah asesor per peserta dan beban asesor per hari harus lebih dari 0".into());
    }
    if spec.rooms.len() > spec.sessions.len() {
        return invalid(format!(
            "{} ruang disebut untuk {} sesi sehari: setiap sesi paling banyak satu ruang",
            spec.rooms.len(),
            spec.sessions.len()
        ));
    }
    if spec.methods.is_empty() {
        return invalid("pilih paling sedikit satu metode asesmen".into());
    }
    let nine: Vec<CompetencyCode> = CoreCompetency::ALL
        .iter()
        .map(|c| CompetencyCode::Core(*c))
        .collect();
    let matrix = spec.matrix.clone().unwrap_or_else(default_matrix);
    let short = under_measured(&nine, &spec.methods, &matrix, spec.min_methods);
    if !short.is_empty() {
        let all: Vec<String> = short.iter().map(|u| u.to_string()).collect();
        return invalid(format!("metode tidak cukup: {}", all.join("; ")));
    }
    if spec.group_size.0 == 0 || spec.group_size.0 > spec.group_size.1 {
        return invalid(format!(
            "ukuran kelompok {}-{} tidak sah",
            spec.group_size.0, spec.group_size.1
        ));
    }
    if !(1..=100).contains(&spec.unit_share_percent) {
        return invalid(format!(
            "bagian unit per hari {}% harus 1-100",
            spec.unit_share_percent
        ));
    }
    let tenant = actor.tenant.id;
    if store::event_by_code(db, tenant, &spec.code)?.is_some() {
        return invalid(format!("acara dengan kode '{}' sudah ada", spec.code));
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
                return invalid(format!("unit kerja '{code}' tidak ditemukan"));
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
    let unknown: Vec<String> = spec
        .cohort
        .nips
        .iter()
        .filter(|n| {
            !employees
                .iter()
                .any(|e| e.nip == **n && e.position_id.is_some())
        })
        .map(|n| n.to_string())
        .collect();
    if !unknown.is_empty() {
        return invalid(format!(
            "NIP berikut bukan pegawai berjabatan di instansi ini: {}",
            unknown.join(", ")
        ));
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
        return invalid("tidak ada pegawai yang memenuhi kriteria peserta".into());
    }
    let by_nip: HashMap<Nip, i64> = employees.iter().map(|e| (e.nip, e.id)).collect();
    let names: HashMap<i64, String> = employees.iter().map(|e| (e.id, e.name.clone())).collect();
    let mut seen = HashSet::new();
    for a in &spec.assessors {
        if a.name.trim().is_empty() && a.nip.is_none() {
            return invalid("setiap asesor membutuhkan nama atau NIP".into());
        }
        let key = a
            .nip
            .map(|n| n.digits())
            .unwrap_or_else(|| a.name.trim().to_lowercase());
        if !seen.insert(key) {
            return invalid(format!("asesor '{}' disebut dua kali", a.name));
        }
        if let Some(n) = a.nip
            && !by_nip.contains_key(&n)
        {
            return invalid(format!(
                "asesor internal dengan NIP {n} bukan pegawai instansi ini"
            ));
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
        purpose: spec.purpose.code().to_string(),
        day_capacity: spec.day_capacity,
        per_participant: spec.per_participant,
        max_per_assessor_day: spec.max_per_assessor_day,
        unit_share_percent: spec.unit_share_percent,
        status: "draft".into(),
        methods: spec
            .methods
            .iter()
            .map(|m| m.code())
            .collect::<Vec<_>>()
            .join(","),
        group_min: spec.group_size.0,
        group_max: spec.group_size.1,
        matrix: spec.matrix.as_ref().map(format_matrix).unwrap_or_default(),
        integration_rule: spec.integration.code().to_string(),
        missing_rule: missing_code(spec.missing).to_string(),
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

/// The stored code of a missing-rating treatment.
pub fn missing_code(m: Missing) -> &'static str {
    match m {
        Missing::Skip => "lewati",
        Missing::Wait => "tunggu",
    }
}

/// A missing-rating treatment from its code.
pub fn parse_missing(s: &str) -> Option<Missing> {
    match s.trim().to_lowercase().as_str() {
        "lewati" | "skip" => Some(Missing::Skip),
        "tunggu" | "wait" => Some(Missing::Wait),
        _ => None,
    }
}

/// The account an assessor signs in with: it must hold the assessor role in this government.
fn assessor_account(db: &mut Db, tenant: i64, login: &str) -> Result<i64, AppError> {
    let refused = || AppError::Invalid(format!("akun '{login}' bukan akun asesor di instansi ini"));
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

/// The tenant's people, posts and unit tree, for conflict checks and rosters.
pub(crate) struct Org {
    employees: HashMap<i64, talenta_domain::master::Employee>,
    positions: HashMap<i64, talenta_domain::master::Position>,
    units: HashMap<i64, talenta_domain::master::Unit>,
}

impl Org {
    pub(crate) fn load(db: &mut Db, tenant: i64) -> Result<Org, AppError> {
        Ok(Org {
            employees: master::list_employees(db, tenant)?
                .into_iter()
                .map(|e| (e.id, e))
                .collect(),
            positions: master::list_positions(db, tenant)?
                .into_iter()
                .map(|p| (p.id, p))
                .collect(),
            units: master::list_units(db, tenant)?
                .into_iter()
                .map(|u| (u.id, u))
                .collect(),
        })
    }

    /// The top-level unit (OPD) above a unit.
    fn opd_of(&self, unit: i64) -> i64 {
        let mut id = unit;
        for _ in 0..=self.units.len() {
            match self.units.get(&id).and_then(|u| u.parent_id) {
                Some(p) => id = p,
                None => break,
            }
        }
        id
    }

    pub(crate) fn opd_name(&self, unit: i64) -> String {
        self.units
            .get(&self.opd_of(unit))
            .map(|u| u.name.clone())
            .unwrap_or_default()
    }

    fn name(&self, employee: i64) -> String {
        self.employees
            .get(&employee)
            .map(|e| e.name.clone())
            .unwrap_or_default()
    }

    /// What the conflict rules need to know about an employee (nothing for an external assessor).
    fn side(&self, employee: Option<i64>) -> Side {
        let Some(e) = employee.and_then(|id| self.employees.get(&id)) else {
            return Side::default();
        };
        let p = e.position_id.and_then(|id| self.positions.get(&id));
        Side {
            employee_id: Some(e.id),
            opd_id: p.map(|p| self.opd_of(p.unit_id)),
            position_id: p.map(|p| p.id),
            superior_position_id: p.and_then(|p| p.superior_id),
        }
    }
}

/// A pair the schedule may not use, with its reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    /// Assessor name.
    pub assessor: String,
    /// Participant employee id.
    pub employee_id: i64,
    /// Participant name.
    pub participant: String,
    /// Why.
    pub reasons: Vec<ConflictReason>,
}

/// A planned schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The event.
    pub event: Event,
    /// (day number, date, participants per session).
    pub days: Vec<(u32, NaiveDate, Vec<u32>)>,
    /// (assessor name, assessees per day).
    pub assessor_loads: Vec<(String, Vec<u32>)>,
    /// Pairs excluded by conflicts of interest.
    pub excluded: Vec<Excluded>,
    /// Participants scheduled.
    pub participants: usize,
}

/// Plans and stores the whole schedule of an event, or says precisely why it cannot be made.
pub fn plan(db: &mut Db, ctx: &Ctx, actor: &Actor, code: &str) -> Result<Plan, AppError> {
    allow(actor)?;
    let tenant = actor.tenant.id;
    let event = store::event_by_code(db, tenant, code)?
        .ok_or_else(|| AppError::Invalid(format!("acara '{code}' tidak ditemukan")))?;
    if event.status == "published" {
        return Err(AppError::Invalid(format!(
            "jadwal acara '{code}' sudah diterbitkan dan terkunci"
        )));
    }
    let sessions = store::sessions(db, tenant, event.id)?;
    let people = store::participants(db, tenant, event.id)?;
    let assessors = store::assessors(db, tenant, event.id)?;
    let declared = store::declared_conflicts(db, tenant, event.id)?;
    let previous = store::previous_assessors(db, tenant, event.id)?;
    let org = Org::load(db, tenant)?;
    let side = |employee: Option<i64>| org.side(employee);
    // Days and sessions.
    let mut day_nos: Vec<(u32, NaiveDate)> = sessions.iter().map(|s| (s.day_no, s.date)).collect();
    day_nos.dedup();
    // A day takes no more people than its available assessors can assess.
    let assessable = |d: u32| {
        let load: u32 = assessors
            .iter()
            .filter(|a| !a.unavailable.contains(&d))
            .map(|_| event.max_per_assessor_day)
            .sum();
        load / event.per_participant.max(1)
    };
    let days: Vec<Day> = day_nos
        .iter()
        .map(|(d, _)| Day {
            capacity: event.day_capacity.min(assessable(*d)),
            sessions: sessions
                .iter()
                .filter(|s| s.day_no == *d)
                .map(|s| s.capacity)
                .collect(),
        })
        .collect();
    // Participants by OPD, with the per-OPD daily limit.
    let opds: Vec<i64> = {
        let mut v: Vec<i64> = people
            .iter()
            .map(|p| side(Some(p.employee_id)).opd_id.unwrap_or(-1))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let opd_index = |o: i64| opds.iter().position(|x| *x == o).unwrap_or(0);
    let participants: Vec<Participant> = people
        .iter()
        .map(|p| Participant {
            unit: opd_index(side(Some(p.employee_id)).opd_id.unwrap_or(-1)),
            available: day_nos
                .iter()
                .map(|(d, _)| !p.unavailable.contains(d))
                .collect(),
        })
        .collect();
    let unit_day_cap: Vec<u32> = (0..opds.len())
        .map(|u| {
            let size = participants.iter().filter(|p| p.unit == u).count() as u32;
            if event.unit_share_percent >= 100 {
                u32::MAX
            } else {
                (size * event.unit_share_percent).div_ceil(100).max(1)
            }
        })
        .collect();
    let name_of = |id: i64| org.name(id);
    let problem = PlacementProblem {
        days,
        participants,
        unit_day_cap,
    };
    let placement = solver::place(&problem).map_err(|e| {
        let detail = match &e {
            PlacementError::NoDay { participants } => {
                let names: Vec<String> = participants
                    .iter()
                    .take(10)
                    .map(|i| name_of(people[*i].employee_id))
                    .collect();
                format!("{e}: {}", names.join(", "))
            }
            PlacementError::Short { days, .. } => {
                // Say when it is the assessors, not the seats, that limit a binding day.
                let by_assessors: Vec<String> = days
                    .iter()
                    .filter_map(|d| {
                        let (no, _) = day_nos[*d];
                        let seats: u32 = sessions
                            .iter()
                            .filter(|s| s.day_no == no)
                            .map(|s| s.capacity)
                            .sum();
                        let limit = assessable(no);
                        (limit < event.day_capacity.min(seats))
                            .then(|| format!("hari {no} paling banyak {limit} peserta"))
                    })
                    .collect();
                if by_assessors.is_empty() {
                    e.to_string()
                } else {
                    format!(
                        "{e} (asesor yang tersedia membatasi: {})",
                        by_assessors.join(", ")
                    )
                }
            }
        };
        AppError::Invalid(format!("jadwal tidak dapat disusun: {detail}"))
    })?;
    // Conflicts of interest.
    let participant_ids: HashSet<i64> = people.iter().map(|p| p.employee_id).collect();
    let rules = ConflictRules::default();
    let mut excluded = Vec::new();
    let conflict: Vec<Vec<bool>> = people
        .iter()
        .map(|p| {
            let them = side(Some(p.employee_id));
            assessors
                .iter()
                .map(|a| {
                    let facts = PairFacts {
                        declared: declared
                            .iter()
                            .filter(|(aid, eid, _)| *aid == a.id && *eid == p.employee_id)
                            .map(|(_, _, r)| r.clone())
                            .collect(),
                        assessed_before: previous.iter().any(|(e, name, org_name, emp)| {
                            *e == p.employee_id
                                && match (emp, a.employee_id) {
                                    (Some(x), Some(y)) => *x == y,
                                    _ => {
                                        name.eq_ignore_ascii_case(&a.name)
                                            && org_name.eq_ignore_ascii_case(&a.organisation)
                                    }
                                }
                        }),
                        assessor_participates: a
                            .employee_id
                            .is_some_and(|id| participant_ids.contains(&id)),
                    };
                    let reasons = conflicts(&side(a.employee_id), &them, &facts, &rules);
                    let blocked = !reasons.is_empty();
                    if blocked {
                        excluded.push(Excluded {
                            assessor: a.name.clone(),
                            employee_id: p.employee_id,
                            participant: name_of(p.employee_id),
                            reasons,
                        });
                    }
                    blocked
                })
                .collect()
        })
        .collect();
    let ap = AssessorProblem {
        assessors: assessors
            .iter()
            .map(|a| Assessor {
                available: day_nos
                    .iter()
                    .map(|(d, _)| !a.unavailable.contains(d))
                    .collect(),
                max_per_day: event.max_per_assessor_day,
            })
            .collect(),
        day_of: placement.slot.iter().map(|s| s.0).collect(),
        per_participant: event.per_participant,
        conflict,
    };
    let assigned = solver::assign_assessors(&ap).map_err(|e| {
        let detail = match &e {
            AssessorError::NoFreeAssessor { participants, .. } => {
                let names: Vec<String> = participants
                    .iter()
                    .take(10)
                    .map(|i| name_of(people[*i].employee_id))
                    .collect();
                format!("{e}: {}", names.join(", "))
            }
            AssessorError::DayShort { .. } => e.to_string(),
        };
        AppError::Invalid(format!("asesor tidak dapat ditugaskan: {detail}"))
    })?;
    // Groups for group exercises: per session, people of different OPDs spread over the groups.
    let grouped = event
        .methods
        .split(',')
        .filter_map(Method::parse)
        .any(Method::in_groups);
    let mut groups: Vec<(i64, u32)> = Vec::new();
    if grouped {
        let mut next = 1u32;
        for (d, day) in problem.days.iter().enumerate() {
            for s in 0..day.sessions.len() {
                let mut here: Vec<usize> = (0..people.len())
                    .filter(|i| placement.slot[*i] == (d, s))
                    .collect();
                if here.is_empty() {
                    continue;
                }
                here.sort_by_key(|i| (problem.participants[*i].unit, *i));
                let sizes = solver::group_sizes(here.len() as u32, event.group_min, event.group_max).ok_or_else(|| {
                    AppError::Invalid(format!(
                        "hari {} sesi {}: {} peserta tidak dapat dibagi menjadi kelompok {}-{} orang",
                        day_nos[d].0,
                        s + 1,
                        here.len(),
                        event.group_min,
                        event.group_max
                    ))
                })?;
                // Deal people round-robin so each group mixes OPDs.
                let first = next;
                let mut fill = vec![0u32; sizes.len()];
                let mut g = 0usize;
                for i in here {
                    while fill[g] >= sizes[g] {
                        g = (g + 1) % sizes.len();
                    }
                    groups.push((people[i].employee_id, first + g as u32));
                    fill[g] += 1;
                    g = (g + 1) % sizes.len();
                }
                next += sizes.len() as u32;
            }
        }
    }
    let slots: Vec<(i64, u32, u32)> = placement
        .slot
        .iter()
        .enumerate()
        .map(|(i, (d, s))| (people[i].employee_id, day_nos[*d].0, *s as u32 + 1))
        .collect();
    let pairs: Vec<(i64, i64)> = assigned
        .iter()
        .enumerate()
        .flat_map(|(i, list)| list.iter().map(move |a| (i, *a)))
        .map(|(i, a)| (people[i].employee_id, assessors[a].id))
        .collect();
    db.transaction(|tx| {
        store::save_schedule(tx, tenant, event.id, &slots, &pairs)?;
        store::save_groups(tx, tenant, event.id, &groups)?;
        ctx.record(
            tx,
            tenant,
            "event.schedule",
            &format!("event:{}", event.code),
            serde_json::json!({ "participants": slots.len(), "assignments": pairs.len(), "excluded_pairs": excluded.len() }),
        )?;
        Ok::<(), AppError>(())
    })?;
    let days_out = day_nos
        .iter()
        .enumerate()
        .map(|(d, (no, date))| {
            let per_session: Vec<u32> = (0..problem.days[d].sessions.len())
                .map(|s| placement.slot.iter().filter(|x| **x == (d, s)).count() as u32)
                .collect();
            (*no, *date, per_session)
        })
        .collect();
    let assessor_loads = assessors
        .iter()
        .enumerate()
        .map(|(a, x)| {
            let per_day: Vec<u32> = (0..day_nos.len())
                .map(|d| {
                    assigned
                        .iter()
                        .enumerate()
                        .filter(|(i, list)| ap.day_of[*i] == d && list.contains(&a))
                        .count() as u32
                })
                .collect();
            (x.name.clone(), per_day)
        })
        .collect();
    Ok(Plan {
        event,
        days: days_out,
        assessor_loads,
        excluded,
        participants: people.len(),
    })
}

/// One line of a roster: a participant in a session with their assessors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterLine {
    /// Day number.
    pub day_no: u32,
    /// Date.
    pub date: NaiveDate,
    /// Session number.
    pub session_no: u32,
    /// Room of the session.
    pub room: String,
    /// NIP.
    pub nip: Nip,
    /// Name.
    pub name: String,
    /// Position name.
    pub position: String,
    /// OPD name.
    pub opd: String,
    /// Assessor names.
    pub assessors: Vec<String>,
}

/// The scheduled participants of an event by day, session and name.
pub fn roster(
    db: &mut Db,
    actor: &Actor,
    code: &str,
) -> Result<(Event, Vec<RosterLine>), AppError> {
    if !actor.may(Permission::ViewMasterData, None) {
        return Err(AppError::Forbidden);
    }
    let tenant = actor.tenant.id;
    let event = store::event_by_code(db, tenant, code)?
        .ok_or_else(|| AppError::Invalid(format!("acara '{code}' tidak ditemukan")))?;
    let sessions = store::sessions(db, tenant, event.id)?;
    let assessors: HashMap<i64, String> = store::assessors(db, tenant, event.id)?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let mut by_person: HashMap<i64, Vec<String>> = HashMap::new();
    for (e, a) in store::assignments(db, tenant, event.id)? {
        by_person
            .entry(e)
            .or_default()
            .push(assessors.get(&a).cloned().unwrap_or_default());
    }
    let org = Org::load(db, tenant)?;
    let mut lines = Vec::new();
    for p in store::participants(db, tenant, event.id)? {
        let (Some((day_no, session_no)), Some(e)) = (p.slot, org.employees.get(&p.employee_id))
        else {
            continue;
        };
        let position = e.position_id.and_then(|id| org.positions.get(&id));
        lines.push(RosterLine {
            day_no,
            date: sessions
                .iter()
                .find(|s| s.day_no == day_no)
                .map(|s| s.date)
                .unwrap_or_default(),
            session_no,
            room: sessions
                .iter()
                .find(|s| s.day_no == day_no && s.session_no == session_no)
                .map(|s| s.room.clone())
                .unwrap_or_default(),
            nip: e.nip,
            name: e.name.clone(),
            position: position.map(|p| p.name.clone()).unwrap_or_default(),
            opd: position
                .map(|p| org.opd_name(p.unit_id))
                .unwrap_or_default(),
            assessors: by_person.remove(&p.employee_id).unwrap_or_default(),
        });
    }
    if lines.is_empty() {
        return Err(AppError::Invalid(format!(
            "acara '{code}' belum memiliki jadwal: jalankan penyusunan jadwal dahulu"
        )));
    }
    lines.sort_by(|a, b| (a.day_no, a.session_no, &a.name).cmp(&(b.day_no, b.session_no, &b.name)));
    Ok((event, lines))
}

/// Writes the roster as a workbook: one sheet per day (session, NIP as text, name, position,
/// OPD, assessors) and one sheet per-assessor schedule.
pub fn write_roster_xlsx(
    event: &Event,
    lines: &[RosterLine],
    path: &std::path::Path,
) -> Result<(), AppError> {
    use crate::import::report::escape_cell;
    let io = |e: rust_xlsxwriter::XlsxError| {
        AppError::Invalid(format!("daftar hadir tidak dapat ditulis: {e}"))
    };
    let mut wb = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let mut days: Vec<(u32, NaiveDate)> = lines.iter().map(|l| (l.day_no, l.date)).collect();
    days.dedup();
    for (day, date) in &days {
        let ws = wb.add_worksheet();
        ws.set_name(format!("Hari {day}")).map_err(io)?;
        ws.write_string_with_format(
            0,
            0,
            format!(
                "{} ({}) - Hari {day}, {date}",
                escape_cell(&event.name),
                event.code
            ),
            &bold,
        )
        .map_err(io)?;
        for (c, h) in [
            "Sesi",
            "NIP",
            "Nama",
            "Jabatan",
            "Unit Kerja",
            "Asesor",
            "Ruang",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string_with_format(2, c as u16, *h, &bold)
                .map_err(io)?;
        }
        for (r, l) in lines.iter().filter(|l| l.day_no == *day).enumerate() {
            let r = r as u32 + 3;
            ws.write_number(r, 0, f64::from(l.session_no)).map_err(io)?;
            ws.write_string(r, 1, l.nip.digits()).map_err(io)?;
            ws.write_string(r, 2, escape_cell(&l.name)).map_err(io)?;
            ws.write_string(r, 3, escape_cell(&l.position))
                .map_err(io)?;
            ws.write_string(r, 4, escape_cell(&l.opd)).map_err(io)?;
            ws.write_string(r, 5, escape_cell(&l.assessors.join(", ")))
                .map_err(io)?;
            ws.write_string(r, 6, escape_cell(&l.room)).map_err(io)?;
        }
        ws.set_column_width(1, 20).map_err(io)?;
        ws.set_column_width(2, 36).map_err(io)?;
        ws.set_column_width(3, 40).map_err(io)?;
        ws.set_column_width(4, 40).map_err(io)?;
        ws.set_column_width(5, 40).map_err(io)?;
    }
    let ws = wb.add_worksheet();
    ws.set_name("Jadwal Asesor").map_err(io)?;
    for (c, h) in ["Asesor", "Hari", "Tanggal", "Sesi", "NIP", "Nama Asesi"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *h, &bold)
            .map_err(io)?;
    }
    let mut per_assessor: Vec<(&str, &RosterLine)> = lines
        .iter()
        .flat_map(|l| l.assessors.iter().map(move |a| (a.as_str(), l)))
        .collect();
    per_assessor.sort_by(|a, b| {
        (a.0, a.1.day_no, a.1.session_no, &a.1.name).cmp(&(
            b.0,
            b.1.day_no,
            b.1.session_no,
            &b.1.name,
        ))
    });
    for (r, (a, l)) in per_assessor.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, escape_cell(a)).map_err(io)?;
        ws.write_number(r, 1, f64::from(l.day_no)).map_err(io)?;
        ws.write_string(r, 2, l.date.to_string()).map_err(io)?;
        ws.write_number(r, 3, f64::from(l.session_no)).map_err(io)?;
        ws.write_string(r, 4, l.nip.digits()).map_err(io)?;
        ws.write_string(r, 5, escape_cell(&l.name)).map_err(io)?;
    }
    ws.set_column_width(0, 36).map_err(io)?;
    ws.set_column_width(5, 36).map_err(io)?;
    wb.save(path).map_err(io)
}

/// An event in a list: the event, its cohort size and whether it has a schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSummary {
    /// The event.
    pub event: Event,
    /// Participants.
    pub participants: usize,
    /// Participants with a slot.
    pub scheduled: usize,
    /// Assessors.
    pub assessors: usize,
    /// First and last day.
    pub dates: Option<(NaiveDate, NaiveDate)>,
}

/// Every event of the actor's tenant.
pub fn list(db: &mut Db, actor: &Actor) -> Result<Vec<EventSummary>, AppError> {
    if !actor.may(Permission::ViewMasterData, None) {
        return Err(AppError::Forbidden);
    }
    let tenant = actor.tenant.id;
    let mut out = Vec::new();
    for event in store::events(db, tenant)? {
        let people = store::participants(db, tenant, event.id)?;
        let sessions = store::sessions(db, tenant, event.id)?;
        out.push(EventSummary {
            participants: people.len(),
            scheduled: people.iter().filter(|p| p.slot.is_some()).count(),
            assessors: store::assessors(db, tenant, event.id)?.len(),
            dates: sessions
                .first()
                .zip(sessions.last())
                .map(|(a, b)| (a.date, b.date)),
            event,
        });
    }
    Ok(out)
}

fn event_of(db: &mut Db, actor: &Actor, code: &str) -> Result<Event, AppError> {
    store::event_by_code(db, actor.tenant.id, code)?
        .ok_or_else(|| AppError::Invalid(format!("acara '{code}' tidak ditemukan")))
}

/// Publishes an event's schedule: from then on it is locked (only a no-show may be moved).
pub fn publish(db: &mut Db, ctx: &Ctx, actor: &Actor, code: &str) -> Result<(), AppError> {
    allow(actor)?;
    let event = event_of(db, actor, code)?;
    let people = store::participants(db, actor.tenant.id, event.id)?;
    if people.is_empty() || people.iter().any(|p| p.slot.is_none()) {
        return Err(AppError::Invalid(format!(
            "acara '{code}' belum terjadwal lengkap; susun jadwal dahulu"
        )));
    }
    db.transaction(|tx| {
        store::set_status(tx, actor.tenant.id, event.id, "published")?;
        ctx.record(
            tx,
            actor.tenant.id,
            "event.publish",
            &format!("event:{code}"),
            serde_json::json!({}),
        )?;
        Ok(())
    })
}

/// A participant to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    /// The participant.
    pub nip: Nip,
    /// Target day number from 1.
    pub day: u32,
    /// Target session number from 1.
    pub session: u32,
    /// The participant did not come (allowed after publishing).
    pub no_show: bool,
}

/// Moves one participant to another day and session, re-checking every rule: the seats of the
/// session and the day, the participant's availability, the OPD's daily limit, and two
/// conflict-free assessors with room that day. A published schedule only lets a no-show move.
pub fn move_participant(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Actor,
    code: &str,
    m: &Move,
) -> Result<Vec<String>, AppError> {
    let (nip, day_no, session_no, no_show) = (m.nip, m.day, m.session, m.no_show);
    allow(actor)?;
    let tenant = actor.tenant.id;
    let event = event_of(db, actor, code)?;
    if event.status == "published" && !no_show {
        return Err(AppError::Invalid(format!(
            "jadwal acara '{code}' sudah diterbitkan; hanya peserta yang tidak hadir yang dapat dijadwalkan ulang"
        )));
    }
    let employee = master::employee_by_nip(db, tenant, nip)?
        .ok_or_else(|| AppError::UnknownEmployee(nip.to_string()))?;
    let people = store::participants(db, tenant, event.id)?;
    let Some(me) = people.iter().find(|p| p.employee_id == employee.id) else {
        return Err(AppError::Invalid(format!(
            "{} bukan peserta acara ini",
            employee.name
        )));
    };
    if no_show && me.attended_at_known() {
        return Err(AppError::Invalid(format!(
            "{} sudah hadir; tidak dapat dijadwalkan ulang sebagai tidak hadir",
            employee.name
        )));
    }
    let sessions = store::sessions(db, tenant, event.id)?;
    let Some(session) = sessions
        .iter()
        .find(|s| s.day_no == day_no && s.session_no == session_no)
    else {
        return Err(AppError::Invalid(format!(
            "hari {day_no} sesi {session_no} tidak ada dalam acara ini"
        )));
    };
    if me.unavailable.contains(&day_no) {
        return Err(AppError::Invalid(format!(
            "{} tidak dapat hadir pada hari {day_no}",
            employee.name
        )));
    }
    let others: Vec<&store::EventParticipant> = people
        .iter()
        .filter(|p| p.employee_id != employee.id)
        .collect();
    let in_session = others
        .iter()
        .filter(|p| p.slot == Some((day_no, session_no)))
        .count() as u32;
    if in_session >= session.capacity {
        return Err(AppError::Invalid(format!(
            "hari {day_no} sesi {session_no} sudah penuh ({} kursi)",
            session.capacity
        )));
    }
    let in_day = others
        .iter()
        .filter(|p| p.slot.is_some_and(|s| s.0 == day_no))
        .count() as u32;
    if in_day >= event.day_capacity {
        return Err(AppError::Invalid(format!(
            "hari {day_no} sudah penuh ({} peserta)",
            event.day_capacity
        )));
    }
    // Assessors: keep those who are free of conflict and have room that day; fill up to the need.
    let assessors = store::assessors(db, tenant, event.id)?;
    let assignments = store::assignments(db, tenant, event.id)?;
    let declared = store::declared_conflicts(db, tenant, event.id)?;
    let org = Org::load(db, tenant)?;
    let side = |employee: Option<i64>| org.side(employee);
    // OPD daily limit.
    let my_opd = side(Some(employee.id)).opd_id;
    let opd_cohort = people
        .iter()
        .filter(|p| side(Some(p.employee_id)).opd_id == my_opd)
        .count() as u32;
    let cap = if event.unit_share_percent >= 100 {
        u32::MAX
    } else {
        (opd_cohort * event.unit_share_percent).div_ceil(100).max(1)
    };
    let opd_that_day = others
        .iter()
        .filter(|p| {
            p.slot.is_some_and(|s| s.0 == day_no) && side(Some(p.employee_id)).opd_id == my_opd
        })
        .count() as u32;
    if opd_that_day >= cap {
        return Err(AppError::Invalid(format!(
            "hari {day_no} sudah memuat {opd_that_day} peserta dari unit kerja yang sama (batas {cap})"
        )));
    }
    let participant_ids: HashSet<i64> = people.iter().map(|p| p.employee_id).collect();
    let rules = ConflictRules::default();
    let them = side(Some(employee.id));
    let load = |a: i64| {
        assignments
            .iter()
            .filter(|(e, x)| {
                *x == a
                    && *e != employee.id
                    && people
                        .iter()
                        .any(|p| p.employee_id == *e && p.slot.is_some_and(|s| s.0 == day_no))
            })
            .count() as u32
    };
    let mut candidates: Vec<(u32, i64, String)> = assessors
        .iter()
        .filter(|a| !a.unavailable.contains(&day_no))
        .filter(|a| {
            let facts = PairFacts {
                declared: declared
                    .iter()
                    .filter(|(x, e, _)| *x == a.id && *e == employee.id)
                    .map(|(_, _, r)| r.clone())
                    .collect(),
                assessed_before: false,
                assessor_participates: a
                    .employee_id
                    .is_some_and(|id| participant_ids.contains(&id)),
            };
            conflicts(&side(a.employee_id), &them, &facts, &rules).is_empty()
        })
        .map(|a| (load(a.id), a.id, a.name.clone()))
        .filter(|(l, _, _)| *l < event.max_per_assessor_day)
        .collect();
    // Keep the current assessors when they still fit, then the least loaded.
    let current: HashSet<i64> = assignments
        .iter()
        .filter(|(e, _)| *e == employee.id)
        .map(|(_, a)| *a)
        .collect();
    candidates.sort_by_key(|(l, id, _)| (!current.contains(id), *l, *id));
    let need = event.per_participant as usize;
    if candidates.len() < need {
        return Err(AppError::Invalid(format!(
            "tidak ada {need} asesor bebas konflik kepentingan yang masih longgar pada hari {day_no} untuk {}",
            employee.name
        )));
    }
    let chosen: Vec<(u32, i64, String)> = candidates.into_iter().take(need).collect();
    let ids: Vec<i64> = chosen.iter().map(|c| c.1).collect();
    db.transaction(|tx| {
        store::move_participant(tx, tenant, event.id, employee.id, (day_no, session_no), &ids)?;
        ctx.record(
            tx,
            tenant,
            if no_show { "event.reschedule_no_show" } else { "event.move" },
            &format!("event:{code}"),
            serde_json::json!({ "employee": employee.id, "from": me.slot, "to": [day_no, session_no] }),
        )?;
        Ok::<(), AppError>(())
    })?;
    Ok(chosen.into_iter().map(|c| c.2).collect())
}

/// Checks a participant in on the day of the assessment.
pub fn check_in(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Actor,
    code: &str,
    nip: Nip,
) -> Result<String, AppError> {
    if !actor.may(Permission::EditMasterData, None) {
        return Err(AppError::Forbidden);
    }
    let tenant = actor.tenant.id;
    let event = event_of(db, actor, code)?;
    let employee = master::employee_by_nip(db, tenant, nip)?
        .ok_or_else(|| AppError::UnknownEmployee(nip.to_string()))?;
    let me = store::participants(db, tenant, event.id)?
        .into_iter()
        .find(|p| p.employee_id == employee.id);
    let Some(me) = me else {
        return Err(AppError::Invalid(format!(
            "{} bukan peserta acara ini",
            employee.name
        )));
    };
    let Some((day, session)) = me.slot else {
        return Err(AppError::Invalid(format!(
            "{} belum mendapat jadwal",
            employee.name
        )));
    };
    let at = ctx.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    db.transaction(|tx| {
        if !store::check_in(tx, tenant, event.id, employee.id, &at)? {
            return Err(AppError::Invalid(format!(
                "{} sudah tercatat hadir",
                employee.name
            )));
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

/// The printed roster: per day a sign-in list (session, NIP, name, OPD, assessors, signature),
/// then each assessor's schedule.
pub fn roster_pdf(event: &Event, lines: &[RosterLine]) -> Vec<u8> {
    use crate::pdf;
    let mut doc = pdf::Document {
        title: format!("Daftar hadir {}", event.name),
        ..pdf::Document::default()
    };
    let mut days: Vec<(u32, NaiveDate)> = lines.iter().map(|l| (l.day_no, l.date)).collect();
    days.dedup();
    for (day, date) in &days {
        let rows: Vec<Vec<String>> = lines
            .iter()
            .filter(|l| l.day_no == *day)
            .map(|l| {
                vec![
                    l.session_no.to_string(),
                    l.nip.to_string(),
                    l.name.clone(),
                    l.opd.clone(),
                    l.assessors.join(", "),
                    String::new(),
                ]
            })
            .collect();
        let part = pdf::table(
            &format!("Daftar Hadir {} - Hari {day}", event.name),
            &format!("{} - {date}", event.code),
            &[
                ("Sesi", 40.0),
                ("NIP", 68.0),
                ("Nama", 168.0),
                ("Unit Kerja", 300.0),
                ("Asesor", 410.0),
                ("Paraf", 515.0),
            ],
            &rows,
        );
        doc.pages.extend(part.pages);
    }
    let mut per_assessor: Vec<(&str, &RosterLine)> = lines
        .iter()
        .flat_map(|l| l.assessors.iter().map(move |a| (a.as_str(), l)))
        .collect();
    per_assessor.sort_by(|a, b| {
        (a.0, a.1.day_no, a.1.session_no, &a.1.name).cmp(&(
            b.0,
            b.1.day_no,
            b.1.session_no,
            &b.1.name,
        ))
    });
    let rows: Vec<Vec<String>> = per_assessor
        .iter()
        .map(|(a, l)| {
            vec![
                a.to_string(),
                format!("{} ({})", l.day_no, l.date),
                l.session_no.to_string(),
                l.nip.to_string(),
                l.name.clone(),
            ]
        })
        .collect();
    let part = pdf::table(
        &format!("Jadwal Asesor {}", event.name),
        &event.code,
        &[
            ("Asesor", 40.0),
            ("Hari", 200.0),
            ("Sesi", 290.0),
            ("NIP", 320.0),
            ("Asesi", 430.0),
        ],
        &rows,
    );
    doc.pages.extend(part.pages);
    doc.to_bytes()
}

/// One invitation per participant, a page each: who, when, which session, what to bring.
pub fn invitations_pdf(event: &Event, organiser: &str, lines: &[RosterLine]) -> Vec<u8> {
    use crate::pdf::{Document, Text};
    let t = |y: f32, size: f32, bold: bool, text: String| Text {
        x: 60.0,
        y,
        size,
        bold,
        text,
    };
    let purpose = Purpose::parse(&event.purpose)
        .map(|p| p.label())
        .unwrap_or("Asesmen");
    let pages = lines
        .iter()
        .map(|l| {
            vec![
                t(780.0, 11.0, true, organiser.to_string()),
                t(740.0, 15.0, true, "UNDANGAN ASESMEN KOMPETENSI".into()),
                t(722.0, 10.0, false, format!("{} ({})", event.name, event.code)),
                t(690.0, 11.0, false, "Kepada Yth.".into()),
                t(674.0, 11.0, true, l.name.clone()),
                t(658.0, 10.0, false, format!("NIP {}", l.nip)),
                t(642.0, 10.0, false, format!("{} - {}", l.position, l.opd)),
                t(610.0, 11.0, false, format!("Dengan hormat, Saudara diundang mengikuti asesmen ({purpose}) pada:")),
                t(588.0, 11.0, true, if l.room.is_empty() {
                        format!("Hari ke-{}, tanggal {}, sesi {}", l.day_no, l.date, l.session_no)
                    } else {
                        format!("Hari ke-{}, tanggal {}, sesi {}, ruang {}", l.day_no, l.date, l.session_no, l.room)
                    }),
                t(560.0, 10.0, false, "Harap hadir 30 menit sebelum sesi dimulai dan membawa kartu identitas pegawai.".into()),
                t(544.0, 10.0, false, "Tunjukkan undangan ini saat pendaftaran ulang (check-in).".into()),
                t(500.0, 10.0, false, "Hormat kami,".into()),
                t(440.0, 10.0, true, format!("Panitia {}", event.name)),
            ]
        })
        .collect();
    Document {
        title: format!("Undangan {}", event.name),
        pages,
        ..Document::default()
    }
    .to_bytes()
}

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
    actor: &Actor,
    code: &str,
    who: &Who,
    days: &[u32],
) -> Result<(), AppError> {
    allow(actor)?;
    let tenant = actor.tenant.id;
    let event = event_of(db, actor, code)?;
    if event.status == "published" {
        return Err(AppError::Invalid(format!(
            "jadwal acara '{code}' sudah diterbitkan dan terkunci"
        )));
    }
    let day_count = store::sessions(db, tenant, event.id)?
        .iter()
        .map(|s| s.day_no)
        .max()
        .unwrap_or(0);
    if let Some(d) = days.iter().find(|d| **d == 0 || **d > day_count) {
        return Err(AppError::Invalid(format!(
            "hari {d} tidak ada; acara ini {day_count} hari"
        )));
    }
    db.transaction(|tx| {
        let subject = match who {
            Who::Participant(nip) => {
                let e = master::employee_by_nip(tx, tenant, *nip)?
                    .ok_or_else(|| AppError::UnknownEmployee(nip.to_string()))?;
                if store::set_participant_unavailable(tx, tenant, event.id, e.id, days)? == 0 {
                    return Err(AppError::Invalid(format!(
                        "{} bukan peserta acara ini",
                        e.name
                    )));
                }
                format!("employee:{}", e.id)
            }
            Who::Assessor(name) => {
                let a = store::assessors(tx, tenant, event.id)?
                    .into_iter()
                    .find(|a| a.name.eq_ignore_ascii_case(name.trim()))
                    .ok_or_else(|| {
                        AppError::Invalid(format!("asesor '{name}' tidak ada dalam acara ini"))
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
    actor: &Actor,
    code: &str,
    assessor: &str,
    nip: Nip,
    relation: &str,
) -> Result<(), AppError> {
    allow(actor)?;
    let tenant = actor.tenant.id;
    let event = event_of(db, actor, code)?;
    if relation.trim().is_empty() {
        return Err(AppError::Invalid(
            "sebutkan hubungannya, mis. saudara kandung".into(),
        ));
    }
    let a = store::assessors(db, tenant, event.id)?
        .into_iter()
        .find(|a| a.name.eq_ignore_ascii_case(assessor.trim()))
        .ok_or_else(|| {
            AppError::Invalid(format!("asesor '{assessor}' tidak ada dalam acara ini"))
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
