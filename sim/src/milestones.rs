//! Milestones: the moments the model computes, named as in the command line's JSON output.

use serde::{Serialize, Serializer};

use crate::clock::{historical, Minute};

macro_rules! milestones {
    ($($variant:ident => $key:literal, $label:literal, $real:expr;)+) => {
        /// A named moment of the run.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Milestone {
            $(#[doc = $label] $variant,)+
        }

        /// Every milestone, in timeline order.
        pub const ALL: &[Milestone] = &[$(Milestone::$variant,)+];

        impl Milestone {
            /// The JSON key.
            pub fn key(self) -> &'static str {
                match self { $(Milestone::$variant => $key,)+ }
            }
            /// Words for people.
            pub fn label(self) -> &'static str {
                match self { $(Milestone::$variant => $label,)+ }
            }
            /// The real time of this moment on the day, where AWS's summary gives one.
            pub fn historical(self) -> Option<Minute> {
                match self { $(Milestone::$variant => $real,)+ }
            }
        }
    };
}

milestones! {
    CapacityAddStarted => "capacity_add_started", "capacity addition starts", Some(historical::CAPACITY_ADD_START);
    CapacityAddFinished => "capacity_add_finished", "capacity addition finished", Some(historical::CAPACITY_ADD_END);
    ThreadLimitFirstExceeded => "thread_limit_first_exceeded", "a server first exceeds the thread limit", None;
    FirstAlarm => "first_alarm", "first alarm: errors putting and getting records", Some(historical::FIRST_ALARM);
    CauseNarrowed => "cause_narrowed", "cause narrowed to a couple of candidates", Some(historical::CANDIDATES_NARROWED);
    RootCauseConfirmed => "root_cause_confirmed", "root cause confirmed: the OS thread limit", Some(historical::ROOT_CAUSE);
    CapacityRemovalFinished => "capacity_removal_finished", "removal of the added capacity finished", Some(historical::ROOT_CAUSE);
    RestartStarted => "restart_started", "fleet restart starts", Some(historical::ROOT_CAUSE);
    FirstTrafficAfterRestart => "first_traffic_after_restart", "first restarted servers take traffic", Some(historical::FIRST_TRAFFIC);
    KinesisErrorsFalling => "kinesis_errors_falling", "Kinesis error rate steadily falling", Some(historical::KINESIS_FALLING);
    KinesisRecovered => "kinesis_recovered", "Kinesis fully back to normal", Some(historical::KINESIS_NORMAL);
    CloudwatchErrorsStarted => "cloudwatch_errors_started", "CloudWatch PutMetricData errors start", Some(historical::FIRST_ALARM);
    CloudwatchEarlyRecovery => "cloudwatch_early_recovery", "CloudWatch early signs of recovery", Some(historical::CLOUDWATCH_EARLY);
    CloudwatchRecovered => "cloudwatch_recovered", "CloudWatch metrics and alarms fully recovered", Some(historical::CLOUDWATCH_NORMAL);
    LambdaErrorsStarted => "lambda_errors_started", "Lambda invocation errors rise", Some(historical::LAMBDA_ERRORS);
    LambdaRecovered => "lambda_recovered", "Lambda invocation errors resolved", Some(historical::LAMBDA_MITIGATION);
    CognitoErrorsSpike => "cognito_errors_spike", "Cognito error rates rise sharply", Some(historical::COGNITO_SPIKE);
    CognitoRecovered => "cognito_recovered", "Cognito operating normally", Some(historical::COGNITO_NORMAL);
    EventbridgeDelaysStarted => "eventbridge_delays_started", "EventBridge API errors and event delays start", Some(historical::FIRST_ALARM);
    EcsEksRecovered => "ecs_eks_recovered", "majority of ECS / EKS issues resolved", Some(historical::ECS_EKS_RESOLVED);
    AutoscalingDelaysEnded => "autoscaling_delays_ended", "reactive Auto Scaling delays end", Some(historical::CLOUDWATCH_EARLY);
    ShdPostingBlocked => "shd_posting_blocked", "Service Health Dashboard tool cannot sign in", None;
    ShdFirstPost => "shd_first_post", "first Service Health Dashboard post (timing assumed)", None;
}

/// When each milestone happened in a run (`None`: it never did).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Milestones {
    times: [Option<Minute>; ALL.len()],
}

impl Milestones {
    /// When `m` happened.
    pub fn get(&self, m: Milestone) -> Option<Minute> {
        self.times[m as usize]
    }

    /// Records `m` at `t` unless it already happened; returns true the first time.
    pub fn hit(&mut self, m: Milestone, t: Minute) -> bool {
        let slot = &mut self.times[m as usize];
        if slot.is_none() {
            *slot = Some(t);
            true
        } else {
            false
        }
    }

    /// Whether `m` has happened.
    pub fn has(&self, m: Milestone) -> bool {
        self.get(m).is_some()
    }

    /// All milestones with their times.
    pub fn iter(&self) -> impl Iterator<Item = (Milestone, Option<Minute>)> + '_ {
        ALL.iter().map(|m| (*m, self.get(*m)))
    }
}

impl Serialize for Milestones {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(ALL.len()))?;
        for (m, t) in self.iter() {
            map.serialize_entry(m.key(), &t)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hit_keeps_the_first_time() {
        let mut m = Milestones::default();
        assert!(m.hit(Milestone::FirstAlarm, 315));
        assert!(!m.hit(Milestone::FirstAlarm, 400));
        assert_eq!(m.get(Milestone::FirstAlarm), Some(315));
        assert_eq!(m.get(Milestone::KinesisRecovered), None);
    }

    #[test]
    fn serialises_every_key_with_null_for_missing() {
        let m = Milestones::default();
        let v = serde_json::to_value(&m).unwrap_or_default();
        assert_eq!(v.as_object().map(|o| o.len()), Some(ALL.len()));
        assert!(v["root_cause_confirmed"].is_null());
        assert!(v["shd_first_post"].is_null());
    }
}
