//! The reader's first action on the page (a scroll, the wheel, a key, a touch or a click): what
//! the parts of the page that wait until they are wanted wait for (see `components::later`).
//! Starting to print counts too: the parts worth having on paper (the views and their charts) are
//! then built and drawn at once, before the page is laid out for the printer; the rest (panels of
//! controls) a task later, as for any other action. All at once would not do: Yew renders in
//! slices of 16 ms, and a chart drawn after the slice would be printed blank.

use std::cell::RefCell;

use gloo::events::EventListener;

/// The events that count as the reader doing something. A resize counts too: a phone turned on
/// its side, or an embed's frame made taller, may bring waiting parts into view; so does focus,
/// which a screen reader may move without a key reaching the page.
const EVENTS: [&str; 8] = [
    "scroll",
    "wheel",
    "keydown",
    "pointerdown",
    "touchstart",
    "focusin",
    "resize",
    "beforeprint",
];

/// How far below the window (CSS pixels) a part counts as near enough to build at once.
const NEAR_PX: f64 = 200.0;

#[derive(Default)]
enum Reader {
    /// Not listening yet.
    #[default]
    Unheard,
    /// Nothing yet: what to run then (and whether it is wanted on paper), and the listeners that
    /// will tell.
    Waiting(Vec<(bool, Box<dyn FnOnce()>)>, Vec<EventListener>),
    /// The reader has done something.
    Acted,
}

thread_local! {
    static READER: RefCell<Reader> = RefCell::default();
}

/// Starts listening for the reader's first action; called once the app starts, so that an
/// action before any part waits is not missed.
pub fn listen() {
    READER.with(|r| {
        let mut reader = r.borrow_mut();
        if matches!(*reader, Reader::Unheard) {
            let listeners = crate::web::dom::window()
                .map(|w| {
                    // For the page's lifetime: every print, not only the first action.
                    EventListener::new(&w, "beforeprint", |_| crate::web::dom::set_printing(true))
                        .forget();
                    EventListener::new(&w, "afterprint", |_| crate::web::dom::set_printing(false))
                        .forget();
                    EVENTS
                        .iter()
                        .map(|e| {
                            // The printer lays the page out as soon as this event's handlers
                            // (and their microtasks, where Yew renders) are done.
                            let for_print = *e == "beforeprint";
                            EventListener::new(&w, *e, move |_| acted(for_print))
                        })
                        .collect()
                })
                .unwrap_or_default();
            *reader = Reader::Waiting(Vec::new(), listeners);
        }
    });
}

/// Whether the top of `el` is in the window or just below it.
pub fn near_window(el: &web_sys::Element) -> bool {
    let height = crate::web::dom::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    el.get_bounding_client_rect().top() < height + NEAR_PX
}

/// Runs `f` once the reader has done something on the page (at once, in a task of its own, if
/// that has already happened). Waiting parts are built one per task, not all in one; those
/// `on_paper` at once when the action is starting to print.
pub fn when_reader_acts(on_paper: bool, f: impl FnOnce() + 'static) {
    // Also here for a page whose app was mounted without `app::start` (the component tests).
    listen();
    READER.with(|r| match &mut *r.borrow_mut() {
        Reader::Waiting(waiting, _) => waiting.push((on_paper, Box::new(f))),
        _ => crate::web::dom::next_task(f),
    });
}

/// The reader has acted: the waiting parts are built one per task, those on paper at once if
/// this is a print starting.
fn acted(for_print: bool) {
    let before = READER.with(|r| std::mem::replace(&mut *r.borrow_mut(), Reader::Acted));
    if let Reader::Waiting(waiting, listeners) = before {
        for (on_paper, f) in waiting {
            if for_print && on_paper {
                f();
            } else {
                crate::web::dom::next_task(f);
            }
        }
        // Not dropped inside their own call: the listener that is running is removed later.
        crate::web::dom::next_task(move || drop(listeners));
    }
}
