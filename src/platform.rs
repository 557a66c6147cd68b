//! What only a browser has, behind one small interface: the deployment base,
//! storage, the visitor's languages, today's date, another tab's writes, and
//! the data files a prerendered page carries. The build-time renderer
//! provides the same calls from a [`BuildEnv`] in context, so components and
//! pages never need a `cfg`.

use crate::domain::date::Date;

#[cfg(target_arch = "wasm32")]
pub use browser::*;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

/// localStorage that never fails the app: private modes, a disabled or full
/// storage all degrade to "nothing saved" and the caller is told. At build
/// time nothing is stored.
pub mod storage {
    #[cfg(target_arch = "wasm32")]
    fn local() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn load(key: &str) -> Option<String> {
        #[cfg(target_arch = "wasm32")]
        return local()?.get_item(key).ok().flatten();
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = key;
            None
        }
    }

    /// Returns whether the value was stored.
    pub fn save(key: &str, value: &str) -> bool {
        #[cfg(target_arch = "wasm32")]
        return local().is_some_and(|s| s.set_item(key, value).is_ok());
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = (key, value);
            false
        }
    }

    pub fn remove(key: &str) {
        #[cfg(target_arch = "wasm32")]
        if let Some(s) = local() {
            let _ = s.remove_item(key);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = key;
    }
}

