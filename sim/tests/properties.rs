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
                let allowed = s.threads.base + s.threads.base_spread + s.threads.per_peer * snap.known_peers;
                prop_assert!(snap.threads <= allowed.min(s.threads.limit));
            }
        }
    }
}

mod scenario_files {
    //! The scenario-file reader takes any text: no panic, and every refusal names the problem.
    use cascade_sim::validate::{from_json, to_json};
    use cascade_sim::Scenario;
    use proptest::prelude::*;

    /// A saved scenario with one value replaced by arbitrary JSON.
    fn mutated() -> impl Strategy<Value = String> {
        let saved = to_json(&Scenario::default());
        let lines: Vec<String> = saved.lines().map(str::to_string).collect();
        let values = prop_oneof![
            Just("null".to_string()),
            Just("[]".to_string()),
            Just("{}".to_string()),
            "-?[0-9]{1,12}(\\.[0-9]{1,4})?(e[0-9]{1,3})?",
            "\"[ -~]{0,20}\"",
            Just("true".to_string()),
        ];
        (0..lines.len(), values).prop_map(move |(k, v)| {
            let mut lines = lines.clone();
            if let Some((key, _)) = lines[k].split_once(": ") {
                let comma = if lines[k].trim_end().ends_with(',') {
                    ","
                } else {
                    ""
                };
                lines[k] = format!("{key}: {v}{comma}");
            }
            lines.join("\n")
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(15_000))]

        #[test]
        fn any_text_is_read_without_a_panic(text in ".{0,200}") {
            if let Err(e) = from_json(&text) {
                prop_assert!(e.to_string().len() > 10);
            }
        }

        #[test]
        fn a_saved_file_with_any_value_changed_is_read_or_refused_by_name(text in mutated()) {
            match from_json(&text) {
                Ok(s) => prop_assert!(cascade_sim::validate::validate(&s).is_ok()),
                Err(e) => prop_assert!(!e.field.is_empty() && !e.allowed.is_empty(), "{e}"),
            }
        }
    }

    #[test]
    fn a_file_too_large_is_refused_with_its_size() {
        let huge = format!("{{\"seed\": 1, \"pad\": \"{}\"}}", "x".repeat(600_000));
        let e = from_json(&huge)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("bytes") && e.contains("at most"), "{e}");
    }
}
