use crate::domain::Msg;
use crate::state::{use_data, use_head, use_t};
use leptos::prelude::*;

/// Stand booking: says plainly that it is coming, and how to ask meanwhile.
#[component]
pub fn BookPage() -> impl IntoView {
    use_head(|l| Some(Msg::BookStand.get(l).to_string()));
    let t = use_t();
    let site = use_data().site;
    let mail = move || {
        site.get().and_then(Result::ok).map(|s| {
            let href = format!("mailto:{}", s.contact_email);
            view! { <a class="button button--primary" href=href>{move || t(Msg::ContactUs)}</a> }
        })
    };
    view! {
        <div class="section section--narrow">
            <h1>{move || t(Msg::BookSoonTitle)}</h1>
            <p>{move || t(Msg::BookSoonText)}</p>
            {mail}
        </div>
    }
}
