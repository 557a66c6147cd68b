//! Application-wide state handed down by context, each piece behind a
//! typed `use_*` accessor.

use crate::api::{self, ApiError};
use crate::domain::article::{ArticleIndex, Block};
use crate::domain::route::Route;
use crate::domain::site::Site;
use crate::domain::sponsor::Sponsors;
use crate::domain::{Lang, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::collections::HashMap;

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

impl RouteCtx {
    /// A full href for an app path, with the deployment base in front.
    pub fn href(&self, app_path: &str) -> String {
        format!("{}{}", self.base.get_value(), app_path)
    }
}

/// The data files, loaded once for the whole visit: switching language or
/// page never fetches them again.
#[derive(Clone, Copy)]
pub struct DataCtx {
    pub articles: LocalResource<Result<ArticleIndex, ApiError>>,
    pub sponsors: LocalResource<Result<Sponsors, ApiError>>,
    pub site: LocalResource<Result<Site, ApiError>>,
    bodies: StoredValue<HashMap<(String, Lang), Vec<Block>>>,
}

pub fn provide_data() {
    provide_context(DataCtx {
        articles: LocalResource::new(api::articles),
        sponsors: LocalResource::new(api::sponsors),
        site: LocalResource::new(api::site),
        bodies: StoredValue::new(HashMap::new()),
    });
}

pub fn use_data() -> DataCtx {
    expect_context::<DataCtx>()
}

impl DataCtx {
    /// An article body, from memory if this visit has read it before.
    pub async fn body(self, slug: String, lang: Lang) -> Result<Vec<Block>, ApiError> {
        let key = (slug, lang);
        if let Some(cached) = self.bodies.with_value(|m| m.get(&key).cloned()) {
            return Ok(cached);
        }
        let blocks = api::article_body(&key.0, lang).await?;
        self.bodies.update_value(|m| {
            m.insert(key, blocks.clone());
        });
        Ok(blocks)
    }
}

/// Sets the document title ("Page · Site") and description while the
/// calling page is shown; both follow the language.
pub fn use_head(page_title: impl Fn(Lang) -> Option<String> + Send + Sync + 'static) {
    let lang = use_lang();
    let site = use_data().site;
    Effect::new(move |_| {
        let l = lang.get();
        let site = site.get().and_then(Result::ok);
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
