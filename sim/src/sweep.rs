//! The cliff: how long Kinesis is out as one parameter (the fleet size, the thread limit) moves,
//! everything else as in the scenario. Each point is a whole run of the model, stopped as soon as
//! nothing can change any more, so that a sweep of 50 points stays fast enough for a page.

use crate::milestones::Milestone;
use crate::params::{self, ParamError};
use crate::scenario::Scenario;
use crate::sim::Simulation;

/// A parameter a sweep can move, and the span it covers by default.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    /// The parameter's key.
    pub key: &'static str,
    /// What the horizontal axis shows.
    pub label: &'static str,
    /// First value of the default span.
    pub from: f64,
    /// Last value of the default span.
    pub to: f64,
}

/// The sweeps the app offers: the fleet size before the addition, and the OS thread limit.
pub const AXES: &[Axis] = &[
    Axis {
        key: "fleet.servers",
        label: "front-end servers before the addition",
        from: 3000.0,
        to: 4400.0,
    },
    Axis {
        key: "threads.limit",
        label: "OS thread limit per server",
        from: 3500.0,
        to: 5000.0,
    },
];

/// The axis with this key.
pub fn axis(key: &str) -> Option<&'static Axis> {
    AXES.iter().find(|a| a.key == key)
}

/// `n` whole values evenly spread from `from` to `to` (both included).
pub fn values(from: f64, to: f64, n: usize) -> Vec<f64> {
    match n {
        0 => Vec::new(),
        1 => vec![from.round()],
        _ => (0..n)
            .map(|k| (from + (to - from) * k as f64 / (n - 1) as f64).round())
            .collect(),
    }
}

/// One point of a sweep.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// The parameter's value.
    pub x: f64,
    /// Minutes of Kinesis's outage: from the first alarm to fully back, or to the run's end
    /// (`facts::Outage`).
    pub outage_min: u32,
    /// Whether any server exceeded the thread limit.
    pub crossed: bool,
    /// Whether the fleet was past the limit before the addition: a fleet that could not have
    /// been running, whose outage is no story of an addition (see `preconditions.rs`).
    pub before_addition: bool,
}

/// A run in progress toward one point: stepped until settled or finished.
#[derive(Debug, Clone)]
struct Probe {
    sim: Simulation,
}

impl Probe {
    fn new(scenario: &Scenario) -> Result<Self, ParamError> {
        Ok(Self {
            sim: Simulation::new(scenario)?,
        })
    }

    /// The outage's minutes, as `facts::Outage` counts them on the full recording: a run that
    /// settled while failing would fail to its end.
    fn outage_min(&self) -> u32 {
        let m = &self.sim.milestones;
        let last = self.sim.scenario.time.end_min - 1;
        match (
            m.get(Milestone::FirstAlarm),
            m.get(Milestone::KinesisRecovered),
        ) {
            (None, _) => 0,
            (Some(a), Some(b)) => (b - a).max(0) as u32,
            (Some(a), None) => (last - a).max(0) as u32,
        }
    }

    /// Steps at most `steps` minutes; the point once nothing can change any more.
    fn advance(&mut self, steps: usize) -> Option<Point> {
        for _ in 0..steps {
            if self.sim.finished() || self.sim.settled() {
                return Some(Point {
                    x: 0.0,
                    outage_min: self.outage_min(),
                    crossed: self.sim.milestones.has(Milestone::ThreadLimitFirstExceeded),
                    before_addition: crate::preconditions::past_limit_before_addition(
                        &self.sim.scenario,
                    ),
                });
            }
            self.sim.step();
        }
        None
    }
}

/// The Kinesis outage of one scenario, in minutes, running only as long as something can change.
pub fn outage(scenario: &Scenario) -> Result<Point, ParamError> {
    let mut probe = Probe::new(scenario)?;
    loop {
        if let Some(p) = probe.advance(usize::MAX) {
            return Ok(p);
        }
    }
}

/// The scenario of `base` with `key` set to `x`, checked.
fn scenario_at(base: &Scenario, key: &str, x: f64) -> Result<Scenario, ParamError> {
    let mut s = base.clone();
    params::set(&mut s, key, &format!("{x}"))?;
    crate::validate::validate(&s)?;
    Ok(s)
}

