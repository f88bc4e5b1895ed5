//! An animated GIF of a time range, for write-ups in Markdown where neither an iframe nor a
//! video plays: the page draws each frame as for the video (`video_frame.rs`) and sends its
//! pixels to a worker, which encodes them (`jobs::gif`). Two frames are in flight at a time, so
//! the page draws while the worker encodes and neither waits long; Cancel stops the worker.

use std::cell::RefCell;
use std::rc::Rc;

use cascade_sim::{clock, Recording};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::jobs::gif::Header;
use crate::jobs::wire::Answer;
use crate::web::components::RunProps;
use crate::web::offscreen::{self, Ctx};
use crate::web::video_frame::{compose, Sources, H, W};
use crate::web::worker::client::WorkerClient;

/// The GIF's size: the video's frame scaled to 800 pixels wide.
const GIF_W: u16 = 800;
const GIF_H: u16 = 450;
/// Simulated minutes between frames, and how long each shows (hundredths of a second).
const STEP_MIN: i32 = 5;
const DELAY_CS: u16 = 10;

/// What drawing the frames needs: the frame at full size, the GIF's canvas, the sources.
struct Painter {
    full: (web_sys::HtmlCanvasElement, Ctx),
    small: (web_sys::HtmlCanvasElement, Ctx),
    sources: Sources,
    start: i32,
}

impl Painter {
    /// The RGBA pixels of frame `k`.
    fn frame(&mut self, k: u32) -> Result<js_sys::Uint8Array, String> {
        let t = self.start + STEP_MIN * k as i32;
        compose(&self.full.1, &mut self.sources, f64::from(t));
        let (w, h) = (f64::from(GIF_W), f64::from(GIF_H));
        let ctx = &self.small.1;
        ctx.set_image_smoothing_enabled(true);
        ctx.draw_image_with_html_canvas_element_and_dw_and_dh(&self.full.0, 0.0, 0.0, w, h)
            .map_err(|_| "a frame could not be drawn")?;
        let data = ctx
            .get_image_data(0.0, 0.0, w, h)
            .map_err(|_| "a frame could not be read")?;
        Ok(js_sys::Uint8Array::from(&data.data().0[..]))
    }
}

/// Where a GIF stands, for the progress bar and the message.
#[derive(Clone, PartialEq)]
enum GifProgress {
    Idle,
    Encoding { done: u32, of: u32 },
    Said(String),
}

/// Sends frame `k` to the worker, the pixels' buffer moved rather than copied.
fn send_frame(worker: &web_sys::Worker, painter: &RefCell<Painter>, k: u32) -> Result<(), String> {
    let pixels = painter.borrow_mut().frame(k)?;
    let transfer = js_sys::Array::of1(&pixels.buffer());
    worker
        .post_message_with_transfer(&pixels, &transfer)
        .map_err(|_| "the worker could not be sent a frame".to_string())
}

