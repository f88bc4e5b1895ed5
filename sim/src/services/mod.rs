//! Downstream services. Each is a small model of its own mechanism as AWS's summary describes it
//! in its paragraph on that service: a buffer that fills, a backlog that drains, a dependency
//! that blocks.

pub mod autoscaling;
pub mod cloudwatch;
pub mod cloudwatch_sight;
pub mod cognito;
pub mod containers;
pub mod dashboards;
pub mod eventbridge;
pub mod graph;
pub mod lambda;

/// Clamps a share to [0, 1] (and maps NaN to 0, so a bad input can never spread).
pub fn unit(v: f64) -> f64 {
    if v.is_nan() {
        0.0
    } else {
        v.clamp(0.0, 1.0)
    }
}
