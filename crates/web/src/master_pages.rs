//! Master-data pages: units, positions with the competency-standard editor, and the upload of
//! every import kind with its row-level report on the page and as a spreadsheet.

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{Html, Response};
use talenta_app::capability::EditMasterData;
use talenta_app::directory;
use talenta_app::import::{self, ImportError, ImportKind, ImportLimits, ImportOptions};
use talenta_domain::competency::{CompetencyCode, CoreCompetency, Level};

use crate::event_pages::{XLSX, attachment};
use crate::pages::{Layout, Viewer, csrf_of, render, respond};
use crate::{AppState, WebError};

// ---------------------------------------------------------------- units and positions

#[derive(Template)]
#[template(path = "units.html")]
struct UnitsPage {
    layout: Layout,
    title: &'static str,
    units: Vec<(String, String, usize)>,
}

/// The unit tree, parents before children.
pub async fn units(v: Viewer) -> Result<Html<String>, WebError> {
    let all = v.db(|db, a| Ok(directory::units(db, &a.grant()?)?)).await?;
    let mut out = Vec::new();
    fn walk(
        all: &[talenta_domain::master::Unit],
        parent: Option<i64>,
        depth: usize,
        out: &mut Vec<(String, String, usize)>,
    ) {
        let mut children: Vec<&talenta_domain::master::Unit> =
            all.iter().filter(|u| u.parent_id == parent).collect();
        children.sort_by(|a, b| a.name.cmp(&b.name));
        for u in children {
            out.push((u.code.clone(), u.name.clone(), depth.min(3)));
            if depth < 16 {
                walk(all, Some(u.id), depth + 1, out);
            }
        }
    }
    walk(&all, None, 0, &mut out);
    render(&UnitsPage {
        layout: v.layout(),
        title: "Unit Kerja",
        units: out,
    })
}

