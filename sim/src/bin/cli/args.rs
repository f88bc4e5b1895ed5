//! Parsing the command line into a scenario and an output format, with one-line errors that
//! name the field, the value and what is allowed.

use cascade_sim::params::{self, ParamError};
use cascade_sim::presets;
use cascade_sim::scenario::Scenario;
use cascade_sim::validate;

use crate::output::{self, Format};

/// Usage text.
pub const USAGE: &str = "\
usage:
  cascade-sim run [--preset NAME | --scenario FILE] [--set KEY=VALUE]... [--seed N] [--format json|csv]
  cascade-sim scenario [--preset NAME | --scenario FILE] [--set KEY=VALUE]... [--seed N]
  cascade-sim presets
  cascade-sim params
";

/// What `run` and `scenario` were asked.
struct Request {
    scenario: Scenario,
    format: Format,
}

fn problem(field: &str, value: &str, allowed: &str) -> String {
    ParamError {
        field: field.into(),
        value: value.into(),
        allowed: allowed.into(),
    }
    .to_string()
}

/// What a command prints: its output, and warnings for stderr (one line each).
pub struct Printed {
    /// The output for stdout.
    pub text: String,
    /// Preconditions the scenario breaks, one sentence each.
    pub warnings: Vec<String>,
}

impl From<String> for Printed {
    fn from(text: String) -> Self {
        Self {
            text,
            warnings: Vec::new(),
        }
    }
}

/// Runs the command line and returns what to print, or the one-line error.
pub fn execute(argv: &[String]) -> Result<Printed, String> {
    let Some(command) = argv.first() else {
        return Ok(USAGE.to_string().into());
    };
    let rest = &argv[1..];
    match command.as_str() {
        "run" => {
            let r = parse(rest, true)?;
            let recording = cascade_sim::run(&r.scenario).map_err(|e| e.to_string())?;
            Ok(Printed {
                text: output::render(&recording, r.format),
                warnings: recording.warnings.clone(),
            })
        }
        "scenario" => {
            let scenario = parse(rest, false)?.scenario;
            Ok(Printed {
                text: validate::to_json(&scenario) + "\n",
                warnings: cascade_sim::preconditions::check(&scenario),
            })
        }
        "presets" => no_args(rest).map(|()| output::presets().into()),
        "params" => no_args(rest).map(|()| output::params().into()),
        "help" | "--help" | "-h" => Ok(USAGE.to_string().into()),
        other => Err(problem(
            "command",
            other,
            "run, scenario, presets, params or help",
        )),
    }
}

fn no_args(rest: &[String]) -> Result<(), String> {
    match rest.first() {
        Some(extra) => Err(problem("argument", extra, "nothing after this command")),
        None => Ok(()),
    }
}

fn parse(argv: &[String], with_format: bool) -> Result<Request, String> {
    let mut base: Option<Scenario> = None;
    let mut sets: Vec<(String, String)> = Vec::new();
    let mut format = Format::Json;
    let mut i = 0;
    while i < argv.len() {
        let flag = argv[i].as_str();
        let value = || {
            argv.get(i + 1)
                .cloned()
                .ok_or_else(|| problem(flag, "(missing)", "a value after the flag"))
        };
        match flag {
            "--preset" | "--scenario" => {
                if base.is_some() {
                    return Err(problem(
                        flag,
                        &value()?,
                        "one --preset or one --scenario, not both or twice",
                    ));
                }
                let v = value()?;
                base = Some(if flag == "--preset" {
                    presets::scenario(&v).map_err(|e| e.to_string())?
                } else {
                    read_scenario(&v)?
                });
            }
            "--set" => {
                let v = value()?;
                let Some((key, val)) = v.split_once('=') else {
                    return Err(problem(
                        "--set",
                        &v,
                        "KEY=VALUE, for instance fleet.servers=4000",
                    ));
                };
                sets.push((key.trim().to_string(), val.to_string()));
            }
            "--seed" => sets.push(("seed".into(), value()?)),
            "--format" if with_format => {
                let v = value()?;
                format = match v.as_str() {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    _ => return Err(problem("--format", &v, "json or csv")),
                };
            }
            other => {
                let allowed = if with_format {
                    "--preset, --scenario, --set, --seed or --format"
                } else {
                    "--preset, --scenario, --set or --seed"
                };
                return Err(problem("option", other, allowed));
            }
        }
        i += 2;
    }
    let mut scenario = base.unwrap_or_default();
    for (key, val) in &sets {
        params::set(&mut scenario, key, val).map_err(|e| e.to_string())?;
    }
    validate::validate(&scenario).map_err(|e| e.to_string())?;
    Ok(Request { scenario, format })
}

fn read_scenario(path: &str) -> Result<Scenario, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| problem("--scenario", path, &format!("a readable JSON file ({e})")))?;
    validate::from_json(&text).map_err(|e| format!("{path}: {e}"))
}
