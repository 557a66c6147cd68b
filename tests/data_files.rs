//! Every data file the site ships parses into the domain types and keeps the
//! editors' rules, whatever content it holds; every edit the README documents
//! keeps it so; a broken file is reported with its path and field. The breaks
//! are made in a copy of the fixture site (tests/fixtures/site), whose content
//! the tests own, never in today's shipped content.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use expo_site::domain::article::ArticleIndex;
use expo_site::domain::booking::event::{Event, EventFacts};
use expo_site::domain::booking::plan::FloorPlan;
use expo_site::domain::data::{parse, DataFile};
use expo_site::domain::site::Site;
use expo_site::domain::sponsor::Sponsors;
use std::fs;
use std::path::{Path, PathBuf};

fn public() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public")
}

fn fixture_site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site")
}

/// Reads a data file as the app does, through `data::parse`; its problems
/// (one per line, each starting with the path) join `problems`.
fn read<T: DataFile>(root: &Path, problems: &mut Vec<String>) -> Option<T> {
    let text = match fs::read_to_string(root.join(T::PATH)) {
        Ok(t) => t,
        Err(e) => {
            problems.push(format!("{}: cannot read: {e}", T::PATH));
            return None;
        }
    };
    parse(&text)
        .map_err(|e| problems.extend(e.lines().map(String::from)))
        .ok()
}

fn must_exist(root: &Path, rel: &str, what: &str, problems: &mut Vec<String>) {
    if !root.join(rel).is_file() {
        problems.push(format!("{what}: file `{rel}` does not exist under public/"));
    }
}

/// All problems in a `public/` folder, each naming the file and field.
fn check_site_data(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(index) = read::<ArticleIndex>(root, &mut problems) {
        for (i, a) in index.articles.iter().enumerate() {
            for lang in &a.body {
                must_exist(
                    root,
                    &a.body_path(*lang),
                    &format!("data/articles.json: articles[{i}].body"),
                    &mut problems,
                );
            }
            if let Some(img) = &a.image {
                must_exist(
                    root,
                    img,
                    &format!("data/articles.json: articles[{i}].image"),
                    &mut problems,
                );
            }
        }
    }
    if let Some(sponsors) = read::<Sponsors>(root, &mut problems) {
        for (i, g) in sponsors.groups.iter().enumerate() {
            for (j, s) in g.entries.iter().enumerate() {
                must_exist(
                    root,
                    &s.logo,
                    &format!("data/sponsors.json: groups[{i}].entries[{j}].logo"),
                    &mut problems,
                );
            }
        }
    }
    read::<Site>(root, &mut problems);
    let event = read::<Event>(root, &mut problems);
    let plan = read::<FloorPlan>(root, &mut problems);
    // Across two files: every stand's type is one the event's terms price.
    if let (Some(plan), Some(event)) = (plan, event) {
        problems.extend(
            plan.type_problems(&event)
                .into_iter()
                .map(|p| format!("{}: {p}", FloorPlan::PATH)),
        );
    }
    problems
}

