//! Phase 5, restarts, cold start and health checks.
//!
//! Operators restart servers from a queue at the rate in force. A restarted server reads the
//! current membership, then reads its shard-map from the bootstrap source: `cold_start_*_min`
//! minutes of work at full speed, drawn per cold start within `cold_start_spread`. Every source
//! has finite capacity:
//!
//! * the metadata store (as on the day) serves `metadata_store_capacity` bootstraps at full
//!   speed; when more servers cold-start at once, they share it and each goes slower;
//! * with the peer bootstrap every cold-starting server makes each serving peer stream its
//!   state, which costs the peer `peer_stream_cost` of its capacity; peers only give what
//!   requests leave spare, so cold starts slow down when too many run at once.
//!
//! A server whose bootstrap is done joins rotation but spends its first `warmup_min` minutes
//! completing its shard-map, which takes `warmup_cost` of its capacity, plus `churn_cost` for
//! every server joining or leaving rotation around it per minute: AWS, "the resources within a
//! front-end server that are used to populate the shard-map compete with the resources that are
//! used to process incoming requests". The faster the restart, the more churn, so the rate that
//! keeps warming servers healthy is a few hundred an hour. A server that boots past the thread
//! limit cannot build its map at all and joins rotation with a useless one.
//!
//! Health checks judge the load of the last minute: a server in rotation whose load (requests,
//! plus its warm-up if it is warming) exceeded its capacity for `overload_min` minutes, or a
//! bootstrap longer than `cold_start_deadline_min`, is evicted and queued to be restarted again.
//! The more servers wait or cold-start out of rotation, the more load falls on each server in
//! rotation, so restarting too fast makes warming servers slow, and each eviction takes one more
//! server out of rotation: AWS, "these slow front-end servers could be deemed unhealthy and
//! removed from the fleet, which in turn, would set back the recovery process".
//!
//! The operators pace themselves (`pacing.rs`), a feedback loop on what they observe: every
//! `pace_window_min` they count the restarted servers health checks removed since the last
//! review. `pace_evictions` of them is a setback: they pause for `pace_pause_min` and go on at
//! `pace_backoff` times the rate; fewer evictions slow and pause them in proportion, and none
//! lets them go `pace_step_per_hour` faster, up to the planned rate (never slower than
//! `pace_min_per_hour`). No setback caps the rate for good. That is the model's policy,
//! labelled as assumed; the what-if tests check that its conclusions hold over a range of its
//! constants, and `sim/tests/knife_edges.rs` that recovery moves smoothly with each of them.
//!
//! The operators restart the servers that are broken (past the thread limit or evicted): on the
//! day, every one. The wrong fix (memory pressure) restarts every running server.

use std::collections::VecDeque;

use crate::clock::Minute;
use crate::fleet::{Server, ServerState, NEVER};
use crate::milestones::Milestone;
use crate::recording::EventKind;
use crate::rng::{streams, Rng};
use crate::scenario::{Bootstrap, Scenario};
use crate::sim::{PassOut, Simulation, Tick};

/// Minutes of evictions and healthy returns kept for the operators' pacing (the longest window
/// `restart.pace_window_min` allows).
pub const PACE_HISTORY: usize = 240;

/// The restart in progress.
#[derive(Debug, Clone)]
pub struct RestartState {
    /// Whether the operators are restarting the fleet.
    pub active: bool,
    /// Whether the restart in progress applies the wrong fix (memory pressure): each server is
    /// restarted once, and failures are not queued again.
    pub wrong_fix: bool,
    /// How many restarts of the fleet have begun.
    pub restarts_begun: u32,
    /// Restart rate in force (servers per hour).
    pub rate: f64,
    /// Fractional servers owed to the restart.
    pub tokens: f64,
    /// Servers waiting to be restarted, in order.
    pub queue: VecDeque<u32>,
    /// No new restarts before this minute (operators' pause).
    pub paused_until: Option<Minute>,
    /// Evictions per minute over the last `PACE_HISTORY` minutes (ring buffer).
    pub recent_evictions: Vec<u32>,
    /// Evictions this minute of servers restarted in this restart: what the operators hold
    /// against the rate in force.
    pub evicted_now: u32,
    /// Minute this restart began: the pacing reviews it every window from then on, and the
    /// draws of its unevenness count from then, so that the same restart later in the day is
    /// the same restart.
    pub began_at: Minute,
    /// Servers queued when this restart began.
    pub planned: u32,
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
            wrong_fix: false,
            restarts_begun: 0,
            rate: s.restart.per_hour,
            tokens: 0.0,
            queue: VecDeque::new(),
            paused_until: None,
            recent_evictions: vec![0; PACE_HISTORY],
            evicted_now: 0,
            began_at: NEVER,
            planned: 0,
            evicted_total: 0,
            done_logged: false,
        }
    }

    /// Whether new restarts are paused at `t`.
    pub fn paused(&self, t: Minute) -> bool {
        self.paused_until.is_some_and(|p| t < p)
    }
}

