//! A small PDF writer for printed lists and letters (rosters, schedules, invitations): A4 pages
//! of text in the standard Helvetica fonts, which every PDF reader has, so nothing is embedded
//! and no heavy dependency is needed. Text outside Latin-1 is replaced by `?`.

use std::fmt::Write as _;

/// Page width of A4 in points.
pub const A4_WIDTH: f32 = 595.0;
/// Page height of A4 in points.
pub const A4_HEIGHT: f32 = 842.0;

/// One piece of text on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// From the left edge, in points.
    pub x: f32,
    /// From the bottom edge, in points.
    pub y: f32,
    /// Font size in points.
    pub size: f32,
    /// Helvetica-Bold instead of Helvetica.
    pub bold: bool,
    /// The text.
    pub text: String,
}

/// A filled rectangle (bars and marks of a chart), drawn below the page's text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// From the left edge, in points.
    pub x: f32,
    /// From the bottom edge, in points.
    pub y: f32,
    /// Width in points.
    pub w: f32,
    /// Height in points.
    pub h: f32,
    /// Grey level of the fill, 0 black to 1 white.
    pub gray: f32,
}

/// A document of A4 pages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Pages, each a list of texts.
    pub pages: Vec<Vec<Text>>,
    /// Document title (metadata).
    pub title: String,
    /// Rectangles per page (same index as `pages`; a page may have none).
    pub shapes: Vec<Vec<Rect>>,
}

/// Escapes a string for a PDF literal string, in WinAnsi (Latin-1) bytes.
fn literal(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() + 2);
    out.push(b'(');
    for ch in s.chars() {
        let b = u32::from(ch);
        let byte = if (0x20..0x7f).contains(&b) || (0xa0..=0xff).contains(&b) {
            b as u8
        } else {
            b'?'
        };
        if matches!(byte, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(byte);
    }
    out.push(b')');
    out
}

