//! Succession: the structural posts that are vacant, or fall vacant within some months when
//! their holder retires, and for one of them the ranked candidates from the talent pool (boxes
//! 7-9) one rung below, each with JPM against the post's standard, box, every eligibility
//! requirement with its reason, and readiness, in the declared order of
//! `talenta_domain::succession`. Reading the candidates' results is recorded.

use std::collections::HashMap;

use chrono::{Months, NaiveDate};
use talenta_domain::eligibility::{self, Check};
use talenta_domain::jpm::{Category, Jpm, Purpose, match_profile};
use talenta_domain::master::{Employee, Position};
use talenta_domain::succession::{self, Readiness, SortKey};
use talenta_store::Db;
use talenta_store::master as store;

use crate::capability::{Can, ViewTalentMap};
use crate::talent::{newest_valid, talent_map};
use crate::{AppError, Ctx};

/// A post that is or will be vacant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vacancy {
    /// The post.
    pub position: Position,
    /// Its unit's name.
    pub unit: String,
    /// The holder who retires (`None`: vacant now).
    pub holder: Option<Employee>,
    /// When it falls vacant (`None`: already vacant).
    pub from: Option<NaiveDate>,
}

/// Whether a class has succession (a structural post with a rung below it).
fn structural(p: &Position) -> bool {
    use talenta_domain::PositionClass::*;
    matches!(
        p.class,
        JptUtama | JptMadya | JptPratama | Administrator | Pengawas
    )
}

