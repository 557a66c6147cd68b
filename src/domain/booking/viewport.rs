//! The part of a hall the floor plan shows: zoom, pan, fit and keep-in-view,
//! in the hall's units. Pure, so it is tested natively; the floor plan
//! component only turns pointer, wheel and key events into these calls.

use super::drawing::tenths;

/// The closest zoom: a stand of a few metres fills a phone's width.
pub const MAX_ZOOM: f64 = 6.0;
/// The smallest stand id worth drawing, in CSS pixels.
pub const MIN_LABEL_PX: f64 = 7.0;
/// A stand id's font size, as a share of the stand's shorter side.
const LABEL_SHARE: f64 = 0.32;

/// What is in view of a hall `width` × `depth` units: the zoom (1 shows the
/// whole hall) and the point at the centre of the view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    width: f64,
    depth: f64,
    zoom: f64,
    centre: (f64, f64),
}

impl Viewport {
    /// The whole hall.
    pub fn whole(width: f64, depth: f64) -> Viewport {
        Viewport {
            width,
            depth,
            zoom: 1.0,
            centre: (width / 2.0, depth / 2.0),
        }
    }

    pub fn zoom(&self) -> f64 {
        self.zoom
    }

    /// The part of the hall in view, as x, y, width, depth: never past an
    /// edge of the hall.
    pub fn visible(&self) -> [f64; 4] {
        let (w, d) = (self.width / self.zoom, self.depth / self.zoom);
        let x = (self.centre.0 - w / 2.0).clamp(0.0, self.width - w);
        let y = (self.centre.1 - d / 2.0).clamp(0.0, self.depth - d);
        [x, y, w, d]
    }

    /// The SVG `viewBox` of the view, in tenths (rounded by hand: float
    /// formatting would add kilobytes of Wasm).
    pub fn view_box(&self) -> String {
        self.visible()
            .map(|v| tenths((v * 10.0).round() as u32))
            .join(" ")
    }

    /// Zoomed by `factor` (above 1 closer), between the whole hall and
    /// [`MAX_ZOOM`].
    pub fn zoomed(self, factor: f64) -> Viewport {
        Viewport {
            zoom: (self.zoom * factor).clamp(1.0, MAX_ZOOM),
            ..self
        }
    }

    /// Back to the whole hall.
    pub fn fit(self) -> Viewport {
        Viewport::whole(self.width, self.depth)
    }

    /// Moved with a drag of `dx`, `dy` pixels on a plan drawn `plan_px`
    /// wide: the hall follows the pointer, and stops at its edges.
    pub fn dragged(self, dx: f64, dy: f64, plan_px: f64) -> Viewport {
        let (w, d) = (self.width / self.zoom, self.depth / self.zoom);
        let scale = w / plan_px.max(1.0);
        let centre = (
            (self.centre.0 - dx * scale).clamp(w / 2.0, self.width - w / 2.0),
            (self.centre.1 - dy * scale).clamp(d / 2.0, self.depth - d / 2.0),
        );
        Viewport { centre, ..self }
    }

    /// Centred on `point` if it is out of view, so a stand reached by the
    /// keyboard is never outside the drawing; unchanged otherwise.
    pub fn revealing(self, (px, py): (f64, f64)) -> Viewport {
        let [x, y, w, d] = self.visible();
        if (x..=x + w).contains(&px) && (y..=y + d).contains(&py) {
            self
        } else {
            Viewport {
                centre: (px, py),
                ..self
            }
        }
    }

