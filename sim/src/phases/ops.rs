//! Phase 1, scheduled operator actions: the capacity addition, its removal, the restart (and
//! restarting the next servers from its queue), the Cognito fix and the Lambda mitigation.
//!
//! Incident responses (removal, restart, fixes) answer the first alarm: each waits for it, and
//! when the alarm comes later than on the day, the action keeps its historical delay after it.
//! A thread alarm (remediation 2) makes operators halt the addition and remove it.

use crate::clock::{historical, Minute};
use crate::fleet::ServerState;
use crate::milestones::Milestone;
use crate::recording::EventKind;
use crate::sim::Simulation;

/// Operator actions in progress.
#[derive(Debug, Clone, Default)]
pub struct OpsState {
    /// Added servers booted so far.
    pub booted: u32,
    /// Added servers removed so far.
    pub removed: u32,
    /// Whether the addition was halted (after a thread alarm).
    pub add_halted: bool,
    /// When the removal began.
    pub removal_started_at: Option<Minute>,
    /// Fractional servers owed to the removal.
    pub removal_tokens: f64,
    /// When a thread alarm fired.
    pub thread_alarm_at: Option<Minute>,
    /// Whether the Lambda mitigation happened.
    pub lambda_mitigated: bool,
}

/// When an incident response scheduled at `scheduled` happens, given the first alarm.
pub fn response_time(scheduled: Minute, first_alarm: Option<Minute>) -> Option<Minute> {
    let alarm = first_alarm?;
    let delay = (scheduled - historical::FIRST_ALARM).max(0);
    Some(scheduled.max(alarm + delay))
}

/// Added servers that should have booted by `t` under the schedule.
pub fn scheduled_adds(added: u32, start: Minute, end: Minute, t: Minute) -> u32 {
    if added == 0 || t < start {
        return 0;
    }
    if t >= end {
        return added;
    }
    let span = i64::from(end - start + 1);
    let done = i64::from(t - start + 1);
    (i64::from(added) * done / span) as u32
}

/// Runs the phase.
pub fn run(sim: &mut Simulation) {
    capacity_add(sim);
    thread_alarm_response(sim);
    removal(sim);
    incident_responses(sim);
    // The restart itself: operators take the next servers from the queue (see `restart.rs`).
    crate::phases::restart::operators(sim);
}

fn capacity_add(sim: &mut Simulation) {
    let f = &sim.scenario.fleet;
    let (start, end) = (f.add_start_min, f.add_end_min);
    let target = scheduled_adds(sim.fleet.added, start, end, sim.t);
    if sim.ops.add_halted || target <= sim.ops.booted {
        return;
    }
    if sim.ops.booted == 0 {
        sim.milestone(Milestone::CapacityAddStarted);
        sim.log(
            EventKind::Operator,
            format!(
                "Capacity addition starts: {} new front-end servers",
                sim.fleet.added
            ),
            "AWS summary: the addition began at 02:44 PST",
        );
    }
    let existing = sim.fleet.existing as usize;
    for k in sim.ops.booted..target {
        let i = existing + k as usize;
        sim.fleet.servers[i].boot = sim.t;
        sim.set_state(i, ServerState::Serving);
        sim.dirty.push(i as u32);
    }
    sim.ops.booted = target;
    if target == sim.fleet.added {
        sim.milestone(Milestone::CapacityAddFinished);
    }
}

fn thread_alarm_response(sim: &mut Simulation) {
    let Some(at) = sim.ops.thread_alarm_at else {
        return;
    };
    let due = at + sim.scenario.threads.alarm_response_min as Minute;
    if sim.t != due {
        return;
    }
    if !sim.milestones.has(Milestone::CapacityAddFinished) {
        sim.ops.add_halted = true;
    }
    sim.log(
        EventKind::Operator,
        "Operators act on the thread alarm: they halt the addition and start removing it",
        "model (remediation 2: fine-grained alarms on thread consumption)",
    );
    start_removal(sim);
}

