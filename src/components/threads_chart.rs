//! Threads per server over time against the OS limit.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::RunProps;

use crate::charts::registry::Chart;
use crate::components::chart_canvas::ChartCanvas;
use crate::components::chart_table::ChartTable;

#[function_component(ThreadsChart)]
pub fn threads_chart(props: &RunProps) -> Html {
    html! {
        <>
            <ChartCanvas run={Rc::clone(&props.run)} compare={props.compare.clone()} chart={Chart::Threads} />
            <p class="legend">
                <span class="legend-item"><span class="swatch" style="background:rgb(0,114,178)"></span>{ "fewest to most threads per server, median line" }</span>
                <span class="legend-item"><span class="swatch" style="background:rgb(213,94,0)"></span>{ "OS limit: a thread beyond it cannot be created" }</span>
                { crate::components::compare_legend(&props.compare) }
            </p>
            <ChartTable run={Rc::clone(&props.run)} chart={Chart::Threads} />
        </>
    }
}
