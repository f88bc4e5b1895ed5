//! What a CloudWatch-based dashboard could show at a minute, derived from the model's own
//! CloudWatch series (AWS summary, CloudWatch paragraph: metrics not processed, alarms in
//! INSUFFICIENT_DATA, clients buffering and losing what overflowed, backfill after 10:31 PM).
//!
//! Each minute's datapoints reach the dashboard in one of four ways, read from the recording:
//! on time while alarms can read the minute (`cloudwatch_readable` at least `fresh_ok`); a
//! minute late while the pipeline's retries still process them (`cloudwatch_put_success` at
//! least `fresh_ok`); from the clients' buffers once the pipeline backfills them, oldest first
//! (the growth of `cloudwatch_buffered_min`); or never, when the buffers overflowed (the growth
//! of `cloudwatch_lost_min`). The order of the backfill, oldest first, is assumed: AWS does not
//! say it.

use crate::clock::Minute;
use crate::recording::Recording;

/// How a minute's datapoints reach the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// Readable in the minute itself.
    OnTime,
    /// Readable from this minute on: after retries, or backfilled from the clients' buffers.
    Late(Minute),
    /// Never readable: the clients' buffers overflowed, or the run ended first.
    Never,
}

/// What the dashboard shows of one minute, seen from a later minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// The value, on time.
    Shown,
    /// The value, arrived late.
    Late,
    /// No value (yet, or ever).
    Missing,
    /// After the minute the dashboard is looked at.
    Future,
}

/// The alarm states CloudWatch shows, by their names in CloudWatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlarmState {
    /// Enough datapoints, under the threshold.
    Ok,
    /// Enough datapoints, over the threshold.
    Alarm,
    /// Too few of the minute's datapoints arrive to evaluate.
    InsufficientData,
}

impl AlarmState {
    /// Its name, as CloudWatch writes it.
    pub fn name(self) -> &'static str {
        match self {
            AlarmState::Ok => "OK",
            AlarmState::Alarm => "ALARM",
            AlarmState::InsufficientData => "INSUFFICIENT_DATA",
        }
    }
}

/// A run of minutes seen the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First minute.
    pub from: Minute,
    /// Last minute (included).
    pub to: Minute,
    /// How they are seen.
    pub seen: Seen,
}

/// The run as the operators' instruments carried it, minute by minute.
#[derive(Debug, Clone, PartialEq)]
pub struct Sight {
    start: Minute,
    arrival: Vec<Arrival>,
    alarm: Vec<AlarmState>,
}

impl Sight {
    /// Derives it from a recording.
    pub fn of(run: &Recording) -> Self {
        let s = &run.series;
        let p = &run.scenario;
        let fresh_ok = p.cloudwatch.fresh_ok as f32;
        let n = s.minute.len();
        let at = |v: &[f32], k: usize| v.get(k).copied().unwrap_or(0.0);
        let growth = |v: &[f32], k: usize| at(v, k) - if k == 0 { 0.0 } else { at(v, k - 1) };
        // Cumulative minutes of data put into the buffers, and taken out by the backfill.
        let (mut kept, mut drained) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let (mut into, mut out) = (0f32, 0f32);
        for k in 0..n {
            let d = growth(&s.cloudwatch_buffered_min, k);
            into += d.max(0.0);
            out += (-d).max(0.0);
            kept.push(into);
            drained.push(out);
        }
        let mut next_drain = 0usize;
        let arrival = (0..n)
            .map(|k| {
                let m = s.minute[k];
                if at(&s.cloudwatch_readable, k) >= fresh_ok {
                    return Arrival::OnTime;
                }
                if at(&s.cloudwatch_put_success, k) >= fresh_ok {
                    return Arrival::Late(m + 1);
                }
                let buffered = growth(&s.cloudwatch_buffered_min, k).max(0.0);
                if buffered < growth(&s.cloudwatch_lost_min, k) || buffered <= 0.0 {
                    return Arrival::Never;
                }
                // Oldest first: this minute's data is out once the backfill has drained all
                // that went in before it and the first half of its own.
                let due = kept[k] - 0.5 * buffered;
                next_drain = next_drain.max(k);
                while next_drain < n && drained[next_drain] < due {
                    next_drain += 1;
                }
                s.minute
                    .get(next_drain)
                    .map_or(Arrival::Never, |t| Arrival::Late(*t))
            })
            .collect();
        Self {
            start: s.minute.first().copied().unwrap_or(0),
            arrival,
            alarm: alarm_states(run),
        }
    }

