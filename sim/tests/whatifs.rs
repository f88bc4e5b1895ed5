//! The what-ifs a workshop sends learners to, checked as directional claims over many seeds:
//! each changes a mechanism's input, and the outcome must follow from the model, not from the
//! historical path it was calibrated on.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use cascade_sim::clock::{at, format, Minute, DAY};
use cascade_sim::sweep;
use cascade_sim::{params, presets, run, Milestone, Recording, Scenario, ServerState};

/// Seeds every claim is checked over.
const SEEDS: std::ops::RangeInclusive<u64> = 1..=10;

/// The restart rates of the valley, servers per hour.
const RATES: [u32; 8] = [100, 150, 200, 290, 400, 600, 900, 1500];

fn preset(name: &str, seed: u64) -> Scenario {
    let mut s = presets::scenario(name).expect("preset");
    s.seed = seed;
    s
}

fn with(mut s: Scenario, changes: &[(&str, &str)]) -> Scenario {
    for (key, value) in changes {
        params::set(&mut s, key, value).expect("a valid change");
    }
    s
}

fn go(s: &Scenario) -> Recording {
    run(s).expect("run")
}

/// A preset over a three-day run, long enough for any setback to play out.
fn three_days(name: &str, seed: u64) -> Recording {
    go(&with(preset(name, seed), &[("time.end_min", "00:00 +3d")]))
}

fn get(r: &Recording, m: Milestone) -> Option<Minute> {
    r.milestones.get(m)
}

/// When Kinesis is back to normal; "never" counts as later than any time.
fn recovered(r: &Recording) -> Minute {
    get(r, Milestone::KinesisRecovered).unwrap_or(Minute::MAX)
}

fn show(t: Minute) -> String {
    if t == Minute::MAX {
        "never".into()
    } else {
        format(t)
    }
}

/// Kinesis recovery at each restart rate over a three-day run.
fn recovery_by_rate(base: &Scenario) -> Vec<Minute> {
    RATES
        .iter()
        .map(|rate| {
            let s = with(
                base.clone(),
                &[
                    ("restart.per_hour", &rate.to_string()),
                    ("time.end_min", "00:00 +3d"),
                ],
            );
            recovered(&go(&s))
        })
        .collect()
}