#[derive(Template)]
#[template(path = "positions.html")]
struct PositionsPage {
    layout: Layout,
    title: &'static str,
    positions: Vec<(i64, String, String, &'static str, String, String)>,
}

/// Every position of the tenant.
pub async fn positions(v: Viewer) -> Result<Html<String>, WebError> {
    let all = v
        .db(|db, a| Ok(directory::positions(db, &a.grant()?)?))
        .await?;
    let positions = all
        .into_iter()
        .map(|(p, unit)| {
            (
                p.id,
                p.code,
                p.name,
                p.class.label(),
                p.eselon.map(|e| e.code().to_string()).unwrap_or_default(),
                unit,
            )
        })
        .collect();
    render(&PositionsPage {
        layout: v.layout(),
        title: "Jabatan",
        positions,
    })
}

#[derive(Template)]
#[template(path = "position.html")]
struct PositionPage {
    layout: Layout,
    id: i64,
    name: String,
    code: String,
    class: &'static str,
    eselon: String,
    unit: String,
    levels: Vec<(String, String, String)>,
    editable: bool,
    csrf: String,
    error: Option<String>,
    saved: Option<String>,
}

fn competency_name(c: &CompetencyCode) -> String {
    match c {
        CompetencyCode::Core(core) => core.name().to_string(),
        CompetencyCode::Technical(_) => "Kompetensi teknis".into(),
    }
}

async fn position_page(
    v: &Viewer,
    id: i64,
    error: Option<String>,
    saved: Option<String>,
    typed: Option<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (p, unit, standard) = v
        .db(move |db, a| Ok(directory::position_detail(db, &a.grant()?, id)?))
        .await?;
    let mut levels: Vec<(String, String, String)> = CoreCompetency::ALL
        .iter()
        .map(|c| {
            let code = CompetencyCode::Core(*c);
            let v = standard
                .iter()
                .find(|(k, _)| *k == code)
                .map(|(_, l)| l.to_string())
                .unwrap_or_default();
            (c.code().to_string(), c.name().to_string(), v)
        })
        .collect();
    levels.extend(
        standard
            .iter()
            .filter(|(c, _)| c.is_technical())
            .map(|(c, l)| (c.code().to_string(), competency_name(c), l.to_string())),
    );
    if let Some(typed) = typed {
        for l in levels.iter_mut() {
            if let Some((_, v)) = typed.iter().find(|(k, _)| *k == l.0) {
                l.2 = v.clone();
            }
        }
    }
    let status = crate::event_pages::form_status(&error);
    let view = PositionPage {
        layout: v.layout(),
        id: p.id,
        name: p.name,
        code: p.code,
        class: p.class.label(),
        eselon: p
            .eselon
            .map(|e| e.code().to_string())
            .unwrap_or_else(|| "-".into()),
        unit,
        levels,
        editable: v.actor.holds::<EditMasterData>(),
        csrf: csrf_of(&v.actor),
        error,
        saved,
    };
    respond(status, &view)
}

/// One position with its standard (an editor for those who may change it).
pub async fn position(
    v: Viewer,
    crate::extract::Id(id): crate::extract::Id,
) -> Result<Response, WebError> {
    position_page(&v, id, None, None, None).await
}

/// Saves a position's standard from the editor; every level is checked, none is lost on error.
pub async fn save_standard(
    v: Viewer,
    crate::extract::Id(id): crate::extract::Id,
    axum::Form(form): crate::event_pages::FormPairs,
) -> Result<Response, WebError> {
    let typed: Vec<(String, String)> = form.into_iter().filter(|(k, _)| k != "_csrf").collect();
    let mut levels = Vec::new();
    let mut problems = Vec::new();
    for (k, v) in &typed {
        if v.trim().is_empty() {
            continue;
        }
        match (CompetencyCode::parse(k), Level::parse(v)) {
            (Ok(c), Ok(l)) => levels.push((c, l)),
            (Err(e), _) => problems.push(format!("{k}: {e}")),
            (_, Err(e)) => problems.push(format!("{k}: {e}")),
        }
    }
    if !problems.is_empty() {
        return position_page(&v, id, Some(problems.join("; ")), None, Some(typed)).await;
    }
    let ctx = v.ctx();
    match v
        .db(move |db, a| Ok(directory::set_standard(db, &a.grant()?, &ctx, id, &levels)?))
        .await
    {
        Ok(()) => {
            let saved = Some("Standar kompetensi disimpan.".into());
            position_page(&v, id, None, saved, None).await
        }
        Err(WebError::BadRequest(m)) => position_page(&v, id, Some(m), None, Some(typed)).await,
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------- imports

struct ImportResult {
    refused: Option<String>,
    summary: Option<String>,
    error_summary: String,
    errors: Vec<(usize, String, String, String)>,
    warnings: Vec<(usize, String, String, String)>,
    report_id: String,
    download_label: &'static str,
}

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    layout: Layout,
    title: &'static str,
    kind_label: &'static str,
    file_label: &'static str,
    templates_label: &'static str,
    csrf: String,
    kinds: Vec<(&'static str, &'static str, bool)>,
    result: Option<ImportResult>,
}

fn import_page(v: &Viewer, chosen: Option<ImportKind>, result: Option<ImportResult>) -> ImportPage {
    ImportPage {
        layout: v.layout(),
        title: "Impor Data",
        kind_label: "Jenis data",
        file_label: "Berkas (.xlsx atau .csv)",
        templates_label: "Templat",
        csrf: csrf_of(&v.actor),
        kinds: ImportKind::ALL
            .iter()
            .map(|k| (k.code(), k.label(), Some(*k) == chosen))
            .collect(),
        result,
    }
}

/// The upload form.
pub async fn import_form(v: Viewer) -> Result<Html<String>, WebError> {
    render(&import_page(&v, None, None))
}

fn lines(v: &[import::RowError]) -> Vec<(usize, String, String, String)> {
    v.iter()
        .map(|e| (e.row, e.column.clone(), e.value.clone(), e.reason.clone()))
        .collect()
}

/// Receives an upload, imports it atomically, shows the outcome with every row error.
pub async fn import_upload(v: Viewer, mut multipart: Multipart) -> Result<Response, WebError> {
    let mut kind = None;
    let dir = tempfile::tempdir().map_err(|_| WebError::Internal("temp".into()))?;
    let mut file = None;
    let limit = v.state.config.upload_limit;
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|_| WebError::BadRequest("unggahan tidak dapat dibaca".into()))?
    {
        match field.name() {
            Some("kind") => {
                let v = field
                    .text()
                    .await
                    .map_err(|_| WebError::BadRequest("jenis data tidak dapat dibaca".into()))?;
                kind = ImportKind::parse(&v);
            }
            Some("file") => {
                let original = field.file_name().unwrap_or("unggahan").to_string();
                let ext = std::path::Path::new(&original)
                    .extension()
                    .and_then(|e| e.to_str())
                    .unwrap_or("")
                    .to_lowercase();
                let stem: String = std::path::Path::new(&original)
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("unggahan")
                    .chars()
                    .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
                    .take(60)
                    .collect();
                let path = dir.path().join(format!(
                    "{}.{ext}",
                    if stem.is_empty() { "unggahan" } else { &stem }
                ));
                let mut bytes: u64 = 0;
                let mut out = Vec::new();
                while let Some(chunk) = field
                    .chunk()
                    .await
                    .map_err(|_| WebError::BadRequest("unggahan terputus".into()))?
                {
                    bytes += chunk.len() as u64;
                    if bytes > limit {
                        return Err(WebError::BadRequest(format!(
                            "berkas lebih besar dari batas {} MB",
                            limit / 1_000_000
                        )));
                    }
                    out.extend_from_slice(&chunk);
                }
                std::fs::write(&path, out).map_err(|_| WebError::Internal("temp".into()))?;
                file = Some(path);
            }
            _ => {}
        }
    }
    let Some(kind) = kind else {
        return Err(WebError::BadRequest("pilih jenis data".into()));
    };
    let Some(path) = file else {
        return Err(WebError::BadRequest("pilih berkas".into()));
    };
    let ctx = v.ctx();
    let options = ImportOptions {
        limits: ImportLimits {
            max_file_bytes: limit,
            ..ImportLimits::default()
        },
        as_of: v.state.now().date_naive(),
    };
    let outcome = v
        .db(move |db, a| {
            let r =
                import::import_file(db, &ctx, &a.grant()?, kind, &path, &options, &mut |_, _| {});
            drop(dir);
            match r {
                Ok(o) => {
                    let id = if o.errors.is_empty() && o.warnings.is_empty() {
                        String::new()
                    } else {
                        import::keep_report(db, &a.grant()?, &ctx, kind, &o)?
                    };
                    Ok(Ok((o, id)))
                }
                Err(ImportError::Store(s)) => Err(WebError::from(s)),
                Err(other) => Ok(Err(other.to_string())),
            }
        })
        .await?;
    let (status, result) = match outcome {
        Err(refused) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            ImportResult {
                refused: Some(format!("Berkas ditolak: {refused}")),
                summary: None,
                error_summary: String::new(),
                errors: vec![],
                warnings: vec![],
                report_id: String::new(),
                download_label: "",
            },
        ),
        Ok((o, id)) => {
            let accepted = o.accepted();
            let c = o.counts;
            (
                if accepted { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY },
                ImportResult {
                    refused: None,
                    summary: accepted.then(|| {
                        format!(
                            "Impor {} selesai: {} baris dibaca, {} baru, {} diperbarui, {} tidak berubah.",
                            kind.label(),
                            o.rows,
                            c.inserted,
                            c.updated,
                            c.unchanged
                        )
                    }),
                    error_summary: format!(
                        "{} baris dibaca, {} kesalahan; tidak ada data yang diubah. Perbaiki baris berikut lalu unggah ulang.",
                        o.rows,
                        o.errors.len()
                    ),
                    errors: lines(&o.errors),
                    warnings: lines(&o.warnings),
                    report_id: id,
                    download_label: "Unduh laporan (.xlsx)",
                },
            )
        }
    };
    respond(status, &import_page(&v, Some(kind), Some(result)))
}

