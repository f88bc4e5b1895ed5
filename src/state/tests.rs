//! The reducer, natively: every action of `Action`, on states built from links.

use std::rc::Rc;

use cascade_sim::branch::Change;
use cascade_sim::{run, Scenario};

use super::{Action, AppState, Target, SPEED_MAX, SPEED_MIN};
use crate::draw::views::{View, ViewSet};
use crate::state::links::LinkRequest;

fn open(query: &str) -> Rc<AppState> {
    Rc::new(AppState::from_address(query, None))
}

/// The state once the model's run for its scenario has arrived.
fn computed(state: Rc<AppState>) -> Rc<AppState> {
    let Ok(recording) = run(&state.scenario) else {
        panic!("the scenario runs");
    };
    let generation = state.generation;
    state.act(Action::Computed {
        target: Target::Base,
        generation,
        run: Ok(Rc::new(recording)),
        ms: 1.0,
    })
}

#[test]
fn a_page_without_a_link_opens_the_historical_day_at_its_opening_moment() {
    let s = open("");
    assert_eq!(s.preset, "historical");
    assert_eq!(s.scenario, Scenario::default());
    assert_eq!(s.time, f64::from(crate::state::links::OPENING));
    // A link at midnight says so, and opens there.
    assert_eq!(open("?t=00:00").time, 0.0);
    assert!(s.link_problems.is_empty());
    assert_eq!(s.link_origin, "This link");
}

#[test]
fn without_a_link_the_saved_scenario_comes_back_and_a_link_wins_over_it() {
    let saved = Some("preset=cellular".to_string());
    let s = AppState::from_address("", saved.clone());
    assert_eq!(s.preset, "cellular");
    assert_eq!(s.link_origin, "The saved scenario");
    let s = AppState::from_address("?preset=larger-hosts", saved);
    assert_eq!(s.preset, "larger-hosts");
}

#[test]
fn a_broken_link_names_its_problems_and_keeps_the_defaults() {
    let s = open("?preset=nope&t=99:99&set=fleet.servers=many");
    assert_eq!(s.preset, "historical");
    assert_eq!(s.link_problems.len(), 3, "{:?}", s.link_problems);
    assert_eq!(s.scenario, Scenario::default());
}

#[test]
fn selecting_a_preset_recomputes_and_drops_the_branch() {
    let s = computed(open("?b=10:00,restart.per_hour=900"));
    assert!(s.branch.is_some());
    let before = s.generation;
    let s = s.act(Action::SelectPreset("cellular".into()));
    assert_eq!(s.preset, "cellular");
    assert_eq!(s.scenario.fleet.cells, 4);
    assert!(s.branch.is_none());
    assert!(s.generation > before && s.computing);
}

#[test]
fn play_pause_and_toggle() {
    let s = computed(open(""));
    let s = s.act(Action::Play);
    assert!(s.playing);
    let s = s.act(Action::TogglePlay);
    assert!(!s.playing);
    let s = s.act(Action::TogglePlay).act(Action::Pause);
    assert!(!s.playing);
    // Play at the end starts again from the beginning.
    let end = s.end();
    let s = s.act(Action::Seek(end)).act(Action::Play);
    assert_eq!(s.time, s.start());
}

#[test]
fn seek_stays_inside_the_day_and_ignores_what_is_not_a_time() {
    let s = computed(open(""));
    assert_eq!(s.clone().act(Action::Seek(315.0)).time, 315.0);
    assert_eq!(s.clone().act(Action::Seek(-50.0)).time, s.start());
    assert_eq!(s.clone().act(Action::Seek(1e9)).time, s.end());
    assert_eq!(s.clone().act(Action::Seek(f64::NAN)).time, s.time);
}

#[test]
fn step_moves_whole_minutes_and_pauses() {
    let s = computed(open("?t=06:00")).act(Action::Play);
    let s = s.act(Action::Step(5));
    assert_eq!(s.time, 365.0);
    assert!(!s.playing);
    assert_eq!(s.act(Action::Step(-10)).time, 355.0);
}

#[test]
fn speed_is_kept_within_its_range() {
    let s = open("");
    assert_eq!(s.clone().act(Action::SetSpeed(1e9)).speed, SPEED_MAX);
    assert_eq!(s.clone().act(Action::SetSpeed(0.0)).speed, SPEED_MIN);
    assert_eq!(
        s.clone().act(Action::SetSpeed(f64::INFINITY)).speed,
        s.speed
    );
}

