//! A sweep as a batch of runs (`batch.rs`): its points dealt out among the workers,
//! interleaved so that each gets its share of the costly points past the cliff, or run in the
//! page one after another.

use cascade_sim::sweep::{self, Point, Runner};
use cascade_sim::Scenario;

use super::batch::Batch;

/// A sweep of one parameter over its values, and the points it has so far.
pub struct SweepBatch {
    scenario: Scenario,
    key: &'static str,
    xs: Vec<f64>,
    /// The workers' points, in order of the value.
    points: Vec<Point>,
    /// The page's own run, once it does the sweep.
    runner: Option<Runner>,
}

impl SweepBatch {
    /// A sweep of the parameter `key` over `xs`, around `scenario`.
    pub fn new(scenario: Scenario, key: &'static str, xs: Vec<f64>) -> Self {
        Self {
            scenario,
            key,
            xs,
            points: Vec::new(),
            runner: None,
        }
    }

    fn points(&self) -> &[Point] {
        self.runner.as_ref().map_or(&self.points, |r| &r.points)
    }
}

impl Batch for SweepBatch {
    type View = Vec<Point>;

    fn requests(&self, workers: usize) -> Vec<String> {
        let n = workers.max(1);
        (0..n)
            .map(|k| {
                let share: Vec<f64> = self.xs.iter().skip(k).step_by(n).copied().collect();
                sweep::request(&self.scenario, self.key, &share)
            })
            .collect()
    }

    fn add_line(&mut self, line: &str) -> Result<(), String> {
        let point = sweep::parse_answer(line)
            .ok_or_else(|| format!("unreadable answer from a worker: {line}"))?;
        let at = self.points.partition_point(|p| p.x < point.x);
        self.points.insert(at, point);
        Ok(())
    }

    fn step(&mut self) -> Result<bool, String> {
        let runner = match &mut self.runner {
            Some(r) => r,
            None => self.runner.insert(
                Runner::new(&self.scenario, self.key, self.xs.clone())
                    .map_err(|e| e.to_string())?,
            ),
        };
        runner.advance(20).map_err(|e| e.to_string())
    }

    fn received(&self) -> usize {
        self.points().len()
    }

    fn total(&self) -> usize {
        self.xs.len()
    }

    fn view(&self) -> Vec<Point> {
        self.points().to_vec()
    }
}
