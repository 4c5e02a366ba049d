//! Why results use cases refused, in words.

use talenta_app::results::{Pending, Refusal as R};
use talenta_domain::integration::IntegrationError;

use super::Lang;

/// The refusal in the page's language.
pub(super) fn say(r: &R, lang: Lang) -> String {
    match r {
        R::Integration { error } => integration(error, lang),
        R::NotParticipant { event } => lang.pick(
            format!("pegawai ini bukan peserta acara '{event}'"),
            format!("this employee is not a participant of event '{event}'"),
        ),
        R::NotParticipantOf { employee, event } => lang.pick(
            format!("pegawai {employee} bukan peserta acara '{event}'"),
            format!("employee {employee} is not a participant of event '{event}'"),
        ),
        R::ConsensusChanged => lang
            .pick(
                "konsensus ini baru saja diubah orang lain; muat ulang lalu coba lagi",
                "someone else has just changed this consensus; reload and try again",
            )
            .to_string(),
        R::ConsensusWithoutReason { competency } => lang.pick(
            format!("konsensus kompetensi {competency} membutuhkan alasan yang dicatat"),
            format!("the consensus on competency {competency} needs a recorded reason"),
        ),
        R::NotMeasured { competency } => lang.pick(
            format!("kompetensi {competency} tidak diukur pada acara ini"),
            format!("competency {competency} is not measured in this event"),
        ),
        R::AlreadyFinal => lang
            .pick(
                "hasil peserta ini sudah final: ubah lewat koreksi dengan alasan",
                "this participant's result is final: change it by an amendment with a reason",
            )
            .to_string(),
        R::NotReady { name, pending } => {
            let pending = if pending.is_empty() {
                lang.pick(
                    "belum ada penilaian yang dikirim",
                    "no rating submitted yet",
                )
                .to_string()
            } else {
                pending
                    .iter()
                    .map(|p| pending_text(p, lang))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            lang.pick(
                format!("belum dapat difinalkan: {name}: {pending}"),
                format!("cannot be finalised yet: {name}: {pending}"),
            )
        }
        R::AmendmentWithoutReason => lang
            .pick(
                "koreksi hasil yang sudah final membutuhkan alasan",
                "amending a final result needs a reason",
            )
            .to_string(),
        R::NotFinal { name } => lang.pick(
            format!("hasil {name} belum final: belum ada yang dikoreksi"),
            format!("the result of {name} is not final: there is nothing to amend"),
        ),
        R::NotInResult { competency } => lang.pick(
            format!("kompetensi {competency} tidak ada pada hasil ini"),
            format!("competency {competency} is not in this result"),
        ),
        R::NothingToPublish => lang
            .pick(
                "belum ada hasil yang final untuk diumumkan",
                "no result is final yet to publish",
            )
            .to_string(),
        R::NothingPublished => lang
            .pick(
                "belum ada hasil asesmen Anda yang diumumkan",
                "none of your assessment results has been published yet",
            )
            .to_string(),
        R::NoResult { name } => lang.pick(
            format!("{name} belum memiliki hasil asesmen"),
            format!("{name} has no assessment result yet"),
        ),
    }
}

/// One competency without a level, and why.
fn pending_text(p: &Pending, lang: Lang) -> String {
    match p {
        Pending::NoRating { competency } => lang.pick(
            format!("{competency} belum ada penilaian"),
            format!("{competency} no rating yet"),
        ),
        Pending::MoreRatings {
            competency,
            missing,
        } => lang.pick(
            format!("{competency} menunggu {missing} penilaian lagi"),
            format!("{competency} waiting for {missing} more ratings"),
        ),
        Pending::Consensus { competency } => lang.pick(
            format!("{competency} menunggu konsensus rapat asesor"),
            format!("{competency} waiting for the assessors' meeting's consensus"),
        ),
    }
}

/// A refused integration of ratings (the Bahasa Indonesia is the domain's own text).
pub(super) fn integration(e: &IntegrationError, lang: Lang) -> String {
    match (lang, e) {
        (Lang::Id, e) => e.to_string(),
        (Lang::En, IntegrationError::ConsensusWithoutReason(c)) => {
            format!("the consensus on competency {c} needs a recorded reason")
        }
    }
}

#[cfg(test)]
mod tests {
    use talenta_app::results::{Pending, Refusal as R};
    use talenta_domain::CompetencyCode;
    use talenta_domain::integration::IntegrationError;

    use super::{Lang, say};

    fn code(c: &str) -> CompetencyCode {
        CompetencyCode::parse(c).unwrap()
    }

    #[test]
    fn a_participant_not_ready_lists_each_competency_and_why_in_both_languages() {
        let r = R::NotReady {
            name: "Budi".into(),
            pending: vec![
                Pending::NoRating {
                    competency: code("M.1"),
                },
                Pending::MoreRatings {
                    competency: code("M.2"),
                    missing: 2,
                },
                Pending::Consensus {
                    competency: code("M.3"),
                },
            ],
        };
        assert_eq!(
            say(&r, Lang::Id),
            "belum dapat difinalkan: Budi: M.1 belum ada penilaian, M.2 menunggu 2 penilaian lagi, M.3 menunggu konsensus rapat asesor"
        );
        assert_eq!(
            say(&r, Lang::En),
            "cannot be finalised yet: Budi: M.1 no rating yet, M.2 waiting for 2 more ratings, M.3 waiting for the assessors' meeting's consensus"
        );
        let none = R::NotReady {
            name: "Sari".into(),
            pending: Vec::new(),
        };
        assert_eq!(
            say(&none, Lang::Id),
            "belum dapat difinalkan: Sari: belum ada penilaian yang dikirim"
        );
        assert_eq!(
            say(&none, Lang::En),
            "cannot be finalised yet: Sari: no rating submitted yet"
        );
    }

    #[test]
    fn a_consensus_without_reason_reads_the_same_from_the_rule_and_from_the_domain() {
        let mine = R::ConsensusWithoutReason {
            competency: code("M.1"),
        };
        let domain = R::Integration {
            error: IntegrationError::ConsensusWithoutReason(code("M.1")),
        };
        for r in [&mine, &domain] {
            assert_eq!(
                say(r, Lang::Id),
                "konsensus kompetensi M.1 membutuhkan alasan yang dicatat"
            );
            assert_eq!(
                say(r, Lang::En),
                "the consensus on competency M.1 needs a recorded reason"
            );
        }
        assert_eq!(
            say(
                &R::NotParticipantOf {
                    employee: 7,
                    event: "AS-1".into()
                },
                Lang::Id
            ),
            "pegawai 7 bukan peserta acara 'AS-1'"
        );
    }
}
