//! The recording of a run: per-minute series, every server's state changes (for instant lookup
//! at any time), the event log and the milestones. Playing and scrubbing only read it.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::clock::Minute;
use crate::fleet::ServerState;
use crate::membership::MembershipHistory;
use crate::milestones::Milestones;
use crate::scenario::Scenario;

macro_rules! series {
    ($($(#[$doc:meta])* $name:ident,)+) => {
        /// One minute's values of every series.
        #[derive(Debug, Clone, Copy, Default, PartialEq)]
        pub struct SeriesRow {
            $($(#[$doc])* pub $name: f32,)+
        }

        /// Per-minute series of a run; index `k` is minute `start + k`.
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct Series {
            /// The minute of each row.
            pub minute: Vec<Minute>,
            $($(#[$doc])* pub $name: Vec<f32>,)+
        }

        impl Series {
            /// Appends one minute.
            pub fn push(&mut self, t: Minute, row: &SeriesRow) {
                self.minute.push(t);
                $(self.$name.push(row.$name);)+
            }

            /// Every series by name, in a fixed order (the CSV columns after `minute`).
            pub fn columns(&self) -> Vec<(&'static str, &[f32])> {
                vec![$((stringify!($name), self.$name.as_slice()),)+]
            }

            /// One series by name, without building the whole list (for every frame).
            pub fn column(&self, name: &str) -> Option<&[f32]> {
                match name {
                    $(stringify!($name) => Some(self.$name.as_slice()),)+
                    _ => None,
                }
            }
        }
    };
}

series! {
    /// Share of Kinesis requests that succeed.
    kinesis_success,
    /// Share of Kinesis requests that fail.
    kinesis_error,
    /// Share of the requests front-end servers in rotation route right (1 = all).
    frontend_health,
    /// Servers not yet added.
    servers_pending,
    /// Servers serving with a good shard-map.
    servers_serving,
    /// Servers past the thread limit: their shard-map is no longer rebuilt and ages.
    servers_limit_hit,
    /// Of those, servers whose map is too old to route most requests (they fail).
    servers_map_failing,
    /// Servers removed.
    servers_removed,
    /// Servers cold-starting.
    servers_cold_start,
    /// Servers evicted by health checks.
    servers_evicted,
    /// Servers serving again after a restart.
    servers_recovered,
    /// Servers whose wanted threads exceed the limit now.
    servers_over_limit,
    /// Fewest threads on a running server.
    threads_min,
    /// Median threads on a running server.
    threads_median,
    /// Most threads on a running server (never above the limit).
    threads_max,
    /// Median threads a running server wants (above the limit, the excess is refused).
    threads_wanted_median,
    /// Most threads a running server wants.
    threads_wanted_max,
    /// Load on a server in rotation (share of its capacity).
    fleet_load,
    /// Restart rate in force (servers per hour; 0 while paused or not restarting).
    restart_rate,
    /// Share of full speed a cold-starting server's bootstrap gets (from the metadata store or
    /// from the peers).
    cold_start_supply,
    /// Share of CloudWatch's Kinesis writes that fail.
    cloudwatch_write_failure,
    /// Share of new metrics processed, possibly after retries (what Auto Scaling reads).
    cloudwatch_put_success,
    /// Share of this minute's datapoints alarms can read (INSUFFICIENT_DATA below the threshold).
    cloudwatch_readable,
    /// Delayed metrics in client buffers (minutes of data).
    cloudwatch_buffered_min,
    /// Metrics lost so far (minutes of data).
    cloudwatch_lost_min,
    /// CloudWatch health.
    cloudwatch_health,
    /// Metrics buffered in Lambda hosts' memory (minutes of metrics).
    lambda_buffer_min,
    /// Share of Lambda invocations that fail.
    lambda_error,
    /// Lambda health.
    lambda_health,
    /// Share of metrics Auto Scaling can read.
    autoscaling_readable,
    /// Auto Scaling health.
    autoscaling_health,
    /// Cognito buffer fill (share of the buffer).
    cognito_buffer_fill,
    /// Share of Cognito calls that fail.
    cognito_error,
    /// Cognito webserver capacity relative to the morning.
    cognito_capacity,
    /// Share of Cognito webservers running the fix.
    cognito_fixed,
    /// Cognito health.
    cognito_health,
    /// Share of EventBridge API calls that fail.
    eventbridge_api_error,
    /// Share of new events delivered in time.
    eventbridge_fresh,
    /// Event backlog (minutes of event traffic).
    eventbridge_backlog_min,
    /// EventBridge health.
    eventbridge_health,
    /// ECS health (share of workflows on time).
    ecs_health,
    /// EKS health (share of workflows on time).
    eks_health,
    /// Service Health Dashboard: 1 informed (or nothing to tell), 0.7 posting, 0 usual tool blocked.
    shd_health,
    /// Personal Health Dashboard health.
    phd_health,
}

impl Serialize for Series {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let columns = self.columns();
        let mut map = serializer.serialize_map(Some(columns.len() + 1))?;
        map.serialize_entry("minute", &self.minute)?;
        for (name, values) in columns {
            map.serialize_entry(name, values)?;
        }
        map.end()
    }
}

/// What kind of thing an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// An operator action.
    Operator,
    /// A milestone of the timeline.
    Milestone,
    /// A change in the front-end fleet.
    Fleet,
    /// A downstream service changes.
    Service,
}

/// One line of the event log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// When (minutes since 00:00 PST, 25 Nov 2020).
    pub t: Minute,
    /// What kind of event.
    pub kind: EventKind,
    /// What happened, in words.
    pub text: String,
    /// Where the mechanism comes from: a section of AWS's summary, or "model".
    pub source: String,
}

/// A state change of one server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    /// When.
    pub t: Minute,
    /// Which server.
    pub server: u32,
    /// Its new state.
    pub state: ServerState,
}

/// Per-server facts needed to answer "what was server i doing at time t" instantly.
#[derive(Debug, Clone, Default)]
pub struct ServerTable {
    /// Lag of each server's membership view (minutes).
    pub lag: Vec<u8>,
    /// Servers before the addition.
    pub existing: u32,
    /// Number of cells.
    pub cells: u32,
    /// Cells the addition landed in.
    pub add_cells: u32,
    /// Where each server's threads at rest lie in the spread around the base, from -1 to 1.
    pub rest: Vec<f32>,
    /// The age (minutes since its last good build) from which a past-the-limit server's map
    /// counts as failing (`phases::shardmap::failing_age`).
    pub map_failing_age: Minute,
    /// Start of each server's transitions in `transitions`.
    pub offsets: Vec<u32>,
    /// Every state change, grouped by server, in time order within a server.
    pub transitions: Vec<Transition>,
}

/// A server as it was at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ServerSnapshot {
    /// The server's index.
    pub server: u32,
    /// Its state.
    #[serde(serialize_with = "state_key")]
    pub state: ServerState,
    /// Since when.
    pub since: Minute,
    /// Peers it knows.
    pub known_peers: u32,
    /// Threads it holds (never above the limit).
    pub threads: u32,
    /// Threads it would need for every known peer.
    pub threads_wanted: u32,
    /// Whether it belongs to the added capacity.
    pub added: bool,
}

fn state_key<S: Serializer>(s: &ServerState, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s.key())
}

