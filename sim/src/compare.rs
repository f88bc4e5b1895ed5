//! The impact of a run in a few numbers, for comparing a branch with the run it forked from.

use crate::clock::Minute;
use crate::fleet::ServerState;
use crate::milestones::Milestone;
use crate::recording::Recording;
use crate::services::graph::SERVICES;

/// Below this health a service counts as degraded (the app colours it the same way).
pub const DEGRADED_BELOW: f32 = 0.95;

/// What a run cost, in the terms of a postmortem.
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    /// When the capacity addition started (the trigger).
    pub trigger: Option<Minute>,
    /// The first alarm, if any.
    pub first_alarm: Option<Minute>,
    /// Minutes of Kinesis's outage: from the first alarm to fully back, or to the run's end
    /// (`facts::Outage`).
    pub kinesis_outage_min: u32,
    /// When Kinesis was fully back, if it was before the run ended.
    pub kinesis_recovered: Option<Minute>,
    /// Failed requests, in hours of the full request rate (demand assumed steady over the day).
    pub failed_request_hours: f64,
    /// Health-check evictions during the run.
    pub evictions: usize,
    /// For every service of the graph: minutes it was degraded.
    pub degraded_min: Vec<(&'static str, u32)>,
}

impl Impact {
    /// Minutes from the trigger to the first alarm.
    pub fn time_to_alarm(&self) -> Option<Minute> {
        Some(self.first_alarm? - self.trigger?)
    }
}

/// A length of time in words: "5 h 03 min", "45 min", or "none".
pub fn duration(minutes: i64) -> String {
    match minutes {
        0 => "none".to_string(),
        m if m < 0 => format!("−{}", duration(-m)),
        m if m < 60 => format!("{m} min"),
        m => format!("{} h {:02} min", m / 60, m % 60),
    }
}

/// The one difference to take from a branch, in a sentence: when Kinesis is fully back (or
/// whether it fails at all) in the branch, against the run it forked from.
pub fn headline(base: &Impact, branch: &Impact) -> String {
    let clock = crate::clock::format;
    let outage = |i: &Impact| i64::from(i.kinesis_outage_min);
    if outage(branch) == 0 && outage(base) > 0 {
        return format!(
            "In this branch Kinesis has no outage (the run it forked from: {} of outage).",
            duration(outage(base))
        );
    }
    match (base.kinesis_recovered, branch.kinesis_recovered) {
        (Some(a), Some(b)) if b > a => format!(
            "In this branch Kinesis is fully back {} later: at {} instead of {}.",
            duration(i64::from(b - a)),
            clock(b),
            clock(a)
        ),
        (Some(a), Some(b)) if b < a => format!(
            "In this branch Kinesis is fully back {} sooner: at {} instead of {}.",
            duration(i64::from(a - b)),
            clock(b),
            clock(a)
        ),
        (Some(a), None) => format!(
            "In this branch Kinesis is not fully back by the end of the run (the run it forked from: at {}).",
            clock(a)
        ),
        (None, Some(b)) => format!(
            "In this branch Kinesis is fully back at {} (the run it forked from: not by the end of the run).",
            clock(b)
        ),
        _ => match outage(branch) - outage(base) {
            0 => "In this branch Kinesis fails for as long as in the run it forked from.".into(),
            d if d > 0 => format!("In this branch Kinesis fails {} longer.", duration(d)),
            d => format!("In this branch Kinesis fails {} less.", duration(-d)),
        },
    }
}

/// One row of the comparison of two runs: what, its value in each, and the difference in
/// words that say which run is better.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What is compared.
    pub what: String,
    /// In the first run (the day, or the run a branch forked from).
    pub a: String,
    /// In the second (the what-if, or the branch).
    pub b: String,
    /// The difference, in words: "2 h 10 min less: better".
    pub difference: String,
}

/// A difference in minutes of something bad (an outage, time degraded), in words.
fn worse_if_more(a: i64, b: i64, more: &str, less: &str) -> String {
    match b - a {
        0 => "the same".into(),
        d if d > 0 => format!("{} {more}: worse", duration(d)),
        d => format!("{} {less}: better", duration(-d)),
    }
}

/// Whether a run's outage is still under way when the run ends.
fn ongoing(i: &Impact) -> bool {
    i.first_alarm.is_some() && i.kinesis_recovered.is_none()
}

