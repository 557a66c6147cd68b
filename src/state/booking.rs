//! The exhibitor's draft and requests, kept in localStorage and shared by
//! every tab of the site.
//!
//! One rule runs through it: nothing is deleted before what replaces it is
//! stored. The draft is saved on every change; another tab's change is
//! followed (and said so) instead of being overwritten by the next keystroke;
//! a request that cannot be stored keeps its draft; and a request's delivery
//! state is read back from storage before every send, so two tabs never send
//! it twice.

use crate::domain::booking::delivery::{
    merge_deliveries, Attempt, Deliveries, Delivery, SendFailure,
};
use crate::domain::booking::plan::FloorPlan;
use crate::domain::booking::quote::{toggle, Choice, QuantityError, Toggled};
use crate::domain::booking::request::{
    merge_requests, stamp, Draft, DraftLoad, Edited, Field, Form, Part, StandRequest, DRAFT_VERSION,
};
use crate::platform::{self, storage};
use leptos::prelude::*;
use serde::de::DeserializeOwned;

const DRAFT_KEY: &str = "expo.booking.draft";
/// Where an unreadable draft is set aside instead of being deleted.
const DISCARDED_KEY: &str = "expo.booking.draft.discarded";
const REQUESTS_KEY: &str = "expo.booking.requests.v1";
const DELIVERIES_KEY: &str = "expo.booking.deliveries.v1";

/// A notice about saved data, shown on the booking pages until dismissed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageNotice {
    /// An unreadable or outdated draft was set aside.
    Discarded,
    /// This browser does not keep anything (disabled or full storage).
    Unavailable,
    /// Another tab changed the draft; this one now shows it.
    ChangedElsewhere,
    /// The request was made but could not be stored: the draft is kept.
    RequestNotStored,
}

/// The exhibitor's stand request in progress and the requests already made.
/// Views read it through signals and change it only through its intentions
/// (choose a stand, type an extra, fill in a field...), each the domain's
/// rule applied to the draft, which is then saved and shared with other tabs.
#[derive(Clone, Copy)]
pub struct BookingCtx {
    /// The stands and extras chosen.
    pub choice: ReadSignal<Choice>,
    set_choice: WriteSignal<Choice>,
    /// The request form as typed.
    pub form: ReadSignal<Form>,
    set_form: WriteSignal<Form>,
    /// The requests made in this browser.
    pub requests: ReadSignal<Vec<StandRequest>>,
    set_requests: WriteSignal<Vec<StandRequest>>,
    deliveries: RwSignal<Deliveries>,
    /// When each part of the draft was last changed (see [`Draft::merge`]).
    edited: StoredValue<Edited>,
    /// What the booking pages say about saved data, until dismissed.
    pub notice: ReadSignal<Option<StorageNotice>>,
    set_notice: WriteSignal<Option<StorageNotice>>,
    /// The reference of a request another tab made from the shared draft,
    /// told on the booking pages with the way to it, until dismissed.
    pub made_elsewhere: ReadSignal<Option<String>>,
    set_made_elsewhere: WriteSignal<Option<String>>,
}

/// What storage holds under `key`. Text that cannot be read is set aside
/// under `<key>.discarded` before anything replaces it, so no request is
/// ever lost to a write that starts from an empty list.
fn stored<T: DeserializeOwned + Default>(key: &str) -> T {
    let Some(raw) = storage::load(key) else {
        return T::default();
    };
    serde_json::from_str(&raw).unwrap_or_else(|_| {
        let aside = format!("{key}.discarded");
        if storage::load(&aside).is_none() {
            storage::save(&aside, &raw);
        }
        T::default()
    })
}

