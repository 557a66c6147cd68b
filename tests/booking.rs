//! The booking rules on the shipped event and floor plan: worked examples
//! with hand-checked figures, and properties that hold for any choice.
#![cfg(not(target_arch = "wasm32"))]

use expo_site::domain::booking::event::Event;
use expo_site::domain::booking::money::Money;
use expo_site::domain::booking::plan::{FloorPlan, Status};
use expo_site::domain::booking::quote::{check, quote, Choice, Line, Violation};
use expo_site::domain::date::Date;
use proptest::prelude::*;
use std::sync::OnceLock;

fn data() -> &'static (FloorPlan, Event) {
    static DATA: OnceLock<(FloorPlan, Event)> = OnceLock::new();
    DATA.get_or_init(|| {
        let read = |f: &str| {
            std::fs::read_to_string(format!("{}/public/data/{f}", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
        };
        (
            serde_json::from_str(&read("floorplan.json")).unwrap(),
            serde_json::from_str(&read("event.json")).unwrap(),
        )
    })
}

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

fn choose(stands: &[&str], extras: &[(&str, u32)]) -> Choice {
    let mut c = Choice::default();
    for s in stands {
        c.toggle(s);
    }
    for (e, q) in extras {
        c.set_extra(e, *q);
    }
    c
}

#[test]
fn the_sample_plan_is_realistic() {
    let (plan, _) = data();
    assert!(plan.halls.len() >= 2);
    assert!(plan.stands.len() >= 120);
    for status in Status::ALL {
        assert!(plan.stands.iter().any(|s| s.status == status), "{status:?}");
    }
    for kind in ["shell", "space", "outdoor"] {
        assert!(plan.stands.iter().any(|s| s.kind == kind), "{kind}");
    }
}

#[test]
fn a_lone_small_shell_stand_is_below_the_minimum() {
    let (plan, event) = data();
    // A01 is 3 m × 3 m = 9 m²; a shell stand needs 12 m².
    let v = check(plan, event, &choose(&["A01"], &[]), today());
    assert_eq!(
        v,
        vec![Violation::BelowMinimum {
            kind: "shell".into(),
            stands: vec!["A01".into()],
            area_dm2: 900,
            min_m2: 12
        }]
    );
    assert!(quote(plan, event, &choose(&["A01"], &[]), today()).is_err());
}

#[test]
fn two_adjacent_small_stands_together_reach_it_and_are_priced_exactly() {
    let (plan, event) = data();
    let q = quote(
        plan,
        event,
        &choose(&["A01", "A02"], &[("chair", 2)]),
        today(),
    )
    .unwrap();
    // A01: 9 m² × 340 = 3,060.00 plus 5 % corner premium 153.00; A02: 9 m² × 340 = 3,060.00 (one open side).
    let amounts: Vec<i64> = q.lines.iter().map(|l| l.amount().0).collect();
    assert_eq!(amounts, vec![306_000, 15_300, 306_000, 3_000]);
    assert_eq!(q.subtotal, Money(630_300));
    assert_eq!(q.tax, Money(0));
    assert_eq!(q.total, Money(630_300));
    // 5.45 LYD per EUR.
    assert_eq!(q.total_lyd, Some(Money(3_435_135)));
    // 18 m² together: the kit twice (once per started 12 m²).
    assert_eq!(q.included[0].kits, 2);
    assert_eq!(q.schedule.len(), 2);
    assert_eq!(
        (q.schedule[0].amount, q.schedule[0].due),
        (Money(315_150), Date::new(2026, 12, 23).unwrap())
    );
    assert_eq!(
        (q.schedule[1].amount, q.schedule[1].due),
        (Money(315_150), Date::new(2027, 4, 12).unwrap())
    );
}

#[test]
fn stands_that_only_touch_at_a_corner_do_not_combine() {
    let (plan, event) = data();
    // A01 (first row) and A16 (second row, one along) meet only at a corner.
    let a01 = plan.stand("A01").unwrap();
    let a16 = plan.stand("A16").unwrap();
    assert!(!a01.is_adjacent(a16));
    let v = check(plan, event, &choose(&["A01", "A16"], &[]), today());
    assert_eq!(
        v.iter()
            .filter(|v| matches!(v, Violation::BelowMinimum { .. }))
            .count(),
        2
    );
}

#[test]
fn unavailable_stands_mixed_types_and_extras_are_refused_with_reasons() {
    let (plan, event) = data();
    let v = check(plan, event, &choose(&["A05"], &[]), today());
    assert!(v.contains(&Violation::Unavailable {
        stand: "A05".into(),
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

/// Mostly valid choices: an available stand with its available neighbours of
/// the same type (so small stands reach the minimum), and allowed extras.
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
            c.toggle(&seed);
            for s in plan
                .stands
                .iter()
                .filter(|s| {
                    s.status == Status::Available && s.kind == first.kind && s.is_adjacent(first)
                })
                .take(3)
            {
                c.toggle(&s.id);
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
    fn a_quote_adds_up(choice in valid_choice(), days in 0i64..120) {
        let (plan, event) = data();
        let today = today().add_days(days);
        let q = quote(plan, event, &choice, today);
        prop_assume!(q.is_ok(), "a lone small stand without free neighbours");
        if let Ok(q) = q {
            let lines: i64 = q.lines.iter().map(|l| l.amount().0).sum();
            prop_assert_eq!(q.subtotal.0, lines);
            prop_assert_eq!(q.total.0, q.subtotal.0 + q.tax.0);
            prop_assert_eq!(q.schedule.iter().map(|p| p.amount.0).sum::<i64>(), q.total.0);
            prop_assert!(q.schedule.iter().all(|p| p.due >= today && p.due <= event.opens));
            prop_assert!(q.lines.iter().all(|l| l.amount().0 >= 0));
        }
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
    fn every_priced_stand_has_exactly_one_space_line(picks in proptest::sample::subsequence(available_ids(), 1..4)) {
        let (plan, event) = data();
        let choice = Choice { stands: picks.clone(), ..Choice::default() };
        if let Ok(q) = quote(plan, event, &choice, today()) {
            for id in &picks {
                let n = q.lines.iter().filter(|l| matches!(l, Line::Space { stand, .. } if stand == id)).count();
                prop_assert_eq!(n, 1);
            }
        }
    }
}
