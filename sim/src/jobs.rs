//! Jobs for the page's worker: the exports that need JSON (the run as JSON, the scenario file) and
//! reading a scenario file back. They run in the worker, loaded only when asked for, so that the
//! page's own code carries no JSON reader or writer. Requests and answers are plain text: the
//! scenario travels as `key=value` lines of its parameters, as in a sweep request.

use crate::branch::{self, Change};
use crate::clock;
use crate::params::{self, ParamError};
use crate::scenario::Scenario;

/// What the worker is asked to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// The run of the scenario with the branch's changes, as JSON (as `cascade-sim run --format
    /// json` writes it).
    RunJson {
        /// The scenario the run starts from.
        scenario: Scenario,
        /// The branch's changes (none for the scenario itself).
        changes: Vec<Change>,
    },
    /// The scenario file (as `cascade-sim scenario` writes it).
    ScenarioFile(Scenario),
    /// Read a scenario file; the answer is the scenario's `key=value` lines.
    ReadScenario(String),
    /// The spread of the scenario's run over this many seeds
    /// (`sensitivity::band::to_text`).
    SeedBand(Scenario, u32),
}

/// First word of every job request; a sweep request starts with a parameter's key instead.
pub const PREFIX: &str = "job ";

/// The scenario as `key=value` lines, one per parameter: every parameter written as a user would
/// type it, so that `read_lines` gives the same scenario back.
pub fn scenario_lines(s: &Scenario) -> String {
    params::PARAMS
        .iter()
        .map(|p| format!("{}={}\n", p.key, p.display(s)))
        .collect()
}

/// Reads `key=value` lines (empty lines skipped) onto the default scenario.
pub fn read_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Result<Scenario, ParamError> {
    let mut s = Scenario::default();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let (k, v) = line.split_once('=').ok_or_else(|| bad(line))?;
        params::set(&mut s, k, v)?;
    }
    Ok(s)
}

fn bad(what: &str) -> ParamError {
    ParamError {
        field: "worker job".into(),
        value: crate::quote::quote(what),
        allowed: "`job KIND`, then `change HH:MM key=value` lines, then key=value lines".into(),
    }
}

/// The request text for a job.
pub fn request(job: &Job) -> String {
    match job {
        Job::RunJson { scenario, changes } => {
            format!("{PREFIX}run-json\n{}", run_lines(scenario, changes))
        }
        Job::ScenarioFile(s) => format!("{PREFIX}scenario-file\n{}", scenario_lines(s)),
        Job::ReadScenario(file) => format!("{PREFIX}read-scenario\n{file}"),
        Job::SeedBand(s, seeds) => format!("{PREFIX}seed-band {seeds}\n{}", scenario_lines(s)),
    }
}

/// A run as lines: one `change HH:MM key=value` line per change of its branch, then the
/// scenario's `key=value` lines. Every job that runs the model (here and the page's own) sends
/// its run this way.
pub fn run_lines(scenario: &Scenario, changes: &[Change]) -> String {
    let mut text = String::new();
    for c in changes {
        text.push_str(&format!(
            "change {} {}={}\n",
            clock::format(c.at),
            c.key,
            c.value
        ));
    }
    text + &scenario_lines(scenario)
}

/// Reads what `run_lines` wrote: the scenario and the branch's changes.
pub fn read_run(text: &str) -> Result<(Scenario, Vec<Change>), ParamError> {
    let mut changes = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next_if(|l| l.starts_with("change ")) {
        let (at, kv) = line["change ".len()..]
            .split_once(' ')
            .ok_or_else(|| bad(line))?;
        let (key, value) = kv.split_once('=').ok_or_else(|| bad(line))?;
        let at = clock::parse(at).ok_or_else(|| bad(line))?;
        changes.push(Change {
            at,
            key: key.to_string(),
            value: value.to_string(),
        });
    }
    Ok((read_lines(lines)?, changes))
}

/// A request's first line (to quote in a message), its words after `prefix`, and the lines
/// after it; or the first line alone when it does not start with `prefix`.
pub fn split_request<'a>(
    text: &'a str,
    prefix: &str,
) -> Result<(&'a str, Vec<&'a str>, &'a str), &'a str> {
    let (head, rest) = text.split_once('\n').unwrap_or((text, ""));
    let words = head.strip_prefix(prefix).ok_or(head)?.split(' ').collect();
    Ok((head, words, rest))
}

/// Reads a request text back into its job.
pub fn parse(text: &str) -> Result<Job, ParamError> {
    let (head, rest) = text.split_once('\n').unwrap_or((text, ""));
    let kind = head.strip_prefix(PREFIX).ok_or_else(|| bad(head))?;
    match kind {
        "read-scenario" => Ok(Job::ReadScenario(rest.to_string())),
        seeds if seeds.starts_with("seed-band ") => {
            let n = seeds["seed-band ".len()..]
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=1000).contains(n))
                .ok_or_else(|| bad(head))?;
            Ok(Job::SeedBand(read_lines(rest.lines())?, n))
        }
        "scenario-file" => Ok(Job::ScenarioFile(read_lines(rest.lines())?)),
        "run-json" => {
            let (scenario, changes) = read_run(rest)?;
            Ok(Job::RunJson { scenario, changes })
        }
        other => Err(bad(other)),
    }
}

