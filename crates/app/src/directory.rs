//! Reading master data as people use it: the employee list, one employee's record with their
//! results (each read of results recorded in the audit trail, in the same transaction), the
//! people in a talent box, and the audit trail itself. Every function takes the capability it
//! needs (see `crate::capability`).

use std::collections::HashMap;

use chrono::NaiveDate;
use talenta_domain::master::{AssessmentResult, Employee, Position, Sanction, Unit, YearRating};
use talenta_export::{Cell, Column, Sheet};
use talenta_store::Db;
pub use talenta_store::audit::Entry as AuditEntry;
use talenta_store::audit::{self, Entry};
use talenta_store::master::{self as store, EmployeeFilter, EmployeeLine};

use crate::access::{Actor, Permission};
use crate::capability::{
    About, Can, EditMasterData, ViewAudit, ViewEmployee, ViewMasterData, ViewResults, ViewTalentMap,
};
use crate::{AppError, Ctx, export, talent};

/// One page of the employee list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeePage {
    /// Matches in all pages.
    pub total: u64,
    /// This page's lines.
    pub lines: Vec<EmployeeLine>,
    /// Page number from 1.
    pub page: u64,
    /// Number of pages.
    pub pages: u64,
}

/// A search of the employee list: text, OPD (with its sub-units) and class.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmployeeQuery {
    /// Name part or NIP start.
    pub text: Option<String>,
    /// Top-level or any unit id: the unit and everything below it.
    pub unit_id: Option<i64>,
    /// Class code.
    pub class: Option<String>,
    /// Page from 1.
    pub page: u64,
}

/// Rows per page of the employee list.
pub const PAGE_SIZE: u64 = 50;

/// Highest page number asked for that is taken as it is; a larger one (a typo, a probe with
/// 18446744073709551615) is this one, so the offset stays far inside `i64` on both engines
/// (5 crore rows: more than every civil servant of the country).
pub const MAX_PAGE: u64 = 1_000_000;

/// Each tenant's search keys kept in memory while its employee list is unchanged (the
/// directory version says when it changed), so a text search is a substring scan in memory
/// instead of a `LIKE '%...%'` over every row twice (count and page). Owned by the server.
#[derive(Debug, Default)]
pub struct SearchCache(std::sync::Mutex<HashMap<i64, (i64, Keys)>>);

/// Employee ids with their search keys, in list order.
type Keys = std::sync::Arc<Vec<(i64, String)>>;

impl SearchCache {
    /// The keys of a tenant in list order, loaded again when the version moved.
    fn keys(
        &self,
        db: &mut Db,
        tenant: i64,
    ) -> Result<std::sync::Arc<Vec<(i64, String)>>, AppError> {
        let version = store::directory_version(db, tenant)?;
        if let Ok(map) = self.0.lock()
            && let Some((v, keys)) = map.get(&tenant)
            && *v == version
        {
            return Ok(keys.clone());
        }
        let keys = std::sync::Arc::new(store::search_keys(db, tenant)?);
        if let Ok(mut map) = self.0.lock() {
            map.insert(tenant, (version, keys.clone()));
        }
        Ok(keys)
    }
}

