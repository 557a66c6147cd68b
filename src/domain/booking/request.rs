//! The stand request: what the exhibitor types, how it is checked and
//! cleaned, the saved draft, and the request handed to the organiser.

use super::event::Event;
use super::quote::{Choice, Quote};
use crate::domain::date::Date;
use crate::domain::Lang;
use serde::{Deserialize, Serialize};

/// Everything the form asks. Strings are kept as typed (cleaned of control
/// characters), so a validation error never loses input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Form {
    pub company: String,
    pub fascia_en: String,
    pub fascia_ar: String,
    pub contact: String,
    pub email: String,
    pub phone_code: String,
    pub phone: String,
    pub country: String,
    pub sector: String,
    pub notes: String,
    pub accept_terms: bool,
}

impl Default for Form {
    fn default() -> Self {
        Form {
            company: String::new(),
            fascia_en: String::new(),
            fascia_ar: String::new(),
            contact: String::new(),
            email: String::new(),
            phone_code: "+218".into(),
            phone: String::new(),
            country: String::new(),
            sector: String::new(),
            notes: String::new(),
            accept_terms: false,
        }
    }
}

/// A field of the form, for placing its error next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Company,
    FasciaEn,
    FasciaAr,
    Contact,
    Email,
    PhoneCode,
    Phone,
    Country,
    Sector,
    Notes,
    AcceptTerms,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Company,
        Field::FasciaEn,
        Field::FasciaAr,
        Field::Contact,
        Field::Email,
        Field::PhoneCode,
        Field::Phone,
        Field::Country,
        Field::Sector,
        Field::Notes,
        Field::AcceptTerms,
    ];

    /// The longest text the field takes (the fascia board has room for 30 letters).
    pub fn max_len(self) -> usize {
        match self {
            Field::FasciaEn | Field::FasciaAr => 30,
            // "+" and at most four digits (see `is_phone_code`).
            Field::PhoneCode => 5,
            // At most 14 digits with spaces, dashes or brackets between them.
            Field::Phone => 20,
            Field::Notes => 2_000,
            _ => 120,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Field::Company => "company",
            Field::FasciaEn => "fascia-en",
            Field::FasciaAr => "fascia-ar",
            Field::Contact => "contact",
            Field::Email => "email",
            Field::PhoneCode => "phone-code",
            Field::Phone => "phone",
            Field::Country => "country",
            Field::Sector => "sector",
            Field::Notes => "notes",
            Field::AcceptTerms => "accept-terms",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    Required,
    TooLong(usize),
    Email,
    PhoneCode,
    /// Fewer digits than [`MIN_PHONE_DIGITS`]; holds how many were typed.
    PhoneTooFewDigits(usize),
    /// More digits than [`MAX_PHONE_DIGITS`]; holds how many were typed.
    PhoneTooManyDigits(usize),
    /// A character a phone number cannot hold, for example a letter.
    PhoneChar(char),
    /// The number starts with a country code that could not be moved to the
    /// code field (`+4420…` with no space after the code).
    PhoneHasCode,
    NeedsLatin,
    NeedsArabic,
    MustAccept,
}

impl Form {
    pub fn get(&self, f: Field) -> &str {
        match f {
            Field::Company => &self.company,
            Field::FasciaEn => &self.fascia_en,
            Field::FasciaAr => &self.fascia_ar,
            Field::Contact => &self.contact,
            Field::Email => &self.email,
            Field::PhoneCode => &self.phone_code,
            Field::Phone => &self.phone,
            Field::Country => &self.country,
            Field::Sector => &self.sector,
            Field::Notes => &self.notes,
            Field::AcceptTerms => "",
        }
    }

    /// Stores what was typed, cleaned (see [`clean`]) and cut to the field's
    /// length. Phone fields also get Western digits, and a number typed or
    /// pasted with its country code is split (see [`normalise_phone`]).
    pub fn set(&mut self, f: Field, value: &str) {
        let mut cleaned = clean(value, f == Field::Notes);
        if f == Field::PhoneCode {
            cleaned = western_digits(&cleaned);
        }
        if f == Field::Phone {
            let (code, phone) = normalise_phone(&self.phone_code, &cleaned);
            self.phone_code = cut(&code, Field::PhoneCode);
            cleaned = phone;
        }
        let value = cut(&cleaned, f);
        let slot = match f {
            Field::Company => &mut self.company,
            Field::FasciaEn => &mut self.fascia_en,
            Field::FasciaAr => &mut self.fascia_ar,
            Field::Contact => &mut self.contact,
            Field::Email => &mut self.email,
            Field::PhoneCode => &mut self.phone_code,
            Field::Phone => &mut self.phone,
            Field::Country => &mut self.country,
            Field::Sector => &mut self.sector,
            Field::Notes => &mut self.notes,
            Field::AcceptTerms => return,
        };
        *slot = value;
    }

    /// The problem with one field, if any.
    pub fn check(&self, f: Field) -> Option<FieldError> {
        let v = self.get(f).trim();
        let required = !matches!(f, Field::Notes | Field::Sector | Field::AcceptTerms);
        if f == Field::AcceptTerms {
            return (!self.accept_terms).then_some(FieldError::MustAccept);
        }
        if required && v.is_empty() {
            return Some(FieldError::Required);
        }
        if v.chars().count() > f.max_len() {
            return Some(FieldError::TooLong(f.max_len()));
        }
        match f {
            Field::Email if !is_email(v) => Some(FieldError::Email),
            Field::PhoneCode if !is_phone_code(v) => Some(FieldError::PhoneCode),
            Field::Phone => phone_error(v),
            Field::FasciaEn if !v.chars().any(|c| c.is_ascii_alphabetic()) => {
                Some(FieldError::NeedsLatin)
            }
            Field::FasciaAr if !v.chars().any(is_arabic_letter) => Some(FieldError::NeedsArabic),
            _ => None,
        }
    }

    pub fn problems(&self) -> Vec<(Field, FieldError)> {
        Field::ALL
            .iter()
            .filter_map(|&f| self.check(f).map(|e| (f, e)))
            .collect()
    }
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

pub(crate) fn is_email(v: &str) -> bool {
    let Some((local, domain)) = v.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !v.chars().any(char::is_whitespace)
}

fn is_phone_code(v: &str) -> bool {
    let digits = v.strip_prefix('+').unwrap_or("");
    (1..=4).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

pub const MIN_PHONE_DIGITS: usize = 6;
/// The longest number the ITU allows is 15 digits with the country code;
/// the code field holds at least one of them.
pub const MAX_PHONE_DIGITS: usize = 14;

/// What may stand between the digits of a phone number.
fn is_phone_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '(' | ')' | '.')
}

/// The problem with a phone number, most useful first: a country code left
/// in it, then a character it cannot hold, then the count of digits.
fn phone_error(v: &str) -> Option<FieldError> {
    if v.starts_with('+') || v.starts_with("00") {
        return Some(FieldError::PhoneHasCode);
    }
    if let Some(c) = v
        .chars()
        .find(|&c| !c.is_ascii_digit() && !is_phone_separator(c))
    {
        return Some(FieldError::PhoneChar(c));
    }
    let digits = v.chars().filter(char::is_ascii_digit).count();
    if digits < MIN_PHONE_DIGITS {
        Some(FieldError::PhoneTooFewDigits(digits))
    } else if digits > MAX_PHONE_DIGITS {
        Some(FieldError::PhoneTooManyDigits(digits))
    } else {
        None
    }
}

/// Arabic-Indic (U+0660–U+0669) and Extended Arabic-Indic (U+06F0–U+06F9)
/// digits as Western digits, which Libya uses and the organiser's systems
/// expect. Any kind of space (a pasted no-break space) becomes a plain one.
fn western_digits(v: &str) -> String {
    v.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect()
}

/// The country code and the number from what was typed in the phone field,
/// with Western digits. A number that starts with a code (`+218 91 234 5678`
/// or `00218 91 234 5678`) loses it when it is the code already chosen, even
/// without a space; another code (`+44 20 7946 0958`) moves to the code field
/// when a space, dash or dot separates it. A code that cannot be split
/// safely (`+4420…`) is left in the number, where the check reports it.
pub fn normalise_phone(code: &str, input: &str) -> (String, String) {
    let code = western_digits(code).trim().to_string();
    let typed = western_digits(input);
    let trimmed = typed.trim_start();
    let Some(international) = trimmed
        .strip_prefix('+')
        .or_else(|| trimmed.strip_prefix("00"))
    else {
        return (code, typed);
    };
    let rest_of = |s: &str| s.trim_start_matches(is_phone_separator).to_string();
    let current = code.strip_prefix('+').unwrap_or("");
    let is_current = !current.is_empty()
        && current.bytes().all(|b| b.is_ascii_digit())
        && international.starts_with(current);
    if is_current {
        return (code.clone(), rest_of(&international[current.len()..]));
    }
    let group_len = international
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(international.len());
    let (group, after) = international.split_at(group_len);
    let separated = after.starts_with(is_phone_separator);
    if separated && (1..=4).contains(&group.len()) {
        (format!("+{group}"), rest_of(after))
    } else {
        (code, typed)
    }
}

/// `value` cut to the field's length.
fn cut(value: &str, f: Field) -> String {
    value.chars().take(f.max_len()).collect()
}

/// Removes what could disturb the layout or the organiser's systems: control
/// characters and bidi overrides/isolates (a name typed in Arabic or English
/// keeps its own direction through `dir="auto"`). Newlines stay in notes.
pub fn clean(value: &str, multiline: bool) -> String {
    value
        .chars()
        .filter(|&c| {
            let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}');
            let control = c.is_control() && !(multiline && c == '\n');
            !bidi && !control
        })
        .collect()
}

