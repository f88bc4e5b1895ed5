//! Each what-if preset changes a mechanism; these tests check the direction of its effect on
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! the milestones against the historical run.

use cascade_sim::{presets, run, Milestone, Recording};

fn go(name: &str) -> Recording {
    run(&presets::scenario(name).expect("preset")).expect("run")
}

fn at(r: &Recording, m: Milestone) -> Option<i32> {
    r.milestones.get(m)
}

#[test]
fn structural_remediations_prevent_the_outage() {
    for name in [
        "larger-hosts",
        "higher-thread-limit",
        "dedicated-cache-fleet",
        "cellular",
    ] {
        let r = go(name);
        assert_eq!(at(&r, Milestone::ThreadLimitFirstExceeded), None, "{name}");
        assert_eq!(at(&r, Milestone::FirstAlarm), None, "{name}");
        assert_eq!(
            at(&r, Milestone::KinesisRecovered),
            None,
            "{name}: nothing to recover"
        );
        assert!(r.series.kinesis_error.iter().all(|e| *e < 0.01), "{name}");
    }
}

#[test]
fn a_thread_alarm_lets_operators_stop_the_addition_and_find_the_cause_at_once() {
    let r = go("thread-alarm");
    assert_eq!(
        at(&r, Milestone::CapacityAddFinished),
        None,
        "the addition was halted"
    );
    assert!(at(&r, Milestone::CapacityRemovalFinished).is_some());
    // The servers that passed the limit before the halt are found from the alarm, not hours
    // after the first error alarm, and restarted alone: a fraction of the day's outage.
    let (Some(hit), Some(confirmed)) = (
        at(&r, Milestone::ThreadLimitFirstExceeded),
        at(&r, Milestone::RootCauseConfirmed),
    ) else {
        panic!("with a 20-minute response some servers pass the limit first");
    };
    assert!(
        confirmed - hit <= 60,
        "confirmed {confirmed}, limit hit {hit}"
    );
    let day = go("historical");
    let outage = |r: &cascade_sim::Recording| cascade_sim::facts::Outage::of(r).minutes();
    assert!(
        outage(&r) * 3 < outage(&day),
        "{} vs {}",
        outage(&r),
        outage(&day)
    );
    // Acting within ten minutes of the alarm stops it before any request fails.
    let mut fast = presets::scenario("thread-alarm").expect("preset");
    fast.threads.alarm_response_min = 10;
    let quick = run(&fast).expect("run");
    assert_eq!(at(&quick, Milestone::FirstAlarm), None);
}

#[test]
fn fast_cold_start_recovers_sooner() {
    let h = go("historical");
    let f = go("fast-cold-start");
    let first = |r: &Recording| at(r, Milestone::FirstTrafficAfterRestart).expect("traffic");
    let done = |r: &Recording| at(r, Milestone::KinesisRecovered).expect("recovered");
    assert!(first(&f) < first(&h));
    assert!(done(&f) + 120 < done(&h));
}

#[test]
fn restarting_three_times_faster_with_peers_is_slower() {
    let h = go("historical");
    let f = go("restart-too-fast");
    assert!(
        f.series.servers_evicted.iter().any(|n| *n > 100.0),
        "evictions"
    );
    let h_done = at(&h, Milestone::KinesisRecovered).expect("historical recovers");
    match at(&f, Milestone::KinesisRecovered) {
        None => {}
        Some(t) => assert!(t > h_done, "{t} should be after {h_done}"),
    }
    let end = h.series.kinesis_error.len() - 1;
    let backlog = |r: &Recording| {
        r.series.kinesis_error[..end]
            .iter()
            .map(|e| f64::from(*e))
            .sum::<f64>()
    };
    assert!(backlog(&f) > backlog(&h), "more failed requests in total");
}

#[test]
fn downstream_remediations_cut_their_own_chain_only() {
    let h = go("historical");
    let p = go("partitioned-cloudwatch");
    assert_eq!(at(&p, Milestone::CloudwatchErrorsStarted), None);
    assert_eq!(at(&p, Milestone::LambdaErrorsStarted), None);
    assert!(
        at(&p, Milestone::CognitoErrorsSpike).is_some(),
        "Cognito still uses the shared fleet"
    );
    assert_eq!(
        at(&p, Milestone::KinesisRecovered),
        at(&h, Milestone::KinesisRecovered)
    );

    let c = go("cognito-fix");
    assert_eq!(at(&c, Milestone::CognitoErrorsSpike), None);
    assert_eq!(
        at(&c, Milestone::ShdPostingBlocked),
        None,
        "the posting tool can sign in"
    );
    assert!(at(&c, Milestone::ShdFirstPost) < at(&h, Milestone::ShdFirstPost));

    let l = go("cloudwatch-local-store");
    assert!(l.series.autoscaling_health.iter().all(|v| *v >= 0.99));
    assert!(
        at(&l, Milestone::CloudwatchErrorsStarted).is_some(),
        "ingestion still fails"
    );

    let s = go("shd-backup-practised");
    assert!(at(&s, Milestone::ShdPostingBlocked).is_some());
    assert!(at(&s, Milestone::ShdFirstPost) < at(&h, Milestone::ShdFirstPost));
}

#[test]
fn historical_posting_is_blocked_then_done_with_the_backup_tool() {
    let h = go("historical");
    let blocked = at(&h, Milestone::ShdPostingBlocked).expect("blocked");
    let posted = at(&h, Milestone::ShdFirstPost).expect("posted");
    assert!(posted > blocked);
}
