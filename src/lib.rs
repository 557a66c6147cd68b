//! The expo site: a bilingual Leptos app. The domain is pure Rust; the
//! interface builds for the browser and natively, where the build-time
//! renderer writes every page from the same components.

pub mod domain;

// Natively, data comes from the build, never from the network.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod api;
mod app;
mod components;
mod offline;
mod pages;
pub mod platform;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
mod state;

pub use app::{App, Entry, BOOK, SITE};

/// Starts one entry of the app in the browser: the page arrives rendered at
/// build time, and the app replaces it with the same markup in one step
/// (its data is in the page), so nothing flashes.
#[cfg(target_arch = "wasm32")]
pub fn start(entry: Entry) {
    use leptos::prelude::document;
    console_error_panic_hook::set_once();
    platform::resume_hand_over();
    let typed = platform::typed();
    if let Some(body) = document().body() {
        body.set_text_content(None);
    }
    leptos::mount::mount_to_body(move || leptos::prelude::view! { <App entry/> });
    platform::restore_typed(typed);
    // For tools and tests: from here on the page is the app's.
    if let Some(html) = document().document_element() {
        // It started after all (a script of the page failed, not its own).
        let _ = html.class_list().remove_2("opening-request", "app-failed");
        let _ = html.set_attribute("data-app", "ready");
    }
}
