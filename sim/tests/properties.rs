//! Property tests over random valid scenarios: determinism, conservation, bounds, no panics.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use cascade_sim::scenario::Bootstrap;
use cascade_sim::{run, Scenario};
use proptest::prelude::*;

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        (20u32..600, 0u32..60, 2_000u32..6_000, 1u32..4, 0u32..800),
        (
            0u32..120,
            1u32..5,
            0.5f64..3.0,
            20.0f64..3_000.0,
            any::<bool>(),
        ),
        (
            any::<u64>(),
            0.05f64..0.9,
            60i32..300,
            0.0f64..1.0,
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (servers, added, limit, per_peer, base),
                (delay, cells, host, rate, meta),
                (seed, util, lease, alarm_ratio, dedicated),
            )| {
                let mut s = Scenario::default();
                s.fleet.servers = servers;
                s.fleet.added = added;
                s.threads.limit = limit;
                s.threads.per_peer = per_peer;
                s.threads.base = base;
                s.discovery.max_delay_min = delay;
                s.fleet.cells = cells;
                s.fleet.host_size = host.min(f64::from(servers) / f64::from(cells * 2));
                s.restart.per_hour = rate;
                s.restart.bootstrap = if meta {
                    Bootstrap::MetadataStore
                } else {
                    Bootstrap::Peers
                };
                s.seed = seed >> 11;
                s.traffic.utilisation = util;
                s.shardmap.lease_min = lease as u32;
                s.threads.alarm_ratio = if alarm_ratio < 0.5 { 0.0 } else { alarm_ratio };
                s.shardmap.dedicated_fleet = dedicated;
                s
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn same_scenario_same_run(s in scenario()) {
        let a = run(&s).expect("valid");
        let b = run(&s).expect("valid");
        prop_assert_eq!(&a.series, &b.series);
        prop_assert_eq!(&a.milestones, &b.milestones);
        prop_assert_eq!(&a.events, &b.events);
        prop_assert_eq!(&a.servers.transitions, &b.servers.transitions);
    }

    #[test]
    fn states_add_up_and_values_stay_in_bounds(s in scenario()) {
        let r = run(&s).expect("valid");
        let total = r.server_count() as f32;
        let ser = &r.series;
        for k in 0..ser.minute.len() {
            let sum = ser.servers_pending[k] + ser.servers_serving[k] + ser.servers_limit_hit[k]
                + ser.servers_removed[k] + ser.servers_cold_start[k] + ser.servers_evicted[k]
                + ser.servers_recovered[k];
            prop_assert_eq!(sum, total, "minute {}", ser.minute[k]);
            prop_assert!(ser.threads_max[k] <= s.threads.limit as f32);
            prop_assert!(ser.threads_min[k] <= ser.threads_median[k]);
            prop_assert!(ser.threads_median[k] <= ser.threads_max[k]);
        }
        for (name, values) in ser.columns() {
            prop_assert!(values.iter().all(|v| v.is_finite()), "{} not finite", name);
            let is_rate = name.ends_with("_success") || name.ends_with("_error")
                || name.ends_with("_health") || name.ends_with("_fresh")
                || name.ends_with("_failure") || name.ends_with("_readable")
                || name.ends_with("_fill") || name.ends_with("_supply") || name.ends_with("_fixed");
            if is_rate {
                prop_assert!(values.iter().all(|v| (0.0..=1.0).contains(v)), "{} out of [0, 1]", name);
            }
        }
        // Threads never exceed what the known peers allow, for any server at any time.
        let step = (r.server_count() / 17).max(1);
        for t in (s.time.start_min..s.time.end_min).step_by(97) {
            for i in (0..r.server_count()).step_by(step) {
                let snap = r.server_at(i, t).expect("server");
                let allowed = s.threads.base + s.threads.per_peer * snap.known_peers;
                prop_assert!(snap.threads <= allowed.min(s.threads.limit));
            }
        }
    }
}
