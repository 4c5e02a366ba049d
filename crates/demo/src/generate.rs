//! Building a demo government from its specification: the organisation, the people, their
//! ratings, sanctions and earlier results (deterministic: a private splitmix64 generator).

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

use crate::*;

// =====================================================================================
// Deterministic random numbers
// =====================================================================================

pub(crate) const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// splitmix64: small, fast and good enough for synthetic data.
#[derive(Debug, Clone)]
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    /// An independent stream for one purpose (`salt`) and one item (`index`).
    pub(crate) fn stream(seed: u64, salt: u64, index: u64) -> Rng {
        let mut r = Rng(seed
            ^ salt.wrapping_mul(GOLDEN).rotate_left(23)
            ^ index.wrapping_add(1).wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next_u64();
        r
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// Uniform in `lo..=hi` (`lo` when the range is empty).
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            lo
        } else {
            lo + self.below((hi - lo + 1) as u64) as i64
        }
    }

    pub(crate) fn percent(&mut self, p: u64) -> bool {
        self.below(100) < p
    }

    pub(crate) fn pick<T: Copy + Default>(&mut self, items: &[T]) -> T {
        let i = self.below(items.len() as u64) as usize;
        items.get(i).copied().unwrap_or_default()
    }

    pub(crate) fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> Option<T> {
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

    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            v.swap(i, j);
        }
    }
}

pub(crate) const SALT_STRUCTURE: u64 = 1;
pub(crate) const SALT_PERSON: u64 = 2;
pub(crate) const SALT_RATING: u64 = 3;
pub(crate) const SALT_SANCTION: u64 = 4;
pub(crate) const SALT_STRENGTH: u64 = 5;
pub(crate) const SALT_ROUND: u64 = 100;

// =====================================================================================
// Building
// =====================================================================================

/// Class groups in the order of `Spec::fill` and `Round::share`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Group {
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

    pub(crate) fn of(class: PositionClass) -> Group {
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

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    pub(crate) fn is_structural(self) -> bool {
        matches!(self, Group::Jpt | Group::Administrator | Group::Pengawas)
    }
}

/// A post while the organisation is built.
pub(crate) struct Post {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) class: PositionClass,
    pub(crate) eselon: Option<Eselon>,
    pub(crate) unit: String,
    pub(crate) superior: Option<String>,
    pub(crate) field: Field,
    pub(crate) technical: Option<&'static str>,
}

/// Units and posts under construction; posts are added to the current unit.
#[derive(Default)]
pub(crate) struct Org {
    pub(crate) units: Vec<UnitInput>,
    pub(crate) posts: Vec<Post>,
    pub(crate) unit: String,
    pub(crate) field: Option<Field>,
}

impl Org {
    pub(crate) fn unit(&mut self, code: &str, name: String, parent: Option<&str>, field: Field) {
        self.units.push(UnitInput {
            code: code.to_string(),
            name,
            parent_code: parent.map(str::to_string),
        });
        self.unit = code.to_string();
        self.field = Some(field);
    }

    pub(crate) fn enter(&mut self, code: &str, field: Field) {
        self.unit = code.to_string();
        self.field = Some(field);
    }

    pub(crate) fn post(
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

    /// One Pengawas post per name, all under `superior`: coded `{prefix}1`, `{prefix}2`, ...
    /// and titled `{title} {name}`.
    pub(crate) fn pengawas_each<'a>(
        &mut self,
        prefix: &str,
        title: &str,
        names: impl IntoIterator<Item = &'a str>,
        eselon: Eselon,
        superior: &str,
    ) {
        for (i, name) in names.into_iter().enumerate() {
            self.post(
                &format!("{prefix}{}", i + 1),
                format!("{title} {name}"),
                Pengawas,
                Some(eselon),
                Some(superior),
            );
        }
    }

