//! The parameter registry: for every scenario field its key, unit, range, and whether its default
//! is sourced from AWS's summary (with the section) or assumed (with the reason). The command
//! line's `params` listing, `--set`, validation and the app's scenario panel all read this table.

use std::fmt;

use crate::clock;
use crate::scenario::Scenario;

/// Whether a default value comes from AWS's summary or is the model's assumption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Stated by AWS's summary; the note names the section.
    Sourced,
    /// Not given by AWS; the note says why this value was chosen.
    Assumed,
}

impl Status {
    /// "sourced" or "assumed".
    pub fn name(self) -> &'static str {
        match self {
            Status::Sourced => "sourced",
            Status::Assumed => "assumed",
        }
    }
}

/// How a parameter's value is written and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole number.
    Integer,
    /// Any finite number.
    Real,
    /// A time of day as minutes since 00:00 PST on 25 Nov 2020; written "HH:MM" or minutes.
    Minute,
    /// true or false.
    Bool,
    /// One of a few names.
    Choice(&'static [&'static str]),
}

/// How far an assumed value could plausibly lie from its default: what the sensitivity
/// analysis (`sensitivity.rs`) varies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Plausible {
    /// Sourced from AWS's summary: not varied.
    Sourced,
    /// Assumed, and plausibly anywhere from `low` to `high`, for the reason given.
    Range {
        /// The lowest plausible value.
        low: f64,
        /// The highest plausible value.
        high: f64,
        /// Why that range, in one line.
        why: &'static str,
    },
    /// Assumed but not varied, for the reason given (a remediation's switch, the replay's
    /// window, the seed, which the seed spread covers).
    Fixed(&'static str),
}

impl Plausible {
    /// The range and its reason in one line (empty when sourced), values written as `param`'s.
    pub fn describe(&self, param: &Param) -> String {
        match self {
            Plausible::Sourced => String::new(),
            Plausible::Range { low, high, why } => {
                format!("{} to {}: {why}", param.show(*low), param.show(*high))
            }
            Plausible::Fixed(why) => format!("not varied: {why}"),
        }
    }
}

/// A plausible range (for the table).
pub const fn range(low: f64, high: f64, why: &'static str) -> Plausible {
    Plausible::Range { low, high, why }
}

/// Not varied, for this reason (for the table).
pub const fn fixed(why: &'static str) -> Plausible {
    Plausible::Fixed(why)
}

/// One scenario field as the outside world sees it.
pub struct Param {
    /// Dotted key, as in `--set fleet.servers=4000`.
    pub key: &'static str,
    /// Unit of the value.
    pub unit: &'static str,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// How it is written.
    pub kind: Kind,
    /// Sourced or assumed.
    pub status: Status,
    /// The source (section of AWS's summary) or the reason for the assumption.
    pub note: &'static str,
    /// The range the sensitivity analysis varies an assumed value over.
    pub plausible: Plausible,
    /// Reads the value from a scenario.
    pub get: fn(&Scenario) -> f64,
    /// Writes an already checked value into a scenario.
    pub set: fn(&mut Scenario, f64),
}

/// A parameter problem, naming the field, the value and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    /// The key or field that is wrong.
    pub field: String,
    /// The value as given.
    pub value: String,
    /// What would have been accepted.
    pub allowed: String,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: value '{}' is not allowed; allowed: {}",
            self.field, self.value, self.allowed
        )
    }
}

impl std::error::Error for ParamError {}

mod table;
mod words;
pub use words::words;

pub use table::PARAMS;

/// The parameter with this key, if there is one.
pub fn find(key: &str) -> Option<&'static Param> {
    PARAMS.iter().find(|p| p.key == key)
}

impl Param {
    /// The allowed values, in words.
    pub fn allowed(&self) -> String {
        match self.kind {
            Kind::Choice(names) => names.join(" or "),
            Kind::Integer => format!("a whole number from {} to {}", self.min, self.max),
            Kind::Real => format!("a number from {} to {}", self.min, self.max),
            Kind::Minute => format!(
                "a time from {} to {} (HH:MM, or minutes since 00:00 PST on 25 Nov 2020)",
                clock::format(self.min as i32),
                clock::format(self.max as i32)
            ),
            Kind::Bool => "true or false".to_string(),
        }
    }

    /// The value of this parameter in a scenario, written as a user would write it.
    pub fn display(&self, scenario: &Scenario) -> String {
        self.show((self.get)(scenario))
    }

    /// A value of this parameter, written as a user would write it.
    pub fn show(&self, v: f64) -> String {
        match self.kind {
            Kind::Choice(names) => names.get(v as usize).copied().unwrap_or("?").to_string(),
            Kind::Minute => clock::format(v as i32),
            Kind::Bool => (v != 0.0).to_string(),
            Kind::Integer => format!("{}", v as u64),
            Kind::Real => format!("{v}"),
        }
    }

