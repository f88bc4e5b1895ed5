//! The cliff: a sweep over the fleet size or the thread limit, computed in the browser a slice
//! at a time, plotting how long Kinesis is out against it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use cascade_sim::compare::duration;
use cascade_sim::sweep::{self, Axis, Point, Runner, AXES};
use cascade_sim::{params, Scenario};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

use crate::draw::charts::Theme;
use crate::web::hooks::compute::SliceHandle;
use crate::web::worker::sweeps::WorkerSweep;

/// Points in a sweep.
pub const POINTS: usize = 50;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The scenario swept around.
    pub scenario: Scenario,
}

/// A sweep's progress as the page shows it.
#[derive(Clone, PartialEq, Default)]
struct SweepProgress {
    axis: usize,
    points: Vec<Point>,
    total: usize,
    ms: f64,
    error: Option<String>,
    running: bool,
}

/// A sweep in progress in the page.
struct SweepJob {
    runner: Runner,
    progress: UseStateHandle<SweepProgress>,
    axis: usize,
    cancelled: SliceHandle,
    /// When the user asked for it (page clock, ms).
    started: f64,
    /// When the page last showed its progress.
    shown: f64,
}

/// Shortest time between two updates of the chart while the sweep runs: drawing costs as much
/// as a few minutes of model, so it is not done for every point.
const REDRAW_MS: f64 = 300.0;

fn run_slices(job: SweepJob) {
    let handle = job.cancelled.clone();
    crate::web::hooks::compute::in_slices(
        handle,
        (job, Ok(false)),
        |(job, done)| {
            *done = job.runner.advance(20);
            !matches!(done, Ok(false))
        },
        |(job, done), _, finished| {
            let now = crate::web::dom::now_ms();
            if finished || now - job.shown > REDRAW_MS {
                job.shown = now;
                job.progress.set(SweepProgress {
                    axis: job.axis,
                    points: job.runner.points.clone(),
                    total: job.runner.len(),
                    ms: now - job.started,
                    error: done.as_ref().err().map(|e| e.to_string()),
                    running: !finished,
                });
            }
        },
        |_| {},
    );
}

/// Runs the sweep in the page, a slice at a time (when workers are not available).
fn in_page(
    scenario: &Scenario,
    axis: usize,
    xs: Vec<f64>,
    progress: UseStateHandle<SweepProgress>,
    cancelled: SliceHandle,
) {
    let Some(a) = AXES.get(axis) else { return };
    match Runner::new(scenario, a.key, xs) {
        Ok(runner) => {
            let now = crate::web::dom::now_ms();
            run_slices(SweepJob {
                runner,
                progress,
                axis,
                cancelled,
                started: now,
                shown: now,
            });
        }
        Err(e) => progress.set(SweepProgress {
            axis,
            error: Some(e.to_string()),
            ..SweepProgress::default()
        }),
    }
}

/// Gathers the workers' points into the page's progress; if the workers fail before any point,
/// the sweep runs in the page instead.
fn collector(
    axis: usize,
    total: usize,
    progress: UseStateHandle<SweepProgress>,
    fallback: impl FnOnce() + 'static,
) -> Rc<dyn Fn(Result<Point, String>)> {
    let started = crate::web::dom::now_ms();
    let points = RefCell::new(Vec::<Point>::new());
    let shown = Cell::new(started);
    let fallback = RefCell::new(Some(fallback));
    let fell_back = Cell::new(false);
    Rc::new(move |answer: Result<Point, String>| {
        if fell_back.get() {
            return; // the page computes the sweep now; other workers' news is moot
        }
        let point = match answer {
            Ok(p) => p,
            Err(problem) => {
                let fallback = fallback.borrow_mut().take();
                match fallback {
                    Some(run) if points.borrow().is_empty() => {
                        fell_back.set(true);
                        run();
                    }
                    _ => progress.set(SweepProgress {
                        axis,
                        error: Some(problem),
                        ..SweepProgress::default()
                    }),
                }
                return;
            }
        };
        fallback.borrow_mut().take();
        let mut points = points.borrow_mut();
        let at = points.partition_point(|p| p.x < point.x);
        points.insert(at, point);
        let now = crate::web::dom::now_ms();
        let finished = points.len() >= total;
        if finished || now - shown.get() > REDRAW_MS {
            shown.set(now);
            progress.set(SweepProgress {
                axis,
                points: points.clone(),
                total,
                ms: now - started,
                error: None,
                running: !finished,
            });
        }
    })
}

