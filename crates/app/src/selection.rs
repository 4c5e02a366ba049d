//! Open selection of senior posts and the job fit of incumbents, as use cases: setting up a
//! selection (posts, stages, panel), applications (internal by NIP, external with a profile)
//! with an automatic check against the requirements and a recorded decision, conflicts the
//! panel declares, each member scoring alone (others' scores stay hidden until the stage is
//! closed), closing stages in order, the standings with three names per post, and the approval
//! chain (the PPK's pick with a reason, the supervising authority, the governor, the Minister,
//! the inauguration) in the order the rules require. Every step is in the audit trail.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use talenta_domain::eligibility;
use talenta_domain::master::{Employee, Position};
use talenta_domain::selection::{
    self as rules, Calendar, MemberScore, RankKey, Stage, StageKind, Step,
};
use talenta_domain::{Category, Nip};
use talenta_export::{Cell, Column, Sheet, Table};
use talenta_store::Db;
use talenta_store::master as master_store;
use talenta_store::selection::{self as store, Applicant, Member, Selection, StoredScore};

use crate::access::Actor;
use crate::capability::{Can, DecideSelection, ManageSelection, PanelScore};
use crate::{AppError, Ctx, export};

/// Who works on selections, proven: the administrator, the PPK, or a panel member (whether
/// they sit on a given selection's panel is decided by [`panel_member`]).
#[derive(Debug, Clone)]
pub enum SelectionRole {
    /// Runs selections (BKPSDM).
    Manager(Can<ManageSelection>),
    /// Picks one of three names (the PPK).
    DecisionMaker(Can<DecideSelection>),
    /// Scores as a member of a panel.
    Panel(Can<PanelScore>),
}

impl SelectionRole {
    /// The actor's role in selections, if they have one.
    pub fn of(actor: &Actor) -> Result<SelectionRole, AppError> {
        actor
            .grant()
            .map(SelectionRole::Manager)
            .or_else(|_| actor.grant().map(SelectionRole::DecisionMaker))
            .or_else(|_| actor.grant().map(SelectionRole::Panel))
    }

    /// The administrator or the PPK (who see standings and the chain); a panel member is refused.
    fn staff(&self) -> Result<(), AppError> {
        match self {
            SelectionRole::Manager(_) | SelectionRole::DecisionMaker(_) => Ok(()),
            SelectionRole::Panel(_) => Err(AppError::Forbidden),
        }
    }
}

impl std::ops::Deref for SelectionRole {
    type Target = Actor;
    fn deref(&self) -> &Actor {
        match self {
            SelectionRole::Manager(c) => c.actor(),
            SelectionRole::DecisionMaker(c) => c.actor(),
            SelectionRole::Panel(c) => c.actor(),
        }
    }
}

/// Proof that the actor sits on this selection's panel, with their member row.
#[derive(Debug, Clone)]
pub struct PanelMember {
    actor: Can<PanelScore>,
    code: String,
    member: Member,
}

impl PanelMember {
    /// Their row of the panel.
    pub fn member(&self) -> &Member {
        &self.member
    }

    /// The selection's code.
    pub fn code(&self) -> &str {
        &self.code
    }
}

impl std::ops::Deref for PanelMember {
    type Target = Actor;
    fn deref(&self) -> &Actor {
        self.actor.actor()
    }
}

/// The actor as a member of the panel of selection `code` (refused when they are not on it).
pub fn panel_member(
    db: &mut Db,
    actor: &Can<PanelScore>,
    code: &str,
) -> Result<PanelMember, AppError> {
    let s = selection(db, actor, code)?;
    let member = store::members(db, actor.tenant.id, s.id)?
        .into_iter()
        .find(|m| m.account_id.is_some() && m.account_id == actor.account_id)
        .ok_or_else(|| {
            AppError::from(Refusal::NotPanelMember {
                code: code.to_string(),
            })
        })?;
    Ok(PanelMember {
        actor: actor.clone(),
        code: code.to_string(),
        member,
    })
}

fn ts(ctx: &Ctx) -> String {
    ctx.now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Open selection or job fit of incumbents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Seleksi terbuka of vacant posts.
    Open,
    /// Uji kesesuaian of the officials in their posts.
    JobFit,
}

impl Kind {
    fn code(self) -> &'static str {
        match self {
            Kind::Open => "terbuka",
            Kind::JobFit => "kesesuaian",
        }
    }
}

/// A panel member to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelSpec {
    /// Name.
    pub name: String,
    /// Home organisation.
    pub organisation: String,
    /// From outside the government.
    pub external: bool,
    /// Chairs the panel.
    pub chair: bool,
    /// Login of their account (role pansel in this government).
    pub login: Option<String>,
}

/// A selection to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionSpec {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Open selection or job fit.
    pub kind: Kind,
    /// Post codes.
    pub posts: Vec<String>,
    /// Stages in order.
    pub stages: Vec<Stage>,
    /// Members who must score each candidate.
    pub quorum: u32,
    /// Requirements as announced.
    pub requirements: String,
    /// Applications open and close.
    pub opens_on: NaiveDate,
    /// Last day of applications.
    pub closes_on: NaiveDate,
    /// Political calendar (acting head, election dates).
    pub calendar: Calendar,
    /// The panel.
    pub panel: Vec<PanelSpec>,
    /// Published stage results show scores (otherwise names only).
    pub publish_scores: bool,
}

fn calendar_json(c: &Calendar) -> String {
    serde_json::json!({
        "candidates_set_on": c.candidates_set_on.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
        "sworn_in_on": c.sworn_in_on.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
    })
    .to_string()
}

fn calendar_of(s: &Selection) -> Calendar {
    let v: serde_json::Value = serde_json::from_str(&s.election_dates).unwrap_or_default();
    let dates = |k: &str| -> Vec<NaiveDate> {
        v[k].as_array()
            .map(|a| a.iter().filter_map(|d| d.as_str()?.parse().ok()).collect())
            .unwrap_or_default()
    };
    Calendar {
        acting_head: s.acting_head,
        candidates_set_on: dates("candidates_set_on"),
        sworn_in_on: dates("sworn_in_on"),
    }
}

/// The stages of a stored selection.
pub fn stages_of(s: &Selection) -> Vec<Stage> {
    serde_json::from_str(&s.stages).unwrap_or_default()
}

