//! A small world for web tests: two tenants, each with a unit, a position with a standard, two
//! employees with results; accounts for every role in tenant A (the employee account is
//! employee A1); an API key per role. Tenant A has an event and a selection; tenant B has its
//! own (see [`seed_foreign_activity`]), some under the same codes as A's, for the cross-tenant
//! probes. Requests go through the real router in-process.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // shared test support

use std::future::Future;
use std::pin::Pin;

use axum::body::{Body, to_bytes};
use axum::http::{Method, Request, Response};
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

use talenta_fixture::date;
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
            assessed_on: date(2025, 5, 5),
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
    /// Tenant B's post KABID (same code and name as A's, another id).
    pub position_b: i64,
    /// Tenant B's second employee (B2), who applies to both of B's selections.
    pub foreign_2: i64,
    /// B2's applications: to B's `seleksi-uji` (admitted) and to `seleksi-b`.
    pub applicants_b: [i64; 2],
    /// The id of an import report of tenant B.
    pub report_b: String,
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
        let (b, position_b, [foreign, foreign_2]) = seed_tenant(
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
                        &talenta_fixture::admin(&a).grant().unwrap(),
                        &format!("sistem-{}", role.code()),
                        role,
                        now().date_naive() + chrono::Days::new(365),
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
            dates: vec![date(2026, 12, 7)],
            sessions: vec![10],
            rooms: vec![],
            matrix: None,
            day_capacity: 10,
            per_participant: 1,
            max_per_assessor_day: 5,
            unit_share_percent: 100,
            cohort: talenta_app::event::Cohort::default(),
            assessors: [("Asesor Satu", Some("asesor.a")), ("Asesor Dua", None)]
                .iter()
                .map(|(name, login)| talenta_app::event::AssessorSpec {
                    name: (*name).into(),
                    organisation: "BKD Provinsi".into(),
                    nip: None,
                    level: String::new(),
                    login: login.map(Into::into),
                })
                .collect(),
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
            opens_on: date(2026, 11, 1),
            closes_on: date(2026, 11, 30),
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
            date(2026, 11, 27),
        )
        .unwrap();
        // The assessor also serves tenant B (assessors are borrowed across governments).
        let assessor = talenta_store::access::account_by_login(&mut db.db, "asesor.a")
            .unwrap()
            .unwrap();
        talenta_store::access::set_membership(&mut db.db, assessor.id, b.id, "asesor", None)
            .unwrap();
        let (applicants_b, report_b) = seed_foreign_activity(&mut db.db, &b, [foreign, foreign_2]);
        World {
            db,
            a,
            b,
            own,
            other,
            foreign,
            position_a,
            position_b,
            foreign_2,
            applicants_b,
            report_b,
            sessions,
            api_keys,
        }
    }

    /// The server's configuration for this world: its database, the test audit key and the
    /// fixed clock of `talenta_fixture::now()`.
    pub fn config(&self) -> Config {
        let mut config = Config::new(&self.db.url, key());
        config.fixed_now = Some(now());
        config
    }

    /// A server on [`World::config`].
    pub fn state(&self) -> AppState {
        AppState::new(self.config())
    }

    /// The session of `role` in tenant A.
    pub fn session(&self, role: Role) -> Session {
        let (_, t, c) = self.sessions.iter().find(|(r, _, _)| *r == role).unwrap();
        (t.clone(), c.clone())
    }

    /// `role`'s browser, signed in to tenant A, against `state`.
    pub fn client(&self, state: &AppState, role: Role) -> Client {
        let (cookie, csrf) = self.session(role);
        Client {
            state: state.clone(),
            cookie,
            csrf,
        }
    }

    /// The API key of `role` in tenant A (every role but the employee has one).
    pub fn api_key(&self, role: Role) -> &str {
        &self.api_keys.iter().find(|(r, _)| *r == role).unwrap().1
    }

    /// Every row of tenant `tenant_id`'s data, as text, read on a connection of its own: equal
    /// before and after a request when the request changed nothing of that tenant (its audit
    /// trail included, so a recorded read of its results counts as a change). Blocks: call it
    /// through `tokio::task::block_in_place` from the async half of a test.
    pub fn tenant_rows(&self, tenant_id: i64) -> String {
        let mut db = Db::open(&self.db.url).unwrap();
        let mut out = String::new();
        let mut dump = |sql: &str| {
            let rows = db.query(sql, &[tenant_id.into()]).unwrap();
            out.push_str(&format!("{sql}\n{rows:?}\n"));
        };
        dump("SELECT * FROM tenants WHERE id = ?");
        for table in TENANT_TABLES {
            dump(&format!(
                "SELECT * FROM {table} WHERE tenant_id = ? ORDER BY 1, 2, 3"
            ));
        }
        out
    }
}

