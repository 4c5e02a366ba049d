//! Succession: the structural posts that are vacant, or fall vacant within some months when
//! their holder retires, and for one of them the ranked candidates from the talent pool (boxes
//! 7-9) one rung below, each with JPM against the post's standard, box, every eligibility
//! requirement with its reason, and readiness, in the declared order of
//! `talenta_domain::succession`. Reading the candidates' results is recorded.

use std::collections::HashMap;

use chrono::{DateTime, Months, NaiveDate, Utc};
use talenta_domain::eligibility::{self, Check};
use talenta_domain::jpm::{Category, Jpm, Purpose, match_profile};
use talenta_domain::master::{Employee, Position};
use talenta_domain::succession::{self, Readiness, SortKey};
use talenta_export::{Column, Table};
use talenta_store::Db;
use talenta_store::master as store;

use crate::capability::{Can, ViewTalentMap};
use crate::talent::{newest_valid, talent_map};
use crate::{AppError, Ctx, export};

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
        AppError::from(Refusal::NoRungBelow {
            code: position.code.clone(),
            name: position.name.clone(),
        })
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

/// The list as one table: per candidate the rank, NIP, name, box, JPM and readiness; in the
/// sheet also the current post, category, every requirement's outcome and what is missing; on
/// paper a note marking each missing requirement with ✗ (or ✓ when none is).
fn successors_table(list: &SuccessionList) -> Table {
    let mut t = Table::new(
        format!(
            "Calon pengganti {} ({}) per {}",
            list.position.name, list.position.code, list.as_of
        ),
        list.tie_rule,
        vec![
            Column::number("Urutan"),
            Column::number("No").at(40.0).print_only(),
            Column::text("NIP").width(20.0).at(60.0),
            Column::text("Nama").width(34.0).at(171.0),
            Column::text("Jabatan sekarang").width(36.0),
            Column::number("Kotak").at(292.0),
            Column::decimal("JPM (%)", 2).at(326.5),
            Column::text("Kategori"),
            Column::text("Kesiapan").at(371.0),
            Column::text("Syarat").width(80.0),
            Column::text("Belum terpenuhi").width(60.0),
            Column::text("Catatan").at(438.0).print_only(),
        ],
    );
    for (i, s) in list.candidates.iter().enumerate() {
        let checks: Vec<String> = s
            .checks
            .iter()
            .map(|c| format!("{}: {}", if c.passed { "ya" } else { "TIDAK" }, c.reason))
            .collect();
        let note = if s.missing.is_empty() {
            "✓ semua syarat terpenuhi".to_string()
        } else {
            s.missing
                .iter()
                .map(|m| format!("✗ {m}"))
                .collect::<Vec<_>>()
                .join("; ")
        };
        t.push(vec![
            (i + 1).into(),
            (i + 1).into(),
            export::nip(s.employee.nip),
            (&s.employee.name).into(),
            (&s.position.name).into(),
            s.talent_box.into(),
            export::jpm(s.jpm),
            s.category.map(|c| c.code()).unwrap_or("-").into(),
            s.readiness.label().into(),
            checks.join("; ").into(),
            s.missing.join("; ").into(),
            note.into(),
        ]);
    }
    t
}

/// The list as a workbook dated `now`: one row per candidate with each requirement's outcome.
pub fn successors_xlsx(list: &SuccessionList, now: DateTime<Utc>) -> Result<Vec<u8>, AppError> {
    export::xlsx(vec![successors_table(list).to_sheet("Suksesi")], now)
}

/// The list as a printed table (PDF).
pub fn successors_pdf(list: &SuccessionList) -> Result<Vec<u8>, AppError> {
    export::pdf(&successors_table(list).to_document())
}

/// Why the successors of a post was refused: each rule with its facts (the words are in the web layer's i18n).
#[derive(Debug)]
pub enum Refusal {
    /// The post's rung has none below it to draw successors from.
    NoRungBelow {
        /// The post's code.
        code: String,
        /// The post's name.
        name: String,
    },
}
