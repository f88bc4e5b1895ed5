//! The scenario panel: every parameter of the model with its value, unit, and a sourced or
//! assumed badge with the source or the reason. Each value can be changed: an allowed value
//! recomputes the run at once; a refused one gets a message naming the allowed range, and
//! nothing else changes.

use std::rc::Rc;

use cascade_sim::params::{Kind, Param, Status, PARAMS};
use cascade_sim::{presets, Recording, Scenario};
use yew::prelude::*;

use crate::state::ById;

use crate::state::ParamProblem;

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    /// The recording shown (its scenario holds the values).
    pub run: ById<Recording>,
    /// The chosen preset, to tell whether the scenario was edited.
    pub preset: AttrValue,
    /// Refused values: key, value as typed, message.
    pub errors: Rc<Vec<ParamProblem>>,
    /// A value was typed for a key.
    pub on_set: Callback<(String, String)>,
    /// Back to the preset.
    pub on_reset: Callback<()>,
}

/// The control for one parameter; a refused value stays as typed, for correction.
fn editor(
    p: &'static Param,
    scenario: &Scenario,
    refused: Option<&str>,
    on_set: &Callback<(String, String)>,
) -> Html {
    let onchange = on_set.reform(move |e: Event| {
        (
            p.key.to_string(),
            crate::web::dom::event_value(&e).unwrap_or_default(),
        )
    });
    let current = refused.map_or_else(|| p.display(scenario), str::to_string);
    let label = format!("{} ({})", p.key, p.unit);
    match p.kind {
        Kind::Choice(names) => html! {
            <select aria-label={label} {onchange}>
                { for names.iter().map(|n| html! { <option value={*n} selected={*n == current}>{ *n }</option> }) }
            </select>
        },
        _ => html! {
            <input type="text" inputmode={if matches!(p.kind, Kind::Minute) { "text" } else { "decimal" }}
                aria-label={label} value={current} {onchange} size="9" />
        },
    }
}

/// Rendered when the run, the preset or the refused values change, not with the time cursor.
#[function_component(Assumptions)]
pub fn assumptions(props: &Props) -> Html {
    let scenario = &props.run.scenario;
    // The table is built only once opened: 59 rows nobody may read need not cost anything.
    let (open, ontoggle) = crate::web::components::use_details_open();
    // A link to `#param-KEY` (from "How sure is the model?") opens the table at that row.
    let target = use_state(|| None::<String>);
    {
        let target = target.clone();
        use_effect_with((), move |_| {
            let read = || {
                crate::web::dom::window()
                    .and_then(|w| w.location().hash().ok())
                    .and_then(|h| h.strip_prefix("#param-").map(str::to_string))
            };
            if let Some(key) = read() {
                target.set(Some(key));
            }
            let listener = crate::web::dom::window().map(|w| {
                gloo::events::EventListener::new(&w, "hashchange", move |_| {
                    if let Some(key) = read() {
                        target.set(Some(key));
                    }
                })
            });
            move || drop(listener)
        });
    }
    {
        let wanted = (*target).clone();
        use_effect_with((open, wanted), |(open, wanted)| {
            if let (true, Some(key)) = (open, wanted) {
                let row = crate::web::dom::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&format!("param-{key}")));
                if let Some(row) = row {
                    row.scroll_into_view();
                }
            }
        });
    }
    let ontoggle = {
        let target = target.clone();
        Callback::from(move |e: Event| {
            // Closing the table forgets the row a link asked for.
            let closed = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(t).ok())
                .is_some_and(|d| !d.open());
            if closed {
                target.set(None);
            }
            ontoggle.emit(e);
        })
    };
    let open = open || target.is_some();
    let assumed = PARAMS
        .iter()
        .filter(|p| p.status == Status::Assumed)
        .count();
    let edited = presets::scenario(&props.preset).is_ok_and(|s| &s != scenario);
    let refused = |key: &str| props.errors.iter().find(|p| p.key == key);
    let reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <section class="panel assumptions" aria-labelledby="assumptions-title">
            <details {ontoggle} {open}>
                <summary id="assumptions-title">
                    { format!("The scenario: every parameter, and what the model assumes ({assumed} of {} are assumed; AWS gives the rest)", PARAMS.len()) }
                </summary>
                if open {
                <p class="small">
                    if edited {
                        { format!("Edited from the preset {}. ", props.preset) }
                        <button class="linklike" onclick={reset}>{ "Reset to the preset" }</button>
                    } else {
                        { format!("The values of the preset {}. Change any value to recompute the day.", props.preset) }
                    }
                </p>
                <table>
                    <thead><tr><th>{ "parameter" }</th><th>{ "value" }</th><th>{ "unit" }</th><th>{ "status" }</th><th>{ "source or reason" }</th></tr></thead>
                    <tbody>
                        { for PARAMS.iter().map(|p| html! {
                            <tr id={format!("param-{}", p.key)}
                                class={classes!((target.as_deref() == Some(p.key)).then_some("targeted"))}>
                                <td><code>{ p.key }</code></td>
                                <td>
                                    { editor(p, scenario, refused(p.key).map(|r| r.value.as_str()), &props.on_set) }
                                    if let Some(ParamProblem { message, .. }) = refused(p.key) {
                                        <p class="param-error" role="alert">{ message.clone() }</p>
                                    }
                                </td>
                                <td>{ p.unit }</td>
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
