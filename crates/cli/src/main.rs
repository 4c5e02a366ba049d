//! `talenta`: the command line of talenta. Every command opens the database given by
//! `--database` (or `TALENTA_DATABASE_URL`; default the SQLite file `talenta.sqlite` in the
//! current directory; `postgres://...` for PostgreSQL) and speaks Bahasa Indonesia to the
//! operator. Errors exit non-zero: 1 for a failure, 2 for a file that was refused.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use talenta_app::import::{self, ImportKind, ImportLimits, ImportOptions};
use talenta_app::{jpm, talent, tenant};
use talenta_demo as demo;
use talenta_domain::{Nip, Purpose};

#[derive(Parser)]
#[command(
    name = "talenta",
    version,
    about = "Asesmen kompetensi dan manajemen talenta ASN"
)]
struct Cli {
    /// Database: a SQLite file path (default talenta.sqlite) or postgres://...
    #[arg(
        long,
        global = true,
        env = "TALENTA_DATABASE_URL",
        default_value = "talenta.sqlite"
    )]
    database: String,
    /// Instansi (tenant) code; may be left out when the database holds only one.
    #[arg(long, global = true)]
    tenant: Option<String>,
    /// File with the audit trail's secret key (created when missing); default next to a SQLite
    /// database (`<file>.audit-key`), or talenta-audit.key for PostgreSQL.
    #[arg(long, global = true, env = "TALENTA_AUDIT_KEY_FILE")]
    audit_key: Option<PathBuf>,
    /// Reference date (YYYY-MM-DD) instead of today.
    #[arg(long, global = true, value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per run; the size of the value does not matter
