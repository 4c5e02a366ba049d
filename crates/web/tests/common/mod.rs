//! A small world for web tests: two tenants, each with a unit, a position with a standard, two
//! employees with results; accounts for every role in tenant A (the employee account is
//! employee A1); an API key per role. Requests go through the real router in-process.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // shared test support

use axum::body::{Body, to_bytes};
use axum::http::{Request, Response};
use chrono::NaiveDate;
use talenta_app::access::{self, AccountSpec, Actor, Role};
use talenta_domain::competency::{CompetencyCode, CoreCompetency, Level};
use talenta_domain::master::Tenant;
use talenta_domain::position::{Eselon, PositionClass};
use talenta_domain::{Nip, Purpose};
use talenta_store::master::*;
use talenta_store::testing::Seed;
use talenta_store::{Db, testing};
use talenta_web::{AppState, Config};
use tower::ServiceExt;

pub use talenta_fixture::{PASSWORD, ctx, key, now};

/// A tenant with the unit BKPSDM, the post KABID (Administrator, standard level 3) and two
/// employees in it, each with a result at level 3: (tenant, the post, the two employees).
fn seed_tenant(db: &mut Db, code: &str, nips: [&str; 2]) -> (Tenant, i64, [i64; 2]) {
    let s = Seed::new(code)
        .unit("BKPSDM", "Badan Kepegawaian", None)
        .position(
            "KABID",
            "Kepala Bidang Mutasi",
            PositionClass::Administrator,
            Some(Eselon::IIIB),
            "BKPSDM",
            None,
        )
        .standard("KABID", 3)
        .employee(
            nips[0],
            &format!("Pegawai {}", &nips[0][14..]),
            Some("KABID"),
        )
        .employee(
            nips[1],
            &format!("Pegawai {}", &nips[1][14..]),
            Some("KABID"),
        )
        .store(db);
    let results: Vec<ResultInput> = nips
        .iter()
        .map(|n| ResultInput {
            nip: Nip::parse(n).unwrap(),
            assessed_on: NaiveDate::from_ymd_opt(2025, 5, 5).unwrap(),
            provider: "BKD Provinsi".into(),
            purpose: Purpose::Pemetaan,
            levels: CoreCompetency::ALL
                .iter()
                .map(|c| (CompetencyCode::Core(*c), Level::whole(3).unwrap()))
                .collect(),
            job_class: None,
        })
        .collect();
    upsert_results(db, s.tenant.id, &results).unwrap();
    let people = [s.employee(nips[0]), s.employee(nips[1])];
    (s.tenant.clone(), s.position("KABID"), people)
}

pub struct World {
    pub db: testing::TestDb,
    pub a: Tenant,
    pub b: Tenant,
    /// Employees: own (A1, the employee account), other in A (A2), in B (B1).
    pub own: i64,
    pub other: i64,
    pub foreign: i64,
    pub position_a: i64,
    /// Session cookie and CSRF token per role (tenant A).
    pub sessions: Vec<(Role, String, String)>,
    /// API key per role (tenant A).
    pub api_keys: Vec<(Role, String)>,
}

