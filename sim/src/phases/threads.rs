//! Phase 3, thread accounting against the OS limit. A server wants its threads at rest (the
//! base, give or take `base_spread`: servers are not identical) plus `per_peer * known`
//! threads; it cannot hold more than the limit. A serving server whose wanted threads exceed the
//! limit fails to build its shard-map and moves to `LimitHit`; that is sticky until a restart
//! (AWS: removing the capacity did not repair the servers; the fleet had to be restarted).
//! A cold-starting server past the limit cannot finish its map (see `restart.rs`).

use crate::fleet::Server;
use crate::fleet::ServerState;
use crate::milestones::Milestone;
use crate::recording::EventKind;
use crate::scenario::Scenario;
use crate::sim::{PassOut, Simulation, Tick};
use crate::tallies::Tallies;

/// Threads a server with the base number at rest wants for `known` peers, and what it can hold
/// under the limit.
pub fn threads_for(s: &Scenario, known: u32) -> (u32, u32) {
    threads_at(s, s.threads.base, known)
}

/// Threads the server that needs the most at rest wants for `known` peers, and what it can
/// hold: the first to pass the limit.
pub fn most_threads_for(s: &Scenario, known: u32) -> (u32, u32) {
    threads_at(
        s,
        s.threads.base.saturating_add(s.threads.base_spread),
        known,
    )
}

fn threads_at(s: &Scenario, rest: u32, known: u32) -> (u32, u32) {
    let wanted = rest.saturating_add(s.threads.per_peer.saturating_mul(known));
    (wanted, wanted.min(s.threads.limit))
}

/// Runs the phase for server `i`: its threads, and whether it just hit the limit.
#[inline]
pub fn server(server: &mut Server, i: usize, original: bool, tick: &Tick, out: &mut PassOut) {
    let state = server.state;
    if !state.running() {
        server.threads = 0;
        server.wanted = 0;
        server.over_limit = false;
        return;
    }
    let wanted = crate::fleet::with_offset(tick.base, server.rest_offset)
        .saturating_add(tick.per_peer.saturating_mul(server.known));
    server.threads = wanted.min(tick.limit);
    server.wanted = wanted;
    server.over_limit = wanted > tick.limit;
    if !server.over_limit {
        return;
    }
    if !server.ever_over_limit {
        server.ever_over_limit = true;
        out.stats.newly_over += 1;
        out.stats.existing_ever_over += u32::from(original);
    }
    if matches!(state, ServerState::Serving | ServerState::Recovered) {
        // A server that has run under the limit rebuilt its map the minute before, and from now
        // on that map ages (phase 4). One that boots past the limit never built one.
        server.last_good_map = if server.boot == tick.t {
            crate::fleet::NEVER
        } else {
            tick.t - 1
        };
        out.set(server, i, ServerState::LimitHit, tick.t);
    }
}

/// Brings the fleet's running totals up to date with server's threads: those it holds, and
/// past the limit those it wants.
#[inline]
pub fn tally(server: &mut Server, tallies: &mut Tallies) {
    let now = server.state.running().then_some(server.threads);
    tallies.threads_changed(server.tallied, now);
    server.tallied = now;
    let over = (server.state.running() && server.over_limit).then_some(server.wanted);
    tallies.wanted_changed(server.tallied_wanted, over);
    server.tallied_wanted = over;
    if server.tallied_over != server.over_limit {
        if server.over_limit {
            tallies.over_limit += 1;
        } else {
            tallies.over_limit -= 1;
        }
        server.tallied_over = server.over_limit;
    }
}

/// Runs the phase for the fleet, after every server: milestones, the thread alarm, events.
pub fn after(sim: &mut Simulation) {
    let limit = sim.scenario.threads.limit;
    let alarm_level = sim.scenario.threads.alarm_ratio * f64::from(limit);
    // The most any server holds: at the alarm level (never above the limit) exactly when it
    // wants that many.
    let highest = sim
        .tallies
        .threads
        .last_key_value()
        .map_or(0, |(threads, _)| *threads);
    if sim.tick_stats.newly_over > 0 && !sim.milestones.has(Milestone::ThreadLimitFirstExceeded) {
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
                "Thread alarm: a server holds {highest} threads, {:.1}% of the limit",
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
    let over = sim.tick_stats.existing_ever_over as usize;
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
