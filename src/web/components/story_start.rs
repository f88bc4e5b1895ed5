//! The way into the guided story: guided first, free play after.

use yew::prelude::*;

use crate::state::Action;
use crate::web::store::use_settings_store;

/// The button that opens the guided story: guided first, free play after.
#[function_component(StoryStart)]
pub fn story_start() -> Html {
    let Some(store) = use_settings_store() else {
        return html! {};
    };
    let story = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.send(Action::Chapter(0)))
    };
    html! {
        <button class="story-start" onclick={story} disabled={store.story.is_some()}>{ "Guided story for workshops" }</button>
    }
}
