//! The kinesis-cascade web app, as a library of two binaries: the page (`main.rs`) and its
//! worker (`bin/worker.rs`), which runs batches of the model and draws the GIF and SVG exports
//! (`jobs`) so that the page's download carries neither writer.
//!
//! The pure half (`state`, `explain`, `draw`, `jobs`) builds on every target and is tested
//! natively (`cargo test -p kinesis-cascade`); the browser half (`web`) is built for wasm32
//! alone.

// Natively only the pure half is built, for its tests: the browser half that uses it is not.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod draw;
mod explain;
pub mod jobs;
mod state;

#[cfg(target_arch = "wasm32")]
pub mod web;
