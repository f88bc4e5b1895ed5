//! The playback loop. It requests animation frames only while playing, through an owned handle
//! that cancels on drop, so a paused or hidden page uses no CPU.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use yew::prelude::*;

use crate::state::{Action, AppState};

/// Advances the replay while `state.playing`.
#[hook]
pub fn use_playback(store: &UseReducerHandle<AppState>) {
    let playing = store.playing;
    let dispatcher = store.dispatcher();
    use_effect_with(playing, move |playing| {
        let handle: Rc<RefCell<Option<AnimationFrame>>> = Rc::new(RefCell::new(None));
        if *playing {
            schedule(Rc::clone(&handle), dispatcher, None);
        }
        // Dropping the handle cancels the pending frame.
        move || {
            handle.borrow_mut().take();
        }
    });
}

fn schedule(
    handle: Rc<RefCell<Option<AnimationFrame>>>,
    dispatcher: UseReducerDispatcher<AppState>,
    last: Option<f64>,
) {
    let next = Rc::clone(&handle);
    let frame = request_animation_frame(move |now| {
        if let Some(before) = last {
            dispatcher.dispatch(Action::Advance((now - before) / 1000.0));
        }
        schedule(next, dispatcher, Some(now));
    });
    *handle.borrow_mut() = Some(frame);
}
