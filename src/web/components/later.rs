//! Mounting in turns: a part of the page that is not needed at once appears a few tasks after
//! its parent, so that mounting the whole page never blocks the main thread in one long task
//! (a slow phone would feel it, and Lighthouse counts it as blocking time).
//!
//! A part far below the first screen can also wait until it is wanted: until it comes near the
//! window, or until the reader does anything at all (scrolls, types, points, prints). A phone
//! that only opens the page then never builds the lab or the exports it has not reached.

use yew::prelude::*;

/// Properties of `Later`.
#[derive(Properties, PartialEq)]
pub struct LaterProps {
    /// How many tasks to wait before showing the children.
    pub turn: u32,
    /// Wait, after the turns, until the part is near the window or the reader has done
    /// something; until then a placeholder of this height (CSS pixels) holds its place.
    #[prop_or_default]
    pub until_wanted: Option<u32>,
    /// Worth having on paper: built at once when a print starts, not a task later.
    #[prop_or_default]
    pub on_paper: bool,
    /// What to show then.
    pub children: Html,
}

/// Shows its children after `turn` tasks (each a zero-delay timeout, so input and painting can
/// run in between), and with `until_wanted` only once they are wanted.
#[function_component(Later)]
pub fn later(props: &LaterProps) -> Html {
    let waited = use_state(|| 0u32);
    let wanted = use_state(|| props.until_wanted.is_none());
    let placeholder = use_node_ref();
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
    let ready = *waited >= props.turn;
    {
        let wanted = wanted.clone();
        let placeholder = placeholder.clone();
        let on_paper = props.on_paper;
        use_effect_with((ready, *wanted), move |(ready, is_wanted)| {
            if *ready && !*is_wanted {
                let near = placeholder
                    .cast::<web_sys::Element>()
                    .is_some_and(|el| crate::web::first_action::near_window(&el));
                if near {
                    wanted.set(true);
                } else {
                    crate::web::first_action::when_reader_acts(on_paper, move || wanted.set(true));
                }
            }
        });
    }
    match (ready, *wanted, props.until_wanted) {
        (true, true, _) => props.children.clone(),
        (true, false, Some(height)) => html! {
            <div ref={placeholder} class="waiting" style={format!("min-height:{height}px")} aria-hidden="true"></div>
        },
        _ => html! {},
    }
}
