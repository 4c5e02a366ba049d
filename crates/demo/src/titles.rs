//! Academic titles and Pelaksana job titles by field of work: data and the lookups over it.

// =====================================================================================
// Academic titles by field of work
// =====================================================================================

/// Field of work of a unit or a functional post: decides degrees and job titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Umum,
    Keuangan,
    Hukum,
    Teknik,
    Kesehatan,
    Medis,
    Keperawatan,
    Kebidanan,
    Pendidikan,
    Sosial,
    Informatika,
    Pertanian,
    Lingkungan,
    Perhubungan,
}

/// Degree titles of a field: bachelor (suffix), master (suffix), diploma III (suffix).
pub(crate) fn degree_titles(
    field: Field,
) -> (
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
) {
    match field {
        Field::Umum => (
            &[
                "S.Sos.", "S.IP.", "S.AP.", "S.STP.", "S.E.", "S.H.", "S.Kom.",
            ],
            &["M.Si.", "M.AP.", "M.M."],
            &["A.Md."],
        ),
        Field::Keuangan => (
            &["S.E.", "S.E.", "S.Ak.", "S.ST."],
            &["M.M.", "M.Ak.", "M.Si."],
            &["A.Md.Ak.", "A.Md."],
        ),
        Field::Hukum => (&["S.H."], &["M.H.", "M.Kn."], &["A.Md."]),
        Field::Teknik => (
            &["S.T.", "S.T.", "S.Si.", "S.Ars."],
            &["M.T.", "M.Sc.", "M.M."],
            &["A.Md.T.", "A.Md."],
        ),
        Field::Kesehatan => (
            &["S.KM.", "S.Farm., Apt.", "S.Gz.", "S.Kep., Ns."],
            &["M.Kes.", "M.KM."],
            &["A.Md.Kes.", "A.Md.Farm.", "A.Md.KL."],
        ),
        Field::Medis => (&[], &["M.Kes.", "MARS", "M.Kes."], &[]),
        Field::Keperawatan => (&["S.Kep., Ns."], &["M.Kep."], &["A.Md.Kep."]),
        Field::Kebidanan => (&["S.Keb.", "S.Tr.Keb."], &["M.Keb."], &["A.Md.Keb."]),
        Field::Pendidikan => (&["S.Pd.", "S.Pd.", "S.Pd.I."], &["M.Pd."], &["A.Md."]),
        Field::Sosial => (
            &["S.Sos.", "S.Psi.", "S.ST.", "S.Sos."],
            &["M.Si.", "M.Psi."],
            &["A.Md."],
        ),
        Field::Informatika => (
            &["S.Kom.", "S.T.", "S.I.Kom."],
            &["M.Kom.", "M.T.", "M.I.Kom."],
            &["A.Md.Kom."],
        ),
        Field::Pertanian => (
            &["S.P.", "S.Pt.", "S.Hut.", "drh."],
            &["M.P.", "M.Si."],
            &["A.Md.P.", "A.Md."],
        ),
        Field::Lingkungan => (&["S.T.", "S.Si.", "S.KM."], &["M.T.", "M.Si."], &["A.Md."]),
        Field::Perhubungan => (
            &["S.SiT.", "S.T.", "S.Tr.Tra.", "S.E."],
            &["M.T.", "M.M."],
            &["A.Md.LLAJ", "A.Md."],
        ),
    }
}

/// Job titles of Pelaksana posts: general ones and ones of a field.
pub(crate) const PELAKSANA_GENERAL: &[&str] = &[
    "Pengadministrasi Umum",
    "Pengelola Keuangan",
    "Pengadministrasi Kepegawaian",
    "Pengelola Data",
    "Penyusun Program Anggaran dan Pelaporan",
    "Pengurus Barang",
    "Pengelola Sarana dan Prasarana Kantor",
    "Pengadministrasi Perkantoran",
    "Bendahara",
    "Pengolah Data",
    "Pengemudi",
];

pub(crate) fn pelaksana_titles(field: Field) -> &'static [&'static str] {
    match field {
        Field::Umum => &[
            "Pengelola Layanan Operasional",
            "Pengadministrasi Layanan Masyarakat",
            "Pengelola Dokumen dan Arsip",
        ],
        Field::Keuangan => &[
            "Verifikator Keuangan",
            "Penata Laporan Keuangan",
            "Pengelola Pajak Daerah",
            "Pengelola Barang Milik Daerah",
        ],
        Field::Hukum => &["Pengolah Bahan Produk Hukum", "Pengelola Dokumentasi Hukum"],
        Field::Teknik => &[
            "Pengawas Lapangan",
            "Pengelola Data Jalan dan Jembatan",
            "Teknisi Sarana dan Prasarana",
            "Pengelola Pemanfaatan Ruang",
        ],
        Field::Kesehatan | Field::Medis | Field::Keperawatan | Field::Kebidanan => &[
            "Pengelola Data Pelayanan Kesehatan",
            "Pengelola Obat dan Perbekalan Kesehatan",
            "Petugas Surveilans",
        ],
        Field::Pendidikan => &[
            "Pengelola Data Pendidikan",
            "Pengelola Bantuan Operasional Sekolah",
        ],
        Field::Sosial => &[
            "Pendamping Rehabilitasi Sosial",
            "Pengelola Data Kesejahteraan Sosial",
        ],
        Field::Informatika => &[
            "Pengelola Sistem dan Jaringan",
            "Pengelola Layanan Informasi Publik",
        ],
        Field::Pertanian => &["Pengelola Data Pertanian", "Pengawas Mutu Hasil Pertanian"],
        Field::Lingkungan => &["Pengawas Kebersihan Lingkungan", "Pengelola Persampahan"],
        Field::Perhubungan => &[
            "Petugas Lalu Lintas",
            "Petugas Parkir",
            "Pengelola Terminal",
        ],
    }
}
