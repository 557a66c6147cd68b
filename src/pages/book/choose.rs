use super::{rules_in_the_way, use_quote, use_today};
use crate::components::floor_plan::{hall_name, stand_label};
use crate::components::{focus_by_id, FloorPlan, PlanLegend, QuoteView, StandTable};
use crate::domain::booking::event::Event;
use crate::domain::booking::plan::{FloorPlan as Plan, Status};
use crate::domain::booking::quote::QuantityError;
use crate::domain::booking::quote::{Quote, Toggled, Violation};
use crate::domain::messages::booking::{
    area_m2, dimensions, money, quantity_error_text, status_reason, violation_text,
};
use crate::domain::messages::Count;
use crate::domain::route::{BookStep, Page};
use crate::domain::{Lang, Msg};
use crate::state::{page_href, tr, tr_text, use_booking, use_lang};
use leptos::prelude::*;

/// Step 1: the plan (or the list), the selection with extras, and the quote.
#[component]
pub fn ChooseStep(plan: StoredValue<Plan>, event: StoredValue<Event>) -> impl IntoView {
    let lang = use_lang();
    let booking = use_booking();
    let choice = booking.choice;
    let list_view = RwSignal::new(false);
    let first_hall = plan.with_value(|p| p.halls.first().map(|h| h.id.clone()).unwrap_or_default());
    let hall = RwSignal::new(first_hall);
    let focused = RwSignal::new(None::<String>);
    let announcement = RwSignal::new(String::new());
    // Why the last stand pressed could not be chosen, shown under the plan:
    // on a phone the details panel is out of view, and a tap that changes
    // nothing in sight reads as a tap not taken. Kept as what happened, so
    // it is said in the language of the moment; gone with another hall or view.
    let refusal = RwSignal::new(None::<Refusal>);
    Effect::new(move |_| {
        hall.track();
        list_view.track();
        refusal.set(None);
    });

    let today = use_today();
    // Past the last day for requests the plan only shows the stands.
    let open = move || event.with_value(|e| e.requests_open(today.get()));
    let closed_text = move |l| event.with_value(|e| Refusal::Closed.text(e, l));

    // Choosing is the same from the plan and the list, by the domain's rule:
    // available stands are added, chosen ones are always removable, others
    // say why they cannot be chosen.
    let toggle = Callback::new(move |id: String| {
        let l = lang.get_untracked();
        if !untrack(open) {
            announcement.set(closed_text(l));
            refusal.set(Some(Refusal::Closed));
            return;
        }
        focused.set(Some(id.clone()));
        let outcome = plan.with_value(|p| booking.toggle_stand(p, &id));
        let change = match outcome {
            Toggled::Refused(status) => {
                let refused = Refusal::Stand(id, status);
                announcement.set(event.with_value(|e| refused.text(e, l)));
                refusal.set(Some(refused));
                return;
            }
            Toggled::Unknown => return,
            Toggled::Added => Msg::StandAdded,
            Toggled::Removed => Msg::StandRemoved,
        };
        refusal.set(None);
        let count = choice.with_untracked(|c| c.stands.len()) as u64;
        let chosen = Count::StandsChosen.get(l, count, &[]);
        announcement.set(change.with(l, &[("id", &id), ("count", &chosen)]));
    });

    let result = use_quote(plan, event);

    let hall_tabs = move || {
        plan.with_value(|p| {
            p.halls
                .iter()
                .map(|h| {
                    let id = h.id.clone();
                    let pressed_id = id.clone();
                    let tab_id = format!("hall-tab-{id}");
                    let h = h.clone();
                    view! {
                        <button type="button" class="tab" id=tab_id data-replay aria-pressed=move || (hall.get() == pressed_id).to_string() on:click=move |_| hall.set(id.clone())>
                            {move || hall_name(&h, lang.get())}
                        </button>
                    }
                })
                .collect_view()
        })
    };
    let plan_view = move || {
        let h = hall.get();
        // Drawn anew in the other language: stand labels are built once per drawing.
        lang.track();
        let refused = Signal::derive(move || {
            refusal
                .get()
                .map(|r| event.with_value(|e| r.text(e, lang.get())))
        });
        view! { <FloorPlan plan event hall=h focused refused on_toggle=toggle/> }
    };
    let details = move || {
        let l = lang.get();
        let id = focused.get();
        plan.with_value(|p| {
            event.with_value(|e| match id.as_deref().and_then(|id| p.stand(id)) {
                None => view! { <p class="stand-details__hint">{Msg::HoverHint.get(l)}</p> }.into_any(),
                Some(s) => {
                    let reason = (!s.is_available()).then(|| status_reason(s.status, l));
                    let note = s.note.as_ref().map(|n| n.show_or_empty(l).text.to_string());
                    view! {
                        <p class="stand-details__text">{stand_label(s, e, l)}</p>
                        <p class="stand-details__text">{dimensions(&s.w.to_string(), &s.d.to_string(), None, l)}</p>
                        {reason.map(|r| view! { <p class="stand-details__reason">{r}</p> })}
                        {note.map(|n| view! { <p class="stand-details__reason">{n}</p> })}
                        {s.exhibitor.clone().map(|x| view! { <p><bdi>{x}</bdi></p> })}
                    }
                    .into_any()
                }
            })
        })
    };

    // Past the last day for requests, the page says so before anything is chosen.
    let closed = move || {
        (!open()).then(|| {
            let address = event.with_value(|e| e.request_email.clone());
            view! {
                <div class="notice notice--warning" role="alert">
                    <p>{move || closed_text(lang.get())}</p>
                    <p><a href=format!("mailto:{address}")>{tr(Msg::WriteToOrganiser)}</a>" · "<bdi>{address.clone()}</bdi></p>
                </div>
            }
        })
    };

    view! {
        {closed}
        <Show when=open>
            <p class="book__intro">{tr(Msg::BookIntro)}</p>
        </Show>
        <div class="book__layout">
            <section class="book__main" aria-labelledby="plan-title">
                <h2 id="plan-title" class="visually-hidden">{tr(Msg::ViewPlan)}</h2>
                // data-replay: as the zoom buttons (components/floor_plan.rs).
                <div class="book__views needs-scripts" role="group" aria-label=tr(Msg::ViewPlan)>
                    <button type="button" class="tab" id="view-plan" data-replay aria-pressed=move || (!list_view.get()).to_string() on:click=move |_| list_view.set(false)>{tr(Msg::ViewPlan)}</button>
                    <button type="button" class="tab" id="view-list" data-replay aria-pressed=move || list_view.get().to_string() on:click=move |_| list_view.set(true)>{tr(Msg::ViewList)}</button>
                </div>
                <Show
                    when=move || !list_view.get()
                    fallback=move || view! { <StandTable plan event on_toggle=toggle/> }
                >
                    <div class="book__halls needs-scripts" role="group" aria-label=tr(Msg::Halls)>{hall_tabs}</div>
                    {plan_view}
                    <div class="stand-details needs-scripts">
                        <h3 class="stand-details__title">{tr(Msg::StandDetails)}</h3>
                        {details}
                    </div>
                </Show>
                <PlanLegend/>
            </section>
            <Show when=open>
            <aside class="book__side needs-scripts" aria-labelledby="selection-title">
                <h2 id="selection-title" tabindex="-1">{tr(Msg::YourSelection)}</h2>
                <StaleStands plan/>
                <Selection plan event on_toggle=toggle/>
                <Extras event/>
                <h2>{tr(Msg::Quote)}</h2>
                {move || match result.get() {
                    Ok(q) => view! {
                        <QuoteView quote=q event/>
                        {continue_link("button button--primary button--block book__continue")}
                    }.into_any(),
                    Err(violations) => view! {
                        <div class="rules">{rules_in_the_way(violations, event)}</div>
                    }.into_any(),
                }}
            </aside>
            <SelectionBar event result/>
            </Show>
        </div>
        <p class="visually-hidden" aria-live="polite" role="status">{move || announcement.get()}</p>
    }
}

