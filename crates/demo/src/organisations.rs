//! The organisation tables of the demo governments: OPD, Bagian, Bidang, kecamatan and
//! kelurahan, and the functional posts of each OPD: data only.

use talenta_domain::position::{Jenjang, Jenjang as J};

use crate::*;

// =====================================================================================
// Organisation tables
// =====================================================================================

/// Kind of a perangkat daerah: decides the names of its posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Dinas: Sekretariat with Subbagian, Bidang with Seksi.
    Dinas,
    /// Badan: Sekretariat with Subbagian, Bidang with Subbidang.
    Badan,
    /// Inspektorat: Sekretariat with Subbagian, Inspektur Pembantu.
    Inspektorat,
    /// Sekretariat DPRD: Bagian with Subbagian.
    Dprd,
}

/// A functional post type with the grades present in a unit.
pub(crate) struct Jf {
    pub(crate) name: &'static str,
    pub(crate) field: Field,
    pub(crate) technical: Option<&'static str>,
    pub(crate) grades: &'static [Jenjang],
}

pub(crate) const fn jf(
    name: &'static str,
    field: Field,
    technical: Option<&'static str>,
    grades: &'static [Jenjang],
) -> Jf {
    Jf {
        name,
        field,
        technical,
        grades,
    }
}

/// A perangkat daerah (dinas, badan, inspektorat, sekretariat DPRD).
pub(crate) struct Opd {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    /// Title of the head; "" means "Kepala " + name.
    pub(crate) head: &'static str,
    pub(crate) kind: Kind,
    pub(crate) field: Field,
    /// Subbagian of the Sekretariat; empty means the government's default list.
    pub(crate) subbag: &'static [&'static str],
    /// "Bidang: seksi; seksi; seksi" (for Inspektorat: the Inspektur Pembantu).
    pub(crate) bidang: &'static [&'static str],
    pub(crate) upt: &'static [&'static str],
    /// One UPT per kecamatan with this name prefix ("" for none).
    pub(crate) upt_each_kecamatan: &'static str,
    pub(crate) jf: &'static [Jf],
}

pub(crate) const OPD: Opd = Opd {
    code: "",
    name: "",
    head: "",
    kind: Kind::Dinas,
    field: Field::Umum,
    subbag: &[],
    bidang: &[],
    upt: &[],
    upt_each_kecamatan: "",
    jf: &[],
};

/// A Bagian of the Sekretariat Daerah under one of the Asisten.
pub(crate) struct Bagian {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) asisten: usize,
    pub(crate) field: Field,
    pub(crate) subbag: &'static [&'static str],
    pub(crate) jf: &'static [Jf],
}

pub(crate) const fn bagian(
    code: &'static str,
    name: &'static str,
    asisten: usize,
    field: Field,
    subbag: &'static [&'static str],
    jf: &'static [Jf],
) -> Bagian {
    Bagian {
        code,
        name,
        asisten,
        field,
        subbag,
        jf,
    }
}

/// A kecamatan with its kelurahan.
pub(crate) struct Kecamatan {
    pub(crate) name: &'static str,
    pub(crate) kelurahan: &'static [&'static str],
}

