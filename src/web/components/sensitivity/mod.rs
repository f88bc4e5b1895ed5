//! "How sure is the model?": the assumptions ranked by how far they move a chosen milestone (a
//! tornado chart and the table under it), and the milestone's spread over seeds. The runs go to
//! the workers (`worker::pool`), or a slice at a time in the page when there are none; the
//! progress shows at once, a run can be cancelled, and a finished analysis is kept per scenario.

mod job;
mod table;

use std::cell::RefCell;
use std::rc::Rc;

use cascade_sim::milestones::ALL;
use cascade_sim::params::{Plausible, Status, PARAMS};
use cascade_sim::sensitivity::{output, SEEDS};
use cascade_sim::{Milestone, Scenario};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

use crate::draw::charts::{tornado, Theme};
use crate::explain::sensitivity::{spread, Gathered};
use crate::web::hooks::compute::SliceHandle;
use crate::web::worker::pool::WorkerPool;
use job::{cached, in_page, SensitivityJob, SensitivityProgress, Stage};
use table::table;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The scenario whose assumptions are varied.
    pub scenario: Scenario,
    /// Start computing as soon as the section shows (a link or an embed named the view).
    #[prop_or_default]
    pub autostart: bool,
}

#[function_component(SensitivityPanel)]
pub fn sensitivity_panel(props: &Props) -> Html {
    let key = cascade_sim::jobs::scenario_lines(&props.scenario);
    let progress = use_state(SensitivityProgress::idle);
    let milestone = use_state(|| Milestone::KinesisRecovered);
    let workers = use_mut_ref(|| None::<WorkerPool>);
    let handle = use_mut_ref(SliceHandle::default);
    let canvas = use_node_ref();
    let note = use_state(|| None::<String>);

    let stop = {
        let (workers, handle) = (Rc::clone(&workers), Rc::clone(&handle));
        move || {
            handle.borrow().set(true);
            workers.borrow_mut().take();
        }
    };
    let start = {
        let (progress, workers, handle, stop) = (
            progress.clone(),
            Rc::clone(&workers),
            Rc::clone(&handle),
            stop.clone(),
        );
        let (scenario, key) = (props.scenario.clone(), key.clone());
        Rc::new(move || {
            stop();
            if let Some(p) = cached(&key) {
                progress.set(p);
                return;
            }
            let gathered = Gathered::new(SEEDS);
            let n = crate::web::worker::pool::worker_count(gathered.total());
            let requests = gathered.requests(&scenario, n);
            let started = crate::web::dom::now_ms();
            let job = Rc::new(RefCell::new(SensitivityJob {
                key: key.clone(),
                gathered,
                lines: Vec::new(),
                started,
                shown: 0.0,
                progress: progress.clone(),
            }));
            job.borrow_mut().show(Stage::Running);
            let cancelled = SliceHandle::default();
            *handle.borrow_mut() = Rc::clone(&cancelled);
            let fallback = {
                let (scenario, job, cancelled) =
                    (scenario.clone(), Rc::clone(&job), Rc::clone(&cancelled));
                RefCell::new(Some(move || in_page(scenario, job, cancelled)))
            };
            let on_line: Rc<dyn Fn(Result<String, String>)> = {
                let job = Rc::clone(&job);
                Rc::new(move |line| {
                    if cancelled.get() {
                        return;
                    }
                    let mut j = job.borrow_mut();
                    match line.and_then(|l| j.gathered.add_line(&l).map(|()| l)) {
                        Ok(l) => {
                            fallback.borrow_mut().take();
                            j.lines.push(l);
                            j.show(Stage::Running);
                        }
                        // Workers that fail before any run leave the work to the page (what
                        // other workers still answer fills in the same runs).
                        Err(_) if j.gathered.received() == 0 && fallback.borrow().is_some() => {
                            drop(j);
                            if let Some(run) = fallback.borrow_mut().take() {
                                run();
                            }
                        }
                        Err(problem) => j.show(Stage::Failed(problem)),
                    }
                })
            };
            match crate::web::worker::pool::start(requests, on_line) {
                Some(pool) => *workers.borrow_mut() = Some(pool),
                None => in_page(scenario.clone(), job, Rc::clone(&handle.borrow())),
            }
        })
    };
    // A link or an embed that names the view computes it at once (or shows it from the cache).
    {
        let (start, progress) = (Rc::clone(&start), progress.clone());
        let autostart = props.autostart;
        use_effect_with(key.clone(), move |key| {
            if let Some(p) = cached(key) {
                progress.set(p);
            } else if autostart {
                start();
            }
        });
    }
    // Leaving the page section stops the work.
    {
        let stop = stop.clone();
        use_effect_with((), move |_| move || stop());
    }
    let current = progress.key == key;
    let report = current.then(|| progress.gathered.report()).flatten();
    {
        let (canvas, report, m) = (canvas.clone(), report.clone(), *milestone);
        let received = progress.gathered.received();
        use_effect_with((received, m, current), move |_| {
            if let (Some(report), Some(el)) = (report, canvas.cast::<web_sys::HtmlCanvasElement>())
            {
                let bars = tornado::shown(&report, m).len();
                let ratio = crate::web::dom::fit_canvas(&el, f64::from(tornado::height(bars)));
                let theme = Theme::new(crate::web::dom::dark_scheme(), ratio);
                if let Some(backend) = CanvasBackend::with_canvas_object(el) {
                    // A failed drawing leaves the table, which holds the same numbers.
                    tornado::draw(&backend.into_drawing_area(), &report, m, &theme).ok();
                }
            }
        });
    }

    let on_start = {
        let start = Rc::clone(&start);
        Callback::from(move |_: MouseEvent| start())
    };
    let on_cancel = {
        let (progress, stop) = (progress.clone(), stop.clone());
        Callback::from(move |_: MouseEvent| {
            stop();
            let mut p = (*progress).clone();
            p.status = Stage::Cancelled;
            progress.set(p);
        })
    };
    let on_milestone = {
        let milestone = milestone.clone();
        Callback::from(move |e: Event| {
            if let Some(m) = crate::web::dom::select_index(&e).and_then(|k| ALL.get(k)) {
                milestone.set(*m);
            }
        })
    };
    let export_csv = {
        let (report, note) = (report.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(report) = &report else { return };
            let r = crate::web::export::download(
                "kinesis-cascade-sensitivity.csv",
                "text/csv",
                output::to_csv(report).as_bytes(),
            );
            note.set(Some(match r {
                Ok(()) => "Table as CSV: downloaded.".into(),
                Err(e) => format!("Table as CSV could not be made: {e}"),
            }));
        })
    };
    let export_svg = {
        let (lines, note, m) = (Rc::clone(&progress.lines), note.clone(), *milestone);
        Callback::from(move |_: MouseEvent| {
            let request = crate::jobs::svg::request(&crate::jobs::svg::SvgJob::Tornado {
                milestone: m,
                seeds: SEEDS,
                lines: lines.to_vec(),
            });
            note.set(Some("Chart as SVG: being drawn…".into()));
            let note = note.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let r = crate::web::worker::jobs::run(request)
                    .await
                    .and_then(|svg| {
                        crate::web::export::download(
                            "kinesis-cascade-sensitivity.svg",
                            "image/svg+xml",
                            svg.as_bytes(),
                        )
                    });
                note.set(Some(match r {
                    Ok(()) => "Chart as SVG: downloaded.".into(),
                    Err(e) => format!("Chart as SVG could not be made: {e}"),
                }));
            });
        })
    };
    let export_png = {
        let (canvas, note) = (canvas.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let r = canvas
                .cast::<web_sys::HtmlCanvasElement>()
                .ok_or_else(|| "no chart on screen".to_string())
                .and_then(|c| {
                    c.to_data_url_with_type("image/png")
                        .map_err(|_| "the browser could not encode the PNG".to_string())
                })
                .and_then(|url| {
                    crate::web::export::download_data_url("kinesis-cascade-sensitivity.png", &url)
                });
            note.set(Some(match r {
                Ok(()) => "Chart as PNG: downloaded.".into(),
                Err(e) => format!("Chart as PNG could not be made: {e}"),
            }));
        })
    };

    let m = *milestone;
    let p = &*progress;
    let g = &p.gathered;
    let running = current && p.status == Stage::Running;
    let fixed: Vec<(&str, &str)> = PARAMS
        .iter()
        .filter_map(|p| match p.plausible {
            Plausible::Fixed(why) => Some((p.key, why)),
            _ => None,
        })
        .collect();
    let sourced = PARAMS
        .iter()
        .filter(|p| p.status == Status::Sourced)
        .count();
    html! {
        <section class="panel sensitivity" aria-labelledby="sensitivity-title">
            <h2 id="sensitivity-title">{ "How sure is the model?" }</h2>
            <p class="small">
                { crate::explain::sensitivity::INTRO }
                { " " }
                <strong>{ "The longest bars are the assumptions a conclusion leans on" }</strong>
                { "; short or missing bars are assumptions it does not depend on. The light bar is the low end of the range, the dark bar the high end; each is labelled with its value. The spread over seeds shows how much of a time is chance rather than assumption. For a workshop: pick a milestone, ask the room which assumption they expect on top, then compute." }
            </p>
            <div class="sensitivity-controls">
                <label>{ "Milestone " }
                    <select aria-label="Milestone" onchange={on_milestone}>
                        { for ALL.iter().map(|x| html! {
                            <option value={x.key()} selected={*x == m}>{ x.label() }</option>
                        }) }
                    </select>
                </label>
                if running {
                    <span role="status">{ format!(" {} of {} runs…", g.received(), g.total()) }</span>
                    <button class="linklike" onclick={on_cancel}>{ "Cancel" }</button>
                } else {
                    <button class="linklike" onclick={on_start}>
                        { format!("Compute: {} runs of the model", g.total()) }
                    </button>
                    if current {
                        if let Stage::Done = p.status {
                            <span class="muted small">{ format!(" {} runs in {:.1} s", g.total(), p.ms / 1000.0) }</span>
                        }
                        if let Stage::Cancelled = p.status {
                            <span class="muted small" role="status">{ format!(" Cancelled after {} of {} runs.", g.received(), g.total()) }</span>
                        }
                    }
                }
            </div>
            if let (true, Stage::Failed(e)) = (current, &p.status) {
                <p class="param-error" role="alert">{ format!("The analysis stopped: {e}") }</p>
            }
            if let Some(report) = &report {
                <p class="sensitivity-spread">
                    <strong>{ format!("{}: ", m.label()) }</strong>
                    { format!("{} with the scenario's values; ", crate::explain::sensitivity::time(report.baseline.milestones.get(m))) }
                    if report.seeds.is_empty() {
                        { "the seeds are still to come." }
                    } else {
                        { format!("{}.", spread(report, m)) }
                    }
                </p>
                <div class="chart">
                    <canvas ref={canvas.clone()} class="sensitivity-canvas" role="img"
                        aria-label={format!("Tornado chart: the assumptions that move {} most, at the low and the high end of their ranges", m.label())} />
                </div>
                { table(report, m) }
                <p class="small">
                    { format!("Not varied: the {sourced} parameters AWS gives, and {} assumed ones: ", fixed.len()) }
                    { for fixed.iter().enumerate().map(|(k, (key, why))| html! {
                        <>{ if k > 0 { "; " } else { "" } }<code>{ *key }</code>{ format!(" ({why})") }</>
                    }) }
                    { "." }
                </p>
                if !running {
                    <p class="sensitivity-exports">
                        <button class="linklike" onclick={export_csv}>{ "Table as CSV" }</button>
                        { " · " }
                        <button class="linklike" onclick={export_svg}>{ "Chart as SVG" }</button>
                        { " · " }
                        <button class="linklike" onclick={export_png}>{ "Chart as PNG" }</button>
                        if let Some(n) = &*note {
                            <span class="muted small" role="status">{ format!(" {n}") }</span>
                        }
                    </p>
                }
            }
        </section>
    }
}
