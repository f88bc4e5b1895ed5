//! Share and export: the views shown, "Copy link", the embed dialog that writes an iframe's code,
//! and the exports (PNG, SVG, CSV, JSON, the scenario file and loading one back).

use std::cell::RefCell;
use std::rc::Rc;

use cascade_sim::branch::Change;
use cascade_sim::clock::{self, Minute};
use cascade_sim::jobs::Job;
use cascade_sim::{Recording, Scenario};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::export;
use crate::state::Action;
use crate::url::{EmbedLink, LinkView};
use crate::views::{ViewSet, VIEWS};

#[derive(Properties, Clone)]
pub struct Props {
    /// The chosen preset.
    pub preset: AttrValue,
    /// The scenario (without the branch).
    pub scenario: Scenario,
    /// The branch's changes.
    pub branch: Vec<Change>,
    /// The views shown.
    pub views: ViewSet,
    /// The time range of the link, if any.
    pub range: Option<(Minute, Minute)>,
    /// The recording on screen.
    pub run: Rc<Recording>,
    /// With a branch, the run it forked from.
    pub compare: Option<Rc<Recording>>,
    /// Whether what the operators saw is shown (links and embeds keep it).
    pub operators: bool,
    /// The cursor, read when a link is made (it moves every frame; this panel does not).
    pub now: Rc<RefCell<f64>>,
    /// Sends an action to the store.
    pub send: Callback<Action>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        self.preset == other.preset
            && self.scenario == other.scenario
            && self.branch == other.branch
            && self.views == other.views
            && self.range == other.range
            && self.operators == other.operators
            && Rc::ptr_eq(&self.run, &other.run)
            && crate::components::same_run(&self.compare, &other.compare)
            && Rc::ptr_eq(&self.now, &other.now)
            && self.send == other.send
    }
}

impl Props {
    /// The link to what is on screen now (or an embed of it).
    fn link(
        &self,
        embed: Option<EmbedLink>,
        range: Option<(Minute, Minute)>,
        caption: Option<String>,
    ) -> String {
        let view = LinkView {
            time: Some(self.now.borrow().floor() as Minute),
            range: range.or(self.range),
            views: Some(self.views),
            embed,
            story: None,
            caption,
            operators: self.operators,
        };
        format!(
            "{}?{}",
            crate::dom::page_address(),
            crate::url::to_query(&self.preset, &self.scenario, &self.branch, &view)
        )
    }
}

