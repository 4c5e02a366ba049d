//! Scoring and results pages: an assessor's participants and rating sheet (keyboard only: Tab
//! through levels and evidence, Enter saves a draft, Alt+K submits), the integration table with
//! the assessors' meeting's consensus, finalising, amending and publishing, the group recap and
//! a person's report PDF.

use std::collections::HashMap;

use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use talenta_app::capability::{Can, ManageResults};
use talenta_app::scoring::{AssessorOf, Worklist};
use talenta_app::{AppError, Ctx, Db, results, scoring};
use talenta_domain::development;
use talenta_domain::method::Method;
use talenta_domain::{CompetencyCode, Level, Nip};

use crate::WebError;
use crate::event_pages::{EventAction, EventRequest, PageOutcome, XLSX, attachment, shown};
use crate::pages::{Layout, Viewer, csrf_of, jpm_text, respond};

/// A page's query string, by name.
type QueryMap = Query<HashMap<String, String>>;

/// `?peserta=ID` of the scoring and meeting pages (anything but a number: not found).
fn participant_param(q: &HashMap<String, String>) -> Result<Option<i64>, WebError> {
    match q.get("peserta").map(|p| p.trim()) {
        None | Some("") => Ok(None),
        Some(p) => p.parse::<i64>().map(Some).map_err(|_| WebError::NotFound),
    }
}

/// The assessor's worklist of the event and, for a participant, what `read` reads of them as
/// the event's assessor.
async fn worklist_with<T, F>(
    p: &EventRequest,
    participant: Option<i64>,
    read: F,
) -> Result<(Worklist, Option<T>), WebError>
where
    T: Send + 'static,
    F: FnOnce(&mut Db, &AssessorOf, i64) -> Result<T, AppError> + Send + 'static,
{
    let c = p.code.clone();
    p.viewer
        .db(move |db, a| {
            let list = scoring::worklist(db, &a.grant()?, &c)?;
            let about = match participant {
                Some(id) => {
                    let me = scoring::assessor_of(db, &a.grant()?, &c)?;
                    Some(read(db, &me, id)?)
                }
                None => None,
            };
            Ok((list, about))
        })
        .await
}

fn level_text(l: Option<Level>) -> String {
    l.map(|l| l.value().to_string().replace('.', ","))
        .unwrap_or_default()
}

struct SheetCell {
    method: String,
    method_label: String,
    competency: String,
    competency_name: String,
    level: String,
    evidence: String,
    version: String,
    status: &'static str,
}

struct SheetView {
    employee_id: i64,
    name: String,
    nip: String,
    position: String,
    finalised: bool,
    cells: Vec<SheetCell>,
}

struct ItemView {
    id: i64,
    day: String,
    date: String,
    session: String,
    nip: String,
    name: String,
    progress: String,
    status: &'static str,
}

#[derive(Template)]
#[template(path = "scoring.html")]
struct ScoringPage {
    layout: Layout,
    code: String,
    event_name: String,
    csrf: String,
    error: Option<String>,
    summary: Option<String>,
    conflicts: Vec<String>,
    sheet: Option<SheetView>,
    items: Vec<ItemView>,
    /// The next participant on the list not yet submitted (id, name), to go on by keyboard.
    next: Option<(i64, String)>,
}

/// What a save on the sheet did, for the page.
#[derive(Default)]
struct Outcome {
    error: Option<String>,
    summary: Option<String>,
    conflicts: Vec<String>,
}

impl Outcome {
    /// A save that was refused, for this reason.
    fn failed(error: String) -> Outcome {
        Outcome {
            error: Some(error),
            ..Outcome::default()
        }
    }

    fn status(&self) -> StatusCode {
        if self.error.is_some() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else if !self.conflicts.is_empty() {
            StatusCode::CONFLICT
        } else {
            StatusCode::OK
        }
    }
}

