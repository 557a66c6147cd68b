//! Component tests in headless Chromium (wasm-bindgen-test). The test
//! runner's server has no data files, which is exactly a failed fetch.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits up to five seconds for `probe` to give a value.
async fn until<T>(what: &str, probe: impl Fn() -> Option<T>) -> T {
    for _ in 0..100 {
        if let Some(value) = probe() {
            return value;
        }
        sleep(50).await;
    }
    let page = document()
        .body()
        .map(|b| b.inner_html())
        .unwrap_or_default();
    panic!("{what} never happened; the page is:\n{page}");
}

async fn find(selector: &str) -> HtmlElement {
    until(selector, || {
        document()
            .query_selector(selector)
            .unwrap()
            .and_then(|el| el.dyn_into().ok())
    })
    .await
}

fn mount() -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    let host: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    // The reading site's entry: these tests open its pages.
    leptos::mount::mount_to(host, || {
        leptos::prelude::view! { <expo_site::App entry=expo_site::SITE/> }
    })
}

#[wasm_bindgen_test]
async fn language_switch_sets_lang_and_dir_and_url() {
    let _app = mount();
    let switch = find("a.lang-switch").await;
    // `/` is sent to a language first; English unless the browser asks otherwise.
    let pathname = || web_sys::window().unwrap().location().pathname().unwrap();
    until("the redirect from /", || {
        (pathname().len() > 1).then_some(())
    })
    .await;
    let html = document().document_element().unwrap();
    let start = until("<html lang>", || html.get_attribute("lang")).await;
    assert_eq!(
        switch.text_content().unwrap(),
        if start == "en" {
            "العربية"
        } else {
            "English"
        }
    );

    switch.click();
    let now = until("the language to change", || {
        html.get_attribute("lang").filter(|l| *l != start)
    })
    .await;
    assert_eq!(
        html.get_attribute("dir").unwrap(),
        if now == "ar" { "rtl" } else { "ltr" }
    );
    let path = pathname();
    assert!(path.starts_with(&format!("/{now}/")), "{path}");
}

#[wasm_bindgen_test]
async fn a_failed_fetch_shows_the_translated_error_view() {
    use expo_site::domain::messages::Msg;
    use expo_site::domain::Lang;
    let html = document().document_element().unwrap();
    // In each language, opened at its own address: the message of the page's
    // language, never the other one. (One app per language: apps mounted
    // before in this page keep listening to clicks, so a language switch
    // here would not test one app alone.)
    for lang in Lang::ALL {
        web_sys::window()
            .unwrap()
            .history()
            .unwrap()
            .replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("/{}/", lang.code())),
            )
            .unwrap();
        let app = mount();
        let expected = Msg::ErrNotFound.get(lang);
        let text = until(expected, || {
            let alert = document().query_selector("[role=alert]").unwrap()?;
            let text = alert.text_content().unwrap_or_default();
            (html.get_attribute("lang").as_deref() == Some(lang.code()) && text.contains(expected))
                .then_some(text)
        })
        .await;
        assert!(
            !text.contains(Msg::ErrNotFound.get(lang.other())),
            "{lang:?}: {text}"
        );
        let alert = find("[role=alert]").await;
        assert!(
            alert.query_selector("button").unwrap().is_some(),
            "a retry button is offered"
        );
        drop(app);
    }
}

/// The site writes dates in pure Rust (so a page rendered without a browser
/// reads the same); this holds it to what the browser's `Intl` writes for
/// each language's locale, every month of a year.
#[wasm_bindgen_test]
fn dates_read_as_the_browser_writes_them() {
    use expo_site::domain::date::Date;
    use expo_site::domain::Lang;
    use js_sys::{Array, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;
    let options = Object::new();
    for (k, v) in [
        ("day", "numeric"),
        ("month", "long"),
        ("year", "numeric"),
        ("timeZone", "Africa/Tripoli"),
    ] {
        Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v)).unwrap();
    }
    for lang in Lang::ALL {
        let format =
            Intl::DateTimeFormat::new(&Array::of1(&lang.locale().into()), &options).format();
        for month in 1..=12 {
            let date = Date::new(2027, month, 19).unwrap();
            // Noon UTC is the same calendar day in Tripoli (UTC+2).
            let ms = js_sys::Date::utc(2027.0, f64::from(month - 1))
                + 18.0 * 86_400_000.0
                + 43_200_000.0;
            let intl = format
                .call1(&JsValue::NULL, &js_sys::Date::new(&JsValue::from_f64(ms)))
                .unwrap()
                .as_string()
                .unwrap();
            assert_eq!(date.long(lang), intl, "{lang:?} month {month}");
        }
    }
}

/// In the browser, plural forms come from `Intl.PluralRules`; they must be
/// the same as the build's (ICU4X), which the native tests hold to CLDR.
#[wasm_bindgen_test]
fn plural_forms_are_the_builds() {
    use expo_site::domain::messages::{plural, PluralCategory::*};
    use expo_site::domain::Lang;
    let ar = [0, 1, 2, 3, 11, 100, 103, 111].map(|n| plural(Lang::Ar, n));
    assert_eq!(ar, [Zero, One, Two, Few, Many, Other, Few, Many]);
    let en = [0, 1, 2, 11].map(|n| plural(Lang::En, n));
    assert_eq!(en, [Other, One, Other, Other]);
}
