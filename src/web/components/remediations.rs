//! AWS's remediations as switches on the scenario, combinable: each turns on the parameter
//! changes of its what-if preset, and off sets them back to their historical values.

use cascade_sim::presets::{Preset, PRESETS};
use cascade_sim::Scenario;
use yew::prelude::*;

use crate::state::Action;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The scenario being shown.
    pub scenario: Scenario,
    /// Sends an action to the store.
    pub send: Callback<Action>,
}

#[function_component(Remediations)]
pub fn remediations(props: &Props) -> Html {
    html! {
        <section class="panel remediations" aria-labelledby="remediations-title">
            <h2 id="remediations-title">{ "AWS's remediations, one switch each (combinable)" }</h2>
            <ul class="switches">
                { for PRESETS.iter().filter(|p| p.remediation.is_some()).map(|p| {
                    let on = p.applied(&props.scenario);
                    let preset: &'static Preset = p;
                    let onchange = props.send.reform(move |_: Event| Action::SetParams(preset.switch(!on)));
                    let changes = p.changes.iter().map(|(k, v)| format!("{k} = {v}")).collect::<Vec<_>>().join(", ");
                    html! {
                        <li>
                            <label>
                                <input type="checkbox" checked={on} {onchange} />
                                <span class="switch-name">{ p.name }</span>
                                <span class="muted small">{ format!(" {} ({changes})", p.summary) }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            <p class="small">
                { "Not a remediation, but the record's sharpest lesson: AWS held back until it was sure of the cause, because every fix needed a full restart. " }
                <button class="linklike" onclick={props.send.reform(|_: MouseEvent| Action::SelectPreset("memory-fix-first".into()))}>
                    { "Try memory-fix-first" }
                </button>
                { ": the operators bet on memory pressure at 07:51, restart the fleet with that fix, and have to restart it again." }
            </p>
        </section>
    }
}
