//! The app state and what it is read from and written to: the link format (`links`), the set
//! of views (`views`), the host's messages to an embed (`host_message`) and time ranges
//! (`time_range`).
//!
//! One reducer, and every user intent as one `Action` (`action.rs`, reduced in
//! `reduce.rs`; what opens and edits the document in `edit.rs`).
//!
//! The run is data: choosing a preset recomputes the whole recording; playing, pausing and
//! scrubbing only move the time cursor over it. The state is split by how often it changes:
//! the cursor, playing and the speed change in every frame; everything else (the `Document`)
//! changes with the settings and sits behind one `Rc`, so that a frame never clones or compares
//! it.

use std::rc::Rc;

use cascade_sim::branch::Change;
use cascade_sim::clock::Minute;
use cascade_sim::{Recording, Scenario};

use crate::draw::views::ViewSet;
use crate::state::links::{ColourScheme, EmbedLink, LinkView, StoryLink};

mod action;
mod by_id;
mod edit;
pub mod host_message;
pub mod links;
mod reduce;
pub mod time_range;

pub use action::Action;
pub use by_id::ById;

/// Share of the chosen speed playback keeps through the discovery hour, so that the fleet's
/// drift past the limit is seen rather than skipped in a second or two.
pub const DISCOVERY_PACE: f64 = 0.25;

/// Minutes after the later of the addition's end and the last server passing the limit that
/// playback stays slowed.
const DISCOVERY_TAIL: cascade_sim::clock::Minute = 15;

/// Slowest playback speed: one simulated minute per second.
pub const SPEED_MIN: f64 = 1.0;
/// Fastest playback speed: two simulated hours per second.
pub const SPEED_MAX: f64 = 120.0;

/// Everything the page shows, apart from what is derived from the recording.
#[derive(Clone)]
pub struct AppState {
    /// What changes with the settings (see `Document`); fields read through `Deref`.
    pub doc: Rc<Document>,
    /// The time cursor, in minutes since 00:00 PST on 25 November 2020 (fractional while
    /// playing).
    pub time: f64,
    /// Whether the replay is playing.
    pub playing: bool,
    /// Simulated minutes per second of playback.
    pub speed: f64,
}

impl std::ops::Deref for AppState {
    type Target = Document;

    fn deref(&self) -> &Document {
        &self.doc
    }
}

/// The recording of the scenario, as far as there is one.
#[derive(Clone, Debug, PartialEq)]
pub enum RunStatus {
    /// None yet: the first one is being computed.
    NotYet,
    /// The recording (kept on screen while a newer one is computed).
    Ready(ById<Recording>),
    /// Why there is none.
    Failed(String),
}

impl RunStatus {
    /// The recording, if there is one.
    pub fn recording(&self) -> Option<&Rc<Recording>> {
        match self {
            RunStatus::Ready(run) => Some(&run.0),
            _ => None,
        }
    }
}

/// A value typed into the scenario panel that was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamProblem {
    /// The parameter's key.
    pub key: String,
    /// The value as typed.
    pub value: String,
    /// What was wrong, naming the field, the value and what is allowed.
    pub message: String,
}

/// Everything but the cursor, playing and the speed: what the panels that do not move with time
/// show. It changes with the settings only.
#[derive(Clone, PartialEq)]
pub struct Document {
    /// Name of the chosen preset.
    pub preset: String,
    /// The scenario being shown.
    pub scenario: Scenario,
    /// The recording of the scenario.
    pub run: RunStatus,
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
    /// Values typed into the scenario panel that were refused.
    pub param_errors: Rc<Vec<ParamProblem>>,
    /// The branch being explored, if any.
    pub branch: Option<Branch>,
    /// The day as it happened (the historical scenario with this scenario's seed), which a
    /// what-if is drawn and compared against; computed only for a scenario that is not the day.
    pub day: Option<ById<Recording>>,
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
    /// The chapter a what-if was tried from, which "Back to the story" returns to.
    pub story_return: Option<usize>,
    /// The presenter view: large type, high contrast, controls hidden.
    pub presenting: bool,
    /// An embed's caption, as its link gives it (shown as text only).
    pub caption: Option<String>,
    /// What the operators saw: the charts show only what a CloudWatch-based dashboard could
    /// show at the cursor's minute (`operators.rs`).
    pub operators: bool,
    /// Colours a link asked for (`theme=`), if not the reader's system's.
    pub scheme: Option<ColourScheme>,
    /// Counts the document's changes, so that the panels that do not move with time render only
    /// when it changes, not in every frame.
    pub revision: u64,
}

