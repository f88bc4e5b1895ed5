//! Peer discovery, close up: a few servers with different discovery lags. Each shows the new
//! servers it has learned of (the dots), and its thread gauge rising to the limit line; past it,
//! thread creation fails.

use cascade_sim::Recording;
use yew::prelude::*;

use crate::web::components::RunProps;

use crate::web::store::use_store;

/// Servers to show: original servers whose lags spread over the whole range.
fn sample(run: &Recording, count: usize) -> Vec<usize> {
    let existing = run.servers.existing as usize;
    let max_lag = run.servers.lag[..existing]
        .iter()
        .copied()
        .max()
        .unwrap_or(0);
    let mut chosen = Vec::new();
    for j in 0..count {
        let want = (f64::from(max_lag) * j as f64 / (count.max(2) - 1) as f64).round() as u8;
        if let Some(i) = (0..existing).find(|i| run.servers.lag[*i] == want && !chosen.contains(i))
        {
            chosen.push(i);
        }
    }
    chosen
}

/// A grid of small squares, five a row, as one SVG path: those of the `count` for which `keep`
/// holds.
/// Whole pixels, written with integer formatting: this runs for every dot in every frame, and
/// float formatting cost more than the rest of the frame's script.
fn dots(x: usize, y: usize, count: usize, keep: impl Fn(usize) -> bool) -> String {
    use std::fmt::Write;
    let mut d = String::with_capacity(count * 16);
    for k in (0..count).filter(|k| keep(*k)) {
        let _ = write!(d, "M{} {}h4v4h-4z", x + (k % 5) * 6, y + (k / 5) * 6);
    }
    d
}

/// Width of one server's column, in SVG units.
const COL_W: usize = 100;

#[function_component(Discovery)]
pub fn discovery(props: &RunProps) -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let run = &props.run;
    let t = store.minute();
    let servers = use_memo(run.clone(), |_| sample(run, 6));
    let s = &run.scenario;
    let limit = s.threads.limit;
    let added = run.server_count() - run.servers.existing as usize;
    // Threads before the addition, and with every added peer known: the model's own formula.
    let before =
        cascade_sim::phases::threads::threads_for(s, run.servers.existing.saturating_sub(1)).0;
    let after = cascade_sim::phases::threads::threads_for(
        s,
        (run.servers.existing as usize + added).saturating_sub(1) as u32,
    )
    .0;
    // The gauge shows the top of the range, where the story happens.
    let floor = before.saturating_sub(40).min(limit.saturating_sub(80));
    let top = (after + 20).max(limit + 20);
    let y = |v: u32| {
        150.0 - f64::from(v.saturating_sub(floor)) / f64::from((top - floor).max(1)) * 140.0
    };
    html! {
        <div class="discovery">
            <div class="discovery-scroll" tabindex="0" role="group" aria-label="Sample servers, scrollable">
            <svg viewBox={format!("0 0 {} 200", COL_W * servers.len() + 40)} role="img"
                aria-label="Sample servers: new peers learned and threads against the limit">
                <line x1="0" x2="100%" y1={y(limit).to_string()} y2={y(limit).to_string()} class="limit-line" />
                { for servers.iter().enumerate().map(|(col, &i)| {
                    let Some(snap) = run.server_at(i, t) else { return html! {} };
                    let left = 30 + col * COL_W;
                    let x = left as f64;
                    let new_known = snap.known_peers.saturating_sub(run.servers.existing.saturating_sub(1)) as usize;
                    let learned = new_known.min(added);
                    let over = snap.threads_wanted > limit && snap.state.running();
                    let bar_top = y(snap.threads);
                    let lit = learned * added.min(100) / added.max(1);
                    html! {
                        <g class={if over { "gauge over" } else { "gauge" }}>
                            <rect x={x.to_string()} y={bar_top.to_string()} width="18"
                                height={(150.0 - bar_top).max(0.0).to_string()} class="bar" />
                            if over {
                                <rect x={x.to_string()} y={y(snap.threads_wanted).to_string()} width="18"
                                    height={(y(limit) - y(snap.threads_wanted)).max(0.0).to_string()} class="wanted" />
                                <text x={(x - 4.0).to_string()} y="196" class="fail">{ "✕ threads" }</text>
                            }
                            <path class="peer" d={dots(left + 24, 30, added.min(100), |d| d >= lit)} />
                            <path class="peer known" d={dots(left + 24, 30, added.min(100), |d| d < lit)} />
                            <text x={x.to_string()} y="168" class="gauge-label">{ format!("lag {} min", run.servers.lag[i]) }</text>
                            <text x={x.to_string()} y="184" class="gauge-label">{ format!("{learned}/{added} new") }</text>
                        </g>
                    }
                }) }
                // Last, over the columns, with a halo: no bar or line runs through it.
                <text x={(COL_W * servers.len() + 36).to_string()} y={(y(limit) - 5.0).to_string()}
                    class="limit-text halo" text-anchor="end">{ format!("limit {limit} (assumed)") }</text>
            </svg>
            </div>
            <p class="small muted">
                { "Each column is one server: the bar is its threads (one per known peer, plus a base), the dots are the new servers it has learned of. AWS: servers learn of new peers over up to an hour; the per-server lag is the model's reading, and the thread numbers are assumed." }
            </p>
        </div>
    }
}