#[test]
fn advancing_moves_the_cursor_by_the_speed_and_stops_at_the_end() {
    // From noon: the discovery hour plays slower (tested on its own).
    let s = computed(open("?t=12:00"))
        .act(Action::SetSpeed(60.0))
        .act(Action::Play);
    let s = s.act(Action::Advance(0.25));
    assert_eq!(s.time, f64::from(cascade_sim::clock::at(12, 0)) + 15.0);
    // A long gap (a hidden tab) does not jump ahead.
    let t = s.time;
    let s = s.act(Action::Advance(30.0));
    assert_eq!(s.time, t + 15.0);
    // Paused, frames change nothing.
    let paused = s.act(Action::Pause);
    assert_eq!(paused.clone().act(Action::Advance(0.25)).time, paused.time);
    let end = paused.end();
    let s = paused
        .act(Action::Seek(end - 1.0))
        .act(Action::Play)
        .act(Action::Advance(0.25));
    assert_eq!(s.time, s.end());
    assert!(!s.playing, "the replay stops at the end");
}

#[test]
fn events_are_stepped_through_in_order() {
    let s = computed(open("?t=05:00"));
    let next = s.clone().act(Action::NextEvent);
    assert!(next.time > 300.0);
    let back = next.clone().act(Action::PrevEvent);
    assert!(back.time < next.time);
}

#[test]
fn restart_goes_back_to_the_start() {
    let s = computed(open("?t=12:00"))
        .act(Action::Play)
        .act(Action::Restart);
    assert_eq!(s.time, s.start());
    assert!(!s.playing);
}

#[test]
fn a_service_is_selected_and_unselected() {
    let s = open("").act(Action::SelectService(Some("cognito")));
    assert_eq!(s.selected_service, Some("cognito"));
    assert_eq!(s.act(Action::SelectService(None)).selected_service, None);
}

#[test]
fn a_refused_value_is_named_and_changes_nothing() {
    let s = open("");
    let ok = s.clone().act(Action::SetParam {
        key: "threads.limit".into(),
        value: "8192".into(),
    });
    assert_eq!(ok.scenario.threads.limit, 8192);
    assert!(ok.param_errors.is_empty());
    let bad = s.clone().act(Action::SetParam {
        key: "threads.limit".into(),
        value: "lots".into(),
    });
    assert_eq!(bad.scenario, s.scenario);
    assert_eq!(bad.param_errors.len(), 1);
    assert_eq!(bad.param_errors[0].key, "threads.limit");
}

#[test]
fn a_remediation_sets_all_its_parameters_or_none() {
    let s = open("");
    let both = s.clone().act(Action::SetParams(vec![
        ("restart.per_hour".into(), "1200".into()),
        ("restart.cold_start_metadata_min".into(), "4".into()),
    ]));
    assert_eq!(both.scenario.restart.per_hour, 1200.0);
    assert_eq!(both.scenario.restart.cold_start_metadata_min, 4.0);
    let neither = s.clone().act(Action::SetParams(vec![
        ("restart.per_hour".into(), "1200".into()),
        ("restart.cold_start_metadata_min".into(), "-4".into()),
    ]));
    assert_eq!(neither.scenario, s.scenario);
}

#[test]
fn reset_goes_back_to_the_preset() {
    let s = open("?preset=cellular&set=threads.limit=8192&b=10:00,restart.per_hour=900");
    let s = s.act(Action::ResetScenario);
    assert_eq!(s.preset, "cellular");
    assert_eq!(s.scenario.threads.limit, 4096);
    assert!(s.branch.is_none());
}

#[test]
fn a_branch_forks_at_the_cursor_and_a_bad_change_is_named() {
    let s = computed(open("?t=09:00")).act(Action::BranchSet {
        key: "restart.per_hour".into(),
        value: "900".into(),
    });
    let Some(b) = &s.branch else {
        panic!("a branch");
    };
    assert_eq!(
        b.changes,
        vec![Change {
            at: 540,
            key: "restart.per_hour".into(),
            value: "900".into()
        }]
    );
    assert!(b.computing && b.error.is_none());
    let bad = s.clone().act(Action::BranchSet {
        key: "fleet.servers".into(),
        value: "3000".into(),
    });
    let error = bad
        .branch
        .as_ref()
        .and_then(|b| b.error.clone())
        .unwrap_or_default();
    assert!(error.contains("fleet.servers"), "{error}");
    assert!(s.act(Action::DropBranch).branch.is_none());
}

#[test]
fn views_are_chosen() {
    let views = ViewSet::NONE
        .with(View::Fleet, true)
        .with(View::Errors, true);
    let s = open("").act(Action::SetViews(views));
    assert!(s.views.has(View::Fleet) && s.views.has(View::Errors));
    assert!(!s.views.has(View::Graph));
}

#[test]
fn a_host_page_opens_a_link() {
    let link = crate::state::links::parse("preset=cellular&t=06:00");
    let s = open("").act(Action::OpenLink(link));
    assert_eq!(s.preset, "cellular");
    assert_eq!(s.time, 360.0);
    let broken = open("").act(Action::OpenLink(LinkRequest {
        preset: Some("nope".into()),
        ..LinkRequest::default()
    }));
    assert!(!broken.link_problems.is_empty());
}

