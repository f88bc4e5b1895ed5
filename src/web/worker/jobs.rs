//! Jobs done in the worker: the JSON exports and reading a scenario file (`cascade_sim::jobs`),
//! and the SVG exports (`jobs::svg`). A worker is started for the job and stopped with its
//! answer; the page's own code then needs no JSON reader or writer and no SVG writer, which
//! keeps it smaller to download and start.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;

use crate::web::worker::client::WorkerClient;

/// Does the job `request` asks for (`cascade_sim::jobs::request`, `jobs::svg::request`) in a
/// worker: the answer's text, or a message naming the problem.
pub async fn run(request: String) -> Result<String, String> {
    let slot: Rc<RefCell<Option<(js_sys::Function, js_sys::Function)>>> = Rc::default();
    let promise = {
        let slot = Rc::clone(&slot);
        js_sys::Promise::new(&mut move |resolve, reject| {
            *slot.borrow_mut() = Some((resolve, reject));
        })
    };
    // Resolves or rejects the job's promise, once.
    let settle = Rc::new(move |answer: Result<String, String>| {
        if let Some((resolve, reject)) = slot.borrow_mut().take() {
            let (f, text) = match answer {
                Ok(text) => (resolve, text),
                Err(text) => (reject, text),
            };
            let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&text));
        }
    });
    let client = WorkerClient::start(request, settle)
        .ok_or_else(crate::web::worker::client::cannot_start)?;
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await;
    drop(client);
    match answer {
        Ok(v) => Ok(v.as_string().unwrap_or_default()),
        Err(e) => Err(e.as_string().unwrap_or_else(|| "the worker failed".into())),
    }
}
