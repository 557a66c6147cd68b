//! Writes every page of the built site as HTML from the app's components
//! (see `expo_site::prerender`), after `trunk build` and before the policy
//! step. Usage: `prerender [--dist dist] [--public public] [--public-url /]`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use expo_site::domain::date::Date;
    use std::path::PathBuf;

    let mut args = std::env::args().skip(1);
    let (mut dist, mut public, mut base) = (
        PathBuf::from("dist"),
        PathBuf::from("public"),
        String::from("/"),
    );
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        match flag.as_str() {
            "--dist" => dist = value.into(),
            "--public" => public = value.into(),
            "--public-url" => base = value,
            other => {
                eprintln!("prerender: unknown option {other}");
                std::process::exit(2);
            }
        }
    }
    // The build's day in Tripoli (UTC+2, no daylight saving time).
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let today = Date::from_days(((now + 2 * 3600) / 86_400) as i64);
    match expo_site::prerender::write_site(&dist, &public, &base, today) {
        Ok(written) => println!(
            "prerender: {} pages written to {}",
            written.len(),
            dist.display()
        ),
        Err(problems) => {
            for p in problems {
                eprintln!("{p}");
            }
            eprintln!("prerender: nothing was written; fix the problems above");
            std::process::exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
