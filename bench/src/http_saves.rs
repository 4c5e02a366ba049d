//! Concurrency over HTTP (issue 12): assessors signed in through `/masuk` save ratings on the
//! scoring page (`POST /acara/{code}/nilai`, one rating per request, with the session's CSRF
//! token) against the real `talenta serve` (release binary, a free port on 127.0.0.1), on
//! SQLite and on PostgreSQL. Every acknowledged save (200 and "Draf disimpan (1 nilai)") is then
//! looked up in the database: it must be there exactly once (one row, version 1, under the
//! assessor who saved it) with its level and evidence. Beside it, in the same run, the same
//! client at the same concurrency against a bare axum + rusqlite handler doing one INSERT per
//! POST (`http peer`, a process of its own like the server).
//!
//! Every assessor saves `SAVES` distinct rating slots (participant x method x competency), each
//! once, so "0 duplicated" means one row per slot at version 1 and one `score.save` audit entry
//! per stored row. The event is set up through the CLI (`init`, `import units|positions|employees`,
//! `event-create --assessor Name|Org|Level|login`, `schedule`, `publish`); the assessor accounts,
//! which have no CLI command, through `talenta_app::access::put_account` on the same database
//! with the same audit key. Afterwards `talenta audit verify` must pass.
//!
//! Usage: `talenta-bench http [CLIENTS] [SAVES]` (20 x 500 by default); the `talenta` binary
//! is taken from `TALENTA_BIN` or next to this one; PostgreSQL from `TALENTA_BENCH_PG` (a libpq
//! string of a throwaway cluster: a database is created in it), left out when unset.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::{self, SendRequest};
use hyper_util::rt::TokioIo;
use talenta_store::Db;

const TENANT: &str = "kota-beban";
const EVENT: &str = "beban-http";
/// What the scoring page says when one rating was stored.
const SAVED: &str = "Draf disimpan (1 nilai)";

// ---- a small HTTP/1.1 client over hyper -------------------------------------------------

/// One keep-alive connection to `addr`, reopened after a transport error.
struct Conn {
    addr: String,
    sender: Option<SendRequest<Full<Bytes>>>,
}

struct Reply {
    status: u16,
    cookies: Vec<String>,
    body: String,
}

impl Conn {
    fn new(addr: &str) -> Conn {
        Conn {
            addr: addr.to_string(),
            sender: None,
        }
    }

    async fn open(&mut self) -> Result<&mut SendRequest<Full<Bytes>>, String> {
        if self.sender.as_ref().is_none_or(|s| s.is_closed()) {
            let stream = tokio::net::TcpStream::connect(&self.addr)
                .await
                .map_err(|e| format!("connect: {e}"))?;
            stream.set_nodelay(true).map_err(|e| e.to_string())?;
            let (sender, conn) = http1::handshake(TokioIo::new(stream))
                .await
                .map_err(|e| format!("handshake: {e}"))?;
            tokio::spawn(conn);
            self.sender = Some(sender);
        }
        self.sender
            .as_mut()
            .ok_or_else(|| "no connection".to_string())
    }

    /// GET (no form) or POST (a urlencoded form) of `path` with the `cookie` header.
    async fn send(
        &mut self,
        path: &str,
        cookie: &str,
        form: Option<String>,
    ) -> Result<Reply, String> {
        let host = self.addr.clone();
        let sender = self.open().await?;
        sender.ready().await.map_err(|e| e.to_string())?;
        let mut req = hyper::Request::builder()
            .method(if form.is_some() { "POST" } else { "GET" })
            .uri(path)
            .header("host", host);
        if !cookie.is_empty() {
            req = req.header("cookie", cookie);
        }
        if form.is_some() {
            req = req.header("content-type", "application/x-www-form-urlencoded");
        }
        let req = req
            .body(Full::new(Bytes::from(form.unwrap_or_default())))
            .map_err(|e| e.to_string())?;
        let res = match sender.send_request(req).await {
            Ok(r) => r,
            Err(e) => {
                self.sender = None;
                return Err(e.to_string());
            }
        };
        let status = res.status().as_u16();
        let cookies = res
            .headers()
            .get_all(hyper::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(str::to_string)
            .collect();
        let body = match res.into_body().collect().await {
            Ok(b) => String::from_utf8_lossy(&b.to_bytes()).into_owned(),
            Err(e) => {
                self.sender = None;
                return Err(e.to_string());
            }
        };
        Ok(Reply {
            status,
            cookies,
            body,
        })
    }
}

/// `application/x-www-form-urlencoded` of the pairs.
fn form(pairs: &[(&str, &str)]) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    (b as char).to_string()
                }
                b' ' => "+".into(),
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The value of `name=` among the Set-Cookie headers.
fn cookie_value(cookies: &[String], name: &str) -> Option<String> {
    cookies.iter().find_map(|c| {
        let first = c.split(';').next()?;
        let (k, v) = first.split_once('=')?;
        (k.trim() == name && !v.is_empty()).then(|| v.to_string())
    })
}

