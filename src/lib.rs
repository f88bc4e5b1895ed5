//! The kinesis-cascade web app, as a library of two binaries: the page (`main.rs`) and its
//! worker (`bin/sweep_worker.rs`), which draws the SVG exports (`svg_job`) so that the page's
//! download carries no SVG writer. Only what touches the browser is compiled for wasm32 alone:
//! the app's state and reducer, its link format, view set, story, palette, fleet painting and
//! charts are pure, and are built and tested natively too (`cargo test -p kinesis-cascade`).

// Natively only the pure half is built, for its tests: the browser half that uses it is not.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod charts;
mod dashboard;
mod fleet_histogram;
mod fleet_paint;
pub mod gif_job;
mod host_message;
mod look;
mod narration;
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod one_voice;
mod palette;
mod sensitivity;
mod state;
mod story;
pub mod svg_job;
mod sweep_summary;
mod time_range;
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
mod video_frame;
#[cfg(target_arch = "wasm32")]
mod worker;

/// Starts the app in the page (called by `main.rs`, the page's binary).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    app::start();
}
