use crate::domain::booking::drawing::{hall_svg, stand_dom_id, stand_id_of, StandMark};
use crate::domain::booking::event::Event;
use crate::domain::booking::plan::{Direction, FloorPlan as Plan, Hall, Stand, Status};
use crate::domain::booking::viewport::Viewport;
use crate::domain::messages::booking::{area_m2, kind_name, money, sides_text, status_name};
use crate::domain::messages::isolate;
use crate::domain::{Lang, Msg};
use crate::state::{tr, use_booking, use_lang, use_t};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::collections::HashMap;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// One hall drawn to scale in SVG. It never mirrors: a hall is a physical
/// place, so only its labels follow the language. Stands are buttons with a
/// roving tabindex: Tab enters the plan, arrow keys move between stands
/// (physical directions), Enter or Space chooses, + / − / 0 zoom.
#[component]
pub fn FloorPlan(
    plan: StoredValue<Plan>,
    event: StoredValue<Event>,
    hall: String,
    /// The stand under the pointer or focus, for the details panel.
    focused: RwSignal<Option<String>>,
    /// Why the last stand pressed could not be chosen, said under the plan
    /// (the page's live region reads it out).
    #[prop(into)]
    refused: Signal<Option<String>>,
    #[prop(into)] on_toggle: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let t = use_t();
    let choice = use_booking().choice;
    let Some(h) = plan.with_value(|p| p.hall(&hall).cloned()) else {
        return ().into_any();
    };
    let (width, depth) = (f64::from(h.width.0), f64::from(h.depth.0));

    // The first available stand takes the tab stop until the visitor moves.
    let first = plan.with_value(|p| {
        p.stands_in(&hall)
            .min_by_key(|s| (!s.is_available(), s.y, s.x))
            .map(|s| s.id.clone())
    });
    let active = RwSignal::new(first);

    // What is in view: the maths is the domain's (Viewport), this only wires events to it.
    let view = RwSignal::new(Viewport::whole(width, depth));
    let view_box = move || view.with(Viewport::view_box);
    // Brings a stand into view when the keyboard reaches it or zooms around
    // it, so the focused stand is never outside the drawing.
    let reveal = move |id: &str| {
        let Some((sx, sy)) = plan.with_value(|p| {
            p.stand(id)
                .map(|s| s.centre())
                .map(|(x2, y2)| (x2 as f64 / 2.0, y2 as f64 / 2.0))
        }) else {
            return;
        };
        let (now, next) = view.with_untracked(|v| (*v, v.revealing((sx, sy))));
        if next != now {
            view.set(next);
        }
    };
    let zoom_by = move |factor: f64| view.update(|v| *v = v.zoomed(factor));
    let reset = move || view.update(|v| *v = v.fit());

    let svg_ref = NodeRef::<leptos::svg::Svg>::new();

    // Stand ids are drawn only where they are big enough to read. A whole
    // hall on a phone, or a hall of a thousand stands, would otherwise be a
    // blur of tiny text that also costs the browser most of its drawing time;
    // zooming in brings the ids back. Every stand keeps its accessible name.
    let shortest_side = plan.with_value(|p| {
        p.stands_in(&hall)
            .map(|s| s.w.0.min(s.d.0))
            .min()
            .unwrap_or(0)
    });
    let plan_px = RwSignal::new(0.0_f64);
    // A ResizeObserver reports the drawn width after layout, so measuring
    // forces no extra layout, and it follows the window and the panels.
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else { return };
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                plan_px.set(entry.content_rect().width());
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
            return;
        };
        observer.observe(&svg);
        let alive = SendWrapper::new((observer, on_resize));
        on_cleanup(move || alive.take().0.disconnect());
    });
    // A memo: a pan changes the view but not this, and must not redraw the ids.
    let labels_legible =
        Memo::new(move |_| view.with(|v| v.labels_legible(plan_px.get(), shortest_side)));
    // Pointers down on the plan (mouse, pen or fingers), for drag and pinch.
    let pointers = StoredValue::new(HashMap::<i32, (f64, f64)>::new());
    let dragged = StoredValue::new(false);
    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        dragged.set_value(false);
        pointers.update_value(|p| {
            p.insert(
                ev.pointer_id(),
                (f64::from(ev.client_x()), f64::from(ev.client_y())),
            );
        });
    };
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        let now = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let Some(before) = pointers.with_value(|p| p.get(&ev.pointer_id()).copied()) else {
            return;
        };
        let others: Vec<(f64, f64)> = pointers.with_value(|p| {
            p.iter()
                .filter(|(k, _)| **k != ev.pointer_id())
                .map(|(_, v)| *v)
                .collect()
        });
        if let [other] = others[..] {
            // Pinch: the ratio of finger distances is the zoom step.
            let dist = |a: (f64, f64)| {
                ((a.0 - other.0).powi(2) + (a.1 - other.1).powi(2))
                    .sqrt()
                    .max(1.0)
            };
            zoom_by(dist(now) / dist(before));
            dragged.set_value(true);
        } else if others.is_empty() {
            let (dx, dy) = (now.0 - before.0, now.1 - before.1);
            if dx.abs() + dy.abs() > 0.0 && (dragged.get_value() || dx.abs() + dy.abs() > 6.0) {
                dragged.set_value(true);
                let plan_width = plan_px.get_untracked();
                view.update(|v| *v = v.dragged(dx, dy, plan_width));
            } else {
                return;
            }
        }
        pointers.update_value(|p| {
            p.insert(ev.pointer_id(), now);
        });
    };
    let on_pointerup = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| {
            p.remove(&ev.pointer_id());
        });
    };
    // Ctrl + wheel (and a trackpad pinch, which the browser reports so) zooms;
    // a plain wheel keeps scrolling the page.
    let on_wheel = move |ev: web_sys::WheelEvent| {
        if ev.ctrl_key() || ev.meta_key() {
            ev.prevent_default();
            zoom_by(if ev.delta_y() < 0.0 { 1.2 } else { 1.0 / 1.2 });
        }
    };

    let stand_of = |ev: &web_sys::Event| -> Option<String> {
        let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
        let stand = el.closest(".floor-plan__stand").ok().flatten()?;
        stand_id_of(&stand.id()).map(str::to_string)
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if dragged.get_value() {
            return;
        }
        if let Some(id) = stand_of(&ev) {
            active.set(Some(id.clone()));
            on_toggle.run(id);
        }
    };
    let focus_stand = move |id: &str| {
        super::focus_by_id(&stand_dom_id(id));
    };
    let zoom_on_active = move |factor: f64| {
        zoom_by(factor);
        if let Some(id) = active.get_untracked() {
            reveal(&id);
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        let dir = match key.as_str() {
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            _ => None,
        };
        match (dir, key.as_str()) {
            (Some(dir), _) => {
                ev.prevent_default();
                let current = active.get_untracked();
                let next = plan.with_value(|p| {
                    current
                        .and_then(|c| p.stand(&c))
                        .and_then(|s| p.neighbour(s, dir))
                        .map(|s| s.id.clone())
                });
                if let Some(next) = next {
                    active.set(Some(next.clone()));
                    focused.set(Some(next.clone()));
                    focus_stand(&next);
                }
            }
            (None, "Home" | "End") => {
                ev.prevent_default();
                let hall = plan.with_value(|p| {
                    active
                        .get_untracked()
                        .and_then(|c| p.stand(&c).map(|s| s.hall.clone()))
                });
                let next = hall.and_then(|h| {
                    plan.with_value(|p| p.edge(&h, key == "End").map(|s| s.id.clone()))
                });
                if let Some(next) = next {
                    active.set(Some(next.clone()));
                    focused.set(Some(next.clone()));
                    focus_stand(&next);
                }
            }
            (None, "Enter" | " ") => {
                if let Some(id) = stand_of(&ev) {
                    ev.prevent_default();
                    on_toggle.run(id);
                }
            }
            (None, "+" | "=") => zoom_on_active(1.25),
            (None, "-") => zoom_on_active(0.8),
            (None, "0") => reset(),
            _ => {}
        }
    };
    let on_focusin = move |ev: web_sys::FocusEvent| {
        if let Some(id) = stand_of(&ev) {
            reveal(&id);
            active.set(Some(id.clone()));
            focused.set(Some(id));
        }
    };
    let on_pointerover = move |ev: web_sys::PointerEvent| {
        if let Some(id) = stand_of(&ev) {
            focused.set(Some(id));
        }
    };

    // The stands are static markup; choosing and moving the tab stop change
    // only the stands concerned, straight in the DOM. A reactive attribute per
    // stand would cost thousands of effects on a large plan (the benchmark
    // draws 1,000 stands) for state that changes a stand or two at a time.
    let set_attr = |id: &str, name: &str, value: &str| {
        if let Some(el) = document().get_element_by_id(&stand_dom_id(id)) {
            let _ = el.set_attribute(name, value);
        }
    };
    let previous = StoredValue::new(choice.with_untracked(|c| c.stands.clone()));
    Effect::new(move |_| {
        let now = choice.with(|c| c.stands.clone());
        let before = previous.get_value();
        let changed = before
            .iter()
            .filter(|id| !now.contains(id))
            .chain(now.iter().filter(|id| !before.contains(id)));
        for id in changed {
            let chosen = now.contains(id);
            set_attr(id, "aria-pressed", if chosen { "true" } else { "false" });
            if let Some(el) = document().get_element_by_id(&stand_dom_id(id)) {
                let _ = el
                    .class_list()
                    .toggle_with_force("floor-plan__stand--selected", chosen);
            }
        }
        previous.set_value(now);
    });
    let previous_stop = StoredValue::new(active.get_untracked());
    Effect::new(move |_| {
        let now = active.get();
        if let Some(old) = previous_stop
            .get_value()
            .filter(|old| Some(old) != now.as_ref())
        {
            set_attr(&old, "tabindex", "-1");
        }
        if let Some(new) = &now {
            set_attr(new, "tabindex", "0");
        }
        previous_stop.set_value(now);
    });

    // Labels are built once: the page draws the plan anew when the language changes.
    let l = lang.get_untracked();
    let first_stop = active.get_untracked();
    let drawing = plan.with_value(|p| {
        event.with_value(|e| {
            choice.with_untracked(|c| {
                hall_svg(
                    h.features
                        .iter()
                        .map(|f| (f, f.label.show_or_empty(l).text)),
                    p.stands_in(&hall).map(|s| StandMark {
                        stand: s,
                        label: stand_label(s, e, l),
                        chosen: c.has(&s.id),
                        // Built into the page, the plan is a picture until the
                        // app arrives (with scripts off, a stand in the Tab
                        // order would do nothing): no stand is a Tab stop.
                        tab_stop: cfg!(target_arch = "wasm32")
                            && first_stop.as_deref() == Some(s.id.as_str()),
                    }),
                )
            })
        })
    });
    let ids = drawing.ids;
    let hall_name = h.name.clone();
    let aria = move || {
        format!(
            "{} · {}",
            t(Msg::ViewPlan),
            hall_name.show_or_empty(lang.get()).text
        )
    };

    view! {
        <div class="floor-plan">
            <div class="floor-plan__tools needs-scripts" role="group" aria-label=tr(Msg::ViewPlan)>
                // data-replay: tapped before the app arrives, tapped again
                // when it does (index.html, platform::restore_typed).
                <button type="button" class="button button--small" id="zoom-in" data-replay on:click=move |_| zoom_by(1.25) aria-label=tr(Msg::ZoomIn)>"+"</button>
                <button type="button" class="button button--small" id="zoom-out" data-replay on:click=move |_| zoom_by(0.8) aria-label=tr(Msg::ZoomOut)>"−"</button>
                <button type="button" class="button button--small" id="zoom-reset" data-replay on:click=move |_| reset()>{tr(Msg::ZoomReset)}</button>
            </div>
            // dir="ltr": the drawing keeps its physical orientation in Arabic.
            <svg
                node_ref=svg_ref
                class="floor-plan__svg"
                dir="ltr"
                // Chromium makes an SVG that can scroll a Tab stop of its own; the
                // stands inside are the plan's one Tab stop (a roving tabindex).
                tabindex="-1"
                viewBox=view_box
                role="group"
                aria-label=aria
                aria-describedby="plan-help"
                on:click=on_click
                on:keydown=on_keydown
                on:focusin=on_focusin
                on:pointerover=on_pointerover
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=on_pointerup
                on:pointercancel=on_pointerup
                on:pointerleave=on_pointerup
                on:wheel=on_wheel
            >
                // The status patterns are defined once, by the legend beside the plan.
                <rect class="floor-plan__hall" x="0" y="0" width=h.width.0 height=h.depth.0></rect>
                // Markup built by booking::drawing, which escapes every data value.
                <g inner_html=drawing.shapes></g>
                <g class="floor-plan__ids" aria-hidden="true" inner_html=move || if labels_legible.get() { ids.clone() } else { String::new() }></g>
            </svg>
            {move || refused.get().map(|why| view! { <p class="floor-plan__refused">{why}</p> })}
            <p id="plan-help" class="floor-plan__help needs-scripts">{tr(Msg::PlanHelp)}</p>
        </div>
    }
    .into_any()
}