/// The point of `base` with `key` set to `x`.
pub fn point(base: &Scenario, key: &str, x: f64) -> Result<Point, ParamError> {
    Ok(Point {
        x,
        ..outage(&scenario_at(base, key, x)?)?
    })
}

/// A whole sweep at once (the app uses a [`Runner`], a few minutes of model at a time).
pub fn sweep(base: &Scenario, key: &str, xs: &[f64]) -> Result<Vec<Point>, ParamError> {
    xs.iter().map(|x| point(base, key, *x)).collect()
}

/// A sweep computed a slice at a time, so that a page can keep answering meanwhile.
#[derive(Debug, Clone)]
pub struct Runner {
    base: Scenario,
    key: String,
    xs: Vec<f64>,
    probe: Option<Probe>,
    /// The points computed so far, in the order of the values.
    pub points: Vec<Point>,
}

impl Runner {
    /// A sweep of `key` over `xs` from `base`; every value is checked first.
    pub fn new(base: &Scenario, key: &str, xs: Vec<f64>) -> Result<Self, ParamError> {
        for x in &xs {
            scenario_at(base, key, *x)?;
        }
        Ok(Self {
            base: base.clone(),
            key: key.to_string(),
            xs,
            probe: None,
            points: Vec::new(),
        })
    }

    /// Number of values in the sweep.
    pub fn len(&self) -> usize {
        self.xs.len()
    }

    /// Whether the sweep has no values.
    pub fn is_empty(&self) -> bool {
        self.xs.is_empty()
    }

    /// Whether every point is computed.
    pub fn done(&self) -> bool {
        self.points.len() >= self.xs.len()
    }

    /// Simulates at most `steps` minutes in all; returns whether the sweep is done.
    pub fn advance(&mut self, mut steps: usize) -> Result<bool, ParamError> {
        while !self.done() && steps > 0 {
            let x = self.xs[self.points.len()];
            let probe = match self.probe.as_mut() {
                Some(p) => p,
                None => self
                    .probe
                    .insert(Probe::new(&scenario_at(&self.base, &self.key, x)?)?),
            };
            let chunk = steps.min(60);
            steps -= chunk;
            if let Some(p) = probe.advance(chunk) {
                self.points.push(Point { x, ..p });
                self.probe = None;
            }
        }
        Ok(self.done())
    }
}

