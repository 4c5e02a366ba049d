//! Open selection and job fit on the demo Kota Mojokerto: the Metro case (an eselon II post by
//! paper, presentation and interview, health pass/fail; three names; the PPK picks one with a
//! reason; the chain in order) and the Malang case (job fit of JPT Pratama by track record and
//! a five-member, external panel). Scores stay hidden until a stage closes; a conflicted member
//! does not count.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

mod common;

use chrono::NaiveDate;
use common::assert_refused;
use talenta_app::AppError;
use talenta_app::access::{Actor, Role};
use talenta_app::selection::{
    self, Kind, PanelSpec, SelectionRole, SelectionSpec, SetupProblem, Who,
};
use talenta_domain::master::Position;
use talenta_domain::selection::{Authority, Calendar, PassRule, Stage, StageKind, Step};
use talenta_domain::{Category, Nip, PositionClass};
use talenta_fixture::{self as fx, actor_in, ctx, today};
use talenta_store::{Db, testing};

/// Runs `f` as the member `who` of the panel of selection `code`.
fn as_member<T>(
    db: &mut Db,
    who: &Actor,
    code: &str,
    f: impl FnOnce(&mut Db, &selection::PanelMember) -> T,
) -> T {
    let me = selection::panel_member(db, &who.grant().unwrap(), code).unwrap();
    f(db, &me)
}

fn actor(db: &mut Db, login: &str, role: Role) -> Actor {
    actor_in(db, "kota-mojokerto", login, role)
}

/// Mojokerto with five panel accounts; returns the admin and the members.
fn setup(db: &mut Db) -> (Actor, Vec<Actor>) {
    setup_in(db, "kota-mojokerto")
}

/// A demo government with five panel accounts.
fn setup_in(db: &mut Db, code: &str) -> (Actor, Vec<Actor>) {
    fx::demo(db, code, today());
    let admin = actor_in(db, code, "admin.uji", Role::TenantAdmin);
    let members = (1..=5)
        .map(|i| {
            fx::account(
                db,
                &admin.tenant,
                &format!("pansel{i}.uji"),
                Role::PanelMember,
                None,
            )
        })
        .collect();

    (admin, members)
}

fn panel() -> Vec<PanelSpec> {
    // Malang's panel: a university vice-rector (chair), the provincial BKD head, the regional BKN
    // head, a rector, a professor.
    [
        ("Wakil Rektor", "Universitas Brawijaya", true),
        ("Kepala BKD", "BKD Provinsi Jawa Timur", false),
        ("Kepala Kanreg BKN", "Kantor Regional II BKN", false),
        ("Rektor", "Universitas Negeri Malang", false),
        ("Guru Besar", "Universitas Airlangga", false),
    ]
    .iter()
    .enumerate()
    .map(|(i, (n, o, chair))| PanelSpec {
        name: n.to_string(),
        organisation: o.to_string(),
        external: true,
        chair: *chair,
        login: Some(format!("pansel{}.uji", i + 1)),
    })
    .collect()
}

/// A stage of `kind` weighing `weight` percent, passed by `pass`.
fn stage(kind: StageKind, weight: u8, pass: PassRule) -> Stage {
    Stage { kind, weight, pass }
}

/// An open selection `code` for `posts` by `stages` with Malang's panel: open from 1 to 20
/// November 2026, a quorum of 3, no requirements, scores not published.
fn open_selection(code: &str, name: &str, posts: Vec<String>, stages: Vec<Stage>) -> SelectionSpec {
    SelectionSpec {
        code: code.into(),
        name: name.into(),
        kind: Kind::Open,
        posts,
        stages,
        quorum: 3,
        requirements: String::new(),
        opens_on: fx::date(2026, 11, 1),
        closes_on: fx::date(2026, 11, 20),
        calendar: Calendar::default(),
        panel: panel(),
        publish_scores: false,
    }
}

