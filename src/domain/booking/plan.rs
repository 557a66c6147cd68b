//! The floor plan the organiser publishes (`public/data/floorplan.json`):
//! halls and stands in metres, with type, open sides and status.

use super::event::{Event, StandType};
use super::money::{area_text, Length, Money, Percent};
use crate::domain::data::{check_id, DataFile};
use crate::domain::text::{western_digits, Text};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FloorPlan {
    pub halls: Vec<Hall>,
    pub stands: Vec<Stand>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hall {
    pub id: String,
    pub name: Text,
    pub width: Length,
    pub depth: Length,
    /// Entrances, stages, cafés… drawn for orientation; never bookable.
    #[serde(default)]
    pub features: Vec<Feature>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feature {
    pub label: Text,
    pub x: Length,
    pub y: Length,
    pub w: Length,
    pub d: Length,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Available,
    OnHold,
    Reserved,
    Sold,
    Blocked,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Available,
        Status::OnHold,
        Status::Reserved,
        Status::Sold,
        Status::Blocked,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Available => "available",
            Status::OnHold => "on-hold",
            Status::Reserved => "reserved",
            Status::Sold => "sold",
            Status::Blocked => "blocked",
        }
    }
}

/// One stand: its place (x, y from the hall's top-left corner, w × d), type,
/// open sides and status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stand {
    pub id: String,
    pub hall: String,
    pub x: Length,
    pub y: Length,
    pub w: Length,
    pub d: Length,
    #[serde(rename = "type")]
    pub kind: String,
    pub open_sides: u8,
    pub status: Status,
    /// The exhibitor or sponsor shown on a taken stand.
    #[serde(default)]
    pub exhibitor: Option<String>,
    /// Why a stand is blocked or held, for example "fire exit".
    #[serde(default)]
    pub note: Option<Text>,
}

/// A stand's price: its space (area × its type's rate per m²) and the
/// premium for its open sides, a percentage of the space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StandPrice {
    pub space: Money,
    pub premium_rate: Percent,
    pub premium: Money,
}

impl StandPrice {
    /// Space and premium together.
    pub fn total(&self) -> Option<Money> {
        self.space.checked_add(self.premium)
    }
}

impl Stand {
    /// Whether an exhibitor may choose this stand now.
    pub fn is_available(&self) -> bool {
        self.status == Status::Available
    }

    pub fn area_dm2(&self) -> u64 {
        self.w.area_dm2(self.d)
    }

    pub fn area_text(&self) -> String {
        area_text(self.area_dm2())
    }

    /// Area × rate plus the open-side premium: what this stand alone costs
    /// (`None` if the terms do not price it or the amount cannot be represented).
    pub fn price(&self, event: &Event) -> Option<Money> {
        self.priced(event.stand_type(&self.kind)?, event)?.total()
    }

    /// The stand's price in its parts, at the rate of its type `t`: the one
    /// place a stand is priced (the plan, the list and the quote read it).
    /// `None` if an amount cannot be represented.
    pub fn priced(&self, t: &StandType, event: &Event) -> Option<StandPrice> {
        let space = space_price(self.area_dm2(), t.price_per_m2)?;
        // The terms list a premium for 1 to 4 open sides and every stand has
        // 1 to 4 (both checked where the files are read).
        let premium_rate = event.premium(self.open_sides).unwrap_or_default();
        Some(StandPrice {
            space,
            premium_rate,
            premium: space.percent(premium_rate)?,
        })
    }

    /// Whether two stands touch along an edge (not only at a corner).
    pub fn is_adjacent(&self, other: &Stand) -> bool {
        fn overlap(a0: u32, a1: u32, b0: u32, b1: u32) -> bool {
            a0.max(b0) < a1.min(b1)
        }
        let (ax1, ay1, bx1, by1) = (
            self.x.0 + self.w.0,
            self.y.0 + self.d.0,
            other.x.0 + other.w.0,
            other.y.0 + other.d.0,
        );
        self.hall == other.hall
            && (((ax1 == other.x.0 || bx1 == self.x.0) && overlap(self.y.0, ay1, other.y.0, by1))
                || ((ay1 == other.y.0 || by1 == self.y.0)
                    && overlap(self.x.0, ax1, other.x.0, bx1)))
    }

