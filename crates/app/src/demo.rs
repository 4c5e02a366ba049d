//! Demo governments: two deterministic synthetic regional governments modelled on the seed
//! articles, as plain data for the store's upsert functions (nothing here touches a database).
//!
//! * **Pemerintah Kota Mojokerto** (`kota-mojokerto`, seed 000): a small city whose 268 Pengawas
//!   (eselon IV) were all assessed on 9 June 2021 by the provincial BKD of Jawa Timur; eselon III
//!   and IV were assessed before in 2019 by the navy's psychology service, and the city repeats
//!   the assessment every two years (a round about two years before `as_of`, at most 48 a day).
//! * **Pemerintah Kabupaten Bekasi** (`kab-bekasi`, seed 003): a regency with 18 JPT Pratama and
//!   exactly the class counts of the article (210 Administrator, 784 Pengawas, 131 Fungsional,
//!   1,202 Pelaksana), all assessed on 5-7 October 2021 by the regency's BKPSDM after the JPT;
//!   a later round covers some of them. Several JPT posts are vacant, as in the article.
//!   Note: the article's parts add up to 2,327, not to the 2,227 of its headline; the parts are
//!   kept, so 2,327 people sit in the October 2021 round.
//!
//! Units, posts and their superiors follow the usual structure of a regional government
//! (Sekretariat Daerah with Asisten and Bagian, Sekretariat DPRD, Inspektorat, badan, dinas with
//! Sekretariat and Bidang, UPT, kecamatan and kelurahan). Every person is invented: names are
//! drawn from tables of common names from across Indonesia, NIPs are built from the birth date,
//! the appointment and the sex and checked with [`Nip::parse`].
//!
//! The output depends on `as_of` only through dates; the same `as_of` always gives identical
//! output (a private splitmix64 generator with fixed seeds, no hashing, no clock).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use talenta_domain::RuleSet;
use talenta_domain::competency::{CompetencyCode, CoreCompetency, Level};
use talenta_domain::eligibility::{Education, SanctionLevel};
use talenta_domain::jpm::Purpose;
use talenta_domain::master::Sanction;
use talenta_domain::nip::{EmploymentType, Nip, Sex, full_years};
use talenta_domain::performance::{Predikat, Rating};
use talenta_domain::position::PositionClass::{Administrator, JptPratama, Pengawas};
use talenta_domain::position::{Eselon, Jenjang, Jenjang as J, PositionClass};
use talenta_domain::rank::Golongan;
use talenta_store::master::{
    EmployeeInput, PositionInput, RatingInput, ResultInput, SanctionInput, StandardInput, UnitInput,
};

// =====================================================================================
// Names: tables of common given and family names by region
// =====================================================================================

/// Name conventions of one region of Indonesia.
struct Region {
    /// Optional first element (Balinese birth-order names, Bugis "Andi"); "" means none.
    male_prefix: &'static [&'static str],
    female_prefix: &'static [&'static str],
    male: &'static [&'static str],
    female: &'static [&'static str],
    male_last: &'static [&'static str],
    female_last: &'static [&'static str],
    /// Share in percent of names with a last element.
    last_percent: u64,
    /// Share in percent of names with a second given name.
    middle_percent: u64,
    /// Whether the honorific H./Hj. (haji) is common.
    haji: bool,
}

const JAWA: Region = Region {
    male_prefix: &[],
    female_prefix: &[],
    male: &[
        "Agus", "Budi", "Bambang", "Slamet", "Joko", "Sugeng", "Heru", "Eko", "Dwi", "Tri", "Hadi",
        "Wahyu", "Yudi", "Bayu", "Dimas", "Rudi", "Hendro", "Teguh", "Sigit", "Arif", "Didik",
        "Gatot", "Iwan", "Priyo", "Wawan", "Edy", "Yoyok", "Anang", "Setyo", "Nanang", "Puguh",
        "Haryadi", "Adi", "Aris", "Catur", "Dedy", "Fajar", "Galih", "Hari", "Indra", "Kukuh",
        "Lukman", "Panji", "Rizky", "Satrio", "Wisnu", "Yanuar", "Bagus", "Ganda", "Yusuf",
    ],
    female: &[
        "Sri", "Dewi", "Endang", "Rina", "Yuli", "Rini", "Ratna", "Indah", "Lilik", "Tutik",
        "Puji", "Retno", "Diah", "Wiwik", "Anik", "Erna", "Heni", "Nanik", "Ninik", "Sulastri",
        "Titik", "Wulan", "Yayuk", "Ayu", "Dian", "Eka", "Fitri", "Kartika", "Lia", "Mega", "Novi",
        "Putri", "Ria", "Sekar", "Tyas", "Vivi", "Winarti", "Yeni", "Anggi", "Ratih",
    ],
    male_last: &[
        "Santoso",
        "Wibowo",
        "Prasetyo",
        "Setiawan",
        "Nugroho",
        "Susanto",
        "Purnomo",
        "Kurniawan",
        "Saputro",
        "Hartono",
        "Sutrisno",
        "Riyanto",
        "Handoko",
        "Pramono",
        "Sulistyo",
        "Wicaksono",
        "Haryanto",
        "Mulyono",
        "Yulianto",
        "Hidayat",
        "Prabowo",
        "Suryadi",
        "Wijayanto",
        "Firmansyah",
        "Widodo",
        "Suprapto",
        "Rahardjo",
        "Sasongko",
        "Utomo",
        "Wahyudi",
        "Purwanto",
        "Susilo",
        "Budiman",
        "Darmawan",
        "Hermanto",
        "Kuncoro",
        "Nurcahyo",
        "Setyawan",
        "Triyono",
        "Wardoyo",
    ],
    female_last: &[
        "Lestari",
        "Wahyuni",
        "Rahayu",
        "Handayani",
        "Susanti",
        "Kurniasih",
        "Purwanti",
        "Setyowati",
        "Rahmawati",
        "Fitriani",
        "Wulandari",
        "Anggraini",
        "Novitasari",
        "Maharani",
        "Astuti",
        "Utami",
        "Kusumawati",
        "Widyastuti",
        "Pratiwi",
        "Sulistyowati",
        "Hartini",
        "Suryani",
        "Yuliani",
        "Ningsih",
        "Suciati",
        "Mulyani",
        "Agustina",
        "Damayanti",
        "Permatasari",
        "Indrawati",
        "Setyaningsih",
        "Purwaningsih",
        "Rahmadani",
        "Wijayanti",
        "Kristiani",
    ],
    last_percent: 100,
    middle_percent: 12,
    haji: true,
};

/// Jawa Timur and Madura santri names.
const SANTRI: Region = Region {
    male_prefix: &[],
    female_prefix: &[],
    male: &[
        "Muhammad", "Moch.", "Mochamad", "Ahmad", "Achmad", "Abdul", "Mohammad", "Imam", "Syaiful",
        "Nurul", "Fathur", "Miftahul", "Zainal", "Ainur", "Khoirul", "Abdullah", "Mukhlis",
        "Hasan", "Husein", "Mahfud", "Sholeh", "Ali", "Ridwan", "Ilham", "Faisal", "Hamdan",
        "Anas", "Luthfi", "Subhan", "Nur",
    ],
    female: &[
        "Siti",
        "Nur",
        "Umi",
        "Khusnul",
        "Ainun",
        "Fatimah",
        "Aisyah",
        "Zulaikha",
        "Lailatul",
        "Nurul",
        "Laili",
        "Rif'atul",
        "Ulfa",
        "Maulida",
        "Anisa",
        "Halimah",
        "Musyarofah",
        "Ummi",
        "Nikmatul",
        "Lilik",
    ],
    male_last: &[
        "Arifin",
        "Hakim",
        "Syafi'i",
        "Rosyid",
        "Anwar",
        "Mustofa",
        "Zainuddin",
        "Fauzan",
        "Hasyim",
        "Munir",
        "Rizal",
        "Zuhdi",
        "Mansur",
        "Ghofur",
        "Huda",
        "Rohman",
        "Anam",
        "Rofiq",
        "Ma'ruf",
        "Kholiq",
        "Salim",
        "Syamsuddin",
        "Hidayatullah",
        "Ridho",
        "Baihaqi",
        "Nasrullah",
        "Thohir",
        "Amrullah",
    ],
    female_last: &[
        "Khotimah",
        "Fadilah",
        "Jannah",
        "Maghfiroh",
        "Rohmah",
        "Hidayati",
        "Mahmudah",
        "Fitriyah",
        "Masruroh",
        "Azizah",
        "Zahro",
        "Munawaroh",
        "Chasanah",
        "Qomariyah",
        "Mufidah",
        "Rosidah",
        "Nafisah",
        "Sholihah",
        "Aminah",
        "Hasanah",
    ],
    last_percent: 100,
    middle_percent: 8,
    haji: true,
};

const SUNDA: Region = Region {
    male_prefix: &[],
    female_prefix: &[],
    male: &[
        "Asep", "Dede", "Ujang", "Cecep", "Dadang", "Deden", "Yayan", "Ade", "Engkos", "Aang",
        "Usep", "Tatang", "Ayi", "Dodi", "Hendra", "Rizal", "Ridwan", "Agus", "Iwan", "Dadan",
        "Jajang", "Ipan", "Ruslan", "Yana", "Wawan", "Enjang", "Kurnia", "Herman", "Andri",
        "Cahya",
    ],
    female: &[
        "Euis", "Neneng", "Iis", "Yanti", "Enung", "Cucu", "Nining", "Lilis", "Tita", "Ai",
        "Eneng", "Yeni", "Wiwin", "Popon", "Teti", "Elis", "Nia", "Santi", "Rika", "Nenden",
        "Imas", "Ela", "Dewi", "Rina", "Tuti",
    ],
    male_last: &[
        "Sopyan",
        "Hermawan",
        "Kusnadi",
        "Supriatna",
        "Sumarna",
        "Suhendar",
        "Permana",
        "Rukmana",
        "Gunawan",
        "Saepudin",
        "Hidayat",
        "Nurdin",
        "Ruhiyat",
        "Mulyana",
        "Sukmana",
        "Suherman",
        "Taryana",
        "Komarudin",
        "Firdaus",
        "Sulaeman",
        "Setiadi",
        "Sutisna",
        "Kurniadi",
        "Suganda",
        "Wiradinata",
        "Saputra",
        "Nugraha",
        "Abdurahman",
        "Maulana",
        "Rustandi",
    ],
    female_last: &[
        "Nurhayati",
        "Rostiana",
        "Komalasari",
        "Sumiati",
        "Kurniasih",
        "Rosita",
        "Maryani",
        "Nurjanah",
        "Sukaesih",
        "Herawati",
        "Julaeha",
        "Mulyati",
        "Sopiah",
        "Susilawati",
        "Rohaeti",
        "Nurlaela",
        "Sundari",
        "Kartini",
        "Rohayati",
        "Yulianti",
        "Apriani",
        "Marlina",
        "Hasanah",
    ],
    last_percent: 100,
    middle_percent: 8,
    haji: true,
};

const BETAWI: Region = Region {
    male_prefix: &[],
    female_prefix: &[],
    male: &[
        "Rohmat", "Saiful", "Mursid", "Juhri", "Sarmili", "Jaenudin", "Mualim", "Sanusi",
        "Bahrudin", "Marzuki", "Rojali", "Haerudin", "Nasrudin", "Mahmud", "Somad", "Mamat",
        "Sarip", "Jamhari", "Rohim", "Samsudin",
    ],
    female: &[
        "Nurlela", "Mardiah", "Rohani", "Halimah", "Maesaroh", "Zubaedah", "Juleha", "Romlah",
        "Khodijah", "Syarifah", "Saodah", "Mariam", "Nafisah", "Aminah", "Rodiah",
    ],
    male_last: &[
        "Bahri", "Nasir", "Rohimin", "Ramli", "Fadillah", "Efendi", "Sulaiman", "Arsyad",
        "Muhidin", "Rasyid", "Hamdani", "Zaenal", "Junaedi", "Saputra", "Sanusi", "Marzuki",
    ],
    female_last: &[
        "Nurbaeti",
        "Hasanah",
        "Fauziah",
        "Rohmah",
        "Maryam",
        "Salamah",
        "Kurniawati",
        "Sari",
        "Lestari",
        "Wati",
    ],
    last_percent: 70,
    middle_percent: 0,
    haji: true,
};

const BATAK: Region = Region {
    male_prefix: &[],
    female_prefix: &[],
    male: &[
        "Hotman",
        "Parlindungan",
        "Jonny",
        "Bonar",
        "Togar",
        "Poltak",
        "Sahat",
        "Binsar",
        "Maruli",
        "Robert",
        "Daniel",
        "Hasudungan",
        "Martua",
        "Ronald",
        "Saut",
        "Tigor",
        "Benny",
        "Juliper",
        "Hendrik",
        "Rudi",
        "Syahrul",
        "Pangihutan",
        "Torang",
        "Ferdinand",
        "Ahmad",
    ],
    female: &[
        "Rosmawati",
        "Tiurma",
        "Lamria",
        "Rotua",
        "Nurmala",
        "Marlina",
        "Debora",
        "Erlina",
        "Hotmaida",
        "Sondang",
        "Rumondang",
        "Tetty",
        "Lely",
        "Romauli",
        "Dameria",
        "Nurhayati",
        "Mery",
        "Elfrida",
        "Juniarti",
        "Sarma",
    ],
    male_last: MARGA,
    female_last: MARGA,
    last_percent: 100,
    middle_percent: 10,
    haji: false,
};

const MARGA: &[&str] = &[
    "Siregar",
    "Nasution",
    "Harahap",
    "Lubis",
    "Simanjuntak",
    "Sitorus",
    "Simatupang",
    "Hutapea",
    "Pardede",
    "Sinaga",
    "Situmorang",
    "Pasaribu",
    "Panjaitan",
    "Manurung",
    "Silalahi",
    "Tambunan",
    "Napitupulu",
    "Hasibuan",
    "Tampubolon",
    "Sihombing",
    "Nainggolan",
    "Damanik",
    "Purba",
    "Ginting",
    "Tarigan",
    "Sembiring",
    "Sitepu",
    "Hutagalung",
    "Marpaung",
    "Gultom",
    "Samosir",
    "Sianipar",
    "Rangkuti",
    "Daulay",
];

const MINANG: Region = Region {
    male_prefix: &[],
    female_prefix: &[],
    male: &[
        "Syafrizal",
        "Yusrizal",
        "Afrizal",
        "Zulkifli",
        "Hendri",
        "Firdaus",
        "Irwan",
        "Ismail",
        "Yulius",
        "Erizal",
        "Novrizal",
        "Syahril",
        "Masrul",
        "Buchari",
        "Dasrul",
        "Jasman",
        "Rahmat",
        "Yunaldi",
        "Zulfahmi",
        "Fauzi",
    ],
    female: &[
        "Yusnidar",
        "Nurhasanah",
        "Rosmaini",
        "Elfira",
        "Yelni",
        "Desmawati",
        "Nelly",
        "Afnidar",
        "Misnawati",
        "Rahmi",
        "Yulia",
        "Fitri",
        "Suci",
        "Gusnawati",
        "Roslaini",
        "Yenni",
    ],
    male_last: &[
        "Chaniago",
        "Piliang",
        "Koto",
        "Tanjung",
        "Sikumbang",
        "Jambak",
        "Amran",
        "Syamsir",
        "Bahar",
        "Yunus",
        "Hasan",
        "Basri",
        "Rasyid",
        "Azwar",
        "Idris",
        "Nazar",
    ],
    female_last: &[
        "Chaniago", "Piliang", "Koto", "Tanjung", "Yusuf", "Amir", "Syafri", "Rahman", "Anwar",
        "Hamid",
    ],
    last_percent: 60,
    middle_percent: 0,
    haji: true,
};

