//! The `talenta` binary on temp dirs: output, exit codes and the resulting database.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use std::path::Path;
use std::process::{Command, Output};

use talenta_domain::position::PositionClass;
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

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn init_creates_the_database_and_an_instansi_once() {
    let dir = tempfile::tempdir().unwrap();
    let o = talenta(dir.path(), &["init"]);
    assert!(o.status.success(), "{:?}", text(&o));
    assert!(
        dir.path().join("talenta.sqlite").exists(),
        "the embedded default is a SQLite file here"
    );
    let o = talenta(
        dir.path(),
        &[
            "init",
            "--code",
            "kota-bima",
            "--name",
            "Pemerintah Kota Bima",
        ],
    );
    assert!(o.status.success(), "{:?}", text(&o));
    assert!(
        text(&o)
            .0
            .contains("Pemerintah Kota Bima (kota-bima) dibuat")
    );
    let o = talenta(
        dir.path(),
        &["init", "--code", "kota-bima", "--name", "Lagi"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o).1.contains("instansi 'kota-bima' sudah ada"),
        "{:?}",
        text(&o)
    );
    let o = talenta(dir.path(), &["init", "--code", "Kota Bima!", "--name", "X"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).1.contains("kode instansi 'Kota Bima!' tidak sah"));
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

    let mut db = talenta_app::tenant::open(
        dir.path().join("talenta.sqlite").to_str().unwrap(),
        talenta_fixture::now(),
    )
    .unwrap();
    let mojokerto = store::tenant_by_code(&mut db, "kota-mojokerto")
        .unwrap()
        .unwrap();
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
    let dir = tempfile::tempdir().unwrap();
    assert!(talenta(dir.path(), &["demo"]).status.success());
    let o = talenta(dir.path(), &["talent-map"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o).1.contains(
            "ada 2 instansi (kab-bekasi, kota-mojokerto): pilih salah satu dengan --tenant KODE"
        ),
        "{:?}",
        text(&o)
    );
    let o = talenta(dir.path(), &["--tenant", "kota-mojokerto", "talent-map"]);
    assert!(o.status.success());
    let out = text(&o).0;
    assert!(out.contains("Peta talenta Pemerintah Kota Mojokerto per 2026-11-27"));
    assert!(!out.contains("Bekasi"));

    // Pick a Mojokerto employee with a valid result and ask for JPM against their own post.
    let mut db = talenta_app::tenant::open(
        dir.path().join("talenta.sqlite").to_str().unwrap(),
        talenta_fixture::now(),
    )
    .unwrap();
    let t = store::tenant_by_code(&mut db, "kota-mojokerto")
        .unwrap()
        .unwrap();
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
    let o = talenta(
        dir.path(),
        &[
            "--tenant",
            "kota-mojokerto",
            "jpm",
            "--nip",
            &nip,
            "--position",
            &position.code,
        ],
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let expected = format!("JPM: {:.2}%", placed.jpm.unwrap().percent());
    assert!(out.contains(&expected), "{out}\nexpected {expected}");
    assert!(out.contains("Kategori (Pemetaan Kompetensi)"));
    assert!(out.contains("Versi aturan: bawaan-2026.1"));

    let o = talenta(
        dir.path(),
        &[
            "--tenant",
            "kota-mojokerto",
            "jpm",
            "--nip",
            "12345",
            "--position",
            &position.code,
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o)
            .1
            .contains("NIP tidak sah: NIP harus 18 digit, ditemukan 5 digit")
    );
    let o = talenta(
        dir.path(),
        &[
            "--tenant",
            "kota-mojokerto",
            "jpm",
            "--nip",
            &nip,
            "--position",
            "TIDAK-ADA",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o)
            .1
            .contains("jabatan dengan kode 'TIDAK-ADA' tidak ditemukan")
    );
    let o = talenta(dir.path(), &["--tenant", "kota-tidak-ada", "talent-map"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o)
            .1
            .contains("instansi 'kota-tidak-ada' tidak ditemukan")
    );
}

#[test]
fn import_with_a_bad_row_exits_2_writes_the_report_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        talenta(
            dir.path(),
            &[
                "init",
                "--code",
                "kota-uji",
                "--name",
                "Pemerintah Kota Uji"
            ]
        )
        .status
        .success()
    );
    std::fs::write(
        dir.path().join("unit.csv"),
        "Kode Unit;Nama Unit\nBKPSDM;Badan Kepegawaian\n",
    )
    .unwrap();
    let o = talenta(dir.path(), &["import", "units", "unit.csv"]);
    assert!(o.status.success(), "{:?}", text(&o));
    assert!(
        text(&o)
            .0
            .contains("1 baris dibaca, 1 baru, 0 diperbarui, 0 tidak berubah"),
        "{:?}",
        text(&o)
    );
    std::fs::write(
        dir.path().join("pos.csv"),
        "Kode Jabatan,Nama Jabatan,Kelas Jabatan,Eselon,Kode Unit\nKABAN,Kepala Badan,JPT Pratama,II.b,BKPSDM\n",
    )
    .unwrap();
    assert!(
        talenta(dir.path(), &["import", "positions", "pos.csv"])
            .status
            .success()
    );
    std::fs::write(
        dir.path().join("pegawai.csv"),
        "NIP,Nama,Kode Jabatan\n196608011988031001,Budi Santoso,KABAN\n196608011988131002,Salah Bulan,KABAN\n",
    )
    .unwrap();
    let o = talenta(dir.path(), &["import", "employees", "pegawai.csv"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("Kesalahan baris 3, kolom NIP, nilai '196608011988131002': bulan TMT dalam NIP (13) harus 01-12 (PNS) atau 21 (PPPK)"), "{err}");
    assert!(err.contains("tidak ada data yang diubah"));
    let report = std::fs::read_to_string(dir.path().join("pegawai-laporan.csv")).unwrap();
    assert!(
        report.contains("Kesalahan,3,NIP,196608011988131002"),
        "{report}"
    );
    let mut db = talenta_app::tenant::open(
        dir.path().join("talenta.sqlite").to_str().unwrap(),
        talenta_fixture::now(),
    )
    .unwrap();
    let t = store::tenant_by_code(&mut db, "kota-uji").unwrap().unwrap();
    assert_eq!(store::count(&mut db, t.id, "employees").unwrap(), 0);

    // A hostile file is refused as a whole with exit code 2.
    std::fs::write(dir.path().join("palsu.xlsx"), b"bukan excel").unwrap();
    let o = talenta(dir.path(), &["import", "employees", "palsu.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).1.contains("bukan berkas Excel .xlsx yang sah"),
        "{:?}",
        text(&o)
    );
}

#[test]
fn templates_are_written_and_unknown_kinds_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let o = talenta(dir.path(), &["template", "employees"]);
    assert!(o.status.success(), "{:?}", text(&o));
    assert!(dir.path().join("template-employees.xlsx").exists());
    let o = talenta(dir.path(), &["template", "pegawai", "-o", "p.csv"]);
    assert!(o.status.success());
    assert!(
        std::fs::read_to_string(dir.path().join("p.csv"))
            .unwrap()
            .contains("NIP,Nama,Jenis Kelamin")
    );
    let o = talenta(dir.path(), &["template", "gaji"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("jenis 'gaji' tidak dikenal"));
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
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o)
            .1
            .contains("basis data '/tidak/ada/folder/talenta.sqlite' tidak dapat dibuka"),
        "{:?}",
        text(&o)
    );
}

