//! The scenario (preset) picker, with the chosen preset's summary; it sits one level down in
//! the drawer of more controls.

use cascade_sim::presets::PRESETS;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::Action;
use crate::web::store::use_settings_store;

/// The scenario picker, with the chosen preset's summary.
#[function_component(ScenarioPicker)]
pub fn scenario_picker() -> Html {
    let Some(store) = use_settings_store() else {
        return html! {};
    };
    let onchange = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                store.send(Action::SelectPreset(select.value()));
            }
        })
    };
    let summary = PRESETS
        .iter()
        .find(|p| p.name == store.preset)
        .map(|p| {
            let tag = p
                .remediation
                .map_or(String::new(), |n| format!(" (AWS remediation {n})"));
            format!("{}{}", p.summary, tag)
        })
        .unwrap_or_default();
    html! {
            <div class="picker">
                <label for="preset">{ "Scenario" }</label>
                <select id="preset" {onchange}>
                    { for PRESETS.iter().map(|p| html! {
                        <option value={p.name} selected={p.name == store.preset}>{ p.name }</option>
                    }) }
                </select>
                <p class="preset-summary">{ summary }
                    <span class="compute-time">{ format!(" · computed in {:.0} ms", store.compute_ms) }</span>
                </p>
            </div>
    }
}
