//! Assessment events: the list, one event with its schedule, planning it, its roster workbook.

use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use talenta_app::access::{Actor, Credential, Permission};
use talenta_app::event;

use crate::pages::{Layout, page_layout};
use crate::{AppState, WebError};

fn render(t: &impl Template) -> Result<Html<String>, WebError> {
    t.render()
        .map(Html)
        .map_err(|_| WebError::Internal("template".into()))
}

#[derive(Template)]
#[template(path = "events.html")]
struct EventsPage {
    layout: Layout,
    events: Vec<(String, String, String, usize, usize, usize, String)>,
}

fn dates(s: &event::EventSummary) -> String {
    s.dates
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a} s.d. {b}")
            }
        })
        .unwrap_or_default()
}

/// Every event of the tenant.
pub async fn events(
    State(state): State<AppState>,
    headers: HeaderMap,
    Extension(actor): Extension<Actor>,
) -> Result<Html<String>, WebError> {
    let a = actor.clone();
    let all = state.db(move |db| Ok(event::list(db, &a)?)).await?;
    let events = all
        .iter()
        .map(|s| {
            (
                s.event.code.clone(),
                s.event.name.clone(),
                dates(s),
                s.participants,
                s.scheduled,
                s.assessors,
                s.event.status.clone(),
            )
        })
        .collect();
    render(&EventsPage {
        layout: page_layout(&headers, Some(&actor)),
        events,
    })
}

#[derive(Template)]
#[template(path = "event.html")]
struct EventPage {
    layout: Layout,
    code: String,
    name: String,
    participants: usize,
    assessors: usize,
    dates: String,
    can_plan: bool,
    csrf: String,
    error: Option<String>,
    summary: Option<String>,
    excluded: Vec<(String, String, String)>,
    lines: Vec<(u32, String, u32, String, String, String, String)>,
}

async fn event_page(
    state: &AppState,
    headers: &HeaderMap,
    actor: &Actor,
    code: String,
    outcome: Option<Result<event::Plan, String>>,
) -> Result<Response, WebError> {
    let a = actor.clone();
    let c = code.clone();
    let (summary, lines) = state
        .db(move |db| {
            let summary = event::list(db, &a)?
                .into_iter()
                .find(|s| s.event.code == c)
                .ok_or(WebError::NotFound)?;
            let lines = match event::roster(db, &a, &c) {
                Ok((_, l)) => l,
                Err(talenta_app::AppError::Invalid(_)) => Vec::new(),
                Err(e) => return Err(e.into()),
            };
            Ok((summary, lines))
        })
        .await?;
    let (status, error, done, excluded) = match outcome {
        None => (StatusCode::OK, None, None, Vec::new()),
        Some(Err(e)) => (StatusCode::UNPROCESSABLE_ENTITY, Some(e), None, Vec::new()),
        Some(Ok(plan)) => (
            StatusCode::OK,
            None,
            Some(format!(
                "Jadwal disusun: {} peserta, {} pasangan dikecualikan karena konflik kepentingan.",
                plan.participants,
                plan.excluded.len()
            )),
            plan.excluded
                .iter()
                .map(|x| {
                    (
                        x.assessor.clone(),
                        x.participant.clone(),
                        x.reasons
                            .iter()
                            .map(|r| r.to_string())
                            .collect::<Vec<_>>()
                            .join("; "),
                    )
                })
                .collect(),
        ),
    };
    let view = EventPage {
        layout: page_layout(headers, Some(actor)),
        dates: dates(&summary),
        code: summary.event.code.clone(),
        name: summary.event.name.clone(),
        participants: summary.participants,
        assessors: summary.assessors,
        can_plan: actor.may(Permission::EditMasterData, None)
            && summary.event.status != "published",
        csrf: match &actor.credential {
            Credential::Session { csrf } => csrf.clone(),
            Credential::ApiKey => String::new(),
        },
        error,
        summary: done,
        excluded,
        lines: lines
            .into_iter()
            .map(|l| {
                (
                    l.day_no,
                    l.date.to_string(),
                    l.session_no,
                    l.nip.to_string(),
                    l.name,
                    l.opd,
                    l.assessors.join(", "),
                )
            })
            .collect(),
    };
    Ok((status, render(&view)?).into_response())
}

/// One event with its schedule.
pub async fn event(
    State(state): State<AppState>,
    headers: HeaderMap,
    Extension(actor): Extension<Actor>,
    Path(code): Path<String>,
) -> Result<Response, WebError> {
    event_page(&state, &headers, &actor, code, None).await
}

/// Plans the event's schedule and shows the outcome (or why it cannot be made).
pub async fn schedule(
    State(state): State<AppState>,
    headers: HeaderMap,
    Extension(actor): Extension<Actor>,
    Path(code): Path<String>,
) -> Result<Response, WebError> {
    let ctx = actor.ctx(&state.config.audit_key, state.now());
    let a = actor.clone();
    let c = code.clone();
    let outcome = state
        .db(move |db| match event::plan(db, &ctx, &a, &c) {
            Ok(p) => Ok(Ok(p)),
            Err(talenta_app::AppError::Invalid(m)) => Ok(Err(m)),
            Err(e) => Err(WebError::from(e)),
        })
        .await?;
    event_page(&state, &headers, &actor, code, Some(outcome)).await
}

/// The roster workbook of a scheduled event.
pub async fn roster(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    Path(code): Path<String>,
) -> Result<Response, WebError> {
    let (ev, lines) = state
        .db(move |db| Ok(event::roster(db, &actor, &code)?))
        .await?;
    let dir = tempfile::tempdir().map_err(|_| WebError::Internal("temp".into()))?;
    let path = dir.path().join("daftar.xlsx");
    event::write_roster_xlsx(&ev, &lines, &path)?;
    let bytes = std::fs::read(&path).map_err(|_| WebError::Internal("roster".into()))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"daftar-{}.xlsx\"", ev.code),
            ),
        ],
        bytes,
    )
        .into_response())
}
