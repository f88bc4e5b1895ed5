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
use crate::fleet::Server;
use crate::fleet::ServerState;
use crate::milestones::Milestone;
use crate::recording::EventKind;
use crate::scenario::{Bootstrap, Scenario};
use crate::sim::{PassOut, Simulation, Tick};

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
    for (i, server) in sim.fleet.servers.iter_mut().enumerate() {
        let waiting = matches!(
            server.state,
            ServerState::Serving | ServerState::LimitHit | ServerState::Evicted
        );
        if waiting && !server.queued {
            server.queued = true;
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

/// Runs the per-server part of the phase: cold-start progress of every cold-starting server,
/// and health checks of the servers in rotation while the last minute's load may have
/// overloaded some (otherwise their overload counts are simply cleared once).
pub fn pass(sim: &mut Simulation, tick: &Tick, out: &mut PassOut) {
    let mut cold = std::mem::take(&mut sim.tallies.cold);
    for &i in &cold {
        let i = i as usize;
        cold_start(&mut sim.fleet.servers[i], i, tick, out);
    }
    // Only servers still cold-starting stay listed, so none is ever listed twice.
    cold.retain(|&i| sim.fleet.servers[i as usize].state == ServerState::ColdStart);
    sim.tallies.cold = cold;
    if tick.load_before > sim.weakest_capacity {
        sim.overload_counted = true;
        for (i, server) in sim.fleet.servers.iter_mut().enumerate() {
            if server.state.in_rotation() {
                health_check(server, i, tick, out);
            }
        }
    } else if sim.overload_counted {
        sim.overload_counted = false;
        for server in &mut sim.fleet.servers {
            server.overloaded_for = 0;
        }
    }
}

/// A server in rotation is judged on the last minute's load.
#[inline]
fn health_check(server: &mut Server, i: usize, tick: &Tick, out: &mut PassOut) {
    if tick.load_before > server.capacity {
        server.overloaded_for = server.overloaded_for.saturating_add(1);
        if server.overloaded_for >= tick.overload_min {
            evict(server, i, tick, out);
        }
    } else {
        server.overloaded_for = 0;
    }
}

/// A cold-starting server builds its map, unless it cannot create the threads for its peers.
#[inline]
fn cold_start(server: &mut Server, i: usize, tick: &Tick, out: &mut PassOut) {
    if server.state != ServerState::ColdStart {
        return;
    }
    if !server.over_limit {
        server.progress += tick.cold_start_step;
    }
    if server.progress >= 1.0 {
        server.last_good_map = tick.t;
        out.set(server, i, ServerState::Recovered, tick.t);
        out.stats.cold_starts_done += 1;
    } else if tick.t - server.since >= tick.cold_start_deadline {
        evict(server, i, tick, out);
    }
}

fn evict(server: &mut Server, i: usize, tick: &Tick, out: &mut PassOut) {
    out.set(server, i, ServerState::Evicted, tick.t);
    server.overloaded_for = 0;
    server.progress = 0.0;
    out.evicted.push(i as u32);
}

/// The bookkeeping of an eviction: counted, and queued to be restarted again.
pub fn evicted(sim: &mut Simulation, i: usize) {
    sim.restart.evicted_now += 1;
    sim.restart.evicted_total += 1;
    if sim.restart.active && !sim.fleet.servers[i].queued {
        sim.fleet.servers[i].queued = true;
        sim.restart.queue.push_back(i as u32);
    }
}

/// The operators' part, run with the other operator actions at the start of the minute: pause
/// after too many evictions in the last minutes, otherwise restart the next servers.
pub fn operators(sim: &mut Simulation) {
    operators_pause(sim);
    start_restarts(sim);
}

/// Runs the phase for the fleet, after every server: evictions counted, milestones, events.
pub fn after(sim: &mut Simulation) {
    if sim.tick_stats.cold_starts_done > 0 {
        sim.milestone(Milestone::FirstTrafficAfterRestart);
    }
    let slot = (sim.t.rem_euclid(EVICTION_WINDOW as Minute)) as usize;
    sim.restart.recent_evictions[slot] = sim.restart.evicted_now;
    completion(sim);
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
        let t = sim.t;
        let server = &mut sim.fleet.servers[i];
        server.queued = false;
        if !matches!(
            server.state,
            ServerState::Serving | ServerState::LimitHit | ServerState::Evicted
        ) {
            continue;
        }
        // Its peers and threads follow in this minute's discovery and thread phases, from the
        // membership as it boots.
        server.boot = t;
        server.progress = 0.0;
        server.overloaded_for = 0;
        sim.set_state(i, ServerState::ColdStart);
        sim.dirty.push(i as u32);
        sim.restart.tokens -= 1.0;
    }
    if sim.restart.queue.is_empty() {
        // Tokens do not pile up while there is nothing to restart.
        sim.restart.tokens = sim.restart.tokens.min(1.0);
    }
}

fn operators_pause(sim: &mut Simulation) {
    // This minute's slot still holds the count of EVICTION_WINDOW minutes ago: start it afresh.
    let slot = (sim.t.rem_euclid(EVICTION_WINDOW as Minute)) as usize;
    sim.restart.recent_evictions[slot] = 0;
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
    let busy =
        sim.counts[ServerState::ColdStart as usize] + sim.counts[ServerState::Evicted as usize] > 0;
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
