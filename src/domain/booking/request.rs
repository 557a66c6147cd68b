//! The stand request: what the exhibitor types, how it is checked and
//! cleaned, the saved draft, and the request handed to the organiser.

use super::event::Event;
use super::quote::{Choice, Quote};
use crate::domain::date::Date;
use crate::domain::text::western_digits;
use crate::domain::{Lang, Msg};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Declares [`Field`], its list and its description from one table, so a
/// field is added by one entry (and its words in the i18n module).
macro_rules! fields {
    ($($field:ident { $($spec:tt)* })*) => {
        /// A field of the request form.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Field {
            $($field),*
        }

        impl Field {
            /// Every field, in the order the form, the summaries and the JSON give them.
            pub const ALL: &'static [Field] = &[$(Field::$field),*];
        }

        /// Each field's description, in the order of [`Field::ALL`].
        const SPECS: &[Spec] = &[$(Spec { $($spec)* }),*];
    };
}

// What the form asks, once: everything else (the form, its checks, the JSON,
// the summaries for the organiser and the printout) reads this table. The
// words are the i18n module's; an entry points at them. A new field is one
// entry here and its words there (a new kind also gets a sample value in
// tests/booking.rs, whose tests then cover every field).
fields! {
    Company {
        key: "company", id: "company", section: Section::Company, kind: Kind::Text,
        required: true, max_len: 120, autocomplete: "organization", default: "",
        label: Msg::CompanyName, mail_label: Msg::MailCompany, hint: None,
    }
    FasciaEn {
        // The fascia board has room for 30 letters.
        key: "fascia_en", id: "fascia-en", section: Section::Company, kind: Kind::Name(Lang::En),
        required: true, max_len: 30, autocomplete: "", default: "",
        label: Msg::FasciaEn, mail_label: Msg::MailFasciaEn, hint: Some(Msg::FasciaHint),
    }
    FasciaAr {
        key: "fascia_ar", id: "fascia-ar", section: Section::Company, kind: Kind::Name(Lang::Ar),
        required: true, max_len: 30, autocomplete: "", default: "",
        label: Msg::FasciaAr, mail_label: Msg::MailFasciaAr, hint: Some(Msg::FasciaHint),
    }
    Contact {
        key: "contact", id: "contact", section: Section::Contact, kind: Kind::Text,
        required: true, max_len: 120, autocomplete: "name", default: "",
        label: Msg::ContactName, mail_label: Msg::MailContact, hint: None,
    }
    Email {
        key: "email", id: "email", section: Section::Contact, kind: Kind::Email,
        required: true, max_len: 120, autocomplete: "email", default: "",
        label: Msg::Email, mail_label: Msg::Email, hint: None,
    }
    PhoneCode {
        // "+" and at most four digits (see `is_phone_code`).
        key: "phone_code", id: "phone-code", section: Section::Contact, kind: Kind::PhoneCode,
        required: true, max_len: 5, autocomplete: "tel-country-code", default: "+218",
        label: Msg::PhoneCode, mail_label: Msg::PhoneCode, hint: None,
    }
    Phone {
        // At most 14 digits with spaces, dashes or brackets between them.
        key: "phone", id: "phone", section: Section::Contact, kind: Kind::Phone,
        required: true, max_len: 20, autocomplete: "tel-national", default: "",
        label: Msg::Phone, mail_label: Msg::Phone, hint: None,
    }
    Country {
        key: "country", id: "country", section: Section::Contact, kind: Kind::Text,
        required: true, max_len: 120, autocomplete: "country-name", default: "",
        label: Msg::Country, mail_label: Msg::Country, hint: None,
    }
    Sector {
        key: "sector", id: "sector", section: Section::Contact, kind: Kind::Text,
        required: false, max_len: 120, autocomplete: "", default: "",
        label: Msg::Sector, mail_label: Msg::MailSector, hint: None,
    }
    Notes {
        key: "notes", id: "notes", section: Section::Contact, kind: Kind::Multiline,
        required: false, max_len: 2_000, autocomplete: "", default: "",
        label: Msg::Notes, mail_label: Msg::MailNotes, hint: None,
    }
    AcceptTerms {
        key: "accept_terms", id: "accept-terms", section: Section::Terms, kind: Kind::Consent,
        required: true, max_len: 0, autocomplete: "", default: "",
        label: Msg::AcceptTerms, mail_label: Msg::AcceptTerms, hint: None,
    }
}

