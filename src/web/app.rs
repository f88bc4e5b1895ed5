//! The app root: the state and its store, the keyboard, the animation loop and the address bar;
//! the page itself is `layout.rs`.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::ById;
use crate::web::address_bar::{write_link, Link};
use crate::web::components::later::Later;
use crate::web::hooks::{
    animation::use_playback, compute::use_compute, embed_api::use_embed_api, keyboard::use_keyboard,
};
use crate::web::layout::Layout;
use crate::web::store::{SettingsStore, Store};

/// Starts the app: a visible message instead of a blank page if anything panics.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        crate::web::dom::show_crash(&info.to_string())
    }));
    crate::web::first_action::listen();
    // The first render in a task of its own: with the module's start-up it would make one long
    // task on a slow phone.
    crate::web::dom::next_task(|| {
        crate::web::dom::clear_boot();
        match crate::web::dom::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app"))
        {
            Some(root) => yew::Renderer::<App>::with_root(root).render(),
            None => yew::Renderer::<App>::new().render(),
        };
    });
}

#[function_component(App)]
fn app() -> Html {
    let store = use_reducer(crate::web::store::initial);
    use_playback(&store);
    use_keyboard(&store);
    use_compute(&store);
    use_embed_api(&store);
    // Before anything is drawn (the charts read the colours when they draw), and only when the
    // link's choice changes: the app renders in every frame of the replay.
    use_memo(store.scheme, |s| crate::web::dom::set_scheme(*s));
    {
        // The scenario and the branch survive a reload, and the address bar shows them.
        // Not on opening: a link stays as it was until the user changes something.
        // Written only when the settings change: formatting every parameter costs too much
        // for every frame, and for the first render.
        let link = use_mut_ref(|| Link::Unopened);
        let embedded = store.embed.is_some();
        // An embed writes no link at all: it never overwrites what the reader saved in the full
        // app. The story writes the address bar but not the storage.
        let persist = store.story.is_none();
        let handle = store.clone();
        // In a task of its own: after a run is computed, the views come first. The state is
        // copied here, not read later through the handle, which always shows the latest state.
        use_effect_with(store.revision, move |_| {
            if !embedded {
                let state = Box::new((*handle).clone());
                crate::web::dom::next_task(move || write_link(&link, state, persist));
            }
        });
        // The headline above the app follows the run shown: a what-if says what happens in it.
        // Derived once per change of the settings, not in every frame.
        let doc = Rc::clone(&store.doc);
        let headline = (*use_memo(store.revision, move |_| doc.headline())).clone();
        use_effect_with(headline, |h| {
            if let Some(h) = h {
                crate::web::dom::set_text_by_id("headline", &h.title);
                crate::web::dom::set_text_by_id("headline-detail", &h.detail);
            }
        });
        let presenting = store.presenting;
        use_effect_with(presenting, |p| {
            crate::web::dom::set_body_class("presenting", *p)
        });
        let playing = store.playing;
        use_effect_with(playing, |p| crate::web::dom::set_body_class("playing", *p));
        let in_story = store.story.is_some();
        use_effect_with(in_story, |s| {
            crate::web::dom::set_body_class("in-story", *s)
        });
        use_effect_with(embedded, |embedded| {
            crate::web::dom::set_embedded(*embedded)
        });
    }
    // The cursor for panels that read it only when asked (a link, a video), so that they need
    // not render with every frame.
    let now = use_mut_ref(|| 0.0f64);
    *now.borrow_mut() = store.time;
    let store = Store(store);
    // The panels that do not move with time see this handle, replaced only when the settings
    // change: the layout below is not rebuilt in every frame of the replay, only the views
    // that read the cursor (through `use_store`) are.
    let settings = {
        let store = store.clone();
        use_memo(store.revision, move |_| SettingsStore {
            store,
            now: ById(now),
        })
    };
    html! {
        <ContextProvider<Store> context={store}>
            <ContextProvider<SettingsStore> context={(*settings).clone()}>
                // The app's state and its hooks first, the layout a task later.
                <Later turn={1}><Layout /></Later>
            </ContextProvider<SettingsStore>>
        </ContextProvider<Store>>
    }
}

#[cfg(test)]
mod tests;
