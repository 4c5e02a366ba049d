//! The JSON API under `/api/v1`, for other systems: per-tenant API keys (`Authorization: Bearer`),
//! the same authorisation as the pages, JSON errors. The OpenAPI document is built from the
//! route registry.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use talenta_app::AppError;
use talenta_app::directory::{self, EmployeeQuery};
use talenta_app::selection::SelectionRole;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiCaller, ApiCallerOn, ApiId, ApiJson, ApiQuery};
use crate::routes::{RouteSpec, Target, registry};

/// What most API handlers answer: a JSON document, or the error as JSON.
type JsonAnswer = Result<Json<Value>, ApiError>;

/// The OpenAPI 3.1 document of every API route.
pub async fn openapi() -> Json<Value> {
    Json(openapi_document(
        &registry().into_iter().map(|(s, _)| s).collect::<Vec<_>>(),
    ))
}

/// Builds the OpenAPI document from route specs.
pub fn openapi_document(specs: &[RouteSpec]) -> Value {
    let mut paths = serde_json::Map::new();
    for s in specs.iter().filter(|s| s.api) {
        let mut op = json!({
            "operationId": s.name,
            "summary": s.summary,
            "x-permission": format!("{:?}", s.permission),
            "x-personal-data": s.personal,
            "responses": {
                "200": { "description": "OK", "content": { "application/json": {} } },
                "401": { "description": "Kunci API atau sesi tidak ada" },
                "403": { "description": "Tidak berhak" },
                "404": { "description": "Tidak ditemukan di instansi ini" }
            }
        });
        if s.permission == talenta_app::access::Permission::Public {
            op["security"] = json!([]);
        }
        if s.target == Target::ApiKey {
            op["parameters"] = json!([{ "name": "id", "in": "path", "required": true, "description": "Nama kunci API", "schema": { "type": "string" } }]);
        } else if s.target != Target::None {
            op["parameters"] = json!([{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }]);
        }
        let entry = paths.entry(s.path.to_string()).or_insert_with(|| json!({}));
        entry[s.method.as_str().to_lowercase()] = op;
    }
    json!({
        "openapi": "3.1.0",
        "info": { "title": "talenta API", "version": env!("CARGO_PKG_VERSION"),
                  "description": "Data kepegawaian, hasil asesmen dan peta talenta per instansi. Setiap pembacaan hasil asesmen dicatat di log audit." },
        "servers": [{ "url": "/" }],
        "components": { "securitySchemes": { "apiKey": { "type": "http", "scheme": "bearer", "description": "Kunci API per instansi" } } },
        "security": [{ "apiKey": [] }],
        "paths": paths,
    })
}

/// Filters of the employee list.
#[derive(Deserialize, Default)]
pub struct EmployeesQuery {
    q: Option<String>,
    unit: Option<i64>,
    class: Option<String>,
    page: Option<u64>,
}

/// Employees of the tenant, 50 per page.
pub async fn employees(caller: ApiCaller, ApiQuery(q): ApiQuery<EmployeesQuery>) -> JsonAnswer {
    let query = EmployeeQuery {
        text: q.q,
        unit_id: q.unit,
        class: q.class,
        page: q.page.unwrap_or(1),
    };
    let cache = caller.state.search_cache.clone();
    let page = caller
        .run(move |db, actor, _| {
            directory::employee_page(db, &actor.grant()?, &query, Some(&cache))
        })
        .await?;
    let items: Vec<Value> = page
        .lines
        .iter()
        .map(|l| json!({ "id": l.id, "nip": l.nip, "name": l.name, "position": l.position, "class": l.class, "unit": l.unit, "rank": l.rank }))
        .collect();
    Ok(Json(
        json!({ "total": page.total, "page": page.page, "pages": page.pages, "items": items }),
    ))
}

/// One employee (results are a separate, recorded read).
pub async fn employee(caller: ApiCaller, ApiId(id): ApiId) -> JsonAnswer {
    // Without results: they have their own route and their own audit entry.
    let r = caller
        .run(move |db, actor, ctx| {
            let about = actor.grant_about(db, id)?;
            directory::employee_record(db, &about, ctx, false)
        })
        .await?;
    let e = &r.employee;
    Ok(Json(json!({
        "id": e.id, "nip": e.nip.digits(), "name": e.name, "sex": e.sex.letter(), "birth_date": e.birth_date,
        "employment": e.employment.code(), "rank": e.rank.map(|g| g.code()), "education": e.education.map(|x| x.code()),
        "position": r.position.as_ref().map(|p| json!({ "id": p.id, "code": p.code, "name": p.name, "class": p.class.code() })),
        "unit": r.unit.as_ref().map(|u| json!({ "id": u.id, "code": u.code, "name": u.name })),
        "position_since": e.position_since,
        "ratings": r.ratings.iter().map(|y| json!({ "year": y.year, "rating": format!("{:?}", y.rating) })).collect::<Vec<_>>(),
    })))
}

