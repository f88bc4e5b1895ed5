//! Phase 6, traffic and Kinesis availability.
//!
//! Demand is `utilisation` of the original fleet's capacity. The load balancer spreads it over
//! the servers in rotation; each accepts up to `throttle_cap` of its capacity and throttles the
//! rest. Peer streams to cold-starting servers take what requests leave spare. A server serves
//! correctly the requests its shard-map routes right, and, when its load exceeds its capacity,
//! only the share its capacity covers. Availability is what is served over what is asked.

use crate::fleet::ServerState;
use crate::phases::restart::uses_peer_streams;
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
    /// Share of the bootstrap work cold-starting servers get.
    pub supply: f64,
    /// Share of Kinesis requests that succeed.
    pub availability: f64,
    /// Share of CloudWatch's Kinesis requests that succeed (its own fleet if partitioned).
    pub availability_cloudwatch: f64,
    /// Share of servers in rotation with a good shard-map.
    pub good_maps: f64,
}

/// Runs the phase.
pub fn run(sim: &mut Simulation) {
    let s = &sim.scenario;
    let f = &sim.fleet;
    let (mut rot, mut cold, mut good) = (0u32, 0u32, 0u32);
    for state in &f.state {
        match state {
            ServerState::Serving | ServerState::Recovered => {
                rot += 1;
                good += 1;
            }
            ServerState::LimitHit => rot += 1,
            ServerState::ColdStart => cold += 1,
            _ => {}
        }
    }
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
        1.0
    } else if rot == 0 {
        0.0
    } else if streams_wanted > 0.0 {
        (spare / streams_wanted).min(1.0)
    } else {
        1.0
    };
    let t = sim.t;
    let table = &sim.misroute_by_age;
    let last_age = table.len().saturating_sub(1);
    let mut served = 0.0f64;
    for i in 0..f.state.len() {
        let routed_right = match f.state[i] {
            ServerState::Serving | ServerState::Recovered => 1.0,
            ServerState::LimitHit => {
                let age = ((t - f.last_good_map[i]).max(0) as usize).min(last_age);
                1.0 - f64::from(table.get(age).copied().unwrap_or(1.0))
            }
            _ => continue,
        };
        let capacity = f64::from(f.capacity[i]);
        let keeps_up = if load > capacity {
            capacity / load
        } else {
            1.0
        };
        served += routed_right * keeps_up;
    }
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
        good_maps: if rot > 0 {
            f64::from(good) / f64::from(rot)
        } else {
            0.0
        },
    };
}
