//! Why rotation use cases refused, in words.

use talenta_app::rotation::{Blocked, Place, Refusal as R};
use talenta_domain::eligibility::Requirement;

use super::Lang;

/// The refusal in the page's language.
pub(super) fn say(r: &R, lang: Lang) -> String {
    match r {
        R::NoPosts => lang
            .pick(
                "pilih paling sedikit satu jabatan untuk rencana rotasi",
                "choose at least one post for the rotation plan",
            )
            .to_string(),
        R::UnknownPosts { codes } => lang.pick(
            format!("jabatan tidak ditemukan: {}", codes.join(", ")),
            format!("posts not found: {}", codes.join(", ")),
        ),
        R::NotEmployees { nips } => {
            let nips = nips
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            lang.pick(
                format!("NIP berikut bukan pegawai instansi ini: {nips}"),
                format!("these NIPs are not employees of this government: {nips}"),
            )
        }
        R::NoCandidates => lang
            .pick(
                "tidak ada calon: jabatan yang dipilih kosong dan tidak ada NIP calon",
                "no candidates: the chosen posts are empty and no candidate NIP was given",
            )
            .to_string(),
        R::NotCandidate { nip } => lang.pick(
            format!("NIP {nip} bukan calon dalam rencana ini"),
            format!("NIP {nip} is not a candidate in this plan"),
        ),
        R::PostNotInPlan { code } => lang.pick(
            format!("jabatan '{code}' tidak termasuk rencana ini"),
            format!("post '{code}' is not part of this plan"),
        ),
        R::NotPinnable { person, post, why } => lang.pick(
            format!("{person} tidak dapat disematkan ke {post}: {}", blocked(why, lang)),
            format!("{person} cannot be pinned to {post}: {}", blocked(why, lang)),
        ),
        R::PostPinnedTwice {
            post,
            first,
            second,
        } => lang.pick(
            format!("rencana tidak mungkin: {post} disematkan untuk dua orang, {first} dan {second}"),
            format!("the plan is impossible: {post} is pinned for two people, {first} and {second}"),
        ),
        R::PersonPinnedTwice {
            person,
            first,
            second,
        } => lang.pick(
            format!("rencana tidak mungkin: {person} disematkan ke dua jabatan, {first} dan {second}"),
            format!("the plan is impossible: {person} is pinned to two posts, {first} and {second}"),
        ),
        R::PinsExceedMoves { moves, max } => lang.pick(
            format!(
                "rencana tidak mungkin: {moves} pasangan yang disematkan sudah berarti {moves} perpindahan, lebih dari batas {max}"
            ),
            format!(
                "the plan is impossible: {moves} pinned pairs already mean {moves} moves, more than the limit of {max}"
            ),
        ),
        R::TooFewPlaces { people, places } => {
            let people = people.join(", ");
            let places = if places.is_empty() {
                lang.pick("tidak satu jabatan pun", "not a single post")
                    .to_string()
            } else {
                places
                    .iter()
                    .map(|p| match p {
                        Place::Post { name } => name.clone(),
                        Place::StayOut { name } => lang.pick(
                            format!("tetap di luar rencana ({name})"),
                            format!("staying out of the plan ({name})"),
                        ),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            lang.pick(
                format!("rencana tidak mungkin: {people} hanya dapat menempati {places}"),
                format!("the plan is impossible: {people} can only take {places}"),
            )
        }
        R::Unsolvable { cause } => lang.pick(
            format!("rencana tidak dapat dihitung: {cause}"),
            format!("the plan cannot be computed: {cause}"),
        ),
    }
}

/// Why a person may not take a post, in the page's language.
fn blocked(b: &Blocked, lang: Lang) -> String {
    match b {
        Blocked::TooSoon { months, min } => lang.pick(
            format!("baru {months} bulan pada jabatan sekarang (minimal {min} bulan)"),
            format!("only {months} months in the current post (at least {min} months)"),
        ),
        Blocked::NoResult => lang
            .pick(
                "tidak ada hasil asesmen yang berlaku untuk jabatan ini",
                "no valid assessment result for this post",
            )
            .to_string(),
        Blocked::Downward => lang.pick("turun jenjang", "a lower rung").to_string(),
        // The domain gives each check's reason in Bahasa Indonesia only: in English the
        // requirement is named and its reason follows as given.
        Blocked::Ineligible { failed } => failed
            .iter()
            .map(|c| match lang {
                Lang::Id => c.reason.clone(),
                Lang::En => format!("{} not met ({})", requirement(c.requirement), c.reason),
            })
            .collect::<Vec<_>>()
            .join("; "),
        Blocked::Forbidden => lang
            .pick("pasangan ini dilarang", "this pair is forbidden")
            .to_string(),
    }
}

/// A promotion requirement's name in English.
fn requirement(r: Requirement) -> &'static str {
    match r {
        Requirement::Education => "minimum education",
        Requirement::YearsOnRungBelow => "years on the rung below",
        Requirement::ServiceYears => "years of service",
        Requirement::Performance => "performance of at least Baik",
        Requirement::MaxAge => "age limit",
        Requirement::Rank => "rank within the eselon's range",
        Requirement::Sanction => "no recent moderate or severe sanction",
        Requirement::Retirement => "not close to retirement",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_beyond_the_move_limit_in_both_languages() {
        let r = R::PinsExceedMoves { moves: 2, max: 1 };
        assert_eq!(
            say(&r, Lang::Id),
            "rencana tidak mungkin: 2 pasangan yang disematkan sudah berarti 2 perpindahan, lebih dari batas 1"
        );
        assert_eq!(
            say(&r, Lang::En),
            "the plan is impossible: 2 pinned pairs already mean 2 moves, more than the limit of 1"
        );
    }

    #[test]
    fn too_few_places_and_a_held_pin_in_both_languages() {
        let r = R::TooFewPlaces {
            people: vec!["Ani".into(), "Budi".into()],
            places: vec![Place::StayOut { name: "Ani".into() }],
        };
        assert_eq!(
            say(&r, Lang::Id),
            "rencana tidak mungkin: Ani, Budi hanya dapat menempati tetap di luar rencana (Ani)"
        );
        assert_eq!(
            say(&r, Lang::En),
            "the plan is impossible: Ani, Budi can only take staying out of the plan (Ani)"
        );
        let r = R::NotPinnable {
            person: "Ani".into(),
            post: "Kasubag Umum".into(),
            why: Blocked::TooSoon { months: 3, min: 12 },
        };
        assert_eq!(
            say(&r, Lang::Id),
            "Ani tidak dapat disematkan ke Kasubag Umum: baru 3 bulan pada jabatan sekarang (minimal 12 bulan)"
        );
        assert_eq!(
            say(&r, Lang::En),
            "Ani cannot be pinned to Kasubag Umum: only 3 months in the current post (at least 12 months)"
        );
    }
}
