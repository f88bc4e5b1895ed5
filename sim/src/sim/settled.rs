//! Whether a run can still change: a sweep point (and the sensitivity runs) stop as soon as it
//! cannot.

use crate::fleet::ServerState;
use crate::milestones::Milestone;
use crate::sim::Simulation;

impl Simulation {
    /// Whether nothing can change any more: the addition is over; no server is past the limit,
    /// cold-starting or evicted; no branch change is pending; an alarm (if any) has been
    /// answered by a restart that has finished; and no server can cross the limit again,
    /// because every view it may still hold (at most the discovery delay old) shows a membership
    /// whose threads fit under the limit.
    pub fn settled(&self) -> bool {
        let s = &self.scenario;
        let count = |st: ServerState| self.counts[st as usize];
        let alarm_answered = !self.milestones.has(Milestone::FirstAlarm)
            || (self.milestones.has(Milestone::RestartStarted) && self.restart.queue.is_empty());
        let quiet_fleet = self.t > s.fleet.add_end_min
            && count(ServerState::LimitHit) == 0
            && count(ServerState::ColdStart) == 0
            && count(ServerState::Evicted) == 0
            && self.pending.is_empty()
            && alarm_answered;
        quiet_fleet && self.views_fit()
    }

    /// Whether every membership a server may still see fits its threads under the limit.
    fn views_fit(&self) -> bool {
        let s = &self.scenario;
        let fits = |peers: u32| {
            let (wanted, _) = crate::phases::threads::threads_for(s, peers);
            wanted <= s.threads.limit
        };
        if s.shardmap.dedicated_fleet {
            return fits(s.shardmap.cache_fleet_servers);
        }
        let from = self.t - s.discovery.max_delay_min as i32 - 1;
        (0..self.membership.cells())
            .all(|cell| fits(self.membership.most_since(cell, from).saturating_sub(1)))
    }
}
