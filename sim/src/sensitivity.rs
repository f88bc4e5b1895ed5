//! How sure is the model? Each assumed parameter is set to the low and to the high end of its
//! plausible range (`params::Plausible`), one at a time, everything else at the scenario's
//! values, and the milestones of each run are compared with the scenario's own; then the
//! scenario is run over many seeds. The runs are independent, so the command line shares them
//! among threads and the page among its workers (`output.rs` holds their text protocol).

pub mod band;
pub mod output;

use crate::clock::Minute;
use crate::milestones::{Milestone, Milestones};
use crate::params::{ParamError, Plausible, PARAMS};
use crate::scenario::Scenario;
use crate::sim::Simulation;

/// Seeds in the spread unless asked otherwise.
pub const SEEDS: u32 = 20;

/// Seeds are whole numbers below 2^53 (the parameter's range), so that they survive JSON.
const SEED_SPAN: u64 = 1 << 53;

/// One run of the analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// The scenario as it is.
    Baseline,
    /// The parameter `PARAMS[i]` at the low end of its plausible range.
    Low(usize),
    /// The parameter `PARAMS[i]` at the high end of its plausible range.
    High(usize),
    /// The scenario with its seed moved on by this many.
    Seed(u32),
}

/// The runs of an analysis with `seeds` seeds, in the order their outcomes are reported.
pub fn plan(seeds: u32) -> Vec<Variant> {
    let mut runs = vec![Variant::Baseline];
    for (i, p) in PARAMS.iter().enumerate() {
        if matches!(p.plausible, Plausible::Range { .. }) {
            runs.extend([Variant::Low(i), Variant::High(i)]);
        }
    }
    runs.extend((0..seeds).map(Variant::Seed));
    runs
}

/// The scenario a run starts from.
pub fn scenario(base: &Scenario, v: Variant) -> Scenario {
    let mut s = base.clone();
    let set = |s: &mut Scenario, i: usize, high: bool| {
        if let Some(p) = PARAMS.get(i) {
            if let Plausible::Range { low, high: hi, .. } = p.plausible {
                (p.set)(s, if high { hi } else { low });
            }
        }
    };
    match v {
        Variant::Baseline => {}
        Variant::Low(i) => set(&mut s, i, false),
        Variant::High(i) => set(&mut s, i, true),
        Variant::Seed(k) => s.seed = (base.seed + u64::from(k)) % SEED_SPAN,
    }
    s
}

/// What one run gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// When each milestone happened.
    pub milestones: Milestones,
    /// Whether the run's scenario breaks a precondition (a fleet that could not have been
    /// running before the addition): such a run is no story of the day.
    pub broken: bool,
}

/// Runs one scenario to its end and keeps what the analysis reads.
pub fn outcome(s: &Scenario) -> Result<Outcome, ParamError> {
    let mut sim = Simulation::new(s)?;
    while !sim.finished() {
        sim.step();
    }
    Ok(outcome_of(&sim))
}

/// What the analysis reads from a simulation stepped to its end by its caller (the page steps
/// it a slice at a time when it has no workers).
pub fn outcome_of(sim: &Simulation) -> Outcome {
    Outcome {
        milestones: sim.milestones.clone(),
        broken: !crate::preconditions::check(&sim.scenario).is_empty(),
    }
}

/// How a milestone moved from the scenario's own run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    /// Later (positive) or earlier (negative) by this many minutes; 0 when it never happens in
    /// either run.
    Minutes(i32),
    /// It happens in the scenario's run and not in this one.
    Lost,
    /// It happens in this run and not in the scenario's.
    Gained,
}

impl Shift {
    /// From the scenario's time and this run's.
    pub fn between(base: Option<Minute>, at: Option<Minute>) -> Self {
        match (base, at) {
            (Some(b), Some(a)) => Shift::Minutes(a - b),
            (Some(_), None) => Shift::Lost,
            (None, Some(_)) => Shift::Gained,
            (None, None) => Shift::Minutes(0),
        }
    }

    /// Its size for ranking: a milestone lost or gained outranks any move.
    pub fn size(self) -> u32 {
        match self {
            Shift::Minutes(m) => m.unsigned_abs(),
            Shift::Lost | Shift::Gained => u32::MAX,
        }
    }
}

