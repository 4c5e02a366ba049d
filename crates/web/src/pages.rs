//! The pages. Each handler extracts, calls one app function on a blocking thread, renders.

use askama::Template;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use talenta_app::Pooled;
use talenta_app::access::{self, Actor, Credential, Permission, Role, role_allows};
use talenta_app::capability::DecideSelection;
use talenta_app::directory::{self, EmployeeQuery};
use talenta_domain::position::PositionClass;

use crate::guard::{PRE_COOKIE, SESSION_COOKIE, cookie};
use crate::i18n::{Lang, Msgs};
use crate::{AppState, WebError, svg};

/// Who is shown in the header, and the menu they may use.
pub struct UserBar {
    /// Name.
    pub name: String,
    /// Role label.
    pub role: &'static str,
    /// Tenant name.
    pub tenant: String,
    /// CSRF token for the logout form.
    pub csrf: String,
    /// Menu (address, label).
    pub nav: Vec<(String, String)>,
    /// Other tenants the account may switch to (id, name, current).
    pub tenants: Vec<(i64, String, bool)>,
}

/// What every page needs.
pub struct Layout {
    /// `<html lang>`.
    pub lang: &'static str,
    /// Words.
    pub m: &'static Msgs,
    /// The logged-in user, if any.
    pub user: Option<UserBar>,
}

/// The layout of a page for this request and actor.
pub fn page_layout(headers: &HeaderMap, actor: Option<&Actor>) -> Layout {
    layout(headers, actor)
}

fn layout(headers: &HeaderMap, actor: Option<&Actor>) -> Layout {
    let lang = Lang::of(headers);
    let m = lang.msgs();
    let user = actor.map(|a| {
        let mut nav = vec![("/".to_string(), m.home.to_string())];
        if role_allows(a.role, Permission::ViewMasterData) {
            nav.push(("/pegawai".into(), m.employees.into()));
            nav.push(("/jabatan".into(), "Jabatan".into()));
            nav.push(("/unit".into(), "Unit Kerja".into()));
            nav.push(("/acara".into(), "Acara Asesmen".into()));
        }
        if role_allows(a.role, Permission::EditMasterData) {
            nav.push(("/impor".into(), "Impor".into()));
        }
        if role_allows(a.role, Permission::ManageSelection) {
            nav.push(("/seleksi".into(), "Seleksi".into()));
        }
        if role_allows(a.role, Permission::ViewTalentMap) {
            nav.push(("/peta-talenta".into(), m.talent_map.into()));
            nav.push(("/suksesi".into(), "Suksesi".into()));
            nav.push(("/rotasi".into(), "Rotasi".into()));
        }
        if role_allows(a.role, Permission::ViewAudit) {
            nav.push(("/audit".into(), m.audit.into()));
        }
        if role_allows(a.role, Permission::ManageAccess) {
            nav.push(("/kunci-api".into(), m.keys.into()));
        }
        if a.employee_id.is_some() {
            nav.push(("/saya/akses".into(), m.my_access.into()));
        }
        UserBar {
            name: a.name.clone(),
            role: a.role.label(),
            tenant: a.tenant.name.clone(),
            csrf: csrf_of(a),
            nav,
            tenants: if a.tenants.len() > 1 {
                a.tenants
                    .iter()
                    .map(|(id, name)| (*id, name.clone(), *id == a.tenant.id))
                    .collect()
            } else {
                Vec::new()
            },
        }
    });
    Layout {
        lang: lang.code(),
        m,
        user,
    }
}

/// The CSRF token a form of this actor's pages carries (none for an API key).
pub(crate) fn csrf_of(actor: &Actor) -> String {
    match &actor.credential {
        Credential::Session { csrf } => csrf.clone(),
        Credential::ApiKey => String::new(),
    }
}

/// A page's HTML from its template.
pub(crate) fn render(t: &impl Template) -> Result<Html<String>, WebError> {
    t.render()
        .map(Html)
        .map_err(|_| WebError::Internal("template".into()))
}