/// Does a job: the text to hand back (JSON, or for `ReadScenario` the scenario's lines), or a
/// message naming the problem.
pub fn answer(text: &str) -> Result<String, String> {
    match parse(text).map_err(|e| e.to_string())? {
        Job::RunJson { scenario, changes } => {
            let run = branch::run(&scenario, &changes).map_err(|e| e.to_string())?;
            crate::facts::recording_json(&run).map_err(|e| e.to_string())
        }
        Job::ScenarioFile(s) => Ok(crate::validate::to_json(&s)),
        Job::ReadScenario(file) => crate::validate::from_json(&file)
            .map(|s| scenario_lines(&s))
            .map_err(|e| e.to_string()),
        Job::SeedBand(s, seeds) => crate::sensitivity::band::band(&s, seeds)
            .map(|b| crate::sensitivity::band::to_text(&b))
            .map_err(|e| e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::PRESETS;

    /// Every preset's scenario survives the trip through its lines unchanged, so that what the
    /// worker reads is exactly what the page holds.
    #[test]
    fn scenario_lines_round_trip_for_every_preset() {
        for p in PRESETS {
            let s = p.scenario().expect("preset");
            let back = read_lines(scenario_lines(&s).lines()).expect("lines read back");
            assert_eq!(back, s, "{}", p.name);
        }
    }

    #[test]
    fn requests_read_back_as_the_same_job() {
        let scenario = crate::presets::scenario("restart-too-fast").expect("preset");
        let changes = vec![Change {
            at: 9 * 60,
            key: "restart.per_hour".into(),
            value: "870".into(),
        }];
        for job in [
            Job::RunJson {
                scenario: scenario.clone(),
                changes,
            },
            Job::ScenarioFile(scenario.clone()),
            Job::ReadScenario("{\"a\": 1}\nsecond line".into()),
            Job::SeedBand(scenario, 20),
        ] {
            assert_eq!(parse(&request(&job)).ok(), Some(job));
        }
    }

    /// The worker's JSON is the run's JSON, branch included.
    #[test]
    fn run_json_is_the_branchs_run() {
        let scenario = Scenario::default();
        let changes = vec![Change {
            at: 9 * 60,
            key: "restart.per_hour".into(),
            value: "870".into(),
        }];
        let job = Job::RunJson {
            scenario: scenario.clone(),
            changes: changes.clone(),
        };
        let text = answer(&request(&job)).expect("answer");
        let run = branch::run(&scenario, &changes).expect("run");
        assert_eq!(text, crate::facts::recording_json(&run).expect("json"));
        let plain = crate::sim::run(&scenario).expect("run");
        assert_ne!(text, crate::facts::recording_json(&plain).expect("json"));
    }

    /// A scenario file written by the worker reads back to the same scenario; a broken one is
    /// refused with a message naming the field and what it allows.
    #[test]
    fn scenario_files_round_trip_and_bad_ones_name_the_problem() {
        let s = crate::presets::scenario("larger-hosts").expect("preset");
        let file = answer(&request(&Job::ScenarioFile(s.clone()))).expect("file");
        let lines = answer(&request(&Job::ReadScenario(file))).expect("read");
        assert_eq!(read_lines(lines.lines()).ok(), Some(s));
        let broken = file_with_threads_limit("\"many\"");
        let e = answer(&request(&Job::ReadScenario(broken))).expect_err("refused");
        assert!(e.contains("threads.limit"), "{e}");
        assert!(e.contains("a whole number from"), "{e}");
        assert!(answer("job unknown\n").is_err());
        assert!(answer("not a job").is_err());
    }

    fn file_with_threads_limit(value: &str) -> String {
        let text = crate::validate::to_json(&Scenario::default());
        let at = text.find("\"limit\"").expect("limit field");
        let end = at + text[at..].find(',').expect("comma");
        format!("{}\"limit\": {value}{}", &text[..at], &text[end..])
    }
}
