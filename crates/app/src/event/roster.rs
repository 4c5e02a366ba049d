//! Rosters and the assessors' schedules of an event, and the files written from them: the
//! roster workbook and PDF, and one invitation letter per participant.

use std::collections::HashMap;

use chrono::NaiveDate;
use talenta_domain::{Nip, Purpose};
use talenta_store::Db;
use talenta_store::event::{self as store, Event};

use super::*;
use crate::AppError;

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
    let event = store::event_by_code(db, tenant, code)?
        .ok_or_else(|| AppError::Invalid(format!("acara '{code}' tidak ditemukan")))?;
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
        return Err(AppError::Invalid(format!(
            "acara '{code}' belum memiliki jadwal: jalankan penyusunan jadwal dahulu"
        )));
    }
    lines.sort_by(|a, b| (a.day_no, a.session_no, &a.name).cmp(&(b.day_no, b.session_no, &b.name)));
    Ok((event, lines))
}

/// Writes the roster as a workbook: one sheet per day (session, NIP as text, name, position,
/// OPD, assessors) and one sheet per-assessor schedule.
pub fn write_roster_xlsx(
    event: &Event,
    lines: &[RosterLine],
    path: &std::path::Path,
) -> Result<(), AppError> {
    use crate::import::report::escape_cell;
    let io = |e: rust_xlsxwriter::XlsxError| {
        AppError::Invalid(format!("daftar hadir tidak dapat ditulis: {e}"))
    };
    let mut wb = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let mut days: Vec<(u32, NaiveDate)> = lines.iter().map(|l| (l.day_no, l.date)).collect();
    days.dedup();
    for (day, date) in &days {
        let ws = wb.add_worksheet();
        ws.set_name(format!("Hari {day}")).map_err(io)?;
        ws.write_string_with_format(
            0,
            0,
            format!(
                "{} ({}) - Hari {day}, {date}",
                escape_cell(&event.name),
                event.code
            ),
            &bold,
        )
        .map_err(io)?;
        for (c, h) in [
            "Sesi",
            "NIP",
            "Nama",
            "Jabatan",
            "Unit Kerja",
            "Asesor",
            "Ruang",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string_with_format(2, c as u16, *h, &bold)
                .map_err(io)?;
        }
        for (r, l) in lines.iter().filter(|l| l.day_no == *day).enumerate() {
            let r = r as u32 + 3;
            ws.write_number(r, 0, f64::from(l.session_no)).map_err(io)?;
            ws.write_string(r, 1, l.nip.digits()).map_err(io)?;
            ws.write_string(r, 2, escape_cell(&l.name)).map_err(io)?;
            ws.write_string(r, 3, escape_cell(&l.position))
                .map_err(io)?;
            ws.write_string(r, 4, escape_cell(&l.opd)).map_err(io)?;
            ws.write_string(r, 5, escape_cell(&l.assessors.join(", ")))
                .map_err(io)?;
            ws.write_string(r, 6, escape_cell(&l.room)).map_err(io)?;
        }
        ws.set_column_width(1, 20).map_err(io)?;
        ws.set_column_width(2, 36).map_err(io)?;
        ws.set_column_width(3, 40).map_err(io)?;
        ws.set_column_width(4, 40).map_err(io)?;
        ws.set_column_width(5, 40).map_err(io)?;
    }
    let ws = wb.add_worksheet();
    ws.set_name("Jadwal Asesor").map_err(io)?;
    for (c, h) in ["Asesor", "Hari", "Tanggal", "Sesi", "NIP", "Nama Asesi"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *h, &bold)
            .map_err(io)?;
    }
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
    for (r, (a, l)) in per_assessor.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, escape_cell(a)).map_err(io)?;
        ws.write_number(r, 1, f64::from(l.day_no)).map_err(io)?;
        ws.write_string(r, 2, l.date.to_string()).map_err(io)?;
        ws.write_number(r, 3, f64::from(l.session_no)).map_err(io)?;
        ws.write_string(r, 4, l.nip.digits()).map_err(io)?;
        ws.write_string(r, 5, escape_cell(&l.name)).map_err(io)?;
    }
    ws.set_column_width(0, 36).map_err(io)?;
    ws.set_column_width(5, 36).map_err(io)?;
    wb.save(path).map_err(io)
}

