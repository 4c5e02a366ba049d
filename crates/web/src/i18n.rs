//! The words of the pages: Bahasa Indonesia by default, English when chosen (`?lang=en`, kept
//! in a cookie). One struct per language, so a missing word fails to compile.

use axum::http::HeaderMap;

/// Page language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

impl Lang {
    /// From the `talenta-lang` cookie; Bahasa Indonesia otherwise.
    pub fn of(headers: &HeaderMap) -> Lang {
        // The last cookie wins: `?lang=` appends the new choice after an older one.
        let chosen = headers
            .get_all(axum::http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|kv| kv.trim().strip_prefix("talenta-lang="))
            .next_back();
        match chosen {
            Some("en") => Lang::En,
            _ => Lang::Id,
        }
    }

    /// The words.
    pub fn msgs(self) -> &'static Msgs {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }

    /// Code for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

/// Every word on the pages.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct Msgs {
    pub app: &'static str,
    pub login: &'static str,
    pub logout: &'static str,
    pub username: &'static str,
    pub password: &'static str,
    pub home: &'static str,
    pub employees: &'static str,
    pub talent_map: &'static str,
    pub audit: &'static str,
    pub my_access: &'static str,
    pub search: &'static str,
    pub all_units: &'static str,
    pub all_classes: &'static str,
    pub nip: &'static str,
    pub name: &'static str,
    pub position: &'static str,
    pub unit: &'static str,
    pub class: &'static str,
    pub rank: &'static str,
    pub page: &'static str,
    pub of: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub found: &'static str,
    pub ratings: &'static str,
    pub sanctions: &'static str,
    pub results: &'static str,
    pub year: &'static str,
    pub predicate: &'static str,
    pub date: &'static str,
    pub provider: &'static str,
    pub purpose: &'static str,
    pub none: &'static str,
    pub box_label: &'static str,
    pub whole_government: &'static str,
    pub show: &'static str,
    pub pool: &'static str,
    pub unplaced: &'static str,
    pub time: &'static str,
    pub actor: &'static str,
    pub action: &'static str,
    pub subject: &'static str,
    pub detail: &'static str,
    pub role: &'static str,
    pub welcome: &'static str,
    pub no_access_yet: &'static str,
    pub download_my_data: &'static str,
    pub performance: &'static str,
    pub potential: &'static str,
    pub birth_date: &'static str,
    pub education: &'static str,
    pub since: &'static str,
    pub people_in_box: &'static str,
    pub results_hidden: &'static str,
    pub error: &'static str,
    pub back: &'static str,
    pub keys: &'static str,
    pub keys_intro: &'static str,
    pub keys_none: &'static str,
    pub keys_created: &'static str,
    pub keys_expires: &'static str,
    pub keys_status: &'static str,
    pub keys_active: &'static str,
    pub keys_expired: &'static str,
    pub keys_revoked: &'static str,
    pub keys_no_end: &'static str,
    pub keys_new: &'static str,
    pub keys_name: &'static str,
    pub keys_create: &'static str,
    pub keys_revoke: &'static str,
    pub keys_confirm: &'static str,
    pub keys_secret: &'static str,
    pub keys_secret_use: &'static str,
    pub date_format: &'static str,
}