    fn overlaps(&self, other: &Stand) -> bool {
        self.hall == other.hall
            && self.x.0 < other.x.0 + other.w.0
            && other.x.0 < self.x.0 + self.w.0
            && self.y.0 < other.y.0 + other.d.0
            && other.y.0 < self.y.0 + self.d.0
    }

    /// Centre in half-decimetres (twice the coordinates, so it stays whole),
    /// for keyboard moves between stands and keeping a stand in view.
    pub fn centre(&self) -> (i64, i64) {
        (
            i64::from(self.x.0) * 2 + i64::from(self.w.0),
            i64::from(self.y.0) * 2 + i64::from(self.d.0),
        )
    }
}

/// Area × price per m², rounded to the cent (areas are in dm²); `None` if
/// the amount cannot be represented.
pub fn space_price(area_dm2: u64, per_m2: Money) -> Option<Money> {
    super::money::div_round(i128::from(area_dm2) * i128::from(per_m2.0), 100).map(Money)
}

/// What the stand list shows: every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StandFilter {
    pub hall: Option<String>,
    pub kind: Option<String>,
    pub status: Option<Status>,
    /// In hundredths of a square metre, like [`Stand::area_dm2`], so "12.5" filters exactly.
    pub min_area_dm2: Option<u64>,
    pub max_price: Option<Money>,
}

/// A number typed into a list filter, in Western or Arabic-Indic digits: up
/// to two decimals ("12.5" m²,
/// "3060.50" EUR) in hundredths, its thousands grouped or not, as the site
/// writes them ("3,060.50"); empty means no filter. Anything else (a minus
/// sign, three decimals, letters, a comma out of place) is refused, so the
/// list never silently ignores what was typed.
pub fn parse_filter_number(text: &str) -> Result<Option<u64>, FilterNumberError> {
    let western = western_digits(text);
    let t = western.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let (whole, decimals) = t.split_once('.').map_or((t, None), |(w, d)| (w, Some(d)));
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or_default();
    let grouped = whole.contains(',');
    if grouped && (first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3)) {
        return Err(FilterNumberError);
    }
    let ungrouped = match decimals {
        Some(d) => format!("{}.{d}", whole.replace(',', "")),
        None => whole.replace(',', ""),
    };
    super::money::parse_decimal(&ungrouped, 2)
        .and_then(|v| u64::try_from(v).ok())
        .map(Some)
        .ok_or(FilterNumberError)
}

/// A list filter's number that could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilterNumberError;

/// A column of the stand list to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Id,
    Hall,
    Type,
    Area,
    Price,
    Status,
}

