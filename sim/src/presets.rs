//! Presets: `historical`, and one what-if per AWS remediation. Each changes a mechanism (a
//! parameter of the model), never an outcome.

use crate::params::{self, ParamError};
use crate::scenario::Scenario;

/// A named scenario.
#[derive(Debug, Clone, Copy)]
pub struct Preset {
    /// Name used on the command line and in links.
    pub name: &'static str,
    /// What it shows, in one line.
    pub summary: &'static str,
    /// The AWS remediation it tries (numbered as in the list at the end of AWS's summary), if any.
    pub remediation: Option<u8>,
    /// The parameters it changes from `historical`, as `--set` would.
    pub changes: &'static [(&'static str, &'static str)],
}

/// Every preset, `historical` first.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "historical",
        summary: "25 November 2020 as AWS describes it",
        remediation: None,
        changes: &[],
    },
    Preset {
        name: "larger-hosts",
        summary: "the same capacity on half as many servers, each twice as large",
        remediation: Some(1),
        changes: &[("fleet.host_size", "2")],
    },
    Preset {
        name: "thread-alarm",
        summary: "an alarm at 99.5% of the thread limit, and operators who halt and remove the addition",
        remediation: Some(2),
        changes: &[("threads.alarm_ratio", "0.995")],
    },
    Preset {
        name: "higher-thread-limit",
        summary: "the OS thread limit raised from 4,096 to 8,192 after testing",
        remediation: Some(3),
        changes: &[("threads.limit", "8192")],
    },
    Preset {
        name: "fast-cold-start",
        summary: "a radically faster cold start: 4 minutes of bootstrap instead of 32 and a light warm-up, so operators can restart 1,200 servers an hour",
        remediation: Some(4),
        changes: &[
            ("restart.cold_start_metadata_min", "4"),
            ("restart.warmup_cost", "0.02"),
            ("restart.churn_cost", "0.002"),
            ("restart.per_hour", "1200"),
        ],
    },
    Preset {
        name: "dedicated-cache-fleet",
        summary: "the shard-map cache on a dedicated fleet: front-end servers keep threads only for its 200 servers",
        remediation: Some(5),
        changes: &[("shardmap.dedicated_fleet", "true")],
    },
    Preset {
        name: "partitioned-cloudwatch",
        summary: "CloudWatch on its own front-end fleet, untouched by the addition",
        remediation: Some(6),
        changes: &[("cloudwatch.partitioned", "true")],
    },
    Preset {
        name: "cellular",
        summary: "the front end split into 4 cells; a server keeps threads only for peers in its cell",
        remediation: Some(7),
        changes: &[("fleet.cells", "4")],
    },
    Preset {
        name: "cognito-fix",
        summary: "Cognito webservers sustain Kinesis errors without blocking on full buffers",
        remediation: Some(8),
        changes: &[("cognito.blocks_when_full", "false")],
    },
    Preset {
        name: "cloudwatch-local-store",
        summary: "3 hours of metrics in CloudWatch's local store, readable by alarms and Auto Scaling",
        remediation: Some(9),
        changes: &[("cloudwatch.local_store_hours", "3")],
    },
    Preset {
        name: "shd-backup-practised",
        summary: "support staff trained on the backup dashboard tool: 15 minutes to post instead of 90",
        remediation: Some(10),
        changes: &[("dashboards.backup_post_min", "15")],
    },
    Preset {
        name: "restart-too-fast",
        summary: "the restart at 900 servers an hour, three times the historical rate: cold starts share the metadata store, slow servers are evicted, recovery is set back",
        remediation: None,
        changes: &[("restart.per_hour", "900")],
    },
    Preset {
        name: "peer-bootstrap",
        summary: "the change not made: restarted servers read their shard-map from their neighbours instead of the metadata store, loading the servers that still serve",
        remediation: None,
        changes: &[("restart.bootstrap", "peers")],
    },
    Preset {
        name: "memory-fix-first",
        summary: "operators bet on the leading candidate, memory pressure: at 07:51 they restart the fleet with a memory fix, find it does not help, then remove the capacity and restart again",
        remediation: None,
        changes: &[("ops.first_fix", "memory"), ("time.end_min", "20:00 +1d")],
    },
];

impl Preset {
    /// Whether `scenario` has every change of this preset (a remediation switched on).
    pub fn applied(&self, scenario: &Scenario) -> bool {
        self.changes.iter().all(|(key, value)| {
            let mut want = scenario.clone();
            params::set(&mut want, key, value).is_ok() && want == *scenario
        })
    }

    /// The changes that switch this preset's what-if on, or back off to the historical values.
    pub fn switch(&self, on: bool) -> Vec<(String, String)> {
        let history = Scenario::default();
        self.changes
            .iter()
            .map(|(key, value)| {
                let value = if on {
                    (*value).to_string()
                } else {
                    params::find(key).map_or_else(String::new, |param| param.display(&history))
                };
                ((*key).to_string(), value)
            })
            .collect()
    }
}

/// The preset with this name.
pub fn find(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}

impl Preset {
    /// The preset's scenario.
    pub fn scenario(&self) -> Result<Scenario, ParamError> {
        let mut s = Scenario::default();
        for (key, value) in self.changes {
            params::set(&mut s, key, value)?;
        }
        Ok(s)
    }
}

/// The scenario of a preset by name, or an error naming the allowed names.
pub fn scenario(name: &str) -> Result<Scenario, ParamError> {
    match find(name) {
        Some(p) => p.scenario(),
        None => Err(ParamError {
            field: "preset".into(),
            value: name.into(),
            allowed: PRESETS
                .iter()
                .map(|p| p.name)
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_builds_a_valid_scenario() {
        for p in PRESETS {
            let s = p.scenario();
            assert!(s.is_ok(), "{}: {:?}", p.name, s.err());
            if let Ok(s) = s {
                assert!(crate::validate::validate(&s).is_ok(), "{}", p.name);
            }
        }
    }

    #[test]
    fn a_remediation_switches_on_and_back_off_and_combines() {
        let Some(cells) = find("cellular") else {
            panic!("preset");
        };
        let Some(limit) = find("higher-thread-limit") else {
            panic!("preset");
        };
        let mut s = Scenario::default();
        assert!(!cells.applied(&s));
        for (k, v) in cells.switch(true).iter().chain(limit.switch(true).iter()) {
            assert!(params::set(&mut s, k, v).is_ok());
        }
        assert!(cells.applied(&s) && limit.applied(&s), "combinable");
        for (k, v) in cells.switch(false) {
            assert!(params::set(&mut s, &k, &v).is_ok());
        }
        assert!(!cells.applied(&s) && limit.applied(&s));
        assert_eq!(s.fleet.cells, Scenario::default().fleet.cells);
    }

    #[test]
    fn unknown_preset_lists_the_names() {
        let e = scenario("nope")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("preset") && e.contains("nope") && e.contains("historical"));
    }
}
