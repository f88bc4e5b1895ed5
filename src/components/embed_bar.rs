//! The bar of an embedded page: the clock and narration, play / pause, and a link to open the
//! same view in the full app. No editing chrome: an embed shows, the full app edits.

use yew::prelude::*;

use crate::state::{use_store, Action};

#[function_component(EmbedBar)]
pub fn embed_bar() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let toggle = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.send(Action::TogglePlay))
    };
    let label = if store.playing { "Pause" } else { "Play" };
    let mut view = store.link_view(true);
    view.embed = None;
    let full = format!(
        "{}?{}",
        crate::url::page_address(),
        crate::url::to_query(
            &store.preset,
            &store.scenario,
            &store.branch_changes(),
            &view
        )
    );
    html! {
        <div class="embed-bar panel">
            <button class="primary" aria-label={label} onclick={toggle}>{ label }</button>
            <crate::components::clock::Clock />
            <a class="open-full" href={full} target="_blank" rel="noopener">{ "Open in the full app ↗" }</a>
        </div>
    }
}