/// One employee's assessment results (the read is recorded in the audit trail).
pub async fn employee_results(caller: ApiCaller, ApiId(id): ApiId) -> JsonAnswer {
    let results = caller
        .run(move |db, actor, ctx| {
            let about = actor.grant_about(db, id)?;
            directory::employee_results(db, &about, ctx)
        })
        .await?;
    Ok(Json(json!(results
        .iter()
        .map(|r| json!({
            "id": r.id, "assessed_on": r.assessed_on, "provider": r.provider, "purpose": r.purpose.code(),
            "levels": r.levels.iter().map(|(c, l)| json!({ "competency": c.code(), "level": l.value() })).collect::<Vec<_>>(),
        }))
        .collect::<Vec<_>>())))
}

/// `?year=YYYY`: the map as it stood at the end of that year.
#[derive(Deserialize, Default)]
pub struct YearQuery {
    year: Option<i32>,
}

/// Box counts per OPD and for the whole tenant (`?year=` for an earlier year).
pub async fn talent_map(caller: ApiCaller, ApiQuery(q): ApiQuery<YearQuery>) -> JsonAnswer {
    let today = caller.today();
    let as_of = match q.year {
        Some(y) => directory::year_end(y, today).map_err(crate::WebError::from)?,
        None => today,
    };
    let map = caller
        .run(move |db, actor, _| talenta_app::talent::talent_map(db, &actor.grant()?, as_of))
        .await?;
    Ok(Json(json!({
        "as_of": map.as_of, "rules_version": map.rules_version, "scheme_version": map.scheme_version,
        "total": map.total,
        "units": map.units.iter().map(|u| json!({ "id": u.unit.id, "name": u.unit.name, "boxes": u.boxes, "unplaced": u.unplaced })).collect::<Vec<_>>(),
    })))
}

/// Units of the tenant (a tree by `parent_id`).
pub async fn units(caller: ApiCaller) -> JsonAnswer {
    let units = caller
        .run(|db, actor, _| directory::units(db, &actor.grant()?))
        .await?;
    Ok(Json(json!(
        units
            .iter()
            .map(
                |u| json!({ "id": u.id, "code": u.code, "name": u.name, "parent_id": u.parent_id })
            )
            .collect::<Vec<_>>()
    )))
}

/// Positions of the tenant.
pub async fn positions(caller: ApiCaller) -> JsonAnswer {
    let all = caller
        .run(|db, actor, _| directory::positions(db, &actor.grant()?))
        .await?;
    Ok(Json(json!(all
        .iter()
        .map(|(p, unit)| json!({
            "id": p.id, "code": p.code, "name": p.name, "class": p.class.code(), "eselon": p.eselon.map(|e| e.code()),
            "unit_id": p.unit_id, "unit": unit, "superior_id": p.superior_id,
        }))
        .collect::<Vec<_>>())))
}

/// One position with its competency standard.
pub async fn position(caller: ApiCaller, ApiId(id): ApiId) -> JsonAnswer {
    let (p, unit, standard) = caller
        .run(move |db, actor, _| directory::position_detail(db, &actor.grant()?, id))
        .await?;
    Ok(Json(json!({
        "id": p.id, "code": p.code, "name": p.name, "class": p.class.code(), "eselon": p.eselon.map(|e| e.code()),
        "unit_id": p.unit_id, "unit": unit, "superior_id": p.superior_id,
        "standard": standard.iter().map(|(c, l)| json!({ "competency": c.code(), "level": l.value() })).collect::<Vec<_>>(),
    })))
}

/// Every event of the tenant.
pub async fn events(caller: ApiCaller) -> JsonAnswer {
    let all = caller
        .run(|db, actor, _| talenta_app::event::list(db, &actor.grant()?))
        .await?;
    Ok(Json(json!(all
        .iter()
        .map(|s| json!({
            "code": s.event.code, "name": s.event.name, "purpose": s.event.purpose, "status": s.event.status,
            "participants": s.participants, "scheduled": s.scheduled, "assessors": s.assessors,
            "first_day": s.dates.map(|d| d.0), "last_day": s.dates.map(|d| d.1),
        }))
        .collect::<Vec<_>>())))
}

/// The schedule of an event: each participant's day, session and assessors.
pub async fn event_schedule(on: ApiCallerOn) -> JsonAnswer {
    let (ev, lines) = on
        .run(move |db, actor, _, code| talenta_app::event::roster(db, &actor.grant()?, code))
        .await?;
    Ok(Json(json!({
        "code": ev.code, "name": ev.name,
        "schedule": lines.iter().map(|l| json!({
            "day": l.day_no, "date": l.date, "session": l.session_no, "nip": l.nip.digits(), "name": l.name,
            "opd": l.opd, "assessors": l.assessors,
        })).collect::<Vec<_>>(),
    })))
}