/// The way on to the details step. Offered only where the quote came out
/// whole (the side's quote and the phone's selection bar both ask `use_quote`,
/// the one owner of whether one can continue), so the two never disagree.
fn continue_link(class: &'static str) -> impl IntoView {
    view! {
        <a class=class href=page_href(Page::Book(BookStep::Details))>
            {tr(Msg::Continue)}<span class="icon-arrow" aria-hidden="true"></span>
        </a>
    }
}

/// On a phone, the selection in one line that stays in view while choosing
/// (the quote sits far below the plan there): how many stands, the total and
/// Continue, or the first rule in the way. Hidden by CSS on wide screens,
/// where the side column is in view beside the plan.
#[component]
fn SelectionBar(
    event: StoredValue<Event>,
    result: Memo<Result<Quote, Vec<Violation>>>,
) -> impl IntoView {
    let lang = use_lang();
    let choice = use_booking().choice;
    let count = move || choice.with(|c| c.stands.len()) as u64;
    let ok = move || result.with(Result::is_ok);
    let total_or_rule = move || {
        let l = lang.get();
        result.with(|r| {
            event.with_value(|e| match r {
                Ok(q) => Msg::SelectionTotal.with(l, &[("amount", &money(e, q.total))]),
                Err(rules) => rules
                    .first()
                    .map(|v| violation_text(v, e, l))
                    .unwrap_or_default(),
            })
        })
    };
    let any = Memo::new(move |_| count() > 0);
    move || {
        any.get().then(|| {
            view! {
                <div class="selection-bar">
                    <p class="selection-bar__text">
                        <span class="selection-bar__count">{move || Count::StandsChosen.get(lang.get(), count(), &[])}</span>
                        <span class="selection-bar__total" class:selection-bar__total--rule=move || !ok()>{total_or_rule}</span>
                    </p>
                    {move || ok().then(|| continue_link("button button--primary selection-bar__continue"))}
                </div>
            }
        })
    }
}

