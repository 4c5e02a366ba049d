//! Open selection and job-fit pages: the list and the set-up form, a selection's page for the
//! administrator (applications, screening, pass/fail outcomes, closing stages, standings, the
//! approval chain), the panel member's scoring page (their own scores only), the PPK's page
//! (one of three names, with a reason), the public announcement, and the documents.

use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use talenta_app::access::Actor;
use talenta_app::capability::{Can, ManageSelection};
use talenta_app::selection::{self, Decide, Kind, PanelSpec, SelectionRole, SelectionSpec, Who};
use talenta_app::{AppError, Ctx, Db};
use talenta_domain::selection::{Calendar, PassRule, Stage, StageKind, Step};

use crate::event_pages::{
    EventAction, EventRequest, FormPairs, PDF, PageOutcome, XLSX, attachment, shown,
};
use crate::pages::{Layout, Viewer, csrf_of, page_layout, render, respond};
use crate::{AppState, WebError};

fn hundredths(v: u32) -> String {
    format!("{:.2}", f64::from(v) / 100.0).replace('.', ",")
}

/// What was typed into the set-up form, kept when it is refused.
#[derive(Debug, Clone, Default)]
pub struct SelectionForm {
    code: String,
    name: String,
    kind: String,
    posts: String,
    stages: String,
    quorum: String,
    requirements: String,
    opens_on: String,
    closes_on: String,
    acting_head: bool,
    candidates_set_on: String,
    sworn_in_on: String,
    publish_scores: bool,
    panel: String,
}

impl SelectionForm {
    fn defaults() -> SelectionForm {
        SelectionForm {
            kind: "terbuka".into(),
            stages: "makalah:30:60\npresentasi:30:60\nwawancara:40:65\nkesehatan-psikologi:0:lulus"
                .into(),
            quorum: "3".into(),
            ..SelectionForm::default()
        }
    }

    fn from_pairs(pairs: &[(String, String)]) -> SelectionForm {
        let mut f = SelectionForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "code" => f.code = v.clone(),
                "name" => f.name = v.clone(),
                "kind" => f.kind = v.clone(),
                "posts" => f.posts = v.clone(),
                "stages" => f.stages = v.clone(),
                "quorum" => f.quorum = v.clone(),
                "requirements" => f.requirements = v.clone(),
                "opens_on" => f.opens_on = v.clone(),
                "closes_on" => f.closes_on = v.clone(),
                "acting_head" => f.acting_head = v == "1",
                "candidates_set_on" => f.candidates_set_on = v.clone(),
                "sworn_in_on" => f.sworn_in_on = v.clone(),
                "publish_scores" => f.publish_scores = v == "1",
                "panel" => f.panel = v.clone(),
                _ => {}
            }
        }
        f
    }

    /// The selection this form describes, or every problem with it.
    fn spec(&self) -> Result<SelectionSpec, String> {
        let mut problems = Vec::new();
        let date = |label: &str, v: &str, problems: &mut Vec<String>| {
            chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").unwrap_or_else(|_| {
                problems.push(format!(
                    "{label} '{}' tidak sah: gunakan TTTT-BB-HH",
                    v.trim()
                ));
                chrono::NaiveDate::MIN
            })
        };
        let dates = |label: &str, v: &str, problems: &mut Vec<String>| -> Vec<chrono::NaiveDate> {
            v.split(',')
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(|d| date(label, d, problems))
                .collect()
        };
        let mut stages = Vec::new();
        for line in self.stages.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let parts: Vec<&str> = line.split(':').map(str::trim).collect();
            let Some(kind) = parts.first().and_then(|k| StageKind::parse(k)) else {
                problems.push(format!(
                    "tahap '{line}': jenis tidak dikenal (asesmen, makalah, presentasi, wawancara, rekam-jejak, kesehatan-psikologi)"
                ));
                continue;
            };
            let weight = parts.get(1).and_then(|w| w.parse::<u8>().ok());
            let pass = match parts.get(2).copied() {
                Some("lulus") => Some(PassRule::PassFail),
                Some(m) => selection::parse_score(m).ok().map(PassRule::MinScore),
                None => None,
            };
            match (weight, pass) {
                (Some(weight), Some(pass)) => stages.push(Stage { kind, weight, pass }),
                _ => problems.push(format!("tahap '{line}': tulis tahap:bobot:nilai lulus")),
            }
        }
        let mut panel = Vec::new();
        for line in self.panel.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let p: Vec<&str> = line.split('|').map(str::trim).collect();
            if p.len() < 4 || p[0].is_empty() {
                problems.push(format!(
                    "pansel '{line}': tulis Nama|Organisasi|luar/dalam|ketua/anggota|akun"
                ));
                continue;
            }
            panel.push(PanelSpec {
                name: p[0].into(),
                organisation: p[1].into(),
                external: p[2] == "luar",
                chair: p[3] == "ketua",
                login: p.get(4).filter(|l| !l.is_empty()).map(|l| l.to_string()),
            });
        }
        let spec = SelectionSpec {
            code: self.code.trim().into(),
            name: self.name.trim().into(),
            kind: if self.kind == "kesesuaian" {
                Kind::JobFit
            } else {
                Kind::Open
            },
            posts: self
                .posts
                .split(['\n', ','])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            stages,
            quorum: self.quorum.trim().parse().unwrap_or_else(|_| {
                problems.push(format!(
                    "kuorum '{}' bukan bilangan bulat",
                    self.quorum.trim()
                ));
                0
            }),
            requirements: self.requirements.clone(),
            opens_on: date("tanggal dibuka", &self.opens_on, &mut problems),
            closes_on: date("tanggal ditutup", &self.closes_on, &mut problems),
            calendar: Calendar {
                acting_head: self.acting_head,
                candidates_set_on: dates("penetapan calon", &self.candidates_set_on, &mut problems),
                sworn_in_on: dates("pelantikan", &self.sworn_in_on, &mut problems),
            },
            panel,
            publish_scores: self.publish_scores,
        };
        crate::event_pages::checked(spec, problems)
    }
}