/// One assumed parameter's effect.
#[derive(Debug, Clone, PartialEq)]
pub struct Effect {
    /// Its index in `PARAMS`.
    pub param: usize,
    /// The low end of its range.
    pub low: f64,
    /// The high end of its range.
    pub high: f64,
    /// The run at the low end.
    pub at_low: Outcome,
    /// The run at the high end.
    pub at_high: Outcome,
}

impl Effect {
    /// The parameter's key.
    pub fn key(&self) -> &'static str {
        PARAMS.get(self.param).map_or("?", |p| p.key)
    }

    /// Why its range is what it is.
    pub fn why(&self) -> &'static str {
        match PARAMS.get(self.param).map(|p| p.plausible) {
            Some(Plausible::Range { why, .. }) => why,
            _ => "",
        }
    }

    /// How `m` moved at the low and at the high end.
    pub fn shifts(&self, baseline: &Milestones, m: Milestone) -> (Shift, Shift) {
        let b = baseline.get(m);
        (
            Shift::between(b, self.at_low.milestones.get(m)),
            Shift::between(b, self.at_high.milestones.get(m)),
        )
    }

    /// The larger of the two moves of `m`, for ranking.
    pub fn size(&self, baseline: &Milestones, m: Milestone) -> u32 {
        let (lo, hi) = self.shifts(baseline, m);
        lo.size().max(hi.size())
    }
}

/// A milestone over the seeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spread {
    /// Earliest.
    pub min: Option<Minute>,
    /// Median (the lower middle value for an even count).
    pub median: Option<Minute>,
    /// Latest.
    pub max: Option<Minute>,
    /// Seeds in which it never happened.
    pub missing: usize,
}

/// The whole analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The scenario's own run.
    pub baseline: Outcome,
    /// Every ranged parameter, in the registry's order.
    pub effects: Vec<Effect>,
    /// The runs over the seeds.
    pub seeds: Vec<Outcome>,
}

impl Report {
    /// Puts the outcomes of `plan`'s runs, in its order, together; `None` if they do not match.
    pub fn assemble(plan: &[Variant], outcomes: Vec<Outcome>) -> Option<Self> {
        if plan.len() != outcomes.len() {
            return None;
        }
        let mut baseline = None;
        let mut lows = Vec::new();
        let mut effects = Vec::new();
        let mut seeds = Vec::new();
        for (v, o) in plan.iter().zip(outcomes) {
            match *v {
                Variant::Baseline => baseline = Some(o),
                Variant::Low(i) => lows.push((i, o)),
                Variant::High(i) => {
                    let (j, at_low) = lows.pop()?;
                    let Plausible::Range { low, high, .. } = PARAMS.get(i)?.plausible else {
                        return None;
                    };
                    if i != j {
                        return None;
                    }
                    effects.push(Effect {
                        param: i,
                        low,
                        high,
                        at_low,
                        at_high: o,
                    });
                }
                Variant::Seed(_) => seeds.push(o),
            }
        }
        Some(Self {
            baseline: baseline?,
            effects,
            seeds,
        })
    }

    /// The parameters ordered by how far they move `m`, largest first (ties in the registry's
    /// order).
    pub fn ranking(&self, m: Milestone) -> Vec<&Effect> {
        let mut ranked: Vec<&Effect> = self.effects.iter().collect();
        ranked.sort_by_key(|e| std::cmp::Reverse(e.size(&self.baseline.milestones, m)));
        ranked
    }

    /// `m`'s earliest, median and latest time over the seeds.
    pub fn spread(&self, m: Milestone) -> Spread {
        let mut times: Vec<Minute> = self
            .seeds
            .iter()
            .filter_map(|o| o.milestones.get(m))
            .collect();
        times.sort_unstable();
        Spread {
            min: times.first().copied(),
            median: times.get(times.len().saturating_sub(1) / 2).copied(),
            max: times.last().copied(),
            missing: self.seeds.len() - times.len(),
        }
    }
}

/// Runs the whole analysis here, one run after another (the command line shares the runs among
/// threads with `outcome`; the page among workers).
pub fn analyse(base: &Scenario, seeds: u32) -> Result<Report, ParamError> {
    let plan = plan(seeds);
    let outcomes = plan
        .iter()
        .map(|v| outcome(&scenario(base, *v)))
        .collect::<Result<Vec<_>, _>>()?;
    Report::assemble(&plan, outcomes).ok_or_else(|| ParamError {
        field: "sensitivity".into(),
        value: String::new(),
        allowed: "a plan and its outcomes in the same order".into(),
    })
}

#[cfg(test)]
mod tests;
