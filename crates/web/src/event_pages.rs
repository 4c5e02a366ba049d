//! Assessment events: the list, one event with its schedule, planning it, its roster workbook.

use askama::Template;
use axum::extract::{FromRequestParts, Path};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use talenta_app::access::Actor;
use talenta_app::capability::{EditMasterData, ManageResults};
use talenta_app::event;
use talenta_app::{AppError, Ctx, Db, Pooled};
use talenta_domain::integration::{Missing, Rule};

use crate::i18n::Lang;
use crate::pages::{Layout, Viewer, csrf_of, render, respond};
use crate::{AppState, WebError};

/// The content type of an Excel workbook.
pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The content type of a PDF document.
pub(crate) const PDF: &str = "application/pdf";

#[derive(Template)]
#[template(path = "events.html")]
struct EventsPage {
    layout: Layout,
    can_create: bool,
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
pub async fn events(v: Viewer) -> Result<Html<String>, WebError> {
    let all = v.db(|db, a| Ok(event::list(db, &a.grant()?)?)).await?;
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
                s.event.status.code().to_string(),
            )
        })
        .collect();
    render(&EventsPage {
        layout: v.layout(),
        can_create: v.actor.holds::<EditMasterData>(),
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
    lines: Vec<(u32, String, String, String, String, String, String)>,
    can_run: bool,
    can_results: bool,
}

/// What an action on the event page did: a message and, after planning, the excluded pairs.
struct Done {
    message: String,
    excluded: Vec<(String, String, String)>,
}

impl Done {
    fn said(message: String) -> Done {
        Done {
            message,
            excluded: Vec::new(),
        }
    }
}

/// Runs an event action: a refusal is shown on the page, anything else is an error.
pub(crate) fn shown<T>(
    r: Result<T, talenta_app::AppError>,
    lang: crate::i18n::Lang,
) -> Result<Result<T, String>, WebError> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(e @ talenta_app::AppError::Refused(_)) if !matches!(&e, talenta_app::AppError::Refused(r) if r.is_not_found()) => {
            Ok(Err(crate::i18n::app_error(&e, lang)))
        }
        Err(talenta_app::AppError::UnknownEmployee(n)) => {
            Ok(Err(format!("NIP {n} tidak terdaftar di instansi ini")))
        }
        Err(e) => Err(WebError::from(e)),
    }
}

async fn event_page(
    p: EventRequest,
    outcome: Option<Result<Done, String>>,
) -> Result<Response, WebError> {
    let EventRequest { viewer: v, code: c } = p;
    let actor = &v.actor;
    let (summary, lines) = v
        .db(move |db, a| {
            let summary = event::list(db, &a.grant()?)?
                .into_iter()
                .find(|s| s.event.code == c)
                .ok_or(WebError::NotFound)?;
            let lines = match event::roster(db, &a.grant()?, &c) {
                Ok((_, l)) => l,
                Err(talenta_app::AppError::Refused(_)) => Vec::new(),
                Err(e) => return Err(e.into()),
            };
            Ok((summary, lines))
        })
        .await?;
    let (status, error, done, excluded) = match outcome {
        None => (StatusCode::OK, None, None, Vec::new()),
        Some(Err(e)) => (StatusCode::UNPROCESSABLE_ENTITY, Some(e), None, Vec::new()),
        Some(Ok(done)) => (StatusCode::OK, None, Some(done.message), done.excluded),
    };
    let view = EventPage {
        layout: v.layout(),
        dates: dates(&summary),
        code: summary.event.code.clone(),
        name: summary.event.name.clone(),
        participants: summary.participants,
        assessors: summary.assessors,
        can_plan: actor.holds::<EditMasterData>()
            && summary.event.status != talenta_domain::event::EventStatus::Published,
        can_run: actor.holds::<EditMasterData>() && !lines.is_empty(),
        can_results: actor.holds::<ManageResults>() && !lines.is_empty(),
        csrf: csrf_of(actor),
        error,
        summary: done,
        excluded,
        lines: lines
            .into_iter()
            .map(|l| {
                (
                    l.day_no,
                    l.date.to_string(),
                    if l.room.is_empty() {
                        l.session_no.to_string()
                    } else {
                        format!("{} ({})", l.session_no, l.room)
                    },
                    l.nip.to_string(),
                    l.name,
                    l.opd,
                    l.assessors.join(", "),
                )
            })
            .collect(),
    };
    respond(status, &view)
}