/// Everything a run produced.
#[derive(Debug, Clone, Serialize)]
pub struct Recording {
    /// The scenario as run.
    pub scenario: Scenario,
    /// When each milestone happened.
    pub milestones: Milestones,
    /// The event log, in time order.
    pub events: Vec<Event>,
    /// Per-minute series.
    pub series: Series,
    /// Per-server state changes.
    #[serde(skip)]
    pub servers: ServerTable,
    /// Fleet membership per cell over time.
    #[serde(skip)]
    pub membership: MembershipHistory,
    /// Preconditions of the scenario the model cannot honour, in words (empty for a scenario
    /// that could have been running as the day began).
    pub warnings: Vec<String>,
}

impl Recording {
    /// The series as CSV: a header `minute,` then every series name in `Series::columns` order,
    /// and one row per minute.
    pub fn series_csv(&self) -> String {
        use std::fmt::Write;
        let series = &self.series;
        let columns = series.columns();
        let mut out = String::from("minute");
        for (name, _) in &columns {
            out.push(',');
            out.push_str(name);
        }
        out.push('\n');
        for (k, minute) in series.minute.iter().enumerate() {
            let _ = write!(out, "{minute}");
            for (_, values) in &columns {
                let _ = write!(out, ",{}", values[k]);
            }
            out.push('\n');
        }
        out
    }

    /// Number of servers (existing and added).
    pub fn server_count(&self) -> usize {
        self.servers.lag.len()
    }

    /// The row index of minute `t`, clamped to the run.
    pub fn index_of(&self, t: Minute) -> usize {
        let start = self.series.minute.first().copied().unwrap_or(0);
        let len = self.series.minute.len();
        (t - start).clamp(0, len.saturating_sub(1) as Minute) as usize
    }