enum Command {
    /// Creates or upgrades the database; with --code and --name also an instansi.
    Init {
        /// Instansi code, e.g. kota-mojokerto.
        #[arg(long)]
        code: Option<String>,
        /// Instansi name, e.g. "Pemerintah Kota Mojokerto".
        #[arg(long)]
        name: Option<String>,
        /// kota, kabupaten, provinsi or pusat.
        #[arg(long, default_value = "kota")]
        kind: String,
    },
    /// Loads the demo governments (Kota Mojokerto, Kabupaten Bekasi) and prints their talent map.
    Demo,
    /// Starts the web application (pages and JSON API).
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: String,
        /// Load the demo governments first and print one login per role.
        #[arg(long)]
        demo: bool,
        /// TLS certificate chain (PEM), to serve HTTPS directly (an agency's LAN).
        #[arg(long, requires = "tls_key")]
        tls_cert: Option<PathBuf>,
        /// TLS private key (PEM).
        #[arg(long, requires = "tls_cert")]
        tls_key: Option<PathBuf>,
        /// Browsers reach this server over HTTPS through a TLS proxy (sends HSTS).
        #[arg(long)]
        behind_tls_proxy: bool,
        /// A proxy in front whose X-Forwarded-For is believed (repeatable): only requests from
        /// this address take the client address from that header, for the login limits and
        /// the audit trail.
        #[arg(long)]
        trusted_proxy: Vec<std::net::IpAddr>,
        /// Take a backup into this folder on a schedule (`talenta-<UTC time>.tar`).
        #[arg(long)]
        backup_dir: Option<PathBuf>,
        /// Minutes between scheduled backups.
        #[arg(long, default_value_t = 360, requires = "backup_dir", value_parser = clap::value_parser!(u64).range(1..))]
        backup_every: u64,
        /// How many scheduled backups to keep in the folder (older ones are removed).
        #[arg(long, default_value_t = 14, requires = "backup_dir", value_parser = clap::value_parser!(u64).range(1..))]
        backup_keep: u64,
        /// Write a signed audit checkpoint into this folder on a schedule (keep it on another
        /// disk or machine: `audit verify --anchor FOLDER` checks the chains against it).
        #[arg(long)]
        checkpoint_dir: Option<PathBuf>,
        /// Minutes between audit checkpoints (a day by default).
        #[arg(long, default_value_t = 1440, requires = "checkpoint_dir", value_parser = clap::value_parser!(u64).range(1..))]
        checkpoint_every: u64,
        /// How many checkpoints to keep in the folder.
        #[arg(long, default_value_t = 400, requires = "checkpoint_dir", value_parser = clap::value_parser!(u64).range(1..))]
        checkpoint_keep: u64,
    },
    /// Imports a .xlsx or .csv file: units, positions, standards, employees, performance, sanctions or results.
    Import {
        /// What the file holds.
        #[arg(value_parser = parse_kind)]
        kind: ImportKind,
        /// The file.
        file: PathBuf,
        /// Where to write the error report (.csv or .xlsx); default next to the file.
        #[arg(long)]
        report: Option<PathBuf>,
        /// Largest file accepted, in MB.
        #[arg(long, default_value_t = 256)]
        max_file_mb: u64,
    },
    /// Writes an empty import template (.xlsx, or .csv by extension).
    Template {
        /// Which template.
        #[arg(value_parser = parse_kind)]
        kind: ImportKind,
        /// Output file; default template-<kind>.xlsx.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Prints the talent map (9-box counts) per OPD and for the whole government.
    TalentMap,
    /// Creates an assessment event: days, sessions, cohort and assessors.
    EventCreate {
        /// Event code, e.g. asesmen-pengawas-2026.
        #[arg(long)]
        code: String,
        /// Event name.
        #[arg(long)]
        name: String,
        /// pengisian, pemetaan or kesesuaian (job fit).
        #[arg(long, default_value = "pemetaan")]
        purpose: String,
        /// Days, comma-separated YYYY-MM-DD.
        #[arg(long, value_delimiter = ',', value_parser = parse_date, required = true)]
        dates: Vec<NaiveDate>,
        /// Seats of each session of a day, comma-separated.
        #[arg(long, value_delimiter = ',', default_value = "24,24")]
        sessions: Vec<u32>,
        /// Room of each session of a day, comma-separated, e.g. "Ruang A,Ruang B".
        #[arg(long, value_delimiter = ',')]
        rooms: Vec<String>,
        /// The government's own competency x method matrix: a text file, one competency a line,
        /// "M.1: wawancara, tes-tertulis" (default: the common matrix).
        #[arg(long)]
        matrix_file: Option<PathBuf>,
        /// Most participants a day (default: the seats of a day).
        #[arg(long)]
        day_capacity: Option<u32>,
        /// Only these position classes, comma-separated, e.g. administrator,pengawas.
        #[arg(long, value_delimiter = ',')]
        class: Vec<String>,
        /// Only this OPD (unit code) and the units below it.
        #[arg(long)]
        opd: Option<String>,
        /// Only posts of these eselon, comma-separated, e.g. IV.a,IV.b.
        #[arg(long, value_delimiter = ',')]
        eselon: Vec<String>,
        /// Only the people listed in this file: .xlsx, .csv or .txt, one per row, NIP in the column headed "NIP" or the first.
        #[arg(long)]
        nips_file: Option<PathBuf>,
        /// An external assessor as "Name|Organisation|Level|login" (repeat for each; all but the
        /// name optional; the login of an account with the asesor role lets them enter ratings).
        #[arg(long)]
        assessor: Vec<String>,
        /// An internal assessor by NIP (repeat for each).
        #[arg(long)]
        assessor_nip: Vec<String>,
        /// Assessors per participant.
        #[arg(long, default_value_t = 2)]
        per_participant: u32,
        /// Most assessees per assessor per day.
        #[arg(long, default_value_t = 16)]
        max_per_assessor: u32,
        /// Most of an OPD's cohort on one day, in percent.
        #[arg(long, default_value_t = 50)]
        unit_share: u32,
        /// Methods, comma-separated: wawancara, in-tray, lgd, presentasi, analisis-kasus, role-play,
        /// sjt, tes-tertulis, makalah, rekam-jejak, portofolio, psikometri, cact.
        #[arg(
            long,
            value_delimiter = ',',
            default_value = "wawancara,in-tray,lgd,role-play,analisis-kasus,sjt"
        )]
        methods: Vec<String>,
        /// Each competency measured by at least this many of the methods.
        #[arg(long, default_value_t = 2)]
        min_methods: usize,
        /// How assessors' ratings are integrated: rerata (mean), median or konsensus.
        #[arg(long, default_value = "rerata")]
        integration: String,
        /// A rating not yet in: lewati (left out, never zero) or tunggu (the competency waits).
        #[arg(long, default_value = "lewati")]
        missing: String,
    },
    /// Plans the whole schedule of an event (days, sessions, assessors) or says why it cannot.
    Schedule {
        /// Event code.
        #[arg(long)]
        event: String,
    },
    /// Writes the roster of a scheduled event: a sheet per day and the assessors' schedule
    /// (.xlsx), or the printed sign-in lists and schedules when the file ends in .pdf.
    Roster {
        /// Event code.
        #[arg(long)]
        event: String,
        /// Output file; default daftar-<event>.xlsx.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Writes one invitation per participant of a scheduled event (.pdf, a page each).
    Invitations {
        /// Event code.
        #[arg(long)]
        event: String,
        /// Output file; default undangan-<event>.pdf.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Records the days a participant (--nip) cannot come or an assessor (--assessor) is away.
    Unavailable {
        /// Event code.
        #[arg(long)]
        event: String,
        /// NIP of a participant.
        #[arg(long, conflicts_with = "assessor")]
        nip: Option<String>,
        /// Name of an assessor.
        #[arg(long)]
        assessor: Option<String>,
        /// Day numbers, comma-separated (empty: available every day).
        #[arg(long, value_delimiter = ',')]
        days: Vec<u32>,
    },
    /// Records a relation an assessor declared with a participant (a conflict of interest).
    DeclareConflict {
        /// Event code.
        #[arg(long)]
        event: String,
        /// Assessor name.
        #[arg(long)]
        assessor: String,
        /// NIP of the participant.
        #[arg(long)]
        nip: String,
        /// The relation, e.g. "saudara kandung".
        #[arg(long)]
        relation: String,
    },
    /// Publishes an event's schedule (locked afterwards; only no-shows can be moved).
    Publish {
        /// Event code.
        #[arg(long)]
        event: String,
    },
    /// Shows the integration of an event's submitted ratings per participant (levels, spreads
    /// over one level flagged "!", JPM, category, status).
    Results {
        /// Event code.
        #[arg(long)]
        event: String,
    },
    /// Finalises (locks) the results of every complete participant, or of one NIP.
    Finalise {
        /// Event code.
        #[arg(long)]
        event: String,
        /// Only this participant.
        #[arg(long)]
        nip: Option<String>,
    },
    /// Publishes an event's final results to the people assessed.
    PublishResults {
        /// Event code.
        #[arg(long)]
        event: String,
    },
    /// Writes a person's report (PDF): their newest result against their post (and a target).
    Report {
        /// The person.
        #[arg(long)]
        nip: String,
        /// A target post's code.
        #[arg(long)]
        position: Option<String>,
        /// Output file (default laporan-NIP.pdf).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Writes the group recap of an event's final results (.xlsx with charts per unit).
    Recap {
        /// Event code.
        #[arg(long)]
        event: String,
        /// Output file (default rekap-hasil-EVENT.xlsx).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Structural posts vacant now or whose holder retires within the months.
    Vacancies {
        /// Look this many months ahead.
        #[arg(long, default_value_t = 12)]
        months: u32,
    },
    /// The ranked successors of a post from the talent pool one rung below, with reasons.
    Successors {
        /// The post's code.
        #[arg(long)]
        position: String,
        /// Also write the list (.xlsx or .pdf).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Moves one participant to another day and session (every rule re-checked).
    Move {
        /// Event code.
        #[arg(long)]
        event: String,
        /// NIP of the participant.
        #[arg(long)]
        nip: String,
        /// Day number from 1.
        #[arg(long)]
        day: u32,
        /// Session number from 1.
        #[arg(long)]
        session: u32,
        /// The participant did not come: allowed after publishing.
        #[arg(long)]
        no_show: bool,
    },
    /// Checks a participant in on the day.
    CheckIn {
        /// Event code.
        #[arg(long)]
        event: String,
        /// NIP of the participant.
        #[arg(long)]
        nip: String,
    },
    /// Creates an API key for another system (shown once; stored hashed).
    ApiKey {
        /// A name for the system, e.g. simpeg.
        #[arg(long)]
        name: String,
        /// Role the key acts with: admin, operator, ppk, auditor, ...
        #[arg(long, default_value = "operator")]
        role: String,
        /// Last day the key is valid (YYYY-MM-DD); default one year from today.
        #[arg(long, value_parser = parse_date)]
        expires: Option<NaiveDate>,
    },
    /// Revokes the instansi's API keys of that name at once (audited).
    ApiKeyRevoke {
        /// The name the key was given.
        #[arg(long)]
        name: String,
    },
    /// Checks or shows the audit trail.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Takes a consistent online copy of the whole database (every instansi) into one file,
    /// with a manifest of its checksum, row counts and audit heads, signed with the audit key.
    Backup {
        /// The backup file to write.
        #[arg(short = 'o', long)]
        output: PathBuf,
    },
    /// Restores a backup into the empty database given by --database (refuses a damaged
    /// file, one made with another audit key, and a target that holds data), then checks it.
    Restore {
        /// The backup file.
        file: PathBuf,
    },
    /// JPM of one employee against a position.
    Jpm {
        /// NIP of the employee.
        #[arg(long)]
        nip: String,
        /// Code of the position.
        #[arg(long)]
        position: String,
        /// pengisian, pemetaan or kesesuaian (job fit); default the purpose of the result used.
        #[arg(long)]
        purpose: Option<String>,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Verifies every chain; names the first bad entry. Exit 1 when tampering is found.
    Verify {
        /// An anchor kept outside the database: a backup (its signed manifest), an audit
        /// checkpoint, or a folder of them. Each chain must still hold the entry it recorded,
        /// with the same MAC (repeatable).
        #[arg(long)]
        anchor: Vec<PathBuf>,
    },
    /// Writes an audit checkpoint (every chain's head, signed) into a folder kept outside the
    /// database, keeping the newest; `audit verify --anchor FOLDER` checks against them.
    Checkpoint {
        /// The folder (on another disk or machine).
        dir: PathBuf,
        /// How many checkpoints to keep there.
        #[arg(long, default_value_t = 400, value_parser = clap::value_parser!(u64).range(1..))]
        keep: u64,
    },
    /// Shows the newest entries of the chosen instansi.
    Log {
        /// Only entries about this subject, e.g. employee:42.
        #[arg(long)]
        subject: Option<String>,
        /// How many entries.
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("tanggal '{s}' tidak sah: gunakan TTTT-BB-HH"))
}

fn parse_kind(s: &str) -> Result<ImportKind, String> {
    ImportKind::parse(s).ok_or_else(|| {
        let all: Vec<&str> = ImportKind::ALL.iter().map(|k| k.code()).collect();
        format!("jenis '{s}' tidak dikenal; pilih: {}", all.join(", "))
    })
}

/// A refused input: exit code 2.
#[derive(Debug)]
struct Refused(String);
impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Refused {}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("galat: {}", said(e.as_ref()));
            if std::env::var_os("TALENTA_DEBUG").is_some() {
                for cause in e.chain().skip(1) {
                    eprintln!("  sebab: {}", said(cause));
                }
            }
            let refused_by_use_case = matches!(
                e.downcast_ref::<talenta_app::AppError>(),
                Some(talenta_app::AppError::Refused(_) | talenta_app::AppError::Backup(_))
            );
            if refused_by_use_case || e.downcast_ref::<Refused>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// An error in the words a person reads: a use case's error through the web layer's i18n
/// (Bahasa Indonesia), anything else as it says itself.
fn said(e: &(dyn std::error::Error + 'static)) -> String {
    match e.downcast_ref::<talenta_app::AppError>() {
        Some(app) => talenta_web::i18n::app_error(app, talenta_web::i18n::Lang::Id),
        None => e.to_string(),
    }
}

/// A spinner with the elapsed time on a terminal, for a job whose size is not known ahead
/// (the database engines report no progress of a copy); nothing when stderr is not a terminal.
fn spinner(what: &str) -> indicatif::ProgressBar {
    let spin = indicatif::ProgressBar::new_spinner();
    spin.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    spin.set_message(what.to_string());
    if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        spin.enable_steady_tick(std::time::Duration::from_millis(120));
    } else {
        spin.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    spin
}

/// Restores before anything opens (and so creates) the target database; the audit key must
/// already be there: a backup is only restored with the key that signed it.
fn restore(cli: &Cli, file: &std::path::Path) -> Result<()> {
    let path = audit_key_path(cli);
    if !path.exists() {
        return Err(anyhow!(Refused(format!(
            "kunci audit {} tidak ada: pulihkan cadangan dengan kunci audit instalasi yang membuatnya",
            path.display()
        ))));
    }
    let (key, _) = talenta_app::context::load_or_create_key(&path)?;
    let spin = spinner("Memulihkan dan memeriksa cadangan");
    let r = talenta_app::backup::restore(file, &cli.database, &key);
    spin.finish_and_clear();
    let r = r?;
    let rows: i64 = r.manifest.tables.values().sum();
    println!(
        "Cadangan {} ({}) dipulihkan ke {}: {} tabel, {rows} baris sama dengan manifes",
        file.display(),
        r.manifest.created_at,
        cli.database,
        r.manifest.tables.len()
    );
    println!("Pemeriksaan integritas: {}", r.integrity);
    let entries: i64 = r.audit.iter().map(|v| v.entries).sum();
    println!("Log audit utuh: {} rantai, {entries} entri", r.audit.len());
    Ok(())
}

/// Plain HTTP only on this machine's own loopback: anywhere else passwords and session cookies
/// would cross the network in clear, so `serve` wants `--tls-cert`/`--tls-key` or
/// `--behind-tls-proxy` (a TLS proxy in front that the operator vouches for).
fn refuse_plain_http_outside(listen: &str, tls: bool) -> Result<()> {
    let loopback = listen
        .parse::<std::net::SocketAddr>()
        .map(|a| a.ip().is_loopback())
        .unwrap_or_else(|_| listen.starts_with("localhost:"));
    if tls || loopback {
        return Ok(());
    }
    Err(anyhow!(Refused(format!(
        "alamat {listen} bukan loopback: talenta tidak melayani HTTP polos ke jaringan. Pakai --tls-cert dan --tls-key, atau --behind-tls-proxy bila ada proksi TLS di depannya"
    ))))
}

/// Runs `job` on the database every `minutes` on a thread of its own, the first time right
/// away, so an operator sees at once that it works; a failure is reported and tried again at
/// the next turn. `what` names the job in the messages.
fn on_schedule(
    url: &str,
    what: &'static str,
    minutes: u64,
    job: impl Fn(
        &mut talenta_app::Db,
        chrono::DateTime<chrono::Utc>,
    ) -> Result<String, talenta_app::AppError>
    + Send
    + 'static,
) {
    let url = url.to_string();
    std::thread::spawn(move || {
        loop {
            let now = chrono::Utc::now();
            match talenta_app::tenant::open(&url, now).and_then(|mut db| job(&mut db, now)) {
                Ok(done) => println!("{what}: {done}"),
                Err(e) => eprintln!("galat: {what} gagal: {}", said(&e)),
            }
            std::thread::sleep(std::time::Duration::from_secs(minutes.saturating_mul(60)));
        }
    });
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Where the audit key is: `--audit-key`, else beside a SQLite file, else `talenta-audit.key`
/// in the working directory; always made absolute, so every message names the one file meant
/// (a server on PostgreSQL started from another folder must not look elsewhere unseen).
fn audit_key_path(cli: &Cli) -> PathBuf {
    let url = cli.database.as_str();
    let path = if let Some(p) = &cli.audit_key {
        p.clone()
    } else if url.starts_with("postgres") || url.contains("host=") {
        PathBuf::from("talenta-audit.key")
    } else {
        let file = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        PathBuf::from(format!("{file}.audit-key"))
    };
    std::path::absolute(&path).unwrap_or(path)
}

fn context(
    cli: &Cli,
    db: &mut talenta_app::Db,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<talenta_app::Ctx> {
    let path = audit_key_path(cli);
    let (audit_key, created) = talenta_app::context::audit_key(db, &path)?;
    if created {
        eprintln!(
            "Kunci audit baru dibuat: {} (simpan salinannya di tempat aman, terpisah dari basis data)",
            path.display()
        );
    }
    let user = std::env::var("USER").unwrap_or_else(|_| "tidak-dikenal".into());
    Ok(talenta_app::Ctx {
        actor: format!("cli:{user}"),
        audit_key,
        now,
    })
}

fn run(cli: Cli) -> Result<()> {
    let as_of = cli.as_of.unwrap_or_else(today);
    // The command line's one clock: every use case of this run sees the same instant.
    let now = chrono::Utc::now();
    if let Command::Restore { file } = &cli.command {
        return restore(&cli, file);
    }
    let mut db = tenant::open(&cli.database, now)
        .with_context(|| format!("basis data '{}' tidak dapat dibuka", cli.database))?;
    let ctx = context(&cli, &mut db, now)?;

    match cli.command {
        // Answered above, before the database was opened.
        Command::Restore { .. } => Ok(()),
        Command::Backup { output } => {
            let spin = spinner("Mencadangkan basis data");
            let m =
                talenta_app::backup::backup(&mut db, &cli.database, &ctx.audit_key, &output, now);
            spin.finish_and_clear();
            let m = m?;
            println!(
                "Cadangan ditulis: {} ({} bita, SHA-256 {})",
                output.display(),
                m.bytes,
                m.sha256
            );
            let rows: i64 = m.tables.values().sum();
            println!(
                "{} tabel, {rows} baris, {} rantai audit",
                m.tables.len(),
                m.audit_heads.len()
            );
            Ok(())
        }
        Command::Init { code, name, kind } => {
            match (code, name) {
                (Some(code), Some(name)) => {
                    let t = tenant::create(&mut db, &ctx, &code, &name, &kind)?;
                    println!(
                        "Instansi {} ({}) dibuat dengan aturan versi {}.",
                        t.name, t.code, t.rules_version
                    );
                }
                (None, None) => println!("Basis data siap: {}", cli.database),
                _ => {
                    return Err(anyhow!(
                        "isi --code dan --name bersama-sama untuk membuat instansi"
                    ));
                }
            }
            Ok(())
        }
        Command::Demo => {
            for g in demo::demo_governments(as_of) {
                let counts = demo::load(&mut db, &ctx, &g)?;
                println!(
                    "{}: {} unit kerja, {} jabatan, {} pegawai dimuat.",
                    g.name, counts.0, counts.1, counts.2
                );
            }
            for t in talenta_store::master::list_tenants(&mut db)? {
                let map = talent::talent_map(&mut db, &cli_actor(&t, &ctx).grant()?, as_of)?;
                print_talent_map(&t.name, &map);
            }
            println!("Basis data demo: {}", cli.database);
            Ok(())
        }
        Command::Serve {
            listen,
            demo,
            tls_cert,
            tls_key,
            behind_tls_proxy,
            backup_dir,
            backup_every,
            backup_keep,
            checkpoint_dir,
            checkpoint_every,
            checkpoint_keep,
            trusted_proxy,
        } => {
            refuse_plain_http_outside(&listen, tls_cert.is_some() || behind_tls_proxy)?;
            if demo {
                for g in demo::demo_governments(as_of) {
                    demo::load(&mut db, &ctx, &g)?;
                }
                println!(
                    "Data demo dimuat. Akun per peran (kata sandi baru setiap kali --demo dijalankan):"
                );
                for code in ["kota-mojokerto", "kab-bekasi"] {
                    for (role, login, password) in demo::accounts(&mut db, &ctx, code, as_of)? {
                        println!("  {:<38} {:<22} {}", role.label(), login, password);
                    }
                }
            }
            drop(db);
            if let Some(dir) = backup_dir {
                let (url, key) = (cli.database.clone(), ctx.audit_key.clone());
                let keep = usize::try_from(backup_keep).unwrap_or(usize::MAX);
                on_schedule(
                    &cli.database,
                    "Cadangan terjadwal",
                    backup_every,
                    move |db, now| {
                        let (file, m) =
                            talenta_app::backup::into_dir(db, &url, &key, &dir, keep, now)?;
                        Ok(format!("{} ({} bita)", file.display(), m.bytes))
                    },
                );
            }
            if let Some(dir) = checkpoint_dir {
                let key = ctx.audit_key.clone();
                let keep = usize::try_from(checkpoint_keep).unwrap_or(usize::MAX);
                on_schedule(
                    &cli.database,
                    "Titik periksa audit",
                    checkpoint_every,
                    move |db, now| {
                        let (file, a) =
                            talenta_app::backup::checkpoint_into_dir(db, &key, &dir, keep, now)?;
                        Ok(format!(
                            "{} ({} rantai)",
                            file.display(),
                            a.audit_heads.len()
                        ))
                    },
                );
            }
            let mut config = talenta_web::Config::new(&cli.database, ctx.audit_key.clone());
            config.https = tls_cert.is_some() || behind_tls_proxy;
            config.trusted_proxies = trusted_proxy;
            let state = talenta_web::AppState::new(config);
            let rt = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            rt.block_on(async {
                if let (Some(cert), Some(key)) = (&tls_cert, &tls_key) {
                    let listener = std::net::TcpListener::bind(&listen)
                        .with_context(|| format!("alamat {listen} tidak dapat dipakai"))?;
                    println!("talenta berjalan dengan TLS. Buka https://{listen}/ (hentikan dengan Ctrl-C)");
                    return talenta_web::serve_tls(listener, cert, key, state)
                        .await
                        .context("server TLS berhenti karena galat (periksa berkas sertifikat dan kunci PEM)");
                }
                let listener = tokio::net::TcpListener::bind(&listen)
                    .await
                    .with_context(|| format!("alamat {listen} tidak dapat dipakai"))?;
                println!("talenta berjalan. Buka http://{listen}/ (hentikan dengan Ctrl-C)");
                talenta_web::serve(listener, state)
                    .await
                    .context("server berhenti karena galat")
            })
        }
        Command::Import {
            kind,
            file,
            report,
            max_file_mb,
        } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            run_import(&mut db, &ctx, &t, kind, &file, report, max_file_mb, as_of)
        }
        Command::Template { kind, output } => {
            let path =
                output.unwrap_or_else(|| PathBuf::from(format!("template-{}.xlsx", kind.code())));
            import::template::write_template(kind, &path, ctx.now)
                .with_context(|| format!("templat tidak dapat ditulis ke {}", path.display()))?;
            println!("Templat {} ditulis ke {}", kind.label(), path.display());
            Ok(())
        }
        Command::TalentMap => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let map = talent::talent_map(&mut db, &cli_actor(&t, &ctx).grant()?, as_of)?;
            print_talent_map(&t.name, &map);
            Ok(())
        }
        Command::EventCreate {
            code,
            name,
            purpose,
            dates,
            sessions,
            rooms,
            matrix_file,
            day_capacity,
            class,
            opd,
            eselon,
            nips_file,
            assessor,
            assessor_nip,
            per_participant,
            max_per_assessor,
            unit_share,
            methods,
            min_methods,
            integration,
            missing,
        } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let actor = cli_actor(&t, &ctx);
            let purpose = Purpose::parse(&purpose).ok_or_else(|| {
                Refused(format!(
                    "tujuan '{purpose}' tidak dikenal; pilih pengisian, pemetaan atau kesesuaian"
                ))
            })?;
            let classes = class
                .iter()
                .map(|c| {
                    talenta_domain::PositionClass::parse(c)
                        .ok_or_else(|| Refused(format!("kelas jabatan '{c}' tidak dikenal")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let eselon = eselon
                .iter()
                .map(|e| {
                    talenta_domain::Eselon::parse(e)
                        .ok_or_else(|| Refused(format!("eselon '{e}' tidak dikenal")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let nips = match &nips_file {
                Some(file) => talenta_app::event::cohort_from_file(file)?,
                None => Vec::new(),
            };
            let mut assessors = Vec::new();
            for a in &assessor {
                let spec = talenta_app::event::AssessorSpec::external(a);
                if spec.name.is_empty() {
                    return Err(anyhow!(Refused(format!(
                        "asesor '{a}' tanpa nama; tulis \"Nama|Organisasi|Jenjang\""
                    ))));
                }
                assessors.push(spec);
            }
            for n in &assessor_nip {
                let nip =
                    Nip::parse(n).map_err(|e| Refused(format!("NIP asesor tidak sah: {e}")))?;
                let e = talenta_store::master::employee_by_nip(&mut db, t.id, nip)?.ok_or_else(
                    || {
                        Refused(format!(
                            "asesor internal dengan NIP {nip} bukan pegawai instansi ini"
                        ))
                    },
                )?;
                assessors.push(talenta_app::event::AssessorSpec {
                    name: e.name,
                    organisation: t.name.clone(),
                    nip: Some(nip),
                    level: String::new(),
                    login: None,
                });
            }
            let methods = methods
                .iter()
                .map(|m| {
                    talenta_domain::method::Method::parse(m)
                        .ok_or_else(|| Refused(format!("metode '{m}' tidak dikenal")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let spec = talenta_app::event::EventSpec {
                code,
                name,
                purpose,
                day_capacity: day_capacity.unwrap_or_else(|| sessions.iter().sum()),
                dates,
                sessions,
                rooms,
                per_participant,
                max_per_assessor_day: max_per_assessor,
                unit_share_percent: unit_share,
                cohort: talenta_app::event::Cohort {
                    classes,
                    opd_code: opd,
                    eselon,
                    nips,
                },
                methods,
                min_methods,
                group_size: (4, 8),
                matrix: match &matrix_file {
                    Some(f) => Some(
                        talenta_domain::method::parse_matrix(
                            &std::fs::read_to_string(f)
                                .with_context(|| format!("{} tidak dapat dibaca", f.display()))?,
                        )
                        .map_err(|e| Refused(format!("{}: {e}", f.display())))?,
                    ),
                    None => None,
                },
                assessors,
                integration: talenta_domain::integration::Rule::parse(&integration).ok_or_else(
                    || Refused(format!("aturan integrasi '{integration}' tidak dikenal (rerata, median, konsensus)")),
                )?,
                missing: talenta_domain::integration::Missing::parse(&missing).ok_or_else(|| {
                    Refused(format!("perlakuan penilaian kosong '{missing}' tidak dikenal (lewati, tunggu)"))
                })?,
            };
            let (event, size) =
                talenta_app::event::create_event(&mut db, &ctx, &actor.grant()?, &spec)?;
            println!(
                "Acara {} ({}) dibuat: {size} peserta, {} asesor, {} hari.",
                event.name,
                event.code,
                spec.assessors.len(),
                spec.dates.len()
            );
            Ok(())
        }
        Command::Schedule { event } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let actor = cli_actor(&t, &ctx);
            let plan = talenta_app::event::plan(&mut db, &ctx, &actor.grant()?, &event)?;
            println!(
                "Jadwal {} ({}): {} peserta",
                plan.event.name, plan.event.code, plan.participants
            );
            for (no, date, per_session) in &plan.days {
                let sessions: Vec<String> = per_session
                    .iter()
                    .enumerate()
                    .map(|(i, n)| format!("sesi {}: {n}", i + 1))
                    .collect();
                println!(
                    "  Hari {no} ({date}): {} (jumlah {})",
                    sessions.join(", "),
                    per_session.iter().sum::<u32>()
                );
            }
            println!("Beban asesor per hari:");
            for (name, loads) in &plan.assessor_loads {
                let l: Vec<String> = loads.iter().map(u32::to_string).collect();
                println!("  {name:<40} {}", l.join(" "));
            }
            println!(
                "Pasangan asesor-peserta yang dikecualikan karena konflik kepentingan: {}",
                plan.excluded.len()
            );
            for x in plan.excluded.iter().take(20) {
                let r: Vec<String> = x.reasons.iter().map(|r| r.to_string()).collect();
                println!("  {} - {}: {}", x.assessor, x.participant, r.join("; "));
            }
            Ok(())
        }
        Command::Roster { event, output } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let actor = cli_actor(&t, &ctx);
            let (ev, lines) = talenta_app::event::roster(&mut db, &actor.grant()?, &event)?;
            let path = output.unwrap_or_else(|| PathBuf::from(format!("daftar-{}.xlsx", ev.code)));
            let bytes = if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
            {
                talenta_app::event::roster_pdf(&ev, &lines)?
            } else {
                talenta_app::event::roster_xlsx(&ev, &lines, ctx.now)?
            };
            std::fs::write(&path, bytes)
                .with_context(|| format!("{} tidak dapat ditulis", path.display()))?;
            println!(
                "Daftar peserta {} ({} peserta) ditulis ke {}",
                ev.name,
                lines.len(),
                path.display()
            );
            Ok(())
        }
        Command::Invitations { event, output } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let (ev, lines) =
                talenta_app::event::roster(&mut db, &cli_actor(&t, &ctx).grant()?, &event)?;
            let path = output.unwrap_or_else(|| PathBuf::from(format!("undangan-{}.pdf", ev.code)));
            let bytes = talenta_app::event::invitations_pdf(&ev, &t.name, &lines, ctx.now)?;
            std::fs::write(&path, bytes)
                .with_context(|| format!("{} tidak dapat ditulis", path.display()))?;
            println!("{} undangan ditulis ke {}", lines.len(), path.display());
            Ok(())
        }
        Command::Unavailable {
            event,
            nip,
            assessor,
            days,
        } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let who = match (nip, assessor) {
                (Some(n), None) => talenta_app::event::Who::Participant(
                    Nip::parse(&n).map_err(|e| Refused(format!("NIP tidak sah: {e}")))?,
                ),
                (None, Some(a)) => talenta_app::event::Who::Assessor(a),
                _ => {
                    return Err(anyhow!(Refused(
                        "sebutkan --nip peserta atau --assessor".into()
                    )));
                }
            };
            talenta_app::event::set_unavailable(
                &mut db,
                &ctx,
                &cli_actor(&t, &ctx).grant()?,
                &event,
                &who,
                &days,
            )?;
            println!(
                "Ketersediaan dicatat; susun ulang jadwal dengan 'talenta schedule --event {event}'."
            );
            Ok(())
        }
        Command::DeclareConflict {
            event,
            assessor,
            nip,
            relation,
        } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let nip = Nip::parse(&nip).map_err(|e| Refused(format!("NIP tidak sah: {e}")))?;
            talenta_app::event::declare_conflict(
                &mut db,
                &ctx,
                &cli_actor(&t, &ctx).grant()?,
                &event,
                &assessor,
                nip,
                &relation,
            )?;
            println!("Konflik kepentingan dicatat: {assessor} tidak akan menilai {nip}.");
            Ok(())
        }
        Command::Results { event } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let all = talenta_app::results::event_results(
                &mut db,
                &ctx,
                &cli_actor(&t, &ctx).grant()?,
                &event,
            )?;
            for r in &all.rows {
                let levels: Vec<String> = r
                    .integrated
                    .iter()
                    .map(|i| {
                        format!(
                            "{}={}{}",
                            i.competency,
                            i.level.map(|l| l.to_string()).unwrap_or_else(|| "?".into()),
                            if i.disagreement { "!" } else { "" }
                        )
                    })
                    .collect();
                println!(
                    "{}  {}  {}  JPM {}  {}  {}",
                    r.employee.nip,
                    r.employee.name,
                    levels.join(" "),
                    r.jpm
                        .map(|j| format!("{:.2}%", j.percent()))
                        .unwrap_or_else(|| "-".into()),
                    r.category.map(|c| c.code()).unwrap_or("-"),
                    match (&r.result, r.ready()) {
                        (Some(x), _) if x.published => "final, diumumkan",
                        (Some(_), _) => "final",
                        (None, true) => "siap difinalkan",
                        (None, false) => "belum lengkap",
                    }
                );
            }
            Ok(())
        }
        Command::Finalise { event, nip } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let actor = cli_actor(&t, &ctx);
            let only = match nip {
                Some(n) => Some(talenta_app::results::employee_id(
                    &mut db,
                    &actor,
                    Nip::parse(&n).map_err(|e| Refused(format!("NIP tidak sah: {e}")))?,
                )?),
                None => None,
            };
            let out = talenta_app::results::finalise(&mut db, &ctx, &actor.grant()?, &event, only)?;
            println!(
                "{} hasil difinalkan, {} sudah final, {} belum lengkap",
                out.finalised,
                out.already,
                out.not_ready.len()
            );
            for n in &out.not_ready {
                println!("  belum lengkap: {n}");
            }
            Ok(())
        }
        Command::PublishResults { event } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let n = talenta_app::results::publish(
                &mut db,
                &ctx,
                &cli_actor(&t, &ctx).grant()?,
                &event,
            )?;
            println!("{n} hasil acara {event} diumumkan.");
            Ok(())
        }
        Command::Report {
            nip,
            position,
            output,
        } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let actor = cli_actor(&t, &ctx);
            let nip = Nip::parse(&nip).map_err(|e| Refused(format!("NIP tidak sah: {e}")))?;
            let id = talenta_app::results::employee_id(&mut db, &actor, nip)?;
            let about = actor.grant_about(&mut db, id)?;
            let r = talenta_app::results::report(&mut db, &ctx, &about, None, position.as_deref())?;
            let path =
                output.unwrap_or_else(|| PathBuf::from(format!("laporan-{}.pdf", nip.digits())));
            std::fs::write(&path, talenta_app::report::report_pdf(&r, &t.name)?)
                .with_context(|| format!("{} tidak dapat ditulis", path.display()))?;
            println!("Laporan {} ditulis ke {}", r.employee.name, path.display());
            Ok(())
        }
        Command::Recap { event, output } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let bytes = talenta_app::report::recap_xlsx(
                &mut db,
                &ctx,
                &cli_actor(&t, &ctx).grant()?,
                &event,
            )?;
            let path = output.unwrap_or_else(|| PathBuf::from(format!("rekap-hasil-{event}.xlsx")));
            std::fs::write(&path, bytes)
                .with_context(|| format!("{} tidak dapat ditulis", path.display()))?;
            println!("Rekap ditulis ke {}", path.display());
            Ok(())
        }
        Command::Vacancies { months } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            for v in talenta_app::succession::vacancies(
                &mut db,
                &cli_actor(&t, &ctx).grant()?,
                as_of,
                months,
            )? {
                println!(
                    "{}  {}  {}  {}",
                    v.position.code,
                    v.position.name,
                    v.unit,
                    match (&v.holder, v.from) {
                        (Some(h), Some(d)) => format!("kosong mulai {d} ({} pensiun)", h.name),
                        _ => "kosong".into(),
                    }
                );
            }
            Ok(())
        }
        Command::Successors { position, output } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let actor = cli_actor(&t, &ctx);
            let post = talenta_store::master::position_by_code(&mut db, t.id, &position)?
                .ok_or_else(|| Refused(format!("jabatan '{position}' tidak ditemukan")))?;
            let list = talenta_app::succession::successors(
                &mut db,
                &ctx,
                &actor.grant()?,
                post.id,
                as_of,
            )?;
            println!("{}", list.tie_rule);
            for (i, s) in list.candidates.iter().enumerate() {
                println!(
                    "{:>3}. {}  {}  kotak {}  JPM {}  {}{}",
                    i + 1,
                    s.employee.nip,
                    s.employee.name,
                    s.talent_box,
                    s.jpm
                        .map(|j| format!("{:.2}%", j.percent()))
                        .unwrap_or_else(|| "-".into()),
                    s.readiness.label(),
                    if s.missing.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", s.missing.join("; "))
                    }
                );
            }
            if let Some(path) = output {
                let bytes = if path.extension().is_some_and(|e| e == "pdf") {
                    talenta_app::succession::successors_pdf(&list)?
                } else {
                    talenta_app::succession::successors_xlsx(&list, ctx.now)?
                };
                std::fs::write(&path, bytes)
                    .with_context(|| format!("{} tidak dapat ditulis", path.display()))?;
                println!("Daftar ditulis ke {}", path.display());
            }
            Ok(())
        }
        Command::Publish { event } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            talenta_app::event::publish(&mut db, &ctx, &cli_actor(&t, &ctx).grant()?, &event)?;
            println!("Jadwal acara {event} diterbitkan dan dikunci.");
            Ok(())
        }
        Command::Move {
            event,
            nip,
            day,
            session,
            no_show,
        } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let nip = Nip::parse(&nip).map_err(|e| Refused(format!("NIP tidak sah: {e}")))?;
            let names = talenta_app::event::move_participant(
                &mut db,
                &ctx,
                &cli_actor(&t, &ctx).grant()?,
                &event,
                &talenta_app::event::Move {
                    nip,
                    day,
                    session,
                    no_show,
                },
            )?;
            println!(
                "{nip} dipindahkan ke hari {day} sesi {session}; asesor: {}",
                names.join(", ")
            );
            Ok(())
        }
        Command::CheckIn { event, nip } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let nip = Nip::parse(&nip).map_err(|e| Refused(format!("NIP tidak sah: {e}")))?;
            let msg = talenta_app::event::check_in(
                &mut db,
                &ctx,
                &cli_actor(&t, &ctx).grant()?,
                &event,
                nip,
            )?;
            println!("{msg}");
            Ok(())
        }
        Command::ApiKeyRevoke { name } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let n = talenta_app::access::revoke_api_key(
                &mut db,
                &ctx,
                &cli_actor(&t, &ctx).grant()?,
                &name,
            )?;
            println!("{n} kunci API '{}' dicabut ({})", name.trim(), t.code);
            Ok(())
        }
        Command::ApiKey {
            name,
            role,
            expires,
        } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let role = talenta_app::access::Role::parse(&role).ok_or_else(|| {
                let all: Vec<&str> = talenta_app::access::Role::ALL
                    .iter()
                    .map(|r| r.code())
                    .collect();
                Refused(format!(
                    "peran '{role}' tidak dikenal; pilih: {}",
                    all.join(", ")
                ))
            })?;
            let expires =
                expires.unwrap_or(talenta_app::access::default_key_expiry(now.date_naive()));
            let key = talenta_app::access::create_api_key(
                &mut db,
                &ctx,
                &cli_actor(&t, &ctx).grant()?,
                &name,
                role,
                expires,
            )?;
            println!(
                "Kunci API untuk {} ({}, peran {}, berlaku sampai {expires}):",
                name.trim(),
                t.code,
                role.label()
            );
            println!("{key}");
            println!(
                "Simpan sekarang: kunci ini tidak dapat ditampilkan lagi. Pakai sebagai 'Authorization: Bearer <kunci>'."
            );
            Ok(())
        }
        Command::Audit {
            command: AuditCommand::Verify { anchor },
        } => {
            let all = talenta_store::audit::verify(&mut db, &ctx.audit_key)?;
            let names: std::collections::HashMap<i64, String> =
                talenta_store::master::list_tenants(&mut db)?
                    .into_iter()
                    .map(|t| (t.id, t.code))
                    .collect();
            let mut broken = 0;
            for v in &all {
                let name = names
                    .get(&v.tenant_id)
                    .cloned()
                    .unwrap_or_else(|| format!("instansi #{}", v.tenant_id));
                match &v.first_break {
                    None => {
                        let head = v
                            .head
                            .as_ref()
                            .map(|(s, m)| format!("{s}:{m}"))
                            .unwrap_or_default();
                        println!(
                            "{name}: {} entri utuh. Kepala rantai (simpan sebagai jangkar): {head}",
                            v.entries
                        );
                    }
                    Some(b) => {
                        broken += 1;
                        println!("{name}: RUSAK, {b}");
                    }
                }
            }
            if all.is_empty() {
                println!("Log audit masih kosong.");
            }
            for path in &anchor {
                for (file, a) in talenta_app::backup::anchors(path, &ctx.audit_key)? {
                    let what = if a.from_backup {
                        "cadangan"
                    } else {
                        "titik periksa"
                    };
                    let breaks = talenta_app::backup::check_anchor(&mut db, &a)?;
                    for b in &breaks {
                        broken += 1;
                        match b {
                            talenta_app::backup::AnchorBreak::Missing { tenant, seq } => println!(
                                "{tenant}: RUSAK, entri {seq} yang tercatat di {what} {} ({}) tidak ada lagi: rantai dipotong atau dihapus",
                                file.display(),
                                a.created_at
                            ),
                            talenta_app::backup::AnchorBreak::Differs { tenant, seq } => println!(
                                "{tenant}: RUSAK, entri {seq} berbeda dari {what} {} ({}): entri ditulis ulang",
                                file.display(),
                                a.created_at
                            ),
                        }
                    }
                    if breaks.is_empty() {
                        println!(
                            "Jangkar ({what}) {} ({}): {} rantai cocok",
                            file.display(),
                            a.created_at,
                            a.audit_heads.len()
                        );
                    }
                }
            }
            if broken > 0 {
                return Err(anyhow!("log audit {broken} instansi tidak utuh"));
            }
            Ok(())
        }
        Command::Audit {
            command: AuditCommand::Checkpoint { dir, keep },
        } => {
            let (file, a) = talenta_app::backup::checkpoint_into_dir(
                &mut db,
                &ctx.audit_key,
                &dir,
                usize::try_from(keep).unwrap_or(usize::MAX),
                ctx.now,
            )?;
            println!(
                "Titik periksa audit {}: {} rantai",
                file.display(),
                a.audit_heads.len()
            );
            Ok(())
        }
        Command::Audit {
            command: AuditCommand::Log { subject, limit },
        } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            for e in talenta_store::audit::entries(&mut db, t.id, subject.as_deref(), limit)? {
                println!(
                    "{:>6} {} {:<24} {:<20} {:<24} {}",
                    e.seq, e.at, e.actor, e.action, e.subject, e.detail
                );
            }
            Ok(())
        }
        Command::Jpm {
            nip,
            position,
            purpose,
        } => {
            let t = tenant::choose(&mut db, cli.tenant.as_deref())?;
            let nip = Nip::parse(&nip).map_err(|e| Refused(format!("NIP tidak sah: {e}")))?;
            let purpose = purpose
                .map(|p| {
                    Purpose::parse(&p).ok_or_else(|| {
                        Refused(format!(
                            "tujuan '{p}' tidak dikenal; pilih pengisian, pemetaan atau kesesuaian"
                        ))
                    })
                })
                .transpose()?;
            let r = jpm::jpm_for(
                &mut db,
                &ctx,
                &cli_actor(&t, &ctx).grant()?,
                nip,
                &position,
                purpose,
                as_of,
            )?;
            print_jpm(&r);
            Ok(())
        }
    }
}

