//! The app state: one reducer, and every user intent as one `Action`.
//!
//! The run is data: choosing a preset recomputes the whole recording; playing, pausing and
//! scrubbing only move the time cursor over it.

use std::rc::Rc;

use cascade_sim::branch::Change;
use cascade_sim::clock::Minute;
use cascade_sim::{presets, Recording, Scenario};

use crate::url::{LinkRequest, LinkView};
use crate::views::ViewSet;

/// Slowest playback speed: one simulated minute per second.
pub const SPEED_MIN: f64 = 1.0;
/// Fastest playback speed: two simulated hours per second.
pub const SPEED_MAX: f64 = 120.0;

/// Everything the page shows, apart from what is derived from the recording.
#[derive(Clone)]
pub struct AppState {
    /// Name of the chosen preset.
    pub preset: String,
    /// The scenario being shown.
    pub scenario: Scenario,
    /// The recording of the scenario, or the message saying why there is none.
    pub run: Result<Rc<Recording>, String>,
    /// The time cursor, in minutes since 00:00 PST on 25 November 2020 (fractional while
    /// playing).
    pub time: f64,
    /// Whether the replay is playing.
    pub playing: bool,
    /// Simulated minutes per second of playback.
    pub speed: f64,
    /// The service whose details are open.
    pub selected_service: Option<&'static str>,
    /// How long the last recomputation took (milliseconds).
    pub compute_ms: f64,
    /// Problems with the page's address, shown in a banner.
    pub link_problems: Vec<String>,
    /// Where those problems come from: "This link" or "The saved scenario".
    pub link_origin: &'static str,
    /// Number of the scenario being computed or shown; a result of an older one is dropped.
    pub generation: u64,
    /// Whether the recording of `scenario` is still being computed.
    pub computing: bool,
    /// Values typed into the scenario panel that were refused: key, value as typed, message.
    pub param_errors: Rc<Vec<(String, String, String)>>,
    /// The branch being explored, if any.
    pub branch: Option<Branch>,
    /// The views shown.
    pub views: ViewSet,
    /// Embed mode: chosen views only, no editing chrome.
    pub embed: Option<Embed>,
    /// The time range a link is about (an embed's loop).
    pub range: Option<(Minute, Minute)>,
    /// Start playing as soon as the first recording is ready.
    pub autoplay: bool,
    /// The story chapter shown, in story mode.
    pub story: Option<usize>,
    /// The presenter view: large type, high contrast, controls hidden.
    pub presenting: bool,
    /// Counts changes to everything but the cursor, playing and the speed, so that the panels
    /// that do not move with time render only when it changes, not in every frame.
    pub revision: u64,
}

/// How an embedded page plays.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Embed {
    /// Plays on its own once loaded.
    pub autoplay: bool,
    /// Plays the range (or the day) over and over.
    pub looping: bool,
}

/// A branch: the scenario with some parameters changed from chosen minutes on.
#[derive(Clone)]
pub struct Branch {
    /// Its changes, in time order.
    pub changes: Vec<Change>,
    /// Its recording once computed (the last good one meanwhile).
    pub run: Option<Rc<Recording>>,
    /// Number of the branch being computed or shown.
    pub generation: u64,
    /// Whether its recording is being computed.
    pub computing: bool,
    /// Why the last change was refused, if it was.
    pub error: Option<String>,
}

impl PartialEq for Branch {
    fn eq(&self, other: &Self) -> bool {
        let same_run = match (&self.run, &other.run) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_run
            && self.changes == other.changes
            && self.generation == other.generation
            && self.computing == other.computing
            && self.error == other.error
    }
}

/// Which run a computed recording belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Target {
    /// The scenario.
    Base,
    /// The branch.
    Branch,
}