async fn scoring_page(
    p: EventRequest,
    participant: Option<i64>,
    outcome: Outcome,
) -> Result<Response, WebError> {
    let (list, sheet) = worklist_with(&p, participant, scoring::sheet).await?;
    let sheet = sheet.map(|s| SheetView {
        employee_id: s.employee.id,
        name: s.employee.name.clone(),
        nip: s.employee.nip.to_string(),
        position: list
            .items
            .iter()
            .find(|i| i.employee_id == s.employee.id)
            .and_then(|i| i.date)
            .map(|d| format!("Dinilai {d}"))
            .unwrap_or_default(),
        finalised: s.finalised,
        cells: s
            .cells
            .iter()
            .map(|c| {
                let stored = c.stored.as_ref();
                SheetCell {
                    method: c.method.code().into(),
                    method_label: c.method.label().into(),
                    competency: c.competency.code().into(),
                    competency_name: development::name(&c.competency),
                    level: level_text(
                        stored
                            .and_then(|s| s.level_tenths)
                            .and_then(Level::from_tenths),
                    ),
                    evidence: stored.map(|s| s.evidence.clone()).unwrap_or_default(),
                    version: stored.map(|s| s.version.to_string()).unwrap_or_default(),
                    status: match stored {
                        Some(s) if s.submitted => "terkirim",
                        Some(_) => "draf",
                        None => "-",
                    },
                }
            })
            .collect(),
    });
    let status = outcome.status();
    let next = participant.and_then(|p| {
        let at = list.items.iter().position(|i| i.employee_id == p)?;
        list.items
            .iter()
            .cycle()
            .skip(at + 1)
            .take(list.items.len() - 1)
            .find(|i| !i.submitted && !i.finalised)
            .map(|i| (i.employee_id, i.name.clone()))
    });
    let view = ScoringPage {
        next,
        layout: p.viewer.layout(),
        event_name: list.event.name.clone(),
        code: p.code,
        csrf: csrf_of(&p.viewer.actor),
        error: outcome.error,
        summary: outcome.summary,
        conflicts: outcome.conflicts,
        sheet,
        items: list
            .items
            .iter()
            .map(|i| ItemView {
                id: i.employee_id,
                day: i.slot.map(|s| s.0.to_string()).unwrap_or_default(),
                date: i.date.map(|d| d.to_string()).unwrap_or_default(),
                session: match (i.slot, i.room.is_empty()) {
                    (Some((_, s)), true) => s.to_string(),
                    (Some((_, s)), false) => format!("{s} ({})", i.room),
                    (None, _) => String::new(),
                },
                nip: i.nip.clone(),
                name: i.name.clone(),
                progress: format!("{}/{}", i.rated, i.expected),
                status: if i.finalised {
                    "final"
                } else if i.submitted {
                    "terkirim"
                } else if i.rated > 0 {
                    "draf"
                } else {
                    "belum dinilai"
                },
            })
            .collect(),
    };
    respond(status, &view)
}

/// An assessor's participants in an event, or (with `?peserta=ID`) one participant's sheet.
pub async fn scoring(p: EventRequest, Query(q): QueryMap) -> Result<Response, WebError> {
    scoring_page(p, participant_param(&q)?, Outcome::default()).await
}

/// The cells of a posted sheet: `m-i` method, `c-i` competency, `l-i` level, `e-i` evidence,
/// `v-i` version it was opened at, `ol-i`/`oe-i` what it showed (to know what was changed).
fn entries(a: &EventAction) -> Result<Vec<scoring::Entry>, String> {
    let normal = |s: &str| s.replace("\r\n", "\n").trim().to_string();
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for i in 0.. {
        let method = a.field(&format!("m-{i}"));
        if method.is_empty() {
            break;
        }
        let competency = a.field(&format!("c-{i}"));
        let (Some(m), Ok(c)) = (Method::parse(method), CompetencyCode::parse(competency)) else {
            problems.push(format!(
                "baris {}: metode atau kompetensi tidak dikenal",
                i + 1
            ));
            continue;
        };
        let typed = a.field(&format!("l-{i}"));
        let level = match scoring::parse_level(typed) {
            Ok(l) => l,
            Err(e) => {
                problems.push(format!("{} {c}: {e}", m.label()));
                continue;
            }
        };
        let evidence = normal(a.field(&format!("e-{i}")));
        let version = match a.field(&format!("v-{i}")) {
            "" => None,
            v => Some(
                v.parse::<i64>()
                    .map_err(|_| format!("baris {}: versi tidak sah", i + 1))?,
            ),
        };
        let changed =
            typed != a.field(&format!("ol-{i}")) || evidence != normal(a.field(&format!("oe-{i}")));
        out.push(scoring::Entry {
            method: m,
            competency: c,
            level,
            evidence,
            version,
            changed,
        });
    }
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    if out.is_empty() {
        return Err("lembar penilaian kosong: buka lembar peserta lalu isi levelnya".into());
    }
    Ok(out)
}

