//! The data files the organiser publishes, each loaded once for the visit.

use crate::api::{self, ApiError};
use crate::domain::article::{ArticleIndex, Block, BodyChoice};
use crate::domain::booking::event::{Event, EventFacts};
use crate::domain::booking::plan::FloorPlan;
use crate::domain::data::DataFile as DataKind;
use crate::domain::site::Site;
use crate::domain::sponsor::Sponsors;
use crate::domain::Lang;
use leptos::prelude::*;
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::future::Future;
use std::marker::PhantomData;
use std::rc::Rc;

/// A value that arrives asynchronously in the browser (a fetch) and at once
/// at build time (the renderer holds every file), so a page reads it the
/// same way on both sides: `get` (tracked) is `None` while it is on its way.
pub struct Loaded<T: 'static> {
    // Not a LocalResource: that always waits a tick, so a page taken over
    // from its prerendered HTML would flash "Loading…". A value the page
    // carries is ready on the first poll, and this shows it at once.
    #[cfg(target_arch = "wasm32")]
    value: AsyncDerived<T, LocalStorage>,
    #[cfg(target_arch = "wasm32")]
    again: RwSignal<u32>,
    /// Set by a retry until its answer arrives, so the page shows "Loading…"
    /// again rather than the old error.
    #[cfg(target_arch = "wasm32")]
    retrying: RwSignal<bool>,
    #[cfg(not(target_arch = "wasm32"))]
    value: StoredValue<Option<T>, LocalStorage>,
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Loaded<T> {}

impl<T: Clone + 'static> Loaded<T> {
    pub fn new<F: Future<Output = T> + 'static>(fetch: impl Fn() -> F + 'static) -> Self {
        #[cfg(target_arch = "wasm32")]
        {
            let again = RwSignal::new(0);
            let retrying = RwSignal::new(false);
            Loaded {
                value: AsyncDerived::new_unsync(move || {
                    again.track();
                    let answer = fetch();
                    async move {
                        let value = answer.await;
                        retrying.set(false);
                        value
                    }
                }),
                again,
                retrying,
            }
        }
        // The renderer's reads are ready at once: no executor is needed.
        #[cfg(not(target_arch = "wasm32"))]
        Loaded {
            value: StoredValue::new_local(ready_now(fetch())),
        }
    }

    pub fn get(self) -> Option<T> {
        #[cfg(target_arch = "wasm32")]
        return if self.retrying.get() {
            None
        } else {
            self.value.get()
        };
        #[cfg(not(target_arch = "wasm32"))]
        self.value.get_value()
    }

    pub fn refetch(self) {
        #[cfg(target_arch = "wasm32")]
        {
            self.retrying.set(true);
            self.again.update(|n| *n += 1);
        }
    }
}

/// The value of a future that needs no waiting (the renderer's reads).
#[cfg(not(target_arch = "wasm32"))]
fn ready_now<F: Future>(future: F) -> Option<F::Output> {
    use std::task::{Context, Poll, Waker};
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}

/// A data file, parsed once for the whole visit.
///
/// All files share one value type holding a type-erased value: Leptos's
/// async machinery is then compiled into the Wasm once instead of once per
/// file. The type parameter says what the file holds, and `get` hands it back
/// typed.
pub struct DataFile<T> {
    slot: StoredValue<FileSlot, LocalStorage>,
    holds: PhantomData<fn() -> T>,
}

/// A data file is loaded when a page first asks for it, under the owner of
/// the whole visit: a news reader never downloads the floor plan, and a
/// prerendered page carries only the files it shows.
struct FileSlot {
    owner: Owner,
    path: &'static str,
    parse: fn(&str) -> Result<Rc<dyn Any>, String>,
    loaded: Option<Loaded<api::Parsed>>,
}

impl<T> Clone for DataFile<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for DataFile<T> {}

impl<T> DataFile<T> {
    fn loaded(self) -> Loaded<api::Parsed> {
        if let Some(loaded) = self.slot.with_value(|s| s.loaded) {
            return loaded;
        }
        let (owner, path, parse) = self.slot.with_value(|s| (s.owner.clone(), s.path, s.parse));
        let loaded = untrack(|| owner.with(|| load_file(path, parse)));
        self.slot.update_value(|s| s.loaded = Some(loaded));
        loaded
    }
}

