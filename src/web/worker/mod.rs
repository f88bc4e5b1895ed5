//! The page's side of its web worker (`src/bin/worker.rs`, loaded by
//! `static/worker_loader.js`): one client and its protocol (`client`), several workers sharing
//! one batch of runs (`pool`, used by `hooks::batch`), and one-off jobs answered as one text
//! (`jobs`: JSON and SVG exports).

pub mod client;
pub mod jobs;
pub mod pool;
