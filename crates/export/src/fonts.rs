//! The two fonts every PDF is written in, DejaVu Sans regular and bold (compiled into the
//! binary by the `dejavu` crate), parsed once per process and shared by all documents; and the
//! text measuring built on them: width, cutting to a width, word-wrapping.
//!
//! Text is shaped here with rustybuzz (the shaper krilla uses itself), so the widths used for
//! layout are exactly the advances that are drawn.

use std::borrow::Cow;
use std::sync::LazyLock;

use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::ExportError;

/// What is put at the end of a cut text.
const ELLIPSIS: &str = "...";

/// One face: the font krilla embeds and the shaper's view of the same bytes.
pub(crate) struct Face {
    pub(crate) pdf: Font,
    shaper: rustybuzz::Face<'static>,
    units_per_em: f32,
}

/// A text ready to draw: the text as drawn (characters the font lacks replaced) and its glyphs.
pub(crate) struct Shaped {
    pub(crate) text: String,
    pub(crate) glyphs: Vec<KrillaGlyph>,
}

impl Shaped {
    /// Width at `size` points.
    fn width(&self, size: f32) -> f32 {
        self.glyphs.iter().map(|g| g.x_advance * size).sum()
    }
}

struct Fonts {
    regular: Face,
    bold: Face,
}

static FONTS: LazyLock<Result<Fonts, &'static str>> = LazyLock::new(|| {
    Ok(Fonts {
        regular: Face::new(dejavu::sans::regular()).ok_or("DejaVu Sans")?,
        bold: Face::new(dejavu::sans::bold()).ok_or("DejaVu Sans Bold")?,
    })
});

/// The regular or bold face.
pub(crate) fn face(bold: bool) -> Result<&'static Face, ExportError> {
    match &*FONTS {
        Ok(f) => Ok(if bold { &f.bold } else { &f.regular }),
        Err(name) => Err(ExportError::Font(name)),
    }
}

/// Characters that draw nothing and that DejaVu has no glyph for (variation selectors,
/// zero-width joiners and spaces, byte-order marks): dropped rather than drawn as a box.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

impl Face {
    fn new(data: &'static [u8]) -> Option<Face> {
        let shaper = rustybuzz::Face::from_slice(data, 0)?;
        let units_per_em = f32::from(u16::try_from(shaper.units_per_em()).ok()?);
        Some(Face {
            pdf: Font::new(data.into(), 0)?,
            shaper,
            units_per_em,
        })
    }

    /// The text as it can be drawn: control characters become spaces, invisible ones are
    /// dropped, characters the font has no glyph for (and private-use ones, which PDF/A
    /// forbids) become `?`, so a document never carries an empty box and stays valid PDF/A.
    fn clean<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let drawable = |c: char| {
            !c.is_control()
                && !invisible(c)
                && !matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{FFFE}' | '\u{FFFF}')
                && self.shaper.glyph_index(c).is_some()
        };
        if text.chars().all(drawable) {
            return Cow::Borrowed(text);
        }
        Cow::Owned(
            text.chars()
                .filter(|c| !invisible(*c))
                .map(|c| match c {
                    c if drawable(c) => c,
                    c if c.is_control() => ' ',
                    _ => '?',
                })
                .collect(),
        )
    }

    /// Shapes one line of left-to-right text.
    pub(crate) fn shape(&self, text: &str) -> Shaped {
        let text = self.clean(text).into_owned();
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(&text);
        buffer.guess_segment_properties();
        buffer.set_direction(rustybuzz::Direction::LeftToRight);
        let out = rustybuzz::shape(&self.shaper, &[], buffer);
        let infos = out.glyph_infos();
        let em = self.units_per_em;
        let glyphs = infos
            .iter()
            .zip(out.glyph_positions())
            .enumerate()
            .map(|(i, (info, pos))| {
                let start = info.cluster as usize;
                // The cluster ends where the next cluster starts.
                let end = infos[i..]
                    .iter()
                    .find(|next| next.cluster != info.cluster)
                    .map_or(text.len(), |next| next.cluster as usize);
                KrillaGlyph::new(
                    GlyphId::new(info.glyph_id),
                    pos.x_advance as f32 / em,
                    pos.x_offset as f32 / em,
                    pos.y_offset as f32 / em,
                    pos.y_advance as f32 / em,
                    start..end,
                    None,
                )
            })
            .collect();
        Shaped { text, glyphs }
    }
}

/// Width of `text` in points at `size` points, in DejaVu Sans (bold or regular), as drawn.
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    match face(bold) {
        Ok(f) => f.shape(text).width(size),
        // Not reachable with the compiled-in fonts; an estimate keeps layout going and the
        // error surfaces when the PDF is written.
        Err(_) => text.chars().count() as f32 * size * 0.55,
    }
}

