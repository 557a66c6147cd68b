//! The expo site: a bilingual Leptos app. The domain is pure Rust; the
//! interface builds for the browser and natively, where the build-time
//! renderer writes every page from the same components.

pub mod domain;

// Natively, data comes from the build, never from the network.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod api;
mod app;
mod components;
mod offline;
mod pages;
pub mod platform;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
mod state;

pub use app::App;
