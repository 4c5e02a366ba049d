//! A list written both as a sheet and as a printed table: one title, one set of columns, one
//! set of rows (rosters, successors, decree lists, talent-map people, selection recaps).

use crate::layout::table;
use crate::pdf::{A4_WIDTH, Document};
use crate::xlsx::{Cell, Column, Sheet};

/// A titled list of rows that writes to a sheet ([`Table::to_sheet`]) and to A4 pages
/// ([`Table::to_document`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Title: first line of the sheet, heading of every printed page.
    pub title: String,
    /// Subtitle: second line of the sheet (if not empty), under the printed heading with the
    /// page number.
    pub subtitle: String,
    /// Columns: [`Column::at`] places a column in print, [`Column::print_only`] keeps it out
    /// of the sheet. If no column has a printed position, all are printed, spread over the
    /// page by their sheet widths.
    pub columns: Vec<Column>,
    /// Rows, a cell per column.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table without rows.
    pub fn new(
        title: impl Into<String>,
        subtitle: impl Into<String>,
        columns: Vec<Column>,
    ) -> Table {
        Table {
            title: title.into(),
            subtitle: subtitle.into(),
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// The sheet `name`: title and subtitle lines, the header under them (frozen), the rows;
    /// print-only columns left out.
    pub fn to_sheet(&self, name: impl Into<String>) -> Sheet {
        let keep: Vec<usize> = (0..self.columns.len())
            .filter(|i| self.columns[*i].in_sheet)
            .collect();
        let mut title = vec![self.title.clone()];
        if !self.subtitle.is_empty() {
            title.push(self.subtitle.clone());
        }
        Sheet {
            name: name.into(),
            title,
            columns: keep.iter().map(|i| self.columns[*i].clone()).collect(),
            rows: self
                .rows
                .iter()
                .map(|r| {
                    keep.iter()
                        .map(|i| r.get(*i).cloned().unwrap_or_default())
                        .collect()
                })
                .collect(),
            ..Sheet::default()
        }
    }

    /// The printed table over as many A4 pages as it needs (see [`table`]).
    pub fn to_document(&self) -> Document {
        let mut printed: Vec<(usize, f32)> = self
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.at.map(|x| (i, x)))
            .collect();
        if printed.is_empty() {
            let widths: Vec<f32> = self
                .columns
                .iter()
                .map(|c| c.width.unwrap_or(10.0).max(1.0) as f32)
                .collect();
            let total: f32 = widths.iter().sum();
            let mut x = 40.0;
            for (i, w) in widths.iter().enumerate() {
                printed.push((i, x));
                x += w / total * (A4_WIDTH - 80.0);
            }
        }
        printed.sort_by(|a, b| a.1.total_cmp(&b.1));
        let columns: Vec<(&str, f32)> = printed
            .iter()
            .map(|(i, x)| (self.columns[*i].header.as_str(), *x))
            .collect();
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                printed
                    .iter()
                    .map(|(i, _)| {
                        r.get(*i)
                            .map(|c| c.print(self.columns[*i].kind))
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect();
        table(&self.title, &self.subtitle, &columns, &rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::new(
            "Daftar Hadir",
            "Hari 1",
            vec![
                Column::number("Sesi").at(40.0),
                Column::text("NIP").width(20.0).at(68.0),
                Column::text("Jabatan").width(40.0),
                Column::text("Paraf").at(515.0).print_only(),
            ],
        );
        t.push(vec![
            1.into(),
            Cell::Split {
                sheet: "198601012010011001".into(),
                print: "19860101 201001 1 001".into(),
            },
            "Analis".into(),
            Cell::Empty,
        ]);
        t
    }

    #[test]
    fn a_table_is_a_sheet_without_print_only_columns() {
        let s = sample().to_sheet("Hari 1");
        assert_eq!(s.title, vec!["Daftar Hadir".to_string(), "Hari 1".into()]);
        assert_eq!(s.header_row(), 3);
        let heads: Vec<&str> = s.columns.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(heads, ["Sesi", "NIP", "Jabatan"]);
        assert_eq!(
            s.rows[0][1],
            Cell::Split {
                sheet: "198601012010011001".into(),
                print: "19860101 201001 1 001".into()
            }
        );
    }

    #[test]
    fn a_table_prints_only_placed_columns_in_their_print_form() {
        let d = sample().to_document();
        let texts: Vec<&str> = d.pages[0].texts.iter().map(|t| t.text.as_str()).collect();
        assert!(texts.contains(&"Paraf"));
        assert!(texts.contains(&"19860101 201001 1 001"));
        assert!(!texts.contains(&"Jabatan") && !texts.contains(&"Analis"));
    }
}
