//! Calendar dates without time zones (the event's dates are Libyan civil
//! dates), with the day arithmetic the payment schedule needs.

use super::Lang;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A Gregorian date, written `YYYY-MM-DD` in data files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.split('-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's
    /// days-from-civil algorithm, so adding days needs no calendar tables.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// The date written out as each language writes it: "19 April 2027",
    /// "19 أبريل 2027" (Western digits, as in Libya). Pure Rust, so a page
    /// rendered without a browser reads the same as one drawn by the app; a
    /// browser test holds it to what `Intl.DateTimeFormat` writes for
    /// `Lang::locale`.
    pub fn long(self, lang: Lang) -> String {
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const AR: [&str; 12] = [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ];
        let names = match lang {
            Lang::En => EN,
            Lang::Ar => AR,
        };
        let month = names[(self.month as usize).clamp(1, 12) - 1];
        format!("{} {month} {}", self.day, self.year)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a date (YYYY-MM-DD)")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Date::parse("2025-06-10"), Date::new(2025, 6, 10));
        assert_eq!(Date::parse("2025-02-29"), None);
        assert!(Date::parse("2024-02-29").is_some());
        assert_eq!(Date::parse("2025-6-10"), None);
        assert_eq!(Date::parse("10 June 2025"), None);
        assert_eq!(Date::parse("2025-06-10-01"), None, "a fourth part");
    }

    #[test]
    fn months_have_their_lengths_and_centuries_their_leap_rule() {
        for month in [4, 6, 9, 11] {
            assert!(Date::new(2027, month, 30).is_some());
            assert_eq!(Date::new(2027, month, 31), None, "month {month}");
        }
        assert!(Date::new(2027, 5, 31).is_some());
        // Every fourth year, except centuries, except every fourth century.
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2400, 2, 29).is_some());
        assert_eq!(Date::new(1900, 2, 29), None);
        assert_eq!(Date::new(2100, 2, 29), None);
    }

    #[test]
    fn known_day_numbers() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().to_days(), 11_017);
        // The last day of a 400-year cycle, where the algorithm's corrections meet.
        assert_eq!(Date::from_days(11_016), Date::new(2000, 2, 29).unwrap());
        assert_eq!(
            Date::from_days(11_016 - 146_097),
            Date::new(1600, 2, 29).unwrap()
        );
        assert_eq!(
            Date::new(2027, 4, 20).unwrap().add_days(-7),
            Date::new(2027, 4, 13).unwrap()
        );
        assert_eq!(
            Date::new(2026, 12, 20).unwrap().add_days(30),
            Date::new(2027, 1, 19).unwrap()
        );
    }

    #[test]
    fn every_day_of_a_whole_400_year_cycle_round_trips_in_order() {
        // The calendar repeats every 146,097 days; one whole cycle, from
        // 1600-03-01, meets every correction of the algorithm.
        let start = Date::new(1600, 3, 1).unwrap().to_days();
        let mut previous = Date::from_days(start - 1);
        for days in start..start + 146_097 {
            let date = Date::from_days(days);
            assert_eq!(date.to_days(), days);
            assert!(date > previous, "{date} after {previous}");
            assert!(
                Date::new(date.year, date.month, date.day).is_some(),
                "{date}"
            );
            previous = date;
        }
        assert_eq!(previous, Date::new(2000, 2, 29).unwrap());
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn days_round_trip(days in -200_000i64..200_000) {
            let date = Date::from_days(days);
            proptest::prop_assert_eq!(date.to_days(), days);
            proptest::prop_assert_eq!(Date::parse(&date.to_string()).map(Date::to_days), (date.year >= 1000 && date.year <= 9999).then_some(days));
        }
    }

    #[test]
    fn dates_are_written_out_in_each_language() {
        let d = Date::new(2027, 4, 19).unwrap();
        assert_eq!(d.long(Lang::En), "19 April 2027");
        assert_eq!(d.long(Lang::Ar), "19 أبريل 2027");
        assert_eq!(
            Date::new(2025, 11, 1).unwrap().long(Lang::Ar),
            "1 نوفمبر 2025"
        );
        assert_eq!(
            Date::new(2026, 12, 31).unwrap().long(Lang::En),
            "31 December 2026"
        );
    }
}
