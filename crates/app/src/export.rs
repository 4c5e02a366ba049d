//! What the use cases' documents share, on top of `talenta_export`: the NIP and JPM cells, and
//! writing a workbook or a PDF with the use case's clock.

use chrono::{DateTime, Utc};
use talenta_domain::Nip;
use talenta_domain::jpm::Jpm;
use talenta_export::{Cell, Conformance, Document, Sheet, Workbook};

use crate::AppError;

/// A NIP: the 18 digits in the sheet (as text), grouped with spaces on paper.
pub(crate) fn nip(n: Nip) -> Cell {
    Cell::Split {
        sheet: n.digits(),
        print: n.to_string(),
    }
}

/// A JPM in percent, rounded to 2 decimals (empty without one).
pub(crate) fn jpm(j: Option<Jpm>) -> Cell {
    j.map_or(Cell::Empty, |j| {
        Cell::Number((j.percent() * 100.0).round() / 100.0)
    })
}

/// The `.xlsx` file of `sheets`, dated `now` (so the same data gives the same bytes).
pub(crate) fn xlsx(sheets: Vec<Sheet>, now: DateTime<Utc>) -> Result<Vec<u8>, AppError> {
    Ok(Workbook {
        sheets,
        created: Some(now),
    }
    .to_xlsx()?)
}

/// A printed list or report (PDF with embedded fonts).
pub(crate) fn pdf(doc: &Document) -> Result<Vec<u8>, AppError> {
    Ok(doc.to_pdf(Conformance::Plain)?)
}

/// An official letter or decree draft: PDF/A-2u, dated `now`.
pub(crate) fn archival(mut doc: Document, now: DateTime<Utc>) -> Result<Vec<u8>, AppError> {
    doc.created = Some(now);
    Ok(doc.to_pdf(Conformance::Archival)?)
}
