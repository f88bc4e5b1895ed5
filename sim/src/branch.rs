//! Branches: a run that follows another until a chosen minute, then continues with some
//! parameters changed. "Play the recovery" is a branch: the restart rate changed while playing.

use crate::clock::{self, Minute};
use crate::params::{self, ParamError};
use crate::recording::Recording;
use crate::scenario::Scenario;
use crate::sim::Simulation;
use crate::validate::validate;

/// Parameters read only when a run starts (the fleet is built, delays and capacities are dealt,
/// the shard-map ageing table is made): a branch may change them only from the run's start.
pub const FIXED_AT_START: &[&str] = &[
    "seed",
    "time.start_min",
    "time.end_min",
    "fleet.servers",
    "fleet.added",
    "fleet.host_size",
    "fleet.cells",
    "fleet.add_cells",
    "threads.base_spread",
    "discovery.max_delay_min",
    "shardmap.lease_min",
    "shardmap.renew_spread_min",
    "shardmap.churn_per_hour",
    "shardmap.dedicated_fleet",
    "shardmap.cache_fleet_servers",
    "health.capacity_spread",
    "cloudwatch.partitioned",
];

/// One parameter change of a branch, from minute `at` on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The first minute simulated with the new value.
    pub at: Minute,
    /// The parameter's key.
    pub key: String,
    /// The new value, as it would be typed.
    pub value: String,
}

impl Change {
    /// Reads a change as links and the command line write it: `HH:MM,KEY=VALUE` (the minute may
    /// also be minutes since 00:00). `None` when the text is not of that form; whether the key
    /// and value are allowed is for `check`.
    pub fn parse(text: &str) -> Option<Change> {
        let (at, change) = text.split_once(',')?;
        let at = clock::parse(at.trim()).or_else(|| {
            at.trim()
                .parse::<Minute>()
                .ok()
                .filter(|m| (0..7 * clock::DAY).contains(m))
        })?;
        let (key, value) = change.split_once('=')?;
        Some(Change {
            at,
            key: key.trim().to_string(),
            value: value.trim().to_string(),
        })
    }

    /// The change as links and the command line write it: `HH:MM,KEY=VALUE`.
    pub fn text(&self) -> String {
        format!("{},{}={}", clock::format(self.at), self.key, self.value)
    }
}

/// Whether `key` can change in the middle of a run.
pub fn changes_mid_run(key: &str) -> bool {
    !FIXED_AT_START.contains(&key)
}

/// Checks `changes` against `base`: known keys, allowed values, a scenario that still validates,
/// fixed keys only at the start, times inside the run. Returns the changes in time order.
pub fn check(base: &Scenario, changes: &[Change]) -> Result<Vec<Change>, ParamError> {
    let mut sorted = changes.to_vec();
    sorted.sort_by_key(|c| c.at);
    let mut edited = base.clone();
    for c in &sorted {
        if c.at < base.time.start_min || c.at >= base.time.end_min {
            return Err(ParamError {
                field: format!("branch time of {}", c.key),
                value: clock::format(c.at),
                allowed: format!(
                    "{} to {}",
                    clock::format(base.time.start_min),
                    clock::format(base.time.end_min - 1)
                ),
            });
        }
        if c.at > base.time.start_min && !changes_mid_run(&c.key) {
            return Err(ParamError {
                field: c.key.clone(),
                value: format!("{} from {}", c.value, clock::format(c.at)),
                allowed: format!(
                    "a change from the start ({}) only: the model reads it once, when the run starts",
                    clock::format(base.time.start_min)
                ),
            });
        }
        params::set(&mut edited, &c.key, &c.value)?;
        validate(&edited)?;
    }
    Ok(sorted)
}

/// Runs `base` with `changes` to the end.
pub fn run(base: &Scenario, changes: &[Change]) -> Result<Recording, ParamError> {
    Ok(Simulation::branch(base, changes)?.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(at: Minute, key: &str, value: &str) -> Change {
        Change {
            at,
            key: key.into(),
            value: value.into(),
        }
    }

    #[test]
    fn fixed_keys_only_from_the_start() {
        let s = Scenario::default();
        let e = check(&s, &[change(600, "fleet.servers", "3000")]).err();
        let text = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            text.contains("fleet.servers") && text.contains("from the start"),
            "{text}"
        );
        assert!(check(&s, &[change(0, "fleet.servers", "3000")]).is_ok());
        assert!(check(&s, &[change(600, "restart.per_hour", "900")]).is_ok());
    }

    #[test]
    fn bad_values_and_times_are_refused() {
        let s = Scenario::default();
        assert!(check(&s, &[change(600, "restart.per_hour", "-1")]).is_err());
        assert!(check(&s, &[change(600, "no.such", "1")]).is_err());
        assert!(check(&s, &[change(-5, "restart.per_hour", "100")]).is_err());
        assert!(check(&s, &[change(s.time.end_min, "restart.per_hour", "100")]).is_err());
    }

    #[test]
    fn a_branch_follows_its_base_until_the_fork() {
        let s = Scenario::default();
        let base = crate::sim::run(&s).ok();
        let fork = 660;
        let branch = run(&s, &[change(fork, "restart.per_hour", "900")]).ok();
        let (Some(base), Some(branch)) = (base, branch) else {
            panic!("runs failed");
        };
        let k = base.index_of(fork);
        assert_eq!(
            base.series.kinesis_error[..k],
            branch.series.kinesis_error[..k]
        );
        assert_eq!(base.series.restart_rate[k - 1], 290.0);
        assert_eq!(branch.series.restart_rate[k], 900.0);
        assert!(branch
            .events
            .iter()
            .any(|e| e.t == fork && e.text.contains("900")));
    }

    #[test]
    fn a_response_moved_into_the_past_by_a_branch_happens_at_once() {
        // At 09:00 the branch confirms the root cause 200 minutes after the alarm, a minute
        // already past: the operators confirm it at the fork, and restart once the removal is
        // complete, earlier than in the base run.
        let s = Scenario::default();
        let base = crate::sim::run(&s).ok();
        let branch = run(&s, &[change(540, "ops.root_cause_after_alarm_min", "200")]).ok();
        let (Some(base), Some(branch)) = (base, branch) else {
            panic!("runs failed");
        };
        let restart = |r: &Recording| r.milestones.get(crate::Milestone::RestartStarted);
        let removed = branch
            .milestones
            .get(crate::Milestone::CapacityRemovalFinished);
        assert!(restart(&branch) < restart(&base));
        assert_eq!(restart(&branch), removed.map(|t| t.max(540)));
    }

    #[test]
    fn a_change_at_the_start_is_the_same_as_the_edited_scenario() {
        let s = Scenario::default();
        let mut edited = s.clone();
        params::set(&mut edited, "restart.per_hour", "500").ok();
        let a = run(&s, &[change(s.time.start_min, "restart.per_hour", "500")]);
        let b = crate::sim::run(&edited);
        let (Ok(a), Ok(b)) = (a, b) else {
            panic!("runs failed");
        };
        assert_eq!(a.series, b.series);
    }
}
