//! The settings in the address bar: written when they change (and kept in storage), formatted
//! only when needed, so that the first render does not pay for it.

use crate::state::AppState;

/// The settings as the address bar shows them, last written or as opened.
pub(super) enum Link {
    /// Before the first render's effects.
    Unopened,
    /// As opened, not yet formatted: the first render need not pay for it.
    Opened(Box<AppState>),
    /// The query last formatted.
    Written(String),
}

/// Writes the settings into the address bar (and storage) when they differ from the last ones.
pub(super) fn write_link(link: &std::cell::RefCell<Link>, state: Box<AppState>, persist: bool) {
    let mut link = link.borrow_mut();
    let before = match std::mem::replace(&mut *link, Link::Unopened) {
        Link::Unopened => {
            *link = Link::Opened(state);
            return;
        }
        Link::Opened(first) => link_query(&first),
        Link::Written(query) => query,
    };
    let query = link_query(&state);
    if query != before {
        crate::web::storage::save(&query, persist);
    }
    *link = Link::Written(query);
}

fn link_query(state: &AppState) -> String {
    let view = state.link_view(false);
    crate::state::links::to_query(
        &state.preset,
        &state.scenario,
        state.branch_changes(),
        &view,
    )
}
