//! Phase 6, traffic and Kinesis availability.
//!
//! Demand is `utilisation` of the original fleet's capacity. The load balancer spreads it over
//! the servers in rotation; each accepts up to `throttle_cap` of its capacity and throttles the
//! rest. Peer streams to cold-starting servers take what requests leave spare. A server serves
//! correctly the requests its shard-map routes right, and, when its load exceeds its capacity,
//! only the share its capacity covers. Availability is what is served over what is asked.

use crate::fleet::ServerState;
use crate::phases::restart::uses_peer_streams;
use crate::phases::shardmap;
use crate::sim::Simulation;

/// Load and availability of the fleet this minute.
#[derive(Debug, Clone, Default)]
pub struct TrafficState {
    /// Servers in rotation.
    pub in_rotation: u32,
    /// Servers cold-starting.
    pub cold_starting: u32,
    /// Load on a server in rotation (share of its capacity): requests plus peer streams.
    pub load: f64,
    /// Share of full speed a cold-starting server's bootstrap gets (from the store or the peers).
    pub supply: f64,
    /// Share of Kinesis requests that succeed.
    pub availability: f64,
    /// Share of CloudWatch's Kinesis requests that succeed (its own fleet if partitioned).
    pub availability_cloudwatch: f64,
    /// Share of the requests servers in rotation route right: the front end's health. A server
    /// past the limit whose old map still routes counts as working, as its requests succeed.
    pub routing_right: f64,
    /// Servers joining or leaving rotation per minute, averaged over the churn window.
    pub churn_per_min: f64,
    /// Share of its capacity a warming server spends on its map: the warm-up and the churn.
    pub warm_extra: f64,
}

/// Runs the phase for the fleet: load per server and availability.
pub fn run(sim: &mut Simulation) {
    let s = &sim.scenario;
    let f = &sim.fleet;
    let count = |state: ServerState| sim.counts[state as usize];
    let good = count(ServerState::Serving) + count(ServerState::Recovered);
    let rot = good + count(ServerState::LimitHit);
    let cold = count(ServerState::ColdStart);
    let host = s.fleet.host_size;
    let demand = s.traffic.utilisation * f64::from(s.fleet.servers);
    let request_load = if rot > 0 {
        (demand / (f64::from(rot) * host)).min(s.traffic.throttle_cap)
    } else {
        0.0
    };
    let spare = (1.0 - request_load).max(0.0);
    let streams_wanted = if uses_peer_streams(s) {
        s.restart.peer_stream_cost * f64::from(cold) / f64::from(f.cells) / host
    } else {
        0.0
    };
    let load = request_load + streams_wanted.min(spare);
    let supply = if !uses_peer_streams(s) {
        // The metadata store serves so many bootstraps at full speed; more share it.
        let slots = f64::from(s.restart.metadata_store_capacity);
        if f64::from(cold) > slots {
            slots / f64::from(cold)
        } else {
            1.0
        }
    } else if rot == 0 {
        0.0
    } else if streams_wanted > 0.0 {
        (spare / streams_wanted).min(1.0)
    } else {
        1.0
    };
    // While no server is overloaded (the usual case) the pass over the fleet already summed
    // what is routed right; otherwise overloaded servers serve only what their capacity covers,
    // and a warming server only what its warm-up leaves (AWS: contention "would result in very
    // few resources being available to handle incoming requests").
    let window = s
        .restart
        .churn_window_min
        .clamp(1, sim.rotation_changes.len() as u32 - 1);
    let ring = sim.rotation_changes.len() as i32;
    let changes: u32 = (0..window as i32)
        .map(|k| sim.rotation_changes[(sim.t - k).rem_euclid(ring) as usize])
        .sum();
    let churn_per_min = f64::from(changes) / f64::from(window);
    let warmup = s.restart.warmup_cost + s.restart.churn_cost * churn_per_min;
    let weakest = f64::from(sim.weakest_capacity);
    let warming = !sim.tallies.warming.is_empty();
    let served = if load <= weakest && !(warming && load + warmup > weakest) {
        sim.routed_right
    } else {
        f.servers
            .iter()
            .map(|server| {
                let mut capacity = f64::from(server.capacity);
                if server.state == ServerState::Recovered && sim.t < server.warm_until {
                    capacity = (capacity - warmup).max(0.0);
                }
                let keeps_up = if load > capacity {
                    capacity / load
                } else {
                    1.0
                };
                shardmap::server_routed_right(server, sim.t, &sim.misroute_by_age) * keeps_up
            })
            .sum()
    };
    let availability = if demand > 0.0 {
        (served * request_load * host / demand).clamp(0.0, 1.0)
    } else {
        1.0
    };
    sim.traffic = TrafficState {
        in_rotation: rot,
        cold_starting: cold,
        load,
        supply,
        availability,
        availability_cloudwatch: if s.cloudwatch.partitioned {
            1.0
        } else {
            availability
        },
        routing_right: if rot > 0 {
            (served / f64::from(rot)).clamp(0.0, 1.0)
        } else {
            0.0
        },
        churn_per_min,
        warm_extra: warmup,
    };
}
