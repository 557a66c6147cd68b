//! The site's identity, from `public/data/site.json`.

use super::booking::request::is_email;
use super::data::{is_https_url, DataFile};
use super::text::Text;
use super::Lang;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub name: Text,
    pub tagline: Text,
    /// Used for `<meta name="description">`.
    pub description: Text,
    pub organiser: Text,
    pub contact_email: String,
    /// The address the site is published at (`https://…`, without the
    /// sub-path): canonical links, link previews and the sitemap are absolute
    /// URLs from it. Without it, pages link their languages relatively and no
    /// sitemap is written.
    #[serde(default)]
    pub url: Option<String>,
}

impl DataFile for Site {
    const PATH: &'static str = "data/site.json";

    fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (field, text) in [
            ("name", &self.name),
            ("tagline", &self.tagline),
            ("description", &self.description),
            ("organiser", &self.organiser),
        ] {
            if text.show(Lang::En).is_none() {
                out.push(format!("{field}: needs at least one language"));
            }
        }
        if !is_email(&self.contact_email) {
            out.push("contact_email: not an e-mail address".into());
        }
        if let Some(url) = &self.url {
            if !is_https_url(url) {
                out.push(format!(
                    "url: `{url}` is not an https:// address such as https://www.example.ly"
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::parse;

    #[test]
    fn the_contact_address_is_checked_where_the_file_is_read() {
        let json = r#"{"name":{"en":"Expo"},"tagline":{"en":"t"},"description":{"ar":"و"},"organiser":{"en":"Atex"},"contact_email":"info@example.ly"}"#;
        assert!(parse::<Site>(json).is_ok());
        let err = parse::<Site>(&json.replace("info@example.ly", "info")).unwrap_err();
        assert_eq!(err, "data/site.json: contact_email: not an e-mail address");
        let with_url = |url: &str| {
            json.replace(
                r#""contact_email""#,
                &format!(r#""url":"{url}","contact_email""#),
            )
        };
        assert!(parse::<Site>(&with_url("https://www.example.ly")).is_ok());
        assert!(parse::<Site>(&with_url("http://www.example.ly"))
            .unwrap_err()
            .contains("data/site.json: url:"));
    }
}
