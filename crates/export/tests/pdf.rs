//! The PDF writer seen from outside: poppler reads the text back, renders a page, finds the
//! fonts embedded and the PDF/A identification; output is deterministic; tables page and cut.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests: a failure must stop loudly

use std::io::Write as _;
use std::process::{Command, Output};

use chrono::{TimeZone, Utc};
use talenta_export::{Conformance, Document, ExportError, Page, Text, Writer, table, text_width};

/// Runs a poppler tool; fails (never skips) when it is not installed.
fn poppler(tool: &str, args: &[&str]) -> Output {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("`{tool}` could not be run ({e}): install poppler-utils (apt-get install -y poppler-utils)")
    });
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn temp_pdf(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    f.write_all(bytes).unwrap();
    f.flush().unwrap();
    f
}

fn rows(n: usize) -> Vec<Vec<String>> {
    (0..n)
        .map(|i| {
            vec![
                (i + 1).to_string(),
                format!("Pegawai ({i}) \\ nama"),
                "Dinas Kesehatan".into(),
            ]
        })
        .collect()
}

const WORDS: [&str; 5] = ["Nur’aini", "✓ memenuhi", "✗ belum", "Désa", "“kutip”"];

fn sample() -> Document {
    let mut doc = Document::new("Uji tulisan – Nur’aini");
    let mut page = Page::default();
    for (i, w) in WORDS.iter().enumerate() {
        page.text(60.0, 760.0 - 20.0 * i as f32, 11.0, i % 2 == 0, *w);
    }
    page.rect(60.0, 600.0, 200.0, 10.0, 0.5);
    doc.pages.push(page);
    doc.append(table(
        "Daftar Hadir",
        "Hari 1",
        &[("No", 40.0), ("Nama", 80.0), ("Unit", 400.0)],
        &rows(150),
    ));
    doc
}

#[test]
fn pdftotext_reads_back_every_string_and_pdftoppm_renders_a_page() {
    let doc = sample();
    assert_eq!(doc.pages.len(), 4, "a page of words and a table of 3 pages");
    let file = temp_pdf(&doc.to_pdf(Conformance::Plain).unwrap());
    let path = file.path().to_str().unwrap();
    let text = String::from_utf8(poppler("pdftotext", &[path, "-"]).stdout).unwrap();
    for w in WORDS {
        assert!(
            text.lines().any(|l| l.trim() == w),
            "{w:?} not read back from:\n{text}"
        );
    }
    for s in [
        "Pegawai (0) \\ nama",
        "Pegawai (149) \\ nama",
        "Hari 1 - halaman 3",
        "Daftar Hadir",
    ] {
        assert!(text.contains(s), "{s:?} not read back");
    }
    assert_eq!(text.matches('\u{c}').count(), 4, "four pages");

    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    let prefix = prefix.to_str().unwrap();
    poppler(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "50",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            path,
            prefix,
        ],
    );
    let png = std::fs::read(format!("{prefix}.png")).unwrap();
    assert!(png.len() > 1000, "a rendered page, {} bytes", png.len());
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
}

#[test]
fn archival_output_is_pdf_a_with_embedded_fonts() {
    let mut doc = sample();
    doc.created = Some(Utc.with_ymd_and_hms(2025, 3, 14, 8, 30, 0).unwrap());
    let pdf = doc.to_pdf(Conformance::Archival).unwrap();
    let raw = String::from_utf8_lossy(&pdf);
    // The XMP packet (stored uncompressed) identifies PDF/A-2u.
    let xmp = raw
        .find("<x:xmpmeta")
        .map(|s| &raw[s..s + raw[s..].find("</x:xmpmeta>").unwrap()])
        .expect("an XMP metadata packet");
    assert!(
        xmp.contains("pdfaid:part>2<") || xmp.contains("pdfaid:part=\"2\""),
        "{xmp}"
    );
    assert!(
        xmp.contains("pdfaid:conformance>U<") || xmp.contains("pdfaid:conformance=\"U\""),
        "{xmp}"
    );
    assert!(
        xmp.contains("2025-03-14T08:30:00"),
        "creation date in XMP: {xmp}"
    );
    assert!(raw.contains("/Lang(id)"), "document language");
    assert!(
        raw.contains("/OutputIntents"),
        "an output intent, as PDF/A requires"
    );

    let file = temp_pdf(&pdf);
    let fonts =
        String::from_utf8(poppler("pdffonts", &[file.path().to_str().unwrap()]).stdout).unwrap();
    let lines: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(lines.len(), 2, "regular and bold:\n{fonts}");
    for l in &lines {
        let cols: Vec<&str> = l.split_whitespace().collect();
        assert!(cols[0].contains("DejaVuSans"), "{l}");
        // name type... encoding emb sub uni object ID
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "embedded, subset, unicode: {l}"
        );
    }
    let info =
        String::from_utf8(poppler("pdfinfo", &[file.path().to_str().unwrap()]).stdout).unwrap();
    assert!(info.contains("Uji tulisan – Nur’aini"), "title: {info}");
}

