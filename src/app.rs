use crate::components::{Footer, Header};
use crate::domain::route::Page;
use crate::domain::{Lang, Msg};
use crate::pages::{ArticlePage, BookPage, HomePage, NewsPage, NotFoundPage, SponsorsPage};
use crate::state::{
    base_path, provide_booking, provide_data, provide_route, remembered_lang, tr, use_go, use_lang,
    use_route,
};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use wasm_bindgen::JsCast;

/// The whole site.
#[component]
pub fn App() -> impl IntoView {
    view! { <Router base=base_path()><Shell/></Router> }
}

/// Header, the current page and footer.
#[component]
fn Shell() -> impl IntoView {
    provide_route();
    provide_data();
    provide_booking();
    let route = use_route();
    let lang = use_lang();

    Effect::new(move |_| {
        let l = lang.get();
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", l.code());
            let _ = html.set_attribute("dir", l.dir().as_str());
        }
    });

    // `/` sends the visitor to their language, and another spelling of a
    // page's address (`/EN/News`, `/ar`, `/en/index.html`) is corrected to
    // its own, both replacing the history entry so Back does not bounce.
    let go = use_go();
    let location = use_location();
    Effect::new(move |_| {
        let r = route.route.get();
        let path = route.path.get();
        if r.lang.is_none() && r.page == Page::Home {
            go(&Page::Home.path(remembered_lang()), true);
        } else if let Some(canonical) = r.canonical_path(&path) {
            // A shared link's query (utm_source=…) and fragment stay.
            let (search, hash) = (location.search.get(), location.hash.get());
            let query = if search.is_empty() {
                String::new()
            } else {
                format!("?{search}")
            };
            go(&format!("{canonical}{query}{hash}"), true);
        }
    });

    // After moving to another page in the app, focus goes to its heading,
    // so a keyboard or screen-reader user starts there (announced), not on
    // <body>. Switching language is not a move: focus stays on the switch.
    let page = Memo::new(move |_| route.route.get().page);
    Effect::new(move |was: Option<()>| {
        // Read, not only tracked: a memo no one reads is never computed.
        page.with(|_| ());
        if was.is_some() {
            focus_heading();
        }
    });

    view! {
        // The page's own address with #main: a bare "#main" resolves
        // against <base href> and would leave for the home page.
        <a class="skip-link" href=move || format!("{}#main", route.href(&route.path.get())) on:click=skip_to_main>
            {tr(Msg::SkipToContent)}
        </a>
        <Header/>
        <crate::offline::OfflineStatus/>
        // One catch-all route: `<Routes>` commits each navigation to the
        // address bar, and the page itself comes from the domain's own URL
        // parser, so the routing rules are unit-tested and an unknown
        // language prefix is a plain not-found page.
        <main id="main" class="site-main" tabindex="-1">
            <Routes fallback=|| view! { <NotFoundPage/> }>
                <Route path=path!("/*any") view=PageView/>
            </Routes>
        </main>
        <Footer/>
    }
}

/// The page for the current URL.
#[component]
fn PageView() -> impl IntoView {
    let route = use_route();
    let page = Memo::new(move |_| {
        let r = route.route.get();
        (r.lang.is_some(), r.page)
    });
    move || match page.get() {
        (false, Page::Home) => view! { <LanguageChoice/> }.into_any(),
        (false, _) | (_, Page::NotFound) => view! { <NotFoundPage/> }.into_any(),
        (true, Page::Home) => view! { <HomePage/> }.into_any(),
        (true, Page::News) => view! { <NewsPage/> }.into_any(),
        (true, Page::Article(slug)) => view! { <ArticlePage slug/> }.into_any(),
        (true, Page::Sponsors) => view! { <SponsorsPage/> }.into_any(),
        (true, Page::Book(step)) => view! { <BookPage step/> }.into_any(),
    }
}

/// The bare root: the app sends the visitor on at once (see `Shell`); a
/// page read without script offers both languages.
#[component]
fn LanguageChoice() -> impl IntoView {
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

/// Moves focus to `<main>`, staying on the page (see the skip link).
fn skip_to_main(ev: web_sys::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        let _ = main.unchecked_ref::<web_sys::HtmlElement>().focus();
        main.scroll_into_view();
    }
}

/// Focuses the new page's first heading once it is drawn (or `<main>` if
/// none comes within a few frames, while its content is on its way),
/// without scrolling. The page is replaced before the next frame, so any
/// heading found then is the new page's. Focus the visitor has already
/// moved on their own (a quick Tab into a field) is never taken back.
fn focus_heading() {
    fn moved_on(left: &Option<web_sys::Element>) -> bool {
        document().active_element().is_some_and(|now| {
            now.is_connected()
                && Some(&now) != left.as_ref()
                && !matches!(now.tag_name().as_str(), "BODY" | "MAIN")
        })
    }
    fn attempt(left: Option<web_sys::Element>, frames_left: u32) {
        request_animation_frame(move || {
            if moved_on(&left) {
                return;
            }
            let target = match document().query_selector("main h1").ok().flatten() {
                Some(h) => Some(h),
                None if frames_left > 0 => return attempt(left, frames_left - 1),
                None => document().get_element_by_id("main"),
            };
            if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                if !el.has_attribute("tabindex") {
                    let _ = el.set_attribute("tabindex", "-1");
                }
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = el.focus_with_options(&options);
            }
        });
    }
    // What had focus as the move began (the link or button used), so that
    // only a later, deliberate move counts as the visitor's own.
    attempt(document().active_element(), 30);
}
