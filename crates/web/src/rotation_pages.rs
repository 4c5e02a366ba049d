//! The rotation plan page: the plan is a function of the form, so the form travels in the
//! address (GET): every edit (a pin, a forbidden pair, a weight) re-solves, and a plan can be
//! bookmarked and exported exactly as shown.

use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use talenta_app::access::Actor;
use talenta_app::rotation::{self, Plan, PlanSpec};

use crate::event_pages::{Format, download};
use crate::pages::{Layout, Viewer, jpm_text, render, respond};
use crate::{AppState, WebError};

/// The rotation form's fields, as the address carries them.
type FormQuery = Query<Vec<(String, String)>>;

/// What was typed into the form.
#[derive(Debug, Clone, Default)]
pub struct RotationForm {
    posts: String,
    class: String,
    count: String,
    candidates: String,
    perf: String,
    stay: String,
    min_months: String,
    max_moves: String,
    pinned: String,
    forbidden: String,
    job_fit: String,
}

impl RotationForm {
    fn from_pairs(pairs: &[(String, String)]) -> RotationForm {
        let mut f = RotationForm::default();
        for (k, v) in pairs {
            let slot = match k.as_str() {
                "jabatan" => &mut f.posts,
                "kelas" => &mut f.class,
                "jumlah" => &mut f.count,
                "calon" => &mut f.candidates,
                "bobot_kinerja" => &mut f.perf,
                "bobot_tetap" => &mut f.stay,
                "min_bulan" => &mut f.min_months,
                "maks_pindah" => &mut f.max_moves,
                "sematkan" => &mut f.pinned,
                "larang" => &mut f.forbidden,
                "uji_kesesuaian" => &mut f.job_fit,
                _ => continue,
            };
            *slot = v.clone();
        }
        f
    }

    fn pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("jabatan", self.posts.clone()),
            ("kelas", self.class.clone()),
            ("jumlah", self.count.clone()),
            ("calon", self.candidates.clone()),
            ("bobot_kinerja", self.perf.clone()),
            ("bobot_tetap", self.stay.clone()),
            ("min_bulan", self.min_months.clone()),
            ("maks_pindah", self.max_moves.clone()),
            ("sematkan", self.pinned.clone()),
            ("larang", self.forbidden.clone()),
            ("uji_kesesuaian", self.job_fit.clone()),
        ]
    }

    fn query(&self) -> String {
        serde_urlencoded::to_string(self.pairs()).unwrap_or_default()
    }

    fn is_empty(&self) -> bool {
        self.posts.trim().is_empty() && self.class.trim().is_empty()
    }

    /// The plan this form asks for, or what is wrong with it (every field checked).
    fn spec(&self, positions: &[talenta_domain::master::Position]) -> Result<PlanSpec, String> {
        let mut problems = Vec::new();
        let number = |label: &str, v: &str, default: u32, problems: &mut Vec<String>| -> u32 {
            if v.trim().is_empty() {
                return default;
            }
            v.trim().parse::<u32>().unwrap_or_else(|_| {
                problems.push(format!("{label}: '{}' bukan bilangan bulat", v.trim()));
                default
            })
        };
        let mut posts: Vec<String> = self
            .posts
            .split(['\n', ',', ';'])
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if !self.class.trim().is_empty() {
            match talenta_domain::PositionClass::parse(&self.class) {
                Some(class) => {
                    let n = number("jumlah jabatan", &self.count, 50, &mut problems) as usize;
                    // Spread over the whole government rather than the first OPDs.
                    let of_class: Vec<&talenta_domain::master::Position> =
                        positions.iter().filter(|p| p.class == class).collect();
                    let step = (of_class.len() / n.max(1)).max(1);
                    posts.extend(
                        of_class
                            .iter()
                            .step_by(step)
                            .take(n)
                            .map(|p| p.code.clone()),
                    );
                }
                None => problems.push(format!("kelas jabatan '{}' tidak dikenal", self.class)),
            }
        }
        let pairs = |text: &str,
                     label: &str,
                     problems: &mut Vec<String>|
         -> Vec<(talenta_domain::Nip, String)> {
            text.lines()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .filter_map(|line| match line.split_once('=') {
                    Some((n, code)) => match talenta_domain::Nip::parse(n.trim()) {
                        Ok(nip) => Some((nip, code.trim().to_string())),
                        Err(e) => {
                            problems.push(format!("{label} '{line}': {e}"));
                            None
                        }
                    },
                    None => {
                        problems.push(format!("{label} '{line}': tulis NIP=KODE_JABATAN"));
                        None
                    }
                })
                .collect()
        };
        let spec = PlanSpec {
            candidates: crate::event_pages::nip_list(&self.candidates, "NIP", &mut problems),
            performance_weight: number("bobot kinerja", &self.perf, 0, &mut problems),
            stay_weight: number("bobot tetap", &self.stay, 0, &mut problems),
            min_months_in_post: number("minimal bulan", &self.min_months, 0, &mut problems),
            max_moves: if self.max_moves.trim().is_empty() {
                None
            } else {
                Some(number(
                    "paling banyak pindah",
                    &self.max_moves,
                    0,
                    &mut problems,
                ))
            },
            pinned: pairs(&self.pinned, "sematkan", &mut problems),
            forbidden: pairs(&self.forbidden, "larang", &mut problems),
            job_fit: Some(self.job_fit.trim().to_string()).filter(|c| !c.is_empty()),
            posts,
        };
        crate::event_pages::checked(spec, problems)
    }

    /// This form with one more line in a pairs field.
    fn with(&self, field: &str, line: String) -> RotationForm {
        let mut f = self.clone();
        let slot = if field == "sematkan" {
            &mut f.pinned
        } else {
            &mut f.forbidden
        };
        if !slot.trim().is_empty() {
            slot.push('\n');
        }
        slot.push_str(&line);
        f
    }
}

