//! The `talenta` binary on temp dirs: output, exit codes and the resulting database.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use std::path::Path;
use std::process::{Command, Output};

use talenta_domain::master::Tenant;
use talenta_domain::position::PositionClass;
use talenta_store::Db;
use talenta_store::master as store;

fn talenta(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talenta"))
        .current_dir(dir)
        .env_remove("TALENTA_DATABASE_URL")
        .args(["--as-of", "2026-11-27"])
        .args(args)
        .output()
        .expect("run talenta")
}

/// `talenta --tenant kota-mojokerto ARGS`.
fn in_mojokerto(dir: &Path, args: &[&str]) -> Output {
    talenta(dir, &[&["--tenant", "kota-mojokerto"], args].concat())
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Asserts that the run succeeded, showing its output otherwise; returns its standard output.
#[track_caller]
fn succeeded(o: &Output) -> String {
    assert!(o.status.success(), "{:?}", text(o));
    text(o).0
}

/// Asserts that the run exited with `code` and said `message` on standard error.
#[track_caller]
fn failed(o: &Output, code: i32, message: &str) {
    assert_eq!(o.status.code(), Some(code), "{:?}", text(o));
    assert!(text(o).1.contains(message), "{:?}", text(o));
}

/// A temp dir with a database holding the instansi `kota-uji`.
fn with_kota_uji() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    succeeded(&talenta(
        dir.path(),
        &[
            "init",
            "--code",
            "kota-uji",
            "--name",
            "Pemerintah Kota Uji",
        ],
    ));
    dir
}

/// A temp dir with the demo governments loaded.
fn with_demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    succeeded(&talenta(dir.path(), &["demo"]));
    dir
}

/// The database file the commands in `dir` wrote.
fn database(dir: &Path) -> String {
    dir.join("talenta.sqlite").to_str().unwrap().to_string()
}

/// The database in `dir`, opened as the application opens it.
fn open_app_db(dir: &Path) -> Db {
    talenta_app::tenant::open(&database(dir), talenta_fixture::now()).unwrap()
}

/// The database in `dir`, opened bare (to read or tamper with its rows).
fn open_raw_db(dir: &Path) -> Db {
    Db::open(&database(dir)).unwrap()
}

/// The instansi `code`, which must exist.
fn tenant(db: &mut Db, code: &str) -> Tenant {
    store::tenant_by_code(db, code).unwrap().unwrap()
}

#[test]
fn init_creates_the_database_and_an_instansi_once() {
    let dir = tempfile::tempdir().unwrap();
    succeeded(&talenta(dir.path(), &["init"]));
    assert!(
        dir.path().join("talenta.sqlite").exists(),
        "the embedded default is a SQLite file here"
    );
    let out = succeeded(&talenta(
        dir.path(),
        &[
            "init",
            "--code",
            "kota-bima",
            "--name",
            "Pemerintah Kota Bima",
        ],
    ));
    assert!(out.contains("Pemerintah Kota Bima (kota-bima) dibuat"));
    let o = talenta(
        dir.path(),
        &["init", "--code", "kota-bima", "--name", "Lagi"],
    );
    failed(&o, 1, "instansi 'kota-bima' sudah ada");
    let o = talenta(dir.path(), &["init", "--code", "Kota Bima!", "--name", "X"]);
    // A code that breaks the rule is refused input: exit code 2, as the README says.
    failed(&o, 2, "kode instansi 'Kota Bima!' tidak sah");
}

#[test]
fn demo_loads_both_governments_and_prints_their_talent_maps_and_loading_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let o = talenta(dir.path(), &["demo"]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("Pemerintah Kota Mojokerto"));
    assert!(out.contains("Pemerintah Kabupaten Bekasi"));
    assert_eq!(out.matches("SELURUH INSTANSI").count(), 2);
    assert!(out.contains("Kelompok rencana suksesi (kotak 7, 8, 9)"));
    let again = talenta(dir.path(), &["demo"]);
    assert_eq!(text(&again).0, out, "deterministic and idempotent");

    let mut db = open_app_db(dir.path());
    let mojokerto = tenant(&mut db, "kota-mojokerto");
    let positions: std::collections::HashMap<i64, PositionClass> =
        store::list_positions(&mut db, mojokerto.id)
            .unwrap()
            .into_iter()
            .map(|p| (p.id, p.class))
            .collect();
    let pengawas = store::list_employees(&mut db, mojokerto.id)
        .unwrap()
        .iter()
        .filter(|e| e.position_id.and_then(|p| positions.get(&p)) == Some(&PositionClass::Pengawas))
        .count();
    assert_eq!(pengawas, 268, "the 268 Pengawas of the Mojokerto article");
}

