//! The operators' side of the restart (part of phase 1): restarting the next servers from the
//! queue at the rate in force, and pacing that rate on what they observe. The pacing is a
//! feedback loop reviewed every `pace_window_min` from the restart's start: the restarted servers
//! health checks removed since the last review slow the restart (and pause it) in proportion,
//! a review without any speeds it up again towards the planned rate. The policy is the model's,
//! labelled as assumed; `sim/tests/whatifs.rs` checks the range of its constants the conclusions
//! hold over, and `sim/tests/knife_edges.rs` that recovery moves smoothly with each of them.

use crate::clock::Minute;
use crate::fleet::{ServerState, NEVER};
use crate::phases::restart::{draw_work, PACE_HISTORY};
use crate::recording::EventKind;
use crate::rng::{streams, Rng};
use crate::scenario::Restart;
use crate::sim::Simulation;

/// The operators' part, run with the other operator actions at the start of the minute: review
/// the pace when a review is due, otherwise restart the next servers.
pub fn operators(sim: &mut Simulation) {
    // This minute's slot still holds the count of `PACE_HISTORY` minutes ago: start it afresh.
    let slot = sim.t.rem_euclid(PACE_HISTORY as Minute) as usize;
    sim.restart.recent_evictions[slot] = 0;
    review(sim);
    start_restarts(sim);
}

fn start_restarts(sim: &mut Simulation) {
    if !sim.restart.active || sim.restart.paused(sim.t) {
        return;
    }
    let jitter = sim.scenario.restart.rate_jitter;
    let since = sim.t - sim.restart.began_at;
    let u = Rng::derived(sim.scenario.seed, streams::OPERATORS, since as u32 as u64).next_f64();
    sim.restart.tokens += sim.restart.rate / 60.0 * (1.0 + jitter * (2.0 * u - 1.0));
    while sim.restart.tokens >= 1.0 {
        let Some(next) = sim.restart.queue.pop_front() else {
            break;
        };
        let i = next as usize;
        let t = sim.t;
        let work = draw_work(&sim.scenario, i, since);
        let server = &mut sim.fleet.servers[i];
        server.queued = false;
        if !matches!(
            server.state,
            ServerState::Serving
                | ServerState::LimitHit
                | ServerState::Evicted
                | ServerState::Recovered
        ) {
            continue;
        }
        // Its peers and threads follow in this minute's discovery and thread phases, from the
        // membership as it boots.
        server.boot = t;
        server.progress = 0.0;
        server.overloaded_for = 0;
        server.work = work;
        server.warm_until = NEVER;
        sim.set_state(i, ServerState::ColdStart);
        sim.dirty.push(i as u32);
        sim.restart.tokens -= 1.0;
    }
    if sim.restart.queue.is_empty() {
        // Tokens do not pile up while there is nothing to restart.
        sim.restart.tokens = sim.restart.tokens.min(1.0);
    }
}

/// Sum of the last `window` minutes of a pacing ring buffer, this minute excluded.
fn last_minutes(ring: &[u32], t: Minute, window: u32) -> u32 {
    let n = ring.len() as Minute;
    (1..=window.min(ring.len() as u32 - 1) as Minute)
        .map(|k| ring[(t - k).rem_euclid(n) as usize])
        .sum()
}

/// What one review decides: the next rate, and how long to pause first (minutes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    /// Rate from now on (servers per hour).
    pub rate: f64,
    /// Minutes without new restarts first.
    pub pause: Minute,
}

/// The review of a restart going at `rate` that saw `evictions` restarted servers removed
/// since the last one: a setback's worth (`pace_evictions`) slows it by the back-off and
/// pauses it in full, a part of one by the same part, and none speeds it up by a step. Every
/// input moves the outcome a little at a time: there is no threshold.
pub fn paced(p: &Restart, rate: f64, evictions: u32) -> Pace {
    let pressure = f64::from(evictions) / f64::from(p.pace_evictions.max(1));
    let slowed = rate * p.pace_backoff.powf(pressure);
    let step = p.pace_step_per_hour * (1.0 - pressure).max(0.0);
    let rate = (slowed + step)
        .min(p.per_hour)
        .max(p.pace_min_per_hour.min(p.per_hour));
    let pause = (f64::from(p.pace_pause_min) * pressure.min(1.0)).round() as Minute;
    Pace { rate, pause }
}

fn review(sim: &mut Simulation) {
    let t = sim.t;
    if !sim.restart.active || sim.restart.paused(t) {
        return;
    }
    let p = &sim.scenario.restart;
    let window = p.pace_window_min.max(1) as Minute;
    let since = t - sim.restart.began_at;
    if since == 0 || since % window != 0 {
        return;
    }
    let evictions = last_minutes(&sim.restart.recent_evictions, t, window as u32);
    let before = sim.restart.rate;
    let pace = paced(p, before, evictions);
    sim.restart.rate = pace.rate;
    if pace.pause > 0 {
        sim.restart.paused_until = Some(t + pace.pause);
    }
    if evictions < p.pace_evictions {
        return;
    }
    let (pause, rate) = (pace.pause, pace.rate);
    sim.log(
        EventKind::Operator,
        format!(
            "Health checks removed {evictions} restarted servers in {window} minutes: operators pause the restart for {pause} minutes and go on at {rate:.0} per hour, faster again after each review without evictions"
        ),
        "model's pacing policy (AWS: slow servers 'could be deemed unhealthy and removed', setting back recovery)",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pace_moves_a_little_with_each_eviction() {
        let p = Restart::default();
        let calm = paced(&p, 200.0, 0);
        assert_eq!(calm.pause, 0);
        assert!((calm.rate - 250.0).abs() < 1e-9, "{calm:?}");
        let setback = paced(&p, 290.0, p.pace_evictions);
        assert_eq!(setback.pause, p.pace_pause_min as Minute);
        assert!((setback.rate - 290.0 * p.pace_backoff).abs() < 1e-9);
        let mut last = paced(&p, 290.0, 0).rate;
        for e in 1..=3 * p.pace_evictions {
            let next = paced(&p, 290.0, e).rate;
            assert!(next <= last && last - next < 20.0, "{e}: {last} to {next}");
            last = next;
        }
    }

    #[test]
    fn the_pace_stays_between_the_floor_and_the_plan() {
        let p = Restart::default();
        assert_eq!(paced(&p, p.per_hour, 0).rate, p.per_hour);
        assert_eq!(paced(&p, 60.0, 1_000).rate, p.pace_min_per_hour);
    }
}
