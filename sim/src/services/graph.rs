//! The service graph: which service depends on which, and the one-line mechanism of each, as
//! the app draws it. Every entry follows AWS's summary, its paragraph on that service.

/// A node of the service graph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ServiceNode {
    /// Short identifier, used in series names and links.
    pub id: &'static str,
    /// Name shown to people.
    pub name: &'static str,
    /// Identifiers of the services this one depends on.
    pub depends_on: &'static [&'static str],
    /// The mechanism, in one line.
    pub mechanism: &'static str,
    /// The series holding this service's health (1 = normal).
    pub health_series: &'static str,
    /// The series holding its key quantity, and that quantity's name.
    pub key_series: (&'static str, &'static str),
    /// How the key quantity is written.
    pub format: ValueFormat,
    /// Where the node sits in the app's 768 x 360 drawing of the graph (left, top).
    pub position: (f64, f64),
}

/// How a service's key quantity is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueFormat {
    /// A count: "3558 past the thread limit".
    Count,
    /// A share as a percentage: "75% error rate".
    Percent,
    /// The Service Health Dashboard's posting status.
    Posting,
    /// Always available (the Personal Health Dashboard).
    Available,
}

impl ServiceNode {
    /// The key quantity `v` in words.
    pub fn key_text(&self, v: f32) -> String {
        let what = self.key_series.1;
        match self.format {
            ValueFormat::Count => format!("{v:.0} {what}"),
            ValueFormat::Percent => format!("{:.0}% {what}", v * 100.0),
            ValueFormat::Posting => match v {
                x if x >= 1.0 => "posted / nothing to post".to_string(),
                x if x > 0.0 => "posting".to_string(),
                _ => "on the backup tool".to_string(),
            },
            ValueFormat::Available => "available".to_string(),
        }
    }
}

/// Every service of the graph, upstream first.
pub const SERVICES: &[ServiceNode] = &[
    ServiceNode {
        id: "frontend",
        name: "Kinesis front end",
        depends_on: &[],
        mechanism: "each server keeps threads for every other server; past the OS limit the shard-map cannot be built",
        health_series: "frontend_health",
        key_series: ("servers_limit_hit", "past the thread limit"),
        format: ValueFormat::Count,
        position: (4e+00, 2e+02),
    },
    ServiceNode {
        id: "kinesis",
        name: "Kinesis API",
        depends_on: &["frontend"],
        mechanism: "puts and gets fail when the front end routes with a useless shard-map",
        health_series: "kinesis_success",
        key_series: ("kinesis_error", "error rate"),
        format: ValueFormat::Percent,
        position: (2e+02, 2e+02),
    },
    ServiceNode {
        id: "cloudwatch",
        name: "CloudWatch",
        depends_on: &["kinesis"],
        mechanism: "metric and log ingestion runs on Kinesis; clients buffer, overflow is lost, alarms go to INSUFFICIENT_DATA",
        health_series: "cloudwatch_health",
        key_series: ("cloudwatch_buffered_min", "min buffered"),
        format: ValueFormat::Count,
        position: (4e+02, 4e+01),
    },
    ServiceNode {
        id: "lambda",
        name: "Lambda",
        depends_on: &["cloudwatch"],
        mechanism: "metric agents buffer in memory while CloudWatch refuses them; memory contention fails invocations",
        health_series: "lambda_health",
        key_series: ("lambda_buffer_min", "min in memory"),
        format: ValueFormat::Count,
        position: (6e+02, 5e+00),
    },
    ServiceNode {
        id: "autoscaling",
        name: "Auto Scaling",
        depends_on: &["cloudwatch"],
        mechanism: "reactive policies wait for CloudWatch metrics that do not arrive",
        health_series: "autoscaling_health",
        key_series: ("autoscaling_readable", "of metrics readable"),
        format: ValueFormat::Percent,
        position: (6e+02, 8e+01),
    },
    ServiceNode {
        id: "cognito",
        name: "Cognito",
        depends_on: &["kinesis"],
        mechanism: "usage data buffered for Kinesis; a latent bug blocks webservers when the buffer is full",
        health_series: "cognito_health",
        key_series: ("cognito_buffer_fill", "buffer fill"),
        format: ValueFormat::Percent,
        position: (4e+02, 2e+02),
    },
    ServiceNode {
        id: "eventbridge",
        name: "EventBridge",
        depends_on: &["kinesis"],
        mechanism: "API errors; events pile up in a backlog that drains slowly once Kinesis improves",
        health_series: "eventbridge_health",
        key_series: ("eventbridge_backlog_min", "min of backlog"),
        format: ValueFormat::Count,
        position: (4e+02, 3e+02),
    },
    ServiceNode {
        id: "ecs",
        name: "ECS",
        depends_on: &["eventbridge"],
        mechanism: "cluster workflows run on EventBridge: provisioning, scaling and task de-provisioning stall",
        health_series: "ecs_health",
        key_series: ("ecs_health", "workflows on time"),
        format: ValueFormat::Percent,
        position: (6e+02, 2e+02),
    },
    ServiceNode {
        id: "eks",
        name: "EKS",
        depends_on: &["eventbridge"],
        mechanism: "cluster workflows run on EventBridge: new clusters are not provisioned, scaling is delayed",
        health_series: "eks_health",
        key_series: ("eks_health", "workflows on time"),
        format: ValueFormat::Percent,
        position: (6e+02, 3e+02),
    },
    ServiceNode {
        id: "shd",
        name: "Service Health Dashboard",
        depends_on: &["cognito"],
        mechanism: "the posting tool signs in through Cognito; the backup tool works but is slower",
        health_series: "shd_health",
        key_series: ("shd_health", "posting status"),
        format: ValueFormat::Posting,
        position: (6e+02, 2e+02),
    },
    ServiceNode {
        id: "phd",
        name: "Personal Health Dashboard",
        depends_on: &[],
        mechanism: "independent of Kinesis; used to notify affected customers directly",
        health_series: "phd_health",
        key_series: ("phd_health", "available"),
        format: ValueFormat::Available,
        position: (4e+00, 3e+02),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_series_a_node_names_exists_and_every_dependency_is_a_node() {
        let recording = crate::sim::run(&crate::Scenario::default());
        let Ok(r) = recording else {
            panic!("the run failed");
        };
        for node in SERVICES {
            for name in [node.health_series, node.key_series.0] {
                assert!(
                    r.series.column(name).is_some(),
                    "{}: no series {name}",
                    node.id
                );
            }
            for up in node.depends_on {
                assert!(SERVICES.iter().any(|n| n.id == *up), "{}: {up}", node.id);
            }
        }
        let mut ids: Vec<_> = SERVICES.iter().map(|n| n.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), SERVICES.len(), "ids are unique");
    }

    #[test]
    fn key_quantities_are_written_in_their_format() {
        let find = |id: &str| SERVICES.iter().find(|n| n.id == id).copied();
        let (Some(kinesis), Some(shd), Some(frontend)) =
            (find("kinesis"), find("shd"), find("frontend"))
        else {
            panic!("nodes");
        };
        assert_eq!(kinesis.key_text(0.75), "75% error rate");
        assert_eq!(frontend.key_text(3558.0), "3558 past the thread limit");
        assert_eq!(shd.key_text(0.0), "on the backup tool");
    }
}
