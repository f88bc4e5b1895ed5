//! Finished analyses, kept per scenario, so that coming back to a scenario shows its analysis at
//! once.

use std::cell::RefCell;

use crate::jobs::sensitivity::Analysis;
use crate::web::hooks::batch::BatchProgress;

/// Finished analyses, per scenario: the last few.
const CACHED: usize = 4;

thread_local! {
    static CACHE: RefCell<Vec<BatchProgress<Analysis>>> = const { RefCell::new(Vec::new()) };
}

/// The finished analysis of the scenario `key`, if one is kept.
pub(super) fn cached(key: &str) -> Option<BatchProgress<Analysis>> {
    CACHE.with(|c| c.borrow().iter().find(|p| p.key == key).cloned())
}

/// Keeps a finished analysis.
pub(super) fn keep(p: &BatchProgress<Analysis>) {
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        c.retain(|q| q.key != p.key);
        c.push(p.clone());
        if c.len() > CACHED {
            c.remove(0);
        }
    });
}
