//! Every user intent, as one variant of `Action`.

use std::rc::Rc;

use cascade_sim::{Recording, Scenario};

use super::Target;
use crate::draw::views::ViewSet;
use crate::state::links::LinkRequest;

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
    /// Jump to the chapter marked on the scrubber before (negative) or after the cursor.
    SeekChapter(i32),
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
    /// A what-if tried from a chapter can come back to it (`BackToStory`).
    LeaveStory(Option<&'static str>),
    /// Back to the chapter a what-if was tried from, on the day as it happened.
    BackToStory,
    /// Show what the operators saw (true) or the truth.
    SetOperators(bool),
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
