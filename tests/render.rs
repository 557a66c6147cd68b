//! The build-time renderer, on a site the tests own (tests/fixtures/site):
//! every page exists in both languages with its content, its head and the
//! data it carries; an article added to the data gets its pages; broken
//! data fails the build with the file and the field.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use expo_site::domain::date::Date;
use expo_site::domain::route::Route;
use expo_site::prerender::{write_site, BOOK_SHELL};
use std::fs;
use std::path::{Path, PathBuf};

const SHELL: &str = r#"<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
  <meta charset="utf-8">
  <base href="/">
  <title>Shell title</title>
  <meta name="description" content="Shell description.">
  <script type="module" src="/ENTRY.js"></script>
</head>
<body>
  <noscript>shell</noscript>
</body>
</html>
"#;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site")
}

/// The shell of one Wasm entry, as Trunk writes it.
fn shell(entry: &str) -> String {
    SHELL.replace("ENTRY", entry)
}

/// A fresh copy of the fixture site and an empty dist holding only the two
/// entries' shells.
fn scratch(name: &str) -> (PathBuf, PathBuf) {
    let root = std::env::temp_dir().join(format!("expo-render-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    let (public, dist) = (root.join("public"), root.join("dist"));
    common::copy_dir(&fixture(), &public);
    fs::create_dir_all(&dist).unwrap();
    fs::write(dist.join("index.html"), shell("expo-site")).unwrap();
    fs::write(dist.join(BOOK_SHELL), shell("expo-book")).unwrap();
    (public, dist)
}

fn today() -> Date {
    Date::new(2026, 11, 25).unwrap()
}

/// The file written for an app path.
fn page(dist: &Path, app_path: &str) -> String {
    let route = Route::parse(app_path);
    let file = match route.lang {
        Some(lang) => route.page.file(lang),
        None => "index.html".into(),
    };
    fs::read_to_string(dist.join(file)).unwrap_or_else(|e| panic!("{app_path}: {e}"))
}

#[test]
fn every_page_is_written_in_both_languages_with_its_content() {
    let (public, dist) = scratch("all");
    write_site(&dist, &public, "/", today()).unwrap();
    for (path, lang, dir, h1) in [
        ("/en/", "en", "ltr", "Fixture Expo"),
        ("/ar/", "ar", "rtl", "معرض الاختبار"),
        ("/en/news", "en", "ltr", "News"),
        ("/ar/news", "ar", "rtl", "الأخبار"),
        (
            "/en/sponsors",
            "en",
            "ltr",
            "Thank you to our Sponsors &amp; Partners",
        ),
        ("/ar/sponsors", "ar", "rtl", "شكراً لشركائنا ورعاتنا"),
        ("/en/book", "en", "ltr", "Book a Stand"),
        ("/ar/book/details", "ar", "rtl", "احجز جناحك"),
        (
            "/en/news/both-languages",
            "en",
            "ltr",
            "A story in both languages",
        ),
        ("/ar/news/both-languages", "ar", "rtl", "قصة باللغتين"),
    ] {
        let html = page(&dist, path);
        assert!(
            html.contains(&format!(r#"<html lang="{lang}" dir="{dir}">"#)),
            "{path}: lang and dir"
        );
        assert!(html.contains(h1), "{path}: {h1}");
        assert_eq!(html.matches("<main").count(), 1, "{path}: one main");
        // The app's markup starts right after <body>: nothing of the shell is left.
        assert!(
            html.contains("<body><a"),
            "{path}: body starts with the app"
        );
        assert!(!html.contains("<noscript>shell"), "{path}");
        for l in ["en", "ar"] {
            assert!(
                html.contains(&format!(r#"<link rel="alternate" hreflang="{l}""#)),
                "{path}: hreflang {l}"
            );
        }
    }
}

#[test]
fn pages_carry_their_title_description_and_exactly_the_data_they_show() {
    let (public, dist) = scratch("head");
    write_site(&dist, &public, "/", today()).unwrap();
    let article = page(&dist, "/ar/news/both-languages");
    assert!(article.contains("<title>قصة باللغتين · معرض الاختبار</title>"));
    // An article is described by its summary; a page without one, by the site's.
    assert!(
        article.contains(r#"<meta name="description" content="اقرأها بالإنجليزية أو العربية.">"#)
    );
    assert!(page(&dist, "/ar/news")
        .contains(r#"<meta name="description" content="وصف موقع الاختبار.">"#));
    assert!(
        article.contains("النص العربي لقصة الاختبار."),
        "the body is in the page"
    );
    assert!(article.contains(r#"id="expo-data""#));
    assert!(article.contains(r#""data/articles/both-languages.ar.md""#));
    // A news reader's page does not carry the floor plan.
    assert!(!article.contains(r#""data/floorplan.json""#));
    assert!(page(&dist, "/en/book").contains(r#""data/floorplan.json""#));
    // An article in English only is shown in Arabic with its note, its body in English.
    let fallback = page(&dist, "/ar/news/english-only");
    assert!(fallback.contains("هذا المقال متاح باللغة الإنجليزية فقط."));
    assert!(fallback.contains(r#"lang="en" dir="ltr""#));
    assert!(fallback.contains("Only English text here."));
}

/// Adds an article to a scratch copy's index, first, as an editor would,
/// with its texts by language.
fn add_article(public: &Path, entry: &str, texts: &[(&str, &str)]) {
    let index = public.join("data/articles.json");
    let text = fs::read_to_string(&index).unwrap().replacen(
        r#""articles": ["#,
        &format!(r#""articles": [{entry},"#),
        1,
    );
    fs::write(&index, text).unwrap();
    let slug = serde_json::from_str::<serde_json::Value>(entry).unwrap()["slug"]
        .as_str()
        .unwrap()
        .to_string();
    for (lang, body) in texts {
        fs::write(public.join(format!("data/articles/{slug}.{lang}.md")), body).unwrap();
    }
}

#[test]
fn a_new_article_gets_its_pages_with_no_code_change() {
    let (public, dist) = scratch("new");
    add_article(
        &public,
        r#"{"slug": "added-by-an-editor", "date": "2026-11-20", "image": "images/x.jpg", "title": {"en": "Added by an editor </script><b>\"quoted\"</b>", "ar": "أضافه محرر"}, "body": ["en", "ar"]}"#,
        &[("en", "Fresh news.\n"), ("ar", "أخبار جديدة.\n")],
    );
    write_site(&dist, &public, "/", today()).unwrap();
    let added = page(&dist, "/en/news/added-by-an-editor");
    assert!(added.contains("Fresh news."));
    assert!(page(&dist, "/ar/news/added-by-an-editor").contains("أضافه محرر"));
    assert!(page(&dist, "/en/news").contains("Added by an editor"));
    // The sitemap lists it, with its other language.
    let sitemap = fs::read_to_string(dist.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains(
        "<url><loc>https://expo.fixture.test/ar/news/added-by-an-editor</loc><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://expo.fixture.test/en/news/added-by-an-editor\"/>"
    ));
    // Its title is text everywhere in the head: never markup, never the end of a script.
    // Without the site's name, which og:site_name gives beside it.
    assert!(added.contains(r#"<meta property="og:title" content="Added by an editor &lt;/script&gt;&lt;b&gt;&quot;quoted&quot;&lt;/b&gt;">"#), "{added}");
    assert!(added.contains(r#"<meta property="og:site_name" content="Fixture Expo">"#));
    assert!(added.contains(
        r#""headline":"Added by an editor \u003c/script\u003e\u003cb\u003e\"quoted\"\u003c/b\u003e""#
    ));
    assert!(!added.contains("</script><b>"));
    assert!(added.contains(
        r#"<meta property="og:image" content="https://expo.fixture.test/images/x.jpg">"#
    ));
    assert!(added.contains(r#""datePublished":"2026-11-20""#));
}

#[test]
fn pages_tell_search_engines_and_link_previews_what_they_are() {
    let (public, dist) = scratch("seo");
    write_site(&dist, &public, "/expo/", today()).unwrap();
    let article = page(&dist, "/ar/news/both-languages");
    for tag in [
        r#"<link rel="canonical" href="https://expo.fixture.test/expo/ar/news/both-languages">"#,
        r#"<link rel="alternate" hreflang="en" href="https://expo.fixture.test/expo/en/news/both-languages">"#,
        r#"<link rel="alternate" hreflang="x-default" href="https://expo.fixture.test/expo/">"#,
        r#"<meta property="og:type" content="article">"#,
        r#"<meta property="og:locale" content="ar_LY">"#,
        r#"<meta property="og:locale:alternate" content="en_GB">"#,
        r#"<meta property="og:description" content="اقرأها بالإنجليزية أو العربية.">"#,
        r#"<meta name="twitter:card" content="summary">"#,
        // No picture of its own: the site's mark, on a small card.
        r#"<meta property="og:image" content="https://expo.fixture.test/expo/icons/icon-512.png">"#,
        r#"<meta name="twitter:image" content="https://expo.fixture.test/expo/icons/icon-512.png">"#,
        r#""@type":"NewsArticle""#,
        r#""author":{"@type":"Organization""#,
        r#""image":"https://expo.fixture.test/expo/icons/icon-512.png""#,
    ] {
        assert!(article.contains(tag), "{tag}");
    }
    let home = page(&dist, "/en/");
    assert!(home.contains(r#""@type":"ExhibitionEvent""#));
    assert!(home.contains(r#""startDate":"2027-04-19""#));
    assert!(home.contains(r#""image":"https://expo.fixture.test/expo/icons/icon-512.png""#));
    assert!(home.contains(r#"<meta property="og:type" content="website">"#));
    // The request form starts from a choice on the plan: no page to find.
    let sitemap = fs::read_to_string(dist.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("/expo/en/book</loc>"));
    assert!(!sitemap.contains("/book/details"));
    let robots = fs::read_to_string(dist.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://expo.fixture.test/expo/sitemap.xml"));
}

#[test]
fn an_untranslated_article_sends_search_engines_to_the_language_it_is_written_in() {
    let (public, dist) = scratch("untranslated");
    // And one whose title only is translated: its text is English.
    add_article(
        &public,
        r#"{"slug": "title-only", "title": {"en": "Title in English", "ar": "عنوان بالعربية"}, "body": ["en"]}"#,
        &[("en", "English text.\n")],
    );
    write_site(&dist, &public, "/", today()).unwrap();
    let title_only = page(&dist, "/ar/news/title-only");
    for tag in [
        r#"<link rel="canonical" href="https://expo.fixture.test/en/news/title-only">"#,
        r#""inLanguage":"en""#,
        r#""headline":"Title in English""#,
    ] {
        assert!(title_only.contains(tag), "{tag}");
    }
    let copy = page(&dist, "/ar/news/english-only");
    for tag in [
        r#"<link rel="canonical" href="https://expo.fixture.test/en/news/english-only">"#,
        r#"<link rel="alternate" hreflang="en" href="https://expo.fixture.test/en/news/english-only">"#,
        r#"<meta property="og:locale" content="en_GB">"#,
        r#"<meta property="og:url" content="https://expo.fixture.test/en/news/english-only">"#,
    ] {
        assert!(copy.contains(tag), "{tag}");
    }
    for tag in [r#"hreflang="ar""#, "og:locale:alternate"] {
        assert!(!copy.contains(tag), "{tag}");
    }
    // The frame is still Arabic: only what search engines are told changes.
    assert!(copy.contains(r#"<html lang="ar" dir="rtl">"#));
    assert_eq!(
        page(&dist, "/en/news/english-only")
            .matches(
                "<link rel=\"canonical\" href=\"https://expo.fixture.test/en/news/english-only\">"
            )
            .count(),
        1
    );
    let sitemap = fs::read_to_string(dist.join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("<url><loc>https://expo.fixture.test/en/news/english-only</loc></url>")
    );
    assert!(!sitemap.contains("/ar/news/english-only"));
    // A page written in both keeps both.
    assert!(sitemap.contains("<url><loc>https://expo.fixture.test/ar/news/both-languages</loc>"));
}

#[test]
fn the_root_offers_both_languages_and_the_not_found_page_is_not_indexed() {
    let (public, dist) = scratch("root");
    write_site(&dist, &public, "/", today()).unwrap();
    let root = fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(root.contains(r#"href="/en/""#) && root.contains(r#"href="/ar/""#));
    let missing = fs::read_to_string(dist.join("404.html")).unwrap();
    assert!(missing.contains(r#"<meta name="robots" content="noindex">"#));
    assert!(missing.contains("Page not found"));
    // Other spellings of a page go there at once, as the route parser reads
    // them; a request's address (kept in the browser) is left to the app.
    for (spelling, page) in [
        ("/en/news/", "/en/news"),
        ("/ar/news/both-languages.html", "/ar/news/both-languages"),
        ("/en/index.html", "/en/"),
        ("/ar", "/ar/"),
        ("/en/book/details/", "/en/book/details"),
    ] {
        assert!(
            missing.contains(&format!(r#""{spelling}":"{page}""#)),
            "{spelling}"
        );
    }
    assert!(!missing.contains(r#""/en/book/request"#));
    // Before anything the page loads (its preloads start as they are read).
    let script = missing.find("expo.spelling").unwrap();
    assert!(script < missing.find("<link").unwrap());
}

#[test]
fn under_a_sub_path_every_link_keeps_it() {
    let (public, dist) = scratch("sub");
    write_site(&dist, &public, "/expo/", today()).unwrap();
    let home = page(&dist, "/en/");
    assert!(home.contains(r#"href="/expo/en/news""#));
    assert!(home.contains(r#"href="/expo/ar/""#));
    assert!(home.contains(r#"hreflang="ar" href="https://expo.fixture.test/expo/ar/""#));
}

#[test]
fn only_the_booking_pages_and_the_not_found_page_load_the_booking_entry() {
    let (public, dist) = scratch("entries");
    write_site(&dist, &public, "/", today()).unwrap();
    let loads = |html: &str, entry: &str| html.contains(&format!("src=\"/{entry}.js\""));
    for path in [
        "/en/",
        "/ar/news",
        "/en/news/both-languages",
        "/ar/sponsors",
    ] {
        let html = page(&dist, path);
        assert!(
            loads(&html, "expo-site") && !loads(&html, "expo-book"),
            "{path}"
        );
    }
    for path in ["/en/book", "/ar/book/details", "/en/no-such-page"] {
        let html = page(&dist, path);
        assert!(
            loads(&html, "expo-book") && !loads(&html, "expo-site"),
            "{path}"
        );
    }
    let root = fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(loads(&root, "expo-site"));
    // The booking entry's shell was the renderer's input, not a page.
    assert!(!dist.join(BOOK_SHELL).exists());
}

#[test]
fn broken_data_fails_the_build_with_the_file_and_the_field() {
    let (public, dist) = scratch("broken");
    let plan = public.join("data/floorplan.json");
    let text = fs::read_to_string(&plan)
        .unwrap()
        .replace(r#""T2""#, r#""T1""#);
    fs::write(&plan, text).unwrap();
    fs::remove_file(public.join("data/articles/english-only.en.md")).unwrap();
    let problems = write_site(&dist, &public, "/", today())
        .unwrap_err()
        .join("\n");
    assert!(
        problems.contains("data/floorplan.json: stands[1] (T1).id: used by more than one stand"),
        "{problems}"
    );
    assert!(
        problems.contains("data/articles/english-only.en.md: cannot read"),
        "{problems}"
    );
    assert!(!dist.join("en/news.html").exists(), "nothing is written");
}

/// The details step draws each field of the request's description, with its
/// label, type, direction, length and whether it is required, in both languages.
#[test]
fn the_details_step_draws_every_described_field() {
    use expo_site::domain::booking::request::{Field, Kind};
    use expo_site::domain::Lang;
    let (public, dist) = scratch("fields");
    write_site(&dist, &public, "/", today()).unwrap();
    for lang in Lang::ALL {
        let html = page(&dist, &format!("/{}/book/details", lang.code()));
        let form = &html[html.find("<form").unwrap()..html.find("</form>").unwrap()];
        let mut at = 0;
        for &f in Field::ALL {
            let spec = f.spec();
            let tag = if spec.kind == Kind::Multiline {
                "<textarea"
            } else {
                "<input"
            };
            let start = form[at..]
                .find(&format!(r#"{tag} id="{}""#, spec.id))
                .unwrap_or_else(|| panic!("{f:?}: no {tag} in the described order"))
                + at;
            let element = &form[start..start + form[start..].find('>').unwrap()];
            let label = form
                .find(&format!(r#"<label for="{}""#, spec.id))
                .map(|i| &form[i..])
                .and_then(|l| l.split_once('>'))
                .map(|(_, text)| text);
            assert!(
                label.is_some_and(|text| text.starts_with(spec.label.get(lang))),
                "{f:?}: no label {:?}",
                spec.label.get(lang)
            );
            if spec.kind != Kind::Multiline {
                let kind = format!(r#"type="{}""#, spec.kind.input_type());
                assert!(element.contains(&kind), "{f:?}: {element}");
            }
            if spec.kind != Kind::Consent {
                // No maxlength: a browser cuts a paste silently there; the
                // form keeps it whole and says it is too long instead.
                let dir = format!(r#"dir="{}""#, spec.kind.dir());
                assert!(
                    element.contains(&dir) && !element.contains("maxlength"),
                    "{f:?}: {element}"
                );
                assert_eq!(
                    element.contains(" required"),
                    f.required(),
                    "{f:?}: {element}"
                );
            }
            at = start;
        }
        let marks = form.matches("field__required").count();
        let required = Field::ALL
            .iter()
            .filter(|f| f.required() && f.kind() != Kind::Consent)
            .count();
        assert_eq!(marks, required, "{lang:?}");
    }
}
