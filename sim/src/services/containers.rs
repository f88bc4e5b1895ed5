//! ECS and EKS: their internal cluster workflows run on EventBridge, so provisioning new
//! clusters, scaling and task de-provisioning stall while new events are not delivered
//! (AWS summary, EventBridge paragraph).

use super::unit;

/// State of one container service (ECS or EKS).
#[derive(Debug, Clone, Default)]
pub struct Containers {
    /// Share of cluster workflows that run in time.
    pub workflows_ok: f64,
    /// Whether workflows are impaired.
    pub impaired: bool,
}

impl Containers {
    /// Advances one minute with EventBridge's share of new events delivered in time.
    /// `fresh_ok` is the share below which workflows stall.
    pub fn step(&mut self, eventbridge_fresh: f64, fresh_ok: f64) {
        self.workflows_ok = unit(eventbridge_fresh);
        self.impaired = self.workflows_ok < fresh_ok;
    }

    /// Health for the service graph, 1 = normal.
    pub fn health(&self) -> f64 {
        if self.impaired {
            self.workflows_ok
        } else {
            1.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impaired_while_events_lag() {
        let mut c = Containers::default();
        c.step(0.5, 0.95);
        assert!(c.impaired);
        c.step(1.0, 0.95);
        assert!(!c.impaired);
        assert_eq!(c.health(), 1.0);
    }
}
