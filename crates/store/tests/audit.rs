//! The audit chain finds an edited, deleted, inserted, reordered or truncated entry and names
//! the first bad one, on both engines.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use talenta_store::audit::{self, AuditKey, Break, NewEntry};
use talenta_store::{Db, testing};

fn key() -> AuditKey {
    AuditKey::new(b"kunci-rahasia-uji-yang-panjangnya-cukup-32".to_vec()).unwrap()
}

/// Six entries for tenant 7 and two for tenant 8.
fn chain(db: &mut Db) {
    for i in 1..=6 {
        let detail = format!("{{\"baris\":{i}}}");
        let seq = db
            .transaction(|tx| {
                audit::append(
                    tx,
                    &key(),
                    &format!("2026-11-27T08:00:0{i}Z"),
                    &NewEntry {
                        tenant_id: 7,
                        actor: "operator.bkpsdm",
                        action: "employee.update",
                        subject: &format!("employee:{i}"),
                        detail: &detail,
                    },
                )
            })
            .unwrap();
        assert_eq!(seq, i);
    }
    for i in 1..=2 {
        audit::append(
            db,
            &key(),
            "2026-11-27T09:00:00Z",
            &NewEntry {
                tenant_id: 8,
                actor: "cli:root",
                action: "import.units",
                subject: "file:unit.csv",
                detail: "{}",
            },
        )
        .unwrap();
        let _ = i;
    }
}

fn first_break(db: &mut Db) -> Option<Break> {
    let v = audit::verify(db, &key()).unwrap();
    let seven = v.iter().find(|v| v.tenant_id == 7).unwrap();
    let eight = v.iter().find(|v| v.tenant_id == 8).unwrap();
    assert_eq!(
        eight.first_break, None,
        "the other tenant's chain is untouched"
    );
    seven.first_break.clone()
}

#[test]
fn an_untouched_chain_verifies_and_reports_its_head() {
    for mut t in testing::both() {
        chain(&mut t.db);
        let v = audit::verify(&mut t.db, &key()).unwrap();
        assert_eq!(v.len(), 2, "{}", t.name);
        assert!(v.iter().all(|x| x.first_break.is_none()), "{v:#?}");
        assert_eq!(v[0].entries, 6);
        assert_eq!(v[0].head.as_ref().unwrap().0, 6);
        let newest = audit::entries(&mut t.db, 7, Some("employee:3"), 10).unwrap();
        assert_eq!(newest.len(), 1);
        assert_eq!(newest[0].seq, 3);
    }
}

/// On each engine: the chain of [`chain`], tampered with by `sql`, breaks first at `expected`
/// (and the other tenant's chain stays whole).
#[track_caller]
fn assert_tampering_found(sql: &str, expected: Break) {
    for mut t in testing::both() {
        chain(&mut t.db);
        t.db.batch(sql).unwrap();
        assert_eq!(first_break(&mut t.db), Some(expected.clone()), "{}", t.name);
    }
}

#[test]
fn an_edited_entry_is_found() {
    assert_tampering_found(
        "UPDATE audit_log SET detail = '{\"baris\":33}' WHERE tenant_id = 7 AND seq = 3",
        Break::Altered { seq: 3 },
    );
}

#[test]
fn an_edited_actor_is_found_even_when_the_text_moves_between_fields() {
    assert_tampering_found(
        "UPDATE audit_log SET actor = 'operator.bkpsdmemployee.update', action = '' WHERE tenant_id = 7 AND seq = 2",
        Break::Altered { seq: 2 },
    );
}

#[test]
fn a_deleted_entry_is_found() {
    let missing = Break::Missing {
        expected: 3,
        found: 4,
    };
    assert_tampering_found(
        "DELETE FROM audit_log WHERE tenant_id = 7 AND seq = 3",
        missing.clone(),
    );
    assert_eq!(
        missing.to_string(),
        "entri 3 hilang (setelah entri 2 ditemukan entri 4)"
    );
}

#[test]
fn entries_deleted_at_the_end_are_found_against_the_head() {
    assert_tampering_found(
        "DELETE FROM audit_log WHERE tenant_id = 7 AND seq >= 5",
        Break::Truncated { last: 4, head: 6 },
    );
}

#[test]
fn an_inserted_entry_is_found() {
    assert_tampering_found(
        "UPDATE audit_log SET seq = seq + 1000 WHERE tenant_id = 7 AND seq >= 4;
         UPDATE audit_log SET seq = seq - 999 WHERE tenant_id = 7 AND seq >= 1000;
         INSERT INTO audit_log (tenant_id, seq, at, actor, action, subject, detail, prev_mac, mac)
           SELECT 7, 4, '2026-11-27T08:00:03Z', 'penyusup', 'result.update', 'employee:9', '{}', mac, mac FROM audit_log WHERE tenant_id = 7 AND seq = 3;
         UPDATE audit_heads SET seq = 7 WHERE tenant_id = 7;",
        Break::Altered { seq: 4 },
    );
}

#[test]
fn reordered_entries_are_found() {
    assert_tampering_found(
        "UPDATE audit_log SET seq = -1 WHERE tenant_id = 7 AND seq = 3;
         UPDATE audit_log SET seq = 3 WHERE tenant_id = 7 AND seq = 4;
         UPDATE audit_log SET seq = 4 WHERE tenant_id = 7 AND seq = -1;",
        Break::Altered { seq: 3 },
    );
}

#[test]
fn without_the_key_nobody_can_rebuild_a_chain_that_verifies() {
    for mut t in testing::both() {
        chain(&mut t.db);
        let other = AuditKey::new(vec![1u8; 32]).unwrap();
        let v = audit::verify(&mut t.db, &other).unwrap();
        assert!(
            v.iter()
                .all(|x| x.first_break == Some(Break::Altered { seq: 1 })),
            "{}",
            t.name
        );
        assert!(
            AuditKey::new(vec![1u8; 16]).is_err(),
            "short keys are refused"
        );
    }
}

#[test]
fn an_entry_rolled_back_with_its_change_leaves_the_chain_intact() {
    for mut t in testing::both() {
        chain(&mut t.db);
        // One entry for tenant 7 by actor `x`, at `at`.
        let append = |db: &mut Db, at: &str| {
            audit::append(
                db,
                &key(),
                at,
                &NewEntry {
                    tenant_id: 7,
                    actor: "x",
                    action: "y",
                    subject: "z",
                    detail: "{}",
                },
            )
        };
        let r: Result<(), talenta_store::StoreError> = t.db.transaction(|tx| {
            append(tx, "2026-11-27T10:00:00Z")?;
            Err(talenta_store::StoreError::NotFound(
                "the change failed".into(),
            ))
        });
        assert!(r.is_err());
        assert_eq!(first_break(&mut t.db), None, "{}", t.name);
        let seq = append(&mut t.db, "2026-11-27T10:00:01Z").unwrap();
        assert_eq!(seq, 7);
    }
}
