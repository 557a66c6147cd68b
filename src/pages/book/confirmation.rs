use crate::components::{LocalDate, QuoteView};
use crate::domain::booking::delivery::{Attempt, Delivery, SendFailure, ABANDONED_AFTER_MS};
use crate::domain::booking::event::Event;
use crate::domain::booking::request::StandRequest;
use crate::domain::messages::Count;
use crate::domain::route::{BookStep, Page};
use crate::domain::Msg;
use crate::state::{page_href, tr, tr_text, use_booking, use_lang, use_t};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// Step 3: the request with its reference, said plainly to be a request, and
/// the ways to hand it to the organiser: print, file, e-mail, online.
#[component]
pub fn Confirmation(reference: String, event: StoredValue<Event>) -> impl IntoView {
    let requests = use_booking().requests;
    // A reference typed by hand may be in lower case.
    let found = requests.with_untracked(|r| {
        r.iter()
            .find(|q| q.reference.eq_ignore_ascii_case(&reference))
            .cloned()
    });
    let Some(request) = found else {
        return view! {
            <div class="notice" role="status">
                <p>{tr(Msg::RequestNotFound)}</p>
                <a class="button" href=page_href(Page::Book(BookStep::Choose))>{tr(Msg::NewRequest)}</a>
            </div>
        }
        .into_any();
    };
    view! { <RequestView request event/> }.into_any()
}

