//! Why an event use case refused: each rule with its facts (the words are in the web layer's
//! i18n).

use std::path::PathBuf;

use talenta_domain::Nip;
use talenta_domain::method::UnderMeasured;
use talenta_domain::nip::NipError;
pub use talenta_planning::schedule::{AssessorError, PlacementError};

use crate::import::ImportError;

/// Why an event use case refused.
#[derive(Debug)]
pub enum Refusal {
    /// No event with that code in this tenant.
    NotFound {
        /// The code asked for.
        code: String,
    },
    /// The cohort file cannot be read as a table (its format, size or content).
    CohortFileUnreadable {
        /// The file.
        path: PathBuf,
        /// Why the file cannot be read.
        error: ImportError,
    },
    /// Rows of the cohort file hold no valid NIP: the list is used whole or not at all.
    CohortFileRejected {
        /// The file.
        path: PathBuf,
        /// Every bad row, in file order (the words show the first ten and count the rest).
        problems: Vec<CohortRow>,
    },
    /// The cohort file holds no NIP at all.
    CohortFileEmpty {
        /// The file.
        path: PathBuf,
    },
    /// An event needs at least one day and one session.
    NoDaysOrSessions,
    /// The day capacity, the assessors per participant and the assessor's daily load must be
    /// more than 0.
    ZeroCapacity,
    /// More rooms named than sessions a day: each session has at most one room.
    TooManyRooms {
        /// Rooms named.
        rooms: usize,
        /// Sessions a day.
        sessions: usize,
    },
    /// No assessment method chosen.
    NoMethods,
    /// Competencies measured by fewer methods than the setting requires.
    MethodsShort {
        /// Each competency measured too few times (joined with "; " in the words).
        short: Vec<UnderMeasured>,
    },
    /// The group size range of group exercises is not valid (minimum 0 or above the maximum).
    BadGroupSize {
        /// Smallest group.
        min: u32,
        /// Largest group.
        max: u32,
    },
    /// The share of an OPD's cohort on one day must be 1-100 percent.
    UnitShareOutOfRange {
        /// The percentage given.
        percent: u32,
    },
    /// An event with this code exists already.
    CodeTaken {
        /// The code.
        code: String,
    },
    /// The OPD of the cohort is not a unit of this tenant.
    UnitNotFound {
        /// The unit code given.
        code: String,
    },
    /// Listed NIPs that are not employees holding a post in this tenant.
    NotPostedEmployees {
        /// The NIPs, in list order.
        nips: Vec<Nip>,
    },
    /// No employee matches the cohort criteria.
    EmptyCohort,
    /// An assessor with neither a name nor a NIP.
    AssessorUnnamed,
    /// The same assessor (by NIP, else by name) given twice.
    AssessorTwice {
        /// The name as given.
        name: String,
    },
    /// An internal assessor's NIP is not an employee of this tenant.
    InternalAssessorUnknown {
        /// The NIP given.
        nip: Nip,
    },
    /// The login is not an account with the assessor role in this tenant.
    NotAssessorAccount {
        /// The login given.
        login: String,
    },
    /// The event's schedule is published and locked.
    Locked {
        /// The event code.
        code: String,
    },
    /// Publishing needs every participant scheduled (and at least one participant).
    NotFullyScheduled {
        /// The event code.
        code: String,
    },
    /// A day number outside the event.
    DayMissing {
        /// The day asked for (from 1).
        day: u32,
        /// Days of the event.
        days: u32,
    },
    /// The employee is not a participant of this event.
    NotParticipant {
        /// The employee's name.
        name: String,
    },
    /// No assessor of this event has that name.
    AssessorNotInEvent {
        /// The name as given.
        name: String,
    },
    /// A declared conflict needs the relation named.
    RelationMissing,
    /// The participant has no slot yet.
    NotScheduled {
        /// The participant's name.
        name: String,
    },
    /// The participant is checked in already.
    AlreadyCheckedIn {
        /// The participant's name.
        name: String,
    },
    /// The schedule is published: only a participant who did not come may be moved.
    PublishedOnlyNoShow {
        /// The event code.
        code: String,
    },
    /// A participant who came cannot be rescheduled as a no-show.
    AlreadyAttended {
        /// The participant's name.
        name: String,
    },
    /// The event has no such day and session.
    SessionMissing {
        /// Day number from 1.
        day: u32,
        /// Session number from 1.
        session: u32,
    },
    /// The participant cannot come that day.
    Unavailable {
        /// The participant's name.
        name: String,
        /// Day number from 1.
        day: u32,
    },
    /// The session's seats are taken.
    SessionFull {
        /// Day number from 1.
        day: u32,
        /// Session number from 1.
        session: u32,
        /// Seats of the session.
        seats: u32,
    },
    /// The day holds its most participants already.
    DayFull {
        /// Day number from 1.
        day: u32,
        /// Most participants a day.
        capacity: u32,
    },
    /// The day holds the most participants of the participant's OPD already.
    UnitDayLimit {
        /// Day number from 1.
        day: u32,
        /// Participants of the same OPD that day.
        count: u32,
        /// The OPD's daily limit.
        limit: u32,
    },
    /// Too few conflict-free assessors with room left that day for the participant.
    NoFreeAssessors {
        /// Assessors needed.
        need: usize,
        /// Day number from 1.
        day: u32,
        /// The participant's name.
        name: String,
    },
    /// No placement of the participants into days and sessions exists.
    CannotPlace {
        /// The planner's reason (kept as the planning crate's typed error).
        error: PlacementError,
        /// For [`PlacementError::NoDay`]: the names of those participants, in its order (the
        /// words show the first ten); empty otherwise.
        names: Vec<String>,
        /// For [`PlacementError::Short`]: the binding days whose available assessors, not their
        /// seats, limit them; empty otherwise.
        assessor_limits: Vec<DayLimit>,
    },
    /// Assessors cannot be assigned to every participant.
    CannotAssign {
        /// The planner's reason (kept as the planning crate's typed error).
        error: AssessorError,
        /// For [`AssessorError::NoFreeAssessor`]: the names of those participants, in its order
        /// (the words show the first ten); empty otherwise.
        names: Vec<String>,
    },
    /// A session's participants cannot be split into groups of the set size.
    GroupsImpossible {
        /// Day number from 1.
        day: u32,
        /// Session number from 1.
        session: u32,
        /// Participants in the session.
        participants: usize,
        /// Smallest group.
        min: u32,
        /// Largest group.
        max: u32,
    },
    /// The event has no schedule yet.
    NoSchedule {
        /// The event code.
        code: String,
    },
}

/// A bad row of a cohort file.
#[derive(Debug, Clone, PartialEq)]
pub enum CohortRow {
    /// The NIP was stored as a number and lost its last digits.
    NipAsNumber {
        /// Row number in the file.
        row: usize,
        /// The number as stored.
        number: f64,
    },
    /// The text is not a NIP.
    BadNip {
        /// Row number in the file.
        row: usize,
        /// Why.
        error: NipError,
    },
}

/// A day whose available assessors can assess fewer participants than its seats hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayLimit {
    /// Day number from 1.
    pub day: u32,
    /// Most participants the day's assessors can assess.
    pub most: u32,
}
