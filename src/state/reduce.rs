//! The one reducer: the state after an action. A frame (`Advance`) and the other moves of the
//! cursor touch only the cursor, playing and the speed; the document is rebuilt only when an
//! action changes it.

use std::rc::Rc;

use cascade_sim::branch::Change;
use cascade_sim::presets;

use super::{Action, AppState, Branch, ById, RunStatus, Target, SPEED_MAX, SPEED_MIN};
use crate::draw::views::ViewSet;

impl AppState {
    /// The state after `action` (Yew's `Reducible` calls it, see `store.rs`): a new `Rc` on
    /// every change, the same one when nothing changed (a frame while paused, a stale run).
    pub fn act(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let changed = match action {
            Action::TogglePlay => {
                return self.act(if next.playing {
                    Action::Pause
                } else {
                    Action::Play
                })
            }
            Action::SetParam { key, value } => {
                return self.act(Action::SetParams(vec![(key, value)]));
            }
            a @ (Action::Play
            | Action::Pause
            | Action::Seek(_)
            | Action::Step(_)
            | Action::SetSpeed(_)
            | Action::Advance(_)
            | Action::PrevEvent
            | Action::NextEvent
            | Action::SeekChapter(_)
            | Action::Restart) => next.move_cursor(a),
            a @ (Action::Chapter(_)
            | Action::StoryPrev
            | Action::StoryNext
            | Action::BackToStory
            | Action::LeaveStory(_)
            | Action::SetOperators(_)
            | Action::TogglePresenting) => {
                next.tell(a);
                true
            }
            Action::Computed {
                target,
                generation,
                run,
                ms,
            } => next.computed(target, generation, run, ms),
            a => {
                next.edit(a);
                true
            }
        };
        if !changed {
            return self;
        }
        if !Rc::ptr_eq(&next.doc, &self.doc) {
            next.doc_mut().revision = self.revision.wrapping_add(1);
        }
        Rc::new(next)
    }

