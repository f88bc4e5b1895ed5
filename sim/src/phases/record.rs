//! Phase 9, recording: one row of every series for this minute.

use crate::fleet::ServerState;
use crate::recording::SeriesRow;
use crate::sim::Simulation;

/// Runs the phase.
pub fn run(sim: &mut Simulation) {
    let counts = sim.counts;
    let over = sim.tallies.over_limit;
    let (tmin, tmed, tmax) = sim.tallies.threads_min_median_max().unwrap_or((0, 0, 0));
    let (wmed, wmax) = sim.tallies.wanted_median_max((tmed, tmax));
    let c = |s: ServerState| counts[s as usize] as f32;
    let svc = &sim.services;
    let alarmed = sim.milestones.has(crate::milestones::Milestone::FirstAlarm);
    let paused = sim.restart.paused_until.is_some_and(|p| sim.t < p);
    let row = SeriesRow {
        kinesis_success: sim.traffic.availability as f32,
        kinesis_error: (1.0 - sim.traffic.availability) as f32,
        frontend_health: sim.traffic.routing_right as f32,
        servers_pending: c(ServerState::Pending),
        servers_serving: c(ServerState::Serving),
        servers_limit_hit: c(ServerState::LimitHit),
        servers_map_failing: crate::phases::shardmap::failing_maps(sim) as f32,
        servers_removed: c(ServerState::Removed),
        servers_cold_start: c(ServerState::ColdStart),
        servers_evicted: c(ServerState::Evicted),
        servers_recovered: c(ServerState::Recovered),
        servers_over_limit: over as f32,
        threads_min: tmin as f32,
        threads_median: tmed as f32,
        threads_max: tmax as f32,
        threads_wanted_median: wmed as f32,
        threads_wanted_max: wmax as f32,
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
        // The model's backlog can exceed the buffer (the webservers then block on it); the
        // buffer itself is at most full.
        cognito_buffer_fill: if sim.scenario.cognito.buffer_min > 0.0 {
            (svc.cognito.fill_min / sim.scenario.cognito.buffer_min).min(1.0) as f32
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
