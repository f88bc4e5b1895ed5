//! The story against its runs: no figure typed in, every token filled, every claim true at its
//! chapter's moment over twenty seeds, every answer in the same terms as the page.

use std::rc::Rc;

use cascade_sim::{presets, run, Recording};

use super::answers::{model_answer, other_scenario};
use super::words::{fill, Context};
use super::{Chapter, CHAPTERS};

fn run_of(preset: &str, seed: Option<u64>) -> Recording {
    let Ok(mut s) = presets::scenario(preset) else {
        panic!("{preset}");
    };
    if let Some(seed) = seed {
        s.seed = seed;
    }
    let Ok(r) = run(&s) else {
        panic!("{preset} runs");
    };
    r
}

/// Every template of a chapter: its claim, words, source and checkpoint.
fn templates(c: &Chapter) -> Vec<&'static str> {
    let mut all = vec![c.claim, c.source];
    all.extend(c.text.iter().copied());
    if let Some(cp) = c.checkpoint {
        all.push(cp.question);
        all.push(cp.why);
        all.extend(cp.choices.iter().copied());
    }
    all
}

#[test]
fn no_figure_is_typed_into_the_story() {
    for c in CHAPTERS {
        for t in templates(c) {
            let mut outside = String::new();
            let mut depth = 0;
            for ch in t.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ if depth == 0 => outside.push(ch),
                    _ => {}
                }
            }
            assert!(
                !outside.chars().any(|ch| ch.is_ascii_digit()),
                "{}: a figure typed in: {t}",
                c.id
            );
        }
    }
}

#[test]
fn every_token_fills_from_the_run_or_from_aws_in_every_preset() {
    for preset in [
        "historical",
        "larger-hosts",
        "cellular",
        "restart-too-fast",
        "memory-fix-first",
    ] {
        let r = run_of(preset, None);
        for c in CHAPTERS {
            let ctx = Context {
                run: &r,
                now: c.minute(Some(&r)),
            };
            for t in templates(c) {
                let Ok(text) = fill(t, ctx) else {
                    panic!("{preset} {}: {:?}", c.id, fill(t, ctx));
                };
                assert!(!text.contains('{'), "{text}");
                if preset == "historical" {
                    assert!(!text.contains("not in this run"), "{}: {text}", c.id);
                }
            }
            // The story tells the day as it happened: its claims are short there.
            if preset == "historical" {
                let claim = fill(c.claim, ctx).unwrap_or_default();
                let words = claim.split_whitespace().count();
                assert!(
                    (3..=15).contains(&words),
                    "{}: {words} words: {claim}",
                    c.id
                );
            }
        }
    }
}

#[test]
fn the_filled_words_quote_the_run_and_label_aws() {
    let r = run_of("historical", None);
    let Some(recovery) = CHAPTERS.iter().find(|c| c.id == "recovery") else {
        panic!("the recovery chapter");
    };
    let now = recovery.minute(Some(&r));
    let ctx = Context { run: &r, now };
    let text = recovery
        .text
        .iter()
        .map(|t| fill(t, ctx).unwrap_or_default())
        .collect::<String>();
    let outage = cascade_sim::facts::Outage::of(&r);
    let len = cascade_sim::compare::duration(i64::from(outage.length().unwrap_or(0)));
    assert!(
        text.contains(&format!("{len} after its first alarm (AWS: 17 h 08 min)")),
        "{text}"
    );
    assert!(text.contains("(AWS: 22:23)"), "{text}");
    assert_eq!(
        Some(now),
        outage.end(),
        "the chapter opens when Kinesis is back"
    );
}

#[test]
fn every_claim_holds_at_its_chapter_in_its_run_for_twenty_seeds() {
    let mut failures = Vec::new();
    for seed in 1..=20u64 {
        let r = run_of("historical", Some(seed * 7919));
        for c in CHAPTERS {
            let Some(holds) = c.holds else { continue };
            if let Err(e) = holds(&r, c.minute(Some(&r))) {
                failures.push(format!("seed {}: {}: {e}", seed * 7919, c.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Only the chapters about AWS's remediations and the model's assumptions claim nothing of
    // the run.
    let free: Vec<_> = CHAPTERS
        .iter()
        .filter(|c| c.holds.is_none())
        .map(|c| c.id)
        .collect();
    assert_eq!(free, super::NOT_A_MOMENT);
}

#[test]
fn a_claim_can_fail() {
    // The predicates are not vacuous: at the wrong minute, each one of the run's moments fails.
    let r = run_of("historical", None);
    for c in CHAPTERS {
        let Some(holds) = c.holds else { continue };
        let wrong = if c.id == "rest" {
            c.minute(Some(&r)) + 300
        } else {
            60
        };
        assert!(
            holds(&r, wrong).is_err(),
            "{} holds at the wrong minute",
            c.id
        );
    }
}

#[test]
fn every_answer_speaks_in_the_runs_figures() {
    let r = run_of("historical", None);
    for c in CHAPTERS {
        let Some(cp) = c.checkpoint else { continue };
        let other =
            other_scenario(cp.id, &r).map(|s| run(&s).map(Rc::new).map_err(|e| e.to_string()));
        let text = model_answer(&cp, &r, other.as_ref());
        assert!(!text.is_empty(), "{}", cp.id);
        assert!(!text.contains("could not"), "{}: {text}", cp.id);
        match cp.id {
            "removal" => {
                let k = r.index_of(c.minute(Some(&r)));
                let past = cascade_sim::facts::count(cascade_sim::facts::past_limit(&r, k) as u64);
                assert!(
                    text.contains(&format!("yet {past} are still past it")),
                    "{text}"
                );
                assert!(text.contains(" 0 servers want more threads"), "{text}");
            }
            "faster-restart" => {
                let len = cascade_sim::facts::Outage::of(&r).length().unwrap_or(0);
                let len = cascade_sim::compare::duration(i64::from(len));
                assert!(
                    text.contains(&format!("instead of {len} of outage")),
                    "{text}"
                );
            }
            "first-alarm" => assert!(text.contains("(AWS: 05:15)"), "{text}"),
            _ => {}
        }
    }
}

#[test]
fn the_scrubber_marks_only_moments_the_run_reaches() {
    let Ok(mut s) = presets::scenario("historical") else {
        panic!("the historical preset");
    };
    let day = run_of("historical", None);
    assert!(super::axis(Some(&day))
        .iter()
        .any(|m| m.short == "Recovery"));
    s.time.end_min = 12 * 60;
    let Ok(short) = run(&s) else {
        panic!("a run to noon");
    };
    let marks = super::axis(Some(&short));
    assert!(marks.iter().all(|m| m.short != "Recovery"), "{marks:?}");
    assert!(marks.iter().all(|m| m.time < s.time.end_min), "{marks:?}");
}
