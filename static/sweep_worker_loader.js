// Starts the sweep worker: loads wasm-bindgen's script for the worker, then its wasm. The worker
// says "ready" once it listens (see src/bin/sweep_worker.rs).
importScripts("./sweep_worker.js");
wasm_bindgen({ module_or_path: "./sweep_worker_bg.wasm" });
