//! The front-end fleet: one entry per server in flat arrays (structure of arrays), so that a
//! tick over tens of thousands of servers stays a few tight loops.

use crate::clock::Minute;
use crate::rng::{streams, Rng};
use crate::scenario::Scenario;

/// What a front-end server is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum ServerState {
    /// Not provisioned yet (new capacity before it boots).
    Pending = 0,
    /// Serving requests with a good shard-map.
    Serving = 1,
    /// Hit the thread limit: shard-map construction fails; the map ages until it is useless.
    LimitHit = 2,
    /// Taken out of the fleet (capacity removal).
    Removed = 3,
    /// Restarted and building its shard-map; takes no traffic yet.
    ColdStart = 4,
    /// Removed by a health check for being slow; waits to be restarted again.
    Evicted = 5,
    /// Restarted and serving again.
    Recovered = 6,
}

/// Every state, in display order.
pub const STATES: [ServerState; 7] = [
    ServerState::Pending,
    ServerState::Serving,
    ServerState::LimitHit,
    ServerState::Removed,
    ServerState::ColdStart,
    ServerState::Evicted,
    ServerState::Recovered,
];

impl ServerState {
    /// Short machine name, used in series, CSV columns and links.
    pub fn key(self) -> &'static str {
        match self {
            ServerState::Pending => "pending",
            ServerState::Serving => "serving",
            ServerState::LimitHit => "limit_hit",
            ServerState::Removed => "removed",
            ServerState::ColdStart => "cold_start",
            ServerState::Evicted => "evicted",
            ServerState::Recovered => "recovered",
        }
    }

    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            ServerState::Pending => "not yet added",
            ServerState::Serving => "serving",
            ServerState::LimitHit => "past the thread limit, shard-map aging",
            ServerState::Removed => "removed",
            ServerState::ColdStart => "cold-starting",
            ServerState::Evicted => "evicted by health check",
            ServerState::Recovered => "serving again",
        }
    }

    /// The state from its number; `None` for numbers no state has.
    pub fn from_u8(v: u8) -> Option<Self> {
        STATES.get(usize::from(v)).copied()
    }

    /// Whether the load balancer sends requests to a server in this state.
    pub fn in_rotation(self) -> bool {
        matches!(
            self,
            ServerState::Serving | ServerState::LimitHit | ServerState::Recovered
        )
    }

    /// Whether the server's process is running (and so holds threads).
    pub fn running(self) -> bool {
        self.in_rotation() || self == ServerState::ColdStart
    }
}

/// Number of hosts for a fleet of `servers` at host size 1, on hosts `host_size` times larger.
pub fn hosts(servers: u32, host_size: f64) -> u32 {
    ((f64::from(servers) / host_size).round() as u32).max(1)
}

/// One front-end server. Kept small and in one array (array of structs), so that the pass over
/// the fleet touches one cache line per server.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Server {
    /// Current state.
    pub state: ServerState,
    /// Lag of this server's view of the membership (minutes).
    pub lag: u8,
    /// Consecutive minutes overloaded.
    pub overloaded_for: u8,
    /// Whether the server waits in the restart queue.
    pub queued: bool,
    /// Whether it ever exceeded the thread limit.
    pub ever_over_limit: bool,
    /// Whether the threads it wants exceed the limit now.
    pub over_limit: bool,
    /// Whether `over_limit` is counted in the fleet's running totals.
    pub tallied_over: bool,
    /// The threads counted for it in the fleet's running totals (`None`: not counted).
    pub tallied: Option<u32>,
    /// Past the limit, the threads it wants as counted in the running totals.
    pub tallied_wanted: Option<u32>,
    /// Capacity relative to the nominal one (what overload is judged against).
    pub capacity: f32,
    /// Where its threads at rest lie in the fleet's spread around the base, from -1 to 1.
    pub rest: f32,
    /// Its threads at rest less the base: `rest` times the spread, in whole threads (the
    /// spread is fixed at the start of a run, so this is worked out once).
    pub rest_offset: i32,
    /// Cold-start progress (0 to 1).
    pub progress: f32,
    /// Minute the current state began.
    pub since: Minute,
    /// Minute the server's process last started (its view of the membership starts there).
    pub boot: Minute,
    /// Minute of the last successful shard-map build.
    pub last_good_map: Minute,
    /// Peers this server knows now.
    pub known: u32,
    /// Threads this server holds now (never above the limit).
    pub threads: u32,
    /// Threads this server wants now: what it holds, and past the limit what it was refused.
    pub wanted: u32,
    /// Work of its current cold start at full speed (minutes), drawn when it is restarted.
    pub work: f32,
    /// Until this minute it is still completing its shard-map while in rotation (warm-up).
    pub warm_until: Minute,
}