/// Creates a selection; every field is checked and nothing is stored when one is wrong.
pub fn create(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<ManageSelection>,
    spec: &SelectionSpec,
) -> Result<Selection, AppError> {
    let tenant = actor.tenant.id;
    let mut problems = Vec::new();
    if spec.code.trim().is_empty()
        || !spec
            .code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        problems.push(SetupProblem::BadCode);
    }
    if spec.name.trim().is_empty() {
        problems.push(SetupProblem::NoName);
    }
    if let Err(error) = rules::check_stages(&spec.stages) {
        problems.push(SetupProblem::Stages { error });
    }
    if spec.closes_on < spec.opens_on {
        problems.push(SetupProblem::ClosesBeforeOpens {
            opens_on: spec.opens_on,
            closes_on: spec.closes_on,
        });
    }
    if spec.panel.len() < 3 {
        problems.push(SetupProblem::PanelTooSmall {
            members: spec.panel.len(),
        });
    }
    if spec.quorum == 0 || spec.quorum as usize > spec.panel.len() {
        problems.push(SetupProblem::BadQuorum {
            quorum: spec.quorum,
            members: spec.panel.len(),
        });
    }
    let chairs = spec.panel.iter().filter(|m| m.chair).count();
    if chairs != 1 {
        problems.push(SetupProblem::ChairCount { chairs });
    }
    let mut posts = Vec::new();
    for code in &spec.posts {
        match master_store::position_by_code(db, tenant, code.trim())? {
            Some(p) => posts.push(p.id),
            None => problems.push(SetupProblem::UnknownPost { code: code.clone() }),
        }
    }
    if spec.posts.is_empty() {
        problems.push(SetupProblem::NoPosts);
    }
    let mut accounts = Vec::new();
    for m in &spec.panel {
        let account = match &m.login {
            Some(login) => {
                let a = talenta_store::access::account_by_login(db, login.trim())?;
                let ok = match &a {
                    Some(a) => talenta_store::access::memberships(db, a.id)?
                        .iter()
                        .any(|x| {
                            x.tenant_id == tenant
                                && x.role == crate::access::Role::PanelMember.code()
                        }),
                    None => false,
                };
                if !ok {
                    problems.push(SetupProblem::NotPanelAccount {
                        login: login.clone(),
                    });
                }
                a.map(|a| a.id)
            }
            None => None,
        };
        accounts.push(account);
    }
    if store::by_code(db, tenant, spec.code.trim())?.is_some() {
        problems.push(SetupProblem::CodeTaken {
            code: spec.code.trim().to_string(),
        });
    }
    if !problems.is_empty() {
        return Err(Refusal::BadSetup { problems }.into());
    }
    let now = ts(ctx);
    db.transaction(|tx| {
        let s = store::create(
            tx,
            tenant,
            &Selection {
                id: 0,
                code: spec.code.trim().into(),
                name: spec.name.trim().into(),
                kind: spec.kind.code().into(),
                stages: serde_json::to_string(&spec.stages).unwrap_or_default(),
                quorum: spec.quorum,
                requirements: spec.requirements.trim().into(),
                opens_on: spec.opens_on.to_string(),
                closes_on: spec.closes_on.to_string(),
                acting_head: spec.calendar.acting_head,
                election_dates: calendar_json(&spec.calendar),
                publish_scores: spec.publish_scores,
            },
            &posts,
            &now,
        )?;
        for (m, account) in spec.panel.iter().zip(&accounts) {
            store::add_member(
                tx,
                tenant,
                s.id,
                &Member {
                    id: 0,
                    name: m.name.trim().into(),
                    organisation: m.organisation.trim().into(),
                    external: m.external,
                    chair: m.chair,
                    account_id: *account,
                },
            )?;
        }
        ctx.record(tx, tenant, "selection.create", &format!("selection:{}", s.code),
            serde_json::json!({ "posts": posts.len(), "panel": spec.panel.len(), "kind": spec.kind.code() }))?;
        Ok(s)
    })
}

fn selection(db: &mut Db, actor: &Actor, code: &str) -> Result<Selection, AppError> {
    store::by_code(db, actor.tenant.id, code)?.ok_or_else(|| {
        AppError::from(Refusal::NotFound {
            code: code.to_string(),
        })
    })
}

/// A selection of the actor's tenant by its code (`None`: there is none).
pub fn find(db: &mut Db, actor: &SelectionRole, code: &str) -> Result<Option<Selection>, AppError> {
    Ok(store::by_code(db, actor.tenant.id, code)?)
}

/// What the administrator's page of a selection shows.
#[derive(Debug, Clone)]
pub struct AdminView {
    /// The selection.
    pub selection: Selection,
    /// Standings per post.
    pub standings: Standings,
    /// Every applicant.
    pub applicants: Vec<Applicant>,
    /// The tenant's posts (names of the posts applied for).
    pub positions: Vec<Position>,
    /// Per post of the standings, its approval chain and the steps taken.
    pub chains: Vec<(Vec<Step>, Vec<store::Decision>)>,
    /// Codes of the closed stages.
    pub closed: Vec<String>,
}

/// The administrator's view of selection `code` on `today` (`None`: there is none).
pub fn admin_view(
    db: &mut Db,
    ctx: &Ctx,
    actor: &SelectionRole,
    code: &str,
    today: NaiveDate,
) -> Result<Option<AdminView>, AppError> {
    let Some(selection) = find(db, actor, code)? else {
        return Ok(None);
    };
    let standings = standings(db, ctx, actor, code, today)?;
    let applicants = store::applicants(db, actor.tenant.id, selection.id)?;
    let positions = master_store::list_positions(db, actor.tenant.id)?;
    let mut chains = Vec::new();
    for (p, _) in &standings.posts {
        chains.push(chain(db, actor, code, p, today)?);
    }
    let closed = store::closed(db, actor.tenant.id, selection.id)?;
    Ok(Some(AdminView {
        selection,
        standings,
        applicants,
        positions,
        chains,
        closed,
    }))
}

/// The PPK's view of selection `code`: the selection, its standings and the decisions taken
/// (`None`: there is none).
pub fn decision_view(
    db: &mut Db,
    ctx: &Ctx,
    actor: &SelectionRole,
    code: &str,
    today: NaiveDate,
) -> Result<Option<(Selection, Standings, Vec<store::Decision>)>, AppError> {
    let Some(selection) = find(db, actor, code)? else {
        return Ok(None);
    };
    let st = standings(db, ctx, actor, code, today)?;
    let decided = store::decisions(db, actor.tenant.id, selection.id)?;
    Ok(Some((selection, st, decided)))
}

/// An external applicant's profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalProfile {
    /// Name.
    pub name: String,
    /// Birth date.
    pub birth_date: NaiveDate,
    /// Highest education.
    pub education: eligibility::Education,
    /// Current post and organisation.
    pub current_post: String,
}

/// Who applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// An employee of this government.
    Internal(Nip),
    /// From outside, with a profile.
    External(ExternalProfile),
}

