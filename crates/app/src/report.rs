//! The documents of results: a person's individual report (PDF: identity, purpose, competency
//! profile chart against the standard, JPM, category, strengths, development areas with advice,
//! assessors) and an event's group recap (XLSX: one row per participant with every competency,
//! JPM and category; a sheet per unit with its charts).

use std::collections::BTreeMap;

use talenta_domain::CompetencyCode;
use talenta_domain::development;
use talenta_domain::jpm::Category;

use crate::AppError;
use crate::Ctx;
use crate::capability::{Can, ManageResults};
use crate::pdf::{A4_WIDTH, Document, Rect, Text};
use crate::results::{self, EventIntegration, Report};

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

/// Cuts `s` into lines of at most `width` characters at spaces.
fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Writes text top-down on A4 pages, starting a new page when one is full.
struct Writer {
    doc: Document,
    texts: Vec<Text>,
    shapes: Vec<Rect>,
    y: f32,
}

impl Writer {
    const TOP: f32 = 800.0;
    const BOTTOM: f32 = 50.0;

    fn new(title: String) -> Writer {
        Writer {
            doc: Document {
                title,
                ..Document::default()
            },
            texts: Vec::new(),
            shapes: Vec::new(),
            y: Self::TOP,
        }
    }

    fn room(&mut self, height: f32) {
        if self.y - height < Self::BOTTOM {
            self.doc.pages.push(std::mem::take(&mut self.texts));
            self.doc.shapes.push(std::mem::take(&mut self.shapes));
            self.y = Self::TOP;
        }
    }

    fn line(&mut self, x: f32, size: f32, bold: bool, text: impl Into<String>) {
        self.room(size + 4.0);
        self.texts.push(Text {
            x,
            y: self.y,
            size,
            bold,
            text: text.into(),
        });
        self.y -= size + 4.0;
    }

    fn pair(&mut self, label: &str, value: &str) {
        self.room(14.0);
        self.texts.push(Text {
            x: 40.0,
            y: self.y,
            size: 10.0,
            bold: false,
            text: label.into(),
        });
        self.texts.push(Text {
            x: 170.0,
            y: self.y,
            size: 10.0,
            bold: true,
            text: format!(": {value}"),
        });
        self.y -= 14.0;
    }

    fn gap(&mut self, h: f32) {
        self.y -= h;
    }

    fn finish(mut self) -> Vec<u8> {
        self.doc.pages.push(self.texts);
        self.doc.shapes.push(self.shapes);
        self.doc.to_bytes()
    }
}

