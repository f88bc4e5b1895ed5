//! One voice: every text of the page with a figure in it (the headline, the narration at every
//! tenth minute, the cascade list, the story's chapters and checkpoint answers, the banner of a
//! what-if and its comparison table), rendered natively for the day and four what-ifs, and every
//! clock time in it checked against its source: the run shown, the day it is compared with, or
//! AWS's timeline (and then labelled "AWS").

use std::collections::BTreeSet;
use std::rc::Rc;

use cascade_sim::clock::{self, historical, Minute};
use cascade_sim::compare::{duration, impact, table};
use cascade_sim::facts::{self, Outage};
use cascade_sim::{presets, run, Recording};

use crate::explain::story::answers::{model_answer, other_scenario};
use crate::explain::story::words::{fill, Context};
use crate::explain::story::CHAPTERS;

const SHOWN: [&str; 5] = [
    "historical",
    "larger-hosts",
    "cellular",
    "restart-too-fast",
    "fast-cold-start",
];

fn run_of(preset: &str) -> Recording {
    let Ok(r) = presets::scenario(preset).and_then(|s| run(&s)) else {
        panic!("{preset} runs");
    };
    r
}

/// Every "HH:MM" (with "+1d" when it follows) in a text, in minutes.
fn times_in(text: &str) -> Vec<Minute> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for k in 0..b.len().saturating_sub(4) {
        let digit = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_digit());
        let boundary = k == 0 || !b[k - 1].is_ascii_digit();
        if boundary
            && digit(k)
            && digit(k + 1)
            && b[k + 2] == b':'
            && digit(k + 3)
            && digit(k + 4)
            && !digit(k + 5)
        {
            let plus = text[k + 5..].starts_with(" +1d");
            let clock_text = if plus {
                &text[k..k + 9]
            } else {
                &text[k..k + 5]
            };
            if let Some(t) = clock::parse(clock_text) {
                out.push(t);
            }
        }
    }
    out
}

/// The times a run can truthfully be quoted at: its milestones, its events, the minutes its
/// services first fail, the minute every server is past the limit, its last minute.
fn sources(r: &Recording) -> BTreeSet<Minute> {
    let mut all: BTreeSet<Minute> = r.milestones.iter().filter_map(|(_, t)| t).collect();
    all.extend(r.events.iter().map(|e| e.t));
    all.extend(facts::in_failing_order(r).iter().filter_map(|(_, t)| *t));
    all.extend(facts::every_server_past_limit(r));
    all.extend(r.series.minute.last().copied());
    all
}

/// AWS's times, which a text may quote only labelled as AWS's.
fn aws_times() -> BTreeSet<Minute> {
    historical::TIMELINE.iter().map(|(t, _)| *t).collect()
}

/// Checks every time in `text`: quoted from `allowed`, and every one after "AWS" one of AWS's.
fn check(text: &str, allowed: &BTreeSet<Minute>, failures: &mut Vec<String>) {
    let aws = aws_times();
    for t in times_in(text) {
        if !allowed.contains(&t) && !aws.contains(&t) {
            failures.push(format!("{} has no source in: {text}", clock::format(t)));
        }
    }
    for part in text.split("AWS").skip(1) {
        let head: String = part.chars().take(12).collect();
        for t in times_in(&head) {
            if !aws.contains(&t) {
                failures.push(format!(
                    "{} labelled AWS's is not AWS's: {text}",
                    clock::format(t)
                ));
            }
        }
    }
}

#[test]
fn every_figure_on_the_page_comes_from_the_run_or_from_aws() {
    let day = run_of("historical");
    let mut failures = Vec::new();
    for preset in SHOWN {
        let r = run_of(preset);
        let mut allowed = sources(&r);
        allowed.extend(sources(&day));
        let what_if = (preset != "historical").then(|| format!("the what-if {preset}"));
        let mut texts = Vec::new();
        let h = facts::headline(&r, what_if.as_deref());
        texts.push(h.title.clone());
        texts.push(h.detail.clone());
        // The headline's length is the outage's, by its one definition.
        match Outage::of(&r) {
            Outage::None => assert!(h.title.ends_with("never fails"), "{preset}: {h:?}"),
            o => {
                if let Some(len) = o.length() {
                    assert!(
                        h.title.contains(&duration(i64::from(len))),
                        "{preset}: {h:?}"
                    );
                }
            }
        }
        let order = facts::in_failing_order(&r);
        for t in (r.scenario.time.start_min..r.scenario.time.end_min).step_by(10) {
            texts.push(crate::explain::narration::narration(Some(&r), t));
            for (node, failed) in facts::failed_by(&order, t) {
                if let Some(f) = failed {
                    assert!(
                        f <= t,
                        "{preset}: {} told at {} before it fails",
                        node.id,
                        clock::format(t)
                    );
                    texts.push(format!("failed at {}", clock::format(f)));
                }
            }
        }
        if preset != "historical" {
            texts.push(facts::against_the_day(&r, &day));
            for row in table(&impact(&day), &impact(&r)) {
                texts.extend([row.a, row.b, row.difference]);
            }
        } else {
            for c in CHAPTERS {
                let ctx = Context {
                    run: &r,
                    now: c.minute(Some(&r)),
                };
                for t in [c.claim, c.source].iter().chain(c.text) {
                    texts.push(fill(t, ctx).unwrap_or_else(|e| e));
                }
                if let Some(cp) = c.checkpoint.filter(|cp| cp.id != "operators") {
                    let other = other_scenario(cp.id, &r)
                        .map(|s| run(&s).map(Rc::new).map_err(|e| e.to_string()));
                    if let Some(Ok(o)) = &other {
                        allowed.extend(sources(o));
                    }
                    texts.push(model_answer(&cp, &r, other.as_ref()));
                }
            }
        }
        for text in &texts {
            check(text, &allowed, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_time_typed_in_is_caught() {
    let day = run_of("historical");
    let allowed = sources(&day);
    let mut failures = Vec::new();
    check(
        "Kinesis fails at 07:07 (AWS: 05:15)",
        &allowed,
        &mut failures,
    );
    // The model's time labelled as AWS's: its source is wrong, though the time is the model's.
    let back = day
        .milestones
        .get(cascade_sim::Milestone::KinesisRecovered)
        .map_or_else(String::new, clock::format);
    check(
        &format!("fully back at {back} (AWS: {back})"),
        &allowed,
        &mut failures,
    );
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert_eq!(
        times_in("from 23:50 to 01:10 +1d"),
        vec![23 * 60 + 50, clock::DAY + 70]
    );
}
