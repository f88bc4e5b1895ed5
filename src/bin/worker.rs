//! The page's worker: runs batches of the model off the page's main thread (a sweep's points,
//! the sensitivity analysis's runs), so that the page keeps playing and several cores share
//! them; does the jobs that need JSON (`cascade_sim::jobs`); draws the SVG exports and encodes
//! the GIF (`kinesis_cascade::jobs`), so that the page's code carries none of it. Every message
//! it reads and writes is in the one wire format (`kinesis_cascade::jobs::wire`).

#[cfg(target_arch = "wasm32")]
fn main() {
    use kinesis_cascade::jobs::gif::{GifWriter, Header};
    use kinesis_cascade::jobs::wire::{Answer, Request};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let say = move |a: Answer| {
        reply.post_message(&a.to_text().into()).ok();
    };
    let bytes_to = scope.clone();
    // A GIF in progress: its header came as text, its frames come as bytes.
    let mut gif: Option<GifWriter> = None;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
                match gif_frame(&mut gif, &bytes.to_vec()) {
                    Ok(Some(file)) => {
                        let file = js_sys::Uint8Array::from(&file[..]);
                        bytes_to.post_message(&file).ok();
                    }
                    Ok(None) => {
                        let written = gif.as_ref().map_or(0, GifWriter::written);
                        say(Answer::Progress(written));
                    }
                    Err(problem) => say(Answer::Error(problem)),
                }
                return;
            }
            let text = data.as_string().unwrap_or_default();
            let batch = match Request::of(&text) {
                Request::Gif => {
                    gif = None;
                    match Header::parse(&text).and_then(GifWriter::new) {
                        Ok(writer) => {
                            gif = Some(writer);
                            say(Answer::Progress(0));
                        }
                        Err(problem) => say(Answer::Error(problem)),
                    }
                    return;
                }
                Request::Job => return say(Answer::of_job(cascade_sim::jobs::answer(&text))),
                Request::Svg => {
                    return say(Answer::of_job(kinesis_cascade::jobs::svg::answer(&text)))
                }
                Request::Sensitivity => {
                    cascade_sim::sensitivity::output::answer(&text, |line| say(Answer::Line(line)))
                }
                Request::Sweep => cascade_sim::sweep::answer(&text, |line| say(Answer::Line(line))),
            };
            if let Err(problem) = batch {
                say(Answer::Error(problem.to_string()));
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages sent before this point found no handler: the page waits for this word.
    scope.post_message(&Answer::Ready.to_text().into()).ok();
}

/// Adds a frame to the GIF in progress: the file's bytes after the last frame, or why it cannot
/// (and the GIF is dropped).
#[cfg(target_arch = "wasm32")]
fn gif_frame(
    gif: &mut Option<kinesis_cascade::jobs::gif::GifWriter>,
    rgba: &[u8],
) -> Result<Option<Vec<u8>>, String> {
    let writer = gif.as_mut().ok_or("a GIF frame came before its header")?;
    if let Err(problem) = writer.push(rgba) {
        *gif = None;
        return Err(problem);
    }
    if !writer.complete() {
        return Ok(None);
    }
    gif.take().ok_or("the GIF was lost")?.finish().map(Some)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