    /// Parses a value as written by a user, checks it, and returns it as a number.
    pub fn parse(&self, text: &str) -> Result<f64, ParamError> {
        let err = || ParamError {
            field: self.key.to_string(),
            value: text.to_string(),
            allowed: self.allowed(),
        };
        let t = text.trim();
        let v = match self.kind {
            Kind::Choice(names) => names.iter().position(|n| *n == t).ok_or_else(err)? as f64,
            Kind::Bool => match t {
                "true" => 1.0,
                "false" => 0.0,
                _ => return Err(err()),
            },
            Kind::Minute => match clock::parse(t) {
                Some(m) => f64::from(m),
                None => t.parse::<f64>().map_err(|_| err())?,
            },
            Kind::Integer | Kind::Real => t.parse::<f64>().map_err(|_| err())?,
        };
        self.check(v).map_err(|_| err())
    }

    /// Checks a number against the kind and range of this parameter.
    pub fn check(&self, v: f64) -> Result<f64, ParamError> {
        let whole = !matches!(self.kind, Kind::Real);
        if !v.is_finite() || v < self.min || v > self.max || (whole && v.fract() != 0.0) {
            return Err(ParamError {
                field: self.key.to_string(),
                value: format!("{v}"),
                allowed: self.allowed(),
            });
        }
        Ok(v)
    }
}

/// Sets `key` to the value written in `text`, after checking it.
pub fn set(scenario: &mut Scenario, key: &str, text: &str) -> Result<(), ParamError> {
    let param = find(key).ok_or_else(|| ParamError {
        field: key.to_string(),
        value: text.to_string(),
        allowed: "a key listed by `cascade-sim params`".to_string(),
    })?;
    let v = param.parse(text)?;
    (param.set)(scenario, v);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Bootstrap, FirstFix};

    #[test]
    fn every_default_is_inside_its_range() {
        let s = Scenario::default();
        for p in PARAMS {
            let v = (p.get)(&s);
            assert!(p.check(v).is_ok(), "{} = {v}", p.key);
        }
    }

    /// Every assumed parameter has a plausible range inside its allowed range, around its
    /// default, or a stated reason why it is not varied; sourced ones are not varied.
    #[test]
    fn every_assumed_parameter_has_a_range_around_its_default_or_a_reason() {
        let s = Scenario::default();
        let mut ranged = 0;
        for p in PARAMS {
            let v = (p.get)(&s);
            match (p.status, p.plausible) {
                (Status::Sourced, Plausible::Sourced) => {}
                (Status::Assumed, Plausible::Range { low, high, why }) => {
                    assert!(low < v && v < high, "{}: {low} < {v} < {high}", p.key);
                    assert!(p.check(low).is_ok() && p.check(high).is_ok(), "{}", p.key);
                    assert!(why.len() > 15, "{}: a reason for the range", p.key);
                    ranged += 1;
                }
                (Status::Assumed, Plausible::Fixed(why)) => {
                    assert!(why.len() > 15, "{}: a reason for not varying it", p.key)
                }
                (status, plausible) => panic!("{}: {status:?} with {plausible:?}", p.key),
            }
        }
        assert!(ranged >= 50, "{ranged} ranged parameters");
    }

    #[test]
    fn keys_are_unique_and_notes_present() {
        let mut keys: Vec<_> = PARAMS.iter().map(|p| p.key).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n);
        assert!(PARAMS.iter().all(|p| p.note.len() > 10));
    }

    #[test]
    fn set_round_trips_through_display() {
        let mut s = Scenario::default();
        set(&mut s, "fleet.servers", "5000").ok();
        assert_eq!(s.fleet.servers, 5000);
        set(&mut s, "restart.bootstrap", "metadata-store").ok();
        assert_eq!(s.restart.bootstrap, Bootstrap::MetadataStore);
        set(&mut s, "ops.first_fix", "memory").ok();
        assert_eq!(s.ops.first_fix, FirstFix::Memory);
        set(&mut s, "cloudwatch.partitioned", "true").ok();
        assert!(s.cloudwatch.partitioned);
        for p in PARAMS {
            let text = p.display(&s);
            let mut t = s.clone();
            assert!(set(&mut t, p.key, &text).is_ok(), "{} '{text}'", p.key);
            assert_eq!(t, s, "{}", p.key);
        }
    }

    #[test]
    fn bad_values_name_field_value_and_range() {
        let mut s = Scenario::default();
        let e = set(&mut s, "fleet.servers", "-3").err();
        let text = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(text.contains("fleet.servers") && text.contains("-3") && text.contains("10 to"));
        assert!(set(&mut s, "fleet.servers", "12.5").is_err());
        assert!(set(&mut s, "fleet.servers", "NaN").is_err());
        assert!(set(&mut s, "restart.bootstrap", "carrier-pigeon").is_err());
        assert!(set(&mut s, "no.such.key", "1").is_err());
        assert!(set(&mut s, "time.end_min", "25:00").is_err());
        assert_eq!(s, Scenario::default(), "a refused value changes nothing");
    }
}