/// One field's description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// Its name in the JSON (the saved draft, the download, what is sent).
    pub key: &'static str,
    /// Its element's `id` and `name` in the form (its error's is `{id}-error`).
    pub id: &'static str,
    pub section: Section,
    pub kind: Kind,
    /// Whether it must be filled in (a box, ticked); read through [`Field::required`].
    pub required: bool,
    /// The most characters it holds (none for a box); read through [`Field::max_len`].
    pub max_len: usize,
    /// The browser's autofill token for it ("" for none).
    pub autocomplete: &'static str,
    /// What a new form holds: a preference such as the country code, which
    /// a draft does not count as typed and the next request starts from.
    pub default: &'static str,
    /// Its label in the form and on the request page.
    pub label: Msg,
    /// Its shorter label in the organiser's e-mail.
    pub mail_label: Msg,
    /// A line of help under its label.
    pub hint: Option<Msg>,
}

/// The part of the form a field sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Company,
    Contact,
    Terms,
}

/// What a field holds: how it is typed (the input's type, direction and
/// language), cleaned, checked and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line in any script, written in the direction of what is typed.
    Text,
    /// A name in one language's letters (Latin for English, Arabic for
    /// Arabic), typed in that language and its direction.
    Name(Lang),
    Email,
    /// "+" and one to four digits; shown with the phone number it belongs to.
    PhoneCode,
    /// A phone number without its country code (the [`Field::PhoneCode`] field).
    Phone,
    /// Several lines (newlines are kept); set after the figures in the e-mail.
    Multiline,
    /// A box to tick; "required" means it must be ticked.
    Consent,
}

impl Kind {
    /// The `type` of its input.
    pub fn input_type(self) -> &'static str {
        match self {
            Kind::Email => "email",
            Kind::PhoneCode | Kind::Phone => "tel",
            Kind::Consent => "checkbox",
            _ => "text",
        }
    }

    /// The direction it is typed in: addresses and numbers left to right,
    /// a name in its language's, anything else as typed.
    pub fn dir(self) -> &'static str {
        match self {
            Kind::Name(lang) => lang.dir().as_str(),
            Kind::Email | Kind::PhoneCode | Kind::Phone => "ltr",
            _ => "auto",
        }
    }

    /// The language of what is typed, where the field fixes it.
    pub fn lang(self) -> Option<&'static str> {
        match self {
            Kind::Name(lang) => Some(lang.code()),
            _ => None,
        }
    }

    /// The direction of its value on the request page: a phone number reads
    /// left to right (+code first) in Arabic too; other values keep their own.
    pub fn shown_dir(self) -> Option<&'static str> {
        (self == Kind::Phone).then_some("ltr")
    }
}

impl Field {
    /// Its description.
    pub fn spec(self) -> &'static Spec {
        &SPECS[self as usize]
    }

    pub fn kind(self) -> Kind {
        self.spec().kind
    }

    pub fn id(self) -> &'static str {
        self.spec().id
    }

    /// Whether the field must be filled in (a box: ticked). The one owner of
    /// this rule: the form's marks and attributes and the check read it.
    pub fn required(self) -> bool {
        self.spec().required
    }

    /// The longest text the field takes. The one owner of the lengths: the
    /// check reads it (what is typed is never cut, see [`Form::set`]).
    pub fn max_len(self) -> usize {
        self.spec().max_len
    }

    /// The field named `key` in the JSON.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.spec().key == key)
    }
}

/// How many fields there are.
const COUNT: usize = Field::ALL.len();

/// What a ticked box holds (an unticked one holds nothing).
const TICKED: &str = "true";

/// Everything the form asks, one value per [`Field`]. Text is kept as typed
/// (cleaned of control characters), so a validation error never loses input.
/// In JSON it is an object with each field's key, a box as `true`/`false`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    values: [String; COUNT],
}