struct LineView {
    name: String,
    nip: String,
    from: String,
    fit_now: String,
    to: String,
    fit_plan: String,
    best: String,
    note: String,
    moves: bool,
    pin_link: String,
    forbid_link: String,
}

struct PlanView {
    summary: String,
    vacant: String,
    lines: Vec<LineView>,
}

#[derive(Template)]
#[template(path = "rotation.html")]
struct RotationPage {
    layout: Layout,
    f: RotationForm,
    error: Option<String>,
    plan: Option<PlanView>,
    query: String,
}

/// The name of a post, or `none` when there is none.
fn post_name(post: Option<&talenta_domain::master::Position>, none: &str) -> String {
    post.map(|p| p.name.clone()).unwrap_or_else(|| none.into())
}

async fn compute(
    state: &AppState,
    actor: &Actor,
    form: &RotationForm,
    lang: crate::i18n::Lang,
) -> Result<Result<Plan, String>, WebError> {
    let ctx = actor.ctx(&state.config.audit_key, state.now());
    let as_of = state.now().date_naive();
    let (a, f) = (actor.clone(), form.clone());
    state
        .db(move |db| {
            let positions = rotation::posts(db, &a.grant()?)?;
            let spec = match f.spec(&positions) {
                Ok(s) => s,
                Err(e) => return Ok(Err(e)),
            };
            crate::event_pages::shown(rotation::plan(db, &ctx, &a.grant()?, &spec, as_of), lang)
        })
        .await
}