const BUGIS: Region = Region {
    male_prefix: &["Andi", "", "", "", ""],
    female_prefix: &["Andi", "", "", "", ""],
    male: &[
        "Syamsul",
        "Haeruddin",
        "Baharuddin",
        "Amiruddin",
        "Arifuddin",
        "Syahrir",
        "Basri",
        "Jamaluddin",
        "Muhlis",
        "Rahmatullah",
        "Hasbullah",
        "Nurdin",
        "Sudirman",
        "Mustari",
        "Ansar",
        "Irfan",
        "Akbar",
        "Asri",
    ],
    female: &[
        "Nurhaeni",
        "Hasnawati",
        "Rosdiana",
        "Sitti Aminah",
        "Nurhayati",
        "Hasnah",
        "Rahmawati",
        "Jumriah",
        "Hasmiati",
        "Asriani",
        "Nurbaya",
        "Sitti Rahmah",
        "Hartati",
        "Musdalifah",
    ],
    male_last: &[
        "Mattalitti",
        "Pawellangi",
        "Hasanuddin",
        "Latief",
        "Makkasau",
        "Palallo",
        "Pananrangi",
        "Rahman",
        "Mappaseling",
        "Amir",
        "Tahir",
        "Sikki",
        "Rauf",
        "Pasha",
        "Beta",
    ],
    female_last: &[
        "Rahman", "Latief", "Tahir", "Amir", "Hamid", "Said", "Basir", "Arsyad",
    ],
    last_percent: 60,
    middle_percent: 0,
    haji: true,
};

const BALI: Region = Region {
    male_prefix: &[
        "I Wayan",
        "I Made",
        "I Nyoman",
        "I Ketut",
        "I Gede",
        "I Putu",
        "I Kadek",
        "I Komang",
        "I Gusti Ngurah",
        "Ida Bagus",
    ],
    female_prefix: &[
        "Ni Luh",
        "Ni Made",
        "Ni Wayan",
        "Ni Nyoman",
        "Ni Ketut",
        "Ni Putu",
        "Ni Kadek",
        "Ni Komang",
        "Ida Ayu",
        "Anak Agung",
    ],
    male: &[
        "Suarta",
        "Sudarma",
        "Widana",
        "Artawan",
        "Sukadana",
        "Suardana",
        "Mertayasa",
        "Astawa",
        "Budiarta",
        "Wirawan",
        "Sutama",
        "Adnyana",
        "Swastika",
        "Wiryawan",
        "Arsana",
        "Sudiarsa",
    ],
    female: &[
        "Sukerti",
        "Wiryani",
        "Arini",
        "Sumerti",
        "Purnamasari",
        "Darmayanti",
        "Ayu Lestari",
        "Sri Utami",
        "Widiastuti",
        "Ariani",
        "Sukarmi",
        "Budiasih",
        "Suarningsih",
        "Yuliastini",
    ],
    male_last: &["Putra", "Wijaya", "Saputra", "Pratama", "Negara"],
    female_last: &["Dewi", "Sari", "Utari", "Wulandari", "Kusuma"],
    last_percent: 30,
    middle_percent: 0,
    haji: false,
};

const TIONGHOA: Region = Region {
    male_prefix: &[],
    female_prefix: &[],
    male: &[
        "Hendra",
        "Budi",
        "Sutanto",
        "Andreas",
        "Yohanes",
        "Stefanus",
        "Kevin",
        "Rudy",
        "Felix",
        "Fransiskus",
        "Tjahjadi",
        "Wilson",
        "Jimmy",
        "Hartono",
    ],
    female: &[
        "Lily",
        "Yuliana",
        "Meliana",
        "Susan",
        "Veronika",
        "Lanny",
        "Sinta",
        "Grace",
        "Maria",
        "Fransiska",
        "Lidya",
        "Vivian",
        "Jessica",
        "Elisabeth",
    ],
    male_last: CHINESE_INDONESIAN,
    female_last: CHINESE_INDONESIAN,
    last_percent: 100,
    middle_percent: 0,
    haji: false,
};

const CHINESE_INDONESIAN: &[&str] = &[
    "Gunawan",
    "Halim",
    "Wijaya",
    "Santoso",
    "Tanoto",
    "Hartanto",
    "Salim",
    "Kusuma",
    "Tanuwijaya",
    "Setiadi",
    "Limanto",
    "Sugiarto",
    "Tandiono",
    "Chandra",
    "Widjaja",
    "Tanudjaja",
];

/// Minahasa, Maluku, Nusa Tenggara Timur and Papua.
const TIMUR: Region = Region {
    male_prefix: &[],
    female_prefix: &[],
    male: &[
        "Johanis",
        "Frans",
        "Yohanes",
        "Stevanus",
        "Ferry",
        "Jefry",
        "Marthen",
        "Petrus",
        "Hendrik",
        "Agustinus",
        "Yosef",
        "Melkias",
        "Arnold",
        "Decky",
        "Ricky",
        "Alfons",
    ],
    female: &[
        "Grace",
        "Yohana",
        "Marlyn",
        "Olivia",
        "Deisy",
        "Meyke",
        "Novita",
        "Christin",
        "Agustina",
        "Selfie",
        "Maria",
        "Yuliana",
        "Ribka",
        "Magdalena",
    ],
    male_last: EASTERN_FAMILY,
    female_last: EASTERN_FAMILY,
    last_percent: 100,
    middle_percent: 0,
    haji: false,
};

const EASTERN_FAMILY: &[&str] = &[
    "Lumentut",
    "Pangemanan",
    "Wowor",
    "Rumengan",
    "Tumbelaka",
    "Sondakh",
    "Mandagi",
    "Pattiasina",
    "Latuconsina",
    "Tuhumury",
    "Fanggidae",
    "Ndoen",
    "Manafe",
    "Therik",
    "Rumbiak",
    "Wenda",
    "Lewerissa",
    "Sahetapy",
    "Kaunang",
    "Runtuwene",
];

/// Where the staff of an East Java city come from.
const REGIONS_JATIM: &[(&Region, u32)] = &[
    (&JAWA, 56),
    (&SANTRI, 22),
    (&SUNDA, 3),
    (&BATAK, 4),
    (&MINANG, 3),
    (&BUGIS, 2),
    (&BALI, 4),
    (&TIONGHOA, 3),
    (&TIMUR, 3),
];

/// Where the staff of a West Java regency next to Jakarta come from.
const REGIONS_JABAR: &[(&Region, u32)] = &[
    (&SUNDA, 40),
    (&BETAWI, 12),
    (&JAWA, 22),
    (&SANTRI, 6),
    (&BATAK, 8),
    (&MINANG, 5),
    (&BUGIS, 2),
    (&BALI, 1),
    (&TIONGHOA, 2),
    (&TIMUR, 2),
];

// =====================================================================================
// Academic titles by field of work
// =====================================================================================

/// Field of work of a unit or a functional post: decides degrees and job titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
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
fn degree_titles(
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
const PELAKSANA_GENERAL: &[&str] = &[
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

fn pelaksana_titles(field: Field) -> &'static [&'static str] {
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

// =====================================================================================
// Organisation tables
// =====================================================================================

/// Kind of a perangkat daerah: decides the names of its posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
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
struct Jf {
    name: &'static str,
    field: Field,
    technical: Option<&'static str>,
    grades: &'static [Jenjang],
}

const fn jf(
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
struct Opd {
    code: &'static str,
    name: &'static str,
    /// Title of the head; "" means "Kepala " + name.
    head: &'static str,
    kind: Kind,
    field: Field,
    /// Subbagian of the Sekretariat; empty means the government's default list.
    subbag: &'static [&'static str],
    /// "Bidang: seksi; seksi; seksi" (for Inspektorat: the Inspektur Pembantu).
    bidang: &'static [&'static str],
    upt: &'static [&'static str],
    /// One UPT per kecamatan with this name prefix ("" for none).
    upt_each_kecamatan: &'static str,
    jf: &'static [Jf],
}

const OPD: Opd = Opd {
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
struct Bagian {
    code: &'static str,
    name: &'static str,
    asisten: usize,
    field: Field,
    subbag: &'static [&'static str],
    jf: &'static [Jf],
}

const fn bagian(
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
struct Kecamatan {
    name: &'static str,
    kelurahan: &'static [&'static str],
}

