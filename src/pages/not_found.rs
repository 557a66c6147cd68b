use crate::domain::route::Page;
use crate::domain::Msg;
use crate::state::{use_head, use_route, use_t};
use leptos::prelude::*;

/// A wrong address or a missing article: what happened and where to go.
#[component]
pub fn NotFoundPage(#[prop(optional)] message: Option<Msg>) -> impl IntoView {
    use_head(|l| Some(Msg::NotFoundTitle.get(l).to_string()));
    let route = use_route();
    let t = use_t();
    let lang = route.lang;
    view! {
        <div class="section section--narrow not-found">
            <h1>{move || t(Msg::NotFoundTitle)}</h1>
            <p>{move || t(message.unwrap_or(Msg::NotFoundText))}</p>
            <p class="not-found__links">
                <a class="button button--primary" href=move || route.href(&Page::Home.path(lang.get()))>{move || t(Msg::BackHome)}</a>
                <a class="button" href=move || route.href(&Page::News.path(lang.get()))>{move || t(Msg::BackToNews)}</a>
            </p>
        </div>
    }
}
