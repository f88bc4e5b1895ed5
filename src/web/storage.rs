//! The edited scenario in the browser: saved as the same text as a link's query, so that a
//! reload restores it, and kept in the address bar so that the page's link always shows it.
//! Storage may be disabled (private windows, embedded frames): then nothing is saved, and
//! nothing else changes.

const KEY: &str = "kinesis-cascade/scenario/v1";

fn storage() -> Option<web_sys::Storage> {
    crate::web::dom::window()?.local_storage().ok().flatten()
}

/// The saved scenario's query text, if any.
pub fn load() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Shows `query` in the address bar (without adding a history entry) and, if `persist`, saves
/// it for the next visit.
pub fn save(query: &str, persist: bool) {
    if let Some(s) = storage().filter(|_| persist) {
        // A full or refused storage only loses the convenience of a restore.
        s.set_item(KEY, query).ok();
    }
    if let Some(w) = crate::web::dom::window() {
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

const GUESSES: &str = "kinesis-cascade/guesses/v1";

/// The learner's committed guesses: checkpoint id, choice.
pub fn guesses() -> Vec<(String, usize)> {
    let text = storage()
        .and_then(|s| s.get_item(GUESSES).ok().flatten())
        .unwrap_or_default();
    text.split('&')
        .filter_map(|pair| {
            let (id, choice) = pair.split_once('=')?;
            Some((id.to_string(), choice.parse().ok()?))
        })
        .collect()
}

/// Keeps a guess in the browser (nowhere else).
pub fn save_guess(id: &str, choice: usize) {
    let mut all = guesses();
    all.retain(|(k, _)| k != id);
    all.push((id.to_string(), choice));
    let text = all
        .iter()
        .map(|(k, c)| format!("{k}={c}"))
        .collect::<Vec<_>>()
        .join("&");
    if let Some(s) = storage() {
        s.set_item(GUESSES, &text).ok();
    }
}

/// Forgets every guess.
pub fn forget_guesses() {
    if let Some(s) = storage() {
        s.remove_item(GUESSES).ok();
    }
}
