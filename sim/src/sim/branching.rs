//! A simulation that forks: parameter changes applied at their minutes (see `branch.rs`).

use crate::branch::{check, Change};
use crate::params::{self, ParamError};
use crate::recording::EventKind;
use crate::scenario::Scenario;
use crate::sim::Simulation;

impl Simulation {
    /// A simulation of `base` that applies `changes` at their minutes (see [`check`]).
    pub fn branch(base: &Scenario, changes: &[Change]) -> Result<Self, ParamError> {
        let changes = check(base, changes)?;
        let mut start = base.clone();
        // Changes at the start are simply part of the scenario.
        let (first, later): (Vec<Change>, Vec<Change>) = changes
            .into_iter()
            .partition(|c| c.at <= base.time.start_min);
        for c in &first {
            params::set(&mut start, &c.key, &c.value)?;
        }
        let mut sim = Simulation::new(&start)?;
        sim.pending = later;
        Ok(sim)
    }

    /// Applies the changes due this minute (called at the top of `step`).
    pub(crate) fn apply_due_changes(&mut self) {
        while self.pending.first().is_some_and(|c| c.at <= self.t) {
            let c = self.pending.remove(0);
            if params::set(&mut self.scenario, &c.key, &c.value).is_err() {
                continue; // unreachable: `check` accepted it
            }
            if c.key == "restart.per_hour" {
                // The rate in force follows the operators' new choice; a later backoff still
                // slows it down from there.
                self.restart.rate = self.scenario.restart.per_hour;
            }
            self.log(
                EventKind::Operator,
                format!("Branch: {} set to {}", c.key, c.value),
                "what-if (this branch)",
            );
        }
    }
}