/// The id of the `<script type="application/json">` in which a prerendered
/// page carries the data files it was rendered from, by path.
pub const PRELOAD_ID: &str = "expo-data";

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{Date, PRELOAD_ID};
    use leptos::prelude::{on_cleanup, window_event_listener};
    use std::cell::RefCell;
    use std::collections::HashMap;

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

    /// The browser's preferred languages, most wanted first.
    pub fn browser_langs() -> Vec<String> {
        web_sys::window()
            .map(|w| {
                w.navigator()
                    .languages()
                    .iter()
                    .filter_map(|v| v.as_string())
                    .collect()
            })
            .unwrap_or_default()
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

    /// Milliseconds since 1970, from the browser's clock.
    pub fn now_ms() -> u64 {
        js_sys::Date::now() as u64
    }

    /// Opens `href` with a full page load, for a page the other Wasm entry
    /// draws (see `app::Entry`). If the host answers it with this entry
    /// again (an SPA rule that serves `index.html`, a host that does not
    /// find `news.html` for `/news`), the page's own file `file_href` is
    /// opened instead, and the entry found there puts `href` back in the
    /// address bar ([`resume_hand_over`]). Returns false, doing nothing, when
    /// both were tried: the page is not to be had, and going round again
    /// would never end. The marks live for the tab (sessionStorage).
    pub fn hand_over(href: &str, file_href: &str) -> bool {
        let Some(window) = web_sys::window() else {
            return false;
        };
        // Without storage a loop could not be noticed: do not start one.
        let Some(session) = window.session_storage().ok().flatten() else {
            return false;
        };
        let get = |key| session.get_item(key).ok().flatten();
        let target = if get(HANDOVER_KEY).as_deref() != Some(href) {
            let _ = session.set_item(HANDOVER_KEY, href);
            let _ = session.remove_item(HANDOVER_FILE_KEY);
            href
        } else if get(HANDOVER_FILE_KEY).is_none() {
            let _ = session.set_item(HANDOVER_FILE_KEY, "tried");
            file_href
        } else {
            handed_over();
            return false;
        };
        window.location().replace(target).is_ok()
    }

    /// Arriving at a page's file by a hand-over: shows the page's own
    /// address again before the app reads it.
    pub fn resume_hand_over() {
        let Some(window) = web_sys::window() else {
            return;
        };
        let session = window.session_storage().ok().flatten();
        let wanted = session.and_then(|s| s.get_item(HANDOVER_KEY).ok().flatten());
        let at_file = window
            .location()
            .pathname()
            .is_ok_and(|p| p.ends_with(".html"));
        if let (Some(href), true, Ok(history)) = (wanted, at_file, window.history()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
    }

    /// Leaves a click on a link of this site to the browser when `leave`
    /// says so of its path, before the router can take it over.
    pub fn leave_links_to_browser(leave: impl Fn(&str) -> bool + 'static) {
        use wasm_bindgen::{closure::Closure, JsCast};
        let Some(window) = web_sys::window() else {
            return;
        };
        let origin = window.location().origin().unwrap_or_default();
        let handler =
            Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
                let link = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|e| e.closest("a[href]").ok().flatten())
                    .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
                if let Some(a) = link {
                    if a.origin() == origin && leave(&a.pathname()) {
                        ev.stop_propagation();
                    }
                }
            });
        // Capture, on the window: ahead of the router's own listener.
        let _ = window.add_event_listener_with_callback_and_bool(
            "click",
            handler.as_ref().unchecked_ref(),
            true,
        );
        // It lives as long as the page.
        handler.forget();
    }

    /// A page of this entry is drawn: any hand-over has arrived.
    pub fn handed_over() {
        if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
            let _ = s.remove_item(HANDOVER_KEY);
            let _ = s.remove_item(HANDOVER_FILE_KEY);
        }
    }

    const HANDOVER_KEY: &str = "expo.handover";
    const HANDOVER_FILE_KEY: &str = "expo.handover.file";

    /// Calls `f(key)` when another tab writes to storage (None: it cleared
    /// it), while the calling owner lives. (A tab never hears its own
    /// writes.) Whoever needs the new value reads storage: the event's copy
    /// may already be older than what storage holds.
    pub fn on_storage_change(f: impl Fn(Option<String>) + 'static) {
        let listener = window_event_listener(leptos::ev::storage, move |ev| f(ev.key()));
        on_cleanup(move || listener.remove());
    }

    /// Keeps the document's title and description on what `head` says
    /// (title, description), following its changes (an Effect).
    pub fn keep_head(head: impl Fn() -> (String, String) + 'static) {
        leptos::prelude::Effect::new(move |_| {
            let (title, description) = head();
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            if !title.is_empty() {
                doc.set_title(&title);
            }
            if let (false, Ok(Some(meta))) = (
                description.is_empty(),
                doc.query_selector("meta[name=description]"),
            ) {
                let _ = meta.set_attribute("content", &description);
            }
        });
    }

    /// What a visitor typed into the prerendered page before the app took
    /// it over: the fields they changed, and where the focus was.
    pub struct Typed {
        fields: Vec<(String, TypedValue)>,
        focus: Option<Focus>,
        /// Stands and plan controls tapped, by element id, in order (the
        /// head script in index.html notes them: a stand once, a control as
        /// often as it was tapped).
        taps: Vec<String>,
    }

    /// Where the focus was: a field by its id (with the caret), or a link or
    /// button, which has none, by its place among what can take the focus
    /// and what it is (so a page still drawing never gets the wrong one).
    enum Focus {
        Field(String, Option<u32>),
        Nth(u32, String),
    }

    /// What can take the focus, in the page's order.
    const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

    /// A link or button as the visitor knows it: its tag, address and words.
    fn looks(el: &web_sys::Element) -> String {
        format!(
            "{} {} {}",
            el.tag_name(),
            el.get_attribute("href").unwrap_or_default(),
            el.text_content().unwrap_or_default()
        )
    }

    enum TypedValue {
        Text(String),
        Checked(bool),
    }

    /// Reads what was typed into the page as it is now (before the app
    /// replaces it): on a slow link the form shows, and is used, seconds
    /// before the code arrives.
    pub fn typed() -> Typed {
        use wasm_bindgen::JsCast;
        let mut typed = Typed {
            fields: Vec::new(),
            focus: None,
            taps: web_sys::window()
                .and_then(|w| js_sys::Reflect::get(&w, &"expoEarlyTaps".into()).ok())
                .filter(|taps| taps.is_object())
                .map(|taps| {
                    js_sys::Array::from(&taps)
                        .iter()
                        .filter_map(|id| id.as_string())
                        .collect()
                })
                .unwrap_or_default(),
        };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return typed;
        };
        // Stands first: every stand tapped was on the page as built (a hall
        // or view tapped changed nothing yet), so each is chosen before a
        // control replayed after it draws another hall or the list.
        let control = |id: &String| {
            doc.get_element_by_id(id)
                .is_some_and(|el| el.has_attribute("data-replay"))
        };
        typed.taps.sort_by_key(control);
        let Ok(found) = doc.query_selector_all("input[id], textarea[id]") else {
            return typed;
        };
        for i in 0..found.length() {
            let Some(node) = found.item(i) else { continue };
            if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
                if matches!(input.type_().as_str(), "checkbox" | "radio") {
                    if input.checked() != input.default_checked() {
                        typed
                            .fields
                            .push((input.id(), TypedValue::Checked(input.checked())));
                    }
                } else if input.value() != input.default_value() {
                    typed
                        .fields
                        .push((input.id(), TypedValue::Text(input.value())));
                }
            } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                if Ok(area.value()) != area.default_value() {
                    typed
                        .fields
                        .push((area.id(), TypedValue::Text(area.value())));
                }
            }
        }
        typed.focus = doc.active_element().and_then(|el| {
            if el.id() == "main" {
                return None;
            }
            if !el.id().is_empty() {
                let caret = el
                    .dyn_ref::<web_sys::HtmlInputElement>()
                    .and_then(|i| i.selection_start().ok().flatten());
                return Some(Focus::Field(el.id(), caret));
            }
            let all = doc.query_selector_all(FOCUSABLE).ok()?;
            (0..all.length())
                .find(|&i| all.item(i).is_some_and(|n| n.is_same_node(Some(&el))))
                .map(|i| Focus::Nth(i, looks(&el)))
        });
        typed
    }

    /// Sends `el` a bubbling event, as the browser would.
    fn fire(el: &web_sys::Element, name: &str) {
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(ev) = web_sys::Event::new_with_event_init_dict(name, &init) {
            let _ = el.dispatch_event(&ev);
        }
    }

    /// Puts what was typed into the app's own fields, as if typed there (so
    /// the app checks and saves it), taps what was tapped on the plan, and
    /// puts the focus and caret back where they were. A field the app
    /// draws a little later (its data still parsing) is waited for, a frame
    /// at a time, for up to a second without progress.
    pub fn restore_typed(typed: Typed) {
        use wasm_bindgen::JsCast;
        const FRAMES: u32 = 60;
        /// Whether anything was put back.
        fn attempt(typed: &mut Typed) -> bool {
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                return false;
            };
            let left = typed.fields.len() + typed.taps.len() + usize::from(typed.focus.is_some());
            typed.fields.retain(|(id, value)| {
                let Some(el) = doc.get_element_by_id(id) else {
                    return true;
                };
                let event = match value {
                    TypedValue::Checked(on) => {
                        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                            input.set_checked(*on);
                        }
                        "change"
                    }
                    TypedValue::Text(text) => {
                        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                            input.set_value(text);
                        } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                            area.set_value(text);
                        }
                        "input"
                    }
                };
                fire(&el, event);
                false
            });
            // Each tap is a click on the app's own element, in order, one a
            // frame: the page is drawn anew between two (a hall shown before
            // it is zoomed), and one not drawn yet, its data still parsing,
            // holds the rest back. A control is clicked as it was (showing a
            // view again changes nothing); a stand only chooses, so one the
            // restored draft already holds stays chosen.
            if let Some(el) = typed.taps.first().and_then(|id| doc.get_element_by_id(id)) {
                let chosen = el.get_attribute("aria-pressed").as_deref() == Some("true");
                if el.has_attribute("data-replay") || !chosen {
                    fire(&el, "click");
                }
                typed.taps.remove(0);
            }
            let found = match &typed.focus {
                Some(Focus::Field(id, _)) => doc.get_element_by_id(id),
                Some(Focus::Nth(n, was)) => doc
                    .query_selector_all(FOCUSABLE)
                    .ok()
                    .and_then(|all| all.item(*n))
                    .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
                    .filter(|el| looks(el) == *was),
                None => None,
            };
            if let Some(el) = found {
                // Unchecked: it may be an SVG element (see focus_by_id).
                let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
                if let (Some(input), Some(Focus::Field(_, Some(at)))) =
                    (el.dyn_ref::<web_sys::HtmlInputElement>(), &typed.focus)
                {
                    let _ = input.set_selection_range(*at, *at);
                }
                typed.focus = None;
            }
            typed.fields.len() + typed.taps.len() + usize::from(typed.focus.is_some()) < left
        }
        fn again(mut typed: Typed, frames: u32) {
            // Only frames that put nothing back count (taps go one a frame).
            let frames = if attempt(&mut typed) { FRAMES } else { frames };
            if frames == 0
                || (typed.fields.is_empty() && typed.focus.is_none() && typed.taps.is_empty())
            {
                return;
            }
            leptos::prelude::request_animation_frame(move || again(typed, frames - 1));
        }
        again(typed, FRAMES);
    }

    thread_local! {
        /// The page the visit started on (its path in the app), which the
        /// prerendered tags describe.
        static FIRST_ADDRESS: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    /// Once the visitor has moved on in the app (another page or language),
    /// removes the tags that describe the page the visit started on: its
    /// canonical link, language alternates, link-preview tags and structured
    /// data. A browser's Share takes the canonical link when there is one, and
    /// would share the first page; without it, the address bar, which the
    /// app keeps true. (A crawler loads each address itself and gets its
    /// own page's tags.)
    pub fn forget_first_page_tags(app_path: &str) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let first = FIRST_ADDRESS.with(|f| {
            f.borrow_mut()
                .get_or_insert_with(|| app_path.to_string())
                .clone()
        });
        if app_path == first {
            return;
        }
        let stale = "link[rel=canonical], link[rel=alternate][hreflang], meta[property^='og:'], \
                     meta[name^='twitter:'], script[type='application/ld+json']";
        if let Ok(found) = doc.query_selector_all(stale) {
            for i in 0..found.length() {
                if let Some(node) = found.item(i) {
                    if let Some(parent) = node.parent_node() {
                        let _ = parent.remove_child(&node);
                    }
                }
            }
        }
    }

    thread_local! {
        static PRELOADED: RefCell<Option<HashMap<String, String>>> = const { RefCell::new(None) };
    }

    /// The text of a data file this page was prerendered from, given once:
    /// the first render uses it instead of fetching, so the app takes over
    /// the page with exactly what the page shows; a retry fetches afresh.
    pub fn preloaded(path: &str) -> Option<String> {
        PRELOADED.with(|cell| {
            let mut map = cell.borrow_mut();
            let files = map.get_or_insert_with(|| {
                web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(PRELOAD_ID))
                    .and_then(|el| el.text_content())
                    .and_then(|json| serde_json::from_str(&json).ok())
                    .unwrap_or_default()
            });
            files.remove(path)
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::Date;
    use leptos::prelude::use_context;
    use std::collections::{BTreeMap, BTreeSet};
    use std::sync::{Arc, Mutex};

    /// What the build-time renderer knows in place of a browser: where the
    /// site is deployed, the day of the build, and the data files' texts.
    /// It remembers which files a page read, so the page carries exactly those.
    #[derive(Clone, Debug)]
    pub struct BuildEnv {
        /// The deployment base without a trailing slash ("" or "/expo").
        pub base: String,
        pub today: Date,
        /// Data file texts by path (`data/event.json`, `data/articles/x.en.md`).
        pub files: Arc<BTreeMap<String, String>>,
        pub read: Arc<Mutex<BTreeSet<String>>>,
        /// The page's title and description, as the page set them.
        pub head: Arc<Mutex<(String, String)>>,
    }

    impl Default for BuildEnv {
        fn default() -> Self {
            BuildEnv {
                base: String::new(),
                today: Date::from_days(0),
                files: Arc::default(),
                read: Arc::default(),
                head: Arc::default(),
            }
        }
    }

    fn env() -> BuildEnv {
        use_context::<BuildEnv>().unwrap_or_default()
    }

    pub fn base_path() -> String {
        env().base
    }

    /// A page rendered at build time has no visitor yet.
    pub fn browser_langs() -> Vec<String> {
        Vec::new()
    }

    pub fn today() -> Date {
        env().today
    }

    pub fn now_ms() -> u64 {
        (env().today.to_days().max(0) as u64) * 86_400_000
    }

    /// A prerendered page describes itself: nothing to forget.
    pub fn forget_first_page_tags(_app_path: &str) {}

    /// Records the page's title and description for the page's `<head>`.
    pub fn keep_head(head: impl Fn() -> (String, String) + 'static) {
        if let Ok(mut slot) = env().head.lock() {
            *slot = head();
        }
    }

    /// No clicks at build time.
    pub fn leave_links_to_browser(_leave: impl Fn(&str) -> bool + 'static) {}

    /// Every page is written with its own entry: nothing to hand over.
    pub fn hand_over(_href: &str, _file_href: &str) -> bool {
        false
    }

    pub fn handed_over() {}

    /// No other tab at build time.
    pub fn on_storage_change(_f: impl Fn(Option<String>) + 'static) {}

    pub fn preloaded(path: &str) -> Option<String> {
        let env = env();
        let text = env.files.get(path).cloned();
        if text.is_some() {
            if let Ok(mut read) = env.read.lock() {
                read.insert(path.to_string());
            }
        }
        text
    }
}

/// One thing at a time across every tab of the site (the Web Locks API),
/// for what storage alone cannot make atomic: two tabs reading "not sent
/// yet" at the same moment. At build time, and in a browser without locks,
/// the work simply runs.
pub mod lock {
    use std::future::Future;

    /// Runs `work` while holding the lock `name`; `None` if it could not run.
    #[cfg(target_arch = "wasm32")]
    pub async fn exclusive<T: 'static>(
        name: &str,
        work: impl Future<Output = T> + 'static,
    ) -> Option<T> {
        use js_sys::{Function, Promise, Reflect};
        use std::cell::RefCell;
        use std::rc::Rc;
        use wasm_bindgen::prelude::*;
        use wasm_bindgen::JsCast;

        let locks = web_sys::window()
            .and_then(|w| Reflect::get(&w.navigator(), &"locks".into()).ok())
            .filter(|l| l.is_object());
        let request = locks
            .as_ref()
            .and_then(|l| Reflect::get(l, &"request".into()).ok())
            .and_then(|r| r.dyn_into::<Function>().ok());
        let (Some(locks), Some(request)) = (locks, request) else {
            return Some(work.await);
        };
        let out = Rc::new(RefCell::new(None));
        let slot = out.clone();
        // The lock is held until the promise the callback returns settles.
        let held = Closure::once_into_js(move |_lock: JsValue| -> Promise {
            wasm_bindgen_futures::future_to_promise(async move {
                *slot.borrow_mut() = Some(work.await);
                Ok(JsValue::UNDEFINED)
            })
        });
        let granted = request.call2(&locks, &name.into(), &held).ok()?;
        wasm_bindgen_futures::JsFuture::from(Promise::from(granted))
            .await
            .ok()?;
        out.take()
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub async fn exclusive<T: 'static>(
        _name: &str,
        work: impl Future<Output = T> + 'static,
    ) -> Option<T> {
        Some(work.await)
    }
}