/// One event with its schedule.
pub async fn event(p: EventRequest) -> Result<Response, WebError> {
    event_page(p, None).await
}

/// Plans the event's schedule and shows the outcome (or why it cannot be made).
pub async fn schedule(p: EventRequest) -> Result<Response, WebError> {
    let v = &p.viewer;
    let ctx = v.ctx();
    let c = p.code.clone();
    let lang = Lang::of(&v.headers);
    let outcome = v
        .db(move |db, a| {
            Ok(shown(event::plan(db, &ctx, &a.grant()?, &c), lang)?.map(|plan| Done {
                message: format!(
                    "Jadwal disusun: {} peserta, {} pasangan dikecualikan karena konflik kepentingan.",
                    plan.participants,
                    plan.excluded.len()
                ),
                excluded: plan
                    .excluded
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
            }))
        })
        .await?;
    event_page(p, Some(outcome)).await
}

/// A posted form's fields, in the order they came.
pub(crate) type FormPairs = axum::Form<Vec<(String, String)>>;

/// The value of a form field, or empty.
fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
        .unwrap_or("")
}

/// An action posted from the event page: who, on which event, with what form.
pub struct EventAction {
    pub(crate) state: AppState,
    pub(crate) headers: HeaderMap,
    pub(crate) actor: Actor,
    pub(crate) code: String,
    pub(crate) pairs: Vec<(String, String)>,
}

impl axum::extract::FromRequest<AppState> for EventAction {
    type Rejection = Response;
    async fn from_request(
        req: axum::extract::Request,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        use axum::extract::FromRequestParts;
        let (mut parts, body) = req.into_parts();
        let Path(code) = Path::<String>::from_request_parts(&mut parts, state)
            .await
            .map_err(|_| WebError::NotFound.into_response())?;
        let actor =
            parts.extensions.get::<Actor>().cloned().ok_or_else(|| {
                WebError::Internal("pengguna tidak dikenal".into()).into_response()
            })?;
        let headers = parts.headers.clone();
        let axum::Form(pairs) =
            FormPairs::from_request(axum::extract::Request::from_parts(parts, body), state)
                .await
                .map_err(IntoResponse::into_response)?;
        Ok(EventAction {
            state: state.clone(),
            headers,
            actor,
            code,
            pairs,
        })
    }
}

impl EventAction {
    /// The value of a form field, or empty.
    pub(crate) fn field(&self, name: &str) -> &str {
        field(&self.pairs, name)
    }

    /// Runs the action on what the form said (or shows why the form was refused) and shows the
    /// page again with the outcome.
    async fn run<T, F>(self, input: Result<T, String>, run: F) -> Result<Response, WebError>
    where
        T: Send + 'static,
        F: Action<T>,
    {
        let page = |p, outcome: PageOutcome| event_page(p, outcome.map(|o| o.map(Done::said)));
        self.perform_and_show(page, input, run).await
    }

    /// Runs `run` on what the form said (a refusal of the form is kept as it is), on a blocking
    /// thread with the audit context (taken now) and the request's language, and returns its
    /// outcome with what is needed to show the page again; `run` says which of its errors the
    /// page shows.
    pub(crate) async fn perform_with<T, R, F>(
        self,
        input: Result<T, String>,
        run: F,
    ) -> Result<(EventRequest, Result<R, String>), WebError>
    where
        T: Send + 'static,
        R: Send + 'static,
        F: FnOnce(&mut Pooled, &Ctx, &Actor, &str, T, Lang) -> Result<Result<R, String>, WebError>
            + Send
            + 'static,
    {
        let EventAction {
            state,
            headers,
            actor,
            code,
            ..
        } = self;
        let outcome = match input {
            Err(e) => Err(e),
            Ok(v) => {
                let ctx = actor.ctx(&state.config.audit_key, state.now());
                let (a, c) = (actor.clone(), code.clone());
                let lang = Lang::of(&headers);
                state.db(move |db| run(db, &ctx, &a, &c, v, lang)).await?
            }
        };
        let viewer = Viewer {
            state,
            headers,
            actor,
        };
        Ok((EventRequest { viewer, code }, outcome))
    }

