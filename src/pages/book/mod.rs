//! Stand booking, step by step: choose stands, give details, get the request.

mod choose;
mod confirmation;
mod details;

use crate::components::loaded;
use crate::domain::booking::event::Event;
use crate::domain::booking::plan::FloorPlan;
use crate::domain::booking::quote::{quote, Quote, Violation};
use crate::domain::date::Date;
use crate::domain::messages::booking::{money, violation_text};
use crate::domain::route::{BookStep, Page};
use crate::domain::Msg;
use crate::state::{
    today, tr, use_booking, use_data, use_head, use_lang, use_route, StorageNotice,
};
use leptos::prelude::*;
use std::time::Duration;

/// The booking page for one step; event terms and floor plan are loaded once
/// for the visit.
#[component]
pub fn BookPage(step: BookStep) -> impl IntoView {
    // Each step has its own title: "Your details · Book a Stand · …".
    let step_name = match step {
        BookStep::Choose => Msg::StepChoose,
        BookStep::Details => Msg::StepDetails,
        BookStep::Request(_) => Msg::StepConfirm,
    };
    use_head(move |l| Some(format!("{} · {}", step_name.get(l), Msg::BookStand.get(l))));
    provide_context(Today::keep());
    let data = use_data();
    let step = StoredValue::new(step);
    let body = loaded(data.event(), move |event| {
        let event = StoredValue::new(Event::clone(&event));
        loaded(data.plan(), move |plan| {
            let plan = StoredValue::new(FloorPlan::clone(&plan));
            match step.get_value() {
                BookStep::Choose => view! {
                    <ScriptsOffNote event/>
                    <choose::ChooseStep plan event/>
                    <StandTypes event/>
                }
                .into_any(),
                BookStep::Details => {
                    view! { <ScriptsOffNote event/><details::DetailsStep plan event/> }.into_any()
                }
                BookStep::Request(reference) => {
                    view! { <confirmation::Confirmation reference event/> }.into_any()
                }
            }
        })
    });
    view! {
        <div class="book section">
            // Focus lands on the heading after each step: it names the step
            // to a screen reader (the steps' list shows it to the eye).
            <h1 class="book__title">{tr(Msg::BookStand)}<span class="visually-hidden">" · "{tr(step_name)}</span></h1>
            <Steps step=step.get_value()/>
            <Notice/>
            {body}
        </div>
    }
}

/// Today in Tripoli for the booking's rules, kept current: a tab left open
/// overnight must not price, date or accept a request on the day it was
/// opened. Read again each minute and whenever the page comes back into
/// view (a hidden tab's timers sleep), and at once before a request is made.
#[derive(Clone, Copy)]
struct Today(RwSignal<Date>);

impl Today {
    fn keep() -> Today {
        let day = Today(RwSignal::new(today()));
        Effect::new(move |_| {
            let timer =
                set_interval_with_handle(move || _ = day.refresh(), Duration::from_secs(60)).ok();
            let shown =
                window_event_listener_untyped("visibilitychange", move |_| _ = day.refresh());
            on_cleanup(move || {
                if let Some(timer) = timer {
                    timer.clear();
                }
                shown.remove();
            });
        });
        day
    }

    /// Reads the clock again, and gives the day; the rules follow only if
    /// it changed.
    fn refresh(self) -> Date {
        let now = today();
        if self.0.get_untracked() != now {
            self.0.set(now);
        }
        now
    }

    fn get(self) -> Date {
        self.0.get()
    }
}

fn use_today() -> Today {
    expect_context()
}

/// The quote for the exhibitor's current choice, priced today, or the rules
/// it breaks. The choose and details steps show the same one.
fn use_quote(
    plan: StoredValue<FloorPlan>,
    event: StoredValue<Event>,
) -> Memo<Result<Quote, Vec<Violation>>> {
    let choice = use_booking().choice;
    let today = use_today();
    Memo::new(move |_| {
        let today = today.get();
        choice.with(|c| plan.with_value(|p| event.with_value(|e| quote(p, e, c, today))))
    })
}

/// The rules a choice breaks, each said in the visitor's language.
fn rules_in_the_way(violations: Vec<Violation>, event: StoredValue<Event>) -> impl IntoView {
    let lang = use_lang();
    let items = violations
        .into_iter()
        .map(|v| view! { <li>{move || event.with_value(|e| violation_text(&v, e, lang.get()))}</li> })
        .collect_view();
    view! {
        <p class="rules__title">{tr(Msg::FixToContinue)}</p>
        <ul class="rules__list">{items}</ul>
    }
}

/// What a visitor with scripts off reads instead of controls that could do
/// nothing (style/booking.css shows it only then): the way to ask by e-mail.
#[component]
fn ScriptsOffNote(event: StoredValue<Event>) -> impl IntoView {
    view! {
        <div class="scripts-off-note">
            <p>{tr(Msg::NeedsScripts)}</p>
            <RequestByEmail event/>
        </div>
    }
}

