//! Workbooks: sheets of titled, typed columns written with rust_xlsxwriter (bold header,
//! column widths, panes frozen under the header, numbers as numbers, text escaped against
//! formula injection), with simple charts over a sheet's own columns.

use chrono::{DateTime, Datelike, Timelike, Utc};
use rust_xlsxwriter::{ChartType, DocProperties, ExcelDateTime, Format};

use crate::ExportError;

/// Escapes a value that a spreadsheet would take for a formula (it begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return) with a leading apostrophe.
pub fn escape_cell(v: &str) -> String {
    match v.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{v}"),
        _ => v.to_string(),
    }
}

/// What a column holds: how its numbers are formatted (in the sheet and in print).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// Text, kept as text by the spreadsheet (format `@`: a NIP stays 18 digits).
    #[default]
    Text,
    /// Numbers in the general format (`3`, `2.5`).
    Number,
    /// Numbers with a fixed count of decimals (format `0.00` for 2).
    Decimal(u8),
}

/// A column of a sheet or of a [`Table`](crate::Table).
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Header.
    pub header: String,
    /// Width in the sheet, in characters; `None` leaves the spreadsheet's default.
    pub width: Option<f64>,
    /// What the column holds.
    pub kind: Kind,
    /// For a [`Table`](crate::Table) only: x of the column in print, in points from the left
    /// edge; `None` leaves it out of print.
    pub at: Option<f32>,
    /// For a [`Table`](crate::Table) only: whether the column is in the sheet.
    pub in_sheet: bool,
    /// A column to be typed into (an import template): its number format is set on the whole
    /// column, empty cells included, so that a NIP typed into a text column stays text.
    pub input: bool,
}

impl Column {
    /// A column of `kind`.
    pub fn new(header: impl Into<String>, kind: Kind) -> Column {
        Column {
            header: header.into(),
            width: None,
            kind,
            at: None,
            in_sheet: true,
            input: false,
        }
    }

    /// A text column.
    pub fn text(header: impl Into<String>) -> Column {
        Column::new(header, Kind::Text)
    }

    /// A number column.
    pub fn number(header: impl Into<String>) -> Column {
        Column::new(header, Kind::Number)
    }

    /// A number column with `places` decimals.
    pub fn decimal(header: impl Into<String>, places: u8) -> Column {
        Column::new(header, Kind::Decimal(places))
    }

    /// With a width in the sheet, in characters.
    pub fn width(mut self, chars: f64) -> Column {
        self.width = Some(chars);
        self
    }

    /// Printed at `x` points from the left edge (tables only).
    pub fn at(mut self, x: f32) -> Column {
        self.at = Some(x);
        self
    }

    /// Printed only, not in the sheet (a signature column; tables only).
    pub fn print_only(mut self) -> Column {
        self.in_sheet = false;
        self
    }

