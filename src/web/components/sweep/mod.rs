//! The cliff: a sweep over the fleet size or the thread limit, computed by the workers or in
//! the page (`batch.rs`, `hooks::batch`), plotting how long Kinesis is out against it.

use cascade_sim::compare::duration;
use cascade_sim::sweep::{self, Axis, Point, AXES};
use cascade_sim::{params, Scenario};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

use crate::draw::charts::Theme;
use crate::jobs::sweep::SweepBatch;
use crate::web::hooks::batch::{use_batch, Stage};

/// Points in a sweep.
pub const POINTS: usize = 50;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The scenario swept around.
    pub scenario: Scenario,
}

#[function_component(Sweep)]
pub fn sweep_panel(props: &Props) -> Html {
    let axis = use_state(|| 0usize);
    let batch = use_batch::<SweepBatch>();
    let canvas = use_node_ref();
    let note = use_state(|| None::<String>);
    let on_axis = {
        let axis = axis.clone();
        Callback::from(move |e: Event| {
            if let Some(k) = crate::web::dom::select_index(&e) {
                axis.set(k.min(AXES.len() - 1));
            }
        })
    };
    let start = {
        let (axis, batch, scenario) = (*axis, batch.clone(), props.scenario.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(a) = AXES.get(axis) else { return };
            let xs = sweep::values(a.from, a.to, POINTS);
            batch.start(
                axis.to_string(),
                SweepBatch::new(scenario.clone(), a.key, xs),
            );
        })
    };
    let p = &*batch.progress;
    let shown = p
        .key
        .parse::<usize>()
        .ok()
        .and_then(|k| AXES.get(k))
        .copied();
    let current = shown
        .and_then(|a| params::find(a.key))
        .map_or(0.0, |param| (param.get)(&props.scenario));
    let points = p.view.clone().unwrap_or_default();
    {
        let (canvas, points) = (canvas.clone(), points.clone());
        use_effect_with(
            (points.clone(), shown.map(|a| a.key), current.to_bits()),
            move |_| {
                if let (Some(a), Some(el)) = (shown, canvas.cast::<web_sys::HtmlCanvasElement>()) {
                    if !points.is_empty() {
                        draw(&el, &points, &a, current);
                    }
                }
            },
        );
    }
    let running = p.stage == Stage::Running;
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
                <button class="linklike" onclick={start} disabled={running}>{ format!("Run {POINTS} days of the model") }</button>
                if running {
                    <span role="status">{ format!(" {} of {} points…", p.received, p.total) }</span>
                } else if !points.is_empty() {
                    <span class="muted small">{ format!(" {} points in {:.1} s", p.received, p.ms / 1000.0) }</span>
                }
            </div>
            if let Stage::Failed(e) = &p.stage {
                <p class="param-error" role="alert">{ e.clone() }</p>
            }
            if let (false, Some(a)) = (points.is_empty(), shown) {
                <div class="chart" style="height:220px">
                    <canvas ref={canvas} class="sweep-canvas" role="img" style="width:100%;height:220px"
                        aria-label="Kinesis outage in hours against the swept parameter" />
                </div>
                if !running {
                    { summary(&points, a, current, &note) }
                }
                { table(&points, &a) }
            }
        </section>
    }
}

/// The sweep's summary in words, and its plot as an SVG file; `note` says how the export went.
fn summary(points: &[Point], a: Axis, current: f64, note: &UseStateHandle<Option<String>>) -> Html {
    let on_svg = {
        let (points, note) = (points.to_vec(), note.clone());
        Callback::from(move |_: MouseEvent| export_svg(&points, &a, current, note.clone()))
    };
    html! {
        <p class="sweep-summary">{ crate::explain::sweep_summary::summary(points, &a) }
            { " " }
            <button class="linklike" onclick={on_svg}>{ "Plot as SVG" }</button>
            if let Some(note) = &**note {
                <span class="muted small" role="status">{ format!(" {note}") }</span>
            }
        </p>
    }
}

/// The points as a table, folded away under the plot.
fn table(points: &[Point], a: &Axis) -> Html {
    html! {
        <details>
            <summary>{ "The points as a table" }</summary>
            <table class="small">
                <thead><tr><th scope="col">{ a.label }</th><th scope="col">{ "Kinesis outage" }</th><th scope="col">{ "past the limit" }</th></tr></thead>
                <tbody>{ for points.iter().map(|pt| html! {
                    <tr><td>{ format!("{:.0}", pt.x) }</td><td>{ duration(i64::from(pt.outage_min)) }</td><td>{ if pt.before_addition { "before the addition" } else if pt.crossed { "yes" } else { "no" } }</td></tr>
                }) }</tbody>
            </table>
        </details>
    }
}

/// The sweep's plot as an SVG file, drawn in the worker by the same function as on screen
/// (`jobs::svg`); `note` gets what became of it. A refused download leaves the plot and its
/// table on the page.
fn export_svg(points: &[Point], axis: &Axis, current: f64, note: UseStateHandle<Option<String>>) {
    let request = crate::jobs::svg::request(&crate::jobs::svg::SvgJob::Sweep {
        key: axis.key.to_string(),
        current,
        points: points.to_vec(),
    });
    let file = "kinesis-cascade-sweep.svg".to_string();
    crate::web::export::from_worker(request, "Plot as SVG", file, "image/svg+xml", move |m| {
        note.set(Some(m))
    });
}

fn draw(el: &web_sys::HtmlCanvasElement, points: &[Point], axis: &Axis, current: f64) {
    let ratio = crate::web::dom::fit_canvas(el, 220.0);
    let theme = Theme::on_canvas(crate::web::dom::dark_scheme(), ratio);
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