    /// Runs the action on what the form said (a refusal of the form is kept as it is; a refusal
    /// of the action is shown, see [`shown`]) and shows `page` again with its outcome in words.
    /// Every page of actions (events, results, selections) shows its outcome this way.
    pub(crate) async fn perform_and_show<T, F, P, Fut>(
        self,
        page: P,
        input: Result<T, String>,
        run: F,
    ) -> Result<Response, WebError>
    where
        T: Send + 'static,
        F: Action<T>,
        P: FnOnce(EventRequest, PageOutcome) -> Fut,
        Fut: std::future::Future<Output = Result<Response, WebError>>,
    {
        let (p, outcome) = self
            .perform_with(input, move |db, ctx, a, c, v, lang| {
                shown(run(db, ctx, a, c, v), lang)
            })
            .await?;
        page(p, Some(outcome)).await
    }
}

/// What a page shows of the action just done: none when the page is only shown, else the
/// action's message or why it was refused.
pub(crate) type PageOutcome = Option<Result<String, String>>;

/// The status, error and message a page shows for an action's outcome (none: just showing it).
pub(crate) fn shown_outcome(outcome: PageOutcome) -> (StatusCode, Option<String>, Option<String>) {
    match outcome {
        None => (StatusCode::OK, None, None),
        Some(Ok(s)) => (StatusCode::OK, None, Some(s)),
        Some(Err(e)) => (StatusCode::UNPROCESSABLE_ENTITY, Some(e), None),
    }
}

/// A signed-in request about one event or selection, named by the code in the address; also
/// what showing its page again after an action needs. Extracted like `State(state), headers,
/// Extension(actor), Path(code)`, each refused as axum refuses it.
#[derive(FromRequestParts)]
#[from_request(state(AppState))]
pub struct EventRequest {
    pub(crate) viewer: Viewer,
    #[from_request(via(Path))]
    pub(crate) code: String,
}

/// An action on the page of an event or a selection: database, audit context, actor, code, input.
pub(crate) trait Action<T>:
    FnOnce(&mut Db, &Ctx, &Actor, &str, T) -> Result<String, AppError> + Send + 'static
{
}

impl<T, F> Action<T> for F where
    F: FnOnce(&mut Db, &Ctx, &Actor, &str, T) -> Result<String, AppError> + Send + 'static
{
}

/// The NIP typed into a form field.
fn nip_field(pairs: &[(String, String)], name: &str) -> Result<talenta_domain::Nip, String> {
    talenta_domain::Nip::parse(field(pairs, name)).map_err(|e| format!("NIP: {e}"))
}

/// Moves a participant to another day and session (or reschedules a no-show), re-checking every rule.
pub async fn move_participant(a: EventAction) -> Result<Response, WebError> {
    let number = |name: &str, label: &str| {
        a.field(name)
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("{label} harus bilangan bulat mulai 1"))
    };
    let input = (|| {
        Ok(event::Move {
            nip: nip_field(&a.pairs, "nip")?,
            day: number("day", "hari")?,
            session: number("session", "sesi")?,
            no_show: a.field("no_show") == "1",
        })
    })();
    a.run(input, |db, ctx, a, c, m| {
        let assessors = event::move_participant(db, ctx, &a.grant()?, c, &m)?;
        Ok(format!(
            "NIP {} dipindah ke hari {} sesi {}; asesor: {}.",
            m.nip,
            m.day,
            m.session,
            assessors.join(", ")
        ))
    })
    .await
}

