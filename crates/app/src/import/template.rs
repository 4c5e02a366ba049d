//! Empty import templates: the header row in Bahasa Indonesia, text-formatted NIP and code
//! columns (so Excel keeps the 18 digits), and a second sheet explaining every column.

use std::path::Path;

use super::ImportKind;

/// Writes the template of a kind; `.csv` gives the header line only, anything else `.xlsx`.
pub fn write_template(kind: ImportKind, path: &Path) -> std::io::Result<()> {
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
    let io = |e: rust_xlsxwriter::XlsxError| std::io::Error::other(e.to_string());
    let mut wb = rust_xlsxwriter::Workbook::new();
    let head = rust_xlsxwriter::Format::new()
        .set_bold()
        .set_background_color(rust_xlsxwriter::Color::RGB(0xDDEBF7));
    let text = rust_xlsxwriter::Format::new().set_num_format("@");
    let ws = wb.add_worksheet();
    ws.set_name(kind.label()).map_err(io)?;
    for (i, c) in cols.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, c.header, &head)
            .map_err(io)?;
        ws.set_column_width(i as u16, (c.header.len() as f64 + 6.0).max(14.0))
            .map_err(io)?;
        if c.header == "NIP" || c.header.starts_with("Kode") {
            ws.set_column_format(i as u16, &text).map_err(io)?;
        }
    }
    let help = wb.add_worksheet();
    help.set_name("Petunjuk").map_err(io)?;
    for (i, h) in ["Kolom", "Wajib", "Isi"].iter().enumerate() {
        help.write_string_with_format(0, i as u16, *h, &head)
            .map_err(io)?;
    }
    for (r, c) in cols.iter().enumerate() {
        let r = r as u32 + 1;
        help.write_string(r, 0, c.header).map_err(io)?;
        help.write_string(r, 1, if c.required { "ya" } else { "tidak" })
            .map_err(io)?;
        help.write_string(r, 2, c.hint).map_err(io)?;
    }
    help.set_column_width(2, 90).map_err(io)?;
    wb.save(path).map_err(io)
}
