//! Entry point: panic hook and mount, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The page arrives rendered at build time; the app replaces it with the
    // same markup in one step (its data is in the page), so nothing flashes.
    if let Some(body) = leptos::prelude::document().body() {
        body.set_text_content(None);
    }
    leptos::mount::mount_to_body(expo_site::App);
    // For tools and tests: from here on the page is the app's.
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = html.set_attribute("data-app", "ready");
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app: build it with `./scripts/build.sh` (see README).");
}
