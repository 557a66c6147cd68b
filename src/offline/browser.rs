//! What only a browser has: the network's state, the service worker, the
//! caches. Every call is made from an Effect or an event handler.

use crate::domain::date::Date;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

thread_local! {
    /// The visitor accepted the new release: reload when it takes over.
    static RELOAD_WANTED: Cell<bool> = const { Cell::new(false) };
}

pub fn on_line() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in an insecure context (plain http on another host) and in
    // some private modes: the site then simply works online only.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Whether a service worker controls this page (its courier can send).
pub fn controlled() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// What the worker said to a question.
pub enum Answer {
    /// No worker controls the page.
    NoWorker,
    /// No answer in the time given.
    Silent,
    /// Its answer.
    Said(JsValue),
}

/// A message for the worker: `{ type, ...fields }`.
pub fn message(kind: &str, fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"type".into(), &kind.into());
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*name).into(), value);
    }
    object.into()
}

/// A text field of the worker's answer.
pub fn field(answer: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(answer, &name.into()).ok()?.as_string()
}

/// Asks the worker that controls this page, on a channel of its own, and
/// waits at most `wait_ms` for the answer.
pub async fn ask_worker(message: &JsValue, wait_ms: u32) -> Answer {
    let (Some(worker), Some(window)) =
        (container().and_then(|c| c.controller()), web_sys::window())
    else {
        return Answer::NoWorker;
    };
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return Answer::NoWorker;
    };
    let port = channel.port1();
    // Both ends settle one promise: the answer, or nothing when the time is up.
    let mut settle = None;
    let answer = js_sys::Promise::new(&mut |resolve, _| settle = Some(resolve));
    let Some(settle) = settle else {
        return Answer::NoWorker;
    };
    let resolve = settle.clone();
    let on_answer =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &e.data());
        });
    port.set_onmessage(Some(on_answer.as_ref().unchecked_ref()));
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(&settle, wait_ms as i32)
        .ok();
    let posted = worker
        .post_message_with_transferable(message, &js_sys::Array::of1(&channel.port2()))
        .is_ok();
    let reply = if posted {
        JsFuture::from(answer).await.unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    };
    // Nothing is left behind: the timer, the port, the listener.
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    port.set_onmessage(None);
    port.close();
    drop(on_answer);
    match (posted, reply.is_object()) {
        (false, _) => Answer::NoWorker,
        (true, true) => Answer::Said(reply),
        (true, false) => Answer::Silent,
    }
}

/// Runs `f` whenever the worker says a request was answered (ANSWERED).
pub fn on_answered(f: impl Fn() + 'static) {
    let Some(sw) = container() else {
        return;
    };
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if field(&e.data(), "type").as_deref() == Some("ANSWERED") {
                f();
            }
        });
    sw.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // For the page's life, as the shell.
    on_message.forget();
}

/// Tells the worker these outcomes have been shown to the visitor.
pub fn told(references: &[String]) {
    let Some(worker) = container().and_then(|c| c.controller()) else {
        return;
    };
    if references.is_empty() {
        return;
    }
    let list: js_sys::Array = references.iter().map(|r| JsValue::from_str(r)).collect();
    let _ = worker.post_message(&message("TOLD", &[("references", list.into())]));
}

/// Registers `sw.js` for the whole site (under the public URL), and
/// offers the update when a new release has installed behind the page.
/// `controlled` runs once a worker controls the page (at once on a
/// repeat visit, after its install on the first).
pub fn register(update: RwSignal<bool>, controlled: impl Fn() + 'static) {
    let Some(sw) = container() else {
        return;
    };
    let base = crate::platform::base_path();
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(&format!("{base}/"));
    let promise = sw.register_with_options(&format!("{base}/sw.js"), &options);
    // The first worker takes the page over at once (clientsClaim): that
    // is no update. Later takeovers are a new release.
    let had_controller = sw.controller().is_some();
    if had_controller {
        controlled();
    }
    let on_change = Closure::<dyn Fn()>::new(move || {
        if RELOAD_WANTED.with(Cell::get) {
            let _ = web_sys::window().map(|w| w.location().reload());
        } else if had_controller {
            // Another tab accepted it: this one runs the old release.
            update.set(true);
        } else {
            controlled();
        }
    });
    sw.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(promise).await else {
            return;
        };
        // Checked, not assumed: a browser that blocks workers (a policy,
        // a test harness) may resolve with nothing.
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        let installed = move || had_controller || sw.controller().is_some();
        if registration.waiting().is_some() && installed() {
            update.set(true);
        }
        let found = registration.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = found.installing() else {
                return;
            };
            let watched = worker.clone();
            let installed = installed.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                // Installed while an older worker controls the page: it waits for the visitor.
                if watched.state() == ServiceWorkerState::Installed && installed() {
                    update.set(true);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// Lets the waiting release take over, then reloads (see `register`).
/// The draft is saved on every keystroke, so the reload loses nothing.
pub fn apply_update() {
    RELOAD_WANTED.with(|w| w.set(true));
    let Some(sw) = container() else {
        return;
    };
    spawn_local(async move {
        let registration = JsFuture::from(sw.get_registration()).await.ok();
        let waiting = registration
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
                let _ = worker.post_message(&message);
            }
            // Already active (accepted in another tab): only this page is old.
            None => {
                let _ = web_sys::window().map(|w| w.location().reload());
            }
        }
    });
}

/// Points the page's manifest link at the app in `lang`.
pub fn set_manifest(lang: &str) {
    if let Some(link) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("link[rel=manifest]").ok().flatten())
    {
        let _ = link.set_attribute("href", &format!("manifest-{lang}.json"));
    }
}

/// The day (in Tripoli) on which this device last received `path` from
/// the site: the newest Date header among its cached copies (the one
/// installed with the release, and the one last fetched online).
pub async fn cached_on(path: &str) -> Option<Date> {
    let caches = web_sys::window()?.caches().ok()?;
    let url = format!("{}/{path}", crate::platform::base_path());
    let options = web_sys::CacheQueryOptions::new();
    // The install's copy is stored under a revision query.
    options.set_ignore_search(true);
    let names: js_sys::Array = JsFuture::from(caches.keys()).await.ok()?.dyn_into().ok()?;
    let mut newest: Option<f64> = None;
    for name in names.iter().filter_map(|n| n.as_string()) {
        let Ok(cache) = JsFuture::from(caches.open(&name)).await else {
            continue;
        };
        let cache: web_sys::Cache = cache.unchecked_into();
        let found = JsFuture::from(cache.match_with_str_and_options(&url, &options)).await;
        let Some(response) = found
            .ok()
            .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
        else {
            continue;
        };
        let Some(header) = response.headers().get("date").ok().flatten() else {
            continue;
        };
        let ms = js_sys::Date::parse(&header);
        if !ms.is_nan() && newest.is_none_or(|n| ms > n) {
            newest = Some(ms);
        }
    }
    // Tripoli is UTC+2 all year, as the build counts its day.
    newest.map(|ms| Date::from_days(((ms / 1000.0 + 7200.0) / 86_400.0) as i64))
}
