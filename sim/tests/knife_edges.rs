//! No knife-edges: results off the historical path come from mechanisms, not from a rule's
//! threshold, and neighbouring inputs give neighbouring outcomes. Each test names the mechanism
//! it checks; the figures the closing notes quote come from the same functions.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use cascade_sim::clock::{format, Minute, DAY};
use cascade_sim::facts::{self, Outage};
use cascade_sim::params::{self, Kind, Plausible, PARAMS};
use cascade_sim::{presets, run, Milestone, Recording, Scenario, ServerState};

fn preset(name: &str, seed: u64) -> Scenario {
    let mut s = presets::scenario(name).expect("preset");
    s.seed = seed;
    s.time.end_min = 3 * DAY;
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

/// Servers that were ever past the thread limit.
fn broken(r: &Recording) -> usize {
    r.servers_ever_in(ServerState::LimitHit)
}

/// Kinesis's outage in minutes (first alarm to fully back; to the run's end if not back).
fn outage(r: &Recording) -> Minute {
    Outage::of(r).minutes()
}

/// Kinesis back to normal, or the run's end.
fn recovered(r: &Recording) -> Minute {
    r.milestones
        .get(Milestone::KinesisRecovered)
        .unwrap_or(r.scenario.time.end_min)
}

/// Failed requests over the run, in minutes of the whole front end failing.
fn failed_minutes(r: &Recording) -> f64 {
    r.series.kinesis_error.iter().map(|&e| f64::from(e)).sum()
}

#[test]
fn servers_differ_so_an_addition_near_the_headroom_breaks_part_of_the_fleet() {
    for seed in 1..=5 {
        let mut last = 0;
        for added in [20, 40, 50, 60, 100] {
            let r = go(&with(
                preset("historical", seed),
                &[("fleet.added", &added.to_string())],
            ));
            let n = broken(&r);
            let all = r.server_count();
            match added {
                20 => assert_eq!(
                    n, 0,
                    "seed {seed}: 20 added is within every server's headroom"
                ),
                100 => assert_eq!(n, all, "seed {seed}: AWS, every server past the limit"),
                _ => assert!(
                    n > last && n < all,
                    "seed {seed}, {added} added: {n} of {all} past the limit (after {last})"
                ),
            }
            last = n;
        }
    }
}

#[test]
fn operators_read_the_thread_alarm_so_no_response_time_flips_the_day() {
    for seed in 1..=3 {
        // The whole swing, from nothing to the day, takes about 25 minutes of response: each
        // minute lets about 1.5 more added servers boot, which tips about 140 servers (the
        // spread of threads at rest is 40 threads wide). One minute may move at most a tenth of
        // the day's failed requests and an hour of recovery.
        let day = failed_minutes(&go(&preset("historical", seed)));
        let mut last: Option<Recording> = None;
        for response in 0..=90 {
            let r = go(&with(
                preset("thread-alarm", seed),
                &[("threads.alarm_response_min", &response.to_string())],
            ));
            // With a thread alarm in hand the cause is confirmed from it, not hours after the
            // first error alarm.
            if let (Some(confirmed), Some(hit)) = (
                r.milestones.get(Milestone::RootCauseConfirmed),
                r.milestones.get(Milestone::ThreadLimitFirstExceeded),
            ) {
                // Looked at no later than `response` after the alarm, which fires before any
                // server passes the limit.
                let wait = r.scenario.ops.confirm_with_thread_alarm_min as Minute;
                assert!(
                    confirmed <= hit + response + wait,
                    "seed {seed}, response {response}: confirmed at {}",
                    format(confirmed)
                );
            }
            if let Some(before) = &last {
                // The failed requests move a little with each minute; recovery too, once both
                // runs have an outage (the error alarm's threshold decides whether one is
                // declared, not how much failed).
                let (a, b) = (failed_minutes(before), failed_minutes(&r));
                let both = outage(before) > 0 && outage(&r) > 0;
                let (ra, rb) = if both {
                    (recovered(before), recovered(&r))
                } else {
                    (0, 0)
                };
                assert!(
                    (b - a).abs() < day / 10.0 && (rb - ra).abs() <= 60,
                    "seed {seed}, response {} to {response} min: failed request-minutes {a:.0} to {b:.0}, recovered {} to {}",
                    response - 1,
                    format(ra),
                    format(rb)
                );
            }
            last = Some(r);
        }
    }
}

/// The assumptions whose recovery time a named mechanism may move by more than the bound
/// between neighbouring values: none today.
const NAMED_CLIFFS: &[(&str, &str)] = &[];

/// Largest step of recovery between neighbouring values of `key`, after bisecting the largest
/// one until it is below `bound` or the values are a unit apart: a slope shrinks as the grid
/// refines, a cliff does not. Returns the last interval and its step.
fn largest_step(
    base: &Scenario,
    key: &str,
    low: f64,
    high: f64,
    integer: bool,
    bound: Minute,
) -> (f64, f64, Minute) {
    let p = params::find(key).expect("param");
    let at = |x: f64| {
        let mut s = base.clone();
        (p.set)(&mut s, if integer { x.round() } else { x });
        recovered(&go(&s))
    };
    let n = 12;
    let xs: Vec<f64> = (0..=n)
        .map(|k| low + (high - low) * k as f64 / n as f64)
        .collect();
    let ys: Vec<Minute> = xs.iter().map(|&x| at(x)).collect();
    let k = (0..n)
        .max_by_key(|&k| (ys[k + 1] - ys[k]).abs())
        .unwrap_or(0);
    let (mut a, mut b, mut ya, mut yb) = (xs[k], xs[k + 1], ys[k], ys[k + 1]);
    for _ in 0..8 {
        if (yb - ya).abs() <= bound || (integer && (b - a) <= 1.0) {
            break;
        }
        let m = if integer {
            ((a + b) / 2.0).round()
        } else {
            (a + b) / 2.0
        };
        if m <= a || m >= b {
            break;
        }
        let ym = at(m);
        if (ym - ya).abs() >= (yb - ym).abs() {
            (b, yb) = (m, ym);
        } else {
            (a, ya) = (m, ym);
        }
    }
    (a, b, (yb - ya).abs())
}

/// How far apart recovery lies over seeds 1 to 5 at `key` = `x`.
fn seed_spread(base: &Scenario, key: &str, x: f64) -> Minute {
    let p = params::find(key).expect("param");
    let times: Vec<Minute> = (1..=5)
        .map(|seed| {
            let mut s = base.clone();
            s.seed = seed;
            (p.set)(&mut s, x);
            recovered(&go(&s))
        })
        .collect();
    times.iter().max().unwrap_or(&0) - times.iter().min().unwrap_or(&0)
}

#[test]
fn recovery_moves_smoothly_with_every_assumption() {
    let bound = 45;
    let mut failures = Vec::new();
    for seed in 1..=2 {
        let base = preset("historical", seed);
        for p in PARAMS {
            let Plausible::Range { low, high, .. } = p.plausible else {
                continue;
            };
            if NAMED_CLIFFS.iter().any(|(k, _)| *k == p.key) {
                continue;
            }
            let integer = matches!(p.kind, Kind::Integer | Kind::Minute);
            let (a, b, step) = largest_step(&base, p.key, low, high, integer, bound);
            // Past a setback the restart's evictions come in bursts, and a tiny change can move
            // one burst: that is the seeds' own spread, not a cliff. A step is a cliff when it is
            // larger than what the seeds make of the same value.
            if step > bound && step > seed_spread(&base, p.key, a) {
                failures.push(format!(
                    "seed {seed}: {} from {a} to {b} moves recovery by {step} min",
                    p.key
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn impact_does_not_shrink_with_a_larger_addition_or_grow_with_a_higher_limit() {
    // The whole incident moves with the first alarm; the impact (first alarm to recovered)
    // answers the mechanism: more to remove and to restart, or fewer servers tipped over.
    let slack = 10;
    let mut failures = Vec::new();
    for seed in 1..=3 {
        let base = preset("historical", seed);
        let grid: Vec<Vec<Minute>> = (4_070..=4_130)
            .step_by(10)
            .map(|limit| {
                (70..=200)
                    .step_by(10)
                    .map(|added| {
                        outage(&go(&with(
                            base.clone(),
                            &[
                                ("threads.limit", &limit.to_string()),
                                ("fleet.added", &added.to_string()),
                            ],
                        )))
                    })
                    .collect()
            })
            .collect();
        for (i, row) in grid.iter().enumerate() {
            for (j, &m) in row.iter().enumerate() {
                if j > 0 && m + slack < row[j - 1] {
                    failures.push(format!(
                        "seed {seed}: limit row {i}, added col {j}: {} then {m}",
                        row[j - 1]
                    ));
                }
                if i > 0 && m > grid[i - 1][j] + slack {
                    failures.push(format!(
                        "seed {seed}: added col {j}, limit row {i}: {} then {m}",
                        grid[i - 1][j]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn where_the_run_starts_changes_nothing_about_the_day() {
    let day = go(&preset("historical", 4));
    for start in [60, 120, 164] {
        let mut s = preset("historical", 4);
        s.time.start_min = start;
        let r = go(&s);
        assert_eq!(r.milestones, day.milestones, "start {}", format(start));
        let k = day.index_of(start);
        assert_eq!(r.series.kinesis_error[..], day.series.kinesis_error[k..]);
    }
    let mut late = preset("historical", 4);
    late.time.start_min = 300;
    let e = run(&late).expect_err("a run that opens after the addition began");
    assert_eq!(e.field, "time.start_min");
}

#[test]
fn a_broken_cell_is_restarted_alone_and_its_errors_stay_its_own() {
    for seed in 1..=3 {
        let s = with(
            preset("cellular", seed),
            &[("fleet.add_cells", "1"), ("threads.limit", "1299")],
        );
        let r = go(&s);
        let cells = r.servers.cells as usize;
        let of_cell =
            |i: usize| cascade_sim::fleet::cell_of(i, r.servers.existing, r.servers.cells, 1);
        let mut broken = vec![0usize; cells];
        let mut size = vec![0usize; cells];
        for i in 0..r.server_count() {
            size[of_cell(i)] += 1;
            let (from, to) = (
                r.servers.offsets[i] as usize,
                r.servers.offsets[i + 1] as usize,
            );
            if r.servers.transitions[from..to]
                .iter()
                .any(|c| c.state == ServerState::LimitHit)
            {
                broken[of_cell(i)] += 1;
            }
        }
        assert!(
            broken[0] > 0,
            "seed {seed}: the cell with the addition breaks: {broken:?}"
        );
        assert_eq!(
            &broken[1..],
            &vec![0; cells - 1][..],
            "seed {seed}: the others do not"
        );
        let restarted = r.servers_ever_in(ServerState::ColdStart);
        assert!(
            restarted <= size[0],
            "seed {seed}: only that cell restarts ({restarted})"
        );
        let share = size[0] as f32 / r.server_count() as f32;
        let worst = r.series.kinesis_error.iter().copied().fold(0.0, f32::max);
        assert!(
            worst <= share + 0.01,
            "seed {seed}: errors {worst} within the cell's share {share}"
        );
        let day = go(&preset("historical", seed));
        assert!(recovered(&r) < recovered(&day), "seed {seed}");
    }
}

#[test]
fn a_run_that_ends_before_recovery_says_why() {
    let mut s = preset("historical", 1);
    s.time.end_min = 12 * 60;
    let r = go(&s);
    let why = facts::why_not_back(&r).expect("not back at noon");
    let end = format(s.time.end_min - 1);
    assert!(
        why.contains(&end) && why.contains("restart is under way"),
        "{why}"
    );
    let json = facts::recording_json(&r).expect("json");
    assert!(json.contains("\"ongoing\":true") && json.contains("restart is under way"));
    assert_eq!(facts::why_not_back(&go(&preset("historical", 1))), None);
}
