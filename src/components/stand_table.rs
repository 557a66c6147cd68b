use crate::components::floor_plan::hall_name;
use crate::domain::booking::event::Event;
use crate::domain::booking::money::Money;
use crate::domain::booking::plan::{parse_filter_number, FloorPlan, SortKey, StandFilter, Status};
use crate::domain::messages::booking::{
    area_m2, dimensions, filter_error_text, kind_name, money, sides_text, status_name,
    status_reason,
};
use crate::domain::Msg;
use crate::state::{tr, tr_text, use_booking, use_lang, use_t};
use leptos::prelude::*;

/// The stands as a table, for keyboard and screen-reader users and anyone who
/// prefers a list: filter, sort, and choose exactly as on the plan.
#[component]
pub fn StandTable(
    plan: StoredValue<FloorPlan>,
    event: StoredValue<Event>,
    #[prop(into)] on_toggle: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let t = use_t();
    let choice = use_booking().choice;
    let filter = RwSignal::new(StandFilter {
        status: Some(Status::Available),
        ..StandFilter::default()
    });
    let sort = RwSignal::new((SortKey::Id, true));
    // A filter number that cannot be read is shown as refused, not ignored.
    let (area_bad, price_bad) = (RwSignal::new(false), RwSignal::new(false));

    let rows = move || {
        let l = lang.get();
        let (key, asc) = sort.get();
        let f = filter.get();
        plan.with_value(|p| {
            event.with_value(|e| {
                let list = p.list(e, &f, key, asc);
                if list.is_empty() {
                    return view! { <tr><td colspan="8">{t(Msg::NoStandsMatch)}</td></tr> }.into_any();
                }
                list.into_iter()
                    .map(|s| {
                        let id = s.id.clone();
                        let toggle_id = id.clone();
                        let available = s.is_available();
                        let chosen = {
                            let id = id.clone();
                            move || choice.with(|c| c.has(&id))
                        };
                        let (stale, removable) = (chosen.clone(), chosen.clone());
                        let hall = p.hall(&s.hall).map(|h| hall_name(h, l)).unwrap_or_default();
                        let price = s.price(e).map(|m| money(e, m)).unwrap_or_default();
                        let status = status_name(s.status, l);
                        // Why it cannot be chosen, under the status.
                        let reason = (!available).then(|| view! { " "<span class="stand-table__reason">{status_reason(s.status, l)}</span> });
                        view! {
                            // A stand chosen before it was sold (say) is marked as
                            // such, and can be unticked here as on the plan.
                            <tr
                                class:stand-table__row--chosen=move || available && chosen()
                                class:stand-table__row--stale=move || !available && stale()
                            >
                                <th scope="row"><bdi>{id.clone()}</bdi></th>
                                <td>{hall}</td>
                                <td>{kind_name(e, &s.kind, l)}</td>
                                // The area on its own line keeps the column narrow.
                                <td>{dimensions(&s.w.to_string(), &s.d.to_string(), None, l)}" "<span class="stand-table__area">{area_m2(&s.area_text(), l)}</span></td>
                                <td>{sides_text(s.open_sides, l)}</td>
                                <td><bdi>{price}</bdi></td>
                                <td>{status}{reason}</td>
                                <td>
                                    // The label makes the whole cell a tap target for the box.
                                    <label class="stand-table__choose">
                                        <input
                                            type="checkbox"
                                            disabled=move || !available && !removable()
                                            prop:checked=move || choice.with(|c| c.has(&toggle_id))
                                            aria-label=Msg::ChooseStand.with(l, &[("stand", &id)])
                                            on:change=move |_| on_toggle.run(id.clone())
                                        />
                                    </label>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()
                    .into_any()
            })
        })
    };

    let header = move |key: SortKey, msg: Msg| {
        let aria_sort = move || {
            let (k, asc) = sort.get();
            (k == key).then_some(if asc { "ascending" } else { "descending" })
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="stand-table__sort" on:click=move |_| sort.update(|(k, asc)| {
                    *asc = if *k == key { !*asc } else { true };
                    *k = key;
                })>
                    {tr(msg)}
                    <span aria-hidden="true" class="stand-table__arrow">{move || match sort.get() { (k, true) if k == key => "▲", (k, false) if k == key => "▼", _ => "" }}</span>
                </button>
            </th>
        }
    };

    let halls = plan.with_value(|p| p.halls.clone());
    let kinds = event.with_value(|e| e.stand_types.clone());
    view! {
        <div class="stand-table">
            <div class="stand-table__filters" role="group" aria-label=tr(Msg::FilterStands)>
                <div class="stand-table__filter">
                    <label for="filter-hall">{tr(Msg::Hall)}</label>
                    <select id="filter-hall" on:change=move |ev| filter.update(|f| f.hall = Some(event_target_value(&ev)).filter(|v| !v.is_empty()))>
                        <option value="">{tr(Msg::AllHalls)}</option>
                        {halls.into_iter().map(|h| { let id = h.id.clone(); view! { <option value=id>{move || hall_name(&h, lang.get())}</option> } }).collect_view()}
                    </select>
                </div>
                <div class="stand-table__filter">
                    <label for="filter-type">{tr(Msg::Type)}</label>
                    <select id="filter-type" on:change=move |ev| filter.update(|f| f.kind = Some(event_target_value(&ev)).filter(|v| !v.is_empty()))>
                        <option value="">{tr(Msg::AllTypes)}</option>
                        {kinds.into_iter().map(|k| { let id = k.id.clone(); view! { <option value=id>{tr_text(k.name)}</option> } }).collect_view()}
                    </select>
                </div>
                <div class="stand-table__filter">
                    <label for="filter-status">{tr(Msg::StatusCol)}</label>
                    <select id="filter-status" on:change=move |ev| filter.update(|f| f.status = Status::ALL.into_iter().find(|s| s.code() == event_target_value(&ev)))>
                        <option value="">{tr(Msg::AllStatuses)}</option>
                        {Status::ALL.into_iter().map(|s| view! { <option value=s.code() selected=s == Status::Available>{move || status_name(s, lang.get())}</option> }).collect_view()}
                    </select>
                </div>
                // Text boxes, not number inputs: those read Arabic-Indic
                // digits (٢٠) and anything unfinished as "", which could
                // then neither filter nor be refused with a reason.
                <div class="stand-table__filter">
                    <label for="filter-area">{tr(Msg::MinArea)}</label>
                    <input id="filter-area" dir="ltr" type="text" inputmode="decimal" autocomplete="off"
                        aria-invalid=move || area_bad.get().to_string() aria-describedby=move || area_bad.get().then_some("filter-area-error")
                        on:input=move |ev| match parse_filter_number(&event_target_value(&ev)) {
                            Ok(v) => { area_bad.set(false); filter.update(|f| f.min_area_dm2 = v); }
                            Err(_) => { area_bad.set(true); filter.update(|f| f.min_area_dm2 = None); }
                        }/>
                    <div aria-live="polite">{move || area_bad.get().then(|| view! { <p class="field__error" id="filter-area-error">{filter_error_text(lang.get())}</p> })}</div>
                </div>
                <div class="stand-table__filter">
                    <label for="filter-price">{move || event.with_value(|e| Msg::MaxPriceIn.with(lang.get(), &[("currency", &e.currency)]))}</label>
                    <input id="filter-price" dir="ltr" type="text" inputmode="decimal" autocomplete="off"
                        aria-invalid=move || price_bad.get().to_string() aria-describedby=move || price_bad.get().then_some("filter-price-error")
                        on:input=move |ev| match parse_filter_number(&event_target_value(&ev)) {
                            Ok(v) => { price_bad.set(false); filter.update(|f| f.max_price = v.and_then(|c| i64::try_from(c).ok()).map(Money)); }
                            Err(_) => { price_bad.set(true); filter.update(|f| f.max_price = None); }
                        }/>
                    <div aria-live="polite">{move || price_bad.get().then(|| view! { <p class="field__error" id="filter-price-error">{filter_error_text(lang.get())}</p> })}</div>
                </div>
            </div>
            <div class="stand-table__scroll" tabindex="0" role="region" aria-label=tr(Msg::ViewList)>
                // Shown over the column headers when they are drawn as a row of
                // sort buttons (cards); the headers say it to a screen reader.
                <p class="stand-table__sort-by" aria-hidden="true">{tr(Msg::SortBy)}</p>
                <table class="stand-table__table">
                    <thead>
                        <tr>
                            {header(SortKey::Id, Msg::Stand)}
                            {header(SortKey::Hall, Msg::Hall)}
                            {header(SortKey::Type, Msg::Type)}
                            {header(SortKey::Area, Msg::Size)}
                            <th scope="col">{tr(Msg::OpenSides)}</th>
                            {header(SortKey::Price, Msg::Price)}
                            {header(SortKey::Status, Msg::StatusCol)}
                            <th scope="col">{tr(Msg::Choose)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}
