use crate::domain::date::Date;
use crate::state::use_lang;
use leptos::prelude::*;

/// A date in the visitor's language through the browser's `Intl` (Western
/// digits in Arabic too, as in Libya), inside a machine-readable `<time>`.
#[component]
pub fn LocalDate(date: Date) -> impl IntoView {
    let lang = use_lang();
    let text = move || format_date(date, lang.get().locale());
    view! { <time datetime=date.to_string()>{text}</time> }
}

pub fn format_date(date: Date, locale: &str) -> String {
    use js_sys::{Array, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;
    let options = Object::new();
    for (k, v) in [
        ("day", "numeric"),
        ("month", "long"),
        ("year", "numeric"),
        ("timeZone", "Africa/Tripoli"),
    ] {
        let _ = Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    // Noon UTC is the same calendar day in Tripoli (UTC+2).
    let ms = js_sys::Date::utc(f64::from(date.year), f64::from(date.month - 1))
        + f64::from(date.day - 1) * 86_400_000.0
        + 43_200_000.0;
    let js_date = js_sys::Date::new(&JsValue::from_f64(ms));
    let locales = Array::of1(&JsValue::from_str(locale));
    Intl::DateTimeFormat::new(&locales, &options)
        .format()
        .call1(&JsValue::NULL, &js_date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| date.to_string())
}
