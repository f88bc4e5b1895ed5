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
use crate::tallies::Tallies;
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

mod branching;
mod settled;
mod tick;

pub use tick::{PassOut, Tick, TickStats};

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
    pub(crate) ops: ops::OpsState,
    /// The restart in progress.
    pub(crate) restart: restart::RestartState,
    /// Load and availability of the fleet.
    pub(crate) traffic: traffic::TrafficState,
    /// Downstream services.
    pub(crate) services: Services,
    /// Alarm evaluation.
    pub(crate) alarms: alarms::Evaluation,
    /// Milestones so far.
    pub milestones: Milestones,
    /// Event log so far.
    pub events: Vec<Event>,
    /// Series so far.
    pub series: Series,
    /// Server state changes so far, in time order.
    pub(crate) transitions: Vec<Transition>,
    /// Share of requests a failing server misroutes, by shard-map age in minutes.
    pub(crate) misroute_by_age: Vec<f32>,
    /// The age at which a past-the-limit server's map counts as failing (for the recording).
    pub(crate) map_failing_age: Minute,
    /// Running totals over the fleet.
    pub(crate) tallies: Tallies,
    /// Servers that (re)started this minute before the pass: their view must be read.
    pub(crate) dirty: Vec<u32>,
    /// Last minute the membership of any cell changed.
    pub(crate) membership_changed_at: Minute,
    /// Whether some servers may have a non-zero overload count.
    pub(crate) overload_counted: bool,
    /// Servers in each state now, kept by `set_state`.
    pub(crate) counts: [u32; 7],
    /// Members of each cell now, kept by `set_state`.
    pub(crate) members: Vec<u32>,
    /// What the per-server phases found this minute.
    pub(crate) tick_stats: TickStats,
    /// Buffers of the pass over the fleet, reused between minutes.
    pass: PassOut,
    /// Requests routed right this minute, in servers' worth, before any overload (phase 4).
    pub(crate) routed_right: f64,
    /// Smallest server capacity: below this load nobody is overloaded.
    pub(crate) weakest_capacity: f32,
    /// Parameter changes of a branch still to come, in time order.
    pub(crate) pending: Vec<crate::branch::Change>,
    /// Preconditions of the scenario the model cannot honour, in words.
    pub warnings: Vec<String>,
    /// Servers joining or leaving rotation, per minute, over the last `PACE_HISTORY` minutes.
    pub(crate) rotation_changes: Vec<u32>,
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
        let map_failing_age = phases::shardmap::failing_age(&misroute_by_age);
        let mut counts = [0u32; 7];
        let mut members = vec![0u32; fleet.cells as usize];
        for (i, server) in fleet.servers.iter().enumerate() {
            counts[server.state as usize] += 1;
            if phases::discovery::is_member(server.state) {
                members[fleet.cell(i)] += 1;
            }
        }
        let weakest = fleet
            .servers
            .iter()
            .map(|server| server.capacity)
            .fold(f32::INFINITY, f32::min);
        Ok(Self {
            t: s.time.start_min,
            fleet,
            membership,
            ops: ops::OpsState::default(),
            restart: restart::RestartState::new(&s),
            traffic: traffic::TrafficState::default(),
            services: Services::default(),
            alarms: alarms::Evaluation::default(),
            milestones: Milestones::default(),
            events: Vec::new(),
            series: Series::default(),
            transitions: Vec::new(),
            misroute_by_age,
            map_failing_age,
            tallies: Tallies::default(),
            dirty: Vec::new(),
            membership_changed_at: s.time.start_min,
            overload_counted: false,
            counts,
            members,
            tick_stats: TickStats::default(),
            pass: PassOut::default(),
            routed_right: 0.0,
            weakest_capacity: weakest,
            pending: Vec::new(),
            warnings: crate::preconditions::check(&s),
            rotation_changes: vec![0; phases::restart::PACE_HISTORY],
            scenario: s,
        })
    }

    /// Whether the run has reached its end.
    pub fn finished(&self) -> bool {
        self.t >= self.scenario.time.end_min
    }

    /// Advances one simulated minute. The phases run in this order, each in its own file under
    /// `phases/`. Phases 2, 3 and 5 also have a per-server part, done in one pass over the
    /// servers it concerns (`pass_over_fleet`): each server reads and writes only its own entry
    /// there, and the fleet-wide bookkeeping follows the pass.
    pub fn step(&mut self) {
        self.restart.evicted_now = 0;
        let ring = self.rotation_changes.len() as Minute;
        self.rotation_changes[self.t.rem_euclid(ring) as usize] = 0;
        // 0. A branch's parameter changes due now. Reads: pending changes; writes: the scenario.
        self.apply_due_changes();
        // 1. Operators. Reads: milestones, the removal, the fleet's fit under the limit; writes:
        //    servers added, removed and restarted, the Cognito fix, the Lambda mitigation.
        phases::ops::run(self);
        // 2. Discovery, fleet-wide. Reads: members per cell; writes: this minute's membership.
        phases::discovery::run(self);
        // 2, 3, 5 per server. Reads: the membership history, last minute's load and supply;
        //    writes: peers known, threads, limit hit, cold-start progress, warm-ups, evictions.
        let tick = Tick::new(self);
        self.pass_over_fleet(&tick);
        // 3. Threads, fleet-wide. Reads: the pass's crossings and the thread tallies; writes: the
        //    first-crossing milestone, the thread alarm.
        phases::threads::after(self);
        // 4. Shard-maps and routing. Reads: servers by state, failing maps by age; writes: the
        //    share of requests routed right.
        phases::shardmap::run(self);
        // 5. Restarts, fleet-wide. Reads: the pass's cold starts and evictions; writes: first
        //    traffic, the pacing's counts, the restart's completion.
        phases::restart::after(self);
        // 6. Traffic. Reads: servers by state, routing, churn; writes: load, supply, availability.
        phases::traffic::run(self);
        // 7. Downstream services, upstream first. Reads: availability; writes: each service.
        phases::downstream::run(self);
        // 8. Alarms and milestones. Reads: availability and the services; writes: milestones.
        phases::alarms::run(self);
        // 9. Recording. Reads: everything above; writes: one row of every series.
        phases::record::run(self);
        self.t += 1;
    }

    /// The per-server parts of phases 2, 3 and 5: every server while the membership is changing
    /// (a lagged view may move), otherwise only the servers that restarted; the cold-starting
    /// ones; and every server in rotation while any may be overloaded.
    fn pass_over_fleet(&mut self, tick: &Tick) {
        let mut out = std::mem::take(&mut self.pass);
        out.changes.clear();
        out.evicted.clear();
        out.warming.clear();
        out.stats = TickStats {
            existing_ever_over: self.tick_stats.existing_ever_over,
            ..TickStats::default()
        };
        let window = i64::from(self.scenario.discovery.max_delay_min) + 1;
        let viewing = i64::from(self.t - self.membership_changed_at) <= window;
        let existing = self.fleet.existing as usize;
        let visit = |sim: &mut Simulation, i: usize, out: &mut PassOut| {
            let server = &mut sim.fleet.servers[i];
            // 2. What this server's lagged view of the membership shows.
            phases::discovery::server(server, i, tick, &sim.membership);
            // 3. Threads against the OS limit; a map that can no longer be rebuilt starts to age.
            phases::threads::server(server, i, i < existing, tick, out);
            phases::threads::tally(server, &mut sim.tallies);
        };
        if viewing {
            for i in 0..self.fleet.len() {
                visit(self, i, &mut out);
            }
        } else {
            let dirty = std::mem::take(&mut self.dirty);
            for &i in &dirty {
                visit(self, i as usize, &mut out);
            }
            self.dirty = dirty;
        }
        self.dirty.clear();
        // 5. Cold-start progress, warm-ups, and health checks on the last minute's load.
        phases::restart::pass(self, tick, &mut out);
        self.apply_pass(&mut out);
        self.pass = out;
    }

    /// The bookkeeping of the pass over the fleet: counts, membership, transitions, evictions.
    fn apply_pass(&mut self, out: &mut PassOut) {
        self.tick_stats = out.stats.clone();
        for &(i, old, state) in &out.changes {
            self.account(i as usize, old, state);
        }
        for &i in &out.evicted {
            phases::restart::evicted(self, i as usize);
        }
        self.tallies.warming.extend_from_slice(&out.warming);
    }

    /// Moves server `i` to `state` now, recording the change.
    pub fn set_state(&mut self, i: usize, state: ServerState) {
        let server = &mut self.fleet.servers[i];
        let old = server.state;
        if old == state {
            return;
        }
        server.state = state;
        server.since = self.t;
        self.account(i, old, state);
    }

    /// Counts, membership, running totals and the transition log for a change of server `i`.
    fn account(&mut self, i: usize, old: ServerState, state: ServerState) {
        self.counts[old as usize] -= 1;
        self.counts[state as usize] += 1;
        if old.in_rotation() != state.in_rotation() {
            let ring = self.rotation_changes.len() as Minute;
            self.rotation_changes[self.t.rem_euclid(ring) as usize] += 1;
        }
        let (was, is) = (
            phases::discovery::is_member(old),
            phases::discovery::is_member(state),
        );
        if was != is {
            let cell = self.fleet.cell(i);
            if is {
                self.members[cell] += 1;
            } else {
                self.members[cell] -= 1;
            }
            self.membership_changed_at = self.t;
        }
        let server = &mut self.fleet.servers[i];
        if old == ServerState::LimitHit {
            self.tallies.failing_map(server.last_good_map, false);
        }
        if state == ServerState::LimitHit {
            self.tallies.failing_map(server.last_good_map, true);
        }
        if state == ServerState::ColdStart {
            self.tallies.cold.push(i as u32);
        }
        if !state.running() {
            server.known = 0;
            server.threads = 0;
            server.wanted = 0;
            server.over_limit = false;
            phases::threads::tally(server, &mut self.tallies);
        }
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
        if self.warnings.is_empty() {
            self.warnings.extend(crate::preconditions::failing_at_rest(
                &self.scenario,
                &self.series,
            ));
        }
        Recording {
            milestones: self.milestones,
            events: self.events,
            series: self.series,
            servers: ServerTable {
                lag: self.fleet.servers.iter().map(|s| s.lag).collect(),
                existing: self.fleet.existing,
                cells: self.fleet.cells,
                add_cells: self.fleet.add_cells,
                rest: self.fleet.servers.iter().map(|s| s.rest).collect(),
                map_failing_age: self.map_failing_age,
                offsets,
                transitions,
            },
            membership: self.membership,
            warnings: self.warnings,
            scenario: self.scenario,
        }
    }
}

/// Runs a scenario from start to end.
pub fn run(scenario: &Scenario) -> Result<Recording, ParamError> {
    Ok(Simulation::new(scenario)?.finish())
}
