use super::output::{self, answer, parse_answer, parts, request};
use super::*;
use crate::milestones::ALL;

/// The plan varies every ranged parameter at both ends, then the seeds.
#[test]
fn the_plan_runs_every_ranged_parameter_at_both_ends_then_the_seeds() {
    let p = plan(3);
    let ranged = PARAMS
        .iter()
        .filter(|p| matches!(p.plausible, Plausible::Range { .. }))
        .count();
    assert_eq!(p.len(), 1 + 2 * ranged + 3);
    assert_eq!(p[0], Variant::Baseline);
    let base = Scenario::default();
    for v in &p {
        let s = scenario(&base, *v);
        match *v {
            Variant::Low(i) | Variant::High(i) => {
                let changed: Vec<&str> = PARAMS
                    .iter()
                    .filter(|q| (q.get)(&s) != (q.get)(&base))
                    .map(|q| q.key)
                    .collect();
                assert_eq!(changed, vec![PARAMS[i].key], "one at a time");
            }
            Variant::Seed(k) => assert_eq!(s.seed, base.seed + u64::from(k)),
            Variant::Baseline => assert_eq!(s, base),
        }
    }
}

/// The report of `historical` ranks assumptions that move its milestones, and the thread
/// limit's headroom is among those that move the first alarm; parameters that act only under a
/// remediation move nothing.
#[test]
fn the_historical_report_ranks_what_moves_the_milestones() {
    let base = Scenario::default();
    let report = analyse(&base, 4).expect("report");
    let baseline = &report.baseline.milestones;
    assert_eq!(report.seeds.len(), 4);
    let alarm = report.ranking(Milestone::FirstAlarm);
    let top: Vec<&str> = alarm.iter().take(8).map(|e| e.key()).collect();
    assert!(
        top.contains(&"shardmap.lease_min"),
        "the lease moves the alarm: {top:?}"
    );
    let moves = |key: &str, m: Milestone| {
        report
            .effects
            .iter()
            .find(|e| e.key() == key)
            .map(|e| e.size(baseline, m))
    };
    assert_eq!(
        moves("threads.alarm_response_min", Milestone::KinesisRecovered),
        Some(0),
        "a thread alarm's response time matters only with a thread alarm"
    );
    assert!(
        moves(
            "restart.cold_start_metadata_min",
            Milestone::FirstTrafficAfterRestart
        ) > Some(0)
    );
    // Ranked largest first.
    let sizes: Vec<u32> = alarm
        .iter()
        .map(|e| e.size(baseline, Milestone::FirstAlarm))
        .collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
    // The spread over seeds brackets its median.
    let s = report.spread(Milestone::KinesisRecovered);
    assert!(s.min <= s.median && s.median <= s.max && s.min.is_some());
}

/// The worker protocol: runs answered in parts give the same report as one analysis.
#[test]
fn runs_answered_in_parts_give_the_same_report() {
    let base = crate::presets::scenario("restart-too-fast").expect("preset");
    let seeds = 2;
    let plan = plan(seeds);
    let mut outcomes: Vec<Option<Outcome>> = vec![None; plan.len()];
    for (from, to) in parts(plan.len(), 3) {
        answer(&request(&base, seeds, from, to), |line| {
            let (k, o) = parse_answer(&line).expect("a line");
            outcomes[k] = Some(o);
        })
        .expect("answered");
    }
    let outcomes: Vec<Outcome> = outcomes
        .into_iter()
        .map(|o| o.expect("every run"))
        .collect();
    let from_parts = Report::assemble(&plan, outcomes).expect("assembled");
    assert_eq!(from_parts, analyse(&base, seeds).expect("report"));
    assert!(answer("sensitivity x 0 1\n", |_| {}).is_err());
    assert!(answer("sensitivity 1 0\n", |_| {}).is_err());
    assert!(parse_answer("3 0 1 2").is_none(), "too few milestones");
}

/// The CSV has one row per parameter and milestone, and the JSON the documented shape.
#[test]
fn csv_and_json_have_the_documented_shape() {
    let base = Scenario::default();
    let report = analyse(&base, 2).expect("report");
    let csv = output::to_csv(&report);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some(output::CSV_HEADER));
    assert_eq!(lines.count(), report.effects.len() * ALL.len());
    let v: serde_json::Value =
        serde_json::from_str(&output::to_json(&report, &base)).expect("json");
    assert!(v["baseline"]["kinesis_recovered"].is_i64());
    let p = &v["parameters"][0];
    for field in [
        "key",
        "low",
        "high",
        "why",
        "milestones_low",
        "milestones_high",
        "moves",
    ] {
        assert!(!p[field].is_null(), "{field}");
    }
    assert_eq!(v["seeds"]["count"], 2);
    assert!(v["seeds"]["milestones"]["first_alarm"]["median"].is_i64());
    assert!(v["ranking"]["first_alarm"].is_array());
}
