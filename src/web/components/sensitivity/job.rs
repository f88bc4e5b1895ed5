//! An analysis in progress: what the section shows of it, the finished ones kept per scenario,
//! and the runs in the page, a slice at a time, when no worker can start.

use std::cell::RefCell;
use std::rc::Rc;

use cascade_sim::sensitivity::{self, output, SEEDS};
use cascade_sim::{Scenario, Simulation};
use yew::UseStateHandle;

use crate::explain::sensitivity::Gathered;
use crate::web::hooks::compute::{in_slices, SliceHandle};

/// Where an analysis stands.
#[derive(Clone, PartialEq)]
pub(super) enum Stage {
    Idle,
    Running,
    Cancelled,
    Failed(String),
    Done,
}

/// An analysis as the section shows it.
#[derive(Clone, PartialEq)]
pub(super) struct SensitivityProgress {
    /// The scenario's lines: which scenario it is of.
    pub(super) key: String,
    pub(super) gathered: Rc<Gathered>,
    /// The workers' answer lines, for the SVG export.
    pub(super) lines: Rc<Vec<String>>,
    pub(super) status: Stage,
    pub(super) started: f64,
    pub(super) ms: f64,
}

impl SensitivityProgress {
    pub(super) fn idle() -> Self {
        Self {
            key: String::new(),
            gathered: Rc::new(Gathered::new(SEEDS)),
            lines: Rc::default(),
            status: Stage::Idle,
            started: 0.0,
            ms: 0.0,
        }
    }
}

/// Finished analyses, per scenario: the last few.
const CACHED: usize = 4;

thread_local! {
    static CACHE: RefCell<Vec<SensitivityProgress>> = const { RefCell::new(Vec::new()) };
}

pub(super) fn cached(key: &str) -> Option<SensitivityProgress> {
    CACHE.with(|c| c.borrow().iter().find(|p| p.key == key).cloned())
}

fn keep(p: &SensitivityProgress) {
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        c.retain(|q| q.key != p.key);
        c.push(p.clone());
        if c.len() > CACHED {
            c.remove(0);
        }
    });
}

/// Redraws of the progress while runs come in, at most one per this many milliseconds.
const SHOW_MS: f64 = 250.0;

/// The analysis of one scenario in progress: where runs are gathered and how they are shown.
pub(super) struct SensitivityJob {
    pub(super) key: String,
    pub(super) gathered: Gathered,
    pub(super) lines: Vec<String>,
    pub(super) started: f64,
    pub(super) shown: f64,
    pub(super) progress: UseStateHandle<SensitivityProgress>,
}

impl SensitivityJob {
    pub(super) fn show(&mut self, status: Stage) {
        let now = crate::web::dom::now_ms();
        let done = self.gathered.done();
        if !done && status == Stage::Running && now - self.shown < SHOW_MS {
            return;
        }
        self.shown = now;
        let p = SensitivityProgress {
            key: self.key.clone(),
            gathered: Rc::new(self.gathered.clone()),
            lines: Rc::new(self.lines.clone()),
            status: if done { Stage::Done } else { status },
            started: self.started,
            ms: now - self.started,
        };
        if done {
            keep(&p);
        }
        self.progress.set(p);
    }
}

/// Runs the analysis in the page, a slice at a time (no workers here).
pub(super) fn in_page(scenario: Scenario, job: Rc<RefCell<SensitivityJob>>, handle: SliceHandle) {
    let total = job.borrow().gathered.total();
    let state: (usize, Option<Simulation>) = (0, None);
    let step_job = Rc::clone(&job);
    in_slices(
        handle,
        state,
        move |(k, sim)| {
            if *k >= total {
                return true;
            }
            let Some(s) = sim else {
                let v = step_job.borrow().gathered.variant(*k);
                let made = v.map(|v| Simulation::new(&sensitivity::scenario(&scenario, v)));
                match made {
                    Some(Ok(made)) => *sim = Some(made),
                    _ => *k = total,
                }
                return false;
            };
            for _ in 0..10 {
                s.step();
            }
            if s.finished() {
                let o = sensitivity::outcome_of(s);
                let mut j = step_job.borrow_mut();
                j.lines.push(output::answer_line(*k, &o));
                j.gathered.add(*k, o);
                *sim = None;
                *k += 1;
            }
            *k >= total
        },
        move |_, _, _| job.borrow_mut().show(Stage::Running),
        |_| {},
    );
}
