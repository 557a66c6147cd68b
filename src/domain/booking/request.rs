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
            Field::PhoneCode => 5,
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
    Phone,
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

    /// Stores what was typed, cleaned (see [`clean`]) and cut to the field's length.
    pub fn set(&mut self, f: Field, value: &str) {
        let cleaned = clean(value, f == Field::Notes);
        let value: String = cleaned.chars().take(f.max_len()).collect();
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
            Field::Phone if !is_phone(v) => Some(FieldError::Phone),
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

fn is_email(v: &str) -> bool {
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

/// 6 to 14 digits; spaces, dashes and brackets are allowed between them.
fn is_phone(v: &str) -> bool {
    let digits = v.chars().filter(char::is_ascii_digit).count();
    (6..=14).contains(&digits) && v.chars().all(|c| c.is_ascii_digit() || " -()".contains(c))
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

    pub fn load(stored: Option<&str>) -> DraftLoad {
        match stored.map(serde_json::from_str::<Draft>) {
            None => DraftLoad::Empty,
            Some(Ok(d)) if d.version == DRAFT_VERSION => DraftLoad::Restored(Box::new(d)),
            Some(_) => DraftLoad::Discarded,
        }
    }
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

    /// A plain-text summary, English first then Arabic, for the organiser's e-mail.
    pub fn email_body(&self, event: &Event) -> String {
        let cur = &self.quote.currency;
        let stands = self.choice.stands.join(", ");
        let money = |m: super::money::Money| m.with_currency(cur);
        let f = &self.form;
        let schedule = |due: &str| -> Vec<String> {
            self.quote
                .schedule
                .iter()
                .map(|p| {
                    format!(
                        "  {} % – {} – {due} {}",
                        p.share.text(),
                        money(p.amount),
                        p.due
                    )
                })
                .collect()
        };
        let (schedule_en, schedule_ar) = (schedule("due"), schedule("تاريخ الاستحقاق"));
        let extras: Vec<String> = self
            .choice
            .extras
            .iter()
            .map(|(id, q)| format!("{q} × {id}"))
            .collect();
        let extras = if extras.is_empty() {
            "—".to_string()
        } else {
            extras.join(", ")
        };
        format!(
            "STAND REQUEST {reference} ({created})\n\
             This is a request: the organiser confirms it in writing.\n\n\
             Company: {company}\nFascia (EN): {fen}\nFascia (AR): {far}\nContact: {contact}\nE-mail: {email}\n\
             Phone: {code} {phone}\nCountry: {country}\nSector: {sector}\nStands: {stands}\nExtras: {extras}\n\
             Total: {total}\nPayment schedule:\n{sen}\nNotes: {notes}\n\n\
             ———\n\n\
             طلب جناح {reference} ({created})\n\
             هذا طلب: تؤكده الجهة المنظمة كتابياً.\n\n\
             الشركة: {company}\nاسم اللوحة (إنجليزي): {fen}\nاسم اللوحة (عربي): {far}\nالشخص المسؤول: {contact}\n\
             البريد الإلكتروني: {email}\nالهاتف: {code} {phone}\nالبلد: {country}\nالقطاع: {sector}\nالأجنحة: {stands}\n\
             الإضافات: {extras}\nالإجمالي: {total}\nجدول الدفع:\n{sar}\nملاحظات: {notes}\n\n{event}",
            reference = self.reference,
            created = self.created,
            company = f.company,
            fen = f.fascia_en,
            far = f.fascia_ar,
            contact = f.contact,
            email = f.email,
            code = f.phone_code,
            phone = f.phone,
            country = f.country,
            sector = f.sector,
            notes = f.notes,
            total = money(self.quote.total),
            sen = schedule_en.join("\n"),
            sar = schedule_ar.join("\n"),
            event = event.name.show_or_empty(Lang::En).text,
        )
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
        f.phone = "12".into();
        f.phone_code = "218".into();
        f.accept_terms = false;
        f.company = "  ".into();
        let p = f.problems();
        assert!(p.contains(&(Field::Email, FieldError::Email)));
        assert!(p.contains(&(Field::FasciaAr, FieldError::NeedsArabic)));
        assert!(p.contains(&(Field::FasciaEn, FieldError::NeedsLatin)));
        assert!(p.contains(&(Field::Phone, FieldError::Phone)));
        assert!(p.contains(&(Field::PhoneCode, FieldError::PhoneCode)));
        assert!(p.contains(&(Field::AcceptTerms, FieldError::MustAccept)));
        assert!(p.contains(&(Field::Company, FieldError::Required)));
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
    fn drafts_load_or_are_discarded() {
        let mut d = Draft::new();
        d.form.company = "ACME".into();
        d.choice.toggle("A01");
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
