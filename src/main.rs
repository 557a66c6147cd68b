//! The site's main entry: news, articles, sponsors (see `expo_site::Entry`).

#[cfg(target_arch = "wasm32")]
fn main() {
    expo_site::start(expo_site::SITE);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app: build it with `./scripts/build.sh` (see README).");
}
