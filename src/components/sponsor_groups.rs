use crate::components::Heading;
use crate::domain::sponsor::{Sponsor, Sponsors};
use crate::domain::Msg;
use crate::state::{tr, tr_text};
use leptos::prelude::*;
use std::rc::Rc;

/// Sponsors and partners by role; roles with nobody in them are left out,
/// and an empty list says the announcement is still to come.
#[component]
pub fn SponsorGroups(
    sponsors: Rc<Sponsors>,
    /// Whether the groups sit directly under the page's `h1`.
    #[prop(optional)]
    top_level: bool,
) -> impl IntoView {
    let soon = sponsors.has_unannounced_roles();
    let groups = sponsors
        .groups
        .iter()
        .filter(|g| !g.entries.is_empty())
        .map(|g| {
            let title = g.title.clone();
            let entries = g
                .entries
                .iter()
                .cloned()
                .map(|s| view! { <li class="sponsor-groups__item"><SponsorLogo sponsor=s/></li> })
                .collect_view();
            view! {
                <section class="sponsor-groups__group">
                    <Heading level=if top_level { 2 } else { 3 } class="sponsor-groups__title">
                        {tr_text(title)}
                    </Heading>
                    <ul class="sponsor-groups__list">{entries}</ul>
                </section>
            }
        });
    view! {
        <div class="sponsor-groups">
            {soon.then(|| view! { <p class="sponsor-groups__soon">{tr(Msg::SponsorsSoon)}</p> })}
            {groups.collect_view()}
        </div>
    }
}

/// A logo whose text alternative is the organisation's name; a link when the
/// data gives one.
#[component]
fn SponsorLogo(sponsor: Sponsor) -> impl IntoView {
    let name = sponsor.name.clone();
    let alt = tr_text(name);
    let img = view! { <img class="sponsor-groups__logo" src=sponsor.logo.clone() alt=alt width="200" height="64" loading="lazy"/> };
    match sponsor.url {
        Some(url) => view! {
            <a class="sponsor-groups__link" href=url target="_blank" rel="noopener noreferrer external" title=tr(Msg::VisitWebsite)>{img}</a>
        }
        .into_any(),
        None => img.into_any(),
    }
}
