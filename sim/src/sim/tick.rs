//! What one step hands its per-server phases: the minute's constants (`Tick`), what they found
//! (`TickStats`) and what they changed (`PassOut`), applied after the pass over the fleet.

use crate::clock::Minute;
use crate::fleet::{Server, ServerState};
use crate::sim::Simulation;

/// What the pass over the fleet changed; the bookkeeping is applied after the pass.
#[derive(Debug, Clone, Default)]
pub struct PassOut {
    /// What the per-server phases found.
    pub stats: TickStats,
    /// State changes: server, old state, new state.
    pub changes: Vec<(u32, ServerState, ServerState)>,
    /// Servers evicted by health checks.
    pub evicted: Vec<u32>,
    /// Servers that joined rotation and started their warm-up.
    pub warming: Vec<u32>,
}

impl PassOut {
    /// Moves `server` (index `i`) to `state` at `t`; counts and the log follow after the pass.
    #[inline]
    pub fn set(&mut self, server: &mut Server, i: usize, state: ServerState, t: Minute) {
        if server.state != state {
            self.changes.push((i as u32, server.state, state));
            server.state = state;
            server.since = t;
        }
    }
}

/// What the per-server phases found this minute (reset at each step).
#[derive(Debug, Clone, Default)]
pub struct TickStats {
    /// Servers that exceeded the limit for the first time.
    pub newly_over: u32,
    /// Original servers that ever exceeded the limit (not reset: a running total).
    pub existing_ever_over: u32,
    /// Cold starts completed.
    pub cold_starts_done: u32,
    /// Restarted servers that joined rotation with a good map.
    pub joined: u32,
}

/// Per-minute constants the per-server phases read, gathered once per step so that the loop over
/// the fleet stays tight.
#[derive(Debug, Clone, Copy)]
pub struct Tick {
    /// The minute.
    pub t: Minute,
    /// Number of cells.
    pub cells: usize,
    /// Whether servers keep threads for a dedicated cache fleet instead of peers.
    pub dedicated_cache: bool,
    /// Servers of that cache fleet.
    pub cache_servers: u32,
    /// Base threads per server.
    pub base: u32,
    /// Original servers, and the cells the addition lands in (for `cell`).
    pub existing: u32,
    /// Cells the addition lands in.
    pub add_cells: u32,
    /// Threads per known peer.
    pub per_peer: u32,
    /// The OS thread limit.
    pub limit: u32,
    /// Load of a server in rotation during the last minute.
    pub load_before: f32,
    /// Overloaded minutes before eviction.
    pub overload_min: u8,
    /// Share of the bootstrap work a cold-starting server gets, at last minute's supply.
    pub supply: f32,
    /// Share of its capacity a warming server spends completing its shard-map (with the churn
    /// around it, as of last minute).
    pub warmup_cost: f32,
    /// Minutes of warm-up after a server joins rotation.
    pub warmup_min: Minute,
    /// Longest bootstrap (minutes).
    pub cold_start_deadline: Minute,
}

impl Tick {
    /// The constants of the current minute.
    pub fn new(sim: &Simulation) -> Self {
        let s = &sim.scenario;
        Self {
            t: sim.t,
            cells: sim.fleet.cells.max(1) as usize,
            dedicated_cache: s.shardmap.dedicated_fleet,
            cache_servers: s.shardmap.cache_fleet_servers,
            base: s.threads.base,
            existing: sim.fleet.existing,
            add_cells: sim.fleet.add_cells,
            per_peer: s.threads.per_peer,
            limit: s.threads.limit,
            load_before: sim.traffic.load as f32,
            overload_min: s.health.overload_min.min(255) as u8,
            supply: sim.traffic.supply as f32,
            warmup_cost: sim.traffic.warm_extra as f32,
            warmup_min: s.restart.warmup_min as Minute,
            cold_start_deadline: s.health.cold_start_deadline_min as Minute,
        }
    }

    /// The cell of server `i` (servers are dealt to cells in turn).
    #[inline]
    pub fn cell(&self, i: usize) -> usize {
        if self.cells == 1 {
            0
        } else {
            crate::fleet::cell_of(i, self.existing, self.cells as u32, self.add_cells)
        }
    }
}
