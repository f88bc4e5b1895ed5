//! Kinesis error rate, servers by state, and per-service health strips, sharing the time cursor.

use std::rc::Rc;

use cascade_sim::sensitivity::band::{self, Band};
use cascade_sim::sensitivity::SEEDS;
use yew::prelude::*;

use crate::state::ById;

use crate::web::components::RunProps;

use crate::draw::charts::registry::Chart;
use crate::draw::views::View;
use crate::web::components::chart_canvas::ChartCanvas;
use crate::web::components::chart_table::ChartTable;

/// The spread over seeds as the charts show it.
#[derive(Clone, PartialEq)]
enum Spread {
    Off,
    Computing,
    Shown(Rc<Band>),
    Failed(String),
}

/// Shows or hides the spread over seeds behind the error and state charts, computing it in the
/// worker (`cascade_sim::sensitivity::band`) for the scenario on screen.
#[hook]
fn use_spread(run: &Rc<cascade_sim::Recording>, branch: bool) -> (Spread, Callback<Event>) {
    let spread = use_state(|| Spread::Off);
    let wanted = use_state(|| false);
    let scenario = run.scenario.clone();
    {
        let spread = spread.clone();
        let key = (*wanted && !branch).then(|| cascade_sim::jobs::scenario_lines(&scenario));
        use_effect_with(key, move |key| {
            if key.is_some() {
                spread.set(Spread::Computing);
                let job = cascade_sim::jobs::Job::SeedBand(scenario, SEEDS);
                let spread = spread.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let answer =
                        crate::web::worker::jobs::run(cascade_sim::jobs::request(&job)).await;
                    spread.set(match answer.map(|t| band::from_text(&t)) {
                        Ok(Some(b)) => Spread::Shown(Rc::new(b)),
                        Ok(None) => Spread::Failed("unreadable answer from the worker".into()),
                        Err(e) => Spread::Failed(e),
                    });
                });
            } else {
                spread.set(Spread::Off);
            }
        });
    }
    let toggle = Callback::from(move |e: Event| {
        wanted.set(crate::web::dom::event_checked(&e).unwrap_or(false));
    });
    ((*spread).clone(), toggle)
}

#[function_component(StatusCharts)]
pub fn status_charts(props: &RunProps) -> Html {
    let run = &props.run;
    let branch = props.compare.is_some();
    let (spread, toggle) = use_spread(run, branch);
    let operators = crate::web::store::use_settings_store().is_some_and(|s| s.operators);
    let band = match &spread {
        Spread::Shown(b) => Some(Rc::clone(b)),
        _ => None,
    };
    let spread_control = html! {
        <p class="spread-control small">
            <label>
                <input type="checkbox" checked={spread != Spread::Off} onchange={toggle} disabled={branch} />
                { format!(" Spread over {SEEDS} seeds") }
            </label>
            { match &spread {
                Spread::Computing => html! { <span role="status">{ " (running the day 20 times in the worker…)" }</span> },
                Spread::Shown(_) => html! { <span role="status" class="muted">{ " shaded behind the run: what of the curve is chance" }</span> },
                Spread::Failed(e) => html! { <span role="alert">{ format!(" could not be computed: {e}") }</span> },
                Spread::Off if branch => html! { <span class="muted">{ " (of the scenario itself: not shown in a branch)" }</span> },
                Spread::Off => html! {},
            } }
        </p>
    };
    html! {
        <div class="chart-views three">
            if props.views.has(View::Errors) {
            <section class="panel" aria-labelledby="errors-title">
                <h2 id="errors-title">{ Chart::Errors.title() }</h2>
                <ChartCanvas run={Rc::clone(run)} compare={props.compare.clone()} band={band.clone()} chart={Chart::Errors} order={1} />
                { spread_control }
                if props.compare.is_some() {
                    <p class="legend">
                        <span class="legend-item"><span class="swatch" style={format!("background:{}", crate::draw::palette::css(crate::draw::palette::VERMILLION))}></span>{ "this run (area)" }</span>
                        { crate::web::components::compare_legend(&props.compare) }
                    </p>
                }
                <ChartTable run={Rc::clone(run)} chart={Chart::Errors} />
            </section>
            }
            if props.views.has(View::States) && operators {
                { crate::web::components::not_on_a_dashboard(Chart::States.title(),
                    "No dashboard showed the servers by state: which had hit the thread limit, whose shard-maps had failed.") }
            } else if props.views.has(View::States) {
            <section class="panel" aria-labelledby="states-title">
                <h2 id="states-title">{ Chart::States.title() }</h2>
                <ChartCanvas run={Rc::clone(run)} compare={props.compare.clone()} band={band.clone()} chart={Chart::States} order={2} />
                <p class="legend">
                    if props.compare.is_some() {
                        <span class="legend-item"><span class="swatch compare"></span>{ format!("serving in{} (line)", props.compare.as_ref().map(ById::get).map_or("", crate::draw::charts::compare_label)) }</span>
                    }
                    { for crate::draw::charts::states::stacked().map(|s| html! {
                        <span class="legend-item"><span class="swatch" style={format!("background:{}", crate::draw::palette::css(s.rgb()))}></span>{ s.label() }</span>
                    }) }
                </p>
                <ChartTable run={Rc::clone(run)} chart={Chart::States} />
            </section>
            }
            if props.views.has(View::Health) {
            <section class="panel" aria-labelledby="health-title">
                <h2 id="health-title">{ Chart::Health.title() }</h2>
                <ChartCanvas run={Rc::clone(run)} compare={props.compare.clone()} chart={Chart::Health} order={3} />
                <p class="legend">
                    if props.compare.is_some() {
                        <span class="legend-item"><span class="swatch compare"></span>{ format!("not normal in{} (line low in the row)", props.compare.as_ref().map(ById::get).map_or("", crate::draw::charts::compare_label)) }</span>
                    }
                    <span class="legend-item"><span class="swatch ok"></span>{ "normal" }</span>
                    <span class="legend-item"><span class="swatch degraded"></span>{ "degraded" }</span>
                    <span class="legend-item"><span class="swatch failing"></span>{ "failing" }</span>
                </p>
                <ChartTable run={Rc::clone(run)} chart={Chart::Health} />
            </section>
            }
        </div>
    }
}
