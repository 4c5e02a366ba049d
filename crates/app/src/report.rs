//! The documents of results: a person's individual report (PDF: identity, purpose, competency
//! profile chart against the standard, JPM, category, strengths, development areas with advice,
//! assessors) and an event's group recap (XLSX: one row per participant with every competency,
//! JPM and category; a sheet per unit with its charts).

use std::collections::BTreeMap;

use talenta_domain::CompetencyCode;
use talenta_domain::development;
use talenta_domain::jpm::Category;

use crate::capability::{Can, ManageResults};
use crate::results::{self, EventIntegration, Report};
use crate::{AppError, Ctx, export};
use talenta_export::{Cell, Chart, ChartKind, Column, Sheet, Writer};

fn level_text(tenths: u8) -> String {
    if tenths.is_multiple_of(10) {
        format!("{}", tenths / 10)
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

fn percent(p: f64) -> String {
    format!("{p:.2} %").replace('.', ",")
}

/// The individual report as a PDF.
pub fn report_pdf(r: &Report, organisation: &str) -> Result<Vec<u8>, AppError> {
    let mut w = Writer::new(format!("Laporan hasil asesmen {}", r.employee.name));
    w.line(40.0, 14.0, true, "LAPORAN HASIL ASESMEN KOMPETENSI");
    w.line(40.0, 10.0, false, organisation);
    w.gap(8.0);
    let post = r
        .current
        .as_ref()
        .map(|c| c.position.name.clone())
        .unwrap_or_else(|| "-".into());
    w.pair("Nama", &r.employee.name);
    w.pair("NIP", &r.employee.nip.to_string());
    w.pair("Jabatan", &post);
    w.pair("Unit kerja", if r.unit.is_empty() { "-" } else { &r.unit });
    w.pair("Tujuan asesmen", r.result.purpose.label());
    w.pair("Penyelenggara", &r.result.provider);
    w.pair(
        "Tanggal asesmen",
        &r.result.assessed_on.format("%d-%m-%Y").to_string(),
    );
    w.pair(
        "Berlaku sampai",
        &r.valid_until.format("%d-%m-%Y").to_string(),
    );
    w.gap(8.0);
    w.line(40.0, 12.0, true, "Hasil");
    for (label, rep) in [
        // Short enough for the label column (about 125 points).
        ("jabatan saat ini", r.current.as_ref()),
        ("jabatan sasaran", r.target.as_ref()),
    ] {
        if let Some(rep) = rep {
            w.pair(
                &format!("JPM {label}"),
                &format!(
                    "{} - {} ({})",
                    percent(rep.reported_percent),
                    rep.category.label(),
                    rep.position.name
                ),
            );
        }
    }
    if let Some(rep) = r.target.as_ref().or(r.current.as_ref()) {
        w.pair("Potensi", rep.potential.label());
    } else {
        w.line(
            40.0,
            10.0,
            false,
            "Jabatan belum memiliki standar kompetensi: JPM tidak dihitung.",
        );
    }
    w.gap(8.0);
    // Profile chart: a bar per competency for the level achieved, a black mark at the standard.
    w.line(
        40.0,
        12.0,
        true,
        "Profil kompetensi (batang: capaian, garis hitam: standar)",
    );
    let standard: Vec<(CompetencyCode, u8)> = r
        .target
        .as_ref()
        .or(r.current.as_ref())
        .map(|rep| {
            rep.gaps
                .iter()
                .map(|g| (g.code.clone(), g.required.tenths()))
                .collect()
        })
        .unwrap_or_default();
    for (code, level) in &r.result.levels {
        let required = standard.iter().find(|(c, _)| c == code).map(|(_, t)| *t);
        let scale = |t: u8| f32::from(t) / 50.0;
        w.bar(
            &format!("{code} {}", development::name(code)),
            scale(level.tenths()),
            required.map(scale),
            &match required {
                Some(t) => format!("{} / {}", level_text(level.tenths()), level_text(t)),
                None => level_text(level.tenths()),
            },
        );
    }
    w.gap(8.0);
    w.line(40.0, 12.0, true, "Kekuatan");
    if r.strengths.is_empty() {
        w.line(50.0, 10.0, false, "-");
    }
    for (code, margin) in &r.strengths {
        let note = if *margin > 0 {
            format!(" (di atas standar {} level)", level_text(*margin as u8))
        } else {
            " (sesuai standar)".into()
        };
        w.bullet(
            50.0,
            10.0,
            &format!("{code} {}{note}", development::name(code)),
        );
    }
    w.gap(6.0);
    w.line(40.0, 12.0, true, "Area pengembangan dan saran");
    if r.development.is_empty() {
        w.line(50.0, 10.0, false, "Semua kompetensi memenuhi standar.");
    }
    for a in &r.development {
        w.bullet(50.0, 10.0, &a.text);
    }
    w.gap(6.0);
    w.line(40.0, 12.0, true, "Asesor");
    if r.assessors.is_empty() {
        w.line(50.0, 10.0, false, &r.result.provider);
    }
    for a in &r.assessors {
        w.bullet(50.0, 10.0, a);
    }
    w.gap(10.0);
    let version = r
        .current
        .as_ref()
        .map(|c| c.rules_version.clone())
        .unwrap_or_default();
    w.paragraph(
        40.0,
        8.0,
        false,
        &format!(
            "JPM = jumlah level capaian / jumlah level standar x 100 % (Peraturan BKN 26/2019). Aturan versi {version}. Dokumen ini memuat data pribadi."
        ),
    );
    export::pdf(&w.finish())
}

/// The group recap of an event's finalised results as an XLSX workbook (dated `ctx.now`):
/// a row per participant (sheet "Rekap") and per unit with its charts (sheet "Per unit").
pub fn recap_xlsx(
    db: &mut talenta_store::Db,
    ctx: &Ctx,
    actor: &Can<ManageResults>,
    code: &str,
) -> Result<Vec<u8>, AppError> {
    let all: EventIntegration = results::integration(db, actor, code)?;
    let org = crate::event::Org::load(db, actor.tenant.id)?;
    let rows: Vec<&results::ParticipantIntegration> =
        all.rows.iter().filter(|r| r.result.is_some()).collect();
    if rows.is_empty() {
        return Err(Refusal::NothingToRecap.into());
    }
    let mut codes: Vec<CompetencyCode> = rows
        .iter()
        .flat_map(|r| r.levels().into_iter().map(|(c, _)| c))
        .collect();
    codes.sort();
    codes.dedup();
    let mut columns = vec![
        Column::number("No"),
        Column::text("NIP").width(20.0),
        Column::text("Nama").width(34.0),
        Column::text("Jabatan").width(36.0),
        Column::text("Unit kerja").width(36.0),
    ];
    columns.extend(codes.iter().map(|c| Column::number(c.code())));
    columns.extend([
        Column::decimal("JPM (%)", 2),
        Column::text("Kategori"),
        Column::text("Diumumkan"),
    ]);
    let mut recap = Sheet::new("Rekap", columns);
    recap.title = vec![format!(
        "Rekap hasil {} ({})",
        all.event.name, all.event.code
    )];
    recap.freeze_columns = 3;
    // Per unit: participants, JPM sum, count per category.
    let mut units: BTreeMap<String, (u32, f64, BTreeMap<&'static str, u32>)> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let opd = r
            .position
            .as_ref()
            .map(|p| org.opd_name(p.unit_id))
            .unwrap_or_default();
        let levels = r.levels();
        let mut row: Vec<Cell> = vec![
            (i + 1).into(),
            export::nip(r.employee.nip),
            (&r.employee.name).into(),
            r.position.as_ref().map(|p| p.name.as_str()).into(),
            (&opd).into(),
        ];
        row.extend(codes.iter().map(|c| {
            levels
                .iter()
                .find(|(x, _)| x == c)
                .map(|(_, l)| l.value())
                .into()
        }));
        let published = r.result.as_ref().is_some_and(|x| x.published);
        row.extend([
            r.jpm.map(|j| j.percent()).into(),
            r.category.map(|c| c.code()).into(),
            if published { "ya" } else { "belum" }.into(),
        ]);
        recap.rows.push(row);
        let entry = units.entry(opd).or_insert((0, 0.0, BTreeMap::new()));
        entry.0 += 1;
        if let Some(j) = r.jpm {
            entry.1 += j.percent();
        }
        if let Some(c) = r.category {
            *entry.2.entry(c.code()).or_insert(0) += 1;
        }
    }
    // Per unit with its charts.
    let categories: Vec<&'static str> = match all.rows.iter().find_map(|r| r.category) {
        Some(Category::Ms | Category::Mms | Category::Kms) => vec!["MS", "MMS", "KMS"],
        _ => vec!["O", "CO", "KO"],
    };
    let mut columns = vec![
        Column::text("Unit kerja").width(40.0),
        Column::number("Peserta"),
        Column::decimal("Rata-rata JPM (%)", 2),
    ];
    columns.extend(categories.iter().map(|c| Column::number(*c)));
    let mut per_unit = Sheet::new("Per unit", columns);
    per_unit.rows = units
        .iter()
        .map(|(unit, (n, sum, cats))| {
            let mut row: Vec<Cell> = vec![
                if unit.is_empty() { "-" } else { unit }.into(),
                (*n).into(),
                (sum / f64::from(*n)).into(),
            ];
            row.extend(
                categories
                    .iter()
                    .map(|c| cats.get(c).copied().unwrap_or(0).into()),
            );
            row
        })
        .collect();
    per_unit.charts = vec![
        Chart {
            title: "Rata-rata JPM per unit kerja".into(),
            kind: ChartKind::Bar,
            categories: 0,
            series: vec![2],
            anchor: (1, 8),
        },
        Chart {
            title: "Kategori per unit kerja".into(),
            kind: ChartKind::BarStacked,
            categories: 0,
            series: (3..3 + categories.len()).collect(),
            anchor: (17, 8),
        },
    ];
    let bytes = export::xlsx(vec![recap, per_unit], ctx.now)?;
    db.transaction(|tx| {
        ctx.record(
            tx,
            actor.tenant.id,
            "result.read",
            &format!("event:{}", all.event.code),
            serde_json::json!({ "use": "recap", "results": rows.len() }),
        )?;
        Ok::<(), AppError>(())
    })?;
    Ok(bytes)
}

/// Why a report was refused: each rule with its facts (the words are in the web layer's i18n).
#[derive(Debug)]
pub enum Refusal {
    /// No result of the event is final: nothing to recap.
    NothingToRecap,
}
