use crate::components::{loaded, SponsorGroups};
use crate::domain::Msg;
use crate::state::{use_data, use_head, use_t};
use leptos::prelude::*;

/// Sponsors, partners, organiser and memberships.
#[component]
pub fn SponsorsPage() -> impl IntoView {
    use_head(|l| Some(Msg::Sponsors.get(l).to_string()));
    let t = use_t();
    view! {
        <div class="section">
            <h1>{move || t(Msg::ThanksSponsors)}</h1>
            {loaded(use_data().sponsors, |s| view! { <SponsorGroups sponsors=s top_level=true/> })}
        </div>
    }
}