    /// To be typed into: the whole column carries its format (see [`Column::input`]).
    pub fn input(mut self) -> Column {
        self.input = true;
        self
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Cell {
    /// Nothing.
    #[default]
    Empty,
    /// Text (escaped in the sheet).
    Text(String),
    /// A number (a number in the sheet; in print with a decimal comma). Non-finite numbers
    /// are left empty.
    Number(f64),
    /// Text written one way to the sheet and another in print, such as a NIP: digits in the
    /// sheet, grouped with spaces on paper.
    Split {
        /// In the sheet.
        sheet: String,
        /// In print.
        print: String,
    },
}

impl Cell {
    /// The cell as printed in a column of `kind`: numbers with a decimal comma.
    pub fn print(&self, kind: Kind) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Split { print, .. } => print.clone(),
            Cell::Number(v) if !v.is_finite() => String::new(),
            Cell::Number(v) => match kind {
                Kind::Decimal(p) => format!("{v:.*}", usize::from(p)),
                _ if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", *v as i64),
                _ => format!("{v}"),
            }
            .replace('.', ","),
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<&String> for Cell {
    fn from(s: &String) -> Cell {
        Cell::Text(s.clone())
    }
}

impl From<f64> for Cell {
    fn from(v: f64) -> Cell {
        Cell::Number(v)
    }
}

macro_rules! number_cells {
    ($($t:ty),*) => {$(
        impl From<$t> for Cell {
            fn from(v: $t) -> Cell {
                Cell::Number(f64::from(v))
            }
        }
    )*};
}
number_cells!(f32, u8, u16, u32, i8, i16, i32);

impl From<usize> for Cell {
    /// Counts and row numbers (exact up to 2^53).
    fn from(v: usize) -> Cell {
        Cell::Number(v as f64)
    }
}

impl From<i64> for Cell {
    /// Counts and identifiers (exact up to 2^53).
    fn from(v: i64) -> Cell {
        Cell::Number(v as f64)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Cell {
        v.map_or(Cell::Empty, Into::into)
    }
}

/// The type of a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Horizontal bars.
    Bar,
    /// Horizontal bars, series stacked.
    BarStacked,
    /// Vertical columns.
    Column,
    /// Vertical columns, series stacked.
    ColumnStacked,
    /// Lines.
    Line,
    /// A pie (first series only).
    Pie,
}

/// A chart over a sheet's own data rows: categories from one column, one series per value
/// column (named by the column's header).
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Title.
    pub title: String,
    /// Type.
    pub kind: ChartKind,
    /// Index of the column holding the category names.
    pub categories: usize,
    /// Indexes of the value columns, one series each.
    pub series: Vec<usize>,
    /// Cell where the chart's top-left corner is placed: row, column (from 0).
    pub anchor: (u32, u16),
}

/// One sheet: title rows, then (after a blank row, if there are titles) a header row and the
/// data rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// Name of the tab (at most 31 characters, none of `[ ] : * ? / \`).
    pub name: String,
    /// Lines above the table, the first in bold.
    pub title: Vec<String>,
    /// Columns.
    pub columns: Vec<Column>,
    /// Data rows, a cell per column (missing cells are empty).
    pub rows: Vec<Vec<Cell>>,
    /// Columns kept in view when scrolling right (rows are always frozen under the header).
    pub freeze_columns: u16,
    /// Charts.
    pub charts: Vec<Chart>,
}

impl Sheet {
    /// A sheet without rows.
    pub fn new(name: impl Into<String>, columns: Vec<Column>) -> Sheet {
        Sheet {
            name: name.into(),
            columns,
            ..Sheet::default()
        }
    }

    /// Row (from 0) of the header.
    pub fn header_row(&self) -> u32 {
        if self.title.is_empty() {
            0
        } else {
            u32::try_from(self.title.len()).unwrap_or(u32::MAX - 1) + 1
        }
    }

    /// A workbook of this sheet alone.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, ExportError> {
        Workbook {
            sheets: vec![self.clone()],
            created: None,
        }
        .to_xlsx()
    }
}

/// A workbook of sheets.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Workbook {
    /// Sheets, in tab order.
    pub sheets: Vec<Sheet>,
    /// Creation date (document properties). When `None` the writer records the current
    /// time, so the bytes differ from run to run; set it for reproducible files.
    pub created: Option<DateTime<Utc>>,
}

fn index<T: TryFrom<usize>>(i: usize, what: &str) -> Result<T, ExportError> {
    T::try_from(i).map_err(|_| ExportError::TooLarge(format!("{what} {i}")))
}

impl Workbook {
    /// A workbook of these sheets.
    pub fn new(sheets: Vec<Sheet>) -> Workbook {
        Workbook {
            sheets,
            created: None,
        }
    }