pub fn provide_booking() {
    let (draft, notice) = match Draft::load(storage::load(DRAFT_KEY).as_deref()) {
        DraftLoad::Restored(d) => (*d, None),
        DraftLoad::Empty => (Draft::new(), None),
        DraftLoad::Discarded => {
            // Kept aside, not deleted: an organiser helping by phone can still read it.
            if let Some(raw) = storage::load(DRAFT_KEY) {
                if storage::save(DISCARDED_KEY, &raw) {
                    storage::remove(DRAFT_KEY);
                }
            }
            (Draft::new(), Some(StorageNotice::Discarded))
        }
    };
    let (choice, set_choice) = signal(draft.choice);
    let (form, set_form) = signal(draft.form);
    let (requests, set_requests) = signal(stored(REQUESTS_KEY));
    let (notice, set_notice) = signal(notice);
    let (made_elsewhere, set_made_elsewhere) = signal(None);
    let ctx = BookingCtx {
        choice,
        set_choice,
        form,
        set_form,
        requests,
        set_requests,
        deliveries: RwSignal::new(stored(DELIVERIES_KEY)),
        edited: StoredValue::new(draft.edited),
        notice,
        set_notice,
        made_elsewhere,
        set_made_elsewhere,
    };
    Effect::new(move |_| ctx.save_draft());
    // Another tab wrote: follow it.
    platform::on_storage_change(move |key| match key.as_deref() {
        Some(DRAFT_KEY) => ctx.follow_draft(),
        Some(REQUESTS_KEY) => ctx.reload_requests(),
        Some(DELIVERIES_KEY) => ctx.reload_deliveries(),
        _ => {}
    });
    provide_context(ctx);
}

pub fn use_booking() -> BookingCtx {
    expect_context::<BookingCtx>()
}

impl BookingCtx {
    pub fn dismiss_notice(self) {
        self.set_notice.set(None);
        self.set_made_elsewhere.set(None);
    }

    /// Records that parts of the draft changed now (before the change is
    /// saved: saving runs after, as an Effect).
    fn stamp(self, parts: impl IntoIterator<Item = Part>) {
        self.edited
            .update_value(|edited| stamp(edited, parts, platform::now_ms()));
    }

    /// Adds a stand or takes it away, by the plan's rule (see [`toggle`]).
    pub fn toggle_stand(self, plan: &FloorPlan, id: &str) -> Toggled {
        let mut outcome = Toggled::Unknown;
        let mut changed = false;
        self.set_choice.update(|c| {
            let before = c.stands.len();
            outcome = toggle(plan, c, id);
            changed = c.stands.len() != before;
        });
        if changed {
            self.stamp([Part::Stands]);
        }
        outcome
    }

    /// Sets an extra's quantity from what was typed (see [`Choice::type_extra`]).
    /// Only a change of quantity is news: the field then keeps what is being
    /// typed ("1.", a "-" on its way to a message) instead of being written
    /// over with the quantity it already holds.
    pub fn type_extra(self, id: &str, typed: &str, max: u32) -> Result<u32, QuantityError> {
        let mut outcome = Ok(0);
        let mut changed = false;
        self.set_choice.maybe_update(|c| {
            let before = c.extras.get(id).copied();
            outcome = c.type_extra(id, typed, max);
            changed = c.extras.get(id).copied() != before;
            changed
        });
        if changed {
            self.stamp([Part::Extras]);
        }
        outcome
    }

    /// Takes away every extra (their ordering time is over).
    pub fn drop_extras(self) {
        let mut had = false;
        self.set_choice.maybe_update(|c| {
            had = !c.extras.is_empty();
            c.extras.clear();
            had
        });
        if had {
            self.stamp([Part::Extras]);
        }
    }

    /// Takes away the chosen stands the plan no longer offers; says which.
    pub fn drop_stale(self, plan: &FloorPlan) -> Vec<String> {
        let mut gone = Vec::new();
        self.set_choice.update(|c| gone = c.drop_stale(plan));
        if !gone.is_empty() {
            self.stamp([Part::Stands]);
        }
        gone
    }

    /// Puts what was typed into a field (see [`Form::set`]).
    pub fn edit(self, field: Field, typed: &str) {
        self.change_form(|f| f.set(field, typed));
    }

    /// Ticks or clears a box of the form.
    pub fn tick(self, field: Field, checked: bool) {
        self.change_form(|f| f.set_checked(field, checked));
    }

    /// Changes the form and records which fields changed (a phone number
    /// typed with its country code changes two).
    fn change_form(self, change: impl FnOnce(&mut Form)) {
        let mut changed = Vec::new();
        self.set_form.update(|f| {
            let before = f.clone();
            change(f);
            changed = f.changed_from(&before);
        });
        self.stamp(changed.into_iter().map(Part::Field));
    }