/// A direction of an arrow key on the plan. The hall never mirrors, so these
/// are physical directions in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl FloorPlan {
    pub fn stand(&self, id: &str) -> Option<&Stand> {
        self.stands.iter().find(|s| s.id == id)
    }

    pub fn hall(&self, id: &str) -> Option<&Hall> {
        self.halls.iter().find(|h| h.id == id)
    }

    pub fn stands_in<'a>(&'a self, hall: &'a str) -> impl Iterator<Item = &'a Stand> + 'a {
        self.stands.iter().filter(move |s| s.hall == hall)
    }

    /// The stand Home (`last` false) or End (`last` true) moves to: the
    /// first or last of the hall in reading order of the drawing, row by row
    /// from the top-left corner (the plan is physical, so in Arabic too).
    pub fn edge<'a>(&'a self, hall: &'a str, last: bool) -> Option<&'a Stand> {
        let key = |s: &&Stand| (s.y.0, s.x.0, s.id.clone());
        let stands = self.stands_in(hall);
        if last {
            stands.max_by_key(key)
        } else {
            stands.min_by_key(key)
        }
    }

    /// The stand an arrow key moves to: the nearest one in that direction in
    /// the same hall, preferring stands in line over stands off to the side.
    pub fn neighbour<'a>(&'a self, from: &'a Stand, dir: Direction) -> Option<&'a Stand> {
        let (fx, fy) = from.centre();
        self.stands_in(&from.hall)
            .filter(|s| s.id != from.id)
            .filter_map(|s| {
                let (x, y) = s.centre();
                let (along, across) = match dir {
                    Direction::Right => (x - fx, y - fy),
                    Direction::Left => (fx - x, y - fy),
                    Direction::Down => (y - fy, x - fx),
                    Direction::Up => (fy - y, x - fx),
                };
                (along > 0).then_some((along + 3 * across.abs(), s))
            })
            .min_by_key(|(score, s)| (*score, s.id.clone()))
            .map(|(_, s)| s)
    }

    /// The stands the list shows, filtered and sorted (ties keep plan order).
    pub fn list(
        &self,
        event: &Event,
        filter: &StandFilter,
        key: SortKey,
        ascending: bool,
    ) -> Vec<&Stand> {
        let price = |s: &Stand| s.price(event).unwrap_or_default();
        let mut out: Vec<&Stand> = self
            .stands
            .iter()
            .filter(|s| filter.hall.as_ref().is_none_or(|h| &s.hall == h))
            .filter(|s| filter.kind.as_ref().is_none_or(|k| &s.kind == k))
            .filter(|s| filter.status.is_none_or(|st| s.status == st))
            .filter(|s| filter.min_area_dm2.is_none_or(|m| s.area_dm2() >= m))
            .filter(|s| filter.max_price.is_none_or(|m| price(s) <= m))
            .collect();
        out.sort_by(|a, b| {
            let order = match key {
                SortKey::Id => a.id.cmp(&b.id),
                SortKey::Hall => a.hall.cmp(&b.hall),
                SortKey::Type => a.kind.cmp(&b.kind),
                SortKey::Area => a.area_dm2().cmp(&b.area_dm2()),
                SortKey::Price => price(a).cmp(&price(b)),
                SortKey::Status => a.status.cmp(&b.status),
            };
            if ascending {
                order
            } else {
                order.reverse()
            }
        });
        out
    }

    /// Stands whose type the event's terms do not list, by field. A check
    /// across two files, so it is not part of the plan's own rules: the
    /// data tests run it, and a quote refuses such a stand
    /// ([`super::quote::Violation::UnknownType`]).
    pub fn type_problems(&self, event: &Event) -> Vec<String> {
        self.stands
            .iter()
            .enumerate()
            .filter(|(_, s)| event.stand_type(&s.kind).is_none())
            .map(|(i, s)| {
                format!(
                    "{}.type: no stand type `{}` in {}",
                    stand_at(i, s),
                    s.kind.escape_debug(),
                    Event::PATH
                )
            })
            .collect()
    }
}

fn stand_at(i: usize, s: &Stand) -> String {
    format!("stands[{i}] ({})", s.id.escape_debug())
}

impl DataFile for FloorPlan {
    const PATH: &'static str = "data/floorplan.json";

    /// Everything the organiser can get wrong in the plan itself, by field.
    fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (i, h) in self.halls.iter().enumerate() {
            let at = format!("halls[{i}]");
            check_id(&format!("{at}.id"), &h.id, &mut out);
            if self.halls.iter().filter(|g| g.id == h.id).count() > 1 {
                out.push(format!("{at}.id: `{}` is used twice", h.id.escape_debug()));
            }
        }
        for (i, s) in self.stands.iter().enumerate() {
            let at = stand_at(i, s);
            check_id(&format!("{at}.id"), &s.id, &mut out);
            check_id(&format!("{at}.type"), &s.kind, &mut out);
            if self.stands.iter().filter(|t| t.id == s.id).count() > 1 {
                out.push(format!("{at}.id: used by more than one stand"));
            }
            match self.hall(&s.hall) {
                None => out.push(format!(
                    "{at}.hall: no hall has id `{}`",
                    s.hall.escape_debug()
                )),
                Some(h)
                    if u64::from(s.x.0) + u64::from(s.w.0) > u64::from(h.width.0)
                        || u64::from(s.y.0) + u64::from(s.d.0) > u64::from(h.depth.0) =>
                {
                    out.push(format!("{at}: lies outside hall {}", h.id.escape_debug()));
                }
                Some(_) => {}
            }
            if s.w.0 == 0 || s.d.0 == 0 {
                out.push(format!("{at}: width and depth must be more than 0"));
            }
            if !(1..=4).contains(&s.open_sides) {
                out.push(format!("{at}.open_sides: must be 1 to 4"));
            }
            if let Some(other) = self.stands[i + 1..].iter().find(|t| s.overlaps(t)) {
                out.push(format!("{at}: overlaps stand {}", other.id.escape_debug()));
            }
        }
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::booking::event::tests::fixture_event;

