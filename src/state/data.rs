//! The data files the organiser publishes, each loaded once for the visit.

use crate::api::{self, ApiError};
use crate::domain::article::{ArticleIndex, Block};
use crate::domain::booking::event::Event;
use crate::domain::booking::plan::FloorPlan;
use crate::domain::data::DataFile as DataKind;
use crate::domain::site::Site;
use crate::domain::sponsor::Sponsors;
use crate::domain::Lang;
use leptos::prelude::*;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::rc::Rc;

/// A data file, parsed once for the whole visit.
///
/// All files share one resource type holding a type-erased value: Leptos's
/// async machinery is then compiled into the Wasm once instead of once per
/// file. The type parameter says what the file holds, and `get` hands it back
/// typed.
pub struct DataFile<T> {
    resource: LocalResource<api::Parsed>,
    holds: PhantomData<fn() -> T>,
}

impl<T> Clone for DataFile<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for DataFile<T> {}

impl<T: DataKind> DataFile<T> {
    fn load() -> Self {
        DataFile {
            resource: api::load(T::PATH, api::parse::<T>),
            holds: PhantomData,
        }
    }
}

impl<T: 'static> DataFile<T> {
    /// The file's content once it has arrived (tracked), or why it could not be loaded.
    pub fn get(self) -> Option<Result<Rc<T>, ApiError>> {
        let parsed = self.resource.get()?;
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
        self.resource.refetch();
    }
}

/// The data files, loaded once for the whole visit: switching language or
/// page never fetches them again.
#[derive(Clone, Copy)]
pub struct DataCtx {
    pub articles: DataFile<ArticleIndex>,
    pub sponsors: DataFile<Sponsors>,
    pub site: DataFile<Site>,
    pub event: DataFile<Event>,
    pub plan: DataFile<FloorPlan>,
    bodies: StoredValue<HashMap<(String, Lang), Vec<Block>>>,
}

pub fn provide_data() {
    provide_context(DataCtx {
        articles: DataFile::load(),
        sponsors: DataFile::load(),
        site: DataFile::load(),
        event: DataFile::load(),
        plan: DataFile::load(),
        bodies: StoredValue::new(HashMap::new()),
    });
}

pub fn use_data() -> DataCtx {
    expect_context::<DataCtx>()
}

impl DataCtx {
    /// An article body, from memory if this visit has read it before.
    pub async fn body(self, slug: String, lang: Lang) -> Result<Vec<Block>, ApiError> {
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