#[component]
fn RequestView(request: StandRequest, event: StoredValue<Event>) -> impl IntoView {
    let t = use_t();
    let request = StoredValue::new(request);
    let booking = use_booking();
    // Where the request stands, as every tab of this browser sees it.
    let delivery = {
        let reference = request.with_value(|r| r.reference.clone());
        Memo::new(move |_| booking.delivery(&reference))
    };
    let sending_here = RwSignal::new(false);
    // Another tab's send (or one a closed tab or a reload left unfinished)
    // is given up when its time is over, and is then shown as failed, with
    // retry; until then this tab says it is being sent elsewhere.
    let elsewhere =
        move || matches!(delivery.get(), Delivery::Sending { .. }) && !sending_here.get();
    Effect::new(move |_| {
        let Delivery::Sending { since_ms } = delivery.get() else {
            return;
        };
        if sending_here.get_untracked() {
            return;
        }
        let over = since_ms + u64::from(ABANDONED_AFTER_MS);
        let wait = over.saturating_sub(crate::platform::now_ms()) + 100;
        let reference = request.with_value(|r| r.reference.clone());
        set_timeout(
            move || {
                let d = delivery.get_untracked();
                if matches!(d, Delivery::Sending { .. })
                    && d.can_send(crate::platform::now_ms())
                    && !sending_here.get_untracked()
                {
                    booking.update_delivery(&reference, Delivery::Failed(SendFailure::Network));
                }
            },
            std::time::Duration::from_millis(wait),
        );
    });

    let mailto = move || {
        request.with_value(|r| {
            event.with_value(|e| {
                let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
                format!(
                    "mailto:{}?subject={}&body={}",
                    e.request_email,
                    enc(&r.email_subject(e)),
                    enc(&r.email_body(e))
                )
            })
        })
    };
    let download = move |_| {
        let json = request.with_value(|r| serde_json::to_string_pretty(r).unwrap_or_default());
        let name = request.with_value(|r| format!("stand-request-{}.json", r.reference));
        save_file(&name, &json);
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let endpoint = event.with_value(|e| e.endpoint.clone());
    // While it is sent, and once received, the button says so and does
    // nothing; it stays focusable (aria-disabled, not disabled), so the
    // keyboard's place is kept while the status line says the outcome.
    let received = move || matches!(delivery.get(), Delivery::Received);
    let busy = move || {
        matches!(
            delivery.get(),
            Delivery::Sending { .. } | Delivery::Received
        )
    };
    let send = move |_| {
        let Some(url) = event.with_value(|e| e.endpoint.clone()) else {
            return;
        };
        // A second click while this tab sends is simply ignored.
        if sending_here.get_untracked() || untrack(busy) {
            return;
        }
        sending_here.set(true);
        let r = request.get_value();
        spawn_local(async move {
            booking.send(&url, &r, Attempt::Asked).await;
            sending_here.set(false);
        });
    };

    // Each field as the request's description gives it.
    let details = request.with_value(|r| {
        r.form
            .summary()
            .into_iter()
            .map(|(field, value)| {
                let spec = field.spec();
                view! {
                    <div class="request__row">
                        <dt>{tr(spec.label)}</dt>
                        // Isolated, not `dir="auto"` on the cell: a Latin value in Arabic stays
                        // beside its label instead of moving to the far side.
                        <dd><bdi dir=spec.kind.shown_dir()>{value}</bdi></dd>
                    </div>
                }
            })
            .collect_view()
    });
    let (quote, created, reference, stands, count) = request.with_value(|r| {
        (
            r.quote.clone(),
            r.created,
            r.reference.clone(),
            r.choice.stands.join(", "),
            r.choice.stands.len() as u64,
        )
    });
    let lang = use_lang();
    let stands_label = move || Count::StandsLabel.get(lang.get(), count, &[]);
    view! {
        <article class="request">
            <h2 class="request__title">{tr(Msg::RequestReady)}</h2>
            <p class="request__reference">{tr(Msg::Reference)}": "<bdi><strong>{reference.clone()}</strong></bdi>" · "<LocalDate date=created/></p>
            <p class="request__plain" role="note">
                {tr(Msg::RequestNotBooking)}
                // Once the organiser's system has it, nothing is left to send.
                <Show when=move || !received()>
                    <span class="request__how">" "{tr(Msg::SendWithButtons)}</span>
                </Show>
            </p>
            // The printout stands alone: which event, when, where, who organises, where to send it.
            {event.with_value(|e| {
                let (name, venue, organiser) = (e.name.clone(), e.venue.clone(), e.organiser.name.clone());
                let (opens, closes) = (e.opens, e.closes);
                let (phone, mail) = (e.organiser.phone.clone(), e.request_email.clone());
                view! {
                    <dl class="request__event">
                        <div class="request__row"><dt>{tr(Msg::Event)}</dt><dd>{tr_text(name)}</dd></div>
                        <div class="request__row"><dt>{tr(Msg::Dates)}</dt><dd><LocalDate date=opens/>" – "<LocalDate date=closes/></dd></div>
                        <div class="request__row"><dt>{tr(Msg::Venue)}</dt><dd>{tr_text(venue)}</dd></div>
                        <div class="request__row"><dt>{tr(Msg::Organiser)}</dt><dd>{tr_text(organiser)}" · "<bdi dir="ltr">{phone}</bdi></dd></div>
                        <div class="request__row"><dt>{tr(Msg::SendTo)}</dt><dd><bdi>{mail}</bdi></dd></div>
                    </dl>
                }
            })}
            <div class="request__actions">
                <button type="button" class="button" on:click=print>{tr(Msg::Print)}</button>
                <button type="button" class="button" on:click=download>{tr(Msg::DownloadJson)}</button>
                <a class="button" class:button--primary=move || !received() href=mailto>{tr(Msg::EmailOrganiser)}</a>
                {endpoint.map(|_| {
                    view! {
                        <button type="button" class="button button--primary" on:click=send aria-disabled=move || busy().to_string()>
                            {move || match delivery.get() {
                                Delivery::Sending { .. } => t(Msg::Sending),
                                Delivery::Failed(_) => t(Msg::Retry),
                                _ => t(Msg::SendOnline),
                            }}
                        </button>
                    }
                })}
            </div>
            <p class="request__status" role="status">
                {move || {
                    let (class, msg) = match delivery.get() {
                        Delivery::Received => ("request__ok", Msg::SentOnline),
                        Delivery::Failed(SendFailure::Timeout) => ("request__failed", Msg::SendTimeout),
                        // Kept, and sent by itself later: news, not an error.
                        Delivery::Failed(SendFailure::Network) => ("request__waiting", Msg::SendQueued),
                        Delivery::Failed(SendFailure::Refused) => ("request__failed", Msg::SendRefused),
                        Delivery::Sending { .. } if elsewhere() => ("request__waiting", Msg::SendingElsewhere),
                        _ => return None,
                    };
                    Some(view! { <span class=class>{t(msg)}</span> })
                }}
            </p>
            <h3>{tr(Msg::CompanySection)}</h3>
            <dl class="request__details">
                {details}
                <div class="request__row">
                    <dt>{stands_label}</dt>
                    <dd><bdi>{stands}</bdi></dd>
                </div>
            </dl>
            <h3>{tr(Msg::Quote)}</h3>
            <QuoteView quote event/>
            <p class="request__new">
                <a href=page_href(Page::Book(BookStep::Choose))>{tr(Msg::NewRequest)}</a>
            </p>
        </article>
    }
}

/// Offers `text` as a file download, without a server.
fn save_file(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
