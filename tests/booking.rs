//! The booking rules on the fixture site's event and floor plan
//! (tests/fixtures/site/data, owned by the tests, so an editor's change to
//! public/data never breaks them): worked examples with hand-checked figures,
//! and properties that hold for any choice.
#![cfg(not(target_arch = "wasm32"))]

use expo_site::domain::booking::event::{Due, Event, Instalment};
use expo_site::domain::booking::money::{Length, Money, Percent};
use expo_site::domain::booking::plan::{FloorPlan, Status};
use expo_site::domain::booking::quote::{check, quote, toggle, Choice, Line, Toggled, Violation};
use expo_site::domain::data::{parse, DataFile};
use expo_site::domain::date::Date;
use proptest::prelude::*;
use std::sync::OnceLock;

fn data() -> &'static (FloorPlan, Event) {
    static DATA: OnceLock<(FloorPlan, Event)> = OnceLock::new();
    DATA.get_or_init(|| {
        let read = |f: &str| {
            std::fs::read_to_string(format!(
                "{}/tests/fixtures/site/data/{f}",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap()
        };
        (
            parse(&read("floorplan.json")).unwrap(),
            parse(&read("event.json")).unwrap(),
        )
    })
}

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

/// Any choice, as a saved draft may hold it (sold stands included).
fn choose(stands: &[&str], extras: &[(&str, u32)]) -> Choice {
    let mut c = Choice {
        stands: stands.iter().map(|s| s.to_string()).collect(),
        ..Choice::default()
    };
    for (e, q) in extras {
        c.set_extra(e, *q);
    }
    c
}

#[test]
fn a_lone_small_shell_stand_is_below_the_minimum() {
    let (plan, event) = data();
    // T2 is 3 m × 3 m = 9 m²; a shell stand needs 12 m².
    let v = check(plan, event, &choose(&["T2"], &[]), today());
    assert_eq!(
        v,
        vec![Violation::BelowMinimum {
            kind: "shell".into(),
            stands: vec!["T2".into()],
            area_dm2: 900,
            min_m2: 12
        }]
    );
    assert!(quote(plan, event, &choose(&["T2"], &[]), today()).is_err());
}

#[test]
fn two_adjacent_small_stands_together_reach_it_and_are_priced_exactly() {
    let (plan, event) = data();
    let q = quote(
        plan,
        event,
        &choose(&["T2", "T1"], &[("chair", 2)]),
        today(),
    )
    .unwrap();
    // T2: 9 m² × 340 = 3,060.00 and T1: 12 m² × 340 = 4,080.00, one open
    // side each (no premium line); two chairs at 15.00.
    let amounts: Vec<i64> = q.lines.iter().map(|l| l.amount().0).collect();
    assert_eq!(amounts, vec![306_000, 408_000, 3_000]);
    assert_eq!(q.subtotal, Money(717_000));
    assert_eq!(q.tax, Money(0));
    assert_eq!(q.total, Money(717_000));
    // 5.45 LYD per EUR.
    assert_eq!(q.total_lyd, Some(Money(3_907_650)));
    // 21 m² together: the kit twice (once per started 12 m²).
    assert_eq!(q.included[0].kits, 2);
    assert_eq!(q.schedule.len(), 2);
    assert_eq!(
        (q.schedule[0].amount, q.schedule[0].due),
        (Money(358_500), Date::new(2026, 12, 23).unwrap())
    );
    assert_eq!(
        (q.schedule[1].amount, q.schedule[1].due),
        (Money(358_500), Date::new(2027, 4, 12).unwrap())
    );
    // T4, 12 m² with two open sides: 4,080.00 plus the 5 % premium, 204.00.
    let q = quote(plan, event, &choose(&["T4"], &[]), today()).unwrap();
    let amounts: Vec<i64> = q.lines.iter().map(|l| l.amount().0).collect();
    assert_eq!(amounts, vec![408_000, 20_400]);
    assert_eq!(q.total, Money(428_400));
}

#[test]
fn stands_that_only_touch_at_a_corner_do_not_combine() {
    let (plan, event) = data();
    // T2 (9 m²) moved down and along, so it meets T1 (2..6 × 2..5) only at
    // the corner (6, 5): together they would make 21 m², apart T2 is short.
    let mut plan = plan.clone();
    let t2 = plan.stands.iter_mut().find(|s| s.id == "T2").unwrap();
    t2.y = Length(50); // decimetres: 5 m
    let (t1, t2) = (plan.stand("T1").unwrap(), plan.stand("T2").unwrap());
    assert!(!t1.is_adjacent(t2));
    assert_eq!(
        check(&plan, event, &choose(&["T1", "T2"], &[]), today()),
        vec![Violation::BelowMinimum {
            kind: "shell".into(),
            stands: vec!["T2".into()],
            area_dm2: 900,
            min_m2: 12
        }]
    );
}

#[test]
fn unavailable_stands_mixed_types_and_extras_are_refused_with_reasons() {
    let (plan, event) = data();
    let v = check(plan, event, &choose(&["T3"], &[]), today());
    assert!(v.contains(&Violation::Unavailable {
        stand: "T3".into(),
        status: Status::Sold
    }));
    let shell = plan
        .stands
        .iter()
        .find(|s| s.kind == "shell" && s.status == Status::Available && s.w.0 == 40)
        .unwrap();
    let space = plan
        .stands
        .iter()
        .find(|s| s.kind == "space" && s.status == Status::Available && s.area_dm2() >= 1_800)
        .unwrap();
    let v = check(plan, event, &choose(&[&shell.id, &space.id], &[]), today());
    assert!(v.contains(&Violation::MixedTypes {
        kinds: vec!["shell".into(), "space".into()]
    }));
    let v = check(
        plan,
        event,
        &choose(&[&shell.id], &[("chair", 99), ("jacuzzi", 1)]),
        today(),
    );
    assert!(v.contains(&Violation::TooManyOfExtra {
        extra: "chair".into(),
        max: 20
    }));
    assert!(v.contains(&Violation::UnknownExtra {
        extra: "jacuzzi".into()
    }));
    let late = Date::new(2027, 4, 1).unwrap();
    let v = check(plan, event, &choose(&[&shell.id], &[("chair", 1)]), late);
    assert!(matches!(v[..], [Violation::ExtrasClosed { .. }]));
    assert_eq!(
        check(plan, event, &Choice::default(), today()),
        vec![Violation::NoStand]
    );
}

#[test]
fn a_stand_whose_type_the_terms_do_not_list_is_refused_not_priced() {
    let (plan, event) = data();
    let mut plan = plan.clone();
    let stand = plan
        .stands
        .iter_mut()
        .find(|s| s.kind == "space" && s.status == Status::Available && s.area_dm2() >= 1_800)
        .unwrap();
    stand.kind = "spaec".into();
    let id = stand.id.clone();
    assert_eq!(
        quote(&plan, event, &choose(&[&id], &[]), today()),
        Err(vec![Violation::UnknownType {
            stand: id,
            kind: "spaec".into()
        }])
    );
}

#[test]
fn a_request_made_close_to_opening_is_due_before_opening() {
    let (plan, event) = data();
    let shell = plan
        .stands
        .iter()
        .find(|s| s.kind == "shell" && s.status == Status::Available && s.w.0 == 40)
        .unwrap();
    let late = Date::new(2027, 4, 15).unwrap();
    let q = quote(plan, event, &choose(&[&shell.id], &[]), late).unwrap();
    assert!(q
        .schedule
        .iter()
        .all(|p| p.due >= late && p.due <= event.opens));
}

// Fixtures owned by these tests: the rules below must hold for any terms
// an organiser may publish, not only for today's `public/data`.

const FIXTURE_EVENT: &str = r#"{
  "name": { "en": "Test Expo", "ar": "معرض تجريبي" },
  "venue": { "en": "Hall", "ar": "قاعة" },
  "opens": "2027-04-19",
  "closes": "2027-04-22",
  "currency": "EUR",
  "lyd_rate": "5.45",
  "tax": { "name": { "en": "Tax", "ar": "الضريبة" }, "rate": "0" },
  "stand_types": [
    { "id": "shell", "name": { "en": "Shell", "ar": "مجهّز" }, "description": {}, "price_per_m2": "340.00", "min_area_m2": 9 }
  ],
  "open_side_premiums": [
    { "open_sides": 1, "rate": "0" }, { "open_sides": 2, "rate": "5" },
    { "open_sides": 3, "rate": "10" }, { "open_sides": 4, "rate": "15" }
  ],
  "shell_kit": { "per_m2": 12, "items": [] },
  "extras": [ { "id": "chair", "name": { "en": "Chair", "ar": "كرسي" }, "unit_price": "15.00", "max_quantity": 20 } ],
  "extras_until_days_before_opening": 30,
  "payment_schedule": [
    { "share": "50", "due": { "days_after_request": 30 } },
    { "share": "50", "due": { "days_before_opening": 7 } }
  ],
  "rules": { "allow_mixed_types": false, "max_stands_per_request": 4, "requests_until_days_before_opening": 1 },
  "organiser": { "name": { "en": "Org", "ar": "Org" }, "email": "info@example.ly", "phone": "+218 21 000 0000" },
  "request_email": "stands@example.ly",
  "reference_prefix": "TE27",
  "terms": {}
}"#;