    fn draft(self) -> Draft {
        Draft {
            version: DRAFT_VERSION,
            choice: self.choice.get(),
            form: self.form.get(),
            edited: self.edited.get_value(),
        }
    }

    fn tell(self, notice: StorageNotice) {
        self.set_notice.set(Some(notice));
    }

    /// Says that nothing can be stored, unless a more pressing notice (a
    /// request that could not be kept) is already up.
    fn tell_unavailable(self) {
        if self.notice.get_untracked() != Some(StorageNotice::RequestNotStored) {
            self.tell(StorageNotice::Unavailable);
        }
    }

    /// Saves the draft (tracked: runs on every change). An empty draft is
    /// not kept. Saving what storage already holds changes nothing, so a tab
    /// that has just followed another does not echo it back.
    fn save_draft(self) {
        let draft = self.draft();
        let held = storage::load(DRAFT_KEY);
        if draft.is_empty() {
            // Only a readable draft goes: an unreadable one that could not
            // be set aside stays until a real draft replaces it.
            if matches!(Draft::load(held.as_deref()), DraftLoad::Restored(_)) {
                storage::remove(DRAFT_KEY);
            }
            return;
        }
        let json = serde_json::to_string(&draft).unwrap_or_default();
        if held.as_deref() == Some(json.as_str()) {
            return;
        }
        if !storage::save(DRAFT_KEY, &json) {
            self.tell_unavailable();
        }
    }

    /// Takes in the draft another tab has just stored, part by part (what
    /// was changed here since stays: see [`Draft::merge`]), or its emptying
    /// after it made a request from it. The result is saved in turn when it
    /// differs from theirs, so both tabs end with the same draft.
    fn follow_draft(self) {
        let mine = self.draft_untracked();
        // What storage holds now, not what the event carried: events from
        // several tabs may arrive after newer writes.
        let next = match Draft::load(storage::load(DRAFT_KEY).as_deref()) {
            DraftLoad::Restored(theirs) => mine.merge(&theirs),
            DraftLoad::Empty => mine.after_request(),
            // Another tab will have set it aside; keep what is on screen.
            DraftLoad::Discarded => return,
        };
        self.edited.set_value(next.edited);
        if next.choice != mine.choice || next.form != mine.form {
            self.set_choice.set(next.choice);
            self.set_form.set(next.form);
            self.tell(StorageNotice::ChangedElsewhere);
        }
        // Storage gets what this tab kept (nothing is written when it holds
        // it already), and the other tab merges it in turn.
        self.save_draft();
    }

    fn draft_untracked(self) -> Draft {
        untrack(|| self.draft())
    }

    /// Takes in the requests another tab stored; the newest this tab did
    /// not know of is told (see `made_elsewhere`).
    fn reload_requests(self) {
        let theirs: Vec<StandRequest> = stored(REQUESTS_KEY);
        let new = self.requests.with_untracked(|mine| {
            theirs
                .iter()
                .rev()
                .find(|r| !mine.iter().any(|m| m.reference == r.reference))
                .map(|r| r.reference.clone())
        });
        self.set_requests
            .update(|mine| merge_requests(mine, theirs));
        if new.is_some() {
            self.set_made_elsewhere.set(new);
        }
    }

    fn reload_deliveries(self) {
        let theirs: Deliveries = stored(DELIVERIES_KEY);
        self.deliveries
            .update(|mine| merge_deliveries(mine, &theirs));
    }

    /// Keeps a new request. Only once it is safely stored is the draft it
    /// came from emptied; otherwise the draft stays, so a reload loses
    /// nothing, and the exhibitor is told to download or print the request.
    pub fn submit(self, request: StandRequest) {
        let reference = request.reference.clone();
        self.reload_requests();
        self.set_requests.update(|r| r.push(request));
        let json = self
            .requests
            .with_untracked(|r| serde_json::to_string(r).unwrap_or_default());
        if !storage::save(REQUESTS_KEY, &json) {
            self.tell(StorageNotice::RequestNotStored);
            return;
        }
        if self.notice.get_untracked() == Some(StorageNotice::RequestNotStored) {
            self.set_notice.set(None);
        }
        self.update_delivery(&reference, Delivery::Made);
        let after = self.draft_untracked().after_request();
        self.edited.set_value(after.edited);
        self.set_choice.set(after.choice);
        self.set_form.set(after.form);
    }

