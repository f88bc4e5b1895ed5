//! The guided story for workshops: chapters that walk through the day, each setting the time,
//! the views and what is highlighted, with narration written for this project from AWS's summary
//! (<https://aws.amazon.com/message/11201/>), and four predict-then-reveal checkpoints whose
//! answers come from the model, not from this text.
//!
//! Every figure in a chapter is a token filled from the run or from AWS's timeline
//! (`words.rs`); each chapter opens at a moment of its run (`Anchor`) and its claim is a
//! predicate on the run at that moment (`claims.rs`), checked natively over many seeds.

use cascade_sim::clock::Minute;
use cascade_sim::{Milestone, Recording};

use crate::draw::views::{View, ViewSet};

pub mod answers;
mod chapters;
#[cfg(not(target_arch = "wasm32"))]
pub mod claims;
pub mod words;

pub use chapters::CHAPTERS;

/// The moment of its run a chapter opens at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Anchor {
    /// The chapter's own minute (`Chapter::time`), for a chapter about the day as a whole.
    Fixed,
    /// A milestone of the run.
    Milestone(Milestone),
    /// The first minute every server in the fleet is past the thread limit.
    EveryServerPastLimit,
    /// The minute a service first fails (`cascade_sim::facts`).
    ServiceFails(&'static str),
}

/// Whether a chapter's claim holds in a run at a minute, or why not.
#[cfg(not(target_arch = "wasm32"))]
pub type Claim = fn(&Recording, Minute) -> Result<(), String>;

/// The chapters about the day as a whole rather than a moment of it: AWS's remediations and the
/// model's assumptions. They claim nothing of the run and are not steps of the day.
pub const NOT_A_MOMENT: [&str; 2] = ["remediations", "certainty"];

/// A question the learner answers before seeing the model's answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Checkpoint {
    /// Name under which the learner's guess is kept.
    pub id: &'static str,
    /// The question.
    pub question: &'static str,
    /// The choices.
    pub choices: &'static [&'static str],
    /// Which choice the model and AWS's summary support.
    pub answer: usize,
    /// The minute the question asks about, if not the chapter's (`{now}` in its words).
    pub at: Option<Minute>,
    /// Why, in a sentence (the model's figures are added by the page).
    pub why: &'static str,
}

/// One chapter of the story.
#[derive(Debug, Clone, Copy)]
pub struct Chapter {
    /// Name in deep links (`?story=alarm`).
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// The chapter's point in 15 words or fewer: all the presenter view puts on the screen.
    pub claim: &'static str,
    /// The minute the chapter is marked at on the scrubber, and opens at before its run is
    /// there (AWS's time of the moment).
    pub time: Minute,
    /// The moment of the run the chapter opens at.
    pub anchor: Anchor,
    /// Its claim as a predicate on the run at that moment; `None` for a chapter that claims
    /// nothing of the run (AWS's remediations, the model's assumptions). Checked natively over
    /// twenty seeds; the page always tells the story on the day itself (opening a chapter loads
    /// it), so the predicates are not in its download.
    #[cfg(not(target_arch = "wasm32"))]
    pub holds: Option<Claim>,
    /// The part of the day "Play this part" plays.
    pub range: (Minute, Minute),
    /// The views shown.
    pub views: &'static [View],
    /// The service highlighted (its detail opened), if any.
    pub highlight: Option<&'static str>,
    /// The narration.
    pub text: &'static [&'static str],
    /// Where the facts come from.
    pub source: &'static str,
    /// Whether the chapter shows what the operators saw instead of the truth.
    pub operators: bool,
    /// A question to answer before reading on.
    pub checkpoint: Option<Checkpoint>,
}

impl Chapter {
    /// The chapter's views as a set.
    pub fn view_set(&self) -> ViewSet {
        let none = VIEWS_NONE;
        self.views.iter().fold(none, |set, v| set.with(*v, true))
    }

    /// The minute the chapter opens at in `run` (its own minute when the run does not reach
    /// the moment, or before there is a run).
    pub fn minute(&self, run: Option<&Recording>) -> Minute {
        run.and_then(|run| self.reached(run)).unwrap_or(self.time)
    }

    /// The minute of `run` the chapter's moment comes, if the run reaches it.
    pub fn reached(&self, run: &Recording) -> Option<Minute> {
        match self.anchor {
            Anchor::Fixed => Some(self.time),
            Anchor::Milestone(m) => run.milestones.get(m),
            Anchor::EveryServerPastLimit => cascade_sim::facts::every_server_past_limit(run),
            Anchor::ServiceFails(id) => cascade_sim::facts::service_fails(run, id),
        }
    }
}

const VIEWS_NONE: ViewSet = ViewSet::NONE;

