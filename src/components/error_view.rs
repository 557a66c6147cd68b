use crate::api::ApiError;
use crate::domain::Msg;
use crate::state::{tr, DataFile};
use leptos::prelude::*;
use std::rc::Rc;

/// A failed load, explained in the visitor's language, with a retry.
#[component]
pub fn ErrorView(error: ApiError, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    let (msg, details) = match &error {
        ApiError::Network => (Msg::ErrNetwork, None),
        ApiError::Timeout => (Msg::ErrTimeout, None),
        ApiError::NotFound => (Msg::ErrNotFound, None),
        ApiError::Status(code) => (Msg::ErrStatus, Some(format!("HTTP {code}"))),
        ApiError::BadData(why) => (Msg::ErrBadData, Some(why.clone())),
    };
    // Offline, "could not reach the site" means this page was never saved on
    // this device: say that, in the visitor's language, instead.
    let online = crate::offline::use_online();
    let network = matches!(error, ApiError::Network);
    let msg = move || {
        if network && !online.get() {
            Msg::OfflineNotSaved
        } else {
            msg
        }
    };
    // That message promises the page when the network returns: it is
    // fetched again then, without a tap; and, as a network comes back in
    // steps, again a few seconds after each failure for half a minute.
    Effect::new(move |was_online: Option<bool>| {
        let now = online.get();
        if network && was_online == Some(false) && now {
            untrack(|| retry.run(()));
        }
        now
    });
    if network && crate::offline::just_back_online() {
        let again = set_timeout_with_handle(
            move || untrack(|| retry.run(())),
            std::time::Duration::from_secs(3),
        );
        on_cleanup(move || {
            if let Ok(again) = again {
                again.clear();
            }
        });
    }
    view! {
        <div class="error-view" role="alert">
            <p class="error-view__message">{move || tr(msg())()}</p>
            {details.map(|d| view! { <p class="error-view__details" dir="ltr" lang="en"><code>{d}</code></p> })}
            <button type="button" class="button" on:click=move |_| retry.run(())>{tr(Msg::Retry)}</button>
        </div>
    }
}

/// The placeholder shown while data is on its way.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status" aria-live="polite">{tr(Msg::Loading)}</p> }
}

/// Renders a data file: loading, a translated error with retry, or the content.
pub fn loaded<T, V>(
    file: DataFile<T>,
    render: impl Fn(Rc<T>) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: 'static,
    V: IntoView + 'static,
{
    move || match file.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <ErrorView error retry=move |_| file.refetch()/> }.into_any(),
        Some(Ok(value)) => render(value).into_any(),
    }
}