impl Default for Form {
    fn default() -> Self {
        Form {
            values: std::array::from_fn(|i| SPECS[i].default.to_string()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    Required,
    /// More characters than the field holds: its length, and how many there are.
    TooLong {
        max: usize,
        typed: usize,
    },
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
    /// The text of a field ("" for a box).
    pub fn get(&self, f: Field) -> &str {
        match f.kind() {
            Kind::Consent => "",
            _ => &self.values[f as usize],
        }
    }

    /// Whether a box is ticked.
    pub fn checked(&self, f: Field) -> bool {
        self.values[f as usize] == TICKED
    }

    pub fn set_checked(&mut self, f: Field, ticked: bool) {
        if f.kind() == Kind::Consent {
            self.values[f as usize] = if ticked { TICKED } else { "" }.to_string();
        }
    }

    /// Stores what was typed, cleaned (see [`clean`]) but never cut: a
    /// value longer than the field is kept whole and refused by [`check`]
    /// with its count, so nothing typed is lost (a browser's `maxlength`
    /// would cut a paste without a word). Phone fields also get Western
    /// digits, and a number typed or pasted with its country code is split
    /// (see [`normalise_phone`]).
    ///
    /// [`check`]: Form::check
    pub fn set(&mut self, f: Field, value: &str) {
        let mut cleaned = clean(value, f.kind() == Kind::Multiline);
        match f.kind() {
            Kind::Consent => return,
            Kind::PhoneCode => cleaned = western_digits(&cleaned),
            Kind::Phone => {
                let (code, phone) = normalise_phone(self.get(Field::PhoneCode), &cleaned);
                self.put(Field::PhoneCode, code);
                cleaned = phone;
            }
            _ => {}
        }
        self.put(f, cleaned);
    }

    /// Stores a value as it is.
    fn put(&mut self, f: Field, value: String) {
        self.values[f as usize] = value;
    }

    /// The problem with one field, if any.
    pub fn check(&self, f: Field) -> Option<FieldError> {
        if f.kind() == Kind::Consent {
            return (f.required() && !self.checked(f)).then_some(FieldError::MustAccept);
        }
        let v = self.get(f).trim();
        if v.is_empty() {
            return f.required().then_some(FieldError::Required);
        }
        let typed = v.chars().count();
        if typed > f.max_len() {
            return Some(FieldError::TooLong {
                max: f.max_len(),
                typed,
            });
        }
        match f.kind() {
            Kind::Email if !is_email(v) => Some(FieldError::Email),
            Kind::PhoneCode if !is_phone_code(v) => Some(FieldError::PhoneCode),
            Kind::Phone => phone_error(v),
            Kind::Name(Lang::En) if !v.chars().any(|c| c.is_ascii_alphabetic()) => {
                Some(FieldError::NeedsLatin)
            }
            Kind::Name(Lang::Ar) if !v.chars().any(is_arabic_letter) => {
                Some(FieldError::NeedsArabic)
            }
            _ => None,
        }
    }

    pub fn problems(&self) -> Vec<(Field, FieldError)> {
        Field::ALL
            .iter()
            .filter_map(|&f| self.check(f).map(|e| (f, e)))
            .collect()
    }

    /// The fields a summary of the request shows (the request page, its
    /// printout, the organiser's e-mail), in order, with their values as
    /// shown: the country code joins the phone number, a ticked box is not
    /// repeated, and an empty field is left out.
    pub fn summary(&self) -> Vec<(Field, String)> {
        Field::ALL
            .iter()
            .filter_map(|&f| {
                let value = match f.kind() {
                    Kind::PhoneCode | Kind::Consent => return None,
                    Kind::Phone => international(self.get(Field::PhoneCode), self.get(f)),
                    _ => self.get(f).to_string(),
                };
                (!value.trim().is_empty()).then_some((f, value))
            })
            .collect()
    }

    /// The fields whose values differ from `before`'s.
    pub fn changed_from(&self, before: &Form) -> Vec<Field> {
        Field::ALL
            .iter()
            .copied()
            .filter(|&f| self.values[f as usize] != before.values[f as usize])
            .collect()
    }

    /// The form with only its preferences kept (each field with a default,
    /// such as the country code).
    fn preferences(&self) -> Form {
        let mut kept = Form::default();
        for &f in Field::ALL {
            if !f.spec().default.is_empty() {
                kept.put(f, self.values[f as usize].clone());
            }
        }
        kept
    }
}

impl Serialize for Form {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(COUNT))?;
        for &f in Field::ALL {
            match f.kind() {
                Kind::Consent => map.serialize_entry(f.spec().key, &self.checked(f))?,
                _ => map.serialize_entry(f.spec().key, self.get(f))?,
            }
        }
        map.end()
    }
}

/// A key of the form's JSON: the field it names, if any.
struct Key(Option<Field>);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = Key;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a field's name")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key, E> {
                Ok(Key(Field::from_key(v)))
            }
        }
        d.deserialize_identifier(Name)
    }
}

