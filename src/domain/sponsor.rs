//! Sponsors, partners and the organiser, grouped by role as the organiser
//! lists them in `public/data/sponsors.json`.

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

    pub fn problems(&self) -> Vec<String> {
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
                if let Some(url) = &s.url {
                    if !url.starts_with("https://") {
                        out.push(format!("{at}.entries[{j}].url: must start with https://"));
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
        assert!(p.contains("entries[0].url: must start with https://"));
        assert!(!s.has_unannounced_roles());
    }
}
