//! Every data file the site ships parses into the domain types and keeps the
//! editors' rules; a broken file is reported with its path and field.
#![cfg(not(target_arch = "wasm32"))]

use expo_site::domain::article::ArticleIndex;
use expo_site::domain::booking::event::Event;
use expo_site::domain::booking::plan::FloorPlan;
use expo_site::domain::site::Site;
use expo_site::domain::sponsor::Sponsors;
use serde::de::DeserializeOwned;
use std::fs;
use std::path::{Path, PathBuf};

fn public() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public")
}

fn parse<T: DeserializeOwned>(root: &Path, rel: &str, problems: &mut Vec<String>) -> Option<T> {
    let path = root.join(rel);
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            problems.push(format!("{rel}: cannot read: {e}"));
            return None;
        }
    };
    serde_json::from_str(&text)
        .map_err(|e| problems.push(format!("{rel}: {e}")))
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
    if let Some(index) = parse::<ArticleIndex>(root, "data/articles.json", &mut problems) {
        problems.extend(
            index
                .problems()
                .into_iter()
                .map(|p| format!("data/articles.json: {p}")),
        );
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
    if let Some(sponsors) = parse::<Sponsors>(root, "data/sponsors.json", &mut problems) {
        problems.extend(
            sponsors
                .problems()
                .into_iter()
                .map(|p| format!("data/sponsors.json: {p}")),
        );
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
    parse::<Site>(root, "data/site.json", &mut problems);
    let event = parse::<Event>(root, "data/event.json", &mut problems);
    if let Some(event) = &event {
        problems.extend(
            event
                .problems()
                .into_iter()
                .map(|p| format!("data/event.json: {p}")),
        );
    }
    if let (Some(plan), Some(event)) = (
        parse::<FloorPlan>(root, "data/floorplan.json", &mut problems),
        &event,
    ) {
        problems.extend(
            plan.problems(event)
                .into_iter()
                .map(|p| format!("data/floorplan.json: {p}")),
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
    let text = fs::read_to_string(public().join("data/articles.json")).unwrap();
    let index: ArticleIndex = serde_json::from_str(&text).unwrap();
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
    fn copy(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = std::env::temp_dir().join(format!("expo-data-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy(&public(), &dir);
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
        problems.contains("data/site.json: EOF while parsing"),
        "{problems}"
    );
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
