//! A hall's contents as SVG markup, built as one string.
//!
//! Why a string and not a view per stand: a plan may hold a thousand stands.
//! Handing the browser one piece of markup to parse is several times faster
//! than creating three thousand nodes one call at a time across the Wasm
//! boundary, and it keeps per-stand view code out of the binary. Every value
//! from the data is escaped, so an id, a label or a name is only ever text.

use super::money::{decimal_text, Length};
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

const DOM_ID_PREFIX: &str = "stand-";

/// The DOM id of a stand's element; the interface finds stands by it.
pub fn stand_dom_id(id: &str) -> String {
    format!("{DOM_ID_PREFIX}{id}")
}

/// The stand id back from its element's DOM id.
pub fn stand_id_of(dom_id: &str) -> Option<&str> {
    dom_id.strip_prefix(DOM_ID_PREFIX)
}

/// A number of tenths as an SVG number ("125" is "12.5").
pub fn tenths(t: u32) -> String {
    decimal_text(u64::from(t), 1)
}

/// A hall drawn in two layers.
pub struct HallSvg {
    /// Hall features (entrances, stages, cafés) with their labels, then one
    /// focusable `role="button"` rectangle per stand.
    pub shapes: String,
    /// The stand ids, laid over the rectangles. A separate layer so that the
    /// interface can leave it out while the ids are too small to read: a
    /// plan of a thousand stands is then a thousand elements, not two
    /// thousand, for the browser to style, lay out and paint.
    pub ids: String,
}

/// Draws a hall's features and stands. Units are decimetres, as in the data,
/// so every coordinate is exact.
pub fn hall_svg<'a>(
    features: impl IntoIterator<Item = (&'a Feature, &'a str)>,
    stands: impl IntoIterator<Item = StandMark<'a>>,
) -> HallSvg {
    let mut shapes = String::new();
    let mut ids = String::new();
    for (f, label) in features {
        shapes.push_str(r#"<g class="floor-plan__feature" aria-hidden="true">"#);
        push_rect(&mut shapes, f.x, f.y, f.w, f.d, "");
        push_label(&mut shapes, f.x, f.y, f.w, f.d, 45, "", &escape(label));
        shapes.push_str("</g>");
    }
    for m in stands {
        let s = m.stand;
        let status = s.status.code();
        let attributes = format!(
            r#" class="floor-plan__stand floor-plan__stand--{status}{}" id="{}" role="button" tabindex="{}" aria-pressed="{}"{} aria-label="{}""#,
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
        push_rect(&mut shapes, s.x, s.y, s.w, s.d, &attributes);
        let class = format!(r#" class="floor-plan__id floor-plan__id--{status}""#);
        push_label(&mut ids, s.x, s.y, s.w, s.d, 32, &class, &escape(&s.id));
    }
    HallSvg { shapes, ids }
}

fn push_rect(out: &mut String, x: Length, y: Length, w: Length, d: Length, attributes: &str) {
    let _ = write!(
        out,
        r#"<rect{attributes} x="{}" y="{}" width="{}" height="{}"></rect>"#,
        x.0, y.0, w.0, d.0
    );
}

/// A label centred on a box, its size `percent` of the box's shorter side.
#[allow(clippy::too_many_arguments)]
fn push_label(
    out: &mut String,
    x: Length,
    y: Length,
    w: Length,
    d: Length,
    percent: u32,
    attributes: &str,
    text: &str,
) {
    let (x, y, w, d) = (x.0, y.0, w.0, d.0);
    let _ = write!(
        out,
        r#"<text{attributes} x="{}" y="{}" font-size="{}">{text}</text>"#,
        tenths(x * 10 + w * 5),
        tenths(y * 10 + d * 5),
        tenths(w.min(d) * percent / 10),
    );
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
    fn dom_ids_go_both_ways() {
        assert_eq!(stand_id_of(&stand_dom_id("A01")), Some("A01"));
        assert_eq!(stand_id_of("plan-help"), None);
    }

    #[test]
    fn tenths_are_exact_decimals() {
        assert_eq!(tenths(0), "0");
        assert_eq!(tenths(125), "12.5");
        assert_eq!(tenths(300), "30");
    }

    fn one_stand(mark: StandMark) -> HallSvg {
        hall_svg([], [mark])
    }

    #[test]
    fn data_never_becomes_markup() {
        let mut s = stand("A1", 0, 0, 3, 3, "space", Status::Available);
        s.id = r#"x"><script>alert(1)</script>"#.into();
        let svg = one_stand(StandMark {
            stand: &s,
            label: "<b>'label'</b> & more".into(),
            chosen: false,
            tab_stop: false,
        });
        for layer in [&svg.shapes, &svg.ids] {
            assert!(!layer.contains("<script>") && !layer.contains("<b>"));
        }
        assert!(svg.ids.contains("&lt;script&gt;"));
        assert!(svg.shapes.contains("&#39;label&#39;"));
        assert!(svg.shapes.contains(r#"id="stand-x&quot;&gt;"#));
    }

    #[test]
    fn a_stand_is_drawn_to_scale_with_its_state() {
        let mut s = stand("B7", 2, 4, 3, 3, "space", Status::Sold);
        s.d = Length(25);
        let svg = one_stand(StandMark {
            stand: &s,
            label: "Stand B7".into(),
            chosen: true,
            tab_stop: true,
        });
        assert_eq!(
            svg.shapes,
            r#"<rect class="floor-plan__stand floor-plan__stand--sold floor-plan__stand--selected" id="stand-B7" role="button" tabindex="0" aria-pressed="true" aria-disabled="true" aria-label="Stand B7" x="20" y="40" width="30" height="25"></rect>"#
        );
        // Centred: 20 + 30 / 2 = 35, 40 + 25 / 2 = 52.5; 32 % of 25 = 8.
        assert_eq!(
            svg.ids,
            r#"<text class="floor-plan__id floor-plan__id--sold" x="35" y="52.5" font-size="8">B7</text>"#
        );
    }
}