/// Records an application to a post of the selection, with the automatic check of the
/// requirements (PP 11/2017 through `check_promotion` for an employee; education and age for
/// an external applicant); the administrative decision is recorded separately. Returns its id.
pub fn apply(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<ManageSelection>,
    code: &str,
    post: &str,
    who: &Who,
    as_of: NaiveDate,
) -> Result<i64, AppError> {
    let tenant = actor.tenant.id;
    let s = selection(db, actor, code)?;
    let position = master_store::position_by_code(db, tenant, post.trim())?
        .ok_or_else(|| AppError::UnknownPosition(post.to_string()))?;
    if !store::posts(db, tenant, s.id)?.contains(&position.id) {
        return Err(Refusal::PostNotInSelection {
            post: post.to_string(),
        }
        .into());
    }
    let rules_set = master_store::rules(db, &actor.tenant)?;
    let target = eligibility::Target {
        class: position.class,
        eselon: position.eselon,
    };
    let (employee_id, name, profile, checks) = match who {
        Who::Internal(nip) => {
            let e = master_store::employee_by_nip(db, tenant, *nip)?
                .ok_or_else(|| AppError::UnknownEmployee(nip.to_string()))?;
            let current = e
                .position_id
                .map(|id| master_store::position(db, tenant, id))
                .transpose()?
                .flatten();
            let ratings = master_store::ratings_of(db, tenant, e.id)?;
            let sanctions = master_store::sanctions_of(db, tenant, e.id)?;
            let c = eligibility::Candidate {
                birth_date: e.birth_date,
                appointed_on: e.nip.appointed_on(),
                education: e.education,
                rank: e.rank,
                current_class: current.map(|p| p.class),
                in_class_since: e.position_since,
                ratings: ratings.iter().map(|y| (y.year, y.rating)).collect(),
                sanctions: sanctions.iter().map(|x| (x.level, x.decided_on)).collect(),
            };
            let checks = eligibility::check_promotion(&c, target, as_of, &rules_set);
            (Some(e.id), e.name, String::new(), checks)
        }
        Who::External(p) => {
            if p.name.trim().is_empty() {
                return Err(Refusal::ExternalNameMissing.into());
            }
            let c = eligibility::Candidate {
                birth_date: p.birth_date,
                appointed_on: p.birth_date,
                education: Some(p.education),
                rank: None,
                current_class: None,
                in_class_since: None,
                ratings: Vec::new(),
                sanctions: Vec::new(),
            };
            // Only what an outsider's profile shows: education and age.
            let checks: Vec<eligibility::Check> =
                eligibility::check_promotion(&c, target, as_of, &rules_set)
                    .into_iter()
                    .filter(|k| {
                        matches!(
                            k.requirement,
                            eligibility::Requirement::Education | eligibility::Requirement::MaxAge
                        )
                    })
                    .collect();
            let profile = serde_json::json!({
                "birth_date": p.birth_date.to_string(), "education": p.education.code(), "current_post": p.current_post,
            })
            .to_string();
            (None, p.name.trim().to_string(), profile, checks)
        }
    };
    let existing = store::applicants(db, tenant, s.id)?;
    if existing.iter().any(|a| {
        a.position_id == position.id
            && ((employee_id.is_some() && a.employee_id == employee_id)
                || (employee_id.is_none() && a.name == name))
    }) {
        return Err(Refusal::AlreadyApplied { name }.into());
    }
    let auto = checks
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                if c.passed {
                    "memenuhi:"
                } else {
                    "TIDAK memenuhi:"
                },
                c.reason
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let now = ts(ctx);
    db.transaction(|tx| {
        let id = store::add_applicant(
            tx,
            tenant,
            s.id,
            &Applicant {
                id: 0,
                position_id: position.id,
                employee_id,
                name: name.clone(),
                profile,
                auto_check: auto,
                admin_status: "menunggu".into(),
                admin_reason: String::new(),
                admin_by: String::new(),
            },
            &now,
        )?;
        ctx.record(tx, tenant, "selection.apply", &format!("selection:{}", s.code),
            serde_json::json!({ "applicant": id, "post": position.code, "internal": employee_id.is_some(), "requirements_met": checks.iter().all(|c| c.passed) }))?;
        Ok(id)
    })
}

/// Records the administrative decision on an applicant (a reason is required when not
/// admitted, or when admitted against the automatic check).
pub fn screen(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<ManageSelection>,
    code: &str,
    applicant_id: i64,
    admitted: bool,
    reason: &str,
) -> Result<(), AppError> {
    let s = selection(db, actor, code)?;
    let a = store::applicants(db, actor.tenant.id, s.id)?
        .into_iter()
        .find(|a| a.id == applicant_id)
        .ok_or_else(|| AppError::from(Refusal::ApplicantNotFound { applicant_id }))?;
    let failed_auto = a.auto_check.lines().any(|l| l.starts_with("TIDAK"));
    if reason.trim().is_empty() && (!admitted || failed_auto) {
        return Err(if admitted {
            Refusal::AdmitAgainstCheckNeedsReason { name: a.name }
        } else {
            Refusal::RejectionNeedsReason { name: a.name }
        }
        .into());
    }
    let status = if admitted {
        "memenuhi"
    } else {
        "tidak-memenuhi"
    };
    db.transaction(|tx| {
        store::screen(tx, actor.tenant.id, applicant_id, status, reason.trim(), &actor.login)?;
        ctx.record(tx, actor.tenant.id, "selection.screen", &format!("selection:{}", s.code),
            serde_json::json!({ "applicant": applicant_id, "status": status, "reason": reason.trim() }))?;
        Ok(())
    })
}

/// Records a relation a panel member declared with an applicant: the member's scores of that
/// applicant do not count.
pub fn declare_conflict(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<ManageSelection>,
    code: &str,
    member: &str,
    applicant_id: i64,
    relation: &str,
) -> Result<(), AppError> {
    let s = selection(db, actor, code)?;
    let m = store::members(db, actor.tenant.id, s.id)?
        .into_iter()
        .find(|m| m.name == member.trim())
        .ok_or_else(|| {
            AppError::from(Refusal::UnknownMember {
                name: member.to_string(),
            })
        })?;
    record_conflict(db, ctx, actor, &s, &m, applicant_id, relation)
}

/// A panel member declares their own relation with an applicant.
pub fn declare_own_conflict(
    db: &mut Db,
    ctx: &Ctx,
    me: &PanelMember,
    applicant_id: i64,
    relation: &str,
) -> Result<(), AppError> {
    let s = selection(db, me, &me.code)?;
    record_conflict(db, ctx, me, &s, &me.member, applicant_id, relation)
}

fn record_conflict(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Actor,
    s: &Selection,
    m: &Member,
    applicant_id: i64,
    relation: &str,
) -> Result<(), AppError> {
    if relation.trim().is_empty() {
        return Err(Refusal::RelationMissing.into());
    }
    db.transaction(|tx| {
        store::declare_conflict(tx, actor.tenant.id, s.id, m.id, applicant_id, relation.trim())?;
        ctx.record(tx, actor.tenant.id, "selection.conflict", &format!("selection:{}", s.code),
            serde_json::json!({ "member": m.name, "applicant": applicant_id, "relation": relation.trim() }))?;
        Ok(())
    })
}

