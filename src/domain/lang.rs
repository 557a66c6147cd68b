//! The two interface languages and what follows from them: direction,
//! locale for dates, and how a visitor's language is chosen.

use serde::{Deserialize, Serialize};

/// An interface language of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ar,
}

/// Text direction, as written into `dir` attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ar];

    /// The code used in URLs, `lang` attributes and data files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    pub fn dir(self) -> Dir {
        match self {
            Lang::En => Dir::Ltr,
            Lang::Ar => Dir::Rtl,
        }
    }

    /// BCP 47 locale for `Intl`: Libya writes Western digits, so Arabic asks
    /// for the Latin numbering system explicitly.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Ar => "ar-LY-u-nu-latn",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ar,
            Lang::Ar => Lang::En,
        }
    }

    /// The language's own name, used as the switch's label.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ar => "العربية",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }

    /// Matches a browser language tag such as `ar-LY` or `en-US`.
    fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::from_code(&primary)
    }
}

/// The language a visitor lands in at `/`: their saved choice, else the first
/// browser language we speak, else English.
pub fn preferred_lang<'a>(saved: Option<&str>, browser: impl IntoIterator<Item = &'a str>) -> Lang {
    saved
        .and_then(Lang::from_code)
        .or_else(|| browser.into_iter().find_map(Lang::from_tag))
        .unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_names_itself_in_its_own_words() {
        assert_eq!(Lang::En.native_name(), "English");
        assert_eq!(Lang::Ar.native_name(), "العربية");
    }

    #[test]
    fn saved_choice_wins_over_browser() {
        assert_eq!(preferred_lang(Some("ar"), ["en-US"]), Lang::Ar);
    }

    #[test]
    fn browser_language_is_used_when_nothing_saved() {
        assert_eq!(preferred_lang(None, ["fr-FR", "ar-LY", "en"]), Lang::Ar);
        assert_eq!(preferred_lang(Some("garbage"), ["en_GB"]), Lang::En);
    }

    #[test]
    fn english_is_the_last_resort() {
        assert_eq!(preferred_lang(None, ["fr", "de"]), Lang::En);
    }

    #[test]
    fn direction_and_locale_follow_language() {
        assert_eq!(Lang::Ar.dir().as_str(), "rtl");
        assert_eq!(Lang::En.dir().as_str(), "ltr");
        assert!(Lang::Ar.locale().contains("nu-latn"));
        assert_eq!(Lang::Ar.other(), Lang::En);
    }
}
