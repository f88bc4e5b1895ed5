//! The parameter registry: for every scenario field its key, unit, range, and whether its default
//! is sourced from AWS's summary (with the section) or assumed (with the reason). The command
//! line's `params` listing, `--set`, validation and the app's scenario panel all read this table.

use std::fmt;

use crate::clock;
use crate::scenario::{Bootstrap, FirstFix, Scenario};

/// Whether a default value comes from AWS's summary or is the model's assumption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Stated by AWS's summary; the note names the section.
    Sourced,
    /// Not given by AWS; the note says why this value was chosen.
    Assumed,
}

impl Status {
    /// "sourced" or "assumed".
    pub fn name(self) -> &'static str {
        match self {
            Status::Sourced => "sourced",
            Status::Assumed => "assumed",
        }
    }
}

/// How a parameter's value is written and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole number.
    Integer,
    /// Any finite number.
    Real,
    /// A time of day as minutes since 00:00 PST on 25 Nov 2020; written "HH:MM" or minutes.
    Minute,
    /// true or false.
    Bool,
    /// One of a few names.
    Choice(&'static [&'static str]),
}

/// One scenario field as the outside world sees it.
pub struct Param {
    /// Dotted key, as in `--set fleet.servers=4000`.
    pub key: &'static str,
    /// Unit of the value.
    pub unit: &'static str,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// How it is written.
    pub kind: Kind,
    /// Sourced or assumed.
    pub status: Status,
    /// The source (section of AWS's summary) or the reason for the assumption.
    pub note: &'static str,
    /// Reads the value from a scenario.
    pub get: fn(&Scenario) -> f64,
    /// Writes an already checked value into a scenario.
    pub set: fn(&mut Scenario, f64),
}

/// A parameter problem, naming the field, the value and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    /// The key or field that is wrong.
    pub field: String,
    /// The value as given.
    pub value: String,
    /// What would have been accepted.
    pub allowed: String,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: value '{}' is not allowed; allowed: {}",
            self.field, self.value, self.allowed
        )
    }
}

impl std::error::Error for ParamError {}

const BOOTSTRAPS: &[&str] = &["peers", "metadata-store"];
const FIXES: &[&str] = &["thread-limit", "memory"];
const BOOLS: &[&str] = &["false", "true"];
const DAY_END: f64 = 7.0 * clock::DAY as f64;

macro_rules! param {
    ($key:literal, $($field:ident).+, $kind:expr, $unit:literal, $min:expr, $max:expr, $status:ident, $note:literal) => {
        Param {
            key: $key,
            unit: $unit,
            min: $min as f64,
            max: $max as f64,
            kind: $kind,
            status: Status::$status,
            note: $note,
            get: |s| s.$($field).+ as f64,
            set: |s, v| s.$($field).+ = v as _,
        }
    };
}

macro_rules! flag {
    ($key:literal, $($field:ident).+, $status:ident, $note:literal) => {
        Param {
            key: $key,
            unit: "true/false",
            min: 0.0,
            max: 1.0,
            kind: Kind::Choice(BOOLS),
            status: Status::$status,
            note: $note,
            get: |s| if s.$($field).+ { 1.0 } else { 0.0 },
            set: |s, v| s.$($field).+ = v != 0.0,
        }
    };
}

use Kind::{Integer, Minute, Real};

