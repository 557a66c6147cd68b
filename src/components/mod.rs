//! Reusable pieces of the interface.

mod article_card;
mod error_view;
pub mod floor_plan;
mod footer;
mod header;
mod heading;
mod local_date;
mod quote_view;
mod sponsor_groups;
mod stand_table;

pub use article_card::ArticleCard;
pub use error_view::{loaded, ErrorView, Loading};
pub use floor_plan::{FloorPlan, PlanLegend};
pub use footer::Footer;
pub use header::Header;
pub use heading::Heading;
pub use local_date::LocalDate;
pub use quote_view::QuoteView;
pub use sponsor_groups::SponsorGroups;
pub use stand_table::StandTable;

/// Moves keyboard focus to the element with this id, if the page has it:
/// where the visitor's attention should go after an action removed or
/// replaced what they were on.
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = leptos::prelude::document().get_element_by_id(id) {
        // Unchecked: a stand of the plan is an SVG element, no HTMLElement,
        // and has `focus()` all the same (both share HTMLOrSVGElement).
        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}
