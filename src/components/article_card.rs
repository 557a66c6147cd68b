use crate::components::{Heading, LocalDate};
use crate::domain::article::{ArticleMeta, BodyChoice};
use crate::domain::route::Page;
use crate::domain::Msg;
use crate::state::use_route;
use leptos::prelude::*;

/// A news teaser: image (or a drawn placeholder), date, title and summary.
/// Text missing in the interface language is shown in the language it
/// exists in, marked with its own `lang` and `dir`.
#[component]
pub fn ArticleCard(
    article: ArticleMeta,
    #[prop(optional)] compact: bool,
    /// Whether the card sits directly under the page's `h1` (its title is then an `h2`).
    #[prop(optional)]
    top_level: bool,
) -> impl IntoView {
    let route = use_route();
    let lang = route.lang;
    let slug = article.slug.clone();
    let href = move || route.href(&Page::Article(slug.clone()).path(lang.get()));
    let a = StoredValue::new(article);
    let title = move || {
        a.with_value(|a| {
            let s = a.title.show_or_empty(lang.get());
            view! { <span class="article-card__title-text" lang=s.lang.code() dir=s.lang.dir().as_str()>{s.text.to_string()}</span> }
        })
    };
    let summary = move || {
        a.with_value(|a| {
            a.summary.show(lang.get()).map(|s| {
                view! { <p class="article-card__summary" lang=s.lang.code() dir=s.lang.dir().as_str()>{s.text.to_string()}</p> }
            })
        })
    };
    // An article not written in the visitor's language says so before it is opened.
    let only_in = move || {
        let l = lang.get();
        a.with_value(|a| match a.body_choice(l) {
            BodyChoice::Fallback(other) => Some(view! {
                <p class="article-card__only-in">{Msg::only_in(other).get(l)}</p>
            }),
            _ => None,
        })
    };
    let image = a.with_value(|a| a.image.clone());
    let date = a.with_value(|a| a.date);
    view! {
        <article class="article-card" class:article-card--compact=compact>
            {match image {
                Some(src) => view! { <img class="article-card__image" src=src alt="" loading="lazy"/> }.into_any(),
                None => view! { <div class="article-card__image article-card__image--placeholder" aria-hidden="true"></div> }.into_any(),
            }}
            <div class="article-card__body">
                // An undated article simply shows no date.
                {date.map(|d| view! { <p class="article-card__date"><LocalDate date=d/></p> })}
                <Heading level=if top_level { 2 } else { 3 } class="article-card__title">
                    <a class="article-card__link" href=href>{title}</a>
                </Heading>
                {only_in}
                {(!compact).then_some(summary)}
            </div>
        </article>
    }
}