/// Where a selection stands: per stage, open or closed, and who takes part in the open one.
struct State {
    s: Selection,
    stages: Vec<Stage>,
    closed: HashSet<String>,
    applicants: Vec<Applicant>,
    members: Vec<Member>,
    conflicts: Vec<(i64, i64, String)>,
    scores: Vec<StoredScore>,
    outcomes: Vec<(i64, String, bool, String)>,
    quorum: usize,
    /// For an assessment stage: each internal applicant's JPM against the post applied for, from
    /// their newest valid result (hundredths of a percent, at most 100).
    assessment: HashMap<i64, u32>,
}

impl State {
    fn load(db: &mut Db, actor: &Actor, code: &str) -> Result<State, AppError> {
        let s = selection(db, actor, code)?;
        let t = actor.tenant.id;
        let stages = stages_of(&s);
        let applicants = store::applicants(db, t, s.id)?;
        let mut assessment = HashMap::new();
        if stages.iter().any(|st| st.kind == StageKind::Assessment) {
            let rules_set = master_store::rules(db, &actor.tenant)?;
            // A result counts when it is valid on the last day of applications.
            let as_of = chrono::NaiveDate::parse_from_str(&s.closes_on, "%Y-%m-%d")
                .unwrap_or(NaiveDate::MIN);
            for a in &applicants {
                let Some(e) = a.employee_id else { continue };
                let results = master_store::results_of(db, t, e)?;
                let standard = master_store::standard_of(db, t, a.position_id)?;
                let position = master_store::position(db, t, a.position_id)?;
                let jpm =
                    crate::talent::newest_valid(&results, as_of, rules_set.result_validity_years)
                        .and_then(|r| {
                            talenta_domain::jpm::match_profile(
                                &r.levels,
                                &standard,
                                position.and_then(|p| rules_set.technical_weight(p.class)),
                            )
                            .jpm
                        });
                if let Some(j) = jpm {
                    assessment.insert(a.id, (j.basis_points() as u32).min(10_000));
                }
            }
        }
        Ok(State {
            stages,
            closed: store::closed(db, t, s.id)?.into_iter().collect(),
            applicants,
            assessment,
            members: store::members(db, t, s.id)?,
            conflicts: store::conflicts(db, t, s.id)?,
            scores: store::scores(db, t, s.id)?,
            outcomes: store::outcomes(db, t, s.id)?,
            quorum: s.quorum as usize,
            s,
        })
    }

    /// The first stage not yet closed.
    fn current(&self) -> Option<usize> {
        self.stages
            .iter()
            .position(|st| !self.closed.contains(st.kind.code()))
    }

    fn conflicted(&self, applicant: i64) -> Vec<i64> {
        self.conflicts
            .iter()
            .filter(|(_, a, _)| *a == applicant)
            .map(|(m, _, _)| *m)
            .collect()
    }

    /// Stage score (when enough members scored) and pass of an applicant in stage `k`.
    fn stage_result(&self, applicant: i64, k: usize) -> (Option<u32>, Option<bool>) {
        let st = &self.stages[k];
        match st.pass {
            rules::PassRule::PassFail => (
                None,
                self.outcomes
                    .iter()
                    .find(|(a, s, _, _)| *a == applicant && s == st.kind.code())
                    .map(|o| o.2),
            ),
            rules::PassRule::MinScore(_) if st.kind == StageKind::Assessment => {
                let score = self.assessment.get(&applicant).copied();
                (score, score.map(|x| rules::passes(st, Some(x), None)))
            }
            rules::PassRule::MinScore(_) => {
                let ms: Vec<MemberScore> = self
                    .scores
                    .iter()
                    .filter(|x| x.applicant_id == applicant && x.stage == st.kind.code())
                    .map(|x| MemberScore {
                        member: x.member_id,
                        score: x.score,
                    })
                    .collect();
                let score = rules::stage_score(&ms, &self.conflicted(applicant), self.quorum).ok();
                (score, score.map(|x| rules::passes(st, Some(x), None)))
            }
        }
    }

    /// Whether an applicant is still in the selection before stage `k` (admitted, passed every
    /// closed stage before `k`).
    fn in_stage(&self, a: &Applicant, k: usize) -> bool {
        a.admin_status == "memenuhi" && (0..k).all(|i| self.stage_result(a.id, i).1 == Some(true))
    }
}

/// Parses a score typed by a member: 0-100 with at most two decimals (`78,5`).
pub fn parse_score(text: &str) -> Result<u32, String> {
    let t = text.trim().replace(',', ".");
    let bad = || {
        format!(
            "nilai '{}' tidak sah: isi 0 sampai 100, paling banyak dua desimal",
            text.trim()
        )
    };
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    let w: u32 = whole.parse().map_err(|_| bad())?;
    let f: u32 = format!("{frac:0<2}").parse().map_err(|_| bad())?;
    let v = w
        .checked_mul(100)
        .and_then(|x| x.checked_add(f))
        .ok_or_else(bad)?;
    if v > 10_000 { Err(bad()) } else { Ok(v) }
}

/// A panel member scores an applicant in the current stage, alone.
pub fn score(
    db: &mut Db,
    ctx: &Ctx,
    actor: &PanelMember,
    applicant_id: i64,
    stage: StageKind,
    score: u32,
) -> Result<(), AppError> {
    let code = actor.code();
    let st = State::load(db, actor, code)?;
    let me = actor.member();
    let Some(k) = st.current() else {
        return Err(Refusal::AllStagesClosed.into());
    };
    if st.stages[k].kind != stage {
        return Err(Refusal::WrongStage {
            current: st.stages[k].kind,
            asked: stage,
        }
        .into());
    }
    if st.stages[k].kind == StageKind::Assessment {
        return Err(Refusal::AssessmentNotScored.into());
    }
    if st.stages[k].pass == rules::PassRule::PassFail {
        return Err(Refusal::PassFailNotScored { stage }.into());
    }
    let a = st
        .applicants
        .iter()
        .find(|a| a.id == applicant_id)
        .ok_or_else(|| AppError::from(Refusal::ApplicantNotFound { applicant_id }))?;
    if !st.in_stage(a, k) {
        return Err(Refusal::NotInStage {
            name: a.name.clone(),
        }
        .into());
    }
    if st.conflicted(a.id).contains(&me.id) {
        return Err(Refusal::OwnConflict {
            name: a.name.clone(),
        }
        .into());
    }
    if score > 10_000 {
        return Err(Refusal::ScoreTooHigh { score }.into());
    }
    let now = ts(ctx);
    db.transaction(|tx| {
        store::save_score(tx, actor.tenant.id, st.s.id, &StoredScore { applicant_id, stage: stage.code().into(), member_id: me.id, score }, &now)?;
        ctx.record(tx, actor.tenant.id, "selection.score", &format!("selection:{}", st.s.code),
            serde_json::json!({ "applicant": applicant_id, "stage": stage.code(), "member": me.id }))?;
        Ok(())
    })
}

