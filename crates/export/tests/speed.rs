//! How long 2,227 one-page reports take (the number of an event's participants the old writer
//! was timed on: about 3 s). Run: `cargo test -p talenta-export --release -- --ignored`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests: a failure must stop loudly

use std::time::Instant;

use talenta_export::{Conformance, Writer};

fn report(i: usize) -> talenta_export::Document {
    let mut w = Writer::new(format!("Laporan hasil asesmen Pegawai {i}"));
    w.line(40.0, 14.0, true, "LAPORAN HASIL ASESMEN KOMPETENSI");
    w.line(40.0, 10.0, false, "Pemerintah Kabupaten Contoh");
    for (label, value) in [
        ("Nama", format!("Nur’aini Pegawai {i}")),
        ("NIP", "19860101 201001 1 001".into()),
        ("Jabatan", "Analis Kebijakan Ahli Muda".into()),
        (
            "Unit kerja",
            "Dinas Pemberdayaan Masyarakat dan Desa".into(),
        ),
        ("Tujuan asesmen", "Pemetaan".into()),
        ("Penyelenggara", "UPT Penilaian Kompetensi".into()),
        ("Tanggal asesmen", "14-03-2025".into()),
        ("Berlaku sampai", "14-03-2028".into()),
        (
            "JPM",
            format!("{},{:02} % - Memenuhi Syarat", 70 + i % 30, i % 100),
        ),
        ("Potensi", "Tinggi".into()),
    ] {
        w.pair(label, &value);
    }
    // 12 bars with a standard mark (3 rectangles, 2 texts) and 2 without (2 and 2).
    for k in 0..12 {
        w.bar(
            &format!("K{k} Kompetensi nomor {k}"),
            (k % 5) as f32 / 5.0 + 0.1,
            Some(0.6),
            "3 / 4",
        );
    }
    w.bar("Tambahan", 0.4, None, "2");
    w.bar("Tambahan lain", 0.7, None, "3");
    for k in 0..9 {
        w.line(
            50.0,
            10.0,
            false,
            format!("- Saran pengembangan {k}: pelatihan “kepemimpinan” ✓"),
        );
    }
    w.line(
        40.0,
        8.0,
        false,
        "JPM = jumlah level capaian / jumlah level standar x 100 %.",
    );
    w.finish()
}

#[test]
#[ignore = "timing; run in release with --ignored"]
fn speed_of_2227_reports() {
    let sample = report(0);
    let texts: usize = sample.pages.iter().map(|p| p.texts.len()).sum();
    let rects: usize = sample.pages.iter().map(|p| p.rects.len()).sum();
    assert_eq!((sample.pages.len(), texts, rects), (1, 60, 40));
    let start = Instant::now();
    let mut bytes = 0;
    for i in 0..2227 {
        bytes += report(i).to_pdf(Conformance::Plain).unwrap().len();
    }
    let took = start.elapsed();
    println!(
        "2227 reports: {:.2} s ({:.2} ms each, {} KB each)",
        took.as_secs_f64(),
        took.as_secs_f64() * 1000.0 / 2227.0,
        bytes / 2227 / 1024
    );
    assert!(took.as_secs() < 60);

    let start = Instant::now();
    for i in 0..2227 {
        let mut doc = report(i);
        doc.created = chrono::DateTime::from_timestamp(1_741_941_000, 0);
        doc.to_pdf(Conformance::Archival).unwrap();
    }
    let took = start.elapsed();
    println!("2227 reports as PDF/A-2u: {:.2} s", took.as_secs_f64());
    assert!(took.as_secs() < 60);
}
