//! Computing recordings in slices of a few milliseconds, yielding to the page between them, so
//! that choosing a scenario or changing a branch never blocks input or painting for long.

use std::cell::Cell;
use std::rc::Rc;

use cascade_sim::{ParamError, Recording, Simulation};
use yew::prelude::*;

use crate::state::{Action, AppState, Target};

/// Longest slice of model work between two yields (milliseconds). A phone four times slower
/// than a laptop turns 5 ms into 20, well under the 50 ms that counts as a long task.
pub const SLICE_MS: f64 = 5.0;

/// Set to cancel the slices still to come.
pub type SliceHandle = Rc<Cell<bool>>;

/// Computes the recording of the scenario, and of the branch, whenever either changes.
#[hook]
pub fn use_compute(store: &UseReducerHandle<AppState>) {
    let generation = store.generation;
    let computing = store.computing;
    let scenario = store.scenario.clone();
    let dispatcher = store.dispatcher();
    use_effect_with(generation, move |_| {
        let handle = SliceHandle::default();
        if computing {
            let done = job_done(dispatcher, Target::Base, generation);
            run_in_slices(&handle, simulation_of(scenario), done);
        }
        // A newer scenario drops the slices still scheduled for this one.
        move || handle.set(true)
    });
    // The day as it happened, once, for a what-if to be drawn and compared against. Asked only
    // when the settings change: building and comparing scenarios has no place in every frame.
    let day = {
        let doc = std::rc::Rc::clone(&store.doc);
        (*use_memo(store.revision, move |_| {
            doc.day_wanted()
                .filter(|d| doc.day.as_ref().is_none_or(|r| r.scenario.seed != d.seed))
        }))
        .clone()
    };
    let dispatcher = store.dispatcher();
    use_effect_with(day.as_ref().map(|d| d.seed), move |_| {
        let handle = SliceHandle::default();
        if let Some(day) = day {
            let done = job_done(dispatcher, Target::Day, 0);
            run_in_slices(&handle, simulation_of(day), done);
        }
        move || handle.set(true)
    });
    let branch = store
        .branch
        .as_ref()
        .filter(|b| b.computing)
        .map(|b| (b.generation, b.changes.clone()));
    let scenario = store.scenario.clone();
    let dispatcher = store.dispatcher();
    let key = branch.as_ref().map(|b| b.0);
    use_effect_with(key, move |_| {
        let handle = SliceHandle::default();
        if let Some((generation, changes)) = branch {
            let done = job_done(dispatcher, Target::Branch, generation);
            run_in_slices(
                &handle,
                move || Simulation::branch(&scenario, &changes),
                done,
            );
        }
        move || handle.set(true)
    });
}

/// What builds the simulation of a scenario: one closure type for every plain run of the page
/// (the scenario, the day, a checkpoint's other run), so that the sliced runner is compiled once
/// for all of them rather than once per caller.
pub fn simulation_of(
    scenario: cascade_sim::Scenario,
) -> impl FnOnce() -> Result<Simulation, ParamError> + 'static {
    move || Simulation::new(&scenario)
}

fn job_done(
    dispatcher: UseReducerDispatcher<AppState>,
    target: Target,
    generation: u64,
) -> impl FnOnce(Result<Rc<Recording>, String>, f64) + 'static {
    move |run, ms| {
        dispatcher.dispatch(Action::Computed {
            target,
            generation,
            run,
            ms,
        })
    }
}

/// Builds the simulation with `make` and runs it to its end in slices, then hands the recording
/// (or the reason there is none) and the time spent to `done`. Building it is a slice of its
/// own: setting up a large fleet takes a few milliseconds, which the render that asked for the
/// run should not pay.
pub fn run_in_slices(
    handle: &SliceHandle,
    make: impl FnOnce() -> Result<Simulation, ParamError> + 'static,
    done: impl FnOnce(Result<Rc<Recording>, String>, f64) + 'static,
) {
    let handle = Rc::clone(handle);
    crate::web::dom::next_task(move || {
        if handle.get() {
            return;
        }
        match make() {
            Ok(sim) => slice(handle, sim, done, 0.0),
            Err(e) => done(Err(format!("The scenario could not run: {e}")), 0.0),
        }
    });
}

fn slice(
    handle: SliceHandle,
    sim: Simulation,
    done: impl FnOnce(Result<Rc<Recording>, String>, f64) + 'static,
    spent: f64,
) {
    in_slices(
        handle.clone(),
        (sim, spent),
        |(sim, _)| {
            for _ in 0..10 {
                sim.step();
                if sim.finished() {
                    break;
                }
            }
            sim.finished()
        },
        |(_, spent), ms, _| *spent += ms,
        move |(sim, spent)| {
            // Finishing the recording and showing it each get a task of their own: together
            // with the last slice they would make one long task on a slow phone.
            crate::web::dom::next_task(move || {
                if handle.get() {
                    return;
                }
                let t0 = crate::web::dom::now_ms();
                let run = Rc::new(sim.finish());
                let spent = spent + crate::web::dom::now_ms() - t0;
                crate::web::dom::next_task(move || {
                    if !handle.get() {
                        done(Ok(run), spent);
                    }
                });
            });
        },
    );
}

/// Work done a slice at a time, a task apart.
struct Sliced<S, F, G, H> {
    handle: SliceHandle,
    state: S,
    step: F,
    each: G,
    done: Option<H>,
}

/// The one sliced runner of the page (the model's runs, the branch, the sweep in the page):
/// calls `step` on `state` until it says it is done or the slice of `SLICE_MS` is over, then
/// `each` with the slice's milliseconds and whether it is done, yields a task, and goes on;
/// `done` gets the state at the end. Setting `handle` drops what is still to come.
pub fn in_slices<S, F, G, H>(handle: SliceHandle, state: S, step: F, each: G, done: H)
where
    S: 'static,
    F: FnMut(&mut S) -> bool + 'static,
    G: FnMut(&mut S, f64, bool) + 'static,
    H: FnOnce(S) + 'static,
{
    next_slice(Sliced {
        handle,
        state,
        step,
        each,
        done: Some(done),
    });
}

fn next_slice<S, F, G, H>(mut job: Sliced<S, F, G, H>)
where
    S: 'static,
    F: FnMut(&mut S) -> bool + 'static,
    G: FnMut(&mut S, f64, bool) + 'static,
    H: FnOnce(S) + 'static,
{
    crate::web::dom::next_task(move || {
        if job.handle.get() {
            return;
        }
        let started = crate::web::dom::now_ms();
        let mut finished = false;
        while !finished && crate::web::dom::now_ms() - started < SLICE_MS {
            finished = (job.step)(&mut job.state);
        }
        (job.each)(
            &mut job.state,
            crate::web::dom::now_ms() - started,
            finished,
        );
        if finished {
            if let Some(done) = job.done.take() {
                done(job.state);
            }
        } else {
            next_slice(job);
        }
    });
}
