//! Exact amounts: money in integer minor units (cents), percentages in basis
//! points, lengths in decimetres. Data files write them as decimal strings or
//! plain numbers; nothing is ever a float once parsed.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An amount in cents of the event's currency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub i64);

/// A percentage in basis points: 5 % is 500.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(pub i64);

/// An exchange rate with four decimals: 5.25 is 52_500.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate(pub i64);

/// A length in decimetres (the plan's precision is 10 cm).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Length(pub u32);

/// `numerator / denominator`, rounded half away from zero; `None` when the
/// result does not fit in an `i64` (or the denominator is 0), never a
/// wrapped value.
pub fn div_round(numerator: i128, denominator: i128) -> Option<i64> {
    let q = numerator.checked_div(denominator)?;
    let r = numerator.checked_rem(denominator)?;
    let adjust = i128::from(2 * r.unsigned_abs() >= denominator.unsigned_abs());
    let sign = if (numerator < 0) != (denominator < 0) {
        -1
    } else {
        1
    };
    i64::try_from(q + sign * adjust).ok()
}

/// Parses a non-negative decimal string into an integer with `scale` decimals.
pub fn parse_decimal(s: &str, scale: u32) -> Option<i64> {
    let s = s.trim();
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    if frac.len() > scale as usize {
        return None;
    }
    let mut value: i64 = int.parse().ok()?;
    for _ in 0..scale {
        value = value.checked_mul(10)?;
    }
    let frac_value: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    value.checked_add(frac_value * 10_i64.pow(scale - frac.len() as u32))
}

impl Money {
    /// `amount × percent`, rounded to the cent; `None` if it cannot be represented.
    pub fn percent(self, p: Percent) -> Option<Money> {
        div_round(i128::from(self.0) * i128::from(p.0), 10_000).map(Money)
    }

    /// `amount × n`; `None` if it cannot be represented.
    pub fn times(self, n: u32) -> Option<Money> {
        self.0.checked_mul(i64::from(n)).map(Money)
    }

    /// `self + other`; `None` if it cannot be represented.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// The sum of all amounts; `None` if it cannot be represented.
    pub fn sum(amounts: impl IntoIterator<Item = Money>) -> Option<Money> {
        amounts
            .into_iter()
            .try_fold(Money(0), |acc, m| acc.checked_add(m))
    }

    /// "12,345.67" with Western digits, as Libya writes amounts.
    pub fn amount_text(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let units = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in units.chars().enumerate() {
            if i > 0 && (units.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{sign}{grouped}.{:02}", abs % 100)
    }

    /// "EUR 12,345.67", with a no-break space: an amount never splits
    /// across two lines of a narrow screen.
    pub fn with_currency(self, currency: &str) -> String {
        format!("{currency}\u{a0}{}", self.amount_text())
    }
}

impl Rate {
    /// Converts an amount with this rate, rounded to the cent; `None` if the
    /// result cannot be represented.
    pub fn convert(self, m: Money) -> Option<Money> {
        div_round(i128::from(m.0) * i128::from(self.0), 10_000).map(Money)
    }

    pub fn text(self) -> String {
        let s = format!("{}.{:04}", self.0 / 10_000, self.0 % 10_000);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

impl Percent {
    pub fn text(self) -> String {
        let s = format!("{}.{:02}", self.0 / 100, self.0 % 100);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

impl Length {
    /// Square metres of `self × other`, in hundredths (dm²).
    pub fn area_dm2(self, other: Length) -> u64 {
        u64::from(self.0) * u64::from(other.0)
    }
}

/// `value` with `decimals` implied decimal places, without trailing zeros:
/// `decimal_text(125, 1)` is "12.5", `decimal_text(1800, 2)` is "18". No
/// floats, so the text is exact.
pub fn decimal_text(value: u64, decimals: u32) -> String {
    let scale = 10_u64.pow(decimals);
    let s = format!(
        "{}.{:0width$}",
        value / scale,
        value % scale,
        width = decimals as usize
    );
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// An area in dm² as "7.5" or "18" (square metres).
pub fn area_text(dm2: u64) -> String {
    decimal_text(dm2, 2)
}

impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&decimal_text(u64::from(self.0), 1))
    }
}

fn decimal_de<'de, D: Deserializer<'de>>(d: D, scale: u32, what: &str) -> Result<i64, D::Error> {
    let s = String::deserialize(d)?;
    parse_decimal(&s, scale).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "`{s}` is not {what} (a decimal string with at most {scale} decimals)"
        ))
    })
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        decimal_de(d, 2, "an amount").map(Money)
    }
}
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{}.{:02}", self.0 / 100, self.0 % 100))
    }
}
impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        decimal_de(d, 2, "a percentage").map(Percent)
    }
}
impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}
impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        decimal_de(d, 4, "a rate").map(Rate)
    }
}
impl Serialize for Rate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

