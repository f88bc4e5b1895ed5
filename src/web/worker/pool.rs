//! Several workers sharing one job (a sweep's points, the sensitivity analysis's runs): one
//! worker per core, at most four, each sent its own request; every line they answer goes to one
//! listener. The workers run the model compiled separately (`src/bin/worker.rs`), loaded
//! only when such a job is first asked for, so the page keeps playing meanwhile.

use std::rc::Rc;

use crate::web::worker::client::WorkerClient;

/// The workers of one job; dropping it stops them.
pub struct WorkerPool {
    _clients: Vec<WorkerClient>,
}

/// Workers to start for a job of `parts` parts: one per core, at least one, at most four.
pub fn worker_count(parts: usize) -> usize {
    let cores =
        crate::web::dom::window().map_or(1.0, |w| w.navigator().hardware_concurrency()) as usize;
    cores.clamp(1, 4).min(parts.max(1))
}

/// Starts one worker per request; `on_line` hears each line answered, or a message when a
/// worker fails or answers an error. `None` if workers cannot be made here (the caller then
/// does the job in the page).
pub fn start(
    requests: Vec<String>,
    on_line: Rc<dyn Fn(Result<String, String>)>,
) -> Option<WorkerPool> {
    let mut clients = Vec::new();
    for request in requests {
        clients.push(WorkerClient::start(request, Rc::clone(&on_line))?);
    }
    Some(WorkerPool { _clients: clients })
}
