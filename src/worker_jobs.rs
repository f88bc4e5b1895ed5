//! Jobs done in the worker (`cascade_sim::jobs`): the JSON exports and reading a scenario file.
//! A worker is started for the job and stopped with its answer; the page's own code then needs
//! no JSON reader or writer, which keeps it smaller to download and start.

use std::cell::RefCell;
use std::rc::Rc;

use cascade_sim::jobs::{self, Job};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Resolves or rejects the job's promise, once.
type Settle = Rc<dyn Fn(bool, String)>;

/// Does `job` in a worker: the answer's text, or a message naming the problem.
pub async fn run(job: &Job) -> Result<String, String> {
    let request = jobs::request(job);
    let worker = web_sys::Worker::new(crate::sweep_workers::LOADER)
        .map_err(|_| "the page's worker could not be started here".to_string())?;
    let slot: Rc<RefCell<Option<(js_sys::Function, js_sys::Function)>>> = Rc::default();
    let promise = {
        let slot = Rc::clone(&slot);
        js_sys::Promise::new(&mut move |resolve, reject| {
            *slot.borrow_mut() = Some((resolve, reject));
        })
    };
    let settle: Settle = Rc::new(move |ok, text| {
        if let Some((resolve, reject)) = slot.borrow_mut().take() {
            let f = if ok { resolve } else { reject };
            let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&text));
        }
    });
    let on_message = {
        let (settle, me) = (Rc::clone(&settle), worker.clone());
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let text = e.data().as_string().unwrap_or_default();
            if text == "ready" {
                if me.post_message(&JsValue::from_str(&request)).is_err() {
                    settle(false, "the worker could not be asked".into());
                }
                return;
            }
            settle(true, text);
        })
    };
    let on_error = {
        let settle = Rc::clone(&settle);
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            settle(false, "the page's worker could not start".into())
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await;
    worker.terminate();
    worker.set_onmessage(None);
    worker.set_onerror(None);
    drop((on_message, on_error));
    let text = match answer {
        Ok(v) => v.as_string().unwrap_or_default(),
        Err(e) => return Err(e.as_string().unwrap_or_else(|| "the worker failed".into())),
    };
    match text.split_once('\n') {
        Some(("ok", body)) => Ok(body.to_string()),
        Some(("error", problem)) => Err(problem.to_string()),
        _ => Err(format!(
            "unreadable answer from the worker: {}",
            text.chars().take(40).collect::<String>()
        )),
    }
}
