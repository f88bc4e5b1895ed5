//! The app state: one reducer, and every user intent as one `Action`.
//!
//! The run is data: choosing a preset recomputes the whole recording; playing, pausing and
//! scrubbing only move the time cursor over it.

use std::rc::Rc;

use cascade_sim::clock::Minute;
use cascade_sim::{presets, Recording, Scenario};
use yew::prelude::*;

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
    /// Number of the scenario being computed or shown; a result of an older one is dropped.
    pub generation: u64,
    /// Whether the recording of `scenario` is still being computed.
    pub computing: bool,
    /// Values typed into the scenario panel that were refused: key, value as typed, message.
    pub param_errors: Rc<Vec<(String, String, String)>>,
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
    /// Back to the chosen preset's values.
    ResetScenario,
    /// The recording of scenario number `generation` is ready (or could not be made).
    Computed {
        /// Which scenario it is for.
        generation: u64,
        /// The recording, or why there is none.
        run: Result<Rc<Recording>, String>,
        /// Time spent computing it (milliseconds).
        ms: f64,
    },
}

impl AppState {
    /// The state the page opens with: what the address asks for, else the historical run at
    /// 00:00.
    pub fn initial() -> Self {
        let mut link = crate::url::parse(&crate::url::current_query());
        let (preset, scenario) = crate::url::scenario(&mut link);
        let mut state = Self {
            preset,
            scenario: Scenario::default(),
            run: Err(String::new()),
            time: 0.0,
            playing: false,
            speed: 30.0,
            selected_service: None,
            compute_ms: 0.0,
            link_problems: link.problems,
            generation: 0,
            computing: false,
            param_errors: Rc::default(),
        };
        state.load(scenario);
        if let Some(t) = link.time {
            state.time = f64::from(t).clamp(state.start(), state.end());
        }
        state
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

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        let same_run = match (&self.run, &other.run) {
            (Ok(a), Ok(b)) => Rc::ptr_eq(a, b),
            (Err(a), Err(b)) => a == b,
            _ => false,
        };
        same_run
            && self.preset == other.preset
            && self.time == other.time
            && self.playing == other.playing
            && self.speed == other.speed
            && self.selected_service == other.selected_service
            && self.generation == other.generation
            && self.param_errors == other.param_errors
            && self.computing == other.computing
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SelectPreset(name) => {
                next.load_preset(&name);
                next.param_errors = Rc::default();
            }
            Action::Play => {
                if next.time >= next.end() {
                    next.time = next.start();
                }
                next.playing = true;
            }
            Action::Pause => next.playing = false,
            Action::TogglePlay => {
                return self.reduce(if next.playing {
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
                if next.time >= next.end() {
                    next.time = next.end();
                    next.playing = false;
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
                let mut edited = next.scenario.clone();
                let checked = cascade_sim::params::set(&mut edited, &key, &value)
                    .and_then(|()| cascade_sim::validate::validate(&edited));
                let mut errors: Vec<(String, String, String)> = next
                    .param_errors
                    .iter()
                    .filter(|(k, _, _)| *k != key)
                    .cloned()
                    .collect();
                match checked {
                    Ok(()) if edited != next.scenario => next.load(edited),
                    Ok(()) => {}
                    Err(e) => errors.push((key, value, e.to_string())),
                }
                next.param_errors = Rc::new(errors);
            }
            Action::ResetScenario => {
                let preset = next.preset.clone();
                next.load_preset(&preset);
                next.param_errors = Rc::default();
            }
            Action::Computed {
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
            }
        }
        Rc::new(next)
    }
}

/// The store as components see it, through a context.
#[derive(Clone, PartialEq)]
pub struct Store(pub UseReducerHandle<AppState>);

impl Store {
    /// Sends an action.
    pub fn send(&self, action: Action) {
        self.0.dispatch(action);
    }

    /// The current recording, if the scenario ran.
    pub fn run(&self) -> Option<Rc<Recording>> {
        self.0.run.as_ref().ok().cloned()
    }

    /// Why there is no recording, if there is none.
    pub fn error(&self) -> Option<String> {
        self.0.run.as_ref().err().filter(|e| !e.is_empty()).cloned()
    }
}

impl std::ops::Deref for Store {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.0
    }
}

/// The store, from any component under the app.
#[hook]
pub fn use_store() -> Option<Store> {
    use_context::<Store>()
}
