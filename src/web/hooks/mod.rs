//! Hooks of the app: the playback loop and the keyboard.

pub mod animation;
pub mod compute;
pub mod embed_api;
pub mod keyboard;
