use super::*;
use crate::presets;

fn run_of(preset: &str) -> Recording {
    let Ok(r) = presets::scenario(preset).and_then(|s| crate::sim::run(&s)) else {
        panic!("{preset} runs");
    };
    r
}

#[test]
fn the_outage_runs_from_the_first_alarm_to_fully_back() {
    let r = run_of("historical");
    let (Some(alarm), Some(back)) = (
        r.milestones.get(Milestone::FirstAlarm),
        r.milestones.get(Milestone::KinesisRecovered),
    ) else {
        panic!("the day alarms and recovers");
    };
    let o = Outage::of(&r);
    assert_eq!(
        o,
        Outage::Over {
            start: alarm,
            end: back
        }
    );
    assert_eq!(o.length(), Some(back - alarm));
    assert_eq!(Outage::aws().length(), Some(17 * 60 + 8));
    let h = headline(&r, None);
    assert!(h.title.contains("every Kinesis front-end server"), "{h:?}");
    assert!(
        h.title
            .ends_with(&format!("failed for {}", duration(i64::from(back - alarm)))),
        "{h:?}"
    );
    assert!(h.detail.contains(&clock::format(alarm)), "{h:?}");
    assert!(
        h.detail.contains("AWS: 05:15 to 22:23, 17 h 08 min."),
        "{h:?}"
    );
}

#[test]
fn a_what_if_headline_says_what_happens_in_it() {
    let none = run_of("higher-thread-limit");
    assert_eq!(Outage::of(&none), Outage::None);
    let h = headline(&none, Some("the what-if higher-thread-limit"));
    assert_eq!(
        h.title,
        "In the what-if higher-thread-limit, Kinesis never fails"
    );
    assert!(!h.title.contains("17"), "{h:?}");
    let fast = run_of("fast-cold-start");
    let h = headline(&fast, Some("the what-if fast-cold-start"));
    let len = Outage::of(&fast).length().unwrap_or(0);
    assert!(
        h.title
            .ends_with(&format!("fails for {}", duration(i64::from(len)))),
        "{h:?}"
    );
}

#[test]
fn a_run_that_ends_before_recovery_says_so() {
    let Ok(mut s) = presets::scenario("historical") else {
        panic!("preset");
    };
    s.time.end_min = clock::at(12, 0);
    let Ok(r) = crate::sim::run(&s) else {
        panic!("run");
    };
    let o = Outage::of(&r);
    assert!(matches!(o, Outage::Ongoing { .. }), "{o:?}");
    assert_eq!(o.length(), None);
    assert!(headline(&r, None)
        .title
        .contains("not back by the end of the run"));
    assert!(
        o.words().contains("not back when the run ends at 1"),
        "{}",
        o.words()
    );
}

#[test]
fn a_service_fails_when_its_health_first_falls_below_the_line() {
    for seed in [1u64, 7, 42] {
        let Ok(mut s) = presets::scenario("historical") else {
            panic!("preset");
        };
        s.seed = seed;
        let Ok(r) = crate::sim::run(&s) else {
            panic!("run");
        };
        let alarm = r.milestones.get(Milestone::FirstAlarm).unwrap_or(0);
        for (node, t) in in_failing_order(&r) {
            let Some(t) = t else { continue };
            let Some(h) = r.series.column(node.health_series) else {
                panic!("{} has a series", node.id);
            };
            let k = r.index_of(t);
            assert!(h[k] < FAILING_BELOW, "{} at {}", node.id, clock::format(t));
            assert!(h[..k].iter().all(|v| *v >= FAILING_BELOW), "{}", node.id);
            // Nothing fails while Kinesis still serves its requests: no service fails before
            // the first alarm on Kinesis errors.
            assert!(
                t >= alarm,
                "seed {seed}: {} fails at {}",
                node.id,
                clock::format(t)
            );
        }
        let api = service_fails(&r, "kinesis");
        let shd = service_fails(&r, "shd");
        assert!(api.is_some() && shd >= api, "seed {seed}: {api:?} {shd:?}");
    }
}

#[test]
fn every_server_is_past_the_limit_on_the_day_for_twenty_seeds() {
    for seed in 1..=20u64 {
        let Ok(mut s) = presets::scenario("historical") else {
            panic!("preset");
        };
        s.seed = seed * 7919;
        let Ok(r) = crate::sim::run(&s) else {
            panic!("run");
        };
        let Some(t) = every_server_past_limit(&r) else {
            panic!("seed {}: never every server", s.seed);
        };
        let k = r.index_of(t);
        assert_eq!(past_limit(&r, k), in_fleet(&r, k));
    }
    let none = run_of("higher-thread-limit");
    assert_eq!(every_server_past_limit(&none), None);
    assert_eq!(most_past_limit(&none).0, 0.0);
}

#[test]
fn a_what_if_is_compared_with_the_day_in_words() {
    let day = run_of("historical");
    let day_end = Outage::of(&day).end().unwrap_or(0);
    let none = run_of("higher-thread-limit");
    let text = against_the_day(&none, &day);
    assert!(text.starts_with("Kinesis never fails"), "{text}");
    assert!(text.contains(&clock::format(day_end)), "{text}");
    let slow = run_of("restart-too-fast");
    let text = against_the_day(&slow, &day);
    match Outage::of(&slow).end() {
        Some(end) if end > day_end => {
            assert!(text.contains("later than on the day"), "{text}");
            assert!(text.contains(&duration(i64::from(end - day_end))), "{text}");
        }
        other => assert!(!text.contains("earlier"), "{other:?}: {text}"),
    }
    assert!(failed_requests_against(&none, &day).contains("fewer failed"));
    assert_eq!(
        failed_requests_against(&day, &day),
        "as many failed requests as on the day"
    );
}

#[test]
fn counts_are_grouped_by_thousands() {
    assert_eq!(count(0), "0");
    assert_eq!(count(999), "999");
    assert_eq!(count(4096), "4,096");
    assert_eq!(count(1_234_567), "1,234,567");
    assert_eq!(aws(clock::at(5, 15)), "AWS: 05:15");
}

#[test]
fn a_list_at_a_minute_tells_no_failure_still_to_come() {
    let r = run_of("historical");
    let order = in_failing_order(&r);
    let before = failed_by(&order, clock::at(3, 30));
    assert!(
        before.iter().all(|(_, t)| t.is_none()),
        "nothing has failed at 03:30"
    );
    let ids: Vec<_> = before.iter().map(|(n, _)| n.id).collect();
    let graph: Vec<_> = SERVICES.iter().map(|n| n.id).collect();
    assert_eq!(ids, graph, "the graph's order, not the failing order");
    let now = clock::at(7, 0);
    let mid = failed_by(&order, now);
    let failed: Vec<_> = mid.iter().filter_map(|(_, t)| *t).collect();
    assert!(!failed.is_empty() && failed.iter().all(|t| *t <= now));
    assert!(failed.windows(2).all(|w| w[0] <= w[1]));
    let k = failed.len();
    assert!(mid[k..].iter().all(|(_, t)| t.is_none()));
    assert_eq!(failed_by(&order, clock::DAY).len(), SERVICES.len());
}
