//! Playback controls: play / pause, step, speed (logarithmic), previous / next event, restart.

use yew::prelude::*;

use crate::state::{Action, SPEED_MAX, SPEED_MIN};
use crate::store::use_store;

#[function_component(Controls)]
pub fn controls() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let send = |action: fn() -> Action| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.send(action()))
    };
    let on_speed = {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = crate::dom::input_number(&e) {
                store.send(Action::SetSpeed(10f64.powf(v)));
            }
        })
    };
    let (label, icon) = if store.playing {
        ("Pause", "❚❚")
    } else {
        ("Play", "▶")
    };
    let speed = store.speed;
    let speed_text = if speed < 60.0 {
        format!("{speed:.0} min/s")
    } else {
        format!("{:.1} h/s", speed / 60.0)
    };
    html! {
        <div class="controls" role="group" aria-label="Replay controls">
            <button class="primary" aria-label={label} onclick={send(|| Action::TogglePlay)}>
                <span aria-hidden="true">{ icon }</span>{ " " }{ label }
            </button>
            // Each accessible name starts with the visible words, so speech input finds it.
            <button aria-label="Step back one minute" onclick={send(|| Action::Step(-1))}>{ "Step back" }</button>
            <button aria-label="Step forward one minute" onclick={send(|| Action::Step(1))}>{ "Step forward" }</button>
            <button onclick={send(|| Action::PrevEvent)}><span aria-hidden="true">{ "⟨ " }</span>{ "Previous event" }</button>
            <button onclick={send(|| Action::NextEvent)}>{ "Next event" }<span aria-hidden="true">{ " ⟩" }</span></button>
            <button aria-label="Restart the replay" onclick={send(|| Action::Restart)}>{ "Restart" }</button>
            <label class="speed">
                <span>{ "Speed" }</span>
                <input type="range" aria-label="Speed" min={SPEED_MIN.log10().to_string()}
                    max={SPEED_MAX.log10().to_string()} step="0.01"
                    value={speed.log10().to_string()} oninput={on_speed}
                    aria-valuetext={speed_text.clone()} />
                <output>{ speed_text }</output>
            </label>
            <span class="keys" aria-hidden="true">{ "Space, ← →, [ ], Home, End" }</span>
        </div>
    }
}
