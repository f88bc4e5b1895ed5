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
    // The root cause is confirmed only at about 20:00: nothing restarts the servers before.
    params::set(&mut s, "ops.root_cause_after_alarm_min", "885").expect("set");
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
fn the_restart_waits_for_the_removal_and_a_server_booted_past_the_limit_has_no_map() {
    // A removal four times slower: the restart waits for it instead of restarting servers that
    // would boot past the limit.
    let mut s = historical();
    params::set(&mut s, "ops.removal_per_hour", "6.25").expect("set");
    let r = run(&s).expect("run");
    let removed = r
        .milestones
        .get(Milestone::CapacityRemovalFinished)
        .expect("removed");
    let restart = r
        .milestones
        .get(Milestone::RestartStarted)
        .expect("restart");
    assert!(removed > at(20, 0), "removed at {removed}");
    assert!(
        restart >= removed,
        "the restart begins once the removal is complete"
    );
    // The memory fix first restarts servers while the addition is still there: each boots past
    // the limit, joins rotation with no map at all, and fails every request it gets.
    let m = run(&presets::scenario("memory-fix-first").expect("preset")).expect("run");
    let k = m.index_of(at(12, 0));
    assert!(m.series.servers_limit_hit[k] > 3_000.0);
    assert!(
        m.series.kinesis_error[k] > 0.95,
        "the memory fix does not help"
    );
    assert_eq!(m.series.servers_recovered[k], 0.0);
}

#[test]
fn new_servers_past_the_limit_get_no_map_for_free() {
    // The added servers that boot knowing the whole fleet are past the limit at once: their
    // requests fail from the start, before the old maps of the original servers age.
    let r = run(&historical()).expect("run");
    let k = r.index_of(at(3, 40));
    let failing = r.series.kinesis_error[k];
    assert!(
        failing > 0.005,
        "new servers fail from the start ({failing})"
    );
    assert!(
        failing < r.scenario.alarm.error_threshold as f32,
        "but too few to alarm ({failing})"
    );
    let last_new = r.server_count() - 1;
    let (state, since) = r.state_at(last_new, at(3, 50)).expect("state");
    assert_eq!(state, ServerState::LimitHit);
    assert!(since >= at(3, 40));
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
        let mut map_failing = 0;
        for i in 0..r.server_count() {
            let snap = r.server_at(i, t).expect("server");
            counts[snap.state as usize] += 1;
            if snap.state == ServerState::LimitHit && r.map_failing(i, t, snap.since) {
                map_failing += 1;
            }
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
        assert_eq!(map_failing as f32, r.series.servers_map_failing[k], "t={t}");
    }
}

#[test]
fn servers_past_the_limit_fail_only_once_their_old_map_is_too_old() {
    // Over seeds: while the old maps hold (03:30), most servers are past the limit but few count
    // as failing, and the error rate is under the alarm threshold; from then on the share of
    // servers in rotation whose map fails follows the error rate (the picture matches the chart).
    for seed in 1..=5 {
        let mut s = historical();
        s.seed = seed;
        let r = run(&s).expect("run");
        let k = r.index_of(at(3, 30));
        let series = &r.series;
        assert!(series.servers_limit_hit[k] > 500.0, "seed {seed}");
        assert!(series.servers_map_failing[k] < 0.1 * series.servers_limit_hit[k]);
        assert!(series.kinesis_error[k] < s.alarm.error_threshold as f32);
        for h in 3..24 {
            let k = r.index_of(at(h, 0));
            let rotation = series.servers_serving[k]
                + series.servers_limit_hit[k]
                + series.servers_recovered[k];
            let failing = series.servers_map_failing[k] / rotation.max(1.0);
            let error = series.kinesis_error[k];
            assert!(
                (failing - error).abs() < 0.05,
                "seed {seed} at {h}:00: {failing} of the servers failing, {error} of requests"
            );
        }
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
