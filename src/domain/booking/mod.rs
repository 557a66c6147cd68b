//! Stand booking: the event's terms, the floor plan, the quote and the
//! request. Pure rules, tested natively.

pub mod delivery;
pub mod drawing;
pub mod event;
pub mod money;
pub mod plan;
pub mod quote;
pub mod request;
pub mod viewport;
