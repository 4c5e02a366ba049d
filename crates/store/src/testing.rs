//! Fresh databases for tests: a new SQLite file and a new PostgreSQL database in the
//! throwaway cluster named by `TALENTA_TEST_PG` (started by `scripts/test.sh`).
//! Without that variable the PostgreSQL half fails loudly, unless `TALENTA_TEST_SKIP_PG=1`
//! says it is skipped on purpose (quick local runs only; CI always has it). [`Seed`] writes a
//! tenant's units, positions, standards and employees for a test in a few lines.

#![allow(clippy::expect_used, clippy::panic)] // test support: a failed setup must stop the test loudly

use std::sync::atomic::{AtomicU32, Ordering};

use std::collections::HashMap;

use talenta_domain::competency::{CompetencyCode, CoreCompetency, Level};
use talenta_domain::master::Tenant;
use talenta_domain::position::{Eselon, PositionClass};
use talenta_domain::{Nip, RuleSet};

use crate::{Db, master, schema};

/// A migrated database and what keeps it alive.
pub struct TestDb {
    /// Engine name for assertion messages.
    pub name: &'static str,
    /// The connection.
    pub db: Db,
    /// URL to open more connections to the same database.
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

/// The instant test databases record for their migrations and tenants: 27 November 2026,
/// 08:00 UTC (the fixed clock of every test).
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_795_766_400, 0).expect("a fixed instant")
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A fresh, migrated SQLite file in a temp dir.
pub fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = dir.path().join("talenta.sqlite").display().to_string();
    let mut db = Db::open(&url).expect("open sqlite");
    schema::migrate(&mut db, now()).expect("migrate sqlite");
    TestDb {
        name: "sqlite",
        db,
        url,
        _dir: Some(dir),
    }
}

/// A fresh, migrated PostgreSQL database, or `None` when skipping is requested.
pub fn postgres() -> Option<TestDb> {
    let base = match std::env::var("TALENTA_TEST_PG") {
        Ok(b) => b,
        Err(_) if std::env::var("TALENTA_TEST_SKIP_PG").is_ok_and(|v| v == "1") => return None,
        Err(_) => panic!(
            "TALENTA_TEST_PG is not set: run the tests with scripts/test.sh, which starts a throwaway \
             PostgreSQL cluster (or set TALENTA_TEST_SKIP_PG=1 to skip PostgreSQL on purpose)"
        ),
    };
    let name = format!(
        "t_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    );
    let mut admin = Db::open(&base).expect("connect to the test cluster");
    admin
        .batch(&format!("CREATE DATABASE {name}"))
        .expect("create test database");
    let url = format!("{base} dbname={name}");
    let mut db = Db::open(&url).expect("open test database");
    schema::migrate(&mut db, now()).expect("migrate postgres");
    Some(TestDb {
        name: "postgres",
        db,
        url,
        _dir: None,
    })
}

/// Both engines: a fresh SQLite file and a fresh PostgreSQL database.
pub fn both() -> Vec<TestDb> {
    let mut v = vec![sqlite()];
    v.extend(postgres());
    v
}

/// A tenant's master data for a test, in a few lines:
///
/// ```text
/// let s = Seed::new("kota-a")
///     .unit("BKPSDM", "Badan Kepegawaian", None)
///     .position("KABID", "Kepala Bidang", PositionClass::Administrator, Some(Eselon::IIIB), "BKPSDM", None)
///     .standard("KABID", 3)
///     .employee("198001012005011001", "Pegawai A", Some("KABID"))
///     .store(&mut db);
/// ```
///
/// Units, positions, standards and employees go through the same upserts an import uses.
#[derive(Debug, Clone, Default)]
pub struct Seed {
    code: String,
    units: Vec<master::UnitInput>,
    positions: Vec<master::PositionInput>,
    standards: Vec<master::StandardInput>,
    employees: Vec<master::EmployeeInput>,
}

/// What [`Seed::store`] wrote: the tenant and the ids of its positions and employees.
#[derive(Debug, Clone)]
pub struct Seeded {
    /// The tenant.
    pub tenant: Tenant,
    /// Position id by code.
    pub positions: HashMap<String, i64>,
    /// Employee id by NIP digits.
    pub employees: HashMap<String, i64>,
}

impl Seeded {
    /// The id of the position `code`.
    pub fn position(&self, code: &str) -> i64 {
        *self.positions.get(code).expect("a seeded position")
    }

    /// The id of the employee with the NIP `nip`.
    pub fn employee(&self, nip: &str) -> i64 {
        *self.employees.get(nip).expect("a seeded employee")
    }
}

impl Seed {
    /// A tenant `code` (a city, named "Pemerintah {code}", the default rule set).
    pub fn new(code: &str) -> Seed {
        Seed {
            code: code.into(),
            ..Seed::default()
        }
    }

    /// A unit under `parent` (or at the top).
    pub fn unit(mut self, code: &str, name: &str, parent: Option<&str>) -> Seed {
        self.units.push(master::UnitInput {
            code: code.into(),
            name: name.into(),
            parent_code: parent.map(Into::into),
        });
        self
    }

    /// A position in `unit` under the post `superior`.
    pub fn position(
        mut self,
        code: &str,
        name: &str,
        class: PositionClass,
        eselon: Option<Eselon>,
        unit: &str,
        superior: Option<&str>,
    ) -> Seed {
        self.positions.push(master::PositionInput {
            code: code.into(),
            name: name.into(),
            class,
            eselon,
            unit_code: unit.into(),
            superior_code: superior.map(Into::into),
        });
        self
    }

    /// The nine core competencies of `position` at the whole level `level`.
    pub fn standard(mut self, position: &str, level: u8) -> Seed {
        let level = Level::whole(level).expect("a level from 1 to 5");
        self.standards
            .extend(CoreCompetency::ALL.iter().map(|c| master::StandardInput {
                position_code: position.into(),
                competency: CompetencyCode::Core(*c),
                level,
            }));
        self
    }

    /// An employee (sex, birth date and employment from the NIP) holding `position`.
    pub fn employee(mut self, nip: &str, name: &str, position: Option<&str>) -> Seed {
        self.employees.push(employee_input(nip, name, position));
        self
    }

    /// Writes it all; returns the tenant and the new ids.
    pub fn store(self, db: &mut Db) -> Seeded {
        let tenant = master::create_tenant(
            db,
            &self.code,
            &format!("Pemerintah {}", self.code),
            "kota",
            &RuleSet::default(),
            now(),
        )
        .expect("create the tenant");
        master::upsert_units(db, tenant.id, &self.units).expect("units");
        master::upsert_positions(db, tenant.id, &self.positions).expect("positions");
        master::upsert_standards(db, tenant.id, &self.standards).expect("standards");
        master::upsert_employees(db, tenant.id, &self.employees).expect("employees");
        let positions = master::list_positions(db, tenant.id)
            .expect("positions")
            .into_iter()
            .map(|p| (p.code, p.id))
            .collect();
        let employees = master::employee_ids(db, tenant.id).expect("employees");
        Seeded {
            tenant,
            positions,
            employees,
        }
    }
}

/// An employee record whose sex, birth date and employment come from the NIP.
pub fn employee_input(nip: &str, name: &str, position: Option<&str>) -> master::EmployeeInput {
    let nip = Nip::parse(nip).expect("a valid NIP");
    master::EmployeeInput {
        nip,
        name: name.into(),
        sex: nip.sex(),
        birth_date: nip.birth_date(),
        employment: nip.employment_type(),
        rank: None,
        education: None,
        position_code: position.map(Into::into),
        position_since: None,
    }
}