/// One applicant as a panel member sees them in the current stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelRow {
    /// Applicant id.
    pub applicant_id: i64,
    /// Name.
    pub name: String,
    /// Post applied for (name).
    pub post: String,
    /// The member's own score.
    pub mine: Option<u32>,
    /// The other members' scores: only once the stage is closed (here always empty).
    pub others: Vec<u32>,
    /// The member declared a conflict with this applicant.
    pub conflicted: bool,
}

/// What a panel member sees: the current stage and its applicants with only their own scores.
pub fn panel_view(
    db: &mut Db,
    actor: &PanelMember,
) -> Result<(Option<Stage>, Vec<PanelRow>), AppError> {
    let st = State::load(db, actor, actor.code())?;
    let me = actor.member();
    let Some(k) = st.current() else {
        return Ok((None, Vec::new()));
    };
    let stage = st.stages[k];
    let posts: HashMap<i64, String> = master_store::list_positions(db, actor.tenant.id)?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let rows = st
        .applicants
        .iter()
        .filter(|a| st.in_stage(a, k))
        .map(|a| PanelRow {
            applicant_id: a.id,
            name: a.name.clone(),
            post: posts.get(&a.position_id).cloned().unwrap_or_default(),
            mine: st
                .scores
                .iter()
                .find(|x| {
                    x.applicant_id == a.id && x.stage == stage.kind.code() && x.member_id == me.id
                })
                .map(|x| x.score),
            others: Vec::new(),
            conflicted: st.conflicted(a.id).contains(&me.id),
        })
        .collect();
    Ok((Some(stage), rows))
}

/// A pass/fail outcome of one applicant in one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome<'a> {
    /// The applicant.
    pub applicant_id: i64,
    /// The stage.
    pub stage: StageKind,
    /// Passed.
    pub passed: bool,
    /// Why (required when not passed).
    pub reason: &'a str,
}

/// Records a pass/fail outcome (health and psychological tests) of an applicant.
pub fn record_outcome(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<ManageSelection>,
    code: &str,
    o: &Outcome<'_>,
) -> Result<(), AppError> {
    let Outcome {
        applicant_id,
        stage,
        passed,
        reason,
    } = *o;
    let st = State::load(db, actor, code)?;
    let k = st
        .current()
        .ok_or_else(|| AppError::from(Refusal::AllStagesClosed))?;
    if st.stages[k].kind != stage || st.stages[k].pass != rules::PassRule::PassFail {
        return Err(Refusal::NotPassFailStage { stage }.into());
    }
    if !passed && reason.trim().is_empty() {
        return Err(Refusal::FailNeedsReason.into());
    }
    let now = ts(ctx);
    db.transaction(|tx| {
        store::set_outcome(tx, actor.tenant.id, st.s.id, applicant_id, stage.code(), passed, reason.trim(), &actor.login, &now)?;
        ctx.record(tx, actor.tenant.id, "selection.outcome", &format!("selection:{}", st.s.code),
            serde_json::json!({ "applicant": applicant_id, "stage": stage.code(), "passed": passed, "reason": reason.trim() }))?;
        Ok(())
    })
}

/// Closes the current stage once every applicant in it has a result (enough members without a
/// conflict scored, or the outcome recorded); from then the scores are visible and the next
/// stage opens to those who passed.
pub fn close_stage(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<ManageSelection>,
    code: &str,
) -> Result<StageKind, AppError> {
    let st = State::load(db, actor, code)?;
    let k = st
        .current()
        .ok_or_else(|| AppError::from(Refusal::AllStagesClosed))?;
    let stage = st.stages[k];
    if !st.applicants.iter().any(|a| st.in_stage(a, k)) {
        return Err(Refusal::NobodyInStage { stage: stage.kind }.into());
    }
    let missing: Vec<String> = st
        .applicants
        .iter()
        .filter(|a| st.in_stage(a, k))
        .filter(|a| st.stage_result(a.id, k).1.is_none())
        .map(|a| a.name.clone())
        .collect();
    if !missing.is_empty() {
        return Err(Refusal::ResultsIncomplete {
            stage: stage.kind,
            missing,
        }
        .into());
    }
    let now = ts(ctx);
    db.transaction(|tx| -> Result<(), AppError> {
        store::close_stage(
            tx,
            actor.tenant.id,
            st.s.id,
            stage.kind.code(),
            &actor.login,
            &now,
        )?;
        ctx.record(
            tx,
            actor.tenant.id,
            "selection.close_stage",
            &format!("selection:{}", st.s.code),
            serde_json::json!({ "stage": stage.kind.code() }),
        )?;
        Ok(())
    })?;
    Ok(stage.kind)
}

/// One applicant in the standings of a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// Applicant.
    pub applicant: Applicant,
    /// Stage scores (or pass) in stage order; `None` while unknown.
    pub stages: Vec<(Option<u32>, Option<bool>)>,
    /// Weighted total.
    pub total: Option<u32>,
    /// Passed every stage so far.
    pub passed_all: bool,
    /// Among the three names.
    pub proposed: bool,
    /// Job fit (for a job-fit test): category and advice.
    pub job_fit: Option<(Category, &'static str)>,
    /// What warns or blocks moving this official (minimum time in post, the 5-year term,
    /// election windows), for a job-fit test.
    pub constraints: Vec<rules::Constraint>,
}

/// The standings of every post and whether all stages are closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standings {
    /// Per post, applicants in the declared order.
    pub posts: Vec<(Position, Vec<Standing>)>,
    /// Every stage closed.
    pub done: bool,
}

/// The standings per post (ranked by the declared rule) and whether all stages are closed, as
/// shown to the administrator or the PPK: the read is recorded for every applicant of this
/// government shown (`selection.read`).
pub fn standings(
    db: &mut Db,
    ctx: &Ctx,
    actor: &SelectionRole,
    code: &str,
    as_of: NaiveDate,
) -> Result<Standings, AppError> {
    let st = rank(db, actor, code, as_of)?;
    let people: Vec<i64> = st
        .posts
        .iter()
        .flat_map(|(_, rows)| rows.iter().filter_map(|r| r.applicant.employee_id))
        .collect();
    db.transaction(|tx| {
        ctx.record_reads(
            tx,
            actor.tenant.id,
            "selection.read",
            &people,
            serde_json::json!({ "use": "standings", "selection": code }),
        )
    })?;
    Ok(st)
}