    /// The delivery state of a request (tracked).
    pub fn delivery(self, reference: &str) -> Delivery {
        self.deliveries
            .with(|d| d.get(reference).copied().unwrap_or_default())
    }

    /// Claims the right to send a request now: false when it was received,
    /// or another tab is sending it, as storage says at this moment.
    pub fn begin_send(self, reference: &str) -> bool {
        self.reload_deliveries();
        let now = platform::now_ms();
        if !self.delivery_untracked(reference).can_send(now) {
            return false;
        }
        self.update_delivery(reference, Delivery::Sending { since_ms: now });
        true
    }

    /// Sends a request to the organiser's endpoint, if storage says no tab
    /// has it received or on its way, and records the outcome for every tab.
    /// Returns where it stands if this call sent it (None: another tab has
    /// it, or it was received already).
    pub async fn send(
        self,
        endpoint: &str,
        request: &StandRequest,
        attempt: Attempt,
    ) -> Option<Delivery> {
        let (endpoint, request) = (endpoint.to_string(), request.clone());
        // Tabs take turns (a queue flushed by every tab when the network
        // returns), and each reads storage once it has its turn.
        platform::lock::exclusive("expo.booking.send", async move {
            // Storage decides, not this tab's memory: another tab may have sent it.
            if !self.begin_send(&request.reference) {
                return None;
            }
            // The service worker's courier when one controls the page: it
            // keeps the request until it is received, even if this page
            // closes. Else the page posts it.
            let outcome = match crate::offline::hand_to_worker(&endpoint, &request, attempt).await {
                Some(outcome) => outcome,
                None => crate::api::post_request(&endpoint, &request).await,
            };
            let state = match outcome {
                Ok(()) => Delivery::Received,
                Err(failure) => Delivery::Failed(failure),
            };
            self.update_delivery(&request.reference, state);
            Some(state)
        })
        .await
        .flatten()
    }

    /// Records what the service worker's courier says of a request of this
    /// browser (see [`Delivery::from_courier`]).
    pub fn learn_from_courier(self, reference: &str, state: &str) {
        let ours = self
            .requests
            .with_untracked(|all| all.iter().any(|r| r.reference == reference));
        if !ours {
            return;
        }
        self.reload_deliveries();
        if let Some(learnt) = self.delivery_untracked(reference).from_courier(state) {
            self.update_delivery(reference, learnt);
        }
    }

    /// The requests the exhibitor asked to send that did not get through for
    /// want of a network (no answer, none in time, or a send left unfinished):
    /// sent again, once, when the network returns (`crate::offline`). A
    /// refusal is not retried unasked: the visitor reads why first.
    pub fn queued(self) -> Vec<StandRequest> {
        self.reload_deliveries();
        let now = platform::now_ms();
        let waiting = |r: &StandRequest| match self.delivery_untracked(&r.reference) {
            Delivery::Failed(SendFailure::Network | SendFailure::Timeout) => true,
            // A send a closed tab or a reload left unfinished.
            sending @ Delivery::Sending { .. } => sending.can_send(now),
            _ => false,
        };
        self.requests
            .with_untracked(|all| all.iter().filter(|r| waiting(r)).cloned().collect())
    }

    fn delivery_untracked(self, reference: &str) -> Delivery {
        untrack(|| self.delivery(reference))
    }

    /// Records where a request now stands, here and in storage. Storage is
    /// read first, so another tab's requests are kept.
    pub fn update_delivery(self, reference: &str, state: Delivery) {
        self.reload_deliveries();
        self.deliveries.update(|d| {
            d.insert(reference.to_string(), state);
        });
        let json = self
            .deliveries
            .with_untracked(|d| serde_json::to_string(d).unwrap_or_default());
        if !storage::save(DELIVERIES_KEY, &json) {
            self.tell_unavailable();
        }
    }
}
