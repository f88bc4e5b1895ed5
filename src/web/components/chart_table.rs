//! The data of a chart as a table, for readers who cannot see the chart: one row per hour of the
//! run. Built only when opened, so that a closed table costs nothing.

use cascade_sim::Recording;
use yew::prelude::*;

use crate::state::ById;

use crate::draw::charts::registry::Chart;

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    /// The recording.
    pub run: ById<Recording>,
    /// Which chart.
    pub chart: Chart,
}

#[function_component(ChartTable)]
pub fn chart_table(props: &Props) -> Html {
    let (open, ontoggle) = crate::web::components::use_details_open();
    html! {
        <details class="chart-table" {ontoggle}>
            <summary>{ "The data as a table" }</summary>
            if open {
                { {
                    let (head, rows) = crate::draw::charts::registry::table(&props.run, props.chart);
                    html! {
                        // Focusable, so that keyboard users can scroll it too.
                        <div class="table-scroll" tabindex="0" role="region" aria-label="The chart's data, one row per hour">
                            <table class="small">
                                <thead><tr>{ for head.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                                <tbody>{ for rows.iter().map(|r| html! {
                                    <tr>{ for r.iter().enumerate().map(|(i, c)| if i == 0 {
                                        html! { <th scope="row">{ c.clone() }</th> }
                                    } else {
                                        html! { <td>{ c.clone() }</td> }
                                    }) }</tr>
                                }) }</tbody>
                            </table>
                        </div>
                    }
                } }
            }
        </details>
    }
}
