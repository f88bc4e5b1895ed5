//! The operators' side of the restart (part of phase 1): restarting the next servers from the
//! queue at the rate in force, and pacing that rate on what they observe, evictions of the
//! servers they restarted and the servers that came back. The policy is the model's, labelled as
//! assumed; see `restart.rs` for the whole of it and `sim/tests/whatifs.rs` for the range of its
//! constants the conclusions hold over.

use crate::clock::Minute;
use crate::fleet::{ServerState, NEVER};
use crate::phases::restart::{draw_work, PACE_HISTORY};
use crate::recording::EventKind;
use crate::rng::{streams, Rng};
use crate::sim::Simulation;

/// The operators' part, run with the other operator actions at the start of the minute: pause
/// after too many evictions in the window, otherwise restart the next servers.
pub fn operators(sim: &mut Simulation) {
    // This minute's slot still holds the count of `PACE_HISTORY` minutes ago: start it afresh.
    let slot = sim.t.rem_euclid(PACE_HISTORY as Minute) as usize;
    sim.restart.recent_evictions[slot] = 0;
    sim.restart.recent_joined[slot] = 0;
    pace(sim);
    start_restarts(sim);
}

fn start_restarts(sim: &mut Simulation) {
    if !sim.restart.active || sim.restart.paused(sim.t) {
        return;
    }
    let jitter = sim.scenario.restart.rate_jitter;
    let u = Rng::derived(sim.scenario.seed, streams::OPERATORS, sim.t as u32 as u64).next_f64();
    sim.restart.tokens += sim.restart.rate / 60.0 * (1.0 + jitter * (2.0 * u - 1.0));
    while sim.restart.tokens >= 1.0 {
        let Some(next) = sim.restart.queue.pop_front() else {
            break;
        };
        let i = next as usize;
        let t = sim.t;
        let work = draw_work(&sim.scenario, i, t);
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

fn pace(sim: &mut Simulation) {
    let t = sim.t;
    if !sim.restart.active || sim.restart.paused(t) {
        return;
    }
    if sim.restart.paused_until == Some(t) {
        // Judged afresh after a pause: what happens to the servers restarted before it was the
        // old rate's doing.
        sim.restart.recent_evictions.fill(0);
        sim.restart.recent_joined.fill(0);
        sim.restart.judged_from = t;
        return;
    }
    let p = sim.scenario.restart.clone();
    let window = p.pace_window_min;
    let recent = last_minutes(&sim.restart.recent_evictions, t, window);
    if recent < p.pace_evictions {
        // A whole window without a setback: go a step faster, up to the planned rate.
        let calm = t - sim.restart.paced_at >= window as Minute;
        if calm && sim.restart.paced_at != NEVER {
            sim.restart.known_good = sim.restart.known_good.max(sim.restart.rate);
            sim.restart.rate = (sim.restart.rate + p.pace_step_per_hour).min(sim.restart.ceiling);
            sim.restart.paced_at = t;
        }
        return;
    }
    let joined = last_minutes(&sim.restart.recent_joined, t, window);
    // The rate that caused the setback is not tried again: from now on the operators go at
    // most at the fastest rate that went a whole window without one, and a step below this one.
    let failed = sim.restart.rate;
    let mut ceiling = sim.restart.ceiling.min(failed - p.pace_step_per_hour);
    if sim.restart.known_good > 0.0 {
        ceiling = ceiling.min(sim.restart.known_good);
    }
    let ceiling = ceiling.max(p.pace_min_per_hour);
    sim.restart.ceiling = ceiling;
    sim.restart.known_good = sim.restart.known_good.min(ceiling);
    let new_rate = (failed * p.pace_backoff)
        .min(ceiling)
        .max(p.pace_min_per_hour);
    let pause = p.pace_pause_min as Minute;
    sim.restart.paused_until = Some(t + pause);
    sim.restart.paced_at = t + pause;
    sim.restart.rate = new_rate;
    sim.restart.recent_evictions.fill(0);
    sim.restart.recent_joined.fill(0);
    sim.log(
        EventKind::Operator,
        format!(
            "Health checks removed {recent} restarted servers in {window} minutes ({joined} joined rotation): operators pause the restart for {pause} minutes, then go on at {new_rate:.0} per hour, and {:.0} per hour faster after each calm {window} minutes, up to {ceiling:.0} per hour",
            p.pace_step_per_hour
        ),
        "model's pacing policy (AWS: slow servers 'could be deemed unhealthy and removed', setting back recovery)",
    );
}
