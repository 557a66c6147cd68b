//! The site on bad links: the service worker's registration (the worker
//! itself is built by `scripts/sw.mjs`), a quiet line saying when the site is
//! offline, the offer to reload into a new release, and the stand requests
//! that wait for the network.
//!
//! Everything here starts in an Effect, so the build-time renderer (which runs
//! no Effect) writes nothing of it: a page is online until the browser says
//! otherwise.

use crate::components::LocalDate;
use crate::domain::date::Date;
use crate::domain::route::{BookStep, Page};
use crate::domain::Msg;
use crate::state::{tr, use_booking, use_data, use_lang, use_route};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Whether the browser has a network, following its `online`/`offline` events.
#[derive(Clone, Copy)]
pub struct OfflineCtx {
    pub online: ReadSignal<bool>,
}

/// Whether the browser says it has a network (always true at build time).
pub fn use_online() -> ReadSignal<bool> {
    use_context::<OfflineCtx>()
        .map(|c| c.online)
        .unwrap_or_else(|| signal(true).0)
}

/// The offline line and the update offer; registers the service worker.
/// Mounted once, in the shell of both entries.
#[component]
pub fn OfflineStatus() -> impl IntoView {
    let (online, set_online) = signal(true);
    provide_context(OfflineCtx { online });
    let update = RwSignal::new(false);
    let route = use_route();
    let lang = use_lang();

    Effect::new(move |_| {
        set_online.set(browser::on_line());
        // For the page's life: the shell never unmounts.
        window_event_listener(leptos::ev::online, move |_| set_online.set(true));
        window_event_listener(leptos::ev::offline, move |_| set_online.set(false));
        browser::register(update);
    });

    // The installed app follows the page's language: its manifest too.
    Effect::new(move |_| browser::set_manifest(lang.get().code()));

    // "Availability as of": when this device last had the floor plan from
    // the site, read from the cached answer's Date header.
    let on_plan = Memo::new(move |_| {
        matches!(
            route.route.get().page,
            Page::Book(BookStep::Choose | BookStep::Details)
        )
    });
    let as_of = LocalResource::new(move || {
        let wanted = !online.get() && on_plan.get();
        async move {
            if wanted {
                browser::cached_on("data/floorplan.json").await
            } else {
                None
            }
        }
    });
    let as_of = move || as_of.get().flatten();

    view! {
        <div class="offline" role="status" aria-live="polite">
            <Show when=move || !online.get()>
                <p class="offline__line">
                    // One flex item, so the date runs on with its sentence.
                    <span>
                        {tr(Msg::OfflineNow)}
                        {move || as_of().map(|date| view! { " " {tr(Msg::AvailabilityAsOf)} " " <LocalDate date/> "." })}
                    </span>
                </p>
            </Show>
        </div>
        // Announced when it appears (a live region that is always there); in
        // the tab order right after the header, drawn at the foot of the screen.
        <div aria-live="polite">
        <Show when=move || update.get()>
            <div class="offline__update" role="region" aria-label=tr(Msg::UpdateReady)>
                <p>{tr(Msg::UpdateReady)}</p>
                <button type="button" class="button button--primary" on:click=move |_| browser::apply_update()>
                    {tr(Msg::UpdateReload)}
                </button>
                <button type="button" class="button" on:click=move |_| update.set(false)>
                    {tr(Msg::UpdateLater)}
                </button>
            </div>
        </Show>
        </div>
    }
}

/// The stand requests waiting for the network, sent when it returns and
/// when the booking opens with one, and the news of each delivered. Mounted
/// by the booking entry only (`app::BOOK`): a news reader never downloads it.
#[component]
pub fn SendQueue() -> impl IntoView {
    let booking = use_booking();
    let delivered = RwSignal::new(Vec::<String>::new());
    // `send` takes its turn across tabs and claims each request in storage
    // first, so two tabs (or two events) never post the same request twice;
    // the reference is its Idempotency-Key, so the endpoint can also drop a
    // repeat it has seen. The endpoint comes from the event's terms, loaded
    // as any page loads them (a page that carries them keeps its copy).
    let event = use_data().event();
    let due = RwSignal::new(false);
    let flush = move || {
        if booking.queued().is_empty() || !browser::on_line() {
            return;
        }
        // A load that failed offline is tried again now.
        if matches!(untrack(|| event.get()), Some(Err(_))) {
            event.refetch();
        }
        due.set(true);
    };
    Effect::new(move |_| {
        if !due.get() {
            return;
        }
        let Some(Ok(event)) = event.get() else {
            return;
        };
        due.set(false);
        let Some(endpoint) = event.endpoint.clone() else {
            return;
        };
        let waiting = booking.queued();
        spawn_local(async move {
            for request in waiting {
                if booking.send(&endpoint, &request).await {
                    delivered.update(|d| d.push(request.reference.clone()));
                }
            }
        });
    });
    Effect::new(move |_| {
        window_event_listener(leptos::ev::online, move |_| flush());
        flush();
    });
    view! {
        <div class="offline" role="status" aria-live="polite">
            <For each=move || delivered.get() key=|r| r.clone() let:reference>
                <p class="offline__line offline__line--ok">
                    {tr(Msg::QueuedDelivered)} " " <bdi><strong>{reference.clone()}</strong></bdi> "."
                    <button type="button" class="button button--small" on:click=move |_| delivered.update(|d| d.retain(|r| *r != reference))>
                        {tr(Msg::Dismiss)}
                    </button>
                </p>
            </For>
        </div>
    }
}

/// What only a browser has: the network's state, the service worker, the
/// caches. Every call is made from an Effect or an event handler.
mod browser {
    use super::*;
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

    /// Registers `sw.js` for the whole site (under the public URL), and
    /// offers the update when a new release has installed behind the page.
    pub fn register(update: RwSignal<bool>) {
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
        let on_change = Closure::<dyn Fn()>::new(move || {
            if RELOAD_WANTED.with(Cell::get) {
                let _ = web_sys::window().map(|w| w.location().reload());
            } else if had_controller {
                // Another tab accepted it: this one runs the old release.
                update.set(true);
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
}