impl Document {
    /// The PDF file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut objects: Vec<Vec<u8>> = Vec::new();
        // 1 catalog, 2 pages, 3 font, 4 bold font, 5 info; then a page and its content per page.
        let n_pages = self.pages.len().max(1);
        let first_page = 6;
        let kids: Vec<String> = (0..n_pages)
            .map(|i| format!("{} 0 R", first_page + 2 * i))
            .collect();
        objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
        objects.push(
            format!(
                "<< /Type /Pages /Kids [{}] /Count {} >>",
                kids.join(" "),
                n_pages
            )
            .into_bytes(),
        );
        objects.push(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
                .to_vec(),
        );
        objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".to_vec());
        let mut info = b"<< /Producer (talenta) /Title ".to_vec();
        info.extend(literal(&self.title));
        info.extend(b" >>");
        objects.push(info);
        let empty = Vec::new();
        for i in 0..n_pages {
            let texts = self.pages.get(i).unwrap_or(&empty);
            let mut content = Vec::new();
            for r in self.shapes.get(i).map(Vec::as_slice).unwrap_or_default() {
                content.extend(
                    format!(
                        "{:.2} g {:.1} {:.1} {:.1} {:.1} re f\n",
                        r.gray.clamp(0.0, 1.0),
                        r.x,
                        r.y,
                        r.w,
                        r.h
                    )
                    .into_bytes(),
                );
            }
            if self.shapes.get(i).is_some_and(|v| !v.is_empty()) {
                content.extend(b"0 g\n");
            }
            for t in texts {
                let mut head = String::new();
                let _ = write!(
                    head,
                    "BT /{} {:.1} Tf {:.1} {:.1} Td ",
                    if t.bold { "F2" } else { "F1" },
                    t.size,
                    t.x,
                    t.y
                );
                content.extend(head.into_bytes());
                content.extend(literal(&t.text));
                content.extend(b" Tj ET\n");
            }
            objects.push(
                format!(
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {A4_WIDTH} {A4_HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
                    first_page + 2 * i + 1
                )
                .into_bytes(),
            );
            let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
            stream.extend(content);
            stream.extend(b"\nendstream");
            objects.push(stream);
        }
        let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut offsets = Vec::with_capacity(objects.len());
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n", i + 1).into_bytes());
            out.extend(body);
            out.extend(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
        for o in offsets {
            out.extend(format!("{o:010} 00000 n \n").into_bytes());
        }
        out.extend(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .into_bytes(),
        );
        out
    }
}

/// Lays out a table over as many A4 pages as it needs: a title, then a header row and rows,
/// columns at the given x positions; long cells are cut to fit their column.
pub fn table(
    title: &str,
    subtitle: &str,
    columns: &[(&str, f32)],
    rows: &[Vec<String>],
) -> Document {
    const TOP: f32 = 800.0;
    const BOTTOM: f32 = 50.0;
    const LINE: f32 = 13.0;
    let mut doc = Document {
        title: title.to_string(),
        ..Document::default()
    };
    let mut page: Vec<Text> = Vec::new();
    let mut y = 0.0;
    let width_of = |i: usize| -> f32 {
        let next = columns.get(i + 1).map(|c| c.1).unwrap_or(A4_WIDTH - 40.0);
        next - columns[i].1 - 6.0
    };
    let cut = |s: &str, w: f32, size: f32| -> String {
        let max = ((w / (size * 0.5)).floor() as usize).max(3);
        if s.chars().count() <= max {
            s.to_string()
        } else {
            format!("{}...", s.chars().take(max - 3).collect::<String>())
        }
    };
    let new_page = |page: &mut Vec<Text>, y: &mut f32, doc: &mut Document| {
        if !page.is_empty() {
            doc.pages.push(std::mem::take(page));
        }
        let n = doc.pages.len() + 1;
        page.push(Text {
            x: 40.0,
            y: TOP + 12.0,
            size: 13.0,
            bold: true,
            text: title.to_string(),
        });
        page.push(Text {
            x: 40.0,
            y: TOP - 4.0,
            size: 9.0,
            bold: false,
            text: format!("{subtitle} - halaman {n}"),
        });
        *y = TOP - 26.0;
        for (i, (h, x)) in columns.iter().enumerate() {
            page.push(Text {
                x: *x,
                y: *y,
                size: 9.0,
                bold: true,
                text: cut(h, width_of(i), 9.0),
            });
        }
        *y -= LINE + 2.0;
    };
    new_page(&mut page, &mut y, &mut doc);
    for row in rows {
        if y < BOTTOM {
            new_page(&mut page, &mut y, &mut doc);
        }
        for (i, (_, x)) in columns.iter().enumerate() {
            let cell = row.get(i).map(String::as_str).unwrap_or("");
            page.push(Text {
                x: *x,
                y,
                size: 8.5,
                bold: false,
                text: cut(cell, width_of(i), 8.5),
            });
        }
        y -= LINE;
    }
    doc.pages.push(page);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every object the cross-reference table names starts at the byte it says.
    fn xref_is_consistent(pdf: &[u8]) -> bool {
        let find = |pat: &[u8]| pdf.windows(pat.len()).rposition(|w| w == pat);
        let Some(start) = find(b"startxref\n") else {
            return false;
        };
        let tail = String::from_utf8_lossy(&pdf[start + 10..]);
        let xref: usize = tail
            .lines()
            .next()
            .and_then(|l| l.parse().ok())
            .unwrap_or(0);
        if !pdf[xref..].starts_with(b"xref\n") {
            return false;
        }
        let table = String::from_utf8_lossy(&pdf[xref..]);
        table
            .lines()
            .skip(3)
            .take_while(|l| l.ends_with(" n "))
            .enumerate()
            .all(|(i, l)| {
                let off: usize = l[..10].parse().unwrap_or(0);
                pdf[off..].starts_with(format!("{} 0 obj", i + 1).as_bytes())
            })
    }

    #[test]
    fn a_table_spreads_over_pages_and_the_file_is_well_formed() {
        let rows: Vec<Vec<String>> = (0..150)
            .map(|i| {
                vec![
                    i.to_string(),
                    format!("Pegawai ({i}) \\ nama"),
                    "Dinas".into(),
                ]
            })
            .collect();
        let doc = table(
            "Daftar Hadir",
            "Hari 1",
            &[("No", 40.0), ("Nama", 80.0), ("Unit", 400.0)],
            &rows,
        );
        assert_eq!(doc.pages.len(), 3, "about 56 rows a page");
        let pdf = doc.to_bytes();
        assert!(pdf.starts_with(b"%PDF-1.4"));
        assert!(pdf.ends_with(b"%%EOF\n"));
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("/Count 3"));
        assert!(
            text.contains("(Pegawai \\(149\\) \\\\ nama) Tj"),
            "escaped parentheses and backslash"
        );
        assert!(xref_is_consistent(&pdf));
    }

    #[test]
    fn text_outside_latin_1_is_replaced_and_latin_1_is_kept() {
        assert_eq!(literal("Désa 日本"), b"(D\xe9sa ??)".to_vec());
    }
}