/// A field missing from the JSON keeps its default; an unknown one is ignored.
impl<'de> Deserialize<'de> for Form {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = Form;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the request form")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Form, A::Error> {
                let mut form = Form::default();
                while let Some(Key(key)) = map.next_key()? {
                    match key {
                        Some(f) if f.kind() == Kind::Consent => {
                            form.set_checked(f, map.next_value()?)
                        }
                        Some(f) => form.put(f, map.next_value()?),
                        None => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(form)
            }
        }
        d.deserialize_map(Fields)
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

/// The number as it is dialled from abroad: the country code, then the
/// number without the "0" people dial inside their country (Libya's
/// `091 234 5678` is `+218 91 234 5678`). The number is kept as typed; only
/// what is shown and e-mailed drops it. Italy, San Marino and the Vatican
/// keep their leading 0 after the code.
pub fn international(code: &str, phone: &str) -> String {
    const KEEP_TRUNK_ZERO: [&str; 3] = ["+39", "+378", "+379"];
    let number = phone.trim_start();
    let number = match number.strip_prefix('0') {
        Some(rest) if !KEEP_TRUNK_ZERO.contains(&code) && !rest.starts_with('0') => {
            rest.trim_start_matches(is_phone_separator)
        }
        _ => number,
    };
    format!("{code} {number}")
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
    /// When each part was last changed, so that two tabs editing the draft
    /// at once can be merged part by part (see [`Draft::merge`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub edited: Edited,
}

pub const DRAFT_VERSION: u32 = 1;

/// When each [`Part`] of a draft was last changed, by its key: a logical
/// clock on milliseconds (see [`stamp`]).
pub type Edited = BTreeMap<String, u64>;

/// A part of a draft that is changed, and merged, as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A field of the form; the country code and the phone number are one
    /// part, so a merge never pairs one tab's code with the other's number.
    Field(Field),
    Stands,
    Extras,
}

impl Part {
    /// Every part, each once (the country code goes with the number).
    fn all() -> impl Iterator<Item = Part> {
        Field::ALL
            .iter()
            .filter(|&&f| f != Field::PhoneCode)
            .map(|&f| Part::Field(f))
            .chain([Part::Stands, Part::Extras])
    }

    /// Its key in [`Draft::edited`]: a field's JSON key, "stands" or "extras".
    fn key(self) -> &'static str {
        match self {
            Part::Field(Field::PhoneCode) => Field::Phone.spec().key,
            Part::Field(f) => f.spec().key,
            Part::Stands => "stands",
            Part::Extras => "extras",
        }
    }

    /// The fields it covers.
    fn fields(self) -> &'static [Field] {
        match self {
            Part::Field(Field::Phone | Field::PhoneCode) => &[Field::PhoneCode, Field::Phone],
            Part::Field(f) => std::slice::from_ref(&Field::ALL[f as usize]),
            Part::Stands | Part::Extras => &[],
        }
    }
}

