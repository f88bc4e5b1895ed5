//! The one wire format between the page and its worker (`bin/worker.rs`): which request a
//! message is, and what the worker answers, as text. What a request carries is written and read
//! by the module of its job (`cascade_sim::jobs`, `cascade_sim::sweep`,
//! `cascade_sim::sensitivity::output`, `svg`, `gif`); how it travels is here alone, for both
//! ends.
//!
//! The worker says `ready` once it listens; the page then sends one request. A job answers once
//! (`ok` and its text on the next lines, or an error), a batch one line per answer (a sweep's
//! point, a run of the analysis), a GIF its progress after each frame and its bytes at the end
//! (bytes travel as bytes, not as text).

/// What the page asks the worker, told by the request's first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// A JSON export or reading a scenario file (`cascade_sim::jobs`).
    Job,
    /// An SVG export (`svg`).
    Svg,
    /// Runs of the sensitivity analysis (`cascade_sim::sensitivity::output`).
    Sensitivity,
    /// A GIF's header; its frames follow as bytes (`gif`).
    Gif,
    /// Points of a sweep (`cascade_sim::sweep`): any other request.
    Sweep,
}

impl Request {
    /// Which request `text` is.
    pub fn of(text: &str) -> Self {
        if text.starts_with(cascade_sim::jobs::PREFIX) {
            Self::Job
        } else if text.starts_with(super::svg::PREFIX) {
            Self::Svg
        } else if text.starts_with(cascade_sim::sensitivity::output::PREFIX) {
            Self::Sensitivity
        } else if text.starts_with(super::gif::PREFIX) {
            Self::Gif
        } else {
            Self::Sweep
        }
    }
}

/// What the worker says, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// It listens: the page may send its request.
    Ready,
    /// A job's text: an export, or a file read.
    Text(String),
    /// One answer of a batch.
    Line(String),
    /// Frames of a GIF encoded so far.
    Progress(u32),
    /// Why the request failed (one line).
    Error(String),
}

const READY: &str = "ready";
const OK: &str = "ok\n";
const ERROR: &str = "error ";
const PROGRESS: &str = "progress ";

impl Answer {
    /// The answer as the worker sends it.
    pub fn to_text(&self) -> String {
        match self {
            Self::Ready => READY.to_string(),
            Self::Text(body) => format!("{OK}{body}"),
            Self::Line(line) => line.clone(),
            Self::Progress(k) => format!("{PROGRESS}{k}"),
            // A problem is one line, so that it cannot pass for anything else.
            Self::Error(problem) => format!("{ERROR}{}", problem.replace('\n', " ")),
        }
    }

    /// The answer `text` the page received. A batch's lines are numbers, so nothing else is
    /// taken for one.
    pub fn parse(text: &str) -> Self {
        if text == READY {
            Self::Ready
        } else if let Some(body) = text.strip_prefix(OK) {
            Self::Text(body.to_string())
        } else if let Some(problem) = text.strip_prefix(ERROR) {
            Self::Error(problem.to_string())
        } else if let Some(k) = text.strip_prefix(PROGRESS).and_then(|k| k.parse().ok()) {
            Self::Progress(k)
        } else {
            Self::Line(text.to_string())
        }
    }

    /// A job's outcome as an answer.
    pub fn of_job(outcome: Result<String, String>) -> Self {
        outcome.map_or_else(Self::Error, Self::Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cascade_sim::Scenario;

    #[test]
    fn every_request_is_told_by_its_first_word() {
        let s = Scenario::default();
        let job = cascade_sim::jobs::request(&cascade_sim::jobs::Job::ScenarioFile(s.clone()));
        assert_eq!(Request::of(&job), Request::Job);
        let svg = super::super::svg::request(&super::super::svg::SvgJob::Sweep {
            key: "fleet.servers".into(),
            current: 1.0,
            points: Vec::new(),
        });
        assert_eq!(Request::of(&svg), Request::Svg);
        let runs = cascade_sim::sensitivity::output::request(&s, 2, 0, 3);
        assert_eq!(Request::of(&runs), Request::Sensitivity);
        let sweep = cascade_sim::sweep::request(&s, "fleet.servers", &[1.0, 2.0]);
        assert_eq!(Request::of(&sweep), Request::Sweep);
        let gif = super::super::gif::Header {
            frames: 2,
            width: 4,
            height: 4,
            delay_cs: 10,
        };
        assert_eq!(Request::of(&gif.line()), Request::Gif);
    }

    #[test]
    fn every_answer_reads_back_as_itself() {
        let point = cascade_sim::sweep::answer_line(&cascade_sim::sweep::Point {
            x: 3700.0,
            outage_min: 600,
            crossed: true,
            before_addition: false,
        });
        for a in [
            Answer::Ready,
            Answer::Text("{\"a\": 1}\nsecond line".into()),
            Answer::Text(String::new()),
            Answer::Line(point),
            Answer::Progress(7),
            Answer::Error("no such parameter".into()),
        ] {
            assert_eq!(Answer::parse(&a.to_text()), a);
        }
        // A problem of several lines travels as one.
        let e = Answer::Error("first\nsecond".into()).to_text();
        assert_eq!(Answer::parse(&e), Answer::Error("first second".into()));
    }
}