/// Bahasa Indonesia.
pub static ID: Msgs = Msgs {
    app: "talenta",
    login: "Masuk",
    logout: "Keluar",
    username: "Nama pengguna",
    password: "Kata sandi",
    home: "Beranda",
    employees: "Pegawai",
    talent_map: "Peta Talenta",
    audit: "Log Audit",
    my_access: "Siapa yang membuka data saya",
    search: "Cari",
    all_units: "Semua unit kerja",
    all_classes: "Semua kelas jabatan",
    nip: "NIP",
    name: "Nama",
    position: "Jabatan",
    unit: "Unit kerja",
    class: "Kelas jabatan",
    rank: "Golongan",
    page: "Halaman",
    of: "dari",
    previous: "Sebelumnya",
    next: "Berikutnya",
    found: "pegawai ditemukan",
    ratings: "Penilaian kinerja",
    sanctions: "Hukuman disiplin",
    results: "Hasil asesmen",
    year: "Tahun",
    predicate: "Predikat",
    date: "Tanggal",
    provider: "Penyelenggara",
    purpose: "Tujuan",
    none: "Tidak ada",
    box_label: "Kotak",
    whole_government: "Seluruh instansi",
    show: "Tampilkan",
    pool: "Kelompok rencana suksesi (kotak 7, 8, 9)",
    unplaced: "Belum dapat dipetakan",
    time: "Waktu",
    actor: "Pelaku",
    action: "Tindakan",
    subject: "Objek",
    detail: "Rincian",
    role: "Peran",
    welcome: "Selamat datang",
    no_access_yet: "Belum ada yang membuka data Anda.",
    download_my_data: "Unduh semua data saya (.xlsx): data pribadi, riwayat jabatan, kinerja, hukuman disiplin, hasil asesmen dan siapa yang membukanya",
    performance: "Kinerja",
    potential: "Potensial",
    birth_date: "Tanggal lahir",
    education: "Pendidikan",
    since: "sejak",
    people_in_box: "Pegawai dalam kotak",
    results_hidden: "Anda tidak berhak melihat hasil asesmen pegawai ini.",
    error: "Terjadi masalah",
    back: "Kembali ke beranda",
    keys: "Kunci API",
    keys_intro: "Kunci untuk sistem lain (mis. SIMPEG) yang memakai API talenta atas nama instansi ini. Kunci ditampilkan sekali saat dibuat dan hanya disimpan hash-nya; kunci yang dicabut atau kedaluwarsa langsung ditolak.",
    keys_none: "Belum ada kunci API.",
    keys_created: "Dibuat",
    keys_expires: "Berlaku sampai",
    keys_status: "Status",
    keys_active: "aktif",
    keys_expired: "kedaluwarsa",
    keys_revoked: "dicabut",
    keys_no_end: "tanpa batas",
    keys_new: "Kunci API baru",
    keys_name: "Nama (sistem pemakai, mis. simpeg)",
    keys_create: "Buat kunci",
    keys_revoke: "Cabut",
    keys_confirm: "Ya, cabut kunci ini",
    keys_secret: "Salin dan simpan kunci ini sekarang: kunci tidak akan ditampilkan lagi.",
    keys_secret_use: "Kirim sebagai header Authorization: Bearer <kunci>.",
    date_format: "TTTT-BB-HH",
};

/// English.
pub static EN: Msgs = Msgs {
    app: "talenta",
    login: "Sign in",
    logout: "Sign out",
    username: "User name",
    password: "Password",
    home: "Home",
    employees: "Employees",
    talent_map: "Talent map",
    audit: "Audit log",
    my_access: "Who opened my data",
    search: "Search",
    all_units: "All units",
    all_classes: "All position classes",
    nip: "NIP",
    name: "Name",
    position: "Position",
    unit: "Unit",
    class: "Position class",
    rank: "Rank",
    page: "Page",
    of: "of",
    previous: "Previous",
    next: "Next",
    found: "employees found",
    ratings: "Performance ratings",
    sanctions: "Disciplinary sanctions",
    results: "Assessment results",
    year: "Year",
    predicate: "Rating",
    date: "Date",
    provider: "Provider",
    purpose: "Purpose",
    none: "None",
    box_label: "Box",
    whole_government: "Whole government",
    show: "Show",
    pool: "Succession pool (boxes 7, 8, 9)",
    unplaced: "Not yet mapped",
    time: "Time",
    actor: "Actor",
    action: "Action",
    subject: "Subject",
    detail: "Detail",
    role: "Role",
    welcome: "Welcome",
    no_access_yet: "Nobody has opened your data yet.",
    download_my_data: "Download all my data (.xlsx): record, positions held, performance, sanctions, assessment results and who opened them",
    performance: "Performance",
    potential: "Potential",
    birth_date: "Birth date",
    education: "Education",
    since: "since",
    people_in_box: "Employees in box",
    results_hidden: "You may not see this employee's assessment results.",
    error: "Something went wrong",
    back: "Back to the home page",
    keys: "API keys",
    keys_intro: "Keys for other systems (e.g. SIMPEG) that use the talenta API on behalf of this government. A key is shown once when it is made and only its hash is kept; a revoked or expired key is refused at once.",
    keys_none: "No API keys yet.",
    keys_created: "Created",
    keys_expires: "Valid until",
    keys_status: "Status",
    keys_active: "active",
    keys_expired: "expired",
    keys_revoked: "revoked",
    keys_no_end: "no end",
    keys_new: "New API key",
    keys_name: "Name (the system using it, e.g. simpeg)",
    keys_create: "Create key",
    keys_revoke: "Revoke",
    keys_confirm: "Yes, revoke this key",
    keys_secret: "Copy and keep this key now: it will not be shown again.",
    keys_secret_use: "Send it as the header Authorization: Bearer <key>.",
    date_format: "YYYY-MM-DD",
};

