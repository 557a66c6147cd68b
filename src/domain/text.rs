//! Text that exists in English, Arabic, or both. A missing translation stays
//! missing: callers get the text that exists and the language it is in.

use super::lang::Lang;
use serde::{Deserialize, Serialize};

/// A piece of data text in up to two languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
}

/// Text chosen for display, with the language it is really written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    pub lang: Lang,
}

impl Text {
    pub fn in_lang(&self, lang: Lang) -> Option<&str> {
        let value = match lang {
            Lang::En => self.en.as_deref(),
            Lang::Ar => self.ar.as_deref(),
        };
        value.filter(|s| !s.trim().is_empty())
    }

    /// The text in `lang`, else in the other language (marked as such).
    pub fn show(&self, lang: Lang) -> Option<Shown<'_>> {
        [lang, lang.other()]
            .into_iter()
            .find_map(|l| self.in_lang(l).map(|text| Shown { text, lang: l }))
    }

    /// Like [`Text::show`], for places that always need a string.
    pub fn show_or_empty(&self, lang: Lang) -> Shown<'_> {
        self.show(lang).unwrap_or(Shown { text: "", lang })
    }
}

/// What was typed as a number, with Western digits: Arabic-Indic
/// (U+0660–U+0669) and Extended Arabic-Indic (U+06F0–U+06F9) digits, which
/// a phone's Arabic keyboard types, become the Western digits Libya uses and
/// the organiser's systems expect, the Arabic decimal separator (٫) a
/// point and its thousands separator (٬) a comma. Any kind of space (a
/// pasted no-break space) becomes a plain one.
pub fn western_digits(v: &str) -> String {
    v.chars()
        .map(|c| {
            arabic_digit(c).unwrap_or(match c {
                '\u{066B}' => '.',
                '\u{066C}' => ',',
                c if c.is_whitespace() => ' ',
                c => c,
            })
        })
        .collect()
}

/// The Western digit an Arabic-Indic or Extended Arabic-Indic one stands for.
fn arabic_digit(c: char) -> Option<char> {
    let zero = match c {
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        _ => return None,
    };
    char::from_digit(c as u32 - zero, 10)
}

/// An editor's text as `state::tr_text` shows it (names, the event's terms
/// and facts): a percentage written with a space ("50 %", "٥٠ ٪", usual in
/// both languages) keeps its sign on the number's line, the space made a
/// no-break one.
pub fn typeset(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut after_digit = false;
    let mut chars = v.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' && after_digit && matches!(chars.peek(), Some('%' | '\u{066A}')) {
            out.push('\u{a0}');
        } else {
            out.push(c);
        }
        after_digit = c.is_ascii_digit() || arabic_digit(c).is_some();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_keeps_its_sign_on_the_line() {
        assert_eq!(
            typeset("Payment: 50 % now, 50 % later"),
            "Payment: 50\u{a0}% now, 50\u{a0}% later"
        );
        assert_eq!(typeset("الدفع: ٥٠ % الآن"), "الدفع: ٥٠\u{a0}% الآن");
        assert_eq!(typeset("٥٠ ٪ و۵۰ ٪"), "٥٠\u{a0}٪ و۵۰\u{a0}٪");
        // Only a space between a figure and the sign.
        assert_eq!(typeset("a % b, 50 %"), "a % b, 50\u{a0}%");
        assert_eq!(typeset("50  %"), "50  %");
    }

    fn text(en: Option<&str>, ar: Option<&str>) -> Text {
        Text {
            en: en.map(Into::into),
            ar: ar.map(Into::into),
        }
    }

    #[test]
    fn shows_the_asked_language_first() {
        let t = text(Some("Hello"), Some("مرحبا"));
        assert_eq!(
            t.show(Lang::Ar),
            Some(Shown {
                text: "مرحبا",
                lang: Lang::Ar
            })
        );
    }

    #[test]
    fn falls_back_and_says_which_language_it_is() {
        let t = text(Some("Hello"), Some("  "));
        assert_eq!(
            t.show(Lang::Ar),
            Some(Shown {
                text: "Hello",
                lang: Lang::En
            })
        );
        assert_eq!(text(None, None).show(Lang::En), None);
    }
}
