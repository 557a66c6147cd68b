use crate::components::{loaded, ArticleCard, LocalDate, SponsorGroups};
use crate::domain::route::{BookStep, Page};
use crate::domain::{Lang, Msg};
use crate::state::{page_href, tr, tr_text, use_data, use_head, use_route};
use leptos::prelude::*;

/// The home page: hero with the booking call to action, latest news, sponsors.
#[component]
pub fn HomePage() -> impl IntoView {
    use_head(|_| None);
    let route = use_route();
    let lang = route.lang;
    let data = use_data();
    let site = data.site();
    // The site file names the event; if it cannot be read, the heading
    // still says where the visitor is and the error offers a retry.
    let title = move || {
        let l = lang.get();
        match site.get() {
            Some(Ok(s)) => s.name.show_or_empty(l).text.to_string(),
            Some(Err(_)) => Msg::Home.get(l).to_string(),
            None => String::new(),
        }
    };
    let tagline = loaded(site, move |s| {
        let tagline = s.tagline.clone();
        view! { <p class="hero__tagline">{tr_text(tagline)}</p> }
    });
    let book = page_href(Page::Book(BookStep::Choose));
    let latest = loaded(data.articles(), move |index| {
        let cards = index
            .latest()
            .into_iter()
            .take(3)
            .cloned()
            .map(|a| view! { <li><ArticleCard article=a/></li> })
            .collect_view();
        view! { <ul class="card-grid">{cards}</ul> }
    });
    let sponsors = loaded(data.sponsors(), |s| view! { <SponsorGroups sponsors=s/> });
    view! {
        <section class="hero" aria-labelledby="hero-title">
            <div class="hero__inner">
                <h1 id="hero-title" class="hero__title">{title}</h1>
                {tagline}
                {move || data.event_facts().ok().map(|e| view! {
                    <dl class="hero__facts">
                        <div><dt>{tr(Msg::Dates)}</dt><dd><LocalDate date=e.opens/>" – "<LocalDate date=e.closes/></dd></div>
                        <div><dt>{tr(Msg::Venue)}</dt><dd>{tr_text(e.venue.clone())}</dd></div>
                    </dl>
                })}
                <a class="button button--primary button--large" href=book>{tr(Msg::BookStand)}</a>
            </div>
        </section>
        <section class="section" aria-labelledby="latest-title">
            <div class="section__head">
                <h2 id="latest-title">{tr(Msg::LatestNews)}</h2>
                <a class="section__more" href=page_href(Page::News)>{tr(Msg::AllNews)}<span class="icon-arrow" aria-hidden="true"></span></a>
            </div>
            {latest}
        </section>
        <BookBanner/>
        <section class="section" aria-labelledby="sponsors-title">
            <h2 id="sponsors-title">{tr(Msg::ThanksSponsors)}</h2>
            {sponsors}
        </section>
    }
}

/// The "Book a Stand" banner, as on the original site, also under articles.
#[component]
pub fn BookBanner() -> impl IntoView {
    view! {
        <aside class="book-banner" aria-labelledby="book-banner-title">
            <div>
                <h2 id="book-banner-title" class="book-banner__title">{tr(Msg::BookBannerTitle)}</h2>
                <p>{tr(Msg::BookBannerText)}</p>
            </div>
            <a class="button button--light" href=page_href(Page::Book(BookStep::Choose))>
                {tr(Msg::BookStand)}<span class="icon-arrow" aria-hidden="true"></span>
            </a>
        </aside>
    }
}

/// The bare root: the app sends the visitor on at once (see `app::Shell`); a
/// page read without script offers both languages.
#[component]
pub fn LanguageChoice() -> impl IntoView {
    let route = use_route();
    let links = Lang::ALL
        .into_iter()
        .map(|l| {
            view! {
                <li><a class="button button--large" href=route.href(&Page::Home.path(l)) lang=l.code() hreflang=l.code()>{l.native_name()}</a></li>
            }
        })
        .collect_view();
    view! {
        <div class="section language-choice">
            <h1>
                <span lang="en" dir="ltr">{Msg::ChooseLanguage.get(Lang::En)}</span>
                " · "
                <span lang="ar" dir="rtl">{Msg::ChooseLanguage.get(Lang::Ar)}</span>
            </h1>
            <ul class="language-choice__list">{links}</ul>
        </div>
    }
}