/// The text between `before` and the next `"` of every occurrence.
fn values_after<'a>(html: &'a str, before: &str) -> Vec<&'a str> {
    html.split(before)
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect()
}

// ---- the setup: an event with assessors, through the CLI -------------------------------

/// The database, audit key and binary the CLI and the server run with.
pub struct Target {
    pub bin: PathBuf,
    pub database: String,
    pub key_file: PathBuf,
    pub dir: PathBuf,
}

impl Target {
    fn talenta(&self, args: &[&str]) -> String {
        let out = Command::new(&self.bin)
            .current_dir(&self.dir)
            .env_remove("TALENTA_DATABASE_URL")
            .args(["--database", &self.database, "--audit-key"])
            .arg(&self.key_file)
            .args(args)
            .output()
            .expect("run talenta");
        assert!(
            out.status.success(),
            "talenta {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

/// An assessor's login and password.
pub type Login = (String, String);

/// Creates the government, `participants` employees, `assessors` assessor accounts and the
/// scheduled, published event `beban-http` (every participant before two assessors, six
/// methods of the common matrix). Returns the logins.
pub fn prepare(t: &Target, assessors: usize, participants: usize) -> Vec<Login> {
    t.talenta(&["init", "--code", TENANT, "--name", "Pemerintah Kota Beban"]);
    let units = (participants / 35).max(1);
    let mut u = String::from("Kode Unit,Nama Unit,Kode Unit Induk\n");
    let mut p = String::from(
        "Kode Jabatan,Nama Jabatan,Kelas Jabatan,Eselon,Kode Unit,Kode Jabatan Atasan\n",
    );
    for i in 0..units {
        u.push_str(&format!("B{i:02},Dinas Beban {i},\n"));
        p.push_str(&format!(
            "PB{i:02},Pelaksana Beban {i},Pelaksana,,B{i:02},\n"
        ));
    }
    let mut e = String::from("NIP,Nama,Kode Jabatan\n");
    let born = chrono::NaiveDate::from_ymd_opt(1975, 1, 1).expect("a date");
    for i in 0..participants {
        let day = born + chrono::Days::new((i / 999) as u64);
        e.push_str(&format!(
            "{}2005011{:03},Peserta Beban {i},PB{:02}\n",
            day.format("%Y%m%d"),
            i % 999 + 1,
            i % units
        ));
    }
    for (kind, text) in [("units", u), ("positions", p), ("employees", e)] {
        let file = t.dir.join(format!("{kind}.csv"));
        std::fs::write(&file, text).unwrap();
        t.talenta(&["import", kind, file.to_str().unwrap()]);
    }
    // Accounts have no CLI command: the use case, on the same database with the same key.
    let now = chrono::Utc::now();
    let (key, _) = talenta_app::context::load_or_create_key(&t.key_file).unwrap();
    let ctx = talenta_app::Ctx {
        actor: "bench".into(),
        audit_key: key,
        now,
    };
    let mut db = talenta_app::tenant::open(&t.database, now).unwrap();
    let tenant = talenta_store::master::tenant_by_code(&mut db, TENANT)
        .unwrap()
        .unwrap();
    let mut logins = Vec::new();
    for i in 0..assessors {
        let login = format!("asesor{i:02}.beban");
        let password = format!("sandi-beban-{i:02}");
        talenta_app::access::put_account(
            &mut db,
            &ctx,
            &tenant,
            &talenta_app::access::AccountSpec {
                login: &login,
                display_name: &format!("Asesor Beban {i:02}"),
                password: &password,
                role: talenta_app::access::Role::Assessor,
                employee_id: None,
            },
        )
        .unwrap();
        logins.push((login, password));
    }
    drop(db);
    let today = now.date_naive();
    let dates: Vec<String> = (1..=3)
        .map(|d| (today + chrono::Days::new(d)).to_string())
        .collect();
    let seats = participants.div_ceil(6);
    let sessions = format!("{seats},{seats}");
    let per_day = (2 * participants).div_ceil(assessors) + 4;
    let per_day = per_day.to_string();
    let dates = dates.join(",");
    let specs: Vec<String> = logins
        .iter()
        .enumerate()
        .map(|(i, (login, _))| format!("Asesor Beban {i:02}|BKD Beban|Madya|{login}"))
        .collect();
    let mut args = vec![
        "event-create",
        "--code",
        EVENT,
        "--name",
        "Asesmen Beban HTTP",
        "--dates",
        &dates,
        "--sessions",
        &sessions,
        "--per-participant",
        "2",
        "--max-per-assessor",
        &per_day,
    ];
    for s in &specs {
        args.extend(["--assessor", s.as_str()]);
    }
    t.talenta(&args);
    t.talenta(&["schedule", "--event", EVENT]);
    t.talenta(&["publish", "--event", EVENT]);
    logins
}

/// Participants needed for `assessors` x `saves` distinct slots (the common matrix gives at
/// least 18 cells a participant; the assignment is balanced to within one participant).
pub fn participants_for(assessors: usize, saves: usize) -> usize {
    let per_assessor = saves.div_ceil(18) + 1;
    // A multiple of 6: three days of two full sessions (the groups of 4-8 always form).
    ((assessors * per_assessor).div_ceil(2) + 2).div_ceil(6) * 6
}

// ---- the servers --------------------------------------------------------------------------

/// A server process this program started (killed on drop).
pub struct Server {
    child: Child,
    pub addr: String,
}

impl Server {
    /// Starts `cmd` (which must listen on `addr`) and waits until it accepts connections.
    fn start(mut cmd: Command, addr: String, log: &Path) -> Server {
        let log = std::fs::File::create(log).unwrap();
        let child = cmd
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("start the server");
        let server = Server { child, addr };
        let until = Instant::now() + Duration::from_secs(60);
        while std::net::TcpStream::connect(&server.addr).is_err() {
            assert!(Instant::now() < until, "the server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// `talenta serve` on a free port of 127.0.0.1.
    pub fn talenta(t: &Target) -> Server {
        let addr = free_addr();
        let mut cmd = Command::new(&t.bin);
        cmd.current_dir(&t.dir)
            .env_remove("TALENTA_DATABASE_URL")
            .args(["--database", &t.database, "--audit-key"])
            .arg(&t.key_file)
            .args(["serve", "--listen", &addr]);
        Server::start(cmd, addr, &t.dir.join("serve.log"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_addr() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().to_string()
}

// ---- the load -----------------------------------------------------------------------------

/// One save to make: the form fields without the CSRF token, and what must be stored.
#[derive(Clone)]
struct Slot {
    participant: i64,
    method: String,
    competency: String,
    level: String,
    tenths: i64,
    evidence: String,
}

/// An assessor ready to save: session cookie, CSRF token and the slots.
struct Assessor {
    login: String,
    cookie: String,
    csrf: String,
    slots: Vec<Slot>,
}

/// What one save got back.
struct Outcome {
    acknowledged: bool,
    /// The HTTP status, 0 for a transport error.
    status: u16,
    latency: Duration,
}

/// Signs in through `/masuk` (the form's CSRF token and pre-login cookie, then 303 with the
/// session cookie), reads the worklist and one sheet, and picks `saves` distinct slots.
async fn sign_in(addr: &str, login: &str, password: &str, saves: usize) -> Assessor {
    let mut c = Conn::new(addr);
    let page = c.send("/masuk", "", None).await.unwrap();
    assert_eq!(page.status, 200, "GET /masuk");
    let pre = cookie_value(&page.cookies, "__Host-talenta-pre").expect("pre-login cookie");
    let csrf = values_after(&page.body, "name=\"_csrf\" value=\"")[0].to_string();
    let r = c
        .send(
            "/masuk",
            &format!("__Host-talenta-pre={pre}"),
            Some(form(&[
                ("_csrf", &csrf),
                ("login", login),
                ("password", password),
            ])),
        )
        .await
        .unwrap();
    assert_eq!(r.status, 303, "POST /masuk as {login}: {}", r.body);
    let session = cookie_value(&r.cookies, "__Host-talenta").expect("session cookie");
    let cookie = format!("__Host-talenta={session}");
    let list = c
        .send(&format!("/acara/{EVENT}/nilai"), &cookie, None)
        .await
        .unwrap();
    assert_eq!(list.status, 200, "worklist of {login}");
    let mut participants: Vec<i64> = values_after(&list.body, "nilai?peserta=")
        .iter()
        .filter_map(|v| v.parse().ok())
        .collect();
    participants.dedup();
    assert!(!participants.is_empty(), "{login} has no participant");
    let sheet = c
        .send(
            &format!("/acara/{EVENT}/nilai?peserta={}", participants[0]),
            &cookie,
            None,
        )
        .await
        .unwrap();
    assert_eq!(sheet.status, 200);
    let csrf = values_after(&sheet.body, "name=\"_csrf\" value=\"")[0].to_string();
    let methods: Vec<String> = (0..)
        .map_while(|i| {
            values_after(&sheet.body, &format!("name=\"m-{i}\" value=\""))
                .first()
                .map(|s| s.to_string())
        })
        .collect();
    let competencies: Vec<String> = (0..methods.len())
        .map(|i| values_after(&sheet.body, &format!("name=\"c-{i}\" value=\""))[0].to_string())
        .collect();
    let mut slots = Vec::new();
    'all: for p in &participants {
        for (m, k) in methods.iter().zip(&competencies) {
            if slots.len() == saves {
                break 'all;
            }
            let j = slots.len();
            let tenths = 10 + 5 * (j % 9) as i64;
            slots.push(Slot {
                participant: *p,
                method: m.clone(),
                competency: k.clone(),
                level: if tenths % 10 == 0 {
                    (tenths / 10).to_string()
                } else {
                    format!("{},5", tenths / 10)
                },
                tenths,
                evidence: format!("bukti {login} {j}"),
            });
        }
    }
    assert_eq!(
        slots.len(),
        saves,
        "{login}: {} participants x {} cells are too few",
        participants.len(),
        methods.len()
    );
    Assessor {
        login: login.to_string(),
        cookie,
        csrf,
        slots,
    }
}

/// Where the saves go: the scoring page of `talenta serve` or the bare peer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Talenta,
    Peer,
}

/// One client per assessor, each on its own keep-alive connection, all at once; returns each
/// save's outcome (per assessor, in order) and the wall time of the whole load.
async fn load(addr: &str, kind: Kind, assessors: Vec<Assessor>) -> (Vec<Vec<Outcome>>, Duration) {
    let start = Arc::new(tokio::sync::Barrier::new(assessors.len() + 1));
    let mut tasks = Vec::new();
    for a in assessors {
        let addr = addr.to_string();
        let start = start.clone();
        tasks.push(tokio::spawn(async move {
            let mut c = Conn::new(&addr);
            c.open().await.unwrap();
            start.wait().await;
            let mut out = Vec::with_capacity(a.slots.len());
            for s in &a.slots {
                let p = s.participant.to_string();
                let (path, body) = match kind {
                    Kind::Talenta => (
                        format!("/acara/{EVENT}/nilai"),
                        form(&[
                            ("_csrf", &a.csrf),
                            ("peserta", &p),
                            ("aksi", "draf"),
                            ("m-0", &s.method),
                            ("c-0", &s.competency),
                            ("l-0", &s.level),
                            ("e-0", &s.evidence),
                            ("v-0", ""),
                            ("ol-0", ""),
                            ("oe-0", ""),
                        ]),
                    ),
                    Kind::Peer => (
                        "/simpan".to_string(),
                        form(&[
                            ("asesor", &a.login),
                            ("peserta", &p),
                            ("metode", &s.method),
                            ("kompetensi", &s.competency),
                            ("level", &s.level),
                            ("bukti", &s.evidence),
                        ]),
                    ),
                };
                let t = Instant::now();
                let r = c.send(&path, &a.cookie, Some(body)).await;
                let latency = t.elapsed();
                out.push(match r {
                    Ok(r) => Outcome {
                        acknowledged: r.status == 200
                            && (kind == Kind::Peer || r.body.contains(SAVED)),
                        status: r.status,
                        latency,
                    },
                    Err(_) => Outcome {
                        acknowledged: false,
                        status: 0,
                        latency,
                    },
                });
            }
            out
        }));
    }
    start.wait().await;
    let t = Instant::now();
    let mut all = Vec::new();
    for task in tasks {
        all.push(task.await.unwrap());
    }
    (all, t.elapsed())
}

// ---- the check against the database ------------------------------------------------------

/// A stored rating: login of its assessor, evidence, level in tenths, version.
type Stored = (String, String, i64, i64);

#[derive(Default)]
struct Check {
    stored: usize,
    lost: usize,
    duplicated: usize,
    stored_unacknowledged: usize,
}

/// Every acknowledged save must be stored exactly once (one row, version 1) with its assessor,
/// level and evidence; a save that was not acknowledged may or may not be stored.
fn check(assessors: &[Assessor], outcomes: &[Vec<Outcome>], rows: &[Stored]) -> Check {
    let mut by_evidence: HashMap<&str, Vec<&Stored>> = HashMap::new();
    for r in rows {
        by_evidence.entry(r.1.as_str()).or_default().push(r);
    }
    let mut c = Check {
        stored: rows.len(),
        ..Check::default()
    };
    for (a, outs) in assessors.iter().zip(outcomes) {
        for (s, o) in a.slots.iter().zip(outs) {
            let found = by_evidence.get(s.evidence.as_str());
            let n = found.map_or(0, Vec::len);
            if n > 1 || found.is_some_and(|f| f.iter().any(|r| r.3 != 1)) {
                c.duplicated += 1;
            }
            let right = found.is_some_and(|f| f.iter().any(|r| r.0 == a.login && r.2 == s.tenths));
            if o.acknowledged && !right {
                c.lost += 1;
            }
            if !o.acknowledged && n > 0 {
                c.stored_unacknowledged += 1;
            }
        }
    }
    c
}

fn talenta_rows(db: &mut Db) -> Vec<Stored> {
    db.query(
        "SELECT a.login, s.evidence, s.level_tenths, s.version FROM scores s \
         JOIN events e ON e.id = s.event_id JOIN event_assessors ea ON ea.id = s.assessor_id \
         JOIN accounts a ON a.id = ea.account_id WHERE e.code = ?",
        &[EVENT.into()],
    )
    .unwrap()
    .iter()
    .map(|r| {
        (
            r.text(0).unwrap().to_string(),
            r.text(1).unwrap().to_string(),
            r.int(2).unwrap(),
            r.int(3).unwrap(),
        )
    })
    .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1e3
}

/// The JSON line of one run; returns its acknowledged saves per second.
fn report(
    engine: &str,
    assessors: &[Assessor],
    outcomes: &[Vec<Outcome>],
    wall: Duration,
    c: &Check,
    audit_entries: Option<i64>,
) -> f64 {
    let mut latencies: Vec<Duration> = outcomes.iter().flatten().map(|o| o.latency).collect();
    latencies.sort();
    let acknowledged = outcomes.iter().flatten().filter(|o| o.acknowledged).count();
    let mut statuses: BTreeMap<String, usize> = BTreeMap::new();
    for o in outcomes.iter().flatten().filter(|o| !o.acknowledged) {
        *statuses.entry(o.status.to_string()).or_default() += 1;
    }
    let rate = acknowledged as f64 / wall.as_secs_f64();
    println!(
        "{}",
        serde_json::json!({
            "bench": "http_saves", "engine": engine, "clients": assessors.len(),
            "saves": latencies.len(), "acknowledged": acknowledged,
            "not_acknowledged_by_status": statuses, "stored": c.stored, "lost": c.lost,
            "duplicated": c.duplicated, "stored_unacknowledged": c.stored_unacknowledged,
            "audit_score_save_entries": audit_entries,
            "p50_ms": percentile(&latencies, 0.50), "p99_ms": percentile(&latencies, 0.99),
            "max_ms": percentile(&latencies, 1.0), "seconds": wall.as_secs_f64(), "saves_per_s": rate,
        })
    );
    rate
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// One engine: set up, serve, sign in, load, stop the server, check. Returns saves/s.
fn talenta_run(engine: &str, t: &Target, clients: usize, saves: usize) -> f64 {
    let logins = prepare(t, clients, participants_for(clients, saves));
    let server = Server::talenta(t);
    let rt = runtime();
    let addr = server.addr.clone();
    let assessors: Vec<Assessor> = rt.block_on(async {
        let mut tasks = Vec::new();
        for (login, password) in logins {
            let addr = addr.clone();
            tasks.push(tokio::spawn(async move {
                sign_in(&addr, &login, &password, saves).await
            }));
        }
        let mut out = Vec::new();
        for task in tasks {
            out.push(task.await.unwrap());
        }
        out
    });
    let (outcomes, wall) = rt.block_on(load(&addr, Kind::Talenta, assessors_clone(&assessors)));
    drop(server);
    let mut db = Db::open(&t.database).unwrap();
    let rows = talenta_rows(&mut db);
    let audit = db
        .query_opt(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'score.save'",
            &[],
        )
        .unwrap()
        .unwrap()
        .int(0)
        .unwrap();
    let c = check(&assessors, &outcomes, &rows);
    let verified = t.talenta(&["audit", "verify"]);
    assert!(!verified.contains("RUSAK"), "audit verify: {verified}");
    assert_eq!(
        audit as usize,
        rows.len(),
        "one score.save entry per stored rating"
    );
    report(engine, &assessors, &outcomes, wall, &c, Some(audit))
}

fn assessors_clone(a: &[Assessor]) -> Vec<Assessor> {
    a.iter()
        .map(|a| Assessor {
            login: a.login.clone(),
            cookie: a.cookie.clone(),
            csrf: a.csrf.clone(),
            slots: a.slots.clone(),
        })
        .collect()
}

// ---- the peer: a bare axum + rusqlite handler, one INSERT per POST ----------------------

fn peer_db(path: &str) -> rusqlite::Connection {
    let c = rusqlite::Connection::open(path).unwrap();
    // The same pragmas as talenta's SQLite connections.
    c.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; \
         CREATE TABLE IF NOT EXISTS ratings (id INTEGER PRIMARY KEY, assessor TEXT NOT NULL, \
         participant INTEGER NOT NULL, method TEXT NOT NULL, competency TEXT NOT NULL, \
         level_tenths INTEGER NOT NULL, evidence TEXT NOT NULL, \
         UNIQUE (assessor, participant, method, competency));",
    )
    .unwrap();
    c
}

/// `talenta-bench http peer DB ADDR`: serves `POST /simpan` until killed.
fn peer_serve(path: &str, addr: &str) {
    use axum::extract::{Form, State};
    use axum::http::StatusCode;
    type Shared = Arc<Mutex<rusqlite::Connection>>;
    async fn save(
        State(db): State<Shared>,
        Form(f): Form<HashMap<String, String>>,
    ) -> (StatusCode, &'static str) {
        let field = |k: &str| f.get(k).cloned().unwrap_or_default();
        let level = field("level").replace(',', ".").parse::<f64>();
        let (Ok(level), Ok(participant)) = (level, field("peserta").parse::<i64>()) else {
            return (StatusCode::UNPROCESSABLE_ENTITY, "isian tidak sah");
        };
        let tenths = (level * 10.0).round() as i64;
        let row = (
            field("asesor"),
            field("metode"),
            field("kompetensi"),
            field("bukti"),
        );
        let done = tokio::task::spawn_blocking(move || {
            let c = db.lock().unwrap();
            c.prepare_cached(
                "INSERT INTO ratings (assessor, participant, method, competency, level_tenths, evidence) \
                 VALUES (?, ?, ?, ?, ?, ?)",
            )
            .and_then(|mut s| {
                s.execute(rusqlite::params![row.0, participant, row.1, row.2, tenths, row.3])
            })
        })
        .await;
        match done {
            Ok(Ok(1)) => (StatusCode::OK, "tersimpan"),
            _ => (StatusCode::INTERNAL_SERVER_ERROR, "gagal"),
        }
    }
    let db: Shared = Arc::new(Mutex::new(peer_db(path)));
    let app = axum::Router::new()
        .route("/simpan", axum::routing::post(save))
        .with_state(db);
    runtime().block_on(async {
        let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
        axum::serve(listener, app).await.unwrap();
    });
}

/// The peer under the same load: returns saves/s.
fn peer_run(dir: &Path, clients: usize, saves: usize) -> f64 {
    let path = dir.join("peer.sqlite");
    let path = path.to_str().unwrap().to_string();
    drop(peer_db(&path));
    let addr = free_addr();
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["http", "peer", &path, &addr]);
    let server = Server::start(cmd, addr.clone(), &dir.join("peer.log"));
    // The same slots as an assessor of talenta would save (fixed cells, 30 a participant).
    let assessors: Vec<Assessor> = (0..clients)
        .map(|i| {
            let login = format!("asesor{i:02}.beban");
            let slots = (0..saves)
                .map(|j| {
                    let tenths = 10 + 5 * (j % 9) as i64;
                    Slot {
                        participant: (i * 1000 + j / 30) as i64,
                        method: format!("metode-{}", j % 30 / 9),
                        competency: format!("M.{}", j % 30 % 9 + 1),
                        level: if tenths % 10 == 0 {
                            (tenths / 10).to_string()
                        } else {
                            format!("{},5", tenths / 10)
                        },
                        tenths,
                        evidence: format!("bukti {login} {j}"),
                    }
                })
                .collect();
            Assessor {
                login,
                cookie: String::new(),
                csrf: String::new(),
                slots,
            }
        })
        .collect();
    let (outcomes, wall) = runtime().block_on(load(&addr, Kind::Peer, assessors_clone(&assessors)));
    drop(server);
    let mut db = Db::open(&path).unwrap();
    let rows: Vec<Stored> = db
        .query(
            "SELECT assessor, evidence, level_tenths, 1 FROM ratings",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.text(0).unwrap().to_string(),
                r.text(1).unwrap().to_string(),
                r.int(2).unwrap(),
                r.int(3).unwrap(),
            )
        })
        .collect();
    let c = check(&assessors, &outcomes, &rows);
    report("peer_axum_rusqlite", &assessors, &outcomes, wall, &c, None)
}

// ---- entry point --------------------------------------------------------------------------

/// A fresh work folder under the bench output.
fn fresh(dir: &Path) -> PathBuf {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    dir.to_path_buf()
}

/// `talenta-bench http [CLIENTS] [SAVES]`, or `http peer DB ADDR` (the peer's process).
pub fn main(args: &[String], out: &Path) {
    if args.first().map(String::as_str) == Some("peer") {
        return peer_serve(&args[1], &args[2]);
    }
    let n = |i: usize, d: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    let (clients, saves) = (n(0, 20), n(1, 500));
    let bin = std::env::var_os("TALENTA_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::current_exe().unwrap().with_file_name("talenta"));
    let root = out.join("http");
    let peer = peer_run(&fresh(&root.join("peer")), clients, saves);
    let dir = fresh(&root.join("sqlite"));
    let sqlite = Target {
        bin: bin.clone(),
        database: dir.join("talenta.sqlite").to_str().unwrap().to_string(),
        key_file: dir.join("audit.key"),
        dir,
    };
    let on_sqlite = talenta_run("sqlite", &sqlite, clients, saves);
    let mut ratio = serde_json::json!({
        "bench": "http_saves_vs_peer", "clients": clients, "saves_per_client": saves,
        "peer_saves_per_s": peer, "sqlite_saves_per_s": on_sqlite, "sqlite_vs_peer": on_sqlite / peer,
        "goal_vs_peer": 1.0 / 3.0,
    });
    if let Ok(base) = std::env::var("TALENTA_BENCH_PG") {
        let name = format!("beban_{}", std::process::id());
        let mut admin = Db::open(&base).unwrap();
        admin
            .batch(&format!("DROP DATABASE IF EXISTS {name}"))
            .unwrap();
        admin.batch(&format!("CREATE DATABASE {name}")).unwrap();
        let dir = fresh(&root.join("postgres"));
        let pg = Target {
            bin,
            database: format!("{base} dbname={name}"),
            key_file: dir.join("audit.key"),
            dir,
        };
        let on_pg = talenta_run("postgres", &pg, clients, saves);
        ratio["postgres_saves_per_s"] = on_pg.into();
        ratio["postgres_vs_peer"] = (on_pg / peer).into();
        let _ = admin.batch(&format!("DROP DATABASE {name}"));
    } else {
        eprintln!("TALENTA_BENCH_PG is not set: PostgreSQL left out");
    }
    println!("{ratio}");
}