/// The Metro case: the open selection `code` for the eselon II post `post` by paper,
/// presentation and interview, then health and psychology passed or failed.
fn metro(code: &str, post: &str) -> SelectionSpec {
    SelectionSpec {
        requirements: "S1; 5 tahun pengalaman; 2 tahun Administrator".into(),
        ..open_selection(
            code,
            "Seleksi Terbuka JPT Pratama 2026",
            vec![post.to_string()],
            vec![
                stage(StageKind::Paper, 30, PassRule::MinScore(6000)),
                stage(StageKind::Presentation, 30, PassRule::MinScore(6000)),
                stage(StageKind::Interview, 40, PassRule::MinScore(6500)),
                stage(StageKind::HealthPsych, 0, PassRule::PassFail),
            ],
        )
    }
}

/// Mojokerto with five panel accounts ([`setup`]), a vacant JPT Pratama post and the NIPs of
/// its first `n` Administrators to apply for it; returns the admin, the members, the post and
/// the NIPs.
fn vacancy(db: &mut Db, n: usize) -> (Actor, Vec<Actor>, Position, Vec<Nip>) {
    let (admin, members) = setup(db);
    let post = common::vacant_post(db, admin.tenant.id, PositionClass::JptPratama)
        .expect("a vacant JPT post");
    let administrators = common::holders_of(db, admin.tenant.id, PositionClass::Administrator)
        .into_iter()
        .take(n)
        .map(|(e, _)| e.nip)
        .collect();
    (admin, members, post, administrators)
}

/// The actor's role in selections.
fn role(who: &Actor) -> SelectionRole {
    SelectionRole::of(who).unwrap()
}

/// `who` applies for `post` in the selection `code` on the fixed day; returns the applicant.
fn apply(db: &mut Db, admin: &Actor, code: &str, post: &str, who: &Who) -> Result<i64, AppError> {
    let manager = admin.grant().unwrap();
    selection::apply(db, &ctx(), &manager, code, post, who, today())
}

/// Admits (or rejects) the applicant `id` of the selection `code` for `reason`.
fn screen(
    db: &mut Db,
    admin: &Actor,
    code: &str,
    id: i64,
    admitted: bool,
    reason: &str,
) -> Result<(), AppError> {
    let manager = admin.grant().unwrap();
    selection::screen(db, &ctx(), &manager, code, id, admitted, reason)
}

/// `who` applies for `post` in the selection `code` and is admitted for `reason`; returns the
/// applicant.
fn admit(db: &mut Db, admin: &Actor, code: &str, post: &str, who: &Who, reason: &str) -> i64 {
    let id = apply(db, admin, code, post, who).unwrap();
    screen(db, admin, code, id, true, reason).unwrap();
    id
}

/// Creates the selection `spec` and admits each internal applicant of `applicants` (a NIP and
/// the post applied for) for `reason`; returns the applicants in that order.
fn open_with(
    db: &mut Db,
    admin: &Actor,
    spec: &SelectionSpec,
    applicants: &[(Nip, String)],
    reason: &str,
) -> Vec<i64> {
    selection::create(db, &ctx(), &admin.grant().unwrap(), spec).unwrap();
    applicants
        .iter()
        .map(|(nip, post)| admit(db, admin, &spec.code, post, &Who::Internal(*nip), reason))
        .collect()
}

/// The panel member `who` scores the applicant `id` at `score` (hundredths) for `kind`.
fn score_as(
    db: &mut Db,
    who: &Actor,
    code: &str,
    id: i64,
    kind: StageKind,
    score: u32,
) -> Result<(), AppError> {
    as_member(db, who, code, |db, m| {
        selection::score(db, &ctx(), m, id, kind, score)
    })
}

/// Closes the current stage of the selection `code`; returns the stage closed.
fn close_stage(db: &mut Db, admin: &Actor, code: &str) -> Result<StageKind, AppError> {
    selection::close_stage(db, &ctx(), &admin.grant().unwrap(), code)
}

/// The standings of the selection `code` on the fixed day, as `who` sees them.
fn standings(db: &mut Db, who: &Actor, code: &str) -> selection::Standings {
    selection::standings(db, &ctx(), &role(who), code, today()).unwrap()
}

/// The approval chain of the post `post` in the selection `code`, decided on the fixed day.
struct Chain<'a> {
    code: &'a str,
    post: &'a str,
}

