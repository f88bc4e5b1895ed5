//! Benchmark of the model (run with `cargo bench -p cascade-sim`); figures go to BENCHMARKS.md.
//!
//! Measures 24 simulated hours of `historical` at the default fleet, and the cost per server and
//! tick at 4,000, 40,000 and 200,000 servers (the thread limit and restart rate scale with the
//! fleet so that every size goes through the same outage), the recording's size, and the
//! 50-point sweeps of the what-if lab.

use std::time::Instant;

use cascade_sim::clock::at;
use cascade_sim::{presets, run, Milestone, Scenario};

/// Runs `f` `reps` times and returns the median seconds.
fn median_secs(reps: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[reps / 2]
}

fn scaled(servers: u32) -> Scenario {
    let mut s = presets::scenario("historical").unwrap_or_default();
    let base = Scenario::default();
    let ratio = f64::from(servers) / f64::from(base.fleet.servers);
    s.fleet.servers = servers;
    s.fleet.added = (f64::from(base.fleet.added) * ratio).round() as u32;
    let peers = f64::from(base.threads.limit - base.threads.base) * ratio;
    s.threads.limit = base.threads.base + peers.round() as u32;
    s.restart.per_hour = base.restart.per_hour * ratio;
    s.ops.removal_per_hour = base.ops.removal_per_hour * ratio;
    s
}

fn main() {
    let mut day = presets::scenario("historical").unwrap_or_default();
    day.time.end_min = at(24, 0);
    let reps = 15;
    let secs = median_secs(reps, || {
        std::hint::black_box(run(&day).ok());
    });
    println!(
        "historical, {} servers, 24 h at one-minute ticks: {:.1} ms (median of {reps})",
        day.fleet.servers + day.fleet.added,
        secs * 1e3
    );

    for axis in cascade_sim::sweep::AXES {
        let xs = cascade_sim::sweep::values(axis.from, axis.to, 50);
        let full = median_secs(3, || {
            std::hint::black_box(run(&Scenario::default()).ok());
        });
        let secs = median_secs(3, || {
            std::hint::black_box(
                cascade_sim::sweep::sweep(&Scenario::default(), axis.key, &xs).ok(),
            );
        });
        println!(
            "sweep of {} over 50 points: {:.0} ms ({:.1} full runs' worth)",
            axis.key,
            secs * 1e3,
            secs / full
        );
    }

    // The sensitivity analysis of `historical` with 20 seeds, on one core (the command line
    // shares the runs among the cores: see BENCHMARKS.md for its wall-clock time).
    let runs = cascade_sim::sensitivity::plan(cascade_sim::sensitivity::SEEDS).len();
    let secs = median_secs(3, || {
        std::hint::black_box(
            cascade_sim::sensitivity::analyse(
                &Scenario::default(),
                cascade_sim::sensitivity::SEEDS,
            )
            .ok(),
        );
    });
    println!(
        "sensitivity of historical, {runs} runs on one core: {:.0} ms ({:.1} ms a run)",
        secs * 1e3,
        secs * 1e3 / runs as f64
    );

    println!("servers\tticks\tms\tns per server-tick\trecording MB\tfirst alarm");
    for servers in [4_000u32, 40_000, 200_000] {
        let s = scaled(servers);
        let ticks = f64::from(s.time.end_min - s.time.start_min);
        let reps = if servers > 50_000 { 3 } else { 7 };
        let mut recording = None;
        let secs = median_secs(reps, || {
            recording = run(&s).ok();
        });
        let Some(r) = recording else {
            println!("{servers}\tfailed");
            continue;
        };
        let n = r.server_count() as f64;
        let alarm = r
            .milestones
            .get(Milestone::FirstAlarm)
            .map_or("none".to_string(), cascade_sim::clock::format);
        println!(
            "{}\t{}\t{:.1}\t{:.2}\t{:.2}\t{}",
            r.server_count(),
            ticks,
            secs * 1e3,
            secs * 1e9 / (n * ticks),
            r.approx_bytes() as f64 / 1e6,
            alarm
        );
    }
}