    /// Whether stand ids can be read on a plan drawn `plan_px` wide, when
    /// the shortest side of a stand is `shortest_side` units.
    pub fn labels_legible(&self, plan_px: f64, shortest_side: u32) -> bool {
        let px_per_unit = plan_px * self.zoom / self.width;
        px_per_unit * f64::from(shortest_side) * LABEL_SHARE >= MIN_LABEL_PX
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A hall 600 × 320 units (60 m × 32 m in decimetres).
    fn hall() -> Viewport {
        Viewport::whole(600.0, 320.0)
    }

    #[test]
    fn the_whole_hall_is_in_view_at_first_and_after_fit() {
        assert_eq!(hall().visible(), [0.0, 0.0, 600.0, 320.0]);
        assert_eq!(hall().view_box(), "0 0 600 320");
        let moved = hall().zoomed(2.0).dragged(100.0, 50.0, 300.0);
        assert_ne!(moved, hall());
        assert_eq!(moved.fit(), hall());
    }

    #[test]
    fn zoom_stays_between_the_whole_hall_and_the_closest() {
        assert_eq!(hall().zoomed(0.5).zoom(), 1.0);
        assert_eq!(hall().zoomed(1.25).zoom(), 1.25);
        assert_eq!(hall().zoomed(100.0).zoom(), MAX_ZOOM);
        // Zoomed twice, about the centre: half the hall each way.
        assert_eq!(hall().zoomed(2.0).visible(), [150.0, 80.0, 300.0, 160.0]);
        assert_eq!(hall().zoomed(2.0).view_box(), "150 80 300 160");
        assert_eq!(
            Viewport::whole(45.5, 30.0).zoomed(2.0).view_box(),
            "11.4 7.5 22.8 15"
        );
    }

    #[test]
    fn a_drag_moves_the_hall_with_the_pointer_and_stops_at_its_edges() {
        // Zoomed 2×: 300 units in view on a plan 300 px wide, 1 unit a pixel.
        let zoomed = hall().zoomed(2.0);
        // Dragging left by 50 px shows what is 50 units further right.
        assert_eq!(zoomed.dragged(-50.0, 0.0, 300.0).visible()[0], 200.0);
        assert_eq!(zoomed.dragged(0.0, 30.0, 300.0).visible()[1], 50.0);
        // Far past an edge: the view stops at it.
        assert_eq!(zoomed.dragged(-10_000.0, 0.0, 300.0).visible()[0], 300.0);
        assert_eq!(
            zoomed.dragged(10_000.0, 10_000.0, 300.0).visible()[..2],
            [0.0, 0.0]
        );
        // The whole hall cannot move.
        assert_eq!(hall().dragged(-80.0, 40.0, 300.0), hall());
        // A plan not measured yet (0 px) does not divide by zero.
        assert!(zoomed.dragged(-1.0, 0.0, 0.0).visible()[0].is_finite());
    }

    #[test]
    fn a_point_out_of_view_is_brought_into_view_and_one_in_view_moves_nothing() {
        let zoomed = hall().zoomed(4.0); // 150 × 80 units, from (225, 120)
        assert_eq!(zoomed.revealing((300.0, 160.0)), zoomed);
        assert_eq!(zoomed.revealing((225.0, 120.0)), zoomed);
        let far = zoomed.revealing((590.0, 10.0));
        let [x, y, w, d] = far.visible();
        assert!((x..=x + w).contains(&590.0) && (y..=y + d).contains(&10.0));
        assert_eq!(far.zoom(), 4.0);
        // Centred on the point as far as the hall allows: flush with its edge.
        assert_eq!(far.visible(), [450.0, 0.0, 150.0, 80.0]);
        assert_eq!(
            zoomed.revealing((10.0, 315.0)).visible(),
            [0.0, 240.0, 150.0, 80.0]
        );
        // Out of view one way only is out of view.
        for beyond in [(400.0, 160.0), (300.0, 250.0)] {
            assert_ne!(zoomed.revealing(beyond), zoomed, "{beyond:?}");
        }
    }

    #[test]
    fn a_drag_on_a_wider_plan_moves_the_hall_less() {
        // Zoomed 2× on a plan 600 px wide: 300 units in view, half a unit a pixel.
        let zoomed = hall().zoomed(2.0);
        assert_eq!(zoomed.dragged(-50.0, 0.0, 600.0).visible()[0], 175.0);
        assert_eq!(zoomed.dragged(0.0, -40.0, 600.0).visible()[1], 100.0);
        // Far past the bottom edge: the view stops at it, and a drag back
        // moves it at once (nothing is kept of the overshoot).
        let bottom = zoomed.dragged(0.0, -10_000.0, 600.0);
        assert_eq!(bottom.visible()[1], 160.0);
        assert_eq!(bottom.dragged(0.0, 20.0, 600.0).visible()[1], 150.0);
    }

    #[test]
    fn stand_ids_are_drawn_only_when_big_enough_to_read() {
        // 30-unit stands (3 m) on a 375 px phone: 0.625 px a unit, 6 px ids.
        assert!(!hall().labels_legible(375.0, 30));
        assert!(hall().zoomed(1.25).labels_legible(375.0, 30));
        // On a 1,200 px desktop they are legible at once.
        assert!(hall().labels_legible(1200.0, 30));
    }
}