#[test]
fn archival_output_needs_a_date_and_plain_output_has_none() {
    let doc = sample();
    assert!(matches!(
        doc.to_pdf(Conformance::Archival),
        Err(ExportError::MissingDate)
    ));
    let raw = String::from_utf8_lossy(&doc.to_pdf(Conformance::Plain).unwrap()).into_owned();
    assert!(!raw.contains("/CreationDate") && !raw.contains("CreateDate"));
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let mut a = sample();
    let b = sample();
    assert_eq!(
        a.to_pdf(Conformance::Plain).unwrap(),
        b.to_pdf(Conformance::Plain).unwrap()
    );
    a.created = Some(Utc.with_ymd_and_hms(2025, 1, 2, 3, 4, 5).unwrap());
    let mut b = b;
    b.created = a.created;
    assert_eq!(
        a.to_pdf(Conformance::Archival).unwrap(),
        b.to_pdf(Conformance::Archival).unwrap()
    );
    // And a different document does not.
    b.pages[0].texts[0].text.push('x');
    assert_ne!(
        a.to_pdf(Conformance::Archival).unwrap(),
        b.to_pdf(Conformance::Archival).unwrap()
    );
}

#[test]
fn a_table_of_150_rows_takes_3_pages_and_long_cells_are_cut_by_width() {
    let mut rows = rows(150);
    let long = "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana";
    rows[0][1] = long.into();
    // 60 narrow letters fit in 300 points, where a count of characters (the old rule) cut them.
    let narrow = "il".repeat(30);
    rows[1][1] = narrow.clone();
    let doc = table(
        "Daftar",
        "Hari 1",
        &[("No", 40.0), ("Nama", 80.0), ("Unit", 400.0)],
        &rows,
    );
    assert_eq!(doc.pages.len(), 3);
    let width = 400.0 - 80.0 - 5.0;
    let cells: Vec<&Text> = doc.pages[0].texts.iter().filter(|t| t.x == 80.0).collect();
    let cut = &cells[1];
    assert!(cut.text.ends_with("..."), "{}", cut.text);
    assert!(long.starts_with(cut.text.trim_end_matches("...")));
    assert!(text_width(&cut.text, cut.size, false) <= width);
    assert!(
        text_width(&cut.text.replace("...", " Anak"), cut.size, false) > width - 30.0,
        "cut near the edge"
    );
    assert_eq!(cells[2].text, narrow);
    for (i, p) in doc.pages.iter().enumerate() {
        assert!(
            p.texts
                .iter()
                .any(|t| t.text == format!("Hari 1 - halaman {}", i + 1))
        );
        assert!(
            p.texts.iter().any(|t| t.text == "Nama" && t.bold),
            "header on every page"
        );
    }
}

#[test]
fn the_writer_makes_a_multi_page_report() {
    let mut w = Writer::new("Laporan hasil asesmen Nur’aini");
    w.line(40.0, 14.0, true, "LAPORAN HASIL ASESMEN KOMPETENSI");
    w.pair("Nama", "Nur’aini");
    w.pair("Kategori", "✓ memenuhi");
    for i in 0..60 {
        w.bar(&format!("K{i} Integritas"), 0.6, Some(0.8), "3 / 4");
    }
    w.bullet(50.0, 10.0, "Mengikuti pelatihan “kepemimpinan” dan penugasan lintas unit kerja selama enam bulan agar kemampuan memimpin perubahan meningkat.");
    let doc = w.finish();
    assert_eq!(doc.pages.len(), 2);
    let file = temp_pdf(&doc.to_pdf(Conformance::Plain).unwrap());
    let text =
        String::from_utf8(poppler("pdftotext", &[file.path().to_str().unwrap(), "-"]).stdout)
            .unwrap();
    assert!(text.contains("“kepemimpinan”"), "{text}");
    assert!(text.contains(": ✓ memenuhi"), "{text}");
}
