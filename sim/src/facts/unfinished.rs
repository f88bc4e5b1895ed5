//! Why Kinesis is not back when a run ends: the state of the repair at the run's last minute,
//! in words, so that a run that stops short says why (the command line, the JSON and the page
//! all use this sentence).

use super::Outage;
use crate::clock;
use crate::milestones::Milestone;
use crate::recording::Recording;

/// Why Kinesis is not back at the end of `run`, or `None` when it is back (or never failed).
pub fn why_not_back(run: &Recording) -> Option<String> {
    let Outage::Ongoing { start, run_end } = Outage::of(run) else {
        return None;
    };
    let m = &run.milestones;
    let last = run.series.minute.len().checked_sub(1)?;
    let at = |column: &[f32]| column.get(last).copied().unwrap_or(0.0).round() as u64;
    let s = &run.series;
    let broken = at(&s.servers_limit_hit);
    let evicted = at(&s.servers_evicted);
    let cold = at(&s.servers_cold_start);
    let state = if !m.has(Milestone::RootCauseConfirmed) {
        "the root cause is not yet confirmed, so no fleet restart has begun".to_string()
    } else if !m.has(Milestone::RestartStarted) {
        let removing =
            m.has(Milestone::CapacityAddStarted) && !m.has(Milestone::CapacityRemovalFinished);
        if !removing {
            "the operators hold the restart: even without the added capacity, a restarted server would exceed the thread limit".to_string()
        } else {
            "the removal of the added capacity is still under way, and the restart waits for it"
                .to_string()
        }
    } else if broken + evicted + cold == 0 {
        let error = s.kinesis_error.get(last).copied().unwrap_or(0.0);
        format!(
            "every broken server has been restarted, yet {:.1}% of requests still fail: the fleet fails for a reason a restart does not repair",
            100.0 * error
        )
    } else {
        let rate = at(&s.restart_rate);
        let mut words = format!(
            "the restart is under way: {broken} servers are still past the thread limit, {evicted} evicted by health checks and waiting to be restarted again, {cold} cold-starting, at {rate} per hour"
        );
        if evicted > broken {
            words.push_str(
                "; restarted servers keep being evicted, and each eviction leaves more load on the servers still serving",
            );
        }
        words
    };
    Some(format!(
        "the run ends at {} before Kinesis is fully back (failing since the first alarm at {}): {state}; lengthen it with time.end_min",
        clock::format(run_end),
        clock::format(start)
    ))
}