const FIXTURE_PLAN: &str = r#"{
  "halls": [ { "id": "H", "name": { "en": "Hall", "ar": "قاعة" }, "width": 30, "depth": 10 } ],
  "stands": [
    { "id": "S1", "hall": "H", "x": 0, "y": 0, "w": 3, "d": 3, "type": "shell", "open_sides": 2, "status": "available" },
    { "id": "S2", "hall": "H", "x": 3, "y": 0, "w": 3, "d": 3, "type": "shell", "open_sides": 1, "status": "sold" },
    { "id": "S3", "hall": "H", "x": 6, "y": 0, "w": 3, "d": 3, "type": "shell", "open_sides": 1, "status": "on_hold" }
  ]
}"#;

fn fixture() -> (FloorPlan, Event) {
    (parse(FIXTURE_PLAN).unwrap(), parse(FIXTURE_EVENT).unwrap())
}

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::new(y, m, d).unwrap()
}

#[test]
fn a_stand_is_added_only_when_available_and_removed_whatever_it_became() {
    let (plan, _) = fixture();
    let mut c = Choice::default();
    assert_eq!(toggle(&plan, &mut c, "S1"), Toggled::Added);
    assert_eq!(c.stands, ["S1"]);
    // What the plan and the list mark as chosen.
    assert!(c.has("S1") && !c.has("S2") && !c.has("S"));
    assert_eq!(toggle(&plan, &mut c, "S2"), Toggled::Refused(Status::Sold));
    assert_eq!(
        toggle(&plan, &mut c, "S3"),
        Toggled::Refused(Status::OnHold)
    );
    assert_eq!(toggle(&plan, &mut c, "nowhere"), Toggled::Unknown);
    assert_eq!(c.stands, ["S1"]);
    assert_eq!(toggle(&plan, &mut c, "S1"), Toggled::Removed);
    assert!(c.stands.is_empty());

    // A draft saved before S2 was sold and before S9 left the plan.
    let mut draft = choose(&["S9", "S1", "S2"], &[]);
    assert_eq!(toggle(&plan, &mut draft, "S2"), Toggled::Removed);
    assert_eq!(toggle(&plan, &mut draft, "S9"), Toggled::Removed);
    assert_eq!(draft.stands, ["S1"]);
}