    pub fn stand(id: &str, x: u32, y: u32, w: u32, d: u32, kind: &str, status: Status) -> Stand {
        Stand {
            id: id.into(),
            hall: "A".into(),
            x: Length(x * 10),
            y: Length(y * 10),
            w: Length(w * 10),
            d: Length(d * 10),
            kind: kind.into(),
            open_sides: 1,
            status,
            exhibitor: None,
            note: None,
        }
    }

    #[test]
    fn adjacency_needs_a_shared_edge() {
        let a = stand("a", 0, 0, 3, 3, "shell", Status::Available);
        let right = stand("b", 3, 0, 3, 3, "shell", Status::Available);
        let corner = stand("c", 3, 3, 3, 3, "shell", Status::Available);
        let below = stand("d", 1, 3, 3, 3, "shell", Status::Available);
        let gap = stand("e", 4, 0, 3, 3, "shell", Status::Available);
        assert!(a.is_adjacent(&right) && right.is_adjacent(&a));
        assert!(a.is_adjacent(&below));
        assert!(!a.is_adjacent(&corner));
        assert!(!a.is_adjacent(&gap));
        let mut other_hall = right.clone();
        other_hall.hall = "B".into();
        assert!(!a.is_adjacent(&other_hall));
    }

    #[test]
    fn stands_that_share_floor_overlap_and_neighbours_do_not() {
        let a = stand("a", 0, 0, 3, 3, "shell", Status::Available);
        let inside = stand("b", 2, 2, 3, 3, "shell", Status::Available);
        let right = stand("c", 3, 0, 3, 3, "shell", Status::Available);
        assert!(a.overlaps(&inside) && inside.overlaps(&a));
        assert!(!a.overlaps(&right), "sharing an edge is not overlapping");
        let mut other_hall = inside.clone();
        other_hall.hall = "B".into();
        assert!(!a.overlaps(&other_hall));
        // The plan's check names the second stand.
        let plan = FloorPlan {
            halls: vec![],
            stands: vec![a, inside],
        };
        assert!(
            plan.problems()
                .iter()
                .any(|p| p == "stands[0] (a): overlaps stand b"),
            "{:?}",
            plan.problems()
        );
        // Around a stand at (3, 3), 3 × 3 m: touching each side is not
        // overlapping; reaching 1 m over each side is.
        let centre = stand("m", 3, 3, 3, 3, "shell", Status::Available);
        for (x, y, over) in [
            (0, 3, false),
            (6, 3, false),
            (3, 0, false),
            (3, 6, false),
            (1, 3, true),
            (5, 3, true),
            (3, 1, true),
            (3, 5, true),
            (3, 3, true),
            (9, 9, false),
        ] {
            let probe = stand("p", x, y, 3, 3, "shell", Status::Available);
            assert_eq!(centre.overlaps(&probe), over, "({x}, {y})");
            assert_eq!(probe.overlaps(&centre), over, "({x}, {y}), the other way");
        }
        // Its centre, in half-decimetres: (1 m + 3 m / 2, 2 m + 4 m / 2).
        assert_eq!(
            stand("s", 1, 2, 3, 4, "shell", Status::Available).centre(),
            (50, 80)
        );
        // A stand's area as people read it, in square metres.
        assert_eq!(
            stand("s", 0, 0, 3, 3, "shell", Status::Available).area_text(),
            "9"
        );
    }