/// The text of a request to a sweep worker: the key, the values, then every parameter of the
/// base scenario as `key=value` (so the worker needs no other state).
pub fn request(base: &Scenario, key: &str, xs: &[f64]) -> String {
    let text = format!(
        "{key}\n{}\n",
        xs.iter()
            .map(|x| format!("{x}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    text + &crate::jobs::scenario_lines(base)
}

/// Answers a request: calls `reply` with one line `x outage_min crossed(0/1)
/// before_addition(0/1)` per point, in the order of the values.
pub fn answer(text: &str, mut reply: impl FnMut(String)) -> Result<(), ParamError> {
    let bad = |what: &str| ParamError {
        field: "sweep request".into(),
        value: crate::quote::quote(what),
        allowed: "a key, a line of values, then key=value lines".into(),
    };
    let mut lines = text.lines();
    let key = lines.next().ok_or_else(|| bad(""))?;
    let xs_line = lines.next().ok_or_else(|| bad(key))?;
    let xs = xs_line
        .split_whitespace()
        .map(|x| x.parse::<f64>().map_err(|_| bad(x)))
        .collect::<Result<Vec<_>, _>>()?;
    let base = crate::jobs::read_lines(lines)?;
    for x in xs {
        reply(answer_line(&point(&base, key, x)?));
    }
    Ok(())
}

/// One point as a line of an answer, as `parse_answer` reads it.
pub fn answer_line(p: &Point) -> String {
    format!(
        "{} {} {} {}",
        p.x,
        p.outage_min,
        u8::from(p.crossed),
        u8::from(p.before_addition)
    )
}

/// Reads one line of an answer.
pub fn parse_answer(line: &str) -> Option<Point> {
    let mut parts = line.split_whitespace();
    let x = parts.next()?.parse().ok()?;
    let outage_min = parts.next()?.parse().ok()?;
    let crossed = parts.next()? == "1";
    let before_addition = parts.next()? == "1";
    Some(Point {
        x,
        outage_min,
        crossed,
        before_addition,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::impact;

    /// Stopping early never changes the answer: the same outage as the full recording.
    #[test]
    fn stopping_early_gives_the_full_runs_outage() {
        let base = Scenario::default();
        let cases = [
            ("fleet.servers", [3000.0, 3600.0, 3700.0, 3900.0]),
            ("threads.limit", [3800.0, 4200.0, 4300.0, 5000.0]),
        ];
        for (key, xs) in cases {
            for x in xs {
                let mut s = base.clone();
                let set = params::set(&mut s, key, &format!("{x}"));
                let (Ok(p), Ok(()), Ok(full)) = (point(&base, key, x), set, crate::sim::run(&s))
                else {
                    panic!("{key} = {x}: a run failed");
                };
                assert_eq!(
                    p.outage_min,
                    impact(&full).kinesis_outage_min,
                    "{key} = {x}"
                );
            }
        }
        for preset in crate::presets::PRESETS {
            let Ok(s) = preset.scenario() else { continue };
            let (Ok(full), Ok(p)) = (crate::sim::run(&s), outage(&s)) else {
                panic!("{}: a run failed", preset.name);
            };
            assert_eq!(
                p.outage_min,
                impact(&full).kinesis_outage_min,
                "{}",
                preset.name
            );
        }
    }

    #[test]
    fn the_cliff_is_where_the_threads_reach_the_limit() {
        let base = Scenario::default();
        let xs = values(3400.0, 3900.0, 11);
        let Ok(points) = sweep(&base, "fleet.servers", &xs) else {
            panic!("sweep failed");
        };
        // Threads wanted after the addition: base + (servers + added - 1) peers.
        let t = &base.threads;
        for p in &points {
            let wanted = f64::from(t.base) + (p.x + f64::from(base.fleet.added) - 1.0);
            if wanted <= f64::from(t.limit) {
                assert_eq!(p.outage_min, 0, "{p:?}");
                assert!(!p.crossed, "{p:?}");
            } else {
                assert!(p.crossed && p.outage_min > 600, "{p:?}");
            }
        }
        assert!(points.iter().any(|p| p.outage_min == 0));
        assert!(points.iter().any(|p| p.outage_min > 0));
    }

    #[test]
    fn a_runner_in_small_slices_gives_the_same_points() {
        let base = Scenario::default();
        let xs = values(3600.0, 3800.0, 5);
        let (Ok(whole), Ok(mut runner)) = (
            sweep(&base, "fleet.servers", &xs),
            Runner::new(&base, "fleet.servers", xs),
        ) else {
            panic!("the sweep failed");
        };
        let mut slices = 0;
        loop {
            slices += 1;
            match runner.advance(7) {
                Ok(true) => break,
                Ok(false) if slices < 100_000 => {}
                other => panic!("the runner stopped: {other:?}"),
            }
        }
        assert!(slices > 5);
        assert_eq!(runner.points.len(), 5);
        assert_eq!(runner.points, whole);
        assert!(Runner::new(&base, "fleet.servers", vec![3600.0, -1.0]).is_err());
    }

    #[test]
    fn a_request_answered_as_text_gives_the_same_points() {
        let mut base = Scenario::default();
        base.restart.per_hour = 500.0;
        let xs = values(3600.0, 3700.0, 3);
        let mut got = Vec::new();
        let text = request(&base, "fleet.servers", &xs);
        assert!(answer(&text, |line| got.extend(parse_answer(&line))).is_ok());
        let Ok(whole) = sweep(&base, "fleet.servers", &xs) else {
            panic!("the sweep failed");
        };
        assert_eq!(got.len(), 3);
        assert_eq!(got, whole);
        assert!(answer("fleet.servers\n1 x 3\n", |_| ()).is_err());
        assert!(answer("fleet.servers\n3600\nno.such=1\n", |_| ()).is_err());
        assert!(answer("", |_| ()).is_err());
    }

    #[test]
    fn values_span_both_ends() {
        assert_eq!(values(10.0, 20.0, 3), vec![10.0, 15.0, 20.0]);
        assert_eq!(values(10.0, 20.0, 1), vec![10.0]);
        assert!(values(1.0, 2.0, 0).is_empty());
        assert!(point(&Scenario::default(), "fleet.servers", -4.0).is_err());
    }
}