const fn kec(name: &'static str, kelurahan: &'static [&'static str]) -> Kecamatan {
    Kecamatan { name, kelurahan }
}

const SUBBAG_SEKRETARIAT: &[&str] = &[
    "Umum dan Kepegawaian",
    "Perencanaan dan Keuangan",
    "Evaluasi dan Pelaporan",
];

const ASISTEN: &[&str] = &[
    "Pemerintahan dan Kesejahteraan Rakyat",
    "Perekonomian dan Pembangunan",
    "Administrasi Umum",
];

// ---------------------------------------------------------------- functional post types

const JF_HUKUM: &[Jf] = &[jf(
    "Perancang Peraturan Perundang-undangan",
    Field::Hukum,
    Some("T.LEGAL-DRAFTING"),
    &[J::AhliPertama, J::AhliMuda],
)];
const JF_PBJ: &[Jf] = &[jf(
    "Pengelola Pengadaan Barang/Jasa",
    Field::Umum,
    Some("T.PBJ"),
    &[J::AhliPertama, J::AhliMuda],
)];
const JF_ORGANISASI: &[Jf] = &[jf(
    "Analis Kebijakan",
    Field::Umum,
    None,
    &[J::AhliPertama, J::AhliMuda, J::AhliMadya],
)];
const JF_PROTOKOL: &[Jf] = &[jf(
    "Pranata Humas",
    Field::Informatika,
    None,
    &[J::Terampil, J::AhliPertama],
)];
const JF_INSPEKTORAT: &[Jf] = &[
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
const JF_PERENCANA: &[Jf] = &[jf(
    "Perencana",
    Field::Umum,
    Some("T.PERENCANAAN"),
    &[J::AhliPertama, J::AhliMuda, J::AhliMadya],
)];
const JF_KEUANGAN: &[Jf] = &[jf(
    "Analis Keuangan Pusat dan Daerah",
    Field::Keuangan,
    Some("T.KEUANGAN-DAERAH"),
    &[J::AhliPertama, J::AhliMuda],
)];
const JF_KEPEGAWAIAN: &[Jf] = &[
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
const JF_PENDIDIKAN: &[Jf] = &[
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
const JF_KESEHATAN: &[Jf] = &[
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
const JF_PUPR: &[Jf] = &[
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
const JF_PERKIM: &[Jf] = &[jf(
    "Teknik Tata Bangunan dan Perumahan",
    Field::Teknik,
    None,
    &[J::AhliPertama, J::AhliMuda],
)];
const JF_SATPOL: &[Jf] = &[
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
const JF_DAMKAR: &[Jf] = &[jf(
    "Analis Kebakaran",
    Field::Teknik,
    Some("T.PEMADAMAN"),
    &[J::Terampil, J::Mahir, J::AhliPertama],
)];
const JF_SOSIAL: &[Jf] = &[
    jf(
        "Pekerja Sosial",
        Field::Sosial,
        Some("T.PEKERJAAN-SOSIAL"),
        &[J::Terampil, J::AhliPertama, J::AhliMuda],
    ),
    jf("Penyuluh Sosial", Field::Sosial, None, &[J::AhliPertama]),
];
const JF_DUKCAPIL: &[Jf] = &[jf(
    "Administrator Database Kependudukan",
    Field::Informatika,
    Some("T.ADMINDUK"),
    &[J::AhliPertama, J::AhliMuda],
)];
const JF_PERHUBUNGAN: &[Jf] = &[jf(
    "Penguji Kendaraan Bermotor",
    Field::Perhubungan,
    Some("T.PENGUJIAN-KENDARAAN"),
    &[J::Terampil, J::Mahir, J::AhliPertama],
)];
const JF_KOMINFO: &[Jf] = &[
    jf(
        "Pranata Komputer",
        Field::Informatika,
        Some("T.TIK"),
        &[J::Terampil, J::AhliPertama, J::AhliMuda],
    ),
    jf(
        "Pranata Humas",
        Field::Informatika,
        None,
        &[J::Terampil, J::AhliPertama],
    ),
    jf("Statistisi", Field::Informatika, None, &[J::AhliPertama]),
    jf("Sandiman", Field::Informatika, None, &[J::AhliPertama]),
];
const JF_LINGKUNGAN: &[Jf] = &[
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
const JF_PERTANIAN: &[Jf] = &[
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
const JF_PERDAGANGAN: &[Jf] = &[
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
const JF_PERIZINAN: &[Jf] = &[
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
const JF_ARSIP: &[Jf] = &[
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
const JF_BENCANA: &[Jf] = &[jf(
    "Analis Bencana",
    Field::Umum,
    None,
    &[J::AhliPertama, J::AhliMuda],
)];

// ---------------------------------------------------------------- bidang and seksi

const BID_BAPPEDA: &[&str] = &[
    "Perencanaan, Pengendalian dan Evaluasi Pembangunan: Perencanaan Program; Pengendalian dan Evaluasi; Data dan Informasi Pembangunan",
    "Perekonomian dan Sumber Daya Alam: Perekonomian; Sumber Daya Alam; Pariwisata dan Ekonomi Kreatif",
    "Pemerintahan dan Pembangunan Manusia: Pemerintahan; Pendidikan dan Kesehatan; Sosial Budaya",
    "Infrastruktur dan Kewilayahan: Infrastruktur; Tata Ruang dan Kewilayahan; Lingkungan Hidup",
    "Penelitian dan Pengembangan: Inovasi Daerah; Penelitian; Pengembangan Teknologi",
];
const BID_KEUANGAN_PENDAPATAN: &[&str] = &[
    "Pendapatan: Pendataan dan Penetapan; Penagihan dan Keberatan; Pajak Bumi dan Bangunan",
    "Anggaran: Perencanaan Anggaran; Pengendalian Anggaran; Evaluasi Anggaran",
    "Perbendaharaan dan Akuntansi: Belanja; Kas Daerah; Akuntansi dan Pelaporan",
    "Aset: Perencanaan Kebutuhan Aset; Penatausahaan Aset; Pemanfaatan dan Pengamanan Aset",
];
const BID_KEUANGAN: &[&str] = &[
    "Anggaran: Perencanaan Anggaran; Pengendalian Anggaran; Evaluasi Anggaran",
    "Perbendaharaan: Belanja Langsung; Belanja Tidak Langsung; Kas Daerah",
    "Akuntansi dan Pelaporan: Akuntansi; Pelaporan Keuangan; Pembinaan Akuntansi Perangkat Daerah",
    "Aset: Perencanaan Kebutuhan Aset; Penatausahaan Aset; Pemanfaatan dan Pengamanan Aset",
    "Pengelolaan Kas Daerah: Penerimaan Kas; Pengeluaran Kas; Rekonsiliasi Kas",
];
const BID_PENDAPATAN: &[&str] = &[
    "Pendataan dan Penetapan: Pendataan; Penilaian; Penetapan",
    "Pajak Bumi dan Bangunan: Pendataan Objek Pajak; Penetapan Pajak Bumi dan Bangunan; Pelayanan Pajak Bumi dan Bangunan",
    "Bea Perolehan Hak atas Tanah dan Bangunan: Verifikasi; Pelayanan; Pengawasan",
    "Penagihan dan Keberatan: Penagihan; Keberatan dan Banding; Pembukuan dan Pelaporan",
    "Pengembangan Pendapatan: Perencanaan Pendapatan; Pengendalian Pendapatan; Sistem Informasi Pendapatan",
];
const BID_BKPSDM: &[&str] = &[
    "Mutasi dan Promosi: Mutasi; Promosi dan Penilaian Kompetensi; Kepangkatan",
    "Pengembangan Kompetensi Aparatur: Pengembangan Kompetensi Manajerial; Pengembangan Kompetensi Teknis dan Fungsional; Sertifikasi dan Ujian Dinas",
    "Pengadaan, Pemberhentian dan Informasi: Pengadaan; Pemberhentian dan Pensiun; Data dan Sistem Informasi",
    "Penilaian Kinerja dan Penghargaan: Penilaian Kinerja; Disiplin dan Penghargaan; Kesejahteraan Pegawai",
    "Data dan Sistem Informasi Kepegawaian: Pengelolaan Data; Sistem Informasi; Arsip Kepegawaian",
];
const BID_KESBANGPOL: &[&str] = &[
    "Ideologi dan Wawasan Kebangsaan: Ideologi Pancasila; Wawasan Kebangsaan; Bela Negara",
    "Politik Dalam Negeri dan Organisasi Kemasyarakatan: Politik Dalam Negeri; Organisasi Kemasyarakatan; Pendidikan Politik",
    "Kewaspadaan Nasional dan Penanganan Konflik: Kewaspadaan Dini; Penanganan Konflik; Ketahanan Ekonomi, Sosial dan Budaya",
    "Ketahanan Sosial, Ekonomi dan Budaya: Ketahanan Sosial; Ketahanan Ekonomi; Ketahanan Seni dan Budaya",
];
const BID_BPBD: &[&str] = &[
    "Pencegahan dan Kesiapsiagaan: Pencegahan; Kesiapsiagaan; Pengurangan Risiko Bencana",
    "Kedaruratan dan Logistik: Kedaruratan; Logistik; Pusat Pengendalian Operasi",
    "Rehabilitasi dan Rekonstruksi: Rehabilitasi; Rekonstruksi; Pemulihan Sosial Ekonomi",
    "Sumber Daya dan Pengendalian Operasi: Data dan Informasi Kebencanaan; Sumber Daya Penanggulangan Bencana; Pengendalian Operasi",
];
const BID_PENDIDIKAN: &[&str] = &[
    "Pembinaan Sekolah Dasar: Kurikulum dan Penilaian SD; Peserta Didik dan Pembangunan Karakter SD; Sarana dan Prasarana SD",
    "Pembinaan Sekolah Menengah Pertama: Kurikulum dan Penilaian SMP; Peserta Didik dan Pembangunan Karakter SMP; Sarana dan Prasarana SMP",
    "Kebudayaan: Cagar Budaya dan Permuseuman; Kesenian dan Tradisi; Sejarah dan Nilai Budaya",
    "Pembinaan PAUD dan Pendidikan Nonformal: Kurikulum PAUD; Pendidikan Masyarakat; Kelembagaan dan Sarana Prasarana PAUD",
    "Guru dan Tenaga Kependidikan: Pendidik dan Tenaga Kependidikan SD; Pendidik dan Tenaga Kependidikan SMP; Pendidik dan Tenaga Kependidikan PAUD",
];
const BID_KESEHATAN: &[&str] = &[
    "Kesehatan Masyarakat: Kesehatan Keluarga dan Gizi; Promosi dan Pemberdayaan Masyarakat; Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga",
    "Pencegahan dan Pengendalian Penyakit: Surveilans dan Imunisasi; Pencegahan dan Pengendalian Penyakit Menular; Pencegahan dan Pengendalian Penyakit Tidak Menular dan Kesehatan Jiwa",
    "Pelayanan Kesehatan: Pelayanan Kesehatan Primer; Pelayanan Kesehatan Rujukan; Pelayanan Kesehatan Tradisional",
    "Sumber Daya Kesehatan: Kefarmasian; Alat Kesehatan dan PKRT; Sumber Daya Manusia Kesehatan",
    "Pengendalian Penduduk dan Keluarga Berencana: Pengendalian Penduduk; Keluarga Berencana; Ketahanan dan Kesejahteraan Keluarga",
];
const BID_PUPR: &[&str] = &[
    "Bina Marga: Pembangunan Jalan dan Jembatan; Pemeliharaan Jalan dan Jembatan; Perencanaan Teknis Jalan",
    "Sumber Daya Air: Irigasi dan Drainase; Pengendalian Banjir; Air Baku",
    "Penataan Ruang: Perencanaan Tata Ruang; Pemanfaatan Ruang; Pengendalian Pemanfaatan Ruang",
    "Bina Konstruksi: Pembinaan Jasa Konstruksi; Pengawasan Tertib Konstruksi; Sistem Informasi Konstruksi",
    "Cipta Karya: Bangunan Gedung; Air Minum; Sanitasi",
];
const BID_SDA_BINA_MARGA: &[&str] = &[
    "Bina Marga: Pembangunan Jalan dan Jembatan; Pemeliharaan Jalan dan Jembatan; Perencanaan Teknis Jalan",
    "Sumber Daya Air: Irigasi; Drainase dan Pengendalian Banjir; Air Baku dan Pantai",
    "Bina Konstruksi: Pembinaan Jasa Konstruksi; Pengawasan Tertib Konstruksi; Sistem Informasi Konstruksi",
    "Jembatan: Perencanaan Jembatan; Pembangunan Jembatan; Pemeliharaan Jembatan",
    "Peralatan dan Perbekalan: Pengelolaan Alat Berat; Perbekalan; Laboratorium Bahan Konstruksi",
];
const BID_CIPTA_KARYA: &[&str] = &[
    "Tata Ruang: Perencanaan Tata Ruang; Pemanfaatan Ruang; Pengendalian Pemanfaatan Ruang",
    "Bangunan Gedung: Perencanaan Bangunan Gedung; Pembangunan Bangunan Gedung; Penataan Bangunan",
    "Air Minum dan Sanitasi: Air Minum; Air Limbah Domestik; Drainase Lingkungan",
    "Persetujuan Bangunan Gedung: Pemeriksaan Teknis; Sertifikat Laik Fungsi; Pengawasan Bangunan",
    "Penyehatan Lingkungan Permukiman: Perencanaan Teknis; Pembangunan Prasarana; Pemeliharaan Prasarana",
];
const BID_PERKIM: &[&str] = &[
    "Perumahan: Pendataan dan Perencanaan Perumahan; Pembangunan Perumahan; Pembiayaan dan Pengendalian Perumahan",
    "Kawasan Permukiman: Perencanaan Kawasan Permukiman; Peningkatan Kualitas Permukiman Kumuh; Prasarana, Sarana dan Utilitas",
    "Pertamanan dan Penerangan Jalan Umum: Pertamanan; Penerangan Jalan Umum; Pemakaman",
    "Pertanahan: Penatagunaan Tanah; Pengadaan Tanah; Penyelesaian Sengketa Tanah",
    "Pengembangan Kawasan dan Prasarana: Perencanaan Kawasan; Prasarana Lingkungan; Utilitas Umum",
];
const BID_SATPOL: &[&str] = &[
    "Penegakan Peraturan Daerah: Pembinaan, Pengawasan dan Penyuluhan; Penyelidikan dan Penyidikan; Penindakan",
    "Ketenteraman dan Ketertiban Umum: Operasi dan Pengendalian; Kerja Sama; Pengamanan dan Pengawalan",
    "Perlindungan Masyarakat: Satuan Perlindungan Masyarakat; Bina Potensi Masyarakat; Pemadam Kebakaran",
    "Sumber Daya Aparatur: Pelatihan Dasar; Teknis Fungsional; Peningkatan Kapasitas Aparatur",
    "Pengawasan dan Pengendalian: Pengawasan Perizinan; Pengendalian Pedagang Kaki Lima; Penertiban Reklame",
];
const BID_DAMKAR: &[&str] = &[
    "Pencegahan Kebakaran: Pencegahan; Pemeriksaan Bangunan; Pemberdayaan Masyarakat",
    "Operasi Pemadaman dan Penyelamatan: Pemadaman; Penyelamatan; Pusat Komando",
    "Sarana dan Prasarana: Pengadaan Sarana; Pemeliharaan Sarana; Prasarana Pos Pemadam",
    "Penyelamatan Non Kebakaran: Penyelamatan; Evakuasi; Penanganan Bahan Berbahaya",
];
const BID_SOSIAL: &[&str] = &[
    "Rehabilitasi Sosial: Rehabilitasi Sosial Anak dan Lanjut Usia; Rehabilitasi Sosial Penyandang Disabilitas; Rehabilitasi Tuna Sosial",
    "Perlindungan dan Jaminan Sosial: Perlindungan Sosial Korban Bencana; Jaminan Sosial Keluarga; Data dan Informasi Kesejahteraan Sosial",
    "Pemberdayaan Perempuan dan Perlindungan Anak: Kualitas Hidup Perempuan; Pemenuhan Hak Anak; Perlindungan Khusus Anak",
    "Pemberdayaan Sosial dan Penanganan Fakir Miskin: Pemberdayaan Sosial; Penanganan Fakir Miskin; Kepahlawanan dan Restorasi Sosial",
    "Penanganan Masalah Sosial: Anak Jalanan dan Gelandangan; Korban Tindak Kekerasan; Penyandang Masalah Kesejahteraan Sosial",
];
const BID_DUKCAPIL: &[&str] = &[
    "Pelayanan Pendaftaran Penduduk: Identitas Penduduk; Pindah Datang Penduduk; Pendataan Penduduk",
    "Pelayanan Pencatatan Sipil: Kelahiran; Perkawinan dan Perceraian; Perubahan Status Anak dan Kematian",
    "Pengelolaan Informasi Administrasi Kependudukan: Sistem Informasi Administrasi Kependudukan; Pengolahan dan Penyajian Data; Tata Kelola Teknologi Informasi",
    "Pemanfaatan Data dan Inovasi Pelayanan: Kerja Sama; Pemanfaatan Data dan Dokumen Kependudukan; Inovasi Pelayanan",
    "Pelayanan Administrasi Kependudukan Keliling: Pelayanan Keliling; Pelayanan Sekolah; Pelayanan Desa",
];
const BID_PERHUBUNGAN: &[&str] = &[
    "Lalu Lintas: Manajemen dan Rekayasa Lalu Lintas; Pengendalian dan Operasional; Perlengkapan Jalan",
    "Angkutan: Angkutan Orang; Angkutan Barang; Terminal",
    "Sarana dan Prasarana: Pengujian Sarana; Prasarana; Keselamatan",
    "Perparkiran: Parkir Tepi Jalan Umum; Parkir Tempat Khusus; Penertiban Parkir",
    "Keselamatan dan Pengawasan: Keselamatan Lalu Lintas; Pengawasan Angkutan; Pengendalian Operasional Angkutan",
];
const BID_KOMINFO: &[&str] = &[
    "Informasi dan Komunikasi Publik: Pengelolaan Informasi Publik; Komunikasi Publik; Kemitraan Media",
    "Aplikasi Informatika: Pengembangan Aplikasi; Tata Kelola Pemerintahan Berbasis Elektronik; Layanan Data",
    "Persandian dan Statistik: Persandian; Keamanan Informasi; Statistik Sektoral",
    "Infrastruktur Teknologi Informasi: Jaringan dan Infrastruktur; Pusat Data; Layanan Internet Publik",
    "Statistik Sektoral: Pengumpulan Data; Pengolahan Data; Diseminasi Data",
];
const BID_LINGKUNGAN: &[&str] = &[
    "Pengelolaan Sampah dan Limbah B3: Pengurangan Sampah; Penanganan Sampah; Limbah Bahan Berbahaya dan Beracun",
    "Tata Lingkungan: Perencanaan Lingkungan Hidup; Kajian Dampak Lingkungan; Pemeliharaan Lingkungan",
    "Penaatan dan Peningkatan Kapasitas Lingkungan: Pengaduan dan Penegakan Hukum Lingkungan; Peningkatan Kapasitas Lingkungan; Pengendalian Pencemaran",
    "Pertamanan dan Ruang Terbuka Hijau: Pertamanan; Ruang Terbuka Hijau; Kebersihan Jalan",
    "Pengendalian Pencemaran dan Kerusakan Lingkungan: Pemantauan Kualitas Air; Pemantauan Kualitas Udara; Pemulihan Lingkungan",
];
const BID_KOPERASI_PERDAGANGAN: &[&str] = &[
    "Perdagangan: Perdagangan Dalam Negeri; Metrologi Legal; Perlindungan Konsumen",
    "Koperasi dan Usaha Mikro: Kelembagaan Koperasi; Pengawasan Koperasi; Pemberdayaan Usaha Mikro",
    "Perindustrian: Industri Agro dan Kimia; Industri Logam dan Aneka; Sarana Industri",
    "Pasar: Pengelolaan Pasar; Retribusi Pasar; Sarana Pasar",
];
const BID_PERDAGANGAN_PERINDUSTRIAN: &[&str] = &[
    "Perdagangan Dalam Negeri: Distribusi Barang; Stabilisasi Harga; Perdagangan Luar Negeri",
    "Perindustrian: Industri Agro dan Kimia; Industri Logam dan Aneka; Sarana Industri",
    "Perlindungan Konsumen dan Metrologi: Perlindungan Konsumen; Metrologi Legal; Pengawasan Barang Beredar",
    "Pasar: Pengelolaan Pasar; Retribusi Pasar; Sarana Pasar",
    "Industri Kecil dan Menengah: Pembinaan Industri Kecil; Pengembangan Produk; Sentra Industri",
];
const BID_PERTANIAN: &[&str] = &[
    "Ketahanan Pangan: Ketersediaan dan Kerawanan Pangan; Distribusi dan Cadangan Pangan; Konsumsi dan Keamanan Pangan",
    "Tanaman Pangan dan Hortikultura: Produksi Tanaman Pangan; Hortikultura; Perlindungan Tanaman",
    "Peternakan dan Kesehatan Hewan: Produksi Peternakan; Kesehatan Hewan; Kesehatan Masyarakat Veteriner",
    "Penyuluhan dan Sarana Pertanian: Penyuluhan; Sarana dan Prasarana Pertanian; Kelembagaan Petani",
    "Perkebunan dan Perikanan: Perkebunan; Perikanan Budidaya; Perikanan Tangkap",
];
const BID_PERIZINAN_NAKER: &[&str] = &[
    "Pelayanan Perizinan: Perizinan Usaha; Perizinan Non Usaha; Pengaduan dan Informasi Pelayanan",
    "Penanaman Modal: Promosi Penanaman Modal; Pengendalian Penanaman Modal; Data dan Sistem Informasi Penanaman Modal",
    "Tenaga Kerja: Penempatan dan Perluasan Kesempatan Kerja; Pelatihan dan Produktivitas; Hubungan Industrial dan Jaminan Sosial",
];
const BID_PERIZINAN: &[&str] = &[
    "Pelayanan Perizinan: Perizinan Usaha; Perizinan Non Usaha; Pengaduan dan Informasi Pelayanan",
    "Penanaman Modal: Promosi Penanaman Modal; Pengendalian Penanaman Modal; Data dan Sistem Informasi Penanaman Modal",
    "Pengawasan Perizinan: Pemantauan; Pembinaan; Pelaporan",
    "Kebijakan dan Regulasi: Deregulasi; Kerja Sama; Evaluasi Pelayanan",
    "Data dan Sistem Informasi: Pengelolaan Data; Sistem Informasi Perizinan; Pengaduan",
];
const BID_NAKER: &[&str] = &[
    "Penempatan dan Perluasan Kesempatan Kerja: Penempatan Tenaga Kerja; Perluasan Kesempatan Kerja; Informasi Pasar Kerja",
    "Pelatihan dan Produktivitas: Pelatihan Kerja; Produktivitas; Sertifikasi Kompetensi",
    "Hubungan Industrial dan Jaminan Sosial: Persyaratan Kerja; Penyelesaian Perselisihan; Jaminan Sosial Tenaga Kerja",
    "Pengawasan dan Perlindungan Tenaga Kerja: Norma Kerja; Keselamatan dan Kesehatan Kerja; Perlindungan Pekerja Migran",
];
const BID_PMD: &[&str] = &[
    "Pemerintahan Desa: Penataan Desa; Aparatur Desa; Produk Hukum Desa",
    "Keuangan dan Aset Desa: Keuangan Desa; Aset Desa; Badan Usaha Milik Desa",
    "Pemberdayaan Masyarakat: Kelembagaan Masyarakat; Pemberdayaan Ekonomi; Teknologi Tepat Guna",
    "Pembangunan Kawasan Perdesaan: Perencanaan Pembangunan Desa; Kerja Sama Antar Desa; Sarana Prasarana Desa",
];
const BID_ARSIP: &[&str] = &[
    "Perpustakaan: Layanan Perpustakaan; Pengembangan Koleksi; Pembudayaan Kegemaran Membaca",
    "Kearsipan: Pengelolaan Arsip; Pembinaan Kearsipan; Akuisisi dan Layanan Arsip",
    "Pelestarian dan Digitalisasi: Preservasi; Digitalisasi; Deposit",
    "Pengembangan Sumber Daya Perpustakaan dan Kearsipan: Pembinaan Perpustakaan Sekolah; Pembinaan Arsiparis dan Pustakawan; Sistem Informasi Kearsipan",
];
const BID_PERIKANAN: &[&str] = &[
    "Perikanan Budidaya: Produksi Budidaya; Kesehatan Ikan dan Lingkungan; Sarana Budidaya",
    "Perikanan Tangkap: Kapal dan Alat Tangkap; Pelabuhan Perikanan; Pemberdayaan Nelayan",
    "Pengolahan dan Pemasaran: Pengolahan Hasil Perikanan; Pemasaran; Mutu dan Keamanan Produk",
    "Kelautan dan Pesisir: Pengelolaan Pesisir; Konservasi Mangrove; Pulau-pulau Kecil",
    "Penyuluhan dan Kelembagaan: Penyuluhan Perikanan; Kelembagaan Pelaku Usaha; Data dan Statistik Perikanan",
];
const BAGIAN_SETWAN: &[&str] = &[
    "Umum dan Keuangan: Tata Usaha dan Kepegawaian; Keuangan; Rumah Tangga",
    "Persidangan dan Perundang-undangan: Persidangan dan Risalah; Perundang-undangan; Kajian dan Analisis",
    "Fasilitasi Penganggaran dan Pengawasan: Fasilitasi Penganggaran; Fasilitasi Pengawasan; Hubungan Masyarakat dan Protokol",
    "Perencanaan dan Program: Perencanaan; Program; Evaluasi dan Pelaporan",
];
const SUBBAG_INSPEKTORAT: &[&str] = &[
    "Perencanaan",
    "Evaluasi dan Pelaporan",
    "Administrasi dan Umum",
];

// ---------------------------------------------------------------- Kota Mojokerto

const MOJOKERTO_BAGIAN: &[Bagian] = &[
    bagian(
        "pemerintahan",
        "Pemerintahan",
        0,
        Field::Umum,
        &["Pemerintahan Umum", "Otonomi Daerah", "Kerja Sama"],
        &[],
    ),
    bagian(
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
    ),
    bagian(
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
    ),
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
    bagian(
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
    ),
    bagian(
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
    ),
    bagian(
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
    ),
    bagian(
        "umum",
        "Umum",
        2,
        Field::Keuangan,
        &["Tata Usaha Pimpinan", "Rumah Tangga", "Keuangan"],
        &[],
    ),
    bagian(
        "prokopim",
        "Protokol dan Komunikasi Pimpinan",
        2,
        Field::Informatika,
        &["Protokol", "Komunikasi Pimpinan", "Dokumentasi Pimpinan"],
        JF_PROTOKOL,
    ),
];

const MOJOKERTO_OPDS: &[Opd] = &[
    Opd {
        code: "setwan",
        name: "Sekretariat DPRD",
        head: "Sekretaris DPRD",
        kind: Kind::Dprd,
        bidang: BAGIAN_SETWAN,
        jf: JF_HUKUM,
        ..OPD
    },
    Opd {
        code: "inspektorat",
        name: "Inspektorat",
        head: "Inspektur",
        kind: Kind::Inspektorat,
        field: Field::Keuangan,
        subbag: SUBBAG_INSPEKTORAT,
        bidang: &[
            "Inspektur Pembantu Wilayah I",
            "Inspektur Pembantu Wilayah II",
            "Inspektur Pembantu Wilayah III",
            "Inspektur Pembantu Wilayah IV",
        ],
        jf: JF_INSPEKTORAT,
        ..OPD
    },
    Opd {
        code: "bappedalitbang",
        name: "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
        kind: Kind::Badan,
        bidang: BID_BAPPEDA,
        jf: JF_PERENCANA,
        ..OPD
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
    Opd {
        code: "bkpsdm",
        name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        kind: Kind::Badan,
        bidang: BID_BKPSDM,
        jf: JF_KEPEGAWAIAN,
        ..OPD
    },
    Opd {
        code: "disdikbud",
        name: "Dinas Pendidikan dan Kebudayaan",
        field: Field::Pendidikan,
        bidang: BID_PENDIDIKAN,
        upt: &["UPT Sanggar Kegiatan Belajar", "UPT Permuseuman"],
        jf: JF_PENDIDIKAN,
        ..OPD
    },
    Opd {
        code: "dinkes",
        name: "Dinas Kesehatan",
        field: Field::Kesehatan,
        bidang: BID_KESEHATAN,
        upt: &[
            "UPT Puskesmas Blooto",
            "UPT Puskesmas Kedundung",
            "UPT Puskesmas Gedongan",
            "UPT Puskesmas Kranggan",
            "UPT Puskesmas Mentikan",
            "UPT Puskesmas Wates",
            "UPT Laboratorium Kesehatan Daerah",
        ],
        jf: JF_KESEHATAN,
        ..OPD
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
        code: "satpolpp",
        name: "Satuan Polisi Pamong Praja",
        bidang: BID_SATPOL,
        upt: &["UPT Pemadam Kebakaran"],
        jf: JF_SATPOL,
        ..OPD
    },
    Opd {
        code: "dinsos-p3a",
        name: "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
        field: Field::Sosial,
        bidang: BID_SOSIAL,
        upt: &["UPT Perlindungan Perempuan dan Anak"],
        jf: JF_SOSIAL,
        ..OPD
    },
    Opd {
        code: "dispendukcapil",
        name: "Dinas Kependudukan dan Pencatatan Sipil",
        bidang: BID_DUKCAPIL,
        jf: JF_DUKCAPIL,
        ..OPD
    },
    Opd {
        code: "dishub",
        name: "Dinas Perhubungan",
        field: Field::Perhubungan,
        bidang: BID_PERHUBUNGAN,
        upt: &["UPT Terminal Kertajaya", "UPT Pengujian Kendaraan Bermotor"],
        jf: JF_PERHUBUNGAN,
        ..OPD
    },
    Opd {
        code: "diskominfo",
        name: "Dinas Komunikasi dan Informatika",
        field: Field::Informatika,
        bidang: BID_KOMINFO,
        jf: JF_KOMINFO,
        ..OPD
    },
    Opd {
        code: "dlh",
        name: "Dinas Lingkungan Hidup",
        field: Field::Lingkungan,
        bidang: BID_LINGKUNGAN,
        upt: &["UPT Tempat Pemrosesan Akhir Sampah"],
        jf: JF_LINGKUNGAN,
        ..OPD
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
        field: Field::Pertanian,
        bidang: BID_PERTANIAN,
        upt: &["UPT Rumah Potong Hewan"],
        jf: JF_PERTANIAN,
        ..OPD
    },
    Opd {
        code: "dpmptsp-naker",
        name: "Dinas Penanaman Modal, Pelayanan Terpadu Satu Pintu dan Tenaga Kerja",
        bidang: BID_PERIZINAN_NAKER,
        jf: JF_PERIZINAN,
        ..OPD
    },
];

const MOJOKERTO_KECAMATAN: &[Kecamatan] = &[
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

const BEKASI_BAGIAN: &[Bagian] = &[
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
    bagian(
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
    ),
    bagian(
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
    ),
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
    bagian(
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
    ),
    bagian(
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
    ),
    bagian(
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
    ),
    bagian(
        "umum",
        "Umum",
        2,
        Field::Umum,
        &["Tata Usaha Pimpinan", "Rumah Tangga", "Perlengkapan"],
        &[],
    ),
    bagian(
        "prokopim",
        "Protokol dan Komunikasi Pimpinan",
        2,
        Field::Informatika,
        &["Protokol", "Komunikasi Pimpinan", "Dokumentasi Pimpinan"],
        &[],
    ),
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

const BEKASI_OPDS: &[Opd] = &[
    Opd {
        code: "setwan",
        name: "Sekretariat DPRD",
        head: "Sekretaris DPRD",
        kind: Kind::Dprd,
        bidang: BAGIAN_SETWAN,
        jf: JF_HUKUM,
        ..OPD
    },
    Opd {
        code: "inspektorat",
        name: "Inspektorat Daerah",
        head: "Inspektur",
        kind: Kind::Inspektorat,
        field: Field::Keuangan,
        subbag: SUBBAG_INSPEKTORAT,
        bidang: &[
            "Inspektur Pembantu Wilayah I",
            "Inspektur Pembantu Wilayah II",
            "Inspektur Pembantu Wilayah III",
            "Inspektur Pembantu Wilayah IV",
            "Inspektur Pembantu Khusus",
        ],
        jf: JF_INSPEKTORAT,
        ..OPD
    },
    Opd {
        code: "bappeda",
        name: "Badan Perencanaan Pembangunan Daerah",
        kind: Kind::Badan,
        bidang: BID_BAPPEDA,
        jf: JF_PERENCANA,
        ..OPD
    },
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
    Opd {
        code: "bkpsdm",
        name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        kind: Kind::Badan,
        bidang: BID_BKPSDM,
        jf: JF_KEPEGAWAIAN,
        ..OPD
    },
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
        code: "disdik",
        name: "Dinas Pendidikan",
        field: Field::Pendidikan,
        bidang: BID_PENDIDIKAN,
        upt: &["UPTD Sanggar Kegiatan Belajar"],
        upt_each_kecamatan: "UPTD Pendidikan Kecamatan",
        jf: JF_PENDIDIKAN,
        ..OPD
    },
    Opd {
        code: "dinkes",
        name: "Dinas Kesehatan",
        field: Field::Kesehatan,
        bidang: BID_KESEHATAN,
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
        jf: JF_KESEHATAN,
        ..OPD
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
    Opd {
        code: "satpolpp",
        name: "Satuan Polisi Pamong Praja",
        bidang: BID_SATPOL,
        jf: JF_SATPOL,
        ..OPD
    },
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
        code: "dinsos",
        name: "Dinas Sosial",
        field: Field::Sosial,
        bidang: BID_SOSIAL,
        upt: &["UPTD Rumah Perlindungan Sosial"],
        jf: JF_SOSIAL,
        ..OPD
    },
    Opd {
        code: "disdukcapil",
        name: "Dinas Kependudukan dan Pencatatan Sipil",
        bidang: BID_DUKCAPIL,
        jf: JF_DUKCAPIL,
        ..OPD
    },
    Opd {
        code: "dishub",
        name: "Dinas Perhubungan",
        field: Field::Perhubungan,
        bidang: BID_PERHUBUNGAN,
        upt: &[
            "UPTD Terminal Cikarang",
            "UPTD Pengujian Kendaraan Bermotor",
            "UPTD Perparkiran",
        ],
        jf: JF_PERHUBUNGAN,
        ..OPD
    },
    Opd {
        code: "diskominfosantik",
        name: "Dinas Komunikasi, Informatika, Persandian dan Statistik",
        field: Field::Informatika,
        bidang: BID_KOMINFO,
        jf: JF_KOMINFO,
        ..OPD
    },
    Opd {
        code: "dlh",
        name: "Dinas Lingkungan Hidup",
        field: Field::Lingkungan,
        bidang: BID_LINGKUNGAN,
        upt: &[
            "UPTD Tempat Pemrosesan Akhir Sampah Burangkeng",
            "UPTD Laboratorium Lingkungan",
            "UPTD Kebersihan Wilayah I",
            "UPTD Kebersihan Wilayah II",
            "UPTD Kebersihan Wilayah III",
        ],
        jf: JF_LINGKUNGAN,
        ..OPD
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
        code: "distan",
        name: "Dinas Pertanian",
        field: Field::Pertanian,
        bidang: BID_PERTANIAN,
        upt_each_kecamatan: "UPTD Balai Penyuluhan Pertanian",
        jf: JF_PERTANIAN,
        ..OPD
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

const BEKASI_KECAMATAN: &[Kecamatan] = &[
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

// =====================================================================================
// Government specifications
// =====================================================================================

/// How many posts of a class are held.
#[derive(Debug, Clone, Copy)]
enum Fill {
    /// Exactly this many holders (structural: one per post, the rest vacant).
    Holders(usize),
    /// All posts but this many are held (structural classes only).
    Vacant(usize),
}

/// When an assessment round took place.
#[derive(Debug, Clone, Copy)]
enum When {
    /// A fixed date from a seed article.
    On(i32, u32, u32),
    /// This many months before `as_of` (a recent round, still valid).
    MonthsBefore(u32),
}

/// An earlier assessment round.
struct Round {
    provider: &'static str,
    when: When,
    /// Working days used at least.
    days: usize,
    /// Most participants a day (more days are used when needed).
    per_day: Option<usize>,
    /// Share in percent of each group assessed (JPT, Administrator, Pengawas, Fungsional,
    /// Pelaksana).
    share: [u64; 5],
}

/// Everything that distinguishes one demo government from the other.
struct Spec {
    code: &'static str,
    name: &'static str,
    kind: &'static str,
    seed: u64,
    bagian: &'static [Bagian],
    opds: &'static [Opd],
    kecamatan: &'static [Kecamatan],
    /// Most Bidang per dinas/badan (and Bagian of the Sekretariat DPRD).
    bidang_max: usize,
    /// Most Seksi per Bidang (and Subbagian per Bagian of the Sekretariat DPRD).
    seksi_max: usize,
    /// Subbagian of a Sekretariat of a dinas/badan.
    subbag_max: usize,
    camat_eselon: Eselon,
    kecamatan_seksi: &'static [&'static str],
    kecamatan_subbag: &'static [&'static str],
    kelurahan_seksi: &'static [&'static str],
    /// Fill of JPT, Administrator, Pengawas, Fungsional, Pelaksana.
    fill: [Fill; 5],
    /// PPPK share in percent among Fungsional and Pelaksana.
    pppk_percent: [u64; 2],
    regions: &'static [(&'static Region, u32)],
    rounds: &'static [Round],
}

const MOJOKERTO: Spec = Spec {
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
    kecamatan_seksi: &[
        "Pemerintahan",
        "Ketenteraman dan Ketertiban Umum",
        "Ekonomi dan Pembangunan",
        "Kesejahteraan Sosial",
    ],
    kecamatan_subbag: &["Umum dan Kepegawaian", "Perencanaan dan Keuangan"],
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

const BEKASI: Spec = Spec {
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
    kecamatan_seksi: &[
        "Pemerintahan",
        "Ketenteraman dan Ketertiban Umum",
        "Ekonomi dan Pembangunan",
        "Kesejahteraan Sosial",
        "Pemberdayaan Masyarakat Desa",
    ],
    kecamatan_subbag: &["Umum dan Kepegawaian", "Perencanaan dan Keuangan"],
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

// =====================================================================================
// Public API
// =====================================================================================

/// A synthetic government as plain data, ready for the store's upsert functions in field
/// order (units, positions, standards, employees, ratings, sanctions, results).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoGovernment {
    /// Tenant code, e.g. `kota-mojokerto`.
    pub code: String,
    /// Name, e.g. `Pemerintah Kota Mojokerto`.
    pub name: String,
    /// `kota` or `kabupaten`.
    pub kind: String,
    /// Units, parents before children.
    pub units: Vec<UnitInput>,
    /// Positions, superiors before subordinates.
    pub positions: Vec<PositionInput>,
    /// Nine core competencies per position at the default level of its class, plus one
    /// technical competency for some functional posts.
    pub standards: Vec<StandardInput>,
    /// Employees with their current post.
    pub employees: Vec<EmployeeInput>,
    /// SKP predicates of the two years before `as_of` and, for some, an older numeric score.
    pub ratings: Vec<RatingInput>,
    /// Disciplinary sanctions of about 1.5 % of the employees.
    pub sanctions: Vec<SanctionInput>,
    /// Earlier assessment results (mapping), oldest round first.
    pub results: Vec<ResultInput>,
}

/// The two demo governments, Kota Mojokerto and Kabupaten Bekasi, as they stand on `as_of`.
/// Deterministic: the same `as_of` always gives identical output. NIPs are unique across both.
pub fn demo_governments(as_of: NaiveDate) -> Vec<DemoGovernment> {
    let mut registry = NipRegistry::default();
    [MOJOKERTO, BEKASI]
        .iter()
        .map(|spec| build(spec, as_of, &mut registry))
        .collect()
}

// =====================================================================================
// Deterministic random numbers
// =====================================================================================

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// splitmix64: small, fast and good enough for synthetic data.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    /// An independent stream for one purpose (`salt`) and one item (`index`).
    fn stream(seed: u64, salt: u64, index: u64) -> Rng {
        let mut r = Rng(seed
            ^ salt.wrapping_mul(GOLDEN).rotate_left(23)
            ^ index.wrapping_add(1).wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next_u64();
        r
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// Uniform in `lo..=hi` (`lo` when the range is empty).
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            lo
        } else {
            lo + self.below((hi - lo + 1) as u64) as i64
        }
    }

    fn percent(&mut self, p: u64) -> bool {
        self.below(100) < p
    }

    fn pick<T: Copy + Default>(&mut self, items: &[T]) -> T {
        let i = self.below(items.len() as u64) as usize;
        items.get(i).copied().unwrap_or_default()
    }

    fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> Option<T> {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut x = self.below(total);
        for (item, w) in items {
            let w = u64::from(*w);
            if x < w {
                return Some(*item);
            }
            x -= w;
        }
        None
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            v.swap(i, j);
        }
    }
}

const SALT_STRUCTURE: u64 = 1;
const SALT_PERSON: u64 = 2;
const SALT_RATING: u64 = 3;
const SALT_SANCTION: u64 = 4;
const SALT_STRENGTH: u64 = 5;
const SALT_ROUND: u64 = 100;

// =====================================================================================
// Building
// =====================================================================================

/// Class groups in the order of `Spec::fill` and `Round::share`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Jpt,
    Administrator,
    Pengawas,
    Fungsional,
    Pelaksana,
}

impl Group {
    const ALL: [Group; 5] = [
        Group::Jpt,
        Group::Administrator,
        Group::Pengawas,
        Group::Fungsional,
        Group::Pelaksana,
    ];

    fn of(class: PositionClass) -> Group {
        match class {
            PositionClass::JptUtama | PositionClass::JptMadya | PositionClass::JptPratama => {
                Group::Jpt
            }
            PositionClass::Administrator => Group::Administrator,
            PositionClass::Pengawas => Group::Pengawas,
            PositionClass::Fungsional(_) => Group::Fungsional,
            PositionClass::Pelaksana => Group::Pelaksana,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn is_structural(self) -> bool {
        matches!(self, Group::Jpt | Group::Administrator | Group::Pengawas)
    }
}

/// A post while the organisation is built.
struct Post {
    code: String,
    name: String,
    class: PositionClass,
    eselon: Option<Eselon>,
    unit: String,
    superior: Option<String>,
    field: Field,
    technical: Option<&'static str>,
}

/// Units and posts under construction; posts are added to the current unit.
#[derive(Default)]
struct Org {
    units: Vec<UnitInput>,
    posts: Vec<Post>,
    unit: String,
    field: Option<Field>,
}

impl Org {
    fn unit(&mut self, code: &str, name: String, parent: Option<&str>, field: Field) {
        self.units.push(UnitInput {
            code: code.to_string(),
            name,
            parent_code: parent.map(str::to_string),
        });
        self.unit = code.to_string();
        self.field = Some(field);
    }

    fn enter(&mut self, code: &str, field: Field) {
        self.unit = code.to_string();
        self.field = Some(field);
    }

    fn post(
        &mut self,
        suffix: &str,
        name: String,
        class: PositionClass,
        eselon: Option<Eselon>,
        superior: Option<&str>,
    ) -> String {
        let code = format!("{}.{}", self.unit, suffix);
        self.posts.push(Post {
            code: code.clone(),
            name,
            class,
            eselon,
            unit: self.unit.clone(),
            superior: superior.map(str::to_string),
            field: self.field.unwrap_or(Field::Umum),
            technical: None,
        });
        code
    }

    /// Functional posts of a unit: Ahli Madya under the head, the others spread over the
    /// unit's Administrator posts.
    fn functional(&mut self, types: &[Jf], head: &str, admins: &[String]) {
        let mut k = 0usize;
        for t in types {
            for g in t.grades {
                let superior = if *g == J::AhliMadya || admins.is_empty() {
                    head.to_string()
                } else {
                    admins[k % admins.len()].clone()
                };
                k += 1;
                let name = format!("{} {}", t.name, jenjang_label(*g));
                self.post(
                    &format!("jf{k}"),
                    name,
                    PositionClass::Fungsional(*g),
                    None,
                    Some(&superior),
                );
                if let Some(p) = self.posts.last_mut() {
                    p.field = t.field;
                    p.technical = t.technical;
                }
            }
        }
    }
}

fn jenjang_label(j: Jenjang) -> &'static str {
    match j {
        J::AhliUtama => "Ahli Utama",
        J::AhliMadya => "Ahli Madya",
        J::AhliMuda => "Ahli Muda",
        J::AhliPertama => "Ahli Pertama",
        J::Penyelia => "Penyelia",
        J::Mahir => "Mahir",
        J::Terampil => "Terampil",
        J::Pemula => "Pemula",
    }
}

/// Splits "Bidang: seksi; seksi" into the name and the sub-units.
fn split_bidang(s: &'static str) -> (&'static str, Vec<&'static str>) {
    match s.split_once(':') {
        Some((name, rest)) => (
            name.trim(),
            rest.split(';')
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .collect(),
        ),
        None => (s.trim(), Vec::new()),
    }
}

/// Lower-case code from a name: "Prajurit Kulon" -> "prajurit-kulon".
fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Units and posts of a government, superiors first; Pelaksana posts last, one per Pengawas.
fn build_org(spec: &Spec) -> Org {
    let mut org = Org::default();
    org.unit("setda", "Sekretariat Daerah".into(), None, Field::Umum);
    let sekda = org.post(
        "sekda",
        "Sekretaris Daerah".into(),
        JptPratama,
        Some(Eselon::IIA),
        None,
    );
    let asisten: Vec<String> = ASISTEN
        .iter()
        .enumerate()
        .map(|(i, a)| {
            org.post(
                &format!("asisten{}", i + 1),
                format!("Asisten {a}"),
                JptPratama,
                Some(Eselon::IIB),
                Some(&sekda),
            )
        })
        .collect();
    for b in spec.bagian {
        let unit = format!("setda.{}", b.code);
        org.unit(&unit, format!("Bagian {}", b.name), Some("setda"), b.field);
        let asisten = asisten.get(b.asisten).unwrap_or(&sekda).clone();
        let kabag = org.post(
            "kabag",
            format!("Kepala Bagian {}", b.name),
            Administrator,
            Some(Eselon::IIIA),
            Some(&asisten),
        );
        for (i, s) in b.subbag.iter().enumerate() {
            org.post(
                &format!("subbag{}", i + 1),
                format!("Kepala Subbagian {s}"),
                Pengawas,
                Some(Eselon::IVA),
                Some(&kabag),
            );
        }
        org.functional(b.jf, &asisten, std::slice::from_ref(&kabag));
    }
    for opd in spec.opds {
        build_opd(&mut org, spec, opd, &sekda);
    }
    for k in spec.kecamatan {
        build_kecamatan(&mut org, spec, k, &sekda);
    }
    add_pelaksana(&mut org, spec);
    org
}

fn build_opd(org: &mut Org, spec: &Spec, opd: &Opd, sekda: &str) {
    org.unit(opd.code, opd.name.to_string(), None, opd.field);
    let head_title = if opd.head.is_empty() {
        format!("Kepala {}", opd.name)
    } else {
        opd.head.to_string()
    };
    let head = org.post(
        "kepala",
        head_title,
        JptPratama,
        Some(Eselon::IIB),
        Some(sekda),
    );
    // Administrator posts: the Sekretaris first (if any), then Bidang/Bagian/Irban.
    let mut admins: Vec<String> = Vec::new();
    let mut line: Vec<String> = Vec::new();
    if opd.kind == Kind::Dprd {
        for (i, b) in opd.bidang.iter().take(spec.bidang_max).enumerate() {
            let (name, subs) = split_bidang(b);
            let kabag = org.post(
                &format!("bagian{}", i + 1),
                format!("Kepala Bagian {name}"),
                Administrator,
                Some(Eselon::IIIA),
                Some(&head),
            );
            for (j, s) in subs.iter().take(spec.seksi_max).enumerate() {
                org.post(
                    &format!("bagian{}.subbag{}", i + 1, j + 1),
                    format!("Kepala Subbagian {s}"),
                    Pengawas,
                    Some(Eselon::IVA),
                    Some(&kabag),
                );
            }
            line.push(kabag);
        }
    } else {
        let sekretaris_title = if opd.kind == Kind::Inspektorat {
            "Sekretaris Inspektorat".to_string()
        } else {
            format!("Sekretaris {}", opd.name)
        };
        let sekretaris = org.post(
            "sekretaris",
            sekretaris_title,
            Administrator,
            Some(Eselon::IIIA),
            Some(&head),
        );
        let subbags: Vec<&str> = if opd.subbag.is_empty() {
            SUBBAG_SEKRETARIAT
                .iter()
                .take(spec.subbag_max)
                .copied()
                .collect()
        } else {
            opd.subbag.to_vec()
        };
        for (j, s) in subbags.iter().enumerate() {
            org.post(
                &format!("subbag{}", j + 1),
                format!("Kepala Subbagian {s}"),
                Pengawas,
                Some(Eselon::IVA),
                Some(&sekretaris),
            );
        }
        admins.push(sekretaris);
        let limit = if opd.kind == Kind::Inspektorat {
            opd.bidang.len()
        } else {
            spec.bidang_max
        };
        for (i, b) in opd.bidang.iter().take(limit).enumerate() {
            let (name, subs) = split_bidang(b);
            let (title, sub_title) = match opd.kind {
                Kind::Inspektorat => (name.to_string(), "Kepala Subbagian"),
                Kind::Badan => (format!("Kepala Bidang {name}"), "Kepala Subbidang"),
                Kind::Dinas | Kind::Dprd => (format!("Kepala Bidang {name}"), "Kepala Seksi"),
            };
            let kabid = org.post(
                &format!("bidang{}", i + 1),
                title,
                Administrator,
                Some(Eselon::IIIB),
                Some(&head),
            );
            for (j, s) in subs.iter().take(spec.seksi_max).enumerate() {
                org.post(
                    &format!("bidang{}.seksi{}", i + 1, j + 1),
                    format!("{sub_title} {s}"),
                    Pengawas,
                    Some(Eselon::IVA),
                    Some(&kabid),
                );
            }
            line.push(kabid);
        }
    }
    admins.extend(line.iter().cloned());
    // UPT heads report to the first Bidang (technical coordination).
    let upt_superior = line
        .first()
        .or(admins.first())
        .cloned()
        .unwrap_or_else(|| head.clone());
    let mut upts: Vec<String> = opd.upt.iter().map(|u| u.to_string()).collect();
    if !opd.upt_each_kecamatan.is_empty() {
        upts.extend(
            spec.kecamatan
                .iter()
                .map(|k| format!("{} {}", opd.upt_each_kecamatan, k.name)),
        );
    }
    for (i, u) in upts.iter().enumerate() {
        let eselon = if u.contains("Puskesmas") || u.contains("Wilayah") {
            Eselon::IVA
        } else {
            Eselon::IVB
        };
        org.post(
            &format!("upt{}", i + 1),
            format!("Kepala {u}"),
            Pengawas,
            Some(eselon),
            Some(&upt_superior),
        );
    }
    let jf_superiors = if line.is_empty() { &admins } else { &line };
    org.functional(opd.jf, &head, jf_superiors);
}

fn build_kecamatan(org: &mut Org, spec: &Spec, k: &Kecamatan, sekda: &str) {
    let unit = format!("kec-{}", slug(k.name));
    org.unit(&unit, format!("Kecamatan {}", k.name), None, Field::Umum);
    let camat = org.post(
        "camat",
        format!("Camat {}", k.name),
        Administrator,
        Some(spec.camat_eselon),
        Some(sekda),
    );
    let sekcam = org.post(
        "sekcam",
        format!("Sekretaris Kecamatan {}", k.name),
        Administrator,
        Some(Eselon::IIIB),
        Some(&camat),
    );
    for (i, s) in spec.kecamatan_seksi.iter().enumerate() {
        org.post(
            &format!("seksi{}", i + 1),
            format!("Kepala Seksi {s}"),
            Pengawas,
            Some(Eselon::IVA),
            Some(&camat),
        );
    }
    for (i, s) in spec.kecamatan_subbag.iter().enumerate() {
        org.post(
            &format!("subbag{}", i + 1),
            format!("Kepala Subbagian {s}"),
            Pengawas,
            Some(Eselon::IVB),
            Some(&sekcam),
        );
    }
    for kel in k.kelurahan {
        let code = format!("kel-{}", slug(kel));
        org.unit(&code, format!("Kelurahan {kel}"), Some(&unit), Field::Umum);
        // The Lurah answers to the Camat; the kelurahan's own staff to the Lurah.
        let lurah = org.post(
            "lurah",
            format!("Lurah {kel}"),
            Pengawas,
            Some(Eselon::IVA),
            Some(&camat),
        );
        org.post(
            "sekel",
            format!("Sekretaris Kelurahan {kel}"),
            Pengawas,
            Some(Eselon::IVB),
            Some(&lurah),
        );
        for (i, s) in spec.kelurahan_seksi.iter().enumerate() {
            org.post(
                &format!("seksi{}", i + 1),
                format!("Kepala Seksi {s}"),
                Pengawas,
                Some(Eselon::IVB),
                Some(&lurah),
            );
        }
        org.enter(&unit, Field::Umum);
    }
}

/// One Pelaksana post under every Pengawas post, with a job title of the unit's field.
fn add_pelaksana(org: &mut Org, spec: &Spec) {
    let mut rng = Rng::stream(spec.seed, SALT_STRUCTURE, 0);
    let supervisors: Vec<(String, String, Field)> = org
        .posts
        .iter()
        .filter(|p| p.class == Pengawas)
        .map(|p| (p.code.clone(), p.unit.clone(), p.field))
        .collect();
    for (code, unit, field) in supervisors {
        let title = if rng.percent(45) {
            rng.pick(pelaksana_titles(field))
        } else {
            rng.pick(PELAKSANA_GENERAL)
        };
        org.posts.push(Post {
            code: format!("{code}.pelaksana"),
            name: title.to_string(),
            class: PositionClass::Pelaksana,
            eselon: None,
            unit,
            superior: Some(code),
            field,
            technical: None,
        });
    }
}

/// Number of holders of every post (structural: 0 or 1).
fn holders(spec: &Spec, org: &Org) -> Vec<usize> {
    let mut rng = Rng::stream(spec.seed, SALT_STRUCTURE, 1);
    let mut out = vec![0usize; org.posts.len()];
    for g in Group::ALL {
        let idx: Vec<usize> = (0..org.posts.len())
            .filter(|&i| Group::of(org.posts[i].class) == g)
            .collect();
        let wanted = match spec.fill[g.index()] {
            Fill::Holders(n) => n,
            Fill::Vacant(v) => idx.len().saturating_sub(v),
        };
        if g.is_structural() {
            // The Sekretaris Daerah (the only post without a superior) is never vacant.
            let mut candidates: Vec<usize> = idx
                .iter()
                .copied()
                .filter(|&i| org.posts[i].superior.is_some())
                .collect();
            rng.shuffle(&mut candidates);
            let vacant: BTreeSet<usize> = candidates
                .into_iter()
                .take(idx.len().saturating_sub(wanted))
                .collect();
            for i in idx {
                out[i] = usize::from(!vacant.contains(&i));
            }
        } else if wanted >= idx.len() {
            for &i in &idx {
                out[i] = 1;
            }
            for _ in idx.len()..wanted {
                let k = rng.below(idx.len() as u64) as usize;
                if let Some(&i) = idx.get(k) {
                    out[i] += 1;
                }
            }
        } else {
            let mut chosen = idx.clone();
            rng.shuffle(&mut chosen);
            for i in chosen.into_iter().take(wanted) {
                out[i] = 1;
            }
        }
    }
    out
}

// =====================================================================================
// People
// =====================================================================================

/// Serials already given per (birth date, TMT year, TMT month or 21, sex digit).
#[derive(Default)]
struct NipRegistry(BTreeMap<(NaiveDate, i32, u32, u8), u32>);

impl NipRegistry {
    fn next(&mut self, birth: NaiveDate, year: i32, month: u32, sex: u8) -> u32 {
        let serial = self.0.entry((birth, year, month, sex)).or_insert(0);
        *serial += 1;
        *serial
    }
}

/// What later passes need to know about an employee.
struct Meta {
    nip: Nip,
    group: Group,
    class: PositionClass,
    appointed_on: NaiveDate,
    /// Latent job-person match in percent, around which assessed levels are drawn.
    talent: i64,
}

/// Age and career ranges of a class group.
struct Profile {
    female_percent: u64,
    age_at_appointment: (i64, i64),
    service_years: (i64, i64),
    /// Oldest age at `as_of` (below the retirement age).
    max_age: i64,
    /// Most years in the current post.
    since_years: u64,
}

fn profile(g: Group) -> Profile {
    match g {
        Group::Jpt => Profile {
            female_percent: 20,
            age_at_appointment: (22, 30),
            service_years: (18, 32),
            max_age: 59,
            since_years: 5,
        },
        Group::Administrator => Profile {
            female_percent: 35,
            age_at_appointment: (21, 32),
            service_years: (14, 30),
            max_age: 57,
            since_years: 8,
        },
        Group::Pengawas => Profile {
            female_percent: 45,
            age_at_appointment: (20, 34),
            service_years: (7, 30),
            max_age: 57,
            since_years: 8,
        },
        Group::Fungsional => Profile {
            female_percent: 55,
            age_at_appointment: (21, 34),
            service_years: (2, 28),
            max_age: 57,
            since_years: 8,
        },
        Group::Pelaksana => Profile {
            female_percent: 45,
            age_at_appointment: (19, 34),
            service_years: (1, 33),
            max_age: 57,
            since_years: 8,
        },
    }
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn months_before(d: NaiveDate, months: i64) -> NaiveDate {
    d.checked_sub_months(Months::new(months.clamp(0, 12_000) as u32))
        .unwrap_or(d)
}

fn days_before(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(days)).unwrap_or(d)
}

fn days_after(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(Days::new(days)).unwrap_or(d)
}

fn education(g: Group, class: PositionClass, field: Field, rng: &mut Rng) -> Education {
    use Education::*;
    let table: &[(Education, u32)] = match (g, class) {
        (Group::Jpt, _) => &[(S2, 80), (S3, 20)],
        (Group::Administrator, _) => &[(S1, 35), (S2, 65)],
        (Group::Pengawas, _) => &[(D3, 10), (S1, 65), (S2, 25)],
        (Group::Pelaksana, _) => &[(Sma, 45), (D3, 20), (S1, 35)],
        (_, PositionClass::Fungsional(j)) => match j {
            J::AhliUtama | J::AhliMadya => &[(S2, 70), (S1, 20), (S3, 10)],
            J::AhliMuda => &[(S1, 60), (S2, 40)],
            J::AhliPertama => &[(S1, 90), (S2, 10)],
            J::Penyelia | J::Mahir => &[(D3, 80), (S1, 20)],
            J::Terampil | J::Pemula => &[(D3, 100)],
        },
        _ => &[(S1, 100)],
    };
    let e = rng.weighted(table).unwrap_or(S1);
    // A physician's first degree is the professional "dr."; no diploma route.
    if field == Field::Medis && e.step() < S1.step() {
        S1
    } else {
        e
    }
}

fn rank(
    class: PositionClass,
    eselon: Option<Eselon>,
    edu: Education,
    service: i32,
    rules: &RuleSet,
    rng: &mut Rng,
) -> Golongan {
    let between = |lo: Golongan, hi: Golongan, rng: &mut Rng| {
        let step = rng.range(lo.step() as i64, hi.step() as i64) as usize;
        Golongan::ALL.get(step).copied().unwrap_or(lo)
    };
    match class {
        PositionClass::Fungsional(j) => {
            let (lo, hi) = match j {
                J::AhliUtama => (Golongan::IVD, Golongan::IVE),
                J::AhliMadya => (Golongan::IVA, Golongan::IVC),
                J::AhliMuda | J::Penyelia => (Golongan::IIIC, Golongan::IIID),
                J::AhliPertama | J::Mahir => (Golongan::IIIA, Golongan::IIIB),
                J::Terampil | J::Pemula => (Golongan::IIC, Golongan::IID),
            };
            between(lo, hi, rng)
        }
        PositionClass::Pelaksana => {
            let start = match edu {
                Education::Sd | Education::Smp | Education::Sma | Education::D1 => Golongan::IIA,
                Education::D2 => Golongan::IIB,
                Education::D3 => Golongan::IIC,
                _ => Golongan::IIIA,
            };
            let step = (start.step() + (service.max(0) / 4) as usize).min(Golongan::IIIB.step());
            Golongan::ALL.get(step).copied().unwrap_or(start)
        }
        _ => match eselon.and_then(|e| rules.rank_range(e)) {
            Some((lo, hi)) => between(lo, hi, rng),
            None => Golongan::IIIA,
        },
    }
}

/// Full name with academic titles and, for some, the haji honorific.
struct NameParts<'a> {
    region: &'a Region,
    female: bool,
    education: Education,
    field: Field,
    birth_year: i32,
}

fn full_name(p: &NameParts<'_>, rng: &mut Rng) -> String {
    let r = p.region;
    let (prefixes, given, last) = if p.female {
        (r.female_prefix, r.female, r.female_last)
    } else {
        (r.male_prefix, r.male, r.male_last)
    };
    let mut words: Vec<&str> = Vec::new();
    let prefix = rng.pick(prefixes);
    if !prefix.is_empty() {
        words.push(prefix);
    }
    let first = rng.pick(given);
    words.push(first);
    if rng.percent(r.middle_percent) {
        let second = rng.pick(given);
        if second != first && !first.ends_with('.') {
            words.push(second);
        }
    }
    // Abbreviations such as "Moch." always take a last name.
    if rng.percent(r.last_percent) || first.ends_with('.') || words.len() == 1 && !prefix.is_empty()
    {
        let l = rng.pick(last);
        if !words.contains(&l) {
            words.push(l);
        }
    }
    let base = words.join(" ");

    let (s1, s2, d3) = degree_titles(p.field);
    let mut before: Vec<&str> = Vec::new();
    let mut after: Vec<&str> = Vec::new();
    let old = p.birth_year <= 1970;
    let bachelor = |before: &mut Vec<&str>, after: &mut Vec<&str>, rng: &mut Rng| {
        if p.field == Field::Medis {
            before.push("dr.");
        } else if old && matches!(p.field, Field::Teknik | Field::Pertanian) && rng.percent(60) {
            before.push("Ir.");
        } else if old
            && matches!(
                p.field,
                Field::Umum | Field::Sosial | Field::Keuangan | Field::Pendidikan
            )
            && rng.percent(50)
        {
            before.push(if p.female { "Dra." } else { "Drs." });
        } else {
            let t = rng.pick(s1);
            if t == "drh." {
                before.push(t);
            } else if !t.is_empty() {
                after.push(t);
            }
        }
    };
    match p.education {
        Education::S3 => {
            before.push("Dr.");
            bachelor(&mut before, &mut after, rng);
            after.push(rng.pick(s2));
        }
        Education::S2 => {
            bachelor(&mut before, &mut after, rng);
            after.push(rng.pick(s2));
        }
        Education::S1 | Education::D4 => bachelor(&mut before, &mut after, rng),
        Education::D3 => {
            let t = rng.pick(d3);
            if !t.is_empty() {
                after.push(t);
            }
        }
        _ => {}
    }
    if r.haji && p.birth_year <= 1980 && rng.percent(18) {
        before.push(if p.female { "Hj." } else { "H." });
    }
    after.retain(|t| !t.is_empty());
    let mut name = String::new();
    for b in &before {
        name.push_str(b);
        name.push(' ');
    }
    name.push_str(&base);
    for a in &after {
        name.push_str(", ");
        name.push_str(a);
    }
    name
}

/// Inputs of one person that do not change per holder.
struct Seat<'a> {
    post: &'a Post,
    index: usize,
    latest: NaiveDate,
}

fn person(
    spec: &Spec,
    seat: &Seat<'_>,
    as_of: NaiveDate,
    rules: &RuleSet,
    registry: &mut NipRegistry,
) -> Option<(EmployeeInput, Meta)> {
    let post = seat.post;
    let g = Group::of(post.class);
    let p = profile(g);
    let mut rng = Rng::stream(spec.seed, SALT_PERSON, seat.index as u64);

    let female_percent = match post.field {
        Field::Kebidanan => 100,
        Field::Keperawatan | Field::Kesehatan => p.female_percent + 25,
        Field::Teknik | Field::Perhubungan => p.female_percent.saturating_sub(15),
        _ => p.female_percent,
    };
    let female = rng.percent(female_percent);
    let sex_digit: u8 = if female { 2 } else { 1 };

    let pppk_share = match g {
        Group::Fungsional => spec.pppk_percent[0],
        Group::Pelaksana => spec.pppk_percent[1],
        _ => 0,
    };
    let pppk = rng.percent(pppk_share) && seat.latest.year() >= 2019;
    let latest_month = months_before(first_of_month(seat.latest), 1);
    let gap_years = i64::from(full_years(latest_month, as_of).max(0));

    let (age_lo, age_hi) = if pppk { (24, 34) } else { p.age_at_appointment };
    let age = rng.range(age_lo, age_hi);
    let (appointed_on, month_digits) = if pppk {
        let year = rng.range(2019, i64::from(latest_month.year())) as i32;
        (
            NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(latest_month),
            21,
        )
    } else {
        let max_service = (p.max_age - 1 - age - gap_years).max(0);
        let service = rng.range(
            p.service_years.0.min(max_service),
            p.service_years.1.min(max_service),
        );
        let tmt = months_before(latest_month, service * 12 + rng.range(0, 11));
        (tmt, tmt.month())
    };
    // Born so that the age at appointment is exactly `age` whole years.
    let birth = days_before(
        months_before(appointed_on, age * 12 + rng.range(1, 11)),
        rng.range(0, 27) as u64,
    );
    let serial = registry.next(birth, appointed_on.year(), month_digits, sex_digit);
    let digits = format!(
        "{:04}{:02}{:02}{:04}{:02}{}{:03}",
        birth.year(),
        birth.month(),
        birth.day(),
        appointed_on.year(),
        month_digits,
        sex_digit,
        serial
    );
    let nip = Nip::parse(&digits).ok()?;

    let edu = education(g, post.class, post.field, &mut rng);
    let service = full_years(appointed_on, as_of);
    let golongan = rank(post.class, post.eselon, edu, service, rules, &mut rng);
    let region = rng.weighted(spec.regions).unwrap_or(&JAWA);
    let name = full_name(
        &NameParts {
            region,
            female,
            education: edu,
            field: post.field,
            birth_year: birth.year(),
        },
        &mut rng,
    );
    let since = days_before(as_of, rng.below(p.since_years * 365 + 1))
        .max(appointed_on)
        .min(as_of);
    let talent = 58 + rng.range(0, 32) + rng.range(0, 32);

    let employee = EmployeeInput {
        nip,
        name,
        sex: if female { Sex::Female } else { Sex::Male },
        birth_date: birth,
        employment: if pppk {
            EmploymentType::Pppk
        } else {
            EmploymentType::Pns
        },
        rank: (!pppk).then_some(golongan),
        education: Some(edu),
        position_code: Some(post.code.clone()),
        position_since: Some(since),
    };
    let meta = Meta {
        nip,
        group: g,
        class: post.class,
        appointed_on,
        talent,
    };
    Some((employee, meta))
}

/// The date of a round, if it is a real date.
fn round_date(when: When, as_of: NaiveDate) -> Option<NaiveDate> {
    match when {
        When::On(y, m, d) => NaiveDate::from_ymd_opt(y, m, d),
        When::MonthsBefore(n) => as_of.checked_sub_months(Months::new(n)),
    }
}

/// Latest appointment date per group so that everyone a fixed round assessed in full was
/// already in service on that date (the seed counts are everyone of the class).
fn latest_appointment(spec: &Spec, as_of: NaiveDate) -> [NaiveDate; 5] {
    let mut out = [as_of; 5];
    for r in spec.rounds {
        let (When::On(..), Some(date)) = (r.when, round_date(r.when, as_of)) else {
            continue;
        };
        for g in Group::ALL {
            if r.share[g.index()] >= 100 && date < out[g.index()] {
                out[g.index()] = date;
            }
        }
    }
    out
}

// =====================================================================================
// Ratings, sanctions, results
// =====================================================================================

const PREDIKAT_SHARE: &[(Predikat, u32)] = &[
    (Predikat::SangatBaik, 15),
    (Predikat::Baik, 70),
    (Predikat::ButuhPerbaikan, 10),
    (Predikat::Kurang, 4),
    (Predikat::SangatKurang, 1),
];

fn ratings(spec: &Spec, metas: &[Meta], as_of: NaiveDate) -> Vec<RatingInput> {
    let mut out = Vec::new();
    for (i, m) in metas.iter().enumerate() {
        let mut rng = Rng::stream(spec.seed, SALT_RATING, i as u64);
        let first = rng.weighted(PREDIKAT_SHARE).unwrap_or(Predikat::Baik);
        let fresh = rng.weighted(PREDIKAT_SHARE).unwrap_or(Predikat::Baik);
        let second = if rng.percent(75) { first } else { fresh };
        let with_score = rng.percent(30);
        let score = match first {
            Predikat::SangatBaik => rng.range(9100, 9800),
            Predikat::Baik => rng.range(7600, 9090),
            Predikat::ButuhPerbaikan => rng.range(7000, 7590),
            Predikat::Kurang => rng.range(6100, 7490),
            Predikat::SangatKurang => rng.range(5000, 6090),
        } as u16;
        let appointed = m.appointed_on.year();
        let old_year = as_of.year() - 5;
        if with_score && appointed <= old_year {
            out.push(RatingInput {
                nip: m.nip,
                year: old_year,
                rating: Rating::Score(score),
            });
        }
        for (year, predikat) in [(as_of.year() - 2, first), (as_of.year() - 1, second)] {
            if appointed <= year {
                out.push(RatingInput {
                    nip: m.nip,
                    year,
                    rating: Rating::Predikat(predikat),
                });
            }
        }
    }
    out
}

const TEGURAN: &[&str] = &[
    "Teguran lisan",
    "Teguran tertulis",
    "Pernyataan tidak puas secara tertulis",
];
const PELANGGARAN_RINGAN: &[&str] = &[
    "tidak masuk kerja tanpa alasan yang sah selama 3 hari kerja",
    "terlambat masuk kerja secara berulang tanpa alasan yang sah",
    "tidak menaati ketentuan jam kerja",
    "tidak mengikuti apel pagi secara berulang tanpa keterangan",
];
const PELANGGARAN_SEDANG: &[&str] = &[
    "tidak masuk kerja tanpa alasan yang sah selama 12 hari kerja dalam satu tahun",
    "tidak mencapai target kinerja tanpa alasan yang sah",
    "menggunakan barang milik daerah untuk kepentingan pribadi",
    "tidak netral dalam pemilihan kepala daerah",
];
const PELANGGARAN_BERAT: &[&str] = &[
    "menyalahgunakan wewenang dalam pelayanan perizinan",
    "melakukan pungutan di luar ketentuan dalam pelayanan publik",
    "tidak masuk kerja tanpa alasan yang sah selama 22 hari kerja dalam satu tahun",
];

fn sanctions(spec: &Spec, metas: &[Meta], as_of: NaiveDate) -> Vec<SanctionInput> {
    let mut out = Vec::new();
    for (i, m) in metas.iter().enumerate() {
        let mut rng = Rng::stream(spec.seed, SALT_SANCTION, i as u64);
        if rng.below(1000) >= 15 {
            continue;
        }
        let level = rng
            .weighted(&[
                (SanctionLevel::Ringan, 55),
                (SanctionLevel::Sedang, 30),
                (SanctionLevel::Berat, 15),
            ])
            .unwrap_or(SanctionLevel::Ringan);
        let decided_on = days_before(as_of, rng.range(20, 4 * 365) as u64);
        if decided_on < days_after(m.appointed_on, 365) {
            continue;
        }
        let (description, ends_on) = match level {
            SanctionLevel::Ringan => (
                format!(
                    "{} karena {}",
                    rng.pick(TEGURAN),
                    rng.pick(PELANGGARAN_RINGAN)
                ),
                None,
            ),
            SanctionLevel::Sedang => {
                let months = rng.pick(&[6u32, 9, 12]);
                (
                    format!(
                        "Pemotongan tunjangan kinerja sebesar 25% selama {months} bulan karena {}",
                        rng.pick(PELANGGARAN_SEDANG)
                    ),
                    decided_on.checked_add_months(Months::new(months)),
                )
            }
            SanctionLevel::Berat => (
                format!(
                    "Penurunan jabatan setingkat lebih rendah selama 12 bulan karena {}",
                    rng.pick(PELANGGARAN_BERAT)
                ),
                decided_on.checked_add_months(Months::new(12)),
            ),
        };
        out.push(SanctionInput {
            nip: m.nip,
            sanction: Sanction {
                level,
                decided_on,
                ends_on,
                description,
            },
        });
    }
    out
}

/// `n` working days from `start` (Monday to Friday).
fn working_days(start: NaiveDate, n: usize) -> Vec<NaiveDate> {
    let mut out = Vec::with_capacity(n);
    let mut d = start;
    while out.len() < n {
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            out.push(d);
        }
        d = days_after(d, 1);
    }
    out
}

/// Assessed levels of one person in one round: half steps around the required level, scaled
/// by the person's latent match, with personal strengths and weaknesses per competency.
fn assessed_levels(
    spec: &Spec,
    index: usize,
    meta: &Meta,
    round: usize,
    rules: &RuleSet,
) -> Vec<(CompetencyCode, Level)> {
    let required = i64::from(rules.default_level(meta.class).tenths());
    let mut strength = Rng::stream(spec.seed, SALT_STRENGTH, index as u64);
    let mut noise = Rng::stream(spec.seed, SALT_ROUND + 10 + round as u64, index as u64);
    let talent = meta.talent + noise.range(-6, 6) + 2 * round as i64;
    CoreCompetency::ALL
        .iter()
        .map(|c| {
            let x = required * talent / 100 + strength.range(-5, 5) + noise.range(-3, 3);
            let half_steps = ((x.max(0) + 2) / 5 * 5).clamp(10, 50) as u8;
            (
                CompetencyCode::Core(*c),
                Level::from_tenths(half_steps).unwrap_or(Level::MIN),
            )
        })
        .collect()
}

fn results(spec: &Spec, metas: &[Meta], as_of: NaiveDate, rules: &RuleSet) -> Vec<ResultInput> {
    let mut out = Vec::new();
    // The last fixed round already held at `as_of`: a recent round must come clearly after it.
    let last_fixed = spec
        .rounds
        .iter()
        .filter(|r| matches!(r.when, When::On(..)))
        .filter_map(|r| round_date(r.when, as_of))
        .filter(|d| *d <= as_of)
        .max();
    for (ri, round) in spec.rounds.iter().enumerate() {
        let Some(start) = round_date(round.when, as_of) else {
            continue;
        };
        if start > as_of {
            continue;
        }
        if let (When::MonthsBefore(_), Some(fixed)) = (round.when, last_fixed)
            && start <= days_after(fixed, 180)
        {
            continue;
        }
        let mut rng = Rng::stream(spec.seed, SALT_ROUND + ri as u64, 0);
        let mut participants: Vec<usize> = Vec::new();
        for (i, m) in metas.iter().enumerate() {
            let share = round.share[m.group.index()];
            if share > 0 && rng.percent(share) && m.appointed_on < start {
                participants.push(i);
            }
        }
        let per_day = round.per_day.unwrap_or(usize::MAX).max(1);
        let days = round.days.max(participants.len().div_ceil(per_day)).max(1);
        let dates = working_days(start, days);
        let per_date = participants.len().div_ceil(days).max(1);
        let mut order = participants.clone();
        rng.shuffle(&mut order);
        let mut day_of: BTreeMap<usize, NaiveDate> = BTreeMap::new();
        for (k, i) in order.iter().enumerate() {
            let date = dates.get(k / per_date).copied().unwrap_or(start);
            day_of.insert(*i, date);
        }
        for i in participants {
            let Some(&date) = day_of.get(&i) else {
                continue;
            };
            if date > as_of {
                continue;
            }
            out.push(ResultInput {
                nip: metas[i].nip,
                assessed_on: date,
                provider: round.provider.to_string(),
                purpose: Purpose::Pemetaan,
                levels: assessed_levels(spec, i, &metas[i], ri, rules),
                job_class: None,
            });
        }
    }
    out
}

/// The competencies a government's decree raises half a level above the class default for a
/// structural post of a field: finance and law ask more integrity and decision making, technical
/// and IT posts managing change, health and social services public service; general
/// administration keeps the default. Posts of different fields therefore ask different totals.
fn emphasised(field: Field) -> &'static [CoreCompetency] {
    use CoreCompetency::*;
    match field {
        Field::Keuangan => &[M1, M4, M8],
        Field::Hukum => &[M1, M3, M8],
        Field::Teknik => &[M4, M7],
        Field::Informatika => &[M7, M8],
        Field::Kesehatan | Field::Medis | Field::Keperawatan | Field::Kebidanan => &[M5],
        Field::Pendidikan => &[M6],
        Field::Sosial => &[M5, Sk1],
        Field::Pertanian | Field::Lingkungan | Field::Perhubungan => &[M4],
        Field::Umum => &[],
    }
}

fn standards(posts: &[Post], rules: &RuleSet) -> Vec<StandardInput> {
    let mut out = Vec::with_capacity(posts.len() * 10);
    for p in posts {
        let level = rules.default_level(p.class);
        let structural = matches!(p.class, JptPratama | Administrator | Pengawas);
        for c in CoreCompetency::ALL {
            let raised = structural && emphasised(p.field).contains(&c);
            out.push(StandardInput {
                position_code: p.code.clone(),
                competency: CompetencyCode::Core(c),
                level: if raised {
                    Level::from_tenths(level.tenths() + 5).unwrap_or(level)
                } else {
                    level
                },
            });
        }
        if let (Some(code), PositionClass::Fungsional(j)) = (p.technical, p.class) {
            let whole = if matches!(j, J::AhliUtama | J::AhliMadya | J::AhliMuda | J::Penyelia) {
                3
            } else {
                2
            };
            out.push(StandardInput {
                position_code: p.code.clone(),
                competency: CompetencyCode::Technical(code.to_string()),
                level: Level::whole(whole).unwrap_or(Level::MIN),
            });
        }
    }
    out
}

fn build(spec: &Spec, as_of: NaiveDate, registry: &mut NipRegistry) -> DemoGovernment {
    let rules = RuleSet::default();
    let org = build_org(spec);
    let held = holders(spec, &org);
    let latest = latest_appointment(spec, as_of);
    let mut employees = Vec::new();
    let mut metas = Vec::new();
    for (post, &n) in org.posts.iter().zip(&held) {
        for _ in 0..n {
            let seat = Seat {
                post,
                index: employees.len(),
                latest: latest[Group::of(post.class).index()],
            };
            if let Some((e, m)) = person(spec, &seat, as_of, &rules, registry) {
                employees.push(e);
                metas.push(m);
            }
        }
    }
    let positions = org
        .posts
        .iter()
        .map(|p| PositionInput {
            code: p.code.clone(),
            name: p.name.clone(),
            class: p.class,
            eselon: p.eselon,
            unit_code: p.unit.clone(),
            superior_code: p.superior.clone(),
        })
        .collect();
    DemoGovernment {
        code: spec.code.to_string(),
        name: spec.name.to_string(),
        kind: spec.kind.to_string(),
        standards: standards(&org.posts, &rules),
        ratings: ratings(spec, &metas, as_of),
        sanctions: sanctions(spec, &metas, as_of),
        results: results(spec, &metas, as_of, &rules),
        units: org.units,
        positions,
        employees,
    }
}

/// Writes a demo government into the database (creating the tenant if needed) in one
/// transaction; loading twice changes nothing. Returns the numbers of units, positions and
/// employees now stored.
pub fn load(
    db: &mut talenta_store::Db,
    ctx: &crate::Ctx,
    g: &DemoGovernment,
) -> Result<(u64, u64, u64), crate::AppError> {
    use talenta_store::master as store;
    db.transaction(|tx| -> Result<(u64, u64, u64), crate::AppError> {
        let tenant = match store::tenant_by_code(tx, &g.code)? {
            Some(t) => t,
            None => store::create_tenant(tx, &g.code, &g.name, &g.kind, &RuleSet::default())?,
        };
        store::upsert_units(tx, tenant.id, &g.units)?;
        store::upsert_positions(tx, tenant.id, &g.positions)?;
        store::upsert_standards(tx, tenant.id, &g.standards)?;
        store::upsert_employees(tx, tenant.id, &g.employees)?;
        store::upsert_ratings(tx, tenant.id, &g.ratings)?;
        store::upsert_sanctions(tx, tenant.id, &g.sanctions)?;
        let results = store::upsert_results(tx, tenant.id, &g.results)?;
        ctx.record(
            tx,
            tenant.id,
            "demo.load",
            &format!("tenant:{}", g.code),
            serde_json::json!({ "employees": g.employees.len(), "results_inserted": results.inserted }),
        )?;
        Ok((
            store::count(tx, tenant.id, "units")?,
            store::count(tx, tenant.id, "positions")?,
            store::count(tx, tenant.id, "employees")?,
        ))
    })
}

/// One login per role for a demo government, with fresh random passwords (printed by
/// `talenta serve --demo`), and a second assessor. The employee login belongs to a person with a
/// valid result. A small scheduled event, "asesmen-demo", puts that person and three colleagues
/// of the same class before both assessors, so scoring, the assessors' meeting, integration and
/// the report can be tried at once.
pub fn accounts(
    db: &mut talenta_store::Db,
    ctx: &crate::Ctx,
    code: &str,
    as_of: NaiveDate,
) -> Result<Vec<(crate::access::Role, String, String)>, crate::AppError> {
    use crate::access::{self, Role};
    use talenta_store::master as store;
    let tenant = store::tenant_by_code(db, code)?
        .ok_or_else(|| crate::AppError::UnknownTenant(code.into()))?;
    let short = code.rsplit('-').next().unwrap_or(code);
    let map = crate::talent::talent_map(db, &tenant, as_of)?;
    let own = map
        .placements
        .iter()
        .find(|p| p.placed.is_ok())
        .map(|p| p.employee_id);
    let mut out = Vec::new();
    for role in Role::ALL {
        let login = format!("{}.{short}", role.code());
        let password = access::random_token(6)?;
        let employee = if role == Role::Employee { own } else { None };
        let name = match employee {
            Some(id) => store::employee(db, tenant.id, id)?
                .map(|e| e.name)
                .unwrap_or_else(|| role.label().into()),
            None => format!(
                "{} {}",
                role.label(),
                tenant.name.trim_start_matches("Pemerintah ")
            ),
        };
        access::put_account(
            db,
            ctx,
            &tenant,
            &access::AccountSpec {
                login: &login,
                display_name: &name,
                password: &password,
                role,
                employee_id: employee,
            },
        )?;
        out.push((role, login, password));
    }
    let second = format!("{}2.{short}", Role::Assessor.code());
    let password = access::random_token(6)?;
    access::put_account(
        db,
        ctx,
        &tenant,
        &access::AccountSpec {
            login: &second,
            display_name: &format!(
                "Asesor Kedua {}",
                tenant.name.trim_start_matches("Pemerintah ")
            ),
            password: &password,
            role: Role::Assessor,
            employee_id: None,
        },
    )?;
    out.push((Role::Assessor, second.clone(), password));
    if let Some(own) = own {
        demo_event(
            db,
            ctx,
            &tenant,
            own,
            [format!("asesor.{short}"), second],
            as_of,
        )?;
    }
    demo_selection(db, ctx, &tenant, &format!("pansel.{short}"), as_of)?;
    Ok(out)
}

/// The demo open selection (once): a vacant JPT Pratama post, three Administrators admitted,
/// a panel of three chaired by `panel_login`, one interview stage (weight 100, pass 60).
fn demo_selection(
    db: &mut talenta_store::Db,
    ctx: &crate::Ctx,
    tenant: &talenta_domain::master::Tenant,
    panel_login: &str,
    as_of: NaiveDate,
) -> Result<(), crate::AppError> {
    use crate::access::{Actor, Credential, Role};
    use crate::selection::{self, Kind, PanelSpec, SelectionSpec, Who};
    use talenta_domain::selection::{PassRule, Stage, StageKind};
    use talenta_store::master as store;
    const CODE: &str = "seleksi-demo";
    if talenta_store::selection::by_code(db, tenant.id, CODE)?.is_some() {
        return Ok(());
    }
    let positions = store::list_positions(db, tenant.id)?;
    let employees = store::list_employees(db, tenant.id)?;
    let held: std::collections::HashSet<i64> =
        employees.iter().filter_map(|e| e.position_id).collect();
    let Some(post) = positions
        .iter()
        .find(|p| p.class == JptPratama && !held.contains(&p.id))
    else {
        return Ok(());
    };
    let administrators: std::collections::HashSet<i64> = positions
        .iter()
        .filter(|p| p.class == Administrator)
        .map(|p| p.id)
        .collect();
    let applicants: Vec<Nip> = employees
        .iter()
        .filter(|e| e.position_id.is_some_and(|p| administrators.contains(&p)))
        .take(3)
        .map(|e| e.nip)
        .collect();
    let admin = Actor {
        account_id: None,
        name: "demo".into(),
        login: ctx.actor.clone(),
        tenant: tenant.clone(),
        role: Role::TenantAdmin,
        employee_id: None,
        tenants: Vec::new(),
        credential: Credential::ApiKey,
    };
    let member =
        |name: &str, org: &str, external: bool, chair: bool, login: Option<&str>| PanelSpec {
            name: name.into(),
            organisation: org.into(),
            external,
            chair,
            login: login.map(str::to_string),
        };
    let spec = SelectionSpec {
        code: CODE.into(),
        name: format!("Seleksi Terbuka {}", post.name),
        kind: Kind::Open,
        posts: vec![post.code.clone()],
        stages: vec![Stage {
            kind: StageKind::Interview,
            weight: 100,
            pass: PassRule::MinScore(6000),
        }],
        quorum: 1,
        requirements: "S1/D-IV; paling sedikit 5 tahun pengalaman; 2 tahun sebagai Administrator atau Ahli Madya; usia paling tinggi 56 tahun".into(),
        opens_on: as_of - chrono::Days::new(30),
        closes_on: as_of - chrono::Days::new(10),
        calendar: talenta_domain::selection::Calendar::default(),
        panel: vec![
            member("Ketua Pansel", "Universitas Brawijaya", true, true, Some(panel_login)),
            member("Kepala BKD Provinsi", "BKD Provinsi Jawa Timur", true, false, None),
            member("Sekretaris Daerah", tenant.name.as_str(), false, false, None),
        ],
        publish_scores: false,
    };
    selection::create(db, ctx, &admin, &spec)?;
    for nip in applicants {
        let id = selection::apply(
            db,
            ctx,
            &admin,
            CODE,
            &post.code,
            &Who::Internal(nip),
            as_of,
        )?;
        selection::screen(
            db,
            ctx,
            &admin,
            CODE,
            id,
            true,
            "berkas lengkap; diverifikasi panitia",
        )?;
    }
    Ok(())
}

/// The demo event (once): `own` and three colleagues of the same class, one day a week after
/// `as_of`, two external assessors signing in with `logins`, interview and in-tray, planned.
fn demo_event(
    db: &mut talenta_store::Db,
    ctx: &crate::Ctx,
    tenant: &talenta_domain::master::Tenant,
    own: i64,
    logins: [String; 2],
    as_of: NaiveDate,
) -> Result<(), crate::AppError> {
    use crate::access::{Actor, Credential, Role};
    use crate::event::{self, AssessorSpec, Cohort, EventSpec};
    use talenta_store::master as store;
    const CODE: &str = "asesmen-demo";
    if talenta_store::event::event_by_code(db, tenant.id, CODE)?.is_some() {
        return Ok(());
    }
    let positions: std::collections::HashMap<i64, talenta_domain::master::Position> =
        store::list_positions(db, tenant.id)?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
    let employees = store::list_employees(db, tenant.id)?;
    let class_of = |e: &talenta_domain::master::Employee| {
        e.position_id
            .and_then(|p| positions.get(&p))
            .map(|p| p.class)
    };
    let Some(me) = employees.iter().find(|e| e.id == own) else {
        return Ok(());
    };
    let class = class_of(me);
    let mut nips = vec![me.nip];
    nips.extend(
        employees
            .iter()
            .filter(|e| e.id != own && class.is_some() && class_of(e) == class)
            .take(3)
            .map(|e| e.nip),
    );
    let admin = Actor {
        account_id: None,
        name: "demo".into(),
        login: ctx.actor.clone(),
        tenant: tenant.clone(),
        role: Role::TenantAdmin,
        employee_id: None,
        tenants: Vec::new(),
        credential: Credential::ApiKey,
    };
    let spec = EventSpec {
        code: CODE.into(),
        name: "Asesmen Kompetensi Demo".into(),
        purpose: Purpose::Pemetaan,
        dates: vec![as_of + chrono::Days::new(7)],
        sessions: vec![8],
        rooms: vec!["Ruang Asesmen 1".into()],
        matrix: None,
        day_capacity: 8,
        per_participant: 2,
        max_per_assessor_day: 8,
        unit_share_percent: 100,
        cohort: Cohort {
            nips,
            ..Cohort::default()
        },
        assessors: logins
            .iter()
            .enumerate()
            .map(|(i, login)| {
                AssessorSpec::external(&format!(
                    "Asesor Demo {}|BKD Provinsi|Asesor SDM Aparatur Ahli Muda|{login}",
                    i + 1
                ))
            })
            .collect(),
        methods: vec![
            talenta_domain::method::Method::Interview,
            talenta_domain::method::Method::InTray,
        ],
        min_methods: 1,
        group_size: (4, 8),
        integration: talenta_domain::integration::Rule::Mean,
        missing: talenta_domain::integration::Missing::Skip,
    };
    event::create_event(db, ctx, &admin, &spec)?;
    event::plan(db, ctx, &admin, CODE)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use talenta_domain::jpm::{Jpm, match_profile};
    use talenta_domain::performance::performance_axis;
    use talenta_domain::talent::potential_from_jpm;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn as_of() -> NaiveDate {
        date(2026, 3, 2)
    }

    fn government(code: &str, as_of: NaiveDate) -> DemoGovernment {
        demo_governments(as_of)
            .into_iter()
            .find(|g| g.code == code)
            .unwrap()
    }

    fn class_counts(g: &DemoGovernment) -> BTreeMap<&'static str, usize> {
        let class: BTreeMap<&str, PositionClass> = g
            .positions
            .iter()
            .map(|p| (p.code.as_str(), p.class))
            .collect();
        let mut out = BTreeMap::new();
        for e in &g.employees {
            let c = class[e.position_code.as_deref().unwrap()];
            let key = match c {
                PositionClass::Fungsional(_) => "fungsional",
                other => other.code(),
            };
            *out.entry(key).or_insert(0) += 1;
        }
        out
    }

    #[test]
    fn the_mojokerto_government_has_exactly_268_pengawas() {
        for day in [as_of(), date(2021, 1, 4), date(2035, 6, 29)] {
            let g = government("kota-mojokerto", day);
            assert_eq!(g.name, "Pemerintah Kota Mojokerto");
            assert_eq!(g.kind, "kota");
            let counts = class_counts(&g);
            assert_eq!(counts["pengawas"], 268, "{day}");
            let total = g.employees.len();
            assert!((1_000..=1_500).contains(&total), "{total} employees");
            let pengawas: Vec<&PositionInput> = g
                .positions
                .iter()
                .filter(|p| p.class == PositionClass::Pengawas)
                .collect();
            assert!(
                pengawas
                    .iter()
                    .all(|p| matches!(p.eselon, Some(Eselon::IVA | Eselon::IVB)))
            );
        }
    }

    #[test]
    fn bekasi_has_exactly_210_administrators_784_pengawas_131_fungsional_and_1202_pelaksana() {
        for day in [as_of(), date(2021, 1, 4), date(2035, 6, 29)] {
            let g = government("kab-bekasi", day);
            assert_eq!(g.kind, "kabupaten");
            let counts = class_counts(&g);
            assert_eq!(counts["jpt_pratama"], 18, "{day}");
            assert_eq!(counts["administrator"], 210, "{day}");
            assert_eq!(counts["pengawas"], 784, "{day}");
            assert_eq!(counts["fungsional"], 131, "{day}");
            assert_eq!(counts["pelaksana"], 1202, "{day}");
            // The article's headline says 2,227, but its own parts add up to 2,327.
            assert_eq!(210 + 784 + 131 + 1202, 2327);
        }
    }

    #[test]
    fn every_nip_is_valid_unique_within_a_government_and_its_sex_matches() {
        for day in [as_of(), date(2021, 1, 4), date(2035, 6, 29)] {
            let mut everywhere = BTreeSet::new();
            for g in demo_governments(day) {
                let mut seen = BTreeSet::new();
                for e in &g.employees {
                    let nip = Nip::parse(&e.nip.digits()).unwrap();
                    assert!(seen.insert(nip), "duplicate NIP {nip} in {}", g.code);
                    assert!(everywhere.insert(nip), "NIP {nip} in two governments");
                    assert_eq!(nip.sex(), e.sex, "{}", e.name);
                    assert_eq!(nip.birth_date(), e.birth_date, "{}", e.name);
                    assert_eq!(nip.employment_type(), e.employment, "{}", e.name);
                    let at_tmt = full_years(e.birth_date, nip.appointed_on());
                    assert!((19..=35).contains(&at_tmt), "{nip}: {at_tmt}");
                    assert!(nip.appointed_on() <= day, "{nip}");
                    assert!(nip.warnings(day, &Default::default()).is_empty(), "{nip}");
                    assert_eq!(e.rank.is_none(), e.employment == EmploymentType::Pppk);
                    let since = e.position_since.unwrap();
                    assert!(since <= day && since >= nip.appointed_on());
                    assert!(since >= days_before(day, 8 * 365 + 2));
                }
                let pppk = g
                    .employees
                    .iter()
                    .filter(|e| e.employment == EmploymentType::Pppk)
                    .count();
                assert!(day.year() < 2019 || pppk > 0, "{} has no PPPK", g.code);
            }
        }
    }

    #[test]
    fn every_employee_has_an_existing_post_and_every_post_has_its_unit_and_superior_earlier() {
        for g in demo_governments(as_of()) {
            let mut units = BTreeSet::new();
            for u in &g.units {
                if let Some(parent) = &u.parent_code {
                    assert!(units.contains(parent.as_str()), "unit {}", u.code);
                }
                assert!(units.insert(u.code.as_str()), "unit {} twice", u.code);
            }
            let mut posts: BTreeMap<&str, &PositionInput> = BTreeMap::new();
            for p in &g.positions {
                assert!(units.contains(p.unit_code.as_str()), "post {}", p.code);
                if let Some(sup) = &p.superior_code {
                    assert!(posts.contains_key(sup.as_str()), "post {}", p.code);
                }
                if let Some(e) = p.eselon {
                    assert!(p.class.allows_eselon(e), "{} {e}", p.code);
                }
                assert!(
                    posts.insert(p.code.as_str(), p).is_none(),
                    "{} twice",
                    p.code
                );
            }
            let roots: Vec<&str> = g
                .positions
                .iter()
                .filter(|p| p.superior_code.is_none())
                .map(|p| p.code.as_str())
                .collect();
            assert_eq!(roots, ["setda.sekda"]);
            let mut holders: BTreeMap<&str, usize> = BTreeMap::new();
            for e in &g.employees {
                let code = e.position_code.as_deref().unwrap();
                assert!(posts.contains_key(code), "{code}");
                *holders.entry(code).or_insert(0) += 1;
            }
            for p in &g.positions {
                let sup = p.superior_code.as_deref().map(|s| posts[s].class);
                match p.class {
                    PositionClass::Pengawas | PositionClass::Administrator => {
                        assert!(holders.get(p.code.as_str()).copied().unwrap_or(0) <= 1);
                    }
                    PositionClass::Pelaksana => {
                        assert_eq!(sup, Some(PositionClass::Pengawas), "{}", p.code)
                    }
                    _ => {}
                }
                if p.class == PositionClass::JptPratama {
                    assert!(holders.get(p.code.as_str()).copied().unwrap_or(0) <= 1);
                }
            }
            // Within a dinas or badan the chain is Pengawas -> Administrator -> JPT head.
            let seksi = &posts["dinkes.bidang1.seksi1"];
            let kabid = posts[seksi.superior_code.as_deref().unwrap()];
            assert_eq!(kabid.class, PositionClass::Administrator);
            assert_eq!(kabid.unit_code, seksi.unit_code);
            let head = posts[kabid.superior_code.as_deref().unwrap()];
            assert_eq!(head.class, PositionClass::JptPratama);
        }
    }

    #[test]
    fn two_calls_give_identical_output() {
        assert_eq!(demo_governments(as_of()), demo_governments(as_of()));
        let other = demo_governments(date(2025, 1, 15));
        assert_ne!(demo_governments(as_of()), other);
    }

    #[test]
    fn every_position_has_the_nine_core_standards_at_its_class_default_or_raised_by_its_field() {
        let rules = RuleSet::default();
        for g in demo_governments(as_of()) {
            let mut by_post: BTreeMap<&str, Vec<&StandardInput>> = BTreeMap::new();
            for s in &g.standards {
                by_post.entry(s.position_code.as_str()).or_default().push(s);
            }
            let mut technical = 0;
            for p in &g.positions {
                let items = &by_post[p.code.as_str()];
                let core: Vec<_> = items
                    .iter()
                    .filter(|s| !s.competency.is_technical())
                    .collect();
                assert_eq!(core.len(), 9, "{}", p.code);
                // Structural posts: up to three competencies of their field half a level higher.
                let default = rules.default_level(p.class);
                let raised = core.iter().filter(|s| s.level != default).count();
                let structural = matches!(
                    p.class,
                    PositionClass::JptPratama
                        | PositionClass::Administrator
                        | PositionClass::Pengawas
                );
                assert!(raised <= if structural { 3 } else { 0 }, "{}", p.code);
                assert!(
                    core.iter()
                        .all(|s| s.level == default || s.level.tenths() == default.tenths() + 5)
                );
                for s in items.iter().filter(|s| s.competency.is_technical()) {
                    assert!(matches!(p.class, PositionClass::Fungsional(_)));
                    assert!(s.competency.code().starts_with("T."));
                    assert!(
                        s.level == Level::whole(2).unwrap() || s.level == Level::whole(3).unwrap()
                    );
                    technical += 1;
                }
            }
            assert!(technical > 5, "{} technical standards", technical);
        }
    }

    #[test]
    fn the_seed_assessments_cover_all_268_pengawas_of_mojokerto_and_the_four_classes_of_bekasi() {
        let moj = government("kota-mojokerto", as_of());
        let on_day = moj
            .results
            .iter()
            .filter(|r| {
                r.assessed_on == date(2021, 6, 9) && r.provider == "BKD Provinsi Jawa Timur"
            })
            .count();
        assert_eq!(on_day, 268);
        assert!(
            moj.results
                .iter()
                .any(|r| r.assessed_on > date(2023, 12, 1))
        );
        let bekasi = government("kab-bekasi", as_of());
        let october: BTreeSet<Nip> = bekasi
            .results
            .iter()
            .filter(|r| {
                r.provider == "BKPSDM Kabupaten Bekasi"
                    && (date(2021, 10, 5)..=date(2021, 10, 7)).contains(&r.assessed_on)
            })
            .map(|r| r.nip)
            .collect();
        assert_eq!(october.len(), 210 + 784 + 131 + 1202);
        for g in [&moj, &bekasi] {
            for r in &g.results {
                assert_eq!(r.levels.len(), 9);
                assert!(r.levels.iter().all(|(_, l)| l.tenths() % 5 == 0));
                assert!(r.assessed_on <= as_of());
            }
        }
    }

    #[test]
    fn jpm_spans_sixty_to_a_hundred_and_twenty_percent_and_all_nine_talent_boxes_occur() {
        let rules = RuleSet::default();
        let mut boxes = BTreeSet::new();
        let (mut lowest, mut highest) = (f64::MAX, 0.0f64);
        for g in demo_governments(as_of()) {
            let class: BTreeMap<&str, PositionClass> = g
                .positions
                .iter()
                .map(|p| (p.code.as_str(), p.class))
                .collect();
            let by_nip: BTreeMap<Nip, &EmployeeInput> =
                g.employees.iter().map(|e| (e.nip, e)).collect();
            let mut latest: BTreeMap<Nip, &ResultInput> = BTreeMap::new();
            for r in &g.results {
                latest.insert(r.nip, r);
            }
            for (nip, r) in latest {
                let c = class[by_nip[&nip].position_code.as_deref().unwrap()];
                let required: Vec<(CompetencyCode, Level)> = CoreCompetency::ALL
                    .iter()
                    .map(|k| (CompetencyCode::Core(*k), rules.default_level(c)))
                    .collect();
                let jpm: Jpm = match_profile(&r.levels, &required, None).jpm.unwrap();
                if rules.default_level(c) > Level::MIN {
                    lowest = lowest.min(jpm.percent());
                    highest = highest.max(jpm.percent());
                }
                let ratings: Vec<(i32, Rating)> = g
                    .ratings
                    .iter()
                    .filter(|x| x.nip == nip)
                    .map(|x| (x.year, x.rating))
                    .collect();
                let axis = performance_axis(&ratings, as_of().year(), &rules.performance);
                if let Some(perf) = axis.axis {
                    let pot = potential_from_jpm(jpm, &rules.potential);
                    boxes.insert(rules.boxes.place(pot, perf).0);
                }
            }
        }
        assert!(lowest < 68.0, "lowest JPM {lowest}");
        assert!(highest > 110.0, "highest JPM {highest}");
        assert_eq!(boxes, (1..=9).collect::<BTreeSet<u8>>());
    }

    #[test]
    fn ratings_sanctions_and_names_look_like_a_real_civil_service() {
        let g = government("kab-bekasi", as_of());
        let predikat: Vec<Predikat> = g
            .ratings
            .iter()
            .filter_map(|r| match r.rating {
                Rating::Predikat(p) if r.year == as_of().year() - 1 => Some(p),
                _ => None,
            })
            .collect();
        let share = |p: Predikat| {
            100.0 * predikat.iter().filter(|x| **x == p).count() as f64 / predikat.len() as f64
        };
        assert!((10.0..20.0).contains(&share(Predikat::SangatBaik)));
        assert!((62.0..78.0).contains(&share(Predikat::Baik)));
        let scores = g
            .ratings
            .iter()
            .filter(|r| matches!(r.rating, Rating::Score(_)))
            .count();
        assert!(scores * 100 / g.employees.len() >= 20, "{scores} scores");
        let sanctioned = g.sanctions.len() * 1000 / g.employees.len();
        assert!((5..=30).contains(&sanctioned), "{sanctioned} per mille");
        let levels: BTreeSet<SanctionLevel> =
            g.sanctions.iter().map(|s| s.sanction.level).collect();
        assert_eq!(levels.len(), 3);
        let names: BTreeSet<&str> = g.employees.iter().map(|e| e.name.as_str()).collect();
        assert!(
            names.len() * 10 >= g.employees.len() * 9,
            "{} distinct names",
            names.len()
        );
        assert!(g.employees.iter().any(|e| e.name.starts_with("Dr. ")));
        assert!(g.employees.iter().any(|e| e.name.contains(", S.")));
        assert!(g.employees.iter().any(|e| e.name.contains(", M.")));
    }
}
