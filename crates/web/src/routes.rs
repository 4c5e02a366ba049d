//! The route registry: every route with its method, path, permission, whether it changes
//! data and whether it shows personal data. The router, the guard, the OpenAPI document and the
//! authorisation matrix test are all built from this one list, so a route cannot exist without
//! a policy.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::routing::{MethodRouter, get, post};
use talenta_app::access::Permission;

use crate::{
    AppState, access_pages, api, event_pages, guard, master_pages, pages, result_pages,
    rotation_pages, security, selection_pages, succession_pages,
};

/// What the path parameter `{id}` of a route names, so tests can aim it at the actor's own
/// record, another record of the same tenant, or a record of another tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// No path parameter.
    None,
    /// An employee id.
    Employee,
    /// A position id.
    Position,
    /// A talent box number 1-9.
    Box,
    /// A file name of a static asset.
    Asset,
    /// An import report id.
    Report,
    /// An import template file name, e.g. `employees.xlsx`.
    Template,
    /// An event code.
    Event,
    /// A selection code.
    Selection,
    /// A public announcement: `tenant.selection`.
    Announcement,
    /// The name of an API key of the tenant.
    ApiKey,
}

/// One route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSpec {
    /// Name of the handler, for documents and tests.
    pub name: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Path as axum writes it.
    pub path: &'static str,
    /// What the actor must be allowed to do.
    pub permission: Permission,
    /// Whether it changes data (and therefore needs a CSRF token from a browser session).
    pub mutates: bool,
    /// Whether it shows a person's data (never cached; reads of results are recorded).
    pub personal: bool,
    /// Part of the JSON API (JSON errors, API keys accepted, in the OpenAPI document).
    pub api: bool,
    /// What `{id}` names.
    pub target: Target,
    /// One line for the OpenAPI document.
    pub summary: &'static str,
}

const fn page(
    name: &'static str,
    path: &'static str,
    permission: Permission,
    target: Target,
    summary: &'static str,
) -> RouteSpec {
    RouteSpec {
        name,
        method: Method::GET,
        path,
        permission,
        mutates: false,
        personal: false,
        api: false,
        target,
        summary,
    }
}

