//! The sweep worker: computes points of a what-if sweep off the page's main thread, so that the
//! page keeps playing while the model runs, and several cores share a sweep. Each message is a
//! request written by `cascade_sim::sweep::request`; each answer is one point, as text. It also
//! does the jobs that need JSON (`cascade_sim::jobs`) and draws the SVG exports
//! (`kinesis_cascade::jobs::svg`), so that the page's code carries neither.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    // A GIF in progress: its header came as text, its frames come as bytes.
    let mut gif: Option<kinesis_cascade::jobs::gif::GifWriter> = None;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
                let answer = gif_frame(&mut gif, &bytes.to_vec());
                reply.post_message(&answer).ok();
                return;
            }
            let text = data.as_string().unwrap_or_default();
            if text.starts_with(kinesis_cascade::jobs::gif::PREFIX) {
                gif = None;
                let answer = match kinesis_cascade::jobs::gif::Header::parse(&text)
                    .and_then(kinesis_cascade::jobs::gif::GifWriter::new)
                {
                    Ok(writer) => {
                        gif = Some(writer);
                        "progress 0".to_string()
                    }
                    Err(problem) => format!("error {problem}"),
                };
                reply.post_message(&answer.into()).ok();
                return;
            }
            // A job (an export, reading a scenario file) gets one answer: "ok" or "error" on
            // the first line, then the text.
            let job = if text.starts_with(cascade_sim::jobs::PREFIX) {
                Some(cascade_sim::jobs::answer as fn(&str) -> Result<String, String>)
            } else if text.starts_with(kinesis_cascade::jobs::svg::PREFIX) {
                Some(kinesis_cascade::jobs::svg::answer as fn(&str) -> Result<String, String>)
            } else {
                None
            };
            if let Some(job) = job {
                let answer = match job(&text) {
                    Ok(body) => format!("ok\n{body}"),
                    Err(problem) => format!("error\n{problem}"),
                };
                reply.post_message(&answer.into()).ok();
                return;
            }
            let send = |line: String| {
                reply.post_message(&line.into()).ok();
            };
            // Runs of the sensitivity analysis, else a sweep's points: one line each.
            let answered = if text.starts_with(cascade_sim::sensitivity::output::PREFIX) {
                cascade_sim::sensitivity::output::answer(&text, send)
            } else {
                cascade_sim::sweep::answer(&text, send)
            };
            if let Err(problem) = answered {
                reply.post_message(&format!("error {problem}").into()).ok();
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages sent before this point found no handler: the page waits for this word.
    scope.post_message(&"ready".into()).ok();
}

/// Adds a frame to the GIF in progress: "progress K", then the file's bytes after the last
/// frame, or "error ..." (and the GIF is dropped).
#[cfg(target_arch = "wasm32")]
fn gif_frame(
    gif: &mut Option<kinesis_cascade::jobs::gif::GifWriter>,
    rgba: &[u8],
) -> wasm_bindgen::JsValue {
    let Some(writer) = gif.as_mut() else {
        return "error a GIF frame came before its header".into();
    };
    if let Err(problem) = writer.push(rgba) {
        *gif = None;
        return format!("error {problem}").into();
    }
    if !writer.complete() {
        return format!("progress {}", writer.written()).into();
    }
    match gif
        .take()
        .map(kinesis_cascade::jobs::gif::GifWriter::finish)
    {
        Some(Ok(bytes)) => js_sys::Uint8Array::from(&bytes[..]).into(),
        Some(Err(problem)) => format!("error {problem}").into(),
        None => "error the GIF was lost".into(),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