#[test]
fn shipped_data_is_valid() {
    let problems = check_site_data(&public());
    assert!(
        problems.is_empty(),
        "problems in public/:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_fixture_site_is_valid() {
    let problems = check_site_data(&fixture_site());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Copies `from` to a temporary folder so a test can change it.
fn scratch_copy_of(from: &Path, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("expo-data-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    common::copy_dir(from, &dir);
    dir
}

/// A copy of the fixture site, to break.
fn scratch_copy(name: &str) -> PathBuf {
    scratch_copy_of(&fixture_site(), name)
}

#[test]
fn broken_files_are_reported_with_path_and_field() {
    let root = scratch_copy("broken");
    let articles = fs::read_to_string(root.join("data/articles.json")).unwrap();
    fs::write(
        root.join("data/articles.json"),
        articles.replacen("\"summary\"", "\"sumary\"", 1),
    )
    .unwrap();
    fs::remove_file(root.join("images/sponsors/fixture-steel.svg")).unwrap();
    fs::write(root.join("data/site.json"), "{ \"name\": ").unwrap();
    let plan = fs::read_to_string(root.join("data/floorplan.json")).unwrap();
    fs::write(
        root.join("data/floorplan.json"),
        plan.replacen("\"id\": \"T2\"", "\"id\": \"T1\"", 1),
    )
    .unwrap();

    let problems = check_site_data(&root).join("\n");
    assert!(
        problems.contains("data/articles.json: unknown field `sumary`"),
        "{problems}"
    );
    assert!(problems.contains("data/sponsors.json: groups[0].entries[0].logo: file `images/sponsors/fixture-steel.svg` does not exist"), "{problems}");
    assert!(
        problems.contains("data/site.json: EOF while parsing a value at line 1 column"),
        "{problems}"
    );
    // The duplicate is reported for both stands that now share the id.
    assert!(
        problems.contains("data/floorplan.json: stands[0] (T1).id: used by more than one stand"),
        "{problems}"
    );
    assert!(
        problems.contains("data/floorplan.json: stands[1] (T1).id: used by more than one stand"),
        "{problems}"
    );
    fs::remove_dir_all(root).unwrap();
}

/// Replaces `from` (which must occur) by `to`, once, in a data file of `root`.
fn break_file(root: &Path, rel: &str, from: &str, to: &str) {
    let text = fs::read_to_string(root.join(rel)).unwrap();
    assert!(text.contains(from), "{rel} has no `{from}`");
    fs::write(root.join(rel), text.replacen(from, to, 1)).unwrap();
}

#[test]
fn hostile_ids_links_and_amounts_are_refused_where_the_file_is_read() {
    let root = scratch_copy("hostile");
    break_file(
        &root,
        "data/floorplan.json",
        "\"id\": \"T2\"",
        "\"id\": \"T\\u202E2\"",
    );
    break_file(
        &root,
        "data/floorplan.json",
        "\"id\": \"T3\"",
        "\"id\": \"<b>T3</b>\"",
    );
    break_file(
        &root,
        "data/floorplan.json",
        "\"id\": \"T4\"",
        "\"id\": \"T 4\"",
    );
    break_file(
        &root,
        "data/sponsors.json",
        "\"url\": \"https://steel.fixture.test\"",
        "\"url\": \"javascript:alert(1)\"",
    );
    break_file(
        &root,
        "data/event.json",
        "\"price_per_m2\": \"340.00\"",
        "\"price_per_m2\": \"90000000000000000.00\"",
    );
    break_file(
        &root,
        "data/event.json",
        "\"max_quantity\": 20",
        "\"max_quantity\": 4000000000",
    );
    break_file(
        &root,
        "data/event.json",
        "\"lyd_rate\": \"5.45\"",
        "\"lyd_rate\": \"0\"",
    );
    break_file(
        &root,
        "data/event.json",
        "\"id\": \"chair\"",
        "\"id\": \"\"",
    );
    break_file(
        &root,
        "data/event.json",
        "\"max_stands_per_request\": 8",
        "\"max_stands_per_request\": 100000",
    );

    let problems = check_site_data(&root).join("\n");
    for expected in [
        "data/floorplan.json: stands[1] (T\\u{202e}2).id: `T\\u{202e}2` holds U+202E",
        "data/floorplan.json: stands[2] (<b>T3</b>).id: `<b>T3</b>` holds '<'",
        "data/floorplan.json: stands[3] (T 4).id: `T 4` holds U+0020",
        "data/sponsors.json: groups[0] (sponsors).entries[0].url: `javascript:alert(1)` is not an https:// address with a host",
        "data/event.json: stand_types[0].price_per_m2: 90,000,000,000,000,000.00 is more than the most allowed, 1,000,000.00",
        "data/event.json: extras[0].max_quantity: 4000000000 is more than the most allowed, 10000",
        "data/event.json: lyd_rate: must be more than 0",
        "data/event.json: extras[0].id: must not be empty",
        "data/event.json: rules.max_stands_per_request: 100000 is more than the most allowed, 1000",
    ] {
        assert!(problems.contains(expected), "missing `{expected}` in:\n{problems}");
    }
    // No message carries the bidi control itself: it would reverse the text around it.
    assert!(!problems.contains('\u{202E}'), "{problems}");
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_missing_body_file_is_reported() {
    let root = scratch_copy("nobody");
    fs::remove_file(root.join("data/articles/both-languages.ar.md")).unwrap();
    let problems = check_site_data(&root).join("\n");
    assert!(problems.contains("data/articles.json: articles[0].body: file `data/articles/both-languages.ar.md` does not exist"), "{problems}");
    fs::remove_dir_all(root).unwrap();
}

/// Reads, changes with `edit` and writes back a JSON data file of `root`.
fn edit_json(root: &Path, rel: &str, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = root.join(rel);
    let mut value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    edit(&mut value);
    fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
}

/// The slug of the article and the id of the group the edits add: names no
/// editor would choose, so the edits apply to whatever the data hold.
const ADDED: &str = "added-by-the-tests";

/// Every edit the README's "Editing the content" documents, applied the way
/// an editor would to a copy of today's shipped data, whatever it holds.
fn apply_documented_edits(root: &Path) {
    use serde_json::json;
    edit_json(root, "data/articles.json", |v| {
        let articles = v["articles"].as_array_mut().unwrap();
        let related = articles[0]["slug"].clone();
        articles.insert(
            0,
            json!({
                "slug": ADDED,
                "date": "2026-04-20",
                "title": { "en": "Opening day", "ar": "يوم الافتتاح" },
                "summary": { "en": "One sentence.", "ar": "جملة واحدة." },
                "body": ["en", "ar"],
                "related": [related]
            }),
        );
    });
    for lang in ["en", "ar"] {
        fs::write(
            root.join(format!("data/articles/{ADDED}.{lang}.md")),
            "## Opening\n\nThe doors open at ten.\n\n- Hall A\n\n---\n",
        )
        .unwrap();
    }
    edit_json(root, "data/event.json", |v| {
        for t in v["stand_types"].as_array_mut().unwrap() {
            t["price_per_m2"] = json!("412.50");
        }
        for e in v["extras"].as_array_mut().unwrap() {
            e["unit_price"] = json!("17.25");
        }
        v["opens"] = json!("2028-05-08");
        v["closes"] = json!("2028-05-11");
        v["lyd_rate"] = json!("6.1234");
        v["tax"]["rate"] = json!("14");
    });
    edit_json(root, "data/floorplan.json", |v| {
        let stands = v["stands"].as_array_mut().unwrap();
        let available = stands.iter().position(|s| s["status"] == "available");
        let sold = stands.iter().position(|s| s["status"] == "sold");
        if let Some(i) = available {
            stands[i]["status"] = json!("sold");
            stands[i]["exhibitor"] = json!("New Exhibitor Ltd");
        }
        if let Some(i) = sold {
            stands[i]["status"] = json!("available");
            stands[i]["exhibitor"] = json!(null);
        }
    });
    edit_json(root, "data/sponsors.json", |v| {
        let groups = v["groups"].as_array_mut().unwrap();
        let logo = json!("images/sponsors/example-steel.svg");
        let entry = json!({ "name": { "en": "Example Steel", "ar": "مثال للصلب" }, "logo": logo, "url": "https://example.com" });
        groups[0]["entries"].as_array_mut().unwrap().push(entry);
        groups.push(json!({ "id": ADDED, "title": { "en": "Media partners", "ar": "شركاء إعلاميون" }, "entries": [] }));
    });
    fs::create_dir_all(root.join("images/sponsors")).unwrap();
    fs::write(
        root.join("images/sponsors/example-steel.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>"#,
    )
    .unwrap();
}

#[test]
fn every_documented_edit_of_the_shipped_data_stays_valid_and_renders() {
    let root = scratch_copy_of(&public(), "edited");
    apply_documented_edits(&root);
    let problems = check_site_data(&root);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The build reads the same files and renders a page for the new article.
    let files = expo_site::prerender::read_data(&root).unwrap();
    let pages = expo_site::prerender::pages(&files);
    assert!(pages
        .iter()
        .any(|p| p.path(expo_site::domain::lang::Lang::En) == format!("/en/news/{ADDED}")));
    fs::remove_dir_all(root).unwrap();
}

/// One invalid edit of a JSON data file, made after the valid ones.
type Edit = fn(&mut serde_json::Value);

/// The reading pages show the venue and dates from the file the booking
/// reads in full, and both refuse days out of order.
#[test]
fn the_event_facts_are_the_terms_own() {
    let text = fs::read_to_string(fixture_site().join(Event::PATH)).unwrap();
    let event: Event = parse(&text).unwrap();
    let facts: EventFacts = parse(&text).unwrap();
    assert_eq!(
        (facts.venue, facts.opens, facts.closes),
        (event.venue, event.opens, event.closes)
    );
    let mut swapped: serde_json::Value = serde_json::from_str(&text).unwrap();
    swapped["opens"] = serde_json::json!("2030-01-02");
    swapped["closes"] = serde_json::json!("2030-01-01");
    let swapped = swapped.to_string();
    let expected = "data/event.json: closes: before opens";
    assert!(parse::<Event>(&swapped).unwrap_err().contains(expected));
    assert!(parse::<EventFacts>(&swapped)
        .unwrap_err()
        .contains(expected));
}

#[test]
fn invalid_edits_of_the_shipped_data_name_the_file_and_the_field() {
    use serde_json::json;
    // A value that breaks a rule names its field; one of the wrong shape (a
    // date that is no date, an unknown status) is a JSON error, which names
    // the value and its line and column in the file.
    let cases: [(&str, Edit, &str); 7] = [
        (
            "data/articles.json",
            |v| v["articles"][0]["slug"] = json!("Opening Day"),
            "articles[0] (Opening Day).slug: ",
        ),
        (
            "data/articles.json",
            |v| v["articles"][0]["related"] = json!(["no-such-story"]),
            "articles[0] (added-by-the-tests).related: ",
        ),
        (
            "data/event.json",
            |v| v["stand_types"][0]["price_per_m2"] = json!("12,50"),
            "`12,50`",
        ),
        (
            "data/event.json",
            |v| v["opens"] = json!("2028-13-01"),
            "`2028-13-01` is not a date (YYYY-MM-DD) at line",
        ),
        (
            "data/event.json",
            |v| v["payment_schedule"][0]["share"] = json!("1"),
            "payment_schedule",
        ),
        (
            "data/floorplan.json",
            |v| v["stands"][0]["status"] = json!("gone"),
            "unknown variant `gone`",
        ),
        (
            "data/sponsors.json",
            |v| v["groups"][0]["entries"][0]["url"] = json!("http://example.com"),
            ".entries[0].url: `http://example.com` is not an https:// address",
        ),
    ];
    for (file, edit, expected) in cases {
        let root = scratch_copy_of(&public(), "invalid");
        apply_documented_edits(&root);
        edit_json(&root, file, edit);
        let problems = check_site_data(&root);
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with(&format!("{file}: ")) && p.contains(expected)),
            "no problem of {file} says `{expected}`:\n{}",
            problems.join("\n")
        );
        fs::remove_dir_all(root).unwrap();
    }
}
