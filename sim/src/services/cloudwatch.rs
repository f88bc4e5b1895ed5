//! CloudWatch metrics and logs: ingestion runs on Kinesis (AWS summary, CloudWatch paragraph).
//!
//! A share `unaffected_share` of metrics does not go through the front-end fleet and is
//! processed throughout (AWS: "some CloudWatch metrics continued to be processed throughout the
//! event"). The rest is written to Kinesis, each write succeeding with availability `a`:
//!
//! * alarms read the datapoints of the current minute, so they see only what got through at the
//!   first attempt; below `fresh_ok` of them they go to INSUFFICIENT_DATA, and they leave it
//!   after `alarm_datapoints` complete minutes in a row;
//! * the pipeline retries failed writes with `pipeline_headroom` times the normal write rate, so
//!   fresh metrics are processed (a little late) while `headroom * a >= 1`; what it refuses
//!   waits in the clients' local buffers (`client_buffer_min`), and what overflows them is lost:
//!   gaps in the data;
//! * once the pipeline is healthy again, buffered metrics are backfilled at `backfill_per_min`,
//!   after the fresh ones (AWS: backfill over the hours after 10:31 PM).
//!
//! With a local store (remediation 9) readers such as alarms and Auto Scaling see recent
//! metrics even while Kinesis fails.

use super::unit;
use crate::scenario;

/// State of the CloudWatch model.
#[derive(Debug, Clone, Default)]
pub struct CloudWatch {
    /// Share of CloudWatch's Kinesis writes that fail (errors and latency on PutMetricData).
    pub write_failure: f64,
    /// Share of new metric data processed, possibly after retries (what Auto Scaling reads).
    pub put_success: f64,
    /// Share of this minute's datapoints alarms can read when they evaluate.
    pub readable: f64,
    /// Delayed metric data waiting in client buffers for backfill (minutes of data).
    pub buffered_min: f64,
    /// Metric data lost to full client buffers so far (minutes of data).
    pub lost_min: f64,
    /// Complete minutes in a row for the alarms.
    pub complete_for: u32,
}

impl CloudWatch {
    /// Advances one minute with CloudWatch's Kinesis availability `a`; `normal_error` is the
    /// error rate below which a datapoint counts as complete and the pipeline as healthy.
    pub fn step(&mut self, p: &scenario::CloudWatch, a: f64, normal_error: f64) {
        let a = unit(a);
        let through = 1.0 - unit(p.unaffected_share);
        let capacity = p.pipeline_headroom * a;
        self.write_failure = 1.0 - a;
        self.put_success = unit(1.0 - through * (1.0 - unit(capacity)));
        let refused = 1.0 - self.put_success;
        let room = (p.client_buffer_min - self.buffered_min).max(0.0);
        let kept = refused.min(room);
        self.lost_min += refused - kept;
        self.buffered_min += kept;
        if self.write_failure < normal_error {
            let spare = through * (capacity - 1.0).max(0.0);
            let backfill = spare.min(p.backfill_per_min).min(self.buffered_min);
            self.buffered_min -= backfill;
        }
        self.readable = if p.local_store_hours > 0.0 {
            1.0
        } else {
            unit(1.0 - through * (1.0 - a))
        };
        if self.readable >= 1.0 - normal_error {
            self.complete_for = self.complete_for.saturating_add(1);
        } else {
            self.complete_for = 0;
        }
    }

    /// Health for the service graph, 1 = normal.
    pub fn health(&self) -> f64 {
        unit(self.put_success.min(1.0 - 0.5 * self.write_failure))
    }

    /// Whether alarms are in INSUFFICIENT_DATA, given the share of datapoints they need.
    pub fn alarms_insufficient(&self, p: &scenario::CloudWatch) -> bool {
        self.readable < p.fresh_ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NORMAL: f64 = 0.01;

    fn steps(cw: &mut CloudWatch, p: &scenario::CloudWatch, a: f64, n: usize) {
        for _ in 0..n {
            cw.step(p, a, NORMAL);
        }
    }

    #[test]
    fn healthy_kinesis_means_healthy_cloudwatch() {
        let mut cw = CloudWatch::default();
        let p = scenario::CloudWatch::default();
        steps(&mut cw, &p, 1.0, 10);
        assert_eq!(cw.put_success, 1.0);
        assert_eq!(cw.lost_min, 0.0);
        assert!(!cw.alarms_insufficient(&p));
        assert_eq!(cw.complete_for, 10);
    }

    #[test]
    fn some_metrics_are_processed_throughout() {
        let mut cw = CloudWatch::default();
        let p = scenario::CloudWatch::default();
        steps(&mut cw, &p, 0.0, 60);
        assert!((cw.put_success - p.unaffected_share).abs() < 1e-12);
        assert!(cw.put_success > 0.0);
        assert!(cw.alarms_insufficient(&p));
    }

    #[test]
    fn outage_fills_buffers_then_loses_data_then_backfills_slowly() {
        let mut cw = CloudWatch::default();
        let p = scenario::CloudWatch::default();
        steps(&mut cw, &p, 0.0, 60);
        assert_eq!(cw.buffered_min, p.client_buffer_min);
        let through = 1.0 - p.unaffected_share;
        assert!((cw.lost_min - (60.0 * through - p.client_buffer_min)).abs() < 1e-9);
        cw.step(&p, 1.0, NORMAL);
        assert!(
            (cw.buffered_min - (p.client_buffer_min - p.backfill_per_min)).abs() < 1e-9,
            "backfill at its own pace, after the fresh metrics"
        );
        steps(&mut cw, &p, 1.0, 1_000);
        assert_eq!(
            cw.buffered_min, 0.0,
            "then everything buffered is processed"
        );
    }

    #[test]
    fn alarms_see_failed_first_attempts_before_the_pipeline_falls_behind() {
        let mut cw = CloudWatch::default();
        let p = scenario::CloudWatch::default();
        cw.step(&p, 0.9, NORMAL);
        assert_eq!(
            cw.put_success, 1.0,
            "retries still process every fresh metric"
        );
        assert!(
            cw.alarms_insufficient(&p),
            "but alarms miss this minute's datapoints"
        );
        cw.step(&p, 0.5, NORMAL);
        let through = 1.0 - p.unaffected_share;
        assert!((cw.put_success - (1.0 - through * 0.25)).abs() < 1e-9);
    }

    #[test]
    fn alarms_need_complete_minutes_in_a_row() {
        let mut cw = CloudWatch::default();
        let p = scenario::CloudWatch::default();
        steps(&mut cw, &p, 0.0, 5);
        assert_eq!(cw.complete_for, 0);
        steps(&mut cw, &p, 1.0, 3);
        assert_eq!(cw.complete_for, 3);
    }

    #[test]
    fn local_store_keeps_metrics_readable() {
        let mut cw = CloudWatch::default();
        let p = scenario::CloudWatch {
            local_store_hours: 3.0,
            ..Default::default()
        };
        cw.step(&p, 0.0, NORMAL);
        assert!(!cw.alarms_insufficient(&p));
    }
}
