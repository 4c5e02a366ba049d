//! JPM of one employee against a position: the newest valid result matched against the
//! position's standard, with category, gaps and the rule version used.

use chrono::NaiveDate;
use talenta_domain::jpm::{Category, Gap, Jpm, Purpose, match_profile};
use talenta_domain::master::{AssessmentResult, Employee, Position, Tenant};
use talenta_domain::talent::{Potential, potential_from_jpm};
use talenta_domain::{CompetencyCode, Nip, validity};
use talenta_store::Db;
use talenta_store::master as store;

use crate::AppError;
use crate::capability::{Can, ViewResults};
use crate::talent::newest_valid;

/// The answer to "how well does this person match this post".
#[derive(Debug, Clone, PartialEq)]
pub struct JpmReport {
    /// The employee.
    pub employee: Employee,
    /// The target position.
    pub position: Position,
    /// The result used.
    pub result: AssessmentResult,
    /// Last day the result is valid.
    pub valid_until: NaiveDate,
    /// JPM (uncapped inside; see `reported_percent`).
    pub jpm: Jpm,
    /// JPM as reported under the capping setting.
    pub reported_percent: f64,
    /// Purpose used for the category.
    pub purpose: Purpose,
    /// Category.
    pub category: Category,
    /// Potential level from this JPM.
    pub potential: Potential,
    /// Gap per competency.
    pub gaps: Vec<Gap>,
    /// Required competencies the result did not assess.
    pub not_assessed: Vec<CompetencyCode>,
    /// Rule set version used.
    pub rules_version: String,
}

/// JPM of `nip` against the position `position_code` at `as_of`; the purpose defaults to the
/// result's own. Reading the person's results is recorded in the audit trail.
pub fn jpm_for(
    db: &mut Db,
    ctx: &crate::Ctx,
    actor: &Can<ViewResults>,
    nip: Nip,
    position_code: &str,
    purpose: Option<Purpose>,
    as_of: NaiveDate,
) -> Result<JpmReport, AppError> {
    let tenant = &actor.tenant;
    db.transaction(|tx| {
        let report = compute(tx, tenant, nip, position_code, purpose, as_of)?;
        ctx.record(
            tx,
            tenant.id,
            "result.read",
            &format!("employee:{}", report.employee.id),
            serde_json::json!({ "use": "jpm", "position": position_code, "result": report.result.id }),
        )?;
        Ok(report)
    })
}

fn compute(
    db: &mut Db,
    tenant: &Tenant,
    nip: Nip,
    position_code: &str,
    purpose: Option<Purpose>,
    as_of: NaiveDate,
) -> Result<JpmReport, AppError> {
    let rules = store::rules(db, tenant)?;
    let employee = store::employee_by_nip(db, tenant.id, nip)?
        .ok_or_else(|| AppError::UnknownEmployee(nip.to_string()))?;
    let position = store::position_by_code(db, tenant.id, position_code)?
        .ok_or_else(|| AppError::UnknownPosition(position_code.to_string()))?;
    let standard = store::standard_of(db, tenant.id, position.id)?;
    if standard.is_empty() {
        return Err(AppError::NoStandard(position_code.to_string()));
    }
    let results = store::results_of(db, tenant.id, employee.id)?;
    // A result is reused for a post of the level it was assessed for; the newest valid wins.
    let same_level: Vec<AssessmentResult> = results
        .iter()
        .filter(|r| r.job_class.is_none_or(|c| c == position.class))
        .cloned()
        .collect();
    let result = newest_valid(&same_level, as_of, rules.result_validity_years)
        .cloned()
        .ok_or_else(|| AppError::NoValidResult {
            nip: nip.to_string(),
            last: results.iter().map(|r| r.assessed_on).max(),
            years: rules.result_validity_years,
        })?;
    assess(employee, position, &standard, result, purpose, &rules)
}

/// Matches one result against a position's standard: JPM, category for `purpose` (the result's
/// own when `None`), potential, gaps and the valid-until date.
pub fn assess(
    employee: Employee,
    position: Position,
    standard: &[(CompetencyCode, talenta_domain::Level)],
    result: AssessmentResult,
    purpose: Option<Purpose>,
    rules: &talenta_domain::RuleSet,
) -> Result<JpmReport, AppError> {
    let m = match_profile(
        &result.levels,
        standard,
        rules.technical_weight(position.class),
    );
    let jpm = m.jpm.ok_or_else(|| {
        AppError::from(Refusal::NothingAssessed {
            assessed_on: result.assessed_on,
        })
    })?;
    let purpose = purpose.unwrap_or(result.purpose);
    Ok(JpmReport {
        valid_until: validity::expires_on(result.assessed_on, rules.result_validity_years)
            .pred_opt()
            .unwrap_or(result.assessed_on),
        reported_percent: jpm.reported_percent(&rules.jpm),
        category: jpm.category(purpose, &rules.categories),
        potential: potential_from_jpm(jpm, &rules.potential),
        gaps: m.gaps,
        not_assessed: m.not_assessed,
        rules_version: rules.version.clone(),
        employee,
        position,
        result,
        jpm,
        purpose,
    })
}

/// Why the job-person match was refused: each rule with its facts (the words are in the web layer's i18n).
#[derive(Debug)]
pub enum Refusal {
    /// The result assesses none of the post's competencies, so there is no JPM.
    NothingAssessed {
        /// The date of the assessment result.
        assessed_on: chrono::NaiveDate,
    },
}
