use super::{rules_in_the_way, use_quote, use_today};
use crate::components::focus_by_id;
use crate::domain::booking::event::Event;
use crate::domain::booking::plan::FloorPlan as Plan;
use crate::domain::booking::quote::Violation;
use crate::domain::booking::request::{reference, Field, Kind, Section, StandRequest};
use crate::domain::messages::booking::{field_error_text, money};
use crate::domain::route::{BookStep, Page};
use crate::domain::Msg;
use crate::state::{page_href, tr, tr_text, use_booking, use_go, use_lang};
use leptos::prelude::*;
use std::collections::HashSet;
use wasm_bindgen::JsCast;

/// The notice of the rules a choice breaks, where focus goes when Send
/// meets one.
const IN_THE_WAY: &str = "details-in-the-way";

/// Step 2: company, fascia names (with a live preview), contact and terms.
/// Errors show beside their field as soon as the field is left, in the
/// visitor's language; what was typed is never cleared.
#[component]
pub fn DetailsStep(plan: StoredValue<Plan>, event: StoredValue<Event>) -> impl IntoView {
    let lang = use_lang();
    let booking = use_booking();
    let form = booking.form;
    let touched = RwSignal::new(HashSet::<Field>::new());
    let tried = RwSignal::new(false);
    let submitting = RwSignal::new(false);
    let go = use_go();
    let today = use_today();

    let result = use_quote(plan, event);

    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if submitting.get_untracked() {
            return;
        }
        tried.set(true);
        let problems = form.with_untracked(|f| f.problems());
        if let Some((first, _)) = problems.first() {
            touched.update(|t| t.extend(Field::ALL.iter().copied()));
            focus_by_id(first.id());
            return;
        }
        // The day may have changed since the page opened: the rules and
        // the request's date are today's.
        let today = today.refresh();
        let Ok(q) = result.get_untracked() else {
            // Drawn on the next frame when the new day brought it.
            request_animation_frame(|| focus_by_id(IN_THE_WAY));
            return;
        };
        submitting.set(true);
        let random = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
        let request = StandRequest {
            reference: event.with_value(|e| reference(&e.reference_prefix, today, random)),
            created: today,
            lang: lang.get_untracked(),
            form: form.get_untracked(),
            choice: booking.choice.get_untracked(),
            quote: q,
        };
        let to =
            Page::Book(BookStep::Request(request.reference.clone())).path(lang.get_untracked());
        booking.submit(request);
        go(&to, false);
    };

    let summary = move || {
        result.get().ok().map(|q| {
            let stands = booking.choice.with(|c| c.stands.join(", "));
            let total = event.with_value(|e| money(e, q.total));
            view! { <p class="details__summary"><bdi>{stands}</bdi>" · "{tr(Msg::Total)}" "<bdi>{total}</bdi></p> }
        })
    };

    view! {
        // Nothing chosen, or a choice the rules no longer take (a stand
        // sold since, booking closed overnight): said, with the way back.
        {move || result.get().err().map(|violations| {
            let said = if violations == [Violation::NoStand] {
                view! { <p>{tr(Msg::NothingChosen)}</p> }.into_any()
            } else {
                rules_in_the_way(violations, event).into_any()
            };
            view! {
                <div class="notice notice--warning rules" id=IN_THE_WAY tabindex="-1" role="status">
                    {said}
                    <a class="button" href=page_href(Page::Book(BookStep::Choose))>{tr(Msg::StepChoose)}</a>
                </div>
            }
        })}
        {summary}
        <form class="details needs-scripts" novalidate on:submit=on_submit>
            {move || (tried.get() && form.with(|f| !f.problems().is_empty())).then(|| view! {
                <p class="details__errors" role="alert">{tr(Msg::FormHasErrors)}</p>
            })}
            <fieldset class="details__group">
                <legend>{tr(Msg::CompanySection)}</legend>
                {fields(Section::Company, touched)}
                <FasciaPreview/>
            </fieldset>
            <fieldset class="details__group">
                <legend>{tr(Msg::ContactSection)}</legend>
                {fields(Section::Contact, touched)}
            </fieldset>
            <fieldset class="details__group">
                <legend>{tr(Msg::Terms)}</legend>
                <p class="details__terms">{tr_text(event.with_value(|e| e.terms.clone()))}</p>
                {fields(Section::Terms, touched)}
            </fieldset>
            <div class="details__actions">
                <a class="button" href=page_href(Page::Book(BookStep::Choose))><span class="icon-arrow icon-arrow--back" aria-hidden="true"></span>{tr(Msg::Back)}</a>
                <button type="submit" class="button button--primary" disabled=move || submitting.get() || result.get().is_err()>
                    {tr(Msg::CreateRequest)}
                </button>
            </div>
        </form>
    }
}