/// How an embedded page plays.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Embed {
    /// Plays on its own once loaded.
    pub autoplay: bool,
    /// Plays the range (or the day) over and over.
    pub looping: bool,
    /// Shows its bar (Play, the clock, the link to the full app).
    pub bar: bool,
}

/// A branch: the scenario with some parameters changed from chosen minutes on.
#[derive(Clone, PartialEq)]
pub struct Branch {
    /// Its changes, in time order.
    pub changes: Vec<Change>,
    /// Its recording once computed (the last good one meanwhile).
    pub run: Option<ById<Recording>>,
    /// Number of the branch being computed or shown.
    pub generation: u64,
    /// Whether its recording is being computed.
    pub computing: bool,
    /// Why the last change was refused, if it was.
    pub error: Option<String>,
}

/// Which run a computed recording belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Target {
    /// The scenario.
    Base,
    /// The branch.
    Branch,
    /// The day as it happened, to compare a what-if with.
    Day,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        // The cursor first: in a frame of the replay it is what differs, and it is cheap; the
        // document is compared by identity.
        self.time == other.time
            && self.playing == other.playing
            && self.speed == other.speed
            && self.same_settings(other)
    }
}

impl AppState {
    /// Whether the document is the same one: a change of settings always makes a new one.
    pub fn same_settings(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
    }

    /// What a link to this page shows now: the time, range and views (and the embed's options).
    pub fn link_view(&self, with_time: bool) -> LinkView {
        LinkView {
            time: with_time.then(|| self.minute()),
            range: self.range,
            views: Some(self.views),
            embed: self.embed.map(|e| EmbedLink {
                views: self.views,
                autoplay: e.autoplay,
                looping: e.looping,
                bar: e.bar,
            }),
            story: self.story.map(|chapter| StoryLink {
                chapter,
                presenting: self.presenting,
            }),
            caption: self.caption.clone(),
            operators: self.operators,
            scheme: self.scheme,
        }
    }

    /// For a reader who asks for reduced motion: nothing plays on its own, and an embed shows
    /// its bar, so that Play is there to press.
    pub fn hold_still(&mut self) {
        let doc = self.doc_mut();
        doc.autoplay = false;
        if let Some(e) = doc.embed.as_mut() {
            e.autoplay = false;
            e.bar = true;
        }
    }

    /// The cursor as a whole minute.
    pub fn minute(&self) -> Minute {
        self.time.floor() as Minute
    }
}

impl Document {
    /// The recording on screen: the branch's once it has one, else the scenario's.
    pub fn shown(&self) -> Option<Rc<Recording>> {
        self.branch
            .as_ref()
            .and_then(|b| b.run.as_ref().map(|r| Rc::clone(&r.0)))
            .or_else(|| self.run.recording().cloned())
    }

    /// The recording the shown one is compared with: the run a branch forked from, or for a
    /// what-if the day as it happened.
    pub fn compared(&self) -> Option<Rc<Recording>> {
        if let Some(branch) = self.branch.as_ref() {
            branch.run.as_ref()?;
            return self.run.recording().cloned();
        }
        self.day
            .as_ref()
            .filter(|d| {
                self.day_wanted()
                    .is_some_and(|want| want.seed == d.scenario.seed)
            })
            .map(|d| Rc::clone(d))
    }