pub(crate) const fn kec(name: &'static str, kelurahan: &'static [&'static str]) -> Kecamatan {
    Kecamatan { name, kelurahan }
}

pub(crate) const SUBBAG_SEKRETARIAT: &[&str] = &[
    "Umum dan Kepegawaian",
    "Perencanaan dan Keuangan",
    "Evaluasi dan Pelaporan",
];

pub(crate) const ASISTEN: &[&str] = &[
    "Pemerintahan dan Kesejahteraan Rakyat",
    "Perekonomian dan Pembangunan",
    "Administrasi Umum",
];

// ---------------------------------------------------------------- functional post types

pub(crate) const JF_HUKUM: &[Jf] = &[jf(
    "Perancang Peraturan Perundang-undangan",
    Field::Hukum,
    Some("T.LEGAL-DRAFTING"),
    &[J::AhliPertama, J::AhliMuda],
)];
pub(crate) const JF_PBJ: &[Jf] = &[jf(
    "Pengelola Pengadaan Barang/Jasa",
    Field::Umum,
    Some("T.PBJ"),
    &[J::AhliPertama, J::AhliMuda],
)];
pub(crate) const JF_ORGANISASI: &[Jf] = &[jf(
    "Analis Kebijakan",
    Field::Umum,
    None,
    &[J::AhliPertama, J::AhliMuda, J::AhliMadya],
)];
/// Pranata Humas, the public-relations post of a protocol Bagian and of a Dinas Kominfo.
pub(crate) const PRANATA_HUMAS: Jf = jf(
    "Pranata Humas",
    Field::Informatika,
    None,
    &[J::Terampil, J::AhliPertama],
);
pub(crate) const JF_PROTOKOL: &[Jf] = &[PRANATA_HUMAS];
pub(crate) const JF_INSPEKTORAT: &[Jf] = &[
    jf(
        "Auditor",
        Field::Keuangan,
        Some("T.AUDIT"),
        &[J::AhliPertama, J::AhliMuda, J::AhliMadya],
    ),
    jf(
        "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah",
        Field::Umum,
        Some("T.PENGAWASAN"),
        &[J::AhliPertama, J::AhliMuda],
    ),
];
pub(crate) const JF_PERENCANA: &[Jf] = &[jf(
    "Perencana",
    Field::Umum,
    Some("T.PERENCANAAN"),
    &[J::AhliPertama, J::AhliMuda, J::AhliMadya],
)];
pub(crate) const JF_KEUANGAN: &[Jf] = &[jf(
    "Analis Keuangan Pusat dan Daerah",
    Field::Keuangan,
    Some("T.KEUANGAN-DAERAH"),
    &[J::AhliPertama, J::AhliMuda],
)];
pub(crate) const JF_KEPEGAWAIAN: &[Jf] = &[
    jf(
        "Analis Sumber Daya Manusia Aparatur",
        Field::Umum,
        Some("T.MANAJEMEN-ASN"),
        &[J::AhliPertama, J::AhliMuda, J::AhliMadya],
    ),
    jf(
        "Asesor Sumber Daya Manusia Aparatur",
        Field::Sosial,
        Some("T.ASESMEN"),
        &[J::AhliPertama, J::AhliMuda],
    ),
];
pub(crate) const JF_PENDIDIKAN: &[Jf] = &[
    jf(
        "Pamong Belajar",
        Field::Pendidikan,
        Some("T.PEMBELAJARAN"),
        &[J::AhliPertama, J::AhliMuda],
    ),
    jf(
        "Pengawas Sekolah",
        Field::Pendidikan,
        Some("T.SUPERVISI"),
        &[J::AhliMuda, J::AhliMadya],
    ),
    jf(
        "Penilik",
        Field::Pendidikan,
        None,
        &[J::AhliPertama, J::AhliMuda],
    ),
];
pub(crate) const JF_KESEHATAN: &[Jf] = &[
    jf(
        "Dokter",
        Field::Medis,
        Some("T.KLINIS"),
        &[J::AhliPertama, J::AhliMuda, J::AhliMadya],
    ),
    jf(
        "Perawat",
        Field::Keperawatan,
        Some("T.KEPERAWATAN"),
        &[J::Terampil, J::Mahir, J::AhliPertama, J::AhliMuda],
    ),
    jf("Bidan", Field::Kebidanan, None, &[J::Terampil, J::Mahir]),
    jf(
        "Apoteker",
        Field::Kesehatan,
        Some("T.FARMASI"),
        &[J::AhliPertama, J::AhliMuda],
    ),
    jf(
        "Epidemiolog Kesehatan",
        Field::Kesehatan,
        None,
        &[J::AhliPertama],
    ),
    jf(
        "Sanitarian",
        Field::Kesehatan,
        None,
        &[J::Terampil, J::Mahir],
    ),
    jf(
        "Nutrisionis",
        Field::Kesehatan,
        None,
        &[J::Terampil, J::AhliPertama],
    ),
];
pub(crate) const JF_PUPR: &[Jf] = &[
    jf(
        "Teknik Jalan dan Jembatan",
        Field::Teknik,
        Some("T.JALAN-JEMBATAN"),
        &[J::AhliPertama, J::AhliMuda],
    ),
    jf(
        "Penata Ruang",
        Field::Teknik,
        Some("T.TATA-RUANG"),
        &[J::AhliPertama, J::AhliMuda],
    ),
];
pub(crate) const JF_PERKIM: &[Jf] = &[jf(
    "Teknik Tata Bangunan dan Perumahan",
    Field::Teknik,
    None,
    &[J::AhliPertama, J::AhliMuda],
)];
pub(crate) const JF_SATPOL: &[Jf] = &[
    jf(
        "Polisi Pamong Praja",
        Field::Umum,
        Some("T.TRANTIBUM"),
        &[J::Terampil, J::Mahir, J::AhliPertama, J::AhliMuda],
    ),
    jf(
        "Analis Kebakaran",
        Field::Teknik,
        None,
        &[J::Terampil, J::Mahir],
    ),
];
pub(crate) const JF_DAMKAR: &[Jf] = &[jf(
    "Analis Kebakaran",
    Field::Teknik,
    Some("T.PEMADAMAN"),
    &[J::Terampil, J::Mahir, J::AhliPertama],
)];
pub(crate) const JF_SOSIAL: &[Jf] = &[
    jf(
        "Pekerja Sosial",
        Field::Sosial,
        Some("T.PEKERJAAN-SOSIAL"),
        &[J::Terampil, J::AhliPertama, J::AhliMuda],
    ),
    jf("Penyuluh Sosial", Field::Sosial, None, &[J::AhliPertama]),
];
pub(crate) const JF_DUKCAPIL: &[Jf] = &[jf(
    "Administrator Database Kependudukan",
    Field::Informatika,
    Some("T.ADMINDUK"),
    &[J::AhliPertama, J::AhliMuda],
)];
pub(crate) const JF_PERHUBUNGAN: &[Jf] = &[jf(
    "Penguji Kendaraan Bermotor",
    Field::Perhubungan,
    Some("T.PENGUJIAN-KENDARAAN"),
    &[J::Terampil, J::Mahir, J::AhliPertama],
)];
pub(crate) const JF_KOMINFO: &[Jf] = &[
    jf(
        "Pranata Komputer",
        Field::Informatika,
        Some("T.TIK"),
        &[J::Terampil, J::AhliPertama, J::AhliMuda],
    ),
    PRANATA_HUMAS,
    jf("Statistisi", Field::Informatika, None, &[J::AhliPertama]),
    jf("Sandiman", Field::Informatika, None, &[J::AhliPertama]),
];
pub(crate) const JF_LINGKUNGAN: &[Jf] = &[
    jf(
        "Pengendali Dampak Lingkungan",
        Field::Lingkungan,
        Some("T.AMDAL"),
        &[J::AhliPertama, J::AhliMuda],
    ),
    jf(
        "Pengawas Lingkungan Hidup",
        Field::Lingkungan,
        None,
        &[J::AhliPertama],
    ),
];
pub(crate) const JF_PERTANIAN: &[Jf] = &[
    jf(
        "Penyuluh Pertanian",
        Field::Pertanian,
        Some("T.PENYULUHAN"),
        &[J::Terampil, J::Mahir, J::AhliPertama, J::AhliMuda],
    ),
    jf(
        "Medik Veteriner",
        Field::Pertanian,
        None,
        &[J::AhliPertama, J::AhliMuda],
    ),
    jf(
        "Paramedik Veteriner",
        Field::Pertanian,
        None,
        &[J::Terampil],
    ),
];
pub(crate) const JF_PERDAGANGAN: &[Jf] = &[
    jf(
        "Penera",
        Field::Teknik,
        Some("T.METROLOGI"),
        &[J::Terampil, J::AhliPertama],
    ),
    jf(
        "Pengawas Koperasi",
        Field::Keuangan,
        None,
        &[J::AhliPertama],
    ),
];
pub(crate) const JF_PERIZINAN: &[Jf] = &[
    jf(
        "Penata Perizinan",
        Field::Umum,
        None,
        &[J::AhliPertama, J::AhliMuda],
    ),
    jf(
        "Mediator Hubungan Industrial",
        Field::Hukum,
        Some("T.HUBUNGAN-INDUSTRIAL"),
        &[J::AhliPertama, J::AhliMuda],
    ),
    jf("Pengantar Kerja", Field::Umum, None, &[J::AhliPertama]),
];
pub(crate) const JF_ARSIP: &[Jf] = &[
    jf(
        "Pustakawan",
        Field::Umum,
        Some("T.PERPUSTAKAAN"),
        &[J::Terampil, J::AhliPertama],
    ),
    jf(
        "Arsiparis",
        Field::Umum,
        Some("T.KEARSIPAN"),
        &[J::Terampil, J::AhliPertama],
    ),
];
pub(crate) const JF_BENCANA: &[Jf] = &[jf(
    "Analis Bencana",
    Field::Umum,
    None,
    &[J::AhliPertama, J::AhliMuda],
)];

// ---------------------------------------------------------------- bidang and seksi

pub(crate) const BID_BAPPEDA: &[&str] = &[
    "Perencanaan, Pengendalian dan Evaluasi Pembangunan: Perencanaan Program; Pengendalian dan Evaluasi; Data dan Informasi Pembangunan",
    "Perekonomian dan Sumber Daya Alam: Perekonomian; Sumber Daya Alam; Pariwisata dan Ekonomi Kreatif",
    "Pemerintahan dan Pembangunan Manusia: Pemerintahan; Pendidikan dan Kesehatan; Sosial Budaya",
    "Infrastruktur dan Kewilayahan: Infrastruktur; Tata Ruang dan Kewilayahan; Lingkungan Hidup",
    "Penelitian dan Pengembangan: Inovasi Daerah; Penelitian; Pengembangan Teknologi",
];
pub(crate) const BID_KEUANGAN_PENDAPATAN: &[&str] = &[
    "Pendapatan: Pendataan dan Penetapan; Penagihan dan Keberatan; Pajak Bumi dan Bangunan",
    "Anggaran: Perencanaan Anggaran; Pengendalian Anggaran; Evaluasi Anggaran",
    "Perbendaharaan dan Akuntansi: Belanja; Kas Daerah; Akuntansi dan Pelaporan",
    "Aset: Perencanaan Kebutuhan Aset; Penatausahaan Aset; Pemanfaatan dan Pengamanan Aset",
];
pub(crate) const BID_KEUANGAN: &[&str] = &[
    "Anggaran: Perencanaan Anggaran; Pengendalian Anggaran; Evaluasi Anggaran",
    "Perbendaharaan: Belanja Langsung; Belanja Tidak Langsung; Kas Daerah",
    "Akuntansi dan Pelaporan: Akuntansi; Pelaporan Keuangan; Pembinaan Akuntansi Perangkat Daerah",
    "Aset: Perencanaan Kebutuhan Aset; Penatausahaan Aset; Pemanfaatan dan Pengamanan Aset",
    "Pengelolaan Kas Daerah: Penerimaan Kas; Pengeluaran Kas; Rekonsiliasi Kas",
];
pub(crate) const BID_PENDAPATAN: &[&str] = &[
    "Pendataan dan Penetapan: Pendataan; Penilaian; Penetapan",
    "Pajak Bumi dan Bangunan: Pendataan Objek Pajak; Penetapan Pajak Bumi dan Bangunan; Pelayanan Pajak Bumi dan Bangunan",
    "Bea Perolehan Hak atas Tanah dan Bangunan: Verifikasi; Pelayanan; Pengawasan",
    "Penagihan dan Keberatan: Penagihan; Keberatan dan Banding; Pembukuan dan Pelaporan",
    "Pengembangan Pendapatan: Perencanaan Pendapatan; Pengendalian Pendapatan; Sistem Informasi Pendapatan",
];
pub(crate) const BID_BKPSDM: &[&str] = &[
    "Mutasi dan Promosi: Mutasi; Promosi dan Penilaian Kompetensi; Kepangkatan",
    "Pengembangan Kompetensi Aparatur: Pengembangan Kompetensi Manajerial; Pengembangan Kompetensi Teknis dan Fungsional; Sertifikasi dan Ujian Dinas",
    "Pengadaan, Pemberhentian dan Informasi: Pengadaan; Pemberhentian dan Pensiun; Data dan Sistem Informasi",
    "Penilaian Kinerja dan Penghargaan: Penilaian Kinerja; Disiplin dan Penghargaan; Kesejahteraan Pegawai",
    "Data dan Sistem Informasi Kepegawaian: Pengelolaan Data; Sistem Informasi; Arsip Kepegawaian",
];
pub(crate) const BID_KESBANGPOL: &[&str] = &[
    "Ideologi dan Wawasan Kebangsaan: Ideologi Pancasila; Wawasan Kebangsaan; Bela Negara",
    "Politik Dalam Negeri dan Organisasi Kemasyarakatan: Politik Dalam Negeri; Organisasi Kemasyarakatan; Pendidikan Politik",
    "Kewaspadaan Nasional dan Penanganan Konflik: Kewaspadaan Dini; Penanganan Konflik; Ketahanan Ekonomi, Sosial dan Budaya",
    "Ketahanan Sosial, Ekonomi dan Budaya: Ketahanan Sosial; Ketahanan Ekonomi; Ketahanan Seni dan Budaya",
];
pub(crate) const BID_BPBD: &[&str] = &[
    "Pencegahan dan Kesiapsiagaan: Pencegahan; Kesiapsiagaan; Pengurangan Risiko Bencana",
    "Kedaruratan dan Logistik: Kedaruratan; Logistik; Pusat Pengendalian Operasi",
    "Rehabilitasi dan Rekonstruksi: Rehabilitasi; Rekonstruksi; Pemulihan Sosial Ekonomi",
    "Sumber Daya dan Pengendalian Operasi: Data dan Informasi Kebencanaan; Sumber Daya Penanggulangan Bencana; Pengendalian Operasi",
];
pub(crate) const BID_PENDIDIKAN: &[&str] = &[
    "Pembinaan Sekolah Dasar: Kurikulum dan Penilaian SD; Peserta Didik dan Pembangunan Karakter SD; Sarana dan Prasarana SD",
    "Pembinaan Sekolah Menengah Pertama: Kurikulum dan Penilaian SMP; Peserta Didik dan Pembangunan Karakter SMP; Sarana dan Prasarana SMP",
    "Kebudayaan: Cagar Budaya dan Permuseuman; Kesenian dan Tradisi; Sejarah dan Nilai Budaya",
    "Pembinaan PAUD dan Pendidikan Nonformal: Kurikulum PAUD; Pendidikan Masyarakat; Kelembagaan dan Sarana Prasarana PAUD",
    "Guru dan Tenaga Kependidikan: Pendidik dan Tenaga Kependidikan SD; Pendidik dan Tenaga Kependidikan SMP; Pendidik dan Tenaga Kependidikan PAUD",
];
pub(crate) const BID_KESEHATAN: &[&str] = &[
    "Kesehatan Masyarakat: Kesehatan Keluarga dan Gizi; Promosi dan Pemberdayaan Masyarakat; Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga",
    "Pencegahan dan Pengendalian Penyakit: Surveilans dan Imunisasi; Pencegahan dan Pengendalian Penyakit Menular; Pencegahan dan Pengendalian Penyakit Tidak Menular dan Kesehatan Jiwa",
    "Pelayanan Kesehatan: Pelayanan Kesehatan Primer; Pelayanan Kesehatan Rujukan; Pelayanan Kesehatan Tradisional",
    "Sumber Daya Kesehatan: Kefarmasian; Alat Kesehatan dan PKRT; Sumber Daya Manusia Kesehatan",
    "Pengendalian Penduduk dan Keluarga Berencana: Pengendalian Penduduk; Keluarga Berencana; Ketahanan dan Kesejahteraan Keluarga",
];
pub(crate) const BID_PUPR: &[&str] = &[
    "Bina Marga: Pembangunan Jalan dan Jembatan; Pemeliharaan Jalan dan Jembatan; Perencanaan Teknis Jalan",
    "Sumber Daya Air: Irigasi dan Drainase; Pengendalian Banjir; Air Baku",
    "Penataan Ruang: Perencanaan Tata Ruang; Pemanfaatan Ruang; Pengendalian Pemanfaatan Ruang",
    "Bina Konstruksi: Pembinaan Jasa Konstruksi; Pengawasan Tertib Konstruksi; Sistem Informasi Konstruksi",
    "Cipta Karya: Bangunan Gedung; Air Minum; Sanitasi",
];
pub(crate) const BID_SDA_BINA_MARGA: &[&str] = &[
    "Bina Marga: Pembangunan Jalan dan Jembatan; Pemeliharaan Jalan dan Jembatan; Perencanaan Teknis Jalan",
    "Sumber Daya Air: Irigasi; Drainase dan Pengendalian Banjir; Air Baku dan Pantai",
    "Bina Konstruksi: Pembinaan Jasa Konstruksi; Pengawasan Tertib Konstruksi; Sistem Informasi Konstruksi",
    "Jembatan: Perencanaan Jembatan; Pembangunan Jembatan; Pemeliharaan Jembatan",
    "Peralatan dan Perbekalan: Pengelolaan Alat Berat; Perbekalan; Laboratorium Bahan Konstruksi",
];
pub(crate) const BID_CIPTA_KARYA: &[&str] = &[
    "Tata Ruang: Perencanaan Tata Ruang; Pemanfaatan Ruang; Pengendalian Pemanfaatan Ruang",
    "Bangunan Gedung: Perencanaan Bangunan Gedung; Pembangunan Bangunan Gedung; Penataan Bangunan",
    "Air Minum dan Sanitasi: Air Minum; Air Limbah Domestik; Drainase Lingkungan",
    "Persetujuan Bangunan Gedung: Pemeriksaan Teknis; Sertifikat Laik Fungsi; Pengawasan Bangunan",
    "Penyehatan Lingkungan Permukiman: Perencanaan Teknis; Pembangunan Prasarana; Pemeliharaan Prasarana",
];
pub(crate) const BID_PERKIM: &[&str] = &[
    "Perumahan: Pendataan dan Perencanaan Perumahan; Pembangunan Perumahan; Pembiayaan dan Pengendalian Perumahan",
    "Kawasan Permukiman: Perencanaan Kawasan Permukiman; Peningkatan Kualitas Permukiman Kumuh; Prasarana, Sarana dan Utilitas",
    "Pertamanan dan Penerangan Jalan Umum: Pertamanan; Penerangan Jalan Umum; Pemakaman",
    "Pertanahan: Penatagunaan Tanah; Pengadaan Tanah; Penyelesaian Sengketa Tanah",
    "Pengembangan Kawasan dan Prasarana: Perencanaan Kawasan; Prasarana Lingkungan; Utilitas Umum",
];
pub(crate) const BID_SATPOL: &[&str] = &[
    "Penegakan Peraturan Daerah: Pembinaan, Pengawasan dan Penyuluhan; Penyelidikan dan Penyidikan; Penindakan",
    "Ketenteraman dan Ketertiban Umum: Operasi dan Pengendalian; Kerja Sama; Pengamanan dan Pengawalan",
    "Perlindungan Masyarakat: Satuan Perlindungan Masyarakat; Bina Potensi Masyarakat; Pemadam Kebakaran",
    "Sumber Daya Aparatur: Pelatihan Dasar; Teknis Fungsional; Peningkatan Kapasitas Aparatur",
    "Pengawasan dan Pengendalian: Pengawasan Perizinan; Pengendalian Pedagang Kaki Lima; Penertiban Reklame",
];
pub(crate) const BID_DAMKAR: &[&str] = &[
    "Pencegahan Kebakaran: Pencegahan; Pemeriksaan Bangunan; Pemberdayaan Masyarakat",
    "Operasi Pemadaman dan Penyelamatan: Pemadaman; Penyelamatan; Pusat Komando",
    "Sarana dan Prasarana: Pengadaan Sarana; Pemeliharaan Sarana; Prasarana Pos Pemadam",
    "Penyelamatan Non Kebakaran: Penyelamatan; Evakuasi; Penanganan Bahan Berbahaya",
];
pub(crate) const BID_SOSIAL: &[&str] = &[
    "Rehabilitasi Sosial: Rehabilitasi Sosial Anak dan Lanjut Usia; Rehabilitasi Sosial Penyandang Disabilitas; Rehabilitasi Tuna Sosial",
    "Perlindungan dan Jaminan Sosial: Perlindungan Sosial Korban Bencana; Jaminan Sosial Keluarga; Data dan Informasi Kesejahteraan Sosial",
    "Pemberdayaan Perempuan dan Perlindungan Anak: Kualitas Hidup Perempuan; Pemenuhan Hak Anak; Perlindungan Khusus Anak",
    "Pemberdayaan Sosial dan Penanganan Fakir Miskin: Pemberdayaan Sosial; Penanganan Fakir Miskin; Kepahlawanan dan Restorasi Sosial",
    "Penanganan Masalah Sosial: Anak Jalanan dan Gelandangan; Korban Tindak Kekerasan; Penyandang Masalah Kesejahteraan Sosial",
];
pub(crate) const BID_DUKCAPIL: &[&str] = &[
    "Pelayanan Pendaftaran Penduduk: Identitas Penduduk; Pindah Datang Penduduk; Pendataan Penduduk",
    "Pelayanan Pencatatan Sipil: Kelahiran; Perkawinan dan Perceraian; Perubahan Status Anak dan Kematian",
    "Pengelolaan Informasi Administrasi Kependudukan: Sistem Informasi Administrasi Kependudukan; Pengolahan dan Penyajian Data; Tata Kelola Teknologi Informasi",
    "Pemanfaatan Data dan Inovasi Pelayanan: Kerja Sama; Pemanfaatan Data dan Dokumen Kependudukan; Inovasi Pelayanan",
    "Pelayanan Administrasi Kependudukan Keliling: Pelayanan Keliling; Pelayanan Sekolah; Pelayanan Desa",
];
pub(crate) const BID_PERHUBUNGAN: &[&str] = &[
    "Lalu Lintas: Manajemen dan Rekayasa Lalu Lintas; Pengendalian dan Operasional; Perlengkapan Jalan",
    "Angkutan: Angkutan Orang; Angkutan Barang; Terminal",
    "Sarana dan Prasarana: Pengujian Sarana; Prasarana; Keselamatan",
    "Perparkiran: Parkir Tepi Jalan Umum; Parkir Tempat Khusus; Penertiban Parkir",
    "Keselamatan dan Pengawasan: Keselamatan Lalu Lintas; Pengawasan Angkutan; Pengendalian Operasional Angkutan",
];
pub(crate) const BID_KOMINFO: &[&str] = &[
    "Informasi dan Komunikasi Publik: Pengelolaan Informasi Publik; Komunikasi Publik; Kemitraan Media",
    "Aplikasi Informatika: Pengembangan Aplikasi; Tata Kelola Pemerintahan Berbasis Elektronik; Layanan Data",
    "Persandian dan Statistik: Persandian; Keamanan Informasi; Statistik Sektoral",
    "Infrastruktur Teknologi Informasi: Jaringan dan Infrastruktur; Pusat Data; Layanan Internet Publik",
    "Statistik Sektoral: Pengumpulan Data; Pengolahan Data; Diseminasi Data",
];
pub(crate) const BID_LINGKUNGAN: &[&str] = &[
    "Pengelolaan Sampah dan Limbah B3: Pengurangan Sampah; Penanganan Sampah; Limbah Bahan Berbahaya dan Beracun",
    "Tata Lingkungan: Perencanaan Lingkungan Hidup; Kajian Dampak Lingkungan; Pemeliharaan Lingkungan",
    "Penaatan dan Peningkatan Kapasitas Lingkungan: Pengaduan dan Penegakan Hukum Lingkungan; Peningkatan Kapasitas Lingkungan; Pengendalian Pencemaran",
    "Pertamanan dan Ruang Terbuka Hijau: Pertamanan; Ruang Terbuka Hijau; Kebersihan Jalan",
    "Pengendalian Pencemaran dan Kerusakan Lingkungan: Pemantauan Kualitas Air; Pemantauan Kualitas Udara; Pemulihan Lingkungan",
];
pub(crate) const BID_KOPERASI_PERDAGANGAN: &[&str] = &[
    "Perdagangan: Perdagangan Dalam Negeri; Metrologi Legal; Perlindungan Konsumen",
    "Koperasi dan Usaha Mikro: Kelembagaan Koperasi; Pengawasan Koperasi; Pemberdayaan Usaha Mikro",
    "Perindustrian: Industri Agro dan Kimia; Industri Logam dan Aneka; Sarana Industri",
    "Pasar: Pengelolaan Pasar; Retribusi Pasar; Sarana Pasar",
];
pub(crate) const BID_PERDAGANGAN_PERINDUSTRIAN: &[&str] = &[
    "Perdagangan Dalam Negeri: Distribusi Barang; Stabilisasi Harga; Perdagangan Luar Negeri",
    "Perindustrian: Industri Agro dan Kimia; Industri Logam dan Aneka; Sarana Industri",
    "Perlindungan Konsumen dan Metrologi: Perlindungan Konsumen; Metrologi Legal; Pengawasan Barang Beredar",
    "Pasar: Pengelolaan Pasar; Retribusi Pasar; Sarana Pasar",
    "Industri Kecil dan Menengah: Pembinaan Industri Kecil; Pengembangan Produk; Sentra Industri",
];
pub(crate) const BID_PERTANIAN: &[&str] = &[
    "Ketahanan Pangan: Ketersediaan dan Kerawanan Pangan; Distribusi dan Cadangan Pangan; Konsumsi dan Keamanan Pangan",
    "Tanaman Pangan dan Hortikultura: Produksi Tanaman Pangan; Hortikultura; Perlindungan Tanaman",
    "Peternakan dan Kesehatan Hewan: Produksi Peternakan; Kesehatan Hewan; Kesehatan Masyarakat Veteriner",
    "Penyuluhan dan Sarana Pertanian: Penyuluhan; Sarana dan Prasarana Pertanian; Kelembagaan Petani",
    "Perkebunan dan Perikanan: Perkebunan; Perikanan Budidaya; Perikanan Tangkap",
];
pub(crate) const BID_PERIZINAN_NAKER: &[&str] = &[
    "Pelayanan Perizinan: Perizinan Usaha; Perizinan Non Usaha; Pengaduan dan Informasi Pelayanan",
    "Penanaman Modal: Promosi Penanaman Modal; Pengendalian Penanaman Modal; Data dan Sistem Informasi Penanaman Modal",
    "Tenaga Kerja: Penempatan dan Perluasan Kesempatan Kerja; Pelatihan dan Produktivitas; Hubungan Industrial dan Jaminan Sosial",
];
pub(crate) const BID_PERIZINAN: &[&str] = &[
    "Pelayanan Perizinan: Perizinan Usaha; Perizinan Non Usaha; Pengaduan dan Informasi Pelayanan",
    "Penanaman Modal: Promosi Penanaman Modal; Pengendalian Penanaman Modal; Data dan Sistem Informasi Penanaman Modal",
    "Pengawasan Perizinan: Pemantauan; Pembinaan; Pelaporan",
    "Kebijakan dan Regulasi: Deregulasi; Kerja Sama; Evaluasi Pelayanan",
    "Data dan Sistem Informasi: Pengelolaan Data; Sistem Informasi Perizinan; Pengaduan",
];
pub(crate) const BID_NAKER: &[&str] = &[
    "Penempatan dan Perluasan Kesempatan Kerja: Penempatan Tenaga Kerja; Perluasan Kesempatan Kerja; Informasi Pasar Kerja",
    "Pelatihan dan Produktivitas: Pelatihan Kerja; Produktivitas; Sertifikasi Kompetensi",
    "Hubungan Industrial dan Jaminan Sosial: Persyaratan Kerja; Penyelesaian Perselisihan; Jaminan Sosial Tenaga Kerja",
    "Pengawasan dan Perlindungan Tenaga Kerja: Norma Kerja; Keselamatan dan Kesehatan Kerja; Perlindungan Pekerja Migran",
];
pub(crate) const BID_PMD: &[&str] = &[
    "Pemerintahan Desa: Penataan Desa; Aparatur Desa; Produk Hukum Desa",
    "Keuangan dan Aset Desa: Keuangan Desa; Aset Desa; Badan Usaha Milik Desa",
    "Pemberdayaan Masyarakat: Kelembagaan Masyarakat; Pemberdayaan Ekonomi; Teknologi Tepat Guna",
    "Pembangunan Kawasan Perdesaan: Perencanaan Pembangunan Desa; Kerja Sama Antar Desa; Sarana Prasarana Desa",
];
pub(crate) const BID_ARSIP: &[&str] = &[
    "Perpustakaan: Layanan Perpustakaan; Pengembangan Koleksi; Pembudayaan Kegemaran Membaca",
    "Kearsipan: Pengelolaan Arsip; Pembinaan Kearsipan; Akuisisi dan Layanan Arsip",
    "Pelestarian dan Digitalisasi: Preservasi; Digitalisasi; Deposit",
    "Pengembangan Sumber Daya Perpustakaan dan Kearsipan: Pembinaan Perpustakaan Sekolah; Pembinaan Arsiparis dan Pustakawan; Sistem Informasi Kearsipan",
];
pub(crate) const BID_PERIKANAN: &[&str] = &[
    "Perikanan Budidaya: Produksi Budidaya; Kesehatan Ikan dan Lingkungan; Sarana Budidaya",
    "Perikanan Tangkap: Kapal dan Alat Tangkap; Pelabuhan Perikanan; Pemberdayaan Nelayan",
    "Pengolahan dan Pemasaran: Pengolahan Hasil Perikanan; Pemasaran; Mutu dan Keamanan Produk",
    "Kelautan dan Pesisir: Pengelolaan Pesisir; Konservasi Mangrove; Pulau-pulau Kecil",
    "Penyuluhan dan Kelembagaan: Penyuluhan Perikanan; Kelembagaan Pelaku Usaha; Data dan Statistik Perikanan",
];
pub(crate) const BAGIAN_SETWAN: &[&str] = &[
    "Umum dan Keuangan: Tata Usaha dan Kepegawaian; Keuangan; Rumah Tangga",
    "Persidangan dan Perundang-undangan: Persidangan dan Risalah; Perundang-undangan; Kajian dan Analisis",
    "Fasilitasi Penganggaran dan Pengawasan: Fasilitasi Penganggaran; Fasilitasi Pengawasan; Hubungan Masyarakat dan Protokol",
    "Perencanaan dan Program: Perencanaan; Program; Evaluasi dan Pelaporan",
];
pub(crate) const SUBBAG_INSPEKTORAT: &[&str] = &[
    "Perencanaan",
    "Evaluasi dan Pelaporan",
    "Administrasi dan Umum",
];

// ---------------------------------------------------------------- alike in both governments

// Bagian of the Sekretariat Daerah and perangkat daerah that both governments share: a
// government's table takes one as it is, or sets its own code, name, UPT ... over it
// (`Opd { upt: &[..], ..DINKES }`).

/// Bagian Kesejahteraan Rakyat of the Sekretariat Daerah.
pub(crate) const SETDA_KESRA: Bagian = bagian(
    "kesra",
    "Kesejahteraan Rakyat",
    0,
    Field::Sosial,
    &[
        "Bina Mental Spiritual",
        "Kesejahteraan Sosial",
        "Pendidikan dan Kesehatan",
    ],
    &[],
);
/// Bagian Hukum of the Sekretariat Daerah.
pub(crate) const SETDA_HUKUM: Bagian = bagian(
    "hukum",
    "Hukum",
    0,
    Field::Hukum,
    &[
        "Perundang-undangan",
        "Bantuan Hukum",
        "Dokumentasi dan Informasi Hukum",
    ],
    JF_HUKUM,
);
/// Bagian Administrasi Pembangunan of the Sekretariat Daerah.
pub(crate) const SETDA_ADPEM: Bagian = bagian(
    "adpem",
    "Administrasi Pembangunan",
    1,
    Field::Teknik,
    &[
        "Program Pembangunan",
        "Pengendalian Pembangunan",
        "Evaluasi dan Pelaporan Pembangunan",
    ],
    &[],
);
/// Bagian Pengadaan Barang dan Jasa of the Sekretariat Daerah.
pub(crate) const SETDA_PBJ: Bagian = bagian(
    "pbj",
    "Pengadaan Barang dan Jasa",
    1,
    Field::Umum,
    &[
        "Pengelolaan Pengadaan",
        "Layanan Pengadaan Secara Elektronik",
        "Pembinaan dan Advokasi Pengadaan",
    ],
    JF_PBJ,
);
/// Bagian Organisasi of the Sekretariat Daerah.
pub(crate) const SETDA_ORGANISASI: Bagian = bagian(
    "organisasi",
    "Organisasi",
    2,
    Field::Umum,
    &[
        "Kelembagaan dan Analisis Jabatan",
        "Reformasi Birokrasi dan Akuntabilitas Kinerja",
        "Tata Laksana dan Pelayanan Publik",
    ],
    JF_ORGANISASI,
);
/// Bagian Umum of the Sekretariat Daerah (Kota Mojokerto's also keeps the finances).
pub(crate) const SETDA_UMUM: Bagian = bagian(
    "umum",
    "Umum",
    2,
    Field::Umum,
    &["Tata Usaha Pimpinan", "Rumah Tangga", "Perlengkapan"],
    &[],
);
/// Bagian Protokol dan Komunikasi Pimpinan of the Sekretariat Daerah, without functional posts.
pub(crate) const SETDA_PROKOPIM: Bagian = bagian(
    "prokopim",
    "Protokol dan Komunikasi Pimpinan",
    2,
    Field::Informatika,
    &["Protokol", "Komunikasi Pimpinan", "Dokumentasi Pimpinan"],
    &[],
);

/// Sekretariat DPRD.
pub(crate) const SETWAN: Opd = Opd {
    code: "setwan",
    name: "Sekretariat DPRD",
    head: "Sekretaris DPRD",
    kind: Kind::Dprd,
    bidang: BAGIAN_SETWAN,
    jf: JF_HUKUM,
    ..OPD
};
/// Inspektorat; each government sets its name and its Inspektur Pembantu (from [`IRBAN`]).
pub(crate) const INSPEKTORAT: Opd = Opd {
    code: "inspektorat",
    head: "Inspektur",
    kind: Kind::Inspektorat,
    field: Field::Keuangan,
    subbag: SUBBAG_INSPEKTORAT,
    jf: JF_INSPEKTORAT,
    ..OPD
};
/// Inspektur Pembantu of an Inspektorat: Kota Mojokerto has the first four.
pub(crate) const IRBAN: &[&str] = &[
    "Inspektur Pembantu Wilayah I",
    "Inspektur Pembantu Wilayah II",
    "Inspektur Pembantu Wilayah III",
    "Inspektur Pembantu Wilayah IV",
    "Inspektur Pembantu Khusus",
];
/// Badan Perencanaan Pembangunan Daerah.
pub(crate) const BAPPEDA: Opd = Opd {
    code: "bappeda",
    name: "Badan Perencanaan Pembangunan Daerah",
    kind: Kind::Badan,
    bidang: BID_BAPPEDA,
    jf: JF_PERENCANA,
    ..OPD
};
/// Badan Kepegawaian dan Pengembangan Sumber Daya Manusia.
pub(crate) const BKPSDM: Opd = Opd {
    code: "bkpsdm",
    name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    kind: Kind::Badan,
    bidang: BID_BKPSDM,
    jf: JF_KEPEGAWAIAN,
    ..OPD
};
/// Dinas Pendidikan.
pub(crate) const DISDIK: Opd = Opd {
    code: "disdik",
    name: "Dinas Pendidikan",
    field: Field::Pendidikan,
    bidang: BID_PENDIDIKAN,
    jf: JF_PENDIDIKAN,
    ..OPD
};
/// Dinas Kesehatan.
pub(crate) const DINKES: Opd = Opd {
    code: "dinkes",
    name: "Dinas Kesehatan",
    field: Field::Kesehatan,
    bidang: BID_KESEHATAN,
    jf: JF_KESEHATAN,
    ..OPD
};
/// Satuan Polisi Pamong Praja.
pub(crate) const SATPOLPP: Opd = Opd {
    code: "satpolpp",
    name: "Satuan Polisi Pamong Praja",
    bidang: BID_SATPOL,
    jf: JF_SATPOL,
    ..OPD
};
/// Dinas Sosial.
pub(crate) const DINSOS: Opd = Opd {
    code: "dinsos",
    name: "Dinas Sosial",
    field: Field::Sosial,
    bidang: BID_SOSIAL,
    jf: JF_SOSIAL,
    ..OPD
};
/// Dinas Kependudukan dan Pencatatan Sipil.
pub(crate) const DUKCAPIL: Opd = Opd {
    code: "disdukcapil",
    name: "Dinas Kependudukan dan Pencatatan Sipil",
    bidang: BID_DUKCAPIL,
    jf: JF_DUKCAPIL,
    ..OPD
};
/// Dinas Perhubungan.
pub(crate) const DISHUB: Opd = Opd {
    code: "dishub",
    name: "Dinas Perhubungan",
    field: Field::Perhubungan,
    bidang: BID_PERHUBUNGAN,
    jf: JF_PERHUBUNGAN,
    ..OPD
};
/// Dinas Komunikasi dan Informatika.
pub(crate) const DISKOMINFO: Opd = Opd {
    code: "diskominfo",
    name: "Dinas Komunikasi dan Informatika",
    field: Field::Informatika,
    bidang: BID_KOMINFO,
    jf: JF_KOMINFO,
    ..OPD
};
/// Dinas Lingkungan Hidup.
pub(crate) const DLH: Opd = Opd {
    code: "dlh",
    name: "Dinas Lingkungan Hidup",
    field: Field::Lingkungan,
    bidang: BID_LINGKUNGAN,
    jf: JF_LINGKUNGAN,
    ..OPD
};
/// Dinas Pertanian.
pub(crate) const DISTAN: Opd = Opd {
    code: "distan",
    name: "Dinas Pertanian",
    field: Field::Pertanian,
    bidang: BID_PERTANIAN,
    jf: JF_PERTANIAN,
    ..OPD
};

// ---------------------------------------------------------------- Kota Mojokerto

pub(crate) const MOJOKERTO_BAGIAN: &[Bagian] = &[
    bagian(
        "pemerintahan",
        "Pemerintahan",
        0,
        Field::Umum,
        &["Pemerintahan Umum", "Otonomi Daerah", "Kerja Sama"],
        &[],
    ),
    SETDA_KESRA,
    SETDA_HUKUM,
    bagian(
        "perekonomian",
        "Perekonomian dan Sumber Daya Alam",
        1,
        Field::Keuangan,
        &[
            "Perekonomian",
            "Sumber Daya Alam",
            "Pembinaan Badan Usaha Milik Daerah",
        ],
        &[],
    ),
    SETDA_ADPEM,
    SETDA_PBJ,
    SETDA_ORGANISASI,
    Bagian {
        field: Field::Keuangan,
        subbag: &["Tata Usaha Pimpinan", "Rumah Tangga", "Keuangan"],
        ..SETDA_UMUM
    },
    Bagian {
        jf: JF_PROTOKOL,
        ..SETDA_PROKOPIM
    },
];

pub(crate) const MOJOKERTO_OPDS: &[Opd] = &[
    SETWAN,
    Opd {
        name: "Inspektorat",
        bidang: IRBAN.split_at(4).0,
        ..INSPEKTORAT
    },
    Opd {
        code: "bappedalitbang",
        name: "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
        ..BAPPEDA
    },
    Opd {
        code: "bpkpd",
        name: "Badan Pendapatan, Pengelolaan Keuangan dan Aset Daerah",
        kind: Kind::Badan,
        field: Field::Keuangan,
        bidang: BID_KEUANGAN_PENDAPATAN,
        upt: &["UPT Pengelolaan Pajak Daerah"],
        jf: JF_KEUANGAN,
        ..OPD
    },
    BKPSDM,
    Opd {
        code: "disdikbud",
        name: "Dinas Pendidikan dan Kebudayaan",
        upt: &["UPT Sanggar Kegiatan Belajar", "UPT Permuseuman"],
        ..DISDIK
    },
    Opd {
        upt: &[
            "UPT Puskesmas Blooto",
            "UPT Puskesmas Kedundung",
            "UPT Puskesmas Gedongan",
            "UPT Puskesmas Kranggan",
            "UPT Puskesmas Mentikan",
            "UPT Puskesmas Wates",
            "UPT Laboratorium Kesehatan Daerah",
        ],
        ..DINKES
    },
    Opd {
        code: "dpupr",
        name: "Dinas Pekerjaan Umum dan Penataan Ruang",
        field: Field::Teknik,
        bidang: BID_PUPR,
        upt: &["UPT Pengelolaan Air Limbah Domestik"],
        jf: JF_PUPR,
        ..OPD
    },
    Opd {
        code: "disperkim",
        name: "Dinas Perumahan Rakyat dan Kawasan Permukiman",
        field: Field::Teknik,
        bidang: BID_PERKIM,
        upt: &["UPT Rumah Susun Sederhana Sewa"],
        jf: JF_PERKIM,
        ..OPD
    },
    Opd {
        upt: &["UPT Pemadam Kebakaran"],
        ..SATPOLPP
    },
    Opd {
        code: "dinsos-p3a",
        name: "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
        upt: &["UPT Perlindungan Perempuan dan Anak"],
        ..DINSOS
    },
    Opd {
        code: "dispendukcapil",
        ..DUKCAPIL
    },
    Opd {
        upt: &["UPT Terminal Kertajaya", "UPT Pengujian Kendaraan Bermotor"],
        ..DISHUB
    },
    DISKOMINFO,
    Opd {
        upt: &["UPT Tempat Pemrosesan Akhir Sampah"],
        ..DLH
    },
    Opd {
        code: "diskopukmperindag",
        name: "Dinas Koperasi, Usaha Mikro, Perindustrian dan Perdagangan",
        field: Field::Keuangan,
        bidang: BID_KOPERASI_PERDAGANGAN,
        upt: &["UPT Pasar Tanjung Anom", "UPT Metrologi Legal"],
        jf: JF_PERDAGANGAN,
        ..OPD
    },
    Opd {
        code: "dispertapa",
        name: "Dinas Pertanian dan Ketahanan Pangan",
        upt: &["UPT Rumah Potong Hewan"],
        ..DISTAN
    },
    Opd {
        code: "dpmptsp-naker",
        name: "Dinas Penanaman Modal, Pelayanan Terpadu Satu Pintu dan Tenaga Kerja",
        bidang: BID_PERIZINAN_NAKER,
        jf: JF_PERIZINAN,
        ..OPD
    },
];

pub(crate) const MOJOKERTO_KECAMATAN: &[Kecamatan] = &[
    kec(
        "Prajurit Kulon",
        &[
            "Blooto",
            "Kauman",
            "Mentikan",
            "Prajurit Kulon",
            "Pulorejo",
            "Surodinawan",
        ],
    ),
    kec(
        "Magersari",
        &[
            "Balongsari",
            "Gedongan",
            "Gunung Gedangan",
            "Kedundung",
            "Magersari",
            "Wates",
        ],
    ),
    kec(
        "Kranggan",
        &[
            "Jagalan",
            "Kranggan",
            "Meri",
            "Miji",
            "Purwotengah",
            "Sentanan",
        ],
    ),
];

// ---------------------------------------------------------------- Kabupaten Bekasi

pub(crate) const BEKASI_BAGIAN: &[Bagian] = &[
    bagian(
        "tapem",
        "Tata Pemerintahan",
        0,
        Field::Umum,
        &[
            "Pemerintahan Umum",
            "Otonomi Daerah",
            "Administrasi Kewilayahan",
        ],
        &[],
    ),
    SETDA_KESRA,
    SETDA_HUKUM,
    bagian(
        "kerjasama",
        "Kerja Sama",
        0,
        Field::Umum,
        &[
            "Kerja Sama Dalam Negeri",
            "Kerja Sama Luar Negeri dan Swasta",
            "Evaluasi Kerja Sama",
        ],
        &[],
    ),
    bagian(
        "perekonomian",
        "Perekonomian",
        1,
        Field::Keuangan,
        &[
            "Perekonomian Daerah",
            "Pembinaan Badan Usaha Milik Daerah",
            "Ketahanan Ekonomi",
        ],
        &[],
    ),
    bagian(
        "bumd",
        "Pembinaan Badan Usaha Milik Daerah",
        1,
        Field::Keuangan,
        &[
            "Pembinaan Kinerja BUMD",
            "Pengawasan BUMD",
            "Analisis Investasi Daerah",
        ],
        &[],
    ),
    bagian(
        "sda",
        "Sumber Daya Alam",
        1,
        Field::Lingkungan,
        &[
            "Pertanian dan Kelautan",
            "Energi dan Sumber Daya Mineral",
            "Lingkungan Hidup",
        ],
        &[],
    ),
    SETDA_ADPEM,
    SETDA_PBJ,
    SETDA_ORGANISASI,
    SETDA_UMUM,
    SETDA_PROKOPIM,
    bagian(
        "perlengkapan",
        "Perlengkapan",
        2,
        Field::Keuangan,
        &[
            "Perencanaan Kebutuhan Barang",
            "Penyimpanan dan Distribusi",
            "Pemeliharaan Aset",
        ],
        &[],
    ),
    bagian(
        "humas",
        "Hubungan Masyarakat",
        2,
        Field::Informatika,
        &[
            "Pengelolaan Informasi",
            "Hubungan Media",
            "Publikasi dan Dokumentasi",
        ],
        &[],
    ),
    bagian(
        "perencanaan-keuangan",
        "Perencanaan dan Keuangan",
        2,
        Field::Keuangan,
        &["Perencanaan", "Keuangan", "Evaluasi dan Pelaporan"],
        &[],
    ),
];

pub(crate) const BEKASI_OPDS: &[Opd] = &[
    SETWAN,
    Opd {
        name: "Inspektorat Daerah",
        bidang: IRBAN,
        ..INSPEKTORAT
    },
    BAPPEDA,
    Opd {
        code: "bapenda",
        name: "Badan Pendapatan Daerah",
        kind: Kind::Badan,
        field: Field::Keuangan,
        bidang: BID_PENDAPATAN,
        upt: &[
            "UPTD Pajak Daerah Wilayah I",
            "UPTD Pajak Daerah Wilayah II",
            "UPTD Pajak Daerah Wilayah III",
            "UPTD Pajak Daerah Wilayah IV",
            "UPTD Pajak Daerah Wilayah V",
            "UPTD Pajak Daerah Wilayah VI",
            "UPTD Pajak Daerah Wilayah VII",
        ],
        ..OPD
    },
    Opd {
        code: "bpkad",
        name: "Badan Pengelolaan Keuangan dan Aset Daerah",
        kind: Kind::Badan,
        field: Field::Keuangan,
        bidang: BID_KEUANGAN,
        jf: JF_KEUANGAN,
        ..OPD
    },
    BKPSDM,
    Opd {
        code: "kesbangpol",
        name: "Badan Kesatuan Bangsa dan Politik",
        kind: Kind::Badan,
        bidang: BID_KESBANGPOL,
        ..OPD
    },
    Opd {
        code: "bpbd",
        name: "Badan Penanggulangan Bencana Daerah",
        head: "Kepala Pelaksana Badan Penanggulangan Bencana Daerah",
        kind: Kind::Badan,
        bidang: BID_BPBD,
        jf: JF_BENCANA,
        ..OPD
    },
    Opd {
        upt: &["UPTD Sanggar Kegiatan Belajar"],
        upt_each_kecamatan: "UPTD Pendidikan Kecamatan",
        ..DISDIK
    },
    Opd {
        upt: &[
            "UPTD Puskesmas Karangsatria",
            "UPTD Puskesmas Mekarmukti",
            "UPTD Puskesmas Jatimulya",
            "UPTD Puskesmas Wanasari",
            "UPTD Puskesmas Sriamur",
            "UPTD Puskesmas Kertarahayu",
            "UPTD Puskesmas Sukadami",
            "UPTD Puskesmas Danau Indah",
            "UPTD Puskesmas Telaga Murni",
            "UPTD Puskesmas Sukaindah",
            "UPTD Puskesmas Mangunjaya",
            "UPTD Puskesmas Sumberjaya",
            "UPTD Puskesmas Wanajaya",
            "UPTD Puskesmas Kertamukti",
            "UPTD Puskesmas Lambangsari",
            "UPTD Puskesmas Pasirgombong",
            "UPTD Puskesmas Karangasih",
            "UPTD Puskesmas Sukamahi",
            "UPTD Puskesmas Cibuntu",
            "UPTD Puskesmas Kalijaya",
            "UPTD Puskesmas Sukarukun",
            "UPTD Puskesmas Bojongsari",
            "UPTD Laboratorium Kesehatan Daerah",
            "UPTD Instalasi Farmasi",
        ],
        upt_each_kecamatan: "UPTD Puskesmas",
        ..DINKES
    },
    Opd {
        code: "dsdabmbk",
        name: "Dinas Sumber Daya Air, Bina Marga dan Bina Konstruksi",
        field: Field::Teknik,
        bidang: BID_SDA_BINA_MARGA,
        upt: &[
            "UPTD Jalan dan Jembatan Wilayah I",
            "UPTD Jalan dan Jembatan Wilayah II",
            "UPTD Jalan dan Jembatan Wilayah III",
            "UPTD Jalan dan Jembatan Wilayah IV",
            "UPTD Jalan dan Jembatan Wilayah V",
            "UPTD Jalan dan Jembatan Wilayah VI",
            "UPTD Pengelolaan Sumber Daya Air Wilayah I",
            "UPTD Pengelolaan Sumber Daya Air Wilayah II",
            "UPTD Pengelolaan Sumber Daya Air Wilayah III",
        ],
        jf: JF_PUPR,
        ..OPD
    },
    Opd {
        code: "dcktr",
        name: "Dinas Cipta Karya dan Tata Ruang",
        field: Field::Teknik,
        bidang: BID_CIPTA_KARYA,
        jf: JF_PERKIM,
        ..OPD
    },
    Opd {
        code: "disperkimtan",
        name: "Dinas Perumahan Rakyat, Kawasan Permukiman dan Pertanahan",
        field: Field::Teknik,
        bidang: BID_PERKIM,
        upt: &["UPTD Pemakaman Umum"],
        ..OPD
    },
    SATPOLPP,
    Opd {
        code: "damkar",
        name: "Dinas Pemadam Kebakaran",
        field: Field::Teknik,
        bidang: BID_DAMKAR,
        upt: &[
            "UPTD Pemadam Kebakaran Wilayah I",
            "UPTD Pemadam Kebakaran Wilayah II",
            "UPTD Pemadam Kebakaran Wilayah III",
            "UPTD Pemadam Kebakaran Wilayah IV",
            "UPTD Pemadam Kebakaran Wilayah V",
            "UPTD Pemadam Kebakaran Wilayah VI",
        ],
        jf: JF_DAMKAR,
        ..OPD
    },
    Opd {
        upt: &["UPTD Rumah Perlindungan Sosial"],
        ..DINSOS
    },
    DUKCAPIL,
    Opd {
        upt: &[
            "UPTD Terminal Cikarang",
            "UPTD Pengujian Kendaraan Bermotor",
            "UPTD Perparkiran",
        ],
        ..DISHUB
    },
    Opd {
        code: "diskominfosantik",
        name: "Dinas Komunikasi, Informatika, Persandian dan Statistik",
        ..DISKOMINFO
    },
    Opd {
        upt: &[
            "UPTD Tempat Pemrosesan Akhir Sampah Burangkeng",
            "UPTD Laboratorium Lingkungan",
            "UPTD Kebersihan Wilayah I",
            "UPTD Kebersihan Wilayah II",
            "UPTD Kebersihan Wilayah III",
        ],
        ..DLH
    },
    Opd {
        code: "disnaker",
        name: "Dinas Tenaga Kerja",
        bidang: BID_NAKER,
        upt: &["UPTD Balai Latihan Kerja"],
        ..OPD
    },
    Opd {
        code: "dpmptsp",
        name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        bidang: BID_PERIZINAN,
        jf: JF_PERIZINAN,
        ..OPD
    },
    Opd {
        upt_each_kecamatan: "UPTD Balai Penyuluhan Pertanian",
        ..DISTAN
    },
    Opd {
        code: "diskan",
        name: "Dinas Perikanan dan Kelautan",
        field: Field::Pertanian,
        bidang: BID_PERIKANAN,
        upt: &[
            "UPTD Pelabuhan Perikanan Muara Gembong",
            "UPTD Balai Benih Ikan",
        ],
        ..OPD
    },
    Opd {
        code: "disdagperin",
        name: "Dinas Perdagangan dan Perindustrian",
        field: Field::Keuangan,
        bidang: BID_PERDAGANGAN_PERINDUSTRIAN,
        upt: &[
            "UPTD Pasar Cikarang",
            "UPTD Pasar Tambun",
            "UPTD Pasar Cibitung",
            "UPTD Pasar Setu",
            "UPTD Pasar Serang",
            "UPTD Pasar Sukatani",
            "UPTD Pasar Lemahabang",
            "UPTD Pasar Babelan",
            "UPTD Metrologi Legal",
        ],
        jf: JF_PERDAGANGAN,
        ..OPD
    },
    Opd {
        code: "dpmd",
        name: "Dinas Pemberdayaan Masyarakat dan Desa",
        bidang: BID_PMD,
        ..OPD
    },
    Opd {
        code: "dinas-arpus",
        name: "Dinas Arsip dan Perpustakaan",
        bidang: BID_ARSIP,
        jf: JF_ARSIP,
        ..OPD
    },
];

pub(crate) const BEKASI_KECAMATAN: &[Kecamatan] = &[
    kec("Setu", &[]),
    kec("Serang Baru", &[]),
    kec("Cikarang Pusat", &[]),
    kec("Cikarang Selatan", &[]),
    kec("Cibarusah", &[]),
    kec("Bojongmangu", &[]),
    kec("Cikarang Timur", &[]),
    kec("Kedungwaringin", &[]),
    kec("Cikarang Utara", &[]),
    kec("Karangbahagia", &[]),
    kec("Cibitung", &[]),
    kec("Cikarang Barat", &[]),
    kec("Tambun Selatan", &[]),
    kec("Tambun Utara", &[]),
    kec("Babelan", &[]),
    kec("Tarumajaya", &[]),
    kec("Tambelang", &[]),
    kec("Sukawangi", &[]),
    kec("Sukatani", &[]),
    kec("Sukakarya", &[]),
    kec("Pebayuran", &[]),
    kec("Cabangbungin", &[]),
    kec("Muaragembong", &[]),
];