/// A page of employees of the actor's tenant. A text search without other filters uses the
/// cache when one is given.
pub fn employee_page(
    db: &mut Db,
    actor: &Can<ViewMasterData>,
    q: &EmployeeQuery,
    cache: Option<&SearchCache>,
) -> Result<EmployeePage, AppError> {
    let unit_ids = match q.unit_id {
        Some(root) => Some(descendants(&store::list_units(db, actor.tenant.id)?, root)),
        None => None,
    };
    let filter = EmployeeFilter {
        text: q
            .text
            .clone()
            .filter(|t| !t.trim().is_empty())
            .map(|t| t.trim().to_string()),
        unit_ids,
        class: q.class.clone().filter(|c| !c.is_empty()),
    };
    let page = q.page.clamp(1, MAX_PAGE);
    let offset = (page - 1) * PAGE_SIZE;
    if let (Some(cache), Some(text), None, None) =
        (cache, &filter.text, &filter.unit_ids, &filter.class)
    {
        let needle = store::search_needle(text);
        let keys = cache.keys(db, actor.tenant.id)?;
        // One searcher for all keys (building one per key cost more than the scan itself).
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let hits: Vec<i64> = keys
            .iter()
            .filter(|(_, k)| finder.find(k.as_bytes()).is_some())
            .map(|(id, _)| *id)
            .collect();
        let from = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(hits.len());
        let to = (from + PAGE_SIZE as usize).min(hits.len());
        let total = hits.len() as u64;
        return Ok(EmployeePage {
            lines: store::employee_lines(db, actor.tenant.id, &hits[from..to])?,
            total,
            page,
            pages: total.div_ceil(PAGE_SIZE).max(1),
        });
    }
    let (total, lines) = store::search_employees(
        db,
        actor.tenant.id,
        &filter,
        PAGE_SIZE as i64,
        i64::try_from(offset).unwrap_or(i64::MAX),
    )?;
    Ok(EmployeePage {
        total,
        lines,
        page,
        pages: total.div_ceil(PAGE_SIZE).max(1),
    })
}

/// A unit and all units below it.
pub fn descendants(units: &[Unit], root: i64) -> Vec<i64> {
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let parent = out[i];
        out.extend(
            units
                .iter()
                .filter(|u| u.parent_id == Some(parent))
                .map(|u| u.id),
        );
        i += 1;
    }
    out
}

/// Units of the actor's tenant.
pub fn units(db: &mut Db, actor: &Can<ViewMasterData>) -> Result<Vec<Unit>, AppError> {
    Ok(store::list_units(db, actor.tenant.id)?)
}

/// One employee's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeRecord {
    /// The employee.
    pub employee: Employee,
    /// Current position.
    pub position: Option<Position>,
    /// Its unit.
    pub unit: Option<Unit>,
    /// Positions held before, newest first.
    pub history: Vec<store::PastPosition>,
    /// Ratings, oldest first.
    pub ratings: Vec<YearRating>,
    /// Sanctions.
    pub sanctions: Vec<Sanction>,
    /// Results, when the actor may see them (the read is then recorded).
    pub results: Option<Vec<AssessmentResult>>,
}

/// One employee of the actor's tenant (another tenant's id is "not found"): their record,
/// positions, ratings and sanctions (the read is recorded as `employee.read` for that person,
/// unless they read their own); with their results when asked for and allowed, and then that
/// read is recorded too.
pub fn employee_record(
    db: &mut Db,
    actor: &About<ViewEmployee>,
    ctx: &Ctx,
    with_results: bool,
) -> Result<EmployeeRecord, AppError> {
    let id = actor.subject();
    let employee = store::employee(db, actor.tenant.id, id)?
        .ok_or_else(|| AppError::UnknownEmployee(id.to_string()))?;
    db.transaction(|tx| {
        let position = employee
            .position_id
            .map(|p| store::position(tx, actor.tenant.id, p))
            .transpose()?
            .flatten();
        let unit = match &position {
            Some(p) => store::list_units(tx, actor.tenant.id)?
                .into_iter()
                .find(|u| u.id == p.unit_id),
            None => None,
        };
        let results = if with_results && actor.may(Permission::ViewResults, Some(id)) {
            let r = visible_results(store::results_of(tx, actor.tenant.id, id)?, actor);
            ctx.record(
                tx,
                actor.tenant.id,
                "result.read",
                &format!("employee:{id}"),
                serde_json::json!({ "use": "employee_record", "results": r.len() }),
            )?;
            Some(r)
        } else {
            None
        };
        if actor.employee_id != Some(id) {
            ctx.record_reads(
                tx,
                actor.tenant.id,
                "employee.read",
                &[id],
                serde_json::json!({ "use": "employee_record" }),
            )?;
        }
        Ok(EmployeeRecord {
            history: store::position_history(tx, actor.tenant.id, id)?,
            ratings: store::ratings_of(tx, actor.tenant.id, id)?,
            sanctions: store::sanctions_of(tx, actor.tenant.id, id)?,
            employee: employee.clone(),
            position,
            unit,
            results,
        })
    })
}

