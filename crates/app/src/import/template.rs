//! Empty import templates: the header row in Bahasa Indonesia, text-formatted NIP and code
//! columns (so Excel keeps the 18 digits), and a second sheet explaining every column.

use std::path::Path;

use chrono::{DateTime, Utc};
use talenta_export::{Column, Sheet};

use super::ImportKind;

/// Writes the template of a kind, dated `now`; `.csv` gives the header line only, anything
/// else `.xlsx`.
pub fn write_template(kind: ImportKind, path: &Path, now: DateTime<Utc>) -> std::io::Result<()> {
    let cols = kind.columns();
    let csv = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if csv {
        let mut out = Vec::from(&b"\xEF\xBB\xBF"[..]);
        {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(cols.iter().map(|c| c.header))?;
            w.flush()?;
        }
        return std::fs::write(path, out);
    }
    let template = Sheet::new(
        kind.label(),
        cols.iter()
            .map(|c| {
                let column = Column::text(c.header).width((c.header.len() as f64 + 6.0).max(14.0));
                if c.header == "NIP" || c.header.starts_with("Kode") {
                    column.input()
                } else {
                    column
                }
            })
            .collect(),
    );
    let mut help = Sheet::new(
        "Petunjuk",
        vec![
            Column::text("Kolom"),
            Column::text("Wajib"),
            Column::text("Isi").width(90.0),
        ],
    );
    help.rows = cols
        .iter()
        .map(|c| {
            vec![
                c.header.into(),
                if c.required { "ya" } else { "tidak" }.into(),
                c.hint.into(),
            ]
        })
        .collect();
    let bytes = crate::export::xlsx(vec![template, help], now).map_err(std::io::Error::other)?;
    std::fs::write(path, bytes)
}
