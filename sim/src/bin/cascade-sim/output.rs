//! What the command line prints: the run as JSON or CSV, and the preset and parameter listings.

use std::fmt::Write;

use cascade_sim::params::PARAMS;
use cascade_sim::presets::PRESETS;
use cascade_sim::scenario::Scenario;
use cascade_sim::Recording;

/// Output format of `run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object with `scenario`, `milestones`, `events` and `series`.
    Json,
    /// The series, one row per minute, with a header.
    Csv,
}

/// The run in the chosen format.
pub fn render(recording: &Recording, format: Format) -> String {
    match format {
        Format::Json => match cascade_sim::facts::recording_json(recording) {
            Ok(text) => text + "\n",
            Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
        },
        Format::Csv => recording.series_csv(),
    }
}

/// `cascade-sim presets`: one line each.
pub fn presets() -> String {
    let mut out = String::new();
    for p in PRESETS {
        let tag = p
            .remediation
            .map_or(String::new(), |n| format!(" (AWS remediation {n})"));
        let _ = writeln!(out, "{:<24} {}{}", p.name, p.summary, tag);
    }
    out
}

/// `cascade-sim params`: every key with unit, default, range, sourced/assumed, and the
/// plausible range the sensitivity analysis varies it over.
pub fn params() -> String {
    let defaults = Scenario::default();
    let mut out = String::from("key\tunit\tdefault\trange\tstatus\tnote\tplausible\n");
    for p in PARAMS {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            p.key,
            p.unit,
            p.display(&defaults),
            p.allowed(),
            p.status.name(),
            p.note,
            p.plausible.describe(p)
        );
    }
    out
}
