//! Reusable pieces of the interface.

mod article_card;
mod error_view;
mod footer;
mod header;
mod heading;
mod local_date;
mod sponsor_groups;

pub use article_card::ArticleCard;
pub use error_view::{loaded, ErrorView, Loading};
pub use footer::Footer;
pub use header::Header;
pub use heading::Heading;
pub use local_date::LocalDate;
pub use sponsor_groups::SponsorGroups;
