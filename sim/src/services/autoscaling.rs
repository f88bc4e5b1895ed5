//! Auto Scaling: reactive policies read CloudWatch metrics and are delayed while those metrics
//! are missing (AWS summary: delays "until CloudWatch metrics began to recover").

use super::unit;

/// State of the Auto Scaling model.
#[derive(Debug, Clone, Default)]
pub struct AutoScaling {
    /// Share of the metrics the policies need that they can read.
    pub metrics_readable: f64,
    /// Whether reactive policies are delayed.
    pub delayed: bool,
}

impl AutoScaling {
    /// Advances one minute with the share of recent CloudWatch metrics readable.
    /// `fresh_ok` is the share below which its policies wait for data.
    pub fn step(&mut self, readable: f64, fresh_ok: f64) {
        self.metrics_readable = unit(readable);
        self.delayed = self.metrics_readable < fresh_ok;
    }

    /// Health for the service graph, 1 = normal.
    pub fn health(&self) -> f64 {
        if self.delayed {
            self.metrics_readable
        } else {
            1.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delayed_exactly_while_metrics_are_missing() {
        let mut a = AutoScaling::default();
        a.step(1.0, 0.95);
        assert!(!a.delayed);
        a.step(0.3, 0.95);
        assert!(a.delayed);
        assert_eq!(a.health(), 0.3);
        a.step(0.96, 0.95);
        assert!(!a.delayed);
    }
}
