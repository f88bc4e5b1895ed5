//! The page's side of its web worker (`src/bin/sweep_worker.rs`, loaded by
//! `static/sweep_worker_loader.js`): one client and its protocol (`client`), several workers
//! sharing one job (`pool`), a sweep's points dealt out among them (`sweeps`), and one-off jobs
//! answered as one text (`jobs`: JSON and SVG exports).

pub mod client;
pub mod jobs;
pub mod pool;
pub mod sweeps;
