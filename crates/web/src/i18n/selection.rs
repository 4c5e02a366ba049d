//! Why selection use cases refused, in words.

use talenta_app::selection::{Refusal as R, SetupProblem as P};
use talenta_domain::selection::{Authority, StageKind, Step};

use super::Lang;

/// The refusal in the page's language.
pub(super) fn say(r: &R, lang: Lang) -> String {
    match r {
        R::NotFound { code } => lang.pick(
            format!("seleksi '{code}' tidak ditemukan"),
            format!("selection '{code}' not found"),
        ),
        R::NotPanelMember { code } => lang.pick(
            format!("Anda bukan anggota pansel seleksi '{code}'"),
            format!("you are not a member of the panel of selection '{code}'"),
        ),
        R::BadSetup { problems } => problems
            .iter()
            .map(|p| problem(p, lang))
            .collect::<Vec<_>>()
            .join("; "),
        R::PostNotInSelection { post } => lang.pick(
            format!("jabatan '{post}' tidak termasuk seleksi ini"),
            format!("post '{post}' is not part of this selection"),
        ),
        R::ExternalNameMissing => lang
            .pick(
                "nama pelamar luar wajib diisi",
                "the external applicant's name is required",
            )
            .to_string(),
        R::AlreadyApplied { name } => lang.pick(
            format!("{name} sudah melamar jabatan ini"),
            format!("{name} has already applied for this post"),
        ),
        R::ApplicantNotFound { applicant_id } => lang.pick(
            format!("pelamar {applicant_id} tidak ada pada seleksi ini"),
            format!("applicant {applicant_id} is not in this selection"),
        ),
        R::AdmitAgainstCheckNeedsReason { name } => lang.pick(
            format!(
                "{name} tidak memenuhi pemeriksaan otomatis: meloloskannya membutuhkan alasan"
            ),
            format!("{name} did not pass the automatic check: admitting them needs a reason"),
        ),
        R::RejectionNeedsReason { name } => lang.pick(
            format!("keputusan tidak lolos administrasi untuk {name} membutuhkan alasan"),
            format!("the decision not to admit {name} needs a reason"),
        ),
        R::UnknownMember { name } => lang.pick(
            format!("'{name}' bukan anggota pansel seleksi ini"),
            format!("'{name}' is not a member of this selection's panel"),
        ),
        R::RelationMissing => lang
            .pick(
                "sebutkan hubungannya (mis. saudara, atasan langsung)",
                "state the relation (e.g. relative, direct superior)",
            )
            .to_string(),
        R::AllStagesClosed => lang
            .pick("semua tahap sudah ditutup", "every stage is closed already")
            .to_string(),
        R::WrongStage { current, asked } => lang.pick(
            format!(
                "tahap yang sedang berjalan adalah {}, bukan {}",
                current.label(),
                asked.label()
            ),
            format!(
                "the stage running now is {}, not {}",
                stage_en(*current),
                stage_en(*asked)
            ),
        ),
        R::AssessmentNotScored => lang
            .pick(
                "nilai tahap asesmen kompetensi diambil dari hasil asesmen (JPM terhadap jabatan yang dilamar), bukan dari pansel",
                "the score of the competency assessment stage comes from the assessment result (the job-person match against the post applied for), not from the panel",
            )
            .to_string(),
        R::PassFailNotScored { stage } => lang.pick(
            format!(
                "tahap {} dicatat memenuhi/tidak oleh panitia, tanpa nilai",
                stage.label()
            ),
            format!(
                "the stage {} is recorded as passed or not by the committee, without a score",
                stage_en(*stage)
            ),
        ),
        R::NotInStage { name } => lang.pick(
            format!("{name} tidak mengikuti tahap ini (tidak lolos tahap sebelumnya)"),
            format!("{name} is not in this stage (did not pass an earlier stage)"),
        ),
        R::OwnConflict { name } => lang.pick(
            format!("Anda menyatakan konflik kepentingan dengan {name}: nilai Anda tidak dipakai"),
            format!(
                "you declared a conflict of interest with {name}: your score is not used"
            ),
        ),
        R::ScoreTooHigh { .. } => lang
            .pick("nilai paling tinggi 100", "the highest score is 100")
            .to_string(),
        R::NotPassFailStage { stage } => lang.pick(
            format!(
                "tahap {} tidak sedang berjalan sebagai tahap memenuhi/tidak",
                stage.label()
            ),
            format!(
                "the stage {} is not running as a pass/fail stage",
                stage_en(*stage)
            ),
        ),
        R::FailNeedsReason => lang
            .pick(
                "hasil tidak memenuhi syarat membutuhkan alasan",
                "a result of not passed needs a reason",
            )
            .to_string(),
        R::NobodyInStage { stage } => lang.pick(
            format!(
                "tahap {} belum dapat ditutup: belum ada calon yang lolos administrasi dan tahap sebelumnya",
                stage.label()
            ),
            format!(
                "the stage {} cannot be closed yet: no candidate has passed the administrative check and the earlier stages",
                stage_en(*stage)
            ),
        ),
        R::ResultsIncomplete { stage, missing } => lang.pick(
            format!(
                "tahap {} belum dapat ditutup: hasil belum lengkap untuk {}",
                stage.label(),
                missing.join(", ")
            ),
            format!(
                "the stage {} cannot be closed yet: results are incomplete for {}",
                stage_en(*stage),
                missing.join(", ")
            ),
        ),
        R::ReasonMissing { step } => lang.pick(
            format!("{} membutuhkan alasan atau nomor surat", step.label()),
            format!("{} needs a reason or a letter number", step_en(*step)),
        ),
        R::OutOfOrder { post, next, .. } => lang.pick(
            format!("langkah berikutnya untuk {post} adalah: {}", next.label()),
            format!("the next step for {post} is: {}", step_en(*next)),
        ),
        R::ChainComplete { post } => lang.pick(
            format!("semua langkah untuk {post} sudah selesai"),
            format!("every step for {post} is done"),
        ),
        R::ProposalBeforeClose => lang
            .pick(
                "usulan tiga nama menunggu semua tahap ditutup",
                "the three names are proposed once every stage is closed",
            )
            .to_string(),
        R::NobodyPassed => lang
            .pick(
                "tidak ada pelamar yang lolos semua tahap untuk jabatan ini",
                "no applicant passed every stage for this post",
            )
            .to_string(),
        R::NotProposed { .. } => lang
            .pick(
                "PPK memilih satu dari tiga nama yang diusulkan pansel",
                "the PPK picks one of the three names the panel proposed",
            )
            .to_string(),
        R::NoPpkChoice => lang
            .pick(
                "PPK belum memilih calon: rancangan keputusan belum dapat dibuat",
                "the PPK has not picked a candidate yet: the draft decision cannot be made",
            )
            .to_string(),
    }
}

