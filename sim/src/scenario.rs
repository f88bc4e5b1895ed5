//! The one `Scenario` type: the model's input, the preset format, the JSON file users save and
//! what a share link encodes. Every field says its unit; `params.rs` says for each one its
//! range and whether its default is sourced (from AWS's summary) or assumed, and why.

use serde::{Deserialize, Serialize};

use crate::clock::{at, historical, Minute};
use crate::provenance::Provenance;

/// The version of the scenario format written by this build.
pub const SCENARIO_VERSION: u32 = 2;

/// Everything a run needs: the fleet, its limits, the operators' actions, the downstream
/// services, the remediations in force, and the seed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Scenario {
    /// Format version (integer); files of a newer version are refused with a message.
    pub version: u32,
    /// Seed of the one random generator (integer); same scenario and seed, same run.
    pub seed: u64,
    /// Simulated time span.
    pub time: TimeSpan,
    /// The Kinesis front-end fleet and the capacity addition.
    pub fleet: Fleet,
    /// Threads per server and the operating-system limit.
    pub threads: Threads,
    /// How existing servers learn of new ones.
    pub discovery: Discovery,
    /// The shard-map cache: how it ages once it can no longer be rebuilt.
    pub shardmap: ShardMap,
    /// Request load on the front-end fleet.
    pub traffic: Traffic,
    /// The first alarm on Kinesis errors.
    pub alarm: Alarm,
    /// The fleet restart.
    pub restart: Restart,
    /// Health checks that remove slow servers.
    pub health: Health,
    /// Operator actions, each answering what operators observe in the run.
    pub ops: Ops,
    /// CloudWatch metrics and logs.
    pub cloudwatch: CloudWatch,
    /// Lambda invocation hosts.
    pub lambda: Lambda,
    /// Cognito User Pools and Identity Pools.
    pub cognito: Cognito,
    /// CloudWatch Events / EventBridge.
    pub eventbridge: EventBridge,
    /// Service Health Dashboard and Personal Health Dashboard.
    pub dashboards: Dashboards,
    /// Sourced / assumed notes for every field; written on save, ignored on load.
    #[serde(rename = "_provenance")]
    pub provenance: Provenance,
}

/// Simulated time span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TimeSpan {
    /// First simulated minute (minutes since 00:00 PST, 25 Nov 2020).
    pub start_min: Minute,
    /// Last simulated minute, exclusive (minutes since 00:00 PST, 25 Nov 2020).
    pub end_min: Minute,
}

/// The Kinesis front-end fleet and the capacity addition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Fleet {
    /// Front-end servers before the addition (servers, at host size 1).
    pub servers: u32,
    /// Servers added by the capacity addition (servers, at host size 1).
    pub added: u32,
    /// Start of the capacity addition (minute).
    pub add_start_min: Minute,
    /// End of the capacity addition (minute).
    pub add_end_min: Minute,
    /// Relative size of a host (ratio); 2 means half as many servers, each twice as large.
    pub host_size: f64,
    /// Number of cells the fleet is split into (cells); peers are only within a cell.
    pub cells: u32,
}

/// Threads per server and the operating-system limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Threads {
    /// Maximum threads the operating system lets one server create (threads).
    pub limit: u32,
    /// Threads a server keeps for each other front-end server it knows (threads per peer).
    pub per_peer: u32,
    /// Threads a server needs apart from its peers: request handling and the like (threads).
    pub base: u32,
    /// Thread-consumption alarm level as a share of the limit (ratio; 0 means no such alarm).
    pub alarm_ratio: f64,
    /// Time from a thread alarm to operators halting the addition and removing it (minutes).
    pub alarm_response_min: u32,
}

/// How existing servers learn of new ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Discovery {
    /// Longest lag of a server's view of the fleet membership (minutes).
    pub max_delay_min: u32,
}

/// The shard-map cache: how it ages once it can no longer be rebuilt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ShardMap {
    /// How long an entry of the last good shard-map may be used without renewal (minutes).
    pub lease_min: u32,
    /// Spread of the entries' renewal times within one rebuild cycle (minutes).
    pub renew_spread_min: u32,
    /// Share of shard ownership that moves between back-end clusters per hour (ratio per hour).
    pub churn_per_hour: f64,
    /// The shard-map cache lives on a dedicated fleet instead of on every front-end server.
    pub dedicated_fleet: bool,
    /// Servers of that dedicated cache fleet (servers).
    pub cache_fleet_servers: u32,
}

/// Request load on the front-end fleet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Traffic {
    /// Request load as a share of the capacity of the whole healthy fleet (ratio).
    pub utilisation: f64,
    /// Most request load one server accepts before it throttles (share of its capacity).
    pub throttle_cap: f64,
}

