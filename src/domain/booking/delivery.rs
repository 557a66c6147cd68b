//! The life of a stand request after it is made: sent to the organiser's
//! endpoint at most once at a time, and never again once received. Every tab
//! of the site shares this state through storage, so the rules here are what
//! keeps one request from being delivered twice.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How long a send may take before it is given up (headers and answer).
pub const SEND_TIMEOUT_MS: u32 = 20_000;

/// When a send that a closed tab (or a stopped service worker) left
/// unfinished counts as abandoned: its time and a margin for the answer
/// being written down.
pub const ABANDONED_AFTER_MS: u32 = SEND_TIMEOUT_MS + 5_000;

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
                now_ms.saturating_sub(since_ms) > u64::from(ABANDONED_AFTER_MS)
            }
            Delivery::Received => false,
        }
    }
}

impl Delivery {
    /// What this browser should record of a request the service worker's
    /// courier holds in `state` ("waiting", "sending", "received",
    /// "refused"), given what it records now. None: nothing to change. The
    /// worker's word is the latest on what it sent, but never undoes a
    /// receipt, and a send it has under way is left to finish.
    pub fn from_courier(self, state: &str) -> Option<Delivery> {
        let learnt = match state {
            "received" => Delivery::Received,
            "refused" => Delivery::Failed(SendFailure::Refused),
            // Its last try found no network; it goes out when it returns.
            "waiting" => Delivery::Failed(SendFailure::Network),
            _ => return None,
        };
        (self != Delivery::Received && self != learnt).then_some(learnt)
    }
}

/// Why a request is sent now: it decides whether a refusal is sent again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// The visitor pressed Send (after a refusal too: they read why first).
    Asked,
    /// It waited for the network, which is back: only what the network did
    /// not take goes out again, never what the organiser's system refused.
    Queued,
}

/// The delivery state of every request made in this browser, by reference.
pub type Deliveries = BTreeMap<String, Delivery>;

/// Folds what storage holds into this tab's view. Storage is the latest
/// word (every tab reads it before it writes), except that a request
/// received anywhere stays received, and nothing known here is forgotten.
pub fn merge_deliveries(mine: &mut Deliveries, stored: &Deliveries) {
    for (reference, d) in stored {
        if mine.get(reference) != Some(&Delivery::Received) {
            mine.insert(reference.clone(), *d);
        }
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
        assert!(!sending.can_send(1_000 + u64::from(ABANDONED_AFTER_MS)));
        assert!(sending.can_send(1_000 + u64::from(ABANDONED_AFTER_MS) + 1));
        // A clock that went backwards does not unlock it.
        assert!(!sending.can_send(0));
    }

    #[test]
    fn what_the_courier_holds_is_learnt_but_never_undoes_a_receipt() {
        let refused = Delivery::Failed(SendFailure::Refused);
        let network = Delivery::Failed(SendFailure::Network);
        let sending = Delivery::Sending { since_ms: 5 };
        // A page closed mid-send, or a send the worker finished alone.
        assert_eq!(sending.from_courier("received"), Some(Delivery::Received));
        assert_eq!(network.from_courier("received"), Some(Delivery::Received));
        assert_eq!(Delivery::Made.from_courier("refused"), Some(refused));
        assert_eq!(sending.from_courier("waiting"), Some(network));
        // Nothing new, nothing to undo, nothing it does not know.
        assert_eq!(network.from_courier("waiting"), None);
        assert_eq!(Delivery::Received.from_courier("refused"), None);
        assert_eq!(Delivery::Received.from_courier("waiting"), None);
        assert_eq!(network.from_courier("sending"), None);
        assert_eq!(network.from_courier("lost"), None);
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
        assert_eq!(mine["B"], Delivery::Received, "received stays received");
        assert_eq!(mine["C"], Delivery::Made);
    }

    #[test]
    fn a_failure_stored_after_a_send_reaches_the_other_tabs() {
        let mut mine = Deliveries::from([("A".to_string(), Delivery::Sending { since_ms: 5 })]);
        let stored = Deliveries::from([("A".to_string(), Delivery::Failed(SendFailure::Network))]);
        merge_deliveries(&mut mine, &stored);
        assert_eq!(mine["A"], Delivery::Failed(SendFailure::Network));
    }
}
