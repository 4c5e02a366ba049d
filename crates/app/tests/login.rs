//! Login throttling under a burst: the attempt is counted before the password is checked, in
//! one step with the count, so 200 parallel wrong passwords get no more than the limit through
//! to argon2, on both engines.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use talenta_app::Db;
use talenta_app::access::{self, LoginError, Role, SessionRules};
use talenta_fixture::{self as fx};
use talenta_store::testing;

#[test]
fn two_hundred_parallel_wrong_passwords_get_no_more_than_the_limit_checked() {
    for mut t in testing::both() {
        testing::Seed::new("kota-a").store(&mut t.db);
        let tenant = fx::tenant(&mut t.db, "kota-a");
        fx::account(&mut t.db, &tenant, "korban", Role::Operator, None);
        let rules = SessionRules::default();
        let (checked, locked) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        // 20 connections, 10 attempts each, all at once.
        let threads: Vec<_> = (0..20)
            .map(|_| {
                let (url, checked, locked) = (t.url.clone(), checked.clone(), locked.clone());
                std::thread::spawn(move || {
                    let mut db = Db::open(&url).unwrap();
                    for _ in 0..10 {
                        let r = access::login(
                            &mut db,
                            &fx::key(),
                            "korban",
                            "salah-tebak",
                            "203.0.113.9",
                            fx::now(),
                            &rules,
                        )
                        .unwrap();
                        match r {
                            Err(LoginError::Invalid) => checked.fetch_add(1, Ordering::SeqCst),
                            Err(LoginError::Locked { .. }) => locked.fetch_add(1, Ordering::SeqCst),
                            other => panic!("{other:?}"),
                        };
                    }
                })
            })
            .collect();
        for th in threads {
            th.join().unwrap();
        }
        let limit = rules
            .max_failures_per_login
            .min(rules.max_failures_per_address) as usize;
        let checked = checked.load(Ordering::SeqCst);
        assert_eq!(checked + locked.load(Ordering::SeqCst), 200, "{}", t.name);
        assert!(
            checked <= limit,
            "{}: {checked} guesses reached the password check, the limit is {limit}",
            t.name
        );
        assert_eq!(checked, limit, "{}: the limit itself is reached", t.name);
        // The right password is locked out too until the window passes.
        let right_password_at = |db: &mut Db, at| {
            access::login(
                db,
                &fx::key(),
                "korban",
                fx::PASSWORD,
                "203.0.113.9",
                at,
                &rules,
            )
            .unwrap()
        };
        let r = right_password_at(&mut t.db, fx::now());
        assert!(
            matches!(r, Err(LoginError::Locked { .. })),
            "{}: {r:?}",
            t.name
        );
        let later = fx::now() + rules.window + chrono::Duration::seconds(1);
        let r = right_password_at(&mut t.db, later);
        assert!(r.is_ok(), "{}: {r:?}", t.name);
    }
}

#[test]
fn an_api_key_stops_working_after_its_last_day_and_at_once_when_revoked() {
    use talenta_app::AppError;
    use talenta_app::error::Refusal;
    for mut t in testing::both() {
        testing::Seed::new("kota-a").store(&mut t.db);
        let tenant = fx::tenant(&mut t.db, "kota-a");
        let admin = fx::admin(&tenant).grant().unwrap();
        let ctx = fx::ctx();
        let today = fx::now().date_naive();
        let tomorrow = today + chrono::Days::new(1);
        let key =
            access::create_api_key(&mut t.db, &ctx, &admin, "simpeg", Role::Operator, tomorrow)
                .unwrap();
        let at = |days: u64| fx::now() + chrono::Days::new(days);
        assert!(
            access::api_actor(&mut t.db, &key, at(0)).unwrap().is_some(),
            "{}",
            t.name
        );
        assert!(
            access::api_actor(&mut t.db, &key, at(1)).unwrap().is_some(),
            "last day"
        );
        assert!(
            access::api_actor(&mut t.db, &key, at(2)).unwrap().is_none(),
            "expired"
        );

        let other =
            access::create_api_key(&mut t.db, &ctx, &admin, "sapk", Role::Auditor, tomorrow)
                .unwrap();
        assert_eq!(
            access::revoke_api_key(&mut t.db, &ctx, &admin, "sapk").unwrap(),
            1
        );
        assert!(
            access::api_actor(&mut t.db, &other, at(0))
                .unwrap()
                .is_none(),
            "revoked"
        );
        let again = access::revoke_api_key(&mut t.db, &ctx, &admin, "sapk").unwrap_err();
        assert!(
            matches!(&again, AppError::Refused(Refusal::Access(access::Refusal::NoKeyToRevoke { name })) if name == "sapk"),
            "{again:?}"
        );
        let unknown = access::revoke_api_key(&mut t.db, &ctx, &admin, "tidak-ada").unwrap_err();
        assert!(
            matches!(&unknown, AppError::Refused(r @ Refusal::Access(access::Refusal::UnknownKey { name })) if name == "tidak-ada" && r.is_not_found()),
            "{unknown:?}"
        );
        let too_soon = access::create_api_key(&mut t.db, &ctx, &admin, "x", Role::Operator, today)
            .unwrap_err();
        assert!(
            matches!(
                too_soon,
                AppError::Refused(Refusal::Access(access::Refusal::KeyExpiresTooSoon { .. }))
            ),
            "{too_soon:?}"
        );
        let taken =
            access::create_api_key(&mut t.db, &ctx, &admin, " simpeg ", Role::Auditor, tomorrow)
                .unwrap_err();
        assert!(
            matches!(&taken, AppError::Refused(Refusal::Access(access::Refusal::KeyNameTaken { name })) if name == "simpeg"),
            "{taken:?}"
        );
        // A revoked name may be given to a new key.
        access::create_api_key(&mut t.db, &ctx, &admin, "sapk", Role::Auditor, tomorrow).unwrap();
        let actions: Vec<String> =
            t.db.query("SELECT action FROM audit_log ORDER BY seq", &[])
                .unwrap()
                .iter()
                .map(|r| r.text(0).unwrap().to_string())
                .collect();
        assert_eq!(
            actions.iter().filter(|a| *a == "apikey.create").count(),
            3,
            "{actions:?}"
        );
        assert_eq!(
            actions.iter().filter(|a| *a == "apikey.revoke").count(),
            1,
            "{actions:?}"
        );
        let listed = access::api_keys(&mut t.db, &admin, today).unwrap();
        assert_eq!(listed.len(), 3);
        assert!(
            listed
                .iter()
                .any(|k| k.name == "sapk" && k.status == access::KeyStatus::Revoked)
        );
        let later = access::api_keys(&mut t.db, &admin, today + chrono::Days::new(2)).unwrap();
        assert!(
            later
                .iter()
                .any(|k| k.name == "simpeg" && k.status == access::KeyStatus::Expired)
        );
    }
}

#[test]
fn only_the_tenant_administrator_may_manage_api_keys() {
    use talenta_app::capability::ManageAccess;
    for role in Role::ALL {
        let tenant = talenta_domain::master::Tenant {
            id: 1,
            code: "kota-a".into(),
            name: "Kota A".into(),
            rules_version: "v".into(),
        };
        let mut a = fx::admin(&tenant);
        a.role = role;
        assert_eq!(
            a.grant::<ManageAccess>().is_ok(),
            role == Role::TenantAdmin,
            "{role:?}"
        );
    }
}