/// The first alarm on Kinesis errors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Alarm {
    /// Error rate at which the put/get error alarm fires (ratio).
    pub error_threshold: f64,
    /// Minutes the error rate must stay above the threshold before the alarm fires (minutes).
    pub eval_min: u32,
    /// Error rate below which a service counts as normal again (ratio).
    pub normal_error: f64,
    /// Share of its peak the Kinesis error rate must fall to for "steadily falling" (ratio).
    pub falling_share: f64,
}

/// Where a restarting server gets its shard-map from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bootstrap {
    /// From the other front-end servers: every serving peer streams its state to it.
    Peers,
    /// From the authoritative metadata store: no load on the peers, but the store serves only
    /// so many bootstraps at once.
    MetadataStore,
}

impl Bootstrap {
    /// The name used in files, links and `--set restart.bootstrap=`.
    pub fn name(self) -> &'static str {
        match self {
            Bootstrap::Peers => "peers",
            Bootstrap::MetadataStore => "metadata-store",
        }
    }
}

/// The fleet restart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Restart {
    /// Servers the operators plan to restart per hour (servers per hour).
    pub per_hour: f64,
    /// Where a restarting server gets its shard-map.
    pub bootstrap: Bootstrap,
    /// Cold-start work when bootstrapping from peers, at full speed (minutes).
    pub cold_start_peers_min: f64,
    /// Cold-start work when bootstrapping from the metadata store, at full speed (minutes).
    pub cold_start_metadata_min: f64,
    /// Spread of one cold start's work around its mean, plus or minus (ratio).
    pub cold_start_spread: f64,
    /// Spread of the servers restarted in one minute around the rate, plus or minus (ratio).
    pub rate_jitter: f64,
    /// Bootstraps the metadata store serves at full speed at once (servers); others wait.
    pub metadata_store_capacity: u32,
    /// Load one cold-starting server puts on each serving peer (share of a server's capacity).
    pub peer_stream_cost: f64,
    /// Minutes a restarted server in rotation still spends completing its shard-map (minutes).
    pub warmup_min: u32,
    /// Share of its capacity that completing the shard-map takes during the warm-up (ratio).
    pub warmup_cost: f64,
    /// Further share of a warming server's capacity per server joining or leaving rotation per
    /// minute around it (ratio per server per minute).
    pub churn_cost: f64,
    /// Minutes over which the joins and leaves a warming server takes in are averaged (minutes).
    pub churn_window_min: u32,
    /// Evictions within the pacing window that make operators pause the restart (servers).
    pub pace_evictions: u32,
    /// Window over which operators count evictions and healthy returns (minutes).
    pub pace_window_min: u32,
    /// Length of a pause after too many evictions (minutes).
    pub pace_pause_min: u32,
    /// Slowest rate operators go on at after a pause (servers per hour).
    pub pace_min_per_hour: f64,
    /// How much faster operators go after each window without a setback (servers per hour).
    pub pace_step_per_hour: f64,
    /// After a setback operators go on at this share of the rate that caused it (ratio).
    pub pace_backoff: f64,
}

/// Health checks that remove slow servers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Health {
    /// Spread of server capacities around the nominal one, plus or minus (ratio).
    pub capacity_spread: f64,
    /// Consecutive overloaded minutes after which a server is judged unhealthy (minutes).
    pub overload_min: u32,
    /// Longest cold start before a restarting server is judged unhealthy (minutes).
    pub cold_start_deadline_min: u32,
}

/// Which fix the operators try first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FirstFix {
    /// The thread limit, as on the day: remove the capacity, then restart.
    ThreadLimit,
    /// The leading candidate of the morning, memory pressure: restart with a memory fix first.
    Memory,
}

impl FirstFix {
    /// The name used in files, links and `--set ops.first_fix=`.
    pub fn name(self) -> &'static str {
        match self {
            FirstFix::ThreadLimit => "thread-limit",
            FirstFix::Memory => "memory",
        }
    }
}

/// Operator actions. Each answers something the operators can observe in the run (an alarm, a
/// service's errors, the removal finishing), after a delay; the historical times are what the
/// default delays give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Ops {
    /// From the first alarm to the start of the precautionary removal of the addition (minutes).
    pub removal_after_alarm_min: u32,
    /// Servers removed per hour (servers per hour).
    pub removal_per_hour: f64,
    /// From the first alarm to the cause narrowed to a couple of candidates (minutes).
    pub candidates_after_alarm_min: u32,
    /// From the first alarm to the root cause confirmed (minutes).
    pub root_cause_after_alarm_min: u32,
    /// The fix operators try first.
    pub first_fix: FirstFix,
    /// After a wrong fix's restart has gone through the fleet, time to confirm the real cause
    /// (minutes).
    pub rediagnosis_min: u32,
    /// From Cognito's error spike to the start of the deployment of its change (minutes).
    pub cognito_fix_after_spike_min: u32,
    /// From the first Lambda invocation errors to the mitigation of the memory contention
    /// (minutes).
    pub lambda_mitigation_after_errors_min: u32,
}

