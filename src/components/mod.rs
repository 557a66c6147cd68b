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
