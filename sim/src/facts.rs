//! The run's facts in words: one definition each of what the page's text says about a run, so
//! that the headline, the narration, the cascade list, the story, the checkpoints, the banners
//! and the comparison can only say the same thing.
//!
//! - **Kinesis's outage** runs from the first alarm on its errors (the model's own, as AWS's
//!   05:15 was theirs) to the minute it is fully back to normal. Its length is the difference.
//! - **A service fails** at the first minute its health falls below [`FAILING_BELOW`] (drawn
//!   vermillion); it is **degraded** below [`DEGRADED_BELOW`].
//! - **A server past the thread limit** has hit the limit and not been restarted since: its
//!   shard-map can no longer be rebuilt (the fleet's orange and vermillion). A server that
//!   **wants more threads than the limit** asks for more now; after the capacity removal no
//!   server does, yet every server past the limit stays broken until it is restarted.

use crate::clock::{self, historical, Minute};
use crate::compare::{duration, impact};
use crate::milestones::Milestone;
use crate::recording::Recording;
use crate::services::graph::{ServiceNode, SERVICES};

mod unfinished;
pub use unfinished::why_not_back;

pub use crate::compare::DEGRADED_BELOW;

/// Below this health a service fails (the graph's and the list's vermillion).
pub const FAILING_BELOW: f32 = 0.6;

/// Kinesis's outage in a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outage {
    /// Kinesis never failed enough to alarm.
    None,
    /// Failed from `start`, fully back at `end`.
    Over {
        /// The first alarm on Kinesis errors.
        start: Minute,
        /// Kinesis fully back to normal.
        end: Minute,
    },
    /// Failed from `start`, not back when the run ends at `run_end`.
    Ongoing {
        /// The first alarm on Kinesis errors.
        start: Minute,
        /// The run's last minute.
        run_end: Minute,
    },
}

impl Outage {
    /// The outage of `run`.
    pub fn of(run: &Recording) -> Outage {
        let start = run.milestones.get(Milestone::FirstAlarm);
        let end = run.milestones.get(Milestone::KinesisRecovered);
        match (start, end) {
            (None, _) => Outage::None,
            (Some(start), Some(end)) => Outage::Over { start, end },
            (Some(start), None) => Outage::Ongoing {
                start,
                run_end: run.series.minute.last().copied().unwrap_or(start),
            },
        }
    }

    /// The outage AWS's summary gives: first alarms at 05:15, fully back at 22:23 (PST).
    pub fn aws() -> Outage {
        Outage::Over {
            start: historical::FIRST_ALARM,
            end: historical::KINESIS_NORMAL,
        }
    }

    /// Its length in minutes, when it ended within the run.
    pub fn length(self) -> Option<Minute> {
        match self {
            Outage::Over { start, end } => Some(end - start),
            Outage::None => Some(0),
            Outage::Ongoing { .. } => None,
        }
    }

    /// Its minutes within the run: its length, or up to the run's end when it is still under
    /// way then (what comparisons and the cliff count).
    pub fn minutes(self) -> Minute {
        match self {
            Outage::None => 0,
            Outage::Over { start, end } => end - start,
            Outage::Ongoing { start, run_end } => run_end - start,
        }
    }

    /// When it started, if it did.
    pub fn start(self) -> Option<Minute> {
        match self {
            Outage::None => None,
            Outage::Over { start, .. } | Outage::Ongoing { start, .. } => Some(start),
        }
    }

    /// When Kinesis was fully back, if it failed and came back within the run.
    pub fn end(self) -> Option<Minute> {
        match self {
            Outage::Over { end, .. } => Some(end),
            _ => None,
        }
    }

    /// "fails for 17 h 00 min (05:15 to 22:15)", "never fails", "fails from 05:15 and is not
    /// back when the run ends at 23:59".
    pub fn words(self) -> String {
        match self {
            Outage::None => "never fails".into(),
            Outage::Over { start, end } => format!(
                "fails for {} ({} to {})",
                duration(i64::from(end - start)),
                clock::format(start),
                clock::format(end)
            ),
            Outage::Ongoing { start, run_end } => format!(
                "fails from {} and is not back when the run ends at {}",
                clock::format(start),
                clock::format(run_end)
            ),
        }
    }
}

