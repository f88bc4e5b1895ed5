//! Phase 3, thread accounting against the OS limit. A server wants `base + per_peer * known`
//! threads; it cannot hold more than the limit. A serving server whose wanted threads exceed the
//! limit fails to build its shard-map and moves to `LimitHit`; that is sticky until a restart
//! (AWS: removing the capacity did not repair the servers; the fleet had to be restarted).
//! A cold-starting server past the limit cannot finish its map (see `restart.rs`).

use crate::fleet::ServerState;
use crate::milestones::Milestone;
use crate::recording::EventKind;
use crate::scenario::Scenario;
use crate::sim::Simulation;

/// Threads a server wants for `known` peers, and what it can hold under the limit.
pub fn threads_for(s: &Scenario, known: u32) -> (u32, u32) {
    let wanted = s
        .threads
        .base
        .saturating_add(s.threads.per_peer.saturating_mul(known));
    (wanted, wanted.min(s.threads.limit))
}

/// Runs the phase.
pub fn run(sim: &mut Simulation) {
    let limit = sim.scenario.threads.limit;
    let alarm_level = sim.scenario.threads.alarm_ratio * f64::from(limit);
    let mut newly_over = 0u32;
    let mut highest = 0u32;
    for i in 0..sim.fleet.len() {
        let state = sim.fleet.state[i];
        if !state.running() {
            sim.fleet.threads[i] = 0;
            continue;
        }
        let (wanted, held) = threads_for(&sim.scenario, sim.fleet.known[i]);
        sim.fleet.threads[i] = held;
        highest = highest.max(wanted);
        if wanted <= limit {
            continue;
        }
        if !sim.fleet.ever_over_limit[i] {
            sim.fleet.ever_over_limit[i] = true;
            newly_over += 1;
        }
        if matches!(state, ServerState::Serving | ServerState::Recovered) {
            sim.set_state(i, ServerState::LimitHit);
        }
    }
    if newly_over > 0 && !sim.milestones.has(Milestone::ThreadLimitFirstExceeded) {
        sim.milestone(Milestone::ThreadLimitFirstExceeded);
        sim.log(
            EventKind::Fleet,
            format!(
                "A server learns of enough new peers to need more than {limit} threads: thread creation fails and its shard-map cannot be rebuilt"
            ),
            "AWS summary: the new capacity made servers exceed an OS thread limit",
        );
    }
    if sim.scenario.threads.alarm_ratio > 0.0
        && sim.ops.thread_alarm_at.is_none()
        && f64::from(highest) >= alarm_level
    {
        sim.ops.thread_alarm_at = Some(sim.t);
        sim.log(
            EventKind::Fleet,
            format!(
                "Thread alarm: a server needs {highest} threads, {:.1}% of the limit",
                100.0 * f64::from(highest) / f64::from(limit)
            ),
            "model (remediation 2: fine-grained alarms on thread consumption)",
        );
    }
    fleet_share_events(sim);
}

/// Logs when half, and then all, of the original servers are past the limit.
fn fleet_share_events(sim: &mut Simulation) {
    if sim.alarms.all_over_logged {
        return;
    }
    let existing = sim.fleet.existing as usize;
    let over = sim.fleet.ever_over_limit[..existing]
        .iter()
        .filter(|o| **o)
        .count();
    if !sim.alarms.half_over_logged && over * 2 >= existing {
        sim.alarms.half_over_logged = true;
        sim.log(
            EventKind::Fleet,
            "Half of the original servers are past the thread limit",
            "model",
        );
    }
    if over == existing {
        sim.alarms.all_over_logged = true;
        sim.log(
            EventKind::Fleet,
            "Every original server is past the thread limit",
            "AWS summary: the new capacity caused all servers to exceed the limit",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_grow_with_peers_and_stop_at_the_limit() {
        let s = Scenario::default();
        let (w, h) = threads_for(&s, 100);
        assert_eq!(w, s.threads.base + s.threads.per_peer * 100);
        assert_eq!(h, w);
        let (w, h) = threads_for(&s, 10_000);
        assert!(w > s.threads.limit);
        assert_eq!(h, s.threads.limit);
    }

    #[test]
    fn the_default_fleet_fits_before_the_addition_and_not_after() {
        let s = Scenario::default();
        let before = threads_for(&s, s.fleet.servers - 1).0;
        let after = threads_for(&s, s.fleet.servers + s.fleet.added - 1).0;
        assert!(before <= s.threads.limit, "{before}");
        assert!(after > s.threads.limit, "{after}");
    }
}