#[test]
fn talent_map_and_jpm_answer_for_the_chosen_instansi() {
    let dir = with_demo();
    let o = talenta(dir.path(), &["talent-map"]);
    failed(
        &o,
        1,
        "ada 2 instansi (kab-bekasi, kota-mojokerto): pilih salah satu dengan --tenant KODE",
    );
    let o = in_mojokerto(dir.path(), &["talent-map"]);
    assert!(o.status.success());
    let out = text(&o).0;
    assert!(out.contains("Peta talenta Pemerintah Kota Mojokerto per 2026-11-27"));
    assert!(!out.contains("Bekasi"));

    // Pick a Mojokerto employee with a valid result and ask for JPM against their own post.
    let mut db = open_app_db(dir.path());
    let t = tenant(&mut db, "kota-mojokerto");
    let map = talenta_app::talent::talent_map(
        &mut db,
        &talenta_app::access::Actor::local(&t, "uji")
            .grant()
            .unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    )
    .unwrap();
    let placed = map.placements.iter().find(|p| p.placed.is_ok()).unwrap();
    let employee = store::list_employees(&mut db, t.id)
        .unwrap()
        .into_iter()
        .find(|e| e.id == placed.employee_id)
        .unwrap();
    let position = store::list_positions(&mut db, t.id)
        .unwrap()
        .into_iter()
        .find(|p| Some(p.id) == employee.position_id)
        .unwrap();
    let nip = employee.nip.digits();
    let jpm = |nip: &str, position: &str| {
        in_mojokerto(dir.path(), &["jpm", "--nip", nip, "--position", position])
    };
    let o = jpm(&nip, &position.code);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let expected = format!("JPM: {:.2}%", placed.jpm.unwrap().percent());
    assert!(out.contains(&expected), "{out}\nexpected {expected}");
    assert!(out.contains("Kategori (Pemetaan Kompetensi)"));
    assert!(out.contains("Versi aturan: bawaan-2026.1"));

    failed(
        &jpm("12345", &position.code),
        2,
        "NIP tidak sah: NIP harus 18 digit, ditemukan 5 digit",
    );
    failed(
        &jpm(&nip, "TIDAK-ADA"),
        1,
        "jabatan dengan kode 'TIDAK-ADA' tidak ditemukan",
    );
    let o = talenta(dir.path(), &["--tenant", "kota-tidak-ada", "talent-map"]);
    failed(&o, 1, "instansi 'kota-tidak-ada' tidak ditemukan");
}

#[test]
fn import_with_a_bad_row_exits_2_writes_the_report_and_changes_nothing() {
    let dir = with_kota_uji();
    std::fs::write(
        dir.path().join("unit.csv"),
        "Kode Unit;Nama Unit\nBKPSDM;Badan Kepegawaian\n",
    )
    .unwrap();
    let o = talenta(dir.path(), &["import", "units", "unit.csv"]);
    let out = succeeded(&o);
    assert!(
        out.contains("1 baris dibaca, 1 baru, 0 diperbarui, 0 tidak berubah"),
        "{:?}",
        text(&o)
    );
    std::fs::write(
        dir.path().join("pos.csv"),
        "Kode Jabatan,Nama Jabatan,Kelas Jabatan,Eselon,Kode Unit\nKABAN,Kepala Badan,JPT Pratama,II.b,BKPSDM\n",
    )
    .unwrap();
    succeeded(&talenta(dir.path(), &["import", "positions", "pos.csv"]));
    std::fs::write(
        dir.path().join("pegawai.csv"),
        "NIP,Nama,Kode Jabatan\n196608011988031001,Budi Santoso,KABAN\n196608011988131002,Salah Bulan,KABAN\n",
    )
    .unwrap();
    let o = talenta(dir.path(), &["import", "employees", "pegawai.csv"]);
    failed(
        &o,
        2,
        "Kesalahan baris 3, kolom NIP, nilai '196608011988131002': bulan TMT dalam NIP (13) harus 01-12 (PNS) atau 21 (PPPK)",
    );
    failed(&o, 2, "tidak ada data yang diubah");
    let report = std::fs::read_to_string(dir.path().join("pegawai-laporan.csv")).unwrap();
    assert!(
        report.contains("Kesalahan,3,NIP,196608011988131002"),
        "{report}"
    );
    let mut db = open_app_db(dir.path());
    let t = tenant(&mut db, "kota-uji");
    assert_eq!(store::count(&mut db, t.id, "employees").unwrap(), 0);

    // A hostile file is refused as a whole with exit code 2.
    std::fs::write(dir.path().join("palsu.xlsx"), b"bukan excel").unwrap();
    let o = talenta(dir.path(), &["import", "employees", "palsu.xlsx"]);
    failed(&o, 2, "bukan berkas Excel .xlsx yang sah");
}

