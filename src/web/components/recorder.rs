//! A video (WebM) of a time range, for slides and offline classrooms: the replay plays the range
//! while each frame of the fleet, the clock, the narration and the Kinesis error chart is drawn
//! onto a canvas that the browser's MediaRecorder encodes.

use std::cell::RefCell;
use std::rc::Rc;

use cascade_sim::Recording;
use gloo::render::{request_animation_frame, AnimationFrame};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::ById;

use crate::state::Action;
use crate::web::offscreen::{self, Ctx};
use crate::web::video_frame::{compose, Sources, H, W};

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    /// The recording on screen, drawn into every frame.
    pub run: ById<Recording>,
    /// The cursor, read every frame while recording.
    pub now: ById<RefCell<f64>>,
    /// Sends an action to the store.
    pub send: Callback<Action>,
}

/// A recording in progress: the recorder, its chunks, the frame loop and the handlers it needs.
struct Session {
    recorder: web_sys::MediaRecorder,
    frame: Option<AnimationFrame>,
    _on_data: Closure<dyn FnMut(web_sys::BlobEvent)>,
    _on_stop: Closure<dyn FnMut()>,
}

fn frame_loop(
    session: Rc<RefCell<Option<Session>>>,
    ctx: Ctx,
    mut sources: Sources,
    now: Rc<RefCell<f64>>,
    end: f64,
    send: Callback<Action>,
) {
    let next = Rc::clone(&session);
    let frame = request_animation_frame(move |_| {
        let t = *now.borrow();
        compose(&ctx, &mut sources, t);
        if *now.borrow() >= end {
            send.emit(Action::Pause);
            send.emit(Action::Seek(end));
            if let Some(s) = next.borrow().as_ref() {
                let _ = s.recorder.stop();
            }
            return;
        }
        frame_loop(Rc::clone(&next), ctx, sources, now, end, send);
    });
    if let Some(s) = session.borrow_mut().as_mut() {
        s.frame = Some(frame);
    }
}

/// Starts recording from `start` to `end` (minutes).
fn start(
    run: Rc<Recording>,
    start: f64,
    end: f64,
    now: Rc<RefCell<f64>>,
    send: Callback<Action>,
    session: Rc<RefCell<Option<Session>>>,
    status: UseStateHandle<Option<String>>,
) -> Result<(), String> {
    let (canvas, ctx) = offscreen::canvas(W as u32, H as u32)?;
    let mut sources = Sources::new(run)?;
    compose(&ctx, &mut sources, start);
    let stream = canvas
        .capture_stream_with_frame_request_rate(30.0)
        .map_err(|_| "this browser cannot capture a canvas")?;
    let options = web_sys::MediaRecorderOptions::new();
    options.set_mime_type("video/webm");
    let recorder =
        web_sys::MediaRecorder::new_with_media_stream_and_media_recorder_options(&stream, &options)
            .map_err(|_| "this browser cannot record WebM video")?;
    let chunks = Rc::new(js_sys::Array::new());
    let on_data = {
        let chunks = Rc::clone(&chunks);
        Closure::<dyn FnMut(web_sys::BlobEvent)>::new(move |e: web_sys::BlobEvent| {
            if let Some(b) = e.data() {
                chunks.push(&b);
            }
        })
    };
    let on_stop = {
        let (chunks, status, session) = (Rc::clone(&chunks), status.clone(), Rc::clone(&session));
        Closure::<dyn FnMut()>::new(move || {
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("video/webm");
            let blob = web_sys::Blob::new_with_blob_sequence_and_options(&chunks, &options);
            let result = blob
                .map_err(|_| "the video could not be assembled".to_string())
                .and_then(|b| crate::web::export::download_blob("kinesis-cascade.webm", &b));
            status.set(Some(match result {
                Ok(()) => "Video (WebM): downloaded.".to_string(),
                Err(e) => format!("The video could not be made: {e}"),
            }));
            // Dropping the session here would free this very handler while it runs: let a task
            // after it do that.
            let session = Rc::clone(&session);
            crate::web::dom::next_task(move || drop(session.borrow_mut().take()));
        })
    };
    recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
    recorder.set_onstop(Some(on_stop.as_ref().unchecked_ref()));
    recorder
        .start()
        .map_err(|_| "the recorder would not start")?;
    *session.borrow_mut() = Some(Session {
        recorder,
        frame: None,
        _on_data: on_data,
        _on_stop: on_stop,
    });
    send.emit(Action::Seek(start));
    send.emit(Action::Play);
    frame_loop(session, ctx, sources, now, end, send);
    Ok(())
}

#[function_component(Recorder)]
pub fn recorder(props: &Props) -> Html {
    let from = use_state(|| "02:40".to_string());
    let to = use_state(|| "06:00".to_string());
    let status = use_state(|| None::<String>);
    let session = use_mut_ref(|| None::<Session>);
    let busy = session.borrow().is_some();
    let record = {
        let (from, to, status, session) = (
            from.clone(),
            to.clone(),
            status.clone(),
            Rc::clone(&session),
        );
        let (run, now, send) = (
            Rc::clone(&props.run),
            Rc::clone(&props.now),
            props.send.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (a, b) = match crate::state::time_range::parse(
                &from,
                &to,
                crate::draw::charts::time_span(&run),
            ) {
                Ok(range) => range,
                Err(needs) => {
                    status.set(Some(format!("The video needs {needs}.")));
                    return;
                }
            };
            if session.borrow().is_some() {
                return;
            }
            status.set(Some(format!("Recording {}–{}…", *from, *to)));
            if let Err(e) = start(
                Rc::clone(&run),
                f64::from(a),
                f64::from(b),
                Rc::clone(&now),
                send.clone(),
                Rc::clone(&session),
                status.clone(),
            ) {
                status.set(Some(format!("The video could not be made: {e}")));
            }
        })
    };
    html! {
        <span class="recorder">
            <button class="linklike" onclick={record} disabled={busy}>{ "Video (WebM) of" }</button>
            { crate::web::components::range_inputs("Video", &from, &to) }
            if let Some(text) = &*status {
                <span class="small recorder-status" role="status">{ format!(" {text}") }</span>
            }
        </span>
    }
}
