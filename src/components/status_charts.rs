//! Kinesis error rate, servers by state, and per-service health strips, sharing the time cursor.

use std::rc::Rc;

use cascade_sim::fleet::STATES;
use cascade_sim::ServerState;
use yew::prelude::*;

use crate::components::RunProps;

use crate::charts::registry::Chart;
use crate::components::chart_canvas::ChartCanvas;
use crate::components::chart_table::ChartTable;
use crate::palette::state_css;
use crate::views::View;

#[function_component(StatusCharts)]
pub fn status_charts(props: &RunProps) -> Html {
    let run = &props.run;
    html! {
        <div class="chart-views three">
            if props.views.has(View::Errors) {
            <section class="panel" aria-labelledby="errors-title">
                <h2 id="errors-title">{ Chart::Errors.title() }</h2>
                <ChartCanvas run={Rc::clone(run)} compare={props.compare.clone()} chart={Chart::Errors} order={1} />
                if props.compare.is_some() {
                    <p class="legend">
                        <span class="legend-item"><span class="swatch" style={format!("background:{}", crate::palette::css(crate::palette::VERMILLION))}></span>{ "this branch (area)" }</span>
                        { crate::components::compare_legend(&props.compare) }
                    </p>
                }
                <ChartTable run={Rc::clone(run)} chart={Chart::Errors} />
            </section>
            }
            if props.views.has(View::States) {
            <section class="panel" aria-labelledby="states-title">
                <h2 id="states-title">{ Chart::States.title() }</h2>
                <ChartCanvas run={Rc::clone(run)} chart={Chart::States} order={2} />
                <p class="legend">
                    { for STATES.iter().filter(|s| **s != ServerState::Pending).map(|s| html! {
                        <span class="legend-item"><span class="swatch" style={format!("background:{}", state_css(*s))}></span>{ s.label() }</span>
                    }) }
                </p>
                <ChartTable run={Rc::clone(run)} chart={Chart::States} />
            </section>
            }
            if props.views.has(View::Health) {
            <section class="panel" aria-labelledby="health-title">
                <h2 id="health-title">{ Chart::Health.title() }</h2>
                <ChartCanvas run={Rc::clone(run)} chart={Chart::Health} order={3} />
                <p class="legend">
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