    #[test]
    fn the_list_filters_and_sorts() {
        let event = fixture_event();
        let mut big = stand("big", 10, 0, 6, 3, "shell", Status::Sold);
        big.hall = "B".into();
        let plan = FloorPlan {
            halls: vec![],
            stands: vec![
                stand("a", 0, 0, 3, 3, "shell", Status::Available),
                big,
                stand("c", 3, 0, 4, 3, "shell", Status::Available),
            ],
        };
        let ids = |v: Vec<&Stand>| v.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(plan.list(&event, &StandFilter::default(), SortKey::Area, false)),
            ["big", "c", "a"]
        );
        let only_available = StandFilter {
            status: Some(Status::Available),
            ..StandFilter::default()
        };
        assert_eq!(
            ids(plan.list(&event, &only_available, SortKey::Price, true)),
            ["a", "c"]
        );
        let hall_b = StandFilter {
            hall: Some("B".into()),
            ..StandFilter::default()
        };
        assert_eq!(ids(plan.list(&event, &hall_b, SortKey::Id, true)), ["big"]);
        let cheap = StandFilter {
            max_price: Some(Money(306_000)),
            min_area_dm2: Some(900),
            ..StandFilter::default()
        };
        assert_eq!(ids(plan.list(&event, &cheap, SortKey::Id, true)), ["a"]);
        let mut raw = stand("raw", 20, 0, 3, 3, "space", Status::Available);
        raw.hall = "B".into();
        let plan = FloorPlan {
            halls: vec![],
            stands: vec![raw, plan.stands[0].clone()],
        };
        let space_only = StandFilter {
            kind: Some("space".into()),
            ..StandFilter::default()
        };
        assert_eq!(
            ids(plan.list(&event, &space_only, SortKey::Id, true)),
            ["raw"]
        );
    }

    fn hall(id: &str, width: u32, depth: u32) -> Hall {
        Hall {
            id: id.into(),
            name: Text::default(),
            width: Length(width * 10),
            depth: Length(depth * 10),
            features: vec![],
        }
    }

    #[test]
    fn the_plan_file_reports_stands_off_the_floor_and_halls_used_twice() {
        // Hall A is 10 × 8 m. A stand may touch its far walls, not cross them.
        let plan = |stands: Vec<Stand>| FloorPlan {
            halls: vec![hall("A", 10, 8)],
            stands,
        };
        let corner = stand("fits", 7, 5, 3, 3, "shell", Status::Available);
        assert_eq!(plan(vec![corner]).problems(), Vec::<String>::new());
        for (x, y, w, d) in [(8, 0, 3, 3), (0, 6, 3, 3), (8, 6, 3, 3), (10, 0, 1, 1)] {
            let off = stand("off", x, y, w, d, "shell", Status::Available);
            assert_eq!(
                plan(vec![off]).problems(),
                ["stands[0] (off): lies outside hall A"],
                "({x}, {y}) {w} × {d} m"
            );
        }
        for (w, d) in [(0, 3), (3, 0)] {
            let flat = stand("flat", 0, 0, w, d, "shell", Status::Available);
            assert_eq!(
                plan(vec![flat]).problems(),
                ["stands[0] (flat): width and depth must be more than 0"],
                "{w} × {d} m"
            );
        }
        let twice = FloorPlan {
            halls: vec![hall("A", 10, 8), hall("B", 10, 8), hall("A", 5, 5)],
            stands: vec![],
        };
        assert_eq!(
            twice.problems(),
            [
                "halls[0].id: `A` is used twice",
                "halls[2].id: `A` is used twice"
            ]
        );
    }

    #[test]
    fn a_stand_type_the_terms_do_not_list_is_named() {
        let event = fixture_event();
        let plan = FloorPlan {
            halls: vec![],
            stands: vec![
                stand("a", 0, 0, 3, 3, "shell", Status::Available),
                stand("b", 3, 0, 3, 3, "kiosk", Status::Available),
            ],
        };
        assert_eq!(
            plan.type_problems(&event),
            ["stands[1] (b).type: no stand type `kiosk` in data/event.json"]
        );
    }

    #[test]
    fn arrow_keys_move_to_the_nearest_stand_in_line() {
        let plan = FloorPlan {
            halls: vec![],
            stands: vec![
                stand("a", 0, 0, 3, 3, "shell", Status::Available),
                stand("b", 3, 0, 3, 3, "shell", Status::Available),
                stand("c", 6, 0, 3, 3, "shell", Status::Available),
                stand("d", 0, 5, 3, 3, "shell", Status::Available),
                stand("e", 3, 6, 3, 3, "shell", Status::Available),
            ],
        };
        let a = plan.stand("a").unwrap();
        assert_eq!(plan.neighbour(a, Direction::Right).unwrap().id, "b");
        assert_eq!(plan.neighbour(a, Direction::Down).unwrap().id, "d");
        assert!(plan.neighbour(a, Direction::Up).is_none());
        assert!(plan.neighbour(a, Direction::Left).is_none());
        assert_eq!(
            plan.neighbour(plan.stand("c").unwrap(), Direction::Left)
                .unwrap()
                .id,
            "b"
        );
        // Home and End: the top-left stand and the bottom-right one, whatever
        // order the data lists them in.
        assert_eq!(plan.edge("A", false).unwrap().id, "a");
        assert_eq!(plan.edge("A", true).unwrap().id, "e");
        assert!(plan.edge("B", true).is_none());
    }

    #[test]
    fn arrow_keys_on_a_grid_go_to_the_next_stand_in_line_from_anywhere() {
        // A 5 × 5 grid of 3 × 3 m stands, 4 m apart, named by row and column.
        let name = |r: u32, c: u32| format!("{r}{c}");
        let plan = FloorPlan {
            halls: vec![],
            stands: (0..5)
                .flat_map(|r| (0..5).map(move |c| (r, c)))
                .map(|(r, c)| {
                    stand(
                        &name(r, c),
                        2 + 4 * c,
                        2 + 4 * r,
                        3,
                        3,
                        "shell",
                        Status::Available,
                    )
                })
                .collect(),
        };
        // From a stand at (6, 6), going down, with two candidates (id, x, y).
        let down_from_m = |one: (&str, u32, u32), other: (&str, u32, u32)| {
            let plan = FloorPlan {
                halls: vec![],
                stands: [("m", 6, 6), one, other]
                    .map(|(id, x, y)| stand(id, x, y, 3, 3, "shell", Status::Available))
                    .to_vec(),
            };
            let m = plan.stand("m").unwrap();
            plan.neighbour(m, Direction::Down).map(|s| s.id.clone())
        };
        // A stand just off the line but near beats one in line far away...
        assert_eq!(
            down_from_m(("far", 6, 20), ("near", 7, 10)).as_deref(),
            Some("near")
        );
        // ...but a step to the side weighs three times a step along: 2 m
        // down and 3 m across loses to 10 m straight down.
        assert_eq!(
            down_from_m(("line", 6, 16), ("side", 9, 10)).as_deref(),
            Some("line")
        );
        for (r, c) in [(2, 2), (1, 3), (3, 1)] {
            let from = plan.stand(&name(r, c)).unwrap();
            let go = |dir| plan.neighbour(from, dir).map(|s| s.id.clone());
            assert_eq!(
                go(Direction::Right),
                Some(name(r, c + 1)),
                "right of {r}{c}"
            );
            assert_eq!(go(Direction::Left), Some(name(r, c - 1)), "left of {r}{c}");
            assert_eq!(go(Direction::Down), Some(name(r + 1, c)), "below {r}{c}");
            assert_eq!(go(Direction::Up), Some(name(r - 1, c)), "above {r}{c}");
        }
    }

    #[test]
    fn filter_numbers_keep_their_decimals_or_are_refused() {
        assert_eq!(parse_filter_number(""), Ok(None));
        assert_eq!(parse_filter_number("12.5"), Ok(Some(1250)));
        assert_eq!(parse_filter_number("3060.5"), Ok(Some(306_050)));
        assert_eq!(parse_filter_number("9"), Ok(Some(900)));
        assert!(parse_filter_number("-3").is_err());
        assert!(parse_filter_number("1.234").is_err());
        // As the site writes amounts, in either language's digits.
        assert_eq!(parse_filter_number("3,100.00"), Ok(Some(310_000)));
        assert_eq!(parse_filter_number("12,345,678"), Ok(Some(1_234_567_800)));
        assert_eq!(parse_filter_number("٣٬١٠٠٫٥"), Ok(Some(310_050)));
        for wrong in ["3,10", "31,00", ",100", "3,,100", "1234,567", "3,100.5,0"] {
            assert!(parse_filter_number(wrong).is_err(), "{wrong}");
        }
        // As an Arabic keyboard types them.
        assert_eq!(parse_filter_number("٢٠"), Ok(Some(2_000)));
        assert_eq!(parse_filter_number("١٢٫٥"), Ok(Some(1_250)));
    }
}