/// Every parameter of the scenario, in the order they are listed.
pub static PARAMS: &[Param] = &[
    param!("seed", seed, Integer, "integer", 0, 9_007_199_254_740_991u64, Assumed,
        "seed of the one random generator; any value gives a run that honours the timeline"),
    param!("time.start_min", time.start_min, Minute, "clock time", 0, DAY_END, Assumed,
        "the run starts at midnight PST, long before the 02:44 trigger"),
    param!("time.end_min", time.end_min, Minute, "clock time", 60, DAY_END, Assumed,
        "the run ends at 02:00 on the 26th, after CloudWatch's 22:31 recovery"),
    param!("fleet.servers", fleet.servers, Integer, "servers", 10, 400_000, Assumed,
        "AWS: 'many thousands of servers' (Kinesis summary, restart paragraph). 3,700 fits a restart from 10:07 to 22:23 at 'a few hundred per hour' (290)"),
    param!("fleet.added", fleet.added, Integer, "servers", 0, 100_000, Assumed,
        "AWS: a 'relatively small addition of capacity' (summary, first paragraph); 100 servers is 2.7% of the fleet"),
    param!("fleet.add_start_min", fleet.add_start_min, Minute, "clock time", 0, DAY_END, Sourced,
        "AWS summary, first paragraph: the addition began at 2:44 AM PST"),
    param!("fleet.add_end_min", fleet.add_end_min, Minute, "clock time", 0, DAY_END, Sourced,
        "AWS summary, first paragraph: the addition finished at 3:47 AM PST"),
    param!("fleet.host_size", fleet.host_size, Real, "ratio", 0.25, 16, Assumed,
        "1 = the hosts of the day; remediation 1 (larger CPU and memory servers) sets 2: half as many servers"),
    param!("fleet.cells", fleet.cells, Integer, "cells", 1, 64, Assumed,
        "1 = not cellular, as on the day (AWS: cellularization 'had not yet been completed'); remediation 7 splits the fleet"),
    param!("threads.limit", threads.limit, Integer, "threads", 64, 4_194_304, Assumed,
        "AWS names an OS configuration but no value. 4,096 is a common per-user nproc limit; other candidates: 1,024 (nproc), 4,915 (systemd DefaultTasksMax), 32,768 (kernel.pid_max)"),
    param!("threads.per_peer", threads.per_peer, Integer, "threads per peer", 1, 64, Assumed,
        "AWS: the server 'creates operating system threads for each of the other servers' but gives no count; 1 per peer is the simplest reading"),
    param!("threads.base", threads.base, Integer, "threads", 0, 100_000, Assumed,
        "not given; 350 puts the fleet at 98.9% of the limit before the addition, so that a 2.7% addition tips every server over"),
    param!("threads.alarm_ratio", threads.alarm_ratio, Real, "ratio of the limit", 0, 1, Assumed,
        "0 = no thread alarm, as on the day; remediation 2 (fine-grained thread alarms) sets 0.99"),
    param!("threads.alarm_response_min", threads.alarm_response_min, Integer, "minutes", 0, 1_440, Assumed,
        "time for operators to act on a thread alarm: halt the addition and remove it"),
    param!("discovery.max_delay_min", discovery.max_delay_min, Integer, "minutes", 0, 240, Sourced,
        "AWS summary, second paragraph: 'It takes up to an hour for any existing front-end fleet member to learn of new participants'"),
    param!("shardmap.lease_min", shardmap.lease_min, Integer, "minutes", 1, 1_440, Assumed,
        "not given; chosen so that the errors reach the alarm level at about 05:15, 1 h 28 min after the addition ended (calibrated)"),
    param!("shardmap.renew_spread_min", shardmap.renew_spread_min, Integer, "minutes", 0, 720, Assumed,
        "entries are renewed at different times within a rebuild cycle, so they expire over this span"),
    param!("shardmap.churn_per_hour", shardmap.churn_per_hour, Real, "ratio per hour", 0, 1, Assumed,
        "shard ownership moves slowly (splits, merges, rebalancing); 1% per hour keeps pre-expiry errors under the alarm level"),
    flag!("shardmap.dedicated_fleet", shardmap.dedicated_fleet, Assumed,
        "false on the day; remediation 5 moves the cache to a dedicated fleet, so front-end servers no longer keep threads per front-end peer"),
    param!("shardmap.cache_fleet_servers", shardmap.cache_fleet_servers, Integer, "servers", 1, 100_000, Assumed,
        "size of that dedicated cache fleet; a front-end server keeps threads only for these"),
    param!("traffic.utilisation", traffic.utilisation, Real, "ratio", 0.01, 0.95, Assumed,
        "not given; a fleet run at half its capacity"),
    param!("traffic.throttle_cap", traffic.throttle_cap, Real, "ratio", 0.05, 1, Assumed,
        "the front end throttles (AWS: it 'handles authentication, throttling'); a server accepts requests up to 70% of its capacity and rejects the rest cheaply, keeping room for its own work"),
    param!("alarm.error_threshold", alarm.error_threshold, Real, "ratio", 0.001, 1, Assumed,
        "not given; 5% errors on put and get"),
    param!("alarm.eval_min", alarm.eval_min, Integer, "minutes", 1, 120, Assumed,
        "not given; three one-minute datapoints above the threshold"),
    param!("alarm.normal_error", alarm.normal_error, Real, "ratio", 0.0001, 0.5, Assumed,
        "not given; a service whose error rate is under 1% counts as normal again (the milestones 'fully back to normal', 'operating normally' and 'errors resolved')"),
    param!("alarm.falling_share", alarm.falling_share, Real, "ratio of the peak", 0.05, 0.99, Assumed,
        "AWS: the Kinesis error rate was 'steadily dropping' from noon; the model counts that from the minute errors are 15% below their peak"),
    Param {
        key: "restart.bootstrap",
        unit: "peers/metadata-store",
        min: 0.0,
        max: 1.0,
        kind: Kind::Choice(BOOTSTRAPS),
        status: Status::Sourced,
        note: "AWS summary, restart paragraph: the team changed the bootstrap to obtain data from the authoritative metadata store rather than from neighbouring front-end servers; 'peers' is the change not made",
        get: |s| match s.restart.bootstrap {
            Bootstrap::Peers => 0.0,
            Bootstrap::MetadataStore => 1.0,
        },
        set: |s, v| {
            s.restart.bootstrap = if v == 0.0 { Bootstrap::Peers } else { Bootstrap::MetadataStore }
        },
    },
    param!("restart.per_hour", restart.per_hour, Real, "servers per hour", 1, 100_000, Sourced,
        "AWS summary, restart paragraph: 'we could only add servers at the rate of a few hundred per hour'; 290"),
    param!("restart.cold_start_peers_min", restart.cold_start_peers_min, Real, "minutes", 0.5, 600, Assumed,
        "not given; reading the shard-map from neighbouring servers is more work than from the metadata store (AWS changed it to speed the restart)"),
    param!("restart.cold_start_metadata_min", restart.cold_start_metadata_min, Real, "minutes", 0.5, 600, Assumed,
        "calibrated: the restart proceeded at 09:39 and the first restarted servers took traffic at 10:07, 28 minutes later (the quickest cold starts, 10% under the mean of 32); remediation 4 ('radically improve the cold-start time') sets 4"),
    param!("restart.cold_start_spread", restart.cold_start_spread, Real, "ratio", 0, 0.9, Assumed,
        "servers differ: each cold start's work is drawn within plus or minus 10% of the mean"),
    param!("restart.rate_jitter", restart.rate_jitter, Real, "ratio", 0, 1, Assumed,
        "operators restart servers by hand, in groups: the number restarted in a minute is drawn within plus or minus 30% of the rate"),
    param!("restart.metadata_store_capacity", restart.metadata_store_capacity, Integer, "servers", 1, 100_000, Assumed,
        "not given; every bootstrap source has finite capacity. 400 bootstraps at once, of 32 minutes each, serve 750 servers an hour; beyond that the store is shared and each cold start goes slower"),
    param!("restart.peer_stream_cost", restart.peer_stream_cost, Real, "share of capacity", 0, 1, Assumed,
        "AWS: populating the shard-map competes with request processing; with the peer bootstrap each cold-starting server loads every serving peer by this much"),
    param!("restart.warmup_min", restart.warmup_min, Integer, "minutes", 0, 600, Assumed,
        "AWS: a restarted server's shard-map work 'competes with the resources that are used to process incoming requests'; the model lets it finish the map over its first 30 minutes in rotation"),
    param!("restart.warmup_cost", restart.warmup_cost, Real, "share of capacity", 0, 1, Assumed,
        "not given; completing the map takes 5% of a warming server's capacity, before the churn around it; remediation 4 sets 0.02"),
    param!("restart.churn_cost", restart.churn_cost, Real, "ratio per server per minute", 0, 1, Assumed,
        "AWS: the shard-map is fed by 'a continuous stream of messages from other front-end servers'; a warming server also takes in every server joining or leaving rotation around it, 2.5% of its capacity per such server per minute. At 290 restarts an hour (about 10 joins and leaves a minute) warming servers just keep up; faster, the weakest turn slow: the rate that keeps restarted servers healthy is a few hundred an hour. Remediation 4 sets 0.002"),
    param!("restart.churn_window_min", restart.churn_window_min, Integer, "minutes", 1, 240, Assumed,
        "joins and leaves are averaged over 10 minutes: a warming server works through them over a few minutes"),
    param!("restart.pace_evictions", restart.pace_evictions, Integer, "servers", 1, 100_000, Assumed,
        "the operators' pacing (model's policy): they pause when health checks remove this many servers within the window (AWS: the restart was 'long and careful')"),
    param!("restart.pace_window_min", restart.pace_window_min, Integer, "minutes", 5, 240, Assumed,
        "the operators' pacing: the window over which they count evictions and restarted servers that came back healthy"),
    param!("restart.pace_pause_min", restart.pace_pause_min, Integer, "minutes", 0, 600, Assumed,
        "the operators' pacing: length of a pause; after it they go on at the rate at which restarted servers came back healthy during the window"),
    param!("restart.pace_min_per_hour", restart.pace_min_per_hour, Real, "servers per hour", 1, 100_000, Assumed,
        "the operators' pacing: the slowest rate they go on at, even when few servers came back healthy"),
    param!("restart.pace_step_per_hour", restart.pace_step_per_hour, Real, "servers per hour", 0, 100_000, Assumed,
        "the operators' pacing: after each window without a setback they go this much faster, up to the planned rate, and after a setback up to the fastest rate that went a whole window without one"),
    param!("restart.pace_backoff", restart.pace_backoff, Real, "ratio", 0.1, 0.95, Assumed,
        "the operators' pacing: after a setback they go on at this share of the rate that caused it"),
    param!("health.capacity_spread", health.capacity_spread, Real, "ratio", 0, 0.9, Assumed,
        "servers differ in how much load they take before they turn slow"),
    param!("health.overload_min", health.overload_min, Integer, "minutes", 1, 120, Assumed,
        "health checks remove a server after three slow minutes (AWS: slow servers 'could be deemed unhealthy and removed')"),
    param!("health.cold_start_deadline_min", health.cold_start_deadline_min, Integer, "minutes", 1, 1_440, Assumed,
        "a restarting server that has not finished its cold start in 45 minutes is judged unhealthy"),
    param!("ops.removal_after_alarm_min", ops.removal_after_alarm_min, Integer, "minutes", 0, 1_440, Assumed,
        "AWS: removal began 'as a precaution' after the 05:15 alarms, time not given; 24 minutes, so that it ends at 09:39, when AWS says it had 'just completed'"),
    param!("ops.removal_per_hour", ops.removal_per_hour, Real, "servers per hour", 0.1, 100_000, Assumed,
        "not given; 25 per hour removes the 100 added servers in four hours"),
    param!("ops.candidates_after_alarm_min", ops.candidates_after_alarm_min, Integer, "minutes", 0, 2_880, Sourced,
        "AWS summary, 7:51 AM: the cause narrowed to a couple of candidates, 156 minutes after the 5:15 alarms"),
    param!("ops.root_cause_after_alarm_min", ops.root_cause_after_alarm_min, Integer, "minutes", 0, 2_880, Sourced,
        "AWS summary, 9:39 AM: root cause confirmed, 264 minutes after the 5:15 alarms; the restart proceeds once the removal is complete and no server would exceed the limit"),
    Param {
        key: "ops.first_fix",
        unit: "thread-limit/memory",
        min: 0.0,
        max: 1.0,
        kind: Kind::Choice(FIXES),
        status: Status::Sourced,
        note: "AWS summary: memory pressure was the leading candidate for hours, and a wrong fix 'would double the recovery time as we would need to apply a second fix and restart again'; 'memory' bets on it: no precautionary removal, a restart with a memory fix at 07:51 (the preset memory-fix-first)",
        get: |s| match s.ops.first_fix {
            FirstFix::ThreadLimit => 0.0,
            FirstFix::Memory => 1.0,
        },
        set: |s, v| {
            s.ops.first_fix = if v == 0.0 { FirstFix::ThreadLimit } else { FirstFix::Memory }
        },
    },
    param!("ops.rediagnosis_min", ops.rediagnosis_min, Integer, "minutes", 0, 2_880, Assumed,
        "after a wrong fix's restart has gone through the fleet without helping, the time to confirm the thread limit"),
    param!("ops.cognito_fix_after_spike_min", ops.cognito_fix_after_spike_min, Integer, "minutes", 0, 2_880, Sourced,
        "AWS summary, Cognito paragraph: errors rose sharply at 7:01 AM and the change began deploying at 10:15 AM, 194 minutes later"),
    param!("ops.lambda_mitigation_after_errors_min", ops.lambda_mitigation_after_errors_min, Integer, "minutes", 0, 2_880, Sourced,
        "AWS summary, Lambda paragraph: invocation errors from 6:15 AM, memory contention mitigated at 10:36 AM, 261 minutes later"),
    flag!("cloudwatch.partitioned", cloudwatch.partitioned, Assumed,
        "false on the day; remediation 6 moves CloudWatch to its own front-end fleet, which the addition does not touch"),
    param!("cloudwatch.local_store_hours", cloudwatch.local_store_hours, Real, "hours", 0, 48, Assumed,
        "0 on the day; remediation 9 keeps 3 hours of metrics in CloudWatch's local store, readable by Auto Scaling"),
    param!("cloudwatch.pipeline_headroom", cloudwatch.pipeline_headroom, Real, "ratio", 1, 10, Assumed,
        "calibrated: fresh metrics flow again once Kinesis availability exceeds 1/1.5, which the restart reaches near 17:47"),
    param!("cloudwatch.client_buffer_min", cloudwatch.client_buffer_min, Real, "minutes", 0, 1_440, Assumed,
        "clients buffer a few minutes of metrics; what overflows becomes gaps in the data (AWS, CloudWatch paragraph)"),
    param!("cloudwatch.unaffected_share", cloudwatch.unaffected_share, Real, "ratio", 0, 1, Assumed,
        "AWS, CloudWatch paragraph: 'some CloudWatch metrics continued to be processed throughout the event'; 10% is assumed"),
    param!("cloudwatch.backfill_per_min", cloudwatch.backfill_per_min, Real, "minutes per minute", 0.001, 10, Assumed,
        "AWS: after 10:31 PM 'backfill of all metrics' completed over the subsequent hours; buffered metrics are processed at a tenth of real time, after fresh ones"),
    param!("cloudwatch.alarm_datapoints", cloudwatch.alarm_datapoints, Integer, "minutes", 1, 120, Assumed,
        "an alarm leaves INSUFFICIENT_DATA after this many complete one-minute datapoints; 8 puts CloudWatch's full recovery a few minutes after Kinesis's, as AWS reports (10:23 and 10:31 PM)"),
    param!("cloudwatch.fresh_ok", cloudwatch.fresh_ok, Real, "ratio", 0.01, 1, Assumed,
        "below 95% of fresh metrics readable, alarms go to INSUFFICIENT_DATA and reactive Auto Scaling waits"),
    param!("lambda.memory_headroom_min", lambda.memory_headroom_min, Real, "minutes", 0, 1_440, Assumed,
        "calibrated: minutes of buffered metrics that fill an invocation host's spare memory, so that errors start near 06:15"),
    param!("lambda.error_per_min", lambda.error_per_min, Real, "ratio per minute", 0, 1, Assumed,
        "how fast invocation errors grow with further buffered metrics"),
    param!("lambda.max_error", lambda.max_error, Real, "ratio", 0, 1, Assumed,
        "not given; memory contention fails up to 30% of invocations"),
    param!("lambda.flush_per_min", lambda.flush_per_min, Real, "minutes per minute", 0, 60, Assumed,
        "an agent flushes one minute of buffered metrics per minute once CloudWatch accepts them again"),
    param!("cognito.buffer_min", cognito.buffer_min, Real, "minutes", 0, 1_440, Assumed,
        "calibrated: minutes of usage data a webserver buffers before the latent bug blocks it"),
    flag!("cognito.blocks_when_full", cognito.blocks_when_full, Sourced,
        "AWS summary, Cognito paragraph: a latent bug made webservers block on full buffers; remediation 8 fixes it"),
    param!("cognito.capacity_add_ratio", cognito.capacity_add_ratio, Real, "ratio", 0, 10, Assumed,
        "AWS: the Cognito team added capacity early, which 'initially reduced impact'; size not given; 2 (three times the webservers) is assumed so that the added buffers fill by about 07:01"),
    param!("cognito.capacity_add_trigger", cognito.capacity_add_trigger, Real, "share of the buffer", 0.01, 1, Assumed,
        "the Cognito team reacts when buffers are half full (AWS: they added capacity to increase 'their capacity to buffer calls to Kinesis')"),
    param!("cognito.capacity_add_response_min", cognito.capacity_add_response_min, Integer, "minutes", 0, 600, Assumed,
        "time for the added capacity to take traffic; with 20 minutes of buffer this keeps the errors below half before the addition, as AWS reports impact that the addition then reduced"),
    param!("cognito.fix_rollout_min", cognito.fix_rollout_min, Integer, "minutes", 1, 1_440, Assumed,
        "a staged deployment from 10:15 to every webserver; AWS: much better by 12:15, normal by 14:18"),
    param!("cognito.drain_per_min", cognito.drain_per_min, Real, "minutes per minute", 0, 60, Assumed,
        "a webserver ships one minute of buffered usage data per minute while Kinesis accepts writes"),
    param!("cognito.block_start_fill", cognito.block_start_fill, Real, "share of the buffer", 0, 5, Assumed,
        "webservers differ: the first block at 80% of the mean buffer size"),
    param!("cognito.block_full_fill", cognito.block_full_fill, Real, "share of the buffer", 0.01, 5, Assumed,
        "and every webserver is blocked at 120% of the mean buffer size"),
    param!("cognito.spike_level", cognito.spike_level, Real, "ratio", 0.01, 1, Assumed,
        "AWS: Cognito error rates rose 'sharply' at 7:01 AM; the model counts the spike from 50% of calls failing"),
    param!("eventbridge.delivery_headroom", eventbridge.delivery_headroom, Real, "ratio", 1, 10, Assumed,
        "calibrated: new events are delivered in full once Kinesis availability exceeds 1/1.9, which the restart reaches near 16:00"),
    param!("eventbridge.fresh_ok", eventbridge.fresh_ok, Real, "ratio", 0.01, 1, Assumed,
        "ECS and EKS cluster workflows stall while EventBridge delivers less than 95% of new events in time"),
    param!("dashboards.post_after_alarm_min", dashboards.post_after_alarm_min, Integer, "minutes", 0, 600, Assumed,
        "time from the first alarm to the first attempt to post on the Service Health Dashboard"),
    param!("dashboards.primary_post_min", dashboards.primary_post_min, Integer, "minutes", 0, 600, Assumed,
        "posting with the usual tool takes a few minutes"),
    param!("dashboards.backup_post_min", dashboards.backup_post_min, Integer, "minutes", 0, 1_440, Assumed,
        "AWS: the backup tool worked but was 'more manual and less familiar', causing 'several delays'; 90 minutes; remediation 10 (regular training) sets 15"),
    param!("dashboards.signin_error_max", dashboards.signin_error_max, Real, "ratio", 0, 1, Assumed,
        "the posting tool signs in through Cognito (AWS, dashboards paragraph) and fails once Cognito fails 2% of calls"),
    param!("dashboards.phd_after_alarm_min", dashboards.phd_after_alarm_min, Integer, "minutes", 0, 1_440, Assumed,
        "AWS used the Personal Health Dashboard to notify impacted customers; timing not given"),
];

