//! The postMessage API for host pages (see the README): a page that embeds the app in an iframe
//! can seek, play, pause, load a scenario, and subscribe to time updates. Every message is
//! checked; one the app does not understand gets an error reply naming the problem, and
//! messages not addressed to it (another `type`) are ignored.

use std::cell::RefCell;
use std::rc::Rc;

use cascade_sim::clock;
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::state::host_message::{read, Fields, Request, TimeField, MESSAGE_TYPE};
use crate::state::{Action, AppState};

/// A host page listening to time updates: its window and origin.
type Subscriber = (web_sys::Window, String);

fn field(data: &JsValue, name: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// A message object `{type: "kinesis-cascade", ...fields}`.
fn message(fields: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new();
    let _ = Reflect::set(&obj, &"type".into(), &MESSAGE_TYPE.into());
    for (k, v) in fields {
        let _ = Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj.into()
}

/// The fields of a message the app reads (`host_message.rs` reads them).
fn fields_of(data: &JsValue) -> Option<Fields> {
    if !data.is_object() {
        return None;
    }
    let time = field(data, "time");
    Some(Fields {
        kind: field(data, "type").as_string(),
        action: field(data, "action").as_string(),
        time: match (time.as_f64(), time.as_string()) {
            (Some(n), _) => TimeField::Number(n),
            (None, Some(s)) => TimeField::Text(s),
            _ => TimeField::Missing,
        },
        link: field(data, "link").as_string(),
    })
}

/// Listens to host pages and keeps subscribers told of the time.
#[hook]
pub fn use_embed_api(store: &UseReducerHandle<AppState>) {
    let subscribers = use_mut_ref(Vec::<Subscriber>::new);
    // The time as last told, for a new subscriber's first update.
    let last = use_mut_ref(|| (0, false));
    *last.borrow_mut() = (store.minute(), store.playing);
    {
        let last = Rc::clone(&last);
        let dispatcher = store.dispatcher();
        let subscribers = Rc::clone(&subscribers);
        use_effect_with((), move |_| {
            let listener = crate::web::dom::window().map(|w| {
                gloo::events::EventListener::new(&w, "message", move |e| {
                    if let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() {
                        answer(e, &dispatcher, &subscribers, *last.borrow());
                    }
                })
            });
            // A host page learns that the app listens (a page at the top is its own parent). Its
            // origin is known when the browser tells the frame who loaded it; only then is the
            // message addressed to it alone.
            if let Some(w) = crate::web::dom::window() {
                if let Some(parent) = w.parent().ok().flatten() {
                    if !Object::is(&parent, &w) {
                        let target = host_origin(&w).unwrap_or_else(|| "*".to_string());
                        let _ =
                            parent.post_message(&message(&[("event", "ready".into())]), &target);
                    }
                }
            }
            move || drop(listener)
        });
    }
    let minute = store.minute();
    let playing = store.playing;
    use_effect_with((minute, playing), move |_| {
        if subscribers.borrow().is_empty() {
            return;
        }
        let update = time_update(minute, playing);
        for (window, origin) in subscribers.borrow().iter() {
            let _ = window.post_message(&update, origin);
        }
    });
}

/// The origin of the page that framed this one, from the frame's referrer, if the browser gives
/// one.
fn host_origin(w: &web_sys::Window) -> Option<String> {
    let referrer = w.document()?.referrer();
    let origin = web_sys::Url::new(&referrer).ok()?.origin();
    (origin.starts_with("http") && origin != "null").then_some(origin)
}

/// The update subscribers get: `{event: "time", minute, time, playing}`.
fn time_update(minute: clock::Minute, playing: bool) -> JsValue {
    message(&[
        ("event", "time".into()),
        ("minute", JsValue::from(minute)),
        ("time", clock::format(minute).into()),
        ("playing", playing.into()),
    ])
}

fn answer(
    e: &web_sys::MessageEvent,
    dispatcher: &UseReducerDispatcher<AppState>,
    subscribers: &Rc<RefCell<Vec<Subscriber>>>,
    (minute, playing): (clock::Minute, bool),
) {
    let Some(request) = fields_of(&e.data()).as_ref().and_then(read) else {
        return;
    };
    let origin = e.origin();
    // A window of another origin fails `instanceof Window` here, yet may be posted to.
    let source = e
        .source()
        .filter(|s| s.is_object())
        .map(|s| s.unchecked_into::<web_sys::Window>());
    let reply = |fields: &[(&str, JsValue)]| {
        if let Some(w) = &source {
            let _ = w.post_message(&message(fields), &origin);
        }
    };
    match request {
        Err(problem) => reply(&[("error", problem.into())]),
        Ok(Request::Do(action)) => {
            dispatcher.dispatch(action);
            reply(&[("ok", true.into())]);
        }
        Ok(Request::Load(link)) => {
            let mut req = crate::state::links::parse(&link);
            req.origin = "The host page's link";
            let mut probe = req.clone();
            crate::state::links::scenario(&mut probe);
            match probe.problems.first() {
                Some(problem) => reply(&[("error", format!("load: {problem}").into())]),
                None => reply(&[("ok", true.into())]),
            }
            dispatcher.dispatch(Action::OpenLink(req));
        }
        Ok(Request::Subscribe(on)) => {
            let Some(window) = source.clone() else {
                return;
            };
            let mut subs = subscribers.borrow_mut();
            subs.retain(|(w, o)| !(JsValue::from(w) == JsValue::from(&window) && *o == origin));
            reply(&[("ok", true.into())]);
            if on {
                // The first update at once: the time may not change for a while.
                let _ = window.post_message(&time_update(minute, playing), &origin);
                subs.push((window, origin.clone()));
            }
        }
    }
}
