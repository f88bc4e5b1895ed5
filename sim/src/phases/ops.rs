//! Phase 1, operator actions: the capacity addition, its removal, the restart (and restarting
//! the next servers from its queue), the Cognito fix and the Lambda mitigation.
//!
//! Every incident response answers something the operators can observe in the run, after a
//! delay (AWS's times are what the default delays give):
//!
//! * the precautionary removal starts `removal_after_alarm_min` after the first alarm, and
//!   halts the addition if it is still under way;
//! * the root cause is confirmed from the earliest evidence that points at it: with only the
//!   error alarm (as on the day) `root_cause_after_alarm_min` after it, chasing memory pressure
//!   first; with a thread alarm the operators have looked at (`alarm_response_min` after it
//!   fires, or at once when the error alarm sends them to every alarm they have),
//!   `confirm_with_thread_alarm_min` after a server's threads pass the limit;
//! * the restart begins once the root cause is confirmed, the removal is complete and no
//!   restarted server would exceed the thread limit (AWS: the removal had "just completed" and
//!   the thread count would "no longer exceed" the limit); it restarts the servers that are
//!   broken (on the day, every one), and the others keep serving;
//! * with `first_fix = memory` the team bets on the leading candidate: it takes no precaution
//!   against the addition, and when the cause is narrowed (`candidates_after_alarm_min`) it
//!   restarts the fleet with a memory fix; when that restart has gone through the fleet without
//!   helping, it confirms the thread limit `rediagnosis_min` later, removes the addition, and
//!   restarts again once the removal is complete;
//! * Cognito's change deploys `cognito_fix_after_spike_min` after its error spike, Lambda's
//!   mitigation `lambda_mitigation_after_errors_min` after its first invocation errors;
//! * a thread alarm (remediation 2) makes operators halt the addition and remove it.

use crate::clock::Minute;
use crate::fleet::ServerState;
use crate::milestones::Milestone;
use crate::recording::EventKind;
use crate::scenario::FirstFix;
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
    /// Whether the operators have answered the thread alarm.
    pub thread_alarm_answered: bool,
    /// When the operators looked at the thread alarm (acting on it, or sent to it by the error
    /// alarm).
    pub thread_alarm_seen_at: Option<Minute>,
    /// When the cause was narrowed to a couple of candidates.
    pub candidates_at: Option<Minute>,
    /// When the root cause (the thread limit) was confirmed.
    pub root_cause_at: Option<Minute>,
    /// When the wrong fix's restart had gone through the fleet.
    pub wrong_fix_done_at: Option<Minute>,
    /// Whether the operators' wait for the fleet to fit under the limit was logged.
    pub hold_logged: bool,
    /// Whether the Lambda mitigation happened.
    pub lambda_mitigated: bool,
}

/// `delay` minutes after `from`, if `from` happened.
pub fn after(from: Option<Minute>, delay: u32) -> Option<Minute> {
    from.map(|t| t + delay as Minute)
}