/// Mean cold-start work at full speed, in minutes, for this scenario's bootstrap.
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

/// The work of server `i`'s cold start that begins `since` minutes into the restart (minutes at
/// full speed), seeded.
pub fn draw_work(s: &Scenario, i: usize, since: Minute) -> f32 {
    let index = ((i as u64) << 24) ^ (since as u32 as u64);
    let u = Rng::derived(s.seed, streams::COLD_START, index).next_f64();
    let spread = s.restart.cold_start_spread;
    (cold_start_work(s) * (1.0 + spread * (2.0 * u - 1.0))).max(0.01) as f32
}

/// Whether a server in `state` waits for the restart: with the right fix the broken ones (past
/// the limit, or evicted), with the memory fix every running one.
fn needs_restart(state: ServerState, wrong_fix: bool) -> bool {
    match state {
        ServerState::LimitHit | ServerState::Evicted => true,
        ServerState::Serving | ServerState::Recovered => wrong_fix,
        _ => false,
    }
}

/// Starts a restart of the fleet: every server it needs joins the queue, in order.
/// `wrong_fix` marks the restart that applies the memory fix (each running server once).
pub fn begin(sim: &mut Simulation, wrong_fix: bool) {
    if sim.restart.active {
        return;
    }
    sim.restart.active = true;
    sim.restart.wrong_fix = wrong_fix;
    sim.restart.done_logged = false;
    sim.restart.restarts_begun += 1;
    sim.restart.rate = sim.scenario.restart.per_hour;
    sim.restart.began_at = sim.t;
    sim.restart.paused_until = None;
    sim.restart.tokens = 0.0;
    sim.restart.recent_evictions.fill(0);
    for (i, server) in sim.fleet.servers.iter_mut().enumerate() {
        if needs_restart(server.state, wrong_fix) && !server.queued {
            server.queued = true;
            sim.restart.queue.push_back(i as u32);
        }
    }
    sim.milestone(Milestone::RestartStarted);
    let n = sim.restart.queue.len();
    sim.restart.planned = n as u32;
    let rate = sim.restart.rate;
    if wrong_fix {
        sim.log(
            EventKind::Operator,
            format!("Operators act on the leading candidate, memory pressure: without removing the added capacity, they restart all {n} servers with a memory fix, at {rate:.0} per hour"),
            "what-if (AWS summary: memory pressure was the leading candidate; a wrong fix 'would double the recovery time')",
        );
    } else {
        let running = sim
            .fleet
            .servers
            .iter()
            .filter(|x| x.state.running())
            .count();
        let others = running.saturating_sub(n);
        let what = if others == 0 {
            format!("Full restart of the front-end fleet begins: {n} servers")
        } else {
            format!("Restart of the {n} broken front-end servers begins (the other {others} keep serving)")
        };
        sim.log(
            EventKind::Operator,
            format!("{what} at {rate:.0} per hour, bootstrapping from the {}", bootstrap_words(&sim.scenario)),
            "AWS summary: root cause confirmed and removal completed at 09:39 PST; 'proceeded with the restart'",
        );
    }
}

fn bootstrap_words(s: &Scenario) -> &'static str {
    if uses_peer_streams(s) {
        "neighbouring servers"
    } else {
        "metadata store"
    }
}

/// Runs the per-server part of the phase: cold-start progress, warm-ups that end, and health
/// checks of the servers in rotation while the last minute's load may have overloaded some
/// (otherwise their overload counts are simply cleared once).
pub fn pass(sim: &mut Simulation, tick: &Tick, out: &mut PassOut) {
    let mut cold = std::mem::take(&mut sim.tallies.cold);
    for &i in &cold {
        let i = i as usize;
        cold_start(&mut sim.fleet.servers[i], i, tick, out);
    }
    // Only servers still cold-starting stay listed, so none is ever listed twice.
    cold.retain(|&i| sim.fleet.servers[i as usize].state == ServerState::ColdStart);
    sim.tallies.cold = cold;

    let mut warming = std::mem::take(&mut sim.tallies.warming);
    // Servers that left rotation or finished their warm-up are no longer warming.
    warming.retain(|&i| {
        let server = &sim.fleet.servers[i as usize];
        server.state == ServerState::Recovered && tick.t < server.warm_until
    });
    let everyone = tick.load_before > sim.weakest_capacity;
    let warm_load = tick.load_before + tick.warmup_cost;
    if everyone {
        sim.overload_counted = true;
        for (i, server) in sim.fleet.servers.iter_mut().enumerate() {
            if server.state.in_rotation() {
                health_check(server, i, tick, out);
            }
        }
    } else {
        if sim.overload_counted {
            sim.overload_counted = false;
            for server in &mut sim.fleet.servers {
                server.overloaded_for = 0;
            }
        }
        if warm_load > sim.weakest_capacity {
            for &i in &warming {
                let i = i as usize;
                health_check(&mut sim.fleet.servers[i], i, tick, out);
            }
        }
    }
    sim.tallies.warming = warming;
}