/// The individual report as a PDF.
pub fn report_pdf(r: &Report, organisation: &str) -> Vec<u8> {
    let mut w = Writer::new(format!("Laporan hasil asesmen {}", r.employee.name));
    w.line(40.0, 14.0, true, "LAPORAN HASIL ASESMEN KOMPETENSI");
    w.line(40.0, 10.0, false, organisation.to_string());
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
        ("terhadap jabatan saat ini", r.current.as_ref()),
        ("terhadap jabatan sasaran", r.target.as_ref()),
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
    const BAR_X: f32 = 230.0;
    const BAR_W: f32 = 250.0;
    for (code, level) in &r.result.levels {
        w.room(16.0);
        let y = w.y;
        w.texts.push(Text {
            x: 40.0,
            y,
            size: 9.0,
            bold: false,
            text: format!("{code} {}", development::name(code)),
        });
        let scale = |t: u8| f32::from(t) / 50.0 * BAR_W;
        w.shapes.push(Rect {
            x: BAR_X,
            y: y - 2.0,
            w: BAR_W,
            h: 11.0,
            gray: 0.93,
        });
        w.shapes.push(Rect {
            x: BAR_X,
            y: y - 2.0,
            w: scale(level.tenths()),
            h: 11.0,
            gray: 0.55,
        });
        let required = standard.iter().find(|(c, _)| c == code).map(|(_, t)| *t);
        if let Some(t) = required {
            w.shapes.push(Rect {
                x: BAR_X + scale(t) - 1.0,
                y: y - 4.0,
                w: 2.0,
                h: 15.0,
                gray: 0.0,
            });
        }
        w.texts.push(Text {
            x: BAR_X + BAR_W + 10.0,
            y,
            size: 9.0,
            bold: false,
            text: match required {
                Some(t) => format!("{} / {}", level_text(level.tenths()), level_text(t)),
                None => level_text(level.tenths()),
            },
        });
        w.y -= 16.0;
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
        w.line(
            50.0,
            10.0,
            false,
            format!("- {code} {}{note}", development::name(code)),
        );
    }
    w.gap(6.0);
    w.line(40.0, 12.0, true, "Area pengembangan dan saran");
    if r.development.is_empty() {
        w.line(50.0, 10.0, false, "Semua kompetensi memenuhi standar.");
    }
    for a in &r.development {
        for (i, l) in wrap(&a.text, 95).into_iter().enumerate() {
            w.line(
                if i == 0 { 50.0 } else { 58.0 },
                10.0,
                false,
                if i == 0 { format!("- {l}") } else { l },
            );
        }
    }
    w.gap(6.0);
    w.line(40.0, 12.0, true, "Asesor");
    if r.assessors.is_empty() {
        w.line(50.0, 10.0, false, r.result.provider.clone());
    }
    for a in &r.assessors {
        w.line(50.0, 10.0, false, format!("- {a}"));
    }
    w.gap(10.0);
    let version = r
        .current
        .as_ref()
        .map(|c| c.rules_version.clone())
        .unwrap_or_default();
    w.line(
        40.0,
        8.0,
        false,
        format!(
            "JPM = jumlah level capaian / jumlah level standar x 100 % (Peraturan BKN 26/2019). Aturan versi {version}. Dokumen ini memuat data pribadi."
        ),
    );
    let _ = A4_WIDTH;
    w.finish()
}

