//! The service graph: which service depends on which, and the one-line mechanism of each, as
//! the app draws it. Every entry follows AWS's summary, its paragraph on that service.

/// A node of the service graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    },
    ServiceNode {
        id: "kinesis",
        name: "Kinesis API",
        depends_on: &["frontend"],
        mechanism: "puts and gets fail when the front end routes with a useless shard-map",
        health_series: "kinesis_success",
        key_series: ("kinesis_error", "error rate"),
    },
    ServiceNode {
        id: "cloudwatch",
        name: "CloudWatch",
        depends_on: &["kinesis"],
        mechanism: "metric and log ingestion runs on Kinesis; clients buffer, overflow is lost, alarms go to INSUFFICIENT_DATA",
        health_series: "cloudwatch_health",
        key_series: ("cloudwatch_buffered_min", "min of metrics buffered"),
    },
    ServiceNode {
        id: "lambda",
        name: "Lambda",
        depends_on: &["cloudwatch"],
        mechanism: "metric agents buffer in memory while CloudWatch refuses them; memory contention fails invocations",
        health_series: "lambda_health",
        key_series: ("lambda_buffer_min", "min of metrics in memory"),
    },
    ServiceNode {
        id: "autoscaling",
        name: "Auto Scaling",
        depends_on: &["cloudwatch"],
        mechanism: "reactive policies wait for CloudWatch metrics that do not arrive",
        health_series: "autoscaling_health",
        key_series: ("autoscaling_readable", "of metrics readable"),
    },
    ServiceNode {
        id: "cognito",
        name: "Cognito",
        depends_on: &["kinesis"],
        mechanism: "usage data buffered for Kinesis; a latent bug blocks webservers when the buffer is full",
        health_series: "cognito_health",
        key_series: ("cognito_buffer_fill", "buffer fill"),
    },
    ServiceNode {
        id: "eventbridge",
        name: "EventBridge",
        depends_on: &["kinesis"],
        mechanism: "API errors; events pile up in a backlog that drains slowly once Kinesis improves",
        health_series: "eventbridge_health",
        key_series: ("eventbridge_backlog_min", "min of events backlogged"),
    },
    ServiceNode {
        id: "ecs",
        name: "ECS",
        depends_on: &["eventbridge"],
        mechanism: "cluster workflows run on EventBridge: provisioning, scaling and task de-provisioning stall",
        health_series: "ecs_health",
        key_series: ("ecs_health", "workflows on time"),
    },
    ServiceNode {
        id: "eks",
        name: "EKS",
        depends_on: &["eventbridge"],
        mechanism: "cluster workflows run on EventBridge: new clusters are not provisioned, scaling is delayed",
        health_series: "eks_health",
        key_series: ("eks_health", "workflows on time"),
    },
    ServiceNode {
        id: "shd",
        name: "Service Health Dashboard",
        depends_on: &["cognito"],
        mechanism: "the posting tool signs in through Cognito; the backup tool works but is slower",
        health_series: "shd_health",
        key_series: ("shd_health", "posting status"),
    },
    ServiceNode {
        id: "phd",
        name: "Personal Health Dashboard",
        depends_on: &[],
        mechanism: "independent of Kinesis; used to notify affected customers directly",
        health_series: "phd_health",
        key_series: ("phd_health", "available"),
    },
];
