//! The scenario's sections on the downstream services: CloudWatch, Lambda, Cognito,
//! EventBridge and the dashboards.

use serde::{Deserialize, Serialize};

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

/// CloudWatch Events / EventBridge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EventBridge {
    /// Event-delivery capacity relative to the normal event rate when Kinesis is healthy (ratio).
    pub delivery_headroom: f64,
    /// Share of new events delivered in time below which ECS and EKS workflows stall (ratio).
    pub fresh_ok: f64,
}

impl Default for EventBridge {
    fn default() -> Self {
        Self {
            delivery_headroom: 1.9,
            fresh_ok: 0.95,
        }
    }
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
