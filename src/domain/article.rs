//! News articles: the index the editors maintain (`public/data/articles.json`)
//! and the bodies, one plain-text file per language in a small Markdown subset.

use super::data::DataFile;
use super::date::Date;
use super::lang::Lang;
use super::text::Text;
use serde::{Deserialize, Serialize};

/// One entry of the article index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleMeta {
    pub slug: String,
    /// Publication date; `None` where the source gives none (never guessed).
    #[serde(default)]
    pub date: Option<Date>,
    pub title: Text,
    #[serde(default)]
    pub summary: Text,
    /// Image path relative to the site root, if the article has one.
    #[serde(default)]
    pub image: Option<String>,
    /// Languages that have a body file at `data/articles/<slug>.<lang>.md`.
    #[serde(default)]
    pub body: Vec<Lang>,
    /// Slugs shown under "Related news"; empty means "the latest others".
    #[serde(default)]
    pub related: Vec<String>,
}

/// The whole article index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleIndex {
    pub articles: Vec<ArticleMeta>,
}

/// What the visitor gets for an article body in their language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyChoice {
    /// The body exists in the asked language.
    Native(Lang),
    /// Only the other language has a body; show it, marked as such.
    Fallback(Lang),
    /// No body has been written yet.
    None,
}

impl ArticleMeta {
    pub fn body_choice(&self, lang: Lang) -> BodyChoice {
        if self.body.contains(&lang) {
            BodyChoice::Native(lang)
        } else if self.body.contains(&lang.other()) {
            BodyChoice::Fallback(lang.other())
        } else {
            BodyChoice::None
        }
    }

    /// Whether the article's page in `lang` is written in `lang`: its title
    /// and, once it has a text, its text. The page in a language it is not
    /// written in shows the other's words in a fallback: a copy that search
    /// engines are sent away from, to the page it copies.
    pub fn written_in(&self, lang: Lang) -> bool {
        self.title.in_lang(lang).is_some() && (self.body.is_empty() || self.body.contains(&lang))
    }

    /// Where the body file for `lang` lives, relative to the site root.
    pub fn body_path(&self, lang: Lang) -> String {
        body_path(&self.slug, lang)
    }
}

pub fn body_path(slug: &str, lang: Lang) -> String {
    format!("data/articles/{slug}.{}.md", lang.code())
}

impl ArticleIndex {
    /// Newest first; undated articles go last, in file order.
    pub fn latest(&self) -> Vec<&ArticleMeta> {
        let mut list: Vec<&ArticleMeta> = self.articles.iter().collect();
        list.sort_by_key(|a| std::cmp::Reverse(a.date));
        list
    }

    pub fn find(&self, slug: &str) -> Option<&ArticleMeta> {
        self.articles.iter().find(|a| a.slug == slug)
    }

    /// The related articles of `slug`: the listed ones, else the three latest others.
    pub fn related(&self, slug: &str) -> Vec<&ArticleMeta> {
        let Some(article) = self.find(slug) else {
            return Vec::new();
        };
        if article.related.is_empty() {
            self.latest()
                .into_iter()
                .filter(|a| a.slug != slug)
                .take(3)
                .collect()
        } else {
            article
                .related
                .iter()
                .filter_map(|s| self.find(s))
                .collect()
        }
    }
}

impl DataFile for ArticleIndex {
    const PATH: &'static str = "data/articles.json";

    /// Every rule an editor can break in the index, reported with the field.
    /// (Whether body and image files exist is checked where files are at hand.)
    fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (i, a) in self.articles.iter().enumerate() {
            let at = format!("articles[{i}] ({})", a.slug);
            if !is_slug(&a.slug) {
                out.push(format!(
                    "{at}.slug: use lowercase letters, digits and dashes"
                ));
            }
            if self.articles.iter().filter(|b| b.slug == a.slug).count() > 1 {
                out.push(format!("{at}.slug: used by more than one article"));
            }
            if a.title.show(Lang::En).is_none() {
                out.push(format!("{at}.title: needs at least one language"));
            }
            for lang in &a.body {
                if a.title.in_lang(*lang).is_none() {
                    out.push(format!(
                        "{at}.title.{}: the body exists in this language but the title does not",
                        lang.code()
                    ));
                }
            }
            for r in &a.related {
                if self.find(r).is_none() {
                    out.push(format!("{at}.related: no article has slug `{r}`"));
                }
                if r == &a.slug {
                    out.push(format!(
                        "{at}.related: an article cannot be related to itself"
                    ));
                }
            }
        }
        out
    }
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A block of an article body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    List(Vec<String>),
    Rule,
}