/// One problem of a selection's set-up.
fn problem(p: &P, lang: Lang) -> String {
    match p {
        P::BadCode => lang
            .pick(
                "kode seleksi wajib diisi dengan huruf, angka dan tanda hubung",
                "the selection code is required, with letters, digits and hyphens",
            )
            .to_string(),
        P::NoName => lang
            .pick("nama seleksi wajib diisi", "the selection name is required")
            .to_string(),
        // The domain's text is Bahasa Indonesia only.
        P::Stages { error } => lang.pick(
            error.to_string(),
            format!("the stages are not valid: {error}"),
        ),
        P::ClosesBeforeOpens {
            opens_on,
            closes_on,
        } => lang.pick(
            format!("pendaftaran ditutup {closes_on} sebelum dibuka {opens_on}"),
            format!("applications close on {closes_on}, before they open on {opens_on}"),
        ),
        P::PanelTooSmall { members } => lang.pick(
            format!("panitia seleksi {members} orang: paling sedikit 3"),
            format!("the selection panel has {members} members: at least 3"),
        ),
        P::BadQuorum { quorum, .. } => lang.pick(
            format!("kuorum {quorum} harus 1 sampai jumlah anggota pansel"),
            format!("the quorum {quorum} must be from 1 to the number of panel members"),
        ),
        P::ChairCount { .. } => lang
            .pick(
                "pansel membutuhkan tepat satu ketua",
                "the panel needs exactly one chair",
            )
            .to_string(),
        P::UnknownPost { code } => lang.pick(
            format!("jabatan '{code}' tidak ditemukan"),
            format!("post '{code}' not found"),
        ),
        P::NoPosts => lang
            .pick(
                "pilih paling sedikit satu jabatan",
                "choose at least one post",
            )
            .to_string(),
        P::NotPanelAccount { login } => lang.pick(
            format!("akun '{login}' bukan akun anggota pansel di instansi ini"),
            format!("account '{login}' is not a panel member's account in this government"),
        ),
        P::CodeTaken { code } => lang.pick(
            format!("seleksi dengan kode '{code}' sudah ada"),
            format!("a selection with code '{code}' already exists"),
        ),
    }
}

