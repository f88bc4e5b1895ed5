//! The one client of the page's worker (`src/bin/worker.rs`), speaking the one wire format
//! (`jobs::wire`): the worker says it is ready once it listens; the page then sends one request
//! as text; the worker answers. Batches (`pool.rs`) and one-off jobs (`jobs.rs`) use `start`;
//! the GIF export (`components/gif_export.rs`), which also sends bytes, uses `open`.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::jobs::wire::Answer;

/// Where Trunk puts the worker's loader, beside the page.
pub const LOADER: &str = "./worker_loader.js";

/// A worker asked one request; dropping it stops the worker.
pub struct WorkerClient {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for WorkerClient {
    fn drop(&mut self) {
        self.worker.terminate();
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
    }
}

/// Why the worker could not start, in words: a page opened from a file (the one-file edition)
/// cannot start workers, and says what to use instead.
pub fn cannot_start() -> String {
    let from_file = crate::web::dom::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:");
    if from_file {
        "this needs the page's worker, which a page opened from a file cannot start: use the app from a web address (any static host, or bash scripts/serve.sh) for this export".into()
    } else {
        "the page's worker could not start".into()
    }
}

impl WorkerClient {
    /// Starts a worker; `hear` gets each message it sends as it comes (text, or bytes for a
    /// GIF) with the worker to answer it, or a message if it cannot start. `None` if workers
    /// cannot be made here.
    pub fn open(
        hear: impl Fn(&web_sys::Worker, Result<JsValue, String>) + 'static,
    ) -> Option<Self> {
        let worker = web_sys::Worker::new(LOADER).ok()?;
        let hear = Rc::new(hear);
        let on_message = {
            let (hear, me) = (Rc::clone(&hear), worker.clone());
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                hear(&me, Ok(e.data()))
            })
        };
        let on_error = {
            let me = worker.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
                hear(&me, Err(cannot_start()))
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Self {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Starts a worker and sends it `request` once it is ready; `hear` gets each line or text
    /// it answers, or a message if it fails, cannot start or cannot be asked. `None` if workers
    /// cannot be made here.
    pub fn start(request: String, hear: Rc<dyn Fn(Result<String, String>)>) -> Option<Self> {
        Self::open(move |me, message| {
            let answer = message.map(|data| Answer::parse(&data.as_string().unwrap_or_default()));
            match answer {
                Ok(Answer::Ready) => {
                    if me.post_message(&JsValue::from_str(&request)).is_err() {
                        hear(Err("the page's worker could not be asked".into()));
                    }
                }
                Ok(Answer::Text(text) | Answer::Line(text)) => hear(Ok(text)),
                Ok(Answer::Progress(_)) => {}
                Ok(Answer::Error(problem)) | Err(problem) => hear(Err(problem)),
            }
        })
    }
}