/// Saves (or submits) a participant's sheet; a rating changed elsewhere since the sheet was
/// opened is refused and the stored value shown (409).
pub async fn save_scores(a: EventAction) -> Result<Response, WebError> {
    let participant = a.field("peserta").parse::<i64>().ok();
    let submit = a.field("aksi") == "kirim";
    let input = match participant {
        None => Err("peserta tidak disebut".to_string()),
        Some(p) => entries(&a).map(|e| (p, e)),
    };
    // Not being the event's assessor is an error; a refused save is shown on the page.
    let (page, saved) = a
        .perform_with(input, move |db, ctx, actor, code, (p, e), lang| {
            let me = scoring::assessor_of(db, &actor.grant()?, code)?;
            shown(scoring::save(db, ctx, &me, p, &e, submit), lang)
        })
        .await?;
    let outcome = match saved {
        Err(e) => Outcome::failed(e),
        Ok(out) => Outcome {
            summary: Some(if out.submitted {
                format!("Penilaian dikirim ({} nilai disimpan).", out.saved)
            } else if out.conflicts.is_empty() {
                format!("Draf disimpan ({} nilai).", out.saved)
            } else {
                format!("{} nilai disimpan.", out.saved)
            }),
            conflicts: out
                .conflicts
                .iter()
                .map(|r| {
                    format!(
                        "{} {}: Anda mengisi {}, tersimpan {} (disimpan {})",
                        r.method.label(),
                        r.competency,
                        if r.yours.is_some() {
                            level_text(r.yours)
                        } else {
                            "kosong".into()
                        },
                        match r.stored.level_tenths.and_then(Level::from_tenths) {
                            Some(l) => level_text(Some(l)),
                            None => "kosong".into(),
                        },
                        r.stored.updated_at
                    )
                })
                .collect(),
            error: None,
        },
    };
    scoring_page(page, participant, outcome).await
}

struct RowView {
    id: i64,
    nip: String,
    name: String,
    levels: Vec<String>,
    jpm: String,
    category: String,
    status: String,
    final_: bool,
}

#[derive(Template)]
#[template(path = "results.html")]
struct ResultsPage {
    layout: Layout,
    code: String,
    event_name: String,
    rule: &'static str,
    finalised: usize,
    published: String,
    csrf: String,
    error: Option<String>,
    summary: Option<String>,
    competencies: Vec<String>,
    rows: Vec<RowView>,
}