#[test]
fn audit_verify_passes_on_an_untouched_log_and_names_the_first_tampered_entry() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        talenta(
            dir.path(),
            &[
                "init",
                "--code",
                "kota-uji",
                "--name",
                "Pemerintah Kota Uji"
            ]
        )
        .status
        .success()
    );
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
    assert!(
        talenta(dir.path(), &["import", "units", "u.csv"])
            .status
            .success()
    );
    assert!(
        talenta(dir.path(), &["import", "units", "u2.csv"])
            .status
            .success()
    );
    let o = talenta(dir.path(), &["audit", "verify"]);
    assert!(o.status.success(), "{:?}", text(&o));
    assert!(
        text(&o).0.contains("kota-uji: 3 entri utuh"),
        "{:?}",
        text(&o)
    );
    let o = talenta(dir.path(), &["audit", "log"]);
    assert!(text(&o).0.contains("import.units"));

    let mut db =
        talenta_store::Db::open(dir.path().join("talenta.sqlite").to_str().unwrap()).unwrap();
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
    let dir = tempfile::tempdir().unwrap();
    assert!(
        talenta(
            dir.path(),
            &[
                "init",
                "--code",
                "kota-uji",
                "--name",
                "Pemerintah Kota Uji"
            ]
        )
        .status
        .success()
    );
    let o = talenta(
        dir.path(),
        &["api-key", "--name", "simpeg", "--role", "operator"],
    );
    assert!(o.status.success(), "{:?}", text(&o));
    let out = text(&o).0;
    let key = out.lines().find(|l| l.starts_with("tk_")).unwrap();
    assert_eq!(key.len(), 3 + 64);
    let mut db =
        talenta_store::Db::open(dir.path().join("talenta.sqlite").to_str().unwrap()).unwrap();
    let stored = db.query("SELECT key_hash FROM api_keys", &[]).unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(
        stored[0].text(0).unwrap(),
        key,
        "stored hashed, never as given"
    );
    let o = talenta(dir.path(), &["api-key", "--name", "x", "--role", "raja"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("peran 'raja' tidak dikenal"));
}