/// A page with its status.
pub(crate) fn respond(status: StatusCode, page: &impl Template) -> Result<Response, WebError> {
    Ok((status, render(page)?).into_response())
}

/// The JPM of a comparison as a percentage with a decimal comma, or "-".
pub(crate) fn jpm_text(j: Option<talenta_domain::Jpm>) -> String {
    j.map(|j| format!("{:.2} %", j.percent()).replace('.', ","))
        .unwrap_or_else(|| "-".into())
}

/// A signed-in request for a page: the server state, the request's headers (for the language)
/// and who asks. Extracted like `State(state), headers, Extension(actor)` (the guard has put the
/// actor there), so a request without one is refused as axum refuses a missing extension.
#[derive(FromRequestParts)]
#[from_request(state(AppState))]
pub struct Viewer {
    #[from_request(via(State))]
    pub(crate) state: AppState,
    pub(crate) headers: HeaderMap,
    #[from_request(via(Extension))]
    pub(crate) actor: Actor,
}

impl Viewer {
    /// The layout of the page for this request and actor.
    pub(crate) fn layout(&self) -> Layout {
        layout(&self.headers, Some(&self.actor))
    }

    /// The words of the request's language.
    pub(crate) fn msgs(&self) -> &'static Msgs {
        Lang::of(&self.headers).msgs()
    }

    /// The actor's audit context, taken now.
    pub(crate) fn ctx(&self) -> talenta_app::Ctx {
        self.actor
            .ctx(&self.state.config.audit_key, self.state.now())
    }

    /// Runs `f` on a pooled connection on a blocking thread with a copy of the actor.
    pub(crate) async fn db<T, F>(&self, f: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Pooled, &Actor) -> Result<T, WebError> + Send + 'static,
    {
        let a = self.actor.clone();
        self.state.db(move |db| f(db, &a)).await
    }
}

// ---------------------------------------------------------------- errors and assets

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    message: String,
}

/// The page for an error (no user bar: the error may be that there is no user).
pub fn error_page(e: &WebError) -> Html<String> {
    let page = ErrorPage {
        layout: layout(&HeaderMap::new(), None),
        message: e.to_string(),
    };
    Html(page.render().unwrap_or_else(|_| e.to_string()))
}

/// Anything not in the registry.
pub async fn not_found() -> Response {
    WebError::NotFound.into_response()
}

/// Static assets compiled into the binary (no CDN: agencies run on closed networks).
pub async fn asset(Path(file): Path<String>) -> Response {
    let (body, kind): (&'static [u8], &str) = match file.as_str() {
        "htmx.min.js" => (
            include_bytes!("../static/htmx.min.js"),
            "text/javascript; charset=utf-8",
        ),
        "talenta.css" => (
            include_bytes!("../static/talenta.css"),
            "text/css; charset=utf-8",
        ),
        _ => return WebError::NotFound.into_response(),
    };
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

// ---------------------------------------------------------------- login and logout

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Layout,
    csrf: String,
    error: Option<String>,
}