/// The results the actor may see: an employee sees an event's results only once published.
pub fn visible_results(results: Vec<AssessmentResult>, actor: &Actor) -> Vec<AssessmentResult> {
    if actor.role == crate::access::Role::Employee {
        results.into_iter().filter(|r| r.published).collect()
    } else {
        results
    }
}

/// Results of one employee (the read is recorded).
pub fn employee_results(
    db: &mut Db,
    actor: &About<ViewResults>,
    ctx: &Ctx,
) -> Result<Vec<AssessmentResult>, AppError> {
    let id = actor.subject();
    store::employee(db, actor.tenant.id, id)?
        .ok_or_else(|| AppError::UnknownEmployee(id.to_string()))?;
    db.transaction(|tx| {
        let r = visible_results(store::results_of(tx, actor.tenant.id, id)?, actor);
        ctx.record(
            tx,
            actor.tenant.id,
            "result.read",
            &format!("employee:{id}"),
            serde_json::json!({ "use": "api", "results": r.len() }),
        )?;
        Ok(r)
    })
}

/// A person in a talent box.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxMember {
    /// Employee.
    pub employee_id: i64,
    /// NIP.
    pub nip: talenta_domain::Nip,
    /// Name.
    pub name: String,
    /// JPM in percent.
    pub jpm_percent: f64,
}

/// The people in box `number` (optionally of one OPD); each person's box comes from their
/// results, so each is recorded as a read of their results.
pub fn box_members(
    db: &mut Db,
    actor: &Can<ViewTalentMap>,
    ctx: &Ctx,
    number: u8,
    opd: Option<i64>,
    as_of: NaiveDate,
) -> Result<Vec<BoxMember>, AppError> {
    if !(1..=9).contains(&number) {
        return Err(Refusal::NoSuchBox { number }.into());
    }
    let map = talent::talent_map(db, actor, as_of)?;
    let employees: std::collections::HashMap<i64, Employee> =
        store::list_employees(db, actor.tenant.id)?
            .into_iter()
            .map(|e| (e.id, e))
            .collect();
    let mut members: Vec<BoxMember> = map
        .placements
        .iter()
        .filter(|p| {
            p.placed.as_ref().is_ok_and(|b| b.0 == number) && (opd.is_none() || p.opd_id == opd)
        })
        .filter_map(|p| {
            let e = employees.get(&p.employee_id)?;
            Some(BoxMember {
                employee_id: e.id,
                nip: e.nip,
                name: e.name.clone(),
                jpm_percent: p.jpm.map(|j| j.percent()).unwrap_or(0.0),
            })
        })
        .collect();
    members.sort_by(|a, b| {
        b.jpm_percent
            .total_cmp(&a.jpm_percent)
            .then(a.name.cmp(&b.name))
    });
    let people: Vec<i64> = members.iter().map(|m| m.employee_id).collect();
    db.transaction(|tx| {
        ctx.record_reads(
            tx,
            actor.tenant.id,
            "result.read",
            &people,
            serde_json::json!({ "use": "talent_box", "box": number }),
        )
    })?;
    Ok(members)
}

/// The reference date of a talent map "for year `year`": the last day of that year, or
/// `today` for the current year. A year before 2000 or after today is refused.
pub fn year_end(year: i32, today: NaiveDate) -> Result<NaiveDate, AppError> {
    use chrono::Datelike;
    if year < 2000 || year > today.year() {
        return Err(Refusal::YearOutOfRange {
            year,
            latest: today.year(),
        }
        .into());
    }
    if year == today.year() {
        return Ok(today);
    }
    NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(|| Refusal::NoYearEnd { year }.into())
}