/// A minute long before any run: "never" for `Server::warm_until` and for a map that was
/// never built.
pub const NEVER: Minute = Minute::MIN / 4;

/// The fleet. Index `i < existing` is an original server; the rest are the added capacity, in
/// the order it boots.
#[derive(Debug, Clone)]
pub struct Fleet {
    /// Servers before the addition.
    pub existing: u32,
    /// Servers of the addition.
    pub added: u32,
    /// Number of cells.
    pub cells: u32,
    /// Cells the addition lands in (all of them unless the scenario names fewer).
    pub add_cells: u32,
    /// Every server.
    pub servers: Vec<Server>,
}

impl Fleet {
    /// The fleet at the start of a run: original servers serving, added ones pending.
    pub fn new(s: &Scenario) -> Self {
        let existing = hosts(s.fleet.servers, s.fleet.host_size);
        let added = if s.fleet.added == 0 {
            0
        } else {
            hosts(s.fleet.added, s.fleet.host_size)
        };
        let n = (existing + added) as usize;
        let max_lag = s.discovery.max_delay_min.min(u32::from(u8::MAX));
        let spread = s.health.capacity_spread;
        let start = s.time.start_min;
        let servers = (0..n)
            .map(|i| {
                let lag =
                    Rng::derived(s.seed, streams::DISCOVERY, i as u64).below_or_equal(max_lag);
                let u = Rng::derived(s.seed, streams::CAPACITY, i as u64).next_f64();
                let rest = Rng::derived(s.seed, streams::THREADS, i as u64).next_f64();
                Server {
                    state: if i < existing as usize {
                        ServerState::Serving
                    } else {
                        ServerState::Pending
                    },
                    lag: lag as u8,
                    overloaded_for: 0,
                    queued: false,
                    ever_over_limit: false,
                    over_limit: false,
                    tallied_over: false,
                    tallied: None,
                    tallied_wanted: None,
                    capacity: (1.0 + spread * (2.0 * u - 1.0)) as f32,
                    rest: (2.0 * rest - 1.0) as f32,
                    rest_offset: rest_offset(s.threads.base_spread, (2.0 * rest - 1.0) as f32),
                    progress: 0.0,
                    since: start,
                    boot: start - 24 * 60,
                    last_good_map: start,
                    known: 0,
                    threads: 0,
                    wanted: 0,
                    work: 0.0,
                    warm_until: NEVER,
                }
            })
            .collect();
        Self {
            existing,
            added,
            cells: s.fleet.cells.max(1),
            add_cells: add_cells(s),
            servers,
        }
    }

    /// Number of servers, existing and added.
    pub fn len(&self) -> usize {
        self.servers.len()
    }

    /// True for an empty fleet (never, for a valid scenario).
    pub fn is_empty(&self) -> bool {
        self.servers.is_empty()
    }

    /// The cell of server `i`: see `cell_of`.
    pub fn cell(&self, i: usize) -> usize {
        cell_of(i, self.existing, self.cells, self.add_cells)
    }
}

/// Cells the addition of scenario `s` lands in: every cell unless it names fewer.
pub fn add_cells(s: &Scenario) -> u32 {
    let cells = s.fleet.cells.max(1);
    match s.fleet.add_cells {
        0 => cells,
        n => n.min(cells),
    }
}

/// The cell of server `i` in a fleet of `existing` original servers: servers are dealt to the
/// cells in turn, and the added ones to the first `add_cells` cells in turn (to every cell, in
/// the same turn as the original servers, when the addition lands everywhere).
#[inline]
pub fn cell_of(i: usize, existing: u32, cells: u32, add_cells: u32) -> usize {
    let existing = existing as usize;
    if i < existing || add_cells >= cells {
        i % cells as usize
    } else {
        (i - existing) % add_cells.max(1) as usize
    }
}

/// A server's threads at rest less the base, for its place `rest` in the spread (-1 to 1) and
/// `spread` threads: rounded to whole threads.
#[inline]
pub fn rest_offset(spread: u32, rest: f32) -> i32 {
    (spread as f32 * rest).round() as i32
}

/// Threads server `rest` (its place in the spread, -1 to 1) needs at rest, for `base` and
/// `spread` threads: rounded to whole threads, never below none.
#[inline]
pub fn threads_at_rest(base: u32, spread: u32, rest: f32) -> u32 {
    with_offset(base, rest_offset(spread, rest))
}

/// `base` threads moved by `offset`, never below none.
#[inline]
pub fn with_offset(base: u32, offset: i32) -> u32 {
    (i64::from(base) + i64::from(offset)).max(0) as u32
}
