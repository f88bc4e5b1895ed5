//! The sweep worker: computes points of a what-if sweep off the page's main thread, so that the
//! page keeps playing while the model runs, and several cores share a sweep. Each message is a
//! request written by `cascade_sim::sweep::request`; each answer is one point, as text. It also
//! does the jobs that need JSON (`cascade_sim::jobs`) and draws the SVG exports
//! (`kinesis_cascade::svg_job`), so that the page's code carries neither.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let text = e.data().as_string().unwrap_or_default();
            // A job (an export, reading a scenario file) gets one answer: "ok" or "error" on
            // the first line, then the text.
            let job = if text.starts_with(cascade_sim::jobs::PREFIX) {
                Some(cascade_sim::jobs::answer as fn(&str) -> Result<String, String>)
            } else if text.starts_with(kinesis_cascade::svg_job::PREFIX) {
                Some(kinesis_cascade::svg_job::answer as fn(&str) -> Result<String, String>)
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

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
