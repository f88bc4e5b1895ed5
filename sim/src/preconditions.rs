//! Preconditions a scenario must meet for the model to tell a meaningful story: the fleet must
//! have been running normally before the capacity addition. A scenario that breaks one still
//! runs, but its recording carries a warning naming the problem, so that no outcome goes
//! unexplained (the command line prints it on stderr, the app shows a banner, the cliff sweep
//! labels the region).

use crate::clock;
use crate::fleet::hosts;
use crate::phases::threads::threads_for;
use crate::scenario::Scenario;

/// Peers a server of the original fleet keeps threads for before the addition: the other
/// servers of the largest cell, or the dedicated cache fleet.
pub fn peers_before_addition(s: &Scenario) -> u32 {
    if s.shardmap.dedicated_fleet {
        return s.shardmap.cache_fleet_servers;
    }
    let servers = hosts(s.fleet.servers, s.fleet.host_size);
    let cells = s.fleet.cells.max(1);
    servers.div_ceil(cells).saturating_sub(1)
}

/// Whether the original fleet is past the thread limit before the addition.
pub fn past_limit_before_addition(s: &Scenario) -> bool {
    threads_for(s, peers_before_addition(s)).0 > s.threads.limit
}

/// The warnings for a scenario, one sentence each (empty when every precondition holds).
pub fn check(s: &Scenario) -> Vec<String> {
    let mut warnings = Vec::new();
    let peers = peers_before_addition(s);
    let (wanted, _) = threads_for(s, peers);
    let start = clock::format(s.fleet.add_start_min);
    if wanted > s.threads.limit {
        warnings.push(format!(
            "past the limit before the addition: each server wants {wanted} threads for {peers} peers against a limit of {}, so this fleet could not have been running before {start}; what follows is not the story of an addition",
            s.threads.limit
        ));
    } else if s.threads.alarm_ratio > 0.0
        && f64::from(wanted) >= s.threads.alarm_ratio * f64::from(s.threads.limit)
    {
        warnings.push(format!(
            "the thread alarm would fire before the addition: each server holds {wanted} threads, at or above {:.1}% of the limit of {}",
            100.0 * s.threads.alarm_ratio,
            s.threads.limit
        ));
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_historical_fleet_fits_before_the_addition() {
        assert!(check(&Scenario::default()).is_empty());
    }

    #[test]
    fn a_fleet_past_the_limit_is_named() {
        let mut s = Scenario::default();
        s.fleet.servers = 3_900;
        let w = check(&s);
        assert_eq!(w.len(), 1);
        assert!(
            w[0].starts_with("past the limit before the addition"),
            "{w:?}"
        );
        assert!(w[0].contains("4096") && w[0].contains("02:44"), "{w:?}");
    }

    #[test]
    fn cells_and_a_cache_fleet_count_their_own_peers() {
        let mut s = Scenario::default();
        s.fleet.servers = 3_900;
        s.fleet.cells = 4;
        assert!(check(&s).is_empty());
        s.fleet.cells = 1;
        s.shardmap.dedicated_fleet = true;
        assert!(check(&s).is_empty());
    }

    #[test]
    fn a_thread_alarm_already_firing_is_named() {
        let mut s = Scenario::default();
        s.threads.alarm_ratio = 0.9;
        assert!(check(&s)[0].contains("thread alarm"));
    }
}
