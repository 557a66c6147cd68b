use crate::components::{loaded, SponsorGroups};
use crate::domain::Msg;
use crate::state::{tr, use_data, use_head};
use leptos::prelude::*;

/// Sponsors, partners, organiser and memberships.
#[component]
pub fn SponsorsPage() -> impl IntoView {
    use_head(|l| Some(Msg::Sponsors.get(l).to_string()));
    view! {
        <div class="section">
            <h1>{tr(Msg::ThanksSponsors)}</h1>
            {loaded(use_data().sponsors(), |s| view! { <SponsorGroups sponsors=s top_level=true/> })}
        </div>
    }
}
