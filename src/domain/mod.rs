//! Pure rules and data of the site. Nothing here touches the browser, so
//! `cargo test` checks it natively.

pub mod article;
pub mod booking;
pub mod data;
pub mod date;
pub mod lang;
pub mod messages;
pub mod route;
pub mod site;
pub mod sponsor;
pub mod text;

pub use lang::{Dir, Lang};
pub use messages::Msg;
pub use text::Text;
