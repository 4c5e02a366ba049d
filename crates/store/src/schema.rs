//! Migrations for both engines. The SQL is portable: BIGINT and TEXT columns, dates as ISO
//! text, levels as integer tenths; only the identity column differs (`@ID@`). Every table with
//! tenant data carries `tenant_id` so PostgreSQL can later partition by tenant.

use crate::{Db, Engine, StoreError};

/// Migrations in order; each runs once, in a transaction.
const MIGRATIONS: &[(i64, &str)] = &[
    (
        1,
        r#"
CREATE TABLE tenants (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  rules_version TEXT NOT NULL
);
CREATE TABLE rule_sets (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  version TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, version)
);
CREATE TABLE units (
  id @ID@,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  parent_id BIGINT REFERENCES units(id),
  UNIQUE (tenant_id, code)
);
CREATE TABLE positions (
  id @ID@,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  class TEXT NOT NULL,
  eselon TEXT,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  superior_id BIGINT REFERENCES positions(id),
  UNIQUE (tenant_id, code)
);
CREATE INDEX positions_unit ON positions(unit_id);
CREATE TABLE position_standards (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  position_id BIGINT NOT NULL REFERENCES positions(id),
  competency TEXT NOT NULL,
  required_tenths BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, position_id, competency)
);
CREATE INDEX position_standards_position ON position_standards(position_id);
CREATE TABLE employees (
  id @ID@,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  nip TEXT NOT NULL,
  name TEXT NOT NULL,
  sex TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  employment TEXT NOT NULL,
  rank TEXT,
  education TEXT,
  position_id BIGINT REFERENCES positions(id),
  position_since TEXT,
  UNIQUE (tenant_id, nip)
);
CREATE INDEX employees_position ON employees(position_id);
CREATE TABLE performance_ratings (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  employee_id BIGINT NOT NULL REFERENCES employees(id),
  year BIGINT NOT NULL,
  predikat TEXT,
  score_hundredths BIGINT,
  PRIMARY KEY (tenant_id, employee_id, year)
);
CREATE INDEX performance_ratings_employee ON performance_ratings(employee_id);
CREATE TABLE sanctions (
  id @ID@,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  employee_id BIGINT NOT NULL REFERENCES employees(id),
  level TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  ends_on TEXT,
  description TEXT NOT NULL,
  UNIQUE (tenant_id, employee_id, decided_on, level)
);
CREATE INDEX sanctions_employee ON sanctions(employee_id);
CREATE TABLE assessment_results (
  id @ID@,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  employee_id BIGINT NOT NULL REFERENCES employees(id),
  assessed_on TEXT NOT NULL,
  provider TEXT NOT NULL,
  purpose TEXT NOT NULL,
  UNIQUE (tenant_id, employee_id, assessed_on, provider)
);
CREATE INDEX assessment_results_employee ON assessment_results(employee_id);
CREATE TABLE assessment_result_levels (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  result_id BIGINT NOT NULL REFERENCES assessment_results(id),
  competency TEXT NOT NULL,
  achieved_tenths BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, result_id, competency)
);
CREATE INDEX assessment_result_levels_result ON assessment_result_levels(result_id);
"#,
    ),
    (
        2,
        r#"
CREATE TABLE audit_log (
  tenant_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_mac TEXT NOT NULL,
  mac TEXT NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_log_subject ON audit_log(tenant_id, subject);
CREATE TABLE audit_heads (
  tenant_id BIGINT PRIMARY KEY,
  seq BIGINT NOT NULL,
  mac TEXT NOT NULL
);
"#,
    ),
    (
        3,
        r#"
CREATE TABLE accounts (
  id @ID@,
  login TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE memberships (
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  role TEXT NOT NULL,
  employee_id BIGINT REFERENCES employees(id),
  PRIMARY KEY (account_id, tenant_id)
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_account ON sessions(account_id);
CREATE TABLE api_keys (
  id @ID@,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE login_failures (
  id @ID@,
  login TEXT NOT NULL,
  address TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_failures_login ON login_failures(login, at);
CREATE INDEX login_failures_address ON login_failures(address, at);
CREATE INDEX employees_name ON employees(tenant_id, name);
"#,
    ),
    (
        4,
        r#"
CREATE TABLE import_reports (
  id TEXT PRIMARY KEY,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  created_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  body TEXT NOT NULL
);
"#,
    ),
    (
        5,
        r#"
CREATE TABLE position_history (
  id @ID@,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  employee_id BIGINT NOT NULL REFERENCES employees(id),
  position_id BIGINT NOT NULL REFERENCES positions(id),
  started_on TEXT,
  ended_on TEXT
);
CREATE INDEX position_history_employee ON position_history(employee_id);
"#,
    ),
    (
        6,
        r#"
ALTER TABLE employees ADD COLUMN search_key TEXT;
UPDATE employees SET search_key = LOWER(name) || ' ' || nip;
"#,
    ),
    (
        7,
        r#"
CREATE TABLE events (
  id @ID@,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  purpose TEXT NOT NULL,
  day_capacity BIGINT NOT NULL,
  per_participant BIGINT NOT NULL,
  max_per_assessor_day BIGINT NOT NULL,
  unit_share_percent BIGINT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (tenant_id, code)
);
CREATE TABLE event_sessions (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  event_id BIGINT NOT NULL REFERENCES events(id),
  day_no BIGINT NOT NULL,
  day_date TEXT NOT NULL,
  session_no BIGINT NOT NULL,
  capacity BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, event_id, day_no, session_no)
);
CREATE TABLE event_participants (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  event_id BIGINT NOT NULL REFERENCES events(id),
  employee_id BIGINT NOT NULL REFERENCES employees(id),
  unavailable TEXT NOT NULL,
  day_no BIGINT,
  session_no BIGINT,
  PRIMARY KEY (tenant_id, event_id, employee_id)
);
CREATE TABLE event_assessors (
  id @ID@,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  event_id BIGINT NOT NULL REFERENCES events(id),
  name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  employee_id BIGINT REFERENCES employees(id),
  unavailable TEXT NOT NULL,
  UNIQUE (tenant_id, event_id, name)
);
CREATE TABLE event_declared_conflicts (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  event_id BIGINT NOT NULL REFERENCES events(id),
  assessor_id BIGINT NOT NULL REFERENCES event_assessors(id),
  employee_id BIGINT NOT NULL REFERENCES employees(id),
  relation TEXT NOT NULL,
  PRIMARY KEY (tenant_id, event_id, assessor_id, employee_id)
);
CREATE TABLE event_assignments (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  event_id BIGINT NOT NULL REFERENCES events(id),
  employee_id BIGINT NOT NULL REFERENCES employees(id),
  assessor_id BIGINT NOT NULL REFERENCES event_assessors(id),
  PRIMARY KEY (tenant_id, event_id, employee_id, assessor_id)
);
"#,
    ),
    (
        8,
        r#"
ALTER TABLE event_participants ADD COLUMN attended_at TEXT;
"#,
    ),
    (
        9,
        r#"
ALTER TABLE events ADD COLUMN methods TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN group_min BIGINT NOT NULL DEFAULT 4;
ALTER TABLE events ADD COLUMN group_max BIGINT NOT NULL DEFAULT 8;
ALTER TABLE event_participants ADD COLUMN group_no BIGINT;
"#,
    ),
    (
        10,
        r#"
ALTER TABLE event_sessions ADD COLUMN room TEXT NOT NULL DEFAULT '';
ALTER TABLE event_assessors ADD COLUMN level TEXT NOT NULL DEFAULT '';
"#,
    ),
    (
        11,
        r#"
ALTER TABLE events ADD COLUMN matrix TEXT NOT NULL DEFAULT '';
"#,
    ),
    (
        12,
        r#"
CREATE TABLE scores (
  id @ID@,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  event_id BIGINT NOT NULL REFERENCES events(id),
  employee_id BIGINT NOT NULL REFERENCES employees(id),
  assessor_id BIGINT NOT NULL REFERENCES event_assessors(id),
  method TEXT NOT NULL,
  competency TEXT NOT NULL,
  level_tenths BIGINT,
  evidence TEXT NOT NULL,
  submitted BIGINT NOT NULL,
  version BIGINT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (tenant_id, event_id, employee_id, assessor_id, method, competency)
);
"#,
    ),
    (
        13,
        r#"
ALTER TABLE event_assessors ADD COLUMN account_id BIGINT REFERENCES accounts(id);
ALTER TABLE events ADD COLUMN integration_rule TEXT NOT NULL DEFAULT 'rerata';
ALTER TABLE events ADD COLUMN missing_rule TEXT NOT NULL DEFAULT 'lewati';
ALTER TABLE events ADD COLUMN results_published_at TEXT;
ALTER TABLE assessment_results ADD COLUMN event_id BIGINT REFERENCES events(id);
ALTER TABLE assessment_results ADD COLUMN published BIGINT NOT NULL DEFAULT 1;
ALTER TABLE assessment_results ADD COLUMN job_class TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX assessment_results_event ON assessment_results(tenant_id, event_id, employee_id);
CREATE INDEX assessment_results_by_event ON assessment_results(event_id);
-- covering: integrating an event reads only this index, never the rows with their evidence
CREATE INDEX scores_event ON scores(tenant_id, event_id, submitted, employee_id, assessor_id, method, competency, level_tenths);
CREATE TABLE consensus_decisions (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  event_id BIGINT NOT NULL REFERENCES events(id),
  employee_id BIGINT NOT NULL REFERENCES employees(id),
  competency TEXT NOT NULL,
  level_tenths BIGINT NOT NULL,
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  version BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, event_id, employee_id, competency)
);
"#,
    ),
    (
        14,
        r#"
CREATE TABLE selections (
  id @ID@,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  stages TEXT NOT NULL,
  quorum BIGINT NOT NULL,
  requirements TEXT NOT NULL,
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  acting_head BIGINT NOT NULL,
  election_dates TEXT NOT NULL,
  publish_scores BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (tenant_id, code)
);
CREATE TABLE selection_posts (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  selection_id BIGINT NOT NULL REFERENCES selections(id),
  position_id BIGINT NOT NULL REFERENCES positions(id),
  PRIMARY KEY (tenant_id, selection_id, position_id)
);
CREATE TABLE selection_panel (
  id @ID@,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  selection_id BIGINT NOT NULL REFERENCES selections(id),
  name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  external BIGINT NOT NULL,
  chair BIGINT NOT NULL,
  account_id BIGINT REFERENCES accounts(id),
  UNIQUE (tenant_id, selection_id, name)
);
CREATE TABLE selection_applicants (
  id @ID@,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  selection_id BIGINT NOT NULL REFERENCES selections(id),
  position_id BIGINT NOT NULL REFERENCES positions(id),
  employee_id BIGINT REFERENCES employees(id),
  name TEXT NOT NULL,
  profile TEXT NOT NULL,
  auto_check TEXT NOT NULL,
  admin_status TEXT NOT NULL,
  admin_reason TEXT NOT NULL,
  admin_by TEXT NOT NULL,
  applied_at TEXT NOT NULL
);
CREATE TABLE selection_conflicts (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  selection_id BIGINT NOT NULL REFERENCES selections(id),
  member_id BIGINT NOT NULL REFERENCES selection_panel(id),
  applicant_id BIGINT NOT NULL REFERENCES selection_applicants(id),
  relation TEXT NOT NULL,
  PRIMARY KEY (tenant_id, member_id, applicant_id)
);
CREATE TABLE selection_scores (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  selection_id BIGINT NOT NULL REFERENCES selections(id),
  applicant_id BIGINT NOT NULL REFERENCES selection_applicants(id),
  stage TEXT NOT NULL,
  member_id BIGINT NOT NULL REFERENCES selection_panel(id),
  score BIGINT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, applicant_id, stage, member_id)
);
CREATE TABLE selection_outcomes (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  selection_id BIGINT NOT NULL REFERENCES selections(id),
  applicant_id BIGINT NOT NULL REFERENCES selection_applicants(id),
  stage TEXT NOT NULL,
  passed BIGINT NOT NULL,
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, applicant_id, stage)
);
CREATE TABLE selection_closures (
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  selection_id BIGINT NOT NULL REFERENCES selections(id),
  stage TEXT NOT NULL,
  closed_by TEXT NOT NULL,
  closed_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, selection_id, stage)
);
CREATE TABLE selection_decisions (
  id @ID@,
  tenant_id BIGINT NOT NULL REFERENCES tenants(id),
  selection_id BIGINT NOT NULL REFERENCES selections(id),
  position_id BIGINT NOT NULL REFERENCES positions(id),
  step TEXT NOT NULL,
  applicant_id BIGINT REFERENCES selection_applicants(id),
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL
);
"#,
    ),
    (
        15,
        r#"
ALTER TABLE tenants ADD COLUMN directory_version BIGINT NOT NULL DEFAULT 0;
"#,
    ),
    (
        16,
        r#"
CREATE TABLE backups (
  id @ID@,
  taken_at TEXT NOT NULL,
  file TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BIGINT NOT NULL
);
"#,
    ),
    (
        17,
        r#"
ALTER TABLE api_keys ADD COLUMN expires_on TEXT;
"#,
    ),
    (
        18,
        r#"
CREATE INDEX scores_assessor ON scores(tenant_id, event_id, assessor_id, employee_id, level_tenths, submitted);
"#,
    ),
];

/// Highest schema version this program knows.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map(|m| m.0).unwrap_or(0)
}

/// Brings the schema up to date; safe to run on every start.
pub fn migrate(db: &mut Db, now: chrono::DateTime<chrono::Utc>) -> Result<i64, StoreError> {
    db.batch("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)")?;
    let current = db
        .query_opt("SELECT MAX(version) FROM schema_migrations", &[])?
        .and_then(|r| r.opt_int(0).ok().flatten())
        .unwrap_or(0);
    if current > latest_version() {
        return Err(StoreError::SchemaTooNew {
            found: current,
            supported: latest_version(),
        });
    }
    let id = match db.engine() {
        Engine::Sqlite => "INTEGER PRIMARY KEY",
        Engine::Postgres => "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    };
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
        let sql = sql.replace("@ID@", id);
        db.transaction(|tx| -> Result<(), StoreError> {
            tx.batch(&sql)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                &[(*version).into(), now.to_rfc3339().as_str().into()],
            )?;
            Ok(())
        })?;
    }
    Ok(latest_version())
}
