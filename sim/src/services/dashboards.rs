//! The Service Health Dashboard and the Personal Health Dashboard. The tool that posts to the
//! Service Health Dashboard signs in through Cognito, so it could not post; the backup tool has
//! minimal dependencies but is manual and less familiar, hence slower. The Personal Health
//! Dashboard is independent and was used to notify affected customers (AWS summary, last
//! paragraphs).

use crate::clock::Minute;
use crate::scenario;

/// How posting to the Service Health Dashboard is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Posting {
    /// Nothing to post yet (no alarm, or not yet time to post).
    #[default]
    Idle,
    /// Posting with the usual tool.
    Primary,
    /// The usual tool cannot sign in; posting with the backup tool.
    Backup,
    /// The first post is up.
    Posted,
}

/// State of the dashboards.
#[derive(Debug, Clone, Default)]
pub struct Dashboards {
    /// Posting to the Service Health Dashboard.
    pub posting: Posting,
    /// When the first post will be up, once posting started.
    pub post_due: Option<Minute>,
    /// Whether the Personal Health Dashboard notices went out.
    pub phd_notified: bool,
}

/// What happened to the dashboards this minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DashboardEvent {
    /// The posting tool could not sign in through Cognito.
    Blocked,
    /// The first Service Health Dashboard post went up.
    Posted,
    /// Personal Health Dashboard notices went out.
    Notified,
}

impl Dashboards {
    /// Advances one minute. `first_alarm` is when the incident was detected, if it was.
    pub fn step(
        &mut self,
        p: &scenario::Dashboards,
        t: Minute,
        first_alarm: Option<Minute>,
        cognito_error: f64,
    ) -> Option<DashboardEvent> {
        let alarm = first_alarm?;
        if !self.phd_notified && t >= alarm + p.phd_after_alarm_min as Minute {
            self.phd_notified = true;
            return Some(DashboardEvent::Notified);
        }
        match self.posting {
            Posting::Idle if t >= alarm + p.post_after_alarm_min as Minute => {
                if cognito_error >= p.signin_error_max {
                    self.posting = Posting::Backup;
                    self.post_due = Some(t + p.backup_post_min as Minute);
                    Some(DashboardEvent::Blocked)
                } else {
                    self.posting = Posting::Primary;
                    self.post_due = Some(t + p.primary_post_min as Minute);
                    None
                }
            }
            Posting::Primary | Posting::Backup if self.post_due.is_some_and(|d| t >= d) => {
                self.posting = Posting::Posted;
                Some(DashboardEvent::Posted)
            }
            _ => None,
        }
    }

    /// Health of the Service Health Dashboard for the service graph: 1 = customers informed or
    /// nothing to tell, 0.7 = something to tell and the usual tool posting it (degraded: not yet
    /// told, but working), 0 = the usual tool cannot post (failing).
    pub fn shd_health(&self, alarmed: bool) -> f64 {
        match self.posting {
            Posting::Posted => 1.0,
            Posting::Backup => 0.0,
            Posting::Primary => 0.7,
            Posting::Idle if alarmed => 0.7,
            Posting::Idle => 1.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failing_cognito_forces_the_slow_backup_tool() {
        let p = scenario::Dashboards::default();
        let mut d = Dashboards::default();
        let mut events = Vec::new();
        for t in 0..400 {
            if let Some(e) = d.step(&p, t, Some(100), 0.5) {
                events.push((t, e));
            }
        }
        let blocked = 100 + p.post_after_alarm_min as Minute;
        assert!(events.contains(&(blocked, DashboardEvent::Blocked)));
        assert!(events.contains(&(
            blocked + p.backup_post_min as Minute,
            DashboardEvent::Posted
        )));
    }

    #[test]
    fn working_cognito_posts_quickly_and_no_alarm_posts_nothing() {
        let p = scenario::Dashboards::default();
        let mut d = Dashboards::default();
        let mut posted = None;
        for t in 0..400 {
            if d.step(&p, t, Some(100), 0.0) == Some(DashboardEvent::Posted) {
                posted = Some(t);
            }
        }
        assert_eq!(
            posted,
            Some(100 + (p.post_after_alarm_min + p.primary_post_min) as Minute)
        );
        let mut quiet = Dashboards::default();
        assert!((0..400).all(|t| quiet.step(&p, t, None, 1.0).is_none()));
    }
}
