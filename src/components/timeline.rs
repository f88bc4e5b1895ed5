//! The timeline of the day, 00:00 on 25 November to 02:00 on the 26th (PST): the time slider,
//! AWS's events with captions and source, and the model's milestones beneath for comparison.
//! The trigger and the root cause are marked differently.

use std::rc::Rc;

use cascade_sim::clock::{self, at, Minute};
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

/// The historical timeline (AWS summary, its timeline of 25 November 2020).
const EVENTS: &[(Minute, &str, Kind)] = &[
    (
        at(2, 44),
        "Capacity addition starts (the trigger)",
        Kind::Trigger,
    ),
    (at(3, 47), "Capacity addition finished", Kind::Event),
    (
        at(5, 15),
        "First alarms: errors putting and getting records",
        Kind::Event,
    ),
    (at(6, 15), "Lambda invocation errors rise", Kind::Event),
    (at(7, 1), "Cognito error rates rise sharply", Kind::Event),
    (
        at(7, 51),
        "Cause narrowed; a full restart is needed",
        Kind::Event,
    ),
    (
        at(9, 39),
        "Root cause confirmed: the OS thread limit",
        Kind::RootCause,
    ),
    (
        at(10, 7),
        "First restarted servers take traffic",
        Kind::Event,
    ),
    (at(10, 15), "Cognito starts deploying its fix", Kind::Event),
    (
        at(10, 36),
        "Lambda memory contention mitigated",
        Kind::Event,
    ),
    (at(12, 0), "Kinesis errors steadily dropping", Kind::Event),
    (at(14, 18), "Cognito operating normally", Kind::Event),
    (at(16, 15), "Most ECS / EKS issues resolved", Kind::Event),
    (
        at(17, 47),
        "CloudWatch recovering; Auto Scaling delays end",
        Kind::Event,
    ),
    (at(22, 23), "Kinesis fully back to normal", Kind::Event),
    (at(22, 31), "CloudWatch fully recovered", Kind::Event),
];

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
            { for EVENTS.iter().map(|(t, caption, kind)| {
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
                    { for EVENTS.iter().map(|(t, caption, kind)| html! {
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