/// A stage's name in English (the domain's label is Bahasa Indonesia).
fn stage_en(k: StageKind) -> &'static str {
    match k {
        StageKind::Assessment => "Competency assessment",
        StageKind::Paper => "Paper writing",
        StageKind::Presentation => "Presentation of a work programme",
        StageKind::Interview => "Interview by the selection panel",
        StageKind::TrackRecord => "Track record check",
        StageKind::HealthPsych => "Health and psychological tests",
    }
}

/// A step of the approval chain in English (the domain's label is Bahasa Indonesia).
fn step_en(s: Step) -> String {
    match s {
        Step::PanelProposal => "Three names proposed by the selection panel".into(),
        Step::PpkChoice => "The PPK's choice of one of the three names, with a reason".into(),
        Step::Recommendation(Authority::Kasn) => {
            "Recommendation of the Civil Service Commission (KASN)".into()
        }
        Step::Recommendation(Authority::Bkn) => {
            "Recommendation of the National Civil Service Agency (BKN)".into()
        }
        Step::GovernorCoordination => "Coordination with the Governor (Regional Secretary)".into(),
        Step::MinisterApproval => "Written approval of the Minister of Home Affairs".into(),
        Step::Inauguration => "Inauguration".into(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use talenta_app::selection::{Refusal as R, SetupProblem as P};
    use talenta_domain::selection::{Authority, SelectionError, StageKind, Step};

    use super::{Lang, say};

    #[test]
    fn a_bad_set_up_joins_its_problems() {
        let r = R::BadSetup {
            problems: vec![
                P::Stages {
                    error: SelectionError("bobot tahap berjumlah 80%, harus 100%".into()),
                },
                P::ClosesBeforeOpens {
                    opens_on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default(),
                    closes_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default(),
                },
                P::PanelTooSmall { members: 2 },
            ],
        };
        assert_eq!(
            say(&r, Lang::Id),
            "bobot tahap berjumlah 80%, harus 100%; pendaftaran ditutup 2026-11-01 sebelum dibuka 2026-11-20; panitia seleksi 2 orang: paling sedikit 3"
        );
        assert_eq!(
            say(&r, Lang::En),
            "the stages are not valid: bobot tahap berjumlah 80%, harus 100%; applications close on 2026-11-01, before they open on 2026-11-20; the selection panel has 2 members: at least 3"
        );
    }

    #[test]
    fn stages_and_steps_are_named_in_each_language() {
        let r = R::WrongStage {
            current: StageKind::Paper,
            asked: StageKind::Interview,
        };
        assert_eq!(
            say(&r, Lang::Id),
            "tahap yang sedang berjalan adalah Penulisan makalah, bukan Wawancara oleh panitia seleksi"
        );
        assert_eq!(
            say(&r, Lang::En),
            "the stage running now is Paper writing, not Interview by the selection panel"
        );
        let r = R::OutOfOrder {
            post: "Kepala Dinas Pendidikan".into(),
            asked: Step::Inauguration,
            next: Step::Recommendation(Authority::Bkn),
        };
        assert_eq!(
            say(&r, Lang::Id),
            "langkah berikutnya untuk Kepala Dinas Pendidikan adalah: Rekomendasi Badan Kepegawaian Negara (BKN)"
        );
        assert_eq!(
            say(&r, Lang::En),
            "the next step for Kepala Dinas Pendidikan is: Recommendation of the National Civil Service Agency (BKN)"
        );
        let r = R::NotPanelMember {
            code: "jpt-2026".into(),
        };
        assert_eq!(
            say(&r, Lang::Id),
            "Anda bukan anggota pansel seleksi 'jpt-2026'"
        );
        assert_eq!(
            say(&r, Lang::En),
            "you are not a member of the panel of selection 'jpt-2026'"
        );
    }
}
