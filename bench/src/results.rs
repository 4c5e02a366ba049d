//! Integration and reports of a whole event: the demo Kabupaten Bekasi, 2,227 participants x
//! 2 assessors x 3 methods x 9 competencies (120,258 submitted ratings) in SQLite.
//!
//! `integrate`: `talenta_app::results::integration` reads every rating of the event, integrates
//! each participant's competencies by the mean rounded to half steps and computes JPM against
//! the current post; compared with Python (sqlite3 + numpy) doing the same from the same file,
//! both agreeing on the sum of the integrated levels and of the JPM values.
//! `reports`: finalising all of them, then one individual report PDF each (the read of each is
//! recorded in the audit trail, as in the product), compared with reportlab drawing the same
//! pages from the report data.

use std::collections::HashMap;
use std::time::Instant;

use chrono::NaiveDate;
use talenta_app::access::{Actor, Credential, Role};
use talenta_app::event::{AssessorSpec, Cohort, EventSpec};
use talenta_domain::method::{Method, parse_matrix};
use talenta_domain::{CoreCompetency, PositionClass, Purpose};
use talenta_store::Db;

use crate::{Rng, best_of, out_dir, peer};

const CODE: &str = "bekasi-2227";

fn ctx() -> talenta_app::Ctx {
    talenta_app::Ctx {
        actor: "bench".into(),
        audit_key: talenta_store::audit::AuditKey::new(vec![7u8; 32]).unwrap(),
        now: chrono::DateTime::parse_from_rfc3339("2026-11-27T08:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc),
    }
}

/// The Bekasi database with the event planned and every rating submitted; returns the admin.
fn setup(n: usize, path: &std::path::Path) -> (Db, Actor) {
    let _ = std::fs::remove_file(path);
    let mut db = talenta_app::tenant::open(path.to_str().unwrap(), chrono::Utc::now()).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let g = talenta_demo::demo_governments(as_of)
        .into_iter()
        .find(|g| g.code == "kab-bekasi")
        .unwrap();
    talenta_demo::load(&mut db, &ctx(), &g).unwrap();
    let tenant = talenta_store::master::tenant_by_code(&mut db, "kab-bekasi")
        .unwrap()
        .unwrap();
    let admin = Actor {
        account_id: None,
        name: "bench".into(),
        login: "bench".into(),
        tenant: tenant.clone(),
        role: Role::TenantAdmin,
        employee_id: None,
        tenants: vec![],
        credential: Credential::ApiKey,
    };
    let positions: HashMap<i64, talenta_domain::master::Position> =
        talenta_store::master::list_positions(&mut db, tenant.id)
            .unwrap()
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
    let nips: Vec<talenta_domain::Nip> = talenta_store::master::list_employees(&mut db, tenant.id)
        .unwrap()
        .into_iter()
        .filter(|e| {
            e.position_id
                .and_then(|p| positions.get(&p))
                .is_some_and(|p| {
                    !matches!(
                        p.class,
                        PositionClass::JptUtama
                            | PositionClass::JptMadya
                            | PositionClass::JptPratama
                    )
                })
        })
        .take(n)
        .map(|e| e.nip)
        .collect();
    assert_eq!(nips.len(), n);
    let matrix = parse_matrix(
        &CoreCompetency::ALL
            .iter()
            .map(|c| format!("{}: wawancara, in-tray, analisis-kasus", c.code()))
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    let spec = EventSpec {
        code: CODE.into(),
        name: "Asesmen Kompetensi Kabupaten Bekasi".into(),
        purpose: Purpose::Pemetaan,
        dates: (1..=3)
            .map(|d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap())
            .collect(),
        sessions: vec![260, 260, 260],
        rooms: vec![],
        matrix: Some(matrix),
        day_capacity: 780,
        per_participant: 2,
        max_per_assessor_day: 45,
        unit_share_percent: 100,
        cohort: Cohort {
            nips,
            ..Cohort::default()
        },
        assessors: (1..=40)
            .map(|i| AssessorSpec::external(&format!("Asesor {i}|BKD Provinsi Jawa Barat")))
            .collect(),
        methods: vec![Method::Interview, Method::InTray, Method::CaseAnalysis],
        min_methods: 2,
        group_size: (4, 8),
        integration: talenta_domain::integration::Rule::Mean,
        missing: talenta_domain::integration::Missing::Skip,
    };
    let (event, size) =
        talenta_app::event::create_event(&mut db, &ctx(), &admin.grant().unwrap(), &spec).unwrap();
    assert_eq!(size, n);
    talenta_app::event::plan(&mut db, &ctx(), &admin.grant().unwrap(), CODE).unwrap();
    // Every assessor rates every competency by every method, submitted (levels 2 to 4 in half steps).
    let assignments = talenta_store::event::assignments(&mut db, tenant.id, event.id).unwrap();
    let mut rng = Rng(2227);
    let cells: Vec<(&str, &str)> = ["wawancara", "in-tray", "analisis-kasus"]
        .iter()
        .flat_map(|m| CoreCompetency::ALL.iter().map(move |c| (*m, c.code())))
        .collect();
    let rows: Vec<(i64, i64, &str, &str, i64)> = assignments
        .iter()
        .flat_map(|(e, a)| cells.iter().map(move |(m, c)| (*e, *a, *m, *c)))
        .map(|(e, a, m, c)| (e, a, m, c, 20 + 5 * rng.below(5) as i64))
        .collect();
    db.transaction(|tx| {
        for chunk in rows.chunks(400) {
            let sql = format!(
                "INSERT INTO scores (tenant_id, event_id, employee_id, assessor_id, method, competency, level_tenths, evidence, submitted, version, updated_at) VALUES {}",
                vec!["(?, ?, ?, ?, ?, ?, ?, 'bukti', 1, 1, '2026-12-01T10:00:00Z')"; chunk.len()].join(",")
            );
            let mut params: Vec<talenta_store::Param<'_>> = Vec::new();
            for (e, a, m, c, l) in chunk {
                params.extend::<[talenta_store::Param<'_>; 7]>([
                    tenant.id.into(),
                    event.id.into(),
                    (*e).into(),
                    (*a).into(),
                    (*m).into(),
                    (*c).into(),
                    (*l).into(),
                ]);
            }
            tx.execute(&sql, &params)?;
        }
        Ok::<(), talenta_store::StoreError>(())
    })
    .unwrap();
    assert_eq!(rows.len(), n * 2 * 27);
    (db, admin)
}

/// Integration of the whole event from the database, against Python sqlite3 + numpy.
pub fn integrate(n: usize) {
    let path = out_dir().join("results-bench.sqlite");
    let (mut db, admin) = setup(n, &path);
    let mut all = None;
    let secs = best_of(5, || {
        all = Some(
            talenta_app::results::integration(&mut db, &admin.grant().unwrap(), CODE).unwrap(),
        );
    });
    let all = all.unwrap();
    assert_eq!(all.rows.len(), n);
    assert!(all.rows.iter().all(|r| r.ready()));
    let level_sum: u64 = all
        .rows
        .iter()
        .flat_map(|r| r.integrated.iter())
        .map(|i| u64::from(i.level.unwrap().tenths()))
        .sum();
    let jpm_sum: f64 = all
        .rows
        .iter()
        .filter_map(|r| r.jpm)
        .map(|j| j.percent())
        .sum();
    let flagged: usize = all.rows.iter().map(|r| r.flagged()).sum();
    let p = peer(
        "bench/peers/integrate_numpy.py",
        &[
            path.to_str().unwrap(),
            &admin.tenant.id.to_string(),
            &all.event.id.to_string(),
        ],
    );
    assert_eq!(
        p["level_sum"].as_u64().unwrap(),
        level_sum,
        "numpy integrates otherwise"
    );
    assert!(
        (p["jpm_sum"].as_f64().unwrap() - jpm_sum).abs() < 1e-6 * jpm_sum,
        "numpy JPM differs: {} vs {jpm_sum}",
        p["jpm_sum"]
    );
    assert_eq!(p["flagged"].as_u64().unwrap() as usize, flagged);
    let peer_secs = p["seconds"].as_f64().unwrap();
    println!(
        "{}",
        serde_json::json!({
            "bench": "integrate_event", "participants": n, "ratings": n * 54, "talenta_ms": secs * 1e3,
            "python_sqlite3_numpy_ms": peer_secs * 1e3, "speedup_vs_python_numpy": peer_secs / secs,
            "target_ms": 1000, "flagged_competencies": flagged,
        })
    );
}

/// Every participant's report PDF after finalising, against reportlab drawing the same pages.
pub fn reports(n: usize) {
    let path = out_dir().join("reports-bench.sqlite");
    let (mut db, admin) = setup(n, &path);
    let done = talenta_app::results::finalise(&mut db, &ctx(), &admin.grant().unwrap(), CODE, None)
        .unwrap();
    assert_eq!(done.finalised, n);
    let ids: Vec<i64> = talenta_app::results::integration(&mut db, &admin.grant().unwrap(), CODE)
        .unwrap()
        .rows
        .iter()
        .map(|r| r.employee.id)
        .collect();
    let dir = out_dir().join("reports");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let organisation = admin.tenant.name.clone();
    let mut data = Vec::with_capacity(n);
    let t = Instant::now();
    let mut bytes = 0usize;
    for id in &ids {
        let about = admin.grant_about(&mut db, *id).unwrap();
        let r = talenta_app::results::report(&mut db, &ctx(), &about, None, None).unwrap();
        let pdf = talenta_app::report::report_pdf(&r, &organisation).unwrap();
        bytes += pdf.len();
        std::fs::write(dir.join(format!("{}.pdf", r.employee.nip.digits())), &pdf).unwrap();
        data.push(serde_json::json!({
            "name": r.employee.name, "nip": r.employee.nip.to_string(), "unit": r.unit,
            "levels": r.result.levels.iter().map(|(c, l)| (c.code().to_string(), l.tenths())).collect::<Vec<_>>(),
            "required": r.current.as_ref().map(|c| c.gaps.iter().map(|g| (g.code.code().to_string(), g.required.tenths())).collect::<Vec<_>>()).unwrap_or_default(),
            "jpm": r.current.as_ref().map(|c| c.reported_percent),
            "advice": r.development.iter().map(|a| a.text.clone()).collect::<Vec<_>>(),
        }));
    }
    let secs = t.elapsed().as_secs_f64();
    let json = out_dir().join("reports.json");
    std::fs::write(&json, serde_json::Value::Array(data).to_string()).unwrap();
    let peer_dir = out_dir().join("reports-reportlab");
    let p = peer(
        "bench/peers/reports_reportlab.py",
        &[json.to_str().unwrap(), peer_dir.to_str().unwrap()],
    );
    assert_eq!(p["pdfs"].as_u64().unwrap() as usize, n);
    let peer_secs = p["seconds"].as_f64().unwrap();
    println!(
        "{}",
        serde_json::json!({
            "bench": "report_pdfs", "pdfs": n, "talenta_s": secs, "talenta_mb": bytes as f64 / 1e6,
            "reportlab_s": peer_secs, "speedup_vs_reportlab": peer_secs / secs, "target_s": 60,
        })
    );
}
