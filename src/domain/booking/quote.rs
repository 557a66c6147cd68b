//! Choosing stands and pricing them: the event's rules are checked first,
//! and a choice that breaks one is never priced.

use super::event::{Due, Event, Extra, StandType};
use super::money::{Money, Percent};
use super::plan::{FloorPlan, Stand, Status};
use crate::domain::date::Date;
use crate::domain::text::western_digits;
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
    pub fn has(&self, id: &str) -> bool {
        self.stands.iter().any(|s| s == id)
    }

    /// Sets an extra from what was typed, if it is a whole number from 0 to
    /// `max` (empty is 0); otherwise keeps the quantity and says why, so a
    /// typed 1.5 or −2 never silently becomes something else.
    pub fn type_extra(&mut self, id: &str, typed: &str, max: u32) -> Result<u32, QuantityError> {
        let q = parse_quantity(typed, max)?;
        self.set_extra(id, q);
        Ok(q)
    }

    pub fn set_extra(&mut self, id: &str, quantity: u32) {
        if quantity == 0 {
            self.extras.remove(id);
        } else {
            self.extras.insert(id.to_string(), quantity);
        }
    }

    /// The chosen stands that can no longer be had: gone from the plan or
    /// not available any more (a draft saved before they were sold).
    pub fn stale(&self, plan: &FloorPlan) -> Vec<String> {
        self.stands
            .iter()
            .filter(|id| !plan.stand(id).is_some_and(Stand::is_available))
            .cloned()
            .collect()
    }

    /// Removes the [`stale`](Choice::stale) stands and returns their ids.
    pub fn drop_stale(&mut self, plan: &FloorPlan) -> Vec<String> {
        let stale = self.stale(plan);
        self.stands.retain(|id| !stale.contains(id));
        stale
    }
}

/// What [`toggle`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toggled {
    Added,
    Removed,
    /// Not added: the stand is on the plan but not available.
    Refused(Status),
    /// Not added: no stand has this id.
    Unknown,
}

