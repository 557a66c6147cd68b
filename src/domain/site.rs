//! The site's identity, from `public/data/site.json`.

use super::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub name: Text,
    pub tagline: Text,
    /// Used for `<meta name="description">`.
    pub description: Text,
    pub organiser: Text,
    pub contact_email: String,
}