#[test]
fn templates_are_written_and_unknown_kinds_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    succeeded(&talenta(dir.path(), &["template", "employees"]));
    assert!(dir.path().join("template-employees.xlsx").exists());
    succeeded(&talenta(
        dir.path(),
        &["template", "pegawai", "-o", "p.csv"],
    ));
    assert!(
        std::fs::read_to_string(dir.path().join("p.csv"))
            .unwrap()
            .contains("NIP,Nama,Jenis Kelamin")
    );
    let o = talenta(dir.path(), &["template", "gaji"]);
    failed(&o, 2, "jenis 'gaji' tidak dikenal");
}

#[test]
fn a_database_that_cannot_be_opened_is_reported_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let o = talenta(
        dir.path(),
        &[
            "--database",
            "/tidak/ada/folder/talenta.sqlite",
            "talent-map",
        ],
    );
    failed(
        &o,
        1,
        "basis data '/tidak/ada/folder/talenta.sqlite' tidak dapat dibuka",
    );
}

#[test]
fn audit_verify_passes_on_an_untouched_log_and_names_the_first_tampered_entry() {
    let dir = with_kota_uji();
    let key = dir.path().join("talenta.sqlite.audit-key");
    assert!(
        key.exists(),
        "the audit key is created next to the database"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    std::fs::write(dir.path().join("u.csv"), "Kode Unit,Nama Unit\nA,Unit A\n").unwrap();
    std::fs::write(dir.path().join("u2.csv"), "Kode Unit,Nama Unit\nB,Unit B\n").unwrap();
    succeeded(&talenta(dir.path(), &["import", "units", "u.csv"]));
    succeeded(&talenta(dir.path(), &["import", "units", "u2.csv"]));
    let o = talenta(dir.path(), &["audit", "verify"]);
    let out = succeeded(&o);
    assert!(out.contains("kota-uji: 3 entri utuh"), "{:?}", text(&o));
    let o = talenta(dir.path(), &["audit", "log"]);
    assert!(text(&o).0.contains("import.units"));

    let mut db = open_raw_db(dir.path());
    db.batch("UPDATE audit_log SET detail = '{\"rows\":0}' WHERE seq = 2")
        .unwrap();
    let o = talenta(dir.path(), &["audit", "verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o)
            .0
            .contains("kota-uji: RUSAK, entri 2 telah diubah, disisipkan atau dipindahkan"),
        "{:?}",
        text(&o)
    );

    // With another key the whole chain fails at its first entry.
    std::fs::write(dir.path().join("lain.key"), [9u8; 32]).unwrap();
    let o = talenta(dir.path(), &["--audit-key", "lain.key", "audit", "verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).0.contains("RUSAK, entri 1"));
}

#[test]
fn an_api_key_is_shown_once_and_refused_for_an_unknown_role() {
    let dir = with_kota_uji();
    let out = succeeded(&talenta(
        dir.path(),
        &["api-key", "--name", "simpeg", "--role", "operator"],
    ));
    let key = out.lines().find(|l| l.starts_with("tk_")).unwrap();
    assert_eq!(key.len(), 3 + 64);
    let mut db = open_raw_db(dir.path());
    let stored = db.query("SELECT key_hash FROM api_keys", &[]).unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(
        stored[0].text(0).unwrap(),
        key,
        "stored hashed, never as given"
    );
    let o = talenta(dir.path(), &["api-key", "--name", "x", "--role", "raja"]);
    failed(&o, 2, "peran 'raja' tidak dikenal");
    let o = talenta(
        dir.path(),
        &["api-key", "--name", "x", "--expires", "2026-11-27"],
    );
    failed(&o, 2, "kunci API harus berlaku sampai setelah hari ini");
    let out = succeeded(&talenta(
        dir.path(),
        &["api-key-revoke", "--name", "simpeg"],
    ));
    assert!(out.contains("1 kunci API 'simpeg' dicabut"), "{out}");
    let revoked = db
        .query("SELECT revoked_at FROM api_keys WHERE name = 'simpeg'", &[])
        .unwrap();
    assert!(revoked[0].opt_text(0).unwrap().is_some());
    let o = talenta(dir.path(), &["api-key-revoke", "--name", "simpeg"]);
    failed(&o, 2, "tidak ada kunci API aktif bernama 'simpeg'");
}

/// `event-create` in Mojokerto of the Pengawas over `dates`, with one `--assessor` per entry of
/// `assessors`.
fn create_pengawas_event(
    dir: &Path,
    code: &str,
    name: &str,
    dates: &str,
    assessors: &[String],
) -> Output {
    let mut args = vec![
        "event-create",
        "--code",
        code,
        "--name",
        name,
        "--dates",
        dates,
        "--class",
        "pengawas",
    ];
    for a in assessors {
        args.push("--assessor");
        args.push(a);
    }
    in_mojokerto(dir, &args)
}

/// Six days of June 2021 (7 to 11 and 14), comma-separated.
const SIX_DAYS: &str = "2021-06-07,2021-06-08,2021-06-09,2021-06-10,2021-06-11,2021-06-14";

#[test]
fn an_event_is_created_and_scheduled_or_refused_with_the_reason() {
    let dir = with_demo();
    let assessors: Vec<String> = (1..=6)
        .map(|i| format!("Asesor {i}|BKD Provinsi Jawa Timur"))
        .collect();
    let o = create_pengawas_event(dir.path(), "asm", "Asesmen Pengawas", SIX_DAYS, &assessors);
    let out = succeeded(&o);
    assert!(
        out.contains("268 peserta, 6 asesor, 6 hari"),
        "{:?}",
        text(&o)
    );
    let out = succeeded(&in_mojokerto(dir.path(), &["schedule", "--event", "asm"]));
    assert!(out.contains("268 peserta"));
    assert_eq!(
        out.lines()
            .filter(|l| l.trim_start().starts_with("Hari "))
            .count(),
        6
    );
    let pairs: Vec<String> = ["A|B", "C|D", "E|F", "G|H", "I|J", "K|L"]
        .map(String::from)
        .to_vec();
    let o = create_pengawas_event(
        dir.path(),
        "asm5",
        "x",
        "2021-06-07,2021-06-08,2021-06-09,2021-06-10,2021-06-11",
        &pairs,
    );
    assert!(o.status.success());
    let o = in_mojokerto(dir.path(), &["schedule", "--event", "asm5"]);
    failed(&o, 2, "kurang 28 kursi");
    let out = succeeded(&in_mojokerto(
        dir.path(),
        &["roster", "--event", "asm", "-o", "daftar.xlsx"],
    ));
    assert!(out.contains("268 peserta"));
    assert!(dir.path().join("daftar.xlsx").exists());
    succeeded(&in_mojokerto(
        dir.path(),
        &["roster", "--event", "asm", "-o", "daftar.pdf"],
    ));
    assert!(
        std::fs::read(dir.path().join("daftar.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
    let out = succeeded(&in_mojokerto(
        dir.path(),
        &["invitations", "--event", "asm"],
    ));
    assert!(out.contains("268 undangan"));
    assert!(dir.path().join("undangan-asm.pdf").exists());
    let o = in_mojokerto(dir.path(), &["roster", "--event", "asm5"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "an unscheduled event has no roster"
    );
    let o = in_mojokerto(dir.path(), &["schedule", "--event", "tidak-ada"]);
    failed(&o, 2, "acara 'tidak-ada' tidak ditemukan");
}

#[test]
fn a_published_schedule_is_locked_and_participants_check_in_once() {
    let dir = with_demo();
    let assessors: Vec<String> = ["A", "B", "C", "D", "E", "F"]
        .iter()
        .map(|a| format!("{a}|BKD"))
        .collect();
    succeeded(&create_pengawas_event(
        dir.path(),
        "asm",
        "Asesmen",
        SIX_DAYS,
        &assessors,
    ));
    assert_eq!(
        in_mojokerto(dir.path(), &["publish", "--event", "asm"])
            .status
            .code(),
        Some(2),
        "nothing to publish before a schedule"
    );
    succeeded(&in_mojokerto(dir.path(), &["schedule", "--event", "asm"]));
    succeeded(&in_mojokerto(dir.path(), &["publish", "--event", "asm"]));
    let o = in_mojokerto(dir.path(), &["schedule", "--event", "asm"]);
    failed(&o, 2, "sudah diterbitkan dan terkunci");
    let mut db = open_raw_db(dir.path());
    let t = tenant(&mut db, "kota-mojokerto");
    let ev = talenta_store::event::event_by_code(&mut db, t.id, "asm")
        .unwrap()
        .unwrap();
    let p = talenta_store::event::participants(&mut db, t.id, ev.id)
        .unwrap()
        .remove(0);
    let nip = store::list_employees(&mut db, t.id)
        .unwrap()
        .into_iter()
        .find(|e| e.id == p.employee_id)
        .unwrap()
        .nip
        .digits();
    let check_in = || in_mojokerto(dir.path(), &["check-in", "--event", "asm", "--nip", &nip]);
    let out = succeeded(&check_in());
    assert!(out.contains("hadir: hari"));
    failed(&check_in(), 2, "sudah tercatat hadir");
    let o = in_mojokerto(
        dir.path(),
        &[
            "move",
            "--event",
            "asm",
            "--nip",
            &nip,
            "--day",
            "1",
            "--session",
            "1",
        ],
    );
    failed(&o, 2, "sudah diterbitkan");
}

#[test]
fn a_missing_audit_key_is_refused_for_a_database_with_chains_and_never_replaced() {
    let dir = with_demo();
    let key = dir.path().join("talenta.sqlite.audit-key");
    let kept = std::fs::read(&key).unwrap();
    std::fs::remove_file(&key).unwrap();
    let o = in_mojokerto(dir.path(), &["talent-map"]);
    failed(
        &o,
        1,
        "tidak ada, padahal basis data ini sudah berisi log audit",
    );
    assert!(!key.exists(), "no new key was made");
    // The key put back, everything verifies again.
    std::fs::write(&key, kept).unwrap();
    let out = succeeded(&talenta(dir.path(), &["audit", "verify"]));
    assert!(out.contains("utuh"), "{out}");
}

#[test]
fn a_backup_restores_into_an_empty_file_and_a_second_restore_is_refused() {
    let dir = with_demo();
    succeeded(&talenta(dir.path(), &["backup", "-o", "cadangan.tar"]));
    std::fs::copy(
        dir.path().join("talenta.sqlite.audit-key"),
        dir.path().join("pulih.sqlite.audit-key"),
    )
    .unwrap();
    let out = succeeded(&talenta(
        dir.path(),
        &["--database", "pulih.sqlite", "restore", "cadangan.tar"],
    ));
    assert!(out.contains("sama dengan manifes"), "{out}");
    assert!(out.contains("Pemeriksaan integritas: ok"), "{out}");
    let o = talenta(
        dir.path(),
        &["--database", "pulih.sqlite", "restore", "cadangan.tar"],
    );
    failed(&o, 2, "basis data tujuan sudah berisi data");
    let o = talenta(
        dir.path(),
        &["--database", "lain.sqlite", "restore", "cadangan.tar"],
    );
    failed(&o, 2, "tidak ada: pulihkan cadangan dengan kunci audit");
}

#[test]
fn serve_refuses_plain_http_on_an_address_outside_this_machine() {
    let dir = with_kota_uji();
    let o = talenta(dir.path(), &["serve", "--listen", "0.0.0.0:0"]);
    failed(&o, 2, "bukan loopback");
    let o = talenta(dir.path(), &["serve", "--listen", "192.0.2.1:8080"]);
    failed(&o, 2, "--behind-tls-proxy");
}

#[test]
fn a_chain_deleted_with_its_head_or_cut_back_with_a_rewritten_head_is_found_against_a_backup_or_a_checkpoint()
 {
    let dir = with_demo();
    // Something to anchor in Kabupaten Bekasi beyond its first entry.
    succeeded(&talenta(
        dir.path(),
        &["--tenant", "kab-bekasi", "api-key", "--name", "simpeg"],
    ));
    succeeded(&talenta(dir.path(), &["backup", "-o", "jangkar.tar"]));
    let out = succeeded(&talenta(dir.path(), &["audit", "checkpoint", "titik"]));
    assert!(out.contains("Titik periksa audit"), "{out}");
    let out = succeeded(&talenta(
        dir.path(),
        &[
            "audit",
            "verify",
            "--anchor",
            "jangkar.tar",
            "--anchor",
            "titik",
        ],
    ));
    assert_eq!(out.matches("rantai cocok").count(), 2, "{out}");
    assert!(out.contains("(titik periksa)"), "{out}");

    let mut db = open_raw_db(dir.path());
    let mojokerto = tenant(&mut db, "kota-mojokerto").id;
    let bekasi = tenant(&mut db, "kab-bekasi").id;
    // Mojokerto: the whole chain and its head deleted; Bekasi: its last entry cut off and the
    // head rewritten to the entry before, so the database alone looks whole.
    db.batch(&format!(
        "DELETE FROM audit_log WHERE tenant_id = {mojokerto};
         DELETE FROM audit_heads WHERE tenant_id = {mojokerto};
         DELETE FROM audit_log WHERE tenant_id = {bekasi} AND seq = (SELECT MAX(seq) FROM audit_log WHERE tenant_id = {bekasi});
         UPDATE audit_heads SET seq = (SELECT MAX(seq) FROM audit_log WHERE tenant_id = {bekasi}),
           mac = (SELECT mac FROM audit_log WHERE tenant_id = {bekasi} ORDER BY seq DESC LIMIT 1)
           WHERE tenant_id = {bekasi};"
    ))
    .unwrap();
    drop(db);
    let alone = succeeded(&talenta(dir.path(), &["audit", "verify"]));
    assert!(
        !alone.contains("RUSAK"),
        "without an anchor it cannot be seen: {alone}"
    );
    let o = talenta(dir.path(), &["audit", "verify", "--anchor", "jangkar.tar"]);
    assert_eq!(o.status.code(), Some(1), "{:?}", text(&o));
    let out = text(&o).0;
    assert!(out.contains("kota-mojokerto: RUSAK, entri 1"), "{out}");
    assert!(out.contains("kab-bekasi: RUSAK, entri 2"), "{out}");
    // The checkpoint folder finds the same.
    let o = talenta(dir.path(), &["audit", "verify", "--anchor", "titik"]);
    assert_eq!(o.status.code(), Some(1), "{:?}", text(&o));
    let out = text(&o).0;
    assert!(out.contains("kota-mojokerto: RUSAK, entri 1"), "{out}");
    assert!(
        out.contains("kab-bekasi: RUSAK, entri 2 berbeda dari titik periksa")
            || out.contains("kab-bekasi: RUSAK, entri 2 yang tercatat di titik periksa"),
        "{out}"
    );
}

#[test]
fn a_changed_checkpoint_or_a_file_that_is_no_anchor_is_refused() {
    let dir = with_kota_uji();
    succeeded(&talenta(dir.path(), &["audit", "checkpoint", "titik"]));
    let file = std::fs::read_dir(dir.path().join("titik"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text_of = std::fs::read_to_string(&file).unwrap();
    // One more entry claimed than the chain holds: the signature no longer verifies.
    let changed = text_of.replacen("\"seq\":", "\"seq\":1", 1);
    assert_ne!(changed, text_of);
    std::fs::write(&file, changed).unwrap();
    let o = talenta(dir.path(), &["audit", "verify", "--anchor", "titik"]);
    failed(&o, 2, "titik periksa ini dibuat oleh instalasi lain");
    std::fs::write(dir.path().join("bukan.json"), "{\"a\": 1}").unwrap();
    let o = talenta(dir.path(), &["audit", "verify", "--anchor", "bukan.json"]);
    failed(&o, 2, "bukan cadangan atau titik periksa audit talenta");
}

#[test]
fn serve_takes_a_backup_and_an_audit_checkpoint_on_its_schedule_that_verify_accepts() {
    let dir = with_kota_uji();
    let mut server = Command::new(env!("CARGO_BIN_EXE_talenta"))
        .current_dir(dir.path())
        .env_remove("TALENTA_DATABASE_URL")
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(["--backup-dir", "cadangan", "--checkpoint-dir", "jangkar"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start talenta serve");
    let has = |sub: &str, ext: &str| {
        std::fs::read_dir(dir.path().join(sub)).is_ok_and(|d| {
            d.filter_map(Result::ok)
                .any(|e| e.path().extension().is_some_and(|x| x == ext))
        })
    };
    // The first of each is taken at start; allow a slow machine a minute.
    let started = std::time::Instant::now();
    while !(has("cadangan", "tar") && has("jangkar", "json")) {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "no backup or checkpoint written"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    server.kill().unwrap();
    server.wait().unwrap();
    let out = succeeded(&talenta(
        dir.path(),
        &[
            "audit", "verify", "--anchor", "cadangan", "--anchor", "jangkar",
        ],
    ));
    assert!(out.contains("Jangkar (cadangan)"), "{out}");
    assert!(out.contains("Jangkar (titik periksa)"), "{out}");
}
