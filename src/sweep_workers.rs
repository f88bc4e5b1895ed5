//! Sweeps in web workers: the points are dealt out to one worker per core (at most four), so a
//! sweep runs in parallel and the page keeps playing meanwhile. Each worker runs the model
//! compiled separately (`src/bin/sweep_worker.rs`), loaded only when a sweep is first asked for.

use std::rc::Rc;

use cascade_sim::sweep::{self, Point};
use cascade_sim::Scenario;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Where Trunk puts the worker's loader, beside the page.
pub const LOADER: &str = "./sweep_worker_loader.js";

/// The workers of one sweep; dropping it stops them.
pub struct WorkerSweep {
    workers: Vec<web_sys::Worker>,
    _on_message: Vec<Closure<dyn FnMut(web_sys::MessageEvent)>>,
    _on_error: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Drop for WorkerSweep {
    fn drop(&mut self) {
        for w in &self.workers {
            w.terminate();
        }
    }
}

/// Workers to start: one per core, at least one and at most four.
fn worker_count() -> usize {
    crate::dom::window().map_or(1.0, |w| w.navigator().hardware_concurrency()) as usize
}

/// Starts a sweep of `key` over `xs` from `base`; `on_point` hears each point as it is ready, or
/// a message if a worker fails. `None` if workers cannot be made here (the caller then runs the
/// sweep in the page).
pub fn start(
    base: &Scenario,
    key: &str,
    xs: &[f64],
    on_point: Rc<dyn Fn(Result<Point, String>)>,
) -> Option<WorkerSweep> {
    let n = worker_count().clamp(1, 4).min(xs.len().max(1));
    let mut sweep = WorkerSweep {
        workers: Vec::new(),
        _on_message: Vec::new(),
        _on_error: Vec::new(),
    };
    for k in 0..n {
        // Interleaved, so that each worker gets its share of the costly points past the cliff.
        let share: Vec<f64> = xs.iter().skip(k).step_by(n).copied().collect();
        let worker = web_sys::Worker::new(LOADER).ok()?;
        let hear = Rc::clone(&on_point);
        let request = sweep::request(base, key, &share);
        let me = worker.clone();
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let line = e.data().as_string().unwrap_or_default();
                if line == "ready" {
                    if me.post_message(&request.as_str().into()).is_err() {
                        hear(Err("the sweep worker could not be asked".to_string()));
                    }
                    return;
                }
                match line.strip_prefix("error ") {
                    Some(problem) => hear(Err(problem.to_string())),
                    None => match sweep::parse_answer(&line) {
                        Some(p) => hear(Ok(p)),
                        None => hear(Err(format!("unreadable answer from a worker: {line}"))),
                    },
                }
            });
        let fail = Rc::clone(&on_point);
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            fail(Err("the sweep worker could not start".to_string()))
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        sweep.workers.push(worker);
        sweep._on_message.push(on_message);
        sweep._on_error.push(on_error);
    }
    Some(sweep)
}