/// The parameter with this key, if there is one.
pub fn find(key: &str) -> Option<&'static Param> {
    PARAMS.iter().find(|p| p.key == key)
}

impl Param {
    /// The allowed values, in words.
    pub fn allowed(&self) -> String {
        match self.kind {
            Kind::Choice(names) => names.join(" or "),
            Kind::Integer => format!("a whole number from {} to {}", self.min, self.max),
            Kind::Real => format!("a number from {} to {}", self.min, self.max),
            Kind::Minute => format!(
                "a time from {} to {} (HH:MM, or minutes since 00:00 PST on 25 Nov 2020)",
                clock::format(self.min as i32),
                clock::format(self.max as i32)
            ),
            Kind::Bool => "true or false".to_string(),
        }
    }

    /// The value of this parameter in a scenario, written as a user would write it.
    pub fn display(&self, scenario: &Scenario) -> String {
        let v = (self.get)(scenario);
        match self.kind {
            Kind::Choice(names) => names.get(v as usize).copied().unwrap_or("?").to_string(),
            Kind::Minute => clock::format(v as i32),
            Kind::Bool => (v != 0.0).to_string(),
            Kind::Integer => format!("{}", v as u64),
            Kind::Real => format!("{v}"),
        }
    }

    /// Parses a value as written by a user, checks it, and returns it as a number.
    pub fn parse(&self, text: &str) -> Result<f64, ParamError> {
        let err = || ParamError {
            field: self.key.to_string(),
            value: text.to_string(),
            allowed: self.allowed(),
        };
        let t = text.trim();
        let v = match self.kind {
            Kind::Choice(names) => names.iter().position(|n| *n == t).ok_or_else(err)? as f64,
            Kind::Bool => match t {
                "true" => 1.0,
                "false" => 0.0,
                _ => return Err(err()),
            },
            Kind::Minute => match clock::parse(t) {
                Some(m) => f64::from(m),
                None => t.parse::<f64>().map_err(|_| err())?,
            },
            Kind::Integer | Kind::Real => t.parse::<f64>().map_err(|_| err())?,
        };
        self.check(v).map_err(|_| err())
    }

