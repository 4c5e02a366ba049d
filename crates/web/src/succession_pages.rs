//! Succession pages: posts that are or will be vacant, and a post's ranked successors with
//! every requirement's outcome and reason, exported as XLSX and PDF.

use std::collections::HashMap;

use askama::Template;
use axum::extract::Query;
use axum::response::{Html, Response};
use talenta_app::succession;

use crate::WebError;
use crate::event_pages::{Format, download};
use crate::extract::Id;
use crate::pages::{Layout, Viewer, jpm_text, render};

#[derive(Template)]
#[template(path = "vacancies.html")]
struct VacanciesPage {
    layout: Layout,
    months: u32,
    as_of: String,
    rows: Vec<(i64, String, &'static str, String, String)>,
}

/// `?bulan=N` (default 12): months ahead; anything else is refused with the reason.
fn months(q: &HashMap<String, String>) -> Result<u32, WebError> {
    match q.get("bulan").map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(12),
        Some(m) => m
            .parse::<u32>()
            .ok()
            .filter(|m| *m <= 120)
            .ok_or_else(|| WebError::BadRequest(format!("bulan '{m}' harus bilangan 0-120"))),
    }
}

/// Structural posts vacant now or whose holder retires within the months.
pub async fn vacancies(
    v: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Html<String>, WebError> {
    let months = months(&q)?;
    let as_of = v.state.now().date_naive();
    let list = v
        .db(move |db, a| Ok(succession::vacancies(db, &a.grant()?, as_of, months)?))
        .await?;
    render(&VacanciesPage {
        layout: v.layout(),
        months,
        as_of: as_of.to_string(),
        rows: list
            .into_iter()
            .map(|v| {
                (
                    v.position.id,
                    v.position.name,
                    v.position.class.label(),
                    v.unit,
                    match (v.holder, v.from) {
                        (Some(h), Some(d)) => format!("kosong mulai {d}: {} pensiun", h.name),
                        _ => "kosong".into(),
                    },
                )
            })
            .collect(),
    })
}

struct Row {
    id: i64,
    nip: String,
    name: String,
    post: String,
    talent_box: u8,
    jpm: String,
    category: &'static str,
    readiness: &'static str,
    checks: Vec<String>,
}

#[derive(Template)]
#[template(path = "successors.html")]
struct SuccessorsPage {
    layout: Layout,
    id: i64,
    post: String,
    class: &'static str,
    as_of: String,
    tie_rule: &'static str,
    rows: Vec<Row>,
}

async fn list(v: &Viewer, id: i64) -> Result<succession::SuccessionList, WebError> {
    let ctx = v.ctx();
    let as_of = v.state.now().date_naive();
    v.db(move |db, a| Ok(succession::successors(db, &ctx, &a.grant()?, id, as_of)?))
        .await
}

/// A post's ranked successors.
pub async fn successors(v: Viewer, Id(id): Id) -> Result<Html<String>, WebError> {
    let l = list(&v, id).await?;
    render(&SuccessorsPage {
        layout: v.layout(),
        id,
        post: l.position.name.clone(),
        class: l.position.class.label(),
        as_of: l.as_of.to_string(),
        tie_rule: l.tie_rule,
        rows: l
            .candidates
            .iter()
            .map(|s| Row {
                id: s.employee.id,
                nip: s.employee.nip.to_string(),
                name: s.employee.name.clone(),
                post: s.position.name.clone(),
                talent_box: s.talent_box,
                jpm: jpm_text(s.jpm),
                category: s.category.map(|c| c.code()).unwrap_or("-"),
                readiness: s.readiness.label(),
                checks: s
                    .checks
                    .iter()
                    .map(|c| format!("{} {}", if c.passed { "✓" } else { "✗" }, c.reason))
                    .chain(
                        s.missing
                            .iter()
                            .filter(|m| m.starts_with("JPM") || m.starts_with("belum ada hasil"))
                            .map(|m| format!("✗ {m}")),
                    )
                    .collect(),
            })
            .collect(),
    })
}

/// A post's ranked successors as a file to save.
async fn successors_file(v: Viewer, id: i64, format: Format) -> Result<Response, WebError> {
    let l = list(&v, id).await?;
    let bytes = match format {
        Format::Xlsx => succession::successors_xlsx(&l, v.state.now())?,
        Format::Pdf => succession::successors_pdf(&l)?,
    };
    Ok(download(
        format,
        &format!("suksesi-{}", l.position.code),
        bytes,
    ))
}

/// The list as a workbook.
pub async fn successors_xlsx(v: Viewer, Id(id): Id) -> Result<Response, WebError> {
    successors_file(v, id, Format::Xlsx).await
}

/// The list as a PDF.
pub async fn successors_pdf(v: Viewer, Id(id): Id) -> Result<Response, WebError> {
    successors_file(v, id, Format::Pdf).await
}
