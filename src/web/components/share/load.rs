//! Loading a scenario file: refused before it is read when it is far too large, read by the
//! worker (which carries the JSON reader), and loaded into the page, with a message either way.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use cascade_sim::jobs::Job;

use crate::state::Action;

/// What the file input calls with the chosen file: `send` loads the scenario, `message` says
/// how it went.
pub(super) fn on_file(
    send: Callback<Action>,
    message: UseStateHandle<Option<String>>,
) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let file = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        let Some(file) = file else { return };
        let (send, message) = (send.clone(), message.clone());
        let name = file.name();
        // A file far larger than any scenario is refused before it is read into memory.
        let limit = cascade_sim::validate::MAX_FILE_BYTES;
        if file.size() > limit as f64 {
            message.set(Some(format!(
            "{name} is not a scenario file this app can read: it is {:.0} bytes, and a scenario file is at most {limit}",
            file.size()
        )));
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let Some(text) = text.ok().and_then(|t| t.as_string()) else {
                message.set(Some(format!("{name} could not be read as text.")));
                return;
            };
            let read =
                crate::web::worker::jobs::run(cascade_sim::jobs::request(&Job::ReadScenario(text)))
                    .await
                    .and_then(|lines| {
                        cascade_sim::jobs::read_lines(lines.lines()).map_err(|e| e.to_string())
                    });
            match read {
                Ok(scenario) => {
                    send.emit(Action::LoadScenario(Box::new(scenario)));
                    message.set(Some(format!("Scenario loaded from {name}.")));
                }
                Err(e) => message.set(Some(format!(
                    "{name} is not a scenario file this app can read: {e}"
                ))),
            }
        });
    })
}
