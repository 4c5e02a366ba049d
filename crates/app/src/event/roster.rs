//! Rosters and the assessors' schedules of an event, and the files written from them: the
//! roster workbook and PDF, and one invitation letter per participant.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use talenta_domain::Nip;
use talenta_export::{Cell, Column, Document, Table, Writer};
use talenta_store::Db;
use talenta_store::event::{self as store, Event};

use super::*;
use crate::{AppError, export};

/// One line of a roster: a participant in a session with their assessors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterLine {
    /// Day number.
    pub day_no: u32,
    /// Date.
    pub date: NaiveDate,
    /// Session number.
    pub session_no: u32,
    /// Room of the session.
    pub room: String,
    /// NIP.
    pub nip: Nip,
    /// Name.
    pub name: String,
    /// Position name.
    pub position: String,
    /// OPD name.
    pub opd: String,
    /// Assessor names.
    pub assessors: Vec<String>,
}

/// The scheduled participants of an event by day, session and name.
pub fn roster(
    db: &mut Db,
    actor: &Can<ViewMasterData>,
    code: &str,
) -> Result<(Event, Vec<RosterLine>), AppError> {
    let tenant = actor.tenant.id;
    let event = store::event_by_code(db, tenant, code)?.ok_or_else(|| {
        AppError::from(Refusal::NotFound {
            code: code.to_string(),
        })
    })?;
    let sessions = store::sessions(db, tenant, event.id)?;
    let assessors: HashMap<i64, String> = store::assessors(db, tenant, event.id)?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let mut by_person: HashMap<i64, Vec<String>> = HashMap::new();
    for (e, a) in store::assignments(db, tenant, event.id)? {
        by_person
            .entry(e)
            .or_default()
            .push(assessors.get(&a).cloned().unwrap_or_default());
    }
    let org = Org::load(db, tenant)?;
    let mut lines = Vec::new();
    for p in store::participants(db, tenant, event.id)? {
        let (Some((day_no, session_no)), Some(e)) = (p.slot, org.employees.get(&p.employee_id))
        else {
            continue;
        };
        let position = e.position_id.and_then(|id| org.positions.get(&id));
        lines.push(RosterLine {
            day_no,
            date: sessions
                .iter()
                .find(|s| s.day_no == day_no)
                .map(|s| s.date)
                .unwrap_or_default(),
            session_no,
            room: sessions
                .iter()
                .find(|s| s.day_no == day_no && s.session_no == session_no)
                .map(|s| s.room.clone())
                .unwrap_or_default(),
            nip: e.nip,
            name: e.name.clone(),
            position: position.map(|p| p.name.clone()).unwrap_or_default(),
            opd: position
                .map(|p| org.opd_name(p.unit_id))
                .unwrap_or_default(),
            assessors: by_person.remove(&p.employee_id).unwrap_or_default(),
        });
    }
    if lines.is_empty() {
        return Err(Refusal::NoSchedule {
            code: code.to_string(),
        }
        .into());
    }
    lines.sort_by(|a, b| (a.day_no, a.session_no, &a.name).cmp(&(b.day_no, b.session_no, &b.name)));
    Ok((event, lines))
}

/// Name of the sheet (and heading of the pages) of the assessors' schedule.
const SCHEDULE: &str = "Jadwal Asesor";

/// The roster as tables, each with its sheet name: per day a sign-in list (session, NIP,
/// name, position and room in the sheet only, OPD, assessors, a signature column on paper
/// only), then every assessor's schedule.
fn roster_tables(event: &Event, lines: &[RosterLine]) -> Vec<(String, Table)> {
    let mut days: Vec<(u32, NaiveDate)> = lines.iter().map(|l| (l.day_no, l.date)).collect();
    days.dedup();
    let mut tables: Vec<(String, Table)> = days
        .iter()
        .map(|(day, date)| {
            let mut t = Table::new(
                format!(
                    "Daftar Hadir {} ({}) - Hari {day}, {date}",
                    event.name, event.code
                ),
                "",
                vec![
                    Column::number("Sesi").at(40.0),
                    Column::text("NIP").width(20.0).at(68.0),
                    Column::text("Nama").width(36.0).at(180.0),
                    Column::text("Jabatan").width(40.0),
                    Column::text("Unit Kerja").width(40.0).at(320.0),
                    Column::text("Asesor").width(40.0).at(430.0),
                    Column::text("Ruang"),
                    Column::text("Paraf").at(520.0).print_only(),
                ],
            );
            for l in lines.iter().filter(|l| l.day_no == *day) {
                t.push(vec![
                    l.session_no.into(),
                    export::nip(l.nip),
                    (&l.name).into(),
                    (&l.position).into(),
                    (&l.opd).into(),
                    l.assessors.join(", ").into(),
                    (&l.room).into(),
                    Cell::Empty,
                ]);
            }
            (format!("Hari {day}"), t)
        })
        .collect();
    let mut per_assessor: Vec<(&str, &RosterLine)> = lines
        .iter()
        .flat_map(|l| l.assessors.iter().map(move |a| (a.as_str(), l)))
        .collect();
    per_assessor.sort_by(|a, b| {
        (a.0, a.1.day_no, a.1.session_no, &a.1.name).cmp(&(
            b.0,
            b.1.day_no,
            b.1.session_no,
            &b.1.name,
        ))
    });
    let mut schedule = Table::new(
        format!("{SCHEDULE} {}", event.name),
        &event.code,
        vec![
            Column::text("Asesor").width(36.0).at(40.0),
            Column::number("Hari").at(190.0),
            Column::text("Tanggal").at(217.0),
            Column::number("Sesi").at(275.0),
            Column::text("NIP").at(302.0),
            Column::text("Nama Asesi").width(36.0).at(415.0),
        ],
    );
    for (a, l) in per_assessor {
        schedule.push(vec![
            a.into(),
            l.day_no.into(),
            l.date.to_string().into(),
            l.session_no.into(),
            export::nip(l.nip),
            (&l.name).into(),
        ]);
    }
    tables.push((SCHEDULE.to_string(), schedule));
    tables
}