/// A server in rotation is judged on the last minute's load, plus its warm-up if it is warming.
#[inline]
fn health_check(server: &mut Server, i: usize, tick: &Tick, out: &mut PassOut) {
    let warming = server.state == ServerState::Recovered && tick.t < server.warm_until;
    let load = tick.load_before + if warming { tick.warmup_cost } else { 0.0 };
    if load > server.capacity {
        server.overloaded_for = server.overloaded_for.saturating_add(1);
        if server.overloaded_for >= tick.overload_min {
            evict(server, i, tick, out);
        }
    } else {
        server.overloaded_for = 0;
    }
}

/// A cold-starting server reads its shard-map at the supply its source gives. When the read is
/// done it joins rotation: warming with a good map, or, past the thread limit, with none.
#[inline]
fn cold_start(server: &mut Server, i: usize, tick: &Tick, out: &mut PassOut) {
    if server.state != ServerState::ColdStart {
        return;
    }
    server.progress += tick.supply / server.work.max(0.01);
    if server.progress >= 1.0 {
        if server.over_limit {
            // Thread creation fails: the shard-map cannot be built (no map to route with).
            server.last_good_map = NEVER;
            out.set(server, i, ServerState::LimitHit, tick.t);
        } else {
            server.last_good_map = tick.t;
            server.warm_until = tick.t + tick.warmup_min;
            out.set(server, i, ServerState::Recovered, tick.t);
            out.warming.push(i as u32);
            out.stats.joined += 1;
        }
        out.stats.cold_starts_done += 1;
    } else if tick.t - server.since >= tick.cold_start_deadline {
        evict(server, i, tick, out);
    }
}

fn evict(server: &mut Server, i: usize, tick: &Tick, out: &mut PassOut) {
    out.set(server, i, ServerState::Evicted, tick.t);
    server.overloaded_for = 0;
    server.progress = 0.0;
    server.warm_until = NEVER;
    out.evicted.push(i as u32);
}

/// The bookkeeping of an eviction: counted, and queued to be restarted again (not during the
/// wrong fix's restart, which goes through the fleet once). An evicted server goes to the front
/// of the queue: it is out of rotation already, so restarting it takes nothing more away.
pub fn evicted(sim: &mut Simulation, i: usize) {
    if sim.restart.active && sim.fleet.servers[i].boot >= sim.restart.began_at {
        sim.restart.evicted_now += 1;
    }
    sim.restart.evicted_total += 1;
    if sim.restart.active && !sim.restart.wrong_fix && !sim.fleet.servers[i].queued {
        sim.fleet.servers[i].queued = true;
        sim.restart.queue.push_front(i as u32);
    }
}

/// Runs the phase for the fleet, after every server: evictions and healthy returns counted,
/// milestones, events.
pub fn after(sim: &mut Simulation) {
    if sim.tick_stats.cold_starts_done > 0 && sim.counts[ServerState::Recovered as usize] > 0 {
        sim.milestone(Milestone::FirstTrafficAfterRestart);
    }
    let slot = sim.t.rem_euclid(PACE_HISTORY as Minute) as usize;
    sim.restart.recent_evictions[slot] = sim.restart.evicted_now;
    completion(sim);
}

fn completion(sim: &mut Simulation) {
    if !sim.restart.active || sim.restart.done_logged || !sim.restart.queue.is_empty() {
        return;
    }
    let busy = sim.counts[ServerState::ColdStart as usize] > 0
        || (!sim.restart.wrong_fix && sim.counts[ServerState::Evicted as usize] > 0);
    if busy {
        return;
    }
    sim.restart.done_logged = true;
    let evicted = sim.restart.evicted_total;
    if sim.restart.wrong_fix {
        // The next restart, with the right fix, starts afresh; servers evicted from now on wait.
        sim.restart.active = false;
        sim.ops.wrong_fix_done_at = Some(sim.t);
        sim.log(
            EventKind::Operator,
            "Every server has been restarted with the memory fix, and the errors have not fallen: the fix did not help",
            "what-if (AWS summary: 'we would need to apply a second fix and restart again')",
        );
    } else {
        let planned = sim.restart.planned;
        sim.log(
            EventKind::Fleet,
            format!("Every broken front-end server has been restarted ({planned} at the start; {evicted} health-check evictions on the way)"),
            "model",
        );
    }
}