/// The tables of tenant data (every one has `tenant_id`), for [`World::tenant_rows`].
pub const TENANT_TABLES: &[&str] = &[
    "rule_sets",
    "units",
    "positions",
    "position_standards",
    "employees",
    "performance_ratings",
    "sanctions",
    "assessment_results",
    "assessment_result_levels",
    "audit_log",
    "audit_heads",
    "memberships",
    "api_keys",
    "import_reports",
    "position_history",
    "events",
    "event_sessions",
    "event_participants",
    "event_assessors",
    "event_declared_conflicts",
    "event_assignments",
    "scores",
    "consensus_decisions",
    "selections",
    "selection_posts",
    "selection_panel",
    "selection_applicants",
    "selection_conflicts",
    "selection_scores",
    "selection_outcomes",
    "selection_closures",
    "selection_decisions",
];

/// Text that only tenant B's data holds (its people's names and NIPs, the names of its events,
/// assessors, selections, panel and import report): a page or answer to tenant A showing one
/// of them shows B's data.
pub const FOREIGN_MARKS: &[&str] = &[
    "Pegawai 1003",
    "Pegawai 2004",
    "198203032007011003",
    "198304042008012004",
    "Rahasia Kota B",
];

/// Tenant B's own activity, made through the same use cases as A's: an assessor account
/// `asesor.b`; the event `asesmen-uji` (A's code) with both of B's employees, planned, rated by
/// B's assessor and finalised (results final, unpublished, where A's event has none); the event
/// `asesmen-b`, planned; the open selection `seleksi-uji` (A's code) with B2 applying and
/// admitted (where A's applicant is not); the selection `seleksi-b` with B2 applying; an import
/// report. Returns B2's two applicant ids and the report's id.
pub fn seed_foreign_activity(db: &mut Db, b: &Tenant, people: [i64; 2]) -> ([i64; 2], String) {
    use talenta_app::event::{AssessorSpec, Cohort, EventSpec};
    use talenta_app::selection::{PanelSpec, SelectionSpec, Who};
    use talenta_domain::selection::{PassRule, Stage, StageKind};
    let admin = talenta_fixture::actor(db, b, "penyiap.b", Role::TenantAdmin);
    let assessor = talenta_fixture::account(db, b, "asesor.b", Role::Assessor, None);
    let event = |code: &str, name: &str, login: Option<&str>| EventSpec {
        code: code.into(),
        name: name.into(),
        purpose: Purpose::Pemetaan,
        dates: vec![date(2026, 12, 8)],
        sessions: vec![10],
        rooms: vec![],
        matrix: None,
        day_capacity: 10,
        per_participant: 1,
        max_per_assessor_day: 5,
        unit_share_percent: 100,
        cohort: Cohort::default(),
        assessors: vec![AssessorSpec {
            name: format!("Asesor {name}"),
            organisation: "BKD Rahasia Kota B".into(),
            nip: None,
            level: String::new(),
            login: login.map(Into::into),
        }],
        methods: vec![
            talenta_domain::method::Method::Interview,
            talenta_domain::method::Method::WrittenTest,
        ],
        min_methods: 1,
        group_size: (4, 8),
        integration: talenta_domain::integration::Rule::Mean,
        missing: talenta_domain::integration::Missing::Skip,
    };
    for spec in [
        event("asesmen-uji", "Asesmen Rahasia Kota B", Some("asesor.b")),
        event("asesmen-b", "Asesmen Lain Rahasia Kota B", None),
    ] {
        let (_, size) =
            talenta_app::event::create_event(db, &ctx(), &admin.grant().unwrap(), &spec).unwrap();
        assert_eq!(size, 2, "both of B's employees take part in {}", spec.code);
        talenta_app::event::plan(db, &ctx(), &admin.grant().unwrap(), &spec.code).unwrap();
    }
    let me =
        talenta_app::scoring::assessor_of(db, &assessor.grant().unwrap(), "asesmen-uji").unwrap();
    for p in people {
        let entries: Vec<talenta_app::scoring::Entry> = talenta_app::scoring::sheet(db, &me, p)
            .unwrap()
            .cells
            .into_iter()
            .map(|c| talenta_app::scoring::Entry {
                method: c.method,
                competency: c.competency,
                level: Some(Level::whole(3).unwrap()),
                evidence: "menyampaikan contoh perilaku yang relevan".into(),
                version: None,
                changed: true,
            })
            .collect();
        talenta_app::scoring::save(db, &ctx(), &me, p, &entries, true).unwrap();
    }
    let done =
        talenta_app::results::finalise(db, &ctx(), &admin.grant().unwrap(), "asesmen-uji", None)
            .unwrap();
    assert_eq!(done.finalised, 2, "B's results are final");
    let selection = |code: &str, name: &str| SelectionSpec {
        code: code.into(),
        name: name.into(),
        kind: talenta_app::selection::Kind::Open,
        posts: vec!["KABID".into()],
        stages: vec![Stage {
            kind: StageKind::Interview,
            weight: 100,
            pass: PassRule::MinScore(6000),
        }],
        quorum: 1,
        requirements: "S1".into(),
        opens_on: date(2026, 11, 1),
        closes_on: date(2026, 11, 30),
        calendar: Default::default(),
        panel: [
            "Ketua Pansel Rahasia Kota B",
            "Anggota Pansel Rahasia Kota B",
            "Anggota Dalam Rahasia Kota B",
        ]
        .iter()
        .enumerate()
        .map(|(i, name)| PanelSpec {
            name: (*name).into(),
            organisation: "Universitas".into(),
            external: i < 2,
            chair: i == 0,
            login: None,
        })
        .collect(),
        publish_scores: false,
    };
    let applicant = talenta_store::master::list_employees(db, b.id)
        .unwrap()
        .into_iter()
        .find(|e| e.id == people[1])
        .unwrap()
        .nip;
    let mut applicants = [0; 2];
    for (i, (code, name)) in [
        ("seleksi-uji", "Seleksi Rahasia Kota B"),
        ("seleksi-b", "Seleksi Lain Rahasia Kota B"),
    ]
    .into_iter()
    .enumerate()
    {
        talenta_app::selection::create(db, &ctx(), &admin.grant().unwrap(), &selection(code, name))
            .unwrap();
        let id = talenta_app::selection::apply(
            db,
            &ctx(),
            &admin.grant().unwrap(),
            code,
            "KABID",
            &Who::Internal(applicant),
            date(2026, 11, 27),
        )
        .unwrap();
        applicants[i] = id;
        if code == "seleksi-uji" {
            talenta_app::selection::screen(
                db,
                &ctx(),
                &admin.grant().unwrap(),
                code,
                id,
                true,
                "berkas lengkap",
            )
            .unwrap();
        }
    }
    let report = "b0".repeat(16);
    talenta_store::master::save_import_report(
        db,
        &report,
        b.id,
        "employees",
        r#"{"errors":[[2,"nama","Pegawai Rahasia Kota B","wajib diisi"]],"warnings":[]}"#,
        "2026-11-27T08:00:00.000Z",
    )
    .unwrap();
    (applicants, report)
}

