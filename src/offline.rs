//! The site on bad links: the service worker's registration (the worker
//! itself is built by `scripts/sw.mjs`), a quiet line saying when the site is
//! offline, the offer to reload into a new release, and the stand requests
//! that wait for the network: kept and sent by the service worker when one
//! controls the page (its courier, `scripts/sw/service-worker.js`), else by
//! the booking's pages themselves (`SendQueue`).
//!
//! Everything here starts in an Effect, so the build-time renderer (which runs
//! no Effect) writes nothing of it: a page is online until the browser says
//! otherwise.

use crate::components::LocalDate;
use crate::domain::booking::delivery::{
    Attempt, Delivery, SendFailure, ABANDONED_AFTER_MS, SEND_TIMEOUT_MS,
};
use crate::domain::booking::request::StandRequest;
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

/// Whether the browser has a network, following its `online`/`offline`
/// events, and the news of stand requests that went out while waiting.
#[derive(Clone, Copy)]
pub struct OfflineCtx {
    pub online: ReadSignal<bool>,
    news: RwSignal<Vec<Sent>>,
    /// Where each request the worker's courier holds stands, by reference,
    /// in its words ("waiting", "sending", "received", "refused"): the
    /// booking's pages record it (`SendQueue`).
    held: RwSignal<Vec<(String, String)>>,
}

/// A stand request that waited for the network and has since been answered.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Sent {
    reference: String,
    outcome: Outcome,
}

impl OfflineCtx {
    /// Tells the visitor of a request sent once the network returned (once,
    /// however many ways the news arrives).
    fn tell(self, sent: Sent) {
        self.news.update(|n| {
            if !n.iter().any(|s| s.reference == sent.reference) {
                n.push(sent);
            }
        });
    }
}

thread_local! {
    /// The requests whose answer this page showed where the visitor pressed
    /// Send: the worker's news of them is not said again here.
    static ANSWERED_HERE: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How long a page waits for the worker's news when it opens or comes back
/// online. What arrives later is told on the next page.
const OUTBOX_WAIT_MS: u32 = 10_000;

/// When a page tries again what the network did not take although the
/// browser says it is online (then it waits for the next `online` event,
/// the next page, or the worker's Background Sync).
const RETRY_MS: [u64; 4] = [2_000, 5_000, 15_000, 60_000];

/// How long a page waits for the worker to say it is a courier (it answers
/// at once; a worker that was asleep takes a moment to start).
const HELLO_WAIT_MS: u32 = 3_000;

/// What the worker says of a request it sent (or could not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Received,
    Refused,
    Timeout,
    Network,
    /// A worker of another release is sending it: it waits.
    Busy,
    /// The worker cannot keep requests (no IndexedDB) and posted nothing:
    /// the page sends.
    Unavailable,
}

impl Outcome {
    /// The worker's word for it (scripts/sw/service-worker.js). A word it
    /// does not know means waiting: only "unavailable" (nothing was posted)
    /// lets the page post it.
    fn read(word: Option<String>) -> Outcome {
        match word.as_deref() {
            Some("received") => Outcome::Received,
            Some("refused") => Outcome::Refused,
            Some("timeout") => Outcome::Timeout,
            Some("unavailable") => Outcome::Unavailable,
            Some("busy") => Outcome::Busy,
            _ => Outcome::Network,
        }
    }

    /// The send's result as the booking records it; None: send it from the page.
    fn result(self) -> Option<Result<(), SendFailure>> {
        match self {
            Outcome::Received => Some(Ok(())),
            Outcome::Refused => Some(Err(SendFailure::Refused)),
            Outcome::Timeout => Some(Err(SendFailure::Timeout)),
            Outcome::Network | Outcome::Busy => Some(Err(SendFailure::Network)),
            Outcome::Unavailable => None,
        }
    }
}

