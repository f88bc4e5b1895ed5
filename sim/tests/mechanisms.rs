//! Mechanisms AWS states, checked on runs of the model.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use cascade_sim::clock::at;
use cascade_sim::{params, presets, run, Milestone, Scenario, ServerState};

fn historical() -> Scenario {
    presets::scenario("historical").expect("preset")
}

#[test]
fn removing_the_capacity_does_not_repair_the_servers() {
    let mut s = historical();
    params::set(&mut s, "ops.restart_start_min", "20:00").expect("set");
    let r = run(&s).expect("run");
    let removed = r
        .milestones
        .get(Milestone::CapacityRemovalFinished)
        .expect("removed");
    let k = r.index_of(removed + 60);
    assert!(r.series.threads_max[k] <= s.threads.limit as f32);
    assert_eq!(r.series.servers_over_limit[k], 0.0, "back under the limit");
    assert!(r.series.kinesis_error[k] > 0.9, "but still failing");
    assert!(r.series.servers_limit_hit[k] > 3_000.0);
}

#[test]
fn restarting_before_the_removal_fails_again() {
    let mut s = historical();
    params::set(&mut s, "ops.removal_start_min", "20:00").expect("set");
    let r = run(&s).expect("run");
    let k = r.index_of(at(12, 0));
    assert!(
        r.series.kinesis_error[k] > 0.95,
        "restarted servers still exceed the limit"
    );
    assert!(r.series.servers_evicted.iter().any(|n| *n > 0.0));
}

#[test]
fn the_limit_is_crossed_about_half_an_hour_into_the_addition_and_errors_lag() {
    let r = run(&historical()).expect("run");
    let crossed = r
        .milestones
        .get(Milestone::ThreadLimitFirstExceeded)
        .expect("crossed");
    let alarm = r.milestones.get(Milestone::FirstAlarm).expect("alarm");
    assert!(crossed > at(2, 44) && crossed < at(3, 47));
    assert!(
        alarm - crossed > 90,
        "the shard-map leases delay the errors"
    );
}

#[test]
fn server_lookup_agrees_with_the_series() {
    let r = run(&historical()).expect("run");
    for t in [at(1, 0), at(4, 0), at(6, 0), at(12, 0), at(23, 0)] {
        let k = r.index_of(t);
        let mut counts = [0usize; 7];
        let mut max_threads = 0;
        for i in 0..r.server_count() {
            let snap = r.server_at(i, t).expect("server");
            counts[snap.state as usize] += 1;
            max_threads = max_threads.max(snap.threads);
            assert_eq!(
                snap.threads,
                snap.threads_wanted.min(r.scenario.threads.limit)
            );
        }
        assert_eq!(
            counts[ServerState::LimitHit as usize] as f32,
            r.series.servers_limit_hit[k],
            "t={t}"
        );
        assert_eq!(
            counts[ServerState::Recovered as usize] as f32,
            r.series.servers_recovered[k],
            "t={t}"
        );
        assert_eq!(max_threads as f32, r.series.threads_max[k], "t={t}");
    }
}

#[test]
fn a_new_server_learns_the_membership_when_it_boots() {
    let r = run(&historical()).expect("run");
    let first_new = r.servers.existing as usize;
    let (state, since) = r.state_at(first_new, at(3, 0)).expect("state");
    assert_ne!(state, ServerState::Pending);
    let snap = r.server_at(first_new, since).expect("snapshot");
    let existing = r.servers.existing;
    assert!(
        snap.known_peers >= existing,
        "knows every original server at boot"
    );
}
