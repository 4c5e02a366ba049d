//! The backup drill, on both engines: writers keep writing while a backup is taken; the copy is
//! restored into an empty database elsewhere, where the integrity check, the audit chains, the
//! row counts of every table and a sign-in all pass. A damaged file, a file signed with another
//! installation's key, something that is not a backup and a target that holds data are refused,
//! and the target is left as it was.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use talenta_app::access::{self, Role, SessionRules};
use talenta_app::backup::{self, BackupError};
use talenta_app::{AppError, AuditKey, Db};
use talenta_fixture::{self as fx};
use talenta_store::audit::{self, NewEntry};
use talenta_store::testing;

/// An empty database of the same engine as `url` (nothing migrated), and its URL.
fn empty_like(url: &str, dir: &std::path::Path, n: u32) -> String {
    if url.contains("host=") {
        let base = std::env::var("TALENTA_TEST_PG").unwrap();
        let name = format!("restored_{}_{n}", std::process::id());
        let mut admin = Db::open(&base).unwrap();
        admin
            .batch(&format!("DROP DATABASE IF EXISTS {name}"))
            .unwrap();
        admin.batch(&format!("CREATE DATABASE {name}")).unwrap();
        format!("{base} dbname={name}")
    } else {
        dir.join(format!("restored-{n}.sqlite"))
            .display()
            .to_string()
    }
}

fn rows(db: &mut Db, table: &str) -> i64 {
    db.query_opt(&format!("SELECT COUNT(*) FROM {table}"), &[])
        .unwrap()
        .unwrap()
        .int(0)
        .unwrap()
}

#[test]
fn a_backup_taken_while_people_write_restores_elsewhere_and_proves_itself() {
    for mut t in testing::both() {
        let dir = tempfile::tempdir().unwrap();
        testing::Seed::new("kota-a").store(&mut t.db);
        let tenant = fx::tenant(&mut t.db, "kota-a");
        fx::account(&mut t.db, &tenant, "admin-a", Role::TenantAdmin, None);
        let key = fx::key();

        // Three writers append to the audit trail until told to stop.
        let stop = Arc::new(AtomicBool::new(false));
        let written = Arc::new(AtomicU64::new(0));
        let writers: Vec<_> = (0..3)
            .map(|w| {
                let (url, stop, written, key) =
                    (t.url.clone(), stop.clone(), written.clone(), key.clone());
                let tenant_id = tenant.id;
                std::thread::spawn(move || {
                    let mut db = Db::open(&url).unwrap();
                    let mut i = 0;
                    while !stop.load(Ordering::SeqCst) {
                        let subject = format!("writer:{w}:{i}");
                        // As every use case does: the entry in its own transaction.
                        db.transaction(|tx| {
                            audit::append(
                                tx,
                                &key,
                                "2026-11-27T08:00:00Z",
                                &NewEntry {
                                    tenant_id,
                                    actor: "uji",
                                    action: "test.write",
                                    subject: &subject,
                                    detail: "{}",
                                },
                            )
                        })
                        .unwrap();
                        written.fetch_add(1, Ordering::SeqCst);
                        i += 1;
                    }
                })
            })
            .collect();
        while written.load(Ordering::SeqCst) < 30 {
            std::thread::yield_now();
        }
        let file = dir.path().join("cadangan.tar");
        let manifest = backup::backup(&mut t.db, &t.url, &key, &file, fx::now()).unwrap();
        let during = written.load(Ordering::SeqCst);
        stop.store(true, Ordering::SeqCst);
        for w in writers {
            w.join().unwrap();
        }
        let after = written.load(Ordering::SeqCst);
        assert!(after > 30, "{}: the writers kept writing", t.name);

        // The copy holds a consistent instant: its chain verifies and its head is in the manifest.
        let (seq, _) = manifest.audit_heads["kota-a"].clone();
        assert!(
            seq >= 30 && seq as u64 <= during + 2,
            "{}: head {seq}",
            t.name
        );
        assert_eq!(manifest.tables["accounts"], 1, "{}", t.name);
        let admin = fx::actor(&mut t.db, &tenant, "admin-a", Role::TenantAdmin);
        let last = backup::last(&mut t.db, &admin.grant().unwrap()).unwrap();
        assert_eq!(last.unwrap().1, file.display().to_string());

        let target = empty_like(&t.url, dir.path(), 1);
        let restored = backup::restore(&file, &target, &key).unwrap();
        assert_eq!(restored.integrity, "ok", "{}", t.name);
        assert!(
            restored.audit.iter().all(|v| v.first_break.is_none()),
            "{}",
            t.name
        );
        let mut copy = Db::open(&target).unwrap();
        for (table, n) in &manifest.tables {
            assert_eq!(rows(&mut copy, table), *n, "{}: {table}", t.name);
        }
        assert_eq!(rows(&mut copy, "audit_log"), seq, "{}", t.name);
        let session = access::login(
            &mut copy,
            &key,
            "admin-a",
            fx::PASSWORD,
            "127.0.0.1",
            fx::now(),
            &SessionRules::default(),
        )
        .unwrap();
        assert!(session.is_ok(), "{}: sign-in on the restored copy", t.name);

        // A target that holds data is refused and keeps what it holds.
        let before = rows(&mut copy, "sessions");
        let e = backup::restore(&file, &target, &key).unwrap_err();
        assert!(
            matches!(e, AppError::Backup(BackupError::TargetNotEmpty)),
            "{}: {e:?}",
            t.name
        );
        assert_eq!(rows(&mut copy, "sessions"), before, "{}", t.name);
    }
}