/// A signed-in session: (session cookie, CSRF token).
pub type Session = (String, String);

/// A browser signed in as one account: every request carries its session cookie, and every
/// change its CSRF token.
pub struct Client {
    /// The server it talks to.
    pub state: AppState,
    /// The session cookie's value.
    pub cookie: String,
    /// The session's CSRF token.
    pub csrf: String,
}

impl Client {
    /// GET `path`.
    pub async fn get(&self, path: &str) -> Reply {
        send(&self.state, get(path, Some(&self.cookie))).await
    }

    /// POST the form `fields` (`a=1&b=2`, or empty) to `path`, the session's CSRF token first.
    pub async fn post(&self, path: &str, fields: &str) -> Reply {
        let form = if fields.is_empty() {
            format!("_csrf={}", self.csrf)
        } else {
            format!("_csrf={}&{fields}", self.csrf)
        };
        self.send_form(path, &form).await
    }

    /// POST `form` as given: its own CSRF field, a wrong one or none.
    pub async fn send_form(&self, path: &str, form: &str) -> Reply {
        send(&self.state, post_form(path, Some(&self.cookie), form)).await
    }

    /// POST the JSON `body` to `path`, the CSRF token in its header.
    pub async fn post_json(&self, path: &str, body: &str) -> Reply {
        let req = Request::post(path)
            .header("cookie", format!("__Host-talenta={}", self.cookie))
            .header("x-csrf-token", &self.csrf)
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        send(&self.state, req).await
    }
}

