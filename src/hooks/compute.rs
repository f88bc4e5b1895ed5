//! Computing a recording in slices of a few milliseconds, yielding to the page between them, so
//! that choosing a scenario never blocks input or painting for long.

use std::cell::RefCell;
use std::rc::Rc;

use cascade_sim::Simulation;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::state::{Action, AppState};

/// Longest slice of model work between two yields (milliseconds).
const SLICE_MS: f64 = 8.0;

/// Computes the recording of `state.scenario` whenever its generation changes.
#[hook]
pub fn use_compute(store: &UseReducerHandle<AppState>) {
    let generation = store.generation;
    let computing = store.computing;
    let scenario = store.scenario.clone();
    let dispatcher = store.dispatcher();
    use_effect_with(generation, move |_| {
        let handle: Rc<RefCell<Option<Timeout>>> = Rc::new(RefCell::new(None));
        if computing {
            match Simulation::new(&scenario) {
                Ok(sim) => slice(Rc::clone(&handle), sim, dispatcher, generation, 0.0),
                Err(e) => dispatcher.dispatch(Action::Computed {
                    generation,
                    run: Err(format!("The scenario could not run: {e}")),
                    ms: 0.0,
                }),
            }
        }
        // A newer scenario drops the slices still scheduled for this one.
        move || {
            handle.borrow_mut().take();
        }
    });
}

fn slice(
    handle: Rc<RefCell<Option<Timeout>>>,
    mut sim: Simulation,
    dispatcher: UseReducerDispatcher<AppState>,
    generation: u64,
    spent: f64,
) {
    let next = Rc::clone(&handle);
    let timeout = Timeout::new(0, move || {
        let started = crate::dom::now_ms();
        while !sim.finished() && crate::dom::now_ms() - started < SLICE_MS {
            for _ in 0..10 {
                sim.step();
                if sim.finished() {
                    break;
                }
            }
        }
        let spent = spent + crate::dom::now_ms() - started;
        if sim.finished() {
            let t0 = crate::dom::now_ms();
            let run = Rc::new(sim.finish());
            let ms = spent + crate::dom::now_ms() - t0;
            dispatcher.dispatch(Action::Computed {
                generation,
                run: Ok(run),
                ms,
            });
        } else {
            slice(next, sim, dispatcher, generation, spent);
        }
    });
    *handle.borrow_mut() = Some(timeout);
}
