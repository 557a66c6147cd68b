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

mod browser;
mod courier;

pub use courier::hand_to_worker;

use crate::components::LocalDate;
use crate::domain::booking::delivery::{Attempt, Delivery, SendFailure};
use crate::domain::route::{BookStep, Page};
use crate::domain::Msg;
use crate::state::{tr, use_booking, use_data, use_lang, use_route};
use courier::Outcome;
use leptos::prelude::*;
use leptos::task::spawn_local;

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

/// How long a page waits for the worker's news when it opens or comes back
/// online. What arrives later is told on the next page.
const OUTBOX_WAIT_MS: u32 = 10_000;

/// When a page tries again what the network did not take although the
/// browser says it is online (then it waits for the next `online` event,
/// the next page, or the worker's Background Sync).
const RETRY_MS: [u64; 4] = [2_000, 5_000, 15_000, 60_000];

thread_local! {
    /// When the browser last said the network was back.
    static BACK_ONLINE_MS: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

/// Whether the network came back in the last half minute: a network often
/// returns in steps (a link before its DNS), so what fails then is tried
/// again (see `ErrorView`).
pub fn just_back_online() -> bool {
    BACK_ONLINE_MS
        .get()
        .is_some_and(|at| crate::platform::now_ms().saturating_sub(at) < 30_000)
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
                    if !courier::answered_here(&reference) {
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
            BACK_ONLINE_MS.set(Some(crate::platform::now_ms()));
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