/// Records the days a participant or an assessor cannot come (replacing earlier ones; none
/// clears them); the next planning respects them.
pub async fn unavailable(a: EventAction) -> Result<Response, WebError> {
    let who_text = a.field("who").to_string();
    let input = (|| {
        let who = if who_text.is_empty() {
            return Err("isi NIP peserta atau nama asesor".to_string());
        } else if who_text.chars().all(|c| c.is_ascii_digit() || c == ' ') {
            event::Who::Participant(nip_field(&a.pairs, "who")?)
        } else {
            event::Who::Assessor(who_text.clone())
        };
        let days = a
            .field("days")
            .split(',')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| {
                d.parse::<u32>()
                    .map_err(|_| format!("hari '{d}' bukan nomor hari (mis. 1,3)"))
            })
            .collect::<Result<Vec<u32>, String>>()?;
        Ok((who, days))
    })();
    a.run(input, move |db, ctx, a, c, (who, days)| {
        event::set_unavailable(db, ctx, &a.grant()?, c, &who, &days)?;
        let list: Vec<String> = days.iter().map(u32::to_string).collect();
        Ok(if days.is_empty() {
            format!("{who_text} dapat hadir setiap hari; susun ulang jadwal agar berlaku.")
        } else {
            format!(
                "{who_text} berhalangan pada hari {}; susun ulang jadwal agar berlaku.",
                list.join(", ")
            )
        })
    })
    .await
}

/// Records a relation an assessor declared with a participant: from then on a conflict of interest.
pub async fn declare_conflict(a: EventAction) -> Result<Response, WebError> {
    let assessor = a.field("assessor").to_string();
    let relation = a.field("relation").to_string();
    let input = nip_field(&a.pairs, "nip");
    a.run(input, move |db, ctx, a, c, nip| {
        event::declare_conflict(db, ctx, &a.grant()?, c, &assessor, nip, &relation)?;
        Ok(format!(
            "Hubungan dicatat: {assessor} tidak akan menilai NIP {nip} ({relation}); susun ulang jadwal agar berlaku."
        ))
    })
    .await
}

/// Publishes the schedule: from then on it is locked and only a no-show can be rescheduled.
pub async fn publish(a: EventAction) -> Result<Response, WebError> {
    a.run(Ok(()), |db, ctx, a, c, ()| {
        event::publish(db, ctx, &a.grant()?, c)?;
        Ok("Jadwal diterbitkan dan terkunci; hanya peserta yang tidak hadir yang dapat dijadwalkan ulang.".into())
    })
    .await
}

/// Records that a participant came on the day of the assessment.
pub async fn check_in(a: EventAction) -> Result<Response, WebError> {
    let input = nip_field(&a.pairs, "nip");
    a.run(input, |db, ctx, actor, code, nip| {
        event::check_in(db, ctx, &actor.grant()?, code, nip)
    })
    .await
}

/// The two kinds of document a page exports.
#[derive(Clone, Copy)]
pub(crate) enum Format {
    /// An Excel workbook.
    Xlsx,
    /// A PDF document.
    Pdf,
}

/// A document of this format the browser saves as `{stem}.xlsx` or `{stem}.pdf`.
pub(crate) fn download(format: Format, stem: &str, bytes: Vec<u8>) -> Response {
    let (content_type, extension) = match format {
        Format::Xlsx => (XLSX, "xlsx"),
        Format::Pdf => (PDF, "pdf"),
    };
    attachment(content_type, format!("{stem}.{extension}"), bytes)
}

