//! Laying out pages: a table spread over as many A4 pages as it needs ([`table`]) and a
//! top-down writer for reports and letters ([`Writer`]), both measuring text by the real
//! widths of the embedded font.

use crate::fonts::{fit, text_width, wrap};
use crate::pdf::{A4_WIDTH, Document, Page};

/// Top baseline of a page's content.
const TOP: f32 = 800.0;
/// No baseline below this.
const BOTTOM: f32 = 50.0;
/// Left margin.
const LEFT: f32 = 40.0;
/// Right margin, from the left edge.
const RIGHT: f32 = A4_WIDTH - 40.0;
/// Space kept free before the next column of a table (5 points: a 3-digit number at 8.5 pt
/// still fits a column 22 points wide).
const GUTTER: f32 = 5.0;

/// Lays out a table over as many A4 pages as it needs: on each page the title, the subtitle
/// with the page number (`halaman N`), each on a second line if it needs one, the header row,
/// then rows. Columns start at the given
/// x positions (points from the left); each ends 5 points before the next one (the last at the
/// right margin) and cells longer than their column are cut with `...` by their printed width.
pub fn table(
    title: &str,
    subtitle: &str,
    columns: &[(&str, f32)],
    rows: &[Vec<String>],
) -> Document {
    const LINE: f32 = 13.0;
    const HEAD: f32 = 9.0;
    const BODY: f32 = 8.5;
    let widths: Vec<f32> = columns
        .iter()
        .enumerate()
        .map(|(i, (_, x))| columns.get(i + 1).map_or(RIGHT, |c| c.1) - x - GUTTER)
        .collect();
    let mut doc = Document::new(title);
    let mut page = Page::default();
    let mut y = 0.0;
    let start = |page: &mut Page, y: &mut f32, doc: &mut Document| {
        if !page.texts.is_empty() {
            doc.pages.push(std::mem::take(page));
        }
        let n = doc.pages.len() + 1;
        // Title and subtitle take a second line when they need one (a post's full name, a
        // rule in words); only what is longer still is cut.
        let mut top = TOP + 12.0;
        for (i, l) in two_lines(title, 13.0, true).into_iter().enumerate() {
            if i > 0 {
                top -= 15.0;
            }
            page.text(LEFT, top, 13.0, true, l);
        }
        top -= 16.0;
        for (i, l) in subtitle_lines(subtitle, n).into_iter().enumerate() {
            if i > 0 {
                top -= 11.0;
            }
            page.text(LEFT, top, 9.0, false, l);
        }
        *y = top - 22.0;
        for ((h, x), w) in columns.iter().zip(&widths) {
            page.text(*x, *y, HEAD, true, fit(h, *w, HEAD, true));
        }
        *y -= LINE + 2.0;
    };
    start(&mut page, &mut y, &mut doc);
    for row in rows {
        if y < BOTTOM {
            start(&mut page, &mut y, &mut doc);
        }
        for (i, ((_, x), w)) in columns.iter().zip(&widths).enumerate() {
            let cell = row.get(i).map(String::as_str).unwrap_or("");
            if !cell.is_empty() {
                page.text(*x, y, BODY, false, fit(cell, *w, BODY, false));
            }
        }
        y -= LINE;
    }
    doc.pages.push(page);
    doc
}

/// `text` on at most two lines between the margins, the second cut with `...` if need be.
fn two_lines(text: &str, size: f32, bold: bool) -> Vec<String> {
    let mut lines = wrap(text, RIGHT - LEFT, size, bold);
    if lines.len() > 2 {
        let rest = lines.split_off(1).join(" ");
        lines.push(fit(&rest, RIGHT - LEFT, size, bold));
    }
    lines
}

/// The subtitle of page `n` with its page number (`... - halaman N`) on at most two lines;
/// the page number is kept even when the subtitle has to be cut.
fn subtitle_lines(subtitle: &str, n: usize) -> Vec<String> {
    const SIZE: f32 = 9.0;
    let page = format!("halaman {n}");
    if subtitle.trim().is_empty() {
        return vec![page];
    }
    let tail = format!(" - {page}");
    let full = format!("{subtitle}{tail}");
    if text_width(&full, SIZE, false) <= RIGHT - LEFT {
        return vec![full];
    }
    let mut lines = wrap(subtitle, RIGHT - LEFT, SIZE, false).into_iter();
    let first = lines.next().unwrap_or_default();
    let rest: Vec<String> = lines.collect();
    if rest.is_empty() {
        return vec![first, page];
    }
    let room = RIGHT - LEFT - text_width(&tail, SIZE, false);
    vec![
        first,
        format!("{}{tail}", fit(&rest.join(" "), room, SIZE, false)),
    ]
}