/// What a screen reader says for a stand, and what the details panel shows.
pub fn stand_label(s: &Stand, event: &Event, lang: Lang) -> String {
    let price = s.price(event).map(|p| money(event, p)).unwrap_or_default();
    [
        Msg::StandId.with(lang, &[("id", &s.id)]),
        area_m2(&s.area_text(), lang),
        kind_name(event, &s.kind, lang),
        sides_text(s.open_sides, lang),
        isolate(&price, lang),
        status_name(s.status, lang).to_string(),
    ]
    .join(Msg::ListSep.get(lang))
}

/// Fills for the five statuses: colour and a pattern, so status never
/// depends on colour alone (and survives greyscale printing).
#[component]
fn PlanPatterns() -> impl IntoView {
    view! {
        <defs>
            <pattern id="fp-available" width="10" height="10" patternUnits="userSpaceOnUse">
                <rect width="10" height="10" class="fp-fill fp-fill--available"></rect>
            </pattern>
            <pattern id="fp-on-hold" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="8" height="8" class="fp-fill fp-fill--on-hold"></rect>
                <line x1="0" y1="0" x2="0" y2="8" class="fp-line"></line>
            </pattern>
            <pattern id="fp-reserved" width="8" height="8" patternUnits="userSpaceOnUse">
                <rect width="8" height="8" class="fp-fill fp-fill--reserved"></rect>
                <circle cx="4" cy="4" r="1.6" class="fp-dot"></circle>
            </pattern>
            <pattern id="fp-sold" width="8" height="8" patternUnits="userSpaceOnUse">
                <rect width="8" height="8" class="fp-fill fp-fill--sold"></rect>
                <path d="M0 0 8 8M8 0 0 8" class="fp-line fp-line--light"></path>
            </pattern>
            <pattern id="fp-blocked" width="6" height="6" patternUnits="userSpaceOnUse">
                <rect width="6" height="6" class="fp-fill fp-fill--blocked"></rect>
                <path d="M0 3h6" class="fp-line fp-line--light"></path>
            </pattern>
        </defs>
    }
}

