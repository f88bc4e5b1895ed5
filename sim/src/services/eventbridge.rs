//! CloudWatch Events / EventBridge: API errors, and event delivery that stalls while Kinesis
//! fails; "as Kinesis availability improved, EventBridge began to deliver new events and slowly
//! process the backlog of older events" (AWS summary, EventBridge paragraph).
//!
//! Delivery capacity is `headroom` times the normal event rate, times Kinesis availability. New
//! events go first; what is not delivered joins the backlog, which drains with spare capacity.

use super::unit;
use crate::scenario;

/// State of the EventBridge model.
#[derive(Debug, Clone, Default)]
pub struct EventBridge {
    /// Share of API calls that fail.
    pub api_error: f64,
    /// Share of new events delivered in time.
    pub fresh: f64,
    /// Events waiting for delivery (minutes of normal event traffic).
    pub backlog_min: f64,
}

impl EventBridge {
    /// Advances one minute with Kinesis availability `a`.
    pub fn step(&mut self, p: &scenario::EventBridge, a: f64) {
        let a = unit(a);
        let capacity = p.delivery_headroom * a;
        self.api_error = 1.0 - a;
        self.fresh = unit(capacity);
        let spare = (capacity - 1.0).max(0.0);
        self.backlog_min = (self.backlog_min + (1.0 - self.fresh) - spare).max(0.0);
    }

    /// Health for the service graph, 1 = normal.
    pub fn health(&self) -> f64 {
        unit(self.fresh.min(1.0 - 0.5 * self.api_error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backlog_grows_in_an_outage_and_drains_slowly_after() {
        let p = scenario::EventBridge::default();
        let mut e = EventBridge::default();
        for _ in 0..100 {
            e.step(&p, 0.0);
        }
        assert_eq!(e.backlog_min, 100.0);
        e.step(&p, 1.0);
        assert_eq!(e.fresh, 1.0, "new events first");
        assert!((e.backlog_min - (100.0 - (p.delivery_headroom - 1.0))).abs() < 1e-9);
    }
}