#[test]
fn stale_stands_of_a_saved_draft_are_found_and_dropped() {
    let (plan, event) = fixture();
    let mut draft = choose(&["S9", "S1", "S2", "S3"], &[("chair", 2)]);
    assert_eq!(draft.stale(&plan), ["S9", "S2", "S3"]);
    assert!(quote(&plan, &event, &draft, day(2026, 11, 23)).is_err());
    assert_eq!(draft.drop_stale(&plan), ["S9", "S2", "S3"]);
    assert_eq!(draft.stands, ["S1"]);
    assert_eq!(draft.extras.get("chair"), Some(&2));
    assert!(draft.stale(&plan).is_empty());
    assert!(draft.drop_stale(&plan).is_empty());
    assert!(quote(&plan, &event, &draft, day(2026, 11, 23)).is_ok());
}

#[test]
fn an_amount_too_large_is_refused_never_wrapped() {
    let (plan, _) = fixture();
    let choice = choose(&["S1"], &[]);
    let today = day(2026, 11, 23);
    // Straight through serde, past the bounds `data::parse` enforces.
    let unchecked = |from: &str, to: &str| -> Event {
        assert!(FIXTURE_EVENT.contains(from));
        serde_json::from_str(&FIXTURE_EVENT.replacen(from, to, 1)).unwrap()
    };
    let huge = unchecked("\"340.00\"", "\"90000000000000000.00\"");
    assert!(!huge.problems().is_empty());
    assert_eq!(
        quote(&plan, &huge, &choice, today),
        Err(vec![Violation::AmountTooLarge])
    );
    assert_eq!(plan.stand("S1").unwrap().price(&huge), None);
    // The stand alone fits, its total in dinars does not.
    let in_dinars = unchecked("\"340.00\"", "\"9000000000000000.00\"");
    assert_eq!(
        quote(&plan, &in_dinars, &choice, today),
        Err(vec![Violation::AmountTooLarge])
    );
    let extras = unchecked("\"15.00\"", "\"90000000000000000.00\"");
    assert_eq!(
        quote(&plan, &extras, &choose(&["S1"], &[("chair", 2)]), today),
        Err(vec![Violation::AmountTooLarge])
    );
}

