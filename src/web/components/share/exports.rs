//! The share panel's exports as one hook: each download (PNG of the views, a chart as SVG, the
//! series as CSV and JSON, the scenario file) and loading a scenario file back, with the one
//! message that says how the last of them went. The JSON and SVG exports and reading a file run
//! in the worker (`worker::jobs`); loading a file is `load.rs`.

use cascade_sim::clock::{self, Minute};
use cascade_sim::jobs::Job;
use yew::prelude::*;

use crate::state::ById;

use super::Props;
use crate::web::export;

/// What the panel's export controls need.
pub struct Exports {
    /// How the last export or load went.
    pub message: UseStateHandle<Option<String>>,
    /// The chart chosen for the SVG export, by name.
    pub chart: UseStateHandle<String>,
    /// PNG of the views.
    pub png: Callback<MouseEvent>,
    /// The chosen chart as SVG.
    pub svg: Callback<MouseEvent>,
    /// The series as CSV.
    pub csv: Callback<MouseEvent>,
    /// The series and events as JSON.
    pub json: Callback<MouseEvent>,
    /// The scenario file.
    pub scenario: Callback<MouseEvent>,
    /// Loading a scenario file.
    pub load: Callback<Event>,
}

#[hook]
pub fn use_exports(props: &Props) -> Exports {
    let message = use_state(|| None::<String>);
    let chart = use_state(|| "errors".to_string());
    let done = {
        let message = message.clone();
        move |r: Result<(), String>, what: &str| message.set(Some(export::outcome(what, r)))
    };
    let export_png = {
        let (props, done) = (props.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            let t = props.now.borrow().floor() as Minute;
            let title = format!(
                "kinesis-cascade · {} · {} PST, 25 Nov 2020",
                props.preset,
                clock::format(t)
            );
            let r = export::views_png(
                &title,
                &props.run,
                props.compare.as_ref().map(ById::get),
                props.views,
                t,
            )
            .and_then(|url| export::download_data_url("kinesis-cascade-view.png", &url));
            done(r, "PNG of the views");
        })
    };
    let export_csv = {
        let (props, done) = (props.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            let r = export::download(
                "kinesis-cascade-series.csv",
                "text/csv",
                props.run.series_csv().as_bytes(),
            );
            done(r, "CSV of the series");
        })
    };
    // The JSON and SVG exports and reading a scenario file run in the worker (see
    // `worker::jobs`): `request` is the job's text, `file` and `mime` the download's.
    let in_worker = {
        let message = message.clone();
        move |request: String, what: &'static str, file: String, mime: &'static str| {
            let message = message.clone();
            export::from_worker(request, what, file, mime, move |m| message.set(Some(m)));
        }
    };
    // The SVG is drawn in the worker (`jobs::svg`), from the scenario and the branch.
    let export_svg = {
        let (props, done, chart, in_worker) = (
            props.clone(),
            done.clone(),
            chart.clone(),
            in_worker.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(c) = crate::draw::charts::registry::Chart::from_name(&chart) else {
                done(
                    Err(format!("no chart named '{}'", *chart)),
                    "SVG of the chart",
                );
                return;
            };
            let request = crate::jobs::svg::request(&crate::jobs::svg::SvgJob::Chart {
                chart: c,
                scenario: Box::new(props.scenario.clone()),
                changes: props.branch.clone(),
                compare: props.compare.is_some(),
            });
            let file = format!("kinesis-cascade-{}.svg", c.name());
            in_worker(request, "SVG of the chart", file, "image/svg+xml");
        })
    };
    let export_json = {
        let (props, in_worker) = (props.clone(), in_worker.clone());
        Callback::from(move |_: MouseEvent| {
            let job = Job::RunJson {
                scenario: props.scenario.clone(),
                changes: props.branch.clone(),
            };
            in_worker(
                cascade_sim::jobs::request(&job),
                "JSON of the series and events",
                "kinesis-cascade-run.json".into(),
                "application/json",
            );
        })
    };
    let export_scenario = {
        let props = props.clone();
        Callback::from(move |_: MouseEvent| {
            let job = Job::ScenarioFile(props.scenario.clone());
            in_worker(
                cascade_sim::jobs::request(&job),
                "Scenario file",
                "kinesis-cascade-scenario.json".into(),
                "application/json",
            );
        })
    };
    let load_scenario = super::load::on_file(props.send.clone(), message.clone());
    Exports {
        message,
        chart,
        png: export_png,
        svg: export_svg,
        csv: export_csv,
        json: export_json,
        scenario: export_scenario,
        load: load_scenario,
    }
}
