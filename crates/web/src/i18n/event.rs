//! Why event use cases refused, in words.

use talenta_app::event::{AssessorError, CohortRow, DayLimit, PlacementError, Refusal as R};
use talenta_app::import::ImportError;
use talenta_domain::method::UnderMeasured;
use talenta_domain::nip::NipError;

use super::Lang;

/// At most this many rows or names are shown; the rest are counted.
const SHOWN: usize = 10;

/// The refusal in the page's language.
pub(super) fn say(r: &R, lang: Lang) -> String {
    match r {
        R::NotFound { code } => lang.pick(
            format!("acara '{code}' tidak ditemukan"),
            format!("event '{code}' not found"),
        ),
        R::CohortFileUnreadable { path, error } => {
            let path = path.display();
            lang.pick(
                format!("daftar peserta {path}: {error}"),
                format!("cohort list {path}: {}", import_en(error)),
            )
        }
        R::CohortFileRejected { path, problems } => {
            let path = path.display();
            let shown: Vec<String> = problems
                .iter()
                .take(SHOWN)
                .map(|p| cohort_row(p, lang))
                .collect();
            let more = problems.len().saturating_sub(SHOWN);
            let rest = match more {
                0 => String::new(),
                _ => lang.pick(
                    format!(" (dan {more} baris lain)"),
                    format!(" (and {more} more rows)"),
                ),
            };
            let shown = shown.join("; ");
            lang.pick(
                format!("daftar peserta {path} ditolak: {shown}{rest}"),
                format!("cohort list {path} refused: {shown}{rest}"),
            )
        }
        R::CohortFileEmpty { path } => {
            let path = path.display();
            lang.pick(
                format!("daftar peserta {path} tidak berisi NIP"),
                format!("cohort list {path} holds no NIP"),
            )
        }
        R::NoDaysOrSessions => lang
            .pick(
                "acara membutuhkan paling sedikit satu hari dan satu sesi",
                "an event needs at least one day and one session",
            )
            .to_string(),
        R::ZeroCapacity => lang
            .pick(
                "kapasitas harian, jumlah asesor per peserta dan beban asesor per hari harus lebih dari 0",
                "the day capacity, the assessors per participant and the assessor's load per day must be more than 0",
            )
            .to_string(),
        R::TooManyRooms { rooms, sessions } => lang.pick(
            format!(
                "{rooms} ruang disebut untuk {sessions} sesi sehari: setiap sesi paling banyak satu ruang"
            ),
            format!(
                "{rooms} rooms named for {sessions} sessions a day: each session has at most one room"
            ),
        ),
        R::NoMethods => lang
            .pick(
                "pilih paling sedikit satu metode asesmen",
                "choose at least one assessment method",
            )
            .to_string(),
        R::MethodsShort { short } => {
            let all: Vec<String> = short.iter().map(|u| under_measured(u, lang)).collect();
            let all = all.join("; ");
            lang.pick(
                format!("metode tidak cukup: {all}"),
                format!("not enough methods: {all}"),
            )
        }
        R::BadGroupSize { min, max } => lang.pick(
            format!("ukuran kelompok {min}-{max} tidak sah"),
            format!("group size {min}-{max} is not valid"),
        ),
        R::UnitShareOutOfRange { percent } => lang.pick(
            format!("bagian unit per hari {percent}% harus 1-100"),
            format!("unit share per day {percent}% must be 1-100"),
        ),
        R::CodeTaken { code } => lang.pick(
            format!("acara dengan kode '{code}' sudah ada"),
            format!("an event with code '{code}' already exists"),
        ),
        R::UnitNotFound { code } => lang.pick(
            format!("unit kerja '{code}' tidak ditemukan"),
            format!("unit '{code}' not found"),
        ),
        R::NotPostedEmployees { nips } => {
            let nips: Vec<String> = nips.iter().map(|n| n.to_string()).collect();
            let nips = nips.join(", ");
            lang.pick(
                format!("NIP berikut bukan pegawai berjabatan di instansi ini: {nips}"),
                format!("these NIPs are not employees holding a post in this government: {nips}"),
            )
        }
        R::EmptyCohort => lang
            .pick(
                "tidak ada pegawai yang memenuhi kriteria peserta",
                "no employee meets the participant criteria",
            )
            .to_string(),
        R::AssessorUnnamed => lang
            .pick(
                "setiap asesor membutuhkan nama atau NIP",
                "every assessor needs a name or a NIP",
            )
            .to_string(),
        R::AssessorTwice { name } => lang.pick(
            format!("asesor '{name}' disebut dua kali"),
            format!("assessor '{name}' is given twice"),
        ),
        R::InternalAssessorUnknown { nip } => lang.pick(
            format!("asesor internal dengan NIP {nip} bukan pegawai instansi ini"),
            format!("internal assessor with NIP {nip} is not an employee of this government"),
        ),
        R::NotAssessorAccount { login } => lang.pick(
            format!("akun '{login}' bukan akun asesor di instansi ini"),
            format!("account '{login}' is not an assessor account in this government"),
        ),
        R::Locked { code } => lang.pick(
            format!("jadwal acara '{code}' sudah diterbitkan dan terkunci"),
            format!("the schedule of event '{code}' is published and locked"),
        ),
        R::NotFullyScheduled { code } => lang.pick(
            format!("acara '{code}' belum terjadwal lengkap; susun jadwal dahulu"),
            format!("event '{code}' is not fully scheduled; plan the schedule first"),
        ),
        R::DayMissing { day, days } => lang.pick(
            format!("hari {day} tidak ada; acara ini {days} hari"),
            format!("there is no day {day}; this event has {days} days"),
        ),
        R::NotParticipant { name } => lang.pick(
            format!("{name} bukan peserta acara ini"),
            format!("{name} is not a participant of this event"),
        ),
        R::AssessorNotInEvent { name } => lang.pick(
            format!("asesor '{name}' tidak ada dalam acara ini"),
            format!("assessor '{name}' is not in this event"),
        ),
        R::RelationMissing => lang
            .pick(
                "sebutkan hubungannya, mis. saudara kandung",
                "name the relation, e.g. sibling",
            )
            .to_string(),
        R::NotScheduled { name } => lang.pick(
            format!("{name} belum mendapat jadwal"),
            format!("{name} has no slot in the schedule yet"),
        ),
        R::AlreadyCheckedIn { name } => lang.pick(
            format!("{name} sudah tercatat hadir"),
            format!("{name} is already checked in"),
        ),
        R::PublishedOnlyNoShow { code } => lang.pick(
            format!(
                "jadwal acara '{code}' sudah diterbitkan; hanya peserta yang tidak hadir yang dapat dijadwalkan ulang"
            ),
            format!(
                "the schedule of event '{code}' is published; only a participant who did not come can be rescheduled"
            ),
        ),
        R::AlreadyAttended { name } => lang.pick(
            format!("{name} sudah hadir; tidak dapat dijadwalkan ulang sebagai tidak hadir"),
            format!("{name} has attended; cannot be rescheduled as a no-show"),
        ),
        R::SessionMissing { day, session } => lang.pick(
            format!("hari {day} sesi {session} tidak ada dalam acara ini"),
            format!("day {day} session {session} is not in this event"),
        ),
        R::Unavailable { name, day } => lang.pick(
            format!("{name} tidak dapat hadir pada hari {day}"),
            format!("{name} cannot come on day {day}"),
        ),
        R::SessionFull {
            day,
            session,
            seats,
        } => lang.pick(
            format!("hari {day} sesi {session} sudah penuh ({seats} kursi)"),
            format!("day {day} session {session} is full ({seats} seats)"),
        ),
        R::DayFull { day, capacity } => lang.pick(
            format!("hari {day} sudah penuh ({capacity} peserta)"),
            format!("day {day} is full ({capacity} participants)"),
        ),
        R::UnitDayLimit { day, count, limit } => lang.pick(
            format!(
                "hari {day} sudah memuat {count} peserta dari unit kerja yang sama (batas {limit})"
            ),
            format!("day {day} already holds {count} participants from the same unit (limit {limit})"),
        ),
        R::NoFreeAssessors { need, day, name } => lang.pick(
            format!(
                "tidak ada {need} asesor bebas konflik kepentingan yang masih longgar pada hari {day} untuk {name}"
            ),
            format!(
                "there are not {need} assessors free of conflicts of interest with room left on day {day} for {name}"
            ),
        ),
        R::CannotPlace {
            error,
            names,
            assessor_limits,
        } => {
            let detail = placement(error, names, assessor_limits, lang);
            lang.pick(
                format!("jadwal tidak dapat disusun: {detail}"),
                format!("the schedule cannot be made: {detail}"),
            )
        }
        R::CannotAssign { error, names } => {
            let detail = match error {
                AssessorError::NoFreeAssessor { .. } => {
                    format!("{}: {}", assessor_error(error, lang), first(names))
                }
                AssessorError::DayShort { .. } => assessor_error(error, lang),
            };
            lang.pick(
                format!("asesor tidak dapat ditugaskan: {detail}"),
                format!("assessors cannot be assigned: {detail}"),
            )
        }
        R::GroupsImpossible {
            day,
            session,
            participants,
            min,
            max,
        } => lang.pick(
            format!(
                "hari {day} sesi {session}: {participants} peserta tidak dapat dibagi menjadi kelompok {min}-{max} orang"
            ),
            format!(
                "day {day} session {session}: {participants} participants cannot be split into groups of {min}-{max} people"
            ),
        ),
        R::NoSchedule { code } => lang.pick(
            format!("acara '{code}' belum memiliki jadwal: jalankan penyusunan jadwal dahulu"),
            format!("event '{code}' has no schedule yet: plan the schedule first"),
        ),
    }
}