/// A file the browser saves rather than shows.
pub(crate) fn attachment(content_type: &str, filename: String, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// The documents made from a scheduled event's roster.
#[derive(Clone, Copy)]
enum RosterDocument {
    /// The roster workbook.
    Workbook,
    /// The printed attendance list.
    Attendance,
    /// The invitation letters.
    Invitations,
}

/// One of the documents of a scheduled event's roster, as a file to save.
async fn roster_document(p: EventRequest, doc: RosterDocument) -> Result<Response, WebError> {
    let EventRequest { viewer: v, code } = p;
    let (ev, lines) = v
        .db(move |db, a| Ok(event::roster(db, &a.grant()?, &code)?))
        .await?;
    let (now, organiser) = (v.state.now(), &v.actor.tenant.name);
    let (format, name, bytes) = match doc {
        RosterDocument::Workbook => (
            Format::Xlsx,
            "daftar",
            event::roster_xlsx(&ev, &lines, now)?,
        ),
        RosterDocument::Attendance => {
            (Format::Pdf, "daftar-hadir", event::roster_pdf(&ev, &lines)?)
        }
        RosterDocument::Invitations => (
            Format::Pdf,
            "undangan",
            event::invitations_pdf(&ev, organiser, &lines, now)?,
        ),
    };
    Ok(download(format, &format!("{name}-{}", ev.code), bytes))
}

/// The roster workbook of a scheduled event.
pub async fn roster(p: EventRequest) -> Result<Response, WebError> {
    roster_document(p, RosterDocument::Workbook).await
}

/// The printed attendance list of a scheduled event (PDF, a page per day).
pub async fn roster_pdf(p: EventRequest) -> Result<Response, WebError> {
    roster_document(p, RosterDocument::Attendance).await
}

/// The invitation letters of a scheduled event (PDF, one page per participant).
pub async fn invitations_pdf(p: EventRequest) -> Result<Response, WebError> {
    roster_document(p, RosterDocument::Invitations).await
}

/// A word typed into a form from a known list: none when left empty, else what `parse` makes of
/// it (a word it does not know is a problem, named by `label`).
fn known_word<T>(
    text: &str,
    parse: impl FnOnce(&str) -> Option<T>,
    label: &str,
    problems: &mut Vec<String>,
) -> Option<T> {
    if text.trim().is_empty() {
        return None;
    }
    let parsed = parse(text);
    if parsed.is_none() {
        problems.push(format!("{label} '{text}' tidak dikenal"));
    }
    parsed
}

/// The NIPs typed into a form field, one a line or separated by commas or semicolons (a NIP
/// that is not one is a problem, named by `label`).
pub(crate) fn nip_list(
    text: &str,
    label: &str,
    problems: &mut Vec<String>,
) -> Vec<talenta_domain::Nip> {
    text.split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .filter_map(|n| match talenta_domain::Nip::parse(n) {
            Ok(nip) => Some(nip),
            Err(e) => {
                problems.push(format!("{label} '{n}': {e}"));
                None
            }
        })
        .collect()
}

/// The status of a form page: refused when it shows an error.
pub(crate) fn form_status(error: &Option<String>) -> StatusCode {
    if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    }
}

/// What was typed into the event form, kept when it is refused.
#[derive(Debug, Clone, Default)]
pub struct EventForm {
    code: String,
    name: String,
    purpose: String,
    dates: String,
    sessions: String,
    rooms: String,
    matrix: String,
    eselon: String,
    nips: String,
    day_capacity: String,
    class: String,
    opd: String,
    methods: Vec<String>,
    min_methods: String,
    per_participant: String,
    max_per_assessor: String,
    unit_share: String,
    assessors: String,
    integration: String,
    missing: String,
}

