//! No absurd result at an allowed input: 10,000 random scenarios, each parameter left at the
//! day's value or drawn anywhere in its allowed range, and every run either a plausible day or
//! one that says why not. Fleet sizes are drawn up to 20,000 servers (of the 400,000 allowed) to
//! keep the test to a few minutes; nothing in the checks depends on the size.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use cascade_sim::clock::{format, DAY};
use cascade_sim::facts::{why_not_back, Outage};
use cascade_sim::params::{Kind, PARAMS};
use cascade_sim::rng::Rng;
use cascade_sim::{run, Milestone, Recording, Scenario};

const SCENARIOS: u64 = 10_000;

/// A value of `p` drawn over its allowed range: log-uniformly when the range spans more than a
/// hundredfold, so that small values are drawn as often as large ones.
fn draw(rng: &mut Rng, min: f64, max: f64, kind: Kind) -> f64 {
    let u = rng.next_f64();
    let x = if min > 0.0 && max / min > 100.0 {
        (min.ln() + u * (max.ln() - min.ln())).exp()
    } else if min == 0.0 && max > 100.0 {
        (u * (max + 1.0).ln()).exp() - 1.0
    } else {
        min + u * (max - min)
    };
    match kind {
        Kind::Real => x,
        _ => x.round().clamp(min, max),
    }
}

/// The `k`th random scenario, or `None` when its draws break a relation between fields.
fn scenario(k: u64) -> Option<Scenario> {
    let mut rng = Rng::new(0x5eed_0000 + k);
    let mut s = Scenario {
        seed: k,
        ..Scenario::default()
    };
    for p in PARAMS {
        if matches!(p.key, "seed" | "time.start_min" | "time.end_min") || rng.next_f64() > 0.3 {
            continue;
        }
        let max = if p.key == "fleet.servers" {
            20_000.0
        } else {
            p.max
        };
        let max = if matches!(p.kind, Kind::Minute) {
            max.min(f64::from(2 * DAY))
        } else {
            max
        };
        (p.set)(&mut s, draw(&mut rng, p.min, max, p.kind));
    }
    s.fleet.add_end_min = s.fleet.add_end_min.max(s.fleet.add_start_min);
    s.fleet.add_cells = s.fleet.add_cells.min(s.fleet.cells);
    s.time.start_min = 0;
    s.time.end_min =
        s.fleet.add_start_min + (DAY / 2) + (rng.next_f64() * f64::from(2 * DAY)) as i32;
    cascade_sim::validate::validate(&s).ok().map(|()| s)
}

/// What is wrong with run `r`, if anything.
fn absurd(r: &Recording) -> Option<String> {
    let s = &r.scenario;
    let m = &r.milestones;
    let warned = !r.warnings.is_empty();
    // No errors at rest without a warning.
    let before = r.series.minute.iter().zip(&r.series.kinesis_error);
    if let Some((t, e)) = before
        .take_while(|(t, _)| **t < s.fleet.add_start_min)
        .find(|(_, e)| f64::from(**e) >= s.alarm.normal_error)
    {
        if !warned {
            return Some(format!(
                "{:.1}% of requests fail at {} with no warning",
                100.0 * e,
                format(*t)
            ));
        }
    }
    // A removal that started completes, unless the run ends first at the removal's pace.
    let started = r
        .events
        .iter()
        .find(|e| e.text.starts_with("Removal of the added capacity begins"));
    if let Some(start) = started {
        let end = s.time.end_min;
        let booted = r
            .servers
            .transitions
            .iter()
            .filter(|c| {
                c.server >= r.servers.existing && c.state == cascade_sim::ServerState::Serving
            })
            .count();
        let needed = (booted as f64 / s.ops.removal_per_hour * 60.0).ceil() as i32 + 2;
        if !m.has(Milestone::CapacityRemovalFinished) && start.t + needed < end {
            return Some(format!(
                "the removal from {} never completes ({booted} added)",
                format(start.t)
            ));
        }
    }
    // Every run recovered, or saying why not: a restart held for good must have been named
    // before the run (the fleet could not have been running), and a restart that has gone
    // through the fleet must have brought Kinesis back.
    if let Outage::Ongoing { .. } = Outage::of(r) {
        let why = why_not_back(r)?;
        if why.contains("hold the restart") && !warned {
            return Some(format!("held with no warning: {why}"));
        }
        let restart_done = r.events.iter().any(|e| {
            e.text
                .starts_with("Every broken front-end server has been restarted")
        }) && m.get(Milestone::RestartStarted).is_some();
        if restart_done && !warned {
            let last = r.series.minute.len() - 1;
            let idle = r.series.servers_limit_hit[last] == 0.0
                && r.series.servers_evicted[last] == 0.0
                && r.series.servers_cold_start[last] == 0.0;
            if idle {
                return Some(format!(
                    "every server restarted and healthy, yet not back: {why}"
                ));
            }
        }
    }
    None
}

fn check(range: std::ops::Range<u64>) -> (u64, Vec<String>) {
    let mut ran = 0;
    let mut failures = Vec::new();
    for k in range {
        let Some(s) = scenario(k) else {
            continue;
        };
        let r = run(&s).expect("a validated scenario runs");
        ran += 1;
        if let Some(problem) = absurd(&r) {
            failures.push(format!("scenario {k}: {problem}"));
        }
    }
    (ran, failures)
}

#[test]
fn every_allowed_scenario_gives_a_plausible_day_or_says_why_not() {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()) as u64;
    let per = SCENARIOS.div_ceil(threads);
    let results: Vec<(u64, Vec<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|k| scope.spawn(move || check(k * per..((k + 1) * per).min(SCENARIOS))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a worker"))
            .collect()
    });
    let ran: u64 = results.iter().map(|r| r.0).sum();
    let failures: Vec<&String> = results.iter().flat_map(|r| &r.1).collect();
    assert!(
        ran * 10 >= SCENARIOS * 9,
        "only {ran} of {SCENARIOS} drawn scenarios were valid"
    );
    assert!(
        failures.is_empty(),
        "{} of {ran}:\n{}",
        failures.len(),
        failures
            .iter()
            .take(20)
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
