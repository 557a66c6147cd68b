//! Every data file the site ships parses into the domain types and keeps the
//! editors' rules; a broken file is reported with its path and field.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use expo_site::domain::article::ArticleIndex;
use expo_site::domain::booking::event::Event;
use expo_site::domain::booking::plan::FloorPlan;
use expo_site::domain::data::{parse, DataFile};
use expo_site::domain::site::Site;
use expo_site::domain::sponsor::Sponsors;
use std::fs;
use std::path::{Path, PathBuf};

fn public() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public")
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
fn shipped_articles_match_the_seed() {
    let text = fs::read_to_string(public().join(ArticleIndex::PATH)).unwrap();
    let index: ArticleIndex = parse(&text).unwrap();
    assert!(index.articles.len() >= 5);
    let english_only = index
        .find("international-collaboration-e-government")
        .unwrap();
    assert!(
        english_only.title.ar.is_none(),
        "no Arabic translation exists: it must not be invented"
    );
    let bilingual = index.find("libyan-professionals-abroad").unwrap();
    assert_eq!(bilingual.related.len(), 3);
}

/// Copies `public/` to a temporary folder so a test can break it.
fn scratch_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("expo-data-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    common::copy_dir(&public(), &dir);
    dir
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
    fs::remove_file(root.join("images/sponsors/ufi.svg")).unwrap();
    fs::write(root.join("data/site.json"), "{ \"name\": ").unwrap();
    let plan = fs::read_to_string(root.join("data/floorplan.json")).unwrap();
    fs::write(
        root.join("data/floorplan.json"),
        plan.replacen("\"id\": \"A02\"", "\"id\": \"A01\"", 1),
    )
    .unwrap();

    let problems = check_site_data(&root).join("\n");
    assert!(
        problems.contains("data/articles.json: unknown field `sumary`"),
        "{problems}"
    );
    assert!(problems.contains("data/sponsors.json: groups[3].entries[0].logo: file `images/sponsors/ufi.svg` does not exist"), "{problems}");
    assert!(
        problems.contains("data/site.json: EOF while parsing a value at line 1 column"),
        "{problems}"
    );
    // The duplicate is reported for both stands that now share the id.
    assert!(
        problems.contains("data/floorplan.json: stands[0] (A01).id: used by more than one stand"),
        "{problems}"
    );
    assert!(
        problems.contains("data/floorplan.json: stands[1] (A01).id: used by more than one stand"),
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
        "\"id\": \"A02\"",
        "\"id\": \"A\\u202E02\"",
    );
    break_file(
        &root,
        "data/floorplan.json",
        "\"id\": \"A03\"",
        "\"id\": \"<b>A03</b>\"",
    );
    break_file(
        &root,
        "data/floorplan.json",
        "\"id\": \"A04\"",
        "\"id\": \"A 04\"",
    );
    break_file(
        &root,
        "data/sponsors.json",
        "\"url\": \"https://www.ufi.org\"",
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
        "data/floorplan.json: stands[1] (A\\u{202e}02).id: `A\\u{202e}02` holds U+202E",
        "data/floorplan.json: stands[2] (<b>A03</b>).id: `<b>A03</b>` holds '<'",
        "data/floorplan.json: stands[3] (A 04).id: `A 04` holds U+0020",
        "data/sponsors.json: groups[3] (member-of).entries[0].url: `javascript:alert(1)` is not an https:// address with a host",
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
    fs::remove_file(root.join("data/articles/libyan-professionals-abroad.ar.md")).unwrap();
    let problems = check_site_data(&root).join("\n");
    assert!(problems.contains("articles[0].body: file `data/articles/libyan-professionals-abroad.ar.md` does not exist"), "{problems}");
    fs::remove_dir_all(root).unwrap();
}