impl<T: 'static> DataFile<T> {
    /// The file's content once it has arrived (tracked), or why it could not be loaded.
    pub fn get(self) -> Option<Result<Rc<T>, ApiError>> {
        let parsed = self.loaded().get()?;
        Some(parsed.map(|value| {
            value
                .downcast::<T>()
                .unwrap_or_else(|_| unreachable!("DataFile::load parses into T"))
        }))
    }

    /// The content if it has arrived and is good.
    pub fn ok(self) -> Option<Rc<T>> {
        self.get().and_then(Result::ok)
    }

    pub fn refetch(self) {
        self.loaded().refetch();
    }
}

/// Starts loading a data file; `parse` turns its text into the domain type
/// or says, with the file and the field, why it cannot. (Not generic, so the
/// async code exists once for every file.)
fn load_file(
    path: &'static str,
    parse: fn(&str) -> Result<Rc<dyn Any>, String>,
) -> Loaded<api::Parsed> {
    Loaded::new(move || async move {
        let text = api::read_text(path).await?;
        parse(&text).map_err(ApiError::BadData)
    })
}

/// The data files, loaded once for the whole visit: switching language or
/// page never fetches them again.
#[derive(Clone, Copy)]
pub struct DataCtx {
    files: StoredValue<Files, LocalStorage>,
    bodies: StoredValue<HashMap<(String, Lang), Vec<Block>>>,
}

/// Each file's slot is made the first time a page asks for it. Only then is
/// its parser reachable, so an entry's Wasm holds the parsers of the files
/// its own pages read (the reading pages never parse the floor plan).
struct Files {
    /// The whole visit's owner: a slot outlives the page that first asked.
    owner: Owner,
    /// By what is read: two types may read one file (see `EventFacts`).
    slots: HashMap<TypeId, StoredValue<FileSlot, LocalStorage>>,
}

pub fn provide_data() {
    provide_context(DataCtx {
        files: StoredValue::new_local(Files {
            owner: Owner::current().unwrap_or_default(),
            slots: HashMap::new(),
        }),
        bodies: StoredValue::new(HashMap::new()),
    });
}

pub fn use_data() -> DataCtx {
    expect_context::<DataCtx>()
}

impl DataCtx {
    pub fn articles(self) -> DataFile<ArticleIndex> {
        self.file()
    }
    pub fn sponsors(self) -> DataFile<Sponsors> {
        self.file()
    }
    pub fn site(self) -> DataFile<Site> {
        self.file()
    }
    pub fn event(self) -> DataFile<Event> {
        self.file()
    }
    pub fn event_facts(self) -> DataFile<EventFacts> {
        self.file()
    }
    pub fn plan(self) -> DataFile<FloorPlan> {
        self.file()
    }

    fn file<T: DataKind>(self) -> DataFile<T> {
        let known = self
            .files
            .with_value(|f| f.slots.get(&TypeId::of::<T>()).copied());
        let slot = known.unwrap_or_else(|| {
            let owner = self.files.with_value(|f| f.owner.clone());
            let slot = owner.with(|| {
                StoredValue::new_local(FileSlot {
                    owner: owner.clone(),
                    path: T::PATH,
                    parse: api::parse::<T>,
                    loaded: None,
                })
            });
            self.files.update_value(|f| {
                f.slots.insert(TypeId::of::<T>(), slot);
            });
            slot
        });
        DataFile {
            slot,
            holds: PhantomData,
        }
    }
}

impl DataCtx {
    /// An article body, from memory if this visit has read it before.
    async fn body(self, slug: String, lang: Lang) -> Result<Vec<Block>, ApiError> {
        let key = (slug, lang);
        if let Some(cached) = self.bodies.with_value(|m| m.get(&key).cloned()) {
            return Ok(cached);
        }
        let blocks = api::article_body(&key.0, lang).await?;
        self.bodies.update_value(|m| {
            m.insert(key, blocks.clone());
        });
        Ok(blocks)
    }
}

/// The body an article shows in the visitor's language (see
/// [`BodyChoice`]), loaded when the choice changes what exists: switching
/// language on an English-only article fetches nothing.
pub fn use_article_body(slug: String, choice: Memo<BodyChoice>) -> Loaded<ArticleBody> {
    let data = use_data();
    Loaded::new(move || {
        let slug = slug.clone();
        let choice = choice.get();
        async move {
            match choice {
                BodyChoice::Native(l) | BodyChoice::Fallback(l) => {
                    data.body(slug, l).await.map(|b| Some((l, b)))
                }
                BodyChoice::None => Ok(None),
            }
        }
    })
}

/// An article's body and its language, `None` when none is written yet.
pub type ArticleBody = Result<Option<(Lang, Vec<Block>)>, ApiError>;