/// The printed roster: per day a sign-in list (session, NIP, name, OPD, assessors, signature),
/// then each assessor's schedule.
pub fn roster_pdf(event: &Event, lines: &[RosterLine]) -> Vec<u8> {
    use crate::pdf;
    let mut doc = pdf::Document {
        title: format!("Daftar hadir {}", event.name),
        ..pdf::Document::default()
    };
    let mut days: Vec<(u32, NaiveDate)> = lines.iter().map(|l| (l.day_no, l.date)).collect();
    days.dedup();
    for (day, date) in &days {
        let rows: Vec<Vec<String>> = lines
            .iter()
            .filter(|l| l.day_no == *day)
            .map(|l| {
                vec![
                    l.session_no.to_string(),
                    l.nip.to_string(),
                    l.name.clone(),
                    l.opd.clone(),
                    l.assessors.join(", "),
                    String::new(),
                ]
            })
            .collect();
        let part = pdf::table(
            &format!("Daftar Hadir {} - Hari {day}", event.name),
            &format!("{} - {date}", event.code),
            &[
                ("Sesi", 40.0),
                ("NIP", 68.0),
                ("Nama", 168.0),
                ("Unit Kerja", 300.0),
                ("Asesor", 410.0),
                ("Paraf", 515.0),
            ],
            &rows,
        );
        doc.pages.extend(part.pages);
    }
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
    let rows: Vec<Vec<String>> = per_assessor
        .iter()
        .map(|(a, l)| {
            vec![
                a.to_string(),
                format!("{} ({})", l.day_no, l.date),
                l.session_no.to_string(),
                l.nip.to_string(),
                l.name.clone(),
            ]
        })
        .collect();
    let part = pdf::table(
        &format!("Jadwal Asesor {}", event.name),
        &event.code,
        &[
            ("Asesor", 40.0),
            ("Hari", 200.0),
            ("Sesi", 290.0),
            ("NIP", 320.0),
            ("Asesi", 430.0),
        ],
        &rows,
    );
    doc.pages.extend(part.pages);
    doc.to_bytes()
}

/// One invitation per participant, a page each: who, when, which session, what to bring.
pub fn invitations_pdf(event: &Event, organiser: &str, lines: &[RosterLine]) -> Vec<u8> {
    use crate::pdf::{Document, Text};
    let t = |y: f32, size: f32, bold: bool, text: String| Text {
        x: 60.0,
        y,
        size,
        bold,
        text,
    };
    let purpose = Purpose::parse(&event.purpose)
        .map(|p| p.label())
        .unwrap_or("Asesmen");
    let pages = lines
        .iter()
        .map(|l| {
            vec![
                t(780.0, 11.0, true, organiser.to_string()),
                t(740.0, 15.0, true, "UNDANGAN ASESMEN KOMPETENSI".into()),
                t(722.0, 10.0, false, format!("{} ({})", event.name, event.code)),
                t(690.0, 11.0, false, "Kepada Yth.".into()),
                t(674.0, 11.0, true, l.name.clone()),
                t(658.0, 10.0, false, format!("NIP {}", l.nip)),
                t(642.0, 10.0, false, format!("{} - {}", l.position, l.opd)),
                t(610.0, 11.0, false, format!("Dengan hormat, Saudara diundang mengikuti asesmen ({purpose}) pada:")),
                t(588.0, 11.0, true, if l.room.is_empty() {
                        format!("Hari ke-{}, tanggal {}, sesi {}", l.day_no, l.date, l.session_no)
                    } else {
                        format!("Hari ke-{}, tanggal {}, sesi {}, ruang {}", l.day_no, l.date, l.session_no, l.room)
                    }),
                t(560.0, 10.0, false, "Harap hadir 30 menit sebelum sesi dimulai dan membawa kartu identitas pegawai.".into()),
                t(544.0, 10.0, false, "Tunjukkan undangan ini saat pendaftaran ulang (check-in).".into()),
                t(500.0, 10.0, false, "Hormat kami,".into()),
                t(440.0, 10.0, true, format!("Panitia {}", event.name)),
            ]
        })
        .collect();
    Document {
        title: format!("Undangan {}", event.name),
        pages,
        ..Document::default()
    }
    .to_bytes()
}