/// The form, and the plan it asks for.
pub async fn rotation(v: Viewer, Query(pairs): FormQuery) -> Result<Response, WebError> {
    let mut form = RotationForm::from_pairs(&pairs);
    if form.is_empty() && pairs.is_empty() {
        form.class = "pengawas".into();
        form.count = "50".into();
        form.perf = "200".into();
        form.min_months = "12".into();
        return Ok(render(&RotationPage {
            layout: v.layout(),
            f: form,
            error: None,
            plan: None,
            query: String::new(),
        })?
        .into_response());
    }
    let outcome = compute(&v.state, &v.actor, &form, crate::i18n::Lang::of(&v.headers)).await?;
    let (status, error, plan) = match outcome {
        Err(e) => (StatusCode::UNPROCESSABLE_ENTITY, Some(e), None),
        Ok(p) => {
            let view = PlanView {
                summary: format!(
                    "{} orang pindah dari {} calon; kecocokan total {} (tanpa perpindahan {}){}.",
                    p.moves,
                    p.lines.len(),
                    p.total_fit,
                    p.total_now,
                    if p.move_penalty > 0 {
                        format!(
                            "; batas perpindahan dipenuhi dengan penalti {} per pindah",
                            p.move_penalty
                        )
                    } else {
                        String::new()
                    }
                ),
                vacant: p
                    .vacant
                    .iter()
                    .map(|v| v.name.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
                lines: p
                    .lines
                    .iter()
                    .map(|l| {
                        let to_code = l.to.as_ref().map(|t| t.code.clone());
                        LineView {
                            name: l.employee.name.clone(),
                            nip: l.employee.nip.to_string(),
                            from: post_name(l.from.as_ref(), "-"),
                            fit_now: jpm_text(l.fit_now),
                            to: post_name(l.to.as_ref(), "tidak mendapat jabatan dalam rencana"),
                            fit_plan: jpm_text(l.fit_plan),
                            best: l
                                .best_elsewhere
                                .as_ref()
                                .map(|(j, name)| format!("{} ({name})", jpm_text(Some(*j))))
                                .unwrap_or_else(|| "-".into()),
                            note: format!(
                                "{}{}",
                                l.job_fit
                                    .map(|(c, advice)| format!("{}: {advice}; ", c.label()))
                                    .unwrap_or_default(),
                                if let Some(h) = &l.held {
                                    format!("tertahan: {h}")
                                } else if l.moves {
                                    "pindah".into()
                                } else if l.to.is_some() {
                                    "tetap, cocok di tempatnya".into()
                                } else {
                                    String::new()
                                }
                            ),
                            moves: l.moves,
                            pin_link: to_code
                                .as_ref()
                                .map(|c| {
                                    form.with(
                                        "sematkan",
                                        format!("{}={c}", l.employee.nip.digits()),
                                    )
                                    .query()
                                })
                                .unwrap_or_default(),
                            forbid_link: to_code
                                .as_ref()
                                .map(|c| {
                                    form.with("larang", format!("{}={c}", l.employee.nip.digits()))
                                        .query()
                                })
                                .unwrap_or_default(),
                        }
                    })
                    .collect(),
            };
            (StatusCode::OK, None, Some(view))
        }
    };
    let view = RotationPage {
        layout: v.layout(),
        query: form.query(),
        f: form,
        error,
        plan,
    };
    respond(status, &view)
}

async fn export(
    state: &AppState,
    actor: &Actor,
    pairs: &[(String, String)],
) -> Result<Plan, WebError> {
    let form = RotationForm::from_pairs(pairs);
    compute(state, actor, &form, crate::i18n::Lang::Id)
        .await?
        .map_err(WebError::BadRequest)
}

/// The draft decree list of the plan the form asks for, as a file to save.
async fn decree(
    v: Viewer,
    pairs: &[(String, String)],
    format: Format,
) -> Result<Response, WebError> {
    let p = export(&v.state, &v.actor, pairs).await?;
    let bytes = match format {
        Format::Xlsx => rotation::decree_xlsx(&p, v.state.now())?,
        Format::Pdf => rotation::decree_pdf(&p, v.state.now())?,
    };
    Ok(download(format, "rancangan-sk-rotasi", bytes))
}

/// The draft decree list of the plan (.xlsx).
pub async fn rotation_xlsx(v: Viewer, Query(pairs): FormQuery) -> Result<Response, WebError> {
    decree(v, &pairs, Format::Xlsx).await
}

/// The draft decree list of the plan (.pdf).
pub async fn rotation_pdf(v: Viewer, Query(pairs): FormQuery) -> Result<Response, WebError> {
    decree(v, &pairs, Format::Pdf).await
}

/// The plan as JSON, from the same parameters as the page.
pub async fn api_rotation(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    Query(pairs): FormQuery,
) -> Result<axum::Json<serde_json::Value>, crate::error::ApiError> {
    let p = export(&state, &actor, &pairs).await?;
    Ok(axum::Json(serde_json::json!({
        "moves": p.moves, "total_fit": p.total_fit, "total_now": p.total_now, "move_penalty": p.move_penalty,
        "vacant": p.vacant.iter().map(|v| v.code.clone()).collect::<Vec<_>>(),
        "people": p.lines.iter().map(|l| serde_json::json!({
            "nip": l.employee.nip.digits(), "name": l.employee.name,
            "from": l.from.as_ref().map(|x| x.code.clone()), "to": l.to.as_ref().map(|x| x.code.clone()),
            "jpm_now": l.fit_now.map(|j| j.percent()), "jpm_plan": l.fit_plan.map(|j| j.percent()),
            "moves": l.moves, "held": l.held,
        })).collect::<Vec<_>>(),
    })))
}
