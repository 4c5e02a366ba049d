//! The rotation plan: who goes to which post when a government moves many officials at once.
//! Every candidate gets one of the plan's posts or keeps out of it; the plan maximises the total
//! fit (JPM against each post's standard in hundredths of a percent, plus a weight for the
//! performance axis and one for staying in place) subject to eligibility (a lateral move within
//! the rung, or a promotion that meets every requirement; never down), a minimum time in post,
//! forbidden and pinned pairs and a maximum number of moves. The assignment is solved exactly by
//! `talenta_planning::assignment`; the move limit by a penalty per move raised until the limit
//! holds (the plan found is optimal for that penalty). An impossible plan is explained.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use talenta_domain::Nip;
use talenta_domain::eligibility;
use talenta_domain::jpm::{Jpm, match_profile};
use talenta_domain::master::{Employee, Position};
use talenta_export::{Column, Table};
use talenta_planning::assignment::{FORBIDDEN, Infeasible, solve};
use talenta_store::Db;
use talenta_store::master as store;

use crate::capability::{Can, ViewTalentMap};
use crate::talent::{newest_valid, talent_map};
use crate::{AppError, Ctx, export};

/// What to plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanSpec {
    /// The posts in the plan (codes).
    pub posts: Vec<String>,
    /// Further candidates besides the holders of those posts.
    pub candidates: Vec<Nip>,
    /// Added fit per step of the performance axis (below 0, meets 1, above 2), in hundredths of
    /// a percent of JPM.
    pub performance_weight: u32,
    /// Added fit for staying in one's own post.
    pub stay_weight: u32,
    /// Nobody moves who has been in their post fewer months.
    pub min_months_in_post: u32,
    /// Pairs that may not be used.
    pub forbidden: Vec<(Nip, String)>,
    /// Pairs that must be used.
    pub pinned: Vec<(Nip, String)>,
    /// At most this many people move (`None`: no limit).
    pub max_moves: Option<u32>,
    /// A job-fit test (selection code) whose outcome weighs in: the weight for staying counts
    /// only for officials found Optimal in their post, and each line shows the outcome.
    pub job_fit: Option<String>,
}

/// One person in the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanLine {
    /// The person.
    pub employee: Employee,
    /// Their post now.
    pub from: Option<Position>,
    /// Their post in the plan (`None`: not given one of the plan's posts).
    pub to: Option<Position>,
    /// JPM against the post now.
    pub fit_now: Option<Jpm>,
    /// JPM against the post in the plan.
    pub fit_plan: Option<Jpm>,
    /// The best JPM this person has against any plan post they may take.
    pub best_elsewhere: Option<(Jpm, String)>,
    /// Whether they move.
    pub moves: bool,
    /// Why they may not move, if so.
    pub held: Option<String>,
    /// The job-fit outcome in their post, with its advice.
    pub job_fit: Option<(talenta_domain::Category, &'static str)>,
}

/// A computed plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Per person, the movers first.
    pub lines: Vec<PlanLine>,
    /// Posts left without anyone.
    pub vacant: Vec<Position>,
    /// Total fit of the plan (JPM hundredths plus weights).
    pub total_fit: i64,
    /// Total fit if nobody moved (the same weights).
    pub total_now: i64,
    /// People who move.
    pub moves: usize,
    /// The penalty per move the move limit needed (0: none).
    pub move_penalty: i64,
}

/// The posts of the actor's tenant, to name the posts of a plan by code.
pub fn posts(db: &mut Db, actor: &Can<ViewTalentMap>) -> Result<Vec<Position>, AppError> {
    Ok(store::list_positions(db, actor.tenant.id)?)
}

