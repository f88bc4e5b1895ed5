//! Phase 8, alarms and milestones: the put/get error alarm, and the moments each service
//! starts to fail and recovers, each defined from the model's own quantities and the
//! thresholds of the scenario (`alarm.normal_error`, `alarm.falling_share`,
//! `cloudwatch.fresh_ok`, `eventbridge.fresh_ok`, `cognito.spike_level`).

use crate::milestones::Milestone;
use crate::recording::EventKind;
use crate::sim::Simulation;

/// Alarm evaluation and the "seen" flags milestones need.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// Consecutive minutes the Kinesis error rate is above the alarm threshold.
    pub above_for: u32,
    /// Highest Kinesis error rate since the first alarm.
    pub peak_error: f64,
    /// CloudWatch ingestion has fallen behind.
    pub cloudwatch_impaired: bool,
    /// CloudWatch alarms have been in INSUFFICIENT_DATA.
    pub cloudwatch_insufficient: bool,
    /// Logged: CloudWatch finished backfilling the buffered metrics.
    pub backfill_logged: bool,
    /// Auto Scaling has been delayed.
    pub autoscaling_delayed: bool,
    /// ECS / EKS workflows have been impaired.
    pub containers_impaired: bool,
    /// Logged: half the original servers past the limit.
    pub half_over_logged: bool,
    /// Logged: every original server past the limit.
    pub all_over_logged: bool,
}

/// Runs the phase.
pub fn run(sim: &mut Simulation) {
    kinesis(sim);
    cloudwatch(sim);
    services(sim);
}

fn kinesis(sim: &mut Simulation) {
    let error = 1.0 - sim.traffic.availability;
    let p = &sim.scenario.alarm;
    let (threshold, eval, falling, normal) = (
        p.error_threshold,
        p.eval_min,
        p.falling_share,
        p.normal_error,
    );
    let a = &mut sim.alarms;
    if error >= threshold {
        a.above_for += 1;
    } else {
        a.above_for = 0;
    }
    if a.above_for >= eval {
        sim.milestone(Milestone::FirstAlarm);
    }
    if !sim.milestones.has(Milestone::FirstAlarm) {
        return;
    }
    sim.alarms.peak_error = sim.alarms.peak_error.max(error);
    if error <= falling * sim.alarms.peak_error {
        sim.milestone(Milestone::KinesisErrorsFalling);
    }
    if error < normal {
        sim.milestone(Milestone::KinesisRecovered);
    }
}

fn cloudwatch(sim: &mut Simulation) {
    let s = &sim.scenario;
    let cw = &sim.services.cloudwatch;
    let (failing, ingest, buffered) = (cw.write_failure, cw.put_success, cw.buffered_min);
    let insufficient = cw.alarms_insufficient(&s.cloudwatch);
    let complete = cw.complete_for >= s.cloudwatch.alarm_datapoints;
    let (threshold, normal, fresh_ok) = (
        s.alarm.error_threshold,
        s.alarm.normal_error,
        s.cloudwatch.fresh_ok,
    );
    if failing >= threshold {
        sim.milestone(Milestone::CloudwatchErrorsStarted);
    }
    if !sim.milestones.has(Milestone::CloudwatchErrorsStarted) {
        return;
    }
    if insufficient && !sim.alarms.cloudwatch_insufficient {
        sim.alarms.cloudwatch_insufficient = true;
        sim.log(
            EventKind::Service,
            "CloudWatch alarms go to INSUFFICIENT_DATA: too few of this minute's datapoints arrive",
            "AWS summary, CloudWatch paragraph: alarms transitioned into an INSUFFICIENT_DATA state",
        );
    }
    if ingest < fresh_ok {
        sim.alarms.cloudwatch_impaired = true;
    } else if sim.alarms.cloudwatch_impaired {
        sim.milestone(Milestone::CloudwatchEarlyRecovery);
    }
    if sim.milestones.has(Milestone::CloudwatchEarlyRecovery) && failing < normal && complete {
        sim.milestone(Milestone::CloudwatchRecovered);
    }
    if sim.milestones.has(Milestone::CloudwatchRecovered)
        && !sim.alarms.backfill_logged
        && buffered <= 0.0
    {
        sim.alarms.backfill_logged = true;
        sim.log(
            EventKind::Service,
            "CloudWatch has backfilled the metrics its clients buffered; what overflowed the buffers stays a gap",
            "AWS summary, CloudWatch paragraph: backfill over the subsequent hours",
        );
    }
}

fn services(sim: &mut Simulation) {
    let normal = sim.scenario.alarm.normal_error;
    let lambda_error = sim.services.lambda.error;
    if lambda_error >= normal {
        sim.milestone(Milestone::LambdaErrorsStarted);
    } else if sim.milestones.has(Milestone::LambdaErrorsStarted) {
        sim.milestone(Milestone::LambdaRecovered);
    }
    if sim.services.autoscaling.delayed {
        sim.alarms.autoscaling_delayed = true;
    } else if sim.alarms.autoscaling_delayed {
        sim.milestone(Milestone::AutoscalingDelaysEnded);
    }
    let cognito_error = sim.services.cognito.error;
    if cognito_error >= sim.scenario.cognito.spike_level {
        sim.milestone(Milestone::CognitoErrorsSpike);
    } else if cognito_error < normal && sim.milestones.has(Milestone::CognitoErrorsSpike) {
        sim.milestone(Milestone::CognitoRecovered);
    }
    let eb = &sim.services.eventbridge;
    if eb.api_error >= sim.scenario.alarm.error_threshold
        || eb.fresh < sim.scenario.eventbridge.fresh_ok
    {
        sim.milestone(Milestone::EventbridgeDelaysStarted);
    }
    if sim.services.ecs.impaired || sim.services.eks.impaired {
        sim.alarms.containers_impaired = true;
    } else if sim.alarms.containers_impaired {
        sim.milestone(Milestone::EcsEksRecovered);
    }
}
