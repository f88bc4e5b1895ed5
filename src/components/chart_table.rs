//! The data of a chart as a table, for readers who cannot see the chart: one row per hour of the
//! run. Built only when opened, so that a closed table costs nothing.

use std::rc::Rc;

use cascade_sim::clock;
use cascade_sim::fleet::STATES;
use cascade_sim::services::graph::SERVICES;
use cascade_sim::{Recording, ServerState};
use yew::prelude::*;

/// Which chart's data.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Threads per server against the limit.
    Threads,
    /// Kinesis error rate.
    Errors,
    /// Servers by state.
    States,
    /// Service health.
    Health,
}

#[derive(Properties, Clone)]
pub struct Props {
    /// The recording.
    pub run: Rc<Recording>,
    /// Which chart.
    pub kind: Kind,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.run, &other.run) && self.kind == other.kind
    }
}

fn health_word(h: f32) -> &'static str {
    crate::palette::health_class(h)
}

/// Header and rows of the table.
fn table(run: &Recording, kind: Kind) -> (Vec<String>, Vec<Vec<String>>) {
    let s = &run.series;
    let hours: Vec<usize> = (0..s.minute.len())
        .filter(|k| s.minute[*k] % 60 == 0)
        .collect();
    let time = |k: usize| clock::format(s.minute[k]);
    match kind {
        Kind::Threads => (
            ["time", "fewest", "median", "most", "OS limit (assumed)"]
                .map(String::from)
                .to_vec(),
            hours
                .iter()
                .map(|&k| {
                    vec![
                        time(k),
                        format!("{:.0}", s.threads_min[k]),
                        format!("{:.0}", s.threads_median[k]),
                        format!("{:.0}", s.threads_max[k]),
                        run.scenario.threads.limit.to_string(),
                    ]
                })
                .collect(),
        ),
        Kind::Errors => (
            vec!["time".into(), "Kinesis requests failing".into()],
            hours
                .iter()
                .map(|&k| vec![time(k), format!("{:.1}%", s.kinesis_error[k] * 100.0)])
                .collect(),
        ),
        Kind::States => {
            let states: Vec<ServerState> = STATES
                .iter()
                .copied()
                .filter(|st| *st != ServerState::Pending)
                .collect();
            let column = |st: ServerState| match st {
                ServerState::Serving => &s.servers_serving,
                ServerState::LimitHit => &s.servers_limit_hit,
                ServerState::Removed => &s.servers_removed,
                ServerState::ColdStart => &s.servers_cold_start,
                ServerState::Evicted => &s.servers_evicted,
                _ => &s.servers_recovered,
            };
            let mut head = vec!["time".to_string()];
            head.extend(states.iter().map(|st| st.label().to_string()));
            (
                head,
                hours
                    .iter()
                    .map(|&k| {
                        let mut row = vec![time(k)];
                        row.extend(states.iter().map(|st| format!("{:.0}", column(*st)[k])));
                        row
                    })
                    .collect(),
            )
        }
        Kind::Health => {
            let mut head = vec!["time".to_string()];
            head.extend(SERVICES.iter().map(|n| n.name.to_string()));
            (
                head,
                hours
                    .iter()
                    .map(|&k| {
                        let mut row = vec![time(k)];
                        row.extend(SERVICES.iter().map(|n| {
                            s.column(n.health_series)
                                .and_then(|v| v.get(k))
                                .map_or("?", |h| health_word(*h))
                                .to_string()
                        }));
                        row
                    })
                    .collect(),
            )
        }
    }
}

#[function_component(ChartTable)]
pub fn chart_table(props: &Props) -> Html {
    let (open, ontoggle) = crate::components::use_details_open();
    html! {
        <details class="chart-table" {ontoggle}>
            <summary>{ "The data as a table" }</summary>
            if open {
                { {
                    let (head, rows) = table(&props.run, props.kind);
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
