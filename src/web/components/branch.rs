//! The branch panel: the operators' levers and any other parameter, changed from the cursor's
//! minute on, in a branch that follows the scenario until then. Moving the restart rate while
//! the replay plays is "playing the recovery".

use std::rc::Rc;

use cascade_sim::branch::changes_mid_run;
use cascade_sim::clock;
use cascade_sim::params::{Kind, PARAMS};
use cascade_sim::{params, Recording, Scenario};
use yew::prelude::*;

use crate::state::ById;

use crate::state::{Action, Branch};
use crate::web::components::comparison::Comparison;

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    /// The scenario the branch forks from.
    pub scenario: Scenario,
    /// The branch, if there is one.
    pub branch: Option<Branch>,
    /// The scenario's recording.
    pub base: Option<ById<Recording>>,
    /// Sends an action to the store.
    pub send: Callback<Action>,
}

/// One of the operators' levers: its parameter, its name, and for a slider its span and step.
struct Lever {
    key: &'static str,
    name: &'static str,
    span: (u32, u32, u32),
}

/// The operators' levers.
const LEVERS: &[Lever] = &[
    Lever {
        key: "restart.per_hour",
        name: "Restart rate (servers per hour)",
        span: (50, 1500, 10),
    },
    Lever {
        key: "restart.bootstrap",
        name: "Bootstrap source of a restarted server",
        span: (0, 0, 0),
    },
    Lever {
        key: "ops.root_cause_after_alarm_min",
        name: "Root cause confirmed (minutes after the first alarm)",
        span: (0, 900, 5),
    },
    Lever {
        key: "ops.removal_after_alarm_min",
        name: "Capacity removal starts (minutes after the first alarm)",
        span: (0, 600, 5),
    },
];

fn lever(lever: &Lever, current: String, send: &Callback<Action>) -> Html {
    let (key, name) = (lever.key, lever.name);
    let (min, max, step) = lever.span;
    let onchange = send.reform(move |e: Event| Action::BranchSet {
        key: key.to_string(),
        value: crate::web::dom::event_value(&e).unwrap_or_default(),
    });
    let Some(param) = params::find(key) else {
        return html! {};
    };
    let control = match param.kind {
        Kind::Choice(names) => html! {
            <select aria-label={name} {onchange}>
                { for names.iter().map(|n| html! { <option value={*n} selected={*n == current}>{ *n }</option> }) }
            </select>
        },
        Kind::Minute => html! {
            <input type="text" aria-label={name} value={current} size="7" {onchange} />
        },
        _ => html! {
            <>
                <input type="range" aria-label={name} min={min.to_string()} max={max.to_string()}
                    step={step.to_string()} value={current.clone()} {onchange} />
                <output>{ current }</output>
            </>
        },
    };
    html! { <label class="lever"><span>{ name }</span>{ control }</label> }
}

#[function_component(BranchPanel)]
pub fn branch_panel(props: &Props) -> Html {
    let key_ref = use_node_ref();
    let value_ref = use_node_ref();
    let branch = props.branch.as_ref();
    let apply = {
        let (key_ref, value_ref) = (key_ref.clone(), value_ref.clone());
        props.send.reform(move |_: MouseEvent| {
            let key = key_ref
                .cast::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            let value = value_ref
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            Action::BranchSet { key, value }
        })
    };
    let drop_branch = props.send.reform(|_: MouseEvent| Action::DropBranch);
    html! {
        <section class="panel branch" aria-labelledby="branch-title">
            <h2 id="branch-title">{ "Branch: change something from the cursor's minute on" }</h2>
            <p class="small muted">{ "The branch follows the scenario until the cursor, then runs with the change; the views show the branch, the charts draw the scenario it forked from as a line. Change the restart rate while the replay plays to play the recovery yourself." }</p>
            <div class="levers">
                { for LEVERS.iter().map(|l| lever(l, crate::state::value_in_branch(l.key, &props.scenario, branch), &props.send)) }
            </div>
            <div class="any-change">
                <label>{ "Any other parameter " }
                    <select ref={key_ref} aria-label="Parameter to change in the branch">
                        { for PARAMS.iter().map(|p| html! {
                            <option value={p.key} selected={p.key == "threads.limit"}>{ if changes_mid_run(p.key) { p.key.to_string() } else { format!("{} (from 00:00 only)", p.key) } }</option>
                        }) }
                    </select>
                </label>
                <input ref={value_ref} type="text" size="9" aria-label="New value for the branch" />
                <button class="linklike" onclick={apply}>{ "Apply from the cursor" }</button>
            </div>
            if let Some(b) = branch {
                if let Some(message) = &b.error {
                    <p class="param-error" role="alert">{ format!("Not applied: {message}") }</p>
                }
                if !b.changes.is_empty() {
                    <p class="branch-changes">
                        <strong>{ "This branch: " }</strong>
                        { b.changes.iter().map(|c| format!("from {} {} = {}", clock::format(c.at), c.key, c.value)).collect::<Vec<_>>().join("; ") }
                        { " " }
                        <button class="linklike" onclick={drop_branch}>{ "Drop the branch" }</button>
                    </p>
                }
                if b.computing {
                    <p class="computing" role="status">{ "Computing the branch…" }</p>
                }
                if let (Some(base), Some(run)) = (&props.base, &b.run) {
                    <Comparison base={Rc::clone(base)} branch={Rc::clone(run)} />
                }
            }
        </section>
    }
}