#[test]
fn an_event_is_created_and_scheduled_or_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    assert!(talenta(dir.path(), &["demo"]).status.success());
    let six = "2021-06-07,2021-06-08,2021-06-09,2021-06-10,2021-06-11,2021-06-14";
    let mut args = vec![
        "--tenant",
        "kota-mojokerto",
        "event-create",
        "--code",
        "asm",
        "--name",
        "Asesmen Pengawas",
        "--dates",
        six,
        "--class",
        "pengawas",
    ];
    let assessors: Vec<String> = (1..=6)
        .map(|i| format!("Asesor {i}|BKD Provinsi Jawa Timur"))
        .collect();
    for a in &assessors {
        args.push("--assessor");
        args.push(a);
    }
    let o = talenta(dir.path(), &args);
    assert!(o.status.success(), "{:?}", text(&o));
    assert!(
        text(&o).0.contains("268 peserta, 6 asesor, 6 hari"),
        "{:?}",
        text(&o)
    );
    let o = talenta(
        dir.path(),
        &["--tenant", "kota-mojokerto", "schedule", "--event", "asm"],
    );
    let out = text(&o).0;
    assert!(o.status.success(), "{:?}", text(&o));
    assert!(out.contains("268 peserta"));
    assert_eq!(
        out.lines()
            .filter(|l| l.trim_start().starts_with("Hari "))
            .count(),
        6
    );
    let o = talenta(
        dir.path(),
        &[
            "--tenant",
            "kota-mojokerto",
            "event-create",
            "--code",
            "asm5",
            "--name",
            "x",
            "--dates",
            "2021-06-07,2021-06-08,2021-06-09,2021-06-10,2021-06-11",
            "--class",
            "pengawas",
            "--assessor",
            "A|B",
            "--assessor",
            "C|D",
            "--assessor",
            "E|F",
            "--assessor",
            "G|H",
            "--assessor",
            "I|J",
            "--assessor",
            "K|L",
        ],
    );
    assert!(o.status.success());
    let o = talenta(
        dir.path(),
        &["--tenant", "kota-mojokerto", "schedule", "--event", "asm5"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("kurang 28 kursi"), "{:?}", text(&o));
    let o = talenta(
        dir.path(),
        &[
            "--tenant",
            "kota-mojokerto",
            "roster",
            "--event",
            "asm",
            "-o",
            "daftar.xlsx",
        ],
    );
    assert!(o.status.success(), "{:?}", text(&o));
    assert!(text(&o).0.contains("268 peserta"));
    assert!(dir.path().join("daftar.xlsx").exists());
    let o = talenta(
        dir.path(),
        &[
            "--tenant",
            "kota-mojokerto",
            "roster",
            "--event",
            "asm",
            "-o",
            "daftar.pdf",
        ],
    );
    assert!(o.status.success(), "{:?}", text(&o));
    assert!(
        std::fs::read(dir.path().join("daftar.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
    let o = talenta(
        dir.path(),
        &[
            "--tenant",
            "kota-mojokerto",
            "invitations",
            "--event",
            "asm",
        ],
    );
    assert!(o.status.success(), "{:?}", text(&o));
    assert!(text(&o).0.contains("268 undangan"));
    assert!(dir.path().join("undangan-asm.pdf").exists());
    let o = talenta(
        dir.path(),
        &["--tenant", "kota-mojokerto", "roster", "--event", "asm5"],
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "an unscheduled event has no roster"
    );
    let o = talenta(
        dir.path(),
        &[
            "--tenant",
            "kota-mojokerto",
            "schedule",
            "--event",
            "tidak-ada",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("acara 'tidak-ada' tidak ditemukan"));
}

#[test]
fn a_published_schedule_is_locked_and_participants_check_in_once() {
    let dir = tempfile::tempdir().unwrap();
    assert!(talenta(dir.path(), &["demo"]).status.success());
    let o = talenta(
        dir.path(),
        &[
            "--tenant",
            "kota-mojokerto",
            "event-create",
            "--code",
            "asm",
            "--name",
            "Asesmen",
            "--dates",
            "2021-06-07,2021-06-08,2021-06-09,2021-06-10,2021-06-11,2021-06-14",
            "--class",
            "pengawas",
            "--assessor",
            "A|BKD",
            "--assessor",
            "B|BKD",
            "--assessor",
            "C|BKD",
            "--assessor",
            "D|BKD",
            "--assessor",
            "E|BKD",
            "--assessor",
            "F|BKD",
        ],
    );
    assert!(o.status.success(), "{:?}", text(&o));
    assert_eq!(
        talenta(
            dir.path(),
            &["--tenant", "kota-mojokerto", "publish", "--event", "asm"]
        )
        .status
        .code(),
        Some(2),
        "nothing to publish before a schedule"
    );
    assert!(
        talenta(
            dir.path(),
            &["--tenant", "kota-mojokerto", "schedule", "--event", "asm"]
        )
        .status
        .success()
    );
    let o = talenta(
        dir.path(),
        &["--tenant", "kota-mojokerto", "publish", "--event", "asm"],
    );
    assert!(o.status.success(), "{:?}", text(&o));
    let o = talenta(
        dir.path(),
        &["--tenant", "kota-mojokerto", "schedule", "--event", "asm"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("sudah diterbitkan dan terkunci"));
    let mut db =
        talenta_store::Db::open(dir.path().join("talenta.sqlite").to_str().unwrap()).unwrap();
    let t = store::tenant_by_code(&mut db, "kota-mojokerto")
        .unwrap()
        .unwrap();
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
    let o = talenta(
        dir.path(),
        &[
            "--tenant",
            "kota-mojokerto",
            "check-in",
            "--event",
            "asm",
            "--nip",
            &nip,
        ],
    );
    assert!(o.status.success(), "{:?}", text(&o));
    assert!(text(&o).0.contains("hadir: hari"));
    let o = talenta(
        dir.path(),
        &[
            "--tenant",
            "kota-mojokerto",
            "check-in",
            "--event",
            "asm",
            "--nip",
            &nip,
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("sudah tercatat hadir"));
    let o = talenta(
        dir.path(),
        &[
            "--tenant",
            "kota-mojokerto",
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
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("sudah diterbitkan"), "{:?}", text(&o));
}
