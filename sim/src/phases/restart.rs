//! Phase 5, restarts, cold start and health checks.
//!
//! Operators restart servers from a queue at `per_hour`. A restarted server reads the current
//! membership, then builds its shard-map: `cold_start_*_min` minutes of work at full speed. With
//! the peer bootstrap every cold-starting server makes each serving peer stream its state, which
//! costs the peer `peer_stream_cost` of its capacity; peers only give what requests leave spare,
//! so when too many servers cold-start at once, the stream is short, cold starts slow down, and
//! servers whose load exceeds their capacity turn slow. AWS: "bringing front-end servers back
//! online too quickly would create contention ... these slow front-end servers could be deemed
//! unhealthy and removed from the fleet, which in turn, would set back the recovery process."
//!
//! Health checks judge the load of the last minute: a server overloaded for `overload_min`
//! minutes, or cold-starting for longer than `cold_start_deadline_min`, is evicted and queued to
//! be restarted again. When many are evicted, operators pause and go on more slowly.

use std::collections::VecDeque;

use crate::clock::Minute;
use crate::fleet::ServerState;
use crate::milestones::Milestone;
use crate::phases::threads::threads_for;
use crate::recording::EventKind;
use crate::scenario::{Bootstrap, Scenario};
use crate::sim::Simulation;

/// Minutes over which evictions are counted for the operators' pause.
pub const EVICTION_WINDOW: usize = 30;

/// The restart in progress.
#[derive(Debug, Clone)]
pub struct RestartState {
    /// Whether the operators are restarting the fleet.
    pub active: bool,
    /// Restart rate in force (servers per hour).
    pub rate: f64,
    /// Fractional servers owed to the restart.
    pub tokens: f64,
    /// Servers waiting to be restarted, in order.
    pub queue: VecDeque<u32>,
    /// No new restarts before this minute (operators' pause).
    pub paused_until: Option<Minute>,
    /// Evictions per minute over the last `EVICTION_WINDOW` minutes (ring buffer).
    pub recent_evictions: [u32; EVICTION_WINDOW],
    /// Evictions this minute.
    pub evicted_now: u32,
    /// Evictions in the whole run.
    pub evicted_total: u32,
    /// Whether the completion of the restart was logged.
    pub done_logged: bool,
}

impl RestartState {
    /// The restart of a scenario before it starts.
    pub fn new(s: &Scenario) -> Self {
        Self {
            active: false,
            rate: s.restart.per_hour,
            tokens: 0.0,
            queue: VecDeque::new(),
            paused_until: None,
            recent_evictions: [0; EVICTION_WINDOW],
            evicted_now: 0,
            evicted_total: 0,
            done_logged: false,
        }
    }
}

/// Cold-start work at full speed, in minutes, for this scenario's bootstrap.
pub fn cold_start_work(s: &Scenario) -> f64 {
    if uses_peer_streams(s) {
        s.restart.cold_start_peers_min
    } else {
        s.restart.cold_start_metadata_min
    }
}

/// Whether cold-starting servers draw their shard-map from the serving peers.
pub fn uses_peer_streams(s: &Scenario) -> bool {
    s.restart.bootstrap == Bootstrap::Peers && !s.shardmap.dedicated_fleet
}

/// Starts the restart: every server of the fleet joins the queue, in order.
pub fn begin(sim: &mut Simulation) {
    if sim.restart.active {
        return;
    }
    sim.restart.active = true;
    for i in 0..sim.fleet.len() {
        let waiting = matches!(
            sim.fleet.state[i],
            ServerState::Serving | ServerState::LimitHit | ServerState::Evicted
        );
        if waiting && !sim.fleet.queued[i] {
            sim.fleet.queued[i] = true;
            sim.restart.queue.push_back(i as u32);
        }
    }
    sim.milestone(Milestone::RestartStarted);
    let n = sim.restart.queue.len();
    let rate = sim.restart.rate;
    sim.log(
        EventKind::Operator,
        format!("Full restart of the front-end fleet begins: {n} servers at {rate:.0} per hour"),
        "AWS summary: root cause confirmed at 09:39 PST; 'proceeded with the restart'",
    );
}

/// Changes the restart rate (a lever during playback in the app).
pub fn set_rate(sim: &mut Simulation, per_hour: f64) {
    if per_hour.is_finite() && per_hour > 0.0 {
        sim.restart.rate = per_hour;
    }
}

/// Runs the phase.
pub fn run(sim: &mut Simulation) {
    sim.restart.evicted_now = 0;
    health_checks(sim);
    cold_starts(sim);
    start_restarts(sim);
    operators_pause(sim);
    completion(sim);
}