/// Plans (or re-plans) an event's whole schedule; answers its summary or why it cannot be made.
pub async fn plan_event(on: ApiCallerOn) -> JsonAnswer {
    let plan = on
        .run(move |db, actor, ctx, code| talenta_app::event::plan(db, ctx, &actor.grant()?, code))
        .await?;
    Ok(Json(json!({
        "code": plan.event.code, "participants": plan.participants,
        "days": plan.days.iter().map(|(no, date, s)| json!({ "day": no, "date": date, "sessions": s })).collect::<Vec<_>>(),
        "assessor_loads": plan.assessor_loads.iter().map(|(n, l)| json!({ "assessor": n, "per_day": l })).collect::<Vec<_>>(),
        "excluded": plan.excluded.iter().map(|x| json!({
            "assessor": x.assessor, "employee_id": x.employee_id, "participant": x.participant,
            "reasons": x.reasons.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })))
}

fn level_json(t: Option<u8>) -> Value {
    t.and_then(talenta_domain::Level::from_tenths)
        .map(|l| json!(l.value()))
        .unwrap_or(Value::Null)
}

/// The actor's participants in an event (as its assessor) with their ratings so far.
pub async fn event_ratings(on: ApiCallerOn) -> JsonAnswer {
    let (list, sheets) = on
        .run(move |db, actor, _, code| {
            let list = talenta_app::scoring::worklist(db, &actor.grant()?, code)?;
            let mut sheets = Vec::new();
            if !list.items.is_empty() {
                let me = talenta_app::scoring::assessor_of(db, &actor.grant()?, code)?;
                for i in &list.items {
                    sheets.push(talenta_app::scoring::sheet(db, &me, i.employee_id)?);
                }
            }
            Ok::<_, AppError>((list, sheets))
        })
        .await?;
    Ok(Json(json!({
        "event": list.event.code,
        "assessor": list.assessor.as_ref().map(|a| a.name.clone()),
        "participants": list.items.iter().zip(&sheets).map(|(i, s)| json!({
            "employee_id": i.employee_id, "nip": i.nip, "name": i.name, "day": i.slot.map(|x| x.0),
            "session": i.slot.map(|x| x.1), "submitted": i.submitted, "final": i.finalised,
            "ratings": s.cells.iter().map(|c| json!({
                "method": c.method.code(), "competency": c.competency.code(),
                "level": level_json(c.stored.as_ref().and_then(|x| x.level_tenths)),
                "evidence": c.stored.as_ref().map(|x| x.evidence.clone()),
                "version": c.stored.as_ref().map(|x| x.version),
                "submitted": c.stored.as_ref().is_some_and(|x| x.submitted),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })))
}

/// One rating sent to the API.
#[derive(Deserialize)]
pub struct RatingIn {
    method: String,
    competency: String,
    /// "3", "2,5", "3-" ... or null.
    level: Option<String>,
    #[serde(default)]
    evidence: String,
    /// The version it was read at (null: nothing was stored).
    version: Option<i64>,
}

/// Ratings of one participant sent to the API.
#[derive(Deserialize)]
pub struct RatingsIn {
    employee_id: i64,
    ratings: Vec<RatingIn>,
    #[serde(default)]
    submit: bool,
}

/// Saves (or submits) ratings of one participant; ratings changed since they were read come
/// back under `conflicts` with the stored value (409), the others are saved.
pub async fn save_ratings(
    on: ApiCallerOn,
    ApiJson(body): ApiJson<RatingsIn>,
) -> Result<Response, ApiError> {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for r in &body.ratings {
        let (Some(m), Ok(c)) = (
            talenta_domain::method::Method::parse(&r.method),
            talenta_domain::CompetencyCode::parse(&r.competency),
        ) else {
            problems.push(format!(
                "metode '{}' atau kompetensi '{}' tidak dikenal",
                r.method, r.competency
            ));
            continue;
        };
        match talenta_app::scoring::parse_level(r.level.as_deref().unwrap_or("")) {
            Ok(level) => entries.push(talenta_app::scoring::Entry {
                method: m,
                competency: c,
                level,
                evidence: r.evidence.clone(),
                version: r.version,
                changed: true,
            }),
            Err(e) => problems.push(e),
        }
    }
    if !problems.is_empty() {
        return Err(ApiError(crate::WebError::BadRequest(problems.join("; "))));
    }
    let out = on
        .run(move |db, actor, ctx, code| {
            let me = talenta_app::scoring::assessor_of(db, &actor.grant()?, code)?;
            talenta_app::scoring::save(db, ctx, &me, body.employee_id, &entries, body.submit)
        })
        .await?;
    let status = if out.conflicts.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::CONFLICT
    };
    Ok((
        status,
        Json(json!({
            "saved": out.saved, "submitted": out.submitted,
            "conflicts": out.conflicts.iter().map(|r| json!({
                "method": r.method.code(), "competency": r.competency.code(),
                "yours": r.yours.map(|l| l.value()),
                "stored": { "level": level_json(r.stored.level_tenths), "evidence": r.stored.evidence,
                            "version": r.stored.version, "submitted": r.stored.submitted, "updated_at": r.stored.updated_at },
            })).collect::<Vec<_>>(),
        })),
    )
        .into_response())
}

/// The integration of an event per participant.
pub async fn event_results(on: ApiCallerOn) -> JsonAnswer {
    let all = on
        .run(move |db, actor, ctx, code| {
            talenta_app::results::event_results(db, ctx, &actor.grant()?, code)
        })
        .await?;
    Ok(Json(json!({
        "event": all.event.code, "rule": all.rule.code(),
        "published_at": all.event.results_published_at,
        "participants": all.rows.iter().map(|r| json!({
            "employee_id": r.employee.id, "nip": r.employee.nip.digits(), "name": r.employee.name,
            "final": r.result.is_some(), "published": r.result.as_ref().is_some_and(|x| x.published),
            "ready": r.ready(), "jpm_percent": r.jpm.map(|j| j.percent()),
            "category": r.category.map(|c| c.code()),
            "competencies": r.integrated.iter().map(|i| json!({
                "competency": i.competency.code(), "level": i.level.map(|l| l.value()),
                "given": i.given, "missing": i.missing, "disagreement": i.disagreement,
                "pending": i.pending, "reason": i.reason,
            })).collect::<Vec<_>>(),
            "final_levels": r.result.as_ref().map(|x| x.levels.iter().map(|(c, l)| json!({ "competency": c.code(), "level": l.value() })).collect::<Vec<_>>()),
        })).collect::<Vec<_>>(),
    })))
}

/// Finalises every complete participant of an event.
pub async fn finalise(on: ApiCallerOn) -> JsonAnswer {
    let out = on
        .run(move |db, actor, ctx, code| {
            talenta_app::results::finalise(db, ctx, &actor.grant()?, code, None)
        })
        .await?;
    Ok(Json(
        json!({ "finalised": out.finalised, "already": out.already, "not_ready": out.not_ready }),
    ))
}

/// Publishes an event's final results to the people assessed.
pub async fn publish_results(on: ApiCallerOn) -> JsonAnswer {
    let n = on
        .run(move |db, actor, ctx, code| {
            talenta_app::results::publish(db, ctx, &actor.grant()?, code)
        })
        .await?;
    Ok(Json(json!({ "published": n })))
}

/// Query of a report.
#[derive(Deserialize, Default)]
pub struct ReportQuery {
    /// A target post's code.
    position: Option<String>,
    /// A result id (default: the newest the reader may see).
    result: Option<i64>,
}

fn jpm_json(r: &talenta_app::jpm::JpmReport) -> Value {
    json!({
        "position": r.position.code, "position_name": r.position.name, "jpm_percent": r.jpm.percent(),
        "reported_percent": r.reported_percent, "category": r.category.code(), "potential": r.potential.label(),
        "gaps": r.gaps.iter().map(|g| json!({ "competency": g.code.code(), "required": g.required.value(), "achieved": g.achieved.value() })).collect::<Vec<_>>(),
    })
}

/// A person's report: JPM against the current and a target post, strengths, advice.
pub async fn employee_report(
    caller: ApiCaller,
    ApiId(id): ApiId,
    ApiQuery(q): ApiQuery<ReportQuery>,
) -> JsonAnswer {
    let r = caller
        .run(move |db, actor, ctx| {
            let about = actor.grant_about(db, id)?;
            talenta_app::results::report(db, ctx, &about, q.result, q.position.as_deref())
        })
        .await?;
    Ok(Json(json!({
        "employee_id": r.employee.id, "nip": r.employee.nip.digits(), "name": r.employee.name,
        "result": { "id": r.result.id, "assessed_on": r.result.assessed_on, "provider": r.result.provider,
                    "purpose": r.result.purpose.code(), "published": r.published,
                    "levels": r.result.levels.iter().map(|(c, l)| json!({ "competency": c.code(), "level": l.value() })).collect::<Vec<_>>() },
        "valid_until": r.valid_until,
        "current": r.current.as_ref().map(jpm_json),
        "target": r.target.as_ref().map(jpm_json),
        "strengths": r.strengths.iter().map(|(c, m)| json!({ "competency": c.code(), "margin": f64::from(*m) / 10.0 })).collect::<Vec<_>>(),
        "development": r.development.iter().map(|a| json!({ "competency": a.code.code(), "gap": f64::from(a.gap_tenths) / 10.0, "advice": a.text })).collect::<Vec<_>>(),
        "assessors": r.assessors,
    })))
}

/// `?participant=ID` of the meeting.
#[derive(Deserialize, Default)]
pub struct MeetingQuery {
    participant: Option<i64>,
}

/// The assessors' meeting of one participant: every rating, the integrated level, consensus.
pub async fn meeting(on: ApiCallerOn, ApiQuery(q): ApiQuery<MeetingQuery>) -> JsonAnswer {
    let p = q.participant.ok_or_else(|| {
        ApiError(crate::WebError::BadRequest(
            "sebutkan peserta: ?participant=ID".into(),
        ))
    })?;
    let m = on
        .run(move |db, actor, ctx, code| {
            let me = talenta_app::scoring::assessor_of(db, &actor.grant()?, code)?;
            talenta_app::meeting::meeting(db, ctx, &me, p)
        })
        .await?;
    Ok(Json(json!({
        "event": m.event.code, "employee_id": m.employee.id, "name": m.employee.name,
        "competencies": m.rows.iter().map(|r| json!({
            "competency": r.integrated.competency.code(), "level": r.integrated.level.map(|l| l.value()),
            "disagreement": r.integrated.disagreement, "pending": r.integrated.pending,
            "ratings": r.ratings.iter().map(|x| json!({
                "assessor": x.assessor, "method": x.method.code(), "level": x.level.map(|l| l.value()), "submitted": x.submitted,
            })).collect::<Vec<_>>(),
            "consensus": r.consensus.as_ref().map(consensus_json),
        })).collect::<Vec<_>>(),
    })))
}

fn consensus_json(c: &talenta_app::meeting::ConsensusRecord) -> Value {
    json!({
        "level": level_json(Some(c.level_tenths)), "reason": c.reason, "decided_by": c.decided_by,
        "decided_at": c.decided_at, "version": c.version,
    })
}

/// A level decided for one competency of one participant.
#[derive(Deserialize)]
pub struct DecisionIn {
    employee_id: i64,
    competency: String,
    level: String,
    #[serde(default)]
    reason: String,
    /// For the meeting: the version the consensus was read at (null: none yet).
    version: Option<i64>,
}

impl DecisionIn {
    fn parts(&self) -> Result<(talenta_domain::CompetencyCode, talenta_domain::Level), ApiError> {
        let bad = |m: String| ApiError(crate::WebError::BadRequest(m));
        let c = talenta_domain::CompetencyCode::parse(&self.competency)
            .map_err(|_| bad(format!("kompetensi '{}' tidak dikenal", self.competency)))?;
        let l = talenta_app::scoring::parse_level(&self.level)
            .map_err(bad)?
            .ok_or_else(|| bad("level wajib diisi".into()))?;
        Ok((c, l))
    }

    /// The decision on `competency` at `level` (from [`DecisionIn::parts`]).
    fn decision<'a>(
        &'a self,
        competency: &'a talenta_domain::CompetencyCode,
        level: talenta_domain::Level,
    ) -> talenta_app::results::Decision<'a> {
        talenta_app::results::Decision {
            employee_id: self.employee_id,
            competency,
            level,
            reason: &self.reason,
        }
    }
}

/// Records the meeting's consensus as one of the participant's assessors, by compare-and-set:
/// 409 with what is recorded when another assessor saved first.
pub async fn agree(
    on: ApiCallerOn,
    ApiJson(body): ApiJson<DecisionIn>,
) -> Result<Response, ApiError> {
    let (competency, level) = body.parts()?;
    let other = on
        .run(move |db, actor, ctx, code| {
            let d = body.decision(&competency, level);
            let me = talenta_app::scoring::assessor_of(db, &actor.grant()?, code)?;
            talenta_app::meeting::agree(db, ctx, &me, &d, body.version)
        })
        .await?;
    Ok(match other {
        None => Json(json!({ "stored": true })).into_response(),
        Some(c) => (
            axum::http::StatusCode::CONFLICT,
            Json(json!({ "stored": false, "conflict": consensus_json(&c) })),
        )
            .into_response(),
    })
}

/// Records the meeting's consensus as the administrator (an explicit, audited decision).
pub async fn consensus(on: ApiCallerOn, ApiJson(body): ApiJson<DecisionIn>) -> JsonAnswer {
    let (competency, level) = body.parts()?;
    on.run(move |db, actor, ctx, code| {
        let d = body.decision(&competency, level);
        talenta_app::results::record_consensus(db, ctx, &actor.grant()?, code, &d)
    })
    .await?;
    Ok(Json(json!({ "stored": true })))
}

/// Corrects a final level with a reason (audit trail); answers the level it had.
pub async fn amend(on: ApiCallerOn, ApiJson(body): ApiJson<DecisionIn>) -> JsonAnswer {
    let (competency, level) = body.parts()?;
    let before = on
        .run(move |db, actor, ctx, code| {
            let d = body.decision(&competency, level);
            talenta_app::results::amend(db, ctx, &actor.grant()?, code, &d)
        })
        .await?;
    Ok(Json(
        json!({ "before": before.map(|l| l.value()), "after": level.value() }),
    ))
}

/// A person's results across cycles side by side, with the change per competency.
pub async fn employee_cycles(caller: ApiCaller, ApiId(id): ApiId) -> JsonAnswer {
    let r = caller
        .run(move |db, actor, ctx| {
            let about = actor.grant_about(db, id)?;
            talenta_app::results::reassessment(db, ctx, &about)
        })
        .await?;
    Ok(Json(json!({
        "results": r.results.iter().map(|x| json!({ "id": x.id, "assessed_on": x.assessed_on, "provider": x.provider })).collect::<Vec<_>>(),
        "competencies": r.trends.iter().map(|t| json!({
            "competency": t.competency.code(),
            "levels": t.levels.iter().map(|l| l.map(|l| l.value())).collect::<Vec<_>>(),
            "change": t.change_tenths.map(|c| f64::from(c) / 10.0),
        })).collect::<Vec<_>>(),
    })))
}

/// `?months=N` of the vacancies.
#[derive(Deserialize, Default)]
pub struct VacancyQuery {
    months: Option<u32>,
}

/// Structural posts vacant now or whose holder retires within the months (default 12).
pub async fn vacancies(caller: ApiCaller, ApiQuery(q): ApiQuery<VacancyQuery>) -> JsonAnswer {
    let as_of = caller.today();
    let months = q.months.unwrap_or(12);
    let list = caller
        .run(move |db, actor, _| {
            talenta_app::succession::vacancies(db, &actor.grant()?, as_of, months)
        })
        .await?;
    Ok(Json(json!(list.iter().map(|v| json!({
        "position_id": v.position.id, "code": v.position.code, "name": v.position.name,
        "class": v.position.class.code(), "unit": v.unit, "vacant_from": v.from,
        "retiring": v.holder.as_ref().map(|h| json!({ "nip": h.nip.digits(), "name": h.name })),
    })).collect::<Vec<_>>())))
}

/// A post's ranked successors with every requirement's outcome and reason.
pub async fn successors(caller: ApiCaller, ApiId(id): ApiId) -> JsonAnswer {
    let as_of = caller.today();
    let l = caller
        .run(move |db, actor, ctx| {
            talenta_app::succession::successors(db, ctx, &actor.grant()?, id, as_of)
        })
        .await?;
    Ok(Json(json!({
        "position": { "id": l.position.id, "code": l.position.code, "name": l.position.name },
        "as_of": l.as_of, "tie_rule": l.tie_rule,
        "candidates": l.candidates.iter().map(|s| json!({
            "employee_id": s.employee.id, "nip": s.employee.nip.digits(), "name": s.employee.name,
            "current_position": s.position.code, "talent_box": s.talent_box,
            "jpm_percent": s.jpm.map(|j| j.percent()), "category": s.category.map(|c| c.code()),
            "readiness": s.readiness.label(),
            "checks": s.checks.iter().map(|c| json!({ "requirement": format!("{:?}", c.requirement), "passed": c.passed, "reason": c.reason })).collect::<Vec<_>>(),
            "missing": s.missing,
        })).collect::<Vec<_>>(),
    })))
}

/// The selections of the tenant.
pub async fn selections(caller: ApiCaller) -> JsonAnswer {
    let list = caller
        .run(|db, actor, _| talenta_app::selection::list(db, &SelectionRole::of(actor)?))
        .await?;
    Ok(Json(json!(list.iter().map(|s| json!({
        "code": s.code, "name": s.name, "kind": s.kind, "opens_on": s.opens_on, "closes_on": s.closes_on,
        "stages": serde_json::from_str::<Value>(&s.stages).unwrap_or_default(),
    })).collect::<Vec<_>>())))
}

/// A selection's standings per post with stage results, three names, job fit, constraints and
/// the approval chain.
pub async fn selection(on: ApiCallerOn) -> JsonAnswer {
    let today = on.today();
    let (st, chains) = on
        .run(move |db, actor, ctx, code| {
            let st = talenta_app::selection::standings(
                db,
                ctx,
                &SelectionRole::of(actor)?,
                code,
                today,
            )?;
            let mut chains = Vec::new();
            for (p, _) in &st.posts {
                let role = SelectionRole::of(actor)?;
                chains.push(talenta_app::selection::chain(db, &role, code, p, today)?);
            }
            Ok::<_, AppError>((st, chains))
        })
        .await?;
    Ok(Json(json!({
        "done": st.done, "tie_rule": talenta_domain::selection::TIE_RULE,
        "posts": st.posts.iter().zip(&chains).map(|((p, list), (steps, taken))| json!({
            "post": p.code, "name": p.name,
            "standings": list.iter().map(|s| json!({
                "applicant_id": s.applicant.id, "name": s.applicant.name,
                "stages": s.stages.iter().map(|(v, ok)| json!({ "score": v.map(|x| f64::from(x) / 100.0), "passed": ok })).collect::<Vec<_>>(),
                "total": s.total.map(|x| f64::from(x) / 100.0), "passed_all": s.passed_all, "proposed": s.proposed,
                "job_fit": s.job_fit.map(|(c, a)| json!({ "category": c.code(), "advice": a })),
                "constraints": s.constraints.iter().map(|c| json!({ "block": c.severity == talenta_domain::selection::Severity::Block, "reason": c.reason })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "chain": steps.iter().map(|s| s.code()).collect::<Vec<_>>(),
            "decisions": taken.iter().map(|d| json!({ "step": d.step, "applicant_id": d.applicant_id, "reason": d.reason, "by": d.decided_by, "at": d.decided_at })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })))
}

/// A panel member's score.
#[derive(Deserialize)]
pub struct PanelScoreIn {
    applicant_id: i64,
    stage: String,
    /// "78,5" or "78.5".
    score: String,
}

/// A panel member saves their score of a candidate in the current stage.
pub async fn selection_score(on: ApiCallerOn, ApiJson(body): ApiJson<PanelScoreIn>) -> JsonAnswer {
    let bad = |m: String| ApiError(crate::WebError::BadRequest(m));
    let stage = talenta_domain::selection::StageKind::parse(&body.stage)
        .ok_or_else(|| bad(format!("tahap '{}' tidak dikenal", body.stage)))?;
    let score = talenta_app::selection::parse_score(&body.score).map_err(bad)?;
    on.run(move |db, actor, ctx, code| {
        let me = talenta_app::selection::panel_member(db, &actor.grant()?, code)?;
        talenta_app::selection::score(db, ctx, &me, body.applicant_id, stage, score)
    })
    .await?;
    Ok(Json(
        json!({ "saved": true, "score": f64::from(score) / 100.0 }),
    ))
}

/// Closes the current stage.
pub async fn selection_close_stage(on: ApiCallerOn) -> JsonAnswer {
    let k = on
        .run(move |db, actor, ctx, code| {
            talenta_app::selection::close_stage(db, ctx, &actor.grant()?, code)
        })
        .await?;
    Ok(Json(json!({ "closed": k.code() })))
}

/// A step of a post's approval chain.
#[derive(Deserialize)]
pub struct StepIn {
    post: String,
    step: String,
    applicant_id: Option<i64>,
    reason: String,
}

/// Records the next step of a post's chain (the PPK's pick needs the PPK's key or session).
pub async fn selection_step(on: ApiCallerOn, ApiJson(body): ApiJson<StepIn>) -> JsonAnswer {
    let step = talenta_domain::selection::Step::parse(&body.step).ok_or_else(|| {
        ApiError(crate::WebError::BadRequest(format!(
            "langkah '{}' tidak dikenal",
            body.step
        )))
    })?;
    let today = on.today();
    on.run(move |db, actor, ctx, code| {
        let decide = talenta_app::selection::Decide {
            post: &body.post,
            step,
            applicant_id: body.applicant_id,
            reason: &body.reason,
            on: today,
        };
        talenta_app::selection::decide(db, ctx, &SelectionRole::of(actor)?, code, &decide)
    })
    .await?;
    Ok(Json(json!({ "recorded": step.code() })))
}

/// The public announcement as JSON (no sign-in): `tenant.selection`.
pub async fn announcement(State(state): State<AppState>, Path(id): Path<String>) -> JsonAnswer {
    let (tenant, code) = id
        .split_once('.')
        .ok_or(ApiError(crate::WebError::NotFound))?;
    let (tenant, code) = (tenant.to_string(), code.to_string());
    let a = state
        .db(
            move |db| match talenta_app::selection::announcement(db, &tenant, &code) {
                Ok(a) => Ok(a),
                Err(AppError::UnknownTenant(_)) => Err(crate::WebError::NotFound),
                Err(e) => Err(e.into()),
            },
        )
        .await?;
    Ok(Json(json!({
        "government": a.government, "name": a.name, "posts": a.posts, "requirements": a.requirements,
        "opens_on": a.opens_on, "closes_on": a.closes_on, "stages": a.stages, "panel": a.panel,
        "results": a.results.iter().map(|(s, n)| json!({ "stage": s, "passed": n })).collect::<Vec<_>>(),
    })))
}

/// A stage of a new selection.
#[derive(Deserialize)]
pub struct StageIn {
    stage: String,
    weight: u8,
    /// "65" (minimum score) or "lulus" (pass/fail).
    pass: String,
}

/// A panel member of a new selection.
#[derive(Deserialize)]
pub struct MemberIn {
    name: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    external: bool,
    #[serde(default)]
    chair: bool,
    login: Option<String>,
}

/// A new selection.
#[derive(Deserialize)]
pub struct SelectionIn {
    code: String,
    name: String,
    /// "terbuka" or "kesesuaian".
    kind: String,
    posts: Vec<String>,
    stages: Vec<StageIn>,
    quorum: u32,
    #[serde(default)]
    requirements: String,
    opens_on: chrono::NaiveDate,
    closes_on: chrono::NaiveDate,
    #[serde(default)]
    acting_head: bool,
    #[serde(default)]
    candidates_set_on: Vec<chrono::NaiveDate>,
    #[serde(default)]
    sworn_in_on: Vec<chrono::NaiveDate>,
    #[serde(default)]
    publish_scores: bool,
    panel: Vec<MemberIn>,
}

/// Creates a selection (every field checked; nothing stored when one is wrong).
pub async fn create_selection(
    caller: ApiCaller,
    ApiJson(body): ApiJson<SelectionIn>,
) -> JsonAnswer {
    use talenta_domain::selection::{Calendar, PassRule, Stage, StageKind};
    let bad = |m: String| ApiError(crate::WebError::BadRequest(m));
    let mut stages = Vec::new();
    for s in &body.stages {
        let kind = StageKind::parse(&s.stage)
            .ok_or_else(|| bad(format!("tahap '{}' tidak dikenal", s.stage)))?;
        let pass = if s.pass.trim() == "lulus" {
            PassRule::PassFail
        } else {
            PassRule::MinScore(talenta_app::selection::parse_score(&s.pass).map_err(bad)?)
        };
        stages.push(Stage {
            kind,
            weight: s.weight,
            pass,
        });
    }
    let spec = talenta_app::selection::SelectionSpec {
        code: body.code,
        name: body.name,
        kind: match body.kind.as_str() {
            "terbuka" => talenta_app::selection::Kind::Open,
            "kesesuaian" => talenta_app::selection::Kind::JobFit,
            other => {
                return Err(bad(format!(
                    "jenis '{other}' tidak dikenal (terbuka, kesesuaian)"
                )));
            }
        },
        posts: body.posts,
        stages,
        quorum: body.quorum,
        requirements: body.requirements,
        opens_on: body.opens_on,
        closes_on: body.closes_on,
        calendar: Calendar {
            acting_head: body.acting_head,
            candidates_set_on: body.candidates_set_on,
            sworn_in_on: body.sworn_in_on,
        },
        panel: body
            .panel
            .into_iter()
            .map(|m| talenta_app::selection::PanelSpec {
                name: m.name,
                organisation: m.organisation,
                external: m.external,
                chair: m.chair,
                login: m.login,
            })
            .collect(),
        publish_scores: body.publish_scores,
    };
    let s = caller
        .run(move |db, actor, ctx| talenta_app::selection::create(db, ctx, &actor.grant()?, &spec))
        .await?;
    Ok(Json(json!({ "code": s.code })))
}

/// An application.
#[derive(Deserialize)]
pub struct ApplicationIn {
    post: String,
    nip: Option<String>,
    /// For an external applicant.
    name: Option<String>,
    birth_date: Option<chrono::NaiveDate>,
    education: Option<String>,
    current_post: Option<String>,
}

/// Records an application with the automatic check of the requirements.
pub async fn selection_apply(on: ApiCallerOn, ApiJson(body): ApiJson<ApplicationIn>) -> JsonAnswer {
    let bad = |m: String| ApiError(crate::WebError::BadRequest(m));
    let who = match (&body.nip, &body.name) {
        (Some(n), _) => talenta_app::selection::Who::Internal(
            talenta_domain::Nip::parse(n).map_err(|e| bad(format!("NIP: {e}")))?,
        ),
        (None, Some(name)) => {
            talenta_app::selection::Who::External(talenta_app::selection::ExternalProfile {
                name: name.clone(),
                birth_date: body
                    .birth_date
                    .ok_or_else(|| bad("birth_date wajib untuk pelamar luar".into()))?,
                education: body
                    .education
                    .as_deref()
                    .and_then(talenta_domain::eligibility::Education::parse)
                    .ok_or_else(
                        || bad("education (mis. S1, S2) wajib untuk pelamar luar".into()),
                    )?,
                current_post: body.current_post.clone().unwrap_or_default(),
            })
        }
        _ => {
            return Err(bad(
                "isi nip (pelamar dalam) atau name (pelamar luar)".into()
            ));
        }
    };
    let today = on.today();
    let id = on
        .run(move |db, actor, ctx, code| {
            let admin = actor.grant()?;
            talenta_app::selection::apply(db, ctx, &admin, code, &body.post, &who, today)
        })
        .await?;
    Ok(Json(json!({ "applicant_id": id })))
}

/// An administrative decision or a pass/fail outcome.
#[derive(Deserialize)]
pub struct VerdictIn {
    applicant_id: i64,
    passed: bool,
    #[serde(default)]
    reason: String,
}

/// Records the administrative decision on an applicant.
pub async fn selection_screen(on: ApiCallerOn, ApiJson(body): ApiJson<VerdictIn>) -> JsonAnswer {
    on.run(move |db, actor, ctx, code| {
        let (id, passed) = (body.applicant_id, body.passed);
        let admin = actor.grant()?;
        talenta_app::selection::screen(db, ctx, &admin, code, id, passed, &body.reason)
    })
    .await?;
    Ok(Json(json!({ "recorded": true })))
}

/// Records a pass/fail outcome (health and psychological tests) in the current stage.
pub async fn selection_outcome(on: ApiCallerOn, ApiJson(body): ApiJson<VerdictIn>) -> JsonAnswer {
    on.run(move |db, actor, ctx, code| {
        let outcome = talenta_app::selection::Outcome {
            applicant_id: body.applicant_id,
            stage: talenta_domain::selection::StageKind::HealthPsych,
            passed: body.passed,
            reason: &body.reason,
        };
        talenta_app::selection::record_outcome(db, ctx, &actor.grant()?, code, &outcome)
    })
    .await?;
    Ok(Json(json!({ "recorded": true })))
}

/// The tenant's API keys (never the keys themselves), newest first.
pub async fn api_keys(caller: ApiCaller) -> JsonAnswer {
    let today = caller.today();
    let keys = caller
        .run(move |db, actor, _| talenta_app::access::api_keys(db, &actor.grant()?, today))
        .await?;
    Ok(Json(json!(
        keys.iter()
            .map(|k| json!({
                "name": k.name, "role": k.role.map(|r| r.code()), "created_at": k.created_at,
                "expires_on": k.expires_on, "status": k.status.code(),
            }))
            .collect::<Vec<_>>()
    )))
}

/// A new API key: its name, role and last valid day (a year from today when left out).
#[derive(Deserialize)]
pub struct ApiKeyIn {
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    expires_on: Option<String>,
}

/// Creates an API key; the answer holds the key itself, the only time it is ever shown.
pub async fn create_api_key(caller: ApiCaller, ApiJson(body): ApiJson<ApiKeyIn>) -> JsonAnswer {
    let lang = crate::i18n::Lang::Id;
    let today = caller.today();
    let bad = |m: String| ApiError(crate::WebError::BadRequest(m));
    let role = crate::access_pages::key_role(&body.role, lang).map_err(bad)?;
    let expires_on =
        crate::access_pages::key_expiry(body.expires_on.as_deref(), today, lang).map_err(bad)?;
    let name = body.name.trim().to_string();
    let (name, key) = caller
        .run(move |db, actor, ctx| {
            talenta_app::access::create_api_key(db, ctx, &actor.grant()?, &name, role, expires_on)
                .map(|key| (name, key))
        })
        .await?;
    Ok(Json(json!({
        "name": name, "role": role.code(), "expires_on": expires_on, "key": key,
        "note": "Simpan sekarang: kunci ini tidak dapat ditampilkan lagi.",
    })))
}

/// Revokes the tenant's API key named in the path at once.
pub async fn revoke_api_key(on: ApiCallerOn) -> JsonAnswer {
    let (name, n) = on
        .run(move |db, actor, ctx, name| {
            talenta_app::access::revoke_api_key(db, ctx, &actor.grant()?, name)
                .map(|n| (name.trim().to_string(), n))
        })
        .await?;
    Ok(Json(
        json!({ "name": name, "revoked": n, "status": "revoked" }),
    ))
}