/// The recording as JSON (what the command line's `run` prints and the page's JSON export
/// downloads): the recording's fields and `outage`, Kinesis's outage by this module's
/// definition, with `ongoing` when the run ends before Kinesis is back (then `minutes` counts to
/// the run's end).
pub fn recording_json(run: &Recording) -> Result<String, serde_json::Error> {
    let o = Outage::of(run);
    let mut v = serde_json::to_value(run)?;
    v["outage"] = serde_json::json!({
        "start": o.start(),
        "end": o.end(),
        "minutes": o.minutes(),
        "ongoing": matches!(o, Outage::Ongoing { .. }),
        "why_not_back": why_not_back(run),
    });
    Ok(v.to_string())
}

/// "AWS: 05:15": a time from AWS's summary, labelled as AWS's.
pub fn aws(t: Minute) -> String {
    format!("AWS: {}", clock::format(t))
}

/// A count with thousands separated: "4,096".
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A series' value at row `k` (0 where the row or the series is missing).
fn at(values: &[f32], k: usize) -> f32 {
    values.get(k).copied().unwrap_or(0.0)
}

/// The minute a service first fails in `run` (its health below [`FAILING_BELOW`]), if it does.
pub fn first_failing(run: &Recording, node: &ServiceNode) -> Option<Minute> {
    let values = run.series.column(node.health_series)?;
    let k = values.iter().position(|h| *h < FAILING_BELOW)?;
    run.series.minute.get(k).copied()
}

/// The services in the order they first failed; those that never failed last, in the graph's
/// order.
pub fn in_failing_order(run: &Recording) -> Vec<(&'static ServiceNode, Option<Minute>)> {
    let mut rows: Vec<_> = SERVICES
        .iter()
        .map(|n| (n, first_failing(run, n)))
        .collect();
    rows.sort_by_key(|(_, t)| t.unwrap_or(Minute::MAX));
    rows
}

