//! The page model of a printed document (A4 pages of positioned texts and grey rectangles) and
//! its rendering to PDF with krilla, in embedded DejaVu Sans, optionally as PDF/A-2u.

use chrono::{DateTime, Datelike, Timelike, Utc};
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::{SerializeSettings, color::luma};

use crate::ExportError;
use crate::fonts;

/// Page width of A4 in points.
pub const A4_WIDTH: f32 = 595.0;
/// Page height of A4 in points.
pub const A4_HEIGHT: f32 = 842.0;

/// One line of text on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// Start of the baseline from the left edge, in points.
    pub x: f32,
    /// Baseline from the bottom edge, in points.
    pub y: f32,
    /// Font size in points.
    pub size: f32,
    /// DejaVu Sans Bold instead of DejaVu Sans.
    pub bold: bool,
    /// The text, one line; any Unicode DejaVu Sans covers (characters it lacks print as `?`).
    pub text: String,
}

impl Text {
    /// A text at `x`, `y` (from the bottom).
    pub fn new(x: f32, y: f32, size: f32, bold: bool, text: impl Into<String>) -> Text {
        Text {
            x,
            y,
            size,
            bold,
            text: text.into(),
        }
    }
}

/// A filled rectangle (bars and marks of a chart, shading), drawn below the page's texts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge from the left of the page, in points.
    pub x: f32,
    /// Bottom edge from the bottom of the page, in points.
    pub y: f32,
    /// Width in points.
    pub w: f32,
    /// Height in points.
    pub h: f32,
    /// Grey level of the fill, 0 black to 1 white.
    pub gray: f32,
}

/// One A4 page: rectangles first, texts over them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Texts.
    pub texts: Vec<Text>,
    /// Filled rectangles, below the texts.
    pub rects: Vec<Rect>,
}

impl Page {
    /// Adds a text at `x`, `y` (from the bottom).
    pub fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, text: impl Into<String>) {
        self.texts.push(Text::new(x, y, size, bold, text));
    }

    /// Adds a filled rectangle; `y` is its bottom edge.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, gray: f32) {
        self.rects.push(Rect { x, y, w, h, gray });
    }
}

impl From<Vec<Text>> for Page {
    fn from(texts: Vec<Text>) -> Page {
        Page {
            texts,
            rects: Vec::new(),
        }
    }
}

/// A document of A4 pages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Title (metadata, shown by readers in the window title).
    pub title: String,
    /// The pages; a document without pages is written with one empty page.
    pub pages: Vec<Page>,
    /// Creation date (metadata). Left out when `None`, so the same document always gives the
    /// same bytes; required for [`Conformance::Archival`].
    pub created: Option<DateTime<Utc>>,
}

/// What standard the PDF file follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Conformance {
    /// PDF 1.7 with embedded fonts.
    #[default]
    Plain,
    /// PDF/A-2u (ISO 19005-2, level U: archival, with every glyph mapped to Unicode), for
    /// official letters. Needs [`Document::created`].
    Archival,
}

/// Language of every document (BCP 47 / RFC 3066).
const LANGUAGE: &str = "id";
/// Producer and creator recorded in the metadata.
const PRODUCER: &str = "talenta";

fn pdf_date(t: DateTime<Utc>) -> krilla::metadata::DateTime {
    let narrow = |v: u32| u8::try_from(v).unwrap_or(u8::MAX);
    krilla::metadata::DateTime::new(u16::try_from(t.year()).unwrap_or(0))
        .month(narrow(t.month()))
        .day(narrow(t.day()))
        .hour(narrow(t.hour()))
        .minute(narrow(t.minute()))
        .second(narrow(t.second()))
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

fn finite(values: &[f32]) -> bool {
    values.iter().all(|v| v.is_finite())
}

impl Document {
    /// An empty document with a title.
    pub fn new(title: impl Into<String>) -> Document {
        Document {
            title: title.into(),
            ..Document::default()
        }
    }

    /// Appends the pages of `other` (a table after a letter, several tables in one file).
    pub fn append(&mut self, other: Document) {
        self.pages.extend(other.pages);
    }

    /// The PDF file. Equal documents give equal bytes (krilla derives the file identifiers
    /// from the content; no clock is read). Texts and rectangles with non-finite coordinates
    /// are left out.
    pub fn to_pdf(&self, conformance: Conformance) -> Result<Vec<u8>, ExportError> {
        let regular = fonts::face(false)?;
        let bold = fonts::face(true)?;
        let mut builder = ConfigurationBuilder::new();
        if conformance == Conformance::Archival {
            if self.created.is_none() {
                return Err(ExportError::MissingDate);
            }
            builder = builder.with_archival_validator(Archival::A2_U);
        }
        let configuration = builder
            .finish()
            .map_err(|e| ExportError::Pdf(format!("konfigurasi tidak sah: {e:?}")))?;
        let settings = SerializeSettings {
            configuration,
            // No structure tree is written: the model has no headings or table semantics.
            enable_tagging: false,
            ..SerializeSettings::default()
        };
        let mut pdf = krilla::Document::new_with(settings);
        let mut metadata = Metadata::new()
            .title(self.title.clone())
            .language(LANGUAGE.into())
            .creator(PRODUCER.into())
            .producer(PRODUCER.into());
        if let Some(t) = self.created {
            metadata = metadata.creation_date(pdf_date(t));
        }
        pdf.set_metadata(metadata);
        let size = PageSettings::from_wh(A4_WIDTH, A4_HEIGHT)
            .ok_or_else(|| ExportError::Pdf("ukuran halaman tidak sah".into()))?;
        let blank = [Page::default()];
        let pages = if self.pages.is_empty() {
            &blank[..]
        } else {
            &self.pages[..]
        };
        for p in pages {
            let mut page = pdf.start_page_with(size.clone());
            let mut surface = page.surface();
            for r in &p.rects {
                if !finite(&[r.x, r.y, r.w, r.h, r.gray]) {
                    continue;
                }
                // krilla measures y downwards from the top.
                let Some(rect) =
                    krilla::geom::Rect::from_xywh(r.x, A4_HEIGHT - r.y - r.h, r.w, r.h)
                else {
                    continue;
                };
                let mut path = PathBuilder::new();
                path.push_rect(rect);
                let Some(path) = path.finish() else {
                    continue;
                };
                let level = (r.gray.clamp(0.0, 1.0) * 255.0).round() as u8;
                surface.set_fill(Some(Fill {
                    paint: luma::Color::new(level).into(),
                    opacity: NormalizedF32::ONE,
                    rule: FillRule::NonZero,
                }));
                surface.draw_path(&path);
            }
            surface.set_fill(Some(Fill::default()));
            for t in &p.texts {
                if t.text.is_empty() || !finite(&[t.x, t.y, t.size]) || t.size <= 0.0 {
                    continue;
                }
                let face = if t.bold { bold } else { regular };
                let shaped = face.shape(&t.text);
                surface.draw_glyphs(
                    Point::from_xy(t.x, A4_HEIGHT - t.y),
                    &shaped.glyphs,
                    face.pdf.clone(),
                    &shaped.text,
                    t.size,
                    false,
                );
            }
            surface.finish();
            page.finish();
        }
        pdf.finish().map_err(|e| match e {
            krilla::error::KrillaError::Validation(errors) => ExportError::Pdf(format!(
                "tidak memenuhi PDF/A: {}",
                errors
                    .iter()
                    .map(|(v, _)| format!("{v:?}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
            other => ExportError::Pdf(other.to_string()),
        })
    }
}
