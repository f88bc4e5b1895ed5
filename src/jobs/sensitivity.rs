//! The sensitivity analysis as a batch of runs (`batch.rs`): the workers share its runs, or the
//! page does them one after another.

use std::rc::Rc;

use cascade_sim::sensitivity::{self, output, SEEDS};
use cascade_sim::{Scenario, Simulation};

use super::batch::Batch;
use crate::explain::sensitivity::Gathered;
use crate::state::ById;

/// What the section shows of an analysis.
#[derive(Clone, PartialEq)]
pub struct Analysis {
    /// The runs gathered so far.
    pub gathered: ById<Gathered>,
    /// The workers' answer lines, for the SVG export.
    pub lines: ById<Vec<String>>,
}

/// The runs of one scenario's analysis.
pub struct SensitivityBatch {
    scenario: Scenario,
    gathered: Gathered,
    lines: Vec<String>,
    /// The page's run under way (run `next`), once the page does the runs.
    run: Option<Simulation>,
    next: usize,
}

impl SensitivityBatch {
    /// The analysis of `scenario`, nothing gathered yet.
    pub fn new(scenario: Scenario) -> Self {
        Self {
            scenario,
            gathered: Gathered::new(SEEDS),
            lines: Vec::new(),
            run: None,
            next: 0,
        }
    }
}

/// Steps of the model per step of the batch in the page.
const STEPS: usize = 10;

impl Batch for SensitivityBatch {
    type View = Analysis;

    fn requests(&self, workers: usize) -> Vec<String> {
        self.gathered.requests(&self.scenario, workers)
    }

    fn add_line(&mut self, line: &str) -> Result<(), String> {
        self.gathered.add_line(line)?;
        self.lines.push(line.to_string());
        Ok(())
    }

    fn step(&mut self) -> Result<bool, String> {
        let k = self.next;
        let Some(sim) = &mut self.run else {
            let Some(v) = self.gathered.variant(k) else {
                return Ok(true);
            };
            let made = Simulation::new(&sensitivity::scenario(&self.scenario, v))
                .map_err(|e| e.to_string())?;
            self.run = Some(made);
            return Ok(false);
        };
        for _ in 0..STEPS {
            sim.step();
        }
        if sim.finished() {
            let o = sensitivity::outcome_of(sim);
            self.lines.push(output::answer_line(k, &o));
            self.gathered.add(k, o);
            self.run = None;
            self.next += 1;
        }
        Ok(self.next >= self.gathered.total())
    }

    fn received(&self) -> usize {
        self.gathered.received()
    }

    fn total(&self) -> usize {
        self.gathered.total()
    }

    fn view(&self) -> Analysis {
        Analysis {
            gathered: ById(Rc::new(self.gathered.clone())),
            lines: ById(Rc::new(self.lines.clone())),
        }
    }
}