    /// The state of server `i` at `t` and since when (binary search in its transitions).
    pub fn state_at(&self, i: usize, t: Minute) -> Option<(ServerState, Minute)> {
        let table = &self.servers;
        let from = *table.offsets.get(i)? as usize;
        let to = *table.offsets.get(i + 1)? as usize;
        let changes = table.transitions.get(from..to)?;
        let n = changes.partition_point(|c| c.t <= t);
        let start = self.scenario.time.start_min;
        Some(match n {
            0 => {
                let initial = if i < table.existing as usize {
                    ServerState::Serving
                } else {
                    ServerState::Pending
                };
                (initial, start)
            }
            k => (changes[k - 1].state, changes[k - 1].t),
        })
    }

    /// Whether server `i`, past the limit at `t` since `since`, has a map too old to route most
    /// requests: the same test the `servers_map_failing` series counts. Its last good build was
    /// the minute before it hit the limit, unless it booted past the limit and never built one.
    pub fn map_failing(&self, i: usize, t: Minute, since: Minute) -> bool {
        self.boot_at(i, since) == since || t - (since - 1) >= self.servers.map_failing_age
    }

    /// When server `i`'s process last started at or before `t`.
    pub fn boot_at(&self, i: usize, t: Minute) -> Minute {
        let table = &self.servers;
        let start = self.scenario.time.start_min;
        let fallback = start - crate::clock::DAY;
        let (Some(&from), Some(&to)) = (table.offsets.get(i), table.offsets.get(i + 1)) else {
            return fallback;
        };
        table.transitions[from as usize..to as usize]
            .iter()
            .rev()
            .find(|c| {
                c.t <= t
                    && (c.state == ServerState::ColdStart
                        || (i >= table.existing as usize && c.state == ServerState::Serving))
            })
            .map_or(fallback, |c| c.t)
    }

    /// Server `i` as it was at `t`: state, since when, peers known and threads.
    pub fn server_at(&self, i: usize, t: Minute) -> Option<ServerSnapshot> {
        let (state, since) = self.state_at(i, t)?;
        let lag = *self.servers.lag.get(i)?;
        let table = &self.servers;
        let cell = crate::fleet::cell_of(i, table.existing, table.cells.max(1), table.add_cells);
        let rest = table.rest.get(i).copied().unwrap_or(0.0);
        let (known, wanted, threads) = if state.running() {
            let known = crate::phases::discovery::known_peers(
                &self.scenario,
                &self.membership,
                cell,
                lag,
                self.boot_at(i, t),
                t,
            );
            let t = &self.scenario.threads;
            let wanted = crate::fleet::threads_at_rest(t.base, t.base_spread, rest)
                .saturating_add(t.per_peer.saturating_mul(known));
            (known, wanted, wanted.min(t.limit))
        } else {
            (0, 0, 0)
        };
        Some(ServerSnapshot {
            server: i as u32,
            state,
            since,
            known_peers: known,
            threads,
            threads_wanted: wanted,
            added: i >= self.servers.existing as usize,
        })
    }
}

impl Recording {
    /// How many servers were ever in `state` during the run.
    pub fn servers_ever_in(&self, state: ServerState) -> usize {
        let table = &self.servers;
        (0..self.server_count())
            .filter(|&i| {
                let (from, to) = (table.offsets[i] as usize, table.offsets[i + 1] as usize);
                table.transitions[from..to].iter().any(|c| c.state == state)
            })
            .count()
    }

    /// Bytes the recording holds in memory, approximately (series, transitions, membership).
    pub fn approx_bytes(&self) -> usize {
        let rows = self.series.minute.len();
        let series = rows * (self.series.columns().len() + 1) * 4;
        let transitions = self.servers.transitions.len() * std::mem::size_of::<Transition>();
        let per_server = self.server_count() * (1 + 4);
        let membership = self.membership.cells() * rows * 4;
        let events: usize = self
            .events
            .iter()
            .map(|e| e.text.len() + e.source.len() + 64)
            .sum();
        series + transitions + per_server + membership + events
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_by_name_matches_the_list() {
        let mut s = Series::default();
        s.push(
            3,
            &SeriesRow {
                kinesis_error: 0.25,
                phd_health: 1.0,
                ..SeriesRow::default()
            },
        );
        for (name, values) in s.columns() {
            assert_eq!(s.column(name), Some(values), "{name}");
        }
        assert_eq!(s.column("kinesis_error"), Some(&[0.25f32][..]));
        assert_eq!(s.column("no_such_series"), None);
    }
}
