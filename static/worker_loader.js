// Starts the page's worker: loads wasm-bindgen's script for the worker, then its wasm. The worker
// says "ready" once it listens (see src/bin/worker.rs).
importScripts("./worker.js");
wasm_bindgen({ module_or_path: "./worker_bg.wasm" });