/// Records in `edited` that `parts` changed now. The time is this browser's
/// clock, but always later than any change the draft already knows of, so
/// a change made after following another tab wins over it even when the
/// clock is coarse, frozen or set back.
pub fn stamp(edited: &mut Edited, parts: impl IntoIterator<Item = Part>, now_ms: u64) {
    let at = edited.values().max().map_or(now_ms, |&t| now_ms.max(t + 1));
    for part in parts {
        edited.insert(part.key().to_string(), at);
    }
}

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

    /// Nothing chosen and nothing typed (a preference such as the country
    /// code does not count): such a draft is not worth keeping in storage.
    pub fn is_empty(&self) -> bool {
        self.choice.stands.is_empty()
            && self.choice.extras.is_empty()
            && self.form == self.form.preferences()
    }

    /// The draft that follows a request made from this one: empty, keeping
    /// only the preferences (the country code) the exhibitor chose.
    pub fn after_request(&self) -> Draft {
        Draft {
            form: self.form.preferences(),
            ..Draft::new()
        }
    }

    /// This tab's draft after another tab stored `theirs`: each part as it
    /// was changed last, here or there, so two tabs typing at the same moment
    /// into different fields both keep every keystroke. Two changes stamped
    /// alike (a coarse or frozen clock) are settled by their values, so every
    /// tab settles on the same draft: `a.merge(b) == b.merge(a)`.
    pub fn merge(&self, theirs: &Draft) -> Draft {
        let mut merged = theirs.clone();
        for part in Part::all() {
            let (mine_at, theirs_at) = (self.edited.get(part.key()), theirs.edited.get(part.key()));
            let mine_wins = match mine_at.cmp(&theirs_at) {
                Ordering::Greater => true,
                Ordering::Less => false,
                Ordering::Equal => self.value_of(part) > theirs.value_of(part),
            };
            if let Some(&at) = mine_at.max(theirs_at) {
                merged.edited.insert(part.key().to_string(), at);
            }
            if !mine_wins {
                continue;
            }
            match part {
                Part::Stands => merged.choice.stands = self.choice.stands.clone(),
                Part::Extras => merged.choice.extras = self.choice.extras.clone(),
                Part::Field(_) => {
                    for &f in part.fields() {
                        merged.form.values[f as usize] = self.form.values[f as usize].clone();
                    }
                }
            }
        }
        merged
    }

    /// A part's value, comparable between two drafts (for a tie only).
    fn value_of(&self, part: Part) -> Vec<String> {
        match part {
            Part::Stands => self.choice.stands.clone(),
            Part::Extras => self
                .choice
                .extras
                .iter()
                .map(|(k, q)| format!("{k}={q}"))
                .collect(),
            Part::Field(_) => part
                .fields()
                .iter()
                .map(|&f| self.form.get(f).to_string())
                .collect(),
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
            self.reference,
            self.form.get(Field::Company)
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
        let mut f = Form::default();
        for (field, value) in [
            (Field::Company, "Tripoli Steel Co."),
            (Field::FasciaEn, "Tripoli Steel"),
            (Field::FasciaAr, "طرابلس للصلب"),
            (Field::Contact, "Amal Ben Ali"),
            (Field::Email, "amal@example.ly"),
            (Field::Phone, "91 234 5678"),
            (Field::Country, "Libya"),
        ] {
            f.set(field, value);
        }
        f.set_checked(Field::AcceptTerms, true);
        f
    }

    #[test]
    fn a_complete_form_has_no_problems() {
        assert_eq!(valid().problems(), vec![]);
    }

    #[test]
    fn each_field_says_what_is_wrong() {
        let mut f = valid();
        // As a saved draft may hold them, not cleaned on typing.
        f.put(Field::Email, "amal@example".into());
        f.put(Field::FasciaAr, "Tripoli".into());
        f.put(Field::FasciaEn, "طرابلس".into());
        f.put(Field::Phone, "1٢".into());
        f.put(Field::PhoneCode, "218".into());
        f.set_checked(Field::AcceptTerms, false);
        f.put(Field::Company, "  ".into());
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
    fn the_json_keeps_the_shape_the_organiser_and_saved_drafts_know() {
        let json = r#"{"company":"Tripoli Steel Co.","fascia_en":"Tripoli Steel","fascia_ar":"طرابلس للصلب","contact":"Amal Ben Ali","email":"amal@example.ly","phone_code":"+218","phone":"91 234 5678","country":"Libya","sector":"","notes":"","accept_terms":true}"#;
        assert_eq!(serde_json::to_string(&valid()).unwrap(), json);
        assert_eq!(serde_json::from_str::<Form>(json).unwrap(), valid());
        let unticked = json.replace("true", "false");
        let mut f = valid();
        f.set_checked(Field::AcceptTerms, false);
        assert_eq!(serde_json::from_str::<Form>(&unticked).unwrap(), f);
        // A value of the wrong type is not read as something else.
        assert!(serde_json::from_str::<Form>(r#"{"accept_terms":"yes"}"#).is_err());
        assert!(serde_json::from_str::<Form>(r#"{"company":1}"#).is_err());
    }

    #[test]
    fn phone_errors_say_exactly_what_is_wrong() {
        let error = |phone: &str| {
            let mut f = valid();
            f.put(Field::Phone, phone.into());
            f.check(Field::Phone)
        };
        assert_eq!(error("91 234 5678"), None);
        assert_eq!(error("(091) 234-56.78"), None);
        assert_eq!(error("12 34"), Some(FieldError::PhoneTooFewDigits(4)));
        // The limits themselves are allowed.
        assert_eq!(error("12 3456"), None);
        assert_eq!(error("12 345"), Some(FieldError::PhoneTooFewDigits(5)));
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
        assert_eq!(f.get(Field::Phone), "091 234 5678");
        f.set(Field::Phone, "۰۹۱\u{00A0}۲۳۴۵۶۷۸");
        assert_eq!(f.get(Field::Phone), "091 2345678");
        f.set(Field::PhoneCode, "+٢١٨");
        assert_eq!(f.get(Field::PhoneCode), "+218");
        for pasted in ["+218 91 234 5678", "00218 91 234 5678", " +218-91 234 5678"] {
            let mut f = Form::default();
            f.set(Field::Phone, pasted);
            assert_eq!(
                (f.get(Field::PhoneCode), f.get(Field::Phone)),
                ("+218", "91 234 5678"),
                "{pasted}"
            );
        }
    }

    /// A draft with `company` and `contact` typed at the given times.
    fn typed(company: (&str, u64), contact: (&str, u64)) -> Draft {
        let mut d = Draft::new();
        d.form.set(Field::Company, company.0);
        stamp(&mut d.edited, [Part::Field(Field::Company)], company.1);
        d.form.set(Field::Contact, contact.0);
        stamp(&mut d.edited, [Part::Field(Field::Contact)], contact.1);
        d
    }

    /// A draft from a few small choices, so that ties (equal stamps) and
    /// equal values are frequent.
    #[cfg(not(target_arch = "wasm32"))]
    fn small_draft(company: u8, code: u8, stands: u8, at: [u8; 3]) -> Draft {
        let mut d = Draft::new();
        d.form
            .set(Field::Company, ["", "A", "B"][usize::from(company % 3)]);
        d.form
            .set(Field::PhoneCode, ["+218", "+44"][usize::from(code % 2)]);
        d.choice.stands = ["T1", "T2"][..usize::from(stands % 3)]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for (part, &t) in [
            Part::Field(Field::Company),
            Part::Field(Field::PhoneCode),
            Part::Stands,
        ]
        .into_iter()
        .zip(&at)
        {
            if t > 0 {
                d.edited.insert(part.key().to_string(), u64::from(t % 4));
            }
        }
        d
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Tabs that merge each other's drafts, in any order and any number
        /// of times, settle on one draft: merging is commutative,
        /// associative and idempotent, ties included.
        #[test]
        fn tabs_settle_on_one_draft_whatever_the_order(
            a in proptest::array::uniform6(0u8..8),
            b in proptest::array::uniform6(0u8..8),
            c in proptest::array::uniform6(0u8..8),
        ) {
            let d = |x: [u8; 6]| small_draft(x[0], x[1], x[2], [x[3], x[4], x[5]]);
            let (a, b, c) = (d(a), d(b), d(c));
            proptest::prop_assert_eq!(a.merge(&b), b.merge(&a));
            proptest::prop_assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
            proptest::prop_assert_eq!(a.merge(&a), a.clone());
        }
    }

    #[test]
    fn two_tabs_typing_at_once_into_different_fields_both_keep_their_words() {
        let mut start = Draft::new();
        stamp(&mut start.edited, [Part::Field(Field::Company)], 10);
        // Tab A typed the company at 20, tab B the contact at 21, each from `start`.
        let mut a = start.clone();
        a.form.set(Field::Company, "Tripoli Steel");
        stamp(&mut a.edited, [Part::Field(Field::Company)], 20);
        let mut b = start.clone();
        b.form.set(Field::Contact, "Amal");
        stamp(&mut b.edited, [Part::Field(Field::Contact)], 21);
        b.choice.stands = vec!["T1".into()];
        stamp(&mut b.edited, [Part::Stands], 21);
        let in_a = a.merge(&b);
        let in_b = b.merge(&a);
        for merged in [&in_a, &in_b] {
            assert_eq!(merged.form.get(Field::Company), "Tripoli Steel");
            assert_eq!(merged.form.get(Field::Contact), "Amal");
            assert_eq!(merged.choice.stands, ["T1"]);
        }
        assert_eq!(in_a, in_b, "both tabs end with the same draft");
        // Merging what is already merged changes nothing: no echo between tabs.
        assert_eq!(in_a.merge(&in_b), in_b);
    }

    #[test]
    fn the_same_field_is_what_was_typed_last_and_a_tie_is_what_storage_holds() {
        let older = typed(("Old Co", 5), ("", 0));
        let newer = typed(("New Co", 6), ("", 0));
        assert_eq!(older.merge(&newer).form.get(Field::Company), "New Co");
        assert_eq!(newer.merge(&older).form.get(Field::Company), "New Co");
        // A tie (a frozen clock) goes the same way in both tabs.
        let mine = typed(("Mine", 7), ("", 0));
        let theirs = typed(("Theirs", 7), ("", 0));
        assert_eq!(mine.merge(&theirs), theirs.merge(&mine));
        assert_eq!(mine.merge(&theirs).merge(&mine), mine.merge(&theirs));
    }

    #[test]
    fn a_country_code_and_its_number_merge_together() {
        let mut a = Draft::new();
        a.form.set(Field::Phone, "+44 20 7946 0958");
        stamp(
            &mut a.edited,
            a.form
                .changed_from(&Form::default())
                .into_iter()
                .map(Part::Field),
            5,
        );
        let mut b = Draft::new();
        b.form.set(Field::Phone, "91 234 5678");
        stamp(&mut b.edited, [Part::Field(Field::Phone)], 4);
        for merged in [a.merge(&b), b.merge(&a)] {
            assert_eq!(
                (
                    merged.form.get(Field::PhoneCode),
                    merged.form.get(Field::Phone)
                ),
                ("+44", "20 7946 0958")
            );
        }
    }

    #[test]
    fn a_field_emptied_after_following_the_other_tab_stays_empty() {
        // A typed the company; B followed it, then cleared it, with a clock
        // that did not move (or went back): the clearing still wins.
        let a = typed(("Tripoli Steel", 100), ("", 0));
        let mut b = Draft::new().merge(&a);
        b.form.set(Field::Company, "");
        stamp(&mut b.edited, [Part::Field(Field::Company)], 50);
        assert!(b.edited["company"] > a.edited["company"]);
        assert_eq!(a.merge(&b).form.get(Field::Company), "");
    }

    #[test]
    fn extras_and_stands_merge_as_wholes_and_stamps_are_kept() {
        let mut a = Draft::new();
        a.choice.set_extra("chair", 2);
        stamp(&mut a.edited, [Part::Extras], 30);
        let mut b = Draft::new();
        b.choice.stands = vec!["T2".into()];
        stamp(&mut b.edited, [Part::Stands], 31);
        let merged = a.merge(&b);
        assert_eq!(merged.choice.extras.get("chair"), Some(&2));
        assert_eq!(merged.choice.stands, ["T2"]);
        assert_eq!(merged.edited.get("extras"), Some(&30));
        assert_eq!(merged.edited.get("stands"), Some(&31));
        // A draft saved before stamps existed loads, and merges as oldest.
        let old = r#"{"version":1,"choice":{"stands":["T1"]},"form":{}}"#;
        let DraftLoad::Restored(old) = Draft::load(Some(old)) else {
            panic!("an unstamped draft loads");
        };
        assert!(old.edited.is_empty());
        assert_eq!(old.merge(&b).choice.stands, ["T2"]);
        assert_eq!(b.merge(&old).choice.stands, ["T2"]);
    }

    #[test]
    fn each_field_is_typed_and_read_in_its_own_way() {
        let facts = |f: Field| {
            let k = f.kind();
            (k.input_type(), k.dir(), k.lang(), k.shown_dir())
        };
        assert_eq!(facts(Field::Company), ("text", "auto", None, None));
        assert_eq!(facts(Field::FasciaEn), ("text", "ltr", Some("en"), None));
        assert_eq!(facts(Field::FasciaAr), ("text", "rtl", Some("ar"), None));
        assert_eq!(facts(Field::Email), ("email", "ltr", None, None));
        assert_eq!(facts(Field::PhoneCode), ("tel", "ltr", None, None));
        // The number reads left to right on the request page, +code first.
        assert_eq!(facts(Field::Phone), ("tel", "ltr", None, Some("ltr")));
        assert_eq!(facts(Field::Notes), ("text", "auto", None, None));
        assert_eq!(facts(Field::AcceptTerms), ("checkbox", "auto", None, None));
        // Each field has its own id on the page, from its description.
        let ids: std::collections::BTreeSet<_> = Field::ALL.iter().map(|f| f.id()).collect();
        assert_eq!(ids.len(), Field::ALL.len());
        assert_eq!(Field::PhoneCode.id(), "phone-code");
        assert_eq!(Field::AcceptTerms.id(), Field::AcceptTerms.spec().id);
    }

    #[test]
    fn a_box_is_ticked_never_typed_into() {
        let mut f = Form::default();
        f.set(Field::AcceptTerms, "true");
        assert!(!f.checked(Field::AcceptTerms), "typing does not tick it");
        f.set_checked(Field::AcceptTerms, true);
        f.set(Field::AcceptTerms, "");
        assert!(f.checked(Field::AcceptTerms), "nor clear it");
        f.set_checked(Field::AcceptTerms, false);
        f.set_checked(Field::AcceptTerms, true);
        assert!(f.checked(Field::AcceptTerms));
        assert_eq!(f.get(Field::AcceptTerms), "", "a box has no text");
        // JSON of another shape says what it should have been.
        let error = serde_json::from_str::<Form>("[1]").unwrap_err().to_string();
        assert!(error.contains("the request form"), "{error}");
    }

    #[test]
    fn a_form_says_which_fields_changed() {
        let before = Form::default();
        let mut after = before.clone();
        after.set(Field::Phone, "+44 20 7946 0958");
        assert_eq!(
            after.changed_from(&before),
            [Field::PhoneCode, Field::Phone]
        );
        assert!(after.changed_from(&after).is_empty());
    }

    #[test]
    fn a_number_shown_with_its_country_code_drops_the_domestic_zero() {
        assert_eq!(international("+218", "091 234 5678"), "+218 91 234 5678");
        assert_eq!(international("+218", "0-91 234 5678"), "+218 91 234 5678");
        assert_eq!(international("+218", "91 234 5678"), "+218 91 234 5678");
        assert_eq!(international("+44", "020 7946 0958"), "+44 20 7946 0958");
        // Italy dials its 0 from abroad too.
        assert_eq!(international("+39", "06 1234 5678"), "+39 06 1234 5678");
        assert_eq!(international("+378", "0549 123456"), "+378 0549 123456");
        assert_eq!(international("+379", "06 698 12345"), "+379 06 698 12345");
        // "00" is an international prefix typed by mistake, not a domestic 0:
        // left for the exhibitor to see.
        assert_eq!(international("+218", "00 91 234"), "+218 00 91 234");
        let mut f = Form::default();
        f.set(Field::PhoneCode, "+218");
        f.set(Field::Phone, "091 234 5678");
        assert_eq!(f.get(Field::Phone), "091 234 5678", "kept as typed");
        let shown = f
            .summary()
            .into_iter()
            .find(|(field, _)| *field == Field::Phone);
        assert_eq!(shown.map(|(_, v)| v).as_deref(), Some("+218 91 234 5678"));
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
            (f.get(Field::PhoneCode), f.get(Field::Phone)),
            ("+218", "+442079460958")
        );
        assert_eq!(f.check(Field::Phone), Some(FieldError::PhoneHasCode));
        f.set(Field::Phone, "+44 20 7946 0958");
        assert_eq!(
            (f.get(Field::PhoneCode), f.get(Field::Phone)),
            ("+44", "20 7946 0958")
        );
        assert_eq!(f.check(Field::Phone), None);
        assert_eq!(f.check(Field::PhoneCode), None);
    }

    #[test]
    fn hostile_input_is_cleaned_but_kept_whole() {
        let mut f = Form::default();
        f.set(
            Field::Company,
            "Evil\u{202E}Corp\u{0007} <script>alert(1)</script>",
        );
        assert_eq!(f.get(Field::Company), "EvilCorp <script>alert(1)</script>");
        f.set(Field::Notes, &"x".repeat(10_000));
        assert_eq!(f.get(Field::Notes).chars().count(), 10_000);
        f.set(Field::Notes, "line one\nline two\r\n");
        assert_eq!(f.get(Field::Notes), "line one\nline two\n");
        f.set(Field::FasciaAr, &"ب".repeat(50));
        assert_eq!(f.get(Field::FasciaAr).chars().count(), 50);
        assert_eq!(
            f.check(Field::FasciaAr),
            Some(FieldError::TooLong { max: 30, typed: 50 })
        );
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
        // Each character is the next digit of the number in base 31, from
        // the lowest: the alphabet's first is 2, its second 3.
        let day = Date::new(2027, 1, 5).unwrap();
        assert_eq!(reference("FX", day, 0), "FX-0105-222222");
        assert_eq!(reference("FX", day, 1), "FX-0105-322222");
        assert_eq!(reference("FX", day, 31 * 2 + 1), "FX-0105-342222");
    }

    #[test]
    fn an_untouched_draft_is_empty_and_a_request_leaves_one_behind() {
        let mut d = Draft::new();
        assert!(d.is_empty());
        d.form.set(Field::PhoneCode, "+44");
        assert!(d.is_empty());
        d.choice.set_extra("chair", 1);
        assert!(!d.is_empty());
        d.form.set(Field::Company, "ACME");
        let after = d.after_request();
        assert!(after.is_empty());
        assert_eq!(after.form.get(Field::PhoneCode), "+44");
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
        d.form.set(Field::Company, "ACME");
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
