use leptos::prelude::*;

/// A heading whose level depends on where its component is placed, so every
/// page keeps a heading order without gaps.
#[component]
pub fn Heading(
    level: u8,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    match level {
        2 => view! { <h2 class=class>{children()}</h2> }.into_any(),
        _ => view! { <h3 class=class>{children()}</h3> }.into_any(),
    }
}
