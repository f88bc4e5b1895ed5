//! Phase 9, recording: one row of every series for this minute.

use crate::fleet::ServerState;
use crate::recording::SeriesRow;
use crate::sim::Simulation;

/// Fewest, median and most of `values`; `scratch` is reused between minutes.
pub fn min_median_max(values: &[u32], scratch: &mut Vec<u32>) -> Option<(u32, u32, u32)> {
    let lo = *values.iter().min()?;
    let hi = *values.iter().max()?;
    let mid = (values.len() - 1) / 2;
    let span = (hi - lo) as usize + 1;
    // Thread counts cluster in a narrow band, so counting beats sorting.
    if span <= 1 << 16 {
        scratch.clear();
        scratch.resize(span, 0);
        for v in values {
            scratch[(v - lo) as usize] += 1;
        }
        let mut seen = 0usize;
        for (k, c) in scratch.iter().enumerate() {
            seen += *c as usize;
            if seen > mid {
                return Some((lo, lo + k as u32, hi));
            }
        }
        return None;
    }
    scratch.clear();
    scratch.extend_from_slice(values);
    let (_, median, _) = scratch.select_nth_unstable(mid);
    Some((lo, *median, hi))
}

/// Runs the phase.
pub fn run(sim: &mut Simulation) {
    let mut counts = [0u32; 7];
    let mut over = 0u32;
    let limit = sim.scenario.threads.limit;
    let mut running = std::mem::take(&mut sim.running_threads);
    running.clear();
    for i in 0..sim.fleet.len() {
        let state = sim.fleet.state[i];
        counts[state as usize] += 1;
        if state.running() {
            running.push(sim.fleet.threads[i]);
            if crate::phases::threads::threads_for(&sim.scenario, sim.fleet.known[i]).0 > limit {
                over += 1;
            }
        }
    }
    let (tmin, tmed, tmax) = min_median_max(&running, &mut sim.scratch).unwrap_or((0, 0, 0));
    sim.running_threads = running;
    let c = |s: ServerState| counts[s as usize] as f32;
    let svc = &sim.services;
    let alarmed = sim.milestones.has(crate::milestones::Milestone::FirstAlarm);
    let paused = sim.restart.paused_until.is_some_and(|p| sim.t < p);
    let row = SeriesRow {
        kinesis_success: sim.traffic.availability as f32,
        kinesis_error: (1.0 - sim.traffic.availability) as f32,
        frontend_health: sim.traffic.good_maps as f32,
        servers_pending: c(ServerState::Pending),
        servers_serving: c(ServerState::Serving),
        servers_limit_hit: c(ServerState::LimitHit),
        servers_removed: c(ServerState::Removed),
        servers_cold_start: c(ServerState::ColdStart),
        servers_evicted: c(ServerState::Evicted),
        servers_recovered: c(ServerState::Recovered),
        servers_over_limit: over as f32,
        threads_min: tmin as f32,
        threads_median: tmed as f32,
        threads_max: tmax as f32,
        fleet_load: sim.traffic.load as f32,
        restart_rate: if sim.restart.active && !paused && !sim.restart.queue.is_empty() {
            sim.restart.rate as f32
        } else {
            0.0
        },
        cold_start_supply: sim.traffic.supply as f32,
        cloudwatch_write_failure: svc.cloudwatch.write_failure as f32,
        cloudwatch_put_success: svc.cloudwatch.put_success as f32,
        cloudwatch_readable: svc.cloudwatch.readable as f32,
        cloudwatch_buffered_min: svc.cloudwatch.buffered_min as f32,
        cloudwatch_lost_min: svc.cloudwatch.lost_min as f32,
        cloudwatch_health: svc.cloudwatch.health() as f32,
        lambda_buffer_min: svc.lambda.buffer_min as f32,
        lambda_error: svc.lambda.error as f32,
        lambda_health: svc.lambda.health() as f32,
        autoscaling_readable: svc.autoscaling.metrics_readable as f32,
        autoscaling_health: svc.autoscaling.health() as f32,
        cognito_buffer_fill: if sim.scenario.cognito.buffer_min > 0.0 {
            (svc.cognito.fill_min / sim.scenario.cognito.buffer_min) as f32
        } else {
            0.0
        },
        cognito_error: svc.cognito.error as f32,
        cognito_capacity: svc.cognito.capacity as f32,
        cognito_fixed: svc.cognito.fixed as f32,
        cognito_health: svc.cognito.health() as f32,
        eventbridge_api_error: svc.eventbridge.api_error as f32,
        eventbridge_fresh: svc.eventbridge.fresh as f32,
        eventbridge_backlog_min: svc.eventbridge.backlog_min as f32,
        eventbridge_health: svc.eventbridge.health() as f32,
        ecs_health: svc.ecs.health() as f32,
        eks_health: svc.eks.health() as f32,
        shd_health: svc.dashboards.shd_health(alarmed) as f32,
        phd_health: 1.0,
    };
    sim.series.push(sim.t, &row);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_by_counting_and_by_selection_agree() {
        let mut scratch = Vec::new();
        let narrow = [5u32, 9, 7, 7, 6, 100, 8];
        assert_eq!(min_median_max(&narrow, &mut scratch), Some((5, 7, 100)));
        let wide = [1u32, 1_000_000, 3, 200_000, 5];
        assert_eq!(min_median_max(&wide, &mut scratch), Some((1, 5, 1_000_000)));
        assert_eq!(min_median_max(&[], &mut scratch), None);
    }
}
