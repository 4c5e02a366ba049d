//! The talent map: every employee placed in a box of the 9-box grid from potential (JPM of the
//! newest valid result against the current post's standard) and performance (the last two
//! years of ratings), counted per OPD (top-level unit) and for the whole government.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use talenta_domain::jpm::{Jpm, match_profile};
use talenta_domain::master::{AssessmentResult, Unit};
use talenta_domain::performance::{Expectation, performance_axis};
use talenta_domain::talent::{Potential, TalentBox, potential_from_jpm};
use talenta_domain::{RuleSet, validity};
use talenta_store::Db;
use talenta_store::master as store;

use crate::AppError;
use crate::capability::{Can, ViewTalentMap};

/// Why an employee could not be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unplaced {
    /// No current position.
    NoPosition,
    /// The position has no standard.
    NoStandard,
    /// No assessment result valid at the reference date.
    NoValidResult,
    /// No rating in the performance window.
    NoRating,
}

impl Unplaced {
    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Unplaced::NoPosition => "tanpa jabatan",
            Unplaced::NoStandard => "jabatan tanpa standar",
            Unplaced::NoValidResult => "tanpa hasil asesmen berlaku",
            Unplaced::NoRating => "tanpa penilaian kinerja",
        }
    }
}

/// One employee's place on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// Employee.
    pub employee_id: i64,
    /// Top-level unit (OPD) of the current post.
    pub opd_id: Option<i64>,
    /// JPM used for potential.
    pub jpm: Option<Jpm>,
    /// Potential.
    pub potential: Option<Potential>,
    /// Performance.
    pub performance: Option<Expectation>,
    /// The box, or why there is none.
    pub placed: Result<TalentBox, Unplaced>,
}

/// Box counts of one OPD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitCounts {
    /// The OPD.
    pub unit: Unit,
    /// Count per box number 1..=9 (index 0 is box 1).
    pub boxes: [u32; 9],
    /// Employees not placed, by reason.
    pub unplaced: u32,
}

/// The whole map.
#[derive(Debug, Clone, PartialEq)]
pub struct TalentMap {
    /// Reference date.
    pub as_of: NaiveDate,
    /// Rule set version that produced it.
    pub rules_version: String,
    /// Box scheme version.
    pub scheme_version: String,
    /// Per OPD, by name.
    pub units: Vec<UnitCounts>,
    /// Whole government.
    pub total: [u32; 9],
    /// Not placed, by reason.
    pub unplaced: Vec<(Unplaced, u32)>,
    /// Every placement.
    pub placements: Vec<Placement>,
}

impl TalentMap {
    /// Employees in the talent pool (boxes of the scheme's pool).
    pub fn pool_size(&self, rules: &RuleSet) -> u32 {
        rules
            .boxes
            .pool
            .iter()
            .map(|b| self.total[usize::from(*b) - 1])
            .sum()
    }
}

/// The newest result valid at `as_of`.
pub fn newest_valid(
    results: &[AssessmentResult],
    as_of: NaiveDate,
    years: u8,
) -> Option<&AssessmentResult> {
    let dates: Vec<NaiveDate> = results.iter().map(|r| r.assessed_on).collect();
    validity::newest_valid(&dates, as_of, years).map(|i| &results[i])
}

/// Computes the talent map of the actor's tenant at `as_of`.
pub fn talent_map(
    db: &mut Db,
    actor: &Can<ViewTalentMap>,
    as_of: NaiveDate,
) -> Result<TalentMap, AppError> {
    let tenant = &actor.tenant;
    let rules = store::rules(db, tenant)?;
    let units = store::list_units(db, tenant.id)?;
    let positions: HashMap<i64, _> = store::list_positions(db, tenant.id)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let standards = store::standards(db, tenant.id)?;
    let results = store::results(db, tenant.id)?;
    let ratings = store::ratings(db, tenant.id)?;
    let employees = store::list_employees(db, tenant.id)?;

    let parent: HashMap<i64, Option<i64>> = units.iter().map(|u| (u.id, u.parent_id)).collect();
    let opd_of = |mut id: i64| -> i64 {
        for _ in 0..=units.len() {
            match parent.get(&id).copied().flatten() {
                Some(p) => id = p,
                None => break,
            }
        }
        id
    };
    let mut placements = Vec::with_capacity(employees.len());
    for e in &employees {
        let position = e.position_id.and_then(|p| positions.get(&p));
        let opd_id = position.map(|p| opd_of(p.unit_id));
        let performance = ratings.get(&e.id).and_then(|rs| {
            let pairs: Vec<(i32, _)> = rs.iter().map(|r| (r.year, r.rating)).collect();
            performance_axis(&pairs, as_of.year(), &rules.performance).axis
        });
        let mut jpm = None;
        let placed = match position {
            None => Err(Unplaced::NoPosition),
            Some(p) => match standards.get(&p.id) {
                None => Err(Unplaced::NoStandard),
                Some(std) => {
                    let result = results
                        .get(&e.id)
                        .and_then(|rs| newest_valid(rs, as_of, rules.result_validity_years));
                    jpm = result.and_then(|r| {
                        match_profile(&r.levels, std, rules.technical_weight(p.class)).jpm
                    });
                    match (jpm, performance) {
                        (None, _) => Err(Unplaced::NoValidResult),
                        (Some(_), None) => Err(Unplaced::NoRating),
                        (Some(j), Some(perf)) => Ok(rules
                            .boxes
                            .place(potential_from_jpm(j, &rules.potential), perf)),
                    }
                }
            },
        };
        placements.push(Placement {
            employee_id: e.id,
            opd_id,
            jpm,
            potential: jpm.map(|j| potential_from_jpm(j, &rules.potential)),
            performance,
            placed,
        });
    }
    let mut by_unit: HashMap<i64, UnitCounts> = HashMap::new();
    let mut total = [0u32; 9];
    let mut unplaced: HashMap<Unplaced, u32> = HashMap::new();
    for p in &placements {
        let counts = p.opd_id.and_then(|id| {
            let unit = units.iter().find(|u| u.id == id)?.clone();
            Some(by_unit.entry(id).or_insert_with(|| UnitCounts {
                unit,
                boxes: [0; 9],
                unplaced: 0,
            }))
        });
        match p.placed {
            Ok(b) => {
                let i = usize::from(b.0.clamp(1, 9)) - 1;
                total[i] += 1;
                if let Some(c) = counts {
                    c.boxes[i] += 1;
                }
            }
            Err(reason) => {
                *unplaced.entry(reason).or_default() += 1;
                if let Some(c) = counts {
                    c.unplaced += 1;
                }
            }
        }
    }
    let mut units_out: Vec<UnitCounts> = by_unit.into_values().collect();
    units_out.sort_by(|a, b| a.unit.name.cmp(&b.unit.name));
    let mut unplaced: Vec<(Unplaced, u32)> = unplaced.into_iter().collect();
    unplaced.sort_by_key(|(r, _)| r.label());
    Ok(TalentMap {
        as_of,
        rules_version: rules.version.clone(),
        scheme_version: rules.boxes.version.clone(),
        units: units_out,
        total,
        unplaced,
        placements,
    })
}
