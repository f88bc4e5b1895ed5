//! Sweeps in web workers (`worker::pool`): the points are dealt out among the workers, so a
//! sweep runs in parallel and the page keeps playing meanwhile.

use std::rc::Rc;

use cascade_sim::sweep::{self, Point};
use cascade_sim::Scenario;

pub use crate::web::worker::pool::WorkerPool as WorkerSweep;

/// Starts a sweep of `key` over `xs` from `base`; `on_point` hears each point as it is ready, or
/// a message if a worker fails. `None` if workers cannot be made here (the caller then runs the
/// sweep in the page).
pub fn start(
    base: &Scenario,
    key: &str,
    xs: &[f64],
    on_point: Rc<dyn Fn(Result<Point, String>)>,
) -> Option<WorkerSweep> {
    let n = crate::web::worker::pool::worker_count(xs.len());
    // Interleaved, so that each worker gets its share of the costly points past the cliff.
    let requests = (0..n)
        .map(|k| {
            let share: Vec<f64> = xs.iter().skip(k).step_by(n).copied().collect();
            sweep::request(base, key, &share)
        })
        .collect();
    let on_line: Rc<dyn Fn(Result<String, String>)> = Rc::new(move |line| {
        on_point(line.and_then(|line| {
            sweep::parse_answer(&line)
                .ok_or_else(|| format!("unreadable answer from a worker: {line}"))
        }))
    });
    crate::web::worker::pool::start(requests, on_line)
}