/// The group recap of an event's finalised results as an XLSX workbook.
pub fn recap_xlsx(
    db: &mut talenta_store::Db,
    ctx: &Ctx,
    actor: &Can<ManageResults>,
    code: &str,
) -> Result<Vec<u8>, AppError> {
    use crate::import::report::escape_cell;
    use rust_xlsxwriter::{Chart, ChartType, Format, Workbook};
    let all: EventIntegration = results::integration(db, actor, code)?;
    let org = crate::event::Org::load(db, actor.tenant.id)?;
    let rows: Vec<&results::ParticipantIntegration> =
        all.rows.iter().filter(|r| r.result.is_some()).collect();
    if rows.is_empty() {
        return Err(AppError::Invalid(
            "belum ada hasil yang final untuk direkap".into(),
        ));
    }
    let io = |e: rust_xlsxwriter::XlsxError| {
        AppError::Invalid(format!("rekap tidak dapat ditulis: {e}"))
    };
    let mut codes: Vec<CompetencyCode> = rows
        .iter()
        .flat_map(|r| r.levels().into_iter().map(|(c, _)| c))
        .collect();
    codes.sort();
    codes.dedup();
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let pct = Format::new().set_num_format("0.00");
    let ws = wb.add_worksheet();
    ws.set_name("Rekap").map_err(io)?;
    ws.write_string_with_format(
        0,
        0,
        escape_cell(&format!(
            "Rekap hasil {} ({})",
            all.event.name, all.event.code
        )),
        &bold,
    )
    .map_err(io)?;
    let mut head: Vec<String> = ["No", "NIP", "Nama", "Jabatan", "Unit kerja"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    head.extend(codes.iter().map(|c| c.code().to_string()));
    head.extend(
        ["JPM (%)", "Kategori", "Diumumkan"]
            .iter()
            .map(|s| s.to_string()),
    );
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, h, &bold)
            .map_err(io)?;
    }
    // Per unit: participants, JPM sum, count per category.
    let mut units: BTreeMap<String, (u32, f64, BTreeMap<&'static str, u32>)> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 3;
        let opd = r
            .position
            .as_ref()
            .map(|p| org.opd_name(p.unit_id))
            .unwrap_or_default();
        ws.write_number(row, 0, (i + 1) as f64).map_err(io)?;
        ws.write_string(row, 1, r.employee.nip.digits())
            .map_err(io)?;
        ws.write_string(row, 2, escape_cell(&r.employee.name))
            .map_err(io)?;
        ws.write_string(
            row,
            3,
            escape_cell(
                &r.position
                    .as_ref()
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
            ),
        )
        .map_err(io)?;
        ws.write_string(row, 4, escape_cell(&opd)).map_err(io)?;
        let levels = r.levels();
        for (k, c) in codes.iter().enumerate() {
            if let Some((_, l)) = levels.iter().find(|(x, _)| x == c) {
                ws.write_number(row, 5 + k as u16, l.value()).map_err(io)?;
            }
        }
        let base = 5 + codes.len() as u16;
        let entry = units.entry(opd).or_insert((0, 0.0, BTreeMap::new()));
        entry.0 += 1;
        if let Some(j) = r.jpm {
            ws.write_number_with_format(row, base, j.percent(), &pct)
                .map_err(io)?;
            entry.1 += j.percent();
        }
        if let Some(c) = r.category {
            ws.write_string(row, base + 1, c.code()).map_err(io)?;
            *entry.2.entry(c.code()).or_insert(0) += 1;
        }
        let published = r.result.as_ref().is_some_and(|x| x.published);
        ws.write_string(row, base + 2, if published { "ya" } else { "belum" })
            .map_err(io)?;
    }
    ws.set_column_width(1, 20).map_err(io)?;
    ws.set_column_width(2, 34).map_err(io)?;
    ws.set_column_width(3, 36).map_err(io)?;
    ws.set_column_width(4, 36).map_err(io)?;
    ws.set_freeze_panes(3, 3).map_err(io)?;
    // Per unit with its charts.
    let categories: Vec<&'static str> = match all.rows.iter().find_map(|r| r.category) {
        Some(Category::Ms | Category::Mms | Category::Kms) => vec!["MS", "MMS", "KMS"],
        _ => vec!["O", "CO", "KO"],
    };
    let us = wb.add_worksheet();
    us.set_name("Per unit").map_err(io)?;
    let mut head = vec![
        "Unit kerja".to_string(),
        "Peserta".into(),
        "Rata-rata JPM (%)".into(),
    ];
    head.extend(categories.iter().map(|c| c.to_string()));
    for (c, h) in head.iter().enumerate() {
        us.write_string_with_format(0, c as u16, h, &bold)
            .map_err(io)?;
    }
    for (i, (unit, (n, sum, cats))) in units.iter().enumerate() {
        let row = i as u32 + 1;
        us.write_string(
            row,
            0,
            escape_cell(if unit.is_empty() { "-" } else { unit }),
        )
        .map_err(io)?;
        us.write_number(row, 1, f64::from(*n)).map_err(io)?;
        us.write_number_with_format(row, 2, sum / f64::from(*n), &pct)
            .map_err(io)?;
        for (k, c) in categories.iter().enumerate() {
            us.write_number(
                row,
                3 + k as u16,
                f64::from(cats.get(c).copied().unwrap_or(0)),
            )
            .map_err(io)?;
        }
    }
    us.set_column_width(0, 40).map_err(io)?;
    let last = units.len() as u32;
    let mut jpm_chart = Chart::new(ChartType::Bar);
    jpm_chart.title().set_name("Rata-rata JPM per unit kerja");
    jpm_chart
        .add_series()
        .set_categories(("Per unit", 1, 0, last, 0))
        .set_values(("Per unit", 1, 2, last, 2))
        .set_name("Rata-rata JPM (%)");
    us.insert_chart(1, 8, &jpm_chart).map_err(io)?;
    let mut cat_chart = Chart::new(ChartType::BarStacked);
    cat_chart.title().set_name("Kategori per unit kerja");
    for (k, c) in categories.iter().enumerate() {
        let col = 3 + k as u16;
        cat_chart
            .add_series()
            .set_categories(("Per unit", 1, 0, last, 0))
            .set_values(("Per unit", 1, col, last, col))
            .set_name(*c);
    }
    us.insert_chart(17, 8, &cat_chart).map_err(io)?;
    let bytes = wb.save_to_buffer().map_err(io)?;
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
