//! The JSON API under `/api/v1`, for other systems: per-tenant API keys (`Authorization: Bearer`),
//! the same authorisation as the pages, JSON errors. The OpenAPI document is built from the
//! route registry.

use axum::extract::State;
use axum::{Extension, Json};
use serde::Deserialize;
use serde_json::{Value, json};
use talenta_app::access::Actor;
use talenta_app::directory::{self, EmployeeQuery};

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiId, ApiQuery};
use crate::routes::{RouteSpec, Target, registry};

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
        if s.target != Target::None {
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
pub async fn employees(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiQuery(q): ApiQuery<EmployeesQuery>,
) -> Result<Json<Value>, ApiError> {
    let query = EmployeeQuery {
        text: q.q,
        unit_id: q.unit,
        class: q.class,
        page: q.page.unwrap_or(1),
    };
    let page = state
        .db(move |db| Ok(directory::employee_page(db, &actor, &query)?))
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
pub async fn employee(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiId(id): ApiId,
) -> Result<Json<Value>, ApiError> {
    let ctx = actor.ctx(&state.config.audit_key, state.now());
    // Without results: they have their own route and their own audit entry.
    let r = state
        .db(move |db| Ok(directory::employee_record(db, &actor, &ctx, id, false)?))
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
pub async fn employee_results(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiId(id): ApiId,
) -> Result<Json<Value>, ApiError> {
    let ctx = actor.ctx(&state.config.audit_key, state.now());
    let results = state
        .db(move |db| Ok(directory::employee_results(db, &actor, &ctx, id)?))
        .await?;
    Ok(Json(json!(results
        .iter()
        .map(|r| json!({
            "id": r.id, "assessed_on": r.assessed_on, "provider": r.provider, "purpose": r.purpose.code(),
            "levels": r.levels.iter().map(|(c, l)| json!({ "competency": c.code(), "level": l.value() })).collect::<Vec<_>>(),
        }))
        .collect::<Vec<_>>())))
}

/// Box counts per OPD and for the whole tenant.
pub async fn talent_map(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
) -> Result<Json<Value>, ApiError> {
    let as_of = state.now().date_naive();
    let map = state
        .db(move |db| Ok(directory::talent_map(db, &actor, as_of)?))
        .await?;
    Ok(Json(json!({
        "as_of": map.as_of, "rules_version": map.rules_version, "scheme_version": map.scheme_version,
        "total": map.total,
        "units": map.units.iter().map(|u| json!({ "id": u.unit.id, "name": u.unit.name, "boxes": u.boxes, "unplaced": u.unplaced })).collect::<Vec<_>>(),
    })))
}

/// Units of the tenant (a tree by `parent_id`).
pub async fn units(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
) -> Result<Json<Value>, ApiError> {
    let units = state
        .db(move |db| Ok(directory::units(db, &actor)?))
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
pub async fn positions(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
) -> Result<Json<Value>, ApiError> {
    let all = state
        .db(move |db| Ok(directory::positions(db, &actor)?))
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
pub async fn position(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiId(id): ApiId,
) -> Result<Json<Value>, ApiError> {
    let (p, unit, standard) = state
        .db(move |db| Ok(directory::position_detail(db, &actor, id)?))
        .await?;
    Ok(Json(json!({
        "id": p.id, "code": p.code, "name": p.name, "class": p.class.code(), "eselon": p.eselon.map(|e| e.code()),
        "unit_id": p.unit_id, "unit": unit, "superior_id": p.superior_id,
        "standard": standard.iter().map(|(c, l)| json!({ "competency": c.code(), "level": l.value() })).collect::<Vec<_>>(),
    })))
}

/// Every event of the tenant.
pub async fn events(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
) -> Result<Json<Value>, ApiError> {
    let all = state
        .db(move |db| Ok(talenta_app::event::list(db, &actor)?))
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
pub async fn event_schedule(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    axum::extract::Path(code): axum::extract::Path<String>,
) -> Result<Json<Value>, ApiError> {
    let (ev, lines) = state
        .db(
            move |db| match talenta_app::event::roster(db, &actor, &code) {
                Err(talenta_app::AppError::Invalid(_)) => Err(crate::WebError::NotFound),
                other => Ok(other?),
            },
        )
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
pub async fn plan_event(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    axum::extract::Path(code): axum::extract::Path<String>,
) -> Result<Json<Value>, ApiError> {
    let ctx = actor.ctx(&state.config.audit_key, state.now());
    let plan = state
        .db(move |db| Ok(talenta_app::event::plan(db, &ctx, &actor, &code)?))
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
