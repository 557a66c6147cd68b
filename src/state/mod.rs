//! Application-wide state handed down by context, each piece behind a
//! typed `use_*` accessor.

mod booking;
mod data;

pub use booking::{provide_booking, use_booking, StorageNotice};
pub use data::{provide_data, use_article_body, use_data, DataFile};

use crate::domain::route::{Page, Route};
use crate::domain::{Lang, Msg};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

/// localStorage key of the visitor's explicit language choice.
pub const LANG_KEY: &str = "expo.lang";

pub use crate::platform::{base_path, today};

/// The current path with the deployment base removed.
fn app_path(pathname: &str, base: &str) -> String {
    let rest = pathname.strip_prefix(base).unwrap_or(pathname);
    if rest.is_empty() {
        "/".into()
    } else {
        rest.to_string()
    }
}

/// Where the visitor is: language and page, derived from the URL alone so
/// the address bar is always the truth.
#[derive(Clone, Copy)]
pub struct RouteCtx {
    pub route: Memo<Route>,
    pub lang: Memo<Lang>,
    pub path: Memo<String>,
    base: StoredValue<String>,
}

pub fn provide_route() {
    let base = base_path();
    let location = use_location();
    let b = base.clone();
    let path = Memo::new(move |_| app_path(&location.pathname.get(), &b));
    let route = Memo::new(move |_| Route::parse(&path.get()));
    let lang = Memo::new(move |_| route.get().lang.unwrap_or_else(remembered_lang));
    provide_context(RouteCtx {
        route,
        lang,
        path,
        base: StoredValue::new(base),
    });
}

/// The saved choice, else the browser's languages, else English.
pub fn remembered_lang() -> Lang {
    let saved = crate::platform::storage::load(LANG_KEY);
    let browser = crate::platform::browser_langs();
    crate::domain::lang::preferred_lang(saved.as_deref(), browser.iter().map(String::as_str))
}

pub fn use_route() -> RouteCtx {
    expect_context::<RouteCtx>()
}

/// The interface language, from the URL prefix.
pub fn use_lang() -> Memo<Lang> {
    use_route().lang
}

/// A translator for the current language: `t(Msg::News)`.
pub fn use_t() -> impl Fn(Msg) -> &'static str + Copy + 'static {
    let lang = use_lang();
    move |m| m.get(lang.get())
}

/// A reactive interface string, for a text node or an attribute. Every call
/// returns the same closure type, so the view code for it exists once in the
/// Wasm instead of once per string (this keeps the binary small).
pub fn tr(m: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || m.get(lang.get())
}

/// A reactive data text in the current language (see [`tr`] for why a helper).
pub fn tr_text(text: crate::domain::Text) -> impl Fn() -> String + Send + Sync + 'static {
    let lang = use_lang();
    move || crate::domain::text::typeset(text.show_or_empty(lang.get()).text)
}

/// A reactive href to a page in the current language (see [`tr`]).
pub fn page_href(page: Page) -> impl Fn() -> String + Send + Sync + 'static {
    let route = use_route();
    move || route.href(&page.path(route.lang.get()))
}

impl RouteCtx {
    /// A full href for an app path, with the deployment base in front.
    pub fn href(&self, app_path: &str) -> String {
        format!("{}{}", self.base.get_value(), app_path)
    }
}

/// Moves to an app path (without the deployment base: the router adds it).
/// `replace` corrects the address instead of adding a history entry, so
/// Back does not bounce the visitor forward again.
pub fn use_go() -> impl Fn(&str, bool) + Clone + 'static {
    let navigate = use_navigate();
    move |app_path: &str, replace: bool| {
        navigate(
            app_path,
            NavigateOptions {
                replace,
                ..Default::default()
            },
        )
    }
}

/// Sets the document title ("Page · Site") and description while the
/// calling page is shown; both follow the language.
pub fn use_head(page_title: impl Fn(Lang) -> Option<String> + Send + Sync + 'static) {
    use_head_described(page_title, |_| None);
}

/// As [`use_head`], with the page's own description for search results
/// and link previews (an article's summary); else the site's.
pub fn use_head_described(
    page_title: impl Fn(Lang) -> Option<String> + Send + Sync + 'static,
    page_description: impl Fn(Lang) -> Option<String> + Send + Sync + 'static,
) {
    let lang = use_lang();
    let site = use_data().site();
    crate::platform::keep_head(move || {
        let l = lang.get();
        let site = site.ok();
        let name = site
            .as_ref()
            .map(|s| s.name.show_or_empty(l).text.to_string())
            .unwrap_or_default();
        let title = match (page_title(l), name.is_empty()) {
            (Some(p), false) => format!("{p} · {name}"),
            (Some(p), true) => p,
            (None, _) => name,
        };
        let description = page_description(l)
            .or_else(|| site.map(|s| s.description.show_or_empty(l).text.to_string()))
            .unwrap_or_default();
        (title, description)
    });
}
