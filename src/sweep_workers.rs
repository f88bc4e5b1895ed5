//! Sweeps in web workers: the points are dealt out to one worker per core (at most four), so a
//! sweep runs in parallel and the page keeps playing meanwhile. Each worker runs the model
//! compiled separately (`src/bin/sweep_worker.rs`), loaded only when a sweep is first asked for.

use std::rc::Rc;

use cascade_sim::sweep::{self, Point};
use cascade_sim::Scenario;

use crate::worker_client::WorkerClient;

/// The workers of one sweep; dropping it stops them.
pub struct WorkerSweep {
    _clients: Vec<WorkerClient>,
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
    let mut clients = Vec::new();
    for k in 0..n {
        // Interleaved, so that each worker gets its share of the costly points past the cliff.
        let share: Vec<f64> = xs.iter().skip(k).step_by(n).copied().collect();
        let hear = Rc::clone(&on_point);
        let on_line: Rc<dyn Fn(Result<String, String>)> = Rc::new(move |line| match line {
            Err(problem) => hear(Err(problem)),
            Ok(line) => match line.strip_prefix("error ") {
                Some(problem) => hear(Err(problem.to_string())),
                None => match sweep::parse_answer(&line) {
                    Some(p) => hear(Ok(p)),
                    None => hear(Err(format!("unreadable answer from a worker: {line}"))),
                },
            },
        });
        clients.push(WorkerClient::start(
            sweep::request(base, key, &share),
            on_line,
        )?);
    }
    Some(WorkerSweep { _clients: clients })
}
