//! One route view per file.

mod article;
mod book;
mod home;
mod news;
mod not_found;
mod sponsors;

pub use not_found::NotFoundPage;

use crate::domain::route::Page;
use article::ArticlePage;
use book::BookPage;
use home::{HomePage, LanguageChoice};
use leptos::prelude::*;
use news::NewsPage;
use sponsors::SponsorsPage;

/// The pages of the site's main entry (see `app::Entry`): everything but
/// the booking.
pub fn site(localised: bool, page: &Page) -> Option<AnyView> {
    Some(match (localised, page) {
        (false, Page::Home) => view! { <LanguageChoice/> }.into_any(),
        (true, Page::Home) => view! { <HomePage/> }.into_any(),
        (true, Page::News) => view! { <NewsPage/> }.into_any(),
        (true, Page::Article(slug)) => view! { <ArticlePage slug=slug.clone()/> }.into_any(),
        (true, Page::Sponsors) => view! { <SponsorsPage/> }.into_any(),
        (true, Page::Book(_)) => return None,
        _ => view! { <NotFoundPage/> }.into_any(),
    })
}

/// The pages of the booking entry: its steps and the not-found page.
pub fn book(localised: bool, page: &Page) -> Option<AnyView> {
    Some(match (localised, page) {
        (true, Page::Book(step)) => view! { <BookPage step=step.clone()/> }.into_any(),
        (_, Page::NotFound)
        | (false, Page::News | Page::Article(_) | Page::Sponsors | Page::Book(_)) => {
            view! { <NotFoundPage/> }.into_any()
        }
        _ => return None,
    })
}
