use crate::domain::Msg;
use crate::state::{use_data, use_lang, use_t};
use leptos::prelude::*;

/// Site footer: organiser, contact and copyright.
#[component]
pub fn Footer() -> impl IntoView {
    let lang = use_lang();
    let t = use_t();
    let site = use_data().site();
    let details = move || {
        site.get().and_then(Result::ok).map(|s| {
            let l = lang.get();
            let mail = format!("mailto:{}", s.contact_email);
            view! {
                <p class="site-footer__name">{s.name.show_or_empty(l).text.to_string()}</p>
                <p><a href=mail>{t(Msg::ContactUs)}</a>" · "<bdi>{s.contact_email.clone()}</bdi></p>
                <p class="site-footer__rights">"© " <bdi>{s.organiser.show_or_empty(l).text.to_string()}</bdi> ". " {t(Msg::FooterRights)}</p>
            }
        })
    };
    view! { <footer class="site-footer"><div class="site-footer__inner">{details}</div></footer> }
}