    fn index(&self, t: Minute) -> Option<usize> {
        usize::try_from(t - self.start)
            .ok()
            .filter(|k| *k < self.arrival.len())
    }

    /// How minute `m`'s datapoints reach the dashboard.
    pub fn arrival(&self, m: Minute) -> Arrival {
        self.index(m).map_or(Arrival::Never, |k| self.arrival[k])
    }

    /// What the dashboard shows of minute `m` when looked at in minute `now`.
    pub fn seen(&self, m: Minute, now: Minute) -> Seen {
        if m > now {
            return Seen::Future;
        }
        match self.arrival(m) {
            Arrival::OnTime => Seen::Shown,
            Arrival::Late(a) if a <= now => Seen::Late,
            _ => Seen::Missing,
        }
    }

    /// The run's minutes as the dashboard shows them at `now`, in runs of the same kind.
    pub fn spans(&self, now: Minute) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        for k in 0..self.arrival.len() {
            let m = self.start + k as Minute;
            let seen = self.seen(m, now);
            match spans.last_mut() {
                Some(last) if last.seen == seen => last.to = m,
                _ => spans.push(Span {
                    from: m,
                    to: m,
                    seen,
                }),
            }
        }
        spans
    }

    /// The newest minute whose datapoints the dashboard has at `now`.
    pub fn newest(&self, now: Minute) -> Option<Minute> {
        let last = self.index(now.max(self.start))?;
        (0..=last)
            .rev()
            .map(|k| self.start + k as Minute)
            .find(|m| matches!(self.seen(*m, now), Seen::Shown | Seen::Late))
    }

    /// The CloudWatch alarm on Kinesis's error rate at `now`.
    pub fn alarm(&self, now: Minute) -> AlarmState {
        self.index(now).map_or(AlarmState::Ok, |k| self.alarm[k])
    }
}

/// The alarm's state minute by minute, by the model's own rule (`phases/alarms.rs`): into
/// INSUFFICIENT_DATA while under `fresh_ok` of a minute's datapoints can be read, out of it
/// after `alarm_datapoints` complete minutes in a row; otherwise ALARM after `eval_min` minutes
/// over the error threshold.
fn alarm_states(run: &Recording) -> Vec<AlarmState> {
    let s = &run.series;
    let p = &run.scenario;
    let (mut insufficient, mut complete_for, mut above_for) = (false, 0u32, 0u32);
    s.minute
        .iter()
        .enumerate()
        .map(|(k, _)| {
            let readable = f64::from(s.cloudwatch_readable.get(k).copied().unwrap_or(1.0));
            let error = f64::from(s.kinesis_error.get(k).copied().unwrap_or(0.0));
            complete_for = if readable >= 1.0 - p.alarm.normal_error {
                complete_for + 1
            } else {
                0
            };
            above_for = if error >= p.alarm.error_threshold {
                above_for + 1
            } else {
                0
            };
            if readable < p.cloudwatch.fresh_ok {
                insufficient = true;
            } else if insufficient && complete_for >= p.cloudwatch.alarm_datapoints {
                insufficient = false;
            }
            if insufficient {
                AlarmState::InsufficientData
            } else if above_for >= p.alarm.eval_min {
                AlarmState::Alarm
            } else {
                AlarmState::Ok
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::at;
    use crate::milestones::Milestone;

    #[test]
    fn the_day_as_the_dashboards_carried_it() {
        let Ok(run) = crate::run(&crate::Scenario::default()) else {
            panic!("the day runs");
        };
        let sight = Sight::of(&run);
        // Before the addition every minute arrives on time and the alarm is quiet.
        assert_eq!(sight.arrival(at(1, 0)), Arrival::OnTime);
        assert_eq!(sight.alarm(at(1, 0)), AlarmState::Ok);
        // While Kinesis fails, the alarm cannot read its datapoints, and some never arrive.
        assert_eq!(sight.alarm(at(6, 30)), AlarmState::InsufficientData);
        let lost = (at(5, 0)..at(22, 0)).any(|m| sight.arrival(m) == Arrival::Never);
        assert!(lost, "the clients' buffers overflowed");
        // Nothing is seen before it happens.
        let alarm = run.milestones.get(Milestone::FirstAlarm).unwrap_or(0);
        assert_eq!(sight.seen(alarm + 10, alarm), Seen::Future);
    }
}