/// A workbook `write` makes in a temporary folder (as `name` there), as a file to save called
/// `filename`; failing to make or read it is an internal error called `what`.
fn workbook_file(
    name: &str,
    what: &str,
    filename: String,
    write: impl FnOnce(&std::path::Path) -> std::io::Result<()>,
) -> Result<Response, WebError> {
    let dir = tempfile::tempdir().map_err(|_| WebError::Internal("temp".into()))?;
    let path = dir.path().join(name);
    write(&path).map_err(|_| WebError::Internal(what.into()))?;
    let bytes = std::fs::read(&path).map_err(|_| WebError::Internal(what.into()))?;
    Ok(attachment(XLSX, filename, bytes))
}

/// A kept import report as a spreadsheet.
pub async fn import_report(v: Viewer, Path(id): Path<String>) -> Result<Response, WebError> {
    let found = v
        .db(move |db, a| Ok(import::kept_report(db, &a.grant()?, &id)?))
        .await?;
    let Some((kind, errors, warnings)) = found else {
        return Err(WebError::NotFound);
    };
    workbook_file(
        "laporan.xlsx",
        "report",
        format!("laporan-impor-{kind}.xlsx"),
        |path| import::report::write_report(path, &errors, &warnings, v.state.now()),
    )
}

/// An empty import template.
pub async fn import_template(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, WebError> {
    let kind = file
        .strip_suffix(".xlsx")
        .and_then(ImportKind::parse)
        .ok_or(WebError::NotFound)?;
    workbook_file(
        "templat.xlsx",
        "template",
        format!("templat-{}.xlsx", kind.code()),
        |path| import::template::write_template(kind, path, state.now()),
    )
}