mod access;
mod directory;
mod event;
mod jpm;
mod meeting;
mod report;
mod results;
mod rotation;
mod scoring;
mod selection;
mod succession;
mod tenant;

impl Lang {
    /// The Bahasa Indonesia or the English of a text.
    pub fn pick<T>(self, id: T, en: T) -> T {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

/// What a person reads when a use case fails, in their language. The CLI speaks Bahasa
/// Indonesia through this too.
pub fn app_error(e: &talenta_app::AppError, lang: Lang) -> String {
    use talenta_app::AppError as E;
    use talenta_app::error::Fault;
    match e {
        E::UnknownTenant(code) => lang.pick(
            format!("instansi '{code}' tidak ditemukan"),
            format!("government '{code}' not found"),
        ),
        E::ChooseTenant(codes) => lang.pick(
            format!(
                "ada {} instansi ({}): pilih salah satu dengan --tenant KODE",
                codes.len(),
                codes.join(", ")
            ),
            format!(
                "there are {} governments ({}): choose one with --tenant CODE",
                codes.len(),
                codes.join(", ")
            ),
        ),
        E::NoTenant => lang.pick(
            "belum ada instansi: jalankan 'talenta init --tenant KODE --name NAMA' atau 'talenta demo'",
            "no government yet: run 'talenta init --tenant CODE --name NAME' or 'talenta demo'",
        )
        .to_string(),
        E::UnknownEmployee(nip) => lang.pick(
            format!("pegawai dengan NIP {nip} tidak ditemukan"),
            format!("no employee with NIP {nip}"),
        ),
        E::UnknownPosition(code) => lang.pick(
            format!("jabatan dengan kode '{code}' tidak ditemukan"),
            format!("no position with code '{code}'"),
        ),
        E::NoStandard(code) => lang.pick(
            format!("jabatan '{code}' belum memiliki standar kompetensi"),
            format!("position '{code}' has no competency standard yet"),
        ),
        E::NoValidResult { nip, last, years } => match last {
            Some(d) => lang.pick(
                format!("pegawai {nip} tidak memiliki hasil asesmen yang masih berlaku (hasil terakhir {d}, berlaku {years} tahun)"),
                format!("employee {nip} has no assessment result that is still valid (latest {d}, valid for {years} years)"),
            ),
            None => lang.pick(
                format!("pegawai {nip} tidak memiliki hasil asesmen yang masih berlaku"),
                format!("employee {nip} has no assessment result that is still valid"),
            ),
        },
        E::TenantExists(code) => lang.pick(
            format!("instansi '{code}' sudah ada"),
            format!("government '{code}' already exists"),
        ),
        E::Forbidden => lang
            .pick("Anda tidak berhak melakukan ini", "you may not do this")
            .to_string(),
        E::Refused(r) => refusal(r, lang),
        E::Fault(Fault::Random(detail)) => lang.pick(
            format!("sumber acak sistem tidak dapat dibaca: {detail}"),
            format!("the system's random source cannot be read: {detail}"),
        ),
        E::Fault(Fault::PasswordHash(detail)) => lang.pick(
            format!("kata sandi tidak dapat di-hash: {detail}"),
            format!("the password cannot be hashed: {detail}"),
        ),
        E::Fault(Fault::AuditKeyMissing { path }) => lang.pick(
            format!("kunci audit {path} tidak ada, padahal basis data ini sudah berisi log audit: pasang kembali salinan kunci itu (--audit-key BERKAS). Kunci baru tidak dibuat, karena kunci baru tidak dapat memeriksa log yang ada"),
            format!("the audit key {path} is missing although this database already holds an audit trail: put a copy of that key back (--audit-key FILE). No new key is made, since a new key could verify none of the existing log"),
        ),
        E::Fault(Fault::AuditKey { path, detail }) => lang.pick(
            format!("kunci audit {path}: {detail}"),
            format!("audit key {path}: {detail}"),
        ),
        E::Backup(b) => backup(b, lang),
        E::Store(s) => lang.pick(
            format!("penyimpanan data gagal; hubungi administrator (kode {})", s.code()),
            format!("storing the data failed; contact the administrator (code {})", s.code()),
        ),
        E::Export(x) => lang.pick(
            format!("dokumen tidak dapat dibuat; hubungi administrator ({x})"),
            format!("the document cannot be written; contact the administrator ({x})"),
        ),
    }
}

/// Why a use case refused, in the page's language.
pub fn refusal(r: &talenta_app::error::Refusal, lang: Lang) -> String {
    use talenta_app::error::Refusal as R;
    match r {
        R::Access(r) => access::say(r, lang),
        R::Event(r) => event::say(r, lang),
        R::Selection(r) => selection::say(r, lang),
        R::Results(r) => results::say(r, lang),
        R::Scoring(r) => scoring::say(r, lang),
        R::Meeting(r) => meeting::say(r, lang),
        R::Rotation(r) => rotation::say(r, lang),
        R::Succession(r) => succession::say(r, lang),
        R::Jpm(r) => jpm::say(r, lang),
        R::Directory(r) => directory::say(r, lang),
        R::Report(r) => report::say(r, lang),
        R::Tenant(r) => tenant::say(r, lang),
    }
}

/// Why a backup could not be taken or restored.
fn backup(e: &talenta_app::backup::BackupError, lang: Lang) -> String {
    use talenta_app::backup::BackupError as B;
    match e {
        B::Io { path, detail } => lang.pick(
            format!("berkas {path} tidak dapat dibaca atau ditulis: {detail}"),
            format!("file {path} cannot be read or written: {detail}"),
        ),
        B::NotABackup(why) => lang.pick(
            format!("berkas ini bukan cadangan talenta ({why})"),
            format!("this file is not a talenta backup ({why})"),
        ),
        B::NotAnAnchor(why) => lang.pick(
            format!("berkas ini bukan cadangan atau titik periksa audit talenta ({why})"),
            format!("this file is neither a talenta backup nor an audit checkpoint ({why})"),
        ),
        B::ForeignCheckpoint => lang
            .pick(
                "titik periksa ini dibuat oleh instalasi lain (kunci audit berbeda) atau isinya diubah: tidak dapat dipakai sebagai jangkar",
                "this checkpoint was made by another installation (a different audit key) or was changed: it cannot serve as an anchor",
            )
            .to_string(),
        B::Foreign => lang
            .pick(
                "cadangan ini dibuat oleh instalasi lain (kunci audit berbeda) atau manifesnya diubah: tidak dipulihkan",
                "this backup was made by another installation (a different audit key) or its manifest was changed: not restored",
            )
            .to_string(),
        B::Damaged => lang
            .pick(
                "basis data di dalam cadangan rusak (checksum atau ukuran tidak cocok): tidak dipulihkan",
                "the database inside the backup is damaged (checksum or size differs): not restored",
            )
            .to_string(),
        B::TargetNotEmpty => lang
            .pick(
                "basis data tujuan sudah berisi data: pulihkan hanya ke basis data kosong",
                "the target database already holds data: restore only into an empty database",
            )
            .to_string(),
        B::WrongEngine { backup, target } => lang.pick(
            format!("cadangan ini dari {backup:?}, tujuan {target:?}: pulihkan ke mesin yang sama"),
            format!("this backup is of {backup:?}, the target is {target:?}: restore to the same engine"),
        ),
        B::Tool { tool, detail } => lang.pick(
            format!("{tool} gagal: {detail}"),
            format!("{tool} failed: {detail}"),
        ),
        B::Mismatch(what) => lang.pick(
            format!("salinan yang dipulihkan tidak sama dengan manifes: {what}"),
            format!("the restored copy differs from the manifest: {what}"),
        ),
        B::Store(s) => lang.pick(
            format!("penyimpanan data gagal; hubungi administrator (kode {})", s.code()),
            format!("storing the data failed; contact the administrator (code {})", s.code()),
        ),
    }
}
