//! The timeline of the day, 00:00 on 25 November to 02:00 on the 26th (PST): the time slider
//! with the story's chapters named on its axis and, one level down, AWS's events with captions
//! and source and the model's milestones, the trigger and the root cause marked in words.

use cascade_sim::clock::{self, Minute};
use cascade_sim::{Milestone, Recording};
use yew::prelude::*;

use crate::state::ById;

use crate::state::Action;
use crate::web::components::later::Later;
use crate::web::store::use_store;

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
    let oninput = {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = crate::web::dom::input_number(&e) {
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
                    // In the story no mark tells a moment the cursor has not reached.
                    <Later turn={1}><Markers {run} upto={store.story.map(|_| now)} /></Later>
                }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct MarkersProps {
    run: ById<Recording>,
    /// The last minute whose chapter may be named (the cursor, in the story).
    upto: Option<Minute>,
}

/// Everything of the scrubber that does not move with the cursor, rendered once per run: the
/// hours, and the story's chapters named on the axis (in two rows, so that close ones fit).
#[function_component(Markers)]
fn markers(props: &MarkersProps) -> Html {
    let run = &props.run;
    let start = f64::from(run.scenario.time.start_min);
    let end = f64::from(run.scenario.time.end_min - 1);
    let pos =
        |t: Minute| ((f64::from(t) - start) / (end - start).max(1.0) * 100.0).clamp(0.0, 100.0);
    html! {
        <>
            <div class="ticks" aria-hidden="true">
                { for (0..=26).step_by(2).map(|h| html! {
                    <span style={format!("left:{:.2}%", pos(h * 60))}>{ format!("{:02}", h % 24) }</span>
                }) }
            </div>
            <div class="chapter-axis" aria-hidden="true">
                { for crate::explain::story::axis(Some(run)).iter().enumerate().map(|(k, m)| html! {
                    <span class={classes!(if k % 2 == 0 { "chapter-mark" } else { "chapter-mark low" },
                            props.upto.is_some_and(|t| m.time > t).then_some("not-yet"))}
                        style={format!("left:{:.2}%", pos(m.time))}
                        title={format!("{} PST: {}", clock::format(m.time), m.title)}>{ m.short }</span>
                }) }
            </div>
        </>
    }
}

/// The day as AWS tells it, as a list of moments to jump to, with the trigger and the root
/// cause marked and the model's milestones beside them: one level down, in the drawer.
#[function_component(DayList)]
pub fn day_list() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let seek = |t: Minute| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.send(Action::Seek(f64::from(t))))
    };
    let model: Vec<(Minute, &'static str)> = store
        .run()
        .map(|run| {
            run.milestones
                .iter()
                .filter(|(m, _)| {
                    m.historical().is_some() || *m == Milestone::ThreadLimitFirstExceeded
                })
                .filter_map(|(m, t)| t.map(|t| (t, m.label())))
                .collect()
        })
        .unwrap_or_default();
    html! {
        <div class="day-lists">
            <details class="timeline-list">
                <summary>{ "The day as AWS tells it" }</summary>
                <ol>
                    { for events().iter().map(|(t, caption, kind)| html! {
                        <li>
                            <button class="linklike" onclick={seek(*t)}>{ clock::format(*t) }</button>
                            { " " }
                            if *kind == Kind::Trigger { <strong>{ "Trigger (not the root cause): " }</strong> }
                            if *kind == Kind::RootCause { <strong>{ "Root cause confirmed: " }</strong> }
                            { *caption }{ " · " }
                            <a href={SOURCE} target="_blank" rel="noopener">{ "source" }</a>
                        </li>
                    }) }
                </ol>
            </details>
            <details class="timeline-list">
                <summary>{ "The model's milestones" }</summary>
                <ol>
                    { for model.iter().map(|(t, label)| html! {
                        <li>
                            <button class="linklike" onclick={seek(*t)}>{ clock::format(*t) }</button>
                            { " " }{ *label }
                        </li>
                    }) }
                </ol>
            </details>
        </div>
    }
}
