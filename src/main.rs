//! The page's binary: starts the app (`lib.rs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    kinesis_cascade::web::start();
}

/// The bytes of the app's wasm memory, read by the long-running replay's check (and its
/// benchmark) that a replay looping all day does not grow it. Exported by the page's binary
/// alone, so that the worker does not carry it.
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