#[test]
fn the_story_goes_chapter_by_chapter_and_leaves_to_a_what_if() {
    let s = open("").act(Action::Chapter(0));
    assert_eq!(s.story, Some(0));
    let s = s.act(Action::StoryNext).act(Action::StoryNext);
    assert_eq!(s.story, Some(2));
    assert_eq!(s.time, f64::from(crate::explain::story::CHAPTERS[2].time));
    let s = s.act(Action::StoryPrev);
    assert_eq!(s.story, Some(1));
    let s = s.act(Action::TogglePresenting);
    assert!(s.presenting);
    let s = s.act(Action::Chapter(999));
    assert_eq!(s.story, Some(crate::explain::story::CHAPTERS.len() - 1));
    let s = s.act(Action::LeaveStory(Some("memory-fix-first")));
    assert_eq!(s.story, None);
    assert!(!s.presenting);
    assert_eq!(s.preset, "memory-fix-first");
    assert_eq!(s.views, ViewSet::PAGE);
    // Outside the story the presenter view cannot be turned on.
    assert!(!s.act(Action::TogglePresenting).presenting);
}

#[test]
fn a_loaded_scenario_is_shown_as_edits_of_the_preset_it_matches() {
    let Ok(cellular) = cascade_sim::presets::scenario("cellular") else {
        panic!("preset");
    };
    let s = open("").act(Action::LoadScenario(Box::new(cellular.clone())));
    assert_eq!(s.preset, "cellular");
    let mut other = cellular;
    other.threads.limit = 5000;
    let s = s.act(Action::LoadScenario(Box::new(other)));
    assert_eq!(s.preset, "historical");
    assert_eq!(s.scenario.threads.limit, 5000);
}

#[test]
fn a_run_for_an_older_scenario_is_ignored() {
    let s = open("");
    let stale = s.generation.wrapping_sub(1);
    let after = s.clone().act(Action::Computed {
        target: Target::Base,
        generation: stale,
        run: Err("old".into()),
        ms: 1.0,
    });
    assert!(Rc::ptr_eq(&s, &after), "nothing changed");
    let s = computed(s);
    assert!(s.run.recording().is_some() && !s.computing);
    // The branch's run arrives the same way.
    let s = s.act(Action::Seek(600.0)).act(Action::BranchSet {
        key: "restart.per_hour".into(),
        value: "500".into(),
    });
    let generation = s.branch.as_ref().map_or(0, |b| b.generation);
    let s = s.act(Action::Computed {
        target: Target::Branch,
        generation,
        run: Err("could not run".into()),
        ms: 1.0,
    });
    assert_eq!(
        s.branch.as_ref().and_then(|b| b.error.clone()).as_deref(),
        Some("could not run")
    );
}

#[test]
fn only_a_change_of_settings_moves_the_revision() {
    let s = computed(open(""));
    let r = s.revision;
    let moved = s.clone().act(Action::Seek(100.0));
    assert_eq!(moved.revision, r, "the cursor is not a setting");
    let changed = s
        .act(Action::SetSpeed(10.0))
        .act(Action::SelectPreset("cellular".into()));
    assert_ne!(changed.revision, r);
}

#[test]
fn with_reduced_motion_an_embed_waits_for_play_and_shows_its_bar() {
    let mut s = (*open("?embed=fleet&autoplay=1&loop=1")).clone();
    assert!(
        s.embed.is_some_and(|e| e.autoplay && !e.bar),
        "autoplay hides the bar"
    );
    s.hold_still();
    assert!(s.embed.is_some_and(|e| !e.autoplay && e.bar));
    let s = computed(Rc::new(s));
    assert!(!s.playing, "nothing plays on its own");
    let calm = computed(open("?embed=fleet&autoplay=1"));
    assert!(calm.playing, "without the preference it plays");
}

#[test]
fn what_the_operators_saw_is_switched_kept_in_links_and_set_by_the_diagnosis_chapter() {
    let s = open("?t=06:30");
    assert!(!s.operators);
    let s = s.act(Action::SetOperators(true));
    assert!(s.operators);
    let query = crate::state::links::to_query(&s.preset, &s.scenario, &[], &s.link_view(true));
    assert!(query.contains("operators=1"), "{query}");
    let again = open(&format!("?{query}"));
    assert!(again.operators);
    assert_eq!(again.minute(), 6 * 60 + 30);
    assert!(!s.act(Action::SetOperators(false)).operators);
    let Some(k) = crate::explain::story::find("diagnosis") else {
        panic!("the diagnosis chapter");
    };
    let s = open("").act(Action::Chapter(k));
    assert!(
        s.operators,
        "the diagnosis chapter is told through the operators' view"
    );
    assert!(!s.clone().act(Action::StoryNext).operators);
    assert!(!s.act(Action::LeaveStory(None)).operators);
    let embed = open("?embed=errors&operators=1");
    assert!(embed.operators && embed.embed.is_some());
}

// The headline, the story's way back, the day a what-if is compared with, the pace of Play.
mod voice;