    /// Checks a number against the kind and range of this parameter.
    pub fn check(&self, v: f64) -> Result<f64, ParamError> {
        let whole = !matches!(self.kind, Kind::Real);
        if !v.is_finite() || v < self.min || v > self.max || (whole && v.fract() != 0.0) {
            return Err(ParamError {
                field: self.key.to_string(),
                value: format!("{v}"),
                allowed: self.allowed(),
            });
        }
        Ok(v)
    }
}

/// Sets `key` to the value written in `text`, after checking it.
pub fn set(scenario: &mut Scenario, key: &str, text: &str) -> Result<(), ParamError> {
    let param = find(key).ok_or_else(|| ParamError {
        field: key.to_string(),
        value: text.to_string(),
        allowed: "a key listed by `cascade-sim params`".to_string(),
    })?;
    let v = param.parse(text)?;
    (param.set)(scenario, v);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_inside_its_range() {
        let s = Scenario::default();
        for p in PARAMS {
            let v = (p.get)(&s);
            assert!(p.check(v).is_ok(), "{} = {v}", p.key);
        }
    }

    #[test]
    fn keys_are_unique_and_notes_present() {
        let mut keys: Vec<_> = PARAMS.iter().map(|p| p.key).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n);
        assert!(PARAMS.iter().all(|p| p.note.len() > 10));
    }

    #[test]
    fn set_round_trips_through_display() {
        let mut s = Scenario::default();
        set(&mut s, "fleet.servers", "5000").ok();
        assert_eq!(s.fleet.servers, 5000);
        set(&mut s, "restart.bootstrap", "metadata-store").ok();
        assert_eq!(s.restart.bootstrap, Bootstrap::MetadataStore);
        set(&mut s, "ops.first_fix", "memory").ok();
        assert_eq!(s.ops.first_fix, FirstFix::Memory);
        set(&mut s, "cloudwatch.partitioned", "true").ok();
        assert!(s.cloudwatch.partitioned);
        for p in PARAMS {
            let text = p.display(&s);
            let mut t = s.clone();
            assert!(set(&mut t, p.key, &text).is_ok(), "{} '{text}'", p.key);
            assert_eq!(t, s, "{}", p.key);
        }
    }

    #[test]
    fn bad_values_name_field_value_and_range() {
        let mut s = Scenario::default();
        let e = set(&mut s, "fleet.servers", "-3").err();
        let text = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(text.contains("fleet.servers") && text.contains("-3") && text.contains("10 to"));
        assert!(set(&mut s, "fleet.servers", "12.5").is_err());
        assert!(set(&mut s, "fleet.servers", "NaN").is_err());
        assert!(set(&mut s, "restart.bootstrap", "carrier-pigeon").is_err());
        assert!(set(&mut s, "no.such.key", "1").is_err());
        assert!(set(&mut s, "time.end_min", "25:00").is_err());
        assert_eq!(s, Scenario::default(), "a refused value changes nothing");
    }
}