/// The legend: each status with its swatch and name.
#[component]
pub fn PlanLegend() -> impl IntoView {
    let lang = use_lang();
    let items = Status::ALL
        .into_iter()
        .map(|s| {
            view! {
                <li class="plan-legend__item">
                    <svg class="plan-legend__swatch" viewBox="0 0 24 16" aria-hidden="true">
                        <rect width="24" height="16" fill=format!("url(#fp-{})", s.code()) class="plan-legend__rect"></rect>
                    </svg>
                    {move || status_name(s, lang.get())}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="plan-legend">
            <svg width="0" height="0" class="plan-legend__defs" aria-hidden="true"><PlanPatterns/></svg>
            <h3 class="plan-legend__title">{tr(Msg::Legend)}</h3>
            <ul class="plan-legend__list">
                {items}
                <li class="plan-legend__item">
                    <svg class="plan-legend__swatch" viewBox="0 0 24 16" aria-hidden="true">
                        <rect width="24" height="16" fill="url(#fp-available)" class="plan-legend__rect plan-legend__rect--selected"></rect>
                    </svg>
                    {tr(Msg::YourSelection)}
                </li>
            </ul>
        </div>
    }
}

/// The hall's name, for tabs and the list.
pub fn hall_name(h: &Hall, lang: Lang) -> String {
    h.name.show_or_empty(lang).text.to_string()
}
