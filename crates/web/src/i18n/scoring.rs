//! Why scoring use cases refused, in words.

use talenta_app::scoring::{Problem, Refusal as R};

use super::Lang;

/// The refusal in the page's language.
pub(super) fn say(r: &R, lang: Lang) -> String {
    match r {
        R::NotAssessor { event } => lang.pick(
            format!("Anda bukan asesor pada acara '{event}'"),
            format!("you are not an assessor of event '{event}'"),
        ),
        R::NotAssigned => lang
            .pick(
                "peserta ini tidak ditugaskan kepada Anda pada acara ini",
                "this participant is not assigned to you in this event",
            )
            .to_string(),
        R::AlreadyFinal => lang
            .pick(
                "hasil peserta ini sudah final: perubahan hanya lewat koreksi oleh admin dengan alasan",
                "this participant's result is final: only an administrator's amendment with a reason can change it",
            )
            .to_string(),
        R::Sheet { problems } => problems
            .iter()
            .map(|p| problem(p, lang))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// One problem of a sheet's entries (the method by its catalogue label).
fn problem(p: &Problem, lang: Lang) -> String {
    match p {
        Problem::NotMeasured { method, competency } => {
            let m = method.label();
            lang.pick(
                format!("metode {m} tidak mengukur kompetensi {competency} pada acara ini"),
                format!("method {m} does not measure competency {competency} in this event"),
            )
        }
        Problem::EvidenceTooLong {
            method,
            competency,
            max,
        } => {
            let m = method.label();
            lang.pick(
                format!(
                    "bukti perilaku {m} {competency} terlalu panjang (paling banyak {max} karakter)"
                ),
                format!("the behavioural evidence of {m} {competency} is too long (at most {max} characters)"),
            )
        }
        Problem::NoEvidence { method, competency } => {
            let m = method.label();
            lang.pick(
                format!("{m} {competency}: bukti perilaku belum diisi"),
                format!("{m} {competency}: behavioural evidence not filled in"),
            )
        }
        Problem::NoLevel { method, competency } => {
            let m = method.label();
            lang.pick(
                format!("{m} {competency}: level belum diisi"),
                format!("{m} {competency}: level not filled in"),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use talenta_app::scoring::{Problem, Refusal as R};
    use talenta_domain::CompetencyCode;
    use talenta_domain::method::Method;

    use super::{Lang, say};

    #[test]
    fn the_problems_of_a_sheet_are_joined_in_both_languages() {
        let c = CompetencyCode::parse("M.2").unwrap();
        let r = R::Sheet {
            problems: vec![
                Problem::NotMeasured {
                    method: Method::Presentation,
                    competency: c.clone(),
                },
                Problem::EvidenceTooLong {
                    method: Method::Presentation,
                    competency: c.clone(),
                    max: 4000,
                },
                Problem::NoEvidence {
                    method: Method::Paper,
                    competency: c.clone(),
                },
                Problem::NoLevel {
                    method: Method::Paper,
                    competency: c,
                },
            ],
        };
        assert_eq!(
            say(&r, Lang::Id),
            "metode Presentasi tidak mengukur kompetensi M.2 pada acara ini; \
             bukti perilaku Presentasi M.2 terlalu panjang (paling banyak 4000 karakter); \
             Makalah M.2: bukti perilaku belum diisi; Makalah M.2: level belum diisi"
        );
        assert_eq!(
            say(&r, Lang::En),
            "method Presentasi does not measure competency M.2 in this event; \
             the behavioural evidence of Presentasi M.2 is too long (at most 4000 characters); \
             Makalah M.2: behavioural evidence not filled in; Makalah M.2: level not filled in"
        );
    }

    #[test]
    fn not_an_assessor_names_the_event() {
        let r = R::NotAssessor {
            event: "AS-2026".into(),
        };
        assert_eq!(say(&r, Lang::Id), "Anda bukan asesor pada acara 'AS-2026'");
        assert_eq!(
            say(&r, Lang::En),
            "you are not an assessor of event 'AS-2026'"
        );
    }
}
