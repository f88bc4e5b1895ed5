//! Keyboard controls: Space plays or pauses, arrows step a minute, `[` `]` jump between events,
//! Home and End go to the ends of the run. In the story, the arrows go from chapter to chapter
//! and P turns the presenter view on and off.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::{Action, AppState};

/// Listens to the keyboard on the whole page (not while typing in a field or a list).
#[hook]
pub fn use_keyboard(store: &UseReducerHandle<AppState>) {
    let dispatcher = store.dispatcher();
    // Read by the listener at each key, so it need not be made again when the mode changes.
    let story = use_mut_ref(|| false);
    *story.borrow_mut() = store.story.is_some();
    use_effect_with((), move |_| {
        let listener = crate::web::dom::window()
            .and_then(|w| w.document())
            .map(|doc| {
                // Not passive: the keys this page uses must not also scroll it.
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&doc, "keydown", options, move |event| {
                    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if key.ctrl_key() || key.meta_key() || key.alt_key() || typing(key) {
                        return;
                    }
                    let in_story = *story.borrow();
                    let action = match key.key().as_str() {
                        "ArrowLeft" if in_story => Action::StoryPrev,
                        "ArrowRight" if in_story => Action::StoryNext,
                        "p" | "P" if in_story => Action::TogglePresenting,
                        " " => Action::TogglePlay,
                        "ArrowLeft" => Action::Step(-1),
                        "ArrowRight" => Action::Step(1),
                        "[" => Action::PrevEvent,
                        "]" => Action::NextEvent,
                        "Home" => Action::Seek(f64::MIN),
                        "End" => Action::Seek(f64::MAX),
                        _ => return,
                    };
                    key.prevent_default();
                    dispatcher.dispatch(action);
                })
            });
        move || drop(listener)
    });
}

/// Whether the key goes to a control that uses it itself (text fields, lists, sliders).
fn typing(key: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = key
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match target.tag_name().as_str() {
        "SELECT" | "TEXTAREA" => true,
        "INPUT" => {
            let kind = target.get_attribute("type").unwrap_or_default();
            // A slider keeps its own arrows; Space and the other keys still work.
            kind != "range"
                || matches!(
                    key.key().as_str(),
                    "ArrowLeft" | "ArrowRight" | "Home" | "End"
                )
        }
        "BUTTON" => key.key() == " ",
        _ => false,
    }
}
