//! The kinesis-cascade web app. Only what touches the browser is compiled for wasm32 alone: the
//! app's state and reducer, its link format, view set, story, palette, fleet painting and
//! charts are pure, and are built and tested natively too (`cargo test -p kinesis-cascade`).

// Natively only the pure half is built, for its tests: the browser half that uses it is not.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod charts;
mod fleet_paint;
mod host_message;
mod narration;
mod palette;
mod state;
mod story;
mod url;
mod views;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod export;
#[cfg(target_arch = "wasm32")]
mod first_action;
#[cfg(target_arch = "wasm32")]
mod hooks;
#[cfg(target_arch = "wasm32")]
mod offscreen;
#[cfg(target_arch = "wasm32")]
mod storage;
#[cfg(target_arch = "wasm32")]
mod store;
#[cfg(target_arch = "wasm32")]
mod sweep_workers;
#[cfg(target_arch = "wasm32")]
mod worker_client;
#[cfg(target_arch = "wasm32")]
mod worker_jobs;

#[cfg(target_arch = "wasm32")]
fn main() {
    app::start();
}

/// The bytes of the app's wasm memory, read by the long-running replay's check (and its
/// benchmark) that a replay looping all day does not grow it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0.0, |m| {
            f64::from(
                m.buffer()
                    .unchecked_into::<js_sys::ArrayBuffer>()
                    .byte_length(),
            )
        })
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
