//! Placeholder until the web app lands: shows that the model runs in the browser.

use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    let rec = cascade_sim::run(&cascade_sim::Scenario::default());
    let text = match rec {
        Ok(r) => format!("first alarm at minute {:?}", r.milestones.get(cascade_sim::Milestone::FirstAlarm)),
        Err(e) => e.to_string(),
    };
    html! { <main><h1>{ "kinesis-cascade" }</h1><p id="probe">{ text }</p></main> }
}

pub fn start() {
    yew::Renderer::<App>::new().render();
}
