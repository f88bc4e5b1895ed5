//! The reducer and the page's one voice: the headline, the story left for a what-if and come
//! back to, the day a what-if is compared with, and Play's pace through the discovery hour.

use std::rc::Rc;

use cascade_sim::{run, Scenario};

use super::super::{Action, Target};
use super::{computed, open};

#[test]
fn the_headline_follows_the_run_and_the_page_opens_on_the_days_headline() {
    let page = include_str!("../../../index.html");
    let mut s = computed(open(""));
    assert_eq!(s.what_if(), None);
    let Some(day) = s.headline() else {
        panic!("a headline once the day has run");
    };
    // The page's HTML says what the model computes for the day, before the wasm has run.
    let h1 = format!(">{}</h1>", day.title);
    let detail = format!(">{}</span>", day.detail);
    assert!(page.contains(&h1), "index.html's h1 should be: {h1}");
    assert!(
        page.contains(&detail),
        "index.html's headline detail should be: {detail}"
    );
    assert!(
        day.title.contains("every Kinesis front-end server"),
        "{day:?}"
    );
    s = s.act(Action::SelectPreset("higher-thread-limit".into()));
    s = computed(s);
    assert_eq!(
        s.what_if().as_deref(),
        Some("the what-if higher-thread-limit")
    );
    assert_eq!(
        s.headline().map(|h| h.title).as_deref(),
        Some("In the what-if higher-thread-limit, Kinesis never fails")
    );
}

#[test]
fn a_what_if_tried_from_a_chapter_comes_back_to_it_on_the_real_day() {
    let Some(k) = crate::explain::story::find("limit") else {
        panic!("the limit chapter");
    };
    let s = computed(open("")).act(Action::Chapter(k));
    let s = s.act(Action::LeaveStory(Some("cellular")));
    assert_eq!((s.story, s.story_return), (None, Some(k)));
    assert_eq!(s.preset, "cellular");
    let s = computed(s);
    assert!(s.compared().is_none(), "the day is computed on its own");
    let s = s.act(Action::BackToStory);
    assert_eq!(s.story, Some(k));
    assert_eq!(s.preset, "historical");
    assert_eq!(s.scenario, Scenario::default());
    assert_eq!(s.story_return, None);
    let s = computed(s);
    let Some(run) = s.run.recording() else {
        panic!("the day's run");
    };
    let c = crate::explain::story::CHAPTERS[k];
    assert_eq!(
        s.minute(),
        c.minute(Some(run)),
        "the chapter's moment of the run"
    );
    let Some(holds) = c.holds else {
        panic!("a claim");
    };
    assert_eq!(holds(run, s.minute()), Ok(()));
    // Leaving without a what-if leaves nothing to come back to.
    assert_eq!(s.act(Action::LeaveStory(None)).story_return, None);
}

#[test]
fn a_what_if_is_compared_with_the_day_once_the_day_is_computed() {
    let s = computed(open("?preset=fast-cold-start"));
    assert!(s.day_wanted().is_some());
    assert!(s.compared().is_none());
    let Some(day) = s.day_wanted() else {
        panic!("the day")
    };
    let Ok(day) = run(&day) else {
        panic!("the day runs")
    };
    let s = s.act(Action::Computed {
        target: Target::Day,
        generation: 0,
        run: Ok(Rc::new(day)),
        ms: 1.0,
    });
    let Some(compared) = s.compared() else {
        panic!("the day is compared");
    };
    assert_eq!(compared.scenario, Scenario::default());
    // The day itself is compared with nothing.
    let s = s.act(Action::SelectPreset("historical".into()));
    assert!(s.day_wanted().is_none() && s.compared().is_none());
}

#[test]
fn play_slows_through_the_discovery_hour_and_not_elsewhere() {
    let s = computed(open("?t=01:00"));
    let Some((from, to)) = s.discovery_window() else {
        panic!("the day has an addition");
    };
    assert_eq!(from, cascade_sim::clock::at(2, 44));
    assert!(
        to > cascade_sim::clock::at(4, 0) && to < cascade_sim::clock::at(5, 0),
        "{to}"
    );
    let step = |t: &str| {
        let s = computed(open(&format!("?t={t}"))).act(Action::Play);
        let before = s.time;
        s.act(Action::Advance(0.1)).time - before
    };
    let (outside, inside) = (step("01:00"), step("03:30"));
    assert!(outside > 0.0);
    assert!(
        (inside / outside - crate::state::DISCOVERY_PACE).abs() < 1e-9,
        "{inside} {outside}"
    );
    assert_eq!(step("12:00"), outside);
}
