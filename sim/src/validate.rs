//! Reading and checking scenarios: every problem names the field, the value and what is allowed.

use crate::params::{ParamError, PARAMS};
use crate::scenario::{Scenario, SCENARIO_VERSION};

/// Checks every field's range and the relations between fields.
pub fn validate(s: &Scenario) -> Result<(), ParamError> {
    if s.version != SCENARIO_VERSION {
        return Err(ParamError {
            field: "version".into(),
            value: s.version.to_string(),
            allowed: format!("{SCENARIO_VERSION} (files from another build need that build)"),
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
    if s.time.start_min > s.fleet.add_start_min {
        // The run must open on the fleet at rest: then where it opens changes nothing.
        return relation(
            "time.start_min",
            crate::clock::format(s.time.start_min),
            "a time not after fleet.add_start_min (the run opens on the fleet at rest, before the addition)",
        );
    }
    if s.fleet.add_cells > s.fleet.cells {
        return relation(
            "fleet.add_cells",
            s.fleet.add_cells.to_string(),
            "at most fleet.cells cells (0: every cell)",
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

/// Largest scenario file read: a saved one is about 15 KB; anything far larger is not one.
pub const MAX_FILE_BYTES: usize = 256 * 1024;

/// Parses a scenario file (JSON) and checks it.
pub fn from_json(text: &str) -> Result<Scenario, ParamError> {
    let bad = |value: String| ParamError {
        field: "scenario file".into(),
        value,
        allowed: "a JSON object with the fields written by `cascade-sim scenario`".into(),
    };
    if text.len() > MAX_FILE_BYTES {
        return Err(ParamError {
            field: "scenario file".into(),
            value: format!("{} bytes", text.len()),
            allowed: format!("at most {MAX_FILE_BYTES} bytes (a saved scenario is about 15,000)"),
        });
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    // serde would also read a struct from an array; a scenario file is an object.
    if !value.is_object() {
        return Err(bad("not a JSON object".into()));
    }
    // A file of the first format describes a restart and operators this build no longer models
    // (a scheduled restart, a peer bootstrap by default): say so rather than name its first old
    // field.
    if value.get("version").and_then(serde_json::Value::as_u64) == Some(1) {
        return Err(ParamError {
            field: "version".into(),
            value: "1".into(),
            allowed: format!("{SCENARIO_VERSION}: this file comes from an earlier build, whose restart and operator actions were scheduled by the clock; save it again from its preset with this build"),
        });
    }
    let s: Scenario = serde_path_to_error::deserialize(&value).map_err(|e| misread(&value, &e))?;
    validate(&s)?;
    Ok(s)
}

/// The longest quote of a file's value in a message: enough to recognise it.
const QUOTE_CHARS: usize = 60;

/// A field the file could not be read into, named by its dotted path so the reader can find it:
/// a parameter's value of the wrong type says what the parameter allows.
fn misread(
    value: &serde_json::Value,
    e: &serde_path_to_error::Error<serde_json::Error>,
) -> ParamError {
    use serde_path_to_error::Segment;
    let path = e.path().to_string();
    let why = e.inner().to_string();
    let mut pointer = String::new();
    for segment in e.path().iter() {
        match segment {
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Unknown => pointer.push_str("/?"),
        }
    }
    let quoted = value
        .pointer(&pointer)
        .filter(|_| !pointer.is_empty())
        .map(|v| v.to_string().chars().take(QUOTE_CHARS).collect::<String>());
    // serde names an unknown field and lists the fields that would have been read there.
    if let Some((_, expected)) = why
        .strip_prefix("unknown field")
        .and_then(|rest| rest.split_once(", expected "))
    {
        return ParamError {
            field: path,
            value: quoted.unwrap_or_default(),
            allowed: format!("no field of that name here; expected {expected}"),
        };
    }
    match (quoted, crate::params::find(&path)) {
        (Some(text), Some(param)) => ParamError {
            field: path,
            value: text,
            allowed: param.allowed(),
        },
        (Some(text), None) => ParamError {
            field: path,
            value: text,
            allowed: if why.contains("expected struct") {
                "an object with this section's fields, as `cascade-sim scenario` writes it".into()
            } else {
                why
            },
        },
        (None, _) => ParamError {
            field: if pointer.is_empty() {
                "scenario file".into()
            } else {
                path
            },
            value: why,
            allowed: "the fields written by `cascade-sim scenario`".into(),
        },
    }
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
            ("{\"fleet\": {\"servers\": \"many\"}}", "fleet.servers"),
            ("{\"fleet\": 3}", "fleet"),
            ("{\"fleet\": {\"nonsense\": 1}}", "fleet.nonsense"),
            (
                "{\"restart\": {\"bootstrap\": \"magic\"}}",
                "restart.bootstrap",
            ),
            ("{\"nonsense\": 1}", "nonsense"),
            ("{\"fleet\": {\"servers\": 5}}", "fleet.servers"),
            ("{\"version\": 99}", "version"),
            (
                "{\"version\": 1, \"ops\": {\"restart_start_min\": 579}}",
                "version",
            ),
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
                Err(e) => {
                    assert_eq!(e.field, field, "{text}: {e}");
                    assert!(e.to_string().len() < 400, "{e}");
                }
            }
        }
    }
}