fn pre_cookie(token: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{PRE_COOKIE}={token}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=3600"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn login_page(
    headers: &HeaderMap,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, WebError> {
    let csrf = access::random_token(32)?;
    let page = LoginPage {
        layout: layout(headers, None),
        csrf: csrf.clone(),
        error,
    };
    let mut res = (status, render(&page)?).into_response();
    res.headers_mut()
        .append(header::SET_COOKIE, pre_cookie(&csrf));
    Ok(res)
}

/// The login form (a logged-in user goes to the dashboard).
pub async fn login_form(
    headers: HeaderMap,
    actor: Option<Extension<Actor>>,
) -> Result<Response, WebError> {
    if actor.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    login_page(&headers, StatusCode::OK, None)
}

/// Login form fields.
#[derive(Deserialize)]
pub struct LoginForm {
    login: String,
    password: String,
}

/// Checks the login (argon2 on a blocking thread), then sets a new session cookie.
pub async fn login(State(state): State<AppState>, req: Request) -> Result<Response, WebError> {
    let peer = req
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    let address = state.client_address(peer, req.headers());
    let headers = req.headers().clone();
    let Form(form) = Form::<LoginForm>::from_request(req, &state)
        .await
        .map_err(|_| WebError::BadRequest("isian masuk tidak lengkap".into()))?;
    let now = state.now();
    let rules = state.config.session;
    let login = form.login.trim().to_string();
    let key = state.config.audit_key.clone();
    // One turn of the password checks: a login storm waits here instead of hashing at once.
    let _turn = state
        .password_checks
        .clone()
        .acquire_owned()
        .await
        .map_err(|_| WebError::Internal("password_checks".into()))?;
    let outcome = state
        .db(move |db| {
            Ok(access::login(
                db,
                &key,
                &login,
                &form.password,
                &address,
                now,
                &rules,
            )?)
        })
        .await?;
    match outcome {
        Ok(session) => {
            let mut res = Redirect::to("/").into_response();
            let set = format!(
                "{SESSION_COOKIE}={}; Path=/; Secure; HttpOnly; SameSite=Lax",
                session.token
            );
            res.headers_mut().append(
                header::SET_COOKIE,
                HeaderValue::from_str(&set).map_err(|_| WebError::Internal("cookie".into()))?,
            );
            res.headers_mut().append(
                header::SET_COOKIE,
                HeaderValue::from_static(
                    "__Host-talenta-pre=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0",
                ),
            );
            Ok(res)
        }
        Err(e) => login_page(&headers, StatusCode::UNAUTHORIZED, Some(e.to_string())),
    }
}

/// Ends the session and clears the cookie.
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    Extension(actor): Extension<Actor>,
) -> Result<Response, WebError> {
    if let Some(token) = cookie(&headers, SESSION_COOKIE).map(str::to_string) {
        let ctx = actor.ctx(&state.config.audit_key, state.now());
        state
            .db(move |db| Ok(access::logout(db, &ctx, &actor, &token)?))
            .await?;
    }
    let mut res = Redirect::to("/masuk").into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_static(
            "__Host-talenta=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0",
        ),
    );
    Ok(res)
}

// ---------------------------------------------------------------- dashboard

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    layout: Layout,
    name: String,
    role: &'static str,
    tenant: String,
    cards: Vec<(String, String, String)>,
    empty: &'static str,
    /// The last backup, for those who keep the master data.
    backup: Option<String>,
}

