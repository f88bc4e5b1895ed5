//! Phase 2, discovery: records the membership of this minute and updates what each running
//! server knows, through its own lagged view (see `membership.rs`).

use crate::clock::Minute;
use crate::membership::MembershipHistory;
use crate::scenario::Scenario;
use crate::sim::Simulation;

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

/// Runs the phase.
pub fn run(sim: &mut Simulation) {
    let cells = sim.fleet.cells as usize;
    let mut counts = vec![0u32; cells];
    for (i, state) in sim.fleet.state.iter().enumerate() {
        if is_member(*state) {
            counts[i % cells] += 1;
        }
    }
    sim.membership.push(&counts);
    let t = sim.t;
    let f = &mut sim.fleet;
    for i in 0..f.state.len() {
        if f.state[i].running() {
            f.known[i] = known_peers(
                &sim.scenario,
                &sim.membership,
                i % cells,
                f.lag[i],
                f.boot[i],
                t,
            );
        } else {
            f.known[i] = 0;
        }
    }
}

/// Whether a server in this state is part of the fleet membership (provisioned, whatever its
/// health).
pub fn is_member(state: crate::fleet::ServerState) -> bool {
    use crate::fleet::ServerState::{Pending, Removed};
    !matches!(state, Pending | Removed)
}
