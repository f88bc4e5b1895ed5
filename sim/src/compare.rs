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
    /// Minutes in which Kinesis failed at least the alarm threshold of requests.
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

/// The impact of a recorded run.
pub fn impact(run: &Recording) -> Impact {
    let s = &run.series;
    let threshold = run.scenario.alarm.error_threshold as f32;
    let degraded = |name: &str| {
        s.column(name).map_or(0, |v| {
            v.iter().filter(|h| **h < DEGRADED_BELOW).count() as u32
        })
    };
    Impact {
        trigger: run.milestones.get(Milestone::CapacityAddStarted),
        first_alarm: run.milestones.get(Milestone::FirstAlarm),
        kinesis_outage_min: s.kinesis_error.iter().filter(|e| **e >= threshold).count() as u32,
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
    }
}