/// The home page: what this role can do.
pub async fn dashboard(
    State(state): State<AppState>,
    headers: HeaderMap,
    Extension(actor): Extension<Actor>,
) -> Result<Html<String>, WebError> {
    let m = Lang::of(&headers).msgs();
    let mut cards = Vec::new();
    let a = actor.clone();
    let (panels, to_decide) = state
        .db(move |db| {
            let panels = match a.grant() {
                Ok(member) => talenta_app::selection::my_panels(db, &member)?,
                Err(_) => Vec::new(),
            };
            let decide = match a.grant::<DecideSelection>() {
                Ok(ppk) => talenta_app::selection::list(
                    db,
                    &talenta_app::selection::SelectionRole::DecisionMaker(ppk),
                )?,
                Err(_) => Vec::new(),
            };
            Ok((panels, decide))
        })
        .await?;
    for s in panels {
        cards.push((
            format!("/seleksi/{}/nilai", s.code),
            format!("Penilaian pansel: {}", s.name),
            String::new(),
        ));
    }
    for s in to_decide {
        cards.push((
            format!("/seleksi/{}/keputusan", s.code),
            format!("Keputusan PPK: {}", s.name),
            String::new(),
        ));
    }
    let a = actor.clone();
    for (event, n) in state
        .db(move |db| match a.grant() {
            Ok(assessor) => Ok(talenta_app::scoring::my_events(db, &assessor)?),
            Err(_) => Ok(Vec::new()),
        })
        .await?
    {
        cards.push((
            format!("/acara/{}/nilai", event.code),
            format!("Penilaian: {}", event.name),
            format!("{n} peserta"),
        ));
    }
    if role_allows(actor.role, Permission::ViewMasterData) {
        cards.push(("/pegawai".into(), m.employees.into(), String::new()));
    }
    if role_allows(actor.role, Permission::ViewTalentMap) {
        cards.push(("/peta-talenta".into(), m.talent_map.into(), m.pool.into()));
    }
    if role_allows(actor.role, Permission::ViewAudit) {
        cards.push(("/audit".into(), m.audit.into(), String::new()));
    }
    let a = actor.clone();
    let backup = state
        .db(move |db| match a.grant() {
            Ok(admin) => Ok(Some(talenta_app::backup::last(db, &admin)?)),
            Err(_) => Ok(None),
        })
        .await?
        .map(|last| match last {
            Some((at, file)) => format!("Cadangan terakhir: {at} ({file})"),
            None => "Belum ada cadangan tercatat: jalankan 'talenta backup -o BERKAS' atau 'talenta serve --backup-dir'.".to_string(),
        });
    if let Some(own) = actor.employee_id {
        cards.push((
            format!("/pegawai/{own}"),
            actor.name.clone(),
            m.results.into(),
        ));
        cards.push(("/saya/akses".into(), m.my_access.into(), String::new()));
    }
    let page = DashboardPage {
        layout: layout(&headers, Some(&actor)),
        name: actor.name.clone(),
        role: actor.role.label(),
        tenant: actor.tenant.name.clone(),
        empty: match actor.role {
            Role::Assessor => "Belum ada jadwal penilaian untuk Anda di instansi ini.",
            Role::PanelMember => "Belum ada seleksi terbuka yang menugaskan Anda di instansi ini.",
            _ => "Belum ada yang perlu Anda kerjakan di sini.",
        },
        cards,
        backup,
    };
    render(&page)
}

// ---------------------------------------------------------------- employees

/// Employee list filters from the address.
#[derive(Deserialize, Default)]
pub struct ListQuery {
    q: Option<String>,
    unit: Option<String>,
    kelas: Option<String>,
    halaman: Option<String>,
}

#[derive(Template)]
#[template(path = "employees.html")]
struct EmployeesPage {
    layout: Layout,
    q: String,
    units: Vec<(i64, String, bool)>,
    classes: Vec<(&'static str, &'static str, bool)>,
    total: u64,
    page: u64,
    pages: u64,
    rows: Vec<Line>,
    prev: Option<String>,
    next: Option<String>,
}

struct Line {
    id: i64,
    nip: String,
    name: String,
    position: String,
    unit: String,
    rank: String,
}

fn spaced_nip(digits: &str) -> String {
    talenta_domain::Nip::parse(digits)
        .map(|n| n.to_string())
        .unwrap_or_else(|_| digits.to_string())
}

