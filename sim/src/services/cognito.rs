//! Cognito: webservers ship API usage data to Kinesis through a best-effort local buffer. A
//! latent bug made them block when the buffer was full, so sign-ins failed. The team first added
//! capacity (more buffer; it helped at first), then deployed a change that removes the
//! dependency, from 10:15 (AWS summary, Cognito paragraph).
//!
//! The model keeps two cohorts of webservers, the original ones and those the team added, each
//! with its mean buffer fill in minutes of data. A buffer grows with the share of Kinesis writes
//! that fail, times the traffic each webserver gets (less once capacity is added), and drains
//! while Kinesis works. Webservers differ, so the share blocked rises from `block_start_fill`
//! to `block_full_fill` of the buffer size. Blocked webservers fail the requests they get: adding webservers with empty
//! buffers dilutes the errors at first, then their buffers fill too.

use super::unit;
use crate::clock::Minute;
use crate::scenario;

/// State of the Cognito model.
#[derive(Debug, Clone)]
pub struct Cognito {
    /// Webserver fleet size relative to the start of the day.
    pub capacity: f64,
    /// Mean buffer fill of the original webservers (minutes of usage data).
    pub fill_min: f64,
    /// Mean buffer fill of the added webservers (minutes of usage data).
    pub added_fill_min: f64,
    /// Share of webservers blocked on a full buffer.
    pub blocked: f64,
    /// Share of webservers running the fix.
    pub fixed: f64,
    /// Share of API calls that fail.
    pub error: f64,
    /// Since when buffers are above the team's trigger, while capacity is not yet added.
    pub trigger_since: Option<Minute>,
    /// When the team added capacity.
    pub capacity_added_at: Option<Minute>,
    /// When the deployment of the fix began.
    pub fix_started_at: Option<Minute>,
}

impl Default for Cognito {
    fn default() -> Self {
        Self {
            capacity: 1.0,
            fill_min: 0.0,
            added_fill_min: 0.0,
            blocked: 0.0,
            fixed: 0.0,
            error: 0.0,
            trigger_since: None,
            capacity_added_at: None,
            fix_started_at: None,
        }
    }
}

impl Cognito {
    /// Advances one minute at time `t` with Kinesis availability `a`.
    pub fn step(&mut self, p: &scenario::Cognito, t: Minute, a: f64) {
        let a = unit(a);
        let grow = |fill: f64| (fill + (1.0 - a) / self.capacity - a * p.drain_per_min).max(0.0);
        self.fill_min = grow(self.fill_min);
        self.added_fill_min = grow(self.added_fill_min);
        let blocked = |fill: f64| {
            if p.buffer_min > 0.0 {
                let ramp = (p.block_full_fill - p.block_start_fill).max(1e-9);
                unit((fill / p.buffer_min - p.block_start_fill) / ramp)
            } else {
                unit(1.0 - a)
            }
        };
        let original_share = 1.0 / self.capacity;
        self.blocked = original_share * blocked(self.fill_min)
            + (1.0 - original_share) * blocked(self.added_fill_min);
        self.fixed = match self.fix_started_at {
            Some(start) => unit(f64::from(t - start) / f64::from(p.fix_rollout_min.max(1))),
            None => 0.0,
        };
        self.error = if p.blocks_when_full {
            self.blocked * (1.0 - self.fixed)
        } else {
            0.0
        };
        self.react(p, t);
    }

    /// The team's early mitigation: once buffers back up, add webservers (each with an empty
    /// buffer) to buffer more calls to Kinesis.
    fn react(&mut self, p: &scenario::Cognito, t: Minute) {
        if self.capacity_added_at.is_some() || p.capacity_add_ratio <= 0.0 {
            return;
        }
        if p.buffer_min <= 0.0 || self.fill_min / p.buffer_min < p.capacity_add_trigger {
            self.trigger_since = None;
            return;
        }
        let since = *self.trigger_since.get_or_insert(t);
        if t - since >= p.capacity_add_response_min as Minute {
            self.capacity *= 1.0 + p.capacity_add_ratio;
            self.added_fill_min = 0.0;
            self.capacity_added_at = Some(t);
        }
    }

    /// Health for the service graph, 1 = normal.
    pub fn health(&self) -> f64 {
        unit(1.0 - self.error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(p: &scenario::Cognito, minutes: Minute) -> (Cognito, Vec<f64>) {
        let mut c = Cognito::default();
        let mut errors = Vec::new();
        for t in 0..minutes {
            c.step(p, t, 0.0);
            errors.push(c.error);
        }
        (c, errors)
    }

    #[test]
    fn full_buffers_block_and_added_capacity_helps_only_at_first() {
        let p = scenario::Cognito::default();
        let (c, errors) = run(&p, 240);
        let added = c.capacity_added_at.unwrap_or(-1) as usize;
        assert!(added > 0, "capacity was added");
        assert!(
            errors[added + 1] < errors[added],
            "adding capacity reduced errors"
        );
        assert!(
            errors[added + 1] > 0.0,
            "but the original webservers stay blocked"
        );
        assert!(errors[239] > 0.9, "then the added buffers filled too");
    }

    #[test]
    fn without_the_latent_bug_nothing_blocks() {
        let p = scenario::Cognito {
            blocks_when_full: false,
            ..Default::default()
        };
        let (_, errors) = run(&p, 240);
        assert!(errors.iter().all(|e| *e == 0.0));
    }

    #[test]
    fn the_fix_rolls_out_and_errors_fall() {
        let p = scenario::Cognito::default();
        let (mut c, _) = run(&p, 240);
        c.fix_started_at = Some(240);
        let mut last = 1.0;
        for t in 240..(240 + p.fix_rollout_min as Minute + 1) {
            c.step(&p, t, 0.0);
            assert!(c.error <= last + 1e-12);
            last = c.error;
        }
        assert_eq!(c.error, 0.0);
    }
}
