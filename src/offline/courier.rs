//! The page's side of the service worker's courier: hands it a stand
//! request and reads its answer (`scripts/sw/service-worker.js` keeps the
//! request in IndexedDB and posts it, with or without a page open).

use super::browser::{self, ask_worker, field, message, Answer};
use crate::domain::booking::delivery::{Attempt, SendFailure, ABANDONED_AFTER_MS, SEND_TIMEOUT_MS};
use crate::domain::booking::request::StandRequest;

thread_local! {
    /// The requests whose answer this page showed where the visitor pressed
    /// Send: the worker's news of them is not said again here.
    static ANSWERED_HERE: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How long a page waits for the worker to say it is a courier (it answers
/// at once; a worker that was asleep takes a moment to start).
const HELLO_WAIT_MS: u32 = 3_000;

/// What the worker says of a request it sent (or could not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    Received,
    Refused,
    Timeout,
    Network,
    /// A worker of another release is sending it: it waits.
    Busy,
    /// The worker cannot keep requests (no IndexedDB) and posted nothing:
    /// the page sends.
    Unavailable,
}

impl Outcome {
    /// The worker's word for it (scripts/sw/service-worker.js). A word it
    /// does not know means waiting: only "unavailable" (nothing was posted)
    /// lets the page post it.
    pub(super) fn read(word: Option<String>) -> Outcome {
        match word.as_deref() {
            Some("received") => Outcome::Received,
            Some("refused") => Outcome::Refused,
            Some("timeout") => Outcome::Timeout,
            Some("unavailable") => Outcome::Unavailable,
            Some("busy") => Outcome::Busy,
            _ => Outcome::Network,
        }
    }

    /// The send's result as the booking records it; None: send it from the page.
    fn result(self) -> Option<Result<(), SendFailure>> {
        match self {
            Outcome::Received => Some(Ok(())),
            Outcome::Refused => Some(Err(SendFailure::Refused)),
            Outcome::Timeout => Some(Err(SendFailure::Timeout)),
            Outcome::Network | Outcome::Busy => Some(Err(SendFailure::Network)),
            Outcome::Unavailable => None,
        }
    }
}

/// Hands a request to the service worker's courier, which keeps it until
/// the organiser's system has it, and waits for the outcome of its first
/// try. None when no worker controls the page (or it cannot keep requests):
/// the page then posts it itself (`api::post_request`).
pub async fn hand_to_worker(
    endpoint: &str,
    request: &StandRequest,
    attempt: Attempt,
) -> Option<Result<(), SendFailure>> {
    match ask_worker(&message("HELLO", &[]), HELLO_WAIT_MS).await {
        Answer::NoWorker => return None,
        // A worker of an older release (it has no courier, until the
        // visitor accepts the new one) or one slow to wake: the request
        // waits, kept here, rather than being posted beside a courier that
        // may hold it too.
        Answer::Silent => return Some(Err(SendFailure::Network)),
        Answer::Said(_) => {}
    }
    // Resolved as the page's own fetch would resolve it.
    let page = web_sys::window()?.location().href().ok()?;
    let endpoint = web_sys::Url::new_with_base(endpoint, &page).ok()?.href();
    let send = message(
        "SEND",
        &[
            ("reference", request.reference.as_str().into()),
            ("endpoint", endpoint.into()),
            ("body", serde_json::to_string(request).ok()?.into()),
            ("timeoutMs", SEND_TIMEOUT_MS.into()),
            ("abandonedMs", ABANDONED_AFTER_MS.into()),
            // Send it again even if it was refused (see `Attempt`).
            ("again", (attempt == Attempt::Asked).into()),
        ],
    );
    // Within the time after which another tab takes this send for abandoned.
    let outcome = match ask_worker(&send, ABANDONED_AFTER_MS - HELLO_WAIT_MS - 1_000).await {
        Answer::NoWorker => return None,
        // The worker may still be sending it: it is kept, and told later.
        Answer::Silent => return Some(Err(SendFailure::Timeout)),
        Answer::Said(reply) => Outcome::read(field(&reply, "outcome")),
    };
    // The visitor pressed Send and reads the answer on the request's page:
    // no news of it for the next page. (A page that closed before the
    // answer says nothing, and the next page tells.)
    if attempt == Attempt::Asked && matches!(outcome, Outcome::Received | Outcome::Refused) {
        ANSWERED_HERE.with(|here| here.borrow_mut().push(request.reference.clone()));
        browser::told(std::slice::from_ref(&request.reference));
    }
    outcome.result()
}

/// Whether the visitor read this request's answer where they pressed Send
/// (so the worker's news of it is not said again on this page).
pub(super) fn answered_here(reference: &str) -> bool {
    ANSWERED_HERE.with(|here| here.borrow().iter().any(|r| r == reference))
}