impl Chain<'_> {
    /// `who` takes the step `step` (naming `applicant_id` where the step names someone) for
    /// `reason`.
    fn decide(
        &self,
        db: &mut Db,
        who: &Actor,
        step: Step,
        applicant_id: Option<i64>,
        reason: &str,
    ) -> Result<(), AppError> {
        let d = selection::Decide {
            post: self.post,
            step,
            applicant_id,
            reason,
            on: today(),
        };
        selection::decide(db, &ctx(), &role(who), self.code, &d)
    }

    /// `who` picks the applicant `id` as the PPK's choice for `reason`.
    fn pick(&self, db: &mut Db, who: &Actor, id: i64, reason: &str) -> Result<(), AppError> {
        self.decide(db, who, Step::PpkChoice, Some(id), reason)
    }

    /// `who` takes the step `step`, which names nobody, for `reason`.
    fn step(&self, db: &mut Db, who: &Actor, step: Step, reason: &str) -> Result<(), AppError> {
        self.decide(db, who, step, None, reason)
    }
}

#[test]
fn an_eselon_ii_selection_by_paper_presentation_and_interview_ends_with_the_ppks_pick_and_the_chain()
 {
    const JPT: &str = "jpt-2026";
    for mut t in testing::both() {
        let db = &mut t.db;
        let (admin, members, post, admins) = vacancy(db, 4);
        let spec = metro(JPT, &post.code);
        // Bad set-ups are refused whole.
        let mut bad = spec.clone();
        bad.stages[0].weight = 10;
        bad.panel.truncate(2);
        assert_refused!(
            selection::create(db, &ctx(), &admin.grant().unwrap(), &bad).unwrap_err(),
            Selection,
            selection::Refusal::BadSetup { problems }
                if problems.iter().any(|p| matches!(
                    p,
                    SetupProblem::Stages { error } if error.0.contains("bobot tahap berjumlah 80%")
                )) && problems
                    .iter()
                    .any(|p| matches!(p, SetupProblem::PanelTooSmall { members: 2 }))
        );
        selection::create(db, &ctx(), &admin.grant().unwrap(), &spec).unwrap();
        // Applications: four Administrators and one outsider.
        let mut ids: Vec<i64> = admins
            .iter()
            .map(|n| apply(db, &admin, JPT, &post.code, &Who::Internal(*n)).unwrap())
            .collect();
        let outsider = Who::External(selection::ExternalProfile {
            name: "Dr. Luar Biasa".into(),
            birth_date: NaiveDate::from_ymd_opt(1980, 1, 1).unwrap(),
            education: talenta_domain::eligibility::Education::S2,
            current_post: "Direktur, Kementerian".into(),
        });
        ids.push(apply(db, &admin, JPT, &post.code, &outsider).unwrap());
        assert_refused!(
            apply(db, &admin, JPT, &post.code, &Who::Internal(admins[0])).unwrap_err(),
            Selection,
            selection::Refusal::AlreadyApplied { .. }
        );
        assert_refused!(
            screen(db, &admin, JPT, ids[3], false, " ").unwrap_err(),
            Selection,
            selection::Refusal::RejectionNeedsReason { .. }
        );
        for id in &ids {
            screen(
                db,
                &admin,
                JPT,
                *id,
                true,
                "memenuhi persyaratan administrasi menurut verifikasi berkas",
            )
            .unwrap();
        }
        // Member 5 is related to the first applicant.
        as_member(db, &members[4], JPT, |db, m| {
            selection::declare_own_conflict(db, &ctx(), m, ids[0], "ipar")
        })
        .unwrap();
        // Scores per stage (hundredths): applicant -> the same score from each member, except
        // member 5's for applicant 0 (a 20 that must not count).
        let table: [[u32; 3]; 5] = [
            [8000, 7500, 8200],
            [7000, 9000, 7800],
            [9000, 8000, 6000],
            [7000, 7000, 9000],
            [7500, 7500, 7500],
        ];
        for (k, kind) in [
            StageKind::Paper,
            StageKind::Presentation,
            StageKind::Interview,
        ]
        .iter()
        .enumerate()
        {
            for (a, id) in ids.iter().enumerate() {
                for (m, who) in members.iter().enumerate() {
                    let r = score_as(db, who, JPT, *id, *kind, table[a][k]);
                    if m == 4 && a == 0 {
                        assert_refused!(
                            r.unwrap_err(),
                            Selection,
                            selection::Refusal::OwnConflict { .. }
                        );
                    } else {
                        r.unwrap();
                    }
                }
            }
            // Alone: a member sees only their own score until the stage closes.
            let (current, rows) = as_member(db, &members[1], JPT, selection::panel_view).unwrap();
            assert_eq!(current.unwrap().kind, *kind);
            assert!(rows.iter().all(|r| r.others.is_empty() && r.mine.is_some()));
            // A score for the wrong stage is refused.
            if k == 0 {
                assert_refused!(
                    score_as(db, &members[0], JPT, ids[0], StageKind::Interview, 8000).unwrap_err(),
                    Selection,
                    selection::Refusal::WrongStage {
                        current: StageKind::Paper,
                        asked: StageKind::Interview,
                    }
                );
            }
            assert_eq!(close_stage(db, &admin, JPT).unwrap(), *kind);
        }
        // Health and psychology: the outsider (index 4) is not fit; index 2 left after the interview.
        assert_refused!(
            close_stage(db, &admin, JPT).unwrap_err(),
            Selection,
            selection::Refusal::ResultsIncomplete {
                stage: StageKind::HealthPsych,
                ..
            }
        );
        for (a, id) in ids.iter().enumerate() {
            if a == 2 {
                continue;
            } // out after the interview
            selection::record_outcome(
                db,
                &ctx(),
                &admin.grant().unwrap(),
                JPT,
                &selection::Outcome {
                    applicant_id: *id,
                    stage: StageKind::HealthPsych,
                    passed: a != 4,
                    reason: if a == 4 {
                        "tidak memenuhi syarat kesehatan"
                    } else {
                        ""
                    },
                },
            )
            .unwrap();
        }
        close_stage(db, &admin, JPT).unwrap();
        let selection::Standings { posts: rows, done } = standings(db, &admin, JPT);
        assert!(done);
        let list = &rows[0].1;
        let order: Vec<i64> = list.iter().map(|s| s.applicant.id).collect();
        assert_eq!(
            &order[..3],
            &[ids[0], ids[1], ids[3]],
            "79.30, 79.20, 78.00"
        );
        assert_eq!(list[0].total, Some(7930), "member 5's 20 did not count");
        let proposed: Vec<i64> = list
            .iter()
            .filter(|s| s.proposed)
            .map(|s| s.applicant.id)
            .collect();
        assert_eq!(proposed, vec![ids[0], ids[1], ids[3]]);
        // The chain, in order.
        let ppk = actor(db, "ppk.uji", Role::DecisionMaker);
        let chain = Chain {
            code: JPT,
            post: &post.code,
        };
        assert_refused!(
            chain
                .pick(db, &ppk, ids[1], "visi paling sesuai")
                .unwrap_err(),
            Selection,
            selection::Refusal::OutOfOrder {
                asked: Step::PpkChoice,
                next: Step::PanelProposal,
                ..
            }
        );
        chain
            .step(
                db,
                &admin,
                Step::PanelProposal,
                "berita acara pansel 12/2026",
            )
            .unwrap();
        assert_refused!(
            chain.pick(db, &ppk, ids[2], "pilihan").unwrap_err(),
            Selection,
            selection::Refusal::NotProposed {
                applicant_id: Some(a),
            } if *a == ids[2]
        );
        assert!(
            chain.pick(db, &admin, ids[1], "x").is_err(),
            "only the PPK picks"
        );
        // The PPK is not bound by rank: the second name, with a reason.
        chain
            .pick(db, &ppk, ids[1], "program kerja paling sesuai RPJMD")
            .unwrap();
        assert_refused!(
            chain
                .step(db, &admin, Step::Inauguration, "pelantikan")
                .unwrap_err(),
            Selection,
            selection::Refusal::OutOfOrder {
                asked: Step::Inauguration,
                next: Step::Recommendation(Authority::Bkn),
                ..
            },
            "2026: BKN recommends"
        );
        chain
            .step(
                db,
                &admin,
                Step::Recommendation(Authority::Bkn),
                "surat BKN 800/123",
            )
            .unwrap();
        chain
            .step(db, &admin, Step::Inauguration, "SK Wali Kota 821/45")
            .unwrap();
        let (_, taken) = selection::chain(db, &role(&admin), JPT, &post, today()).unwrap();
        assert_eq!(taken.len(), 4);
        assert!(
            taken.iter().skip(1).all(|d| d.applicant_id == Some(ids[1])),
            "every later step names the PPK's pick"
        );
        assert_eq!(taken[1].decided_by, "ppk.uji");
        // The documents: the stage recap, the three names, the draft decision (PDF/A).
        let sel = talenta_store::selection::by_code(db, admin.tenant.id, JPT)
            .unwrap()
            .unwrap();
        let st = standings(db, &admin, JPT);
        use calamine::{Reader, Xlsx, open_workbook_from_rs};
        let recap = selection::recap_xlsx(&sel, &st, fx::now()).unwrap();
        let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(recap)).unwrap();
        let sheet = wb.worksheet_range("Rekap").unwrap();
        assert_eq!(sheet.get_value((2, 2)).unwrap().to_string(), "Nama");
        let applicants: usize = st.posts.iter().map(|(_, l)| l.len()).sum();
        assert_eq!(sheet.height(), 3 + applicants);
        let names = fx::pdf_text(&selection::three_names_pdf(&sel, &st).unwrap());
        assert!(names.contains(&list[0].applicant.name), "{names}");
        assert!(names.contains("79,30"), "{names}");
        let letter = selection::decision_letter_pdf(db, &role(&admin), JPT, fx::now()).unwrap();
        assert!(String::from_utf8_lossy(&letter).contains("pdfaid:part"));
        let text = fx::pdf_text(&letter);
        for want in [
            "RANCANGAN KEPUTUSAN",
            "program kerja paling sesuai RPJMD", // the PPK's latest reason
            "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
            "(rancangan, bukan keputusan)",
            "halaman 1",
        ] {
            assert!(text.contains(want), "{want}: {text}");
        }
    }
}

