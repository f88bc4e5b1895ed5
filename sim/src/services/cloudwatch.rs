//! CloudWatch metrics and logs: ingestion runs on Kinesis (AWS summary, CloudWatch paragraph).
//!
//! The ingestion pipeline can make `headroom` times the normal rate of Kinesis writes, retrying
//! failures; each write succeeds with Kinesis availability `a`. Fresh metrics are processed in
//! time while `headroom * a >= 1`; otherwise the share `1 - headroom * a` is refused and waits in
//! the clients' local buffers, and what overflows them is lost (gaps in the data). Spare
//! capacity backfills the buffered data. With a local store (remediation 9) readers such as
//! alarms and Auto Scaling see recent metrics even while Kinesis fails.

use super::unit;
use crate::scenario;

/// State of the CloudWatch model.
#[derive(Debug, Clone, Default)]
pub struct CloudWatch {
    /// Share of CloudWatch's Kinesis writes that fail (errors and latency on PutMetricData).
    pub write_failure: f64,
    /// Share of new metric data accepted and processed in time.
    pub put_success: f64,
    /// Share of recent metrics that readers (alarms, Auto Scaling) can see.
    pub readable: f64,
    /// Delayed metric data waiting in client buffers for backfill (minutes of data).
    pub buffered_min: f64,
    /// Metric data lost to full client buffers so far (minutes of data).
    pub lost_min: f64,
}

impl CloudWatch {
    /// Advances one minute with CloudWatch's Kinesis availability `a`.
    pub fn step(&mut self, p: &scenario::CloudWatch, a: f64) {
        let a = unit(a);
        let capacity = p.pipeline_headroom * a;
        self.write_failure = 1.0 - a;
        self.put_success = unit(capacity);
        let refused = 1.0 - self.put_success;
        let room = (p.client_buffer_min - self.buffered_min).max(0.0);
        let kept = refused.min(room);
        self.lost_min += refused - kept;
        let spare = (capacity - 1.0).max(0.0);
        self.buffered_min = (self.buffered_min + kept - spare).max(0.0);
        self.readable = if p.local_store_hours > 0.0 {
            1.0
        } else {
            self.put_success
        };
    }

    /// Health for the service graph, 1 = normal.
    pub fn health(&self) -> f64 {
        unit(self.readable.min(1.0 - 0.5 * self.write_failure))
    }

    /// Whether alarms are in INSUFFICIENT_DATA.
    pub fn alarms_insufficient(&self) -> bool {
        self.readable < super::FRESH_OK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn healthy_kinesis_means_healthy_cloudwatch() {
        let mut cw = CloudWatch::default();
        let p = scenario::CloudWatch::default();
        for _ in 0..10 {
            cw.step(&p, 1.0);
        }
        assert_eq!(cw.put_success, 1.0);
        assert_eq!(cw.lost_min, 0.0);
        assert!(!cw.alarms_insufficient());
    }

    #[test]
    fn outage_fills_buffers_then_loses_data_then_backfills() {
        let mut cw = CloudWatch::default();
        let p = scenario::CloudWatch::default();
        for _ in 0..60 {
            cw.step(&p, 0.0);
        }
        assert_eq!(cw.buffered_min, p.client_buffer_min);
        assert!((cw.lost_min - (60.0 - p.client_buffer_min)).abs() < 1e-9);
        assert!(cw.alarms_insufficient());
        for _ in 0..60 {
            cw.step(&p, 1.0);
        }
        assert_eq!(cw.buffered_min, 0.0, "spare capacity backfills");
    }

    #[test]
    fn headroom_absorbs_partial_failure() {
        let mut cw = CloudWatch::default();
        let p = scenario::CloudWatch::default();
        cw.step(&p, 0.7);
        assert_eq!(cw.put_success, 1.0);
        cw.step(&p, 0.5);
        assert!((cw.put_success - 0.75).abs() < 1e-9);
    }

    #[test]
    fn local_store_keeps_metrics_readable() {
        let mut cw = CloudWatch::default();
        let p = scenario::CloudWatch {
            local_store_hours: 3.0,
            ..Default::default()
        };
        cw.step(&p, 0.0);
        assert!(!cw.alarms_insufficient());
    }
}