/// The roster as a workbook dated `now`: one sheet per day (session, NIP as text, name,
/// position, OPD, assessors, room) and the assessors' schedule.
pub fn roster_xlsx(
    event: &Event,
    lines: &[RosterLine],
    now: DateTime<Utc>,
) -> Result<Vec<u8>, AppError> {
    let sheets = roster_tables(event, lines)
        .into_iter()
        .map(|(name, t)| {
            let mut sheet = t.to_sheet(&name);
            if name == SCHEDULE {
                // The schedule has always started with its header: a list to sort and filter.
                sheet.title.clear();
            }
            sheet
        })
        .collect();
    export::xlsx(sheets, now)
}

/// The printed roster: per day a sign-in list (session, NIP, name, OPD, assessors,
/// signature), then each assessor's schedule.
pub fn roster_pdf(event: &Event, lines: &[RosterLine]) -> Result<Vec<u8>, AppError> {
    let mut doc = Document::new(format!("Daftar hadir {}", event.name));
    for (_, t) in roster_tables(event, lines) {
        doc.append(t.to_document());
    }
    export::pdf(&doc)
}

/// One invitation per participant, a page each: who, when, which session, what to bring. An
/// official letter: PDF/A, dated `now`.
pub fn invitations_pdf(
    event: &Event,
    organiser: &str,
    lines: &[RosterLine],
    now: DateTime<Utc>,
) -> Result<Vec<u8>, AppError> {
    const X: f32 = 60.0;
    let purpose = event.purpose.label();
    let mut w = Writer::new(format!("Undangan {}", event.name));
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            w.new_page();
        }
        w.gap(20.0);
        w.line(X, 11.0, true, organiser);
        w.gap(22.0);
        w.line(X, 15.0, true, "UNDANGAN ASESMEN KOMPETENSI");
        w.line(X, 10.0, false, format!("{} ({})", event.name, event.code));
        w.gap(18.0);
        w.line(X, 11.0, false, "Kepada Yth.");
        w.line(X, 11.0, true, &l.name);
        w.line(X, 10.0, false, format!("NIP {}", l.nip));
        w.paragraph(X, 10.0, false, &format!("{} - {}", l.position, l.opd));
        w.gap(16.0);
        w.paragraph(
            X,
            11.0,
            false,
            &format!("Dengan hormat, Saudara diundang mengikuti asesmen ({purpose}) pada:"),
        );
        w.gap(6.0);
        let when = format!(
            "Hari ke-{}, tanggal {}, sesi {}",
            l.day_no, l.date, l.session_no
        );
        if l.room.is_empty() {
            w.paragraph(X, 11.0, true, &when);
        } else {
            w.paragraph(X, 11.0, true, &format!("{when}, ruang {}", l.room));
        }
        w.gap(12.0);
        w.paragraph(
            X,
            10.0,
            false,
            "Harap hadir 30 menit sebelum sesi dimulai dan membawa kartu identitas pegawai.",
        );
        w.paragraph(
            X,
            10.0,
            false,
            "Tunjukkan undangan ini saat pendaftaran ulang (check-in).",
        );
        w.gap(30.0);
        w.line(X, 10.0, false, "Hormat kami,");
        w.gap(46.0);
        w.paragraph(X, 10.0, true, &format!("Panitia {}", event.name));
    }
    export::archival(w.finish(), now)
}
