//! localStorage that never fails the app: private modes, a disabled or full
//! storage all degrade to "nothing saved" and the caller is told.

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Returns whether the value was stored.
pub fn save(key: &str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}
