//! The table under the tornado chart.

use cascade_sim::Milestone;
use yew::prelude::*;

use crate::explain::sensitivity::rows;

/// The table under the chart: every assumption that moves the milestone, most first.
pub(super) fn table(report: &cascade_sim::sensitivity::Report, m: Milestone) -> Html {
    let (rows, still) = rows(report, m);
    html! {
        <div class="sensitivity-wrap">
            <table class="sensitivity-table">
                <caption class="small">
                    { format!("{} assumptions move {}; {still} do not move it at all. Each links to its value in the scenario panel.", rows.len(), m.label()) }
                </caption>
                <thead><tr>
                    <th>{ "parameter" }</th><th>{ "plausible range, and why" }</th>
                    <th>{ "at the low end" }</th><th>{ "at the high end" }</th><th>{ "status" }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr>
                            <td><a href={format!("#param-{}", r.key)}><code>{ r.key }</code></a></td>
                            <td>{ r.range.clone() }<br /><span class="muted small">{ r.why }</span></td>
                            <td>{ r.at_low.clone() }</td>
                            <td>{ r.at_high.clone() }</td>
                            <td><span class="badge assumed">{ "assumed" }</span></td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
