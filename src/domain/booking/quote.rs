//! Choosing stands and pricing them: the event's rules are checked first,
//! and a choice that breaks one is never priced.

use super::event::{Due, Event};
use super::money::{Money, Percent};
use super::plan::{space_price, FloorPlan, Stand, Status};
use crate::domain::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the exhibitor picked: stand ids and extras with quantities.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub stands: Vec<String>,
    #[serde(default)]
    pub extras: BTreeMap<String, u32>,
}

impl Choice {
    /// Adds or removes a stand, keeping the order of choosing.
    pub fn toggle(&mut self, id: &str) {
        if let Some(i) = self.stands.iter().position(|s| s == id) {
            self.stands.remove(i);
        } else {
            self.stands.push(id.to_string());
        }
    }

    pub fn has(&self, id: &str) -> bool {
        self.stands.iter().any(|s| s == id)
    }

    pub fn set_extra(&mut self, id: &str, quantity: u32) {
        if quantity == 0 {
            self.extras.remove(id);
        } else {
            self.extras.insert(id.to_string(), quantity);
        }
    }
}

/// A rule of the event that a choice breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    NoStand,
    UnknownStand {
        stand: String,
    },
    Unavailable {
        stand: String,
        status: Status,
    },
    /// Adjacent stands of one type that together are smaller than the type allows.
    BelowMinimum {
        kind: String,
        stands: Vec<String>,
        area_dm2: u64,
        min_m2: u32,
    },
    MixedTypes {
        kinds: Vec<String>,
    },
    /// The plan gives the stand a type that the event's terms do not price
    /// (a mistake in the data files): it cannot be quoted.
    UnknownType {
        stand: String,
        kind: String,
    },
    TooMany {
        max: u32,
    },
    UnknownExtra {
        extra: String,
    },
    TooManyOfExtra {
        extra: String,
        max: u32,
    },
    ExtrasClosed {
        deadline: Date,
    },
}

/// A priced line of the quote. (Externally tagged in JSON: internally
/// tagged enums cost several kilobytes of Wasm to read back.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Line {
    /// Area × rate of one stand.
    Space {
        stand: String,
        kind: String,
        area_dm2: u64,
        rate: Money,
        amount: Money,
    },
    /// The premium for a stand's open sides.
    OpenSides {
        stand: String,
        open_sides: u8,
        rate: Percent,
        amount: Money,
    },
    Extra {
        extra: String,
        quantity: u32,
        unit_price: Money,
        amount: Money,
    },
}

impl Line {
    pub fn amount(&self) -> Money {
        match self {
            Line::Space { amount, .. }
            | Line::OpenSides { amount, .. }
            | Line::Extra { amount, .. } => *amount,
        }
    }
}

/// Shell-scheme items included with a block of adjacent shell stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KitBlock {
    pub stands: Vec<String>,
    /// How many times the kit is given: once per started `per_m2` m².
    pub kits: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub share: Percent,
    pub amount: Money,
    pub due: Date,
}

/// An exact quote: lines, included items, totals and payment schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub currency: String,
    pub lines: Vec<Line>,
    pub included: Vec<KitBlock>,
    pub subtotal: Money,
    pub tax_rate: Percent,
    pub tax: Money,
    pub total: Money,
    /// The total in Libyan dinars at the event's rate, where one is given.
    pub total_lyd: Option<Money>,
    pub schedule: Vec<Payment>,
}

/// Groups of the chosen stands that touch each other and share a type.
fn blocks<'a>(stands: &[&'a Stand]) -> Vec<Vec<&'a Stand>> {
    let mut seen = vec![false; stands.len()];
    let mut out = Vec::new();
    for start in 0..stands.len() {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut block = vec![stands[start]];
        let mut i = 0;
        while i < block.len() {
            for (j, s) in stands.iter().enumerate() {
                if !seen[j] && s.kind == block[i].kind && s.is_adjacent(block[i]) {
                    seen[j] = true;
                    block.push(s);
                }
            }
            i += 1;
        }
        out.push(block);
    }
    out
}

