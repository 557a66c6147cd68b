use crate::components::{Footer, Header};
use crate::domain::route::{Page, Route};
use crate::domain::Msg;
use crate::pages::{self, NotFoundPage};
use crate::state::{
    base_path, provide_booking, provide_data, provide_route, remembered_lang, tr, use_go, use_lang,
    use_route,
};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use wasm_bindgen::JsCast;

/// One of the site's two Wasm entries: the pages everyone reads, and the
/// stand booking, which most visitors never open and so never download.
/// Each draws only its own pages and reaches them through a function
/// pointer, so the linker leaves the other entry's pages out of its Wasm.
/// A page of the other entry is opened with a full load of its own file.
#[derive(Clone, Copy)]
pub struct Entry {
    book: bool,
    /// The page for a route (`localised`: the URL has a language), if it
    /// is this entry's.
    draw: fn(bool, &Page) -> Option<AnyView>,
    /// What this entry's pages share beyond the route and the data.
    provide: fn(),
    /// What this entry adds to every page, beside the page itself.
    extra: fn() -> AnyView,
}

/// News, articles, sponsors, the home page and the bare root.
pub const SITE: Entry = Entry {
    book: false,
    draw: pages::site,
    provide: || {},
    extra: || ().into_any(),
};

/// The booking steps, the request pages and the not-found page: a host
/// answers every address without a file (such as a stand request kept in
/// the browser, `/en/book/request/<reference>`) with `404.html`.
pub const BOOK: Entry = Entry {
    book: true,
    draw: pages::book,
    provide: provide_booking,
    extra: || view! { <crate::offline::SendQueue/> }.into_any(),
};

impl Entry {
    /// Whether this is the booking entry.
    pub fn is_book(self) -> bool {
        self.book
    }

    /// The entry a page's file loads, and the 404 page's (see [`BOOK`]).
    pub fn for_page(page: &Page) -> Entry {
        if matches!(page, Page::Book(_) | Page::NotFound) {
            BOOK
        } else {
            SITE
        }
    }
}

/// The whole site, as one of its entries draws it.
#[component]
pub fn App(entry: Entry) -> impl IntoView {
    view! { <Router base=base_path()><Shell entry/></Router> }
}

/// Header, the current page and footer.
#[component]
fn Shell(entry: Entry) -> impl IntoView {
    provide_route();
    provide_data();
    (entry.provide)();
    // A link to the other entry's page is followed by the browser itself:
    // this page stays in view until that one arrives.
    let base = base_path();
    crate::platform::leave_links_to_browser(move |pathname| {
        let app_path = pathname.strip_prefix(base.as_str()).unwrap_or(pathname);
        Entry::for_page(&Route::parse(app_path).page).book != entry.book
    });
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

    // The prerendered tags describe the first page only (see the function).
    Effect::new(move |_| crate::platform::forget_first_page_tags(&route.path.get()));

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
            let query = query_and_fragment(&location.search.get(), &location.hash.get());
            go(&format!("{canonical}{query}"), true);
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
        {(entry.extra)()}
        // One catch-all route: `<Routes>` commits each navigation to the
        // address bar, and the page itself comes from the domain's own URL
        // parser, so the routing rules are unit-tested and an unknown
        // language prefix is a plain not-found page.
        <main id="main" class="site-main" tabindex="-1">
            <Routes fallback=|| view! { <NotFoundPage/> }>
                <Route path=path!("/*any") view=move || view! { <PageView entry/> }/>
            </Routes>
        </main>
        <Footer/>
    }
}

/// The page for the current URL, or, for a page of the other entry, the
/// hand-over to its file.
#[component]
fn PageView(entry: Entry) -> impl IntoView {
    let route = use_route();
    // Language and page: a language switch redraws nothing here.
    let page = Memo::new(move |_| {
        let r = route.route.get();
        (r.lang.is_some(), r.page)
    });
    move || {
        let (localised, p) = page.get();
        match (entry.draw)(localised, &p) {
            Some(view) => {
                crate::platform::handed_over();
                view
            }
            None => view! { <HandOver/> }.into_any(),
        }
    }
}

/// A page the other entry draws: its file is loaded in place of this one.
/// If the host answers with this entry again, the page is not to be had
/// here, and the visitor is told so rather than sent round in a loop.
#[component]
fn HandOver() -> impl IntoView {
    let route = use_route();
    let location = use_location();
    let href = format!(
        "{}{}",
        route.href(&route.path.get_untracked()),
        query_and_fragment(
            &location.search.get_untracked(),
            &location.hash.get_untracked()
        )
    );
    let r = route.route.get_untracked();
    // The route's language, or the remembered one for an address without it.
    let file = route.href(&format!("/{}", r.page.file(route.lang.get_untracked())));
    if crate::platform::hand_over(&href, &file) {
        ().into_any()
    } else {
        // Every article has its file: one the host does not have is unknown.
        match r.page {
            Page::Article(_) => view! { <NotFoundPage message=Msg::ArticleNotFound/> }.into_any(),
            _ => view! { <NotFoundPage/> }.into_any(),
        }
    }
}

/// `?query#fragment` as the address bar has them (the router's search has
/// no `?`; its hash keeps its `#`).
fn query_and_fragment(search: &str, hash: &str) -> String {
    if search.is_empty() {
        hash.to_string()
    } else {
        format!("?{search}{hash}")
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