/// Every user intent.
pub enum Action {
    /// Show another preset (recomputes the run).
    SelectPreset(String),
    /// Start playing.
    Play,
    /// Stop playing.
    Pause,
    /// Play if paused, pause if playing.
    TogglePlay,
    /// Move the cursor to a minute.
    Seek(f64),
    /// Move the cursor by whole minutes (paused).
    Step(i32),
    /// Set the playback speed (simulated minutes per second).
    SetSpeed(f64),
    /// A frame passed while playing (real seconds).
    Advance(f64),
    /// Jump to the previous event of the log.
    PrevEvent,
    /// Jump to the next event of the log.
    NextEvent,
    /// Back to the start of the replay.
    Restart,
    /// Open or close a service's details.
    SelectService(Option<&'static str>),
    /// Set one parameter of the scenario, as typed (recomputes the run if the value is allowed).
    SetParam {
        /// The parameter's key.
        key: String,
        /// The value as typed.
        value: String,
    },
    /// Set several parameters at once (a remediation): all are applied, or none.
    SetParams(Vec<(String, String)>),
    /// Back to the chosen preset's values.
    ResetScenario,
    /// In the branch (made if there is none), set a parameter from the cursor's minute on.
    BranchSet {
        /// The parameter's key.
        key: String,
        /// The value as typed.
        value: String,
    },
    /// Forget the branch.
    DropBranch,
    /// Show these views.
    SetViews(ViewSet),
    /// Open what a link asks for (a host page's "load" message).
    OpenLink(LinkRequest),
    /// Open a chapter of the story (enters story mode).
    Chapter(usize),
    /// The previous chapter.
    StoryPrev,
    /// The next chapter.
    StoryNext,
    /// Leave the story, showing a preset (for a remediation's what-if) or the day as it is.
    LeaveStory(Option<&'static str>),
    /// Turn the presenter view on or off.
    TogglePresenting,
    /// Show a scenario read from a file (shown as edits of the preset it matches, else of
    /// `historical`).
    LoadScenario(Box<Scenario>),
    /// The recording of scenario number `generation` is ready (or could not be made).
    Computed {
        /// The scenario or the branch.
        target: Target,
        /// Which scenario it is for.
        generation: u64,
        /// The recording, or why there is none.
        run: Result<Rc<Recording>, String>,
        /// Time spent computing it (milliseconds).
        ms: f64,
    },
}

impl AppState {
    /// The state the page opens with: what the address's query asks for, else (for a page
    /// opened without a link) the scenario saved by the last visit, else the historical run at
    /// 00:00. Pure: the browser's glue (`store.rs`) reads the address and the storage.
    pub fn from_address(query: &str, saved: Option<String>) -> Self {
        let (query, origin) = match saved {
            Some(saved) if query.trim_start_matches('?').is_empty() => {
                (saved, "The saved scenario")
            }
            _ => (query.to_string(), "This link"),
        };
        let mut link = crate::url::parse(&query);
        link.origin = origin;
        let mut state = Self {
            preset: String::new(),
            scenario: Scenario::default(),
            run: Err(String::new()),
            time: 0.0,
            playing: false,
            speed: 30.0,
            selected_service: None,
            compute_ms: 0.0,
            link_problems: Vec::new(),
            link_origin: origin,
            generation: 0,
            computing: false,
            param_errors: Rc::default(),
            branch: None,
            views: ViewSet::ALL,
            embed: None,
            range: None,
            autoplay: false,
            story: None,
            presenting: false,
            revision: 0,
        };
        state.open_link(link);
        state
    }

    /// Shows what a link asks for; its problems go to the banner.
    fn open_link(&mut self, mut link: LinkRequest) {
        let (preset, scenario) = crate::url::scenario(&mut link);
        self.preset = preset;
        self.branch = None;
        self.param_errors = Rc::default();
        self.load(scenario);
        self.range = link
            .range
            .map(|(a, b)| {
                (
                    a.max(self.scenario.time.start_min),
                    b.min(self.scenario.time.end_min - 1),
                )
            })
            .filter(|(a, b)| a < b);
        let start = link.time.or(self.range.map(|r| r.0));
        self.time = start.map_or(self.start(), |t| {
            f64::from(t).clamp(self.start(), self.end())
        });
        self.views = link.views.unwrap_or(ViewSet::ALL);
        if let Some(views) = link.embed {
            self.views = views;
            self.embed = Some(Embed {
                autoplay: link.autoplay,
                looping: link.looping,
            });
        }
        self.autoplay = link.autoplay;
        if let Some(speed) = link.speed {
            self.speed = speed.clamp(SPEED_MIN, SPEED_MAX);
        }
        let changes: Vec<Change> = link
            .branch
            .into_iter()
            .map(|(at, key, value)| Change { at, key, value })
            .collect();
        if !changes.is_empty() {
            match cascade_sim::branch::check(&self.scenario, &changes) {
                Ok(changes) => self.set_branch(changes),
                Err(e) => link.problems.push(format!("branch: {e}")),
            }
        }
        self.story = None;
        if let Some(k) = link.story {
            self.open_chapter(k);
            self.presenting = link.present;
        }
        self.link_problems = link.problems;
        self.link_origin = link.origin;
    }

    /// Shows chapter `k`: its time, range, views and highlight, paused.
    fn open_chapter(&mut self, k: usize) {
        let Some(c) = crate::story::CHAPTERS.get(k) else {
            return;
        };
        self.story = Some(k);
        self.time = f64::from(c.time).clamp(self.start(), self.end());
        self.range = Some(c.range);
        self.views = c.view_set();
        self.selected_service = c.highlight;
        self.playing = false;
    }

    /// What a link to this page shows now: the time, range and views (and the embed's options).
    pub fn link_view(&self, with_time: bool) -> LinkView {
        LinkView {
            time: with_time.then(|| self.minute()),
            range: self.range,
            views: Some(self.views),
            embed: self.embed.map(|e| (self.views, e.autoplay, e.looping)),
            story: self.story.map(|k| (k, self.presenting)),
        }
    }

    /// The first and last minute playback runs over: the range when looping, else the day.
    fn play_span(&self) -> (f64, f64) {
        match (self.embed, self.range) {
            (Some(e), Some((a, b))) if e.looping => (f64::from(a), f64::from(b)),
            // A chapter plays its part of the day.
            (None, Some((a, b))) if self.story.is_some() => (f64::from(a), f64::from(b)),
            _ => (self.start(), self.end()),
        }
    }

    /// Replaces the branch's changes and asks for its recording (keeping the last one on
    /// screen meanwhile).
    fn set_branch(&mut self, changes: Vec<Change>) {
        let previous = self.branch.take();
        self.branch = Some(Branch {
            changes,
            run: previous.as_ref().and_then(|b| b.run.clone()),
            generation: previous.map_or(1, |b| b.generation + 1),
            computing: true,
            error: None,
        });
    }

    /// The recording on screen: the branch's once it has one, else the scenario's.
    pub fn shown(&self) -> Option<Rc<Recording>> {
        self.branch
            .as_ref()
            .and_then(|b| b.run.clone())
            .or_else(|| self.run.as_ref().ok().cloned())
    }

    /// The recording the shown one is compared with, when a branch is on screen.
    pub fn compared(&self) -> Option<Rc<Recording>> {
        self.branch.as_ref()?.run.as_ref()?;
        self.run.as_ref().ok().cloned()
    }

    /// The branch's changes as the address writes them.
    pub fn branch_changes(&self) -> Vec<(Minute, String, String)> {
        self.branch.as_ref().map_or_else(Vec::new, |b| {
            b.changes
                .iter()
                .map(|c| (c.at, c.key.clone(), c.value.clone()))
                .collect()
        })
    }

    /// Applies `sets` to the scenario (all or none); returns the message of the first refusal.
    fn apply(&mut self, sets: &[(String, String)]) -> Result<(), (String, String, String)> {
        let mut edited = self.scenario.clone();
        for (key, value) in sets {
            cascade_sim::params::set(&mut edited, key, value)
                .and_then(|()| cascade_sim::validate::validate(&edited))
                .map_err(|e| (key.clone(), value.clone(), e.to_string()))?;
        }
        if edited != self.scenario {
            self.load(edited);
            // The branch follows the scenario it forked from.
            if let Some(b) = &self.branch {
                let changes = b.changes.clone();
                self.set_branch(changes);
            }
        }
        Ok(())
    }

    fn load_preset(&mut self, name: &str) {
        match presets::scenario(name) {
            Ok(scenario) => {
                self.preset = name.to_string();
                self.load(scenario);
            }
            Err(e) => self.run = Err(format!("Unknown scenario: {e}")),
        }
    }

    /// Asks for the recording of `scenario`; `hooks::compute` makes it in slices, so the page
    /// stays responsive, and sends `Action::Computed`. The previous recording stays on screen
    /// meanwhile.
    fn load(&mut self, scenario: Scenario) {
        self.scenario = scenario;
        self.generation += 1;
        self.computing = true;
        self.time = self.time.clamp(self.start(), self.end());
    }

    /// First minute of the run.
    pub fn start(&self) -> f64 {
        f64::from(self.scenario.time.start_min)
    }

    /// Last minute of the run.
    pub fn end(&self) -> f64 {
        f64::from(self.scenario.time.end_min - 1)
    }

    /// The cursor as a whole minute.
    pub fn minute(&self) -> Minute {
        self.time.floor() as Minute
    }

    fn event_times(&self) -> Vec<Minute> {
        match &self.run {
            Ok(run) => run.events.iter().map(|e| e.t).collect(),
            Err(_) => Vec::new(),
        }
    }
}

impl AppState {
    /// Whether everything but the cursor, playing and the speed is the same: what the panels
    /// that do not move with time show. Destructured so that a new field must be placed.
    fn same_settings(&self, other: &Self) -> bool {
        let AppState {
            preset,
            scenario,
            run,
            time: _,
            playing: _,
            speed: _,
            selected_service,
            compute_ms,
            link_problems,
            link_origin,
            generation,
            computing,
            param_errors,
            branch,
            views,
            embed,
            range,
            autoplay,
            story,
            presenting,
            revision: _,
        } = self;
        let same_run = match (run, &other.run) {
            (Ok(a), Ok(b)) => Rc::ptr_eq(a, b),
            (Err(a), Err(b)) => a == b,
            _ => false,
        };
        same_run
            && *preset == other.preset
            && *scenario == other.scenario
            && *selected_service == other.selected_service
            && compute_ms.to_bits() == other.compute_ms.to_bits()
            && *link_problems == other.link_problems
            && *link_origin == other.link_origin
            && *generation == other.generation
            && *computing == other.computing
            && Rc::ptr_eq(param_errors, &other.param_errors)
            && *branch == other.branch
            && *views == other.views
            && *embed == other.embed
            && *range == other.range
            && *autoplay == other.autoplay
            && *story == other.story
            && *presenting == other.presenting
    }
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        // The cursor first: in a frame of the replay it is what differs, and it is cheap.
        self.time == other.time
            && self.playing == other.playing
            && self.speed == other.speed
            && self.same_settings(other)
    }
}

impl AppState {
    /// The state after `action`: the app's one reducer (Yew's `Reducible` calls it, see
    /// `store.rs`). A new `Rc` on every change.
    pub fn act(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SelectPreset(name) => {
                next.load_preset(&name);
                next.param_errors = Rc::default();
                next.branch = None;
            }
            Action::Play => {
                let (from, to) = next.play_span();
                if next.time >= to || next.time < from {
                    next.time = from;
                }
                next.playing = true;
            }
            Action::Pause => next.playing = false,
            Action::TogglePlay => {
                return self.act(if next.playing {
                    Action::Pause
                } else {
                    Action::Play
                })
            }
            Action::Seek(t) if t.is_finite() => next.time = t.clamp(next.start(), next.end()),
            Action::Seek(_) => {}
            Action::Step(by) => {
                next.playing = false;
                next.time = (next.time.floor() + f64::from(by)).clamp(next.start(), next.end());
            }
            Action::SetSpeed(s) if s.is_finite() => next.speed = s.clamp(SPEED_MIN, SPEED_MAX),
            Action::SetSpeed(_) => {}
            Action::Advance(seconds) => {
                if !next.playing || !seconds.is_finite() {
                    return self;
                }
                // A long gap (a hidden tab) does not jump the replay ahead.
                next.time += seconds.clamp(0.0, 0.25) * next.speed;
                let (from, to) = next.play_span();
                let looping = next.embed.is_some_and(|e| e.looping);
                if next.time >= to {
                    if looping {
                        next.time = from;
                    } else {
                        next.time = to;
                        next.playing = false;
                    }
                }
            }
            Action::PrevEvent => {
                let now = next.minute();
                if let Some(t) = next.event_times().into_iter().rev().find(|t| *t < now) {
                    next.time = f64::from(t);
                }
                next.playing = false;
            }
            Action::NextEvent => {
                let now = next.minute();
                if let Some(t) = next.event_times().into_iter().find(|t| *t > now) {
                    next.time = f64::from(t);
                }
                next.playing = false;
            }
            Action::Restart => {
                next.time = next.start();
                next.playing = false;
            }
            Action::SelectService(id) => next.selected_service = id,
            Action::SetParam { key, value } => {
                return self.act(Action::SetParams(vec![(key, value)]));
            }
            Action::SetParams(sets) => {
                let mut errors: Vec<(String, String, String)> = next
                    .param_errors
                    .iter()
                    .filter(|(k, _, _)| !sets.iter().any(|(key, _)| key == k))
                    .cloned()
                    .collect();
                if let Err(refused) = next.apply(&sets) {
                    errors.push(refused);
                }
                next.param_errors = Rc::new(errors);
            }
            Action::ResetScenario => {
                let preset = next.preset.clone();
                next.load_preset(&preset);
                next.param_errors = Rc::default();
                next.branch = None;
            }
            Action::BranchSet { key, value } => {
                let at = next.minute();
                let mut changes = next
                    .branch
                    .as_ref()
                    .map_or_else(Vec::new, |b| b.changes.clone());
                // A later change of the same key replaces what followed it.
                changes.retain(|c| !(c.key == key && c.at >= at));
                changes.push(Change { at, key, value });
                match cascade_sim::branch::check(&next.scenario, &changes) {
                    Ok(changes) => next.set_branch(changes),
                    Err(e) => {
                        let mut branch = next.branch.clone().unwrap_or(Branch {
                            changes: Vec::new(),
                            run: None,
                            generation: 0,
                            computing: false,
                            error: None,
                        });
                        branch.error = Some(e.to_string());
                        next.branch = Some(branch);
                    }
                }
            }
            Action::DropBranch => next.branch = None,
            Action::SetViews(views) => next.views = views,
            Action::Chapter(k) => next.open_chapter(k.min(crate::story::CHAPTERS.len() - 1)),
            Action::StoryPrev => {
                let k = next.story.unwrap_or(0).saturating_sub(1);
                next.open_chapter(k);
            }
            Action::StoryNext => {
                let k = next
                    .story
                    .map_or(0, |k| (k + 1).min(crate::story::CHAPTERS.len() - 1));
                next.open_chapter(k);
            }
            Action::LeaveStory(preset) => {
                next.story = None;
                next.presenting = false;
                next.range = None;
                next.views = ViewSet::ALL;
                if let Some(name) = preset {
                    next.load_preset(name);
                    next.branch = None;
                    next.param_errors = Rc::default();
                }
            }
            Action::TogglePresenting => next.presenting = !next.presenting && next.story.is_some(),
            Action::OpenLink(link) => next.open_link(link),
            Action::LoadScenario(scenario) => {
                next.preset = presets::PRESETS
                    .iter()
                    .find(|p| p.scenario().is_ok_and(|s| s == *scenario))
                    .map_or("historical", |p| p.name)
                    .to_string();
                next.branch = None;
                next.param_errors = Rc::default();
                next.load(*scenario);
            }
            Action::Computed {
                target: Target::Base,
                generation,
                run,
                ms,
            } => {
                if generation != next.generation {
                    return self;
                }
                next.run = run;
                next.computing = false;
                next.compute_ms = ms;
                if std::mem::take(&mut next.autoplay) && next.run.is_ok() {
                    next.playing = true;
                }
            }
            Action::Computed {
                target: Target::Branch,
                generation,
                run,
                ms: _,
            } => {
                let Some(branch) = next.branch.as_mut() else {
                    return self;
                };
                if generation != branch.generation {
                    return self;
                }
                branch.computing = false;
                match run {
                    Ok(run) => branch.run = Some(run),
                    Err(e) => branch.error = Some(e),
                }
            }
        }
        if !next.same_settings(&self) {
            next.revision = self.revision.wrapping_add(1);
        }
        Rc::new(next)
    }
}

// Native tests (`cargo test -p kinesis-cascade`); the browser's are in the wasm32 build.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests;