/// Hands a request to the service worker's courier, which keeps it until
/// the organiser's system has it, and waits for the outcome of its first
/// try. None when no worker controls the page (or it cannot keep requests):
/// the page then posts it itself (`api::post_request`).
pub async fn hand_to_worker(
    endpoint: &str,
    request: &StandRequest,
    attempt: Attempt,
) -> Option<Result<(), SendFailure>> {
    use browser::{ask_worker, field, message, Answer};
    match ask_worker(&message("HELLO", &[]), HELLO_WAIT_MS).await {
        Answer::NoWorker => return None,
        // A worker of an older release (it has no courier, until the
        // visitor accepts the new one) or one slow to wake: the request
        // waits, kept here, rather than being posted beside a courier that
        // may hold it too.
        Answer::Silent => return Some(Err(SendFailure::Network)),
        Answer::Said(_) => {}
    }
    // Resolved as the page's own fetch would resolve it.
    let page = web_sys::window()?.location().href().ok()?;
    let endpoint = web_sys::Url::new_with_base(endpoint, &page).ok()?.href();
    let send = message(
        "SEND",
        &[
            ("reference", request.reference.as_str().into()),
            ("endpoint", endpoint.into()),
            ("body", serde_json::to_string(request).ok()?.into()),
            ("timeoutMs", SEND_TIMEOUT_MS.into()),
            ("abandonedMs", ABANDONED_AFTER_MS.into()),
            // Send it again even if it was refused (see `Attempt`).
            ("again", (attempt == Attempt::Asked).into()),
        ],
    );
    // Within the time after which another tab takes this send for abandoned.
    let outcome = match ask_worker(&send, ABANDONED_AFTER_MS - HELLO_WAIT_MS - 1_000).await {
        Answer::NoWorker => return None,
        // The worker may still be sending it: it is kept, and told later.
        Answer::Silent => return Some(Err(SendFailure::Timeout)),
        Answer::Said(reply) => Outcome::read(field(&reply, "outcome")),
    };
    // The visitor pressed Send and reads the answer on the request's page:
    // no news of it for the next page. (A page that closed before the
    // answer says nothing, and the next page tells.)
    if attempt == Attempt::Asked && matches!(outcome, Outcome::Received | Outcome::Refused) {
        ANSWERED_HERE.with(|here| here.borrow_mut().push(request.reference.clone()));
        browser::told(std::slice::from_ref(&request.reference));
    }
    outcome.result()
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
    let ctx = OfflineCtx {
        online,
        news: RwSignal::new(Vec::new()),
        held: RwSignal::new(Vec::new()),
    };
    provide_context(ctx);
    let update = RwSignal::new(false);
    let route = use_route();
    let lang = use_lang();

    // Every page, of either entry, asks the worker to send what waits (the
    // browser's Background Sync may come later, or never) and shows what was
    // answered while the site was closed.
    let ask_outbox = move || {
        spawn_local(async move {
            use browser::{ask_worker, field, message, Answer};
            let ask = message("OUTBOX", &[("waitMs", OUTBOX_WAIT_MS.into())]);
            let Answer::Said(reply) = ask_worker(&ask, OUTBOX_WAIT_MS).await else {
                return;
            };
            let list = |name: &str| {
                js_sys::Array::from(&js_sys::Reflect::get(&reply, &name.into()).unwrap_or_default())
            };
            let held = list("states")
                .iter()
                .filter_map(|item| Some((field(&item, "reference")?, field(&item, "state")?)))
                .collect();
            ctx.held.set(held);
            let news = list("news");
            let mut shown = Vec::new();
            for item in news.iter() {
                let outcome = Outcome::read(field(&item, "outcome"));
                if let (Some(reference), Outcome::Received | Outcome::Refused) =
                    (field(&item, "reference"), outcome)
                {
                    shown.push(reference.clone());
                    if !ANSWERED_HERE.with(|here| here.borrow().contains(&reference)) {
                        ctx.tell(Sent { reference, outcome });
                    }
                }
            }
            // Shown now: the worker tells no other page.
            browser::told(&shown);
        })
    };
    Effect::new(move |_| {
        set_online.set(browser::on_line());
        // For the page's life: the shell never unmounts.
        window_event_listener(leptos::ev::online, move |_| {
            set_online.set(true);
            ask_outbox();
        });
        window_event_listener(leptos::ev::offline, move |_| set_online.set(false));
        browser::register(update, ask_outbox);
        // The worker says when a request was answered, in this page or not.
        browser::on_answered(ask_outbox);
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
        <div class="offline" role="status" aria-live="polite">
            // A line or two, redrawn whole: a keyed <For> would add its
            // machinery to the reading pages' Wasm for nothing.
            {move || ctx.news.get().into_iter().map(|sent| view! { <SentLine sent/> }).collect_view()}
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

/// The news of a request sent once the network returned, received or
/// refused, with the way to its page (which says what to do after a refusal).
#[component]
fn SentLine(sent: Sent) -> impl IntoView {
    let news = expect_context::<OfflineCtx>().news;
    let route = use_route();
    let lang = use_lang();
    let reference = sent.reference.clone();
    let page = Page::Book(BookStep::Request(sent.reference.clone()));
    let link = move || route.href(&page.path(lang.get()));
    let received = sent.outcome == Outcome::Received;
    let said = if received {
        Msg::QueuedDelivered
    } else {
        Msg::QueuedRefused
    };
    view! {
        <p class="offline__line" class:offline__line--ok=received>
            {tr(said)} " " <a href=link><bdi>{reference}</bdi></a> "."
            <button type="button" class="button button--small" on:click=move |_| news.update(|n| n.retain(|s| s.reference != sent.reference))>
                {tr(Msg::Dismiss)}
            </button>
        </p>
    }
}

/// Sends the stand requests waiting for the network when it returns and
/// when the booking opens with one, and gives the shell (`OfflineStatus`)
/// the news of each answered. Draws nothing. Mounted by the booking entry
/// only (`app::BOOK`): a news reader never downloads it. With a service
/// worker, `send` hands each to it, and it answers at once for one it has
/// already sent while no page was open.
#[component]
pub fn SendQueue() -> impl IntoView {
    let booking = use_booking();
    let offline = expect_context::<OfflineCtx>();
    // `send` takes its turn across tabs and claims each request in storage
    // first, so two tabs (or two events) never post the same request twice;
    // the reference is its Idempotency-Key, so the endpoint can also drop a
    // repeat it has seen. The endpoint comes from the event's terms, loaded
    // as any page loads them (a page that carries them keeps its copy).
    let event = use_data().event();
    let due = RwSignal::new(false);
    // Tries after a failure since the network returned (it often comes back
    // in steps: a link before its DNS, a portal before the internet).
    let retries = StoredValue::new(0usize);
    let flush = move || {
        // Offline, the worker still knows what it sent while no page was open.
        if booking.queued().is_empty() || !(browser::on_line() || browser::controlled()) {
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
                // Only the tab that sent it says so; with a worker, the
                // worker's news does (it tells every page when it answers).
                let outcome = match booking.send(&endpoint, &request, Attempt::Queued).await {
                    _ if browser::controlled() => continue,
                    Some(Delivery::Received) => Outcome::Received,
                    Some(Delivery::Failed(SendFailure::Refused)) => Outcome::Refused,
                    _ => continue,
                };
                offline.tell(Sent {
                    reference: request.reference.clone(),
                    outcome,
                });
            }
            let tried = retries.get_value();
            let still_waiting = !booking.queued().is_empty();
            if let (true, true, Some(&ms)) =
                (still_waiting, browser::on_line(), RETRY_MS.get(tried))
            {
                retries.set_value(tried + 1);
                set_timeout(flush, std::time::Duration::from_millis(ms));
            }
        });
    });
    Effect::new(move |_| {
        window_event_listener(leptos::ev::online, move |_| {
            retries.set_value(0);
            flush();
        });
        flush();
    });
    // What the worker's courier did while no booking page heard it (a tab
    // closed mid-send, a send it finished alone) is recorded here.
    Effect::new(move |_| {
        offline.held.with(|held| {
            for (reference, state) in held {
                booking.learn_from_courier(reference, state);
            }
        })
    });
    // Its news is the shell's (`OfflineStatus`), as the worker's is.
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
}