/// The employee list: search, filters and pages, all in the database.
pub async fn employees(v: Viewer, Query(q): Query<ListQuery>) -> Result<Html<String>, WebError> {
    let unit_id = q.unit.as_deref().and_then(|u| u.parse::<i64>().ok());
    let class = q
        .kelas
        .clone()
        .filter(|c| PositionClass::parse(c).is_some());
    let query = EmployeeQuery {
        text: q.q.clone(),
        unit_id,
        class: class.clone(),
        page: q
            .halaman
            .as_deref()
            .and_then(|h| h.trim().parse().ok())
            .unwrap_or(1),
    };
    let cache = v.state.search_cache.clone();
    let (page, units) = v
        .db(move |db, a| {
            let page = directory::employee_page(db, &a.grant()?, &query, Some(&cache))?;
            let units = directory::units(db, &a.grant()?)?;
            Ok((page, units))
        })
        .await?;
    let link = |p: u64| {
        let mut s = format!("/pegawai?halaman={p}");
        if let Some(t) = &q.q {
            s.push_str(&format!("&q={}", urlencode(t)));
        }
        if let Some(u) = unit_id {
            s.push_str(&format!("&unit={u}"));
        }
        if let Some(c) = &class {
            s.push_str(&format!("&kelas={c}"));
        }
        s
    };
    let view = EmployeesPage {
        layout: v.layout(),
        q: q.q.clone().unwrap_or_default(),
        units: units
            .iter()
            .filter(|u| u.parent_id.is_none())
            .map(|u| (u.id, u.name.clone(), Some(u.id) == unit_id))
            .collect(),
        classes: PositionClass::ALL
            .iter()
            .map(|c| (c.code(), c.label(), class.as_deref() == Some(c.code())))
            .collect(),
        total: page.total,
        page: page.page,
        pages: page.pages,
        prev: (page.page > 1).then(|| link(page.page - 1)),
        next: (page.page < page.pages).then(|| link(page.page + 1)),
        rows: page
            .lines
            .into_iter()
            .map(|l| Line {
                id: l.id,
                nip: spaced_nip(&l.nip),
                name: l.name,
                position: l.position.unwrap_or_default(),
                unit: l.unit.unwrap_or_default(),
                rank: l.rank.unwrap_or_default(),
            })
            .collect(),
    };
    render(&view)
}

/// Percent-encodes a query value.
pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "employee.html")]
struct EmployeePage {
    layout: Layout,
    name: String,
    nip: String,
    birth: String,
    rank: String,
    education: String,
    position: String,
    unit: String,
    history: Vec<String>,
    ratings: Vec<(i32, String)>,
    sanctions: Vec<String>,
    results: Option<Vec<ResultView>>,
    id: i64,
    /// Results side by side when there are several: dates, then per competency the levels and
    /// the change from the one before.
    cycles: Vec<String>,
    trends: Vec<(String, Vec<String>, String)>,
}

struct ResultView {
    id: i64,
    date: String,
    provider: String,
    purpose: &'static str,
    levels: Vec<(String, String)>,
}

/// One employee; results when allowed (the read is recorded).
pub async fn employee(
    v: Viewer,
    crate::extract::Id(id): crate::extract::Id,
) -> Result<Html<String>, WebError> {
    let ctx = v.ctx();
    let (record, rules) = v
        .db(move |db, a| {
            let about = a.grant_about(db, id)?;
            let r = directory::employee_record(db, &about, &ctx, true)?;
            let rules = talenta_app::tenant::rules(db, a)?;
            Ok((r, rules))
        })
        .await?;
    let e = &record.employee;
    let compared = match &record.results {
        Some(rs) if rs.len() > 1 => talenta_app::results::compare(rs.clone()),
        _ => talenta_app::results::compare(Vec::new()),
    };
    let view = EmployeePage {
        layout: v.layout(),
        name: e.name.clone(),
        nip: e.nip.to_string(),
        birth: e.birth_date.to_string(),
        rank: e
            .rank
            .map(|g| format!("{} ({})", g.code(), g.pangkat()))
            .unwrap_or_else(|| "-".into()),
        education: e
            .education
            .map(|x| x.code().to_string())
            .unwrap_or_else(|| "-".into()),
        position: record
            .position
            .as_ref()
            .map(|p| {
                let since = e
                    .position_since
                    .map(|d| format!(", sejak {d}"))
                    .unwrap_or_default();
                format!("{} ({}){since}", p.name, p.class.label())
            })
            .unwrap_or_else(|| "-".into()),
        unit: record
            .unit
            .as_ref()
            .map(|u| u.name.clone())
            .unwrap_or_else(|| "-".into()),
        history: record
            .history
            .iter()
            .map(|h| {
                let day = |d: Option<chrono::NaiveDate>| {
                    d.map(|d| d.to_string()).unwrap_or_else(|| "?".into())
                };
                format!(
                    "{} ({} s.d. {})",
                    h.name,
                    day(h.started_on),
                    day(h.ended_on)
                )
            })
            .collect(),
        ratings: record
            .ratings
            .iter()
            .map(|r| (r.year, r.rating.label(&rules.performance)))
            .collect(),
        sanctions: record
            .sanctions
            .iter()
            .map(|s| format!("{} · {} · {}", s.decided_on, s.level.code(), s.description))
            .collect(),
        id: e.id,
        cycles: compared
            .results
            .iter()
            .map(|r| r.assessed_on.to_string())
            .collect(),
        trends: compared
            .trends
            .iter()
            .map(|t| {
                (
                    t.competency.code().to_string(),
                    t.levels
                        .iter()
                        .map(|l| l.map(|l| l.to_string()).unwrap_or_else(|| "-".into()))
                        .collect(),
                    t.change_tenths
                        .map(|c| match c {
                            0 => "tetap".to_string(),
                            c if c > 0 => format!("+{}", f64::from(c) / 10.0),
                            c => format!("{}", f64::from(c) / 10.0),
                        })
                        .unwrap_or_default(),
                )
            })
            .collect(),
        results: record.results.map(|rs| {
            rs.iter()
                .rev()
                .map(|r| ResultView {
                    id: r.id,
                    date: r.assessed_on.to_string(),
                    provider: r.provider.clone(),
                    purpose: r.purpose.label(),
                    levels: r
                        .levels
                        .iter()
                        .map(|(c, l)| (c.code().to_string(), l.to_string()))
                        .collect(),
                })
                .collect()
        }),
    };
    render(&view)
}

