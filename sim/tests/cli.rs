//! The command line: good runs, listings, and one clear line with exit code 2 for bad input.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cascade-sim"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn refused(args: &[&str], mentions: &[&str]) {
    let out = cli(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "{args:?}: one line, got {err}"
    );
    for m in mentions {
        assert!(err.contains(m), "{args:?}: {err} should mention {m}");
    }
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn run_prints_one_json_object_with_the_four_parts() {
    let out = cli(&["run", "--preset", "historical", "--format", "json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    for key in ["scenario", "milestones", "events", "series"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(
        v["milestones"].as_object().map(|m| m.len()),
        Some(cascade_sim::milestones::ALL.len())
    );
    assert!(v["milestones"]["first_alarm"].is_i64());
    assert!(v["scenario"]["_provenance"]["threads.limit"]
        .as_str()
        .is_some_and(|n| n.starts_with("assumed")));
}

#[test]
fn csv_has_a_header_and_a_row_per_minute() {
    let out = cli(&["run", "--set", "time.end_min=120", "--format", "csv"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let header = lines.next().expect("header");
    assert!(header.starts_with("minute,kinesis_success,kinesis_error"));
    assert_eq!(lines.count(), 120);
}

#[test]
fn set_and_seed_change_the_run() {
    let out = cli(&["run", "--set", "threads.limit=8192", "--seed", "5"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(v["milestones"]["first_alarm"].is_null());
    assert_eq!(v["scenario"]["seed"], 5);
}

#[test]
fn a_saved_scenario_runs_the_same() {
    let dir = std::env::temp_dir().join(format!("cascade-sim-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("s.json");
    let saved = cli(&["scenario", "--preset", "cellular"]);
    assert!(saved.status.success());
    std::fs::write(&file, &saved.stdout).expect("write");
    let path = file.to_string_lossy().to_string();
    let a = cli(&["run", "--scenario", &path]);
    let b = cli(&["run", "--preset", "cellular"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn listings() {
    let presets = String::from_utf8_lossy(&cli(&["presets"]).stdout).to_string();
    for name in [
        "historical",
        "larger-hosts",
        "thread-alarm",
        "higher-thread-limit",
        "fast-cold-start",
        "dedicated-cache-fleet",
        "partitioned-cloudwatch",
        "cellular",
        "cognito-fix",
        "cloudwatch-local-store",
        "shd-backup-practised",
        "restart-too-fast",
        "peer-bootstrap",
        "memory-fix-first",
    ] {
        assert!(presets.lines().any(|l| l.starts_with(name)), "{name}");
    }
    let params = String::from_utf8_lossy(&cli(&["params"]).stdout).to_string();
    for key in [
        "fleet.servers",
        "fleet.added",
        "threads.limit",
        "threads.per_peer",
        "threads.base",
        "discovery.max_delay_min",
        "restart.per_hour",
        "restart.bootstrap",
        "fleet.cells",
    ] {
        let line = params
            .lines()
            .find(|l| l.starts_with(&format!("{key}\t")))
            .expect(key);
        assert!(
            line.contains("\tassumed\t") || line.contains("\tsourced\t"),
            "{line}"
        );
    }
    // The last column is the plausible range the sensitivity analysis varies.
    let column = |key: &str| {
        let line = params.lines().find(|l| l.starts_with(&format!("{key}\t")));
        line.and_then(|l| l.rsplit('\t').next())
            .unwrap_or("")
            .to_string()
    };
    assert!(
        column("fleet.servers").starts_with("3670 to 3725: "),
        "{}",
        column("fleet.servers")
    );
    assert!(
        column("seed").starts_with("not varied: "),
        "{}",
        column("seed")
    );
    assert_eq!(column("fleet.add_start_min"), "");
}

#[test]
fn every_command_has_help() {
    for command in [
        &["--help"][..],
        &["run", "--help"],
        &["scenario", "--help"],
        &["sensitivity", "--help"],
        &["presets", "--help"],
        &["params", "--help"],
    ] {
        let out = cli(command);
        assert!(out.status.success(), "{command:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Usage: cascade-sim"), "{command:?}: {text}");
    }
    let run = String::from_utf8_lossy(&cli(&["run", "--help"]).stdout).to_string();
    for flag in ["--preset", "--scenario", "--set", "--seed", "--format"] {
        assert!(run.contains(flag), "{flag}");
    }
}

#[test]
fn bad_input_gives_one_line_and_exit_code_2() {
    refused(
        &["run", "--preset", "nope"],
        &["preset", "nope", "historical"],
    );
    refused(&["run", "--set", "no.such=1"], &["no.such"]);
    refused(
        &["run", "--set", "fleet.servers=many"],
        &["fleet.servers", "many", "whole number"],
    );
    refused(
        &["run", "--set", "fleet.servers=5"],
        &["fleet.servers", "5", "10 to"],
    );
    refused(&["run", "--set", "threads.limit=1e99"], &["threads.limit"]);
    refused(
        &["run", "--set", "restart.bootstrap=pigeon"],
        &["restart.bootstrap", "peers or metadata-store"],
    );
    refused(&["run", "--set", "fleet.servers"], &["--set", "KEY=VALUE"]);
    refused(&["run", "--seed", "-1"], &["seed", "-1"]);
    refused(
        &["run", "--format", "xml"],
        &["--format", "xml", "json or csv"],
    );
    refused(&["run", "--preset"], &["--preset", "required"]);
    refused(&["run", "--bogus"], &["--bogus"]);
    refused(
        &["run", "--preset", "historical", "--preset", "cellular"],
        &["--preset"],
    );
    refused(
        &["run", "--scenario", "/nonexistent/file.json"],
        &["--scenario", "readable"],
    );
    refused(&["fly"], &["command", "fly"]);
    refused(&["presets", "extra"], &["extra"]);

    let dir = std::env::temp_dir().join(format!("cascade-sim-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    for (name, text, mention) in [
        ("broken.json", "{\"fleet\": ", "scenario file"),
        (
            "unknown.json",
            "{\"fleet\": {\"servers\": 4000, \"colour\": 1}}",
            "colour",
        ),
        (
            "range.json",
            "{\"threads\": {\"limit\": 3}}",
            "threads.limit",
        ),
        ("type.json", "{\"seed\": \"abc\"}", "seed: value '\"abc\"'"),
    ] {
        let f = dir.join(name);
        std::fs::write(&f, text).expect("write");
        refused(&["run", "--scenario", &f.to_string_lossy()], &[mention]);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_scenario_that_could_not_have_been_running_warns_on_stderr_and_in_the_json() {
    let out = cli(&[
        "run",
        "--set",
        "fleet.servers=3900",
        "--set",
        "time.end_min=06:00",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    // The precondition, and (the run ending at 06:00) that Kinesis is not back by then.
    let past: Vec<_> = err
        .lines()
        .filter(|l| l.contains("past the limit"))
        .collect();
    assert_eq!(past.len(), 1, "{err}");
    assert!(past[0].starts_with("cascade-sim: warning: past the limit before the addition"));
    assert!(err.contains("before Kinesis is fully back"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let warnings = v["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 1);
    // The historical run breaks no precondition.
    let out = cli(&["run", "--set", "time.end_min=06:00"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("past the limit"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["warnings"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_closed_output_ends_the_command_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_cascade-sim"))
        .args(["run", "--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    // Read one line, as `head -1` would, then close the pipe.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?} {err}", out.status);
    assert!(err.is_empty(), "nothing on stderr: {err}");
}

/// `sensitivity`: the documented JSON shape, CSV rows per parameter and milestone, and bad input
/// refused with exit code 2.
#[test]
fn sensitivity_has_the_documented_shape_and_refuses_bad_input() {
    let out = cli(&["sensitivity", "--preset", "historical", "--seeds", "3"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(v["baseline"]["first_alarm"].is_i64());
    let params = v["parameters"].as_array().expect("a list");
    assert!(params.len() >= 50, "{} parameters", params.len());
    for p in params {
        for field in ["key", "low", "high", "milestones_low", "milestones_high"] {
            assert!(!p[field].is_null(), "{field} in {p}");
        }
        assert!(p["low"].as_f64() < p["high"].as_f64());
    }
    assert_eq!(v["seeds"]["count"], 3);
    for name in ["min", "median", "max"] {
        assert!(
            v["seeds"]["milestones"]["kinesis_recovered"][name].is_i64(),
            "{name}"
        );
    }
    let out = cli(&["sensitivity", "--seeds", "1", "--format", "csv"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    assert!(lines
        .next()
        .is_some_and(|h| h.starts_with("key,low,high,milestone")));
    assert_eq!(
        lines.count(),
        params.len() * cascade_sim::milestones::ALL.len()
    );
    refused(&["sensitivity", "--seeds", "0"], &["--seeds", "'0'"]);
    refused(
        &["sensitivity", "--format", "xml"],
        &["--format", "json or csv"],
    );
    refused(
        &["sensitivity", "--set", "threads.limit=many"],
        &["threads.limit"],
    );
    refused(&["sensitivity", "--preset", "nope"], &["nope"]);
}

#[test]
fn a_branch_on_the_command_line_is_the_models_branch_in_the_links_format() {
    let change = "09:00,restart.per_hour=870";
    let out = cli(&["run", "--branch", change, "--format", "csv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let Some(parsed) = cascade_sim::branch::Change::parse(change) else {
        panic!("the link's format parses");
    };
    assert_eq!(parsed.text(), change, "written back as it was read");
    let base = cascade_sim::Scenario::default();
    let branch = cascade_sim::branch::run(&base, &[parsed]).expect("the branch runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), branch.series_csv());
    let plain = cli(&["run", "--format", "csv"]);
    assert_ne!(out.stdout, plain.stdout, "the branch changes the run");
    // Two changes, repeated flags, in any order.
    let two = cli(&[
        "run",
        "--branch",
        "12:00,restart.per_hour=290",
        "--branch",
        change,
        "--format",
        "csv",
    ]);
    assert!(two.status.success());
    assert_ne!(two.stdout, out.stdout);
    refused(
        &["run", "--branch", "9am"],
        &["--branch", "9am", "HH:MM,KEY=VALUE"],
    );
    refused(
        &["run", "--branch", "09:00,fleet.servers=4000"],
        &["fleet.servers", "from the start"],
    );
}

#[test]
fn a_run_that_ends_before_recovery_says_so_in_the_json_and_on_stderr() {
    let out = cli(&["run", "--set", "time.end_min=12:00"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["outage"]["ongoing"], serde_json::Value::Bool(true));
    assert!(v["outage"]["end"].is_null());
    assert_eq!(v["outage"]["start"], v["milestones"]["first_alarm"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: the run ends at 11:59 before Kinesis is fully back"),
        "{err}"
    );
    let day = cli(&["run"]);
    let v: serde_json::Value = serde_json::from_slice(&day.stdout).expect("json");
    assert_eq!(v["outage"]["ongoing"], serde_json::Value::Bool(false));
    assert_eq!(v["outage"]["end"], v["milestones"]["kinesis_recovered"]);
    assert!(String::from_utf8_lossy(&day.stderr).is_empty());
}
