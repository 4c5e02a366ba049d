//! talenta-domain: the rules of competency assessment and talent management of Indonesian civil
//! servants as pure code (no I/O). See `shared/domain.md` for the sources.

pub mod competency;
pub mod conflict;
pub mod development;
pub mod eligibility;
pub mod event;
pub mod integration;
pub mod jpm;
pub mod master;
pub mod method;
pub mod nip;
pub mod performance;
pub mod position;
pub mod rank;
pub mod rules;
pub mod selection;
pub mod succession;
pub mod talent;
pub mod validity;

pub use competency::{CompetencyCode, CoreCompetency, Level};
pub use jpm::{Category, Jpm, Purpose};
pub use nip::{EmploymentType, Nip, Sex};
pub use position::{Eselon, Jenjang, PositionClass, Rung};
pub use rank::Golongan;
pub use rules::RuleSet;
