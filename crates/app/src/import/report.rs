//! The row-level error report: printed, and written as `.csv` (UTF-8 with BOM, so Excel opens
//! it correctly) or `.xlsx`. Cells that would start a formula are escaped.

use std::path::Path;

use super::RowError;

/// Escapes a value that a spreadsheet would take for a formula (`= + - @`, tab, CR).
pub fn escape_cell(v: &str) -> String {
    match v.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{v}"),
        _ => v.to_string(),
    }
}

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

/// Writes the report; the format follows the extension (`.xlsx`, otherwise CSV).
pub fn write_report(
    path: &Path,
    errors: &[RowError],
    warnings: &[RowError],
) -> std::io::Result<()> {
    let xlsx = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if xlsx {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        let io = |e: rust_xlsxwriter::XlsxError| std::io::Error::other(e.to_string());
        ws.set_name("Laporan Impor").map_err(io)?;
        let bold = rust_xlsxwriter::Format::new().set_bold();
        for (c, h) in HEADERS.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &bold)
                .map_err(io)?;
        }
        for (i, (kind, e)) in lines(errors, warnings).enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, kind).map_err(io)?;
            ws.write_number(r, 1, e.row as f64).map_err(io)?;
            ws.write_string(r, 2, escape_cell(&e.column)).map_err(io)?;
            ws.write_string(r, 3, escape_cell(&e.value)).map_err(io)?;
            ws.write_string(r, 4, escape_cell(&e.reason)).map_err(io)?;
        }
        ws.set_column_width(4, 80).map_err(io)?;
        wb.save(path).map_err(io)?;
        return Ok(());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_that_would_start_a_formula_are_escaped() {
        assert_eq!(escape_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(escape_cell("+62"), "'+62");
        assert_eq!(escape_cell("@SUM"), "'@SUM");
        assert_eq!(escape_cell("-1"), "'-1");
        assert_eq!(escape_cell("Budi"), "Budi");
    }
}
