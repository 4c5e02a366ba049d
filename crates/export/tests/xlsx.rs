//! The workbook writer seen from outside: calamine reads back headers, numbers as numbers,
//! NIPs and would-be formulas as text; charts and a shared table.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests: a failure must stop loudly

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::{TimeZone, Utc};
use talenta_export::{Cell, Chart, ChartKind, Column, Sheet, Table, Workbook};

fn read(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

fn recap() -> Sheet {
    Sheet {
        name: "Rekap".into(),
        title: vec!["Rekap hasil =Seleksi".into()],
        columns: vec![
            Column::number("No"),
            Column::text("NIP").width(20.0),
            Column::text("Nama").width(34.0),
            Column::decimal("JPM (%)", 2),
        ],
        rows: vec![
            vec![
                1.into(),
                "198601012010011001".into(),
                "=SUM(A1)".into(),
                81.25.into(),
            ],
            vec![
                2.into(),
                "199001012015031002".into(),
                "+62 812".into(),
                Cell::Empty,
            ],
        ],
        freeze_columns: 3,
        charts: Vec::new(),
    }
}

#[test]
fn calamine_reads_back_header_numbers_and_escaped_text() {
    let mut wb = read(recap().to_xlsx().unwrap());
    let r = wb.worksheet_range("Rekap").unwrap();
    assert_eq!(
        r.get_value((0, 0)),
        Some(&Data::String("Rekap hasil =Seleksi".into()))
    );
    let head: Vec<String> = (0..4)
        .map(|c| r.get_value((2, c)).unwrap().to_string())
        .collect();
    assert_eq!(head, ["No", "NIP", "Nama", "JPM (%)"]);
    assert_eq!(r.get_value((3, 0)), Some(&Data::Float(1.0)));
    assert_eq!(
        r.get_value((3, 1)),
        Some(&Data::String("198601012010011001".into())),
        "NIP stays text"
    );
    assert_eq!(r.get_value((3, 2)), Some(&Data::String("'=SUM(A1)".into())));
    assert_eq!(r.get_value((4, 2)), Some(&Data::String("'+62 812".into())));
    assert_eq!(r.get_value((3, 3)), Some(&Data::Float(81.25)));
    assert!(matches!(r.get_value((4, 3)), None | Some(Data::Empty)));
}

#[test]
fn sheets_with_charts_and_a_date_are_reproducible() {
    let units = Sheet {
        name: "Per unit".into(),
        columns: vec![
            Column::text("Unit kerja").width(40.0),
            Column::number("Peserta"),
            Column::decimal("Rata-rata JPM (%)", 2),
            Column::number("MS"),
            Column::number("MMS"),
        ],
        rows: vec![
            vec!["Dinas A".into(), 3.into(), 80.5.into(), 2.into(), 1.into()],
            vec!["Dinas B".into(), 2.into(), 70.0.into(), 0.into(), 2.into()],
        ],
        charts: vec![
            Chart {
                title: "Rata-rata JPM per unit kerja".into(),
                kind: ChartKind::Bar,
                categories: 0,
                series: vec![2],
                anchor: (1, 8),
            },
            Chart {
                title: "Kategori per unit kerja".into(),
                kind: ChartKind::BarStacked,
                categories: 0,
                series: vec![3, 4],
                anchor: (17, 8),
            },
        ],
        ..Sheet::default()
    };
    let wb = Workbook {
        sheets: vec![recap(), units],
        created: Some(Utc.with_ymd_and_hms(2025, 3, 14, 8, 30, 0).unwrap()),
    };
    let bytes = wb.to_xlsx().unwrap();
    assert_eq!(bytes, wb.to_xlsx().unwrap(), "same workbook, same bytes");
    let names = String::from_utf8_lossy(&bytes);
    assert!(names.contains("xl/charts/chart1.xml") && names.contains("xl/charts/chart2.xml"));
    let mut book = read(bytes);
    assert_eq!(book.sheet_names(), ["Rekap", "Per unit"]);
    let r = book.worksheet_range("Per unit").unwrap();
    assert_eq!(r.get_value((2, 2)), Some(&Data::Float(70.0)));
}

#[test]
fn one_table_writes_a_sheet_and_a_document() {
    let mut t = Table::new(
        "Calon pengganti Kepala Dinas",
        "per 2025-03-14",
        vec![
            Column::number("No").at(40.0),
            // A NIP in print needs about 106 points at 8.5 pt (DejaVu is wider than Helvetica).
            Column::text("NIP").width(20.0).at(62.0),
            Column::text("Nama").width(34.0).at(175.0),
            Column::decimal("JPM %", 2).at(340.0),
            Column::text("Catatan").width(60.0),
        ],
    );
    t.push(vec![
        1.into(),
        Cell::Split {
            sheet: "198601012010011001".into(),
            print: "19860101 201001 1 001".into(),
        },
        "Nur’aini".into(),
        78.5.into(),
        "-belum diklat".into(),
    ]);
    let mut book = read(
        Workbook::new(vec![t.to_sheet("Suksesi")])
            .to_xlsx()
            .unwrap(),
    );
    let r = book.worksheet_range("Suksesi").unwrap();
    assert_eq!(
        r.get_value((1, 0)),
        Some(&Data::String("per 2025-03-14".into()))
    );
    assert_eq!(r.get_value((3, 2)), Some(&Data::String("Nama".into())));
    assert_eq!(
        r.get_value((4, 1)),
        Some(&Data::String("198601012010011001".into()))
    );
    assert_eq!(r.get_value((4, 3)), Some(&Data::Float(78.5)));
    assert_eq!(
        r.get_value((4, 4)),
        Some(&Data::String("'-belum diklat".into()))
    );
    let doc = t.to_document();
    let texts: Vec<&str> = doc.pages[0].texts.iter().map(|x| x.text.as_str()).collect();
    assert!(texts.contains(&"19860101 201001 1 001") && texts.contains(&"78,50"));
    assert!(
        !texts.contains(&"Catatan"),
        "a column without a printed place is not printed"
    );
}

#[test]
fn an_input_column_is_text_throughout_so_a_typed_nip_stays_text() {
    use std::io::Read as _;
    let sheet = Sheet::new(
        "Pegawai",
        vec![
            Column::text("NIP").width(20.0).input(),
            Column::text("Nama").width(34.0),
        ],
    );
    let bytes = sheet.to_xlsx().unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let cols: Vec<&str> = xml.split("<col ").skip(1).collect();
    assert_eq!(cols.len(), 2, "{xml}");
    assert!(
        cols[0].contains("style="),
        "the NIP column carries a format: {xml}"
    );
    assert!(
        !cols[1].contains("style="),
        "the name column does not: {xml}"
    );
    let mut styles = String::new();
    zip.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(
        styles.contains("formatCode=\"@\""),
        "format @ (text): {styles}"
    );
    let r = read(bytes).worksheet_range("Pegawai").unwrap();
    assert_eq!(r.get_value((0, 0)), Some(&Data::String("NIP".into())));
    assert_eq!(r.height(), 1, "a template: the header alone");
}
