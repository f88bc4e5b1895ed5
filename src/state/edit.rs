//! What opens and edits the document: a link, a chapter, a preset, parameter changes, a branch.
//! Each writes the document through `doc_mut`, which makes a new one (so that a change of
//! settings is always a new `Rc`).

use std::rc::Rc;

use cascade_sim::branch::Change;
use cascade_sim::{presets, Scenario};

use super::{AppState, Branch, Document, Embed, ParamProblem, RunStatus, SPEED_MAX, SPEED_MIN};
use crate::draw::views::ViewSet;
use crate::state::links::LinkRequest;

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
        let mut link = crate::state::links::parse(&query);
        link.origin = origin;
        let mut state = Self {
            doc: Rc::new(Document {
                preset: String::new(),
                scenario: Scenario::default(),
                run: RunStatus::NotYet,
                selected_service: None,
                compute_ms: 0.0,
                link_problems: Vec::new(),
                link_origin: origin,
                generation: 0,
                computing: false,
                param_errors: Rc::default(),
                branch: None,
                views: ViewSet::PAGE,
                embed: None,
                range: None,
                autoplay: false,
                story: None,
                presenting: false,
                caption: None,
                operators: false,
                scheme: None,
                day: None,
                story_return: None,
                revision: 0,
            }),
            time: 0.0,
            playing: false,
            speed: 30.0,
        };
        state.open_link(link);
        state
    }

    /// The document, to change it: a new one if it is shared (so the old state keeps its own).
    pub(super) fn doc_mut(&mut self) -> &mut Document {
        Rc::make_mut(&mut self.doc)
    }

    /// Shows what a link asks for; its problems go to the banner.
    pub(super) fn open_link(&mut self, mut link: LinkRequest) {
        let (preset, scenario) = crate::state::links::scenario(&mut link);
        {
            let doc = self.doc_mut();
            doc.preset = preset;
            doc.branch = None;
            doc.param_errors = Rc::default();
        }
        self.load(scenario);
        let (start_min, end_min) = (self.scenario.time.start_min, self.scenario.time.end_min);
        let range = link
            .range
            .map(|(a, b)| (a.max(start_min), b.min(end_min - 1)))
            .filter(|(a, b)| a < b);
        self.doc_mut().range = range;
        self.doc_mut().scheme = link.scheme;
        // An embed, a range and a story open where they say; the full app at its opening moment.
        let opening =
            (link.embed.is_none() && link.story.is_none()).then_some(crate::state::links::OPENING);
        let start = link.time.or(range.map(|r| r.0)).or(opening);
        self.time = start.map_or(self.start(), |t| {
            f64::from(t).clamp(self.start(), self.end())
        });
        {
            let doc = self.doc_mut();
            doc.views = link.views.unwrap_or(ViewSet::PAGE);
            if let Some(views) = link.embed {
                doc.views = views;
                doc.embed = Some(Embed {
                    autoplay: link.autoplay,
                    looping: link.looping,
                    bar: link.bar.unwrap_or(!link.autoplay),
                });
                doc.caption = link.caption.clone();
            }
            doc.autoplay = link.autoplay;
            doc.operators = link.operators;
        }
        if let Some(speed) = link.speed {
            self.speed = speed.clamp(SPEED_MIN, SPEED_MAX);
        }
        let changes: Vec<Change> = std::mem::take(&mut link.branch);
        if !changes.is_empty() {
            match cascade_sim::branch::check(&self.scenario, &changes) {
                Ok(changes) => self.set_branch(changes),
                Err(e) => link.problems.push(format!("branch: {e}")),
            }
        }
        self.doc_mut().story = None;
        if let Some(k) = link.story {
            self.open_chapter(k);
            self.doc_mut().presenting = link.present;
        }
        let doc = self.doc_mut();
        doc.link_problems = link.problems;
        doc.link_origin = link.origin;
    }

    /// Shows chapter `k`: its time, range, views and highlight, paused.
    pub(super) fn open_chapter(&mut self, k: usize) {
        let Some(c) = crate::explain::story::CHAPTERS.get(k) else {
            return;
        };
        // The story tells the day as it happened: a what-if or a branch left on screen would
        // contradict its words. The chapter sits at AWS's minute until the day's run is there.
        let at = if self.what_if().is_some() {
            self.doc_mut().branch = None;
            self.doc_mut().param_errors = Rc::default();
            self.load_preset("historical");
            c.time
        } else {
            c.minute(self.run.recording().map(|r| &**r))
        };
        self.time = f64::from(at).clamp(self.start(), self.end());
        self.playing = false;
        let doc = self.doc_mut();
        doc.story = Some(k);
        doc.story_return = None;
        doc.range = Some(c.range);
        doc.views = c.view_set();
        doc.selected_service = c.highlight;
        doc.operators = c.operators;
    }

    /// Replaces the branch's changes and asks for its recording (keeping the last one on
    /// screen meanwhile).
    pub(super) fn set_branch(&mut self, changes: Vec<Change>) {
        let doc = self.doc_mut();
        let previous = doc.branch.take();
        doc.branch = Some(Branch {
            changes,
            run: previous.as_ref().and_then(|b| b.run.clone()),
            generation: previous.map_or(1, |b| b.generation + 1),
            computing: true,
            error: None,
        });
    }

    /// Applies `sets` to the scenario (all or none); returns the first refusal.
    pub(super) fn apply(&mut self, sets: &[(String, String)]) -> Result<(), ParamProblem> {
        let mut edited = self.scenario.clone();
        for (key, value) in sets {
            cascade_sim::params::set(&mut edited, key, value)
                .and_then(|()| cascade_sim::validate::validate(&edited))
                .map_err(|e| ParamProblem {
                    key: key.clone(),
                    value: value.clone(),
                    message: e.to_string(),
                })?;
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

    /// Shows the preset `name`, or says it does not exist.
    pub(super) fn load_preset(&mut self, name: &str) {
        match presets::scenario(name) {
            Ok(scenario) => {
                self.doc_mut().preset = name.to_string();
                self.load(scenario);
            }
            Err(e) => self.doc_mut().run = RunStatus::Failed(format!("Unknown scenario: {e}")),
        }
    }

    /// Asks for the recording of `scenario`; `hooks::compute` makes it in slices, so the page
    /// stays responsive, and sends `Action::Computed`. The previous recording stays on screen
    /// meanwhile.
    pub(super) fn load(&mut self, scenario: Scenario) {
        {
            let doc = self.doc_mut();
            doc.scenario = scenario;
            doc.generation += 1;
            doc.computing = true;
        }
        self.time = self.time.clamp(self.start(), self.end());
    }
}