/// The fields of one section, as the request's description gives them; a
/// country code sits in one row with the phone number after it.
fn fields(section: Section, touched: RwSignal<HashSet<Field>>) -> impl IntoView {
    let mut code = None;
    Field::ALL
        .iter()
        .filter(|f| f.spec().section == section)
        .filter_map(|&field| match field.kind() {
            Kind::PhoneCode => {
                code = Some(field);
                None
            }
            Kind::Phone => {
                let code = code
                    .take()
                    .map(|field| view! { <TextField field touched/> });
                Some(
                    view! { <div class="details__phone">{code}<TextField field touched/></div> }
                        .into_any(),
                )
            }
            Kind::Consent => Some(view! { <Checkbox field touched/> }.into_any()),
            _ => Some(view! { <TextField field touched/> }.into_any()),
        })
        .collect_view()
}

/// A labelled text field bound to the draft, with its hint and error; its
/// input's type, direction and language come from its description. It has
/// no `maxlength`: a longer value is kept and refused with its count.
#[component]
fn TextField(field: Field, touched: RwSignal<HashSet<Field>>) -> impl IntoView {
    let lang = use_lang();
    let booking = use_booking();
    let form = booking.form;
    let spec = field.spec();
    let (id, hint) = (spec.id, spec.hint);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let error = move || {
        touched
            .with(|t| t.contains(&field))
            .then(|| form.with(|f| f.check(field)))
            .flatten()
    };
    let described = {
        let (e, h) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(h.clone());
            }
            if error().is_some() {
                ids.push(e.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let value = move || form.with(|f| f.get(field).to_string());
    let on_input = move |ev: web_sys::Event| booking.edit(field, &event_target_value(&ev));
    let on_blur = move |_| {
        touched.update(|t| {
            t.insert(field);
        })
    };
    let dir = spec.kind.dir();
    let required = field.required();
    let control = if spec.kind == Kind::Multiline {
        view! {
            <textarea id=id name=id rows="4" dir=dir required=required aria-invalid=move || error().is_some().to_string()
                aria-describedby=described on:input=on_input on:blur=on_blur prop:value=value></textarea>
        }
        .into_any()
    } else {
        let autocomplete = (!spec.autocomplete.is_empty()).then_some(spec.autocomplete);
        view! {
            <input id=id name=id type=spec.kind.input_type() autocomplete=autocomplete
                dir=dir lang=spec.kind.lang() required=required aria-invalid=move || error().is_some().to_string()
                aria-describedby=described on:input=on_input on:blur=on_blur prop:value=value/>
        }
        .into_any()
    };
    view! {
        <div class="field" class:field--invalid=move || error().is_some()>
            <label class="field__label" for=id>
                {tr(spec.label)}
                {required.then(|| view! { <span class="field__required">" ("{tr(Msg::Required)}")"</span> })}
            </label>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id.clone()>{tr(h)}</p> })}
            {control}
            // The region is always there, so a screen reader announces the
            // error politely when it appears on leaving the field.
            <div aria-live="polite">
                {move || error().map(|e| view! { <p class="field__error" id=error_id.clone()>{field_error_text(e, lang.get())}</p> })}
            </div>
        </div>
    }
}

