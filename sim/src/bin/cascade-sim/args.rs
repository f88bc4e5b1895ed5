//! The command line, parsed with clap into a scenario and an output format. Every refusal is one
//! line that names the field, the value and what is allowed, with exit code 2 (see `main.rs`).

use std::ffi::OsString;
use std::path::PathBuf;

use cascade_sim::branch::Change;
use cascade_sim::params::{self, ParamError};
use cascade_sim::presets;
use cascade_sim::scenario::Scenario;
use cascade_sim::validate;
use clap::{Args, Parser, Subcommand};

use crate::output::{self, Format};

/// A deterministic model of the Kinesis front-end outage of 25 November 2020 and its dependants.
#[derive(Debug, Parser)]
#[command(name = "cascade-sim", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Runs a scenario and prints its recording (JSON) or its series (CSV).
    Run {
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// A branch: from minute HH:MM on, the parameter KEY takes VALUE (the page's link writes
        /// the same as `b=HH:MM,KEY=VALUE`); may be repeated.
        #[arg(long = "branch", value_name = "HH:MM,KEY=VALUE")]
        branch: Vec<String>,
        /// Output format: json or csv.
        #[arg(long, value_name = "FORMAT", default_value = "json")]
        format: String,
    },
    /// Prints a scenario file, the format `--scenario` reads.
    Scenario {
        #[command(flatten)]
        scenario: ScenarioArgs,
    },
    /// How sure is the model: every assumed parameter at the low and the high end of its
    /// plausible range, one at a time, and the milestones over many seeds.
    Sensitivity {
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Number of seeds in the spread.
        #[arg(long, value_name = "N", default_value = "20")]
        seeds: String,
        /// Output format: json or csv.
        #[arg(long, value_name = "FORMAT", default_value = "json")]
        format: String,
    },
    /// Lists the presets: `historical` and the what-ifs.
    Presets,
    /// Lists every parameter with its unit, default, range and source (sourced or assumed).
    Params,
}

/// Which scenario: a preset or a file, then changes.
#[derive(Debug, Args)]
struct ScenarioArgs {
    /// Start from this preset (see `cascade-sim presets`); `historical` by default.
    #[arg(long, value_name = "NAME", conflicts_with = "scenario")]
    preset: Option<String>,
    /// Start from this scenario file (JSON, as `cascade-sim scenario` writes it).
    #[arg(long, value_name = "FILE")]
    scenario: Option<PathBuf>,
    /// Change one parameter (see `cascade-sim params`); may be repeated.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    sets: Vec<String>,
    /// The seed of the run's one random generator.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    seed: Option<String>,
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

fn problem(field: &str, value: &str, allowed: &str) -> String {
    ParamError {
        field: field.into(),
        value: value.into(),
        allowed: allowed.into(),
    }
    .to_string()
}

/// Runs the command line and returns what to print, or the one-line error. `--help` and
/// `--version` are printed, not refused.
pub fn execute(
    argv: impl IntoIterator<Item = impl Into<OsString> + Clone>,
) -> Result<Printed, String> {
    let cli = match Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            return match e.kind() {
                ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    Ok(e.render().to_string().into())
                }
                _ => Err(one_line(&e)),
            };
        }
    };
    match cli.command {
        Command::Run {
            scenario,
            branch,
            format,
        } => {
            let format = match format.as_str() {
                "json" => Format::Json,
                "csv" => Format::Csv,
                _ => return Err(problem("--format", &format, "json or csv")),
            };
            let scenario = build(scenario)?;
            let changes = branch
                .iter()
                .map(|text| {
                    Change::parse(text).ok_or_else(|| {
                        problem(
                            "--branch",
                            text,
                            "HH:MM,KEY=VALUE, for instance 09:00,restart.per_hour=900",
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let recording = if changes.is_empty() {
                cascade_sim::run(&scenario)
            } else {
                cascade_sim::branch::run(&scenario, &changes)
            }
            .map_err(|e| e.to_string())?;
            let mut warnings = recording.warnings.clone();
            warnings.extend(cascade_sim::facts::why_not_back(&recording));
            Ok(Printed {
                text: output::render(&recording, format),
                warnings,
            })
        }
        Command::Scenario { scenario } => {
            let scenario = build(scenario)?;
            Ok(Printed {
                text: validate::to_json(&scenario) + "\n",
                warnings: cascade_sim::preconditions::check(&scenario),
            })
        }
        Command::Sensitivity {
            scenario,
            seeds,
            format,
        } => {
            let csv = match format.as_str() {
                "json" => false,
                "csv" => true,
                _ => return Err(problem("--format", &format, "json or csv")),
            };
            let seeds = seeds
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=1000).contains(n))
                .ok_or_else(|| problem("--seeds", &seeds, "a whole number from 1 to 1000"))?;
            let scenario = build(scenario)?;
            let report = crate::sensitivity::analyse(&scenario, seeds)?;
            let text = if csv {
                cascade_sim::sensitivity::output::to_csv(&report)
            } else {
                cascade_sim::sensitivity::output::to_json(&report, &scenario)
            };
            Ok(Printed {
                text,
                warnings: cascade_sim::preconditions::check(&scenario),
            })
        }
        Command::Presets => Ok(output::presets().into()),
        Command::Params => Ok(output::params().into()),
    }
}

/// clap's message without its usage lines: the first line, less its "error: " prefix, and the
/// hint to `--help`.
fn one_line(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let first = text.lines().next().unwrap_or("bad arguments");
    format!(
        "{} (see cascade-sim --help)",
        first.trim_start_matches("error: ").trim()
    )
}

fn build(args: ScenarioArgs) -> Result<Scenario, String> {
    let mut scenario = match (&args.preset, &args.scenario) {
        (Some(name), _) => presets::scenario(name).map_err(|e| e.to_string())?,
        (None, Some(path)) => read_scenario(path)?,
        (None, None) => Scenario::default(),
    };
    for set in &args.sets {
        let Some((key, value)) = set.split_once('=') else {
            return Err(problem(
                "--set",
                set,
                "KEY=VALUE, for instance fleet.servers=4000",
            ));
        };
        params::set(&mut scenario, key.trim(), value).map_err(|e| e.to_string())?;
    }
    if let Some(seed) = &args.seed {
        params::set(&mut scenario, "seed", seed).map_err(|e| e.to_string())?;
    }
    validate::validate(&scenario).map_err(|e| e.to_string())?;
    Ok(scenario)
}

fn read_scenario(path: &std::path::Path) -> Result<Scenario, String> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| problem("--scenario", &shown, &format!("a readable JSON file ({e})")))?;
    validate::from_json(&text).map_err(|e| format!("{shown}: {e}"))
}
