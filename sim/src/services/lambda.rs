//! Lambda: invocations publish metrics to CloudWatch; the metric agents buffer locally while
//! CloudWatch refuses them, and the buffers take memory on the invocation hosts, which causes
//! invocation errors (AWS summary, CloudWatch paragraph). Engineers mitigated it at 10:36.

use super::unit;
use crate::scenario;

/// State of the Lambda model.
#[derive(Debug, Clone, Default)]
pub struct Lambda {
    /// Metrics buffered in the agents' memory (minutes of metrics).
    pub buffer_min: f64,
    /// Share of invocations that fail.
    pub error: f64,
    /// Whether the operators' mitigation is in force (agents stop buffering).
    pub mitigated: bool,
}

impl Lambda {
    /// Advances one minute, given the share of metric puts CloudWatch accepts.
    pub fn step(&mut self, p: &scenario::Lambda, put_success: f64) {
        let refused = 1.0 - unit(put_success);
        if self.mitigated {
            self.buffer_min = 0.0;
        } else {
            // Once CloudWatch takes every put again, agents flush one minute of backlog a minute.
            let flush = if refused <= 0.0 { p.flush_per_min } else { 0.0 };
            self.buffer_min = (self.buffer_min + refused - flush).max(0.0);
        }
        let over = (self.buffer_min - p.memory_headroom_min).max(0.0);
        self.error = unit(over * p.error_per_min).min(p.max_error);
    }

    /// Health for the service graph, 1 = normal.
    pub fn health(&self) -> f64 {
        unit(1.0 - self.error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_start_only_after_the_memory_headroom_is_used() {
        let p = scenario::Lambda::default();
        let mut l = Lambda::default();
        let mut first_error = None;
        for minute in 0..200 {
            l.step(&p, 0.0);
            if l.error > 0.0 && first_error.is_none() {
                first_error = Some(minute);
            }
        }
        assert_eq!(first_error, Some(p.memory_headroom_min as i32));
        assert!(l.error <= p.max_error);
    }

    #[test]
    fn mitigation_clears_the_errors() {
        let p = scenario::Lambda::default();
        let mut l = Lambda::default();
        for _ in 0..200 {
            l.step(&p, 0.0);
        }
        l.mitigated = true;
        l.step(&p, 0.0);
        assert_eq!(l.error, 0.0);
    }
}
