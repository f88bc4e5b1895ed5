//! Phase 7, downstream services, upstream first: CloudWatch, then what reads it (Lambda, Auto
//! Scaling); Cognito; EventBridge, then what runs on it (ECS, EKS); then the dashboards.

use crate::milestones::Milestone;
use crate::recording::EventKind;
use crate::services::dashboards::DashboardEvent;
use crate::sim::Simulation;

/// Runs the phase.
pub fn run(sim: &mut Simulation) {
    let s = &sim.scenario;
    let t = sim.t;
    let a = sim.traffic.availability;
    let svc = &mut sim.services;
    svc.cloudwatch.step(
        &s.cloudwatch,
        sim.traffic.availability_cloudwatch,
        s.alarm.normal_error,
    );
    // With a local store (remediation 9) CloudWatch accepts metrics without Kinesis, so the
    // Lambda agents have nothing to buffer (the model's reading; AWS names Auto Scaling only).
    let accepted = if s.cloudwatch.local_store_hours > 0.0 {
        1.0
    } else {
        svc.cloudwatch.put_success
    };
    svc.lambda.step(&s.lambda, accepted);
    // Auto Scaling reads processed metrics (late ones too), or the local store.
    let for_scaling = if s.cloudwatch.local_store_hours > 0.0 {
        1.0
    } else {
        svc.cloudwatch.put_success
    };
    svc.autoscaling.step(for_scaling, s.cloudwatch.fresh_ok);
    let added_before = svc.cognito.capacity_added_at;
    svc.cognito.step(&s.cognito, t, a);
    svc.eventbridge.step(&s.eventbridge, a);
    svc.ecs.step(svc.eventbridge.fresh, s.eventbridge.fresh_ok);
    svc.eks.step(svc.eventbridge.fresh, s.eventbridge.fresh_ok);
    let first_alarm = sim.milestones.get(Milestone::FirstAlarm);
    let dash = svc
        .dashboards
        .step(&s.dashboards, t, first_alarm, svc.cognito.error);
    if added_before.is_none() && svc.cognito.capacity_added_at.is_some() {
        sim.log(
            EventKind::Operator,
            "Cognito adds webservers to buffer more calls to Kinesis; errors drop for a while",
            "AWS summary: adding capacity 'initially reduced impact'",
        );
    }
    match dash {
        Some(DashboardEvent::Blocked) => {
            sim.milestone(Milestone::ShdPostingBlocked);
            sim.log(
                EventKind::Service,
                "Support turns to the slower backup tool to post on the Service Health Dashboard",
                "AWS summary: the backup tool is 'more manual and less familiar'",
            );
        }
        Some(DashboardEvent::Posted) => sim.milestone(Milestone::ShdFirstPost),
        Some(DashboardEvent::Notified) => sim.log(
            EventKind::Service,
            "Affected customers are notified through the Personal Health Dashboard",
            "AWS summary: the Personal Health Dashboard was used to notify impacted customers",
        ),
        None => {}
    }
}
