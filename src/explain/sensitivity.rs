//! The page's side of "How sure is the model?" (`cascade_sim::sensitivity`): the runs gathered
//! as the workers answer them, in any order, into a report of what is complete so far (so that
//! the first bars show long before the last run), and the table's rows in words.

/// What "How sure is the model?" does, in two sentences: the panel and the story's chapter open
/// with it (one text in the download, not two).
pub const INTRO: &str = "AWS published few numbers, so most of the model's parameters are assumed. Here each assumption is set to the low and to the high end of a plausible range, one at a time, and the model runs the day again.";

use cascade_sim::clock::{self, Minute};
use cascade_sim::params::{Plausible, PARAMS};
use cascade_sim::sensitivity::{output, plan, Effect, Outcome, Report, Shift, Variant};
use cascade_sim::{Milestone, Scenario};

/// The runs of one analysis, gathered as they come.
#[derive(Debug, Clone, PartialEq)]
pub struct Gathered {
    seeds: u32,
    plan: Vec<Variant>,
    outcomes: Vec<Option<Outcome>>,
    received: usize,
}

impl Gathered {
    /// Nothing gathered yet, for an analysis with `seeds` seeds.
    pub fn new(seeds: u32) -> Self {
        let plan = plan(seeds);
        Self {
            seeds,
            outcomes: vec![None; plan.len()],
            plan,
            received: 0,
        }
    }

    /// The requests that share the runs among `workers` workers.
    pub fn requests(&self, base: &Scenario, workers: usize) -> Vec<String> {
        output::parts(self.plan.len(), workers)
            .into_iter()
            .map(|(from, to)| output::request(base, self.seeds, from, to))
            .collect()
    }

    /// Runs in the analysis.
    pub fn total(&self) -> usize {
        self.plan.len()
    }

    /// Runs gathered so far.
    pub fn received(&self) -> usize {
        self.received
    }

    /// The variant of run `k`.
    pub fn variant(&self, k: usize) -> Option<Variant> {
        self.plan.get(k).copied()
    }

    /// Adds run `k`'s outcome; false if there is no such run or it is already in.
    pub fn add(&mut self, k: usize, outcome: Outcome) -> bool {
        match self.outcomes.get_mut(k) {
            Some(slot @ None) => {
                *slot = Some(outcome);
                self.received += 1;
                true
            }
            _ => false,
        }
    }

    /// Adds a worker's answer line; a message if it cannot be read.
    pub fn add_line(&mut self, line: &str) -> Result<(), String> {
        let (k, o) = output::parse_answer(line).ok_or_else(|| {
            format!(
                "unreadable answer from a worker: {}",
                cascade_sim::quote::quote(line)
            )
        })?;
        self.add(k, o);
        Ok(())
    }

    /// The report of what is complete: the scenario's own run, every parameter whose two runs
    /// are in, and the seeds so far. `None` before the scenario's own run is in.
    pub fn report(&self) -> Option<Report> {
        let mut report = Report {
            baseline: self.outcomes.first()?.clone()?,
            effects: Vec::new(),
            seeds: Vec::new(),
        };
        for (k, v) in self.plan.iter().enumerate() {
            match *v {
                Variant::High(i) => {
                    let (Some(Some(at_low)), Some(Some(at_high))) =
                        (self.outcomes.get(k.wrapping_sub(1)), self.outcomes.get(k))
                    else {
                        continue;
                    };
                    if let Plausible::Range { low, high, .. } = PARAMS[i].plausible {
                        report.effects.push(Effect {
                            param: i,
                            low,
                            high,
                            at_low: at_low.clone(),
                            at_high: at_high.clone(),
                        });
                    }
                }
                Variant::Seed(_) => {
                    if let Some(Some(o)) = self.outcomes.get(k) {
                        report.seeds.push(o.clone());
                    }
                }
                Variant::Baseline | Variant::Low(_) => {}
            }
        }
        Some(report)
    }
}

/// A time in words: "HH:MM", or "never" (in the run's span).
pub fn time(t: Option<Minute>) -> String {
    t.map_or_else(|| "never".into(), clock::format)
}

/// A move in words: "3 h 10 min later", "25 min earlier", "unchanged", "never happens",
/// "happens".
pub fn shift(s: Shift) -> String {
    match s {
        Shift::Minutes(0) => "unchanged".into(),
        Shift::Minutes(m) => {
            let (h, min) = (m.unsigned_abs() / 60, m.unsigned_abs() % 60);
            let size = match (h, min) {
                (0, min) => format!("{min} min"),
                (h, 0) => format!("{h} h"),
                (h, min) => format!("{h} h {min} min"),
            };
            format!("{size} {}", if m < 0 { "earlier" } else { "later" })
        }
        Shift::Lost => "never happens".into(),
        Shift::Gained => "happens".into(),
    }
}

/// A value as the scenario panel writes it.
pub fn value(param: usize, v: f64) -> String {
    PARAMS
        .get(param)
        .map_or_else(|| v.to_string(), |p| p.show(v))
}