/// The first names, joined with ", ".
fn first(names: &[String]) -> String {
    names
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why no placement exists, with the names or the days the assessors limit.
fn placement(e: &PlacementError, names: &[String], limits: &[DayLimit], lang: Lang) -> String {
    let text = match lang {
        // The planning crate words its errors in Bahasa Indonesia.
        Lang::Id => e.to_string(),
        Lang::En => placement_en(e),
    };
    match e {
        PlacementError::NoDay { .. } => format!("{text}: {}", first(names)),
        PlacementError::Short { .. } if limits.is_empty() => text,
        PlacementError::Short { .. } => {
            let days: Vec<String> = limits
                .iter()
                .map(|l| {
                    let (day, most) = (l.day, l.most);
                    lang.pick(
                        format!("hari {day} paling banyak {most} peserta"),
                        format!("day {day} at most {most} participants"),
                    )
                })
                .collect();
            let days = days.join(", ");
            lang.pick(
                format!("{text} (asesor yang tersedia membatasi: {days})"),
                format!("{text} (the available assessors limit: {days})"),
            )
        }
    }
}

/// [`PlacementError`] in English (its `Display` is Bahasa Indonesia).
fn placement_en(e: &PlacementError) -> String {
    match e {
        PlacementError::NoDay { participants } => format!(
            "{} participants can come on no day at all",
            participants.len()
        ),
        PlacementError::Short {
            short,
            days,
            unit_days,
        } => {
            let names: Vec<String> = days.iter().map(|d| (d + 1).to_string()).collect();
            let mut text = match names.as_slice() {
                [] => format!("{short} seats short"),
                [one] => format!("day {one} is {short} seats short"),
                _ => format!("days {} together are {short} seats short", names.join(", ")),
            };
            if !unit_days.is_empty() {
                let units: Vec<String> = unit_days
                    .iter()
                    .map(|(u, d)| format!("unit #{u} day {}", d + 1))
                    .collect();
                text.push_str(&format!(
                    "; the limit per unit per day binds: {}",
                    units.join(", ")
                ));
            }
            text
        }
    }
}

/// [`AssessorError`] in the page's language (its `Display` is Bahasa Indonesia).
fn assessor_error(e: &AssessorError, lang: Lang) -> String {
    match (lang, e) {
        (Lang::Id, _) => e.to_string(),
        (
            Lang::En,
            AssessorError::NoFreeAssessor {
                participants,
                needed,
            },
        ) => format!(
            "there are not {needed} assessors free of conflicts of interest for these {} people",
            participants.len()
        ),
        (
            Lang::En,
            AssessorError::DayShort {
                day,
                needed,
                possible,
            },
        ) => format!(
            "day {}: {needed} assessments needed, the available assessors can give only {possible}",
            day + 1
        ),
    }
}

/// A competency measured too few times.
fn under_measured(u: &UnderMeasured, lang: Lang) -> String {
    match lang {
        Lang::Id => u.to_string(),
        Lang::En => format!(
            "competency {} is measured by only {} methods (at least {})",
            u.competency, u.methods, u.required
        ),
    }
}

/// A bad row of a cohort file.
fn cohort_row(p: &CohortRow, lang: Lang) -> String {
    match p {
        CohortRow::NipAsNumber { row, number } => lang.pick(
            format!(
                "baris {row}: NIP {number} tersimpan sebagai angka dan digit terakhirnya hilang; tulis NIP sebagai teks"
            ),
            format!(
                "row {row}: NIP {number} is stored as a number and has lost its last digits; write the NIP as text"
            ),
        ),
        CohortRow::BadNip { row, error } => match lang {
            Lang::Id => format!("baris {row}: {error}"),
            Lang::En => format!("row {row}: {}", nip_en(error)),
        },
    }
}

/// [`NipError`] in English (its `Display` is Bahasa Indonesia).
fn nip_en(e: &NipError) -> String {
    match e {
        NipError::Empty => "the NIP is empty".to_string(),
        NipError::WrongLength { found } => {
            format!("a NIP has 18 digits, {found} digits found")
        }
        NipError::NotDigit { position, found } => {
            format!("a NIP holds only digits; character {position} is '{found}'")
        }
        NipError::BirthDate { value } => {
            format!("the birth date in the NIP ({value}) is not a valid date")
        }
        NipError::AppointmentMonth { value } => {
            format!("the appointment month in the NIP ({value}) must be 01-12 (PNS) or 21 (PPPK)")
        }
        NipError::AppointmentBeforeBirth { appointed } => {
            format!("the appointment in the NIP ({appointed}) precedes the birth date")
        }
        NipError::SexDigit { found } => {
            format!("the sex digit in the NIP must be 1 or 2, found '{found}'")
        }
        NipError::SerialZero => "the serial number in the NIP may not be 000".to_string(),
    }
}

/// [`ImportError`] in English (its `Display` is Bahasa Indonesia).
fn import_en(e: &ImportError) -> String {
    match e {
        ImportError::UnsupportedFormat(ext) => {
            format!("file format '.{ext}' is not supported: use .xlsx or .csv")
        }
        ImportError::Io(path, detail) => format!("file {path} cannot be read: {detail}"),
        ImportError::FileTooLarge { bytes, limit } => {
            format!("file too large: {bytes} bytes (limit {limit} bytes)")
        }
        ImportError::NotXlsx => "the file is not a valid Excel .xlsx file (perhaps an old .xls, damaged, or renamed): save it again as .xlsx".to_string(),
        ImportError::BadXlsx(detail) => format!("the .xlsx file cannot be read: {detail}"),
        ImportError::ZipBomb(detail) => format!(
            "file refused because its content expands abnormally when extracted ({detail})"
        ),
        ImportError::TooBig(detail) => format!("file refused because it is too large: {detail}"),
        ImportError::NoSheet => "the .xlsx file has no worksheet".to_string(),
        ImportError::NotCsv => "the file is not CSV text".to_string(),
        ImportError::BadCsv(detail) => format!("the CSV file cannot be read: {detail}"),
        ImportError::NotUtf8 { row } => {
            format!("row {row} is not UTF-8 text: save the CSV file as 'CSV UTF-8'")
        }
        ImportError::Empty => "empty file: no header row".to_string(),
        ImportError::MissingColumns(columns) => format!(
            "required columns not found in the header row: {}",
            columns.join(", ")
        ),
        ImportError::DuplicateColumn(column) => {
            format!("column '{column}' appears more than once in the header row")
        }
        ImportError::Store(s) => format!("storing failed: {s}"),
        ImportError::Cancelled => "reading stopped".to_string(),
        ImportError::Rejected(_) => "the file holds errors".to_string(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::path::PathBuf;

    use super::*;

    #[test]
    fn a_missing_day_in_both_languages() {
        let r = R::DayMissing { day: 9, days: 6 };
        assert_eq!(say(&r, Lang::Id), "hari 9 tidak ada; acara ini 6 hari");
        assert_eq!(
            say(&r, Lang::En),
            "there is no day 9; this event has 6 days"
        );
    }

    #[test]
    fn too_few_seats_named_with_the_days_the_assessors_limit() {
        let r = R::CannotPlace {
            error: PlacementError::Short {
                short: 172,
                days: vec![0],
                unit_days: vec![],
            },
            names: vec![],
            assessor_limits: vec![DayLimit { day: 1, most: 16 }],
        };
        assert_eq!(
            say(&r, Lang::Id),
            "jadwal tidak dapat disusun: hari 1 kurang 172 kursi (asesor yang tersedia membatasi: hari 1 paling banyak 16 peserta)"
        );
        assert_eq!(
            say(&r, Lang::En),
            "the schedule cannot be made: day 1 is 172 seats short (the available assessors limit: day 1 at most 16 participants)"
        );
    }

    #[test]
    fn a_rejected_cohort_file_shows_ten_rows_and_counts_the_rest() {
        let mut problems = vec![CohortRow::NipAsNumber {
            row: 2,
            number: 1.5e17,
        }];
        problems.extend((3..14).map(|row| CohortRow::BadNip {
            row,
            error: NipError::WrongLength { found: 5 },
        }));
        let r = R::CohortFileRejected {
            path: PathBuf::from("peserta.csv"),
            problems,
        };
        let id = say(&r, Lang::Id);
        assert!(
            id.starts_with(
                "daftar peserta peserta.csv ditolak: baris 2: NIP 150000000000000000 tersimpan sebagai angka dan digit terakhirnya hilang; tulis NIP sebagai teks; baris 3: NIP harus 18 digit, ditemukan 5 digit; "
            ),
            "{id}"
        );
        assert!(
            id.ends_with("baris 11: NIP harus 18 digit, ditemukan 5 digit (dan 2 baris lain)"),
            "{id}"
        );
        let en = say(&r, Lang::En);
        assert!(
            en.starts_with("cohort list peserta.csv refused: row 2: NIP 150000000000000000 is stored as a number and has lost its last digits; write the NIP as text; row 3: a NIP has 18 digits, 5 digits found; "),
            "{en}"
        );
        assert!(
            en.ends_with("row 11: a NIP has 18 digits, 5 digits found (and 2 more rows)"),
            "{en}"
        );
    }
}
