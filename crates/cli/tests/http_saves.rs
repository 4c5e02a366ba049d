//! Concurrent saves over real HTTP (issue 12, the small version of `talenta-bench http`): the
//! real `talenta serve` on a free port of 127.0.0.1, four assessors signed in through `/masuk`,
//! each saving 25 distinct ratings at the same time on the scoring page with the session's
//! CSRF token, on SQLite and PostgreSQL. Every save must be acknowledged (200, "Draf disimpan
//! (1 nilai)") or answered with a retryable 503, and afterwards every acknowledged save is in
//! the database exactly once (one row at version 1, under the assessor who saved it, with its
//! level and evidence), with one `score.save` audit entry per row and the audit trail intact.
//! No timing is asserted.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests: a failure must stop loudly

use std::collections::HashMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::{self, SendRequest};
use hyper_util::rt::TokioIo;
use talenta_store::Db;

const ASSESSORS: usize = 4;
const SAVES: usize = 25;
const EVENT: &str = "beban-uji";

/// `talenta --database URL --audit-key-file KEY ARGS` in `dir`; its standard output.
fn talenta(dir: &Path, url: &str, args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_talenta"))
        .current_dir(dir)
        .env_remove("TALENTA_DATABASE_URL")
        .args(["--database", url, "--audit-key", "audit.key"])
        .args(args)
        .output()
        .expect("run talenta");
    assert!(
        o.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The government, 16 employees, the assessor accounts (no CLI command makes accounts: the use
/// case, with the CLI's audit key) and a scheduled, published event with two assessors each (two days of one
/// session of 8: every session full, so its groups of 4-8 form).
fn prepare(dir: &Path, url: &str) -> Vec<(String, String)> {
    talenta(
        dir,
        url,
        &[
            "init",
            "--code",
            "kota-beban",
            "--name",
            "Pemerintah Kota Beban",
        ],
    );
    let mut employees = String::from("NIP,Nama,Kode Jabatan\n");
    for i in 0..16 {
        employees.push_str(&format!(
            "19750101200501{}{:03},Peserta Uji {i},PB00\n",
            1 + i % 2,
            i + 1
        ));
    }
    for (kind, text) in [
        (
            "units",
            "Kode Unit,Nama Unit,Kode Unit Induk\nB00,Dinas Beban,\n".to_string(),
        ),
        (
            "positions",
            "Kode Jabatan,Nama Jabatan,Kelas Jabatan,Eselon,Kode Unit,Kode Jabatan Atasan\n\
             PB00,Pelaksana Beban,Pelaksana,,B00,\n"
                .to_string(),
        ),
        ("employees", employees),
    ] {
        std::fs::write(dir.join(format!("{kind}.csv")), text).unwrap();
        talenta(dir, url, &["import", kind, &format!("{kind}.csv")]);
    }
    let now = chrono::Utc::now();
    let (key, _) = talenta_app::context::load_or_create_key(&dir.join("audit.key")).unwrap();
    let ctx = talenta_app::Ctx {
        actor: "uji".into(),
        audit_key: key,
        now,
    };
    let mut db = talenta_app::tenant::open(url, now).unwrap();
    let tenant = talenta_store::master::tenant_by_code(&mut db, "kota-beban")
        .unwrap()
        .unwrap();
    let logins: Vec<(String, String)> = (0..ASSESSORS)
        .map(|i| (format!("asesor{i}.beban"), format!("sandi-uji-{i}")))
        .collect();
    for (login, password) in &logins {
        talenta_app::access::put_account(
            &mut db,
            &ctx,
            &tenant,
            &talenta_app::access::AccountSpec {
                login,
                display_name: login,
                password,
                role: talenta_app::access::Role::Assessor,
                employee_id: None,
            },
        )
        .unwrap();
    }
    drop(db);
    let dates: Vec<String> = (1..=2)
        .map(|d| (now.date_naive() + chrono::Days::new(d)).to_string())
        .collect();
    let dates = dates.join(",");
    let specs: Vec<String> = logins
        .iter()
        .map(|(l, _)| format!("{l}|BKD Beban|Madya|{l}"))
        .collect();
    let mut args = vec![
        "event-create",
        "--code",
        EVENT,
        "--name",
        "Asesmen Beban",
        "--dates",
        &dates,
        "--sessions",
        "8",
    ];
    for s in &specs {
        args.extend(["--assessor", s.as_str()]);
    }
    talenta(dir, url, &args);
    talenta(dir, url, &["schedule", "--event", EVENT]);
    talenta(dir, url, &["publish", "--event", EVENT]);
    logins
}

/// `talenta serve` on a free port, killed on drop.
struct Server(Child, String);

impl Server {
    fn start(dir: &Path, url: &str) -> Server {
        let addr = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .to_string();
        let child = Command::new(env!("CARGO_BIN_EXE_talenta"))
            .current_dir(dir)
            .env_remove("TALENTA_DATABASE_URL")
            .args(["--database", url, "--audit-key", "audit.key"])
            .args(["serve", "--listen", &addr])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let until = Instant::now() + Duration::from_secs(60);
        while std::net::TcpStream::connect(&addr).is_err() {
            assert!(Instant::now() < until, "talenta serve did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Server(child, addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One keep-alive HTTP/1.1 connection (hyper's client).
struct Conn(SendRequest<Full<Bytes>>, String);

/// Status, Set-Cookie headers and body.
struct Reply(u16, Vec<String>, String);

impl Conn {
    async fn open(addr: &str) -> Conn {
        let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        let (sender, conn) = http1::handshake(TokioIo::new(stream)).await.unwrap();
        tokio::spawn(conn);
        Conn(sender, addr.to_string())
    }

    async fn send(&mut self, path: &str, cookie: &str, form: Option<String>) -> Reply {
        self.0.ready().await.unwrap();
        let mut req = hyper::Request::builder()
            .method(if form.is_some() { "POST" } else { "GET" })
            .uri(path)
            .header("host", &self.1);
        if !cookie.is_empty() {
            req = req.header("cookie", cookie);
        }
        if form.is_some() {
            req = req.header("content-type", "application/x-www-form-urlencoded");
        }
        let res = self
            .0
            .send_request(
                req.body(Full::new(Bytes::from(form.unwrap_or_default())))
                    .unwrap(),
            )
            .await
            .unwrap();
        let status = res.status().as_u16();
        let cookies = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect();
        let body = res.into_body().collect().await.unwrap().to_bytes();
        Reply(status, cookies, String::from_utf8_lossy(&body).into_owned())
    }
}

fn encode(pairs: &[(&str, &str)]) -> String {
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn after<'a>(html: &'a str, before: &str) -> Vec<&'a str> {
    html.split(before)
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect()
}

fn cookie(reply: &Reply, name: &str) -> String {
    reply
        .1
        .iter()
        .find_map(|c| c.split(';').next()?.strip_prefix(&format!("{name}=")))
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| panic!("no {name} cookie: {:?}", reply.1))
        .to_string()
}

/// One save: its evidence (unique), its level in tenths and whether it was acknowledged.
type Save = (String, i64, bool);

/// Signs in through `/masuk` and saves SAVES distinct ratings, one request each.
async fn assessor(addr: String, login: String, password: String) -> Vec<Save> {
    let mut c = Conn::open(&addr).await;
    let page = c.send("/masuk", "", None).await;
    assert_eq!(page.0, 200);
    let pre = cookie(&page, "__Host-talenta-pre");
    let csrf = after(&page.2, "name=\"_csrf\" value=\"")[0].to_string();
    let r = c
        .send(
            "/masuk",
            &format!("__Host-talenta-pre={pre}"),
            Some(encode(&[
                ("_csrf", &csrf),
                ("login", &login),
                ("password", &password),
            ])),
        )
        .await;
    assert_eq!(r.0, 303, "{login} signs in: {}", r.2);
    let session = format!("__Host-talenta={}", cookie(&r, "__Host-talenta"));
    let list = c
        .send(&format!("/acara/{EVENT}/nilai"), &session, None)
        .await;
    assert_eq!(list.0, 200);
    let mut participants: Vec<String> = after(&list.2, "nilai?peserta=")
        .into_iter()
        .map(str::to_string)
        .collect();
    participants.dedup();
    let sheet_path = format!("/acara/{EVENT}/nilai?peserta={}", participants[0]);
    let sheet = c.send(&sheet_path, &session, None).await;
    assert_eq!(sheet.0, 200);
    let csrf = after(&sheet.2, "name=\"_csrf\" value=\"")[0].to_string();
    let cells: Vec<(String, String)> = (0..)
        .map_while(|i| {
            let m = after(&sheet.2, &format!("name=\"m-{i}\" value=\""))
                .first()?
                .to_string();
            let k = after(&sheet.2, &format!("name=\"c-{i}\" value=\""))[0].to_string();
            Some((m, k))
        })
        .collect();
    let slots: Vec<(&String, &(String, String))> = participants
        .iter()
        .flat_map(|p| cells.iter().map(move |cell| (p, cell)))
        .take(SAVES)
        .collect();
    assert_eq!(slots.len(), SAVES, "{login}: too few participants x cells");
    let mut out = Vec::new();
    for (j, (p, (m, k))) in slots.into_iter().enumerate() {
        let tenths = 10 + 5 * (j % 9) as i64;
        let level = match tenths % 10 {
            0 => (tenths / 10).to_string(),
            _ => format!("{},5", tenths / 10),
        };
        let evidence = format!("bukti {login} {j}");
        let form = encode(&[
            ("_csrf", &csrf),
            ("peserta", p),
            ("aksi", "draf"),
            ("m-0", m),
            ("c-0", k),
            ("l-0", &level),
            ("e-0", &evidence),
            ("v-0", ""),
            ("ol-0", ""),
            ("oe-0", ""),
        ]);
        let r = c
            .send(&format!("/acara/{EVENT}/nilai"), &session, Some(form))
            .await;
        let acknowledged = r.0 == 200 && r.2.contains("Draf disimpan (1 nilai)");
        assert!(
            acknowledged || r.0 == 503,
            "{login} save {j}: neither acknowledged nor retryable: {} {}",
            r.0,
            r.2.chars().take(400).collect::<String>()
        );
        out.push((evidence, tenths, acknowledged));
    }
    out
}

fn run(url: &str) {
    let dir = tempfile::tempdir().unwrap();
    let logins = prepare(dir.path(), url);
    let server = Server::start(dir.path(), url);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let saves: Vec<(String, Vec<Save>)> = rt.block_on(async {
        let tasks: Vec<_> = logins
            .into_iter()
            .map(|(l, p)| {
                let addr = server.1.clone();
                let login = l.clone();
                (login, tokio::spawn(assessor(addr, l, p)))
            })
            .collect();
        let mut out = Vec::new();
        for (login, t) in tasks {
            out.push((login, t.await.unwrap()));
        }
        out
    });
    drop(server);
    let mut db = Db::open(url).unwrap();
    let rows = db
        .query(
            "SELECT s.evidence, a.login, s.level_tenths, s.version FROM scores s \
             JOIN event_assessors ea ON ea.id = s.assessor_id JOIN accounts a ON a.id = ea.account_id",
            &[],
        )
        .unwrap();
    let mut stored: HashMap<String, Vec<(String, i64, i64)>> = HashMap::new();
    for r in &rows {
        stored
            .entry(r.text(0).unwrap().to_string())
            .or_default()
            .push((
                r.text(1).unwrap().to_string(),
                r.int(2).unwrap(),
                r.int(3).unwrap(),
            ));
    }
    let (mut lost, mut duplicated, mut acknowledged) = (0, 0, 0);
    for (login, list) in &saves {
        for (evidence, tenths, ack) in list {
            let found = stored.get(evidence).map(Vec::as_slice).unwrap_or(&[]);
            if found.len() > 1 || found.iter().any(|f| f.2 != 1) {
                duplicated += 1;
            }
            if *ack {
                acknowledged += 1;
                if !found.iter().any(|f| &f.0 == login && f.1 == *tenths) {
                    lost += 1;
                }
            }
        }
    }
    assert_eq!((lost, duplicated), (0, 0), "{url}: lost, duplicated");
    assert!(acknowledged > 0, "no save was acknowledged");
    let audit = db
        .query_opt(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'score.save'",
            &[],
        )
        .unwrap()
        .unwrap()
        .int(0)
        .unwrap();
    assert_eq!(
        audit as usize,
        rows.len(),
        "one score.save entry per stored rating"
    );
    let verified = talenta(dir.path(), url, &["audit", "verify"]);
    assert!(!verified.contains("RUSAK"), "{verified}");
}

#[test]
fn four_assessors_saving_at_once_over_http_lose_and_duplicate_nothing_on_sqlite_and_postgres() {
    // Each database stays alive (its temp dir, for SQLite) until its run is over.
    for db in talenta_fixture::both() {
        run(&db.url);
    }
}