/// Starts a GIF of minutes `a` to `b`.
fn start(
    run: Rc<Recording>,
    (a, b): (i32, i32),
    slot: Rc<RefCell<Option<WorkerClient>>>,
    progress: UseStateHandle<GifProgress>,
) -> Result<(), String> {
    let frames = ((b - a) / STEP_MIN) as u32 + 1;
    let header = Header {
        width: GIF_W,
        height: GIF_H,
        delay_cs: DELAY_CS,
        frames,
    };
    let painter = Rc::new(RefCell::new(Painter {
        full: offscreen::canvas(W as u32, H as u32)?,
        small: offscreen::canvas(u32::from(GIF_W), u32::from(GIF_H))?,
        sources: Sources::new(run)?,
        start: a,
    }));
    let began = js_sys::Date::now();
    let name = format!(
        "kinesis-cascade-{}-{}.gif",
        clock::format(a).replace(':', ""),
        clock::format(b).replace(':', "")
    );
    // Ends the job from inside its own handler: a task later, so the handler is not freed
    // while it runs.
    let finish = {
        let (slot, progress) = (Rc::clone(&slot), progress.clone());
        move |said: String| {
            progress.set(GifProgress::Said(said));
            let slot = Rc::clone(&slot);
            crate::web::dom::next_task(move || drop(slot.borrow_mut().take()));
        }
    };
    let encoding = progress.clone();
    let client = WorkerClient::open(move |me, message| {
        let data = match message {
            Ok(data) => data,
            Err(problem) => return finish(format!("The GIF could not be made: {problem}")),
        };
        if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
            let seconds = (js_sys::Date::now() - began) / 1000.0;
            let kib = f64::from(bytes.length()) / 1024.0;
            let parts = js_sys::Array::of1(bytes);
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("image/gif");
            let saved = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
                .map_err(|_| "the GIF could not be assembled".to_string())
                .and_then(|blob| crate::web::export::download_blob(&name, &blob));
            finish(match saved {
                Ok(()) => format!("Animated GIF: downloaded {name}, {frames} frames of {GIF_W}x{GIF_H}, {kib:.0} KiB, made in {seconds:.1} s."),
                Err(e) => format!("The GIF could not be made: {e}"),
            });
            return;
        }
        let done = match Answer::parse(&data.as_string().unwrap_or_default()) {
            Answer::Ready => {
                if me.post_message(&JsValue::from_str(&header.line())).is_err() {
                    finish("The GIF could not be made: the worker could not be asked".into());
                }
                return;
            }
            Answer::Error(problem) => {
                finish(format!("The GIF could not be made: {problem}"));
                return;
            }
            Answer::Progress(done) => done,
            Answer::Text(_) | Answer::Line(_) => return,
        };
        encoding.set(GifProgress::Encoding { done, of: frames });
        // Two frames in flight: after the header, frames 0 and 1; after frame k, k + 2.
        let next: Vec<u32> = if done == 0 {
            vec![0, 1]
        } else {
            vec![done + 1]
        };
        for k in next.into_iter().filter(|k| *k < frames) {
            if let Err(problem) = send_frame(me, &painter, k) {
                finish(format!("The GIF could not be made: {problem}"));
                return;
            }
        }
    })
    .ok_or_else(crate::web::worker::client::cannot_start)?;
    progress.set(GifProgress::Encoding {
        done: 0,
        of: frames,
    });
    *slot.borrow_mut() = Some(client);
    Ok(())
}

#[function_component(GifExport)]
pub fn gif_export(props: &RunProps) -> Html {
    let from = use_state(|| "02:30".to_string());
    let to = use_state(|| "10:30".to_string());
    let progress = use_state(|| GifProgress::Idle);
    let slot = use_mut_ref(|| None::<WorkerClient>);
    let busy = matches!(*progress, GifProgress::Encoding { .. });
    let make = {
        let (from, to, progress, slot, run) = (
            from.clone(),
            to.clone(),
            progress.clone(),
            Rc::clone(&slot),
            Rc::clone(&props.run),
        );
        Callback::from(move |_: MouseEvent| {
            let range = match crate::state::time_range::parse(
                &from,
                &to,
                crate::draw::charts::time_span(&run),
            ) {
                Ok(range) => range,
                Err(needs) => {
                    progress.set(GifProgress::Said(format!("The GIF needs {needs}.")));
                    return;
                }
            };
            if slot.borrow().is_some() {
                return;
            }
            if let Err(e) = start(Rc::clone(&run), range, Rc::clone(&slot), progress.clone()) {
                progress.set(GifProgress::Said(format!("The GIF could not be made: {e}")));
            }
        })
    };
    let cancel = {
        let (slot, progress) = (Rc::clone(&slot), progress.clone());
        Callback::from(move |_: MouseEvent| {
            drop(slot.borrow_mut().take());
            progress.set(GifProgress::Said("The GIF was cancelled.".into()));
        })
    };
    html! {
        <span class="gif-export">
            <button class="linklike" onclick={make} disabled={busy}>{ "Animated GIF of" }</button>
            { crate::web::components::range_inputs("GIF", &from, &to) }
            { match &*progress {
                GifProgress::Idle => html! {},
                GifProgress::Encoding { done, of } => html! {
                    <>
                        <progress max={of.to_string()} value={done.to_string()} aria-label="GIF frames encoded"></progress>
                        <span class="small" role="status">{ format!(" {done} of {of} frames") }</span>
                        <button class="linklike" onclick={cancel}>{ "Cancel the GIF" }</button>
                    </>
                },
                GifProgress::Said(text) => html! { <span class="small gif-status" role="status">{ format!(" {text}") }</span> },
            } }
        </span>
    }
}