    /// The scenario of the day as it happened that a what-if is compared with, when the
    /// scenario shown is not the day itself.
    pub fn day_wanted(&self) -> Option<Scenario> {
        let mut day = cascade_sim::presets::scenario("historical").ok()?;
        day.seed = self.scenario.seed;
        (day != self.scenario).then_some(day)
    }

    /// What the shown run is, when it is not the day as it happened: "this branch", "the
    /// what-if NAME", or "this scenario" (parameters changed by hand).
    pub fn what_if(&self) -> Option<String> {
        if self.branch.as_ref().is_some_and(|b| b.run.is_some()) {
            return Some("this branch".into());
        }
        let preset = cascade_sim::presets::scenario(&self.preset).ok();
        match preset {
            Some(p) if p == self.scenario && self.preset == "historical" => None,
            Some(p) if p == self.scenario => Some(format!("the what-if {}", self.preset)),
            _ => Some("this scenario".into()),
        }
    }

    /// The page's headline for the shown run, once there is one (until then the page keeps the
    /// day's, written into its HTML).
    pub fn headline(&self) -> Option<cascade_sim::facts::Headline> {
        self.shown()
            .map(|run| cascade_sim::facts::headline(&run, self.what_if().as_deref()))
    }

    /// The branch's changes, as the address writes them.
    pub fn branch_changes(&self) -> &[Change] {
        self.branch.as_ref().map_or(&[], |b| &b.changes)
    }

    /// The minutes the discovery hour spans in the shown run: from the start of the addition to
    /// a little after every server has learned of the new peers (or the addition's end).
    pub fn discovery_window(&self) -> Option<(Minute, Minute)> {
        use cascade_sim::Milestone;
        let run = self.shown()?;
        let from = run.milestones.get(Milestone::CapacityAddStarted)?;
        let done = run
            .milestones
            .get(Milestone::CapacityAddFinished)
            .unwrap_or(from);
        let all = cascade_sim::facts::every_server_past_limit(&run).unwrap_or(done);
        Some((from, done.max(all) + DISCOVERY_TAIL))
    }

    /// The share of the chosen speed playback goes at, at minute `t`.
    pub fn pace(&self, t: Minute) -> f64 {
        match self.discovery_window() {
            Some((a, b)) if (a..=b).contains(&t) => DISCOVERY_PACE,
            _ => 1.0,
        }
    }

    /// First minute of the run.
    pub fn start(&self) -> f64 {
        f64::from(self.scenario.time.start_min)
    }

    /// Last minute of the run.
    pub fn end(&self) -> f64 {
        f64::from(self.scenario.time.end_min - 1)
    }

    /// The first and last minute playback runs over: the range when looping, else the day.
    pub fn play_span(&self) -> (f64, f64) {
        match (self.embed, self.range) {
            (Some(e), Some((a, b))) if e.looping => (f64::from(a), f64::from(b)),
            // A chapter plays its part of the day.
            (None, Some((a, b))) if self.story.is_some() => (f64::from(a), f64::from(b)),
            _ => (self.start(), self.end()),
        }
    }

    /// The minutes of the event log, in order.
    pub fn event_times(&self) -> Vec<Minute> {
        self.run
            .recording()
            .map_or_else(Vec::new, |run| run.events.iter().map(|e| e.t).collect())
    }
}

/// The value of `key` in force in the branch at its last change, else the scenario's, as a user
/// would write it.
pub fn value_in_branch(key: &str, scenario: &Scenario, branch: Option<&Branch>) -> String {
    branch
        .and_then(|b| b.changes.iter().rev().find(|c| c.key == key))
        .map(|c| c.value.clone())
        .or_else(|| cascade_sim::params::find(key).map(|p| p.display(scenario)))
        .unwrap_or_default()
}

// Native tests (`cargo test -p kinesis-cascade`); the browser's are in the wasm32 build.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests;
