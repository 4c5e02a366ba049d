//! The row-level error report: printed, and written as `.csv` (UTF-8 with BOM, so Excel opens
//! it correctly) or `.xlsx`. Cells that would start a formula are escaped.

use std::path::Path;

use chrono::{DateTime, Utc};
use talenta_export::{Column, Sheet, escape_cell};

use super::RowError;

const HEADERS: [&str; 5] = ["Jenis", "Baris", "Kolom", "Nilai", "Alasan"];

fn lines<'a>(
    errors: &'a [RowError],
    warnings: &'a [RowError],
) -> impl Iterator<Item = (&'static str, &'a RowError)> {
    errors
        .iter()
        .map(|e| ("Kesalahan", e))
        .chain(warnings.iter().map(|w| ("Peringatan", w)))
}

/// Writes the report, dated `now`; the format follows the extension (`.xlsx`, otherwise CSV).
pub fn write_report(
    path: &Path,
    errors: &[RowError],
    warnings: &[RowError],
    now: DateTime<Utc>,
) -> std::io::Result<()> {
    let xlsx = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if xlsx {
        let mut sheet = Sheet::new(
            "Laporan Impor",
            vec![
                Column::text(HEADERS[0]),
                Column::number(HEADERS[1]),
                Column::text(HEADERS[2]),
                Column::text(HEADERS[3]),
                Column::text(HEADERS[4]).width(80.0),
            ],
        );
        sheet.rows = lines(errors, warnings)
            .map(|(kind, e)| {
                vec![
                    kind.into(),
                    e.row.into(),
                    (&e.column).into(),
                    (&e.value).into(),
                    (&e.reason).into(),
                ]
            })
            .collect();
        let bytes = crate::export::xlsx(vec![sheet], now).map_err(std::io::Error::other)?;
        return std::fs::write(path, bytes);
    }
    let mut out = Vec::from(&b"\xEF\xBB\xBF"[..]);
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(HEADERS)?;
        for (kind, e) in lines(errors, warnings) {
            w.write_record([
                kind.to_string(),
                e.row.to_string(),
                escape_cell(&e.column),
                escape_cell(&e.value),
                escape_cell(&e.reason),
            ])?;
        }
        w.flush()?;
    }
    std::fs::write(path, out)
}

/// One line per problem, as printed on the terminal.
pub fn format_line(kind: &str, e: &RowError) -> String {
    if e.value.is_empty() {
        format!("{kind} baris {}, kolom {}: {}", e.row, e.column, e.reason)
    } else {
        format!(
            "{kind} baris {}, kolom {}, nilai '{}': {}",
            e.row, e.column, e.value, e.reason
        )
    }
}