/// Copies `text` to the clipboard if the browser lets the page; the text is also shown, so it
/// can be copied by hand when it does not.
fn copy(text: &str) {
    let Some(navigator) = crate::dom::window().map(|w| w.navigator()) else {
        return;
    };
    // Outside a secure context (a page served over plain HTTP from another machine) there is
    // no clipboard object at all: calling it would throw, and the shown text is the fallback.
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !present {
        return;
    }
    let promise = navigator.clipboard().write_text(text);
    // A refusal (no permission) leaves the shown text to copy by hand.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

#[function_component(Share)]
pub fn share(props: &Props) -> Html {
    let link = use_state(|| None::<String>);
    let message = use_state(|| None::<String>);
    let dialog = use_state(|| false);
    let embed_views = use_state(|| props.views);
    let autoplay = use_state(|| true);
    let looping = use_state(|| true);
    let bar = use_state(|| false);
    let caption = use_state(String::new);
    let from = use_state(|| "02:30".to_string());
    let to = use_state(|| "06:30".to_string());
    let chart = use_state(|| "errors".to_string());

    let copy_link = {
        let (props, link) = (props.clone(), link.clone());
        Callback::from(move |_: MouseEvent| {
            let text = props.link(None, None, None);
            copy(&text);
            link.set(Some(text));
        })
    };
    let done = {
        let message = message.clone();
        move |r: Result<(), String>, what: &str| {
            message.set(Some(match r {
                Ok(()) => format!("{what}: downloaded."),
                Err(e) => format!("{what} could not be made: {e}"),
            }))
        }
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
            let r = export::views_png(&title, &props.run, props.compare.as_deref(), props.views, t)
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
        let (done, message) = (done.clone(), message.clone());
        move |request: String, what: &'static str, file: String, mime: &'static str| {
            message.set(Some(format!("{what}: being made…")));
            let done = done.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let r = crate::worker::jobs::run(request)
                    .await
                    .and_then(|text| export::download(&file, mime, text.as_bytes()));
                done(r, what);
            });
        }
    };
    // The SVG is drawn in the worker (`svg_job`), from the scenario and the branch.
    let export_svg = {
        let (props, done, chart, in_worker) = (
            props.clone(),
            done.clone(),
            chart.clone(),
            in_worker.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(c) = crate::charts::registry::Chart::from_name(&chart) else {
                done(
                    Err(format!("no chart named '{}'", *chart)),
                    "SVG of the chart",
                );
                return;
            };
            let request = crate::svg_job::request(&crate::svg_job::SvgJob::Chart {
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
    let load_scenario = {
        let (send, message) = (props.send.clone(), message.clone());
        Callback::from(move |e: Event| {
            let file = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files())
                .and_then(|f| f.get(0));
            let Some(file) = file else { return };
            let (send, message) = (send.clone(), message.clone());
            let name = file.name();
            // A file far larger than any scenario is refused before it is read into memory.
            let limit = cascade_sim::validate::MAX_FILE_BYTES;
            if file.size() > limit as f64 {
                message.set(Some(format!(
                    "{name} is not a scenario file this app can read: it is {:.0} bytes, and a scenario file is at most {limit}",
                    file.size()
                )));
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                let Some(text) = text.ok().and_then(|t| t.as_string()) else {
                    message.set(Some(format!("{name} could not be read as text.")));
                    return;
                };
                let read =
                    crate::worker::jobs::run(cascade_sim::jobs::request(&Job::ReadScenario(text)))
                        .await
                        .and_then(|lines| {
                            cascade_sim::jobs::read_lines(lines.lines()).map_err(|e| e.to_string())
                        });
                match read {
                    Ok(scenario) => {
                        send.emit(Action::LoadScenario(Box::new(scenario)));
                        message.set(Some(format!("Scenario loaded from {name}.")));
                    }
                    Err(e) => message.set(Some(format!(
                        "{name} is not a scenario file this app can read: {e}"
                    ))),
                }
            });
        })
    };
    let view_toggle = |v, on: bool| {
        let (send, views) = (props.send.clone(), props.views);
        Callback::from(move |_: Event| send.emit(Action::SetViews(views.with(v, !on))))
    };
    let embed_code = {
        let range = crate::time_range::parse(&from, &to, crate::charts::time_span(&props.run)).ok();
        let src = props.link(
            Some(EmbedLink {
                views: *embed_views,
                autoplay: *autoplay,
                looping: *looping,
                bar: *bar || !*autoplay,
            }),
            range,
            Some((*caption).clone()),
        );
        format!(
            "<iframe src=\"{}\" width=\"800\" height=\"520\" style=\"border:0;max-width:100%\" title=\"The Kinesis outage of 25 November 2020, animated\" loading=\"lazy\"></iframe>",
            src.replace('&', "&amp;").replace('"', "&quot;")
        )
    };
    let toggle_dialog = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| dialog.set(!*dialog))
    };
    let copy_code = {
        let code = embed_code.clone();
        Callback::from(move |_: MouseEvent| copy(&code))
    };
    html! {
        <section class="panel share" aria-labelledby="share-title">
            <h2 id="share-title">{ "Views, share and export" }</h2>
            <fieldset class="view-choice">
                <legend>{ "Views shown" }</legend>
                { for VIEWS.iter().map(|(v, _, title)| {
                    let on = props.views.has(*v);
                    html! { <label><input type="checkbox" checked={on} onchange={view_toggle(*v, on)} />{ *title }</label> }
                }) }
            </fieldset>
            <div class="share-row">
                <button class="linklike" onclick={copy_link}>{ "Copy link" }</button>
                <button class="linklike" onclick={toggle_dialog.clone()} aria-expanded={dialog.to_string()}>{ "Embed…" }</button>
                <button class="linklike" onclick={export_png}>{ "PNG of the views" }</button>
                <span class="svg-export">
                    <select aria-label="Chart to export as SVG" onchange={crate::components::text_setter(&chart)}>
                        { for crate::charts::registry::CHARTS.iter().map(|c| html! { <option value={c.name()} selected={c.name() == *chart}>{ c.title() }</option> }) }
                    </select>
                    <button class="linklike" onclick={export_svg}>{ "Chart as SVG" }</button>
                </span>
                <button class="linklike" onclick={export_csv}>{ "Series (CSV)" }</button>
                <button class="linklike" onclick={export_json}>{ "Series and events (JSON)" }</button>
                <button class="linklike" onclick={export_scenario}>{ "Scenario file (JSON)" }</button>
                <label class="linklike file-load">{ "Load a scenario file" }
                    <input type="file" accept=".json,application/json" onchange={load_scenario} />
                </label>
                <crate::components::recorder::Recorder run={Rc::clone(&props.run)} now={Rc::clone(&props.now)} send={props.send.clone()} />
                <crate::components::gif_export::GifExport run={Rc::clone(&props.run)} />
            </div>
            if let Some(text) = &*link {
                <p class="small">{ "Link (copied if the browser allowed it): " }
                    <input class="link-text" type="text" readonly=true value={text.clone()} aria-label="Link to this view" size="60" />
                </p>
            }
            if let Some(text) = &*message {
                <p class="small export-message" role="status">{ text.clone() }</p>
            }
            if *dialog {
                <div class="embed-dialog" role="group" aria-label="Embed this view">
                    <fieldset class="view-choice">
                        <legend>{ "Views in the embed" }</legend>
                        { for VIEWS.iter().map(|(v, _, title)| {
                            let on = embed_views.has(*v);
                            let set = { let ev = embed_views.clone(); let v = *v; Callback::from(move |_: Event| ev.set(ev.with(v, !on))) };
                            html! { <label><input type="checkbox" checked={on} onchange={set} />{ *title }</label> }
                        }) }
                    </fieldset>
                    <label><input type="checkbox" checked={*autoplay} onchange={{ let a = autoplay.clone(); Callback::from(move |_: Event| a.set(!*a)) }} />{ "Play on its own" }</label>
                    <label><input type="checkbox" checked={*looping} onchange={{ let l = looping.clone(); Callback::from(move |_: Event| l.set(!*l)) }} />{ "Loop over" }</label>
                    <label><input type="checkbox" checked={*bar || !*autoplay} disabled={!*autoplay} onchange={{ let b = bar.clone(); Callback::from(move |_: Event| b.set(!*b)) }} />{ "Show the bar (Play, clock, link)" }</label>
                    <label class="caption-field">{ "Caption (optional)" }
                        <input type="text" maxlength={crate::url::MAX_CAPTION.to_string()} value={(*caption).clone()} onchange={crate::components::text_setter(&caption)} />
                    </label>
                    <input type="text" size="6" aria-label="Loop from (HH:MM)" value={(*from).clone()} onchange={crate::components::text_setter(&from)} />
                    { "–" }
                    <input type="text" size="6" aria-label="Loop to (HH:MM)" value={(*to).clone()} onchange={crate::components::text_setter(&to)} />
                    if let Err(needs) = crate::time_range::parse(&from, &to, crate::charts::time_span(&props.run)) {
                        <p class="param-error" role="alert">{ format!("The range needs {needs}; the embed plays the whole day instead.") }</p>
                    }
                    <textarea class="embed-code" readonly=true rows="4" aria-label="Code of the iframe" value={embed_code.clone()} />
                    <button class="linklike" onclick={copy_code}>{ "Copy the code" }</button>
                    <button class="linklike" onclick={toggle_dialog}>{ "Close" }</button>
                </div>
            }
        </section>
    }
}
