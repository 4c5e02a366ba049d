//! Open selection and job fit on the demo Kota Mojokerto: the Metro case (an eselon II post by
//! paper, presentation and interview, health pass/fail; three names; the PPK picks one with a
//! reason; the chain in order) and the Malang case (job fit of JPT Pratama by track record and
//! a five-member, external panel). Scores stay hidden until a stage closes; a conflicted member
//! does not count.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use chrono::NaiveDate;
use talenta_app::AppError;
use talenta_app::access::{Actor, Role};
use talenta_app::error::Refusal;
use talenta_app::selection::{self, Kind, PanelSpec, SelectionSpec, SetupProblem, Who};
use talenta_domain::selection::{Authority, Calendar, PassRule, Stage, StageKind, Step};
use talenta_domain::{Category, PositionClass};
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

#[test]
fn an_eselon_ii_selection_by_paper_presentation_and_interview_ends_with_the_ppks_pick_and_the_chain()
 {
    for mut t in testing::both() {
        let db = &mut t.db;
        let (admin, members) = setup(db);
        let holders: std::collections::HashSet<i64> =
            talenta_store::master::list_employees(db, admin.tenant.id)
                .unwrap()
                .iter()
                .filter_map(|e| e.position_id)
                .collect();
        let positions = talenta_store::master::list_positions(db, admin.tenant.id).unwrap();
        let post = positions
            .iter()
            .find(|p| p.class == PositionClass::JptPratama && !holders.contains(&p.id))
            .expect("a vacant JPT post")
            .clone();
        let admins: Vec<talenta_domain::Nip> = {
            let ids: std::collections::HashSet<i64> = positions
                .iter()
                .filter(|p| p.class == PositionClass::Administrator)
                .map(|p| p.id)
                .collect();
            talenta_store::master::list_employees(db, admin.tenant.id)
                .unwrap()
                .into_iter()
                .filter(|e| e.position_id.is_some_and(|p| ids.contains(&p)))
                .take(4)
                .map(|e| e.nip)
                .collect()
        };
        let stages = vec![
            Stage {
                kind: StageKind::Paper,
                weight: 30,
                pass: PassRule::MinScore(6000),
            },
            Stage {
                kind: StageKind::Presentation,
                weight: 30,
                pass: PassRule::MinScore(6000),
            },
            Stage {
                kind: StageKind::Interview,
                weight: 40,
                pass: PassRule::MinScore(6500),
            },
            Stage {
                kind: StageKind::HealthPsych,
                weight: 0,
                pass: PassRule::PassFail,
            },
        ];
        let spec = SelectionSpec {
            code: "jpt-2026".into(),
            name: "Seleksi Terbuka JPT Pratama 2026".into(),
            kind: Kind::Open,
            posts: vec![post.code.clone()],
            stages: stages.clone(),
            quorum: 3,
            requirements: "S1; 5 tahun pengalaman; 2 tahun Administrator".into(),
            opens_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            closes_on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            calendar: Calendar::default(),
            panel: panel(),
            publish_scores: false,
        };
        // Bad set-ups are refused whole.
        let mut bad = spec.clone();
        bad.stages[0].weight = 10;
        bad.panel.truncate(2);
        let err = selection::create(db, &ctx(), &admin.grant().unwrap(), &bad).unwrap_err();
        assert!(
            matches!(
                &err,
                AppError::Refused(Refusal::Selection(selection::Refusal::BadSetup { problems }))
                    if problems.iter().any(|p| matches!(
                        p,
                        SetupProblem::Stages { error } if error.0.contains("bobot tahap berjumlah 80%")
                    )) && problems
                        .iter()
                        .any(|p| matches!(p, SetupProblem::PanelTooSmall { members: 2 }))
            ),
            "{err:?}"
        );
        selection::create(db, &ctx(), &admin.grant().unwrap(), &spec).unwrap();
        // Applications: four Administrators and one outsider.
        let mut ids = Vec::new();
        for n in &admins {
            ids.push(
                selection::apply(
                    db,
                    &ctx(),
                    &admin.grant().unwrap(),
                    "jpt-2026",
                    &post.code,
                    &Who::Internal(*n),
                    today(),
                )
                .unwrap(),
            );
        }
        let outsider = selection::apply(
            db,
            &ctx(),
            &admin.grant().unwrap(),
            "jpt-2026",
            &post.code,
            &Who::External(selection::ExternalProfile {
                name: "Dr. Luar Biasa".into(),
                birth_date: NaiveDate::from_ymd_opt(1980, 1, 1).unwrap(),
                education: talenta_domain::eligibility::Education::S2,
                current_post: "Direktur, Kementerian".into(),
            }),
            today(),
        )
        .unwrap();
        ids.push(outsider);
        let err = selection::apply(
            db,
            &ctx(),
            &admin.grant().unwrap(),
            "jpt-2026",
            &post.code,
            &Who::Internal(admins[0]),
            today(),
        )
        .unwrap_err();
        assert!(
            matches!(
                err,
                AppError::Refused(Refusal::Selection(
                    selection::Refusal::AlreadyApplied { .. }
                ))
            ),
            "{err:?}"
        );
        let err = selection::screen(
            db,
            &ctx(),
            &admin.grant().unwrap(),
            "jpt-2026",
            ids[3],
            false,
            " ",
        )
        .unwrap_err();
        assert!(
            matches!(
                err,
                AppError::Refused(Refusal::Selection(
                    selection::Refusal::RejectionNeedsReason { .. }
                ))
            ),
            "{err:?}"
        );
        for id in &ids {
            selection::screen(
                db,
                &ctx(),
                &admin.grant().unwrap(),
                "jpt-2026",
                *id,
                true,
                "memenuhi persyaratan administrasi menurut verifikasi berkas",
            )
            .unwrap();
        }
        // Member 5 is related to the first applicant.
        as_member(db, &members[4], "jpt-2026", |db, m| {
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
                    let r = as_member(db, who, "jpt-2026", |db, m| {
                        selection::score(db, &ctx(), m, *id, *kind, table[a][k])
                    });
                    if m == 4 && a == 0 {
                        let err = r.unwrap_err();
                        assert!(
                            matches!(
                                err,
                                AppError::Refused(Refusal::Selection(
                                    selection::Refusal::OwnConflict { .. }
                                ))
                            ),
                            "{err:?}"
                        );
                    } else {
                        r.unwrap();
                    }
                }
            }
            // Alone: a member sees only their own score until the stage closes.
            let (stage, rows) = as_member(db, &members[1], "jpt-2026", |db, m| {
                selection::panel_view(db, m)
            })
            .unwrap();
            assert_eq!(stage.unwrap().kind, *kind);
            assert!(rows.iter().all(|r| r.others.is_empty() && r.mine.is_some()));
            // A score for the wrong stage is refused.
            if k == 0 {
                let e = as_member(db, &members[0], "jpt-2026", |db, m| {
                    selection::score(db, &ctx(), m, ids[0], StageKind::Interview, 8000)
                })
                .unwrap_err();
                assert!(
                    matches!(
                        e,
                        AppError::Refused(Refusal::Selection(selection::Refusal::WrongStage {
                            current: StageKind::Paper,
                            asked: StageKind::Interview,
                        }))
                    ),
                    "{e:?}"
                );
            }
            assert_eq!(
                selection::close_stage(db, &ctx(), &admin.grant().unwrap(), "jpt-2026").unwrap(),
                *kind
            );
        }
        // Health and psychology: the outsider (index 4) is not fit; index 2 left after the interview.
        let e =
            selection::close_stage(db, &ctx(), &admin.grant().unwrap(), "jpt-2026").unwrap_err();
        assert!(
            matches!(
                e,
                AppError::Refused(Refusal::Selection(selection::Refusal::ResultsIncomplete {
                    stage: StageKind::HealthPsych,
                    ..
                }))
            ),
            "{e:?}"
        );
        for (a, id) in ids.iter().enumerate() {
            if a == 2 {
                continue;
            } // out after the interview
            selection::record_outcome(
                db,
                &ctx(),
                &admin.grant().unwrap(),
                "jpt-2026",
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
        selection::close_stage(db, &ctx(), &admin.grant().unwrap(), "jpt-2026").unwrap();
        let selection::Standings { posts: rows, done } = selection::standings(
            db,
            &talenta_app::selection::SelectionRole::of(&admin).unwrap(),
            "jpt-2026",
            today(),
        )
        .unwrap();
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
        let e = selection::decide(
            db,
            &ctx(),
            &talenta_app::selection::SelectionRole::of(&ppk).unwrap(),
            "jpt-2026",
            &selection::Decide {
                post: &post.code,
                step: Step::PpkChoice,
                applicant_id: Some(ids[1]),
                reason: "visi paling sesuai",
                on: today(),
            },
        )
        .unwrap_err();
        assert!(
            matches!(
                e,
                AppError::Refused(Refusal::Selection(selection::Refusal::OutOfOrder {
                    asked: Step::PpkChoice,
                    next: Step::PanelProposal,
                    ..
                }))
            ),
            "{e:?}"
        );
        selection::decide(
            db,
            &ctx(),
            &talenta_app::selection::SelectionRole::of(&admin).unwrap(),
            "jpt-2026",
            &selection::Decide {
                post: &post.code,
                step: Step::PanelProposal,
                applicant_id: None,
                reason: "berita acara pansel 12/2026",
                on: today(),
            },
        )
        .unwrap();
        let e = selection::decide(
            db,
            &ctx(),
            &talenta_app::selection::SelectionRole::of(&ppk).unwrap(),
            "jpt-2026",
            &selection::Decide {
                post: &post.code,
                step: Step::PpkChoice,
                applicant_id: Some(ids[2]),
                reason: "pilihan",
                on: today(),
            },
        )
        .unwrap_err();
        assert!(
            matches!(
                e,
                AppError::Refused(Refusal::Selection(selection::Refusal::NotProposed {
                    applicant_id: Some(a),
                })) if a == ids[2]
            ),
            "{e:?}"
        );
        assert!(
            selection::decide(
                db,
                &ctx(),
                &talenta_app::selection::SelectionRole::of(&admin).unwrap(),
                "jpt-2026",
                &selection::Decide {
                    post: &post.code,
                    step: Step::PpkChoice,
                    applicant_id: Some(ids[1]),
                    reason: "x",
                    on: today()
                }
            )
            .is_err(),
            "only the PPK picks"
        );
        // The PPK is not bound by rank: the second name, with a reason.
        selection::decide(
            db,
            &ctx(),
            &talenta_app::selection::SelectionRole::of(&ppk).unwrap(),
            "jpt-2026",
            &selection::Decide {
                post: &post.code,
                step: Step::PpkChoice,
                applicant_id: Some(ids[1]),
                reason: "program kerja paling sesuai RPJMD",
                on: today(),
            },
        )
        .unwrap();
        let e = selection::decide(
            db,
            &ctx(),
            &talenta_app::selection::SelectionRole::of(&admin).unwrap(),
            "jpt-2026",
            &selection::Decide {
                post: &post.code,
                step: Step::Inauguration,
                applicant_id: None,
                reason: "pelantikan",
                on: today(),
            },
        )
        .unwrap_err();
        assert!(
            matches!(
                e,
                AppError::Refused(Refusal::Selection(selection::Refusal::OutOfOrder {
                    asked: Step::Inauguration,
                    next: Step::Recommendation(Authority::Bkn),
                    ..
                }))
            ),
            "2026: BKN recommends: {e:?}"
        );
        selection::decide(
            db,
            &ctx(),
            &talenta_app::selection::SelectionRole::of(&admin).unwrap(),
            "jpt-2026",
            &selection::Decide {
                post: &post.code,
                step: Step::Recommendation(talenta_domain::selection::Authority::Bkn),
                applicant_id: None,
                reason: "surat BKN 800/123",
                on: today(),
            },
        )
        .unwrap();
        selection::decide(
            db,
            &ctx(),
            &talenta_app::selection::SelectionRole::of(&admin).unwrap(),
            "jpt-2026",
            &selection::Decide {
                post: &post.code,
                step: Step::Inauguration,
                applicant_id: None,
                reason: "SK Wali Kota 821/45",
                on: today(),
            },
        )
        .unwrap();
        let (_, taken) = selection::chain(
            db,
            &talenta_app::selection::SelectionRole::of(&admin).unwrap(),
            "jpt-2026",
            &post,
            today(),
        )
        .unwrap();
        assert_eq!(taken.len(), 4);
        assert!(
            taken.iter().skip(1).all(|d| d.applicant_id == Some(ids[1])),
            "every later step names the PPK's pick"
        );
        assert_eq!(taken[1].decided_by, "ppk.uji");
        // The documents: the stage recap, the three names, the draft decision (PDF/A).
        let sel = talenta_store::selection::by_code(db, admin.tenant.id, "jpt-2026")
            .unwrap()
            .unwrap();
        let st = selection::standings(
            db,
            &talenta_app::selection::SelectionRole::of(&admin).unwrap(),
            "jpt-2026",
            today(),
        )
        .unwrap();
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
        let letter = selection::decision_letter_pdf(
            db,
            &talenta_app::selection::SelectionRole::of(&admin).unwrap(),
            "jpt-2026",
            fx::now(),
        )
        .unwrap();
        assert!(String::from_utf8_lossy(&letter).contains("pdfaid:part"));
        let text = fx::pdf_text(&letter);
        assert!(text.contains("RANCANGAN KEPUTUSAN"), "{text}");
        assert!(
            text.contains("program kerja paling sesuai RPJMD"),
            "the PPK's latest reason: {text}"
        );
        assert!(
            text.contains("Kepala Dinas Pekerjaan Umum dan Penataan Ruang"),
            "{text}"
        );
        assert!(
            text.contains("(rancangan, bukan keputusan)") && text.contains("halaman 1"),
            "{text}"
        );
    }
}

#[test]
fn the_job_fit_of_29_jpt_pratama_by_track_record_and_a_five_member_external_panel() {
    // Kota Malang 2024: 29 JPT Pratama; here the demo Kabupaten Bekasi, which has more.
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let (admin, members) = setup_in(db, "kab-bekasi");
    let positions = talenta_store::master::list_positions(db, admin.tenant.id).unwrap();
    let jpt: std::collections::HashMap<i64, String> = positions
        .iter()
        .filter(|p| p.class == PositionClass::JptPratama)
        .map(|p| (p.id, p.code.clone()))
        .collect();
    let officials: Vec<(talenta_domain::Nip, String)> =
        talenta_store::master::list_employees(db, admin.tenant.id)
            .unwrap()
            .into_iter()
            .filter_map(|e| {
                e.position_id
                    .and_then(|p| jpt.get(&p))
                    .map(|c| (e.nip, c.clone()))
            })
            .take(29)
            .collect();
    assert!(
        officials.len() >= 10,
        "{} JPT Pratama in the demo",
        officials.len()
    );
    let spec = SelectionSpec {
        code: "uji-kesesuaian-2026".into(),
        name: "Uji Kesesuaian JPT Pratama 2026".into(),
        kind: Kind::JobFit,
        posts: officials.iter().map(|(_, c)| c.clone()).collect(),
        stages: vec![
            Stage {
                kind: StageKind::TrackRecord,
                weight: 50,
                pass: PassRule::MinScore(0),
            },
            Stage {
                kind: StageKind::Interview,
                weight: 50,
                pass: PassRule::MinScore(0),
            },
        ],
        quorum: 5,
        requirements: String::new(),
        opens_on: today(),
        closes_on: today(),
        calendar: Calendar::default(),
        panel: panel(),
        publish_scores: false,
    };
    selection::create(db, &ctx(), &admin.grant().unwrap(), &spec).unwrap();
    let mut ids = Vec::new();
    for (nip, code) in &officials {
        let id = selection::apply(
            db,
            &ctx(),
            &admin.grant().unwrap(),
            "uji-kesesuaian-2026",
            code,
            &Who::Internal(*nip),
            today(),
        )
        .unwrap();
        selection::screen(
            db,
            &ctx(),
            &admin.grant().unwrap(),
            "uji-kesesuaian-2026",
            id,
            true,
            "pejabat yang diuji kesesuaiannya",
        )
        .unwrap();
        ids.push(id);
    }
    for kind in [StageKind::TrackRecord, StageKind::Interview] {
        for (i, id) in ids.iter().enumerate() {
            for (m, who) in members.iter().enumerate() {
                // Three kinds of official: about 65, 80 and 92 from every member.
                let score = [6500, 8000, 9200][i % 3] + m as u32 * 50;
                as_member(db, who, "uji-kesesuaian-2026", |db, m| {
                    selection::score(db, &ctx(), m, *id, kind, score)
                })
                .unwrap();
            }
        }
        selection::close_stage(db, &ctx(), &admin.grant().unwrap(), "uji-kesesuaian-2026").unwrap();
    }
    let selection::Standings { posts: rows, done } = selection::standings(
        db,
        &talenta_app::selection::SelectionRole::of(&admin).unwrap(),
        "uji-kesesuaian-2026",
        today(),
    )
    .unwrap();
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
            job_fit: Some("uji-kesesuaian-2026".into()),
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
    let mut t = testing::sqlite();
    let db = &mut t.db;
    let (admin, members) = setup(db);
    let holders: std::collections::HashSet<i64> =
        talenta_store::master::list_employees(db, admin.tenant.id)
            .unwrap()
            .iter()
            .filter_map(|e| e.position_id)
            .collect();
    let positions = talenta_store::master::list_positions(db, admin.tenant.id).unwrap();
    let post = positions
        .iter()
        .find(|p| p.class == PositionClass::JptPratama && !holders.contains(&p.id))
        .unwrap()
        .clone();
    let ids: std::collections::HashSet<i64> = positions
        .iter()
        .filter(|p| p.class == PositionClass::Administrator)
        .map(|p| p.id)
        .collect();
    let applicants: Vec<talenta_domain::Nip> =
        talenta_store::master::list_employees(db, admin.tenant.id)
            .unwrap()
            .into_iter()
            .filter(|e| e.position_id.is_some_and(|p| ids.contains(&p)))
            .take(3)
            .map(|e| e.nip)
            .collect();
    let spec = SelectionSpec {
        code: "dengan-asesmen".into(),
        name: "Seleksi dengan asesmen".into(),
        kind: Kind::Open,
        posts: vec![post.code.clone()],
        stages: vec![
            Stage {
                kind: StageKind::Assessment,
                weight: 40,
                pass: PassRule::MinScore(0),
            },
            Stage {
                kind: StageKind::Interview,
                weight: 60,
                pass: PassRule::MinScore(6000),
            },
        ],
        quorum: 1,
        requirements: String::new(),
        opens_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        closes_on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        calendar: Calendar::default(),
        panel: panel(),
        publish_scores: true,
    };
    selection::create(db, &ctx(), &admin.grant().unwrap(), &spec).unwrap();
    let mut ids = Vec::new();
    for n in &applicants {
        let id = selection::apply(
            db,
            &ctx(),
            &admin.grant().unwrap(),
            "dengan-asesmen",
            &post.code,
            &Who::Internal(*n),
            today(),
        )
        .unwrap();
        selection::screen(
            db,
            &ctx(),
            &admin.grant().unwrap(),
            "dengan-asesmen",
            id,
            true,
            "berkas lengkap",
        )
        .unwrap();
        ids.push(id);
    }
    let e = as_member(db, &members[0], "dengan-asesmen", |db, m| {
        selection::score(db, &ctx(), m, ids[0], StageKind::Assessment, 9000)
    })
    .unwrap_err();
    assert!(
        matches!(
            e,
            AppError::Refused(Refusal::Selection(selection::Refusal::AssessmentNotScored))
        ),
        "{e:?}"
    );
    let st = selection::standings(
        db,
        &talenta_app::selection::SelectionRole::of(&admin).unwrap(),
        "dengan-asesmen",
        today(),
    )
    .unwrap();
    let expected: Vec<Option<u32>> = applicants
        .iter()
        .map(|n| {
            talenta_app::jpm::jpm_for(
                db,
                &ctx(),
                &talenta_fixture::admin(&admin.tenant).grant().unwrap(),
                *n,
                &post.code,
                None,
                NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
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
    selection::close_stage(db, &ctx(), &admin.grant().unwrap(), "dengan-asesmen").unwrap();
    let a = selection::announcement(db, "kota-mojokerto", "dengan-asesmen").unwrap();
    assert!(
        a.results[0].1.iter().all(|n| n.contains('(')),
        "scores published: {:?}",
        a.results
    );
}