/// `text` as it fits in `width` points: unchanged if it fits, otherwise cut at a character
/// and ended with `...`, the whole no wider than `width`.
pub fn fit(text: &str, width: f32, size: f32, bold: bool) -> String {
    let Ok(face) = face(bold) else {
        return text.to_string();
    };
    let shaped = face.shape(text);
    if shaped.width(size) <= width {
        return text.to_string();
    }
    let budget = width - face.shape(ELLIPSIS).width(size);
    // Whole clusters from the start while they fit.
    let mut used = 0.0;
    let mut cut = 0;
    let mut i = 0;
    while let Some(g) = shaped.glyphs.get(i) {
        let cluster = &shaped.glyphs[i..];
        let n = cluster
            .iter()
            .take_while(|x| x.text_range == g.text_range)
            .count();
        let w: f32 = cluster[..n].iter().map(|x| x.x_advance * size).sum();
        if used + w > budget {
            break;
        }
        used += w;
        cut = g.text_range.end;
        i += n;
    }
    let mut head = shaped
        .text
        .get(..cut)
        .unwrap_or_default()
        .trim_end()
        .to_string();
    // Kerning across the cut can differ from the sum; step back until it truly fits.
    while !head.is_empty() && face.shape(&format!("{head}{ELLIPSIS}")).width(size) > width {
        head.pop();
        head.truncate(head.trim_end().len());
    }
    head.push_str(ELLIPSIS);
    head
}

/// Cuts `text` into lines no wider than `width` points, at spaces; a word longer than a line
/// is broken between characters rather than cut off.
pub fn wrap(text: &str, width: f32, size: f32, bold: bool) -> Vec<String> {
    let space = text_width(" ", size, bold);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0.0;
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        let mut w = text_width(&word, size, bold);
        if !line.is_empty() && used + space + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0.0;
        }
        while line.is_empty() && w > width {
            // As many characters as fit (at least one) go on a line of their own.
            let mut split = 0;
            for (i, c) in word.char_indices() {
                let end = i + c.len_utf8();
                if split > 0 && text_width(&word[..end], size, bold) > width {
                    break;
                }
                split = end;
            }
            if split >= word.len() {
                break;
            }
            lines.push(word[..split].to_string());
            word = word[split..].to_string();
            w = text_width(&word, size, bold);
        }
        if !line.is_empty() {
            line.push(' ');
            used += space;
        }
        line.push_str(&word);
        used += w;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font_not_a_character_count() {
        // Same number of characters, very different widths.
        assert!(
            text_width("WWWWWWWWWW", 10.0, false) > 2.0 * text_width("iiiiiiiiii", 10.0, false)
        );
        assert!(text_width("Budi", 10.0, true) > text_width("Budi", 10.0, false));
        assert!(
            (text_width("Budi", 20.0, false) - 2.0 * text_width("Budi", 10.0, false)).abs() < 1e-3
        );
    }

    #[test]
    fn a_cut_text_ends_with_dots_and_fits() {
        let long = "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten";
        let cut = fit(long, 100.0, 9.0, false);
        assert!(cut.ends_with("..."), "{cut}");
        assert!(text_width(&cut, 9.0, false) <= 100.0);
        assert!(long.starts_with(cut.trim_end_matches("...")));
        assert_eq!(fit("Budi", 100.0, 9.0, false), "Budi");
        // Narrow letters fit where a count of characters would have cut them.
        let narrow = "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii";
        assert_eq!(fit(narrow, 100.0, 9.0, false), narrow);
        assert!(fit("WWWWWWWWWWWWWWWW", 100.0, 9.0, false).ends_with("..."));
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let text = "Meningkatkan kemampuan berkomunikasi secara lisan dan tertulis melalui pelatihan serta penugasan khusus di unit kerja.";
        let lines = wrap(text, 150.0, 10.0, false);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| text_width(l, 10.0, false) <= 150.0));
        assert_eq!(lines.join(" "), text);
        let long = wrap("Sangatpanjangsekalitanpaspasisamasekali", 60.0, 10.0, false);
        assert!(long.len() > 1);
        assert_eq!(long.concat(), "Sangatpanjangsekalitanpaspasisamasekali");
    }

    #[test]
    fn characters_the_font_lacks_become_question_marks() {
        let f = face(false).unwrap();
        assert_eq!(f.shape("Nur’aini ✓ é").text, "Nur’aini ✓ é");
        assert_eq!(f.shape("日本\tx\u{FE0F}").text, "?? x");
        assert!(
            f.shape("Désa")
                .glyphs
                .iter()
                .all(|g| g.glyph_id.to_u32() != 0)
        );
    }
}
