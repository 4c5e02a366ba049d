//! PostgreSQL connections honour `sslmode` and `sslrootcert` as libpq does, against a
//! throwaway cluster with TLS on (listening on 127.0.0.1 and 127.0.0.2): a CA and a server
//! certificate for 127.0.0.1 and localhost made here with rcgen, and a pg_hba.conf that lets
//! in TLS connections only.
//!
//! Skipped (with the reason printed) only when no PostgreSQL binaries are installed;
//! `scripts/test.sh` installs them, so CI runs it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests: a failure must stop loudly

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, Weak};

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
use talenta_store::{Db, StoreError, Value};

/// A running cluster in a temp dir; stopped and removed on drop.
struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    as_postgres: bool,
}

/// The newest installed PostgreSQL, found as `scripts/test.sh` does.
fn pg_bin() -> Option<PathBuf> {
    let mut bins: Vec<(Vec<u32>, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| {
            let e = e.ok()?;
            let version = e
                .file_name()
                .to_str()?
                .split('.')
                .map(|p| p.parse().ok())
                .collect::<Option<Vec<u32>>>()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    bins.sort();
    bins.pop().map(|(_, bin)| bin)
}

fn is_root() -> bool {
    let out = Command::new("id").arg("-u").output().expect("id -u");
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

/// Writes `text` to `path` readable by its owner only (PostgreSQL insists for a key).
fn write_private(path: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

fn ca(name: &str) -> CertifiedIssuer<'static, KeyPair> {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, name);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap()
}

/// The cluster of the tests running at the moment: tests that overlap share one, the last to
/// finish stops it (a cluster left in a static would never be stopped).
static SHARED: Mutex<Weak<Cluster>> = Mutex::new(Weak::new());

impl Cluster {
    fn shared(test: &str) -> Option<Arc<Cluster>> {
        let mut shared = SHARED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(running) = shared.upgrade() {
            return Some(running);
        }
        let cluster = Arc::new(Cluster::start(test)?);
        *shared = Arc::downgrade(&cluster);
        Some(cluster)
    }

    /// Starts a cluster with TLS on, or says why it cannot and returns `None`.
    fn start(test: &str) -> Option<Cluster> {
        let Some(bin) = pg_bin() else {
            println!("skipped {test}: no PostgreSQL binaries in /usr/lib/postgresql/*/bin");
            return None;
        };
        let as_postgres = is_root();
        let dir = tempfile::Builder::new()
            .prefix("talenta-pg-tls.")
            .tempdir()
            .unwrap();
        let root = dir.path().to_path_buf();
        let root = root.as_path();

        // The CA the client trusts, and another one it does not.
        let ca = ca("talenta uji CA");
        std::fs::write(root.join("ca.pem"), ca.pem()).unwrap();
        std::fs::write(
            root.join("other-ca.pem"),
            self::ca("talenta uji CA lain").pem(),
        )
        .unwrap();
        let server_key = KeyPair::generate().unwrap();
        let mut params =
            CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()]).unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "localhost");
        let server = params.signed_by(&server_key, &ca).unwrap();
        std::fs::write(root.join("server.crt"), server.pem()).unwrap();
        write_private(&root.join("server.key"), &server_key.serialize_pem());

        if as_postgres {
            let ok = Command::new("chown")
                .args(["-R", "postgres:"])
                .arg(root)
                .status()
                .unwrap()
                .success();
            assert!(ok, "chown -R postgres: {}", root.display());
        }
        let data = root.join("data");
        let pg = |tool: &str| {
            let mut c = if as_postgres {
                let mut c = Command::new("runuser");
                c.args(["-u", "postgres", "--"]).arg(bin.join(tool));
                c
            } else {
                Command::new(bin.join(tool))
            };
            c.env("LC_ALL", "C");
            c
        };
        let out = pg("initdb")
            .args(["-A", "trust", "-U", "postgres", "--no-sync", "-D"])
            .arg(&data)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // TLS connections only over TCP; the socket is for pg_ctl.
        std::fs::write(
            data.join("pg_hba.conf"),
            "local all all trust\nhostssl all all 127.0.0.0/8 trust\nhostssl all all ::1/128 trust\n",
        )
        .unwrap();

        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let options = format!(
            "-k {root} -p {port} -c listen_addresses=127.0.0.1,127.0.0.2 -c fsync=off -c ssl=on \
             -c ssl_cert_file={root}/server.crt -c ssl_key_file={root}/server.key",
            root = root.display()
        );
        let out = pg("pg_ctl")
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(root.join("log"))
            .args(["-w", "-o", &options, "start"])
            .output()
            .unwrap();
        let cluster = Cluster {
            dir,
            bin,
            port,
            as_postgres,
        };
        assert!(
            out.status.success(),
            "pg_ctl start: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(root.join("log")).unwrap_or_default()
        );
        Some(cluster)
    }

    fn file(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    /// A `postgres://` URL to this cluster at `host` with `query` appended.
    fn url(&self, host: &str, query: &str) -> String {
        format!("postgres://postgres@{host}:{}/postgres?{query}", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let ctl = self.bin.join("pg_ctl");
        let data = self.dir.path().join("data");
        let mut c = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(ctl);
            c
        } else {
            Command::new(ctl)
        };
        let _ = c
            .arg("-D")
            .arg(data)
            .args(["-m", "immediate", "stop"])
            .output();
    }
}

fn encrypted(db: &mut Db) -> bool {
    let row = db
        .query_opt(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .unwrap()
        .expect("a row for this backend");
    row.0[0] == Value::Int(1)
}

fn refusal(url: &str) -> String {
    match Db::open(url) {
        Ok(_) => panic!("{url} connected"),
        Err(StoreError::Connect(m)) => m,
        Err(e) => panic!("{url}: not a connect error: {e:?}"),
    }
}

#[test]
fn sslmode_require_encrypts_without_a_root_certificate() {
    let Some(pg) = Cluster::shared("sslmode_require_encrypts_without_a_root_certificate") else {
        return;
    };
    let mut db = Db::open(&pg.url("127.0.0.1", "sslmode=require")).unwrap();
    assert!(encrypted(&mut db));
    // The default, prefer, takes TLS when the server offers it, as libpq does.
    let mut db = Db::open(&pg.url("localhost", "application_name=uji")).unwrap();
    assert!(encrypted(&mut db));
}

#[test]
fn verify_full_connects_when_the_certificate_is_from_the_ca_and_for_the_host() {
    let Some(pg) = Cluster::shared(
        "verify_full_connects_when_the_certificate_is_from_the_ca_and_for_the_host",
    ) else {
        return;
    };
    let ca = pg.file("ca.pem");
    for host in ["127.0.0.1", "localhost"] {
        let url = pg.url(host, &format!("sslmode=verify-full&sslrootcert={ca}"));
        let mut db = Db::open(&url).unwrap();
        assert!(encrypted(&mut db), "{url}");
    }
    // The key-value form, and verify-ca, read the same options.
    let conninfo = format!(
        "host=localhost port={} user=postgres dbname=postgres sslmode=verify-ca sslrootcert='{ca}'",
        pg.port
    );
    assert!(encrypted(&mut Db::open(&conninfo).unwrap()));
    // 127.0.0.2 is this server too, but the certificate is not for it: verify-ca does not
    // look at the name, verify-full refuses.
    let url = pg.url("127.0.0.2", &format!("sslmode=verify-ca&sslrootcert={ca}"));
    assert!(encrypted(&mut Db::open(&url).unwrap()));
    let m = refusal(&pg.url(
        "127.0.0.2",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    ));
    assert!(m.contains("certificate") && m.contains("127.0.0.2"), "{m}");
}

#[test]
fn verify_full_with_another_ca_is_refused_naming_the_certificate() {
    let Some(pg) = Cluster::shared("verify_full_with_another_ca_is_refused_naming_the_certificate")
    else {
        return;
    };
    let other = pg.file("other-ca.pem");
    for mode in ["verify-full", "verify-ca", "require"] {
        let m = refusal(&pg.url("127.0.0.1", &format!("sslmode={mode}&sslrootcert={other}")));
        assert!(
            m.contains("certificate") && m.contains("UnknownIssuer"),
            "{mode}: {m}"
        );
    }
    let m = refusal(&pg.url(
        "127.0.0.1",
        &format!("sslmode=verify-full&sslrootcert={}", pg.file("missing.pem")),
    ));
    assert!(m.contains("missing.pem"), "{m}");
}

#[test]
fn sslmode_disable_is_refused_by_a_server_that_takes_tls_only() {
    let Some(pg) = Cluster::shared("sslmode_disable_is_refused_by_a_server_that_takes_tls_only")
    else {
        return;
    };
    let m = refusal(&pg.url("127.0.0.1", "sslmode=disable"));
    assert!(m.contains("pg_hba.conf"), "{m}");
    let m = refusal(&pg.url("127.0.0.1", "sslmode=verify-everything"));
    assert!(m.contains("sslmode"), "{m}");
}
