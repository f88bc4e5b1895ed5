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

use crate::state::{Action, AppState};

/// The `type` every message to or from the app carries.
pub const MESSAGE_TYPE: &str = "kinesis-cascade";

/// The actions a host page may ask for.
const ACTIONS: &str = "seek, play, pause, load, subscribe, unsubscribe";

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

/// The minute a `time` field names: "HH:MM" or minutes since 00:00.
fn time_of(value: &JsValue) -> Option<f64> {
    if let Some(n) = value.as_f64() {
        return n.is_finite().then_some(n);
    }
    value
        .as_string()
        .and_then(|s| clock::parse(&s))
        .map(f64::from)
}

/// What a message asks for, or why it cannot be done.
fn read(data: &JsValue) -> Option<Result<Request, String>> {
    if !data.is_object() || field(data, "type").as_string().as_deref() != Some(MESSAGE_TYPE) {
        return None;
    }
    // Only requests carry an action: the app's own events and replies (which a page hosting
    // it, or the app itself, may see) are not answered, so no two windows can ping-pong.
    let action = field(data, "action").as_string()?;
    Some(match action.as_str() {
        "seek" => time_of(&field(data, "time"))
            .map(|t| Request::Do(Action::Seek(t)))
            .ok_or_else(|| "seek: 'time' must be \"HH:MM\" or minutes since 00:00".to_string()),
        "play" => Ok(Request::Do(Action::Play)),
        "pause" => Ok(Request::Do(Action::Pause)),
        "load" => match field(data, "link").as_string() {
            Some(link) if link.len() <= 4000 => Ok(Request::Load(link)),
            Some(_) => Err("load: 'link' is longer than 4000 characters".into()),
            None => Err(
                "load: 'link' must be a link's query, such as \"preset=cellular&t=06:00\"".into(),
            ),
        },
        "subscribe" => Ok(Request::Subscribe(true)),
        "unsubscribe" => Ok(Request::Subscribe(false)),
        other => Err(format!(
            "unknown action '{}'; allowed: {ACTIONS}",
            other.chars().take(40).collect::<String>()
        )),
    })
}

enum Request {
    Do(Action),
    Load(String),
    Subscribe(bool),
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
            let listener = crate::dom::window().map(|w| {
                gloo::events::EventListener::new(&w, "message", move |e| {
                    if let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() {
                        answer(e, &dispatcher, &subscribers, *last.borrow());
                    }
                })
            });
            // A host page learns that the app listens (a page at the top is its own parent). Its
            // origin is known when the browser tells the frame who loaded it; only then is the
            // message addressed to it alone.
            if let Some(w) = crate::dom::window() {
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
    let Some(request) = read(&e.data()) else {
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
            let mut req = crate::url::parse(&link);
            req.origin = "The host page's link";
            let mut probe = req.clone();
            crate::url::scenario(&mut probe);
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
