//! Mounting in turns: a part of the page that is not needed at once appears a few tasks after
//! its parent, so that mounting the whole page never blocks the main thread in one long task
//! (a slow phone would feel it, and Lighthouse counts it as blocking time).

use yew::prelude::*;

/// Properties of `Later`.
#[derive(Properties, PartialEq)]
pub struct LaterProps {
    /// How many tasks to wait before showing the children.
    pub turn: u32,
    /// What to show then.
    pub children: Html,
}

/// Shows its children after `turn` tasks (each a zero-delay timeout, so input and painting can
/// run in between).
#[function_component(Later)]
pub fn later(props: &LaterProps) -> Html {
    let waited = use_state(|| 0u32);
    {
        let waited = waited.clone();
        let turn = props.turn;
        use_effect_with(*waited, move |count| {
            let next = *count + 1;
            let timeout = (*count < turn)
                .then(|| gloo::timers::callback::Timeout::new(0, move || waited.set(next)));
            move || drop(timeout)
        });
    }
    if *waited >= props.turn {
        props.children.clone()
    } else {
        html! {}
    }
}