    /// Functional posts of a unit: Ahli Madya under the head, the others spread over the
    /// unit's Administrator posts.
    pub(crate) fn functional(&mut self, types: &[Jf], head: &str, admins: &[String]) {
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

pub(crate) fn jenjang_label(j: Jenjang) -> &'static str {
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
pub(crate) fn split_bidang(s: &'static str) -> (&'static str, Vec<&'static str>) {
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
pub(crate) fn slug(s: &str) -> String {
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
pub(crate) fn build_org(spec: &Spec) -> Org {
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
        org.pengawas_each(
            "subbag",
            "Kepala Subbagian",
            b.subbag.iter().copied(),
            Eselon::IVA,
            &kabag,
        );
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

pub(crate) fn build_opd(org: &mut Org, spec: &Spec, opd: &Opd, sekda: &str) {
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
    if opd.kind != Kind::Dprd {
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
        org.pengawas_each(
            "subbag",
            "Kepala Subbagian",
            subbags,
            Eselon::IVA,
            &sekretaris,
        );
        admins.push(sekretaris);
    }
    let limit = if opd.kind == Kind::Inspektorat {
        opd.bidang.len()
    } else {
        spec.bidang_max
    };
    // By kind: the codes of an Administrator post and of its sub-posts, the title of the
    // sub-posts, the Administrator's eselon.
    let (code, sub_code, sub_title, eselon) = match opd.kind {
        Kind::Dprd => ("bagian", "subbag", "Kepala Subbagian", Eselon::IIIA),
        Kind::Inspektorat => ("bidang", "seksi", "Kepala Subbagian", Eselon::IIIB),
        Kind::Badan => ("bidang", "seksi", "Kepala Subbidang", Eselon::IIIB),
        Kind::Dinas => ("bidang", "seksi", "Kepala Seksi", Eselon::IIIB),
    };
    let mut line: Vec<String> = Vec::new();
    for (i, b) in opd.bidang.iter().take(limit).enumerate() {
        let (name, subs) = split_bidang(b);
        let title = match opd.kind {
            Kind::Dprd => format!("Kepala Bagian {name}"),
            Kind::Inspektorat => name.to_string(),
            Kind::Badan | Kind::Dinas => format!("Kepala Bidang {name}"),
        };
        let administrator = org.post(
            &format!("{code}{}", i + 1),
            title,
            Administrator,
            Some(eselon),
            Some(&head),
        );
        org.pengawas_each(
            &format!("{code}{}.{sub_code}", i + 1),
            sub_title,
            subs.into_iter().take(spec.seksi_max),
            Eselon::IVA,
            &administrator,
        );
        line.push(administrator);
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

pub(crate) fn build_kecamatan(org: &mut Org, spec: &Spec, k: &Kecamatan, sekda: &str) {
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
    org.pengawas_each(
        "seksi",
        "Kepala Seksi",
        spec.kecamatan_seksi.iter().copied(),
        Eselon::IVA,
        &camat,
    );
    org.pengawas_each(
        "subbag",
        "Kepala Subbagian",
        spec.kecamatan_subbag.iter().copied(),
        Eselon::IVB,
        &sekcam,
    );
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
        org.pengawas_each(
            "seksi",
            "Kepala Seksi",
            spec.kelurahan_seksi.iter().copied(),
            Eselon::IVB,
            &lurah,
        );
        org.enter(&unit, Field::Umum);
    }
}

/// One Pelaksana post under every Pengawas post, with a job title of the unit's field.
pub(crate) fn add_pelaksana(org: &mut Org, spec: &Spec) {
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
pub(crate) fn holders(spec: &Spec, org: &Org) -> Vec<usize> {
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
pub(crate) struct NipRegistry(pub(crate) BTreeMap<(NaiveDate, i32, u32, u8), u32>);

impl NipRegistry {
    pub(crate) fn next(&mut self, birth: NaiveDate, year: i32, month: u32, sex: u8) -> u32 {
        let serial = self.0.entry((birth, year, month, sex)).or_insert(0);
        *serial += 1;
        *serial
    }
}

/// What later passes need to know about an employee.
pub(crate) struct Meta {
    pub(crate) nip: Nip,
    pub(crate) group: Group,
    pub(crate) class: PositionClass,
    pub(crate) appointed_on: NaiveDate,
    /// Latent job-person match in percent, around which assessed levels are drawn.
    pub(crate) talent: i64,
}

/// Age and career ranges of a class group.
pub(crate) struct Profile {
    pub(crate) female_percent: u64,
    pub(crate) age_at_appointment: (i64, i64),
    pub(crate) service_years: (i64, i64),
    /// Oldest age at `as_of` (below the retirement age).
    pub(crate) max_age: i64,
    /// Most years in the current post.
    pub(crate) since_years: u64,
}

/// The age and career ranges of a class group.
pub(crate) fn profile(g: Group) -> Profile {
    let (female_percent, age_at_appointment, service_years, max_age, since_years) = match g {
        Group::Jpt => (20, (22, 30), (18, 32), 59, 5),
        Group::Administrator => (35, (21, 32), (14, 30), 57, 8),
        Group::Pengawas => (45, (20, 34), (7, 30), 57, 8),
        Group::Fungsional => (55, (21, 34), (2, 28), 57, 8),
        Group::Pelaksana => (45, (19, 34), (1, 33), 57, 8),
    };
    Profile {
        female_percent,
        age_at_appointment,
        service_years,
        max_age,
        since_years,
    }
}

pub(crate) fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

pub(crate) fn months_before(d: NaiveDate, months: i64) -> NaiveDate {
    d.checked_sub_months(Months::new(months.clamp(0, 12_000) as u32))
        .unwrap_or(d)
}

pub(crate) fn days_before(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(days)).unwrap_or(d)
}

pub(crate) fn days_after(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(Days::new(days)).unwrap_or(d)
}

pub(crate) fn education(g: Group, class: PositionClass, field: Field, rng: &mut Rng) -> Education {
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

pub(crate) fn rank(
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
pub(crate) struct NameParts<'a> {
    pub(crate) region: &'a Region,
    pub(crate) female: bool,
    pub(crate) education: Education,
    pub(crate) field: Field,
    pub(crate) birth_year: i32,
}

pub(crate) fn full_name(p: &NameParts<'_>, rng: &mut Rng) -> String {
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
pub(crate) struct Seat<'a> {
    pub(crate) post: &'a Post,
    pub(crate) index: usize,
    pub(crate) latest: NaiveDate,
}

pub(crate) fn person(
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
pub(crate) fn round_date(when: When, as_of: NaiveDate) -> Option<NaiveDate> {
    match when {
        When::On(y, m, d) => NaiveDate::from_ymd_opt(y, m, d),
        When::MonthsBefore(n) => as_of.checked_sub_months(Months::new(n)),
    }
}

/// Latest appointment date per group so that everyone a fixed round assessed in full was
/// already in service on that date (the seed counts are everyone of the class).
pub(crate) fn latest_appointment(spec: &Spec, as_of: NaiveDate) -> [NaiveDate; 5] {
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

pub(crate) const PREDIKAT_SHARE: &[(Predikat, u32)] = &[
    (Predikat::SangatBaik, 15),
    (Predikat::Baik, 70),
    (Predikat::ButuhPerbaikan, 10),
    (Predikat::Kurang, 4),
    (Predikat::SangatKurang, 1),
];

pub(crate) fn ratings(spec: &Spec, metas: &[Meta], as_of: NaiveDate) -> Vec<RatingInput> {
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

pub(crate) const TEGURAN: &[&str] = &[
    "Teguran lisan",
    "Teguran tertulis",
    "Pernyataan tidak puas secara tertulis",
];
pub(crate) const PELANGGARAN_RINGAN: &[&str] = &[
    "tidak masuk kerja tanpa alasan yang sah selama 3 hari kerja",
    "terlambat masuk kerja secara berulang tanpa alasan yang sah",
    "tidak menaati ketentuan jam kerja",
    "tidak mengikuti apel pagi secara berulang tanpa keterangan",
];
pub(crate) const PELANGGARAN_SEDANG: &[&str] = &[
    "tidak masuk kerja tanpa alasan yang sah selama 12 hari kerja dalam satu tahun",
    "tidak mencapai target kinerja tanpa alasan yang sah",
    "menggunakan barang milik daerah untuk kepentingan pribadi",
    "tidak netral dalam pemilihan kepala daerah",
];
pub(crate) const PELANGGARAN_BERAT: &[&str] = &[
    "menyalahgunakan wewenang dalam pelayanan perizinan",
    "melakukan pungutan di luar ketentuan dalam pelayanan publik",
    "tidak masuk kerja tanpa alasan yang sah selama 22 hari kerja dalam satu tahun",
];

pub(crate) fn sanctions(spec: &Spec, metas: &[Meta], as_of: NaiveDate) -> Vec<SanctionInput> {
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
pub(crate) fn working_days(start: NaiveDate, n: usize) -> Vec<NaiveDate> {
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
pub(crate) fn assessed_levels(
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

pub(crate) fn results(
    spec: &Spec,
    metas: &[Meta],
    as_of: NaiveDate,
    rules: &RuleSet,
) -> Vec<ResultInput> {
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
pub(crate) fn emphasised(field: Field) -> &'static [CoreCompetency] {
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

pub(crate) fn standards(posts: &[Post], rules: &RuleSet) -> Vec<StandardInput> {
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

pub(crate) fn build(spec: &Spec, as_of: NaiveDate, registry: &mut NipRegistry) -> DemoGovernment {
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
