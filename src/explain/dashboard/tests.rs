use super::*;
use cascade_sim::clock::at;
use cascade_sim::services::cloudwatch_sight::{AlarmState, Arrival, Seen};

fn run(preset: &str, seed: u64) -> Recording {
    let Ok(mut s) = cascade_sim::presets::scenario(preset) else {
        panic!("preset {preset}");
    };
    s.seed = seed;
    let Ok(r) = cascade_sim::run(&s) else {
        panic!("run {preset}");
    };
    r
}

#[test]
fn insufficient_data_during_the_outage_not_before_it() {
    for seed in 1..=5 {
        let r = run("historical", seed);
        let sight = Sight::of(&r);
        assert_eq!(sight.alarm(at(1, 0)), AlarmState::Ok, "seed {seed}");
        assert_eq!(
            sight.alarm(at(6, 30)),
            AlarmState::InsufficientData,
            "seed {seed}"
        );
        assert_eq!(
            sight.alarm(at(10, 30)),
            AlarmState::InsufficientData,
            "seed {seed}"
        );
        assert_ne!(
            sight.alarm(at(23, 30)),
            AlarmState::InsufficientData,
            "seed {seed}: CloudWatch is back"
        );
    }
}

#[test]
fn the_dashboard_at_06_30_has_nothing_fresh_while_the_truth_is_an_outage() {
    for seed in 1..=5 {
        let r = run("historical", seed);
        let sight = Sight::of(&r);
        let now = at(6, 30);
        let Some(newest) = sight.newest(now) else {
            panic!("seed {seed}: some data from before the alarm");
        };
        assert!(
            now - newest >= 30,
            "seed {seed}: newest datapoint {newest} is fresh"
        );
        let k = r.index_of(now);
        assert!(r.series.kinesis_error[k] > 0.5, "seed {seed}: the outage");
        assert!(
            r.series.kinesis_error[r.index_of(newest)] < 0.5,
            "seed {seed}: the dashboard's newest value understates it"
        );
        assert_eq!(sight.seen(at(1, 0), now), Seen::Shown);
        assert_eq!(sight.seen(at(7, 0), now), Seen::Future);
    }
}

#[test]
fn buffered_minutes_arrive_late_oldest_first_and_overflow_stays_a_gap() {
    let r = run("historical", 1);
    let sight = Sight::of(&r);
    let late: Vec<(Minute, Minute)> = r
        .series
        .minute
        .iter()
        .filter_map(|m| match sight.arrival(*m) {
            Arrival::Late(a) if a > m + 1 => Some((*m, a)),
            _ => None,
        })
        .collect();
    assert!(!late.is_empty(), "some minutes come back from the buffers");
    assert!(late.windows(2).all(|w| w[0].1 <= w[1].1), "oldest first");
    let recovered = r.milestones.get(Milestone::CloudwatchRecovered);
    assert!(late
        .iter()
        .all(|(_, a)| recovered.is_some_and(|c| *a >= c - 60)));
    // What overflowed never shows: at the end of the run, a gap remains mid-outage.
    let end = *r.series.minute.last().unwrap_or(&0);
    assert_eq!(sight.seen(at(9, 0), end), Seen::Missing);
    let lost = r.series.cloudwatch_lost_min.last().copied().unwrap_or(0.0);
    assert!(lost > 60.0);
}

#[test]
fn with_a_local_store_the_dashboard_keeps_seeing() {
    // Remediation 9 is a mechanism's input: metrics stay readable, so no alarm lacks data.
    let Ok(mut s) = cascade_sim::presets::scenario("historical") else {
        panic!("preset");
    };
    s.cloudwatch.local_store_hours = 3.0;
    let Ok(r) = cascade_sim::run(&s) else {
        panic!("run");
    };
    let sight = Sight::of(&r);
    assert_eq!(sight.alarm(at(6, 30)), AlarmState::Alarm);
    assert_eq!(sight.newest(at(6, 30)), Some(at(6, 30)));
}

#[test]
fn with_cloudwatch_on_its_own_fleet_the_dashboards_see_the_outage() {
    // Remediation 6 moves CloudWatch off the failing fleet: its alarms can read Kinesis's
    // errors, so they are in ALARM while Kinesis fails, with current data.
    let Ok(mut s) = cascade_sim::presets::scenario("historical") else {
        panic!("preset");
    };
    s.cloudwatch.partitioned = true;
    let Ok(r) = cascade_sim::run(&s) else {
        panic!("run");
    };
    let sight = Sight::of(&r);
    let now = at(6, 30);
    assert_eq!(sight.alarm(now), AlarmState::Alarm);
    assert!(sight.newest(now).is_some_and(|m| now - m <= 1));
    assert!(sight.spans(now).iter().all(|s| s.seen != Seen::Missing));
}

#[test]
fn the_status_page_says_nothing_until_the_first_post() {
    let r = run("historical", 1);
    let Some(post) = r.milestones.get(Milestone::ShdFirstPost) else {
        panic!("a post");
    };
    assert!(status_page(&r, post - 1).starts_with("nothing posted"));
    assert!(status_page(&r, post).starts_with("first post up"));
    assert!(known_cause(&r, at(1, 0)).starts_with("nothing looks wrong"));
    assert!(known_cause(&r, at(6, 30)).starts_with("unknown"));
    assert!(known_cause(&r, at(8, 30)).contains("memory pressure"));
    assert!(known_cause(&r, at(10, 30)).contains("thread limit"));
}

#[test]
fn the_narration_contrasts_known_and_true_and_changes_rarely() {
    let r = run("historical", 1);
    let sight = Sight::of(&r);
    let (known, truth) = contrast(&r, &sight, at(6, 30));
    assert!(
        known.starts_with("Known: alarm INSUFFICIENT_DATA; no datapoint since 05:"),
        "{known}"
    );
    assert_eq!(truth, "True: Kinesis fails about 100% of requests.");
    let said: std::collections::BTreeSet<String> = r
        .series
        .minute
        .iter()
        .map(|m| {
            let (k, t) = contrast(&r, &sight, *m);
            format!("{k} {t}")
        })
        .collect();
    assert!(
        said.len() < 60,
        "{} different sentences over the day",
        said.len()
    );
}

#[test]
fn spans_cover_the_run_in_order() {
    let r = run("historical", 2);
    let sight = Sight::of(&r);
    let spans = sight.spans(at(18, 0));
    assert_eq!(
        spans.first().map(|s| s.from),
        r.series.minute.first().copied()
    );
    assert_eq!(spans.last().map(|s| s.to), r.series.minute.last().copied());
    assert!(spans.windows(2).all(|w| w[0].to + 1 == w[1].from));
    assert!(spans.iter().any(|s| s.seen == Seen::Missing));
}