    /// The `.xlsx` file.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, ExportError> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        if let Some(t) = self.created {
            let narrow = |v: u32| u8::try_from(v).unwrap_or(u8::MAX);
            let date = ExcelDateTime::from_ymd(
                u16::try_from(t.year()).unwrap_or(0),
                narrow(t.month()),
                narrow(t.day()),
            )?
            .and_hms(
                u16::from(narrow(t.hour())),
                narrow(t.minute()),
                narrow(t.second()),
            )?;
            wb.set_properties(&DocProperties::new().set_creation_datetime(&date));
        }
        let bold = Format::new().set_bold();
        let text = Format::new().set_num_format("@");
        let decimals: Vec<Format> = (0..=15u8)
            .map(|p| {
                let zeros = "0".repeat(usize::from(p));
                Format::new().set_num_format(if p == 0 {
                    "0".to_string()
                } else {
                    format!("0.{zeros}")
                })
            })
            .collect();
        for sheet in &self.sheets {
            let ws = wb.add_worksheet();
            ws.set_name(&sheet.name)?;
            for (i, line) in sheet.title.iter().enumerate() {
                let row = index(i, "baris")?;
                if i == 0 {
                    ws.write_string_with_format(row, 0, escape_cell(line), &bold)?;
                } else {
                    ws.write_string(row, 0, escape_cell(line))?;
                }
            }
            let head = sheet.header_row();
            for (c, col) in sheet.columns.iter().enumerate() {
                let c16 = index(c, "kolom")?;
                ws.write_string_with_format(head, c16, escape_cell(&col.header), &bold)?;
                if let Some(w) = col.width {
                    ws.set_column_width(c16, w)?;
                }
                if col.input {
                    match col.kind {
                        Kind::Text => {
                            ws.set_column_format(c16, &text)?;
                        }
                        Kind::Decimal(p) => {
                            ws.set_column_format(c16, &decimals[usize::from(p.min(15))])?;
                        }
                        Kind::Number => {}
                    }
                }
            }
            for (r, cells) in sheet.rows.iter().enumerate() {
                let row = head
                    .checked_add(1)
                    .and_then(|h| h.checked_add(u32::try_from(r).ok()?))
                    .ok_or_else(|| ExportError::TooLarge(format!("baris {r}")))?;
                for (c, cell) in cells.iter().enumerate() {
                    let c16 = index(c, "kolom")?;
                    let kind = sheet.columns.get(c).map(|k| k.kind).unwrap_or_default();
                    match cell {
                        Cell::Empty => {}
                        Cell::Number(v) if !v.is_finite() => {}
                        Cell::Number(v) => match kind {
                            Kind::Decimal(p) => {
                                let f = &decimals[usize::from(p.min(15))];
                                ws.write_number_with_format(row, c16, *v, f)?;
                            }
                            _ => {
                                ws.write_number(row, c16, *v)?;
                            }
                        },
                        Cell::Text(s) | Cell::Split { sheet: s, .. } => {
                            ws.write_string_with_format(row, c16, escape_cell(s), &text)?;
                        }
                    }
                }
            }
            ws.set_freeze_panes(head + 1, sheet.freeze_columns)?;
            if sheet.rows.is_empty() {
                continue;
            }
            let first = head + 1;
            let last = head + index::<u32>(sheet.rows.len(), "baris")?;
            for chart in &sheet.charts {
                let mut xc = rust_xlsxwriter::Chart::new(match chart.kind {
                    ChartKind::Bar => ChartType::Bar,
                    ChartKind::BarStacked => ChartType::BarStacked,
                    ChartKind::Column => ChartType::Column,
                    ChartKind::ColumnStacked => ChartType::ColumnStacked,
                    ChartKind::Line => ChartType::Line,
                    ChartKind::Pie => ChartType::Pie,
                });
                xc.title().set_name(chart.title.as_str());
                let cat = index::<u16>(chart.categories, "kolom")?;
                for s in &chart.series {
                    let col = index::<u16>(*s, "kolom")?;
                    xc.add_series()
                        .set_categories((sheet.name.as_str(), first, cat, last, cat))
                        .set_values((sheet.name.as_str(), first, col, last, col))
                        .set_name((sheet.name.as_str(), head, col));
                }
                ws.insert_chart(chart.anchor.0, chart.anchor.1, &xc)?;
            }
        }
        Ok(wb.save_to_buffer()?)
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
        assert_eq!(escape_cell("\tx"), "'\tx");
        assert_eq!(escape_cell("\rx"), "'\rx");
        assert_eq!(escape_cell("Budi"), "Budi");
        assert_eq!(escape_cell(""), "");
    }

    #[test]
    fn numbers_print_with_a_decimal_comma() {
        assert_eq!(Cell::Number(75.5).print(Kind::Decimal(2)), "75,50");
        assert_eq!(Cell::Number(3.0).print(Kind::Number), "3");
        assert_eq!(Cell::Number(2.25).print(Kind::Number), "2,25");
        assert_eq!(Cell::Number(f64::NAN).print(Kind::Number), "");
        assert_eq!(Cell::from(None::<u32>), Cell::Empty);
    }

    #[test]
    fn a_bad_sheet_name_is_an_error_not_a_panic() {
        let e = Sheet::new("a/b", vec![Column::text("x")]).to_xlsx();
        assert!(matches!(e, Err(ExportError::Xlsx(_))));
    }
}