#[test]
fn a_late_request_pays_its_first_half_by_the_second_halfs_day() {
    let (plan, event) = fixture();
    let dues = |today: Date| -> Vec<Date> {
        let q = quote(&plan, &event, &choose(&["S1"], &[]), today).unwrap();
        q.schedule.iter().map(|p| p.due).collect()
    };
    let week_before = event.opens.add_days(-7);
    // Early: 30 days after the request, then one week before opening.
    let early = event.opens.add_days(-60);
    assert_eq!(dues(early), [early.add_days(30), week_before]);
    // 30 days after a request 20 days before opening is past the week
    // before: the first half is due with the second, which does not move.
    assert_eq!(dues(event.opens.add_days(-20)), [week_before, week_before]);
    // Four days before opening, "one week before" is already past: both
    // halves are due at once, on the day of the request.
    let late = event.opens.add_days(-4);
    assert_eq!(dues(late), [late, late]);
}

#[test]
fn booking_closes_on_the_day_the_terms_say() {
    let (plan, mut event) = fixture();
    let choice = choose(&["S1"], &[]);
    // requests_until_days_before_opening: 1.
    assert_eq!(event.last_request_day(), day(2027, 4, 18));
    assert!(event.requests_open(day(2027, 4, 18)));
    assert!(quote(&plan, &event, &choice, day(2027, 4, 18)).is_ok());
    let closed = Err(vec![Violation::BookingClosed {
        last_day: day(2027, 4, 18),
    }]);
    for late in [
        day(2027, 4, 19),
        event.closes,
        event.closes.add_days(1),
        day(2028, 1, 1),
    ] {
        assert!(!event.requests_open(late));
        assert_eq!(quote(&plan, &event, &choice, late), closed, "{late}");
        assert_eq!(
            check(&plan, &event, &Choice::default(), late),
            closed.clone().unwrap_err()
        );
    }
    // A setting, not a constant: absent, requests are taken until the opening day.
    let json = FIXTURE_EVENT.replace(", \"requests_until_days_before_opening\": 1", "");
    assert_ne!(json, FIXTURE_EVENT);
    event = parse(&json).unwrap();
    assert_eq!(event.last_request_day(), event.opens);
    assert!(quote(&plan, &event, &choice, event.opens).is_ok());
    assert!(quote(&plan, &event, &choice, event.opens.add_days(1)).is_err());
}

/// Shares in basis points from weights, the last taking the remainder.
fn shares(weights: &[u32]) -> Vec<i64> {
    let total: u32 = weights.iter().sum();
    let mut out: Vec<i64> = weights
        .iter()
        .map(|w| i64::from(*w) * 10_000 / i64::from(total))
        .collect();
    let rest = 10_000 - out.iter().sum::<i64>();
    *out.last_mut().unwrap() += rest;
    out
}