/// Computes the plan.
pub fn plan(
    db: &mut Db,
    ctx: &Ctx,
    actor: &Can<ViewTalentMap>,
    spec: &PlanSpec,
    as_of: NaiveDate,
) -> Result<Plan, AppError> {
    let tenant = actor.tenant.id;
    if spec.posts.is_empty() {
        return Err(Refusal::NoPosts.into());
    }
    let rules = store::rules(db, &actor.tenant)?;
    let all_posts: HashMap<String, Position> = store::list_positions(db, tenant)?
        .into_iter()
        .map(|p| (p.code.clone(), p))
        .collect();
    let mut posts: Vec<Position> = Vec::new();
    let mut unknown = Vec::new();
    for code in &spec.posts {
        match all_posts.get(code.trim()) {
            Some(p) if !posts.iter().any(|x| x.id == p.id) => posts.push(p.clone()),
            Some(_) => {}
            None => unknown.push(code.clone()),
        }
    }
    if !unknown.is_empty() {
        return Err(Refusal::UnknownPosts { codes: unknown }.into());
    }
    let employees = store::list_employees(db, tenant)?;
    let by_nip: HashMap<Nip, &Employee> = employees.iter().map(|e| (e.nip, e)).collect();
    let post_ids: HashSet<i64> = posts.iter().map(|p| p.id).collect();
    let mut people: Vec<Employee> = employees
        .iter()
        .filter(|e| e.position_id.is_some_and(|p| post_ids.contains(&p)))
        .cloned()
        .collect();
    let mut missing = Vec::new();
    for n in &spec.candidates {
        match by_nip.get(n) {
            Some(e) if !people.iter().any(|x| x.id == e.id) => people.push((*e).clone()),
            Some(_) => {}
            None => missing.push(*n),
        }
    }
    if !missing.is_empty() {
        return Err(Refusal::NotEmployees { nips: missing }.into());
    }
    if people.is_empty() {
        return Err(Refusal::NoCandidates.into());
    }
    let col_of: HashMap<&str, usize> = posts
        .iter()
        .enumerate()
        .map(|(j, p)| (p.code.as_str(), j))
        .collect();
    let row_of: HashMap<Nip, usize> = people.iter().enumerate().map(|(i, e)| (e.nip, i)).collect();
    let pair = |(n, code): &(Nip, String)| -> Result<(usize, usize), AppError> {
        let i = *row_of.get(n).ok_or(Refusal::NotCandidate { nip: *n })?;
        let j = *col_of
            .get(code.trim())
            .ok_or_else(|| Refusal::PostNotInPlan { code: code.clone() })?;
        Ok((i, j))
    };
    let forbidden: Vec<(usize, usize)> =
        spec.forbidden.iter().map(pair).collect::<Result<_, _>>()?;
    let pinned: Vec<(usize, usize)> = spec.pinned.iter().map(pair).collect::<Result<_, _>>()?;
    // Facts per person.
    let positions_by_id: HashMap<i64, Position> =
        all_posts.values().map(|p| (p.id, p.clone())).collect();
    let map = talent_map(db, actor, as_of)?;
    let performance: HashMap<i64, u32> = map
        .placements
        .iter()
        .filter_map(|p| p.performance.map(|x| (p.employee_id, x.index() as u32)))
        .collect();
    let results = store::results(db, tenant)?;
    let ratings = store::ratings(db, tenant)?;
    let standards = store::standards(db, tenant)?;
    let job_fit: HashMap<i64, (talenta_domain::Category, &'static str)> = match &spec.job_fit {
        Some(code) => crate::selection::rank(
            db,
            &crate::selection::SelectionRole::of(actor)?,
            code.trim(),
            as_of,
        )?
        .posts
        .into_iter()
        .flat_map(|(_, list)| list)
        .filter_map(|s| Some((s.applicant.employee_id?, s.job_fit?)))
        .collect(),
        None => HashMap::new(),
    };
    let (rows, cols) = (people.len(), posts.len() + people.len());
    let scale = rows_scale(people.len());
    let mut cost = vec![FORBIDDEN; rows * cols];
    let mut fit = vec![None::<Jpm>; rows * posts.len()];
    // Months in post of those held in it (too briefly to move).
    let mut held: Vec<Option<i64>> = vec![None; rows];
    let mut why_not: HashMap<(usize, usize), Blocked> = HashMap::new();
    // Without a job-fit test everyone's staying counts; with one, only the Optimal's.
    let stays_well = |id: i64| {
        spec.job_fit.is_none()
            || job_fit
                .get(&id)
                .is_some_and(|(c, _)| *c == talenta_domain::Category::O)
    };
    for (i, e) in people.iter().enumerate() {
        let current = e.position_id.and_then(|id| positions_by_id.get(&id));
        let own_result = results
            .get(&e.id)
            .and_then(|r| newest_valid(r, as_of, rules.result_validity_years));
        if let Some(since) = e.position_since {
            let months = months_between(since, as_of);
            if months < i64::from(spec.min_months_in_post) {
                held[i] = Some(months);
            }
        }
        let perf =
            i64::from(performance.get(&e.id).copied().unwrap_or(0) * spec.performance_weight);
        let sanctions = store::sanctions_of(db, tenant, e.id)?;
        let candidate = eligibility::Candidate {
            birth_date: e.birth_date,
            appointed_on: e.nip.appointed_on(),
            education: e.education,
            rank: e.rank,
            current_class: current.map(|p| p.class),
            in_class_since: e.position_since,
            ratings: ratings
                .get(&e.id)
                .map(|r| r.iter().map(|y| (y.year, y.rating)).collect())
                .unwrap_or_default(),
            sanctions: sanctions.iter().map(|s| (s.level, s.decided_on)).collect(),
        };
        // Keeping out of the plan's posts: nothing gained, nothing lost.
        cost[i * cols + posts.len() + i] = 0;
        for (j, p) in posts.iter().enumerate() {
            let own = current.is_some_and(|c| c.id == p.id);
            let standard = standards.get(&p.id).map(Vec::as_slice).unwrap_or_default();
            let jpm = own_result.and_then(|r| {
                match_profile(&r.levels, standard, rules.technical_weight(p.class)).jpm
            });
            fit[i * posts.len() + j] = jpm;
            let allowed: Result<(), Blocked> = if own {
                Ok(())
            } else if let Some(months) = held[i] {
                Err(Blocked::TooSoon {
                    months,
                    min: spec.min_months_in_post,
                })
            } else if jpm.is_none() {
                Err(Blocked::NoResult)
            } else {
                match current.map(|c| c.class.rung().cmp(&p.class.rung())) {
                    Some(std::cmp::Ordering::Greater) => Err(Blocked::Downward),
                    Some(std::cmp::Ordering::Less) | None => {
                        let checks = eligibility::check_promotion(
                            &candidate,
                            eligibility::Target {
                                class: p.class,
                                eselon: p.eselon,
                            },
                            as_of,
                            &rules,
                        );
                        let failed: Vec<eligibility::Check> =
                            checks.into_iter().filter(|c| !c.passed).collect();
                        if failed.is_empty() {
                            Ok(())
                        } else {
                            Err(Blocked::Ineligible { failed })
                        }
                    }
                    Some(std::cmp::Ordering::Equal) => Ok(()),
                }
            };
            match allowed {
                Ok(()) => {
                    let score = jpm.map(|j| j.basis_points() as i64).unwrap_or(0)
                        + perf
                        + if own && stays_well(e.id) {
                            i64::from(spec.stay_weight)
                        } else {
                            0
                        };
                    // Scaled so that a tie between moving and staying goes to staying: nobody
                    // moves for nothing, and no real gain (at least 1) is ever outweighed.
                    cost[i * cols + j] = -(score * scale + i64::from(own));
                }
                Err(why) => {
                    why_not.insert((i, j), why);
                }
            }
        }
    }
    for (i, j) in &forbidden {
        cost[i * cols + j] = FORBIDDEN;
    }
    for &(i, j) in &pinned {
        if cost[i * cols + j] == FORBIDDEN {
            return Err(Refusal::NotPinnable {
                person: people[i].name.clone(),
                post: posts[j].name.clone(),
                why: why_not.remove(&(i, j)).unwrap_or(Blocked::Forbidden),
            }
            .into());
        }
    }
    for (k, &(i, j)) in pinned.iter().enumerate() {
        if let Some(&(i2, _)) = pinned[..k]
            .iter()
            .find(|(_, j2)| *j2 == j)
            .filter(|(i2, _)| *i2 != i)
        {
            return Err(Refusal::PostPinnedTwice {
                post: posts[j].name.clone(),
                first: people[i2].name.clone(),
                second: people[i].name.clone(),
            }
            .into());
        }
        if let Some(&(_, j2)) = pinned[..k]
            .iter()
            .find(|(i2, _)| *i2 == i)
            .filter(|(_, j2)| *j2 != j)
        {
            return Err(Refusal::PersonPinnedTwice {
                person: people[i].name.clone(),
                first: posts[j2].name.clone(),
                second: posts[j].name.clone(),
            }
            .into());
        }
    }
    for &(i, j) in &pinned {
        for k in 0..cols {
            if k != j {
                cost[i * cols + k] = FORBIDDEN;
            }
        }
        for r in 0..rows {
            if r != i {
                cost[r * cols + j] = FORBIDDEN;
            }
        }
    }
    let own_col: Vec<Option<usize>> = people
        .iter()
        .map(|e| posts.iter().position(|p| Some(p.id) == e.position_id))
        .collect();
    let is_move = |i: usize, j: usize| j < posts.len() && own_col[i] != Some(j);
    let explain = |e: Infeasible| -> AppError {
        match e {
            Infeasible::Hall { rows: r, cols: c } => Refusal::TooFewPlaces {
                people: r.iter().map(|i| people[*i].name.clone()).collect(),
                places: c
                    .iter()
                    .map(|j| {
                        if *j < posts.len() {
                            Place::Post {
                                name: posts[*j].name.clone(),
                            }
                        } else {
                            Place::StayOut {
                                name: people[j - posts.len()].name.clone(),
                            }
                        }
                    })
                    .collect(),
            }
            .into(),
            cause => Refusal::Unsolvable { cause }.into(),
        }
    };
    let run = |penalty: i64| -> Result<talenta_planning::assignment::Solution, AppError> {
        let mut c = cost.clone();
        if penalty > 0 {
            for i in 0..rows {
                for j in 0..posts.len() {
                    let x = &mut c[i * cols + j];
                    if *x != FORBIDDEN && is_move(i, j) {
                        *x += penalty;
                    }
                }
            }
        }
        solve(rows, cols, &c).map_err(explain)
    };
    let count_moves = |s: &talenta_planning::assignment::Solution| {
        s.row_to_col
            .iter()
            .enumerate()
            .filter(|(i, j)| is_move(*i, **j))
            .count()
    };
    let mut best = run(0)?;
    let mut penalty = 0i64;
    if let Some(max) = spec.max_moves {
        let forced = pinned.iter().filter(|(i, j)| is_move(*i, *j)).count();
        if forced > max as usize {
            return Err(Refusal::PinsExceedMoves { moves: forced, max }.into());
        }
        if count_moves(&best) > max as usize {
            // The smallest penalty per move that keeps the moves within the limit.
            let (mut lo, mut hi) = (0i64, 2_000_000i64 * scale);
            let mut found = run(hi)?;
            while lo + 1 < hi {
                let mid = (lo + hi) / 2;
                let s = run(mid)?;
                if count_moves(&s) <= max as usize {
                    hi = mid;
                    found = s;
                } else {
                    lo = mid;
                }
            }
            best = found;
            penalty = (hi + scale - 1) / scale;
        }
    }
    let score = |i: usize, j: usize| -> i64 {
        if cost[i * cols + j] == FORBIDDEN {
            0
        } else {
            // Undo the scale and the staying tie-break.
            (-cost[i * cols + j]).div_euclid(scale)
        }
    };
    let total_fit: i64 = best
        .row_to_col
        .iter()
        .enumerate()
        .map(|(i, j)| score(i, *j))
        .sum();
    let total_now: i64 = (0..rows)
        .map(|i| own_col[i].map(|j| score(i, j)).unwrap_or(0))
        .sum();
    let taken: HashSet<usize> = best
        .row_to_col
        .iter()
        .copied()
        .filter(|j| *j < posts.len())
        .collect();
    let mut lines: Vec<PlanLine> = people
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let j = best.row_to_col[i];
            let best_elsewhere = (0..posts.len())
                .filter(|k| cost[i * cols + k] != FORBIDDEN)
                .filter_map(|k| fit[i * posts.len() + k].map(|f| (f, posts[k].name.clone())))
                .max_by_key(|(f, _)| f.basis_points());
            PlanLine {
                employee: e.clone(),
                from: e
                    .position_id
                    .and_then(|id| positions_by_id.get(&id))
                    .cloned(),
                to: (j < posts.len()).then(|| posts[j].clone()),
                fit_now: own_col[i].and_then(|k| fit[i * posts.len() + k]),
                fit_plan: (j < posts.len())
                    .then(|| fit[i * posts.len() + j])
                    .flatten(),
                best_elsewhere,
                moves: is_move(i, j),
                held: held[i].map(|months| {
                    format!(
                        "baru {months} bulan pada jabatan sekarang (minimal {} bulan)",
                        spec.min_months_in_post
                    )
                }),
                job_fit: job_fit.get(&e.id).copied(),
            }
        })
        .collect();
    lines.sort_by(|a, b| {
        b.moves
            .cmp(&a.moves)
            .then_with(|| a.employee.name.cmp(&b.employee.name))
    });
    let moves = lines.iter().filter(|l| l.moves).count();
    db.transaction(|tx| {
        ctx.record(
            tx,
            tenant,
            "result.read",
            "rotation",
            serde_json::json!({ "use": "rotation_plan", "people": rows, "posts": posts.len(), "moves": moves }),
        )?;
        Ok::<(), AppError>(())
    })?;
    Ok(Plan {
        vacant: posts
            .iter()
            .enumerate()
            .filter(|(j, _)| !taken.contains(j))
            .map(|(_, p)| p.clone())
            .collect(),
        lines,
        total_fit,
        total_now,
        moves,
        move_penalty: penalty,
    })
}

