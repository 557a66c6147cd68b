//! The event's own terms, from `public/data/event.json`: dates and venue,
//! stand types with price and minimum area, open-side premiums, what a shell
//! stand includes, extras, tax, currency, payment schedule and contacts.

use super::money::{Money, Percent, Rate};
use super::request::is_email;
use crate::domain::data::{check_id, is_https_url, DataFile};
use crate::domain::date::Date;
use crate::domain::text::Text;
use crate::domain::Lang;
use serde::{Deserialize, Serialize};

// Bounds on the numbers of event.json. Far above any real expo, they catch a
// slipped digit before visitors see it, and keep every quote within what an
// `i64` of cents holds (the quote still checks its arithmetic, see `quote`).

/// The highest price per m² or per unit: 1,000,000.00 in the event's currency.
const MAX_PRICE: Money = Money(100_000_000);
/// The most of one extra a request may ask for.
const MAX_QUANTITY: u32 = 10_000;
/// The largest minimum area of a stand type (10 hectares).
const MAX_MIN_AREA_M2: u32 = 100_000;
/// The most stands one request may hold.
const MAX_STANDS_PER_REQUEST: u32 = 1_000;
/// The furthest a deadline or a due date may lie from its reference day (10 years).
const MAX_DAYS: u32 = 3_653;
/// The highest rate: tax, premiums and instalment shares are at most 100 %.
const MAX_PERCENT: Percent = Percent(10_000);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub name: Text,
    pub venue: Text,
    pub opens: Date,
    pub closes: Date,
    /// ISO code of the contract currency, for example EUR.
    pub currency: String,
    /// Libyan dinars per unit of the currency, shown beside the total.
    #[serde(default)]
    pub lyd_rate: Option<Rate>,
    pub tax: Tax,
    pub stand_types: Vec<StandType>,
    pub open_side_premiums: Vec<OpenSidePremium>,
    pub shell_kit: ShellKit,
    pub extras: Vec<Extra>,
    /// Extras can be ordered until this many days before opening.
    pub extras_until_days_before_opening: u32,
    pub payment_schedule: Vec<Instalment>,
    pub rules: Rules,
    pub organiser: Organiser,
    /// Where stand requests are e-mailed.
    pub request_email: String,
    /// An HTTP endpoint that accepts a request as JSON (POST), if the hosting
    /// team set one up.
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Start of every request reference, for example `LB27`.
    pub reference_prefix: String,
    pub terms: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tax {
    pub name: Text,
    pub rate: Percent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandType {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub price_per_m2: Money,
    /// Smallest area one stand (or adjacent stands of this type together) may have, in m².
    pub min_area_m2: u32,
    /// Whether the shell-scheme kit comes with it.
    #[serde(default)]
    pub includes_kit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenSidePremium {
    pub open_sides: u8,
    pub rate: Percent,
}

/// What a shell stand includes for each started `per_m2` square metres.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShellKit {
    pub per_m2: u32,
    pub items: Vec<KitItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KitItem {
    pub name: Text,
    pub quantity: u32,
}

impl ShellKit {
    /// How many kits come with shell stands of `area_dm2` together: one per
    /// started `per_m2` square metres.
    pub fn kits(&self, area_dm2: u64) -> u32 {
        let per = u64::from(self.per_m2.max(1)) * 100;
        u32::try_from(area_dm2.div_ceil(per)).unwrap_or(u32::MAX)
    }

    /// Each item with how many of it `kits` kits hold (never wrapped).
    pub fn items(&self, kits: u32) -> impl Iterator<Item = (&KitItem, u32)> {
        self.items
            .iter()
            .map(move |item| (item, item.quantity.saturating_mul(kits)))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extra {
    pub id: String,
    pub name: Text,
    pub unit_price: Money,
    pub max_quantity: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Due {
    DaysAfterRequest(u32),
    DaysBeforeOpening(u32),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instalment {
    pub share: Percent,
    pub due: Due,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Whether one request may combine stands of different types.
    pub allow_mixed_types: bool,
    pub max_stands_per_request: u32,
    /// Requests are taken until this many days before the opening day:
    /// 0 (the default) takes them until the opening day itself, 1 until the
    /// day before. After that day the site says booking for this edition is
    /// closed and a quote is never made.
    #[serde(default)]
    pub requests_until_days_before_opening: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organiser {
    pub name: Text,
    pub email: String,
    pub phone: String,
}

impl Event {
    pub fn stand_type(&self, id: &str) -> Option<&StandType> {
        self.stand_types.iter().find(|t| t.id == id)
    }

    pub fn premium(&self, open_sides: u8) -> Option<Percent> {
        self.open_side_premiums
            .iter()
            .find(|p| p.open_sides == open_sides)
            .map(|p| p.rate)
    }

    pub fn extra(&self, id: &str) -> Option<&Extra> {
        self.extras.iter().find(|e| e.id == id)
    }

    /// The last day extras can be ordered.
    pub fn extras_deadline(&self) -> Date {
        self.opens
            .add_days(-i64::from(self.extras_until_days_before_opening))
    }

    /// Whether extras can still be ordered on `today`.
    pub fn extras_open(&self, today: Date) -> bool {
        today <= self.extras_deadline()
    }

    /// The last day a stand request is taken
    /// (`rules.requests_until_days_before_opening` before the opening day).
    pub fn last_request_day(&self) -> Date {
        self.opens
            .add_days(-i64::from(self.rules.requests_until_days_before_opening))
    }

    /// Whether stand requests are still taken on `today`.
    pub fn requests_open(&self, today: Date) -> bool {
        today <= self.last_request_day()
    }
}

fn at_most<T: PartialOrd>(
    field: &str,
    value: T,
    max: T,
    show: impl Fn(&T) -> String,
) -> Option<String> {
    (value > max).then(|| {
        format!(
            "{field}: {} is more than the most allowed, {}",
            show(&value),
            show(&max)
        )
    })
}

/// What the reading pages show of the event, read from the same file: its
/// venue and dates. Parsing only these keeps the booking terms' parser and
/// checks out of the Wasm of the pages that never quote a stand; the whole
/// file is checked by the booking and by the build before any page is written.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct EventFacts {
    pub venue: Text,
    pub opens: Date,
    pub closes: Date,
}

/// The event's days, if they are not in order.
fn dates_problem(opens: Date, closes: Date) -> Option<String> {
    (closes < opens).then(|| "closes: before opens".into())
}

impl DataFile for EventFacts {
    const PATH: &'static str = Event::PATH;

    fn problems(&self) -> Vec<String> {
        dates_problem(self.opens, self.closes).into_iter().collect()
    }
}

impl DataFile for Event {
    const PATH: &'static str = "data/event.json";

    fn problems(&self) -> Vec<String> {
        let money = |m: &Money| m.amount_text();
        let percent = |p: &Percent| format!("{} %", p.text());
        let number = |n: &u32| n.to_string();
        let mut out: Vec<String> = dates_problem(self.opens, self.closes).into_iter().collect();
        if self.currency.len() != 3 || !self.currency.bytes().all(|b| b.is_ascii_uppercase()) {
            out.push("currency: use a three-letter ISO code such as EUR".into());
        }
        if self.lyd_rate.is_some_and(|r| r.0 <= 0) {
            out.push("lyd_rate: must be more than 0".into());
        }
        out.extend(at_most("tax.rate", self.tax.rate, MAX_PERCENT, percent));
        let shares = self
            .payment_schedule
            .iter()
            .try_fold(0_i64, |sum, i| sum.checked_add(i.share.0));
        if shares != Some(10_000) {
            out.push(format!(
                "payment_schedule: shares add up to {} %, not 100 %",
                shares.map_or("more than 100".into(), |s| Percent(s).text())
            ));
        }
        for (i, inst) in self.payment_schedule.iter().enumerate() {
            let (Due::DaysAfterRequest(days) | Due::DaysBeforeOpening(days)) = inst.due;
            out.extend(at_most(
                &format!("payment_schedule[{i}].due"),
                days,
                MAX_DAYS,
                number,
            ));
        }
        out.extend(at_most(
            "extras_until_days_before_opening",
            self.extras_until_days_before_opening,
            MAX_DAYS,
            number,
        ));
        out.extend(at_most(
            "rules.requests_until_days_before_opening",
            self.rules.requests_until_days_before_opening,
            MAX_DAYS,
            number,
        ));
        if self.rules.max_stands_per_request == 0 {
            out.push("rules.max_stands_per_request: must be at least 1".into());
        }
        out.extend(at_most(
            "rules.max_stands_per_request",
            self.rules.max_stands_per_request,
            MAX_STANDS_PER_REQUEST,
            number,
        ));
        if self.shell_kit.per_m2 == 0 {
            out.push("shell_kit.per_m2: must be at least 1".into());
        }
        for sides in 1..=4 {
            if self.premium(sides).is_none() {
                out.push(format!(
                    "open_side_premiums: no entry for {sides} open side(s)"
                ));
            }
        }
        for (i, p) in self.open_side_premiums.iter().enumerate() {
            out.extend(at_most(
                &format!("open_side_premiums[{i}].rate"),
                p.rate,
                MAX_PERCENT,
                percent,
            ));
        }
        for (i, t) in self.stand_types.iter().enumerate() {
            let at = format!("stand_types[{i}]");
            check_id(&format!("{at}.id"), &t.id, &mut out);
            if self.stand_types.iter().filter(|u| u.id == t.id).count() > 1 {
                out.push(format!("{at}.id: `{}` is used twice", t.id.escape_debug()));
            }
            if t.name.in_lang(Lang::En).is_none() || t.name.in_lang(Lang::Ar).is_none() {
                out.push(format!("{at}.name: needs English and Arabic"));
            }
            out.extend(at_most(
                &format!("{at}.price_per_m2"),
                t.price_per_m2,
                MAX_PRICE,
                money,
            ));
            out.extend(at_most(
                &format!("{at}.min_area_m2"),
                t.min_area_m2,
                MAX_MIN_AREA_M2,
                number,
            ));
        }
        for (i, e) in self.extras.iter().enumerate() {
            let at = format!("extras[{i}]");
            check_id(&format!("{at}.id"), &e.id, &mut out);
            if self.extras.iter().filter(|u| u.id == e.id).count() > 1 {
                out.push(format!("{at}.id: `{}` is used twice", e.id.escape_debug()));
            }
            out.extend(at_most(
                &format!("{at}.unit_price"),
                e.unit_price,
                MAX_PRICE,
                money,
            ));
            out.extend(at_most(
                &format!("{at}.max_quantity"),
                e.max_quantity,
                MAX_QUANTITY,
                number,
            ));
        }
        if let Some(url) = &self.endpoint {
            if !is_https_url(url) && !is_site_path(url) {
                out.push("endpoint: must be an https:// URL or a path on this site".into());
            }
        }
        if !is_email(&self.request_email) {
            out.push("request_email: not an e-mail address".into());
        }
        if !is_email(&self.organiser.email) {
            out.push("organiser.email: not an e-mail address".into());
        }
        out
    }
}

/// A path on this site such as `/api/requests` (not `//host`, which leaves it).
fn is_site_path(url: &str) -> bool {
    url.starts_with('/')
        && !url.starts_with("//")
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The event terms of the site the tests own (tests/fixtures/site).
    pub fn fixture_event() -> Event {
        serde_json::from_str(include_str!("../../../tests/fixtures/site/data/event.json")).unwrap()
    }

    #[test]
    fn extras_are_taken_until_their_deadline_inclusive() {
        let event = fixture_event();
        let deadline = event.extras_deadline();
        assert_eq!(
            deadline,
            event
                .opens
                .add_days(-i64::from(event.extras_until_days_before_opening))
        );
        assert!(event.extras_open(deadline.add_days(-1)));
        assert!(event.extras_open(deadline));
        assert!(!event.extras_open(deadline.add_days(1)));
    }

    /// The problems of the test's own event after `edit`.
    fn problems_after(edit: impl FnOnce(&mut Event)) -> Vec<String> {
        let mut event = fixture_event();
        assert_eq!(
            event.problems(),
            Vec::<String>::new(),
            "the fixture is valid"
        );
        edit(&mut event);
        event.problems()
    }

    fn refused(problems: &[String], field: &str) -> bool {
        problems.iter().any(|p| p.starts_with(field))
    }

    #[test]
    fn limits_are_inclusive_and_days_may_be_one() {
        assert!(problems_after(|e| e.tax.rate = MAX_PERCENT).is_empty());
        assert!(refused(
            &problems_after(|e| e.tax.rate = Percent(MAX_PERCENT.0 + 1)),
            "tax.rate"
        ));
        assert!(problems_after(|e| e.closes = e.opens).is_empty());
        assert!(refused(
            &problems_after(|e| e.closes = e.opens.add_days(-1)),
            "closes"
        ));
    }

    #[test]
    fn a_currency_is_three_capital_letters() {
        for bad in ["EURO", "eur", "EU", "E1R"] {
            let problems = problems_after(|e| e.currency = bad.into());
            assert!(refused(&problems, "currency"), "{bad}: {problems:?}");
        }
    }

    #[test]
    fn ids_are_unique_and_names_bilingual() {
        let stand_type_twice = problems_after(|e| e.stand_types.push(e.stand_types[0].clone()));
        let extra_twice = problems_after(|e| e.extras.push(e.extras[0].clone()));
        for twice in [stand_type_twice, extra_twice] {
            assert!(
                twice.iter().any(|p| p.ends_with("is used twice")),
                "{twice:?}"
            );
        }
        let english_only = problems_after(|e| e.stand_types[0].name.ar = None);
        assert!(
            refused(&english_only, "stand_types[0].name"),
            "{english_only:?}"
        );
    }

    #[test]
    fn the_endpoint_is_https_or_a_path_of_this_site() {
        for ok in ["https://example.ly/requests", "/api/requests"] {
            assert!(
                problems_after(|e| e.endpoint = Some(ok.into())).is_empty(),
                "{ok}"
            );
        }
        for bad in [
            "http://example.ly/requests",
            "//example.ly/x",
            "api/requests",
            "/a b",
            "/a\\b",
        ] {
            let problems = problems_after(|e| e.endpoint = Some(bad.into()));
            assert!(refused(&problems, "endpoint"), "{bad}: {problems:?}");
        }
    }

    fn kit(per_m2: u32, quantities: &[u32]) -> ShellKit {
        ShellKit {
            per_m2,
            items: quantities
                .iter()
                .map(|&quantity| KitItem {
                    name: Text::default(),
                    quantity,
                })
                .collect(),
        }
    }

    #[test]
    fn one_kit_per_started_block_of_square_metres() {
        let k = kit(9, &[]);
        assert_eq!(k.kits(0), 0);
        assert_eq!(k.kits(1), 1);
        assert_eq!(k.kits(900), 1);
        assert_eq!(k.kits(901), 2);
        assert_eq!(k.kits(1_800), 2);
        assert_eq!(k.kits(2_700), 3);
        // A kit per 0 m² is refused by the checks; priced as per 1 m².
        assert_eq!(kit(0, &[]).kits(250), 3);
        assert_eq!(kit(1, &[]).kits(u64::MAX), u32::MAX);
    }

    #[test]
    fn each_item_comes_as_many_times_as_the_kits() {
        let k = kit(9, &[1, 2, 3]);
        let counts = |kits| k.items(kits).map(|(_, n)| n).collect::<Vec<_>>();
        assert_eq!(counts(2), [2, 4, 6]);
        assert_eq!(counts(1), [1, 2, 3]);
        assert_eq!(counts(0), [0, 0, 0]);
        assert_eq!(kit(9, &[2]).items(u32::MAX).next().unwrap().1, u32::MAX);
        let item = k.items(2).nth(1).unwrap().0;
        assert_eq!(item, &k.items[1]);
    }
}
