//! The one `Scenario` type: the model's input, the preset format, the JSON file users save and
//! what a share link encodes. Every field says its unit; `params.rs` says for each one its
//! range and whether its default is sourced (from AWS's summary) or assumed, and why.

use serde::{Deserialize, Serialize};

use crate::clock::{at, historical, Minute};
use crate::provenance::Provenance;

mod operators;
mod services;

pub use operators::{Bootstrap, FirstFix, Health, Ops, Restart};
pub use services::{CloudWatch, Cognito, Dashboards, EventBridge, Lambda};

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

/// Simulated time span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TimeSpan {
    /// First simulated minute (minutes since 00:00 PST, 25 Nov 2020).
    pub start_min: Minute,
    /// Last simulated minute, exclusive (minutes since 00:00 PST, 25 Nov 2020).
    pub end_min: Minute,
}

impl Default for TimeSpan {
    fn default() -> Self {
        Self {
            start_min: 0,
            end_min: at(26, 0),
        }
    }
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
    /// Cells the addition lands in (cells; 0 means every cell, dealt in turn).
    pub add_cells: u32,
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
            add_cells: 0,
        }
    }
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
    /// How far one server's threads at rest may lie from the base, either way (threads):
    /// servers are not identical, so an addition near the headroom breaks only some of them.
    pub base_spread: u32,
    /// Thread-consumption alarm level as a share of the limit (ratio; 0 means no such alarm).
    pub alarm_ratio: f64,
    /// Time from a thread alarm to operators halting the addition and removing it (minutes).
    pub alarm_response_min: u32,
}

impl Default for Threads {
    fn default() -> Self {
        Self {
            limit: 4_096,
            per_peer: 1,
            base: 350,
            base_spread: 20,
            alarm_ratio: 0.0,
            alarm_response_min: 20,
        }
    }
}

/// How existing servers learn of new ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Discovery {
    /// Longest lag of a server's view of the fleet membership (minutes).
    pub max_delay_min: u32,
}

impl Default for Discovery {
    fn default() -> Self {
        Self { max_delay_min: 60 }
    }
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

impl Default for ShardMap {
    fn default() -> Self {
        Self {
            lease_min: 145,
            renew_spread_min: 30,
            churn_per_hour: 0.01,
            dedicated_fleet: false,
            cache_fleet_servers: 200,
        }
    }
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

impl Default for Traffic {
    fn default() -> Self {
        Self {
            utilisation: 0.5,
            throttle_cap: 0.7,
        }
    }
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