/// A request reference: prefix, the day of the request and six characters
/// without look-alikes (no 0/O, 1/I/L), for example `LB27-1123-7KQ9XM`.
pub fn reference(prefix: &str, today: Date, random: u64) -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let mut n = random;
    let code: String = (0..6)
        .map(|_| {
            let c = ALPHABET[(n % ALPHABET.len() as u64) as usize] as char;
            n /= ALPHABET.len() as u64;
            c
        })
        .collect();
    format!("{prefix}-{:02}{:02}-{code}", today.month, today.day)
}

/// The saved form and choice. The version changes when the shape does, so an
/// old draft is recognised and set aside instead of misread.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub version: u32,
    pub choice: Choice,
    pub form: Form,
}

pub const DRAFT_VERSION: u32 = 1;

/// What was found in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftLoad {
    Empty,
    Restored(Box<Draft>),
    /// Unreadable or from an older version of the site: discarded, and the
    /// visitor is told.
    Discarded,
}

impl Draft {
    pub fn new() -> Draft {
        Draft {
            version: DRAFT_VERSION,
            ..Draft::default()
        }
    }

    /// Nothing chosen and nothing typed (the phone code has a default and
    /// does not count): such a draft is not worth keeping in storage.
    pub fn is_empty(&self) -> bool {
        let untouched = Form {
            phone_code: self.form.phone_code.clone(),
            ..Form::default()
        };
        self.choice.stands.is_empty() && self.choice.extras.is_empty() && self.form == untouched
    }

