//! The clock (simulated PST time and time since the trigger) and the narration line, which says
//! what is happening now from the model's event log, in an ARIA live region.

use cascade_sim::clock::{self, historical};
use yew::prelude::*;

use crate::store::use_store;

#[function_component(Clock)]
pub fn clock_view() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let t = store.minute();
    let since = t - store.scenario.fleet.add_start_min;
    let relative = if since >= 0 {
        format!("{} h {:02} min after the trigger", since / 60, since % 60)
    } else {
        format!(
            "{} h {:02} min before the trigger",
            (-since) / 60,
            (-since) % 60
        )
    };
    let narration = store
        .run()
        .and_then(|run| {
            run.events
                .iter()
                .rev()
                .find(|e| e.t <= t)
                .map(|e| format!("{}: {}", clock::format(e.t), e.text))
        })
        .unwrap_or_else(|| {
            format!(
                "Before {}: the fleet runs normally, each server holding threads for every peer.",
                clock::format(historical::CAPACITY_ADD_START)
            )
        });
    let day = 25 + t.div_euclid(clock::DAY);
    let hhmm = clock::format(t.rem_euclid(clock::DAY));
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