impl EventForm {
    fn defaults() -> EventForm {
        EventForm {
            purpose: "pemetaan".into(),
            sessions: "24,24".into(),
            min_methods: "2".into(),
            per_participant: "2".into(),
            max_per_assessor: "16".into(),
            unit_share: "50".into(),
            integration: "rerata".into(),
            missing: "lewati".into(),
            methods: [
                "wawancara",
                "in-tray",
                "lgd",
                "role-play",
                "analisis-kasus",
                "sjt",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
            ..EventForm::default()
        }
    }

    fn from_pairs(pairs: Vec<(String, String)>) -> EventForm {
        let mut f = EventForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "code" => f.code = v,
                "name" => f.name = v,
                "purpose" => f.purpose = v,
                "dates" => f.dates = v,
                "sessions" => f.sessions = v,
                "rooms" => f.rooms = v,
                "matrix" => f.matrix = v,
                "eselon" => f.eselon = v,
                "nips" => f.nips = v,
                "day_capacity" => f.day_capacity = v,
                "class" => f.class = v,
                "opd" => f.opd = v,
                "method" => f.methods.push(v),
                "min_methods" => f.min_methods = v,
                "per_participant" => f.per_participant = v,
                "max_per_assessor" => f.max_per_assessor = v,
                "unit_share" => f.unit_share = v,
                "assessors" => f.assessors = v,
                "integration" => f.integration = v,
                "missing" => f.missing = v,
                _ => {}
            }
        }
        f
    }

    /// The event this form describes, or what is wrong with it (every field checked).
    fn spec(&self) -> Result<event::EventSpec, String> {
        use talenta_domain::method::Method;
        let mut problems = Vec::new();
        let number = |label: &str, v: &str, problems: &mut Vec<String>| -> u32 {
            v.trim().parse::<u32>().unwrap_or_else(|_| {
                problems.push(format!("{label}: '{v}' bukan bilangan bulat"));
                0
            })
        };
        let dates: Vec<chrono::NaiveDate> = self
            .dates
            .split(',')
            .filter(|d| !d.trim().is_empty())
            .filter_map(
                |d| match chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d") {
                    Ok(x) => Some(x),
                    Err(_) => {
                        problems.push(format!(
                            "tanggal '{}' tidak sah: gunakan TTTT-BB-HH",
                            d.trim()
                        ));
                        None
                    }
                },
            )
            .collect();
        let sessions: Vec<u32> = self
            .sessions
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| number("kursi per sesi", s, &mut problems))
            .collect();
        let day_capacity = if self.day_capacity.trim().is_empty() {
            sessions.iter().sum()
        } else {
            number("peserta per hari", &self.day_capacity, &mut problems)
        };
        let methods: Vec<Method> = self
            .methods
            .iter()
            .filter_map(|m| {
                Method::parse(m).or_else(|| {
                    problems.push(format!("metode '{m}' tidak dikenal"));
                    None
                })
            })
            .collect();
        let purpose = talenta_domain::Purpose::parse(&self.purpose)
            .unwrap_or(talenta_domain::Purpose::Pemetaan);
        let class = if self.class.is_empty() {
            None
        } else {
            let c = talenta_domain::PositionClass::parse(&self.class);
            if c.is_none() {
                problems.push(format!("kelas jabatan '{}' tidak dikenal", self.class));
            }
            c
        };
        let mut assessors = Vec::new();
        for line in self
            .assessors
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            if line.chars().all(|c| c.is_ascii_digit() || c == ' ') {
                match talenta_domain::Nip::parse(line) {
                    Ok(nip) => assessors.push(event::AssessorSpec {
                        name: String::new(),
                        organisation: String::new(),
                        nip: Some(nip),
                        level: String::new(),
                        login: None,
                    }),
                    Err(e) => problems.push(format!("asesor '{line}': {e}")),
                }
            } else {
                assessors.push(event::AssessorSpec::external(line));
            }
        }
        let spec = event::EventSpec {
            code: self.code.trim().to_string(),
            name: self.name.trim().to_string(),
            purpose,
            dates,
            sessions,
            rooms: self
                .rooms
                .split(',')
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect(),
            day_capacity,
            per_participant: number("asesor per peserta", &self.per_participant, &mut problems),
            max_per_assessor_day: number(
                "asesi per asesor per hari",
                &self.max_per_assessor,
                &mut problems,
            ),
            unit_share_percent: number(
                "bagian unit kerja per hari",
                &self.unit_share,
                &mut problems,
            ),
            cohort: event::Cohort {
                classes: class.into_iter().collect(),
                opd_code: (!self.opd.is_empty()).then(|| self.opd.clone()),
                eselon: self
                    .eselon
                    .split(',')
                    .map(str::trim)
                    .filter(|e| !e.is_empty())
                    .filter_map(|e| {
                        let parsed = talenta_domain::Eselon::parse(e);
                        if parsed.is_none() {
                            problems.push(format!(
                                "eselon '{e}' tidak dikenal (mis. II.a, III.b, IV.a)"
                            ));
                        }
                        parsed
                    })
                    .collect(),
                nips: nip_list(&self.nips, "daftar NIP peserta", &mut problems),
            },
            assessors,
            methods,
            min_methods: number("metode per kompetensi", &self.min_methods, &mut problems) as usize,
            group_size: (4, 8),
            integration: known_word(
                &self.integration,
                Rule::parse,
                "aturan integrasi",
                &mut problems,
            )
            .unwrap_or(Rule::Mean),
            missing: known_word(
                &self.missing,
                Missing::parse,
                "perlakuan penilaian kosong",
                &mut problems,
            )
            .unwrap_or(Missing::Skip),
            matrix: if self.matrix.trim().is_empty() {
                None
            } else {
                match talenta_domain::method::parse_matrix(&self.matrix) {
                    Ok(m) => Some(m),
                    Err(e) => {
                        problems.push(format!("matriks kompetensi x metode: {e}"));
                        None
                    }
                }
            },
        };
        if spec.code.is_empty()
            || !spec
                .code
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            problems.push("kode acara wajib diisi dengan huruf, angka dan tanda hubung".into());
        }
        if spec.name.is_empty() {
            problems.push("nama acara wajib diisi".into());
        }
        checked(spec, problems)
    }
}