/// Whether an action due at `due` is due at `t`. An action is done once (each has its own
/// flag), at its minute or, when a branch moves its delay to a minute already past, at once.
fn due(due: Option<Minute>, t: Minute) -> bool {
    due.is_some_and(|d| t >= d)
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
    diagnosis(sim);
    removal(sim);
    restart_when_ready(sim);
    service_responses(sim);
    // The restart itself: operators take the next servers from the queue (see `pacing.rs`).
    crate::phases::pacing::operators(sim);
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

/// The operators answer a thread alarm `alarm_response_min` after it fires, or at once when
/// the first error alarm sends them to look at every alarm they have.
fn thread_alarm_response(sim: &mut Simulation) {
    let Some(at) = sim.ops.thread_alarm_at else {
        return;
    };
    let respond = at + sim.scenario.threads.alarm_response_min as Minute;
    let errors = sim.milestones.get(Milestone::FirstAlarm);
    let seen = errors.map_or(respond, |e| e.min(respond));
    if sim.ops.thread_alarm_answered || sim.t < seen {
        return;
    }
    sim.ops.thread_alarm_answered = true;
    sim.ops.thread_alarm_seen_at = Some(sim.t);
    sim.log(
        EventKind::Operator,
        "Operators act on the thread alarm: they halt the addition and start removing it",
        "model (remediation 2: fine-grained alarms on thread consumption)",
    );
    start_removal(sim);
}

/// The team's diagnosis: the cause narrowed, then the root cause confirmed, each a delay after
/// the first alarm; with a memory fix first, the thread limit is confirmed only after that fix
/// has failed.
fn diagnosis(sim: &mut Simulation) {
    let o = sim.scenario.ops.clone();
    let alarm = sim.milestones.get(Milestone::FirstAlarm);
    if sim.ops.candidates_at.is_none() && due(after(alarm, o.candidates_after_alarm_min), sim.t) {
        sim.ops.candidates_at = Some(sim.t);
        // Recorded without a line of its own in the log: the event below says it in full.
        sim.milestones.hit(Milestone::CauseNarrowed, sim.t);
        sim.log(
            EventKind::Operator,
            "The cause is narrowed to a couple of candidates, memory pressure the leading one; any fix will need a full restart of the front-end fleet",
            "AWS summary: 7:51 AM PST",
        );
        if o.first_fix == FirstFix::Memory {
            crate::phases::restart::begin(sim, true);
            return;
        }
    }
    if sim.ops.root_cause_at.is_some() {
        return;
    }
    let from_errors = match o.first_fix {
        FirstFix::ThreadLimit => after(alarm, o.root_cause_after_alarm_min),
        FirstFix::Memory => after(sim.ops.wrong_fix_done_at, o.rediagnosis_min),
    };
    // A thread alarm the operators have looked at points at the limit: once a server's threads
    // pass it (thread creation fails, which its logs show), checking takes a fixed time.
    let limit_hit = sim.milestones.get(Milestone::ThreadLimitFirstExceeded);
    let from_threads = match (sim.ops.thread_alarm_seen_at, limit_hit) {
        (Some(seen), Some(hit)) => after(Some(seen.max(hit)), o.confirm_with_thread_alarm_min),
        _ => None,
    };
    let confirmed = match (from_errors, from_threads) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if due(confirmed, sim.t) {
        sim.ops.root_cause_at = Some(sim.t);
        sim.milestones.hit(Milestone::RootCauseConfirmed, sim.t);
        sim.log(
            EventKind::Operator,
            "Root cause confirmed: the new capacity made every server exceed the OS thread limit (not memory pressure)",
            "AWS summary: 9:39 AM PST",
        );
    }
}

fn start_removal(sim: &mut Simulation) {
    if sim.ops.removal_started_at.is_none() && sim.ops.booted > 0 {
        sim.ops.removal_started_at = Some(sim.t);
        // What is being taken out is not added any more: the newest server removed stays the
        // newest, so the removal ends with the whole addition gone.
        if sim.ops.booted < sim.fleet.added {
            sim.ops.add_halted = true;
        }
        let (text, source) = if sim.ops.root_cause_at.is_some() {
            (
                "Removal of the added capacity begins, now that the thread limit is known to be the cause",
                "what-if (memory fix first)",
            )
        } else {
            (
                "Removal of the added capacity begins, as a precaution",
                "AWS summary: removal began after the first alarms (time not given)",
            )
        };
        sim.log(EventKind::Operator, text, source);
    }
}

/// Whether the added capacity is gone (or was never there).
fn removal_done(sim: &Simulation) -> bool {
    sim.ops.removed >= sim.ops.booted && (sim.ops.add_halted || sim.ops.booted == sim.fleet.added)
}

fn removal(sim: &mut Simulation) {
    let alarm = sim.milestones.get(Milestone::FirstAlarm);
    let start = match sim.scenario.ops.first_fix {
        // As a precaution, after the first alarm.
        FirstFix::ThreadLimit => after(alarm, sim.scenario.ops.removal_after_alarm_min),
        // Betting on memory pressure: only once the thread limit is confirmed.
        FirstFix::Memory => sim.ops.root_cause_at,
    };
    if due(start, sim.t) {
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
    if removal_done(sim) {
        sim.milestone(Milestone::CapacityRemovalFinished);
    }
}

/// Whether a server restarted now, reading the current membership, would fit under the limit.
pub fn restart_would_fit(sim: &Simulation) -> bool {
    let s = &sim.scenario;
    let peers = if s.shardmap.dedicated_fleet {
        s.shardmap.cache_fleet_servers
    } else {
        sim.members
            .iter()
            .copied()
            .max()
            .unwrap_or(0)
            .saturating_sub(1)
    };
    crate::phases::threads::most_threads_for(s, peers).0 <= s.threads.limit
}

/// The restart with the right fix: once the root cause is confirmed, the removal is complete
/// and a restarted server would fit under the limit.
fn restart_when_ready(sim: &mut Simulation) {
    if sim.restart.active || sim.ops.root_cause_at.is_none_or(|t| sim.t < t) {
        return;
    }
    let needed = sim.restart.restarts_begun == 0 || sim.restart.wrong_fix;
    if !needed || !removal_done(sim) {
        return;
    }
    if !restart_would_fit(sim) {
        if !sim.ops.hold_logged {
            sim.ops.hold_logged = true;
            sim.log(
                EventKind::Operator,
                "Operators hold the restart: even without the added capacity, a restarted server would exceed the thread limit",
                "model",
            );
        }
        return;
    }
    crate::phases::restart::begin(sim, false);
}

fn service_responses(sim: &mut Simulation) {
    let o = &sim.scenario.ops;
    let spike = sim.milestones.get(Milestone::CognitoErrorsSpike);
    let lambda = sim.milestones.get(Milestone::LambdaErrorsStarted);
    let (cognito_due, lambda_due) = (
        after(spike, o.cognito_fix_after_spike_min),
        after(lambda, o.lambda_mitigation_after_errors_min),
    );
    if sim.services.cognito.fix_started_at.is_none() && due(cognito_due, sim.t) {
        sim.services.cognito.fix_started_at = Some(sim.t);
        sim.log(
            EventKind::Operator,
            "Cognito starts deploying a change that reduces its dependency on Kinesis",
            "AWS summary: deployment began at 10:15 AM PST, after errors rose sharply at 7:01 AM",
        );
    }
    if !sim.ops.lambda_mitigated && due(lambda_due, sim.t) {
        sim.services.lambda.mitigated = true;
        sim.ops.lambda_mitigated = true;
        sim.log(
            EventKind::Operator,
            "Lambda engineers mitigate the memory contention on invocation hosts",
            "AWS summary: errors from 6:15 AM, mitigated at 10:36 AM PST",
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
    fn responses_wait_for_what_they_answer() {
        assert_eq!(after(None, 30), None);
        assert_eq!(after(Some(315), 264), Some(579));
        assert_eq!(after(Some(300), 0), Some(300));
    }
}
