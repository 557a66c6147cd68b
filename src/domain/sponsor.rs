//! Sponsors, partners and the organiser, grouped by role as the organiser
//! lists them in `public/data/sponsors.json`.

use super::data::{is_https_url, DataFile};
use super::text::Text;
use serde::{Deserialize, Serialize};

/// One organisation on the sponsors page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sponsor {
    pub name: Text,
    /// Logo path relative to the site root; the name is its text alternative.
    pub logo: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// A role ("Organised by", "Member of", a sponsor tier) and who holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SponsorGroup {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub entries: Vec<Sponsor>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sponsors {
    pub groups: Vec<SponsorGroup>,
}

impl Sponsors {
    /// Roles listed with nobody in them yet: the page says they are still
    /// to be announced rather than showing an empty heading.
    pub fn has_unannounced_roles(&self) -> bool {
        self.groups.iter().any(|g| g.entries.is_empty())
    }
}

impl DataFile for Sponsors {
    const PATH: &'static str = "data/sponsors.json";

    fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (i, g) in self.groups.iter().enumerate() {
            let at = format!("groups[{i}] ({})", g.id);
            if g.title.in_lang(super::Lang::En).is_none()
                || g.title.in_lang(super::Lang::Ar).is_none()
            {
                out.push(format!("{at}.title: a role needs both English and Arabic"));
            }
            for (j, s) in g.entries.iter().enumerate() {
                if s.name.show(super::Lang::En).is_none() {
                    out.push(format!(
                        "{at}.entries[{j}].name: needs at least one language"
                    ));
                }
                // The link is an `href`: nothing but a web address may run from it.
                if let Some(url) = &s.url {
                    if !is_https_url(url) {
                        out.push(format!(
                            "{at}.entries[{j}].url: `{}` is not an https:// address with a host",
                            url.escape_debug()
                        ));
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_links_with_a_host_are_accepted() {
        let with_url = |url: &str| Sponsors {
            groups: vec![SponsorGroup {
                id: "gold".into(),
                title: Text {
                    en: Some("Gold".into()),
                    ar: Some("ذهبي".into()),
                },
                entries: vec![Sponsor {
                    name: Text {
                        en: Some("ACME".into()),
                        ar: None,
                    },
                    logo: "x.svg".into(),
                    url: Some(url.into()),
                }],
            }],
        };
        assert_eq!(
            with_url("https://acme.example").problems(),
            Vec::<String>::new()
        );
        for bad in [
            "javascript:alert(1)",
            "https://",
            "http://acme.example",
            "data:text/html,x",
        ] {
            let json = serde_json::to_string(&with_url(bad)).unwrap();
            let err = crate::domain::data::parse::<Sponsors>(&json).unwrap_err();
            assert!(
                err.starts_with("data/sponsors.json: groups[0] (gold).entries[0].url:"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn problems_are_reported_by_field() {
        let s = Sponsors {
            groups: vec![SponsorGroup {
                id: "gold".into(),
                title: Text {
                    en: Some("Gold".into()),
                    ar: None,
                },
                entries: vec![Sponsor {
                    name: Text::default(),
                    logo: "x.svg".into(),
                    url: Some("javascript:alert(1)".into()),
                }],
            }],
        };
        let p = s.problems().join("\n");
        assert!(p.contains("groups[0] (gold).title"));
        assert!(p.contains("entries[0].name"));
        assert!(p.contains("entries[0].url: `javascript:alert(1)` is not an https:// address"));
        assert!(!s.has_unannounced_roles());
        // A role listed with nobody in it yet is still to be announced.
        let mut soon = s.clone();
        soon.groups[0].entries.clear();
        assert!(soon.has_unannounced_roles());
    }
}
