//! The simulation: state of a run in progress, and `step()`, which advances it one minute
//! through named phases in a fixed order (one file each under `phases/`).

use crate::clock::Minute;
use crate::fleet::Fleet;
use crate::fleet::ServerState;
use crate::membership::MembershipHistory;
use crate::milestones::{Milestone, Milestones};
use crate::params::ParamError;
use crate::phases::{self, alarms, ops, restart, traffic};
use crate::recording::{Event, EventKind, Recording, Series, ServerTable, Transition};
use crate::scenario::Scenario;
use crate::services::{
    autoscaling::AutoScaling, cloudwatch::CloudWatch, cognito::Cognito, containers::Containers,
    dashboards::Dashboards, eventbridge::EventBridge, lambda::Lambda,
};
use crate::validate::validate;

/// The downstream services' states.
#[derive(Debug, Clone, Default)]
pub struct Services {
    /// CloudWatch metrics and logs.
    pub cloudwatch: CloudWatch,
    /// Lambda invocation hosts.
    pub lambda: Lambda,
    /// Auto Scaling reactive policies.
    pub autoscaling: AutoScaling,
    /// Cognito webservers.
    pub cognito: Cognito,
    /// EventBridge.
    pub eventbridge: EventBridge,
    /// ECS cluster workflows.
    pub ecs: Containers,
    /// EKS cluster workflows.
    pub eks: Containers,
    /// Service Health Dashboard and Personal Health Dashboard.
    pub dashboards: Dashboards,
}

/// A run in progress.
#[derive(Debug, Clone)]
pub struct Simulation {
    /// The scenario (validated).
    pub scenario: Scenario,
    /// The current minute (the next `step` simulates this minute).
    pub t: Minute,
    /// The front-end fleet.
    pub fleet: Fleet,
    /// Members per cell over time.
    pub membership: MembershipHistory,
    /// Operator actions in progress.
    pub ops: ops::OpsState,
    /// The restart in progress.
    pub restart: restart::RestartState,
    /// Load and availability of the fleet.
    pub traffic: traffic::TrafficState,
    /// Downstream services.
    pub services: Services,
    /// Alarm evaluation.
    pub alarms: alarms::AlarmState,
    /// Milestones so far.
    pub milestones: Milestones,
    /// Event log so far.
    pub events: Vec<Event>,
    /// Series so far.
    pub series: Series,
    /// Server state changes so far, in time order.
    pub transitions: Vec<Transition>,
    /// Share of requests a failing server misroutes, by shard-map age in minutes.
    pub misroute_by_age: Vec<f32>,
    /// Threads of the running servers this minute (reused buffer).
    pub running_threads: Vec<u32>,
    /// Scratch space for the thread median (reused buffer).
    pub scratch: Vec<u32>,
}

impl Simulation {
    /// A simulation at the scenario's start; the scenario is validated first.
    pub fn new(scenario: &Scenario) -> Result<Self, ParamError> {
        validate(scenario)?;
        let s = scenario.clone();
        let ticks = (s.time.end_min - s.time.start_min) as usize;
        let fleet = Fleet::new(&s);
        let membership = MembershipHistory::new(fleet.cells as usize, s.time.start_min, ticks);
        let misroute_by_age = phases::shardmap::misroute_table(&s, ticks + 1);
        Ok(Self {
            t: s.time.start_min,
            fleet,
            membership,
            ops: ops::OpsState::default(),
            restart: restart::RestartState::new(&s),
            traffic: traffic::TrafficState::default(),
            services: Services::default(),
            alarms: alarms::AlarmState::default(),
            milestones: Milestones::default(),
            events: Vec::new(),
            series: Series::default(),
            transitions: Vec::new(),
            misroute_by_age,
            running_threads: Vec::new(),
            scratch: Vec::new(),
            scenario: s,
        })
    }

    /// Whether the run has reached its end.
    pub fn finished(&self) -> bool {
        self.t >= self.scenario.time.end_min
    }

    /// Advances one simulated minute. The phases run in this order, each in its own file.
    pub fn step(&mut self) {
        // 1. Scheduled operator actions: capacity add and removal, restart start, fixes.
        phases::ops::run(self);
        // 2. Discovery: membership now, and what each server's lagged view of it knows.
        phases::discovery::run(self);
        // 3. Thread accounting against the OS limit; servers past it cannot build shard-maps.
        phases::threads::run(self);
        // 4. Shard-map construction: good maps are renewed; failed ones age.
        phases::shardmap::run(self);
        // 5. Restarts, cold start and health checks (which judge the last minute's load).
        phases::restart::run(self);
        // 6. Traffic: load per server and Kinesis availability.
        phases::traffic::run(self);
        // 7. Downstream services, upstream first.
        phases::downstream::run(self);
        // 8. Alarms and milestones.
        phases::alarms::run(self);
        // 9. Recording of this minute.
        phases::record::run(self);
        self.t += 1;
    }

    /// Moves server `i` to `state` now, recording the change.
    pub fn set_state(&mut self, i: usize, state: ServerState) {
        if self.fleet.state[i] == state {
            return;
        }
        self.fleet.state[i] = state;
        self.fleet.since[i] = self.t;
        self.transitions.push(Transition {
            t: self.t,
            server: i as u32,
            state,
        });
    }

    /// Adds a line to the event log.
    pub fn log(&mut self, kind: EventKind, text: impl Into<String>, source: &str) {
        self.events.push(Event {
            t: self.t,
            kind,
            text: text.into(),
            source: source.to_string(),
        });
    }

    /// Records a milestone now (once) and logs it.
    pub fn milestone(&mut self, m: Milestone) {
        if self.milestones.hit(m, self.t) {
            let source = match m.historical() {
                Some(real) => format!(
                    "AWS summary: {} at {} PST",
                    m.label(),
                    crate::clock::format(real)
                ),
                None => "model".to_string(),
            };
            self.log(EventKind::Milestone, m.label(), &source);
        }
    }

    /// Runs to the end and returns the recording.
    pub fn finish(mut self) -> Recording {
        while !self.finished() {
            self.step();
        }
        let n = self.fleet.len();
        let mut transitions = std::mem::take(&mut self.transitions);
        // Stable: a server's changes stay in time order.
        transitions.sort_by_key(|c| c.server);
        let mut offsets = vec![0u32; n + 1];
        for c in &transitions {
            offsets[c.server as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        self.events.sort_by_key(|e| e.t);
        Recording {
            milestones: self.milestones,
            events: self.events,
            series: self.series,
            servers: ServerTable {
                lag: self.fleet.lag,
                existing: self.fleet.existing,
                cells: self.fleet.cells,
                offsets,
                transitions,
            },
            membership: self.membership,
            scenario: self.scenario,
        }
    }
}

/// Runs a scenario from start to end.
pub fn run(scenario: &Scenario) -> Result<Recording, ParamError> {
    Ok(Simulation::new(scenario)?.finish())
}