/// The chosen stands, each with its price and a remove button.
#[component]
fn Selection(
    plan: StoredValue<Plan>,
    event: StoredValue<Event>,
    #[prop(into)] on_toggle: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let choice = use_booking().choice;
    move || {
        let ids = choice.with(|c| c.stands.clone());
        if ids.is_empty() {
            return view! { <p class="selection__empty">{tr(Msg::NothingChosen)}</p> }.into_any();
        }
        let all = ids.clone();
        let items = ids
            .into_iter()
            .enumerate()
            .map(|(i, id)| {
                let text = plan.with_value(|p| event.with_value(|e| p.stand(&id).map(|s| (s.area_text(), s.price(e).map(|m| money(e, m)).unwrap_or_default()))));
                let remove_id = id.clone();
                // Focus goes on to the next stand's button (else the one
                // before, else the heading), never to the page.
                let next = all
                    .get(i + 1)
                    .or(i.checked_sub(1).and_then(|j| all.get(j)))
                    .map_or_else(|| "selection-title".to_string(), |n| remove_button_id(n));
                // A stand taken off the plan since the draft was saved has no size or price to show.
                let facts = match text {
                    Some((area, price)) => view! { " · "<bdi>{move || area_m2(&area, lang.get())}</bdi>" · "<bdi>{price}</bdi> }.into_any(),
                    None => view! { " · "{tr(Msg::StandGone)} }.into_any(),
                };
                view! {
                    <li class="selection__item">
                        <span><bdi>{id.clone()}</bdi>{facts}</span>
                        <button type="button" class="button button--small" id=remove_button_id(&id) on:click=move |_| {
                            on_toggle.run(remove_id.clone());
                            let next = next.clone();
                            request_animation_frame(move || focus_by_id(&next));
                        }>
                            {tr(Msg::Remove)}<span class="visually-hidden">" "{id.clone()}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="selection">{items}</ul> }.into_any()
    }
}

fn remove_button_id(stand: &str) -> String {
    format!("remove-{stand}")
}

const EXTRAS_TITLE: &str = "extras-title";

/// Furniture, power and lights: a quantity for each, within the event's limits.
#[component]
fn Extras(event: StoredValue<Event>) -> impl IntoView {
    let booking = use_booking();
    let choice = booking.choice;
    let lang = use_lang();
    let today = use_today();
    let open = move || event.with_value(|e| e.extras_open(today.get()));
    // The deadline written out like every other date, not as an ISO code;
    // once past, said in the past, and nothing more can be typed.
    let until = move || {
        let l = lang.get();
        let said = if open() {
            Msg::ExtrasUntil
        } else {
            Msg::ExtrasWereUntil
        };
        event.with_value(|e| said.with(l, &[("date", &e.extras_deadline().long(l))]))
    };
    // Extras kept in a draft from before the deadline go in one click.
    let kept = move || !open() && choice.with(|c| !c.extras.is_empty());
    let rows = event.with_value(|e| e.extras.clone()).into_iter().map(|x| {
        let id = x.id.clone();
        let input_id = format!("extra-{id}");
        let value_id = id.clone();
        let price = event.with_value(|e| money(e, x.unit_price));
        let max = x.max_quantity;
        // What was typed and refused, with the quantity kept; said beside the field.
        let refused = RwSignal::new(None::<(QuantityError, u32)>);
        let error_id = format!("{input_id}-error");
        let described = error_id.clone();
        let kept_id = id.clone();
        view! {
            <li class="extras__item">
                <label for=input_id.clone()>{tr_text(x.name)}" · "<bdi>{price}</bdi></label>
                <input
                    id=input_id
                    class="extras__qty"
                    // Text, not a number input: that one hides what is typed
                    // ("-", "1.", Arabic digits) as "", which could then
                    // neither be read nor refused with a reason.
                    type="text"
                    inputmode="numeric"
                    dir="ltr"
                    autocomplete="off"
                    disabled=move || !open()
                    aria-invalid=move || refused.with(Option::is_some).to_string()
                    aria-describedby=move || refused.with(Option::is_some).then(|| described.clone())
                    prop:value=move || choice.with(|c| c.extras.get(&value_id).copied().unwrap_or(0).to_string())
                    on:input=move |ev| {
                        let typed = event_target_value(&ev);
                        let outcome = booking.type_extra(&id, &typed, max);
                        let kept = choice.with_untracked(|c| c.extras.get(&kept_id).copied().unwrap_or(0));
                        refused.set(outcome.err().map(|e| (e, kept)));
                    }
                />
                <div class="extras__error" aria-live="polite">
                    {move || refused.get().map(|(e, kept)| view! { <p class="field__error" id=error_id.clone()>{quantity_error_text(e, kept, lang.get())}</p> })}
                </div>
            </li>
        }
    });
    view! {
        // Open while extras past their deadline are in the way: the button
        // that removes them is the way on.
        <details class="extras" open=kept>
            <summary id=EXTRAS_TITLE><h2 class="extras__title">{tr(Msg::Extras)}</h2></summary>
            <p class="extras__hint">{tr(Msg::ExtrasHint)}" "{until}</p>
            <Show when=kept>
                <button type="button" class="button button--small" on:click=move |_| {
                    booking.drop_extras();
                    request_animation_frame(|| focus_by_id(EXTRAS_TITLE));
                }>{tr(Msg::RemoveExtras)}</button>
            </Show>
            <ul class="extras__list">{rows.collect_view()}</ul>
        </details>
    }
}

const STALE_REMOVED: &str = "stale-removed";

/// Stands saved in a draft that have been sold, held or taken off the plan
/// since: named, with the reason, and removable in one click.
#[component]
fn StaleStands(plan: StoredValue<Plan>) -> impl IntoView {
    let lang = use_lang();
    let booking = use_booking();
    let choice = booking.choice;
    let removed = RwSignal::new(Vec::<String>::new());
    let stale = Memo::new(move |_| choice.with(|c| plan.with_value(|p| c.stale(p))));
    let reason = move |id: &str| {
        let l = lang.get();
        plan.with_value(|p| match p.stand(id) {
            Some(s) => status_reason(s.status, l).to_string(),
            // A sentence here, as the statuses' reasons are.
            None => format!("{}.", Msg::StandGone.get(l)),
        })
    };
    let remove_all = move |_| {
        removed.set(plan.with_value(|p| booking.drop_stale(p)));
        // The button goes with the notice: focus moves to what replaced it.
        request_animation_frame(|| focus_by_id(STALE_REMOVED));
    };
    view! {
        <Show when=move || !stale.with(Vec::is_empty)>
            <div class="notice notice--warning" role="alert">
                <p>{tr(Msg::StaleStands)}</p>
                <ul>
                    {move || stale.get().into_iter().map(|id| {
                        let why = reason(&id);
                        view! { <li><bdi>{id}</bdi>": "{why}</li> }
                    }).collect_view()}
                </ul>
                <button type="button" class="button button--small" on:click=remove_all>{tr(Msg::RemoveStale)}</button>
            </div>
        </Show>
        <Show when=move || stale.with(Vec::is_empty) && !removed.with(Vec::is_empty)>
            <p class="notice" role="status" id=STALE_REMOVED tabindex="-1">{tr(Msg::StaleRemoved)}" "<bdi>{move || removed.get().join(", ")}</bdi></p>
        </Show>
    }
}

/// Why a stand pressed could not be chosen.
#[derive(Clone)]
enum Refusal {
    /// Nothing can be requested any more (the rule is `Event::requests_open`).
    Closed,
    Stand(String, Status),
}

impl Refusal {
    fn text(&self, e: &Event, l: Lang) -> String {
        match self {
            Refusal::Closed => {
                let why = Violation::BookingClosed {
                    last_day: e.last_request_day(),
                };
                violation_text(&why, e, l)
            }
            Refusal::Stand(id, status) => {
                Msg::StandRefused.with(l, &[("id", id), ("reason", status_reason(*status, l))])
            }
        }
    }
}
