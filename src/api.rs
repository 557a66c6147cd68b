//! The only place that talks to the network: fetches the data files the
//! organiser publishes and turns every failure into an [`ApiError`].

use crate::domain::article::{body_path, parse_body, Block};
use crate::domain::booking::request::StandRequest;
use crate::domain::Lang;
use gloo_net::http::{Request, Response};
use leptos::prelude::{on_cleanup, LocalResource};
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A slow data file is given up after this long, so the visitor gets a
/// message and a retry button instead of an endless spinner.
const TIMEOUT_MS: i32 = 15_000;

/// Why a data file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, DNS, CORS, or our own timeout.
    Network,
    NotFound,
    Status(u16),
    /// The file arrived but is not what the site expects; the text says
    /// which file and where, for the organiser.
    BadData(String),
}

/// Fetches `path` (relative to the site's base URL, so sub-path hosting works).
/// The request is aborted when the reactive owner that started it goes away,
/// that is when the visitor leaves the page.
async fn get(path: &str) -> Result<Response, ApiError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timed_out = Rc::new(Cell::new(false));
    let timer = controller.as_ref().and_then(|c| {
        let c = c.clone();
        let flag = timed_out.clone();
        let cb = Closure::once_into_js(move || {
            flag.set(true);
            c.abort();
        });
        web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), TIMEOUT_MS)
            .ok()
    });
    let on_leave = SendWrapper::new(controller);
    on_cleanup(move || {
        if let Some(c) = on_leave.take() {
            c.abort();
        }
    });
    let result = Request::get(path)
        .abort_signal(signal.as_ref())
        .send()
        .await;
    if let (Some(id), Some(w)) = (timer, web_sys::window()) {
        w.clear_timeout_with_handle(id);
    }
    let response = result.map_err(|_| ApiError::Network)?;
    // An SPA fallback rule answers a missing file with index.html and 200.
    let is_html = response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.starts_with("text/html"));
    match response.status() {
        200..=299 if is_html => Err(ApiError::NotFound),
        200..=299 => Ok(response),
        404 => Err(ApiError::NotFound),
        other => Err(ApiError::Status(other)),
    }
}

/// A data file's content, type-erased so that every file shares one
/// resource type (see `state::DataFile`).
pub type Parsed = Result<Rc<dyn Any>, ApiError>;

/// Parses a data file's text into `T`.
pub fn parse_json<T: DeserializeOwned + 'static>(text: &str) -> Result<Rc<dyn Any>, String> {
    serde_json::from_str::<T>(text)
        .map(|value| Rc::new(value) as Rc<dyn Any>)
        .map_err(|e| e.to_string())
}

/// Starts loading a data file; `parse` turns its text into the domain type.
pub fn load(
    path: &'static str,
    parse: fn(&str) -> Result<Rc<dyn Any>, String>,
) -> LocalResource<Parsed> {
    LocalResource::new(move || async move {
        let text = get(path)
            .await?
            .text()
            .await
            .map_err(|_| ApiError::Network)?;
        parse(&text).map_err(|e| ApiError::BadData(format!("{path}: {e}")))
    })
}

pub async fn article_body(slug: &str, lang: Lang) -> Result<Vec<Block>, ApiError> {
    let text = get(&body_path(slug, lang))
        .await?
        .text()
        .await
        .map_err(|_| ApiError::Network)?;
    Ok(parse_body(&text))
}

/// Sends a request to the organiser's endpoint (set in event.json) as JSON.
pub async fn post_request(endpoint: &str, request: &StandRequest) -> Result<(), ApiError> {
    let sent = Request::post(endpoint)
        .json(request)
        .map_err(|e| ApiError::BadData(e.to_string()))?
        .send()
        .await;
    let response = sent.map_err(|_| ApiError::Network)?;
    match response.status() {
        200..=299 => Ok(()),
        404 => Err(ApiError::NotFound),
        other => Err(ApiError::Status(other)),
    }
}