#[derive(Template)]
#[template(path = "selections.html")]
struct SelectionsPage {
    layout: Layout,
    tenant: String,
    rows: Vec<(String, String, &'static str, String, String)>,
    can_create: bool,
    csrf: String,
    f: SelectionForm,
    error: Option<String>,
    summary: Option<String>,
}

async fn selections_page(
    v: &Viewer,
    f: SelectionForm,
    outcome: PageOutcome,
) -> Result<Response, WebError> {
    let actor = &v.actor;
    let list = v
        .db(|db, a| Ok(selection::list(db, &SelectionRole::of(a)?)?))
        .await?;
    let (status, error, summary) = crate::event_pages::shown_outcome(outcome);
    let view = SelectionsPage {
        layout: v.layout(),
        tenant: actor.tenant.code.clone(),
        rows: list
            .iter()
            .map(|s| {
                (
                    s.code.clone(),
                    s.name.clone(),
                    if s.kind == "kesesuaian" {
                        "uji kesesuaian"
                    } else {
                        "seleksi terbuka"
                    },
                    format!("{} s.d. {}", s.opens_on, s.closes_on),
                    format!("/seleksi/{}", s.code),
                )
            })
            .collect(),
        can_create: actor.holds::<ManageSelection>(),
        csrf: csrf_of(actor),
        f,
        error,
        summary,
    };
    respond(status, &view)
}

/// The selections and the set-up form.
pub async fn selections(v: Viewer) -> Result<Response, WebError> {
    selections_page(&v, SelectionForm::defaults(), None).await
}

/// Creates a selection from the form (every field checked; what was typed is kept).
pub async fn create(v: Viewer, axum::Form(pairs): FormPairs) -> Result<Response, WebError> {
    let f = SelectionForm::from_pairs(&pairs);
    let outcome = match f.spec() {
        Err(e) => Err(e),
        Ok(spec) => {
            let ctx = v.ctx();
            let lang = crate::i18n::Lang::of(&v.headers);
            v.db(move |db, a| {
                shown(
                    selection::create(db, &ctx, &a.grant()?, &spec)
                        .map(|s| format!("Seleksi {} dibuat.", s.name)),
                    lang,
                )
            })
            .await?
        }
    };
    let keep = if outcome.is_ok() {
        SelectionForm::defaults()
    } else {
        f
    };
    selections_page(&v, keep, Some(outcome)).await
}

struct ApplicantView {
    id: i64,
    name: String,
    post: String,
    auto: Vec<String>,
    status: String,
}

type PostView = (
    String,
    Vec<(String, Vec<String>, String, String)>,
    Vec<String>,
    String,
    String,
    String,
);

#[derive(Template)]
#[template(path = "selection.html")]
struct SelectionPage {
    layout: Layout,
    tenant: String,
    code: String,
    name: String,
    kind: &'static str,
    current: String,
    pass_fail: bool,
    done: bool,
    csrf: String,
    error: Option<String>,
    summary: Option<String>,
    applicants: Vec<ApplicantView>,
    stage_names: Vec<&'static str>,
    tie_rule: &'static str,
    posts: Vec<PostView>,
}

async fn selection_page(p: EventRequest, outcome: PageOutcome) -> Result<Response, WebError> {
    let EventRequest { viewer: v, code: c } = p;
    let actor = &v.actor;
    let (today, ctx) = (v.state.now().date_naive(), v.ctx());
    let selection::AdminView {
        selection: sel,
        standings,
        applicants,
        positions,
        chains,
        closed: current,
    } = v
        .db(move |db, a| {
            selection::admin_view(db, &ctx, &SelectionRole::of(a)?, &c, today)?
                .ok_or(WebError::NotFound)
        })
        .await?;
    let stages = selection::stages_of(&sel);
    let closed_count = standings.done;
    let post_name = |id: i64| {
        positions
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    let (status, error, summary) = crate::event_pages::shown_outcome(outcome);
    let current_stage = stages
        .iter()
        .find(|s| !current.contains(&s.kind.code().to_string()))
        .copied();
    let view = SelectionPage {
        layout: v.layout(),
        tenant: actor.tenant.code.clone(),
        code: sel.code.clone(),
        name: sel.name.clone(),
        kind: if sel.kind == "kesesuaian" {
            "Uji kesesuaian (job fit)"
        } else {
            "Seleksi terbuka"
        },
        current: current_stage
            .map(|s| s.kind.label().to_string())
            .unwrap_or_else(|| "semua tahap selesai".into()),
        pass_fail: current_stage.is_some_and(|s| s.pass == PassRule::PassFail),
        done: closed_count,
        csrf: csrf_of(actor),
        error,
        summary,
        applicants: applicants
            .iter()
            .map(|a| ApplicantView {
                id: a.id,
                name: a.name.clone(),
                post: post_name(a.position_id),
                auto: a.auto_check.lines().map(str::to_string).collect(),
                status: if a.admin_reason.is_empty() {
                    a.admin_status.clone()
                } else {
                    format!("{} ({})", a.admin_status, a.admin_reason)
                },
            })
            .collect(),
        stage_names: stages.iter().map(|s| s.kind.label()).collect(),
        tie_rule: talenta_domain::selection::TIE_RULE,
        posts: standings
            .posts
            .iter()
            .zip(&chains)
            .map(|((p, list), (steps, taken))| {
                let next = steps.get(taken.len()).copied();
                (
                    p.name.clone(),
                    list.iter()
                        .map(|s| {
                            (
                                s.applicant.name.clone(),
                                s.stages
                                    .iter()
                                    .map(|(v, ok)| match (v, ok) {
                                        (Some(v), _) => hundredths(*v),
                                        (None, Some(true)) => "memenuhi".into(),
                                        (None, Some(false)) => "tidak memenuhi".into(),
                                        _ => "-".into(),
                                    })
                                    .collect(),
                                s.total.map(hundredths).unwrap_or_else(|| "-".into()),
                                {
                                    let mut notes = Vec::new();
                                    if s.proposed {
                                        notes.push("diusulkan".to_string());
                                    }
                                    if let Some((c, advice)) = s.job_fit {
                                        notes.push(format!("{}: {advice}", c.label()));
                                    }
                                    notes.extend(s.constraints.iter().map(|c| c.reason.clone()));
                                    notes.join("; ")
                                },
                            )
                        })
                        .collect(),
                    steps
                        .iter()
                        .enumerate()
                        .map(|(i, st)| {
                            format!("{}{}", if i < taken.len() { "✓ " } else { "" }, st.label())
                        })
                        .collect(),
                    p.code.clone(),
                    next.map(|n| n.label()).unwrap_or_else(|| "selesai".into()),
                    next.map(|n| n.code().to_string()).unwrap_or_default(),
                )
            })
            .collect(),
    };
    respond(status, &view)
}

/// A selection's page for the administrator.
pub async fn selection_detail(p: EventRequest) -> Result<Response, WebError> {
    selection_page(p, None).await
}

fn applicant_field(a: &EventAction) -> Result<i64, String> {
    a.field("applicant")
        .parse()
        .map_err(|_| "pelamar tidak disebut".to_string())
}

/// How a yes/no verdict on an applicant is recorded: applicant, yes or no, reason.
type RecordVerdict =
    fn(&mut Db, &Ctx, &Can<ManageSelection>, &str, i64, bool, &str) -> Result<(), AppError>;

/// Records with `record` the verdict of the form on the applicant it names (its field `yes`
/// says "1" for yes; with the form's reason) and shows the selection again with what `said`
/// says of that applicant.
async fn record_verdict(
    a: EventAction,
    yes: &str,
    record: RecordVerdict,
    said: fn(i64) -> String,
) -> Result<Response, WebError> {
    let verdict = (a.field(yes) == "1", a.field("reason").to_string());
    let input = applicant_field(&a).map(|id| (id, verdict));
    a.perform_and_show(
        selection_page,
        input,
        move |db, ctx, actor, code, (id, (yes, reason))| {
            record(db, ctx, &actor.grant()?, code, id, yes, &reason)?;
            Ok(said(id))
        },
    )
    .await
}

/// Records the step of the chain of the post the form names, with the form's reason (`input`:
/// the step and the applicant it picks, or why the form was refused), and shows `page` again
/// with what `done` says of it.
async fn decide_and_show<P, Fut>(
    a: EventAction,
    page: P,
    input: Result<(Step, Option<i64>), String>,
    done: fn(Step) -> String,
) -> Result<Response, WebError>
where
    P: FnOnce(EventRequest, PageOutcome) -> Fut,
    Fut: std::future::Future<Output = Result<Response, WebError>>,
{
    let today = a.state.now().date_naive();
    let post = a.field("post").to_string();
    let reason = a.field("reason").to_string();
    a.perform_and_show(
        page,
        input,
        move |db, ctx, actor, code, (step, applicant_id)| {
            let d = Decide {
                post: &post,
                step,
                applicant_id,
                reason: &reason,
                on: today,
            };
            selection::decide(db, ctx, &SelectionRole::of(actor)?, code, &d)?;
            Ok(done(step))
        },
    )
    .await
}

/// Records an application (internal by NIP, or external "name|birth date|education|post").
pub async fn apply(a: EventAction) -> Result<Response, WebError> {
    let today = a.state.now().date_naive();
    let post = a.field("post").to_string();
    let input = (|| {
        if post.is_empty() {
            return Err("sebutkan kode jabatan yang dilamar".to_string());
        }
        if !a.field("nip").is_empty() {
            return talenta_domain::Nip::parse(a.field("nip"))
                .map(Who::Internal)
                .map_err(|e| format!("NIP: {e}"));
        }
        let p: Vec<&str> = a.field("external").split('|').map(str::trim).collect();
        if p.len() != 4 {
            return Err("isi NIP pelamar dalam, atau pelamar luar sebagai nama|tanggal lahir|pendidikan|jabatan sekarang".into());
        }
        let birth = chrono::NaiveDate::parse_from_str(p[1], "%Y-%m-%d")
            .map_err(|_| format!("tanggal lahir '{}' tidak sah: gunakan TTTT-BB-HH", p[1]))?;
        let education = talenta_domain::eligibility::Education::parse(p[2])
            .ok_or_else(|| format!("pendidikan '{}' tidak dikenal (mis. S1, S2)", p[2]))?;
        Ok(Who::External(selection::ExternalProfile {
            name: p[0].into(),
            birth_date: birth,
            education,
            current_post: p[3].into(),
        }))
    })();
    a.perform_and_show(selection_page, input, move |db, ctx, actor, code, who| {
        let id = selection::apply(db, ctx, &actor.grant()?, code, &post, &who, today)?;
        Ok(format!("Lamaran dicatat (nomor {id}); periksa hasil pemeriksaan otomatis lalu putuskan administrasinya."))
    })
    .await
}

/// Records the administrative decision on an applicant.
pub async fn screen(a: EventAction) -> Result<Response, WebError> {
    record_verdict(a, "admitted", selection::screen, |id| {
        format!("Keputusan administrasi pelamar {id} dicatat.")
    })
    .await
}

/// Records a pass/fail outcome in the current stage.
pub async fn outcome(a: EventAction) -> Result<Response, WebError> {
    let record: RecordVerdict = |db, ctx, actor, code, id, passed, reason| {
        let o = selection::Outcome {
            applicant_id: id,
            stage: StageKind::HealthPsych,
            passed,
            reason,
        };
        selection::record_outcome(db, ctx, actor, code, &o)
    };
    record_verdict(a, "passed", record, |id| {
        format!("Hasil pelamar {id} dicatat.")
    })
    .await
}

/// Closes the current stage.
pub async fn close_stage(a: EventAction) -> Result<Response, WebError> {
    a.perform_and_show(selection_page, Ok(()), |db, ctx, actor, code, ()| {
        let k = selection::close_stage(db, ctx, &actor.grant()?, code)?;
        Ok(format!(
            "Tahap {} ditutup; nilainya kini terlihat.",
            k.label()
        ))
    })
    .await
}

/// Records the next step of a post's chain (administrator's steps).
pub async fn step(a: EventAction) -> Result<Response, WebError> {
    let input = Step::parse(a.field("step"))
        .map(|step| (step, None))
        .ok_or_else(|| "langkah tidak dikenal".to_string());
    decide_and_show(a, selection_page, input, |step| {
        format!("{} dicatat.", step.label())
    })
    .await
}

/// The files made from a selection's standings.
#[derive(Clone, Copy)]
enum StandingsFile {
    /// The stage recap workbook.
    Recap,
    /// The three names per post.
    ThreeNames,
}

/// A file made from a selection's standings today.
async fn standings_file(p: EventRequest, file: StandingsFile) -> Result<Response, WebError> {
    let EventRequest { viewer: v, code } = p;
    let (now, ctx) = (v.state.now(), v.ctx());
    let bytes = v
        .db(move |db, a| {
            let sel =
                selection::find(db, &SelectionRole::of(a)?, &code)?.ok_or(WebError::NotFound)?;
            let st =
                selection::standings(db, &ctx, &SelectionRole::of(a)?, &code, now.date_naive())?;
            Ok(match file {
                StandingsFile::Recap => selection::recap_xlsx(&sel, &st, now)?,
                StandingsFile::ThreeNames => selection::three_names_pdf(&sel, &st)?,
            })
        })
        .await?;
    Ok(match file {
        StandingsFile::Recap => attachment(XLSX, "rekap-seleksi.xlsx".into(), bytes),
        StandingsFile::ThreeNames => attachment(PDF, "tiga-nama.pdf".into(), bytes),
    })
}

/// The stage recap (.xlsx).
pub async fn recap(p: EventRequest) -> Result<Response, WebError> {
    standings_file(p, StandingsFile::Recap).await
}

/// The three names per post (.pdf).
pub async fn three_names(p: EventRequest) -> Result<Response, WebError> {
    standings_file(p, StandingsFile::ThreeNames).await
}

/// The decision letter draft (.pdf).
pub async fn letter(p: EventRequest) -> Result<Response, WebError> {
    let EventRequest { viewer: v, code } = p;
    let now = v.state.now();
    let bytes = v
        .db(move |db, a| {
            Ok(selection::decision_letter_pdf(
                db,
                &SelectionRole::of(a)?,
                &code,
                now,
            )?)
        })
        .await?;
    Ok(attachment(PDF, "rancangan-keputusan.pdf".into(), bytes))
}

struct PanelRowView {
    id: i64,
    name: String,
    post: String,
    mine: String,
    conflicted: bool,
}

#[derive(Template)]
#[template(path = "selection_panel.html")]
struct PanelPage {
    layout: Layout,
    code: String,
    name: String,
    stage: String,
    stage_code: String,
    csrf: String,
    error: Option<String>,
    summary: Option<String>,
    rows: Vec<PanelRowView>,
}

async fn panel_page(p: EventRequest, outcome: PageOutcome) -> Result<Response, WebError> {
    let EventRequest { viewer: v, code: c } = p;
    let (sel, (stage, rows)) = v
        .db(move |db, a| {
            let sel = selection::find(db, &SelectionRole::of(a)?, &c)?.ok_or(WebError::NotFound)?;
            let me = selection::panel_member(db, &a.grant()?, &c);
            let view = match me.and_then(|me| selection::panel_view(db, &me)) {
                Ok(v) => v,
                Err(talenta_app::AppError::Refused(_)) => (None, Vec::new()),
                Err(e) => return Err(e.into()),
            };
            Ok((sel, view))
        })
        .await?;
    let (status, error, summary) = crate::event_pages::shown_outcome(outcome);
    let view = PanelPage {
        layout: v.layout(),
        code: sel.code.clone(),
        name: sel.name.clone(),
        stage: stage
            .map(|s| s.kind.label().to_string())
            .unwrap_or_else(|| "tidak ada tahap yang Anda nilai".into()),
        stage_code: stage.map(|s| s.kind.code().to_string()).unwrap_or_default(),
        csrf: csrf_of(&v.actor),
        error,
        summary,
        rows: rows
            .into_iter()
            .map(|r| PanelRowView {
                id: r.applicant_id,
                name: r.name,
                post: r.post,
                mine: r.mine.map(hundredths).unwrap_or_default(),
                conflicted: r.conflicted,
            })
            .collect(),
    };
    respond(status, &view)
}

/// The panel member's scoring page.
pub async fn panel(p: EventRequest) -> Result<Response, WebError> {
    panel_page(p, None).await
}

/// A member saves their score.
pub async fn score(a: EventAction) -> Result<Response, WebError> {
    let input = (|| {
        let id = applicant_field(&a)?;
        let stage =
            StageKind::parse(a.field("stage")).ok_or_else(|| "tahap tidak disebut".to_string())?;
        let v = selection::parse_score(a.field("score"))?;
        Ok((id, stage, v))
    })();
    a.perform_and_show(panel_page, input, |db, ctx, actor, code, (id, stage, v)| {
        let me = selection::panel_member(db, &actor.grant()?, code)?;
        selection::score(db, ctx, &me, id, stage, v)?;
        Ok(format!("Nilai {} disimpan.", hundredths(v)))
    })
    .await
}

/// A member declares a conflict with an applicant.
pub async fn conflict(a: EventAction) -> Result<Response, WebError> {
    let relation = a.field("relation").to_string();
    let input = applicant_field(&a);
    a.perform_and_show(panel_page, input, move |db, ctx, actor, code, id| {
        let me = selection::panel_member(db, &actor.grant()?, code)?;
        selection::declare_own_conflict(db, ctx, &me, id, &relation)?;
        Ok("Konflik kepentingan dicatat: nilai Anda untuk calon ini tidak dipakai.".into())
    })
    .await
}

#[derive(Template)]
#[template(path = "selection_decision.html")]
struct DecisionPage {
    layout: Layout,
    code: String,
    name: String,
    csrf: String,
    error: Option<String>,
    summary: Option<String>,
    posts: Vec<DecisionPost>,
}

/// A post on the PPK's page: name, code, the three names (id, name, total) and the pick made.
type DecisionPost = (String, String, Vec<(i64, String, String)>, String);

async fn decision_page(p: EventRequest, outcome: PageOutcome) -> Result<Response, WebError> {
    let EventRequest { viewer: v, code: c } = p;
    let (today, ctx) = (v.state.now().date_naive(), v.ctx());
    let (sel, st, decided) = v
        .db(move |db, a| {
            selection::decision_view(db, &ctx, &SelectionRole::of(a)?, &c, today)?
                .ok_or(WebError::NotFound)
        })
        .await?;
    let (status, error, summary) = crate::event_pages::shown_outcome(outcome);
    let proposal_made = |pid: i64| {
        decided
            .iter()
            .any(|d| d.position_id == pid && d.step == Step::PanelProposal.code())
    };
    let view = DecisionPage {
        layout: v.layout(),
        code: sel.code.clone(),
        name: sel.name.clone(),
        csrf: csrf_of(&v.actor),
        error,
        summary,
        posts: st
            .posts
            .iter()
            .map(|(p, list)| {
                let pick = decided
                    .iter()
                    .find(|d| d.position_id == p.id && d.step == Step::PpkChoice.code());
                (
                    p.name.clone(),
                    p.code.clone(),
                    if proposal_made(p.id) && pick.is_none() {
                        list.iter()
                            .filter(|s| s.proposed)
                            .map(|s| {
                                (
                                    s.applicant.id,
                                    s.applicant.name.clone(),
                                    s.total.map(hundredths).unwrap_or_default(),
                                )
                            })
                            .collect()
                    } else {
                        Vec::new()
                    },
                    pick.map(|d| {
                        let who = list
                            .iter()
                            .find(|s| Some(s.applicant.id) == d.applicant_id)
                            .map(|s| s.applicant.name.clone())
                            .unwrap_or_default();
                        format!("{who} ({}, {})", d.reason, d.decided_at)
                    })
                    .unwrap_or_default(),
                )
            })
            .collect(),
    };
    respond(status, &view)
}

/// The PPK's page: one of three names per post.
pub async fn decision(p: EventRequest) -> Result<Response, WebError> {
    decision_page(p, None).await
}

/// The PPK picks one of the three names with a reason.
pub async fn choose(a: EventAction) -> Result<Response, WebError> {
    let input = applicant_field(&a)
        .map(|id| (Step::PpkChoice, Some(id)))
        .map_err(|_| "pilih satu dari tiga nama".to_string());
    decide_and_show(a, decision_page, input, |_| {
        "Pilihan PPK ditetapkan dan dicatat dengan alasannya.".to_string()
    })
    .await
}

#[derive(Template)]
#[template(path = "announcement.html")]
struct AnnouncementPage {
    layout: Layout,
    a: selection::Announcement,
}

/// The public announcement (`/pengumuman/{tenant}.{code}`), without signing in.
pub async fn announcement(
    State(state): State<AppState>,
    headers: HeaderMap,
    actor: Option<Extension<Actor>>,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let (tenant, code) = id.split_once('.').ok_or(WebError::NotFound)?;
    let (tenant, code) = (tenant.to_string(), code.to_string());
    let a = state
        .db(
            move |db| match selection::announcement(db, &tenant, &code) {
                Ok(a) => Ok(a),
                Err(talenta_app::AppError::UnknownTenant(_)) => Err(WebError::NotFound),
                Err(e) => Err(e.into()),
            },
        )
        .await?;
    let actor = actor.map(|Extension(a)| a);
    Ok(render(&AnnouncementPage {
        layout: page_layout(&headers, actor.as_ref()),
        a,
    })?
    .into_response())
}
