//! How a server looks on the fleet, in the legend and on the servers-by-state chart: the model's
//! state, with a server past the thread limit split by whether its old shard-map still routes
//! (the hours between the limit and the alarm) or no longer does, and a restarted server drawn
//! as serving, like any other. Pure, so the picture is checked against the series natively.

use cascade_sim::clock::Minute;
use cascade_sim::{Recording, ServerState};

use crate::draw::palette::{
    Rgb, BLUE, DARK_GREY, GREY, ORANGE, REDDISH_PURPLE, VERMILLION, YELLOW,
};

/// What a server shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Look {
    /// Serving with a good shard-map (before the outage or again after a restart).
    Serving,
    /// Past the thread limit: its map is no longer rebuilt, but the old one still routes.
    PastLimit,
    /// Past the limit with a map too old to route most requests: its requests fail.
    MapFailing,
    /// Restarted and building its map.
    ColdStart,
    /// Removed by a health check; waits to be restarted again.
    Evicted,
    /// Taken out of the fleet.
    Removed,
    /// Not added yet.
    Pending,
}

/// Every look, in the order the legend and the chart's stack use (the chart stacks from the
/// first up; pending servers are not stacked).
pub const LOOKS: [Look; 7] = [
    Look::Serving,
    Look::PastLimit,
    Look::MapFailing,
    Look::ColdStart,
    Look::Evicted,
    Look::Removed,
    Look::Pending,
];

impl Look {
    /// Words for the legend, the chart's table and the close-up.
    pub fn label(self) -> &'static str {
        match self {
            Look::Serving => "serving",
            Look::PastLimit => "past the thread limit, old map still routing",
            Look::MapFailing => "map too old: requests fail",
            Look::ColdStart => "restarting: cold start, building its map",
            Look::Evicted => "evicted by a health check",
            Look::Removed => "removed",
            Look::Pending => "not yet added",
        }
    }

    /// Its colour: each colour means one thing everywhere (see `palette.rs`).
    pub fn rgb(self) -> Rgb {
        match self {
            Look::Serving => BLUE,
            Look::PastLimit => ORANGE,
            Look::MapFailing => VERMILLION,
            Look::ColdStart => YELLOW,
            Look::Evicted => REDDISH_PURPLE,
            Look::Removed => DARK_GREY,
            Look::Pending => GREY,
        }
    }

    /// How many servers look like this at row `k` of the run's series.
    pub fn count(self, run: &Recording, k: usize) -> f32 {
        let s = &run.series;
        let at = |v: &[f32]| v.get(k).copied().unwrap_or(0.0);
        match self {
            Look::Serving => at(&s.servers_serving) + at(&s.servers_recovered),
            Look::PastLimit => at(&s.servers_limit_hit) - at(&s.servers_map_failing),
            Look::MapFailing => at(&s.servers_map_failing),
            Look::ColdStart => at(&s.servers_cold_start),
            Look::Evicted => at(&s.servers_evicted),
            Look::Removed => at(&s.servers_removed),
            Look::Pending => at(&s.servers_pending),
        }
    }
}

/// How server `i` looks at `t`.
pub fn look_at(run: &Recording, i: usize, t: Minute) -> Look {
    match run.state_at(i, t) {
        None | Some((ServerState::Pending, _)) => Look::Pending,
        Some((ServerState::Serving | ServerState::Recovered, _)) => Look::Serving,
        Some((ServerState::LimitHit, since)) if run.map_failing(i, t, since) => Look::MapFailing,
        Some((ServerState::LimitHit, _)) => Look::PastLimit,
        Some((ServerState::ColdStart, _)) => Look::ColdStart,
        Some((ServerState::Evicted, _)) => Look::Evicted,
        Some((ServerState::Removed, _)) => Look::Removed,
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use cascade_sim::clock::at;
    use cascade_sim::{presets, run};

    #[test]
    fn the_servers_looks_add_up_to_the_series_at_every_hour() {
        let Ok(r) = presets::scenario("historical").and_then(|s| run(&s)) else {
            panic!("the historical run failed");
        };
        for h in 0..26 {
            let t = at(h, 0);
            let k = r.index_of(t);
            for look in LOOKS {
                let n = (0..r.server_count())
                    .filter(|&i| look_at(&r, i, t) == look)
                    .count();
                assert_eq!(n as f32, look.count(&r, k), "{look:?} at {h}:00");
            }
        }
    }

    #[test]
    fn at_half_past_three_servers_past_the_limit_still_route_and_each_colour_is_one_look() {
        let Ok(r) = presets::scenario("historical").and_then(|s| run(&s)) else {
            panic!("the historical run failed");
        };
        let k = r.index_of(at(3, 30));
        assert!(Look::PastLimit.count(&r, k) > 500.0);
        assert!(Look::MapFailing.count(&r, k) < 100.0);
        let mut colours: Vec<Rgb> = LOOKS.iter().map(|l| l.rgb()).collect();
        colours.dedup();
        colours.sort_unstable();
        colours.dedup();
        assert_eq!(colours.len(), LOOKS.len());
    }
}