/// "You can also send a stand request by e-mail to the organiser:" and the address.
#[component]
fn RequestByEmail(event: StoredValue<Event>) -> impl IntoView {
    let address = event.with_value(|e| e.request_email.clone());
    view! {
        <p>{tr(Msg::RequestByEmail)}" "<a href=format!("mailto:{address}")><bdi>{address.clone()}</bdi></a></p>
    }
}

/// Where the visitor is in the three steps.
#[component]
fn Steps(step: BookStep) -> impl IntoView {
    let route = use_route();
    let index = match step {
        BookStep::Choose => 0,
        BookStep::Details => 1,
        BookStep::Request(_) => 2,
    };
    let steps = [
        (Msg::StepChoose, Some(BookStep::Choose)),
        (Msg::StepDetails, Some(BookStep::Details)),
        (Msg::StepConfirm, None),
    ];
    let items = steps
        .into_iter()
        .enumerate()
        .map(|(i, (msg, target))| {
            let current = (i == index).then_some("step");
            // Earlier steps are links back; later ones are not reachable yet.
            let label = match target.filter(|_| i < index && index < 2) {
                Some(s) => view! { <a href=move || route.href(&Page::Book(s.clone()).path(route.lang.get()))>{tr(msg)}</a> }.into_any(),
                None => view! { <span>{tr(msg)}</span> }.into_any(),
            };
            view! {
                <li class="book-steps__step" class:book-steps__step--done=i < index aria-current=current>
                    <span class="book-steps__number" aria-hidden="true">{i + 1}</span>
                    {label}
                </li>
            }
        })
        .collect_view();
    view! { <nav class="book-steps" aria-label=tr(Msg::BookingSteps)><ol class="book-steps__list">{items}</ol></nav> }
}

/// Tells the visitor once if an old draft was set aside or nothing can be
/// saved, or that another tab made a request from this draft (then with the
/// way to it, rather than only that the draft changed).
#[component]
fn Notice() -> impl IntoView {
    let booking = use_booking();
    let notice = booking.notice;
    let route = use_route();
    let lang = use_lang();
    move || {
        // A request this browser could not keep outranks the news of
        // another tab's: it asks to download or print now.
        let pressing = notice.get() == Some(StorageNotice::RequestNotStored);
        let said = if let (false, Some(reference)) = (pressing, booking.made_elsewhere.get()) {
            let page = Page::Book(BookStep::Request(reference.clone()));
            let href = move || route.href(&page.path(lang.get()));
            // Followed, it has been read.
            view! { {tr(Msg::RequestMadeElsewhere)}" "<a href=href on:click=move |_| booking.dismiss_notice()><bdi>{reference}</bdi></a> }
                .into_any()
        } else {
            let msg = match notice.get()? {
                StorageNotice::Discarded => Msg::DraftDiscarded,
                StorageNotice::Unavailable => Msg::DraftNotSaved,
                StorageNotice::ChangedElsewhere => Msg::DraftChangedElsewhere,
                StorageNotice::RequestNotStored => Msg::RequestNotStored,
            };
            tr(msg).into_any()
        };
        Some(view! {
            <div class="notice" role="status">
                <p>{said}</p>
                <button type="button" class="button button--small" on:click=move |_| booking.dismiss_notice()>{tr(Msg::Dismiss)}</button>
            </div>
        })
    }
}

/// The stand types with their price and minimum size, and the organiser's
/// address: what a visitor needs to ask for a stand even where the plan
/// cannot run (a page read without script).
#[component]
fn StandTypes(event: StoredValue<Event>) -> impl IntoView {
    let lang = use_lang();
    let rows = event.with_value(|e| {
        e.stand_types
            .iter()
            .map(|t| {
                let name = t.name.clone();
                let price = money(e, t.price_per_m2);
                let min = t.min_area_m2;
                view! {
                    <tr>
                        <th scope="row">{move || name.show_or_empty(lang.get()).text.to_string()}</th>
                        <td><bdi>{price}</bdi></td>
                        <td><bdi>{min}</bdi></td>
                    </tr>
                }
            })
            .collect_view()
    });
    view! {
        <section class="stand-types" aria-labelledby="stand-types-title">
            <h2 id="stand-types-title">{tr(Msg::StandTypes)}</h2>
            <table class="quote__table stand-types__table">
                <thead>
                    <tr>
                        <th scope="col">{tr(Msg::Type)}</th>
                        <th scope="col">{tr(Msg::PricePerM2)}</th>
                        <th scope="col">{tr(Msg::MinArea)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <RequestByEmail event/>
        </section>
    }
}