// ---------------------------------------------------------------- talent map

/// The unit chosen on the talent map.
#[derive(Deserialize, Default)]
pub struct UnitQuery {
    unit: Option<String>,
    /// A past year: the map as it stood on its last day.
    tahun: Option<String>,
}

impl UnitQuery {
    /// The reference date: today, or the end of the year asked for.
    fn as_of(&self, today: chrono::NaiveDate) -> Result<chrono::NaiveDate, WebError> {
        match self
            .tahun
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            None => Ok(today),
            Some(t) => {
                let year = t
                    .parse::<i32>()
                    .map_err(|_| WebError::BadRequest(format!("tahun '{t}' bukan angka tahun")))?;
                Ok(directory::year_end(year, today)?)
            }
        }
    }

    fn unit_id(&self) -> Option<i64> {
        self.unit.as_deref().and_then(|u| u.parse::<i64>().ok())
    }

    /// The query string to carry the same unit and year to linked pages.
    fn carry(&self) -> String {
        let mut parts = Vec::new();
        if let Some(u) = self.unit_id() {
            parts.push(format!("unit={u}"));
        }
        if let Some(t) = self
            .tahun
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            parts.push(format!(
                "tahun={}",
                t.chars().filter(char::is_ascii_digit).collect::<String>()
            ));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

#[derive(Template)]
#[template(path = "talent_map.html")]
struct TalentMapPage {
    layout: Layout,
    scope: String,
    units: Vec<(i64, String, bool)>,
    svg: String,
    pool: u32,
    unplaced: u32,
    as_of: String,
    rules: String,
    years: Vec<(i32, bool)>,
    export: String,
}

/// The 9-box grid for the whole government or one OPD.
pub async fn talent_map(v: Viewer, Query(q): Query<UnitQuery>) -> Result<Html<String>, WebError> {
    let as_of = q.as_of(v.state.now().date_naive())?;
    let (map, rules) = v
        .db(move |db, a| {
            let map = talenta_app::talent::talent_map(db, &a.grant()?, as_of)?;
            let rules = talenta_app::tenant::rules(db, a)?;
            Ok((map, rules))
        })
        .await?;
    let unit_id = q.unit.as_deref().and_then(|u| u.parse::<i64>().ok());
    let chosen = unit_id.and_then(|id| map.units.iter().find(|u| u.unit.id == id));
    let (counts, unplaced, scope) = match chosen {
        Some(u) => (u.boxes, u.unplaced, u.unit.name.clone()),
        None => (
            map.total,
            map.unplaced.iter().map(|(_, n)| n).sum(),
            v.actor.tenant.name.clone(),
        ),
    };
    let suffix = q.carry();
    let svg = svg::talent_grid(&rules.boxes, &counts, |b| {
        format!("/peta-talenta/kotak/{b}{suffix}")
    });
    let view = TalentMapPage {
        layout: v.layout(),
        scope,
        units: map
            .units
            .iter()
            .map(|u| (u.unit.id, u.unit.name.clone(), Some(u.unit.id) == unit_id))
            .collect(),
        svg,
        pool: rules
            .boxes
            .pool
            .iter()
            .map(|b| counts[usize::from(*b) - 1])
            .sum(),
        unplaced,
        as_of: map.as_of.to_string(),
        rules: map.rules_version.clone(),
        years: {
            use chrono::Datelike;
            let now = v.state.now().date_naive().year();
            (now - 5..=now)
                .rev()
                .map(|y| {
                    (
                        y,
                        Some(y) == q.tahun.as_deref().and_then(|t| t.trim().parse().ok()),
                    )
                })
                .collect()
        },
        export: format!("/peta-talenta/xlsx{}", q.carry()),
    };
    render(&view)
}

/// The talent map's people as a workbook (same unit and year as the page).
pub async fn talent_map_xlsx(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    Query(q): Query<UnitQuery>,
) -> Result<axum::response::Response, WebError> {
    let as_of = q.as_of(state.now().date_naive())?;
    let ctx = actor.ctx(&state.config.audit_key, state.now());
    let unit = q.unit_id();
    let bytes = state
        .db(move |db| {
            Ok(directory::talent_map_xlsx(
                db,
                &actor.grant()?,
                &ctx,
                unit,
                as_of,
            )?)
        })
        .await?;
    Ok(crate::event_pages::attachment(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        format!("peta-talenta-{as_of}.xlsx"),
        bytes,
    ))
}

#[derive(Template)]
#[template(path = "talent_box.html")]
struct TalentBoxPage {
    layout: Layout,
    number: u8,
    box_name: String,
    scope: String,
    recommendations: Vec<String>,
    people: Vec<(String, String, String, i64)>,
}

/// The people in one box (each listed person's result read is recorded).
pub async fn talent_box(
    v: Viewer,
    crate::extract::Id(number): crate::extract::Id,
    Query(q): Query<UnitQuery>,
) -> Result<Html<String>, WebError> {
    let number = u8::try_from(number).unwrap_or(0);
    let as_of = q.as_of(v.state.now().date_naive())?;
    let ctx = v.ctx();
    let unit_id = q.unit.as_deref().and_then(|u| u.parse::<i64>().ok());
    let (people, rules, units) = v
        .db(move |db, a| {
            let people = directory::box_members(db, &a.grant()?, &ctx, number, unit_id, as_of)?;
            let rules = talenta_app::tenant::rules(db, a)?;
            let units = directory::units(db, &a.grant()?).unwrap_or_default();
            Ok((people, rules, units))
        })
        .await?;
    let info = rules
        .boxes
        .info(talenta_domain::talent::TalentBox(number))
        .cloned();
    let view = TalentBoxPage {
        layout: v.layout(),
        number,
        box_name: info.as_ref().map(|i| i.name.clone()).unwrap_or_default(),
        scope: unit_id
            .and_then(|id| units.iter().find(|u| u.id == id))
            .map(|u| u.name.clone())
            .unwrap_or_else(|| v.actor.tenant.name.clone()),
        recommendations: info.map(|i| i.recommendations).unwrap_or_default(),
        people: people
            .into_iter()
            .map(|p| {
                (
                    p.nip.to_string(),
                    p.name,
                    format!("{:.2}%", p.jpm_percent),
                    p.employee_id,
                )
            })
            .collect(),
    };
    render(&view)
}

// ---------------------------------------------------------------- audit

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    layout: Layout,
    title: &'static str,
    empty: &'static str,
    entries: Vec<talenta_app::directory::AuditEntry>,
    /// A link to download (path, words), on the person's own page.
    download: Option<(&'static str, &'static str)>,
}