/// Parses the body subset: `## ` headings, `- ` list items, `---` rules, and
/// paragraphs separated by blank lines. Everything is text: nothing here can
/// become HTML, so an editor's `<script>` is shown as typed.
pub fn parse_body(src: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let flush = |blocks: &mut Vec<Block>, para: &mut Vec<&str>, list: &mut Vec<String>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(para.join(" ")));
            para.clear();
        }
        if !list.is_empty() {
            blocks.push(Block::List(std::mem::take(list)));
        }
    };
    for raw in src.lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut blocks, &mut para, &mut list);
        } else if let Some(h) = line.strip_prefix("## ").or_else(|| line.strip_prefix("# ")) {
            flush(&mut blocks, &mut para, &mut list);
            blocks.push(Block::Heading(h.trim().to_string()));
        } else if line.chars().all(|c| c == '-') && line.len() >= 3 {
            flush(&mut blocks, &mut para, &mut list);
            blocks.push(Block::Rule);
        } else if let Some(item) = line.strip_prefix("- ") {
            if !para.is_empty() {
                flush(&mut blocks, &mut para, &mut list);
            }
            list.push(item.trim().to_string());
        } else {
            if !list.is_empty() {
                flush(&mut blocks, &mut para, &mut list);
            }
            para.push(line);
        }
    }
    flush(&mut blocks, &mut para, &mut list);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(slug: &str, date: Option<&str>, body: &[Lang], related: &[&str]) -> ArticleMeta {
        ArticleMeta {
            slug: slug.into(),
            date: date.and_then(Date::parse),
            title: Text {
                en: Some(format!("Title {slug}")),
                ar: None,
            },
            summary: Text::default(),
            image: None,
            body: body.to_vec(),
            related: related.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn an_article_is_written_in_a_language_with_its_title_and_its_text() {
        let english_only = meta("a", None, &[Lang::En], &[]);
        assert!(english_only.written_in(Lang::En));
        assert!(!english_only.written_in(Lang::Ar));
        // A translated title over an untranslated text is still a copy.
        let mut title_only = english_only.clone();
        title_only.title.ar = Some("عنوان".into());
        assert!(!title_only.written_in(Lang::Ar));
        title_only.body.push(Lang::Ar);
        assert!(title_only.written_in(Lang::Ar));
        // Before its text is written, the title decides.
        let mut no_text = meta("b", None, &[], &[]);
        assert!(no_text.written_in(Lang::En) && !no_text.written_in(Lang::Ar));
        no_text.title.ar = Some("عنوان".into());
        assert!(no_text.written_in(Lang::Ar));
    }

    #[test]
    fn body_choice_marks_fallback_and_missing() {
        let a = meta("a", None, &[Lang::En], &[]);
        assert_eq!(a.body_choice(Lang::En), BodyChoice::Native(Lang::En));
        assert_eq!(a.body_choice(Lang::Ar), BodyChoice::Fallback(Lang::En));
        assert_eq!(
            meta("b", None, &[], &[]).body_choice(Lang::Ar),
            BodyChoice::None
        );
        assert_eq!(a.body_path(Lang::Ar), "data/articles/a.ar.md");
    }

    #[test]
    fn latest_puts_undated_last_and_related_defaults_to_latest_others() {
        let index = ArticleIndex {
            articles: vec![
                meta("old", Some("2024-01-01"), &[], &[]),
                meta("undated", None, &[], &[]),
                meta("new", Some("2025-01-01"), &[], &["old"]),
            ],
        };
        let slugs: Vec<_> = index.latest().iter().map(|a| a.slug.as_str()).collect();
        assert_eq!(slugs, ["new", "old", "undated"]);
        let related: Vec<_> = index
            .related("old")
            .iter()
            .map(|a| a.slug.as_str())
            .collect();
        assert_eq!(related, ["new", "undated"]);
        assert_eq!(index.related("new")[0].slug, "old");
        assert!(index.related("missing").is_empty());
    }

    #[test]
    fn problems_name_the_field() {
        let mut dup = meta("x", None, &[Lang::Ar], &["nowhere", "x"]);
        dup.slug = "Bad Slug".into();
        let index = ArticleIndex {
            articles: vec![dup.clone(), dup],
        };
        let problems = index.problems().join("\n");
        assert!(
            problems.contains("articles[0] (Bad Slug).slug: use lowercase"),
            "{problems}"
        );
        assert!(problems.contains("used by more than one article"));
        assert!(problems.contains(".related: no article has slug `nowhere`"));
        assert!(problems.contains(".title.ar: the body exists"));
        assert!(ArticleIndex {
            articles: vec![meta("ok", None, &[Lang::En], &[])]
        }
        .problems()
        .is_empty());
    }

    #[test]
    fn slugs() {
        assert!(is_slug("ai-in-the-cloud-2025"));
        assert!(!is_slug("-x") && !is_slug("a b") && !is_slug("") && !is_slug("Ä"));
    }

    #[test]
    fn body_subset() {
        let src = "Intro line one\nline two\n\n## A heading\n\nPara <script>x</script>\n- one\n- two\nafter\n\n---\n";
        assert_eq!(
            parse_body(src),
            vec![
                Block::Paragraph("Intro line one line two".into()),
                Block::Heading("A heading".into()),
                Block::Paragraph("Para <script>x</script>".into()),
                Block::List(vec!["one".into(), "two".into()]),
                Block::Paragraph("after".into()),
                Block::Rule,
            ]
        );
        assert!(parse_body("  \n\n").is_empty());
    }
}
