//! Application-wide state handed down by context, each piece behind a
//! typed `use_*` accessor.

mod booking;
mod data;

pub use booking::{provide_booking, use_booking, StorageNotice};
pub use data::{provide_data, use_data, DataFile};

use crate::domain::date::Date;
use crate::domain::route::{Page, Route};
use crate::domain::{Lang, Msg};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

/// localStorage key of the visitor's explicit language choice.
pub const LANG_KEY: &str = "expo.lang";

/// The deployment base path without a trailing slash ("" at the root,
/// "/expo" under a sub-path), read from `<base href>` that Trunk writes.
pub fn base_path() -> String {
    // Only an explicit <base>: without one, baseURI is the current page.
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .and_then(|b| b.get_attribute("href"))
        .and_then(|href| web_sys::Url::new_with_base(&href, "http://base.invalid/").ok())
        .map(|u| u.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

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
    let saved = crate::storage::load(LANG_KEY);
    let browser: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
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
    move || text.show_or_empty(lang.get()).text.to_string()
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
    let lang = use_lang();
    let site = use_data().site;
    Effect::new(move |_| {
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
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if !title.is_empty() {
            doc.set_title(&title);
        }
        if let (Some(site), Ok(Some(meta))) = (site, doc.query_selector("meta[name=description]")) {
            let _ = meta.set_attribute("content", site.description.show_or_empty(l).text);
        }
    });
}

/// Today's date in Tripoli, from the browser's clock.
pub fn today() -> Date {
    use js_sys::{Array, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;
    let options = Object::new();
    let _ = Reflect::set(&options, &"timeZone".into(), &"Africa/Tripoli".into());
    // en-CA writes dates as YYYY-MM-DD.
    Intl::DateTimeFormat::new(&Array::of1(&"en-CA".into()), &options)
        .format()
        .call1(&JsValue::NULL, &js_sys::Date::new_0())
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|s| Date::parse(&s))
        .unwrap_or_else(|| Date::from_days((js_sys::Date::now() / 86_400_000.0) as i64))
}