#[allow(clippy::too_many_arguments)] // the command's options, passed through once
fn run_import(
    db: &mut talenta_store::Db,
    ctx: &talenta_app::Ctx,
    t: &talenta_domain::master::Tenant,
    kind: ImportKind,
    file: &Path,
    report: Option<PathBuf>,
    max_file_mb: u64,
    as_of: NaiveDate,
) -> Result<()> {
    let options = ImportOptions {
        limits: ImportLimits {
            max_file_bytes: max_file_mb * 1024 * 1024,
            ..ImportLimits::default()
        },
        as_of,
    };
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg} [{bar:40}] {pos}/{len} baris ({per_sec}, sisa {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    bar.set_message(format!("Mengimpor {}", kind.label()));
    if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let outcome = import::import_file(
        db,
        ctx,
        &cli_actor(t, ctx).grant()?,
        kind,
        file,
        &options,
        &mut |done, total| {
            bar.set_length(total.max(done) as u64);
            bar.set_position(done as u64);
        },
    );
    bar.finish_and_clear();
    let outcome = outcome.map_err(|e| match e {
        import::ImportError::Store(s) => anyhow!(talenta_app::AppError::Store(s)),
        other => anyhow!(Refused(format!(
            "berkas {} ditolak: {other}",
            file.display()
        ))),
    })?;
    if !outcome.ignored_columns.is_empty() {
        println!(
            "Kolom yang tidak dikenal dan diabaikan: {}",
            outcome.ignored_columns.join(", ")
        );
    }
    let report_path = report.unwrap_or_else(|| {
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("impor");
        file.with_file_name(format!("{stem}-laporan.csv"))
    });
    if !outcome.errors.is_empty() || !outcome.warnings.is_empty() {
        import::report::write_report(&report_path, &outcome.errors, &outcome.warnings, ctx.now)
            .with_context(|| format!("laporan tidak dapat ditulis ke {}", report_path.display()))?;
    }
    const SHOWN: usize = 50;
    for w in outcome.warnings.iter().take(SHOWN) {
        println!("{}", import::report::format_line("Peringatan", w));
    }
    if !outcome.accepted() {
        for e in outcome.errors.iter().take(SHOWN) {
            eprintln!("{}", import::report::format_line("Kesalahan", e));
        }
        if outcome.errors.len() > SHOWN {
            eprintln!("... dan {} kesalahan lainnya", outcome.errors.len() - SHOWN);
        }
        return Err(anyhow!(Refused(format!(
            "{} baris dibaca, {} kesalahan; tidak ada data yang diubah. Laporan: {}",
            outcome.rows,
            outcome.errors.len(),
            report_path.display()
        ))));
    }
    let c = outcome.counts;
    println!(
        "Impor {} selesai: {} baris dibaca, {} baru, {} diperbarui, {} tidak berubah.",
        kind.label(),
        outcome.rows,
        c.inserted,
        c.updated,
        c.unchanged
    );
    if !outcome.warnings.is_empty() {
        println!(
            "{} peringatan ditulis ke {}",
            outcome.warnings.len(),
            report_path.display()
        );
    }
    Ok(())
}

fn print_talent_map(name: &str, map: &talent::TalentMap) {
    println!();
    println!(
        "Peta talenta {name} per {} (aturan {}, skema kotak {})",
        map.as_of, map.rules_version, map.scheme_version
    );
    let width = map
        .units
        .iter()
        .map(|u| u.unit.name.chars().count())
        .max()
        .unwrap_or(10)
        .clamp(10, 60);
    print!("{:<width$}", "Unit kerja");
    for b in 1..=9 {
        print!(" {:>5}", format!("K{b}"));
    }
    println!(" {:>7} {:>7}", "Jumlah", "Belum");
    for u in &map.units {
        let name: String = u.unit.name.chars().take(width).collect();
        print!("{name:<width$}");
        for c in u.boxes {
            print!(" {c:>5}");
        }
        println!(" {:>7} {:>7}", u.boxes.iter().sum::<u32>(), u.unplaced);
    }
    print!("{:<width$}", "SELURUH INSTANSI");
    for c in map.total {
        print!(" {c:>5}");
    }
    let unplaced: u32 = map.unplaced.iter().map(|(_, n)| n).sum();
    println!(" {:>7} {:>7}", map.total.iter().sum::<u32>(), unplaced);
    let pool: u32 = map.total[6] + map.total[7] + map.total[8];
    println!("Kelompok rencana suksesi (kotak 7, 8, 9): {pool} orang");
    for (reason, n) in &map.unplaced {
        println!("Belum dipetakan, {}: {n} orang", reason.label());
    }
}

fn print_jpm(r: &jpm::JpmReport) {
    println!("{} ({})", r.employee.name, r.employee.nip);
    println!(
        "Jabatan sasaran: {} [{}], {}",
        r.position.name,
        r.position.code,
        r.position.class.label()
    );
    println!(
        "Hasil asesmen: {} oleh {} ({}), berlaku s.d. {}",
        r.result.assessed_on,
        r.result.provider,
        r.result.purpose.label(),
        r.valid_until
    );
    println!(
        "{:<10} {:>8} {:>8} {:>6}",
        "Kompetensi", "Standar", "Capaian", "Gap"
    );
    for g in &r.gaps {
        let gap = f64::from(g.tenths()) / 10.0;
        println!(
            "{:<10} {:>8} {:>8} {:>+6.1}",
            g.code.code(),
            g.required.to_string(),
            g.achieved.to_string(),
            gap
        );
    }
    for c in &r.not_assessed {
        println!("{:<10} tidak dinilai (tidak dihitung)", c.code());
    }
    println!(
        "JPM: {:.2}% (tanpa batas: {:.2}%)",
        r.reported_percent,
        r.jpm.percent()
    );
    println!(
        "Kategori ({}): {} - {}",
        r.purpose.label(),
        r.category.code(),
        r.category.label()
    );
    println!("Potensial: {}", r.potential.label());
    println!("Versi aturan: {}", r.rules_version);
}

/// The command line acts as the tenant's administrator (whoever runs it has the database).
fn cli_actor(
    t: &talenta_domain::master::Tenant,
    ctx: &talenta_app::Ctx,
) -> talenta_app::access::Actor {
    talenta_app::access::Actor::local(t, &ctx.actor)
}
