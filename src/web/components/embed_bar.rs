//! The bar of an embedded page: the clock and narration, play / pause, and a link to open the
//! same view in the full app. No editing chrome: an embed shows, the full app edits.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::Action;
use crate::web::store::{use_store, Store};

/// The link to the same view in the full app, at the cursor's minute when `with_time`.
fn full_app_link(store: &Store, with_time: bool) -> String {
    let mut view = store.link_view(with_time);
    view.embed = None;
    format!(
        "{}?{}",
        crate::web::dom::page_address(),
        crate::state::links::to_query(
            &store.preset,
            &store.scenario,
            store.branch_changes(),
            &view
        )
    )
}

#[function_component(EmbedBar)]
pub fn embed_bar() -> Html {
    let store = use_store();
    // Formatting every parameter in every frame of an embed's replay costs too much: the link
    // is written once per change of settings, and given the cursor's minute when it is about
    // to be used (pointed at, focused, clicked).
    let revision = store.as_ref().map_or(0, |s| s.revision);
    let full = {
        let store = store.clone();
        use_memo(revision, move |_| {
            store.map(|s| full_app_link(&s, false)).unwrap_or_default()
        })
    };
    let Some(store) = store else {
        return html! {};
    };
    let toggle = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.send(Action::TogglePlay))
    };
    let with_time = {
        let store = store.clone();
        move |e: Event| {
            // Yew listens at the app's root: the link is the event's target, not its current one.
            if let Some(a) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a").ok().flatten())
                .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
            {
                a.set_href(&full_app_link(&store, true));
            }
        }
    };
    let (on_enter, on_focus, on_click) = {
        let (a, b, c) = (with_time.clone(), with_time.clone(), with_time);
        (
            Callback::from(move |e: PointerEvent| a(e.into())),
            Callback::from(move |e: FocusEvent| b(e.into())),
            Callback::from(move |e: MouseEvent| c(e.into())),
        )
    };
    let label = if store.playing { "Pause" } else { "Play" };
    html! {
        <div class="embed-bar panel">
            <button class="primary" aria-label={label} onclick={toggle}>{ label }</button>
            <crate::web::components::clock::Clock />
            <a class="open-full" href={(*full).clone()} target="_blank" rel="noopener"
                onpointerenter={on_enter} onfocus={on_focus} onclick={on_click}>{ "Open in the full app ↗" }</a>
        </div>
    }
}

/// What an embed that plays on its own shows instead of its bar: the minute on screen, small, in
/// a corner (the narration stays, for screen readers, in a live region).
#[function_component(EmbedTime)]
pub fn embed_time() -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let t = store.minute();
    html! {
        <p class="embed-time">
            <span class="clock-time">{ crate::explain::narration::clock_text(t) }</span>{ " PST" }
            <span class="visually-hidden" aria-live="polite">{ crate::explain::narration::narration(store.run().as_deref(), t) }</span>
        </p>
    }
}