/// A box to tick (the terms), with its error.
#[component]
fn Checkbox(field: Field, touched: RwSignal<HashSet<Field>>) -> impl IntoView {
    let lang = use_lang();
    let booking = use_booking();
    let form = booking.form;
    let spec = field.spec();
    let error_id = format!("{}-error", spec.id);
    let error = move || {
        touched
            .with(|t| t.contains(&field))
            .then(|| form.with(|f| f.check(field)))
            .flatten()
    };
    let described = {
        let id = error_id.clone();
        move || error().map(|_| id.clone())
    };
    view! {
        <div class="field field--check" class:field--invalid=move || error().is_some()>
            <input
                id=spec.id
                type=spec.kind.input_type()
                prop:checked=move || form.with(|f| f.checked(field))
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=described
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    booking.tick(field, checked);
                    touched.update(|t| { t.insert(field); });
                }
            />
            <label for=spec.id>{tr(spec.label)}</label>
            <div aria-live="polite">
                {move || error().map(|e| view! { <p class="field__error" id=error_id.clone()>{field_error_text(e, lang.get())}</p> })}
            </div>
        </div>
    }
}

/// The fascia board as it will look, with both names, updating as they are typed.
#[component]
fn FasciaPreview() -> impl IntoView {
    let form = use_booking().form;
    let choice = use_booking().choice;
    let (en, ar) = (
        NodeRef::<leptos::html::Span>::new(),
        NodeRef::<leptos::html::Span>::new(),
    );
    // Like a real fascia, a long name is set smaller to fit the board whole:
    // measured at full size, then scaled by the width it lacks. Anew when a
    // name changes or the window is resized.
    let fit = move || {
        for name in [en, ar] {
            if let Some(el) = name.get_untracked() {
                fit_to_width(&el);
            }
        }
    };
    Effect::new(move |_| {
        form.track();
        fit();
    });
    // In an effect: it runs in the browser only, not in the build-time renderer.
    Effect::new(move |_| {
        let resize = window_event_listener(leptos::ev::resize, move |_| fit());
        on_cleanup(move || resize.remove());
    });
    view! {
        <figure class="fascia">
            <div class="fascia__board" dir="ltr" aria-hidden="true">
                <span node_ref=en class="fascia__name fascia__name--en" dir="ltr" lang="en">{move || form.with(|f| f.get(Field::FasciaEn).to_string())}</span>
                <span node_ref=ar class="fascia__name fascia__name--ar" dir="rtl" lang="ar">{move || form.with(|f| f.get(Field::FasciaAr).to_string())}</span>
                <span class="fascia__stand" dir="ltr">{move || choice.with(|c| c.stands.join(" · "))}</span>
            </div>
            <figcaption class="fascia__caption">{tr(Msg::FasciaPreview)}</figcaption>
        </figure>
    }
}

/// Scales `el`'s one line of text to fit its width: `--fit` is 1 when it
/// fits, smaller in proportion when not (the stylesheet multiplies the font
/// size by it). Set through the CSSOM, which the Content-Security-Policy allows.
fn fit_to_width(el: &web_sys::HtmlElement) {
    let Ok(style) = js_sys::Reflect::get(el, &"style".into()) else {
        return;
    };
    let call = |method: &str, args: &js_sys::Array| {
        if let Ok(f) = js_sys::Reflect::get(&style, &method.into()) {
            if let Ok(f) = f.dyn_into::<js_sys::Function>() {
                let _ = f.apply(&style, args);
            }
        }
    };
    call("removeProperty", &js_sys::Array::of1(&"--fit".into()));
    let (needed, room) = (el.scroll_width(), el.client_width());
    if needed > room && room > 0 {
        // A hair under the exact ratio, so rounding never leaves a letter outside.
        let ratio = f64::from(room) / f64::from(needed) * 0.98;
        call(
            "setProperty",
            &js_sys::Array::of2(&"--fit".into(), &format!("{ratio:.4}").into()),
        );
    }
}