#[function_component(Sweep)]
pub fn sweep_panel(props: &Props) -> Html {
    let axis = use_state(|| 0usize);
    let progress = use_state(SweepProgress::default);
    let handle = use_mut_ref(SliceHandle::default);
    let canvas = use_node_ref();
    let export_note = use_state(|| None::<String>);
    let on_axis = {
        let axis = axis.clone();
        Callback::from(move |e: Event| {
            if let Some(k) = crate::web::dom::select_index(&e) {
                axis.set(k.min(AXES.len() - 1));
            }
        })
    };
    let workers = use_mut_ref(|| None::<WorkerSweep>);
    let start = {
        let (axis, progress, handle) = (*axis, progress.clone(), Rc::clone(&handle));
        let workers = Rc::clone(&workers);
        let scenario = props.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(a) = AXES.get(axis) else { return };
            let xs = sweep::values(a.from, a.to, POINTS);
            // A new sweep replaces one still running.
            handle.borrow().set(true);
            *workers.borrow_mut() = None;
            let cancelled = SliceHandle::default();
            *handle.borrow_mut() = Rc::clone(&cancelled);
            progress.set(SweepProgress {
                axis,
                total: xs.len(),
                running: true,
                ..SweepProgress::default()
            });
            let here = {
                let (scenario, xs, progress) = (scenario.clone(), xs.clone(), progress.clone());
                move || in_page(&scenario, axis, xs, progress, cancelled)
            };
            // Run in the page when a worker fails before its first point, or when none can be
            // made at all (a page opened from a file, in Chromium and WebKit).
            let here = Rc::new(RefCell::new(Some(here)));
            let fallback = {
                let here = Rc::clone(&here);
                move || {
                    if let Some(run) = here.borrow_mut().take() {
                        run();
                    }
                }
            };
            let on_point = collector(axis, xs.len(), progress.clone(), fallback);
            let pool = crate::web::worker::sweeps::start(&scenario, a.key, &xs, on_point);
            if pool.is_none() {
                if let Some(run) = here.borrow_mut().take() {
                    run();
                }
            }
            *workers.borrow_mut() = pool;
        })
    };
    {
        let workers = Rc::clone(&workers);
        use_effect_with((), move |_| move || drop(workers.borrow_mut().take()));
    }
    // Leaving the page section stops the work.
    {
        let handle = Rc::clone(&handle);
        use_effect_with((), move |_| move || handle.borrow().set(true));
    }
    let shown = AXES.get(progress.axis).copied();
    let current = shown
        .and_then(|a| params::find(a.key))
        .map_or(0.0, |p| (p.get)(&props.scenario));
    {
        let (canvas, progress) = (canvas.clone(), (*progress).clone());
        use_effect_with((progress.clone(), current.to_bits()), move |_| {
            if let (Some(a), Some(el)) = (
                AXES.get(progress.axis),
                canvas.cast::<web_sys::HtmlCanvasElement>(),
            ) {
                if !progress.points.is_empty() {
                    draw(&el, &progress.points, a, current);
                }
            }
        });
    }
    let p = &*progress;
    html! {
        <section class="panel sweep" aria-labelledby="sweep-title">
            <h2 id="sweep-title">{ "The cliff: outage against fleet size or thread limit" }</h2>
            <div class="sweep-controls">
                <label>{ "Sweep " }
                    <select aria-label="Parameter to sweep" onchange={on_axis}>
                        { for AXES.iter().enumerate().map(|(k, a)| html! {
                            <option value={k.to_string()} selected={k == *axis}>{ format!("{} ({} to {})", a.label, a.from, a.to) }</option>
                        }) }
                    </select>
                </label>
                <button class="linklike" onclick={start} disabled={p.running}>{ format!("Run {POINTS} days of the model") }</button>
                if p.running {
                    <span role="status">{ format!(" {} of {} points…", p.points.len(), p.total) }</span>
                } else if !p.points.is_empty() {
                    <span class="muted small">{ format!(" {} points in {:.1} s", p.points.len(), p.ms / 1000.0) }</span>
                }
            </div>
            if let Some(e) = &p.error {
                <p class="param-error" role="alert">{ e.clone() }</p>
            }
            if !p.points.is_empty() {
                <div class="chart" style="height:220px">
                    <canvas ref={canvas} class="sweep-canvas" role="img" style="width:100%;height:220px"
                        aria-label="Kinesis outage in hours against the swept parameter" />
                </div>
                if let Some(a) = shown {
                    if !p.running {
                        <p class="sweep-summary">{ crate::explain::sweep_summary::summary(&p.points, &a) }
                            { " " }
                            <button class="linklike" onclick={{
                                let (points, a, note) = (p.points.clone(), a, export_note.clone());
                                Callback::from(move |_: MouseEvent| export_svg(&points, &a, current, note.clone()))
                            }}>{ "Plot as SVG" }</button>
                            if let Some(note) = &*export_note {
                                <span class="muted small" role="status">{ format!(" {note}") }</span>
                            }
                        </p>
                    }
                    <details>
                        <summary>{ "The points as a table" }</summary>
                        <table class="small">
                            <thead><tr><th scope="col">{ a.label }</th><th scope="col">{ "Kinesis outage" }</th><th scope="col">{ "past the limit" }</th></tr></thead>
                            <tbody>{ for p.points.iter().map(|pt| html! {
                                <tr><td>{ format!("{:.0}", pt.x) }</td><td>{ duration(i64::from(pt.outage_min)) }</td><td>{ if pt.before_addition { "before the addition" } else if pt.crossed { "yes" } else { "no" } }</td></tr>
                            }) }</tbody>
                        </table>
                    </details>
                }
            }
        </section>
    }
}