    /// The draft that follows a request made from this one: empty, keeping
    /// only the phone code the exhibitor chose.
    pub fn after_request(&self) -> Draft {
        Draft {
            form: Form {
                phone_code: self.form.phone_code.clone(),
                ..Form::default()
            },
            ..Draft::new()
        }
    }

    pub fn load(stored: Option<&str>) -> DraftLoad {
        match stored.map(serde_json::from_str::<Draft>) {
            None => DraftLoad::Empty,
            Some(Ok(d)) if d.version == DRAFT_VERSION => DraftLoad::Restored(Box::new(d)),
            Some(_) => DraftLoad::Discarded,
        }
    }
}

/// Adds the requests another tab stored to this tab's list, by reference:
/// a request made anywhere in this browser is never lost from the list.
pub fn merge_requests(mine: &mut Vec<StandRequest>, theirs: Vec<StandRequest>) {
    for r in theirs {
        if !mine.iter().any(|m| m.reference == r.reference) {
            mine.push(r);
        }
    }
    mine.sort_by_key(|r| r.created);
}

/// The request as the organiser receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandRequest {
    pub reference: String,
    pub created: Date,
    /// The language the exhibitor used.
    pub lang: Lang,
    pub form: Form,
    pub choice: Choice,
    pub quote: Quote,
}

impl StandRequest {
    pub fn email_subject(&self, event: &Event) -> String {
        let name = event.name.show_or_empty(Lang::En).text;
        format!(
            "Stand request {} – {name} – {}",
            self.reference, self.form.company
        )
    }

