//! One hook for every batch of model runs (the sweep's points, the sensitivity analysis's
//! runs): the workers do it when they can (`worker::pool`), the page a slice at a time when none
//! starts; its progress shows as answers come, Cancel or leaving the section stops it, and
//! workers that fail before their first answer leave the work to the page.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::jobs::batch::Batch;
use crate::web::hooks::compute::{in_slices, SliceHandle};
use crate::web::worker::pool::WorkerPool;

/// Where a batch stands.
#[derive(Clone, PartialEq, Debug)]
pub enum Stage {
    Idle,
    Running,
    Cancelled,
    Failed(String),
    Done,
}

/// A batch as the page shows it.
#[derive(Clone, PartialEq)]
pub struct BatchProgress<V> {
    /// What the batch is of (its scenario, say), so that the page shows only its own.
    pub key: String,
    /// What there is to show; `None` before the first start.
    pub view: Option<V>,
    pub received: usize,
    pub total: usize,
    pub stage: Stage,
    /// Milliseconds since the start.
    pub ms: f64,
}

impl<V> Default for BatchProgress<V> {
    fn default() -> Self {
        Self {
            key: String::new(),
            view: None,
            received: 0,
            total: 0,
            stage: Stage::Idle,
            ms: 0.0,
        }
    }
}

/// Shortest time between two showings of the progress while a batch runs: a redraw of its
/// chart costs as much as a few minutes of the model, so it is not done for every answer.
const SHOW_MS: f64 = 250.0;

/// A batch under way and how it is shown.
struct Running<B: Batch> {
    batch: B,
    key: String,
    started: f64,
    shown: f64,
    /// The page does the batch now: what workers still answer is moot.
    in_page: bool,
    /// Why the page could not go on, if it could not.
    failed: Option<String>,
    progress: UseStateHandle<BatchProgress<B::View>>,
}

impl<B: Batch> Running<B> {
    /// Shows the progress, at most every `SHOW_MS` while it runs.
    fn show(&mut self, stage: Stage) {
        let now = crate::web::dom::now_ms();
        let done = self.batch.received() >= self.batch.total();
        let running = stage == Stage::Running;
        if !done && running && now - self.shown < SHOW_MS {
            return;
        }
        self.shown = now;
        self.progress.set(BatchProgress {
            key: self.key.clone(),
            view: Some(self.batch.view()),
            received: self.batch.received(),
            total: self.batch.total(),
            stage: if done && running { Stage::Done } else { stage },
            ms: now - self.started,
        });
    }
}

/// A batch's handle in a component: its progress, and how to start, cancel or show one.
pub struct UseBatch<B: Batch> {
    pub progress: UseStateHandle<BatchProgress<B::View>>,
    workers: Rc<RefCell<Option<WorkerPool>>>,
    slices: Rc<RefCell<SliceHandle>>,
}

impl<B: Batch> Clone for UseBatch<B> {
    fn clone(&self) -> Self {
        Self {
            progress: self.progress.clone(),
            workers: Rc::clone(&self.workers),
            slices: Rc::clone(&self.slices),
        }
    }
}

impl<B: Batch> UseBatch<B> {
    /// Stops what runs, workers and page alike.
    fn stop(&self) {
        self.slices.borrow().set(true);
        self.workers.borrow_mut().take();
    }

    /// Stops the batch and says it was cancelled.
    pub fn cancel(&self) {
        self.stop();
        let mut p = (*self.progress).clone();
        p.stage = Stage::Cancelled;
        self.progress.set(p);
    }

    /// Shows a batch finished earlier (kept by the caller), stopping any under way.
    pub fn show(&self, finished: BatchProgress<B::View>) {
        self.stop();
        self.progress.set(finished);
    }

    /// Starts `batch`, of `key`, replacing one under way.
    pub fn start(&self, key: String, batch: B) {
        self.stop();
        let cancelled = SliceHandle::default();
        *self.slices.borrow_mut() = Rc::clone(&cancelled);
        let workers = crate::web::worker::pool::worker_count(batch.total());
        let requests = batch.requests(workers);
        let run = Rc::new(RefCell::new(Running {
            batch,
            key,
            started: crate::web::dom::now_ms(),
            shown: 0.0,
            in_page: false,
            failed: None,
            progress: self.progress.clone(),
        }));
        run.borrow_mut().show(Stage::Running);
        let on_line: Rc<dyn Fn(Result<String, String>)> = {
            let (run, cancelled) = (Rc::clone(&run), Rc::clone(&cancelled));
            Rc::new(move |line| {
                let mut r = run.borrow_mut();
                if cancelled.get() || r.in_page {
                    return;
                }
                match line.and_then(|l| r.batch.add_line(&l)) {
                    Ok(()) => r.show(Stage::Running),
                    // Workers that fail before any answer leave the work to the page (a page
                    // opened from a file, say, where some browsers start no worker).
                    Err(_) if r.batch.received() == 0 => {
                        drop(r);
                        in_page(Rc::clone(&run), Rc::clone(&cancelled));
                    }
                    Err(problem) => {
                        cancelled.set(true);
                        r.show(Stage::Failed(problem));
                    }
                }
            })
        };
        match crate::web::worker::pool::start(requests, on_line) {
            Some(pool) => *self.workers.borrow_mut() = Some(pool),
            None => in_page(run, cancelled),
        }
    }
}

/// Does the rest of the batch in the page, a slice at a time.
fn in_page<B: Batch>(run: Rc<RefCell<Running<B>>>, cancelled: SliceHandle) {
    run.borrow_mut().in_page = true;
    in_slices(
        cancelled,
        run,
        |run| {
            let mut r = run.borrow_mut();
            match r.batch.step() {
                Ok(done) => done,
                Err(problem) => {
                    r.failed = Some(problem);
                    true
                }
            }
        },
        |run, _, _| {
            let mut r = run.borrow_mut();
            let stage = r.failed.clone().map_or(Stage::Running, Stage::Failed);
            r.show(stage);
        },
        |_| {},
    );
}

/// A batch of runs for a component; leaving the component stops it.
#[hook]
pub fn use_batch<B: Batch>() -> UseBatch<B> {
    let batch = UseBatch {
        progress: use_state(BatchProgress::default),
        workers: use_mut_ref(|| None::<WorkerPool>),
        slices: use_mut_ref(SliceHandle::default),
    };
    {
        let batch = batch.clone();
        use_effect_with((), move |_| move || batch.stop());
    }
    batch
}
