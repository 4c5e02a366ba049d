//! talenta-export: the table and page model every report of talenta is written from, and its
//! writers: PDF ([`Document::to_pdf`]) and XLSX ([`Workbook::to_xlsx`]), with [`Table`] for
//! the many lists that go to both.
//!
//! - [`Document`] of [`Page`]s of positioned [`Text`]s and grey [`Rect`]s (y from the bottom,
//!   A4 in points), laid out with [`table`] (a list over as many pages as it needs) or
//!   [`Writer`] (top-down: lines, label/value pairs, wrapped paragraphs, bar rows, page
//!   breaks). Text is measured by the embedded font's real advances ([`text_width`], [`fit`],
//!   [`wrap`]).
//! - [`Workbook`] of [`Sheet`]s of typed [`Column`]s and [`Cell`]s, with [`Chart`]s; text is
//!   always passed through [`escape_cell`].
//!
//! # Why krilla and DejaVu
//!
//! The previous writer was hand-written PDF with the 14 standard fonts: nothing embedded, so
//! only Latin-1 (names such as `Nur’aini`, marks such as `✓`, typographic quotes became `?`)
//! and no PDF/A for letters that must be archived. [krilla](https://docs.rs/krilla) is a
//! maintained, pure-Rust PDF writer (MIT/Apache-2.0) that subsets and embeds TrueType fonts,
//! writes ToUnicode maps (text can be searched and copied) and validates PDF/A-2u; with its
//! default features off it brings no image or SVG code. DejaVu Sans (regular and bold), from
//! the `dejavu` crate, is compiled into the binary: nothing is downloaded or read from disk at
//! run time, and it covers Latin, Greek, Cyrillic, punctuation and common symbols. Its licence
//! is the Bitstream Vera / DejaVu font licence (free to embed and redistribute; derivative
//! fonts must be renamed). Text is shaped with rustybuzz (the shaper krilla uses), once, and
//! the same glyphs are measured for layout and drawn. The two fonts are parsed once per
//! process ([`std::sync::LazyLock`]) and shared by all documents.
//!
//! PDF output is deterministic: no clock is read, file identifiers are hashes of the content,
//! and a creation date is written only when [`Document::created`] is set (PDF/A requires one).
//! Archival output is PDF/A-2u rather than 2a: level A needs a structure tree (headings,
//! tables, reading order) that a page of positioned texts does not carry. Workbooks are
//! reproducible when [`Workbook::created`] is set.
//!
//! Speed, measured in release on one core (the ignored test `speed_of_2227_reports`,
//! `cargo test -p talenta-export --release -- --ignored`): 2,227 one-page report-like
//! documents (60 texts, 40 rectangles each) in 4.3 to 5.4 s, about 2 ms and 29 KB a
//! document, the same as PDF/A-2u; the old hand-written Helvetica writer took about 3 s (the
//! fonts are subset and the pages compressed for each document).
//!
//! DejaVu Sans is about 14 % wider than Helvetica: an 18-digit NIP grouped with spaces is
//! about 106 points wide at 8.5 pt, so table columns sized for Helvetica may need widening.

mod fonts;
mod layout;
mod pdf;
mod table;
mod xlsx;

pub use fonts::{fit, text_width, wrap};
pub use layout::{Writer, table};
pub use pdf::{A4_HEIGHT, A4_WIDTH, Conformance, Document, Page, Rect, Text};
pub use table::Table;
pub use xlsx::{Cell, Chart, ChartKind, Column, Kind, Sheet, Workbook, escape_cell};

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// An embedded font could not be read (not expected: the fonts are compiled in).
    #[error("huruf {0} tidak dapat dibaca")]
    Font(&'static str),
    /// krilla refused the document (for PDF/A: what the file would violate).
    #[error("PDF tidak dapat ditulis: {0}")]
    Pdf(String),
    /// A PDF/A file must carry its creation date.
    #[error("dokumen arsip (PDF/A) memerlukan tanggal pembuatan")]
    MissingDate,
    /// The workbook writer refused a sheet (a bad sheet name, too many rows or columns).
    #[error("lembar kerja tidak dapat ditulis: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// More rows or columns than a sheet holds.
    #[error("lembar kerja terlalu besar: {0}")]
    TooLarge(String),
}
