//! The edited scenario in the browser: saved as the same text as a link's query, so that a
//! reload restores it, and kept in the address bar so that the page's link always shows it.
//! Storage may be disabled (private windows, embedded frames): then nothing is saved, and
//! nothing else changes.

const KEY: &str = "kinesis-cascade/scenario/v1";

fn storage() -> Option<web_sys::Storage> {
    crate::dom::window()?.local_storage().ok().flatten()
}

/// The saved scenario's query text, if any.
pub fn load() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Saves `query` and shows it in the address bar (without adding a history entry).
pub fn save(query: &str) {
    if let Some(s) = storage() {
        // A full or refused storage only loses the convenience of a restore.
        s.set_item(KEY, query).ok();
    }
    if let Some(w) = crate::dom::window() {
        let path = w.location().pathname().unwrap_or_default();
        if let Ok(history) = w.history() {
            history
                .replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&format!("{path}?{query}")),
                )
                .ok();
        }
    }
}
