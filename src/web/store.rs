//! The app's state as Yew sees it: the reducer behind a context, and the hooks components use.
//! The state itself and its reducer are pure (`state.rs`); this file is the browser's glue.

use std::rc::Rc;

use cascade_sim::Recording;
use yew::prelude::*;

use crate::state::{Action, AppState, ById};

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.act(action)
    }
}

/// The state the page opens with, from its address and the browser's storage.
pub fn initial() -> AppState {
    let mut state = AppState::from_address(
        &crate::web::dom::current_query(),
        crate::web::storage::load(),
    );
    if crate::web::dom::reduced_motion() {
        state.hold_still();
    }
    state
}

/// The store as components see it, through a context.
#[derive(Clone, PartialEq)]
pub struct Store(pub UseReducerHandle<AppState>);

impl Store {
    /// Sends an action.
    pub fn send(&self, action: Action) {
        self.0.dispatch(action);
    }

    /// The recording on screen (the branch's when there is one).
    pub fn run(&self) -> Option<Rc<Recording>> {
        self.0.shown()
    }

    /// Why there is no recording, if there is none.
    pub fn error(&self) -> Option<String> {
        match &self.0.run {
            crate::state::RunStatus::Failed(e) => Some(e.clone()),
            _ => None,
        }
    }
}

impl std::ops::Deref for Store {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.0
    }
}

/// The store as the panels that do not move with time see it: the same handle, replaced only
/// when the settings change (`AppState::revision`), with the cursor in a cell for the panels
/// that read it only when asked (a link, a video).
#[derive(Clone, PartialEq)]
pub struct SettingsStore {
    /// The store as of the last change of settings: its cursor is stale.
    pub store: Store,
    /// The cursor, always current.
    pub now: ById<std::cell::RefCell<f64>>,
}

/// The settings store (see `SettingsStore`), for panels that must not render in every frame.
#[hook]
pub fn use_settings_store() -> Option<Store> {
    use_context::<SettingsStore>().map(|s| s.store)
}

/// The store, from any component under the app.
#[hook]
pub fn use_store() -> Option<Store> {
    use_context::<Store>()
}