/// Every rule the choice breaks, in the order a person would fix them.
pub fn check(plan: &FloorPlan, event: &Event, choice: &Choice, today: Date) -> Vec<Violation> {
    let mut out = Vec::new();
    if choice.stands.is_empty() {
        out.push(Violation::NoStand);
    }
    if choice.stands.len() > event.rules.max_stands_per_request as usize {
        out.push(Violation::TooMany {
            max: event.rules.max_stands_per_request,
        });
    }
    let mut chosen = Vec::new();
    for id in &choice.stands {
        match plan.stand(id) {
            None => out.push(Violation::UnknownStand { stand: id.clone() }),
            Some(s) if !s.is_available() => out.push(Violation::Unavailable {
                stand: id.clone(),
                status: s.status,
            }),
            Some(s) if event.stand_type(&s.kind).is_none() => out.push(Violation::UnknownType {
                stand: id.clone(),
                kind: s.kind.clone(),
            }),
            Some(s) => chosen.push(s),
        }
    }
    let mut kinds: Vec<String> = chosen.iter().map(|s| s.kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    if kinds.len() > 1 && !event.rules.allow_mixed_types {
        out.push(Violation::MixedTypes { kinds });
    }
    for block in blocks(&chosen) {
        let Some(t) = event.stand_type(&block[0].kind) else {
            continue;
        };
        let area: u64 = block.iter().map(|s| s.area_dm2()).sum();
        if area < u64::from(t.min_area_m2) * 100 {
            out.push(Violation::BelowMinimum {
                kind: t.id.clone(),
                stands: block.iter().map(|s| s.id.clone()).collect(),
                area_dm2: area,
                min_m2: t.min_area_m2,
            });
        }
    }
    if !choice.extras.is_empty() && today > event.extras_deadline() {
        out.push(Violation::ExtrasClosed {
            deadline: event.extras_deadline(),
        });
    }
    for (id, quantity) in &choice.extras {
        match event.extra(id) {
            None => out.push(Violation::UnknownExtra { extra: id.clone() }),
            Some(e) if *quantity > e.max_quantity => out.push(Violation::TooManyOfExtra {
                extra: id.clone(),
                max: e.max_quantity,
            }),
            Some(_) => {}
        }
    }
    out
}

/// Prices a choice, or says which rules it breaks.
pub fn quote(
    plan: &FloorPlan,
    event: &Event,
    choice: &Choice,
    today: Date,
) -> Result<Quote, Vec<Violation>> {
    let violations = check(plan, event, choice, today);
    if !violations.is_empty() {
        return Err(violations);
    }
    let chosen: Vec<&Stand> = choice
        .stands
        .iter()
        .filter_map(|id| plan.stand(id))
        .collect();
    let mut lines = Vec::new();
    for s in &chosen {
        // `check` refuses stands of an unknown type, so none is skipped here.
        let Some(t) = event.stand_type(&s.kind) else {
            continue;
        };
        let amount = space_price(s.area_dm2(), t.price_per_m2);
        lines.push(Line::Space {
            stand: s.id.clone(),
            kind: t.id.clone(),
            area_dm2: s.area_dm2(),
            rate: t.price_per_m2,
            amount,
        });
        let rate = event.premium(s.open_sides).unwrap_or_default();
        if rate.0 != 0 {
            lines.push(Line::OpenSides {
                stand: s.id.clone(),
                open_sides: s.open_sides,
                rate,
                amount: amount.percent(rate),
            });
        }
    }
    for (id, &quantity) in &choice.extras {
        let e = event.extra(id).expect("checked");
        lines.push(Line::Extra {
            extra: id.clone(),
            quantity,
            unit_price: e.unit_price,
            amount: e.unit_price.times(quantity),
        });
    }
    let included = blocks(&chosen)
        .into_iter()
        .filter(|b| event.stand_type(&b[0].kind).is_some_and(|t| t.includes_kit))
        .map(|b| {
            let area: u64 = b.iter().map(|s| s.area_dm2()).sum();
            let per = u64::from(event.shell_kit.per_m2.max(1)) * 100;
            KitBlock {
                stands: b.iter().map(|s| s.id.clone()).collect(),
                kits: area.div_ceil(per) as u32,
            }
        })
        .collect();
    let subtotal = Money(lines.iter().map(|l| l.amount().0).sum());
    let tax = subtotal.percent(event.tax.rate);
    let total = Money(subtotal.0 + tax.0);
    Ok(Quote {
        currency: event.currency.clone(),
        lines,
        included,
        subtotal,
        tax_rate: event.tax.rate,
        tax,
        total,
        total_lyd: event.lyd_rate.map(|r| r.convert(total)),
        schedule: schedule(event, total, today),
    })
}

/// Splits the total by the event's payment terms. Each share is rounded to
/// the cent and the last one takes the remainder, so they always add up.
/// A due date never falls before today nor after the opening day.
pub fn schedule(event: &Event, total: Money, today: Date) -> Vec<Payment> {
    let n = event.payment_schedule.len();
    let mut paid = 0;
    event
        .payment_schedule
        .iter()
        .enumerate()
        .map(|(i, inst)| {
            let amount = if i + 1 == n {
                Money(total.0 - paid)
            } else {
                total.percent(inst.share)
            };
            paid += amount.0;
            let due = match inst.due {
                Due::DaysAfterRequest(d) => today.add_days(i64::from(d)),
                Due::DaysBeforeOpening(d) => event.opens.add_days(-i64::from(d)),
            };
            Payment {
                share: inst.share,
                amount,
                due: due.max(today).min(event.opens),
            }
        })
        .collect()
}
