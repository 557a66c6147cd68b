use crate::domain::date::Date;
use crate::state::use_lang;
use leptos::prelude::*;

/// A date in the visitor's language (Western digits in Arabic too, as in
/// Libya), inside a machine-readable `<time>`.
#[component]
pub fn LocalDate(date: Date) -> impl IntoView {
    let lang = use_lang();
    let text = move || date.long(lang.get());
    view! { <time datetime=date.to_string()>{text}</time> }
}