#[test]
fn a_damaged_foreign_or_unrelated_file_is_refused_before_anything_is_written() {
    let mut t = testing::sqlite();
    let dir = tempfile::tempdir().unwrap();
    testing::Seed::new("kota-a").store(&mut t.db);
    let key = fx::key();
    let file = dir.path().join("cadangan.tar");
    backup::backup(&mut t.db, &t.url, &key, &file, fx::now()).unwrap();
    let target = dir.path().join("tujuan.sqlite");
    let target_url = target.display().to_string();

    // Signed with another installation's key.
    let other = AuditKey::new(vec![0xa5u8; 32]).unwrap();
    let e = backup::restore(&file, &target_url, &other).unwrap_err();
    assert!(matches!(e, AppError::Backup(BackupError::Foreign)), "{e:?}");

    // One byte of the database changed (past the manifest, inside the database member).
    let mut bytes = std::fs::read(&file).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0xff;
    let damaged = dir.path().join("rusak.tar");
    std::fs::write(&damaged, &bytes).unwrap();
    let e = backup::restore(&damaged, &target_url, &key).unwrap_err();
    assert!(matches!(e, AppError::Backup(BackupError::Damaged)), "{e:?}");

    // Not a backup at all.
    let text = dir.path().join("catatan.txt");
    std::fs::write(&text, "bukan cadangan").unwrap();
    let e = backup::restore(&text, &target_url, &key).unwrap_err();
    assert!(
        matches!(e, AppError::Backup(BackupError::NotABackup(_))),
        "{e:?}"
    );
    assert!(!target.exists(), "nothing was written");

    // The intact file still restores.
    backup::restore(&file, &target_url, &key).unwrap();
}

#[test]
fn a_scheduled_backup_keeps_only_the_newest_files_it_wrote() {
    let mut t = testing::sqlite();
    testing::Seed::new("kota-a").store(&mut t.db);
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("catatan-operator.txt");
    std::fs::write(&other, "jangan dihapus").unwrap();
    let mut written = Vec::new();
    for hour in [1, 2, 3] {
        let at = fx::now() + chrono::Duration::hours(hour);
        let (file, _) = backup::into_dir(&mut t.db, &t.url, &fx::key(), dir.path(), 2, at).unwrap();
        written.push(file);
    }
    assert!(!written[0].exists(), "the oldest is removed");
    assert!(written[1].exists() && written[2].exists());
    assert!(other.exists(), "a file it did not write stays");
    assert!(
        written[2]
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .ends_with("-110000.tar"),
        "{:?}",
        written[2]
    );
}