impl World {
    pub fn new(mut db: testing::TestDb) -> World {
        let (a, position_a, [own, other]) = seed_tenant(
            &mut db.db,
            "kota-a",
            ["198001012005011001", "198102022006012002"],
        );
        let (b, _, [foreign, _]) = seed_tenant(
            &mut db.db,
            "kota-b",
            ["198203032007011003", "198304042008012004"],
        );
        let mut sessions = Vec::new();
        let mut api_keys = Vec::new();
        for role in Role::ALL {
            let login = format!("{}.a", role.code());
            let employee_id = (role == Role::Employee).then_some(own);
            access::put_account(
                &mut db.db,
                &ctx(),
                &a,
                &AccountSpec {
                    login: &login,
                    display_name: role.label(),
                    password: PASSWORD,
                    role,
                    employee_id,
                },
            )
            .unwrap();
            let s = access::login(
                &mut db.db,
                &key(),
                &login,
                PASSWORD,
                "127.0.0.1",
                now(),
                &Default::default(),
            )
            .unwrap()
            .unwrap();
            sessions.push((role, s.token, s.csrf));
            if role != Role::Employee {
                api_keys.push((
                    role,
                    access::create_api_key(
                        &mut db.db,
                        &ctx(),
                        &a,
                        &format!("sistem-{}", role.code()),
                        role,
                    )
                    .unwrap(),
                ));
            }
        }
        // An event of tenant A, scheduled: its two employees, two external assessors, one day.
        let admin = Actor {
            account_id: None,
            name: "penyiap".into(),
            login: "penyiap".into(),
            tenant: a.clone(),
            role: Role::TenantAdmin,
            employee_id: None,
            tenants: vec![],
            credential: talenta_app::access::Credential::ApiKey,
        };
        let spec = talenta_app::event::EventSpec {
            code: "asesmen-uji".into(),
            name: "Asesmen Uji".into(),
            purpose: Purpose::Pemetaan,
            dates: vec![NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()],
            sessions: vec![10],
            rooms: vec![],
            matrix: None,
            day_capacity: 10,
            per_participant: 1,
            max_per_assessor_day: 5,
            unit_share_percent: 100,
            cohort: talenta_app::event::Cohort::default(),
            assessors: vec![
                talenta_app::event::AssessorSpec {
                    name: "Asesor Satu".into(),
                    organisation: "BKD Provinsi".into(),
                    nip: None,
                    level: String::new(),
                    login: Some("asesor.a".into()),
                },
                talenta_app::event::AssessorSpec {
                    name: "Asesor Dua".into(),
                    organisation: "BKD Provinsi".into(),
                    nip: None,
                    level: String::new(),
                    login: None,
                },
            ],
            methods: vec![
                talenta_domain::method::Method::Interview,
                talenta_domain::method::Method::WrittenTest,
            ],
            min_methods: 1,
            group_size: (4, 8),
            integration: talenta_domain::integration::Rule::Mean,
            missing: talenta_domain::integration::Missing::Skip,
        };
        talenta_app::event::create_event(&mut db.db, &ctx(), &admin.grant().unwrap(), &spec)
            .unwrap();
        talenta_app::event::plan(&mut db.db, &ctx(), &admin.grant().unwrap(), "asesmen-uji")
            .unwrap();
        // A selection of tenant A's post, its panel chaired from outside, one application.
        let spec = talenta_app::selection::SelectionSpec {
            code: "seleksi-uji".into(),
            name: "Seleksi Uji".into(),
            kind: talenta_app::selection::Kind::Open,
            posts: vec!["KABID".into()],
            stages: vec![talenta_domain::selection::Stage {
                kind: talenta_domain::selection::StageKind::Interview,
                weight: 100,
                pass: talenta_domain::selection::PassRule::MinScore(6000),
            }],
            quorum: 1,
            requirements: "S1".into(),
            opens_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            closes_on: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            calendar: Default::default(),
            panel: [
                "Ketua|Universitas|luar|ketua|pansel.a",
                "Anggota Satu|BKD|luar|anggota|",
                "Anggota Dua|Setda|dalam|anggota|",
            ]
            .iter()
            .map(|l| {
                let p: Vec<&str> = l.split('|').collect();
                talenta_app::selection::PanelSpec {
                    name: p[0].into(),
                    organisation: p[1].into(),
                    external: p[2] == "luar",
                    chair: p[3] == "ketua",
                    login: (!p[4].is_empty()).then(|| p[4].to_string()),
                }
            })
            .collect(),
            publish_scores: false,
        };
        talenta_app::selection::create(&mut db.db, &ctx(), &admin.grant().unwrap(), &spec).unwrap();
        let other_nip = talenta_store::master::list_employees(&mut db.db, a.id)
            .unwrap()
            .into_iter()
            .find(|e| e.id == other)
            .unwrap()
            .nip;
        talenta_app::selection::apply(
            &mut db.db,
            &ctx(),
            &admin.grant().unwrap(),
            "seleksi-uji",
            "KABID",
            &talenta_app::selection::Who::Internal(other_nip),
            NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
        // The assessor also serves tenant B (assessors are borrowed across governments).
        let assessor = talenta_store::access::account_by_login(&mut db.db, "asesor.a")
            .unwrap()
            .unwrap();
        talenta_store::access::set_membership(&mut db.db, assessor.id, b.id, "asesor", None)
            .unwrap();
        World {
            db,
            a,
            b,
            own,
            other,
            foreign,
            position_a,
            sessions,
            api_keys,
        }
    }

    pub fn state(&self) -> AppState {
        let mut config = Config::new(&self.db.url, key());
        config.fixed_now = Some(now());
        AppState::new(config)
    }

    pub fn session(&self, role: Role) -> (String, String) {
        let (_, t, c) = self.sessions.iter().find(|(r, _, _)| *r == role).unwrap();
        (t.clone(), c.clone())
    }
}

pub struct Reply {
    pub status: u16,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

pub async fn send(state: &AppState, req: Request<Body>) -> Reply {
    let res: Response<Body> = talenta_web::app(state.clone()).oneshot(req).await.unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body =
        String::from_utf8_lossy(&to_bytes(res.into_body(), usize::MAX).await.unwrap()).into_owned();
    Reply {
        status,
        headers,
        body,
    }
}

pub fn get(path: &str, cookie: Option<&str>) -> Request<Body> {
    let mut b = Request::get(path);
    if let Some(c) = cookie {
        b = b.header("cookie", format!("__Host-talenta={c}"));
    }
    b.body(Body::empty()).unwrap()
}

pub fn post_form(path: &str, cookie: Option<&str>, form: &str) -> Request<Body> {
    let mut b = Request::post(path).header("content-type", "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        b = b.header("cookie", format!("__Host-talenta={c}"));
    }
    b.body(Body::from(form.to_string())).unwrap()
}

/// Both engines, each with a fresh world.
pub fn worlds() -> Vec<World> {
    testing::both().into_iter().map(World::new).collect()
}

/// A runtime for the async half of a test (worlds are built outside it: the PostgreSQL client
/// is synchronous and may not run inside a runtime's async context).
pub fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}