fn evict(sim: &mut Simulation, i: usize) {
    sim.set_state(i, ServerState::Evicted);
    sim.fleet.overloaded_for[i] = 0;
    sim.fleet.progress[i] = 0.0;
    sim.restart.evicted_now += 1;
    sim.restart.evicted_total += 1;
    if sim.restart.active && !sim.fleet.queued[i] {
        sim.fleet.queued[i] = true;
        sim.restart.queue.push_back(i as u32);
    }
}

fn health_checks(sim: &mut Simulation) {
    let load = sim.traffic.load as f32;
    let limit = sim.scenario.health.overload_min.min(255) as u8;
    for i in 0..sim.fleet.len() {
        if !sim.fleet.state[i].in_rotation() {
            continue;
        }
        if load > sim.fleet.capacity[i] {
            sim.fleet.overloaded_for[i] = sim.fleet.overloaded_for[i].saturating_add(1);
            if sim.fleet.overloaded_for[i] >= limit {
                evict(sim, i);
            }
        } else {
            sim.fleet.overloaded_for[i] = 0;
        }
    }
}

fn cold_starts(sim: &mut Simulation) {
    let work = cold_start_work(&sim.scenario).max(1e-9);
    let step = (sim.traffic.supply / work) as f32;
    let deadline = sim.scenario.health.cold_start_deadline_min as Minute;
    let limit = sim.scenario.threads.limit;
    for i in 0..sim.fleet.len() {
        if sim.fleet.state[i] != ServerState::ColdStart {
            continue;
        }
        // A server that cannot create the threads for its peers cannot finish its map.
        let over = threads_for(&sim.scenario, sim.fleet.known[i]).0 > limit;
        if !over {
            sim.fleet.progress[i] += step;
        }
        if sim.fleet.progress[i] >= 1.0 {
            sim.fleet.last_good_map[i] = sim.t;
            sim.set_state(i, ServerState::Recovered);
            sim.milestone(Milestone::FirstTrafficAfterRestart);
        } else if sim.t - sim.fleet.since[i] >= deadline {
            evict(sim, i);
        }
    }
}

fn start_restarts(sim: &mut Simulation) {
    if !sim.restart.active || sim.restart.paused_until.is_some_and(|p| sim.t < p) {
        return;
    }
    sim.restart.tokens += sim.restart.rate / 60.0;
    while sim.restart.tokens >= 1.0 {
        let Some(next) = sim.restart.queue.pop_front() else {
            break;
        };
        let i = next as usize;
        sim.fleet.queued[i] = false;
        if !matches!(
            sim.fleet.state[i],
            ServerState::Serving | ServerState::LimitHit | ServerState::Evicted
        ) {
            continue;
        }
        sim.fleet.boot[i] = sim.t;
        sim.fleet.progress[i] = 0.0;
        sim.fleet.overloaded_for[i] = 0;
        sim.set_state(i, ServerState::ColdStart);
        sim.restart.tokens -= 1.0;
    }
    if sim.restart.queue.is_empty() {
        // Tokens do not pile up while there is nothing to restart.
        sim.restart.tokens = sim.restart.tokens.min(1.0);
    }
}

fn operators_pause(sim: &mut Simulation) {
    let slot = (sim.t.rem_euclid(EVICTION_WINDOW as Minute)) as usize;
    sim.restart.recent_evictions[slot] = sim.restart.evicted_now;
    if !sim.restart.active || sim.restart.paused_until.is_some_and(|p| sim.t < p) {
        return;
    }
    let recent: u32 = sim.restart.recent_evictions.iter().sum();
    if recent < sim.scenario.restart.backoff_evictions {
        return;
    }
    let pause = sim.scenario.restart.backoff_pause_min as Minute;
    sim.restart.paused_until = Some(sim.t + pause);
    sim.restart.recent_evictions = [0; EVICTION_WINDOW];
    let new_rate = (sim.restart.rate * sim.scenario.restart.backoff_factor).max(1.0);
    sim.restart.rate = new_rate;
    sim.log(
        EventKind::Operator,
        format!(
            "Health checks removed {recent} slow servers in {EVICTION_WINDOW} minutes: operators pause the restart for {pause} minutes, then go on at {new_rate:.0} per hour"
        ),
        "model (AWS: slow servers 'could be deemed unhealthy and removed', setting back recovery)",
    );
}

fn completion(sim: &mut Simulation) {
    if !sim.restart.active || sim.restart.done_logged || !sim.restart.queue.is_empty() {
        return;
    }
    let busy = sim
        .fleet
        .state
        .iter()
        .any(|s| matches!(s, ServerState::ColdStart | ServerState::Evicted));
    if !busy {
        sim.restart.done_logged = true;
        let evicted = sim.restart.evicted_total;
        sim.log(
            EventKind::Fleet,
            format!("Every front-end server has been restarted ({evicted} health-check evictions on the way)"),
            "model",
        );
    }
}
