//! Application-wide state handed down by context, each piece behind a
//! typed `use_*` accessor.

use crate::api::{self, ApiError};
use crate::domain::article::{ArticleIndex, Block};
use crate::domain::booking::event::Event;
use crate::domain::booking::plan::FloorPlan;
use crate::domain::booking::quote::Choice;
use crate::domain::booking::request::{Draft, DraftLoad, Form, StandRequest};
use crate::domain::date::Date;
use crate::domain::route::{Page, Route};
use crate::domain::site::Site;
use crate::domain::sponsor::Sponsors;
use crate::domain::{Lang, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::rc::Rc;

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

/// A data file, parsed once for the whole visit.
///
/// All files share one resource type holding a type-erased value: Leptos's
/// async machinery is then compiled into the Wasm once instead of once per
/// file. The type parameter says what the file holds, and `get` hands it back
/// typed.
pub struct DataFile<T> {
    resource: LocalResource<api::Parsed>,
    holds: PhantomData<fn() -> T>,
}

impl<T> Clone for DataFile<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for DataFile<T> {}

impl<T: DeserializeOwned + 'static> DataFile<T> {
    fn load(path: &'static str) -> Self {
        DataFile {
            resource: api::load(path, api::parse_json::<T>),
            holds: PhantomData,
        }
    }
}

impl<T: 'static> DataFile<T> {
    /// The file's content once it has arrived (tracked), or why it could not be loaded.
    pub fn get(self) -> Option<Result<Rc<T>, ApiError>> {
        let parsed = self.resource.get()?;
        Some(parsed.map(|value| {
            value
                .downcast::<T>()
                .unwrap_or_else(|_| unreachable!("DataFile::load parses into T"))
        }))
    }

    /// The content if it has arrived and is good.
    pub fn ok(self) -> Option<Rc<T>> {
        self.get().and_then(Result::ok)
    }

    pub fn refetch(self) {
        self.resource.refetch();
    }
}

/// The data files, loaded once for the whole visit: switching language or
/// page never fetches them again.
#[derive(Clone, Copy)]
pub struct DataCtx {
    pub articles: DataFile<ArticleIndex>,
    pub sponsors: DataFile<Sponsors>,
    pub site: DataFile<Site>,
    pub event: DataFile<Event>,
    pub plan: DataFile<FloorPlan>,
    bodies: StoredValue<HashMap<(String, Lang), Vec<Block>>>,
}

pub fn provide_data() {
    provide_context(DataCtx {
        articles: DataFile::load("data/articles.json"),
        sponsors: DataFile::load("data/sponsors.json"),
        site: DataFile::load("data/site.json"),
        event: DataFile::load("data/event.json"),
        plan: DataFile::load("data/floorplan.json"),
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

const DRAFT_KEY: &str = "expo.booking.draft";
const REQUESTS_KEY: &str = "expo.booking.requests.v1";

/// A notice about saved data, shown once on the booking pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageNotice {
    /// An unreadable or outdated draft was set aside.
    Discarded,
    /// This browser does not keep anything (disabled or full storage).
    Unavailable,
}

/// The exhibitor's stand request in progress and the requests already made.
/// Every change is saved to localStorage, so a reload, a language switch or a
/// closed tab loses nothing; without storage the app keeps working in memory.
#[derive(Clone, Copy)]
pub struct BookingCtx {
    pub choice: RwSignal<Choice>,
    pub form: RwSignal<Form>,
    pub requests: RwSignal<Vec<StandRequest>>,
    pub notice: RwSignal<Option<StorageNotice>>,
}

pub fn provide_booking() {
    let (draft, notice) = match Draft::load(crate::storage::load(DRAFT_KEY).as_deref()) {
        DraftLoad::Restored(d) => (*d, None),
        DraftLoad::Empty => (Draft::new(), None),
        DraftLoad::Discarded => {
            crate::storage::remove(DRAFT_KEY);
            (Draft::new(), Some(StorageNotice::Discarded))
        }
    };
    let requests = crate::storage::load(REQUESTS_KEY)
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let ctx = BookingCtx {
        choice: RwSignal::new(draft.choice),
        form: RwSignal::new(draft.form),
        requests: RwSignal::new(requests),
        notice: RwSignal::new(notice),
    };
    Effect::new(move |first: Option<()>| {
        let draft = Draft {
            version: crate::domain::booking::request::DRAFT_VERSION,
            choice: ctx.choice.get(),
            form: ctx.form.get(),
        };
        // Nothing to save on the first run unless a draft was restored.
        if first.is_none() && draft.choice.stands.is_empty() && draft.form == Form::default() {
            return;
        }
        let json = serde_json::to_string(&draft).unwrap_or_default();
        if !crate::storage::save(DRAFT_KEY, &json) && ctx.notice.get_untracked().is_none() {
            ctx.notice.set(Some(StorageNotice::Unavailable));
        }
    });
    provide_context(ctx);
}

pub fn use_booking() -> BookingCtx {
    expect_context::<BookingCtx>()
}

impl BookingCtx {
    /// Keeps a submitted request (in memory and, where possible, in storage)
    /// and starts a fresh draft.
    pub fn submit(self, request: StandRequest) {
        self.requests.update(|r| r.push(request));
        let json = self
            .requests
            .with_untracked(|r| serde_json::to_string(r).unwrap_or_default());
        if !crate::storage::save(REQUESTS_KEY, &json) && self.notice.get_untracked().is_none() {
            self.notice.set(Some(StorageNotice::Unavailable));
        }
        self.choice.set(Choice::default());
        self.form.update(|f| {
            *f = Form {
                phone_code: f.phone_code.clone(),
                ..Form::default()
            }
        });
        crate::storage::remove(DRAFT_KEY);
    }
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