/// The standings per post (ranked by the declared rule) and whether all stages are closed,
/// for a use case that decides on them (not recorded as a read).
pub(crate) fn rank(
    db: &mut Db,
    actor: &SelectionRole,
    code: &str,
    as_of: NaiveDate,
) -> Result<Standings, AppError> {
    actor.staff()?;
    let st = State::load(db, actor, code)?;
    let done = st.current().is_none();
    let tenant_rules = master_store::rules(db, &actor.tenant)?;
    let sel_rules = tenant_rules.selection.clone();
    let employees: HashMap<i64, Employee> = master_store::list_employees(db, actor.tenant.id)?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let mut out = Vec::new();
    for pid in store::posts(db, actor.tenant.id, st.s.id)? {
        let Some(position) = master_store::position(db, actor.tenant.id, pid)? else {
            continue;
        };
        let mut rows: Vec<(RankKey, Standing)> = st
            .applicants
            .iter()
            .filter(|a| a.position_id == pid && a.admin_status == "memenuhi")
            .map(|a| {
                let stages: Vec<(Option<u32>, Option<bool>)> = (0..st.stages.len())
                    .map(|k| st.stage_result(a.id, k))
                    .collect();
                let scores: Vec<Option<u32>> = stages.iter().map(|x| x.0).collect();
                let total = rules::weighted_total(&st.stages, &scores);
                let passed_all = stages.iter().all(|x| x.1 == Some(true));
                let heaviest = st
                    .stages
                    .iter()
                    .enumerate()
                    .max_by_key(|(_, s)| s.weight)
                    .and_then(|(k, _)| scores[k])
                    .unwrap_or(0);
                let assessment = st
                    .stages
                    .iter()
                    .position(|s| s.kind == StageKind::Assessment)
                    .and_then(|k| scores[k])
                    .unwrap_or(0);
                let e = a.employee_id.and_then(|id| employees.get(&id));
                let job_fit = if st.s.kind == "kesesuaian" {
                    let tr = st
                        .stages
                        .iter()
                        .position(|s| s.kind == StageKind::TrackRecord)
                        .and_then(|k| scores[k]);
                    let iv = st
                        .stages
                        .iter()
                        .position(|s| s.kind == StageKind::Interview)
                        .and_then(|k| scores[k]);
                    tr.zip(iv).map(|(t, i)| {
                        let (_, c, advice) =
                            rules::job_fit(t, i, &sel_rules, &tenant_rules.categories);
                        (c, advice)
                    })
                } else {
                    None
                };
                (
                    RankKey {
                        passed_all,
                        total: total.unwrap_or(0),
                        heaviest,
                        assessment,
                        service_since: e.map(|e| e.nip.appointed_on()),
                        id: e.map(|e| e.nip.as_u64()).unwrap_or(u64::MAX - a.id as u64),
                    },
                    Standing {
                        constraints: match (st.s.kind.as_str(), e.and_then(|e| e.position_since)) {
                            ("kesesuaian", Some(since)) => rules::mutation_constraints(
                                since,
                                as_of,
                                &calendar_of(&st.s),
                                false,
                                &sel_rules,
                            ),
                            _ => Vec::new(),
                        },
                        applicant: a.clone(),
                        stages,
                        total,
                        passed_all,
                        proposed: false,
                        job_fit,
                    },
                )
            })
            .collect();
        rows.sort_by(|x, y| rules::rank_order(&x.0, &y.0));
        if done && st.s.kind == "terbuka" {
            let keys: Vec<RankKey> = rows.iter().map(|r| r.0.clone()).collect();
            for i in rules::three_names(&keys) {
                rows[i].1.proposed = true;
            }
        }
        out.push((position, rows.into_iter().map(|r| r.1).collect()));
    }
    Ok(Standings { posts: out, done })
}

/// The decisions taken so far, and the steps a post's appointment needs (in order).
pub fn chain(
    db: &mut Db,
    actor: &SelectionRole,
    code: &str,
    post: &Position,
    on: NaiveDate,
) -> Result<(Vec<Step>, Vec<store::Decision>), AppError> {
    let s = selection(db, actor, code)?;
    // The Sekda of a regency or city (a province's Sekda is appointed by the President).
    let sekda = post.name.to_lowercase().starts_with("sekretaris daerah")
        && !actor.tenant.code.starts_with("prov");
    let tenant_rules = master_store::rules(db, &actor.tenant)?;
    let steps = rules::approval_chain(sekda, &calendar_of(&s), on, &tenant_rules.selection);
    let taken = store::decisions(db, actor.tenant.id, s.id)?
        .into_iter()
        .filter(|d| d.position_id == post.id)
        .collect();
    Ok((steps, taken))
}

/// A step of a post's approval chain to record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decide<'a> {
    /// The post's code.
    pub post: &'a str,
    /// The step.
    pub step: Step,
    /// The applicant (the PPK's pick).
    pub applicant_id: Option<i64>,
    /// Why, or the reference of the letter.
    pub reason: &'a str,
    /// The day.
    pub on: NaiveDate,
}

/// Records the next step of a post's approval chain: the panel's proposal and the authorities'
/// letters by the administrator, the PPK's pick of one of the three names by the PPK; each with
/// a reason, in the order the rules require (a step out of order is refused with the next one).
pub fn decide(
    db: &mut Db,
    ctx: &Ctx,
    actor: &SelectionRole,
    code: &str,
    d: &Decide<'_>,
) -> Result<(), AppError> {
    let Decide {
        post,
        step,
        applicant_id,
        reason,
        on,
    } = *d;
    match (step, actor) {
        (Step::PpkChoice, SelectionRole::DecisionMaker(_)) => {}
        (Step::PpkChoice, _) => return Err(AppError::Forbidden),
        (_, SelectionRole::Manager(_)) => {}
        _ => return Err(AppError::Forbidden),
    }
    if reason.trim().is_empty() {
        return Err(Refusal::ReasonMissing { step }.into());
    }
    let position = master_store::position_by_code(db, actor.tenant.id, post.trim())?
        .ok_or_else(|| AppError::UnknownPosition(post.to_string()))?;
    let (steps, taken) = chain(db, actor, code, &position, on)?;
    let next = steps.get(taken.len()).copied();
    if next != Some(step) {
        return Err(match next {
            Some(next) => Refusal::OutOfOrder {
                post: position.name,
                asked: step,
                next,
            },
            None => Refusal::ChainComplete {
                post: position.name,
            },
        }
        .into());
    }
    let Standings { posts: rows, done } = rank(db, actor, code, on)?;
    let proposed: Vec<i64> = rows
        .iter()
        .filter(|(p, _)| p.id == position.id)
        .flat_map(|(_, r)| r.iter().filter(|s| s.proposed).map(|s| s.applicant.id))
        .collect();
    match step {
        Step::PanelProposal if !done => {
            return Err(Refusal::ProposalBeforeClose.into());
        }
        Step::PanelProposal if proposed.is_empty() => {
            return Err(Refusal::NobodyPassed.into());
        }
        Step::PpkChoice => match applicant_id {
            Some(a) if proposed.contains(&a) => {}
            _ => return Err(Refusal::NotProposed { applicant_id }.into()),
        },
        _ => {}
    }
    let chosen = match step {
        Step::PpkChoice => applicant_id,
        _ => taken.iter().find_map(|d| {
            (d.step == Step::PpkChoice.code())
                .then_some(d.applicant_id)
                .flatten()
        }),
    };
    let s = selection(db, actor, code)?;
    let now = ts(ctx);
    db.transaction(|tx| {
        store::add_decision(tx, actor.tenant.id, s.id, &store::Decision {
            position_id: position.id,
            step: step.code().into(),
            applicant_id: chosen,
            reason: reason.trim().into(),
            decided_by: actor.login.clone(),
            decided_at: now.clone(),
        })?;
        ctx.record(tx, actor.tenant.id, "selection.decision", &format!("selection:{}", s.code),
            serde_json::json!({ "post": position.code, "step": step.code(), "applicant": chosen, "reason": reason.trim() }))?;
        Ok(())
    })
}