/// The sweep's plot as an SVG file, drawn in the worker by the same function as on screen
/// (`svg_job`); `note` gets what became of it.
fn export_svg(points: &[Point], axis: &Axis, current: f64, note: UseStateHandle<Option<String>>) {
    let request = crate::jobs::svg::request(&crate::jobs::svg::SvgJob::Sweep {
        key: axis.key.to_string(),
        current,
        points: points.to_vec(),
    });
    note.set(Some("Plot as SVG: being drawn…".into()));
    wasm_bindgen_futures::spawn_local(async move {
        let r = crate::web::worker::jobs::run(request)
            .await
            .and_then(|svg| {
                crate::web::export::download(
                    "kinesis-cascade-sweep.svg",
                    "image/svg+xml",
                    svg.as_bytes(),
                )
            });
        // A refused download leaves the plot and its table on the page.
        note.set(Some(match r {
            Ok(()) => "Plot as SVG: downloaded.".into(),
            Err(e) => format!("Plot as SVG could not be made: {e}"),
        }));
    });
}

fn draw(el: &web_sys::HtmlCanvasElement, points: &[Point], axis: &Axis, current: f64) {
    let ratio = crate::web::dom::fit_canvas(el, 220.0);
    let theme = Theme::new(crate::web::dom::dark_scheme(), ratio);
    if let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) {
        // A failed drawing leaves the table, which holds the same numbers.
        crate::draw::charts::sweep::draw(
            &backend.into_drawing_area(),
            points,
            axis,
            current,
            &theme,
        )
        .ok();
    }
}
