//! The life of a stand request after it is made: sent to the organiser's
//! endpoint at most once at a time, and never again once received. Every tab
//! of the site shares this state through storage, so the rules here are what
//! keeps one request from being delivered twice.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How long a send may take before it is given up (headers and answer).
pub const SEND_TIMEOUT_MS: u32 = 20_000;

/// Where a request stands with the organiser's endpoint.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Made and kept in the browser; not sent online yet.
    #[default]
    Made,
    /// A tab started sending it at this time (milliseconds since 1970).
    Sending { since_ms: u64 },
    /// The endpoint answered that it has it. Final.
    Received,
    /// The last attempt failed; it can be tried again.
    Failed(SendFailure),
}

/// Why a send did not reach the organiser, for a message that says what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SendFailure {
    /// No answer at all: offline, or the address cannot be reached.
    Network,
    /// No answer within [`SEND_TIMEOUT_MS`].
    Timeout,
    /// An answer that is not the organiser's system saying yes: an error
    /// status, or a success page that is not JSON (a captive portal, a wrong
    /// address behind a static host's fallback).
    Refused,
}

impl Delivery {
    /// Whether a tab may send the request now. A send that a closed tab left
    /// unfinished counts as abandoned once it is older than the timeout; the
    /// reference travels as an idempotency key, so the endpoint can tell a
    /// repeat from a new request.
    pub fn can_send(self, now_ms: u64) -> bool {
        match self {
            Delivery::Made | Delivery::Failed(_) => true,
            Delivery::Sending { since_ms } => {
                now_ms.saturating_sub(since_ms) > u64::from(SEND_TIMEOUT_MS) + 5_000
            }
            Delivery::Received => false,
        }
    }

    /// How far along the request is; when two tabs disagree, the further one wins.
    fn rank(self) -> u8 {
        match self {
            Delivery::Made => 0,
            Delivery::Failed(_) => 1,
            Delivery::Sending { .. } => 2,
            Delivery::Received => 3,
        }
    }

    /// The state that two tabs' views of one request come to.
    pub fn merge(self, other: Delivery) -> Delivery {
        match (self, other) {
            (Delivery::Sending { since_ms: a }, Delivery::Sending { since_ms: b }) => {
                Delivery::Sending { since_ms: a.max(b) }
            }
            _ if other.rank() > self.rank() => other,
            _ => self,
        }
    }
}

/// The delivery state of every request made in this browser, by reference.
pub type Deliveries = BTreeMap<String, Delivery>;

/// Folds what another tab stored into this tab's view: nothing known here is
/// forgotten, and a request received anywhere is received everywhere.
pub fn merge_deliveries(mine: &mut Deliveries, theirs: &Deliveries) {
    for (reference, d) in theirs {
        let merged = mine.get(reference).map_or(*d, |m| m.merge(*d));
        mine.insert(reference.clone(), merged);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_received_request_is_never_sent_again() {
        assert!(!Delivery::Received.can_send(u64::MAX));
        assert!(Delivery::Made.can_send(0));
        assert!(Delivery::Failed(SendFailure::Timeout).can_send(0));
    }

    #[test]
    fn a_send_in_progress_blocks_others_until_it_is_abandoned() {
        let sending = Delivery::Sending { since_ms: 1_000 };
        assert!(!sending.can_send(1_000));
        assert!(!sending.can_send(1_000 + u64::from(SEND_TIMEOUT_MS)));
        assert!(sending.can_send(1_000 + u64::from(SEND_TIMEOUT_MS) + 5_001));
        // A clock that went backwards does not unlock it.
        assert!(!sending.can_send(0));
    }

    #[test]
    fn tabs_agree_on_the_furthest_state() {
        let failed = Delivery::Failed(SendFailure::Network);
        let sending = Delivery::Sending { since_ms: 5 };
        for (a, b, want) in [
            (Delivery::Made, Delivery::Received, Delivery::Received),
            (Delivery::Received, failed, Delivery::Received),
            (failed, sending, sending),
            (Delivery::Made, failed, failed),
            (
                sending,
                Delivery::Sending { since_ms: 9 },
                Delivery::Sending { since_ms: 9 },
            ),
        ] {
            assert_eq!(a.merge(b), want, "{a:?} + {b:?}");
            assert_eq!(b.merge(a), want, "{b:?} + {a:?}");
        }
    }

    #[test]
    fn merging_keeps_every_request() {
        let mut mine = Deliveries::from([
            ("A".to_string(), Delivery::Made),
            ("B".to_string(), Delivery::Received),
        ]);
        let theirs = Deliveries::from([
            ("A".to_string(), Delivery::Received),
            ("B".to_string(), Delivery::Made),
            ("C".to_string(), Delivery::Made),
        ]);
        merge_deliveries(&mut mine, &theirs);
        assert_eq!(mine["A"], Delivery::Received);
        assert_eq!(mine["B"], Delivery::Received);
        assert_eq!(mine["C"], Delivery::Made);
    }
}