    /// Playback and the cursor: whether anything changed.
    fn move_cursor(&mut self, action: Action) -> bool {
        let next = self;
        match action {
            Action::Play => {
                let (from, to) = next.play_span();
                if next.time >= to || next.time < from {
                    next.time = from;
                }
                next.playing = true;
            }
            Action::Pause => next.playing = false,
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
                    return false;
                }
                // A long gap (a hidden tab) does not jump the replay ahead.
                next.time += seconds.clamp(0.0, 0.25) * next.speed * next.pace(next.minute());
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
            Action::SeekChapter(dir) => {
                if let Some(t) = crate::explain::story::neighbour(
                    next.minute(),
                    dir,
                    next.run.recording().map(|r| &**r),
                ) {
                    next.time = f64::from(t);
                }
                next.playing = false;
            }
            Action::Restart => {
                next.time = next.start();
                next.playing = false;
            }
            _ => {}
        }
        true
    }

    /// The story and how the page is shown: chapters, the presenter view, the operators' view.
    fn tell(&mut self, action: Action) {
        let next = self;
        match action {
            Action::Chapter(k) => {
                next.open_chapter(k.min(crate::explain::story::CHAPTERS.len() - 1))
            }
            Action::StoryPrev => {
                let k = next.story.unwrap_or(0).saturating_sub(1);
                next.open_chapter(k);
            }
            Action::StoryNext => {
                let k = next.story.map_or(0, |k| {
                    (k + 1).min(crate::explain::story::CHAPTERS.len() - 1)
                });
                next.open_chapter(k);
            }
            Action::BackToStory => {
                if let Some(k) = next.story_return {
                    next.open_chapter(k);
                }
            }
            Action::LeaveStory(preset) => {
                {
                    let doc = next.doc_mut();
                    doc.story_return = doc.story.filter(|_| preset.is_some());
                    doc.story = None;
                    doc.presenting = false;
                    // Out of the story, the truth: a chapter may have shown the operators' view.
                    doc.operators = false;
                    doc.range = None;
                    doc.views = ViewSet::PAGE;
                }
                if let Some(name) = preset {
                    next.load_preset(name);
                    let doc = next.doc_mut();
                    doc.branch = None;
                    doc.param_errors = Rc::default();
                }
            }
            Action::SetOperators(on) => next.doc_mut().operators = on,
            Action::TogglePresenting => {
                let on = !next.presenting && next.story.is_some();
                next.doc_mut().presenting = on;
            }
            _ => {}
        }
    }

    /// The document: the scenario, its parameters, the branch, the views, a link or a file.
    fn edit(&mut self, action: Action) {
        let next = self;
        match action {
            Action::SelectPreset(name) => {
                next.load_preset(&name);
                let doc = next.doc_mut();
                doc.param_errors = Rc::default();
                doc.branch = None;
            }
            Action::SelectService(id) => next.doc_mut().selected_service = id,
            Action::SetParams(sets) => {
                let mut errors: Vec<_> = next
                    .param_errors
                    .iter()
                    .filter(|p| !sets.iter().any(|(key, _)| *key == p.key))
                    .cloned()
                    .collect();
                if let Err(refused) = next.apply(&sets) {
                    errors.push(refused);
                }
                next.doc_mut().param_errors = Rc::new(errors);
            }
            Action::ResetScenario => {
                let preset = next.preset.clone();
                next.load_preset(&preset);
                let doc = next.doc_mut();
                doc.param_errors = Rc::default();
                doc.branch = None;
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
                        next.doc_mut().branch = Some(branch);
                    }
                }
            }
            Action::DropBranch => next.doc_mut().branch = None,
            Action::SetViews(views) => next.doc_mut().views = views,
            Action::OpenLink(link) => next.open_link(link),
            Action::LoadScenario(scenario) => {
                let preset = presets::PRESETS
                    .iter()
                    .find(|p| p.scenario().is_ok_and(|s| s == *scenario))
                    .map_or("historical", |p| p.name)
                    .to_string();
                let doc = next.doc_mut();
                doc.preset = preset;
                doc.branch = None;
                doc.param_errors = Rc::default();
                next.load(*scenario);
            }
            _ => {}
        }
    }

    /// A run of the model came in: whether it is still wanted (a stale generation is not).
    fn computed(
        &mut self,
        target: Target,
        generation: u64,
        run: Result<Rc<cascade_sim::Recording>, String>,
        ms: f64,
    ) -> bool {
        let next = self;
        match target {
            Target::Base => {
                if generation != next.generation {
                    return false;
                }
                let doc = next.doc_mut();
                doc.run = match run {
                    Ok(run) => RunStatus::Ready(ById(run)),
                    Err(e) => RunStatus::Failed(e),
                };
                doc.computing = false;
                doc.compute_ms = ms;
                // A chapter opened before its run was there sat at AWS's minute; it opens at its
                // moment of the run (the claim beside it holds there).
                let seat = match (
                    doc.story
                        .and_then(|k| crate::explain::story::CHAPTERS.get(k)),
                    doc.run.recording(),
                ) {
                    (Some(c), Some(run)) => Some((c.time, c.minute(Some(run)))),
                    _ => None,
                };
                let start = std::mem::take(&mut doc.autoplay) && doc.run.recording().is_some();
                if let Some((fallback, moment)) = seat {
                    if next.time == f64::from(fallback) {
                        next.time = f64::from(moment);
                    }
                }
                if start {
                    next.playing = true;
                }
            }
            Target::Day => {
                // Kept whichever scenario is shown: the day does not change with a what-if, and
                // `compared` shows it only while its seed is the scenario's.
                if let Ok(run) = run {
                    next.doc_mut().day = Some(super::ById(run));
                }
            }
            Target::Branch => {
                if next
                    .branch
                    .as_ref()
                    .is_none_or(|b| b.generation != generation)
                {
                    return false;
                }
                let doc = next.doc_mut();
                if let Some(branch) = doc.branch.as_mut() {
                    branch.computing = false;
                    match run {
                        Ok(run) => branch.run = Some(ById(run)),
                        Err(e) => branch.error = Some(e),
                    }
                }
            }
        }
        true
    }
}
