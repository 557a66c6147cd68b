use crate::components::{loaded, ArticleCard, ErrorView, Loading, LocalDate};
use crate::domain::article::{ArticleIndex, ArticleMeta, Block, BodyChoice};
use crate::domain::route::Page;
use crate::domain::{Lang, Msg};
use crate::pages::home::BookBanner;
use crate::pages::NotFoundPage;
use crate::state::{
    page_href, tr, use_article_body, use_data, use_head_described, use_route, use_t,
};
use leptos::prelude::*;
use std::rc::Rc;

/// One article: title, date, body in the visitor's language where it exists
/// (else in the language it was written in, said so), and related news.
#[component]
pub fn ArticlePage(slug: String) -> impl IntoView {
    let data = use_data();
    let slug = StoredValue::new(slug);
    // The article's title and summary in `l`, for the page's head.
    let text_of = move |l: Lang, pick: fn(&ArticleMeta, Lang) -> Option<String>| {
        let index = data.articles().ok()?;
        slug.with_value(|s| index.find(s).and_then(|a| pick(a, l)))
    };
    use_head_described(
        move |l| text_of(l, |a, l| Some(a.title.show_or_empty(l).text.to_string())),
        move |l| text_of(l, |a, l| a.summary.show(l).map(|s| s.text.to_string())),
    );
    view! {
        {loaded(data.articles(), move |index| match index.find(&slug.get_value()) {
            Some(_) => view! { <ArticleView index slug=slug.get_value()/> }.into_any(),
            None => view! { <NotFoundPage message=Msg::ArticleNotFound/> }.into_any(),
        })}
        <BookBanner/>
    }
}

#[component]
fn ArticleView(index: Rc<ArticleIndex>, slug: String) -> impl IntoView {
    let route = use_route();
    let t = use_t();
    let lang = route.lang;
    let meta = index.find(&slug).cloned().expect("checked by the caller");
    let related: Vec<_> = index.related(&slug).into_iter().cloned().collect();

    let m = meta.clone();
    let choice = Memo::new(move |_| m.body_choice(lang.get()));
    let body = use_article_body(slug.clone(), choice);

    let title = meta.title.clone();
    let heading = move || {
        let s = title.show_or_empty(lang.get());
        view! { <h1 class="article__title" lang=s.lang.code() dir=s.lang.dir().as_str()>{s.text.to_string()}</h1> }
    };
    let note = move || match choice.get() {
        BodyChoice::Fallback(Lang::En) => Some(t(Msg::OnlyInEnglish)),
        BodyChoice::Fallback(Lang::Ar) => Some(t(Msg::OnlyInArabic)),
        _ => None,
    };
    let body_view = move || {
        match body.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <ErrorView error retry=move |_| body.refetch()/> }.into_any(),
        Some(Ok(None)) => view! { <p class="article__note">{tr(Msg::NoBodyYet)}</p> }.into_any(),
        Some(Ok(Some((l, blocks)))) => view! {
            <div class="article__body" lang=l.code() dir=l.dir().as_str()>{blocks.into_iter().map(render_block).collect_view()}</div>
        }
        .into_any(),
    }
    };
    let related_view = (!related.is_empty()).then(|| {
        let cards = related
            .into_iter()
            .map(|a| view! { <li><ArticleCard article=a compact=true/></li> })
            .collect_view();
        view! {
            <section class="related" aria-labelledby="related-title">
                <h2 id="related-title">{tr(Msg::RelatedNews)}</h2>
                <ul class="card-grid card-grid--compact">{cards}</ul>
            </section>
        }
    });
    view! {
        <article class="article section section--narrow">
            <p class="article__back"><a href=page_href(Page::News)><span class="icon-arrow icon-arrow--back" aria-hidden="true"></span>{tr(Msg::BackToNews)}</a></p>
            {heading}
            {meta.date.map(|d| view! { <p class="article__date"><LocalDate date=d/></p> })}
            {move || note().map(|n| view! { <p class="article__note" role="note">{n}</p> })}
            {body_view}
        </article>
        <div class="section section--narrow">{related_view}</div>
    }
}

/// A body block as text nodes: nothing from the data becomes markup.
fn render_block(block: Block) -> AnyView {
    match block {
        Block::Heading(h) => view! { <h2>{h}</h2> }.into_any(),
        Block::Paragraph(p) => view! { <p>{p}</p> }.into_any(),
        Block::List(items) => {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                .into_any()
        }
        Block::Rule => view! { <hr/> }.into_any(),
    }
}