/// What a form describes when nothing is wrong with it, else every problem.
pub(crate) fn checked<T>(value: T, problems: Vec<String>) -> Result<T, String> {
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(problems.join("; "))
    }
}

#[derive(Template)]
#[template(path = "event_form.html")]
struct EventFormPage {
    layout: Layout,
    csrf: String,
    error: Option<String>,
    v: EventForm,
    classes: Vec<(&'static str, &'static str, bool)>,
    units: Vec<(String, String, bool)>,
    methods: Vec<(&'static str, &'static str, bool)>,
}

async fn form_page(
    viewer: &Viewer,
    v: EventForm,
    error: Option<String>,
) -> Result<Response, WebError> {
    let units = viewer
        .db(|db, a| Ok(talenta_app::directory::units(db, &a.grant()?)?))
        .await?;
    let status = form_status(&error);
    let view = EventFormPage {
        layout: viewer.layout(),
        csrf: csrf_of(&viewer.actor),
        error,
        classes: talenta_domain::PositionClass::ALL
            .iter()
            .map(|c| (c.code(), c.label(), v.class == c.code()))
            .collect(),
        units: units
            .iter()
            .filter(|u| u.parent_id.is_none())
            .map(|u| (u.code.clone(), u.name.clone(), v.opd == u.code))
            .collect(),
        methods: talenta_domain::method::Method::ALL
            .iter()
            .map(|m| (m.code(), m.label(), v.methods.iter().any(|x| x == m.code())))
            .collect(),
        v,
    };
    respond(status, &view)
}

/// The form for a new event.
pub async fn new_event(v: Viewer) -> Result<Response, WebError> {
    form_page(&v, EventForm::defaults(), None).await
}

/// Creates the event from the form, or shows the form again with every problem and what was typed.
pub async fn create_event(v: Viewer, axum::Form(pairs): FormPairs) -> Result<Response, WebError> {
    let form = EventForm::from_pairs(pairs);
    let spec = match form.spec() {
        Ok(s) => s,
        Err(problems) => return form_page(&v, form, Some(problems)).await,
    };
    let ctx = v.ctx();
    let lang = Lang::of(&v.headers);
    let created = v
        .db(move |db, a| {
            shown(event::create_event(db, &ctx, &a.grant()?, &spec), lang)
                .map(|r| r.map(|(e, _)| e.code))
        })
        .await?;
    match created {
        Ok(code) => Ok(axum::response::Redirect::to(&format!("/acara/{code}")).into_response()),
        Err(m) => form_page(&v, form, Some(m)).await,
    }
}
