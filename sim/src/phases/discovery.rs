//! Phase 2, discovery: records the membership of this minute and updates what each running
//! server knows, through its own lagged view (see `membership.rs`).

use crate::clock::Minute;
use crate::fleet::Server;
use crate::membership::MembershipHistory;
use crate::scenario::Scenario;
use crate::sim::{Simulation, Tick};

/// The peers a server holds threads for: front-end peers in its cell as its view shows them,
/// or, with a dedicated cache fleet (remediation 5), the cache servers only.
pub fn known_peers(
    s: &Scenario,
    membership: &MembershipHistory,
    cell: usize,
    lag: u8,
    boot: Minute,
    t: Minute,
) -> u32 {
    if s.shardmap.dedicated_fleet {
        s.shardmap.cache_fleet_servers
    } else {
        membership.known(cell, lag, boot, t)
    }
}

/// Runs the phase for the fleet: records this minute's membership (kept up to date by
/// `Simulation::set_state`, so this costs one entry per cell).
pub fn run(sim: &mut Simulation) {
    sim.membership.push(&sim.members);
}

/// Runs the phase for server `i`: what its lagged view of the membership shows now.
#[inline]
pub fn server(server: &mut Server, i: usize, tick: &Tick, membership: &MembershipHistory) {
    server.known = if !server.state.running() {
        0
    } else if tick.dedicated_cache {
        tick.cache_servers
    } else {
        membership.known(tick.cell(i), server.lag, server.boot, tick.t)
    };
}

/// Whether a server in this state is part of the fleet membership (provisioned, whatever its
/// health).
pub fn is_member(state: crate::fleet::ServerState) -> bool {
    use crate::fleet::ServerState::{Pending, Removed};
    !matches!(state, Pending | Removed)
}