/// The factor that leaves room below each unit of fit for the staying tie-break (at most one
/// per person).
fn rows_scale(rows: usize) -> i64 {
    rows as i64 + 1
}

fn months_between(from: NaiveDate, to: NaiveDate) -> i64 {
    use chrono::Datelike;
    let m =
        i64::from(to.year() - from.year()) * 12 + i64::from(to.month()) - i64::from(from.month());
    if to.day() < from.day() { m - 1 } else { m }
}

/// The draft decree list: the people who move, with NIP, rank, old and new post and JPM (the
/// rank and JPM in the sheet only).
fn decree_table(plan: &Plan) -> Table {
    let mut t = Table::new(
        "Rancangan lampiran keputusan pemindahan dalam jabatan",
        format!("{} orang pindah; rancangan, bukan keputusan", plan.moves),
        vec![
            Column::number("No").at(40.0),
            Column::text("NIP").width(20.0).at(62.0),
            Column::text("Nama").width(34.0).at(173.0),
            Column::text("Pangkat/Gol."),
            Column::text("Jabatan lama").width(40.0).at(300.0),
            Column::text("Jabatan baru").width(40.0).at(428.0),
            Column::number("JPM lama (%)"),
            Column::number("JPM baru (%)"),
        ],
    );
    for (k, l) in plan.lines.iter().filter(|l| l.moves).enumerate() {
        t.push(vec![
            (k + 1).into(),
            export::nip(l.employee.nip),
            (&l.employee.name).into(),
            l.employee.rank.map(|g| g.code()).unwrap_or("-").into(),
            l.from.as_ref().map(|p| p.name.as_str()).into(),
            l.to.as_ref().map(|p| p.name.as_str()).into(),
            export::jpm(l.fit_now),
            export::jpm(l.fit_plan),
        ]);
    }
    t
}

