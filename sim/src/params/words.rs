//! Each parameter in a few words, for charts that name parameters where a key would be jargon
//! (the tornado chart of "How sure is the model?"). Every parameter the sensitivity analysis
//! varies has words here (a test checks); the key stays in the table under the chart.

/// A parameter's name in words, at most 32 characters, if it has one.
pub fn words(key: &str) -> Option<&'static str> {
    Some(match key {
        "fleet.servers" => "front-end servers",
        "fleet.added" => "servers added",
        "threads.limit" => "OS thread limit",
        "threads.base" => "threads a server needs at rest",
        "threads.base_spread" => "spread of threads at rest",
        "threads.alarm_response_min" => "response to a thread alarm",
        "ops.confirm_with_thread_alarm_min" => "diagnosis with a thread alarm",
        "shardmap.lease_min" => "how long an old map routes",
        "shardmap.renew_spread_min" => "spread of map renewals",
        "shardmap.churn_per_hour" => "shards moving per hour",
        "shardmap.cache_fleet_servers" => "servers of a cache fleet",
        "traffic.utilisation" => "fleet's load",
        "traffic.throttle_cap" => "load a server accepts",
        "alarm.error_threshold" => "errors that raise the alarm",
        "alarm.eval_min" => "minutes before the alarm",
        "alarm.normal_error" => "errors counted as normal",
        "alarm.falling_share" => "errors counted as falling",
        "restart.cold_start_peers_min" => "cold start from peers",
        "restart.cold_start_metadata_min" => "cold start from the store",
        "restart.cold_start_spread" => "spread of cold starts",
        "restart.rate_jitter" => "unevenness of restarts",
        "restart.metadata_store_capacity" => "metadata store's capacity",
        "restart.peer_stream_cost" => "load of a peer bootstrap",
        "restart.warmup_min" => "warm-up in rotation",
        "restart.warmup_cost" => "cost of the warm-up",
        "restart.churn_cost" => "cost of servers joining",
        "restart.churn_window_min" => "time to absorb joins",
        "restart.pace_evictions" => "evictions that pause a restart",
        "restart.pace_window_min" => "window operators judge over",
        "restart.pace_pause_min" => "length of a restart pause",
        "restart.pace_min_per_hour" => "slowest restart pace",
        "restart.pace_step_per_hour" => "restart speed-up step",
        "restart.pace_backoff" => "restart back-off",
        "health.capacity_spread" => "servers' spread of capacity",
        "health.overload_min" => "slow minutes before eviction",
        "health.cold_start_deadline_min" => "deadline of a cold start",
        "ops.removal_after_alarm_min" => "start of the removal",
        "ops.removal_per_hour" => "pace of the removal",
        "ops.rediagnosis_min" => "time to a second diagnosis",
        "cloudwatch.pipeline_headroom" => "CloudWatch's headroom",
        "cloudwatch.client_buffer_min" => "CloudWatch clients' buffers",
        "cloudwatch.unaffected_share" => "metrics still processed",
        "cloudwatch.backfill_per_min" => "CloudWatch backfill speed",
        "cloudwatch.alarm_datapoints" => "datapoints an alarm needs",
        "cloudwatch.fresh_ok" => "metrics alarms need",
        "lambda.memory_headroom_min" => "Lambda hosts' spare memory",
        "lambda.error_per_min" => "growth of Lambda errors",
        "lambda.max_error" => "most Lambda errors",
        "lambda.flush_per_min" => "Lambda agents' flush speed",
        "cognito.buffer_min" => "Cognito's buffers",
        "cognito.capacity_add_ratio" => "Cognito's added servers",
        "cognito.capacity_add_trigger" => "when Cognito adds servers",
        "cognito.capacity_add_response_min" => "Cognito servers' start-up",
        "cognito.fix_rollout_min" => "Cognito fix's roll-out",
        "cognito.drain_per_min" => "Cognito buffers' drain",
        "cognito.block_start_fill" => "first Cognito block",
        "cognito.block_full_fill" => "every Cognito server blocked",
        "cognito.spike_level" => "errors counted as a spike",
        "eventbridge.delivery_headroom" => "EventBridge's headroom",
        "eventbridge.fresh_ok" => "events ECS and EKS need",
        "dashboards.post_after_alarm_min" => "time to a status post",
        "dashboards.primary_post_min" => "posting with the usual tool",
        "dashboards.backup_post_min" => "posting with the backup tool",
        "dashboards.signin_error_max" => "sign-in errors tools survive",
        "dashboards.phd_after_alarm_min" => "time to health notices",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{Plausible, PARAMS};

    #[test]
    fn every_varied_parameter_has_short_words() {
        for p in PARAMS {
            if matches!(p.plausible, Plausible::Range { .. }) {
                let Some(w) = words(p.key) else {
                    panic!("{} has no words", p.key);
                };
                assert!(w.len() <= 32, "{}: {w}", p.key);
            }
        }
    }
}
