//! What the model assumes: every parameter of the scenario shown with its value, unit, and a
//! sourced or assumed badge with the source or the reason.

use cascade_sim::params::{Status, PARAMS};
use yew::prelude::*;

use crate::components::RunProps;

/// Rendered only when the run changes (it does not follow the time cursor).
#[function_component(Assumptions)]
pub fn assumptions(props: &RunProps) -> Html {
    let scenario = &props.run.scenario;
    // The table is built only once opened: 59 rows nobody may read need not cost anything.
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(details) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            {
                open.set(details.open());
            }
        })
    };
    let assumed = PARAMS
        .iter()
        .filter(|p| p.status == Status::Assumed)
        .count();
    html! {
        <section class="panel assumptions" aria-labelledby="assumptions-title">
            <details {ontoggle}>
                <summary id="assumptions-title">
                    { format!("What the model assumes ({assumed} of {} parameters are assumed; AWS gives the rest)", PARAMS.len()) }
                </summary>
                if *open {
                <table>
                    <thead><tr><th>{ "parameter" }</th><th>{ "value" }</th><th>{ "status" }</th><th>{ "source or reason" }</th></tr></thead>
                    <tbody>
                        { for PARAMS.iter().map(|p| html! {
                            <tr>
                                <td><code>{ p.key }</code></td>
                                <td>{ format!("{} {}", p.display(scenario), p.unit) }</td>
                                <td><span class={format!("badge {}", p.status.name())}>{ p.status.name() }</span></td>
                                <td>{ p.note }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                }
            </details>
        </section>
    }
}
