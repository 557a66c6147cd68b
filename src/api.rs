//! The only place that talks to the network: fetches the data files the
//! organiser publishes and turns every failure into an [`ApiError`].

use crate::domain::article::{body_path, parse_body, Block};
use crate::domain::booking::delivery::{SendFailure, SEND_TIMEOUT_MS};
use crate::domain::booking::request::StandRequest;
use crate::domain::data::{self, DataFile as DataKind};
use crate::domain::Lang;
use gloo_net::http::{Request, Response};
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A data file is given up after this long, headers and body together, so
/// the visitor gets a message and a retry button instead of an endless
/// spinner (a body that stalls after its headers counts too).
const READ_TIMEOUT_MS: u32 = 15_000;

/// Why a data file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, DNS, CORS.
    Network,
    /// No complete answer in time.
    Timeout,
    NotFound,
    Status(u16),
    /// The file arrived but is not what the site expects; the text says
    /// which file and where, for the organiser.
    BadData(String),
}

/// An abort signal that fires after `ms`, or when the reactive owner that
/// made it goes away (the visitor left the page). Dropping the deadline
/// clears its timer.
struct Deadline {
    controller: Option<web_sys::AbortController>,
    timer: Option<i32>,
    expired: Rc<Cell<bool>>,
    // Kept, so it is freed with the deadline (a closure handed to JS for
    // good would leak on every request that ends in time).
    _on_time: Option<Closure<dyn FnMut()>>,
}

impl Deadline {
    fn new(ms: u32) -> Deadline {
        let controller = web_sys::AbortController::new().ok();
        let expired = Rc::new(Cell::new(false));
        let on_time = controller.as_ref().map(|c| {
            let c = c.clone();
            let flag = expired.clone();
            Closure::once(move || {
                flag.set(true);
                c.abort();
            })
        });
        let timer = on_time.as_ref().and_then(|cb| {
            web_sys::window()?
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    cb.as_ref().unchecked_ref(),
                    ms as i32,
                )
                .ok()
        });
        let on_leave = SendWrapper::new(controller.clone());
        on_cleanup(move || {
            if let Some(c) = on_leave.take() {
                c.abort();
            }
        });
        Deadline {
            controller,
            timer,
            expired,
            _on_time: on_time,
        }
    }

    fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.controller.as_ref().map(|c| c.signal())
    }

    /// What a failed read or send means: our own deadline, or the network.
    fn failure(&self) -> ApiError {
        if self.expired.get() {
            ApiError::Timeout
        } else {
            ApiError::Network
        }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some(id), Some(w)) = (self.timer, web_sys::window()) {
            w.clear_timeout_with_handle(id);
        }
    }
}

/// Whether an answer is an HTML page (an SPA fallback rule answers a
/// missing file with index.html and 200).
fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.starts_with("text/html"))
}

/// Fetches `path` (relative to the site's base URL, so sub-path hosting works)
/// and reads its whole text within one deadline.
async fn get_text(path: &str) -> Result<String, ApiError> {
    let deadline = Deadline::new(READ_TIMEOUT_MS);
    let response = Request::get(path)
        .abort_signal(deadline.signal().as_ref())
        .send()
        .await
        .map_err(|_| deadline.failure())?;
    match response.status() {
        200..=299 if is_html(&response) => return Err(ApiError::NotFound),
        200..=299 => {}
        404 => return Err(ApiError::NotFound),
        other => return Err(ApiError::Status(other)),
    }
    response.text().await.map_err(|_| deadline.failure())
}

/// A data file's content, type-erased so that every file shares one
/// resource type (see `state::DataFile`).
pub type Parsed = Result<Rc<dyn Any>, ApiError>;

/// Parses and checks a data file's text (see `domain::data`).
pub fn parse<T: DataKind>(text: &str) -> Result<Rc<dyn Any>, String> {
    data::parse::<T>(text).map(|value| Rc::new(value) as Rc<dyn Any>)
}

/// A data file's text: the copy the prerendered page carries when it has
/// one (the first read only), else fetched. At build time every file is at
/// hand, and one that is not is missing.
pub async fn read_text(path: &str) -> Result<String, ApiError> {
    if let Some(text) = crate::platform::preloaded(path) {
        return Ok(text);
    }
    #[cfg(target_arch = "wasm32")]
    return get_text(path).await;
    #[cfg(not(target_arch = "wasm32"))]
    Err(ApiError::NotFound)
}

pub async fn article_body(slug: &str, lang: Lang) -> Result<Vec<Block>, ApiError> {
    Ok(parse_body(&read_text(&body_path(slug, lang)).await?))
}

/// Sends a request to the organiser's endpoint (set in event.json) as JSON.
/// Its reference is also an `Idempotency-Key` header, so an endpoint can
/// drop a repeat. Only a 2xx answer in JSON counts as received: an HTML page
/// with 200 is a captive portal or a wrong address, not the organiser.
/// (With a service worker in control, the worker sends it by the same
/// rule: see `BookingCtx::send`.)
pub async fn post_request(endpoint: &str, request: &StandRequest) -> Result<(), SendFailure> {
    let deadline = Deadline::new(SEND_TIMEOUT_MS);
    let timeout_or_network = |d: &Deadline| match d.failure() {
        ApiError::Timeout => SendFailure::Timeout,
        _ => SendFailure::Network,
    };
    let response = Request::post(endpoint)
        .header("Idempotency-Key", &request.reference)
        .abort_signal(deadline.signal().as_ref())
        .json(request)
        .map_err(|_| SendFailure::Refused)?
        .send()
        .await
        .map_err(|_| timeout_or_network(&deadline))?;
    let json = response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.contains("json"));
    if !(200..=299).contains(&response.status()) || !json {
        return Err(SendFailure::Refused);
    }
    // The answer is read in full, so a stalled one times out too.
    response
        .text()
        .await
        .map(|_| ())
        .map_err(|_| timeout_or_network(&deadline))
}
