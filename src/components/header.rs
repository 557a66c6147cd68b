use crate::domain::route::{switch_lang_path, BookStep, Page};
use crate::domain::Msg;
use crate::state::{page_href, tr, use_data, use_route, LANG_KEY};
use leptos::prelude::*;

/// Site header: brand, main navigation and the language switch.
#[component]
pub fn Header() -> impl IntoView {
    let route = use_route();
    let site = use_data().site();
    let lang = route.lang;
    // Without the site file (missing, broken, still loading) the brand link
    // still has a name: where it leads.
    let name = move || {
        let l = lang.get();
        site.ok()
            .map(|s| s.name.show_or_empty(l).text.to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| Msg::Home.get(l).to_string())
    };
    let link = move |page: Page, msg: Msg| {
        let target = page.clone();
        let current = move || {
            let here = route.route.get().page;
            let active = match (&target, &here) {
                (Page::News, Page::Article(_)) => true,
                _ => target == here,
            };
            active.then_some("page")
        };
        view! {
            <li><a class="site-header__link" href=move || route.href(&page.path(lang.get())) aria-current=current>{tr(msg)}</a></li>
        }
    };
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__brand" href=page_href(Page::Home)>
                    <span class="site-header__mark" aria-hidden="true"></span>
                    <span class="site-header__name">{name}</span>
                </a>
                <LanguageSwitch/>
                <nav class="site-header__nav" aria-label=tr(Msg::MainNav)>
                    <ul class="site-header__list">
                        {link(Page::Home, Msg::Home)}
                        {link(Page::News, Msg::News)}
                        {link(Page::Sponsors, Msg::Sponsors)}
                        <li>
                            <a class="button button--primary site-header__cta" href=page_href(Page::Book(BookStep::Choose))>
                                {tr(Msg::BookStand)}
                            </a>
                        </li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// A link to the same page in the other language. It is a real link (it works
/// without script, and can be opened in a new tab); the router turns a click
/// into an in-page navigation that keeps the scroll position.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let route = use_route();
    let other = move || route.lang.get().other();
    let href = move || route.href(&switch_lang_path(&route.path.get(), other()));
    let remember = move |_| {
        crate::platform::storage::save(LANG_KEY, other().code());
    };
    view! {
        <a
            class="lang-switch"
            href=href
            hreflang=move || other().code()
            lang=move || other().code()
            data-noscroll="true"
            title=move || crate::domain::Msg::SwitchLanguageHint.get(route.lang.get())
            on:click=remember
        >
            {move || other().native_name()}
        </a>
    }
}