/// The services as a list shows them at `now`, from [`in_failing_order`]: those that have
/// failed by then first, in the order they failed, then the others in the graph's order, with
/// no failing minute. Nothing tells a failure before the cursor reaches it: the order of what
/// is still to come would give it away.
pub fn failed_by(
    order: &[(&'static ServiceNode, Option<Minute>)],
    now: Minute,
) -> Vec<(&'static ServiceNode, Option<Minute>)> {
    // `order` is already in failing order (ties and the never-failing in the graph's order):
    // the failed keep it, the others follow in the graph's order. No sort needed.
    let mut rows: Vec<_> = order
        .iter()
        .filter_map(|(n, t)| t.filter(|t| *t <= now).map(|t| (*n, Some(t))))
        .collect();
    rows.extend(
        SERVICES
            .iter()
            .filter(|s| !rows.iter().any(|(n, _)| n.id == s.id))
            .map(|s| (s, None))
            .collect::<Vec<_>>(),
    );
    rows
}

/// When the service `id` first fails in `run`.
pub fn service_fails(run: &Recording, id: &str) -> Option<Minute> {
    SERVICES
        .iter()
        .find(|n| n.id == id)
        .and_then(|n| first_failing(run, n))
}

/// Servers in the fleet at row `k`: added and not removed.
pub fn in_fleet(run: &Recording, k: usize) -> f32 {
    let s = &run.series;
    at(&s.servers_serving, k)
        + at(&s.servers_limit_hit, k)
        + at(&s.servers_cold_start, k)
        + at(&s.servers_evicted, k)
        + at(&s.servers_recovered, k)
}

/// Servers past the thread limit at row `k`: hit it and not restarted since.
pub fn past_limit(run: &Recording, k: usize) -> f32 {
    at(&run.series.servers_limit_hit, k)
}

/// Servers that want more threads than the limit at row `k`.
pub fn wanting_more_than_limit(run: &Recording, k: usize) -> f32 {
    at(&run.series.servers_over_limit, k)
}

/// The first minute at which every server in the fleet is past the thread limit, if one is.
pub fn every_server_past_limit(run: &Recording) -> Option<Minute> {
    (0..run.series.minute.len())
        .find(|&k| {
            let fleet = in_fleet(run, k);
            fleet > 0.0 && past_limit(run, k) >= fleet
        })
        .and_then(|k| run.series.minute.get(k).copied())
}

/// The most servers past the thread limit at one minute, and the fleet at that minute.
pub fn most_past_limit(run: &Recording) -> (f32, f32) {
    (0..run.series.minute.len())
        .map(|k| (past_limit(run, k), in_fleet(run, k)))
        .fold(
            (0.0, 0.0),
            |best, now| if now.0 > best.0 { now } else { best },
        )
}

/// The page's headline: a title and the line under it with its times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    /// What happened, in one sentence.
    pub title: String,
    /// When, in the model and in AWS's summary.
    pub detail: String,
}

/// The page's headline for a run. `what_if` names the run ("the what-if thread-alarm", "this
/// branch") when it is not the day as it happened; the day's headline quotes AWS's outage beside
/// the model's.
pub fn headline(run: &Recording, what_if: Option<&str>) -> Headline {
    let outage = Outage::of(run);
    let aws_outage = Outage::aws();
    let aws_line = format!(
        "AWS: {} to {}, {}.",
        clock::format(historical::FIRST_ALARM),
        clock::format(historical::KINESIS_NORMAL),
        duration(i64::from(aws_outage.length().unwrap_or(0)))
    );
    let how_long = match outage {
        Outage::None => "never failed".to_string(),
        Outage::Over { start, end } => format!("failed for {}", duration(i64::from(end - start))),
        Outage::Ongoing { .. } => "failed and was not back by the end of the run".to_string(),
    };
    let when = match outage {
        Outage::None => "In the model no alarm fires.".to_string(),
        Outage::Over { start, end } => format!(
            "In the model from the first alarm at {} to fully back at {} (PST).",
            clock::format(start),
            clock::format(end)
        ),
        Outage::Ongoing { start, run_end } => format!(
            "In the model from the first alarm at {}; still failing when the run ends at {}.",
            clock::format(start),
            clock::format(run_end)
        ),
    };
    match what_if {
        None => {
            let (most, fleet) = most_past_limit(run);
            let who = if most > 0.0 && most >= fleet {
                "every Kinesis front-end server".to_string()
            } else {
                format!(
                    "{} of {} Kinesis front-end servers",
                    count(most as u64),
                    count(fleet as u64)
                )
            };
            Headline {
                title: format!(
                    "A small capacity addition pushed {who} past a thread limit, and Kinesis {how_long}"
                ),
                detail: format!("{when} {aws_line}"),
            }
        }
        Some(name) => Headline {
            title: match outage {
                Outage::None => format!("In {name}, Kinesis never fails"),
                Outage::Over { start, end } => format!(
                    "In {name}, Kinesis fails for {}",
                    duration(i64::from(end - start))
                ),
                Outage::Ongoing { .. } => {
                    format!("In {name}, Kinesis fails and is not back by the end of the run")
                }
            },
            detail: format!("{when} On the day, {aws_line}"),
        },
    }
}

/// A run against the day as it happened (the historical run of the same seed), in a sentence:
/// "Kinesis fully back at 12:43: 9 h 32 min earlier than on the day (22:15 in the model)."
pub fn against_the_day(run: &Recording, day: &Recording) -> String {
    let (this, then) = (Outage::of(run), Outage::of(day));
    let on_the_day = match then {
        Outage::Over { end, .. } => format!(
            "on the day Kinesis was fully back at {} in the model ({})",
            clock::format(end),
            aws(historical::KINESIS_NORMAL)
        ),
        other => format!("on the day Kinesis {} in the model", other.words()),
    };
    match (this, then.end()) {
        (Outage::None, _) => format!("Kinesis never fails: {on_the_day}."),
        (Outage::Over { end, .. }, Some(day_end)) => {
            let gap = i64::from(end - day_end);
            let how = match gap {
                0 => "the same minute as on the day".to_string(),
                g if g < 0 => format!("{} earlier than on the day", duration(-g)),
                g => format!("{} later than on the day", duration(g)),
            };
            format!(
                "Kinesis fully back at {}: {how} ({} in the model; {}).",
                clock::format(end),
                clock::format(day_end),
                aws(historical::KINESIS_NORMAL)
            )
        }
        _ => format!("Kinesis {}; {on_the_day}.", this.words()),
    }
}

/// Failed requests of a run against another, in words: "fewer" or "more" and by how many hours
/// of the full request rate.
pub fn failed_requests_against(run: &Recording, day: &Recording) -> String {
    let (a, b) = (
        impact(run).failed_request_hours,
        impact(day).failed_request_hours,
    );
    let d = a - b;
    if d.abs() < 0.05 {
        "as many failed requests as on the day".into()
    } else if d < 0.0 {
        format!("{:.1} hours of requests fewer failed than on the day", -d)
    } else {
        format!("{d:.1} hours of requests more failed than on the day")
    }
}

#[cfg(test)]
mod tests;