async fn results_page(p: EventRequest, outcome: PageOutcome) -> Result<Response, WebError> {
    let (c, ctx) = (p.code.clone(), p.viewer.ctx());
    let all = p
        .viewer
        .db(move |db, a| {
            results::event_results(db, &ctx, &a.grant()?, &c).map_err(crate::WebError::from)
        })
        .await?;
    let mut competencies: Vec<CompetencyCode> = all
        .rows
        .iter()
        .flat_map(|r| r.integrated.iter().map(|i| i.competency.clone()))
        .collect();
    competencies.sort();
    competencies.dedup();
    let rows: Vec<RowView> = all
        .rows
        .iter()
        .map(|r| {
            let finals = r.result.as_ref().map(|x| x.levels.clone());
            RowView {
                id: r.employee.id,
                nip: r.employee.nip.to_string(),
                name: r.employee.name.clone(),
                levels: competencies
                    .iter()
                    .map(|c| {
                        if let Some(f) = &finals {
                            return level_text(f.iter().find(|(k, _)| k == c).map(|(_, l)| *l));
                        }
                        match r.integrated.iter().find(|i| i.competency == *c) {
                            Some(i) => format!(
                                "{}{}",
                                if i.level.is_some() {
                                    level_text(i.level)
                                } else {
                                    "...".into()
                                },
                                if i.disagreement { " !" } else { "" }
                            ),
                            None => String::new(),
                        }
                    })
                    .collect(),
                jpm: jpm_text(r.jpm),
                category: r.category.map(|c| c.code().to_string()).unwrap_or_default(),
                status: match &r.result {
                    Some(x) if x.published => "final, diumumkan".into(),
                    Some(_) => "final".into(),
                    None if r.ready() => "siap difinalkan".into(),
                    None => {
                        let pending: Vec<String> = r
                            .integrated
                            .iter()
                            .filter_map(|i| {
                                i.pending.as_ref().map(|p| format!("{} {p}", i.competency))
                            })
                            .take(3)
                            .collect();
                        if pending.is_empty() {
                            "belum ada penilaian".into()
                        } else {
                            format!("belum lengkap: {}", pending.join(", "))
                        }
                    }
                },
                final_: r.result.is_some(),
            }
        })
        .collect();
    let (status, error, summary) = crate::event_pages::shown_outcome(outcome);
    let view = ResultsPage {
        layout: p.viewer.layout(),
        event_name: all.event.name.clone(),
        rule: match all.rule {
            talenta_domain::integration::Rule::Mean => "rata-rata, dibulatkan ke setengah level",
            talenta_domain::integration::Rule::Median => "median",
            talenta_domain::integration::Rule::Consensus => "konsensus rapat asesor",
        },
        finalised: rows.iter().filter(|r| r.final_).count(),
        published: match &all.event.results_published_at {
            Some(at) => format!("diumumkan {at}"),
            None => "belum diumumkan".into(),
        },
        code: p.code,
        csrf: csrf_of(&p.viewer.actor),
        error,
        summary,
        competencies: competencies.iter().map(|c| c.code().to_string()).collect(),
        rows,
    };
    respond(status, &view)
}

/// The integration table of an event.
pub async fn results(p: EventRequest) -> Result<Response, WebError> {
    results_page(p, None).await
}

/// NIP, competency, level and reason of a consensus or amendment form.
fn decision_input(a: &EventAction) -> Result<(Nip, CompetencyCode, Level, String), String> {
    let nip = Nip::parse(a.field("nip")).map_err(|e| format!("NIP: {e}"))?;
    let c = CompetencyCode::parse(a.field("competency")).map_err(|_| {
        format!(
            "kompetensi '{}' tidak dikenal (mis. M.1, SK.1)",
            a.field("competency")
        )
    })?;
    let level = scoring::parse_level(a.field("level"))?.ok_or("level wajib diisi")?;
    Ok((nip, c, level, a.field("reason").to_string()))
}

/// How a consensus or an amendment is recorded.
type Record<R> =
    fn(&mut Db, &Ctx, &Can<ManageResults>, &str, &results::Decision<'_>) -> Result<R, AppError>;

/// Records the decision of a consensus or amendment form with `record` and shows the table
/// again with what `said` says of it (from the NIP, competency, level and what `record` gave).
async fn record_decision<R: 'static>(
    a: EventAction,
    record: Record<R>,
    said: fn(Nip, &CompetencyCode, Level, R) -> String,
) -> Result<Response, WebError> {
    let input = decision_input(&a);
    a.perform_and_show(
        results_page,
        input,
        move |db, ctx, a, c, (nip, comp, level, reason)| {
            let employee_id = results::employee_id(db, a, nip)?;
            let decision = results::Decision {
                employee_id,
                competency: &comp,
                level,
                reason: &reason,
            };
            let recorded = record(db, ctx, &a.grant()?, c, &decision)?;
            Ok(said(nip, &comp, level, recorded))
        },
    )
    .await
}

/// Records the assessors' meeting's consensus on one competency (reason required).
pub async fn consensus(a: EventAction) -> Result<Response, WebError> {
    record_decision(a, results::record_consensus, |nip, comp, level, ()| {
        format!(
            "Konsensus {comp} untuk NIP {nip} dicatat: level {}.",
            level_text(Some(level))
        )
    })
    .await
}

/// Corrects a final level (reason required; kept in the audit trail).
pub async fn amend(a: EventAction) -> Result<Response, WebError> {
    record_decision(a, results::amend, |nip, comp, level, before| {
        format!(
            "Hasil NIP {nip} dikoreksi: {comp} dari {} menjadi {} (alasan dicatat).",
            level_text(before),
            level_text(Some(level))
        )
    })
    .await
}

