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
        let r = access::login(
            &mut t.db,
            &fx::key(),
            "korban",
            fx::PASSWORD,
            "203.0.113.9",
            fx::now(),
            &rules,
        )
        .unwrap();
        assert!(
            matches!(r, Err(LoginError::Locked { .. })),
            "{}: {r:?}",
            t.name
        );
        let later = fx::now() + rules.window + chrono::Duration::seconds(1);
        let r = access::login(
            &mut t.db,
            &fx::key(),
            "korban",
            fx::PASSWORD,
            "203.0.113.9",
            later,
            &rules,
        )
        .unwrap();
        assert!(r.is_ok(), "{}: {r:?}", t.name);
    }
}