#[test]
fn the_job_fit_of_29_jpt_pratama_by_track_record_and_a_five_member_external_panel() {
    // Kota Malang 2024: 29 JPT Pratama; here the demo Kabupaten Bekasi, which has more.
    const FIT: &str = "uji-kesesuaian-2026";
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let (admin, members) = setup_in(db, "kab-bekasi");
    let officials: Vec<(Nip, String)> =
        common::holders_of(db, admin.tenant.id, PositionClass::JptPratama)
            .into_iter()
            .take(29)
            .map(|(e, p)| (e.nip, p.code))
            .collect();
    assert!(
        officials.len() >= 10,
        "{} JPT Pratama in the demo",
        officials.len()
    );
    let spec = SelectionSpec {
        kind: Kind::JobFit,
        quorum: 5,
        opens_on: today(),
        closes_on: today(),
        ..open_selection(
            FIT,
            "Uji Kesesuaian JPT Pratama 2026",
            officials.iter().map(|(_, c)| c.clone()).collect(),
            vec![
                stage(StageKind::TrackRecord, 50, PassRule::MinScore(0)),
                stage(StageKind::Interview, 50, PassRule::MinScore(0)),
            ],
        )
    };
    let ids = open_with(
        db,
        &admin,
        &spec,
        &officials,
        "pejabat yang diuji kesesuaiannya",
    );
    for kind in [StageKind::TrackRecord, StageKind::Interview] {
        for (i, id) in ids.iter().enumerate() {
            for (m, who) in members.iter().enumerate() {
                // Three kinds of official: about 65, 80 and 92 from every member.
                let score = [6500, 8000, 9200][i % 3] + m as u32 * 50;
                score_as(db, who, FIT, *id, kind, score).unwrap();
            }
        }
        close_stage(db, &admin, FIT).unwrap();
    }
    let selection::Standings { posts: rows, done } = standings(db, &admin, FIT);
    assert!(done);
    let fits: Vec<Category> = rows
        .iter()
        .flat_map(|(_, r)| r.iter().map(|s| s.job_fit.unwrap().0))
        .collect();
    assert_eq!(
        fits.len(),
        officials.len(),
        "every official gets a category"
    );
    assert!(
        fits.iter()
            .all(|c| matches!(c, Category::O | Category::Co | Category::Ko))
    );
    // Demo JPT officials hold their posts since various dates: each constraint has its reason.
    for (_, r) in &rows {
        for x in r {
            for c in &x.constraints {
                assert!(c.reason.contains("bulan"), "{}", c.reason);
            }
        }
    }
    // The outcome feeds the rotation plan: with a heavy weight for staying that only the
    // Optimal earn, no Optimal official moves, and each line shows the outcome.
    let plan = talenta_app::rotation::plan(
        db,
        &ctx(),
        &admin.grant().unwrap(),
        &talenta_app::rotation::PlanSpec {
            posts: officials.iter().map(|(_, c)| c.clone()).collect(),
            stay_weight: 1_000_000,
            job_fit: Some(FIT.into()),
            ..Default::default()
        },
        today(),
    )
    .unwrap();
    assert!(plan.lines.iter().all(|l| l.job_fit.is_some()));
    assert!(
        plan.lines
            .iter()
            .filter(|l| l.job_fit.is_some_and(|(c, _)| c == Category::O))
            .all(|l| !l.moves)
    );
    assert!(
        rows.iter().all(|(_, r)| r.iter().all(|s| !s.proposed)),
        "a job fit proposes no names"
    );
    // Each post's official, in the order the posts were taken.
    let expect = |c: Category| {
        (0..officials.len())
            .filter(|i| [Category::Ko, Category::Co, Category::O][i % 3] == c)
            .count()
    };
    for c in [Category::O, Category::Co, Category::Ko] {
        assert_eq!(
            fits.iter().filter(|x| **x == c).count(),
            expect(c),
            "{c:?} in {fits:?}"
        );
    }
}

