use crate::domain::route::Page;
use crate::domain::{Lang, Msg};
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
            // Shown instead of the rest while a stand request kept in the
            // browser opens from 404.html (see index.html), in the address's
            // language: that one file answers both.
            {Lang::ALL.map(|l| view! {
                <p class="not-found__opening" lang=l.code() role="status">{Msg::OpeningRequest.get(l)}</p>
            })}
            <p class="not-found__links">
                <a class="button button--primary" href=page_href(Page::Home)>{tr(Msg::BackHome)}</a>
                <a class="button" href=page_href(Page::News)>{tr(Msg::BackToNews)}</a>
            </p>
        </div>
    }
}