/// The draft decree list as a workbook dated `now`.
pub fn decree_xlsx(plan: &Plan, now: DateTime<Utc>) -> Result<Vec<u8>, AppError> {
    let mut sheet = decree_table(plan).to_sheet("Rancangan SK");
    // The sheet's heading in full, as before (too wide for a printed heading line).
    sheet.title =
        vec!["RANCANGAN LAMPIRAN KEPUTUSAN: PEMINDAHAN DAN PENGANGKATAN DALAM JABATAN".into()];
    export::xlsx(vec![sheet], now)
}

/// The draft decree list as a PDF/A dated `now` (a draft of an official document).
pub fn decree_pdf(plan: &Plan, now: DateTime<Utc>) -> Result<Vec<u8>, AppError> {
    export::archival(decree_table(plan).to_document(), now)
}

/// Why the rotation plan was refused: each rule with its facts (the words are in the web layer's i18n).
#[derive(Debug)]
pub enum Refusal {
    /// No post was chosen for the plan.
    NoPosts,
    /// Post codes that are no post of this tenant.
    UnknownPosts {
        /// The codes as given, in the order given.
        codes: Vec<String>,
    },
    /// Further candidates whose NIP is no employee of this tenant.
    NotEmployees {
        /// The NIPs, in the order given.
        nips: Vec<Nip>,
    },
    /// Nobody to plan: the chosen posts are empty and no further candidate was named.
    NoCandidates,
    /// A pinned or forbidden pair names someone who is not a candidate of the plan.
    NotCandidate {
        /// The NIP of the pair.
        nip: Nip,
    },
    /// A pinned or forbidden pair names a post that is not in the plan.
    PostNotInPlan {
        /// The post code of the pair, as given.
        code: String,
    },
    /// A pinned pair that may not be used.
    NotPinnable {
        /// The person's name.
        person: String,
        /// The post's name.
        post: String,
        /// Why the pair may not be used.
        why: Blocked,
    },
    /// One post is pinned for two people.
    PostPinnedTwice {
        /// The post's name.
        post: String,
        /// The person pinned first.
        first: String,
        /// The person pinned second.
        second: String,
    },
    /// One person is pinned to two posts.
    PersonPinnedTwice {
        /// The person's name.
        person: String,
        /// The post named first.
        first: String,
        /// The post named second.
        second: String,
    },
    /// The pins alone already mean more moves than the move limit.
    PinsExceedMoves {
        /// Moves the pins mean.
        moves: usize,
        /// The move limit.
        max: u32,
    },
    /// These people together may take fewer places than they are (the planning crate's
    /// `Infeasible::Hall`, its row and column numbers resolved into names).
    TooFewPlaces {
        /// The people's names.
        people: Vec<String>,
        /// Every place any of them may take (none: not a single post).
        places: Vec<Place>,
    },
    /// The assignment could not be computed otherwise.
    Unsolvable {
        /// The planning crate's reason, as it gave it.
        cause: Infeasible,
    },
}

/// Why a person may not take a post in the plan.
#[derive(Debug)]
pub enum Blocked {
    /// In the current post too briefly to move.
    TooSoon {
        /// Months in the current post.
        months: i64,
        /// The plan's minimum months in post.
        min: u32,
    },
    /// No valid assessment result for the post.
    NoResult,
    /// The post is on a lower rung.
    Downward,
    /// A promotion whose requirements are not all met.
    Ineligible {
        /// The failed checks (the domain's, each with its reason in Bahasa Indonesia).
        failed: Vec<eligibility::Check>,
    },
    /// The pair is forbidden in the plan.
    Forbidden,
}

/// A place a person of the plan may take.
#[derive(Debug)]
pub enum Place {
    /// One of the plan's posts.
    Post {
        /// The post's name.
        name: String,
    },
    /// Keeping out of the plan's posts.
    StayOut {
        /// The person's name.
        name: String,
    },
}