/// One row of the table: a parameter's effect on the chosen milestone, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The parameter's key (and the id of its control in the scenario panel).
    pub key: &'static str,
    /// Its range, "low to high unit".
    pub range: String,
    /// Why that range.
    pub why: &'static str,
    /// The milestone at the low end, and how it moved.
    pub at_low: String,
    /// The milestone at the high end, and how it moved.
    pub at_high: String,
}

/// The rows of the parameters that move `m`, most first, and how many move it not at all.
pub fn rows(report: &Report, m: Milestone) -> (Vec<Row>, usize) {
    let base = &report.baseline.milestones;
    let ranked = report.ranking(m);
    let moving: Vec<&Effect> = ranked
        .iter()
        .copied()
        .filter(|e| e.size(base, m) > 0)
        .collect();
    let rows = moving
        .iter()
        .map(|e| {
            let (lo, hi) = e.shifts(base, m);
            let unit = PARAMS.get(e.param).map_or("", |p| p.unit);
            Row {
                key: e.key(),
                range: format!(
                    "{} to {} {unit}",
                    value(e.param, e.low),
                    value(e.param, e.high)
                ),
                why: e.why(),
                at_low: format!("{} ({})", time(e.at_low.milestones.get(m)), shift(lo)),
                at_high: format!("{} ({})", time(e.at_high.milestones.get(m)), shift(hi)),
            }
        })
        .collect();
    (rows, ranked.len() - moving.len())
}

/// The spread of `m` over the seeds, in words.
pub fn spread(report: &Report, m: Milestone) -> String {
    let s = report.spread(m);
    let n = report.seeds.len();
    let mut text = match (s.min, s.median, s.max) {
        (Some(a), Some(med), Some(b)) if a == b => {
            format!("the same minute, {}, in all {n} seeds", clock::format(med))
        }
        (Some(a), Some(med), Some(b)) => format!(
            "from {} to {} over {n} seeds (median {})",
            clock::format(a),
            clock::format(b),
            clock::format(med)
        ),
        _ => format!("never, in {n} seeds"),
    };
    if s.missing > 0 && s.missing < n {
        text.push_str(&format!("; it never happens in {} of them", s.missing));
    }
    text
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use cascade_sim::sensitivity::{analyse, outcome, scenario};

    /// Runs gathered in any order give, once all are in, the analysis's own report; before
    /// that, only the parameters whose two runs are in.
    #[test]
    fn runs_gathered_in_any_order_give_the_analysis() {
        let base = Scenario::default();
        let mut g = Gathered::new(2);
        assert!(
            g.report().is_none(),
            "nothing before the scenario's own run"
        );
        let order: Vec<usize> = (0..g.total()).rev().collect();
        for (n, k) in order.iter().enumerate() {
            let v = g.variant(*k).expect("a run");
            let line = output::answer_line(*k, &outcome(&scenario(&base, v)).expect("run"));
            g.add_line(&line).expect("read");
            if n == g.total() / 2 {
                assert!(g.report().is_none(), "the scenario's own run is last here");
            }
        }
        assert_eq!(g.received(), g.total());
        assert_eq!(g.report(), analyse(&base, 2).ok());
        assert!(!g.add(0, outcome(&base).expect("run")), "a run counts once");
        assert!(g.add_line("nonsense").is_err());
    }

    /// A partial report holds only complete parameters.
    #[test]
    fn a_partial_report_holds_complete_parameters_only() {
        let base = Scenario::default();
        let mut g = Gathered::new(1);
        for k in 0..4 {
            let v = g.variant(k).expect("a run");
            g.add(k, outcome(&scenario(&base, v)).expect("run"));
        }
        let r = g.report().expect("a report");
        assert_eq!(
            r.effects.len(),
            1,
            "runs 1 and 2 are one parameter; run 3 half of one"
        );
        assert!(r.seeds.is_empty());
    }

    #[test]
    fn moves_and_rows_read_as_words() {
        assert_eq!(shift(Shift::Minutes(190)), "3 h 10 min later");
        assert_eq!(shift(Shift::Minutes(-25)), "25 min earlier");
        assert_eq!(shift(Shift::Minutes(120)), "2 h later");
        assert_eq!(shift(Shift::Lost), "never happens");
        let report = analyse(&Scenario::default(), 2).expect("report");
        let (rows, still) = rows(&report, Milestone::FirstAlarm);
        assert!(
            !rows.is_empty() && still > 0,
            "{} moving, {still} not",
            rows.len()
        );
        let lease = rows
            .iter()
            .find(|r| r.key == "shardmap.lease_min")
            .expect("the lease moves the alarm");
        assert_eq!(lease.range, "110 to 170 minutes");
        assert!(lease.at_low.contains("earlier"), "{}", lease.at_low);
        assert!(spread(&report, Milestone::FirstAlarm).contains("2 seeds"));
    }
}