fn any_instalments() -> impl Strategy<Value = Vec<(u32, bool, u32)>> {
    proptest::collection::vec((0u32..=100, any::<bool>(), 0u32..=400), 1..=4)
}

fn available_ids() -> Vec<String> {
    data()
        .0
        .stands
        .iter()
        .filter(|s| s.status == Status::Available)
        .map(|s| s.id.clone())
        .collect()
}

fn any_choice() -> impl Strategy<Value = Choice> {
    let all: Vec<String> = data().0.stands.iter().map(|s| s.id.clone()).collect();
    let extras: Vec<String> = data().1.extras.iter().map(|e| e.id.clone()).collect();
    (
        proptest::sample::subsequence(all, 0..6),
        proptest::collection::vec((proptest::sample::select(extras), 0u32..25), 0..4),
    )
        .prop_map(|(stands, extras)| {
            let mut c = Choice {
                stands,
                ..Choice::default()
            };
            for (e, q) in extras {
                c.set_extra(&e, q);
            }
            c
        })
}

/// Valid choices: an available stand with its available neighbours of the
/// same type (so the fixture's 9 m² stand reaches the minimum with its
/// neighbour), and allowed extras. The properties below assert that every one
/// is priced, so they hold for every pick, not for the lucky few that happen
/// to pass the rules.
fn valid_choice() -> impl Strategy<Value = Choice> {
    let (plan, event) = data();
    let limits: Vec<(String, u32)> = event
        .extras
        .iter()
        .map(|e| (e.id.clone(), e.max_quantity))
        .collect();
    (
        proptest::sample::select(available_ids()),
        proptest::collection::vec((proptest::sample::select(limits), any::<u32>()), 0..4),
    )
        .prop_map(move |(seed, extras)| {
            let first = plan.stand(&seed).unwrap();
            let mut c = Choice::default();
            toggle(plan, &mut c, &seed);
            for s in plan
                .stands
                .iter()
                .filter(|s| {
                    s.status == Status::Available && s.kind == first.kind && s.is_adjacent(first)
                })
                .take(3)
            {
                toggle(plan, &mut c, &s.id);
            }
            for ((id, max), q) in extras {
                c.set_extra(&id, q % (max + 1));
            }
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_quote_adds_up(choice in valid_choice(), days in 0i64..=400) {
        let (plan, event) = data();
        // Any day on which extras may still be ordered.
        let last = event.opens.add_days(-i64::from(event.extras_until_days_before_opening));
        let today = today().add_days(days % (last.to_days() - today().to_days() + 1));
        let q = quote(plan, event, &choice, today);
        prop_assert!(q.is_ok(), "{:?} on {}: {:?}", choice, today, q);
        let q = q.unwrap();
        let lines: i64 = q.lines.iter().map(|l| l.amount().0).sum();
        prop_assert_eq!(q.subtotal.0, lines);
        prop_assert_eq!(q.total.0, q.subtotal.0 + q.tax.0);
        prop_assert_eq!(q.schedule.iter().map(|p| p.amount.0).sum::<i64>(), q.total.0);
        prop_assert!(q.schedule.iter().all(|p| p.due >= today && p.due <= event.opens));
        prop_assert!(q.lines.iter().all(|l| l.amount().0 >= 0));
    }

    #[test]
    fn a_choice_that_breaks_a_rule_is_never_priced(choice in any_choice()) {
        let (plan, event) = data();
        let violations = check(plan, event, &choice, today());
        prop_assert_eq!(quote(plan, event, &choice, today()).is_err(), !violations.is_empty());
        let unavailable = choice.stands.iter().any(|id| plan.stand(id).is_some_and(|s| s.status != Status::Available));
        prop_assert!(!unavailable || quote(plan, event, &choice, today()).is_err());
    }

    #[test]
    fn every_due_date_lies_between_the_request_and_the_opening_in_order(
        instalments in any_instalments(),
        offset in -365i64..=40,
        until in 0u32..=30,
        price in 0i64..=100_000_000,
    ) {
        let (plan, mut event) = fixture();
        let mut weights: Vec<u32> = instalments.iter().map(|(w, _, _)| *w).collect();
        weights[0] += 1;
        event.payment_schedule = shares(&weights)
            .into_iter()
            .zip(&instalments)
            .map(|(share, &(_, after_request, days))| Instalment {
                share: Percent(share),
                due: if after_request { Due::DaysAfterRequest(days) } else { Due::DaysBeforeOpening(days) },
            })
            .collect();
        event.rules.requests_until_days_before_opening = until;
        event.stand_types[0].price_per_m2 = Money(price);
        prop_assert_eq!(event.problems(), Vec::<String>::new());
        // From a year before the opening to well after the closing day.
        let today = event.opens.add_days(offset);
        match quote(&plan, &event, &choose(&["S1"], &[]), today) {
            Err(v) => {
                prop_assert!(today > event.last_request_day());
                prop_assert!(!event.requests_open(today));
                prop_assert_eq!(v, vec![Violation::BookingClosed { last_day: event.last_request_day() }]);
            }
            Ok(q) => {
                prop_assert!(event.requests_open(today));
                prop_assert_eq!(q.schedule.len(), instalments.len());
                for p in &q.schedule {
                    prop_assert!(p.due >= today && p.due <= event.opens, "{} not in {}..={}", p.due, today, event.opens);
                    prop_assert!(p.amount.0 >= 0);
                }
                for pair in q.schedule.windows(2) {
                    prop_assert!(pair[0].due <= pair[1].due, "{} after {}", pair[0].due, pair[1].due);
                }
                // Never later than the terms say (a day already past: at once).
                for (p, &(_, after_request, days)) in q.schedule.iter().zip(&instalments) {
                    let said = if after_request { today.add_days(i64::from(days)) } else { event.opens.add_days(-i64::from(days)) };
                    prop_assert!(p.due <= said.max(today), "{} after the terms' {}", p.due, said);
                }
                prop_assert_eq!(q.schedule.iter().map(|p| p.amount.0).sum::<i64>(), q.total.0);
            }
        }
    }

    #[test]
    fn every_priced_stand_has_exactly_one_space_line(choice in valid_choice()) {
        let (plan, event) = data();
        let q = quote(plan, event, &choice, today());
        prop_assert!(q.is_ok(), "{:?}: {:?}", choice, q);
        let q = q.unwrap();
        for id in &choice.stands {
            let n = q.lines.iter().filter(|l| matches!(l, Line::Space { stand, .. } if stand == id)).count();
            prop_assert_eq!(n, 1, "{}", id);
        }
        let spaces = q.lines.iter().filter(|l| matches!(l, Line::Space { .. })).count();
        prop_assert_eq!(spaces, choice.stands.len());
    }
}

/// The plan and the list show a stand's price; the quote prices it line by
/// line. Both must agree for every stand (minimums lifted, so each stand can
/// be quoted alone).
#[test]
fn a_stand_costs_the_same_on_the_plan_as_in_its_quote() {
    let (plan, event) = data();
    let mut event = event.clone();
    for t in &mut event.stand_types {
        t.min_area_m2 = 0;
    }
    let available = plan.stands.iter().filter(|s| s.status == Status::Available);
    for s in available {
        let q = quote(plan, &event, &choose(&[&s.id], &[]), today()).unwrap();
        assert_eq!(Some(q.subtotal), s.price(&event), "{}", s.id);
    }
    assert!(plan
        .stands
        .iter()
        .any(|s| s.open_sides > 1 && s.status == Status::Available));
}

/// `rules.max_stands_per_request`: as many stands as it says may be asked
/// for in one request, one more is refused with the limit.
#[test]
fn a_request_holds_at_most_the_stands_the_terms_allow() {
    let (plan, event) = data();
    let mut event = event.clone();
    event.rules.max_stands_per_request = 2;
    // T1 and T2, adjacent shell stands: exactly the limit, and valid.
    assert!(quote(plan, &event, &choose(&["T1", "T2"], &[]), today()).is_ok());
    assert_eq!(
        check(plan, &event, &choose(&["T1", "T2", "T4"], &[]), today()),
        vec![Violation::TooMany { max: 2 }]
    );
}

/// The request form, read from its one description (`Field::ALL` and each
/// field's `spec()`): whatever fields it lists, each reaches the JSON, the
/// summaries and the checks. Adding a field adds its entry, its words and,
/// for a new kind, a sample below; these tests then cover it.
mod form {
    use super::{choose, data, today};
    use expo_site::domain::booking::quote::quote;
    use expo_site::domain::booking::request::{Field, FieldError, Form, Kind, StandRequest};
    use expo_site::domain::Lang;

    /// A valid value of the field's kind, holding its key where the kind
    /// allows, so the test finds it wherever the field goes.
    fn sample(f: Field) -> String {
        let key = f.spec().key;
        match f.kind() {
            Kind::Text => format!("Sample {key}"),
            Kind::Name(Lang::En) => format!("N {key}"),
            Kind::Name(Lang::Ar) => format!("اسم {key}"),
            Kind::Email => format!("{key}@example.ly"),
            Kind::PhoneCode => "+44".into(),
            Kind::Phone => "20 7946 0958".into(),
            Kind::Multiline => format!("First line of {key}\nand a second"),
            Kind::Consent => String::new(),
        }
    }

    /// Every field filled in (every box ticked) as typed in the form.
    fn filled() -> Form {
        let mut form = Form::default();
        for &f in Field::ALL {
            match f.kind() {
                Kind::Consent => form.set_checked(f, true),
                _ => form.set(f, &sample(f)),
            }
        }
        form
    }

    /// `form` with `f` emptied (its box unticked).
    fn without(mut form: Form, f: Field) -> Form {
        match f.kind() {
            Kind::Consent => form.set_checked(f, false),
            _ => form.set(f, ""),
        }
        form
    }

    /// `form` as stored, with the JSON value of `f` replaced.
    fn stored_with(form: &Form, f: Field, value: serde_json::Value) -> Form {
        let mut json = serde_json::to_value(form).unwrap();
        json[f.spec().key] = value;
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn the_description_is_complete_and_names_each_field_once() {
        for (i, &f) in Field::ALL.iter().enumerate() {
            let spec = f.spec();
            assert_eq!(spec.id, spec.key.replace('_', "-"), "{f:?}");
            assert_eq!(Field::from_key(spec.key), Some(f), "{f:?}");
            assert!(
                !Field::ALL[..i].iter().any(|g| g.spec().label == spec.label),
                "{f:?}"
            );
            assert_eq!(spec.kind == Kind::Consent, spec.max_len == 0, "{f:?}");
            for lang in Lang::ALL {
                assert!(!spec.label.get(lang).is_empty(), "{f:?}");
                assert!(!spec.mail_label.get(lang).is_empty(), "{f:?}");
                // A hint that gives a length ("up to 30 letters") gives the field's.
                let hint = spec.hint.map(|h| h.get(lang)).unwrap_or_default();
                let number: String = hint.chars().filter(char::is_ascii_digit).collect();
                assert!(
                    number.is_empty() || number == f.max_len().to_string(),
                    "{f:?}: {hint}"
                );
            }
        }
    }

    #[test]
    fn a_form_filled_as_described_passes_and_round_trips_through_json() {
        let form = filled();
        assert_eq!(form.problems(), vec![]);
        let json = serde_json::to_value(&form).unwrap();
        let object = json.as_object().unwrap();
        assert_eq!(object.len(), Field::ALL.len());
        for &f in Field::ALL {
            let value = &object[f.spec().key];
            match f.kind() {
                Kind::Consent => assert_eq!(value, true, "{f:?}"),
                _ => assert_eq!(value, &sample(f), "{f:?}"),
            }
        }
        assert_eq!(serde_json::from_value::<Form>(json).unwrap(), form);
        // A field the JSON lacks keeps its default; one it adds is ignored.
        let old: Form = serde_json::from_str(r#"{"company":"ACME","retired_field":1}"#).unwrap();
        assert_eq!(old.get(Field::Company), "ACME");
        assert_eq!(old.get(Field::PhoneCode), Field::PhoneCode.spec().default);
    }

    /// The summary is what the request page and its printout show.
    #[test]
    fn every_field_reaches_the_summary_and_the_email_in_both_languages() {
        let (plan, event) = data();
        let choice = choose(&["T1"], &[]);
        let request = StandRequest {
            reference: "LB-TEST-1".into(),
            created: today(),
            lang: Lang::En,
            form: filled(),
            quote: quote(plan, event, &choice, today()).unwrap(),
            choice,
        };
        let summary = request.form.summary();
        let body = request
            .email_body(event)
            .replace(['\u{2068}', '\u{2069}'], "");
        let phone = format!("{} {}", sample(Field::PhoneCode), sample(Field::Phone));
        for &f in Field::ALL {
            let shown = summary
                .iter()
                .find(|(g, _)| *g == f)
                .map(|(_, v)| v.clone());
            let expected = match f.kind() {
                // The code is shown with the number; the ticked box goes without saying.
                Kind::PhoneCode | Kind::Consent => None,
                Kind::Phone => Some(phone.clone()),
                _ => Some(sample(f)),
            };
            assert_eq!(shown, expected, "{f:?}");
            let Some(value) = expected else {
                assert!(!body.contains(f.spec().mail_label.get(Lang::En)), "{f:?}");
                continue;
            };
            for lang in Lang::ALL {
                let row = format!("{}: {value}", f.spec().mail_label.get(lang));
                assert!(body.contains(&row), "{f:?}: no {row:?} in\n{body}");
            }
        }
        // Long texts come after the figures, so the stands and total come first.
        let notes = body.find("First line of notes").unwrap();
        assert!(body.find("Total: ").unwrap() < notes, "{body}");
        // The subject names the request, the event and the company.
        let subject = request.email_subject(event);
        let event_name = event.name.show_or_empty(Lang::En).text.to_string();
        for part in ["LB-TEST-1".to_string(), event_name, sample(Field::Company)] {
            assert!(subject.contains(&part), "{part:?} not in {subject:?}");
        }
    }

    #[test]
    fn a_required_field_left_empty_is_refused_and_an_optional_one_is_not() {
        assert!(Field::ALL.iter().any(|f| f.required()));
        assert!(Field::ALL.iter().any(|f| !f.required()));
        for &f in Field::ALL {
            let problems = without(filled(), f).problems();
            let expected = match (f.required(), f.kind()) {
                (false, _) => vec![],
                (true, Kind::Consent) => vec![(f, FieldError::MustAccept)],
                (true, _) => vec![(f, FieldError::Required)],
            };
            assert_eq!(problems, expected, "{f:?}");
            // Spaces alone are nothing typed.
            if f.kind() != Kind::Consent {
                let spaces = stored_with(&filled(), f, "   ".into());
                assert_eq!(spaces.problems(), expected, "{f:?}");
            }
        }
    }

    #[test]
    fn a_field_keeps_all_that_is_typed_and_refuses_more_than_its_length() {
        for &f in Field::ALL.iter().filter(|f| f.kind() != Kind::Consent) {
            let max = f.max_len();
            // Typed or pasted: kept whole (nothing typed is lost), and
            // refused with how much there is.
            let mut typed = filled();
            typed.set(f, &"7".repeat(max + 5));
            assert_eq!(typed.get(f), "7".repeat(max + 5), "{f:?}");
            assert_eq!(
                typed.check(f),
                Some(FieldError::TooLong {
                    max,
                    typed: max + 5
                }),
                "{f:?}"
            );
            // From storage (an older draft, an edited file): the same.
            let long = stored_with(&filled(), f, "ب".repeat(max + 1).into());
            assert_eq!(
                long.check(f),
                Some(FieldError::TooLong {
                    max,
                    typed: max + 1
                }),
                "{f:?}"
            );
            let exact = stored_with(&filled(), f, "ب".repeat(max).into());
            assert!(
                !matches!(exact.check(f), Some(FieldError::TooLong { .. })),
                "{f:?}"
            );
        }
    }
}
