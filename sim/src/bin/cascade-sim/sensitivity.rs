//! The sensitivity analysis on every core: the runs are independent, so they are shared among
//! threads in contiguous parts and put back in the plan's order.

use cascade_sim::scenario::Scenario;
use cascade_sim::sensitivity::{self, output::parts, Outcome, Report};

/// The analysis of `base` with `seeds` seeds, or the one-line problem.
pub fn analyse(base: &Scenario, seeds: u32) -> Result<Report, String> {
    let plan = sensitivity::plan(seeds);
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let results: Vec<Result<Vec<Outcome>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = parts(plan.len(), threads)
            .into_iter()
            .map(|(from, to)| {
                let part = &plan[from..to];
                scope.spawn(move || {
                    part.iter()
                        .map(|v| sensitivity::outcome(&sensitivity::scenario(base, *v)))
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(|e| e.to_string())
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a run of the analysis failed".into()))
            })
            .collect()
    });
    let mut outcomes = Vec::with_capacity(plan.len());
    for part in results {
        outcomes.extend(part?);
    }
    Report::assemble(&plan, outcomes).ok_or_else(|| "the analysis's runs did not match".into())
}
