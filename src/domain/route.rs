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
    /// Reads a path as people type and paste it: the language prefix, the
    /// page names and slugs in any case (slugs are lower-case by rule), and a
    /// page's file name as a static host serves it (`index.html` for a
    /// folder's page, `news.html`, `<slug>.html`). A request reference keeps
    /// its case: it is printed in capitals.
    pub fn parse(path: &str) -> Route {
        let mut parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        if let Some(last) = parts.last_mut() {
            let stem = last.len().saturating_sub(".html".len());
            if stem > 0 && last.is_char_boundary(stem) && last[stem..].eq_ignore_ascii_case(".html")
            {
                *last = &last[..stem];
            }
        }
        if parts
            .last()
            .is_some_and(|p| p.eq_ignore_ascii_case("index"))
        {
            parts.pop();
        }
        let Some((first, rest)) = parts.split_first() else {
            // The bare root: the app sends the visitor to their language.
            return Route {
                lang: None,
                page: Page::Home,
            };
        };
        let Some(lang) = Lang::from_code(&first.to_ascii_lowercase()) else {
            return Route {
                lang: None,
                page: Page::NotFound,
            };
        };
        let lower: Vec<String> = rest.iter().map(|p| p.to_ascii_lowercase()).collect();
        let words: Vec<&str> = lower.iter().map(String::as_str).collect();
        let page = match words.as_slice() {
            [] => Page::Home,
            ["news"] => Page::News,
            ["news", slug] => Page::Article((*slug).to_string()),
            ["sponsors"] => Page::Sponsors,
            ["book"] => Page::Book(BookStep::Choose),
            ["book", "details"] => Page::Book(BookStep::Details),
            ["book", "request", _] => Page::Book(BookStep::Request(rest[2].to_string())),
            _ => Page::NotFound,
        };
        Route {
            lang: Some(lang),
            page,
        }
    }

    /// The page's one true path when `path` reached it by another spelling
    /// (`/EN/News`, `/ar`, `/en/index.html`), so the address bar can be
    /// corrected; `None` when it is already canonical or is not a page.
    pub fn canonical_path(&self, path: &str) -> Option<String> {
        let lang = self.lang?;
        if self.page == Page::NotFound {
            return None;
        }
        let canonical = self.page.path(lang);
        (canonical != path).then_some(canonical)
    }
}

/// What a static host answers for an address with no file of its own (a
/// stand request kept in the browser, a mistyped link).
pub const NOT_FOUND_FILE: &str = "404.html";

impl Page {
    /// The built file that holds this page in `lang`: a folder's
    /// `index.html` for a path ending in `/`, else `<path>.html`, which
    /// static hosts serve for the path without the extension. A request
    /// page has no file; the not-found page's entry draws it.
    pub fn file(&self, lang: Lang) -> String {
        if matches!(self, Page::Book(BookStep::Request(_)) | Page::NotFound) {
            return NOT_FOUND_FILE.into();
        }
        let path = self.path(lang);
        let trimmed = path.trim_start_matches('/');
        if trimmed.is_empty() || trimmed.ends_with('/') {
            format!("{trimmed}index.html")
        } else {
            format!("{trimmed}.html")
        }
    }

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

/// The same place in the other language: only the prefix changes. An
/// address that is no page (`/en/nope`, or `/fr/` with no language of ours)
/// has no "same place": it leads to the other language's home page.
pub fn switch_lang_path(path: &str, to: Lang) -> String {
    let trimmed = path.trim_start_matches('/');
    let (first, rest) = trimmed.split_once('/').unwrap_or((trimmed, ""));
    if Lang::from_code(&first.to_ascii_lowercase()).is_some()
        && Route::parse(path).page != Page::NotFound
    {
        format!("/{}/{}", to.code(), rest)
    } else {
        Page::Home.path(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_has_its_file_and_a_request_has_the_not_found_one() {
        assert_eq!(Page::Home.file(Lang::Ar), "ar/index.html");
        assert_eq!(Page::News.file(Lang::En), "en/news.html");
        assert_eq!(
            Page::Article("a-b".into()).file(Lang::En),
            "en/news/a-b.html"
        );
        assert_eq!(
            Page::Book(BookStep::Details).file(Lang::Ar),
            "ar/book/details.html"
        );
        let request = Page::Book(BookStep::Request("LB27-1123-7KQ9XM".into()));
        assert_eq!(request.file(Lang::En), NOT_FOUND_FILE);
        assert_eq!(Page::NotFound.file(Lang::En), NOT_FOUND_FILE);
    }

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
        assert_eq!(switch_lang_path("/fr/news", Lang::Ar), "/ar/");
        assert_eq!(switch_lang_path("/en/nope", Lang::Ar), "/ar/");
        assert_eq!(switch_lang_path("/ar/news/a/b", Lang::En), "/en/");
        assert_eq!(switch_lang_path("/fr/", Lang::En), "/en/");
        assert_eq!(switch_lang_path("/EN/news", Lang::Ar), "/ar/news");
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

    #[test]
    fn addresses_as_people_type_them() {
        let news = Route {
            lang: Some(Lang::En),
            page: Page::News,
        };
        assert_eq!(Route::parse("/EN/News"), news);
        assert_eq!(Route::parse("/en/news/index.html"), news);
        assert_eq!(Route::parse("/En/Index.html").page, Page::Home);
        assert_eq!(
            Route::parse("/AR/NEWS/Some-Slug").page,
            Page::Article("some-slug".into())
        );
        // The reference keeps its capitals.
        assert_eq!(
            Route::parse("/en/BOOK/Request/LB27-1123-ABCDEF").page,
            Page::Book(BookStep::Request("LB27-1123-ABCDEF".into()))
        );
        // `/index.html` alone is the root, which picks a language.
        assert_eq!(Route::parse("/index.html").lang, None);
        assert_eq!(Route::parse("/index.html").page, Page::Home);
        // A page's own file, as the static host serves it.
        assert_eq!(Route::parse("/en/news.html"), news);
        assert_eq!(
            Route::parse("/ar/news/some-slug.HTML").page,
            Page::Article("some-slug".into())
        );
        assert_eq!(
            Route::parse("/en/book/details.html").page,
            Page::Book(BookStep::Details)
        );
        assert_eq!(Route::parse("/en/.html").page, Page::NotFound);
    }

    #[test]
    fn other_spellings_point_to_the_canonical_path() {
        let canon = |p: &str| Route::parse(p).canonical_path(p);
        assert_eq!(canon("/EN/"), Some("/en/".into()));
        assert_eq!(canon("/ar"), Some("/ar/".into()));
        assert_eq!(canon("/en/news/"), Some("/en/news".into()));
        assert_eq!(canon("/en/index.html"), Some("/en/".into()));
        assert_eq!(canon("/en/news.html"), Some("/en/news".into()));
        assert_eq!(canon("/en/news/Slug"), Some("/en/news/slug".into()));
        assert_eq!(canon("/en/news"), None);
        assert_eq!(canon("/en/nope"), None);
        assert_eq!(canon("/fr/"), None);
        assert_eq!(canon("/"), None);
    }
}
