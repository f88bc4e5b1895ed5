//! Preconditions a scenario must meet for the model to tell a meaningful story: the fleet must
//! have been running normally before the capacity addition (every server under the thread
//! limit, below the thread alarm, and serving every request it is sent). A scenario that breaks one still
//! runs, but its recording carries a warning naming the problem, so that no outcome goes
//! unexplained (the command line prints it on stderr, the app shows a banner, the cliff sweep
//! labels the region).

use crate::clock;
use crate::fleet::hosts;
use crate::phases::threads::most_threads_for;
use crate::recording::Series;
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

/// Whether a server of the original fleet (the one that needs the most threads at rest) is past
/// the thread limit before the addition.
pub fn past_limit_before_addition(s: &Scenario) -> bool {
    most_threads_for(s, peers_before_addition(s)).0 > s.threads.limit
}

/// Load on each server of the original fleet at rest (share of its capacity).
pub fn load_at_rest(s: &Scenario) -> f64 {
    let servers = hosts(s.fleet.servers, s.fleet.host_size);
    s.traffic.utilisation * f64::from(s.fleet.servers) / (f64::from(servers) * s.fleet.host_size)
}

/// The warnings for a scenario, one sentence each (empty when every precondition holds).
pub fn check(s: &Scenario) -> Vec<String> {
    let mut warnings = Vec::new();
    let peers = peers_before_addition(s);
    let (wanted, _) = most_threads_for(s, peers);
    let start = clock::format(s.fleet.add_start_min);
    if wanted > s.threads.limit {
        warnings.push(format!(
            "past the limit before the addition: a server wants up to {wanted} threads for {peers} peers against a limit of {}, so this fleet could not have been running before {start}; what follows is not the story of an addition",
            s.threads.limit
        ));
    } else if s.threads.alarm_ratio > 0.0
        && f64::from(wanted) >= s.threads.alarm_ratio * f64::from(s.threads.limit)
    {
        warnings.push(format!(
            "the thread alarm would fire before the addition: a server holds up to {wanted} threads, at or above {:.1}% of the limit of {}",
            100.0 * s.threads.alarm_ratio,
            s.threads.limit
        ));
    }
    let load = load_at_rest(s);
    if load > s.traffic.throttle_cap {
        warnings.push(format!(
            "throttling before the addition: the fleet's load at rest is {:.0}% of each server's capacity but a server accepts only {:.0}%, so {:.0}% of requests fail before {start}; this fleet could not have been running like this",
            100.0 * load,
            100.0 * s.traffic.throttle_cap,
            100.0 * (1.0 - s.traffic.throttle_cap / load)
        ));
    } else if load > 1.0 - s.health.capacity_spread {
        warnings.push(format!(
            "overloaded before the addition: the fleet's load at rest is {:.0}% of a server's nominal capacity, more than the slowest servers take ({:.0}%), so health checks remove servers before {start}",
            100.0 * load,
            100.0 * (1.0 - s.health.capacity_spread)
        ));
    }
    warnings
}

/// The warning for a run whose requests failed before the addition began, when no
/// precondition explained it: whatever the cause, such a fleet could not have been running.
pub fn failing_at_rest(s: &Scenario, series: &Series) -> Option<String> {
    let start = s.fleet.add_start_min;
    let (t, error) = series
        .minute
        .iter()
        .zip(&series.kinesis_error)
        .take_while(|(t, _)| **t < start)
        .max_by(|a, b| a.1.total_cmp(b.1))?;
    (f64::from(*error) >= s.alarm.normal_error).then(|| {
        format!(
            "requests fail before the addition: {:.1}% at {}, before the addition at {}, so this fleet could not have been running like this",
            100.0 * error,
            clock::format(*t),
            clock::format(start)
        )
    })
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
    fn a_load_the_fleet_cannot_serve_at_rest_is_named() {
        let mut s = Scenario::default();
        s.traffic.utilisation = 0.75;
        let w = check(&s);
        assert!(w[0].starts_with("throttling before the addition"), "{w:?}");
        assert!(w[0].contains("75%") && w[0].contains("70%"), "{w:?}");
        s.traffic.throttle_cap = 1.0;
        s.traffic.utilisation = 0.9;
        assert!(check(&s)[0].starts_with("overloaded before the addition"));
    }

    #[test]
    fn the_server_with_the_most_threads_at_rest_decides() {
        let mut s = Scenario::default();
        s.threads.base_spread = 47;
        assert!(check(&s).is_empty());
        s.threads.base_spread = 48;
        assert!(check(&s)[0].starts_with("past the limit"));
    }

    #[test]
    fn a_thread_alarm_already_firing_is_named() {
        let mut s = Scenario::default();
        s.threads.alarm_ratio = 0.9;
        assert!(check(&s)[0].contains("thread alarm"));
    }
}
