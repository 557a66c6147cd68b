//! One route view per file.

mod article;
mod book;
mod home;
mod news;
mod not_found;
mod sponsors;

pub use article::ArticlePage;
pub use book::BookPage;
pub use home::HomePage;
pub use news::NewsPage;
pub use not_found::NotFoundPage;
pub use sponsors::SponsorsPage;
