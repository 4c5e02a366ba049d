//! Master data records as the rest of the program sees them: units (OPD), positions with their
//! standard, employees, ratings, sanctions and assessment results. Ids are database keys.

use chrono::NaiveDate;

use crate::competency::{CompetencyCode, Level};
use crate::eligibility::{Education, SanctionLevel};
use crate::jpm::Purpose;
use crate::nip::{EmploymentType, Nip, Sex};
use crate::performance::Rating;
use crate::position::{Eselon, PositionClass};
use crate::rank::Golongan;

/// A government body (instansi): the tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenant {
    /// Key.
    pub id: i64,
    /// Short code, e.g. `kota-mojokerto`.
    pub code: String,
    /// Name, e.g. `Pemerintah Kota Mojokerto`.
    pub name: String,
    /// Version of the rule set in force.
    pub rules_version: String,
}

/// A unit (OPD or a part of one); units form a tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Key.
    pub id: i64,
    /// Code, unique within the tenant.
    pub code: String,
    /// Name.
    pub name: String,
    /// Parent unit.
    pub parent_id: Option<i64>,
}

/// A position (jabatan).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// Key.
    pub id: i64,
    /// Code, unique within the tenant.
    pub code: String,
    /// Name.
    pub name: String,
    /// Class.
    pub class: PositionClass,
    /// Legacy eselon of a structural post.
    pub eselon: Option<Eselon>,
    /// Unit the post belongs to.
    pub unit_id: i64,
    /// The superior post.
    pub superior_id: Option<i64>,
}

/// An employee (ASN).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Employee {
    /// Key.
    pub id: i64,
    /// NIP.
    pub nip: Nip,
    /// Full name with titles as written.
    pub name: String,
    /// Sex.
    pub sex: Sex,
    /// Birth date.
    pub birth_date: NaiveDate,
    /// PNS or PPPK.
    pub employment: EmploymentType,
    /// Rank (PNS).
    pub rank: Option<Golongan>,
    /// Highest education.
    pub education: Option<Education>,
    /// Current post.
    pub position_id: Option<i64>,
    /// In the current post since.
    pub position_since: Option<NaiveDate>,
}

/// A sanction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sanction {
    /// Level.
    pub level: SanctionLevel,
    /// Decision date.
    pub decided_on: NaiveDate,
    /// End date.
    pub ends_on: Option<NaiveDate>,
    /// Description.
    pub description: String,
}

/// An annual rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearRating {
    /// Year.
    pub year: i32,
    /// The rating.
    pub rating: Rating,
}

/// An assessment result: achieved levels from one assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentResult {
    /// Key.
    pub id: i64,
    /// Employee.
    pub employee_id: i64,
    /// Date of the assessment.
    pub assessed_on: NaiveDate,
    /// Who assessed (assessment centre, provincial BKD...).
    pub provider: String,
    /// Purpose.
    pub purpose: Purpose,
    /// Achieved level per competency.
    pub levels: Vec<(CompetencyCode, Level)>,
    /// The event of this product that produced it (`None`: imported).
    pub event_id: Option<i64>,
    /// Shown to the person (an event's results wait for publication; imported ones are).
    pub published: bool,
    /// The class of post it was assessed for (`None`: not recorded), for reuse at the same level.
    pub job_class: Option<crate::PositionClass>,
}