/// CloudWatch metrics and logs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CloudWatch {
    /// CloudWatch uses its own partitioned front-end fleet, untouched by the addition.
    pub partitioned: bool,
    /// Hours of metrics kept in CloudWatch's local store, readable without Kinesis (hours).
    pub local_store_hours: f64,
    /// Ingestion capacity relative to the normal metric rate when Kinesis is healthy (ratio).
    pub pipeline_headroom: f64,
    /// Minutes of metrics a client buffers locally before it drops data (minutes).
    pub client_buffer_min: f64,
    /// Share of metrics whose processing does not go through the front-end fleet (ratio).
    pub unaffected_share: f64,
    /// Buffered metrics backfilled per minute once fresh metrics flow (minutes of data per
    /// minute).
    pub backfill_per_min: f64,
    /// Complete one-minute datapoints an alarm needs to leave INSUFFICIENT_DATA (minutes).
    pub alarm_datapoints: u32,
    /// Share of fresh metrics below which readers see gaps (ratio).
    pub fresh_ok: f64,
}

/// Lambda invocation hosts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Lambda {
    /// Minutes of buffered metrics an invocation host holds before memory contention (minutes).
    pub memory_headroom_min: f64,
    /// Invocation error rate added per minute of metrics buffered beyond that (ratio per minute).
    pub error_per_min: f64,
    /// Highest invocation error rate memory contention causes (ratio).
    pub max_error: f64,
    /// Minutes of buffered metrics an agent flushes per minute once CloudWatch accepts them
    /// (minutes of metrics per minute).
    pub flush_per_min: f64,
}

/// Cognito User Pools and Identity Pools.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Cognito {
    /// Minutes of usage data a webserver buffers for Kinesis (minutes).
    pub buffer_min: f64,
    /// The latent bug: webservers block when the buffer is full (true on the day).
    pub blocks_when_full: bool,
    /// Capacity the Cognito team adds when errors appear, as a share of the fleet (ratio).
    pub capacity_add_ratio: f64,
    /// Buffer fill that makes the Cognito team add capacity (share of the buffer).
    pub capacity_add_trigger: f64,
    /// Time from that error rate to the added capacity taking traffic (minutes).
    pub capacity_add_response_min: u32,
    /// Time to deploy the change that reduces the dependency to all webservers (minutes).
    pub fix_rollout_min: u32,
    /// Buffered usage data drained per minute while Kinesis accepts writes (minutes per minute).
    pub drain_per_min: f64,
    /// Buffer fill at which the first webservers block (share of the buffer).
    pub block_start_fill: f64,
    /// Buffer fill at which every webserver blocks (share of the buffer).
    pub block_full_fill: f64,
    /// Error rate that counts as Cognito's sharp rise (ratio).
    pub spike_level: f64,
}

/// CloudWatch Events / EventBridge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EventBridge {
    /// Event-delivery capacity relative to the normal event rate when Kinesis is healthy (ratio).
    pub delivery_headroom: f64,
    /// Share of new events delivered in time below which ECS and EKS workflows stall (ratio).
    pub fresh_ok: f64,
}

/// Service Health Dashboard and Personal Health Dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Dashboards {
    /// Time from the first alarm to the first attempt to post on the dashboard (minutes).
    pub post_after_alarm_min: u32,
    /// Time to post with the primary tool when it works (minutes).
    pub primary_post_min: u32,
    /// Time to post with the backup tool (minutes).
    pub backup_post_min: u32,
    /// Cognito error rate at which the posting tool cannot sign in (ratio).
    pub signin_error_max: f64,
    /// Time from the first alarm to the first Personal Health Dashboard notices (minutes).
    pub phd_after_alarm_min: u32,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            version: SCENARIO_VERSION,
            seed: 1,
            time: TimeSpan::default(),
            fleet: Fleet::default(),
            threads: Threads::default(),
            discovery: Discovery::default(),
            shardmap: ShardMap::default(),
            traffic: Traffic::default(),
            alarm: Alarm::default(),
            restart: Restart::default(),
            health: Health::default(),
            ops: Ops::default(),
            cloudwatch: CloudWatch::default(),
            lambda: Lambda::default(),
            cognito: Cognito::default(),
            eventbridge: EventBridge::default(),
            dashboards: Dashboards::default(),
            provenance: Provenance,
        }
    }
}