/// Finalises every complete participant, or the one named by NIP.
pub async fn finalise(a: EventAction) -> Result<Response, WebError> {
    let input = match a.field("nip") {
        "" => Ok(None),
        n => talenta_domain::Nip::parse(n)
            .map(Some)
            .map_err(|e| format!("NIP: {e}")),
    };
    a.perform_and_show(results_page, input, |db, ctx, a, c, nip| {
        let only = nip.map(|n| results::employee_id(db, a, n)).transpose()?;
        let out = results::finalise(db, ctx, &a.grant()?, c, only)?;
        let mut text = format!("{} hasil difinalkan dan dikunci.", out.finalised);
        if out.already > 0 {
            text.push_str(&format!(" {} sudah final sebelumnya.", out.already));
        }
        if !out.not_ready.is_empty() {
            text.push_str(&format!(
                " {} belum lengkap: {}.",
                out.not_ready.len(),
                out.not_ready
                    .iter()
                    .take(5)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        Ok(text)
    })
    .await
}

/// Publishes the final results to the people assessed.
pub async fn publish_results(a: EventAction) -> Result<Response, WebError> {
    a.perform_and_show(results_page, Ok(()), |db, ctx, a, c, ()| {
        let n = results::publish(db, ctx, &a.grant()?, c)?;
        Ok(format!(
            "{n} hasil diumumkan; peserta dapat membuka laporannya."
        ))
    })
    .await
}

/// The group recap workbook of an event's final results.
pub async fn recap(p: EventRequest) -> Result<Response, WebError> {
    let EventRequest { viewer: v, code } = p;
    let ctx = v.ctx();
    let c = code.clone();
    let bytes = v
        .db(move |db, a| Ok(talenta_app::report::recap_xlsx(db, &ctx, &a.grant()?, &c)?))
        .await?;
    Ok(attachment(XLSX, format!("rekap-hasil-{code}.xlsx"), bytes))
}

/// A person's report (PDF): `?hasil=ID` for one result (default the newest they may see),
/// `?jabatan=CODE` for a target post.
pub async fn report_pdf(
    v: Viewer,
    crate::extract::Id(id): crate::extract::Id,
    Query(q): QueryMap,
) -> Result<Response, WebError> {
    let result = match q.get("hasil").map(|s| s.trim()).filter(|s| !s.is_empty()) {
        Some(s) => Some(s.parse::<i64>().map_err(|_| WebError::NotFound)?),
        None => None,
    };
    let target = q.get("jabatan").cloned();
    let ctx = v.ctx();
    let organisation = v.actor.tenant.name.clone();
    let r = v
        .db(move |db, a| {
            let about = a.grant_about(db, id)?;
            Ok(results::report(
                db,
                &ctx,
                &about,
                result,
                target.as_deref(),
            )?)
        })
        .await?;
    Ok(attachment(
        crate::event_pages::PDF,
        format!("laporan-asesmen-{}.pdf", r.employee.nip.digits()),
        talenta_app::report::report_pdf(&r, &organisation)?,
    ))
}

struct MeetingRowView {
    competency: String,
    flagged: bool,
    ratings: Vec<String>,
    integrated: String,
    level: String,
    reason: String,
    version: String,
    by: String,
}

#[derive(Template)]
#[template(path = "meeting.html")]
struct MeetingPage {
    layout: Layout,
    code: String,
    event_name: String,
    csrf: String,
    error: Option<String>,
    summary: Option<String>,
    participant: Option<i64>,
    name: String,
    nip: String,
    rows: Vec<MeetingRowView>,
}

async fn meeting_page(
    p: EventRequest,
    participant: Option<i64>,
    outcome: Outcome,
) -> Result<Response, WebError> {
    let ctx = p.viewer.ctx();
    let (list, meeting) = worklist_with(&p, participant, move |db, me, id| {
        talenta_app::meeting::meeting(db, &ctx, me, id)
    })
    .await?;
    let status = outcome.status();
    let rows = meeting
        .as_ref()
        .map(|m| {
            m.rows
                .iter()
                .map(|r| {
                    let consensus = r.consensus.as_ref();
                    MeetingRowView {
                        competency: r.integrated.competency.code().to_string(),
                        flagged: r.integrated.disagreement,
                        ratings: r
                            .ratings
                            .iter()
                            .map(|x| {
                                format!(
                                    "{} · {}: {}{}",
                                    x.assessor,
                                    x.method.label(),
                                    if x.level.is_some() {
                                        level_text(x.level)
                                    } else {
                                        "-".into()
                                    },
                                    if x.submitted || x.level.is_none() {
                                        ""
                                    } else {
                                        " (draf)"
                                    }
                                )
                            })
                            .collect(),
                        integrated: match (&r.integrated.level, &r.integrated.pending) {
                            (Some(l), _) => level_text(Some(*l)),
                            (None, Some(p)) => p.clone(),
                            (None, None) => "-".into(),
                        },
                        level: consensus
                            .map(|c| level_text(Level::from_tenths(c.level_tenths)))
                            .unwrap_or_default(),
                        reason: consensus.map(|c| c.reason.clone()).unwrap_or_default(),
                        version: consensus.map(|c| c.version.to_string()).unwrap_or_default(),
                        by: consensus
                            .map(|c| format!("dicatat {} ({})", c.decided_by, c.decided_at))
                            .unwrap_or_default(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let view = MeetingPage {
        layout: p.viewer.layout(),
        event_name: list.event.name.clone(),
        code: p.code,
        csrf: csrf_of(&p.viewer.actor),
        error: outcome
            .error
            .or_else(|| (!outcome.conflicts.is_empty()).then(|| outcome.conflicts.join(" "))),
        summary: outcome.summary,
        participant,
        name: meeting
            .as_ref()
            .map(|m| m.employee.name.clone())
            .unwrap_or_default(),
        nip: meeting
            .as_ref()
            .map(|m| m.employee.nip.to_string())
            .unwrap_or_default(),
        rows,
    };
    respond(status, &view)
}

/// The assessors' meeting of one participant (`?peserta=ID`).
pub async fn meeting(p: EventRequest, Query(q): QueryMap) -> Result<Response, WebError> {
    meeting_page(p, participant_param(&q)?, Outcome::default()).await
}

/// Records the meeting's consensus on one competency; a consensus another assessor recorded
/// since the page was opened is not overwritten: the page shows it (409).
pub async fn agree(a: EventAction) -> Result<Response, WebError> {
    let participant = a.field("peserta").parse::<i64>().ok();
    let input = (|| {
        let p = participant.ok_or("peserta tidak disebut")?;
        let c = CompetencyCode::parse(a.field("competency"))
            .map_err(|_| format!("kompetensi '{}' tidak dikenal", a.field("competency")))?;
        let level = scoring::parse_level(a.field("level"))?.ok_or("level konsensus wajib diisi")?;
        let version = match a.field("version") {
            "" => None,
            v => Some(
                v.parse::<i64>()
                    .map_err(|_| "versi tidak sah".to_string())?,
            ),
        };
        Ok::<_, String>((p, c, level, a.field("reason").to_string(), version))
    })();
    // Not being the event's assessor is an error; a refused consensus is shown on the page.
    let (page, saved) = a
        .perform_with(
            input,
            |db, ctx, actor, code, (p, comp, level, reason, version), lang| {
                let me = scoring::assessor_of(db, &actor.grant()?, code)?;
                let decision = results::Decision {
                    employee_id: p,
                    competency: &comp,
                    level,
                    reason: &reason,
                };
                let other = talenta_app::meeting::agree(db, ctx, &me, &decision, version);
                shown(other.map(|other| (comp, level, other)), lang)
            },
        )
        .await?;
    let outcome = match saved {
        Err(e) => Outcome::failed(e),
        Ok((comp, level, None)) => Outcome {
            summary: Some(format!(
                "Konsensus {comp} dicatat: level {}.",
                level_text(Some(level))
            )),
            ..Outcome::default()
        },
        Ok((comp, _, Some(other))) => Outcome {
            conflicts: vec![format!(
                "Konsensus {comp} tidak disimpan: {} sudah mencatat level {} ({}) setelah halaman ini dibuka. Nilai itu kini ditampilkan; ubah lagi bila rapat memutuskan lain.",
                other.decided_by,
                level_text(Level::from_tenths(other.level_tenths)),
                other.reason
            )],
            ..Outcome::default()
        },
    };
    meeting_page(page, participant, outcome).await
}
