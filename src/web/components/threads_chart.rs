//! Threads per server over time against the OS limit.

use std::rc::Rc;

use yew::prelude::*;

use crate::web::components::RunProps;

use crate::draw::charts::registry::Chart;
use crate::web::components::chart_canvas::ChartCanvas;
use crate::web::components::chart_table::ChartTable;

#[function_component(ThreadsChart)]
pub fn threads_chart(props: &RunProps) -> Html {
    html! {
        <>
            <ChartCanvas run={Rc::clone(&props.run)} compare={props.compare.clone()} chart={Chart::Threads} />
            <p class="legend">
                <span class="legend-item"><span class="swatch" style={format!("background:{}", crate::draw::palette::css(crate::draw::palette::SKY_BLUE))}></span>{ "threads held, fewest to most (band); wanted by the median server (line)" }</span>
                <span class="legend-item"><span class="swatch" style={format!("background:{}", crate::draw::palette::css(crate::draw::palette::ORANGE))}></span>{ "refused: wanted past the limit (shaded); the most any server wants (dashed)" }</span>
                <span class="legend-item"><span class="swatch limit-swatch"></span>{ "OS limit (the labelled line): a thread beyond it cannot be created" }</span>
                { crate::web::components::compare_legend(&props.compare) }
            </p>
            <ChartTable run={Rc::clone(&props.run)} chart={Chart::Threads} />
        </>
    }
}