/// Writes a document top-down on A4 pages (margins 40 points, content from y 800 down to
/// 50), starting a new page when the next line does not fit.
#[derive(Debug, Clone)]
pub struct Writer {
    doc: Document,
    page: Page,
    y: f32,
}

impl Writer {
    /// Left edge of the bar of [`Writer::bar`].
    pub const BAR_X: f32 = 230.0;
    /// Full width of the bar of [`Writer::bar`].
    pub const BAR_W: f32 = 250.0;

    /// A writer at the top of the first page.
    pub fn new(title: impl Into<String>) -> Writer {
        Writer {
            doc: Document::new(title),
            page: Page::default(),
            y: TOP,
        }
    }

    /// The current baseline, from the bottom of the page.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// The page being written, to place texts and rectangles freely (with [`Writer::reserve`]).
    pub fn page(&mut self) -> &mut Page {
        &mut self.page
    }

    /// Starts a new page unless `height` points still fit above the bottom margin.
    pub fn room(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.new_page();
        }
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.doc.pages.push(std::mem::take(&mut self.page));
        self.y = TOP;
    }

    /// Makes room for a block `height` points high and moves below it; returns the baseline
    /// of the block's first line, for placing its parts with [`Writer::page`].
    pub fn reserve(&mut self, height: f32) -> f32 {
        self.room(height);
        let y = self.y;
        self.y -= height;
        y
    }

    /// One line of text at `x`, cut with `...` at the right margin.
    pub fn line(&mut self, x: f32, size: f32, bold: bool, text: impl AsRef<str>) {
        let y = self.reserve(size + 4.0);
        let text = fit(text.as_ref(), RIGHT - x, size, bold);
        self.page.text(x, y, size, bold, text);
    }

    /// A paragraph from `x` to the right margin, word-wrapped.
    pub fn paragraph(&mut self, x: f32, size: f32, bold: bool, text: &str) {
        for l in wrap(text, RIGHT - x, size, bold) {
            self.line(x, size, bold, l);
        }
    }

    /// A list item: `- ` at `x`, the text word-wrapped with its following lines aligned
    /// after the dash.
    pub fn bullet(&mut self, x: f32, size: f32, text: &str) {
        let indent = text_width("- ", size, false);
        for (i, l) in wrap(text, RIGHT - x - indent, size, false)
            .into_iter()
            .enumerate()
        {
            if i == 0 {
                self.line(x, size, false, format!("- {l}"));
            } else {
                self.line(x + indent, size, false, l);
            }
        }
    }

    /// A label and its value (`Nama : Budi`): the label at the left margin, the value in bold
    /// at 170 points, word-wrapped to the right margin.
    pub fn pair(&mut self, label: &str, value: &str) {
        const VALUE_X: f32 = 170.0;
        let lines = wrap(&format!(": {value}"), RIGHT - VALUE_X, 10.0, true);
        for (i, l) in lines.iter().enumerate() {
            let y = self.reserve(14.0);
            if i == 0 {
                let label = fit(label, VALUE_X - LEFT - 4.0, 10.0, false);
                self.page.text(LEFT, y, 10.0, false, label);
            }
            self.page.text(VALUE_X, y, 10.0, true, l.clone());
        }
    }

    /// A row of a horizontal bar chart: `label` at the left margin (cut to fit), a light
    /// track from [`Writer::BAR_X`] of [`Writer::BAR_W`], filled in grey to `fraction` (0 to
    /// 1), a black mark at `mark` if given (a standard to reach), and `value` after the bar.
    pub fn bar(&mut self, label: &str, fraction: f32, mark: Option<f32>, value: &str) {
        let y = self.reserve(16.0);
        let scale = |f: f32| f.clamp(0.0, 1.0) * Self::BAR_W;
        let label = fit(label, Self::BAR_X - LEFT - 6.0, 9.0, false);
        self.page.text(LEFT, y, 9.0, false, label);
        self.page
            .rect(Self::BAR_X, y - 2.0, Self::BAR_W, 11.0, 0.93);
        self.page
            .rect(Self::BAR_X, y - 2.0, scale(fraction), 11.0, 0.55);
        if let Some(m) = mark {
            self.page
                .rect(Self::BAR_X + scale(m) - 1.0, y - 4.0, 2.0, 15.0, 0.0);
        }
        let value = fit(value, RIGHT - Self::BAR_X - Self::BAR_W - 10.0, 9.0, false);
        self.page
            .text(Self::BAR_X + Self::BAR_W + 10.0, y, 9.0, false, value);
    }

    /// Moves down `h` points.
    pub fn gap(&mut self, h: f32) {
        self.y -= h;
    }

    /// The document written.
    pub fn finish(mut self) -> Document {
        self.doc.pages.push(self.page);
        self.doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_digit_row_numbers_fit_the_usual_22_point_column() {
        let rows: Vec<Vec<String>> = (100..160)
            .map(|i| vec![i.to_string(), "x".into()])
            .collect();
        let doc = table("T", "", &[("No", 40.0), ("NIP", 62.0)], &rows);
        assert!(doc.pages[0].texts.iter().any(|t| t.text == "halaman 1"));
        let numbers: Vec<&str> = doc.pages[0]
            .texts
            .iter()
            .filter(|t| t.x == 40.0 && !t.bold && t.size < 9.0)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(numbers[0], "100");
        assert!(numbers.iter().all(|n| !n.contains("...")), "{numbers:?}");
    }

    #[test]
    fn a_long_title_takes_two_lines_and_the_table_moves_down() {
        let long = "Calon pengganti Kepala Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah (KB.01) per 2026-11-27";
        let rows = vec![vec!["1".to_string()]];
        let short = table("Daftar", "", &[("No", 40.0)], &rows);
        let doc = table(long, "", &[("No", 40.0)], &rows);
        let titles: Vec<&str> = doc.pages[0]
            .texts
            .iter()
            .filter(|t| t.bold && t.size == 13.0)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(titles.len(), 2);
        assert_eq!(titles.join(" "), long, "nothing of the title is lost");
        let header_y = |d: &Document| {
            d.pages[0]
                .texts
                .iter()
                .find(|t| t.text == "No")
                .map(|t| t.y)
        };
        assert_eq!(header_y(&doc), header_y(&short).map(|y| y - 15.0));
        let rule = "Urutan: siap sekarang lebih dulu; lalu JPM terhadap standar jabatan (tinggi ke rendah); lalu kotak talenta (9, 8, 7); lalu lama pada jenjang; lalu pangkat; lalu NIP";
        let doc = table("Daftar", rule, &[("No", 40.0)], &rows);
        let subs: Vec<&str> = doc.pages[0]
            .texts
            .iter()
            .filter(|t| t.size == 9.0 && !t.bold)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(subs.join(" "), format!("{rule} - halaman 1"));
        assert_eq!(header_y(&doc), header_y(&short).map(|y| y - 11.0));
    }

    #[test]
    fn the_writer_breaks_pages_and_wraps_by_width() {
        let mut w = Writer::new("Laporan");
        w.line(40.0, 14.0, true, "LAPORAN");
        w.pair("Nama", "Nur’aini");
        for i in 0..80 {
            w.bullet(50.0, 10.0, &format!("Saran pengembangan nomor {i} yang cukup panjang sehingga harus dibungkus menjadi lebih dari satu baris pada halaman A4"));
        }
        w.bar("Integritas", 0.6, Some(0.8), "3 / 4");
        let doc = w.finish();
        assert!(doc.pages.len() > 2);
        for p in &doc.pages {
            assert!(p.texts.iter().all(|t| t.y >= BOTTOM && t.y <= TOP));
            assert!(
                p.texts
                    .iter()
                    .all(|t| t.x + text_width(&t.text, t.size, t.bold) <= RIGHT + 0.01)
            );
        }
        let last = doc.pages.last().unwrap();
        assert_eq!(last.rects.len(), 3);
    }
}