/// An outage's length, or for one still under way its length so far.
fn outage_cell(i: &Impact) -> String {
    let so_far = duration(i64::from(i.kinesis_outage_min));
    if ongoing(i) {
        format!("{so_far} so far, still failing at the end")
    } else {
        so_far
    }
}

/// A clock time, or words when there is none.
fn clock_or(t: Option<Minute>, none: &str) -> String {
    t.map_or_else(|| none.to_string(), crate::clock::format)
}

/// The comparison of two runs in postmortem terms, one row per quantity, each difference saying
/// better or worse.
pub fn table(a: &Impact, b: &Impact) -> Vec<Row> {
    let row = |what: &str, a: String, b: String, difference: String| Row {
        what: what.into(),
        a,
        b,
        difference,
    };
    let mut out = vec![
        row(
            "first alarm",
            clock_or(a.first_alarm, "none"),
            clock_or(b.first_alarm, "none"),
            match (a.first_alarm, b.first_alarm) {
                (Some(x), Some(y)) => match y - x {
                    0 => "the same".into(),
                    d if d > 0 => format!("{} later", duration(i64::from(d))),
                    d => format!("{} sooner", duration(i64::from(-d))),
                },
                (None, None) => "neither alarms".into(),
                (Some(_), None) => "no alarm: better".into(),
                (None, Some(_)) => "an alarm where there was none: worse".into(),
            },
        ),
        row(
            "Kinesis outage (first alarm to fully back)",
            outage_cell(a),
            outage_cell(b),
            match (ongoing(a), ongoing(b)) {
                (false, false) => worse_if_more(
                    i64::from(a.kinesis_outage_min),
                    i64::from(b.kinesis_outage_min),
                    "longer",
                    "shorter",
                ),
                // An outage still under way when its run ends has no length yet: only a bound.
                (false, true) if b.kinesis_outage_min > a.kinesis_outage_min => format!(
                    "at least {} longer: worse",
                    duration(i64::from(b.kinesis_outage_min - a.kinesis_outage_min))
                ),
                (false, true) => "still failing at the end: worse".into(),
                (true, false) => "over within the run: better".into(),
                (true, true) => "both still failing at the end".into(),
            },
        ),
        row(
            "Kinesis fully back",
            clock_or(a.kinesis_recovered, "not by the end"),
            clock_or(b.kinesis_recovered, "not by the end"),
            match (a.kinesis_recovered, b.kinesis_recovered) {
                (Some(x), Some(y)) => worse_if_more(i64::from(x), i64::from(y), "later", "sooner"),
                (Some(_), None) => "not back by the end: worse".into(),
                (None, Some(_)) => "back where it was not: better".into(),
                (None, None) => "neither is back".into(),
            },
        ),
        row(
            "failed requests (hours of the full request rate; demand assumed steady)",
            format!("{:.1}", a.failed_request_hours),
            format!("{:.1}", b.failed_request_hours),
            match b.failed_request_hours - a.failed_request_hours {
                d if d.abs() < 0.05 => "the same".into(),
                d if d > 0.0 => format!("{d:.1} more: worse"),
                d => format!("{:.1} fewer: better", -d),
            },
        ),
        row(
            "servers evicted by health checks",
            a.evictions.to_string(),
            b.evictions.to_string(),
            match b.evictions as i64 - a.evictions as i64 {
                0 => "the same".into(),
                d if d > 0 => format!("{d} more: worse"),
                d => format!("{} fewer: better", -d),
            },
        ),
    ];
    for ((id, x), (_, y)) in a.degraded_min.iter().zip(&b.degraded_min) {
        let name = SERVICES
            .iter()
            .find(|s| s.id == *id)
            .map_or(*id, |s| s.name);
        out.push(row(
            &format!("{name}: time degraded"),
            duration(i64::from(*x)),
            duration(i64::from(*y)),
            worse_if_more(i64::from(*x), i64::from(*y), "longer", "shorter"),
        ));
    }
    out
}

