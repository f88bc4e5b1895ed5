//! The analysis's controls: the milestone it ranks by, and Compute or Cancel with the progress.

use cascade_sim::milestones::ALL;
use cascade_sim::Milestone;
use yew::prelude::*;

use crate::web::hooks::batch::Stage;

/// What the controls show and do.
pub(super) struct Props {
    pub(super) milestone: UseStateHandle<Milestone>,
    /// Where the analysis of this scenario stands (`Idle` if another scenario's is shown).
    pub(super) stage: Stage,
    pub(super) received: usize,
    pub(super) total: usize,
    pub(super) ms: f64,
    pub(super) on_start: Callback<()>,
    pub(super) on_cancel: Callback<()>,
}

/// The controls (a plain function, not a component: it holds no state of its own).
pub(super) fn controls(props: &Props) -> Html {
    let on_milestone = {
        let milestone = props.milestone.clone();
        Callback::from(move |e: Event| {
            if let Some(m) = crate::web::dom::select_index(&e).and_then(|k| ALL.get(k)) {
                milestone.set(*m);
            }
        })
    };
    let m = *props.milestone;
    let (received, total) = (props.received, props.total);
    html! {
        <div class="sensitivity-controls">
            <label>{ "Milestone " }
                <select aria-label="Milestone" onchange={on_milestone}>
                    { for ALL.iter().map(|x| html! {
                        <option value={x.key()} selected={*x == m}>{ x.label() }</option>
                    }) }
                </select>
            </label>
            if props.stage == Stage::Running {
                <span role="status">{ format!(" {received} of {total} runs…") }</span>
                <button class="linklike" onclick={props.on_cancel.reform(|_| ())}>{ "Cancel" }</button>
            } else {
                <button class="linklike" onclick={props.on_start.reform(|_| ())}>
                    { format!("Compute: {total} runs of the model") }
                </button>
                if props.stage == Stage::Done {
                    <span class="muted small">{ format!(" {total} runs in {:.1} s", props.ms / 1000.0) }</span>
                }
                if props.stage == Stage::Cancelled {
                    <span class="muted small" role="status">{ format!(" Cancelled after {received} of {total} runs.") }</span>
                }
            }
        </div>
    }
}
