//! Phase 4, shard-map construction and routing. A server under the limit rebuilds its map
//! continuously, so its last good build is always the minute before it hit the limit. A server past the limit keeps routing with its last good map,
//! which decays two ways (both assumed; AWS only says the maps became "useless"):
//!
//! * churn: shard ownership moves at `churn_per_hour`, so after `a` minutes a share
//!   `1 - exp(-churn * a / 60)` of the entries point to the wrong back-end cluster;
//! * expiry: entries are leases of `lease_min`, renewed at spread times within the last
//!   `renew_spread_min` of the cycle, so they expire between `lease - spread` and `lease`
//!   minutes after the last good build and the map becomes useless.
//!
//! The expiry is what produces the lag between servers crossing the limit (from about 03:30)
//! and the first alarm (05:15): errors stay low while the leases hold, then rise steeply.

use crate::clock::Minute;
use crate::fleet::Server;
use crate::fleet::{ServerState, NEVER};
use crate::scenario::Scenario;
use crate::sim::Simulation;

/// A past-the-limit server whose old map sends at least this share of its requests to the wrong
/// place is counted (and drawn) as failing; below it, as past the limit but still routing. A
/// way of showing the model, not a mechanism: the routing itself uses the share as it is.
pub const FAILING_SHARE: f64 = 0.5;

/// The age (minutes since its last good build) from which a map counts as failing: the first
/// whole minute at which it misroutes [`FAILING_SHARE`] or more, read from the run's
/// `misroute_table` (the one routing uses), or past the table's end if it never does. A map
/// misroutes more as it ages, so this one number classifies every past-the-limit server.
pub fn failing_age(table: &[f32]) -> Minute {
    let age = table
        .iter()
        .position(|m| f64::from(*m) >= FAILING_SHARE)
        .unwrap_or(table.len());
    Minute::try_from(age).unwrap_or(Minute::MAX)
}

/// Past-the-limit servers whose map counts as failing at `t` (see [`FAILING_SHARE`]): those
/// with no map at all and those whose last good build is at least `failing_age` old.
pub fn failing_maps(sim: &Simulation) -> u32 {
    sim.tallies
        .failing_maps
        .iter()
        .filter(|(&last_good, _)| last_good == NEVER || sim.t - last_good >= sim.map_failing_age)
        .map(|(_, &n)| n)
        .sum()
}

/// Runs the phase for the fleet: the requests routed right this minute, for the traffic phase.
pub fn run(sim: &mut Simulation) {
    sim.routed_right = routed_right(sim);
}

/// Share of requests misrouted by a map `age_min` minutes past its last good build.
pub fn misroute(s: &Scenario, age_min: f64) -> f64 {
    let age = age_min.max(0.0);
    let churned = 1.0 - libm::exp(-s.shardmap.churn_per_hour * age / 60.0);
    let lease = f64::from(s.shardmap.lease_min);
    let spread = f64::from(s.shardmap.renew_spread_min.min(s.shardmap.lease_min));
    let expired = if spread > 0.0 {
        ((age - (lease - spread)) / spread).clamp(0.0, 1.0)
    } else if age >= lease {
        1.0
    } else {
        0.0
    };
    1.0 - (1.0 - churned) * (1.0 - expired)
}

/// `misroute` for every whole minute of age up to `len - 1`, computed once per run.
pub fn misroute_table(s: &Scenario, len: usize) -> Vec<f32> {
    (0..len).map(|a| misroute(s, a as f64) as f32).collect()
}

/// Routing: the requests routed right by the servers in rotation, in servers' worth of
/// requests, before any overload. A good map routes everything; a failing one by its age. The
/// failing maps are counted by the minute of their last good build, so this costs one term per
/// such minute, not one per server. A server that booted past the limit has no map at all.
pub fn routed_right(sim: &Simulation) -> f64 {
    let good =
        sim.counts[ServerState::Serving as usize] + sim.counts[ServerState::Recovered as usize];
    let table = &sim.misroute_by_age;
    let failing: f64 = sim
        .tallies
        .failing_maps
        .iter()
        .filter(|(&last_good, _)| last_good != NEVER)
        .map(|(&last_good, &n)| f64::from(n) * (1.0 - misroute_at(table, sim.t - last_good)))
        .sum();
    f64::from(good) + failing
}

/// Share of one server's requests routed right, for the rare minutes when servers are
/// overloaded and each must be looked at.
pub fn server_routed_right(server: &Server, t: Minute, table: &[f32]) -> f64 {
    match server.state {
        ServerState::Serving | ServerState::Recovered => 1.0,
        ServerState::LimitHit if server.last_good_map == NEVER => 0.0,
        ServerState::LimitHit => 1.0 - misroute_at(table, t - server.last_good_map),
        _ => 0.0,
    }
}

fn misroute_at(table: &[f32], age: Minute) -> f64 {
    let last = table.len().saturating_sub(1);
    let age = (age.max(0) as usize).min(last);
    f64::from(table.get(age).copied().unwrap_or(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_map_routes_everything() {
        assert_eq!(misroute(&Scenario::default(), 0.0), 0.0);
    }

    #[test]
    fn errors_stay_low_while_leases_hold_then_the_map_is_useless() {
        let s = Scenario::default();
        let before = f64::from(s.shardmap.lease_min - s.shardmap.renew_spread_min);
        assert!(misroute(&s, before) < s.alarm.error_threshold);
        assert_eq!(misroute(&s, f64::from(s.shardmap.lease_min)), 1.0);
        let mut last = 0.0;
        for a in 0..300 {
            let m = misroute(&s, f64::from(a));
            assert!(m >= last && m <= 1.0);
            last = m;
        }
    }

    #[test]
    fn zero_spread_is_a_step() {
        let mut s = Scenario::default();
        s.shardmap.renew_spread_min = 0;
        s.shardmap.churn_per_hour = 0.0;
        let lease = f64::from(s.shardmap.lease_min);
        assert_eq!(misroute(&s, lease - 1.0), 0.0);
        assert_eq!(misroute(&s, lease), 1.0);
    }
}
