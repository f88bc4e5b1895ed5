//! The historical preset must reproduce AWS's timeline from the mechanism, for every seed.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use cascade_sim::clock::{at, format, Minute};
use cascade_sim::{presets, run, Milestone, ServerState};

/// (milestone, real time, window in minutes): the calibration table of `sim/MODEL.md`, section 8.
const WINDOWS: &[(Milestone, Minute, Minute)] = &[
    (Milestone::FirstAlarm, at(5, 15), 15),
    (Milestone::LambdaErrorsStarted, at(6, 15), 30),
    (Milestone::CognitoErrorsSpike, at(7, 1), 30),
    (Milestone::FirstTrafficAfterRestart, at(10, 7), 15),
    (Milestone::KinesisErrorsFalling, at(12, 0), 60),
    (Milestone::CognitoRecovered, at(14, 18), 60),
    (Milestone::EcsEksRecovered, at(16, 15), 60),
    (Milestone::AutoscalingDelaysEnded, at(17, 47), 60),
    (Milestone::CloudwatchEarlyRecovery, at(17, 47), 60),
    (Milestone::KinesisRecovered, at(22, 23), 60),
    (Milestone::CloudwatchRecovered, at(22, 31), 60),
];

#[test]
fn historical_meets_the_timeline_for_twenty_seeds() {
    let base = presets::scenario("historical").expect("preset");
    let mut failures = Vec::new();
    for seed in 1..=20u64 {
        let mut s = base.clone();
        s.seed = seed * 7919;
        let r = run(&s).expect("valid scenario");
        for (m, real, window) in WINDOWS {
            match r.milestones.get(*m) {
                Some(t) if (t - real).abs() <= *window => {}
                got => failures.push(format!(
                    "seed {}: {} at {:?}, want {} +/- {window} min",
                    s.seed,
                    m.key(),
                    got.map(format),
                    format(*real)
                )),
            }
        }
        let kinesis = r.milestones.get(Milestone::KinesisRecovered);
        let cloudwatch = r.milestones.get(Milestone::CloudwatchRecovered);
        if cloudwatch < kinesis {
            failures.push(format!(
                "seed {}: CloudWatch recovered before Kinesis",
                s.seed
            ));
        }
        let over = r.servers_ever_in(ServerState::LimitHit);
        let existing = r.servers.existing as usize;
        if over * 100 < existing * 99 {
            failures.push(format!(
                "seed {}: only {over} of {existing} servers exceeded the limit",
                s.seed
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn operator_actions_answer_the_model_and_land_at_their_historical_times() {
    let s = presets::scenario("historical").expect("preset");
    let r = run(&s).expect("run");
    let get = |m: Milestone| r.milestones.get(m).expect("milestone");
    assert_eq!(get(Milestone::CapacityAddStarted), at(2, 44));
    assert_eq!(get(Milestone::CapacityAddFinished), at(3, 47));
    // The restart follows the model's own alarm by the diagnosis delay, once the removal is
    // complete, and the defaults put both at AWS's 09:39.
    let alarm = get(Milestone::FirstAlarm);
    let restart = get(Milestone::RestartStarted);
    let removed = get(Milestone::CapacityRemovalFinished);
    let diagnosed = alarm + s.ops.root_cause_after_alarm_min as Minute;
    assert_eq!(restart, diagnosed.max(removed));
    assert!(removed <= restart, "removal completed before the restart");
    assert!((restart - at(9, 39)).abs() <= 5, "{}", format(restart));
    assert!((removed - at(9, 39)).abs() <= 5, "{}", format(removed));
}
