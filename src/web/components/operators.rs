//! "What the operators saw": the switch, the dashboard's readout at the cursor beside the truth,
//! and the cover each chart gets for the minutes the dashboard did not have (`operators.rs`).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use cascade_sim::clock::{self, Minute};
use cascade_sim::Recording;
use yew::prelude::*;

use crate::explain::dashboard::{known_cause, newest_text, status_page, Sight};
use crate::state::Action;
use crate::web::components::RunProps;
use crate::web::store::use_store;
use cascade_sim::services::cloudwatch_sight::{AlarmState, Seen};

thread_local! {
    /// The last recording's `Sight`, shared by the charts, the readout and the narration.
    static SIGHT: RefCell<Option<(Weak<Recording>, Rc<Sight>)>> = const { RefCell::new(None) };
}

/// The run as the operators' instruments carried it: derived once per recording, when the
/// operators' view first asks for it (never at start-up, never while the view is off).
pub fn sight_of(run: &Rc<Recording>) -> Rc<Sight> {
    SIGHT.with(|slot| {
        let mut slot = slot.borrow_mut();
        match slot.as_ref() {
            Some((of, sight)) if Weak::ptr_eq(of, &Rc::downgrade(run)) => Rc::clone(sight),
            _ => {
                let sight = Rc::new(Sight::of(run));
                *slot = Some((Rc::downgrade(run), Rc::clone(&sight)));
                sight
            }
        }
    })
}

/// The switch, and while it is on, what a CloudWatch-based dashboard showed at the cursor next
/// to what was true.
#[function_component(OperatorsPanel)]
pub fn operators_panel(props: &RunProps) -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let on = store.operators;
    // An embed shows its chosen views and no chrome: the switch only when its link asks for
    // the operators' view (and then it can be switched back to the truth).
    if store.embed.is_some() && !on {
        return html! {};
    }
    let toggle = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            if let Some(on) = crate::web::dom::event_checked(&e) {
                store.send(Action::SetOperators(on));
            }
        })
    };
    let now = store.minute();
    let run = &props.run;
    let readout = on.then(|| {
        let sight = sight_of(run);
        let alarm = sight.alarm(now);
        let k = run.index_of(now);
        let s = &run.series;
        let at = |v: &[f32]| v.get(k).copied().unwrap_or(0.0);
        let truth_alarm = if at(&s.kinesis_error) >= run.scenario.alarm.error_threshold as f32 {
            format!("Kinesis fails {:.0}% of requests", at(&s.kinesis_error) * 100.0)
        } else {
            format!("Kinesis fails {:.1}% of requests", at(&s.kinesis_error) * 100.0)
        };
        let alarm_class = match alarm {
            AlarmState::InsufficientData => "alarm-state insufficient",
            AlarmState::Alarm => "alarm-state alarm",
            AlarmState::Ok => "alarm-state ok",
        };
        html! {
            <div class="operators-readout">
                <dl class="operators-seen">
                    <dt>{ format!("On their dashboards at {}", clock::format(now)) }</dt>
                    <dd>{ "CloudWatch alarm on Kinesis errors: " }<strong class={alarm_class}>{ alarm.name() }</strong>
                        if alarm.name() == "INSUFFICIENT_DATA" {
                            <span class="small">{ " (too few of the minute's datapoints arrive to judge OK or ALARM)" }</span>
                        }
                    </dd>
                    <dd>{ format!("Newest Kinesis datapoint: {}", newest_text(&sight, now)) }</dd>
                    <dd>{ format!("The cause: {}", known_cause(run, now)) }</dd>
                    <dd>{ format!("Service Health Dashboard, as customers saw it: {}", status_page(run, now)) }</dd>
                </dl>
                <dl class="operators-true">
                    <dt>{ "What was true" }</dt>
                    <dd>{ truth_alarm }</dd>
                    <dd>{ format!("{:.0} front-end servers have hit the thread limit and cannot rebuild their shard-maps", at(&s.servers_limit_hit)) }</dd>
                    <dd>{ format!("CloudWatch could read {:.0}% of this minute's datapoints; {:.0} minutes of metrics lost so far", at(&s.cloudwatch_readable) * 100.0, at(&s.cloudwatch_lost_min)) }</dd>
                </dl>
                <p class="small muted">{ "Grey on the charts: minutes the dashboard had no data for at this minute; hatched: values that came late (after retries, or backfilled from the clients' buffers, oldest first: assumed). Derived from the model's CloudWatch series (AWS summary, CloudWatch paragraph)." }</p>
            </div>
        }
    });
    html! {
        <section class="panel operators-panel" aria-label="What the operators saw">
            <label class="operators-switch">
                <input type="checkbox" role="switch" checked={on} onchange={toggle} />
                { " What the operators saw" }
            </label>
            <span class="small muted">{ if on {
                " The charts show only what a CloudWatch-based dashboard could show at this minute. Switch off for the truth."
            } else {
                " AWS's own monitoring ran on CloudWatch, which ran on Kinesis: see the outage through the instruments it broke."
            } }</span>
            { for readout }
        </section>
    }
}

/// The minutes a chart over time hides at `now` in the operators' view, as boxes over its
/// plotting area (`left` and `right`: the time axis's span in CSS pixels).
///
/// While the replay plays, only the cover of the future moves, by a transform (the
/// compositor's work, like the cursor's): the run of minutes that reaches the cursor is drawn to
/// the plot's end, under that cover, so its box stays put while it grows.
pub fn covers(sight: &Sight, now: Minute, span: (Minute, Minute), left: f64, right: f64) -> Html {
    let (start, end) = span;
    let per_minute = (right - left) / f64::from((end - start).max(1));
    let x = |m: Minute| left + f64::from(m - start) * per_minute;
    let boxes = sight
        .spans(now)
        .into_iter()
        .filter(|s| matches!(s.seen, Seen::Late | Seen::Missing))
        .map(|s| {
            let a = x(s.from);
            let shown = (x(s.to + 1).min(right) - a).max(1.0);
            let width = if s.to >= now { right - a } else { shown };
            let (class, words) = match s.seen {
                Seen::Late => ("seen late", "late"),
                _ => ("seen missing", "no data"),
            };
            let style = format!("left:{a:.1}px;width:{width:.1}px");
            html! {
                <div {class} {style} aria-hidden="true">
                    if shown > 56.0 { <span>{ words }</span> }
                </div>
            }
        });
    html! { <>{ for boxes }{ future_cover(now, span, left, right) }</> }
}

/// The minutes after `now` covered: what no one could know yet (in the operators' view, and in
/// the story, where the charts are drawn up to the cursor so that no chapter's question is
/// answered on the screen before it is asked). It moves by a transform.
pub fn future_cover(now: Minute, span: (Minute, Minute), left: f64, right: f64) -> Html {
    let (start, end) = span;
    let per_minute = (right - left) / f64::from((end - start).max(1));
    let future_at = left + f64::from(now + 1 - start) * per_minute;
    if future_at >= right {
        return html! {};
    }
    let style = format!("width:{right:.1}px;transform:translateX({future_at:.1}px)");
    html! {
        <div class="seen future" {style} aria-hidden="true">
            if right - future_at > 56.0 { <span>{ "not yet" }</span> }
        </div>
    }
}
