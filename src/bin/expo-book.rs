//! The booking entry: the stand booking steps, the requests and the
//! not-found page (see `expo_site::Entry`).

#[cfg(target_arch = "wasm32")]
fn main() {
    expo_site::start(expo_site::BOOK);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app: build it with `./scripts/build.sh` (see README).");
}