/// Adds a stand to the choice or removes it, keeping the order of choosing.
/// Removing is always allowed, whatever the stand's status and even when it
/// has left the plan, so a returning exhibitor is never stuck with a stand
/// sold since; adding needs an available stand.
pub fn toggle(plan: &FloorPlan, choice: &mut Choice, id: &str) -> Toggled {
    if let Some(i) = choice.stands.iter().position(|s| s == id) {
        choice.stands.remove(i);
        return Toggled::Removed;
    }
    match plan.stand(id) {
        None => Toggled::Unknown,
        Some(s) if !s.is_available() => Toggled::Refused(s.status),
        Some(_) => {
            choice.stands.push(id.to_string());
            Toggled::Added
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
    /// Requests for this edition are no longer taken (see
    /// [`Event::last_request_day`]).
    BookingClosed {
        last_day: Date,
    },
    /// An amount of the quote is too large to be represented exactly (only
    /// data that escaped validation can cause it): nothing is priced.
    AmountTooLarge,
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

#[cfg(test)]
impl Quote {
    /// A quote of nothing, for tests of what carries a quote.
    pub(crate) fn empty(currency: &str) -> Quote {
        Quote {
            currency: currency.into(),
            lines: vec![],
            included: vec![],
            subtotal: Default::default(),
            tax_rate: Default::default(),
            tax: Default::default(),
            total: Default::default(),
            total_lyd: None,
            schedule: vec![],
        }
    }
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

/// A choice that keeps every rule, with each stand and extra resolved to
/// the terms that price it: pricing never meets an unchecked choice.
struct Checked<'a> {
    stands: Vec<(&'a Stand, &'a StandType)>,
    extras: Vec<(&'a Extra, u32)>,
}

/// Every rule the choice breaks, in the order a person would fix them.
pub fn check(plan: &FloorPlan, event: &Event, choice: &Choice, today: Date) -> Vec<Violation> {
    checked(plan, event, choice, today)
        .err()
        .unwrap_or_default()
}

fn checked<'a>(
    plan: &'a FloorPlan,
    event: &'a Event,
    choice: &Choice,
    today: Date,
) -> Result<Checked<'a>, Vec<Violation>> {
    // Nothing else can be fixed once booking has closed.
    if !event.requests_open(today) {
        return Err(vec![Violation::BookingClosed {
            last_day: event.last_request_day(),
        }]);
    }
    let mut out = Vec::new();
    if choice.stands.is_empty() {
        out.push(Violation::NoStand);
    }
    if choice.stands.len() > event.rules.max_stands_per_request as usize {
        out.push(Violation::TooMany {
            max: event.rules.max_stands_per_request,
        });
    }
    let mut stands = Vec::new();
    for id in &choice.stands {
        match plan.stand(id) {
            None => out.push(Violation::UnknownStand { stand: id.clone() }),
            Some(s) if !s.is_available() => out.push(Violation::Unavailable {
                stand: id.clone(),
                status: s.status,
            }),
            Some(s) => match event.stand_type(&s.kind) {
                None => out.push(Violation::UnknownType {
                    stand: id.clone(),
                    kind: s.kind.clone(),
                }),
                Some(t) => stands.push((s, t)),
            },
        }
    }
    let mut kinds: Vec<String> = stands.iter().map(|(s, _)| s.kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    if kinds.len() > 1 && !event.rules.allow_mixed_types {
        out.push(Violation::MixedTypes { kinds });
    }
    let chosen: Vec<&Stand> = stands.iter().map(|(s, _)| *s).collect();
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
    if !choice.extras.is_empty() && !event.extras_open(today) {
        out.push(Violation::ExtrasClosed {
            deadline: event.extras_deadline(),
        });
    }
    let mut extras = Vec::new();
    for (id, &quantity) in &choice.extras {
        match event.extra(id) {
            None => out.push(Violation::UnknownExtra { extra: id.clone() }),
            Some(e) if quantity > e.max_quantity => out.push(Violation::TooManyOfExtra {
                extra: id.clone(),
                max: e.max_quantity,
            }),
            Some(e) => extras.push((e, quantity)),
        }
    }
    if out.is_empty() {
        Ok(Checked { stands, extras })
    } else {
        Err(out)
    }
}

/// Prices a choice, or says which rules it breaks.
pub fn quote(
    plan: &FloorPlan,
    event: &Event,
    choice: &Choice,
    today: Date,
) -> Result<Quote, Vec<Violation>> {
    let checked = checked(plan, event, choice, today)?;
    price(event, &checked, today).ok_or_else(|| vec![Violation::AmountTooLarge])
}

/// The quote of a checked choice; `None` if an amount cannot be represented.
fn price(event: &Event, checked: &Checked, today: Date) -> Option<Quote> {
    let mut lines = Vec::new();
    for &(s, t) in &checked.stands {
        let price = s.priced(t, event)?;
        lines.push(Line::Space {
            stand: s.id.clone(),
            kind: t.id.clone(),
            area_dm2: s.area_dm2(),
            rate: t.price_per_m2,
            amount: price.space,
        });
        if price.premium_rate.0 != 0 {
            lines.push(Line::OpenSides {
                stand: s.id.clone(),
                open_sides: s.open_sides,
                rate: price.premium_rate,
                amount: price.premium,
            });
        }
    }
    for &(e, quantity) in &checked.extras {
        lines.push(Line::Extra {
            extra: e.id.clone(),
            quantity,
            unit_price: e.unit_price,
            amount: e.unit_price.times(quantity)?,
        });
    }
    let chosen: Vec<&Stand> = checked.stands.iter().map(|(s, _)| *s).collect();
    let included = blocks(&chosen)
        .into_iter()
        .filter(|b| event.stand_type(&b[0].kind).is_some_and(|t| t.includes_kit))
        .map(|b| KitBlock {
            stands: b.iter().map(|s| s.id.clone()).collect(),
            kits: event.shell_kit.kits(b.iter().map(|s| s.area_dm2()).sum()),
        })
        .collect();
    let subtotal = Money::sum(lines.iter().map(Line::amount))?;
    let tax = subtotal.percent(event.tax.rate)?;
    let total = subtotal.checked_add(tax)?;
    let total_lyd = match event.lyd_rate {
        Some(r) => Some(r.convert(total)?),
        None => None,
    };
    Some(Quote {
        currency: event.currency.clone(),
        lines,
        included,
        subtotal,
        tax_rate: event.tax.rate,
        tax,
        total,
        total_lyd,
        schedule: schedule(event, total, today)?,
    })
}

/// Splits the total by the event's payment terms, on a day requests are
/// open. Each instalment is the rounded running share minus what came
/// before, and the last takes the remainder, so they always add up exactly.
/// A due date is the latest day the terms allow: never before the request
/// (`today`; a day already past is due at once) nor after the opening, and
/// never after a later instalment's. "Within 30 days" of a late request
/// may fall after "one week before opening": the first half is then due
/// with the second, never the second pushed back to the first.
fn schedule(event: &Event, total: Money, today: Date) -> Option<Vec<Payment>> {
    let n = event.payment_schedule.len();
    let mut share_so_far = Percent(0);
    let mut paid = Money(0);
    let mut out = Vec::with_capacity(n);
    for (i, inst) in event.payment_schedule.iter().enumerate() {
        share_so_far = Percent(share_so_far.0.checked_add(inst.share.0)?);
        let due_so_far = if i + 1 == n {
            total
        } else {
            total.percent(share_so_far)?
        };
        let amount = Money(due_so_far.0.checked_sub(paid.0)?);
        paid = due_so_far;
        let due = match inst.due {
            Due::DaysAfterRequest(d) => today.add_days(i64::from(d)),
            Due::DaysBeforeOpening(d) => event.opens.add_days(-i64::from(d)),
        };
        // `today` is at most the opening day, so the bounds always meet.
        out.push(Payment {
            share: inst.share,
            amount,
            due: due.max(today).min(event.opens),
        });
    }
    // From the last back: an instalment is due by the next one's day.
    for i in (1..out.len()).rev() {
        out[i - 1].due = out[i - 1].due.min(out[i].due);
    }
    Some(out)
}

/// Why a typed quantity of an extra was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityError {
    /// A fraction such as 1.5: extras come whole.
    NotWhole,
    /// Below zero.
    Negative,
    /// More than the event allows of this extra.
    OverMax(u32),
    /// Not a number at all.
    NotANumber,
}

/// A quantity typed for an extra: a whole number from 0 to `max` (empty is
/// 0), in Western or Arabic-Indic digits (a phone's Arabic keyboard types ٣).
pub fn parse_quantity(typed: &str, max: u32) -> Result<u32, QuantityError> {
    let western = western_digits(typed);
    let t = western.trim();
    if t.is_empty() {
        return Ok(0);
    }
    if t.starts_with(['-', '\u{2212}']) {
        return Err(QuantityError::Negative);
    }
    if let Some((int, frac)) = t.split_once(['.', ',']) {
        // "2.0" is still two.
        return if frac.bytes().all(|b| b == b'0') {
            parse_quantity(int, max)
        } else {
            Err(QuantityError::NotWhole)
        };
    }
    let q: u32 = t.parse().map_err(|_| QuantityError::NotANumber)?;
    if q > max {
        return Err(QuantityError::OverMax(max));
    }
    Ok(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_quantities_are_whole_or_refused() {
        assert_eq!(parse_quantity("", 5), Ok(0));
        assert_eq!(parse_quantity(" 3 ", 5), Ok(3));
        assert_eq!(parse_quantity("2.0", 5), Ok(2));
        assert_eq!(parse_quantity("1.5", 5), Err(QuantityError::NotWhole));
        assert_eq!(parse_quantity("-2", 5), Err(QuantityError::Negative));
        assert_eq!(parse_quantity("6", 5), Err(QuantityError::OverMax(5)));
        assert_eq!(parse_quantity("x", 5), Err(QuantityError::NotANumber));
        // Arabic-Indic digits, as an Arabic keyboard types them.
        assert_eq!(parse_quantity("٣", 5), Ok(3));
        assert_eq!(parse_quantity("۱۲", 20), Ok(12));
        // On the way to a number: what is typed so far reads as it will.
        assert_eq!(parse_quantity("1.", 5), Ok(1));
        assert_eq!(parse_quantity("-", 5), Err(QuantityError::Negative));
        let mut c = Choice::default();
        c.set_extra("chair", 2);
        assert_eq!(
            c.type_extra("chair", "1.5", 5),
            Err(QuantityError::NotWhole)
        );
        assert_eq!(
            c.extras.get("chair"),
            Some(&2),
            "a refused quantity keeps the one before"
        );
        assert_eq!(c.type_extra("chair", "0", 5), Ok(0));
        assert!(c.extras.is_empty());
    }
}