/// The talent map's people as a workbook (NIP, name, OPD, box, potential, performance, JPM),
/// optionally of one OPD; every listed person's result read is recorded.
pub fn talent_map_xlsx(
    db: &mut Db,
    actor: &Can<ViewTalentMap>,
    ctx: &Ctx,
    opd: Option<i64>,
    as_of: NaiveDate,
) -> Result<Vec<u8>, AppError> {
    let map = talent::talent_map(db, actor, as_of)?;
    let rules = store::rules(db, &actor.tenant)?;
    let employees: std::collections::HashMap<i64, Employee> =
        store::list_employees(db, actor.tenant.id)?
            .into_iter()
            .map(|e| (e.id, e))
            .collect();
    let units: std::collections::HashMap<i64, String> = map
        .units
        .iter()
        .map(|u| (u.unit.id, u.unit.name.clone()))
        .collect();
    let mut sheet = Sheet::new(
        "Peta talenta",
        vec![
            Column::text("NIP").width(20.0),
            Column::text("Nama").width(34.0),
            Column::text("Unit kerja (OPD)").width(40.0),
            Column::number("Kotak"),
            Column::text("Nama kotak").width(24.0),
            Column::text("Potensi"),
            Column::text("Kinerja"),
            Column::number("JPM (%)"),
            Column::text("Keterangan"),
        ],
    );
    sheet.title = vec![format!(
        "Peta talenta {} per {as_of} ({})",
        actor.tenant.name, map.rules_version
    )];
    let mut listed = Vec::new();
    for p in map
        .placements
        .iter()
        .filter(|p| opd.is_none() || p.opd_id == opd)
    {
        let Some(e) = employees.get(&p.employee_id) else {
            continue;
        };
        let (talent_box, box_name, why) = match &p.placed {
            Ok(b) => (
                Cell::from(b.0),
                rules
                    .boxes
                    .info(*b)
                    .map(|i| i.name.as_str())
                    .unwrap_or_default()
                    .into(),
                Cell::Empty,
            ),
            Err(why) => (Cell::Empty, Cell::Empty, why.label().into()),
        };
        sheet.rows.push(vec![
            export::nip(e.nip),
            (&e.name).into(),
            p.opd_id
                .and_then(|o| units.get(&o))
                .map(String::as_str)
                .unwrap_or("-")
                .into(),
            talent_box,
            box_name,
            p.potential.map(|x| x.label()).into(),
            p.performance.map(|x| x.label()).into(),
            export::jpm(p.jpm),
            why,
        ]);
        listed.push(e.id);
    }
    let bytes = export::xlsx(vec![sheet], ctx.now)?;
    db.transaction(|tx| {
        ctx.record_reads(
            tx,
            actor.tenant.id,
            "result.read",
            &listed,
            serde_json::json!({ "use": "talent_map_export", "as_of": as_of.to_string() }),
        )
    })?;
    Ok(bytes)
}

/// The newest audit entries of the actor's tenant.
pub fn audit_entries(
    db: &mut Db,
    actor: &Can<ViewAudit>,
    limit: i64,
) -> Result<Vec<Entry>, AppError> {
    Ok(audit::entries(db, actor.tenant.id, None, limit)?)
}

/// The audit actions that record a read of a person's data.
pub const READS: [&str; 3] = ["employee.read", "result.read", "selection.read"];

/// Who read the actor's own data (record, results, selection standings): for an employee,
/// their right under UU 27/2022. Newest first, at most `limit`.
pub fn my_data_reads(db: &mut Db, actor: &Actor, limit: i64) -> Result<Vec<Entry>, AppError> {
    let Some(own) = actor.employee_id else {
        return Ok(Vec::new());
    };
    Ok(audit::entries_of(
        db,
        actor.tenant.id,
        &format!("employee:{own}"),
        &READS,
        limit,
    )?)
}

/// Positions of the actor's tenant with their unit names, by code.
pub fn positions(
    db: &mut Db,
    actor: &Can<ViewMasterData>,
) -> Result<Vec<(Position, String)>, AppError> {
    let units: std::collections::HashMap<i64, String> = store::list_units(db, actor.tenant.id)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    Ok(store::list_positions(db, actor.tenant.id)?
        .into_iter()
        .map(|p| {
            let unit = units.get(&p.unit_id).cloned().unwrap_or_default();
            (p, unit)
        })
        .collect())
}

