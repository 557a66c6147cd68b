//! The event's own terms, from `public/data/event.json`: dates and venue,
//! stand types with price and minimum area, open-side premiums, what a shell
//! stand includes, extras, tax, currency, payment schedule and contacts.

use super::money::{Money, Percent, Rate};
use crate::domain::date::Date;
use crate::domain::text::Text;
use serde::{Deserialize, Serialize};

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

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.closes < self.opens {
            out.push("closes: before opens".into());
        }
        if self.currency.len() != 3 || !self.currency.bytes().all(|b| b.is_ascii_uppercase()) {
            out.push("currency: use a three-letter ISO code such as EUR".into());
        }
        let shares: i64 = self.payment_schedule.iter().map(|i| i.share.0).sum();
        if shares != 10_000 {
            out.push(format!(
                "payment_schedule: shares add up to {} %, not 100 %",
                Percent(shares).text()
            ));
        }
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
        for (i, t) in self.stand_types.iter().enumerate() {
            if self.stand_types.iter().filter(|u| u.id == t.id).count() > 1 {
                out.push(format!("stand_types[{i}].id: `{}` is used twice", t.id));
            }
            if t.name.in_lang(crate::domain::Lang::En).is_none()
                || t.name.in_lang(crate::domain::Lang::Ar).is_none()
            {
                out.push(format!("stand_types[{i}].name: needs English and Arabic"));
            }
        }
        for (i, e) in self.extras.iter().enumerate() {
            if self.extras.iter().filter(|u| u.id == e.id).count() > 1 {
                out.push(format!("extras[{i}].id: `{}` is used twice", e.id));
            }
        }
        if let Some(url) = &self.endpoint {
            if !url.starts_with("https://") && !url.starts_with('/') {
                out.push("endpoint: must be an https:// URL or a path on this site".into());
            }
        }
        if !self.request_email.contains('@') {
            out.push("request_email: not an e-mail address".into());
        }
        out
    }
}