    /// A plain-text summary, English first then Arabic, for the organiser's
    /// e-mail (its words live in the i18n module).
    pub fn email_body(&self, event: &Event) -> String {
        crate::domain::messages::booking::request_email(self, event)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> Form {
        Form {
            company: "Tripoli Steel Co.".into(),
            fascia_en: "Tripoli Steel".into(),
            fascia_ar: "طرابلس للصلب".into(),
            contact: "Amal Ben Ali".into(),
            email: "amal@example.ly".into(),
            phone: "91 234 5678".into(),
            country: "Libya".into(),
            accept_terms: true,
            ..Form::default()
        }
    }

    #[test]
    fn a_complete_form_has_no_problems() {
        assert_eq!(valid().problems(), vec![]);
    }

    #[test]
    fn each_field_says_what_is_wrong() {
        let mut f = valid();
        f.email = "amal@example".into();
        f.fascia_ar = "Tripoli".into();
        f.fascia_en = "طرابلس".into();
        f.phone = "1٢".into();
        f.phone_code = "218".into();
        f.accept_terms = false;
        f.company = "  ".into();
        let p = f.problems();
        assert!(p.contains(&(Field::Email, FieldError::Email)));
        assert!(p.contains(&(Field::FasciaAr, FieldError::NeedsArabic)));
        assert!(p.contains(&(Field::FasciaEn, FieldError::NeedsLatin)));
        assert!(p.contains(&(Field::Phone, FieldError::PhoneChar('٢'))));
        assert!(p.contains(&(Field::PhoneCode, FieldError::PhoneCode)));
        assert!(p.contains(&(Field::AcceptTerms, FieldError::MustAccept)));
        assert!(p.contains(&(Field::Company, FieldError::Required)));
    }

    #[test]
    fn phone_errors_say_exactly_what_is_wrong() {
        let error = |phone: &str| {
            let mut f = valid();
            f.phone = phone.into();
            f.check(Field::Phone)
        };
        assert_eq!(error("91 234 5678"), None);
        assert_eq!(error("(091) 234-56.78"), None);
        assert_eq!(error("12 34"), Some(FieldError::PhoneTooFewDigits(4)));
        assert_eq!(
            error("1234 5678 9012 345"),
            Some(FieldError::PhoneTooManyDigits(15))
        );
        assert_eq!(error("91 234 567x"), Some(FieldError::PhoneChar('x')));
        assert_eq!(error("+442079460958"), Some(FieldError::PhoneHasCode));
        assert_eq!(error("00442079460958"), Some(FieldError::PhoneHasCode));
        assert_eq!(error(""), Some(FieldError::Required));
        // The longest valid number fits the field.
        let longest = "(12) 345-678-901-234";
        assert_eq!(longest.len(), Field::Phone.max_len());
        assert_eq!(error(longest), None);
    }

    #[test]
    fn phone_numbers_are_taken_as_people_type_them() {
        let mut f = Form::default();
        f.set(Field::Phone, "٠٩١ ٢٣٤ ٥٦٧٨");
        assert_eq!(f.phone, "091 234 5678");
        f.set(Field::Phone, "۰۹۱\u{00A0}۲۳۴۵۶۷۸");
        assert_eq!(f.phone, "091 2345678");
        f.set(Field::PhoneCode, "+٢١٨");
        assert_eq!(f.phone_code, "+218");
        for pasted in ["+218 91 234 5678", "00218 91 234 5678", " +218-91 234 5678"] {
            let mut f = Form::default();
            f.set(Field::Phone, pasted);
            assert_eq!(
                (f.phone_code.as_str(), f.phone.as_str()),
                ("+218", "91 234 5678"),
                "{pasted}"
            );
        }
    }

    #[test]
    fn a_pasted_country_code_moves_to_its_field_only_when_it_is_safe() {
        let split = |code: &str, input: &str| {
            let (c, p) = normalise_phone(code, input);
            (c, p)
        };
        let pair = |c: &str, p: &str| (c.to_string(), p.to_string());
        assert_eq!(
            split("+218", "+218 91 234 5678"),
            pair("+218", "91 234 5678")
        );
        assert_eq!(
            split("+218", "00218 91 234 5678"),
            pair("+218", "91 234 5678")
        );
        assert_eq!(split("+218", "+218912345678"), pair("+218", "912345678"));
        assert_eq!(
            split("+218", "+٢١٨ ٩١ ٢٣٤ ٥٦٧٨"),
            pair("+218", "91 234 5678")
        );
        assert_eq!(
            split("+218", "+44 20 7946 0958"),
            pair("+44", "20 7946 0958")
        );
        assert_eq!(
            split("+218", "0044-20-7946-0958"),
            pair("+44", "20-7946-0958")
        );
        assert_eq!(split("", "+218 91 234 5678"), pair("+218", "91 234 5678"));
        // No separator and not the chosen code: nothing is guessed.
        assert_eq!(
            split("+218", "+442079460958"),
            pair("+218", "+442079460958")
        );
        assert_eq!(split("+218", "+12345 678"), pair("+218", "+12345 678"));
        // Typed one key at a time: "+4" is not yet a code, "+44 " is.
        assert_eq!(split("+218", "+4"), pair("+218", "+4"));
        assert_eq!(split("+218", "+44"), pair("+218", "+44"));
        assert_eq!(split("+218", "+44 "), pair("+44", ""));
        // A number without a code is left as typed.
        assert_eq!(split("+218", "091 234 5678"), pair("+218", "091 234 5678"));
        let mut f = Form::default();
        f.set(Field::Phone, "+442079460958");
        assert_eq!(
            (f.phone_code.as_str(), f.phone.as_str()),
            ("+218", "+442079460958")
        );
        assert_eq!(f.check(Field::Phone), Some(FieldError::PhoneHasCode));
        f.set(Field::Phone, "+44 20 7946 0958");
        assert_eq!(
            (f.phone_code.as_str(), f.phone.as_str()),
            ("+44", "20 7946 0958")
        );
        assert_eq!(f.check(Field::Phone), None);
        assert_eq!(f.check(Field::PhoneCode), None);
    }

    #[test]
    fn hostile_input_is_cleaned_and_cut_but_kept() {
        let mut f = Form::default();
        f.set(
            Field::Company,
            "Evil\u{202E}Corp\u{0007} <script>alert(1)</script>",
        );
        assert_eq!(f.company, "EvilCorp <script>alert(1)</script>");
        f.set(Field::Notes, &"x".repeat(10_000));
        assert_eq!(f.notes.chars().count(), 2_000);
        f.set(Field::Notes, "line one\nline two\r\n");
        assert_eq!(f.notes, "line one\nline two\n");
        f.set(Field::FasciaAr, &"ب".repeat(50));
        assert_eq!(f.fascia_ar.chars().count(), 30);
    }

    #[test]
    fn references_are_readable() {
        let r = reference("LB27", Date::new(2026, 11, 23).unwrap(), 123_456_789);
        assert!(r.starts_with("LB27-1123-"), "{r}");
        assert_eq!(r.len(), "LB27-1123-".len() + 6);
        assert!(!r[10..].contains(['0', 'O', '1', 'I', 'L']));
        assert_ne!(
            r,
            reference("LB27", Date::new(2026, 11, 23).unwrap(), 987_654_321)
        );
    }

    #[test]
    fn an_untouched_draft_is_empty_and_a_request_leaves_one_behind() {
        let mut d = Draft::new();
        assert!(d.is_empty());
        d.form.phone_code = "+44".into();
        assert!(d.is_empty());
        d.choice.set_extra("chair", 1);
        assert!(!d.is_empty());
        d.form.company = "ACME".into();
        let after = d.after_request();
        assert!(after.is_empty());
        assert_eq!(after.form.phone_code, "+44");
        assert_eq!(after.version, DRAFT_VERSION);
    }

    #[test]
    fn requests_from_two_tabs_are_both_kept() {
        let request = |reference: &str, day: u32| StandRequest {
            reference: reference.into(),
            created: Date::new(2026, 11, day).unwrap(),
            lang: Lang::En,
            form: Form::default(),
            choice: Choice::default(),
            quote: Quote::empty("EUR"),
        };
        let mut mine = vec![request("B", 24)];
        merge_requests(&mut mine, vec![request("A", 23), request("B", 24)]);
        let refs: Vec<&str> = mine.iter().map(|r| r.reference.as_str()).collect();
        assert_eq!(refs, ["A", "B"]);
    }

    #[test]
    fn drafts_load_or_are_discarded() {
        let mut d = Draft::new();
        d.form.company = "ACME".into();
        d.choice.stands.push("A01".into());
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(Draft::load(Some(&json)), DraftLoad::Restored(Box::new(d)));
        assert_eq!(Draft::load(None), DraftLoad::Empty);
        assert_eq!(Draft::load(Some("{not json")), DraftLoad::Discarded);
        assert_eq!(
            Draft::load(Some(r#"{"version":0,"choice":{"stands":[]},"form":{}}"#)),
            DraftLoad::Discarded
        );
    }
}