/// A list of audit entries under its title, with what it says when there are none.
fn audit_list(
    v: &Viewer,
    title: &'static str,
    empty: &'static str,
    entries: Vec<talenta_app::directory::AuditEntry>,
) -> Result<Html<String>, WebError> {
    render(&AuditPage {
        layout: v.layout(),
        title,
        empty,
        entries,
        download: None,
    })
}

/// The newest entries of the tenant's audit trail.
pub async fn audit(v: Viewer) -> Result<Html<String>, WebError> {
    let entries = v
        .db(|db, a| Ok(directory::audit_entries(db, &a.grant()?, 200)?))
        .await?;
    audit_list(&v, v.msgs().audit, v.msgs().none, entries)
}

/// Who opened the actor's own data (record, results, selection standings), with the link to
/// download all of it.
pub async fn my_access(v: Viewer) -> Result<Html<String>, WebError> {
    let entries = v
        .db(|db, a| Ok(directory::my_data_reads(db, a, 500)?))
        .await?;
    let m = v.msgs();
    render(&AuditPage {
        layout: v.layout(),
        title: m.my_access,
        empty: m.no_access_yet,
        entries,
        download: v
            .actor
            .employee_id
            .map(|_| ("/saya/data", m.download_my_data)),
    })
}

/// Everything talenta holds about the signed-in employee, as one workbook (UU 27/2022).
pub async fn my_data(v: Viewer) -> Result<Response, WebError> {
    let ctx = v.ctx();
    let bytes = v
        .db(move |db, a| {
            let own = a.employee_id.ok_or(WebError::NotFound)?;
            let about = a.grant_about(db, own)?;
            Ok(directory::personal_data_xlsx(db, &ctx, &about)?)
        })
        .await?;
    Ok(crate::event_pages::attachment(
        crate::event_pages::XLSX,
        "data-saya.xlsx".into(),
        bytes,
    ))
}