impl Default for TimeSpan {
    fn default() -> Self {
        Self {
            start_min: 0,
            end_min: at(26, 0),
        }
    }
}

impl Default for Fleet {
    fn default() -> Self {
        Self {
            servers: 3_700,
            added: 100,
            add_start_min: historical::CAPACITY_ADD_START,
            add_end_min: historical::CAPACITY_ADD_END,
            host_size: 1.0,
            cells: 1,
        }
    }
}

impl Default for Threads {
    fn default() -> Self {
        Self {
            limit: 4_096,
            per_peer: 1,
            base: 350,
            alarm_ratio: 0.0,
            alarm_response_min: 20,
        }
    }
}

impl Default for Discovery {
    fn default() -> Self {
        Self { max_delay_min: 60 }
    }
}

impl Default for ShardMap {
    fn default() -> Self {
        Self {
            lease_min: 141,
            renew_spread_min: 30,
            churn_per_hour: 0.01,
            dedicated_fleet: false,
            cache_fleet_servers: 200,
        }
    }
}

impl Default for Traffic {
    fn default() -> Self {
        Self {
            utilisation: 0.5,
            throttle_cap: 0.7,
        }
    }
}

impl Default for Alarm {
    fn default() -> Self {
        Self {
            error_threshold: 0.05,
            eval_min: 3,
            normal_error: 0.01,
            falling_share: 0.85,
        }
    }
}

impl Default for Restart {
    fn default() -> Self {
        Self {
            per_hour: 290.0,
            bootstrap: Bootstrap::MetadataStore,
            cold_start_peers_min: 40.0,
            cold_start_metadata_min: 32.0,
            cold_start_spread: 0.1,
            rate_jitter: 0.3,
            metadata_store_capacity: 400,
            peer_stream_cost: 0.0018,
            warmup_min: 30,
            warmup_cost: 0.05,
            churn_cost: 0.025,
            churn_window_min: 10,
            pace_evictions: 20,
            pace_window_min: 30,
            pace_pause_min: 30,
            pace_min_per_hour: 50.0,
            pace_step_per_hour: 50.0,
            pace_backoff: 0.7,
        }
    }
}

impl Default for Health {
    fn default() -> Self {
        Self {
            capacity_spread: 0.15,
            overload_min: 3,
            cold_start_deadline_min: 45,
        }
    }
}

impl Default for Ops {
    fn default() -> Self {
        // AWS's times, as delays after what the operators answered on the day.
        let after_alarm = |t: Minute| (t - historical::FIRST_ALARM) as u32;
        Self {
            removal_after_alarm_min: 24,
            removal_per_hour: 25.0,
            candidates_after_alarm_min: after_alarm(historical::CANDIDATES_NARROWED),
            root_cause_after_alarm_min: after_alarm(historical::ROOT_CAUSE),
            first_fix: FirstFix::ThreadLimit,
            rediagnosis_min: 60,
            cognito_fix_after_spike_min: (historical::COGNITO_FIX - historical::COGNITO_SPIKE)
                as u32,
            lambda_mitigation_after_errors_min: (historical::LAMBDA_MITIGATION
                - historical::LAMBDA_ERRORS) as u32,
        }
    }
}

impl Default for CloudWatch {
    fn default() -> Self {
        Self {
            partitioned: false,
            local_store_hours: 0.0,
            pipeline_headroom: 1.5,
            client_buffer_min: 15.0,
            unaffected_share: 0.1,
            backfill_per_min: 0.1,
            alarm_datapoints: 8,
            fresh_ok: 0.95,
        }
    }
}

impl Default for Lambda {
    fn default() -> Self {
        Self {
            memory_headroom_min: 17.0,
            error_per_min: 0.01,
            max_error: 0.3,
            flush_per_min: 1.0,
        }
    }
}

impl Default for Cognito {
    fn default() -> Self {
        Self {
            buffer_min: 20.0,
            blocks_when_full: true,
            capacity_add_ratio: 2.0,
            capacity_add_trigger: 0.5,
            capacity_add_response_min: 8,
            fix_rollout_min: 240,
            drain_per_min: 1.0,
            block_start_fill: 0.8,
            block_full_fill: 1.2,
            spike_level: 0.5,
        }
    }
}

impl Default for EventBridge {
    fn default() -> Self {
        Self {
            delivery_headroom: 1.9,
            fresh_ok: 0.95,
        }
    }
}

impl Default for Dashboards {
    fn default() -> Self {
        Self {
            post_after_alarm_min: 75,
            primary_post_min: 5,
            backup_post_min: 90,
            signin_error_max: 0.02,
            phd_after_alarm_min: 60,
        }
    }
}