pub struct Reply {
    pub status: u16,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    /// The body read as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap()
    }

    /// The header `name` as text.
    pub fn header(&self, name: &str) -> &str {
        self.headers[name].to_str().unwrap()
    }

    /// Asserts that the body contains `text`, showing the body when it does not.
    #[track_caller]
    pub fn assert_contains(&self, text: &str) {
        assert!(self.body.contains(text), "{}", self.body);
    }

    /// Asserts that the body contains `text`, saying `why` when it does not.
    #[track_caller]
    pub fn assert_says(&self, text: &str, why: &str) {
        assert!(self.body.contains(text), "{why}");
    }

    /// Asserts the status and that the body contains `text`, showing the body when either fails.
    #[track_caller]
    pub fn assert_shows(&self, status: u16, text: &str) {
        assert_eq!(self.status, status, "{}", self.body);
        self.assert_contains(text);
    }
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

/// A bodiless `method path` authorised by the API key `key`.
pub fn with_key(method: Method, path: &str, key: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(path)
        .header("authorization", format!("Bearer {key}"))
        .body(Body::empty())
        .unwrap()
}

/// The number written right after the first `marker` in `body`, up to the next `"`.
pub fn number_after(body: &str, marker: &str) -> i64 {
    let rest = body.split(marker).nth(1);
    assert!(rest.is_some(), "no {marker} in {body}");
    rest.unwrap().split('"').next().unwrap().parse().unwrap()
}

/// The administrator admits the test selection's one applicant (screening passed), so the panel
/// has a candidate to score; returns the applicant's id.
pub async fn admit_the_applicant(admin: &Client) -> i64 {
    let page = admin.get("/seleksi/seleksi-uji").await;
    let id = number_after(&page.body, "name=\"applicant\" value=\"");
    let r = admin
        .post(
            "/seleksi/seleksi-uji/administrasi",
            &format!("applicant={id}&admitted=1&reason=berkas+lengkap"),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    id
}

/// Both engines, each with a fresh world.
pub fn worlds() -> Vec<World> {
    testing::both().into_iter().map(World::new).collect()
}

/// The async half of a test on one world: what it checks, borrowing the world.
pub type Checks<'w> = Pin<Box<dyn Future<Output = ()> + 'w>>;

/// Runs `test` on a fresh world of each engine, with a server on [`World::config`]; each world
/// is built and dropped outside the runtime (see [`rt`]).
pub fn each_world(test: impl for<'w> Fn(&'w World, AppState) -> Checks<'w>) {
    for w in worlds() {
        let state = w.state();
        rt().block_on(test(&w, state));
    }
}

/// Runs `test` as [`each_world`] does, on one fresh world on SQLite.
pub fn sqlite_world(test: impl for<'w> Fn(&'w World, AppState) -> Checks<'w>) {
    let w = World::new(testing::sqlite());
    let state = w.state();
    rt().block_on(test(&w, state));
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
