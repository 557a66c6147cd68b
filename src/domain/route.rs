//! The site's URL scheme, as plain data: every page lives under a language
//! prefix, and switching language keeps the visitor on the same page.

use super::lang::Lang;

/// A page of the site, independent of language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Home,
    News,
    Article(String),
    Sponsors,
    Book(BookStep),
    NotFound,
}

/// The steps of a stand request, each with its own URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookStep {
    /// Floor plan, extras and quote.
    Choose,
    /// Company and contact details.
    Details,
    /// The confirmation of a submitted request, by reference.
    Request(String),
}

/// Where a path (without the deployment base) points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// `None` when the prefix is missing or not a language we serve.
    pub lang: Option<Lang>,
    pub page: Page,
}

impl Route {
    pub fn parse(path: &str) -> Route {
        let mut parts = path.split('/').filter(|s| !s.is_empty()).peekable();
        if parts.peek().is_none() {
            // The bare root: the app sends the visitor to their language.
            return Route {
                lang: None,
                page: Page::Home,
            };
        }
        let Some(lang) = parts.next().and_then(Lang::from_code) else {
            return Route {
                lang: None,
                page: Page::NotFound,
            };
        };
        let rest: Vec<&str> = parts.collect();
        let page = match rest.as_slice() {
            [] => Page::Home,
            ["news"] => Page::News,
            ["news", slug] => Page::Article((*slug).to_string()),
            ["sponsors"] => Page::Sponsors,
            ["book"] => Page::Book(BookStep::Choose),
            ["book", "details"] => Page::Book(BookStep::Details),
            ["book", "request", reference] => {
                Page::Book(BookStep::Request((*reference).to_string()))
            }
            _ => Page::NotFound,
        };
        Route {
            lang: Some(lang),
            page,
        }
    }
}

impl Page {
    /// The path of this page in `lang`, without the deployment base.
    pub fn path(&self, lang: Lang) -> String {
        let l = lang.code();
        match self {
            Page::Home => format!("/{l}/"),
            Page::News => format!("/{l}/news"),
            Page::Article(slug) => format!("/{l}/news/{slug}"),
            Page::Sponsors => format!("/{l}/sponsors"),
            Page::Book(BookStep::Choose) => format!("/{l}/book"),
            Page::Book(BookStep::Details) => format!("/{l}/book/details"),
            Page::Book(BookStep::Request(r)) => format!("/{l}/book/request/{r}"),
            Page::NotFound => format!("/{l}/"),
        }
    }
}

/// The same place in the other language: only the prefix changes, so unknown
/// pages stay unknown and keep their path (the not-found page then speaks the
/// new language).
pub fn switch_lang_path(path: &str, to: Lang) -> String {
    let trimmed = path.trim_start_matches('/');
    let (first, rest) = trimmed.split_once('/').unwrap_or((trimmed, ""));
    if Lang::from_code(first).is_some() {
        format!("/{}/{}", to.code(), rest)
    } else {
        format!("/{}/{}", to.code(), trimmed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_page() {
        assert_eq!(Route::parse("/en/").page, Page::Home);
        assert_eq!(Route::parse("/ar").page, Page::Home);
        assert_eq!(Route::parse("/en/news").page, Page::News);
        assert_eq!(
            Route::parse("/ar/news/some-slug"),
            Route {
                lang: Some(Lang::Ar),
                page: Page::Article("some-slug".into())
            }
        );
        assert_eq!(Route::parse("/en/sponsors").page, Page::Sponsors);
        assert_eq!(Route::parse("/en/book").page, Page::Book(BookStep::Choose));
        assert_eq!(
            Route::parse("/ar/book/details").page,
            Page::Book(BookStep::Details)
        );
        assert_eq!(
            Route::parse("/en/book/request/LB27-1123-ABCDEF").page,
            Page::Book(BookStep::Request("LB27-1123-ABCDEF".into()))
        );
        assert_eq!(Route::parse("/en/book/other").page, Page::NotFound);
    }

    #[test]
    fn root_has_no_language_yet() {
        assert_eq!(
            Route::parse("/"),
            Route {
                lang: None,
                page: Page::Home
            }
        );
        assert_eq!(
            Route::parse(""),
            Route {
                lang: None,
                page: Page::Home
            }
        );
    }

    #[test]
    fn unknown_prefix_and_pages_are_not_found() {
        assert_eq!(
            Route::parse("/fr/news"),
            Route {
                lang: None,
                page: Page::NotFound
            }
        );
        assert_eq!(
            Route::parse("/en/nope"),
            Route {
                lang: Some(Lang::En),
                page: Page::NotFound
            }
        );
        assert_eq!(Route::parse("/en/news/a/b").page, Page::NotFound);
    }

    #[test]
    fn switching_keeps_the_page() {
        assert_eq!(switch_lang_path("/en/news/x", Lang::Ar), "/ar/news/x");
        assert_eq!(switch_lang_path("/ar/", Lang::En), "/en/");
        assert_eq!(switch_lang_path("/ar", Lang::En), "/en/");
        assert_eq!(switch_lang_path("/fr/news", Lang::Ar), "/ar/fr/news");
    }

    #[test]
    fn paths_round_trip() {
        let pages = [
            Page::Home,
            Page::News,
            Page::Article("a-b".into()),
            Page::Sponsors,
            Page::Book(BookStep::Choose),
            Page::Book(BookStep::Details),
            Page::Book(BookStep::Request("R-1".into())),
        ];
        for page in pages {
            for lang in Lang::ALL {
                assert_eq!(
                    Route::parse(&page.path(lang)),
                    Route {
                        lang: Some(lang),
                        page: page.clone()
                    }
                );
            }
        }
    }
}
