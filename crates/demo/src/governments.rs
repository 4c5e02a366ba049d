//! The two demo governments as specifications: their organisation, class counts and
//! assessment rounds: data only.

use talenta_domain::position::Eselon;

use crate::*;

// =====================================================================================
// Government specifications
// =====================================================================================

/// How many posts of a class are held.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Fill {
    /// Exactly this many holders (structural: one per post, the rest vacant).
    Holders(usize),
    /// All posts but this many are held (structural classes only).
    Vacant(usize),
}

/// When an assessment round took place.
#[derive(Debug, Clone, Copy)]
pub(crate) enum When {
    /// A fixed date from a seed article.
    On(i32, u32, u32),
    /// This many months before `as_of` (a recent round, still valid).
    MonthsBefore(u32),
}

/// An earlier assessment round.
pub(crate) struct Round {
    pub(crate) provider: &'static str,
    pub(crate) when: When,
    /// Working days used at least.
    pub(crate) days: usize,
    /// Most participants a day (more days are used when needed).
    pub(crate) per_day: Option<usize>,
    /// Share in percent of each group assessed (JPT, Administrator, Pengawas, Fungsional,
    /// Pelaksana).
    pub(crate) share: [u64; 5],
}

/// Everything that distinguishes one demo government from the other.
pub(crate) struct Spec {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) kind: &'static str,
    pub(crate) seed: u64,
    pub(crate) bagian: &'static [Bagian],
    pub(crate) opds: &'static [Opd],
    pub(crate) kecamatan: &'static [Kecamatan],
    /// Most Bidang per dinas/badan (and Bagian of the Sekretariat DPRD).
    pub(crate) bidang_max: usize,
    /// Most Seksi per Bidang (and Subbagian per Bagian of the Sekretariat DPRD).
    pub(crate) seksi_max: usize,
    /// Subbagian of a Sekretariat of a dinas/badan.
    pub(crate) subbag_max: usize,
    pub(crate) camat_eselon: Eselon,
    pub(crate) kecamatan_seksi: &'static [&'static str],
    pub(crate) kecamatan_subbag: &'static [&'static str],
    pub(crate) kelurahan_seksi: &'static [&'static str],
    /// Fill of JPT, Administrator, Pengawas, Fungsional, Pelaksana.
    pub(crate) fill: [Fill; 5],
    /// PPPK share in percent among Fungsional and Pelaksana.
    pub(crate) pppk_percent: [u64; 2],
    pub(crate) regions: &'static [(&'static Region, u32)],
    pub(crate) rounds: &'static [Round],
}

/// Seksi of a kecamatan: Kota Mojokerto has the first four, Kabupaten Bekasi all five.
pub(crate) const KECAMATAN_SEKSI: &[&str] = &[
    "Pemerintahan",
    "Ketenteraman dan Ketertiban Umum",
    "Ekonomi dan Pembangunan",
    "Kesejahteraan Sosial",
    "Pemberdayaan Masyarakat Desa",
];

/// Subbagian of the Sekretariat of a kecamatan, alike in both governments.
pub(crate) const KECAMATAN_SUBBAG: &[&str] = &["Umum dan Kepegawaian", "Perencanaan dan Keuangan"];

pub(crate) const MOJOKERTO: Spec = Spec {
    code: "kota-mojokerto",
    name: "Pemerintah Kota Mojokerto",
    kind: "kota",
    seed: 0x4D4A_4B5F_3236_3821,
    bagian: MOJOKERTO_BAGIAN,
    opds: MOJOKERTO_OPDS,
    kecamatan: MOJOKERTO_KECAMATAN,
    bidang_max: 3,
    seksi_max: 2,
    subbag_max: 2,
    camat_eselon: Eselon::IIIA,
    kecamatan_seksi: KECAMATAN_SEKSI.split_at(4).0,
    kecamatan_subbag: KECAMATAN_SUBBAG,
    kelurahan_seksi: &[
        "Pemerintahan dan Ketenteraman",
        "Ekonomi, Pembangunan dan Kesejahteraan Sosial",
    ],
    fill: [
        Fill::Vacant(1),
        Fill::Vacant(5),
        Fill::Holders(268),
        Fill::Holders(140),
        Fill::Holders(640),
    ],
    pppk_percent: [12, 3],
    regions: REGIONS_JATIM,
    rounds: &[
        Round {
            provider: "Dinas Psikologi TNI Angkatan Laut",
            when: When::On(2019, 7, 15),
            days: 5,
            per_day: None,
            share: [0, 90, 85, 0, 0],
        },
        Round {
            provider: "BKD Provinsi Jawa Timur",
            when: When::On(2021, 6, 9),
            days: 1,
            per_day: None,
            share: [0, 0, 100, 0, 0],
        },
        Round {
            provider: "BKD Provinsi Jawa Timur",
            when: When::MonthsBefore(25),
            days: 6,
            per_day: Some(48),
            share: [100, 100, 70, 25, 10],
        },
    ],
};

pub(crate) const BEKASI: Spec = Spec {
    code: "kab-bekasi",
    name: "Pemerintah Kabupaten Bekasi",
    kind: "kabupaten",
    seed: 0x424B_535F_3232_3237,
    bagian: BEKASI_BAGIAN,
    opds: BEKASI_OPDS,
    kecamatan: BEKASI_KECAMATAN,
    bidang_max: 5,
    seksi_max: 3,
    subbag_max: 3,
    camat_eselon: Eselon::IIIA,
    kecamatan_seksi: KECAMATAN_SEKSI,
    kecamatan_subbag: KECAMATAN_SUBBAG,
    kelurahan_seksi: &[],
    fill: [
        Fill::Holders(18),
        Fill::Holders(210),
        Fill::Holders(784),
        Fill::Holders(131),
        Fill::Holders(1202),
    ],
    pppk_percent: [10, 2],
    regions: REGIONS_JABAR,
    rounds: &[
        Round {
            provider: "UPTD Penilaian Kompetensi Pegawai BKD Provinsi Jawa Barat",
            when: When::On(2021, 9, 14),
            days: 1,
            per_day: None,
            share: [100, 0, 0, 0, 0],
        },
        Round {
            provider: "BKPSDM Kabupaten Bekasi",
            when: When::On(2021, 10, 5),
            days: 3,
            per_day: None,
            share: [0, 100, 100, 100, 100],
        },
        Round {
            provider: "UPTD Penilaian Kompetensi Pegawai BKD Provinsi Jawa Barat",
            when: When::MonthsBefore(20),
            days: 5,
            per_day: None,
            share: [100, 60, 40, 20, 5],
        },
    ],
};