/// Structural posts vacant at `as_of`, or whose holder retires within `months`.
pub fn vacancies(
    db: &mut Db,
    actor: &Can<ViewTalentMap>,
    as_of: NaiveDate,
    months: u32,
) -> Result<Vec<Vacancy>, AppError> {
    let tenant = actor.tenant.id;
    let rules = store::rules(db, &actor.tenant)?;
    let units: HashMap<i64, String> = store::list_units(db, tenant)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let mut holders: HashMap<i64, Employee> = HashMap::new();
    for e in store::list_employees(db, tenant)? {
        if let Some(p) = e.position_id {
            holders.insert(p, e);
        }
    }
    let horizon = as_of
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX);
    let mut out: Vec<Vacancy> = Vec::new();
    for p in store::list_positions(db, tenant)?
        .into_iter()
        .filter(structural)
    {
        let unit = units.get(&p.unit_id).cloned().unwrap_or_default();
        match holders.remove(&p.id) {
            None => out.push(Vacancy {
                position: p,
                unit,
                holder: None,
                from: None,
            }),
            Some(h) => {
                let retires =
                    eligibility::retirement_date(h.birth_date, rules.retirement_age(p.class));
                if retires <= horizon {
                    out.push(Vacancy {
                        position: p,
                        unit,
                        holder: Some(h),
                        from: Some(retires),
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| {
        (b.position.class.rung(), a.from, &a.position.name).cmp(&(
            a.position.class.rung(),
            b.from,
            &b.position.name,
        ))
    });
    Ok(out)
}

/// One candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Successor {
    /// The person.
    pub employee: Employee,
    /// Their current post.
    pub position: Position,
    /// Talent box (7-9).
    pub talent_box: u8,
    /// JPM against the vacant post's standard (their newest valid result).
    pub jpm: Option<Jpm>,
    /// Category for filling a post.
    pub category: Option<Category>,
    /// Every eligibility requirement with its reason.
    pub checks: Vec<Check>,
    /// Readiness.
    pub readiness: Readiness,
    /// What holds them back (empty when ready now).
    pub missing: Vec<String>,
}

/// The ranked successors of a post.
#[derive(Debug, Clone, PartialEq)]
pub struct SuccessionList {
    /// The post.
    pub position: Position,
    /// Reference date.
    pub as_of: NaiveDate,
    /// Candidates in the declared order.
    pub candidates: Vec<Successor>,
    /// The order, in words.
    pub tie_rule: &'static str,
    /// Pool members one rung below (before the order), for the page.
    pub pool_below: usize,
}

/// The ranked candidates for `position_id` at `as_of`: the talent pool one rung below.
pub fn successors(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<ViewTalentMap>,
    position_id: i64,
    as_of: NaiveDate,
) -> Result<SuccessionList, AppError> {
    let tenant = actor.tenant.id;
    let position = store::position(db, tenant, position_id)?
        .ok_or_else(|| AppError::UnknownPosition(position_id.to_string()))?;
    let below = position.class.rung().below().ok_or_else(|| {
        AppError::Invalid(format!(
            "{} tidak memiliki jenjang di bawahnya untuk suksesi",
            position.name
        ))
    })?;
    let rules = store::rules(db, &actor.tenant)?;
    let standard = store::standard_of(db, tenant, position.id)?;
    if standard.is_empty() {
        return Err(AppError::NoStandard(position.code.clone()));
    }
    let map = talent_map(db, actor, as_of)?;
    let positions: HashMap<i64, Position> = store::list_positions(db, tenant)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let employees: HashMap<i64, Employee> = store::list_employees(db, tenant)?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let results = store::results(db, tenant)?;
    let ratings = store::ratings(db, tenant)?;
    let mut candidates = Vec::new();
    for p in &map.placements {
        let Ok(b) = p.placed else { continue };
        if !rules.boxes.in_pool(b) {
            continue;
        }
        let Some(e) = employees.get(&p.employee_id) else {
            continue;
        };
        let Some(current) = e.position_id.and_then(|id| positions.get(&id)) else {
            continue;
        };
        if current.class.rung() != below {
            continue;
        }
        let sanctions = store::sanctions_of(db, tenant, e.id)?;
        let candidate = eligibility::Candidate {
            birth_date: e.birth_date,
            appointed_on: e.nip.appointed_on(),
            education: e.education,
            rank: e.rank,
            current_class: Some(current.class),
            in_class_since: e.position_since,
            ratings: ratings
                .get(&e.id)
                .map(|r| r.iter().map(|y| (y.year, y.rating)).collect())
                .unwrap_or_default(),
            sanctions: sanctions.iter().map(|s| (s.level, s.decided_on)).collect(),
        };
        let checks = eligibility::check_promotion(
            &candidate,
            eligibility::Target {
                class: position.class,
                eselon: position.eselon,
            },
            as_of,
            &rules,
        );
        let own = results.get(&e.id).map(Vec::as_slice).unwrap_or_default();
        let jpm = newest_valid(own, as_of, rules.result_validity_years).and_then(|r| {
            match_profile(&r.levels, &standard, rules.technical_weight(position.class)).jpm
        });
        let category = jpm.map(|j| j.category(Purpose::Pengisian, &rules.categories));
        let (readiness, missing) = succession::readiness(&checks, category);
        candidates.push(Successor {
            employee: e.clone(),
            position: current.clone(),
            talent_box: b.0,
            jpm,
            category,
            checks,
            readiness,
            missing,
        });
    }
    let key = |s: &Successor| SortKey {
        readiness: s.readiness,
        jpm: s.jpm,
        talent_box: s.talent_box,
        on_rung_since: s.employee.position_since,
        rank: s.employee.rank,
        nip: s.employee.nip.as_u64(),
    };
    candidates.sort_by(|a, b| succession::order(&key(a), &key(b)));
    db.transaction(|tx| {
        ctx.record(
            tx,
            tenant,
            "result.read",
            &format!("position:{}", position.id),
            serde_json::json!({ "use": "succession", "candidates": candidates.len() }),
        )?;
        Ok::<(), AppError>(())
    })?;
    Ok(SuccessionList {
        pool_below: candidates.len(),
        position,
        as_of,
        candidates,
        tie_rule: succession::TIE_RULE,
    })
}

/// The list as a workbook: one row per candidate with each requirement's outcome.
pub fn successors_xlsx(list: &SuccessionList) -> Result<Vec<u8>, AppError> {
    use crate::import::report::escape_cell;
    let io = |e: rust_xlsxwriter::XlsxError| {
        AppError::Invalid(format!("daftar suksesi tidak dapat ditulis: {e}"))
    };
    let mut wb = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name("Suksesi").map_err(io)?;
    ws.write_string_with_format(
        0,
        0,
        escape_cell(&format!(
            "Calon pengganti {} ({}) per {}",
            list.position.name, list.position.code, list.as_of
        )),
        &bold,
    )
    .map_err(io)?;
    ws.write_string(1, 0, list.tie_rule).map_err(io)?;
    for (c, h) in [
        "Urutan",
        "NIP",
        "Nama",
        "Jabatan sekarang",
        "Kotak",
        "JPM (%)",
        "Kategori",
        "Kesiapan",
        "Syarat",
        "Belum terpenuhi",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(3, c as u16, *h, &bold)
            .map_err(io)?;
    }
    for (i, s) in list.candidates.iter().enumerate() {
        let r = i as u32 + 4;
        ws.write_number(r, 0, (i + 1) as f64).map_err(io)?;
        ws.write_string(r, 1, s.employee.nip.digits()).map_err(io)?;
        ws.write_string(r, 2, escape_cell(&s.employee.name))
            .map_err(io)?;
        ws.write_string(r, 3, escape_cell(&s.position.name))
            .map_err(io)?;
        ws.write_number(r, 4, f64::from(s.talent_box)).map_err(io)?;
        if let Some(j) = s.jpm {
            ws.write_number(r, 5, (j.percent() * 100.0).round() / 100.0)
                .map_err(io)?;
        }
        ws.write_string(r, 6, s.category.map(|c| c.code()).unwrap_or("-"))
            .map_err(io)?;
        ws.write_string(r, 7, s.readiness.label()).map_err(io)?;
        let checks: Vec<String> = s
            .checks
            .iter()
            .map(|c| format!("{}: {}", if c.passed { "ya" } else { "TIDAK" }, c.reason))
            .collect();
        ws.write_string(r, 8, escape_cell(&checks.join("; ")))
            .map_err(io)?;
        ws.write_string(r, 9, escape_cell(&s.missing.join("; ")))
            .map_err(io)?;
    }
    ws.set_column_width(1, 20).map_err(io)?;
    ws.set_column_width(2, 34).map_err(io)?;
    ws.set_column_width(3, 36).map_err(io)?;
    ws.set_column_width(8, 80).map_err(io)?;
    ws.set_column_width(9, 60).map_err(io)?;
    wb.save_to_buffer().map_err(io)
}

/// The list as a printed table (PDF).
pub fn successors_pdf(list: &SuccessionList) -> Vec<u8> {
    let rows: Vec<Vec<String>> = list
        .candidates
        .iter()
        .enumerate()
        .map(|(i, s)| {
            vec![
                (i + 1).to_string(),
                s.employee.nip.to_string(),
                s.employee.name.clone(),
                s.talent_box.to_string(),
                s.jpm
                    .map(|j| format!("{:.2}", j.percent()).replace('.', ","))
                    .unwrap_or_else(|| "-".into()),
                s.readiness.label().to_string(),
                if s.missing.is_empty() {
                    "semua syarat terpenuhi".into()
                } else {
                    s.missing.join("; ")
                },
            ]
        })
        .collect();
    crate::pdf::table(
        &format!("Calon pengganti {}", list.position.name),
        &format!("per {} - {}", list.as_of, list.tie_rule),
        &[
            ("No", 40.0),
            ("NIP", 62.0),
            ("Nama", 150.0),
            ("Kotak", 285.0),
            ("JPM %", 315.0),
            ("Kesiapan", 355.0),
            ("Catatan", 420.0),
        ],
        &rows,
    )
    .to_bytes()
}
