//! The scenario's sections on the restart, the health checks and the operators' actions.

use serde::{Deserialize, Serialize};

use crate::clock::{historical, Minute};

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

impl Default for Health {
    fn default() -> Self {
        Self {
            capacity_spread: 0.15,
            overload_min: 3,
            cold_start_deadline_min: 45,
        }
    }
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
    /// From the first alarm to the root cause confirmed, with only the error alarm to go on
    /// (minutes).
    pub root_cause_after_alarm_min: u32,
    /// With a thread alarm looked at, from a server's threads passing the limit to the root
    /// cause confirmed (minutes).
    pub confirm_with_thread_alarm_min: u32,
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

impl Default for Ops {
    fn default() -> Self {
        // AWS's times, as delays after what the operators answered on the day.
        let after_alarm = |t: Minute| (t - historical::FIRST_ALARM) as u32;
        Self {
            removal_after_alarm_min: 24,
            removal_per_hour: 25.0,
            candidates_after_alarm_min: after_alarm(historical::CANDIDATES_NARROWED),
            root_cause_after_alarm_min: after_alarm(historical::ROOT_CAUSE),
            confirm_with_thread_alarm_min: 30,
            first_fix: FirstFix::ThreadLimit,
            rediagnosis_min: 60,
            cognito_fix_after_spike_min: (historical::COGNITO_FIX - historical::COGNITO_SPIKE)
                as u32,
            lambda_mitigation_after_errors_min: (historical::LAMBDA_MITIGATION
                - historical::LAMBDA_ERRORS) as u32,
        }
    }
}
