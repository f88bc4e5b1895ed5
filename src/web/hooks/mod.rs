//! Hooks of the app: the playback loop, the sliced runs of the model and the batches of them,
//! the keyboard and the postMessage API.

pub mod animation;
pub mod batch;
pub mod compute;
pub mod embed_api;
pub mod keyboard;
