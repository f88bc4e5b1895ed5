//! The fleet's words around the picture: the legend of what it shows at this minute, the
//! chosen server's details, and the histogram's limit line, axis and note.

use cascade_sim::clock::{self, Minute};
use cascade_sim::{Recording, ServerState};
use yew::prelude::*;

use super::paint::Layout;
use crate::draw::fleet_histogram as hist;
use crate::draw::look::{look_at, Look, LOOKS};
use crate::draw::palette::css;

/// Only what the fleet shows at this minute (servers not yet added included): a legend of
/// seven states, most at zero, says less than one of three.
pub(super) fn legend(run: &Recording, t: Minute, layout: &Layout) -> Html {
    let k = run.index_of(t);
    let counts: Vec<(Look, usize)> = LOOKS
        .iter()
        .map(|l| (*l, l.count(run, k) as usize))
        .filter(|(_, n)| *n > 0)
        .collect();
    let gauges = layout.grid.cell >= crate::draw::fleet_paint::GAUGE_CELL;
    html! {
        <ul class="legend states">
            { for counts.iter().map(|(s, n)| html! {
                <li><span class="swatch" style={format!("background:{}", css(s.rgb()))}></span>
                    { format!("{} ", s.label()) }<strong>{ n }</strong></li>
            }) }
            if gauges && !layout.arranged {
                <li><span class="swatch gauge"></span>{ "a serving server fills up as it uses its spare threads" }</li>
            }
            if !layout.arranged {
                <li><span class="swatch dot"></span>{ "new capacity (dot)" }</li>
            }
        </ul>
    }
}

/// The chosen server at minute `t`, or how to choose one.
pub(super) fn detail(run: &Recording, shown: Option<usize>, t: Minute) -> Html {
    let Some(s) = shown.and_then(|i| run.server_at(i, t)) else {
        return html! { <div class="server-detail muted hint">{ "Point at or tap a server to see it." }</div> };
    };
    let limit = run.scenario.threads.limit;
    let failing = s.threads_wanted > limit && s.state.running();
    let look = look_at(run, s.server as usize, t);
    let restarted = s.state == ServerState::Recovered;
    html! {
        <div class="server-detail" role="status">
            <strong>{ format!("Server {}{}", s.server, if s.added { " (new capacity)" } else { "" }) }</strong>
            <span>{ format!("{}{} since {}", look.label(), if restarted { " (restarted)" } else { "" }, clock::format(s.since)) }</span>
            <span>{ format!("{} threads of {} allowed; knows {} peers", s.threads, limit, s.known_peers) }</span>
            if failing {
                <span class="warn">{ format!("wants {}: {} thread creations fail", s.threads_wanted, s.threads_wanted - limit) }</span>
            }
        </div>
    }
}

/// The histogram's limit line label, on the side of the line with more room.
pub(super) fn limit_label(run: &Recording, layout: &Layout) -> Html {
    let limit = run.scenario.threads.limit;
    let at_rest = crate::draw::fleet_paint::floor(run);
    let at = layout.histogram.limit_at();
    let (class, style) = if at > 0.5 {
        (
            "limit-label to-left",
            format!("right:{:.2}%", 100.0 - at * 100.0),
        )
    } else {
        ("limit-label", format!("left:{:.2}%", at * 100.0))
    };
    html! {
        <span {class} {style}>
            { format!("limit {limit} threads") }<br />
            { format!("at rest a server wants {at_rest}: {} to spare (assumed)", limit.saturating_sub(at_rest)) }
        </span>
    }
}

/// The histogram's axis and the note that says how to read it.
pub(super) fn histogram_axis(run: &Recording, layout: &Layout) -> Html {
    let h = &layout.histogram;
    let limit = run.scenario.threads.limit;
    let dots = if h.per_dot == 1 {
        "one dot per server".to_string()
    } else {
        format!("one dot per {} servers", h.per_dot)
    };
    html! {
        <>
            <div class="hist-axis" aria-hidden="true">
                <span style="left:0%">{ h.lo }</span>
                <span style={format!("left:{:.2}%", h.limit_at() * 100.0)}>{ limit }</span>
                <span style="left:100%">{ h.lo + hist::BIN * h.bins as i64 }</span>
            </div>
            <p class="small muted hist-note">{ format!("Threads each running server wants, in columns of {} threads; {dots}. Left of the line a server has threads to spare; right of it, thread creations fail.", hist::BIN) }</p>
        </>
    }
}