/// Every route with its handler.
pub fn registry() -> Vec<(RouteSpec, MethodRouter<AppState>)> {
    use Permission::*;
    let personal = |mut s: RouteSpec| {
        s.personal = true;
        s
    };
    let mutating = |mut s: RouteSpec, method: Method| {
        s.mutates = true;
        s.method = method;
        s
    };
    let api_route = |mut s: RouteSpec| {
        s.api = true;
        s
    };
    vec![
        (
            page(
                "static",
                "/static/{file}",
                Public,
                Target::Asset,
                "Berkas statis",
            ),
            get(pages::asset),
        ),
        (
            page(
                "login_form",
                "/masuk",
                Public,
                Target::None,
                "Halaman masuk",
            ),
            get(pages::login_form),
        ),
        (
            mutating(
                page("login", "/masuk", Public, Target::None, "Masuk"),
                Method::POST,
            ),
            post(pages::login),
        ),
        (
            mutating(
                page("logout", "/keluar", SignedIn, Target::None, "Keluar"),
                Method::POST,
            ),
            post(pages::logout),
        ),
        (
            mutating(
                page(
                    "switch_tenant",
                    "/instansi",
                    SignedIn,
                    Target::None,
                    "Pindah ke instansi lain dari akun yang sama",
                ),
                Method::POST,
            ),
            post(pages::switch_tenant),
        ),
        (
            page(
                "dashboard",
                "/",
                SignedIn,
                Target::None,
                "Beranda sesuai peran",
            ),
            get(pages::dashboard),
        ),
        (
            page(
                "employees",
                "/pegawai",
                ViewMasterData,
                Target::None,
                "Daftar pegawai",
            ),
            get(pages::employees),
        ),
        (
            personal(page(
                "employee",
                "/pegawai/{id}",
                ViewEmployee,
                Target::Employee,
                "Data seorang pegawai",
            )),
            get(pages::employee),
        ),
        (
            page(
                "events",
                "/acara",
                ViewMasterData,
                Target::None,
                "Acara asesmen",
            ),
            get(event_pages::events),
        ),
        (
            page(
                "new_event",
                "/acara/baru",
                EditMasterData,
                Target::None,
                "Formulir acara asesmen baru",
            ),
            get(event_pages::new_event),
        ),
        (
            mutating(
                page(
                    "create_event",
                    "/acara",
                    EditMasterData,
                    Target::None,
                    "Buat acara asesmen",
                ),
                Method::POST,
            ),
            post(event_pages::create_event),
        ),
        (
            page(
                "event",
                "/acara/{id}",
                ViewMasterData,
                Target::Event,
                "Acara dan jadwalnya",
            ),
            get(event_pages::event),
        ),
        (
            mutating(
                page(
                    "event_schedule",
                    "/acara/{id}/jadwal",
                    EditMasterData,
                    Target::Event,
                    "Susun jadwal acara",
                ),
                Method::POST,
            ),
            post(event_pages::schedule),
        ),
        (
            page(
                "event_roster",
                "/acara/{id}/daftar",
                ViewMasterData,
                Target::Event,
                "Daftar peserta dan jadwal asesor (.xlsx)",
            ),
            get(event_pages::roster),
        ),
        (
            mutating(
                page(
                    "event_check_in",
                    "/acara/{id}/hadir",
                    EditMasterData,
                    Target::Event,
                    "Catat kehadiran peserta",
                ),
                Method::POST,
            ),
            post(event_pages::check_in),
        ),
        (
            mutating(
                page(
                    "event_move",
                    "/acara/{id}/pindah",
                    EditMasterData,
                    Target::Event,
                    "Pindahkan peserta ke hari dan sesi lain",
                ),
                Method::POST,
            ),
            post(event_pages::move_participant),
        ),
        (
            mutating(
                page(
                    "event_unavailable",
                    "/acara/{id}/berhalangan",
                    EditMasterData,
                    Target::Event,
                    "Catat hari berhalangan peserta atau asesor",
                ),
                Method::POST,
            ),
            post(event_pages::unavailable),
        ),
        (
            mutating(
                page(
                    "event_conflict",
                    "/acara/{id}/konflik",
                    EditMasterData,
                    Target::Event,
                    "Catat hubungan asesor dengan peserta",
                ),
                Method::POST,
            ),
            post(event_pages::declare_conflict),
        ),
        (
            mutating(
                page(
                    "event_publish",
                    "/acara/{id}/terbitkan",
                    EditMasterData,
                    Target::Event,
                    "Terbitkan (kunci) jadwal acara",
                ),
                Method::POST,
            ),
            post(event_pages::publish),
        ),
        (
            page(
                "event_roster_pdf",
                "/acara/{id}/daftar-hadir",
                ViewMasterData,
                Target::Event,
                "Daftar hadir cetak (.pdf)",
            ),
            get(event_pages::roster_pdf),
        ),
        (
            page(
                "event_invitations",
                "/acara/{id}/undangan",
                ViewMasterData,
                Target::Event,
                "Surat undangan peserta (.pdf)",
            ),
            get(event_pages::invitations_pdf),
        ),
        (
            api_route(page(
                "api_events",
                "/api/v1/events",
                ViewMasterData,
                Target::None,
                "Acara asesmen",
            )),
            get(api::events),
        ),
        (
            api_route(page(
                "api_event_schedule",
                "/api/v1/events/{id}",
                ViewMasterData,
                Target::Event,
                "Jadwal acara: hari, sesi dan asesor tiap peserta",
            )),
            get(api::event_schedule),
        ),
        (
            api_route(mutating(
                page(
                    "api_plan_event",
                    "/api/v1/events/{id}/schedule",
                    EditMasterData,
                    Target::Event,
                    "Susun (ulang) jadwal acara",
                ),
                Method::POST,
            )),
            post(api::plan_event),
        ),
        (
            page(
                "scoring",
                "/acara/{id}/nilai",
                Score,
                Target::Event,
                "Peserta seorang asesor dan lembar penilaiannya (?peserta=ID)",
            ),
            get(result_pages::scoring),
        ),
        (
            mutating(
                page(
                    "save_scores",
                    "/acara/{id}/nilai",
                    Score,
                    Target::Event,
                    "Simpan draf atau kirim penilaian seorang peserta",
                ),
                Method::POST,
            ),
            post(result_pages::save_scores),
        ),
        (
            page(
                "meeting",
                "/acara/{id}/rapat",
                Score,
                Target::Event,
                "Rapat asesor seorang peserta: semua penilaian dan konsensus (?peserta=ID)",
            ),
            get(result_pages::meeting),
        ),
        (
            mutating(
                page(
                    "meeting_agree",
                    "/acara/{id}/rapat",
                    Score,
                    Target::Event,
                    "Catat konsensus rapat asesor (compare-and-set)",
                ),
                Method::POST,
            ),
            post(result_pages::agree),
        ),
        (
            page(
                "event_results",
                "/acara/{id}/hasil",
                ManageResults,
                Target::Event,
                "Integrasi penilaian dan hasil acara",
            ),
            get(result_pages::results),
        ),
        (
            mutating(
                page(
                    "event_consensus",
                    "/acara/{id}/konsensus",
                    ManageResults,
                    Target::Event,
                    "Catat konsensus rapat asesor dengan alasan",
                ),
                Method::POST,
            ),
            post(result_pages::consensus),
        ),
        (
            mutating(
                page(
                    "event_finalise",
                    "/acara/{id}/finalisasi",
                    ManageResults,
                    Target::Event,
                    "Finalkan dan kunci hasil",
                ),
                Method::POST,
            ),
            post(result_pages::finalise),
        ),
        (
            mutating(
                page(
                    "event_amend",
                    "/acara/{id}/koreksi",
                    ManageResults,
                    Target::Event,
                    "Koreksi hasil final dengan alasan",
                ),
                Method::POST,
            ),
            post(result_pages::amend),
        ),
        (
            mutating(
                page(
                    "event_publish_results",
                    "/acara/{id}/umumkan-hasil",
                    ManageResults,
                    Target::Event,
                    "Umumkan hasil kepada peserta",
                ),
                Method::POST,
            ),
            post(result_pages::publish_results),
        ),
        (
            page(
                "event_recap",
                "/acara/{id}/rekap",
                ManageResults,
                Target::Event,
                "Rekap hasil per peserta dengan grafik per unit (.xlsx)",
            ),
            get(result_pages::recap),
        ),
        (
            personal(page(
                "employee_report",
                "/pegawai/{id}/laporan",
                ViewResults,
                Target::Employee,
                "Laporan hasil asesmen seorang pegawai (.pdf)",
            )),
            get(result_pages::report_pdf),
        ),
        (
            api_route(page(
                "api_event_ratings",
                "/api/v1/events/{id}/ratings",
                Score,
                Target::Event,
                "Peserta asesor pada acara dan penilaiannya",
            )),
            get(api::event_ratings),
        ),
        (
            api_route(mutating(
                page(
                    "api_save_ratings",
                    "/api/v1/events/{id}/ratings",
                    Score,
                    Target::Event,
                    "Simpan atau kirim penilaian seorang peserta (compare-and-set per nilai)",
                ),
                Method::POST,
            )),
            post(api::save_ratings),
        ),
        (
            api_route(page(
                "api_event_results",
                "/api/v1/events/{id}/results",
                ManageResults,
                Target::Event,
                "Integrasi penilaian per peserta: level, selisih, JPM, kategori, status",
            )),
            get(api::event_results),
        ),
        (
            api_route(mutating(
                page(
                    "api_finalise",
                    "/api/v1/events/{id}/finalise",
                    ManageResults,
                    Target::Event,
                    "Finalkan semua hasil yang lengkap",
                ),
                Method::POST,
            )),
            post(api::finalise),
        ),
        (
            api_route(mutating(
                page(
                    "api_publish_results",
                    "/api/v1/events/{id}/publish-results",
                    ManageResults,
                    Target::Event,
                    "Umumkan hasil final kepada peserta",
                ),
                Method::POST,
            )),
            post(api::publish_results),
        ),
        (
            api_route(personal(page(
                "api_employee_report",
                "/api/v1/employees/{id}/report",
                ViewResults,
                Target::Employee,
                "Laporan hasil terbaru seorang pegawai: JPM, kategori, kekuatan, saran (?position=KODE)",
            ))),
            get(api::employee_report),
        ),
        (
            api_route(page(
                "api_meeting",
                "/api/v1/events/{id}/meeting",
                Score,
                Target::Event,
                "Rapat asesor seorang peserta (?participant=ID): semua penilaian, integrasi, konsensus",
            )),
            get(api::meeting),
        ),
        (
            api_route(mutating(
                page(
                    "api_meeting_agree",
                    "/api/v1/events/{id}/meeting",
                    Score,
                    Target::Event,
                    "Catat konsensus rapat asesor (compare-and-set: 409 bila asesor lain lebih dulu)",
                ),
                Method::POST,
            )),
            post(api::agree),
        ),
        (
            api_route(mutating(
                page(
                    "api_consensus",
                    "/api/v1/events/{id}/consensus",
                    ManageResults,
                    Target::Event,
                    "Catat konsensus oleh admin dengan alasan",
                ),
                Method::POST,
            )),
            post(api::consensus),
        ),
        (
            api_route(mutating(
                page(
                    "api_amend",
                    "/api/v1/events/{id}/amend",
                    ManageResults,
                    Target::Event,
                    "Koreksi hasil final dengan alasan",
                ),
                Method::POST,
            )),
            post(api::amend),
        ),
        (
            api_route(personal(page(
                "api_employee_cycles",
                "/api/v1/employees/{id}/cycles",
                ViewResults,
                Target::Employee,
                "Hasil seorang pegawai antar-siklus, perubahan per kompetensi",
            ))),
            get(api::employee_cycles),
        ),
        (
            page(
                "talent_map_xlsx",
                "/peta-talenta/xlsx",
                ViewTalentMap,
                Target::None,
                "Orang per kotak peta talenta (.xlsx; ?unit=ID&tahun=YYYY)",
            ),
            get(pages::talent_map_xlsx),
        ),
        (
            page(
                "vacancies",
                "/suksesi",
                ViewTalentMap,
                Target::None,
                "Jabatan struktural yang kosong atau akan kosong karena pensiun (?bulan=N)",
            ),
            get(succession_pages::vacancies),
        ),
        (
            page(
                "successors",
                "/suksesi/{id}",
                ViewTalentMap,
                Target::Position,
                "Calon pengganti sebuah jabatan, berurutan, dengan alasan",
            ),
            get(succession_pages::successors),
        ),
        (
            page(
                "successors_xlsx",
                "/suksesi/{id}/xlsx",
                ViewTalentMap,
                Target::Position,
                "Calon pengganti (.xlsx)",
            ),
            get(succession_pages::successors_xlsx),
        ),
        (
            page(
                "successors_pdf",
                "/suksesi/{id}/pdf",
                ViewTalentMap,
                Target::Position,
                "Calon pengganti (.pdf)",
            ),
            get(succession_pages::successors_pdf),
        ),
        (
            api_route(page(
                "api_vacancies",
                "/api/v1/vacancies",
                ViewTalentMap,
                Target::None,
                "Jabatan yang kosong atau akan kosong dalam N bulan (?months=N)",
            )),
            get(api::vacancies),
        ),
        (
            api_route(page(
                "api_successors",
                "/api/v1/positions/{id}/successors",
                ViewTalentMap,
                Target::Position,
                "Calon pengganti sebuah jabatan dengan syarat, kesiapan dan aturan urutan",
            )),
            get(api::successors),
        ),
        (
            page(
                "rotation",
                "/rotasi",
                ViewTalentMap,
                Target::None,
                "Rencana rotasi: formulir dan rencana optimal (parameter di alamat)",
            ),
            get(rotation_pages::rotation),
        ),
        (
            page(
                "rotation_xlsx",
                "/rotasi/xlsx",
                ViewTalentMap,
                Target::None,
                "Rancangan lampiran SK rotasi (.xlsx)",
            ),
            get(rotation_pages::rotation_xlsx),
        ),
        (
            page(
                "rotation_pdf",
                "/rotasi/pdf",
                ViewTalentMap,
                Target::None,
                "Rancangan lampiran SK rotasi (.pdf)",
            ),
            get(rotation_pages::rotation_pdf),
        ),
        (
            api_route(page(
                "api_rotation",
                "/api/v1/rotation",
                ViewTalentMap,
                Target::None,
                "Rencana rotasi optimal (parameter seperti halaman /rotasi: jabatan, kelas, jumlah, calon, bobot_kinerja, bobot_tetap, min_bulan, maks_pindah, sematkan, larang)",
            )),
            get(rotation_pages::api_rotation),
        ),
        (
            page(
                "selections",
                "/seleksi",
                ManageSelection,
                Target::None,
                "Seleksi terbuka dan uji kesesuaian: daftar dan formulir",
            ),
            get(selection_pages::selections),
        ),
        (
            mutating(
                page(
                    "create_selection",
                    "/seleksi",
                    ManageSelection,
                    Target::None,
                    "Buat seleksi",
                ),
                Method::POST,
            ),
            post(selection_pages::create),
        ),
        (
            page(
                "selection",
                "/seleksi/{id}",
                ManageSelection,
                Target::Selection,
                "Seleksi: pelamar, administrasi, tahap, peringkat, langkah keputusan",
            ),
            get(selection_pages::selection_detail),
        ),
        (
            mutating(
                page(
                    "selection_apply",
                    "/seleksi/{id}/lamar",
                    ManageSelection,
                    Target::Selection,
                    "Catat lamaran (dalam atau luar)",
                ),
                Method::POST,
            ),
            post(selection_pages::apply),
        ),
        (
            mutating(
                page(
                    "selection_screen",
                    "/seleksi/{id}/administrasi",
                    ManageSelection,
                    Target::Selection,
                    "Keputusan administrasi pelamar",
                ),
                Method::POST,
            ),
            post(selection_pages::screen),
        ),
        (
            mutating(
                page(
                    "selection_outcome",
                    "/seleksi/{id}/hasil-tahap",
                    ManageSelection,
                    Target::Selection,
                    "Hasil tahap memenuhi/tidak memenuhi syarat",
                ),
                Method::POST,
            ),
            post(selection_pages::outcome),
        ),
        (
            mutating(
                page(
                    "selection_close_stage",
                    "/seleksi/{id}/tutup-tahap",
                    ManageSelection,
                    Target::Selection,
                    "Tutup tahap berjalan",
                ),
                Method::POST,
            ),
            post(selection_pages::close_stage),
        ),
        (
            mutating(
                page(
                    "selection_step",
                    "/seleksi/{id}/langkah",
                    ManageSelection,
                    Target::Selection,
                    "Catat langkah rantai persetujuan",
                ),
                Method::POST,
            ),
            post(selection_pages::step),
        ),
        (
            page(
                "selection_recap",
                "/seleksi/{id}/rekap",
                ManageSelection,
                Target::Selection,
                "Rekap tahap (.xlsx)",
            ),
            get(selection_pages::recap),
        ),
        (
            page(
                "selection_three_names",
                "/seleksi/{id}/tiga-nama",
                ManageSelection,
                Target::Selection,
                "Tiga nama per jabatan (.pdf)",
            ),
            get(selection_pages::three_names),
        ),
        (
            page(
                "selection_letter",
                "/seleksi/{id}/sk",
                ManageSelection,
                Target::Selection,
                "Rancangan keputusan (.pdf)",
            ),
            get(selection_pages::letter),
        ),
        (
            page(
                "selection_panel",
                "/seleksi/{id}/nilai",
                PanelScore,
                Target::Selection,
                "Halaman penilaian anggota pansel",
            ),
            get(selection_pages::panel),
        ),
        (
            mutating(
                page(
                    "selection_score",
                    "/seleksi/{id}/nilai",
                    PanelScore,
                    Target::Selection,
                    "Simpan nilai anggota pansel",
                ),
                Method::POST,
            ),
            post(selection_pages::score),
        ),
        (
            mutating(
                page(
                    "selection_conflict",
                    "/seleksi/{id}/konflik",
                    PanelScore,
                    Target::Selection,
                    "Nyatakan konflik kepentingan",
                ),
                Method::POST,
            ),
            post(selection_pages::conflict),
        ),
        (
            page(
                "selection_decision",
                "/seleksi/{id}/keputusan",
                DecideSelection,
                Target::Selection,
                "Keputusan PPK: satu dari tiga nama",
            ),
            get(selection_pages::decision),
        ),
        (
            mutating(
                page(
                    "selection_choose",
                    "/seleksi/{id}/keputusan",
                    DecideSelection,
                    Target::Selection,
                    "PPK memilih satu dari tiga nama dengan alasan",
                ),
                Method::POST,
            ),
            post(selection_pages::choose),
        ),
        (
            page(
                "announcement",
                "/pengumuman/{id}",
                Public,
                Target::Announcement,
                "Pengumuman seleksi terbuka (tanpa masuk)",
            ),
            get(selection_pages::announcement),
        ),
        (
            api_route(page(
                "api_selections",
                "/api/v1/selections",
                ManageSelection,
                Target::None,
                "Seleksi terbuka dan uji kesesuaian",
            )),
            get(api::selections),
        ),
        (
            api_route(mutating(
                page(
                    "api_create_selection",
                    "/api/v1/selections",
                    ManageSelection,
                    Target::None,
                    "Buat seleksi (jabatan, tahap, pansel, kalender)",
                ),
                Method::POST,
            )),
            post(api::create_selection),
        ),
        (
            api_route(mutating(
                page(
                    "api_selection_apply",
                    "/api/v1/selections/{id}/applications",
                    ManageSelection,
                    Target::Selection,
                    "Catat lamaran (dalam: nip; luar: name, birth_date, education, current_post)",
                ),
                Method::POST,
            )),
            post(api::selection_apply),
        ),
        (
            api_route(mutating(
                page(
                    "api_selection_screen",
                    "/api/v1/selections/{id}/screening",
                    ManageSelection,
                    Target::Selection,
                    "Keputusan administrasi pelamar",
                ),
                Method::POST,
            )),
            post(api::selection_screen),
        ),
        (
            api_route(mutating(
                page(
                    "api_selection_outcome",
                    "/api/v1/selections/{id}/outcomes",
                    ManageSelection,
                    Target::Selection,
                    "Hasil tahap memenuhi/tidak memenuhi syarat",
                ),
                Method::POST,
            )),
            post(api::selection_outcome),
        ),
        (
            api_route(page(
                "api_selection",
                "/api/v1/selections/{id}",
                ManageSelection,
                Target::Selection,
                "Peringkat per jabatan, tiga nama, kesesuaian, kendala dan rantai keputusan",
            )),
            get(api::selection),
        ),
        (
            api_route(mutating(
                page(
                    "api_selection_score",
                    "/api/v1/selections/{id}/scores",
                    PanelScore,
                    Target::Selection,
                    "Nilai anggota pansel pada tahap berjalan",
                ),
                Method::POST,
            )),
            post(api::selection_score),
        ),
        (
            api_route(mutating(
                page(
                    "api_selection_close_stage",
                    "/api/v1/selections/{id}/close-stage",
                    ManageSelection,
                    Target::Selection,
                    "Tutup tahap berjalan",
                ),
                Method::POST,
            )),
            post(api::selection_close_stage),
        ),
        (
            api_route(mutating(
                page(
                    "api_selection_step",
                    "/api/v1/selections/{id}/steps",
                    ManageSelection,
                    Target::Selection,
                    "Catat langkah rantai persetujuan (usulan pansel, rekomendasi, gubernur, mendagri, pelantikan)",
                ),
                Method::POST,
            )),
            post(api::selection_step),
        ),
        (
            api_route(mutating(
                page(
                    "api_selection_choice",
                    "/api/v1/selections/{id}/choice",
                    DecideSelection,
                    Target::Selection,
                    "Pilihan PPK atas satu dari tiga nama, dengan alasan",
                ),
                Method::POST,
            )),
            post(api::selection_step),
        ),
        (
            api_route(page(
                "api_announcement",
                "/api/v1/announcements/{id}",
                Public,
                Target::Announcement,
                "Pengumuman seleksi (tanpa masuk): tenant.kode",
            )),
            get(api::announcement),
        ),
        (
            page(
                "units",
                "/unit",
                ViewMasterData,
                Target::None,
                "Pohon unit kerja",
            ),
            get(master_pages::units),
        ),
        (
            page(
                "positions",
                "/jabatan",
                ViewMasterData,
                Target::None,
                "Daftar jabatan",
            ),
            get(master_pages::positions),
        ),
        (
            page(
                "position",
                "/jabatan/{id}",
                ViewMasterData,
                Target::Position,
                "Jabatan dan standar kompetensinya",
            ),
            get(master_pages::position),
        ),
        (
            mutating(
                page(
                    "save_standard",
                    "/jabatan/{id}/standar",
                    EditMasterData,
                    Target::Position,
                    "Simpan standar kompetensi",
                ),
                Method::POST,
            ),
            post(master_pages::save_standard),
        ),
        (
            page(
                "import_form",
                "/impor",
                EditMasterData,
                Target::None,
                "Formulir impor",
            ),
            get(master_pages::import_form),
        ),
        (
            mutating(
                page(
                    "import_upload",
                    "/impor",
                    EditMasterData,
                    Target::None,
                    "Unggah berkas impor",
                ),
                Method::POST,
            ),
            post(master_pages::import_upload),
        ),
        (
            page(
                "import_report",
                "/impor/laporan/{id}",
                EditMasterData,
                Target::Report,
                "Laporan impor (.xlsx)",
            ),
            get(master_pages::import_report),
        ),
        (
            page(
                "import_template",
                "/impor/templat/{file}",
                EditMasterData,
                Target::Template,
                "Templat impor (.xlsx)",
            ),
            get(master_pages::import_template),
        ),
        (
            page(
                "talent_map",
                "/peta-talenta",
                ViewTalentMap,
                Target::None,
                "Peta talenta 9 kotak",
            ),
            get(pages::talent_map),
        ),
        (
            personal(page(
                "talent_box",
                "/peta-talenta/kotak/{id}",
                ViewTalentMap,
                Target::Box,
                "Pegawai dalam satu kotak",
            )),
            get(pages::talent_box),
        ),
        (
            page("audit", "/audit", ViewAudit, Target::None, "Log audit"),
            get(pages::audit),
        ),
        (
            page(
                "keys",
                "/kunci-api",
                ManageAccess,
                Target::None,
                "Kunci API instansi: daftar, buat, cabut",
            ),
            get(access_pages::keys),
        ),
        (
            mutating(
                page(
                    "create_key",
                    "/kunci-api",
                    ManageAccess,
                    Target::None,
                    "Buat kunci API (ditampilkan sekali)",
                ),
                Method::POST,
            ),
            post(access_pages::create),
        ),
        (
            mutating(
                page(
                    "revoke_key",
                    "/kunci-api/cabut",
                    ManageAccess,
                    Target::None,
                    "Cabut kunci API seketika",
                ),
                Method::POST,
            ),
            post(access_pages::revoke),
        ),
        (
            api_route(page(
                "api_keys",
                "/api/v1/api-keys",
                ManageAccess,
                Target::None,
                "Kunci API instansi: nama, peran, dibuat, berlaku sampai, status (active, expired, revoked)",
            )),
            get(api::api_keys),
        ),
        (
            api_route(mutating(
                page(
                    "api_create_key",
                    "/api/v1/api-keys",
                    ManageAccess,
                    Target::None,
                    "Buat kunci API (name, role, expires_on: bawaan setahun); kunci hanya dikembalikan sekali",
                ),
                Method::POST,
            )),
            post(api::create_api_key),
        ),
        (
            api_route(mutating(
                page(
                    "api_revoke_key",
                    "/api/v1/api-keys/{id}/revoke",
                    ManageAccess,
                    Target::ApiKey,
                    "Cabut seketika kunci API bernama {id}",
                ),
                Method::POST,
            )),
            post(api::revoke_api_key),
        ),
        (
            personal(page(
                "my_access",
                "/saya/akses",
                SignedIn,
                Target::None,
                "Siapa yang membuka data saya",
            )),
            get(pages::my_access),
        ),
        (
            personal(page(
                "my_data",
                "/saya/data",
                SignedIn,
                Target::None,
                "Semua data saya dalam satu berkas (.xlsx)",
            )),
            get(pages::my_data),
        ),
        (
            personal(page(
                "employee_data",
                "/pegawai/{id}/data",
                ViewResults,
                Target::Employee,
                "Semua data seorang pegawai dalam satu berkas (.xlsx), atas permintaannya",
            )),
            get(pages::personal_data),
        ),
        (
            api_route(page(
                "openapi",
                "/api/v1/openapi.json",
                Public,
                Target::None,
                "Dokumen OpenAPI",
            )),
            get(api::openapi),
        ),
        (
            api_route(page(
                "api_units",
                "/api/v1/units",
                ViewMasterData,
                Target::None,
                "Unit kerja",
            )),
            get(api::units),
        ),
        (
            api_route(page(
                "api_positions",
                "/api/v1/positions",
                ViewMasterData,
                Target::None,
                "Jabatan",
            )),
            get(api::positions),
        ),
        (
            api_route(page(
                "api_position",
                "/api/v1/positions/{id}",
                ViewMasterData,
                Target::Position,
                "Jabatan dan standar kompetensinya",
            )),
            get(api::position),
        ),
        (
            api_route(page(
                "api_employees",
                "/api/v1/employees",
                ViewMasterData,
                Target::None,
                "Daftar pegawai",
            )),
            get(api::employees),
        ),
        (
            api_route(personal(page(
                "api_employee",
                "/api/v1/employees/{id}",
                ViewEmployee,
                Target::Employee,
                "Seorang pegawai",
            ))),
            get(api::employee),
        ),
        (
            api_route(personal(page(
                "api_employee_results",
                "/api/v1/employees/{id}/results",
                ViewResults,
                Target::Employee,
                "Hasil asesmen seorang pegawai (setiap pembacaan dicatat)",
            ))),
            get(api::employee_results),
        ),
        (
            api_route(page(
                "api_talent_map",
                "/api/v1/talent-map",
                ViewTalentMap,
                Target::None,
                "Jumlah per kotak",
            )),
            get(api::talent_map),
        ),
    ]
}

/// The router: each route behind its guard, every response with the security headers.
pub fn router(state: AppState) -> Router {
    let mut router: Router<AppState> = Router::new();
    for (spec, handler) in registry() {
        let path = spec.path;
        let guarded = handler.route_layer(axum::middleware::from_fn_with_state(
            (state.clone(), spec),
            guard::guard,
        ));
        router = router.route(path, guarded);
    }
    let limit = state.config.body_limit;
    router
        .fallback(pages::not_found)
        .layer(DefaultBodyLimit::max(limit))
        .layer(axum::middleware::from_fn(security::language))
        .layer(axum::middleware::from_fn_with_state(
            state.config.https,
            security::headers,
        ))
        .with_state(state)
}
