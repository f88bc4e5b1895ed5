//! The clock (simulated PST time and time since the trigger) and the narration line, which says
//! what is happening now from the model's event log, in an ARIA live region.

use yew::prelude::*;

use crate::web::store::use_store;

#[function_component(Clock)]
pub fn clock_view() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let run = store.run();
    let t = store.minute();
    let relative =
        crate::explain::narration::relative_to_trigger(t, store.scenario.fleet.add_start_min);
    let narration = match (&run, store.operators) {
        (Some(run), true) => {
            let sight = crate::web::components::operators::sight_of(run);
            let (known, truth) = crate::explain::dashboard::contrast(run, &sight, t);
            format!("{known} {truth}")
        }
        _ => crate::explain::narration::narration(run.as_deref(), t),
    };
    let day = crate::explain::narration::day_of_month(t);
    let hhmm = crate::explain::narration::clock_text(t);
    html! {
        <div class="clock-row">
            <div class="clock" aria-label="Simulated time">
                <span class="clock-time">{ hhmm }</span>
                <span class="clock-zone">{ format!(" PST, {day} Nov 2020") }</span>
                <span class="clock-relative">{ relative }</span>
            </div>
            <p class="narration" aria-live="polite" id="narration">{ narration }</p>
        </div>
    }
}
