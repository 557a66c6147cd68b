use crate::domain::route::Page;
use crate::domain::Msg;
use crate::state::{page_href, tr, use_head};
use leptos::prelude::*;

/// A wrong address or a missing article: what happened and where to go.
#[component]
pub fn NotFoundPage(#[prop(optional)] message: Option<Msg>) -> impl IntoView {
    use_head(|l| Some(Msg::NotFoundTitle.get(l).to_string()));
    view! {
        <div class="section section--narrow not-found">
            <h1>{tr(Msg::NotFoundTitle)}</h1>
            <p>{tr(message.unwrap_or(Msg::NotFoundText))}</p>
            <p class="not-found__links">
                <a class="button button--primary" href=page_href(Page::Home)>{tr(Msg::BackHome)}</a>
                <a class="button" href=page_href(Page::News)>{tr(Msg::BackToNews)}</a>
            </p>
        </div>
    }
}
