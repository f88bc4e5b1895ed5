//! Reading and checking scenarios: every problem names the field, the value and what is allowed.

use crate::params::{ParamError, PARAMS};
use crate::scenario::{Scenario, SCENARIO_VERSION};

/// Checks every field's range and the relations between fields.
pub fn validate(s: &Scenario) -> Result<(), ParamError> {
    if s.version == 0 || s.version > SCENARIO_VERSION {
        return Err(ParamError {
            field: "version".into(),
            value: s.version.to_string(),
            allowed: format!("1 to {SCENARIO_VERSION} (files from a newer build need that build)"),
        });
    }
    for p in PARAMS {
        p.check((p.get)(s))?;
    }
    let relation = |field: &str, value: String, allowed: &str| {
        Err(ParamError {
            field: field.into(),
            value,
            allowed: allowed.into(),
        })
    };
    if s.time.end_min <= s.time.start_min {
        return relation(
            "time.end_min",
            s.time.end_min.to_string(),
            "a time after time.start_min",
        );
    }
    if s.fleet.add_end_min < s.fleet.add_start_min {
        return relation(
            "fleet.add_end_min",
            s.fleet.add_end_min.to_string(),
            "a time not before fleet.add_start_min",
        );
    }
    if s.fleet.cells > s.fleet.servers {
        return relation(
            "fleet.cells",
            s.fleet.cells.to_string(),
            "at most fleet.servers cells",
        );
    }
    let hosts = crate::fleet::hosts(s.fleet.servers, s.fleet.host_size);
    if hosts < s.fleet.cells.max(2) {
        return relation(
            "fleet.host_size",
            s.fleet.host_size.to_string(),
            "a size that leaves at least two servers per cell",
        );
    }
    Ok(())
}

/// Parses a scenario file (JSON) and checks it.
pub fn from_json(text: &str) -> Result<Scenario, ParamError> {
    let bad = |value: String| ParamError {
        field: "scenario file".into(),
        value,
        allowed: "a JSON object with the fields written by `cascade-sim scenario`".into(),
    };
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    // serde would also read a struct from an array; a scenario file is an object.
    if !value.is_object() {
        return Err(bad("not a JSON object".into()));
    }
    let s: Scenario = serde_json::from_value(value).map_err(|e| bad(e.to_string()))?;
    validate(&s)?;
    Ok(s)
}

/// The scenario as a pretty JSON file, with its provenance notes.
pub fn to_json(s: &Scenario) -> String {
    serde_json::to_string_pretty(s).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_valid_and_round_trips() {
        let s = Scenario::default();
        assert!(validate(&s).is_ok());
        let text = to_json(&s);
        assert!(text.contains("\"_provenance\""));
        assert!(text.contains("assumed: "));
        assert!(text.contains("sourced: "));
        assert_eq!(from_json(&text).ok(), Some(s));
    }

    #[test]
    fn bad_files_are_named() {
        let cases = [
            ("{", "scenario file"),
            ("[]", "scenario file"),
            ("{\"fleet\": {\"servers\": \"many\"}}", "scenario file"),
            ("{\"nonsense\": 1}", "scenario file"),
            ("{\"fleet\": {\"servers\": 5}}", "fleet.servers"),
            ("{\"version\": 99}", "version"),
            (
                "{\"threads\": {\"alarm_ratio\": 2.0}}",
                "threads.alarm_ratio",
            ),
            (
                "{\"time\": {\"start_min\": 100, \"end_min\": 90}}",
                "time.end_min",
            ),
        ];
        for (text, field) in cases {
            match from_json(text) {
                Ok(_) => panic!("accepted {text}"),
                Err(e) => assert_eq!(e.field, field, "{text}: {e}"),
            }
        }
    }
}