#[test]
fn a_score_is_typed_with_at_most_two_decimals_between_0_and_100() {
    assert_eq!(selection::parse_score("78,5"), Ok(7850));
    assert_eq!(selection::parse_score("100"), Ok(10_000));
    assert_eq!(selection::parse_score("0.05"), Ok(5));
    assert!(selection::parse_score("100,01").is_err());
    assert!(selection::parse_score("7,555").is_err());
    assert_eq!(
        selection::parse_score("-1").unwrap_err(),
        "nilai '-1' tidak sah: isi 0 sampai 100, paling banyak dua desimal"
    );
}

#[test]
fn the_assessment_stage_takes_each_internal_applicants_jpm_against_the_post_and_the_panel_cannot_score_it()
 {
    const CODE: &str = "dengan-asesmen";
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let (admin, members, post, applicants) = vacancy(db, 3);
    let spec = SelectionSpec {
        quorum: 1,
        publish_scores: true,
        ..open_selection(
            CODE,
            "Seleksi dengan asesmen",
            vec![post.code.clone()],
            vec![
                stage(StageKind::Assessment, 40, PassRule::MinScore(0)),
                stage(StageKind::Interview, 60, PassRule::MinScore(6000)),
            ],
        )
    };
    let to_post: Vec<(Nip, String)> = applicants.iter().map(|n| (*n, post.code.clone())).collect();
    let ids = open_with(db, &admin, &spec, &to_post, "berkas lengkap");
    assert_refused!(
        score_as(db, &members[0], CODE, ids[0], StageKind::Assessment, 9000).unwrap_err(),
        Selection,
        selection::Refusal::AssessmentNotScored
    );
    let st = standings(db, &admin, CODE);
    let expected: Vec<Option<u32>> = applicants
        .iter()
        .map(|n| {
            common::jpm_for(
                db,
                &admin.tenant,
                fx::date(2026, 11, 20),
                *n,
                &post.code,
                None,
            )
            .ok()
            .map(|r| (r.jpm.basis_points() as u32).min(10_000))
        })
        .collect();
    for (s, want) in st.posts[0].1.iter().map(|s| {
        (
            s,
            expected[ids.iter().position(|i| *i == s.applicant.id).unwrap()],
        )
    }) {
        assert_eq!(
            s.stages[0].0, want,
            "{}: the JPM against the post",
            s.applicant.name
        );
    }
    assert!(
        expected.iter().all(Option::is_some),
        "each applicant has a valid result"
    );
    close_stage(db, &admin, CODE).unwrap();
    let a = selection::announcement(db, "kota-mojokerto", CODE).unwrap();
    assert!(
        a.results[0].1.iter().all(|n| n.contains('(')),
        "scores published: {:?}",
        a.results
    );
}
