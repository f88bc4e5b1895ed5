//! The analysis written out: JSON and CSV (the command line's `sensitivity` and the page's table
//! export), and the text protocol with which the page's workers share its runs.

use serde_json::{json, Map, Value};

use super::{plan, Effect, Outcome, Report, Shift};
use crate::clock::{self, Minute};
use crate::milestones::{Milestone, Milestones, ALL};
use crate::params::{ParamError, PARAMS};
use crate::scenario::Scenario;

fn shift_json(s: Shift) -> Value {
    match s {
        Shift::Minutes(m) => json!(m),
        Shift::Lost => json!("lost"),
        Shift::Gained => json!("gained"),
    }
}

fn shift_text(s: Shift) -> String {
    match s {
        Shift::Minutes(m) => m.to_string(),
        Shift::Lost => "lost".into(),
        Shift::Gained => "gained".into(),
    }
}

fn milestones_json(m: &Milestones) -> Value {
    serde_json::to_value(m).unwrap_or(Value::Null)
}

/// `e`'s place among the parameters that move `m` at all (1 = most), if it moves it.
pub fn rank(report: &Report, e: &Effect, m: Milestone) -> Option<usize> {
    if e.size(&report.baseline.milestones, m) == 0 {
        return None;
    }
    report
        .ranking(m)
        .iter()
        .position(|r| r.param == e.param)
        .map(|k| k + 1)
}

/// The analysis as JSON: `baseline`, `parameters` (each with its range, the scenario's value,
/// the milestones at both ends and how each moved), `ranking` (per milestone, the parameters
/// that move it, most first) and `seeds` (`count`, and per milestone `min`, `median`, `max`
/// and `missing`). Times are minutes since 00:00 PST on 25 November 2020.
pub fn to_json(report: &Report, scenario: &Scenario) -> String {
    let base = &report.baseline.milestones;
    let parameters: Vec<Value> = report
        .effects
        .iter()
        .map(|e| {
            let moves: Map<String, Value> = ALL
                .iter()
                .map(|m| {
                    let (lo, hi) = e.shifts(base, *m);
                    let v = json!({ "low": shift_json(lo), "high": shift_json(hi), "rank": rank(report, e, *m) });
                    (m.key().to_string(), v)
                })
                .collect();
            json!({
                "key": e.key(),
                "value": PARAMS.get(e.param).map(|p| (p.get)(scenario)),
                "low": e.low,
                "high": e.high,
                "why": e.why(),
                "milestones_low": milestones_json(&e.at_low.milestones),
                "milestones_high": milestones_json(&e.at_high.milestones),
                "broken_low": e.at_low.broken,
                "broken_high": e.at_high.broken,
                "moves": moves,
            })
        })
        .collect();
    let ranking: Map<String, Value> = ALL
        .iter()
        .map(|m| {
            let keys: Vec<&str> = report
                .ranking(*m)
                .into_iter()
                .filter(|e| e.size(base, *m) > 0)
                .map(Effect::key)
                .collect();
            (m.key().to_string(), json!(keys))
        })
        .collect();
    let spread: Map<String, Value> = ALL
        .iter()
        .map(|m| {
            let s = report.spread(*m);
            let v = json!({ "min": s.min, "median": s.median, "max": s.max, "missing": s.missing });
            (m.key().to_string(), v)
        })
        .collect();
    let doc = json!({
        "baseline": milestones_json(base),
        "parameters": parameters,
        "ranking": ranking,
        "seeds": { "count": report.seeds.len(), "milestones": spread },
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

fn time(t: Option<Minute>) -> String {
    t.map(clock::format).unwrap_or_default()
}

/// The header of the CSV.
pub const CSV_HEADER: &str =
    "key,low,high,milestone,baseline,at_low,at_high,shift_low_min,shift_high_min,rank";

/// One CSV row: `e`'s effect on `m` (times as "HH:MM", empty when it never happens; shifts in
/// minutes, or `lost` and `gained`; the rank among the parameters that move it).
pub fn csv_row(report: &Report, e: &Effect, m: Milestone) -> String {
    let base = &report.baseline.milestones;
    let (lo, hi) = e.shifts(base, m);
    format!(
        "{},{},{},{},{},{},{},{},{},{}",
        e.key(),
        e.low,
        e.high,
        m.key(),
        time(base.get(m)),
        time(e.at_low.milestones.get(m)),
        time(e.at_high.milestones.get(m)),
        shift_text(lo),
        shift_text(hi),
        rank(report, e, m).map_or_else(String::new, |r| r.to_string()),
    )
}

/// The analysis as CSV: one row per parameter and milestone.
pub fn to_csv(report: &Report) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push('\n');
    for e in &report.effects {
        for m in ALL {
            out.push_str(&csv_row(report, e, *m));
            out.push('\n');
        }
    }
    out
}

/// First word of a worker request for runs of the analysis.
pub const PREFIX: &str = "sensitivity ";

/// The request for the runs `from..to` of the plan with `seeds` seeds, of `base`.
pub fn request(base: &Scenario, seeds: u32, from: usize, to: usize) -> String {
    format!(
        "{PREFIX}{seeds} {from} {to}\n{}",
        crate::jobs::scenario_lines(base)
    )
}

fn bad(what: &str) -> ParamError {
    ParamError {
        field: "sensitivity request".into(),
        value: crate::quote::quote(what),
        allowed: "`sensitivity SEEDS FROM TO`, then key=value lines".into(),
    }
}

/// Answers a request: calls `reply` with one line per run, in the plan's order.
pub fn answer(text: &str, mut reply: impl FnMut(String)) -> Result<(), ParamError> {
    let (head, words, rest) = crate::jobs::split_request(text, PREFIX).map_err(bad)?;
    let [seeds, from, to] = words.as_slice() else {
        return Err(bad(head));
    };
    let number = |w: &str| w.parse::<usize>().map_err(|_| bad(head));
    let seeds = u32::try_from(number(seeds)?).map_err(|_| bad(head))?;
    let (from, to) = (number(from)?, number(to)?);
    let base = crate::jobs::read_lines(rest.lines())?;
    let plan = plan(seeds);
    for (k, v) in plan.iter().enumerate().take(to).skip(from) {
        reply(answer_line(
            k,
            &super::outcome(&super::scenario(&base, *v))?,
        ));
    }
    Ok(())
}

/// One run's outcome as a line: its index, 1 if broken, then each milestone's minute or `-`.
pub fn answer_line(index: usize, o: &Outcome) -> String {
    let mut line = format!("{index} {}", u8::from(o.broken));
    for (_, t) in o.milestones.iter() {
        line.push(' ');
        match t {
            Some(t) => line.push_str(&t.to_string()),
            None => line.push('-'),
        }
    }
    line
}

/// Reads one line of an answer.
pub fn parse_answer(line: &str) -> Option<(usize, Outcome)> {
    let mut words = line.split(' ');
    let index = words.next()?.parse().ok()?;
    let broken = words.next()? == "1";
    let mut milestones = Milestones::default();
    for m in ALL {
        match words.next()? {
            "-" => {}
            t => {
                milestones.hit(*m, t.parse().ok()?);
            }
        }
    }
    words
        .next()
        .is_none()
        .then_some((index, Outcome { milestones, broken }))
}

/// The runs of a plan, shared as evenly as possible among `parts` workers: each part's range.
pub fn parts(runs: usize, parts: usize) -> Vec<(usize, usize)> {
    let parts = parts.clamp(1, runs.max(1));
    (0..parts)
        .map(|k| (runs * k / parts, runs * (k + 1) / parts))
        .collect()
}