fn start_removal(sim: &mut Simulation) {
    if sim.ops.removal_started_at.is_none() && sim.ops.booted > 0 {
        sim.ops.removal_started_at = Some(sim.t);
        sim.log(
            EventKind::Operator,
            "Removal of the added capacity begins, as a precaution",
            "AWS summary: removal began after the first alarms (time not given)",
        );
    }
}

fn removal(sim: &mut Simulation) {
    let first_alarm = sim.milestones.get(Milestone::FirstAlarm);
    if response_time(sim.scenario.ops.removal_start_min, first_alarm) == Some(sim.t) {
        start_removal(sim);
    }
    if sim.ops.removal_started_at.is_none() || sim.ops.removed >= sim.ops.booted {
        return;
    }
    sim.ops.removal_tokens += sim.scenario.ops.removal_per_hour / 60.0;
    let existing = sim.fleet.existing as usize;
    while sim.ops.removal_tokens >= 1.0 && sim.ops.removed < sim.ops.booted {
        // Newest first: the last servers added are the first taken out.
        let i = existing + (sim.ops.booted - 1 - sim.ops.removed) as usize;
        sim.set_state(i, ServerState::Removed);
        sim.fleet.servers[i].queued = false;
        sim.ops.removed += 1;
        sim.ops.removal_tokens -= 1.0;
    }
    if sim.ops.removed == sim.ops.booted
        && (sim.ops.add_halted || sim.ops.booted == sim.fleet.added)
    {
        sim.milestone(Milestone::CapacityRemovalFinished);
    }
}

fn incident_responses(sim: &mut Simulation) {
    let first_alarm = sim.milestones.get(Milestone::FirstAlarm);
    let o = sim.scenario.ops.clone();
    if response_time(o.restart_start_min, first_alarm) == Some(sim.t) {
        crate::phases::restart::begin(sim);
    }
    if response_time(o.cognito_fix_min, first_alarm) == Some(sim.t) {
        sim.services.cognito.fix_started_at = Some(sim.t);
        sim.log(
            EventKind::Operator,
            "Cognito starts deploying a change that reduces its dependency on Kinesis",
            "AWS summary: deployment began at 10:15 PST",
        );
    }
    if response_time(o.lambda_mitigation_min, first_alarm) == Some(sim.t) {
        sim.services.lambda.mitigated = true;
        sim.ops.lambda_mitigated = true;
        sim.log(
            EventKind::Operator,
            "Lambda engineers mitigate the memory contention on invocation hosts",
            "AWS summary: mitigation at 10:36 PST",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_are_spread_evenly_and_complete_at_the_end() {
        assert_eq!(scheduled_adds(100, 164, 227, 163), 0);
        assert_eq!(scheduled_adds(100, 164, 227, 164), 1);
        assert_eq!(scheduled_adds(100, 164, 227, 227), 100);
        assert_eq!(scheduled_adds(100, 164, 227, 500), 100);
        let mut last = 0;
        for t in 164..=227 {
            let n = scheduled_adds(100, 164, 227, t);
            assert!(n >= last);
            last = n;
        }
        assert_eq!(scheduled_adds(5, 100, 100, 100), 5);
    }

    #[test]
    fn responses_wait_for_the_alarm_and_keep_their_delay() {
        let restart = historical::ROOT_CAUSE;
        assert_eq!(response_time(restart, None), None);
        assert_eq!(
            response_time(restart, Some(historical::FIRST_ALARM)),
            Some(restart)
        );
        assert_eq!(
            response_time(restart, Some(historical::FIRST_ALARM - 60)),
            Some(restart)
        );
        assert_eq!(
            response_time(restart, Some(historical::FIRST_ALARM + 60)),
            Some(restart + 60)
        );
        // An action scheduled before the alarm waits for it.
        assert_eq!(response_time(200, Some(400)), Some(400));
    }
}