/// Everything talenta holds about one employee, for the agency answering their request (the
/// read is recorded for the person).
pub async fn personal_data(
    v: Viewer,
    crate::extract::Id(id): crate::extract::Id,
) -> Result<Response, WebError> {
    let ctx = v.ctx();
    let bytes = v
        .db(move |db, a| {
            let about = a.grant_about(db, id)?;
            Ok(directory::personal_data_xlsx(db, &ctx, &about)?)
        })
        .await?;
    Ok(crate::event_pages::attachment(
        crate::event_pages::XLSX,
        format!("data-pegawai-{id}.xlsx"),
        bytes,
    ))
}

/// The tenant chosen in the header.
#[derive(Deserialize)]
pub struct SwitchForm {
    tenant: i64,
}

/// Moves the session to another tenant of the account (assessors serve several).
pub async fn switch_tenant(
    State(state): State<AppState>,
    headers: HeaderMap,
    Extension(actor): Extension<Actor>,
    req: Request,
) -> Result<Response, WebError> {
    let Form(form) = Form::<SwitchForm>::from_request(req, &state)
        .await
        .map_err(|_| WebError::BadRequest("pilih instansi".into()))?;
    let token = cookie(&headers, SESSION_COOKIE)
        .map(str::to_string)
        .ok_or(WebError::Unauthenticated)?;
    let ctx = actor.ctx(&state.config.audit_key, state.now());
    state
        .db(move |db| {
            Ok(access::switch_tenant(
                db,
                &ctx,
                &actor,
                &token,
                form.tenant,
            )?)
        })
        .await?;
    Ok(Redirect::to("/").into_response())
}
