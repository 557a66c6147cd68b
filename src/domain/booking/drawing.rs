//! A hall's contents as SVG markup, built as one string.
//!
//! Why a string and not a view per stand: a plan may hold a thousand stands.
//! Handing the browser one piece of markup to parse is several times faster
//! than creating three thousand nodes one call at a time across the Wasm
//! boundary, and it keeps per-stand view code out of the binary. Every value
//! from the data is escaped, so an id, a label or a name is only ever text.

use super::money::Length;
use super::plan::{Feature, Stand};
use std::fmt::Write;

/// What the drawing needs to know about a stand beyond the plan data.
pub struct StandMark<'a> {
    pub stand: &'a Stand,
    /// The accessible name (id, size, type, sides, price, status).
    pub label: String,
    pub chosen: bool,
    /// The one stand in the roving tabindex that Tab reaches.
    pub tab_stop: bool,
}

/// The DOM id of a stand's element; the interface finds stands by it.
pub fn stand_dom_id(id: &str) -> String {
    format!("stand-{id}")
}

/// Hall features (entrances, stages, cafés) with their labels, then the
/// stands: each a focusable `role="button"` group with a rectangle and its id.
/// Units are decimetres, as in the data, so every coordinate is exact.
pub fn hall_svg<'a>(
    features: impl IntoIterator<Item = (&'a Feature, &'a str)>,
    stands: impl IntoIterator<Item = StandMark<'a>>,
) -> String {
    let mut out = String::new();
    for (f, label) in features {
        out.push_str(r#"<g class="floor-plan__feature" aria-hidden="true">"#);
        push_box(&mut out, f.x, f.y, f.w, f.d, 45, &escape(label));
        out.push_str("</g>");
    }
    for m in stands {
        let s = m.stand;
        let _ = write!(
            out,
            r#"<g class="floor-plan__stand floor-plan__stand--{}{}" id="{}" role="button" tabindex="{}" aria-pressed="{}"{} aria-label="{}">"#,
            s.status.code(),
            if m.chosen {
                " floor-plan__stand--selected"
            } else {
                ""
            },
            escape(&stand_dom_id(&s.id)),
            if m.tab_stop { "0" } else { "-1" },
            m.chosen,
            if s.is_available() {
                ""
            } else {
                r#" aria-disabled="true""#
            },
            escape(&m.label),
        );
        push_box(&mut out, s.x, s.y, s.w, s.d, 32, &escape(&s.id));
        out.push_str("</g>");
    }
    out
}

/// A rectangle with a centred label whose size is `percent` of the shorter side.
fn push_box(
    out: &mut String,
    x: Length,
    y: Length,
    w: Length,
    d: Length,
    percent: u32,
    text: &str,
) {
    let (x, y, w, d) = (x.0, y.0, w.0, d.0);
    let _ = write!(
        out,
        r#"<rect x="{x}" y="{y}" width="{w}" height="{d}"></rect><text x="{}" y="{}" font-size="{}" aria-hidden="true">{text}</text>"#,
        tenths(x * 10 + w * 5),
        tenths(y * 10 + d * 5),
        tenths(w.min(d) * percent / 10),
    );
}

/// A number of tenths as a decimal ("125" is "12.5"), without floats.
pub fn tenths(t: u32) -> String {
    match t % 10 {
        0 => (t / 10).to_string(),
        r => format!("{}.{r}", t / 10),
    }
}

/// Text made safe inside markup and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::booking::plan::{tests::stand, Status};

    #[test]
    fn tenths_are_exact_decimals() {
        assert_eq!(tenths(0), "0");
        assert_eq!(tenths(125), "12.5");
        assert_eq!(tenths(300), "30");
    }

    #[test]
    fn data_never_becomes_markup() {
        let mut s = stand("A1", 0, 0, 3, 3, "space", Status::Available);
        s.id = r#"x"><script>alert(1)</script>"#.into();
        let svg = hall_svg(
            [],
            [StandMark {
                stand: &s,
                label: "<b>'label'</b> & more".into(),
                chosen: false,
                tab_stop: false,
            }],
        );
        assert!(!svg.contains("<script>"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("&#39;label&#39;"));
        assert!(svg.contains(r#"id="stand-x&quot;&gt;"#));
    }

    #[test]
    fn a_stand_is_drawn_to_scale_with_its_state() {
        let mut s = stand("B7", 2, 4, 3, 3, "space", Status::Sold);
        s.d = Length(25);
        let svg = hall_svg(
            [],
            [StandMark {
                stand: &s,
                label: "Stand B7".into(),
                chosen: true,
                tab_stop: true,
            }],
        );
        assert!(svg.contains(
            r#"class="floor-plan__stand floor-plan__stand--sold floor-plan__stand--selected""#
        ));
        assert!(svg.contains(r#"id="stand-B7" role="button" tabindex="0" aria-pressed="true" aria-disabled="true" aria-label="Stand B7""#));
        assert!(svg.contains(r#"<rect x="20" y="40" width="30" height="25"></rect>"#));
        // Centred label: 20 + 30 / 2 = 35, 40 + 25 / 2 = 52.5; 32 % of 25 = 8.
        assert!(svg.contains(r#"<text x="35" y="52.5" font-size="8" aria-hidden="true">B7</text>"#));
    }
}
