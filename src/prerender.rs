//! The build-time renderer: every page of the site, in both languages, as
//! HTML from the same components the app renders in the browser. Each page
//! carries the data files it was rendered from, so the app takes it over
//! with exactly what it shows, without fetching them again.

use crate::domain::article::{body_path, ArticleIndex, ArticleMeta};
use crate::domain::booking::drawing::escape;
use crate::domain::booking::event::Event;
use crate::domain::booking::plan::FloorPlan;
use crate::domain::data::{parse, DataFile};
use crate::domain::date::Date;
use crate::domain::route::{BookStep, Page, Route, NOT_FOUND_FILE};
use crate::domain::site::Site;
use crate::domain::sponsor::Sponsors;
use crate::domain::Lang;
use crate::platform::{BuildEnv, PRELOAD_ID};
use crate::Entry;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// Every data file under `public/`, read and checked by the same rules as
/// `cargo test` and the app: an editor's mistake fails the build, with the
/// file and the field, and never reaches the host.
pub fn read_data(public: &Path) -> Result<BTreeMap<String, String>, Vec<String>> {
    let mut files = BTreeMap::new();
    let mut problems = Vec::new();
    let mut read =
        |path: &str, problems: &mut Vec<String>| match std::fs::read_to_string(public.join(path)) {
            Ok(text) => {
                files.insert(path.to_string(), text.clone());
                Some(text)
            }
            Err(e) => {
                problems.push(format!("{path}: cannot read: {e}"));
                None
            }
        };
    fn check<T: DataFile>(text: Option<String>, problems: &mut Vec<String>) -> Option<T> {
        parse::<T>(&text?).map_err(|e| problems.push(e)).ok()
    }
    let index: Option<ArticleIndex> = check(read(ArticleIndex::PATH, &mut problems), &mut problems);
    check::<Sponsors>(read(Sponsors::PATH, &mut problems), &mut problems);
    check::<Site>(read(Site::PATH, &mut problems), &mut problems);
    let event: Option<Event> = check(read(Event::PATH, &mut problems), &mut problems);
    let plan: Option<FloorPlan> = check(read(FloorPlan::PATH, &mut problems), &mut problems);
    if let (Some(plan), Some(event)) = (&plan, &event) {
        problems.extend(
            plan.type_problems(event)
                .into_iter()
                .map(|p| format!("{}: {p}", FloorPlan::PATH)),
        );
    }
    for a in index.iter().flat_map(|i| &i.articles) {
        for lang in &a.body {
            read(&body_path(&a.slug, *lang), &mut problems);
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// Every page to write, in both languages: a new article in articles.json
/// gets its pages with no code change.
pub fn pages(files: &BTreeMap<String, String>) -> Vec<Page> {
    let index: Option<ArticleIndex> = files.get(ArticleIndex::PATH).and_then(|t| parse(t).ok());
    let mut pages = vec![
        Page::Home,
        Page::News,
        Page::Sponsors,
        Page::Book(BookStep::Choose),
        Page::Book(BookStep::Details),
    ];
    pages.extend(
        index
            .iter()
            .flat_map(|i| &i.articles)
            .map(|a| Page::Article(a.slug.clone())),
    );
    pages
}

/// A page rendered from the app's components.
pub struct Rendered {
    /// The app's markup, for `<body>`.
    pub body: String,
    pub title: String,
    pub description: String,
    /// The data files the page read, by path: the page carries them.
    pub data: BTreeMap<String, String>,
}

/// Renders the app at `app_path` (without the deployment base), drawn by
/// the entry whose Wasm the page will load.
pub fn render(env: &BuildEnv, app_path: &str) -> Rendered {
    let entry = Entry::for_page(&Route::parse(app_path).page);
    let env = BuildEnv {
        read: Arc::default(),
        head: Arc::default(),
        ..env.clone()
    };
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(RequestUrl::new(&format!("{}{app_path}", env.base)));
        provide_context(env.clone());
        view! { <crate::App entry/> }.to_html()
    });
    owner.unset();
    let read = env.read.lock().map(|r| r.clone()).unwrap_or_default();
    let (title, description) = env.head.lock().map(|h| h.clone()).unwrap_or_default();
    Rendered {
        body,
        title,
        description,
        data: read
            .into_iter()
            .filter_map(|p| env.files.get(&p).map(|t| (p, t.clone())))
            .collect(),
    }
}

/// Replaces the text between `open` (from its start) and `close` (to its
/// end) in `html`.
fn replace_between(html: &str, open: &str, close: &str, with: &str) -> Result<String, String> {
    let start = html
        .find(open)
        .ok_or_else(|| format!("the page shell has no `{open}`"))?;
    let end = html[start..]
        .find(close)
        .map(|i| start + i + close.len())
        .ok_or_else(|| format!("the page shell has no `{close}` after `{open}`"))?;
    Ok(format!("{}{with}{}", &html[..start], &html[end..]))
}

/// The whole HTML file of a page: Trunk's built shell (its hashed assets,
/// integrity and policy) with the page's language and direction, title,
/// description and head links, the data it carries, and its markup.
pub fn page_html(
    shell: &str,
    lang: Option<Lang>,
    page: &Rendered,
    head: &str,
) -> Result<String, String> {
    if shell.contains(PRELOAD_ID) {
        return Err("the page shell is already a rendered page: run `trunk build` first".into());
    }
    let lang = lang.unwrap_or(Lang::En);
    let mut html = replace_between(
        shell,
        "<html",
        ">",
        &format!(
            r#"<html lang="{}" dir="{}">"#,
            lang.code(),
            lang.dir().as_str()
        ),
    )?;
    if !page.title.is_empty() {
        html = replace_between(
            &html,
            "<title>",
            "</title>",
            &format!("<title>{}</title>", escape(&page.title)),
        )?;
    }
    if !page.description.is_empty() {
        html = replace_between(
            &html,
            r#"<meta name="description""#,
            ">",
            &format!(
                r#"<meta name="description" content="{}">"#,
                escape(&page.description)
            ),
        )?;
    }
    let data = script_json(&page.data);
    let carried = format!(r#"<script type="application/json" id="{PRELOAD_ID}">{data}</script>"#);
    let fonts = font_preloads(lang);
    let app = app_links(lang);
    html = html.replacen(
        "</head>",
        &format!("{fonts}{app}{head}{carried}\n</head>"),
        1,
    );
    // The app starts right after <body>: nothing before its first node.
    replace_between(
        &html,
        "<body",
        "</body>",
        &format!("<body>{}</body>", page.body),
    )
}

/// The fonts a page in `lang` draws its text with, fetched with the page
/// instead of after its stylesheet, so the text does not move when they
/// arrive (the files are in `style/tokens.css`).
fn font_preloads(lang: Lang) -> String {
    let mut fonts = vec![
        "ibm-plex-sans-latin-400-normal",
        "ibm-plex-sans-latin-700-normal",
    ];
    if lang == Lang::Ar {
        fonts.extend([
            "ibm-plex-sans-arabic-arabic-400-normal",
            "ibm-plex-sans-arabic-arabic-700-normal",
        ]);
    }
    fonts
        .iter()
        .map(|f| {
            format!(r#"<link rel="preload" href="fonts/{f}.woff2" as="font" type="font/woff2" crossorigin>"#)
        })
        .collect()
}

/// The installable app in the page's language: its manifest and home-screen
/// icon (written by `scripts/sw.mjs`; relative, so they follow `<base href>`).
fn app_links(lang: Lang) -> String {
    format!(
        r#"<link rel="manifest" href="manifest-{}.json"><link rel="apple-touch-icon" href="icons/icon-192.png">"#,
        lang.code()
    )
}

/// What the renderer knows of the site for a page's head and the sitemap.
struct Facts {
    /// The site's address without a trailing slash (`site.json`'s `url`),
    /// with the deployment base: absolute URLs start with it.
    root: Option<String>,
    /// The deployment base without a trailing slash ("" or "/expo").
    base: String,
    site: Site,
    index: ArticleIndex,
    event: Event,
}

impl Facts {
    fn read(files: &BTreeMap<String, String>, base: &str) -> Option<Facts> {
        let get = |path: &str| files.get(path).map(String::as_str).unwrap_or_default();
        let site: Site = parse(get(Site::PATH)).ok()?;
        let base = base.trim_end_matches('/').to_string();
        Some(Facts {
            root: site
                .url
                .as_ref()
                .map(|u| format!("{}{base}", u.trim_end_matches('/'))),
            index: parse(get(ArticleIndex::PATH)).ok()?,
            event: parse(get(Event::PATH)).ok()?,
            site,
            base,
        })
    }

    /// The article a page shows, if it is an article's page.
    fn article(&self, page: &Page) -> Option<&ArticleMeta> {
        match page {
            Page::Article(slug) => self.index.find(slug),
            _ => None,
        }
    }

    /// The languages a page is written in, each with its own address for
    /// search engines: every page is in both, except an article not yet
    /// translated (see [`ArticleMeta::written_in`]).
    fn written_in(&self, page: &Page) -> Vec<Lang> {
        let article = self.article(page);
        let langs: Vec<Lang> = Lang::ALL
            .into_iter()
            .filter(|&l| article.is_none_or(|a| a.written_in(l)))
            .collect();
        if langs.is_empty() {
            Lang::ALL.to_vec()
        } else {
            langs
        }
    }

    /// A page's address: absolute when the site's address is known.
    fn url(&self, app_path: &str) -> String {
        match &self.root {
            Some(root) => format!("{root}{app_path}"),
            None => format!("{}{app_path}", self.base),
        }
    }
}

/// Open Graph's name for a language.
fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en_GB",
        Lang::Ar => "ar_LY",
    }
}

/// Another spelling of a page's address (`/en/news/`, `/AR/News`,
/// `/en/news/index.html`) has no file, so a static host answers it with
/// the not-found page, whose app corrects the address; on a slow link that
/// is seconds of "Page not found" and the booking's code. This script goes
/// to the page at once instead. Its table is the route parser's: each
/// spelling is listed only if `Route::parse` reads it as that page, so the
/// script can only take a shortcut the app would take; what it does not
/// know is left to the app. (Keys are lower case: every page's path is.)
fn other_spellings_script(pages: &[Page], base: &str) -> String {
    let mut table = BTreeMap::new();
    for page in pages {
        for lang in Lang::ALL {
            let path = page.path(lang);
            let stem = path.trim_end_matches('/');
            for spelling in [
                stem.to_string(),
                format!("{stem}/"),
                format!("{stem}.html"),
                format!("{stem}/index.html"),
            ] {
                if spelling != path && Route::parse(&spelling) == Route::parse(&path) {
                    table.insert(spelling, path.clone());
                }
            }
            // In capitals: the same page, found by its lower-case key.
            table.insert(path.clone(), path.clone());
        }
    }
    format!(
        // Once per address and tab: a host that sends the page's own path
        // back here (a folder's trailing slash added) would loop for ever;
        // the second time, the app is left to say what it is.
        r#"<script>(() => {{ const base = {}; const table = {}; let path = location.pathname; try {{ path = decodeURIComponent(path); }} catch {{}} if (!path.startsWith(base)) return; const to = table[path.slice(base.length).toLowerCase()]; if (!to || base + to === location.pathname) return; const tried = "expo.spelling." + location.pathname; try {{ if (sessionStorage.getItem(tried)) return; sessionStorage.setItem(tried, "1"); }} catch {{ return; }} location.replace(base + to + location.search + location.hash); }})();</script>"#,
        script_json(&base),
        script_json(&table)
    )
}

/// JSON for a `<script>` element. `<`, `>` and `&` are written as JSON
/// escapes, so no text in the data (`</script>`, `<!--`) can end the element
/// early or change how the HTML parser reads it.
fn script_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// What a page says about itself to search engines and link previews: its
/// canonical address and its other language, Open Graph and Twitter card
/// tags, and structured data (the exhibition on the home page, the article
/// on an article's page).
fn head_tags(facts: &Facts, page: &Page, lang: Lang, rendered: &Rendered) -> String {
    let mut out = String::new();
    let mut tag = |t: String| out.push_str(&t);
    // A page in a language its article is not written in is a copy of the
    // page it falls back to: that one is the page to index and to share.
    let written_in = facts.written_in(page);
    let content_lang = if written_in.contains(&lang) {
        lang
    } else {
        written_in[0]
    };
    let canonical = facts.url(&page.path(content_lang));
    if facts.root.is_some() {
        tag(format!(
            r#"<link rel="canonical" href="{}">"#,
            escape(&canonical)
        ));
    }
    for &l in &written_in {
        tag(format!(
            r#"<link rel="alternate" hreflang="{}" href="{}">"#,
            l.code(),
            escape(&facts.url(&page.path(l)))
        ));
    }
    tag(format!(
        r#"<link rel="alternate" hreflang="x-default" href="{}">"#,
        escape(&facts.url("/"))
    ));
    let article = facts.article(page);
    // The page's own (an article's summary, see `use_head_described`).
    let description = rendered.description.as_str();
    let image = article
        .and_then(|a| a.image.as_ref())
        .filter(|_| facts.root.is_some())
        .map(|i| facts.url(&format!("/{i}")));
    // Without a picture of its own, a shared link shows the site's mark
    // (a small card) rather than none.
    let mark = facts
        .root
        .is_some()
        .then(|| facts.url("/icons/icon-512.png"));
    let picture = image.as_ref().or(mark.as_ref());
    let meta = |property: &str, content: &str| {
        format!(
            r#"<meta property="{property}" content="{}">"#,
            escape(content)
        )
    };
    tag(meta(
        "og:type",
        if article.is_some() {
            "article"
        } else {
            "website"
        },
    ));
    let site_name = facts.site.name.show_or_empty(lang).text;
    tag(meta("og:site_name", site_name));
    // The page's own title: a preview shows the site's name beside it
    // (og:site_name), so "· Site" would say it twice.
    let title = rendered
        .title
        .strip_suffix(&format!(" · {site_name}"))
        .unwrap_or(&rendered.title);
    tag(meta("og:title", title));
    tag(meta("og:description", description));
    tag(meta("og:locale", og_locale(content_lang)));
    for &l in written_in.iter().filter(|&&l| l != content_lang) {
        tag(meta("og:locale:alternate", og_locale(l)));
    }
    if facts.root.is_some() {
        tag(meta("og:url", &canonical));
    }
    if let Some(picture) = picture {
        tag(meta("og:image", picture));
    }
    let name =
        |n: &str, content: &str| format!(r#"<meta name="{n}" content="{}">"#, escape(content));
    tag(name(
        "twitter:card",
        if image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        },
    ));
    tag(name("twitter:title", title));
    tag(name("twitter:description", description));
    if let Some(picture) = picture {
        tag(name("twitter:image", picture));
    }
    let text = |t: &crate::domain::Text| t.show_or_empty(lang).text.to_string();
    let publisher =
        serde_json::json!({ "@type": "Organization", "name": text(&facts.site.organiser) });
    let data = match (page, article) {
        (Page::Home, _) => Some(serde_json::json!({
            "@context": "https://schema.org",
            "@type": "ExhibitionEvent",
            "name": text(&facts.event.name),
            "description": text(&facts.site.description),
            "startDate": facts.event.opens.to_string(),
            "endDate": facts.event.closes.to_string(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": { "@type": "Place", "name": text(&facts.event.venue), "address": text(&facts.event.venue) },
            "organizer": {
                "@type": "Organization",
                "name": text(&facts.event.organiser.name),
                "email": facts.event.organiser.email,
            },
            "inLanguage": lang.code(),
            "url": canonical,
        })),
        (_, Some(a)) => {
            let mut value = serde_json::json!({
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                // In the language the page is written in, as its canonical
                // link says (an Arabic title over an English text: English).
                "headline": a.title.show_or_empty(content_lang).text,
                "inLanguage": a.title.show_or_empty(content_lang).lang.code(),
                // The news is the organiser's own.
                "author": publisher,
                "publisher": publisher,
                "mainEntityOfPage": canonical,
            });
            if let Some(date) = a.date {
                value["datePublished"] = date.to_string().into();
            }
            Some(value)
        }
        _ => None,
    };
    if let Some(mut data) = data {
        // Search engines want a picture of each: the page's, else the mark.
        if let (None, Some(picture)) = (data.get("image"), picture) {
            data["image"] = picture.clone().into();
        }
        tag(format!(
            r#"<script type="application/ld+json">{}</script>"#,
            script_json(&data)
        ));
    }
    out
}

/// `sitemap.xml`: every page in each language, with its alternates; and
/// `robots.txt` naming it. Only with the site's address (sitemaps are absolute).
fn sitemap(facts: &Facts, pages: &[Page]) -> Option<(String, String)> {
    let root = facts.root.as_ref()?;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    // The request form is no page to find: it starts from a choice made
    // on the plan.
    for page in pages
        .iter()
        .filter(|p| **p != Page::Book(BookStep::Details))
    {
        let written_in = facts.written_in(page);
        for &lang in &written_in {
            out.push_str(&format!(
                "<url><loc>{}</loc>",
                escape(&facts.url(&page.path(lang)))
            ));
            if written_in.len() > 1 {
                for &l in &written_in {
                    out.push_str(&format!(
                        "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                        l.code(),
                        escape(&facts.url(&page.path(l)))
                    ));
                }
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    let robots = format!("User-agent: *\nAllow: /\nSitemap: {root}/sitemap.xml\n");
    Some((out, robots))
}

/// Where the build leaves Trunk's page shell of the booking entry (its
/// scripts and their integrity) for the renderer, which removes it.
pub const BOOK_SHELL: &str = "book-shell.html";

/// The two page shells Trunk built: each page is written into its entry's.
struct Shells {
    site: String,
    book: String,
}

impl Shells {
    fn read(dist: &Path) -> Result<Shells, Vec<String>> {
        let read = |name: &str| {
            std::fs::read_to_string(dist.join(name))
                .map_err(|e| vec![format!("{}: {e}", dist.join(name).display())])
        };
        Ok(Shells {
            site: read("index.html")?,
            book: read(BOOK_SHELL)?,
        })
    }

    fn of(&self, app_path: &str) -> &str {
        if Entry::for_page(&Route::parse(app_path).page).is_book() {
            &self.book
        } else {
            &self.site
        }
    }
}

/// Renders and writes every page into `dist`, already built by Trunk with
/// the main entry's shell as `index.html` and the booking entry's as
/// [`BOOK_SHELL`]. Returns the files written.
pub fn write_site(
    dist: &Path,
    public: &Path,
    base: &str,
    today: Date,
) -> Result<Vec<String>, Vec<String>> {
    let files = read_data(public)?;
    let shells = Shells::read(dist)?;
    let env = BuildEnv {
        base: base.trim_end_matches('/').to_string(),
        today,
        files: Arc::new(files.clone()),
        ..BuildEnv::default()
    };
    let facts = Facts::read(&files, base)
        .ok_or_else(|| vec!["the data files could not be read".to_string()])?;
    let pages = pages(&files);
    let mut out: Vec<(String, String)> = Vec::new();
    for page in &pages {
        for lang in Lang::ALL {
            let path = page.path(lang);
            let rendered = render(&env, &path);
            let head = head_tags(&facts, page, lang, &rendered);
            let html =
                page_html(shells.of(&path), Some(lang), &rendered, &head).map_err(|e| vec![e])?;
            out.push((page.file(lang), html));
        }
    }
    if let Some((xml, robots)) = sitemap(&facts, &pages) {
        out.push(("sitemap.xml".into(), xml));
        out.push(("robots.txt".into(), robots));
    }
    // The bare root offers both languages; the not-found page is what a
    // static host answers for any other path (the app then shows the page
    // it is, such as a request kept in the browser).
    let root = render(&env, "/");
    out.push((
        "index.html".into(),
        page_html(shells.of("/"), None, &root, "").map_err(|e| vec![e])?,
    ));
    let missing = render(&env, "/404");
    let html = page_html(
        shells.of("/404"),
        None,
        &missing,
        r#"<meta name="robots" content="noindex">"#,
    )
    .map_err(|e| vec![e])?;
    // First in the head (after the charset, which must come early), before
    // the preloads of the booking's code start.
    let charset = r#"<meta charset="utf-8">"#;
    let spellings = other_spellings_script(&pages, &env.base);
    out.push((
        NOT_FOUND_FILE.into(),
        html.replacen(charset, &format!("{charset}\n  {spellings}"), 1),
    ));
    let mut written = Vec::new();
    for (path, html) in out {
        let target = dist.join(&path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| vec![format!("{}: {e}", dir.display())])?;
        }
        std::fs::write(&target, html).map_err(|e| vec![format!("{}: {e}", target.display())])?;
        written.push(path);
    }
    // Its pages are written: the shell itself is not a page of the site.
    std::fs::remove_file(dist.join(BOOK_SHELL))
        .map_err(|e| vec![format!("{}: {e}", dist.join(BOOK_SHELL).display())])?;
    Ok(written)
}
