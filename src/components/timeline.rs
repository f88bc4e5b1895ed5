//! The timeline of the day, 00:00 on 25 November to 02:00 on the 26th (PST): the time slider,
//! AWS's events with captions and source, and the model's milestones beneath for comparison.
//! The trigger and the root cause are marked differently.

use std::rc::Rc;

use cascade_sim::clock::{self, Minute};
use cascade_sim::{Milestone, Recording};
use yew::prelude::*;

use crate::components::later::Later;
use crate::state::Action;
use crate::store::use_store;

const SOURCE: &str = "https://aws.amazon.com/message/11201/";

/// What kind of moment a marker is.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Trigger,
    RootCause,
    Event,
}

/// The historical timeline, from the model's table of AWS's times, with the trigger and the
/// root cause marked.
fn events() -> Vec<(Minute, &'static str, Kind)> {
    use cascade_sim::clock::historical::{CAPACITY_ADD_START, ROOT_CAUSE, TIMELINE};
    TIMELINE
        .iter()
        .map(|&(t, caption)| {
            let kind = match t {
                CAPACITY_ADD_START => Kind::Trigger,
                ROOT_CAUSE => Kind::RootCause,
                _ => Kind::Event,
            };
            (t, caption, kind)
        })
        .collect()
}

#[function_component(Timeline)]
pub fn timeline() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let (start, end) = (store.start(), store.end());
    let on_seek = {
        let dispatcher = store.0.dispatcher();
        use_callback((), move |t: Minute, _| {
            dispatcher.dispatch(Action::Seek(f64::from(t)))
        })
    };
    let oninput = {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = crate::dom::input_number(&e) {
                store.send(Action::Seek(v));
            }
        })
    };
    let now = store.minute();
    html! {
        <div class="timeline">
            <div class="track">
                <input type="range" class="time-slider" aria-label="Time" min={start.to_string()}
                    max={end.to_string()} step="1" value={now.to_string()} {oninput}
                    aria-valuetext={format!("{} PST", clock::format(now))} />
                if let Some(run) = store.run() {
                    <Later turn={1}><Markers {run} {on_seek} /></Later>
                }
            </div>
        </div>
    }
}

#[derive(Properties)]
struct MarkersProps {
    run: Rc<Recording>,
    on_seek: Callback<Minute>,
}

impl PartialEq for MarkersProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.run, &other.run) && self.on_seek == other.on_seek
    }
}

/// Everything of the timeline that does not move with the cursor, rendered once per run.
#[function_component(Markers)]
fn markers(props: &MarkersProps) -> Html {
    let run = &props.run;
    let start = f64::from(run.scenario.time.start_min);
    let end = f64::from(run.scenario.time.end_min - 1);
    let pos =
        |t: Minute| ((f64::from(t) - start) / (end - start).max(1.0) * 100.0).clamp(0.0, 100.0);
    let seek = |t: Minute| props.on_seek.reform(move |_: MouseEvent| t);
    let model: Vec<(Minute, &'static str)> = run
        .milestones
        .iter()
        .filter(|(m, _)| m.historical().is_some() || *m == Milestone::ThreadLimitFirstExceeded)
        .filter_map(|(m, t)| t.map(|t| (t, m.label())))
        .collect();
    html! {
        <>
            { for events().iter().map(|(t, caption, kind)| {
                let class = match kind {
                    Kind::Trigger => "marker trigger",
                    Kind::RootCause => "marker root",
                    Kind::Event => "marker",
                };
                let label = format!("{} PST: {} (AWS summary)", clock::format(*t), caption);
                // Decoration with a caption on hover; the list below has the same moments as
                // buttons, large enough to tap and reachable by keyboard.
                html! {
                    <span class={class} style={format!("left:{:.2}%", pos(*t))} title={label}
                        aria-hidden="true"></span>
                }
            }) }
            <div class="model-track" aria-hidden="true">
                { for model.iter().map(|(t, label)| html! {
                    <span class="model-marker" style={format!("left:{:.2}%", pos(*t))}
                        title={format!("model: {} at {}", label, clock::format(*t))}></span>
                }) }
            </div>
            <div class="ticks" aria-hidden="true">
                { for (0..=26).step_by(2).map(|h| html! {
                    <span style={format!("left:{:.2}%", pos(h * 60))}>{ format!("{:02}", h % 24) }</span>
                }) }
            </div>
            <p class="timeline-key small">
                <span class="key trigger"></span>{ "trigger (not the root cause)" }
                <span class="key root"></span>{ "root cause confirmed" }
                <span class="key event"></span>{ "AWS timeline" }
                <span class="key model"></span>{ "model's milestones" }
            </p>
            <details class="timeline-list">
                <summary>{ "The day as AWS tells it" }</summary>
                <ol>
                    { for events().iter().map(|(t, caption, kind)| html! {
                        <li>
                            <button class="linklike" onclick={seek(*t)}>{ clock::format(*t) }</button>
                            { " " }
                            if *kind == Kind::Trigger { <strong>{ "Trigger: " }</strong> }
                            if *kind == Kind::RootCause { <strong>{ "Root cause: " }</strong> }
                            { *caption }{ " · " }
                            <a href={SOURCE} rel="noopener">{ "source" }</a>
                        </li>
                    }) }
                </ol>
            </details>
        </>
    }
}
