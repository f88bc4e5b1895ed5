//! Phase 8, alarms and milestones: the put/get error alarm, and the moments each service
//! starts to fail and recovers, each defined from the model's own quantities.

use crate::milestones::Milestone;
use crate::services::FRESH_OK;
use crate::sim::Simulation;

/// Error rate below which Kinesis, CloudWatch, Lambda and Cognito count as normal again.
pub const NORMAL_ERROR: f64 = 0.01;

/// Share of its peak the Kinesis error rate must fall to for "steadily falling".
pub const FALLING_SHARE: f64 = 0.85;

/// Alarm evaluation and the "seen" flags milestones need.
#[derive(Debug, Clone, Default)]
pub struct AlarmState {
    /// Consecutive minutes the Kinesis error rate is above the alarm threshold.
    pub above_for: u32,
    /// Highest Kinesis error rate since the first alarm.
    pub peak_error: f64,
    /// CloudWatch ingestion has fallen behind.
    pub cloudwatch_impaired: bool,
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
    let a = &mut sim.alarms;
    if error >= sim.scenario.alarm.error_threshold {
        a.above_for += 1;
    } else {
        a.above_for = 0;
    }
    if a.above_for >= sim.scenario.alarm.eval_min {
        sim.milestone(Milestone::FirstAlarm);
    }
    if !sim.milestones.has(Milestone::FirstAlarm) {
        return;
    }
    sim.alarms.peak_error = sim.alarms.peak_error.max(error);
    if error <= FALLING_SHARE * sim.alarms.peak_error {
        sim.milestone(Milestone::KinesisErrorsFalling);
    }
    if error < NORMAL_ERROR {
        sim.milestone(Milestone::KinesisRecovered);
    }
}

fn cloudwatch(sim: &mut Simulation) {
    let cw = &sim.services.cloudwatch;
    let (failing, ingest, buffered) = (cw.write_failure, cw.put_success, cw.buffered_min);
    if failing >= sim.scenario.alarm.error_threshold {
        sim.milestone(Milestone::CloudwatchErrorsStarted);
    }
    if !sim.milestones.has(Milestone::CloudwatchErrorsStarted) {
        return;
    }
    if ingest < FRESH_OK {
        sim.alarms.cloudwatch_impaired = true;
    } else if sim.alarms.cloudwatch_impaired {
        sim.milestone(Milestone::CloudwatchEarlyRecovery);
    }
    if sim.milestones.has(Milestone::CloudwatchEarlyRecovery)
        && failing < NORMAL_ERROR
        && buffered < 0.5
    {
        sim.milestone(Milestone::CloudwatchRecovered);
    }
}

fn services(sim: &mut Simulation) {
    let lambda_error = sim.services.lambda.error;
    if lambda_error >= NORMAL_ERROR {
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
    if cognito_error >= 0.5 {
        sim.milestone(Milestone::CognitoErrorsSpike);
    } else if cognito_error < NORMAL_ERROR && sim.milestones.has(Milestone::CognitoErrorsSpike) {
        sim.milestone(Milestone::CognitoRecovered);
    }
    let eb = &sim.services.eventbridge;
    if eb.api_error >= sim.scenario.alarm.error_threshold || eb.fresh < FRESH_OK {
        sim.milestone(Milestone::EventbridgeDelaysStarted);
    }
    if sim.services.ecs.impaired || sim.services.eks.impaired {
        sim.alarms.containers_impaired = true;
    } else if sim.alarms.containers_impaired {
        sim.milestone(Milestone::EcsEksRecovered);
    }
}