/// A position, its unit's name and its standard.
pub type PositionDetail = (
    Position,
    String,
    Vec<(talenta_domain::CompetencyCode, talenta_domain::Level)>,
);

/// One position with its unit and its standard.
pub fn position_detail(
    db: &mut Db,
    actor: &Can<ViewMasterData>,
    id: i64,
) -> Result<PositionDetail, AppError> {
    let p = store::position(db, actor.tenant.id, id)?
        .ok_or_else(|| AppError::UnknownPosition(id.to_string()))?;
    let unit = store::list_units(db, actor.tenant.id)?
        .into_iter()
        .find(|u| u.id == p.unit_id)
        .map(|u| u.name)
        .unwrap_or_default();
    let standard = store::standard_of(db, actor.tenant.id, p.id)?;
    Ok((p, unit, standard))
}

/// Replaces a position's standard (the decree of the government), recorded in the audit trail.
pub fn set_standard(
    db: &mut Db,
    actor: &Can<EditMasterData>,
    ctx: &Ctx,
    id: i64,
    levels: &[(talenta_domain::CompetencyCode, talenta_domain::Level)],
) -> Result<(), AppError> {
    let p = store::position(db, actor.tenant.id, id)?
        .ok_or_else(|| AppError::UnknownPosition(id.to_string()))?;
    if levels.is_empty() {
        return Err(Refusal::EmptyStandard { code: p.code }.into());
    }
    db.transaction(|tx| {
        let before = store::standard_of(tx, actor.tenant.id, p.id)?;
        store::replace_standard(tx, actor.tenant.id, p.id, levels)?;
        let show = |l: &[(talenta_domain::CompetencyCode, talenta_domain::Level)]| {
            l.iter()
                .map(|(c, v)| format!("{}={}", c.code(), v))
                .collect::<Vec<_>>()
                .join(",")
        };
        ctx.record(
            tx,
            actor.tenant.id,
            "position.standard",
            &format!("position:{}", p.code),
            serde_json::json!({ "before": show(&before), "after": show(levels) }),
        )?;
        Ok(())
    })
}

/// Why master data was refused: each rule with its facts (the words are in the web layer's i18n).
#[derive(Debug)]
pub enum Refusal {
    /// A talent box number outside 1 to 9.
    NoSuchBox {
        /// The number asked for.
        number: u8,
    },
    /// A talent map year before 2000 or after the current year.
    YearOutOfRange {
        /// The year asked for.
        year: i32,
        /// The current year, the latest that may be mapped.
        latest: i32,
    },
    /// A year whose last day is no date the calendar can hold.
    NoYearEnd {
        /// The year asked for.
        year: i32,
    },
    /// A position's competency standard replaced by none.
    EmptyStandard {
        /// The position's code.
        code: String,
    },
}

