//! The 9-box talent grid as server-rendered SVG: potential upwards, performance to the right,
//! each box with its number, count and a link to the people in it. No script, no external
//! resources, so it passes the CSP and prints well.

use std::fmt::Write;

use talenta_domain::performance::Expectation;
use talenta_domain::talent::{BoxScheme, Potential};

/// Escapes text for SVG/XML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The grid with `counts[box - 1]` people per box; `link(box)` is the drill-down address.
pub fn talent_grid(scheme: &BoxScheme, counts: &[u32; 9], link: impl Fn(u8) -> String) -> String {
    const CELL: u32 = 150;
    const LEFT: u32 = 110;
    const TOP: u32 = 10;
    let width = LEFT + 3 * CELL + 10;
    let height = TOP + 3 * CELL + 60;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-label="Peta talenta 9 kotak" class="grid9">"#
    );
    let pots = [Potential::High, Potential::Medium, Potential::Low];
    let perfs = [Expectation::Below, Expectation::Meets, Expectation::Above];
    let pool_fill = "#cfe8cf";
    for (row, p) in pots.iter().enumerate() {
        let y = TOP + row as u32 * CELL;
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="end" class="axis">{}</text>"#,
            LEFT - 8,
            y + CELL / 2,
            esc(p.label())
        );
        for (col, e) in perfs.iter().enumerate() {
            let x = LEFT + col as u32 * CELL;
            let b = scheme.place(*p, *e);
            let n = counts[usize::from(b.0.clamp(1, 9)) - 1];
            let fill = if scheme.in_pool(b) {
                pool_fill
            } else {
                "#f3f3f3"
            };
            let name = scheme.info(b).map(|i| i.name.as_str()).unwrap_or("");
            let _ = write!(
                s,
                r##"<a href="{href}"><g class="box" data-box="{num}"><title>{title}</title><rect x="{x}" y="{y}" width="{w}" height="{w}" fill="{fill}" stroke="#555"/><text x="{tx}" y="{ty}" class="num">{num}</text><text x="{cx}" y="{cy}" text-anchor="middle" class="count">{n}</text></g></a>"##,
                href = esc(&link(b.0)),
                num = b.0,
                title = esc(&format!("Kotak {}: {name} ({n} orang)", b.0)),
                w = CELL - 4,
                tx = x + 8,
                ty = y + 22,
                cx = x + CELL / 2,
                cy = y + CELL / 2 + 12,
            );
        }
    }
    for (col, e) in perfs.iter().enumerate() {
        let x = LEFT + col as u32 * CELL + CELL / 2;
        let _ = write!(
            s,
            r#"<text x="{x}" y="{}" text-anchor="middle" class="axis">{}</text>"#,
            TOP + 3 * CELL + 22,
            esc(&format!("Kinerja {}", e.label()))
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_shows_every_box_with_its_count_and_link() {
        let counts = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        let svg = talent_grid(&BoxScheme::permenpan_3_2020(), &counts, |b| {
            format!("/peta-talenta/kotak/{b}?u=<x>")
        });
        for b in 1..=9 {
            assert!(svg.contains(&format!(r#"data-box="{b}""#)), "box {b}");
            assert!(svg.contains(&format!(r#"href="/peta-talenta/kotak/{b}?u=&lt;x&gt;""#)));
        }
        assert!(svg.contains(">9</text>"));
        assert!(!svg.contains("<x>"), "escaped");
        // High potential is the top row: box 9 is drawn before box 4.
        assert!(svg.find(r#"data-box="9""#) < svg.find(r#"data-box="4""#));
    }
}