/// The impact of a recorded run.
pub fn impact(run: &Recording) -> Impact {
    let s = &run.series;
    let degraded = |name: &str| {
        s.column(name).map_or(0, |v| {
            v.iter().filter(|h| **h < DEGRADED_BELOW).count() as u32
        })
    };
    Impact {
        trigger: run.milestones.get(Milestone::CapacityAddStarted),
        first_alarm: run.milestones.get(Milestone::FirstAlarm),
        kinesis_outage_min: crate::facts::Outage::of(run).minutes().max(0) as u32,
        kinesis_recovered: run.milestones.get(Milestone::KinesisRecovered),
        failed_request_hours: s.kinesis_error.iter().map(|e| f64::from(*e)).sum::<f64>() / 60.0,
        evictions: run
            .servers
            .transitions
            .iter()
            .filter(|c| c.state == ServerState::Evicted)
            .count(),
        degraded_min: SERVICES
            .iter()
            .map(|n| (n.id, degraded(n.health_series)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;

    #[test]
    fn history_against_a_doubled_limit() {
        let base = Scenario::default();
        let mut doubled = base.clone();
        doubled.threads.limit *= 2;
        let (Ok(a), Ok(b)) = (crate::sim::run(&base), crate::sim::run(&doubled)) else {
            panic!("runs failed");
        };
        let (a, b) = (impact(&a), impact(&b));
        assert!(
            a.first_alarm.is_some() && a.kinesis_outage_min > 12 * 60,
            "{a:?}"
        );
        assert!(a.failed_request_hours > 5.0, "{a:?}");
        assert_eq!(b.first_alarm, None);
        assert_eq!(b.kinesis_outage_min, 0);
        assert!(b.failed_request_hours < 0.01, "{b:?}");
        assert_eq!(a.degraded_min.len(), SERVICES.len());
        let cw = |i: &Impact| {
            i.degraded_min
                .iter()
                .find(|(id, _)| *id == "cloudwatch")
                .map(|x| x.1)
        };
        assert!(cw(&a) > Some(600) && cw(&b) == Some(0));
        assert_eq!(a.time_to_alarm(), a.first_alarm.map(|t| t - 164));
        assert_eq!(
            headline(&a, &b),
            format!(
                "In this branch Kinesis has no outage (the run it forked from: {} of outage).",
                duration(i64::from(a.kinesis_outage_min))
            )
        );
    }

    #[test]
    fn the_headline_says_which_run_recovers_first_and_by_how_much() {
        let base = Scenario::default();
        let mut slow = base.clone();
        slow.restart.per_hour /= 2.0;
        let (Ok(a), Ok(b)) = (crate::sim::run(&base), crate::sim::run(&slow)) else {
            panic!("runs failed");
        };
        let (a, b) = (impact(&a), impact(&b));
        let later = headline(&a, &b);
        let sooner = headline(&b, &a);
        match (a.kinesis_recovered, b.kinesis_recovered) {
            (Some(x), Some(y)) => {
                assert!(y > x, "{x} {y}");
                let gap = duration(i64::from(y - x));
                assert!(later.contains(&format!("{gap} later")), "{later}");
                assert!(sooner.contains(&format!("{gap} sooner")), "{sooner}");
            }
            (Some(_), None) => assert!(later.contains("not fully back"), "{later}"),
            other => panic!("the historical run recovers: {other:?}"),
        }
        assert_eq!(duration(0), "none");
        assert_eq!(duration(45), "45 min");
        assert_eq!(duration(125), "2 h 05 min");
    }
}

#[cfg(test)]
mod table_tests {
    use super::*;

    #[test]
    fn an_outage_still_under_way_is_a_bound_not_a_length() {
        let day = crate::presets::scenario("historical").and_then(|s| crate::sim::run(&s));
        let fast = crate::presets::scenario("restart-too-fast").and_then(|s| crate::sim::run(&s));
        let (Ok(day), Ok(fast)) = (day, fast) else {
            panic!("runs");
        };
        let rows = table(&impact(&day), &impact(&fast));
        let Some(outage) = rows.iter().find(|r| r.what.starts_with("Kinesis outage")) else {
            panic!("an outage row");
        };
        assert!(
            outage.b.ends_with("so far, still failing at the end"),
            "{outage:?}"
        );
        assert!(outage.difference.starts_with("at least "), "{outage:?}");
        assert!(outage.difference.ends_with("longer: worse"), "{outage:?}");
        let same = table(&impact(&day), &impact(&day));
        assert!(same.iter().all(|r| r.difference == "the same"), "{same:?}");
    }
}
