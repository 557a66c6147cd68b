use crate::components::{loaded, ArticleCard};
use crate::domain::Msg;
use crate::state::{tr, use_data, use_head};
use leptos::prelude::*;

/// Every article, newest first.
#[component]
pub fn NewsPage() -> impl IntoView {
    use_head(|l| Some(Msg::News.get(l).to_string()));
    let list = loaded(use_data().articles(), move |index| {
        if index.articles.is_empty() {
            return view! { <p>{tr(Msg::NoArticles)}</p> }.into_any();
        }
        let cards = index
            .latest()
            .into_iter()
            .cloned()
            .map(|a| view! { <li><ArticleCard article=a top_level=true/></li> })
            .collect_view();
        view! { <ul class="card-grid">{cards}</ul> }.into_any()
    });
    view! {
        <div class="section">
            <h1>{tr(Msg::News)}</h1>
            {list}
        </div>
    }
}
