//! Playback: the one large Play button with the chapter stepper beside it (a bar fixed to the
//! bottom of a phone's screen), and one level down, in a drawer, stepping by minutes and events,
//! restarting, the speed and the keys.

use yew::prelude::*;

use crate::state::{Action, SPEED_MAX, SPEED_MIN};
use crate::web::store::use_store;

/// Play / pause, the previous and next chapter, and the title of the part of the day shown.
#[function_component(Controls)]
pub fn controls() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let send = |action: fn() -> Action| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.send(action()))
    };
    let (label, icon) = if store.playing {
        ("Pause", "❚❚")
    } else {
        ("Play", "▶")
    };
    html! {
        <div class="playbar" role="group" aria-label="Replay controls">
            <button class="primary play" aria-label={label} onclick={send(|| Action::TogglePlay)}>
                <span aria-hidden="true">{ icon }</span>{ " " }{ label }
            </button>
            <button class="chapter-step" aria-label="Previous chapter" onclick={send(|| Action::SeekChapter(-1))}>
                <span aria-hidden="true">{ "⟨" }</span>
            </button>
            <span class="chapter-title">{ crate::explain::story::part_of_day(store.minute(), store.run.recording().map(|r| &**r)) }</span>
            <button class="chapter-step" aria-label="Next chapter" onclick={send(|| Action::SeekChapter(1))}>
                <span aria-hidden="true">{ "⟩" }</span>
            </button>
        </div>
    }
}

/// Stepping, the events of the log, restarting, the speed and the keys: one level down.
#[function_component(MoreControls)]
pub fn more_controls() -> Html {
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
            if let Some(v) = crate::web::dom::input_number(&e) {
                store.send(Action::SetSpeed(10f64.powf(v)));
            }
        })
    };
    let speed = store.speed;
    let speed_text = if speed < 60.0 {
        format!("{speed:.0} min/s")
    } else {
        format!("{:.1} h/s", speed / 60.0)
    };
    html! {
        <div class="controls" role="group" aria-label="Stepping and speed">
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
            <span class="keys" aria-hidden="true">{ "Keys: Space plays, ← → step, [ ] events, Home, End" }</span>
        </div>
    }
}