/// The selections of the tenant (staff, the PPK, and panel members see the list).
pub fn list(db: &mut Db, actor: &SelectionRole) -> Result<Vec<Selection>, AppError> {
    Ok(store::list(db, actor.tenant.id)?)
}

/// The selections in which the actor sits on the panel.
pub fn my_panels(db: &mut Db, actor: &Can<PanelScore>) -> Result<Vec<Selection>, AppError> {
    let Some(account) = actor.account_id else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for s in store::list(db, actor.tenant.id)? {
        if store::members(db, actor.tenant.id, s.id)?
            .iter()
            .any(|m| m.account_id == Some(account))
        {
            out.push(s);
        }
    }
    Ok(out)
}

/// The public announcement of a selection: what anyone may read without signing in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement {
    /// Government.
    pub government: String,
    /// Selection name.
    pub name: String,
    /// Posts (names).
    pub posts: Vec<String>,
    /// Requirements.
    pub requirements: String,
    /// Application period.
    pub opens_on: String,
    /// Last day.
    pub closes_on: String,
    /// Stages with their weights.
    pub stages: Vec<String>,
    /// Panel: name and organisation.
    pub panel: Vec<String>,
    /// Per closed stage: who passed (names; with the stage score when the selection publishes
    /// scores).
    pub results: Vec<(String, Vec<String>)>,
}

/// The announcement of selection `code` of government `tenant_code` (no sign-in).
pub fn announcement(db: &mut Db, tenant_code: &str, code: &str) -> Result<Announcement, AppError> {
    let tenant = master_store::tenant_by_code(db, tenant_code)?
        .ok_or_else(|| AppError::UnknownTenant(tenant_code.to_string()))?;
    let reader = Actor {
        account_id: None,
        name: "publik".into(),
        login: "publik".into(),
        tenant: tenant.clone(),
        role: crate::access::Role::TenantAdmin,
        employee_id: None,
        tenants: Vec::new(),
        credential: crate::access::Credential::ApiKey,
    };
    let st = State::load(db, &reader, code)?;
    let names: HashMap<i64, String> = master_store::list_positions(db, tenant.id)?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let mut results = Vec::new();
    for (k, stage) in st.stages.iter().enumerate() {
        if !st.closed.contains(stage.kind.code()) {
            break;
        }
        let passed: Vec<String> = st
            .applicants
            .iter()
            .filter(|a| st.in_stage(a, k) && st.stage_result(a.id, k).1 == Some(true))
            .map(
                |a| match (st.s.publish_scores, st.stage_result(a.id, k).0) {
                    (true, Some(x)) => format!("{} ({:.2})", a.name, f64::from(x) / 100.0),
                    _ => a.name.clone(),
                },
            )
            .collect();
        results.push((stage.kind.label().to_string(), passed));
    }
    Ok(Announcement {
        government: tenant.name.clone(),
        name: st.s.name.clone(),
        posts: store::posts(db, tenant.id, st.s.id)?
            .iter()
            .filter_map(|p| names.get(p).cloned())
            .collect(),
        requirements: st.s.requirements.clone(),
        opens_on: st.s.opens_on.clone(),
        closes_on: st.s.closes_on.clone(),
        stages: st
            .stages
            .iter()
            .map(|s| match s.pass {
                rules::PassRule::PassFail => {
                    format!("{} (memenuhi/tidak memenuhi syarat)", s.kind.label())
                }
                rules::PassRule::MinScore(m) => format!(
                    "{} (bobot {}%, nilai lulus {:.2})",
                    s.kind.label(),
                    s.weight,
                    f64::from(m) / 100.0
                ),
            })
            .collect(),
        panel: st
            .members
            .iter()
            .map(|m| {
                format!(
                    "{}{} ({})",
                    m.name,
                    if m.chair { ", ketua" } else { "" },
                    m.organisation
                )
            })
            .collect(),
        results,
    })
}

/// A score kept in hundredths as a number (`8550` is 85.5).
fn hundredths(v: u32) -> Cell {
    Cell::Number(f64::from(v) / 100.0)
}

/// The three names per post (PDF), for the PPK.
pub fn three_names_pdf(s: &Selection, standings: &Standings) -> Result<Vec<u8>, AppError> {
    let mut t = Table::new(
        format!("Tiga nama calon per jabatan - {}", s.name),
        rules::TIE_RULE,
        vec![
            Column::text("Jabatan").at(40.0),
            Column::number("Urutan").at(260.0),
            Column::text("Nama").at(300.0),
            Column::decimal("Nilai akhir", 2).at(495.0),
        ],
    );
    for (p, list) in &standings.posts {
        for (i, x) in list.iter().filter(|x| x.proposed).enumerate() {
            t.push(vec![
                (&p.name).into(),
                (i + 1).into(),
                (&x.applicant.name).into(),
                x.total.map(hundredths).unwrap_or_default(),
            ]);
        }
    }
    export::pdf(&t.to_document())
}

