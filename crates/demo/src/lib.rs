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

mod generate;
mod governments;
mod names;
mod organisations;
mod titles;

use chrono::NaiveDate;
use talenta_app::access::Actor;
use talenta_domain::RuleSet;
use talenta_domain::jpm::Purpose;
use talenta_domain::nip::Nip;
use talenta_domain::position::PositionClass::{Administrator, JptPratama};
use talenta_store::master::{
    EmployeeInput, PositionInput, RatingInput, ResultInput, SanctionInput, StandardInput, UnitInput,
};

use crate::generate::*;
use crate::governments::*;
use crate::names::*;
use crate::organisations::*;
use crate::titles::*;

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

/// Writes a demo government into the database (creating the tenant if needed) in one
/// transaction; loading twice changes nothing. Returns the numbers of units, positions and
/// employees now stored.
pub fn load(
    db: &mut talenta_store::Db,
    ctx: &talenta_app::Ctx,
    g: &DemoGovernment,
) -> Result<(u64, u64, u64), talenta_app::AppError> {
    use talenta_store::master as store;
    db.transaction(|tx| -> Result<(u64, u64, u64), talenta_app::AppError> {
        let tenant = match store::tenant_by_code(tx, &g.code)? {
            Some(t) => t,
            None => store::create_tenant(tx, &g.code, &g.name, &g.kind, &RuleSet::default(), ctx.now)?,
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
    ctx: &talenta_app::Ctx,
    code: &str,
    as_of: NaiveDate,
) -> Result<Vec<(talenta_app::access::Role, String, String)>, talenta_app::AppError> {
    use talenta_app::access::{self, Role};
    use talenta_store::master as store;
    let tenant = store::tenant_by_code(db, code)?
        .ok_or_else(|| talenta_app::AppError::UnknownTenant(code.into()))?;
    let short = code.rsplit('-').next().unwrap_or(code);
    let map =
        talenta_app::talent::talent_map(db, &Actor::local(&tenant, &ctx.actor).grant()?, as_of)?;
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
    ctx: &talenta_app::Ctx,
    tenant: &talenta_domain::master::Tenant,
    panel_login: &str,
    as_of: NaiveDate,
) -> Result<(), talenta_app::AppError> {
    use talenta_app::access::Actor;
    use talenta_app::selection::{self, Kind, PanelSpec, SelectionSpec, Who};
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
    let admin = Actor::local(tenant, &ctx.actor);
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
    selection::create(db, ctx, &admin.grant()?, &spec)?;
    for nip in applicants {
        let id = selection::apply(
            db,
            ctx,
            &admin.grant()?,
            CODE,
            &post.code,
            &Who::Internal(nip),
            as_of,
        )?;
        selection::screen(
            db,
            ctx,
            &admin.grant()?,
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
    ctx: &talenta_app::Ctx,
    tenant: &talenta_domain::master::Tenant,
    own: i64,
    logins: [String; 2],
    as_of: NaiveDate,
) -> Result<(), talenta_app::AppError> {
    use talenta_app::access::Actor;
    use talenta_app::event::{self, AssessorSpec, Cohort, EventSpec};
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
    let admin = Actor::local(tenant, &ctx.actor);
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
    event::create_event(db, ctx, &admin.grant()?, &spec)?;
    event::plan(db, ctx, &admin.grant()?, CODE)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;
    use std::collections::{BTreeMap, BTreeSet};
    use talenta_domain::competency::{CompetencyCode, CoreCompetency, Level};
    use talenta_domain::eligibility::SanctionLevel;
    use talenta_domain::jpm::{Jpm, match_profile};
    use talenta_domain::nip::{EmploymentType, full_years};
    use talenta_domain::performance::performance_axis;
    use talenta_domain::performance::{Predikat, Rating};
    use talenta_domain::position::{Eselon, PositionClass};
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