/// Lengths are written as plain numbers of metres (`3`, `2.5`) in the plan.
impl<'de> Deserialize<'de> for Length {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let metres = f64::deserialize(d)?;
        let dm = (metres * 10.0).round();
        if !(0.0..=100_000.0).contains(&dm) || (metres * 10.0 - dm).abs() > 1e-6 {
            return Err(serde::de::Error::custom(format!(
                "`{metres}` m is not a length to 0.1 m"
            )));
        }
        Ok(Length(dm as u32))
    }
}
impl Serialize for Length {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(f64::from(self.0) / 10.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_parse_exactly() {
        assert_eq!(parse_decimal("340.00", 2), Some(34_000));
        assert_eq!(parse_decimal("340", 2), Some(34_000));
        assert_eq!(parse_decimal("5.25", 4), Some(52_500));
        assert_eq!(parse_decimal("0.5", 2), Some(50));
        assert_eq!(parse_decimal("1.234", 2), None);
        assert_eq!(parse_decimal("-1", 2), None);
        assert_eq!(parse_decimal("1e3", 2), None);
        assert_eq!(parse_decimal("", 2), None);
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(div_round(5, 10), Some(1));
        assert_eq!(div_round(4, 10), Some(0));
        assert_eq!(div_round(-5, 10), Some(-1));
        // The sign comes from both operands, the denominator's too.
        assert_eq!(div_round(5, -10), Some(-1));
        assert_eq!(div_round(-5, -10), Some(1));
        assert_eq!(Money(1_005).percent(Percent(5_000)), Some(Money(503)));
    }

    #[test]
    fn lengths_are_written_back_in_metres() {
        assert_eq!(serde_json::to_string(&Length(25)).unwrap(), "2.5");
        let back: Length = serde_json::from_str("2.5").unwrap();
        assert_eq!(back, Length(25));
    }

    #[test]
    fn amounts_are_written_with_their_sign_only_when_negative() {
        assert_eq!(Money(0).amount_text(), "0.00");
        assert_eq!(Money(-150).amount_text(), "-1.50");
        assert_eq!(Money(123_456_789).amount_text(), "1,234,567.89");
        assert_eq!(Money(12_345_600).amount_text(), "123,456.00");
    }

    #[test]
    fn arithmetic_that_cannot_be_represented_is_refused_not_wrapped() {
        let big = Money(i64::MAX / 2 + 1);
        assert_eq!(big.times(2), None);
        assert_eq!(big.checked_add(big), None);
        assert_eq!(Money::sum([big, big]), None);
        assert_eq!(Money::sum([Money(1), Money(2)]), Some(Money(3)));
        assert_eq!(Money(i64::MAX).percent(Percent(20_000)), None);
        assert_eq!(Rate(52_500).convert(Money(i64::MAX)), None);
        assert_eq!(div_round(i128::from(i64::MAX) * 10, 1), None);
        assert_eq!(div_round(1, 0), None);
    }

    #[test]
    fn amounts_are_written_with_western_digits_and_groups() {
        assert_eq!(Money(123_456_789).amount_text(), "1,234,567.89");
        assert_eq!(Money(12_345_600).amount_text(), "123,456.00");
        assert_eq!(Money(5).with_currency("EUR"), "EUR\u{a0}0.05");
        assert_eq!(Money(100_000).amount_text(), "1,000.00");
        assert_eq!(Rate(52_500).text(), "5.25");
        assert_eq!(Percent(1_250).text(), "12.5");
        assert_eq!(area_text(750), "7.5");
        assert_eq!(area_text(1_800), "18");
        assert_eq!(Length(25).to_string(), "2.5");
    }

    #[test]
    fn lengths_come_from_metres() {
        let l: Length = serde_json::from_str("2.5").unwrap();
        assert_eq!(l, Length(25));
        assert!(serde_json::from_str::<Length>("2.55").is_err());
        assert!(serde_json::from_str::<Length>("-1").is_err());
        let m: Money = serde_json::from_str("\"12.30\"").unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"12.30\"");
    }
}