/// The stage recap (XLSX, dated `now`): every applicant of every post with each stage's
/// result.
pub fn recap_xlsx(
    s: &Selection,
    standings: &Standings,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, AppError> {
    let stages = stages_of(s);
    let mut columns = vec![
        Column::text("Jabatan").width(40.0),
        Column::number("Peringkat"),
        Column::text("Nama").width(34.0),
    ];
    columns.extend(stages.iter().map(|x| Column::number(x.kind.label())));
    columns.extend([
        Column::number("Nilai akhir"),
        Column::text("Lolos semua tahap"),
        Column::text("Diusulkan"),
    ]);
    let mut sheet = Sheet::new("Rekap", columns);
    sheet.title = vec![format!("Rekap {}", s.name)];
    for (p, list) in &standings.posts {
        for (i, x) in list.iter().enumerate() {
            let mut row: Vec<Cell> =
                vec![(&p.name).into(), (i + 1).into(), (&x.applicant.name).into()];
            row.extend(
                x.stages
                    .iter()
                    .map(|(score, passed)| match (score, passed) {
                        (Some(v), _) => hundredths(*v),
                        (None, Some(b)) => if *b { "memenuhi" } else { "tidak memenuhi" }.into(),
                        _ => Cell::Empty,
                    }),
            );
            row.extend([
                x.total.map(hundredths).unwrap_or_default(),
                if x.passed_all { "ya" } else { "tidak" }.into(),
                if x.proposed { "ya" } else { "" }.into(),
            ]);
            sheet.rows.push(row);
        }
    }
    export::xlsx(vec![sheet], now)
}

/// A draft of the decision letter naming the PPK's pick for each post that has one: an
/// official document, PDF/A dated `now`.
pub fn decision_letter_pdf(
    db: &mut Db,
    actor: &SelectionRole,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, AppError> {
    actor.staff()?;
    let s = selection(db, actor, code)?;
    let applicants: HashMap<i64, Applicant> = store::applicants(db, actor.tenant.id, s.id)?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let mut lines = Vec::new();
    for d in store::decisions(db, actor.tenant.id, s.id)?
        .iter()
        .filter(|d| d.step == Step::PpkChoice.code())
    {
        let post = master_store::position(db, actor.tenant.id, d.position_id)?
            .map(|p| p.name)
            .unwrap_or_default();
        let who = d
            .applicant_id
            .and_then(|a| applicants.get(&a))
            .map(|a| a.name.clone())
            .unwrap_or_default();
        lines.push(vec![who.into(), post.into(), (&d.reason).into()]);
    }
    if lines.is_empty() {
        return Err(Refusal::NoPpkChoice.into());
    }
    let mut t = Table::new(
        format!("RANCANGAN KEPUTUSAN {}", actor.tenant.name.to_uppercase()),
        format!(
            "tentang pengangkatan dalam jabatan hasil {} (rancangan, bukan keputusan)",
            s.name
        ),
        vec![
            Column::text("Nama").at(40.0),
            Column::text("Jabatan").at(172.0),
            Column::text("Pertimbangan PPK").at(399.0),
        ],
    );
    t.rows = lines;
    export::archival(t.to_document(), now)
}

/// Why an open selection was refused: each rule with its facts (the words are in the web layer's i18n).
#[derive(Debug)]
pub enum Refusal {
    /// No selection with that code in this tenant.
    NotFound {
        /// The code asked for.
        code: String,
    },
    /// The actor has no seat on the panel of this selection.
    NotPanelMember {
        /// The selection's code.
        code: String,
    },
    /// The set-up of a new selection is wrong; nothing was stored.
    BadSetup {
        /// Every problem found, in the order checked.
        problems: Vec<SetupProblem>,
    },
    /// The post applied for is not one of the selection's posts.
    PostNotInSelection {
        /// The post's code, as given.
        post: String,
    },
    /// An external applicant without a name.
    ExternalNameMissing,
    /// The person has already applied for this post.
    AlreadyApplied {
        /// The applicant's name.
        name: String,
    },
    /// No applicant with that id in this selection.
    ApplicantNotFound {
        /// The applicant's id.
        applicant_id: i64,
    },
    /// Admitting an applicant who failed the automatic check needs a reason.
    AdmitAgainstCheckNeedsReason {
        /// The applicant's name.
        name: String,
    },
    /// Not admitting an applicant needs a reason.
    RejectionNeedsReason {
        /// The applicant's name.
        name: String,
    },
    /// No panel member of this selection has that name.
    UnknownMember {
        /// The name given.
        name: String,
    },
    /// A declared conflict of interest must say what the relation is.
    RelationMissing,
    /// Every stage is closed already.
    AllStagesClosed,
    /// A score for a stage other than the one running.
    WrongStage {
        /// The stage running now.
        current: StageKind,
        /// The stage the score was given for.
        asked: StageKind,
    },
    /// The assessment stage's score comes from the assessment result, not from the panel.
    AssessmentNotScored,
    /// A pass/fail stage takes no score from the panel.
    PassFailNotScored {
        /// The stage.
        stage: StageKind,
    },
    /// The applicant is not in the running stage (they did not pass an earlier one).
    NotInStage {
        /// The applicant's name.
        name: String,
    },
    /// The member declared a conflict of interest with the applicant, so cannot score them.
    OwnConflict {
        /// The applicant's name.
        name: String,
    },
    /// A score above 100.
    ScoreTooHigh {
        /// The score, in hundredths.
        score: u32,
    },
    /// A pass/fail outcome for a stage that is not the running pass/fail stage.
    NotPassFailStage {
        /// The stage the outcome was given for.
        stage: StageKind,
    },
    /// A "not passed" outcome needs a reason.
    FailNeedsReason,
    /// The stage cannot be closed: nobody is in it yet.
    NobodyInStage {
        /// The running stage.
        stage: StageKind,
    },
    /// The stage cannot be closed: some applicants in it have no result yet.
    ResultsIncomplete {
        /// The running stage.
        stage: StageKind,
        /// The names of the applicants without a result.
        missing: Vec<String>,
    },
    /// A step of the approval chain needs a reason or the reference of a letter.
    ReasonMissing {
        /// The step.
        step: Step,
    },
    /// A step out of the order the rules require.
    OutOfOrder {
        /// The post's name.
        post: String,
        /// The step asked for.
        asked: Step,
        /// The step that comes next.
        next: Step,
    },
    /// Every step of the post's approval chain is taken already.
    ChainComplete {
        /// The post's name.
        post: String,
    },
    /// The panel proposes three names only once every stage is closed.
    ProposalBeforeClose,
    /// No applicant passed every stage for this post, so there is nobody to propose.
    NobodyPassed,
    /// The PPK's pick is not one of the names the panel proposed.
    NotProposed {
        /// The applicant picked, if any.
        applicant_id: Option<i64>,
    },
    /// The draft decision letter needs the PPK's pick first.
    NoPpkChoice,
}

/// One problem of a selection's set-up (see [`Refusal::BadSetup`]).
#[derive(Debug)]
pub enum SetupProblem {
    /// The code is empty or has characters other than letters, digits and hyphens.
    BadCode,
    /// The name is empty.
    NoName,
    /// The stages break a rule of the domain (its error, whose text is Bahasa Indonesia).
    Stages {
        /// The domain's refusal of the stages.
        error: rules::SelectionError,
    },
    /// Applications close before they open.
    ClosesBeforeOpens {
        /// First day of applications.
        opens_on: NaiveDate,
        /// Last day of applications.
        closes_on: NaiveDate,
    },
    /// Fewer than three panel members.
    PanelTooSmall {
        /// How many members were given.
        members: usize,
    },
    /// The quorum is 0 or more than the panel's members.
    BadQuorum {
        /// The quorum given.
        quorum: u32,
        /// How many members the panel has.
        members: usize,
    },
    /// The panel does not have exactly one chair.
    ChairCount {
        /// How many members chair it.
        chairs: usize,
    },
    /// No post with that code in this tenant.
    UnknownPost {
        /// The code, as given.
        code: String,
    },
    /// No post chosen.
    NoPosts,
    /// The login is not an account of a panel member in this tenant.
    NotPanelAccount {
        /// The login, as given.
        login: String,
    },
    /// A selection with that code exists already.
    CodeTaken {
        /// The code.
        code: String,
    },
}
