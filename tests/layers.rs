//! The app's folders are layers (ARCHITECTURE.md): `draw`, `explain`, `state`, `jobs`, `web`,
//! each using only those before it, so that the pictures know no words, the words know no
//! state, and only `web` knows the browser. Tests may reach anything; code may not.

// Read from the source tree, natively: the wasm build of the tests has no files.
#![cfg(not(target_arch = "wasm32"))]
use std::path::Path;

const LAYERS: [&str; 5] = ["draw", "explain", "state", "jobs", "web"];

/// The Rust files under `dir`, with their text up to their tests.
fn code_under(dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            code_under(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            let name = path.display().to_string();
            if name.ends_with("tests.rs") || name.contains("/tests/") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            out.push((name, code.to_string()));
        }
    }
}

#[test]
fn no_folder_uses_a_later_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    let mut files = 0;
    for (k, layer) in LAYERS.iter().enumerate() {
        let mut code = Vec::new();
        code_under(&src.join(layer), &mut code);
        assert!(!code.is_empty(), "no code under src/{layer}");
        files += code.len();
        for (name, text) in &code {
            for later in &LAYERS[k + 1..] {
                if text.contains(&format!("crate::{later}::")) {
                    wrong.push(format!("{name} uses crate::{later}"));
                }
            }
        }
    }
    assert!(files > 50, "only {files} files read");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn only_the_browser_half_names_the_browser() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for layer in &LAYERS[..4] {
        let mut code = Vec::new();
        code_under(&src.join(layer), &mut code);
        for (name, text) in &code {
            for browser in ["web_sys::", "js_sys::", "yew::", "gloo::", "wasm_bindgen::"] {
                if text.contains(browser) {
                    wrong.push(format!("{name} uses {browser}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