#[test]
fn recovery_against_the_restart_rate_is_one_valley_for_every_seed() {
    let mut failures = Vec::new();
    for seed in SEEDS {
        let times = recovery_by_rate(&preset("historical", seed));
        let best = (0..times.len()).min_by_key(|&k| times[k]).unwrap_or(0);
        let falls = (0..best).all(|k| times[k] > times[k + 1]);
        // Faster than the best, every rate recovers later; past a few hundred an hour the
        // pacing brings each back to the rate warming servers can take, so the fastest starts
        // end up within the spread of the eviction bursts of one another.
        let bursts = 150;
        let rises = (best + 1..times.len()).all(|k| times[k] > times[best])
            && (best..times.len() - 1).all(|k| times[k + 1] + bursts > times[k]);
        let near_history = matches!(RATES[best], 290 | 400);
        if !(falls && rises && near_history) {
            let row: Vec<String> = RATES
                .iter()
                .zip(&times)
                .map(|(r, t)| format!("{r}/h {}", show(*t)))
                .collect();
            failures.push(format!("seed {seed}: {}", row.join(", ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_pacing_policy_does_not_decide_the_conclusions() {
    // Each of the operators' pacing constants at both ends of a plausible range: too slow and
    // too fast still recover later than the historical rate, and the best rate stays at a few
    // hundred an hour.
    let variants: &[(&str, &str)] = &[
        ("restart.pace_evictions", "10"),
        ("restart.pace_evictions", "40"),
        ("restart.pace_window_min", "15"),
        ("restart.pace_window_min", "60"),
        ("restart.pace_pause_min", "15"),
        ("restart.pace_pause_min", "60"),
        ("restart.pace_step_per_hour", "25"),
        ("restart.pace_step_per_hour", "100"),
        ("restart.pace_backoff", "0.5"),
        ("restart.pace_backoff", "0.85"),
        ("restart.pace_min_per_hour", "25"),
        ("restart.pace_min_per_hour", "100"),
    ];
    let mut failures = Vec::new();
    for &(key, value) in variants {
        for seed in 1..=3 {
            let base = with(preset("historical", seed), &[(key, value)]);
            let t = recovery_by_rate(&base);
            let history = t[3];
            let best = (0..t.len()).min_by_key(|&k| t[k]).unwrap_or(0);
            let ok = t[1] > history
                && t[6] > history
                && t[7] > history
                && t[4] < t[6]
                && matches!(RATES[best], 290 | 400);
            if !ok {
                failures.push(format!("{key}={value} seed {seed}: {t:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn restarting_too_fast_recovers_later_than_history_on_every_seed() {
    for seed in SEEDS {
        let (h, f) = (
            three_days("historical", seed),
            three_days("restart-too-fast", seed),
        );
        assert!(
            recovered(&f) > recovered(&h),
            "seed {seed}: {} vs {}",
            show(recovered(&f)),
            show(recovered(&h))
        );
        assert!(f.servers_ever_in(ServerState::Evicted) > 100, "seed {seed}");
        assert_eq!(h.servers_ever_in(ServerState::Evicted), 0, "seed {seed}");
    }
}

#[test]
fn the_peer_bootstrap_is_worse_than_the_metadata_store() {
    for seed in SEEDS {
        let (h, p) = (
            three_days("historical", seed),
            three_days("peer-bootstrap", seed),
        );
        assert!(recovered(&p) > recovered(&h), "seed {seed}");
        let first = |r: &Recording| get(r, Milestone::FirstTrafficAfterRestart);
        assert!(
            first(&p) > first(&h),
            "seed {seed}: more work per cold start"
        );
    }
}

#[test]
fn a_radically_faster_cold_start_recovers_sooner_but_never_at_once() {
    for seed in SEEDS {
        let h = go(&preset("historical", seed));
        let f = go(&preset("fast-cold-start", seed));
        assert!(recovered(&f) + 120 < recovered(&h), "seed {seed}");
        // Even restarting everything in the same hour, the metadata store's capacity and the
        // churn keep the fleet from coming back at once.
        let all = go(&with(
            preset("fast-cold-start", seed),
            &[("restart.per_hour", "100000")],
        ));
        let start = get(&all, Milestone::RestartStarted).expect("restart");
        assert!(
            recovered(&all) - start > 60,
            "seed {seed}: back {} after a restart at {}",
            show(recovered(&all)),
            format(start)
        );
    }
}

#[test]
fn the_operators_answer_the_model_not_the_clock() {
    for seed in SEEDS {
        let early = go(&with(
            preset("historical", seed),
            &[("shardmap.lease_min", "120")],
        ));
        let day = go(&preset("historical", seed));
        let late = go(&with(
            preset("historical", seed),
            &[("shardmap.lease_min", "160")],
        ));
        let alarm = |r: &Recording| get(r, Milestone::FirstAlarm).expect("alarm");
        assert!(alarm(&early) < alarm(&day) && alarm(&day) < alarm(&late));
        for m in [
            Milestone::CapacityRemovalFinished,
            Milestone::RestartStarted,
            Milestone::KinesisRecovered,
            Milestone::LambdaRecovered,
        ] {
            let (a, b, c) = (get(&early, m), get(&day, m), get(&late, m));
            assert!(a < b && b < c, "seed {seed}: {} {a:?} {b:?} {c:?}", m.key());
        }
    }
}

#[test]
fn more_added_capacity_takes_longer_to_remove_and_the_restart_waits_for_it() {
    for seed in SEEDS {
        let day = go(&preset("historical", seed));
        let twice = go(&with(preset("historical", seed), &[("fleet.added", "200")]));
        let removed = |r: &Recording| get(r, Milestone::CapacityRemovalFinished).expect("removed");
        let restart = |r: &Recording| get(r, Milestone::RestartStarted).expect("restart");
        assert!(removed(&twice) > removed(&day) + 120, "seed {seed}");
        assert!(restart(&twice) >= removed(&twice), "seed {seed}");
        // No restarted server boots past the limit: the restart never sets anyone back.
        assert_eq!(
            twice.servers_ever_in(ServerState::Evicted),
            0,
            "seed {seed}"
        );
        let k = twice.index_of(restart(&twice));
        assert_eq!(twice.series.servers_over_limit[k], 0.0, "seed {seed}");
    }
}

#[test]
fn a_fleet_that_could_not_have_been_running_is_named() {
    for seed in SEEDS {
        let day = go(&preset("historical", seed));
        assert!(day.warnings.is_empty(), "seed {seed}: {:?}", day.warnings);
        for change in [("fleet.servers", "3885"), ("threads.limit", "3686")] {
            let r = go(&with(preset("historical", seed), &[change]));
            assert_eq!(r.warnings.len(), 1, "seed {seed} {change:?}");
            assert!(r.warnings[0].starts_with("past the limit before the addition"));
        }
    }
    // The cliff sweep labels that region instead of drawing it as an endless outage.
    let base = Scenario::default();
    let xs = sweep::values(3_000.0, 4_400.0, 15);
    let points = sweep::sweep(&base, "fleet.servers", &xs).expect("sweep");
    for p in &points {
        assert_eq!(p.before_addition, p.x > 3_747.0, "{p:?}");
    }
}

#[test]
fn seeds_matter_after_the_restart_too() {
    let runs: Vec<Recording> = SEEDS.map(|seed| go(&preset("historical", seed))).collect();
    for m in [
        Milestone::FirstTrafficAfterRestart,
        Milestone::KinesisErrorsFalling,
        Milestone::KinesisRecovered,
        Milestone::CloudwatchRecovered,
    ] {
        let mut times: Vec<Minute> = runs.iter().filter_map(|r| get(r, m)).collect();
        times.sort_unstable();
        times.dedup();
        assert!(times.len() >= 3, "{}: {times:?}", m.key());
    }
}

#[test]
fn a_wrong_first_fix_costs_a_second_restart() {
    for seed in SEEDS {
        let day = go(&preset("historical", seed));
        let wrong = go(&preset("memory-fix-first", seed));
        let restart = get(&day, Milestone::RestartStarted).expect("restart");
        let restart_phase = recovered(&day) - restart;
        // The first restart (the memory fix) begins when the cause is narrowed, and does not
        // bring Kinesis back.
        let first = get(&wrong, Milestone::RestartStarted).expect("first restart");
        assert_eq!(
            first,
            get(&wrong, Milestone::FirstAlarm).expect("alarm") + 156
        );
        let k = wrong.index_of(first + restart_phase);
        assert!(wrong.series.kinesis_error[k] > 0.9, "seed {seed}");
        // The cost comes from running the second restart after it: at least most of a whole
        // restart later than history.
        assert!(
            recovered(&wrong) - recovered(&day) > restart_phase * 4 / 5,
            "seed {seed}: {} vs {}",
            show(recovered(&wrong)),
            show(recovered(&day))
        );
        assert!(
            recovered(&wrong) < wrong.scenario.time.end_min,
            "seed {seed}"
        );
        let second = wrong
            .events
            .iter()
            .filter(|e| {
                e.text
                    .starts_with("Full restart of the front-end fleet begins")
            })
            .count();
        assert_eq!(second, 1, "seed {seed}: the right restart, once");
    }
}

#[test]
fn cloudwatch_as_aws_describes_it() {
    for seed in SEEDS {
        let r = go(&preset("historical", seed));
        let s = &r.series;
        let alarm = get(&r, Milestone::FirstAlarm).expect("alarm");
        // Some metrics are processed throughout.
        let least = s
            .cloudwatch_put_success
            .iter()
            .copied()
            .fold(f32::INFINITY, f32::min);
        assert!(least >= r.scenario.cloudwatch.unaffected_share as f32 - 1e-6);
        assert!(least > 0.0);
        // Alarms go to INSUFFICIENT_DATA about when the first alarm fires.
        let fresh_ok = r.scenario.cloudwatch.fresh_ok as f32;
        let first_gap = s
            .cloudwatch_readable
            .iter()
            .position(|v| *v < fresh_ok)
            .map(|k| s.minute[k])
            .expect("a gap");
        assert!(
            (first_gap - alarm).abs() <= 10,
            "seed {seed}: {first_gap} vs {alarm}"
        );
        // Full recovery a few minutes after Kinesis's, then backfill over the following hours.
        let kinesis = recovered(&r);
        let cw = get(&r, Milestone::CloudwatchRecovered).expect("cloudwatch");
        assert!(cw > kinesis && cw - kinesis <= 30, "seed {seed}");
        let k = r.index_of(cw);
        assert!(
            s.cloudwatch_buffered_min[k] > 0.0,
            "a backlog left at recovery"
        );
        let drained = (k..s.minute.len())
            .find(|&j| s.cloudwatch_buffered_min[j] <= 0.0)
            .map(|j| s.minute[j])
            .unwrap_or(DAY * 2);
        assert!(drained - cw >= 60, "seed {seed}: backfill over hours");
        assert!(
            s.cloudwatch_lost_min[k] > 0.0,
            "gaps where buffers overflowed"
        );
    }
}

#[test]
fn the_calibration_still_holds_at_the_historical_times() {
    // A smaller companion of `calibration.rs` on the seeds of this file: the restart and first
    // traffic as AWS gives them.
    for seed in SEEDS {
        let r = go(&preset("historical", seed));
        let restart = get(&r, Milestone::RestartStarted).expect("restart");
        let first = get(&r, Milestone::FirstTrafficAfterRestart).expect("traffic");
        assert!(
            (restart - at(9, 39)).abs() <= 10,
            "seed {seed}: {}",
            format(restart)
        );
        assert!(
            (first - at(10, 7)).abs() <= 15,
            "seed {seed}: {}",
            format(first)
        );
    }
}