/// The chapter with this id.
pub fn find(id: &str) -> Option<usize> {
    CHAPTERS.iter().position(|c| c.id == id)
}

/// The chapters marked on the scrubber's axis, in the order of the day, with the short name
/// written there. The times are the chapters' own: one source for both.
const AXIS: &[(&str, &str)] = &[
    ("addition", "Capacity added"),
    ("limit", "Past the limit"),
    ("alarm", "First alarm"),
    ("diagnosis", "Diagnosis"),
    ("removal", "Capacity removed"),
    ("restart", "Restart"),
    ("recovery", "Recovery"),
];

/// A chapter as the scrubber marks it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AxisMark {
    /// The chapter's minute.
    pub time: Minute,
    /// The name on the axis.
    pub short: &'static str,
    /// The chapter's full title.
    pub title: &'static str,
}

/// The chapters marked on the scrubber, in time order, each at its moment of `run` (AWS's minute
/// before there is a run); a moment the run does not reach is not marked.
pub fn axis(run: Option<&Recording>) -> Vec<AxisMark> {
    let mut marks: Vec<AxisMark> = AXIS
        .iter()
        .filter_map(|(id, short)| {
            let c = CHAPTERS[find(id)?];
            let time = match run {
                Some(run) => c.reached(run)?,
                None => c.time,
            };
            Some(AxisMark {
                time,
                short,
                title: c.title,
            })
        })
        .collect();
    in_time_order(&mut marks);
    marks
}

/// Sorts marks by their minute (one sort for both lists: each sort is code in the download).
fn in_time_order(marks: &mut [AxisMark]) {
    marks.sort_by_key(|m| m.time);
}

/// The chapters about a moment of the day (all but the remediations and the assumptions), at
/// their moments of `run`, in time order: what the chapter stepper steps through, the opening
/// chapters included.
pub fn steps(run: Option<&Recording>) -> Vec<AxisMark> {
    let mut marks: Vec<AxisMark> = CHAPTERS
        .iter()
        .filter(|c| !NOT_A_MOMENT.contains(&c.id))
        .map(|c| AxisMark {
            time: c.minute(run),
            short: c.title,
            title: c.title,
        })
        .collect();
    in_time_order(&mut marks);
    marks.dedup_by_key(|m| m.time);
    marks
}

/// The title of the part of the day `t` is in: the last chapter at or before it, or the
/// opening chapter before the first.
pub fn part_of_day(t: Minute, run: Option<&Recording>) -> &'static str {
    steps(run)
        .iter()
        .rev()
        .find(|m| m.time <= t)
        .map_or(CHAPTERS[0].title, |m| m.title)
}

/// The chapter's minute before (`dir < 0`) or after `t`, if any.
pub fn neighbour(t: Minute, dir: i32, run: Option<&Recording>) -> Option<Minute> {
    let marks = steps(run);
    if dir < 0 {
        marks.iter().rev().map(|m| m.time).find(|m| *m < t)
    } else {
        marks.iter().map(|m| m.time).find(|m| *m > t)
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests;

#[cfg(test)]
mod axis_tests {
    use super::*;

    #[test]
    fn every_claim_is_fifteen_words_or_fewer() {
        for c in CHAPTERS {
            let words = c.claim.split_whitespace().count();
            assert!((3..=15).contains(&words), "{}: {words} words", c.id);
        }
    }

    #[test]
    fn every_marked_chapter_exists_and_the_marks_run_in_time_order() {
        let marks = axis(None);
        assert_eq!(marks.len(), AXIS.len(), "an axis id names no chapter");
        assert!(marks.windows(2).all(|w| w[0].time < w[1].time));
    }

    #[test]
    fn the_stepper_reaches_the_opening_chapters() {
        let marks = steps(None);
        let opening = crate::state::links::OPENING;
        assert!(
            marks.iter().any(|m| m.time == opening),
            "the page opens on a chapter"
        );
        assert_eq!(part_of_day(opening, None), "An hour of discovery");
        assert!(marks.iter().any(|m| m.title == CHAPTERS[0].title));
    }

    #[test]
    fn the_part_of_the_day_and_the_neighbours_follow_the_marks() {
        let marks = steps(None);
        assert_eq!(
            part_of_day(cascade_sim::clock::at(0, 0), None),
            CHAPTERS[0].title
        );
        assert_eq!(part_of_day(marks[1].time, None), marks[1].title);
        assert_eq!(part_of_day(marks[1].time + 1, None), marks[1].title);
        assert_eq!(neighbour(marks[1].time, 1, None), Some(marks[2].time));
        assert_eq!(neighbour(marks[1].time, -1, None), Some(marks[0].time));
        assert_eq!(neighbour(marks[0].time, -1, None), None);
        assert_eq!(neighbour(marks[marks.len() - 1].time, 1, None), None);
    }
}
