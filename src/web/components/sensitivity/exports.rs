//! An analysis's exports: the table as CSV, the chart as SVG (drawn in the worker from the
//! runs' answer lines) and as PNG (the canvas on screen), each saying how it went.

use cascade_sim::sensitivity::{output, Report, SEEDS};
use cascade_sim::Milestone;
use yew::prelude::*;

use crate::state::ById;
use crate::web::export;

/// What the exports are made from, and where they say how they went.
pub(super) struct Props {
    pub(super) report: ById<Report>,
    pub(super) lines: ById<Vec<String>>,
    pub(super) milestone: Milestone,
    pub(super) canvas: NodeRef,
    pub(super) note: UseStateHandle<Option<String>>,
}

/// The export buttons and how the last export went.
pub(super) fn exports(props: &Props) -> Html {
    let note = props.note.clone();
    let say = {
        let note = note.clone();
        move |m: String| note.set(Some(m))
    };
    let csv = {
        let (report, say) = (props.report.clone(), say.clone());
        Callback::from(move |_: MouseEvent| {
            let csv = output::to_csv(&report);
            let file = "kinesis-cascade-sensitivity.csv";
            say(export::outcome(
                "Table as CSV",
                export::download(file, "text/csv", csv.as_bytes()),
            ));
        })
    };
    let svg = {
        let (lines, m, say) = (props.lines.clone(), props.milestone, say.clone());
        Callback::from(move |_: MouseEvent| {
            let request = crate::jobs::svg::request(&crate::jobs::svg::SvgJob::Tornado {
                milestone: m,
                seeds: SEEDS,
                lines: lines.to_vec(),
            });
            let file = "kinesis-cascade-sensitivity.svg".to_string();
            export::from_worker(request, "Chart as SVG", file, "image/svg+xml", say.clone());
        })
    };
    let png = {
        let canvas = props.canvas.clone();
        Callback::from(move |_: MouseEvent| {
            let r = canvas
                .cast::<web_sys::HtmlCanvasElement>()
                .ok_or_else(|| "no chart on screen".to_string())
                .and_then(|c| {
                    c.to_data_url_with_type("image/png")
                        .map_err(|_| "the browser could not encode the PNG".to_string())
                })
                .and_then(|url| export::download_data_url("kinesis-cascade-sensitivity.png", &url));
            say(export::outcome("Chart as PNG", r));
        })
    };
    html! {
        <p class="sensitivity-exports">
            <button class="linklike" onclick={csv}>{ "Table as CSV" }</button>
            { " · " }
            <button class="linklike" onclick={svg}>{ "Chart as SVG" }</button>
            { " · " }
            <button class="linklike" onclick={png}>{ "Chart as PNG" }</button>
            if let Some(n) = &*note {
                <span class="muted small" role="status">{ format!(" {n}") }</span>
            }
        </p>
    }
}
