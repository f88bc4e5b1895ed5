//! The browser half, built for wasm32 only: the app and its components, the store, the DOM,
//! storage and downloads, the hooks, and the page's side of its worker. Everything it shows
//! comes from the pure half (`state`, `explain`, `draw`).

mod address_bar;
mod app;
mod components;
mod dom;
mod export;
mod first_action;
mod hooks;
mod layout;
mod offscreen;
mod storage;
mod store;
mod video_frame;
mod worker;

/// Starts the app in the page (called by `main.rs`, the page's binary).
pub fn start() {
    app::start();
}