/// Everything talenta holds about one person, in one workbook (UU 27/2022: the right to a copy
/// of one's data): their record, positions held, performance ratings, sanctions, assessment
/// results (an employee: the published ones) with every level, and who read their data. For
/// the person themself (from `/saya`) or for the agency answering their request; a read by
/// someone else is recorded.
pub fn personal_data_xlsx(
    db: &mut Db,
    ctx: &Ctx,
    about: &About<ViewResults>,
) -> Result<Vec<u8>, AppError> {
    let id = about.subject();
    let tenant = about.tenant.id;
    let e = store::employee(db, tenant, id)?
        .ok_or_else(|| AppError::UnknownEmployee(id.to_string()))?;
    let position = e
        .position_id
        .map(|p| store::position(db, tenant, p))
        .transpose()?
        .flatten();
    let units: HashMap<i64, String> = store::list_units(db, tenant)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let rules = store::rules(db, &about.tenant)?;
    let results = visible_results(store::results_of(db, tenant, id)?, about);
    let reads: Vec<Entry> =
        audit::entries_of(db, tenant, &format!("employee:{id}"), &READS, i64::MAX)?;
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let two = |a: &str, b: &str| vec![Column::text(a).width(28.0), Column::text(b).width(60.0)];

    let mut record = Sheet::new("Data pribadi", two("Data", "Isi"));
    record.title = vec![format!("Data pribadi {} ({})", e.name, about.tenant.name)];
    for (k, v) in [
        ("NIP", export::nip(e.nip)),
        ("Nama", (&e.name).into()),
        ("Jenis kelamin", e.sex.letter().into()),
        ("Tanggal lahir", e.birth_date.to_string().into()),
        ("Jenis pegawai", e.employment.code().into()),
        (
            "Golongan",
            e.rank.map(|g| g.to_string()).unwrap_or_default().into(),
        ),
        (
            "Pendidikan",
            e.education.map(|x| x.code()).unwrap_or_default().into(),
        ),
        (
            "Jabatan",
            position
                .as_ref()
                .map(|p| p.name.clone())
                .unwrap_or_default()
                .into(),
        ),
        (
            "Unit kerja",
            position
                .as_ref()
                .and_then(|p| units.get(&p.unit_id).cloned())
                .unwrap_or_default()
                .into(),
        ),
        ("TMT jabatan", date(e.position_since).into()),
    ] {
        record.rows.push(vec![k.into(), v]);
    }

    let mut history = Sheet::new(
        "Riwayat jabatan",
        vec![
            Column::text("Jabatan").width(48.0),
            Column::text("Mulai"),
            Column::text("Selesai"),
        ],
    );
    for h in store::position_history(db, tenant, id)? {
        history.rows.push(vec![
            h.name.into(),
            date(h.started_on).into(),
            date(h.ended_on).into(),
        ]);
    }

    let mut ratings = Sheet::new(
        "Kinerja",
        vec![
            Column::number("Tahun"),
            Column::text("Predikat / nilai").width(30.0),
        ],
    );
    for r in store::ratings_of(db, tenant, id)? {
        ratings.rows.push(vec![
            i64::from(r.year).into(),
            r.rating.label(&rules.performance).into(),
        ]);
    }

    let mut sanctions = Sheet::new(
        "Hukuman disiplin",
        vec![
            Column::text("Tingkat"),
            Column::text("Tanggal keputusan"),
            Column::text("Berakhir"),
            Column::text("Uraian").width(60.0),
        ],
    );
    for s in store::sanctions_of(db, tenant, id)? {
        sanctions.rows.push(vec![
            s.level.code().into(),
            s.decided_on.to_string().into(),
            date(s.ends_on).into(),
            s.description.into(),
        ]);
    }

    let mut assessed = Sheet::new(
        "Hasil asesmen",
        vec![
            Column::text("Tanggal asesmen"),
            Column::text("Penyelenggara").width(30.0),
            Column::text("Tujuan"),
            Column::text("Kompetensi"),
            Column::decimal("Level", 1),
        ],
    );
    for r in &results {
        for (c, l) in &r.levels {
            assessed.rows.push(vec![
                r.assessed_on.to_string().into(),
                (&r.provider).into(),
                r.purpose.label().into(),
                c.code().into(),
                Cell::Number(f64::from(l.tenths()) / 10.0),
            ]);
        }
    }

    let mut access = Sheet::new(
        "Akses data",
        vec![
            Column::text("Waktu (UTC)").width(26.0),
            Column::text("Oleh").width(28.0),
            Column::text("Apa").width(16.0),
            Column::text("Rincian").width(60.0),
        ],
    );
    for x in &reads {
        access.rows.push(vec![
            (&x.at).into(),
            (&x.actor).into(),
            (&x.action).into(),
            (&x.detail).into(),
        ]);
    }

    let bytes = export::xlsx(
        vec![record, history, ratings, sanctions, assessed, access],
        ctx.now,
    )?;
    if about.employee_id != Some(id) {
        db.transaction(|tx| {
            ctx.record_reads(
                tx,
                tenant,
                "employee.read",
                &[id],
                serde_json::json!({ "use": "personal_data", "results": results.len() }),
            )
        })?;
    }
    Ok(bytes)
}
